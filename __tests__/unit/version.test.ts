import {describe, expect, test} from '@jest/globals';
import {computeVersion, sanitizeTag, tagNames} from '../../src/pipeline/metadata/version.js';
import {parseTagExpression} from '../../src/pipeline/metadata/tag.js';
import {DEFAULT_FLAVOR} from '../../src/pipeline/metadata/flavor.js';
import {prepareExpressions} from '../../src/pipeline/metadata/expressions.js';
import {expressionContext, imageTags, needsCommitDate, computeMetadata} from '../../src/pipeline/metadata/index.js';
import {InputErrors} from '../../src/pipeline/inputs/errors.js';
import {fixtureContext, fixtureRepo, rejected, runPipeline} from '../support/pipeline.js';
import type {Env} from '../../src/action/runner.js';

const EPOCH = '1719585022'; // 2024-06-28T14:30:22Z

const RELEASE_TAGS = ['type=raw,value=latest,enable={{is_default_branch}}', 'type=ref,event=branch', 'type=ref,event=pr', 'type=sha'];
const SEMVER_TAGS = ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}', 'type=semver,pattern={{major}}'];

interface Row {
  name: string;
  event: string;
  env?: Env;
  tags: string[];
  flavor?: string[];
  version: string;
  tagNames: string[];
  latest?: boolean;
}

