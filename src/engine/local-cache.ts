/**
 * `cache: local`: BuildKit's local cache export, one directory per image, kept across runs in the GitHub
 * cache service with @actions/cache (engine/gha-cache.ts), for registries where a cache image is
 * unwelcome and runners where BuildKit's own `type=gha` backend is not an option.
 *
 * Before the bake each image's directory is restored, by the key of this commit, else the newest entry
 * of the branch, else of the default branch. The bake reads it (`cache-from type=local,src=DIR`) and
 * exports the new cache to a fresh directory (`cache-to type=local,dest=DIR.new,mode=max`: BuildKit
 * writes a whole new layout, and the old one would keep growing). After a successful bake the fresh
 * directory takes the old one's place and is saved under this commit's key, unless that key was an exact
 * hit (an entry is never overwritten). Nothing here fails the run: a cache that can't be restored or
 * saved is a warning.
 *
 * The key: `multiarch-publish-local/<image id>/<platforms>/<branch>/<sha>`. `/` is in neither a
 * sanitised branch nor an id nor the platforms, so a restore key (`…/<branch>/`) never matches another
 * branch that merely starts with the same name. @actions/cache's version of an entry hashes the paths
 * too: the directory is under RUNNER_TEMP, which is the same path in every job of a runner image.
 */
import {existsSync, renameSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import * as runner from '../action/runner.js';
import type {BuildPlan, Plan} from '../pipeline/plan.js';
import type {EngineInputs} from '../pipeline/inputs/index.js';
import {sanitizeTag} from '../pipeline/metadata/version.js';
import {scopeName, type LocalCacheDirs} from './cache.js';
import * as ghaCache from './gha-cache.js';

type Env = Record<string, string | undefined>;

/** The cache service as this module uses it (engine/gha-cache.ts; unit tests pass a stand-in). */
export interface CacheIo {
  restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined>;
  save(paths: string[], key: string): Promise<boolean>;
}

export interface LocalCache {
  id: string;
  key: string;
  restoreKeys: string[];
  /** The directory restored into and saved from. */
  dir: string;
  /** Where the bake exports the new cache. */
  fresh: string;
  /** The key the cache was restored from (undefined: nothing restored). */
  restoredFrom?: string;
  /** Saved under `key` after the bake (undefined: not tried). */
  saved?: boolean;
  /** Why it was not saved. */
  skipped?: string;
}

export const KEY_PREFIX = 'multiarch-publish-local';

/** Does this run use `cache: local`? Raw cache-from/cache-to lines replace it, as every other mode. */
export function wantsLocalCache(e: Pick<EngineInputs, 'cache' | 'cacheFrom' | 'cacheTo'>): boolean {
  return e.cache === 'local' && !e.cacheFrom.length && !e.cacheTo.length;
}

/** The key and restore keys of one build's local cache. */
export function localCacheKeys(build: Pick<BuildPlan, 'id' | 'platforms'>, ref: string, sha: string, defaultBranch: string): {key: string; restoreKeys: string[]} {
  const platforms = build.platforms.map(p => sanitizeTag(p.replace(/\//g, '-'))).join('+') || 'default';
  const base = `${KEY_PREFIX}/${sanitizeTag(build.id)}/${platforms}`;
  const branch = scopeName(ref, defaultBranch) || 'default';
  const fallback = sanitizeTag(defaultBranch);
  const restoreKeys = [`${base}/${branch}/`, ...(fallback && fallback !== branch ? [`${base}/${fallback}/`] : [])];
  return {key: `${base}/${branch}/${sanitizeTag(sha) || 'unknown'}`, restoreKeys};
}

/** Where the caches live while the job runs: the same path in every job, so that the entries' versions match. */
export function localCacheBase(env: Env): string {
  return join(env['RUNNER_TEMP'] || tmpdir(), 'multiarch-publish-cache');
}

/**
 * Restores every build's cache directory (all at once). Undefined when the cache service is not there:
 * a warning, and the build goes on without cache.
 */
export async function restoreLocalCaches(plan: Plan, defaultBranch: string, env: Env, io: CacheIo = ghaCache): Promise<LocalCache[] | undefined> {
  const service = ghaCache.availability(env);
  if (!service.available) {
    runner.warning(`cache: local: ${service.note}; building without cache.`);
    return undefined;
  }
  const base = localCacheBase(env);
  rmSync(base, {recursive: true, force: true});
  return Promise.all(
    plan.builds.map(async b => {
      const dir = join(base, sanitizeTag(b.id));
      const c: LocalCache = {id: b.id, ...localCacheKeys(b, plan.ref, plan.sha, defaultBranch), dir, fresh: `${dir}.new`};
      const hit = await io.restore([dir], c.key, c.restoreKeys);
      // an entry that restored nothing usable (no index.json) is not handed to BuildKit
      if (hit && existsSync(join(dir, 'index.json'))) c.restoredFrom = hit;
      runner.info(`cache: local: ${b.id}: ${c.restoredFrom ? `restored from ${c.restoredFrom}` : `no cache under ${c.restoreKeys.join(' or ')}`}`);
      return c;
    })
  );
}

export function localCacheDirs(caches: LocalCache[]): LocalCacheDirs {
  return Object.fromEntries(caches.map(c => [c.id, {src: c.restoredFrom ? c.dir : undefined, dest: c.fresh}]));
}

/** After a successful bake: each fresh export replaces its directory and is saved under the build's key. */
export async function saveLocalCaches(caches: LocalCache[], io: CacheIo = ghaCache): Promise<LocalCache[]> {
  return Promise.all(
    caches.map(async c => {
      if (c.restoredFrom === c.key) return {...c, skipped: 'exact hit'};
      if (!existsSync(join(c.fresh, 'index.json'))) return {...c, skipped: 'the bake exported no cache'};
      rmSync(c.dir, {recursive: true, force: true});
      renameSync(c.fresh, c.dir);
      return {...c, saved: await io.save([c.dir], c.key)};
    })
  );
}

/** The directories go once the caches are saved (or the bake failed): RUNNER_TEMP keeps nothing of ours. */
export function removeLocalCaches(env: Env): void {
  rmSync(localCacheBase(env), {recursive: true, force: true});
}

/** The summary's cache note: per image, restored from which key, saved under which. */
export function localCacheNote(caches: LocalCache[]): string {
  const each = caches.map(c => {
    const from = c.restoredFrom ? `restored from ${c.restoredFrom}` : 'nothing restored';
    const to = c.saved ? `saved under ${c.key}` : c.skipped === 'exact hit' ? 'not saved again (exact hit)' : c.skipped ? `not saved (${c.skipped})` : c.saved === false ? `not saved under ${c.key} (the cache service refused it)` : 'not saved (the build failed)';
    return `${c.id}: ${from}, ${to}`;
  });
  return `local cache (type=local, kept with the GitHub cache service): ${each.join('; ')}`;
}
