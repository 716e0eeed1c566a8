// End to end: a size budget (policy max-size) in mode: publish, on the real engine and registry. The
// budget is checked once the content is in the registry, before any tag moves: over budget, the step
// fails naming image, platform, size and budget, and no tag exists; within budget, the release goes
// through and the summary shows each platform's size next to its budget.
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {runAction, runPost, startGitHubApiStub, repoRoot, cleanupRuns, type GitHubApiStub, type RunResult} from '../support/action.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryRequest, tagList, MANIFEST_ACCEPT} from '../support/registry.js';
import {buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';

const exec = promisify(execFile);
const gate = await prerequisites('e2e size-budget', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD})]);
const NS = `e2e-budget-${randomBytes(4).toString('hex')}`;
const REPO = `${NS}/app`;
const SHA = 'b'.repeat(40);
let stub: GitHubApiStub | undefined;
const temps: string[] = [];
const runs: RunResult[] = [];
const digests = new Set<string>();

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-budget-${name}-`));
  temps.push(dir);
  return dir;
}

let workspace = '';
beforeAll(async () => {
  if (!gate.ready) return;
  stub = await startGitHubApiStub({id: 1, name: 'app', full_name: 'acme/app', private: false, owner: {login: 'acme'}, html_url: 'https://github.com/acme/app', description: 'size budget', default_branch: 'main', license: null, topics: []});
  workspace = tempDir('ws');
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')]);
  // COPY only: no step runs foreign code, so no emulator is needed to build linux/arm64 here
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', `LABEL org.example.nonce=${randomBytes(4).toString('hex')}`, ''].join('\n'));
}, 120_000);

afterAll(async () => {
  for (const run of runs) {
    const post = await runPost(run);
    cleanupRuns(run, post);
  }
  // every index the runs pushed (tagged or not), by digest
  for (const d of digests) await registryRequest('DELETE', `/v2/${REPO}/manifests/${d}`).catch(() => undefined);
  await stub?.close();
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
}, 120_000);

const publish = async (policy: string) => {
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', after: SHA, repository: {default_branch: 'main', full_name: 'acme/app'}}));
  const run = await runAction({
    cwd: workspace,
    timeoutMs: 300_000,
    env: {HOME: tempDir('home'), PATH: process.env.PATH ?? '', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event, GITHUB_REF: 'refs/heads/main', GITHUB_SHA: SHA, GITHUB_REPOSITORY: 'acme/app', GITHUB_ACTOR: 'bot', GITHUB_WORKSPACE: workspace, GITHUB_API_URL: stub!.url},
    inputs: {
      registry: REGISTRY,
      images: REPO,
      platforms: 'linux/amd64,linux/arm64',
      tags: 'type=raw,value=v1\ntype=raw,value=latest',
      policy,
      'registry-auth': `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`,
      'github-token': 'e2e-token'
    }
  });
  runs.push(run);
  for (const m of run.log.matchAll(/sha256:[0-9a-f]{64}/g)) digests.add(m[0]);
  return run;
};

const tags = () => tagList(REPO).catch(() => [] as string[]);
const digestOf = async (ref: string) => (await registryRequest('HEAD', `/v2/${REPO}/manifests/${ref}`, {accept: MANIFEST_ACCEPT}).catch(() => undefined))?.headers['docker-content-digest'] as string | undefined;

gate.test('over budget: the step fails before any tag moves, naming image, platform, size and budget; within budget: released, sizes in the summary', async () => {
  const image = `${REGISTRY}/${REPO}`;
  const over = await publish('max-size=**/app:100KB');
  const errors = over.log.split('\n').filter(l => l.startsWith('::error'));
  expect(over.code).not.toBe(0);
  expect(errors.join('\n')).toMatch(/The size budget refuses this release \(2 platform images over budget\); no tag was created or moved/);
  for (const platform of ['linux/amd64', 'linux/arm64']) {
    expect(errors.join('\n')).toMatch(new RegExp(`${image.replace(/[.]/g, '\\.')} ${platform}: [0-9.]+ KB \\(\\d+ bytes\\) is over the budget of 100 KB \\(100000 bytes, max-size=\\*\\*/app:100KB\\)`));
  }
  // the content was pushed by digest; no tag exists, not even a staging one
  expect(await tags()).toEqual([]);
  expect(over.summary).toContain('### Size budgets');
  expect(over.summary).toMatch(/\| linux\/amd64 \| [0-9.]+ KB \| 100 KB \(`max-size=\*\*\/app:100KB`\) \| _new_ \(no `latest` before\) \| ❌ over budget \|/);

  const within = await publish('max-size=**/app:50MB');
  expect({code: within.code, errors: within.log.split('\n').filter(l => l.startsWith('::error'))}).toEqual({code: 0, errors: []});
  const digest = within.outputs['digest'];
  digests.add(digest);
  expect((await tags()).sort()).toEqual(['latest', 'v1']);
  expect(await digestOf('latest')).toBe(digest);
  for (const platform of ['linux/amd64', 'linux/arm64']) {
    expect(within.summary).toMatch(new RegExp(`\\| ${platform.replace('/', '\\/')} \\| [0-9.]+ MB \\| 50 MB \\(\`max-size=\\*\\*/app:50MB\`\\) \\| _new_ \\(no \`latest\` before\\) \\| ✅ \\|`));
  }

  // new content (another layer) under the same tags: the change since what latest pointed at
  fs.appendFileSync(path.join(workspace, 'Dockerfile'), 'COPY Dockerfile /etc/recipe\n');
  const next = await publish('max-size=**/app:50MB');
  expect(next.code).toBe(0);
  digests.add(next.outputs['digest']);
  expect(await digestOf('latest')).toBe(next.outputs['digest']);
  for (const platform of ['linux/amd64', 'linux/arm64']) {
    expect(next.summary).toMatch(new RegExp(`\\| ${platform.replace('/', '\\/')} \\| [0-9.]+ MB \\| 50 MB \\(\`max-size=\\*\\*/app:50MB\`\\) \\| \\+[0-9.]+ (B|KB|MB) \\(\\+<?[0-9.]+ %\\) since \`latest\` \\(\`${digest.slice(0, 19)}…\`\\) \\| ✅ \\|`));
  }
}, 600_000);
