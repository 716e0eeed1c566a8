// Runs the bundled action (dist/index.js) the way GitHub's runner does: a fresh environment with
// INPUT_* variables, file commands (GITHUB_OUTPUT, GITHUB_STATE, ...) in a temporary directory,
// and, for the post step, the saved state as STATE_* variables. Node built-ins only.
//
// The child is spawned asynchronously (never spawnSync): a stub GitHub API served from this same
// process (startGitHubApiStub) must keep answering while the action runs.
import {spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** Root of the repository (this file lives in <repo>/__tests__/support). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The bundled action: <repo>/dist/index.js, or $ACTION_ENTRY when set (e.g. to run the
 *  conformance tests against another bundle). */
export const defaultEntry = path.resolve(process.env.ACTION_ENTRY || path.join(repoRoot, 'dist', 'index.js'));
/** docker/metadata-action conformance data (cases, event fixtures, repo.json). */
export const metadataFixturesDir = path.join(repoRoot, '__tests__', 'fixtures', 'metadata-action');
export const eventFixturesDir = path.join(metadataFixturesDir, 'fixtures');

export interface RunOptions {
  /** Script to run; default <repo>/dist/index.js (or $ACTION_ENTRY). */
  entry?: string;
  /** Extra environment, applied after envFile and before inputs and state. GITHUB_OUTPUT,
   *  GITHUB_STATE, GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_PATH and RUNNER_TEMP always point at
   *  the harness's files, whatever envFile or env say (runnerFiles names others). */
  env?: Record<string, string>;
  /** Runner files at paths of the test's choosing instead of the harness's own (to make one unwritable,
   *  up front or while the step runs). The harness neither creates nor clears them, and reads back only
   *  what is a regular file when the step ends. runPost() does not pass them on. */
  runnerFiles?: Partial<Record<RunnerFile, string>>;
  /** Action inputs, passed as INPUT_<NAME> (upper-cased, spaces to `_`, dashes kept). */
  inputs?: Record<string, string>;
  /** A `KEY=VALUE` fixture file (e.g. fixtures/metadata-action/fixtures/event_push_master.env).
   *  A relative path is taken from the event fixtures folder when it is not found from the cwd;
   *  a relative GITHUB_EVENT_PATH inside it is resolved against the fixture's folder. */
  envFile?: string;
  /** Working directory of the child; default the run's temporary directory. */
  cwd?: string;
  /** Node binary; default process.execPath. */
  node?: string;
  /** Extra arguments after the entry script. */
  args?: string[];
  /** Saved state, passed as STATE_<name> (the name is kept as is, like the runner does). */
  state?: Record<string, string>;
  /** RUNNER_TEMP to use; default a fresh `runner-temp` folder in the run's temporary directory.
   *  runPost() passes the main run's, as the runner keeps RUNNER_TEMP for the whole job. */
  runnerTemp?: string;
  /** Kill the child (SIGKILL) and reject after this long; default 60 s. */
  timeoutMs?: number;
  /** Called with the child once it runs (to signal it as the runner does when a run is cancelled). */
  onSpawn?: (child: ChildProcess) => void;
}

export interface RunResult {
  /** Exit code (null when the child was killed by a signal). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr, interleaved in arrival order. */
  log: string;
  /** Parsed GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** Parsed GITHUB_STATE (what the post step receives as STATE_*). */
  state: Record<string, string>;
  /** Content of GITHUB_STEP_SUMMARY. */
  summary: string;
  /** Parsed GITHUB_ENV (variables exported to later steps). */
  exportedEnv: Record<string, string>;
  /** The run's temporary directory (file commands, RUNNER_TEMP); removed by cleanupRuns(). */
  tmp: string;
  runnerTemp: string;
  /** The environment the child got (for debugging). */
  env: Record<string, string>;
  /** The options the run was made with (runPost reuses them). */
  options: RunOptions;
}

const createdDirs = new Set<string>();

/** The runner's file commands. */
export type RunnerFile = 'GITHUB_OUTPUT' | 'GITHUB_STATE' | 'GITHUB_STEP_SUMMARY' | 'GITHUB_ENV' | 'GITHUB_PATH';

/** Parses a GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV file: `name=value` lines and
 *  `name<<DELIM` ... `DELIM` blocks. A name given twice keeps its last value. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n').map(l => (l.endsWith('\r') ? l.slice(0, -1) : l));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const body: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== delim) body.push(lines[i++]);
      if (i >= lines.length) throw new Error(`file command: no closing delimiter ${JSON.stringify(delim)} for ${name}`);
      out[name] = body.join('\n');
      continue;
    }
    const kv = /^([^=]+)=(.*)$/.exec(line);
    if (kv) out[kv[1]] = kv[2];
    else throw new Error(`file command: cannot parse line ${JSON.stringify(line)}`);
  }
  return out;
}

/** Reads a `KEY=VALUE` env fixture. Lines starting with `#` and blank lines are ignored; a relative
 *  GITHUB_EVENT_PATH is resolved against the fixture's folder (an empty one stays empty). */
export function parseEnvFile(file: string): Record<string, string> {
  const resolved = resolveEnvFile(file);
  const env: Record<string, string> = {};
  for (const raw of fs.readFileSync(resolved, 'utf8').split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath && !path.isAbsolute(eventPath)) env.GITHUB_EVENT_PATH = path.resolve(path.dirname(resolved), eventPath);
  return env;
}

function resolveEnvFile(file: string): string {
  if (path.isAbsolute(file) || fs.existsSync(file)) return path.resolve(file);
  const inFixtures = path.join(eventFixturesDir, file);
  if (fs.existsSync(inFixtures)) return inFixtures;
  throw new Error(`env fixture not found: ${file}`);
}

/** INPUT_<NAME> as the runner spells it: upper-cased, spaces to `_`, dashes kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Runs the action once, like a workflow step. Never throws for a failing step: look at `code`.
 *  Rejects when the entry is missing, the child cannot be started, or it runs past timeoutMs. */
export async function runAction(opts: RunOptions = {}): Promise<RunResult> {
  const entry = path.resolve(opts.entry ?? defaultEntry);
  if (!fs.existsSync(entry)) {
    throw new Error(`${entry} does not exist: run \`npm run build\` first to bundle the action`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'multiarch-publish-run-'));
  createdDirs.add(tmp);
  const own: Record<RunnerFile, string> = {
    GITHUB_OUTPUT: path.join(tmp, 'output'),
    GITHUB_STATE: path.join(tmp, 'state'),
    GITHUB_STEP_SUMMARY: path.join(tmp, 'summary'),
    GITHUB_ENV: path.join(tmp, 'env'),
    GITHUB_PATH: path.join(tmp, 'path')
  };
  for (const f of Object.values(own)) fs.writeFileSync(f, '');
  const files: Record<RunnerFile, string> = {...own, ...opts.runnerFiles};
  const runnerTemp = opts.runnerTemp ?? path.join(tmp, 'runner-temp');
  fs.mkdirSync(runnerTemp, {recursive: true});

  const env: Record<string, string> = {};
  if (process.env.PATH !== undefined) env.PATH = process.env.PATH;
  if (process.env.HOME !== undefined) env.HOME = process.env.HOME;
  if (opts.envFile) Object.assign(env, parseEnvFile(opts.envFile));
  Object.assign(env, opts.env ?? {});
  for (const [name, value] of Object.entries(opts.inputs ?? {})) env[inputEnvName(name)] = value;
  for (const [name, value] of Object.entries(opts.state ?? {})) env[`STATE_${name}`] = value;
  // The file commands belong to the harness: fixtures name the real runner's paths.
  Object.assign(env, files, {RUNNER_TEMP: runnerTemp});

  const node = opts.node ?? process.execPath;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const child = spawn(node, [entry, ...(opts.args ?? [])], {env, cwd: opts.cwd ?? tmp, stdio: ['ignore', 'pipe', 'pipe']});
  opts.onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  let log = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    stdout += d;
    log += d;
  });
  child.stderr.on('data', (d: string) => {
    stderr += d;
    log += d;
  });
  const {code, signal} = await new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path.basename(entry)} did not finish within ${timeoutMs} ms; log so far:\n${log}`));
    }, timeoutMs);
    child.on('error', err => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (c, s) => {
      clearTimeout(timer);
      resolve({code: c, signal: s});
    });
  });

  // a runner file the test made unwritable may be a directory, or gone with its parent
  const read = (f: string): string => (fs.statSync(f, {throwIfNoEntry: false})?.isFile() ? fs.readFileSync(f, 'utf8') : '');
  const parse = (name: keyof typeof files): Record<string, string> => {
    try {
      return parseOutputs(read(files[name]));
    } catch (err) {
      throw new Error(`${name}: ${(err as Error).message} (exit ${code}); log:\n${log}`);
    }
  };
  return {
    code,
    signal,
    stdout,
    stderr,
    log,
    outputs: parse('GITHUB_OUTPUT'),
    state: parse('GITHUB_STATE'),
    summary: read(files.GITHUB_STEP_SUMMARY),
    exportedEnv: parse('GITHUB_ENV'),
    tmp,
    runnerTemp,
    env,
    options: opts
  };
}

/** Runs the post step of a main run: same entry, environment and inputs, the main run's saved
 *  state as STATE_*, the same RUNNER_TEMP, fresh file-command files. `opts` adds or overrides. */
export async function runPost(main: RunResult, opts: RunOptions = {}): Promise<RunResult> {
  const base = main.options;
  return runAction({
    ...base,
    runnerFiles: undefined,
    ...opts,
    env: {...base.env, ...opts.env},
    inputs: {...base.inputs, ...opts.inputs},
    state: {...main.state, ...opts.state},
    runnerTemp: opts.runnerTemp ?? main.runnerTemp
  });
}

/** Removes the temporary directories of the given runs, or of every run so far when none given. */
export function cleanupRuns(...runs: RunResult[]): void {
  const dirs = runs.length ? runs.map(r => r.tmp) : [...createdDirs];
  for (const dir of dirs) {
    fs.rmSync(dir, {recursive: true, force: true});
    createdDirs.delete(dir);
  }
}

export interface ApiCall {
  method: string;
  /** Path with query string, e.g. /repos/docker/repo */
  path: string;
  /** The Authorization header as sent, or undefined. */
  authorization?: string;
}

export interface GitHubApiStub {
  /** Base URL for GITHUB_API_URL, e.g. http://127.0.0.1:40123 */
  url: string;
  /** One entry per request, `METHOD /path` followed by ` [auth]` when an Authorization header
   *  was sent (the header's value is in `calls`, never in these strings). */
  requests: string[];
  /** The same requests, with the Authorization header's value. */
  calls: ApiCall[];
  close(): Promise<void>;
}

/** A stand-in for the GitHub REST API on 127.0.0.1 (random port): GET /repos/:owner/:repo answers
 *  `repoJson` (default fixtures/metadata-action/fixtures/repo.json), anything else 404. */
export async function startGitHubApiStub(repoJson?: object): Promise<GitHubApiStub> {
  const body = repoJson !== undefined ? JSON.stringify(repoJson) : fs.readFileSync(path.join(eventFixturesDir, 'repo.json'), 'utf8');
  const requests: string[] = [];
  const calls: ApiCall[] = [];
  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const authorization = req.headers.authorization;
    calls.push({method, path: url, authorization});
    requests.push(`${method} ${url}${authorization ? ' [auth]' : ''}`);
    req.resume();
    const pathname = url.split('?')[0];
    if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/?$/.test(pathname)) {
      res.writeHead(200, {'content-type': 'application/json; charset=utf-8'});
      res.end(body);
    } else {
      res.writeHead(404, {'content-type': 'application/json; charset=utf-8'});
      res.end('{"message":"Not Found"}');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    calls,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
