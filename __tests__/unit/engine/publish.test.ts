// publish() as the composition of the steps, through the fake seam: the order (nothing tagged before
// every platform is verified), the outputs, and the options the terminal CLI uses (load, dockerConfig).
import {flushSummary} from '../../../src/action/runner.js';
import {afterAll, beforeEach, describe, expect, test} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {TagPhaseError} from '../../../src/engine/steps/tags.js';
import {publish, type PublishOptions} from '../../../src/engine/publish.js';
import type {Prepared} from '../../../src/pipeline/prepare.js';
import type {BuildPlan} from '../../../src/pipeline/plan.js';
import {FakeBuildx, fixture, fixtureJson, DIGEST, IMAGE} from './fake-buildx.js';
import {buildPlan, engineInputs, plan} from './factory.js';
import {runnerDirs} from './runner-dirs.js';
import {removeTempDirs} from '../../support/git.js';
import {Cancellation} from '../../../src/engine/cancel.js';

afterAll(() => removeTempDirs());

const h = runnerDirs('mp-publish-');
let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  ({dir, env} = h);
});

function prepared(builds: BuildPlan[] = [buildPlan({images: [IMAGE]})], over: {push?: boolean} = {}): Prepared {
  return {
    inputs: {engine: engineInputs(), githubToken: '', summary: true},
    ctx: {actor: 'octocat', defaultBranch: 'main', shortSha: 'a1b2c3d'},
    plan: plan(builds, {push: over.push ?? true}),
    metadata: {},
    credentials: [{registry: '127.0.0.1:5000', username: 'ci', password: 'ci-secret'}],
    warnings: []
  } as unknown as Prepared;
}

/** The state main left for the post step, as the runner's GITHUB_STATE file holds it. */
function state(): Record<string, string> {
  const text = fs.readFileSync(path.join(dir, 'state'), 'utf8');
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^(\w+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]] = m[3];
  return out;
}

const outputs = () => h.outputs();

const run = (fake: FakeBuildx, p = prepared(), o: PublishOptions = {}) => publish(p, env, o, fake);

