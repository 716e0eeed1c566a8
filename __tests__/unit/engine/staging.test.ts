// The docker driver's push by digest: the OCI layout reader (src/engine/oci-layout.ts), the registry API's
// blob and manifest uploads (src/engine/registry-api.ts) against a small in-memory registry on 127.0.0.1,
// and the staging step (src/engine/steps/staging.ts) over the fake engine seam.
import {afterAll, beforeAll, beforeEach, describe, expect, test} from '@jest/globals';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {readLayout, blobPath} from '../../../src/engine/oci-layout.js';
import {RegistryApi, RegistryHttpFailure} from '../../../src/engine/registry-api.js';
import {staging, stagingTagsLeft, type StagingInput} from '../../../src/engine/steps/staging.js';
import {Cancelled} from '../../../src/engine/cancel.js';
import {leftoversSummary} from '../../../src/report/leftovers.js';
import {FakeBuildx, writeCapturedLayout, DIGEST, IMAGE} from './fake-buildx.js';
import {buildPlan} from './factory.js';
import {removeTempDirs, tempDir} from '../../support/git.js';

afterAll(() => removeTempDirs());

const sha = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

/** A layout of one index over two platform manifests sharing a layer; returns its digests. */
function makeLayout(dir: string) {
  const blobs = path.join(dir, 'blobs', 'sha256');
  fs.mkdirSync(blobs, {recursive: true});
  const put = (b: Buffer | string) => {
    const d = sha(b);
    fs.writeFileSync(path.join(blobs, d.slice(7)), b);
    return {digest: d, size: Buffer.byteLength(b)};
  };
  const layer = put('shared layer bytes');
  const own = put('amd64 layer');
  const configs = ['amd64', 'arm64'].map(a => put(JSON.stringify({architecture: a, os: 'linux'})));
  const manifests = configs.map((c, i) => put(JSON.stringify({schemaVersion: 2, mediaType: MANIFEST, config: {mediaType: 'application/vnd.oci.image.config.v1+json', ...c}, layers: [{mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer}, ...(i === 0 ? [{mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...own}] : [])]})));
  const index = put(JSON.stringify({schemaVersion: 2, mediaType: INDEX, manifests: manifests.map((m, i) => ({mediaType: MANIFEST, ...m, platform: {os: 'linux', architecture: i ? 'arm64' : 'amd64'}}))}));
  fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify({schemaVersion: 2, manifests: [{mediaType: INDEX, ...index, annotations: {'org.opencontainers.image.ref.name': 'latest'}}]}));
  return {index, manifests, configs, layer, own};
}

describe('readLayout', () => {
  test('every manifest children first, the index last; each blob once', () => {
    const dir = tempDir('mp-layout-');
    const d = makeLayout(dir);
    const l = readLayout(dir);
    expect(l.root).toEqual({digest: d.index.digest, mediaType: INDEX, size: d.index.size});
    expect(l.manifests.map(m => m.digest)).toEqual([...d.manifests.map(m => m.digest), d.index.digest]);
    expect(l.manifests.every(m => sha(m.bytes) === m.digest)).toBe(true);
    expect(l.blobs.map(b => b.digest).sort()).toEqual([d.layer.digest, d.own.digest, ...d.configs.map(c => c.digest)].sort());
    expect(l.blobs.every(b => b.file === blobPath(dir, b.digest))).toBe(true);
  });

  test('the captured layout of the fake engine (index, platforms, attestations)', () => {
    const dir = tempDir('mp-layout-');
    writeCapturedLayout(dir);
    const l = readLayout(dir);
    expect(l.root.digest).toBe(DIGEST.index);
    expect(l.manifests.at(-1)!.digest).toBe(DIGEST.index);
    expect(l.manifests.map(m => m.digest)).toEqual(expect.arrayContaining([DIGEST.amd64, DIGEST.arm64]));
  });

  const hostile: [string, (dir: string, d: ReturnType<typeof makeLayout>) => void, RegExp][] = [
    ['a root digest that walks out of blobs/', dir => fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify({manifests: [{mediaType: INDEX, digest: 'sha256:../../../../etc/passwd', size: 1}]})), /not sha256:<64 hex>/],
    ['another algorithm', dir => fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify({manifests: [{mediaType: INDEX, digest: `sha512:${'a'.repeat(128)}`, size: 1}]})), /not sha256:<64 hex>/],
    ['two images', (dir, d) => fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify({manifests: [{mediaType: INDEX, ...d.index}, {mediaType: INDEX, ...d.index}]})), /holds 2 images/],
    ['no size', (dir, d) => fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify({manifests: [{mediaType: INDEX, digest: d.index.digest}]})), /no valid size/],
    ['a size that is not the file\'s', (dir, d) => fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify({manifests: [{mediaType: INDEX, digest: d.index.digest, size: d.index.size + 1}]})), /bytes, not/],
    ['a media type that is no manifest', (dir, d) => fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify({manifests: [{mediaType: 'text/plain', ...d.index}]})), /neither an image index nor a manifest/]
  ];
  test.each(hostile)('refused: %s', (_, spoil, error) => {
    const dir = tempDir('mp-layout-');
    spoil(dir, makeLayout(dir));
    expect(() => readLayout(dir)).toThrow(error);
  });
});

