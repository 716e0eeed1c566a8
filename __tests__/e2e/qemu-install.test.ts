// End to end, the action's QEMU install path on the real engine (issue 7): an emulator the build needs is
// missing from binfmt_misc, so the action runs `docker run --privileged --rm <qemu-image> --install riscv64`
// with `qemu-image` set to the local stand-in of tonistiigi/binfmt (scripts/binfmt-image.sh: Debian's
// qemu-user-static and busybox-static, FROM scratch). Checked: the action says it installs the emulator for
// riscv64, binfmt_misc has qemu-riscv64 enabled again (flag F, so it works inside BuildKit's containers),
// and a RUN step really ran under it: the pushed linux/riscv64 image, read back from the registry, has
// `uname -m` = riscv64 and this run's nonce.
//
// binfmt_misc is global kernel state, shared with everyone using this engine: the riscv64 entry is
// unregistered only for the run, under a lock (two runs of this file at once would see each other's
// registration), and afterAll ALWAYS puts it back as it was (host's update-binfmts, or the stand-in).
// Needs root, the engine (scripts/engine-up.sh) and the stand-in image (scripts/test.sh builds it).
// Under CI a missing prerequisite fails this file (support/prereqs.ts).
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {runAction, runPost, startGitHubApiStub, repoRoot, type GitHubApiStub, type RunResult} from '../support/action.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, fileInImage, registryJson, tagList} from '../support/registry.js';
import {BINFMT_DIR, buildxProblem, dockerProblem, imageProblem, prerequisites, registryProblem, rootProblem} from '../support/prereqs.js';

const BINFMT_IMAGE = process.env.E2E_BINFMT_IMAGE || 'ci-local/binfmt:debian';
const ENTRY = `${BINFMT_DIR}/qemu-riscv64`;
const LOCK = path.join(os.tmpdir(), 'multiarch-publish-e2e-qemu-riscv64.lock');
const NS = `e2e-qemu-${randomBytes(3).toString('hex')}`;
const NONCE = `nonce-${randomBytes(6).toString('hex')}`;
const SHA = randomBytes(20).toString('hex');

interface Exec {
  code: number;
  stdout: string;
  stderr: string;
}

function exec(cmd: string, args: string[], opts: {env?: NodeJS.ProcessEnv; timeoutMs?: number} = {}): Promise<Exec> {
  return new Promise(resolve => {
    execFile(cmd, args, {env: opts.env ?? process.env, timeout: opts.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024}, (err, stdout, stderr) => {
      const code = err ? (typeof (err as {code?: unknown}).code === 'number' ? (err as {code: number}).code : 127) : 0;
      resolve({code, stdout: String(stdout), stderr: String(stderr) || (err ? err.message : '')});
    });
  });
}

const gate = await prerequisites('e2e qemu-install', [
  dockerProblem(),
  buildxProblem(),
  registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD}),
  imageProblem(BINFMT_IMAGE, 'scripts/binfmt-image.sh'),
  rootProblem(`is needed to unregister qemu-riscv64 from ${BINFMT_DIR}`),
  fs.existsSync(`${BINFMT_DIR}/register`) ? undefined : `binfmt_misc is not mounted on ${BINFMT_DIR}: run \`eval "$(bash scripts/engine-up.sh)"\` as root`
]);

/** The riscv64 entry as binfmt_misc shows it, or undefined when there is none. */
function readEntry(): string | undefined {
  try {
    return fs.readFileSync(ENTRY, 'utf8');
  } catch {
    return undefined;
  }
}
const field = (entry: string | undefined, name: string) => entry?.split('\n').find(l => l.startsWith(`${name} `) || l.startsWith(`${name}:`));

/** Unregisters qemu-riscv64 (what `echo -1 > /proc/sys/fs/binfmt_misc/qemu-riscv64` does). */
function unregister(): void {
  if (fs.existsSync(ENTRY)) fs.writeFileSync(ENTRY, '-1');
}

/** Back to the state before the run, whatever happened in between. Returns what it did, for the log. */
async function restore(before: string | undefined): Promise<string> {
  const now = readEntry();
  if (before === undefined) {
    if (now !== undefined) unregister();
    return now === undefined ? 'nothing to restore (riscv64 was not registered)' : 'unregistered riscv64 again (it was not registered before)';
  }
  if (now !== undefined && field(now, 'magic') === field(before, 'magic') && field(now, 'mask') === field(before, 'mask') && /^enabled/.test(now)) return 'riscv64 registered as before';
  if (now !== undefined) unregister();
  // the host's own registration first (the one scripts/engine-up.sh made), then the stand-in's
  const host = await exec('update-binfmts', ['--enable', 'qemu-riscv64'], {timeoutMs: 30_000});
  if (readEntry()?.startsWith('enabled')) return 'riscv64 re-registered with update-binfmts';
  const standIn = await exec('docker', ['run', '--privileged', '--rm', BINFMT_IMAGE, '--install', 'riscv64']);
  if (readEntry()?.startsWith('enabled')) return 'riscv64 re-registered with the stand-in';
  throw new Error(`could not restore qemu-riscv64 in binfmt_misc: update-binfmts: ${host.stderr.trim()}; ${BINFMT_IMAGE}: ${standIn.stderr.trim()}`);
}

