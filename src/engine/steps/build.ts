/**
 * The one bake: every build of the plan in a single `docker buildx bake`, so BuildKit solves all targets
 * in one graph. A push the registry failed for a transient reason is tried again (the builds are cached,
 * so only the upload repeats); a failed build step or a refusal is not. Failures are reported per
 * image, with the platform (diagnosed one platform at a time when the log does not say).
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import * as runner from '../../action/runner.js';
import {STATE, type Recorder} from '../../action/state.js';
import type {BuildPlan, Plan} from '../../pipeline/plan.js';
import type {EngineInputs} from '../../pipeline/inputs/index.js';
import {bakeSecretEntry} from '../../pipeline/inputs/secrets.js';
import type {BuildxApi} from '../buildx.js';
import {bakeDefinition, serializeBake, parseFailures, cancelledTargets, layoutPath, workspaceDir, CANCELLED_ERROR, type BakeMetadata, type BakeSettings, type BuildFailure, type PushMode} from '../bake.js';
import {cacheSettings, redactCacheLine, type LocalCacheDirs} from '../cache.js';
import {available as cacheServiceAvailable} from '../gha-cache.js';
import {wantsLocalCache, restoreLocalCaches, localCacheDirs, saveLocalCaches, removeLocalCaches, localCacheNote} from '../local-cache.js';
import {isTransient} from '../exec.js';
import {registryMessage} from '../registry.js';

export interface BuildInput {
  buildx: BuildxApi;
  plan: Plan;
  engine: EngineInputs;
  /** The chosen builder's driver (push by digest, cache support) and its `--builder` argument. */
  driver: string;
  builderArg?: string;
  output: 'push' | 'load' | 'none';
  /** Where the bake file, its metadata and the secrets go. */
  workDir: string;
  /** The runner's environment (is the GitHub cache service there?). */
  env: Record<string, string | undefined>;
  defaultBranch: string;
  stagingTag: string;
  record: Recorder;
  /** Attempts of a push that failed for a transient reason, and the first back-off (doubling). */
  retry?: {attempts: number; baseDelayMs: number};
  sleep?: (ms: number) => Promise<void>;
}

/**
 * How this driver pushes (bake.ts PushMode): the docker driver cannot push by digest (buildx refuses
 * `push-by-digest` for it), so it exports an OCI layout that steps/staging.ts pushes by digest; every
 * other driver pushes by digest itself, or under the staging tag when `staging-tags: keep` asks for it.
 */
export function pushModeOf(driver: string, stagingTags: 'remove' | 'keep'): PushMode {
  if (driver === 'docker') return 'layout';
  return stagingTags === 'keep' ? 'staging-tag' : 'digest';
}

interface BakeFiles {
  bakeFile: string;
  /** The definition as written (the summary shows it). */
  definition: string;
  cacheNote: string;
  /** Wall-clock seconds of the bake(s). */
  seconds: number;
}

export type BuildResult =
  | (BakeFiles & {
      ok: true;
      metadata: BakeMetadata;
      /** Per build id: from its first to its last log line. */ buildSeconds: Record<string, number>;
      pushMode: PushMode;
      /** `layout`: each build's OCI layout, for steps/staging.ts to push. */
      layouts: {build: BuildPlan; dir: string}[];
    })
  | (BakeFiles & {
      ok: false;
      /** One message per failed image, as reported. */ messages: string[];
      /** The images (or targets) that failed; `the bake` when no step of it did. */ failed: string[];
      /** The images BuildKit cancelled when another failed (not failures of their own); absent when none. */ cancelled?: string[];
    });

const wait = (ms: number) => new Promise<void>(r => setTimeout(r, ms));

function writeBake(i: BuildInput, local?: LocalCacheDirs): {bakeFile: string; metadataFile: string; definition: string; cacheNote: string; settings: BakeSettings} {
  const {plan, engine: e} = i;
  const cache = cacheSettings(i.output === 'push' ? plan : {...plan, push: false}, e, i.driver, i.env, i.defaultBranch, local);
  // values are written to files of the action's own; files and variables are bake's to read
  const secretsDir = join(i.workDir, 'secrets');
  if (e.secrets.some(s => s.source === 'value')) {
    mkdirSync(secretsDir, {mode: 0o700});
    i.record(STATE.secretsDir, secretsDir);
  }
  const secrets = e.secrets.map(s => {
    if (s.source !== 'value') return bakeSecretEntry(s);
    writeFileSync(join(secretsDir, s.id), s.value, {mode: 0o600});
    return bakeSecretEntry(s, join(secretsDir, s.id));
  });
  const settings: BakeSettings = {
    push: i.output === 'push',
    load: i.output === 'load',
    pushMode: pushModeOf(i.driver, e.stagingTags),
    stagingTag: i.stagingTag,
    layoutDir: join(i.workDir, 'oci'),
    cacheFrom: cache.from,
    cacheTo: cache.to,
    secrets,
    provenance: e.provenance,
    sbom: e.sbom,
    noCache: e.noCache,
    pull: e.pull
  };
  const bakeFile = join(i.workDir, 'bake.json');
  writeFileSync(bakeFile, serializeBake(bakeDefinition(plan, settings)) + '\n');
  // what the summary shows: the same, credentials of cache lines as ***
  const redact = (c: Record<string, string[]>) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.map(redactCacheLine)]));
  const definition = serializeBake(bakeDefinition(plan, {...settings, cacheFrom: redact(cache.from), cacheTo: redact(cache.to)}));
  runner.info(`Bake definition: ${bakeFile}`);
  return {bakeFile, metadataFile: join(i.workDir, 'bake-metadata.json'), definition, cacheNote: cache.note, settings};
}