// ------------------------------------------------------------------------------------------------
// a small registry: blobs and manifests in memory, basic auth, upload locations on its own host
// ------------------------------------------------------------------------------------------------
let server: http.Server;
let addr = '';
const blobs = new Map<string, Buffer>();
const manifests = new Map<string, {type: string; body: Buffer}>();
const seen: string[] = [];
let failPut: {status: number; body: string} | undefined;
let location: (repo: string) => string = repo => `/v2/${repo}/blobs/uploads/u1?state=x`;
const config = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-staging-config-'));

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url!, 'http://x');
      seen.push(`${req.method} ${url.pathname}${url.search}`);
      if (req.headers.authorization !== `Basic ${Buffer.from('ci:pw').toString('base64')}`) {
        res.writeHead(401, {'www-authenticate': 'Basic realm="t"'});
        return res.end();
      }
      let m = /^\/v2\/(.+)\/blobs\/(sha256:[a-f0-9]{64})$/.exec(url.pathname);
      if (m && req.method === 'HEAD') {
        res.writeHead(blobs.has(`${m[1]}@${m[2]}`) ? 200 : 404);
        return res.end();
      }
      m = /^\/v2\/(.+)\/blobs\/uploads\/$/.exec(url.pathname);
      if (m && req.method === 'POST') {
        const mount = url.searchParams.get('mount');
        const from = url.searchParams.get('from');
        if (mount && from && blobs.has(`${from}@${mount}`)) {
          blobs.set(`${m[1]}@${mount}`, blobs.get(`${from}@${mount}`)!);
          res.writeHead(201);
          return res.end();
        }
        res.writeHead(202, {location: location(m[1])});
        return res.end();
      }
      m = /^\/v2\/(.+)\/blobs\/uploads\/u1$/.exec(url.pathname);
      if (m && req.method === 'PUT') {
        const digest = url.searchParams.get('digest')!;
        if (sha(body) !== digest) {
          res.writeHead(400, {'content-type': 'application/json'});
          return res.end(JSON.stringify({errors: [{code: 'DIGEST_INVALID', message: 'provided digest did not match uploaded content'}]}));
        }
        blobs.set(`${m[1]}@${digest}`, body);
        res.writeHead(201);
        return res.end();
      }
      m = /^\/v2\/(.+)\/manifests\/(.+)$/.exec(url.pathname);
      if (m && req.method === 'PUT') {
        if (failPut) {
          res.writeHead(failPut.status, {'content-type': 'application/json'});
          return res.end(failPut.body);
        }
        if (m[2].startsWith('sha256:') && sha(body) !== m[2]) {
          res.writeHead(400);
          return res.end();
        }
        manifests.set(`${m[1]}:${m[2]}`, {type: String(req.headers['content-type']), body});
        res.writeHead(201, {'docker-content-digest': sha(body)});
        return res.end();
      }
      res.writeHead(404);
      return res.end();
    });
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  addr = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  fs.writeFileSync(path.join(config, 'config.json'), JSON.stringify({auths: {[addr]: {auth: Buffer.from('ci:pw').toString('base64')}}}));
});

afterAll(async () => {
  await new Promise(r => server.close(r));
  fs.rmSync(config, {recursive: true, force: true});
});

beforeEach(() => {
  blobs.clear();
  manifests.clear();
  seen.length = 0;
  failPut = undefined;
  location = repo => `/v2/${repo}/blobs/uploads/u1?state=x`;
});

