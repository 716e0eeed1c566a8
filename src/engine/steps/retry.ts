/**
 * One retry loop for the steps' registry calls (staging's push by digest, the tag phase's reads, writes
 * and deletes): a failure is tried again only while it is transient (5xx, 429, a timeout, a dropped or
 * refused connection) and the window lasts; an auth or other 4xx answer, or anything else, fails at
 * once. Waits are exponential backoff with full jitter (a random wait up to 0.5 s, 1 s, 2 s, ... 8 s),
 * never past the deadline, so that parallel calls that failed together do not come back together.
 */
import {CommandError, isTransient} from '../exec.js';
import {RegistryHttpFailure} from '../registry-api.js';

/** Time, waits and jitter: real ones in a run, fakes in the tests. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** In [0, 1). */
  random(): number;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>(resolve => {
      if (signal?.aborted) return resolve();
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, {once: true});
    }),
  random: () => Math.random()
};

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8000;

/** Node's and undici's words for a connection that broke, or a request that timed out. */
const NETWORK = /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|socket hang up|fetch failed|other side closed|TimeoutError|aborted due to timeout/i;

/** A failure worth another try: the network or the registry's temporary state, never auth or a 4xx. */
export function transientFailure(e: unknown): boolean {
  if (e instanceof CommandError) return isTransient(e.result.stderr + e.result.stdout);
  if (e instanceof RegistryHttpFailure) return e.transient;
  const m = e instanceof Error ? `${e.message} ${(e as {cause?: Error}).cause?.message ?? ''}` : String(e);
  return isTransient(m) || NETWORK.test(m);
}

/** The wait after failed attempt `attempt` (1, 2, ...): full jitter under a cap doubling from 0.5 s to 8 s, at most `leftMs`. */
export function backoffMs(attempt: number, leftMs: number, clock: Clock): number {
  return Math.min(leftMs, Math.ceil(clock.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1))));
}

/** What a retry is about to do, for the caller's log line. */
export interface RetryNote {
  /** The attempt that failed (1 for the first); the next one is `attempt + 1`. */
  attempt: number;
  /** The wait before the next attempt. */
  waitMs: number;
  /** What is left of the window, before that wait. */
  leftMs: number;
}

export interface RetryOptions {
  /** No wait ends past this (clock.now() time). */
  deadline: number;
  clock?: Clock;
  /** Aborted (a cancel): no further wait, the failure is thrown. */
  signal?: AbortSignal;
  /** Called before every attempt; throws to stop (engine/cancel.ts's check: a Cancelled). */
  check?: () => void;
  /** Called before each wait, with the transient failure: the caller says it in its words. */
  onRetry?: (error: unknown, note: RetryNote) => void;
}

/** `fn` until it succeeds, fails for good (not transient, the window spent, cancelled), or `check` throws. */
export async function withRetry<T>(fn: () => Promise<T>, o: RetryOptions): Promise<T> {
  const clock = o.clock ?? realClock;
  for (let attempt = 1; ; attempt++) {
    o.check?.();
    try {
      return await fn();
    } catch (e) {
      const leftMs = o.deadline - clock.now();
      if (!transientFailure(e) || o.signal?.aborted || leftMs <= 0) throw e;
      const waitMs = backoffMs(attempt, leftMs, clock);
      o.onRetry?.(e, {attempt, waitMs, leftMs});
      await clock.sleep(waitMs, o.signal);
    }
  }
}
