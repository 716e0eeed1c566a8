// End to end: build secrets (an id=value line, a quoted multi-line value, a secret file and a secret from
// the environment) reach `RUN --mount=type=secret` (checked by hash) and never reach the log, the outputs,
// the summary, the state or the bake definition; the post step removes the secrets. A pull request builds every
// platform as a check and pushes nothing, so no registry is involved.
import {execFile} from 'node:child_process';
import {createHash, randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {runAction, runPost, startGitHubApiStub, repoRoot, type GitHubApiStub} from '../support/action.js';
import {binfmtProblem, buildxProblem, dockerProblem, prerequisites} from '../support/prereqs.js';

const exec = promisify(execFile);
const SECRET = `s3cr3t-${randomBytes(6).toString('hex')}`;
const nonce = () => randomBytes(6).toString('hex');
// build-push-action's quoted form: one value over three lines, with a quote in it
const MULTI = `-----BEGIN ${nonce()}-----\nmiddle "${nonce()}" line\n-----END ${nonce()}-----`;
const FILE_SECRET = `file-s3cret-${nonce()}\nsecond-line-${nonce()}\n`;
const ENV_SECRET = `env-s3cret-${nonce()}`;
// the engine, and QEMU for the linux/arm64 build; under CI a missing one fails the file (support/prereqs.ts)
const gate = await prerequisites('e2e secrets', [dockerProblem(), buildxProblem(), binfmtProblem(['aarch64'])]);
let stub: GitHubApiStub | undefined;
const temps: string[] = [];

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-secret-${name}-`));
  temps.push(dir);
  return dir;
}

beforeAll(async () => {
  if (!gate.ready) return;
  stub = await startGitHubApiStub();
}, 60_000);

afterAll(async () => {
  await stub?.close();
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
});

gate.test('a build secret is mounted in the build and never printed', async () => {
  const workspace = tempDir('ws');
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')]);
  fs.writeFileSync(
    path.join(workspace, 'Dockerfile'),
    [
      'FROM scratch',
      'ARG TARGETARCH',
      'COPY rootfs/busybox-${TARGETARCH} /bin/busybox',
      'RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin"]',
      // fails the build unless the secret is there, with the right value (compared through a hash)
      `RUN --mount=type=secret,id=api_token test "$(sha256sum < /run/secrets/api_token | cut -c1-64)" = "${await sha256(SECRET)}" && echo nonce-${randomBytes(4).toString('hex')}`,
      ...[['cert', MULTI], ['npmrc', FILE_SECRET], ['env_token', ENV_SECRET]].map(
        ([id, value]) => `RUN --mount=type=secret,id=${id} test "$(sha256sum < /run/secrets/${id} | cut -c1-64)" = "${sha256Sync(value)}" && echo ok-${id}-${nonce()}`
      ),
      ''
    ].join('\n')
  );
  fs.mkdirSync(path.join(workspace, 'conf'));
  fs.writeFileSync(path.join(workspace, 'conf', 'npmrc'), FILE_SECRET, {mode: 0o600});
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({number: 9, pull_request: {number: 9, head: {sha: 'b'.repeat(40)}, base: {ref: 'main'}}, repository: {default_branch: 'main', full_name: 'acme/app'}}));
  const run = await runAction({
    cwd: workspace,
    timeoutMs: 300_000,
    env: {
      HOME: tempDir('home'),
      PATH: process.env.PATH ?? '',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: 'refs/pull/9/merge',
      GITHUB_SHA: 'c'.repeat(40),
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_ACTOR: 'bot',
      GITHUB_WORKSPACE: workspace,
      GITHUB_API_URL: stub!.url,
      MP_E2E_ENV_SECRET: ENV_SECRET
    },
    inputs: {
      registry: process.env.REGISTRY_ADDR || '127.0.0.1:5000',
      images: 'e2e-secret/app',
      platforms: 'linux/amd64,linux/arm64',
      secrets: `api_token=${SECRET}\n"cert=${MULTI.replace(/"/g, '""')}"`,
      'secret-files': 'npmrc=conf/npmrc',
      'secret-envs': 'env_token=MP_E2E_ENV_SECRET',
      'github-token': 'e2e-token'
    }
  });
  try {
    expect({code: run.code, errors: run.log.split('\n').filter(l => l.startsWith('::error'))}).toEqual({code: 0, errors: []});
    expect(run.log).toContain('pull_request event: built as a check, not pushed');
    expect(run.log).toContain('::add-mask::' + SECRET); // the runner is told to mask it...
    expect(run.log).toContain('::add-mask::' + ENV_SECRET);
    for (const line of MULTI.split('\n')) expect(run.log).toContain('::add-mask::' + line); // each line of a multi-line one too
    for (const id of ['cert', 'npmrc', 'env_token']) expect(run.log).toMatch(new RegExp(`ok-${id}-`)); // each was checked in the build
    const bakeFile = /Bake definition: (\S+)/.exec(run.log)?.[1];
    expect(bakeFile).toBeDefined();
    const bake = fs.readFileSync(bakeFile!, 'utf8');
    const withoutMasks = run.log.split('\n').filter(l => !l.startsWith('::add-mask::')).join('\n');
    const shown = {log: withoutMasks, summary: run.summary, outputs: JSON.stringify(run.outputs), state: JSON.stringify(run.state), bake};
    const values = [SECRET, MULTI, ...MULTI.split('\n'), ...FILE_SECRET.split('\n').filter(Boolean), ENV_SECRET];
    for (const [where, text] of Object.entries(shown)) for (const v of values) expect({where, found: text.includes(v)}).toEqual({where, found: false}); // ...and none appears anywhere else
    expect(Object.values(JSON.parse(bake).target as Record<string, {secret: string[]}>)[0]).toMatchObject({
      secret: [expect.stringMatching(/^id=api_token,src=/), expect.stringMatching(/^id=cert,src=/), `id=npmrc,type=file,src=${fs.realpathSync(path.join(workspace, 'conf', 'npmrc'))}`, 'id=env_token,type=env,env=MP_E2E_ENV_SECRET']
    });
    expect(run.state.secretsDir).toBeDefined();
  } finally {
    const post = await runPost(run);
    expect(post.code).toBe(0);
    if (run.state.secretsDir) expect(fs.existsSync(run.state.secretsDir)).toBe(false);
  }
}, 300_000);