describe('RegistryApi: push by digest', () => {
  test('a blob: HEAD, then one monolithic upload; there already: not sent again; mounted from another repository', async () => {
    const dir = tempDir('mp-layout-');
    makeLayout(dir);
    const {blobs: [b]} = readLayout(dir);
    const api = new RegistryApi({DOCKER_CONFIG: config});
    expect(await api.pushBlob(`${addr}/acme/app`, b.digest, b.size, b.file)).toBe(true);
    expect(blobs.get(`acme/app@${b.digest}`)).toEqual(fs.readFileSync(b.file));
    expect(await api.pushBlob(`${addr}/acme/app`, b.digest, b.size, b.file)).toBe(false);
    seen.length = 0;
    expect(await api.pushBlob(`${addr}/acme/mirror`, b.digest, b.size, b.file, `${addr}/acme/app`)).toBe(true);
    // (the same request twice: first without credentials, answered 401, then with them)
    expect([...new Set(seen.filter(s => !s.startsWith('HEAD')))]).toEqual([`POST /v2/acme/mirror/blobs/uploads/?mount=${encodeURIComponent(b.digest)}&from=acme%2Fapp`]);
    expect(blobs.has(`acme/mirror@${b.digest}`)).toBe(true);
  });

  test('an upload location on the registry\'s own host, absolute, is followed; one on another host is not', async () => {
    const dir = tempDir('mp-layout-');
    makeLayout(dir);
    const {blobs: [b]} = readLayout(dir);
    const api = new RegistryApi({DOCKER_CONFIG: config});
    location = repo => `http://${addr}/v2/${repo}/blobs/uploads/u1?state=y`;
    expect(await api.pushBlob(`${addr}/acme/abs`, b.digest, b.size, b.file)).toBe(true);
    location = repo => `http://198.51.100.7/v2/${repo}/blobs/uploads/u1`;
    await expect(api.pushBlob(`${addr}/acme/other`, b.digest, b.size, b.file)).rejects.toThrow(/location on another host .* not followed/);
  });

  test('a manifest: its bytes as they are, under its digest, with its media type', async () => {
    const dir = tempDir('mp-layout-');
    makeLayout(dir);
    const root = readLayout(dir).manifests.at(-1)!;
    await new RegistryApi({DOCKER_CONFIG: config}).putManifest(`${addr}/acme/app`, root.digest, root.mediaType, root.bytes);
    expect(manifests.get(`acme/app:${root.digest}`)).toEqual({type: INDEX, body: root.bytes});
  });

  test('a refusal says the status and the registry\'s own error; 5xx is transient, 403 is not', async () => {
    const api = new RegistryApi({DOCKER_CONFIG: config});
    failPut = {status: 403, body: JSON.stringify({errors: [{code: 'DENIED', message: 'requested access to the resource is denied'}]})};
    const e = (await api.putManifest(`${addr}/acme/app`, `sha256:${'a'.repeat(64)}`, INDEX, Buffer.from('{}')).catch(x => x)) as RegistryHttpFailure;
    expect(e.message).toMatch(/HTTP 403 Forbidden: DENIED requested access to the resource is denied/);
    expect(e.transient).toBe(false);
    failPut = {status: 503, body: ''};
    const t = (await api.putManifest(`${addr}/acme/app`, `sha256:${'a'.repeat(64)}`, INDEX, Buffer.from('{}')).catch(x => x)) as RegistryHttpFailure;
    expect(t.transient).toBe(true);
  });
});

