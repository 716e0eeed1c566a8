import {describe, expect, it} from '@jest/globals';
import {decide, isCommitSha, sameCommit, type Ancestry} from '../../src/pipeline/guard.js';

const OURS = 'aaaaaaa111111111111111111111111111111111';
const THEIRS = 'bbbbbbb222222222222222222222222222222222';
const early = new Date('2026-01-01T00:00:00Z');
const late = new Date('2026-01-02T00:00:00Z');

type Row = [string, {tag?: string; current?: {revision?: string}; ancestry?: Ancestry; ours?: Date; theirs?: Date; force?: boolean}, boolean, RegExp];

describe('guard against moving mutable tags backwards', () => {
  it.each<Row>([
    ['immutable sha tag, behind', {tag: `sha-${OURS.slice(0, 7)}`, ancestry: 'behind'}, true, /immutable/],
    ['immutable version tag, behind', {tag: 'v1.2.3', ancestry: 'behind'}, true, /immutable/],
    ['new tag', {current: undefined}, true, /new tag/],
    ['no revision label', {current: {}}, true, /names no commit/],
    ['revision label is not a sha', {current: {revision: 'main; rm -rf /'}, ancestry: 'behind'}, true, /names no commit/],
    ['same commit', {current: {revision: OURS}, ancestry: 'unknown'}, true, /same commit/],
    ['same commit, abbreviated', {current: {revision: OURS.slice(0, 7).toUpperCase()}, ancestry: 'behind'}, true, /same commit/],
    ['ahead', {ancestry: 'ahead'}, true, /ahead/],
    ['identical', {ancestry: 'identical'}, true, /identical/],
    ['behind', {ancestry: 'behind'}, false, /descendant/],
    ['behind, forced', {ancestry: 'behind', force: true}, true, /forced/],
    ['diverged, theirs later', {ancestry: 'diverged', ours: early, theirs: late}, false, /later.*diverged/],
    ['diverged, ours later', {ancestry: 'diverged', ours: late, theirs: early}, true, /not older/],
    ['diverged, same date', {ancestry: 'diverged', ours: early, theirs: early}, true, /not older/],
    ['unknown, theirs later', {ancestry: 'unknown', ours: early, theirs: late}, false, /unknown/],
    ['unknown, theirs later, forced', {ancestry: 'unknown', ours: early, theirs: late, force: true}, true, /forced/],
    ['unknown, no dates', {ancestry: 'unknown'}, true, /not older/],
    ['unknown, invalid date', {ancestry: 'unknown', ours: early, theirs: new Date('nope')}, true, /not older/]
  ])('%s', (_, r, move, reason) => {
    const verdict = decide({
      tag: r.tag ?? 'latest',
      ours: OURS,
      current: 'current' in r ? r.current : {revision: THEIRS},
      ancestry: r.ancestry ?? 'unknown',
      dates: {ours: r.ours, theirs: r.theirs},
      force: r.force ?? false
    });
    expect(verdict.move).toBe(move);
    expect(verdict.reason).toMatch(reason);
  });

  it.each([
    ['0123456', true],
    ['012345', false],
    ['0123456789abcdef0123456789abcdef01234567', true],
    ['g123456', false],
    [undefined, false]
  ])('isCommitSha(%s) = %s', (s, want) => expect(isCommitSha(s)).toBe(want));

  it('sameCommit compares abbreviations case-insensitively', () => {
    expect(sameCommit(OURS, OURS.slice(0, 9).toUpperCase())).toBe(true);
    expect(sameCommit(OURS, THEIRS)).toBe(false);
  });
});
