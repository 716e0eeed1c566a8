// mode: verify and the require-* inputs: what every image and platform must carry (signatures through the
// cosign seam, attestations read from the registry), every problem named by image and platform; promote
// with the same inputs moves nothing that fails the check.
import {afterAll, describe, expect, test} from '@jest/globals';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {verify, predicateKind} from '../../../src/engine/verify.js';
import {promote} from '../../../src/engine/promote.js';
import {checkVerifyInputs, parseAttestationRequirement, parseSignatureRequirement} from '../../../src/pipeline/inputs/verify.js';
import {getInputs} from '../../../src/pipeline/inputs/index.js';
import {checkModeSupport} from '../../../src/pipeline/inputs/modes.js';
import type {BuildxApi, CosignVerifyRun} from '../../../src/engine/buildx.js';
import type {Prepared} from '../../../src/pipeline/prepare.js';
import {inputEnv} from '../../support/pipeline.js';
import {parseOutputs} from '../../support/action.js';
import {FakeRegistry, sha256} from './fake-registry.js';
import {buildPlan, plan} from './factory.js';

const work = mkdtempSync(join(tmpdir(), 'mp-verify-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));
const KEY = join(work, 'cosign.pub');
writeFileSync(KEY, '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n');
const NAMES = ['reg.test/acme/api', 'reg.test/acme/worker'];

describe('require-signature and require-attestations (inputs)', () => {
  test.each([
    ['key=cosign.pub', {kind: 'key', file: KEY, pem: ''}],
    [`key=${KEY}`, {kind: 'key', file: KEY, pem: ''}],
    ['identity-regexp=^https://github.com/acme/,issuer=https://token.actions.githubusercontent.com', {kind: 'identity', identity: '', identityRegexp: '^https://github.com/acme/', issuer: 'https://token.actions.githubusercontent.com', issuerRegexp: ''}],
    ['identity=https://github.com/acme/app/.github/workflows/r.yml@refs/heads/main\nissuer-regexp=^https://token\\.actions\\.', {kind: 'identity', identity: 'https://github.com/acme/app/.github/workflows/r.yml@refs/heads/main', identityRegexp: '', issuer: '', issuerRegexp: '^https://token\\.actions\\.'}],
    ['key=-----BEGIN PUBLIC KEY-----\nMFkwEw\n-----END PUBLIC KEY-----', {kind: 'key', file: '', pem: '-----BEGIN PUBLIC KEY-----\nMFkwEw\n-----END PUBLIC KEY-----\n'}]
  ])('%s', (text, requirement) => {
    expect(parseSignatureRequirement(text, work)).toEqual({requirement, errors: []});
  });

  test.each([
    ['key=missing.pub', 'Input "require-signature", line 1: the public key file missing.pub is not there'],
    ['key=cosign.pub,issuer=https://x', 'key= and issuer are two ways to verify'],
    ['identity-regexp=^a', 'a keyless identity needs the OIDC issuer'],
    ['issuer=https://x', 'needs key=<public key file>, or identity='],
    ['identity=a\nidentity-regexp=b\nissuer=https://x', 'identity and identity-regexp both name the signer'],
    ['identity-regexp=(\nissuer=https://x', 'Input "require-signature", line 1: identity-regexp is not a regular expression'],
    ['key=cosign.pub\nkey=other.pub', 'Input "require-signature", line 2: names key twice (first on line 1)'],
    ['certificate=x', '"certificate" is not one of key, identity, identity-regexp, issuer, issuer-regexp'],
    ['key=', 'key= needs a value'],
    ['key=-----BEGIN PUBLIC KEY-----\nMFkw', 'not a whole public key']
  ])('%s: an error naming the input', (text, message) => {
    const {errors} = parseSignatureRequirement(text, work);
    expect(errors.map(e => e.message).join('\n')).toContain(message);
  });

  test('require-attestations: provenance and sbom, commas or lines; anything else named with its line', () => {
    expect(parseAttestationRequirement('provenance, sbom')).toEqual({attestations: ['provenance', 'sbom'], errors: []});
    expect(parseAttestationRequirement('SBOM\nprovenance\nsbom')).toEqual({attestations: ['sbom', 'provenance'], errors: []});
    expect(parseAttestationRequirement('provenance\nvex').errors.map(e => e.message)).toEqual(['Input "require-attestations", line 2: "vex" is not an attestation this action checks (provenance, sbom) (in: vex)']);
  });

  test('mode: verify needs a requirement and from; to is not read; with another mode the inputs are a warning', () => {
    expect(checkVerifyInputs('verify', '', '', work).errors.map(e => e.message)).toEqual([expect.stringContaining('Input "require-signature": or require-attestations is needed with mode: verify')]);
    const env = (v: Record<string, string>) => ({GITHUB_REPOSITORY: 'acme/app', ...inputEnv({images: 'acme/api', ...v})});
    expect(() => getInputs(env({mode: 'verify', 'require-attestations': 'provenance'}), work)).toThrow('Input "from": is required with mode: verify');
    expect(() => getInputs(env({mode: 'verify', from: 'v1', to: 'env-prod', 'require-attestations': 'provenance'}), work)).toThrow('Input "to": is not read by mode: verify');
    const publish = getInputs(env({'require-attestations': 'sbom'}), work);
    expect(checkModeSupport(publish, true)).toEqual([expect.stringContaining('are read by mode: verify and mode: promote only; with mode: publish they are ignored')]);
  });

  test('predicate types', () => {
    expect(['https://slsa.dev/provenance/v0.2', 'https://slsa.dev/provenance/v1', 'https://spdx.dev/Document', 'https://cyclonedx.org/bom/v1.5', 'https://example.com/x'].map(predicateKind)).toEqual(['provenance', 'provenance', 'sbom', 'sbom', undefined]);
  });
});

/** An index of two platforms; `att` per platform: the predicate types of its attestation manifest. */
function published(reg: FakeRegistry, name: string, tag: string, att: Record<string, string[]>): {index: string; platforms: Record<string, string>} {
  const config = JSON.stringify({created: '2026-12-01T00:00:00Z', config: {Labels: {'org.opencontainers.image.revision': 'c'.repeat(40)}}});
  reg.blobs.set(`${name}@${sha256(config)}`, config);
  const platforms: Record<string, string> = {};
  const manifests: unknown[] = [];
  for (const a of ['amd64', 'arm64']) {
    const d = reg.put(name, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {digest: sha256(config), size: 1}, layers: [], annotations: {a, tag}});
    platforms[`linux/${a}`] = d;
    manifests.push({mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: d, size: 1, platform: {os: 'linux', architecture: a}});
  }
  for (const [p, types] of Object.entries(att)) {
    const d = reg.put(name, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {digest: sha256('{}'), size: 2}, layers: types.map(t => ({mediaType: 'application/vnd.in-toto+json', digest: sha256(t), size: 1, annotations: {'in-toto.io/predicate-type': t}})), annotations: {p, tag}});
    manifests.push({mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: d, size: 1, platform: {os: 'unknown', architecture: 'unknown'}, annotations: {'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': platforms[p]}});
  }
  const index = reg.put(name, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests, annotations: {tag}});
  reg.tags.set(`${name}:${tag}`, index);
  return {index, platforms};
}