describe('publish: setup -> build -> verify -> tags -> read back -> report', () => {
  test('a push: logins, one bake, every platform verified before the first tag moves, tags read back', async () => {
    const fake = new FakeBuildx().pushCaptured();
    const outcome = await run(fake);
    const m = fake.methods;
    expect(m.slice(0, 5)).toEqual(['version', 'registeredEmulators', 'inspectBuilder', 'containerdImageStore', 'login']);
    expect(m.filter(x => x === 'bake')).toHaveLength(1);
    // the index, read once by the digest of bake's metadata, before any tag moves
    expect(fake.callsOf('readManifest')[0]).toEqual([IMAGE, DIGEST.index]);
    expect(m.indexOf('writeTags')).toBeGreaterThan(m.indexOf('readManifest'));
    // after the bake: reads through readManifest/tagDigest only (no imagetools inspect), one create per kind
    expect(m.slice(m.indexOf('bake') + 1).filter(x => !['readManifest', 'tagDigest', 'pushBlob', 'putManifest'].includes(x))).toEqual(['writeTags', 'writeTags']);
    expect(fake.callsOf('readManifest').map(a => a[1]).sort()).toEqual([DIGEST.index, DIGEST.amd64, DIGEST.arm64].sort());
    // where the two tags point (once, for the guard and the tags), then the read-back of the first tag
    expect(fake.callsOf('tagDigest').map(a => a[0])).toEqual([`${IMAGE}:1.2.3`, `${IMAGE}:latest`, `${IMAGE}:1.2.3`]);
    expect(fake.tags.get(`${IMAGE}:latest`)).toBe(DIGEST.index);
    expect(outcome.outputs['digest']).toBe(DIGEST.index);
    expect(outputs()['digest']).toBe(DIGEST.index);
    expect(JSON.parse(outputs()['images'])[0].platforms.map((p: {platform: string}) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    // main records its config directory and its login, and no builder (it reused the current one)
    expect(Object.keys(state()).sort()).toEqual(['buildxConfig', 'dockerConfig', 'logins', 'workDir']);
    expect(state()['logins']).toBe('["127.0.0.1:5000"]');
    await flushSummary();
    expect(fs.readFileSync(path.join(dir, 'summary'), 'utf8')).toContain('reusing builder default');
  });

  test('a tag write refused (401): the step fails with the tag phase\'s error, the summary has the Tag moves section; engine input tag-retry-timeout reaches the phase', async () => {
    const fake = new FakeBuildx({faults: {writeTag: ([ref]) => (ref.endsWith(':latest') ? 'ERROR: unexpected status: 401 Unauthorized' : undefined)}}).pushCaptured();
    const p = prepared();
    p.inputs.engine = engineInputs({tagRetryTimeout: 0});
    await expect(run(fake, p)).rejects.toThrow(TagPhaseError);
    await flushSummary();
    const summary = fs.readFileSync(path.join(dir, 'summary'), 'utf8');
    expect(summary).toMatch(/^## multiarch-publish: ❌ failed/);
    expect(summary).toContain('### Tag moves');
    expect(summary).toMatch(/`[^`]+:1\.2\.3` \| immutable \| _new_ \| _none_ \| ↩️ removed \(was new\)/);
    expect(fake.tags.size).toBe(0);
  });

  test('a platform missing in the registry: the step fails and no tag is moved', async () => {
    const fake = new FakeBuildx().pushAmd64OnlyAs();
    await expect(run(fake)).rejects.toThrow(/lacks linux\/arm64 in the registry; no tag was moved\./);
    expect(fake.callsOf('writeTags')).toEqual([]);
  });

  test('a failed build: nothing verified or tagged, the summary says why', async () => {
    const fake = new FakeBuildx({bakes: (o, n) => (n === 0 ? {log: fixture('bake-failed-single-target.log'), code: 1} : {code: String(o.set).includes('arm64') ? 1 : 0})});
    await expect(run(fake)).rejects.toThrow(`Nothing was tagged: ${IMAGE} failed (see the errors above). Every existing tag was left where it was.`);
    expect(fake.methods.filter(x => x.startsWith('imagetools'))).toEqual([]);
    await flushSummary();
    expect(fs.readFileSync(path.join(dir, 'summary'), 'utf8')).toContain('failed on linux/arm64');
  });

  test('a builder of our own is recorded once for the post step', async () => {
    const fake = new FakeBuildx({containerd: false}).pushCaptured();
    await run(fake);
    expect(fake.callsOf('createBuilder')).toHaveLength(1);
    expect(state()['builder']).toBe(`multiarch-publish-4242-${process.pid}`);
    expect(fs.readFileSync(path.join(dir, 'state'), 'utf8').match(/^builder<</gm)).toHaveLength(1);
    // the post step removes it, not main
    expect(fake.callsOf('removeBuilder')).toEqual([]);
  });

  test('a pull request: built, nothing pushed, no login, nothing verified or tagged', async () => {
    const fake = new FakeBuildx({bakes: [{code: 0, metadata: {}}]});
    await run(fake, prepared(undefined, {push: false}));
    expect(fake.methods.filter(x => ['login', 'imagetoolsInspect', 'imagetoolsCreate', 'tagDigest', 'writeTag'].includes(x))).toEqual([]);
  });
});

describe('publish, cancelled (engine/cancel.ts)', () => {
  const cancellation = () => new Cancellation(() => {});
  const twoImages = () => prepared([buildPlan({images: [IMAGE, `${IMAGE}-mirror`]})]);

  test('during the build: no verification, no tag moved, the cancel is the error', async () => {
    const cancel = cancellation();
    const fake = new FakeBuildx({
      bakes: () => {
        cancel.receive('SIGINT');
        return {log: 'ERROR: failed to solve: Canceled: context canceled', code: 1}; // bake, killed
      }
    }).pushCaptured();
    await expect(publish(prepared(), env, {}, fake, cancel)).rejects.toThrow('cancelled (SIGINT) during the build: no tag was moved.');
    expect(fake.methods.filter(x => x.startsWith('imagetools'))).toEqual([]);
    expect(fake.methods.at(-1)).toBe('bake');
  });

  test('during the verification: no tag moved', async () => {
    const cancel = cancellation();
    const fake = new FakeBuildx().pushCaptured();
    const read = fake.readManifest.bind(fake);
    fake.readManifest = async (name, digest) => {
      cancel.receive('SIGTERM');
      return read(name, digest);
    };
    await expect(publish(prepared(), env, {}, fake, cancel)).rejects.toThrow('cancelled (SIGTERM) during the verification: no tag was moved.');
    expect(fake.callsOf('writeTags')).toEqual([]);
  });

  test('during the tag phase, twice: every tag of every image moves, no read-back, outputs written, then the step fails', async () => {
    const cancel = cancellation();
    const fake = new FakeBuildx().pushCaptured().pushCaptured(`${IMAGE}-mirror`);
    const write = fake.writeTags.bind(fake);
    fake.writeTags = async (refs, source) => {
      cancel.receive('SIGINT');
      cancel.receive('SIGTERM');
      await new Promise(r => setTimeout(r, 20));
      return write(refs, source);
    };
    await expect(publish(twoImages(), env, {}, fake, cancel)).rejects.toThrow(/^cancelled \(SIGINT\) after the tags moved: the release is complete/);
    for (const name of [IMAGE, `${IMAGE}-mirror`]) for (const tag of ['1.2.3', 'latest']) expect(fake.tags.get(`${name}:${tag}`)).toBe(DIGEST.index);
    // no read-back: no tag is read after the first create
    expect(fake.methods.lastIndexOf('tagDigest')).toBeLessThan(fake.methods.indexOf('writeTags'));
    expect(outputs()['digest']).toBe(DIGEST.index);
  });
});

describe('publish options (the terminal CLI)', () => {
  test('load: type=docker under the plan tags, no login, verification, tags or read-back', async () => {
    const fake = new FakeBuildx({bakes: [{code: 0, metadata: fixtureJson('bake-metadata-load.json')}]});
    const outcome = await run(fake, prepared(), {load: true});
    expect(fake.methods).toEqual(['version', 'registeredEmulators', 'inspectBuilder', 'containerdImageStore', 'bake']);
    const bakeFile = (fake.callsOf('bake')[0][0] as {file: string}).file;
    expect(JSON.parse(fs.readFileSync(bakeFile, 'utf8')).target.app.output).toEqual([`type=docker,"name=${IMAGE}:1.2.3,${IMAGE}:latest"`]);
    expect(JSON.parse(outcome.outputs['images'])[0]).toMatchObject({pushed: false, digest: 'sha256:3a781c8930c2dc9f39af6df9707c0e394111571ef9b0dcc2bcca6f209f961725'});
  });

  test('load of several platforms without the containerd store: a clear error before any build', async () => {
    const fake = new FakeBuildx({containerd: false});
    await expect(run(fake, prepared(), {load: true})).rejects.toThrow(/needs the docker driver with the containerd image store/);
    expect(fake.methods).not.toContain('bake');
  });

  test("dockerConfig: 'user': the user's config as is: no login or logout, nothing recorded", async () => {
    const fake = new FakeBuildx().pushCaptured();
    await run(fake, prepared(), {dockerConfig: 'user'});
    expect(fake.methods.filter(x => x === 'login' || x === 'logout')).toEqual([]);
    expect(fake.tags.get(`${IMAGE}:1.2.3`)).toBe(DIGEST.index);
    expect(state()).toEqual({});
    expect(fs.readdirSync(env['RUNNER_TEMP']!).filter(f => f.startsWith('multiarch-publish-docker-'))).toEqual([]);
  });

  test("dockerConfig: 'user': a builder the run created is removed when it ends, even after a failure", async () => {
    const fake = new FakeBuildx({containerd: false}).pushAmd64OnlyAs();
    await expect(run(fake, prepared(), {dockerConfig: 'user'})).rejects.toThrow(/lacks linux\/arm64/);
    expect(fake.callsOf('removeBuilder')).toEqual([[`multiarch-publish-4242-${process.pid}`]]);
    expect(state()).toEqual({});
  });
});

describe('publish refuses before any docker command', () => {
  test.each<[string, Prepared, RegExp]>([
    ['bare tags', prepared([buildPlan({images: []})]), /^Nothing to publish to/],
    ['no tag on a push', prepared([buildPlan({images: [IMAGE], tagNames: [], tags: []})]), /^No tag was generated for this push on refs\/heads\/main .*nothing would be published\.$/]
  ])('%s', async (_t, p, error) => {
    const fake = new FakeBuildx();
    await expect(publish(p, env, {}, fake)).rejects.toThrow(error);
    expect(fake.calls).toEqual([]);
  });

  test('no tag to load under', async () => {
    const fake = new FakeBuildx();
    await expect(run(fake, prepared([buildPlan({images: [IMAGE], tagNames: [], tags: []})], {push: false}), {load: true})).rejects.toThrow(/nothing would be loaded\.$/);
    expect(fake.calls).toEqual([]);
  });
});


describe('publish, the guard against moving backwards (steps/guard.ts)', () => {
  const OLD = 'sha256:' + '1'.repeat(64);
  const SHA_TAG = 'sha-2665741'; // the factory plan's commit
  const build = () => buildPlan({images: [IMAGE], tagNames: ['latest', SHA_TAG], labels: ['org.opencontainers.image.created=2024-01-01T00:00:00Z']});
  const newerLatest = () => {
    const fake = new FakeBuildx().pushCaptured();
    fake.manifests.set(`${IMAGE}@${OLD}`, {image: {config: {Labels: {'org.opencontainers.image.revision': 'b'.repeat(40), 'org.opencontainers.image.created': '2025-01-01T00:00:00Z'}}}});
    fake.tags.set(`${IMAGE}:latest`, OLD);
    return fake;
  };

  test('latest holding a newer image (no API: by date) is not moved; the commit tag is, and is read back; skipped-tags and the summary say so', async () => {
    const fake = newerLatest();
    await run(fake, prepared([build()]));
    expect(fake.tags.get(`${IMAGE}:latest`)).toBe(OLD);
    expect(fake.tags.get(`${IMAGE}:${SHA_TAG}`)).toBe(DIGEST.index);
    expect(fake.callsOf('writeTags')).toEqual([[[`${IMAGE}:${SHA_TAG}`], `${IMAGE}@${DIGEST.index}`]]);
    // latest's image read once, by the digest it points at (where the tags point was read before the guard)
    expect(fake.callsOf('imageConfig')).toEqual([[IMAGE, OLD]]);
    expect(fake.callsOf('imagetoolsInspect')).toEqual([]);
    expect(outputs()['skipped-tags']).toBe(`${IMAGE}:latest`);
    await flushSummary();
    const summary = fs.readFileSync(path.join(dir, 'summary'), 'utf8');
    expect(summary).toContain('### Skipped tags');
    expect(summary).toContain(`\`${IMAGE}:latest\` not moved: it points at bbbbbbb, dated 2025-01-01T00:00:00.000Z`);
  });

  test('force-tags: every tag moves, skipped-tags is empty', async () => {
    const fake = newerLatest();
    const p = prepared([build()]);
    p.inputs.engine.forceTags = true;
    await run(fake, p);
    expect(fake.tags.get(`${IMAGE}:latest`)).toBe(DIGEST.index);
    expect(outputs()['skipped-tags']).toBe('');
  });
});

describe('publish, size budgets (policy max-size, steps/budget.ts)', () => {
  // the captured manifests: linux/amd64 1,068,852 bytes, linux/arm64 1,034,320 bytes (config + layers)
  const budgeted = (...rules: string[]) => {
    const p = prepared();
    p.plan.policy = {allowed: true, rules, violations: [], warnings: []};
    return p;
  };

  test('an image over budget: the step fails naming image, platform, size and budget, no tag is written, the summary has the table', async () => {
    const fake = new FakeBuildx().pushCaptured();
    const e = (await run(fake, budgeted('max-size=**/app:1.05MB')).catch(x => x)) as Error;
    expect(e.message).toBe(
      'The size budget refuses this release (1 platform image over budget); no tag was created or moved:\n' + `  - ${IMAGE} linux/amd64: 1.07 MB (1068852 bytes) is over the budget of 1.05 MB (1050000 bytes, max-size=**/app:1.05MB)`
    );
    expect(fake.callsOf('writeTags')).toEqual([]);
    expect(fake.tags.size).toBe(0);
    // where the tags point was never read for a release: only the baseline tag (latest), once
    expect(fake.callsOf('tagDigest').map(a => a[0])).toEqual([`${IMAGE}:latest`]);
    await flushSummary();
    const summary = fs.readFileSync(path.join(dir, 'summary'), 'utf8');
    expect(summary).toMatch(/^## multiarch-publish: ❌ failed/);
    expect(summary).toContain('No tag was moved');
    expect(summary).toContain('### Size budgets');
    expect(summary).toContain(`| \`${IMAGE}\` | linux/amd64 | 1.07 MB | 1.05 MB (\`max-size=**/app:1.05MB\`) | _new_ (no \`latest\` before) | ❌ over budget |`);
    expect(summary).toContain(`| \`${IMAGE}\` | linux/arm64 | 1.03 MB | 1.05 MB (\`max-size=**/app:1.05MB\`) | _new_ (no \`latest\` before) | ✅ |`);
  });

  test('every violation at once, every rule that matches', async () => {
    const fake = new FakeBuildx().pushCaptured();
    const e = (await run(fake, budgeted('max-size=127.0.0.1:5000/*:1MiB', 'max-size=**:1KB')).catch(x => x)) as Error;
    expect(e.message).toMatch(/\(3 platform images over budget\)/);
    expect(e.message).toContain(`${IMAGE} linux/amd64: 1.02 MiB (1068852 bytes) is over the budget of 1 MiB (1048576 bytes, max-size=127.0.0.1:5000/*:1MiB)`);
    expect(e.message).toContain(`${IMAGE} linux/arm64: 1034.3 KB (1034320 bytes) is over the budget of 1 KB (1000 bytes, max-size=**:1KB)`);
    expect(fake.tags.size).toBe(0);
  });

  test('within budget: released as usual, the table shows the change since the content latest pointed at', async () => {
    const fake = new FakeBuildx().pushCaptured();
    // latest pointed at an index of the arm64 manifest alone (smaller: the amd64 platform is new)
    const OLD = 'sha256:' + '2'.repeat(64);
    fake.manifests.set(`${IMAGE}@${OLD}`, {raw: {schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [{mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: DIGEST.arm64, size: 1, platform: {os: 'linux', architecture: 'arm64'}}]}});
    fake.tags.set(`${IMAGE}:latest`, OLD);
    const p = budgeted('max-size=**/app:2MB');
    p.inputs.engine.forceTags = true;
    await run(fake, p);
    expect(fake.tags.get(`${IMAGE}:latest`)).toBe(DIGEST.index);
    await flushSummary();
    const summary = fs.readFileSync(path.join(dir, 'summary'), 'utf8');
    expect(summary).toMatch(/^## multiarch-publish: ✅ published/);
    expect(summary).toContain(`| \`${IMAGE}\` | linux/arm64 | 1.03 MB | 2 MB (\`max-size=**/app:2MB\`) | ±0 since \`latest\` (\`sha256:222222222222…\`) | ✅ |`);
    expect(summary).toContain(`| \`${IMAGE}\` | linux/amd64 | 1.07 MB | 2 MB (\`max-size=**/app:2MB\`) | — (\`latest\` had no size for this platform) | ✅ |`);
  });

  test('a rule that matches no image of the run: the sizes are not awaited before the release, no table', async () => {
    const fake = new FakeBuildx().pushCaptured();
    await run(fake, budgeted('max-size=ghcr.io/**:1B'));
    expect(fake.tags.get(`${IMAGE}:latest`)).toBe(DIGEST.index);
    await flushSummary();
    expect(fs.readFileSync(path.join(dir, 'summary'), 'utf8')).not.toContain('Size budgets');
  });
});
