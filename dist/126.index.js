export const id = 126;
export const ids = [126];
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
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1949);
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
        const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(955), __webpack_require__.e(477), __webpack_require__.e(592)]).then(__webpack_require__.bind(__webpack_require__, 6592));
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
        const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(955), __webpack_require__.e(477), __webpack_require__.e(592)]).then(__webpack_require__.bind(__webpack_require__, 6592));
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

/***/ 1126:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publish: () => (/* binding */ publish)
});

// UNUSED EXPORTS: checkBuildFiles

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/action/runner.ts + 1 modules
var runner = __webpack_require__(1949);
// EXTERNAL MODULE: ./src/pipeline/inputs/errors.ts
var inputs_errors = __webpack_require__(2107);
// EXTERNAL MODULE: ./src/pipeline/inputs/secrets.ts
var inputs_secrets = __webpack_require__(8363);
// EXTERNAL MODULE: ./src/pipeline/plan.ts
var pipeline_plan = __webpack_require__(5455);
// EXTERNAL MODULE: ./src/lib/platform.ts
var platform = __webpack_require__(6728);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
// EXTERNAL MODULE: ./src/engine/buildx.ts
var engine_buildx = __webpack_require__(8152);
// EXTERNAL MODULE: ./src/engine/login.ts
var login = __webpack_require__(9544);
// EXTERNAL MODULE: ./src/pipeline/metadata/labels.ts
var labels = __webpack_require__(8911);
;// CONCATENATED MODULE: ./src/engine/bake.ts
/**
 * One `docker buildx bake` for every build of the plan: a generated JSON definition (one target per
 * build), kept as a file and shown in the summary. BuildKit solves all targets in one graph, so stages
 * that several images share are built once.
 */


/** One CSV field of an exporter attribute, quoted when it holds a comma or a quote. */
function csvField(s) {
    return /[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
/** `--provenance`/`--sbom` values as build-push-action takes them, as bake attestations. */
function attestation(type, value) {
    if (!value)
        return undefined;
    if (value === 'false')
        return `type=${type},disabled=true`;
    if (value === 'true')
        return `type=${type}`;
    return value.startsWith('type=') ? value : `type=${type},${value}`;
}
/**
 * Index- and manifest-level annotations: the plan's (outputs') annotations, and each manifest-level one
 * also at index level unless the user set that key there, so registries (GHCR) show the index's description.
 */
function buildAnnotations(annotations) {
    const out = [...annotations];
    const has = new Set(annotations.map(a => a.slice(0, a.indexOf('='))));
    for (const a of annotations) {
        if (!a.startsWith('manifest:'))
            continue;
        const key = 'index:' + a.slice('manifest:'.length, a.indexOf('='));
        if (!has.has(key)) {
            out.push('index:' + a.slice('manifest:'.length));
            has.add(key);
        }
    }
    return out;
}
function outputFor(build, s) {
    // type=docker loads through the daemon: into containerd's store (several platforms), or as a tarball
    if (s.load)
        return ['type=docker', csvField(`name=${(build.tags.length ? build.tags : build.images).join(',')}`)].join(',');
    if (!s.push)
        return 'type=cacheonly';
    if (s.pushMode === 'layout')
        return ['type=oci', 'tar=false', csvField(`dest=${layoutPath(s.layoutDir ?? '', build)}`), 'oci-mediatypes=true'].join(',');
    const byDigest = s.pushMode === 'digest';
    const names = byDigest ? build.images : build.images.map(i => `${i}:${s.stagingTag}`);
    const attrs = ['type=image', csvField(`name=${names.join(',')}`), 'push=true', 'oci-mediatypes=true'];
    if (byDigest)
        attrs.push('push-by-digest=true', 'name-canonical=true');
    return attrs.join(',');
}
/** The OCI layout directory of one build (its id is made of `[a-z0-9_-]`: plan.ts). */
function layoutPath(layoutDir, build) {
    return external_node_path_.posix.join(layoutDir, build.id);
}
/** Pure: the bake definition of a plan. */
function bakeDefinition(plan, s) {
    const target = {};
    for (const b of plan.builds) {
        // buildx adds its default provenance (mode=min) to a pushed image, not to an OCI export: the layout
        // gets it asked for, so the docker driver's content is what its push made (a one-platform build too
        // is then an index, which its index annotations need)
        const provenance = s.provenance || (s.push && s.pushMode === 'layout' ? 'mode=min' : '');
        const attest = [attestation('provenance', provenance), attestation('sbom', s.sbom)].filter((a) => !!a);
        target[b.id] = {
            context: b.context,
            dockerfile: external_node_path_.posix.relative(external_node_path_.posix.normalize(b.context), external_node_path_.posix.normalize(b.file)) || 'Dockerfile',
            platforms: b.platforms,
            ...(b.target ? { target: b.target } : {}),
            labels: (0,labels/* keyValueObject */.jm)(b.labels),
            ...(s.push ? { annotations: buildAnnotations(b.annotations) } : {}),
            args: b.buildArgs,
            output: [outputFor(b, s)],
            ...(s.cacheFrom[b.id]?.length ? { 'cache-from': s.cacheFrom[b.id] } : {}),
            ...(s.cacheTo[b.id]?.length ? { 'cache-to': s.cacheTo[b.id] } : {}),
            ...(s.secrets.length ? { secret: s.secrets } : {}),
            ...(attest.length ? { attest } : {}),
            ...(s.noCache ? { 'no-cache': true } : {}),
            ...(s.pull ? { pull: true } : {})
        };
    }
    return { group: { default: { targets: plan.builds.map(b => b.id) } }, target };
}
/**
 * Bake evaluates HCL templates in every string of a JSON definition, keys included: `${...}` and
 * `%{...}` are interpolated (a label `${GITHUB_SHA}` fails with `variable cycle`). Its escapes are `$${`
 * and `%%{`; a `$` or `%` not followed by `{` (`$$`, a trailing `$`, `100%`) is taken as is. So
 * doubling the `$`/`%` before every `{` makes any value reach BuildKit byte for byte.
 */
function escapeBakeValue(s) {
    return s.replace(/([$%])\{/g, '$1$1{');
}
function escapeDeep(v) {
    if (typeof v === 'string')
        return escapeBakeValue(v);
    if (Array.isArray(v))
        return v.map(escapeDeep);
    if (v && typeof v === 'object')
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [escapeBakeValue(k), escapeDeep(x)]));
    return v;
}
/** The one way the action writes a bake definition: every key and string value escaped (see escapeBakeValue). */
function serializeBake(def) {
    return JSON.stringify(escapeDeep(def), null, 2);
}
const PUSH_STEP = /exporting to image|pushing |exporting manifest|exporting config|writing image/i;
// only what is said of an upload: a base image that cannot be pulled also says `denied` or `unexpected status`
const PUSH_ERROR = /failed to push|pushing .* with docker/i;
/**
 * Finds the failed steps in a plain-progress log: `#N [target platform step] ...` names a vertex, `#N ERROR:`
 * marks its failure. Returns each failure with the last lines of that vertex's log, one per target (a
 * target failing on several platforms fails once), build failures before push failures.
 */
function parseFailures(lines, targets, images = {}, tail = 20) {
    // a push error names the image it was pushing: that, not the vertex it surfaced in, says whose it is
    const pushedTarget = (error) => {
        const ref = /failed to push ([^\s:]+(?::\d+)?[^\s:@]*)/.exec(error)?.[1];
        return ref ? targets.find(t => (images[t] ?? []).includes(ref)) : undefined;
    };
    const names = new Map();
    const logs = new Map();
    const byTarget = new Map();
    for (const line of lines) {
        const m = /^#(\d+) (.*)$/.exec(line);
        if (!m)
            continue;
        const [, id, rest] = m;
        if (rest.startsWith('[') && !names.has(id))
            names.set(id, rest);
        const log = logs.get(id) ?? [];
        log.push(line);
        logs.set(id, log);
        if (!rest.startsWith('ERROR: '))
            continue;
        const name = names.get(id) ?? '';
        const v = /^\[([^\s\]]+)(?: ((?:linux|windows|darwin|freebsd)\/[^\s\]]+))?/.exec(name);
        const error = rest.slice('ERROR: '.length);
        const kind = PUSH_STEP.test(name) || PUSH_ERROR.test(error) ? 'push' : 'build';
        const target = (kind === 'push' && pushedTarget(error)) || (v && targets.includes(v[1]) ? v[1] : targets.length === 1 ? targets[0] : '');
        const seen = byTarget.get(target);
        if (!seen) {
            byTarget.set(target, { target, platform: v?.[2], kind, step: name, error, log: log.slice(-tail) });
        }
        else {
            // the same target failing again (another platform): keep one failure, a build one first
            if (seen.platform !== v?.[2])
                seen.platform = undefined;
            if (seen.kind === 'push' && kind === 'build')
                Object.assign(seen, { kind, step: name, error, log: log.slice(-tail) });
        }
    }
    return [...byTarget.values()];
}
/** Where bake runs: contexts and Dockerfiles are relative to the workspace, as in build-push-action. */
function workspaceDir() {
    return process.env['GITHUB_WORKSPACE'] || undefined;
}