const BOTH = {'linux/amd64': ['https://slsa.dev/provenance/v0.2', 'https://spdx.dev/Document'], 'linux/arm64': ['https://slsa.dev/provenance/v0.2', 'https://spdx.dev/Document']};

/** The seam with cosign verify answered from a set of signed `name@digest`s; the calls kept. */
function withCosign(reg: FakeRegistry, signed: Set<string>): {api: BuildxApi; calls: CosignVerifyRun[]} {
  const calls: CosignVerifyRun[] = [];
  const api = reg.api();
  api.cosignVerify = async o => {
    calls.push(o);
    return signed.has(o.ref) ? {code: 0, output: '[{"critical":{}}]'} : {code: 1, output: 'Error: no matching signatures: invalid signature'};
  };
  return {api, calls};
}

function prepared(values: Record<string, string>): {p: Prepared; env: NodeJS.ProcessEnv; outputs: () => Record<string, string>} {
  const inputs = getInputs({GITHUB_REPOSITORY: 'acme/app', ...inputEnv({summary: 'false', 'tag-retry-timeout': '1', ...values})}, work);
  const file = join(mkdtempSync(join(work, 'out-')), 'output');
  writeFileSync(file, '');
  const p = {inputs, ctx: {actor: 'me', serverUrl: 'https://github.com', ref: 'refs/heads/main', sha: 'f'.repeat(40), shortSha: 'fffffff'}, plan: plan(NAMES.map(n => buildPlan({id: n.slice(n.lastIndexOf('/') + 1), images: [n]}))), credentials: [], warnings: [], metadata: {}} as unknown as Prepared;
  return {p, env: {GITHUB_OUTPUT: file, RUNNER_TEMP: work}, outputs: () => parseOutputs(readFileSync(file, 'utf8'))};
}

