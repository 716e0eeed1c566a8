// End to end: sign: key on the real engine and registry, with cosign from PATH (scripts/engine-up.sh
// unpacks Debian trixie's). A key pair is made here (`cosign generate-key-pair`, password from
// COSIGN_PASSWORD, in a temporary directory); two images for linux/amd64 and linux/arm64 with
// provenance mode=max are published with sign: key and transparency-log: false (Rekor cannot be reached
// from here); `cosign verify --key cosign.pub` then succeeds for the index and each platform digest of
// both images, and the signatures and verify-commands outputs are as documented. The split release
// (plan -> two build legs -> merge) signs in the merge, the legs sign nothing. A wrong cosign-password
// fails the step with no release tag in the registry.
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {repoRoot, startGitHubApiStub, type GitHubApiStub} from '../support/action.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryJson, registryRequest, tagDigests} from '../support/registry.js';
import {binfmtProblem, buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';
import {cleanupJobs, job, type JobResult} from '../support/split.js';

const execp = promisify(execFile);

/** cosign runs (scripts/engine-up.sh puts Debian's on PATH; ci.yml installs it on hosted runners). */
async function cosignProblem(): Promise<string | undefined> {
  return execp('cosign', ['version'], {timeout: 20_000}).then(
    () => undefined,
    e => `cosign does not run (${String((e as Error).message).split('\n')[0]}): run \`eval "$(bash scripts/engine-up.sh --only cosign)"\` as root (Debian trixie's cosign), or install cosign`
  );
}

const gate = await prerequisites('e2e sign', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD}), binfmtProblem(['aarch64']), cosignProblem()]);

const NONCE = randomBytes(4).toString('hex');
const NS = `e2e-sign-${NONCE}`;
const REPOS = [`${REGISTRY}/${NS}/api`, `${REGISTRY}/${NS}/worker`];
const PATHS = REPOS.map(r => r.slice(REGISTRY.length + 1));
const SHA = '5555555eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const PASSWORD = `pw-${randomBytes(6).toString('hex')}`;
const AUTH = `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`;
let stub: GitHubApiStub | undefined;
let workspace = '';
let keys = '';
let verifyConfig = '';
const jobs: JobResult[] = [];

async function run(inputs: Record<string, string>): Promise<JobResult> {
  const r = await job({sha: SHA, workspace, apiUrl: stub!.url, repository: 'acme/app', inputs: {registry: REGISTRY, 'registry-auth': AUTH, 'github-token': 'e2e-token', ...inputs}, timeoutMs: 300_000});
  jobs.push(r);
  expect(r.post.code).toBe(0);
  return r;
}

/** `cosign verify` as a consumer runs it, with a docker config of its own logged in to the registry. */
async function cosignVerify(ref: string): Promise<{code: number; stdout: string; stderr: string}> {
  return execp('cosign', ['verify', '--key', path.join(keys, 'cosign.pub'), '--insecure-ignore-tlog=true', ref], {env: {...process.env, DOCKER_CONFIG: verifyConfig}, timeout: 60_000}).then(
    r => ({code: 0, stdout: r.stdout, stderr: r.stderr}),
    (e: {code?: number; stdout?: string; stderr?: string}) => ({code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? ''})
  );
}

const key = () => fs.readFileSync(path.join(keys, 'cosign.key'), 'utf8');
const images = REPOS.map(r => `name=${r}`).join('\n');

