import {describe, expect, test} from '@jest/globals';
import {tmpdir} from 'node:os';
import {merge, mergedIndex, readLegs} from '../../../src/engine/merge.js';
import {legTag, PLAN_ANNOTATION} from '../../../src/pipeline/leg-record.js';
import type {BuildPlan, Plan} from '../../../src/pipeline/plan.js';
import type {Prepared} from '../../../src/pipeline/prepare.js';
import type {ParsedPlanDocument} from '../../../src/pipeline/plan-document.js';

import {FakeRegistry, sha256, SHA, PLAN} from './fake-registry.js';
const OTHER_PLAN = sha256('other plan');

const NAMES = ['reg.test/acme/api', 'reg.test/acme/api-mirror'];
function buildPlan(archTags = false): BuildPlan {
  const b: BuildPlan = {id: 'api', images: NAMES, file: 'Dockerfile', context: '.', platforms: ['linux/amd64', 'linux/arm64'], tags: NAMES.flatMap(n => [`${n}:1.2.3`, `${n}:latest`]), tagNames: ['1.2.3', 'latest'], labels: [], annotations: ['index:org.opencontainers.image.title=api', 'manifest:org.opencontainers.image.title=api'], buildArgs: {}, push: true, policy: {allowed: true, rules: [], violations: [], warnings: []}};
  if (archTags) b.archTags = ['amd64', 'arm64'].map((s, k) => ({platform: b.platforms[k], suffix: s, tagNames: b.tagNames.map(t => `${t}-${s}`), tags: NAMES.flatMap(n => b.tagNames.map(t => `${n}:${t}-${s}`))}));
  return b;
}
function docOf(b: BuildPlan, push = true): ParsedPlanDocument {
  const plan: Plan = {eventName: 'push', ref: 'refs/tags/v1.2.3', sha: SHA, version: '1.2.3', push, pushReason: push ? 'a tag' : 'pull request', registry: 'reg.test', builds: [b], policy: {allowed: true, rules: [], violations: [], warnings: []}};
  return {plan, repository: 'acme/api', created: new Date(0), digest: PLAN};
}
const prepared = {inputs: {summary: false, githubToken: '', engine: {forceTags: false, tagRetryTimeout: 1}}, ctx: {actor: 'me', serverUrl: 'https://github.com'}, credentials: [], warnings: []} as unknown as Prepared;

function legsFor(reg: FakeRegistry, b: BuildPlan, skip: string[] = []) {
  const out = new Map<string, {platformDigest: string; content: string}>();
  for (const n of b.images) for (const p of b.platforms) if (!skip.includes(`${n} ${p}`)) out.set(`${n} ${p}`, reg.leg(n, b, p));
  return out;
}

