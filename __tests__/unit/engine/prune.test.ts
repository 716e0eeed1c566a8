// mode: prune through an in-memory registry and the distribution back end: the listing (tags resolved and
// grouped), every reachable manifest read (fail closed per package), the dry run (nothing deleted, the
// pruned output says what would be), the deletions in order, a delete failure reported.
import {afterAll, describe, expect, test} from '@jest/globals';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {prune, DistributionBackend, backendFor, type PrunedImage} from '../../../src/engine/prune.js';
import {getInputs} from '../../../src/pipeline/inputs/index.js';
import type {Prepared} from '../../../src/pipeline/prepare.js';
import {flushSummary} from '../../../src/action/runner.js';
import {inputEnv} from '../../support/pipeline.js';
import {parseOutputs} from '../../support/action.js';
import {FakeRegistry, sha256} from './fake-registry.js';
import type {StoredVersion} from '../../../src/engine/prune-backend.js';
import {buildPlan, plan} from './factory.js';

const work = mkdtempSync(join(tmpdir(), 'mp-prune-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));
const NAMES = ['reg.test/acme/api', 'reg.test/acme/worker'];
const NOW = new Date('2026-12-04T00:00:00Z');

/** A release of `name`: an index of two platform manifests (created annotated) with an attestation each, under `tags`. */
function release(reg: FakeRegistry, name: string, n: number, tags: string[]): {index: string; children: string[]} {
  const created = new Date(NOW.getTime() - (10 - n) * 86_400_000).toISOString();
  const children: {mediaType: string; digest: string; size: number; platform: {os: string; architecture: string}; annotations?: Record<string, string>}[] = [];
  for (const a of ['amd64', 'arm64']) {
    const config = JSON.stringify({created, architecture: a, n});
    reg.blobs.set(`${name}@${sha256(config)}`, config);
    const pm = reg.put(name, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length}, layers: [{mediaType: 'l', digest: sha256(`base`), size: 1000}, {mediaType: 'l', digest: sha256(`layer ${n} ${a}`), size: 2000}], annotations: {'org.opencontainers.image.created': created}});
    const att = reg.put(name, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {mediaType: 'x', digest: sha256(`att ${n} ${a}`), size: 20}, layers: [{mediaType: 'in-toto', digest: sha256(`prov ${n} ${a}`), size: 300}]});
    children.push({mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: pm, size: 400, platform: {os: 'linux', architecture: a}});
    children.push({mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: att, size: 300, platform: {os: 'unknown', architecture: 'unknown'}, annotations: {'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': pm}});
  }
  const index = reg.put(name, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: children});
  for (const t of tags) reg.tags.set(`${name}:${t}`, index);
  return {index, children: children.map(c => c.digest)};
}

function five(reg: FakeRegistry, name: string): {index: string; children: string[]}[] {
  return [1, 2, 3, 4, 5].map(n => release(reg, name, n, [`build-${n}`]));
}

