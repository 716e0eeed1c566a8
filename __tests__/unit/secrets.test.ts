import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, test} from '@jest/globals';
import {getInputs} from '../../src/pipeline/inputs/index.js';
import {InputErrors, type InputError} from '../../src/pipeline/inputs/errors.js';
import {parseSecrets, secretValues, SHORT_SECRET} from '../../src/pipeline/inputs/secrets.js';

const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-secrets-unit-'));
const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-secrets-outside-'));
fs.writeFileSync(path.join(ws, 'npmrc'), '//registry/:_authToken=file-s3cret\n');
fs.mkdirSync(path.join(ws, 'sub'));
fs.writeFileSync(path.join(outside, 'job-file'), 'outside-s3cret');
fs.symlinkSync(path.join(outside, 'job-file'), path.join(ws, 'escape'));
fs.symlinkSync('/proc/self/environ', path.join(ws, 'environ'));
fs.symlinkSync(path.join(ws, 'npmrc'), path.join(ws, 'link-inside'));
fs.symlinkSync(path.join(outside, 'job-file'), path.join(ws, '..dots'));
fs.mkdirSync(path.join(outside, 'deep'));
fs.writeFileSync(path.join(outside, 'deep', 'f'), 'outside-s3cret');
fs.symlinkSync(path.join(outside, 'deep'), path.join(ws, 'dirlink'));
afterAll(() => {
  fs.rmSync(ws, {recursive: true, force: true});
  fs.rmSync(outside, {recursive: true, force: true});
});

const ENV = {MY_TOKEN: 'env-s3cret-value', OTHER_TOKEN: 'other-s3cret-value', TINY: 'ab', EMPTY: ''};
const run = (secrets?: string, files?: string, envs?: string) => parseSecrets({secrets, files, envs}, ENV, ws);
const only = (r: ReturnType<typeof run>) => {
  expect(r.errors.map(e => e.message)).toEqual([]);
  return r.secrets;
};
/** No message may hold any secret value of this file. */
const SECRET_TEXT = /s3cret|hunter2/;

describe('secrets: build-push-action CSV records', () => {
  test.each([
    ['one line', 'npm=abcd', [{id: 'npm', line: 1, value: 'abcd'}]],
    ['value with = and comma', 'a=x=y,z\nb=1234', [{id: 'a', line: 1, value: 'x=y,z'}, {id: 'b', line: 2, value: '1234'}]],
    ['multi-line, quoted as a whole', 'first=1234\n"cert=line one\nline two\nlast line"\nafter=5678', [
      {id: 'first', line: 1, value: '1234'},
      {id: 'cert', line: 2, value: 'line one\nline two\nlast line'},
      {id: 'after', line: 5, value: '5678'}
    ]],
    ['CRLF inside quotes kept', '"k=line one\r\nline two"', [{id: 'k', line: 1, value: 'line one\r\nline two'}]],
    ['escaped quotes', '"json={""a"":""b""}"', [{id: 'json', line: 1, value: '{"a":"b"}'}]],
    ['quotes inside an unquoted value kept (relaxed)', 'p=a"b"c', [{id: 'p', line: 1, value: 'a"b"c'}]],
    ['blank lines and # comments skipped, # inside quotes kept', '\n# note\n"k=#not a comment\n# still value"\n\nz=#abcd', [
      {id: 'k', line: 3, value: '#not a comment\n# still value'},
      {id: 'z', line: 6, value: '#abcd'}
    ]],
    ['surrounding whitespace trimmed', '  npm=abcd  ', [{id: 'npm', line: 1, value: 'abcd'}]]
  ])('%s', (_name, text, want) => {
    expect(only(run(text))).toEqual(want.map(w => ({source: 'value', input: 'secrets', ...w})));
  });
});

describe('secret-files and secret-envs', () => {
  test('a file relative to the workspace, an absolute one, a symlink inside the workspace', () => {
    expect(only(run(undefined, `a=npmrc\nb=${path.join(outside, 'job-file')}\nc=link-inside`))).toEqual([
      {source: 'file', id: 'a', input: 'secret-files', line: 1, path: fs.realpathSync(path.join(ws, 'npmrc'))},
      {source: 'file', id: 'b', input: 'secret-files', line: 2, path: fs.realpathSync(path.join(outside, 'job-file'))},
      {source: 'file', id: 'c', input: 'secret-files', line: 3, path: fs.realpathSync(path.join(ws, 'npmrc'))}
    ]);
  });
  test('env secrets, several on a line as build-push-action splits them', () => {
    expect(only(run(undefined, undefined, 'tok=MY_TOKEN\nx=OTHER_TOKEN,y=MY_TOKEN'))).toEqual([
      {source: 'env', id: 'tok', input: 'secret-envs', line: 1, env: 'MY_TOKEN', value: 'env-s3cret-value'},
      {source: 'env', id: 'x', input: 'secret-envs', line: 2, env: 'OTHER_TOKEN', value: 'other-s3cret-value'},
      {source: 'env', id: 'y', input: 'secret-envs', line: 2, env: 'MY_TOKEN', value: 'env-s3cret-value'}
    ]);
  });
});

