/**
 * `version-file`: a file that holds the release version (`VERSION` with `1.4.2`). semver/pep440 tag
 * expressions without `value=` take their version from it on every event; on a tag push the tag must agree.
 */
import * as semver from '../../lib/semver.js';
import * as pep440 from '@renovatebot/pep440';
import {InputError} from './errors.js';

/** The version in the file's text: its first non-empty, non-comment line. */
export function parseVersionFile(content: string, path: string): string {
  const line = content
    .split(/\r?\n/)
    .map(l => l.trim())
    .find(l => l !== '' && !l.startsWith('#'));
  if (!line) throw new InputError('version-file', `${path} holds no version`);
  if (!semver.valid(line) && !pep440.valid(line)) {
    throw new InputError('version-file', `${path} holds "${line}", which is neither a semantic version nor a PEP 440 version`);
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
