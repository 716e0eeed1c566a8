// The registry HTTP API client (src/engine/registry-api.ts) against a local HTTP server: tags at a
// digest, deletion by digest (allowed or not), credentials from the docker config only where they may go.
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {RegistryApi, RegistryHttpFailure, isLoopback, repository} from '../../../src/engine/registry-api.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
/** An index as the registry holds it (bytes), its digest, and a digest the registry answers other bytes for. */
const INDEX_BODY = fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'fixtures', 'engine', 'imagetools-index.raw.json'));
const D_INDEX = `sha256:${createHash('sha256').update(INDEX_BODY).digest('hex')}`;
const D_LIAR = `sha256:${'3'.repeat(64)}`;
const MANIFESTS: Record<string, Buffer> = {[D_INDEX]: INDEX_BODY, [D_LIAR]: INDEX_BODY};
const CFG_BODY = Buffer.from(JSON.stringify({created: '2024-06-28T14:30:22Z', config: {Labels: {a: 'b'}}}));
const D_CFG = `sha256:${createHash('sha256').update(CFG_BODY).digest('hex')}`;
let server: http.Server;
let addr = '';
let deleteAnswer = 202;
const seen: {method: string; url: string; auth?: string}[] = [];
const puts: {tag: string; type?: string; body: Buffer}[] = [];
const config = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-regapi-'));

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({method: req.method!, url: req.url!, auth: req.headers.authorization});
    if (req.headers.authorization !== `Basic ${Buffer.from('ci:pw').toString('base64')}`) {
      res.writeHead(401, {'www-authenticate': 'Basic realm="test"'});
      return res.end();
    }
    const url = new URL(req.url!, 'http://x');
    if (url.pathname === '/v2/acme/app/tags/list') {
      if (!url.searchParams.get('last')) {
        res.writeHead(200, {'content-type': 'application/json', link: '</v2/acme/app/tags/list?n=1000&last=b>; rel="next"'});
        return res.end(JSON.stringify({name: 'acme/app', tags: ['a', 'b']}));
      }
      res.writeHead(200, {'content-type': 'application/json'});
      return res.end(JSON.stringify({name: 'acme/app', tags: ['c']}));
    }
    const blob = /^\/v2\/acme\/app\/blobs\/(.+)$/.exec(url.pathname);
    if (blob && req.method === 'GET' && (blob[1] === D_CFG || blob[1] === D_LIAR)) {
      res.writeHead(200, {'content-type': 'application/octet-stream'});
      return res.end(CFG_BODY);
    }
    const byDigest = /^\/v2\/acme\/(app|nohead)\/manifests\/(.+)$/.exec(url.pathname);
    if (byDigest && req.method === 'GET' && MANIFESTS[byDigest[2]]) {
      res.writeHead(200, {'content-type': 'application/vnd.oci.image.index.v1+json'});
      return res.end(MANIFESTS[byDigest[2]]);
    }
    if (byDigest && byDigest[1] === 'nohead') {
      if (req.method === 'HEAD') res.writeHead(200, {});
      else res.writeHead(200, {'content-type': 'application/vnd.oci.image.index.v1+json'});
      return res.end(req.method === 'HEAD' ? undefined : INDEX_BODY);
    }
    const referrers = /^\/v2\/acme\/app\/referrers\/(.+)$/.exec(url.pathname);
    if (referrers && referrers[1] === D1) {
      res.writeHead(200, {'content-type': 'application/vnd.oci.image.index.v1+json'});
      return res.end(JSON.stringify({schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [{mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: D2, size: 9, artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json'}]}));
    }
    if (referrers && referrers[1] === D_LIAR) {
      res.writeHead(500, {'content-type': 'application/json'});
      return res.end(JSON.stringify({errors: [{code: 'UNKNOWN', message: 'boom'}]}));
    }
    const m = /^\/v2\/acme\/app\/manifests\/(.+)$/.exec(url.pathname);
    if (m && req.method === 'HEAD') {
      res.writeHead(200, {'docker-content-digest': m[1] === 'b' ? D2 : D1});
      return res.end();
    }
    if (m && req.method === 'PUT') {
      const chunks: Buffer[] = [];
      req.on('data', c => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        puts.push({tag: decodeURIComponent(m[1]), type: req.headers['content-type'], body});
        if (m[1] === 'busy') res.writeHead(503, {'content-type': 'application/json'});
        else res.writeHead(201, {'docker-content-digest': m[1] === 'liar' ? D2 : `sha256:${createHash('sha256').update(body).digest('hex')}`});
        res.end(m[1] === 'busy' ? JSON.stringify({errors: [{code: 'UNAVAILABLE', message: 'try later'}]}) : '');
      });
      return;
    }
    if (m && req.method === 'DELETE') {
      res.writeHead(deleteAnswer, {'content-type': 'application/json'});
      return res.end(deleteAnswer === 405 ? JSON.stringify({errors: [{code: 'UNSUPPORTED'}]}) : '');
    }
    res.writeHead(404);
    return res.end();
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  addr = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  fs.writeFileSync(path.join(config, 'config.json'), JSON.stringify({auths: {[addr]: {auth: Buffer.from('ci:pw').toString('base64')}}}));
});

afterAll(async () => {
  await new Promise(r => server.close(r));
  fs.rmSync(config, {recursive: true, force: true});
});

describe('RegistryApi', () => {
  test('referrers: the OCI 1.1 referrers API\'s descriptors; a registry without it (404): undefined; a failure throws', async () => {
    const api = new RegistryApi({DOCKER_CONFIG: config});
    expect(await api.referrers(`${addr}/acme/app`, D1)).toEqual([{mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: D2, size: 9, artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json'}]);
    expect(seen.at(-1)).toMatchObject({method: 'GET', url: `/v2/acme/app/referrers/${D1}`});
    expect(await api.referrers(`${addr}/acme/app`, D2)).toBeUndefined();
    await expect(api.referrers(`${addr}/acme/app`, D_LIAR)).rejects.toThrow(/listing the referrers of .*HTTP 500.*UNKNOWN boom/);
  });

  test('tagsAt: every page of the tag list, each tag read with HEAD; credentials from the docker config (plain HTTP on the loopback only)', async () => {
    const api = new RegistryApi({DOCKER_CONFIG: config});
    expect((await api.tagsAt(`${addr}/acme/app`, D1)).sort()).toEqual(['a', 'c']);
    expect(seen.some(s => s.url.includes('last=b'))).toBe(true);
  });

  test('manifest: GET by digest, the bytes checked against it; absent: undefined; other bytes: refused', async () => {
    const api = new RegistryApi({DOCKER_CONFIG: config});
    const read = await api.manifest(`${addr}/acme/app`, D_INDEX);
    expect(read).toEqual({digest: D_INDEX, mediaType: 'application/vnd.oci.image.index.v1+json', size: INDEX_BODY.length, json: JSON.parse(INDEX_BODY.toString()), bytes: INDEX_BODY});
    expect(seen.at(-1)).toMatchObject({method: 'GET', url: `/v2/acme/app/manifests/${D_INDEX}`});
    expect(await api.manifest(`${addr}/acme/app`, D2)).toBeUndefined();
    await expect(api.manifest(`${addr}/acme/app`, D_LIAR)).rejects.toThrow(`the registry answered content whose digest is ${D_INDEX}`);
  });

  test('blobJson: the config blob, its bytes checked against the digest', async () => {
    const api = new RegistryApi({DOCKER_CONFIG: config});
    expect(await api.blobJson(`${addr}/acme/app`, D_CFG)).toEqual({created: '2024-06-28T14:30:22Z', config: {Labels: {a: 'b'}}});
    await expect(api.blobJson(`${addr}/acme/app`, D_LIAR)).rejects.toThrow(/answered other content/);
    await expect(api.blobJson(`${addr}/acme/app`, D2)).rejects.toMatchObject({status: 404});
  });

  test('tagDigest: HEAD and its Docker-Content-Digest; a registry that sends none: the GET hashed; 404: undefined', async () => {
    const api = new RegistryApi({DOCKER_CONFIG: config});
    expect(await api.tagDigest(`${addr}/acme/app`, 'b')).toBe(D2);
    expect(seen.at(-1)).toMatchObject({method: 'HEAD', url: '/v2/acme/app/manifests/b'});
    expect(await api.tagDigest(`${addr}/acme/nohead`, 'latest')).toBe(D_INDEX);
    expect(seen.slice(-2).map(s => s.method)).toEqual(['HEAD', 'GET']);
    expect(await api.tagDigest(`${addr}/acme/gone`, 'latest')).toBeUndefined();
  });

  test('putTag: the manifest\'s exact bytes under the tag, with its media type; the registry must answer its digest; a 503 is transient', async () => {
    const api = new RegistryApi({DOCKER_CONFIG: config});
    const m = {digest: D_INDEX, mediaType: 'application/vnd.oci.image.index.v1+json', bytes: INDEX_BODY};
    await api.putTag(`${addr}/acme/app`, '1.2.3', m);
    expect(puts.at(-1)).toEqual({tag: '1.2.3', type: m.mediaType, body: INDEX_BODY});
    await expect(api.putTag(`${addr}/acme/app`, 'liar', m)).rejects.toMatchObject({status: 400, message: expect.stringContaining(`stored ${D2}, not ${D_INDEX}`)});
    const busy = (await api.putTag(`${addr}/acme/app`, 'busy', m).catch(x => x)) as RegistryHttpFailure;
    expect(busy).toBeInstanceOf(RegistryHttpFailure);
    expect(busy.transient).toBe(true);
    expect(busy.message).toMatch(/moving .*:busy: HTTP 503 Service Unavailable: UNAVAILABLE try later/);
  });

  test.each([
    [202, true],
    [404, true],
    [405, false]
  ])('deleteManifest: HTTP %d -> %s', async (status, expected) => {
    deleteAnswer = status;
    expect(await new RegistryApi({DOCKER_CONFIG: config}).deleteManifest(`${addr}/acme/app`, D1)).toBe(expected);
    expect(seen.at(-1)).toMatchObject({method: 'DELETE', url: `/v2/acme/app/manifests/${D1}`});
  });

  test('a 503 is a transient failure; no credentials: the 401 is the answer', async () => {
    deleteAnswer = 503;
    const e = await new RegistryApi({DOCKER_CONFIG: config}).deleteManifest(`${addr}/acme/app`, D1).catch(x => x);
    expect(e).toBeInstanceOf(RegistryHttpFailure);
    expect((e as RegistryHttpFailure).transient).toBe(true);
    const anonymous = await new RegistryApi({DOCKER_CONFIG: path.join(config, 'none')}).tagsAt(`${addr}/acme/app`, D1).catch(x => x);
    expect(anonymous).toMatchObject({status: 401, transient: false});
  });

  test.each([
    ['ghcr.io/acme/app', {host: 'ghcr.io', authKey: 'ghcr.io', path: 'acme/app'}],
    ['acme/app', {host: 'registry-1.docker.io', authKey: 'https://index.docker.io/v1/', path: 'acme/app'}],
    ['docker.io/nginx', {host: 'registry-1.docker.io', authKey: 'https://index.docker.io/v1/', path: 'library/nginx'}],
    ['localhost:5000/a/b', {host: 'localhost:5000', authKey: 'localhost:5000', path: 'a/b'}]
  ])('repository(%s)', (name, expected) => {
    expect(repository(name)).toEqual(expected);
  });

  test.each([
    ['127.0.0.1:5000', true],
    ['localhost', true],
    ['[::1]:5000', true],
    ['127.example.com', false],
    ['10.0.0.1:5000', false]
  ])('isLoopback(%s) = %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});
