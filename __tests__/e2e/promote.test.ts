// End to end: mode: promote on the real registry. Two images are published once (mode: publish, tags
// sha-<short> and v1), then promoted as separate jobs: sha-<short> -> env-staging, then -> env-prod; every
// target tag resolves to exactly the source index (no new manifest: the platform manifests and
// attestations are the publish's); a promotion where one image lacks the source moves nothing; a dry run
// moves nothing; a later release promoted over env-prod records where it pointed before; a rollback
// returns env-prod to the first digest and mode: history shows the three moves; two concurrent
// promotions of one channel both end up in its history.
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {repoRoot, startGitHubApiStub, type GitHubApiStub} from '../support/action.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryJson, registryRequest, tagDigests, tagList} from '../support/registry.js';
import {buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';
import {cleanupJobs, job, type JobResult} from '../support/split.js';

const execp = promisify(execFile);
const gate = await prerequisites('e2e promote', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD})]);

const NONCE = randomBytes(4).toString('hex');
const NS = `e2e-promote-${NONCE}`;
const REPOS = [`${NS}/api`, `${NS}/worker`];
const SHA1 = '1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const SHA2 = '2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const AUTH = `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`;
let stub: GitHubApiStub | undefined;
let workspace = '';
const jobs: JobResult[] = [];

async function run(sha: string, inputs: Record<string, string>): Promise<JobResult> {
  const r = await job({sha, workspace, apiUrl: stub!.url, repository: 'acme/app', inputs: {registry: REGISTRY, 'registry-auth': AUTH, 'github-token': 'e2e-token', ...inputs}});
  jobs.push(r);
  expect(r.post.code).toBe(0);
  return r;
}
const images = (repos = REPOS) => repos.map(r => `name=${r}`).join('\n');
const digest = async (repo: string, tag: string) => (await tagDigests(repo))[tag];

