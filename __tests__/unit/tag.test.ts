import {describe, expect, test} from '@jest/globals';
import {
  parseTagExpression,
  sortByPriority,
  describeTag,
  matchRegex,
  checkTimeZone,
  DEFAULT_PRIORITIES,
  DEFAULT_TAG_EXPRESSIONS,
  type TagExpression
} from '../../src/pipeline/metadata/tag.js';

describe('parseTagExpression', () => {
  test.each([
    // [source, type, attrs, priority] — the attrs as metadata-action's Parse leaves them
    ['type=schedule', 'schedule', {pattern: 'nightly', enable: 'true', priority: '1000'}, 1000],
    ["type=schedule,pattern={{date 'YYYYMMDD'}}", 'schedule', {pattern: "{{date 'YYYYMMDD'}}", enable: 'true', priority: '1000'}, 1000],
    ['type=semver,pattern={{version}}', 'semver', {pattern: '{{version}}', value: '', match: '', enable: 'true', priority: '900'}, 900],
    ['type=semver,pattern={{version}},value=v1.2.3', 'semver', {pattern: '{{version}}', value: 'v1.2.3', match: '', enable: 'true', priority: '900'}, 900],
    ['type=semver,pattern={{version}},match=v(\\d.\\d.\\d)$', 'semver', {pattern: '{{version}}', value: '', match: 'v(\\d.\\d.\\d)$', enable: 'true', priority: '900'}, 900],
    ['type=pep440,pattern={{major}}.{{minor}}', 'pep440', {pattern: '{{major}}.{{minor}}', value: '', match: '', enable: 'true', priority: '900'}, 900],
    ['type=match,pattern=v(.*)', 'match', {pattern: 'v(.*)', group: '0', value: '', enable: 'true', priority: '800'}, 800],
    ['type=match,pattern=v(.*),group=1', 'match', {pattern: 'v(.*)', group: '1', value: '', enable: 'true', priority: '800'}, 800],
    ['type=edge', 'edge', {branch: '', enable: 'true', priority: '700'}, 700],
    ['type=edge,branch=develop', 'edge', {branch: 'develop', enable: 'true', priority: '700'}, 700],
    ['type=ref,event=branch', 'ref', {event: 'branch', enable: 'true', priority: '600'}, 600],
    ['type=ref,event=tag', 'ref', {event: 'tag', enable: 'true', priority: '600'}, 600],
    ['type=ref,event=pr', 'ref', {event: 'pr', prefix: 'pr-', enable: 'true', priority: '600'}, 600],
    ['type=ref,event=pr,prefix=', 'ref', {event: 'pr', prefix: '', enable: 'true', priority: '600'}, 600],
    ['type=raw,value=latest', 'raw', {value: 'latest', enable: 'true', priority: '200'}, 200],
    ['latest', 'raw', {value: 'latest', enable: 'true', priority: '200'}, 200],
    ['type=raw,value=env-staging,enable={{is_default_branch}}', 'raw', {value: 'env-staging', enable: '{{is_default_branch}}', priority: '200'}, 200],
    ['type=raw,value=', 'raw', {value: '', enable: 'true', priority: '200'}, 200],
    ['type=raw,value=a=b', 'raw', {value: 'a=b', enable: 'true', priority: '200'}, 200],
    ['type=raw,"value=a,b"', 'raw', {value: 'a,b', enable: 'true', priority: '200'}, 200],
    [' type = raw , value = spaced ', 'raw', {value: 'spaced', enable: 'true', priority: '200'}, 200],
    ['TYPE=raw,VALUE=x', 'raw', {value: 'x', enable: 'true', priority: '200'}, 200],
    ['type=sha', 'sha', {prefix: 'sha-', format: 'short', enable: 'true', priority: '100'}, 100],
    ['type=sha,format=long,prefix=', 'sha', {prefix: '', format: 'long', enable: 'true', priority: '100'}, 100],
    ['type=sha,prefix=commit-,suffix=-x', 'sha', {prefix: 'commit-', suffix: '-x', format: 'short', enable: 'true', priority: '100'}, 100],
    ['type=sha,priority=1500', 'sha', {prefix: 'sha-', format: 'short', enable: 'true', priority: '1500'}, 1500],
    ['type=raw,value=x,priority=-1', 'raw', {value: 'x', enable: 'true', priority: '-1'}, -1],
    ["type=raw,value={{date 'YYYYMMDD'}},tz=Asia/Tokyo", 'raw', {value: "{{date 'YYYYMMDD'}}", tz: 'Asia/Tokyo', enable: 'true', priority: '200'}, 200]
  ])('%s', (source, type, attrs, priority) => {
    const tag = parseTagExpression(source);
    expect(tag.type).toBe(type);
    expect(tag.attrs).toEqual(attrs);
    expect(tag.priority).toBe(priority);
    expect(tag.source).toBe(source);
    expect(tag.line).toBeUndefined();
  });

  test.each([
    ['type=foo', /^unknown tag type "foo" \(expected one of schedule, semver, pep440, match, edge, ref, raw, sha\)$/],
    ['type=sha,formatt=long', /^unknown attribute "formatt"/],
    ['type=raw,value=x,tag=y', /^unknown attribute "tag"/],
    ['type=sha,format=foo', /^invalid format "foo" for type=sha \(one of short, long\)$/],
    ['type=match,pattern=v(.*),group=foo', /^invalid match group "foo"/],
    ['type=match,pattern=(', /^pattern "\(" is not a valid regular expression/],
    ['type=match,pattern=/a(/i', /^pattern "a\(" is not a valid regular expression/],
    ['type=match,pattern=/a/z', /^pattern "a" is not a valid regular expression/],
    ['type=semver,pattern={{version}},match=(', /^match "\(" is not a valid regular expression/],
    ['type=ref,event=foo', /^invalid event "foo" for type=ref \(one of branch, tag, pr\)$/],
    ['type=ref', /^missing event attribute for type=ref/],
    ['type=raw', /^missing value attribute for type=raw$/],
    ['type=semver', /^missing pattern attribute for type=semver$/],
    ['type=pep440', /^missing pattern attribute for type=pep440$/],
    ['type=match', /^missing pattern attribute for type=match$/],
    ['type=raw,value=a,priority=x', /^invalid priority "x"/],
    ['type=raw,value=a,priority=', /^invalid priority ""/],
    ['type=raw,value=a,priority=Infinity', /^invalid priority "Infinity"/],
    ['type=raw,value=a,priority=1.5', /^invalid priority "1.5"/],
    ['type=raw,value=a,priority=1e3', /^invalid priority "1e3"/],
    ['type=match,pattern=v(.*),group=-1', /^invalid match group "-1"/],
    ['type=match,pattern=v(.*),group=1.5', /^invalid match group "1.5"/],
    ['type=match,pattern=v(.*),group=abc', /^invalid match group "abc"/],
    ['type=raw,value=a,tz=Nowhere/Land', /^unknown time zone "Nowhere\/Land"/],
    ['type=raw,"value=a', /^cannot be read as comma-separated fields/]
  ])('%s is refused', (source, message) => {
    expect(() => parseTagExpression(source)).toThrow(message);
  });
});