gate.describe('sign: key', () => {
  beforeAll(async () => {
    stub = await startGitHubApiStub({id: 1, name: 'app', full_name: 'acme/app', private: false, owner: {login: 'acme'}, html_url: 'https://github.com/acme/app', description: 'sign', default_branch: 'main', license: null, topics: []});
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-e2e-sign-ws-'));
    await execp('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')]);
    // FROM scratch and a static busybox: nothing is pulled
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', `LABEL org.example.nonce=${NONCE}`, ''].join('\n'));
    keys = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-e2e-sign-keys-'));
    await execp('cosign', ['generate-key-pair'], {cwd: keys, env: {...process.env, COSIGN_PASSWORD: PASSWORD}, timeout: 60_000});
    verifyConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-e2e-sign-docker-'));
    fs.writeFileSync(path.join(verifyConfig, 'config.json'), JSON.stringify({auths: {[REGISTRY]: {auth: Buffer.from(`${REGISTRY_USER}:${REGISTRY_PASSWORD}`).toString('base64')}}}), {mode: 0o600});
  }, 180_000);

  afterAll(async () => {
    await stub?.close();
    for (const repo of PATHS) {
      const tags = await tagDigests(repo).catch(() => ({}) as Record<string, string>);
      for (const d of new Set(Object.values(tags))) await registryRequest('DELETE', `/v2/${repo}/manifests/${d}`).catch(() => undefined);
    }
    cleanupJobs(jobs);
    for (const d of [workspace, keys, verifyConfig]) if (d) fs.rmSync(d, {recursive: true, force: true});
  }, 120_000);

  test('two images x two platforms, provenance mode=max: cosign verify --key succeeds for each index and platform digest; outputs as documented', async () => {
    const r = await run({images, platforms: 'linux/amd64,linux/arm64', tags: 'type=raw,value=v1', provenance: 'mode=max', sign: 'key', 'cosign-key': key(), 'cosign-password': PASSWORD, 'transparency-log': 'false'});
    expect(r.errors).toEqual([]);
    expect(r.main.code).toBe(0);
    const digest = r.main.outputs['digest']!;
    const signatures = JSON.parse(r.main.outputs['signatures']!) as Record<string, {digest: string; platform: string; signature: string}[]>;
    expect(Object.keys(signatures)).toEqual(REPOS);
    for (const [n, repo] of REPOS.entries()) {
      expect((await tagDigests(PATHS[n]))['v1']).toBe(digest);
      const index = await registryJson(PATHS[n], digest);
      const all = index.manifests as {digest: string; platform?: {os: string; architecture: string}; annotations?: Record<string, string>}[];
      const attestations = all.filter(m => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest');
      expect(attestations.length).toBe(2); // provenance mode=max: one per platform
      const platforms = all.filter(m => !attestations.includes(m)).map(m => ({digest: m.digest, platform: `${m.platform!.os}/${m.platform!.architecture}`}));
      // the index and each platform manifest, not the attestations
      expect(signatures[repo]).toEqual([{digest, platform: 'index'}, ...platforms].map(s => ({...s, signature: `${repo}:${s.digest.replace(':', '-')}.sig`})));
      const tags = await tagDigests(PATHS[n]);
      for (const s of signatures[repo]) {
        expect(tags[s.signature.slice(repo.length + 1)]).toMatch(/^sha256:/);
        const v = await cosignVerify(`${repo}@${s.digest}`);
        expect([s.platform, v.code, v.stderr]).toEqual([s.platform, 0, expect.stringContaining('The signatures were verified against the specified public key')]);
        expect(JSON.parse(v.stdout)[0].critical.image['docker-manifest-digest']).toBe(s.digest);
      }
      for (const a of attestations) expect(tags[`${a.digest.replace(':', '-')}.sig`]).toBeUndefined();
    }
    expect(r.main.outputs['verify-commands']!.split('\n')).toEqual(REPOS.map(repo => `cosign verify --key cosign.pub --insecure-ignore-tlog=true ${repo}@${digest}`));
    // the summary lists them; the key and its password reach neither the log nor the summary
    expect(r.main.summary).toContain('### Signatures');
    expect(r.main.summary).toContain(`cosign verify --key cosign.pub --insecure-ignore-tlog=true ${REPOS[0]}@${digest}`);
    const body = key().split('\n').filter(l => l.length > 20 && !l.startsWith('-----'));
    const log = r.main.stdout.split('\n').filter(l => !l.startsWith('::add-mask::')).join('\n') + r.main.stderr + r.main.summary;
    for (const secret of [PASSWORD, ...body]) expect(log).not.toContain(secret);
    // what the action signed, mode: verify accepts (the public key as the PEM itself, no transparency log)
    const pub = fs.readFileSync(path.join(keys, 'cosign.pub'), 'utf8');
    const verified = await run({mode: 'verify', images, from: 'v1', 'require-signature': `key=${pub.trim()}`, 'transparency-log': 'false'});
    expect(verified.errors).toEqual([]);
    expect((JSON.parse(verified.main.outputs['verification']!) as {image: string; verified: boolean}[]).map(v => [v.image, v.verified])).toEqual(REPOS.map(r => [r, true]));
    // no key file is left in the runner's temporary directory
    const left: string[] = [];
    const walk = (d: string) => fs.existsSync(d) && fs.readdirSync(d, {withFileTypes: true}).forEach(e => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name === 'cosign.key' && left.push(e.name)));
    walk(r.main.runnerTemp);
    expect(left).toEqual([]);
  }, 420_000);

  test('the split release: mode: merge signs the index it made and the legs platform manifests before the tags move', async () => {
    const repo = `${REGISTRY}/${NS}/split`;
    PATHS.push(`${NS}/split`);
    const planned = await run({mode: 'plan', images: `name=${repo}`, platforms: 'linux/amd64,linux/arm64', tags: 'type=raw,value=v3'});
    expect(planned.errors).toEqual([]);
    const planText = planned.main.outputs['plan']!;
    // the legs do not sign (a warning says so) and move no tag
    const legs = await Promise.all(['linux/amd64', 'linux/arm64'].map(platforms => run({mode: 'build', plan: planText, platforms, sign: 'key', 'cosign-key': key(), 'cosign-password': PASSWORD})));
    for (const l of legs) {
      expect(l.errors).toEqual([]);
      expect(l.main.stdout).toContain('Input "sign" is read by mode: publish and mode: merge only');
    }
    expect(Object.keys(await tagDigests(`${NS}/split`)).filter(t => t.endsWith('.sig'))).toEqual([]);
    const merged = await run({mode: 'merge', plan: planText, sign: 'key', 'cosign-key': key(), 'cosign-password': PASSWORD, 'transparency-log': 'false'});
    expect(merged.errors).toEqual([]);
    const digest = merged.main.outputs['digest']!;
    expect((await tagDigests(`${NS}/split`))['v3']).toBe(digest);
    const signatures = JSON.parse(merged.main.outputs['signatures']!)[repo] as {digest: string; platform: string}[];
    expect(signatures.map(s => s.platform)).toEqual(['index', 'linux/amd64', 'linux/arm64']);
    expect(signatures[0].digest).toBe(digest);
    for (const s of signatures) expect((await cosignVerify(`${repo}@${s.digest}`)).code).toBe(0);
    expect(merged.main.outputs['verify-commands']).toBe(`cosign verify --key cosign.pub --insecure-ignore-tlog=true ${repo}@${digest}`);
  }, 600_000);

  test('a wrong cosign-password: the step fails and no release tag exists in the registry', async () => {
    const r = await run({images, platforms: 'linux/amd64,linux/arm64', tags: 'type=raw,value=v2-wrong', provenance: 'mode=max', sign: 'key', 'cosign-key': key(), 'cosign-password': 'not-the-password', 'transparency-log': 'false'});
    expect(r.main.code).not.toBe(0);
    expect(r.errors.join('\n')).toMatch(/Signing .* failed: .*decrypt.*\(is cosign-password the password of cosign-key\?\)\. Nothing was released: no tag was created or moved/s);
    for (const repo of PATHS) expect((await tagDigests(repo))['v2-wrong']).toBeUndefined();
    expect(r.main.summary).toContain('❌ Signing failed');
    expect(r.main.stdout.split('\n').filter(l => !l.startsWith('::add-mask::')).join('\n')).not.toContain('not-the-password');
  }, 420_000);
});
