import {describe, expect, test} from '@jest/globals';
import {InputErrors} from '../../src/pipeline/inputs/errors.js';
import {qualifyImageName, pushDecision, standardBuildArgs} from '../../src/pipeline/plan.js';
import {rejected, runPipeline, FIXED_NOW} from '../support/pipeline.js';
import type {PushMode} from '../../src/pipeline/inputs/index.js';

const MASTER_SHA = '266574110acf203503badf966df2ea24b5d732d7';

describe('qualifyImageName', () => {
  test.each([
    // [name, registry, owner, qualified]
    ['app', 'ghcr.io', 'octo-org', 'ghcr.io/octo-org/app'],
    ['App', 'ghcr.io', 'Octo-Org', 'ghcr.io/octo-org/app'],
    ['owner/repo', 'ghcr.io', 'someone', 'ghcr.io/owner/repo'],
    ['Owner/Repo', 'ghcr.io', 'someone', 'ghcr.io/owner/repo'],
    ['team/sub/app', 'ghcr.io', 'o', 'ghcr.io/team/sub/app'],
    ['ghcr.io/user/app', 'ghcr.io', 'o', 'ghcr.io/user/app'],
    ['ghcr.io/MyUSER/MyApp', 'ghcr.io', 'o', 'ghcr.io/myuser/myapp'],
    ['quay.io/user/app', 'ghcr.io', 'o', 'quay.io/user/app'],
    ['docker.io/user/app', 'ghcr.io', 'o', 'docker.io/user/app'],
    ['localhost/app', 'ghcr.io', 'o', 'localhost/app'],
    ['localhost:5000/app', 'ghcr.io', 'o', 'localhost:5000/app'],
    ['127.0.0.1:5000/team/app', 'ghcr.io', 'o', '127.0.0.1:5000/team/app'],
    // docker.io: names as written (Docker Hub's own short forms)
    ['app', 'docker.io', 'o', 'app'],
    ['user/app', 'docker.io', 'o', 'user/app'],
    ['ghcr.io/user/app', 'docker.io', 'o', 'ghcr.io/user/app'],
    // another registry
    ['app', 'registry.example.com:5000', 'o', 'registry.example.com:5000/o/app'],
    ['user/app', '127.0.0.1:5000', 'o', '127.0.0.1:5000/user/app'],
    // a registry with a namespace: the name goes under it
    ['app', 'ghcr.io/my-org', 'o', 'ghcr.io/my-org/app'],
    ['team/app', 'ghcr.io/my-org', 'o', 'ghcr.io/my-org/team/app']
  ])('%s on %s (owner %s) -> %s', (name, registry, owner, qualified) => {
    expect(qualifyImageName(name, registry, owner)).toBe(qualified);
  });
});

describe('push decision', () => {
  test.each<[PushMode, string, boolean]>([
    ['auto', 'push', true],
    ['auto', 'create', true],
    ['auto', 'release', true],
    ['auto', 'schedule', true],
    ['auto', 'workflow_dispatch', true],
    ['auto', 'repository_dispatch', true],
    ['auto', 'registry_package', true],
    ['auto', 'pull_request', false],
    ['auto', 'pull_request_target', false],
    ['auto', 'pull_request_review', false],
    ['auto', 'merge_group', false],
    ['auto', 'issues', false],
    ['auto', 'discussion', false],
    ['auto', '', false],
    ['true', 'pull_request', true],
    ['true', '', true],
    ['false', 'push', false],
    ['false', 'release', false]
  ])('push: %s on %j -> %s', (mode, event, push) => {
    const d = pushDecision(mode, event);
    expect(d.push).toBe(push);
    expect(d.reason).toBeTruthy();
  });

  test.each([
    ['event_push_master', undefined, true, 'push event'],
    ['event_push_dev', undefined, true, 'push event'],
    ['event_tag_v1.1.1', undefined, true, 'push event'],
    ['event_release_created', undefined, true, 'release event'],
    ['event_schedule', undefined, true, 'schedule event'],
    ['event_workflow_dispatch', undefined, true, 'workflow_dispatch event'],
    ['event_pull_request', undefined, false, 'pull_request event: built as a check, not pushed'],
    ['event_pull_request_target', undefined, false, 'pull_request_target event: built as a check, not pushed'],
    ['event_issue_opened', undefined, false, 'issues event: not a publishing event (set push: true to publish)'],
    ['event_pull_request', 'true', true, 'push: true'],
    ['event_push_master', 'false', false, 'push: false'],
    ['event_push_master', 'auto', true, 'push event']
  ])('%s with push=%s: %s', async (event, push, expected, reason) => {
    const {plan} = await runPipeline({event, inputs: {images: 'user/app', push}});
    expect(plan.push).toBe(expected);
    expect(plan.pushReason).toBe(reason);
    for (const b of plan.builds) expect(b.push).toBe(expected);
  });
});

