export const id = 718;
export const ids = [718];
export const modules = {

/***/ 7718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5242);
/** The post step: undoes what main set up (logins, builder, credentials directory), even after a failure. */

async function runPost() {
    const { cleanup } = await __webpack_require__.e(/* import() */ 234).then(__webpack_require__.bind(__webpack_require__, 234));
    await cleanup(_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu);
}


/***/ })

};
