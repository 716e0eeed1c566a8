// End to end: mode: prune on the real registry through its distribution API. Five multi-arch versions of
// one image (two platforms, provenance attestations; one build, a build argument varied) are published
// as separate jobs under build-1 … build-5; prune with keep: 2 as a dry run deletes nothing and lists the
// three oldest; with dry-run: false exactly those are gone (their tags 404, their platform and attestation
// manifests 404 by digest) and every remaining tag still resolves, each of its platform manifests (with
// config and layers) and attestation manifests reads by digest. A channel (env-prod, promoted) keeps its
// version, and its history entry is neither counted nor deleted. Then a manifest a kept version
// references is deleted underneath: prune deletes nothing and fails naming that digest.
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {repoRoot, startGitHubApiStub, type GitHubApiStub} from '../support/action.js';
import {MANIFEST_ACCEPT, REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryJson, registryRequest, tagDigests} from '../support/registry.js';
import {buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';
import {cleanupJobs, job, type JobResult} from '../support/split.js';

const execp = promisify(execFile);
const gate = await prerequisites('e2e prune', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD})]);

const NONCE = randomBytes(4).toString('hex');
const REPO = `e2e-prune-${NONCE}/app`;
const SHA = '5555555eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const AUTH = `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`;
let stub: GitHubApiStub | undefined;
let workspace = '';
const jobs: JobResult[] = [];

async function run(inputs: Record<string, string>): Promise<JobResult> {
  const r = await job({sha: SHA, workspace, apiUrl: stub!.url, repository: 'acme/app', inputs: {registry: REGISTRY, 'registry-auth': AUTH, 'github-token': 'e2e-token', images: `name=${REPO}`, ...inputs}});
  jobs.push(r);
  expect(r.post.code).toBe(0);
  return r;
}

interface Pruned {
  image: string;
  kept: number;
  dryRun: boolean;
  bytesFreed: number;
  deleted: {digest: string; tags: string[]; kind: string; reason: string; bytes: number}[];
  notDeleted: unknown[];
  error?: string;
}

/** A version as the registry holds it: the index, its platform manifests and attestation manifests. */
interface Version {
  tag: string;
  index: string;
  platforms: string[];
  attestations: string[];
}
const versions: Version[] = [];
const status = async (reference: string) => (await registryRequest('HEAD', `/v2/${REPO}/manifests/${reference}`, {accept: MANIFEST_ACCEPT})).status;

