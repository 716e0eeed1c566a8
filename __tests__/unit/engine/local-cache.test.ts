// `cache: local`: the keys and restore keys, the cache lines, the builder it needs, and the restore ->
// bake -> save sequence of the build step, through the fake seam and the real @actions/cache against the
// local stand-in of the GitHub cache service (__tests__/support/cache-service.ts).
import {afterAll, afterEach, beforeEach, describe, expect, test} from '@jest/globals';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cacheSettings, localCacheLines} from '../../../src/engine/cache.js';
import {localCacheKeys, localCacheNote, localCacheBase, restoreLocalCaches, saveLocalCaches, wantsLocalCache, type CacheIo, type LocalCache} from '../../../src/engine/local-cache.js';
import {build, type BuildInput} from '../../../src/engine/steps/build.js';
import {setup, type SetupInput} from '../../../src/engine/steps/setup.js';
import {getInputs} from '../../../src/pipeline/inputs/index.js';
import {output} from '../../../src/action/runner.js';
import {FakeBuildx, fixture, fixtureJson, IMAGE, type BakeScript} from './fake-buildx.js';
import type {BakeMetadata} from '../../../src/engine/bake.js';
import {buildPlan, engineInputs, plan} from './factory.js';
import {startCacheService} from '../../support/cache-service.js';

const SHA = '266574110acf203503badf966df2ea24b5d732d7';
const P = 'multiarch-publish-local';

let log: string[] = [];
const realWrite = output.write;
const realStdout = process.stdout.write;
beforeEach(() => {
  log = [];
  output.write = (t: string) => void log.push(t);
  process.stdout.write = ((t: string | Uint8Array) => (log.push(String(t)), true)) as typeof process.stdout.write;
});
afterEach(() => {
  output.write = realWrite;
  process.stdout.write = realStdout;
});
const temps: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'mp-local-cache-'));
  temps.push(d);
  return d;
};
afterAll(() => temps.forEach(d => rmSync(d, {recursive: true, force: true})));

describe('cache: local keys: per image, platforms and branch; restore keys: the branch, then the default branch', () => {
  test.each<[string, string[], string, string, string, string[]]>([
    ['app', ['linux/amd64', 'linux/arm64'], 'refs/heads/main', 'main', `${P}/app/linux-amd64+linux-arm64/main/${SHA}`, [`${P}/app/linux-amd64+linux-arm64/main/`]],
    ['app', ['linux/amd64'], 'refs/heads/feature/x', 'main', `${P}/app/linux-amd64/feature-x/${SHA}`, [`${P}/app/linux-amd64/feature-x/`, `${P}/app/linux-amd64/main/`]],
    ['api', ['linux/arm/v7'], 'refs/pull/42/merge', 'trunk', `${P}/api/linux-arm-v7/pr-42/${SHA}`, [`${P}/api/linux-arm-v7/pr-42/`, `${P}/api/linux-arm-v7/trunk/`]],
    ['app', ['linux/amd64'], 'refs/tags/v1.2.3', 'main', `${P}/app/linux-amd64/main/${SHA}`, [`${P}/app/linux-amd64/main/`]],
    // a hostile branch name: sanitised, no comma (a key may not hold one), no `/` that would fake a level
    ['app', ['linux/amd64'], 'refs/heads/a,b/../main', 'main', `${P}/app/linux-amd64/a-b-..-main/${SHA}`, [`${P}/app/linux-amd64/a-b-..-main/`, `${P}/app/linux-amd64/main/`]],
    ['app', [], 'refs/heads/main', 'main', `${P}/app/default/main/${SHA}`, [`${P}/app/default/main/`]]
  ])('%s %j on %s (default %s)', (id, platforms, ref, defaultBranch, key, restoreKeys) => {
    expect(localCacheKeys({id, platforms}, ref, SHA, defaultBranch)).toEqual({key, restoreKeys});
  });

  test('a branch whose name starts with another one never matches its restore key', () => {
    const main = localCacheKeys({id: 'app', platforms: ['linux/amd64']}, 'refs/heads/main', SHA, 'main');
    const mainFoo = localCacheKeys({id: 'app', platforms: ['linux/amd64']}, 'refs/heads/main-foo', SHA, 'main');
    expect(mainFoo.key.startsWith(main.restoreKeys[0])).toBe(false);
  });

  test.each([
    [{cache: 'local' as const}, true],
    [{cache: 'local' as const, cacheFrom: ['type=registry,ref=r/a:c']}, false],
    [{cache: 'local' as const, cacheTo: ['type=inline']}, false],
    [{cache: 'gha' as const}, false],
    [{cache: 'auto' as const}, false]
  ])('wantsLocalCache(%j) = %s', (e, wanted) => {
    expect(wantsLocalCache({cacheFrom: [], cacheTo: [], ...e})).toBe(wanted);
  });
});

