// End to end: a fork's Dockerfile prints workflow commands from its RUN steps (every form the runner acts
// on: `::cmd::` at a line start, `##[cmd]` anywhere, after a bare CR, after leading blanks), on a build
// that succeeds and one that fails. The captured stdout is read as the runner reads it
// (support/workflow-commands.ts): every hostile line is inside a stop-commands region that is closed,
// no command of the build's takes effect (GITHUB_STATE, GITHUB_OUTPUT, GITHUB_ENV hold only what the
// action wrote), and the post step, also with hostile state values, removes only its own things.
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {runAction, runPost, startGitHubApiStub, repoRoot, cleanupRuns, type GitHubApiStub, type RunResult} from '../support/action.js';
import {exec} from '../support/exec.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryRequest, tagDigests} from '../support/registry.js';
import {buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';
import {parseRunnerLog} from '../support/workflow-commands.js';

const gate = await prerequisites('e2e hostile-output', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD})]);
const NONCE = randomBytes(4).toString('hex');
const REPO = `e2e-hostile-${NONCE}/app`;
let stub: GitHubApiStub | undefined;
const temps: string[] = [];
const runs: RunResult[] = [];

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-hostile-${name}-`));
  temps.push(dir);
  return dir;
}

beforeAll(async () => {
  if (!gate.ready) return;
  stub = await startGitHubApiStub();
}, 60_000);

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

/** What a fork's RUN prints: each line carries HOSTILE so the test finds it in the log. */
function hostileLines(outside: string): string[] {
  return [
    '::set-output name=digest::HOSTILE-sha256:evil',
    '::add-mask::HOSTILE',
    '::set-env name=HOSTILE_ENV::1',
    '::save-state name=builder::HOSTILE --all-inactive',
    'HOSTILE ##[save-state name=builder]--all-inactive',
    `HOSTILE ##[save-state name=secretsDir]${outside}`,
    `HOSTILE ##[save-state name=dockerConfig]${outside}`,
    'HOSTILE progress\\r::set-output name=version::evil',
    'HOSTILE x\\r##[set-env name=HOSTILE_ENV2]1',
    '   ::warning::HOSTILE indented',
    '::stop-commands::HOSTILE',
    '::HOSTILE::',
    '::endgroup::HOSTILE'
  ];
}