describe('release flows', () => {
  test.each<Row>([
    {
      name: 'push to the default branch: latest, branch and sha-<short>',
      event: 'event_push_master',
      tags: RELEASE_TAGS,
      version: 'master',
      tagNames: ['master', 'latest', 'sha-2665741']
    },
    {
      name: 'push to another branch: no latest',
      event: 'event_push_dev',
      tags: RELEASE_TAGS,
      version: 'dev',
      tagNames: ['dev', 'sha-860c190']
    },
    {
      name: 'pull request: pr-<n> and sha',
      event: 'event_pull_request',
      tags: RELEASE_TAGS,
      version: 'pr-15',
      tagNames: ['pr-15', 'sha-a9c8c58']
    },
    {
      name: 'pull request with DOCKER_METADATA_PR_HEAD_SHA: the head commit',
      event: 'event_pull_request',
      env: {DOCKER_METADATA_PR_HEAD_SHA: 'true'},
      tags: RELEASE_TAGS,
      version: 'pr-15',
      tagNames: ['pr-15', 'sha-3370e22']
    },
    {
      name: 'pull_request_target: the PR number, not the base branch',
      event: 'event_pull_request_target',
      tags: RELEASE_TAGS,
      version: 'pr-15',
      tagNames: ['pr-15', 'sha-2665741']
    },
    {
      name: 'tag v1.2.3 with semver {{version}}, {{major}}.{{minor}}, {{major}}',
      event: 'event_tag_v1.1.1',
      env: {GITHUB_REF: 'refs/tags/v1.2.3'},
      tags: SEMVER_TAGS,
      version: '1.2.3',
      tagNames: ['1.2.3', '1.2', '1', 'latest'],
      latest: true
    },
    {
      name: 'tag v1.2.3 with semver and sha: sha last, still latest',
      event: 'event_tag_v1.1.1',
      env: {GITHUB_REF: 'refs/tags/v1.2.3'},
      tags: ['type=sha', ...SEMVER_TAGS, 'type=ref,event=branch'],
      version: '1.2.3',
      tagNames: ['1.2.3', '1.2', '1', 'sha-860c190', 'latest'],
      latest: true
    },
    {
      name: 'prerelease v2.0.0-rc.1: the full version only, no latest, no major/minor',
      event: 'event_tag_v1.1.1',
      env: {GITHUB_REF: 'refs/tags/v2.0.0-rc.1'},
      tags: SEMVER_TAGS,
      version: '2.0.0-rc.1',
      tagNames: ['2.0.0-rc.1'],
      latest: false
    },
    {
      name: 'prerelease with {{raw}}: the tag as written',
      event: 'event_tag_v1.1.1',
      env: {GITHUB_REF: 'refs/tags/v2.0.0-rc.1'},
      tags: ['type=semver,pattern={{raw}}', 'type=semver,pattern={{major}}'],
      version: 'v2.0.0-rc.1',
      tagNames: ['v2.0.0-rc.1', '2.0.0-rc.1'],
      latest: false
    },
    {
      name: 'tag that is not semver: semver gives nothing, the ref tag is kept',
      event: 'event_tag_sometag',
      tags: [...SEMVER_TAGS, 'type=ref,event=tag'],
      version: 'sometag',
      tagNames: ['sometag', 'latest'],
      latest: true
    },
    {
      name: 'semver on a branch push: nothing from semver',
      event: 'event_push_master',
      tags: [...SEMVER_TAGS, 'type=ref,event=branch'],
      version: 'master',
      tagNames: ['master']
    },
    {
      name: 'semver value= on a branch push',
      event: 'event_push_master',
      tags: ['type=semver,pattern={{version}},value=v3.4.5', 'type=semver,pattern={{major}},value=v3.4.5'],
      version: '3.4.5',
      tagNames: ['3.4.5', '3', 'latest'],
      latest: true
    },
    {
      name: 'monorepo tag p1/v1.0.0 with match=',
      event: 'event_tag_p1-v1.0.0',
      tags: ['type=semver,pattern={{version}},match=p1/v(\\d.\\d.\\d)$', 'type=semver,pattern={{major}}.{{minor}},match=p1/v(\\d.\\d.\\d)$'],
      version: '1.0.0',
      tagNames: ['1.0.0', '1.0', 'latest'],
      latest: true
    },
    {
      name: 'type=match group 1',
      event: 'event_tag_v1.1.1',
      env: {GITHUB_REF: 'refs/tags/v1.2.3'},
      tags: ['type=match,pattern=v(\\d+).\\d+.\\d+,group=1'],
      version: '1',
      tagNames: ['1', 'latest'],
      latest: true
    },
    {
      name: 'pep440 release',
      event: 'event_tag_1.2',
      tags: ['type=pep440,pattern={{version}}', 'type=pep440,pattern={{major}}'],
      version: '1.2',
      tagNames: ['1.2', '1', 'latest'],
      latest: true
    },
    {
      name: 'pep440 prerelease: the cleaned version only',
      event: 'event_tag_1.1beta2',
      tags: ['type=pep440,pattern={{version}}', 'type=pep440,pattern={{major}}'],
      version: '1.1b2',
      tagNames: ['1.1b2']
    },
    {
      name: 'schedule: nightly',
      event: 'event_schedule',
      tags: ['type=schedule', 'type=sha'],
      version: 'nightly',
      tagNames: ['nightly', 'sha-860c190']
    },
    {
      name: 'schedule with a date pattern',
      event: 'event_schedule',
      env: {SOURCE_DATE_EPOCH: EPOCH},
      tags: ["type=schedule,pattern={{date 'YYYYMMDD'}}"],
      version: '20240628',
      tagNames: ['20240628']
    },
    {
      name: 'schedule patterns only on schedule events',
      event: 'event_push_master',
      tags: ['type=schedule', 'type=ref,event=branch'],
      version: 'master',
      tagNames: ['master']
    },
    {
      name: "dates: {{date 'YYYYMMDD'}} with SOURCE_DATE_EPOCH",
      event: 'event_push_master',
      env: {SOURCE_DATE_EPOCH: EPOCH},
      tags: ["type=raw,value={{date 'YYYYMMDD'}}"],
      version: '20240628',
      tagNames: ['20240628']
    },
    {
      name: "dates: {{date 'YYYYMMDD-HHmmss'}} with SOURCE_DATE_EPOCH",
      event: 'event_push_master',
      env: {SOURCE_DATE_EPOCH: EPOCH},
      tags: ["type=raw,value={{date 'YYYYMMDD-HHmmss'}}"],
      version: '20240628-143022',
      tagNames: ['20240628-143022']
    },
    {
      name: 'dates: a fixed clock without SOURCE_DATE_EPOCH',
      event: 'event_push_master',
      tags: ["type=raw,value={{date 'YYYYMMDD-HHmmss'}}", "type=raw,value={{date 'YYYYMMDD'}}"],
      version: '20240628-143022',
      tagNames: ['20240628-143022', '20240628']
    },
    {
      name: "dates: tz='Asia/Tokyo' in the helper",
      event: 'event_push_master',
      env: {SOURCE_DATE_EPOCH: EPOCH},
      tags: ["type=raw,value={{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}"],
      version: '20240628-233022',
      tagNames: ['20240628-233022']
    },
    {
      name: 'dates: tz=Asia/Tokyo as the expression\'s attribute',
      event: 'event_push_master',
      env: {SOURCE_DATE_EPOCH: EPOCH},
      tags: ["type=raw,value={{date 'YYYYMMDD-HHmmss'}},tz=Asia/Tokyo"],
      version: '20240628-233022',
      tagNames: ['20240628-233022']
    },
    {
      name: 'dates: branch and date',
      event: 'event_push_dev',
      env: {SOURCE_DATE_EPOCH: EPOCH},
      tags: ["type=raw,value={{branch}}-{{date 'YYYYMMDD'}}-{{sha}}"],
      version: 'dev-20240628-860c190',
      tagNames: ['dev-20240628-860c190']
    },
    {
      name: 'environment channel on the default branch',
      event: 'event_push_master',
      tags: ['type=raw,value=env-staging,enable={{is_default_branch}}', 'type=raw,value=env-dev,enable={{is_not_default_branch}}', 'type=sha'],
      version: 'env-staging',
      tagNames: ['env-staging', 'sha-2665741']
    },
    {
      name: 'environment channel on another branch',
      event: 'event_push_dev',
      tags: ['type=raw,value=env-staging,enable={{is_default_branch}}', 'type=raw,value=env-dev,enable={{is_not_default_branch}}', 'type=sha'],
      version: 'env-dev',
      tagNames: ['env-dev', 'sha-860c190']
    },
    {
      name: 'branch sanitising: feat/New_Thing!',
      event: 'event_push_dev',
      env: {GITHUB_REF: 'refs/heads/feat/New_Thing!'},
      tags: ['type=ref,event=branch'],
      version: 'feat-New_Thing-',
      tagNames: ['feat-New_Thing-']
    },
    {
      name: 'branch sanitising: my/feature#1245',
      event: 'event_push_invalidchars',
      tags: ['type=ref,event=branch', 'type=raw,value={{branch}}'],
      version: 'my-feature-1245',
      tagNames: ['my-feature-1245']
    },
    {
      name: 'edge on the default branch',
      event: 'event_push_master',
      tags: ['type=edge', 'type=ref,event=branch'],
      version: 'edge',
      tagNames: ['edge', 'master']
    },
    {
      name: 'edge on another branch: nothing',
      event: 'event_push_dev',
      tags: ['type=edge', 'type=edge,branch=main'],
      version: '',
      tagNames: []
    },
    {
      name: 'edge with branch=dev',
      event: 'event_push_dev',
      tags: ['type=edge,branch=dev'],
      version: 'edge',
      tagNames: ['edge']
    },
    {
      name: 'DOCKER_METADATA_SHORT_SHA_LENGTH=12',
      event: 'event_push_master',
      env: {DOCKER_METADATA_SHORT_SHA_LENGTH: '12'},
      tags: ['type=sha', 'type=raw,value=x-{{sha}}'],
      version: 'x-266574110acf',
      tagNames: ['x-266574110acf', 'sha-266574110acf']
    },
    {
      name: 'sha long format',
      event: 'event_push_master',
      tags: ['type=sha,format=long,prefix='],
      version: '266574110acf203503badf966df2ea24b5d732d7',
      tagNames: ['266574110acf203503badf966df2ea24b5d732d7']
    },
    {
      name: 'no sha: type=sha gives nothing',
      event: 'event_empty',
      tags: ['type=sha', 'type=raw,value=fallback'],
      version: 'fallback',
      tagNames: ['fallback']
    },
    {
      name: 'duplicates are dropped',
      event: 'event_push_master',
      tags: ['type=ref,event=branch', 'type=raw,value=master', 'type=raw,value=x', 'type=raw,value=x'],
      version: 'master',
      tagNames: ['master', 'x']
    },
    {
      name: 'enable=false drops the expression',
      event: 'event_push_master',
      tags: ['type=ref,event=branch,enable=false', 'type=sha'],
      version: 'sha-2665741',
      tagNames: ['sha-2665741']
    },
    {
      name: 'default tags on a branch push',
      event: 'event_push_dev',
      tags: [],
      version: 'dev',
      tagNames: ['dev']
    },
    {
      name: 'default tags on a tag push: the tag and latest',
      event: 'event_tag_v1.1.1',
      tags: [],
      version: 'v1.1.1',
      tagNames: ['v1.1.1', 'latest'],
      latest: true
    },
    {
      name: 'default tags on a pull request',
      event: 'event_pull_request',
      tags: [],
      version: 'pr-15',
      tagNames: ['pr-15']
    },
    {
      name: 'latest=false flavor on a release',
      event: 'event_tag_v1.1.1',
      env: {GITHUB_REF: 'refs/tags/v1.2.3'},
      tags: SEMVER_TAGS,
      flavor: ['latest=false'],
      version: '1.2.3',
      tagNames: ['1.2.3', '1.2', '1'],
      latest: false
    },
    {
      name: 'latest=true flavor on a branch',
      event: 'event_push_dev',
      tags: ['type=ref,event=branch'],
      flavor: ['latest=true'],
      version: 'dev',
      tagNames: ['dev', 'latest'],
      latest: true
    },
    {
      name: 'flavor prefix/suffix with onlatest',
      event: 'event_tag_v1.1.1',
      env: {GITHUB_REF: 'refs/tags/v1.2.3'},
      tags: SEMVER_TAGS,
      flavor: ['prefix=app-,onlatest=true', 'suffix=-slim'],
      version: 'app-1.2.3-slim',
      tagNames: ['app-1.2.3-slim', 'app-1.2-slim', 'app-1-slim', 'app-latest'],
      latest: true
    }
  ])('$name', async row => {
    const {metadata} = await runPipeline({event: row.event, env: row.env, inputs: {images: '', tags: row.tags, flavor: row.flavor}});
    expect(metadata.version.main ?? '').toBe(row.version);
    expect(metadata.tagNames).toEqual(row.tagNames);
    if (row.latest !== undefined) expect(metadata.version.latest).toBe(row.latest);
  });
});

