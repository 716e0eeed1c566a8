// End to end: the job's docker config starts from a copy of the user's. A user DOCKER_CONFIG logged in
// to the test registry (`docker login`, as docker/login-action leaves it) with `proxies` and a key of its
// own; a private base image pushed with it beforehand. A pull request run (no push, so no login of the
// action's) builds `FROM` that base: it pulls with the user's login. The job config holds the user's
// keys; a push run adds the action's login to the copy only; post removes the copy; the user's
// config.json is byte-identical afterwards.
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {runAction, runPost, startGitHubApiStub, repoRoot, cleanupRuns, type GitHubApiStub, type RunResult} from '../support/action.js';
import {exec} from '../support/exec.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryRequest, tagDigests} from '../support/registry.js';
import {buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';

const gate = await prerequisites('e2e docker-config', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD})]);
const NONCE = randomBytes(4).toString('hex');
const BASE = `${REGISTRY}/e2e-dcfg-${NONCE}/base:1`;
const APP = `e2e-dcfg-${NONCE}/app`;
let stub: GitHubApiStub | undefined;
const temps: string[] = [];
const runs: RunResult[] = [];
let userConfig = '';
let userText = '';
let ws = '';

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-dcfg-${name}-`));
  temps.push(dir);
  return dir;
}

gate.describe('the job docker config is a copy of the user config', () => {
  beforeAll(async () => {
    stub = await startGitHubApiStub();
    userConfig = tempDir('user');
    await exec('docker', ['login', '--username', REGISTRY_USER, '--password-stdin', REGISTRY], {env: {...process.env, DOCKER_CONFIG: userConfig}, input: REGISTRY_PASSWORD});
    const cfg = JSON.parse(fs.readFileSync(path.join(userConfig, 'config.json'), 'utf8'));
    fs.writeFileSync(path.join(userConfig, 'config.json'), JSON.stringify({...cfg, proxies: {default: {noProxy: '127.0.0.1,localhost'}}, 'x-e2e': NONCE}, null, '\t'));
    userText = fs.readFileSync(path.join(userConfig, 'config.json'), 'utf8');
    // the private base, pushed with the user's login
    const base = tempDir('base');
    await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(base, 'rootfs')]);
    fs.writeFileSync(path.join(base, 'Dockerfile'), ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', ''].join('\n'));
    await exec('docker', ['buildx', 'build', '--builder', 'default', '--platform', 'linux/amd64', '--push', '-t', BASE, base], {env: {...process.env, DOCKER_CONFIG: userConfig}});
    ws = tempDir('ws');
    fs.writeFileSync(path.join(ws, 'Dockerfile'), [`FROM ${BASE}`, `RUN ["/bin/busybox", "echo", "nonce-${randomBytes(4).toString('hex')}"]`, ''].join('\n'));
  }, 180_000);

  afterAll(async () => {
    await stub?.close();
    for (const repo of [`e2e-dcfg-${NONCE}/base`, APP]) {
      try {
        for (const d of new Set(Object.values(await tagDigests(repo)))) await registryRequest('DELETE', `/v2/${repo}/manifests/${d}`);
      } catch {
        // the registry may not allow deletes: the nonce keeps runs apart
      }
    }
    cleanupRuns(...runs);
    for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
  });

  async function run(push: boolean): Promise<RunResult> {
    const event = path.join(tempDir('event'), 'event.json');
    const sha = 'd'.repeat(40);
    fs.writeFileSync(event, JSON.stringify(push ? {ref: 'refs/heads/main', after: sha, repository: {default_branch: 'main', full_name: 'acme/app'}} : {number: 9, pull_request: {number: 9, head: {sha}, base: {ref: 'main'}}, repository: {default_branch: 'main', full_name: 'acme/app'}}));
    const r = await runAction({
      cwd: ws,
      timeoutMs: 300_000,
      env: {
        ...(process.env.DOCKER_HOST ? {DOCKER_HOST: process.env.DOCKER_HOST} : {}),
        HOME: tempDir('home'),
        PATH: process.env.PATH ?? '',
        DOCKER_CONFIG: userConfig,
        GITHUB_EVENT_NAME: push ? 'push' : 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_REF: push ? 'refs/heads/main' : 'refs/pull/9/merge',
        GITHUB_SHA: sha,
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_ACTOR: 'bot',
        GITHUB_RUN_ID: String(8_100_000_000 + Math.floor(Math.random() * 1e6)),
        GITHUB_WORKSPACE: ws,
        GITHUB_API_URL: stub!.url
      },
      inputs: {
        registry: REGISTRY,
        images: APP,
        platforms: 'linux/amd64',
        tags: 'type=sha',
        'github-token': 'e2e-token',
        ...(push ? {'registry-auth': `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`} : {})
      }
    });
    runs.push(r);
    return r;
  }

  test('a pull request builds FROM a private base with the user login alone; the copy holds the user keys', async () => {
    const r = await run(false);
    try {
      expect({code: r.code, errors: r.log.split('\n').filter(l => l.startsWith('::error'))}).toEqual({code: 0, errors: []});
      expect(r.state.logins ?? '[]').toBe('[]');
      const copy = JSON.parse(fs.readFileSync(path.join(r.state.dockerConfig, 'config.json'), 'utf8'));
      expect(copy.auths[REGISTRY]).toBeDefined();
      expect(copy.proxies).toEqual({default: {noProxy: '127.0.0.1,localhost'}});
      expect(copy['x-e2e']).toBe(NONCE);
    } finally {
      expect((await runPost(r)).code).toBe(0);
    }
    expect(fs.existsSync(r.state.dockerConfig)).toBe(false);
    expect(fs.readFileSync(path.join(userConfig, 'config.json'), 'utf8')).toBe(userText);
  }, 300_000);

  test('a push run logs in to the copy only (credHelpers "" there); post removes it; the user file is untouched', async () => {
    const r = await run(true);
    try {
      expect({code: r.code, errors: r.log.split('\n').filter(l => l.startsWith('::error'))}).toEqual({code: 0, errors: []});
      expect(JSON.parse(r.state.logins)).toEqual([REGISTRY]);
      const copy = JSON.parse(fs.readFileSync(path.join(r.state.dockerConfig, 'config.json'), 'utf8'));
      expect(copy.credHelpers).toEqual({[REGISTRY]: ''});
      expect(copy.auths[REGISTRY]).toBeDefined();
      // (docker's own login rewrites the file and drops keys it does not know, such as x-e2e)
      expect(copy.proxies).toEqual({default: {noProxy: '127.0.0.1,localhost'}});
      expect(fs.readFileSync(path.join(userConfig, 'config.json'), 'utf8')).toBe(userText);
    } finally {
      expect((await runPost(r)).code).toBe(0);
    }
    expect(fs.existsSync(r.state.dockerConfig)).toBe(false);
    expect(fs.readFileSync(path.join(userConfig, 'config.json'), 'utf8')).toBe(userText);
  }, 300_000);
});
