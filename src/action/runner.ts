/**
 * The runner's side of every module, on @actions/core: inputs, outputs, state, log commands, masking and
 * the job summary. Two things stay on top of core: `redact`, a second line of defence that takes every
 * registered secret out of whatever is logged or summarised, and the `env` parameters, so that the CLI's
 * copy of the environment and the tests can say where the runner's files are.
 */
import * as core from './toolkit.js';
import {appendFileSync, existsSync, statSync, writeFileSync} from 'node:fs';
import {randomBytes} from 'node:crypto';
import {EOL} from 'node:os';
import {commandRegion} from '../report/escape.js';

export type Env = Record<string, string | undefined>;

/** The environment variable the runner sets for an input (`dry-run` -> `INPUT_DRY-RUN`), as core.getInput reads it. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * The raw value of an input, or undefined when the runner did not set it at all. Read from `env` rather than
 * through core.getInput: that answers '' for an unset input, and metadata-action's defaults tell the two apart.
 */
export function rawInput(name: string, env: Env = process.env): string | undefined {
  return env[inputVariable(name)];
}

/**
 * core reads the runner's variables (GITHUB_OUTPUT, STATE_x, ...) from process.env. When a caller hands
 * another environment, its values are lent to process.env for the synchronous call, then put back.
 */
function lend<T>(env: Env, names: string[], fn: () => T): T {
  if (env === process.env) return fn();
  const saved = names.map(n => [n, process.env[n]] as const);
  const put = (n: string, v: string | undefined) => {
    if (v === undefined) delete process.env[n];
    else process.env[n] = v;
  };
  for (const n of names) put(n, env[n]);
  try {
    return fn();
  } finally {
    for (const [n, v] of saved) put(n, v);
  }
}

/** core refuses a file command whose file is missing; the runner always creates them, a caller's env may not have. */
function fileVariable(variable: string, env: Env): boolean {
  const file = env[variable];
  if (!file) return false;
  if (!existsSync(file)) writeFileSync(file, '', {flag: 'a'});
  return true;
}

/**
 * Everything this module writes to the log passes through `output.write`: the CLI replaces it to render
 * workflow commands for a terminal, tests to read the log. core writes to process.stdout itself, so each
 * call into core borrows process.stdout.write for its (synchronous) duration and hands the text here.
 */
let stdoutWrite: typeof process.stdout.write | undefined; // the real one while a core call borrows it
export const output = {
  write(text: string): void {
    (stdoutWrite ?? process.stdout.write).call(process.stdout, text);
  }
};

