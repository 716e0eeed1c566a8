import {afterAll, afterEach, beforeEach, describe, expect, jest, test} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {runCli, imageComponent} from '../../src/action/cli.js';
import {COMMIT_DATE, git, makeRepo, removeTempDirs, tempDir} from '../support/git.js';

const savedEnv = {...process.env};
const savedCwd = process.cwd();
let out: string[];
let err: string[];

beforeEach(() => {
  // a clean environment: no inputs or workflow variables leak in from the one running the tests
  for (const k of Object.keys(process.env)) if (/^(INPUT_|GITHUB_|STATE_|DOCKER_METADATA_|RUNNER_)/.test(k)) delete process.env[k];
  process.env['USER'] = 'dev';
  process.env['SOURCE_DATE_EPOCH'] = '1719585022';
  out = [];
  err = [];
  jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});

afterEach(() => {
  jest.restoreAllMocks();
  process.chdir(savedCwd);
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
});

afterAll(() => removeTempDirs());

interface CliJson {
  context: {ref: string; sha: string; owner: string; repo: string};
  version: string;
  policy: {allowed: boolean; rules: string[]; violations: {message: string}[]};
  plan: {id: string; images: string[]; tags: string[]; labels: string[]; buildArgs: Record<string, string>; push: boolean}[];
}

async function cliJson(dir: string, extra: string[] = []): Promise<{code: number; json: CliJson}> {
  const code = await runCli(['--json', '--dir', dir, ...extra]);
  return {code, json: JSON.parse(out.join('\n')) as CliJson};
}

/** A repository with a tag v1.2.3 on its only commit, and a branch `feature/x` on a second commit. */
function releaseRepo(files?: Record<string, string>): {dir: string; tagSha: string; branchSha: string} {
  const dir = makeRepo('demo-app', files);
  const tagSha = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'tag', 'v1.2.3');
  git(dir, 'checkout', '-q', '-b', 'feature/x');
  fs.writeFileSync(path.join(dir, 'README.md'), 'more\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'more');
  const branchSha = git(dir, 'rev-parse', 'HEAD');
  return {dir, tagSha, branchSha};
}

