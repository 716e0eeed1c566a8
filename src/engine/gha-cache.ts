/**
 * The GitHub Actions cache service through @actions/cache (the official client, loaded only by a run
 * that saves or restores something): restore a set of paths by key and restore keys, save them under a
 * key. Caching is best effort: nothing here throws, a refused or failed save is a warning and `false`,
 * a failed restore a warning and a miss.
 *
 * @actions/cache reads its configuration from the process environment (lib/internal/config.js):
 * - the service version: `v2` (the Twirp results service, github.com's runners) when
 *   `ACTIONS_CACHE_SERVICE_V2` is set and the server is not GHES (`GITHUB_SERVER_URL` other than
 *   github.com, *.ghe.com or *.localhost), `v1` (`_apis/artifactcache`) otherwise;
 * - its URL: v2 `ACTIONS_RESULTS_URL`; v1 `ACTIONS_CACHE_URL` (isFeatureAvailable asks for this one alone);
 * - `ACTIONS_RUNTIME_TOKEN`, the bearer token (v2 refuses to start without it);
 * - `ACTIONS_CACHE_MODE` (`none`/`read`/`write`/`write-only`): reads or writes the run may not do are skipped.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import * as runner from '../action/runner.js';

type Env = Record<string, string | undefined>;

export interface CacheAvailability {
  available: boolean;
  /** The protocol @actions/cache will speak. */
  version: 'v1' | 'v2';
  /** Why not, or which service (for the summary and the log). */
  note: string;
}

function isGhes(env: Env): boolean {
  let host = 'GITHUB.COM';
  try {
    host = new URL(env['GITHUB_SERVER_URL'] || 'https://github.com').hostname.trimEnd().toUpperCase();
  } catch {
    // @actions/cache would throw on this URL: treat it as not github.com, as the check below does for any other host
    host = '';
  }
  return !(host === 'GITHUB.COM' || host.endsWith('.GHE.COM') || host.endsWith('.LOCALHOST'));
}

/** Is the cache service configured for @actions/cache in this environment, and which version of it. */
export function availability(env: Env): CacheAvailability {
  const version = !isGhes(env) && env['ACTIONS_CACHE_SERVICE_V2'] ? 'v2' : 'v1';
  const urlVar = version === 'v2' ? 'ACTIONS_RESULTS_URL' : 'ACTIONS_CACHE_URL';
  if (!env[urlVar]) {
    return {available: false, version, note: `the GitHub cache service is not available here (${urlVar} is not set${version === 'v1' && env['ACTIONS_RESULTS_URL'] ? '; ACTIONS_RESULTS_URL is, but ACTIONS_CACHE_SERVICE_V2 is not' : ''}: the cache service is there in GitHub Actions jobs only)`};
  }
  if (!env['ACTIONS_RUNTIME_TOKEN']) return {available: false, version, note: 'the GitHub cache service is not available here (ACTIONS_RUNTIME_TOKEN is not set)'};
  const mode = (env['ACTIONS_CACHE_MODE'] || '').trim().toLowerCase();
  if (mode === 'none') return {available: false, version, note: 'the GitHub cache service is not available to this run (ACTIONS_CACHE_MODE is none)'};
  return {available: true, version, note: `GitHub cache service ${version}${mode ? ` (cache mode ${mode})` : ''}`};
}

export function available(env: Env): boolean {
  return availability(env).available;
}

/**
 * @actions/cache makes a directory per call under RUNNER_TEMP for its archive and leaves it behind (it
 * deletes the archive alone). Its calls run with RUNNER_TEMP lent to one directory of ours, removed when
 * the last overlapping call ends, so that RUNNER_TEMP keeps nothing of the action's.
 */
let lent: {depth: number; saved: string | undefined; dir: string} | undefined;
async function withOwnTemp<T>(fn: () => Promise<T>): Promise<T> {
  if (!lent) {
    const saved = process.env['RUNNER_TEMP'];
    lent = {depth: 0, saved, dir: mkdtempSync(join(saved || tmpdir(), 'multiarch-publish-cache-tmp-'))};
    process.env['RUNNER_TEMP'] = lent.dir;
  }
  lent.depth++;
  try {
    return await fn();
  } finally {
    if (--lent.depth === 0) {
      if (lent.saved === undefined) delete process.env['RUNNER_TEMP'];
      else process.env['RUNNER_TEMP'] = lent.saved;
      rmSync(lent.dir, {recursive: true, force: true});
      lent = undefined;
    }
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Restores `paths` from the entry of `key`, or else of the first restore key that matches (as a
 * prefix, newest first). Returns the key restored from, undefined on a miss or a failure (warned).
 */
export async function restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined> {
  const a = availability(process.env);
  if (!a.available) {
    runner.warning(`Cache not restored (key ${key}): ${a.note}`);
    return undefined;
  }
  try {
    const cache = await import('@actions/cache');
    return await withOwnTemp(() => cache.restoreCache(paths, key, restoreKeys));
  } catch (err) {
    runner.warning(`Cache not restored (key ${key}): ${message(err)}`);
    return undefined;
  }
}

/**
 * Saves `paths` under `key`. False, with a warning, when nothing was saved: the key exists already or
 * another job is saving it (an entry is never overwritten), the run may not write, or the upload failed.
 */
export async function save(paths: string[], key: string): Promise<boolean> {
  const a = availability(process.env);
  if (!a.available) {
    runner.warning(`Cache not saved under ${key}: ${a.note}`);
    return false;
  }
  try {
    const cache = await import('@actions/cache');
    const id = await withOwnTemp(() => cache.saveCache(paths, key));
    if (id !== -1) return true;
    runner.warning(`Cache not saved under ${key}: the cache service refused it (the key exists already or another job is saving it, or this run may not write to the cache); see the lines above.`);
    return false;
  } catch (err) {
    runner.warning(`Cache not saved under ${key}: ${message(err)}`);
    return false;
  }
}
