/**
 * The release: the part of a run after the content is verified in the registry, shared by publish
 * (one job) and merge (after the build legs): where every tag points now -> the guard against moving
 * mutable tags backwards -> the tag phase (atomic, retried, restored on failure, immutable first) ->
 * the read-back. Outputs and summary stay with the caller, which knows how the content got there.
 */
import {guard, movesOf, isSkipped, withoutSkipped, type SkippedTag} from './steps/guard.js';
import {tags, plannedMoves, currentDigests, TagPhaseError, type TagMove, type TagOutcome} from './steps/tags.js';
import {readback} from './steps/readback.js';
import type {BuildxApi} from './buildx.js';
import type {VerifiedBuild} from './steps/verify.js';
import type {Comparison} from '../pipeline/context/github-api.js';
import type {Cancellation} from './cancel.js';
import type {Plan} from '../pipeline/plan.js';
import {entriesOf, writeHistory, type HistoryContext} from './history.js';

export interface ReleaseInput {
  buildx: BuildxApi;
  verified: VerifiedBuild[];
  /** The plan's commit. */
  sha: string;
  /** The date of the run's images, for the guard's date fallback. */
  created?: Date;
  force: boolean;
  retryTimeoutMs: number;
  /** Moves besides every name's tags to its build's index (the per-platform tags of arch-tags). */
  extraMoves?: TagMove[];
  /** Tags of this run that may share an index without blocking its deletion on restore. */
  ownTags?: string[];
  compare: (base: string, head: string) => Promise<Comparison | undefined>;
  cancel: Pick<Cancellation, 'tagPhase' | 'stopped'>;
  /** The channel moves to record in the registry after the tag phase (engine/history.ts). */
  history?: HistoryContext;
}

export interface ReleaseResult {
  tagMoves: TagOutcome[];
  skipped: SkippedTag[];
}

/** Thrown when the tag phase failed: the skipped tags (for the summary) with the TagPhaseError. */
export class ReleaseError extends Error {
  constructor(
    readonly cause: unknown,
    readonly skipped: SkippedTag[]
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'ReleaseError';
  }
}

export async function release(i: ReleaseInput): Promise<ReleaseResult> {
  const extra = i.extraMoves ?? [];
  const all = [...plannedMoves(i.verified, i.sha), ...extra];
  let skipped: SkippedTag[] = [];
  let tagMoves: TagOutcome[] = [];
  try {
    // where every tag points now, read once: for the guard and the tag pass
    const current = await currentDigests({buildx: i.buildx, moves: all, retryTimeoutMs: i.retryTimeoutMs});
    // the guard against moving mutable tags backwards takes its tags out of the pass (steps/guard.ts)
    ({skipped} = await guard({buildx: i.buildx, moves: [...movesOf(i.verified), ...extra], sha: i.sha, created: i.created, force: i.force, current, compare: i.compare}));
    const moves = all.filter(m => !isSkipped(skipped, m.name, m.tag));
    // the signal: no new retry wait, a failed write restores at once (steps/tags.ts)
    tagMoves = (await i.cancel.tagPhase(signal => tags({buildx: i.buildx, moves, retryTimeoutMs: i.retryTimeoutMs, signal, ownTags: i.ownTags, current}))).outcomes;
  } catch (err) {
    throw new ReleaseError(err, skipped);
  }
  // the channel tags that moved, each an entry of its channel's history (never fails the release):
  // before the read-back, which fails when a concurrent run moved a tag since, after both moves happened
  if (i.history) await writeHistory(i.buildx, entriesOf(tagMoves, i.history));
  if (!i.cancel.stopped) await readback({buildx: i.buildx, verified: withoutSkipped(i.verified, skipped)});
  return {tagMoves, skipped};
}

/** The date a plan's images carry (`org.opencontainers.image.created`), for the guard's date fallback. */
export function imageCreated(plan: Pick<Plan, 'builds'>): Date | undefined {
  const line = plan.builds[0]?.labels.find(l => l.startsWith('org.opencontainers.image.created='));
  const value = line?.slice(line.indexOf('=') + 1);
  return value && !Number.isNaN(Date.parse(value)) ? new Date(value) : undefined;
}

export {TagPhaseError};
