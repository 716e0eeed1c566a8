import {describe, expect, test} from '@jest/globals';
import {defaultOciEntries, mergeEntries, toLines, resolveLabels, resolveAnnotations, splitAnnotationLevel, type CustomEntry} from '../../src/pipeline/metadata/labels.js';
import {expressionContext} from '../../src/pipeline/metadata/index.js';
import {prepareExpressions} from '../../src/pipeline/metadata/expressions.js';
import {fixtureContext, fixtureRepo, runPipeline, FIXED_NOW} from '../support/pipeline.js';

const CREATED = FIXED_NOW.toISOString(); // 2024-06-28T14:30:22.000Z
const MASTER_SHA = '266574110acf203503badf966df2ea24b5d732d7';

/** The eight default entries of a push to master (repo.json: octocat/Hello-World), sorted by key. */
const DEFAULTS_MASTER = [
  `org.opencontainers.image.created=${CREATED}`,
  'org.opencontainers.image.description=This your first repo!',
  'org.opencontainers.image.licenses=MIT',
  `org.opencontainers.image.revision=${MASTER_SHA}`,
  'org.opencontainers.image.source=https://github.com/octocat/Hello-World',
  'org.opencontainers.image.title=Hello-World',
  'org.opencontainers.image.url=https://github.com/octocat/Hello-World',
  'org.opencontainers.image.version=master'
];

const entries = (lines: string[]): CustomEntry[] => lines.map(text => splitAnnotationLevel(text));
/** key=value lines in metadata-action's order (keys by localeCompare). */
const sorted = (lines: string[]): string[] => [...lines].sort((a, b) => a.split('=')[0].localeCompare(b.split('=')[0]));

describe('default OCI entries', () => {
  test.each([
    [
      'from the repository API',
      fixtureRepo(),
      '1.2.3',
      [
        'org.opencontainers.image.title=Hello-World',
        'org.opencontainers.image.description=This your first repo!',
        'org.opencontainers.image.url=https://github.com/octocat/Hello-World',
        'org.opencontainers.image.source=https://github.com/octocat/Hello-World',
        'org.opencontainers.image.version=1.2.3',
        `org.opencontainers.image.created=${CREATED}`,
        `org.opencontainers.image.revision=${MASTER_SHA}`,
        'org.opencontainers.image.licenses=MIT'
      ]
    ],
    [
      'an empty repository and no version',
      {name: '', description: '', htmlUrl: '', license: '', defaultBranch: ''},
      undefined,
      [
        'org.opencontainers.image.title=',
        'org.opencontainers.image.description=',
        'org.opencontainers.image.url=',
        'org.opencontainers.image.source=',
        'org.opencontainers.image.version=',
        `org.opencontainers.image.created=${CREATED}`,
        `org.opencontainers.image.revision=${MASTER_SHA}`,
        'org.opencontainers.image.licenses='
      ]
    ]
  ])('%s', (_name, repo, version, expected) => {
    expect(defaultOciEntries(repo, version, FIXED_NOW, MASTER_SHA)).toEqual(expected);
  });
});

describe('mergeEntries', () => {
  test.each([
    ['later entries win', ['a=1', 'b=2', 'a=3'], ['a=3', 'b=2']],
    ['entries without = are dropped', ['a=1', 'novalue', 'b=2'], ['a=1', 'b=2']],
    ['foo= is kept with an empty value', ['foo=', 'a=1'], ['a=1', 'foo=']],
    ['a value keeps its further =', ['url=https://x/?a=b&c=d'], ['url=https://x/?a=b&c=d']],
    ['keys sorted', ['z=1', 'a.b=2', 'a-b=3', 'a=4', 'a0=5'], ['a=4', 'a-b=3', 'a.b=2', 'a0=5', 'z=1']],
    ['keys are not trimmed (as metadata-action)', [' a=1', 'a=2'], [' a=1', 'a=2']],
    ['an empty list', [], []]
  ])('%s', (_name, input, expected) => {
    expect(toLines(mergeEntries(input))).toEqual(expected);
  });

  test('OCI-style keys sort as localeCompare sorts them (metadata-action\'s order)', () => {
    const keys = [
      'org.opencontainers.image.version',
      'org.opencontainers.image.created',
      'org.opencontainers.image.title',
      'org.opencontainers.image.source',
      'org.opencontainers.image.url',
      'org.opencontainers.image.revision',
      'org.opencontainers.image.licenses',
      'org.opencontainers.image.description',
      'org.opencontainers.image.base.name',
      'org.opencontainers.image.base.digest',
      'org.opencontainers.image.ref.name',
      'io.artifacthub.package.readme-url',
      'io.artifacthub.package.maintainers',
      'com.example.v2',
      'com.example.v10',
      'com.example-a',
      'com.example.a',
      'maintainer',
      'Maintainer',
      'a_b',
      'a-b'
    ];
    const expected = [...keys].sort((a, b) => a.localeCompare(b));
    expect([...mergeEntries(keys.map(k => `${k}=x`)).keys()]).toEqual(expected);
  });
});

