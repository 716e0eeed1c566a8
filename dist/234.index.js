export const id = 234;
export const ids = [234,293];
export const modules = {

/***/ 5385:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const SemVer = __webpack_require__(7163)
const parse = __webpack_require__(6353)
const { safeRe: re, t } = __webpack_require__(5471)

const coerce = (version, options) => {
  if (version instanceof SemVer) {
    return version
  }

  if (typeof version === 'number') {
    version = String(version)
  }

  if (typeof version !== 'string') {
    return null
  }

  options = options || {}

  let match = null
  if (!options.rtl) {
    match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE])
  } else {
    // Find the right-most coercible string that does not share
    // a terminus with a more left-ward coercible string.
    // Eg, '1.2.3.4' wants to coerce '2.3.4', not '3.4' or '4'
    // With includePrerelease option set, '1.2.3.4-rc' wants to coerce '2.3.4-rc', not '2.3.4'
    //
    // Walk through the string checking with a /g regexp
    // Manually set the index so as to pick up overlapping matches.
    // Stop when we get a match that ends at the string end, since no
    // coercible string can be more right-ward without the same terminus.
    const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL]
    let next
    while ((next = coerceRtlRegex.exec(version)) &&
        (!match || match.index + match[0].length !== version.length)
    ) {
      if (!match ||
            next.index + next[0].length !== match.index + match[0].length) {
        match = next
      }
      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length
    }
    // leave it in a clean state
    coerceRtlRegex.lastIndex = -1
  }

  if (match === null) {
    return null
  }

  const major = match[2]
  const minor = match[3] || '0'
  const patch = match[4] || '0'
  const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : ''
  const build = options.includePrerelease && match[6] ? `+${match[6]}` : ''

  return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options)
}
module.exports = coerce


/***/ }),

/***/ 8469:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const SemVer = __webpack_require__(7163)
const compare = (a, b, loose) =>
  new SemVer(a, loose).compare(new SemVer(b, loose))

module.exports = compare


/***/ }),

/***/ 1236:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const compare = __webpack_require__(8469)
const gte = (a, b, loose) => compare(a, b, loose) >= 0
module.exports = gte


/***/ }),

/***/ 5985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E7: () => (/* binding */ parseInspect),
/* harmony export */   Og: () => (/* binding */ createArgs),
/* harmony export */   Ou: () => (/* binding */ parseBuildxVersion),
/* harmony export */   fE: () => (/* binding */ canReuse),
/* harmony export */   q4: () => (/* binding */ MIN_BUILDX),
/* harmony export */   vF: () => (/* binding */ isContainerdStore),
/* harmony export */   zy: () => (/* binding */ versionAtLeast)
/* harmony export */ });
/* unused harmony export missingPlatforms */
/* harmony import */ var semver_functions_coerce_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5385);
/* harmony import */ var semver_functions_coerce_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver_functions_coerce_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var semver_functions_gte_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1236);
/* harmony import */ var semver_functions_gte_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(semver_functions_gte_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _lib_platform_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6728);
/**
 * The BuildKit builder, as buildx describes it: pure parsing of `docker buildx version` and
 * `docker buildx inspect`, and the verdict whether a builder can do the job. Running those commands is
 * the seam's (buildx.ts).
 */



const MIN_BUILDX = '0.12.0';
/** `github.com/docker/buildx v0.19.3 abc` or `github.com/docker/buildx 0.19.3+ds1 ...` -> `0.19.3`. */
function parseBuildxVersion(output) {
    return /\bv?(\d+\.\d+\.\d+)/.exec(output)?.[1];
}
/** semver's comparison; a version without a patch (`0.12`) counts as `.0`. */
function versionAtLeast(version, min) {
    const v = semver_functions_coerce_js__WEBPACK_IMPORTED_MODULE_0___default()(version);
    return !!v && semver_functions_gte_js__WEBPACK_IMPORTED_MODULE_1___default()(v, min);
}
function field(block, name) {
    return new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(block)?.[1].trim() ?? '';
}
function platformList(text) {
    // buildx marks the platforms a node was configured with (`--platform`) with `*`
    return text
        .split(',')
        .map(p => p.trim().replace(/\*$/, ''))
        .filter(Boolean);
}
/**
 * Every node of `docker buildx inspect`: a builder made with `--append` (a native arm64 machine next to
 * an amd64 one) builds what its nodes build together. Nodes that are not running build nothing, though
 * buildx still lists their configured platforms.
 */
