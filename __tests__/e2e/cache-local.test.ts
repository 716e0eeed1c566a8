// End to end `cache: local`: the bundled action, twice, on the real engine, with @actions/cache talking to
// the local stand-in of the GitHub cache service (__tests__/support/cache-service.ts, on 127.0.0.1;
// nothing inside @actions/cache is mocked). The current builder uses the docker driver, which cannot export
// cache, so each run creates a fresh docker-container builder from `buildkit-image` (its post step removes
// it): the second run's BuildKit has no cache of its own, only what the action restored. The Dockerfile's
// RUN step writes this test's nonce and a timestamp; the second run (the next commit on main) restores the
// first run's entry through the branch's restore key, its bake reports the RUN step CACHED, the pushed
// image has the first run's timestamp (same layer digest), and the stand-in's storage holds one entry per
// run under its commit's key. E2E_LOG_DIR=<dir> keeps both runs' logs and summaries there.
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {runAction, runPost, startGitHubApiStub, repoRoot, cleanupRuns, type GitHubApiStub, type RunResult} from '../support/action.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryJson, registryRequest, fileInImage} from '../support/registry.js';
import {buildxProblem, dockerProblem, imageProblem, prerequisites, registryProblem} from '../support/prereqs.js';
import {startCacheService, storedEntries, type CacheService} from '../support/cache-service.js';

const exec = promisify(execFile);
const BUILDKIT_IMAGE = process.env.E2E_BUILDKIT_IMAGE || 'ci-local/buildkit:debian';
const NONCE = randomBytes(4).toString('hex');
const NS = `e2e-cl-${NONCE}`;
const NAME = `${NS}/app`;
const SHA1 = randomBytes(20).toString('hex');
const SHA2 = randomBytes(20).toString('hex');
const KEY = (sha: string) => `multiarch-publish-local/app/linux-amd64/main/${sha}`;

const gate = await prerequisites('e2e cache-local', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD}), imageProblem(BUILDKIT_IMAGE, 'scripts/buildkit-image.sh')]);

let stub: GitHubApiStub | undefined;
let service: CacheService | undefined;
const temps: string[] = [];
const pushed: string[] = [];

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-cl-${name}-`));
  temps.push(dir);
  return dir;
}

beforeAll(async () => {
  if (!gate.ready) return;
  stub = await startGitHubApiStub();
  service = await startCacheService();
}, 60_000);

afterAll(async () => {
  for (const d of pushed) await registryRequest('DELETE', `/v2/${NAME}/manifests/${d}`).catch(() => undefined);
  await stub?.close();
  await service?.close();
  cleanupRuns();
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
});

gate.test('cache: local: the second run, on a fresh builder, restores the first run\'s cache (RUN step CACHED, same layer) and saves its own', async () => {
  const workspace = tempDir('ws');
  const runnerTemp = tempDir('runner-temp'); // the same path in every job, as on a hosted runner
  const home = tempDir('home');
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')], {env: {...process.env, BUSYBOX_ARCHS: 'amd64'}});
  fs.writeFileSync(
    path.join(workspace, 'Dockerfile'),
    ['FROM scratch', 'COPY rootfs/busybox-amd64 /bin/busybox', `RUN ["/bin/busybox", "sh", "-c", "echo ${NONCE} $(/bin/busybox date +%s)-$RANDOM > /stamp"]`, ''].join('\n')
  );

  const publish = async (sha: string, ref = 'refs/heads/main'): Promise<RunResult> => {
    const event = path.join(tempDir('event'), 'event.json');
    fs.writeFileSync(event, JSON.stringify({ref, repository: {default_branch: 'main', full_name: 'acme/app'}, head_commit: {id: sha, timestamp: '2024-06-28T14:30:22Z'}}));
    const run = await runAction({
      cwd: workspace,
      runnerTemp,
      timeoutMs: 400_000,
      env: {
        HOME: home,
        PATH: process.env.PATH ?? '',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: event,
        GITHUB_REF: ref,
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
        platforms: 'linux/amd64',
        tags: 'type=sha',
        cache: 'local',
        'buildkit-image': BUILDKIT_IMAGE,
        'registry-auth': `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}`,
        'github-token': 'e2e-token'
      }
    });
    if (process.env.E2E_LOG_DIR) fs.writeFileSync(path.join(process.env.E2E_LOG_DIR, `cache-local-${sha.slice(0, 7)}.log`), `${run.log}\n--- summary\n${run.summary}`);
    const builder = run.state.builder;
    const post = await runPost(run);
    expect(post.code).toBe(0);
    if (builder) {
      const {stdout} = await exec('docker', ['buildx', 'ls'], {env: {...process.env, HOME: home}});
      expect(stdout).not.toContain(builder);
    }
    expect({code: run.code, errors: run.log.split('\n').filter(l => l.startsWith('::error'))}).toEqual({code: 0, errors: []});
    expect(run.log).toContain(`created docker-container builder ${builder}`);
    expect(run.log).toContain('cache: local exports cache, which builder default (docker driver) cannot');
    // nothing of the cache is left in RUNNER_TEMP
    expect(fs.existsSync(path.join(runnerTemp, 'multiarch-publish-cache'))).toBe(false);
    // nor @actions/cache's own directories (a UUID each, which it leaves behind: gha-cache.ts lends it one of ours)
    expect(fs.readdirSync(runnerTemp).filter(f => /^[0-9a-f]{8}-|^multiarch-publish-cache/.test(f))).toEqual([]);
    return run;
  };

  /** The platform image of a run's index and its /stamp. */
  const image = async (run: RunResult) => {
    const digest = JSON.parse(run.outputs.images)[0].digest as string;
    pushed.push(digest);
    const index = await registryJson(NAME, digest);
    const manifest = (index.manifests as {digest: string; platform: {architecture: string}}[]).find(m => m.platform.architecture === 'amd64')!;
    pushed.push(manifest.digest);
    const layers = ((await registryJson(NAME, manifest.digest)).layers as {digest: string}[]).map(l => l.digest);
    return {layers, stamp: await fileInImage(NAME, manifest.digest, 'stamp')};
  };

  const first = await publish(SHA1);
  expect(first.summary).toContain(`app: nothing restored, saved under ${KEY(SHA1)}`);
  expect(first.log).toMatch(/cache: local: app: no cache under multiarch-publish-local\/app\/linux-amd64\/main\//);
  expect(first.log).not.toMatch(/#\d+ CACHED/);
  const one = await image(first);
  expect(one.stamp).toMatch(new RegExp(`^${NONCE} \\d+-\\d+\\n$`));
  expect(storedEntries(service!.dir).map(e => [e.key, e.finalized])).toEqual([[KEY(SHA1), true]]);

  const second = await publish(SHA2);
  expect(second.log).toContain(`Cache hit for restore-key: ${KEY(SHA1)}`);
  expect(second.log).toContain(`cache: local: app: restored from ${KEY(SHA1)}`);
  // the RUN step came from the restored cache: BuildKit says so, and the layer is the first run's
  const runStep = /^#(\d+) \[(?:app )?\d\/\d\] RUN \["\/bin\/busybox"/m.exec(second.log);
  expect(runStep).not.toBeNull();
  expect(second.log).toMatch(new RegExp(`^#${runStep![1]} CACHED$`, 'm'));
  const two = await image(second);
  expect(two.stamp).toBe(one.stamp);
  expect(two.layers).toEqual(one.layers);
  expect(second.summary).toContain(`app: restored from ${KEY(SHA1)}, saved under ${KEY(SHA2)}`);

  // the storage: one entry per commit, each with its archive
  const stored = storedEntries(service!.dir);
  expect(stored.map(e => [e.key, e.finalized])).toEqual([
    [KEY(SHA1), true],
    [KEY(SHA2), true]
  ]);
  for (const e of stored) expect(fs.statSync(path.join(service!.dir, e.file)).size).toBe(e.size);

  // another branch: nothing of its own yet, so the default branch's newest entry (the second run's)
  const SHA3 = randomBytes(20).toString('hex');
  const feature = await publish(SHA3, 'refs/heads/feature');
  expect(feature.log).toContain(`cache: local: app: restored from ${KEY(SHA2)}`);
  const featureRun = /^#(\d+) \[(?:app )?\d\/\d\] RUN \["\/bin\/busybox"/m.exec(feature.log);
  expect(feature.log).toMatch(new RegExp(`^#${featureRun![1]} CACHED$`, 'm'));
  expect((await image(feature)).stamp).toBe(one.stamp);
  const featureKey = `multiarch-publish-local/app/linux-amd64/feature/${SHA3}`;
  expect(feature.summary).toContain(`app: restored from ${KEY(SHA2)}, saved under ${featureKey}`);
  expect(storedEntries(service!.dir).map(e => e.key)).toEqual([KEY(SHA1), KEY(SHA2), featureKey]);
}, 900_000);