// EXTERNAL MODULE: ./src/pipeline/metadata/version.ts
var version = __webpack_require__(4586);
// EXTERNAL MODULE: ./src/pipeline/inputs/csv.ts
var csv = __webpack_require__(4754);
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
    for (const b of plan.builds) {
        if (mode === 'gha') {
            from[b.id] = [`type=gha,scope=${b.id}-${branch}`, ...(fallback && fallback !== branch ? [`type=gha,scope=${b.id}-${fallback}`] : [])];
            to[b.id] = [`type=gha,scope=${b.id}-${branch},mode=max`];
        }
        else if (b.images.length) {
            from[b.id] = [`type=registry,ref=${b.images[0]}:buildcache`];
            to[b.id] = plan.push ? [`type=registry,ref=${b.images[0]}:buildcache,mode=max`] : [];
        }
    }
    return { from, to, note: mode === 'gha' ? `GitHub cache (type=gha), scoped per image and ${branch}${fallback && fallback !== branch ? `, falling back to ${fallback}` : ''}` : 'registry cache (<image>:buildcache)' };
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
var gha_cache = __webpack_require__(7351);
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
var cleanup = __webpack_require__(234);
// EXTERNAL MODULE: ./src/engine/cancel.ts
var engine_cancel = __webpack_require__(1986);
// EXTERNAL MODULE: ./src/engine/builder.ts
var builder = __webpack_require__(5985);
// EXTERNAL MODULE: ./src/engine/qemu.ts
var engine_qemu = __webpack_require__(1868);
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
async function namedBuilder(i, platforms) {
    const { buildx, engine: e } = i;
    const name = e.builder;
    const load = i.output === 'load';
    const push = i.output === 'push' && platforms.length > 1;
    const [b, store] = await Promise.all([buildx.inspectBuilder(name), load || push ? buildx.containerdImageStore() : Promise.resolve(false)]);
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
async function chooseBuilder(i, platforms) {
    const { buildx, engine: e } = i;
    const load = i.output === 'load';
    // both at once: the store only matters for the docker driver, but asking costs less than waiting
    const [current, store] = await Promise.all([buildx.inspectBuilder(), buildx.containerdImageStore()]);
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
async function setup(i) {
    const buildxVersion = await runner/* group */.Os('buildx', () => checkBuildx(i.buildx));
    runner/* info */.pq(`docker buildx ${buildxVersion}`);
    const platforms = [...new Set(i.builds.flatMap(b => b.platforms))];
    // a named builder is read first: QEMU only for what none of its nodes builds
    const named = i.engine.builder ? await namedBuilder(i, platforms) : undefined;
    const registered = await i.buildx.registeredEmulators();
    const { plan: qemu, platforms: emulated } = named ? qemuForNamed(i, named, registered) : { plan: (0,engine_qemu/* planQemu */.AU)(platforms, i.host, registered, i.engine.setupQemu), platforms };
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
    const builder = named ?? (await chooseBuilder(i, platforms));
    runner/* info */.pq(`Builder: ${builder.note}`);
    const logins = await logIn(i);
    return { buildxVersion, qemu, builder, ...logins };
}

// EXTERNAL MODULE: ./src/engine/exec.ts
var exec = __webpack_require__(1293);
;// CONCATENATED MODULE: ./src/engine/registry.ts
/** Platforms of an index, attestation manifests aside. */
function indexPlatforms(index) {
    return (index.manifests ?? []).filter(m => m.platform && m.platform.os !== 'unknown' && m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest');
}
function platformString(p) {
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}
/** Compressed size of an image manifest: config + layers, bytes. */
function manifestSize(m) {
    return (m.config?.size ?? 0) + (m.layers ?? []).reduce((a, l) => a + (typeof l.size === 'number' ? l.size : 0), 0);
}
/**
 * What the registry holds at `name@digest`, from ONE read of that manifest: an index lists its
 * platforms and their manifests' digests (sizes are 0 here: `withSizes` reads them); a single image
 * manifest has its layers (so its size) but names no platform: it is the build's one `platform`.
 */
async function readImage(buildx, name, digest, platform = '') {
    const manifest = (await buildx.readManifest(name, digest));
    const mediaType = manifest.mediaType ?? '';
    if (!Array.isArray(manifest.manifests))
        return { name, digest, mediaType, platforms: [{ platform, digest, size: manifestSize(manifest) }] };
    return { name, digest, mediaType, platforms: indexPlatforms(manifest).map(m => ({ platform: platformString(m.platform), digest: m.digest, size: 0 })) };
}
/**
 * The compressed size of every platform of an index: each platform's manifest read (in parallel). A
 * size that cannot be read stays 0 (shown as unknown), with a warning: the images are published.
 */
async function withSizes(buildx, image, warn) {
    if (image.platforms.every(p => p.size > 0))
        return image;
    const platforms = await Promise.all(image.platforms.map(async (p) => {
        if (p.size > 0)
            return p;
        try {
            return { ...p, size: manifestSize((await buildx.readManifest(image.name, p.digest))) };
        }
        catch (e) {
            warn(`The size of ${image.name}@${p.digest} (${p.platform}) could not be read: ${e.message}`);
            return p;
        }
    }));
    return { ...image, platforms };
}
/** The registry's own words from a docker/buildx error, with a hint for GHCR's missing permission. */
function registryMessage(output) {
    const line = output.trim().split('\n').filter(l => /error|denied|unauthorized|forbidden|refused|failed/i.test(l)).pop() ?? output.trim().split('\n').pop() ?? '';
    const hint = /ghcr\.io/.test(output) && /denied|forbidden|\b403 Forbidden|status[: ]+403\b|permission_denied|write_package/i.test(output)
        ? ' — the workflow needs `permissions: packages: write` (and the package must grant this repository write access)'
        : '';
    return line.replace(/^ERROR:\s*/, '') + hint;
}

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
    (0,external_node_fs_.writeFileSync)(bakeFile, serializeBake(bakeDefinition(plan, settings)) + '\n');
    // what the summary shows: the same, credentials of cache lines as ***
    const redact = (c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.map(redactCacheLine)]));
    const definition = serializeBake(bakeDefinition(plan, { ...settings, cacheFrom: redact(cache.from), cacheTo: redact(cache.to) }));
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
        return bake(i);
    try {
        const local = await runner/* group */.Os('Restore the local cache', () => restoreLocalCaches(i.plan, i.defaultBranch, i.env));
        if (!local)
            return await bake(i);
        const result = await bake(i, localCacheDirs(local));
        const caches = result.ok ? await runner/* group */.Os('Save the local cache', () => saveLocalCaches(local)) : local;
        return { ...result, cacheNote: localCacheNote(caches) };
    }
    finally {
        removeLocalCaches(i.env);
    }
}
async function bake(i, local) {
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
        const failures = parseFailures(lines, targets, imagesOf);
        if (failures.some(f => f.kind === 'build') || !(0,exec/* isTransient */.dg)(output))
            break;
        const delay = baseDelayMs * 2 ** (attempt - 2);
        runner/* warning */.$e(`The push failed with a transient registry error (${registryMessage(output)}); retrying in ${delay / 1000} s (attempt ${attempt} of ${attempts})`);
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
        const layouts = settings.push && settings.pushMode === 'layout' ? plan.builds.map(b => ({ build: b, dir: layoutPath(settings.layoutDir, b) })) : [];
        return { ...files, ok: true, metadata: result.metadata, buildSeconds, pushMode: settings.pushMode, layouts };
    }
    const failures = parseFailures(lines, targets, imagesOf);
    if (!failures.length) {
        // no step of the graph failed (bake refused the definition, an unknown target stage): a failed build all
        // the same, reported in the summary like any other
        const message = `The build or push failed: ${registryMessage(lines.join('\n'))}`;
        runner/* error */.z3(message, { title: 'Build failed' });
        return { ...files, ok: false, messages: [message], failed: ['the bake'] };
    }
    const messages = [];
    for (const f of failures) {
        const b = plan.builds.find(x => x.id === f.target);
        const name = b ? b.images.join(', ') : f.target || 'one of the images';
        let message;
        if (f.kind === 'push') {
            message = `Pushing ${name} failed: ${registryMessage(f.error)}`;
        }
        else {
            // a step of every platform (`[x internal] load build definition`) needs no per-platform diagnosis
            const shared = /^\[\S+ internal\]/.test(f.step);
            const where = f.platform ? [f.platform] : b && b.platforms.length > 1 && !shared ? await diagnosePlatform(i, b, bakeFile) : (b?.platforms ?? []);
            message = `Build of ${name} failed on ${where.join(', ') || 'its platform'}: ${f.error}`;
        }
        messages.push(message);
        runner/* group */.Os(`BuildKit log of the failed step (${f.target || 'unknown target'})`, () => runner/* untrusted */.bp(f.log.join('\n')));
        runner/* error */.z3(message, { title: `${f.kind === 'push' ? 'Push' : 'Build'} failed: ${f.target || name}` });
    }
    const failed = failures.map(f => plan.builds.find(b => b.id === f.target)?.images.join(', ') || f.target || 'an image');
    return { ...files, ok: false, messages, failed };
}

