// mode: build: the leg's share of the plan (pipeline/leg-plan.ts), its records (engine/leg.ts) read
// back by the real merge (engine/merge.ts) from one in-memory registry, and its per-platform caches.
import {afterAll, describe, expect, test} from '@jest/globals';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {legPlan} from '../../../src/pipeline/leg-plan.js';
import {writeLegRecords, type LegIdentity, type LegDigest} from '../../../src/engine/leg.js';
import {merge} from '../../../src/engine/merge.js';
import {cacheSettings} from '../../../src/engine/cache.js';
import {planMounts} from '../../../src/engine/steps/cache-mounts.js';
import {legTag, PLAN_ANNOTATION} from '../../../src/pipeline/leg-record.js';
import {InputError} from '../../../src/pipeline/inputs/errors.js';
import type {BuildPlan, Plan} from '../../../src/pipeline/plan.js';
import type {Prepared} from '../../../src/pipeline/prepare.js';
import type {VerifiedBuild} from '../../../src/engine/steps/verify.js';
import {FakeRegistry, sha256, SHA, PLAN} from './fake-registry.js';
import {buildPlan as factoryBuild, engineInputs, plan as factoryPlan} from './factory.js';

const work = mkdtempSync(join(tmpdir(), 'mp-leg-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

const POLICY = {allowed: true, rules: [], violations: [], warnings: []};
const NAMES = ['reg.test/acme/api', 'reg.test/acme/api-mirror'];
function build(id: string, images: string[], platforms: string[]): BuildPlan {
  return {id, images, file: 'Dockerfile', context: '.', platforms, tags: images.map(n => `${n}:1.2.3`), tagNames: ['1.2.3'], labels: ['org.opencontainers.image.created=2026-12-01T00:00:00.000Z'], annotations: ['manifest:org.opencontainers.image.title=x'], buildArgs: {}, push: true, policy: POLICY};
}
function planOf(builds: BuildPlan[]): Plan {
  return {eventName: 'push', ref: 'refs/tags/v1.2.3', sha: SHA, version: '1.2.3', push: true, pushReason: 'a tag', registry: 'reg.test', builds, policy: POLICY};
}

describe('legPlan: the share of the plan one leg builds', () => {
  const plan = planOf([build('api', NAMES, ['linux/amd64', 'linux/arm64']), build('tool', ['reg.test/acme/tool'], ['linux/amd64'])]);

  test.each<[string[] | undefined, Record<string, string[]>, string[]]>([
    [undefined, {api: ['linux/amd64', 'linux/arm64'], tool: ['linux/amd64']}, ['linux/amd64', 'linux/arm64']],
    [[], {api: ['linux/amd64', 'linux/arm64'], tool: ['linux/amd64']}, ['linux/amd64', 'linux/arm64']],
    [['linux/amd64'], {api: ['linux/amd64'], tool: ['linux/amd64']}, ['linux/amd64']],
    // an image that builds none of the leg's platforms is not this leg's
    [['linux/arm64'], {api: ['linux/arm64']}, ['linux/arm64']],
    // another spelling of a plan platform is that platform (default variants)
    [['linux/arm64/v8'], {api: ['linux/arm64']}, ['linux/arm64']],
    [['linux/amd64/v1', 'linux/arm64'], {api: ['linux/amd64', 'linux/arm64'], tool: ['linux/amd64']}, ['linux/amd64', 'linux/arm64']],
    // the plan's platform order, whatever the input's
    [['linux/arm64', 'linux/amd64'], {api: ['linux/amd64', 'linux/arm64'], tool: ['linux/amd64']}, ['linux/amd64', 'linux/arm64']]
  ])('platforms %j', (platforms, builds, legPlatforms) => {
    const leg = legPlan(plan, PLAN, platforms);
    expect(Object.fromEntries(leg.builds.map(b => [b.id, b.platforms]))).toEqual(builds);
    expect(leg.legPlatforms).toEqual(legPlatforms);
    // the plan digest on every platform manifest, the user's annotations kept; tags and labels unchanged
    for (const b of leg.builds) {
      expect(b.annotations).toEqual(['manifest:org.opencontainers.image.title=x', `manifest:${PLAN_ANNOTATION}=${PLAN}`]);
      expect(b.tags).toEqual(plan.builds.find(x => x.id === b.id)!.tags);
    }
  });

  test.each([[['linux/s390x']], [['linux/amd64', 'linux/riscv64', 'linux/s390x']]])('a platform the plan does not build (%j) names the platforms input', platforms => {
    let error: unknown;
    try {
      legPlan(plan, PLAN, platforms);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^Input "platforms": linux\/(s390x|riscv64, linux\/s390x) (is not a platform|are not platforms) of the plan \(it builds linux\/amd64, linux\/arm64\)/);
  });

  test('a plan annotation the document already carries is replaced, not doubled', () => {
    const b = build('api', NAMES, ['linux/amd64']);
    b.annotations.push(`manifest:${PLAN_ANNOTATION}=sha256:forged`);
    expect(legPlan(planOf([b]), PLAN, undefined).builds[0].annotations.filter(a => a.includes(PLAN_ANNOTATION))).toEqual([`manifest:${PLAN_ANNOTATION}=${PLAN}`]);
  });
});

/** What a leg of `platforms` pushed to every name of `b` by digest: an index of its platform manifests. */
function pushLeg(reg: FakeRegistry, b: BuildPlan, platforms: string[], mark = PLAN): VerifiedBuild {
  const manifests = platforms.map(p => {
    const [os, architecture] = p.split('/');
    const pm = {schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(p), size: 2}, layers: [], annotations: {[PLAN_ANNOTATION]: mark}};
    let digest = '';
    for (const n of b.images) digest = reg.put(n, pm);
    return {mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: 100, platform: {os, architecture}};
  });
  let digest = '';
  for (const n of b.images) digest = reg.put(n, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests});
  return {build: {...b, platforms}, digest, images: b.images.map(name => ({name, digest, mediaType: 'application/vnd.oci.image.index.v1+json', platforms: manifests.map(m => ({platform: `${m.platform.os}/${m.platform.architecture}`, digest: m.digest, size: 0}))}))};
}

