/**
 * The leg record: how a build leg (`mode: build`) tells the merge (`mode: merge`) what it pushed, with the
 * registry as the only place where they meet. Pure: names, the record's bytes, and its validation.
 *
 * A leg pushes each image's content by digest (no release tag) and then, per image name and per platform
 * it built, a small OCI artifact (an image manifest with `artifactType` LEG_ARTIFACT_TYPE whose config
 * blob is the record's JSON, one empty layer, and `subject` = the leg's content) under the leg tag
 * `mp-leg-<16 hex of the plan digest>-<os>-<arch>[-<variant>]`. The merge reads exactly those tags of its
 * plan, checks every record against the plan (same plan digest, commit, build id, image name and
 * platform), creates the index from the records' content digests, and deletes the record manifests
 * afterwards (never the content: the release's index references it). The platform manifests carry the
 * annotation PLAN_ANNOTATION (the plan digest) as well, so that a merge also sees on the content itself
 * which plan it was built from, and the merged index carries it at the index level, so that a second
 * merge (records gone) recognises a release already made from the same plan.
 */
import {createHash} from 'node:crypto';
import canonicalize from 'canonicalize';
import {formatPlatform, parsePlatform} from '../lib/platform.js';

export const LEG_SCHEMA = 'multiarch-publish/leg';
export const LEG_SCHEMA_VERSION = 1;
/** `artifactType` of the record manifest, and the media type of its config blob. */
export const LEG_ARTIFACT_TYPE = 'application/vnd.multiarch-publish.leg.v1+json';
/** Annotation key holding the plan digest: on the platform manifests (legs) and on the merged index. */
export const PLAN_ANNOTATION = 'dev.multiarch-publish.plan';
/** The OCI empty descriptor (`{}`), the record manifest's only layer. */
export const EMPTY_DESCRIPTOR = {mediaType: 'application/vnd.oci.empty.v1+json', digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a', size: 2, data: 'e30='} as const;
/** A record is a few hundred bytes; anything larger is not one. */
export const MAX_RECORD_BYTES = 64 * 1024;

/** What one leg pushed for one image name and one platform. */
export interface LegRecord {
  schema: typeof LEG_SCHEMA;
  schemaVersion: typeof LEG_SCHEMA_VERSION;
  /** The plan document's digest (`sha256:...`). */
  plan: string;
  /** The commit the leg built (its checkout's GITHUB_SHA): the merge refuses one other than the plan's. */
  sha: string;
  /** The plan build's id. */
  build: string;
  /** The image name (as in the plan, without tag). */
  image: string;
  /** The platform, normalised (`linux/arm64`). */
  platform: string;
  /** The content the leg pushed by digest (an index, or a manifest when it has one platform and no attestation). */
  content: {mediaType: string; digest: string; size: number};
  /** The platform's own manifest inside the content (equal to content.digest when the content is that manifest). */
  platformDigest: string;
  /** The platforms that content holds (the leg's share of the build, normalised). */
  platforms: string[];
  /** Where the leg ran, for messages: runner label/name, run id and attempt (any may be empty). */
  runner: string;
  run: string;
  /** ISO 8601 instant the record was written. */
  created: string;
}

/** The platform part of a leg tag: `linux/arm/v7` -> `linux-arm-v7` (normalised first). */
export function platformSlug(platform: string): string {
  return formatPlatform(parsePlatform(platform)).replace(/\//g, '-');
}

/** The tag a leg's record of `platform` has, for the plan with digest `planDigest` (`sha256:<hex>`). */
export function legTag(planDigest: string, platform: string): string {
  const hex = /^sha256:([0-9a-f]{64})$/.exec(planDigest)?.[1];
  if (!hex) throw new Error(`not a plan digest: ${planDigest.slice(0, 80)}`);
  return `mp-leg-${hex.slice(0, 16)}-${platformSlug(platform)}`;
}

/** Every leg tag, of any plan, for listing what other plans left (diagnostics): group 1 = 16 hex, 2 = slug. */
export const LEG_TAG_PATTERN = /^mp-leg-([0-9a-f]{16})-([a-z0-9]+-[a-z0-9]+(?:-[a-z0-9.]+)?)$/;

export interface RecordBytes {
  /** The config blob (the record's canonical JSON), pushed before the manifest. */
  config: {mediaType: string; digest: string; size: number; bytes: Uint8Array};
  /** The record manifest, PUT under the leg tag. */
  manifest: {mediaType: 'application/vnd.oci.image.manifest.v1+json'; digest: string; bytes: Uint8Array};
}

const sha256 = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** The blobs and manifest of a record (deterministic: the same record gives the same bytes). */
export function recordBytes(record: LegRecord): RecordBytes {
  const config = new TextEncoder().encode(canonicalize(record) ?? '');
  const configDesc = {mediaType: LEG_ARTIFACT_TYPE, digest: sha256(config), size: config.length};
  const {data: _data, ...empty} = EMPTY_DESCRIPTOR;
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    artifactType: LEG_ARTIFACT_TYPE,
    config: configDesc,
    layers: [empty],
    subject: record.content,
    annotations: {'org.opencontainers.image.created': record.created, [PLAN_ANNOTATION]: record.plan}
  };
  const bytes = new TextEncoder().encode(JSON.stringify(manifest));
  return {config: {...configDesc, bytes: config}, manifest: {mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha256(bytes), bytes}};
}

/** What the merge expects of a record: everything it is checked against. */
export interface RecordExpectation {
  plan: string;
  sha: string;
  build: string;
  image: string;
  platform: string;
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/**
 * Reads a record manifest's config blob (already fetched, size-checked by the caller against
 * MAX_RECORD_BYTES) and checks it against what the merge expects. Returns the record, or a reason (one
 * sentence, no untrusted text longer than 80 characters) why it is not this plan's leg.
 */
export function checkRecord(json: unknown, expect: RecordExpectation): {record: LegRecord} | {reason: string} {
  const r = json as Partial<LegRecord> | null;
  const s = (v: unknown) => String(v).slice(0, 80);
  if (!r || typeof r !== 'object' || r.schema !== LEG_SCHEMA) return {reason: 'is not a multiarch-publish leg record'};
  if (r.schemaVersion !== LEG_SCHEMA_VERSION) return {reason: `is a leg record of schema version ${s(r.schemaVersion)}, not ${LEG_SCHEMA_VERSION} (legs and merge must run the same version of the action)`};
  for (const k of ['plan', 'sha', 'build', 'image', 'platform', 'platformDigest', 'runner', 'run', 'created'] as const) {
    if (typeof r[k] !== 'string') return {reason: `has no valid field ${k}`};
  }
  const c = r.content;
  if (!c || typeof c !== 'object' || typeof c.mediaType !== 'string' || typeof c.digest !== 'string' || !DIGEST.test(c.digest) || !Number.isSafeInteger(c.size)) return {reason: 'has no valid content descriptor'};
  if (!DIGEST.test(r.platformDigest as string)) return {reason: 'has no valid platformDigest'};
  if (!Array.isArray(r.platforms) || !r.platforms.every(p => typeof p === 'string')) return {reason: 'has no valid platforms list'};
  if (r.plan !== expect.plan) return {reason: `was built from another plan (${s(r.plan)}), not ${expect.plan}`};
  if (r.sha !== expect.sha) return {reason: `was built from commit ${s(r.sha)}, not the plan's ${expect.sha}`};
  if (r.build !== expect.build || r.image !== expect.image) return {reason: `belongs to ${s(r.image)} (build ${s(r.build)}), not ${expect.image}`};
  let platform: string;
  try {
    platform = formatPlatform(parsePlatform(r.platform as string));
  } catch {
    return {reason: `names an invalid platform ${s(r.platform)}`};
  }
  if (platform !== formatPlatform(parsePlatform(expect.platform))) return {reason: `is for ${platform}, not ${expect.platform}`};
  return {record: r as LegRecord};
}
