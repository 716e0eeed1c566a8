// End to end: a cancelled run, signalled as the runner signals it (SIGINT, then SIGTERM) at two points of
// a real publish. During the build (a docker-container builder of the action's own, a RUN that sleeps
// 30 s): the step exits within seconds saying no tag was moved, no tag is in the registry, no program of
// the run is left (the RUN stopped too), and the post step removes the builder and the directories.
// During the tag phase (SIGINT at its group header, SIGTERM right after): every tag is there afterwards.
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {runAction, runPost, startGitHubApiStub, repoRoot, type GitHubApiStub, type RunResult} from '../support/action.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, tagDigests, tagList} from '../support/registry.js';
import {binfmtProblem, buildxProblem, dockerProblem, imageProblem, prerequisites, registryProblem} from '../support/prereqs.js';

const exec = promisify(execFile);
const BUILDKIT_IMAGE = process.env.E2E_BUILDKIT_IMAGE || 'ci-local/buildkit:debian';
const NS = `e2e-cancel-${randomBytes(3).toString('hex')}`;
const SHA = randomBytes(20).toString('hex');
const REGISTRY_AUTH = `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}`;

let stub: GitHubApiStub | undefined;
let busybox = '';
const temps: string[] = [];

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-cancel-${name}-`));
  temps.push(dir);
  return dir;
}

// the engine, the registry, the BuildKit image and QEMU for linux/arm/v7 (the docker driver lacks it)
const gate = await prerequisites('e2e cancel', [
  dockerProblem(),
  buildxProblem(),
  registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD}),
  imageProblem(BUILDKIT_IMAGE, 'scripts/buildkit-image.sh'),
  binfmtProblem(['arm'])
]);

beforeAll(async () => {
  if (!gate.ready) return;
  stub = await startGitHubApiStub();
  busybox = tempDir('busybox');
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), busybox], {env: {...process.env, BUSYBOX_ARCHS: 'amd64 arm'}});
}, 300_000);

afterAll(async () => {
  await stub?.close();
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
});

/** A checkout whose one RUN prints `started-<nonce>`, then runs `run`. */
function workspace(nonce: string, run: string): string {
  const ws = tempDir('ws');
  fs.cpSync(busybox, path.join(ws, 'rootfs'), {recursive: true});
  fs.writeFileSync(
    path.join(ws, 'Dockerfile'),
    ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', `RUN ["/bin/busybox", "sh", "-c", "echo started-${nonce}; ${run}"]`, ''].join('\n')
  );
  return ws;
}

/** The processes whose command line holds `text` (the run's own: its RUNNER_TEMP, its nonce). */
function processesWith(text: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter(e => /^\d+$/.test(e))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes(text) && !/^\d+ \(.*\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))) found.push(`${pid}: ${cmdline}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function until(what: () => boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !what() && Date.now() < end; ) await new Promise(r => setTimeout(r, 200));
}

interface Signalled {
  run: RunResult;
  /** From the first signal to the exit. */
  exitMs: number;
}

/** Runs the action in `ws`, and sends `signals` (100 ms apart) once `marker` is in its output. */
async function runSignalled(ws: string, home: string, inputs: Record<string, string>, marker: string, signals: NodeJS.Signals[]): Promise<Signalled> {
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', repository: {default_branch: 'main', full_name: 'acme/app'}, head_commit: {id: SHA, timestamp: '2024-06-28T14:30:22Z'}}));
  let signalledAt = 0;
  const run = await runAction({
    cwd: ws,
    timeoutMs: 400_000,
    env: {
      HOME: home,
      PATH: process.env.PATH ?? '',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: SHA,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_ACTOR: 'bot',
      GITHUB_RUN_ID: String(Date.now()),
      GITHUB_WORKSPACE: ws,
      GITHUB_API_URL: stub!.url
    },
    inputs: {registry: REGISTRY, 'registry-auth': REGISTRY_AUTH, 'github-token': 'e2e-token', ...inputs},
    onSpawn: child => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (signalledAt || !out.includes(marker)) return;
        signalledAt = Date.now();
        signals.forEach((sig, i) => setTimeout(() => child.kill(sig), i * 100));
      });
    }
  });
  if (!signalledAt) throw new Error(`${marker} never appeared; log:\n${run.log}`);
  return {run, exitMs: Date.now() - signalledAt};
}

