/**
 * What kind of tag a tag name is, for the tag phase and the policy. Pure.
 *
 * - immutable: names one release for good: it holds the commit SHA (at least 7 hex characters, a prefix
 *   of the run's commit) as a whole token, or a full version `X.Y.Z` (with an optional pre-release).
 * - mutable: a channel that moves from release to release (`latest`, a branch, `1`, `1.2`, `pr-12`,
 *   `env-prod`, `nightly`, ...). Moved after every immutable tag, and guarded against moving backwards.
 */

/** The tokens of a tag: runs of letters and digits (`sha-abc1234` -> sha, abc1234). */
function tokens(tag: string): string[] {
  return tag.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** True when the tag holds the commit SHA (at least 7 characters of it, from its start) as a whole token. */
export function holdsCommitSha(tag: string, sha: string): boolean {
  const full = sha.toLowerCase();
  if (!/^[0-9a-f]{7,}$/.test(full)) return false;
  return tokens(tag).some(t => t.length >= 7 && /^[0-9a-f]+$/.test(t) && full.startsWith(t));
}

/** A full version `X.Y.Z` anywhere in the tag, as whole numbers (`v1.2.3`, `1.2.3-rc.1`, `app-1.2.3`). */
export function holdsFullVersion(tag: string): boolean {
  return /(?:^|[^0-9.])\d+\.\d+\.\d+(?![0-9]|\.\d)/.test(tag);
}

export type TagKind = 'immutable' | 'mutable';

export function tagKind(tag: string, sha: string): TagKind {
  return holdsCommitSha(tag, sha) || holdsFullVersion(tag) ? 'immutable' : 'mutable';
}

/** The tags in the order they move: immutable first, then mutable, each in the plan's order. */
export function orderForMoving(tags: string[], sha: string): {immutable: string[]; mutable: string[]} {
  const immutable = tags.filter(t => tagKind(t, sha) === 'immutable');
  return {immutable, mutable: tags.filter(t => tagKind(t, sha) === 'mutable')};
}