const identity = (o: Partial<LegIdentity> = {}): LegIdentity => ({plan: PLAN, sha: SHA, runner: 'ubuntu-24.04-arm', run: '7/1', ...o});
const prepared = {inputs: {summary: false, githubToken: '', engine: {forceTags: false, tagRetryTimeout: 1}}, ctx: {actor: 'me', serverUrl: 'https://github.com'}, credentials: [], warnings: []} as unknown as Prepared;
const docOf = (plan: Plan) => ({plan, repository: 'acme/api', created: new Date(0), digest: PLAN});

describe('writeLegRecords, read back by the merge', () => {
  test('two legs (one per platform) -> one index per name of exactly the legs platform manifests; records removed', async () => {
    const reg = new FakeRegistry();
    const b = build('api', NAMES, ['linux/amd64', 'linux/arm64']);
    const written: LegDigest[] = [];
    for (const platform of b.platforms) {
      const v = pushLeg(reg, b, [platform]);
      const digests = await writeLegRecords({buildx: reg.api(), verified: [v], descriptors: {api: {size: 321}}, leg: identity(), workDir: mkdtempSync(join(work, 'w-')), retryTimeoutMs: 1000});
      expect(digests).toEqual(NAMES.map(image => ({id: 'api', image, platform, digest: v.images[0].platforms[0].digest, content: v.digest, record: legTag(PLAN, platform)})));
      written.push(...digests);
    }
    for (const n of NAMES) for (const p of b.platforms) expect(reg.tags.has(`${n}:${legTag(PLAN, p)}`)).toBe(true);
    const out = await merge(prepared, docOf(planOf([b])), {}, {report: false}, reg.api());
    for (const n of NAMES) {
      const index = JSON.parse(reg.manifests.get(`${n}@${out.outputs.digest}`)!);
      expect(index.manifests.map((m: {digest: string}) => m.digest)).toEqual(b.platforms.map(p => written.find(w => w.image === n && w.platform === p)!.digest));
      expect(reg.tags.get(`${n}:1.2.3`)).toBe(out.outputs.digest);
      for (const p of b.platforms) expect(reg.tags.has(`${n}:${legTag(PLAN, p)}`)).toBe(false);
    }
  });

  test('a leg run again replaces its record; the replaced record is deleted, not left untagged', async () => {
    const reg = new FakeRegistry();
    const b = build('api', [NAMES[0]], ['linux/amd64']);
    const v = pushLeg(reg, b, ['linux/amd64']);
    const write = (at: string) => writeLegRecords({buildx: reg.api(), verified: [v], descriptors: {api: {size: 1}}, leg: identity(), workDir: mkdtempSync(join(work, 'w-')), retryTimeoutMs: 1000, now: () => new Date(at)});
    await write('2026-12-01T00:00:00Z');
    const first = reg.tags.get(`${NAMES[0]}:${legTag(PLAN, 'linux/amd64')}`)!;
    await write('2026-12-01T00:05:00Z');
    const second = reg.tags.get(`${NAMES[0]}:${legTag(PLAN, 'linux/amd64')}`)!;
    expect(second).not.toBe(first);
    expect(reg.deletes).toEqual([`${NAMES[0]}@${first}`]);
    expect(reg.manifests.has(`${NAMES[0]}@${first}`)).toBe(false);
  });

  test('one leg of both platforms: a record per platform, naming the same content', async () => {
    const reg = new FakeRegistry();
    const b = build('api', [NAMES[0]], ['linux/amd64', 'linux/arm64']);
    const v = pushLeg(reg, b, b.platforms);
    const digests = await writeLegRecords({buildx: reg.api(), verified: [v], descriptors: {api: {size: 321}}, leg: identity(), workDir: mkdtempSync(join(work, 'w-')), retryTimeoutMs: 1000});
    expect(digests.map(d => [d.platform, d.content])).toEqual([['linux/amd64', v.digest], ['linux/arm64', v.digest]]);
    await merge(prepared, docOf(planOf([b])), {}, {report: false}, reg.api());
    expect(reg.tags.get(`${NAMES[0]}:1.2.3`)).toBeDefined();
  });

  test.each<[string, Partial<LegIdentity>, string]>([
    ['another commit', {sha: 'b'.repeat(40)}, `was built from commit ${'b'.repeat(40)}, not the plan's ${SHA}`],
    ['another plan', {plan: sha256('other plan')}, 'no leg of linux/arm64 for reg.test/acme/api']
  ])('a leg of %s is refused by the merge, and no tag is created', async (_title, who, message) => {
    const reg = new FakeRegistry();
    const b = build('api', [NAMES[0]], ['linux/amd64', 'linux/arm64']);
    await writeLegRecords({buildx: reg.api(), verified: [pushLeg(reg, b, ['linux/amd64'])], descriptors: {api: {size: 1}}, leg: identity(), workDir: mkdtempSync(join(work, 'w-')), retryTimeoutMs: 1000});
    await writeLegRecords({buildx: reg.api(), verified: [pushLeg(reg, b, ['linux/arm64'], who.plan)], descriptors: {api: {size: 1}}, leg: identity(who), workDir: mkdtempSync(join(work, 'w-')), retryTimeoutMs: 1000});
    await expect(merge(prepared, docOf(planOf([b])), {}, {report: false}, reg.api())).rejects.toThrow(message);
    expect(reg.tags.has(`${NAMES[0]}:1.2.3`)).toBe(false);
  });

  test('without bake descriptor the content size is read from the registry; unreadable: no record, an error naming the image', async () => {
    const reg = new FakeRegistry();
    const b = build('api', [NAMES[0]], ['linux/amd64']);
    const v = pushLeg(reg, b, ['linux/amd64']);
    const api = reg.api();
    await expect(writeLegRecords({buildx: api, verified: [v], descriptors: {}, leg: identity(), workDir: mkdtempSync(join(work, 'w-')), retryTimeoutMs: 1000})).rejects.toThrow(`the size of ${NAMES[0]}@${v.digest} could not be read`);
    expect(reg.tags.size).toBe(0);
    api.manifestSize = async (name, digest) => reg.manifests.get(`${name}@${digest}`)?.length;
    const [d] = await writeLegRecords({buildx: api, verified: [v], descriptors: {}, leg: identity(), workDir: mkdtempSync(join(work, 'w-')), retryTimeoutMs: 1000});
    expect(d.content).toBe(v.digest);
  });
});

