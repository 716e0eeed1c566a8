import {describe, expect, test} from '@jest/globals';
import {checkRecord, legTag, platformSlug, recordBytes, LEG_TAG_PATTERN, type LegRecord} from '../../src/pipeline/leg-record.js';

const plan = `sha256:${'ab'.repeat(32)}`;
const record: LegRecord = {
  schema: 'multiarch-publish/leg',
  schemaVersion: 1,
  plan,
  sha: 'c'.repeat(40),
  build: 'api',
  image: 'ghcr.io/acme/api',
  platform: 'linux/arm64',
  content: {mediaType: 'application/vnd.oci.image.index.v1+json', digest: `sha256:${'1'.repeat(64)}`, size: 900},
  platformDigest: `sha256:${'2'.repeat(64)}`,
  platforms: ['linux/arm64'],
  runner: 'ubuntu-24.04-arm',
  run: '42-1',
  created: '2026-12-03T00:00:00.000Z'
};
const expectation = {plan, sha: 'c'.repeat(40), build: 'api', image: 'ghcr.io/acme/api', platform: 'linux/arm64'};

describe('leg record', () => {
  test.each([
    ['linux/amd64', 'linux-amd64'],
    ['Linux/ARM/v7', 'linux-arm-v7'],
    ['linux/arm64/v8.2', 'linux-arm64-v8.2']
  ])('slug of %s is %s', (p, slug) => expect(platformSlug(p)).toBe(slug));

  test('leg tag is short, valid and matched by the pattern', () => {
    const tag = legTag(plan, 'linux/arm/v7');
    expect(tag).toBe('mp-leg-abababababababab-linux-arm-v7');
    expect(LEG_TAG_PATTERN.exec(tag)?.slice(1)).toEqual(['abababababababab', 'linux-arm-v7']);
    expect(() => legTag('sha256:xyz', 'linux/amd64')).toThrow(/not a plan digest/);
  });

  test('bytes are deterministic and carry the subject', () => {
    const a = recordBytes(record);
    const b = recordBytes({...record});
    expect(a.manifest.digest).toBe(b.manifest.digest);
    const m = JSON.parse(new TextDecoder().decode(a.manifest.bytes));
    expect(m.subject).toEqual(record.content);
    expect(m.config.digest).toBe(a.config.digest);
    expect(JSON.parse(new TextDecoder().decode(a.config.bytes))).toEqual(record);
  });

  test('a valid record passes', () => expect(checkRecord(JSON.parse(JSON.stringify(record)), expectation)).toEqual({record}));

  test.each([
    ['another plan', {plan: `sha256:${'cd'.repeat(32)}`}, /another plan/],
    ['another commit', {sha: 'd'.repeat(40)}, /commit d+, not the plan's/],
    ['another image', {image: 'ghcr.io/acme/worker'}, /belongs to ghcr.io\/acme\/worker/],
    ['another platform', {platform: 'linux/amd64'}, /is for linux\/amd64, not linux\/arm64/],
    ['another schema version', {schemaVersion: 2}, /schema version 2/],
    ['a bad content digest', {content: {mediaType: 'x', digest: 'sha256:1', size: 1}}, /content descriptor/],
    ['a bad platform', {platform: 'linux/nope'}, /invalid platform/]
  ])('%s is refused', (_what, change, reason) => {
    const out = checkRecord({...record, ...change}, expectation);
    expect('reason' in out && out.reason).toMatch(reason as RegExp);
  });

  test('not a record', () => expect(checkRecord(null, expectation)).toEqual({reason: 'is not a multiarch-publish leg record'}));
});
