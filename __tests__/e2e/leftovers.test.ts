// End to end: a run leaves nothing behind. dist/ main then post, as the runner runs them, against the
// real dockerd (containerd image store), buildx and registry:
//  - the registry's tag list (`GET /v2/<name>/tags/list`) of every image holds exactly the tags asked
//    for after a success, with the docker driver (an OCI layout pushed by digest) and with a
//    docker-container builder (BuildKit's push-by-digest), and no tag at all after a run whose second
//    image fails to build;
//  - the docker driver's push puts nothing in dockerd's image store;
//  - `staging-tags: keep` keeps `mp-staging-<run>-<attempt>-<sha>` on every image, and the summary says so;
//  - RUNNER_TEMP is empty after the post step (work dir with bake.json and bake-metadata.json, the OCI
//    layouts, the job's docker config, the secrets directory, buildx's config: all gone).
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {runAction, runPost, startGitHubApiStub, repoRoot, type GitHubApiStub, type RunOptions, type RunResult} from '../support/action.js';
import {binfmtProblem, buildxProblem, dockerProblem, imageProblem, prerequisites, registryProblem} from '../support/prereqs.js';
import {BUILDKIT_IMAGE, createContainerBuilder, removeBuilder} from '../support/builders.js';

const exec = promisify(execFile);
const REGISTRY = process.env.REGISTRY_ADDR || '127.0.0.1:5000';
const USER = process.env.REGISTRY_USER || 'ci';
const PASSWORD = process.env.REGISTRY_PASSWORD || 'ci-secret';
const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const NONCE = randomBytes(3).toString('hex');
const SHA = randomBytes(20).toString('hex');
const SHORT = SHA.slice(0, 7);
const ASKED = ['main', `sha-${SHORT}`].sort();

