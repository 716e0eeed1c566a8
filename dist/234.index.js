export const id = 234;
export const ids = [234];
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


/***/ })

};