describe('sortByPriority', () => {
  const tags = (sources: string[]): TagExpression[] => sources.map(s => parseTagExpression(s));
  test.each([
    [[], []],
    [DEFAULT_TAG_EXPRESSIONS, DEFAULT_TAG_EXPRESSIONS],
    [
      ['type=sha', 'type=ref,event=branch', 'type=raw,value=latest,enable={{is_default_branch}}'],
      ['type=ref,event=branch', 'type=raw,value=latest,enable={{is_default_branch}}', 'type=sha']
    ],
    [
      ['type=semver,pattern={{major}}', 'type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}'],
      ['type=semver,pattern={{major}}', 'type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}']
    ],
    [
      ['type=raw,value=last,priority=1', 'type=raw,value=first,priority=5000', 'type=schedule'],
      ['type=raw,value=first,priority=5000', 'type=schedule', 'type=raw,value=last,priority=1']
    ]
  ])('%j', (written, sorted) => {
    const input = tags(written);
    expect(sortByPriority(input).map(t => t.source)).toEqual(sorted);
    expect(input.map(t => t.source)).toEqual(written); // a sorted copy; the input stays as it was
  });

  test('the default priorities are metadata-action\'s', () => {
    expect(DEFAULT_PRIORITIES).toEqual({schedule: 1000, semver: 900, pep440: 900, match: 800, edge: 700, ref: 600, raw: 200, sha: 100});
  });
});

describe('helpers', () => {
  test.each([
    ['v(.*)', 'v1.2.3', ['v1.2.3', '1.2.3']],
    ['/^V(\\d+)$/i', 'v12', ['v12', '12']],
    ['\\d{8}', 'release-20240628', ['20240628']]
  ])('matchRegex(%s) on %s', (pattern, value, groups) => {
    expect([...(value.match(matchRegex(pattern)) ?? [])]).toEqual(groups);
  });

  test.each(['UTC', 'Asia/Tokyo', 'Europe/Paris', 'America/New_York'])('checkTimeZone(%s) accepts it', tz => {
    expect(() => checkTimeZone(tz)).not.toThrow();
  });

  test.each(['Mars/Olympus', 'Not a zone', 'Europe/Pariss'])('checkTimeZone(%s) refuses it', tz => {
    expect(() => checkTimeZone(tz)).toThrow(`unknown time zone "${tz}"`);
  });

  test.each([
    ['type=sha', 'type=sha,prefix=sha-,format=short,enable=true,priority=100'],
    ['type=ref,event=pr', 'type=ref,event=pr,prefix=pr-,enable=true,priority=600'],
    ['type=raw,value=latest', 'type=raw,value=latest,enable=true,priority=200']
  ])('describeTag(%s)', (source, described) => {
    expect(describeTag(parseTagExpression(source))).toBe(described);
  });
});