describe('labels', () => {
  test.each([
    ['defaults only', [], DEFAULTS_MASTER],
    [
      'a custom label is added in key order',
      ['maintainer=CrazyMax'],
      sorted([...DEFAULTS_MASTER, 'maintainer=CrazyMax'])
    ],
    [
      'custom labels override the defaults',
      ['org.opencontainers.image.title=MyCustomTitle', 'org.opencontainers.image.description=Another description', 'org.opencontainers.image.vendor=MyCompany'],
      [
        `org.opencontainers.image.created=${CREATED}`,
        'org.opencontainers.image.description=Another description',
        'org.opencontainers.image.licenses=MIT',
        `org.opencontainers.image.revision=${MASTER_SHA}`,
        'org.opencontainers.image.source=https://github.com/octocat/Hello-World',
        'org.opencontainers.image.title=MyCustomTitle',
        'org.opencontainers.image.url=https://github.com/octocat/Hello-World',
        'org.opencontainers.image.vendor=MyCompany',
        'org.opencontainers.image.version=master'
      ]
    ],
    ['an entry without = is dropped', ['novalue'], DEFAULTS_MASTER],
    [
      'foo= is kept; an empty value overrides a default',
      ['foo=', 'org.opencontainers.image.licenses='],
      ['foo=', ...DEFAULTS_MASTER.map(l => (l.startsWith('org.opencontainers.image.licenses=') ? 'org.opencontainers.image.licenses=' : l))]
    ],
    ['a value with =', ['org.opencontainers.image.url=https://example.com/?a=b'], DEFAULTS_MASTER.map(l => (l.startsWith('org.opencontainers.image.url=') ? 'org.opencontainers.image.url=https://example.com/?a=b' : l))],
    [
      'expressions in labels',
      ['org.opencontainers.image.version={{branch}}-{{sha}}', 'built-on={{is_default_branch}}'],
      ['built-on=true', ...DEFAULTS_MASTER.map(l => (l.startsWith('org.opencontainers.image.version=') ? 'org.opencontainers.image.version=master-2665741' : l))]
    ]
  ])('%s', async (_name, labels, expected) => {
    const {metadata} = await runPipeline({event: 'event_push_master', inputs: {images: 'user/app', tags: ['type=ref,event=branch'], labels}});
    expect(metadata.labels).toEqual(expected);
  });

  test('the version label follows the computed version (a tag push)', async () => {
    const {metadata} = await runPipeline({event: 'event_tag_v1.1.1', env: {GITHUB_REF: 'refs/tags/v1.2.3'}, inputs: {images: 'user/app', tags: ['type=semver,pattern={{version}}']}});
    expect(metadata.labels).toContain('org.opencontainers.image.version=1.2.3');
    expect(metadata.labels).toContain('org.opencontainers.image.revision=860c1904a1ce19322e91ac35af1ab07466440c37');
  });

  test('resolveLabels applies per-build overrides after the custom lines', async () => {
    const ctx = expressionContext(fixtureContext('event_push_master'));
    await prepareExpressions(['{{branch}}']);
    const map = resolveLabels(
      defaultOciEntries(fixtureRepo(), 'master', FIXED_NOW, MASTER_SHA),
      [{text: 'org.opencontainers.image.title={{branch}}'}],
      ctx,
      ['org.opencontainers.image.title=Per-build title']
    );
    expect(map.get('org.opencontainers.image.title')).toBe('Per-build title');
  });
});

