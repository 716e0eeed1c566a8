// The split release (mode: plan -> mode: build legs -> mode: merge) as separate jobs: every run of the
// bundled action is a process of its own, with its own RUNNER_TEMP, runner files (GITHUB_OUTPUT,
// GITHUB_STATE, GITHUB_STEP_SUMMARY, ...), HOME and DOCKER_CONFIG, and its post step right after it (as a
// one-step job ends). Node built-ins only, on top of support/action.ts; putLegRecord writes a leg record
// by hand (with the action's own record format, src/pipeline/leg-record.ts) for the merge's refusals.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {cleanupRuns, runAction, runPost, type RunResult} from './action.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER} from './registry.js';
import {EMPTY_DESCRIPTOR, recordBytes, type LegRecord} from '../../src/pipeline/leg-record.js';

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
  /** More of the runner's environment (e.g. the OIDC token request of `permissions: id-token: write`). */
  env?: Record<string, string>;
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
      RUNNER_NAME: `e2e-split-${runId}`,
      ...spec.env
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

/** PUT one request with a body to the test registry (basic auth); absolute `url` or a /v2/ path. */
function registryWrite(method: string, url: string, body: Uint8Array, contentType: string): Promise<{status: number; location?: string; body: string}> {
  const target = url.startsWith('http') ? url : `http://${REGISTRY}${url}`;
  return new Promise((resolve, reject) => {
    const req = http.request(target, {method, timeout: 15_000, headers: {authorization: `Basic ${Buffer.from(`${REGISTRY_USER}:${REGISTRY_PASSWORD}`).toString('base64')}`, 'content-type': contentType, 'content-length': String(body.length)}}, res => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({status: res.statusCode ?? 0, location: res.headers.location, body: Buffer.concat(chunks).toString('utf8')}));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${target}: no answer`)));
    req.on('error', reject);
    req.end(body);
  });
}

async function putBlob(repo: string, digest: string, bytes: Uint8Array): Promise<void> {
  const start = await registryWrite('POST', `/v2/${repo}/blobs/uploads/`, new Uint8Array(), 'application/octet-stream');
  if (start.status !== 202 || !start.location) throw new Error(`POST /v2/${repo}/blobs/uploads/: HTTP ${start.status} ${start.body}`);
  const loc = start.location.startsWith('http') ? start.location : `http://${REGISTRY}${start.location}`;
  const put = await registryWrite('PUT', `${loc}${loc.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`, bytes, 'application/octet-stream');
  if (put.status !== 201) throw new Error(`PUT blob ${digest} to ${repo}: HTTP ${put.status} ${put.body}`);
}

/** Writes a leg record (as a leg does: config blob, empty layer, manifest under `tag`); returns the record manifest's digest. */
export async function putLegRecord(repo: string, tag: string, record: LegRecord): Promise<string> {
  const bytes = recordBytes(record);
  await putBlob(repo, bytes.config.digest, bytes.config.bytes);
  await putBlob(repo, EMPTY_DESCRIPTOR.digest, Buffer.from(EMPTY_DESCRIPTOR.data, 'base64'));
  const put = await registryWrite('PUT', `/v2/${repo}/manifests/${tag}`, bytes.manifest.bytes, bytes.manifest.mediaType);
  if (put.status !== 201) throw new Error(`PUT manifest ${repo}:${tag}: HTTP ${put.status} ${put.body}`);
  return bytes.manifest.digest;
}
