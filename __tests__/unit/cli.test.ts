import {afterAll, afterEach, beforeEach, describe, expect, jest, test} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {parse as parseYaml} from 'yaml';
import {runCli, imageComponent, parseArgs, inputEnvironment, inputErrorMessage, dirtyFiles, hostOnly, terminalLine} from '../../src/action/cli.js';
import {INPUT_NAMES} from '../../src/pipeline/inputs/names.js';
import {getInputs} from '../../src/pipeline/inputs/index.js';
import {InputError} from '../../src/pipeline/inputs/errors.js';
import * as runner from '../../src/action/runner.js';
import {inputVariable} from '../../src/action/runner.js';
import type {Plan} from '../../src/pipeline/plan.js';
import {repoRoot} from '../support/action.js';
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
  const code = await runCli(['plan', '--json', '--dir', dir, ...extra]);
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
    expect(json.policy).toEqual({allowed: true, rules: [], violations: [], warnings: []});
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
    const code = await runCli(['plan', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n')).version).toBe('feature-x');
  });

  test('the text plan', async () => {
    const {dir, branchSha} = releaseRepo();
    const code = await runCli(['plan', '--dir', dir]);
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
    const code = await runCli(['plan', '--json', '--dir', dir]);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([`error: ${dir} is not a git checkout: the local plan reads the branch, tag and commit from git`]);
  });

  test('input errors: every one of them, exit code 1', async () => {
    const {dir} = releaseRepo();
    process.env['INPUT_TAGS'] = 'type=sha\ntype=foo';
    process.env['INPUT_PLATFORMS'] = 'linux/amd65';
    const code = await runCli(['plan', '--dir', dir]);
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
    ['not a version\n', 1, 'error: Input "version-file": VERSION holds a first line that does not look like a version (not shown), which is neither a semantic version nor a PEP 440 version']
  ])('version-file %j on the tag v1.2.3: exit %s', async (content, expectedCode, message) => {
    const {dir} = releaseRepo({Dockerfile: 'FROM scratch\n', VERSION: content});
    git(dir, 'checkout', '-q', 'v1.2.3');
    process.env['INPUT_VERSION-FILE'] = 'VERSION';
    process.env['INPUT_TAGS'] = 'type=semver,pattern={{version}}';
    const code = await runCli(['plan', '--json', '--dir', dir]);
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
    expect(await runCli(['plan', '--dir', dir])).toBe(1);
    expect(err).toEqual(['error: Input "version-file": cannot read NOPE: ENOENT']);
  });
});