describe('mode: verify', () => {
  test('signed and attested: the index and every platform verified with the key; the verification output says so', async () => {
    const reg = new FakeRegistry();
    const signed = new Set<string>();
    for (const n of NAMES) {
      const r = published(reg, n, 'v1', BOTH);
      for (const d of [r.index, ...Object.values(r.platforms)]) signed.add(`${n}@${d}`);
    }
    const {api, calls} = withCosign(reg, signed);
    const {p, env, outputs} = prepared({mode: 'verify', from: 'v1', 'require-signature': 'key=cosign.pub', 'require-attestations': 'provenance, sbom'});
    const out = await verify(p, env, api);
    expect(out.findings.every(f => f.problems.length === 0)).toBe(true);
    expect(calls).toHaveLength(6);
    expect(calls.every(c => c.keyFile === KEY && c.transparencyLog === true && c.insecureRegistry === false)).toBe(true);
    const v = JSON.parse(outputs()['verification']!);
    expect(v.map((x: {image: string; verified: boolean}) => [x.image, x.verified])).toEqual(NAMES.map(n => [n, true]));
    expect(v[0].digests.map((d: {platform: string}) => d.platform)).toEqual(['index', 'linux/amd64', 'linux/arm64']);
    expect(v[0].digests[1].attestations.provenance).toMatch(/^attestation manifest sha256:/);
  });

  test('keyless with a private Rekor (rekor-url): cosign verify looks there; the public-good one is cosign\'s default', async () => {
    const reg = new FakeRegistry();
    const signed = new Set<string>();
    for (const n of NAMES) {
      const r = published(reg, n, 'v1', BOTH);
      for (const d of [r.index, ...Object.values(r.platforms)]) signed.add(`${n}@${d}`);
    }
    const keyless = 'identity=https://github.com/acme/app/.github/workflows/r.yml@refs/heads/main\nissuer=https://token.actions.githubusercontent.com';
    const priv = withCosign(reg, signed);
    await verify(prepared({mode: 'verify', from: 'v1', 'require-signature': keyless, 'rekor-url': 'https://rekor.internal.example'}).p, prepared({}).env, priv.api);
    expect(priv.calls.map(c => [c.rekorUrl, c.identity, c.issuer])).toEqual(priv.calls.map(() => ['https://rekor.internal.example', 'https://github.com/acme/app/.github/workflows/r.yml@refs/heads/main', 'https://token.actions.githubusercontent.com']));
    const pub = withCosign(reg, signed);
    await verify(prepared({mode: 'verify', from: 'v1', 'require-signature': keyless}).p, prepared({}).env, pub.api);
    expect(pub.calls.every(c => c.rekorUrl === undefined)).toBe(true);
  });

  test('every image, platform and missing thing named at once: an unsigned platform, a missing SBOM, an image without the tag', async () => {
    const reg = new FakeRegistry();
    const api1 = published(reg, NAMES[0]!, 'v1', {'linux/amd64': BOTH['linux/amd64'], 'linux/arm64': ['https://slsa.dev/provenance/v0.2']});
    const signed = new Set([`${NAMES[0]}@${api1.index}`, `${NAMES[0]}@${api1.platforms['linux/amd64']}`]);
    // a signature tag that does not verify (another key) on arm64
    reg.tags.set(`${NAMES[0]}:${api1.platforms['linux/arm64']!.replace(':', '-')}.sig`, sha256('sig'));
    const {api} = withCosign(reg, signed);
    const {p, env} = prepared({mode: 'verify', from: 'v1', 'require-signature': 'key=cosign.pub', 'require-attestations': 'provenance\nsbom'});
    const e = (await verify(p, env, api).catch(x => x)) as Error;
    expect(e.message.split('\n')).toEqual([
      'mode: verify of v1: 3 requirement(s) not met:',
      `  - ${NAMES[1]} has no tag v1`,
      `  - ${NAMES[0]} linux/arm64 (${api1.platforms['linux/arm64']}): no sbom attestation`,
      `  - ${NAMES[0]} linux/arm64 (${api1.platforms['linux/arm64']}): the signature does not verify: Error: no matching signatures: invalid signature`
    ]);
  });

  test('no signature at all is said as such; cosign attestations stored beside the index count for every platform', async () => {
    const reg = new FakeRegistry();
    for (const n of NAMES) {
      const r = published(reg, n, 'v1', {});
      const att = reg.put(n, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {digest: sha256('{}'), size: 2}, layers: [{mediaType: 'application/vnd.dsse.envelope.v1+json', digest: sha256('dsse'), size: 1, annotations: {predicateType: 'https://slsa.dev/provenance/v1'}}]});
      reg.tags.set(`${n}:${r.index.replace(':', '-')}.att`, att);
    }
    const {api} = withCosign(reg, new Set());
    const ok = prepared({mode: 'verify', from: 'v1', 'require-attestations': 'provenance'});
    await expect(verify(ok.p, ok.env, api)).resolves.toBeDefined();
    const e = (await verify(prepared({mode: 'verify', from: 'v1', 'require-signature': 'key=cosign.pub'}).p, ok.env, api).catch(x => x)) as Error;
    expect(e.message).toContain(`${NAMES[0]} index (`);
    expect(e.message).toContain('no signature (no sha256-');
  });

  test('a key given as PEM is written to a file of the run (0600) and removed after', async () => {
    const reg = new FakeRegistry();
    const signed = new Set<string>();
    for (const n of NAMES) {
      const r = published(reg, n, 'v1', BOTH);
      for (const d of [r.index, ...Object.values(r.platforms)]) signed.add(`${n}@${d}`);
    }
    const {api, calls} = withCosign(reg, signed);
    const seen: string[] = [];
    const inner = api.cosignVerify!;
    api.cosignVerify = async o => {
      seen.push(readFileSync(o.keyFile!, 'utf8'));
      return inner(o);
    };
    const {p, env} = prepared({mode: 'verify', from: 'v1', 'require-signature': 'key=-----BEGIN PUBLIC KEY-----\nMFkwEw\n-----END PUBLIC KEY-----'});
    await verify(p, env, api);
    expect(new Set(seen)).toEqual(new Set(['-----BEGIN PUBLIC KEY-----\nMFkwEw\n-----END PUBLIC KEY-----\n']));
    expect(() => readFileSync(calls[0]!.keyFile!)).toThrow();
  });
});

