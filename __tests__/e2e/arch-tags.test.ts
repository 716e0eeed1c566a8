// End to end: `arch-tags: true` in mode: publish. Every release tag also exists per platform
// (`<tag>-<suffix>`), pointing at exactly that platform's manifest of the index the release tag names.
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {runAction, runPost, startGitHubApiStub, repoRoot, cleanupRuns, type GitHubApiStub} from '../support/action.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryJson, registryRequest, MANIFEST_ACCEPT} from '../support/registry.js';
import {buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';

const exec = promisify(execFile);
const gate = await prerequisites('e2e arch-tags', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD})]);
const NS = `e2e-archtags-${randomBytes(4).toString('hex')}`;
const SHA = 'e'.repeat(40);
const TAGS = ['v1', 'v1-amd64', 'v1-arm64', 'latest', 'latest-amd64', 'latest-arm64'];
let stub: GitHubApiStub | undefined;
const temps: string[] = [];

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-archtags-${name}-`));
  temps.push(dir);
  return dir;
}

beforeAll(async () => {
  if (!gate.ready) return;
  stub = await startGitHubApiStub({id: 1, name: 'app', full_name: 'acme/app', private: false, owner: {login: 'acme'}, html_url: 'https://github.com/acme/app', description: 'arch tags', default_branch: 'main', license: null, topics: []});
}, 60_000);

afterAll(async () => {
  await stub?.close();
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
});

const digestOf = async (ref: string) => (await registryRequest('HEAD', `/v2/${NS}/app/manifests/${ref}`, {accept: MANIFEST_ACCEPT}).catch(() => undefined))?.headers['docker-content-digest'] as string | undefined;

gate.test('per-platform tags resolve to the platform manifests of the release index', async () => {
  const workspace = tempDir('ws');
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')]);
  // COPY only: no step runs foreign code, so no emulator is needed to build linux/arm64 here
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', `LABEL org.example.nonce=${randomBytes(4).toString('hex')}`, ''].join('\n'));
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', after: SHA, repository: {default_branch: 'main', full_name: 'acme/app'}}));
  const run = await runAction({
    cwd: workspace,
    timeoutMs: 300_000,
    env: {HOME: tempDir('home'), PATH: process.env.PATH ?? '', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event, GITHUB_REF: 'refs/heads/main', GITHUB_SHA: SHA, GITHUB_REPOSITORY: 'acme/app', GITHUB_ACTOR: 'bot', GITHUB_WORKSPACE: workspace, GITHUB_API_URL: stub!.url},
    inputs: {
      registry: REGISTRY,
      images: `${NS}/app`,
      platforms: 'linux/amd64,linux/arm64',
      tags: 'type=raw,value=v1\ntype=raw,value=latest',
      'arch-tags': 'true',
      'registry-auth': `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`,
      'github-token': 'e2e-token'
    }
  });
  try {
    expect({code: run.code, errors: run.log.split('\n').filter(l => l.startsWith('::error'))}).toEqual({code: 0, errors: []});
    const index = await registryJson(`${NS}/app`, 'v1');
    const manifests = (index.manifests ?? []) as {digest: string; platform?: {os: string; architecture: string}}[];
    for (const arch of ['amd64', 'arm64']) {
      const child = manifests.find(m => m.platform?.os === 'linux' && m.platform.architecture === arch);
      expect(child).toBeDefined();
      expect(await digestOf(`v1-${arch}`)).toBe(child!.digest);
      expect(await digestOf(`latest-${arch}`)).toBe(child!.digest);
    }
    expect(await digestOf('latest')).toBe(await digestOf('v1'));
    // the tags output stays metadata-action's (release tags only)
    expect(run.outputs['tags'].split('\n')).toEqual([`${REGISTRY}/${NS}/app:v1`, `${REGISTRY}/${NS}/app:latest`]);
  } finally {
    const post = await runPost(run);
    expect(post.code).toBe(0);
    cleanupRuns(run, post);
    for (const ref of TAGS) {
      const digest = await digestOf(ref);
      if (digest) await registryRequest('DELETE', `/v2/${NS}/app/manifests/${digest}`).catch(() => undefined);
    }
  }
}, 300_000);
