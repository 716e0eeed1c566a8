export const id = 175;
export const ids = [175];
export const modules = {

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
