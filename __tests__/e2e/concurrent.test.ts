// End to end: two pushes to main, the older run finishing last. A real git repository made here (commit A,
// then B on top of it), a stand-in of GitHub's REST API on 127.0.0.1 that answers the compare API from that
// repository (`git merge-base --is-ancestor`, `git rev-list --count`) in GitHub's shape, and the bundled
// action publishing to the test registry: first for B, then for A. A's run pushes its commit tag but
// leaves `main` and `latest` at B's index (a warning, the summary, `skipped-tags`); with `force-tags: true`
// they move to A's.
import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {runAction, runPost, type RunResult} from '../support/action.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryRequest, tagDigests} from '../support/registry.js';
import {buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';

const NS = `e2e-concurrent-${randomBytes(3).toString('hex')}`;
const IMAGE = `${NS}/app`;
const FALLBACK = `${NS}/fallback`;
const REGISTRY_AUTH = `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}`;
const TAGS = 'type=ref,event=branch\ntype=sha\ntype=raw,value=latest';
const temps: string[] = [];

const gate = await prerequisites('e2e concurrent', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD})]);

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-concurrent-${name}-`));
  temps.push(dir);
  return dir;
}

function git(cwd: string, args: string[], date = '2024-06-28T14:30:22Z'): string {
  const env = {...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date};
  return execFileSync('git', args, {cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}).trim();
}

const isAncestor = (repo: string, a: string, b: string): boolean => {
  try {
    git(repo, ['merge-base', '--is-ancestor', a, b]);
    return true;
  } catch {
    return false;
  }
};

/** GitHub's compare answer for base...head, from the real repository (404 for a commit it lacks). */
function compare(repo: string, base: string, head: string): object | undefined {
  try {
    [base, head] = [git(repo, ['rev-parse', '--verify', `${base}^{commit}`]), git(repo, ['rev-parse', '--verify', `${head}^{commit}`])];
  } catch {
    return undefined;
  }
  const count = (range: string) => Number(git(repo, ['rev-list', '--count', range]));
  const ahead = count(`${base}..${head}`);
  const behind = count(`${head}..${base}`);
  const status = base === head ? 'identical' : isAncestor(repo, base, head) ? 'ahead' : isAncestor(repo, head, base) ? 'behind' : 'diverged';
  const commit = (sha: string) => ({sha, commit: {committer: {date: git(repo, ['log', '-1', '--format=%cI', sha])}}});
  const commits = ahead ? git(repo, ['rev-list', '--reverse', `${base}..${head}`]).split('\n').map(commit) : [];
  return {status, ahead_by: ahead, behind_by: behind, total_commits: ahead, base_commit: commit(base), merge_base_commit: commit(git(repo, ['merge-base', base, head])), commits};
}

let server: http.Server | undefined;
/** The compare API answers 404 (a commit GitHub does not know): the guard falls back to dates. */
let compareFails = false;
let apiUrl = '';
const requests: string[] = [];
let repo = '';
let shaA = '';
let shaB = '';
let wsA = '';

beforeAll(async () => {
  if (!gate.ready) return;
  repo = path.join(tempDir('repo'), 'app');
  fs.mkdirSync(repo);
  git(repo, ['init', '-q', '-b', 'main']);
  fs.writeFileSync(path.join(repo, 'Dockerfile'), 'FROM scratch\nCOPY content /content\n');
  for (const [name, date] of [['A', '2024-06-01T10:00:00Z'], ['B', '2024-06-01T10:05:00Z']]) {
    fs.writeFileSync(path.join(repo, 'content'), `commit ${name} ${NS}\n`);
    git(repo, ['add', '-A'], date);
    git(repo, ['commit', '-q', '-m', name], date);
  }
  shaB = git(repo, ['rev-parse', 'HEAD']);
  shaA = git(repo, ['rev-parse', 'HEAD~1']);
  // A's checkout, as A's run has it
  wsA = path.join(tempDir('ws-a'), 'app');
  git(os.tmpdir(), ['clone', '-q', repo, wsA]);
  git(wsA, ['checkout', '-q', shaA]);

  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(`${req.method} ${url}${req.headers.authorization ? ' [auth]' : ''}`);
    req.resume();
    const json = (status: number, body: object) => {
      res.writeHead(status, {'content-type': 'application/json; charset=utf-8'});
      res.end(JSON.stringify(body));
    };
    const m = /^\/repos\/acme\/app\/compare\/([0-9a-f]+)\.\.\.([0-9a-f]+)$/.exec(url);
    if (m) {
      const answer = compareFails ? undefined : compare(repo, m[1], m[2]);
      return answer ? json(200, answer) : json(404, {message: 'Not Found'});
    }
    if (url === '/repos/acme/app') return json(200, {name: 'app', full_name: 'acme/app', description: 'concurrent runs', html_url: 'https://github.com/acme/app', default_branch: 'main', license: null});
    json(404, {message: 'Not Found'});
  });
  await new Promise<void>(resolve => server!.listen(0, '127.0.0.1', () => resolve()));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  if (server) {
    server.closeAllConnections();
    await new Promise<void>(resolve => server!.close(() => resolve()));
  }
  if (gate.ready) {
    // what the runs left in dockerd's image store, and (best effort) the manifests pushed
    const images = execFileSync('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'], {encoding: 'utf8'}).split('\n').filter(r => r.includes(`/${NS}/`));
    if (images.length) execFileSync('docker', ['image', 'rm', '--force', ...images], {stdio: 'ignore'});
    for (const image of [IMAGE, FALLBACK]) {
      try {
        for (const d of new Set(Object.values(await tagDigests(image)))) await registryRequest('DELETE', `/v2/${image}/manifests/${d}`);
      } catch {
        // the registry may not allow deletes: the unique name keeps runs apart anyway
      }
    }
  }
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
}, 60_000);

/** The action for a push of `sha` to main, run in `ws`. */
async function push(sha: string, ws: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<RunResult> {
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', repository: {default_branch: 'main', full_name: 'acme/app'}, head_commit: {id: sha, timestamp: git(repo, ['log', '-1', '--format=%cI', sha])}}));
  const run = await runAction({
    cwd: ws,
    timeoutMs: 240_000,
    env: {
      HOME: tempDir('home'),
      PATH: process.env.PATH ?? '',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: sha,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_ACTOR: 'bot',
      GITHUB_RUN_ID: String(Date.now()),
      GITHUB_WORKSPACE: ws,
      GITHUB_API_URL: apiUrl,
      ...env
    },
    inputs: {registry: REGISTRY, 'registry-auth': REGISTRY_AUTH, 'github-token': 'e2e-token', images: IMAGE, platforms: 'linux/amd64', tags: TAGS, ...inputs}
  });
  expect((await runPost(run)).code).toBe(0);
  return run;
}

const published = async (image = IMAGE): Promise<Record<string, string>> => Object.fromEntries(Object.entries(await tagDigests(image)).filter(([t]) => !t.startsWith('mp-staging-')));
const indexOf = (run: RunResult): string => JSON.parse(run.outputs.images)[0].digest as string;
const errorsOf = (run: RunResult) => run.log.split('\n').filter(l => l.startsWith('::error'));

gate.test('the older run finishing last leaves main and latest at the newer index; force-tags moves them', async () => {
  const b = await push(shaB, repo);
  expect({code: b.code, errors: errorsOf(b)}).toEqual({code: 0, errors: []});
  const digestB = indexOf(b);
  expect(b.outputs['skipped-tags']).toBe('');
  expect(await published()).toEqual({latest: digestB, main: digestB, [`sha-${shaB.slice(0, 7)}`]: digestB});

  // A, pushed first but finishing last
  const a = await push(shaA, wsA);
  expect({code: a.code, errors: errorsOf(a)}).toEqual({code: 0, errors: []});
  const digestA = indexOf(a);
  expect(digestA).not.toBe(digestB);
  expect(await published()).toEqual({latest: digestB, main: digestB, [`sha-${shaB.slice(0, 7)}`]: digestB, [`sha-${shaA.slice(0, 7)}`]: digestA});
  const full = `${REGISTRY}/${IMAGE}`;
  expect(a.outputs['skipped-tags'].split('\n').sort()).toEqual([`${full}:latest`, `${full}:main`]);
  for (const tag of ['latest', 'main']) expect(a.log).toContain(`::warning::Not moving ${full}:${tag}: it points at ${shaB.slice(0, 7)}, a descendant of this run's commit`);
  expect(a.summary).toContain('### Skipped tags');
  expect(a.summary).toContain(`\`${full}:main\` not moved`);
  // GitHub was asked once, base = the tag's commit, head = ours, with the token
  expect(requests.filter(r => r.includes('/compare/'))).toEqual([`GET /repos/acme/app/compare/${shaB}...${shaA} [auth]`]);

  // forced
  const forced = await push(shaA, wsA, {'force-tags': 'true'});
  expect({code: forced.code, errors: errorsOf(forced)}).toEqual({code: 0, errors: []});
  expect(forced.outputs['skipped-tags']).toBe('');
  expect(forced.log).toMatch(/::warning::.*:latest moves although it points at/);
  const digestForced = indexOf(forced);
  expect(await published()).toMatchObject({latest: digestForced, main: digestForced, [`sha-${shaA.slice(0, 7)}`]: digestForced});
}, 900_000);

