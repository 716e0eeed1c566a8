export const id = 318;
export const ids = [318];
export const modules = {

/***/ 59318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ACTION_DEFAULTS: () => (/* binding */ ACTION_DEFAULTS),
/* harmony export */   PLAN_DECIDING_INPUTS: () => (/* binding */ PLAN_DECIDING_INPUTS),
/* harmony export */   givenInput: () => (/* binding */ givenInput),
/* harmony export */   ignoredPlanInputs: () => (/* binding */ ignoredPlanInputs),
/* harmony export */   runMerge: () => (/* binding */ runMerge)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31949);
/* harmony import */ var _pipeline_inputs_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42107);
/**
 * `mode: merge` from the action: the plan comes from the `plan` input (a plan document, checked by
 * pipeline/plan-document.ts), not from this job's inputs; the inputs that decide a plan are ignored,
 * with one warning naming them. Nothing is logged in to or read before the document is valid.
 */



/** Inputs that decide what the plan is: with mode: merge the plan document decides. */
const PLAN_DECIDING_INPUTS = ['images', 'platforms', 'registry', 'tags', 'flavor', 'labels', 'annotations', 'build-args', 'policy', 'push', 'version-file', 'arch-tags', 'bake-target'];
/**
 * action.yml's defaults of the plan-deciding inputs: the runner passes every input that has one, so a
 * value equal to it was not given by the workflow (`images`: `${{ github.repository }}`, as evaluated).
 * workflows.test.ts checks this table against action.yml.
 */
const ACTION_DEFAULTS = {
    images: env => env['GITHUB_REPOSITORY'] ?? '',
    platforms: () => 'linux/amd64,linux/arm64',
    registry: () => 'ghcr.io',
    push: () => 'auto',
    'arch-tags': () => 'false'
};
/** Whether the workflow gave the input: non-empty, and not action.yml's default as the runner passes it. */
function givenInput(name, env) {
    const v = ((0,_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .rawInput */ .JR)(name, env) ?? '').trim();
    return v !== '' && v !== ACTION_DEFAULTS[name]?.(env);
}
/** The plan-deciding inputs this step was given (not empty, not action.yml's default), in the list's order. */
function ignoredPlanInputs(env) {
    return PLAN_DECIDING_INPUTS.filter(n => givenInput(n, env));
}
async function runMerge(prepared, env) {
    const text = prepared.inputs.planDocument;
    if (!text.trim())
        throw new _pipeline_inputs_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('plan', 'is required with mode: merge: pass the plan output of the mode: plan job (needs.<plan job>.outputs.plan); nothing was logged in to or read');
    const { parsePlanDocument } = await __webpack_require__.e(/* import() */ 129).then(__webpack_require__.bind(__webpack_require__, 71129));
    const doc = parsePlanDocument(text);
    const ignored = ignoredPlanInputs(env);
    const unwritable = _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .unwritableRunnerFiles */ .zU(['GITHUB_OUTPUT', 'GITHUB_ENV', ...(prepared.inputs.summary ? ['GITHUB_STEP_SUMMARY'] : [])], env);
    if (unwritable.length)
        throw new Error(`${unwritable.join(' ')} Nothing was logged in to, read or pushed.`);
    if (ignored.length)
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`mode: merge takes the plan from the plan input; ${ignored.map(n => `"${n}"`).join(', ')} ${ignored.length > 1 ? 'are' : 'is'} ignored (the plan job decided them).`);
    for (const w of prepared.warnings)
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(w);
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Merging plan ${doc.digest} of ${doc.plan.sha} (${doc.plan.builds.length} build(s)).`);
    const { merge } = await Promise.all(/* import() */[__webpack_require__.e(764), __webpack_require__.e(638), __webpack_require__.e(440), __webpack_require__.e(534)]).then(__webpack_require__.bind(__webpack_require__, 27534));
    await merge(prepared, doc, env);
}


/***/ })

};
