export const id = 534;
export const ids = [534];
export const modules = {

/***/ 27534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   merge: () => (/* binding */ merge)
/* harmony export */ });
/* unused harmony exports readLegs, indexAnnotations, mergedIndex, removeLegs, mergeOutputs */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(31949);
/* harmony import */ var _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(72638);
/* harmony import */ var _pipeline_metadata_labels_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(48911);
/* harmony import */ var _lib_platform_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(56728);
/* harmony import */ var _buildx_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(88152);
/* harmony import */ var _bake_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(67761);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(50910);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(41986);
/* harmony import */ var _steps_verify_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(93993);
/* harmony import */ var _steps_attestation_storage_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(42624);
/* harmony import */ var _steps_tags_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(92429);
/* harmony import */ var _steps_budget_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(72637);
/* harmony import */ var _release_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(96926);
/* harmony import */ var _arch_tag_moves_js__WEBPACK_IMPORTED_MODULE_23__ = __webpack_require__(30474);
/* harmony import */ var _pipeline_context_github_api_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(6878);
/* harmony import */ var _report_leftovers_js__WEBPACK_IMPORTED_MODULE_24__ = __webpack_require__(57202);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_22__ = __webpack_require__(14031);
/* harmony import */ var _pipeline_inputs_sign_js__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(85377);
/* harmony import */ var _steps_supply_chain_js__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(26687);
/* harmony import */ var _report_index_js__WEBPACK_IMPORTED_MODULE_20__ = __webpack_require__(33344);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_21__ = __webpack_require__(50390);
/**
 * `mode: merge`: the build legs' per-platform content (found in the registry by the plan's leg tags,
 * pipeline/leg-record.ts) becomes each image's index, and every tag moves as publish moves them
 * (engine/release.ts). Nothing is built. Before any tag moves, every build x image name x planned
 * platform must have a record of this plan, commit and build whose content holds that platform; every
 * problem is collected and reported at once. The index is made in-process, deterministically (the same
 * legs give the same digest), and PUT by digest into every name. After a successful merge the records
 * (and leg content the index does not reference) are deleted by digest, never a manifest a tag uses.
 */

