describe('cache: local lines', () => {
  const two = plan([buildPlan({id: 'frontend', images: ['ghcr.io/o/frontend']}), buildPlan({id: 'backend', images: ['ghcr.io/o/backend']})]);
  test.each<[string, {src?: string; dest: string}, {from: string[]; to: string[]}]>([
    ['restored', {src: '/t/c/app', dest: '/t/c/app.new'}, {from: ['type=local,src=/t/c/app'], to: ['type=local,dest=/t/c/app.new,mode=max']}],
    ['nothing restored: no cache-from', {dest: '/t/c/app.new'}, {from: [], to: ['type=local,dest=/t/c/app.new,mode=max']}],
    ['a comma or quote in the path is quoted as buildx reads CSV', {src: '/t/a,b/app', dest: '/t/a"b/app.new'}, {from: ['type=local,"src=/t/a,b/app"'], to: ['type=local,"dest=/t/a""b/app.new",mode=max']}]
  ])('%s', (_t, dirs, lines) => {
    expect(localCacheLines(dirs)).toEqual(lines);
  });

  test('per build, from the prepared directories', () => {
    const s = cacheSettings(two, engineInputs({cache: 'local'}), 'docker-container', {}, 'main', {frontend: {src: '/c/frontend', dest: '/c/frontend.new'}, backend: {dest: '/c/backend.new'}});
    expect(s).toEqual({
      from: {frontend: ['type=local,src=/c/frontend'], backend: []},
      to: {frontend: ['type=local,dest=/c/frontend.new,mode=max'], backend: ['type=local,dest=/c/backend.new,mode=max']},
      note: 'local cache (type=local), kept with the GitHub cache service'
    });
  });

  test.each<[string, string, Record<string, {dest: string}> | undefined, Partial<Parameters<typeof engineInputs>[0]>, string]>([
    ['no cache service: no cache', 'docker-container', undefined, {}, 'no cache (cache: local, and the GitHub cache service is not available here)'],
    ['the docker driver: none', 'docker', {frontend: {dest: '/x'}}, {}, 'no local cache: the docker driver cannot import or export it (use a docker-container builder)'],
    ['raw lines win', 'docker-container', {frontend: {dest: '/x'}}, {cacheFrom: ['type=registry,ref=r/a:c']}, 'cache-from/cache-to as given']
  ])('%s', (_t, driver, dirs, over, note) => {
    expect(cacheSettings(two, engineInputs({cache: 'local', ...over}), driver, {}, 'main', dirs).note).toBe(note);
  });
});

describe('the cache input', () => {
  test.each(['local', 'LOCAL', 'Local'])('%s is cache: local', v => {
    expect(getInputs({INPUT_CACHE: v}).engine.cache).toBe('local');
  });
  test.each(['locale', 'type=local', 'local,gha'])('%s is an input error naming the input and the choices', v => {
    expect(() => getInputs({INPUT_CACHE: v})).toThrow(/cache.*expected one of auto, registry, gha, local, none/);
  });
});