describe('warnings and expression errors', () => {
  test.each([
    ['event_tag_sometag', ['type=semver,pattern={{version}}'], 'sometag is not a valid semver. More info: https://semver.org/'],
    ['event_tag_sometag', ['type=pep440,pattern={{version}}'], 'sometag does not conform to PEP 440. More info: https://www.python.org/dev/peps/pep-0440'],
    ['event_tag_v1.1.1', ['type=match,pattern=^x(.*)'], '^x(.*) does not match v1.1.1.'],
    ['event_tag_v1.1.1', ['type=match,pattern=v(.*),group=5'], 'Group 5 does not exist for v(.*) pattern.'],
    ['event_tag_v1.1.1', ['type=semver,pattern={{version}},match=^x(.*)'], '^x(.*) does not match v1.1.1.']
  ])('%s %j warns %j', async (event, tags, warning) => {
    const {metadata} = await runPipeline({event, inputs: {images: '', tags}});
    expect(metadata.warnings).toContain(warning);
  });

  test('every expression that cannot be evaluated is reported, with its line', async () => {
    const e = await rejected(
      runPipeline({
        event: 'event_push_master',
        inputs: {images: '', tags: ['type=sha', 'type=raw,value=a,enable=maybe', '# c', "type=raw,value={{date 'YYYY' zone='x'}}"], labels: ['ok=1', "bad={{date 'YYYY' foo='x'}}"]}
      })
    );
    expect(e).toBeInstanceOf(InputErrors);
    expect((e as InputErrors).errors.map(x => [x.input, x.line, x.text])).toEqual([
      ['tags', 2, 'type=raw,value=a,enable=maybe'],
      ['tags', 4, "type=raw,value={{date 'YYYY' zone='x'}}"],
      ['labels', 2, "bad={{date 'YYYY' foo='x'}}"]
    ]);
    expect((e as InputErrors).errors[0].message).toContain('invalid value for enable attribute: "maybe"');
    expect((e as InputErrors).errors[1].message).toContain('Unknown zone attribute');
  });
});