describe('mode: promote with require-*', () => {
  test('a source that is not signed: nothing moves, the failure names image and platform', async () => {
    const reg = new FakeRegistry();
    const signed = new Set<string>();
    for (const n of NAMES) {
      const r = published(reg, n, 'sha-1111111', BOTH);
      for (const d of [r.index, ...Object.values(r.platforms)]) if (!(n === NAMES[1] && d === r.platforms['linux/amd64'])) signed.add(`${n}@${d}`);
    }
    const {api} = withCosign(reg, signed);
    const {p, env} = prepared({mode: 'promote', from: 'sha-1111111', to: 'env-prod', 'require-signature': 'key=cosign.pub', 'require-attestations': 'provenance'});
    const e = (await promote(p, env, api).catch(x => x)) as Error;
    expect(e.message).toMatch(new RegExp(`^mode: promote refuses sha-1111111; no tag was moved: 1 requirement\\(s\\) not met:\\n  - ${NAMES[1]!.replace(/\./g, '\\.')} linux/amd64 \\(sha256:[0-9a-f]{64}\\): no signature`));
    expect([...reg.tags.keys()].some(k => k.endsWith(':env-prod'))).toBe(false);
    // signed: promoted
    signed.clear();
    for (const k of reg.manifests.keys()) signed.add(k);
    await promote(p, env, api);
    for (const n of NAMES) expect(reg.tags.get(`${n}:env-prod`)).toBe(reg.tags.get(`${n}:sha-1111111`));
  });
});