;// CONCATENATED MODULE: ./src/engine/steps/verify.ts
/**
 * Verify: every build's index is in the registry under each of its names, with every planned platform,
 * before any tag moves. The digest is bake's (`containerimage.digest` of its metadata file); the registry
 * is read ONCE per name: the index by that digest (its bytes hash to it), which lists the platforms and
 * their manifests' digests.
 *
 * Sizes (config + layers of each platform's manifest) are not in the index nor in bake's metadata
 * (buildx 0.13 writes the index's descriptor only), so `sizes` reads the platforms' manifests, in
 * parallel, once per build (every name holds the same manifests: same digests): publish starts it right
 * after verify and awaits it only for the outputs and the summary, so it runs beside the guard and the
 * tag pass.
 */


/** The digest and descriptor of a build in bake's metadata (`--metadata-file`), as the action reads them. */
function metadataDigest(entry) {
    const digest = typeof entry?.['containerimage.digest'] === 'string' ? entry['containerimage.digest'] : '';
    const d = entry?.['containerimage.descriptor'];
    return { digest, ...(d && typeof d === 'object' ? { descriptor: d } : {}) };
}
async function verify(i) {
    const verified = await Promise.all(i.builds.map(async ({ build, digest, descriptor }) => {
        if (!digest)
            throw new Error(`buildx reported no digest for ${build.images.join(', ')}; no tag was moved.`);
        if (descriptor?.digest && descriptor.digest !== digest)
            throw new Error(`buildx reported two digests for ${build.images.join(', ')} (${digest}, and ${descriptor.digest} in its descriptor); no tag was moved.`);
        // a single image manifest names no platform: it is the build's one platform
        const single = build.platforms.length === 1 ? build.platforms[0] : '';
        const images = await Promise.all(build.images.map(name => readImage(i.buildx, name, digest, single)));
        for (const staged of images) {
            const missing = build.platforms.filter(pl => !staged.platforms.some(x => x.platform === pl));
            if (missing.length)
                throw new Error(`${staged.name}@${digest} lacks ${missing.join(', ')} in the registry; no tag was moved.`);
        }
        return { build, digest, images };
    }));
    return { verified };
}
/**
 * The verified builds with each platform's compressed size: the platforms' manifests read under the
 * build's first name, in parallel; a size that cannot be read stays 0 (a warning, not a failure).
 */
async function sizes(buildx, verified, warn = runner/* warning */.$e) {
    return Promise.all(verified.map(async (v) => {
        const [first, ...rest] = v.images;
        if (!first)
            return v;
        const sized = await withSizes(buildx, first, warn);
        const size = new Map(sized.platforms.map(p => [p.digest, p.size]));
        return { ...v, images: [sized, ...rest.map(img => ({ ...img, platforms: img.platforms.map(p => ({ ...p, size: size.get(p.digest) ?? p.size })) }))] };
    }));
}

