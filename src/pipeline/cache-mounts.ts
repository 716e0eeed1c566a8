/**
 * Cache mounts (`RUN --mount=type=cache,...`) of the Dockerfiles being built, found before the build so
 * that their content can be restored into the builder and saved after it (engine/steps/cache-mounts.ts).
 * Pure: it reads only the text it is handed.
 *
 * Dockerfiles come from the repository, which on a pull request is the fork's: nothing here trusts them.
 * dockerfile-ast splits the file into instructions (the escape directive, line continuations, comments
 * inside them, heredoc bodies); the flags of a RUN are then read as BuildKit reads them: the flag words
 * unquoted, the `--mount` value split as CSV, keys lower-cased, each value expanded. Only values the
 * action can hand back to BuildKit byte for byte are kept: a mount whose id or target uses a variable
 * other than the TARGET* platform arguments, holds characters outside a small safe set, or is longer than
 * MAX_VALUE is skipped with a note. The id is never used as a path on the runner (keys are hashed).
 */
import {splitFields} from './inputs/csv.js';
import {parsePlatform} from '../lib/platform.js';

export type Sharing = 'shared' | 'private' | 'locked';

export interface CacheMount {
  /** BuildKit's id of the cache (the target when the mount names none), variables expanded. */
  id: string;
  target: string;
  uid?: number;
  gid?: number;
  /** Octal, as written (`0755`). */
  mode?: string;
  sharing: Sharing;
  /** Set when the id depends on the platform (`id=npm-$TARGETARCH`): the one platform it is used by. */
  platform?: string;
  /** Where it was found, for messages: `Dockerfile:12`, or `input cache-mounts, line 2`. */
  where: string;
}

export interface Discovery {
  mounts: CacheMount[];
  /** What was skipped and why (safe to show: values are excerpts, escaped by the reader's report). */
  notes: string[];
}

/** The longest id or target the action carries (BuildKit has no limit; a cache key has one). */
export const MAX_VALUE = 255;
/** At most this many mounts per run: each one is two builds and a cache entry. */
export const MAX_MOUNTS = 32;
/** What an id or target may be made of to be handed back to BuildKit as is: no quote, comma, `$` or blank. */
const SAFE = /^[A-Za-z0-9_./+:@%~-]+$/;
const SHARING: readonly Sharing[] = ['shared', 'private', 'locked'];
const PLATFORM_ARGS = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT'] as const;

/** A value for a note: at most 60 characters, control characters shown as `\xNN`. */
export function excerpt(value: string): string {
  const cut = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  // eslint-disable-next-line no-control-regex
  return JSON.stringify(cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/**
 * The `--flag` words at the start of an instruction's arguments, as BuildKit's parser takes them: words
 * split at blanks, quotes (`"` `'`) removed and keeping blanks, a backslash taking the next character
 * literally (outside single quotes); the flags end at the first word that does not start with `--`, or
 * at a bare `--`.
 */
export function leadingFlags(args: string): string[] {
  const words: string[] = [];
  let i = 0;
  const n = args.length;
  for (;;) {
    while (i < n && /\s/.test(args[i])) i++;
    if (i >= n || !args.startsWith('--', i)) return words;
    let word = '';
    let quote = '';
    let quoted = false;
    for (; i < n; i++) {
      const ch = args[i];
      if (quote) {
        if (ch === quote) quote = '';
        else if (ch === '\\' && quote === '"' && i + 1 < n) word += args[++i];
        else word += ch;
        continue;
      }
      if (/\s/.test(ch)) break;
      if (ch === '"' || ch === "'") {
        quote = ch;
        quoted = true;
      } else if (ch === '\\') {
        if (i + 1 < n) word += args[++i];
      } else word += ch;
    }
    if (word === '--' && !quoted) return words;
    words.push(word);
  }
}

/** The first logical line of an instruction (its flags are there): continuations joined, comment lines dropped. */
function logicalLine(lines: string[], escape: string): string {
  let out = '';
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k].replace(/\r$/, '');
    if (k > 0 && (/^\s*#/.test(line) || line.trim() === '')) continue;
    const m = new RegExp(`\\${escape}\\s*$`).exec(line);
    if (!m) return out + line;
    out += line.slice(0, m.index);
  }
  return out;
}

type Expanded = {ok: true; value: string; usesPlatform: boolean} | {ok: false; why: string};

/** Expands `$VAR` / `${VAR}` of the TARGET* platform arguments (empty unless declared in the stage); anything else is refused. */
function expand(value: string, declared: Set<string>, platform: string | undefined): Expanded {
  let usesPlatform = false;
  let bad: string | undefined;
  const out = value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))|\$\{[^}]*\}?|\$|\\/g, (m, braced?: string, bare?: string) => {
    const name = braced ?? bare;
    if (!name || !(PLATFORM_ARGS as readonly string[]).includes(name)) {
      bad ??= name ? `uses the variable ${name}` : `holds ${excerpt(m)}`;
      return '';
    }
    if (!declared.has(name)) return ''; // BuildKit: an undeclared ARG expands to nothing in a stage
    usesPlatform = true;
    return platform ? platformArg(name, platform) : m;
  });
  if (bad) return {ok: false, why: `${bad} (only TARGETPLATFORM, TARGETOS, TARGETARCH and TARGETVARIANT are expanded)`};
  return {ok: true, value: out, usesPlatform};
}

