/**
 * The one way this action runs a program: an argument array (never a shell string), output captured,
 * every line shown to the log through the redacting runner, secrets passed on stdin only.
 */
import * as runner from '../action/runner.js';
import {cancellation, signalDescendants} from './cancel.js';

export interface RunOptions {
  /** Written to the program's stdin (passwords go here, never into arguments). */
  input?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Stream output lines to the log as they come (default: only on failure, via the caller). */
  stream?: boolean;
  /** Don't throw on a non-zero exit code. */
  allowFailure?: boolean;
  /** Called with every output line (stdout and stderr), e.g. to keep BuildKit's log per target. */
  onLine?: (line: string) => void;
  /**
   * Stop the program (and every other program under this process: only for callers that run one at a
   * time, the post step) when it takes longer, and throw.
   */
  timeoutMs?: number;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class CommandError extends Error {
  constructor(
    readonly command: string,
    readonly result: RunResult
  ) {
    // the lines that say what went wrong, not the usage text some commands print after them
    const all = (result.stderr || result.stdout).trim().split('\n');
    const telling = all.filter(l => /error|denied|unauthorized|forbidden|refused|failed|invalid|unknown|not found|no such/i.test(l));
    const detail = (telling.length ? telling : all).slice(-5).join('\n');
    super(`${command} failed (exit code ${result.code})${detail ? `: ${runner.redact(detail)}` : ''}`);
    this.name = 'CommandError';
  }
}

const PLAIN_WORD = /^[\w@%+=:,./-]+$/;
const singleQuoted = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** A word for a POSIX shell: as it is when it is plain, else in single quotes. */
export function shellWord(word: string): string {
  return PLAIN_WORD.test(word) ? word : singleQuoted(word);
}

/** A command line for the log: arguments quoted when needed, secrets redacted. */
export function describe(cmd: string, args: string[]): string {
  // quoted as the original needs, redacted before the quotes are escaped (pa'ss would become pa'\''ss)
  return [cmd, ...args].map(a => (PLAIN_WORD.test(a) ? runner.redact(a) : singleQuoted(runner.redact(a)))).join(' ');
}

export async function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const {getExecOutput} = await import('@actions/exec');
  // the user's environment, without what this step exported (a large DOCKER_METADATA_OUTPUT_* is E2BIG)
  const env = Object.fromEntries(Object.entries({...runner.childEnvironment(), ...opts.env}).filter((e): e is [string, string] => e[1] !== undefined));
  const onLine = (line: string) => {
    opts.onLine?.(line);
    if (opts.stream) runner.untrusted(line);
  };
  runner.untrusted(`[command] ${describe(cmd, args)}`);
  checkSize(cmd, args, env);
  // none starts once the run is cancelled, and those running are then stopped (engine/cancel.ts)
  const done = cancellation.track();
  let timer: NodeJS.Timeout | undefined;
  const running = getExecOutput(cmd, args, {
    silent: true,
    ignoreReturnCode: true,
    env,
    cwd: opts.cwd,
    input: opts.input !== undefined ? Buffer.from(opts.input) : undefined,
    listeners: {stdline: onLine, errline: onLine}
  });
  const limit = opts.timeoutMs
    ? new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          signalDescendants('SIGKILL');
          reject(new Error(`${cmd} ${args[0] ?? ''} did not finish within ${Math.round(opts.timeoutMs! / 1000)} s and was stopped`));
        }, opts.timeoutMs);
      })
    : undefined;
  running.catch(() => undefined); // reported below, or moot after a timeout
  const out = await (limit ? Promise.race([running, limit]) : running)
    .catch((e: unknown) => {
      throw spawnError(cmd, e);
    })
    .finally(() => {
      clearTimeout(timer);
      done();
    });
  const result = {code: out.exitCode, stdout: out.stdout, stderr: out.stderr};
  if (result.code !== 0 && !opts.allowFailure) throw new CommandError(describe(cmd, args), result);
  return result;
}

