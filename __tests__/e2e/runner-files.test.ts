// End to end: the runner's files (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY, GITHUB_ENV) on the real
// engine.
// - A job summary that cannot be written once the release is out (the file replaced by a directory, or its
//   directory removed, while the bake runs) is a warning: the tags in the registry point at the pushed
//   index, the outputs are written, the step succeeds.
// - A runner file that cannot be written from the start (a directory, or in a directory that does not
//   exist) fails the step naming the variable and the path, before any docker call: no builder of the
//   run's, nothing in the registry, no docker config of the action's, the user's config untouched.
import type {ChildProcess} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {runAction, runPost, startGitHubApiStub, repoRoot, cleanupRuns, type GitHubApiStub, type RunnerFile, type RunOptions, type RunResult} from '../support/action.js';
import {exec} from '../support/exec.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryRequest, tagDigests, tagList} from '../support/registry.js';
import {buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';

const gate = await prerequisites('e2e runner-files', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD})]);
const NONCE = randomBytes(4).toString('hex');
const REPO = `e2e-runner-files-${NONCE}/app`;
const SHA = 'd'.repeat(40);
const USER_DOCKER_CONFIG = JSON.stringify({auths: {}, 'x-e2e': NONCE}, null, '\t');
let stub: GitHubApiStub | undefined;
let workspace = '';
const temps: string[] = [];
const runs: RunResult[] = [];

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-runner-files-${name}-`));
  temps.push(dir);
  return dir;
}

beforeAll(async () => {
  if (!gate.ready) return;
  stub = await startGitHubApiStub();
  workspace = tempDir('ws');
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')]);
  fs.writeFileSync(
    path.join(workspace, 'Dockerfile'),
    ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', `RUN ["/bin/busybox", "sh", "-c", "echo ${NONCE} > /nonce"]`, ''].join('\n')
  );
}, 120_000);

afterAll(async () => {
  await stub?.close();
  try {
    for (const d of new Set(Object.values(await tagDigests(REPO)))) await registryRequest('DELETE', `/v2/${REPO}/manifests/${d}`);
  } catch {
    // the registry may not allow deletes: the nonce keeps runs apart
  }
  cleanupRuns(...runs);
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
});

/** A run id of this test's own: the action names its builder `multiarch-publish-<last 10 digits>-<pid>`. */
const runId = () => String(7_000_000_000 + Math.floor(Math.random() * 1e9));

async function run(extra: Partial<RunOptions> & {runId: string}): Promise<{r: RunResult; home: string}> {
  const home = tempDir('home');
  fs.mkdirSync(path.join(home, '.docker'));
  fs.writeFileSync(path.join(home, '.docker', 'config.json'), USER_DOCKER_CONFIG);
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', after: SHA, repository: {default_branch: 'main', full_name: 'acme/app'}, head_commit: {id: SHA}}));
  const r = await runAction({
    cwd: workspace,
    timeoutMs: 300_000,
    ...extra,
    env: {
      ...(process.env.DOCKER_HOST ? {DOCKER_HOST: process.env.DOCKER_HOST} : {}),
      HOME: home,
      PATH: process.env.PATH ?? '',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_REF_TYPE: 'branch',
      GITHUB_SHA: SHA,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_ACTOR: 'bot',
      GITHUB_RUN_ID: extra.runId,
      GITHUB_WORKSPACE: workspace,
      GITHUB_API_URL: stub!.url
    },
    inputs: {
      registry: REGISTRY,
      images: REPO,
      platforms: 'linux/amd64',
      tags: 'type=sha\ntype=raw,value=latest',
      'registry-auth': `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`,
      'github-token': 'e2e-token'
    }
  });
  runs.push(r);
  return {r, home};
}

async function buildersOf(id: string): Promise<string[]> {
  const ls = await exec('docker', ['buildx', 'ls', '--format', '{{.Name}}']);
  return ls.stdout.split('\n').filter(n => n.startsWith(`multiarch-publish-${id.slice(-10)}-`));
}

/** Calls `then` once the child's log shows the bake starting (the build is under way, the summary not yet written). */
function whenBakeStarts(then: () => void): (child: ChildProcess) => void {
  return child => {
    let seen = '';
    let done = false;
    child.stdout?.on('data', (d: string | Buffer) => {
      seen += String(d);
      if (!done && /\[command\] ?docker buildx bake /.test(seen)) {
        done = true;
        then();
      }
    });
  };
}

gate.describe('runner files', () => {
  test.each([
    ['replaced by a directory', (file: string) => {
      fs.rmSync(file);
      fs.mkdirSync(file);
    }],
    ['gone with its directory', (file: string) => fs.rmSync(path.dirname(file), {recursive: true, force: true})]
  ])('a job summary that cannot be written after the tags moved (%s) is a warning: the release is out', async (_, breakSummary) => {
    const dir = tempDir('summary');
    const summary = path.join(dir, 'step-summary');
    fs.writeFileSync(summary, '');
    const id = runId();
    let broken = false;
    const {r} = await run({
      runId: id,
      runnerFiles: {GITHUB_STEP_SUMMARY: summary},
      onSpawn: whenBakeStarts(() => {
        breakSummary(summary);
        broken = true;
      })
    });
    try {
      if (process.env.E2E_DEBUG) fs.writeFileSync(`/tmp/runner-files-${NONCE}.log`, r.log);
      expect(broken).toBe(true);
      expect(r.stdout).toMatch(/::warning::Cannot write the job summary: /);
      expect(r.stdout).not.toMatch(/::error/);
      expect(r.code).toBe(0);
      // published: every tag of the run points at the index the outputs name
      expect(r.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      const tags = r.outputs.tags.split('\n').map(t => t.slice(t.lastIndexOf(':') + 1));
      expect(tags.sort()).toEqual(['latest', `sha-${SHA.slice(0, 7)}`]);
      const inRegistry = await tagDigests(REPO);
      for (const t of tags) expect(inRegistry[t]).toBe(r.outputs.digest);
      expect(JSON.parse(r.outputs.images)[0].digest).toBe(r.outputs.digest);
      expect(r.summary).toBe('');
    } finally {
      const post = await runPost(r);
      expect(post.code).toBe(0);
      expect(await buildersOf(id)).toEqual([]);
    }
  }, 300_000);

  const FILES: RunnerFile[] = ['GITHUB_STATE', 'GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY'];
  test.each(FILES.flatMap(name => [
    [name, 'is a directory'] as const,
    [name, 'is in a directory that does not exist'] as const
  ]))('%s that %s fails the step before any login, builder or build', async (name, how) => {
    const dir = tempDir('unwritable');
    const file = how === 'is a directory' ? dir : path.join(dir, 'missing', 'file');
    const id = runId();
    const before = await tagList(REPO);
    const {r, home} = await run({runId: id, runnerFiles: {[name]: file}});
    if (process.env.E2E_DEBUG) fs.writeFileSync(`/tmp/runner-files-${name}-${NONCE}.log`, r.log);
    expect(r.code).toBe(1);
    // one clear error naming the variable and the path
    const errors = r.stdout.split('\n').filter(l => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${name} (${file}) cannot be written`);
    expect(errors[0]).toContain('Nothing was logged in to, built or pushed.');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
    // and nothing happened: no docker command, no builder, no push, no docker config of the action's
    expect(r.log).not.toMatch(/\[command\]/);
    expect(await buildersOf(id)).toEqual([]);
    expect(await tagList(REPO)).toEqual(before);
    expect(fs.readdirSync(r.runnerTemp)).toEqual([]);
    expect(Object.keys(r.state).filter(k => k !== 'isPost')).toEqual([]);
    expect(fs.readFileSync(path.join(home, '.docker', 'config.json'), 'utf8')).toBe(USER_DOCKER_CONFIG);
    expect(fs.readdirSync(path.join(home, '.docker'))).toEqual(['config.json']);
    // the directory stays a directory, the missing one missing
    if (how === 'is a directory') expect(fs.readdirSync(dir)).toEqual([]);
    else expect(fs.existsSync(path.dirname(file))).toBe(false);
  }, 120_000);
});