const INDEX_TYPE = 'application/vnd.oci.image.index.v1+json';
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const short = (d) => d.replace(/^(sha256:.{12}).*$/, '$1…');
const key = (build, image) => `${build} ${image}`;
/** Reads every record of the plan and its content; collects every problem. */
async function readLegs(buildx, plan, planDigest) {
    const found = [];
    const problems = [];
    const missingByImage = new Map();
    const listed = new Map();
    const listTags = (name) => {
        if (!listed.has(name))
            listed.set(name, (buildx.listTags ? buildx.listTags(name) : Promise.resolve([])).catch(() => []));
        return listed.get(name);
    };
    const jobs = plan.builds.flatMap(b => b.images.flatMap(image => b.platforms.map(platform => ({ b, image, platform }))));
    await Promise.all(jobs.map(async ({ b, image, platform }) => {
        const tag = (0,_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_5__/* .legTag */ .NO)(planDigest, platform);
        const where = `${platform} for ${image} (tag ${tag})`;
        try {
            const recordDigest = await buildx.tagDigest(`${image}:${tag}`);
            if (!recordDigest) {
                missingByImage.set(key(b.id, image), (missingByImage.get(key(b.id, image)) ?? 0) + 1);
                const slug = (0,_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_5__/* .platformSlug */ .DN)(platform);
                const others = (await listTags(image)).filter(t => _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_5__/* .LEG_TAG_PATTERN */ .vX.exec(t)?.[2] === slug && t !== tag);
                problems.push(`no leg of ${where}${others.length ? `; the repository has a leg of ${platform} of another plan (${others.slice(0, 3).join(', ')}): was the leg run with another plan output?` : ''}`);
                return;
            }
            const m = (await buildx.readManifest(image, recordDigest));
            if (m?.artifactType !== _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_5__/* .LEG_ARTIFACT_TYPE */ .RV || m.config?.mediaType !== _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_5__/* .LEG_ARTIFACT_TYPE */ .RV || typeof m.config.digest !== 'string' || !DIGEST.test(m.config.digest)) {
                problems.push(`the tag ${tag} of ${image} is not a leg record (artifactType ${String(m?.artifactType).slice(0, 80)})`);
                return;
            }
            if (!Number.isSafeInteger(m.config.size) || m.config.size > _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_5__/* .MAX_RECORD_BYTES */ .xR || m.config.size < 0) {
                problems.push(`the leg record ${where} is larger than ${_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_5__/* .MAX_RECORD_BYTES */ .xR} bytes: not read`);
                return;
            }
            const json = await buildx.imageConfig(image, recordDigest);
            const checked = (0,_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_5__/* .checkRecord */ .EQ)(json, { plan: planDigest, sha: plan.sha, build: b.id, image, platform });
            if ('reason' in checked) {
                problems.push(`the leg of ${where} ${checked.reason}`);
                return;
            }
            const record = checked.record;
            const children = await contentChildren(buildx, image, record, platform, planDigest, problems, where);
            if (children)
                found.push({ build: b.id, image, platform, recordDigest, record, children });
        }
        catch (e) {
            problems.push(`reading the leg of ${where} failed: ${_action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$(e.message).slice(0, 300)}`);
        }
    }));
    const absent = new Set();
    for (const b of plan.builds)
        for (const image of b.images)
            if (missingByImage.get(key(b.id, image)) === b.platforms.length)
                absent.add(key(b.id, image));
    // the plan's order, whatever order the reads finished in
    const order = (x) => jobs.findIndex(j => x.includes(` ${j.platform} for ${j.image} `));
    problems.sort((a, c) => order(a) - order(c));
    return { found, problems, absent };
}
function platformOf(platform) {
    const p = (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_7__/* .parsePlatform */ .FL)(platform);
    return { os: p.os, architecture: p.arch, ...(p.variant ? { variant: p.variant } : {}) };
}
function descriptorOf(d) {
    return {
        mediaType: d.mediaType,
        digest: d.digest,
        size: d.size,
        ...(d.platform ? { platform: d.platform } : {}),
        ...(d.artifactType ? { artifactType: d.artifactType } : {}),
        ...(d.annotations && Object.keys(d.annotations).length ? { annotations: d.annotations } : {})
    };
}
const platformString = (p) => (p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : '');
/** The content's children for `platform` (platform manifest + its attestations), or undefined with a problem. */
async function contentChildren(buildx, image, record, platform, planDigest, problems, where) {
    let content;
    try {
        content = (await buildx.readManifest(image, record.content.digest));
    }
    catch {
        content = undefined;
    }
    if (!content) {
        problems.push(`the content of the leg of ${where} (${short(record.content.digest)}) is not in the registry`);
        return undefined;
    }
    let children;
    let platformManifest;
    if (Array.isArray(content.manifests)) {
        const own = content.manifests.find(d => d.digest === record.platformDigest && platformString(d.platform) === platform);
        if (!own) {
            problems.push(`the content of the leg of ${where} (${short(record.content.digest)}) holds no manifest of ${platform} with digest ${short(record.platformDigest)}`);
            return undefined;
        }
        const attestations = content.manifests.filter(d => d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' && d.annotations['vnd.docker.reference.digest'] === own.digest);
        children = [own, ...attestations].map(descriptorOf);
        try {
            platformManifest = (await buildx.readManifest(image, own.digest));
        }
        catch {
            problems.push(`the manifest of ${where} (${short(own.digest)}) is not in the registry`);
            return undefined;
        }
    }
    else {
        if (record.content.digest !== record.platformDigest) {
            problems.push(`the content of the leg of ${where} is a single manifest, but the record names another platform manifest`);
            return undefined;
        }
        children = [{ mediaType: content.mediaType || record.content.mediaType, digest: record.content.digest, size: record.content.size, platform: platformOf(platform) }];
        platformManifest = content;
    }
    const mark = platformManifest?.annotations?.[_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_5__/* .PLAN_ANNOTATION */ .yR];
    if (mark === undefined)
        _action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .warning */ .$e(`The manifest of ${where} carries no ${_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_5__/* .PLAN_ANNOTATION */ .yR} annotation; its record names this plan, so it is merged.`);
    else if (mark !== planDigest) {
        problems.push(`the manifest of ${where} was built from another plan (its ${_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_5__/* .PLAN_ANNOTATION */ .yR} is ${String(mark).slice(0, 80)}, not ${planDigest})`);
        return undefined;
    }
    return children;
}
/**
 * The index-level annotations of a build, as publish's bake writes them (bake.ts buildAnnotations: its
 * `index:` annotations, and each `manifest:` one the index does not set), and the plan digest.
 */
function indexAnnotations(b, planDigest) {
    const out = {};
    for (const line of (0,_bake_js__WEBPACK_IMPORTED_MODULE_9__/* .buildAnnotations */ .P)(b.annotations)) {
        const { levels, text } = (0,_pipeline_metadata_labels_js__WEBPACK_IMPORTED_MODULE_6__/* .splitAnnotationLevel */ .ek)(line);
        if (!levels?.some(l => l === 'index'))
            continue;
        const eq = text.indexOf('=');
        if (eq > 0)
            out[text.slice(0, eq)] = text.slice(eq + 1);
    }
    out[_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_5__/* .PLAN_ANNOTATION */ .yR] = planDigest;
    return out;
}
/** The index of one build's name: its legs' children in the plan's platform order, deduplicated. */
function mergedIndex(b, legs, planDigest) {
    const seen = new Set();
    const manifests = [];
    for (const platform of b.platforms) {
        for (const d of legs.find(l => l.platform === platform)?.children ?? []) {
            if (seen.has(d.digest))
                continue;
            seen.add(d.digest);
            manifests.push(d);
        }
    }
    const index = { schemaVersion: 2, mediaType: INDEX_TYPE, manifests, annotations: indexAnnotations(b, planDigest) };
    const bytes = new TextEncoder().encode(JSON.stringify(index));
    return { digest: `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`, bytes };
}
/** An index one of the build's tags already points at that carries this plan's digest (a merge done before). */
async function existingRelease(buildx, b, image, planDigest) {
    for (const tag of b.tagNames) {
        const digest = await buildx.tagDigest(`${image}:${tag}`).catch(() => undefined);
        if (!digest)
            continue;
        const m = (await buildx.readManifest(image, digest).catch(() => undefined));
        if (m && Array.isArray(m.manifests) && m.annotations?.[_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_5__/* .PLAN_ANNOTATION */ .yR] === planDigest)
            return digest;
    }
    return undefined;
}
async function merge(p, doc, env, options = {}, engine, cancel = _cancel_js__WEBPACK_IMPORTED_MODULE_11__/* .cancellation */ .WN) {
    const plan = doc.plan;
    const report = options.report ?? true;
    const summaryWanted = report && p.inputs.summary;
    if (plan.builds.some(b => b.images.length === 0))
        throw new Error('Nothing to merge: the plan names no image.');
    // the plan document's max-size rules, refused before any login when one does not parse
    const budgets = (0,_steps_budget_js__WEBPACK_IMPORTED_MODULE_15__/* .budgetRules */ .Le)(plan.policy.rules, 'plan');
    if (!plan.push) {
        const outputs = mergeOutputs(plan, plan.builds.map(b => ({ build: b, digest: '', images: [], seconds: 0 })));
        if (report)
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .writeOutputs */ .Kn)({ ...outputs, 'skipped-tags': '' }, env);
        if (summaryWanted)
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .writeSummary */ .Sy)(`## multiarch-publish: merge — nothing published\n\nThe plan does not push (${plan.pushReason || 'push is off'}): no leg was read, no index created, no tag moved.\n`, env);
        _action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq(`Merge: the plan does not push (${plan.pushReason}); nothing was read or published.`);
        return { results: [], outputs, left: [] };
    }
    const names = [...new Set(plan.builds.flatMap(b => b.images))];
    for (const v of (0,_pipeline_inputs_sign_js__WEBPACK_IMPORTED_MODULE_18__/* .signSecretValues */ .C1)(p.inputs.sign))
        _action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .setSecret */ .Pq(v);
    // what signing and attestations need is said before any login (steps/supply-chain.ts)
    const signs = (0,_steps_supply_chain_js__WEBPACK_IMPORTED_MODULE_19__/* .signingAsked */ .Ev)(p.inputs);
    const attests = p.inputs.githubAttestations === true;
    const signingLine = await (0,_steps_supply_chain_js__WEBPACK_IMPORTED_MODULE_19__/* .supplyChainPreflight */ .cQ)({ inputs: p.inputs, env, buildx: engine ?? new _buildx_js__WEBPACK_IMPORTED_MODULE_8__/* .Buildx */ .F(), signs, attests });
    const { buildx, loginNote } = await (0,_session_js__WEBPACK_IMPORTED_MODULE_10__/* .registrySession */ .E)(p, names, env, engine);
    if (signingLine)
        _action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq(signingLine);
    try {
        return await run(buildx, p, doc, env, { report, summaryWanted, loginNote, cancel, budgets, signs, attests, attest: options.attest });
    }
    catch (err) {
        throw cancel.explain(err);
    }
}
async function run(buildx, p, doc, env, o) {
    const plan = doc.plan;
    const started = Date.now();
    const engineReport = { qemu: 'not needed: the merge builds nothing', builder: 'none: the merge builds nothing', cache: 'none', login: o.loginNote, bakeFile: 'none (merge)', definition: '' };
    o.cancel.check();
    const legs = await _action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .group */ .Os('Legs', async () => {
        const read = await readLegs(buildx, plan, doc.digest);
        // the record's runner and run are the registry's text: one line each, whatever they hold
        for (const f of read.found)
            _action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq(`${f.image} ${f.platform}: ${short(f.record.platformDigest)} (leg ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_22__/* .logValue */ .Od)(f.record.runner.slice(0, 100)) || 'unknown runner'}, run ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_22__/* .logValue */ .Od)(f.record.run.slice(0, 40)) || '?'})`);
        return read;
    });
    // a merge done before removed the records: its release index is re-used
    const reused = new Map();
    const problems = [...legs.problems];
    for (const b of plan.builds) {
        for (const image of b.images) {
            if (!legs.absent.has(key(b.id, image)))
                continue;
            const digest = await existingRelease(buildx, b, image, doc.digest);
            if (!digest)
                continue;
            reused.set(key(b.id, image), digest);
            _action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq(`${image}: no leg record of this plan, but a tag already points at its index ${short(digest)} (merged before): re-used`);
            const mine = (pr) => b.platforms.some(pl => pr.startsWith(`no leg of ${pl} for ${image} `));
            for (let k = problems.length - 1; k >= 0; k--)
                if (mine(problems[k]))
                    problems.splice(k, 1);
        }
    }
    if (problems.length) {
        const message = `The merge found ${problems.length} problem(s) with the build legs; no release tag was created or moved:\n${problems.map(x => `  - ${x}`).join('\n')}`;
        if (o.summaryWanted)
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .publishSummary */ .Iv)(plan, engineReport, [], problems, 0), env);
        throw new Error(message);
    }
    // each build's index, the same bytes under every name
    o.cancel.during('push');
    const digests = [];
    for (const b of plan.builds) {
        let digest;
        for (const image of b.images) {
            const again = reused.get(key(b.id, image));
            let d;
            if (again)
                d = again;
            else {
                const index = mergedIndex(b, legs.found.filter(f => f.build === b.id && f.image === image), doc.digest);
                await buildx.putManifest(image, index.digest, INDEX_TYPE, index.bytes);
                d = index.digest;
                _action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq(`${image}: index ${short(d)} created (${b.platforms.join(', ')})`);
            }
            if (digest && d !== digest)
                throw new Error(`The legs of ${b.images.join(', ')} pushed different content to the names (indexes ${short(digest)} and ${short(d)}); no release tag was created or moved.`);
            digest = d;
        }
        digests.push({ build: b, digest: digest });
    }
    o.cancel.check();
    // attestation-storage: referrers: the index without the legs' attestation entries, each one an OCI 1.1 referrer of its platform (steps/attestation-storage.ts)
    const storageNotes = [];
    if (p.inputs.engine.attestationStorage === 'referrers') {
        const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env['RUNNER_TEMP'] || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'multiarch-publish-referrers-'));
        try {
            const stored = await (0,_steps_attestation_storage_js__WEBPACK_IMPORTED_MODULE_13__/* .storeAttestations */ .Tl)({ buildx, builds: digests, dir });
            digests.splice(0, digests.length, ...stored.builds.map(s => ({ build: s.build, digest: s.digest })));
            storageNotes.push(...(0,_steps_attestation_storage_js__WEBPACK_IMPORTED_MODULE_13__/* .storageLeftovers */ .K1)(stored));
        }
        catch (err) {
            const message = `Storing the attestations as OCI referrers failed (attestation-storage: referrers): ${_action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$(err instanceof Error ? err.message : String(err))}`;
            if (o.summaryWanted)
                (0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .publishSummary */ .Iv)(plan, engineReport, [], [message], 0), env);
            throw new Error(`${message}. No release tag was created or moved.`);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(dir, { recursive: true, force: true });
        }
        o.cancel.check();
    }
    o.cancel.during('verification');
    let { verified } = await (0,_steps_verify_js__WEBPACK_IMPORTED_MODULE_12__/* .verify */ .MX)({ buildx, builds: digests });
    const sized = (0,_steps_verify_js__WEBPACK_IMPORTED_MODULE_12__/* .sizes */ .LR)(buildx, verified);
    sized.catch(() => undefined);
    // size budgets (policy max-size of the plan, steps/budget.ts): checked before any tag moves
    const budget = await (0,_steps_budget_js__WEBPACK_IMPORTED_MODULE_15__/* .budgetGate */ .DG)(buildx, o.budgets, verified, sized, plan.sha);
    if (budget?.violations.length) {
        if (o.summaryWanted)
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .publishSummary */ .Iv)(plan, engineReport, [], budget.violations.map(_steps_budget_js__WEBPACK_IMPORTED_MODULE_15__/* .violationMessage */ .nW), 0) + (0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .budgetSummary */ .ay)(budget), env);
        throw new Error((0,_steps_budget_js__WEBPACK_IMPORTED_MODULE_15__/* .budgetError */ .qV)(budget));
    }
    // signatures of the index and every platform manifest, then the GitHub attestations of every index, before
    // any tag moves: a failure moves none
    let supply = {};
    if (o.signs || o.attests) {
        const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env['RUNNER_TEMP'] || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'multiarch-publish-supply-'));
        try {
            supply = await (0,_steps_supply_chain_js__WEBPACK_IMPORTED_MODULE_19__/* .signAndAttest */ .Oc)({
                buildx,
                verified,
                p,
                env,
                cancel: o.cancel,
                signs: o.signs,
                attests: o.attests,
                attest: o.attest,
                dir,
                where: 'the indexes are in the registry by digest; the leg records are kept for another merge',
                failed: async (message, part) => {
                    if (o.summaryWanted)
                        (0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .publishSummary */ .Iv)(plan, engineReport, [], [message], 0) + part, env);
                }
            });
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(dir, { recursive: true, force: true });
        }
    }
    let tagMoves = [];
    let skipped = [];
    try {
        ({ tagMoves, skipped } = await (0,_release_js__WEBPACK_IMPORTED_MODULE_16__/* .release */ ._r)({
            buildx,
            verified,
            sha: plan.sha,
            created: (0,_release_js__WEBPACK_IMPORTED_MODULE_16__/* .imageCreated */ .uX)(plan),
            force: p.inputs.engine.forceTags,
            retryTimeoutMs: p.inputs.engine.tagRetryTimeout * 1000,
            extraMoves: (0,_arch_tag_moves_js__WEBPACK_IMPORTED_MODULE_23__/* .archTagMoves */ .f)(verified, plan.sha),
            compare: (base, head) => (0,_pipeline_context_github_api_js__WEBPACK_IMPORTED_MODULE_17__/* .compareCommits */ .kC)(p.ctx, p.inputs.githubToken, base, head, _action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .warning */ .$e),
            cancel: o.cancel,
            history: (0,_history_js__WEBPACK_IMPORTED_MODULE_21__/* .channelHistory */ .gH)(p, env, 'merge', plan)
        }));
    }
    catch (err) {
        const cause = err instanceof _release_js__WEBPACK_IMPORTED_MODULE_16__/* .ReleaseError */ .K2 ? err.cause : err;
        if (err instanceof _release_js__WEBPACK_IMPORTED_MODULE_16__/* .ReleaseError */ .K2)
            skipped = err.skipped;
        if (cause instanceof _steps_tags_js__WEBPACK_IMPORTED_MODULE_14__/* .TagPhaseError */ .__ && o.summaryWanted)
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .publishSummary */ .Iv)(plan, engineReport, [], [], 0, { outcomes: cause.outcomes, error: cause.message }) + (0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .skippedTagsSummary */ .Ii)(skipped), env);
        throw cause;
    }
    verified = await sized;
    const left = await removeLegs(buildx, legs.found, verified);
    if (left.length)
        _action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .warning */ .$e(`Left in the registry (it refused the deletion): ${left.map(l => `${l.ref} (${l.note})`).join(', ')}`);
    const seconds = (Date.now() - started) / 1000;
    const results = verified.map(v => ({ build: v.build, digest: v.digest, images: v.images, seconds }));
    const outputs = { ...mergeOutputs(plan, results), 'skipped-tags': (0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .skippedTagsOutput */ .Jf)(skipped), ...(0,_steps_supply_chain_js__WEBPACK_IMPORTED_MODULE_19__/* .supplyChainOutputs */ .z_)(supply, verified) };
    if (o.report)
        (0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .writeOutputs */ .Kn)(outputs, env);
    if (o.summaryWanted) {
        (0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .publishSummary */ .Iv)(plan, engineReport, results, [], seconds, tagMoves.length ? { outcomes: tagMoves } : undefined) +
            (0,_steps_supply_chain_js__WEBPACK_IMPORTED_MODULE_19__/* .supplyChainSummary */ .z5)(supply, verified, p.ctx.owner) +
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .budgetSummary */ .ay)(budget) +
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .skippedTagsSummary */ .Ii)(skipped) +
            (0,_report_leftovers_js__WEBPACK_IMPORTED_MODULE_24__/* .leftoversSummary */ .N)({ push: 'by the build legs (mode: build), by digest; the index was made by the merge in-process', stagingTags: left.map(l => ({ ref: l.ref, digest: l.digest })), kept: false, failed: false, what: 'leg records and leg content', notes: storageNotes }), env);
    }
    o.cancel.check();
    return { results, outputs, left };
}
/**
 * After the release: the record manifests, and leg content (an index whose children were copied) that
 * no release index references, deleted by digest. A digest any release index is or references is kept.
 */
