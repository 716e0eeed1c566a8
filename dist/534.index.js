export const id = 534;
export const ids = [534];
export const modules = {

/***/ 7534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   merge: () => (/* binding */ merge)
/* harmony export */ });
/* unused harmony exports readLegs, indexAnnotations, mergedIndex, removeLegs, mergeOutputs */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1949);
/* harmony import */ var _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2638);
/* harmony import */ var _pipeline_metadata_labels_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8911);
/* harmony import */ var _lib_platform_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6728);
/* harmony import */ var _action_state_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3175);
/* harmony import */ var _buildx_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8152);
/* harmony import */ var _bake_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7761);
/* harmony import */ var _login_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9544);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1986);
/* harmony import */ var _steps_verify_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3993);
/* harmony import */ var _steps_tags_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(4810);
/* harmony import */ var _steps_budget_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(2637);
/* harmony import */ var _release_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(6926);
/* harmony import */ var _arch_tag_moves_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(474);
/* harmony import */ var _pipeline_context_github_api_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(6878);
/* harmony import */ var _report_leftovers_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(7202);
/* harmony import */ var _report_index_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(3344);
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
        const tag = (0,_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_2__/* .legTag */ .NO)(planDigest, platform);
        const where = `${platform} for ${image} (tag ${tag})`;
        try {
            const recordDigest = await buildx.tagDigest(`${image}:${tag}`);
            if (!recordDigest) {
                missingByImage.set(key(b.id, image), (missingByImage.get(key(b.id, image)) ?? 0) + 1);
                const slug = (0,_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_2__/* .platformSlug */ .DN)(platform);
                const others = (await listTags(image)).filter(t => _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_2__/* .LEG_TAG_PATTERN */ .vX.exec(t)?.[2] === slug && t !== tag);
                problems.push(`no leg of ${where}${others.length ? `; the repository has a leg of ${platform} of another plan (${others.slice(0, 3).join(', ')}): was the leg run with another plan output?` : ''}`);
                return;
            }
            const m = (await buildx.readManifest(image, recordDigest));
            if (m?.artifactType !== _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_2__/* .LEG_ARTIFACT_TYPE */ .RV || m.config?.mediaType !== _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_2__/* .LEG_ARTIFACT_TYPE */ .RV || typeof m.config.digest !== 'string' || !DIGEST.test(m.config.digest)) {
                problems.push(`the tag ${tag} of ${image} is not a leg record (artifactType ${String(m?.artifactType).slice(0, 80)})`);
                return;
            }
            if (!Number.isSafeInteger(m.config.size) || m.config.size > _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_RECORD_BYTES */ .xR || m.config.size < 0) {
                problems.push(`the leg record ${where} is larger than ${_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_RECORD_BYTES */ .xR} bytes: not read`);
                return;
            }
            const json = await buildx.imageConfig(image, recordDigest);
            const checked = (0,_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_2__/* .checkRecord */ .EQ)(json, { plan: planDigest, sha: plan.sha, build: b.id, image, platform });
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
            problems.push(`reading the leg of ${where} failed: ${_action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$(e.message).slice(0, 300)}`);
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
    const p = (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_4__/* .parsePlatform */ .FL)(platform);
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
    const mark = platformManifest?.annotations?.[_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_2__/* .PLAN_ANNOTATION */ .yR];
    if (mark === undefined)
        _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`The manifest of ${where} carries no ${_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_2__/* .PLAN_ANNOTATION */ .yR} annotation; its record names this plan, so it is merged.`);
    else if (mark !== planDigest) {
        problems.push(`the manifest of ${where} was built from another plan (its ${_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_2__/* .PLAN_ANNOTATION */ .yR} is ${String(mark).slice(0, 80)}, not ${planDigest})`);
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
    for (const line of (0,_bake_js__WEBPACK_IMPORTED_MODULE_7__/* .buildAnnotations */ .P)(b.annotations)) {
        const { levels, text } = (0,_pipeline_metadata_labels_js__WEBPACK_IMPORTED_MODULE_3__/* .splitAnnotationLevel */ .ek)(line);
        if (!levels?.some(l => l === 'index'))
            continue;
        const eq = text.indexOf('=');
        if (eq > 0)
            out[text.slice(0, eq)] = text.slice(eq + 1);
    }
    out[_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_2__/* .PLAN_ANNOTATION */ .yR] = planDigest;
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
        if (m && Array.isArray(m.manifests) && m.annotations?.[_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_2__/* .PLAN_ANNOTATION */ .yR] === planDigest)
            return digest;
    }
    return undefined;
}
async function merge(p, doc, env, options = {}, engine, cancel = _cancel_js__WEBPACK_IMPORTED_MODULE_9__/* .cancellation */ .WN) {
    const plan = doc.plan;
    const report = options.report ?? true;
    const summaryWanted = report && p.inputs.summary;
    if (plan.builds.some(b => b.images.length === 0))
        throw new Error('Nothing to merge: the plan names no image.');
    // the plan document's max-size rules, refused before any login when one does not parse
    const budgets = (0,_steps_budget_js__WEBPACK_IMPORTED_MODULE_12__/* .budgetRules */ .Le)(plan.policy.rules, 'plan');
    if (!plan.push) {
        const outputs = mergeOutputs(plan, plan.builds.map(b => ({ build: b, digest: '', images: [], seconds: 0 })));
        if (report)
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_15__/* .writeOutputs */ .Kn)({ ...outputs, 'skipped-tags': '' }, env);
        if (summaryWanted)
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_15__/* .writeSummary */ .Sy)(`## multiarch-publish: merge — nothing published\n\nThe plan does not push (${plan.pushReason || 'push is off'}): no leg was read, no index created, no tag moved.\n`, env);
        _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Merge: the plan does not push (${plan.pushReason}); nothing was read or published.`);
        return { results: [], outputs, left: [] };
    }
    for (const c of p.credentials)
        _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .setSecret */ .Pq(c.password);
    if (p.inputs.githubToken)
        _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .setSecret */ .Pq(p.inputs.githubToken);
    const names = [...new Set(plan.builds.flatMap(b => b.images))];
    const logins = (0,_login_js__WEBPACK_IMPORTED_MODULE_8__/* .planLogins */ .IB)(names, p.credentials, p.ctx.actor, p.inputs.githubToken, p.ctx.serverUrl);
    let buildx = engine;
    if (!buildx) {
        const dockerConfig = (0,_login_js__WEBPACK_IMPORTED_MODULE_8__/* .createDockerConfig */ .lp)(env['RUNNER_TEMP']);
        (0,_action_state_js__WEBPACK_IMPORTED_MODULE_5__/* .remember */ .kY)('dockerConfig', dockerConfig);
        const dockerEnv = (0,_login_js__WEBPACK_IMPORTED_MODULE_8__/* .jobDockerEnvironment */ .$X)(env, dockerConfig, logins.filter(l => l.source !== 'none').map(l => l.registry));
        (0,_action_state_js__WEBPACK_IMPORTED_MODULE_5__/* .remember */ .kY)('buildxConfig', dockerEnv['BUILDX_CONFIG']);
        buildx = new _buildx_js__WEBPACK_IMPORTED_MODULE_6__/* .Buildx */ .F({ env: dockerEnv });
    }
    const loggedIn = [];
    for (const l of logins) {
        if (l.source === 'none')
            continue;
        await (0,_login_js__WEBPACK_IMPORTED_MODULE_8__/* .login */ .iD)(buildx, l);
        loggedIn.push(l.registry);
    }
    const loginNote = loggedIn.length ? `logged in to ${loggedIn.join(', ')}` : 'no login: no credentials for these registries (the docker config of the job)';
    try {
        return await run(buildx, p, doc, env, { report, summaryWanted, loginNote, cancel, budgets });
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
    const legs = await _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .group */ .Os('Legs', async () => {
        const read = await readLegs(buildx, plan, doc.digest);
        for (const f of read.found)
            _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`${f.image} ${f.platform}: ${short(f.record.platformDigest)} (leg ${f.record.runner || 'unknown runner'}, run ${f.record.run || '?'})`);
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
            _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`${image}: no leg record of this plan, but a tag already points at its index ${short(digest)} (merged before): re-used`);
            const mine = (pr) => b.platforms.some(pl => pr.startsWith(`no leg of ${pl} for ${image} `));
            for (let k = problems.length - 1; k >= 0; k--)
                if (mine(problems[k]))
                    problems.splice(k, 1);
        }
    }
    if (problems.length) {
        const message = `The merge found ${problems.length} problem(s) with the build legs; no release tag was created or moved:\n${problems.map(x => `  - ${x}`).join('\n')}`;
        if (o.summaryWanted)
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_15__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_15__/* .publishSummary */ .Iv)(plan, engineReport, [], problems, 0), env);
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
                _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`${image}: index ${short(d)} created (${b.platforms.join(', ')})`);
            }
            if (digest && d !== digest)
                throw new Error(`The legs of ${b.images.join(', ')} pushed different content to the names (indexes ${short(digest)} and ${short(d)}); no release tag was created or moved.`);
            digest = d;
        }
        digests.push({ build: b, digest: digest });
    }
    o.cancel.check();
    o.cancel.during('verification');
    let { verified } = await (0,_steps_verify_js__WEBPACK_IMPORTED_MODULE_10__/* .verify */ .MX)({ buildx, builds: digests });
    const sized = (0,_steps_verify_js__WEBPACK_IMPORTED_MODULE_10__/* .sizes */ .LR)(buildx, verified);
    sized.catch(() => undefined);
    // size budgets (policy max-size of the plan, steps/budget.ts): checked before any tag moves
    const budget = await (0,_steps_budget_js__WEBPACK_IMPORTED_MODULE_12__/* .budgetGate */ .DG)(buildx, o.budgets, verified, sized, plan.sha);
    if (budget?.violations.length) {
        if (o.summaryWanted)
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_15__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_15__/* .publishSummary */ .Iv)(plan, engineReport, [], budget.violations.map(_steps_budget_js__WEBPACK_IMPORTED_MODULE_12__/* .violationMessage */ .nW), 0) + (0,_report_index_js__WEBPACK_IMPORTED_MODULE_15__/* .budgetSummary */ .ay)(budget), env);
        throw new Error((0,_steps_budget_js__WEBPACK_IMPORTED_MODULE_12__/* .budgetError */ .qV)(budget));
    }
    let tagMoves = [];
    let skipped = [];
    try {
        ({ tagMoves, skipped } = await (0,_release_js__WEBPACK_IMPORTED_MODULE_13__/* .release */ ._r)({
            buildx,
            verified,
            sha: plan.sha,
            created: (0,_release_js__WEBPACK_IMPORTED_MODULE_13__/* .imageCreated */ .uX)(plan),
            force: p.inputs.engine.forceTags,
            retryTimeoutMs: p.inputs.engine.tagRetryTimeout * 1000,
            extraMoves: (0,_arch_tag_moves_js__WEBPACK_IMPORTED_MODULE_16__/* .archTagMoves */ .f)(verified, plan.sha),
            compare: (base, head) => (0,_pipeline_context_github_api_js__WEBPACK_IMPORTED_MODULE_14__/* .compareCommits */ .kC)(p.ctx, p.inputs.githubToken, base, head, _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e),
            cancel: o.cancel
        }));
    }
    catch (err) {
        const cause = err instanceof _release_js__WEBPACK_IMPORTED_MODULE_13__/* .ReleaseError */ .K2 ? err.cause : err;
        if (err instanceof _release_js__WEBPACK_IMPORTED_MODULE_13__/* .ReleaseError */ .K2)
            skipped = err.skipped;
        if (cause instanceof _steps_tags_js__WEBPACK_IMPORTED_MODULE_11__/* .TagPhaseError */ .__ && o.summaryWanted)
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_15__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_15__/* .publishSummary */ .Iv)(plan, engineReport, [], [], 0, { outcomes: cause.outcomes, error: cause.message }) + (0,_report_index_js__WEBPACK_IMPORTED_MODULE_15__/* .skippedTagsSummary */ .Ii)(skipped), env);
        throw cause;
    }
    verified = await sized;
    const left = await removeLegs(buildx, legs.found, verified);
    if (left.length)
        _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`Left in the registry (it refused the deletion): ${left.map(l => `${l.ref} (${l.note})`).join(', ')}`);
    const seconds = (Date.now() - started) / 1000;
    const results = verified.map(v => ({ build: v.build, digest: v.digest, images: v.images, seconds }));
    const outputs = { ...mergeOutputs(plan, results), 'skipped-tags': (0,_report_index_js__WEBPACK_IMPORTED_MODULE_15__/* .skippedTagsOutput */ .Jf)(skipped) };
    if (o.report)
        (0,_report_index_js__WEBPACK_IMPORTED_MODULE_15__/* .writeOutputs */ .Kn)(outputs, env);
    if (o.summaryWanted) {
        (0,_report_index_js__WEBPACK_IMPORTED_MODULE_15__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_15__/* .publishSummary */ .Iv)(plan, engineReport, results, [], seconds, tagMoves.length ? { outcomes: tagMoves } : undefined) +
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_15__/* .budgetSummary */ .ay)(budget) +
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_15__/* .skippedTagsSummary */ .Ii)(skipped) +
            (0,_report_leftovers_js__WEBPACK_IMPORTED_MODULE_17__/* .leftoversSummary */ .N)({ push: 'by the build legs (mode: build), by digest; the index was made by the merge in-process', stagingTags: left.map(l => ({ ref: l.ref, digest: l.digest })), kept: false, failed: false, what: 'leg records and leg content' }), env);
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
                _action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`${t.name}@${short(t.digest)}: ${t.what} deleted`);
            else
                left.push({ ref: `${t.name}@${t.digest}`, digest: t.digest, note: `${t.what}; the registry does not allow deleting manifests` });
        }
        catch (e) {
            left.push({ ref: `${t.name}@${t.digest}`, digest: t.digest, note: `${t.what}; deleting it failed: ${_action_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$(e.message).slice(0, 200)}` });
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
        images: (0,_report_index_js__WEBPACK_IMPORTED_MODULE_15__/* .imagesOutput */ .K1)(results.map(r => ({ ...r, seconds: 0 })))
    };
}


/***/ }),

/***/ 2638:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $K: () => (/* binding */ recordBytes),
/* harmony export */   DN: () => (/* binding */ platformSlug),
/* harmony export */   EQ: () => (/* binding */ checkRecord),
/* harmony export */   NO: () => (/* binding */ legTag),
/* harmony export */   P4: () => (/* binding */ LEG_SCHEMA),
/* harmony export */   Qf: () => (/* binding */ LEG_SCHEMA_VERSION),
/* harmony export */   RV: () => (/* binding */ LEG_ARTIFACT_TYPE),
/* harmony export */   gi: () => (/* binding */ EMPTY_DESCRIPTOR),
/* harmony export */   vX: () => (/* binding */ LEG_TAG_PATTERN),
/* harmony export */   xR: () => (/* binding */ MAX_RECORD_BYTES),
/* harmony export */   yR: () => (/* binding */ PLAN_ANNOTATION)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var canonicalize__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8799);
/* harmony import */ var _lib_platform_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6728);
/**
 * The leg record: how a build leg (`mode: build`) tells the merge (`mode: merge`) what it pushed, with the
 * registry as the only place where they meet. Pure: names, the record's bytes, and its validation.
 *
 * A leg pushes each image's content by digest (no release tag) and then, per image name and per platform
 * it built, a small OCI artifact (an image manifest with `artifactType` LEG_ARTIFACT_TYPE whose config
 * blob is the record's JSON, one empty layer, and `subject` = the leg's content) under the leg tag
 * `mp-leg-<16 hex of the plan digest>-<os>-<arch>[-<variant>]`. The merge reads exactly those tags of its
 * plan, checks every record against the plan (same plan digest, commit, build id, image name and
 * platform), creates the index from the records' content digests, and deletes the record manifests
 * afterwards (never the content: the release's index references it). The platform manifests carry the
 * annotation PLAN_ANNOTATION (the plan digest) as well, so that a merge also sees on the content itself
 * which plan it was built from, and the merged index carries it at the index level, so that a second
 * merge (records gone) recognises a release already made from the same plan.
 */



const LEG_SCHEMA = 'multiarch-publish/leg';
const LEG_SCHEMA_VERSION = 1;
/** `artifactType` of the record manifest, and the media type of its config blob. */
const LEG_ARTIFACT_TYPE = 'application/vnd.multiarch-publish.leg.v1+json';
/** Annotation key holding the plan digest: on the platform manifests (legs) and on the merged index. */
const PLAN_ANNOTATION = 'dev.multiarch-publish.plan';
/** The OCI empty descriptor (`{}`), the record manifest's only layer. */
const EMPTY_DESCRIPTOR = { mediaType: 'application/vnd.oci.empty.v1+json', digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a', size: 2, data: 'e30=' };
/** A record is a few hundred bytes; anything larger is not one. */
const MAX_RECORD_BYTES = 64 * 1024;
/** The platform part of a leg tag: `linux/arm/v7` -> `linux-arm-v7` (normalised first). */
function platformSlug(platform) {
    return (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPlatform */ .Bq)((0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePlatform */ .FL)(platform)).replace(/\//g, '-');
}
/** The tag a leg's record of `platform` has, for the plan with digest `planDigest` (`sha256:<hex>`). */
function legTag(planDigest, platform) {
    const hex = /^sha256:([0-9a-f]{64})$/.exec(planDigest)?.[1];
    if (!hex)
        throw new Error(`not a plan digest: ${planDigest.slice(0, 80)}`);
    return `mp-leg-${hex.slice(0, 16)}-${platformSlug(platform)}`;
}
/** Every leg tag, of any plan, for listing what other plans left (diagnostics): group 1 = 16 hex, 2 = slug. */
const LEG_TAG_PATTERN = /^mp-leg-([0-9a-f]{16})-([a-z0-9]+-[a-z0-9]+(?:-[a-z0-9.]+)?)$/;
const sha256 = (b) => `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(b).digest('hex')}`;
/** The blobs and manifest of a record (deterministic: the same record gives the same bytes). */
function recordBytes(record) {
    const config = new TextEncoder().encode((0,canonicalize__WEBPACK_IMPORTED_MODULE_2__/* ["default"] */ .A)(record) ?? '');
    const configDesc = { mediaType: LEG_ARTIFACT_TYPE, digest: sha256(config), size: config.length };
    const { data: _data, ...empty } = EMPTY_DESCRIPTOR;
    const manifest = {
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        artifactType: LEG_ARTIFACT_TYPE,
        config: configDesc,
        layers: [empty],
        subject: record.content,
        annotations: { 'org.opencontainers.image.created': record.created, [PLAN_ANNOTATION]: record.plan }
    };
    const bytes = new TextEncoder().encode(JSON.stringify(manifest));
    return { config: { ...configDesc, bytes: config }, manifest: { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha256(bytes), bytes } };
}
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/**
 * Reads a record manifest's config blob (already fetched, size-checked by the caller against
 * MAX_RECORD_BYTES) and checks it against what the merge expects. Returns the record, or a reason (one
 * sentence, no untrusted text longer than 80 characters) why it is not this plan's leg.
 */
function checkRecord(json, expect) {
    const r = json;
    const s = (v) => String(v).slice(0, 80);
    if (!r || typeof r !== 'object' || r.schema !== LEG_SCHEMA)
        return { reason: 'is not a multiarch-publish leg record' };
    if (r.schemaVersion !== LEG_SCHEMA_VERSION)
        return { reason: `is a leg record of schema version ${s(r.schemaVersion)}, not ${LEG_SCHEMA_VERSION} (legs and merge must run the same version of the action)` };
    for (const k of ['plan', 'sha', 'build', 'image', 'platform', 'platformDigest', 'runner', 'run', 'created']) {
        if (typeof r[k] !== 'string')
            return { reason: `has no valid field ${k}` };
    }
    const c = r.content;
    if (!c || typeof c !== 'object' || typeof c.mediaType !== 'string' || typeof c.digest !== 'string' || !DIGEST.test(c.digest) || !Number.isSafeInteger(c.size))
        return { reason: 'has no valid content descriptor' };
    if (!DIGEST.test(r.platformDigest))
        return { reason: 'has no valid platformDigest' };
    if (!Array.isArray(r.platforms) || !r.platforms.every(p => typeof p === 'string'))
        return { reason: 'has no valid platforms list' };
    if (r.plan !== expect.plan)
        return { reason: `was built from another plan (${s(r.plan)}), not ${expect.plan}` };
    if (r.sha !== expect.sha)
        return { reason: `was built from commit ${s(r.sha)}, not the plan's ${expect.sha}` };
    if (r.build !== expect.build || r.image !== expect.image)
        return { reason: `belongs to ${s(r.image)} (build ${s(r.build)}), not ${expect.image}` };
    let platform;
    try {
        platform = (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPlatform */ .Bq)((0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePlatform */ .FL)(r.platform));
    }
    catch {
        return { reason: `names an invalid platform ${s(r.platform)}` };
    }
    if (platform !== (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPlatform */ .Bq)((0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePlatform */ .FL)(expect.platform)))
        return { reason: `is for ${platform}, not ${expect.platform}` };
    return { record: r };
}