gate.describe('mode: prune (distribution API)', () => {
  beforeAll(async () => {
    stub = await startGitHubApiStub({id: 1, name: 'app', full_name: 'acme/app', private: false, owner: {login: 'acme'}, html_url: 'https://github.com/acme/app', description: 'prune', default_branch: 'main', license: null, topics: []});
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-e2e-prune-ws-'));
    await execp('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')]);
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', 'ARG N', 'LABEL org.example.n=${N}', ''].join('\n'));
    for (const n of [1, 2, 3, 4, 5]) {
      const r = await run({platforms: 'linux/amd64,linux/arm64', tags: `type=raw,value=build-${n}`, flavor: 'latest=false', provenance: 'mode=min', 'build-args': `N=${NONCE}-${n}`});
      expect(r.errors).toEqual([]);
      const index = r.main.outputs['digest']!;
      const m = (await registryJson(REPO, index)).manifests as {digest: string; annotations?: Record<string, string>}[];
      const att = (x: {annotations?: Record<string, string>}) => x.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest';
      versions.push({tag: `build-${n}`, index, platforms: m.filter(x => !att(x)).map(x => x.digest), attestations: m.filter(att).map(x => x.digest)});
    }
  }, 600_000);

  afterAll(async () => {
    await stub?.close();
    const tags = await tagDigests(REPO).catch(() => ({}) as Record<string, string>);
    for (const d of new Set([...Object.values(tags), ...versions.flatMap(v => [v.index, ...v.platforms, ...v.attestations])])) await registryRequest('DELETE', `/v2/${REPO}/manifests/${d}`).catch(() => undefined);
    cleanupJobs(jobs);
    if (workspace) fs.rmSync(workspace, {recursive: true, force: true});
  }, 120_000);

  test('five published versions, each with two platforms and their provenance attestations', () => {
    expect(versions).toHaveLength(5);
    for (const v of versions) {
      expect(v.platforms).toHaveLength(2);
      expect(v.attestations).toHaveLength(2);
    }
    expect(new Set(versions.map(v => v.index)).size).toBe(5);
  });

  test('keep: 2, dry run (the default): nothing deleted, pruned lists the three oldest with their manifests', async () => {
    const r = await run({mode: 'prune', keep: '2'});
    expect(r.errors).toEqual([]);
    expect(r.main.code).toBe(0);
    const [p] = JSON.parse(r.main.outputs['pruned']!) as Pruned[];
    expect(p).toMatchObject({image: `${REGISTRY}/${REPO}`, kept: 2, dryRun: true, notDeleted: []});
    expect(p!.deleted.filter(d => d.kind === 'version').map(d => d.tags)).toEqual([['build-1'], ['build-2'], ['build-3']]);
    // (two attestation manifests of one index can be the same bytes, so one digest: listed once)
    expect(p!.deleted.map(d => d.digest).sort()).toEqual([...new Set(versions.slice(0, 3).flatMap(v => [v.index, ...v.platforms, ...v.attestations]))].sort());
    expect(p!.bytesFreed).toBeGreaterThan(0);
    expect(r.main.summary).toContain('Dry run: nothing deleted, set `dry-run: false` to delete.');
    for (const v of versions) expect(await status(v.tag)).toBe(200);
  }, 180_000);

  test('keep: 2, dry-run: false: exactly the three oldest are gone; every remaining tag resolves and reads on both platforms', async () => {
    const r = await run({mode: 'prune', keep: '2', 'dry-run': 'false'});
    expect(r.errors).toEqual([]);
    expect(r.main.code).toBe(0);
    const [p] = JSON.parse(r.main.outputs['pruned']!) as Pruned[];
    expect(p!.dryRun).toBe(false);
    expect(p!.deleted).toHaveLength(new Set(versions.slice(0, 3).flatMap(v => [v.index, ...v.platforms, ...v.attestations])).size);
    expect(r.main.summary).toContain('## multiarch-publish: prune — ✅ pruned');
    for (const v of versions.slice(0, 3)) {
      expect(await status(v.tag)).toBe(404);
      for (const d of [v.index, ...v.platforms, ...v.attestations]) expect([v.tag, d, await status(d)]).toEqual([v.tag, d, 404]);
    }
    const tags = await tagDigests(REPO);
    expect(Object.keys(tags).filter(t => !t.startsWith('mp-')).sort()).toEqual(['build-4', 'build-5']);
    for (const v of versions.slice(3)) {
      expect(tags[v.tag]).toBe(v.index);
      const index = await registryJson(REPO, v.tag);
      const listed = (index.manifests as {digest: string; platform?: {architecture: string}}[]).filter(m => m.platform?.architecture !== 'unknown');
      expect(listed.map(m => m.platform?.architecture).sort()).toEqual(['amd64', 'arm64']);
      for (const d of v.platforms) {
        const m = await registryJson(REPO, d);
        for (const b of [m.config, ...m.layers] as {digest: string}[]) expect((await registryRequest('HEAD', `/v2/${REPO}/blobs/${b.digest}`)).status).toBe(200);
      }
      for (const d of v.attestations) {
        const m = await registryJson(REPO, d);
        expect(m.layers.length).toBeGreaterThan(0);
      }
    }
  }, 180_000);

  test('a channel and its history: env-prod and the mp-hist entry of its move are kept, neither counted nor deleted', async () => {
    const promoted = await run({mode: 'promote', from: 'build-4', to: 'env-prod'});
    expect(promoted.errors).toEqual([]);
    const history = Object.keys(await tagDigests(REPO)).filter(t => t.startsWith('mp-hist-'));
    expect(history).toHaveLength(1);
    const r = await run({mode: 'prune', keep: '1'});
    expect(r.errors).toEqual([]);
    const [p] = JSON.parse(r.main.outputs['pruned']!) as Pruned[];
    expect(p).toMatchObject({kept: 2, deleted: []});
    expect(r.main.stdout).toMatch(/keep sha256:\S+ build-4, env-prod: keep-tags \^env- \(env-prod\); history of env-prod/);
  }, 180_000);

  test('a manifest a kept version references cannot be read: nothing is deleted, the step fails naming the digest', async () => {
    const broken = versions[4]!.attestations[0]!;
    expect((await registryRequest('DELETE', `/v2/${REPO}/manifests/${broken}`)).status).toBe(202);
    const r = await run({mode: 'prune', keep: '1', 'dry-run': 'false'});
    expect(r.main.code).not.toBe(0);
    const message = r.errors.join('\n');
    expect(message).toContain(`${REGISTRY}/${REPO}@${broken}`);
    expect(message).toContain(`nothing was deleted in ${REGISTRY}/${REPO}`);
    const [p] = JSON.parse(r.main.outputs['pruned']!) as Pruned[];
    expect(p!.deleted).toEqual([]);
    for (const v of versions.slice(3)) expect(await status(v.tag)).toBe(200);
    expect(await status(versions[3]!.platforms[0]!)).toBe(200);
  }, 180_000);
});
