// End to end with a builder of two nodes, one per platform (`docker buildx create --append`), named by
// the builder input: the action uses it as it is, buildx sends each platform to the node that declares
// it, and the action sets up no QEMU for a platform a node declares. Which node built which platform is
// read from each node's own BuildKit store afterwards (`buildctl du --verbose` in the node's container:
// the records of a multi-platform build are named `[linux/arm64 1/2] COPY …`).
//
// Both nodes run on this host's engine (the second under another endpoint string for the same socket:
// buildx refuses a duplicate endpoint), so the foreign node's RUN still needs binfmt_misc on this host.
// binfmt_misc is shared and never touched here: without the emulator the Dockerfile has no RUN (said
// in the log of this test) and the routing is still checked.
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {runAction, runPost, startGitHubApiStub, repoRoot, type GitHubApiStub, type RunResult} from '../support/action.js';
import {BUILDKIT_IMAGE, builderExists, createContainerBuilder, dockerAs, removeBuilder} from '../support/builders.js';
import {binfmtProblem, buildxProblem, dockerProblem, imageProblem, prerequisites, registryProblem} from '../support/prereqs.js';
import {readIndex, REGISTRY, REGISTRY_PASSWORD as PASSWORD, REGISTRY_USER as USER} from '../support/registry.js';

const exec = promisify(execFile);
const NONCE = randomBytes(3).toString('hex');
const BUILDER = `mp-e2e-2node-${NONCE}`;
const NS = `e2e-2node-${NONCE}`;
const SHA = randomBytes(20).toString('hex');
const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const ARCH = {amd64: 'amd64', arm64: 'arm64'} as const;
// the platform this host does not run natively, and the binfmt_misc entry its RUN needs
const HOST = os.arch() === 'arm64' ? 'arm64' : 'amd64';
const FOREIGN_EMULATOR = HOST === 'arm64' ? 'x86_64' : 'aarch64';
const SECOND_ENDPOINT = 'unix:///run/docker.sock';
const node = (arch: string) => `${BUILDER}-${arch}`;

let stub: GitHubApiStub | undefined;
const temps: string[] = [];
let home = '';
let created = false;

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-2node-${name}-`));
  temps.push(dir);
  return dir;
}

const gate = await prerequisites('e2e multi-node builder', [
  dockerProblem(),
  buildxProblem(),
  registryProblem(REGISTRY, {user: USER, password: PASSWORD}),
  imageProblem(BUILDKIT_IMAGE, 'scripts/buildkit-image.sh'),
  fs.existsSync('/run/docker.sock') ? undefined : `no /run/docker.sock: the second node needs a second endpoint string for this host's engine`
]);
const foreignRun = binfmtProblem([FOREIGN_EMULATOR]) === undefined;

beforeAll(async () => {
  if (!gate.ready) return;
  stub = await startGitHubApiStub();
  home = tempDir('home');
  // one node per platform, each declaring its platform (`*` in buildx inspect)
  created = true;
  await createContainerBuilder(home, BUILDER, {
    nodes: [
      {platform: 'linux/amd64', node: node('amd64')},
      {platform: 'linux/arm64', node: node('arm64'), endpoint: SECOND_ENDPOINT}
    ]
  });
}, 120_000);

afterAll(async () => {
  await stub?.close();
  // only the builder this file created (its nodes' containers go with it)
  if (created) await removeBuilder(home, BUILDER);
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
}, 120_000);

gate.test('a two-node builder (one node per platform) builds each platform on its node in one publish job, without QEMU from the action', async () => {
  const workspace = tempDir('ws');
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')], {env: {...process.env, BUSYBOX_ARCHS: 'amd64 arm64'}});
  if (!foreignRun) console.warn(`e2e multi-node: binfmt_misc has no qemu-${FOREIGN_EMULATOR} on this ${HOST} host: the Dockerfile has no RUN (the foreign node could not run it); routing and the index are still checked`);
  fs.writeFileSync(
    path.join(workspace, 'Dockerfile'),
    ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', ...(foreignRun ? ['RUN ["/bin/busybox", "sh", "-c", "/bin/busybox uname -m > /arch"]'] : []), ''].join('\n')
  );
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', repository: {default_branch: 'main', full_name: 'acme/app'}, head_commit: {id: SHA, timestamp: '2024-06-28T14:30:22Z'}}));
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
      mode: 'publish',
      registry: REGISTRY,
      images: `${NS}/app`,
      platforms: PLATFORMS.join(','),
      tags: 'type=ref,event=branch',
      builder: BUILDER,
      'registry-auth': `- registry: ${REGISTRY}\n  username: ${USER}\n  password: ${PASSWORD}`,
      'github-token': 'e2e-token'
    }
  });
  try {
    expect({code: run.code, errors: run.log.split('\n').filter(l => l.startsWith('::error'))}).toEqual({code: 0, errors: []});

    // no QEMU because of the arm64 node: it declares its platform
    expect(run.log).toContain(`QEMU: builder ${BUILDER}'s nodes build linux/amd64, linux/arm64: QEMU not needed`);
    expect(run.log).not.toMatch(/installing emulators|--install/);
    // the builder used as it is, and the log and the summary say which node builds which platform
    const note = `linux/amd64 on node ${node('amd64')} (declared), linux/arm64 on node ${node('arm64')} (declared)`;
    expect(run.log).toContain(`Builder: using builder ${BUILDER} (docker-container driver, 2 nodes), as the builder input asks: ${note}`);
    expect(run.summary).toContain(note);
    expect(run.state.builder ?? '').toBe('');

    // each node's own BuildKit store holds its platform's build, and not the other's
    for (const [mine, other] of [['amd64', 'arm64'], ['arm64', 'amd64']] as const) {
      const {stdout} = await dockerAs(home, ['exec', `buildx_buildkit_${node(mine)}`, 'buildctl', 'du', '--verbose']);
      expect(stdout).toMatch(new RegExp(`^Description:\\s+\\[linux/${ARCH[mine]} [0-9/]+\\] COPY rootfs/busybox-${mine} `, 'm'));
      expect(stdout).not.toContain(`[linux/${ARCH[other]} `);
      if (foreignRun) expect(stdout).toMatch(/^Description:\s+mount \/ from exec \/bin\/busybox sh -c \/bin\/busybox uname -m > \/arch$/m);
    }

    // the pushed index has both platforms, and it is what the outputs say
    expect(await readIndex(`${NS}/app`, 'main')).toEqual({status: 200, digest: run.outputs.digest, platforms: [...PLATFORMS].sort()});
  } finally {
    const post = await runPost(run);
    expect(post.code).toBe(0);
    // the user's builder is theirs: the post step leaves it
    expect(await builderExists(home, BUILDER)).toBe(true);
  }
}, 600_000);