describe('mode: merge', () => {
  test('every tag of every name points at one index of exactly the legs platform manifests, with the index annotations; records removed', async () => {
    const reg = new FakeRegistry();
    const b = buildPlan();
    const legs = legsFor(reg, b);
    const out = await merge(prepared, docOf(b), {}, {report: false}, reg.api());
    const digest = out.outputs.digest;
    for (const n of NAMES) {
      for (const t of b.tagNames) expect(reg.tags.get(`${n}:${t}`)).toBe(digest);
      const index = JSON.parse(reg.manifests.get(`${n}@${digest}`)!);
      expect(index.annotations).toEqual({'org.opencontainers.image.title': 'api', [PLAN_ANNOTATION]: PLAN});
      const platforms = index.manifests.filter((m: {platform: {os: string}}) => m.platform.os !== 'unknown').map((m: {digest: string}) => m.digest);
      expect(platforms).toEqual(b.platforms.map(p => legs.get(`${n} ${p}`)!.platformDigest));
      expect(index.manifests).toHaveLength(4);
      // records gone, leg content index (not referenced) gone, platform manifests kept
      for (const p of b.platforms) {
        expect(reg.tags.has(`${n}:${legTag(PLAN, p)}`)).toBe(false);
        expect(reg.manifests.has(`${n}@${legs.get(`${n} ${p}`)!.content}`)).toBe(false);
        expect(reg.manifests.has(`${n}@${legs.get(`${n} ${p}`)!.platformDigest}`)).toBe(true);
      }
    }
    expect(JSON.parse(out.outputs.images)[0].platforms.map((p: {platform: string}) => p.platform)).toEqual(b.platforms);
    expect(out.left).toEqual([]);
  });

  test('attestation-storage: referrers: the index lists the platforms only; each leg attestation a referrer of its platform; merged again, the same release', async () => {
    const reg = new FakeRegistry();
    const b = buildPlan();
    const legs = legsFor(reg, b);
    const withReferrers = {...prepared, inputs: {...prepared.inputs, engine: {...prepared.inputs.engine, attestationStorage: 'referrers'}}} as Prepared;
    const out = await merge(withReferrers, docOf(b), {RUNNER_TEMP: tmpdir()}, {report: false}, reg.api());
    const digest = out.outputs.digest;
    for (const n of NAMES) {
      for (const t of b.tagNames) expect(reg.tags.get(`${n}:${t}`)).toBe(digest);
      const index = JSON.parse(reg.manifests.get(`${n}@${digest}`)!);
      expect(index.manifests.map((m: {digest: string}) => m.digest)).toEqual(b.platforms.map(p => legs.get(`${n} ${p}`)!.platformDigest));
      expect(index.annotations).toEqual({'org.opencontainers.image.title': 'api', [PLAN_ANNOTATION]: PLAN});
      for (const p of b.platforms) {
        const pd = legs.get(`${n} ${p}`)!.platformDigest;
        const listing = JSON.parse(reg.manifests.get(`${n}@${reg.tags.get(`${n}:${pd.replace(':', '-')}`)}`)!);
        expect(listing.manifests.map((m: {artifactType: string}) => m.artifactType)).toEqual(['application/vnd.docker.attestation.manifest.v1+json']);
        expect(JSON.parse(reg.manifests.get(`${n}@${listing.manifests[0].digest}`)!).subject.digest).toBe(pd);
      }
    }
    expect(JSON.parse(out.outputs.images)[0].platforms.map((p: {platform: string}) => p.platform)).toEqual(b.platforms);
    expect(JSON.parse(out.outputs.metadata).api['containerimage.digest']).toBe(digest);
    // the records are gone: the release is found by its tags and left as it is
    expect((await merge(withReferrers, docOf(b), {RUNNER_TEMP: tmpdir()}, {report: false}, reg.api())).outputs.digest).toBe(digest);
  });

  test('idempotent: the same legs give the same index; a second merge with the records gone re-uses the release', async () => {
    const b = buildPlan();
    const reg1 = new FakeRegistry();
    legsFor(reg1, b);
    const first = await merge(prepared, docOf(b), {}, {report: false}, reg1.api());
    const reg2 = new FakeRegistry();
    legsFor(reg2, b);
    expect((await merge(prepared, docOf(b), {}, {report: false}, reg2.api())).outputs.digest).toBe(first.outputs.digest);
    // again on reg1: no records any more, the tags carry this plan's index
    reg1.tags.delete(`${NAMES[1]}:latest`);
    const again = await merge(prepared, docOf(b), {}, {report: false}, reg1.api());
    expect(again.outputs.digest).toBe(first.outputs.digest);
    expect(reg1.tags.get(`${NAMES[1]}:latest`)).toBe(first.outputs.digest);
  });

  test('every missing leg is named, with a leg of another plan mentioned, and no tag is created', async () => {
    const reg = new FakeRegistry();
    const b = buildPlan();
    legsFor(reg, b, [`${NAMES[0]} linux/arm64`, `${NAMES[1]} linux/amd64`]);
    reg.leg(NAMES[0], b, 'linux/arm64', {plan: OTHER_PLAN});
    const e = (await merge(prepared, docOf(b), {}, {report: false}, reg.api()).catch(x => x)) as Error;
    expect(e.message).toContain('no release tag was created or moved');
    expect(e.message).toContain(`no leg of linux/arm64 for ${NAMES[0]} (tag ${legTag(PLAN, 'linux/arm64')}); the repository has a leg of linux/arm64 of another plan (${legTag(OTHER_PLAN, 'linux/arm64')})`);
    expect(e.message).toContain(`no leg of linux/amd64 for ${NAMES[1]} (tag ${legTag(PLAN, 'linux/amd64')})`);
    expect([...reg.tags.keys()].filter(t => !t.includes(':mp-leg-'))).toEqual([]);
  });

  test.each([
    ['another commit', {sha: 'b'.repeat(40)}, `was built from commit ${'b'.repeat(40)}`],
    ['another plan (record under this plan tag)', {mark: OTHER_PLAN}, 'was built from another plan'],
    // a record under this plan's tag whose own plan field names another plan (a forged or mixed-up tag)
    ['another plan (the record says so)', {plan: OTHER_PLAN, mark: PLAN, tagPlan: PLAN}, `was built from another plan (${OTHER_PLAN}), not ${PLAN}`]
  ])('a leg from %s is refused', async (_what, o, message) => {
    const reg = new FakeRegistry();
    const b = buildPlan();
    legsFor(reg, b, [`${NAMES[0]} linux/arm64`]);
    reg.leg(NAMES[0], b, 'linux/arm64', o);
    const e = (await merge(prepared, docOf(b), {}, {report: false}, reg.api()).catch(x => x)) as Error;
    expect(e.message).toContain(message);
    expect(e.message).toContain(`linux/arm64 for ${NAMES[0]}`);
    expect(reg.tags.has(`${NAMES[0]}:latest`)).toBe(false);
  });

  test('arch-tags: the per-platform tags point at the legs platform manifests', async () => {
    const reg = new FakeRegistry();
    const b = buildPlan(true);
    const legs = legsFor(reg, b);
    const out = await merge(prepared, docOf(b), {}, {report: false}, reg.api());
    for (const n of NAMES) {
      expect(reg.tags.get(`${n}:1.2.3-amd64`)).toBe(legs.get(`${n} linux/amd64`)!.platformDigest);
      expect(reg.tags.get(`${n}:latest-arm64`)).toBe(legs.get(`${n} linux/arm64`)!.platformDigest);
    }
    // the tags output is metadata-action's, as publish writes it; the per-platform tags are in images
    expect(out.outputs.tags.split('\n')).toEqual(b.tags);
    expect(JSON.parse(out.outputs.images)[0].archTags).toContain(`${NAMES[0]}:1.2.3-arm64`);
  });

  test('a registry that refuses deletion: what is left is listed', async () => {
    const reg = new FakeRegistry(false);
    const b = buildPlan();
    legsFor(reg, b);
    const out = await merge(prepared, docOf(b), {}, {report: false}, reg.api());
    expect(out.left).toHaveLength(8);
    expect(out.left[0].note).toMatch(/does not allow deleting/);
  });

  test('push false: nothing is read', async () => {
    const reg = new FakeRegistry();
    const out = await merge(prepared, docOf(buildPlan(), false), {}, {report: false}, reg.api());
    expect(out.outputs.digest).toBe('');
    expect(out.outputs.version).toBe('1.2.3');
  });

  test.each([
    // the legs' platform manifests: config 2 bytes, no layer
    ['over budget: the step fails naming each platform image, no release tag is created, the legs are left for a re-run', 'max-size=reg.test/acme/*:1B', true],
    ['within budget: merged and released', 'max-size=**/api:2B', false]
  ])('size budget of the plan (policy max-size), %s', async (_what, rule, over) => {
    const reg = new FakeRegistry();
    const b = buildPlan();
    legsFor(reg, b);
    const doc = docOf(b);
    doc.plan.policy = {allowed: true, rules: [rule], violations: [], warnings: []};
    const run = merge(prepared, doc, {}, {report: false}, reg.api());
    if (!over) {
      await run;
      for (const n of NAMES) expect(reg.tags.get(`${n}:latest`)).toBeDefined();
      return;
    }
    const e = (await run.catch(x => x)) as Error;
    expect(e.message).toMatch(/^The size budget refuses this release \(4 platform images over budget\); no tag was created or moved:/);
    for (const n of NAMES) for (const p of b.platforms) expect(e.message).toContain(`${n} ${p}: 2 B (2 bytes) is over the budget of 1 B (1 byte, ${rule})`);
    expect([...reg.tags.keys()].filter(t => !t.includes(':mp-leg-'))).toEqual([]);
    expect(reg.deletes).toEqual([]);
  });

  test('a malformed max-size rule in the plan document: an InputError naming the plan input, before anything is read', async () => {
    const reg = new FakeRegistry();
    const b = buildPlan();
    const doc = docOf(b);
    doc.plan.policy = {allowed: true, rules: ['max-size=**:5M'], violations: [], warnings: []};
    const api = reg.api();
    const read = api.readManifest;
    let reads = 0;
    api.readManifest = (...a) => (reads++, read(...a));
    await expect(merge(prepared, doc, {}, {report: false}, api)).rejects.toThrow(/^Input "plan": the policy rule is malformed: max-size: "5M" is not a size/);
    expect(reads).toBe(0);
  });

  test('the index bytes are deterministic', () => {
    const reg = new FakeRegistry();
    const b = buildPlan();
    legsFor(reg, b);
    return readLegs(reg.api(), docOf(b).plan, PLAN).then(r => {
      const legs = r.found.filter(f => f.image === NAMES[0]);
      expect(mergedIndex(b, legs, PLAN).digest).toBe(mergedIndex(b, [...legs].reverse(), PLAN).digest);
    });
  });
});
