/**
 * The tag phase: each name's tags now point at its verified index (the same digest). Only ever called
 * with what verify returned, so no tag moves before every platform is there.
 *
 * The input is a list of tag moves (name, tag, digest, kind), so that a filter (e.g. skipping mutable
 * tags that would move to older content) can run between `plannedMoves` and `tags`.
 *
 * 1. Every tag's current digest is read (absent: a new tag), a HEAD each through the registry API
 *    (`currentDigests`; publish reads them before the guard and passes them in). A tag already at its
 *    digest is not written (a re-run of the same job completes the release and rewrites nothing).
 * 2. Immutable tags (commit SHA, full version) move first, mutable channels (`latest`, a branch, `1.2`,
 *    `env-*`) last: an interrupted phase leaves the channels where they were. Within a kind, ONE
 *    `buildx.writeTags` per name moves all its tags, names in parallel: a PUT of the index's bytes under
 *    each tag through the registry API in this process (no docker process), `imagetools create --tag …
 *    name@digest` where the API cannot be used. Either writes a call's tags concurrently, hence the
 *    separate calls per kind.
 * 3. A create is retried with exponential backoff and full jitter while the failure is transient (5xx,
 *    timeouts, connection reset/refused) and `retryTimeoutMs` is not spent; an auth or other 4xx answer
 *    fails at once. After a failed create its tags are read back: those now at the digest moved (buildx
 *    pushed them before another failed), and only the others are tried again, or reported as failed.
 * 4. When a create still fails, no further one starts, and what this run moved is undone within a
 *    window of the same length: tags that existed are put back to their previous digest (one create per
 *    name and previous index, read back the same way); a new one is removed where the registry allows
 *    it, by deleting its index by digest, and only when no tag other than this run's new ones (and its
 *    staging tags) points at that index, since a delete by digest removes the manifest for every tag.
 * 5. What could not be undone is listed tag by tag, old and new digest, in the TagPhaseError (and the
 *    summary's "Tag moves" section).
 *
 * A cancel (`signal`) starts no new wait: the remaining writes are tried once each (the release then
 * completes), and if one fails the restore is tried once each, so the phase ends within seconds.
 */
import * as runner from '../../action/runner.js';
import {eachLimited} from '../../lib/each-limited.js';
import type {BuildxApi} from '../buildx.js';
import {CommandError} from '../exec.js';
import {registryMessage} from '../registry.js';
import {backoffMs, realClock, transientFailure, withRetry as retry, type Clock} from './retry.js';
import {tagKind, type TagKind} from '../../pipeline/tag-kinds.js';
import type {VerifiedBuild} from './verify.js';

/** One tag to point at one digest. */
export interface TagMove {
  /** The image name (`ghcr.io/acme/app`). */
  name: string;
  tag: string;
  /** The verified index. */
  digest: string;
  kind: TagKind;
}

/** What became of one tag in this run. */
export interface TagOutcome extends TagMove {
  /** The digest the tag pointed at before this run (undefined: it did not exist, or could not be read). */
  previous?: string;
  /**
   * - `moved`: now at `digest`; `unchanged`: was already there (no write); `not-moved`: never written
   * - `restored`: moved, then put back to `previous`; `removed`: was new, moved, then deleted
   * - `not-restored`: moved and could not be undone (see `note`); `failed`: the write that failed
   */
  state: 'moved' | 'unchanged' | 'not-moved' | 'restored' | 'removed' | 'not-restored' | 'failed';
  note?: string;
}

export interface TagsInput {
  buildx: BuildxApi;
  moves: TagMove[];
  /** The bounded time of one tag write's retries (and of the restore), in milliseconds. */
  retryTimeoutMs: number;
  /** Aborted when the run is cancelled (engine/cancel.ts). */
  signal?: AbortSignal;
  /** Where each tag points now (`currentDigests`), when publish has read it already; else read here. */
  current?: CurrentDigests;
  /** Tags of this run that may share the index without blocking its deletion (the staging tag). */
  ownTags?: string[];
  /** For tests: the clock, the sleep and the jitter. */
  clock?: Clock;
}

