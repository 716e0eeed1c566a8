import {describe, expect, test} from '@jest/globals';
import {canReuse, describeRoutes, MIN_BUILDX, missingPlatforms, parseBuildxVersion, parseInspect, routePlatforms, versionAtLeast, type BuilderInfo} from '../../../src/engine/builder.js';
import {fixture} from './fake-buildx.js';

/** `docker buildx inspect --bootstrap` of Docker's default builder (docker driver, Docker 27). */
const DOCKER_DRIVER = `Name:          default
Driver:        docker
Last Activity: 2024-11-07 10:03:52 +0000 UTC

Nodes:
Name:             default
Endpoint:         default
Status:           running
BuildKit version: v0.16.0
Platforms:        linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/amd64/v4, linux/386
Labels:
 org.mobyproject.buildkit.worker.moby.host-gateway-ip: 172.17.0.1
GC Policy rule#0:
 All:           false
 Filters:       type==source.local,type==exec.cachemount,type==source.git.checkout
 Keep Duration: 48h0m0s
 Keep Bytes:    2.764GiB
GC Policy rule#1:
 All:           false
 Keep Duration: 1440h0m0s
 Keep Bytes:    20GiB
`;

/** A docker-container builder on an amd64 host with QEMU emulators registered (buildx 0.18). */
const CONTAINER_DRIVER = `Name:          multiarch-publish-4242
Driver:        docker-container
Last Activity: 2024-11-07 10:05:12 +0000 UTC

Nodes:
Name:                  multiarch-publish-42420
Endpoint:              unix:///var/run/docker.sock
Driver Options:        image="moby/buildkit:buildx-stable-1" network="host"
Status:                running
BuildKit daemon flags: --allow-insecure-entitlement=network.host
BuildKit version:      v0.17.0
Platforms:             linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/arm64, linux/riscv64, linux/ppc64le, linux/s390x, linux/386, linux/mips64le, linux/mips64, linux/loong64, linux/arm/v7, linux/arm/v6
Labels:
 org.mobyproject.buildkit.worker.executor:         oci
 org.mobyproject.buildkit.worker.hostname:         1f3b2c4d5e6f
 org.mobyproject.buildkit.worker.network:          host
 org.mobyproject.buildkit.worker.oci.process-mode: sandbox
 org.mobyproject.buildkit.worker.selinux.enabled:  false
 org.mobyproject.buildkit.worker.snapshotter:      overlayfs
GC Policy rule#0:
 All:           false
 Filters:       type==source.local,type==exec.cachemount,type==source.git.checkout
 Keep Duration: 48h0m0s
 Keep Bytes:    488.3MiB
`;

/** A builder created with `--platform linux/amd64,linux/arm64`: buildx marks the configured ones with `*`. */
const STARRED = `Name:          cross
Driver:        docker-container
Last Activity: 2024-11-07 10:05:12 +0000 UTC

Nodes:
Name:                  cross0
Endpoint:              unix:///var/run/docker.sock
Status:                running
BuildKit daemon flags: --allow-insecure-entitlement=network.host
BuildKit version:      v0.17.0
Platforms:             linux/amd64*, linux/arm64*, linux/amd64/v2, linux/amd64/v3, linux/386
`;

describe('parseBuildxVersion', () => {
  test.each([
    ['github.com/docker/buildx v0.19.3 48d6a39', '0.19.3'],
    ['github.com/docker/buildx v0.19.3 abc\n', '0.19.3'],
    ['github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3', '0.13.1'],
    ['github.com/docker/buildx v0.12.0-rc1 0d8b7ab', '0.12.0'],
    ['github.com/docker/buildx v1.0.0 deadbeef', '1.0.0']
  ])('%j -> %s', (output, version) => {
    expect(parseBuildxVersion(output)).toBe(version);
  });

  test.each([
    ['', undefined],
    ["docker: 'buildx' is not a docker command.\nSee 'docker --help'", undefined],
    ['github.com/docker/buildx dev', undefined],
    ['garbage', undefined]
  ])('%j -> undefined', (output, version) => {
    expect(parseBuildxVersion(output)).toBe(version);
  });
});