function parseInspect(output) {
    const text = output.replace(/\r\n/g, '\n');
    const at = /^Nodes:[ \t]*$/m.exec(text);
    const head = at ? text.slice(0, at.index) : text;
    const body = at ? text.slice(at.index + at[0].length) : '';
    const nodes = body
        .split(/^(?=Name:)/m)
        .filter(b => /^Name:/.test(b))
        .map(b => ({ name: field(b, 'Name'), endpoint: field(b, 'Endpoint'), status: field(b, 'Status'), platforms: platformList(field(b, 'Platforms')) }));
    // old buildx without a Nodes: heading: the one node's fields are in the head
    if (!at && field(head, 'Platforms'))
        nodes.push({ name: field(head, 'Name'), endpoint: field(head, 'Endpoint'), status: field(head, 'Status'), platforms: platformList(field(head, 'Platforms')) });
    const platforms = [...new Set(nodes.filter(n => !n.status || n.status === 'running').flatMap(n => n.platforms))];
    return { name: field(head, 'Name'), driver: field(head, 'Driver'), nodes, platforms };
}
function normalise(p) {
    try {
        const platform = (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePlatform */ .FL)(p);
        // arm64 is v8 unless said otherwise: linux/arm64/v8 is what a builder lists as linux/arm64
        if (platform.arch === 'arm64' && platform.variant === 'v8')
            delete platform.variant;
        return (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPlatform */ .Bq)(platform);
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
/** `, nodes a (linux/amd64) + b (linux/arm64)` for a builder of several nodes, else nothing. */
function nodesNote(builder, platforms) {
    if (builder.nodes.length < 2)
        return '';
    const wanted = new Set(platforms.map(normalise));
    const parts = builder.nodes
        .filter(n => n.status === 'running')
        .map(n => {
        const mine = n.platforms.map(normalise).filter(p => wanted.has(p));
        return `${n.name}${mine.length ? ` (${mine.join(', ')})` : ''}`;
    });
    return `, nodes ${parts.join(' + ')}`;
}
/** Pure: whether the current builder will do, and why (not). */
function canReuse(builder, platforms, containerdStore) {
    const missing = missingPlatforms(builder, platforms);
    if (missing.length) {
        const down = builder.nodes.filter(n => n.status && n.status !== 'running').map(n => `${n.name} is ${n.status}`);
        return { ok: false, reason: `builder ${builder.name} (${builder.driver}) cannot build ${missing.join(', ')}${down.length ? ` (node ${down.join(', node ')})` : ''}` };
    }
    if (builder.driver === 'docker' && platforms.length > 1 && !containerdStore) {
        return { ok: false, reason: `builder ${builder.name} uses the docker driver without the containerd image store, which cannot push multi-platform images` };
    }
    return { ok: true, reason: `reusing builder ${builder.name} (${builder.driver} driver${builder.driver === 'docker' && containerdStore ? ', containerd image store' : ''}${nodesNote(builder, platforms)}): it builds ${platforms.join(', ')}` };
}
/** `docker info --format '{{json .DriverStatus}}'` of a daemon whose images live in containerd. */
function isContainerdStore(driverStatus) {
    return /io\.containerd\.snapshotter/.test(driverStatus);
}
/** The argument array of `docker buildx create` for a builder of our own. */
function createArgs(o) {
    const args = ['buildx', 'create', `--name=${o.name}`, '--driver', 'docker-container'];
    if (o.image)
        args.push('--driver-opt', `image=${o.image}`);
    if (o.hostNetwork)
        args.push('--driver-opt', 'network=host');
    if (o.configFile)
        args.push(`--config=${o.configFile}`); // --buildkitd-config in newer buildx; --config is accepted by all
    args.push('--bootstrap');
    return args;
}


/***/ }),

/***/ 8152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ Buildx)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1293);
/* harmony import */ var _builder_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5985);
/* harmony import */ var _qemu_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1868);
/**
 * THE engine seam: every docker and buildx command of a run goes through one object of this type,
 * created once per run and handed to the steps that need it. Unit tests pass a fake fed with output
 * captured from the real engine (__tests__/fixtures/engine); `Buildx` is the real one, over the exec
 * layer (argument arrays, redacted logs, retries of transient registry errors).
 */




