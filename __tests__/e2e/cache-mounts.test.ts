// End to end `cache-mounts`: the bundled action on the real engine, with @actions/cache talking to the
// local stand-in of the GitHub cache service (__tests__/support/cache-service.ts; nothing inside
// @actions/cache is mocked). Each publish runs on a FRESH docker-container builder of this test's own
// (created before the run, removed after it), so a cache mount's content can only come from what the
// action restored. The Dockerfile's `RUN --mount=type=cache,target=/cache` appends a line to /cache/log
// and copies it into the image: the second run's image has two lines.
//
// No image can be pulled here: the copy steps' image (`cache-mounts-image`) is a busybox image this test
// builds FROM scratch (scripts/busybox-static.sh) and pushes to the local registry first.
// A second test runs a hostile Dockerfile (ids with `../`, `%0A::warning::`, a huge one): nothing escapes
// the action's directory, nothing becomes a workflow command. E2E_LOG_DIR=<dir> keeps logs and summaries.
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {runAction, runPost, startGitHubApiStub, repoRoot, cleanupRuns, type GitHubApiStub, type RunResult} from '../support/action.js';
import {BUILDKIT_IMAGE, createContainerBuilder, removeBuilder as removeOwnBuilder} from '../support/builders.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, MANIFEST_ACCEPT, registryJson, registryRequest, fileInImage} from '../support/registry.js';
import {binfmtProblem, buildxProblem, dockerProblem, imageProblem, prerequisites, registryProblem} from '../support/prereqs.js';
import {startCacheService, storedEntries, type CacheService} from '../support/cache-service.js';
import {parseRunnerLog} from '../support/workflow-commands.js';

const exec = promisify(execFile);
const NONCE = randomBytes(4).toString('hex');
const NS = `e2e-cm-${NONCE}`;
const NAME = `${NS}/app`;
const BUSYBOX = `${REGISTRY}/${NS}/busybox:1`;
const ESCAPE = path.join(os.tmpdir(), `mp-e2e-cm-escape-${NONCE}`);

const gate = await prerequisites('e2e cache-mounts', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD}), imageProblem(BUILDKIT_IMAGE, 'scripts/buildkit-image.sh')]);

// the per-platform case builds linux/arm64 too (QEMU)
const arm = await prerequisites('e2e cache-mounts (per platform)', [binfmtProblem(['aarch64'])]);