gate.describe('mode: promote', () => {
  beforeAll(async () => {
    stub = await startGitHubApiStub({id: 1, name: 'app', full_name: 'acme/app', private: false, owner: {login: 'acme'}, html_url: 'https://github.com/acme/app', description: 'promote', default_branch: 'main', license: null, topics: []});
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-e2e-promote-ws-'));
    await execp('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')]);
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), ['FROM scratch', 'ARG TARGETARCH', 'ARG NONCE', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', 'LABEL org.example.nonce=${NONCE}', ''].join('\n'));
  }, 120_000);

  afterAll(async () => {
    await stub?.close();
    for (const repo of REPOS) {
      const tags = await tagDigests(repo).catch(() => ({}) as Record<string, string>);
      for (const d of new Set(Object.values(tags))) await registryRequest('DELETE', `/v2/${repo}/manifests/${d}`).catch(() => undefined);
    }
    cleanupJobs(jobs);
    if (workspace) fs.rmSync(workspace, {recursive: true, force: true});
  }, 120_000);

  let v1 = '';
  test('publish once, promote to env-staging then env-prod: every target tag is exactly the source index', async () => {
    const published = await run(SHA1, {images: images(), platforms: 'linux/amd64,linux/arm64', tags: 'type=sha,prefix=sha-\ntype=raw,value=v1', 'build-args': `NONCE=${NONCE}-1`});
    expect(published.errors).toEqual([]);
    v1 = published.main.outputs['digest']!;
    for (const repo of REPOS) expect(await digest(repo, 'sha-1111111')).toBe(v1);
    const before = await Promise.all(REPOS.map(async r => (await tagList(r)).length));
    for (const channel of ['env-staging', 'env-prod']) {
      const r = await run(SHA1, {mode: 'promote', images: images(), from: channel === 'env-staging' ? 'sha-1111111' : 'env-staging', to: channel});
      expect(r.errors).toEqual([]);
      expect(r.main.code).toBe(0);
      const promotions = JSON.parse(r.main.outputs['promotions']!) as {image: string; tag: string; before: string | null; digest: string; state: string}[];
      expect(promotions.map(p => [p.image, p.tag, p.before, p.digest, p.state])).toEqual(REPOS.map(repo => [`${REGISTRY}/${repo}`, channel, null, v1, 'moved']));
      expect(r.main.summary).toContain(`\`${channel}\`: _new_ → \`${v1.slice(0, 11)}…\``);
      for (const repo of REPOS) expect(await digest(repo, channel)).toBe(v1);
    }
    // no new manifest: the index the channels name is the publish's, with both platforms
    for (const repo of REPOS) {
      const index = await registryJson(repo, 'env-prod');
      expect((index.manifests as {platform?: {architecture: string}}[]).map(m => m.platform?.architecture).filter(a => a !== 'unknown').sort()).toEqual(['amd64', 'arm64']);
      // two channel tags, and one history entry (a tag of its own) per move
      expect((await tagList(repo)).length).toBe(before[REPOS.indexOf(repo)]! + 4);
    }
  }, 300_000);

  test('an image without the source: nothing moves, the missing image is named', async () => {
    const missing = `${NS}/absent`;
    const r = await run(SHA1, {mode: 'promote', images: images([...REPOS, missing]), from: 'sha-1111111', to: 'env-qa'});
    expect(r.main.code).not.toBe(0);
    expect(r.errors.join('\n')).toContain(`${REGISTRY}/${missing} has no tag sha-1111111`);
    expect(r.errors.join('\n')).toContain('no tag was moved');
    for (const repo of REPOS) expect(await digest(repo, 'env-qa')).toBeUndefined();
  }, 120_000);

  test('a later release promoted over env-prod: before and after in the output; a dry run moves nothing', async () => {
    const published = await run(SHA2, {images: images(), platforms: 'linux/amd64', tags: 'type=sha,prefix=sha-', 'build-args': `NONCE=${NONCE}-2`});
    expect(published.errors).toEqual([]);
    const v2 = published.main.outputs['digest']!;
    expect(v2).not.toBe(v1);
    const dry = await run(SHA2, {mode: 'promote', images: images(), from: 'sha-2222222', to: 'env-prod', 'dry-run': 'true'});
    expect(JSON.parse(dry.main.outputs['promotions']!).map((p: {state: string; before: string}) => [p.state, p.before])).toEqual(REPOS.map(() => ['would-move', v1]));
    for (const repo of REPOS) expect(await digest(repo, 'env-prod')).toBe(v1);
    // the guard compares commits through the GitHub API stub, which cannot tell: force-tags moves it
    const r = await run(SHA2, {mode: 'promote', images: images(), from: 'sha-2222222', to: 'env-prod', 'force-tags': 'true'});
    expect(r.errors).toEqual([]);
    expect(JSON.parse(r.main.outputs['promotions']!).map((p: {before: string; digest: string}) => [p.before, p.digest])).toEqual(REPOS.map(() => [v1, v2]));
    for (const repo of REPOS) expect(await digest(repo, 'env-prod')).toBe(v2);
    v2Digest = v2;
  }, 300_000);

  let v2Digest = '';
  test('rollback after the two promotions returns env-prod to the first digest; history shows all three moves', async () => {
    const r = await run(SHA2, {mode: 'rollback', images: images(), to: 'env-prod'});
    expect(r.errors).toEqual([]);
    expect(JSON.parse(r.main.outputs['promotions']!).map((p: {before: string; digest: string; state: string}) => [p.before, p.digest, p.state])).toEqual(REPOS.map(() => [v2Digest, v1, 'moved']));
    for (const repo of REPOS) expect(await digest(repo, 'env-prod')).toBe(v1);
    const h = await run(SHA2, {mode: 'history', images: images(), to: 'env-prod'});
    expect(h.errors).toEqual([]);
    const shown = JSON.parse(h.main.outputs['history']!) as {image: string; current: string; entries: {kind: string; before: string | null; after: string; source: string}[]}[];
    for (const c of shown) {
      expect(c.current).toBe(v1);
      expect(c.entries.map(e => [e.kind, e.before, e.after, e.source])).toEqual([
        ['promote', null, v1, 'env-staging'],
        ['promote', v1, v2Digest, 'sha-2222222'],
        ['rollback', v2Digest, v1, '1 step back']
      ]);
    }
    expect(h.main.summary).toContain('## multiarch-publish: channel history');
    // the entries are tags of their own, never release tags: env-staging's one and env-prod's three
    for (const repo of REPOS) expect((await tagList(repo)).filter(t => t.startsWith('mp-hist-'))).toHaveLength(4);
  }, 300_000);

  test('two concurrent promotions of one channel: both moves end up in the history', async () => {
    const [a, b] = await Promise.all([
      run(SHA2, {mode: 'promote', images: images([REPOS[0]!]), from: 'sha-1111111', to: 'env-race', 'force-tags': 'true'}),
      run(SHA2, {mode: 'promote', images: images([REPOS[0]!]), from: 'sha-2222222', to: 'env-race', 'force-tags': 'true'})
    ]);
    // at most one of them sees the other's move in its read-back and fails; both moves are recorded
    expect([a.main.code, b.main.code].filter(c => c === 0).length).toBeGreaterThanOrEqual(1);
    const h = await run(SHA2, {mode: 'history', images: images([REPOS[0]!]), to: 'env-race'});
    const [c] = JSON.parse(h.main.outputs['history']!) as {entries: {after: string}[]}[];
    expect(c!.entries.map(e => e.after).sort()).toEqual([v1, v2Digest].sort());
  }, 300_000);
});
