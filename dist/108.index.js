export const id = 108;
export const ids = [108,234];
export const modules = {

/***/ 80234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cleanup: () => (/* binding */ cleanup)
/* harmony export */ });
/* unused harmony exports POST_DOCKER_TIMEOUT_MS, OWN_BUILDER, refuseDirectory */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31949);
/* harmony import */ var _action_state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(33175);
/* harmony import */ var _buildx_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(88152);
/* harmony import */ var _login_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(57163);
/**
 * Undoing what main recorded, even when main failed half-way: the credentials (the job's docker config
 * copy and the secrets directory) are removed first, with no docker call before them, then the run's
 * work directory (bake file, metadata, OCI layouts), then the builder main created. The state is read from GITHUB_STATE, which anything printed to the log could once write
 * to, so no value is trusted: a directory is removed only when it is one main creates (right under
 * RUNNER_TEMP, with this action's prefix, no symlink on the way), a builder only when its name is one
 * main gives (`multiarch-publish-<run>-<pid>`). Every docker call is time-boxed, so a hung daemon cannot
 * hang the job. Each failure is a warning and the rest still runs: cleaning up never fails a job.
 */







/** How long one docker call of the post step may take before it is stopped. */
const POST_DOCKER_TIMEOUT_MS = 30_000;
/** The builder names main gives (steps/setup.ts, publish.ts builderName). */
const OWN_BUILDER = /^multiarch-publish-\d{1,20}-\d{1,10}$/;
/** The directories main creates under RUNNER_TEMP: mkdtemp's six characters after the prefix. */
const OWN_DIR = /^multiarch-publish-(?:docker-|bake-)?[A-Za-z0-9]{6}$/;
/** A registry host as main logs in to it (never an option, never a path). */
const REGISTRY = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?$/;
/**
 * Whether `dir` is a directory main made: absolute and normal (no `..`), a real directory (not a symlink,
 * no symlink below RUNNER_TEMP on the way), `<RUNNER_TEMP>/multiarch-publish-XXXXXX` or its `secrets`.
 * Returns why not, or undefined when it is.
 */
function refuseDirectory(dir, base, allowSecrets) {
    if (!(0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(dir) || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir) !== dir.replace(/\/+$/, ''))
        return 'not an absolute, normal path';
    let realBase;
    let real;
    try {
        realBase = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(base);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir).isSymbolicLink())
            return 'a symbolic link';
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir).isDirectory())
            return 'not a directory';
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(dir);
    }
    catch {
        return 'not found';
    }
    const given = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(base), dir);
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(realBase, real);
    if (given !== rel)
        return `not a path right under RUNNER_TEMP (${base})`;
    const parts = rel.split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep);
    const ok = OWN_DIR.test(parts[0] ?? '') && (parts.length === 1 || (allowSecrets && parts.length === 2 && parts[1] === 'secrets' && !/^multiarch-publish-(?:docker|bake)-/.test(parts[0])));
    return ok ? undefined : `not a directory this action creates (<RUNNER_TEMP>/multiarch-publish-XXXXXX)`;
}
async function cleanup(getState, makeBuildx = env => new _buildx_js__WEBPACK_IMPORTED_MODULE_5__/* .Buildx */ .F({ env, timeoutMs: POST_DOCKER_TIMEOUT_MS }), env = process.env) {
    const result = { loggedOut: [], removedDirs: [], refused: [], warnings: [] };
    const warn = (message) => {
        result.warnings.push(message);
        _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(message);
    };
    const refuse = (what, value, why) => {
        result.refused.push(value);
        warn(`Not cleaning up ${what} ${JSON.stringify(value.slice(0, 200))} from the step's state: ${why}.`);
    };
    const base = env['RUNNER_TEMP'] || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)();
    const dockerConfig = getState(_action_state_js__WEBPACK_IMPORTED_MODULE_4__/* .STATE */ .c4.dockerConfig);
    const builder = getState(_action_state_js__WEBPACK_IMPORTED_MODULE_4__/* .STATE */ .c4.builder);
    const secretsDir = getState(_action_state_js__WEBPACK_IMPORTED_MODULE_4__/* .STATE */ .c4.secretsDir);
    const workDir = getState(_action_state_js__WEBPACK_IMPORTED_MODULE_4__/* .STATE */ .c4.workDir);
    const bakeFilesDir = getState(_action_state_js__WEBPACK_IMPORTED_MODULE_4__/* .STATE */ .c4.bakeFilesDir);
    let logins = [];
    try {
        const parsed = JSON.parse(getState(_action_state_js__WEBPACK_IMPORTED_MODULE_4__/* .STATE */ .c4.logins) || '[]');
        logins = Array.isArray(parsed) ? parsed.map(String) : [];
    }
    catch (e) {
        warn(`The recorded logins could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!dockerConfig && !builder && !secretsDir && !workDir && !bakeFilesDir) {
        _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq('Nothing to clean up.');
        return result;
    }
    // credentials first: the secrets and the job's docker config (its logins live in its config.json only)
    let configOk = false;
    for (const [what, dir, secrets] of [
        ['secrets directory', secretsDir, true],
        ['docker config', dockerConfig, false],
        ['work directory', workDir, false],
        ['bake files directory', bakeFilesDir, false]
    ]) {
        if (!dir)
            continue;
        const why = refuseDirectory(dir, base, secrets);
        if (why === 'not found')
            continue; // nothing left to remove
        if (why) {
            refuse(`the ${what}`, dir, why);
            continue;
        }
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
            result.removedDirs.push(dir);
            if (what === 'docker config')
                configOk = true;
            _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Removed ${dir}`);
        }
        catch (e) {
            warn(`Removing ${dir} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
    }
    for (const registry of logins) {
        if (!REGISTRY.test(registry))
            refuse('the login of', registry, 'not a registry host');
        else if (configOk) {
            result.loggedOut.push(registry);
            _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Logged out of ${registry} (its credentials were in the job's docker config only)`);
        }
    }
    if (builder) {
        if (!OWN_BUILDER.test(builder))
            refuse('the builder', builder, 'not a builder name this action gives (multiarch-publish-<run>-<pid>)');
        else {
            const buildx = makeBuildx({ BUILDX_CONFIG: buildxConfig(env) });
            try {
                await buildx.removeBuilder(builder);
                result.removedBuilder = builder;
                _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Removed builder ${builder}`);
            }
            catch (e) {
                warn(`Removing builder ${builder} failed (remove it with \`docker buildx rm ${builder}\`): ${e instanceof Error ? e.message : String(e)}`);
            }
        }
    }
    return result;
}
/** Where buildx keeps builders: as main computed it (login.ts), never a path from the state. */
function buildxConfig(env) {
    return env['BUILDX_CONFIG'] || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,_login_js__WEBPACK_IMPORTED_MODULE_6__/* .userDockerConfig */ .O8)(env), 'buildx');
}


/***/ }),

/***/ 57351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   availability: () => (/* binding */ availability),
/* harmony export */   available: () => (/* binding */ available),
/* harmony export */   restore: () => (/* binding */ restore),
/* harmony export */   save: () => (/* binding */ save)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31949);
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
/**
 * @actions/cache makes a directory per call under RUNNER_TEMP for its archive and leaves it behind (it
 * deletes the archive alone). Its calls run with RUNNER_TEMP lent to one directory of ours, removed when
 * the last overlapping call ends, so that RUNNER_TEMP keeps nothing of the action's.
 */
let lent;
async function withOwnTemp(fn) {
    if (!lent) {
        const saved = process.env['RUNNER_TEMP'];
        lent = { depth: 0, saved, dir: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(saved || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'multiarch-publish-cache-tmp-')) };
        process.env['RUNNER_TEMP'] = lent.dir;
    }
    lent.depth++;
    try {
        return await fn();
    }
    finally {
        if (--lent.depth === 0) {
            if (lent.saved === undefined)
                delete process.env['RUNNER_TEMP'];
            else
                process.env['RUNNER_TEMP'] = lent.saved;
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(lent.dir, { recursive: true, force: true });
            lent = undefined;
        }
    }
}
const message = (err) => (err instanceof Error ? err.message : String(err));
/**
 * Restores `paths` from the entry of `key`, or else of the first restore key that matches (as a
 * prefix, newest first). Returns the key restored from, undefined on a miss or a failure (warned).
 */
async function restore(paths, key, restoreKeys) {
    const a = availability(process.env);
    if (!a.available) {
        _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Cache not restored (key ${key}): ${a.note}`);
        return undefined;
    }
    try {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(955), __webpack_require__.e(477), __webpack_require__.e(707), __webpack_require__.e(878), __webpack_require__.e(592)]).then(__webpack_require__.bind(__webpack_require__, 16592));
        return await withOwnTemp(() => cache.restoreCache(paths, key, restoreKeys));
    }
    catch (err) {
        _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Cache not restored (key ${key}): ${message(err)}`);
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
        _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Cache not saved under ${key}: ${a.note}`);
        return false;
    }
    try {
        const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(955), __webpack_require__.e(477), __webpack_require__.e(707), __webpack_require__.e(878), __webpack_require__.e(592)]).then(__webpack_require__.bind(__webpack_require__, 16592));
        const id = await withOwnTemp(() => cache.saveCache(paths, key));
        if (id !== -1)
            return true;
        _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Cache not saved under ${key}: the cache service refused it (the key exists already or another job is saving it, or this run may not write to the cache); see the lines above.`);
        return false;
    }
    catch (err) {
        _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`Cache not saved under ${key}: ${message(err)}`);
        return false;
    }
}


/***/ }),

/***/ 27108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publish: () => (/* binding */ publish)
});

// UNUSED EXPORTS: checkBuildFiles

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/action/runner.ts + 1 modules
var runner = __webpack_require__(31949);
// EXTERNAL MODULE: ./src/pipeline/inputs/errors.ts
var inputs_errors = __webpack_require__(42107);
// EXTERNAL MODULE: ./src/pipeline/inputs/secrets.ts
var inputs_secrets = __webpack_require__(98363);
// EXTERNAL MODULE: ./src/pipeline/plan.ts
var pipeline_plan = __webpack_require__(75455);
// EXTERNAL MODULE: ./src/lib/platform.ts
var platform = __webpack_require__(56728);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(33175);
// EXTERNAL MODULE: ./src/engine/buildx.ts
var engine_buildx = __webpack_require__(88152);
// EXTERNAL MODULE: ./src/engine/login.ts
var login = __webpack_require__(57163);
// EXTERNAL MODULE: ./src/engine/bake.ts
var bake = __webpack_require__(67761);
// EXTERNAL MODULE: ./src/pipeline/metadata/version.ts
var version = __webpack_require__(54586);
// EXTERNAL MODULE: ./src/pipeline/inputs/csv.ts
var csv = __webpack_require__(54754);
;// CONCATENATED MODULE: ./src/engine/cache.ts