/** The server argument of login/logout, after `--` (docker.io has none: docker's default). */
const DOCKER_HUB = (registry) => (registry === 'docker.io' ? [] : ['--', registry]);
class Buildx {
    env;
    cwd;
    binfmtDir;
    exec;
    constructor(o = {}) {
        this.env = o.env ?? {};
        this.cwd = o.cwd;
        this.binfmtDir = o.binfmtDir;
        this.exec = o.exec ?? { run: _exec_js__WEBPACK_IMPORTED_MODULE_1__.run, runWithRetry: _exec_js__WEBPACK_IMPORTED_MODULE_1__/* .runWithRetry */ .Mn };
    }
    docker(args, opts = {}) {
        return this.exec.run('docker', args, { env: this.env, ...opts });
    }
    async version() {
        const out = await this.docker(['buildx', 'version'], { allowFailure: true });
        if (out.code !== 0) {
            throw new Error(`docker buildx is not available (${(out.stderr || out.stdout).trim() || 'no output'}): install the buildx plugin (docker/setup-buildx-action does) or use a runner that has it`);
        }
        return out.stdout;
    }
    async inspectBuilder(name) {
        // `--` before every positional argument: a value that starts with `-` is never taken for a flag
        const at = name ? ['--', name] : [];
        const booted = await this.docker(['buildx', 'inspect', '--bootstrap', ...at], { allowFailure: true });
        if (booted.code === 0)
            return (0,_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .parseInspect */ .E7)(booted.stdout);
        // A node that cannot boot fails --bootstrap for the whole builder; without it, buildx still
        // says which nodes run, and the verdict is then made on those.
        const plain = await this.docker(['buildx', 'inspect', ...at], { allowFailure: true });
        if (plain.code !== 0)
            throw new _exec_js__WEBPACK_IMPORTED_MODULE_1__/* .CommandError */ .Qd(`docker buildx inspect --bootstrap${name ? ` ${name}` : ''}`, booted);
        return (0,_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .parseInspect */ .E7)(plain.stdout);
    }
    async createBuilder(o) {
        await this.docker((0,_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .createArgs */ .Og)(o), { stream: true });
        return this.inspectBuilder(o.name);
    }
    async removeBuilder(name) {
        const out = await this.docker(['buildx', 'rm', '--force', '--', name], { allowFailure: true });
        // gone already (main failed while creating it) is what removing wanted
        if (out.code !== 0 && !/no builder .* found|not found/i.test(out.stderr + out.stdout))
            throw new _exec_js__WEBPACK_IMPORTED_MODULE_1__/* .CommandError */ .Qd(`docker buildx rm --force ${name}`, out);
    }
    async containerdImageStore() {
        const out = await this.docker(['info', '--format', '{{json .DriverStatus}}'], { allowFailure: true });
        return (0,_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .isContainerdStore */ .vF)(out.stdout);
    }
    async registeredEmulators() {
        return (0,_qemu_js__WEBPACK_IMPORTED_MODULE_3__/* .registeredEmulators */ .Nr)(this.binfmtDir);
    }
    async installEmulators(image, arches) {
        await this.docker(['run', '--privileged', '--rm', '--', image, '--install', arches.join(',')], { stream: true });
    }
    async bake(o) {
        // flag values joined with `=` (or made by the action: --set target.key=value) and targets after `--`:
        // nothing a user wrote can become a flag
        const args = ['buildx', 'bake', `--file=${o.file}`, `--progress=${o.progress}`, ...(o.metadataFile ? [`--metadata-file=${o.metadataFile}`] : []), ...(o.builder ? [`--builder=${o.builder}`] : []), ...(o.set ?? []).flatMap(s => ['--set', s]), ...(o.targets?.length ? ['--', ...o.targets] : [])];
        const out = await this.docker(args, { allowFailure: true, stream: o.progress === 'plain', onLine: o.onLine, cwd: this.cwd });
        const metadata = out.code === 0 && o.metadataFile && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(o.metadataFile) ? JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(o.metadataFile, 'utf8')) : {};
        return { code: out.code, metadata };
    }
    async imagetoolsInspect(ref, format) {
        const out = await this.exec.runWithRetry('docker', ['buildx', 'imagetools', 'inspect', ...(format === 'raw' ? ['--raw'] : [`--format=${format}`]), '--', ref], { env: this.env });
        return JSON.parse(out.stdout);
    }
    async imagetoolsCreate(tags, source) {
        await this.exec.runWithRetry('docker', ['buildx', 'imagetools', 'create', ...tags.map(t => `--tag=${t}`), '--', source], { env: this.env });
    }
    async login(registry, username, password) {
        await this.exec.runWithRetry('docker', ['login', `--username=${username}`, '--password-stdin', ...DOCKER_HUB(registry)], { env: this.env, input: password });
    }
    async logout(registry) {
        await this.docker(['logout', ...DOCKER_HUB(registry)]);
    }
}