describe('runCli arguments', () => {
  const everyInputFlag = (text: string) => INPUT_NAMES.filter(i => !text.includes(`--${i.name}`)).map(i => i.name);

  test.each([['--help'], ['-h'], ['help']])('%s lists the commands and every flag', async arg => {
    expect(await runCli([arg])).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^usage: multiarch-publish <command> \[flags\]/);
    for (const c of ['plan', 'build', 'publish']) expect(text).toMatch(new RegExp(`^  ${c} `, 'm'));
    for (const f of ['--dir PATH', '--json', '--allow-dirty', '--help']) expect(text).toContain(f);
    expect(everyInputFlag(text)).toEqual([]);
  });

  test.each([
    [['build', '--help'], 'build', ['--dir'], ['--json', '--allow-dirty']],
    [['publish', '-h'], 'publish', ['--dir', '--allow-dirty'], ['--json']],
    [['help', 'publish'], 'publish', ['--allow-dirty'], ['--json']],
    [['plan', '--json', '--help'], 'plan', ['--json'], ['--allow-dirty']]
  ])('%j: the command\'s usage', async (args, command, has, hasNot) => {
    expect(await runCli(args)).toBe(0);
    const text = out.join('\n');
    expect(text.split('\n')[0]).toBe(`usage: multiarch-publish ${command} [flags]   (or: node dist/index.js ${command} ...)`);
    for (const f of has) expect(text).toContain(f);
    for (const f of hasNot) expect(text).not.toContain(f);
    expect(everyInputFlag(text)).toEqual([]);
  });

  test.each([
    [['plan', '--bogus'], 'unknown flag --bogus', 'plan '],
    [['publish', '--image', 'x'], 'unknown flag --image', 'publish '],
    [['plan', 'extra'], 'unexpected argument extra', 'plan '],
    [['--images', 'app'], 'a command comes first (plan, build, publish), not --images', ''],
    [['deploy'], 'unknown command deploy (plan, build, publish)', ''],
    [['plan', '--dir'], '--dir needs a path', 'plan '],
    [['plan', '--json', '--dir'], '--dir needs a path', 'plan '],
    [['plan', '--tags'], '--tags needs a value (--tags VALUE or --tags=VALUE)', 'plan '],
    [['plan', '--tags', '--json'], '--tags needs a value (--tags VALUE or --tags=VALUE)', 'plan '],
    [['plan', '--push', 'true', '--push=false'], '--push is given more than once (only multi-line inputs take a flag per line)', 'plan '],
    [['build', '--json'], '--json is a flag of plan, not of build', 'build '],
    [['plan', '--allow-dirty'], '--allow-dirty is a flag of publish, not of plan', 'plan '],
    [['plan', '--json=yes'], '--json takes no value', 'plan ']
  ])('%j is a usage error, exit code 2, with a hint', async (args, message, command) => {
    expect(await runCli(args)).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([`error: ${message}\nRun \`multiarch-publish ${command}--help\` for the commands and flags.`]);
  });
});