function prepared(values: Record<string, string>, names = NAMES): {p: Prepared; env: NodeJS.ProcessEnv; outputs: () => Record<string, string>; summary: string} {
  const inputs = getInputs({GITHUB_REPOSITORY: 'acme/app', ...inputEnv({mode: 'prune', 'keep-tags': '^never$', keep: '2', summary: 'false', ...values})});
  const dir = mkdtempSync(join(work, 'out-'));
  const file = join(dir, 'output');
  const summary = join(dir, 'summary');
  writeFileSync(file, '');
  writeFileSync(summary, '');
  const p = {inputs, ctx: {actor: 'me', serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', ref: 'refs/heads/main', sha: 'f'.repeat(40), shortSha: 'fffffff'}, plan: plan(names.map(n => buildPlan({id: n.slice(n.lastIndexOf('/') + 1), images: [n]}))), credentials: [], warnings: [], metadata: {}} as unknown as Prepared;
  return {p, env: {GITHUB_OUTPUT: file, GITHUB_STEP_SUMMARY: summary}, outputs: () => parseOutputs(readFileSync(file, 'utf8')), summary};
}

const pruned = (outputs: () => Record<string, string>) => JSON.parse(outputs()['pruned']!) as PrunedImage[];

describe('the distribution back end', () => {
  test('a Docker Hub name without a host: the path is the name', async () => {
    const reg = new FakeRegistry();
    const r = release(reg, 'acme/app', 1, ['a']);
    expect(await new DistributionBackend(reg.api(), '').list('acme/app')).toEqual([{digest: r.index, tags: ['a']}]);
  });

  test('lists every tag resolved to its digest, grouped; removes by digest; a registry without delete says so', async () => {
    const reg = new FakeRegistry();
    const [r1, r2] = [release(reg, NAMES[0]!, 1, ['a', 'b']), release(reg, NAMES[0]!, 2, ['c'])];
    const b = new DistributionBackend(reg.api(), 'reg.test');
    expect(b.listsUntagged).toBe(false);
    const listed = await b.list('acme/api');
    expect(listed.sort((x, y) => x.tags[0]!.localeCompare(y.tags[0]!))).toEqual([{digest: r1.index, tags: ['a', 'b']}, {digest: r2.index, tags: ['c']}]);
    await b.remove('acme/api', listed[0]!);
    expect(reg.deletes).toEqual([`${NAMES[0]}@${r1.index}`]);
    const refusing = new FakeRegistry(false);
    await expect(new DistributionBackend(refusing.api(), 'reg.test').remove('acme/api', {digest: r2.index, tags: []})).rejects.toThrow('reg.test does not allow deleting manifests');
  });

  test('prune-api: github-packages: the GitHub Packages back end (engine/github-packages.ts); without a token, a clear error', async () => {
    const b = await backendFor('github-packages', 'ghcr.io', new FakeRegistry().api(), prepared({'github-token': 'tok'}).p);
    expect([b.label, b.listsUntagged]).toEqual(['GitHub Packages API', true]);
    await expect(backendFor('github-packages', 'ghcr.io', new FakeRegistry().api(), prepared({'github-token': ''}).p)).rejects.toThrow('prune-api: github-packages needs a token (github-token)');
    // a GitHub Enterprise Server run: its API and token are not ghcr.io's
    const ghes = prepared({'github-token': 'tok'}).p;
    const onGhes = {...ghes, ctx: {...ghes.ctx, apiUrl: 'https://ghes.example.com/api/v3'}} as typeof ghes;
    await expect(backendFor('github-packages', 'ghcr.io', new FakeRegistry().api(), onGhes)).rejects.toThrow("ghcr.io holds github.com's packages, but this run's GitHub API is https://ghes.example.com/api/v3");
    expect((await backendFor('github-packages', 'containers.ghes.example.com', new FakeRegistry().api(), onGhes)).label).toBe('GitHub Packages API');
  });
});

describe('mode: prune', () => {
  test('dry run (the default): nothing deleted; pruned lists the three oldest with their children; the summary says so', async () => {
    const reg = new FakeRegistry();
    const r = five(reg, NAMES[0]!);
    const {p, env, outputs, summary} = prepared({summary: 'true'}, [NAMES[0]!]);
    expect(p.inputs.dryRun).toBe(true);
    await prune(p, env, reg.api(), NOW);
    await flushSummary();
    expect(reg.deletes).toEqual([]);
    const [out] = pruned(outputs);
    expect(out).toMatchObject({image: NAMES[0], backend: 'OCI distribution API', kept: 2, dryRun: true, notDeleted: []});
    expect(out!.deleted.filter(d => d.kind === 'version').map(d => d.tags)).toEqual([['build-1'], ['build-2'], ['build-3']]);
    expect(out!.deleted.map(d => d.digest).sort()).toEqual(r.slice(0, 3).flatMap(x => [x.index, ...x.children]).sort());
    expect(out!.bytesFreed).toBeGreaterThan(0);
    expect(out!.bytesFreed).toBe(out!.deleted.reduce((n, d) => n + d.bytes, 0));
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('## multiarch-publish: prune — 📝 dry run (nothing deleted)');
    expect(md).toContain('Dry run: nothing deleted, set `dry-run: false` to delete.');
    expect(md).toContain('| `build-1` | version | not one of the 2 most recent, no tag matches keep-tags | 1.2 KiB |');
  });

  test('dry-run: false: referrers, then the versions, then their children are deleted; what stays reads', async () => {
    const reg = new FakeRegistry();
    const r = five(reg, NAMES[0]!);
    const sig = reg.put(NAMES[0]!, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {mediaType: 'x', digest: sha256('sig'), size: 2}, layers: []});
    reg.tags.set(`${NAMES[0]}:${r[0]!.index.replace(':', '-')}.sig`, sig);
    const keptSig = reg.put(NAMES[0]!, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {mediaType: 'x', digest: sha256('sig5'), size: 2}, layers: []});
    reg.tags.set(`${NAMES[0]}:${r[4]!.index.replace(':', '-')}.sig`, keptSig);
    const {p, env, outputs} = prepared({'dry-run': 'false'}, [NAMES[0]!]);
    await prune(p, env, reg.api(), NOW);
    const [out] = pruned(outputs);
    expect(out!.dryRun).toBe(false);
    expect(reg.deletes[0]).toBe(`${NAMES[0]}@${sig}`);
    expect(reg.deletes.slice(1, 4).sort()).toEqual(r.slice(0, 3).map(x => `${NAMES[0]}@${x.index}`).sort());
    expect(reg.deletes.slice(4).sort()).toEqual(r.slice(0, 3).flatMap(x => x.children.map(c => `${NAMES[0]}@${c}`)).sort());
    expect([...reg.tags.keys()].map(k => k.slice(NAMES[0]!.length + 1)).sort()).toEqual(['build-4', 'build-5', `${r[4]!.index.replace(':', '-')}.sig`].sort());
    for (const x of r.slice(3)) for (const d of [x.index, ...x.children]) expect(reg.manifests.has(`${NAMES[0]}@${d}`)).toBe(true);
  });

  test('a manifest that cannot be read: nothing is deleted in that package, the other goes on; the step fails naming the digest', async () => {
    const reg = new FakeRegistry();
    const broken = five(reg, NAMES[0]!);
    five(reg, NAMES[1]!);
    const missing = broken[4]!.children[1]!;
    reg.manifests.delete(`${NAMES[0]}@${missing}`);
    const {p, env, outputs} = prepared({'dry-run': 'false'});
    await expect(prune(p, env, reg.api(), NOW)).rejects.toThrow(`reading ${NAMES[0]}@${missing} failed`);
    expect(reg.deletes.filter(d => d.startsWith(`${NAMES[0]}@`))).toEqual([]);
    expect(reg.deletes.filter(d => d.startsWith(`${NAMES[1]}@`))).toHaveLength(15);
    const [a, b] = pruned(outputs);
    expect(a!.error).toMatch(new RegExp(`^reading ${NAMES[0]}@${missing} failed: .*; nothing was deleted in ${NAMES[0]}$`));
    expect(a!.deleted).toEqual([]);
    expect(b!.error).toBeUndefined();
  });

  test('a delete that fails: reported, the later groups not attempted (no child deleted under an index that stays), the step fails', async () => {
    const reg = new FakeRegistry(false);
    five(reg, NAMES[0]!);
    const {p, env, outputs} = prepared({'dry-run': 'false'}, [NAMES[0]!]);
    await expect(prune(p, env, reg.api(), NOW)).rejects.toThrow(/does not allow deleting manifests[\s\S]*deleted 0 of 15, not deleted: sha256:/);
    const [out] = pruned(outputs);
    expect(out!.deleted).toEqual([]);
    expect(out!.notDeleted).toHaveLength(15);
  });

  test('keep-tags and the channel history: an env-prod version and what a history names stay', async () => {
    const reg = new FakeRegistry();
    const r = five(reg, NAMES[0]!);
    reg.tags.set(`${NAMES[0]}:env-prod`, r[0]!.index);
    const {p, env, outputs} = prepared({'keep-tags': '^env-'}, [NAMES[0]!]);
    await prune(p, env, reg.api(), NOW);
    const [out] = pruned(outputs);
    expect(out!.kept).toBe(3);
    expect(out!.deleted.filter(d => d.kind === 'version').map(d => d.tags)).toEqual([['build-2'], ['build-3']]);
  });
});

