export const id = 718;
export const ids = [718,175];
export const modules = {

/***/ 27718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31949);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33175);
/**
 * The post step: undoes what main set up (logins, builder, credentials directory), even after a failure.
 * Whatever goes wrong here is a warning: the post step never fails a job whose main step succeeded.
 */


async function runPost() {
    try {
        const { cleanup } = await Promise.all(/* import() */[__webpack_require__.e(353), __webpack_require__.e(764), __webpack_require__.e(861), __webpack_require__.e(234)]).then(__webpack_require__.bind(__webpack_require__, 80234));
        await cleanup(_state_js__WEBPACK_IMPORTED_MODULE_1__/* .recall */ .I9);
    }
    catch (e) {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Cleaning up failed: ${e instanceof Error ? e.message : String(e)}`);
    }
}


/***/ }),

/***/ 33175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I9: () => (/* binding */ recall),
/* harmony export */   c4: () => (/* binding */ STATE),
/* harmony export */   kY: () => (/* binding */ remember)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31949);
/** What main leaves for the post step to undo: one place for the state's names. */

const STATE = {
    dockerConfig: 'dockerConfig',
    buildxConfig: 'buildxConfig',
    logins: 'logins',
    builder: 'builder',
    secretsDir: 'secretsDir',
    /** The run's work directory (bake file, its metadata, OCI layouts): RUNNER_TEMP/multiarch-publish-XXXXXX. */
    workDir: 'workDir',
    /** The metadata-action-compatible bake files (the `bake-file*` outputs): RUNNER_TEMP/multiarch-publish-bake-XXXXXX. */
    bakeFilesDir: 'bakeFilesDir'
};
function remember(name, value) {
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(name, value);
}
function recall(name) {
    return _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(name);
}


/***/ })

};
