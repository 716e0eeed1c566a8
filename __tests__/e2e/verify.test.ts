// End to end: mode: verify against the real registry and Debian's cosign. Two images, two platforms, each
// published by the action with provenance (mode=max) and an SBOM from a local generator, then signed
// with a cosign key pair (the index and every platform manifest; no transparency log: Rekor cannot be
// reached from here). mode: verify passes with require-signature (the public key) and
// require-attestations (provenance, sbom); after one platform's signature is deleted it fails naming that
// image and platform, and mode: promote with the same requirements moves no tag.
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {runAction, runPost, startGitHubApiStub, repoRoot, cleanupRuns, type GitHubApiStub, type RunResult} from '../support/action.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryJson, registryRequest, tagDigests, MANIFEST_ACCEPT} from '../support/registry.js';
import {buildxProblem, dockerProblem, imageProblem, prerequisites, registryProblem} from '../support/prereqs.js';

const exec = promisify(execFile);
const GENERATOR = process.env.E2E_SBOM_GENERATOR_IMAGE || 'ci-local/sbom-generator:debian';
const cosignProblem = async () => (await exec('cosign', ['version']).then(() => undefined, e => `cosign is not on PATH (${(e as Error).message.split('\n')[0]}): scripts/engine-up.sh puts Debian's cosign there`));
const gate = await prerequisites('e2e verify', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD}), imageProblem(GENERATOR, 'scripts/sbom-generator-image.sh'), cosignProblem()]);
const NS = `e2e-verify-${randomBytes(4).toString('hex')}`;
const IMAGES = ['api', 'worker'];
const SHA = 'b2'.repeat(20);
let stub: GitHubApiStub | undefined;
const temps: string[] = [];
const runs: RunResult[] = [];
let workspace = '';
let keyDir = '';
const PASSWORD = 'e2e-cosign-password';

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-verify-${name}-`));
  temps.push(dir);
  return dir;
}

const AUTH = `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`;

function action(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', after: SHA, repository: {default_branch: 'main', full_name: 'acme/app'}}));
  return runAction({
    cwd: workspace,
    timeoutMs: 300_000,
    env: {HOME: tempDir('home'), PATH: process.env.PATH ?? '', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event, GITHUB_REF: 'refs/heads/main', GITHUB_SHA: SHA, GITHUB_REPOSITORY: 'acme/app', GITHUB_ACTOR: 'bot', GITHUB_WORKSPACE: workspace, GITHUB_API_URL: stub!.url, ...env},
    inputs: {registry: REGISTRY, images: IMAGES.map(i => `name=${NS}/${i}`).join('\n'), 'registry-auth': AUTH, 'github-token': 'e2e-token', ...inputs}
  }).then(r => (runs.push(r), r));
}

const digestOf = async (repo: string, ref: string) => (await registryRequest('HEAD', `/v2/${repo}/manifests/${ref}`, {accept: MANIFEST_ACCEPT}).catch(() => undefined))?.headers['docker-content-digest'] as string | undefined;

/** cosign with docker credentials of its own for the test registry. */
async function cosign(args: string[]): Promise<void> {
  const config = path.join(keyDir, 'docker');
  fs.mkdirSync(config, {recursive: true});
  fs.writeFileSync(path.join(config, 'config.json'), JSON.stringify({auths: {[REGISTRY]: {auth: Buffer.from(`${REGISTRY_USER}:${REGISTRY_PASSWORD}`).toString('base64')}}}));
  await exec('cosign', args, {cwd: keyDir, env: {...process.env, DOCKER_CONFIG: config, COSIGN_PASSWORD: PASSWORD}});
}

/** index digest, platform -> digest, of an image's v1 */
async function published(image: string): Promise<{index: string; platforms: Record<string, string>}> {
  const repo = `${NS}/${image}`;
  const index = (await digestOf(repo, 'v1'))!;
  const json = await registryJson(repo, 'v1');
  const platforms: Record<string, string> = {};
  for (const m of json.manifests as {digest: string; platform: {os: string; architecture: string}; annotations?: Record<string, string>}[]) {
    if (m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest') platforms[`${m.platform.os}/${m.platform.architecture}`] = m.digest;
  }
  return {index, platforms};
}

beforeAll(async () => {
  if (!gate.ready) return;
  stub = await startGitHubApiStub({id: 1, name: 'app', full_name: 'acme/app', private: false, owner: {login: 'acme'}, html_url: 'https://github.com/acme/app', description: 'verify', default_branch: 'main', license: null, topics: []});
  workspace = tempDir('ws');
  keyDir = tempDir('keys');
  await exec('cosign', ['generate-key-pair'], {cwd: keyDir, env: {...process.env, COSIGN_PASSWORD: PASSWORD}});
  fs.copyFileSync(path.join(keyDir, 'cosign.pub'), path.join(workspace, 'cosign.pub'));
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')]);
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', `LABEL org.example.nonce=${randomBytes(4).toString('hex')}`, ''].join('\n'));
}, 120_000);

afterAll(async () => {
  for (const r of runs) cleanupRuns(r);
  await stub?.close();
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
  for (const image of IMAGES) {
    for (const digest of new Set(Object.values(await tagDigests(`${NS}/${image}`).catch(() => ({} as Record<string, string>))))) await registryRequest('DELETE', `/v2/${NS}/${image}/manifests/${digest}`).catch(() => undefined);
  }
});

const VERIFY = {mode: 'verify', from: 'v1', 'require-signature': 'key=cosign.pub', 'require-attestations': 'provenance, sbom', 'transparency-log': 'false'};

gate.describe('mode: verify', () => {
  test('published, signed by digest: verify passes for every image and platform', async () => {
    const pub = await action({platforms: 'linux/amd64,linux/arm64', tags: 'type=raw,value=v1', provenance: 'mode=max', sbom: `generator=${GENERATOR}`});
    expect({code: pub.code, errors: pub.log.split('\n').filter(l => l.startsWith('::error'))}).toEqual({code: 0, errors: []});
    expect((await runPost(pub)).code).toBe(0);
    for (const image of IMAGES) {
      const {index, platforms} = await published(image);
      for (const d of [index, ...Object.values(platforms)]) await cosign(['sign', '--yes', '--key=cosign.key', '--tlog-upload=false', '--allow-insecure-registry=true', '--allow-http-registry=true', '--', `${REGISTRY}/${NS}/${image}@${d}`]);
    }
    const run = await action(VERIFY);
    expect({code: run.code, errors: run.log.split('\n').filter(l => l.startsWith('::error'))}).toEqual({code: 0, errors: []});
    const verification = JSON.parse(run.outputs['verification']) as {image: string; verified: boolean; digests: {platform: string; signature: {ok: boolean}; attestations: Record<string, string>}[]}[];
    expect(verification.map(v => [v.image, v.verified])).toEqual(IMAGES.map(i => [`${REGISTRY}/${NS}/${i}`, true]));
    for (const v of verification) {
      expect(v.digests.map(d => d.platform)).toEqual(['index', 'linux/amd64', 'linux/arm64']);
      expect(v.digests.every(d => d.signature.ok)).toBe(true);
      expect(v.digests.slice(1).every(d => d.attestations.provenance && d.attestations.sbom)).toBe(true);
    }
  }, 400_000);

  test('one platform signature deleted: verify fails naming the image and platform; promote with the same requirements moves nothing', async () => {
    const {platforms} = await published('worker');
    const repo = `${NS}/worker`;
    const sigTag = `${platforms['linux/arm64']!.replace(':', '-')}.sig`;
    const sig = (await digestOf(repo, sigTag))!;
    expect(sig).toMatch(/^sha256:/);
    expect((await registryRequest('DELETE', `/v2/${repo}/manifests/${sig}`)).status).toBe(202);
    const run = await action(VERIFY);
    expect(run.code).not.toBe(0);
    const errors = run.log.split('\n').filter(l => l.startsWith('::error'));
    expect(errors.join('\n')).toContain(`${REGISTRY}/${repo} linux/arm64 (${platforms['linux/arm64']}): no signature (no ${sigTag})`);
    expect(errors.join('\n')).not.toContain(`${NS}/api`);
    const promote = await action({mode: 'promote', from: 'v1', to: 'env-prod', 'require-signature': 'key=cosign.pub', 'transparency-log': 'false'});
    expect(promote.code).not.toBe(0);
    expect(promote.log).toContain('no tag was moved');
    for (const image of IMAGES) expect(await digestOf(`${NS}/${image}`, 'env-prod')).toBeUndefined();
  }, 300_000);

  test('a require-signature key that is not there: the step fails naming the input, before any login', async () => {
    const run = await action({...VERIFY, 'require-signature': 'key=missing.pub'});
    expect(run.code).not.toBe(0);
    expect(run.log).toContain('Input "require-signature", line 1: the public key file missing.pub is not there');
    expect(run.log).not.toMatch(/docker login|Login Succeeded/);
  }, 120_000);
});
