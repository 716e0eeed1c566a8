// cosign when it is not on PATH: the pinned release through @actions/tool-cache, downloaded from a local
// stand-in of the release download (real HTTP on 127.0.0.1), its SHA-256 checked before it is made
// executable; a download that does not match the pin is deleted and nothing runs.
import {afterAll, afterEach, beforeAll, describe, expect, test} from '@jest/globals';
import {execFile} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {ensureCosign, installCosign, PINNED_COSIGN, type CosignRelease} from '../../../src/engine/cosign-install.js';

const SCRIPT = '#!/bin/sh\necho "GitVersion:    v2.6.0-stand-in"\n';
const SHA = createHash('sha256').update(SCRIPT).digest('hex');
const work = mkdtempSync(join(tmpdir(), 'mp-cosign-install-'));
let server: http.Server;
let base = '';
let hits = 0;
const saved = {PATH: process.env.PATH, RUNNER_TOOL_CACHE: process.env.RUNNER_TOOL_CACHE, RUNNER_TEMP: process.env.RUNNER_TEMP, GITHUB_PATH: process.env.GITHUB_PATH};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits++;
    if (req.url === '/v2.6.0/cosign-linux-amd64') {
      res.writeHead(200, {'content-type': 'application/octet-stream'});
      res.end(SCRIPT);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise(r => server.close(r));
  rmSync(work, {recursive: true, force: true});
});

let n = 0;
function fresh(): {pathFile: string} {
  const dir = join(work, `run-${++n}`);
  process.env.RUNNER_TOOL_CACHE = join(dir, 'tool-cache');
  process.env.RUNNER_TEMP = join(dir, 'temp');
  const pathFile = join(dir, 'github_path');
  process.env.GITHUB_PATH = pathFile;
  writeFileSync(join(work, `.keep-${n}`), '');
  process.env.PATH = '/usr/bin:/bin';
  return {pathFile};
}
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
});

const release = (sha = SHA): CosignRelease => ({version: '2.6.0', assets: {x64: {url: `${base}/v2.6.0/cosign-linux-amd64`, sha256: sha}}});
const runs = () => new Promise<boolean>(resolve => execFile('cosign', ['version'], {env: process.env}, e => resolve(!e)));

describe('cosign: on PATH, or the pinned release installed', () => {
  test('the pin is sigstore/cosign-installer\'s for v2.6.0, for linux x64 and arm64', () => {
    expect(PINNED_COSIGN.version).toBe('2.6.0');
    expect(Object.keys(PINNED_COSIGN.assets).sort()).toEqual(['arm64', 'x64']);
    expect(PINNED_COSIGN.assets.x64!.url).toBe('https://github.com/sigstore/cosign/releases/download/v2.6.0/cosign-linux-amd64');
    for (const a of Object.values(PINNED_COSIGN.assets)) expect(a!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('already on PATH: nothing downloaded', async () => {
    fresh();
    hits = 0;
    expect(await ensureCosign(async () => true, release(), 'x64', 'linux')).toEqual({installed: false});
    expect(hits).toBe(0);
  });

  test('not on PATH: downloaded, checked, cached, first on PATH for this step and in GITHUB_PATH; a second run finds the cache', async () => {
    const {pathFile} = fresh();
    hits = 0;
    expect(await runs()).toBe(false);
    const r = await ensureCosign(runs, release(), 'x64', 'linux');
    expect(r.installed).toBe(true);
    expect(r.dir).toBe(join(process.env.RUNNER_TOOL_CACHE!, 'cosign', '2.6.0', 'x64'));
    expect(readFileSync(join(r.dir!, 'cosign'), 'utf8')).toBe(SCRIPT);
    expect(process.env.PATH!.split(':')[0]).toBe(r.dir);
    expect(readFileSync(pathFile, 'utf8').trim()).toBe(r.dir);
    expect(hits).toBe(1);
    expect(await installCosign(release(), 'x64', 'linux')).toBe(r.dir);
    expect(hits).toBe(1);
  });

  test('a download that does not match the pin: deleted, not cached, not on PATH, and the step fails saying so', async () => {
    fresh();
    const wrong = 'f'.repeat(64);
    await expect(ensureCosign(runs, release(wrong), 'x64', 'linux')).rejects.toThrow(`the cosign 2.6.0 download from ${base}/v2.6.0/cosign-linux-amd64 has SHA-256 ${SHA}, not the pinned ${wrong}: it was deleted, not installed`);
    expect(existsSync(join(process.env.RUNNER_TOOL_CACHE!, 'cosign'))).toBe(false);
    expect(process.env.PATH).toBe('/usr/bin:/bin');
    expect(await runs()).toBe(false);
  });

  test('another OS or architecture: an error that says what to do', async () => {
    fresh();
    await expect(installCosign(release(), 's390x', 'linux')).rejects.toThrow('this action installs it on Linux x64 and arm64 runners only (this is linux/s390x): add a sigstore/cosign-installer step before this one');
    await expect(installCosign(release(), 'x64', 'darwin')).rejects.toThrow('(this is darwin/x64)');
  });
});