describe('runCli on a git checkout', () => {
  test('a tag v1.2.3 with semver expressions: version 1.2.3, its tags, the commit', async () => {
    const {dir, tagSha} = releaseRepo();
    git(dir, 'checkout', '-q', 'v1.2.3');
    process.env['INPUT_TAGS'] = 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}\ntype=semver,pattern={{major}}\ntype=sha';
    const {code, json} = await cliJson(dir);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(json.context).toEqual({ref: 'refs/tags/v1.2.3', sha: tagSha, owner: 'dev', repo: 'demo-app'});
    expect(json.version).toBe('1.2.3');
    expect(json.plan).toHaveLength(1);
    expect(json.plan[0].images).toEqual(['ghcr.io/dev/demo-app']);
    expect(json.plan[0].tags).toEqual([
      'ghcr.io/dev/demo-app:1.2.3',
      'ghcr.io/dev/demo-app:1.2',
      'ghcr.io/dev/demo-app:1',
      `ghcr.io/dev/demo-app:sha-${tagSha.slice(0, 7)}`,
      'ghcr.io/dev/demo-app:latest'
    ]);
    expect(json.plan[0].labels).toContain('org.opencontainers.image.version=1.2.3');
    expect(json.plan[0].labels).toContain(`org.opencontainers.image.revision=${tagSha}`);
    expect(json.plan[0].labels).toContain('org.opencontainers.image.created=2024-06-28T14:30:22.000Z');
    expect(json.plan[0].buildArgs).toEqual({VERSION: '1.2.3', BUILD_DATE: '2024-06-28T14:30:22.000Z', VCS_REF: tagSha.slice(0, 7), COMMIT_SHA: tagSha});
    expect(json.policy).toEqual({allowed: true, rules: [], violations: []});
  });

  test('the tag with the default tag expressions: the tag name and latest', async () => {
    const {dir} = releaseRepo();
    git(dir, 'checkout', '-q', 'v1.2.3');
    const {code, json} = await cliJson(dir);
    expect(code).toBe(0);
    expect(json.version).toBe('v1.2.3');
    expect(json.plan[0].tags).toEqual(['ghcr.io/dev/demo-app:v1.2.3', 'ghcr.io/dev/demo-app:latest']);
  });

  test('a branch: the sanitised branch name', async () => {
    const {dir, branchSha} = releaseRepo();
    const {code, json} = await cliJson(dir);
    expect(code).toBe(0);
    expect(json.context).toMatchObject({ref: 'refs/heads/feature/x', sha: branchSha});
    expect(json.version).toBe('feature-x');
    expect(json.plan[0].tags).toEqual(['ghcr.io/dev/demo-app:feature-x']);
    expect(json.plan[0].push).toBe(true);
  });

  test('without --dir: the current folder', async () => {
    const {dir} = releaseRepo();
    process.chdir(dir);
    const code = await runCli(['--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n')).version).toBe('feature-x');
  });

  test('the text plan', async () => {
    const {dir, branchSha} = releaseRepo();
    const code = await runCli(['--dir', dir]);
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text.split('\n')[0]).toBe(`multiarch-publish plan for ${dir} (from git; dry run, nothing is built or pushed)`);
    expect(text).toContain(`ref refs/heads/feature/x · commit ${branchSha.slice(0, 7)} · event push · version feature-x`);
    expect(text).toContain('build demo-app: ghcr.io/dev/demo-app');
    expect(text).toContain('    ghcr.io/dev/demo-app:feature-x');
    expect(text).toContain('policy: no tag policy');
  });

  test('INPUT_* variables in the environment are honoured', async () => {
    const {dir} = releaseRepo();
    process.env['INPUT_TAGS'] = 'type=raw,value=custom\ntype=ref,event=branch,prefix=br-';
    process.env['INPUT_IMAGES'] = 'quay.io/octo/app\nname=app,platforms=linux/arm64';
    process.env['INPUT_LABELS'] = 'maintainer=octo';
    const {code, json} = await cliJson(dir);
    expect(code).toBe(0);
    expect(json.version).toBe('br-feature-x');
    expect(json.plan.map(b => b.tags)).toEqual([
      ['quay.io/octo/app:br-feature-x', 'quay.io/octo/app:custom'],
      ['ghcr.io/dev/app:br-feature-x', 'ghcr.io/dev/app:custom']
    ]);
    expect(json.plan[0].labels).toContain('maintainer=octo');
  });

  test('GITHUB_REPOSITORY names the default image when set', async () => {
    const {dir} = releaseRepo();
    process.env['GITHUB_REPOSITORY'] = 'octo-org/Hello-World';
    const {json} = await cliJson(dir);
    expect(json.plan[0].images).toEqual(['ghcr.io/octo-org/hello-world']);
  });

  test.each([
    ['My Project', undefined, 'ghcr.io/dev/my-project'],
    ['app (copy)', undefined, 'ghcr.io/dev/app-copy'],
    ['my.app_v2', undefined, 'ghcr.io/dev/my.app_v2'],
    ['demo', 'git@github.com:octo-org/.github.git', 'ghcr.io/octo-org/github']
  ])('a folder %j (remote %s) that is no image name: the default image is made one', async (folder, remote, image) => {
    const dir = makeRepo(folder);
    if (remote) git(dir, 'remote', 'add', 'origin', remote);
    const {code, json} = await cliJson(dir);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(json.plan[0].images).toEqual([image]);
  });

  test('the origin remote names the repository', async () => {
    const {dir} = releaseRepo();
    git(dir, 'remote', 'add', 'origin', 'https://github.com/octo-org/hello-world.git');
    const {json} = await cliJson(dir);
    expect(json.context).toMatchObject({owner: 'octo-org', repo: 'hello-world'});
    expect(json.plan[0].images).toEqual(['ghcr.io/octo-org/hello-world']);
  });

  test('the commit date comes from git without SOURCE_DATE_EPOCH', async () => {
    const {dir} = releaseRepo();
    delete process.env['SOURCE_DATE_EPOCH'];
    process.env['INPUT_TAGS'] = "type=raw,value={{commit_date 'YYYYMMDD-HHmmss'}}";
    const {code, json} = await cliJson(dir);
    expect(code).toBe(0);
    expect(json.version).toBe(COMMIT_DATE.replace(/[-:]/g, '').replace('T', '-').replace('Z', ''));
  });
});

