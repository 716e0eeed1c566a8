import {afterAll, describe, expect, jest, test} from '@jest/globals';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pack} from 'tar-stream';
import {
  branchScope,
  extractDockerfile,
  injectDockerfile,
  mountBase,
  mountKeys,
  planMounts,
  restoreCacheMounts,
  saveCacheMounts,
  tarDigest,
  type CacheMountsInput,
  type CacheStore,
  type MountState
} from '../../../src/engine/steps/cache-mounts.js';
import {Buildx, type BuildRun} from '../../../src/engine/buildx.js';
import type {RunOptions, RunResult} from '../../../src/engine/exec.js';
import type {CacheMount} from '../../../src/pipeline/cache-mounts.js';
import {cacheMountsSummary} from '../../../src/report/summary.js';
import {FakeBuildx} from './fake-buildx.js';
import {buildPlan, engineInputs, plan} from './factory.js';

const temps: string[] = [];
function tempDir(name: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `mp-unit-cm-${name}-`));
  temps.push(d);
  return d;
}
afterAll(() => {
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
});

type Entry = {name: string; body?: string; type?: 'file' | 'directory' | 'symlink'; mtime?: number; linkname?: string};

/** A tar as busybox's `tar -cf x -C dir .` writes it: `./` first, then the entries in the given order. */
async function makeTar(file: string, entries: Entry[]): Promise<void> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c: unknown) => void chunks.push(c as Buffer));
  const ended = new Promise<void>(r => p.on('end', () => r()));
  p.entry({name: './', type: 'directory', mode: 0o755, mtime: new Date(Date.now())});
  for (const e of entries) {
    const header = {name: `./${e.name}`, type: e.type ?? 'file', mode: 0o644, uid: 0, gid: 0, mtime: new Date(e.mtime ?? 1_700_000_000_000), ...(e.linkname ? {linkname: e.linkname} : {})};
    if ((e.type ?? 'file') === 'file') p.entry(header, e.body ?? '');
    else p.entry(header);
  }
  p.finalize();
  await ended;
  fs.mkdirSync(path.dirname(file), {recursive: true});
  fs.writeFileSync(file, Buffer.concat(chunks));
}

/** The cache service in memory: entries by key, each a copy of the saved directory; matching as GitHub's (prefix, newest first). */
class MemoryStore implements CacheStore {
  readonly entries: {key: string; files: Record<string, Buffer>; paths: string[]}[] = [];
  readonly calls: string[] = [];
  constructor(private readonly on = true) {}
  available(): boolean {
    return this.on;
  }
  async restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined> {
    this.calls.push(`restore ${key} [${restoreKeys.join(' ')}]`);
    for (const k of [key, ...restoreKeys]) {
      const hit = [...this.entries].reverse().find(e => e.key.startsWith(k) && e.paths.join() === paths.join());
      if (!hit) continue;
      for (const [f, b] of Object.entries(hit.files)) {
        fs.mkdirSync(path.dirname(f), {recursive: true});
        fs.writeFileSync(f, b);
      }
      return hit.key;
    }
    return undefined;
  }
  async save(paths: string[], key: string): Promise<boolean> {
    this.calls.push(`save ${key}`);
    if (this.entries.some(e => e.key === key)) return false;
    const files: Record<string, Buffer> = {};
    for (const p of paths) for (const f of fs.readdirSync(p)) files[path.join(p, f)] = fs.readFileSync(path.join(p, f));
    this.entries.push({key, files, paths});
    return true;
  }
}

const mount = (id: string, over: Partial<CacheMount> = {}): CacheMount => ({id, target: '/cache', sharing: 'shared', where: 'Dockerfile:5', ...over});