/** The RUN script: printf's %b turns each `\\r` into a bare CR. */
function script(outside: string, fail: boolean): string {
  const printf = hostileLines(outside)
    .map(l => `printf '%b\\n' '${l.replace(/'/g, `'\\''`)}'`)
    .join(' && ');
  return printf + (fail ? ' && exit 3' : '');
}

async function run(outside: string, fail: boolean): Promise<RunResult> {
  const ws = tempDir('ws');
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(ws, 'rootfs')]);
  fs.writeFileSync(
    path.join(ws, 'Dockerfile'),
    [
      'FROM scratch',
      'ARG TARGETARCH',
      'COPY rootfs/busybox-${TARGETARCH} /bin/busybox',
      'RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin"]',
      `RUN echo nonce-${randomBytes(4).toString('hex')} && ${script(outside, fail)}`,
      ''
    ].join('\n')
  );
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', after: 'c'.repeat(40), repository: {default_branch: 'main', full_name: 'acme/app'}, head_commit: {id: 'c'.repeat(40)}}));
  const r = await runAction({
    cwd: ws,
    timeoutMs: 300_000,
    env: {
      ...(process.env.DOCKER_HOST ? {DOCKER_HOST: process.env.DOCKER_HOST} : {}),
      HOME: tempDir('home'),
      PATH: process.env.PATH ?? '',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_REF_TYPE: 'branch',
      GITHUB_SHA: 'c'.repeat(40),
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_ACTOR: 'bot',
      GITHUB_RUN_ID: String(8_000_000_000 + Math.floor(Math.random() * 1e6)),
      GITHUB_WORKSPACE: ws,
      GITHUB_API_URL: stub!.url
    },
    inputs: {
      registry: REGISTRY,
      images: REPO,
      platforms: 'linux/amd64',
      tags: 'type=sha',
      'registry-auth': `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`,
      'github-token': 'e2e-token'
    }
  });
  runs.push(r);
  return r;
}

const ACTION_STATE = ['isPost', 'dockerConfig', 'buildxConfig', 'logins', 'builder', 'secretsDir', 'workDir', 'bakeFilesDir'];

function assertInert(r: RunResult, outside: string, printed = true): void {
  const parsed = parseRunnerLog(r.stdout);
  expect(parsed.open).toBeUndefined();
  // the build's lines are all shown, and only inside regions
  const hostile = parsed.lines.filter(l => l.text.includes('HOSTILE'));
  if (printed) expect(hostile.length).toBeGreaterThanOrEqual(hostileLines(outside).length);
  expect(hostile.filter(l => !l.inRegion)).toEqual([]);
  // no command the runner would act on came from the build
  expect(parsed.commands.filter(c => c.line.includes('HOSTILE') && !/^::(error|warning)[ :]/.test(c.line))).toEqual([]);
  expect(parsed.commands.filter(c => ['set-output', 'save-state', 'set-env', 'add-path', 'stop-commands'].includes(c.name))).toEqual([]);
  expect(parsed.commands.filter(c => c.name === 'add-mask').map(c => c.data)).not.toContain('HOSTILE');
  // the runner's files hold only what the action wrote
  expect(Object.keys(r.state).filter(k => !ACTION_STATE.includes(k))).toEqual([]);
  expect(JSON.stringify(r.state)).not.toContain('HOSTILE');
  expect(JSON.stringify(r.state)).not.toContain(outside);
  expect(JSON.stringify(r.state)).not.toContain('all-inactive');
  expect(JSON.stringify(r.outputs)).not.toContain('evil');
  expect(Object.keys(r.exportedEnv).filter(k => k.startsWith('HOSTILE'))).toEqual([]);
}

gate.describe('build output cannot issue workflow commands', () => {
  test.each([
    ['a build that succeeds', false],
    ['a build that fails', true]
  ])('%s', async (_, fail) => {
    const outside = tempDir('planted');
    fs.writeFileSync(path.join(outside, 'keep'), 'x');
    const r = await run(outside, fail);
    if (process.env.E2E_DEBUG) fs.writeFileSync(`/tmp/hostile-${fail}.log`, r.stdout);
    try {
      expect(r.code).toBe(fail ? 1 : 0);
      assertInert(r, outside);
      if (fail) expect(r.stdout).toMatch(/::error.*Build of .* failed/);
    } finally {
      const post = await runPost(r);
      expect(post.code).toBe(0);
      expect(fs.existsSync(path.join(outside, 'keep'))).toBe(true);
      if (r.state.dockerConfig) expect(fs.existsSync(r.state.dockerConfig)).toBe(false);
      assertInert(post, outside, false);
      // and a post step handed hostile state (as GITHUB_STATE once could be written) leaves it all alone
      // SAFETY: only decoys of this test's own (planted directories, a builder name that does not exist):
      // never '/', a real path or `--all-inactive` here, since a broken post step (or an older bundle run
      // through ACTION_ENTRY) would act on them for real (unit tests cover those values with a fake).
      const decoy = tempDir('decoy');
      fs.writeFileSync(path.join(decoy, 'keep'), 'x');
      const hostile = await runPost(r, {state: {secretsDir: outside, dockerConfig: decoy, builder: `mp-decoy-${NONCE}-not-a-builder`, logins: '["--help"]'}});
      expect(hostile.code).toBe(0);
      expect(hostile.stdout).toMatch(/Not cleaning up the secrets directory/);
      expect(hostile.stdout).toMatch(/Not cleaning up the docker config/);
      expect(hostile.stdout).toMatch(/Not cleaning up the builder "mp-decoy-/);
      expect(fs.existsSync(path.join(outside, 'keep'))).toBe(true);
      expect(fs.existsSync(path.join(decoy, 'keep'))).toBe(true);
    }
  }, 300_000);
});
