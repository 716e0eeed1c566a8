import {afterAll, describe, expect, test} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {workflowContext, gitContext, shortSha, sourceDateEpoch, repositoryFromRemote, type Context} from '../../src/pipeline/context/index.js';
import {fixtureContext, fixtureEnv, fixedClock, FIXED_NOW} from '../support/pipeline.js';
import {COMMIT_DATE, git, makeRepo, removeTempDirs, tempDir} from '../support/git.js';

afterAll(() => removeTempDirs());

describe('workflowContext on real events', () => {
  test.each<[string, Partial<Context>]>([
    [
      'event_push_master',
      {
        source: 'workflow',
        eventName: 'push',
        ref: 'refs/heads/master',
        sha: '266574110acf203503badf966df2ea24b5d732d7',
        shortSha: '2665741',
        owner: 'docker',
        repo: 'test-docker-action',
        actor: 'crazy-max',
        serverUrl: 'https://github.com',
        apiUrl: 'https://api.github.com',
        defaultBranch: 'master',
        commitDate: new Date('2022-04-19T11:04:39+02:00'),
        sourceDateEpoch: false
      }
    ],
    ['event_push_dev', {eventName: 'push', ref: 'refs/heads/dev', shortSha: '860c190', defaultBranch: 'master', commitDate: new Date('2022-04-19T11:27:24+02:00')}],
    ['event_tag_v1.1.1', {eventName: 'push', ref: 'refs/tags/v1.1.1', shortSha: '860c190', commitDate: new Date('2022-04-19T11:39:35+02:00')}],
    ['event_pull_request', {eventName: 'pull_request', ref: 'refs/pull/15/merge', sha: 'a9c8c5828b91be19d9728548b24759e352367ef1', commitDate: undefined}],
    // pull_request_target runs on the base branch: the PR's merge ref is what tags are made of
    ['event_pull_request_target', {eventName: 'pull_request_target', ref: 'refs/pull/15/merge', sha: '266574110acf203503badf966df2ea24b5d732d7'}],
    ['event_release_created', {eventName: 'release', ref: 'refs/tags/v1.1.1', owner: 'docker', repo: 'test-docker-action', defaultBranch: ''}],
    ['event_schedule', {eventName: 'schedule', ref: 'refs/heads/master', defaultBranch: '', commitDate: undefined}],
    ['event_workflow_dispatch', {eventName: 'workflow_dispatch', ref: 'refs/heads/master', defaultBranch: 'master'}],
    ['event_create_tag', {eventName: 'create', ref: 'refs/tags/v2.1.8-beta.67'}],
    ['event_tag_p1-v1.0.0', {eventName: 'push', ref: 'refs/tags/p1/v1.0.0', payload: {}, defaultBranch: ''}],
    ['event_empty', {eventName: '', ref: '', sha: '', shortSha: '', owner: '', repo: '', serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', payload: {}, defaultBranch: ''}],
    ['event_null', {eventName: '', ref: '', sha: '', shortSha: '', owner: '', repo: '', actor: '', payload: {}}]
  ])('%s', (event, expected) => {
    const ctx = fixtureContext(event);
    expect(ctx).toMatchObject(expected);
    expect(ctx.now).toEqual(FIXED_NOW);
  });

  test.each([
    // [event, extra env, expected]
    ['event_pull_request', {DOCKER_METADATA_PR_HEAD_SHA: 'true'}, {sha: '3370e228f2209994d57af4427fe64e71bb79ac96', shortSha: '3370e22'}],
    ['event_pull_request', {DOCKER_METADATA_PR_HEAD_SHA: 'TRUE'}, {sha: '3370e228f2209994d57af4427fe64e71bb79ac96'}],
    ['event_pull_request', {DOCKER_METADATA_PR_HEAD_SHA: 'false'}, {sha: 'a9c8c5828b91be19d9728548b24759e352367ef1'}],
    ['event_pull_request_target', {DOCKER_METADATA_PR_HEAD_SHA: 'true'}, {sha: '3370e228f2209994d57af4427fe64e71bb79ac96'}],
    // not a pull request: the head SHA setting does nothing
    ['event_push_master', {DOCKER_METADATA_PR_HEAD_SHA: 'true'}, {sha: '266574110acf203503badf966df2ea24b5d732d7'}],
    ['event_push_master', {DOCKER_METADATA_SHORT_SHA_LENGTH: '12'}, {shortSha: '266574110acf'}],
    ['event_push_master', {DOCKER_METADATA_SHORT_SHA_LENGTH: '40'}, {shortSha: '266574110acf203503badf966df2ea24b5d732d7'}],
    ['event_push_master', {DOCKER_METADATA_SHORT_SHA_LENGTH: '99'}, {shortSha: '266574110acf203503badf966df2ea24b5d732d7'}],
    ['event_push_master', {GITHUB_REPOSITORY: undefined}, {owner: 'docker', repo: 'test-docker-action'}],
    ['event_push_master', {GITHUB_REPOSITORY: undefined, GITHUB_REPOSITORY_OWNER: undefined}, {owner: 'docker', repo: 'test-docker-action'}],
    ['event_push_master', {GITHUB_REPOSITORY: 'octo-org/other', GITHUB_REPOSITORY_OWNER: undefined}, {owner: 'octo-org', repo: 'other'}],
    ['event_push_master', {GITHUB_SERVER_URL: 'https://ghe.example.com/', GITHUB_API_URL: 'https://ghe.example.com/api/v3/'}, {serverUrl: 'https://ghe.example.com', apiUrl: 'https://ghe.example.com/api/v3'}],
    ['event_push_master', {SOURCE_DATE_EPOCH: '1719585022'}, {now: new Date('2024-06-28T14:30:22Z'), commitDate: new Date('2024-06-28T14:30:22Z'), sourceDateEpoch: true}],
    ['event_push_master', {SOURCE_DATE_EPOCH: ''}, {now: FIXED_NOW, sourceDateEpoch: false}],
    ['event_push_master', {SOURCE_DATE_EPOCH: '0'}, {now: new Date(0), sourceDateEpoch: true}]
  ])('%s with %j', (event, env, expected) => {
    expect(fixtureContext(event, env)).toMatchObject(expected);
  });

  test.each([
    [{DOCKER_METADATA_SHORT_SHA_LENGTH: 'abc'}, 'DOCKER_METADATA_SHORT_SHA_LENGTH is not a valid number: abc'],
    [{SOURCE_DATE_EPOCH: 'yesterday'}, 'SOURCE_DATE_EPOCH must be a whole number of seconds, not "yesterday"'],
    [{DOCKER_METADATA_SHORT_SHA_LENGTH: '0'}, 'DOCKER_METADATA_SHORT_SHA_LENGTH must be a whole number from 1 to 40, not 0'],
    [{DOCKER_METADATA_SHORT_SHA_LENGTH: '-3'}, 'DOCKER_METADATA_SHORT_SHA_LENGTH must be a whole number from 1 to 40, not -3'],
    [{DOCKER_METADATA_SHORT_SHA_LENGTH: '2.5'}, 'DOCKER_METADATA_SHORT_SHA_LENGTH must be a whole number from 1 to 40, not 2.5'],
    [{DOCKER_METADATA_SHORT_SHA_LENGTH: 'Infinity'}, 'DOCKER_METADATA_SHORT_SHA_LENGTH must be a whole number from 1 to 40, not Infinity'],
    [{SOURCE_DATE_EPOCH: '99999999999999999'}, 'SOURCE_DATE_EPOCH is out of the range of dates, not "99999999999999999"'],
    [{SOURCE_DATE_EPOCH: '1.5'}, 'SOURCE_DATE_EPOCH must be a whole number of seconds, not "1.5"']
  ])('%j is an error', (env, message) => {
    expect(() => fixtureContext('event_push_master', env)).toThrow(message);
  });

  test('the payload is read with the given reader; an unreadable or invalid payload is empty', () => {
    const env = fixtureEnv('event_push_master');
    const read: string[] = [];
    const ctx = workflowContext(env, p => (read.push(p), fs.readFileSync(p, 'utf8')), fixedClock);
    expect(read).toEqual([env['GITHUB_EVENT_PATH']]);
    expect(ctx.payload.head_commit.id).toBe('266574110acf203503badf966df2ea24b5d732d7');
    const missing = workflowContext(env, () => {
      throw new Error('ENOENT');
    }, fixedClock);
    expect(missing.payload).toEqual({});
    expect(missing.defaultBranch).toBe('');
    expect(workflowContext(env, () => '{not json', fixedClock).payload).toEqual({});
  });

  test.each(['null', '42', '"text"'])('a payload that is JSON but not an object (%s) is empty', json => {
    const ctx = workflowContext(fixtureEnv('event_push_master', {DOCKER_METADATA_PR_HEAD_SHA: 'true'}), () => json, fixedClock);
    expect(ctx.payload).toEqual({});
    expect(ctx.defaultBranch).toBe('');
  });

  // metadata-action makes `refs/pull/undefined/merge` (tag `pr-undefined`); the base branch's ref would be worse
  test.each([
    ['an empty payload', '{}'],
    ['a payload that is not an object', 'null'],
    ['an unreadable payload', '{'],
    ['number null', '{"number": null, "pull_request": {}}'],
    ['number 0', '{"number": 0}'],
    ['a fractional number', '{"number": 1.5}'],
    ['a number that is a path', '{"number": "1/../../heads/main"}']
  ])('pull_request_target with %s is an error naming the payload', (_name, json) => {
    expect(() => workflowContext(fixtureEnv('event_pull_request_target'), () => json, fixedClock)).toThrow(
      "the pull_request_target event's payload (GITHUB_EVENT_PATH) has no pull request number, so there is no pull request ref to make tags of"
    );
  });

  test.each([
    ['pull_request.number', '{"pull_request": {"number": 7}}', 'refs/pull/7/merge'],
    ['number as a string', '{"number": "12"}', 'refs/pull/12/merge']
  ])('pull_request_target takes the number from %s', (_name, json, ref) => {
    expect(workflowContext(fixtureEnv('event_pull_request_target'), () => json, fixedClock).ref).toBe(ref);
  });

  test('the clock is the build\'s time without SOURCE_DATE_EPOCH', () => {
    const at = new Date('2030-01-01T00:00:00Z');
    expect(workflowContext(fixtureEnv('event_push_dev'), p => fs.readFileSync(p, 'utf8'), () => at).now).toEqual(at);
  });

  test('the commit date comes from the payload\'s commits for that sha only', () => {
    const env = fixtureEnv('event_push_master', {GITHUB_SHA: 'ffffffffffffffffffffffffffffffffffffffff'});
    expect(workflowContext(env, p => fs.readFileSync(p, 'utf8'), fixedClock).commitDate).toBeUndefined();
  });
});

describe('helpers', () => {
  test.each([
    ['266574110acf203503badf966df2ea24b5d732d7', {}, '2665741'],
    ['266574110acf203503badf966df2ea24b5d732d7', {DOCKER_METADATA_SHORT_SHA_LENGTH: '8'}, '26657411'],
    ['266574110acf203503badf966df2ea24b5d732d7', {DOCKER_METADATA_SHORT_SHA_LENGTH: ''}, '2665741'],
    ['abc', {}, 'abc'],
    ['', {}, '']
  ])('shortSha(%s, %j) = %s', (sha, env, short) => {
    expect(shortSha(sha, env)).toBe(short);
  });

  test.each([
    [undefined, undefined],
    ['', undefined],
    ['1578616200', new Date('2020-01-10T00:30:00Z')]
  ])('sourceDateEpoch(%j)', (value, date) => {
    expect(sourceDateEpoch({SOURCE_DATE_EPOCH: value})).toEqual(date);
  });

  test.each([
    ['https://github.com/octo-org/hello-world.git', {owner: 'octo-org', repo: 'hello-world'}],
    ['https://github.com/octo-org/hello-world', {owner: 'octo-org', repo: 'hello-world'}],
    ['https://github.com/octo-org/hello-world/', {owner: 'octo-org', repo: 'hello-world'}],
    ['https://token@github.com/octo-org/hello-world.git', {owner: 'octo-org', repo: 'hello-world'}],
    ['git@github.com:octo-org/hello-world.git', {owner: 'octo-org', repo: 'hello-world'}],
    ['ssh://git@github.com/octo-org/hello-world.git', {owner: 'octo-org', repo: 'hello-world'}],
    ['ssh://git@ghe.example.com:2222/team/app.git', {owner: 'team', repo: 'app'}],
    ['git://github.com/octo-org/hello-world.git', {owner: 'octo-org', repo: 'hello-world'}],
    ['/srv/git/hello-world.git', undefined],
    ['../hello-world', undefined],
    ['hello-world', undefined]
  ])('repositoryFromRemote(%s)', (url, expected) => {
    expect(repositoryFromRemote(url)).toEqual(expected);
  });
});

describe('gitContext', () => {
  test('a branch: push of refs/heads/<branch>, the commit and its date from git', () => {
    const dir = makeRepo('Demo-App');
    const sha = git(dir, 'rev-parse', 'HEAD');
    const ctx = gitContext(dir, {USER: 'dev'}, fixedClock);
    expect(ctx).toMatchObject({
      source: 'git',
      eventName: 'push',
      ref: 'refs/heads/main',
      sha,
      shortSha: sha.slice(0, 7),
      owner: 'dev',
      repo: 'Demo-App',
      actor: 'dev',
      defaultBranch: 'main',
      payload: {repository: {default_branch: 'main'}},
      now: FIXED_NOW,
      commitDate: new Date(COMMIT_DATE),
      sourceDateEpoch: false
    });
  });

  test('a tag at HEAD wins over the branch', () => {
    const dir = makeRepo();
    git(dir, 'tag', 'v1.2.3');
    expect(gitContext(dir, {}, fixedClock)).toMatchObject({eventName: 'push', ref: 'refs/tags/v1.2.3'});
  });

  test('another branch, the origin remote names the repository, its HEAD the default branch', () => {
    const dir = makeRepo();
    git(dir, 'remote', 'add', 'origin', 'git@github.com:octo-org/hello-world.git');
    git(dir, 'update-ref', 'refs/remotes/origin/trunk', 'HEAD');
    git(dir, 'symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/trunk');
    git(dir, 'checkout', '-q', '-b', 'feature/x');
    expect(gitContext(dir, {USER: 'dev'}, fixedClock)).toMatchObject({ref: 'refs/heads/feature/x', owner: 'octo-org', repo: 'hello-world', defaultBranch: 'trunk'});
  });

  test('a detached HEAD without a tag: no ref, no event', () => {
    const dir = makeRepo();
    git(dir, 'checkout', '-q', '--detach');
    expect(gitContext(dir, {}, fixedClock)).toMatchObject({eventName: '', ref: ''});
  });

  test('a repository without commits', () => {
    const dir = path.join(tempDir('mp-git-'), 'empty');
    fs.mkdirSync(dir);
    git(dir, 'init', '-q', '-b', 'main');
    expect(gitContext(dir, {USER: 'dev'}, fixedClock)).toMatchObject({sha: '', shortSha: '', ref: 'refs/heads/main', commitDate: undefined});
  });

  test('a subfolder of a checkout: the repository is the top folder', () => {
    const dir = makeRepo('top-app', {'sub/Dockerfile': 'FROM scratch\n'});
    expect(gitContext(path.join(dir, 'sub'), {USER: 'dev'}, fixedClock).repo).toBe('top-app');
  });

  test('SOURCE_DATE_EPOCH fixes both dates', () => {
    const dir = makeRepo();
    expect(gitContext(dir, {SOURCE_DATE_EPOCH: '1578616200'}, fixedClock)).toMatchObject({
      now: new Date('2020-01-10T00:30:00Z'),
      commitDate: new Date('2020-01-10T00:30:00Z'),
      sourceDateEpoch: true
    });
  });

  test.each([
    ['a folder outside any checkout', () => tempDir('mp-nogit-')],
    ['a folder that does not exist', () => path.join(tempDir('mp-nogit-'), 'missing')]
  ])('%s is a clear error', (_name, folder) => {
    const dir = folder();
    expect(() => gitContext(dir, {})).toThrow(`${dir} is not a git checkout: the local plan reads the branch, tag and commit from git`);
  });
});