function logged<T>(fn: () => T): T {
  if (stdoutWrite) return fn(); // already inside a core call (setFailed -> error)
  const stdout = process.stdout;
  stdoutWrite = stdout.write;
  stdout.write = ((chunk: string | Uint8Array) => {
    output.write(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof stdout.write;
  try {
    return fn();
  } finally {
    stdout.write = stdoutWrite;
    stdoutWrite = undefined;
  }
}

const secrets = new Set<string>();

/** Registers a value that must never reach the log (core tells the runner to mask it). */
export function setSecret(value: string): void {
  if (!value) return;
  secrets.add(value);
  logged(() => core.setSecret(value));
}

/**
 * The workflow's OIDC token for `audience` (keyless signing: `sigstore`), asked of the runner's token
 * service (core.getIDToken: ACTIONS_ID_TOKEN_REQUEST_URL with the bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN),
 * masked before it is handed on. Needs `permissions: id-token: write`.
 */
/** Whether the runner offers this step an OIDC token: it sets the request's URL and token only for a job with `permissions: id-token: write`. */
export function idTokenOffered(env: Env = process.env): boolean {
  return !!env['ACTIONS_ID_TOKEN_REQUEST_URL'] && !!env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
}

export async function idToken(audience: string): Promise<string> {
  const token = await core.idToken(audience);
  setSecret(token);
  return token;
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

export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
}

function annotation(props: AnnotationProperties): core.AnnotationProperties {
  return {
    ...(props.title && {title: redact(props.title)}),
    ...(props.file && {file: props.file}),
    ...(props.line !== undefined && {startLine: props.line})
  };
}

export function info(message: string): void {
  logged(() => core.info(redact(message)));
}

/**
 * A fresh token for a stop-commands region: 128 random bits as letters a-p (so that the CLI's terminal
 * log reads `::<token>::` as a command line to drop), never derived from the text it encloses.
 */
export function regionToken(): string {
  return [...randomBytes(16)].map(b => String.fromCharCode(97 + (b >> 4), 97 + (b & 15))).join('');
}

/**
 * Output of docker, buildx or BuildKit (streamed lines, a failed step's log, excerpts of it), and any other
 * text the action did not write itself: printed inside a stop-commands region (report/escape.ts
 * commandRegion), in one write so that no other line of the log can fall inside it. Redacted first.
 */
export function untrusted(text: string): void {
  const clean = redact(text);
  let token = regionToken();
  while (clean.includes(token)) token = regionToken();
  logged(() => process.stdout.write(commandRegion(clean, token).replace(/\n/g, EOL)));
}

export function debug(message: string): void {
  logged(() => core.debug(redact(message)));
}

export function warning(message: string, props: AnnotationProperties = {}): void {
  logged(() => core.warning(redact(message), annotation(props)));
}

export function error(message: string, props: AnnotationProperties = {}): void {
  logged(() => core.error(redact(message), annotation(props)));
}

export function notice(message: string, props: AnnotationProperties = {}): void {
  logged(() => core.notice(redact(message), annotation(props)));
}

export function startGroup(name: string): void {
  logged(() => core.startGroup(redact(name)));
}

export function endGroup(): void {
  logged(() => core.endGroup());
}

/**
 * Runs fn inside a collapsed log group; the group closes when fn returns or its promise settles.
 * Not core.group: that one is async only, and some callers group synchronous work.
 */
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

export function setOutput(name: string, value: string, env: Env = process.env): void {
  fileVariable('GITHUB_OUTPUT', env);
  logged(() => lend(env, ['GITHUB_OUTPUT'], () => core.setOutput(name, value)));
}

export function saveState(name: string, value: string, env: Env = process.env): void {
  fileVariable('GITHUB_STATE', env);
  logged(() => lend(env, ['GITHUB_STATE'], () => core.saveState(name, value)));
}

export function getState(name: string, env: Env = process.env): string {
  return lend(env, [`STATE_${name}`], () => core.getState(name));
}

/** What process.env held before this step exported a variable into it: the programs it runs do not get the export. */
const beforeExport = new Map<string, string | undefined>();

/**
 * The environment of a program this action runs: the user's (every variable of the step, secrets the
 * user passes included), minus what the action exported itself (`DOCKER_METADATA_OUTPUT_*`, large with
 * many images: over 128 KiB one variable makes every spawn fail with E2BIG).
 */
export function childEnvironment(): Env {
  const out: Env = {...process.env};
  for (const [name, value] of beforeExport) out[name] = value;
  // the signing key and its password reach cosign as a file and COSIGN_PASSWORD (engine/sign.ts), no program as inputs
  for (const name of CHILDLESS_INPUTS) delete out[name];
  return out;
}

/** Input variables no program the action runs is given. */
const CHILDLESS_INPUTS = ['INPUT_COSIGN-KEY', 'INPUT_COSIGN-PASSWORD'];

/** Exports a variable to later steps and sets it for this process too. */
export function exportVariable(name: string, value: string, env: Env = process.env): void {
  if (!beforeExport.has(name)) beforeExport.set(name, process.env[name]);
  fileVariable('GITHUB_ENV', env);
  logged(() => lend(env, ['GITHUB_ENV'], () => core.exportVariable(name, value)));
}

/** Puts a directory first on PATH, for this process (and the programs it starts) and the job's later steps. */
export function addPath(dir: string, env: Env = process.env): void {
  fileVariable('GITHUB_PATH', env);
  logged(() => lend(env, ['GITHUB_PATH'], () => core.addPath(dir)));
}

/** The runner's files and what the step loses without them. */
const RUNNER_FILES: Record<string, string> = {
  GITHUB_STATE: 'the post step could not clean up (logins, builder, secrets)',
  GITHUB_OUTPUT: "the step's outputs would be lost",
  GITHUB_ENV: 'the DOCKER_METADATA_OUTPUT_* variables would be lost',
  GITHUB_STEP_SUMMARY: 'the job summary would be lost (set `summary: false` to run without one)'
};

/**
 * Checks up front, before any login or build, that the runner's files this step writes can be written
 * (appending nothing): a read-only or missing directory is one clear error naming the variable, not a
 * stack trace half-way through a release. Returns the errors.
 */
export function unwritableRunnerFiles(names: string[], env: Env = process.env): string[] {
  const errors: string[] = [];
  for (const name of names) {
    const file = env[name];
    if (!file) continue;
    try {
      if (existsSync(file) && statSync(file).isDirectory()) throw Object.assign(new Error('a directory'), {code: 'EISDIR'});
      appendFileSync(file, '');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
      errors.push(`${name} (${file}) cannot be written (${code}): ${RUNNER_FILES[name] ?? 'the step needs it'}.`);
    }
  }
  return errors;
}

/** One write after another, in call order: core.summary writes asynchronously. */
let summaryWrites: Promise<void> = Promise.resolve();

/**
 * Adds markdown to the job summary through core.summary; a no-op outside the runner (no GITHUB_STEP_SUMMARY).
 * Returns when this and every earlier part is written (it never rejects: a summary that cannot be written is a
 * warning, not a failed step); callers need not wait, the process does not exit before the write ends.
 */
export function appendSummary(markdown: string, env: Env = process.env): Promise<void> {
  if (!env['GITHUB_STEP_SUMMARY']) return summaryWrites;
  const text = redact(markdown);
  // A fresh view of core.summary per part: core caches the file's path on first use, and a caller's env may name another.
  const part = Object.create(core.summary) as typeof core.summary;
  summaryWrites = summaryWrites
    .then(() => lend(env, ['GITHUB_STEP_SUMMARY'], () => part.emptyBuffer().addRaw(text).write()))
    .then(
      () => undefined,
      (e: unknown) => warning(`Cannot write the job summary: ${e instanceof Error ? e.message : String(e)}`)
    );
  return summaryWrites;
}

/** Resolves when every part of the summary asked for so far is written. */
export function flushSummary(): Promise<void> {
  return summaryWrites;
}

export function setFailed(message: string): void {
  logged(() => core.setFailed(redact(message)));
}

export function isDebug(env: Env = process.env): boolean {
  return lend(env, ['RUNNER_DEBUG'], () => core.isDebug());
}
