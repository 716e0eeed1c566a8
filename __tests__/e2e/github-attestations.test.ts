// End to end: github-attestations: true up to GitHub's and Sigstore's boundary, on the real engine and
// registry. (1) The bundle attached beside an index in the real registry (engine/attest.ts attachBundle,
// through the in-process registry client): the artifact manifest's subject is the index, its layer the
// bundle; where the registry has no referrers API, the referrers tag sha256-<hex> lists it (a second
// attestation is added to the list, the first kept). (2) dist/ without `id-token: write` (no
// ACTIONS_ID_TOKEN_REQUEST_URL): the step fails naming the permission before anything is built or pushed.
// (3) dist/ with a local stand-in of the runner's OIDC token endpoint and GitHub's OIDC issuer out of
// reach (HTTPS_PROXY to a closed port): the build is pushed by digest, the library cannot make the
// predicate, and no release tag exists in the registry.
import {createHash, randomBytes} from 'node:crypto';
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import type {AddressInfo} from 'node:net';
import {repoRoot, startGitHubApiStub, type GitHubApiStub} from '../support/action.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryJson, registryRequest, tagDigests} from '../support/registry.js';
import {buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';
import {cleanupJobs, job, type JobResult} from '../support/split.js';
import {Buildx} from '../../src/engine/buildx.js';
import {RegistryApi} from '../../src/engine/registry-api.js';
import {attachBundle, BUNDLE_TYPE} from '../../src/engine/attest.js';

const execp = promisify(execFile);
const gate = await prerequisites('e2e github-attestations', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD})]);

const NONCE = randomBytes(4).toString('hex');
const NS = `e2e-ghattest-${NONCE}`;
const SHA = '6666666eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const AUTH = `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`;
const sha256 = (b: Uint8Array | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const paths: string[] = [];
const jobs: JobResult[] = [];
let stub: GitHubApiStub | undefined;
let workspace = '';
let dockerConfig = '';
let oidc: http.Server | undefined;
let oidcUrl = '';
const oidcRequests: string[] = [];

/** A minimal one-platform index pushed by digest (config, manifest, index) under `repo`; its digest. */
async function pushIndex(buildx: Buildx, name: string, dir: string): Promise<string> {
  const config = JSON.stringify({architecture: 'amd64', os: 'linux', rootfs: {type: 'layers', diff_ids: []}, nonce: NONCE});
  fs.writeFileSync(path.join(dir, 'config'), config);
  await buildx.pushBlob(name, {digest: sha256(config), size: config.length, file: path.join(dir, 'config')});
  const manifest = JSON.stringify({schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length}, layers: []});
  await buildx.putManifest(name, sha256(manifest), 'application/vnd.oci.image.manifest.v1+json', Buffer.from(manifest));
  const index = JSON.stringify({schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [{mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha256(manifest), size: manifest.length, platform: {os: 'linux', architecture: 'amd64'}}]});
  await buildx.putManifest(name, sha256(index), 'application/vnd.oci.image.index.v1+json', Buffer.from(index));
  return sha256(index);
}

