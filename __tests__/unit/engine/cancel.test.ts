// engine/cancel.ts: a signal before the tag phase stops the run and its programs; one during the tag
// phase waits for the phase to end, a second one too; the programs under this process are found in /proc.
import {afterEach, describe, expect, jest, test} from '@jest/globals';
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {Cancellation, Cancelled} from '../../../src/engine/cancel.js';

function cancellation(): {cancel: Cancellation; stops: NodeJS.Signals[]} {
  const stops: NodeJS.Signals[] = [];
  return {cancel: new Cancellation(sig => void stops.push(sig)), stops};
}

afterEach(() => {
  jest.useRealTimers();
});

describe('a signal before the tag phase', () => {
  test('stops the programs, refuses new ones and every later step, naming the phase', () => {
    const {cancel, stops} = cancellation();
    cancel.during('build');
    cancel.check();
    cancel.receive('SIGINT');
    expect(stops).toEqual(['SIGTERM']);
    expect(cancel.stopped).toBe(true);
    expect(() => cancel.check()).toThrow(new Cancelled('cancelled (SIGINT) during the build: no tag was moved.'));
    expect(() => cancel.track()).toThrow(/during the build: no tag was moved/);
    return expect(cancel.tagPhase(async () => 'moved')).rejects.toThrow(/no tag was moved/);
  });

  test("a killed program's failure is reported as the cancellation", () => {
    const {cancel} = cancellation();
    cancel.during('verification');
    const failure = new Error('docker buildx imagetools inspect failed (exit code 1)');
    expect(cancel.explain(failure)).toBe(failure);
    cancel.receive('SIGTERM');
    expect((cancel.explain(failure) as Error).message).toBe('cancelled (SIGTERM) during the verification: no tag was moved.');
  });

  test('a program still running gets SIGKILL after 2 s; the sweep ends with the last program', () => {
    jest.useFakeTimers();
    const {cancel, stops} = cancellation();
    const done = cancel.track();
    cancel.receive('SIGINT');
    jest.advanceTimersByTime(2300);
    expect(stops[0]).toBe('SIGTERM');
    expect(stops.at(-1)).toBe('SIGKILL');
    done();
    const sent = stops.length;
    jest.advanceTimersByTime(2000);
    expect(stops.length).toBeLessThanOrEqual(sent + 1);
  });
});

describe('a signal during the tag phase', () => {
  test('the phase finishes (nothing stopped), then the run stops: the release is complete', async () => {
    const {cancel, stops} = cancellation();
    let seen: AbortSignal | undefined;
    const moved = await cancel.tagPhase(async signal => {
      seen = signal;
      cancel.receive('SIGINT');
      cancel.receive('SIGTERM'); // the runner's second signal, 7.5 s later
      expect(stops).toEqual([]);
      expect(() => cancel.track()).not.toThrow();
      await new Promise(r => setTimeout(r, 10));
      return ['latest', '1.2.3'];
    });
    expect(moved).toEqual(['latest', '1.2.3']);
    expect(seen?.aborted).toBe(true);
    expect(cancel.stopped).toBe(true);
    expect(() => cancel.check()).toThrow(/^cancelled \(SIGINT\) after the tags moved: the release is complete/);
    // a read-back killed after the tags moved still reports the complete release
    expect((cancel.explain(new Error('imagetools inspect failed')) as Error).message).toMatch(/after the tags moved/);
  });

  test("the tag phase's own failure stays the reported error (it says which tags moved)", async () => {
    const {cancel} = cancellation();
    const failure = new Error('tags failed: latest not moved');
    await expect(
      cancel.tagPhase(async () => {
        cancel.receive('SIGINT');
        throw failure;
      })
    ).rejects.toBe(failure);
    expect(cancel.explain(failure)).toBe(failure);
  });
});

test('the default stop signals every process under this one, grandchildren included', async () => {
  const cancel = new Cancellation();
  // sh waits for its own child, sleep: both are under this process
  const child = spawn('sh', ['-c', 'sleep 30 & echo $!; wait'], {stdio: ['ignore', 'pipe', 'ignore']});
  const grandchild = Number(await new Promise<string>(r => child.stdout.once('data', (d: Buffer) => r(d.toString().trim()))));
  const exited = new Promise<NodeJS.Signals | null>(r => child.once('exit', (_c, s) => r(s)));
  cancel.receive('SIGINT');
  expect(await exited).toBe('SIGTERM');
  // a zombie is dead: its new parent may not reap it here (no init in a container)
  const alive = () => {
    try {
      return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${grandchild}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 50 && alive(); i++) await new Promise(r => setTimeout(r, 20));
  expect(alive()).toBe(false);
});
