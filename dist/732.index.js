export const id = 732;
export const ids = [732];
export const modules = {

/***/ 7351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   availability: () => (/* binding */ availability),
/* harmony export */   available: () => (/* binding */ available),
/* harmony export */   restore: () => (/* binding */ restore),
/* harmony export */   save: () => (/* binding */ save)
/* harmony export */ });
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1949);
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

function isGhes(env) {
    let host = 'GITHUB.COM';
    try {
        host = new URL(env['GITHUB_SERVER_URL'] || 'https://github.com').hostname.trimEnd().toUpperCase();
    }
    catch {
        // @actions/cache would throw on this URL: treat it as not github.com, as the check below does for any other host
        host = '';
    }
    return !(host === 'GITHUB.COM' || host.endsWith('.GHE.COM') || host.endsWith('.LOCALHOST'));
}
/** Is the cache service configured for @actions/cache in this environment, and which version of it. */
function availability(env) {
    const version = !isGhes(env) && env['ACTIONS_CACHE_SERVICE_V2'] ? 'v2' : 'v1';
    const urlVar = version === 'v2' ? 'ACTIONS_RESULTS_URL' : 'ACTIONS_CACHE_URL';
    if (!env[urlVar]) {
        return { available: false, version, note: `the GitHub cache service is not available here (${urlVar} is not set${version === 'v1' && env['ACTIONS_RESULTS_URL'] ? '; ACTIONS_RESULTS_URL is, but ACTIONS_CACHE_SERVICE_V2 is not' : ''}: the cache service is there in GitHub Actions jobs only)` };
    }
    if (!env['ACTIONS_RUNTIME_TOKEN'])
        return { available: false, version, note: 'the GitHub cache service is not available here (ACTIONS_RUNTIME_TOKEN is not set)' };
    const mode = (env['ACTIONS_CACHE_MODE'] || '').trim().toLowerCase();
    if (mode === 'none')
        return { available: false, version, note: 'the GitHub cache service is not available to this run (ACTIONS_CACHE_MODE is none)' };
    return { available: true, version, note: `GitHub cache service ${version}${mode ? ` (cache mode ${mode})` : ''}` };
}
function available(env) {
    return availability(env).available;
}
const message = (err) => (err instanceof Error ? err.message : String(err));
/**
 * Restores `paths` from the entry of `key`, or else of the first restore key that matches (as a
 * prefix, newest first). Returns the key restored from, undefined on a miss or a failure (warned).
 */
async function restore(paths, key, restoreKeys) {
    const a = availability(process.env);
    if (!a.available) {
        _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Cache not restored (key ${key}): ${a.note}`);
        return undefined;
    }
    try {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(955), __webpack_require__.e(477), __webpack_require__.e(592)]).then(__webpack_require__.bind(__webpack_require__, 6592));
        return await cache.restoreCache(paths, key, restoreKeys);
    }
    catch (err) {
        _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Cache not restored (key ${key}): ${message(err)}`);
        return undefined;
    }
}
/**
 * Saves `paths` under `key`. False, with a warning, when nothing was saved: the key exists already or
 * another job is saving it (an entry is never overwritten), the run may not write, or the upload failed.
 */
async function save(paths, key) {
    const a = availability(process.env);
    if (!a.available) {
        _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Cache not saved under ${key}: ${a.note}`);
        return false;
    }
    try {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(955), __webpack_require__.e(477), __webpack_require__.e(592)]).then(__webpack_require__.bind(__webpack_require__, 6592));
        const id = await cache.saveCache(paths, key);
        if (id !== -1)
            return true;
        _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Cache not saved under ${key}: the cache service refused it (the key exists already or another job is saving it, or this run may not write to the cache); see the lines above.`);
        return false;
    }
    catch (err) {
        _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Cache not saved under ${key}: ${message(err)}`);
        return false;
    }
}


/***/ })

};