describe('input flags', () => {
  test('INPUT_NAMES is every input of action.yml, in order', () => {
    const action = parseYaml(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {inputs: Record<string, unknown>};
    expect(INPUT_NAMES.map(i => i.name)).toEqual(Object.keys(action.inputs));
  });

  const KEY = '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\neyJrZGYiOnsibmFtZSI6InNjcnlwdCJ9fQ==\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n';
  // a valid value of every input that differs from its default, so that reaching getInputs shows
  const VALUES: Record<string, string> = {
    images: 'name=app,platforms=linux/arm64\nquay.io/octo/other',
    registry: 'quay.io',
    platforms: 'linux/arm64,linux/s390x',
    tags: 'type=sha\ntype=raw,value=x',
    flavor: 'latest=false\nprefix=p-',
    labels: 'a=1\nb=2',
    annotations: 'index:a=1',
    'bake-target': 'meta-target',
    'version-file': 'VERSION',
    'sep-tags': ',',
    'sep-labels': ';',
    'sep-annotations': ' ',
    policy: 'max-tags=5\nrequire-sha=true',
    'dry-run': 'true',
    mode: 'plan',
    plan: '{"schema":"multiarch-publish/plan"}',
    runners: '{"linux/amd64": "x64"}',
    from: 'sha-abc1234',
    to: 'env-prod\nenv-qa',
    'require-signature': 'key=package.json',
    'require-attestations': 'provenance, sbom',
    steps: '2',
    'to-registry': 'other.example',
    keep: '3',
    'keep-tags': '^release-\n^env-',
    'delete-untagged': 'true',
    'older-than': '30d',
    'prune-api': 'distribution',
    'arch-tags': 'true',
    push: 'false',
    'build-args': 'A=1\nB=2',
    'default-build-args': 'false',
    summary: 'false',
    'setup-qemu': 'false',
    'qemu-image': 'local/binfmt:1',
    builder: 'mybuilder',
    'buildkit-image': 'moby/buildkit:v0.17.0',
    'registry-auth': '- registry: r.example\n  username: u\n  password: p',
    secrets: 'tok=s3cret',
    'secret-files': 'npmrc=package.json\nlock=package-lock.json',
    'secret-envs': 'repo=GITHUB_REPOSITORY',
    cache: 'none',
    'cache-from': 'type=local,src=/tmp/c',
    'cache-to': 'type=local,dest=/tmp/c',
    'cache-mounts': 'id=npm,target=/root/.npm\ntarget=/go',
    'cache-mounts-image': 'ghcr.io/acme/busybox:1',
    provenance: 'mode=max',
    sbom: 'true',
    'force-tags': 'true',
    'no-cache': 'true',
    pull: 'true',
    'tag-retry-timeout': '5',
    'staging-tags': 'keep',
    'attestation-storage': 'referrers',
    sign: 'key',
    'cosign-key': KEY,
    'cosign-password': 'pw',
    'transparency-log': 'false',
    'fulcio-url': 'https://fulcio.internal.example',
    'rekor-url': 'http://127.0.0.1:3000',
    'github-attestations': 'true',
    'github-token': 'ghp_notatoken'
  };
  // what an input needs beside it to be valid (sign: key reads a key)
  const COMPANIONS: Record<string, Record<string, string>> = {sign: {'INPUT_COSIGN-KEY': KEY}};
  const base = {GITHUB_REPOSITORY: 'octo/app'};
  const fromFlags = (args: string[], env: Record<string, string> = base) => getInputs(inputEnvironment(parseArgs(['plan', ...args]).inputs, env));

  test('the table covers every input', () => {
    expect(Object.keys(VALUES).sort()).toEqual(INPUT_NAMES.map(i => i.name).sort());
  });

  test.each(INPUT_NAMES.map(i => [i.name, i.kind] as const))('--%s (%s) reaches the same Inputs as its INPUT_ variable', (name, kind) => {
    const value = VALUES[name];
    const env = {...base, ...COMPANIONS[name]};
    const expected = getInputs({...env, [inputVariable(name)]: value});
    expect(expected).not.toEqual(getInputs(env));
    // (a value that starts with `-`, as a PEM key, is given as --name=value: the space form reads a flag)
    if (!value.startsWith('-')) expect(fromFlags([`--${name}`, value], env)).toEqual(expected);
    expect(fromFlags([`--${name}=${value}`], env)).toEqual(expected);
    if (kind === 'lines') expect(fromFlags(value.split('\n').flatMap(line => [`--${name}`, line]), env)).toEqual(expected);
    if (kind === 'bool' && value === 'true') expect(fromFlags([`--${name}`], env)).toEqual(expected);
  });

  test('a bare boolean flag followed by another flag is true; one followed by false is false', () => {
    expect(fromFlags(['--no-cache', '--pull', 'false']).engine).toMatchObject({noCache: true, pull: false});
    expect(fromFlags(['--dry-run', 'FALSE']).dryRun).toBe(false);
  });

  test('a flag wins over its INPUT_ variable; other INPUT_ variables still count', async () => {
    const dir = makeRepo('demo-app');
    process.env['INPUT_TAGS'] = 'type=raw,value=from-env';
    process.env['INPUT_IMAGES'] = 'quay.io/octo/from-env';
    const {code, json} = await cliJson(dir, ['--tags', 'type=raw,value=from-flag']);
    expect(code).toBe(0);
    expect(json.plan[0].tags).toEqual(['quay.io/octo/from-env:from-flag']);
  });

  test('an empty --images is an explicitly empty input: bare tags, as on a runner', async () => {
    const dir = makeRepo('demo-app');
    const {code, json} = await cliJson(dir, ['--images=', '--tags', 'type=raw,value=v1']);
    expect(code).toBe(0);
    expect(json.plan[0].tags).toEqual(['v1']);
  });
});

describe('input errors name the flag', () => {
  test('embedded newlines: the line within the flag\'s value; every error at once', async () => {
    const dir = makeRepo('demo-app');
    const code = await runCli(['plan', '--dir', dir, '--tags', 'type=sha\ntype=foo', '--platforms', 'linux/amd65']);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      'error: --platforms: unknown architecture "amd65" in platform "linux/amd65" (did you mean linux/amd64?) (in: linux/amd65)',
      'error: --tags, line 2: unknown tag type "foo" (expected one of schedule, semver, pep440, match, edge, ref, raw, sha) (in: type=foo)'
    ]);
  });

  test('a repeated flag: the line counts the repetitions', async () => {
    const dir = makeRepo('demo-app');
    expect(await runCli(['plan', '--dir', dir, '--images', 'app', '--images', 'name=web,colour=blue'])).toBe(1);
    expect(err).toEqual(['error: --images, line 2: unknown image attribute "colour" (one of name, enable, file, context, target, platforms, title, description) (in: name=web,colour=blue)']);
  });

  test('an INPUT_ variable keeps the input\'s name next to a flag\'s error', async () => {
    const dir = makeRepo('demo-app');
    process.env['INPUT_PUSH'] = 'sometimes';
    expect(await runCli(['plan', '--dir', dir, '--dry-run=maybe'])).toBe(1);
    expect(err).toEqual(['error: --dry-run: expected true or false (in: maybe)', 'error: Input "push": expected one of auto, true, false (in: sometimes)']);
  });

  test('a bad --secrets line names the flag and never shows the value', async () => {
    const dir = makeRepo('demo-app');
    expect(await runCli(['plan', '--dir', dir, '--secrets', 'not a secret line hunter2'])).toBe(1);
    expect(err.join('\n')).toMatch(/^error: --secrets, line 1: a secret is written id=value/);
    expect(err.join('\n')).not.toContain('hunter2');
  });

  test('inputErrorMessage: flags by name, others untouched', () => {
    const e = new InputError('tags', 'bad', 3, 'type=x');
    expect(inputErrorMessage(e, new Set(['tags']))).toBe('--tags, line 3: bad (in: type=x)');
    expect(inputErrorMessage(e, new Set(['images']))).toBe('Input "tags", line 3: bad (in: type=x)');
  });
});