/** Linux's limit on one argument or `NAME=value` (MAX_ARG_STRLEN), and the usual total (ARG_MAX, 8 MiB stack). */
const MAX_STRING = 128 * 1024 - 1;
const MAX_TOTAL = 2 * 1024 * 1024;

/**
 * Refuses, before spawning, what the system would refuse with E2BIG: @actions/exec spawns inside an async
 * promise executor, so node's synchronous E2BIG throw escapes it (an uncaught stack, a promise that never
 * settles) instead of rejecting.
 */
function checkSize(cmd: string, args: string[], env: Record<string, string>): void {
  const strings = [cmd, ...args, ...Object.entries(env).map(([k, v]) => `${k}=${v}`)];
  const sizes = strings.map(s => Buffer.byteLength(s) + 1);
  const largest = sizes.indexOf(Math.max(...sizes));
  const total = sizes.reduce((a, b) => a + b + 8, 0);
  if (sizes[largest] > MAX_STRING || total > MAX_TOTAL) {
    const what = largest > args.length ? `variable ${Object.keys(env)[largest - args.length - 1]}` : largest === 0 ? 'the program path' : `argument ${largest}`;
    throw spawnError(cmd, Object.assign(new Error(`spawn ${cmd} E2BIG`), {code: 'E2BIG', detail: `${what}: ${sizes[largest]} bytes, ${total} in all`}));
  }
}

/**
 * A program that could not be started, in one line naming it: @actions/exec rejects with node's spawn
 * error (E2BIG, EACCES, ...) or io.which's "Unable to locate executable file", and its stack is no message.
 */
export function spawnError(cmd: string, e: unknown): Error {
  if (!(e instanceof Error)) return new Error(`Cannot run ${cmd}: ${String(e)}`);
  if (/did not finish within/.test(e.message)) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'E2BIG' || /E2BIG/.test(e.message)
      ? `its arguments and environment are larger than the system allows (E2BIG${(e as {detail?: string}).detail ? `; the largest is ${(e as {detail?: string}).detail}` : ''}); a very large environment variable is the usual cause`
      : code === 'ENOENT' || /Unable to locate executable|ENOENT/.test(e.message)
        ? 'it is not installed or not on PATH'
        : code === 'EACCES' || /EACCES/.test(e.message)
          ? 'permission denied (EACCES): the file is not executable for this user'
          : e.message.split('\n')[0];
  return new Error(`Cannot run ${cmd}: ${why}`);
}

/** Runs with retries for transient failures (network, 5xx, rate limits), with exponential backoff. */
export async function runWithRetry(cmd: string, args: string[], opts: RunOptions & {attempts?: number; baseDelayMs?: number} = {}): Promise<RunResult> {
  const attempts = opts.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(cmd, args, opts);
    } catch (e) {
      if (!(e instanceof CommandError) || attempt >= attempts || !isTransient(e.result.stderr + e.result.stdout)) throw e;
      const delay = (opts.baseDelayMs ?? 2000) * 2 ** (attempt - 1);
      runner.warning(`${e.message.split('\n')[0]} — transient, retrying in ${delay / 1000} s (attempt ${attempt + 1} of ${attempts})`);
      await new Promise(r => setTimeout(r, delay));
    }
  }
}

/**
 * Errors worth another try: the network or the registry's temporary state, not auth or a bad request.
 * Status codes count only as HTTP statuses (`503 Service Unavailable`, `status: 503`), never as bare
 * numbers: BuildKit's log is full of timestamps such as `0.401` and digests.
 */
const REFUSED = /\b401 Unauthorized|\b403 Forbidden|(?:status|code)[: ]+40[13]\b|unauthorized|denied|forbidden|authentication required/i;
const TRANSIENT =
  /\b50[0234] (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)|\b429 Too Many Requests|(?:status|code)[: ]+(?:50[0234]|429)\b|timeout|timed out|connection reset|connection refused|\bEOF\b|TLS handshake|no such host|temporarily unavailable|too many requests/i;

export function isTransient(output: string): boolean {
  return !REFUSED.test(output) && TRANSIENT.test(output);
}
