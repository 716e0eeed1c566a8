export const id = 234;
export const ids = [234,293];
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

/***/ 6728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   FL: () => (/* binding */ parsePlatform),
/* harmony export */   ol: () => (/* binding */ hostPlatform),
/* harmony export */   tM: () => (/* binding */ splitPlatforms)
/* harmony export */ });
/** Platforms (`os/arch[/variant]`): validation with helpful messages, normalisation, and the host's own. */
const OSES = ['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'aix', 'plan9', 'js', 'wasip1'];
const ARCHES = ['amd64', 'arm64', 'arm', '386', 'ppc64le', 'ppc64', 's390x', 'riscv64', 'mips64le', 'mips64', 'mipsle', 'mips', 'loong64', 'wasm'];
const VARIANTS = {
    arm: ['v5', 'v6', 'v7', 'v8'],
    arm64: ['v8', 'v8.0', 'v8.1', 'v8.2', 'v8.3', 'v8.4', 'v8.5', 'v8.6', 'v8.7', 'v8.8', 'v8.9', 'v9', 'v9.0', 'v9.1', 'v9.2', 'v9.3', 'v9.4', 'v9.5'],
    amd64: ['v1', 'v2', 'v3', 'v4']
};
function closest(word, candidates) {
    const dist = (a, b) => {
        const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
        for (let j = 1; j <= b.length; j++)
            d[0][j] = j;
        for (let i = 1; i <= a.length; i++)
            for (let j = 1; j <= b.length; j++)
                d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        return d[a.length][b.length];
    };
    const best = candidates.map(c => [c, dist(word, c)]).sort((x, y) => x[1] - y[1])[0];
    return best && best[1] <= 2 ? best[0] : undefined;
}
/** Parses one platform; throws an Error whose message says what is wrong and suggests a fix. */
function parsePlatform(text) {
    const parts = text.trim().split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some(p => p === '')) {
        throw new Error(`"${text}" is not a platform (os/arch or os/arch/variant, e.g. linux/amd64, linux/arm/v7)`);
    }
    const [os, arch, variant] = parts.map(p => p.toLowerCase());
    if (!OSES.includes(os)) {
        const hint = closest(os, OSES);
        throw new Error(`unknown operating system "${os}" in platform "${text}"${hint ? ` (did you mean ${hint}?)` : ''}`);
    }
    if (!ARCHES.includes(arch)) {
        const hint = closest(arch, ARCHES);
        throw new Error(`unknown architecture "${arch}" in platform "${text}"${hint ? ` (did you mean ${os}/${hint}?)` : ''}`);
    }
    if (variant !== undefined && !(VARIANTS[arch] ?? []).includes(variant)) {
        throw new Error(`unknown variant "${variant}" for ${arch} in platform "${text}"${VARIANTS[arch] ? ` (one of ${VARIANTS[arch].join(', ')})` : ''}`);
    }
    return { os, arch, ...(variant ? { variant } : {}) };
}
function formatPlatform(p) {
    return [p.os, p.arch, p.variant].filter(Boolean).join('/');
}
/** Splits a platform list written with commas, semicolons, spaces or newlines. */
function splitPlatforms(text) {
    return text
        .split(/[\s,;]+/)
        .map(s => s.trim())
        .filter(Boolean);
}
/** The platform this process runs on natively, in OCI terms. */
function hostPlatform(nodeArch = process.arch) {
    const map = {
        x64: { os: 'linux', arch: 'amd64' },
        arm64: { os: 'linux', arch: 'arm64' },
        arm: { os: 'linux', arch: 'arm', variant: 'v7' },
        ia32: { os: 'linux', arch: '386' },
        ppc64: { os: 'linux', arch: 'ppc64le' },
        s390x: { os: 'linux', arch: 's390x' },
        riscv64: { os: 'linux', arch: 'riscv64' },
        loong64: { os: 'linux', arch: 'loong64' }
    };
    return map[nodeArch] ?? { os: 'linux', arch: nodeArch };
}


/***/ }),

/***/ 2470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ registryDomain)
/* harmony export */ });
/** Image references: the one rule for whether a name starts with a registry domain. */
/**
 * The registry domain a name starts with, or undefined: the first `/`-separated component when it holds
 * a `.` or a `:` or is `localhost` (Docker's rule: `org/app` is on docker.io, `ghcr.io/org/app` is not).
 */
function registryDomain(name) {
    const slash = name.indexOf('/');
    if (slash < 0)
        return undefined;
    const first = name.slice(0, slash);
    return /[.:]|^localhost$/.test(first) ? first : undefined;
}


/***/ })

};
