export const id = 806;
export const ids = [806];
export const modules = {

/***/ 12806:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPrune: () => (/* binding */ runPrune)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31949);
/* harmony import */ var _pipeline_inputs_modes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64510);
/**
 * `mode: prune` from the action (engine/prune.ts): `images` names the packages, `keep`, `keep-tags`,
 * `older-than` and `delete-untagged` what stays. A dry run unless `dry-run: false`. Nothing is built;
 * the inputs that decide a build are not read.
 */


async function runPrune(prepared, env) {
    const unwritable = _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .unwritableRunnerFiles */ .zU(['GITHUB_OUTPUT', 'GITHUB_ENV', ...(prepared.inputs.summary ? ['GITHUB_STEP_SUMMARY'] : [])], env);
    if (unwritable.length)
        throw new Error(`${unwritable.join(' ')} Nothing was logged in to, read or deleted.`);
    // the build plan's policy verdict and version are not this mode's
    for (const w of [...(0,_pipeline_inputs_modes_js__WEBPACK_IMPORTED_MODULE_1__/* .checkModeSupport */ .r)(prepared.inputs, false), ...prepared.warnings.filter(w => !w.startsWith('Tag policy: '))])
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(w);
    const r = prepared.inputs.prune;
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Pruning ${[...new Set(prepared.plan.builds.flatMap(b => b.images))].join(', ')}: keep the ${r.keep} most recent${r.olderThan ? `, delete only what is older than ${r.olderThan.text}` : ''}${r.deleteUntagged ? ', untagged manifests too' : ''}${prepared.inputs.dryRun ? ' (dry run: nothing is deleted; set dry-run: false to delete)' : ''}.`);
    const { prune } = await Promise.all(/* import() */[__webpack_require__.e(764), __webpack_require__.e(356)]).then(__webpack_require__.bind(__webpack_require__, 14356));
    await prune(prepared, env);
}


/***/ })

};