// EXTERNAL MODULE: ./src/engine/registry-api.ts
var registry_api = __webpack_require__(3722);
// EXTERNAL MODULE: ./src/pipeline/tag-kinds.ts
var tag_kinds = __webpack_require__(8696);
;// CONCATENATED MODULE: ./src/engine/steps/tags.ts
/**
 * The tag phase: each name's tags now point at its verified index (the same digest). Only ever called
 * with what verify returned, so no tag moves before every platform is there.
 *
 * The input is a list of tag moves (name, tag, digest, kind), so that a filter (e.g. skipping mutable
 * tags that would move to older content) can run between `plannedMoves` and `tags`.
 *
 * 1. Every tag's current digest is read (absent: a new tag), a HEAD each through the registry API
 *    (`currentDigests`; publish reads them before the guard and passes them in). A tag already at its
 *    digest is not written (a re-run of the same job completes the release and rewrites nothing).
 * 2. Immutable tags (commit SHA, full version) move first, mutable channels (`latest`, a branch, `1.2`,
 *    `env-*`) last: an interrupted phase leaves the channels where they were. Within a kind, ONE
 *    `buildx.writeTags` per name moves all its tags, names in parallel: a PUT of the index's bytes under
 *    each tag through the registry API in this process (no docker process), `imagetools create --tag …
 *    name@digest` where the API cannot be used. Either writes a call's tags concurrently, hence the
 *    separate calls per kind.
 * 3. A create is retried with exponential backoff and full jitter while the failure is transient (5xx,
 *    timeouts, connection reset/refused) and `retryTimeoutMs` is not spent; an auth or other 4xx answer
 *    fails at once. After a failed create its tags are read back: those now at the digest moved (buildx
 *    pushed them before another failed), and only the others are tried again, or reported as failed.
 * 4. When a create still fails, no further one starts, and what this run moved is undone within a
 *    window of the same length: tags that existed are put back to their previous digest (one create per
 *    name and previous index, read back the same way); a new one is removed where the registry allows
 *    it, by deleting its index by digest, and only when no tag other than this run's new ones (and its
 *    staging tags) points at that index, since a delete by digest removes the manifest for every tag.
 * 5. What could not be undone is listed tag by tag, old and new digest, in the TagPhaseError (and the
 *    summary's "Tag moves" section).
 *
 * A cancel (`signal`) starts no new wait: the remaining writes are tried once each (the release then
 * completes), and if one fails the restore is tried once each, so the phase ends within seconds.
 */





/** The tag phase failed: what moved and what could not be undone, tag by tag. */
class TagPhaseError extends Error {
    outcomes;
    constructor(message, outcomes) {
        super(message);
        this.outcomes = outcomes;
        this.name = 'TagPhaseError';
    }
    /** Tags left somewhere other than where they were before the run. */
    get unrestored() {
        return this.outcomes.filter(o => o.state === 'not-restored');
    }
}
/** The moves of the verified builds: every name's every tag, to its build's index. */
function plannedMoves(verified, sha) {
    return verified.flatMap(v => v.build.images.flatMap(name => v.build.tagNames.map(tag => ({ name, tag, digest: v.digest, kind: (0,tag_kinds/* tagKind */.pk)(tag, sha) }))));
}
const realClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise(resolve => {
        if (signal?.aborted)
            return resolve();
        const t = setTimeout(done, ms);
        function done() {
            clearTimeout(t);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    }),
    random: () => Math.random()
};
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8000;
/** A failure worth another try: the network or the registry's temporary state, never auth or a 4xx. */
function transientFailure(e) {
    if (e instanceof exec/* CommandError */.Qd)
        return (0,exec/* isTransient */.dg)(e.result.stderr + e.result.stdout);
    if (e instanceof registry_api/* RegistryHttpFailure */.uG)
        return e.transient;
    const m = e instanceof Error ? `${e.message} ${e.cause?.message ?? ''}` : String(e);
    return (0,exec/* isTransient */.dg)(m) || /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|socket hang up|fetch failed|other side closed/i.test(m);
}
function reason(e) {
    if (e instanceof exec/* CommandError */.Qd)
        return registryMessage(e.result.stderr || e.result.stdout) || e.message;
    return runner/* redact */.E$(e instanceof Error ? e.message : String(e));
}
/**
 * Calls `fn` until it succeeds, fails for good, or the window ends: exponential backoff with full
 * jitter (a random wait up to 0.5 s, 1 s, 2 s, ... 8 s), never past `deadline`. After a cancel: once.
 */
async function withRetry(what, fn, deadline, clock, signal) {
    for (let attempt = 1;; attempt++) {
        try {
            return await fn();
        }
        catch (e) {
            const left = deadline - clock.now();
            if (!transientFailure(e) || signal?.aborted || left <= 0)
                throw e;
            const wait = Math.min(left, Math.ceil(clock.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1))));
            runner/* info */.pq(`${what}: ${reason(e)} (transient; attempt ${attempt + 1} in ${(wait / 1000).toFixed(1)} s, ${Math.ceil(left / 1000)} s left)`);
            await clock.sleep(wait, signal);
        }
    }
}
/** At most this many registry calls (docker processes) at once: a run may have hundreds of tags. */
const PARALLEL = 8;
/** `fn` over `items`, at most `limit` at a time; settles when every call has. */
async function eachLimited(items, limit, fn) {
    let next = 0;
    let failed;
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
            const item = items[next++];
            try {
                await fn(item);
            }
            catch (error) {
                failed ??= { error };
            }
        }
    }));
    if (failed)
        throw failed.error;
}
const ref = (m) => `${m.name}:${m.tag}`;
const tags_short = (d) => (d ? d.replace(/^(sha256:.{12}).*$/, '$1…') : 'none');
async function tags(i) {
    const clock = i.clock ?? realClock;
    return runner/* group */.Os('Tags', async () => {
        const outcomes = await movePhase(i, clock);
        // per name and index, in the plan's order: every tag of it is there now
        const byBuild = new Map();
        for (const m of i.moves) {
            const key = `${m.name}@${m.digest}`;
            const entry = byBuild.get(key) ?? { name: m.name, tags: [], digest: m.digest };
            entry.tags.push(m.tag);
            byBuild.set(key, entry);
        }
        for (const b of byBuild.values())
            runner/* info */.pq(`${b.name}: ${b.tags.join(', ')} -> ${b.digest}`);
        return { moved: [...byBuild.values()], outcomes };
    });
}
/**
 * Where every tag of `moves` points now (absent: a new tag), read in parallel (a HEAD each through the
 * registry API: no process per tag), each read retried for `retryTimeoutMs`. Publish reads them once,
 * before the guard, and hands them to the guard and to `tags`. Throws a TagPhaseError (nothing moved).
 */
async function currentDigests(i) {
    const clock = i.clock ?? realClock;
    const deadline = clock.now() + i.retryTimeoutMs;
    const refs = [...new Set(i.moves.map(ref))];
    const current = new Map();
    try {
        await eachLimited(refs, PARALLEL, async (r) => void current.set(r, await withRetry(`reading ${r}`, () => i.buildx.tagDigest(r), deadline, clock, i.signal)));
    }
    catch (e) {
        throw new TagPhaseError(`No tag was moved: reading where the tags point failed: ${reason(e)}`, i.moves.map(m => ({ ...m, state: 'not-moved' })));
    }
    return current;
}
function groupsOf(outcomes, digestOf) {
    const groups = new Map();
    for (const o of outcomes) {
        const digest = digestOf(o);
        const key = `${o.name}@${digest}`;
        const g = groups.get(key) ?? { name: o.name, digest, outcomes: [] };
        g.outcomes.push(o);
        groups.set(key, g);
    }
    return [...groups.values()];
}
/**
 * Points every tag of `group` at `name@digest` with ONE `imagetools create`, retried while the failure is
 * transient and the window lasts. buildx pushes a create's tags concurrently, so a create that failed
 * may have moved some: each tag is then read back (a HEAD each), those at the digest are done, and only
 * the others go into the next attempt. Resolves with the tags that did not get there, and the error.
 */
