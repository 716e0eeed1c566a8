/**
 * The inputs of `mode: promote`: `from` (a tag or a digest every image already has) and `to` (the tags
 * to point at it, one a line). Pure; every problem is an InputError naming the input (and the line).
 */
import {isValidTag} from '../../lib/reference.js';
import {InputError} from './errors.js';

export interface PromoteInputs {
  /** `from` as written: a tag, or `sha256:<64 hex>`. '' when not given. */
  from: string;
  /** The target tags, in input order, each with its line. */
  to: {tag: string; line: number}[];
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** What `from` names: a digest, or a tag. */
export function sourceKind(from: string): 'digest' | 'tag' {
  return from.startsWith('sha256:') ? 'digest' : 'tag';
}

/** Checks `from` (one value) and `to` (lines already split) of mode: promote; returns the problems, nothing when valid. */
export function checkPromoteInputs(mode: string, from: string, to: {tag: string; line: number}[]): InputError[] {
  const errors: InputError[] = [];
  if (mode !== 'promote') return errors; // unused elsewhere: a warning (inputs/modes.ts)
  if (!from) errors.push(new InputError('from', 'is required with mode: promote: the tag or digest every image already has (e.g. sha-abc1234, v1.2.3 or sha256:…)'));
  else if (sourceKind(from) === 'digest' ? !DIGEST.test(from) : !isValidTag(from)) {
    errors.push(new InputError('from', 'is neither a tag (a letter, digit or _, then up to 127 letters, digits, _, . and -) nor a digest (sha256: and 64 lowercase hex digits)', undefined, from.slice(0, 140)));
  }
  if (!to.length) errors.push(new InputError('to', 'is required with mode: promote: the tags to point at the source, one a line (e.g. env-prod)'));
  const seen = new Map<string, number>();
  for (const t of to) {
    if (!isValidTag(t.tag)) errors.push(new InputError('to', 'is not a tag (a letter, digit or _, then up to 127 letters, digits, _, . and -)', t.line, t.tag.slice(0, 140)));
    else if (seen.has(t.tag)) errors.push(new InputError('to', `names ${t.tag} twice (first on line ${seen.get(t.tag)})`, t.line, t.tag));
    else seen.set(t.tag, t.line);
    if (t.tag === from) errors.push(new InputError('to', `is the source tag itself (from: ${from})`, t.line, t.tag));
  }
  return errors;
}
