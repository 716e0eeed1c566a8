export const id = 778;
export const ids = [778,318];
export const modules = {

/***/ 9778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runBuild: () => (/* binding */ runBuild)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31949);
/* harmony import */ var _pipeline_inputs_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42107);
/* harmony import */ var _run_merge_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59318);
/**
 * `mode: build` from the action: one build leg of a split release. The plan comes from the `plan` input
 * (a plan document, checked by pipeline/plan-document.ts); `platforms` names the share this leg builds
 * (all of the plan's when empty). The leg builds every image of the plan for those platforms, pushes
 * by digest, and writes its records for the merge (engine/leg.ts); no release tag is touched. The inputs
 * that decide a plan are ignored, with one warning naming them. Nothing is logged in to or built before
 * the document and the platforms are valid.
 */



async function runBuild(prepared, env) {
    const text = prepared.inputs.planDocument;
    if (!text.trim())
        throw new _pipeline_inputs_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('plan', 'is required with mode: build: pass the plan output of the mode: plan job (needs.<plan job>.outputs.plan); nothing was logged in to, built or pushed');
    const [{ parsePlanDocument }, { legPlan }] = await Promise.all([__webpack_require__.e(/* import() */ 129).then(__webpack_require__.bind(__webpack_require__, 71129)), __webpack_require__.e(/* import() */ 984).then(__webpack_require__.bind(__webpack_require__, 73984))]);
    const doc = parsePlanDocument(text);
    // `platforms` is this leg's share, not a plan-deciding input here
    // action.yml's default (which the runner passes when the step sets none) means: every platform of the plan
    const given = (0,_run_merge_js__WEBPACK_IMPORTED_MODULE_2__.givenInput)('platforms', env);
    const plan = legPlan(doc.plan, doc.digest, given ? prepared.inputs.platforms : undefined);
    const ignored = (0,_run_merge_js__WEBPACK_IMPORTED_MODULE_2__.ignoredPlanInputs)(env).filter(n => n !== 'platforms');
    const unwritable = _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .unwritableRunnerFiles */ .zU(['GITHUB_OUTPUT', 'GITHUB_ENV', ...(prepared.inputs.summary ? ['GITHUB_STEP_SUMMARY'] : [])], env);
    if (unwritable.length)
        throw new Error(`${unwritable.join(' ')} Nothing was logged in to, built or pushed.`);
    const notes = [];
    if (ignored.length)
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`mode: build takes the plan from the plan input; ${ignored.map(n => `"${n}"`).join(', ')} ${ignored.length > 1 ? 'are' : 'is'} ignored (the plan job decided them).`);
    const sha = prepared.ctx.sha;
    if (sha && sha !== doc.plan.sha) {
        notes.push(`This leg's checkout is commit ${sha.slice(0, 12)}, the plan's is ${doc.plan.sha.slice(0, 12)}: the merge refuses this leg (check out the plan's commit: actions/checkout with ref: the plan's sha).`);
    }
    for (const w of [...notes, ...prepared.warnings])
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(w);
    const engine = prepared.inputs.engine;
    if (engine.stagingTags === 'keep')
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e('staging-tags: keep is ignored by mode: build: a leg pushes by digest and tags only its record (the merge removes it).');
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Build leg ${plan.legPlatforms.join(', ')} of plan ${doc.digest} (commit ${doc.plan.sha}, ${plan.builds.length} build(s)).`);
    const { publish } = await Promise.all(/* import() */[__webpack_require__.e(764), __webpack_require__.e(638), __webpack_require__.e(440), __webpack_require__.e(108)]).then(__webpack_require__.bind(__webpack_require__, 27108));
    await publish({ ...prepared, plan, inputs: { ...prepared.inputs, engine: { ...engine, stagingTags: 'remove' } } }, env, {
        leg: {
            plan: doc.digest,
            planDigest: doc.digest,
            sha: sha || doc.plan.sha,
            runner: env['RUNNER_NAME'] || env['ImageOS'] || '',
            run: env['GITHUB_RUN_ID'] ? `${env['GITHUB_RUN_ID']}/${env['GITHUB_RUN_ATTEMPT'] || '1'}` : '',
            notes
        }
    });
}


/***/ }),

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
