export const id = 888;
export const ids = [888];
export const modules = {

/***/ 4888:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCli: () => (/* binding */ runCli)
/* harmony export */ });
/* unused harmony export imageComponent */
/* harmony import */ var _pipeline_context_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5226);
/* harmony import */ var _pipeline_prepare_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7155);
/* harmony import */ var _report_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6415);
/* harmony import */ var _pipeline_inputs_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2107);
/**
 * The local command: the plan for the current git checkout, from git instead of an event payload (like
 * metadata-action's `context: git`). `node dist/index.js plan [--json] [--dir PATH]`; INPUT_* variables
 * set the action's inputs as in a workflow (e.g. INPUT_TAGS, INPUT_IMAGES, INPUT_POLICY).
 */




const USAGE = `usage: node dist/index.js plan [--json] [--dir PATH]
  Prints what multiarch-publish would publish for the git checkout at PATH (default: here):
  images, tags, labels, annotations, build args, and the tag policy's verdict. Nothing is built or pushed.
  Inputs come from INPUT_<NAME> variables, as on a runner (INPUT_TAGS, INPUT_IMAGES, INPUT_POLICY, ...).`;
/**
 * The owner or repository guessed from git (a folder's name, $USER, a remote) as an image path component:
 * the default image. Valid separators (`.`, `_`, `__`, `-`) are kept; anything else becomes `-`.
 */
function imageComponent(name) {
    const out = name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, sep => (/^(?:\.|_|__|-+)$/.test(sep) ? sep : '-'))
        .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
    return out || 'app';
}
async function runCli(args) {
    if (args.includes('--help') || args.includes('-h')) {
        console.log(USAGE);
        return 0;
    }
    const json = args.includes('--json');
    const dirAt = args.indexOf('--dir');
    const dir = dirAt >= 0 ? args[dirAt + 1] : process.cwd();
    const unknown = args.filter((a, i) => a !== '--json' && a !== '--dir' && (dirAt < 0 || i !== dirAt + 1));
    if (unknown.length || !dir) {
        console.error(`${unknown.length ? `unknown argument ${unknown.join(' ')}` : '--dir needs a path'}\n${USAGE}`);
        return 2;
    }
    try {
        const ctx = (0,_pipeline_context_index_js__WEBPACK_IMPORTED_MODULE_0__/* .gitContext */ .cw)(dir);
        const env = { ...process.env, GITHUB_REPOSITORY: process.env['GITHUB_REPOSITORY'] || `${imageComponent(ctx.owner)}/${imageComponent(ctx.repo)}` };
        const p = await (0,_pipeline_prepare_js__WEBPACK_IMPORTED_MODULE_1__/* .prepare */ .i)(ctx, { env, useApi: false, workspace: dir });
        for (const w of p.warnings)
            console.error(`warning: ${w}`);
        if (json) {
            const outputs = (0,_report_index_js__WEBPACK_IMPORTED_MODULE_2__/* .metadataOutputs */ ._V)(p.inputs, p.metadata, p.plan);
            console.log(JSON.stringify({ context: { ref: ctx.ref, sha: ctx.sha, owner: ctx.owner, repo: ctx.repo }, version: outputs.version, policy: p.plan.policy, plan: (0,_report_index_js__WEBPACK_IMPORTED_MODULE_2__/* .planJson */ .iY)(p.plan) }, null, 2));
        }
        else {
            console.log((0,_report_index_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPlan */ .nT)(p.plan, `multiarch-publish plan for ${dir} (from git; dry run, nothing is built or pushed)`));
        }
        return p.plan.policy.allowed ? 0 : 1;
    }
    catch (e) {
        if (e instanceof _pipeline_inputs_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputErrors */ .G || e instanceof _pipeline_inputs_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d) {
            for (const err of e instanceof _pipeline_inputs_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputErrors */ .G ? e.errors : [e])
                console.error(`error: ${err.message}`);
            return 1;
        }
        console.error(`error: ${e.message}`);
        return 1;
    }
}


/***/ })

};
