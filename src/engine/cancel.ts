/**
 * The run's cancellation. A cancelled run (or one superseded under `concurrency: cancel-in-progress`)
 * gets SIGINT from the runner, SIGTERM 7.5 s later and SIGKILL 2.5 s after that, sent to the action's
 * node process alone. Before the tag phase a signal stops the run: every program it runs is stopped
 * (BuildKit stops a build whose client goes away), no new one starts, and the step fails saying that
 * no tag was moved. During the tag phase nothing is stopped: the phase finishes (its `signal` is
 * aborted, so it starts no new retry and restores rather than waits), and only then does the run stop.
 * A second signal changes nothing of that; only SIGKILL ends the process while tags are in flight.
 */
import {readdirSync, readFileSync} from 'node:fs';
import * as runner from '../action/runner.js';

/** The error of a cancelled run, with what it left behind. */
export class Cancelled extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Cancelled';
  }
}

/** Before the signal handlers give up waiting for the run to unwind, and end the process. */
const EXIT_AFTER_MS = 4000;
/** A program still running this long after its SIGTERM gets SIGKILL. */
const KILL_AFTER_MS = 2000;

export class Cancellation {
  /** Aborted at the first signal, during the tag phase too: the tag phase reads it to start no new retry. */
  private readonly requested = new AbortController();
  private received?: NodeJS.Signals;
  private halted = false;
  private phase = 'preparation';
  private tagging = false;
  private tagsStarted = false;
  private tagged = false;
  /** Programs in flight (engine/exec.ts). */
  private running = 0;
  private onHalt = () => {};

  constructor(private readonly stopChildren: (signal: NodeJS.Signals) => void = signalDescendants) {}

  /** The main step's handlers: the process no longer exits at SIGINT or SIGTERM; this decides when. */
  listen(): void {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => this.receive(sig));
    // the last resort, should something not unwind (an API call that waits for its deadline)
    this.onHalt = () =>
      setTimeout(() => {
        runner.setFailed(this.error().message);
        process.exit();
      }, EXIT_AFTER_MS).unref();
  }

  receive(sig: NodeJS.Signals): void {
    if (this.received) {
      runner.warning(`${sig} received too, ${this.tagging ? 'during the tag phase: it still finishes first' : 'while the run stops'}.`);
      return;
    }
    this.received = sig;
    this.requested.abort(new Cancelled(`cancelled (${sig})`));
    if (this.tagging) runner.warning(`${sig} received during the tag phase: the tag phase finishes first, then the step stops.`);
    else this.halt();
  }

  /** Where the run is, for the message: `build`, `verification`. */
  during(phase: string): void {
    this.phase = phase;
  }

  /** Throws once the run is stopped: between the steps, and before any program starts. */
  check(): void {
    if (this.halted) throw this.error();
  }

  /**
   * The tag phase, never interrupted: a signal that comes during it is acted on when it ends. `fn` gets
   * the signal aborted at that signal (steps/tags.ts: no new retry, restore instead).
   */
  async tagPhase<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.check();
    this.tagging = this.tagsStarted = true;
    try {
      const result = await fn(this.requested.signal);
      this.tagged = true;
      return result;
    } finally {
      this.tagging = false;
      if (this.received) this.halt();
    }
  }

  /** Whether the run is stopping (what is left of it is skipped). */
  get stopped(): boolean {
    return this.halted;
  }

  /**
   * The error to report for `e`, the failure of a stopped run: the cancellation (a killed program's
   * failure is only its consequence), unless the tag phase itself failed, whose error says which tags moved.
   */
  explain(e: unknown): unknown {
    return !this.halted || e instanceof Cancelled || (this.tagsStarted && !this.tagged) ? e : this.error();
  }

  /** engine/exec.ts, around every program: refuses to start one once the run is stopped. */
  track(): () => void {
    this.check();
    this.running++;
    return () => void this.running--;
  }

  error(): Cancelled {
    const sig = this.received ?? 'SIGINT';
    return new Cancelled(
      this.tagged
        ? `cancelled (${sig}) after the tags moved: the release is complete, every tag points at the new content (the read-back was skipped).`
        : `cancelled (${sig}) during the ${this.phase}: no tag was moved.`
    );
  }

  private halt(): void {
    this.halted = true;
    const since = Date.now();
    // again while a program is in flight: one started just before the stop (between its check and its spawn)
    const sweep = () => {
      this.stopChildren(Date.now() - since < KILL_AFTER_MS ? 'SIGTERM' : 'SIGKILL');
      if (this.running > 0) setTimeout(sweep, 250).unref();
    };
    sweep();
    this.onHalt();
  }
}

/**
 * Signals every process under this one. @actions/exec gives no handle on the child it spawns (no pid,
 * no kill, no detached process group), so the children are found the way the runner finds a process
 * tree on Linux: the parent pid in /proc/<pid>/stat. That covers `docker` and the buildx plugin it runs.
 * Where there is no /proc (macOS, Windows runners), nothing is signalled: the runner's own kill is left.
 */
export function signalDescendants(sig: NodeJS.Signals): void {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter(e => /^\d+$/.test(e));
  } catch {
    return;
  }
  for (const entry of entries) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // `pid (comm) state ppid ...`: comm may hold spaces and parentheses
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  for (const queue = [process.pid]; queue.length; ) {
    for (const pid of children.get(queue.shift()!) ?? []) {
      queue.push(pid);
      try {
        process.kill(pid, sig);
      } catch {
        // exited meanwhile
      }
    }
  }
}

/** The run's one cancellation (the action's main step listens for the signals; elsewhere none comes). */
export const cancellation = new Cancellation();