describe('annotations', () => {
  test.each([
    ['default level (manifest): defaults', [], ['manifest'], DEFAULTS_MASTER.map(l => `manifest:${l}`)],
    [
      'DOCKER_METADATA_ANNOTATIONS_LEVELS=manifest,index: the defaults at both, level by level',
      [],
      ['manifest', 'index'],
      [...DEFAULTS_MASTER.map(l => `manifest:${l}`), ...DEFAULTS_MASTER.map(l => `index:${l}`)]
    ],
    [
      'a line without a level goes to every default level',
      ['foo=bar'],
      ['manifest', 'index'],
      [...sorted([...DEFAULTS_MASTER, 'foo=bar']).map(l => `manifest:${l}`), ...sorted([...DEFAULTS_MASTER, 'foo=bar']).map(l => `index:${l}`)]
    ],
    [
      'index:key=value only at index (index not a default level: no defaults there)',
      ['index:foo=bar'],
      ['manifest'],
      [...DEFAULTS_MASTER.map(l => `manifest:${l}`), 'index:foo=bar']
    ],
    [
      'index:key=value only at index (index a default level)',
      ['index:foo=bar'],
      ['manifest', 'index'],
      [...DEFAULTS_MASTER.map(l => `manifest:${l}`), ...sorted([...DEFAULTS_MASTER, 'foo=bar']).map(l => `index:${l}`)]
    ],
    [
      'several levels on one line',
      ['manifest,index:foo=bar'],
      ['manifest'],
      [...sorted([...DEFAULTS_MASTER, 'foo=bar']).map(l => `manifest:${l}`), 'index:foo=bar']
    ],
    [
      'a level-specific override of a default',
      ['manifest:org.opencontainers.image.title=Manifest title'],
      ['manifest', 'index'],
      [
        ...DEFAULTS_MASTER.map(l => `manifest:${l.startsWith('org.opencontainers.image.title=') ? 'org.opencontainers.image.title=Manifest title' : l}`),
        ...DEFAULTS_MASTER.map(l => `index:${l}`)
      ]
    ],
    [
      'a descriptor level with a platform',
      ['manifest-descriptor[linux/amd64]:foo=bar'],
      ['manifest'],
      [...DEFAULTS_MASTER.map(l => `manifest:${l}`), 'manifest-descriptor[linux/amd64]:foo=bar']
    ],
    [
      'an entry without = is dropped, foo= is kept',
      ['index:novalue', 'index:foo='],
      ['manifest'],
      [...DEFAULTS_MASTER.map(l => `manifest:${l}`), 'index:foo=']
    ]
  ])('%s', async (_name, annotations, levels, expected) => {
    const {metadata} = await runPipeline({event: 'event_push_master', inputs: {images: 'user/app', tags: ['type=ref,event=branch'], annotations}, annotationLevels: levels});
    expect(metadata.annotations).toEqual(expected);
  });

  test('resolveAnnotations applies per-build overrides at every level', () => {
    const ctx = expressionContext(fixtureContext('event_push_master'));
    const out = resolveAnnotations(['a=1', 'b=2'], entries(['index:c=3']), ctx, ['manifest'], ['a=override']);
    expect(out).toEqual(['manifest:a=override', 'manifest:b=2', 'index:a=override', 'index:c=3']);
  });

  test.each([
    ['foo=bar', {text: 'foo=bar'}],
    ['index:foo=bar', {levels: ['index'], text: 'foo=bar'}],
    ['manifest,index:foo=bar', {levels: ['manifest', 'index'], text: 'foo=bar'}],
    ['index-descriptor:foo=bar', {levels: ['index-descriptor'], text: 'foo=bar'}],
    ['manifest-descriptor[linux/arm64]:a=b', {levels: ['manifest-descriptor[linux/arm64]'], text: 'a=b'}],
    ['org.opencontainers.image.url=https://example.com', {text: 'org.opencontainers.image.url=https://example.com'}],
    ['layer:foo=bar', {text: 'layer:foo=bar'}],
    ['INDEX:foo=bar', {text: 'INDEX:foo=bar'}],
    ['manifest,bogus:foo=bar', {text: 'manifest,bogus:foo=bar'}]
  ])('splitAnnotationLevel(%j)', (line, expected) => {
    expect(splitAnnotationLevel(line)).toEqual(expected);
  });
});
