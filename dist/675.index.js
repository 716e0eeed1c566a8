export const id = 675;
export const ids = [675,293];
export const modules = {

/***/ 3175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ STATE),
/* harmony export */   k: () => (/* binding */ remember)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5242);
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


/***/ }),

/***/ 5985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gn: () => (/* binding */ containerdImageStore),
/* harmony export */   IK: () => (/* binding */ inspectBuilder),
/* harmony export */   Ij: () => (/* binding */ createBuilder),
/* harmony export */   fE: () => (/* binding */ canReuse),
/* harmony export */   iq: () => (/* binding */ removeBuilder),
/* harmony export */   ry: () => (/* binding */ buildxVersion)
/* harmony export */ });
/* unused harmony exports MIN_BUILDX, parseBuildxVersion, versionAtLeast, parseInspect, missingPlatforms */
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1293);
/* harmony import */ var _lib_platform_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6728);
/**
 * The BuildKit builder: reuse the current one when it can build every requested platform and push
 * multi-platform images, else create a docker-container builder (removed by the post step).
 */


const MIN_BUILDX = '0.12.0';
/** `github.com/docker/buildx v0.19.3 abc` or `github.com/docker/buildx 0.19.3+ds1 ...` -> `0.19.3`. */
function parseBuildxVersion(output) {
    return /\bv?(\d+\.\d+\.\d+)/.exec(output)?.[1];
}
function versionAtLeast(version, min) {
    const a = version.split('.').map(Number);
    const b = min.split('.').map(Number);
    for (let i = 0; i < 3; i++)
        if ((a[i] ?? 0) !== (b[i] ?? 0))
            return (a[i] ?? 0) > (b[i] ?? 0);
    return true;
}
/** The builder's name, driver and platforms from `docker buildx inspect`. */
function parseInspect(output) {
    const field = (name) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(output)?.[1].trim() ?? '';
    return {
        name: field('Name'),
        driver: field('Driver'),
        platforms: field('Platforms')
            .split(',')
            .map(p => p.trim().replace(/\*$/, ''))
            .filter(Boolean)
    };
}
function normalise(p) {
    try {
        const platform = (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePlatform */ .FL)(p);
        // arm64 is v8 unless said otherwise: linux/arm64/v8 is what a builder lists as linux/arm64
        if (platform.arch === 'arm64' && platform.variant === 'v8')
            delete platform.variant;
        return (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPlatform */ .Bq)(platform);
    }
    catch {
        return p;
    }
}
/** Platforms the builder cannot build. */
function missingPlatforms(builder, platforms) {
    const have = new Set(builder.platforms.map(normalise));
    // a builder that lists linux/arm/v7 builds linux/arm (its default variant) too
    for (const p of [...have])
        if (/\/arm\/v7$/.test(p))
            have.add('linux/arm');
    return platforms.map(normalise).filter(p => !have.has(p));
}
/** Pure: whether the current builder will do, and why (not). */
function canReuse(builder, platforms, containerdStore) {
    const missing = missingPlatforms(builder, platforms);
    if (missing.length)
        return { ok: false, reason: `builder ${builder.name} (${builder.driver}) cannot build ${missing.join(', ')}` };
    if (builder.driver === 'docker' && platforms.length > 1 && !containerdStore) {
        return { ok: false, reason: `builder ${builder.name} uses the docker driver without the containerd image store, which cannot push multi-platform images` };
    }
    return { ok: true, reason: `reusing builder ${builder.name} (${builder.driver} driver${builder.driver === 'docker' && containerdStore ? ', containerd image store' : ''}): it builds ${platforms.join(', ')}` };
}
async function buildxVersion(env) {
    const out = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__.run)('docker', ['buildx', 'version'], { env, allowFailure: true });
    const v = out.code === 0 ? parseBuildxVersion(out.stdout) : undefined;
    if (!v)
        throw new Error(`docker buildx is not available (${(out.stderr || out.stdout).trim() || 'no output'}): install the buildx plugin (docker/setup-buildx-action does) or use a runner that has it`);
    if (!versionAtLeast(v, MIN_BUILDX))
        throw new Error(`docker buildx ${v} is too old: multiarch-publish needs ${MIN_BUILDX} or newer (bake with annotations and attestations)`);
    return v;
}
async function inspectBuilder(env, name) {
    const out = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__.run)('docker', ['buildx', 'inspect', '--bootstrap', ...(name ? [name] : [])], { env });
    return parseInspect(out.stdout);
}
async function containerdImageStore(env) {
    const out = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__.run)('docker', ['info', '--format', '{{json .DriverStatus}}'], { env, allowFailure: true });
    return /io\.containerd\.snapshotter/.test(out.stdout);
}
async function createBuilder(env, o) {
    const args = ['buildx', 'create', '--name', o.name, '--driver', 'docker-container'];
    if (o.image)
        args.push('--driver-opt', `image=${o.image}`);
    if (o.hostNetwork)
        args.push('--driver-opt', 'network=host');
    if (o.configFile)
        args.push('--config', o.configFile); // --buildkitd-config in newer buildx; --config is accepted by all
    args.push('--bootstrap');
    await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__.run)('docker', args, { env, stream: true });
    return inspectBuilder(env, o.name);
}
async function removeBuilder(env, name) {
    await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__.run)('docker', ['buildx', 'rm', '--force', name], { env, allowFailure: true });
}