function platformArg(name: string, platform: string): string {
  const p = parsePlatform(platform);
  switch (name) {
    case 'TARGETPLATFORM':
      return [p.os, p.arch, p.variant].filter(Boolean).join('/');
    case 'TARGETOS':
      return p.os;
    case 'TARGETARCH':
      return p.arch;
    default:
      return p.variant ?? '';
  }
}

/** Why an id or target cannot be carried, or undefined when it can. */
export function unsafeValue(what: string, value: string): string | undefined {
  if (value === '') return `its ${what} is empty`;
  if (value.length > MAX_VALUE) return `its ${what} is longer than ${MAX_VALUE} characters`;
  if (!SAFE.test(value)) return `its ${what} ${excerpt(value)} holds characters other than letters, digits and . _ / + : @ % ~ -`;
  return undefined;
}

interface RawMount {
  fields: Record<string, string>;
}

/** One `--mount` value as BuildKit splits it (CSV, keys lower-cased); undefined for another type. Throws on malformed. */
function parseMountFlag(value: string): RawMount | undefined {
  const fields: Record<string, string> = {};
  for (const field of splitFields(value)) {
    const i = field.indexOf('=');
    const key = (i < 0 ? field : field.slice(0, i)).trim().toLowerCase();
    fields[key] = i < 0 ? 'true' : field.slice(i + 1);
  }
  if ((fields['type'] ?? 'bind').toLowerCase() !== 'cache') return undefined;
  return {fields};
}

function numeric(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,10}$/.test(value) || Number(value) > 0xffffffff) throw new Error(`${name} ${excerpt(value)} is not a number`);
  return Number(value);
}

function mountOptions(fields: Record<string, string>): Pick<CacheMount, 'uid' | 'gid' | 'mode' | 'sharing'> {
  const sharing = (fields['sharing'] ?? 'shared').toLowerCase() as Sharing;
  if (!SHARING.includes(sharing)) throw new Error(`sharing ${excerpt(fields['sharing'])} is not shared, private or locked`);
  const mode = fields['mode'];
  if (mode !== undefined && !/^[0-7]{1,11}$/.test(mode)) throw new Error(`mode ${excerpt(mode)} is not an octal mode`);
  return {uid: numeric('uid', fields['uid']), gid: numeric('gid', fields['gid']), ...(mode !== undefined ? {mode} : {}), sharing};
}

/**
 * Every cache mount of one Dockerfile, for the given platforms (a mount whose id uses TARGETARCH and the
 * like once per platform). Never rejects: what cannot be read is a note.
 */
