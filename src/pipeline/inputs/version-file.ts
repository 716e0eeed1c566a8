/**
 * `version-file`: a file that holds the release version (`VERSION` with `1.4.2`). semver/pep440 tag
 * expressions without `value=` take their version from it on every event; on a tag push the tag must agree.
 */
import * as semver from '../../lib/semver.js';
import * as pep440 from '@renovatebot/pep440';
import {closeSync, constants, fstatSync, openSync, readSync, realpathSync} from 'node:fs';
import {isAbsolute, relative, resolve} from 'node:path';
import {InputError} from './errors.js';

/** A version file is one short line; anything bigger is not one (and is not read into memory). */
export const MAX_VERSION_FILE_BYTES = 4096;

/** Only text shaped like a version is ever quoted back: a file from a fork may hold anything (tokens). */
const VERSION_SHAPED = /^[0-9A-Za-z.+_-]{1,64}$/;

/**
 * Reads `version-file` as a fork's pull request may have written it: the path, symlinks resolved, must
 * stay inside the workspace (no /proc/self/environ, no file of the runner), be a regular file (no FIFO or
 * device, opened non-blocking and without following a link swapped in after the check) of a few KiB.
 */
export function readVersionFile(workspace: string, path: string): string {
  const fail = (why: string) => new InputError('version-file', `${path} ${why}`);
  let root: string;
  let target: string;
  try {
    root = realpathSync(workspace);
    target = realpathSync(resolve(root, path));
  } catch (e) {
    throw new InputError('version-file', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw fail('resolves outside the workspace (GITHUB_WORKSPACE); a version file must be a file of the repository');
  let fd: number;
  try {
    fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (e) {
    throw new InputError('version-file', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw fail('is not a regular file');
    if (st.size > MAX_VERSION_FILE_BYTES) throw fail(`is ${st.size} bytes; a version file holds one version (at most ${MAX_VERSION_FILE_BYTES} bytes)`);
    const buf = Buffer.alloc(MAX_VERSION_FILE_BYTES + 1);
    let n = 0;
    for (let got = -1; got !== 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
    if (n > MAX_VERSION_FILE_BYTES) throw fail(`is more than ${MAX_VERSION_FILE_BYTES} bytes; a version file holds one version`);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The version in the file's text: its first non-empty, non-comment line. */
export function parseVersionFile(content: string, path: string): string {
  const line = content
    .split(/\r?\n/)
    .map(l => l.trim())
    .find(l => l !== '' && !l.startsWith('#'));
  if (!line) throw new InputError('version-file', `${path} holds no version`);
  if (!semver.valid(line) && !pep440.valid(line)) {
    const shown = VERSION_SHAPED.test(line) ? `"${line}"` : 'a first line that does not look like a version (not shown)';
    throw new InputError('version-file', `${path} holds ${shown}, which is neither a semantic version nor a PEP 440 version`);
  }
  return line;
}

function normalise(v: string): string | undefined {
  return semver.clean(v) ?? (pep440.valid(v) ? (pep440.clean(v) ?? undefined) : undefined);
}

/** On a tag push, the tag must name the file's version (`v1.4.2`, `1.4.2`, `app/v1.4.2` for 1.4.2). */
export function checkTagAgreesWithFile(ref: string, fileVersion: string, path: string): void {
  if (!ref.startsWith('refs/tags/')) return;
  const tag = ref.slice('refs/tags/'.length);
  const want = normalise(fileVersion);
  const last = tag.split('/').pop() ?? tag;
  const got = normalise(tag) ?? normalise(last);
  if (want === undefined || got !== want) {
    throw new InputError('version-file', `the git tag ${tag} does not agree with ${path}, which says ${fileVersion}; tag the release as v${want ?? fileVersion} or update ${path}`);
  }
}