async function removeLegs(buildx, found, verified) {
    const used = new Set();
    for (const v of verified) {
        used.add(v.digest);
        for (const img of v.images)
            for (const pl of img.platforms)
                used.add(pl.digest);
        const names = v.build.images;
        for (const name of names) {
            const index = (await buildx.readManifest(name, v.digest).catch(() => undefined));
            for (const m of index?.manifests ?? [])
                used.add(m.digest);
        }
    }
    const targets = new Map();
    for (const f of found) {
        targets.set(`${f.image}@${f.recordDigest}`, { name: f.image, digest: f.recordDigest, what: 'leg record' });
        if (f.record.content.digest !== f.record.platformDigest)
            targets.set(`${f.image}@${f.record.content.digest}`, { name: f.image, digest: f.record.content.digest, what: 'leg content' });
    }
    const left = [];
    for (const t of targets.values()) {
        if (used.has(t.digest))
            continue;
        try {
            const deleted = await buildx.deleteManifest(t.name, t.digest);
            if (deleted)
                _action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq(`${t.name}@${short(t.digest)}: ${t.what} deleted`);
            else
                left.push({ ref: `${t.name}@${t.digest}`, digest: t.digest, note: `${t.what}; the registry does not allow deleting manifests` });
        }
        catch (e) {
            left.push({ ref: `${t.name}@${t.digest}`, digest: t.digest, note: `${t.what}; deleting it failed: ${_action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$(e.message).slice(0, 200)}` });
        }
    }
    return left;
}
/** The outputs of a merge: as publish's, from the plan and what the registry holds. */
function mergeOutputs(plan, results) {
    const first = results[0];
    return {
        digest: first?.digest ?? '',
        imageid: first?.digest ?? '',
        version: plan.version,
        // metadata-action's tags, as publish writes them (the per-platform tags are in `images`)
        tags: plan.builds.flatMap(b => b.tags).join('\n'),
        metadata: JSON.stringify(Object.fromEntries(results.map(r => [r.build.id, { 'containerimage.digest': r.digest, 'image.name': r.build.tags.join(',') }]))),
        images: (0,_report_index_js__WEBPACK_IMPORTED_MODULE_20__/* .imagesOutput */ .K1)(results.map(r => ({ ...r, seconds: 0 })))
    };
}


