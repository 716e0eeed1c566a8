import {afterAll, afterEach, beforeEach, describe, expect, jest, test} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import * as runner from '../../src/action/runner.js';
import {removeTempDirs, tempDir} from '../support/git.js';

afterAll(() => removeTempDirs());

let stdout: string[];
let dir: string;
const savedEnv = {...process.env};
const savedExitCode = process.exitCode;

beforeEach(() => {
  stdout = [];
  dir = tempDir('mp-runner-');
  jest.spyOn(runner.output, 'write').mockImplementation((text: string) => {
    stdout.push(text);
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
  process.exitCode = savedExitCode;
});

const log = () => stdout.join('');
const read = (f: string) => fs.readFileSync(f, 'utf8');

/** Parses `name<<DELIM ... DELIM` records as the runner does. */
function records(text: string): [string, string][] {
  const out: [string, string][] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const body: string[] = [];
    for (i++; lines[i] !== m[2]; i++) body.push(lines[i]);
    out.push([m[1], body.join('\n')]);
  }
  return out;
}

describe('inputs', () => {
  test.each([
    ['tags', 'INPUT_TAGS'],
    ['dry-run', 'INPUT_DRY-RUN'],
    ['sep-tags', 'INPUT_SEP-TAGS'],
    ['my input', 'INPUT_MY_INPUT'],
    ['github-token', 'INPUT_GITHUB-TOKEN']
  ])('%s is read from %s', (name, variable) => {
    expect(runner.inputVariable(name)).toBe(variable);
    expect(runner.rawInput(name, {[variable]: ' value '})).toBe(' value ');
    expect(runner.rawInput(name, {})).toBeUndefined();
    expect(runner.rawInput(name, {[variable]: ''})).toBe('');
  });
});

describe('environment files', () => {
  test.each([
    ['one line', 'version', '1.2.3'],
    ['several lines', 'tags', 'ghcr.io/o/app:1.2.3\nghcr.io/o/app:latest'],
    ['empty', 'version', ''],
    ['JSON', 'json', '{"tags":["a"],"labels":{"k":"v=w"}}'],
    ['% and CR are kept as they are', 'x', '100% \r done']
  ])('setOutput writes a heredoc record to GITHUB_OUTPUT: %s', (_name, name, value) => {
    const file = path.join(dir, 'output');
    runner.setOutput(name, value, {GITHUB_OUTPUT: file});
    const text = read(file);
    expect(text).toMatch(new RegExp(`^${name}<<ghadelimiter_[0-9a-f-]{36}\\n`));
    expect(records(text)).toEqual([[name, value]]);
    expect(log()).toBe('');
  });

  test('records are appended, each with its own delimiter', () => {
    const file = path.join(dir, 'output');
    runner.setOutput('a', '1', {GITHUB_OUTPUT: file});
    runner.setOutput('b', 'x\ny', {GITHUB_OUTPUT: file});
    expect(records(read(file))).toEqual([
      ['a', '1'],
      ['b', 'x\ny']
    ]);
    const delimiters = read(file).match(/ghadelimiter_[0-9a-f-]+/g) ?? [];
    expect(new Set(delimiters).size).toBe(2);
  });

  test('setOutput without GITHUB_OUTPUT: the set-output command, escaped', () => {
    runner.setOutput('tags', 'a\nb', {});
    expect(log()).toBe('\n::set-output name=tags::a%0Ab\n');
  });

  test('saveState writes GITHUB_STATE; getState reads STATE_<name>', () => {
    const file = path.join(dir, 'state');
    runner.saveState('isPost', 'true', {GITHUB_STATE: file});
    expect(records(read(file))).toEqual([['isPost', 'true']]);
    expect(runner.getState('isPost', {STATE_isPost: 'true'})).toBe('true');
    expect(runner.getState('missing', {})).toBe('');
  });

  test('saveState without GITHUB_STATE: the save-state command', () => {
    runner.saveState('builder', 'mp-1', {});
    expect(log()).toBe('::save-state name=builder::mp-1\n');
  });

  test('exportVariable writes GITHUB_ENV and sets it for this process', () => {
    const file = path.join(dir, 'env');
    runner.exportVariable('MP_TEST_VAR', 'v\nw', {GITHUB_ENV: file});
    expect(records(read(file))).toEqual([['MP_TEST_VAR', 'v\nw']]);
    expect(process.env['MP_TEST_VAR']).toBe('v\nw');
  });

  test('exportVariable without GITHUB_ENV: the set-env command', () => {
    runner.exportVariable('MP_TEST_VAR2', 'x', {});
    expect(log()).toBe('::set-env name=MP_TEST_VAR2::x\n');
    expect(process.env['MP_TEST_VAR2']).toBe('x');
  });

  test('appendSummary appends to GITHUB_STEP_SUMMARY through core.summary, redacted, in call order; a no-op without it', async () => {
    const file = path.join(dir, 'summary');
    fs.writeFileSync(file, '');
    runner.setSecret('summary-secret-1');
    runner.appendSummary('# a summary-secret-1 b\n', {GITHUB_STEP_SUMMARY: file});
    runner.appendSummary('more\n', {GITHUB_STEP_SUMMARY: file});
    await runner.appendSummary('nothing', {});
    expect(read(file)).toBe('# a *** b\nmore\n');
    // another environment names another file: core's cached path does not stick
    const other = path.join(dir, 'summary2');
    fs.writeFileSync(other, '');
    await runner.appendSummary('second file\n', {GITHUB_STEP_SUMMARY: other});
    expect(read(other)).toBe('second file\n');
    expect(read(file)).toBe('# a *** b\nmore\n');
  });

  test('a summary that cannot be written is a warning, not a failure', async () => {
    await runner.appendSummary('x', {GITHUB_STEP_SUMMARY: path.join(dir, 'missing-dir', 'summary')});
    await runner.flushSummary();
    expect(log()).toMatch(/^::warning::Cannot write the job summary: Unable to access summary file/);
  });

  test('an explicit env is lent to core for the call and process.env is put back', () => {
    const file = path.join(dir, 'output');
    process.env['GITHUB_OUTPUT'] = path.join(dir, 'not-this-one');
    runner.setOutput('a', '1', {GITHUB_OUTPUT: file});
    expect(records(read(file))).toEqual([['a', '1']]);
    expect(process.env['GITHUB_OUTPUT']).toBe(path.join(dir, 'not-this-one'));
    expect(fs.existsSync(path.join(dir, 'not-this-one'))).toBe(false);
    delete process.env['GITHUB_OUTPUT'];
    runner.setOutput('b', '2', {GITHUB_OUTPUT: file});
    expect('GITHUB_OUTPUT' in process.env).toBe(false);
  });
});

describe('log commands', () => {
  test('everything core writes goes through output.write, and process.stdout.write is put back', () => {
    const before = process.stdout.write;
    runner.info('one');
    runner.warning('two');
    expect(log()).toBe('one\n::warning::two\n');
    expect(process.stdout.write).toBe(before);
  });

  test.each([
    ['plain', 'plain'],
    ['100%', '100%25'],
    ['a\nb', 'a%0Ab'],
    ['a\r\nb', 'a%0D%0Ab'],
    ['%0A literally', '%250A literally'],
    ['key: value, more', 'key: value, more']
  ])('message %j is escaped as %j', (message, escaped) => {
    runner.warning(message);
    runner.error(message);
    runner.notice(message);
    runner.debug(message);
    expect(log()).toBe(`::warning::${escaped}\n::error::${escaped}\n::notice::${escaped}\n::debug::${escaped}\n`);
  });

  test.each([
    [{title: 'Invalid input: tags'}, '::error title=Invalid input%3A tags::msg\n'],
    [{title: 'a,b', file: 'src/x.ts', line: 3}, '::error title=a%2Cb,file=src/x.ts,line=3::msg\n'],
    [{title: '100%\nx'}, '::error title=100%25%0Ax::msg\n'],
    [{title: '', file: undefined}, '::error::msg\n'],
    [{file: 'action.yml', line: 12}, '::error file=action.yml,line=12::msg\n']
  ])('annotation properties %j are escaped', (props, line) => {
    runner.error('msg', props);
    expect(log()).toBe(line);
  });

  test('info writes the message as it is', () => {
    runner.info('plain text: 100% \n second line');
    expect(log()).toBe('plain text: 100% \n second line\n');
  });

  test('groups', () => {
    const result = runner.group('Plan', () => {
      runner.info('inside');
      return 42;
    });
    expect(result).toBe(42);
    expect(log()).toBe('::group::Plan\ninside\n::endgroup::\n');
  });

  test('a group is closed when its function throws', () => {
    expect(() =>
      runner.group('G', () => {
        throw new Error('boom');
      })
    ).toThrow('boom');
    expect(log()).toBe('::group::G\n::endgroup::\n');
  });

  test('setFailed: an error and exit code 1', () => {
    runner.setFailed('it failed');
    expect(process.exitCode).toBe(1);
    expect(log()).toBe('::error::it failed\n');
  });

  test.each([
    [{RUNNER_DEBUG: '1'}, true],
    [{RUNNER_DEBUG: '0'}, false],
    [{}, false]
  ])('isDebug(%j) = %s', (env, expected) => {
    expect(runner.isDebug(env)).toBe(expected);
  });
});

describe('secrets', () => {
  test('setSecret registers the mask with the runner, unredacted', () => {
    runner.setSecret('ghp_mask1234');
    expect(log()).toBe('::add-mask::ghp_mask1234\n');
  });

  test('an empty secret is ignored', () => {
    runner.setSecret('');
    runner.info('abc');
    expect(log()).toBe('abc\n');
  });

  test.each([
    ['info', (m: string) => runner.info(m), 'token ***, again ***\n'],
    ['warning', (m: string) => runner.warning(m), '::warning::token ***, again ***\n'],
    ['error', (m: string) => runner.error(m), '::error::token ***, again ***\n'],
    ['notice', (m: string) => runner.notice(m), '::notice::token ***, again ***\n'],
    ['debug', (m: string) => runner.debug(m), '::debug::token ***, again ***\n'],
    ['setFailed', (m: string) => runner.setFailed(m), '::error::token ***, again ***\n']
  ])('%s redacts every registered secret', (_name, write, expected) => {
    runner.setSecret('s3cr3t-value');
    stdout.length = 0;
    write('token s3cr3t-value, again s3cr3t-value');
    expect(log()).toBe(expected);
  });

  test('several secrets, a multi-line secret, and redact()', () => {
    runner.setSecret('first-secret-xyz');
    runner.setSecret('line1\nline2');
    expect(log()).toBe('::add-mask::first-secret-xyz\n::add-mask::line1%0Aline2\n');
    expect(runner.redact('a first-secret-xyz b line1\nline2 c')).toBe('a *** b *** c');
    stdout.length = 0;
    runner.error('x line1\nline2 y');
    expect(log()).toBe('::error::x *** y\n');
  });

  test('a secret that contains another is redacted whole, whatever the order they were registered in', () => {
    runner.setSecret('hunter');
    runner.setSecret('hunter2-and-more');
    stdout.length = 0;
    runner.info('a hunter2-and-more b hunter c');
    runner.warning('hunter2-and-more');
    expect(log()).toBe('a *** b *** c\n::warning::***\n');
  });
});

describe('unwritableRunnerFiles: the runner files checked up front', () => {
  test.each([
    ['a directory', (d: string) => d, /EISDIR/],
    ['under a missing directory', (d: string) => path.join(d, 'missing', 'state'), /ENOENT/],
    ['under a file', (d: string) => (fs.writeFileSync(path.join(d, 'f'), ''), path.join(d, 'f', 'state')), /ENOTDIR/]
  ])('%s: one clear error naming the variable', (_, make, code) => {
    const file = make(dir);
    const errors = runner.unwritableRunnerFiles(['GITHUB_STATE', 'GITHUB_STEP_SUMMARY'], {GITHUB_STATE: file});
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^GITHUB_STATE \\(${file.replace(/[/.]/g, '\\$&')}\\) cannot be written \\(${code.source}\\): the post step could not clean up`));
  });

  test('writable files, or unset ones, are fine and are left as they were', () => {
    const f = path.join(dir, 'out');
    fs.writeFileSync(f, 'x');
    expect(runner.unwritableRunnerFiles(['GITHUB_OUTPUT', 'GITHUB_ENV'], {GITHUB_OUTPUT: f})).toEqual([]);
    expect(read(f)).toBe('x');
  });

  test('the summary names the way out', () => {
    expect(runner.unwritableRunnerFiles(['GITHUB_STEP_SUMMARY'], {GITHUB_STEP_SUMMARY: dir})[0]).toMatch(/set `summary: false`/);
  });
});