async function run(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<JobResult> {
  const r = await job({sha: SHA, workspace, apiUrl: stub!.url, repository: 'acme/app', inputs: {registry: REGISTRY, 'registry-auth': AUTH, 'github-token': 'e2e-token', ...inputs}, env, timeoutMs: 300_000});
  jobs.push(r);
  expect(r.post.code).toBe(0);
  return r;
}

gate.describe('github-attestations: true', () => {
  beforeAll(async () => {
    stub = await startGitHubApiStub({id: 1, name: 'app', full_name: 'acme/app', private: true, visibility: 'private', owner: {login: 'acme'}, html_url: 'https://github.com/acme/app', description: 'attest', default_branch: 'main', license: null, topics: []});
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-e2e-ghattest-ws-'));
    await execp('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')]);
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', `LABEL org.example.nonce=${NONCE}`, ''].join('\n'));
    dockerConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-e2e-ghattest-docker-'));
    fs.writeFileSync(path.join(dockerConfig, 'config.json'), JSON.stringify({auths: {[REGISTRY]: {auth: Buffer.from(`${REGISTRY_USER}:${REGISTRY_PASSWORD}`).toString('base64')}}}), {mode: 0o600});
    // the runner's OIDC token endpoint (what `permissions: id-token: write` offers a job): an unsigned-looking
    // JWT is enough, the library must fetch the issuer's keys to verify it, and that is out of reach here
    oidc = http.createServer((req, res) => {
      oidcRequests.push(`${req.url} ${req.headers.authorization}`);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({value: 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL3Rva2VuLmFjdGlvbnMuZ2l0aHVidXNlcmNvbnRlbnQuY29tIn0.c2ln'}));
    });
    await new Promise<void>(r => oidc!.listen(0, '127.0.0.1', r));
    oidcUrl = `http://127.0.0.1:${(oidc.address() as AddressInfo).port}/token?api-version=2.0`;
  }, 180_000);

  afterAll(async () => {
    await stub?.close();
    await new Promise<void>(r => (oidc ? oidc.close(() => r()) : r()));
    for (const repo of paths) {
      const tags = await tagDigests(repo).catch(() => ({}) as Record<string, string>);
      for (const d of new Set(Object.values(tags))) await registryRequest('DELETE', `/v2/${repo}/manifests/${d}`).catch(() => undefined);
    }
    cleanupJobs(jobs);
    for (const d of [workspace, dockerConfig]) if (d) fs.rmSync(d, {recursive: true, force: true});
  }, 120_000);

  test('the bundle beside the index in the registry: artifact manifest with the index as subject; the referrers API or the fallback tag lists it, a second one added', async () => {
    const repo = `${NS}/attach`;
    paths.push(repo);
    const name = `${REGISTRY}/${repo}`;
    const buildx = new Buildx({env: {DOCKER_CONFIG: dockerConfig}, registryApi: new RegistryApi({DOCKER_CONFIG: dockerConfig})});
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-e2e-ghattest-blobs-'));
    try {
      const index = await pushIndex(buildx, name, dir);
      const bundle = {mediaType: BUNDLE_TYPE, verificationMaterial: {nonce: NONCE}, dsseEnvelope: {payloadType: 'application/vnd.in-toto+json', payload: Buffer.from('{}').toString('base64'), signatures: []}};
      const first = await attachBundle(buildx, name, index, bundle, 'https://slsa.dev/provenance/v1', dir);
      const artifact = await registryJson(repo, first.manifest);
      expect(artifact.artifactType).toBe(BUNDLE_TYPE);
      expect(artifact.subject).toEqual({mediaType: 'application/vnd.oci.image.index.v1+json', digest: index, size: expect.any(Number)});
      expect(artifact.config).toEqual({mediaType: 'application/vnd.oci.empty.v1+json', digest: sha256('{}'), size: 2});
      expect(artifact.annotations['dev.sigstore.bundle.predicateType']).toBe('https://slsa.dev/provenance/v1');
      const blob = await registryRequest('GET', `/v2/${repo}/blobs/${artifact.layers[0].digest}`);
      expect(JSON.parse(blob.body.toString('utf8'))).toEqual(bundle);
      // the subject's size is the index's own
      const raw = await registryRequest('GET', `/v2/${repo}/manifests/${index}`, {accept: 'application/vnd.oci.image.index.v1+json'});
      expect(artifact.subject.size).toBe(raw.body.length);
      const referrers = await registryRequest('GET', `/v2/${repo}/referrers/${index}`);
      const second = await attachBundle(buildx, name, index, {...bundle, verificationMaterial: {nonce: `${NONCE}-2`}}, 'https://slsa.dev/provenance/v1', dir);
      if (referrers.status === 200) {
        // a registry with the referrers API: it lists both, no fallback tag is written
        expect(first.referrersTag).toBeNull();
        const listed = JSON.parse((await registryRequest('GET', `/v2/${repo}/referrers/${index}`)).body.toString('utf8')).manifests.map((m: {digest: string}) => m.digest);
        expect(listed).toEqual(expect.arrayContaining([first.manifest, second.manifest]));
      } else {
        // the OCI 1.1 fallback: the tag sha256-<hex> holds an index listing both artifact manifests
        expect(first.referrersTag).toBe(index.replace(':', '-'));
        const tags = await tagDigests(repo);
        const fallback = await registryJson(repo, tags[first.referrersTag!]);
        expect(fallback.mediaType).toBe('application/vnd.oci.image.index.v1+json');
        expect(fallback.manifests.map((m: {digest: string; artifactType: string}) => [m.digest, m.artifactType])).toEqual([
          [first.manifest, BUNDLE_TYPE],
          [second.manifest, BUNDLE_TYPE]
        ]);
      }
    } finally {
      fs.rmSync(dir, {recursive: true, force: true});
    }
  }, 120_000);

  test('no id-token: write (no ACTIONS_ID_TOKEN_REQUEST_URL): the step fails naming it, nothing is built or pushed', async () => {
    const repo = `${NS}/noperm`;
    paths.push(repo);
    const r = await run({images: `name=${REGISTRY}/${repo}`, platforms: 'linux/amd64', tags: 'type=raw,value=v1', 'github-attestations': 'true'});
    expect(r.main.code).not.toBe(0);
    expect(r.errors.join('\n')).toMatch(/github-attestations: true needs the job permission `id-token: write`.*nothing was logged in to, built or pushed/s);
    expect(r.main.stdout).not.toMatch(/::group::Build /);
    expect(await tagDigests(repo)).toEqual({});
  }, 300_000);

  test('the OIDC token is asked from the runner\'s endpoint; GitHub\'s issuer out of reach: pushed by digest, attested nothing, NO release tag', async () => {
    const repo = `${NS}/unreached`;
    paths.push(repo);
    const r = await run(
      {images: `name=${REGISTRY}/${repo}`, platforms: 'linux/amd64', tags: 'type=raw,value=v1', 'github-attestations': 'true'},
      {ACTIONS_ID_TOKEN_REQUEST_URL: oidcUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token-e2e', GITHUB_SERVER_URL: 'https://github.com', HTTPS_PROXY: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9', NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost'}
    );
    expect(r.main.code).not.toBe(0);
    expect(oidcRequests.some(q => q.includes('audience=nobody') && q.endsWith('Bearer request-token-e2e'))).toBe(true);
    expect(r.errors.join('\n')).toMatch(/The SLSA provenance predicate could not be made: Failed to get ID token: .*\(the job's OIDC token could not be had from the runner, or not checked against the keys of GitHub's token issuer, which must be reachable\); nothing was attested\. Nothing was released: no tag was created or moved/s);
    expect(r.main.stdout).toMatch(/::group::Build /);
    expect((await tagDigests(repo))['v1']).toBeUndefined();
    expect(r.main.summary).toContain('❌ Attesting failed');
    expect(r.main.stdout.split('\n').filter(l => !l.startsWith('::add-mask::')).join('\n')).not.toContain('request-token-e2e');
  }, 300_000);
});