/***/ }),

/***/ 234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cleanup: () => (/* binding */ cleanup)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5242);
/* harmony import */ var _action_state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3175);
/* harmony import */ var _login_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9544);
/* harmony import */ var _builder_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5985);
/**
 * The post step's work: log out of every registry main logged in to, remove the builder main created,
 * and delete the credentials directory and the secrets, even when main failed half-way.
 */





async function cleanup(getState) {
    const dockerConfig = getState(_action_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.dockerConfig);
    const buildxConfig = getState(_action_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.buildxConfig);
    const builder = getState(_action_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.builder);
    const secretsDir = getState(_action_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.secretsDir);
    let logins = [];
    try {
        logins = JSON.parse(getState(_action_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.logins) || '[]');
    }
    catch {
        logins = [];
    }
    if (!dockerConfig && !builder && !secretsDir) {
        _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq('Nothing to clean up.');
        return;
    }
    const env = { ...(dockerConfig ? { DOCKER_CONFIG: dockerConfig } : {}), ...(buildxConfig ? { BUILDX_CONFIG: buildxConfig } : {}) };
    for (const registry of logins) {
        if (dockerConfig && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dockerConfig)) {
            await (0,_login_js__WEBPACK_IMPORTED_MODULE_3__/* .logout */ .ri)(env, registry);
            _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Logged out of ${registry}`);
        }
    }
    if (builder) {
        await (0,_builder_js__WEBPACK_IMPORTED_MODULE_4__/* .removeBuilder */ .iq)(env, builder);
        _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Removed builder ${builder}`);
    }
    for (const dir of [secretsDir, dockerConfig]) {
        if (dir) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
            _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Removed ${dir}`);
        }
    }
}


/***/ }),

/***/ 1293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mn: () => (/* binding */ runWithRetry),
/* harmony export */   Qd: () => (/* binding */ CommandError),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* unused harmony export describe */
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5242);
/**
 * The one way this action runs a program: an argument array (never a shell string), output captured,
 * every line shown to the log through the redacting runner, secrets passed on stdin only.
 */

class CommandError extends Error {
    command;
    result;
    constructor(command, result) {
        // the lines that say what went wrong, not the usage text some commands print after them
        const all = (result.stderr || result.stdout).trim().split('\n');
        const telling = all.filter(l => /error|denied|unauthorized|forbidden|refused|failed|invalid|unknown|not found|no such/i.test(l));
        const detail = (telling.length ? telling : all).slice(-5).join('\n');
        super(`${command} failed (exit code ${result.code})${detail ? `: ${_action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$(detail)}` : ''}`);
        this.command = command;
        this.result = result;
        this.name = 'CommandError';
    }
}
/** A command line for the log: arguments quoted when needed, secrets redacted. */
function describe(cmd, args) {
    // quoted as the original needs, redacted before the quotes are escaped (pa'ss would become pa'\''ss)
    return [cmd, ...args].map(a => (/^[\w@%+=:,./-]+$/.test(a) ? _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$(a) : `'${_action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$(a).replace(/'/g, `'\\''`)}'`)).join(' ');
}
async function run(cmd, args, opts = {}) {
    const { getExecOutput } = await __webpack_require__.e(/* import() */ 260).then(__webpack_require__.bind(__webpack_require__, 1260));
    const env = Object.fromEntries(Object.entries({ ...process.env, ...opts.env }).filter((e) => e[1] !== undefined));
    const onLine = (line) => {
        opts.onLine?.(line);
        if (opts.stream)
            _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line);
    };
    _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`[command] ${describe(cmd, args)}`);
    const out = await getExecOutput(cmd, args, {
        silent: true,
        ignoreReturnCode: true,
        env,
        cwd: opts.cwd,
        input: opts.input !== undefined ? Buffer.from(opts.input) : undefined,
        listeners: { stdline: onLine, errline: onLine }
    });
    const result = { code: out.exitCode, stdout: out.stdout, stderr: out.stderr };
    if (result.code !== 0 && !opts.allowFailure)
        throw new CommandError(describe(cmd, args), result);
    return result;
}
/** Runs with retries for transient failures (network, 5xx, rate limits), with exponential backoff. */
async function runWithRetry(cmd, args, opts = {}) {
    const attempts = opts.attempts ?? 3;
    for (let attempt = 1;; attempt++) {
        try {
            return await run(cmd, args, opts);
        }
        catch (e) {
            if (!(e instanceof CommandError) || attempt >= attempts || !isTransient(e.result.stderr + e.result.stdout))
                throw e;
            const delay = (opts.baseDelayMs ?? 2000) * 2 ** (attempt - 1);
            _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`${e.message.split('\n')[0]} — transient, retrying in ${delay / 1000} s (attempt ${attempt + 1} of ${attempts})`);
            await new Promise(r => setTimeout(r, delay));
        }
    }
}
/**
 * Errors worth another try: the network or the registry's temporary state, not auth or a bad request.
 * Status codes count only as HTTP statuses (`503 Service Unavailable`, `status: 503`), never as bare
 * numbers: BuildKit's log is full of timestamps such as `0.401` and digests.
 */