describe('errors name input and line, never a value', () => {
  test.each<[string, [string?, string?, string?], string, number, RegExp]>([
    ['no =', ['ok=1234\nno-equals-hunter2'], 'secrets', 2, /written id=value/],
    ['bad id', ['../x=hunter2'], 'secrets', 1, /written id=value/],
    ['quote opened inside the value: lines split', ['ok=1234\nk="hunter2 one\nhunter2 two"'], 'secrets', 3, /quoted as a whole/],
    ['unclosed quote', ['ok=1234\n\n"k=hunter2 one\nhunter2 two'], 'secrets', 3, /quoted value is not closed/],
    ['missing file', [undefined, 'a=npmrc\nb=nope/missing.txt'], 'secret-files', 2, /does not exist/],
    ['a directory', [undefined, 'a=sub'], 'secret-files', 1, /not a regular file/],
    ['symlink out of the workspace', [undefined, 'a=escape'], 'secret-files', 1, /outside it/],
    ['symlink to /proc', [undefined, 'a=environ'], 'secret-files', 1, /file of the system/],
    ['a link named ..dots', [undefined, 'a=..dots'], 'secret-files', 1, /outside it/],
    ['a link to a directory outside', [undefined, 'a=dirlink/f'], 'secret-files', 1, /outside it/],
    ['empty path', [undefined, 'a='], 'secret-files', 1, /id=path/],
    ['unset variable', [undefined, undefined, 'a=MY_TOKEN\nb=NOT_SET_ANYWHERE'], 'secret-envs', 2, /NOT_SET_ANYWHERE is not set/],
    ['bad variable name', [undefined, undefined, 'a=MY-TOKEN'], 'secret-envs', 1, /id=ENV_NAME/],
    ['duplicate in one input', ['a=hunter2-1\n\na=hunter2-2'], 'secrets', 3, /"a" is already given \(secrets, line 1\)/],
    ['duplicate across inputs', ['tok=hunter2-1', 'x=npmrc\ntok=npmrc'], 'secret-files', 2, /"tok" is already given \(secrets, line 1\)/],
    ['duplicate env after file', [undefined, 'tok=npmrc', '\ntok=MY_TOKEN'], 'secret-envs', 2, /"tok" is already given \(secret-files, line 1\)/]
  ])('%s', (_name, [s, f, e], input, line, message) => {
    const r = run(s, f, e);
    expect(r.errors).toHaveLength(1);
    const [err] = r.errors as InputError[];
    expect({input: err.input, line: err.line}).toEqual({input, line});
    expect(err.message).toMatch(message);
    expect(err.message).not.toMatch(SECRET_TEXT);
    expect(err.message).not.toContain('env-s3cret-value');
  });

  test('through getInputs: every error at once, before anything runs', () => {
    let thrown: unknown;
    try {
      getInputs({INPUT_SECRETS: 'bad hunter2', 'INPUT_SECRET-FILES': 'f=nope', 'INPUT_SECRET-ENVS': 'e=NOPE_NOT_SET'}, ws);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputErrors);
    expect((thrown as InputErrors).errors.map(e => [e.input, e.line])).toEqual([['secrets', 1], ['secret-files', 1], ['secret-envs', 1]]);
    expect((thrown as InputErrors).message).not.toContain('hunter2');
  });
});

describe('short values', () => {
  test.each([
    ['secrets', ['k=abc'], 'secrets'],
    ['empty value', ['k='], 'secrets'],
    ['env', [undefined, undefined, 'k=TINY'], 'secret-envs']
  ] as [string, [string?, string?, string?], string][])('%s: a warning naming input and line, the secret still used', (_n, [s, f, e], input) => {
    const r = run(s, f, e);
    expect(r.errors).toEqual([]);
    expect(r.secrets).toHaveLength(1);
    expect(r.warnings).toEqual([expect.stringMatching(new RegExp(`^Input "${input}", line 1: the value of secret "k" is shorter than ${SHORT_SECRET} characters`))]);
    expect(r.warnings[0]).not.toMatch(/"abc"|"ab"/);
  });
  test('values of 4 characters or more: no warning', () => {
    expect(run('k=abcd', undefined, 'e=MY_TOKEN').warnings).toEqual([]);
  });
  test('the warnings reach Inputs', () => {
    expect(getInputs({INPUT_SECRETS: 'k=ab'}, ws).engine.secretWarnings).toHaveLength(1);
  });
});

describe('what is masked', () => {
  test('every value, each line of a multi-line one (short lines not alone), env values; not file contents', () => {
    const r = run('"cert=line one\nab\n  last line  "', 'f=npmrc', 'e=MY_TOKEN');
    expect(secretValues(r.secrets)).toEqual(['line one\nab\n  last line', 'line one', 'last line', 'env-s3cret-value']);
  });
});