/***/ }),

/***/ 8799:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ canonicalize)
/* harmony export */ });
function hasLoneSurrogate (value) {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);

    if (code >= 0xD800 && code <= 0xDBFF) {
      if (i === value.length - 1) {
        return true;
      }
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xDC00 && next <= 0xDFFF)) {
        return true;
      }
      i++;
    } else if (code >= 0xDC00 && code <= 0xDFFF) {
      return true;
    }
  }

  return false;
}

function canonicalize (object, seen = new Set()) {
  if (typeof object === 'number' && isNaN(object)) {
    throw new Error('NaN is not allowed');
  }

  if (typeof object === 'number' && !isFinite(object)) {
    throw new Error('Infinity is not allowed');
  }

  if (typeof object === 'string' && hasLoneSurrogate(object)) {
    throw new Error('Lone surrogate is not allowed');
  }

  if (object === null || typeof object !== 'object') {
    return JSON.stringify(object);
  }

  if (typeof object.toJSON === 'function') {
    if (seen.has(object)) {
      throw new Error('Circular reference detected');
    }
    seen.add(object);
    const result = canonicalize(object.toJSON(), seen);
    seen.delete(object);
    return result;
  }

  if (seen.has(object)) {
    throw new Error('Circular reference detected');
  }
  seen.add(object);

  let result;
  if (Array.isArray(object)) {
    const values = object.map((cv) => {
      const value = cv === undefined || typeof cv === 'symbol' ? null : cv;
      return canonicalize(value, seen);
    });
    result = `[${values.join(',')}]`;
  } else {
    const parts = [];
    for (const key of Object.keys(object).sort()) {
      if (object[key] === undefined || typeof object[key] === 'symbol') {
        continue;
      }
      parts.push(`${canonicalize(key)}:${canonicalize(object[key], seen)}`);
    }
    result = `{${parts.join(',')}}`;
  }

  seen.delete(object);
  return result;
}


/***/ })

};
