// End to end: sign: keyless on the real engine and registry, with cosign from PATH, and the network
// calls GitHub and Sigstore would answer answered by stand-ins on 127.0.0.1:
//   - the runner's OIDC token service (support/oidc.ts): the step's ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN
//     point at it, as with `permissions: id-token: write`; it hands out a JWT with GitHub's claims;
//   - Fulcio and Rekor of a private Sigstore (support/sigstore.ts): a test root issues each leaf for the
//     key cosign made (SAN = the token's job_workflow_ref, OIDC issuer extensions, embedded SCT from a
//     test CT key), Rekor answers with a signed entry timestamp from a test key; cosign trusts them
//     through SIGSTORE_ROOT_FILE, SIGSTORE_REKOR_PUBLIC_KEY and SIGSTORE_CT_LOG_PUBLIC_KEY_FILE.
// A reusable workflow's identity (job_workflow_ref differs from the caller's GITHUB_WORKFLOW_REF) is what
// the certificates and the verify commands carry. Then `cosign verify --certificate-identity …
// --certificate-oidc-issuer … --rekor-url …` succeeds for the index and each platform digest, and fails for
// the caller's identity; `mode: verify` with require-signature identity=/issuer= (and rekor-url) accepts
// it and refuses the caller's identity. Without the id-token permission the step fails before any docker command; a
// Fulcio that fails moves no tag. What only GitHub can show (its real token service and claims, the
// public-good Fulcio and Rekor, their TUF trust roots) is in README "Signing".
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
import {githubClaims, startOidcStandIn, type OidcStandIn} from '../support/oidc.js';
import {startSigstoreStandIn, type SigstoreStandIn} from '../support/sigstore.js';

const execp = promisify(execFile);

async function cosignProblem(): Promise<string | undefined> {
  return execp('cosign', ['version'], {timeout: 20_000}).then(
    () => undefined,
    e => `cosign does not run (${String((e as Error).message).split('\n')[0]}): run \`eval "$(bash scripts/engine-up.sh --only cosign)"\` as root (Debian trixie's cosign), or install cosign`
  );
}

const gate = await prerequisites('e2e sign keyless', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD}), binfmtProblem(['aarch64']), cosignProblem()]);

const NONCE = randomBytes(4).toString('hex');
const NS = `e2e-keyless-${NONCE}`;
const REPO = `${REGISTRY}/${NS}/api`;
const PATH_ = `${NS}/api`;
const SHA = '6666666eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const AUTH = `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`;
/** The caller's workflow, and the reusable workflow that runs the action (the identity Fulcio certifies). */
const CALLER = 'acme/app/.github/workflows/release.yml@refs/heads/main';
const REUSABLE = 'acme/shared/.github/workflows/publish.yml@refs/tags/v1';
const IDENTITY = `https://github.com/${REUSABLE}`;
const ISSUER = 'https://token.actions.githubusercontent.com';
let stub: GitHubApiStub | undefined;
let oidc: OidcStandIn;
let sigstore: SigstoreStandIn;
let workspace = '';
let verifyConfig = '';
const jobs: JobResult[] = [];

/** A step of a job with `permissions: id-token: write` (or without, when `oidcEnv` is false). */
async function run(inputs: Record<string, string>, oidcEnv = true): Promise<JobResult> {
  const env = {GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_WORKFLOW_REF: CALLER, ...sigstore.trust, ...(oidcEnv ? oidc.env : {})};
  const r = await job({sha: SHA, workspace, apiUrl: stub!.url, repository: 'acme/app', env, inputs: {registry: REGISTRY, 'registry-auth': AUTH, 'github-token': 'e2e-token', 'fulcio-url': sigstore.fulcioUrl, 'rekor-url': sigstore.rekorUrl, ...inputs}, timeoutMs: 300_000});
  jobs.push(r);
  expect(r.post.code).toBe(0);
  return r;
}

/** `cosign verify` as a consumer of the private Sigstore runs it (its trust roots, its own docker config). */
async function cosignVerify(ref: string, identity: string): Promise<{code: number; stdout: string; stderr: string}> {
  const args = ['verify', `--certificate-identity=${identity}`, `--certificate-oidc-issuer=${ISSUER}`, `--rekor-url=${sigstore.rekorUrl}`, '--allow-http-registry=true', '--allow-insecure-registry=true', ref];
  return execp('cosign', args, {env: {...process.env, DOCKER_CONFIG: verifyConfig, HOME: verifyConfig, ...sigstore.trust}, timeout: 60_000}).then(
    r => ({code: 0, stdout: r.stdout, stderr: r.stderr}),
    (e: {code?: number; stdout?: string; stderr?: string}) => ({code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? ''})
  );
}