gate.test('SIGINT during the build: the bake and its RUN stop, the step fails within seconds, no tag moves, the post step cleans up', async () => {
  const nonce = randomBytes(6).toString('hex');
  const ws = workspace(nonce, `sleep 30; echo done-${nonce}`);
  const home = tempDir('home');
  const image = `${NS}/build`;
  const {run, exitMs} = await runSignalled(
    ws,
    home,
    {images: image, platforms: 'linux/amd64,linux/arm/v7', tags: 'type=ref,event=branch\ntype=sha', 'buildkit-image': BUILDKIT_IMAGE, secrets: 'token=cancel-e2e-secret-value'},
    `started-${nonce}`,
    ['SIGINT']
  );
  const builder = run.state.builder;
  try {
    expect({code: run.code, signal: run.signal}).toEqual({code: 1, signal: null});
    expect(run.log).toContain('::error::cancelled (SIGINT) during the build: no tag was moved.');
    expect(run.log).toMatch(new RegExp(`^#\\d+ CANCELED$`, 'm'));
    expect(run.log).not.toMatch(new RegExp(`^#\\d+ [\\d.]+ done-${nonce}$`, 'm')); // the RUN's output, not its command line
    expect(exitMs).toBeLessThan(5000);
    expect(await tagList(image)).toEqual([]);
    // nothing of the run is left: no docker or buildx with its files, no RUN of its build
    await until(() => processesWith(run.runnerTemp).length + processesWith(nonce).length === 0, 10_000);
    expect([...processesWith(run.runnerTemp), ...processesWith(nonce)]).toEqual([]);
    expect(builder).toMatch(/^multiarch-publish-/);
    expect(fs.existsSync(run.state.secretsDir)).toBe(true);
  } finally {
    const post = await runPost(run);
    expect(post.code).toBe(0);
    expect(post.log).toContain(`Removed builder ${builder}`);
    for (const dir of [run.state.dockerConfig, run.state.secretsDir]) expect({dir, exists: fs.existsSync(dir)}).toEqual({dir, exists: false});
    const {stdout} = await exec('docker', ['buildx', 'ls'], {env: {...process.env, HOME: home}});
    expect(stdout).not.toContain(builder);
  }
}, 600_000);

gate.test('SIGINT then SIGTERM during the tag phase: it finishes, every tag of every image is there, the step says the release is complete', async () => {
  const nonce = randomBytes(6).toString('hex');
  const ws = workspace(nonce, 'true');
  const images = [`${NS}/tags-a`, `${NS}/tags-b`];
  const tags = ['main', `sha-${SHA.slice(0, 7)}`, 'edge', 'nightly', 'stable', 'candidate'];
  const {run, exitMs} = await runSignalled(
    ws,
    tempDir('home'),
    {images: images.join('\n'), platforms: 'linux/amd64', tags: ['type=ref,event=branch', 'type=sha', ...tags.slice(2).map(t => `type=raw,value=${t}`)].join('\n')},
    '::group::Tags',
    ['SIGINT', 'SIGTERM']
  );
  try {
    expect({code: run.code, signal: run.signal}).toEqual({code: 1, signal: null});
    expect(run.log).toContain('SIGINT received during the tag phase: the tag phase finishes first');
    expect(run.log).toMatch(/::error::cancelled \(SIGINT\) after the tags moved: the release is complete/);
    expect(exitMs).toBeLessThan(5000);
    const digest = JSON.parse(run.outputs.images)[0].digest as string;
    expect(digest).toMatch(/^sha256:/);
    for (const image of images) {
      const moved = Object.fromEntries(Object.entries(await tagDigests(image)).filter(([t]) => !t.startsWith('mp-staging-')));
      expect({image, moved}).toEqual({image, moved: Object.fromEntries(tags.map(t => [t, digest]).sort())});
    }
  } finally {
    expect((await runPost(run)).code).toBe(0);
  }
}, 600_000);