async function pointGroup(i, group, what, deadline, clock) {
    const { buildx, signal } = i;
    let left = group.outcomes;
    for (let attempt = 1;; attempt++) {
        try {
            await buildx.writeTags(left.map(ref), `${group.name}@${group.digest}`);
            return { left: [] };
        }
        catch (error) {
            // which went through: read back to know (a tag that cannot be read counts as not there)
            const now = await Promise.all(left.map(o => buildx.tagDigest(ref(o)).catch(() => undefined)));
            left = left.filter((_, k) => now[k] !== group.digest);
            if (!left.length)
                return { left };
            const remaining = deadline - clock.now();
            if (!transientFailure(error) || signal?.aborted || remaining <= 0)
                return { left, error };
            const wait = Math.min(remaining, Math.ceil(clock.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1))));
            runner/* info */.pq(`${what} ${left.map(ref).join(', ')}: ${reason(error)} (transient; attempt ${attempt + 1} in ${(wait / 1000).toFixed(1)} s, ${Math.ceil(remaining / 1000)} s left)`);
            await clock.sleep(wait, signal);
        }
    }
}
/** `fn` over the groups, at most PARALLEL `docker` processes at once. */
const eachGroup = (groups, fn) => eachLimited(groups, PARALLEL, fn);
async function movePhase(i, clock) {
    // immutable first, each kind in the plan's order
    const moves = [...i.moves.filter(m => m.kind === 'immutable'), ...i.moves.filter(m => m.kind === 'mutable')];
    const outcomes = moves.map(m => ({ ...m, state: 'not-moved' }));
    if (!moves.length)
        return outcomes;
    // 1. where every tag points now (publish has read it before the guard)
    const current = i.current && moves.every(m => i.current.has(ref(m))) ? i.current : await currentDigests({ ...i, moves, clock });
    for (const o of outcomes)
        o.previous = current.get(ref(o));
    // 2. the writes: every immutable tag, then every mutable one (a create pushes its tags concurrently, so
    //    the kinds go in separate creates); within a kind, one create per name and index, names in parallel
    let failure;
    for (const kind of ['immutable', 'mutable']) {
        const todo = [];
        for (const o of outcomes.filter(x => x.kind === kind)) {
            if (o.previous === o.digest) {
                o.state = 'unchanged';
                runner/* info */.pq(`${ref(o)}: already at ${tags_short(o.digest)} (not written)`);
            }
            else
                todo.push(o);
        }
        await eachGroup(groupsOf(todo, o => o.digest), async (g) => {
            // once one create failed for good, no other starts
            if (failure)
                return;
            const { left, error } = await pointGroup(i, g, 'moving', clock.now() + i.retryTimeoutMs, clock);
            for (const o of g.outcomes) {
                if (left.includes(o)) {
                    o.state = 'failed';
                    o.note = reason(error);
                    runner/* info */.pq(`${ref(o)}: not moved: ${o.note}`);
                }
                else {
                    o.state = 'moved';
                    runner/* info */.pq(`${ref(o)}: ${tags_short(o.previous)} -> ${tags_short(o.digest)}`);
                }
            }
            if (left.length)
                failure ??= left[0];
        });
        if (failure)
            break;
    }
    if (!failure)
        return outcomes;
    // 3. undo what moved
    await restore(i, outcomes, clock);
    const left = outcomes.filter(o => o.state === 'not-restored');
    const first = `The registry refused to move ${ref(failure)}: ${failure.note}.`;
    const detail = left.length
        ? ` ${left.length} tag(s) moved by this run could not be put back (re-run the job to complete the release):\n${left.map(o => `  ${ref(o)}: was ${o.previous ?? 'absent (new tag)'}, now ${o.digest}${o.note ? ` (${o.note})` : ''}`).join('\n')}`
        : ` Every tag this run had moved was put back (or removed, if new): the tags are where they were before the run; re-run the job to publish.`;
    throw new TagPhaseError(first + detail, outcomes);
}
async function restore(i, outcomes, clock) {
    const { buildx, signal } = i;
    const deadline = clock.now() + i.retryTimeoutMs;
    const moved = outcomes.filter(o => o.state === 'moved');
    if (!moved.length)
        return;
    runner/* info */.pq(`Restoring the ${moved.length} tag(s) this run moved`);
    // tags that existed: back to their previous digest, one create per name and previous index (the
    // mutable ones first: the channels users pull)
    const existed = [...moved.filter(o => o.previous && o.kind === 'mutable'), ...moved.filter(o => o.previous && o.kind !== 'mutable')];
    await eachGroup(groupsOf(existed, o => o.previous), async (g) => {
        const { left, error } = await pointGroup(i, g, 'restoring', deadline, clock);
        for (const o of g.outcomes) {
            if (left.includes(o)) {
                o.state = 'not-restored';
                o.note = `putting it back failed: ${reason(error)}`;
            }
            else {
                o.state = 'restored';
                runner/* info */.pq(`${ref(o)}: put back to ${tags_short(o.previous)}`);
            }
        }
    });
    // new tags: the index is deleted by digest, which removes it under every tag that points at it
    await eachGroup(groupsOf(moved.filter(x => !x.previous), o => o.digest), async (group) => {
        const { name, digest } = group;
        const leave = (note) => group.outcomes.forEach(o => ((o.state = 'not-restored'), (o.note = note)));
        try {
            const mine = new Set([...group.outcomes.map(o => o.tag), ...(i.ownTags ?? [])]);
            const others = await withRetry(`listing the tags of ${name}`, () => buildx.tagsAt(name, digest), deadline, clock, signal);
            const blocking = others.filter(t => !mine.has(t));
            if (blocking.length)
                return leave(`new tag left: its index is also tagged ${blocking.slice(0, 3).join(', ')}${blocking.length > 3 ? ', …' : ''}, and a delete by digest would remove those too`);
            const deleted = await withRetry(`deleting ${name}@${digest}`, () => buildx.deleteManifest(name, digest), deadline, clock, signal);
            if (!deleted)
                return leave('new tag left: the registry does not allow deleting manifests');
            group.outcomes.forEach(o => (o.state = 'removed'));
            runner/* info */.pq(`${group.outcomes.map(ref).join(', ')}: removed (new tags; index ${tags_short(digest)} deleted)`);
        }
        catch (e) {
            leave(`removing it failed: ${reason(e)}`);
        }
    });
}

;// CONCATENATED MODULE: ./src/engine/steps/readback.ts
/**
 * Read back: each name's first tag resolves to the verified index (same digest, so the same platforms):
 * one read per name, not per tag (a HEAD through the registry API; `tagDigest`). A tag another run
 * moved meanwhile fails the step; failing to read it for another reason, after the tags moved, is only
 * a warning: the release is published.
 */

