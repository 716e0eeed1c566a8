// The engine's steps, each driven through the fake seam fed with captured engine output.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, test} from '@jest/globals';
import {setup, type SetupInput} from '../../../src/engine/steps/setup.js';
import {build, type BuildInput} from '../../../src/engine/steps/build.js';
import {verify, sizes, metadataDigest} from '../../../src/engine/steps/verify.js';
import {tags, plannedMoves} from '../../../src/engine/steps/tags.js';
import {readback} from '../../../src/engine/steps/readback.js';
import {cleanup} from '../../../src/engine/cleanup.js';
import type {StateKey} from '../../../src/action/state.js';
import type {LoginPlan} from '../../../src/engine/login.js';
import {FakeBuildx, fixture, fixtureJson, DIGEST, IMAGE, type FakeOptions} from './fake-buildx.js';
import {buildPlan, engineInputs, plan} from './factory.js';
import {removeTempDirs, tempDir} from '../../support/git.js';

afterAll(() => removeTempDirs());

const AMD64 = {os: 'linux', arch: 'amd64'};

function setupInput(fake: FakeBuildx, over: Partial<SetupInput> = {}): SetupInput & {recorded: [StateKey, string][]} {
  const recorded: [StateKey, string][] = [];
  return {
    buildx: fake,
    builds: [buildPlan({images: [IMAGE]})],
    engine: engineInputs(),
    host: AMD64,
    output: 'push',
    logins: [],
    userConfig: false,
    builderName: 'multiarch-publish-42-7',
    record: (k, v) => void recorded.push([k, v]),
    recorded,
    ...over
  };
}

describe('setup: QEMU only for the missing architectures', () => {
  test.each<[string, string[], string[], string[] | undefined]>([
    // [title, platforms, registered emulators, installEmulators arches (undefined: not called)]
    ['arm64 missing', ['linux/amd64', 'linux/arm64'], ['riscv64'], ['arm64']],
    ['exactly the missing ones, in the requested order', ['linux/amd64', 'linux/s390x', 'linux/arm64', 'linux/riscv64'], ['riscv64'], ['s390x', 'arm64']],
    ['every emulator registered', ['linux/amd64', 'linux/arm64'], ['aarch64'], undefined],
    ['every platform native', ['linux/amd64', 'linux/386'], [], undefined]
  ])('%s', async (_t, platforms, emulators, installed) => {
    const fake = new FakeBuildx({emulators, builders: {'': fixture('inspect-multinode.txt')}});
    const r = await setup(setupInput(fake, {builds: [buildPlan({images: [IMAGE], platforms})]}));
    expect(fake.callsOf('installEmulators')).toEqual(installed ? [['tonistiigi/binfmt:latest', installed]] : []);
    expect(r.qemu.missing).toEqual(installed ?? []);
  });

  test('setup-qemu: false never installs; the qemu-image input is what runs', async () => {
    const off = new FakeBuildx({emulators: [], builders: {'': fixture('inspect-multinode.txt')}});
    await setup(setupInput(off, {engine: engineInputs({setupQemu: 'false'})}));
    expect(off.callsOf('installEmulators')).toEqual([]);
    const custom = new FakeBuildx({emulators: [], builders: {'': fixture('inspect-multinode.txt')}});
    await setup(setupInput(custom, {engine: engineInputs({qemuImage: 'ci-local/binfmt:debian'})}));
    expect(custom.callsOf('installEmulators')).toEqual([['ci-local/binfmt:debian', ['arm64']]]);
  });

  test('an install that registers nothing (binfmt exits 0 anyway) fails before the builder, naming the arch', async () => {
    const fake = new FakeBuildx({emulators: ['riscv64'], installRegistersNothing: true});
    await expect(setup(setupInput(fake, {builds: [buildPlan({images: [IMAGE], platforms: ['linux/amd64', 'linux/arm64', 'linux/riscv64']})]}))).rejects.toThrow(
      /--install arm64 left no emulator for arm64 in binfmt_misc; nothing was built/
    );
    expect(fake.methods).not.toContain('inspectBuilder');
    expect(fake.methods).not.toContain('bake');
  });

  test('emulators are installed before the builder is inspected (a new builder sees them)', async () => {
    const fake = new FakeBuildx({emulators: []});
    await setup(setupInput(fake));
    expect(fake.methods.indexOf('installEmulators')).toBeLessThan(fake.methods.indexOf('inspectBuilder'));
  });
});