/** A field of a cache line, quoted as buildx's CSV reader takes it when it holds `,` or `"`. */
function field(key, value) {
    const f = `${key}=${value}`;
    return /[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
}
/** The cache-from/cache-to lines of `cache: local` for one build. */
function localCacheLines(dirs) {
    return { from: dirs.src ? [`type=local,${field('src', dirs.src)}`] : [], to: [`type=local,${field('dest', dirs.dest)},mode=max`] };
}
/** The branch part of a cache scope or key: the branch, `pr-<n>`, or the default branch for tags and other refs. */
function scopeName(ref, defaultBranch) {
    const name = ref.startsWith('refs/heads/')
        ? ref.slice('refs/heads/'.length)
        : /^refs\/pull\/(\d+)/.test(ref)
            ? `pr-${/^refs\/pull\/(\d+)/.exec(ref)[1]}`
            : defaultBranch;
    return (0,version/* sanitizeTag */.iP)(name);
}
/** The platforms of a build leg in a cache scope or tag: `linux/arm64` -> `linux-arm64`, several joined by `_`. */
function legSlug(platforms) {
    return platforms.map(p => (0,version/* sanitizeTag */.iP)(p.replace(/\//g, '-'))).join('_');
}
/**
 * `local`: the dirs engine/local-cache.ts prepared (none: the cache service is not there, so no cache).
 */
function cacheSettings(plan, e, driver, env, defaultBranch, local) {
    const from = {};
    const to = {};
    const ids = plan.builds.map(b => b.id);
    if (e.cacheFrom.length || e.cacheTo.length) {
        for (const id of ids) {
            from[id] = e.cacheFrom;
            to[id] = driver === 'docker' ? [] : e.cacheTo;
        }
        return { from, to, note: `cache-from/cache-to as given${driver === 'docker' && e.cacheTo.length ? ' (cache export skipped: the docker driver cannot export cache)' : ''}` };
    }
    const gha = !!(env['ACTIONS_CACHE_URL'] || env['ACTIONS_RESULTS_URL']);
    const mode = e.cache === 'auto' ? (gha ? 'gha' : 'none') : e.cache;
    if (mode === 'none')
        return { from, to, note: e.cache === 'auto' ? 'no cache (the GitHub cache service is not available here)' : 'no cache (cache: none)' };
    if (mode === 'local' && !local)
        return { from, to, note: 'no cache (cache: local, and the GitHub cache service is not available here)' };
    if (driver === 'docker')
        return { from, to, note: `no ${mode} cache: the docker driver cannot import or export it (use a docker-container builder)` };
    if (mode === 'local' && local) {
        for (const b of plan.builds) {
            const d = local[b.id];
            if (!d)
                continue;
            ({ from: from[b.id], to: to[b.id] } = localCacheLines(d));
        }
        return { from, to, note: 'local cache (type=local), kept with the GitHub cache service' };
    }
    const branch = scopeName(plan.ref, defaultBranch) || 'default';
    const fallback = (0,version/* sanitizeTag */.iP)(defaultBranch);
    // a build leg (mode: build) has scopes of its own platforms: legs never evict each other's cache
    const leg = plan.legPlatforms?.length ? legSlug(plan.legPlatforms) : '';
    const scope = (id) => (leg ? `${id}-${leg}` : id);
    for (const b of plan.builds) {
        if (mode === 'gha') {
            from[b.id] = [`type=gha,scope=${scope(b.id)}-${branch}`, ...(fallback && fallback !== branch ? [`type=gha,scope=${scope(b.id)}-${fallback}`] : [])];
            to[b.id] = [`type=gha,scope=${scope(b.id)}-${branch},mode=max`];
        }
        else if (b.images.length) {
            const ref = `${b.images[0]}:${(leg ? `buildcache-${leg}` : 'buildcache').slice(0, 128)}`;
            from[b.id] = [`type=registry,ref=${ref}`];
            to[b.id] = plan.push ? [`type=registry,ref=${ref},mode=max`] : [];
        }
    }
    const per = leg ? `image and platform (${plan.legPlatforms.join(', ')})` : 'image';
    return { from, to, note: mode === 'gha' ? `GitHub cache (type=gha), scoped per ${per} and ${branch}${fallback && fallback !== branch ? `, falling back to ${fallback}` : ''}` : `registry cache (<image>:${leg ? `buildcache-${leg}` : 'buildcache'}${leg ? `, per platform` : ''})` };
}
/**
 * Attributes of a cache-from/cache-to line that hold credentials (S3 keys and session token, Azure
 * `secret_access_key` and an `account_url` carrying a SAS query, any token/password/secret-like key).
 */
const SECRET_ATTR = /^(access_key_id|secret_access_key|session_token|account_key|sas|sas_token|.*token|.*password|passwd|.*secret)$/i;
function isSecretAttr(key, value) {
    return SECRET_ATTR.test(key) || (key.toLowerCase() === 'account_url' && value.includes('?'));
}
/** The credential values of cache lines: each one is masked in the log. */
function cacheSecretValues(lines) {
    const out = [];
    for (const line of lines) {
        for (const f of (0,csv/* splitFields */.K)(line)) {
            const i = f.indexOf('=');
            if (i > 0 && f.slice(i + 1) && isSecretAttr(f.slice(0, i).trim(), f.slice(i + 1)))
                out.push(f.slice(i + 1));
        }
    }
    return out;
}
/** A cache line as it may be shown (the summary's bake definition): credential values replaced by `***`. */
function redactCacheLine(line) {
    const fields = (0,csv/* splitFields */.K)(line);
    if (!fields.some(f => f.indexOf('=') > 0 && isSecretAttr(f.slice(0, f.indexOf('=')).trim(), f.slice(f.indexOf('=') + 1))))
        return line;
    return fields
        .map(f => {
        const i = f.indexOf('=');
        const shown = i > 0 && isSecretAttr(f.slice(0, i).trim(), f.slice(i + 1)) ? `${f.slice(0, i)}=***` : f;
        return /[",]/.test(shown) ? `"${shown.replace(/"/g, '""')}"` : shown;
    })
        .join(',');
}

// EXTERNAL MODULE: ./src/engine/gha-cache.ts
var gha_cache = __webpack_require__(57351);
;// CONCATENATED MODULE: ./src/engine/local-cache.ts
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







const KEY_PREFIX = 'multiarch-publish-local';
/** Does this run use `cache: local`? Raw cache-from/cache-to lines replace it, as every other mode. */
function wantsLocalCache(e) {
    return e.cache === 'local' && !e.cacheFrom.length && !e.cacheTo.length;
}
/** The key and restore keys of one build's local cache. */
function localCacheKeys(build, ref, sha, defaultBranch) {
    const platforms = build.platforms.map(p => (0,version/* sanitizeTag */.iP)(p.replace(/\//g, '-'))).join('+') || 'default';
    const base = `${KEY_PREFIX}/${(0,version/* sanitizeTag */.iP)(build.id)}/${platforms}`;
    const branch = scopeName(ref, defaultBranch) || 'default';
    const fallback = (0,version/* sanitizeTag */.iP)(defaultBranch);
    const restoreKeys = [`${base}/${branch}/`, ...(fallback && fallback !== branch ? [`${base}/${fallback}/`] : [])];
    return { key: `${base}/${branch}/${(0,version/* sanitizeTag */.iP)(sha) || 'unknown'}`, restoreKeys };
}
/** Where the caches live while the job runs: the same path in every job, so that the entries' versions match. */
function localCacheBase(env) {
    return (0,external_node_path_.join)(env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), 'multiarch-publish-cache');
}
/**
 * Restores every build's cache directory (all at once). Undefined when the cache service is not there:
 * a warning, and the build goes on without cache.
 */
async function restoreLocalCaches(plan, defaultBranch, env, io = gha_cache) {
    const service = gha_cache.availability(env);
    if (!service.available) {
        runner/* warning */.$e(`cache: local: ${service.note}; building without cache.`);
        return undefined;
    }
    const base = localCacheBase(env);
    (0,external_node_fs_.rmSync)(base, { recursive: true, force: true });
    return Promise.all(plan.builds.map(async (b) => {
        const dir = (0,external_node_path_.join)(base, (0,version/* sanitizeTag */.iP)(b.id));
        const c = { id: b.id, ...localCacheKeys(b, plan.ref, plan.sha, defaultBranch), dir, fresh: `${dir}.new` };
        const hit = await io.restore([dir], c.key, c.restoreKeys);
        // an entry that restored nothing usable (no index.json) is not handed to BuildKit
        if (hit && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'index.json')))
            c.restoredFrom = hit;
        runner/* info */.pq(`cache: local: ${b.id}: ${c.restoredFrom ? `restored from ${c.restoredFrom}` : `no cache under ${c.restoreKeys.join(' or ')}`}`);
        return c;
    }));
}
function localCacheDirs(caches) {
    return Object.fromEntries(caches.map(c => [c.id, { src: c.restoredFrom ? c.dir : undefined, dest: c.fresh }]));
}
/** After a successful bake: each fresh export replaces its directory and is saved under the build's key. */
async function saveLocalCaches(caches, io = gha_cache) {
    return Promise.all(caches.map(async (c) => {
        if (c.restoredFrom === c.key)
            return { ...c, skipped: 'exact hit' };
        if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(c.fresh, 'index.json')))
            return { ...c, skipped: 'the bake exported no cache' };
        (0,external_node_fs_.rmSync)(c.dir, { recursive: true, force: true });
        (0,external_node_fs_.renameSync)(c.fresh, c.dir);
        return { ...c, saved: await io.save([c.dir], c.key) };
    }));
}
/** The directories go once the caches are saved (or the bake failed): RUNNER_TEMP keeps nothing of ours. */
function removeLocalCaches(env) {
    (0,external_node_fs_.rmSync)(localCacheBase(env), { recursive: true, force: true });
}
/** The summary's cache note: per image, restored from which key, saved under which. */
function localCacheNote(caches) {
    const each = caches.map(c => {
        const from = c.restoredFrom ? `restored from ${c.restoredFrom}` : 'nothing restored';
        const to = c.saved ? `saved under ${c.key}` : c.skipped === 'exact hit' ? 'not saved again (exact hit)' : c.skipped ? `not saved (${c.skipped})` : c.saved === false ? `not saved under ${c.key} (the cache service refused it)` : 'not saved (the build failed)';
        return `${c.id}: ${from}, ${to}`;
    });
    return `local cache (type=local, kept with the GitHub cache service): ${each.join('; ')}`;
}

// EXTERNAL MODULE: ./src/engine/cleanup.ts
var cleanup = __webpack_require__(80234);
// EXTERNAL MODULE: ./src/engine/cancel.ts
var engine_cancel = __webpack_require__(41986);
// EXTERNAL MODULE: ./src/engine/builder.ts
var builder = __webpack_require__(15985);
// EXTERNAL MODULE: ./src/engine/qemu.ts
var engine_qemu = __webpack_require__(31868);
;// CONCATENATED MODULE: ./src/engine/steps/setup.ts
/**
 * Setup: buildx new enough, QEMU only for the architectures the host can't run and binfmt_misc lacks,
 * the builder (the named one, the current one if it can, or one of our own), and the logins.
 */





const isLoopback = (host) => /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
async function checkBuildx(buildx) {
    const output = await buildx.version();
    const v = (0,builder/* parseBuildxVersion */.Ou)(output);
    if (!v)
        throw new Error(`docker buildx is not available (${output.trim() || 'no output'}): install the buildx plugin (docker/setup-buildx-action does) or use a runner that has it`);
    if (!(0,builder/* versionAtLeast */.zy)(v, builder/* MIN_BUILDX */.q4))
        throw new Error(`docker buildx ${v} is too old: multiarch-publish needs ${builder/* MIN_BUILDX */.q4} or newer (bake with annotations and attestations)`);
    return v;
}
/** Loading several platforms into the local store works only where the daemon's store holds indexes. */
function checkLoad(builder, platforms, containerd) {
    if (platforms.length < 2 || (builder.driver === 'docker' && containerd))
        return;
    const why = builder.driver === 'docker' ? 'the daemon does not use the containerd image store' : `builder ${builder.name} uses the ${builder.driver} driver`;
    throw new Error(`Loading ${platforms.join(', ')} into the local image store needs the docker driver with the containerd image store, and ${why}: build one platform (e.g. --platforms ${platforms[0]}), or enable the containerd image store and use the default builder.`);
}
/**
 * The builder the builder input names, used as it is: every node read, each platform routed to its node
 * as buildx will, checked before anything is installed, logged in to or built.
 */
async function namedBuilder(i, platforms, reads) {
    const { engine: e } = i;
    const name = e.builder;
    const load = i.output === 'load';
    const push = i.output === 'push' && platforms.length > 1;
    const { info: b, store } = await reads;
    if (load)
        checkLoad(b, platforms, store);
    if (i.cacheExport && b.driver === 'docker') {
        throw new Error(`cache: local needs a builder that can export cache, and builder ${b.name} (the builder input) uses the docker driver, which cannot: name a docker-container builder, leave builder empty (the action then creates one), or choose another cache`);
    }
    // buildx would refuse it at the bake ("multi-platform build is not supported for the docker driver")
    if (push && b.driver === 'docker' && !store) {
        throw new Error(`The builder input names ${b.name}, a docker-driver builder of a daemon without the containerd image store: it cannot build ${platforms.join(', ')} into one image. Nothing was logged in to, built or pushed. Enable the containerd image store (dockerd "features": {"containerd-snapshotter": true}), name a docker-container builder, or leave the builder input empty (the action then creates one).`);
    }
    const routes = (0,builder/* routePlatforms */.m7)(b, platforms);
    // buildx sends the platform there and fails at the bake: said here, before any login or build
    const down = routes.filter(r => r.node.status && r.node.status !== 'running');
    if (down.length) {
        throw new Error(`The builder input names ${b.name}, whose node ${down.map(r => `${r.node.name} (${r.node.status}) would build ${r.platform}`).join(', node ')}: it did not start (docker buildx inspect --bootstrap ${b.name} says why). Nothing was logged in to, built or pushed.`);
    }
    const nodes = b.nodes.length > 1 ? `, ${b.nodes.length} nodes` : '';
    return { info: b, arg: name, routes, note: `using builder ${b.name} (${b.driver} driver${nodes}), as the builder input asks${b.nodes.length > 1 && routes.length ? `: ${(0,builder/* describeRoutes */.oK)(routes)}` : ''}` };
}
/**
 * QEMU for a named builder: only the platforms none of its nodes lists (buildx sends those to the first
 * node, where an emulator on this host helps a node that runs here). A platform a node declares or lists
 * (native, or an emulator it already has) needs nothing from this job.
 */
function qemuForNamed(i, b, registered) {
    const routes = b.routes ?? [];
    // no node read (an output this parser does not know): every platform as for any builder
    if (!routes.length)
        return { platforms: [...new Set(i.builds.flatMap(x => x.platforms))], plan: (0,engine_qemu/* planQemu */.AU)([...new Set(i.builds.flatMap(x => x.platforms))], i.host, registered, i.engine.setupQemu) };
    const unlisted = routes.filter(r => r.by === 'first node').map(r => r.platform);
    const built = routes.filter(r => r.by !== 'first node').map(r => r.platform);
    const byNodes = built.length ? `builder ${b.info.name}'s nodes build ${built.join(', ')}` : '';
    if (!unlisted.length)
        return { platforms: [], plan: { native: [], registered: [], missing: [], action: 'none', reason: `${byNodes}: QEMU not needed` } };
    const plan = (0,engine_qemu/* planQemu */.AU)(unlisted, i.host, registered, i.engine.setupQemu);
    return { platforms: unlisted, plan: { ...plan, reason: `${byNodes ? `${byNodes}; ` : ''}no node of builder ${b.info.name} lists ${unlisted.join(', ')} (buildx sends it to node ${routes[0].node.name}): ${plan.reason}` } };
}
async function chooseBuilder(i, platforms, reads) {
    const { buildx, engine: e } = i;
    const load = i.output === 'load';
    const { info: current, store } = await reads;
    const c8d = current.driver === 'docker' && store;
    const reuse = (0,builder/* canReuse */.fE)(current, platforms, c8d);
    const verdict = reuse.ok && i.cacheExport && current.driver === 'docker' ? { ok: false, reason: `cache: local exports cache, which builder ${current.name} (docker driver) cannot` } : reuse;
    const arg = current.name && !current.name.startsWith('default') ? current.name : undefined;
    if (load && platforms.length > 1) {
        checkLoad(current, platforms, c8d);
        if (!verdict.ok)
            throw new Error(`Cannot load ${platforms.join(', ')} into the local image store: ${verdict.reason}`);
    }
    if (verdict.ok)
        return { info: current, arg, note: verdict.reason };
    const name = i.builderName;
    const hostNetwork = i.builds.some(b => b.images.some(img => isLoopback((0,login/* registryOf */.Fv)(img))));
    runner/* info */.pq(`${verdict.reason}: creating a docker-container builder ${name}`);
    // recorded first: a builder half made by a failed create is still removed
    i.record(state/* STATE */.c4.builder, name);
    const created = await buildx.createBuilder({ name, image: e.buildkitImage || undefined, hostNetwork });
    const missing = (0,builder/* canReuse */.fE)(created, platforms, false);
    if (!missing.ok)
        throw new Error(`The new builder ${name} cannot build every platform: ${missing.reason}`);
    return {
        info: created,
        arg: name,
        created: name,
        note: `created docker-container builder ${name}${e.buildkitImage ? ` (${e.buildkitImage})` : ''}: ${verdict.reason}; removed ${i.userConfig ? 'when the run ends' : 'by the post step'}`
    };
}
async function logIn(i) {
    if (i.output !== 'push')
        return { loggedIn: [], loginNote: 'no login: nothing is pushed' };
    if (i.userConfig)
        return { loggedIn: [], loginNote: 'no login: your docker config is used as it is (its logins and credential helpers)' };
    const done = [];
    for (const l of i.logins) {
        if (l.source === 'none') {
            runner/* warning */.$e(`No credentials for ${l.registry} (${l.note ?? 'add it to registry-auth'}): pushing without logging in.`);
            continue;
        }
        await (0,login/* login */.iD)(i.buildx, l);
        done.push(l.registry);
        i.record(state/* STATE */.c4.logins, JSON.stringify(done));
    }
    return { loggedIn: done, loginNote: done.length ? `logged in to ${done.join(', ')}` : 'no login' };
}
/**
 * The reads the builder decision needs, both at once (the store only matters for the docker driver, but
 * asking costs less than waiting): the named builder, or the current one. Read-only docker calls, so
 * they run beside the buildx version check; nothing is judged before that check passed.
 */
function readBuilder(i, platforms) {
    const { buildx, engine: e } = i;
    const storeMatters = !e.builder || i.output === 'load' || (i.output === 'push' && platforms.length > 1);
    const reads = Promise.all([e.builder ? buildx.inspectBuilder(e.builder) : buildx.inspectBuilder(), storeMatters ? buildx.containerdImageStore() : Promise.resolve(false)]).then(([info, store]) => ({ info, store }));
    // judged only after the version check: a rejection before then is not an unhandled one
    reads.catch(() => undefined);
    return reads;
}
async function setup(i) {
    const platforms = [...new Set(i.builds.flatMap(b => b.platforms))];
    // the version check runs while binfmt_misc (a file) and the builder are read; it is judged first
    const versionCheck = runner/* group */.Os('buildx', () => checkBuildx(i.buildx));
    versionCheck.catch(() => undefined); // awaited below: a rejection before then is not an unhandled one
    const registered = await i.buildx.registeredEmulators();
    // the current builder lists the platforms of the emulators there are: read early only when none is to be installed
    const currentQemu = i.engine.builder ? undefined : (0,engine_qemu/* planQemu */.AU)(platforms, i.host, registered, i.engine.setupQemu);
    const early = currentQemu?.action === 'install' ? undefined : readBuilder(i, platforms);
    const buildxVersion = await versionCheck;
    runner/* info */.pq(`docker buildx ${buildxVersion}`);
    // a named builder is judged first: QEMU only for what none of its nodes builds
    const named = i.engine.builder ? await namedBuilder(i, platforms, early) : undefined;
    const { plan: qemu, platforms: emulated } = named ? qemuForNamed(i, named, registered) : { plan: currentQemu, platforms };
    runner/* info */.pq(`QEMU: ${qemu.reason}`);
    if (qemu.action === 'install') {
        await i.buildx.installEmulators(i.engine.qemuImage, qemu.missing);
        // tonistiigi/binfmt exits 0 when an install fails: binfmt_misc is the judge, not the exit code,
        // so that a missing emulator is named here rather than as an `exec format error` deep in the build
        const after = (0,engine_qemu/* planQemu */.AU)(emulated, i.host, await i.buildx.registeredEmulators(), 'auto');
        if (after.missing.length) {
            throw new Error(`QEMU: ${i.engine.qemuImage} --install ${qemu.missing.join(',')} left no emulator for ${after.missing.join(', ')} in binfmt_misc; nothing was built (check the qemu-image input, or that the runner allows privileged containers)`);
        }
    }
    // after an install the current builder is read only now, with the emulators it will have
    const builder = named ?? (await chooseBuilder(i, platforms, early ?? readBuilder(i, platforms)));
    runner/* info */.pq(`Builder: ${builder.note}`);
    const logins = await logIn(i);
    return { buildxVersion, qemu, builder, ...logins };
}

// EXTERNAL MODULE: ./src/engine/exec.ts
var exec = __webpack_require__(51293);
// EXTERNAL MODULE: ./src/engine/registry.ts
var registry = __webpack_require__(59399);
;// CONCATENATED MODULE: ./src/engine/steps/build.ts
/**
 * The one bake: every build of the plan in a single `docker buildx bake`, so BuildKit solves all targets
 * in one graph. A push the registry failed for a transient reason is tried again (the builds are cached,
 * so only the upload repeats); a failed build step or a refusal is not. Failures are reported per
 * image, with the platform (diagnosed one platform at a time when the log does not say).
 */











/**
 * How this driver pushes (bake.ts PushMode): the docker driver cannot push by digest (buildx refuses
 * `push-by-digest` for it), so it exports an OCI layout that steps/staging.ts pushes by digest; every
 * other driver pushes by digest itself, or under the staging tag when `staging-tags: keep` asks for it.
 */
function pushModeOf(driver, stagingTags) {
    if (driver === 'docker')
        return 'layout';
    return stagingTags === 'keep' ? 'staging-tag' : 'digest';
}
const wait = (ms) => new Promise(r => setTimeout(r, ms));
function writeBake(i, local) {
    const { plan, engine: e } = i;
    const cache = cacheSettings(i.output === 'push' ? plan : { ...plan, push: false }, e, i.driver, i.env, i.defaultBranch, local);
    // values are written to files of the action's own; files and variables are bake's to read
    const secretsDir = (0,external_node_path_.join)(i.workDir, 'secrets');
    if (e.secrets.some(s => s.source === 'value')) {
        (0,external_node_fs_.mkdirSync)(secretsDir, { mode: 0o700 });
        i.record(state/* STATE */.c4.secretsDir, secretsDir);
    }
    const secrets = e.secrets.map(s => {
        if (s.source !== 'value')
            return (0,inputs_secrets/* bakeSecretEntry */.oJ)(s);
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(secretsDir, s.id), s.value, { mode: 0o600 });
        return (0,inputs_secrets/* bakeSecretEntry */.oJ)(s, (0,external_node_path_.join)(secretsDir, s.id));
    });
    const settings = {
        push: i.output === 'push',
        load: i.output === 'load',
        pushMode: pushModeOf(i.driver, e.stagingTags),
        stagingTag: i.stagingTag,
        layoutDir: (0,external_node_path_.join)(i.workDir, 'oci'),
        cacheFrom: cache.from,
        cacheTo: cache.to,
        secrets,
        provenance: e.provenance,
        sbom: e.sbom,
        noCache: e.noCache,
        pull: e.pull
    };
    const bakeFile = (0,external_node_path_.join)(i.workDir, 'bake.json');
    (0,external_node_fs_.writeFileSync)(bakeFile, (0,bake/* serializeBake */.Qd)((0,bake/* bakeDefinition */.xs)(plan, settings)) + '\n');
    // what the summary shows: the same, credentials of cache lines as ***
    const redact = (c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.map(redactCacheLine)]));
    const definition = (0,bake/* serializeBake */.Qd)((0,bake/* bakeDefinition */.xs)(plan, { ...settings, cacheFrom: redact(cache.from), cacheTo: redact(cache.to) }));
    runner/* info */.pq(`Bake definition: ${bakeFile}`);
    return { bakeFile, metadataFile: (0,external_node_path_.join)(i.workDir, 'bake-metadata.json'), definition, cacheNote: cache.note, settings };
}
/** Which platform of a failed target failed, when the log does not say: each one alone, cache-only. */
async function diagnosePlatform(i, build, file) {
    const failed = [];
    for (const platform of build.platforms) {
        const out = await i.buildx.bake({ file, progress: 'quiet', builder: i.builderArg, set: [`${build.id}.platform=${platform}`, `${build.id}.output=type=cacheonly`], targets: [build.id] });
        if (out.code !== 0)
            failed.push(platform);
    }
    return failed.length ? failed : build.platforms;
}
/** `cache: local` (engine/local-cache.ts): restore each image's cache, bake, save the new ones, remove the directories. */
async function build(i) {
    // the docker driver with the service there: setup refused or replaced it, and the note says why
    if (!wantsLocalCache(i.engine) || (i.driver === 'docker' && (0,gha_cache.available)(i.env)))
        return build_bake(i);
    try {
        const local = await runner/* group */.Os('Restore the local cache', () => restoreLocalCaches(i.plan, i.defaultBranch, i.env));
        if (!local)
            return await build_bake(i);
        const result = await build_bake(i, localCacheDirs(local));
        const caches = result.ok ? await runner/* group */.Os('Save the local cache', () => saveLocalCaches(local)) : local;
        return { ...result, cacheNote: localCacheNote(caches) };
    }
    finally {
        removeLocalCaches(i.env);
    }
}
async function build_bake(i, local) {
    const { plan } = i;
    const { bakeFile, metadataFile, definition, cacheNote, settings } = writeBake(i, local);
    const attempts = i.retry?.attempts ?? 3;
    const baseDelayMs = i.retry?.baseDelayMs ?? 2000;
    const sleep = i.sleep ?? wait;
    const targets = plan.builds.map(b => b.id);
    const imagesOf = Object.fromEntries(plan.builds.map(b => [b.id, b.images]));
    const platforms = [...new Set(plan.builds.flatMap(b => b.platforms))];
    const spans = new Map();
    const vertexTarget = new Map();
    const lines = [];
    const onLine = (line) => {
        lines.push(line);
        const m = /^#(\d+) (?:\[(\S+)[\s\]])?/.exec(line);
        if (!m)
            return;
        if (m[2] && targets.includes(m[2]))
            vertexTarget.set(m[1], m[2]);
        const t = vertexTarget.get(m[1]);
        if (t) {
            const now = Date.now();
            const s = spans.get(t) ?? { first: now, last: now };
            s.last = now;
            spans.set(t, s);
        }
    };
    const runBake = () => i.buildx.bake({ file: bakeFile, metadataFile, progress: 'plain', builder: i.builderArg, onLine });
    const started = Date.now();
    let result = await runner/* group */.Os(`Build ${targets.join(', ')} (${platforms.join(', ')})`, runBake);
    for (let attempt = 2; result.code !== 0 && attempt <= attempts; attempt++) {
        const output = lines.join('\n');
        const failures = (0,bake/* parseFailures */.vu)(lines, targets, imagesOf);
        if (failures.some(f => f.kind === 'build') || !(0,exec/* isTransient */.dg)(output))
            break;
        const delay = baseDelayMs * 2 ** (attempt - 2);
        runner/* warning */.$e(`The push failed with a transient registry error (${(0,registry/* registryMessage */.Dp)(output)}); retrying in ${delay / 1000} s (attempt ${attempt} of ${attempts})`);
        await sleep(delay);
        lines.length = 0;
        vertexTarget.clear(); // the new bake numbers its steps afresh
        result = await runBake();
    }
    const seconds = (Date.now() - started) / 1000;
    const files = { bakeFile, definition, cacheNote, seconds };
    if (result.code === 0) {
        const buildSeconds = Object.fromEntries(plan.builds.map(b => {
            const span = spans.get(b.id);
            return [b.id, span ? (span.last - span.first) / 1000 : seconds];
        }));
        const layouts = settings.push && settings.pushMode === 'layout' ? plan.builds.map(b => ({ build: b, dir: (0,bake/* layoutPath */.q8)(settings.layoutDir, b) })) : [];
        return { ...files, ok: true, metadata: result.metadata, buildSeconds, pushMode: settings.pushMode, layouts };
    }
    const failures = (0,bake/* parseFailures */.vu)(lines, targets, imagesOf);
    failures.push(...(await sharedStageFailures(failures, plan.builds, (0,bake/* workspaceDir */.zf)() ?? process.cwd())));
    if (!failures.length) {
        // no step of the graph failed (bake refused the definition, an unknown target stage): a failed build all
        // the same, reported in the summary like any other
        const message = `The build or push failed: ${(0,registry/* registryMessage */.Dp)(lines.join('\n'))}`;
        runner/* error */.z3(message, { title: 'Build failed' });
        return { ...files, ok: false, messages: [message], failed: ['the bake'] };
    }
    const messages = [];
    for (const f of failures) {
        const b = plan.builds.find(x => x.id === f.target);
        const name = b ? b.images.join(', ') : f.target || 'one of the images';
        let message;
        if (f.kind === 'push') {
            message = `Pushing ${name} failed: ${(0,registry/* registryMessage */.Dp)(f.error)}`;
        }
        else {
            // a step of every platform (`[x internal] load build definition`) needs no per-platform diagnosis
            const shared = /^\[\S+ internal\]/.test(f.step);
            const where = f.platform ? [f.platform] : b && b.platforms.length > 1 && !shared ? await diagnosePlatform(i, b, bakeFile) : (b?.platforms ?? []);
            const stage = stageOf(f.step);
            const others = (f.sharedWith ?? []).map(t => plan.builds.find(x => x.id === t)?.images.join(', ') || t);
            message = `Build of ${name} failed on ${where.join(', ') || 'its platform'}${others.length && stage ? ` (in stage ${stage}, which it shares with ${others.join('; ')})` : ''}: ${f.error}`;
        }
        messages.push(message);
        runner/* group */.Os(`BuildKit log of the failed step (${f.target || 'unknown target'})`, () => runner/* untrusted */.bp(f.log.join('\n')));
        runner/* error */.z3(message, { title: `${f.kind === 'push' ? 'Push' : 'Build'} failed: ${f.target || name}` });
    }
    const failed = failures.map(f => plan.builds.find(b => b.id === f.target)?.images.join(', ') || f.target || 'an image');
    // bake stops the other targets at the first failure: they did not fail, and are not blamed
    const cancelled = (0,bake/* cancelledTargets */._J)(lines, targets, failures).map(t => plan.builds.find(b => b.id === t)?.images.join(', ') || t);
    for (const c of cancelled)
        runner/* info */.pq(`${c}: cancelled by BuildKit when ${failed.join('; ')} failed (not a failure of its own)`);
    return { ...files, ok: false, messages, failed, ...(cancelled.length ? { cancelled } : {}) };
}
/** The named stage of a step as BuildKit names it (`[api linux/arm64 base 2/3] RUN …` -> base); undefined for the target's own unnamed stage and internal steps. */
function stageOf(step) {
    const m = /^\[\S+(?: (?:linux|windows|darwin|freebsd)\/\S+)? ([^\s/]+) \d+\/\d+\]/.exec(step);
    return m && !/^stage-\d+$/.test(m[1]) ? m[1].toLowerCase() : undefined;
}
/**
 * The targets a failed step of a shared stage failed as well, when BuildKit's log named it after only one
 * of them: BuildKit runs a step once for every target whose definition makes the same step (the same
 * Dockerfile and context, the same build arguments, a platform both build), and a target whose target
 * stage needs that stage (FROM, COPY --from, RUN --mount=from=, transitively) needed that step. Each such
 * target gets the failure too, instead of "cancelled". What cannot be read (a remote context, a
 * Dockerfile that does not parse) infers nothing.
 */
async function sharedStageFailures(failures, builds, workspace) {
    const failed = new Set(failures.map(f => f.target));
    const out = [];
    const { stagesNeeded } = await __webpack_require__.e(/* import() */ 672).then(__webpack_require__.bind(__webpack_require__, 68672));
    const texts = new Map();
    const textOf = (b) => {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(b.context) || /^git@/.test(b.context))
            return undefined;
        const path = (0,external_node_path_.resolve)(workspace, b.file);
        if (!texts.has(path)) {
            try {
                texts.set(path, (0,external_node_fs_.readFileSync)(path, 'utf8'));
            }
            catch {
                texts.set(path, undefined);
            }
        }
        return texts.get(path);
    };
    const same = (a, b) => (0,external_node_path_.resolve)(workspace, a.file) === (0,external_node_path_.resolve)(workspace, b.file) && (0,external_node_path_.resolve)(workspace, a.context) === (0,external_node_path_.resolve)(workspace, b.context) && JSON.stringify(Object.entries(a.buildArgs).sort()) === JSON.stringify(Object.entries(b.buildArgs).sort());
    for (const f of failures) {
        const stage = f.kind === 'build' && !bake/* CANCELLED_ERROR */.D3.test(f.error) ? stageOf(f.step) : undefined;
        const origin = builds.find(b => b.id === f.target);
        if (!stage || !origin)
            continue;
        for (const b of builds) {
            if (failed.has(b.id) || !same(origin, b) || (f.platform && !b.platforms.includes(f.platform)))
                continue;
            const text = textOf(b);
            const needed = text === undefined ? undefined : await stagesNeeded(text, b.target);
            if (!needed?.has(stage))
                continue;
            failed.add(b.id);
            f.sharedWith = [...new Set([...(f.sharedWith ?? []), b.id])];
            out.push({ ...f, target: b.id, step: f.step.replace(/^\[\S+/, `[${b.id}`), sharedWith: [f.target] });
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/engine/steps/verify.ts
var verify = __webpack_require__(93993);
// EXTERNAL MODULE: ./src/engine/steps/tags.ts
var tags = __webpack_require__(92429);
// EXTERNAL MODULE: ./src/engine/steps/budget.ts
var steps_budget = __webpack_require__(72637);
// EXTERNAL MODULE: ./src/engine/release.ts + 3 modules
var release = __webpack_require__(96926);
// EXTERNAL MODULE: ./src/engine/history.ts
var engine_history = __webpack_require__(50390);
// EXTERNAL MODULE: ./src/engine/arch-tag-moves.ts
var arch_tag_moves = __webpack_require__(30474);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/pipeline/cache-mounts.ts
var cache_mounts = __webpack_require__(64055);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
;// CONCATENATED MODULE: ./src/engine/steps/cache-mounts.ts
/**
 * Cache mounts that survive the runner. BuildKit keeps `RUN --mount=type=cache` directories inside the
 * builder and exports them with no cache backend (moby/buildkit#1512), so on a fresh runner they start
 * empty. Around the bake, on the same builder:
 *
 * - restore: each mount's last content comes from the GitHub cache service (a tar, by key), and one
 *   generated build copies it into the builder's cache mount of the same id (`tar -x` in a RUN that
 *   mounts both the cache and the restored directory);
 * - save, after a successful bake: a second generated build copies every mount out (`tar -c`, a local
 *   output), and a mount whose content changed is saved under a new key.
 *
 * The copy steps run in `cache-mounts-image` (it needs sh and tar). Keys: per mount id (and platform,
 * where the id names it), per branch, falling back to the default branch; the last part is the hash of
 * the content, so an unchanged mount is not saved again. Mount ids come from Dockerfiles (a fork's, on a
 * pull request): they reach the generated Dockerfile only through the safe set checked in
 * pipeline/cache-mounts.ts, never become a path on the runner (directories are named by a hash), and
 * reach the log and the summary escaped.
 */







/** The real one: @actions/cache through engine/gha-cache.ts, loaded when a run has cache mounts to keep. */
async function ghaStore() {
    const g = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 57351));
    return { available: g.available, restore: g.restore, save: g.save };
}
/** Where a run keeps the mounts' content: stable across runs, as the cache service's entries are per path. */
function cacheMountsDir(env, fallback) {
    return (0,external_node_path_.join)(env['RUNNER_TEMP'] || fallback, 'multiarch-publish-cache-mounts');
}
const MOUNT_ROOT = '/mp-cache';
function hash(s) {
    return (0,external_node_crypto_.createHash)('sha256').update(s).digest('hex');
}
/** The cache scope of the ref: the branch, `pr-<n>` for a pull request, else the default branch. */
function branchScope(ref, defaultBranch) {
    const pr = /^refs\/pull\/(\d+)\//.exec(ref);
    const name = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : pr ? `pr-${pr[1]}` : defaultBranch;
    return (0,version/* sanitizeTag */.iP)(name || 'default').slice(0, 100);
}
/** The key prefix of a mount's entries: readable part, then a hash of the id and platform (the id may be anything). */
function mountBase(m) {
    const slug = (0,version/* sanitizeTag */.iP)([m.id, m.platform].filter(Boolean).join('-')).replace(/^[-.]+|[-.]+$/g, '').slice(0, 40) || 'mount';
    return `multiarch-publish-mount-${slug}-${hash(`${m.id}\n${m.platform ?? ''}`).slice(0, 12)}`;
}
/** The keys of a mount: where it is saved (with the content hash) and where it is looked for. */
function mountKeys(m, ref, defaultBranch) {
    const base = mountBase(m);
    const branch = branchScope(ref, defaultBranch);
    const fallback = (0,version/* sanitizeTag */.iP)(defaultBranch || '').slice(0, 100);
    const prefix = `${base}-${branch}-`;
    return { prefix, restoreKeys: fallback && fallback !== branch ? [`${base}-${fallback}-`] : [], key: content => `${prefix}${content}` };
}
/** `--mount=type=cache,...` for the copy steps: the user's id, uid, gid, mode and sharing, our target. */
function cacheMountFlag(m, target) {
    const opts = [`type=cache`, `id=${m.id}`, `target=${target}`, `sharing=${m.sharing}`];
    if (m.uid !== undefined)
        opts.push(`uid=${m.uid}`);
    if (m.gid !== undefined)
        opts.push(`gid=${m.gid}`);
    if (m.mode !== undefined)
        opts.push(`mode=${m.mode}`);
    return `--mount=${opts.join(',')}`;
}
/** The generated Dockerfile that copies restored content (`<name>/cache.tar` in the context) into each mount. */
function injectDockerfile(image, mounts) {
    return [
        '# generated by multiarch-publish: restored cache-mount content into the builder',
        `FROM ${image}`,
        ...mounts.map(s => `RUN ${cacheMountFlag(s.mount, MOUNT_ROOT)} --mount=type=bind,source=${s.name},target=/mp-in tar -xpf /mp-in/cache.tar -C ${MOUNT_ROOT}`),
        ''
    ].join('\n');
}
/** The generated Dockerfile that copies every mount out, `<name>/cache.tar` each; MP_RUN keeps the step from being cached. */
function extractDockerfile(image, mounts) {
    const flags = mounts.map((s, n) => cacheMountFlag(s.mount, `${MOUNT_ROOT}/${n}`)).join(' ');
    const copy = mounts.map((s, n) => `mkdir -p /mp-out/${s.name} && tar -cf /mp-out/${s.name}/cache.tar -C ${MOUNT_ROOT}/${n} .`).join(' && ');
    return ['# generated by multiarch-publish: the builder\'s cache-mount content, out', `FROM ${image} AS copy`, 'ARG MP_RUN', `RUN ${flags} ${copy}`, 'FROM scratch', 'COPY --from=copy /mp-out/ /', ''].join('\n');
}
/**
 * A hash of a tar's content that does not depend on the order of its entries or on directory times:
 * every entry's name, type, mode, owner, link and (for files) time and content. Also the bytes of file
 * content, and whether it holds anything but the top directory.
 */
async function tarDigest(file) {
    const { extract } = await __webpack_require__.e(/* import() */ 118).then(__webpack_require__.t.bind(__webpack_require__, 56118, 19));
    const entries = [];
    let size = 0;
    const ex = extract();
    const done = new Promise((ok, fail) => {
        ex.on('entry', (h, stream, next) => {
            const content = (0,external_node_crypto_.createHash)('sha256');
            stream.on('data', (d) => void content.update(d));
            stream.on('end', () => {
                const name = h.name.replace(/^(\.\/)+/, '').replace(/\/$/, '');
                if (h.type === 'file' || h.type === 'contiguous-file')
                    size += h.size ?? 0;
                if (name !== '' && name !== '.') {
                    const time = h.type === 'directory' ? '' : String(h.mtime?.getTime() ?? '');
                    entries.push(JSON.stringify([name, h.type, h.mode, h.uid, h.gid, h.linkname ?? '', time, content.digest('hex')]));
                }
                next();
            });
            stream.on('error', fail);
        });
        ex.on('finish', ok);
        ex.on('error', fail);
    });
    (0,external_node_fs_.createReadStream)(file).on('error', e => ex.destroy(e)).pipe(ex);
    await done;
    entries.sort();
    return { digest: hash(entries.join('\n')).slice(0, 16), size, empty: entries.length === 0 };
}
/** The mounts of this run: the listed ones, or those found in the Dockerfiles being built. */
async function planMounts(i) {
    const c = i.engine.cacheMounts;
    if (c.mode === 'false')
        return { mounts: [], notes: [] };
    if (c.mode === 'list')
        return legMounts((0,cache_mounts/* mergeMounts */.xE)([{ mounts: c.mounts, notes: [] }]), i.plan.legPlatforms);
    const found = [];
    const read = new Map();
    for (const b of i.plan.builds) {
        if (/^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(b.context)) {
            found.push({ mounts: [], notes: [`${b.file}: a remote context; its cache mounts are not looked for (list them in cache-mounts)`] });
            continue;
        }
        const path = (0,external_node_path_.resolve)(i.workspace, b.file);
        let text = read.get(path);
        try {
            text ??= (0,external_node_fs_.readFileSync)(path, 'utf8');
            read.set(path, text);
        }
        catch (e) {
            found.push({ mounts: [], notes: [`${b.file}: not read (${e.code ?? 'error'})`] });
            continue;
        }
        if (b.buildArgs['BUILDKIT_CACHE_MOUNT_NS'] !== undefined) {
            found.push({ mounts: [], notes: [`${b.file}: BUILDKIT_CACHE_MOUNT_NS is set: its cache mounts are not restored`] });
            continue;
        }
        found.push(await (0,cache_mounts/* findCacheMounts */.Yg)(text, b.file, b.platforms));
    }
    return legMounts((0,cache_mounts/* mergeMounts */.xE)(found), i.plan.legPlatforms);
}
/**
 * A build leg (mode: build): a mount shared by every platform is the leg's platforms' own, so that two
 * legs never restore or replace each other's (their keys differ by platform).
 */
function legMounts(d, legPlatforms) {
    if (!legPlatforms?.length)
        return d;
    return { ...d, mounts: d.mounts.map(m => (m.platform ? m : { ...m, platform: legPlatforms.join(',') })) };
}
function emptyDir(dir) {
    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
}
/** The last lines of a copy step's output, in the log inside a command region (the output echoes mount ids). */
function showFailure(what, output) {
    runner/* warning */.$e(`${what}: see the log of the copy step above; the build goes on without it`);
    runner/* group */.Os(`Log of the cache-mount copy step (${what})`, () => runner/* untrusted */.bp(output.split('\n').slice(-30).join('\n')));
}
/** Before the bake: restore each mount's content and copy it into the builder. Never throws. */
async function restoreCacheMounts(i) {
    const planned = await planMounts(i);
    const notes = [...planned.notes];
    const report = (mounts, active) => ({ mounts, notes, active });
    if (i.engine.cacheMounts.mode === 'false')
        return report([], false);
    if (!planned.mounts.length) {
        if (i.engine.cacheMounts.mode === 'list' || notes.length)
            notes.unshift('no cache mount to restore');
        return report([], false);
    }
    const states = planned.mounts.map(mount => {
        const base = mountBase(mount);
        return { mount, base, name: `m-${hash(base).slice(0, 16)}` };
    });
    if (i.engine.noCache) {
        notes.push('no-cache is set: BuildKit starts cache mounts afresh, so none is restored or saved');
        return report(states, false);
    }
    if (!i.store.available(i.env)) {
        notes.push('the GitHub cache service is not available here: cache mounts start empty and are not saved');
        return report(states, false);
    }
    emptyDir(i.dir);
    for (const s of states) {
        const keys = mountKeys(s.mount, i.plan.ref, i.defaultBranch);
        const dir = (0,external_node_path_.join)(i.dir, s.name);
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        let hit = await i.store.restore([dir], keys.prefix, keys.restoreKeys);
        const tar = (0,external_node_path_.join)(dir, 'cache.tar');
        // every key this action saves is of this set; another one (written by something else) is not used
        if (hit && !/^[A-Za-z0-9._-]{1,512}$/.test(hit)) {
            notes.push(`the cache entry restored for ${(0,cache_mounts/* excerpt */.Kb)(s.mount.id)} has a key this action does not write: not used`);
            (0,external_node_fs_.rmSync)(tar, { force: true });
            hit = undefined;
        }
        if (hit && (0,external_node_fs_.existsSync)(tar) && (0,external_node_fs_.statSync)(tar).isFile()) {
            try {
                s.size = (await tarDigest(tar)).size;
                s.restoredFrom = hit;
            }
            catch (e) {
                notes.push(`the cache entry ${(0,cache_mounts/* excerpt */.Kb)(hit)} of ${(0,cache_mounts/* excerpt */.Kb)(s.mount.id)} is not a tar (${(0,cache_mounts/* excerpt */.Kb)(e.message)}): the mount starts empty`);
                (0,external_node_fs_.rmSync)(tar, { force: true });
            }
        }
        runner/* info */.pq(`Cache mount ${(0,report_escape/* logValue */.Od)(s.mount.id)}${s.mount.platform ? ` (${s.mount.platform})` : ''}: ${s.restoredFrom ? `restored from ${(0,report_escape/* logValue */.Od)(s.restoredFrom)}` : 'nothing to restore'}`);
    }
    const restored = states.filter(s => s.restoredFrom);
    if (!restored.length) {
        (0,external_node_fs_.rmSync)(i.dir, { recursive: true, force: true });
        return report(states, true);
    }
    const file = (0,external_node_path_.join)(i.dir, 'inject.Dockerfile');
    (0,external_node_fs_.writeFileSync)(file, injectDockerfile(i.engine.cacheMountsImage, restored));
    // the context is the directory of the restored content: only those tars go to the builder
    const out = await runner/* group */.Os('Cache mounts: copy the restored content into the builder', () => i.buildx.build({ file, context: i.dir, builder: i.builderArg, output: { type: 'cacheonly' } }));
    // in the builder now: the runner keeps nothing of it while the bake runs
    (0,external_node_fs_.rmSync)(i.dir, { recursive: true, force: true });
    if (out.code !== 0) {
        showFailure(`The restored cache-mount content could not be copied into the builder (in ${i.engine.cacheMountsImage})`, out.output);
        notes.push(`copying the restored content into the builder failed (in ${i.engine.cacheMountsImage}): the mounts start empty and are not saved`);
        for (const s of restored)
            s.restoredFrom = undefined;
        return report(states, false);
    }
    return report(states, true);
}
/** After a successful bake: copy every mount out and save the ones that changed. Never throws. */
async function saveCacheMounts(i, r) {
    if (!r.active || !r.mounts.length)
        return r;
    const notes = [...r.notes];
    const states = r.mounts.map(s => ({ ...s }));
    const outDir = (0,external_node_path_.join)(i.dir, 'out');
    const context = (0,external_node_path_.join)(i.dir, 'empty');
    try {
        emptyDir(outDir);
        emptyDir(context);
        const file = (0,external_node_path_.join)(i.dir, 'extract.Dockerfile');
        (0,external_node_fs_.writeFileSync)(file, extractDockerfile(i.engine.cacheMountsImage, states));
        const out = await runner/* group */.Os('Cache mounts: copy the content out of the builder', () => i.buildx.build({ file, context, builder: i.builderArg, buildArgs: { MP_RUN: (0,external_node_crypto_.randomBytes)(8).toString('hex') }, output: { type: 'local', dest: outDir } }));
        if (out.code !== 0) {
            showFailure(`The cache-mount content could not be copied out of the builder (in ${i.engine.cacheMountsImage})`, out.output);
            notes.push('copying the content out of the builder failed: nothing was saved');
            for (const s of states)
                s.outcome = 'not-extracted';
            return { mounts: states, notes, active: r.active };
        }
        for (const s of states) {
            const tar = (0,external_node_path_.join)(outDir, s.name, 'cache.tar');
            if (!(0,external_node_fs_.existsSync)(tar)) {
                s.outcome = 'not-extracted';
                continue;
            }
            const d = await tarDigest(tar);
            s.size = d.size;
            const restoredDigest = s.restoredFrom?.slice(s.restoredFrom.lastIndexOf('-') + 1);
            if (d.empty)
                s.outcome = 'empty';
            else if (restoredDigest === d.digest)
                s.outcome = 'unchanged';
            else {
                const key = mountKeys(s.mount, i.plan.ref, i.defaultBranch).key(d.digest);
                const dir = (0,external_node_path_.join)(i.dir, s.name);
                emptyDir(dir);
                (0,external_node_fs_.renameSync)(tar, (0,external_node_path_.join)(dir, 'cache.tar'));
                const saved = await i.store.save([dir], key);
                s.outcome = saved ? 'saved' : 'not-saved';
                if (saved)
                    s.savedKey = key;
            }
            runner/* info */.pq(`Cache mount ${(0,report_escape/* logValue */.Od)(s.mount.id)}${s.mount.platform ? ` (${s.mount.platform})` : ''}: ${s.outcome}${s.savedKey ? ` as ${(0,report_escape/* logValue */.Od)(s.savedKey)}` : ''}`);
        }
    }
    catch (e) {
        runner/* warning */.$e(`Saving the cache mounts failed: ${(0,report_escape/* logValue */.Od)(e.message)}`);
        notes.push('saving the cache mounts failed (see the warning in the log)');
    }
    finally {
        (0,external_node_fs_.rmSync)(i.dir, { recursive: true, force: true });
    }
    return { mounts: states, notes, active: r.active };
}

// EXTERNAL MODULE: ./src/lib/each-limited.ts
var each_limited = __webpack_require__(11733);
;// CONCATENATED MODULE: ./src/engine/oci-layout.ts
/**
 * An OCI image layout (https://github.com/opencontainers/image-spec/blob/main/image-layout.md) as
 * BuildKit's `type=oci,tar=false` exporter writes it: `index.json` names one image index (or manifest),
 * every blob is a file `blobs/sha256/<hex>`. This reads what there is to push, children before their
 * parents, so that a registry never gets a manifest whose references it does not hold yet.
 *
 * The layout is written by the build (a Dockerfile the user controls may shape its content), so every
 * digest is checked to be `sha256:<64 hex>` before it names a file: nothing outside `blobs/sha256` is read.
 */


const DIGEST = /^sha256:[a-f0-9]{64}$/;
const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);
const MANIFEST_TYPES = new Set(['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json']);
function checked(d, where) {
    if (typeof d?.digest !== 'string' || !DIGEST.test(d.digest))
        throw new Error(`the OCI layout ${where} names a digest that is not sha256:<64 hex>: ${JSON.stringify(String(d?.digest)).slice(0, 80)}`);
    if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0)
        throw new Error(`the OCI layout ${where} gives ${d.digest} no valid size`);
    return { digest: d.digest, mediaType: String(d.mediaType ?? ''), size: d.size };
}
function blobPath(dir, digest) {
    if (!DIGEST.test(digest))
        throw new Error(`not a sha256 digest: ${digest.slice(0, 80)}`);
    return (0,external_node_path_.join)(dir, 'blobs', 'sha256', digest.slice('sha256:'.length));
}
/** What the layout in `dir` holds under its one root (the build's index). */
function readLayout(dir) {
    const index = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, 'index.json'), 'utf8'));
    const roots = index.manifests ?? [];
    if (roots.length !== 1)
        throw new Error(`the OCI layout in ${dir} holds ${roots.length} images, not the one the build made`);
    const root = checked(roots[0], 'index.json');
    const blobs = new Map();
    const manifests = new Map();
    const visit = (d, depth) => {
        if (manifests.has(d.digest))
            return;
        if (depth > 8)
            throw new Error(`the OCI layout in ${dir} nests indexes deeper than 8`);
        const bytes = (0,external_node_fs_.readFileSync)(blobPath(dir, d.digest));
        if (bytes.length !== d.size)
            throw new Error(`the OCI layout in ${dir}: ${d.digest} is ${bytes.length} bytes, not ${d.size}`);
        const doc = JSON.parse(bytes.toString('utf8'));
        const mediaType = d.mediaType || doc.mediaType || '';
        if (INDEX_TYPES.has(mediaType)) {
            for (const m of doc.manifests ?? [])
                visit(checked(m, `index ${d.digest}`), depth + 1);
        }
        else if (MANIFEST_TYPES.has(mediaType)) {
            for (const b of [...(doc.config ? [doc.config] : []), ...(doc.layers ?? [])]) {
                const c = checked(b, `manifest ${d.digest}`);
                if (!blobs.has(c.digest))
                    blobs.set(c.digest, { digest: c.digest, size: c.size, file: blobPath(dir, c.digest) });
            }
        }
        else {
            throw new Error(`the OCI layout in ${dir}: ${d.digest} is neither an image index nor a manifest (${mediaType || 'no media type'})`);
        }
        manifests.set(d.digest, { digest: d.digest, mediaType, bytes });
    };
    visit(root, 0);
    return { root: { ...root, mediaType: root.mediaType || manifests.get(root.digest).mediaType }, blobs: [...blobs.values()], manifests: [...manifests.values()] };
}

// EXTERNAL MODULE: ./src/engine/steps/retry.ts
var retry = __webpack_require__(708);
;// CONCATENATED MODULE: ./src/engine/steps/staging.ts
/**
 * Staging: the content of every build is in the registry, by digest, before any tag moves, and no tag
 * the user did not ask for is made on the way.
 *
 * - Drivers that can (docker-container, kubernetes, remote) push by digest inside the bake
 *   (`push-by-digest=true`): nothing is left to do here.
 * - The docker driver cannot (buildx: "push-by-digest is currently not implemented for docker driver";
 *   pushing under a tag and deleting the tag afterwards does not work either: distribution 2.x answers
 *   `DELETE /v2/<name>/manifests/<tag>` with 400, GHCR has no such call). So its bake exports an OCI layout
 *   into the run's work directory, and this step pushes it by digest: every blob (HEAD first; mounted from
 *   the build's first name into its other names on the same registry), then every manifest, children
 *   before the index, byte for byte (the registry checks each digest). Nothing lands in the local image
 *   store either.
 * - `staging-tags: keep`: the index is also put under the staging tag (the docker driver here; the other
 *   drivers push under it in the bake), and that tag stays, after a success and after a failure.
 *
 * A transient registry failure (5xx, 429, a dropped connection) is retried with backoff for up to
 * `retryTimeoutMs` (retry.ts, the loop the tag phase uses too); anything else fails the image at once. A failed push leaves no tag: what was
 * uploaded is content by digest only.
 */




/** At most this many uploads at once per image name. */
const PARALLEL = 4;
const message = (e) => runner/* redact */.E$(e instanceof Error ? e.message : String(e));
async function staging(i) {
    if (!i.layouts.length)
        return { ok: true, pushed: [], blobsSent: 0 };
    const clock = { now: i.now ?? retry/* realClock */.dQ.now, sleep: i.sleep ?? retry/* realClock */.dQ.sleep, random: retry/* realClock */.dQ.random };
    const warned = new Set();
    let blobsSent = 0;
    /** `fn` with the steps' retry (retry.ts) within `deadline`: the first transient failure of a name is a warning, the next ones info. */
    const attempt = (name, fn, deadline) => (0,retry/* withRetry */.bD)(fn, {
        deadline,
        clock,
        check: i.check,
        onRetry: (e, { attempt: n, waitMs, leftMs }) => {
            if (!warned.has(name)) {
                warned.add(name);
                runner/* warning */.$e(`The push failed with a transient registry error (${message(e)}); retrying ${name} for up to ${Math.ceil(leftMs / 1000)} s`);
            }
            else
                runner/* info */.pq(`${name}: ${message(e)} (transient; attempt ${n + 1} in ${(waitMs / 1000).toFixed(1)} s)`);
        }
    });
    const pushName = async (layout, name, from) => {
        const deadline = clock.now() + i.retryTimeoutMs;
        // after a failed upload no other starts: the image has failed
        await (0,each_limited/* eachLimited */.k)(layout.blobs, PARALLEL, async (blob) => {
            if (await attempt(name, () => i.buildx.pushBlob(name, blob, from), deadline))
                blobsSent++;
        }, { stopAtFailure: true });
        // children first: a registry may refuse an index whose manifests it does not hold
        for (const m of layout.manifests)
            await attempt(name, () => i.buildx.putManifest(name, m.digest, m.mediaType, m.bytes), deadline);
        if (i.stagingTags === 'keep') {
            const root = layout.manifests[layout.manifests.length - 1];
            await attempt(name, () => i.buildx.putManifest(name, i.stagingTag, root.mediaType, root.bytes), deadline);
        }
    };
    const outcomes = await runner/* group */.Os(`Push ${i.layouts.map(l => l.build.images.join(', ')).join('; ')} (by digest, from the OCI layout)`, () => Promise.all(i.layouts.map(async ({ build, dir }) => {
        let name = build.images[0] ?? build.id;
        try {
            const layout = readLayout(dir);
            const pushed = [];
            // one name after the other: the later ones mount the blobs the first one uploaded
            for (const [n, each] of build.images.entries()) {
                name = each;
                await pushName(layout, each, n > 0 ? build.images[0] : undefined);
                pushed.push(`${each}@${layout.root.digest}`);
                runner/* info */.pq(`${each}@${layout.root.digest}: pushed by digest (${layout.manifests.length} manifests, ${layout.blobs.length} blobs)${i.stagingTags === 'keep' ? `, also tagged ${i.stagingTag} (staging-tags: keep)` : ''}`);
            }
            return { build, pushed };
        }
        catch (e) {
            if (e?.name === 'Cancelled')
                throw e;
            const text = `Pushing ${name} failed: ${message(e)}`;
            runner/* error */.z3(text, { title: `Push failed: ${build.id}` });
            return { build, error: text };
        }
    })));
    const messages = outcomes.flatMap(o => ('error' in o && o.error ? [o.error] : []));
    if (messages.length)
        return { ok: false, messages, failed: outcomes.filter(o => 'error' in o).map(o => o.build.images.join(', ')) };
    return { ok: true, pushed: outcomes.flatMap(o => ('pushed' in o && o.pushed ? o.pushed : [])), blobsSent };
}
/**
 * The staging tags this run left (`staging-tags: keep`): read from the registry, one call per name, so
 * that the summary says exactly what is there, after a success or a failure. Unreadable: listed as such.
 */
async function stagingTagsLeft(buildx, builds, stagingTag) {
    const names = [...new Set(builds.flatMap(b => b.images))];
    return (await Promise.all(names.map(async (name) => {
        const ref = `${name}:${stagingTag}`;
        try {
            const digest = await buildx.tagDigest(ref);
            return digest ? [{ ref, digest }] : [];
        }
        catch (e) {
            return [{ ref, unread: message(e) }];
        }
    }))).flat();
}

// EXTERNAL MODULE: ./src/engine/steps/attestation-storage.ts
var attestation_storage = __webpack_require__(42624);
// EXTERNAL MODULE: ./src/report/leftovers.ts
var leftovers = __webpack_require__(57202);
// EXTERNAL MODULE: ./src/pipeline/context/github-api.ts
var github_api = __webpack_require__(6878);
// EXTERNAL MODULE: ./src/report/index.ts + 3 modules
var src_report = __webpack_require__(33344);
// EXTERNAL MODULE: ./src/pipeline/inputs/sign.ts
var sign = __webpack_require__(85377);
// EXTERNAL MODULE: ./src/engine/steps/supply-chain.ts
var supply_chain = __webpack_require__(26687);
;// CONCATENATED MODULE: ./src/engine/publish.ts
/**
 * Publishing a plan for real: setup (buildx, QEMU only where needed, builder, logins) -> one bake for
 * every build -> verify -> move the tags -> read back -> outputs and summary. Each step is a function
 * of its own (steps/) that returns its part; the summary is made from those results.
 *
 * Atomic tags: the bake pushes content only — by digest (drivers that can), or under a staging tag unique
 * to this run (the docker driver cannot push by digest). No tag a user can see is touched until every
 * build of the run, on every platform, is verified in the registry; then a final pass points the tags
 * at those indexes with `imagetools create` (same digest). A failure before that pass leaves every
 * existing tag where it was.
 *
 * Faults while the tags move (steps/tags.ts): every write is retried for `tag-retry-timeout`; when one
 * still fails, what moved is put back, and what could not be is listed in the error and the summary.
 * Concurrent runs (steps/guard.ts): just before the tag pass, a mutable tag that points at content of a
 * newer commit than this run's is taken out of the pass (a warning, the summary, `skipped-tags`), unless
 * `force-tags`.
 *
 * Cancelled (engine/cancel.ts): before the tag pass, the run stops at once and moves no tag; a cancel
 * during the tag pass lets it finish, skips the read-back, and fails the step once outputs and summary
 * are written.
 */

































/**
 * A context or Dockerfile that is not there is bad input like any other: said before any login or build,
 * naming the `images` line (remote contexts, such as git URLs, are BuildKit's to fetch).
 */
function checkBuildFiles(builds, workspace) {
    const errors = [];
    const remote = (p) => /^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(p);
    for (const b of builds) {
        if (remote(b.context))
            continue;
        const context = (0,external_node_path_.resolve)(workspace, b.context);
        if (!(0,external_node_fs_.existsSync)(context))
            errors.push(new inputs_errors/* InputError */.d('images', `the build context ${b.context} does not exist (in ${workspace})`, b.line));
        else if (!(0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(workspace, b.file)))
            errors.push(new inputs_errors/* InputError */.d('images', `the Dockerfile ${b.file} does not exist (in ${workspace})`, b.line));
    }
    if (errors.length)
        throw new inputs_errors/* InputErrors */.G(errors);
}
function checkPlan(plan, load) {
    if (plan.builds.some(b => b.images.length === 0)) {
        throw new Error('Nothing to publish to: the images input is empty, so the tags are bare. Name at least one image (or use dry-run: true for the outputs alone).');
    }
    if ((plan.push || load) && plan.builds.some(b => b.tagNames.length === 0)) {
        throw new Error(`No tag was generated for this ${plan.eventName || 'event'} on ${plan.ref || 'no ref'} (check the tags input): nothing would be ${load ? 'loaded' : 'published'}.`);
    }
}
async function publish(p, env, options = {}, engine, cancel = engine_cancel/* cancellation */.WN) {
    const load = options.load ?? false;
    const userConfig = (options.dockerConfig ?? 'job') === 'user';
    const { inputs } = p;
    const e = inputs.engine;
    checkPlan(p.plan, load);
    const plan = load ? (0,pipeline_plan/* withoutPush */.Fz)(p.plan, 'loaded into the local image store') : p.plan;
    const workspace = (0,bake/* workspaceDir */.zf)();
    checkBuildFiles(plan.builds, workspace ?? process.cwd());
    for (const v of (0,inputs_secrets/* secretValues */.VX)(e.secrets))
        runner/* setSecret */.Pq(v);
    for (const v of cacheSecretValues([...e.cacheFrom, ...e.cacheTo]))
        runner/* setSecret */.Pq(v);
    if (inputs.githubToken)
        runner/* setSecret */.Pq(inputs.githubToken);
    for (const c of p.credentials)
        runner/* setSecret */.Pq(c.password);
    for (const v of (0,sign/* signSecretValues */.C1)(inputs.sign))
        runner/* setSecret */.Pq(v);
    // With the user's config nothing is left for a post step: what this run sets up it undoes itself.
    const local = new Map();
    const record = userConfig ? (k, v) => void local.set(k, v) : state/* remember */.kY;
    const work = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), 'multiarch-publish-'));
    // the bake file, its metadata and the OCI layouts: removed by the post step (or at the end, below)
    record('workDir', work);
    let dockerEnv = {};
    if (!userConfig) {
        const dockerConfig = (0,login/* createDockerConfig */.lp)(env['RUNNER_TEMP']);
        record('dockerConfig', dockerConfig);
        // the registries setup logs in to, kept in the copy's own file (login.ts)
        const pushed = plan.push && !load ? [...new Set(plan.builds.flatMap(b => b.images))] : [];
        const loginRegistries = (0,login/* planLogins */.IB)(pushed, p.credentials, p.ctx.actor, inputs.githubToken, p.ctx.serverUrl).filter(l => l.source !== 'none').map(l => l.registry);
        dockerEnv = (0,login/* jobDockerEnvironment */.$X)(env, dockerConfig, loginRegistries);
        record('buildxConfig', dockerEnv['BUILDX_CONFIG']);
    }
    const buildx = engine ?? new engine_buildx/* Buildx */.F({ env: dockerEnv, cwd: workspace });
    try {
        return await run(p, plan, env, { buildx, load, userConfig, record, work, report: options.report ?? true, cancel, leg: options.leg, attest: options.attest });
    }
    catch (err) {
        throw cancel.explain(err);
    }
    finally {
        if (userConfig && (local.has('builder') || local.has('secretsDir') || local.has('workDir')))
            await (0,cleanup.cleanup)(k => local.get(k) ?? '', () => buildx);
    }
}
async function run(p, plan, env, c) {
    const { inputs, ctx } = p;
    const e = inputs.engine;
    const output = c.load ? 'load' : plan.push ? 'push' : 'none';
    c.cancel.check();
    // signing and attestations: a publish that pushes, not a build leg (the merge signs and attests what the legs
    // pushed); what they need is said before any QEMU, builder, login or build (steps/supply-chain.ts)
    const releases = output === 'push' && c.leg === undefined;
    const signs = releases && (0,supply_chain/* signingAsked */.Ev)(inputs);
    const attests = releases && inputs.githubAttestations === true;
    const signingLine = await (0,supply_chain/* supplyChainPreflight */.cQ)({ inputs, env, buildx: c.buildx, signs, attests });
    if (signingLine)
        runner/* info */.pq(signingLine);
    c.cancel.during('build');
    const stagingTag = `mp-staging-${env['GITHUB_RUN_ID'] || Date.now()}-${env['GITHUB_RUN_ATTEMPT'] || '1'}-${ctx.shortSha || 'local'}`.slice(0, 128);
    const ready = await setup({
        buildx: c.buildx,
        builds: plan.builds,
        engine: e,
        host: (0,platform/* hostPlatform */.ol)(),
        output,
        logins: (0,login/* planLogins */.IB)(output === 'push' ? [...new Set(plan.builds.flatMap(b => b.images))] : [], p.credentials, ctx.actor, inputs.githubToken, ctx.serverUrl),
        userConfig: c.userConfig,
        cacheExport: wantsLocalCache(e) && (0,gha_cache.available)(env),
        builderName: `multiarch-publish-${(process.env['GITHUB_RUN_ID'] || String(Date.now())).slice(-10)}-${process.pid}`,
        record: c.record
    });
    // cache mounts: restored into the builder the bake uses, before it (steps/cache-mounts.ts)
    const mountsInput = e.cacheMounts.mode === 'false' ? undefined : { buildx: c.buildx, plan, engine: e, builderArg: ready.builder.arg, workspace: (0,bake/* workspaceDir */.zf)() ?? process.cwd(), dir: cacheMountsDir(env, c.work), env, defaultBranch: ctx.defaultBranch, store: await ghaStore() };
    const mounts = mountsInput ? await restoreCacheMounts(mountsInput) : undefined;
    const built = await build({
        buildx: c.buildx,
        plan,
        engine: e,
        driver: ready.builder.info.driver,
        builderArg: ready.builder.arg,
        output,
        workDir: c.work,
        env,
        defaultBranch: ctx.defaultBranch,
        stagingTag,
        record: c.record
    });
    c.cancel.check();
    // what the run leaves in the registry besides the tags asked for, for the summary (report/leftovers.ts)
    const keep = e.stagingTags === 'keep';
    const pushNote = pushDescription(pushModeOf(ready.builder.info.driver, e.stagingTags), ready.builder.info.driver, stagingTag, keep);
    // attestation-storage: referrers: what the rewrite leaves (BuildKit's untagged index, the referrers tags)
    const storageNotes = [];
    const left = async (failed) => {
        if (output !== 'push')
            return '';
        const tagsLeft = keep ? await stagingTagsLeft(c.buildx, plan.builds, stagingTag) : [];
        if (failed && keep && tagsLeft.length)
            runner/* warning */.$e(`Left in the registry (staging-tags: keep): ${tagsLeft.map(t => t.ref).join(', ')}`);
        return (0,leftovers/* leftoversSummary */.N)({ push: pushNote, stagingTags: tagsLeft, kept: keep, failed, notes: storageNotes });
    };
    // a leg's summary: its platforms, digests and records (no tag moves, no release)
    const failedSummary = async (messages) => c.leg ? (0,src_report/* legSummary */.pM)(plan, c.leg.planDigest, engineReport(ready, built), [], messages, built.seconds, c.leg.notes) + (0,src_report/* cacheMountsSummary */.bf)(mounts) : (0,src_report/* publishSummary */.Iv)(plan, engineReport(ready, built), [], messages, built.seconds) + (0,src_report/* cacheMountsSummary */.bf)(mounts) + (await left(true));
    if (!built.ok) {
        if (c.report && inputs.summary)
            (0,src_report/* writeSummary */.Sy)(await failedSummary(built.messages), env);
        throw new Error(`Nothing was tagged: ${built.failed.join('; ')} failed (see the errors above). Every existing tag was left where it was.`);
    }
    if (output === 'push' && built.layouts.length) {
        // the docker driver: its OCI layouts, pushed by digest (steps/staging.ts)
        c.cancel.during('push');
        const staged = await staging({ buildx: c.buildx, layouts: built.layouts, stagingTags: e.stagingTags, stagingTag, retryTimeoutMs: PUSH_RETRY_MS, check: () => c.cancel.check() });
        c.cancel.check();
        if (!staged.ok) {
            if (c.report && inputs.summary)
                (0,src_report/* writeSummary */.Sy)(await failedSummary(staged.messages), env);
            throw new Error(`Nothing was tagged: pushing ${staged.failed.join('; ')} failed (see the errors above). Every existing tag was left where it was.`);
        }
    }
    // saved while the registry work goes on: it uses the builder, not the registry (never rejects)
    const savingMounts = mountsInput && mounts ? saveCacheMounts(mountsInput, mounts) : Promise.resolve(undefined);
    // digests (and descriptors) from bake's metadata file; the registry is read once per name (steps/verify.ts)
    let digests = plan.builds.map(b => ({ build: b, ...(0,verify/* metadataDigest */.Yb)(built.metadata[b.id]) }));
    let metadata = built.metadata;
    // attestation-storage: referrers: the index without its attestation entries, each one an OCI 1.1 referrer of its platform; all that follows sees only the new digest
    if (output === 'push' && !c.leg && e.attestationStorage === 'referrers') {
        c.cancel.during('push');
        try {
            const stored = await (0,attestation_storage/* storeAttestations */.Tl)({ buildx: c.buildx, builds: digests, dir: c.work });
            digests = stored.builds;
            metadata = (0,attestation_storage/* rewrittenMetadata */.S3)(built.metadata, stored.builds, stored.replaced);
            storageNotes.push(...(0,attestation_storage/* storageLeftovers */.K1)(stored));
        }
        catch (err) {
            const message = `Storing the attestations as OCI referrers failed (attestation-storage: referrers): ${runner/* redact */.E$(err instanceof Error ? err.message : String(err))}`;
            if (c.report && inputs.summary)
                (0,src_report/* writeSummary */.Sy)(await failedSummary([message]), env);
            throw new Error(`${message}. Nothing was tagged: every existing tag was left where it was (the content is in the registry by digest).`);
        }
        c.cancel.check();
    }
    let verified = digests.map(d => ({ build: d.build, digest: d.digest, images: [] }));
    let sized;
    let tagMoves = [];
    let skipped = [];
    let budget;
    let supply = {};
    if (output === 'push') {
        c.cancel.during('verification');
        ({ verified } = await (0,verify/* verify */.MX)({ buildx: c.buildx, builds: digests }));
        if (c.leg)
            return finishLeg(p, plan, env, c, verified, built, engineReport(ready, built), savingMounts, digests);
        // the platforms' sizes are read beside the guard and the tag pass, awaited for the outputs
        sized = (0,verify/* sizes */.LR)(c.buildx, verified);
        sized.catch(() => undefined);
        // size budgets (policy max-size, steps/budget.ts): when one applies, the sizes are awaited before any tag moves
        budget = await (0,steps_budget/* budgetGate */.DG)(c.buildx, (0,steps_budget/* budgetRules */.Le)(plan.policy.rules), verified, sized, plan.sha);
        if (budget?.violations.length) {
            if (c.report && inputs.summary)
                (0,src_report/* writeSummary */.Sy)((0,src_report/* publishSummary */.Iv)(plan, engineReport(ready, built), [], budget.violations.map(steps_budget/* violationMessage */.nW), built.seconds) + (0,src_report/* budgetSummary */.ay)(budget) + (0,src_report/* cacheMountsSummary */.bf)(await savingMounts) + (await left(true)), env);
            throw new Error((0,steps_budget/* budgetError */.qV)(budget));
        }
        // signatures of the index and every platform manifest, then the GitHub attestations of every index, before
        // any tag moves: a failure moves none
        supply = await (0,supply_chain/* signAndAttest */.Oc)({
            buildx: c.buildx,
            verified,
            p,
            env,
            cancel: c.cancel,
            signs,
            attests,
            attest: c.attest,
            dir: c.work,
            where: 'the content is in the registry by digest',
            failed: async (message, part) => {
                if (c.report && inputs.summary)
                    (0,src_report/* writeSummary */.Sy)((0,src_report/* publishSummary */.Iv)(plan, engineReport(ready, built), [], [message], built.seconds) + part + (0,src_report/* cacheMountsSummary */.bf)(await savingMounts) + (await left(true)), env);
            }
        });
        try {
            ({ tagMoves, skipped } = await (0,release/* release */._r)({ buildx: c.buildx, verified, sha: plan.sha, created: (0,release/* imageCreated */.uX)(plan), force: e.forceTags, retryTimeoutMs: e.tagRetryTimeout * 1000, extraMoves: (0,arch_tag_moves/* archTagMoves */.f)(verified, plan.sha), ownTags: [stagingTag], compare: (base, head) => (0,github_api/* compareCommits */.kC)(ctx, inputs.githubToken, base, head, runner/* warning */.$e), cancel: c.cancel, history: (0,engine_history/* channelHistory */.gH)(p, env, 'publish') }));
        }
        catch (err) {
            const cause = err instanceof release/* ReleaseError */.K2 ? err.cause : err;
            if (err instanceof release/* ReleaseError */.K2)
                skipped = err.skipped;
            if (cause instanceof tags/* TagPhaseError */.__ && c.report && inputs.summary)
                (0,src_report/* writeSummary */.Sy)((0,src_report/* publishSummary */.Iv)(plan, engineReport(ready, built), [], [], built.seconds, { outcomes: cause.outcomes, error: cause.message }) + (0,src_report/* skippedTagsSummary */.Ii)(skipped) + (0,src_report/* cacheMountsSummary */.bf)(await savingMounts) + (await left(true)), env);
            throw cause;
        }
        verified = await sized;
    }
    if (c.leg)
        return finishLeg(p, plan, env, c, verified, built, engineReport(ready, built), savingMounts, digests);
    const results = verified.map(v => ({ build: v.build, digest: v.digest, images: v.images, seconds: built.buildSeconds[v.build.id] ?? built.seconds }));
    const outputs = { ...publishOutputs(results, metadata), 'skipped-tags': (0,src_report/* skippedTagsOutput */.Jf)(skipped), ...(0,supply_chain/* supplyChainOutputs */.z_)(supply, verified) };
    if (c.report)
        (0,src_report/* writeOutputs */.Kn)(outputs, env);
    const mountsReport = await savingMounts;
    if (c.report && inputs.summary)
        (0,src_report/* writeSummary */.Sy)((0,src_report/* publishSummary */.Iv)(plan, engineReport(ready, built), results, [], built.seconds, tagMoves.length ? { outcomes: tagMoves } : undefined) + (0,supply_chain/* supplyChainSummary */.z5)(supply, verified, ctx.owner) + (0,src_report/* budgetSummary */.ay)(budget) + (0,src_report/* skippedTagsSummary */.Ii)(skipped) + (0,src_report/* cacheMountsSummary */.bf)(mountsReport) + (await left(false)), env);
    c.cancel.check();
    return { results, outputs };
}
/**
 * The end of a build leg: its records written (pushed plans; engine/leg.ts), the `digests` output and
 * the leg's summary. Nothing else is written to the registry: no tag, no staging tag, no index.
 */
