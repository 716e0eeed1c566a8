/**
 * The inputs of `mode: promote`: `from` (a tag or a digest every image already has) and `to` (the tags
 * to point at it, one a line). Pure; every problem is an InputError naming the input (and the line).
 */
import {isValidTag} from '../../lib/reference.js';
import {InputError} from './errors.js';

export interface PromoteInputs {
  /** `from` as written: a tag, or `sha256:<64 hex>`. '' when not given. */
  from: string;
  /** The target tags (promote) or channels (rollback, history), in input order, each with its line. */
  to: {tag: string; line: number}[];
  /** mode: rollback: how many recorded moves back (default 1); `stepsGiven` when the input was set. */
  steps: number;
  stepsGiven: boolean;
  /** mode: promote: the registry host the target tags are in ('' = the images' own); lowercased. */
  toRegistry: string;
}

/** The modes that read `from`, `to` and `steps`. */
export const LIFECYCLE_MODES = ['promote', 'rollback', 'history'];

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** What `from` names: a digest, or a tag. */
export function sourceKind(from: string): 'digest' | 'tag' {
  return from.startsWith('sha256:') ? 'digest' : 'tag';
}

/** Checks `from`, `to` and `steps` of the lifecycle modes; returns the problems, nothing when valid. */
export function checkPromoteInputs(mode: string, from: string, to: {tag: string; line: number}[], steps: {value: string; given: boolean} = {value: '1', given: false}, toRegistry = ''): InputError[] {
  const errors: InputError[] = [];
  if (mode === 'verify') {
    // verify reads `from` (what to check) and nothing else of these
    if (!from) errors.push(new InputError('from', 'is required with mode: verify: the tag or digest every image is checked at (e.g. v1.2.3, env-prod or sha256:…)'));
    else if (sourceKind(from) === 'digest' ? !DIGEST.test(from) : !isValidTag(from)) errors.push(new InputError('from', 'is neither a tag (a letter, digit or _, then up to 127 letters, digits, _, . and -) nor a digest (sha256: and 64 lowercase hex digits)', undefined, from.slice(0, 140)));
    if (to.length) errors.push(new InputError('to', 'is not read by mode: verify (it checks the images at from, and moves nothing)'));
    if (steps.given) errors.push(new InputError('steps', 'is read by mode: rollback only, not mode: verify'));
    if (toRegistry) errors.push(new InputError('to-registry', 'is read by mode: promote only, not mode: verify'));
    return errors;
  }
  if (!LIFECYCLE_MODES.includes(mode)) return errors; // unused elsewhere: a warning (inputs/modes.ts)
  if (mode === 'promote' && !from) errors.push(new InputError('from', 'is required with mode: promote: the tag or digest every image already has (e.g. sha-abc1234, v1.2.3 or sha256:…)'));
  else if (from && (sourceKind(from) === 'digest' ? !DIGEST.test(from) : !isValidTag(from))) {
    errors.push(new InputError('from', 'is neither a tag (a letter, digit or _, then up to 127 letters, digits, _, . and -) nor a digest (sha256: and 64 lowercase hex digits)', undefined, from.slice(0, 140)));
  }
  if (mode === 'history' && from) errors.push(new InputError('from', 'is not read by mode: history (it shows the channels of the to input)'));
  if (!to.length) errors.push(new InputError('to', mode === 'promote' ? 'is required with mode: promote: the tags to point at the source, one a line (e.g. env-prod)' : `is required with mode: ${mode}: the channel tags, one a line (e.g. env-prod)`));
  const seen = new Map<string, number>();
  for (const t of to) {
    if (!isValidTag(t.tag)) errors.push(new InputError('to', 'is not a tag (a letter, digit or _, then up to 127 letters, digits, _, . and -)', t.line, t.tag.slice(0, 140)));
    else if (seen.has(t.tag)) errors.push(new InputError('to', `names ${t.tag} twice (first on line ${seen.get(t.tag)})`, t.line, t.tag));
    else seen.set(t.tag, t.line);
    if (t.tag === from) errors.push(new InputError('to', `is the source tag itself (from: ${from})`, t.line, t.tag));
  }
  if (toRegistry && mode !== 'promote') errors.push(new InputError('to-registry', `is read by mode: promote only, not mode: ${mode}`));
  else if (toRegistry && !/^[a-z0-9.-]+(:\d{1,5})?$/.test(toRegistry.replace(/^https?:\/\//, '').replace(/\/+$/, '').toLowerCase())) {
    errors.push(new InputError('to-registry', 'is not a registry host (e.g. docker.io, registry.example.com, 127.0.0.1:5000; no path: the images keep theirs)', undefined, toRegistry.slice(0, 140)));
  }
  if (steps.given) {
    if (mode !== 'rollback') errors.push(new InputError('steps', `is read by mode: rollback only, not mode: ${mode}`));
    else if (!/^[1-9]\d{0,3}$/.test(steps.value)) errors.push(new InputError('steps', 'expected a whole number from 1 to 9999 (how many recorded moves to go back)', undefined, steps.value.slice(0, 40)));
    else if (from) errors.push(new InputError('steps', 'and from both name where to roll back to: give one of them'));
  }
  return errors;
}

/** `to-registry` as the engine uses it: the host, without scheme or trailing slash, lowercased. */
export function registryHost(text: string): string {
  return text.replace(/^https?:\/\//, '').replace(/\/+$/, '').toLowerCase();
}
