/**
 * Build cache per image: `auto` uses the GitHub cache service (type=gha) when the runner offers it,
 * scoped per image and branch and reading the default branch's scope as a fallback; `registry` keeps
 * `<image>:buildcache`; `local` is BuildKit's local cache export in a directory per image, which
 * engine/local-cache.ts restores and saves with @actions/cache; raw `cache-from`/`cache-to` lines win
 * over all of them.
 */
import type {Plan} from '../pipeline/plan.js';
import {sanitizeTag} from '../pipeline/metadata/version.js';
import type {EngineInputs} from '../pipeline/inputs/index.js';
import {splitFields} from '../pipeline/inputs/csv.js';

export interface CacheSettings {
  from: Record<string, string[]>;
  to: Record<string, string[]>;
  note: string;
}

/** The directories of `cache: local` per build id: `src` when a cache was restored, `dest` a fresh one. */
export type LocalCacheDirs = Record<string, {src?: string; dest: string}>;

/** A field of a cache line, quoted as buildx's CSV reader takes it when it holds `,` or `"`. */
function field(key: string, value: string): string {
  const f = `${key}=${value}`;
  return /[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
}

/** The cache-from/cache-to lines of `cache: local` for one build. */
export function localCacheLines(dirs: {src?: string; dest: string}): {from: string[]; to: string[]} {
  return {from: dirs.src ? [`type=local,${field('src', dirs.src)}`] : [], to: [`type=local,${field('dest', dirs.dest)},mode=max`]};
}

/** The branch part of a cache scope or key: the branch, `pr-<n>`, or the default branch for tags and other refs. */
export function scopeName(ref: string, defaultBranch: string): string {
  const name = ref.startsWith('refs/heads/')
    ? ref.slice('refs/heads/'.length)
    : /^refs\/pull\/(\d+)/.test(ref)
      ? `pr-${/^refs\/pull\/(\d+)/.exec(ref)![1]}`
      : defaultBranch;
  return sanitizeTag(name);
}

/** The platforms of a build leg in a cache scope or tag: `linux/arm64` -> `linux-arm64`, several joined by `_`. */
export function legSlug(platforms: string[]): string {
  return platforms.map(p => sanitizeTag(p.replace(/\//g, '-'))).join('_');
}

/**
 * `local`: the dirs engine/local-cache.ts prepared (none: the cache service is not there, so no cache).
 */
export function cacheSettings(plan: Plan, e: EngineInputs, driver: string, env: Record<string, string | undefined>, defaultBranch: string, local?: LocalCacheDirs): CacheSettings {
  const from: Record<string, string[]> = {};
  const to: Record<string, string[]> = {};
  const ids = plan.builds.map(b => b.id);
  if (e.cacheFrom.length || e.cacheTo.length) {
    for (const id of ids) {
      from[id] = e.cacheFrom;
      to[id] = driver === 'docker' ? [] : e.cacheTo;
    }
    return {from, to, note: `cache-from/cache-to as given${driver === 'docker' && e.cacheTo.length ? ' (cache export skipped: the docker driver cannot export cache)' : ''}`};
  }
  const gha = !!(env['ACTIONS_CACHE_URL'] || env['ACTIONS_RESULTS_URL']);
  const mode = e.cache === 'auto' ? (gha ? 'gha' : 'none') : e.cache;
  if (mode === 'none') return {from, to, note: e.cache === 'auto' ? 'no cache (the GitHub cache service is not available here)' : 'no cache (cache: none)'};
  if (mode === 'local' && !local) return {from, to, note: 'no cache (cache: local, and the GitHub cache service is not available here)'};
  if (driver === 'docker') return {from, to, note: `no ${mode} cache: the docker driver cannot import or export it (use a docker-container builder)`};
  if (mode === 'local' && local) {
    for (const b of plan.builds) {
      const d = local[b.id];
      if (!d) continue;
      ({from: from[b.id], to: to[b.id]} = localCacheLines(d));
    }
    return {from, to, note: 'local cache (type=local), kept with the GitHub cache service'};
  }
  const branch = scopeName(plan.ref, defaultBranch) || 'default';
  const fallback = sanitizeTag(defaultBranch);
  // a build leg (mode: build) has scopes of its own platforms: legs never evict each other's cache
  const leg = plan.legPlatforms?.length ? legSlug(plan.legPlatforms) : '';
  const scope = (id: string) => (leg ? `${id}-${leg}` : id);
  for (const b of plan.builds) {
    if (mode === 'gha') {
      from[b.id] = [`type=gha,scope=${scope(b.id)}-${branch}`, ...(fallback && fallback !== branch ? [`type=gha,scope=${scope(b.id)}-${fallback}`] : [])];
      to[b.id] = [`type=gha,scope=${scope(b.id)}-${branch},mode=max`];
    } else if (b.images.length) {
      const ref = `${b.images[0]}:${(leg ? `buildcache-${leg}` : 'buildcache').slice(0, 128)}`;
      from[b.id] = [`type=registry,ref=${ref}`];
      to[b.id] = plan.push ? [`type=registry,ref=${ref},mode=max`] : [];
    }
  }
  const per = leg ? `image and platform (${plan.legPlatforms!.join(', ')})` : 'image';
  return {from, to, note: mode === 'gha' ? `GitHub cache (type=gha), scoped per ${per} and ${branch}${fallback && fallback !== branch ? `, falling back to ${fallback}` : ''}` : `registry cache (<image>:${leg ? `buildcache-${leg}` : 'buildcache'}${leg ? `, per platform` : ''})`};
}

/**
 * Attributes of a cache-from/cache-to line that hold credentials (S3 keys and session token, Azure
 * `secret_access_key` and an `account_url` carrying a SAS query, any token/password/secret-like key).
 */
const SECRET_ATTR = /^(access_key_id|secret_access_key|session_token|account_key|sas|sas_token|.*token|.*password|passwd|.*secret)$/i;

function isSecretAttr(key: string, value: string): boolean {
  return SECRET_ATTR.test(key) || (key.toLowerCase() === 'account_url' && value.includes('?'));
}

/** The credential values of cache lines: each one is masked in the log. */
export function cacheSecretValues(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    for (const f of splitFields(line)) {
      const i = f.indexOf('=');
      if (i > 0 && f.slice(i + 1) && isSecretAttr(f.slice(0, i).trim(), f.slice(i + 1))) out.push(f.slice(i + 1));
    }
  }
  return out;
}

/** A cache line as it may be shown (the summary's bake definition): credential values replaced by `***`. */
export function redactCacheLine(line: string): string {
  const fields = splitFields(line);
  if (!fields.some(f => f.indexOf('=') > 0 && isSecretAttr(f.slice(0, f.indexOf('=')).trim(), f.slice(f.indexOf('=') + 1)))) return line;
  return fields
    .map(f => {
      const i = f.indexOf('=');
      const shown = i > 0 && isSecretAttr(f.slice(0, i).trim(), f.slice(i + 1)) ? `${f.slice(0, i)}=***` : f;
      return /[",]/.test(shown) ? `"${shown.replace(/"/g, '""')}"` : shown;
    })
    .join(',');
}