function setup(o: {dockerfile?: string; list?: CacheMount[]; store?: MemoryStore; extract?: (o: BuildRun) => Promise<void> | void; buildCode?: (n: number) => number; ref?: string} = {}) {
  const workspace = tempDir('ws');
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), o.dockerfile ?? 'FROM scratch\nRUN --mount=type=cache,target=/cache sh -c "echo run >> /cache/log"\n');
  const dir = path.join(tempDir('runner-temp'), 'multiarch-publish-cache-mounts');
  const pending: Promise<void>[] = [];
  const buildx = new FakeBuildx({
    build: (b, n) => {
      if (b.output.type === 'local' && o.extract) pending.push(Promise.resolve(o.extract(b)));
      return {code: o.buildCode?.(n) ?? 0, output: 'ERROR: failed to pull busybox'};
    }
  });
  // the fake's build is synchronous; an extract that writes a tar finishes before the step reads it
  const real = buildx.build.bind(buildx);
  buildx.build = async (b: BuildRun) => {
    const r = await real(b);
    await Promise.all(pending);
    return r;
  };
  const store = o.store ?? new MemoryStore();
  const input: CacheMountsInput = {
    buildx,
    plan: plan([buildPlan()], {ref: o.ref ?? 'refs/heads/feature'}),
    engine: engineInputs({cacheMounts: o.list ? {mode: 'list', mounts: o.list} : {mode: 'auto'}}),
    builderArg: 'mp-builder',
    workspace,
    dir,
    env: {},
    defaultBranch: 'main',
    store
  };
  return {input, buildx, store, dir};
}

/** An extract that finds `content[id]` in each mount (undefined: an empty mount). */
const extractWith = (content: Record<string, Entry[] | undefined>, mounts: () => MountState[]) => async (b: BuildRun) => {
  if (b.output.type !== 'local') return;
  for (const s of mounts()) await makeTar(path.join(b.output.dest, s.name, 'cache.tar'), content[s.mount.id] ?? []);
};

describe('keys', () => {
  test.each([
    ['refs/heads/main', 'main'],
    ['refs/heads/feature/x', 'feature-x'],
    ['refs/pull/42/merge', 'pr-42'],
    ['refs/tags/v1.2.3', 'main'],
    ['', 'main']
  ])('branch scope of %j: %s', (ref, scope) => {
    expect(branchScope(ref, 'main')).toBe(scope);
  });

  test('per id and platform, per branch, falling back to the default branch; the content hash last', () => {
    const k = mountKeys(mount('/root/.npm'), 'refs/heads/feature', 'main');
    expect(k.prefix).toMatch(/^multiarch-publish-mount-root-.npm-[0-9a-f]{12}-feature-$/);
    expect(k.restoreKeys).toEqual([k.prefix.replace('-feature-', '-main-')]);
    expect(k.key('0123456789abcdef')).toBe(`${k.prefix}0123456789abcdef`);
    expect(mountKeys(mount('/root/.npm'), 'refs/heads/main', 'main').restoreKeys).toEqual([]);
    expect(mountBase(mount('go', {platform: 'linux/amd64'}))).not.toBe(mountBase(mount('go', {platform: 'linux/arm64'})));
  });

  test.each(['../../../etc/passwd', '%0A::warning::pwned', 'a'.repeat(255), '...', '/'])('a hostile id %j: a key with no comma, at most 512 characters, the id only hashed', id => {
    const k = mountKeys(mount(id), `refs/heads/${'b'.repeat(300)}`, 'main').key('0123456789abcdef');
    expect(k.length).toBeLessThanOrEqual(512);
    expect(k).toMatch(/^[A-Za-z0-9._-]+$/);
  });
});

describe('the generated Dockerfiles', () => {
  const s: MountState = {mount: mount('npm', {target: '/root/.npm', uid: 1000, gid: 1000, mode: '0700', sharing: 'locked'}), base: 'b', name: 'm-0123456789abcdef'};
  test('inject: the user id, uid, gid, mode and sharing; the restored directory bind-mounted', () => {
    expect(injectDockerfile('busybox:stable', [s])).toBe(
      [
        '# generated by multiarch-publish: restored cache-mount content into the builder',
        'FROM busybox:stable',
        'RUN --mount=type=cache,id=npm,target=/mp-cache,sharing=locked,uid=1000,gid=1000,mode=0700 --mount=type=bind,source=m-0123456789abcdef,target=/mp-in tar -xpf /mp-in/cache.tar -C /mp-cache',
        ''
      ].join('\n')
    );
  });
  test('extract: every mount in one step, never cached (MP_RUN), a tar each', () => {
    const t: MountState = {...s, mount: mount('/go'), name: 'm-fedcba9876543210'};
    expect(extractDockerfile('busybox:stable', [s, t]).split('\n')).toEqual([
      "# generated by multiarch-publish: the builder's cache-mount content, out",
      'FROM busybox:stable AS copy',
      'ARG MP_RUN',
      'RUN --mount=type=cache,id=npm,target=/mp-cache/0,sharing=locked,uid=1000,gid=1000,mode=0700 --mount=type=cache,id=/go,target=/mp-cache/1,sharing=shared mkdir -p /mp-out/m-0123456789abcdef && tar -cf /mp-out/m-0123456789abcdef/cache.tar -C /mp-cache/0 . && mkdir -p /mp-out/m-fedcba9876543210 && tar -cf /mp-out/m-fedcba9876543210/cache.tar -C /mp-cache/1 .',
      'FROM scratch',
      'COPY --from=copy /mp-out/ /',
      ''
    ]);
  });
});

