/**
 * `attestation-storage: referrers` (issue 12): BuildKit (0.13 here, no `oci-artifact` option) puts each
 * platform's attestation manifest INTO the image index, as an entry with platform `unknown/unknown` and
 * the annotations `vnd.docker.reference.type: attestation-manifest`, `vnd.docker.reference.digest:
 * <platform manifest>`; registries and GHCR's package page then list an `unknown/unknown` platform.
 *
 * After the build pushed its content and before verify (publish.ts, merge.ts), each build's index is
 * rewritten: the same index minus its attestation entries (its annotations and the platform entries, in
 * order, kept), PUT by its digest into every name; each attestation manifest becomes an OCI 1.1 referrer
 * of its platform manifest, as BuildKit's own `oci-artifact=true` writes it (exporter/containerimage/
 * writer.go, commitAttestationsManifest): an image manifest with `artifactType:
 * application/vnd.docker.attestation.manifest.v1+json`, the empty config, the same in-toto layers (their
 * annotations kept) and `subject` the platform manifest's descriptor; listed by the registry's
 * referrers API, or else under the fallback tag `sha256-<hex>` (engine/referrers.ts). The rest of the
 * flow (verify, budgets, signatures, GitHub attestations, tags, outputs, summary) sees only the new
 * digest; BuildKit's index stays in the registry, untagged.
 */