describe('setup: a named multi-node builder is used as it is, QEMU only for platforms no node lists', () => {
  // the arm64 node of the hand-edited capture is remote (tcp://), the amd64 node lists no emulator
  const NATIVE = fixture('inspect-multinode-native-arm64.txt');
  test.each<[string, string, string[], string[], 'auto' | 'true' | 'false', string[] | undefined, RegExp]>([
    // [title, inspect output, platforms, registered emulators, setup-qemu, installEmulators arches, QEMU reason]
    ['amd64 + arm64 on their nodes, no emulator on the host: nothing installed', NATIVE, ['linux/amd64', 'linux/arm64'], [], 'auto', undefined, /^builder mp-fixture-engine's nodes build linux\/amd64, linux\/arm64: QEMU not needed$/],
    ['setup-qemu: true does not emulate what a node declares', NATIVE, ['linux/amd64', 'linux/arm64'], [], 'true', undefined, /QEMU not needed/],
    ['32-bit arm on the arm64 node that lists it', NATIVE, ['linux/amd64', 'linux/arm/v7'], [], 'auto', undefined, /QEMU not needed/],
    ['a platform no node lists: emulated for the first node', NATIVE, ['linux/amd64', 'linux/arm64', 'linux/s390x'], [], 'auto', ['s390x'], /^builder mp-fixture-engine's nodes build linux\/amd64, linux\/arm64; no node of builder mp-fixture-engine lists linux\/s390x \(buildx sends it to node mp-fixture-engine-amd64\): installing emulators for s390x$/],
    ['a platform no node lists, emulator registered', NATIVE, ['linux/arm64', 'linux/s390x'], ['s390x'], 'auto', undefined, /lists linux\/s390x .*: emulators already registered for s390x/],
    ['a platform no node lists, setup-qemu: false', NATIVE, ['linux/arm64', 'linux/s390x'], [], 'false', undefined, /lists linux\/s390x .*: setup-qemu: false/],
    ['real capture, one platform declared per node (the nodes list emulated platforms too)', fixture('inspect-two-node-declared.txt'), ['linux/amd64', 'linux/arm64', 'linux/riscv64'], [], 'auto', undefined, /nodes build linux\/amd64, linux\/arm64, linux\/riscv64: QEMU not needed/],
    ['the docker driver named: arm64 it does not list is emulated', fixture('inspect-default-docker.txt').replace('linux/arm64, ', ''), ['linux/amd64', 'linux/arm64'], [], 'auto', ['arm64'], /no node of builder default lists linux\/arm64/]
  ])('%s', async (_t, inspect, platforms, emulators, setupQemu, installed, reason) => {
    const name = /^Name:\s+(\S+)/.exec(inspect)![1];
    const fake = new FakeBuildx({emulators, builders: {[name]: inspect}});
    const r = await setup(setupInput(fake, {builds: [buildPlan({images: [IMAGE], platforms})], engine: engineInputs({builder: name, setupQemu})}));
    expect(fake.callsOf('installEmulators')).toEqual(installed ? [['tonistiigi/binfmt:latest', installed]] : []);
    expect(r.qemu.reason).toMatch(reason);
    // inspected first, then (maybe) QEMU: the builder is never created nor re-inspected
    expect(fake.callsOf('inspectBuilder')).toEqual([[name]]);
    expect(fake.callsOf('createBuilder')).toEqual([]);
  });

  test('the log and the summary note say which node builds which platform', async () => {
    const fake = new FakeBuildx({builders: {'mp-fixture-engine': NATIVE}});
    const r = await setup(setupInput(fake, {engine: engineInputs({builder: 'mp-fixture-engine'})}));
    expect(r.builder.note).toBe('using builder mp-fixture-engine (docker-container driver, 2 nodes), as the builder input asks: linux/amd64 on node mp-fixture-engine-amd64 (declared), linux/arm64 on node mp-fixture-engine-arm64 (declared)');
    expect(r.builder.routes?.map(x => [x.platform, x.node.endpoint])).toEqual([
      ['linux/amd64', 'unix:///var/run/docker.sock'],
      ['linux/arm64', 'tcp://arm64-runner.internal:2376']
    ]);
  });

  // s390x alone: declared by the broken node only, so buildx sends it there (with amd64 too, no node declares
  // amd64 and buildx routes both to the first node that lists them)
  test('a platform routed to a node that did not start fails before QEMU, login and build', async () => {
    const inspect = fixture('inspect-multinode-unbooted.txt');
    const fake = new FakeBuildx({emulators: [], builders: {'mp-fixture-engine': inspect}});
    const logins: LoginPlan[] = [{registry: '127.0.0.1:5000', source: 'registry-auth', credential: {registry: '127.0.0.1:5000', username: 'u', password: 'p'}} as LoginPlan];
    await expect(setup(setupInput(fake, {logins, builds: [buildPlan({images: [IMAGE], platforms: ['linux/s390x']})], engine: engineInputs({builder: 'mp-fixture-engine'})}))).rejects.toThrow(
      'The builder input names mp-fixture-engine, whose node mp-fixture-engine-broken (inactive) would build linux/s390x: it did not start'
    );
    expect(fake.methods.filter(m => ['installEmulators', 'login', 'bake'].includes(m))).toEqual([]);
  });
});

describe('setup: buildx version (semver)', () => {
  test.each([
    ['github.com/docker/buildx v0.11.2 9872040', /docker buildx 0\.11\.2 is too old: multiarch-publish needs 0\.12\.0 or newer/],
    ['github.com/docker/buildx dev', /docker buildx is not available/]
  ])('%s', async (version, error) => {
    const fake = new FakeBuildx({version});
    await expect(setup(setupInput(fake))).rejects.toThrow(error);
    // only reads ran beside the version check: nothing installed, created, logged in to or built
    expect(fake.methods.filter(m => !['version', 'registeredEmulators', 'inspectBuilder', 'containerdImageStore'].includes(m))).toEqual([]);
    expect(fake.methods).toContain('version');
  });

  test.each([
    ['the current builder', {}],
    ['a named builder', {engine: engineInputs({builder: 'mp-fixture-engine'})}]
  ])('%s is read while the version check runs (read-only calls, judged after it)', async (_, over) => {
    class SlowVersion extends FakeBuildx {
      inspectedDuringVersion = false;
      async version(): Promise<string> {
        const v = await super.version();
        await new Promise(r => setTimeout(r, 20));
        this.inspectedDuringVersion = this.methods.includes('inspectBuilder');
        return v;
      }
    }
    const fake = new SlowVersion({emulators: ['aarch64'], builders: {'mp-fixture-engine': fixture('inspect-multinode-native-arm64.txt')}});
    await setup(setupInput(fake, over));
    expect(fake.inspectedDuringVersion).toBe(true);
    expect(fake.callsOf('inspectBuilder')).toHaveLength(1); // read once, not again
  });

  test('the captured version passes', async () => {
    expect((await setup(setupInput(new FakeBuildx()))).buildxVersion).toBe('0.13.1');
  });
});

describe('setup: the builder', () => {
  test('the current multi-node builder whose nodes cover the platforms is reused (amd64 node + native arm64 node)', async () => {
    const fake = new FakeBuildx({builders: {'': fixture('inspect-multinode-native-arm64.txt')}});
    const r = await setup(setupInput(fake));
    expect(r.builder).toMatchObject({arg: 'mp-fixture-engine'});
    expect(r.builder.created).toBeUndefined();
    expect(r.builder.note).toMatch(/^reusing builder mp-fixture-engine \(docker-container driver, nodes mp-fixture-engine-amd64 \(linux\/amd64\) \+ mp-fixture-engine-arm64 \(linux\/arm64\)\)/);
    expect(fake.callsOf('createBuilder')).toEqual([]);
  });

  test('the default docker builder with the containerd store is reused, without a --builder argument', async () => {
    const fake = new FakeBuildx();
    const r = await setup(setupInput(fake));
    expect([r.builder.arg, r.builder.created, r.builder.note]).toEqual([undefined, undefined, 'reusing builder default (docker driver, containerd image store): it builds linux/amd64, linux/arm64']);
  });

  test('a builder that cannot: one docker-container builder is created, recorded once, before it is created', async () => {
    const fake = new FakeBuildx({builders: {'': fixture('inspect-default-docker.txt')}, containerd: false});
    const input = setupInput(fake, {engine: engineInputs({buildkitImage: 'ci-local/buildkit:debian'})});
    const r = await setup(input);
    expect(fake.callsOf('createBuilder')).toEqual([[{name: 'multiarch-publish-42-7', image: 'ci-local/buildkit:debian', hostNetwork: true}]]);
    expect(input.recorded.filter(([k]) => k === 'builder')).toEqual([['builder', 'multiarch-publish-42-7']]);
    expect(r.builder).toMatchObject({arg: 'multiarch-publish-42-7', created: 'multiarch-publish-42-7'});
    expect(r.builder.note).toMatch(/^created docker-container builder multiarch-publish-42-7 \(ci-local\/buildkit:debian\): builder default uses the docker driver without the containerd image store.*; removed by the post step$/);
  });

  test('a new builder that still cannot build a platform fails the step', async () => {
    const fake = new FakeBuildx({containerd: false, created: fixture('inspect-multinode-unbooted.txt').replace(/linux\/arm64, /g, '')});
    await expect(setup(setupInput(fake))).rejects.toThrow(/The new builder multiarch-publish-42-7 cannot build every platform: .*cannot build linux\/arm64/);
  });

  test.each<[boolean, 'push' | 'none', number, boolean]>([
    [false, 'push', 2, true],
    [true, 'push', 2, false],
    [false, 'push', 1, false],
    [false, 'none', 2, false]
  ])('a named docker-driver builder, containerd store %s, output %s, %d platform(s): refused early %s', async (containerd, output, n, refused) => {
    const fake = new FakeBuildx({containerd, builders: {mine: fixture('inspect-default-docker.txt')}});
    const platforms = ['linux/amd64', 'linux/arm64'].slice(0, n);
    const logins: LoginPlan[] = [{registry: '127.0.0.1:5000', source: 'registry-auth', credential: {registry: '127.0.0.1:5000', username: 'u', password: 'h9b-unit-password-not-in-output'}} as LoginPlan];
    const run = setup(setupInput(fake, {builds: [buildPlan({images: [IMAGE], platforms})], output, logins, engine: engineInputs({builder: 'mine'})}));
    if (!refused) return void (await run);
    await expect(run).rejects.toThrow(/The builder input names .*without the containerd image store: it cannot build linux\/amd64, linux\/arm64 into one image. Nothing was logged in to, built or pushed/);
    expect(fake.callsOf('login')).toEqual([]);
  });

  test('the builder input is used as named', async () => {
    const fake = new FakeBuildx({builders: {'mp-fixture-engine': fixture('inspect-multinode.txt')}});
    const r = await setup(setupInput(fake, {engine: engineInputs({builder: 'mp-fixture-engine'})}));
    expect(fake.callsOf('inspectBuilder')).toEqual([['mp-fixture-engine']]);
    expect(r.builder.note).toBe('using builder mp-fixture-engine (docker-container driver, 2 nodes), as the builder input asks: linux/amd64 on node mp-fixture-engine-amd64 (declared), linux/arm64 on node mp-fixture-engine-arm64 (declared)');
  });
});

describe('setup: logins', () => {
  const logins: LoginPlan[] = [
    {registry: '127.0.0.1:5000', credential: {registry: '127.0.0.1:5000', username: 'ci', password: 'ci-secret'}, source: 'registry-auth'},
    {registry: 'quay.io', source: 'none'},
    {registry: 'ghcr.io', credential: {registry: 'ghcr.io', username: 'octocat', password: 'ghs_token'}, source: 'github-token'}
  ];

  test('every registry with credentials, in order, each recorded for the post step', async () => {
    const fake = new FakeBuildx();
    const input = setupInput(fake, {logins});
    const r = await setup(input);
    expect(fake.callsOf('login')).toEqual([
      ['127.0.0.1:5000', 'ci', 'ci-secret'],
      ['ghcr.io', 'octocat', 'ghs_token']
    ]);
    expect(r).toMatchObject({loggedIn: ['127.0.0.1:5000', 'ghcr.io'], loginNote: 'logged in to 127.0.0.1:5000, ghcr.io'});
    expect(input.recorded.filter(([k]) => k === 'logins').map(([, v]) => v)).toEqual(['["127.0.0.1:5000"]', '["127.0.0.1:5000","ghcr.io"]']);
  });

  test('no login when nothing is pushed, nor with the user docker config', async () => {
    for (const over of [{output: 'none' as const}, {output: 'load' as const}, {userConfig: true}]) {
      const fake = new FakeBuildx();
      const r = await setup(setupInput(fake, {logins, ...over}));
      expect(fake.callsOf('login')).toEqual([]);
      expect(r.loggedIn).toEqual([]);
    }
  });

  test('a refused GHCR login names the permission the workflow needs', async () => {
    const fake = new FakeBuildx({loginFails: {'ghcr.io': 'Error response from daemon: denied: denied'}});
    await expect(setup(setupInput(fake, {logins: [logins[2]]}))).rejects.toThrow('Login to ghcr.io as octocat failed (with github-token; the workflow needs `permissions: packages: write`): Error response from daemon: denied: denied');
  });
});

describe('setup: loading into the local image store', () => {
  test('several platforms on the docker driver with the containerd store: that builder, nothing created', async () => {
    const fake = new FakeBuildx();
    const r = await setup(setupInput(fake, {output: 'load'}));
    expect(r.builder.info.driver).toBe('docker');
    expect(fake.callsOf('createBuilder')).toEqual([]);
  });

  test.each<[string, FakeOptions, RegExp]>([
    ['a docker-container builder', {builders: {'': fixture('inspect-multinode.txt')}}, /needs the docker driver with the containerd image store, and builder mp-fixture-engine uses the docker-container driver/],
    ['the docker driver without the containerd store', {containerd: false}, /needs the docker driver with the containerd image store, and the daemon does not use the containerd image store/]
  ])('several platforms on %s: a clear error', async (_t, o, error) => {
    const fake = new FakeBuildx(o);
    await expect(setup(setupInput(fake, {output: 'load'}))).rejects.toThrow(error);
    expect(fake.callsOf('createBuilder')).toEqual([]);
  });

  test('one platform loads on any builder', async () => {
    const fake = new FakeBuildx({builders: {'': fixture('inspect-multinode.txt')}});
    const r = await setup(setupInput(fake, {output: 'load', builds: [buildPlan({images: [IMAGE], platforms: ['linux/amd64']})]}));
    expect(r.builder.info.driver).toBe('docker-container');
  });
});

function buildInput(fake: FakeBuildx, over: Partial<BuildInput> = {}): BuildInput {
  return {
    buildx: fake,
    plan: plan([buildPlan({images: [IMAGE]})]),
    engine: engineInputs(),
    driver: 'docker-container',
    output: 'push',
    workDir: tempDir('mp-build-'),
    env: {},
    defaultBranch: 'main',
    stagingTag: 'mp-staging-1-1-abc1234',
    record: () => undefined,
    retry: {attempts: 3, baseDelayMs: 1},
    sleep: async () => undefined,
    ...over
  };
}

// the captured refusal was of `…/app-denied` (from bake-denied.json); as a push of IMAGE (and the same push failing with a 503)
const REFUSED_PUSH = fixture('bake-push-unauthorized.log').replace(/-denied/g, '');
const TRANSIENT_PUSH = REFUSED_PUSH.replace(/401 Unauthorized/g, '503 Service Unavailable');

describe('build: the one bake', () => {
  test('succeeds: the metadata buildx wrote, one bake', async () => {
    const fake = new FakeBuildx();
    const r = await build(buildInput(fake));
    expect(r.ok && r.metadata).toEqual(fixtureJson('bake-metadata.json'));
    expect(fake.callsOf('bake')).toHaveLength(1);
    expect(fake.callsOf('bake')[0][0]).toMatchObject({progress: 'plain', builder: undefined});
    const definition = JSON.parse(r.definition);
    expect(definition.target.app.output).toEqual([`type=image,name=${IMAGE},push=true,oci-mediatypes=true,push-by-digest=true,name-canonical=true`]);
    expect(r.ok && [r.pushMode, r.layouts]).toEqual(['digest', []]);
  });

  test.each<[string, 'remove' | 'keep', string, string]>([
    ['docker', 'remove', 'layout', `type=oci,tar=false,dest=<work>/oci/app,name=${IMAGE},oci-mediatypes=true`],
    ['docker', 'keep', 'layout', `type=oci,tar=false,dest=<work>/oci/app,name=${IMAGE},oci-mediatypes=true`],
    ['docker-container', 'remove', 'digest', `type=image,name=${IMAGE},push=true,oci-mediatypes=true,push-by-digest=true,name-canonical=true`],
    ['kubernetes', 'remove', 'digest', `type=image,name=${IMAGE},push=true,oci-mediatypes=true,push-by-digest=true,name-canonical=true`],
    ['docker-container', 'keep', 'staging-tag', `type=image,name=${IMAGE}:mp-staging-1-1-abc1234,push=true,oci-mediatypes=true`]
  ])('the %s driver, staging-tags: %s: pushed %s', async (driver, stagingTags, mode, output) => {
    const workDir = tempDir('mp-build-');
    const r = await build(buildInput(new FakeBuildx(), {driver, workDir, engine: engineInputs({stagingTags})}));
    expect(JSON.parse(r.definition).target.app.output).toEqual([output.replace('<work>', workDir)]);
    expect(r.ok && r.pushMode).toBe(mode);
    expect(r.ok && r.layouts.map(l => l.dir)).toEqual(mode === 'layout' ? [path.join(workDir, 'oci', 'app')] : []);
  });

  test('a transient push failure is retried, and succeeds', async () => {
    const fake = new FakeBuildx({bakes: [{log: TRANSIENT_PUSH, code: 1}, {log: fixture('bake-push.log'), code: 0, metadata: fixtureJson('bake-metadata.json')}]});
    const r = await build(buildInput(fake));
    expect(r.ok).toBe(true);
    expect(fake.callsOf('bake')).toHaveLength(2);
  });

  test('transient push failures: at most the attempts limit, then the push failure is reported', async () => {
    const delays: number[] = [];
    const fake = new FakeBuildx({bakes: [{log: TRANSIENT_PUSH, code: 1}]});
    const r = await build(buildInput(fake, {retry: {attempts: 3, baseDelayMs: 2000}, sleep: async ms => void delays.push(ms)}));
    expect(fake.callsOf('bake')).toHaveLength(3);
    expect(delays).toEqual([2000, 4000]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.messages).toEqual([expect.stringMatching(new RegExp(`^Pushing ${IMAGE} failed: failed to push .*503 Service Unavailable$`))]);
  });

  test('a refused push (401) is not retried', async () => {
    const fake = new FakeBuildx({bakes: [{log: REFUSED_PUSH, code: 1}]});
    const r = await build(buildInput(fake));
    expect(fake.callsOf('bake')).toHaveLength(1);
    expect(!r.ok && r.messages[0]).toMatch(/^Pushing 127\.0\.0\.1:5000\/mp-fixture-engine\/app failed: .*401 Unauthorized$/);
  });

  test('a build failure is not retried; the platform is diagnosed one at a time when the log does not name it', async () => {
    const fake = new FakeBuildx({bakes: (o, n) => (n === 0 ? {log: fixture('bake-failed-single-target.log'), code: 1} : {code: String(o.set).includes('linux/arm64') ? 1 : 0})});
    const r = await build(buildInput(fake, {output: 'none'}));
    const bakes = fake.callsOf('bake').map(([o]) => o as {progress: string; set?: string[]; targets?: string[]});
    expect(bakes.map(b => [b.progress, b.set, b.targets])).toEqual([
      ['plain', undefined, undefined],
      ['quiet', ['app.platform=linux/amd64', 'app.output=type=cacheonly'], ['app']],
      ['quiet', ['app.platform=linux/arm64', 'app.output=type=cacheonly'], ['app']]
    ]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.messages).toEqual([expect.stringMatching(/^Build of 127\.0\.0\.1:5000\/mp-fixture-engine\/app failed on linux\/arm64: process "\/bin\/busybox sh -c echo compiling;.* did not complete successfully: exit code: 2$/)]);
    expect(!r.ok && r.failed).toEqual([IMAGE]);
  });

  test('two targets: the failing one is named, the other is not blamed', async () => {
    const builds = [buildPlan({id: 'backend', images: ['127.0.0.1:5000/acme/backend']}), buildPlan({id: 'frontend', images: ['127.0.0.1:5000/acme/frontend']})];
    const fake = new FakeBuildx({bakes: (o, n) => (n === 0 ? {log: fixture('bake-failed-two-targets.log'), code: 1} : {code: String(o.set).includes('linux/arm64') ? 1 : 0})});
    const r = await build(buildInput(fake, {plan: plan(builds), output: 'none'}));
    expect(!r.ok && r.failed).toEqual(['127.0.0.1:5000/acme/frontend']);
    expect(!r.ok && r.messages[0]).toMatch(/^Build of 127\.0\.0\.1:5000\/acme\/frontend failed on linux\/arm64: /);
  });

  test('one target fails late and bake cancels the other\'s push (real log): only the failing one is blamed, the other is cancelled', async () => {
    const builds = [buildPlan({id: 'backend', images: ['127.0.0.1:5000/acme/backend']}), buildPlan({id: 'frontend', images: ['127.0.0.1:5000/acme/frontend']})];
    const fake = new FakeBuildx({bakes: [{log: fixture('bake-failed-push-cancelled.log'), code: 1}]});
    const r = await build(buildInput(fake, {plan: plan(builds)}));
    expect(!r.ok && {failed: r.failed, cancelled: r.cancelled, messages: r.messages.length}).toEqual({failed: ['127.0.0.1:5000/acme/frontend'], cancelled: ['127.0.0.1:5000/acme/backend'], messages: 1});
    expect(!r.ok && r.messages[0]).toMatch(/^Build of 127\.0\.0\.1:5000\/acme\/frontend failed on /);
  });

  test('a failure no step of the log names (an unknown target stage) is a failed build with its message, not a throw', async () => {
    const log = ['#0 building with "default" instance using docker driver', '', '#1 [internal] load build definition from Dockerfile', '#1 DONE 0.0s', 'ERROR: failed to solve: target stage "<h1>x</h1>" could not be found'].join('\n');
    const fake = new FakeBuildx({bakes: [{log, code: 1}]});
    const r = await build(buildInput(fake));
    expect(fake.callsOf('bake')).toHaveLength(1);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.messages).toEqual(['The build or push failed: failed to solve: target stage "<h1>x</h1>" could not be found']);
    expect(!r.ok && r.failed).toEqual(['the bake']);
    expect(r.definition).toContain('"target"');
  });

  test('load: type=docker under the build tags, no cache export to a registry', async () => {
    const fake = new FakeBuildx({bakes: [{code: 0, metadata: fixtureJson('bake-metadata-load.json')}]});
    const r = await build(buildInput(fake, {output: 'load', engine: engineInputs({cache: 'registry'}), driver: 'docker-container'}));
    const target = JSON.parse(r.definition).target.app;
    expect(target.output).toEqual([`type=docker,"name=${IMAGE}:1.2.3,${IMAGE}:latest"`]);
    expect(target['cache-to']).toBeUndefined();
    expect(target.annotations).toBeUndefined();
  });

  test('secrets are written to files and recorded for removal', async () => {
    const recorded: string[] = [];
    const fake = new FakeBuildx();
    const r = await build(buildInput(fake, {engine: engineInputs({secrets: [{source: 'value', id: 'npm', input: 'secrets', line: 1, value: 's3cret'}]}), record: (k, v) => void recorded.push(`${k}=${v}`)}));
    expect(recorded).toEqual([expect.stringMatching(/^secretsDir=.*secrets$/)]);
    expect(r.definition).not.toContain('s3cret');
  });

  test('file and env secrets: bake reads them itself (no copy, no value in the bake file)', async () => {
    const recorded: string[] = [];
    const secrets = [
      {source: 'file', id: 'npmrc', input: 'secret-files', line: 1, path: '/ws/a,b "c"/.npmrc'},
      {source: 'env', id: 'tok', input: 'secret-envs', line: 1, env: 'MY_TOKEN', value: 'env-s3cret-value'}
    ] as const;
    const r = await build(buildInput(new FakeBuildx(), {engine: engineInputs({secrets: [...secrets]}), record: (k, v) => void recorded.push(k)}));
    expect(recorded).toEqual([]);
    const file = readFileSync(r.bakeFile, 'utf8');
    expect(JSON.parse(file).target.app.secret).toEqual(['id=npmrc,type=file,"src=/ws/a,b ""c""/.npmrc"', 'id=tok,type=env,env=MY_TOKEN']);
    expect(file + r.definition).not.toContain('env-s3cret-value');
  });

  test('cache credentials: real in the bake file, *** in the definition the summary shows', async () => {
    const line = 'type=s3,bucket=b,access_key_id=AKIAEXAMPLE123,secret_access_key=wJalrXUtnFEMI';
    const r = await build(buildInput(new FakeBuildx(), {driver: 'docker-container', engine: engineInputs({cacheFrom: [line], cacheTo: [line]})}));
    expect(JSON.parse(r.definition).target.app['cache-from']).toEqual(['type=s3,bucket=b,access_key_id=***,secret_access_key=***']);
    expect(r.definition).not.toMatch(/AKIAEXAMPLE123|wJalrXUtnFEMI/);
    expect(JSON.parse(readFileSync(r.bakeFile, 'utf8')).target.app['cache-to']).toEqual([line]);
  });
});

const captured = [{build: buildPlan({images: [IMAGE]}), digest: DIGEST.index}];

describe('verify, then tags, then read back', () => {
  test('every planned platform is there: ONE read per name (the index, by bake\'s digest); then the sizes, once per build', async () => {
    const fake = new FakeBuildx().pushCaptured().pushCaptured(`${IMAGE}-mirror`);
    const builds = [{build: buildPlan({images: [IMAGE, `${IMAGE}-mirror`]}), digest: DIGEST.index}];
    const {verified} = await verify({buildx: fake, builds});
    expect(fake.calls).toEqual([
      {method: 'readManifest', args: [IMAGE, DIGEST.index]},
      {method: 'readManifest', args: [`${IMAGE}-mirror`, DIGEST.index]}
    ]);
    expect(verified[0].images[1].platforms.map(p => [p.platform, p.digest])).toEqual([['linux/amd64', DIGEST.amd64], ['linux/arm64', DIGEST.arm64]]);
    const sized = await sizes(fake, verified);
    // the platforms' manifests, read under the first name only: every name holds the same (same digests)
    expect(fake.callsOf('readManifest').slice(2).sort()).toEqual([[IMAGE, DIGEST.amd64], [IMAGE, DIGEST.arm64]].sort());
    for (const image of sized[0].images) {
      expect(image.platforms).toEqual([
        {platform: 'linux/amd64', digest: DIGEST.amd64, size: 967 + 1064331 + 3554},
        {platform: 'linux/arm64', digest: DIGEST.arm64, size: expect.any(Number)}
      ]);
    }
  });

  test('a platform manifest that cannot be read: its size stays unknown (0), a warning, not a failure', async () => {
    const fake = new FakeBuildx({unreadable: [`${IMAGE}@${DIGEST.arm64}`]}).pushCaptured();
    const {verified} = await verify({buildx: fake, builds: captured});
    const warnings: string[] = [];
    const sized = await sizes(fake, verified, w => warnings.push(w));
    expect(sized[0].images[0].platforms.map(p => p.size)).toEqual([967 + 1064331 + 3554, 0]);
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^The size of ${IMAGE}@${DIGEST.arm64} \\(linux/arm64\\) could not be read: `))]);
  });

  test('a single image manifest (one platform, no index): the build\'s platform, its size from the same read', async () => {
    const fake = new FakeBuildx();
    fake.manifests.set(`${IMAGE}@${DIGEST.amd64}`, {raw: fixtureJson('imagetools-amd64.raw.json')});
    const {verified} = await verify({buildx: fake, builds: [{build: buildPlan({images: [IMAGE], platforms: ['linux/amd64']}), digest: DIGEST.amd64}]});
    expect(verified[0].images[0].platforms).toEqual([{platform: 'linux/amd64', digest: DIGEST.amd64, size: 967 + 1064331 + 3554}]);
    await sizes(fake, verified);
    expect(fake.calls).toHaveLength(1);
  });

  test('bake\'s metadata: the digest and descriptor of the captured multi-platform bake; two different digests are refused', async () => {
    const meta = fixtureJson<Record<string, Record<string, unknown>>>('bake-metadata-3x2.json');
    for (const entry of Object.values(meta)) {
      const {digest, descriptor} = metadataDigest(entry);
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(descriptor).toEqual({mediaType: 'application/vnd.oci.image.index.v1+json', digest, size: expect.any(Number)});
    }
    expect(metadataDigest(undefined)).toEqual({digest: ''});
    const fake = new FakeBuildx().pushCaptured();
    await expect(verify({buildx: fake, builds: [{...captured[0], descriptor: {digest: DIGEST.amd64}}]})).rejects.toThrow(/buildx reported two digests for .*; no tag was moved\./);
    expect(fake.calls).toEqual([]);
  });

  test('a missing platform is refused and no tag is moved', async () => {
    const fake = new FakeBuildx().pushAmd64OnlyAs();
    await expect(verify({buildx: fake, builds: captured})).rejects.toThrow(`${IMAGE}@${DIGEST.index} lacks linux/arm64 in the registry; no tag was moved.`);
    expect(fake.callsOf('writeTags')).toEqual([]);
  });

  test('no digest from buildx is refused', async () => {
    await expect(verify({buildx: new FakeBuildx(), builds: [{...captured[0], digest: ''}]})).rejects.toThrow(/buildx reported no digest for .*; no tag was moved\./);
  });

  test('tags point each name at its verified index; read-back confirms them', async () => {
    const fake = new FakeBuildx().pushCaptured();
    const {verified} = await verify({buildx: fake, builds: captured});
    const moved = await tags({buildx: fake, moves: plannedMoves(verified, 'abc1234def'), retryTimeoutMs: 0});
    expect(moved.moved).toEqual([{name: IMAGE, tags: ['1.2.3', 'latest'], digest: DIGEST.index}]);
    // one create per kind: the immutable 1.2.3, then the mutable latest
    expect(fake.callsOf('writeTags')).toEqual([[[`${IMAGE}:1.2.3`], `${IMAGE}@${DIGEST.index}`], [[`${IMAGE}:latest`], `${IMAGE}@${DIGEST.index}`]]);
    const before = fake.calls.length;
    expect(await readback({buildx: fake, verified})).toEqual({confirmed: [`${IMAGE}:1.2.3`], unread: []});
    // one read per name, not per tag
    expect(fake.calls.slice(before)).toEqual([{method: 'tagDigest', args: [`${IMAGE}:1.2.3`]}]);
  });

  test('read-back: a tag moved elsewhere fails; one that cannot be read is only a warning', async () => {
    const fake = new FakeBuildx().pushCaptured().pushAmd64OnlyAs(IMAGE, DIGEST.amd64OnlyIndex);
    const {verified} = await verify({buildx: fake, builds: captured});
    fake.tags.set(`${IMAGE}:1.2.3`, DIGEST.amd64OnlyIndex);
    await expect(readback({buildx: fake, verified})).rejects.toThrow(`${IMAGE}:1.2.3 resolves to ${DIGEST.amd64OnlyIndex}, not to the index just pushed (${DIGEST.index}): another run moved it meanwhile?`);
    const unreadable = new FakeBuildx({unreadable: [`${IMAGE}:1.2.3`]}).pushCaptured();
    expect(await readback({buildx: unreadable, verified})).toEqual({confirmed: [], unread: [`${IMAGE}:1.2.3`]});
  });
});

describe('cleanup (the post step): undoes what main recorded, warnings only', () => {
  const state = (s: Partial<Record<StateKey, string>>) => (k: StateKey) => s[k] ?? '';

  test('nothing recorded: no docker command', async () => {
    const fake = new FakeBuildx();
    await cleanup(state({}), () => fake);
    expect(fake.calls).toEqual([]);
  });

});
