/**
 * OCI labels and annotations: the eight `org.opencontainers.image.*` defaults metadata-action derives from
 * the repository and the version, then the user's `key=value` lines (expressions allowed), later keys
 * overriding earlier ones, sorted by key.
 */
import {render, globalScope, type ExpressionContext} from './expressions.js';

/** What the GitHub repository API (or, failing that, the context) says about the repository. */
export interface RepoInfo {
  name: string;
  description: string;
  htmlUrl: string;
  license: string;
  defaultBranch: string;
}

export interface CustomEntry {
  /** `key=value` as written (before expressions), without any annotation level prefix. */
  text: string;
  /** Annotation levels named on the line (`index:`, `manifest,index:`), or undefined for the default levels. */
  levels?: string[];
  /** Its line in the input, for messages. */
  line?: number;
}

export function defaultOciEntries(repo: RepoInfo, version: string | undefined, created: Date, sha: string): string[] {
  return [
    `org.opencontainers.image.title=${repo.name || ''}`,
    `org.opencontainers.image.description=${repo.description || ''}`,
    `org.opencontainers.image.url=${repo.htmlUrl || ''}`,
    `org.opencontainers.image.source=${repo.htmlUrl || ''}`,
    `org.opencontainers.image.version=${version || ''}`,
    `org.opencontainers.image.created=${created.toISOString()}`,
    `org.opencontainers.image.revision=${sha || ''}`,
    `org.opencontainers.image.licenses=${repo.license || ''}`
  ];
}

/**
 * Merges `key=value` entries into a sorted map: later entries win, entries without `=` are dropped
 * (as metadata-action drops them), a value keeps any further `=`.
 */
export function mergeEntries(entries: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of entries) {
    const i = entry.indexOf('=');
    if (i < 0) continue;
    map.set(entry.slice(0, i), entry.slice(i + 1));
  }
  return new Map([...map].sort((a, b) => compareKeys(a[0], b[0])));
}

/**
 * metadata-action sorts keys with localeCompare. For keys made of lower-case letters, digits, `.` and `-`
 * (every OCI key), code-unit order is the same order, and skips loading ICU's collator (~8 ms).
 */
const SIMPLE_KEY = /^[a-z0-9.-]*$/;
function compareKeys(a: string, b: string): number {
  if (SIMPLE_KEY.test(a) && SIMPLE_KEY.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

/** `key=value` lines as an object (each splits at its first `=`). */
export function keyValueObject(lines: string[]): Record<string, string> {
  return Object.fromEntries(lines.map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

export function toLines(map: Map<string, string>): string[] {
  return [...map].map(([k, v]) => `${k}=${v}`);
}

/** Labels: defaults, then custom lines rendered with the global expressions, then per-build overrides. */
export function resolveLabels(defaults: string[], custom: CustomEntry[], ctx: ExpressionContext, overrides: string[] = []): Map<string, string> {
  const scope = globalScope(ctx);
  return mergeEntries([...defaults, ...custom.map(c => render(c.text, scope)), ...overrides]);
}

/**
 * Annotations per level. Every level of `defaultLevels` gets the defaults and the lines without a level;
 * a line that names levels (`index:key=value`) applies to those levels only.
 * Returns `level:key=value` lines, level by level, keys sorted, as metadata-action writes them.
 */
export function resolveAnnotations(defaults: string[], custom: CustomEntry[], ctx: ExpressionContext, defaultLevels: string[], overrides: string[] = []): string[] {
  const scope = globalScope(ctx);
  const rendered = custom.map(c => ({levels: c.levels, text: render(c.text, scope)}));
  const levels = [...defaultLevels];
  for (const c of rendered) for (const l of c.levels ?? []) if (!levels.includes(l)) levels.push(l);
  const out: string[] = [];
  for (const level of levels) {
    const isDefault = defaultLevels.includes(level);
    const entries = [
      ...(isDefault ? defaults : []),
      ...rendered.filter(c => (c.levels ? c.levels.includes(level) : isDefault)).map(c => c.text),
      ...overrides
    ];
    for (const line of toLines(mergeEntries(entries))) out.push(`${level}:${line}`);
  }
  return out;
}

/** Splits `manifest,index:key=value` into its levels and the entry; lines without a level prefix keep levels undefined. */
export const ANNOTATION_LEVELS = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'];
export function splitAnnotationLevel(line: string): CustomEntry {
  const m = /^([a-z-]+(?:\[[^\]]*\])?(?:,[a-z-]+(?:\[[^\]]*\])?)*):(.*)$/.exec(line);
  if (m) {
    const levels = m[1].split(',');
    if (levels.every(l => ANNOTATION_LEVELS.includes(l.replace(/\[.*\]$/, '')))) return {levels, text: m[2]};
  }
  return {text: line};
}