export type {Clock} from './retry.js';

export interface MovedTags {
  name: string;
  tags: string[];
  digest: string;
}

export interface TagsResult {
  moved: MovedTags[];
  outcomes: TagOutcome[];
}

/** The tag phase failed: what moved and what could not be undone, tag by tag. */
export class TagPhaseError extends Error {
  constructor(
    message: string,
    readonly outcomes: TagOutcome[]
  ) {
    super(message);
    this.name = 'TagPhaseError';
  }

  /** Tags left somewhere other than where they were before the run. */
  get unrestored(): TagOutcome[] {
    return this.outcomes.filter(o => o.state === 'not-restored');
  }
}

/** The moves of the verified builds: every name's every tag, to its build's index. */
export function plannedMoves(verified: VerifiedBuild[], sha: string): TagMove[] {
  return verified.flatMap(v => v.build.images.flatMap(name => v.build.tagNames.map(tag => ({name, tag, digest: v.digest, kind: tagKind(tag, sha)}))));
}

function reason(e: unknown): string {
  if (e instanceof CommandError) return registryMessage(e.result.stderr || e.result.stdout) || e.message;
  return runner.redact(e instanceof Error ? e.message : String(e));
}

/** `fn` with the steps' retry (retry.ts), each transient failure said in the log as `what: reason (…)`. */
export function withRetry<T>(what: string, fn: () => Promise<T>, deadline: number, clock: Clock, signal?: AbortSignal): Promise<T> {
  return retry(fn, {
    deadline,
    clock,
    signal,
    onRetry: (e, {attempt, waitMs, leftMs}) => runner.info(`${what}: ${reason(e)} (transient; attempt ${attempt + 1} in ${(waitMs / 1000).toFixed(1)} s, ${Math.ceil(leftMs / 1000)} s left)`)
  });
}

/** At most this many registry calls (docker processes) at once: a run may have hundreds of tags. */
const PARALLEL = 8;

const ref = (m: TagMove) => `${m.name}:${m.tag}`;
const short = (d?: string) => (d ? d.replace(/^(sha256:.{12}).*$/, '$1…') : 'none');

export async function tags(i: TagsInput): Promise<TagsResult> {
  const clock = i.clock ?? realClock;
  return runner.group('Tags', async () => {
    const outcomes = await movePhase(i, clock);
    // per name and index, in the plan's order: every tag of it is there now
    const byBuild = new Map<string, MovedTags>();
    for (const m of i.moves) {
      const key = `${m.name}@${m.digest}`;
      const entry = byBuild.get(key) ?? {name: m.name, tags: [], digest: m.digest};
      entry.tags.push(m.tag);
      byBuild.set(key, entry);
    }
    for (const b of byBuild.values()) runner.info(`${b.name}: ${b.tags.join(', ')} -> ${b.digest}`);
    return {moved: [...byBuild.values()], outcomes};
  });
}

/** Where each tag of `moves` points now (undefined: absent), keyed `name:tag`. */
export type CurrentDigests = ReadonlyMap<string, string | undefined>;

/**
 * Where every tag of `moves` points now (absent: a new tag), read in parallel (a HEAD each through the
 * registry API: no process per tag), each read retried for `retryTimeoutMs`. Publish reads them once,
 * before the guard, and hands them to the guard and to `tags`. Throws a TagPhaseError (nothing moved).
 */
export async function currentDigests(i: Pick<TagsInput, 'buildx' | 'moves' | 'retryTimeoutMs' | 'signal' | 'clock'>): Promise<Map<string, string | undefined>> {
  const clock = i.clock ?? realClock;
  const deadline = clock.now() + i.retryTimeoutMs;
  const refs = [...new Set(i.moves.map(ref))];
  const current = new Map<string, string | undefined>();
  try {
    await eachLimited(refs, PARALLEL, async r => void current.set(r, await withRetry(`reading ${r}`, () => i.buildx.tagDigest(r), deadline, clock, i.signal)));
  } catch (e) {
    throw new TagPhaseError(`No tag was moved: reading where the tags point failed: ${reason(e)}`, i.moves.map(m => ({...m, state: 'not-moved'})));
  }
  return current;
}

