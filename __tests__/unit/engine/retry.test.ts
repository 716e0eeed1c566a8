// The steps' one retry loop (src/engine/steps/retry.ts), used by staging and the tag phase: which
// failures are retried, the waits (full jitter: random() = 1 gives each cap), the window, a cancel.
import {Cancelled} from '../../../src/engine/cancel.js';
import {CommandError} from '../../../src/engine/exec.js';
import {RegistryHttpFailure} from '../../../src/engine/registry-api.js';
import {backoffMs, transientFailure, withRetry, type Clock, type RetryNote} from '../../../src/engine/steps/retry.js';

const failed = (stderr: string) => new CommandError('docker buildx imagetools create', {code: 1, stdout: '', stderr});
const withCause = (message: string, cause: string) => Object.assign(new Error(message), {cause: new Error(cause)});

describe('transientFailure', () => {
  test.each<[string, unknown, boolean]>([
    ['docker: 503 Service Unavailable', failed('ERROR: unexpected status from HEAD request: 503 Service Unavailable'), true],
    ['docker: 429 Too Many Requests', failed('ERROR: 429 Too Many Requests'), true],
    ['docker: connection reset', failed('ERROR: read tcp 127.0.0.1:5000: connection reset by peer'), true],
    ['docker: 401 Unauthorized', failed('ERROR: unexpected status: 401 Unauthorized'), false],
    ['docker: denied', failed('ERROR: denied: requested access to the resource is denied'), false],
    ['docker: 400 Bad Request', failed('ERROR: unexpected status from PUT request: 400 Bad Request'), false],
    ['API: HTTP 503', new RegistryHttpFailure('PUT /v2/a/manifests/x: HTTP 503', 503), true],
    ['API: HTTP 429', new RegistryHttpFailure('GET /v2/a/tags/list: HTTP 429', 429), true],
    ['API: HTTP 403', new RegistryHttpFailure('PUT /v2/a/blobs/uploads/: HTTP 403', 403), false],
    ['API: HTTP 404', new RegistryHttpFailure('HEAD /v2/a/manifests/x: HTTP 404', 404), false],
    ['fetch failed (ECONNRESET cause)', withCause('fetch failed', 'read ECONNRESET'), true],
    ['other side closed', withCause('terminated', 'other side closed'), true],
    ['a request timeout (AbortSignal.timeout)', Object.assign(new Error('The operation was aborted due to timeout'), {name: 'TimeoutError'}), true],
    ['ECONNREFUSED', new Error('connect ECONNREFUSED 127.0.0.1:5000'), true],
    ['a digest mismatch', new Error('the registry answered sha256:aaa for sha256:bbb'), false],
    ['not an Error', 'boom', false]
  ])('%s -> %s', (_, error, expected) => {
    expect(transientFailure(error)).toBe(expected);
  });
});

function fakeClock(random = 1): Clock & {slept: number[]} {
  let t = 0;
  const slept: number[] = [];
  return {slept, now: () => t, sleep: async ms => void (slept.push(ms), (t += ms)), random: () => random};
}

const E503 = () => new RegistryHttpFailure('HTTP 503', 503);
const E403 = () => new RegistryHttpFailure('HTTP 403', 403);

describe('withRetry', () => {
  // each case: what the calls do in turn (an error is thrown, 'ok' resolves), the window, what comes out
  test.each<[string, {calls: (Error | 'ok')[]; windowMs: number; random?: number; result: 'ok' | RegExp; slept: number[]; attempts: number}]>([
    ['success at once: no wait', {calls: ['ok'], windowMs: 60_000, result: 'ok', slept: [], attempts: 1}],
    ['transient twice, then success: waits double', {calls: [E503(), E503(), 'ok'], windowMs: 60_000, result: 'ok', slept: [500, 1000], attempts: 3}],
    ['not transient: fails at once, no wait', {calls: [E403(), 'ok'], windowMs: 60_000, result: /HTTP 403/, slept: [], attempts: 1}],
    ['transient, then not transient: fails at the second', {calls: [E503(), E403(), 'ok'], windowMs: 60_000, result: /HTTP 403/, slept: [500], attempts: 2}],
    ['transient past the window: the last wait ends at the deadline, then it fails', {calls: Array.from({length: 10}, E503), windowMs: 3000, result: /HTTP 503/, slept: [500, 1000, 1500], attempts: 4}],
    ['the waits stop at 8 s', {calls: [...Array.from({length: 6}, E503), 'ok'], windowMs: 60_000, result: 'ok', slept: [500, 1000, 2000, 4000, 8000, 8000], attempts: 7}],
    ['full jitter: random() scales each wait', {calls: [E503(), E503(), 'ok'], windowMs: 60_000, random: 0.5, result: 'ok', slept: [250, 500], attempts: 3}],
    ['no window: one attempt', {calls: [E503(), 'ok'], windowMs: 0, result: /HTTP 503/, slept: [], attempts: 1}]
  ])('%s', async (_, c) => {
    const clock = fakeClock(c.random);
    let n = 0;
    const notes: RetryNote[] = [];
    const fn = async () => {
      const next = c.calls[n++];
      if (next !== 'ok') throw next;
      return 'ok';
    };
    const out = await withRetry(fn, {deadline: c.windowMs, clock, onRetry: (_e, note) => notes.push(note)}).catch((e: Error) => e);
    if (c.result === 'ok') expect(out).toBe('ok');
    else expect((out as Error).message).toMatch(c.result);
    expect({slept: clock.slept, attempts: n}).toEqual({slept: c.slept, attempts: c.attempts});
    // one note per wait: the attempt that failed, the wait, what was left of the window before it
    let t = 0;
    expect(notes).toEqual(
      c.slept.map((w, k) => {
        const note = {attempt: k + 1, waitMs: w, leftMs: c.windowMs - t};
        t += w;
        return note;
      })
    );
  });

  test('an aborted signal: the transient failure is thrown, no wait', async () => {
    const clock = fakeClock();
    const ac = new AbortController();
    let n = 0;
    const out = withRetry(
      async () => {
        n++;
        ac.abort();
        throw E503();
      },
      {deadline: 60_000, clock, signal: ac.signal}
    );
    await expect(out).rejects.toThrow(/HTTP 503/);
    expect({n, slept: clock.slept}).toEqual({n: 1, slept: []});
  });

  test('check runs before every attempt; when it throws (a cancel), no further attempt starts', async () => {
    const clock = fakeClock();
    let checks = 0;
    let n = 0;
    const check = () => {
      if (++checks === 3) throw new Cancelled('cancelled (SIGINT)');
    };
    const out = withRetry(
      async () => {
        n++;
        throw E503();
      },
      {deadline: 60_000, clock, check}
    );
    await expect(out).rejects.toThrow(Cancelled);
    expect({checks, n, slept: clock.slept}).toEqual({checks: 3, n: 2, slept: [500, 1000]});
  });

  test.each([
    [1, 60_000, 500],
    [2, 60_000, 1000],
    [5, 60_000, 8000],
    [9, 60_000, 8000],
    [3, 700, 700]
  ])('backoffMs(attempt %i, %i ms left) = %i with random() = 1', (attempt, left, expected) => {
    expect(backoffMs(attempt, left, fakeClock())).toBe(expected);
  });
});
