export const id = 545;
export const ids = [545];
export const modules = {

/***/ 3175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I9: () => (/* binding */ recall),
/* harmony export */   c4: () => (/* binding */ STATE),
/* harmony export */   kY: () => (/* binding */ remember)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1949);
/** What main leaves for the post step to undo: one place for the state's names. */

const STATE = {
    dockerConfig: 'dockerConfig',
    buildxConfig: 'buildxConfig',
    logins: 'logins',
    builder: 'builder',
    secretsDir: 'secretsDir'
};
function remember(name, value) {
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(name, value);
}
function recall(name) {
    return _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(name);
}


/***/ }),

/***/ 4545:
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
    const names = s.pushByDigest ? build.images : build.images.map(i => `${i}:${s.stagingTag}`);
    const attrs = ['type=image', csvField(`name=${names.join(',')}`), 'push=true', 'oci-mediatypes=true'];
    if (s.pushByDigest)
        attrs.push('push-by-digest=true', 'name-canonical=true');
    return attrs.join(',');
}
/** Pure: the bake definition of a plan. */
function bakeDefinition(plan, s) {
    const target = {};
    for (const b of plan.builds) {
        const attest = [attestation('provenance', s.provenance), attestation('sbom', s.sbom)].filter((a) => !!a);
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


function scopeName(ref, defaultBranch) {
    const name = ref.startsWith('refs/heads/')
        ? ref.slice('refs/heads/'.length)
        : /^refs\/pull\/(\d+)/.test(ref)
            ? `pr-${/^refs\/pull\/(\d+)/.exec(ref)[1]}`
            : defaultBranch;
    return (0,version/* sanitizeTag */.iP)(name);
}
function cacheSettings(plan, e, driver, env, defaultBranch) {
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
    if (driver === 'docker')
        return { from, to, note: `no ${mode} cache: the docker driver cannot import or export it (use a docker-container builder)` };
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
async function chooseBuilder(i, platforms) {
    const { buildx, engine: e } = i;
    const load = i.output === 'load';
    if (e.builder) {
        const [b, store] = await Promise.all([buildx.inspectBuilder(e.builder), load ? buildx.containerdImageStore() : Promise.resolve(false)]);
        if (load)
            checkLoad(b, platforms, store);
        return { info: b, arg: e.builder, note: `using builder ${b.name} (${b.driver} driver), as the builder input asks` };
    }
    // both at once: the store only matters for the docker driver, but asking costs less than waiting
    const [current, store] = await Promise.all([buildx.inspectBuilder(), buildx.containerdImageStore()]);
    const c8d = current.driver === 'docker' && store;
    const verdict = (0,builder/* canReuse */.fE)(current, platforms, c8d);
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
            runner/* warning */.$e(`No credentials for ${l.registry} (add it to registry-auth): pushing without logging in.`);
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
    const qemu = (0,engine_qemu/* planQemu */.AU)(platforms, i.host, await i.buildx.registeredEmulators(), i.engine.setupQemu);
    runner/* info */.pq(`QEMU: ${qemu.reason}`);
    if (qemu.action === 'install') {
        await i.buildx.installEmulators(i.engine.qemuImage, qemu.missing);
        // tonistiigi/binfmt exits 0 when an install fails: binfmt_misc is the judge, not the exit code,
        // so that a missing emulator is named here rather than as an `exec format error` deep in the build
        const after = (0,engine_qemu/* planQemu */.AU)(platforms, i.host, await i.buildx.registeredEmulators(), 'auto');
        if (after.missing.length) {
            throw new Error(`QEMU: ${i.engine.qemuImage} --install ${qemu.missing.join(',')} left no emulator for ${after.missing.join(', ')} in binfmt_misc; nothing was built (check the qemu-image input, or that the runner allows privileged containers)`);
        }
    }
    const builder = await chooseBuilder(i, platforms);
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









const wait = (ms) => new Promise(r => setTimeout(r, ms));
function writeBake(i) {
    const { plan, engine: e } = i;
    const cache = cacheSettings(i.output === 'push' ? plan : { ...plan, push: false }, e, i.driver, i.env, i.defaultBranch);
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
        pushByDigest: i.driver !== 'docker',
        stagingTag: i.stagingTag,
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
    return { bakeFile, metadataFile: (0,external_node_path_.join)(i.workDir, 'bake-metadata.json'), definition, cacheNote: cache.note };
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
async function build(i) {
    const { plan } = i;
    const { bakeFile, metadataFile, definition, cacheNote } = writeBake(i);
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
    const bake = () => i.buildx.bake({ file: bakeFile, metadataFile, progress: 'plain', builder: i.builderArg, onLine });
    const started = Date.now();
    let result = await runner/* group */.Os(`Build ${targets.join(', ')} (${platforms.join(', ')})`, bake);
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
        result = await bake();
    }
    const seconds = (Date.now() - started) / 1000;
    const files = { bakeFile, definition, cacheNote, seconds };
    if (result.code === 0) {
        const buildSeconds = Object.fromEntries(plan.builds.map(b => {
            const span = spans.get(b.id);
            return [b.id, span ? (span.last - span.first) / 1000 : seconds];
        }));
        return { ...files, ok: true, metadata: result.metadata, buildSeconds };
    }
    const failures = parseFailures(lines, targets, imagesOf);
    if (!failures.length)
        throw new Error(`The build or push failed: ${registryMessage(lines.join('\n'))}. No tag was moved.`);
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
 *    `imagetools create --tag … --tag … name@digest` per name moves all its tags, names in parallel. (One
 *    create for both kinds would lose that order: buildx pushes a create's tags concurrently.)
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
    let dockerEnv = {};
    if (!userConfig) {
        const dockerConfig = (0,login/* createDockerConfig */.lp)(env['RUNNER_TEMP']);
        record('dockerConfig', dockerConfig);
        // the registries setup logs in to, kept in the copy's own file (login.ts)
        const pushed = plan.push && !load ? [...new Set(plan.builds.flatMap(b => b.images))] : [];
        const loginRegistries = (0,login/* planLogins */.IB)(pushed, p.credentials, p.ctx.actor, inputs.githubToken).filter(l => l.source !== 'none').map(l => l.registry);
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
        if (userConfig && (local.has('builder') || local.has('secretsDir')))
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
        logins: (0,login/* planLogins */.IB)(output === 'push' ? [...new Set(plan.builds.flatMap(b => b.images))] : [], p.credentials, ctx.actor, inputs.githubToken),
        userConfig: c.userConfig,
        builderName: `multiarch-publish-${(process.env['GITHUB_RUN_ID'] || String(Date.now())).slice(-10)}-${process.pid}`,
        record: c.record
    });
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
    if (!built.ok) {
        if (c.report && inputs.summary)
            (0,report/* writeSummary */.Sy)((0,report/* publishSummary */.Iv)(plan, engineReport(ready, built), [], built.messages, built.seconds), env);
        throw new Error(`Nothing was tagged: ${built.failed.join('; ')} failed (see the errors above). Every existing tag was left where it was.`);
    }
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
                (0,report/* writeSummary */.Sy)((0,report/* publishSummary */.Iv)(plan, engineReport(ready, built), [], [], built.seconds, { outcomes: err.outcomes, error: err.message }) + (0,report/* skippedTagsSummary */.Ii)(skipped), env);
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
    if (c.report && inputs.summary)
        (0,report/* writeSummary */.Sy)((0,report/* publishSummary */.Iv)(plan, engineReport(ready, built), results, [], built.seconds, tagMoves.length ? { outcomes: tagMoves } : undefined) + (0,report/* skippedTagsSummary */.Ii)(skipped), env);
    c.cancel.check();
    return { results, outputs };
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
