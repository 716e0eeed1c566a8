/**
 * The inputs of `mode: prune`: `keep` (how many of the most recent versions stay), `keep-tags` (regexes
 * whose matches are never deleted), `delete-untagged`, `older-than` and `prune-api` (which back end
 * lists and deletes). Pure; every problem is an InputError naming the input (and the line). With another
 * mode they are still checked (a malformed value is an error in any mode), and a given one is a warning
 * (inputs/modes.ts): never silently unused.
 */
import {InputError} from './errors.js';

/** One `keep-tags` pattern: the regex, as written (for the reasons: "keep-tags ^env-"), and its line. */
export interface KeepTag {
  pattern: RegExp;
  source: string;
  /** The line of the input; undefined for the defaults. */
  line?: number;
}

export type PruneApi = 'auto' | 'github-packages' | 'distribution';

export interface PruneInputs {
  /** How many of the most recent versions are kept (default 10, at least 1). */
  keep: number;
  /** Tags matching any of these are never deleted; the input replaces the defaults when given. */
  keepTags: KeepTag[];
  deleteUntagged: boolean;
  /** Only versions older than this are deleted; undefined: any age. */
  olderThan?: {text: string; ms: number};
  api: PruneApi;
  /** The prune inputs the workflow gave (non-empty), for the warning of another mode. */
  given: string[];
}

export const PRUNE_INPUTS = ['keep', 'keep-tags', 'delete-untagged', 'older-than', 'prune-api'] as const;

/**
 * What is never deleted unless `keep-tags` says otherwise: semantic versions (`v1.2.3`, `1.2`,
 * `1.2.3-rc.1`), the channels (`env-*`) and `latest`. (A channel's history is kept as well, always: see
 * pipeline/prune.ts.)
 */
export const DEFAULT_KEEP_TAGS = ['^v?\\d+\\.\\d+(\\.\\d+)?(-[0-9A-Za-z][0-9A-Za-z.-]*)?$', '^env-', '^latest$'];

export const DEFAULT_KEEP = 10;
const UNIT_MS: Record<string, number> = {h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000};

export interface RawPruneInputs {
  keep: string;
  /** The non-empty, non-comment lines of `keep-tags`. */
  keepTags: {line: number; text: string}[];
  deleteUntagged: string;
  olderThan: string;
  api: string;
}

/** Reads the prune inputs (values trimmed; '' when not given); returns them and every problem. */
export function parsePruneInputs(raw: RawPruneInputs): {prune: PruneInputs; errors: InputError[]} {
  const errors: InputError[] = [];
  const given = [raw.keep && 'keep', raw.keepTags.length && 'keep-tags', raw.deleteUntagged && 'delete-untagged', raw.olderThan && 'older-than', raw.api && 'prune-api'].filter((x): x is string => typeof x === 'string' && x !== '');
  let keep = DEFAULT_KEEP;
  if (raw.keep) {
    if (/^\d{1,6}$/.test(raw.keep) && Number(raw.keep) >= 1) keep = Number(raw.keep);
    else errors.push(new InputError('keep', 'expected a whole number of at least 1 (how many of the most recent versions to keep)', undefined, raw.keep.slice(0, 40)));
  }
  let keepTags: KeepTag[] = DEFAULT_KEEP_TAGS.map(source => ({pattern: new RegExp(source), source}));
  if (raw.keepTags.length) {
    keepTags = [];
    for (const {line, text} of raw.keepTags) {
      try {
        keepTags.push({pattern: new RegExp(text), source: text, line});
      } catch (e) {
        errors.push(new InputError('keep-tags', `is not a regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`, line, text.slice(0, 140)));
      }
    }
  }
  let deleteUntagged = false;
  if (raw.deleteUntagged) {
    if (/^true$/i.test(raw.deleteUntagged)) deleteUntagged = true;
    else if (!/^false$/i.test(raw.deleteUntagged)) errors.push(new InputError('delete-untagged', 'expected true or false', undefined, raw.deleteUntagged.slice(0, 40)));
  }
  let olderThan: PruneInputs['olderThan'];
  if (raw.olderThan) {
    const m = /^(\d{1,5})\s*([hdw])$/i.exec(raw.olderThan);
    if (m && Number(m[1]) >= 1) olderThan = {text: raw.olderThan, ms: Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]!};
    else errors.push(new InputError('older-than', 'expected a number of hours, days or weeks of at least 1: <n>h, <n>d or <n>w (e.g. 30d)', undefined, raw.olderThan.slice(0, 40)));
  }
  let api: PruneApi = 'auto';
  if (raw.api) {
    const v = raw.api.toLowerCase();
    if (v === 'auto' || v === 'github-packages' || v === 'distribution') api = v;
    else errors.push(new InputError('prune-api', 'expected one of auto, github-packages, distribution', undefined, raw.api.slice(0, 40)));
  }
  return {prune: {keep, keepTags, deleteUntagged, olderThan, api, given}, errors};
}

/** The back end `prune-api` names for a registry host: auto is GitHub Packages for ghcr.io, the distribution API otherwise. */
export function pruneApiFor(api: PruneApi, host: string): 'github-packages' | 'distribution' {
  if (api !== 'auto') return api;
  return host.toLowerCase() === 'ghcr.io' ? 'github-packages' : 'distribution';
}
