import {describe, expect, test} from '@jest/globals';
import {parsePlatform, formatPlatform, splitPlatforms, hostPlatform} from '../../src/lib/platform.js';

describe('parsePlatform', () => {
  test.each([
    ['linux/amd64', {os: 'linux', arch: 'amd64'}],
    ['linux/arm64', {os: 'linux', arch: 'arm64'}],
    ['linux/arm/v7', {os: 'linux', arch: 'arm', variant: 'v7'}],
    ['linux/arm/v6', {os: 'linux', arch: 'arm', variant: 'v6'}],
    ['linux/arm64/v8', {os: 'linux', arch: 'arm64', variant: 'v8'}],
    ['linux/amd64/v3', {os: 'linux', arch: 'amd64', variant: 'v3'}],
    ['linux/386', {os: 'linux', arch: '386'}],
    ['linux/ppc64le', {os: 'linux', arch: 'ppc64le'}],
    ['linux/s390x', {os: 'linux', arch: 's390x'}],
    ['linux/riscv64', {os: 'linux', arch: 'riscv64'}],
    ['windows/amd64', {os: 'windows', arch: 'amd64'}],
    ['darwin/arm64', {os: 'darwin', arch: 'arm64'}],
    [' Linux/AMD64 ', {os: 'linux', arch: 'amd64'}]
  ])('%j', (text, platform) => {
    expect(parsePlatform(text)).toEqual(platform);
  });

  test.each([
    ['linux/amd65', /^unknown architecture "amd65" in platform "linux\/amd65" \(did you mean linux\/amd64\?\)$/],
    ['linux/arm65', /did you mean linux\/arm64\?/],
    ['linux/x86_64', /^unknown architecture "x86_64" in platform "linux\/x86_64"$/],
    ['linxu/amd64', /^unknown operating system "linxu" in platform "linxu\/amd64" \(did you mean linux\?\)$/],
    ['widnows/amd64', /did you mean windows\?/],
    ['beos/amd64', /^unknown operating system "beos" in platform "beos\/amd64"$/],
    ['windows', /^"windows" is not a platform \(os\/arch or os\/arch\/variant, e.g. linux\/amd64, linux\/arm\/v7\)$/],
    ['linux/', /is not a platform/],
    ['/amd64', /is not a platform/],
    ['linux/arm/v7/x', /is not a platform/],
    ['linux//v7', /is not a platform/],
    ['', /is not a platform/],
    ['linux/arm/v9', /^unknown variant "v9" for arm in platform "linux\/arm\/v9" \(one of v5, v6, v7, v8\)$/],
    ['linux/amd64/v5', /unknown variant "v5" for amd64.*one of v1, v2, v3, v4/],
    ['linux/386/v1', /^unknown variant "v1" for 386 in platform "linux\/386\/v1"$/]
  ])('%j is refused', (text, message) => {
    expect(() => parsePlatform(text)).toThrow(message);
  });
});

describe('formatPlatform', () => {
  test.each([
    [{os: 'linux', arch: 'amd64'}, 'linux/amd64'],
    [{os: 'linux', arch: 'arm', variant: 'v7'}, 'linux/arm/v7'],
    [{os: 'linux', arch: 'arm', variant: ''}, 'linux/arm']
  ])('%j -> %s', (platform, text) => {
    expect(formatPlatform(platform)).toBe(text);
  });

  test.each(['linux/amd64', 'linux/arm/v7', 'LINUX/ARM64/V8'])('round trip of %s is lower-case', text => {
    expect(formatPlatform(parsePlatform(text))).toBe(text.toLowerCase());
  });
});

describe('splitPlatforms', () => {
  test.each([
    ['linux/amd64', ['linux/amd64']],
    ['linux/amd64,linux/arm64', ['linux/amd64', 'linux/arm64']],
    ['linux/amd64, linux/arm64', ['linux/amd64', 'linux/arm64']],
    ['linux/amd64;linux/arm64', ['linux/amd64', 'linux/arm64']],
    ['linux/amd64 linux/arm64', ['linux/amd64', 'linux/arm64']],
    ['linux/amd64\nlinux/arm64\r\n', ['linux/amd64', 'linux/arm64']],
    [',,linux/amd64,,', ['linux/amd64']],
    ['', []],
    ['  ', []]
  ])('%j', (text, list) => {
    expect(splitPlatforms(text)).toEqual(list);
  });
});

describe('hostPlatform', () => {
  test.each([
    ['x64', {os: 'linux', arch: 'amd64'}],
    ['arm64', {os: 'linux', arch: 'arm64'}],
    ['arm', {os: 'linux', arch: 'arm', variant: 'v7'}],
    ['ia32', {os: 'linux', arch: '386'}],
    ['s390x', {os: 'linux', arch: 's390x'}],
    ['riscv64', {os: 'linux', arch: 'riscv64'}],
    ['loong64', {os: 'linux', arch: 'loong64'}],
    ['mips', {os: 'linux', arch: 'mips'}]
  ])('node arch %s', (arch, platform) => {
    expect(hostPlatform(arch)).toEqual(platform);
  });

  test('defaults to this process', () => {
    expect(hostPlatform()).toEqual(hostPlatform(process.arch));
  });
});
