// End-to-end: the CLI (`node dist/index.js build|publish`) from a terminal, in fresh temporary git
// checkouts, against the real engine (dockerd with the containerd image store, buildx, QEMU binfmt) and
// the htpasswd registry on $REGISTRY_ADDR. Bring the engine up first with
//
//   eval "$(bash scripts/engine-up.sh)"
//
// Without it the suite is skipped with a warning, except under CI (CI set), where it fails.
// Needs dist/index.js (`npm run build`); the bundle is copied once, so a concurrent rebuild can't change it.
//
// Nothing is pulled: the Dockerfiles build FROM a base image this suite makes locally (FROM scratch plus
// Debian's static busybox, scripts/busybox-static.sh). Every name carries a per-run nonce, and the suite
// removes the images it made locally and (best effort) the manifests it pushed.
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {defaultEntry, repoRoot} from '../support/action.js';
import {git} from '../support/git.js';
import {exec, type Exec} from '../support/exec.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, MANIFEST_ACCEPT, registryRequest, tagDigests} from '../support/registry.js';
import {binfmtProblem, buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';

const ENGINE_HINT = 'run `eval "$(bash scripts/engine-up.sh)"` first (it starts dockerd, buildx, QEMU binfmt and the registry, and puts docker on PATH)';
const NONCE = randomBytes(4).toString('hex');
const NS = `mp-e2e-cli-${NONCE}`;
const BASE_IMAGE = `${NS}-base:busybox`;
const HOST_ARCH = process.arch === 'arm64' ? 'aarch64' : 'x86_64';
const HOST_PLATFORM = process.arch === 'arm64' ? 'linux/arm64' : 'linux/amd64';
const TEST_TIMEOUT_MS = 300_000;

// What the suite needs: the engine, the registry (with the tests' credentials) and QEMU for linux/arm64.
// Without them it is skipped with a warning, except under CI, where it fails (support/prereqs.ts).
const gate = await prerequisites('e2e cli', [
  dockerProblem(),
  buildxProblem(),
  registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD}),
  binfmtProblem(['aarch64'])
]);
const engineReady = gate.ready;
const engineProblems = gate.problems;
const describeEngine = gate.describe;

/** The platforms of an index in the registry, attestation manifests aside. */
async function indexPlatforms(repository: string, digest: string): Promise<string[]> {
  const r = await registryRequest('GET', `/v2/${repository}/manifests/${digest}`, {accept: MANIFEST_ACCEPT});
  if (r.status !== 200) throw new Error(`GET /v2/${repository}/manifests/${digest}: HTTP ${r.status}`);
  const index = JSON.parse(r.body.toString('utf8')) as {manifests?: {platform?: {os: string; architecture: string}; annotations?: Record<string, string>}[]};
  return (index.manifests ?? [])
    .filter(m => m.platform && m.platform.os !== 'unknown' && m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
    .map(m => `${m.platform!.os}/${m.platform!.architecture}`)
    .sort();
}

const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-cli-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

let entry = '';
let dockerConfig = '';
const pushedRepos = new Set<string>();
const localImages = new Set<string>([BASE_IMAGE]);

/** The environment of a terminal: no INPUT_* or runner variables, a docker config of the suite's own. */
function terminalEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(INPUT_|GITHUB_|RUNNER_|STATE_|ACTIONS_)/.test(k)));
  return {...env, DOCKER_CONFIG: dockerConfig, USER: 'dev'};
}

function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Exec> {
  return exec(process.execPath, [entry, ...args], {cwd, env: {...terminalEnv(), ...env}, timeoutMs: 240_000});
}

/** A fresh checkout on `main` with one commit: a Dockerfile FROM the local base that bakes the nonce in. */
function checkout(name: string): string {
  const dir = path.join(tempDir('checkout'), name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'Dockerfile'), [`FROM ${BASE_IMAGE}`, `RUN echo "baked ${NONCE} ${name} on $(uname -m)" > /msg`, 'CMD ["/bin/cat", "/msg"]', ''].join('\n'));
  fs.writeFileSync(path.join(dir, 'README.md'), `# ${name}\n`);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}