async function finishLeg(p, plan, env, c, verified, built, report, savingMounts, digests) {
    const leg = c.leg;
    let legDigests = [];
    if (plan.push) {
        const { writeLegRecords } = await __webpack_require__.e(/* import() */ 710).then(__webpack_require__.bind(__webpack_require__, 99710));
        c.cancel.during('push');
        try {
            legDigests = await runner/* group */.Os('Leg records', () => writeLegRecords({ buildx: c.buildx, verified, descriptors: Object.fromEntries(digests.map(d => [d.build.id, d.descriptor])), leg, workDir: c.work, retryTimeoutMs: p.inputs.engine.tagRetryTimeout * 1000 }));
        }
        catch (err) {
            const message = `Writing the leg records failed: ${runner/* redact */.E$(err.message)}`;
            if (c.report && p.inputs.summary)
                (0,src_report/* writeSummary */.Sy)((0,src_report/* legSummary */.pM)(plan, leg.planDigest, report, [], [message], built.seconds, leg.notes) + (0,src_report/* cacheMountsSummary */.bf)(await savingMounts), env);
            throw new Error(`${message}. The content is in the registry by digest, but the merge will not find this leg: run the leg again. No release tag was touched.`);
        }
    }
    const results = verified.map(v => ({ build: v.build, digest: v.digest, images: v.images, seconds: built.buildSeconds[v.build.id] ?? built.seconds }));
    const outputs = (0,src_report/* legOutputs */.FJ)(legDigests, built.metadata);
    if (c.report)
        (0,src_report/* writeOutputs */.Kn)(outputs, env);
    const mountsReport = await savingMounts;
    if (c.report && p.inputs.summary)
        (0,src_report/* writeSummary */.Sy)((0,src_report/* legSummary */.pM)(plan, leg.planDigest, report, legDigests, [], built.seconds, leg.notes) + (0,src_report/* cacheMountsSummary */.bf)(mountsReport), env);
    c.cancel.check();
    return { results, outputs, legDigests };
}
/** How long one registry call of the docker driver's push is retried on transient failures. */
const PUSH_RETRY_MS = 60_000;
/** The summary's words for how the content went to the registry (bake.ts PushMode). */
function pushDescription(mode, driver, stagingTag, keep) {
    const also = keep ? `, and the staging tag ${stagingTag} on every image (staging-tags: keep)` : ': no staging tag';
    if (mode === 'digest')
        return `by digest (BuildKit's push-by-digest, ${driver} driver)${also}`;
    if (mode === 'layout')
        return `by digest, from the OCI layout the docker driver exported (it cannot push by digest itself)${also}`;
    return `under the staging tag ${stagingTag} on every image (staging-tags: keep, ${driver} driver)`;
}
/** The summary's account of the setup and the bake, made from what those steps returned. */
function engineReport(ready, built) {
    return { qemu: ready.qemu.reason, builder: ready.builder.note, cache: built.cacheNote, login: ready.loginNote, bakeFile: built.bakeFile, definition: built.definition };
}
function publishOutputs(results, metadata) {
    const first = results[0];
    const firstMeta = first ? metadata[first.build.id] ?? {} : {};
    return {
        digest: first?.digest ?? '',
        imageid: String(firstMeta['containerimage.config.digest'] ?? first?.digest ?? ''),
        metadata: JSON.stringify(metadata),
        images: (0,src_report/* imagesOutput */.K1)(results)
    };
}


/***/ })

};