describe('tarDigest', () => {
  test('the order of entries and the top directory time do not count; content, names and file times do', async () => {
    const d = tempDir('tar');
    await makeTar(path.join(d, 'a.tar'), [{name: 'x', body: '1'}, {name: 'sub', type: 'directory'}, {name: 'sub/y', body: '22'}]);
    await new Promise(r => setTimeout(r, 5));
    await makeTar(path.join(d, 'b.tar'), [{name: 'sub', type: 'directory', mtime: 1}, {name: 'sub/y', body: '22'}, {name: 'x', body: '1'}]);
    await makeTar(path.join(d, 'c.tar'), [{name: 'x', body: '1'}, {name: 'sub', type: 'directory'}, {name: 'sub/y', body: '23'}]);
    await makeTar(path.join(d, 'e.tar'), []);
    const [a, b, c, e] = await Promise.all(['a', 'b', 'c', 'e'].map(n => tarDigest(path.join(d, `${n}.tar`))));
    expect(a).toEqual({digest: b.digest, size: 3, empty: false});
    expect(c.digest).not.toBe(a.digest);
    expect(e).toEqual({digest: expect.any(String), size: 0, empty: true});
  });
  test('not a tar: rejects', async () => {
    const f = path.join(tempDir('bad'), 'x.tar');
    fs.writeFileSync(f, 'not a tar at all'.repeat(100));
    await expect(tarDigest(f)).rejects.toThrow();
  });
});

describe('planMounts', () => {
  test('auto: the mounts of every Dockerfile built, read once; false: none; a list: as given', async () => {
    const {input} = setup();
    const two = {...input, plan: plan([buildPlan({id: 'a'}), buildPlan({id: 'b'})])};
    expect((await planMounts(two)).mounts.map(m => m.id)).toEqual(['/cache']);
    expect(await planMounts({...input, engine: engineInputs({cacheMounts: {mode: 'false'}})})).toEqual({mounts: [], notes: []});
    expect((await planMounts({...input, engine: engineInputs({cacheMounts: {mode: 'list', mounts: [mount('npm')]}})})).mounts.map(m => m.id)).toEqual(['npm']);
  });
  test.each<[string, Partial<ReturnType<typeof buildPlan>>, RegExp]>([
    ['a remote context', {context: 'https://github.com/o/r.git'}, /a remote context/],
    ['a Dockerfile that is not there', {file: 'nope/Dockerfile'}, /nope\/Dockerfile: not read \(ENOENT\)/],
    ['BUILDKIT_CACHE_MOUNT_NS', {buildArgs: {BUILDKIT_CACHE_MOUNT_NS: 'x'}}, /BUILDKIT_CACHE_MOUNT_NS is set/]
  ])('%s: a note', async (_t, over, note) => {
    const {input} = setup();
    const d = await planMounts({...input, plan: plan([buildPlan(over)])});
    expect(d.mounts).toEqual([]);
    expect(d.notes.join('\n')).toMatch(note);
  });
});