async function readback(i) {
    const checks = await Promise.all(i.verified.flatMap(v => v.build.images.map(async (name) => {
        const ref = `${name}:${v.build.tagNames[0]}`;
        let digest;
        try {
            digest = await i.buildx.tagDigest(ref);
        }
        catch (err) {
            runner/* warning */.$e(`Published, but reading ${ref} back failed: ${err.message}`);
            return { ref, ok: false };
        }
        if (digest === undefined) {
            runner/* warning */.$e(`Published, but reading ${ref} back found no such tag (removed meanwhile?)`);
            return { ref, ok: false };
        }
        if (digest !== v.digest)
            throw new Error(`${ref} resolves to ${digest}, not to the index just pushed (${v.digest}): another run moved it meanwhile?`);
        return { ref, ok: true };
    })));
    return { confirmed: checks.filter(c => c.ok).map(c => c.ref), unread: checks.filter(c => !c.ok).map(c => c.ref) };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/pipeline/cache-mounts.ts
var cache_mounts = __webpack_require__(4055);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
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
    const g = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 7351));
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
    const { extract } = await __webpack_require__.e(/* import() */ 118).then(__webpack_require__.t.bind(__webpack_require__, 6118, 19));
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
        return (0,cache_mounts/* mergeMounts */.xE)([{ mounts: c.mounts, notes: [] }]);
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
    return (0,cache_mounts/* mergeMounts */.xE)(found);
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
 * `retryTimeoutMs`; anything else fails the image at once. A failed push leaves no tag: what was
 * uploaded is content by digest only.
 */




