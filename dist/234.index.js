export const id = 234;
export const ids = [234];
export const modules = {

/***/ 234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cleanup: () => (/* binding */ cleanup)
/* harmony export */ });
/** Undoes what the engine recorded in the step's state. Filled in by the publishing engine. */
async function cleanup(_getState) { }


/***/ })

};