describe('restore and save', () => {
  test('the cache service is not there: a note, no copy step, nothing saved; the build goes on', async () => {
    const {input, buildx} = setup({store: new MemoryStore(false)});
    const r = await restoreCacheMounts(input);
    expect(r).toMatchObject({active: false, notes: ['the GitHub cache service is not available here: cache mounts start empty and are not saved']});
    expect(r.mounts.map(s => s.mount.id)).toEqual(['/cache']);
    expect(await saveCacheMounts(input, r)).toEqual(r);
    expect(buildx.calls).toEqual([]);
    expect(cacheMountsSummary(r)).toContain('| `/cache` | `/cache` | all | — | no | — |');
  });

  test('no-cache: nothing restored or saved (BuildKit starts the mounts afresh)', async () => {
    const {input, buildx} = setup();
    const r = await restoreCacheMounts({...input, engine: engineInputs({cacheMounts: {mode: 'auto'}, noCache: true})});
    expect(r.active).toBe(false);
    expect(r.notes.join()).toMatch(/no-cache is set/);
    expect(buildx.calls).toEqual([]);
  });

  test('first run: nothing to restore, no inject; after the build the content is copied out and saved under its content hash; the run leaves no file', async () => {
    let states: MountState[] = [];
    const {input, buildx, store, dir} = setup({extract: extractWith({'/cache': [{name: 'log', body: 'run\n'}]}, () => states)});
    const r = await restoreCacheMounts(input);
    states = r.mounts;
    expect(r.active).toBe(true);
    expect(store.calls).toEqual([expect.stringMatching(/^restore multiarch-publish-mount-cache-[0-9a-f]{12}-feature- \[multiarch-publish-mount-cache-[0-9a-f]{12}-main-\]$/)]);
    expect(buildx.calls).toEqual([]);
    const saved = await saveCacheMounts(input, r);
    expect(buildx.calls.map(c => c.method)).toEqual(['build']);
    const run = buildx.calls[0].args[0] as BuildRun;
    expect(run).toMatchObject({builder: 'mp-builder', buildArgs: {MP_RUN: expect.stringMatching(/^[0-9a-f]{16}$/)}, output: {type: 'local', dest: path.join(dir, 'out')}});
    expect(saved.mounts[0]).toMatchObject({outcome: 'saved', size: 4, savedKey: expect.stringMatching(/-feature-[0-9a-f]{16}$/)});
    expect(store.entries.map(e => e.key)).toEqual([saved.mounts[0].savedKey]);
    expect(fs.existsSync(dir)).toBe(false);
  });

  test('second run, fresh builder: restored from the default branch, copied in before the build; changed: saved again; unchanged: not', async () => {
    let states: MountState[] = [];
    let content: Entry[] = [{name: 'log', body: 'run\n'}];
    const store = new MemoryStore();
    const first = setup({store, ref: 'refs/heads/main', extract: b => extractWith({'/cache': content}, () => states)(b)});
    states = (await restoreCacheMounts(first.input)).mounts;
    const one = await saveCacheMounts(first.input, {mounts: states, notes: [], active: true});
    expect(one.mounts[0].outcome).toBe('saved');

    const second = setup({store, ref: 'refs/heads/feature', extract: b => extractWith({'/cache': content}, () => states)(b)});
    // the same directory (RUNNER_TEMP) as the first run: the cache service matches by paths
    second.input.dir = first.input.dir;
    const r = await restoreCacheMounts(second.input);
    states = r.mounts;
    expect(r.mounts[0]).toMatchObject({restoredFrom: one.mounts[0].savedKey, size: 4});
    const inject = second.buildx.calls[0].args[0] as BuildRun;
    expect(inject).toMatchObject({context: first.input.dir, builder: 'mp-builder', output: {type: 'cacheonly'}});
    expect(fs.existsSync(first.input.dir)).toBe(false); // copied into the builder: nothing kept while the bake runs

    const unchanged = await saveCacheMounts(second.input, r);
    expect(unchanged.mounts[0]).toMatchObject({outcome: 'unchanged', size: 4});
    expect(store.calls.filter(c => c.startsWith('save'))).toHaveLength(1);

    content = [{name: 'log', body: 'run\nrun\n'}];
    const changed = await saveCacheMounts(second.input, r);
    expect(changed.mounts[0]).toMatchObject({outcome: 'saved', size: 8, savedKey: expect.stringMatching(/-feature-[0-9a-f]{16}$/)});
    const md = cacheMountsSummary(changed);
    expect(md).toContain('### Cache mounts');
    expect(md).toMatch(/\| `\/cache` \| `\/cache` \| all \| 8 B \| ✅ restored from `multiarch-publish-mount-cache-[0-9a-f]{12}-main-[0-9a-f]{16}` \| ✅ saved as `[^`]+` \|/);
  });

  test('an entry whose key this action does not write (another workflow wrote it under our prefix) is not used', async () => {
    const store = new MemoryStore();
    const {input, buildx, dir} = setup({store});
    const prefix = mountKeys(mount('/cache'), 'refs/heads/feature', 'main').prefix;
    const tarDir = path.join(dir, `m-${createHash('sha256').update(mountBase(mount('/cache'))).digest('hex').slice(0, 16)}`);
    await makeTar(path.join(tarDir, 'cache.tar'), [{name: 'log', body: 'x'}]);
    store.entries.push({key: `${prefix}##[error]boom`, files: {[path.join(tarDir, 'cache.tar')]: fs.readFileSync(path.join(tarDir, 'cache.tar'))}, paths: [tarDir]});
    fs.rmSync(dir, {recursive: true, force: true});
    const r = await restoreCacheMounts(input);
    expect(r.mounts[0].restoredFrom).toBeUndefined();
    expect(r.notes.join()).toMatch(/has a key this action does not write: not used/);
    expect(buildx.calls).toEqual([]);
  });

  test('an empty mount is not saved', async () => {
    let states: MountState[] = [];
    const {input, store} = setup({extract: extractWith({}, () => states)});
    const r = await restoreCacheMounts(input);
    states = r.mounts;
    expect((await saveCacheMounts(input, r)).mounts[0].outcome).toBe('empty');
    expect(store.entries).toEqual([]);
  });

  test('the copy-in step fails (the image cannot be pulled): a warning, the mounts start empty and are not saved', async () => {
    const store = new MemoryStore();
    let states: MountState[] = [];
    const first = setup({store, extract: extractWith({'/cache': [{name: 'log', body: 'x'}]}, () => states)});
    states = (await restoreCacheMounts(first.input)).mounts;
    await saveCacheMounts(first.input, {mounts: states, notes: [], active: true});
    const second = setup({store, buildCode: () => 1});
    second.input.dir = first.input.dir;
    const warn = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const r = await restoreCacheMounts(second.input);
      expect(r.active).toBe(false);
      expect(r.mounts[0].restoredFrom).toBeUndefined();
      expect(r.notes.join()).toMatch(/copying the restored content into the builder failed \(in docker.io\/library\/busybox:stable\)/);
      expect(await saveCacheMounts(second.input, r)).toEqual(r);
      const log = warn.mock.calls.map(c => String(c[0])).join('');
      expect(log).toMatch(/::warning::The restored cache-mount content could not be copied/);
      expect(log).toMatch(/::stop-commands::[a-p]{32}\n.*ERROR: failed to pull busybox\n::[a-p]{32}::/s);
    } finally {
      warn.mockRestore();
    }
  });

  test('hostile ids: the directories on the runner are named by a hash, the summary and log never start a command', async () => {
    const ids = ['../../../../tmp/escape', '%0A::warning::pwned', '::error::x'];
    let states: MountState[] = [];
    const {input, store, dir} = setup({list: ids.map(id => mount(id)), extract: extractWith(Object.fromEntries(ids.map(id => [id, [{name: 'f', body: id}]])), () => states)});
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const r = await restoreCacheMounts(input);
      states = r.mounts;
      const saved = await saveCacheMounts(input, r);
      for (const e of store.entries) for (const p of e.paths) expect(path.dirname(p)).toBe(dir);
      expect(store.entries.map(e => path.basename(e.paths[0]))).toEqual(ids.map(() => expect.stringMatching(/^m-[0-9a-f]{16}$/)));
      expect(fs.existsSync('/tmp/escape')).toBe(false);
      const log = out.mock.calls.map(c => String(c[0])).join('');
      expect(log.split('\n').filter(l => /^::(warning|error)::(pwned|x)/.test(l))).toEqual([]);
      const md = cacheMountsSummary(saved);
      expect(md.split('\n').filter(l => l.startsWith('::'))).toEqual([]);
      expect(md).toContain('`%0A::warning::pwned`');
    } finally {
      out.mockRestore();
    }
  });
});

describe('Buildx.build: the argument array', () => {
  test('flags joined with =, the context after --, a local destination quoted as a CSV field when it needs it', async () => {
    const ran: string[][] = [];
    const exec = async (_cmd: string, args: string[], _o: RunOptions = {}): Promise<RunResult> => {
      ran.push(args);
      return {code: 0, stdout: '', stderr: ''};
    };
    const b = new Buildx({exec: {run: exec, runWithRetry: exec}});
    await b.build({file: '/t/inject.Dockerfile', context: '/t', builder: 'b1', output: {type: 'cacheonly'}});
    await b.build({file: '/t/x', context: '-t', buildArgs: {MP_RUN: 'abc'}, output: {type: 'local', dest: '/t/a,b"c'}});
    expect(ran).toEqual([
      ['buildx', 'build', '--file=/t/inject.Dockerfile', '--progress=plain', '--builder=b1', '--output=type=cacheonly', '--', '/t'],
      ['buildx', 'build', '--file=/t/x', '--progress=plain', '--build-arg=MP_RUN=abc', '--output=type=local,"dest=/t/a,b""c"', '--', '-t']
    ]);
  });
});
