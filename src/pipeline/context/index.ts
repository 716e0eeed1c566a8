/**
 * The GitHub context, from the runner's environment and event payload (`workflow`), or from the local
 * git checkout (`git`, for the CLI), as one Context type.
 */
import {readFileSync, existsSync} from 'node:fs';
import {basename} from 'node:path';
import type {Env} from '../../action/runner.js';

export interface Context {
  source: 'workflow' | 'git';
  eventName: string;
  ref: string;
  sha: string;
  shortSha: string;
  payload: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  owner: string;
  repo: string;
  actor: string;
  serverUrl: string;
  apiUrl: string;
  /** The default branch as the payload (or git) knows it; the repository API may say otherwise. */
  defaultBranch: string;
  /** The build's clock: SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
  now: Date;
  /** The commit's date when the payload, git or SOURCE_DATE_EPOCH tell it; else resolved later (API). */
  commitDate?: Date;
  /** True when SOURCE_DATE_EPOCH fixed the dates. */
  sourceDateEpoch: boolean;
}

const DEFAULT_SHORT_SHA_LENGTH = 7;

export function shortSha(sha: string, env: Env): string {
  let length = DEFAULT_SHORT_SHA_LENGTH;
  const fromEnv = env['DOCKER_METADATA_SHORT_SHA_LENGTH'];
  if (fromEnv) {
    if (isNaN(Number(fromEnv))) throw new Error(`DOCKER_METADATA_SHORT_SHA_LENGTH is not a valid number: ${fromEnv}`);
    // a whole number of at least 1 (above the SHA's length it means the whole SHA, as in metadata-action)
    if (!/^\s*\d+\s*$/.test(fromEnv) || Number(fromEnv) < 1) throw new Error(`DOCKER_METADATA_SHORT_SHA_LENGTH must be a whole number from 1 to 40, not ${fromEnv}`);
    length = Number(fromEnv);
  }
  return length >= sha.length ? sha : sha.substring(0, length);
}

/** SOURCE_DATE_EPOCH (seconds since the epoch), or undefined when unset; invalid values are an error. */
export function sourceDateEpoch(env: Env): Date | undefined {
  const v = env['SOURCE_DATE_EPOCH'];
  if (v === undefined || v === '') return undefined;
  if (!/^\d+$/.test(v)) throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${v}"`);
  const date = new Date(Number(v) * 1000);
  if (isNaN(date.getTime())) throw new Error(`SOURCE_DATE_EPOCH is out of the range of dates, not "${v}"`);
  return date;
}

/** The commit date the payload carries for `sha` (push: commits[], head_commit). */
function payloadCommitDate(payload: Record<string, any>, sha: string): Date | undefined { // eslint-disable-line @typescript-eslint/no-explicit-any
  const fromCommits = (payload.commits as {id: string; timestamp: string}[] | undefined)?.find(c => c.id === sha)?.timestamp;
  if (fromCommits) return new Date(fromCommits);
  if (payload.head_commit?.id === sha && payload.head_commit.timestamp) return new Date(payload.head_commit.timestamp);
  return undefined;
}

function splitRepository(repository: string): {owner: string; repo: string} {
  const [owner = '', repo = ''] = repository.split('/');
  return {owner, repo};
}

/**
 * The pull request's number from the event payload (`number`, else `pull_request.number`). Without one
 * there is no PR ref to make tags of: `pr-undefined` (what metadata-action makes) or the base branch's
 * own tags (on a run that builds a fork's code) would both be wrong, so it is an error.
 */
function pullRequestNumber(payload: Record<string, any>, eventName: string): number { // eslint-disable-line @typescript-eslint/no-explicit-any
  const n: unknown = payload.number ?? payload.pull_request?.number;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) return n;
  if (typeof n === 'string' && /^[1-9]\d{0,15}$/.test(n)) return Number(n);
  throw new Error(`the ${eventName} event's payload (GITHUB_EVENT_PATH) has no pull request number, so there is no pull request ref to make tags of`);
}