describe('staging: the docker driver\'s layouts, pushed by digest', () => {
  const input = (fake: FakeBuildx, over: Partial<StagingInput> = {}): StagingInput => {
    const dir = tempDir('mp-layout-');
    writeCapturedLayout(dir);
    return {buildx: fake, layouts: [{build: buildPlan({images: [IMAGE, `${IMAGE}-mirror`]}), dir}], stagingTags: 'remove', stagingTag: 'mp-staging-1-1-abc1234', retryTimeoutMs: 60_000, sleep: async () => undefined, ...over};
  };

  test('every blob before any manifest, the index last, per name; the second name mounts from the first; no tag', async () => {
    const fake = new FakeBuildx();
    const r = await staging(input(fake));
    expect(r).toMatchObject({ok: true, pushed: [`${IMAGE}@${DIGEST.index}`, `${IMAGE}-mirror@${DIGEST.index}`]});
    for (const name of [IMAGE, `${IMAGE}-mirror`]) {
      const mine = fake.calls.filter(c => c.args[0] === name);
      const kinds = mine.map(c => c.method);
      expect(kinds.lastIndexOf('pushBlob')).toBeLessThan(kinds.indexOf('putManifest'));
      expect(mine.filter(c => c.method === 'putManifest').at(-1)!.args[1]).toBe(DIGEST.index);
      expect(mine.filter(c => c.method === 'putManifest').every(c => String(c.args[1]).startsWith('sha256:'))).toBe(true);
    }
    expect(fake.callsOf('pushBlob').filter(a => a[0] === `${IMAGE}-mirror`).every(a => a[2] === IMAGE)).toBe(true);
    expect(fake.tags.size).toBe(0);
    // what verify reads next is there
    expect(fake.manifests.has(`${IMAGE}-mirror@${DIGEST.index}`)).toBe(true);
  });

  test('staging-tags: keep: the index also under the staging tag, on every name', async () => {
    const fake = new FakeBuildx();
    await staging(input(fake, {stagingTags: 'keep'}));
    expect([...fake.tags]).toEqual([
      [`${IMAGE}:mp-staging-1-1-abc1234`, DIGEST.index],
      [`${IMAGE}-mirror:mp-staging-1-1-abc1234`, DIGEST.index]
    ]);
    expect(await stagingTagsLeft(fake, [buildPlan({images: [IMAGE, `${IMAGE}-mirror`]})], 'mp-staging-1-1-abc1234')).toEqual([
      {ref: `${IMAGE}:mp-staging-1-1-abc1234`, digest: DIGEST.index},
      {ref: `${IMAGE}-mirror:mp-staging-1-1-abc1234`, digest: DIGEST.index}
    ]);
  });

  test('a transient failure (503) is retried until it passes', async () => {
    const fake = new FakeBuildx({pushFaults: {putManifest: (_n, _r, n) => (n < 3 ? new RegistryHttpFailure('pushing manifest: HTTP 503 Service Unavailable', 503) : undefined)}});
    const r = await staging(input(fake));
    expect(r.ok).toBe(true);
  });

  test.each<[string, Error]>([
    ['a refusal (403)', new RegistryHttpFailure('pushing manifest sha256:… of x: HTTP 403 Forbidden: DENIED denied', 403)],
    ['a layout the registry calls invalid (400)', new RegistryHttpFailure('HTTP 400 Bad Request: DIGEST_INVALID', 400)]
  ])('%s fails the image at once, naming it; no tag', async (_, error) => {
    let n = 0;
    const fake = new FakeBuildx({pushFaults: {putManifest: () => (n++, error)}});
    const r = await staging(input(fake));
    expect(r).toEqual({ok: false, messages: [`Pushing ${IMAGE} failed: ${error.message}`], failed: [`${IMAGE}, ${IMAGE}-mirror`]});
    expect(n).toBe(1);
    expect(fake.tags.size).toBe(0);
  });

  test('a transient failure that outlasts the window fails', async () => {
    let now = 0;
    const fake = new FakeBuildx({pushFaults: {pushBlob: () => new RegistryHttpFailure('HTTP 502 Bad Gateway', 502)}});
    const r = await staging(input(fake, {retryTimeoutMs: 5000, now: () => now, sleep: async ms => void (now += ms)}));
    expect(r.ok).toBe(false);
  });

  test('a cancel stops it before the next registry call', async () => {
    const fake = new FakeBuildx();
    await expect(staging(input(fake, {check: () => { throw new Cancelled('cancelled (SIGINT) during the push: no tag was moved.'); }}))).rejects.toThrow(Cancelled);
    expect(fake.callsOf('putManifest')).toEqual([]);
  });

  test('no layouts (a driver that pushes by digest itself): nothing to do', async () => {
    const fake = new FakeBuildx();
    expect(await staging({...input(fake), layouts: []})).toEqual({ok: true, pushed: [], blobsSent: 0});
    expect(fake.calls).toEqual([]);
  });
});

describe('the summary\'s "Left in the registry"', () => {
  test.each<[string, Parameters<typeof leftoversSummary>[0], RegExp]>([
    ['success, nothing left', {push: 'by digest', stagingTags: [], kept: false, failed: false}, /No tag other than the ones asked for/],
    ['failure, nothing left', {push: 'by digest', stagingTags: [], kept: false, failed: true}, /No tag of this run is left: what was uploaded is content by digest only/],
    ['kept', {push: 'x', stagingTags: [{ref: 'r/a:mp-staging-1', digest: DIGEST.index}], kept: true, failed: true}, /`r\/a:mp-staging-1` → `sha256:0848bf516426…`[\s\S]*staging-tags: keep/],
    ['unreadable', {push: 'x', stagingTags: [{ref: 'r/a:mp-staging-1', unread: 'HTTP 500'}], kept: true, failed: false}, /⚠️ `r\/a:mp-staging-1`: could not be read \(HTTP 500\)/]
  ])('%s', (_, l, expected) => {
    expect(leftoversSummary(l)).toMatch(expected);
  });

  test('a name with markdown in it stays code', () => {
    expect(leftoversSummary({push: '<b>x</b>', stagingTags: [{ref: 'r/a:`x`|y', digest: DIGEST.index}], kept: true, failed: false})).not.toContain('<b>');
  });
});