gate.test('without an answer from the compare API, the images dates decide (SOURCE_DATE_EPOCH: the commit dates)', async () => {
  compareFails = true;
  try {
    const epoch = (sha: string) => ({SOURCE_DATE_EPOCH: String(Date.parse(git(repo, ['log', '-1', '--format=%cI', sha])) / 1000)});
    const b = await push(shaB, repo, {images: FALLBACK}, epoch(shaB));
    expect({code: b.code, errors: errorsOf(b)}).toEqual({code: 0, errors: []});
    const digestB = indexOf(b);
    const a = await push(shaA, wsA, {images: FALLBACK}, epoch(shaA));
    expect({code: a.code, errors: errorsOf(a)}).toEqual({code: 0, errors: []});
    const full = `${REGISTRY}/${FALLBACK}`;
    expect(a.log).toContain('the tag guard falls back to dates');
    expect(a.log).toContain(`::warning::Not moving ${full}:latest: it points at ${shaB.slice(0, 7)}, dated 2024-06-01T10:05:00.000Z, later than this run's 2024-06-01T10:00:00.000Z (ancestry unknown)`);
    expect(a.outputs['skipped-tags'].split('\n').sort()).toEqual([`${full}:latest`, `${full}:main`]);
    expect(await published(FALLBACK)).toEqual({latest: digestB, main: digestB, [`sha-${shaB.slice(0, 7)}`]: digestB, [`sha-${shaA.slice(0, 7)}`]: indexOf(a)});
  } finally {
    compareFails = false;
  }
}, 600_000);
