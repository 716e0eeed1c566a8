import {describe, expect, it} from '@jest/globals';
import {holdsCommitSha, holdsFullVersion, orderForMoving, tagKind} from '../../src/pipeline/tag-kinds.js';

const sha = '0123456789abcdef0123456789abcdef01234567';

describe('tag kinds', () => {
  it.each([
    ['sha-0123456', true],
    ['0123456789abcdef0123456789abcdef01234567', true],
    ['main-0123456789', true],
    ['sha-012345', false], // too short
    ['fix-0123456x', false], // not a whole token
    ['build-2024061234567', false], // digits, not the SHA
    ['sha-1234567', false], // not a prefix of the SHA
    ['latest', false]
  ])('%s holds the commit SHA: %s', (tag, want) => expect(holdsCommitSha(tag, sha)).toBe(want));

  it('a SHA that is not hex holds nothing', () => expect(holdsCommitSha('sha-0123456', '')).toBe(false));

  it.each([
    ['1.2.3', true],
    ['v1.2.3', true],
    ['1.2.3-rc.1', true],
    ['app-10.20.30', true],
    ['1.2', false],
    ['1', false],
    ['1.2.3.4', false],
    ['latest', false]
  ])('%s holds a full version: %s', (tag, want) => expect(holdsFullVersion(tag)).toBe(want));

  it('orders immutable tags before mutable ones', () => {
    expect(orderForMoving(['latest', '1', '1.2', '1.2.3', 'sha-0123456', 'main'], sha)).toEqual({immutable: ['1.2.3', 'sha-0123456'], mutable: ['latest', '1', '1.2', 'main']});
    expect(tagKind('env-prod', sha)).toBe('mutable');
  });
});