describe('runCli failures', () => {
  test('a folder that is not a git checkout: a clear error, exit code 1', async () => {
    const dir = tempDir('mp-nogit-');
    const code = await runCli(['--json', '--dir', dir]);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([`error: ${dir} is not a git checkout: the local plan reads the branch, tag and commit from git`]);
  });

  test('input errors: every one of them, exit code 1', async () => {
    const {dir} = releaseRepo();
    process.env['INPUT_TAGS'] = 'type=sha\ntype=foo';
    process.env['INPUT_PLATFORMS'] = 'linux/amd65';
    const code = await runCli(['--dir', dir]);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      'error: Input "platforms": unknown architecture "amd65" in platform "linux/amd65" (did you mean linux/amd64?) (in: linux/amd65)',
      'error: Input "tags", line 2: unknown tag type "foo" (expected one of schedule, semver, pep440, match, edge, ref, raw, sha) (in: type=foo)'
    ]);
  });

  test('a policy refusal: the plan is printed, exit code 1', async () => {
    const {dir} = releaseRepo();
    process.env['INPUT_POLICY'] = 'require-sha=true';
    const {code, json} = await cliJson(dir);
    expect(code).toBe(1);
    expect(json.policy.allowed).toBe(false);
    expect(json.policy.violations.map(v => v.message)).toEqual([expect.stringContaining('ghcr.io/dev/demo-app has no tag that carries the commit SHA')]);
  });

  test.each([
    ['1.2.3\n', 0, ''],
    ['1.2.4\n', 1, 'error: Input "version-file": the git tag v1.2.3 does not agree with VERSION, which says 1.2.4; tag the release as v1.2.4 or update VERSION'],
    ['not a version\n', 1, 'error: Input "version-file": VERSION holds "not a version", which is neither a semantic version nor a PEP 440 version']
  ])('version-file %j on the tag v1.2.3: exit %s', async (content, expectedCode, message) => {
    const {dir} = releaseRepo({Dockerfile: 'FROM scratch\n', VERSION: content});
    git(dir, 'checkout', '-q', 'v1.2.3');
    process.env['INPUT_VERSION-FILE'] = 'VERSION';
    process.env['INPUT_TAGS'] = 'type=semver,pattern={{version}}';
    const code = await runCli(['--json', '--dir', dir]);
    expect(code).toBe(expectedCode);
    if (expectedCode === 0) expect(JSON.parse(out.join('\n')).version).toBe('1.2.3');
    else expect(err).toEqual([message]);
  });

  test('version-file on a branch: the file\'s version', async () => {
    const {dir} = releaseRepo({Dockerfile: 'FROM scratch\n', VERSION: '2.0.0\n'});
    process.env['INPUT_VERSION-FILE'] = 'VERSION';
    process.env['INPUT_TAGS'] = 'type=semver,pattern={{version}}\ntype=ref,event=branch';
    const {code, json} = await cliJson(dir);
    expect(code).toBe(0);
    expect(json.version).toBe('2.0.0');
    expect(json.plan[0].tags).toEqual(['ghcr.io/dev/demo-app:2.0.0', 'ghcr.io/dev/demo-app:feature-x', 'ghcr.io/dev/demo-app:latest']);
  });

  test('a version-file that does not exist', async () => {
    const {dir} = releaseRepo();
    process.env['INPUT_VERSION-FILE'] = 'NOPE';
    expect(await runCli(['--dir', dir])).toBe(1);
    expect(err).toEqual(['error: Input "version-file": cannot read NOPE: ENOENT']);
  });
});

describe('runCli arguments', () => {
  test.each([['--help'], ['-h']])('%s prints the usage', async arg => {
    expect(await runCli([arg])).toBe(0);
    expect(out.join('\n')).toMatch(/^usage: node dist\/index.js plan \[--json\] \[--dir PATH\]/);
  });

  test.each([
    [['--bogus'], 'unknown argument --bogus'],
    [['--json', 'extra'], 'unknown argument extra'],
    [['--dir'], '--dir needs a path'],
    [['--json', '--dir'], '--dir needs a path']
  ])('%j is a usage error, exit code 2', async (args, message) => {
    expect(await runCli(args)).toBe(2);
    expect(err.join('\n')).toContain(message);
    expect(err.join('\n')).toContain('usage:');
  });
});

describe('imageComponent', () => {
  test.each([
    ['demo-app', 'demo-app'],
    ['Demo-App', 'demo-app'],
    ['my.app_v2', 'my.app_v2'],
    ['a__b', 'a__b'],
    ['a---b', 'a---b'],
    ['My Project', 'my-project'],
    ['a._b', 'a-b'],
    ['.github', 'github'],
    ['-x-', 'x'],
    ['DOMAIN\\user', 'domain-user'],
    ['日本', 'app'],
    ['', 'app']
  ])('%j -> %j', (name, component) => {
    expect(imageComponent(name)).toBe(component);
  });
});
