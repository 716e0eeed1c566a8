/**
 * A channel's history, kept in the registry itself (no other store): every move of a channel tag
 * (`env-prod`) by a promotion, a rollback, or a publish/merge that moves a channel tag is one entry, a
 * small OCI artifact manifest of its own in the image's repository under a tag unique to the entry:
 *
 *   mp-hist-<12 hex of sha256(channel)>-<13-digit epoch ms>-<8 hex random>
 *
 * One tag per entry, never a read-modify-write of a shared document, so concurrent writers cannot lose
 * each other's entries (the distribution API has no conditional PUT, and GHCR no referrers API). The
 * entry lives in the manifest's annotations (one read per entry, no blob), its config is the OCI empty
 * descriptor. Reading a history lists the repository's tags, keeps this channel's, and reads them in
 * order. Pure: names, bytes, parsing and the rollback's choice.
 */
import {createHash} from 'node:crypto';
import {EMPTY_DESCRIPTOR} from './leg-record.js';

export const HISTORY_ARTIFACT_TYPE = 'application/vnd.multiarch-publish.history.v1+json';
const A = 'dev.multiarch-publish.history';

export type EntryKind = 'promote' | 'rollback' | 'publish' | 'merge';

export interface HistoryEntry {
  channel: string;
  /** ISO 8601 instant of the move. */
  at: string;
  /** The digest the channel pointed at before (null: it did not exist). */
  before: string | null;
  /** The digest it points at after the move. */
  after: string;
  kind: EntryKind;
  /** What was moved to it: the `from` input, or the release's version/tag. */
  source: string;
  /** The commit of the content (its revision label), or the run's commit. */
  commit: string;
  /** `<run id>/<attempt>` and the actor of the workflow run ('' when unknown). */
  run: string;
  actor: string;
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** The channel's part of its entries' tags. */
export function channelKey(channel: string): string {
  return createHash('sha256').update(channel).digest('hex').slice(0, 12);
}

/** The tag of one entry: unique per channel, instant and writer; sorts by time. */
export function historyTag(channel: string, at: Date, random: string): string {
  return `mp-hist-${channelKey(channel)}-${String(at.getTime()).padStart(13, '0')}-${random.slice(0, 8)}`;
}

/** The tags of a channel's entries among a repository's tags, oldest first. */
export function channelTags(tags: string[], channel: string): string[] {
  const prefix = `mp-hist-${channelKey(channel)}-`;
  return tags.filter(t => t.startsWith(prefix) && /^\d{13}-[0-9a-f]{8}$/.test(t.slice(prefix.length))).sort();
}

/** Whether a tag is a history entry's (any channel): never a release tag, never pruned as one. */
export const HISTORY_TAG_PATTERN = /^mp-hist-[0-9a-f]{12}-\d{13}-[0-9a-f]{8}$/;

/** The entry's manifest bytes (the empty blob `{}` must be in the repository first). */
export function entryManifest(e: HistoryEntry): {mediaType: 'application/vnd.oci.image.manifest.v1+json'; bytes: Uint8Array} {
  const {data: _data, ...empty} = EMPTY_DESCRIPTOR;
  const annotations: Record<string, string> = {
    'org.opencontainers.image.created': e.at,
    [`${A}.channel`]: e.channel,
    [`${A}.before`]: e.before ?? '',
    [`${A}.after`]: e.after,
    [`${A}.kind`]: e.kind,
    [`${A}.source`]: e.source,
    [`${A}.commit`]: e.commit,
    [`${A}.run`]: e.run,
    [`${A}.actor`]: e.actor
  };
  const manifest = {schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', artifactType: HISTORY_ARTIFACT_TYPE, config: empty, layers: [empty], annotations};
  return {mediaType: 'application/vnd.oci.image.manifest.v1+json', bytes: new TextEncoder().encode(JSON.stringify(manifest))};
}

/** The entry an entry manifest holds, or undefined when it is not one of `channel` (anything else in the repository is ignored). */
export function parseEntry(json: unknown, channel: string): HistoryEntry | undefined {
  const m = json as {artifactType?: string; annotations?: Record<string, unknown>} | null;
  if (!m || m.artifactType !== HISTORY_ARTIFACT_TYPE || !m.annotations) return undefined;
  const a = (k: string) => (typeof m.annotations![`${A}.${k}`] === 'string' ? (m.annotations![`${A}.${k}`] as string).slice(0, 300) : undefined);
  const after = a('after');
  const before = a('before');
  const kind = a('kind');
  const at = m.annotations['org.opencontainers.image.created'];
  if (a('channel') !== channel || !after || !DIGEST.test(after) || (before && !DIGEST.test(before)) || typeof at !== 'string' || Number.isNaN(Date.parse(at))) return undefined;
  if (!['promote', 'rollback', 'publish', 'merge'].includes(kind ?? '')) return undefined;
  return {channel, at, before: before || null, after, kind: kind as EntryKind, source: a('source') ?? '', commit: a('commit') ?? '', run: a('run') ?? '', actor: a('actor') ?? ''};
}

/**
 * Where a rollback of `steps` moves the channel: the digest it pointed at before the last `steps` moves
 * (entries oldest first). The newest entry must agree with where the channel points now, so that a move
 * the history does not know of (a tag set by hand) is not silently undone.
 */
export function rollbackTarget(entries: HistoryEntry[], current: string | undefined, steps: number): {digest: string; entry: HistoryEntry} | {reason: string} {
  if (!entries.length) return {reason: 'has no history (no promotion, rollback or publish recorded a move of it)'};
  const last = entries[entries.length - 1]!;
  if (current !== last.after) return {reason: `points at ${current ?? 'nothing'}, but its last recorded move (${last.at}) set ${last.after}: it was moved outside the action; roll back with from: <tag or digest> instead`};
  if (steps > entries.length) return {reason: `has ${entries.length} recorded move(s), fewer than steps: ${steps}`};
  const entry = entries[entries.length - steps]!;
  if (!entry.before) return {reason: `did not exist before the move of ${entry.at} (${steps} step(s) back): there is nothing to roll back to`};
  return {digest: entry.before, entry};
}