describe('version-file', () => {
  test.each([
    // [event, env, file version, tags, version, tag names]
    ['event_push_master', {}, '1.4.2', SEMVER_TAGS, '1.4.2', ['1.4.2', '1.4', '1', 'latest']],
    ['event_push_dev', {}, '1.4.2', [...SEMVER_TAGS, 'type=ref,event=branch'], '1.4.2', ['1.4.2', '1.4', '1', 'dev', 'latest']],
    ['event_pull_request', {}, '2.0.0-beta.1', [...SEMVER_TAGS, 'type=ref,event=pr'], '2.0.0-beta.1', ['2.0.0-beta.1', 'pr-15']],
    ['event_tag_v1.1.1', {}, '1.1.1', SEMVER_TAGS, '1.1.1', ['1.1.1', '1.1', '1', 'latest']],
    ['event_tag_p1-v1.0.0', {}, '1.0.0', SEMVER_TAGS, '1.0.0', ['1.0.0', '1.0', '1', 'latest']],
    ['event_push_master', {}, '1.4.2', ['type=semver,pattern={{version}},value=v9.9.9'], '9.9.9', ['9.9.9', 'latest']],
    ['event_push_master', {}, '1.4', ['type=pep440,pattern={{version}}'], '1.4', ['1.4', 'latest']],
    ['event_push_master', {}, '1.4.2', ['type=match,pattern=(.*)', 'type=ref,event=branch'], 'master', ['master']]
  ])('%s with %j: file %s', async (event, env, fileVersion, tags, version, names) => {
    const {metadata} = await runPipeline({event, env: env as Env, fileVersion, inputs: {images: '', tags}});
    expect(metadata.version.main ?? '').toBe(version);
    expect(metadata.tagNames).toEqual(names);
  });
});