/** A back end as GitHub Packages lists a package: every manifest a version of its own (the children untagged), with ids. */
class ListingEveryManifest {
  readonly label = 'GitHub Packages API (fake)';
  readonly listsUntagged = true;
  removed: StoredVersion[] = [];
  constructor(
    private readonly reg: FakeRegistry,
    private readonly name: string
  ) {}
  async list(path: string): Promise<StoredVersion[]> {
    expect(path).toBe(this.name.slice(this.name.indexOf('/') + 1));
    const digests = [...this.reg.manifests.keys()].filter(k => k.startsWith(`${this.name}@`)).map(k => k.slice(this.name.length + 1));
    return digests.map((digest, i) => ({digest, id: 1000 + i, tags: [...this.reg.tags].filter(([r, d]) => d === digest && r.startsWith(`${this.name}:`)).map(([r]) => r.slice(this.name.length + 1))}));
  }
  async remove(_path: string, v: StoredVersion): Promise<void> {
    this.removed.push(v);
    await this.reg.api().deleteManifest(this.name, v.digest);
  }
}

describe('mode: prune with a back end that lists untagged versions', () => {
  test('the children of kept versions stay, those of deleted ones go by id; an untagged stray only with delete-untagged', async () => {
    const reg = new FakeRegistry();
    const r = five(reg, NAMES[0]!);
    const stray = reg.put(NAMES[0]!, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {mediaType: 'x', digest: sha256('stray'), size: 2}, layers: []});
    const backend = new ListingEveryManifest(reg, NAMES[0]!);
    const {p, env, outputs} = prepared({'dry-run': 'false', 'prune-api': 'github-packages'}, [NAMES[0]!]);
    await prune(p, env, reg.api(), NOW, async kind => {
      expect(kind).toBe('github-packages');
      return backend;
    });
    expect(backend.removed.every(v => typeof v.id === 'number')).toBe(true);
    expect(backend.removed.map(v => v.digest).sort()).toEqual(r.slice(0, 3).flatMap(x => [x.index, ...x.children]).sort());
    for (const x of r.slice(3)) for (const d of [x.index, ...x.children]) expect(reg.manifests.has(`${NAMES[0]}@${d}`)).toBe(true);
    expect(reg.manifests.has(`${NAMES[0]}@${stray}`)).toBe(true);
    expect(pruned(outputs)[0]!.backend).toBe('GitHub Packages API (fake)');

    const again = prepared({'dry-run': 'false', 'delete-untagged': 'true'}, [NAMES[0]!]);
    const second = new ListingEveryManifest(reg, NAMES[0]!);
    await prune(again.p, again.env, reg.api(), NOW, async () => second);
    expect(second.removed.map(v => v.digest)).toEqual([stray]);
    expect(pruned(again.outputs)[0]!.deleted).toMatchObject([{digest: stray, kind: 'untagged', reason: 'untagged, no kept version needs it'}]);
  });

  test('the summary escapes what it shows: a keep-tags regex with | and <, tags as code', async () => {
    const reg = new FakeRegistry();
    five(reg, NAMES[0]!);
    const {p, env, summary} = prepared({summary: 'true', 'keep-tags': '^(x|<b>y)$'}, [NAMES[0]!]);
    await prune(p, env, reg.api(), NOW);
    await flushSummary();
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('**Rules:** keep 2 most recent; keep-tags ^(x\\|\\<b\\>y)\\$; delete-untagged: false');
    expect(md).not.toContain('<b>');
  });
});