gate.test('cache: local without the cache service: a warning naming what is missing, the build goes on without cache (no builder created for it)', async () => {
  const workspace = tempDir('ws-nosvc');
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')], {env: {...process.env, BUSYBOX_ARCHS: 'amd64'}});
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), ['FROM scratch', 'COPY rootfs/busybox-amd64 /bin/busybox', `RUN ["/bin/busybox", "sh", "-c", "echo ${NONCE}-nosvc > /stamp"]`, ''].join('\n'));
  const sha = randomBytes(20).toString('hex');
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', repository: {default_branch: 'main', full_name: 'acme/app'}, head_commit: {id: sha, timestamp: '2024-06-28T14:30:22Z'}}));
  const run = await runAction({
    cwd: workspace,
    timeoutMs: 300_000,
    env: {HOME: tempDir('home-nosvc'), PATH: process.env.PATH ?? '', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event, GITHUB_REF: 'refs/heads/main', GITHUB_SHA: sha, GITHUB_REPOSITORY: 'acme/app', GITHUB_ACTOR: 'bot', GITHUB_RUN_ID: String(Date.now()), GITHUB_WORKSPACE: workspace, GITHUB_API_URL: stub!.url},
    inputs: {registry: REGISTRY, images: `${NS}/nosvc`, platforms: 'linux/amd64', tags: 'type=sha', cache: 'local', 'registry-auth': `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}`, 'github-token': 'e2e-token'}
  });
  const post = await runPost(run);
  expect(post.code).toBe(0);
  const digest = JSON.parse(run.outputs.images ?? '[{}]')[0].digest as string;
  if (digest) await registryRequest('DELETE', `/v2/${NS}/nosvc/manifests/${digest}`).catch(() => undefined);
  expect({code: run.code, errors: run.log.split('\n').filter(l => l.startsWith('::error'))}).toEqual({code: 0, errors: []});
  expect(run.log).toContain('::warning::cache: local: the GitHub cache service is not available here (ACTIONS_CACHE_URL is not set: the cache service is there in GitHub Actions jobs only); building without cache.');
  expect(run.state.builder ?? '').toBe('');
  expect(run.summary).toContain('**Cache:** no cache (cache: local, and the GitHub cache service is not available here)');
}, 400_000);
