/**
 * Tag expressions (`type=semver,pattern={{version}}`), read exactly as docker/metadata-action reads
 * them: the same types, attributes, defaults, priorities and errors.
 */
import {splitFields, splitKeyValue} from '../inputs/csv.js';

export const TAG_TYPES = ['schedule', 'semver', 'pep440', 'match', 'edge', 'ref', 'raw', 'sha'] as const;
export type TagType = (typeof TAG_TYPES)[number];

export const REF_EVENTS = ['branch', 'tag', 'pr'] as const;
export const SHA_FORMATS = ['short', 'long'] as const;

/** Attributes a tag expression may carry; anything else is a typo we refuse rather than ignore. */
export const TAG_ATTRIBUTES = ['type', 'value', 'pattern', 'group', 'match', 'event', 'branch', 'format', 'prefix', 'suffix', 'enable', 'priority', 'tz'] as const;

export const DEFAULT_PRIORITIES: Record<TagType, number> = {
  schedule: 1000,
  semver: 900,
  pep440: 900,
  match: 800,
  edge: 700,
  ref: 600,
  raw: 200,
  sha: 100
};

/** metadata-action's defaults when the `tags` input is empty. */
export const DEFAULT_TAG_EXPRESSIONS = ['type=schedule', 'type=ref,event=branch', 'type=ref,event=tag', 'type=ref,event=pr'];

export interface TagExpression {
  type: TagType;
  /** Attributes as written, plus the type's defaults (prefix, format, group, ...). */
  attrs: Record<string, string>;
  priority: number;
  /** The line as the user wrote it, for messages. */
  source: string;
  /** Its line in the `tags` input (undefined for the defaults). */
  line?: number;
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Parses one tag expression; throws an Error whose message explains what is wrong. */
export function parseTagExpression(source: string): TagExpression {
  let fields: string[];
  try {
    fields = splitFields(source);
  } catch (e) {
    throw new Error(`cannot be read as comma-separated fields: ${(e as Error).message}`);
  }
  let type: TagType | undefined;
  const attrs: Record<string, string> = {};
  for (const field of fields) {
    const {key, value} = splitKeyValue(field);
    if (key === undefined) {
      attrs['value'] = value;
    } else if (key === 'type') {
      if (!(TAG_TYPES as readonly string[]).includes(value)) {
        throw new Error(`unknown tag type "${value}" (expected one of ${TAG_TYPES.join(', ')})`);
      }
      type = value as TagType;
    } else if (!(TAG_ATTRIBUTES as readonly string[]).includes(key)) {
      throw new Error(`unknown attribute "${key}" (expected one of ${TAG_ATTRIBUTES.join(', ')})`);
    } else {
      attrs[key] = value;
    }
  }
  type ??= 'raw';

  switch (type) {
    case 'schedule':
      if (!has(attrs, 'pattern')) attrs['pattern'] = 'nightly';
      break;
    case 'semver':
    case 'pep440':
      if (!has(attrs, 'pattern')) throw new Error(`missing pattern attribute for type=${type}`);
      attrs['value'] ??= '';
      attrs['match'] ??= '';
      if (attrs['match']) compileRegex(attrs['match'], 'match');
      break;
    case 'match':
      if (!has(attrs, 'pattern')) throw new Error('missing pattern attribute for type=match');
      attrs['group'] ??= '0';
      if (!/^\d+$/.test(attrs['group'])) throw new Error(`invalid match group "${attrs['group']}" (a number is expected)`);
      attrs['value'] ??= '';
      matchRegex(attrs['pattern']);
      break;
    case 'edge':
      attrs['branch'] ??= '';
      break;
    case 'ref':
      if (!has(attrs, 'event')) throw new Error(`missing event attribute for type=ref (one of ${REF_EVENTS.join(', ')})`);
      if (!(REF_EVENTS as readonly string[]).includes(attrs['event'])) {
        throw new Error(`invalid event "${attrs['event']}" for type=ref (one of ${REF_EVENTS.join(', ')})`);
      }
      if (attrs['event'] === 'pr' && !has(attrs, 'prefix')) attrs['prefix'] = 'pr-';
      break;
    case 'raw':
      if (!has(attrs, 'value')) throw new Error('missing value attribute for type=raw');
      break;
    case 'sha':
      if (!has(attrs, 'prefix')) attrs['prefix'] = 'sha-';
      attrs['format'] ??= 'short';
      if (!(SHA_FORMATS as readonly string[]).includes(attrs['format'])) {
        throw new Error(`invalid format "${attrs['format']}" for type=sha (one of ${SHA_FORMATS.join(', ')})`);
      }
      break;
  }
  if (attrs['tz'] !== undefined) checkTimeZone(attrs['tz']);
  attrs['enable'] ??= 'true';
  if (has(attrs, 'priority')) {
    // metadata-action reads it with parseInt: a whole number, nothing else (no Infinity, no 1.5)
    if (!/^-?\d+$/.test(attrs['priority']) || !Number.isSafeInteger(Number(attrs['priority']))) throw new Error(`invalid priority "${attrs['priority']}" (a number is expected)`);
  } else {
    attrs['priority'] = String(DEFAULT_PRIORITIES[type]);
  }
  return {type, attrs, priority: Number(attrs['priority']), source};
}

/** Orders expressions by priority, highest first; equal priorities keep their written order. */
export function sortByPriority(tags: TagExpression[]): TagExpression[] {
  return [...tags].sort((a, b) => b.priority - a.priority);
}

/** Throws unless `tz` is an IANA time zone this runtime knows (`Asia/Tokyo`, `UTC`, ...). */
export function checkTimeZone(tz: string): void {
  try {
    new Intl.DateTimeFormat('en-US', {timeZone: tz});
  } catch {
    throw new Error(`unknown time zone "${tz}" (an IANA name such as UTC or Europe/Paris is expected)`);
  }
}

function compileRegex(source: string, what: string, flags?: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new Error(`${what} "${source}" is not a valid regular expression: ${(e as Error).message}`);
  }
}

/** A match pattern is a regex source, or `/source/flags` as metadata-action allows. */
export function matchRegex(pattern: string): RegExp {
  const literal = /^\/(.+)\/(.*)$/.exec(pattern);
  return literal ? compileRegex(literal[1], 'pattern', literal[2]) : compileRegex(pattern, 'pattern');
}

export function describeTag(tag: TagExpression): string {
  return [`type=${tag.type}`, ...Object.entries(tag.attrs).map(([k, v]) => `${k}=${v}`)].join(',');
}