describeEngine('the CLI end to end (real dockerd, buildx, QEMU and registry)', () => {
  beforeAll(async () => {
    if (!engineReady) throw new Error(`The build engine is not available:\n  - ${engineProblems.join('\n  - ')}\nUnder CI the e2e tests must run: ${ENGINE_HINT}.`);
    const bb = tempDir('busybox');
    const got = await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), bb], {timeoutMs: 300_000});
    if (got.code !== 0) throw new Error(`scripts/busybox-static.sh failed: ${got.stderr}`);
    // the base image, for both platforms, in the local store only
    fs.writeFileSync(path.join(bb, 'Dockerfile'), 'FROM scratch\nARG TARGETARCH\nCOPY busybox-${TARGETARCH} /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n');
    const base = await exec('docker', ['buildx', 'build', '--quiet', '--platform', 'linux/amd64,linux/arm64', '--output', `type=docker,name=${BASE_IMAGE}`, bb], {timeoutMs: 240_000});
    if (base.code !== 0) throw new Error(`building ${BASE_IMAGE} failed: ${base.stderr}`);
    const bundle = tempDir('bundle');
    fs.cpSync(path.dirname(defaultEntry), bundle, {recursive: true});
    entry = path.join(bundle, path.basename(defaultEntry));
    dockerConfig = tempDir('docker-config');
    const login = await exec('docker', ['login', REGISTRY, '--username', REGISTRY_USER, '--password-stdin'], {env: {...process.env, DOCKER_CONFIG: dockerConfig}, input: REGISTRY_PASSWORD});
    if (login.code !== 0) throw new Error(`docker login ${REGISTRY} failed: ${login.stderr}`);
  }, 360_000);

  afterAll(async () => {
    if (engineReady) {
      const images = await exec('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']);
      // what the pushes left in dockerd's store (the docker driver keeps the staging tags locally), and ours
      const ours = images.stdout.split('\n').filter(ref => ref.includes(NS) || localImages.has(ref));
      const remove = [...new Set([...ours, ...localImages])];
      if (remove.length) await exec('docker', ['image', 'rm', '--force', ...remove]);
      for (const repo of pushedRepos) {
        try {
          for (const d of new Set(Object.values(await tagDigests(repo)))) await registryRequest('DELETE', `/v2/${repo}/manifests/${d}`);
        } catch {
          // the registry may not allow deletes: unique names keep runs apart anyway
        }
      }
    }
    for (const d of tempDirs) fs.rmSync(d, {recursive: true, force: true});
  }, 120_000);

  test('build in a fresh checkout: a runnable image for the host platform under the plan\'s tag, no QEMU, no push', async () => {
    const dir = checkout('app');
    const flags = ['--images', `${NS}/app`, '--tags', 'type=ref,event=branch', '--tags', 'type=sha'];
    const plan = await cli(['plan', '--json', ...flags], dir);
    expect(plan.code).toBe(0);
    const tags = (JSON.parse(plan.stdout) as {plan: {tags: string[]}[]}).plan[0].tags;
    const sha = git(dir, 'rev-parse', 'HEAD');
    expect(tags).toEqual([`ghcr.io/${NS}/app:main`, `ghcr.io/${NS}/app:sha-${sha.slice(0, 7)}`]);
    tags.forEach(t => localImages.add(t));

    // a secret (here from its INPUT_ variable): masked on a runner, and never printed in a terminal
    const secret = `s3cret-${NONCE}-value`;
    const run = await cli(['build', ...flags], dir, {INPUT_SECRETS: `token=${secret}`});
    expect(`${run.stdout}\n${run.stderr}`).toContain('Loaded into the local image store');
    expect(`${run.stdout}\n${run.stderr}`).not.toContain(secret);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`platforms ${HOST_PLATFORM}\n`);
    expect(run.stdout).toMatch(/QEMU: .*not needed/);
    expect(run.stdout).not.toMatch(/^::/m); // runner commands are made readable, not printed
    expect(run.stdout).not.toMatch(/docker login|imagetools create/);

    for (const tag of tags) {
      const out = await exec('docker', ['run', '--rm', tag]);
      expect(out).toMatchObject({code: 0, stdout: `baked ${NONCE} app on ${HOST_ARCH}\n`});
    }
    const inspect = await exec('docker', ['image', 'inspect', '--format', '{{.Os}}/{{.Architecture}}', tags[0]]);
    expect(inspect.stdout.trim()).toBe(HOST_PLATFORM);
    expect(await tagDigests(`${NS}/app`)).toEqual({}); // nothing reached the registry
  }, TEST_TIMEOUT_MS);

  test('build --platforms linux/amd64,linux/arm64: every platform in the local store, the foreign one under QEMU', async () => {
    const dir = checkout('multi');
    const tag = `ghcr.io/${NS}/multi:main`;
    localImages.add(tag);
    const run = await cli(['build', '--images', `${NS}/multi`, '--platforms', 'linux/amd64,linux/arm64'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const [platform, arch] of [['linux/amd64', 'x86_64'], ['linux/arm64', 'aarch64']]) {
      const out = await exec('docker', ['run', '--rm', '--platform', platform, tag]);
      expect(out).toMatchObject({code: 0, stdout: `baked ${NONCE} multi on ${arch}\n`});
    }
  }, TEST_TIMEOUT_MS);

  test('publish from a terminal: the user\'s docker login, both platforms, every tag on the pushed index', async () => {
    const dir = checkout('pub');
    const repo = `${NS}/pub`;
    pushedRepos.add(repo);
    const configBefore = fs.readFileSync(path.join(dockerConfig, 'config.json'), 'utf8');
    const run = await cli(['publish', '--dir', dir, '--images', `${REGISTRY}/${repo}`, '--platforms', 'linux/amd64,linux/arm64', '--tags', 'type=raw,value=release\ntype=sha'], os.tmpdir());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('docker login');
    expect(run.stdout).not.toContain(REGISTRY_PASSWORD);
    const sha = git(dir, 'rev-parse', 'HEAD').slice(0, 7);
    const moved = new RegExp(`^${REGISTRY}/${repo}: release, sha-${sha} -> (sha256:[0-9a-f]{64})$`, 'm').exec(run.stdout);
    expect(moved).not.toBeNull();
    const digest = moved![1];

    const tags = await tagDigests(repo);
    // the staging tag holds the content before the tags move (the docker driver cannot push by digest)
    const visible = Object.keys(tags).filter(t => !t.startsWith('mp-staging-'));
    expect(visible.sort()).toEqual(['release', `sha-${sha}`]);
    for (const t of visible) expect(tags[t]).toBe(digest);
    expect(await indexPlatforms(repo, digest)).toEqual(['linux/amd64', 'linux/arm64']);
    // their config as it was: used in place, not copied, logged out of or rewritten
    expect(fs.readFileSync(path.join(dockerConfig, 'config.json'), 'utf8')).toBe(configBefore);
  }, TEST_TIMEOUT_MS);

  test('publish refuses a dirty tree, pushing nothing; --allow-dirty proceeds', async () => {
    const dir = checkout('dirty');
    const repo = `${NS}/dirty`;
    pushedRepos.add(repo);
    fs.appendFileSync(path.join(dir, 'README.md'), 'uncommitted\n');
    const flags = ['--images', `${REGISTRY}/${repo}`, '--platforms', HOST_PLATFORM, '--tags', 'type=raw,value=dirty'];
    const refused = await cli(['publish', ...flags], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('has uncommitted changes to tracked files (README.md)');
    expect(refused.stderr).toContain('--allow-dirty');
    expect(refused.stdout).not.toContain('docker buildx');
    expect(await tagDigests(repo)).toEqual({});

    const allowed = await cli(['publish', '--allow-dirty', ...flags], dir);
    expect(allowed.stderr).toBe('');
    expect(allowed.code).toBe(0);
    const tags = await tagDigests(repo);
    expect(Object.keys(tags).filter(t => !t.startsWith('mp-staging-'))).toEqual(['dirty']);
  }, TEST_TIMEOUT_MS);
});
