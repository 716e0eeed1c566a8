export const id = 962;
export const ids = [962];
export const modules = {

/***/ 77962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPromote: () => (/* binding */ runPromote)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31949);
/**
 * `mode: promote`, `mode: rollback`, `mode: history` (engine/promote.ts) and `mode: verify` (engine/verify.ts) from the action. promote: `images` names the images, `from` the tag or digest each already has,
 * `to` the tags to point at it (engine/promote.ts). Nothing is built; the inputs that decide a build
 * are not read.
 */

async function runPromote(prepared, env) {
    const unwritable = _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .unwritableRunnerFiles */ .zU(['GITHUB_OUTPUT', 'GITHUB_ENV', ...(prepared.inputs.summary ? ['GITHUB_STEP_SUMMARY'] : [])], env);
    if (unwritable.length)
        throw new Error(`${unwritable.join(' ')} Nothing was logged in to, read or moved.`);
    // the build plan's policy verdict is not this mode's: promote checks the target tags itself
    for (const w of prepared.warnings.filter(w => !w.startsWith('Tag policy: ')))
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(w);
    const { from, to, steps } = prepared.inputs.promote;
    const channels = to.map(t => t.tag).join(', ');
    const engine = await Promise.all(/* import() */[__webpack_require__.e(764), __webpack_require__.e(638), __webpack_require__.e(546)]).then(__webpack_require__.bind(__webpack_require__, 546));
    const dry = prepared.inputs.dryRun ? ' (dry run)' : '';
    if (prepared.inputs.mode === 'verify') {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Verifying every image at ${from}.`);
        await (await Promise.all(/* import() */[__webpack_require__.e(764), __webpack_require__.e(638), __webpack_require__.e(546), __webpack_require__.e(69)]).then(__webpack_require__.bind(__webpack_require__, 10069))).verify(prepared, env);
    }
    else if (prepared.inputs.mode === 'history') {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`History of ${channels}.`);
        await engine.history(prepared, env);
    }
    else if (prepared.inputs.mode === 'rollback') {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Rolling back ${channels} ${from ? `to ${from}` : `${steps} step(s)`}${dry}.`);
        await engine.rollback(prepared, env);
    }
    else {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Promoting ${from} to ${channels}${dry}.`);
        await engine.promote(prepared, env);
    }
}


/***/ })

};
