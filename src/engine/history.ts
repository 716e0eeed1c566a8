/**
 * Channel histories in the registry (pipeline/history.ts): written after a tag phase for every channel
 * tag it moved, read by `mode: rollback` and `mode: history`. Writes are retried on transient errors;
 * one that still fails is a warning naming the entry (the tags have moved: the release is not undone
 * for its history).
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {randomBytes} from 'node:crypto';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import * as runner from '../action/runner.js';
import {EMPTY_DESCRIPTOR} from '../pipeline/leg-record.js';
import {channelTags, entryManifest, historyTag, parseEntry, type EntryKind, type HistoryEntry} from '../pipeline/history.js';
import type {BuildxApi} from './buildx.js';
import type {TagOutcome} from './steps/tags.js';
import {withRetry} from './steps/tags.js';
import {realClock} from './steps/retry.js';

/** What a run records about the channel moves of its tag phase. */
export interface HistoryContext {
  kind: EntryKind;
  /** Which tags are channels (promote, rollback: every target tag; publish and merge: `env-*`). */
  isChannel: (tag: string) => boolean;
  /** What was moved, per image name (the `from` input, the version). */
  source: (name: string) => string;
  commit: (name: string) => string;
  run: string;
  actor: string;
  now?: () => Date;
}

/** Channel tags of publish and merge: `env-<name>` (the convention promote and prune use). */
export const isEnvChannel = (tag: string) => /^env-[A-Za-z0-9_.-]+$/.test(tag);

/** The history of the channel tags (`env-*`) a publish or merge moves: what, which commit, which run, who. */
export function channelHistory(p: {ctx: {actor?: string}; plan: {version: string; sha: string}}, env: Record<string, string | undefined>, kind: 'publish' | 'merge', plan: {version: string; sha: string} = p.plan): HistoryContext {
  return {kind, isChannel: isEnvChannel, source: () => plan.version, commit: () => plan.sha, run: env['GITHUB_RUN_ID'] ? `${env['GITHUB_RUN_ID']}/${env['GITHUB_RUN_ATTEMPT'] || '1'}` : '', actor: p.ctx.actor || ''};
}

/** The entries of a tag phase's outcomes: one per channel tag that moved. */
export function entriesOf(outcomes: TagOutcome[], h: HistoryContext): {name: string; entry: HistoryEntry}[] {
  const at = (h.now ?? (() => new Date()))().toISOString();
  return outcomes
    .filter(o => o.state === 'moved' && h.isChannel(o.tag) && o.previous !== o.digest)
    .map(o => ({name: o.name, entry: {channel: o.tag, at, before: o.previous ?? null, after: o.digest, kind: h.kind, source: h.source(o.name), commit: h.commit(o.name), run: h.run, actor: h.actor}}));
}

/** Writes every entry (each under a tag of its own); returns the ones that could not be written. */
export async function writeHistory(buildx: BuildxApi, entries: {name: string; entry: HistoryEntry}[], retryTimeoutMs = 30_000): Promise<string[]> {
  if (!entries.length) return [];
  const dir = mkdtempSync(join(process.env['RUNNER_TEMP'] || tmpdir(), 'mp-history-'));
  const empty = join(dir, 'empty.json');
  writeFileSync(empty, '{}');
  const failed: string[] = [];
  const deadline = Date.now() + retryTimeoutMs;
  try {
    const blobs = new Map<string, Promise<unknown>>();
    await Promise.all(
      entries.map(async ({name, entry}) => {
        const tag = historyTag(entry.channel, new Date(entry.at), randomBytes(4).toString('hex'));
        const what = `the history entry ${name}:${tag} (${entry.channel})`;
        try {
          if (!blobs.has(name)) blobs.set(name, withRetry(what, () => buildx.pushBlob(name, {digest: EMPTY_DESCRIPTOR.digest, size: EMPTY_DESCRIPTOR.size, file: empty}), deadline, realClock));
          await blobs.get(name);
          const m = entryManifest(entry);
          await withRetry(what, () => buildx.putManifest(name, tag, m.mediaType, m.bytes), deadline, realClock);
          runner.info(`History: ${name} ${entry.channel} ${entry.before ?? 'new'} -> ${entry.after} (${entry.kind}, ${tag})`);
        } catch (e) {
          failed.push(`${what}: ${runner.redact((e as Error).message).slice(0, 200)}`);
        }
      })
    );
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
  if (failed.length) runner.warning(`The tags moved, but ${failed.length} history entr${failed.length > 1 ? 'ies were' : 'y was'} not written (a rollback will not see ${failed.length > 1 ? 'them' : 'it'}): ${failed.join('; ')}`);
  return failed;
}

/** The newest this many entries are read (older ones stay in the registry). */
export const HISTORY_LIMIT = 100;

/** A channel's entries in `name`, oldest first (at most HISTORY_LIMIT, the newest). */
export async function readHistory(buildx: BuildxApi, name: string, channel: string): Promise<HistoryEntry[]> {
  if (!buildx.listTags) throw new Error('this engine cannot list tags');
  const tags = channelTags(await buildx.listTags(name), channel).slice(-HISTORY_LIMIT);
  const entries = await Promise.all(
    tags.map(async tag => {
      const digest = await buildx.tagDigest(`${name}:${tag}`);
      return digest ? parseEntry(await buildx.readManifest(name, digest), channel) : undefined;
    })
  );
  return entries.filter((e): e is HistoryEntry => !!e).sort((a, b) => a.at.localeCompare(b.at));
}