describe('publish refuses a dirty tree', () => {
  let log: string[];
  beforeEach(() => {
    log = [];
    jest.spyOn(runner.output, 'write').mockImplementation(text => void log.push(text));
  });

  test('dirtyFiles: modified and staged tracked files count, untracked ones do not', async () => {
    const dir = makeRepo('demo-app', {Dockerfile: 'FROM scratch\n', 'README.md': 'hi\n'});
    expect(await dirtyFiles(dir)).toEqual([]);
    fs.writeFileSync(path.join(dir, 'untracked.txt'), 'x');
    expect(await dirtyFiles(dir)).toEqual([]);
    fs.writeFileSync(path.join(dir, 'README.md'), 'changed\n');
    fs.writeFileSync(path.join(dir, 'staged.txt'), 'x');
    git(dir, 'add', 'staged.txt');
    expect((await dirtyFiles(dir)).sort()).toEqual(['README.md', 'staged.txt']);
  });

  test('a modified tracked file: exit code 1 before anything runs, naming the file and --allow-dirty', async () => {
    const dir = makeRepo('demo-app', {Dockerfile: 'FROM scratch\n', 'README.md': 'hi\n'});
    const sha = git(dir, 'rev-parse', 'HEAD');
    fs.writeFileSync(path.join(dir, 'README.md'), 'changed\n');
    expect(await runCli(['publish', '--dir', dir, '--images', 'localhost:5999/never/app'])).toBe(1);
    expect(err).toEqual([
      `error: ${dir} has uncommitted changes to tracked files (README.md): the images would carry commit ${sha.slice(0, 7)} without holding it. Commit or stash them, or pass --allow-dirty.`
    ]);
    // the only command run was git's: no docker, no build
    expect(log.filter(l => l.startsWith('[command]'))).toEqual(['[command] git status --porcelain --untracked-files=no\n']);
  });

  test('a dry run of publish prints the plan without asking git or the engine', async () => {
    const dir = makeRepo('demo-app', {Dockerfile: 'FROM scratch\n', 'README.md': 'hi\n'});
    fs.writeFileSync(path.join(dir, 'README.md'), 'changed\n');
    expect(await runCli(['publish', '--dir', dir, '--dry-run'])).toBe(0);
    expect(out.join('\n')).toContain('Dry run: nothing was set up, built or pushed.');
    expect(log).toEqual([]);
  });

  test('a policy refusal stops publish before git or the engine', async () => {
    const dir = makeRepo('demo-app');
    expect(await runCli(['publish', '--dir', dir, '--policy', 'require-sha=true'])).toBe(1);
    expect(err[0]).toMatch(/^error: tag policy: ghcr\.io\/dev\/demo-app has no tag that carries the commit SHA/);
    expect(log).toEqual([]);
  });
});