describe('builds', () => {
  test.each([
    {
      name: 'default: the repository, qualified and lower-cased',
      images: undefined,
      builds: [{id: 'test-docker-action', images: ['ghcr.io/docker/test-docker-action'], file: 'Dockerfile', context: '.', platforms: ['linux/amd64', 'linux/arm64']}]
    },
    {
      name: 'same settings: one build under several names',
      images: ['app', 'docker.io/user/app', 'quay.io/user/app'],
      builds: [{id: 'app', images: ['ghcr.io/docker/app', 'docker.io/user/app', 'quay.io/user/app'], file: 'Dockerfile'}]
    },
    {
      name: 'different files: separate builds, unique ids',
      images: ['name=app,file=app.Dockerfile', 'name=other/app,file=other.Dockerfile', 'name=third/app,file=third.Dockerfile'],
      builds: [
        {id: 'app', images: ['ghcr.io/docker/app'], file: 'app.Dockerfile'},
        {id: 'app-2', images: ['ghcr.io/other/app'], file: 'other.Dockerfile'},
        {id: 'app-3', images: ['ghcr.io/third/app'], file: 'third.Dockerfile'}
      ]
    },
    {
      name: 'grouped by file, context, target and platforms',
      images: [
        'name=api,context=api,target=prod',
        'name=mirror/api,context=api,target=prod',
        'name=api-debug,context=api,target=debug',
        'name=web,context=web',
        'name=web-arm,context=web,platforms=linux/arm64'
      ],
      builds: [
        {id: 'api', images: ['ghcr.io/docker/api', 'ghcr.io/mirror/api'], context: 'api', file: 'api/Dockerfile', target: 'prod', platforms: ['linux/amd64', 'linux/arm64']},
        {id: 'api-debug', images: ['ghcr.io/docker/api-debug'], context: 'api', file: 'api/Dockerfile', target: 'debug'},
        {id: 'web', images: ['ghcr.io/docker/web'], context: 'web', file: 'web/Dockerfile', platforms: ['linux/amd64', 'linux/arm64']},
        {id: 'web-arm', images: ['ghcr.io/docker/web-arm'], context: 'web', platforms: ['linux/arm64']}
      ]
    },
    {
      name: 'per-image platforms equal to the default platforms group with it',
      images: ['a', 'name=b,platforms=linux/amd64,linux/arm64'],
      builds: [{id: 'a', images: ['ghcr.io/docker/a', 'ghcr.io/docker/b'], platforms: ['linux/amd64', 'linux/arm64']}]
    },
    {
      name: 'disabled images are left out',
      images: ['a', 'b,enable=false'],
      builds: [{id: 'a', images: ['ghcr.io/docker/a']}]
    },
    {
      name: 'every image disabled: one bare build',
      images: ['a,enable=false'],
      builds: [{id: 'default', images: [], file: 'Dockerfile', context: '.'}]
    },
    {
      name: 'explicitly empty images: one bare build',
      images: '',
      builds: [{id: 'default', images: [], file: 'Dockerfile', context: '.'}]
    },
    {
      name: 'the same name twice is one name',
      images: ['user/app', 'User/App'],
      builds: [{id: 'app', images: ['ghcr.io/user/app']}]
    },
    {
      name: 'ids keep letters, digits, _ and -',
      images: ['name=my.app,file=a', 'name=x/my.app,file=b'],
      builds: [
        {id: 'my-app', images: ['ghcr.io/docker/my.app']},
        {id: 'my-app-2', images: ['ghcr.io/x/my.app']}
      ]
    }
  ])('$name', async ({images, builds}) => {
    const {plan} = await runPipeline({event: 'event_push_master', inputs: {images}});
    expect(plan.builds).toHaveLength(builds.length);
    builds.forEach((b, i) => expect(plan.builds[i]).toMatchObject(b));
    expect(new Set(plan.builds.map(b => b.id)).size).toBe(plan.builds.length);
  });

  test('registry docker.io keeps names as written (lower-cased)', async () => {
    const {plan} = await runPipeline({event: 'event_push_master', inputs: {images: ['user/app', 'ghcr.io/user/app'], registry: 'docker.io', tags: ['type=ref,event=branch']}});
    expect(plan.registry).toBe('docker.io');
    expect(plan.builds[0].images).toEqual(['user/app', 'ghcr.io/user/app']);
    expect(plan.builds[0].tags).toEqual(['user/app:master', 'ghcr.io/user/app:master']);
  });

  test('tags: every image with every tag name, image by image', async () => {
    const {plan, metadata} = await runPipeline({
      event: 'event_push_master',
      inputs: {images: ['app', 'quay.io/user/app'], tags: ['type=raw,value=latest,enable={{is_default_branch}}', 'type=ref,event=branch', 'type=sha']}
    });
    expect(metadata.tagNames).toEqual(['master', 'latest', 'sha-2665741']);
    expect(plan.builds[0].tagNames).toEqual(metadata.tagNames);
    expect(plan.builds[0].tags).toEqual([
      'ghcr.io/docker/app:master',
      'ghcr.io/docker/app:latest',
      'ghcr.io/docker/app:sha-2665741',
      'quay.io/user/app:master',
      'quay.io/user/app:latest',
      'quay.io/user/app:sha-2665741'
    ]);
    expect(plan.version).toBe('master');
    expect(plan).toMatchObject({eventName: 'push', ref: 'refs/heads/master', sha: MASTER_SHA, registry: 'ghcr.io'});
  });

  test('bare tags: tag names without an image', async () => {
    const {plan} = await runPipeline({event: 'event_push_master', inputs: {images: '', tags: ['type=ref,event=branch', 'type=sha']}});
    expect(plan.builds[0].tags).toEqual(['master', 'sha-2665741']);
  });

  test('no version: no tags', async () => {
    const {plan} = await runPipeline({event: 'event_push_master', inputs: {images: 'user/app', tags: ['type=ref,event=pr']}});
    expect(plan.version).toBe('');
    expect(plan.builds[0].tags).toEqual([]);
  });
});

