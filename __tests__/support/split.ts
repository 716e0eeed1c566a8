// The split release (mode: plan -> mode: build legs -> mode: merge) as separate jobs: every run of the
// bundled action is a process of its own, with its own RUNNER_TEMP, runner files (GITHUB_OUTPUT,
// GITHUB_STATE, GITHUB_STEP_SUMMARY, ...), HOME and DOCKER_CONFIG, and its post step right after it (as a
// one-step job ends). Node built-ins only, on top of support/action.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {cleanupRuns, runAction, runPost, type RunResult} from './action.js';

export interface JobSpec {
  /** The checkout's commit (GITHUB_SHA and the push event's `after`). */
  sha: string;
  /** Working directory (the checkout); also GITHUB_WORKSPACE. */
  workspace: string;
  /** GITHUB_API_URL (a stub from startGitHubApiStub). */
  apiUrl: string;
  /** owner/name */
  repository: string;
  inputs: Record<string, string>;
  /** GITHUB_RUN_ID; default a fresh one per job. */
  runId?: string;
  timeoutMs?: number;
}

export interface JobResult {
  main: RunResult;
  post: RunResult;
  /** The ::error:: lines of the main step, decoded (%0A -> line break, as the runner shows them). */
  errors: string[];
}

const made: string[] = [];
let runs = 0;

function freshDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Decodes the data of a workflow command as the runner does. */
export function decodeCommandData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** The ::error:: messages of a step's stdout, decoded. */
export function errorsOf(run: RunResult): string[] {
  return run.stdout
    .split('\n')
    .map(l => /^::error(?: [^:]*)?::(.*)$/.exec(l.trimStart())?.[1])
    .filter((d): d is string => d !== undefined)
    .map(decodeCommandData);
}

/** One job of one step: the action's main step in a fresh environment, then its post step. */
export async function job(spec: JobSpec): Promise<JobResult> {
  const home = freshDir('mp-e2e-split-home-');
  const dockerConfig = path.join(home, '.docker');
  fs.mkdirSync(dockerConfig);
  const event = path.join(freshDir('mp-e2e-split-event-'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', after: spec.sha, repository: {default_branch: 'main', full_name: spec.repository}}));
  const runId = spec.runId ?? String(9_100_000_000 + process.pid * 100 + ++runs);
  const main = await runAction({
    cwd: spec.workspace,
    timeoutMs: spec.timeoutMs ?? 240_000,
    env: {
      HOME: home,
      DOCKER_CONFIG: dockerConfig,
      PATH: process.env.PATH ?? '',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: spec.sha,
      GITHUB_REPOSITORY: spec.repository,
      GITHUB_ACTOR: 'bot',
      GITHUB_RUN_ID: runId,
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKSPACE: spec.workspace,
      GITHUB_API_URL: spec.apiUrl,
      RUNNER_NAME: `e2e-split-${runId}`
    },
    inputs: spec.inputs
  });
  const post = await runPost(main, {timeoutMs: 120_000});
  return {main, post, errors: errorsOf(main)};
}

/** Removes the jobs' temporary directories (runner files, RUNNER_TEMP, HOME). */
export function cleanupJobs(jobs: JobResult[]): void {
  cleanupRuns(...jobs.flatMap(j => [j.main, j.post]));
  for (const dir of made.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
}
