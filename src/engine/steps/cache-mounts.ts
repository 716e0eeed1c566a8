/**
 * Cache mounts that survive the runner. BuildKit keeps `RUN --mount=type=cache` directories inside the
 * builder and exports them with no cache backend (moby/buildkit#1512), so on a fresh runner they start
 * empty. Around the bake, on the same builder:
 *
 * - restore: each mount's last content comes from the GitHub cache service (a tar, by key), and one
 *   generated build copies it into the builder's cache mount of the same id (`tar -x` in a RUN that
 *   mounts both the cache and the restored directory);
 * - save, after a successful bake: a second generated build copies every mount out (`tar -c`, a local
 *   output), and a mount whose content changed is saved under a new key.
 *
 * The copy steps run in `cache-mounts-image` (it needs sh and tar). Keys: per mount id (and platform,
 * where the id names it), per branch, falling back to the default branch; the last part is the hash of
 * the content, so an unchanged mount is not saved again. Mount ids come from Dockerfiles (a fork's, on a
 * pull request): they reach the generated Dockerfile only through the safe set checked in
 * pipeline/cache-mounts.ts, never become a path on the runner (directories are named by a hash), and
 * reach the log and the summary escaped.
 */
import {createHash, randomBytes} from 'node:crypto';
import {createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import * as runner from '../../action/runner.js';
import {findCacheMounts, mergeMounts, excerpt, type CacheMount, type Discovery} from '../../pipeline/cache-mounts.js';
import type {EngineInputs} from '../../pipeline/inputs/index.js';
import type {Plan} from '../../pipeline/plan.js';
import {sanitizeTag} from '../../pipeline/metadata/version.js';
import {logValue} from '../../report/escape.js';
import type {BuildxApi} from '../buildx.js';

type Env = Record<string, string | undefined>;

/** The GitHub cache service as this step uses it (engine/gha-cache.ts; tests pass a stand-in). */
export interface CacheStore {
  available(env: Env): boolean;
  restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined>;
  save(paths: string[], key: string): Promise<boolean>;
}

/** The real one: @actions/cache through engine/gha-cache.ts, loaded when a run has cache mounts to keep. */
export async function ghaStore(): Promise<CacheStore> {
  const g = await import('../gha-cache.js');
  return {available: g.available, restore: g.restore, save: g.save};
}

/** Where a run keeps the mounts' content: stable across runs, as the cache service's entries are per path. */
export function cacheMountsDir(env: Env, fallback: string): string {
  return join(env['RUNNER_TEMP'] || fallback, 'multiarch-publish-cache-mounts');
}

export interface CacheMountsInput {
  buildx: BuildxApi;
  plan: Plan;
  engine: Pick<EngineInputs, 'cacheMounts' | 'cacheMountsImage' | 'noCache'>;
  /** `--builder` of the bake: the mounts live in that builder. */
  builderArg?: string;
  /** What Dockerfile paths are relative to. */
  workspace: string;
  /**
   * The action's directory for the mounts' content and the generated Dockerfiles. Stable across runs
   * (`<RUNNER_TEMP>/multiarch-publish-cache-mounts`): the cache service matches an entry only for the
   * same paths. Emptied first, removed by the caller when the run ends.
   */
  dir: string;
  env: Env;
  defaultBranch: string;
  store: CacheStore;
}

export type MountOutcome = 'saved' | 'unchanged' | 'empty' | 'not-saved' | 'not-extracted';

export interface MountState {
  mount: CacheMount;
  /** The key prefix of its entries: per id and platform. */
  base: string;
  /** Its directory under `dir` (named by a hash of the id, never by the id). */
  name: string;
  /** The key the content was restored from (none: the mount started empty). */
  restoredFrom?: string;
  /** Bytes of file content: restored, then as extracted after the build. */
  size?: number;
  outcome?: MountOutcome;
  /** The key it was saved under. */
  savedKey?: string;
}

export interface CacheMountsReport {
  mounts: MountState[];
  notes: string[];
  /** The copy steps ran (false: the mounts could not be restored, nor will be saved). */
  active: boolean;
}

const MOUNT_ROOT = '/mp-cache';

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** The cache scope of the ref: the branch, `pr-<n>` for a pull request, else the default branch. */
export function branchScope(ref: string, defaultBranch: string): string {
  const pr = /^refs\/pull\/(\d+)\//.exec(ref);
  const name = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : pr ? `pr-${pr[1]}` : defaultBranch;
  return sanitizeTag(name || 'default').slice(0, 100);
}

/** The key prefix of a mount's entries: readable part, then a hash of the id and platform (the id may be anything). */
export function mountBase(m: CacheMount): string {
  const slug = sanitizeTag([m.id, m.platform].filter(Boolean).join('-')).replace(/^[-.]+|[-.]+$/g, '').slice(0, 40) || 'mount';
  return `multiarch-publish-mount-${slug}-${hash(`${m.id}\n${m.platform ?? ''}`).slice(0, 12)}`;
}

/** The keys of a mount: where it is saved (with the content hash) and where it is looked for. */
export function mountKeys(m: CacheMount, ref: string, defaultBranch: string): {prefix: string; restoreKeys: string[]; key: (content: string) => string} {
  const base = mountBase(m);
  const branch = branchScope(ref, defaultBranch);
  const fallback = sanitizeTag(defaultBranch || '').slice(0, 100);
  const prefix = `${base}-${branch}-`;
  return {prefix, restoreKeys: fallback && fallback !== branch ? [`${base}-${fallback}-`] : [], key: content => `${prefix}${content}`};
}

/** `--mount=type=cache,...` for the copy steps: the user's id, uid, gid, mode and sharing, our target. */
export function cacheMountFlag(m: CacheMount, target: string): string {
  const opts = [`type=cache`, `id=${m.id}`, `target=${target}`, `sharing=${m.sharing}`];
  if (m.uid !== undefined) opts.push(`uid=${m.uid}`);
  if (m.gid !== undefined) opts.push(`gid=${m.gid}`);
  if (m.mode !== undefined) opts.push(`mode=${m.mode}`);
  return `--mount=${opts.join(',')}`;
}

/** The generated Dockerfile that copies restored content (`<name>/cache.tar` in the context) into each mount. */
export function injectDockerfile(image: string, mounts: MountState[]): string {
  return [
    '# generated by multiarch-publish: restored cache-mount content into the builder',
    `FROM ${image}`,
    ...mounts.map(s => `RUN ${cacheMountFlag(s.mount, MOUNT_ROOT)} --mount=type=bind,source=${s.name},target=/mp-in tar -xpf /mp-in/cache.tar -C ${MOUNT_ROOT}`),
    ''
  ].join('\n');
}

/** The generated Dockerfile that copies every mount out, `<name>/cache.tar` each; MP_RUN keeps the step from being cached. */
export function extractDockerfile(image: string, mounts: MountState[]): string {
  const flags = mounts.map((s, n) => cacheMountFlag(s.mount, `${MOUNT_ROOT}/${n}`)).join(' ');
  const copy = mounts.map((s, n) => `mkdir -p /mp-out/${s.name} && tar -cf /mp-out/${s.name}/cache.tar -C ${MOUNT_ROOT}/${n} .`).join(' && ');
  return ['# generated by multiarch-publish: the builder\'s cache-mount content, out', `FROM ${image} AS copy`, 'ARG MP_RUN', `RUN ${flags} ${copy}`, 'FROM scratch', 'COPY --from=copy /mp-out/ /', ''].join('\n');
}

/**
 * A hash of a tar's content that does not depend on the order of its entries or on directory times:
 * every entry's name, type, mode, owner, link and (for files) time and content. Also the bytes of file
 * content, and whether it holds anything but the top directory.
 */
export async function tarDigest(file: string): Promise<{digest: string; size: number; empty: boolean}> {
  const {extract} = await import('tar-stream');
  const entries: string[] = [];
  let size = 0;
  const ex = extract();
  const done = new Promise<void>((ok, fail) => {
    ex.on('entry', (h, stream, next) => {
      const content = createHash('sha256');
      stream.on('data', (d: unknown) => void content.update(d as Buffer));
      stream.on('end', () => {
        const name = h.name.replace(/^(\.\/)+/, '').replace(/\/$/, '');
        if (h.type === 'file' || h.type === 'contiguous-file') size += h.size ?? 0;
        if (name !== '' && name !== '.') {
          const time = h.type === 'directory' ? '' : String(h.mtime?.getTime() ?? '');
          entries.push(JSON.stringify([name, h.type, h.mode, h.uid, h.gid, h.linkname ?? '', time, content.digest('hex')]));
        }
        next();
      });
      stream.on('error', fail);
    });
    ex.on('finish', ok);
    ex.on('error', fail);
  });
  createReadStream(file).on('error', e => ex.destroy(e)).pipe(ex);
  await done;
  entries.sort();
  return {digest: hash(entries.join('\n')).slice(0, 16), size, empty: entries.length === 0};
}

/** The mounts of this run: the listed ones, or those found in the Dockerfiles being built. */
export async function planMounts(i: Pick<CacheMountsInput, 'plan' | 'engine' | 'workspace'>): Promise<Discovery> {
  const c = i.engine.cacheMounts;
  if (c.mode === 'false') return {mounts: [], notes: []};
  if (c.mode === 'list') return legMounts(mergeMounts([{mounts: c.mounts, notes: []}]), i.plan.legPlatforms);
  const found: Discovery[] = [];
  const read = new Map<string, string>();
  for (const b of i.plan.builds) {
    if (/^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(b.context)) {
      found.push({mounts: [], notes: [`${b.file}: a remote context; its cache mounts are not looked for (list them in cache-mounts)`]});
      continue;
    }
    const path = resolve(i.workspace, b.file);
    let text = read.get(path);
    try {
      text ??= readFileSync(path, 'utf8');
      read.set(path, text);
    } catch (e) {
      found.push({mounts: [], notes: [`${b.file}: not read (${(e as NodeJS.ErrnoException).code ?? 'error'})`]});
      continue;
    }
    if (b.buildArgs['BUILDKIT_CACHE_MOUNT_NS'] !== undefined) {
      found.push({mounts: [], notes: [`${b.file}: BUILDKIT_CACHE_MOUNT_NS is set: its cache mounts are not restored`]});
      continue;
    }
    found.push(await findCacheMounts(text, b.file, b.platforms));
  }
  return legMounts(mergeMounts(found), i.plan.legPlatforms);
}

/**
 * A build leg (mode: build): a mount shared by every platform is the leg's platforms' own, so that two
 * legs never restore or replace each other's (their keys differ by platform).
 */
function legMounts(d: Discovery, legPlatforms: string[] | undefined): Discovery {
  if (!legPlatforms?.length) return d;
  return {...d, mounts: d.mounts.map(m => (m.platform ? m : {...m, platform: legPlatforms.join(',')}))};
}

function emptyDir(dir: string): void {
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true, mode: 0o700});
}

