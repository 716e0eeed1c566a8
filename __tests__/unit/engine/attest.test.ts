// GitHub attestations (github-attestations: true, engine/attest.ts) through the fake seams: the library's
// calls (one predicate, one attestation per image name and index, with exactly that subject), when (after
// verify, before any tag moves), the permissions checked before any login or build, the bundle attached
// beside the image (artifact manifest whose subject is the index; the referrers tag of the OCI 1.1
// fallback listing it), a failure that moves no tag; in publish and merge. Then @actions/attest's own
// predicate against local stand-ins of the runner's OIDC token endpoint and the issuer's keys.
import {afterAll, beforeEach, describe, expect, test} from '@jest/globals';
import fs from 'node:fs';
import http from 'node:http';

import type {AddressInfo} from 'node:net';
import {publish} from '../../../src/engine/publish.js';
import {merge} from '../../../src/engine/merge.js';
import {attestHint, checkAttestPermissions, libraryAttestApi, sigstoreInstance, subjectName, type AttestApi, type AttestSubject, type SigstoreInstance} from '../../../src/engine/attest.js';
import {getInputs} from '../../../src/pipeline/inputs/index.js';
import {InputErrors} from '../../../src/pipeline/inputs/errors.js';
import {attestWarnings} from '../../../src/pipeline/inputs/attest.js';
import type {Prepared} from '../../../src/pipeline/prepare.js';
import type {BuildPlan, Plan} from '../../../src/pipeline/plan.js';
import type {ParsedPlanDocument} from '../../../src/pipeline/plan-document.js';
import {FakeBuildx, DIGEST, IMAGE} from './fake-buildx.js';
import {FakeRegistry, SHA, PLAN} from './fake-registry.js';
import {buildPlan, engineInputs, plan} from './factory.js';
import {runnerDirs} from './runner-dirs.js';
import {removeTempDirs} from '../../support/git.js';

afterAll(() => removeTempDirs());

const OIDC = {ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token?api-version=2.0', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token'};
const h = runnerDirs('mp-attest-', OIDC);
let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  ({dir, env} = h);
});