const AMD64 = {os: 'linux', arch: 'amd64'};
function setupInput(fake: FakeBuildx, over: Partial<SetupInput> = {}): SetupInput {
  return {buildx: fake, builds: [buildPlan({images: [IMAGE]})], engine: engineInputs(), host: AMD64, output: 'push', logins: [], userConfig: false, builderName: 'multiarch-publish-42-7', record: () => undefined, ...over};
}

describe('cache: local needs a builder that exports cache', () => {
  test('the default docker builder would do otherwise: a docker-container builder is created', async () => {
    const fake = new FakeBuildx();
    const r = await setup(setupInput(fake, {cacheExport: true, engine: engineInputs({buildkitImage: 'ci-local/buildkit:debian'})}));
    expect(fake.callsOf('createBuilder')).toEqual([[{name: 'multiarch-publish-42-7', image: 'ci-local/buildkit:debian', hostNetwork: true}]]);
    expect(r.builder.note).toMatch(/^created docker-container builder multiarch-publish-42-7 \(ci-local\/buildkit:debian\): cache: local exports cache, which builder default \(docker driver\) cannot; removed by the post step$/);
  });

  test('a docker-container builder is reused', async () => {
    const fake = new FakeBuildx({builders: {'': fixture('inspect-multinode-native-arm64.txt')}});
    const r = await setup(setupInput(fake, {cacheExport: true}));
    expect(r.builder.created).toBeUndefined();
    expect(fake.callsOf('createBuilder')).toEqual([]);
  });

  test('the builder input naming a docker-driver builder: refused, naming the inputs, before any build', async () => {
    const fake = new FakeBuildx({builders: {default: fixture('inspect-default-docker.txt')}});
    await expect(setup(setupInput(fake, {cacheExport: true, engine: engineInputs({builder: 'default'})}))).rejects.toThrow(
      'cache: local needs a builder that can export cache, and builder default (the builder input) uses the docker driver, which cannot: name a docker-container builder, leave builder empty (the action then creates one), or choose another cache'
    );
    expect(fake.callsOf('bake')).toEqual([]);
  });
});

/** An in-memory cache service: entries are directory snapshots (file name -> text). */
function memoryIo(entries: Record<string, Record<string, string>> = {}): CacheIo & {saves: string[]} {
  const saves: string[] = [];
  return {
    saves,
    async restore([dir], key, restoreKeys) {
      const hit = key in entries ? key : restoreKeys.map(k => Object.keys(entries).reverse().find(e => e.startsWith(k))).find(Boolean);
      if (!hit) return undefined;
      mkdirSync(dir, {recursive: true});
      for (const [f, t] of Object.entries(entries[hit])) writeFileSync(join(dir, f), t);
      return hit;
    },
    async save([dir], key) {
      saves.push(key);
      if (key in entries) return false;
      entries[key] = {'index.json': readFileSync(join(dir, 'index.json'), 'utf8')};
      return true;
    }
  };
}