describe('caches of a leg are its platforms own', () => {
  const GHA = {ACTIONS_RESULTS_URL: 'https://results-receiver.actions.githubusercontent.com/', ACTIONS_RUNTIME_TOKEN: 'x'};
  const p = (legPlatforms?: string[]) => factoryPlan([factoryBuild({id: 'api', images: ['ghcr.io/o/api']})], {ref: 'refs/heads/feature', ...(legPlatforms ? {legPlatforms} : {})});

  test.each<[string[] | undefined, string, string]>([
    [undefined, 'type=gha,scope=api-feature', 'type=gha,scope=api-main'],
    [['linux/arm64'], 'type=gha,scope=api-linux-arm64-feature', 'type=gha,scope=api-linux-arm64-main'],
    [['linux/amd64', 'linux/arm/v7'], 'type=gha,scope=api-linux-amd64_linux-arm-v7-feature', 'type=gha,scope=api-linux-amd64_linux-arm-v7-main']
  ])('gha, leg %j: own scope, the default branch scope of the same platforms as fallback', (legPlatforms, own, fallback) => {
    const s = cacheSettings(p(legPlatforms), engineInputs({}), 'docker-container', GHA, 'main');
    expect(s.from['api']).toEqual([own, fallback]);
    expect(s.to['api']).toEqual([`${own},mode=max`]);
  });

  test('registry cache: a ref per platform', () => {
    const s = cacheSettings(p(['linux/arm64']), engineInputs({cache: 'registry'}), 'docker-container', {}, 'main');
    expect(s.from['api']).toEqual(['type=registry,ref=ghcr.io/o/api:buildcache-linux-arm64']);
  });

  test('cache mounts shared by every platform are keyed by the leg platforms', async () => {
    const mount = {id: 'npm', target: '/root/.npm', sharing: 'shared' as const, where: 'input cache-mounts, line 1'};
    const engine = engineInputs({cacheMounts: {mode: 'list', mounts: [mount, {...mount, id: 'go', platform: 'linux/amd64'}]}});
    const legs = await planMounts({plan: p(['linux/arm64']), engine, workspace: work});
    expect(legs.mounts.map(m => [m.id, m.platform])).toEqual([['npm', 'linux/arm64'], ['go', 'linux/amd64']]);
    const publish = await planMounts({plan: p(), engine, workspace: work});
    expect(publish.mounts.map(m => [m.id, m.platform])).toEqual([['npm', undefined], ['go', 'linux/amd64']]);
  });
});