/** Tags of one name to point at one digest, with one `imagetools create`: their outcomes. */
interface TagGroup {
  name: string;
  digest: string;
  outcomes: TagOutcome[];
}

function groupsOf(outcomes: TagOutcome[], digestOf: (o: TagOutcome) => string): TagGroup[] {
  const groups = new Map<string, TagGroup>();
  for (const o of outcomes) {
    const digest = digestOf(o);
    const key = `${o.name}@${digest}`;
    const g = groups.get(key) ?? {name: o.name, digest, outcomes: []};
    g.outcomes.push(o);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/**
 * Points every tag of `group` at `name@digest` with ONE `imagetools create`, retried while the failure is
 * transient and the window lasts. buildx pushes a create's tags concurrently, so a create that failed
 * may have moved some: each tag is then read back (a HEAD each), those at the digest are done, and only
 * the others go into the next attempt. Resolves with the tags that did not get there, and the error.
 */
async function pointGroup(i: TagsInput, group: TagGroup, what: string, deadline: number, clock: Clock): Promise<{left: TagOutcome[]; error?: unknown}> {
  const {buildx, signal} = i;
  let left = group.outcomes;
  for (let attempt = 1; ; attempt++) {
    try {
      await buildx.writeTags(left.map(ref), `${group.name}@${group.digest}`);
      return {left: []};
    } catch (error) {
      // which went through: read back to know (a tag that cannot be read counts as not there)
      const now = await Promise.all(left.map(o => buildx.tagDigest(ref(o)).catch(() => undefined)));
      left = left.filter((_, k) => now[k] !== group.digest);
      if (!left.length) return {left};
      const remaining = deadline - clock.now();
      if (!transientFailure(error) || signal?.aborted || remaining <= 0) return {left, error};
      const wait = backoffMs(attempt, remaining, clock);
      runner.info(`${what} ${left.map(ref).join(', ')}: ${reason(error)} (transient; attempt ${attempt + 1} in ${(wait / 1000).toFixed(1)} s, ${Math.ceil(remaining / 1000)} s left)`);
      await clock.sleep(wait, signal);
    }
  }
}

/** `fn` over the groups, at most PARALLEL `docker` processes at once. */
const eachGroup = (groups: TagGroup[], fn: (g: TagGroup) => Promise<void>) => eachLimited(groups, PARALLEL, fn);

async function movePhase(i: TagsInput, clock: Clock): Promise<TagOutcome[]> {
  // immutable first, each kind in the plan's order
  const moves = [...i.moves.filter(m => m.kind === 'immutable'), ...i.moves.filter(m => m.kind === 'mutable')];
  const outcomes: TagOutcome[] = moves.map(m => ({...m, state: 'not-moved'}));
  if (!moves.length) return outcomes;

  // 1. where every tag points now (publish has read it before the guard)
  const current = i.current && moves.every(m => i.current!.has(ref(m))) ? i.current : await currentDigests({...i, moves, clock});
  for (const o of outcomes) o.previous = current.get(ref(o));

  // 2. the writes: every immutable tag, then every mutable one (a create pushes its tags concurrently, so
  //    the kinds go in separate creates); within a kind, one create per name and index, names in parallel
  let failure: TagOutcome | undefined;
  for (const kind of ['immutable', 'mutable'] as const) {
    const todo: TagOutcome[] = [];
    for (const o of outcomes.filter(x => x.kind === kind)) {
      if (o.previous === o.digest) {
        o.state = 'unchanged';
        runner.info(`${ref(o)}: already at ${short(o.digest)} (not written)`);
      } else todo.push(o);
    }
    await eachGroup(groupsOf(todo, o => o.digest), async g => {
      // once one create failed for good, no other starts
      if (failure) return;
      const {left, error} = await pointGroup(i, g, 'moving', clock.now() + i.retryTimeoutMs, clock);
      for (const o of g.outcomes) {
        if (left.includes(o)) {
          o.state = 'failed';
          o.note = reason(error);
          runner.info(`${ref(o)}: not moved: ${o.note}`);
        } else {
          o.state = 'moved';
          runner.info(`${ref(o)}: ${short(o.previous)} -> ${short(o.digest)}`);
        }
      }
      if (left.length) failure ??= left[0];
    });
    if (failure) break;
  }
  if (!failure) return outcomes;

  // 3. undo what moved
  await restore(i, outcomes, clock);
  const left = outcomes.filter(o => o.state === 'not-restored');
  const first = `The registry refused to move ${ref(failure)}: ${failure.note}.`;
  const detail = left.length
    ? ` ${left.length} tag(s) moved by this run could not be put back (re-run the job to complete the release):\n${left.map(o => `  ${ref(o)}: was ${o.previous ?? 'absent (new tag)'}, now ${o.digest}${o.note ? ` (${o.note})` : ''}`).join('\n')}`
    : ` Every tag this run had moved was put back (or removed, if new): the tags are where they were before the run; re-run the job to publish.`;
  throw new TagPhaseError(first + detail, outcomes);
}

async function restore(i: TagsInput, outcomes: TagOutcome[], clock: Clock): Promise<void> {
  const {buildx, signal} = i;
  const deadline = clock.now() + i.retryTimeoutMs;
  const moved = outcomes.filter(o => o.state === 'moved');
  if (!moved.length) return;
  runner.info(`Restoring the ${moved.length} tag(s) this run moved`);
  // tags that existed: back to their previous digest, one create per name and previous index (the
  // mutable ones first: the channels users pull)
  const existed = [...moved.filter(o => o.previous && o.kind === 'mutable'), ...moved.filter(o => o.previous && o.kind !== 'mutable')];
  await eachGroup(groupsOf(existed, o => o.previous!), async g => {
    const {left, error} = await pointGroup(i, g, 'restoring', deadline, clock);
    for (const o of g.outcomes) {
      if (left.includes(o)) {
        o.state = 'not-restored';
        o.note = `putting it back failed: ${reason(error)}`;
      } else {
        o.state = 'restored';
        runner.info(`${ref(o)}: put back to ${short(o.previous)}`);
      }
    }
  });
  // new tags: the index is deleted by digest, which removes it under every tag that points at it
  await eachGroup(groupsOf(moved.filter(x => !x.previous), o => o.digest), async group => {
    const {name, digest} = group;
    const leave = (note: string) => group.outcomes.forEach(o => ((o.state = 'not-restored'), (o.note = note)));
    try {
      const mine = new Set([...group.outcomes.map(o => o.tag), ...(i.ownTags ?? [])]);
      const others = await withRetry(`listing the tags of ${name}`, () => buildx.tagsAt(name, digest), deadline, clock, signal);
      const blocking = others.filter(t => !mine.has(t));
      if (blocking.length) return leave(`new tag left: its index is also tagged ${blocking.slice(0, 3).join(', ')}${blocking.length > 3 ? ', …' : ''}, and a delete by digest would remove those too`);
      const deleted = await withRetry(`deleting ${name}@${digest}`, () => buildx.deleteManifest(name, digest), deadline, clock, signal);
      if (!deleted) return leave('new tag left: the registry does not allow deleting manifests');
      group.outcomes.forEach(o => (o.state = 'removed'));
      runner.info(`${group.outcomes.map(ref).join(', ')}: removed (new tags; index ${short(digest)} deleted)`);
    } catch (e) {
      leave(`removing it failed: ${reason(e)}`);
    }
  });
}
