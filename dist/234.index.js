export const id = 234;
export const ids = [234];
export const modules = {

/***/ 234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cleanup: () => (/* binding */ cleanup)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4813);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1599);
/**
 * The post step's work: log out of every registry main logged in to, remove the builder main created,
 * and delete the credentials directory and the secrets, even when main failed half-way.
 */



async function cleanup(getState) {
    const dockerConfig = getState(_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.dockerConfig);
    const buildxConfig = getState(_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.buildxConfig);
    const builder = getState(_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.builder);
    const secretsDir = getState(_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.secretsDir);
    let logins = [];
    try {
        logins = JSON.parse(getState(_state_js__WEBPACK_IMPORTED_MODULE_2__/* .STATE */ .c.logins) || '[]');
    }
    catch {
        logins = [];
    }
    if (!dockerConfig && !builder && !secretsDir) {
        _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq('Nothing to clean up.');
        return;
    }
    const env = { ...(dockerConfig ? { DOCKER_CONFIG: dockerConfig } : {}), ...(buildxConfig ? { BUILDX_CONFIG: buildxConfig } : {}) };
    const { logout } = await __webpack_require__.e(/* import() */ 163).then(__webpack_require__.bind(__webpack_require__, 9544));
    for (const registry of logins) {
        if (dockerConfig && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dockerConfig)) {
            await logout(env, registry);
            _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Logged out of ${registry}`);
        }
    }
    if (builder) {
        const { removeBuilder } = await __webpack_require__.e(/* import() */ 985).then(__webpack_require__.bind(__webpack_require__, 5985));
        await removeBuilder(env, builder);
        _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Removed builder ${builder}`);
    }
    for (const dir of [secretsDir, dockerConfig]) {
        if (dir) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
            _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Removed ${dir}`);
        }
    }
}


/***/ }),

/***/ 1599:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ STATE),
/* harmony export */   k: () => (/* binding */ remember)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4813);
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


/***/ })

};
