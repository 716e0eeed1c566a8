// End to end: mode: prune through the GitHub Packages back end (prune-api: github-packages), the bundled
// action against the GitHub Packages API stand-in (support/github-packages.ts, GITHUB_API_URL) that fronts
// the real test registry: every manifest of a published multi-arch image is a version of its own there, as
// on GHCR (the index tagged; its platform and attestation manifests untagged; a cosign-style
// `sha256-<hex>.sig` signature a tagged version of its own), and a version's DELETE deletes the manifest
// in the registry. Three releases are published and signed; keep: 1 leaves the newest with its children,
// attestations and signature readable and deletes the older ones' manifests, every one (a dry run before
// deletes nothing); a kept version's manifest that cannot be read fails the step naming it, with nothing
// deleted; so does a page of the list that fails; a token that is not admin of the package (403) fails
// the step with what to change, nothing deleted; the token is never in the log.
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {repoRoot} from '../support/action.js';
import {startPackagesStandIn, type PackagesStandIn} from '../support/github-packages.js';
import {MANIFEST_ACCEPT, REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryJson, registryRequest, tagDigests} from '../support/registry.js';
import {buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';
import {cleanupJobs, job, putLegRecord, type JobResult} from '../support/split.js';

const execp = promisify(execFile);
const gate = await prerequisites('e2e prune ghcr', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD})]);

const NONCE = randomBytes(4).toString('hex');
/** The package's owner (an organization on the stand-in) and its name, with a `/` (sent as %2F). */
const OWNER = `e2e-prune-ghcr-${NONCE}`;
const PKG = 'svc/app';
const REPO = `${OWNER}/${PKG}`;
const SHA = '4444444ddddddddddddddddddddddddddddddddd';
const TOKEN = `ghs_e2ePrune${randomBytes(8).toString('hex')}`;
const AUTH = `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`;
let api: PackagesStandIn | undefined;
let workspace = '';
const jobs: JobResult[] = [];

interface Release {
  tag: string;
  index: string;
  children: string[];
  signature: string;
  signatureTag: string;
}
/** Every manifest of a release, the index first (once each: the two platforms' attestation manifests can be one). */
const manifestsOf = (r: Release) => [...new Set([r.index, ...r.children, r.signature])];

async function run(inputs: Record<string, string>): Promise<JobResult> {
  const r = await job({sha: SHA, workspace, apiUrl: api!.url, repository: `${OWNER}/app`, inputs: {registry: REGISTRY, 'registry-auth': AUTH, 'github-token': TOKEN, ...inputs}});
  jobs.push(r);
  expect(r.post.code).toBe(0);
  // the token reaches the API, never the log (but for the mask command the runner swallows)
  expect(r.main.log.split('\n').filter(l => !l.includes('::add-mask::')).join('\n')).not.toContain(TOKEN);
  return r;
}

/** Publishes `tag` (two platforms, provenance attestations), signs it cosign-style, and lets the stand-in see the new versions. */
async function release(tag: string): Promise<Release> {
  const published = await run({images: `name=${REPO}`, platforms: 'linux/amd64,linux/arm64', tags: `type=raw,value=${tag}`, 'build-args': `NONCE=${NONCE}-${tag}`});
  expect(published.errors).toEqual([]);
  const index = published.main.outputs['digest']!;
  const children = ((await registryJson(REPO, index)).manifests as {digest: string}[]).map(m => m.digest);
  const signatureTag = `${index.replace(':', '-')}.sig`;
  // any artifact manifest will do as the signature: what matters is the cosign tag that names the index
  const signature = await putLegRecord(REPO, signatureTag, {schema: 'multiarch-publish/leg', schemaVersion: 1, plan: `sha256:${'0'.repeat(64)}`, sha: SHA, build: 'app', image: REPO, platform: 'linux/amd64', content: {mediaType: 'application/vnd.oci.image.index.v1+json', digest: index, size: 1}, platformDigest: children[0]!, platforms: ['linux/amd64'], runner: '', run: tag, created: new Date().toISOString()});
  await api!.sync(OWNER, PKG);
  return {tag, index, children, signature, signatureTag};
}

