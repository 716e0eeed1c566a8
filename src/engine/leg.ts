/**
 * `mode: build`, after verify: the leg's records (pipeline/leg-record.ts). For every build, image name
 * and platform the leg built, a small OCI artifact under the leg tag of that platform and plan, naming
 * the content the leg pushed by digest and its platform manifest, so that the merge finds them in the
 * registry with no artifact upload. No release tag is touched; the record's tag is the leg's only tag.
 * Each write is retried on transient registry errors, like the tag phase.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import * as runner from '../action/runner.js';
import {EMPTY_DESCRIPTOR, LEG_SCHEMA, LEG_SCHEMA_VERSION, legTag, recordBytes, type LegRecord} from '../pipeline/leg-record.js';
import type {BuildxApi} from './buildx.js';
import type {VerifiedBuild, MetadataDescriptor} from './steps/verify.js';
import {withRetry} from './steps/tags.js';
import {realClock} from './steps/retry.js';

export interface LegIdentity {
  /** The plan document's digest. */
  plan: string;
  /** The commit this leg built (GITHUB_SHA of its checkout). */
  sha: string;
  /** Where the leg ran: runner name/label, run id and attempt. */
  runner: string;
  run: string;
}

/** What the leg pushed for one image name and platform: the `digests` output, one entry each. */
export interface LegDigest {
  id: string;
  image: string;
  platform: string;
  /** The platform's own manifest. */
  digest: string;
  /** What the leg pushed by digest (its index, or that manifest). */
  content: string;
  /** The leg tag holding the record. */
  record: string;
}

export interface LegRecordsInput {
  buildx: BuildxApi;
  verified: VerifiedBuild[];
  /** bake's descriptor of each build's content (by build id), when it wrote one. */
  descriptors: Record<string, MetadataDescriptor | undefined>;
  leg: LegIdentity;
  /** Where the record blobs are written before upload (the run's work directory). */
  workDir: string;
  retryTimeoutMs: number;
  now?: () => Date;
}

const EMPTY_BYTES = new TextEncoder().encode('{}');

/** Writes every record; returns the leg's digests in plan order. Throws on the first record that cannot be written. */
export async function writeLegRecords(i: LegRecordsInput): Promise<LegDigest[]> {
  const dir = join(i.workDir, 'leg-records');
  mkdirSync(dir, {recursive: true, mode: 0o700});
  const emptyFile = join(dir, 'empty.json');
  writeFileSync(emptyFile, EMPTY_BYTES);
  const created = (i.now ?? (() => new Date()))().toISOString();
  const jobs: {record: LegRecord; tag: string}[] = [];
  for (const v of i.verified) {
    const d = i.descriptors[v.build.id];
    for (const img of v.images) {
      const size = d?.size ?? (await i.buildx.manifestSize?.(img.name, v.digest));
      if (!Number.isSafeInteger(size)) throw new Error(`the size of ${img.name}@${v.digest} could not be read: no leg record was written for it`);
      const content = {mediaType: img.mediaType || d?.mediaType || 'application/vnd.oci.image.index.v1+json', digest: v.digest, size: size as number};
      for (const platform of v.build.platforms) {
        const own = img.platforms.find(p => p.platform === platform);
        if (!own) throw new Error(`${img.name}@${v.digest} lacks ${platform}: no leg record was written for it`);
        const record: LegRecord = {
          schema: LEG_SCHEMA,
          schemaVersion: LEG_SCHEMA_VERSION,
          plan: i.leg.plan,
          sha: i.leg.sha,
          build: v.build.id,
          image: img.name,
          platform,
          content,
          platformDigest: own.digest,
          platforms: v.build.platforms,
          runner: i.leg.runner,
          run: i.leg.run,
          created
        };
        jobs.push({record, tag: legTag(i.leg.plan, platform)});
      }
    }
  }
  const deadline = Date.now() + i.retryTimeoutMs;
  await Promise.all(
    jobs.map(async ({record, tag}) => {
      const bytes = recordBytes(record);
      const configFile = join(dir, `${bytes.config.digest.slice('sha256:'.length)}.json`);
      writeFileSync(configFile, bytes.config.bytes);
      const where = `the leg record ${record.image}:${tag}`;
      await withRetry(where, () => i.buildx.pushBlob(record.image, {digest: EMPTY_DESCRIPTOR.digest, size: EMPTY_DESCRIPTOR.size, file: emptyFile}), deadline, realClock);
      await withRetry(where, () => i.buildx.pushBlob(record.image, {digest: bytes.config.digest, size: bytes.config.size, file: configFile}), deadline, realClock);
      // a leg run again replaces its record: the one it replaces is deleted (best effort), not left untagged
      const replaced = await i.buildx.tagDigest(`${record.image}:${tag}`).catch(() => undefined);
      await withRetry(where, () => i.buildx.putManifest(record.image, tag, bytes.manifest.mediaType, bytes.manifest.bytes), deadline, realClock);
      if (replaced && replaced !== bytes.manifest.digest) {
        const gone = await i.buildx.deleteManifest(record.image, replaced).catch(() => false);
        runner.info(`${where}: replaced the record of an earlier run of this leg (${replaced.slice(0, 19)}…${gone ? ', deleted' : ', left: the registry did not delete it'})`);
      }
      runner.info(`Leg record ${record.image}:${tag} -> ${record.platform} ${record.platformDigest} (content ${record.content.digest})`);
    })
  );
  return jobs.map(({record, tag}) => ({id: record.build, image: record.image, platform: record.platform, digest: record.platformDigest, content: record.content.digest, record: tag}));
}