describe('versionAtLeast', () => {
  test.each([
    ['0.12.0', '0.12.0', true],
    ['0.12.1', '0.12.0', true],
    ['0.19.3', '0.12.0', true],
    ['1.0.0', '0.12.0', true],
    ['0.13.1', '0.12.0', true],
    ['0.11.2', '0.12.0', false],
    ['0.9.1', '0.12.0', false],
    ['0.2.0', '0.12.0', false],
    ['0.12.0', '0.12.1', false],
    ['0.12', '0.12.0', true],
    ['0.12', '0.12.1', false]
  ])('%s >= %s: %s', (version, min, expected) => {
    expect(versionAtLeast(version, min)).toBe(expected);
  });

  test('the minimum is 0.12.0', () => {
    expect(MIN_BUILDX).toBe('0.12.0');
  });
});

describe('parseInspect', () => {
  test.each<[string, string, Pick<BuilderInfo, 'name' | 'driver' | 'platforms'>]>([
    ['docker driver', DOCKER_DRIVER, {name: 'default', driver: 'docker', platforms: ['linux/amd64', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/amd64/v4', 'linux/386']}],
    [
      'docker-container driver',
      CONTAINER_DRIVER,
      {
        name: 'multiarch-publish-4242',
        driver: 'docker-container',
        platforms: ['linux/amd64', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/arm64', 'linux/riscv64', 'linux/ppc64le', 'linux/s390x', 'linux/386', 'linux/mips64le', 'linux/mips64', 'linux/loong64', 'linux/arm/v7', 'linux/arm/v6']
      }
    ],
    ['platforms with * suffixes', STARRED, {name: 'cross', driver: 'docker-container', platforms: ['linux/amd64', 'linux/arm64', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/386']}],
    ['empty output', '', {name: '', driver: '', platforms: []}]
  ])('%s', (_title, output, info) => {
    const {name, driver, platforms} = parseInspect(output);
    expect({name, driver, platforms}).toEqual(info);
  });

  test('the builder name, not the node name', () => {
    expect(parseInspect(CONTAINER_DRIVER).name).not.toBe('multiarch-publish-42420');
  });

  test('`Driver Options:` is not the driver', () => {
    expect(parseInspect(CONTAINER_DRIVER.replace(/^Driver: .*\n/m, '')).driver).toBe('');
  });

  test('CRLF line endings', () => {
    expect(parseInspect(STARRED.replace(/\n/g, '\r\n'))).toEqual(parseInspect(STARRED));
  });
});

const builder = (driver: string, platforms: string[], name = driver === 'docker' ? 'default' : 'multiarch'): BuilderInfo => ({name, driver, platforms, nodes: [{name: `${name}0`, endpoint: 'unix:///var/run/docker.sock', status: 'running', platforms, declared: []}]});
const DOCKER = builder('docker', ['linux/amd64', 'linux/amd64/v2', 'linux/386']);
const CONTAINER = parseInspect(CONTAINER_DRIVER);

describe('missingPlatforms', () => {
  test.each<[string, BuilderInfo, string[], string[]]>([
    ['all there', CONTAINER, ['linux/amd64', 'linux/arm64', 'linux/arm/v7'], []],
    ['none requested', CONTAINER, [], []],
    ['arm64 on the docker driver', DOCKER, ['linux/amd64', 'linux/arm64'], ['linux/arm64']],
    ['several missing, in the requested order', DOCKER, ['linux/s390x', 'linux/amd64', 'linux/arm64'], ['linux/s390x', 'linux/arm64']],
    ['linux/arm is built by a builder listing linux/arm/v7', CONTAINER, ['linux/arm'], []],
    ['linux/arm/v7 is not built by one listing only linux/arm/v6', builder('docker-container', ['linux/amd64', 'linux/arm/v6']), ['linux/arm/v7'], ['linux/arm/v7']],
    ['requested platforms are normalised', CONTAINER, ['Linux/ARM64', ' linux/amd64 '], []],
    ['the missing ones are reported normalised', DOCKER, ['LINUX/ARM64'], ['linux/arm64']],
    ['builder platforms are normalised', builder('docker-container', ['Linux/AMD64', 'linux/arm64']), ['linux/amd64'], []],
    ['an unparsable platform is compared as written', builder('docker-container', ['linux/amd64', 'weird']), ['weird', 'other'], ['other']]
  ])('%s', (_title, b, platforms, missing) => {
    expect(missingPlatforms(b, platforms)).toEqual(missing);
  });
});

describe('canReuse', () => {
  test.each<[string, BuilderInfo, string[], boolean, boolean, RegExp]>([
    // [title, builder, platforms, containerd store, ok, reason]
    ['docker driver, one platform', DOCKER, ['linux/amd64'], false, true, /^reusing builder default \(docker driver\): it builds linux\/amd64$/],
    ['docker driver, two native platforms, no containerd store', DOCKER, ['linux/amd64', 'linux/386'], false, false, /^builder default uses the docker driver without the containerd image store, which cannot push multi-platform images$/],
    ['docker driver, two native platforms, containerd store', DOCKER, ['linux/amd64', 'linux/386'], true, true, /^reusing builder default \(docker driver, containerd image store\): it builds linux\/amd64, linux\/386$/],
    ['docker driver, one platform, containerd store', DOCKER, ['linux/amd64'], true, true, /\(docker driver, containerd image store\)/],
    ['docker driver, a platform it cannot build', DOCKER, ['linux/amd64', 'linux/arm64'], true, false, /^builder default \(docker\) cannot build linux\/arm64$/],
    ['docker driver, a missing platform, no containerd store', DOCKER, ['linux/arm64'], false, false, /cannot build linux\/arm64/],
    ['docker-container, multi-platform', CONTAINER, ['linux/amd64', 'linux/arm64', 'linux/arm/v7'], false, true, /^reusing builder multiarch-publish-4242 \(docker-container driver\): it builds linux\/amd64, linux\/arm64, linux\/arm\/v7$/],
    ['docker-container, containerd store is not its business', CONTAINER, ['linux/amd64', 'linux/arm64'], true, true, /\(docker-container driver\)/],
    ['docker-container, a missing platform', builder('docker-container', ['linux/amd64']), ['linux/amd64', 'linux/arm64', 'linux/s390x'], false, false, /^builder multiarch \(docker-container\) cannot build linux\/arm64, linux\/s390x$/]
  ])('%s', (_title, b, platforms, containerd, ok, reason) => {
    const verdict = canReuse(b, platforms, containerd);
    expect(verdict.ok).toBe(ok);
    expect(verdict.reason).toMatch(reason);
  });
});

describe('parseInspect of captured output: every node', () => {
  test('the default builder of the docker driver: one node', () => {
    const b = parseInspect(fixture('inspect-default-docker.txt'));
    expect({name: b.name, driver: b.driver}).toEqual({name: 'default', driver: 'docker'});
    expect(b.nodes).toEqual([{name: 'default', endpoint: 'default', status: 'running', platforms: ['linux/amd64', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/amd64/v4', 'linux/arm64', 'linux/riscv64', 'linux/ppc64le', 'linux/s390x'], declared: []}]);
  });

  test('a builder made with --append: both nodes, their endpoints, and the union of what they build', () => {
    const b = parseInspect(fixture('inspect-multinode.txt'));
    expect({name: b.name, driver: b.driver}).toEqual({name: 'mp-fixture-engine', driver: 'docker-container'});
    expect(b.nodes.map(n => [n.name, n.endpoint, n.status, n.platforms[0]])).toEqual([
      ['mp-fixture-engine-amd64', 'unix:///var/run/docker.sock', 'running', 'linux/amd64'],
      ['mp-fixture-engine-arm64', 'unix:///run/docker.sock', 'running', 'linux/arm64']
    ]);
    expect(b.platforms).toEqual(expect.arrayContaining(['linux/amd64', 'linux/arm64', 'linux/arm/v7']));
  });

  test('a node that is not running builds nothing, though buildx lists its configured platform', () => {
    const b = parseInspect(fixture('inspect-multinode-unbooted.txt'));
    expect(b.nodes.map(n => [n.name, n.status, n.platforms])).toContainEqual(['mp-fixture-engine-broken', 'inactive', ['linux/s390x']]);
    const onlyBroken = {...b, nodes: b.nodes.slice(2), platforms: []};
    expect(canReuse(onlyBroken, ['linux/s390x'], false)).toEqual({ok: false, reason: 'builder mp-fixture-engine (docker-container) cannot build linux/s390x (node mp-fixture-engine-broken is inactive)'});
  });

  test('an amd64 node and a native arm64 node together build linux/amd64 and linux/arm64 (hand-edited capture)', () => {
    const b = parseInspect(fixture('inspect-multinode-native-arm64.txt'));
    expect(b.nodes.map(n => n.platforms)).toEqual([
      ['linux/amd64', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/amd64/v4', 'linux/386'],
      ['linux/arm64', 'linux/arm/v7', 'linux/arm/v6']
    ]);
    // the first node alone is what reading only the first node saw
    expect(canReuse({...b, nodes: b.nodes.slice(0, 1), platforms: b.nodes[0].platforms}, ['linux/amd64', 'linux/arm64'], false).ok).toBe(false);
    expect(canReuse(b, ['linux/amd64', 'linux/arm64'], false)).toEqual({
      ok: true,
      reason: 'reusing builder mp-fixture-engine (docker-container driver, nodes mp-fixture-engine-amd64 (linux/amd64) + mp-fixture-engine-arm64 (linux/arm64)): it builds linux/amd64, linux/arm64'
    });
  });

  test('the captured buildx version is new enough', () => {
    expect(parseBuildxVersion(fixture('buildx-version.txt'))).toBe('0.13.1');
    expect(versionAtLeast('0.13.1', MIN_BUILDX)).toBe(true);
  });
});

describe('multi-node builders: every node read, each platform routed as buildx routes it', () => {
  // captured on this machine: two docker-container nodes on this amd64 host (QEMU registered), see fixtures/engine/README.md
  const DECLARED = parseInspect(fixture('inspect-two-node-declared.txt'));
  const FIRST_UNDECLARED = parseInspect(fixture('inspect-two-node-first-undeclared.txt'));
  const NATIVE_ARM64 = parseInspect(fixture('inspect-multinode-native-arm64.txt'));

  test.each<[string, BuilderInfo, [string, string[], string[]][]]>([
    // [title, builder, per node: [name suffix, declared, first platforms]]
    ['one platform declared per node (real capture)', DECLARED, [['-amd64', ['linux/amd64'], ['linux/amd64', 'linux/amd64/v2']], ['-arm64', ['linux/arm64'], ['linux/arm64', 'linux/amd64']]]],
    ['a first node declaring nothing, a second declaring two (real capture)', FIRST_UNDECLARED, [['-first', [], ['linux/amd64', 'linux/amd64/v2']], ['-arm64', ['linux/arm64', 'linux/riscv64'], ['linux/arm64', 'linux/riscv64']]]],
    ['the default builder: one node, nothing declared', parseInspect(fixture('inspect-default-docker.txt')), [['', [], ['linux/amd64', 'linux/amd64/v2']]]]
  ])('%s', (_t, b, nodes) => {
    expect(b.nodes.map(n => [n.name.slice(b.name.length), n.declared, n.platforms.slice(0, 2)])).toEqual(nodes);
    // `*` never stays in a platform
    expect(b.nodes.flatMap(n => n.platforms).filter(p => p.includes('*'))).toEqual([]);
  });

  test.each<[string, BuilderInfo, string[], [string, string, string][]]>([
    // [title, builder, platforms, [platform, node suffix, chosen by]]
    ['each declared platform to the node declaring it', DECLARED, ['linux/amd64', 'linux/arm64'], [['linux/amd64', '-amd64', 'declared'], ['linux/arm64', '-arm64', 'declared']]],
    ['linux/arm64/v8 is linux/arm64', DECLARED, ['linux/arm64/v8'], [['linux/arm64', '-arm64', 'declared']]],
    ['one platform no node declares: buildx matches every platform against all listed ones, first node first', DECLARED, ['linux/amd64', 'linux/arm64', 'linux/s390x'], [['linux/amd64', '-amd64', 'declared'], ['linux/arm64', '-amd64', 'listed'], ['linux/s390x', '-amd64', 'listed']]],
    // checked on this machine: both platforms' COPY records are in the first node's store (fixture README)
    ['a first node declaring nothing takes arm64 too', FIRST_UNDECLARED, ['linux/amd64', 'linux/arm64'], [['linux/amd64', '-first', 'listed'], ['linux/arm64', '-first', 'listed']]],
    ['every platform declared by the second node', FIRST_UNDECLARED, ['linux/arm64', 'linux/riscv64'], [['linux/arm64', '-arm64', 'declared'], ['linux/riscv64', '-arm64', 'declared']]],
    ['a native arm64 node builds 32-bit arm it lists', NATIVE_ARM64, ['linux/amd64', 'linux/arm/v7'], [['linux/amd64', '-amd64', 'declared'], ['linux/arm/v7', '-arm64', 'listed']]],
    ['an amd64 node runs linux/386 it does not list (compatible)', {...NATIVE_ARM64, nodes: NATIVE_ARM64.nodes.map(n => ({...n, platforms: n.platforms.filter(p => p !== 'linux/386')}))}, ['linux/arm64', 'linux/386'], [['linux/arm64', '-arm64', 'declared'], ['linux/386', '-amd64', 'listed']]],
    ['a platform no node lists goes to the first node', NATIVE_ARM64, ['linux/amd64', 'linux/s390x'], [['linux/amd64', '-amd64', 'declared'], ['linux/s390x', '-amd64', 'first node']]],
    ['duplicates once', DECLARED, ['linux/arm64', 'Linux/ARM64'], [['linux/arm64', '-arm64', 'declared']]]
  ])('%s', (_t, b, platforms, expected) => {
    expect(routePlatforms(b, platforms).map(r => [r.platform, r.node.name.slice(b.name.length), r.by])).toEqual(expected);
  });

  test('a builder without nodes routes nothing', () => {
    expect(routePlatforms({nodes: []}, ['linux/amd64'])).toEqual([]);
  });

  test('the note names the node of every platform', () => {
    expect(describeRoutes(routePlatforms(NATIVE_ARM64, ['linux/amd64', 'linux/arm64', 'linux/s390x']))).toBe(
      'linux/amd64 on node mp-fixture-engine-amd64 (declared), linux/arm64 on node mp-fixture-engine-arm64 (declared), linux/s390x on node mp-fixture-engine-amd64 (no node lists it)'
    );
  });

  test('the captured BuildKit store of the arm64 node holds the arm64 build only (what the e2e test reads)', () => {
    const du = fixture('buildctl-du-arm64-node.txt');
    expect(du).toMatch(/^Description:\s+\[linux\/arm64 1\/2\] COPY/m);
    expect(du).not.toMatch(/\[linux\/amd64/);
  });
});