describe('build args', () => {
  const STANDARD = {VERSION: 'master', BUILD_DATE: FIXED_NOW.toISOString(), VCS_REF: '2665741', COMMIT_SHA: MASTER_SHA};
  test.each([
    ['the standard build args', {}, STANDARD],
    ['default-build-args: false', {'default-build-args': 'false'}, {}],
    ['user build args are added', {'build-args': ['NODE_VERSION=24', 'EMPTY=']}, {...STANDARD, NODE_VERSION: '24', EMPTY: ''}],
    ['user build args override the standard ones', {'build-args': ['VERSION=custom', 'X=a=b']}, {...STANDARD, VERSION: 'custom', X: 'a=b'}],
    ['only the user build args without the defaults', {'default-build-args': 'false', 'build-args': 'A=1'}, {A: '1'}],
    ['the last of a repeated name wins', {'build-args': ['A=1', 'A=2']}, {...STANDARD, A: '2'}]
  ])('%s', async (_name, inputs, expected) => {
    const {plan} = await runPipeline({event: 'event_push_master', inputs: {images: ['a', 'name=b,file=b.Dockerfile'], tags: ['type=ref,event=branch'], ...inputs}});
    for (const b of plan.builds) expect(b.buildArgs).toEqual(expected);
  });

  test('standardBuildArgs with SOURCE_DATE_EPOCH and a tag', async () => {
    const {metadata, ctx} = await runPipeline({event: 'event_tag_v1.1.1', env: {SOURCE_DATE_EPOCH: '1719585022'}, inputs: {tags: ['type=semver,pattern={{version}}']}});
    expect(standardBuildArgs(metadata, ctx)).toEqual({VERSION: '1.1.1', BUILD_DATE: '2024-06-28T14:30:22.000Z', VCS_REF: '860c190', COMMIT_SHA: '860c1904a1ce19322e91ac35af1ab07466440c37'});
  });

  test('no version: VERSION is empty', async () => {
    const {plan} = await runPipeline({event: 'event_empty', inputs: {images: 'user/app'}});
    expect(plan.builds[0].buildArgs).toEqual({VERSION: '', BUILD_DATE: FIXED_NOW.toISOString(), VCS_REF: '', COMMIT_SHA: ''});
  });
});