/** At most this many uploads at once per image name. */
const staging_PARALLEL = 4;
function staging_transient(e) {
    if (e instanceof registry_api/* RegistryHttpFailure */.uG)
        return e.transient;
    if (e instanceof exec/* CommandError */.Qd)
        return (0,exec/* isTransient */.dg)(e.result.stderr + e.result.stdout);
    const m = e instanceof Error ? `${e.message} ${e.cause?.message ?? ''}` : String(e);
    return /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|socket hang up|fetch failed|other side closed|TimeoutError|aborted due to timeout/i.test(m);
}
const message = (e) => runner/* redact */.E$(e instanceof Error ? e.message : String(e));
async function staging_eachLimited(items, limit, fn) {
    let next = 0;
    let failed;
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length && !failed) {
            const item = items[next++];
            try {
                await fn(item);
            }
            catch (error) {
                failed ??= { error };
            }
        }
    }));
    if (failed)
        throw failed.error;
}
async function staging(i) {
    if (!i.layouts.length)
        return { ok: true, pushed: [], blobsSent: 0 };
    const sleep = i.sleep ?? ((ms) => new Promise(r => setTimeout(r, ms)));
    const now = i.now ?? Date.now;
    const warned = new Set();
    let blobsSent = 0;
    /** `fn` until it succeeds or fails for good; a transient failure is retried (backoff 0.5 s doubling to 8 s) while the window lasts. */
    const attempt = async (name, fn, deadline) => {
        for (let n = 1;; n++) {
            i.check?.();
            try {
                return await fn();
            }
            catch (e) {
                const left = deadline - now();
                if (!staging_transient(e) || left <= 0)
                    throw e;
                const wait = Math.min(left, 500 * 2 ** Math.min(n - 1, 4));
                if (!warned.has(name)) {
                    warned.add(name);
                    runner/* warning */.$e(`The push failed with a transient registry error (${message(e)}); retrying ${name} for up to ${Math.ceil(left / 1000)} s`);
                }
                else
                    runner/* info */.pq(`${name}: ${message(e)} (transient; attempt ${n + 1} in ${(wait / 1000).toFixed(1)} s)`);
                await sleep(wait);
            }
        }
    };
    const pushName = async (layout, name, from) => {
        const deadline = now() + i.retryTimeoutMs;
        await staging_eachLimited(layout.blobs, staging_PARALLEL, async (blob) => {
            if (await attempt(name, () => i.buildx.pushBlob(name, blob, from), deadline))
                blobsSent++;
        });
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

;// CONCATENATED MODULE: ./src/report/leftovers.ts
/**
 * The summary's "Left in the registry" part: what a run leaves that the user did not ask for as a
 * release tag. Appended to the publish summary, like the skipped tags. Every value goes through ./escape.ts.
 */

function leftoversSummary(l) {
    const lines = ['### Left in the registry', '', `**Push:** ${(0,report_escape/* text */.Qq)(l.push)}`, ''];
    if (l.stagingTags.length) {
        lines.push(...l.stagingTags.map(t => (t.digest ? `- ${(0,report_escape/* code */.aY)(t.ref)} → ${(0,report_escape/* code */.aY)(t.digest.slice(0, 19) + '…')}` : `- ⚠️ ${(0,report_escape/* code */.aY)(t.ref)}: could not be read (${(0,report_escape/* text */.Qq)(t.unread ?? '')})`)), '', l.kept ? 'These staging tags stay, as `staging-tags: keep` asks (on GHCR a version never loses a tag).' : 'These staging tags are left (the registry did not let the run remove them).', '');
    }
    else {
        lines.push(l.failed
            ? 'No tag of this run is left: what was uploaded is content by digest only (untagged; registries remove it with their garbage collection, GHCR lists it as untagged versions).'
            : 'No tag other than the ones asked for: the content was pushed by digest.', '');
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/pipeline/guard.ts
/**
 * The guard against moving a mutable tag backwards (two pushes in quick succession run in parallel, and
 * the older one can finish last). Pure: the engine step (engine/steps/guard.ts) reads what the tag points
 * at now and asks GitHub how the two commits relate; this decides.
 *
 * - An immutable tag (pipeline/tag-kinds.ts: the commit SHA, a full version) always moves: it names one
 *   release, and this run's content is that release.
 * - A tag that does not exist yet, or whose image carries no usable `org.opencontainers.image.revision`,
 *   moves: there is nothing to be older than.
 * - The same commit moves (a re-run, or another build of the same commit).
 * - Ancestry (GitHub's compare API, base = the tag's commit, head = ours): `ahead` or `identical` moves,
 *   `behind` (ours is an ancestor of what the tag holds) is skipped.
 * - `diverged` (neither contains the other: a force-push, another branch) and `unknown` (no token, the API
 *   failed, the commit is not in the repository) fall back to dates: skipped when the tag's date is later
 *   than ours, moved otherwise (equal or missing dates move: a guard that cannot tell does not block).
 * - `force` (the `force-tags` input) moves every tag the guard would skip; the reason says it was forced.
 */

/** A revision label usable as a commit: hex, 7 to 64 characters (a label is written by whoever pushed). */
function isCommitSha(s) {
    return !!s && /^[0-9a-f]{7,64}$/i.test(s);
}
/** The same commit: equal, or one an abbreviation (at least 7 characters) of the other. */
function sameCommit(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x.startsWith(y) || y.startsWith(x);
}
const valid = (d) => d instanceof Date && !Number.isNaN(d.getTime());
function decide(c) {
    if ((0,tag_kinds/* tagKind */.pk)(c.tag, c.ours) === 'immutable')
        return { move: true, reason: 'immutable tag' };
    if (!c.current)
        return { move: true, reason: 'new tag' };
    const theirs = c.current.revision;
    if (!isCommitSha(theirs))
        return { move: true, reason: 'the current image names no commit' };
    if (isCommitSha(c.ours) && sameCommit(theirs, c.ours))
        return { move: true, reason: 'same commit' };
    const short = theirs.slice(0, 7).toLowerCase();
    let skip;
    if (c.ancestry === 'ahead' || c.ancestry === 'identical')
        return { move: true, reason: `newer than ${short} (${c.ancestry})` };
    if (c.ancestry === 'behind')
        skip = `points at ${short}, a descendant of this run's commit`;
    else {
        const { ours, theirs: at } = c.dates ?? {};
        const how = c.ancestry === 'diverged' ? 'diverged history' : 'ancestry unknown';
        if (valid(ours) && valid(at) && at.getTime() > ours.getTime())
            skip = `points at ${short}, dated ${at.toISOString()}, later than this run's ${ours.toISOString()} (${how})`;
        else
            return { move: true, reason: `${how}; not older by date` };
    }
    return c.force ? { move: true, reason: `forced (force-tags): it ${skip}` } : { move: false, reason: skip };
}

;// CONCATENATED MODULE: ./src/engine/steps/guard.ts
/**
 * The guard before the tag phase: of the planned tag moves, which mutable tags would move backwards (to
 * content whose commit is older than the one they point at now) and are skipped. For each mutable tag that
 * exists, the image it points at is read (its config, through the registry API, or `imagetools inspect --format '{{json .Image}}'`: its
 * `org.opencontainers.image.revision` and `created` labels), GitHub's compare API says how the two commits
 * relate, and pipeline/guard.ts decides. Immutable tags are not read at all.
 *
 * What the labels say is untrusted (whoever can push to the repository writes them): a revision that is
 * not a SHA counts as none, a date that does not parse as none, and neither reaches a URL or a message
 * as written.
 */




const REVISION = 'org.opencontainers.image.revision';
const CREATED = 'org.opencontainers.image.created';
/**
 * What the tag points at now: its labels, or undefined when there is no such tag. `ref` is `name:tag`,
 * or `name@digest` when where the tag points was read already (the registry API: no docker process).
 */
async function current(buildx, ref) {
    let image;
    try {
        const at = ref.lastIndexOf('@');
        image = at > 0 ? await buildx.imageConfig(ref.slice(0, at), ref.slice(at + 1)) : await buildx.imagetoolsInspect(ref, '{{json .Image}}');
    }
    catch (e) {
        const out = e instanceof exec/* CommandError */.Qd ? e.result.stderr + e.result.stdout : '';
        if (/: not found\b|MANIFEST_UNKNOWN|manifest unknown/i.test(out) && !/unauthorized|denied|forbidden/i.test(out))
            return undefined;
        throw e;
    }
    // an index answers a config per platform, keyed by platform; a single manifest its config
    const obj = (image ?? {});
    const config = ('config' in obj || 'created' in obj ? obj : Object.values(obj)[0] ?? {});
    const labels = config.config?.Labels ?? {};
    const revision = typeof labels[REVISION] === 'string' ? labels[REVISION] : undefined;
    const when = typeof labels[CREATED] === 'string' ? labels[CREATED] : config.created;
    const created = when && !Number.isNaN(Date.parse(when)) ? new Date(when) : undefined;
    return { revision: isCommitSha(revision) ? revision : undefined, created };
}
async function guard(i) {
    const mutable = i.moves.filter(m => (0,tag_kinds/* tagKind */.pk)(m.tag, i.sha) === 'mutable');
    if (!mutable.length)
        return { skipped: [] };
    const comparisons = new Map();
    const compare = (base) => {
        const key = base.toLowerCase();
        if (!comparisons.has(key))
            comparisons.set(key, i.compare(base, i.sha).catch(() => undefined));
        return comparisons.get(key);
    };
    const reads = new Map();
    const read = (ref) => {
        if (!reads.has(ref))
            reads.set(ref, current(i.buildx, ref));
        return reads.get(ref);
    };
    const verdicts = await Promise.all(mutable.map(async (m) => {
        const ref = `${m.name}:${m.tag}`;
        const known = i.current?.has(ref);
        const at = i.current?.get(ref);
        // already at this run's index: the tag phase leaves it as it is
        if (known && at === m.digest)
            return undefined;
        let now;
        try {
            now = known ? (at === undefined ? undefined : await read(`${m.name}@${at}`)) : await read(ref);
        }
        catch (e) {
            runner/* warning */.$e(`Cannot read what ${ref} points at (${e.message}); it moves without the check against moving backwards.`);
            return undefined;
        }
        const comparison = isCommitSha(now?.revision) && isCommitSha(i.sha) && !sameCommit(now.revision, i.sha) ? await compare(now.revision) : undefined;
        const ancestry = comparison?.status ?? 'unknown';
        // kind for kind: the commits' dates when GitHub gave them, else the two images' dates
        const dates = comparison?.baseDate && comparison.headDate ? { ours: comparison.headDate, theirs: comparison.baseDate } : { ours: i.created, theirs: now?.created };
        const verdict = decide({ tag: m.tag, ours: i.sha, current: now, ancestry, dates, force: i.force });
        if (verdict.move && /^forced/.test(verdict.reason))
            runner/* warning */.$e(`${ref} moves although it ${verdict.reason.replace(/^forced \(force-tags\): it /, '')} (force-tags: true).`);
        else if (!verdict.move)
            runner/* warning */.$e(`Not moving ${ref}: it ${verdict.reason}. Another run published newer content; force-tags: true moves it anyway.`);
        else
            runner/* debug */.Yz(`${ref}: ${verdict.reason}`);
        return verdict.move ? undefined : { name: m.name, tag: m.tag, reason: verdict.reason };
    }));
    return { skipped: verdicts.filter((v) => !!v) };
}
/** The moves the tag phase plans for these builds: every tag of every name, to the build's index. */
function movesOf(verified) {
    return verified.flatMap(v => v.build.images.flatMap(name => v.build.tagNames.map(tag => ({ name, tag, digest: v.digest }))));
}
/** Whether a move is one the guard skipped. */
function isSkipped(skipped, name, tag) {
    return skipped.some(s => s.name === name && s.tag === tag);
}
/**
 * The verified builds without the skipped tags, one entry per image name (the skipped tags may differ
 * between names); a name left with no tag to move is left out. For the tag phase and the read-back.
 */
function withoutSkipped(verified, skipped) {
    if (!skipped.length)
        return verified;
    return verified.flatMap(v => v.build.images
        .map(name => ({ ...v, build: { ...v.build, images: [name], tagNames: v.build.tagNames.filter(t => !isSkipped(skipped, name, t)) }, images: v.images.filter(img => img.name === name) }))
        .filter(v2 => v2.build.tagNames.length > 0));
}

// EXTERNAL MODULE: ./src/pipeline/context/github-api.ts
var github_api = __webpack_require__(6878);
// EXTERNAL MODULE: ./src/report/index.ts + 3 modules
var report = __webpack_require__(3344);
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
    const workspace = workspaceDir();
    checkBuildFiles(plan.builds, workspace ?? process.cwd());
    for (const v of (0,inputs_secrets/* secretValues */.VX)(e.secrets))
        runner/* setSecret */.Pq(v);
    for (const v of cacheSecretValues([...e.cacheFrom, ...e.cacheTo]))
        runner/* setSecret */.Pq(v);
    if (inputs.githubToken)
        runner/* setSecret */.Pq(inputs.githubToken);
    for (const c of p.credentials)
        runner/* setSecret */.Pq(c.password);
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
        return await run(p, plan, env, { buildx, load, userConfig, record, work, report: options.report ?? true, cancel });
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
    const mountsInput = e.cacheMounts.mode === 'false' ? undefined : { buildx: c.buildx, plan, engine: e, builderArg: ready.builder.arg, workspace: workspaceDir() ?? process.cwd(), dir: cacheMountsDir(env, c.work), env, defaultBranch: ctx.defaultBranch, store: await ghaStore() };
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
    const left = async (failed) => {
        if (output !== 'push')
            return '';
        const tagsLeft = keep ? await stagingTagsLeft(c.buildx, plan.builds, stagingTag) : [];
        if (failed && keep && tagsLeft.length)
            runner/* warning */.$e(`Left in the registry (staging-tags: keep): ${tagsLeft.map(t => t.ref).join(', ')}`);
        return leftoversSummary({ push: pushNote, stagingTags: tagsLeft, kept: keep, failed });
    };
    if (!built.ok) {
        if (c.report && inputs.summary)
            (0,report/* writeSummary */.Sy)((0,report/* publishSummary */.Iv)(plan, engineReport(ready, built), [], built.messages, built.seconds) + (0,report/* cacheMountsSummary */.bf)(mounts) + (await left(true)), env);
        throw new Error(`Nothing was tagged: ${built.failed.join('; ')} failed (see the errors above). Every existing tag was left where it was.`);
    }
    if (output === 'push' && built.layouts.length) {
        // the docker driver: its OCI layouts, pushed by digest (steps/staging.ts)
        c.cancel.during('push');
        const staged = await staging({ buildx: c.buildx, layouts: built.layouts, stagingTags: e.stagingTags, stagingTag, retryTimeoutMs: PUSH_RETRY_MS, check: () => c.cancel.check() });
        c.cancel.check();
        if (!staged.ok) {
            if (c.report && inputs.summary)
                (0,report/* writeSummary */.Sy)((0,report/* publishSummary */.Iv)(plan, engineReport(ready, built), [], staged.messages, built.seconds) + (await left(true)), env);
            throw new Error(`Nothing was tagged: pushing ${staged.failed.join('; ')} failed (see the errors above). Every existing tag was left where it was.`);
        }
    }
    // saved while the registry work goes on: it uses the builder, not the registry (never rejects)
    const savingMounts = mountsInput && mounts ? saveCacheMounts(mountsInput, mounts) : Promise.resolve(undefined);
    // digests (and descriptors) from bake's metadata file; the registry is read once per name (steps/verify.ts)
    const digests = plan.builds.map(b => ({ build: b, ...metadataDigest(built.metadata[b.id]) }));
    let verified = digests.map(d => ({ build: d.build, digest: d.digest, images: [] }));
    let sized;
    let tagMoves = [];
    let skipped = [];
    if (output === 'push') {
        c.cancel.during('verification');
        ({ verified } = await verify({ buildx: c.buildx, builds: digests }));
        // the platforms' sizes are read beside the guard and the tag pass, awaited for the outputs
        sized = sizes(c.buildx, verified);
        sized.catch(() => undefined);
        const retryTimeoutMs = e.tagRetryTimeout * 1000;
        try {
            // where every tag points now, read once: for the guard and the tag pass
            const current = await currentDigests({ buildx: c.buildx, moves: plannedMoves(verified, plan.sha), retryTimeoutMs });
            // the guard against moving mutable tags backwards takes its tags out of the pass (steps/guard.ts)
            ({ skipped } = await guard({ buildx: c.buildx, moves: movesOf(verified), sha: plan.sha, created: imageCreated(plan), force: e.forceTags, current, compare: (base, head) => (0,github_api/* compareCommits */.kC)(ctx, inputs.githubToken, base, head, runner/* warning */.$e) }));
            const moves = plannedMoves(verified, plan.sha).filter(m => !isSkipped(skipped, m.name, m.tag));
            // the signal: no new retry wait, a failed write restores at once (steps/tags.ts)
            tagMoves = (await c.cancel.tagPhase(signal => tags({ buildx: c.buildx, moves, retryTimeoutMs, signal, ownTags: [stagingTag], current }))).outcomes;
        }
        catch (err) {
            if (err instanceof TagPhaseError && c.report && inputs.summary)
                (0,report/* writeSummary */.Sy)((0,report/* publishSummary */.Iv)(plan, engineReport(ready, built), [], [], built.seconds, { outcomes: err.outcomes, error: err.message }) + (0,report/* skippedTagsSummary */.Ii)(skipped) + (0,report/* cacheMountsSummary */.bf)(await savingMounts) + (await left(true)), env);
            throw err;
        }
        if (!c.cancel.stopped)
            await readback({ buildx: c.buildx, verified: withoutSkipped(verified, skipped) });
        verified = await sized;
    }
    const results = verified.map(v => ({ build: v.build, digest: v.digest, images: v.images, seconds: built.buildSeconds[v.build.id] ?? built.seconds }));
    const outputs = { ...publishOutputs(results, built.metadata), 'skipped-tags': (0,report/* skippedTagsOutput */.Jf)(skipped) };
    if (c.report)
        (0,report/* writeOutputs */.Kn)(outputs, env);
    const mountsReport = await savingMounts;
    if (c.report && inputs.summary)
        (0,report/* writeSummary */.Sy)((0,report/* publishSummary */.Iv)(plan, engineReport(ready, built), results, [], built.seconds, tagMoves.length ? { outcomes: tagMoves } : undefined) + (0,report/* skippedTagsSummary */.Ii)(skipped) + (0,report/* cacheMountsSummary */.bf)(mountsReport) + (await left(false)), env);
    c.cancel.check();
    return { results, outputs };
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
/** The date this run's images carry (`org.opencontainers.image.created`), for the guard's date fallback. */
function imageCreated(plan) {
    const line = plan.builds[0]?.labels.find(l => l.startsWith('org.opencontainers.image.created='));
    const value = line?.slice(line.indexOf('=') + 1);
    return value && !Number.isNaN(Date.parse(value)) ? new Date(value) : undefined;
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
        images: JSON.stringify(results.map(r => ({
            id: r.build.id,
            names: r.build.images,
            digest: r.digest || null,
            tags: r.build.tags,
            pushed: r.build.push,
            platforms: r.images[0]?.platforms.map(pl => ({ platform: pl.platform, digest: pl.digest, size: pl.size })) ?? r.build.platforms.map(pl => ({ platform: pl, digest: null, size: null })),
            buildSeconds: Math.round(r.seconds * 10) / 10
        })))
    };
}


/***/ })

};
