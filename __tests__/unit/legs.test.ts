import {describe, expect, test} from '@jest/globals';
import {computeLegs, parseRunners, DEFAULT_RUNNERS} from '../../src/pipeline/legs.js';
import {InputError} from '../../src/pipeline/inputs/errors.js';
import {thrown} from '../support/pipeline.js';

const DEFAULT = JSON.stringify(DEFAULT_RUNNERS);

describe('computeLegs: which runner builds which platforms', () => {
  test.each([
    // [description, platforms, runners, legs]
    ['the default map: amd64 and arm64 natively', 'linux/amd64,linux/arm64', DEFAULT, [
      {runner: 'ubuntu-24.04', platforms: 'linux/amd64'},
      {runner: 'ubuntu-24.04-arm', platforms: 'linux/arm64'}
    ]],
    ['a platform without a runner joins the amd64 leg (QEMU)', 'linux/amd64,linux/arm64,linux/s390x', DEFAULT, [
      {runner: 'ubuntu-24.04', platforms: 'linux/amd64,linux/s390x'},
      {runner: 'ubuntu-24.04-arm', platforms: 'linux/arm64'}
    ]],
    ['empty runners input: the default map', 'linux/amd64,linux/arm64,linux/s390x', '', [
      {runner: 'ubuntu-24.04', platforms: 'linux/amd64,linux/s390x'},
      {runner: 'ubuntu-24.04-arm', platforms: 'linux/arm64'}
    ]],
    ['the amd64 runner is used for emulation even when amd64 is not built', 'linux/arm64,linux/ppc64le', DEFAULT, [
      {runner: 'ubuntu-24.04-arm', platforms: 'linux/arm64'},
      {runner: 'ubuntu-24.04', platforms: 'linux/ppc64le'}
    ]],
    ['only arm64: one leg, no amd64 runner needed', 'linux/arm64', '{"linux/arm64": "arm-large"}', [
      {runner: 'arm-large', platforms: 'linux/arm64'}
    ]],
    ['two platforms on one runner label share a leg', 'linux/amd64,linux/arm64,linux/arm/v7', '{"linux/amd64": "x", "linux/arm64": "a", "linux/arm/v7": "a"}', [
      {runner: 'x', platforms: 'linux/amd64'},
      {runner: 'a', platforms: 'linux/arm64,linux/arm/v7'}
    ]],
    ['runners for platforms not built give no leg', 'linux/amd64', DEFAULT, [{runner: 'ubuntu-24.04', platforms: 'linux/amd64'}]],
    ['keys and platforms are normalised', ' Linux/AMD64\nlinux/ARM64 ', '{"LINUX/amd64": "x", "linux/arm64": "a"}', [
      {runner: 'x', platforms: 'linux/amd64'},
      {runner: 'a', platforms: 'linux/arm64'}
    ]],
    ['a platform listed twice in platforms is built once', 'linux/amd64,linux/amd64,Linux/amd64', DEFAULT, [{runner: 'ubuntu-24.04', platforms: 'linux/amd64'}]],
    ['a list works like the text', ['linux/s390x', 'linux/amd64'], DEFAULT, [{runner: 'ubuntu-24.04', platforms: 'linux/s390x,linux/amd64'}]],
    ['a self-hosted label with spaces inside', 'linux/amd64', '{"linux/amd64": "my runners x64"}', [{runner: 'my runners x64', platforms: 'linux/amd64'}]]
  ])('%s', (_d, platforms, runners, legs) => {
    expect(computeLegs(platforms, runners)).toEqual(legs);
  });
});

describe('bad input: an InputError naming the input', () => {
  test.each([
    // [description, platforms, runners, input, message]
    ['not JSON', 'linux/amd64', '{linux/amd64: x}', 'runners', /^Input "runners": is not valid JSON \(.*\); expected an object from platform to runner label/],
    ['a JSON array', 'linux/amd64', '["ubuntu-24.04"]', 'runners', /^Input "runners": is an array; expected a JSON object/],
    ['a JSON string', 'linux/amd64', '"ubuntu-24.04"', 'runners', /is a string; expected a JSON object/],
    ['JSON null', 'linux/amd64', 'null', 'runners', /is null; expected a JSON object/],
    ['a platform listed twice (same key)', 'linux/amd64', '{"linux/amd64": "a", "linux/amd64": "b"}', 'runners', /^Input "runners": names a platform twice \(Map keys must be unique/],
    ['a platform listed twice (after normalising)', 'linux/amd64', '{"linux/amd64": "a", "Linux/AMD64": "b"}', 'runners', /^Input "runners": names the platform linux\/amd64 twice \(as "Linux\/AMD64" too\)$/],
    ['an unknown platform', 'linux/amd64', '{"linux/amd64": "a", "linux/arm65": "b"}', 'runners', /^Input "runners": key "linux\/arm65": unknown architecture "arm65".*did you mean linux\/arm64\?/],
    ['a key that is not a platform', 'linux/amd64', '{"amd64": "a"}', 'runners', /key "amd64": "amd64" is not a platform/],
    ['a label that is a number', 'linux/amd64', '{"linux/amd64": 1}', 'runners', /the runner of linux\/amd64 must be a runner label .*not 1$/],
    ['a label that is a list', 'linux/amd64', '{"linux/amd64": ["self-hosted", "x64"]}', 'runners', /the runner of linux\/amd64 must be a runner label .*not \["self-hosted","x64"\]$/],
    ['an empty label', 'linux/amd64', '{"linux/amd64": ""}', 'runners', /the runner of linux\/amd64 must be a runner label .*not ""$/],
    ['a label with a line break', 'linux/amd64', '{"linux/amd64": "a\\nb"}', 'runners', /must be a runner label .*not "a\\nb"$/],
    ['a label with blanks around it', 'linux/amd64', '{"linux/amd64": " a"}', 'runners', /must be a runner label/],
    ['emulated platforms but no amd64 runner', 'linux/arm64,linux/s390x', '{"linux/arm64": "a"}', 'runners', /^Input "runners": has no runner for linux\/amd64, which builds \(under QEMU\) the platforms without a runner of their own: linux\/s390x;/],
    ['an unknown platform in platforms', 'linux/amd64,linux/amd65', DEFAULT, 'platforms', /^Input "platforms": unknown architecture "amd65"/],
    ['no platform at all', ' , ', DEFAULT, 'platforms', /^Input "platforms": names no platform/]
  ])('%s', (_d, platforms, runners, input, message) => {
    const e = thrown(() => computeLegs(platforms, runners));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).input).toBe(input);
    expect((e as InputError).message).toMatch(message);
  });

  test('a long value is shortened in the message', () => {
    const e = thrown(() => parseRunners(JSON.stringify({'linux/amd64': ` ${'x'.repeat(500)}`})));
    expect((e as Error).message.length).toBeLessThan(200);
  });
});
