import {afterAll, describe, expect, test} from '@jest/globals';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseVersionFile, checkTagAgreesWithFile, readVersionFile} from '../../src/pipeline/inputs/version-file.js';
import {InputError} from '../../src/pipeline/inputs/errors.js';
import {thrown} from '../support/pipeline.js';

describe('checkTagAgreesWithFile', () => {
  test.each([
    ['refs/tags/v1.0.0', '1.0.0'],
    ['refs/tags/v1.2.3', 'v1.2.3'],
    ['refs/tags/v1.2.3', '1.2.3+build.7'],
    ['refs/tags/v1.0.post1', '1.0.post1'],
    ['refs/tags/2.0.0-rc.1', '2.0.0-rc.1'],
    ['refs/tags/1.0.0', '1.0.0'],
    ['refs/tags/p1/v1.0.0', '1.0.0'],
    ['refs/tags/app/v1.4.2', '1.4.2'],
    ['refs/tags/v1.0', '1.0'],
    ['refs/heads/main', '9.9.9'],
    ['refs/pull/1/merge', '9.9.9'],
    ['', '1.0.0']
  ])('%s agrees with %s', (ref, version) => {
    expect(() => checkTagAgreesWithFile(ref, version, 'VERSION')).not.toThrow();
  });

  test.each([
    ['refs/tags/v1.0.1', '1.0.0'],
    ['refs/tags/p1/v2.0.0', '1.0.0'],
    ['refs/tags/sometag', '1.0.0'],
    ['refs/tags/v1.0.0-rc.1', '1.0.0'],
    ['refs/tags/v1.0.0', '1.0.0-rc.1'],
    ['refs/tags/release-1.0.0', '1.0.0'],
    ['refs/tags/1.0', '1.0.0']
  ])('tag %s disagrees with %s: an InputError naming both versions', (ref, version) => {
    const e = thrown(() => checkTagAgreesWithFile(ref, version, 'VERSION'));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).input).toBe('version-file');
    const tag = ref.slice('refs/tags/'.length);
    expect((e as InputError).message).toContain(tag);
    expect((e as InputError).message).toContain(version);
    expect((e as InputError).message).toContain('VERSION');
  });

  test('the message says what to do', () => {
    expect(() => checkTagAgreesWithFile('refs/tags/v1.0.1', '1.0.0', 'app/VERSION')).toThrow(
      'Input "version-file": the git tag v1.0.1 does not agree with app/VERSION, which says 1.0.0; tag the release as v1.0.0 or update app/VERSION'
    );
  });
});

describe('parseVersionFile', () => {
  test.each([
    ['1.4.2', '1.4.2'],
    ['1.4.2\n', '1.4.2'],
    ['# the release\n\n  2.0.0-rc.1  \r\n', '2.0.0-rc.1'],
    ['1.0.post1', '1.0.post1'],
    ['v1.2.3', 'v1.2.3'],
    ['1.2', '1.2'],
    ['1!2.0', '1!2.0'],
    ['3.0.0\n4.0.0\n', '3.0.0']
  ])('parseVersionFile(%j) = %s', (content, version) => {
    expect(parseVersionFile(content, 'VERSION')).toBe(version);
  });

  test.each([
    ['garbage', /VERSION holds "garbage", which is neither a semantic version nor a PEP 440 version/],
    ['version: 1.2.3', /neither a semantic version nor a PEP 440 version/],
    ['', /VERSION holds no version/],
    ['# only a comment\n\n', /VERSION holds no version/],
    ['\n   \n', /VERSION holds no version/],
    ['1.2.3 # the release', /holds a first line that does not look like a version \(not shown\)/]
  ])('parseVersionFile(%j) is an InputError', (content, message) => {
    const e = thrown(() => parseVersionFile(content, 'VERSION'));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).input).toBe('version-file');
    expect((e as InputError).message).toMatch(message);
  });

});

describe('readVersionFile: a file a fork may have written', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-versionfile-'));
  const ws = path.join(base, 'ws');
  const wsLink = path.join(base, 'ws-link');
  const TOKEN = 'ghs_versionFileToken0123456789ABCDEF';
  fs.mkdirSync(path.join(ws, 'sub'), {recursive: true});
  fs.symlinkSync(ws, wsLink);
  fs.writeFileSync(path.join(ws, 'VERSION'), '1.4.2\n');
  fs.writeFileSync(path.join(ws, 'sub', 'VERSION'), '# the release\n2.0.0\n');
  fs.symlinkSync('sub/VERSION', path.join(ws, 'inside-link'));
  fs.symlinkSync('/proc/self/environ', path.join(ws, 'environ'));
  fs.writeFileSync(path.join(base, 'outside'), `${TOKEN}\n`);
  fs.symlinkSync(path.join(base, 'outside'), path.join(ws, 'outside-link'));
  fs.symlinkSync('..', path.join(ws, 'up'));
  execFileSync('mkfifo', [path.join(ws, 'fifo')]);
  fs.writeFileSync(path.join(ws, 'big'), '1.0.0\n' + 'x'.repeat(5000));
  fs.writeFileSync(path.join(ws, 'secret'), `TOKEN=${TOKEN} and more\n`);
  afterAll(() => fs.rmSync(base, {recursive: true, force: true}));

  test.each([
    [ws, 'VERSION', '1.4.2'],
    [ws, 'sub/VERSION', '2.0.0'],
    [ws, './inside-link', '2.0.0'],
    [wsLink, 'VERSION', '1.4.2'],
    [ws, path.join(ws, 'VERSION'), '1.4.2']
  ])('%s + %s: %s', (workspace, file, version) => {
    expect(parseVersionFile(readVersionFile(workspace, file), file)).toBe(version);
  });

  test.each([
    ['environ', /outside the workspace/],
    ['outside-link', /outside the workspace/],
    ['../outside', /outside the workspace/],
    ['up/outside', /outside the workspace/],
    [path.join(base, 'outside'), /outside the workspace/],
    ['/etc/hostname', /outside the workspace/],
    ['.', /outside the workspace/],
    ['sub', /not a regular file/],
    ['fifo', /not a regular file/],
    ['big', /is 5006 bytes; a version file holds one version \(at most 4096 bytes\)/],
    ['missing', /cannot read missing: ENOENT/]
  ])('%s is refused', (file, message) => {
    const e = thrown(() => readVersionFile(ws, file));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).input).toBe('version-file');
    expect((e as InputError).message).toMatch(message);
    expect((e as InputError).message).not.toContain(TOKEN);
  });

  test('a file that is not a version: the error quotes nothing of it', () => {
    const e = thrown(() => parseVersionFile(readVersionFile(ws, 'secret'), 'secret'));
    expect((e as InputError).message).toMatch(/secret holds a first line that does not look like a version \(not shown\)/);
    expect((e as InputError).message).not.toContain(TOKEN.slice(4, 12));
  });

  test.each([
    ['not-a-version', true],
    ['x'.repeat(65), false],
    ['a b', false],
    ['<img src=x>', false]
  ])('only a version-shaped excerpt is quoted: %s', (line, quoted) => {
    const e = thrown(() => parseVersionFile(`${line}\n`, 'VERSION'));
    expect((e as InputError).message.includes(line)).toBe(quoted);
  });
});