gate.test('a missing secret file, an unset variable and a duplicate id fail the step before anything runs, naming input and line', async () => {
  const workspace = tempDir('ws-bad');
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM scratch\n');
  const run = await runAction({
    cwd: workspace,
    timeoutMs: 60_000,
    env: {HOME: tempDir('home-bad'), PATH: process.env.PATH ?? '', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'c'.repeat(40), GITHUB_REPOSITORY: 'acme/app', GITHUB_WORKSPACE: workspace, GITHUB_API_URL: stub!.url},
    inputs: {
      registry: process.env.REGISTRY_ADDR || '127.0.0.1:5000',
      images: 'e2e-secret/bad',
      secrets: `tok=${SECRET}`,
      'secret-files': 'npmrc=missing/npmrc',
      'secret-envs': '\ntok=HOME\nnone=MP_E2E_NOT_SET',
      'github-token': 'e2e-token'
    }
  });
  expect(run.code).not.toBe(0);
  const errors = run.log.split('\n').filter(l => l.startsWith('::error'));
  expect(errors.join('\n')).toMatch(/Input "secret-files", line 1: secret "npmrc": the file missing\/npmrc does not exist/);
  expect(errors.join('\n')).toMatch(/Input "secret-envs", line 2: the secret id "tok" is already given \(secrets, line 1\)/);
  expect(errors.join('\n')).toMatch(/Input "secret-envs", line 3: secret "none": the environment variable MP_E2E_NOT_SET is not set/);
  expect(run.log).not.toContain(SECRET);
  expect(run.log).not.toMatch(/docker buildx|Bake definition/);
  expect(Object.keys(run.state)).toEqual(['isPost']); // nothing for a post step to undo
}, 60_000);

function sha256Sync(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function sha256(text: string): Promise<string> {
  const {createHash} = await import('node:crypto');
  return createHash('sha256').update(text).digest('hex');
}
