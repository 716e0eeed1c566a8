// attestation-storage: referrers (issue 12): BuildKit's index without its attestation entries, each
// attestation manifest an OCI 1.1 referrer of its platform (the referrers API, else the sha256-<hex>
// fallback tag, merged with what it lists), and mode verify finding attestations stored that way.
import {afterAll, describe, expect, test} from '@jest/globals';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {splitAttestations, referrerManifest, storeAttestations, rewrittenMetadata, storageLeftovers, encoded, ATTESTATION_ARTIFACT_TYPE, EMPTY_CONFIG, type IndexDocument} from '../../../src/engine/steps/attestation-storage.js';
import {findReferrers, listReferrer} from '../../../src/engine/referrers.js';
import {inspectImage} from '../../../src/engine/verify.js';
import {copyContent} from '../../../src/engine/copy.js';
import {attestationStorageWarnings} from '../../../src/pipeline/inputs/attest.js';
import type {BuildxApi} from '../../../src/engine/buildx.js';
import {FakeRegistry, sha256} from './fake-registry.js';
import {buildPlan} from './factory.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const FIXTURE = JSON.parse(readFileSync(join(here, '../../fixtures/engine/imagetools-index.raw.json'), 'utf8')) as IndexDocument;
const work = mkdtempSync(join(tmpdir(), 'mp-att-storage-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));
const NAME = 'reg.test/acme/api';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const INDEX = 'application/vnd.oci.image.index.v1+json';
const PROVENANCE = 'https://slsa.dev/provenance/v0.2';
const SPDX = 'https://spdx.dev/Document';

const attestationEntry = (digest: string, of: string) => ({mediaType: MANIFEST, digest, size: 565, annotations: {'vnd.docker.reference.digest': of, 'vnd.docker.reference.type': 'attestation-manifest'}, platform: {architecture: 'unknown', os: 'unknown'}});

describe('splitAttestations: BuildKit index -> the index without its attestation entries', () => {
  const [amd, arm, attAmd, attArm] = FIXTURE.manifests;
  test.each([
    ['the real BuildKit index (2 platforms, 2 attestations)', FIXTURE, [amd, arm], [[attAmd, amd], [attArm, arm]]],
    ['no attestations: unchanged', {...FIXTURE, manifests: [amd, arm]}, [amd, arm], []],
    ['attestations first, platforms kept in order', {...FIXTURE, manifests: [attArm, arm, attAmd, amd]}, [arm, amd], [[attArm, arm], [attAmd, amd]]],
    ['one platform', {...FIXTURE, manifests: [amd, attAmd]}, [amd], [[attAmd, amd]]]
  ])('%s', (_what, index, kept, pairs) => {
    const split = splitAttestations(index as IndexDocument);
    expect(split.index.manifests).toEqual(kept);
    expect(split.attestations).toEqual((pairs as unknown[][]).map(([attestation, subject]) => ({attestation, subject})));
    // the index's other fields (media type, annotations) as they were, in order; no unknown/unknown left
    expect(Object.keys(split.index)).toEqual(Object.keys(index));
    expect(split.index.annotations).toEqual({'org.opencontainers.image.title': 'app'});
    expect(split.index.manifests.some(m => m.platform?.os === 'unknown')).toBe(false);
  });

  test.each([
    ['about a manifest the index does not list', {...FIXTURE, manifests: [amd, attestationEntry(attArm!.digest, arm!.digest)]}, 'which the index does not list'],
    ['about nothing', {...FIXTURE, manifests: [amd, {...attAmd!, annotations: {'vnd.docker.reference.type': 'attestation-manifest'}}]}, 'about no manifest'],
    ['a digest that is not sha256', {...FIXTURE, manifests: [amd, attestationEntry('sha512:00', amd!.digest)]}, 'not sha256:<64 hex>'],
    ['not an index', {schemaVersion: 2, layers: []}, 'not an image index']
  ])('refused: an attestation entry %s', (_what, index, message) => {
    expect(() => splitAttestations(index as unknown as IndexDocument)).toThrow(message);
  });
});

describe('referrerManifest: as BuildKit oci-artifact=true writes it', () => {
  const subject = FIXTURE.manifests[0]!;
  const layers = [
    {mediaType: 'application/vnd.in-toto+json', digest: sha256('prov'), size: 10, annotations: {'in-toto.io/predicate-type': PROVENANCE}},
    {mediaType: 'application/vnd.in-toto+json', digest: sha256('spdx'), size: 20, annotations: {'in-toto.io/predicate-type': SPDX}}
  ];
  test.each([
    ['provenance and SBOM', layers],
    ['provenance alone', layers.slice(0, 1)]
  ])('%s: artifactType, the empty config, the same layers (annotations kept), subject the platform', (_what, l) => {
    const m = referrerManifest({layers: l, config: {mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256('cfg'), size: 3}} as never, subject);
    expect(m).toEqual({schemaVersion: 2, mediaType: MANIFEST, artifactType: ATTESTATION_ARTIFACT_TYPE, config: EMPTY_CONFIG, layers: l, subject: {mediaType: subject.mediaType, digest: subject.digest, size: subject.size}});
    expect(EMPTY_CONFIG.digest).toBe(sha256('{}'));
    expect(Buffer.from(EMPTY_CONFIG.data, 'base64').toString()).toBe('{}');
  });
  test('an attestation manifest without layers is refused', () => {
    expect(() => referrerManifest({layers: []}, subject)).toThrow('no layers');
  });
});

/** BuildKit's layout in the fake registry: two platforms, each with an attestation manifest of provenance + SPDX; pushed by digest. */
function pushed(reg: FakeRegistry, name: string): {index: string; platforms: Record<string, string>; attestations: Record<string, string>} {
  const platforms: Record<string, string> = {};
  const attestations: Record<string, string> = {};
  const manifests: unknown[] = [];
  const atts: unknown[] = [];
  for (const a of ['amd64', 'arm64']) {
    const body = {schemaVersion: 2, mediaType: MANIFEST, config: {mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(a), size: 1}, layers: []};
    const d = reg.put(name, body);
    platforms[`linux/${a}`] = d;
    manifests.push({mediaType: MANIFEST, digest: d, size: JSON.stringify(body).length, platform: {architecture: a, os: 'linux'}});
    const att = reg.put(name, {schemaVersion: 2, mediaType: MANIFEST, config: {mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256('attcfg'), size: 2}, layers: [PROVENANCE, SPDX].map(t => ({mediaType: 'application/vnd.in-toto+json', digest: sha256(t + a), size: 1, annotations: {'in-toto.io/predicate-type': t}}))});
    attestations[`linux/${a}`] = att;
    atts.push(attestationEntry(att, d));
  }
  const index = reg.put(name, {schemaVersion: 2, mediaType: INDEX, manifests: [...manifests, ...atts], annotations: {'org.opencontainers.image.title': 'app'}});
  return {index, platforms, attestations};
}

/** The fake with a referrers API that lists every manifest whose subject is the digest. */
function withReferrersApi(reg: FakeRegistry): BuildxApi {
  const api = reg.api();
  api.referrers = async (name, digest) =>
    [...reg.manifests]
      .filter(([k, v]) => k.startsWith(`${name}@`) && (JSON.parse(v) as {subject?: {digest?: string}}).subject?.digest === digest)
      .map(([k, v]) => ({mediaType: MANIFEST, digest: k.slice(name.length + 1), size: v.length, artifactType: (JSON.parse(v) as {artifactType?: string}).artifactType}));
  return api;
}

describe('storeAttestations: publish and merge, before verify', () => {
  test('no referrers API: new index PUT in every name, one referrer per platform under sha256-<hex>; bake metadata rewritten', async () => {
    const reg = new FakeRegistry();
    const names = [NAME, `${NAME}-mirror`];
    const r = names.map(n => pushed(reg, n))[0]!;
    const build = buildPlan({id: 'api', images: names, platforms: ['linux/amd64', 'linux/arm64']});
    const out = await storeAttestations({buildx: reg.api(), builds: [{build, digest: r.index, descriptor: {mediaType: INDEX, digest: r.index, size: 1}}], dir: work});
    const digest = out.builds[0]!.digest;
    expect(digest).not.toBe(r.index);
    expect(out.replaced).toEqual({api: r.index});
    for (const n of names) {
      const index = JSON.parse(reg.manifests.get(`${n}@${digest}`)!) as IndexDocument;
      expect(index.manifests.map(m => `${m.platform?.os}/${m.platform?.architecture}`)).toEqual(['linux/amd64', 'linux/arm64']);
      expect(index.annotations).toEqual({'org.opencontainers.image.title': 'app'});
      expect(reg.blobs.get(`${n}@${EMPTY_CONFIG.digest}`)).toBe('{}');
      for (const [platform, pd] of Object.entries(r.platforms)) {
        const tag = reg.tags.get(`${n}:${pd.replace(':', '-')}`)!;
        const listed = JSON.parse(reg.manifests.get(`${n}@${tag}`)!) as IndexDocument;
        expect(listed.manifests).toHaveLength(1);
        expect(listed.manifests[0]!.artifactType).toBe(ATTESTATION_ARTIFACT_TYPE);
        const ref = JSON.parse(reg.manifests.get(`${n}@${listed.manifests[0]!.digest}`)!);
        expect(ref.subject.digest).toBe(pd);
        expect(ref.layers.map((l: {annotations: Record<string, string>}) => l.annotations['in-toto.io/predicate-type'])).toEqual([PROVENANCE, SPDX]);
        expect(out.referrers).toContainEqual({image: n, platform, subject: pd, manifest: listed.manifests[0]!.digest, tag: pd.replace(':', '-')});
      }
      // BuildKit's index is still there, by digest (untagged)
      expect(reg.manifests.has(`${n}@${r.index}`)).toBe(true);
    }
    const index = encoded(JSON.parse(reg.manifests.get(`${NAME}@${digest}`)!));
    expect(out.builds[0]!.descriptor).toEqual({mediaType: INDEX, digest, size: index.bytes.length});
    expect(storageLeftovers(out)).toEqual([
      `attestation-storage: referrers: BuildKit's index ${r.index} of ${names.join(', ')} (with the attestation entries) stays untagged; the tags point at ${digest}.`,
      `The attestations are OCI 1.1 referrers of their platforms, listed under the referrers tags (the registry has no referrers API): ${names.flatMap(n => Object.values(r.platforms).map(pd => `${n}:${pd.replace(':', '-')}`)).join(', ')}.`
    ]);
    const meta = rewrittenMetadata({api: {'containerimage.digest': r.index, 'containerimage.descriptor': {digest: r.index}, 'image.name': 'x'}, other: {'containerimage.digest': 'd'}}, out.builds, out.replaced);
    expect(meta).toEqual({api: {'containerimage.digest': digest, 'containerimage.descriptor': out.builds[0]!.descriptor, 'image.name': 'x'}, other: {'containerimage.digest': 'd'}});
  });

  test('the fallback tag keeps what it listed (a GitHub attestation bundle); written again it lists the referrer once', async () => {
    const reg = new FakeRegistry();
    const r = pushed(reg, NAME);
    const pd = r.platforms['linux/amd64']!;
    const bundle = {mediaType: MANIFEST, digest: sha256('bundle'), size: 9, artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json'};
    await listReferrer(reg.api(), NAME, pd, bundle);
    const build = buildPlan({id: 'api', images: [NAME], platforms: ['linux/amd64', 'linux/arm64']});
    await storeAttestations({buildx: reg.api(), builds: [{build, digest: r.index}], dir: work});
    await storeAttestations({buildx: reg.api(), builds: [{build, digest: r.index}], dir: work});
    const listed = JSON.parse(reg.manifests.get(`${NAME}@${reg.tags.get(`${NAME}:${pd.replace(':', '-')}`)}`)!) as IndexDocument;
    expect(listed.manifests.map(m => m.artifactType)).toEqual([bundle.artifactType, ATTESTATION_ARTIFACT_TYPE]);
  });

  test('a referrers API that lists the referrer: no fallback tag written', async () => {
    const reg = new FakeRegistry();
    const r = pushed(reg, NAME);
    const build = buildPlan({id: 'api', images: [NAME], platforms: ['linux/amd64', 'linux/arm64']});
    const out = await storeAttestations({buildx: withReferrersApi(reg), builds: [{build, digest: r.index}], dir: work});
    expect(out.referrers.map(x => x.tag)).toEqual([null, null]);
    expect([...reg.tags.keys()].filter(t => t.includes(':sha256-'))).toEqual([]);
  });

  test('an index without attestation entries, or a single manifest: left as it is', async () => {
    const reg = new FakeRegistry();
    const single = reg.put(NAME, {schemaVersion: 2, mediaType: MANIFEST, config: {digest: sha256('c'), size: 1}, layers: []});
    const bare = reg.put(NAME, {schemaVersion: 2, mediaType: INDEX, manifests: [{mediaType: MANIFEST, digest: single, size: 1, platform: {os: 'linux', architecture: 'amd64'}}]});
    const builds = [single, bare].map((digest, i) => ({build: buildPlan({id: `b${i}`, images: [NAME]}), digest}));
    const out = await storeAttestations({buildx: reg.api(), builds, dir: work});
    expect(out.builds).toEqual(builds);
    expect(out.replaced).toEqual({});
  });

  test('a fallback tag that is not an index is left alone: an error', async () => {
    const reg = new FakeRegistry();
    const r = pushed(reg, NAME);
    reg.tags.set(`${NAME}:${r.platforms['linux/amd64']!.replace(':', '-')}`, r.platforms['linux/arm64']!);
    const build = buildPlan({id: 'api', images: [NAME], platforms: ['linux/amd64', 'linux/arm64']});
    await expect(storeAttestations({buildx: reg.api(), builds: [{build, digest: r.index}], dir: work})).rejects.toThrow('is not an image index');
  });
});

describe('mode verify finds attestations stored as referrers', () => {
  const req = {attestations: ['provenance', 'sbom'] as ('provenance' | 'sbom')[]};
  test.each([
    ['the fallback tag sha256-<hex>', false],
    ['the referrers API', true]
  ])('through %s', async (_what, api) => {
    const reg = new FakeRegistry();
    const r = pushed(reg, NAME);
    const buildx = api ? withReferrersApi(reg) : reg.api();
    const out = await storeAttestations({buildx, builds: [{build: buildPlan({id: 'api', images: [NAME]}), digest: r.index}], dir: work});
    const digest = out.builds[0]!.digest;
    reg.tags.set(`${NAME}:v1`, digest);
    const f = await inspectImage(buildx, {name: NAME, digest} as never, req, '', false);
    expect(f.problems).toEqual([]);
    expect(f.digests.map(d => d.platform)).toEqual(['index', 'linux/amd64', 'linux/arm64']);
    for (const d of f.digests.slice(1)) {
      expect(d.attestations.provenance).toMatch(/^attestation referrer sha256:/);
      expect(d.attestations.sbom).toMatch(/^attestation referrer sha256:/);
    }
  });

  test('a referrer of another artifactType (a signature bundle) is not an attestation: named as missing', async () => {
    const reg = new FakeRegistry();
    const r = pushed(reg, NAME);
    const index = reg.put(NAME, {schemaVersion: 2, mediaType: INDEX, manifests: splitAttestations(JSON.parse(reg.manifests.get(`${NAME}@${r.index}`)!)).index.manifests});
    const pd = r.platforms['linux/amd64']!;
    const att = JSON.parse(reg.manifests.get(`${NAME}@${r.attestations['linux/amd64']}`)!);
    const other = reg.put(NAME, {...referrerManifest(att, {mediaType: MANIFEST, digest: pd, size: 1}), artifactType: 'application/vnd.example+json'});
    await listReferrer(reg.api(), NAME, pd, {mediaType: MANIFEST, digest: other, size: 1});
    const f = await inspectImage(reg.api(), {name: NAME, digest: index} as never, req, '', false);
    expect(f.problems).toEqual([
      `${NAME} linux/amd64 (${pd}): no provenance attestation`,
      `${NAME} linux/amd64 (${pd}): no sbom attestation`,
      `${NAME} linux/arm64 (${r.platforms['linux/arm64']}): no provenance attestation`,
      `${NAME} linux/arm64 (${r.platforms['linux/arm64']}): no sbom attestation`
    ]);
  });

  test('mode: promote with to-registry copies the referrers tags with the index: the copy is verified alike', async () => {
    const reg = new FakeRegistry();
    const r = pushed(reg, NAME);
    const out = await storeAttestations({buildx: reg.api(), builds: [{build: buildPlan({id: 'api', images: [NAME]}), digest: r.index}], dir: work});
    const digest = out.builds[0]!.digest;
    const api = reg.api();
    // the fake holds no layer bytes: a download answers the descriptor's size, an upload keeps it
    api.downloadBlob = async (_name, blob) => writeFileSync(blob.file, 'x'.repeat(blob.size));
    api.pushBlob = async (name, blob) => {
      reg.blobs.set(`${name}@${blob.digest}`, readFileSync(blob.file, 'utf8'));
      return true;
    };
    const target = 'mirror.test/acme/api';
    const copied = await copyContent(api, NAME, target, digest, work);
    expect(copied.referrers.sort()).toEqual(Object.values(r.platforms).map(d => d.replace(':', '-')).sort());
    const f = await inspectImage(reg.api(), {name: target, digest} as never, req, '', false);
    expect(f.problems).toEqual([]);
  });

  test('findReferrers: [] when there is neither an API nor a fallback tag', async () => {
    const reg = new FakeRegistry();
    expect(await findReferrers(reg.api(), NAME, sha256('x'))).toEqual([]);
    expect(await findReferrers(reg.api(), NAME, sha256('x'), [])).toEqual([]);
  });
});


describe('attestation-storage in a mode that does not read it', () => {
  test.each([
    ['publish', 'referrers', 0],
    ['merge', 'referrers', 0],
    ['publish', 'index', 0],
    ['verify', 'index', 0],
    ['build', 'referrers', 1],
    ['promote', 'referrers', 1]
  ])('mode: %s, %s: %d warning(s)', (mode, storage, n) => {
    const w = attestationStorageWarnings(mode, storage);
    expect(w).toHaveLength(n);
    for (const m of w) expect(m).toContain('Input "attestation-storage" is read by mode: publish and mode: merge only');
  });
});
