/**
 * The GitHub Actions runner protocol: inputs, outputs, state, log commands and the job summary.
 *
 * Why not @actions/core: since v2 it is ESM-only and pulls @actions/http-client and undici into every
 * bundle (about 1 MB, ~40 ms of a cold start measured on the benchmark machine), for OIDC tokens this
 * action never asks for. The protocol itself is small and documented (workflow commands and
 * environment files), so it lives here, in one place, and every other module goes through it.
 */
import {appendFileSync, writeSync} from 'node:fs';
import {EOL} from 'node:os';

export type Env = Record<string, string | undefined>;

/** The environment variable the runner sets for an input (`dry-run` -> `INPUT_DRY-RUN`). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** The raw value of an input, or undefined when the runner did not set it at all. */
export function rawInput(name: string, env: Env = process.env): string | undefined {
  return env[inputVariable(name)];
}

const secrets = new Set<string>();

/** Registers a value that must never reach the log (also tells the runner to mask it). */
export function setSecret(value: string): void {
  if (!value) return;
  secrets.add(value);
  issue('add-mask', value);
}

/**
 * Replaces every registered secret in a text: a second line of defence behind the runner's own masking.
 * Longest first: a secret that contains another (a password and its prefix) must not leave its rest behind.
 */
export function redact(text: string): string {
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
  return out;
}

/**
 * Writes to the log (stdout); tests replace `output.write`. Straight to file descriptor 1: `process.stdout` builds a stream (net, pipes)
 * on first use, a few milliseconds of a cold start that prints a dozen lines. A pipe that is full (EAGAIN)
 * hands the rest to process.stdout, which buffers.
 */
let streamed = false; // once stdout went through the stream, it always does: lines stay in order
export const output = {
  write(text: string): void {
    if (streamed) {
      process.stdout.write(text);
      return;
    }
    let buf = Buffer.from(text, 'utf8');
    try {
      while (buf.length > 0) buf = buf.subarray(writeSync(1, buf));
    } catch {
      streamed = true;
      process.stdout.write(buf);
    }
  }
};
const write = (text: string): void => output.write(text);

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
}

function issue(command: string, message: string, props: Record<string, string | number | undefined> = {}): void {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  write(`::${command}${p ? ` ${p}` : ''}::${escapeData(command === 'add-mask' ? message : redact(message))}${EOL}`);
}

export function info(message: string): void {
  write(redact(message) + EOL);
}

export function debug(message: string): void {
  issue('debug', message);
}

export function warning(message: string, props: AnnotationProperties = {}): void {
  issue('warning', message, {...props});
}

export function error(message: string, props: AnnotationProperties = {}): void {
  issue('error', message, {...props});
}

export function notice(message: string, props: AnnotationProperties = {}): void {
  issue('notice', message, {...props});
}

export function startGroup(name: string): void {
  issue('group', name);
}

export function endGroup(): void {
  issue('endgroup', '');
}

/** Runs fn inside a collapsed log group; the group closes when fn returns or its promise settles. */
export function group<T>(name: string, fn: () => T): T {
  startGroup(name);
  let result: T;
  try {
    result = fn();
  } catch (e) {
    endGroup();
    throw e;
  }
  if (result instanceof Promise) return result.finally(endGroup) as T;
  endGroup();
  return result;
}

/** Appends `name<<delimiter` records to one of the runner's environment files (GITHUB_OUTPUT, ...). */
function appendFileCommand(variable: string, name: string, value: string, env: Env): boolean {
  const file = env[variable];
  if (!file) return false;
  // unique enough with the check below; node:crypto would cost a cold start ~5 ms for it
  const delimiter = `ghadelimiter_${Date.now().toString(36)}${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`Unexpected delimiter in ${name}`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
  return true;
}

export function setOutput(name: string, value: string, env: Env = process.env): void {
  if (!appendFileCommand('GITHUB_OUTPUT', name, value, env)) {
    write(EOL);
    issue('set-output', value, {name});
  }
}

export function saveState(name: string, value: string, env: Env = process.env): void {
  if (!appendFileCommand('GITHUB_STATE', name, value, env)) issue('save-state', value, {name});
}

export function getState(name: string, env: Env = process.env): string {
  return env[`STATE_${name}`] ?? '';
}

export function exportVariable(name: string, value: string, env: Env = process.env): void {
  process.env[name] = value;
  if (!appendFileCommand('GITHUB_ENV', name, value, env)) issue('set-env', value, {name});
}

/** Adds markdown to the job summary; a no-op outside the runner (no GITHUB_STEP_SUMMARY). */
export function appendSummary(markdown: string, env: Env = process.env): void {
  const file = env['GITHUB_STEP_SUMMARY'];
  if (file) appendFileSync(file, redact(markdown), 'utf8');
}

export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

export function isDebug(env: Env = process.env): boolean {
  return env['RUNNER_DEBUG'] === '1';
}
