export const id = 505;
export const ids = [505,175];
export const modules = {

/***/ 33505:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runMain: () => (/* binding */ runMain)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31949);
/* harmony import */ var _pipeline_context_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85226);
/* harmony import */ var _pipeline_prepare_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(47393);
/* harmony import */ var _report_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33344);
/* harmony import */ var _report_attestations_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(20663);
/* harmony import */ var _pipeline_inputs_sign_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(85377);
/* harmony import */ var _pipeline_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(61539);
/* harmony import */ var _pipeline_inputs_modes_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(64510);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_7___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_7__);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(33175);
/**
 * The action's main job: plan (inputs -> context -> metadata -> policy -> plan), report it, and, unless
 * this is a dry run, publish it through the engine. Each step is one call; the order is the contract:
 * nothing is logged in to, built or pushed before the inputs are valid and the policy allows the plan.
 */










const TITLE = 'multiarch-publish';
async function runMain(env = process.env) {
    const ctx = (0,_pipeline_context_index_js__WEBPACK_IMPORTED_MODULE_1__/* .workflowContext */ .Rz)(env);
    const prepared = await (0,_pipeline_prepare_js__WEBPACK_IMPORTED_MODULE_2__/* .prepare */ .i)(ctx, { env, useApi: true, workspace: env['GITHUB_WORKSPACE'] || process.cwd() });
    // the signing key and its password are masked before anything is printed, whatever the mode
    for (const v of (0,_pipeline_inputs_sign_js__WEBPACK_IMPORTED_MODULE_5__/* .signSecretValues */ .C1)(prepared.inputs.sign))
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(v);
    // mode: merge: the plan is the plan input's, not this job's (action/run-merge.ts)
    if (prepared.inputs.mode === 'merge')
        return (await __webpack_require__.e(/* import() */ 318).then(__webpack_require__.bind(__webpack_require__, 59318))).runMerge(prepared, env);
    // mode: build: a leg of the plan input's plan, for the platforms input (action/run-build.ts)
    if (prepared.inputs.mode === 'build')
        return (await __webpack_require__.e(/* import() */ 778).then(__webpack_require__.bind(__webpack_require__, 9778))).runBuild(prepared, env);
    // the release lifecycle: promote, rollback, history: existing tags, no build (action/run-promote.ts)
    // and verify: signatures and attestations of existing images, before a deployment uses them
    if (prepared.inputs.mode === 'promote' || prepared.inputs.mode === 'rollback' || prepared.inputs.mode === 'history' || prepared.inputs.mode === 'verify')
        return (await __webpack_require__.e(/* import() */ 962).then(__webpack_require__.bind(__webpack_require__, 77962))).runPromote(prepared, env);
    // old versions out of the registry, nothing a kept one needs (action/run-prune.ts)
    if (prepared.inputs.mode === 'prune')
        return (await __webpack_require__.e(/* import() */ 806).then(__webpack_require__.bind(__webpack_require__, 12806))).runPrune(prepared, env);
    // the build matrix of the reusable workflow: a runners map that leaves a platform without a leg fails here
    const legs = prepared.inputs.mode === 'plan' ? (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 89801))).computeLegs(planPlatforms(prepared), prepared.inputs.runners) : undefined;
    const modeWarnings = (0,_pipeline_inputs_modes_js__WEBPACK_IMPORTED_MODULE_9__/* .checkModeSupport */ .r)(prepared.inputs, prepared.inputs.mode === 'publish' && !prepared.inputs.dryRun);
    // before anything is written, logged in to or built (the post step's state is checked by main.ts)
    const unwritable = _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .unwritableRunnerFiles */ .zU(['GITHUB_OUTPUT', 'GITHUB_ENV', ...(prepared.inputs.summary ? ['GITHUB_STEP_SUMMARY'] : [])], env);
    if (unwritable.length)
        throw new Error(`${unwritable.join(' ')} Nothing was logged in to, built or pushed.`);
    for (const w of [...modeWarnings, ...prepared.warnings])
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(w);
    await reportPlan(prepared, env, legs);
    if (!prepared.plan.policy.allowed)
        throw new _pipeline_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .PolicyRefusal */ .F(prepared.plan.policy.violations.map(v => v.message));
    if (prepared.inputs.mode === 'plan') {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Plan mode: the plan document is the plan output; nothing was set up, logged in to, built or pushed.');
        return;
    }
    if (prepared.inputs.dryRun) {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Dry run: nothing was set up, logged in to, built or pushed.');
        return;
    }
    const { publish } = await Promise.all(/* import() */[__webpack_require__.e(764), __webpack_require__.e(638), __webpack_require__.e(440), __webpack_require__.e(108)]).then(__webpack_require__.bind(__webpack_require__, 27108));
    await publish(prepared, env);
}
/** Every platform of the plan's builds, once, in order of first appearance. */
function planPlatforms(p) {
    return [...new Set(p.plan.builds.flatMap(b => b.platforms))];
}
async function reportPlan(p, env, legs) {
    const { inputs, metadata, plan } = p;
    if (!metadata.version.main)
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e('No Docker image version has been generated. Check tags input.');
    const planOnly = inputs.mode === 'plan';
    const signing = (0,_report_index_js__WEBPACK_IMPORTED_MODULE_3__/* .signingPlanLines */ .MW)(plan, inputs.sign, inputs.mode);
    const attesting = (0,_report_attestations_js__WEBPACK_IMPORTED_MODULE_4__/* .attestPlanLines */ .kg)(plan, inputs.githubAttestations, inputs.mode);
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(planOnly ? 'Plan (mode: plan)' : inputs.dryRun ? 'Plan (dry run)' : 'Plan', () => _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq([(0,_report_index_js__WEBPACK_IMPORTED_MODULE_3__/* .formatPlan */ .nT)(plan, `${TITLE} plan`), ...(signing.length ? ['', ...signing] : []), ...(attesting.length ? ['', ...attesting] : [])].join('\n')));
    const bakeFiles = (0,_report_index_js__WEBPACK_IMPORTED_MODULE_3__/* .writeBakeFiles */ .Ap)(inputs, metadata, plan, env);
    // later steps of the job read them; the post step (after every one of them) removes them
    (0,_state_js__WEBPACK_IMPORTED_MODULE_8__/* .remember */ .kY)(_state_js__WEBPACK_IMPORTED_MODULE_8__/* .STATE */ .c4.bakeFilesDir, (0,node_path__WEBPACK_IMPORTED_MODULE_7__.dirname)(bakeFiles['bake-file']));
    const outputs = { ...(0,_report_index_js__WEBPACK_IMPORTED_MODULE_3__/* .metadataOutputs */ ._V)(inputs, metadata, plan) };
    // mode: plan writes the plan document (plan-document.ts), the input of the build legs and the merge
    if (planOnly) {
        const { planDocumentOf, planDocumentText } = await __webpack_require__.e(/* import() */ 129).then(__webpack_require__.bind(__webpack_require__, 71129));
        outputs.plan = planDocumentText(planDocumentOf(plan, p.ctx));
        // the build matrix: [{runner, platforms: "a,b"}], never empty (computeLegs refuses no platform)
        outputs.legs = JSON.stringify(legs ?? []);
    }
    (0,_report_index_js__WEBPACK_IMPORTED_MODULE_3__/* .writeOutputs */ .Kn)({ ...outputs, ...bakeFiles }, env);
    if ((inputs.dryRun || planOnly) && inputs.summary)
        (0,_report_index_js__WEBPACK_IMPORTED_MODULE_3__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_3__/* .planSummary */ .MM)(plan, `${TITLE}: plan${planOnly ? '' : ' (dry run)'}`) + (0,_report_index_js__WEBPACK_IMPORTED_MODULE_3__/* .signingPlanSummary */ .t4)(signing, inputs.sign.mode) + (0,_report_attestations_js__WEBPACK_IMPORTED_MODULE_4__/* .attestPlanSummary */ .Ze)(attesting), env);
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
