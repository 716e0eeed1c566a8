/**
 * The guard against moving a mutable tag backwards (two pushes in quick succession run in parallel, and
 * the older one can finish last). Pure: the engine step (engine/steps/guard.ts) reads what the tag points
 * at now and asks GitHub how the two commits relate; this decides.
 *
 * - An immutable tag (pipeline/tag-kinds.ts: the commit SHA, a full version) always moves: it names one
 *   release, and this run's content is that release.
 * - A tag that does not exist yet, or whose image carries no usable `org.opencontainers.image.revision`,
 *   moves: there is nothing to be older than.
 * - The same commit moves (a re-run, or another build of the same commit).
 * - Ancestry (GitHub's compare API, base = the tag's commit, head = ours): `ahead` or `identical` moves,
 *   `behind` (ours is an ancestor of what the tag holds) is skipped.
 * - `diverged` (neither contains the other: a force-push, another branch) and `unknown` (no token, the API
 *   failed, the commit is not in the repository) fall back to dates: skipped when the tag's date is later
 *   than ours, moved otherwise (equal or missing dates move: a guard that cannot tell does not block).
 * - `force` (the `force-tags` input) moves every tag the guard would skip; the reason says it was forced.
 */
import {tagKind} from './tag-kinds.js';

/** How our commit relates to the tag's, as GitHub's compare API says it (base = theirs, head = ours). */
export type Ancestry = 'ahead' | 'behind' | 'identical' | 'diverged' | 'unknown';

export interface GuardCase {
  tag: string;
  /** This run's commit. */
  ours: string;
  /** What the tag points at now: undefined when there is no such tag. */
  current?: {revision?: string};
  ancestry: Ancestry;
  /** For `diverged`/`unknown`: the dates of the two commits (or, without the API, of the two images). */
  dates?: {ours?: Date; theirs?: Date};
  force: boolean;
}

export interface GuardVerdict {
  move: boolean;
  reason: string;
}

/** A revision label usable as a commit: hex, 7 to 64 characters (a label is written by whoever pushed). */
export function isCommitSha(s: string | undefined): s is string {
  return !!s && /^[0-9a-f]{7,64}$/i.test(s);
}

/** The same commit: equal, or one an abbreviation (at least 7 characters) of the other. */
export function sameCommit(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x.startsWith(y) || y.startsWith(x);
}

const valid = (d: Date | undefined): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

export function decide(c: GuardCase): GuardVerdict {
  if (tagKind(c.tag, c.ours) === 'immutable') return {move: true, reason: 'immutable tag'};
  if (!c.current) return {move: true, reason: 'new tag'};
  const theirs = c.current.revision;
  if (!isCommitSha(theirs)) return {move: true, reason: 'the current image names no commit'};
  if (isCommitSha(c.ours) && sameCommit(theirs, c.ours)) return {move: true, reason: 'same commit'};
  const short = theirs.slice(0, 7).toLowerCase();
  let skip: string | undefined;
  if (c.ancestry === 'ahead' || c.ancestry === 'identical') return {move: true, reason: `newer than ${short} (${c.ancestry})`};
  if (c.ancestry === 'behind') skip = `points at ${short}, a descendant of this run's commit`;
  else {
    const {ours, theirs: at} = c.dates ?? {};
    const how = c.ancestry === 'diverged' ? 'diverged history' : 'ancestry unknown';
    if (valid(ours) && valid(at) && at.getTime() > ours.getTime()) skip = `points at ${short}, dated ${at.toISOString()}, later than this run's ${ours.toISOString()} (${how})`;
    else return {move: true, reason: `${how}; not older by date`};
  }
  return c.force ? {move: true, reason: `forced (force-tags): it ${skip}`} : {move: false, reason: skip};
}