const readable = async (digest: string) => (await registryRequest('HEAD', `/v2/${REPO}/manifests/${digest}`, {accept: MANIFEST_ACCEPT})).status === 200;
const prune = (inputs: Record<string, string> = {}) => run({mode: 'prune', images: `name=${REPO}`, 'prune-api': 'github-packages', keep: '1', 'delete-untagged': 'true', 'dry-run': 'false', ...inputs});

gate.describe('mode: prune through the GitHub Packages API', () => {
  beforeAll(async () => {
    api = await startPackagesStandIn({token: TOKEN, registry: true});
    api.setOwner(OWNER, 'Organization');
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-e2e-prune-ghcr-ws-'));
    await execp('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')]);
    fs.writeFileSync(path.join(workspace, 'Dockerfile'), ['FROM scratch', 'ARG TARGETARCH', 'ARG NONCE', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', 'LABEL org.example.nonce=${NONCE}', ''].join('\n'));
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    const tags = await tagDigests(REPO).catch(() => ({}) as Record<string, string>);
    for (const d of new Set(Object.values(tags))) await registryRequest('DELETE', `/v2/${REPO}/manifests/${d}`).catch(() => undefined);
    cleanupJobs(jobs);
    if (workspace) fs.rmSync(workspace, {recursive: true, force: true});
  }, 120_000);

  const releases: Release[] = [];

  test('three signed releases, keep: 1: the newest stays whole (children, attestations, signature), every manifest of the older ones goes', async () => {
    for (const tag of ['build-1', 'build-2', 'build-3']) releases.push(await release(tag));
    // as GHCR lists them: one version per manifest, the signature tagged, the children untagged
    const listed = api!.versions(OWNER, PKG);
    for (const r of releases) {
      expect(r.children.length).toBe(4); // two platforms, two attestation manifests (possibly one digest)
      expect(listed.find(v => v.name === r.index)?.tags).toEqual([r.tag]);
      expect(listed.find(v => v.name === r.signature)?.tags).toEqual([r.signatureTag]);
      for (const c of r.children) expect(listed.find(v => v.name === c)?.tags).toEqual([]);
    }
    const [old1, old2, kept] = releases as [Release, Release, Release];

    // without dry-run: false, mode prune only says what it would delete
    const dry = await run({mode: 'prune', images: `name=${REPO}`, 'prune-api': 'github-packages', keep: '1', 'delete-untagged': 'true'});
    expect(dry.errors).toEqual([]);
    const [would] = JSON.parse(dry.main.outputs['pruned']!) as {deleted: {digest: string}[]; dryRun: boolean}[];
    expect(would!.dryRun).toBe(true);
    expect(would!.deleted.map(d => d.digest).sort()).toEqual([...manifestsOf(old1), ...manifestsOf(old2)].sort());
    expect(api!.requests.filter(q => q.method === 'DELETE')).toEqual([]);
    for (const d of [...manifestsOf(old1), ...manifestsOf(old2)]) expect(await readable(d)).toBe(true);

    const r = await prune();
    expect(r.errors).toEqual([]);
    expect(r.main.code).toBe(0);
    for (const d of manifestsOf(kept)) expect(await readable(d)).toBe(true);
    expect((await tagDigests(REPO))[kept.signatureTag]).toBe(kept.signature);
    for (const d of [...manifestsOf(old1), ...manifestsOf(old2)]) expect(await readable(d)).toBe(false);
    // deleted through the API, by version id: what the stand-in holds now is the kept release alone
    expect(
      api!
        .versions(OWNER, PKG)
        .map(v => v.name)
        .sort()
    ).toEqual(manifestsOf(kept).sort());
    expect(api!.deleted.map(v => v.name).sort()).toEqual([...manifestsOf(old1), ...manifestsOf(old2)].sort());
    expect(api!.requests.filter(q => q.method === 'DELETE').every(q => q.path.startsWith(`/orgs/${OWNER}/packages/container/svc%2Fapp/versions/`))).toBe(true);
    const [pruned] = JSON.parse(r.main.outputs['pruned']!) as {image: string; backend: string; kept: number; deleted: {digest: string}[]; dryRun: boolean}[];
    expect(pruned!.image).toBe(`${REGISTRY}/${REPO}`);
    expect(pruned!.backend).toBe('GitHub Packages API');
    expect(pruned!.kept).toBe(1);
    expect(pruned!.dryRun).toBe(false);
    expect(pruned!.deleted.map(d => d.digest).sort()).toEqual([...manifestsOf(old1), ...manifestsOf(old2)].sort());
  }, 600_000);

  test('a manifest of the kept release cannot be read: nothing deleted, the step fails naming its digest', async () => {
    const older = releases[2]!;
    const newer = await release('build-4');
    // one platform manifest of the newest release leaves the registry behind the stand-in's back
    const victim = newer.children[0]!;
    const bytes = await registryRequest('GET', `/v2/${REPO}/manifests/${victim}`, {accept: MANIFEST_ACCEPT});
    expect(bytes.status).toBe(200);
    expect((await registryRequest('DELETE', `/v2/${REPO}/manifests/${victim}`)).status).toBe(202);
    const deletesBefore = api!.requests.filter(q => q.method === 'DELETE').length;
    const before = api!.versions(OWNER, PKG).length;

    const r = await prune();
    expect(r.main.code).not.toBe(0);
    expect(r.errors.join('\n')).toContain(victim);
    expect(api!.requests.filter(q => q.method === 'DELETE').length).toBe(deletesBefore);
    expect(api!.versions(OWNER, PKG).length).toBe(before);
    for (const d of manifestsOf(older)) expect(await readable(d)).toBe(true);
    const [pruned] = JSON.parse(r.main.outputs['pruned'] ?? '[{}]') as {deleted?: unknown[]}[];
    expect(pruned!.deleted ?? []).toEqual([]);

    // put it back (same bytes, same digest; its layers never left) for the next test
    await putManifest(victim, bytes.body, String(bytes.headers['content-type']));
    expect(await readable(victim)).toBe(true);
  }, 600_000);

  test('a page of the versions list that fails (500, after its retries): nothing deleted, the step fails', async () => {
    api!.faults.failPage = 1;
    try {
      const before = api!.versions(OWNER, PKG).map(v => v.name).sort();
      const deletesBefore = api!.requests.filter(q => q.method === 'DELETE').length;
      const r = await prune();
      expect(r.main.code).not.toBe(0);
      expect(r.errors.join('\n')).toMatch(/cannot read the versions of svc\/app of e2e-prune-ghcr-[0-9a-f]+: HTTP 500.*after 3 attempts.*nothing was deleted/s);
      expect(api!.requests.filter(q => q.method === 'DELETE').length).toBe(deletesBefore);
      expect(api!.versions(OWNER, PKG).map(v => v.name).sort()).toEqual(before);
    } finally {
      delete api!.faults.failPage;
    }
  }, 300_000);

  test('a token that is not admin of the package (403 on delete): the step fails saying what to change; nothing deleted', async () => {
    api!.faults.forbidDelete = true;
    try {
      const before = api!.versions(OWNER, PKG).map(v => v.name).sort();
      const r = await prune();
      expect(r.main.code).not.toBe(0);
      const errors = r.errors.join('\n');
      expect(errors).toContain('HTTP 403');
      expect(errors).toContain('packages: write');
      expect(errors).toContain('Manage Actions access, give this repository the Admin role');
      expect(api!.versions(OWNER, PKG).map(v => v.name).sort()).toEqual(before);
      for (const d of before) expect(await readable(d)).toBe(true);
    } finally {
      api!.faults.forbidDelete = false;
    }
  }, 300_000);
});

/** PUTs a manifest by digest into the test registry (basic auth). */
async function putManifest(digest: string, body: Buffer, contentType: string): Promise<void> {
  const res = await fetch(`http://${REGISTRY}/v2/${REPO}/manifests/${digest}`, {method: 'PUT', body: new Uint8Array(body), headers: {'content-type': contentType, authorization: `Basic ${Buffer.from(`${REGISTRY_USER}:${REGISTRY_PASSWORD}`).toString('base64')}`}});
  if (res.status !== 201) throw new Error(`PUT ${REPO}@${digest}: HTTP ${res.status} ${await res.text()}`);
}
