import {describe, expect, test} from '@jest/globals';
import {archSuffix, archTagsFor} from '../../src/pipeline/arch-tags.js';
import {InputError, InputErrors} from '../../src/pipeline/inputs/errors.js';
import {rejected, runPipeline, thrown} from '../support/pipeline.js';
import {planJson} from '../../src/report/outputs.js';

describe('archSuffix', () => {
  test.each([
    ['linux/amd64', 'amd64'],
    ['linux/amd64/v1', 'amd64'],
    ['linux/amd64/v3', 'amd64v3'],
    ['linux/arm64', 'arm64'],
    ['linux/arm64/v8', 'arm64'],
    ['linux/arm64/v9', 'arm64v9'],
    ['linux/arm/v7', 'armv7'],
    ['linux/arm/v6', 'armv6'],
    ['linux/arm', 'arm'],
    ['linux/386', '386'],
    ['linux/ppc64le', 'ppc64le'],
    ['linux/s390x', 's390x'],
    ['linux/riscv64', 'riscv64'],
    ['windows/amd64', 'windows-amd64'],
    ['darwin/arm64', 'darwin-arm64']
  ])('%s -> %s', (platform, suffix) => {
    expect(archSuffix(platform)).toBe(suffix);
  });
});

describe('archTagsFor', () => {
  test('one entry per platform, every tag of every image with the suffix', () => {
    expect(archTagsFor(['ghcr.io/a/app', 'docker.io/a/app'], ['v1.2.3', 'latest'], ['linux/amd64', 'linux/arm/v7'])).toEqual([
      {platform: 'linux/amd64', suffix: 'amd64', tagNames: ['v1.2.3-amd64', 'latest-amd64'], tags: ['ghcr.io/a/app:v1.2.3-amd64', 'ghcr.io/a/app:latest-amd64', 'docker.io/a/app:v1.2.3-amd64', 'docker.io/a/app:latest-amd64']},
      {platform: 'linux/arm/v7', suffix: 'armv7', tagNames: ['v1.2.3-armv7', 'latest-armv7'], tags: ['ghcr.io/a/app:v1.2.3-armv7', 'ghcr.io/a/app:latest-armv7', 'docker.io/a/app:v1.2.3-armv7', 'docker.io/a/app:latest-armv7']}
    ]);
  });

  test('bare tags without an image', () => {
    expect(archTagsFor([], ['v1'], ['linux/arm64'])[0].tags).toEqual(['v1-arm64']);
  });

  test.each([
    [['linux/arm64', 'linux/arm64/v8'], /linux\/arm64 and linux\/arm64\/v8 would both get the tag suffix -arm64/],
    [['linux/amd64', 'linux/amd64/v1'], /-amd64/]
  ])('two platforms with one suffix are an input error: %j', (platforms, message) => {
    const e = thrown(() => archTagsFor(['app'], ['v1'], platforms, 3)) as InputError;
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(/^Input "arch-tags", line 3: /);
    expect(e.message).toMatch(message);
  });

  test('a tag that gets too long with its suffix is an input error', () => {
    const e = thrown(() => archTagsFor(['app'], ['a'.repeat(126)], ['linux/amd64'])) as InputError;
    expect(e.message).toMatch(/Input "arch-tags": the per-platform tag "a+-amd64" is not a valid tag/);
  });
});