/** The last lines of a copy step's output, in the log inside a command region (the output echoes mount ids). */
function showFailure(what: string, output: string): void {
  runner.warning(`${what}: see the log of the copy step above; the build goes on without it`);
  runner.group(`Log of the cache-mount copy step (${what})`, () => runner.untrusted(output.split('\n').slice(-30).join('\n')));
}

/** Before the bake: restore each mount's content and copy it into the builder. Never throws. */
export async function restoreCacheMounts(i: CacheMountsInput): Promise<CacheMountsReport> {
  const planned = await planMounts(i);
  const notes = [...planned.notes];
  const report = (mounts: MountState[], active: boolean): CacheMountsReport => ({mounts, notes, active});
  if (i.engine.cacheMounts.mode === 'false') return report([], false);
  if (!planned.mounts.length) {
    if (i.engine.cacheMounts.mode === 'list' || notes.length) notes.unshift('no cache mount to restore');
    return report([], false);
  }
  const states: MountState[] = planned.mounts.map(mount => {
    const base = mountBase(mount);
    return {mount, base, name: `m-${hash(base).slice(0, 16)}`};
  });
  if (i.engine.noCache) {
    notes.push('no-cache is set: BuildKit starts cache mounts afresh, so none is restored or saved');
    return report(states, false);
  }
  if (!i.store.available(i.env)) {
    notes.push('the GitHub cache service is not available here: cache mounts start empty and are not saved');
    return report(states, false);
  }
  emptyDir(i.dir);
  for (const s of states) {
    const keys = mountKeys(s.mount, i.plan.ref, i.defaultBranch);
    const dir = join(i.dir, s.name);
    mkdirSync(dir, {recursive: true});
    let hit = await i.store.restore([dir], keys.prefix, keys.restoreKeys);
    const tar = join(dir, 'cache.tar');
    // every key this action saves is of this set; another one (written by something else) is not used
    if (hit && !/^[A-Za-z0-9._-]{1,512}$/.test(hit)) {
      notes.push(`the cache entry restored for ${excerpt(s.mount.id)} has a key this action does not write: not used`);
      rmSync(tar, {force: true});
      hit = undefined;
    }
    if (hit && existsSync(tar) && statSync(tar).isFile()) {
      try {
        s.size = (await tarDigest(tar)).size;
        s.restoredFrom = hit;
      } catch (e) {
        notes.push(`the cache entry ${excerpt(hit)} of ${excerpt(s.mount.id)} is not a tar (${excerpt((e as Error).message)}): the mount starts empty`);
        rmSync(tar, {force: true});
      }
    }
    runner.info(`Cache mount ${logValue(s.mount.id)}${s.mount.platform ? ` (${s.mount.platform})` : ''}: ${s.restoredFrom ? `restored from ${logValue(s.restoredFrom)}` : 'nothing to restore'}`);
  }
  const restored = states.filter(s => s.restoredFrom);
  if (!restored.length) {
    rmSync(i.dir, {recursive: true, force: true});
    return report(states, true);
  }
  const file = join(i.dir, 'inject.Dockerfile');
  writeFileSync(file, injectDockerfile(i.engine.cacheMountsImage, restored));
  // the context is the directory of the restored content: only those tars go to the builder
  const out = await runner.group('Cache mounts: copy the restored content into the builder', () => i.buildx.build({file, context: i.dir, builder: i.builderArg, output: {type: 'cacheonly'}}));
  // in the builder now: the runner keeps nothing of it while the bake runs
  rmSync(i.dir, {recursive: true, force: true});
  if (out.code !== 0) {
    showFailure(`The restored cache-mount content could not be copied into the builder (in ${i.engine.cacheMountsImage})`, out.output);
    notes.push(`copying the restored content into the builder failed (in ${i.engine.cacheMountsImage}): the mounts start empty and are not saved`);
    for (const s of restored) s.restoredFrom = undefined;
    return report(states, false);
  }
  return report(states, true);
}

