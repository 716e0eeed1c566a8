export const id = 176;
export const ids = [176,65];
export const modules = {

/***/ 16176:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54583);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49065);
/**
 * The post step: undoes what main set up (logins, builder, credentials directory), even after a failure.
 * Whatever goes wrong here is a warning: the post step never fails a job whose main step succeeded.
 */


async function runPost() {
    try {
        const { cleanup } = await Promise.all(/* import() */[__webpack_require__.e(105), __webpack_require__.e(828), __webpack_require__.e(757), __webpack_require__.e(504)]).then(__webpack_require__.bind(__webpack_require__, 15504));
        await cleanup(_state_js__WEBPACK_IMPORTED_MODULE_1__/* .recall */ .I9);
    }
    catch (e) {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Cleaning up failed: ${e instanceof Error ? e.message : String(e)}`);
    }
}


/***/ }),

/***/ 49065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I9: () => (/* binding */ recall),
/* harmony export */   c4: () => (/* binding */ STATE),
/* harmony export */   kY: () => (/* binding */ remember)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54583);
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