const REFUSED = /\b401 Unauthorized|\b403 Forbidden|(?:status|code)[: ]+40[13]\b|unauthorized|denied|forbidden|authentication required/i;
const TRANSIENT = /\b50[0234] (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)|\b429 Too Many Requests|(?:status|code)[: ]+(?:50[0234]|429)\b|timeout|timed out|connection reset|connection refused|\bEOF\b|TLS handshake|no such host|temporarily unavailable|too many requests/i;
function isTransient(output) {
    return !REFUSED.test(output) && TRANSIENT.test(output);
}


/***/ }),

/***/ 9544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fv: () => (/* binding */ registryOf),
/* harmony export */   IB: () => (/* binding */ planLogins),
/* harmony export */   iD: () => (/* binding */ login),
/* harmony export */   lp: () => (/* binding */ createDockerConfig),
/* harmony export */   ri: () => (/* binding */ logout)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5242);
/* harmony import */ var _lib_reference_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2470);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1293);
/**
 * Registry logins, in a DOCKER_CONFIG directory of the job's own (never the user's ~/.docker): passwords
 * go through stdin, are masked first, and the post step logs out and removes the directory.
 */






const DOCKER_HUB = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'];
/** The registry of an image name (`ghcr.io/o/app` -> ghcr.io, `org/app` -> docker.io). */
function registryOf(image) {
    return (0,_lib_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .registryDomain */ .E)(image) ?? 'docker.io';
}
function sameRegistry(a, b) {
    const n = (r) => {
        const host = r.toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
        return DOCKER_HUB.includes(host) ? 'docker.io' : host;
    };
    return n(a) === n(b);
}
/** Pure: which registries need a login for these pushed images, with which credentials. */
function planLogins(images, credentials, actor, githubToken) {
    const registries = [...new Set(images.map(registryOf))];
    return registries.map(registry => {
        const credential = credentials.find(c => sameRegistry(c.registry, registry));
        if (credential)
            return { registry, credential, source: 'registry-auth' };
        if (registry === 'ghcr.io' && githubToken)
            return { registry, credential: { registry, username: actor || 'github-actions', password: githubToken }, source: 'github-token' };
        return { registry, source: 'none' };
    });
}
/** A fresh DOCKER_CONFIG directory under RUNNER_TEMP (the job's own temporary directory). */
function createDockerConfig(runnerTemp) {
    const base = runnerTemp || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)();
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(base, { recursive: true });
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(base, 'multiarch-publish-docker-'));
}
async function login(env, plan) {
    const c = plan.credential;
    _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .setSecret */ .Pq(c.password);
    const server = plan.registry === 'docker.io' ? [] : [plan.registry];
    try {
        await (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__/* .runWithRetry */ .Mn)('docker', ['login', ...server, '--username', c.username, '--password-stdin'], { env, input: c.password });
    }
    catch (e) {
        if (e instanceof _exec_js__WEBPACK_IMPORTED_MODULE_4__/* .CommandError */ .Qd) {
            const msg = _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$((e.result.stderr || e.result.stdout).trim());
            throw new Error(`Login to ${plan.registry} as ${c.username} failed${plan.source === 'github-token' ? ' (with github-token; the workflow needs `permissions: packages: write`)' : ''}: ${msg}`);
        }
        throw e;
    }
    _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Logged in to ${plan.registry} as ${c.username} (${plan.source})`);
}
async function logout(env, registry) {
    await (0,_exec_js__WEBPACK_IMPORTED_MODULE_4__.run)('docker', ['logout', ...(registry === 'docker.io' ? [] : [registry])], { env, allowFailure: true });
}


/***/ }),

/***/ 8675:
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
// EXTERNAL MODULE: ./src/action/runner.ts
var runner = __webpack_require__(5242);
// EXTERNAL MODULE: ./src/pipeline/inputs/errors.ts
var inputs_errors = __webpack_require__(2107);
// EXTERNAL MODULE: ./src/lib/platform.ts
var platform = __webpack_require__(6728);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
// EXTERNAL MODULE: ./src/engine/cleanup.ts
var cleanup = __webpack_require__(234);
// EXTERNAL MODULE: ./src/engine/exec.ts
var exec = __webpack_require__(1293);
;// CONCATENATED MODULE: ./src/engine/qemu.ts
/**
 * QEMU, only where needed: which requested platforms the host runs natively, which emulators binfmt_misc
 * already has, and which must be installed (`docker run --privileged --rm <qemu-image> --install <arches>`).
 */



/** binfmt_misc entry names (qemu-<name>) for OCI architectures. */
const QEMU_NAME = {
    arm64: 'aarch64',
    arm: 'arm',
    amd64: 'x86_64',
    '386': 'i386',
    ppc64le: 'ppc64le',
    ppc64: 'ppc64',
    s390x: 's390x',
    riscv64: 'riscv64',
    mips64le: 'mips64el',
    mips64: 'mips64',
    loong64: 'loongarch64'
};
/** Architectures a host runs without emulation. */
const NATIVE = {
    amd64: ['amd64', '386'],
    arm64: ['arm64'],
    arm: ['arm'],
    ppc64le: ['ppc64le'],
    s390x: ['s390x'],
    riscv64: ['riscv64']
};
/** Emulators binfmt_misc has and enables (entries like `qemu-aarch64`). */
function registeredEmulators(dir = '/proc/sys/fs/binfmt_misc') {
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(dir);
    }
    catch {
        return [];
    }
    return names.filter(n => {
        if (!n.startsWith('qemu-'))
            return false;
        try {
            return (0,external_node_fs_.readFileSync)(`${dir}/${n}`, 'utf8').split('\n')[0].trim() === 'enabled';
        }
        catch {
            return false;
        }
    }).map(n => n.slice('qemu-'.length));
}
/** Pure: the QEMU work for these platforms on this host, given the emulators already registered. */
function planQemu(platforms, host, registered, mode) {
    const archs = [...new Set(platforms.map(p => (0,platform/* parsePlatform */.FL)(p).arch))];
    const native = archs.filter(a => (NATIVE[host.arch] ?? [host.arch]).includes(a));
    const foreign = archs.filter(a => !native.includes(a));
    const have = foreign.filter(a => registered.includes(QEMU_NAME[a] ?? a));
    const missing = mode === 'true' ? foreign : foreign.filter(a => !have.includes(a));
    const list = (xs) => xs.join(', ');
    if (foreign.length === 0)
        return { native, registered: have, missing: [], action: 'none', reason: `every platform is native to this ${host.arch} host (${list(native)}): QEMU not needed` };
    if (mode === 'false')
        return { native, registered: have, missing: [], action: 'skip', reason: `setup-qemu: false (emulating ${list(foreign)} relies on what the host has${have.length ? `: ${list(have)} registered` : ''})` };
    if (missing.length === 0)
        return { native, registered: have, missing, action: 'none', reason: `emulators already registered for ${list(have)}: nothing to install` };
    return { native, registered: have, missing, action: 'install', reason: `installing emulators for ${list(missing)}${have.length ? ` (already registered: ${list(have)})` : ''}` };
}
async function installQemu(image, archs, env) {
    await (0,exec.run)('docker', ['run', '--privileged', '--rm', image, '--install', archs.join(',')], { env, stream: true });
}

// EXTERNAL MODULE: ./src/engine/builder.ts
var engine_builder = __webpack_require__(5985);
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
    // type=docker: the daemon's image store (every platform with the containerd store), as `--load`
    if (s.load)
        return ['type=docker', csvField(`name=${build.tags.join(',')}`)].join(',');
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
async function bake(file, metadataFile, env, builder, extra = [], onLine) {
    const args = ['buildx', 'bake', '--file', file, '--progress', 'plain', '--metadata-file', metadataFile, ...(builder ? ['--builder', builder] : []), ...extra];
    return (0,exec.run)('docker', args, { env, allowFailure: true, stream: true, onLine, cwd: workspaceDir() });
}

// EXTERNAL MODULE: ./src/pipeline/metadata/version.ts
var version = __webpack_require__(4586);
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

;// CONCATENATED MODULE: ./src/engine/registry.ts
/**
 * What the registry holds: read back with `docker buildx imagetools`, and tags moved in the final pass
 * with `imagetools create` (the same index, under more names: the digest does not change).
 */

/** Platforms of an index, attestation manifests aside. */
function indexPlatforms(index) {
    return (index.manifests ?? []).filter(m => m.platform && m.platform.os !== 'unknown' && m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest');
}
function platformString(p) {
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}
async function inspectJson(ref, env, format) {
    const out = await (0,exec/* runWithRetry */.Mn)('docker', ['buildx', 'imagetools', 'inspect', ref, ...(format === 'raw' ? ['--raw'] : ['--format', format])], { env });
    return JSON.parse(out.stdout);
}
/** The index (or single manifest) at `ref`, with its platforms and their compressed sizes. */
async function inspectImage(name, ref, env) {
    const manifest = await inspectJson(ref, env, '{{json .Manifest}}');
    const sizeOf = (m) => (m.config?.size ?? 0) + (m.layers ?? []).reduce((a, l) => a + l.size, 0);
    if (!manifest.manifests) {
        const raw = await inspectJson(ref, env, 'raw');
        return { name, digest: manifest.digest, mediaType: manifest.mediaType, platforms: [{ platform: '', digest: manifest.digest, size: sizeOf(raw) }] };
    }
    const platforms = await Promise.all(indexPlatforms(manifest).map(async (m) => ({ platform: platformString(m.platform), digest: m.digest, size: sizeOf(await inspectJson(`${name}@${m.digest}`, env, 'raw')) })));
    return { name, digest: manifest.digest, mediaType: manifest.mediaType, platforms };
}
/** The digest `ref` (a tag) resolves to in the registry. */
async function resolveDigest(ref, env) {
    const manifest = await inspectJson(ref, env, '{{json .Manifest}}');
    return manifest.digest;
}
/** The labels of each platform's image config (to check what was built). */
async function imageConfigLabels(ref, env) {
    const img = await inspectJson(ref, env, '{{json .Image}}');
    const perPlatform = img.architecture ? { '': img } : img;
    return Object.fromEntries(Object.entries(perPlatform).map(([k, v]) => [k || platformString(v), v.config?.Labels ?? {}]));
}
/** Points `tags` of `name` at the index `digest` (already in the registry under that name). */
async function moveTags(name, digest, tags, env) {
    if (!tags.length)
        return;
    const args = ['buildx', 'imagetools', 'create', ...tags.flatMap(t => ['--tag', `${name}:${t}`]), `${name}@${digest}`];
    try {
        await (0,exec/* runWithRetry */.Mn)('docker', args, { env });
    }
    catch (e) {
        if (e instanceof exec/* CommandError */.Qd)
            throw new Error(`The registry refused to tag ${name}: ${registryMessage(e.result.stderr || e.result.stdout)}`);
        throw e;
    }
}
/** The registry's own words from a docker/buildx error, with a hint for GHCR's missing permission. */
function registryMessage(output) {
    const line = output.trim().split('\n').filter(l => /error|denied|unauthorized|forbidden|refused|failed/i.test(l)).pop() ?? output.trim().split('\n').pop() ?? '';
    const hint = /ghcr\.io/.test(output) && /denied|forbidden|\b403 Forbidden|status[: ]+403\b|permission_denied|write_package/i.test(output)
        ? ' — the workflow needs `permissions: packages: write` (and the package must grant this repository write access)'
        : '';
    return line.replace(/^ERROR:\s*/, '') + hint;
}
async function digestExists(ref, env) {
    const out = await run('docker', ['buildx', 'imagetools', 'inspect', ref, '--format', '{{json .Manifest}}'], { env, allowFailure: true });
    return out.code === 0;
}

// EXTERNAL MODULE: ./src/report/index.ts + 4 modules
var src_report = __webpack_require__(6415);
;// CONCATENATED MODULE: ./src/engine/publish.ts
/**
 * Publishing a plan for real, in order: buildx -> QEMU (only where needed) -> builder -> login (only when
 * pushing) -> one bake for every build -> verify -> move the tags -> read back -> outputs and summary.
 *
 * Atomic tags: the bake pushes content only — by digest (drivers that can), or under a staging tag unique
 * to this run (the docker driver cannot push by digest). No tag a user can see is touched until every
 * build of the run, on every platform, has succeeded and its index is read back from the registry; then
 * a final pass points the tags at those indexes with `imagetools create` (same digest). A failure before
 * that pass leaves every existing tag where it was.
 */
















/** Docker's own config directory for this user (where builders and CLI plugins live). */
function userDockerConfig(env) {
    return env['DOCKER_CONFIG'] || (0,external_node_path_.join)(env['HOME'] || (0,external_node_os_.homedir)(), '.docker');
}
/**
 * The job's own DOCKER_CONFIG: credentials never touch ~/.docker. Builders stay where buildx keeps them
 * (BUILDX_CONFIG), CLI plugins and contexts are linked, so the user's setup is still what runs.
 */
function dockerEnvironment(env, dir) {
    const user = userDockerConfig(env);
    for (const sub of ['cli-plugins', 'contexts']) {
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(user, sub)))
            (0,external_node_fs_.symlinkSync)((0,external_node_path_.join)(user, sub), (0,external_node_path_.join)(dir, sub));
    }
    let currentContext;
    try {
        currentContext = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(user, 'config.json'), 'utf8')).currentContext;
    }
    catch {
        currentContext = undefined;
    }
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'config.json'), JSON.stringify(currentContext ? { currentContext } : {}), { mode: 0o600 });
    return { DOCKER_CONFIG: dir, BUILDX_CONFIG: env['BUILDX_CONFIG'] || (0,external_node_path_.join)(user, 'buildx') };
}
const isLoopback = (host) => /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
/** Which builder runs the bake: the named one, the current one if it can, or one of our own. */
async function chooseBuilder(p, env, report, record) {
    const e = p.inputs.engine;
    const platforms = [...new Set(p.plan.builds.flatMap(b => b.platforms))];
    if (e.builder) {
        const b = await (0,engine_builder/* inspectBuilder */.IK)(env, e.builder);
        report.builder = `using builder ${b.name} (${b.driver} driver), as the builder input asks`;
        return b;
    }
    // both at once: the store only matters for the docker driver, but asking costs less than waiting
    const [current, store] = await Promise.all([(0,engine_builder/* inspectBuilder */.IK)(env), (0,engine_builder/* containerdImageStore */.Gn)(env)]);
    const c8d = current.driver === 'docker' && store;
    const verdict = (0,engine_builder/* canReuse */.fE)(current, platforms, c8d);
    if (verdict.ok) {
        report.builder = verdict.reason;
        return current;
    }
    const name = `multiarch-publish-${(process.env['GITHUB_RUN_ID'] || String(Date.now())).slice(-10)}-${process.pid}`;
    const hostNetwork = p.plan.builds.some(b => b.images.some(i => isLoopback((0,login/* registryOf */.Fv)(i))));
    runner/* info */.pq(`${verdict.reason}: creating a docker-container builder ${name}`);
    record(state/* STATE */.c.builder, name);
    const created = await (0,engine_builder/* createBuilder */.Ij)(env, { name, image: e.buildkitImage || undefined, hostNetwork });
    report.builder = `created docker-container builder ${name}${e.buildkitImage ? ` (${e.buildkitImage})` : ''}: ${verdict.reason}; removed ${record === state/* remember */.k ? 'by the post step' : 'at the end of the run'}`;
    const missing = (0,engine_builder/* canReuse */.fE)(created, platforms, false);
    if (!missing.ok)
        throw new Error(`The new builder ${name} cannot build every platform: ${missing.reason}`);
    return created;
}
/** Which platform of a failed target failed, when the log does not say: each one alone, cache-only. */
async function diagnosePlatform(build, file, env, builder) {
    const failed = [];
    for (const platform of build.platforms) {
        const out = await (0,exec.run)('docker', ['buildx', 'bake', '--file', file, '--progress', 'quiet', ...(builder ? ['--builder', builder] : []), '--set', `${build.id}.platform=${platform}`, '--set', `${build.id}.output=type=cacheonly`, build.id], { env, allowFailure: true, cwd: workspaceDir() });
        if (out.code !== 0)
            failed.push(platform);
    }
    return failed.length ? failed : build.platforms;
}
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
async function publish(p, env, options = {}) {
    if (options.dockerConfig !== 'user')
        return publishRun(p, env, options, state/* remember */.k);
    // a terminal run has no post step: what it would record is undone here, whatever happens
    const made = {};
    try {
        await publishRun(p, env, options, (name, value) => (made[name] = value));
    }
    finally {
        if (Object.keys(made).length)
            await (0,cleanup.cleanup)(name => made[name] ?? '');
    }
}
async function publishRun(p, env, options, record) {
    const { plan, inputs, ctx } = p;
    const e = inputs.engine;
    const load = !!options.load;
    const userConfig = options.dockerConfig === 'user';
    const pushing = plan.push && !load;
    if (plan.builds.some(b => b.images.length === 0)) {
        throw new Error(`${load ? 'No image name to load the build under' : 'Nothing to publish to'}: the images input is empty, so the tags are bare. Name at least one image (or use dry-run: true for the outputs alone).`);
    }
    if ((pushing || load) && plan.builds.some(b => b.tagNames.length === 0)) {
        throw new Error(`No tag was generated for this ${plan.eventName || 'event'} on ${plan.ref || 'no ref'} (check the tags input): nothing would be ${load ? 'loaded' : 'published'}.`);
    }
    checkBuildFiles(plan.builds, workspaceDir() ?? process.cwd());
    for (const s of e.secrets)
        runner/* setSecret */.Pq(s.text.slice(s.text.indexOf('=') + 1));
    if (inputs.githubToken)
        runner/* setSecret */.Pq(inputs.githubToken);
    for (const c of p.credentials)
        runner/* setSecret */.Pq(c.password);
    const report = { qemu: '', builder: '', cache: '', login: '', bakeFile: '', definition: '' };
    const work = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), 'multiarch-publish-'));
    // without a post step the run's own folder (bake file, secrets) goes at its end; the user's config is
    // never recorded, so no cleanup can remove or log out of it
    if (userConfig)
        record(state/* STATE */.c.secretsDir, work);
    let dockerEnv = {};
    if (!userConfig) {
        const dockerConfig = (0,login/* createDockerConfig */.lp)(env['RUNNER_TEMP']);
        record(state/* STATE */.c.dockerConfig, dockerConfig);
        dockerEnv = dockerEnvironment(env, dockerConfig);
        record(state/* STATE */.c.buildxConfig, dockerEnv['BUILDX_CONFIG']);
    }
    // 1. buildx
    const version = await runner/* group */.Os('buildx', () => (0,engine_builder/* buildxVersion */.ry)(dockerEnv));
    runner/* info */.pq(`docker buildx ${version}`);
    // 2. QEMU, only for platforms the host cannot run
    const platforms = [...new Set(plan.builds.flatMap(b => b.platforms))];
    const qemu = planQemu(platforms, (0,platform/* hostPlatform */.ol)(), registeredEmulators(), e.setupQemu);
    report.qemu = qemu.reason;
    runner/* info */.pq(`QEMU: ${qemu.reason}`);
    if (qemu.action === 'install')
        await installQemu(e.qemuImage, qemu.missing, dockerEnv);
    // 3. builder
    const builder = await chooseBuilder(p, dockerEnv, report, record);
    runner/* info */.pq(`Builder: ${report.builder}`);
    const builderArg = e.builder || (builder.name && !builder.name.startsWith('default') ? builder.name : undefined);
    // 4. login, only when something is pushed
    const pushed = pushing && !userConfig ? [...new Set(plan.builds.flatMap(b => b.images))] : [];
    if (userConfig && pushing && p.credentials.length)
        runner/* warning */.$e('registry-auth is not used here: pushing with your own docker logins (docker login).');
    const logins = (0,login/* planLogins */.IB)(pushed, p.credentials, ctx.actor, inputs.githubToken);
    const done = [];
    for (const l of logins) {
        if (l.source === 'none') {
            runner/* warning */.$e(`No credentials for ${l.registry} (add it to registry-auth): pushing without logging in.`);
            continue;
        }
        await (0,login/* login */.iD)(dockerEnv, l);
        done.push(l.registry);
        record(state/* STATE */.c.logins, JSON.stringify(done));
    }
    report.login = !pushing ? 'no login: nothing is pushed' : userConfig ? 'your docker logins (no login of its own)' : done.length ? `logged in to ${done.join(', ')}` : 'no login';
    // 5. one bake for every build
    const cache = cacheSettings(plan, e, builder.driver, env, ctx.defaultBranch);
    // exporting a cache is an upload, and a load never pushes
    if (load && Object.values(cache.to).some(t => t.length)) {
        cache.to = {};
        cache.note += ' (no cache export: nothing is pushed)';
    }
    report.cache = cache.note;
    const secretsDir = (0,external_node_path_.join)(work, 'secrets');
    if (e.secrets.length) {
        (0,external_node_fs_.mkdirSync)(secretsDir, { mode: 0o700 });
        if (!userConfig)
            record(state/* STATE */.c.secretsDir, secretsDir);
    }
    const secrets = e.secrets.map(s => {
        const id = s.text.slice(0, s.text.indexOf('='));
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(secretsDir, id), s.text.slice(s.text.indexOf('=') + 1), { mode: 0o600 });
        return `id=${id},src=${(0,external_node_path_.join)(secretsDir, id)}`;
    });
    const pushByDigest = builder.driver !== 'docker';
    const stagingTag = `mp-staging-${env['GITHUB_RUN_ID'] || Date.now()}-${env['GITHUB_RUN_ATTEMPT'] || '1'}-${ctx.shortSha || 'local'}`.slice(0, 128);
    const settings = { push: pushing, load, pushByDigest, stagingTag, cacheFrom: cache.from, cacheTo: cache.to, secrets, provenance: e.provenance, sbom: e.sbom, noCache: e.noCache, pull: e.pull };
    const definition = bakeDefinition(plan, settings);
    const bakeFile = (0,external_node_path_.join)(work, 'bake.json');
    const metadataFile = (0,external_node_path_.join)(work, 'bake-metadata.json');
    report.definition = JSON.stringify(definition, null, 2);
    report.bakeFile = bakeFile;
    (0,external_node_fs_.writeFileSync)(bakeFile, report.definition + '\n');
    runner/* info */.pq(`Bake definition: ${bakeFile}`);
    const targets = plan.builds.map(b => b.id);
    const imagesOf = Object.fromEntries(plan.builds.map(b => [b.id, b.images]));
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
    const started = Date.now();
    let result = await runner/* group */.Os(`Build ${targets.join(', ')} (${platforms.join(', ')})`, () => bake(bakeFile, metadataFile, dockerEnv, builderArg, [], onLine));
    // A push the registry failed for a transient reason (5xx, a reset connection) is tried again: the
    // builds are cached, so only the upload repeats. A failed build step, or a refusal, is not.
    for (let attempt = 2; result.code !== 0 && attempt <= 3; attempt++) {
        const output = lines.join('\n');
        const failures = parseFailures(lines, targets, imagesOf);
        if (failures.some(f => f.kind === 'build') || !(0,exec/* isTransient */.dg)(output))
            break;
        const delay = 2000 * 2 ** (attempt - 2);
        runner/* warning */.$e(`The push failed with a transient registry error (${registryMessage(output)}); retrying in ${delay / 1000} s (attempt ${attempt} of 3)`);
        await new Promise(r => setTimeout(r, delay));
        lines.length = 0;
        vertexTarget.clear(); // the new bake numbers its steps afresh
        result = await bake(bakeFile, metadataFile, dockerEnv, builderArg, [], onLine);
    }
    const buildSeconds = (Date.now() - started) / 1000;
    if (result.code !== 0) {
        const failures = parseFailures(lines, targets, imagesOf);
        if (!failures.length)
            throw new Error(`The build or push failed: ${registryMessage(lines.join('\n'))}. No tag was moved.`);
        const messages = [];
        for (const f of failures) {
            const build = plan.builds.find(b => b.id === f.target);
            const name = build ? build.images.join(', ') : f.target || 'one of the images';
            let message;
            if (f.kind === 'push') {
                message = `Pushing ${name} failed: ${registryMessage(f.error)}`;
            }
            else {
                // a step of every platform (`[x internal] load build definition`) needs no per-platform diagnosis
                const shared = /^\[\S+ internal\]/.test(f.step);
                const where = f.platform ? [f.platform] : build && build.platforms.length > 1 && !shared ? await diagnosePlatform(build, bakeFile, dockerEnv, builderArg) : (build?.platforms ?? []);
                message = `Build of ${name} failed on ${where.join(', ') || 'its platform'}: ${f.error}`;
            }
            messages.push(message);
            runner/* group */.Os(`BuildKit log of the failed step (${f.target || 'unknown target'})`, () => runner/* info */.pq(f.log.join('\n')));
            runner/* error */.z3(message, { title: `${f.kind === 'push' ? 'Push' : 'Build'} failed: ${f.target || name}` });
        }
        if (inputs.summary)
            (0,src_report/* writeSummary */.Sy)((0,src_report/* publishSummary */.Iv)(plan, report, [], messages, buildSeconds), env);
        const failed = failures.map(f => plan.builds.find(b => b.id === f.target)?.images.join(', ') || f.target || 'an image');
        throw new Error(`Nothing was tagged: ${failed.join('; ')} failed (see the errors above). Every existing tag was left where it was.`);
    }
    const metadata = (0,external_node_fs_.existsSync)(metadataFile) ? JSON.parse((0,external_node_fs_.readFileSync)(metadataFile, 'utf8')) : {};
    const results = [];
    for (const b of plan.builds) {
        const digest = String(metadata[b.id]?.['containerimage.digest'] ?? '');
        const span = spans.get(b.id);
        results.push({ build: b, digest, images: [], seconds: span ? (span.last - span.first) / 1000 : buildSeconds });
    }
    if (load) {
        for (const b of plan.builds)
            runner/* info */.pq(`Loaded ${b.tags.join(', ')} (${b.platforms.join(', ')}) into the local image store`);
    }
    if (pushing) {
        // 6. verify: every build's index is in the registry with every platform, before any tag moves
        await Promise.all(results.map(async (r) => {
            if (!r.digest)
                throw new Error(`buildx reported no digest for ${r.build.images.join(', ')}; no tag was moved.`);
            r.images = await Promise.all(r.build.images.map(name => inspectImage(name, `${name}@${r.digest}`, dockerEnv)));
            for (const staged of r.images) {
                const missing = r.build.platforms.filter(pl => !staged.platforms.some(x => x.platform === pl));
                if (missing.length)
                    throw new Error(`${staged.name}@${r.digest} lacks ${missing.join(', ')} in the registry; no tag was moved.`);
            }
        }));
        // 7. the final pass: move the tags
        await runner/* group */.Os('Tags', () => Promise.all(results.flatMap(r => r.build.images.map(async (name) => {
            await moveTags(name, r.digest, r.build.tagNames, dockerEnv);
            runner/* info */.pq(`${name}: ${r.build.tagNames.join(', ')} -> ${r.digest}`);
        }))));
        // 8. read back: each image's tags now resolve to the verified index (same digest, so the same platforms)
        await Promise.all(results.flatMap(r => r.build.images.map(async (name) => {
            const ref = `${name}:${r.build.tagNames[0]}`;
            let digest;
            try {
                digest = await resolveDigest(ref, dockerEnv);
            }
            catch (err) {
                runner/* warning */.$e(`Published, but reading ${ref} back failed: ${err.message}`);
                return;
            }
            if (digest !== r.digest)
                throw new Error(`${ref} resolves to ${digest}, not to the index just pushed (${r.digest}): another run moved it meanwhile?`);
        })));
    }
    if (userConfig)
        return; // no runner to take outputs or a summary
    (0,src_report/* writeOutputs */.Kn)(publishOutputs(results, metadata), env);
    if (inputs.summary)
        (0,src_report/* writeSummary */.Sy)((0,src_report/* publishSummary */.Iv)(plan, report, results, [], buildSeconds), env);
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
