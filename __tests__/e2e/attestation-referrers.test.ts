// End to end: attestation-storage: referrers (issue 12). Two platforms published with `provenance:
// mode=max` and `sbom: generator=<a local generator image>` (see attestations.test.ts) and the attestations
// stored as OCI 1.1 referrers: the release tag's index lists exactly linux/amd64 and linux/arm64 (no
// unknown/unknown entry); each platform's fallback tag sha256-<hex> (the registry here has no referrers
// API) lists one referrer whose subject is that platform and whose layers hold the provenance and SPDX
// statements; sign: key signs the new index and its platforms; mode: verify with require-attestations:
// provenance, sbom and the public key passes; the outputs count only the real platforms and name the new
// index.
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {runAction, runPost, startGitHubApiStub, repoRoot, cleanupRuns, type GitHubApiStub} from '../support/action.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryJson, registryRequest, tagDigests} from '../support/registry.js';
import {buildxProblem, dockerProblem, imageProblem, prerequisites, registryProblem} from '../support/prereqs.js';
import {cleanupJobs, job, type JobResult} from '../support/split.js';

const exec = promisify(execFile);
const GENERATOR = process.env.E2E_SBOM_GENERATOR_IMAGE || 'ci-local/sbom-generator:debian';
const cosignProblem = async () => (await exec('cosign', ['version']).then(() => undefined, e => `cosign is not on PATH (${(e as Error).message.split('\n')[0]}): scripts/engine-up.sh puts Debian's cosign there`));
const gate = await prerequisites('e2e attestation-referrers', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD}), imageProblem(GENERATOR, 'scripts/sbom-generator-image.sh'), cosignProblem()]);
const PASSWORD = 'e2e-cosign-password';
const NS = `e2e-attref-${randomBytes(4).toString('hex')}`;
const SHA = 'a1'.repeat(20);
let stub: GitHubApiStub | undefined;
const temps: string[] = [];

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-attref-${name}-`));
  temps.push(dir);
  return dir;
}

beforeAll(async () => {
  if (!gate.ready) return;
  stub = await startGitHubApiStub({id: 1, name: 'app', full_name: 'acme/app', private: false, owner: {login: 'acme'}, html_url: 'https://github.com/acme/app', description: 'attestations', default_branch: 'main', license: null, topics: []});
}, 60_000);

afterAll(async () => {
  await stub?.close();
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
});

interface Descriptor {
  digest: string;
  mediaType: string;
  platform?: {os: string; architecture: string};
  annotations?: Record<string, string>;
}

const blobJson = async (digest: string) => JSON.parse((await registryRequest('GET', `/v2/${NS}/app/blobs/${digest}`)).body.toString('utf8'));

const ARTIFACT_TYPE = 'application/vnd.docker.attestation.manifest.v1+json';

gate.test('the index lists only the real platforms; the attestations are referrers of them; signatures of the new index; mode: verify finds them', async () => {
  const workspace = tempDir('ws');
  const keyDir = tempDir('keys');
  await exec('cosign', ['generate-key-pair'], {cwd: keyDir, env: {...process.env, COSIGN_PASSWORD: PASSWORD}});
  fs.copyFileSync(path.join(keyDir, 'cosign.pub'), path.join(workspace, 'cosign.pub'));
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')]);
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', `LABEL org.example.nonce=${randomBytes(4).toString('hex')}`, ''].join('\n'));
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', after: SHA, repository: {default_branch: 'main', full_name: 'acme/app'}}));
  const env = {HOME: tempDir('home'), PATH: process.env.PATH ?? '', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event, GITHUB_REF: 'refs/heads/main', GITHUB_SHA: SHA, GITHUB_REPOSITORY: 'acme/app', GITHUB_ACTOR: 'bot', GITHUB_WORKSPACE: workspace, GITHUB_API_URL: stub!.url};
  const common = {registry: REGISTRY, images: `${NS}/app`, 'registry-auth': `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`, 'github-token': 'e2e-token'};
  const run = await runAction({
    cwd: workspace,
    timeoutMs: 300_000,
    env,
    inputs: {...common, platforms: 'linux/amd64,linux/arm64', tags: 'type=raw,value=v1', provenance: 'mode=max', sbom: `generator=${GENERATOR}`, 'attestation-storage': 'referrers', sign: 'key', 'cosign-key': fs.readFileSync(path.join(keyDir, 'cosign.key'), 'utf8'), 'cosign-password': PASSWORD, 'transparency-log': 'false'}
  });
  const runs = [run];
  try {
    expect({code: run.code, errors: run.log.split('\n').filter(l => l.startsWith('::error'))}).toEqual({code: 0, errors: []});
    const tags = await tagDigests(`${NS}/app`);
    const index = await registryJson(`${NS}/app`, 'v1');
    const manifests = (index.manifests ?? []) as Descriptor[];
    // exactly the two platforms, no attestation entry
    expect(manifests.map(m => `${m.platform?.os}/${m.platform?.architecture}`)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(manifests.some(m => m.annotations?.['vnd.docker.reference.type'])).toBe(false);
    // the referrers API is not there on this registry: the fallback tags are
    const api = await registryRequest('GET', `/v2/${NS}/app/referrers/${manifests[0]!.digest}`);
    expect(api.status).toBe(404);
    for (const p of manifests) {
      const tag = p.digest.replace(':', '-');
      expect(tags[tag]).toBeDefined();
      const listing = await registryJson(`${NS}/app`, tag);
      const listed = (listing.manifests ?? []) as (Descriptor & {artifactType?: string})[];
      expect(listed).toHaveLength(1);
      expect(listed[0]!.artifactType).toBe(ARTIFACT_TYPE);
      const referrer = await registryJson(`${NS}/app`, listed[0]!.digest);
      expect(referrer.artifactType).toBe(ARTIFACT_TYPE);
      expect(referrer.subject).toEqual({mediaType: p.mediaType, digest: p.digest, size: (p as unknown as {size: number}).size});
      const layers = (referrer.layers ?? []) as Descriptor[];
      const byType = new Map(layers.map(l => [l.annotations?.['in-toto.io/predicate-type'], l]));
      const provenanceLayer = byType.get('https://slsa.dev/provenance/v0.2') ?? byType.get('https://slsa.dev/provenance/v1');
      expect(provenanceLayer).toBeDefined();
      const spdxLayer = byType.get('https://spdx.dev/Document');
      expect(spdxLayer).toBeDefined();
      const spdx = await blobJson(spdxLayer!.digest);
      expect(spdx.predicate.files.map((f: {fileName: string}) => f.fileName)).toContain('/bin/busybox');
      const provenance = await blobJson(provenanceLayer!.digest);
      for (const s of [spdx, provenance]) expect(s.subject).toEqual([expect.objectContaining({digest: {sha256: p.digest.slice('sha256:'.length)}})]);
    }
    // the registry's tags: the release tag, the two referrers tags, the signatures of the new index and of each platform
    const signed = [tags['v1']!, ...manifests.map(m => m.digest)];
    expect(Object.keys(tags).sort()).toEqual(['v1', ...manifests.map(m => m.digest.replace(':', '-')), ...signed.map(d => `${d.replace(':', '-')}.sig`)].sort());
    // outputs: the new index, the real platforms only
    expect(run.outputs['digest']).toBe(tags['v1']);
    const images = JSON.parse(run.outputs['images']) as {digest: string; platforms: {platform: string; digest: string}[]}[];
    expect(images[0].platforms.map(p => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(JSON.parse(run.outputs['metadata'])[Object.keys(JSON.parse(run.outputs['metadata']))[0]!]['containerimage.digest']).toBe(tags['v1']);
    expect(run.log).not.toContain('unknown/unknown');
    // the runner's summary file (runAction sets GITHUB_STEP_SUMMARY itself)
    const text = run.summary;
    expect(text).toContain('linux/arm64');
    expect(text).not.toContain('unknown/unknown');
    expect(text).toContain('stays untagged; the tags point at');

    // mode: verify finds the attestations through the fallback tags
    const verify = await runAction({cwd: workspace, timeoutMs: 120_000, env, inputs: {...common, mode: 'verify', from: 'v1', 'require-attestations': 'provenance, sbom', 'require-signature': 'key=cosign.pub', 'transparency-log': 'false'}});
    runs.push(verify);
    expect({code: verify.code, errors: verify.log.split('\n').filter(l => l.startsWith('::error'))}).toEqual({code: 0, errors: []});
    const v = JSON.parse(verify.outputs['verification']) as {verified: boolean; digest: string; digests: {platform: string; signature: {ok: boolean}; attestations: Record<string, string>}[]}[];
    expect(v[0]!.verified).toBe(true);
    expect(v[0]!.digest).toBe(tags['v1']);
    expect(v[0]!.digests.map(d => d.signature.ok)).toEqual([true, true, true]);
    expect(v[0]!.digests.slice(1).map(d => [d.platform, /^attestation referrer /.test(d.attestations['provenance'] ?? ''), /^attestation referrer /.test(d.attestations['sbom'] ?? '')])).toEqual([
      ['linux/amd64', true, true],
      ['linux/arm64', true, true]
    ]);
  } finally {
    for (const r of runs) {
      const post = await runPost(r);
      expect(post.code).toBe(0);
      cleanupRuns(r, post);
    }
    for (const digest of new Set(Object.values(await tagDigests(`${NS}/app`).catch(() => ({} as Record<string, string>))))) {
      await registryRequest('DELETE', `/v2/${NS}/app/manifests/${digest}`).catch(() => undefined);
    }
  }
}, 420_000);

gate.test('the split release: mode: merge stores the legs\' attestations as referrers; its index lists the platforms only', async () => {
  const workspace = tempDir('ws-split');
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')]);
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', `LABEL org.example.nonce=${randomBytes(4).toString('hex')}`, ''].join('\n'));
  const repo = `${NS}/split`;
  const jobs: JobResult[] = [];
  const run = async (inputs: Record<string, string>) => {
    const r = await job({sha: SHA, workspace, apiUrl: stub!.url, repository: 'acme/app', inputs: {registry: REGISTRY, 'registry-auth': `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`, 'github-token': 'e2e-token', ...inputs}, timeoutMs: 300_000});
    jobs.push(r);
    expect(r.post.code).toBe(0);
    return r;
  };
  try {
    const planned = await run({mode: 'plan', images: `name=${REGISTRY}/${repo}`, platforms: 'linux/amd64,linux/arm64', tags: 'type=raw,value=v2'});
    expect(planned.errors).toEqual([]);
    const plan = planned.main.outputs['plan']!;
    const legs = await Promise.all(['linux/amd64', 'linux/arm64'].map(platforms => run({mode: 'build', plan, platforms, provenance: 'mode=max', sbom: `generator=${GENERATOR}`})));
    for (const l of legs) expect(l.errors).toEqual([]);
    const merged = await run({mode: 'merge', plan, 'attestation-storage': 'referrers'});
    expect(merged.errors).toEqual([]);
    const tags = await tagDigests(repo);
    expect(merged.main.outputs['digest']).toBe(tags['v2']);
    const index = await registryJson(repo, 'v2');
    const manifests = (index.manifests ?? []) as Descriptor[];
    expect(manifests.map(m => `${m.platform?.os}/${m.platform?.architecture}`)).toEqual(['linux/amd64', 'linux/arm64']);
    for (const p of manifests) {
      const listed = ((await registryJson(repo, p.digest.replace(':', '-'))).manifests ?? []) as (Descriptor & {artifactType?: string})[];
      expect(listed.map(m => m.artifactType)).toEqual([ARTIFACT_TYPE]);
      const referrer = await registryJson(repo, listed[0]!.digest);
      expect(referrer.subject.digest).toBe(p.digest);
      const types = ((referrer.layers ?? []) as Descriptor[]).map(l => l.annotations?.['in-toto.io/predicate-type']);
      expect(types).toContain('https://spdx.dev/Document');
      expect(types.some(t => /^https:\/\/slsa\.dev\/provenance\//.test(t ?? ''))).toBe(true);
    }
    expect(merged.main.summary).toContain('stays untagged; the tags point at');
    expect(merged.main.summary).not.toContain('unknown/unknown');
    const images = JSON.parse(merged.main.outputs['images']!) as {platforms: {platform: string}[]}[];
    expect(images[0]!.platforms.map(p => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
  } finally {
    cleanupJobs(jobs);
    for (const digest of new Set(Object.values(await tagDigests(repo).catch(() => ({} as Record<string, string>))))) {
      await registryRequest('DELETE', `/v2/${repo}/manifests/${digest}`).catch(() => undefined);
    }
  }
}, 600_000);