describe('per-image title and description', () => {
  test('overrides the default labels and annotations of that build only', async () => {
    const {plan, metadata} = await runPipeline({
      event: 'event_push_master',
      inputs: {
        images: ['name=api,context=api,title=My API,description=The API', 'name=web,context=web', 'name=cli,context=cli,description='],
        tags: ['type=ref,event=branch'],
        labels: ['org.opencontainers.image.title=From labels', 'maintainer=me']
      },
      annotationLevels: ['manifest', 'index']
    });
    const [api, web, cli] = plan.builds;
    expect(api.labels).toContain('org.opencontainers.image.title=My API');
    expect(api.labels).toContain('org.opencontainers.image.description=The API');
    expect(api.labels).toContain('maintainer=me');
    expect(api.annotations).toContain('manifest:org.opencontainers.image.title=My API');
    expect(api.annotations).toContain('index:org.opencontainers.image.description=The API');
    // the build without overrides has the metadata's labels, with the custom title
    expect(web.labels).toEqual(metadata.labels);
    expect(web.labels).toContain('org.opencontainers.image.title=From labels');
    expect(web.annotations).toEqual(metadata.annotations);
    // an empty description clears the repository's
    expect(cli.labels).toContain('org.opencontainers.image.description=');
    expect(cli.labels).toContain('org.opencontainers.image.title=From labels');
    // the labels stay sorted
    const keys = api.labels.map(l => l.split('=')[0]);
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b)));
  });

  test('different titles on the same build settings are separate builds', async () => {
    const {plan} = await runPipeline({event: 'event_push_master', inputs: {images: ['name=a,title=A', 'name=b,title=B', 'name=c,title=A']}});
    expect(plan.builds.map(b => b.images)).toEqual([['ghcr.io/docker/a', 'ghcr.io/docker/c'], ['ghcr.io/docker/b']]);
  });
});

describe('one image, one build', () => {
  test('an explicit file equal to the default one is the same build', async () => {
    const {plan} = await runPipeline({event: 'event_push_master', inputs: {images: ['name=a', 'name=b,file=Dockerfile', 'name=c,context=web', 'name=d,context=web,file=web/Dockerfile']}});
    expect(plan.builds.map(b => b.images)).toEqual([
      ['ghcr.io/docker/a', 'ghcr.io/docker/b'],
      ['ghcr.io/docker/c', 'ghcr.io/docker/d']
    ]);
  });

  test.each([
    ['different files', ['name=app,file=a.Dockerfile', 'name=app,file=b.Dockerfile']],
    ['different platforms', ['app', '# arm', 'name=app,platforms=linux/arm64']],
    ['different titles', ['name=app,title=A', 'name=app,title=B']],
    ['the same name written two ways', ['app,target=a', 'ghcr.io/docker/App,target=b']]
  ])('the same image from two builds (%s) is an input error: one build would overwrite the other\'s tags', async (_name, images) => {
    const e = await rejected(runPipeline({event: 'event_push_master', inputs: {images}}));
    expect(e).toBeInstanceOf(InputErrors);
    const [err, ...more] = (e as InputErrors).errors;
    expect(more).toEqual([]);
    const last = images[images.length - 1];
    expect(err).toMatchObject({input: 'images', line: images.length, text: last});
    expect(err.message).toContain('ghcr.io/docker/app');
    expect(err.message).toContain('line 1');
  });
});


describe('push: auto on release events follows the release activity', () => {
  test.each([
    ['published', true],
    ['created', true],
    ['released', true],
    ['prereleased', true],
    ['edited', false],
    ['deleted', false],
    ['unpublished', false],
    [undefined, true]
  ] as const)('release %s -> push %s', (action, push) => {
    expect(pushDecision('auto', 'release', action).push).toBe(push);
  });
  test('push: true still forces a push on any release activity', () => {
    expect(pushDecision('true', 'release', 'deleted').push).toBe(true);
  });
});