/** A lock across processes (mkdir is atomic), taken over from a holder that is gone. */
async function lock(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder = NaN;
    try {
      holder = Number(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8'));
    } catch {
      // being created or removed right now
    }
    let alive = true;
    if (Number.isInteger(holder) && holder > 0) {
      try {
        process.kill(holder, 0);
      } catch {
        alive = false;
      }
    }
    if (!alive) fs.rmSync(LOCK, {recursive: true, force: true});
    else if (Date.now() > deadline) throw new Error(`${LOCK} is held by process ${holder} for more than ${timeoutMs / 1000} s`);
    else await new Promise(r => setTimeout(r, 1000));
  }
}

// ------------------------------------------------------------------------------------------------
// the registry, read back
// ------------------------------------------------------------------------------------------------

/** A file of the linux/riscv64 image of a tag, from the topmost layer that has it. */
async function fileInRiscv64Image(repository: string, tag: string, file: string): Promise<string | undefined> {
  const index = await registryJson(repository, tag);
  const entry = (index.manifests as {digest: string; platform?: {os: string; architecture: string}}[] | undefined)?.find(
    m => m.platform?.os === 'linux' && m.platform.architecture === 'riscv64'
  );
  if (!entry) throw new Error(`${repository}:${tag} has no linux/riscv64 manifest: ${JSON.stringify(index)}`);
  return fileInImage(repository, entry.digest, file);
}

// ------------------------------------------------------------------------------------------------
// the test
// ------------------------------------------------------------------------------------------------

gate.describe('QEMU install path (real engine, binfmt stand-in)', () => {
  let stub: GitHubApiStub | undefined;
  let locked = false;
  let before: string | undefined;
  const temps: string[] = [];
  const tempDir = (name: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-qemu-${name}-`));
    temps.push(dir);
    return dir;
  };

  beforeAll(async () => {
    await lock(600_000);
    locked = true;
    before = readEntry();
    stub = await startGitHubApiStub();
  }, 660_000);

  afterAll(async () => {
    try {
      if (locked) process.stderr.write(`[e2e qemu-install] ${await restore(before)}\n`);
    } finally {
      if (locked) fs.rmSync(LOCK, {recursive: true, force: true});
      await stub?.close();
      // the docker driver keeps what it built (and the staging tag) in dockerd's store
      const images = await exec('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']);
      const ours = images.stdout.split('\n').filter(ref => ref.startsWith(`${REGISTRY}/${NS}/`));
      if (ours.length) await exec('docker', ['image', 'rm', '--force', ...ours]);
      for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
    }
  }, 120_000);

  test('an emulator missing from binfmt_misc is installed with qemu-image, and the riscv64 RUN step runs under it', async () => {
    const workspace = tempDir('ws');
    const bb = await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')], {
      env: {...process.env, BUSYBOX_ARCHS: 'riscv64'},
      timeoutMs: 300_000
    });
    if (bb.code !== 0) throw new Error(`scripts/busybox-static.sh failed: ${bb.stderr}`);
    fs.writeFileSync(
      path.join(workspace, 'Dockerfile'),
      [
        'FROM scratch',
        'ARG TARGETARCH',
        'COPY rootfs/busybox-${TARGETARCH} /bin/busybox',
        `RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin && uname -m > /arch && echo ${NONCE} > /nonce"]`,
        ''
      ].join('\n')
    );
    const event = path.join(tempDir('event'), 'event.json');
    fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', repository: {default_branch: 'main', full_name: 'acme/app'}, head_commit: {id: SHA, timestamp: '2024-06-28T14:30:22Z'}}));

    unregister();
    expect(readEntry()).toBeUndefined();

    const run: RunResult = await runAction({
      cwd: workspace,
      timeoutMs: 300_000,
      env: {
        HOME: tempDir('home'),
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
        platforms: 'linux/riscv64',
        tags: 'type=ref,event=branch\ntype=sha',
        'setup-qemu': 'auto',
        'qemu-image': BINFMT_IMAGE,
        'registry-auth': `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}`,
        'github-token': 'e2e-token'
      }
    });
    try {
      expect({code: run.code, errors: run.log.split('\n').filter(l => l.startsWith('::error'))}).toEqual({code: 0, errors: []});
      // the action decided to install, for riscv64 alone, and the stand-in did it
      expect(run.log).toContain('QEMU: installing emulators for riscv64');
      expect(run.log).toContain('installing: riscv64 OK');

      // registered again, enabled, with flag F (the interpreter is opened at registration, so it runs in
      // BuildKit's containers), and with Debian's magic and mask (those of the entry we removed, if any)
      const after = readEntry();
      expect(after?.split('\n')[0]).toBe('enabled');
      expect(field(after, 'flags')).toMatch(/^flags: \w*F/);
      if (before !== undefined) {
        expect(field(after, 'magic')).toBe(field(before, 'magic'));
        expect(field(after, 'mask')).toBe(field(before, 'mask'));
      }

      // the RUN step ran under it, in this run: the pushed riscv64 image says so
      const name = `${NS}/app`;
      expect(await fileInRiscv64Image(name, 'main', 'arch')).toBe('riscv64\n');
      expect(await fileInRiscv64Image(name, 'main', 'nonce')).toBe(`${NONCE}\n`);
      // (the docker driver pushes a staging tag first; the action moves the real tags onto its index)
      const tags = (await tagList(name)).filter(t => !t.startsWith('mp-staging-'));
      expect(tags.sort()).toEqual(['main', `sha-${SHA.slice(0, 7)}`].sort());
    } finally {
      const post = await runPost(run);
      expect(post.code).toBe(0);
    }
  }, 600_000);
});