gate.describe('sign: keyless (stand-ins of the token service, Fulcio and Rekor on 127.0.0.1)', () => {
  beforeAll(async () => {
    stub = await startGitHubApiStub({id: 1, name: 'app', full_name: 'acme/app', private: false, owner: {login: 'acme'}, html_url: 'https://github.com/acme/app', description: 'keyless', default_branch: 'main', license: null, topics: []});
    oidc = await startOidcStandIn({claims: aud => githubClaims(CALLER, aud, {job_workflow_ref: REUSABLE})});
    sigstore = await startSigstoreStandIn();
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-e2e-keyless-ws-'));
    await execp('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')]);
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', `LABEL org.example.nonce=${NONCE}`, ''].join('\n'));
    verifyConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-e2e-keyless-docker-'));
    fs.writeFileSync(path.join(verifyConfig, 'config.json'), JSON.stringify({auths: {[REGISTRY]: {auth: Buffer.from(`${REGISTRY_USER}:${REGISTRY_PASSWORD}`).toString('base64')}}}), {mode: 0o600});
  }, 180_000);

  afterAll(async () => {
    await stub?.close();
    await oidc?.close();
    await sigstore?.close();
    const tags = await tagDigests(PATH_).catch(() => ({}) as Record<string, string>);
    for (const d of new Set(Object.values(tags))) await registryRequest('DELETE', `/v2/${PATH_}/manifests/${d}`).catch(() => undefined);
    cleanupJobs(jobs);
    for (const d of [workspace, verifyConfig]) if (d) fs.rmSync(d, {recursive: true, force: true});
  }, 120_000);

  test('without `permissions: id-token: write` the step fails before any docker command; nothing is pushed', async () => {
    const r = await run({images: `name=${REPO}`, platforms: 'linux/amd64,linux/arm64', tags: 'type=raw,value=v0-noperm', sign: 'keyless'}, false);
    expect(r.main.code).not.toBe(0);
    expect(r.errors.join('\n')).toMatch(/sign: keyless needs the workflow's OIDC token, and this job may not ask for one \(ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN not in the step's environment\): add `permissions: id-token: write` to the job/);
    expect(r.main.stdout).not.toMatch(/\[command\] docker/);
    expect(oidc.requests).toEqual([]);
    expect(sigstore.seen).toEqual([]);
    expect(await tagDigests(PATH_).catch(() => ({}))).toEqual({});
  }, 120_000);

  test('two platforms, provenance: the token asked once (audience sigstore), a certificate per manifest for the reusable workflow\'s identity, a Rekor entry each; cosign verify pins it for the index and each platform digest', async () => {
    const r = await run({images: `name=${REPO}`, platforms: 'linux/amd64,linux/arm64', tags: 'type=raw,value=v1', provenance: 'mode=max', sign: 'keyless'});
    expect(r.errors).toEqual([]);
    expect(r.main.code).toBe(0);
    const digest = r.main.outputs['digest']!;
    expect((await tagDigests(PATH_))['v1']).toBe(digest);
    // the token service: one request, as @actions/core makes it
    expect(oidc.requests).toEqual([{audience: 'sigstore', authorization: `Bearer ${oidc.requestToken}`, status: 200}]);
    const [token] = oidc.issued;
    // what was signed: the index and both platform manifests, not the attestations
    const index = await registryJson(PATH_, digest);
    const all = index.manifests as {digest: string; platform?: {os: string; architecture: string}; annotations?: Record<string, string>}[];
    const attestations = all.filter(m => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest');
    expect(attestations).toHaveLength(2);
    const platforms = all.filter(m => !attestations.includes(m)).map(m => ({digest: m.digest, platform: `${m.platform!.os}/${m.platform!.architecture}`}));
    const signatures = JSON.parse(r.main.outputs['signatures']!)[REPO] as {digest: string; platform: string; signature: string; identity: string; issuer: string}[];
    expect(signatures).toEqual([{digest, platform: 'index'}, ...platforms].map(s => ({...s, signature: `${REPO}:${s.digest.replace(':', '-')}.sig`, identity: IDENTITY, issuer: ISSUER})));
    // Fulcio got the token for that identity and a public key per signature; Rekor an entry per signature
    expect(sigstore.fulcioRequests).toHaveLength(3);
    for (const f of sigstore.fulcioRequests) expect([f.token, f.identity, f.publicKey.length > 80]).toEqual([token, IDENTITY, true]);
    expect(new Set(sigstore.fulcioRequests.map(f => f.publicKey)).size).toBe(3);
    expect(sigstore.rekorEntries).toHaveLength(3);
    // a consumer's cosign verify against the stand-in trust roots: the reusable workflow's identity verifies, the caller's does not
    const tags = await tagDigests(PATH_);
    for (const s of signatures) {
      expect(tags[s.signature.slice(REPO.length + 1)]).toMatch(/^sha256:/);
      const v = await cosignVerify(`${REPO}@${s.digest}`, IDENTITY);
      expect([s.platform, v.code, v.stderr]).toEqual([s.platform, 0, expect.stringContaining('The code-signing certificate was verified using trusted certificate authority certificates')]);
      expect(v.stderr).toContain('Existence of the claims in the transparency log was verified offline');
      expect(JSON.parse(v.stdout)[0].critical.image['docker-manifest-digest']).toBe(s.digest);
    }
    const wrong = await cosignVerify(`${REPO}@${digest}`, `https://github.com/${CALLER}`);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/none of the expected identities matched|no matching signatures/);
    for (const a of attestations) expect(tags[`${a.digest.replace(':', '-')}.sig`]).toBeUndefined();
    // the outputs and the summary pin the identity, the issuer and the private Rekor
    expect(r.main.outputs['verify-commands']).toBe(`cosign verify --certificate-identity=${IDENTITY} --certificate-oidc-issuer=${ISSUER} --rekor-url=${sigstore.rekorUrl} ${REPO}@${digest}`);
    expect(r.main.summary).toContain(`**Certificate identity:** \`${IDENTITY}\``);
    expect(r.main.summary).toContain(r.main.outputs['verify-commands']);
    // the token: masked as it came, in no argument and nowhere else in the log or the summary
    expect(r.main.stdout).toContain(`::add-mask::${token}`);
    const log = r.main.stdout.split('\n').filter(l => !l.startsWith('::add-mask::')).join('\n') + r.main.stderr + r.main.summary;
    expect(log).not.toContain(token);
    expect(log).not.toContain(token.split('.')[1]);
    // what the action signed, mode: verify accepts for that identity (cosign with the step's trust roots and rekor-url), and refuses for the caller's
    const verified = await run({mode: 'verify', images: `name=${REPO}`, from: 'v1', 'require-signature': `identity=${IDENTITY}\nissuer=${ISSUER}`});
    expect(verified.errors).toEqual([]);
    expect((JSON.parse(verified.main.outputs['verification']!) as {image: string; verified: boolean}[]).map(v => [v.image, v.verified])).toEqual([[REPO, true]]);
    expect(verified.main.stdout).toMatch(new RegExp(`\\[command\\] cosign verify .*--rekor-url=${sigstore.rekorUrl.replace(/[.]/g, '\\.')} `));
    const refused = await run({mode: 'verify', images: `name=${REPO}`, from: 'v1', 'require-signature': `identity=https://github.com/${CALLER}\nissuer=${ISSUER}`});
    expect(refused.main.code).not.toBe(0);
    expect(refused.errors.join('\n')).toMatch(/index \(sha256:[0-9a-f]{64}\): the signature does not verify/);
    expect(r.main.stdout).toMatch(/\[command\] cosign sign --yes --fulcio-url=http:\/\/127\.0\.0\.1:\d+ --rekor-url=http:\/\/127\.0\.0\.1:\d+ --tlog-upload=true --allow-http-registry=true -- /);
  }, 420_000);

  test('Fulcio fails: the step fails, no release tag is created, the message says what keyless needs', async () => {
    sigstore.fulcioFails = true;
    const before = sigstore.fulcioRequests.length;
    try {
      const r = await run({images: `name=${REPO}`, platforms: 'linux/amd64,linux/arm64', tags: 'type=raw,value=v2-fulcio-down', sign: 'keyless'});
      expect(r.main.code).not.toBe(0);
      expect(r.errors.join('\n')).toMatch(/Signing .* failed: .*Nothing was released: no tag was created or moved/s);
      expect(sigstore.fulcioRequests.length).toBeGreaterThan(before);
      expect((await tagDigests(PATH_))['v2-fulcio-down']).toBeUndefined();
      expect(r.main.summary).toContain('❌ Signing failed');
    } finally {
      sigstore.fulcioFails = false;
    }
  }, 420_000);
});
