/**
 * OCI 1.1 referrers, written and read: a manifest whose `subject` is another manifest is listed by the
 * registry's referrers API (GET /v2/<name>/referrers/<digest>) when it has one; otherwise by the
 * fallback the distribution spec gives clients, the tag `sha256-<hex of the subject>` holding an image
 * index of the referrers' descriptors (with their artifactType). Used by the GitHub attestation bundles
 * (engine/attest.ts), the attestation manifests of `attestation-storage: referrers`
 * (steps/attestation-storage.ts) and mode verify's lookup of them (engine/verify.ts).
 */
import {createHash} from 'node:crypto';
import {logValue} from '../report/escape.js';
import type {BuildxApi} from './buildx.js';

const INDEX_TYPE = 'application/vnd.oci.image.index.v1+json';

/** A descriptor as a referrers index lists it. */
export interface ReferrerDescriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

const sha256 = (b: Uint8Array | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** The referrers tag of the OCI 1.1 fallback for `digest` (`sha256:<hex>` -> `sha256-<hex>`). */
export const referrersTag = (digest: string) => digest.replace(':', '-');

/**
 * Makes the manifest `descriptor` (already PUT by its digest, its subject `subject`) listed as a referrer
 * of `subject` in `image`: nothing more when the registry's referrers API lists it (answers null), else
 * the fallback tag `sha256-<hex>` gets an index with the descriptor added to what it listed before (a
 * tag there that is not an index is left alone: an error). Answers the tag written.
 */
export async function listReferrer(buildx: BuildxApi, image: string, subject: string, descriptor: ReferrerDescriptor): Promise<string | null> {
  const listed = buildx.referrers ? await buildx.referrers(image, subject).catch(() => undefined) : undefined;
  if (listed?.some(d => d.digest === descriptor.digest)) return null;
  const tag = referrersTag(subject);
  const at = await buildx.tagDigest(`${image}:${tag}`);
  let index: {schemaVersion: number; mediaType: string; manifests: object[]} = {schemaVersion: 2, mediaType: INDEX_TYPE, manifests: []};
  if (at) {
    const current = (await buildx.readManifest(image, at)) as {mediaType?: string; manifests?: unknown};
    if (!Array.isArray(current?.manifests)) throw new Error(`the tag ${tag} of ${image} is not an image index: it is not the referrers tag of the OCI 1.1 fallback, and is left as it is`);
    index = {...(current as typeof index), schemaVersion: 2, mediaType: INDEX_TYPE};
  }
  if (!index.manifests.some(m => (m as {digest?: string}).digest === descriptor.digest)) index.manifests = [...index.manifests, descriptor];
  const indexBytes = Buffer.from(JSON.stringify(index));
  await buildx.putManifest(image, tag, INDEX_TYPE, indexBytes);
  const back = await buildx.tagDigest(`${image}:${tag}`);
  if (back !== sha256(indexBytes)) throw new Error(`the referrers tag ${image}:${tag} reads back as ${logValue(String(back).slice(0, 80))}, not the index written (${sha256(indexBytes)})`);
  return tag;
}

/**
 * The referrers of `subject` in `image`: the registry's referrers API when it has one, else the index
 * under the fallback tag (`tags`: the repository's tags when already listed, so a missing tag costs no
 * request); [] when there are none. A fallback tag that is not an index lists nothing.
 */
export async function findReferrers(buildx: BuildxApi, image: string, subject: string, tags?: string[]): Promise<ReferrerDescriptor[]> {
  const api = buildx.referrers ? await buildx.referrers(image, subject) : undefined;
  if (api) return api;
  const tag = referrersTag(subject);
  if (tags && !tags.includes(tag)) return [];
  const at = await buildx.tagDigest(`${image}:${tag}`);
  if (!at) return [];
  const index = (await buildx.readManifest(image, at)) as {manifests?: unknown};
  return Array.isArray(index?.manifests) ? (index.manifests as ReferrerDescriptor[]) : [];
}