describe('computeVersion and tagNames directly', () => {
  test('a tag expression that fails is reported through fail and skipped; the others still count', async () => {
    const tags = ['type=raw,value=a,enable={{branch}}', 'type=ref,event=branch'].map(s => parseTagExpression(s));
    await prepareExpressions(tags.flatMap(t => Object.values(t.attrs)));
    const failed: string[] = [];
    const version = computeVersion(
      {tags, flavor: DEFAULT_FLAVOR, defaultBranch: 'master'},
      expressionContext(fixtureContext('event_push_master')),
      () => undefined,
      (tag, message) => failed.push(`${tag.source}: ${message}`)
    );
    expect(version).toEqual({main: 'master', partial: [], latest: false});
    expect(failed).toEqual(['type=raw,value=a,enable={{branch}}: invalid value for enable attribute: "master" (true or false)']);
  });

  test.each([
    [{main: undefined, partial: [], latest: true}, DEFAULT_FLAVOR, []],
    [{main: '1.0', partial: ['1'], latest: false}, DEFAULT_FLAVOR, ['1.0', '1']],
    [{main: '1.0', partial: [], latest: true}, {...DEFAULT_FLAVOR, prefix: 'p-', prefixLatest: true}, ['1.0', 'p-latest']],
    [{main: '1.0', partial: [], latest: true}, {...DEFAULT_FLAVOR, suffix: '+x', suffixLatest: true}, ['1.0', 'latest-x']]
  ])('tagNames(%j, flavor)', (version, flavor, names) => {
    expect(tagNames(version, flavor)).toEqual(names);
  });

  test.each([
    ['feat/New_Thing!', 'feat-New_Thing-'],
    ['my/feature#1245', 'my-feature-1245'],
    ['1.2.3+build.5', '1.2.3-build.5'],
    ['a  b//c', 'a-b-c'],
    ['ok_1.2-x', 'ok_1.2-x'],
    ['ünïcode', '-n-code']
  ])('sanitizeTag(%j) = %j', (tag, sanitized) => {
    expect(sanitizeTag(tag)).toBe(sanitized);
  });
});

