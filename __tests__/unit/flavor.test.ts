import {describe, expect, test} from '@jest/globals';
import {applyFlavorLine, DEFAULT_FLAVOR, type Flavor} from '../../src/pipeline/metadata/flavor.js';
import {runPipeline} from '../support/pipeline.js';

const flavorOf = (lines: string[]): Flavor => lines.reduce(applyFlavorLine, DEFAULT_FLAVOR);

describe('applyFlavorLine', () => {
  test.each([
    [[], DEFAULT_FLAVOR],
    [['latest=auto'], {...DEFAULT_FLAVOR, latest: 'auto'}],
    [['latest=true'], {...DEFAULT_FLAVOR, latest: 'true'}],
    [['latest=false'], {...DEFAULT_FLAVOR, latest: 'false'}],
    [['prefix=app-'], {...DEFAULT_FLAVOR, prefix: 'app-'}],
    [['suffix=-alpine'], {...DEFAULT_FLAVOR, suffix: '-alpine'}],
    [['prefix=app-,onlatest=true'], {...DEFAULT_FLAVOR, prefix: 'app-', prefixLatest: true}],
    [['suffix=-alpine,onlatest=true'], {...DEFAULT_FLAVOR, suffix: '-alpine', suffixLatest: true}],
    [['prefix=app-,onlatest=true', 'suffix=-alpine'], {...DEFAULT_FLAVOR, prefix: 'app-', prefixLatest: true, suffix: '-alpine'}],
    [['prefix=app-,suffix=-alpine,onlatest=true'], {...DEFAULT_FLAVOR, prefix: 'app-', suffix: '-alpine', suffixLatest: true}],
    [['onlatest=true'], DEFAULT_FLAVOR],
    [['latest=false', 'latest=true'], {...DEFAULT_FLAVOR, latest: 'true'}],
    [['LATEST=false'], {...DEFAULT_FLAVOR, latest: 'false'}],
    [[' prefix = v '], {...DEFAULT_FLAVOR, prefix: 'v'}],
    [['prefix={{branch}}-'], {...DEFAULT_FLAVOR, prefix: '{{branch}}-'}],
    [['prefix='], DEFAULT_FLAVOR]
  ])('%j', (lines, expected) => {
    expect(flavorOf(lines)).toEqual(expected);
  });

  test('returns a copy', () => {
    const before = {...DEFAULT_FLAVOR};
    applyFlavorLine(DEFAULT_FLAVOR, 'latest=false,prefix=x');
    expect(DEFAULT_FLAVOR).toEqual(before);
  });

  test.each([
    ['latest=maybe', /^invalid latest "maybe" \(auto, true or false\)$/],
    ['latest=', /^invalid latest ""/],
    ['foo=bar', /^unknown flavor entry "foo"/],
    ['onlatest=yes', /^invalid onlatest "yes" \(true or false\)$/],
    ['prefix=a,onlatest=1', /^invalid onlatest "1"/],
    ['latest', /^"latest" is not a key=value entry/],
    ['prefix=a=b', /^"prefix=a=b" has more than one "=": a prefix value cannot contain "="/],
    ['suffix=-x=1,onlatest=true', /^"suffix=-x=1" has more than one "="/],
    ['latest=true=false', /^"latest=true=false" has more than one "="/]
  ])('%s is refused', (line, message) => {
    expect(() => applyFlavorLine(DEFAULT_FLAVOR, line)).toThrow(message);
  });
});

describe('flavor applied to the tags', () => {
  test.each([
    // [event, tags, flavor, expected tag names]
    ['event_tag_v1.1.1', ['type=semver,pattern={{version}}'], [], ['1.1.1', 'latest']],
    ['event_tag_v1.1.1', ['type=semver,pattern={{version}}'], ['latest=false'], ['1.1.1']],
    ['event_push_dev', ['type=ref,event=branch'], ['latest=true'], ['dev', 'latest']],
    ['event_tag_v1.1.1', ['type=semver,pattern={{version}}'], ['prefix=app-'], ['app-1.1.1', 'latest']],
    ['event_tag_v1.1.1', ['type=semver,pattern={{version}}'], ['prefix=app-,onlatest=true'], ['app-1.1.1', 'app-latest']],
    ['event_tag_v1.1.1', ['type=semver,pattern={{version}}'], ['suffix=-alpine'], ['1.1.1-alpine', 'latest']],
    ['event_tag_v1.1.1', ['type=semver,pattern={{version}}'], ['suffix=-alpine,onlatest=true'], ['1.1.1-alpine', 'latest-alpine']],
    ['event_tag_v1.1.1', ['type=semver,pattern={{version}}'], ['prefix=app-,onlatest=true', 'suffix=-alpine,onlatest=true'], ['app-1.1.1-alpine', 'app-latest-alpine']],
    // a tag's own prefix/suffix replaces the flavor's
    ['event_tag_v1.1.1', ['type=semver,pattern={{version}},prefix=v'], ['prefix=app-'], ['v1.1.1', 'latest']],
    ['event_tag_v1.1.1', ['type=semver,pattern={{version}},suffix='], ['suffix=-alpine,onlatest=true'], ['1.1.1', 'latest-alpine']],
    ['event_push_master', ['type=sha'], ['prefix=app-'], ['sha-2665741']],
    ['event_push_master', ['type=raw,value=main'], ['prefix={{branch}}-'], ['master-main']],
    // prefix/suffix keep the sanitising: latest gets it too
    ['event_tag_v1.1.1', ['type=semver,pattern={{version}}'], ['suffix=+x,onlatest=true'], ['1.1.1-x', 'latest-x']]
  ])('%s %j with flavor %j', async (event, tags, flavor, expected) => {
    const {metadata} = await runPipeline({event, inputs: {images: '', tags, flavor}});
    expect(metadata.tagNames).toEqual(expected);
  });

  test('latestTags names the latest tag with the flavor, even when this run makes none', async () => {
    const {metadata} = await runPipeline({event: 'event_push_dev', inputs: {images: '', tags: ['type=ref,event=branch'], flavor: ['prefix=app-,onlatest=true']}});
    expect(metadata.tagNames).toEqual(['app-dev']);
    expect(metadata.latestTags).toEqual(['app-latest']);
  });
});