describe('the package changes between the decision and the deletions', () => {
  test.each([
    ['a tag moved onto a version to delete', (reg: FakeRegistry, r: {index: string}[]) => reg.tags.set(`${NAMES[0]}:latest`, r[0]!.index), /is now tagged latest/],
    ['a version pushed meanwhile', (reg: FakeRegistry) => void release(reg, NAMES[0]!, 9, ['build-9']), /1 manifest\(s\) appeared, e\.g\. sha256:[0-9a-f]{64} \(build-9\)/]
  ] as const)('%s: nothing is deleted, the step fails saying what changed', async (_title, change, message) => {
    const reg = new FakeRegistry();
    const r = five(reg, NAMES[0]!);
    const real = new DistributionBackend(reg.api(), 'reg.test');
    let lists = 0;
    const backend = {
      label: real.label,
      listsUntagged: false,
      list: async (path: string) => {
        if (++lists === 2) change(reg, r);
        return real.list(path);
      },
      remove: (path: string, v: StoredVersion) => real.remove(path, v)
    };
    const {p, env, outputs} = prepared({'dry-run': 'false'}, [NAMES[0]!]);
    await expect(prune(p, env, reg.api(), NOW, async () => backend)).rejects.toThrow(message);
    expect(reg.deletes).toEqual([]);
    expect(pruned(outputs)[0]!.error).toMatch(/changed while it was being pruned \(.*\): run the prune again; nothing was deleted in reg\.test\/acme\/api$/);
  });
});

test('an age that cannot be read (the image config of a version without a created annotation) fails closed too', async () => {
  const reg = new FakeRegistry();
  five(reg, NAMES[0]!);
  const lone = reg.put(NAMES[0]!, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256('no such config'), size: 2}, layers: []});
  reg.tags.set(`${NAMES[0]}:single`, lone);
  const {p, env} = prepared({'dry-run': 'false'}, [NAMES[0]!]);
  await expect(prune(p, env, reg.api(), NOW)).rejects.toThrow(`reading the image config of ${NAMES[0]}@${lone} (for its age) failed`);
  expect(reg.deletes).toEqual([]);
});