describe('metadata/index helpers', () => {
  test.each([
    [[], ['1.0', 'latest'], ['1.0', 'latest']],
    [['ghcr.io/o/a'], ['1.0', 'latest'], ['ghcr.io/o/a:1.0', 'ghcr.io/o/a:latest']],
    [['ghcr.io/o/a', 'docker.io/o/a'], ['1.0'], ['ghcr.io/o/a:1.0', 'docker.io/o/a:1.0']],
    [['ghcr.io/o/a'], [], []]
  ])('imageTags(%j, %j)', (images, names, tags) => {
    expect(imageTags(images, names)).toEqual(tags);
  });

  test.each<[{tags?: string[]; labels?: string[]; flavor?: string}, boolean]>([
    [{tags: ["type=raw,value={{commit_date 'YYYY'}}"]}, true],
    [{labels: ["built={{commit_date 'YYYY'}}"]}, true],
    [{flavor: "{{commit_date 'YYYY'}}-"}, true],
    [{tags: ["type=raw,value={{date 'YYYY'}}"]}, false],
    [{}, false]
  ])('needsCommitDate(%j) = %s', (o, expected) => {
    const inp = {
      tags: (o.tags ?? ['type=sha']).map(t => parseTagExpression(t)),
      flavor: {...DEFAULT_FLAVOR, prefix: o.flavor ?? ''},
      labels: (o.labels ?? []).map(text => ({text})),
      annotations: [],
      annotationLevels: ['manifest']
    };
    expect(needsCommitDate(inp)).toBe(expected);
  });

  test('without a commit date, {{commit_date}} is the build time', async () => {
    const ctx = fixtureContext('event_pull_request'); // no commit in a pull_request payload
    expect(ctx.commitDate).toBeUndefined();
    const metadata = await computeMetadata(
      {tags: [parseTagExpression("type=raw,value={{commit_date 'YYYYMMDD-HHmmss'}}")], flavor: DEFAULT_FLAVOR, labels: [], annotations: [], annotationLevels: ['manifest']},
      ctx,
      fixtureRepo()
    );
    expect(metadata.tagNames).toEqual(['20240628-143022']);
  });
});


describe('a tag that is not a valid OCI tag is an input error naming its expression', () => {
  test.each([
    ['a leading dash', 'type=raw,value=-nightly', '-nightly'],
    ['a leading dot', 'type=raw,value=.hidden', '.hidden'],
    ['longer than 128 characters', `type=raw,value=${'x'.repeat(129)}`, 'x'.repeat(129)]
  ])('%s', async (_name, expression, tag) => {
    const {getInputs} = await import('../../src/pipeline/inputs/index.js');
    const {computeMetadata} = await import('../../src/pipeline/metadata/index.js');
    const {workflowContext} = await import('../../src/pipeline/context/index.js');
    const {InputErrors} = await import('../../src/pipeline/inputs/errors.js');
    const inputs = getInputs({INPUT_TAGS: `type=ref,event=branch\n${expression}`});
    const ctx = workflowContext({GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'a'.repeat(40), SOURCE_DATE_EPOCH: '0'});
    const e = await computeMetadata({tags: inputs.tags, flavor: inputs.flavor, labels: [], annotations: [], annotationLevels: ['manifest']}, ctx, {name: 'r', description: '', htmlUrl: '', license: '', defaultBranch: 'main'}).then(
      () => undefined,
      (err: unknown) => err
    );
    expect(e).toBeInstanceOf(InputErrors);
    const [err] = (e as InstanceType<typeof InputErrors>).errors;
    expect(err.input).toBe('tags');
    expect(err.line).toBe(2);
    expect(err.message).toContain(`"${tag}"`);
    expect(err.message).toContain(expression);
  });
});
