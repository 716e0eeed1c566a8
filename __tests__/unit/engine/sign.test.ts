// Signing (sign: key, engine/sign.ts) through the fake seam: what is signed (index and platform manifests,
// never the attestations), when (after verify, before any tag moves), how (key file 0600 removed after,
// password to cosign only), what the outputs and summary say, and that a signing failure moves no tag —
// in publish (one job) and in merge (after the build legs).
import {afterAll, afterEach, beforeEach, describe, expect, test} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {publish} from '../../../src/engine/publish.js';
import {merge} from '../../../src/engine/merge.js';
import {GITHUB_ISSUER, keylessIdentity, signTargets, signatureTag, tokenClaims, verifyCommand} from '../../../src/engine/sign.js';
import {githubClaims, makeJwt, startOidcStandIn, type OidcStandIn} from '../../support/oidc.js';
import type {Prepared} from '../../../src/pipeline/prepare.js';
import type {BuildPlan, Plan} from '../../../src/pipeline/plan.js';
import type {ParsedPlanDocument} from '../../../src/pipeline/plan-document.js';
import type {SignInputs} from '../../../src/pipeline/inputs/sign.js';
import type {BuildxApi, CosignSignRun} from '../../../src/engine/buildx.js';
import {FakeBuildx, DIGEST, IMAGE} from './fake-buildx.js';
import {FakeRegistry, SHA, PLAN} from './fake-registry.js';
import {buildPlan, engineInputs, plan} from './factory.js';
import {runnerDirs} from './runner-dirs.js';
import {removeTempDirs} from '../../support/git.js';

afterAll(() => removeTempDirs());

const KEY = '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\neyJrZGYiOnsibmFtZSI6InNjcnlwdCJ9fQ==\nQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n';
const SIGN: SignInputs = {mode: 'key', key: KEY, password: 'pw-of-the-key', transparencyLog: false, fulcioUrl: 'https://fulcio.sigstore.dev', rekorUrl: 'https://rekor.sigstore.dev'};

const h = runnerDirs('mp-sign-');
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  ({env} = h);
});

function prepared(sign: SignInputs = SIGN, builds: BuildPlan[] = [buildPlan({images: [IMAGE]})]): Prepared {
  return {
    inputs: {engine: engineInputs(), githubToken: '', summary: true, mode: 'publish', sign},
    ctx: {actor: 'octocat', defaultBranch: 'main', shortSha: 'a1b2c3d'},
    plan: plan(builds, {push: true}),
    metadata: {},
    credentials: [{registry: '127.0.0.1:5000', username: 'ci', password: 'ci-secret'}],
    warnings: []
  } as unknown as Prepared;
}

const outputs = () => h.outputs();

const summary = () => h.summary();

/** What RUNNER_TEMP holds after the run, files only (the key file must be gone). */
function keyFilesLeft(): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, {withFileTypes: true})) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name === 'cosign.key') found.push(path.join(d, e.name));
    }
  };
  walk(env['RUNNER_TEMP']!);
  return found;
}

const sig = (name: string, digest: string) => signatureTag(name, digest);

describe('what is signed', () => {
  test('per name: the index, then each platform manifest; a one-platform build (a single manifest) once', () => {
    const multi = {build: buildPlan({images: ['r/a', 'r/b']}), digest: 'sha256:1', images: ['r/a', 'r/b'].map(name => ({name, digest: 'sha256:1', mediaType: 'index', platforms: [{platform: 'linux/amd64', digest: 'sha256:2', size: 0}, {platform: 'linux/arm64', digest: 'sha256:3', size: 0}]}))};
    const single = {build: buildPlan({id: 'one', images: ['r/c'], platforms: ['linux/amd64']}), digest: 'sha256:4', images: [{name: 'r/c', digest: 'sha256:4', mediaType: 'manifest', platforms: [{platform: 'linux/amd64', digest: 'sha256:4', size: 9}]}]};
    expect(signTargets([multi, single])).toEqual([
      {name: 'r/a', digest: 'sha256:1', platform: 'index'},
      {name: 'r/a', digest: 'sha256:2', platform: 'linux/amd64'},
      {name: 'r/a', digest: 'sha256:3', platform: 'linux/arm64'},
      {name: 'r/b', digest: 'sha256:1', platform: 'index'},
      {name: 'r/b', digest: 'sha256:2', platform: 'linux/amd64'},
      {name: 'r/b', digest: 'sha256:3', platform: 'linux/arm64'},
      {name: 'r/c', digest: 'sha256:4', platform: 'linux/amd64'}
    ]);
  });

  test('a platform digest that is not sha256:<hex> (the registry\'s text): nothing is signed, no tag moves', async () => {
    const fake = new FakeBuildx();
    const v = {build: buildPlan({images: ['r/a']}), digest: `sha256:${'1'.repeat(64)}`, images: [{name: 'r/a', digest: `sha256:${'1'.repeat(64)}`, mediaType: 'index', platforms: [{platform: 'linux/amd64', digest: 'sha256:x\n::error::pwned', size: 0}]}]};
    const {signImages} = await import('../../../src/engine/sign.js');
    await expect(signImages({buildx: fake, verified: [v], sign: SIGN, dir: env['RUNNER_TEMP']!})).rejects.toThrow('r/a has a manifest whose digest is not sha256:<64 hex> (sha256:x\\n::error::pwned); nothing was signed');
    expect(fake.cosignRuns).toEqual([]);
  });

  test('the signature tag and the verify command', () => {
    expect(signatureTag('ghcr.io/o/app', `sha256:${'ab'.repeat(32)}`)).toBe(`ghcr.io/o/app:sha256-${'ab'.repeat(32)}.sig`);
    expect(verifyCommand('ghcr.io/o/app', 'sha256:1', true)).toBe('cosign verify --key cosign.pub ghcr.io/o/app@sha256:1');
    expect(verifyCommand('ghcr.io/o/app', 'sha256:1', false)).toBe('cosign verify --key cosign.pub --insecure-ignore-tlog=true ghcr.io/o/app@sha256:1');
  });
});