/** Which platform of a failed target failed, when the log does not say: each one alone, cache-only. */
async function diagnosePlatform(i: BuildInput, build: BuildPlan, file: string): Promise<string[]> {
  const failed: string[] = [];
  for (const platform of build.platforms) {
    const out = await i.buildx.bake({file, progress: 'quiet', builder: i.builderArg, set: [`${build.id}.platform=${platform}`, `${build.id}.output=type=cacheonly`], targets: [build.id]});
    if (out.code !== 0) failed.push(platform);
  }
  return failed.length ? failed : build.platforms;
}

/** `cache: local` (engine/local-cache.ts): restore each image's cache, bake, save the new ones, remove the directories. */
export async function build(i: BuildInput): Promise<BuildResult> {
  // the docker driver with the service there: setup refused or replaced it, and the note says why
  if (!wantsLocalCache(i.engine) || (i.driver === 'docker' && cacheServiceAvailable(i.env))) return bake(i);
  try {
    const local = await runner.group('Restore the local cache', () => restoreLocalCaches(i.plan, i.defaultBranch, i.env));
    if (!local) return await bake(i);
    const result = await bake(i, localCacheDirs(local));
    const caches = result.ok ? await runner.group('Save the local cache', () => saveLocalCaches(local)) : local;
    return {...result, cacheNote: localCacheNote(caches)};
  } finally {
    removeLocalCaches(i.env);
  }
}

async function bake(i: BuildInput, local?: LocalCacheDirs): Promise<BuildResult> {
  const {plan} = i;
  const {bakeFile, metadataFile, definition, cacheNote, settings} = writeBake(i, local);
  const attempts = i.retry?.attempts ?? 3;
  const baseDelayMs = i.retry?.baseDelayMs ?? 2000;
  const sleep = i.sleep ?? wait;

  const targets = plan.builds.map(b => b.id);
  const imagesOf = Object.fromEntries(plan.builds.map(b => [b.id, b.images]));
  const platforms = [...new Set(plan.builds.flatMap(b => b.platforms))];
  const spans = new Map<string, {first: number; last: number}>();
  const vertexTarget = new Map<string, string>();
  const lines: string[] = [];
  const onLine = (line: string) => {
    lines.push(line);
    const m = /^#(\d+) (?:\[(\S+)[\s\]])?/.exec(line);
    if (!m) return;
    if (m[2] && targets.includes(m[2])) vertexTarget.set(m[1], m[2]);
    const t = vertexTarget.get(m[1]);
    if (t) {
      const now = Date.now();
      const s = spans.get(t) ?? {first: now, last: now};
      s.last = now;
      spans.set(t, s);
    }
  };
  const runBake = () => i.buildx.bake({file: bakeFile, metadataFile, progress: 'plain', builder: i.builderArg, onLine});
  const started = Date.now();
  let result = await runner.group(`Build ${targets.join(', ')} (${platforms.join(', ')})`, runBake);
  for (let attempt = 2; result.code !== 0 && attempt <= attempts; attempt++) {
    const output = lines.join('\n');
    const failures = parseFailures(lines, targets, imagesOf);
    if (failures.some(f => f.kind === 'build') || !isTransient(output)) break;
    const delay = baseDelayMs * 2 ** (attempt - 2);
    runner.warning(`The push failed with a transient registry error (${registryMessage(output)}); retrying in ${delay / 1000} s (attempt ${attempt} of ${attempts})`);
    await sleep(delay);
    lines.length = 0;
    vertexTarget.clear(); // the new bake numbers its steps afresh
    result = await runBake();
  }
  const seconds = (Date.now() - started) / 1000;
  const files = {bakeFile, definition, cacheNote, seconds};

  if (result.code === 0) {
    const buildSeconds = Object.fromEntries(plan.builds.map(b => {
      const span = spans.get(b.id);
      return [b.id, span ? (span.last - span.first) / 1000 : seconds];
    }));
    const layouts = settings.push && settings.pushMode === 'layout' ? plan.builds.map(b => ({build: b, dir: layoutPath(settings.layoutDir!, b)})) : [];
    return {...files, ok: true, metadata: result.metadata, buildSeconds, pushMode: settings.pushMode, layouts};
  }

  const failures = parseFailures(lines, targets, imagesOf);
  failures.push(...(await sharedStageFailures(failures, plan.builds, workspaceDir() ?? process.cwd())));
  if (!failures.length) {
    // no step of the graph failed (bake refused the definition, an unknown target stage): a failed build all
    // the same, reported in the summary like any other
    const message = `The build or push failed: ${registryMessage(lines.join('\n'))}`;
    runner.error(message, {title: 'Build failed'});
    return {...files, ok: false, messages: [message], failed: ['the bake']};
  }
  const messages: string[] = [];
  for (const f of failures) {
    const b = plan.builds.find(x => x.id === f.target);
    const name = b ? b.images.join(', ') : f.target || 'one of the images';
    let message: string;
    if (f.kind === 'push') {
      message = `Pushing ${name} failed: ${registryMessage(f.error)}`;
    } else {
      // a step of every platform (`[x internal] load build definition`) needs no per-platform diagnosis
      const shared = /^\[\S+ internal\]/.test(f.step);
      const where = f.platform ? [f.platform] : b && b.platforms.length > 1 && !shared ? await diagnosePlatform(i, b, bakeFile) : (b?.platforms ?? []);
      const stage = stageOf(f.step);
      const others = (f.sharedWith ?? []).map(t => plan.builds.find(x => x.id === t)?.images.join(', ') || t);
      message = `Build of ${name} failed on ${where.join(', ') || 'its platform'}${others.length && stage ? ` (in stage ${stage}, which it shares with ${others.join('; ')})` : ''}: ${f.error}`;
    }
    messages.push(message);
    runner.group(`BuildKit log of the failed step (${f.target || 'unknown target'})`, () => runner.untrusted(f.log.join('\n')));
    runner.error(message, {title: `${f.kind === 'push' ? 'Push' : 'Build'} failed: ${f.target || name}`});
  }
  const failed = failures.map(f => plan.builds.find(b => b.id === f.target)?.images.join(', ') || f.target || 'an image');
  // bake stops the other targets at the first failure: they did not fail, and are not blamed
  const cancelled = cancelledTargets(lines, targets, failures).map(t => plan.builds.find(b => b.id === t)?.images.join(', ') || t);
  for (const c of cancelled) runner.info(`${c}: cancelled by BuildKit when ${failed.join('; ')} failed (not a failure of its own)`);
  return {...files, ok: false, messages, failed, ...(cancelled.length ? {cancelled} : {})};
}