import {createHash} from 'node:crypto';
import {existsSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import * as runner from '../../action/runner.js';
import type {BuildPlan} from '../../pipeline/plan.js';
import {logValue} from '../../report/escape.js';
import type {BuildxApi} from '../buildx.js';
import type {BakeMetadata} from '../bake.js';
import {listReferrer} from '../referrers.js';
import type {MetadataDescriptor} from './verify.js';

export const ATTESTATION_ARTIFACT_TYPE = 'application/vnd.docker.attestation.manifest.v1+json';
const MANIFEST_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const INDEX_TYPE = 'application/vnd.oci.image.index.v1+json';
/** The OCI empty descriptor (image-spec 1.1), as BuildKit's oci-artifact attestations carry it. */
export const EMPTY_CONFIG = {mediaType: 'application/vnd.oci.empty.v1+json', digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a', size: 2, data: 'e30='} as const;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: {os: string; architecture: string; variant?: string};
  annotations?: Record<string, string>;
  artifactType?: string;
}

export interface IndexDocument {
  schemaVersion?: number;
  mediaType?: string;
  manifests: Descriptor[];
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

/** One attestation entry of an index and the platform manifest it is about. */
export interface AttestationEntry {
  attestation: Descriptor;
  subject: Descriptor;
}

const sha256 = (b: Uint8Array | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export const isAttestationEntry = (d: Descriptor) => d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest';

/**
 * The index without its attestation entries (every other field and entry as it was, in order) and the
 * entries taken out, each with the platform manifest it is about. Throws when an entry names no platform
 * manifest of the index (not BuildKit's layout: nothing is rewritten).
 */
export function splitAttestations(index: IndexDocument): {index: IndexDocument; attestations: AttestationEntry[]} {
  if (!Array.isArray(index.manifests)) throw new Error('not an image index (no manifests)');
  const attestations: AttestationEntry[] = [];
  for (const d of index.manifests) {
    if (!isAttestationEntry(d)) continue;
    const of = d.annotations?.['vnd.docker.reference.digest'] ?? '';
    const subject = index.manifests.find(m => m.digest === of && !isAttestationEntry(m));
    if (!subject) throw new Error(`the attestation manifest ${logValue(String(d.digest).slice(0, 80))} is about ${logValue(of.slice(0, 80)) || 'no manifest'}, which the index does not list`);
    if (!DIGEST.test(d.digest) || !DIGEST.test(subject.digest)) throw new Error(`the attestation manifest ${logValue(String(d.digest).slice(0, 80))} or its platform manifest has a digest that is not sha256:<64 hex>`);
    attestations.push({attestation: d, subject});
  }
  return {index: {...index, manifests: index.manifests.filter(d => !isAttestationEntry(d))}, attestations};
}

/** The OCI 1.1 referrer made of an attestation manifest: its layers (annotations kept), the empty config, `subject` the platform manifest. */
export function referrerManifest(attestation: {layers?: Descriptor[]}, subject: Descriptor): {schemaVersion: 2; mediaType: string; artifactType: string; config: typeof EMPTY_CONFIG; layers: Descriptor[]; subject: {mediaType: string; digest: string; size: number}} {
  if (!Array.isArray(attestation.layers) || attestation.layers.length === 0) throw new Error('the attestation manifest has no layers');
  return {
    schemaVersion: 2,
    mediaType: MANIFEST_TYPE,
    artifactType: ATTESTATION_ARTIFACT_TYPE,
    config: EMPTY_CONFIG,
    layers: attestation.layers,
    subject: {mediaType: subject.mediaType, digest: subject.digest, size: subject.size}
  };
}

/** Bytes and digest of a document as it is PUT. */
export function encoded(doc: object): {bytes: Uint8Array; digest: string} {
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  return {bytes, digest: sha256(bytes)};
}

export interface StoredReferrer {
  image: string;
  platform: string;
  subject: string;
  manifest: string;
  /** The fallback tag written, or null when the registry's referrers API lists it. */
  tag: string | null;
}

export interface StorageInput {
  buildx: BuildxApi;
  builds: {build: BuildPlan; digest: string; descriptor?: MetadataDescriptor}[];
  /** A directory of the run's own (the empty config's blob is written there to be pushed). */
  dir: string;
}

export interface StorageResult {
  /** The builds with the digest (and descriptor) of the rewritten index. */
  builds: {build: BuildPlan; digest: string; descriptor?: MetadataDescriptor}[];
  /** Per build id: BuildKit's index, now untagged, when it was rewritten. */
  replaced: Record<string, string>;
  referrers: StoredReferrer[];
}

const platformText = (p?: Descriptor['platform']) => (p ? `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}` : '');

/** Rewrites every build's index in every name (see the top); a build whose index has no attestation entry is left as it is. */
export async function storeAttestations(i: StorageInput): Promise<StorageResult> {
  const replaced: Record<string, string> = {};
  const referrers: StoredReferrer[] = [];
  const empty = join(i.dir, 'oci-empty.json');
  const builds = await runner.group('Attestations as OCI referrers (attestation-storage: referrers)', async () => {
    const out: StorageResult['builds'] = [];
    for (const b of i.builds) {
      let result: {digest: string; size: number; mediaType: string} | undefined;
      for (const image of b.build.images) {
        const raw = i.buildx.manifestRaw ? await i.buildx.manifestRaw(image, b.digest) : undefined;
        const top = (raw ? JSON.parse(new TextDecoder().decode(raw.bytes)) : await i.buildx.readManifest(image, b.digest)) as IndexDocument;
        if (!Array.isArray(top?.manifests)) break; // one platform without attestations: a manifest, nothing to move
        const split = splitAttestations(top);
        if (!split.attestations.length) break;
        const index = encoded(split.index);
        const mediaType = typeof top.mediaType === 'string' ? top.mediaType : (raw?.mediaType ?? INDEX_TYPE);
        if (result && result.digest !== index.digest) throw new Error(`the names of ${b.build.images.join(', ')} hold different indexes at ${b.digest}; no tag was moved`);
        await i.buildx.putManifest(image, index.digest, mediaType, index.bytes);
        result = {digest: index.digest, size: index.bytes.length, mediaType};
        if (!existsSync(empty)) writeFileSync(empty, '{}');
        await i.buildx.pushBlob(image, {digest: EMPTY_CONFIG.digest, size: EMPTY_CONFIG.size, file: empty});
        for (const a of split.attestations) {
          const attestation = (await i.buildx.readManifest(image, a.attestation.digest)) as {layers?: Descriptor[]};
          const manifest = encoded(referrerManifest(attestation, a.subject));
          await i.buildx.putManifest(image, manifest.digest, MANIFEST_TYPE, manifest.bytes);
          const tag = await listReferrer(i.buildx, image, a.subject.digest, {mediaType: MANIFEST_TYPE, digest: manifest.digest, size: manifest.bytes.length, artifactType: ATTESTATION_ARTIFACT_TYPE});
          const platform = platformText(a.subject.platform);
          referrers.push({image, platform, subject: a.subject.digest, manifest: manifest.digest, tag});
          runner.info(`${image} ${platform}: attestations ${a.attestation.digest.slice(0, 19)}… -> referrer ${manifest.digest}${tag ? ` (referrers tag ${tag})` : ' (referrers API)'}`);
        }
        runner.info(`${image}: index ${index.digest} without its ${split.attestations.length} attestation entr${split.attestations.length === 1 ? 'y' : 'ies'} (BuildKit's index ${b.digest} stays, untagged)`);
      }
      if (!result) {
        out.push(b);
        continue;
      }
      replaced[b.build.id] = b.digest;
      out.push({build: b.build, digest: result.digest, descriptor: {...(b.descriptor ?? {}), mediaType: result.mediaType, digest: result.digest, size: result.size}});
    }
    return out;
  });
  return {builds, replaced, referrers};
}

/** bake's metadata with each rewritten build's digest and descriptor (the `metadata` output says what the tags point at). */
export function rewrittenMetadata(metadata: BakeMetadata, builds: StorageResult['builds'], replaced: Record<string, string>): BakeMetadata {
  const out: BakeMetadata = {...metadata};
  for (const b of builds) {
    if (!replaced[b.build.id]) continue;
    const entry = metadata[b.build.id] ?? {};
    out[b.build.id] = {...entry, 'containerimage.digest': b.digest, ...(entry['containerimage.descriptor'] || b.descriptor ? {'containerimage.descriptor': b.descriptor} : {})};
  }
  return out;
}

/** The summary's sentences on what the rewrite leaves in the registry (report/leftovers.ts). */
export function storageLeftovers(r: StorageResult): string[] {
  const out: string[] = [];
  for (const b of r.builds) {
    const old = r.replaced[b.build.id];
    if (old) out.push(`attestation-storage: referrers: BuildKit's index ${old} of ${b.build.images.join(', ')} (with the attestation entries) stays untagged; the tags point at ${b.digest}.`);
  }
  const tags = [...new Set(r.referrers.filter(x => x.tag).map(x => `${x.image}:${x.tag}`))];
  if (tags.length) out.push(`The attestations are OCI 1.1 referrers of their platforms, listed under the referrers tags (the registry has no referrers API): ${tags.join(', ')}.`);
  else if (r.referrers.length) out.push('The attestations are OCI 1.1 referrers of their platforms, listed by the registry\'s referrers API.');
  return out;
}