/** A fake of the @actions/attest seam: what it was asked, in order with the engine's calls. */
class FakeAttest implements AttestApi {
  readonly predicates: number[] = [];
  readonly calls: {subjects: AttestSubject[]; predicateType: string; token: string; sigstore: SigstoreInstance; before: string[]}[] = [];
  constructor(
    private readonly engine?: FakeBuildx,
    private readonly fails?: (n: number) => string | undefined
  ) {}
  async predicate() {
    this.predicates.push(this.engine?.methods.length ?? 0);
    return {type: 'https://slsa.dev/provenance/v1', params: {buildDefinition: {buildType: 'https://actions.github.io/buildtypes/workflow/v1'}}};
  }
  async attest(o: Parameters<AttestApi['attest']>[0]) {
    const failure = this.fails?.(this.calls.length);
    this.calls.push({subjects: o.subjects, predicateType: o.predicateType, token: o.token, sigstore: o.sigstore, before: [...(this.engine?.methods ?? [])]});
    if (failure) throw new Error(failure);
    return {bundle: {mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', dsseEnvelope: {payload: Buffer.from(JSON.stringify(o.subjects)).toString('base64')}}, attestationID: String(1000 + this.calls.length)};
  }
}

function prepared(builds: BuildPlan[] = [buildPlan({images: [IMAGE]})], visibility = 'private'): Prepared {
  return {
    inputs: {engine: engineInputs(), githubToken: 'ghs_token', summary: true, mode: 'publish', githubAttestations: true},
    ctx: {actor: 'octocat', defaultBranch: 'main', shortSha: 'a1b2c3d', owner: 'acme', repo: 'app', serverUrl: 'https://github.com', payload: {repository: {visibility}}},
    plan: plan(builds, {push: true}),
    metadata: {},
    credentials: [{registry: '127.0.0.1:5000', username: 'ci', password: 'ci-secret'}],
    warnings: []
  } as unknown as Prepared;
}

const outputs = () => h.outputs();

const summary = () => h.summary();

const TAG_WRITES = ['writeTags', 'writeTag', 'imagetoolsCreate'];
const referrersTag = (d: string) => d.replace(':', '-');

describe('the input and its helpers', () => {
  test('github-attestations: false by default, true/false read, anything else an InputError naming it', () => {
    expect(getInputs({GITHUB_REPOSITORY: 'acme/app'}, dir).githubAttestations).toBe(false);
    expect(getInputs({GITHUB_REPOSITORY: 'acme/app', 'INPUT_GITHUB-ATTESTATIONS': 'true'}, dir).githubAttestations).toBe(true);
    let e: unknown;
    try {
      getInputs({GITHUB_REPOSITORY: 'acme/app', 'INPUT_GITHUB-ATTESTATIONS': 'yes'}, dir);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(InputErrors);
    expect((e as Error).message).toMatch(/github-attestations.*expected true or false/);
  });

  test('a mode that releases nothing warns that nothing is attested there', () => {
    expect(attestWarnings('publish', true)).toEqual([]);
    expect(attestWarnings('merge', true)).toEqual([]);
    expect(attestWarnings('build', false)).toEqual([]);
    expect(attestWarnings('build', true)).toEqual(['Input "github-attestations" is read by mode: publish and mode: merge only (the runs that release); with mode: build nothing is attested here.']);
    expect(attestWarnings('plan', true)[0]).toContain('with mode: plan nothing is attested');
  });

  test('the plan says what would be attested (dry run); nothing when false or in a build leg', async () => {
    const {attestPlanLines, attestPlanSummary} = await import('../../../src/report/attestations.js');
    const p = plan([buildPlan({images: ['ghcr.io/o/API', 'ghcr.io/o/api-mirror']})]);
    const lines = attestPlanLines(p, true, 'publish');
    expect(lines).toEqual([
      "GitHub attestations (github-attestations: true): SLSA build provenance of each index, after the content is verified and before any tag moves; stored in the repository's attestations and pushed beside the image:",
      '  ghcr.io/o/API: its index, as the subject ghcr.io/o/api; the bundle an OCI referrer of it (or listed by the tag sha256-<hex>)',
      '  ghcr.io/o/api-mirror: its index, as the subject ghcr.io/o/api-mirror; the bundle an OCI referrer of it (or listed by the tag sha256-<hex>)'
    ]);
    expect(attestPlanSummary(lines)).toMatch(/^\n### GitHub attestations \(github-attestations: true\)\n\n```+\n/);
    expect(attestPlanLines(p, false, 'publish')).toEqual([]);
    expect(attestPlanLines(p, true, 'build')).toEqual([]);
    expect(attestPlanSummary([])).toBe('');
  });

  test('the subject name (lowercase, no tag or digest, a port kept), the Sigstore instance, the hints', () => {
    expect(subjectName('ghcr.io/Acme/App')).toBe('ghcr.io/acme/app');
    expect(subjectName('127.0.0.1:5000/a/b:v1@sha256:00')).toBe('127.0.0.1:5000/a/b');
    expect(sigstoreInstance({repository: {visibility: 'public'}})).toBe('public-good');
    expect(sigstoreInstance({repository: {visibility: 'internal'}})).toBe('github');
    expect(sigstoreInstance(undefined)).toBe('github');
    expect(attestHint('Failed to persist attestation: Resource not accessible by integration - https://docs.github.com/rest')).toContain('`permissions: attestations: write`');
    expect(attestHint('Failed to get ID token: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable')).toContain('`permissions: id-token: write`');
    expect(attestHint('Failed to get ID token: connect ECONNREFUSED')).toContain('GitHub\'s token issuer, which must be reachable');
  });

  test('permissions: no OIDC request URL names id-token: write; no token, a GHES server: errors too', () => {
    expect(() => checkAttestPermissions({}, 't')).toThrow(/needs the job permission `id-token: write`.*nothing was logged in to, built or pushed/);
    expect(() => checkAttestPermissions({ACTIONS_ID_TOKEN_REQUEST_URL: 'x'}, 't')).toThrow(/`id-token: write`/);
    expect(() => checkAttestPermissions(OIDC, '')).toThrow(/needs github-token/);
    expect(() => checkAttestPermissions({...OIDC, GITHUB_SERVER_URL: 'https://ghes.example'}, 't')).toThrow(/github\.com and GHE\.com only/);
    expect(() => checkAttestPermissions({...OIDC, GITHUB_SERVER_URL: 'https://acme.ghe.com'}, 't')).not.toThrow();
  });
});

describe('publish with github-attestations: true', () => {
  test('one predicate; the index attested with exactly its subject after verify, before any tag moves; the bundle beside it; outputs and summary', async () => {
    const fake = new FakeBuildx().pushCaptured();
    const attest = new FakeAttest(fake);
    await publish(prepared(), env, {attest}, fake);
    expect(attest.predicates).toHaveLength(1);
    expect(attest.calls.map(c => c.subjects)).toEqual([[{name: IMAGE, digest: {sha256: DIGEST.index.slice(7)}}]]);
    expect(attest.calls[0]).toMatchObject({predicateType: 'https://slsa.dev/provenance/v1', token: 'ghs_token', sigstore: 'github'});
    // after the index was read (verify), before any tag write
    expect(attest.calls[0].before).toContain('readManifest');
    expect(attest.calls[0].before.filter(m => TAG_WRITES.includes(m))).toEqual([]);
    expect(fake.methods.indexOf('writeTags')).toBeGreaterThan(fake.methods.lastIndexOf('putManifest'));
    // the artifact manifest: subject = the index, one layer = the bundle; the fallback tag lists it
    const tag = referrersTag(DIGEST.index);
    const indexDigest = fake.tags.get(`${IMAGE}:${tag}`)!;
    const fallback = fake.manifests.get(`${IMAGE}@${indexDigest}`)!.raw as {manifests: {digest: string; artifactType: string}[]};
    expect(fallback.manifests).toHaveLength(1);
    expect(fallback.manifests[0].artifactType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    const artifact = fake.manifests.get(`${IMAGE}@${fallback.manifests[0].digest}`)!.raw as {artifactType: string; subject: {digest: string; mediaType: string}; layers: {digest: string}[]};
    expect(artifact.subject).toMatchObject({digest: DIGEST.index, mediaType: 'application/vnd.oci.image.index.v1+json'});
    expect(artifact.artifactType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(fake.blobs.get(IMAGE)).toContain(artifact.layers[0].digest);
    const out = JSON.parse(outputs()['attestations']);
    expect(out).toEqual([{image: IMAGE, digest: DIGEST.index, 'attestation-id': '1001', 'attestation-url': 'https://github.com/acme/app/attestations/1001', bundle: `${IMAGE}@${fallback.manifests[0].digest}`, 'referrers-tag': tag, sigstore: 'github'}]);
    const text = await summary();
    expect(text).toContain('### GitHub attestations');
    expect(text).toContain(`gh attestation verify oci://${IMAGE}@${DIGEST.index} --owner acme`);
    expect(fake.tags.get(`${IMAGE}:latest`)).toBe(DIGEST.index);
  });

  test('two names: one attestation each, each with its own name; a public repository uses public-good', async () => {
    const fake = new FakeBuildx().pushCaptured().pushCaptured(`${IMAGE}-mirror`);
    const attest = new FakeAttest(fake);
    await publish(prepared([buildPlan({images: [IMAGE, `${IMAGE}-mirror`]})], 'public'), env, {attest}, fake);
    expect(attest.predicates).toHaveLength(1);
    expect(attest.calls.map(c => c.subjects[0].name)).toEqual([IMAGE, `${IMAGE}-mirror`]);
    expect(attest.calls.every(c => c.subjects.length === 1 && c.subjects[0].digest.sha256 === DIGEST.index.slice(7) && c.sigstore === 'public-good')).toBe(true);
    expect(fake.tags.has(`${IMAGE}-mirror:${referrersTag(DIGEST.index)}`)).toBe(true);
  });

  test('a registry with the referrers API: no fallback tag', async () => {
    const fake = new FakeBuildx().pushCaptured();
    (fake as unknown as {referrers: unknown}).referrers = async (name: string, digest: string) =>
      [...fake.manifests].filter(([k, m]) => k.startsWith(`${name}@`) && (m.raw as {subject?: {digest: string}})?.subject?.digest === digest).map(([k]) => ({mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: k.slice(name.length + 1), size: 1}));
    await publish(prepared(), env, {attest: new FakeAttest(fake)}, fake);
    expect(fake.tags.has(`${IMAGE}:${referrersTag(DIGEST.index)}`)).toBe(false);
    expect(JSON.parse(outputs()['attestations'])[0]['referrers-tag']).toBeNull();
  });

  test('github-attestations false (or absent): the library is never asked, no output', async () => {
    const fake = new FakeBuildx().pushCaptured();
    const attest = new FakeAttest(fake);
    const p = prepared();
    (p.inputs as {githubAttestations: boolean}).githubAttestations = false;
    await publish(p, {...env, ACTIONS_ID_TOKEN_REQUEST_URL: ''}, {attest}, fake);
    expect(attest.predicates).toEqual([]);
    expect(attest.calls).toEqual([]);
    expect(outputs()['attestations']).toBeUndefined();
    expect([...fake.tags.keys()].some(t => t.includes('sha256-'))).toBe(false);
  });

  test('no id-token: write: the step fails naming it, before any login or bake', async () => {
    const fake = new FakeBuildx().pushCaptured();
    const attest = new FakeAttest(fake);
    const {ACTIONS_ID_TOKEN_REQUEST_URL: _u, ACTIONS_ID_TOKEN_REQUEST_TOKEN: _t, ...noOidc} = env;
    await expect(publish(prepared(), noOidc, {attest}, fake)).rejects.toThrow(/`id-token: write`/);
    expect(fake.methods.filter(m => ['login', 'bake', 'createBuilder'].includes(m))).toEqual([]);
    expect(attest.calls).toEqual([]);
  });

  test('the attestations API refuses (403, no attestations: write): the error names the permission, NO tag moves', async () => {
    const fake = new FakeBuildx().pushCaptured();
    const attest = new FakeAttest(fake, () => 'Failed to persist attestation: Resource not accessible by integration - https://docs.github.com/rest/repos/attestations');
    await expect(publish(prepared(), env, {attest}, fake)).rejects.toThrow(/Attesting .* failed: .*`permissions: attestations: write`.*Nothing was released: no tag was created or moved/s);
    expect(fake.methods.filter(m => TAG_WRITES.includes(m))).toEqual([]);
    expect([...fake.tags.keys()]).toEqual([]);
    const text = await summary();
    expect(text).toContain('❌ Attesting failed');
    expect(outputs()['attestations']).toBeUndefined();
  });

  test('a failure on the second name: the first stays listed, no release tag moves', async () => {
    const fake = new FakeBuildx().pushCaptured().pushCaptured(`${IMAGE}-mirror`);
    const attest = new FakeAttest(fake, n => (n === 1 ? 'error creating signing certificate - fulcio: 503' : undefined));
    await expect(publish(prepared([buildPlan({images: [IMAGE, `${IMAGE}-mirror`]})]), env, {attest}, fake)).rejects.toThrow(/Sigstore could not be reached/);
    expect(fake.methods.filter(m => TAG_WRITES.includes(m))).toEqual([]);
    expect([...fake.tags.keys()]).toEqual([`${IMAGE}:${referrersTag(DIGEST.index)}`]);
    expect(await summary()).toContain('The attestations made before it stopped stay');
  });

  test('pushing the bundle fails: no tag moves, the error says the attestation was stored', async () => {
    const fake = new FakeBuildx({pushFaults: {putManifest: (_n, ref) => (ref.startsWith('sha256:') ? undefined : new Error('PUT: HTTP 403 Forbidden'))}}).pushCaptured();
    await expect(publish(prepared(), env, {attest: new FakeAttest(fake)}, fake)).rejects.toThrow(/was stored \(id 1001\), but pushing its bundle to the registry failed: PUT: HTTP 403/);
    expect(fake.methods.filter(m => TAG_WRITES.includes(m))).toEqual([]);
  });

  test('a build that does not push attests nothing (and needs no id-token)', async () => {
    const fake = new FakeBuildx({bakes: [{code: 0, metadata: {}}]});
    const attest = new FakeAttest(fake);
    const p = prepared();
    p.plan = plan([buildPlan({images: [IMAGE]})], {push: false});
    await publish(p, {}, {attest}, fake);
    expect(attest.calls).toEqual([]);
  });
});

describe('merge with github-attestations: true', () => {
  const NAME = 'reg.test/acme/api';
  function mergePlan(): BuildPlan {
    return {id: 'api', images: [NAME], file: 'Dockerfile', context: '.', platforms: ['linux/amd64', 'linux/arm64'], tags: [`${NAME}:1.2.3`], tagNames: ['1.2.3'], labels: [], annotations: [], buildArgs: {}, push: true, policy: {allowed: true, rules: [], violations: [], warnings: []}};
  }
  function docOf(b: BuildPlan): ParsedPlanDocument {
    const p: Plan = {eventName: 'push', ref: 'refs/tags/v1.2.3', sha: SHA, version: '1.2.3', push: true, pushReason: 'a tag', registry: 'reg.test', builds: [b], policy: {allowed: true, rules: [], violations: [], warnings: []}};
    return {plan: p, repository: 'acme/api', created: new Date(0), digest: PLAN};
  }
  const mergePrepared = {inputs: {summary: false, githubToken: 'ghs_token', engine: {forceTags: false, tagRetryTimeout: 1}, githubAttestations: true}, ctx: {actor: 'me', serverUrl: 'https://github.com', owner: 'acme', repo: 'api', payload: {}}, credentials: [], warnings: []} as unknown as Prepared;

  function blobbing(reg: FakeRegistry) {
    const api = reg.api();
    api.pushBlob = async (name, blob) => {
      reg.blobs.set(`${name}@${blob.digest}`, fs.readFileSync(blob.file, 'utf8'));
      return true;
    };
    return api;
  }

  test('the merged index is attested before the release tags move; the fallback tag lists the bundle', async () => {
    const reg = new FakeRegistry();
    const b = mergePlan();
    for (const p of b.platforms) reg.leg(NAME, b, p);
    const api = blobbing(reg);
    const attest = new FakeAttest();
    let tagged = false;
    const write = api.writeTags!.bind(api);
    api.writeTags = async (refs, source) => {
      if (refs.some(r => r.endsWith(':1.2.3'))) {
        tagged = true;
        expect(attest.calls).toHaveLength(1);
      }
      return write(refs, source);
    };
    const out = await merge(mergePrepared, docOf(b), env, {report: false, attest}, api);
    expect(tagged).toBe(true);
    const digest = out.outputs.digest;
    expect(attest.calls.map(c => c.subjects)).toEqual([[{name: NAME, digest: {sha256: digest.slice(7)}}]]);
    const listed = JSON.parse(reg.manifests.get(`${NAME}@${reg.tags.get(`${NAME}:${referrersTag(digest)}`)}`)!) as {manifests: {digest: string}[]};
    const artifact = JSON.parse(reg.manifests.get(`${NAME}@${listed.manifests[0].digest}`)!) as {subject: {digest: string; size: number}};
    expect(artifact.subject.digest).toBe(digest);
    expect(JSON.parse(out.outputs.attestations)[0]).toMatchObject({image: NAME, digest, 'attestation-url': 'https://github.com/acme/api/attestations/1001', 'referrers-tag': referrersTag(digest)});
  });

  test('no id-token: write: refused before any login; an attestation failure: no release tag', async () => {
    const reg = new FakeRegistry();
    const b = mergePlan();
    for (const p of b.platforms) reg.leg(NAME, b, p);
    const api = blobbing(reg);
    const logins: string[] = [];
    api.login = async r => void logins.push(r);
    await expect(merge(mergePrepared, docOf(b), {}, {report: false, attest: new FakeAttest()}, api)).rejects.toThrow(/`id-token: write`/);
    expect(logins).toEqual([]);
    await expect(merge(mergePrepared, docOf(b), env, {report: false, attest: new FakeAttest(undefined, () => 'Failed to persist attestation: HttpError 403')}, api)).rejects.toThrow(/attestations: write.*no tag was created or moved/s);
    expect(reg.tags.has(`${NAME}:1.2.3`)).toBe(false);
  });
});

/** A JWT signed with `key` (RS256), as the runner's token service issues them. */
async function stubOidc(claims: Record<string, string>) {
  const jose = await import('jose');
  const {publicKey, privateKey} = await jose.generateKeyPair('RS256');
  const jwk = {...(await jose.exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig'};
  const requests: {url: string; authorization?: string}[] = [];
  let base = '';
  const server = http.createServer(async (req, res) => {
    requests.push({url: req.url ?? '', authorization: req.headers.authorization});
    const url = new URL(req.url ?? '/', base);
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/token') {
      const jwt = await new jose.SignJWT({...claims, iss: base}).setProtectedHeader({alg: 'RS256', kid: 'k1'}).setAudience(url.searchParams.get('audience') ?? '').setIssuedAt().setExpirationTime('5m').sign(privateKey);
      res.end(JSON.stringify({value: jwt}));
    } else if (url.pathname === '/.well-known/openid-configuration') res.end(JSON.stringify({issuer: base, jwks_uri: `${base}/jwks`}));
    else if (url.pathname === '/jwks') res.end(JSON.stringify({keys: [jwk]}));
    else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {base, requests, close: () => new Promise<void>(r => server.close(() => r()))};
}

describe('@actions/attest itself, up to Sigstore: the SLSA predicate from the runner\'s OIDC token', () => {
  test('the token is asked from ACTIONS_ID_TOKEN_REQUEST_URL (audience nobody, the request token as bearer), verified with the issuer\'s keys, and becomes the workflow build type', async () => {
    const claims = {ref: 'refs/tags/v1.2.3', sha: SHA, repository: 'acme/app', event_name: 'push', job_workflow_ref: 'acme/app/.github/workflows/release.yml@refs/tags/v1.2.3', workflow_ref: 'acme/app/.github/workflows/release.yml@refs/tags/v1.2.3', repository_id: '1', repository_owner_id: '2', runner_environment: 'github-hosted', run_id: '4242', run_attempt: '1'};
    const stub = await stubOidc(claims);
    try {
      process.env['ACTIONS_ID_TOKEN_REQUEST_URL'] = `${stub.base}/token?api-version=2.0`;
      process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] = 'oidc-request-token';
      process.env['GITHUB_SERVER_URL'] = 'https://github.com';
      const predicate = (await libraryAttestApi({issuer: stub.base}).predicate()) as {type: string; params: {buildDefinition: {buildType: string; externalParameters: {workflow: {path: string; ref: string; repository: string}}; resolvedDependencies: {digest: {gitCommit: string}}[]}; runDetails: {builder: {id: string}; metadata: {invocationId: string}}}};
      const token = stub.requests.find(r => r.url.startsWith('/token'))!;
      expect(new URL(token.url, stub.base).searchParams.get('audience')).toBe('nobody');
      expect(token.authorization).toBe('Bearer oidc-request-token');
      expect(predicate.type).toBe('https://slsa.dev/provenance/v1');
      expect(predicate.params.buildDefinition.buildType).toBe('https://actions.github.io/buildtypes/workflow/v1');
      expect(predicate.params.buildDefinition.externalParameters.workflow).toEqual({ref: 'refs/tags/v1.2.3', repository: 'https://github.com/acme/app', path: '.github/workflows/release.yml'});
      expect(predicate.params.buildDefinition.resolvedDependencies[0].digest.gitCommit).toBe(SHA);
      expect(predicate.params.runDetails.metadata.invocationId).toBe('https://github.com/acme/app/actions/runs/4242/attempts/1');
    } finally {
      await stub.close();
    }
  });

  test('a token whose claims lack what SLSA needs is refused by the library', async () => {
    const stub = await stubOidc({ref: 'refs/heads/main'});
    try {
      process.env['ACTIONS_ID_TOKEN_REQUEST_URL'] = `${stub.base}/token?api-version=2.0`;
      process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] = 'oidc-request-token';
      await expect(libraryAttestApi({issuer: stub.base}).predicate()).rejects.toThrow(/Failed to get ID token: Missing claims: sha/);
    } finally {
      await stub.close();
    }
  });
});


