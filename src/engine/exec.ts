/**
 * The one way this action runs a program: an argument array (never a shell string), output captured,
 * every line shown to the log through the redacting runner, secrets passed on stdin only.
 */
import * as runner from '../action/runner.js';
import {cancellation} from './cancel.js';

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

/** A command line for the log: arguments quoted when needed, secrets redacted. */
export function describe(cmd: string, args: string[]): string {
  // quoted as the original needs, redacted before the quotes are escaped (pa'ss would become pa'\''ss)
  return [cmd, ...args].map(a => (/^[\w@%+=:,./-]+$/.test(a) ? runner.redact(a) : `'${runner.redact(a).replace(/'/g, `'\\''`)}'`)).join(' ');
}

export async function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const {getExecOutput} = await import('@actions/exec');
  const env = Object.fromEntries(Object.entries({...process.env, ...opts.env}).filter((e): e is [string, string] => e[1] !== undefined));
  const onLine = (line: string) => {
    opts.onLine?.(line);
    if (opts.stream) runner.untrusted(line);
  };
  runner.untrusted(`[command] ${describe(cmd, args)}`);
  // none starts once the run is cancelled, and those running are then stopped (engine/cancel.ts)
  const done = cancellation.track();
  const out = await getExecOutput(cmd, args, {
    silent: true,
    ignoreReturnCode: true,
    env,
    cwd: opts.cwd,
    input: opts.input !== undefined ? Buffer.from(opts.input) : undefined,
    listeners: {stdline: onLine, errline: onLine}
  }).finally(done);
  const result = {code: out.exitCode, stdout: out.stdout, stderr: out.stderr};
  if (result.code !== 0 && !opts.allowFailure) throw new CommandError(describe(cmd, args), result);
  return result;
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
