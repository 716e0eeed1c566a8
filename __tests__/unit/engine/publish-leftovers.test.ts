// publish() and what a run leaves in the registry (README "Nothing left behind"), through the fake seam:
// the docker driver's OCI layout pushed by digest before verification, no staging tag unless
// `staging-tags: keep`, and the summary's "Left in the registry" after a success and a failure.
import {afterAll, beforeEach, describe, expect, test} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {publish} from '../../../src/engine/publish.js';
import {RegistryHttpFailure} from '../../../src/engine/registry-api.js';
import type {Prepared} from '../../../src/pipeline/prepare.js';
import type {EngineInputs} from '../../../src/pipeline/inputs/index.js';
import {FakeBuildx, fixture, DIGEST, IMAGE, type FakeOptions} from './fake-buildx.js';
import {buildPlan, engineInputs, plan} from './factory.js';
import {runnerDirs} from './runner-dirs.js';
import {removeTempDirs} from '../../support/git.js';

afterAll(() => removeTempDirs());

const STAGING = 'mp-staging-4242-1-a1b2c3d';
const h = runnerDirs('mp-publish-left-');
let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  ({dir, env} = h);
});

function prepared(engine: Partial<EngineInputs> = {}): Prepared {
  return {
    inputs: {engine: engineInputs(engine), githubToken: '', summary: true},
    ctx: {actor: 'octocat', defaultBranch: 'main', shortSha: 'a1b2c3d'},
    plan: plan([buildPlan({images: [IMAGE]})], {push: true}),
    metadata: {},
    credentials: [{registry: '127.0.0.1:5000', username: 'ci', password: 'ci-secret'}],
    warnings: []
  } as unknown as Prepared;
}

const summary = () => h.summary();

const outputOf = (fake: FakeBuildx) => JSON.parse(fs.readFileSync((fake.callsOf('bake')[0][0] as {file: string}).file, 'utf8')).target.app.output[0] as string;

describe('publish: nothing left behind', () => {
  test.each<['remove' | 'keep', string[]]>([
    ['remove', []],
    ['keep', [`${IMAGE}:${STAGING}`]]
  ])('docker driver, staging-tags: %s: the OCI layout pushed by digest before verification; no other tag than asked for (and the kept one)', async (stagingTags, extra) => {
    const fake = new FakeBuildx();
    // the layout's bytes are the registry's now: nothing is there before this run's push
    expect(fake.manifests.size).toBe(0);
    await publish(prepared({stagingTags}), env, {}, fake);
    expect(outputOf(fake)).toMatch(/^type=oci,tar=false,dest=.*\/oci\/app,name=[^,]+,oci-mediatypes=true$/);
    const m = fake.methods;
    expect(m.lastIndexOf('putManifest')).toBeLessThan(m.indexOf('readManifest'));
    expect([...fake.tags.keys()].sort()).toEqual([`${IMAGE}:1.2.3`, `${IMAGE}:latest`, ...extra].sort());
    const s = await summary();
    expect(s).toContain('### Left in the registry');
    expect(s).toContain('from the OCI layout the docker driver exported');
    if (stagingTags === 'keep') expect(s).toContain(`\`${IMAGE}:${STAGING}\` → \`${DIGEST.index.slice(0, 19)}…\``);
    else expect(s).toContain('No tag other than the ones asked for');
    // the work dir is recorded for the post step
    expect(fs.readFileSync(path.join(dir, 'state'), 'utf8')).toMatch(/^workDir<</m);
  });

  test('docker driver, the registry refuses the push (403): the step fails naming the image; no tag; the summary says nothing is left', async () => {
    const fake = new FakeBuildx({pushFaults: {putManifest: () => new RegistryHttpFailure('pushing manifest: HTTP 403 Forbidden: DENIED denied', 403)}});
    await expect(publish(prepared(), env, {}, fake)).rejects.toThrow(`Nothing was tagged: pushing ${IMAGE} failed (see the errors above). Every existing tag was left where it was.`);
    expect(fake.callsOf('writeTag')).toEqual([]);
    expect(fake.tags.size).toBe(0);
    const s = await summary();
    expect(s).toContain(`Pushing ${IMAGE} failed: pushing manifest: HTTP 403 Forbidden`);
    expect(s).toContain('No tag of this run is left');
  });

  test('docker-container builder, staging-tags: keep, the bake fails after BuildKit pushed under the staging tag: the summary lists what is left', async () => {
    const o: FakeOptions = {builders: {'mp-fixture-engine': fixture('inspect-multinode.txt')}, bakes: [{log: fixture('bake-failed-single-target.log'), code: 1}]};
    const fake = new FakeBuildx(o).pushCaptured();
    fake.tags.set(`${IMAGE}:${STAGING}`, DIGEST.index);
    await expect(publish(prepared({stagingTags: 'keep', builder: 'mp-fixture-engine'}), env, {}, fake)).rejects.toThrow(/^Nothing was tagged/);
    expect(outputOf(fake)).toBe(`type=image,name=${IMAGE}:${STAGING},push=true,oci-mediatypes=true`);
    const s = await summary();
    expect(s).toContain(`\`${IMAGE}:${STAGING}\``);
    expect(s).toContain('These staging tags stay, as `staging-tags: keep` asks');
  });

  test('docker-container builder, default: BuildKit pushes by digest, the summary says no staging tag', async () => {
    const fake = new FakeBuildx({builders: {'mp-fixture-engine': fixture('inspect-multinode.txt')}}).pushCaptured();
    await publish(prepared({builder: 'mp-fixture-engine'}), env, {}, fake);
    expect(outputOf(fake)).toContain('push-by-digest=true,name-canonical=true');
    expect(fake.callsOf('putManifest')).toEqual([]);
    expect(await summary()).toContain("by digest (BuildKit's push-by-digest, docker-container driver): no staging tag");
  });
});
