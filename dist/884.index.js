export const id = 884;
export const ids = [884];
export const modules = {

/***/ 5504:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cleanup: () => (/* binding */ cleanup)
/* harmony export */ });
/* unused harmony exports POST_DOCKER_TIMEOUT_MS, OWN_BUILDER, refuseDirectory */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4583);
/* harmony import */ var _action_state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9065);
/* harmony import */ var _buildx_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2190);
/* harmony import */ var _login_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5845);
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

/***/ 6394:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   FL: () => (/* binding */ parsePlatform),
/* harmony export */   Ng: () => (/* binding */ platformKey),
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
/**
 * The platform without its default variant (`linux/arm64/v8` and `linux/arm64` are one platform to
 * BuildKit and registries, so are `linux/amd64/v1` and `linux/amd64`), for comparing two spellings.
 */
function platformKey(text) {
    const p = parsePlatform(text);
    const isDefault = (p.arch === 'arm64' && (p.variant === 'v8' || p.variant === 'v8.0')) || (p.arch === 'amd64' && p.variant === 'v1');
    return formatPlatform(isDefault ? { os: p.os, arch: p.arch } : p);
}


/***/ }),

/***/ 9948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Em: () => (/* binding */ registryDomain),
/* harmony export */   Ew: () => (/* binding */ canonicalName),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   gr: () => (/* binding */ isDockerHub),
/* harmony export */   r_: () => (/* binding */ isValidTag)
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
/** Docker Hub's other spellings: `index.docker.io/acme/app` is the repository `docker.io/acme/app`. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** True for a registry domain that is Docker Hub (`docker.io`, `index.docker.io`, `registry-1.docker.io`), any case. */
function isDockerHub(domain) {
    return DOCKER_HUB.has(domain.toLowerCase());
}
/**
 * The canonical form of an image name (without tag or digest), as Docker resolves it: lowercase, with
 * its registry domain (`docker.io` when it names none, and for Docker Hub's other spellings), and
 * Docker Hub's official images under `library/`: `App` -> `docker.io/library/app`, `acme/app` and
 * `index.docker.io/acme/app` -> `docker.io/acme/app`, `GHCR.io/Acme/App` -> `ghcr.io/acme/app`.
 */
function canonicalName(name) {
    const lower = name.toLowerCase();
    const domain = registryDomain(lower);
    const path = domain === undefined ? lower : lower.slice(domain.length + 1);
    if (domain !== undefined && !DOCKER_HUB.has(domain))
        return `${domain}/${path}`;
    return `docker.io/${path.includes('/') ? path : `library/${path}`}`;
}
// The grammar of distribution/reference (reference.go), anchored: [domain/]path[:tag][@digest].
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const TAG_ONLY = new RegExp(`^${TAG}$`);
/** A tag as a registry takes it: a letter, digit or `_`, then up to 127 letters, digits, `_`, `.` and `-`. */
function isValidTag(tag) {
    return TAG_ONLY.test(tag);
}
/**
 * An image reference as docker takes it (`tonistiigi/binfmt:latest`, `moby/buildkit@sha256:...`), or
 * undefined: anything else (a leading `-`, a `,` or `=`, whitespace, upper case in the path) is not one.
 */
function parseReference(ref) {
    const m = REFERENCE.exec(ref);
    if (!m || m[1].length > 255)
        return undefined;
    return { name: m[1], ...(m[2] ? { tag: m[2] } : {}), ...(m[3] ? { digest: m[3] } : {}) };
}


/***/ })

};
