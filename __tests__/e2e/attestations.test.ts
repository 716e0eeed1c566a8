// End to end: provenance and SBOM attestations (issue 12, "Attestations"). Two platforms published with
// `provenance: mode=max` and `sbom: generator=<a local generator image>` (BuildKit's default generator is
// pulled from Docker Hub, which cannot be reached here; scripts/sbom-generator-image.sh makes one that
// follows BuildKit's SBOM generator protocol). Each platform of the release index has its attestation
// manifest, holding a SLSA provenance and an SPDX document made by that generator from the platform's own
// files, while the `images` output, the log's platform lines and the summary name only the real platforms:
// an attestation manifest is never counted as one, and `unknown/unknown` appears nowhere.
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {runAction, runPost, startGitHubApiStub, repoRoot, cleanupRuns, type GitHubApiStub} from '../support/action.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryJson, registryRequest, tagDigests} from '../support/registry.js';
import {buildxProblem, dockerProblem, imageProblem, prerequisites, registryProblem} from '../support/prereqs.js';

const exec = promisify(execFile);
const GENERATOR = process.env.E2E_SBOM_GENERATOR_IMAGE || 'ci-local/sbom-generator:debian';
const gate = await prerequisites('e2e attestations', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD}), imageProblem(GENERATOR, 'scripts/sbom-generator-image.sh')]);
const NS = `e2e-attest-${randomBytes(4).toString('hex')}`;
const SHA = 'a1'.repeat(20);
let stub: GitHubApiStub | undefined;
const temps: string[] = [];

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-attest-${name}-`));
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

gate.test('every platform has its provenance and SBOM, and nothing counts an attestation as a platform', async () => {
  const workspace = tempDir('ws');
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')]);
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
      tags: 'type=raw,value=v1',
      provenance: 'mode=max',
      sbom: `generator=${GENERATOR}`,
      'registry-auth': `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`,
      'github-token': 'e2e-token'
    }
  });
  try {
    expect({code: run.code, errors: run.log.split('\n').filter(l => l.startsWith('::error'))}).toEqual({code: 0, errors: []});
    const index = await registryJson(`${NS}/app`, 'v1');
    const manifests = (index.manifests ?? []) as Descriptor[];
    const platforms = manifests.filter(m => m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest');
    const attestations = manifests.filter(m => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest');
    expect(platforms.map(m => `${m.platform?.os}/${m.platform?.architecture}`).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    expect(attestations).toHaveLength(2);
    for (const p of platforms) {
      const att = attestations.find(a => a.annotations?.['vnd.docker.reference.digest'] === p.digest);
      expect(att).toBeDefined();
      const manifest = await registryJson(`${NS}/app`, att!.digest);
      const layers = (manifest.layers ?? []) as Descriptor[];
      const byType = new Map(layers.map(l => [l.annotations?.['in-toto.io/predicate-type'], l]));
      expect(byType.get('https://slsa.dev/provenance/v0.2') ?? byType.get('https://slsa.dev/provenance/v1')).toBeDefined();
      const spdxLayer = byType.get('https://spdx.dev/Document');
      expect(spdxLayer).toBeDefined();
      const statement = await blobJson(spdxLayer!.digest);
      // the document is the generator's, of this platform's files
      expect(statement.predicateType).toBe('https://spdx.dev/Document');
      expect(statement.predicate.creationInfo.creators).toContain('Tool: ci-local-sbom-generator-1');
      expect(statement.predicate.files.map((f: {fileName: string}) => f.fileName)).toContain('/bin/busybox');
      // BuildKit fills in the subject from the output's names: this platform's manifest under the image's name
      const provenance = await blobJson((byType.get('https://slsa.dev/provenance/v0.2') ?? byType.get('https://slsa.dev/provenance/v1'))!.digest);
      for (const s of [statement, provenance]) {
        expect(s.subject).toEqual([expect.objectContaining({digest: {sha256: p.digest.slice('sha256:'.length)}})]);
        expect(s.subject[0].name).toContain(`/${NS}/app`);
      }
    }
    // outputs, log and summary: the real platforms only
    const images = JSON.parse(run.outputs['images']) as {platforms: {platform: string; digest: string}[]}[];
    expect(images[0].platforms.map(p => p.platform).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    expect(images[0].platforms.map(p => p.digest).sort()).toEqual(platforms.map(p => p.digest).sort());
    const metadata = JSON.parse(run.outputs['metadata']);
    expect(JSON.stringify(metadata)).not.toContain('unknown/unknown');
    expect(run.log).not.toContain('unknown/unknown');
    // runAction gives the step a summary file of its own: what the step wrote there
    expect(run.summary).toContain('linux/arm64');
    expect(run.summary).not.toContain('unknown/unknown');
    // the registry's tag list names the release tag only (no attestation or staging tag)
    expect(Object.keys(await tagDigests(`${NS}/app`))).toEqual(['v1']);
  } finally {
    const post = await runPost(run);
    expect(post.code).toBe(0);
    cleanupRuns(run, post);
    for (const digest of new Set(Object.values(await tagDigests(`${NS}/app`).catch(() => ({} as Record<string, string>))))) {
      await registryRequest('DELETE', `/v2/${NS}/app/manifests/${digest}`).catch(() => undefined);
    }
  }
}, 300_000);