let stub: GitHubApiStub | undefined;
let service: CacheService | undefined;
let home = '';
const temps: string[] = [];
const pushed: {name: string; digest: string}[] = [];
const builders = new Set<string>();

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-cm-${name}-`));
  temps.push(dir);
  return dir;
}

const docker = (args: string[]) => exec('docker', args, {env: {...process.env, HOME: home, DOCKER_CONFIG: path.join(home, '.docker')}, maxBuffer: 64 << 20});

/** A builder of this test's own: docker-container, host network (the registry is on 127.0.0.1), never used before. */
async function freshBuilder(n: number): Promise<string> {
  const name = `mp-e2e-cm-${NONCE}-${n}`;
  builders.add(name);
  await createContainerBuilder(home, name, {bootstrap: true});
  return name;
}

async function removeBuilder(name: string): Promise<void> {
  await removeOwnBuilder(home, name);
  builders.delete(name);
}

beforeAll(async () => {
  if (!gate.ready) return;
  stub = await startGitHubApiStub();
  service = await startCacheService();
  home = tempDir('home');
  // the copy steps' image: busybox FROM scratch, pushed to the local registry
  const bb = tempDir('busybox');
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(bb, 'rootfs')], {env: {...process.env, BUSYBOX_ARCHS: 'amd64'}});
  fs.writeFileSync(path.join(bb, 'Dockerfile'), ['FROM scratch', 'COPY rootfs/busybox-amd64 /bin/busybox', 'RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin"]', ''].join('\n'));
  const login = docker(['login', `--username=${REGISTRY_USER}`, '--password-stdin', '--', REGISTRY]);
  login.child.stdin?.end(REGISTRY_PASSWORD);
  await login;
  const b = await freshBuilder(0);
  await docker(['buildx', 'build', `--builder=${b}`, '--platform=linux/amd64', `--output=type=image,name=${BUSYBOX},push=true`, '--', bb]);
  await removeBuilder(b);
}, 300_000);

afterAll(async () => {
  for (const b of [...builders]) await removeBuilder(b);
  for (const p of pushed) await registryRequest('DELETE', `/v2/${p.name}/manifests/${p.digest}`).catch(() => undefined);
  const bb = await registryRequest('HEAD', `/v2/${NS}/busybox/manifests/1`, {accept: MANIFEST_ACCEPT}).catch(() => undefined);
  const digest = bb?.headers?.['docker-content-digest'];
  if (typeof digest === 'string') await registryRequest('DELETE', `/v2/${NS}/busybox/manifests/${digest}`).catch(() => undefined);
  await stub?.close();
  await service?.close();
  cleanupRuns();
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
  fs.rmSync(ESCAPE, {recursive: true, force: true});
});

async function workspaceWith(dockerfileTail: string[]): Promise<string> {
  const workspace = tempDir('ws');
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')], {env: {...process.env, BUSYBOX_ARCHS: 'amd64 arm64'}});
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', 'RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin"]', ...dockerfileTail, ''].join('\n'));
  return workspace;
}

/** One publish of `workspace` on a fresh builder (removed after the run), the same RUNNER_TEMP path each time. */
async function publish(workspace: string, runnerTemp: string, label: string, n: number, platforms = 'linux/amd64'): Promise<RunResult> {
  const sha = randomBytes(20).toString('hex');
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', repository: {default_branch: 'main', full_name: 'acme/app'}, head_commit: {id: sha, timestamp: '2024-06-28T14:30:22Z'}}));
  const builder = await freshBuilder(n);
  try {
    const run = await runAction({
      cwd: workspace,
      runnerTemp,
      timeoutMs: 400_000,
      env: {
        HOME: home,
        PATH: process.env.PATH ?? '',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: event,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: sha,
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_ACTOR: 'bot',
        GITHUB_RUN_ID: String(Date.now()),
        GITHUB_WORKSPACE: workspace,
        GITHUB_API_URL: stub!.url,
        ...service!.env
      },
      inputs: {
        registry: REGISTRY,
        images: NAME,
        platforms,
        tags: 'type=sha',
        builder,
        cache: 'none', // the stand-in's token is not one BuildKit's gha exporter takes; the mounts are the point here
        'cache-mounts-image': BUSYBOX,
        'registry-auth': `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}`,
        'github-token': 'e2e-token'
      }
    });
    if (process.env.E2E_LOG_DIR) fs.writeFileSync(path.join(process.env.E2E_LOG_DIR, `cache-mounts-${label}.log`), `${run.log}\n--- summary\n${run.summary}`);
    const post = await runPost(run);
    expect(post.code).toBe(0);
    expect({code: run.code, errors: run.log.split('\n').filter(l => l.startsWith('::error'))}).toEqual({code: 0, errors: []});
    // nothing of the mounts is left in RUNNER_TEMP
    expect(fs.existsSync(path.join(runnerTemp, 'multiarch-publish-cache-mounts'))).toBe(false);
    return run;
  } finally {
    await removeBuilder(builder);
  }
}

/** A file of the pushed image of one architecture. */
async function fileOf(run: RunResult, file: string, arch = 'amd64'): Promise<string | undefined> {
  const digest = JSON.parse(run.outputs.images)[0].digest as string;
  pushed.push({name: NAME, digest});
  const index = await registryJson(NAME, digest);
  const manifest = (index.manifests as {digest: string; platform: {architecture: string}}[]).find(m => m.platform.architecture === arch)!;
  pushed.push({name: NAME, digest: manifest.digest});
  return fileInImage(NAME, manifest.digest, file);
}

gate.describe('cache-mounts on the real engine', () => {
  test('the second run, on a fresh builder, sees the first run\'s cache-mount content; the summary shows size and "restored"', async () => {
    const workspace = await workspaceWith([`RUN --mount=type=cache,target=/cache sh -c 'echo run >> /cache/log; cat /cache/log > /out'`]);
    const runnerTemp = tempDir('runner-temp'); // the same path in every job, as on a hosted runner
    const before = storedEntries(service!.dir).length;

    const first = await publish(workspace, runnerTemp, 'first', 1);
    expect(await fileOf(first, 'out')).toBe('run\n');
    expect(first.log).toContain('Cache mount /cache: nothing to restore');
    expect(first.summary).toContain('### Cache mounts');
    expect(first.summary).toMatch(/\| `\/cache` \| `\/cache` \| all \| 4 B \| no \(started empty\) \| ✅ saved as `multiarch-publish-mount-cache-[0-9a-f]{12}-main-[0-9a-f]{16}` \|/);
    const saved = storedEntries(service!.dir).slice(before);
    expect(saved.map(e => [e.key, e.finalized])).toEqual([[expect.stringMatching(/^multiarch-publish-mount-cache-[0-9a-f]{12}-main-[0-9a-f]{16}$/), true]]);

    const second = await publish(workspace, runnerTemp, 'second', 2);
    expect(await fileOf(second, 'out')).toBe('run\nrun\n');
    expect(second.log).toContain(`Cache mount /cache: restored from ${saved[0].key}`);
    expect(second.summary).toMatch(new RegExp(`\\| \`/cache\` \\| \`/cache\` \\| all \\| 8 B \\| ✅ restored from \`${saved[0].key}\` \\| ✅ saved as \`multiarch-publish-mount-cache-[0-9a-f]{12}-main-[0-9a-f]{16}\` \\|`));
    expect(storedEntries(service!.dir).slice(before)).toHaveLength(2);
  }, 900_000);

  test('a hostile Dockerfile: ids with ../, %0A and workflow commands stay keys, never paths or commands; a huge one is skipped with a note', async () => {
    const huge = 'h'.repeat(5000);
    const workspace = await workspaceWith([
      `RUN --mount=type=cache,id=../../../../../../..${ESCAPE},target=/a \\`,
      `    --mount=type=cache,id=%0A::warning::pwned-${NONCE},target=/b \\`,
      `    --mount=type=cache,id=::error::x${NONCE},target=/c \\`,
      `    --mount=type=cache,id=${huge},target=/d \\`,
      `    sh -c 'echo a > /a/f; echo b > /b/f; echo c > /c/f; echo d > /d/f; echo ok > /out'`
    ]);
    const runnerTemp = tempDir('runner-temp-hostile');
    const run = await publish(workspace, runnerTemp, 'hostile', 3);
    expect(await fileOf(run, 'out')).toBe('ok\n');
    expect(fs.existsSync(ESCAPE)).toBe(false);
    // no workflow command came from an id: every command line the runner would act on is the action's own
    const commands = parseRunnerLog(run.stdout).commands;
    expect(commands.filter(c => (c.name === 'warning' && c.data.startsWith('pwned')) || (c.name === 'error' && c.data.startsWith(`x${NONCE}`)))).toEqual([]);
    expect(run.summary.split('\n').filter(l => l.startsWith('::'))).toEqual([]);
    expect(run.summary).toContain(`\`%0A::warning::pwned-${NONCE}\``);
    expect(run.summary).toMatch(/a cache mount is skipped: its id is longer than 255 characters/);
    expect(run.summary).not.toContain(huge);
    // the saved entries: keys of the safe set, one per mount that was kept
    const keys = storedEntries(service!.dir).map(e => e.key).filter(k => /-(tmp|mp-e2e|0A-warning|error-x)/.test(k));
    expect(keys.length).toBe(3);
    for (const k of keys) expect(k).toMatch(/^[A-Za-z0-9._-]{1,512}$/);
  }, 600_000);
});

