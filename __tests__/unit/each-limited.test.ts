// src/lib/each-limited.ts: at most `limit` calls at once, every started call settled before the first
// failure is thrown; with stopAtFailure no item starts after a failure (staging), without it every item
// is still tried (the tag phase).
import {describe, expect, test} from '@jest/globals';
import {eachLimited} from '../../src/lib/each-limited.js';

const tick = () => new Promise<void>(r => setTimeout(r, 1));

describe('eachLimited', () => {
  test.each<[string, {items: number; limit: number; fail: number[]; ticks?: number[]; stopAtFailure?: boolean; started: number[]; error?: string; peak: number}]>([
    ['all succeed, at most 2 at once', {items: 5, limit: 2, fail: [], started: [0, 1, 2, 3, 4], peak: 2}],
    ['a limit above the count: all at once', {items: 3, limit: 8, fail: [], started: [0, 1, 2], peak: 3}],
    ['no items: nothing runs', {items: 0, limit: 4, fail: [], started: [], peak: 0}],
    ['a failure, every item still tried; the first failure thrown', {items: 5, limit: 2, fail: [1, 3], started: [0, 1, 2, 3, 4], error: 'item 1', peak: 2}],
    ['stopAtFailure: no item starts after the failure, the running one finishes', {items: 6, limit: 2, fail: [1], ticks: [4, 1, 1, 1, 1, 1], stopAtFailure: true, started: [0, 1], error: 'item 1', peak: 2}],
    ['without it, the same: the rest still run', {items: 6, limit: 2, fail: [1], ticks: [4, 1, 1, 1, 1, 1], started: [0, 1, 2, 3, 4, 5], error: 'item 1', peak: 2}],
    ['stopAtFailure, one at a time: stops right after', {items: 4, limit: 1, fail: [0], stopAtFailure: true, started: [0], error: 'item 0', peak: 1}]
  ])('%s', async (_, c) => {
    const started: number[] = [];
    const settled = new Set<number>();
    let running = 0;
    let peak = 0;
    const out = await eachLimited(
      Array.from({length: c.items}, (_x, k) => k),
      c.limit,
      async k => {
        started.push(k);
        peak = Math.max(peak, ++running);
        // item k takes ticks[k] ticks (default k % 2 + 1: items finish out of order)
        for (let t = 0; t < (c.ticks?.[k] ?? (k % 2) + 1); t++) await tick();
        running--;
        settled.add(k);
        if (c.fail.includes(k)) throw new Error(`item ${k}`);
      },
      {stopAtFailure: c.stopAtFailure}
    ).then(
      () => undefined,
      (e: Error) => e.message
    );
    expect({started, error: out, peak}).toEqual({started: c.started, error: c.error, peak: c.peak});
    // nothing left running when it settles
    expect([...settled].sort()).toEqual([...c.started].sort());
  });
});