/** After a successful bake: copy every mount out and save the ones that changed. Never throws. */
export async function saveCacheMounts(i: CacheMountsInput, r: CacheMountsReport): Promise<CacheMountsReport> {
  if (!r.active || !r.mounts.length) return r;
  const notes = [...r.notes];
  const states = r.mounts.map(s => ({...s}));
  const outDir = join(i.dir, 'out');
  const context = join(i.dir, 'empty');
  try {
    emptyDir(outDir);
    emptyDir(context);
    const file = join(i.dir, 'extract.Dockerfile');
    writeFileSync(file, extractDockerfile(i.engine.cacheMountsImage, states));
    const out = await runner.group('Cache mounts: copy the content out of the builder', () =>
      i.buildx.build({file, context, builder: i.builderArg, buildArgs: {MP_RUN: randomBytes(8).toString('hex')}, output: {type: 'local', dest: outDir}})
    );
    if (out.code !== 0) {
      showFailure(`The cache-mount content could not be copied out of the builder (in ${i.engine.cacheMountsImage})`, out.output);
      notes.push('copying the content out of the builder failed: nothing was saved');
      for (const s of states) s.outcome = 'not-extracted';
      return {mounts: states, notes, active: r.active};
    }
    for (const s of states) {
      const tar = join(outDir, s.name, 'cache.tar');
      if (!existsSync(tar)) {
        s.outcome = 'not-extracted';
        continue;
      }
      const d = await tarDigest(tar);
      s.size = d.size;
      const restoredDigest = s.restoredFrom?.slice(s.restoredFrom.lastIndexOf('-') + 1);
      if (d.empty) s.outcome = 'empty';
      else if (restoredDigest === d.digest) s.outcome = 'unchanged';
      else {
        const key = mountKeys(s.mount, i.plan.ref, i.defaultBranch).key(d.digest);
        const dir = join(i.dir, s.name);
        emptyDir(dir);
        renameSync(tar, join(dir, 'cache.tar'));
        const saved = await i.store.save([dir], key);
        s.outcome = saved ? 'saved' : 'not-saved';
        if (saved) s.savedKey = key;
      }
      runner.info(`Cache mount ${logValue(s.mount.id)}${s.mount.platform ? ` (${s.mount.platform})` : ''}: ${s.outcome}${s.savedKey ? ` as ${logValue(s.savedKey)}` : ''}`);
    }
  } catch (e) {
    runner.warning(`Saving the cache mounts failed: ${logValue((e as Error).message)}`);
    notes.push('saving the cache mounts failed (see the warning in the log)');
  } finally {
    rmSync(i.dir, {recursive: true, force: true});
  }
  return {mounts: states, notes, active: r.active};
}
