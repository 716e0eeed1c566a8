// End to end: registry faults while the tags move. The action pushes through a fault-injecting proxy
// (support/fault-proxy.ts) in front of the real registry; the proxy fails only tag writes (manifest PUTs
// by tag name, the build's staging tags aside) and DELETEs, so the build goes through and the faults hit
// the tag phase. Every case first publishes an older release (its tags then exist), then the new one:
// - writes fail for ~5 s: the release completes, every tag at the new index;
// - `edge` fails for good: the step fails, immutable tags were written first, tags that existed point at
//   their old digest again, the new tags are gone, the error and the summary say so;
// - everything fails for good after the first writes (deletes too): nothing can be put back, and the
//   error and the summary list exactly the tags left moved, with old and new digest;
// - SIGINT while a write waits for its retry: the wait ends, what moved is put back within seconds;
// and after each failure, the same job re-run without faults completes the release.
import type {ChildProcess} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {runAction, startGitHubApiStub, type GitHubApiStub, type RunResult} from '../support/action.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryRequest, tagDigests} from '../support/registry.js';
import {startFaultProxy, type FaultProxy} from '../support/fault-proxy.js';
import {buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';

const NS = `e2e-tagfaults-${randomBytes(3).toString('hex')}`;
const OLD_SHA = randomBytes(20).toString('hex');
const NEW_SHA = randomBytes(20).toString('hex');
const temps: string[] = [];
const repositories: string[] = [];
let stub: GitHubApiStub | undefined;
let proxy: FaultProxy | undefined;

const gate = await prerequisites('e2e tag faults', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD})]);

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-tagfaults-${name}-`));
  temps.push(dir);
  return dir;
}

beforeAll(async () => {
  if (!gate.ready) return;
  stub = await startGitHubApiStub();
  proxy = await startFaultProxy();
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await stub?.close();
  // what this file pushed: every manifest of its repositories (the registry allows deletes)
  for (const repo of repositories) {
    const digests = new Set(Object.values(await tagDigests(repo).catch(() => ({}))));
    for (const d of digests) await registryRequest('DELETE', `/v2/${repo}/manifests/${d}`).catch(() => undefined);
  }
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
});

const tagsOf = (version: string) => ['type=ref,event=branch', 'type=sha', `type=raw,value=${version}`, 'type=raw,value=latest', 'type=raw,value=edge'].join('\n');
const shaTag = (sha: string) => `sha-${sha.slice(0, 7)}`;

/** Publishes `content` as `repo` (through the proxy) for commit `sha`. */
async function publish(repo: string, sha: string, content: string, version: string, extra: Record<string, string> = {}, onSpawn?: (child: ChildProcess) => void): Promise<RunResult> {
  const ws = tempDir('ws');
  fs.writeFileSync(path.join(ws, 'content.txt'), content);
  fs.writeFileSync(path.join(ws, 'Dockerfile'), 'FROM scratch\nCOPY content.txt /content.txt\n');
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', repository: {default_branch: 'main', full_name: 'acme/app'}, head_commit: {id: sha, timestamp: '2024-06-28T14:30:22Z'}}));
  const addr = proxy!.addr;
  return runAction({
    cwd: ws,
    timeoutMs: 300_000,
    env: {
      HOME: tempDir('home'),
      PATH: process.env.PATH ?? '',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: sha,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_ACTOR: 'bot',
      GITHUB_RUN_ID: '4242',
      GITHUB_WORKSPACE: ws,
      GITHUB_API_URL: stub!.url
    },
    inputs: {
      registry: addr,
      'registry-auth': `- registry: ${addr}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}`,
      'github-token': 'e2e-token',
      images: repo,
      platforms: 'linux/amd64',
      tags: tagsOf(version),
      ...extra
    },
    onSpawn
  });
}

/** The repository's tags and digests, the staging tags aside. */
async function tagsNow(repo: string): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(await tagDigests(repo)).filter(([t]) => !t.startsWith('mp-staging-')));
}

const indexOf = (run: RunResult) => JSON.parse(run.outputs.images ?? '[]')[0]?.digest as string;

/** The older release: main, latest, edge and its own sha and version tags at the old content. */
async function seed(repo: string): Promise<string> {
  repositories.push(repo);
  proxy!.set({});
  const old = await publish(repo, OLD_SHA, `old ${repo}\n`, '1.0.0');
  expect({code: old.code, log: old.code === 0 ? '' : old.log}).toEqual({code: 0, log: ''});
  const digest = indexOf(old);
  expect(await tagsNow(repo)).toEqual({'1.0.0': digest, edge: digest, latest: digest, main: digest, [shaTag(OLD_SHA)]: digest});
  return digest;
}

const NEW_TAGS = ['1.1.0', 'edge', 'latest', 'main', shaTag(NEW_SHA)];
const IMMUTABLE = ['1.1.0', shaTag(NEW_SHA)];

/** The re-run of the failed job, without faults: complete, every new tag at its index. */
async function rerunCompletes(repo: string, old: string): Promise<void> {
  proxy!.set({});
  const again = await publish(repo, NEW_SHA, `new ${repo}\n`, '1.1.0');
  expect({code: again.code, log: again.code === 0 ? '' : again.log}).toEqual({code: 0, log: ''});
  const digest = indexOf(again);
  expect(await tagsNow(repo)).toEqual({'1.0.0': old, [shaTag(OLD_SHA)]: old, ...Object.fromEntries(NEW_TAGS.map(t => [t, digest]))});
  expect(again.summary).toMatch(/<summary>Tag moves: \d+ moved, \d+ already there<\/summary>/);
}

gate.test('tag writes fail for ~5 s (503): retried, the release completes, every tag at the new index', async () => {
  const repo = `${NS}/few-seconds`;
  const old = await seed(repo);
  proxy!.set({tags: () => true, forMs: 5000, mode: '503'});
  const run = await publish(repo, NEW_SHA, `new ${repo}\n`, '1.1.0');
  expect({code: run.code, log: run.code === 0 ? '' : run.log}).toEqual({code: 0, log: ''});
  const digest = indexOf(run);
  expect(await tagsNow(repo)).toEqual({'1.0.0': old, [shaTag(OLD_SHA)]: old, ...Object.fromEntries(NEW_TAGS.map(t => [t, digest]))});
  expect(proxy!.writes.some(w => w.status === 503)).toBe(true);
  expect(run.log).toMatch(/moving .*: .*503 Service Unavailable.* \(transient; attempt 2 in /);
  expect(run.summary).toContain('<summary>Tag moves: 5 moved, 0 already there</summary>');
}, 600_000);

gate.test('edge fails for good: immutable tags first, existing tags back at their old digest, new tags removed; the re-run completes', async () => {
  const repo = `${NS}/for-good`;
  const old = await seed(repo);
  proxy!.set({tags: t => t === 'edge', mode: 'drop'});
  const start = proxy!.writes.length;
  const run = await publish(repo, NEW_SHA, `new ${repo}\n`, '1.1.0', {'tag-retry-timeout': '3'});
  expect(run.code).toBe(1);
  const digest = indexOf(run) || (/now (sha256:[0-9a-f]{64})/.exec(run.log)?.[1] ?? '');
  // the order of the writes: both immutable tags before any mutable one
  const puts = proxy!.writes.slice(start).filter(w => w.method === 'PUT' && w.repository === repo).map(w => w.reference);
  const firstMutable = puts.findIndex(t => !IMMUTABLE.includes(t));
  expect(puts.slice(0, firstMutable).sort()).toEqual(IMMUTABLE);
  expect(run.log).toMatch(new RegExp(`::error::The registry refused to move 127\\.0\\.0\\.1:\\d+/${repo}:edge: .*Every tag this run had moved was put back`));
  // what existed is where it was; the new tags (and their index) are gone
  expect(await tagsNow(repo)).toEqual({'1.0.0': old, edge: old, latest: old, main: old, [shaTag(OLD_SHA)]: old});
  expect(proxy!.writes.slice(start).some(w => w.method === 'DELETE' && w.reference === digest && w.status === 202)).toBe(digest !== '');
  expect(run.summary).toContain('### Tag moves');
  expect(run.summary).toMatch(/`[^`]*:latest` \| mutable \| `sha256:[0-9a-f]{64}` \| `sha256:[0-9a-f]{64}` \| ↩️ put back/);
  expect(run.summary).toContain('↩️ removed (was new)');
  await rerunCompletes(repo, old);
}, 600_000);