export async function findCacheMounts(text: string, file: string, platforms: string[]): Promise<Discovery> {
  const notes: string[] = [];
  const mounts: CacheMount[] = [];
  // loaded when a run has Dockerfiles to read, not by every dry run
  const {DockerfileParser} = await import('dockerfile-ast');
  let instructions;
  let escape: string;
  try {
    const df = DockerfileParser.parse(text);
    instructions = df.getInstructions();
    escape = df.getEscapeCharacter() || '\\';
  } catch (e) {
    return {mounts, notes: [`${file}: not read (${excerpt((e as Error).message)}): its cache mounts are not restored`]};
  }
  const lines = text.split('\n');
  let declared = new Set<string>();
  for (const ins of instructions) {
    const keyword = ins.getKeyword();
    const start = ins.getRange().start.line;
    if (keyword === 'FROM') declared = new Set();
    if (keyword === 'ARG') for (const a of ins.getArguments()) declared.add(a.getValue().split('=')[0]);
    if (keyword !== 'RUN') continue;
    const where = `${file}:${start + 1}`;
    const line = logicalLine(lines.slice(start, ins.getRange().end.line + 1), escape);
    const args = line.replace(/^\s*\S+/, '');
    for (const flag of leadingFlags(args)) {
      if (!flag.startsWith('--mount=')) continue;
      try {
        const raw = parseMountFlag(flag.slice('--mount='.length));
        if (!raw) continue;
        const f = raw.fields;
        if (f['from'] !== undefined || f['source'] !== undefined || f['src'] !== undefined) {
          notes.push(`${where}: a cache mount seeded from another stage or image (from=/source=) is not restored: BuildKit keys it by that content too`);
          continue;
        }
        const options = mountOptions(f);
        const target = f['target'] ?? f['dst'] ?? f['destination'];
        if (target === undefined) throw new Error('it has no target');
        const perPlatform = platforms.length ? platforms : [undefined];
        for (const platform of perPlatform) {
          const t = expand(target, declared, platform);
          const id = f['id'] !== undefined ? expand(f['id'], declared, platform) : t;
          if (!t.ok) throw new Error(`its target ${t.why}`);
          if (!id.ok) throw new Error(`its id ${id.why}`);
          const why = unsafeValue('id', id.value) ?? unsafeValue('target', t.value);
          if (why) throw new Error(why);
          const separate = id.usesPlatform;
          mounts.push({id: id.value, target: t.value, ...options, ...(separate && platform ? {platform} : {}), where});
          if (!separate) break; // one cache for every platform: BuildKit shares a mount between platforms
        }
      } catch (e) {
        notes.push(`${where}: a cache mount is skipped: ${(e as Error).message}`);
      }
    }
  }
  return {mounts, notes};
}

/**
 * One per id (and platform): the first one found decides uid, gid, mode and sharing; a later one that
 * differs is a note. At most MAX_MOUNTS.
 */
export function mergeMounts(found: Discovery[]): Discovery {
  const notes = found.flatMap(d => d.notes);
  const byKey = new Map<string, CacheMount>();
  for (const m of found.flatMap(d => d.mounts)) {
    const key = `${m.id}\n${m.platform ?? ''}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, m);
    } else if (seen.uid !== m.uid || seen.gid !== m.gid || seen.mode !== m.mode) {
      notes.push(`${m.where}: the cache mount ${excerpt(m.id)} is also at ${seen.where} with another uid, gid or mode: that one's are used`);
    }
  }
  const mounts = [...byKey.values()];
  if (mounts.length > MAX_MOUNTS) notes.push(`${mounts.length} cache mounts found: only the first ${MAX_MOUNTS} are restored and saved`);
  return {mounts: mounts.slice(0, MAX_MOUNTS), notes};
}

export type CacheMountsInput = {mode: 'auto'} | {mode: 'false'} | {mode: 'list'; mounts: CacheMount[]};

const INPUT_KEYS = ['id', 'target', 'dst', 'destination', 'uid', 'gid', 'mode', 'sharing'];

/** One line of the `cache-mounts` list: `id=...,target=...[,uid=..,gid=..,mode=..,sharing=..]`. Throws on malformed. */
export function parseCacheMountLine(text: string, line: number): CacheMount {
  const fields: Record<string, string> = {};
  for (const field of splitFields(text)) {
    const i = field.indexOf('=');
    const key = (i < 0 ? field : field.slice(0, i)).trim().toLowerCase();
    if (i < 0) throw new Error(`"${field.trim()}" is not key=value (keys: id, target, uid, gid, mode, sharing)`);
    if (!INPUT_KEYS.includes(key)) throw new Error(`unknown key "${key}" (keys: id, target, uid, gid, mode, sharing)`);
    fields[key] = field.slice(i + 1).trim();
  }
  const target = fields['target'] ?? fields['dst'] ?? fields['destination'];
  if (target === undefined) throw new Error('target= is missing (the mount point of the RUN --mount=type=cache)');
  const id = fields['id'] ?? target;
  const why = unsafeValue('id', id) ?? unsafeValue('target', target);
  if (why) throw new Error(why.replace(/^its /, ''));
  return {id, target, ...mountOptions(fields), where: `input cache-mounts, line ${line}`};
}
