export const id = 489;
export const ids = [489];
export const modules = {

/***/ 489:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publish: () => (/* binding */ publish)
/* harmony export */ });
async function publish(_p, _env) {
    throw new Error('Publishing is not available yet: run with dry-run: true.');
}


/***/ })

};