let stub: GitHubApiStub | undefined;
const temps: string[] = [];
const repos = new Set<string>();

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-left-${name}-`));
  temps.push(dir);
  return dir;
}

async function registry(method: string, urlPath: string, accept?: string): Promise<{status: number; body: string; digest: string}> {
  const res = await fetch(`http://${REGISTRY}${urlPath}`, {
    method,
    headers: {authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`, ...(accept ? {accept} : {})}
  });
  return {status: res.status, body: await res.text(), digest: res.headers.get('docker-content-digest') ?? ''};
}

/** The repository's tags, as the registry lists them ([] when it has none, or no such repository). */
async function tagList(repo: string): Promise<string[]> {
  const r = await registry('GET', `/v2/${repo}/tags/list`);
  if (r.status === 404) return [];
  expect(r.status).toBe(200);
  return ((JSON.parse(r.body) as {tags?: string[] | null}).tags ?? []).sort();
}

const gate = await prerequisites('e2e leftovers', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: USER, password: PASSWORD}), binfmtProblem(['aarch64'])]);
// the docker-container case needs the locally built BuildKit image too
const dcGate = await prerequisites('e2e leftovers (docker-container)', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: USER, password: PASSWORD}), imageProblem(BUILDKIT_IMAGE, 'scripts/buildkit-image.sh'), binfmtProblem(['aarch64'])]);

let busybox = '';
beforeAll(async () => {
  if (!gate.ready) return;
  stub = await startGitHubApiStub();
  busybox = tempDir('busybox');
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), busybox], {env: {...process.env, BUSYBOX_ARCHS: 'amd64 arm64'}, timeout: 300_000});
}, 360_000);

afterAll(async () => {
  await stub?.close();
  // best effort: the manifests this file pushed (unique names keep runs apart anyway)
  for (const repo of repos) {
    for (const tag of await tagList(repo).catch(() => [])) {
      const m = await registry('HEAD', `/v2/${repo}/manifests/${tag}`, 'application/vnd.oci.image.index.v1+json').catch(() => undefined);
      if (m?.digest) await registry('DELETE', `/v2/${repo}/manifests/${m.digest}`).catch(() => undefined);
    }
  }
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
});

/** Two images, backend then frontend; `failFrontend`: frontend's RUN fails on every platform. */
function workspace(failFrontend: boolean): string {
  const ws = tempDir('ws');
  for (const name of ['backend', 'frontend']) {
    fs.mkdirSync(path.join(ws, name, 'rootfs'), {recursive: true});
    for (const arch of ['amd64', 'arm64']) fs.copyFileSync(path.join(busybox, `busybox-${arch}`), path.join(ws, name, 'rootfs', `busybox-${arch}`));
    const run = name === 'frontend' && failFrontend ? 'echo failing; exit 3' : `echo ${name}-${NONCE} > /role`;
    fs.writeFileSync(path.join(ws, name, 'Dockerfile'), ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', `RUN ["/bin/busybox", "sh", "-c", "${run}"]`, ''].join('\n'));
  }
  return ws;
}

async function publish(ns: string, o: {fail?: boolean; inputs?: Record<string, string>; home?: string; onSpawn?: RunOptions['onSpawn']} = {}): Promise<RunResult> {
  const ws = workspace(o.fail ?? false);
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', repository: {default_branch: 'main', full_name: 'acme/app'}, head_commit: {id: SHA, timestamp: '2024-06-28T14:30:22Z'}}));
  repos.add(`${ns}/backend`);
  repos.add(`${ns}/frontend`);
  return runAction({
    cwd: ws,
    timeoutMs: 600_000,
    onSpawn: o.onSpawn,
    env: {
      HOME: o.home ?? tempDir('home'),
      PATH: process.env.PATH ?? '',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: SHA,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_ACTOR: 'bot',
      GITHUB_RUN_ID: String(Date.now()),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKSPACE: ws,
      GITHUB_API_URL: stub!.url
    },
    inputs: {
      registry: REGISTRY,
      images: `name=${ns}/backend,context=backend,file=backend/Dockerfile\nname=${ns}/frontend,context=frontend,file=frontend/Dockerfile`,
      platforms: PLATFORMS.join(','),
      tags: 'type=ref,event=branch\ntype=sha',
      secrets: 'token=e2e-leftovers-secret-value',
      'registry-auth': `- registry: ${REGISTRY}\n  username: ${USER}\n  password: ${PASSWORD}`,
      'github-token': 'e2e-token',
      ...o.inputs
    }
  });
}

const errorsOf = (run: RunResult) => run.log.split('\n').filter(l => l.startsWith('::error'));

/** The post step, then: nothing of the action's in RUNNER_TEMP, and the recorded dirs gone. */
async function postLeavesNothing(run: RunResult): Promise<void> {
  // before the post step, the work dir is there and recorded (bake.json, bake-metadata.json, OCI layouts)
  expect(run.state.workDir).toMatch(/\/multiarch-publish-[A-Za-z0-9]{6}$/);
  expect(fs.existsSync(path.join(run.state.workDir, 'bake.json'))).toBe(true);
  const post = await runPost(run);
  expect({code: post.code, warnings: post.log.split('\n').filter(l => l.startsWith('::warning'))}).toEqual({code: 0, warnings: []});
  for (const key of ['workDir', 'dockerConfig', 'secretsDir']) if (run.state[key]) expect({key, exists: fs.existsSync(run.state[key])}).toEqual({key, exists: false});
  // buildx's config is the user's (builders live there), never one of the action's in RUNNER_TEMP
  expect(path.relative(run.runnerTemp, run.state.buildxConfig).startsWith('..')).toBe(true);
  expect(fs.readdirSync(run.runnerTemp)).toEqual([]);
}

/** Images dockerd's store holds under the namespace (the docker driver must put none there). */
async function localImages(ns: string): Promise<string[]> {
  const {stdout} = await exec('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']);
  return stdout.split('\n').filter(l => l.includes(`/${ns}/`));
}

gate.test('docker driver, success: every image holds exactly the tags asked for (no staging tag), nothing in the local image store, RUNNER_TEMP empty after post', async () => {
  const ns = `e2e-left-${NONCE}-ok`;
  const run = await publish(ns);
  expect({code: run.code, errors: errorsOf(run)}).toEqual({code: 0, errors: []});
  expect(run.log).toContain('pushed by digest');
  expect(run.summary).toContain('### Left in the registry');
  expect(run.summary).toContain('from the OCI layout the docker driver exported');
  const images = JSON.parse(run.outputs.images) as {digest: string; names: string[]}[];
  for (const [i, name] of ['backend', 'frontend'].entries()) {
    const repo = `${ns}/${name}`;
    expect({repo, tags: await tagList(repo)}).toEqual({repo, tags: ASKED});
    for (const tag of ASKED) expect((await registry('HEAD', `/v2/${repo}/manifests/${tag}`, 'application/vnd.oci.image.index.v1+json')).digest).toBe(images[i].digest);
  }
  expect(await localImages(ns)).toEqual([]);
  await postLeavesNothing(run);
}, 600_000);

gate.test('docker driver, the second image fails to build: no release tag and no staging tag on either image; the summary says nothing is left', async () => {
  const ns = `e2e-left-${NONCE}-fail`;
  const run = await publish(ns, {fail: true});
  expect(run.code).not.toBe(0);
  expect(errorsOf(run).some(l => l.includes(`${ns}/frontend`))).toBe(true);
  for (const repo of [`${ns}/backend`, `${ns}/frontend`]) expect({repo, tags: await tagList(repo)}).toEqual({repo, tags: []});
  expect(run.summary).toContain('No tag of this run is left');
  await postLeavesNothing(run);
}, 600_000);

gate.test('docker driver, cancelled (SIGINT) as the push by digest starts: no tag on either image, the step says so; RUNNER_TEMP empty after post', async () => {
  const ns = `e2e-left-${NONCE}-cancel`;
  let signalled = false;
  const run = await publish(ns, {
    onSpawn: child => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (signalled || !out.includes('::group::Push ')) return;
        signalled = true;
        child.kill('SIGINT');
      });
    }
  });
  expect(signalled).toBe(true);
  expect(run.code).not.toBe(0);
  expect(run.log).toMatch(/cancelled \(SIGINT\) during the push: no tag was moved/);
  for (const repo of [`${ns}/backend`, `${ns}/frontend`]) expect({repo, tags: await tagList(repo)}).toEqual({repo, tags: []});
  await postLeavesNothing(run);
}, 600_000);

gate.test('docker driver, staging-tags: keep: the staging tag stays on every image beside the tags asked for, and the summary lists it', async () => {
  const ns = `e2e-left-${NONCE}-keep`;
  const run = await publish(ns, {inputs: {'staging-tags': 'keep'}});
  expect({code: run.code, errors: errorsOf(run)}).toEqual({code: 0, errors: []});
  const images = JSON.parse(run.outputs.images) as {digest: string}[];
  for (const [i, name] of ['backend', 'frontend'].entries()) {
    const repo = `${ns}/${name}`;
    const tags = await tagList(repo);
    const staging = tags.filter(t => /^mp-staging-\d+-1-/.test(t));
    expect({repo, staging: staging.length, rest: tags.filter(t => !staging.includes(t))}).toEqual({repo, staging: 1, rest: ASKED});
    expect(staging[0]).toMatch(new RegExp(`^mp-staging-\\d+-1-${SHORT}$`));
    expect((await registry('HEAD', `/v2/${repo}/manifests/${staging[0]}`, 'application/vnd.oci.image.index.v1+json')).digest).toBe(images[i].digest);
    expect(run.summary).toContain(`${REGISTRY}/${repo}:${staging[0]}`);
  }
  expect(run.summary).toContain('staging-tags: keep');
  await postLeavesNothing(run);
}, 600_000);

dcGate.test('docker-container builder (BuildKit push-by-digest): exactly the tags asked for after a success; none after the second image fails', async () => {
  const builder = `e2e-left-${NONCE}`;
  const home = tempDir('home-dc');
  await createContainerBuilder(home, builder, {bootstrap: true});
  try {
    const ok = `e2e-left-${NONCE}-dc`;
    const run = await publish(ok, {home, inputs: {builder}});
    expect({code: run.code, errors: errorsOf(run)}).toEqual({code: 0, errors: []});
    expect(run.summary).toContain('push-by-digest=true');
    for (const repo of [`${ok}/backend`, `${ok}/frontend`]) expect({repo, tags: await tagList(repo)}).toEqual({repo, tags: ASKED});
    await postLeavesNothing(run);

    const bad = `e2e-left-${NONCE}-dcfail`;
    const failed = await publish(bad, {home, fail: true, inputs: {builder}});
    expect(failed.code).not.toBe(0);
    for (const repo of [`${bad}/backend`, `${bad}/frontend`]) expect({repo, tags: await tagList(repo)}).toEqual({repo, tags: []});
    await postLeavesNothing(failed);
  } finally {
    await removeBuilder(home, builder);
  }
}, 900_000);