describe('build platforms and the terminal log', () => {
  test('hostOnly: every build, per-image platforms too, on the host platform alone', () => {
    const plan = {builds: [{id: 'a', platforms: ['linux/amd64', 'linux/arm64']}, {id: 'b', platforms: ['linux/s390x']}]} as unknown as Plan;
    expect(hostOnly(plan, 'linux/arm64').builds.map(b => b.platforms)).toEqual([['linux/arm64'], ['linux/arm64']]);
    expect(plan.builds[0].platforms).toEqual(['linux/amd64', 'linux/arm64']);
  });

  test.each([
    ['::group::Build app', {text: '── Build app', stderr: false}],
    ['::endgroup::', undefined],
    ['::add-mask::hunter2', undefined],
    ['::save-state name=builder::x', undefined],
    ['::set-output name=digest::sha256:1', undefined],
    ['::debug::detail', undefined],
    ['::warning::two%0Alines 100%25', {text: 'warning: two\nlines 100%', stderr: true}],
    ['::error title=Build failed%3A app::it broke', {text: 'error: it broke', stderr: true}],
    ['#5 [1/2] RUN make', {text: '#5 [1/2] RUN make', stderr: false}]
  ])('terminalLine(%j)', (line, expected) => {
    expect(terminalLine(line)).toEqual(expected);
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

describe('--mode and --arch-tags', () => {
  test.each(['plan', 'publish', 'build'])('--mode plan prints the plan document, whatever the command (%s), and builds nothing', async command => {
    const dir = makeRepo('demo-app');
    const code = await runCli([command, '--dir', dir, '--mode', 'plan', '--images', 'quay.io/octo/app', '--tags', 'type=raw,value=v1', '--arch-tags']);
    expect(code).toBe(0);
    const {parsePlanDocument} = await import('../../src/pipeline/plan-document.js');
    const parsed = parsePlanDocument(out.join('\n'));
    expect(parsed.plan.builds[0].tags).toEqual(['quay.io/octo/app:v1']);
    expect(parsed.plan.builds[0].archTags?.map(a => a.tags[0])).toEqual(['quay.io/octo/app:v1-amd64', 'quay.io/octo/app:v1-arm64']);
  });

  test('--mode plan with a policy refusal exits 1 and prints no document', async () => {
    const dir = makeRepo('demo-app');
    const code = await runCli(['plan', '--dir', dir, '--mode', 'plan', '--images', 'quay.io/octo/app', '--tags', 'type=raw,value=v1', '--policy', 'allow-tags=v2']);
    expect(code).toBe(1);
    expect(out.join('\n')).toBe('');
    expect(err.join('\n')).toMatch(/tag policy/);
  });

  test('--mode merge is refused from the command line', async () => {
    const dir = makeRepo('demo-app');
    expect(await runCli(['publish', '--dir', dir, '--mode', 'merge'])).toBe(1);
    expect(err.join('\n')).toMatch(/mode: merge is not available from the command line/);
  });

  test('--arch-tags: plan shows the per-platform tags', async () => {
    const dir = makeRepo('demo-app');
    expect(await runCli(['plan', '--dir', dir, '--arch-tags', '--images', 'quay.io/octo/app', '--tags', 'type=raw,value=v1', '--platforms', 'linux/arm/v7'])).toBe(0);
    expect(out.join('\n')).toContain('per-platform tags of linux/arm/v7 (arch-tags):\n    quay.io/octo/app:v1-armv7');
  });
});