describe('arch-tags in the plan', () => {
  test('off by default: no per-platform tags', async () => {
    const {plan} = await runPipeline({event: 'event_tag_v1.1.1', inputs: {images: ['app']}});
    expect(plan.builds[0].archTags).toBeUndefined();
  });

  test('on: per build and platform, next to (not inside) the index tags', async () => {
    const {plan} = await runPipeline({
      event: 'event_tag_v1.1.1',
      inputs: {images: ['name=api', 'name=worker,platforms=linux/amd64,linux/arm/v7'], 'arch-tags': 'true', tags: ['type=semver,pattern={{version}}']}
    });
    const [api, worker] = plan.builds;
    expect(api.tags).toEqual(['ghcr.io/docker/api:1.1.1', 'ghcr.io/docker/api:latest']);
    expect(api.archTags?.map(a => a.tags)).toEqual([
      ['ghcr.io/docker/api:1.1.1-amd64', 'ghcr.io/docker/api:latest-amd64'],
      ['ghcr.io/docker/api:1.1.1-arm64', 'ghcr.io/docker/api:latest-arm64']
    ]);
    expect(worker.archTags?.map(a => a.suffix)).toEqual(['amd64', 'armv7']);
  });

  test('the plan output (dry run) lists them per build, only when on', async () => {
    const on = await runPipeline({event: 'event_tag_v1.1.1', inputs: {images: ['app'], 'arch-tags': 'true', tags: ['type=semver,pattern={{version}}'], platforms: 'linux/arm64'}});
    expect(planJson(on.plan)).toEqual([expect.objectContaining({archTags: [expect.objectContaining({platform: 'linux/arm64', tags: ['ghcr.io/docker/app:1.1.1-arm64', 'ghcr.io/docker/app:latest-arm64']})]})]);
    const off = await runPipeline({event: 'event_tag_v1.1.1', inputs: {images: ['app']}});
    expect(planJson(off.plan)[0]).not.toHaveProperty('archTags');
  });

  test('two platforms of one image with one suffix: an input error naming arch-tags and the images line', async () => {
    const e = (await rejected(runPipeline({event: 'event_push_master', inputs: {images: ['app', 'name=other,platforms=linux/arm64,linux/arm64/v8'], 'arch-tags': 'true'}}))) as InputErrors;
    expect(e).toBeInstanceOf(InputErrors);
    expect(e.message).toMatch(/^Input "arch-tags", line 2: platforms linux\/arm64 and linux\/arm64\/v8 would both get the tag suffix -arm64/);
  });

  // the policy: allow-tags and deny-latest check the per-platform tags; max-tags counts the index's tags only
  test.each<[string, string[], RegExp[]]>([
    ['allow-tags refuses a per-platform tag it does not match', ['allow-tags=\\d+\\.\\d+\\.\\d+|latest'], ['1.1.1-amd64', 'latest-amd64', '1.1.1-arm64', 'latest-arm64'].map(t => new RegExp(`^ghcr\\.io/docker/app:${t.replace(/\./g, '\\.')} \\(a per-platform tag of arch-tags\\) does not match allow-tags`))],
    ['allow-tags that matches the per-platform tags too', ['allow-tags=(\\d+\\.\\d+\\.\\d+|latest)(-(amd64|arm64))?'], []],
    ['deny-latest refuses latest-<arch> as it refuses latest', ['deny-latest=ghcr.io/docker/*'], [/may not be tagged latest \(deny-latest/, /may not be tagged latest-amd64, the per-platform tag of latest/, /latest-arm64, the per-platform tag of latest/]],
    ['max-tags counts the tags of the index, not the per-platform ones', ['max-tags=2'], []],
    ['require-semver is not met by a per-platform tag alone', ['require-semver=refs/tags/*'], []]
  ])('%s', async (_name, policy, messages) => {
    const {plan} = await runPipeline({event: 'event_tag_v1.1.1', inputs: {images: ['app'], 'arch-tags': 'true', tags: ['type=semver,pattern={{version}}'], policy}});
    expect(plan.policy.violations.map(v => v.message)).toEqual(messages.map(m => expect.stringMatching(m)));
    expect(plan.policy.allowed).toBe(messages.length === 0);
  });

  test('max-tags still refuses too many index tags with arch-tags on', async () => {
    const {plan} = await runPipeline({event: 'event_tag_v1.1.1', inputs: {images: ['app'], 'arch-tags': 'true', tags: ['type=semver,pattern={{version}}'], policy: ['max-tags=1']}});
    expect(plan.policy.violations.map(v => v.message)).toEqual([expect.stringMatching(/would get 2 tags, more than max-tags=1: 1\.1\.1, latest$/)]);
  });

  test('require-semver: a per-platform tag (1.1.1-amd64 parses as a pre-release) does not count for it', async () => {
    const {plan} = await runPipeline({event: 'event_tag_v1.1.1', inputs: {images: ['app'], 'arch-tags': 'true', tags: ['type=raw,value=stable'], flavor: ['latest=false'], policy: ['require-semver=refs/tags/*']}});
    expect(plan.policy.violations.map(v => v.message)).toEqual([expect.stringMatching(/has no semantic-version tag/)]);
  });
});
