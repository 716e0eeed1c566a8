// The real @actions/cache, through src/engine/gha-cache.ts, against the local stand-in of the GitHub cache
// service (__tests__/support/cache-service.ts): nothing inside @actions/cache is mocked. @actions/cache
// reads process.env, so each test lends it the stand-in's variables and a workspace of its own.
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, test} from '@jest/globals';
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {availability, available, restore, save} from '../../../src/engine/gha-cache.js';
import {output} from '../../../src/action/runner.js';
import {startCacheService, storedEntries, type CacheService} from '../../support/cache-service.js';

const VARS = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2', 'ACTIONS_CACHE_MODE', 'GITHUB_SERVER_URL', 'GITHUB_WORKSPACE', 'RUNNER_TEMP'];
let saved: Record<string, string | undefined>;
let root: string;
let log: string[];
const realWrite = output.write;
const realStdout = process.stdout.write;

function lend(env: Record<string, string>): void {
  for (const v of VARS) delete process.env[v];
  Object.assign(process.env, env);
}

function fill(dir: string, files: Record<string, string>): void {
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

beforeAll(() => {
  saved = Object.fromEntries(VARS.map(v => [v, process.env[v]]));
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gha-cache-test-'));
  log = [];
  // our warnings and @actions/cache's own lines (it writes to process.stdout)
  output.write = (t: string) => void log.push(t);
  process.stdout.write = ((t: string | Uint8Array) => (log.push(String(t)), true)) as typeof process.stdout.write;
});
afterEach(() => {
  output.write = realWrite;
  process.stdout.write = realStdout;
  rmSync(root, {recursive: true, force: true});
});

describe.each(['v2', 'v1'] as const)('the real @actions/cache against the stand-in (cache service %s)', version => {
  let service: CacheService;
  beforeEach(async () => {
    service = await startCacheService({version});
    const workspace = join(root, 'workspace');
    mkdirSync(workspace);
    lend({...service.env, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: join(root, 'temp')});
  });
  afterEach(() => service.close());

  test('save a directory, then restore it by its exact key', async () => {
    const dir = join(root, 'temp', 'cache', 'app');
    fill(dir, {'index.json': '{"layers":1}', 'blob': 'x'.repeat(10_000)});
    expect(availability(process.env)).toEqual({available: true, version, note: `GitHub cache service ${version}`});
    expect(await save([dir], 'mp-app-linux-amd64-main-aaa')).toBe(true);
    rmSync(dir, {recursive: true});
    expect(await restore([dir], 'mp-app-linux-amd64-main-aaa', ['mp-app-linux-amd64-main-'])).toBe('mp-app-linux-amd64-main-aaa');
    expect(readFileSync(join(dir, 'index.json'), 'utf8')).toBe('{"layers":1}');
    expect(readFileSync(join(dir, 'blob'), 'utf8')).toHaveLength(10_000);
    expect(storedEntries(service.dir)).toEqual([expect.objectContaining({key: 'mp-app-linux-amd64-main-aaa', finalized: true})]);
    expect(service.requests.map(r => r.status).filter(s => s >= 400)).toEqual([]);
    // @actions/cache's own directories (one per call, left behind by it) are gone, RUNNER_TEMP is put back
    expect(readdirSync(join(root, 'temp'))).toEqual(['cache']);
    expect(process.env['RUNNER_TEMP']).toBe(join(root, 'temp'));
    const calls = service.requests.map(r => `${r.method} ${r.path.replace(/\d+/g, 'N')}`);
    expect(calls).toEqual(
      version === 'v2'
        ? [
            'POST /twirp/github.actions.results.api.vN.CacheService/CreateCacheEntry',
            'PUT /devstoreaccountN/actions-cache/N.tzst',
            'POST /twirp/github.actions.results.api.vN.CacheService/FinalizeCacheEntryUpload',
            'POST /twirp/github.actions.results.api.vN.CacheService/GetCacheEntryDownloadURL',
            'GET /devstoreaccountN/actions-cache/N.tzst'
          ]
        : ['POST /_apis/artifactcache/caches', 'PATCH /_apis/artifactcache/caches/N', 'POST /_apis/artifactcache/caches/N', 'GET /_apis/artifactcache/cache', 'GET /_apis/artifactcache/archive/N']
    );
  });

  test('a restore key matches as a prefix, the newest entry first; another version (paths) never matches', async () => {
    const dir = join(root, 'temp', 'cache', 'app');
    fill(dir, {f: 'old'});
    expect(await save([dir], 'mp-app-main-111')).toBe(true);
    fill(dir, {f: 'new'});
    expect(await save([dir], 'mp-app-main-222')).toBe(true);
    fill(dir, {f: 'feature'});
    expect(await save([dir], 'mp-app-feature-333')).toBe(true);
    rmSync(dir, {recursive: true});
    // no entry for this commit, none for the branch: the default branch's newest
    expect(await restore([dir], 'mp-app-fix-444', ['mp-app-fix-', 'mp-app-main-'])).toBe('mp-app-main-222');
    expect(readFileSync(join(dir, 'f'), 'utf8')).toBe('new');
    // the branch's own entry first
    expect(await restore([dir], 'mp-app-feature-555', ['mp-app-feature-', 'mp-app-main-'])).toBe('mp-app-feature-333');
    expect(readFileSync(join(dir, 'f'), 'utf8')).toBe('feature');
    // overlapping calls share one lent directory, removed after the last
    const [a, b] = await Promise.all([restore([dir], 'mp-app-main-111', []), restore([dir], 'mp-app-main-222', [])]);
    expect([a, b]).toEqual(['mp-app-main-111', 'mp-app-main-222']);
    expect(readdirSync(join(root, 'temp'))).toEqual(['cache']);
    // the same keys for other paths: another version, a miss
    expect(await restore([join(root, 'temp', 'cache', 'other')], 'mp-app-main-222', ['mp-app-'])).toBeUndefined();
    expect(await restore([dir], 'nothing-like-it', ['nor-this-'])).toBeUndefined();
  });

  test('an existing key is not saved again: false and a warning, the entry unchanged', async () => {
    const dir = join(root, 'temp', 'cache', 'app');
    fill(dir, {f: 'first'});
    expect(await save([dir], 'mp-app-main-aaa')).toBe(true);
    fill(dir, {f: 'second'});
    log = [];
    expect(await save([dir], 'mp-app-main-aaa')).toBe(false);
    expect(log.join('')).toMatch(/::warning::Cache not saved under mp-app-main-aaa: the cache service refused it \(the key exists already/);
    expect(service.entries()).toHaveLength(1);
    rmSync(dir, {recursive: true});
    expect(await restore([dir], 'mp-app-main-aaa', [])).toBe('mp-app-main-aaa');
    expect(readFileSync(join(dir, 'f'), 'utf8')).toBe('first');
  });

  test('a save of paths that do not exist: false and a warning, nothing reserved', async () => {
    expect(await save([join(root, 'nowhere')], 'mp-app-main-bbb')).toBe(false);
    expect(log.join('')).toMatch(/::warning::Cache not saved under mp-app-main-bbb/);
    expect(service.entries()).toEqual([]);
  });
});

describe('without the cache service', () => {
  test.each<[string, Record<string, string>, boolean, 'v1' | 'v2', RegExp]>([
    ['no variables at all', {}, false, 'v1', /not available here \(ACTIONS_CACHE_URL is not set: the cache service is there in GitHub Actions jobs only\)/],
    ['v2 without ACTIONS_RESULTS_URL', {ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_CACHE_URL: 'http://x/'}, false, 'v2', /ACTIONS_RESULTS_URL is not set/],
    ['v1 with only ACTIONS_RESULTS_URL', {ACTIONS_RESULTS_URL: 'http://x/', ACTIONS_RUNTIME_TOKEN: 't'}, false, 'v1', /ACTIONS_CACHE_URL is not set; ACTIONS_RESULTS_URL is, but ACTIONS_CACHE_SERVICE_V2 is not/],
    ['no runtime token', {ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: 'http://x/'}, false, 'v2', /ACTIONS_RUNTIME_TOKEN is not set/],
    ['cache mode none', {ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: 'http://x/', ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_CACHE_MODE: 'none'}, false, 'v2', /ACTIONS_CACHE_MODE is none/],
    ['GHES: v1 even with the v2 flag', {ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: 'http://x/', ACTIONS_RUNTIME_TOKEN: 't', GITHUB_SERVER_URL: 'https://github.example.com'}, false, 'v1', /ACTIONS_CACHE_URL is not set/],
    ['v2', {ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: 'http://x/', ACTIONS_RUNTIME_TOKEN: 't'}, true, 'v2', /^GitHub cache service v2$/],
    ['v2 on a *.ghe.com host', {ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: 'http://x/', ACTIONS_RUNTIME_TOKEN: 't', GITHUB_SERVER_URL: 'https://acme.ghe.com'}, true, 'v2', /^GitHub cache service v2$/],
    ['v1', {ACTIONS_CACHE_URL: 'http://x/', ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_CACHE_MODE: 'read'}, true, 'v1', /^GitHub cache service v1 \(cache mode read\)$/]
  ])('%s', (_title, env, ok, version, note) => {
    const a = availability(env);
    expect(a).toEqual({available: ok, version, note: expect.stringMatching(note)});
    expect(available(env)).toBe(ok);
  });

  test('restore and save without the service: a miss and false, with warnings, never a throw', async () => {
    lend({GITHUB_WORKSPACE: root});
    const dir = join(root, 'c');
    fill(dir, {f: 'x'});
    expect(await save([dir], 'k-1')).toBe(false);
    expect(await restore([dir], 'k-1', ['k-'])).toBeUndefined();
    expect(existsSync(join(dir, 'f'))).toBe(true);
    expect(log.join('')).toMatch(/::warning::Cache not saved under k-1: the GitHub cache service is not available here \(ACTIONS_CACHE_URL is not set/);
    expect(log.join('')).toMatch(/::warning::Cache not restored \(key k-1\): the GitHub cache service is not available here/);
  });
});

describe('the stand-in, as @azure/storage-blob uploads above its single-shot size', () => {
  test('Put Block and Put Block List, then a ranged GET of the download URL', async () => {
    const service = await startCacheService();
    try {
      const twirp = async (method: string, body: object) => {
        const r = await fetch(`${service.url}twirp/github.actions.results.api.v1.CacheService/${method}`, {method: 'POST', headers: {'content-type': 'application/json', authorization: `Bearer ${service.env['ACTIONS_RUNTIME_TOKEN']}`}, body: JSON.stringify(body)});
        return {status: r.status, body: (await r.json()) as Record<string, string>};
      };
      const created = await twirp('CreateCacheEntry', {key: 'k-blocks', version: 'v-1'});
      expect(created).toEqual({status: 200, body: {ok: true, signed_upload_url: expect.stringContaining('sig=')}});
      const file = join(root, 'archive');
      const data = Buffer.from(Array.from({length: 5000}, (_, i) => i % 251));
      writeFileSync(file, data);
      const {BlockBlobClient} = await import('@azure/storage-blob');
      await new BlockBlobClient(created.body['signed_upload_url']).uploadFile(file, {blockSize: 1024, maxSingleShotSize: 1024, concurrency: 2});
      expect(service.requests.filter(r => r.method === 'PUT')).toHaveLength(6); // 5 blocks and the list
      expect((await twirp('FinalizeCacheEntryUpload', {key: 'k-blocks', version: 'v-1', size_bytes: '5000'})).body).toEqual({ok: true, entry_id: '1'});
      const url = (await twirp('GetCacheEntryDownloadURL', {key: 'k-other', restore_keys: ['k-'], version: 'v-1'})).body;
      expect(url).toEqual({ok: true, signed_download_url: expect.any(String), matched_key: 'k-blocks'});
      const whole = Buffer.from(await (await fetch(url['signed_download_url'])).arrayBuffer());
      expect(whole.equals(data)).toBe(true);
      const part = await fetch(url['signed_download_url'], {headers: {range: 'bytes=1000-1009'}});
      expect(part.status).toBe(206);
      expect(Buffer.from(await part.arrayBuffer()).equals(data.subarray(1000, 1010))).toBe(true);
      // a second entry under the same key and version: refused, as the real service does
      expect(await twirp('CreateCacheEntry', {key: 'k-blocks', version: 'v-1'})).toEqual({status: 409, body: {code: 'already_exists', msg: expect.stringContaining('already exists')}});
      // no token, or an unsigned blob URL: refused
      expect((await fetch(`${service.url}twirp/github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL`, {method: 'POST', body: '{}'})).status).toBe(401);
      expect((await fetch(url['signed_download_url'].replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
    } finally {
      await service.close();
    }
  });
});