/** The context of a workflow run, as @actions/github reads it, with metadata-action's adjustments. */
export function workflowContext(env: Env, readFile: (p: string) => string = p => readFileSync(p, 'utf8'), clock: () => Date = () => new Date()): Context {
  let payload: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any
  const eventPath = env['GITHUB_EVENT_PATH'];
  if (eventPath) {
    try {
      const parsed: unknown = JSON.parse(readFile(eventPath));
      // an event payload is an object; anything else (`null`, a number) would break every lookup below
      payload = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, any>) : {}; // eslint-disable-line @typescript-eslint/no-explicit-any
    } catch {
      payload = {};
    }
  }
  const eventName = env['GITHUB_EVENT_NAME'] ?? '';
  let ref = env['GITHUB_REF'] ?? '';
  let sha = env['GITHUB_SHA'] ?? '';
  // pull_request_target runs on the base branch; the PR's own ref is what tags are made of
  if (/pull_request_target/.test(eventName)) ref = `refs/pull/${pullRequestNumber(payload, eventName)}/merge`;
  if (/true/i.test(env['DOCKER_METADATA_PR_HEAD_SHA'] ?? '') && /pull_request/.test(eventName) && payload.pull_request?.head?.sha != undefined) {
    sha = payload.pull_request.head.sha;
  }
  const repository = env['GITHUB_REPOSITORY'] || payload.repository?.full_name || '';
  const {owner, repo} = splitRepository(repository);
  const epoch = sourceDateEpoch(env);
  return {
    source: 'workflow',
    eventName,
    ref,
    sha,
    shortSha: shortSha(sha, env),
    payload,
    owner: env['GITHUB_REPOSITORY_OWNER'] || owner,
    repo,
    actor: env['GITHUB_ACTOR'] ?? '',
    serverUrl: (env['GITHUB_SERVER_URL'] || 'https://github.com').replace(/\/$/, ''),
    apiUrl: (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/$/, ''),
    defaultBranch: payload.repository?.default_branch ?? '',
    now: epoch ?? clock(),
    // SOURCE_DATE_EPOCH is, by its definition, the date of the source: the commit
    commitDate: epoch ?? payloadCommitDate(payload, sha),
    sourceDateEpoch: epoch !== undefined
  };
}

function git(cwd: string, args: string[]): string | undefined {
  // child_process only for the CLI: loading it costs a workflow run's cold start ~3 ms for nothing
  const {execFileSync} = process.getBuiltinModule('node:child_process') as typeof import('node:child_process');
  try {
    return execFileSync('git', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim();
  } catch {
    return undefined;
  }
}

/** `owner/repo` from a remote URL (https, ssh or scp-like), when it looks like one. */
export function repositoryFromRemote(url: string): {owner: string; repo: string} | undefined {
  const m = /[:/]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
  return m && /^(https?|ssh|git):\/\/|^[^/]+@[^:]+:/.test(url) ? {owner: m[1], repo: m[2]} : undefined;
}

/**
 * The context of a local checkout (like metadata-action's `context: git`): the branch or the tag at HEAD,
 * the commit and its date from git; the repository from the `origin` remote, else the folder's name.
 */
export function gitContext(cwd: string, env: Env = process.env, clock: () => Date = () => new Date()): Context {
  if (!existsSync(cwd) || git(cwd, ['rev-parse', '--is-inside-work-tree']) !== 'true') {
    throw new Error(`${cwd} is not a git checkout: the local plan reads the branch, tag and commit from git`);
  }
  const sha = git(cwd, ['rev-parse', 'HEAD']) ?? '';
  const tag = sha ? git(cwd, ['describe', '--tags', '--exact-match', 'HEAD']) : undefined;
  const branch = git(cwd, ['symbolic-ref', '--short', '-q', 'HEAD']);
  const ref = tag ? `refs/tags/${tag}` : branch ? `refs/heads/${branch}` : '';
  const remote = git(cwd, ['remote', 'get-url', 'origin']);
  const top = git(cwd, ['rev-parse', '--show-toplevel']) ?? cwd;
  const {owner, repo} = (remote && repositoryFromRemote(remote)) || {owner: env['USER'] || 'local', repo: basename(top)};
  const originHead = git(cwd, ['symbolic-ref', '--short', '-q', 'refs/remotes/origin/HEAD'])?.replace(/^origin\//, '');
  const defaultBranch = originHead || git(cwd, ['config', 'init.defaultBranch']) || 'main';
  const committed = sha ? git(cwd, ['log', '-1', '--format=%cI', 'HEAD']) : undefined;
  const epoch = sourceDateEpoch(env);
  return {
    source: 'git',
    eventName: tag || branch ? 'push' : '',
    ref,
    sha,
    shortSha: shortSha(sha, env),
    payload: {repository: {default_branch: defaultBranch}},
    owner,
    repo,
    actor: env['USER'] ?? '',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    defaultBranch,
    now: epoch ?? clock(),
    commitDate: epoch ?? (committed ? new Date(committed) : undefined),
    sourceDateEpoch: epoch !== undefined
  };
}