describe('restore, then save', () => {
  const SERVICE = {ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/', ACTIONS_RUNTIME_TOKEN: 't'};
  const two = plan([buildPlan({id: 'frontend', platforms: ['linux/amd64']}), buildPlan({id: 'backend', platforms: ['linux/amd64']})], {ref: 'refs/heads/feature'});
  const key = (id: string, branch: string, sha = SHA) => `${P}/${id}/linux-amd64/${branch}/${sha}`;

  test('the branch first, then the default branch; an exact hit is not saved again; a fresh export replaces the old one', async () => {
    const env = {...SERVICE, RUNNER_TEMP: temp()};
    const io = memoryIo({[key('frontend', 'main', 'old')]: {'index.json': 'main'}, [key('backend', 'feature')]: {'index.json': 'exact'}});
    const caches = (await restoreLocalCaches(two, 'main', env, io))!;
    expect(caches.map(c => [c.id, c.restoredFrom])).toEqual([
      ['frontend', key('frontend', 'main', 'old')],
      ['backend', key('backend', 'feature')]
    ]);
    expect(caches[0].dir).toBe(join(localCacheBase(env), 'frontend'));
    for (const c of caches) {
      mkdirSync(c.fresh, {recursive: true});
      writeFileSync(join(c.fresh, 'index.json'), `new ${c.id}`);
    }
    const saved = await saveLocalCaches(caches, io);
    expect(io.saves).toEqual([key('frontend', 'feature')]);
    expect(readFileSync(join(caches[0].dir, 'index.json'), 'utf8')).toBe('new frontend');
    expect(existsSync(caches[0].fresh)).toBe(false);
    expect(localCacheNote(saved)).toBe(
      `local cache (type=local, kept with the GitHub cache service): frontend: restored from ${key('frontend', 'main', 'old')}, saved under ${key('frontend', 'feature')}; backend: restored from ${key('backend', 'feature')}, not saved again (exact hit)`
    );
  });

  test.each<[string, Partial<LocalCache>, string]>([
    ['nothing restored, saved', {saved: true}, `app: nothing restored, saved under ${key('app', 'main')}`],
    ['refused', {saved: false}, `app: nothing restored, not saved under ${key('app', 'main')} (the cache service refused it)`],
    ['no export', {skipped: 'the bake exported no cache'}, 'app: nothing restored, not saved (the bake exported no cache)'],
    ['build failed', {}, 'app: nothing restored, not saved (the build failed)']
  ])('note: %s', (_t, over, note) => {
    expect(localCacheNote([{id: 'app', key: key('app', 'main'), restoreKeys: [], dir: '/d', fresh: '/d.new', ...over}])).toBe(`local cache (type=local, kept with the GitHub cache service): ${note}`);
  });

  test('without the cache service: a warning naming what is missing, no cache, nothing restored', async () => {
    const io = memoryIo();
    expect(await restoreLocalCaches(two, 'main', {RUNNER_TEMP: temp()}, io)).toBeUndefined();
    expect(log.join('')).toMatch(/::warning::cache: local: the GitHub cache service is not available here \(ACTIONS_CACHE_URL is not set: the cache service is there in GitHub Actions jobs only\); building without cache\./);
  });
});

describe('build with cache: local (fake engine, real @actions/cache against the stand-in)', () => {
  const VARS = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2', 'ACTIONS_CACHE_MODE', 'GITHUB_SERVER_URL', 'GITHUB_WORKSPACE', 'RUNNER_TEMP'];
  const saved = Object.fromEntries(VARS.map(v => [v, process.env[v]]));
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  /** A bake that exports the cache where the bake file says (as BuildKit's local exporter does). */
  const exportingBake = (stamp: string) => (o: {file: string}): BakeScript => {
    const def = JSON.parse(readFileSync(o.file, 'utf8')) as {target: Record<string, {'cache-to'?: string[]; 'cache-from'?: string[]}>};
    for (const t of Object.values(def.target)) {
      const dest = /dest=([^,]+)/.exec(t['cache-to']?.[0] ?? '')?.[1];
      if (dest) {
        mkdirSync(dest, {recursive: true});
        writeFileSync(join(dest, 'index.json'), stamp);
      }
    }
    return {log: fixture('bake-push.log'), code: 0, metadata: fixtureJson<BakeMetadata>('bake-metadata.json')};
  };

  test('run 1 saves, run 2 (next commit) restores it into cache-from and saves its own; the directories are gone after each', async () => {
    const service = await startCacheService();
    try {
      const root = temp();
      for (const v of VARS) delete process.env[v];
      Object.assign(process.env, service.env, {GITHUB_WORKSPACE: join(root, 'ws'), RUNNER_TEMP: join(root, 'temp')});
      mkdirSync(join(root, 'ws'));
      const input = (fake: FakeBuildx, sha: string): BuildInput => ({
        buildx: fake, plan: plan([buildPlan({id: 'app', images: [IMAGE], platforms: ['linux/amd64']})], {sha}), engine: engineInputs({cache: 'local'}), driver: 'docker-container', output: 'push',
        workDir: mkdtempSync(join(root, 'work-')), env: process.env, defaultBranch: 'main', stagingTag: 'mp-staging-1-1-abc', record: () => undefined
      });
      const first = await build(input(new FakeBuildx({bakes: exportingBake('run 1')}), 'a'.repeat(40)));
      expect(first.ok).toBe(true);
      expect(JSON.parse(first.definition).target.app['cache-from']).toBeUndefined();
      expect(first.cacheNote).toBe(`local cache (type=local, kept with the GitHub cache service): app: nothing restored, saved under ${P}/app/linux-amd64/main/${'a'.repeat(40)}`);
      expect(existsSync(join(root, 'temp', 'multiarch-publish-cache'))).toBe(false);

      const second = await build(input(new FakeBuildx({bakes: exportingBake('run 2')}), 'b'.repeat(40)));
      const def = JSON.parse(second.definition).target.app;
      expect(def['cache-from']).toEqual([`type=local,src=${join(root, 'temp', 'multiarch-publish-cache', 'app')}`]);
      expect(def['cache-to']).toEqual([`type=local,dest=${join(root, 'temp', 'multiarch-publish-cache', 'app.new')},mode=max`]);
      expect(second.cacheNote).toBe(`local cache (type=local, kept with the GitHub cache service): app: restored from ${P}/app/linux-amd64/main/${'a'.repeat(40)}, saved under ${P}/app/linux-amd64/main/${'b'.repeat(40)}`);
      expect(service.entries().map(e => [e.key, e.finalized])).toEqual([
        [`${P}/app/linux-amd64/main/${'a'.repeat(40)}`, true],
        [`${P}/app/linux-amd64/main/${'b'.repeat(40)}`, true]
      ]);

      // the same commit again: an exact hit, nothing saved, no warning
      log = [];
      const third = await build(input(new FakeBuildx({bakes: exportingBake('run 3')}), 'b'.repeat(40)));
      expect(third.cacheNote).toMatch(/app: restored from .*\/b{40}, not saved again \(exact hit\)$/);
      expect(service.entries()).toHaveLength(2);
      expect(log.join('')).not.toMatch(/::warning::/);
    } finally {
      await service.close();
    }
  });

  test('without the cache service, on the docker driver too: the warning, and the bake without cache', async () => {
    for (const v of VARS) delete process.env[v];
    const fake = new FakeBuildx();
    const r = await build({buildx: fake, plan: plan([buildPlan({images: [IMAGE]})]), engine: engineInputs({cache: 'local'}), driver: 'docker', output: 'push', workDir: temp(), env: {RUNNER_TEMP: temp()}, defaultBranch: 'main', stagingTag: 's', record: () => undefined});
    expect(r.ok).toBe(true);
    expect(r.cacheNote).toBe('no cache (cache: local, and the GitHub cache service is not available here)');
    expect(JSON.parse(r.definition).target.app['cache-to']).toBeUndefined();
    expect(log.join('')).toMatch(/::warning::cache: local: the GitHub cache service is not available here .*; building without cache\./);
  });

  test('a failed bake saves nothing and leaves no directory', async () => {
    const service = await startCacheService();
    try {
      const root = temp();
      for (const v of VARS) delete process.env[v];
      Object.assign(process.env, service.env, {GITHUB_WORKSPACE: root, RUNNER_TEMP: join(root, 'temp')});
      const fake = new FakeBuildx({bakes: [{log: fixture('bake-push-unauthorized.log'), code: 1}]});
      const r = await build({buildx: fake, plan: plan([buildPlan({images: [IMAGE]})]), engine: engineInputs({cache: 'local'}), driver: 'docker-container', output: 'push', workDir: mkdtempSync(join(root, 'w-')), env: process.env, defaultBranch: 'main', stagingTag: 's', record: () => undefined, retry: {attempts: 1, baseDelayMs: 1}});
      expect(r.ok).toBe(false);
      expect(r.cacheNote).toMatch(/not saved \(the build failed\)$/);
      expect(service.entries()).toEqual([]);
      expect(existsSync(join(root, 'temp', 'multiarch-publish-cache'))).toBe(false);
    } finally {
      await service.close();
    }
  });
});