/***/ }),

/***/ 234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cleanup: () => (/* binding */ cleanup)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1949);
/* harmony import */ var _action_state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3175);
/* harmony import */ var _buildx_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8152);
/**
 * Undoing what main recorded: log out of every registry it logged in to, remove the builder it created,
 * and delete the credentials directory and the secrets, even when main failed half-way. Each failure is
 * a warning and the rest still runs: cleaning up never fails a job whose work succeeded.
 */




async function cleanup(getState, makeBuildx = env => new _buildx_js__WEBPACK_IMPORTED_MODULE_3__/* .Buildx */ .F({ env })) {
    const result = { loggedOut: [], removedDirs: [], warnings: [] };
    const warn = (what, e) => {
        const message = `${what}: ${e instanceof Error ? e.message : String(e)}`;
        result.warnings.push(message);
        _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(message);
    };
    const dockerConfig = getState(_action_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c4.dockerConfig);
    const buildxConfig = getState(_action_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c4.buildxConfig);
    const builder = getState(_action_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c4.builder);
    const secretsDir = getState(_action_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c4.secretsDir);
    let logins = [];
    try {
        const parsed = JSON.parse(getState(_action_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c4.logins) || '[]');
        logins = Array.isArray(parsed) ? parsed.map(String) : [];
    }
    catch (e) {
        warn('The recorded logins could not be read', e);
    }
    if (!dockerConfig && !builder && !secretsDir) {
        _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq('Nothing to clean up.');
        return result;
    }
    const buildx = makeBuildx({ ...(dockerConfig ? { DOCKER_CONFIG: dockerConfig } : {}), ...(buildxConfig ? { BUILDX_CONFIG: buildxConfig } : {}) });
    // a missing config directory holds no credentials to log out of
    if (dockerConfig && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dockerConfig)) {
        for (const registry of logins) {
            try {
                await buildx.logout(registry);
                result.loggedOut.push(registry);
                _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Logged out of ${registry}`);
            }
            catch (e) {
                warn(`Logging out of ${registry} failed`, e);
            }
        }
    }
    if (builder) {
        try {
            await buildx.removeBuilder(builder);
            result.removedBuilder = builder;
            _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Removed builder ${builder}`);
        }
        catch (e) {
            warn(`Removing builder ${builder} failed (remove it with \`docker buildx rm ${builder}\`)`, e);
        }
    }
    for (const dir of [secretsDir, dockerConfig]) {
        if (!dir)
            continue;
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
            result.removedDirs.push(dir);
            _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Removed ${dir}`);
        }
        catch (e) {
            warn(`Removing ${dir} failed`, e);
        }
    }
    return result;
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
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1949);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1986);
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
    // none starts once the run is cancelled, and those running are then stopped (engine/cancel.ts)
    const done = _cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .cancellation */ .WN.track();
    const out = await getExecOutput(cmd, args, {
        silent: true,
        ignoreReturnCode: true,
        env,
        cwd: opts.cwd,
        input: opts.input !== undefined ? Buffer.from(opts.input) : undefined,
        listeners: { stdline: onLine, errline: onLine }
    }).finally(done);
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

/***/ 1868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AU: () => (/* binding */ planQemu),
/* harmony export */   Nr: () => (/* binding */ registeredEmulators)
/* harmony export */ });
/* unused harmony export emulatorName */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _lib_platform_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6728);
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
/** Emulators binfmt_misc has and enables (entries like `qemu-aarch64`); the seam's read of the host. */
function registeredEmulators(dir = '/proc/sys/fs/binfmt_misc') {
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir);
    }
    catch {
        return [];
    }
    return names.filter(n => {
        if (!n.startsWith('qemu-'))
            return false;
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`${dir}/${n}`, 'utf8').split('\n')[0].trim() === 'enabled';
        }
        catch {
            return false;
        }
    }).map(n => n.slice('qemu-'.length));
}
/** The binfmt_misc entry name (without `qemu-`) of an OCI architecture's emulator. */
function emulatorName(arch) {
    return QEMU_NAME[arch] ?? arch;
}
/** Pure: the QEMU work for these platforms on this host, given the emulators already registered. */
function planQemu(platforms, host, registered, mode) {
    const archs = [...new Set(platforms.map(p => (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePlatform */ .FL)(p).arch))];
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


/***/ })

};