describe('publish with sign: key', () => {
  test('cosign is checked before any login; the index and both platform manifests are signed after verify and before the first tag moves', async () => {
    const fake = new FakeBuildx().pushCaptured();
    const outcome = await publish(prepared(), env, {}, fake);
    const m = fake.methods;
    expect(m.indexOf('cosignVersion')).toBeLessThan(m.indexOf('login'));
    expect(m.indexOf('cosignVersion')).toBeLessThan(m.indexOf('bake'));
    const signs = fake.cosignRuns.map(r => r.ref);
    expect(signs.sort()).toEqual([DIGEST.index, DIGEST.amd64, DIGEST.arm64].map(d => `${IMAGE}@${d}`).sort());
    // every signature is made after the index is read (verify) and before any tag write
    const lastSign = m.lastIndexOf('cosignSign');
    expect(m.indexOf('readManifest')).toBeLessThan(m.indexOf('cosignSign'));
    expect(m.indexOf('writeTags')).toBeGreaterThan(lastSign);
    // the key: a 0600 file with the PEM, removed after; the password and the tlog setting as given
    // (a loopback registry: cosign may speak plain HTTP to it)
    for (const r of fake.cosignRuns) expect(r).toMatchObject({key: KEY, mode: 0o600, password: 'pw-of-the-key', tlogUpload: false, allowHttp: true});
    expect(fs.existsSync(fake.cosignRuns[0].keyFile!)).toBe(false);
    expect(keyFilesLeft()).toEqual([]);
    // each signature tag read back
    for (const d of [DIGEST.index, DIGEST.amd64, DIGEST.arm64]) expect(fake.callsOf('tagDigest').map(a => a[0])).toContain(sig(IMAGE, d));
    // the outputs
    const signatures = JSON.parse(outputs()['signatures']);
    expect(signatures).toEqual({
      [IMAGE]: [
        {digest: DIGEST.index, platform: 'index', signature: sig(IMAGE, DIGEST.index)},
        {digest: DIGEST.amd64, platform: 'linux/amd64', signature: sig(IMAGE, DIGEST.amd64)},
        {digest: DIGEST.arm64, platform: 'linux/arm64', signature: sig(IMAGE, DIGEST.arm64)}
      ]
    });
    expect(outputs()['verify-commands']).toBe(`cosign verify --key cosign.pub --insecure-ignore-tlog=true ${IMAGE}@${DIGEST.index}`);
    expect(outcome.outputs['verify-commands']).toBe(outputs()['verify-commands']);
    const text = await summary();
    expect(text).toContain('### Signatures');
    expect(text).toContain(`cosign verify --key cosign.pub --insecure-ignore-tlog=true ${IMAGE}@${DIGEST.index}`);
    expect(text).toContain(`| linux/arm64 | \`${DIGEST.arm64}\` | \`sha256-${DIGEST.arm64.slice(7)}.sig\` |`);
    expect(text).not.toContain('pw-of-the-key');
    expect(fake.tags.get(`${IMAGE}:latest`)).toBe(DIGEST.index);
  });

  test('transparency-log: true uploads (--tlog-upload=true) and the verify command checks the log', async () => {
    const fake = new FakeBuildx().pushCaptured();
    await publish(prepared({...SIGN, transparencyLog: true}), env, {}, fake);
    expect(fake.cosignRuns.every(r => r.tlogUpload)).toBe(true);
    expect(outputs()['verify-commands']).toBe(`cosign verify --key cosign.pub ${IMAGE}@${DIGEST.index}`);
  });

  test('two names: one verify command each, every name signed under its own repository', async () => {
    const fake = new FakeBuildx().pushCaptured().pushCaptured(`${IMAGE}-mirror`);
    await publish(prepared(SIGN, [buildPlan({images: [IMAGE, `${IMAGE}-mirror`]})]), env, {}, fake);
    expect(fake.cosignRuns).toHaveLength(6);
    expect(outputs()['verify-commands'].split('\n')).toEqual([IMAGE, `${IMAGE}-mirror`].map(n => `cosign verify --key cosign.pub --insecure-ignore-tlog=true ${n}@${DIGEST.index}`));
    expect(Object.keys(JSON.parse(outputs()['signatures']))).toEqual([IMAGE, `${IMAGE}-mirror`]);
  });

  test('a signing failure (wrong password): the step fails, NO tag is created or moved, the summary says nothing was released, the key file is gone', async () => {
    const fake = new FakeBuildx({signFails: () => 'Error: signing [x]: getting signer: reading key: decrypt: encrypted: decryption failed'}).pushCaptured();
    await expect(publish(prepared(), env, {}, fake)).rejects.toThrow(/decryption failed.*\(is cosign-password the password of cosign-key\?\)\. Nothing was released: no tag was created or moved/s);
    expect(fake.methods.filter(x => ['writeTags', 'writeTag', 'imagetoolsCreate'].includes(x))).toEqual([]);
    // (the content went by digest: putManifest of the layout, under no tag)
    expect(fake.callsOf('putManifest').every(a => String(a[1]).startsWith('sha256:'))).toBe(true);
    expect([...fake.tags.keys()]).toEqual([]);
    expect(keyFilesLeft()).toEqual([]);
    const text = await summary();
    expect(text).toMatch(/^## multiarch-publish: ❌ failed/);
    expect(text).toContain('❌ Signing failed');
    expect(text).toContain('nothing was released');
    expect(outputs()['signatures']).toBeUndefined();
  });

  test('a failure after some manifests were signed: no tag moves; what was signed is listed', async () => {
    const fake = new FakeBuildx({signFails: ref => (ref.endsWith(DIGEST.arm64) ? 'Error: signing: PUT https://127.0.0.1:5000/v2/x/manifests/sha256-x.sig: UNAUTHORIZED: authentication required' : undefined)}).pushCaptured();
    const e = (await publish(prepared(), env, {}, fake).catch(x => x)) as Error;
    expect(e.message).toMatch(/Signing .*@sha256:5440e28a.* \(linux\/arm64\) failed: .*UNAUTHORIZED.*needs write access/);
    expect(fake.methods.filter(x => ['writeTags', 'writeTag', 'imagetoolsCreate'].includes(x))).toEqual([]);
    expect([...fake.tags.keys()].every(t => t.endsWith('.sig'))).toBe(true);
    const text = await summary();
    expect(text).toContain('The signatures made before it stopped stay');
    for (const t of fake.tags.keys()) expect(text).toContain(`\`${t.slice(IMAGE.length + 1)}\``);
  });

  test('the signature tag does not appear: the step fails before any tag moves', async () => {
    const fake = new FakeBuildx({signatureLost: true}).pushCaptured();
    await expect(publish(prepared(), env, {}, fake)).rejects.toThrow(/but the registry has no signature tag .*\.sig.*Nothing was released/s);
    expect(fake.methods.filter(x => ['writeTags', 'writeTag', 'imagetoolsCreate'].includes(x))).toEqual([]);
  });

  test('cosign not on PATH: a clear error before any login or build', async () => {
    const fake = new FakeBuildx({noCosign: true}).pushCaptured();
    await expect(publish(prepared(), env, {}, fake)).rejects.toThrow(/^sign: key needs cosign on PATH \(Cannot run cosign: it is not installed or not on PATH\).*nothing was logged in to, built or pushed\.$/);
    expect(fake.methods.filter(x => ['login', 'bake', 'cosignSign'].includes(x))).toEqual([]);
  });

  test('cosign not on PATH: the pinned release is installed (the seam\'s ensureCosign) before any login or build; an install that fails stops the run there', async () => {
    const fake = new FakeBuildx().pushCaptured();
    const ensured: string[] = [];
    (fake as BuildxApi).ensureCosign = async () => {
      ensured.push(fake.methods.join(','));
      return {installed: true, dir: '/opt/hostedtoolcache/cosign/2.6.0/x64'};
    };
    await publish(prepared(), env, {}, fake);
    expect(ensured).toEqual(['']);
    expect(fake.methods[0]).toBe('cosignVersion');
    const failing = new FakeBuildx().pushCaptured();
    (failing as BuildxApi).ensureCosign = async () => Promise.reject(new Error('the cosign 2.6.0 download has SHA-256 x, not the pinned y: it was deleted, not installed'));
    await expect(publish(prepared(), env, {}, failing)).rejects.toThrow(/^sign: key needs cosign on PATH \(the cosign 2\.6\.0 download has SHA-256 x, not the pinned y.*nothing was logged in to, built or pushed\.$/);
    expect(failing.methods.filter(x => ['login', 'bake', 'cosignVersion'].includes(x))).toEqual([]);
  });

  test('sign: none (or inputs without sign): cosign is never asked, no signing outputs', async () => {
    const fake = new FakeBuildx().pushCaptured();
    await publish(prepared({...SIGN, mode: 'none', key: '', password: '', transparencyLog: true}), env, {}, fake);
    expect(fake.methods.filter(x => x.startsWith('cosign'))).toEqual([]);
    expect(outputs()['signatures']).toBeUndefined();
  });

  test('a build that does not push signs nothing', async () => {
    const fake = new FakeBuildx({bakes: [{code: 0, metadata: {}}]});
    const p = prepared();
    p.plan = plan([buildPlan({images: [IMAGE]})], {push: false});
    await publish(p, env, {}, fake);
    expect(fake.methods.filter(x => x.startsWith('cosign'))).toEqual([]);
  });
});

describe('merge with sign: key', () => {
  const NAME = 'reg.test/acme/api';
  function mergePlan(): BuildPlan {
    return {id: 'api', images: [NAME], file: 'Dockerfile', context: '.', platforms: ['linux/amd64', 'linux/arm64'], tags: [`${NAME}:1.2.3`], tagNames: ['1.2.3'], labels: [], annotations: [], buildArgs: {}, push: true, policy: {allowed: true, rules: [], violations: [], warnings: []}};
  }
  function docOf(b: BuildPlan): ParsedPlanDocument {
    const p: Plan = {eventName: 'push', ref: 'refs/tags/v1.2.3', sha: SHA, version: '1.2.3', push: true, pushReason: 'a tag', registry: 'reg.test', builds: [b], policy: {allowed: true, rules: [], violations: [], warnings: []}};
    return {plan: p, repository: 'acme/api', created: new Date(0), digest: PLAN};
  }
  const mergePrepared = {inputs: {summary: false, githubToken: '', engine: {forceTags: false, tagRetryTimeout: 1}, sign: SIGN}, ctx: {actor: 'me', serverUrl: 'https://github.com'}, credentials: [], warnings: []} as unknown as Prepared;

  function signingApi(reg: FakeRegistry, fails = false) {
    const api = reg.api();
    const runs: CosignSignRun[] = [];
    api.cosignVersion = async () => 'GitVersion: v2.5.0';
    api.cosignSign = async o => {
      runs.push(o);
      if (fails) throw new Error('cosign sign failed (exit code 1): decrypt: encrypted: decryption failed');
      const [name, digest] = o.ref.split('@');
      reg.tags.set(signatureTag(name, digest), 'sha256:sig');
    };
    return {api, runs};
  }

  test('the merged index and the legs platform manifests are signed before the release tags move', async () => {
    const reg = new FakeRegistry();
    const b = mergePlan();
    const legs = b.platforms.map(p => reg.leg(NAME, b, p));
    const {api, runs} = signingApi(reg);
    let tagged = false;
    const write = api.writeTags!.bind(api);
    api.writeTags = async (refs, source) => {
      tagged = true;
      expect(runs).toHaveLength(3);
      return write(refs, source);
    };
    const out = await merge(mergePrepared, docOf(b), env, {report: false}, api);
    expect(tagged).toBe(true);
    const digest = out.outputs.digest;
    expect(runs.map(r => r.ref)).toEqual([`${NAME}@${digest}`, ...legs.map(l => `${NAME}@${l.platformDigest}`)]);
    expect(runs.every(r => r.allowHttp === false)).toBe(true);
    expect(JSON.parse(out.outputs.signatures)[NAME].map((s: {platform: string}) => s.platform)).toEqual(['index', 'linux/amd64', 'linux/arm64']);
    expect(out.outputs['verify-commands']).toBe(`cosign verify --key cosign.pub --insecure-ignore-tlog=true ${NAME}@${digest}`);
    expect(reg.tags.get(`${NAME}:1.2.3`)).toBe(digest);
  });

  test('a signing failure: no release tag, the leg records are kept for another merge', async () => {
    const reg = new FakeRegistry();
    const b = mergePlan();
    for (const p of b.platforms) reg.leg(NAME, b, p);
    const before = [...reg.tags.keys()].sort();
    const {api} = signingApi(reg, true);
    await expect(merge(mergePrepared, docOf(b), env, {report: false}, api)).rejects.toThrow(/Nothing was released: no tag was created or moved/);
    expect(reg.tags.has(`${NAME}:1.2.3`)).toBe(false);
    expect([...reg.tags.keys()].sort()).toEqual(before);
  });
});

describe('sign: keyless', () => {
  const KEYLESS: SignInputs = {...SIGN, mode: 'keyless', key: '', password: '', transparencyLog: true};
  const WORKFLOW = 'octo/app/.github/workflows/release.yml@refs/tags/v1.2.3';
  let oidc: OidcStandIn;
  const savedOidc = {url: process.env['ACTIONS_ID_TOKEN_REQUEST_URL'], token: process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']};
  let claims: (aud: string) => Record<string, unknown>;

  beforeEach(async () => {
    claims = aud => githubClaims(WORKFLOW, aud);
    oidc = await startOidcStandIn({claims: aud => claims(aud)});
    // core.getIDToken reads process.env; the permission check reads the step's env
    Object.assign(process.env, oidc.env);
    Object.assign(env, oidc.env, {GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_WORKFLOW_REF: WORKFLOW});
  });
  afterEach(async () => {
    await oidc.close();
    for (const [k, v] of [['ACTIONS_ID_TOKEN_REQUEST_URL', savedOidc.url], ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', savedOidc.token]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  /** stdout while `fn` runs (the log), and what fn returned or threw. */
  async function logged<T>(fn: () => Promise<T>): Promise<{log: string; value?: T; error?: Error}> {
    const written: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string | Uint8Array) => written.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      const value = await fn();
      return {log: written.join(''), value};
    } catch (e) {
      return {log: written.join(''), error: e as Error};
    } finally {
      process.stdout.write = write;
    }
  }

  test.each([
    ['no id-token permission on a runner', {GITHUB_ACTIONS: 'true'}, /^sign: keyless needs the workflow's OIDC token, and this job may not ask for one \(ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN not in the step's environment\): add `permissions: id-token: write` to the job.*Nothing was logged in to, built or pushed\.$/],
    ['the request token alone missing', {GITHUB_ACTIONS: 'true', ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/x?a=1'}, /\(ACTIONS_ID_TOKEN_REQUEST_TOKEN not in the step's environment\): add `permissions: id-token: write`/],
    ['outside GitHub Actions (the CLI)', {}, /^sign: keyless needs a GitHub Actions workflow run: .*use sign: key or sign: none\); nothing was logged in to, built or pushed\.$/]
  ])('%s: the step fails before any QEMU, builder, login, bake or cosign', async (_what, stepEnv, message) => {
    for (const k of ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'GITHUB_ACTIONS']) delete env[k];
    Object.assign(env, stepEnv);
    const fake = new FakeBuildx().pushCaptured();
    await expect(publish(prepared(KEYLESS), env, {}, fake)).rejects.toThrow(message);
    expect(fake.methods).toEqual([]);
    expect(oidc.requests).toEqual([]);
  });

  test('merge without the permission: fails before any login (the seam is never asked)', async () => {
    delete env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
    const reg = new FakeRegistry();
    const api = reg.api();
    const asked: string[] = [];
    const p = {inputs: {summary: false, githubToken: '', engine: {forceTags: false, tagRetryTimeout: 1}, sign: KEYLESS}, ctx: {actor: 'me', serverUrl: 'https://github.com'}, credentials: [{registry: 'reg.test', username: 'u', password: 'p'}], warnings: []} as unknown as Prepared;
    const spied = new Proxy(api, {get: (t, k) => (typeof (t as never)[k] === 'function' ? (...a: unknown[]) => (asked.push(String(k)), (t as never as Record<string, (...x: unknown[]) => unknown>)[k as string](...a)) : (t as never)[k])});
    const b: BuildPlan = {id: 'api', images: ['reg.test/acme/api'], file: 'Dockerfile', context: '.', platforms: ['linux/amd64'], tags: ['reg.test/acme/api:1'], tagNames: ['1'], labels: [], annotations: [], buildArgs: {}, push: true, policy: {allowed: true, rules: [], violations: [], warnings: []}};
    const doc = {plan: {eventName: 'push', ref: 'refs/tags/v1', sha: SHA, version: '1', push: true, pushReason: 'a tag', registry: 'reg.test', builds: [b], policy: {allowed: true, rules: [], violations: [], warnings: []}}, repository: 'acme/api', created: new Date(0), digest: PLAN} as ParsedPlanDocument;
    await expect(merge(p, doc, env, {report: false}, spied)).rejects.toThrow(/permissions: id-token: write/);
    expect(asked).toEqual([]);
  });

  test('the token is asked for right before signing (audience sigstore, the runner\'s bearer), masked, given to cosign in its environment only; no key; Fulcio and Rekor URLs; the outputs pin the identity and issuer', async () => {
    const fake = new FakeBuildx().pushCaptured();
    let askedAt = -1;
    const sign = fake.cosignSign.bind(fake);
    fake.cosignSign = async o => {
      if (askedAt < 0) askedAt = oidc.requests.length;
      return sign(o);
    };
    const {log, error} = await logged(() => publish(prepared(KEYLESS), env, {}, fake));
    expect(error).toBeUndefined();
    // one token, asked after the build and the verification, before the first cosign sign
    expect(oidc.requests).toEqual([{audience: 'sigstore', authorization: `Bearer ${oidc.requestToken}`, status: 200}]);
    expect(askedAt).toBe(1);
    const [token] = oidc.issued;
    const m = fake.methods;
    expect(m.indexOf('cosignVersion')).toBeLessThan(m.indexOf('login'));
    expect(m.indexOf('bake')).toBeLessThan(m.indexOf('cosignSign'));
    expect(m.indexOf('writeTags')).toBeGreaterThan(m.lastIndexOf('cosignSign'));
    expect(fake.cosignRuns.map(r => r.ref).sort()).toEqual([DIGEST.index, DIGEST.amd64, DIGEST.arm64].map(d => `${IMAGE}@${d}`).sort());
    for (const r of fake.cosignRuns) {
      expect(r).toMatchObject({identityToken: token, fulcioUrl: 'https://fulcio.sigstore.dev', rekorUrl: 'https://rekor.sigstore.dev', tlogUpload: true, allowHttp: true});
      expect(r.keyFile).toBeUndefined();
      expect(r.password).toBeUndefined();
    }
    // the token: masked (add-mask) and nowhere else in the log
    expect(log).toContain(`::add-mask::${token}`);
    const rest = log.split(`::add-mask::${token}`).join('');
    expect(rest).not.toContain(token);
    expect(rest).not.toContain(token.split('.')[1]);
    expect(log).toContain(`Signing keyless as https://github.com/${WORKFLOW} (issuer https://token.actions.githubusercontent.com)`);
    const identity = `https://github.com/${WORKFLOW}`;
    expect(outputs()['verify-commands']).toBe(`cosign verify --certificate-identity=${identity} --certificate-oidc-issuer=https://token.actions.githubusercontent.com ${IMAGE}@${DIGEST.index}`);
    expect(JSON.parse(outputs()['signatures'])[IMAGE]).toEqual([DIGEST.index, DIGEST.amd64, DIGEST.arm64].map((d, n) => ({digest: d, platform: ['index', 'linux/amd64', 'linux/arm64'][n], signature: sig(IMAGE, d), identity, issuer: 'https://token.actions.githubusercontent.com'})));
    const text = await summary();
    expect(text).toContain('Signed keyless with cosign (sign: keyless)');
    expect(text).toContain(`**Certificate identity:** \`${identity}\``);
    expect(text).toContain(`cosign verify --certificate-identity=${identity} --certificate-oidc-issuer=https://token.actions.githubusercontent.com ${IMAGE}@${DIGEST.index}`);
    expect(text).not.toContain(token);
    expect(keyFilesLeft()).toEqual([]);
  });

  test('a reusable workflow: the identity is the token\'s job_workflow_ref (not the caller\'s GITHUB_WORKFLOW_REF), the issuer its iss; a private Rekor is named in the verify command', async () => {
    claims = aud => githubClaims(WORKFLOW, aud, {job_workflow_ref: 'acme/shared/.github/workflows/publish.yml@refs/heads/main', iss: 'https://ghe.example.com/_services/token'});
    env['GITHUB_SERVER_URL'] = 'https://ghe.example.com';
    const fake = new FakeBuildx().pushCaptured();
    await publish(prepared({...KEYLESS, fulcioUrl: 'https://fulcio.internal.example', rekorUrl: 'https://rekor.internal.example'}), env, {}, fake);
    expect(fake.cosignRuns.every(r => r.fulcioUrl === 'https://fulcio.internal.example' && r.rekorUrl === 'https://rekor.internal.example')).toBe(true);
    expect(outputs()['verify-commands']).toBe(`cosign verify --certificate-identity=https://ghe.example.com/acme/shared/.github/workflows/publish.yml@refs/heads/main --certificate-oidc-issuer=https://ghe.example.com/_services/token --rekor-url=https://rekor.internal.example ${IMAGE}@${DIGEST.index}`);
  });

  test('the token service fails: nothing is signed, no tag moves, the message names the permission', async () => {
    oidc.fail = true;
    const fake = new FakeBuildx().pushCaptured();
    await expect(publish(prepared(KEYLESS), env, {}, fake)).rejects.toThrow(/^sign: keyless: the workflow's OIDC token could not be had \(.*\): the job needs `permissions: id-token: write`; nothing was signed\. Nothing was released: no tag was created or moved/s);
    expect(fake.cosignRuns).toEqual([]);
    expect(fake.methods.filter(x => ['writeTags', 'writeTag', 'imagetoolsCreate'].includes(x))).toEqual([]);
  });

  test('a Fulcio failure: no tag moves, the hint says what keyless needs, the token is not in the message', async () => {
    const fake = new FakeBuildx({signFails: () => 'Error: signing [x]: getting signer: getting key from Fulcio: retrieving cert: POST /api/v2/signingCert: 401 Unauthorized'}).pushCaptured();
    const {error} = await logged(() => publish(prepared(KEYLESS), env, {}, fake));
    expect(error?.message).toMatch(/Fulcio.*\(keyless: cosign asks fulcio-url for a certificate with the job's OIDC token.*Nothing was released: no tag was created or moved/s);
    expect(error?.message).not.toContain(oidc.issued[0]);
    expect([...fake.tags.keys()]).toEqual([]);
  });

  test('a token about to expire is asked for again before the next cosign (each one masked); a fresh one is reused', async () => {
    const now = () => Math.floor(Date.now() / 1000);
    claims = aud => githubClaims(WORKFLOW, aud, {exp: now() + 30});
    const fake = new FakeBuildx().pushCaptured();
    const {log} = await logged(() => publish(prepared(KEYLESS), env, {}, fake));
    // the first for the identity, then one per cosign run (each expiring within the margin)
    expect(oidc.requests.length).toBeGreaterThanOrEqual(1 + fake.cosignRuns.length);
    expect(new Set(fake.cosignRuns.map(r => r.identityToken)).size).toBe(fake.cosignRuns.length);
    for (const t of oidc.issued) expect(log).toContain(`::add-mask::${t}`);
  });

  test('mode: merge signs keyless too: the token right before signing, the identity in the outputs', async () => {
    const reg = new FakeRegistry();
    const NAME = 'reg.test/acme/api';
    const b: BuildPlan = {id: 'api', images: [NAME], file: 'Dockerfile', context: '.', platforms: ['linux/amd64', 'linux/arm64'], tags: [`${NAME}:1.2.3`], tagNames: ['1.2.3'], labels: [], annotations: [], buildArgs: {}, push: true, policy: {allowed: true, rules: [], violations: [], warnings: []}};
    for (const p of b.platforms) reg.leg(NAME, b, p);
    const api = reg.api();
    const runs: CosignSignRun[] = [];
    api.cosignVersion = async () => 'GitVersion: v2.6.0';
    api.cosignSign = async o => {
      runs.push(o);
      const [name, digest] = o.ref.split('@');
      reg.tags.set(signatureTag(name, digest), 'sha256:sig');
    };
    const p = {inputs: {summary: false, githubToken: '', engine: {forceTags: false, tagRetryTimeout: 1}, sign: KEYLESS}, ctx: {actor: 'me', serverUrl: 'https://github.com'}, credentials: [], warnings: []} as unknown as Prepared;
    const doc = {plan: {eventName: 'push', ref: 'refs/tags/v1.2.3', sha: SHA, version: '1.2.3', push: true, pushReason: 'a tag', registry: 'reg.test', builds: [b], policy: {allowed: true, rules: [], violations: [], warnings: []}}, repository: 'acme/api', created: new Date(0), digest: PLAN} as ParsedPlanDocument;
    const out = await merge(p, doc, env, {report: false}, api);
    expect(oidc.requests.map(r => r.audience)).toEqual(['sigstore']);
    expect(runs).toHaveLength(3);
    expect(runs.every(r => r.identityToken === oidc.issued[0] && !r.keyFile && r.tlogUpload)).toBe(true);
    expect(out.outputs['verify-commands']).toBe(`cosign verify --certificate-identity=https://github.com/${WORKFLOW} --certificate-oidc-issuer=https://token.actions.githubusercontent.com ${NAME}@${out.outputs.digest}`);
    expect(reg.tags.get(`${NAME}:1.2.3`)).toBe(out.outputs.digest);
  });

  test('a token whose claims cannot be read and no GITHUB_WORKFLOW_REF: nothing is signed (no verify command could pin it)', async () => {
    claims = () => ({});
    delete env['GITHUB_WORKFLOW_REF'];
    const fake = new FakeBuildx().pushCaptured();
    await expect(publish(prepared(KEYLESS), env, {}, fake)).rejects.toThrow(/neither the OIDC token \(job_workflow_ref\) nor the environment \(GITHUB_WORKFLOW_REF\) says which workflow signs/);
    expect(fake.cosignRuns).toEqual([]);
  });
});

describe('keyless: the identity from the token\'s claims, the verify command', () => {
  const jwt = (c: Record<string, unknown>) => makeJwt(c);
  test.each([
    ['job_workflow_ref and iss', {job_workflow_ref: 'a/b/.github/workflows/w.yml@refs/heads/main', iss: 'https://token.actions.githubusercontent.com'}, {}, {identity: 'https://github.com/a/b/.github/workflows/w.yml@refs/heads/main', issuer: 'https://token.actions.githubusercontent.com'}],
    ['no job_workflow_ref: GITHUB_WORKFLOW_REF under GITHUB_SERVER_URL; no iss: github.com\'s', {}, {GITHUB_SERVER_URL: 'https://ghe.example.com/', GITHUB_WORKFLOW_REF: 'a/b/.github/workflows/w.yml@refs/pull/1/merge'}, {identity: 'https://ghe.example.com/a/b/.github/workflows/w.yml@refs/pull/1/merge', issuer: GITHUB_ISSUER}],
    ['the claim wins over the environment (a reusable workflow)', {job_workflow_ref: 'org/shared/.github/workflows/p.yml@v1'}, {GITHUB_WORKFLOW_REF: 'a/b/.github/workflows/caller.yml@refs/heads/main'}, {identity: 'https://github.com/org/shared/.github/workflows/p.yml@v1', issuer: GITHUB_ISSUER}]
  ])('%s', (_what, claims, stepEnv, expected) => {
    expect(keylessIdentity(jwt(claims), stepEnv)).toEqual(expected);
  });

  test('not a JWT, or a payload that is not JSON: no claims (the environment still answers)', () => {
    expect(tokenClaims('not-a-jwt')).toEqual({});
    expect(tokenClaims('a.!!!.c')).toEqual({});
    expect(tokenClaims(`a.${Buffer.from('[1]').toString('base64url')}.c`)).toEqual({});
    expect(keylessIdentity('x', {})).toBeUndefined();
    expect(keylessIdentity('x', {GITHUB_WORKFLOW_REF: 'a/b/.github/workflows/w.yml@refs/heads/x'})).toEqual({identity: 'https://github.com/a/b/.github/workflows/w.yml@refs/heads/x', issuer: GITHUB_ISSUER});
  });

  test('a ref with shell metacharacters is quoted in the verify command', () => {
    expect(verifyCommand('ghcr.io/o/app', 'sha256:1', {transparencyLog: true, keyless: {identity: "https://github.com/o/app/.github/workflows/r.yml@refs/heads/it's$(x)", issuer: GITHUB_ISSUER}})).toBe(`cosign verify '--certificate-identity=https://github.com/o/app/.github/workflows/r.yml@refs/heads/it'\\''s$(x)' --certificate-oidc-issuer=https://token.actions.githubusercontent.com ghcr.io/o/app@sha256:1`.replace(`'--certificate-identity=https`, `--certificate-identity='https`));
  });

  test('sign: key with a private Rekor: named; off the log: not', () => {
    expect(verifyCommand('r/a', 'sha256:1', {transparencyLog: true, rekorUrl: 'https://rekor.internal'})).toBe('cosign verify --key cosign.pub --rekor-url=https://rekor.internal r/a@sha256:1');
    expect(verifyCommand('r/a', 'sha256:1', {transparencyLog: false, rekorUrl: 'https://rekor.internal'})).toBe('cosign verify --key cosign.pub --insecure-ignore-tlog=true r/a@sha256:1');
    expect(verifyCommand('r/a', 'sha256:1', {transparencyLog: true, rekorUrl: 'https://rekor.sigstore.dev'})).toBe('cosign verify --key cosign.pub r/a@sha256:1');
  });
});
