// End to end: mode: promote with to-registry. A second registry (distribution, htpasswd auth with
// credentials of its own) is started on 127.0.0.1 beside the engine's; an image published in the first,
// with its provenance attestations and a signature stored beside it under the cosign tag scheme
// (`sha256-<hex>.sig`), is promoted into the second: the index keeps its digest, every platform and
// attestation manifest is there by digest, the signature tag resolves to the same manifest, and the
// first registry's tags are untouched.
import {execFile, spawn, type ChildProcess} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {repoRoot, startGitHubApiStub, type GitHubApiStub} from '../support/action.js';
import {MANIFEST_ACCEPT, REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryJson, registryRequest, tagDigests} from '../support/registry.js';
import {buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';
import {cleanupJobs, job, putLegRecord, type JobResult} from '../support/split.js';

const execp = promisify(execFile);
const which = async (cmd: string) => (await execp('sh', ['-c', `command -v ${cmd}`]).then(() => '', () => `${cmd} is not installed (scripts/engine-up.sh installs it)`));
const gate = await prerequisites('e2e promote to-registry', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD}), which('docker-registry'), which('htpasswd')]);

const NONCE = randomBytes(4).toString('hex');
const REPO = `e2e-promote-reg-${NONCE}/app`;
const SHA = '3333333ccccccccccccccccccccccccccccccccc';
const USER2 = 'second';
const PASSWORD2 = `pw-${randomBytes(6).toString('hex')}`;
let second = '';
let registry2: ChildProcess | undefined;
let stub: GitHubApiStub | undefined;
let workspace = '';
let state = '';
const jobs: JobResult[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** A request to the second registry (basic auth). */
async function second2(method: string, urlPath: string): Promise<{status: number; digest: string | null; body: string}> {
  const res = await fetch(`http://${second}${urlPath}`, {method, headers: {authorization: `Basic ${Buffer.from(`${USER2}:${PASSWORD2}`).toString('base64')}`, accept: MANIFEST_ACCEPT}});
  return {status: res.status, digest: res.headers.get('docker-content-digest'), body: method === 'HEAD' ? '' : await res.text()};
}

gate.describe('mode: promote into another registry', () => {
  beforeAll(async () => {
    state = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-e2e-registry2-'));
    second = `127.0.0.1:${await freePort()}`;
    const { stdout } = await execp('htpasswd', ['-Bbn', USER2, PASSWORD2]);
    fs.writeFileSync(path.join(state, 'htpasswd'), stdout);
    fs.writeFileSync(path.join(state, 'config.yml'), ['version: 0.1', 'log:', '  level: error', 'storage:', '  inmemory: {}', '  delete:', '    enabled: true', 'http:', `  addr: ${second}`, 'auth:', '  htpasswd:', '    realm: second', `    path: ${path.join(state, 'htpasswd')}`, ''].join('\n'));
    registry2 = spawn('docker-registry', ['serve', path.join(state, 'config.yml')], {stdio: 'ignore'});
    for (let i = 0; i < 50 && (await registryProblem(second, {user: USER2, password: PASSWORD2})); i++) await new Promise(r => setTimeout(r, 200));
    stub = await startGitHubApiStub({id: 1, name: 'app', full_name: 'acme/app', private: false, owner: {login: 'acme'}, html_url: 'https://github.com/acme/app', description: 'promote across registries', default_branch: 'main', license: null, topics: []});
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-e2e-promote-reg-ws-'));
    await execp('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')]);
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', `LABEL org.example.nonce=${NONCE}`, ''].join('\n'));
  }, 120_000);

  afterAll(async () => {
    registry2?.kill('SIGTERM');
    await stub?.close();
    const tags = await tagDigests(REPO).catch(() => ({}) as Record<string, string>);
    for (const d of new Set(Object.values(tags))) await registryRequest('DELETE', `/v2/${REPO}/manifests/${d}`).catch(() => undefined);
    cleanupJobs(jobs);
    for (const d of [workspace, state]) if (d) fs.rmSync(d, {recursive: true, force: true});
  }, 60_000);

  test('the index keeps its digest in the other registry, with its platform and attestation manifests and its signature tag', async () => {
    const auth = `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n- registry: ${second}\n  username: ${USER2}\n  password: ${PASSWORD2}\n`;
    const run = async (inputs: Record<string, string>) => {
      const r = await job({sha: SHA, workspace, apiUrl: stub!.url, repository: 'acme/app', inputs: {registry: REGISTRY, 'registry-auth': auth, 'github-token': 'e2e-token', ...inputs}});
      jobs.push(r);
      expect(r.post.code).toBe(0);
      return r;
    };
    const published = await run({images: `name=${REPO}`, platforms: 'linux/amd64,linux/arm64', tags: 'type=raw,value=v1'});
    expect(published.errors).toEqual([]);
    const digest = published.main.outputs['digest']!;
    const index = await registryJson(REPO, digest);
    const children = (index.manifests as {digest: string; annotations?: Record<string, string>}[]).map(m => m.digest);
    expect((index.manifests as {annotations?: Record<string, string>}[]).some(m => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')).toBe(true);
    // a signature stored beside the index, as cosign stores it (any artifact manifest will do here)
    const sigTag = `${digest.replace(':', '-')}.sig`;
    const sig = await putLegRecord(REPO, sigTag, {schema: 'multiarch-publish/leg', schemaVersion: 1, plan: `sha256:${'0'.repeat(64)}`, sha: SHA, build: 'app', image: REPO, platform: 'linux/amd64', content: {mediaType: 'application/vnd.oci.image.index.v1+json', digest, size: 1}, platformDigest: children[0]!, platforms: ['linux/amd64'], runner: '', run: '', created: '2026-12-03T00:00:00.000Z'});

    const promoted = await run({mode: 'promote', images: `name=${REPO}`, from: 'v1', to: 'env-prod', 'to-registry': second});
    expect(promoted.errors).toEqual([]);
    expect(JSON.parse(promoted.main.outputs['promotions']!).map((p: {image: string; digest: string; state: string}) => [p.image, p.digest, p.state])).toEqual([[`${second}/${REPO}`, digest, 'moved']]);
    expect((await second2('HEAD', `/v2/${REPO}/manifests/env-prod`)).digest).toBe(digest);
    for (const c of children) expect((await second2('HEAD', `/v2/${REPO}/manifests/${c}`)).status).toBe(200);
    expect((await second2('HEAD', `/v2/${REPO}/manifests/${sigTag}`)).digest).toBe(sig);
    // the layers came along: a platform manifest's layers are blobs of the second registry
    const platform = JSON.parse((await second2('GET', `/v2/${REPO}/manifests/${children[0]}`)).body) as {layers: {digest: string}[]};
    for (const l of platform.layers) expect((await second2('HEAD', `/v2/${REPO}/blobs/${l.digest}`)).status).toBe(200);
    // the source registry: no env-prod there
    expect((await tagDigests(REPO))['env-prod']).toBeUndefined();
    // the second registry's password never reaches the log (only the mask command the runner swallows)
    expect(promoted.main.stdout.split('\n').filter(l => !l.startsWith('::add-mask::')).join('\n')).not.toContain(PASSWORD2);
  }, 300_000);
});
