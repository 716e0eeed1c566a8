import {describe, expect, test} from '@jest/globals';
import {parseVersionFile, checkTagAgreesWithFile} from '../../src/pipeline/inputs/version-file.js';
import {InputError} from '../../src/pipeline/inputs/errors.js';
import {thrown} from '../support/pipeline.js';

describe('checkTagAgreesWithFile', () => {
  test.each([
    ['refs/tags/v1.0.0', '1.0.0'],
    ['refs/tags/v1.2.3', 'v1.2.3'],
    ['refs/tags/v1.2.3', '1.2.3+build.7'],
    ['refs/tags/v1.0.post1', '1.0.post1'],
    ['refs/tags/2.0.0-rc.1', '2.0.0-rc.1'],
    ['refs/tags/1.0.0', '1.0.0'],
    ['refs/tags/p1/v1.0.0', '1.0.0'],
    ['refs/tags/app/v1.4.2', '1.4.2'],
    ['refs/tags/v1.0', '1.0'],
    ['refs/heads/main', '9.9.9'],
    ['refs/pull/1/merge', '9.9.9'],
    ['', '1.0.0']
  ])('%s agrees with %s', (ref, version) => {
    expect(() => checkTagAgreesWithFile(ref, version, 'VERSION')).not.toThrow();
  });

  test.each([
    ['refs/tags/v1.0.1', '1.0.0'],
    ['refs/tags/p1/v2.0.0', '1.0.0'],
    ['refs/tags/sometag', '1.0.0'],
    ['refs/tags/v1.0.0-rc.1', '1.0.0'],
    ['refs/tags/v1.0.0', '1.0.0-rc.1'],
    ['refs/tags/release-1.0.0', '1.0.0'],
    ['refs/tags/1.0', '1.0.0']
  ])('tag %s disagrees with %s: an InputError naming both versions', (ref, version) => {
    const e = thrown(() => checkTagAgreesWithFile(ref, version, 'VERSION'));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).input).toBe('version-file');
    const tag = ref.slice('refs/tags/'.length);
    expect((e as InputError).message).toContain(tag);
    expect((e as InputError).message).toContain(version);
    expect((e as InputError).message).toContain('VERSION');
  });

  test('the message says what to do', () => {
    expect(() => checkTagAgreesWithFile('refs/tags/v1.0.1', '1.0.0', 'app/VERSION')).toThrow(
      'Input "version-file": the git tag v1.0.1 does not agree with app/VERSION, which says 1.0.0; tag the release as v1.0.0 or update app/VERSION'
    );
  });
});

describe('parseVersionFile', () => {
  test.each([
    ['1.4.2', '1.4.2'],
    ['1.4.2\n', '1.4.2'],
    ['# the release\n\n  2.0.0-rc.1  \r\n', '2.0.0-rc.1'],
    ['1.0.post1', '1.0.post1'],
    ['v1.2.3', 'v1.2.3'],
    ['1.2', '1.2'],
    ['1!2.0', '1!2.0'],
    ['3.0.0\n4.0.0\n', '3.0.0']
  ])('parseVersionFile(%j) = %s', (content, version) => {
    expect(parseVersionFile(content, 'VERSION')).toBe(version);
  });

  test.each([
    ['garbage', /VERSION holds "garbage", which is neither a semantic version nor a PEP 440 version/],
    ['version: 1.2.3', /neither a semantic version nor a PEP 440 version/],
    ['', /VERSION holds no version/],
    ['# only a comment\n\n', /VERSION holds no version/],
    ['\n   \n', /VERSION holds no version/],
    ['1.2.3 # the release', /holds "1.2.3 # the release"/]
  ])('parseVersionFile(%j) is an InputError', (content, message) => {
    const e = thrown(() => parseVersionFile(content, 'VERSION'));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).input).toBe('version-file');
    expect((e as InputError).message).toMatch(message);
  });

});