gate.test('every write fails for good after the first three (deletes too): the tags left moved are listed with old and new digest; the re-run completes', async () => {
  const repo = `${NS}/nothing-restorable`;
  const old = await seed(repo);
  proxy!.set({tags: () => true, passFirst: 3, deletes: true, mode: '503'});
  const run = await publish(repo, NEW_SHA, `new ${repo}\n`, '1.1.0', {'tag-retry-timeout': '2'});
  expect(run.code).toBe(1);
  proxy!.set({});
  const now = await tagsNow(repo);
  const digest = now[shaTag(NEW_SHA)];
  expect(digest).toMatch(/^sha256:/);
  expect(digest).not.toBe(old);
  // the three tags that went through are still at the new index, and each is listed, old and new digest
  const moved = Object.keys(now).filter(t => now[t] === digest).sort();
  expect(moved).toHaveLength(3);
  expect(moved).toEqual(expect.arrayContaining(IMMUTABLE));
  expect(run.log).toContain('3 tag(s) moved by this run could not be put back (re-run the job to complete the release):');
  for (const t of moved) {
    const before = t === '1.1.0' || t === shaTag(NEW_SHA) ? 'absent (new tag)' : old;
    expect(run.log).toMatch(new RegExp(`  127\\.0\\.0\\.1:\\d+/${repo}:${t.replace(/\./g, '\\.')}: was ${before.replace(/[()]/g, '\\$&')}, now ${digest}`));
    expect(run.summary).toMatch(new RegExp('`[^`]*:' + t.replace(/\./g, '\\.') + '` \\| (im)?mutable \\| [^|]+ \\| `' + digest + '` \\| ❌ NOT restored'));
  }
  expect(run.summary).toMatch(/\*\*Not restored\*\* \(re-run the job to complete the release\)/);
  // the other mutable tags never moved
  for (const t of ['edge', 'latest', 'main'].filter(x => !moved.includes(x))) expect(now[t]).toBe(old);
  await rerunCompletes(repo, old);
}, 600_000);

gate.test('SIGINT while a tag write waits to be retried: the wait ends, what moved is put back within seconds, the step fails saying so', async () => {
  const repo = `${NS}/cancelled`;
  const old = await seed(repo);
  proxy!.set({tags: t => t === 'edge', mode: '503'});
  let signalledAt = 0;
  const run = await publish(repo, NEW_SHA, `new ${repo}\n`, '1.1.0', {'tag-retry-timeout': '120'}, child => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (signalledAt || !/moving \S+:edge: .*\(transient; attempt 3 in/.test(out)) return;
      signalledAt = Date.now();
      child.kill('SIGINT');
    });
  });
  expect(signalledAt).toBeGreaterThan(0);
  expect(Date.now() - signalledAt).toBeLessThan(8000);
  expect(run.code).toBe(1);
  expect(run.log).toContain('SIGINT received during the tag phase: the tag phase finishes first');
  expect(run.log).toMatch(/::error::The registry refused to move \S+:edge: .*Every tag this run had moved was put back/);
  expect(await tagsNow(repo)).toEqual({'1.0.0': old, edge: old, latest: old, main: old, [shaTag(OLD_SHA)]: old});
  await rerunCompletes(repo, old);
}, 600_000);