/** The named stage of a step as BuildKit names it (`[api linux/arm64 base 2/3] RUN …` -> base); undefined for the target's own unnamed stage and internal steps. */
export function stageOf(step: string): string | undefined {
  const m = /^\[\S+(?: (?:linux|windows|darwin|freebsd)\/\S+)? ([^\s/]+) \d+\/\d+\]/.exec(step);
  return m && !/^stage-\d+$/.test(m[1]!) ? m[1]!.toLowerCase() : undefined;
}

/**
 * The targets a failed step of a shared stage failed as well, when BuildKit's log named it after only one
 * of them: BuildKit runs a step once for every target whose definition makes the same step (the same
 * Dockerfile and context, the same build arguments, a platform both build), and a target whose target
 * stage needs that stage (FROM, COPY --from, RUN --mount=from=, transitively) needed that step. Each such
 * target gets the failure too, instead of "cancelled". What cannot be read (a remote context, a
 * Dockerfile that does not parse) infers nothing.
 */
export async function sharedStageFailures(failures: BuildFailure[], builds: BuildPlan[], workspace: string): Promise<BuildFailure[]> {
  const failed = new Set(failures.map(f => f.target));
  const out: BuildFailure[] = [];
  const {stagesNeeded} = await import('../../pipeline/dockerfile-stages.js');
  const texts = new Map<string, string | undefined>();
  const textOf = (b: BuildPlan) => {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(b.context) || /^git@/.test(b.context)) return undefined;
    const path = resolve(workspace, b.file);
    if (!texts.has(path)) {
      try {
        texts.set(path, readFileSync(path, 'utf8'));
      } catch {
        texts.set(path, undefined);
      }
    }
    return texts.get(path);
  };
  const same = (a: BuildPlan, b: BuildPlan) => resolve(workspace, a.file) === resolve(workspace, b.file) && resolve(workspace, a.context) === resolve(workspace, b.context) && JSON.stringify(Object.entries(a.buildArgs).sort()) === JSON.stringify(Object.entries(b.buildArgs).sort());
  for (const f of failures) {
    const stage = f.kind === 'build' && !CANCELLED_ERROR.test(f.error) ? stageOf(f.step) : undefined;
    const origin = builds.find(b => b.id === f.target);
    if (!stage || !origin) continue;
    for (const b of builds) {
      if (failed.has(b.id) || !same(origin, b) || (f.platform && !b.platforms.includes(f.platform))) continue;
      const text = textOf(b);
      const needed = text === undefined ? undefined : await stagesNeeded(text, b.target);
      if (!needed?.has(stage)) continue;
      failed.add(b.id);
      f.sharedWith = [...new Set([...(f.sharedWith ?? []), b.id])];
      out.push({...f, target: b.id, step: f.step.replace(/^\[\S+/, `[${b.id}`), sharedWith: [f.target]});
    }
  }
  return out;
}
