// End to end with buildx's docker-container driver: the current builder (docker driver) cannot build
// linux/arm/v7, so the action creates a docker-container builder from `buildkit-image`, pushes by digest
// (no staging tag), moves the tags, and the post step removes the builder and the credentials.
//
// The BuildKit image cannot be pulled here (no internet): scripts/buildkit-image.sh compiles one from
// Debian's sources, and scripts/test.sh builds it (under CI it must). Without that image this file is
// skipped loudly, and under CI it fails (support/prereqs.ts).
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {runAction, runPost, startGitHubApiStub, repoRoot, type GitHubApiStub, type RunResult} from '../support/action.js';
import {BUILDKIT_IMAGE, builderExists} from '../support/builders.js';
import {binfmtProblem, buildxProblem, dockerProblem, imageProblem, prerequisites, registryProblem} from '../support/prereqs.js';
import {readIndex, REGISTRY, REGISTRY_PASSWORD as PASSWORD, REGISTRY_USER as USER, tagList} from '../support/registry.js';

const exec = promisify(execFile);
const PLATFORMS = ['linux/amd64', 'linux/arm/v7'];
const NS = `e2e-dc-${randomBytes(3).toString('hex')}`;
const SHA = randomBytes(20).toString('hex');

let stub: GitHubApiStub | undefined;
const temps: string[] = [];

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-dc-${name}-`));
  temps.push(dir);
  return dir;
}

// the engine, the registry, the BuildKit image and QEMU for linux/arm/v7
const gate = await prerequisites('e2e docker-container', [
  dockerProblem(),
  buildxProblem(),
  registryProblem(REGISTRY, {user: USER, password: PASSWORD}),
  imageProblem(BUILDKIT_IMAGE, 'scripts/buildkit-image.sh'),
  binfmtProblem(['arm'])
]);

beforeAll(async () => {
  if (!gate.ready) return;
  stub = await startGitHubApiStub();
}, 60_000);

afterAll(async () => {
  await stub?.close();
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
});

gate.test('docker-container builder: created for a platform the docker driver lacks, content pushed by digest, tags moved, builder removed by post', async () => {
  const workspace = tempDir('ws');
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')], {env: {...process.env, BUSYBOX_ARCHS: 'amd64 arm'}});
  fs.writeFileSync(
    path.join(workspace, 'Dockerfile'),
    ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', 'RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin && uname -m > /arch"]', ''].join('\n')
  );
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', repository: {default_branch: 'main', full_name: 'acme/app'}, head_commit: {id: SHA, timestamp: '2024-06-28T14:30:22Z'}}));
  const home = tempDir('home');
  const run: RunResult = await runAction({
    cwd: workspace,
    timeoutMs: 600_000,
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
      GITHUB_WORKSPACE: workspace,
      GITHUB_API_URL: stub!.url
    },
    inputs: {
      registry: REGISTRY,
      images: `${NS}/app`,
      platforms: PLATFORMS.join(','),
      tags: 'type=ref,event=branch\ntype=sha',
      'buildkit-image': BUILDKIT_IMAGE,
      'registry-auth': `- registry: ${REGISTRY}\n  username: ${USER}\n  password: ${PASSWORD}`,
      'github-token': 'e2e-token'
    }
  });
  const builder = run.state.builder;
  try {
    expect({code: run.code, errors: run.log.split('\n').filter(l => l.startsWith('::error'))}).toEqual({code: 0, errors: []});
    expect(builder).toMatch(/^multiarch-publish-/);
    expect(run.log).toContain(`created docker-container builder ${builder}`);
    expect(run.summary).toContain('push-by-digest=true'); // the bake definition, shown in the summary

    // every tag points at the index buildx reported, with both platforms; no staging tag was made
    const name = `${NS}/app`;
    const tags = await tagList(name);
    expect(tags).toEqual(['main', `sha-${SHA.slice(0, 7)}`].sort());
    const digest = JSON.parse(run.outputs.images)[0].digest;
    expect(run.outputs.digest).toBe(digest);
    for (const tag of tags) expect({tag, ...(await readIndex(name, tag))}).toEqual({tag, status: 200, digest, platforms: [...PLATFORMS].sort()});
  } finally {
    const post = await runPost(run);
    expect(post.code).toBe(0);
    expect(fs.existsSync(run.state.dockerConfig)).toBe(false);
    if (builder) expect(await builderExists(home, builder)).toBe(false);
  }
}, 600_000);