/***/ }),

/***/ 50910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ registrySession)
/* harmony export */ });
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31949);
/* harmony import */ var _action_state_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33175);
/* harmony import */ var _buildx_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88152);
/* harmony import */ var _login_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57163);
/**
 * The registry session of the modes that build nothing (merge, promote): the job's own docker config
 * (a copy of the user's, removed by the post step), the seam over it, and the logins for the names the
 * run touches. Secrets are masked before anything runs.
 */




/** Logs in to the registries of `names` (from registry-auth, or GITHUB_TOKEN for GHCR) in a docker config of the job's own. */
async function registrySession(p, names, env, engine) {
    for (const c of p.credentials)
        _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(c.password);
    if (p.inputs.githubToken)
        _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(p.inputs.githubToken);
    const logins = (0,_login_js__WEBPACK_IMPORTED_MODULE_3__/* .planLogins */ .IB)(names, p.credentials, p.ctx.actor, p.inputs.githubToken, p.ctx.serverUrl);
    let buildx = engine;
    if (!buildx) {
        const dockerConfig = (0,_login_js__WEBPACK_IMPORTED_MODULE_3__/* .createDockerConfig */ .lp)(env['RUNNER_TEMP']);
        (0,_action_state_js__WEBPACK_IMPORTED_MODULE_1__/* .remember */ .kY)('dockerConfig', dockerConfig);
        const dockerEnv = (0,_login_js__WEBPACK_IMPORTED_MODULE_3__/* .jobDockerEnvironment */ .$X)(env, dockerConfig, logins.filter(l => l.source !== 'none').map(l => l.registry));
        (0,_action_state_js__WEBPACK_IMPORTED_MODULE_1__/* .remember */ .kY)('buildxConfig', dockerEnv['BUILDX_CONFIG']);
        buildx = new _buildx_js__WEBPACK_IMPORTED_MODULE_2__/* .Buildx */ .F({ env: dockerEnv });
    }
    const loggedIn = [];
    for (const l of logins) {
        if (l.source === 'none')
            continue;
        await (0,_login_js__WEBPACK_IMPORTED_MODULE_3__/* .login */ .iD)(buildx, l);
        loggedIn.push(l.registry);
    }
    return { buildx, loginNote: loggedIn.length ? `logged in to ${loggedIn.join(', ')}` : 'no login: no credentials for these registries (the docker config of the job)' };
}


/***/ })

};