arm.describe('cache-mounts per platform on the real engine', () => {
  test('an id with $TARGETARCH is one cache per platform, each restored into its own mount; a shared id is one cache for both', async () => {
    if (!gate.ready) throw new Error(gate.message);
    const workspace = await workspaceWith([
      `RUN --mount=type=cache,id=per-\${TARGETARCH}-${NONCE},target=/p --mount=type=cache,id=shared-${NONCE},target=/s sh -c 'uname -m >> /p/log; uname -m >> /s/log; cat /p/log > /per'`
    ]);
    const runnerTemp = tempDir('runner-temp-platforms');
    const first = await publish(workspace, runnerTemp, 'platforms-first', 4, 'linux/amd64,linux/arm64');
    expect(first.summary).toMatch(new RegExp(`\\| \`per-amd64-${NONCE}\` \\| \`/p\` \\| linux/amd64 \\| 7 B \\| no \\(started empty\\) \\| ✅ saved`));
    expect(first.summary).toMatch(new RegExp(`\\| \`per-arm64-${NONCE}\` \\| \`/p\` \\| linux/arm64 \\| 8 B \\| no \\(started empty\\) \\| ✅ saved`));
    // BuildKit shares a mount between platforms: one cache, both lines
    expect(first.summary).toMatch(new RegExp(`\\| \`shared-${NONCE}\` \\| \`/s\` \\| all \\| 15 B \\| no \\(started empty\\) \\| ✅ saved`));

    const second = await publish(workspace, runnerTemp, 'platforms-second', 5, 'linux/amd64,linux/arm64');
    expect(await fileOf(second, 'per', 'amd64')).toBe('x86_64\nx86_64\n');
    expect(await fileOf(second, 'per', 'arm64')).toBe('aarch64\naarch64\n');
    expect(second.summary).toMatch(new RegExp(`\\| \`shared-${NONCE}\` \\| \`/s\` \\| all \\| 30 B \\| ✅ restored from`));
  }, 900_000);
});
