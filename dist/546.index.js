export const id = 546;
export const ids = [546];
export const modules = {

/***/ 33237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ nameIn),
/* harmony export */   copyContent: () => (/* binding */ copyContent)
/* harmony export */ });
/* unused harmony export referrerTags */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31949);
/**
 * Copying content between registries with its digest kept (`mode: promote` with `to-registry`): the
 * manifest's exact bytes, and everything it references first — an index's platform and attestation
 * manifests, each manifest's config and layers (streamed through a file of the run's own, each blob's
 * digest and size checked), and the signatures and attestations stored beside it under the tag scheme
 * of cosign and the OCI referrers fallback (`sha256-<hex>`, `sha256-<hex>.sig`, `.att`, `.sbom`), which
 * are tagged alike in the target. A blob or manifest the target already has is not sent again.
 */




const DIGEST = /^sha256:[0-9a-f]{64}$/;
/** The tags that hold what is stored beside `digest` (signatures, attestations, SBOMs; cosign and OCI referrers tag schema). */
function referrerTags(tags, digest) {
    const base = digest.replace(':', '-');
    return tags.filter(t => t === base || (t.startsWith(`${base}.`) && /^(sig|att|sbom)$/.test(t.slice(base.length + 1)))).sort();
}
/** Copies `digest` of `source` (a name) into `target` (a name of another registry), digest kept. */
async function copyContent(buildx, source, target, digest, tempDir) {
    if (!buildx.manifestRaw || !buildx.hasBlob || !buildx.downloadBlob)
        throw new Error('this engine cannot copy between registries');
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(tempDir || process.env['RUNNER_TEMP'] || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'mp-copy-'));
    const result = { manifests: 0, blobs: 0, bytes: 0, referrers: [] };
    const done = new Set();
    const sourceTags = buildx.listTags ? await buildx.listTags(source).catch(() => []) : [];
    const blob = async (d) => {
        if (done.has(d.digest))
            return;
        done.add(d.digest);
        if (!DIGEST.test(d.digest) || !Number.isSafeInteger(d.size) || d.size < 0)
            throw new Error(`${source}: a descriptor with digest ${String(d.digest).slice(0, 80)} is not one this action copies`);
        if (await buildx.hasBlob(target, d.digest))
            return;
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, d.digest.slice('sha256:'.length));
        await buildx.downloadBlob(source, { digest: d.digest, size: d.size, file });
        try {
            await buildx.pushBlob(target, { digest: d.digest, size: d.size, file });
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(file, { force: true });
        }
        result.blobs++;
        result.bytes += d.size;
    };
    const manifest = async (d, tag) => {
        if (!done.has(d)) {
            done.add(d);
            const raw = await buildx.manifestRaw(source, d);
            if (!raw)
                throw new Error(`${source}@${d} is not in the registry`);
            const m = JSON.parse(new TextDecoder().decode(raw.bytes));
            for (const child of m.manifests ?? [])
                await manifest(child.digest);
            for (const b of [...(m.config ? [m.config] : []), ...(m.layers ?? []), ...(m.blobs ?? [])])
                await blob(b);
            await buildx.putManifest(target, d, raw.mediaType, raw.bytes);
            result.manifests++;
            // what is stored beside it: signatures, attestations and SBOMs under their tags
            for (const t of referrerTags(sourceTags, d)) {
                const at = await buildx.tagDigest(`${source}:${t}`);
                if (!at)
                    continue;
                await manifest(at, t);
                result.referrers.push(t);
            }
        }
        if (tag) {
            const raw = await buildx.manifestRaw(source, d);
            await buildx.putManifest(target, tag, raw.mediaType, raw.bytes);
        }
    };
    try {
        await manifest(digest);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
    }
    _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`${source}@${digest} -> ${target}: ${result.manifests} manifest(s), ${result.blobs} blob(s) sent (${result.bytes} bytes)${result.referrers.length ? `, referrers ${result.referrers.join(', ')}` : ''}`);
    return result;
}
/** The name of `name` in another registry: its registry part replaced (`ghcr.io/acme/api` -> `registry.example.com/acme/api`). */
function nameIn(registry, name) {
    const slash = name.indexOf('/');
    return `${registry.replace(/\/+$/, '')}/${slash > 0 ? name.slice(slash + 1) : name}`;
}


/***/ }),

/***/ 546:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   history: () => (/* binding */ history),
/* harmony export */   historyContext: () => (/* binding */ historyContext),
/* harmony export */   promote: () => (/* binding */ promote),
/* harmony export */   promotePolicy: () => (/* binding */ promotePolicy),
/* harmony export */   resolveSources: () => (/* binding */ resolveSources),
/* harmony export */   rollback: () => (/* binding */ rollback)
/* harmony export */ });
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31949);
/* harmony import */ var _pipeline_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91130);
/* harmony import */ var _pipeline_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(61539);
/* harmony import */ var _pipeline_inputs_promote_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99838);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(50910);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(59399);
/* harmony import */ var _steps_budget_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(72637);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(14031);
/* harmony import */ var _copy_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(33237);
/* harmony import */ var _release_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(96926);
/* harmony import */ var _steps_tags_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(92429);
/* harmony import */ var _pipeline_context_github_api_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6878);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(41986);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(50390);
/* harmony import */ var _pipeline_history_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(20290);
/* harmony import */ var _report_index_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(33344);
/**
 * `mode: promote`: tags that already exist move through environments without a rebuild. Every image's
 * source (`from`: a tag or a digest) is resolved first; if any is missing, nothing moves and every missing
 * image is named. Then the target tags (`to`) get exactly the source digest — the index and everything it
 * references unchanged: no pull, no rebuild, no new manifest — through the same release phase as publish
 * and merge (engine/release.ts: the guard against moving a tag to older content unless `force-tags`,
 * atomic, retried, restored on failure, read back and verified equal).
 */
















/** The policy rules that concern tags (the others concern what a build is tagged with: the build's commit and ref). */
const PROMOTE_RULES = ['allow-tags', 'deny-latest', 'max-tags'];
/** The policy over the target tags: allow-tags, deny-latest and max-tags (require-sha/require-semver are about builds). */
function promotePolicy(p, names) {
    const rules = p.inputs.policy.filter(r => PROMOTE_RULES.includes(r.kind));
    const tags = p.inputs.promote.to.map(t => t.tag);
    return (0,_pipeline_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .evaluatePolicy */ .Uz)(rules, { images: names.map(name => ({ name, tags, push: true })), ref: p.ctx.ref, sha: p.ctx.sha, shortSha: p.ctx.shortSha, latestTags: ['latest'] });
}
/** Every image's source, or every problem (one sentence per image). */
async function resolveSources(buildx, names, from) {
    const problems = [];
    const found = await Promise.all(names.map(async (name) => {
        try {
            let digest;
            if ((0,_pipeline_inputs_promote_js__WEBPACK_IMPORTED_MODULE_3__/* .sourceKind */ .uh)(from) === 'digest') {
                digest = (await buildx.readManifest(name, from).then(() => from, () => undefined));
                if (!digest)
                    problems.push(`${name}@${from} is not in the registry`);
            }
            else {
                digest = await buildx.tagDigest(`${name}:${from}`);
                if (!digest)
                    problems.push(`${name} has no tag ${from}`);
            }
            if (!digest)
                return undefined;
            const config = (await buildx.imageConfig(name, digest).catch(() => undefined));
            const labels = config?.config?.Labels ?? {};
            const created = labels['org.opencontainers.image.created'] ?? config?.created;
            return { name, digest, revision: labels['org.opencontainers.image.revision'] ?? '', created: created && !Number.isNaN(Date.parse(created)) ? new Date(created) : undefined };
        }
        catch (e) {
            problems.push(`reading ${name}:${from} failed: ${_action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$(e.message).slice(0, 300)}`);
            return undefined;
        }
    }));
    problems.sort((a, b) => names.findIndex(n => a.startsWith(n)) - names.findIndex(n => b.startsWith(n)));
    return { sources: found.filter((s) => !!s), problems };
}
/** A build of one promoted name: its target tags, at its source's index. */
function promotionBuild(name, to, platforms, policy) {
    return { id: name.slice(name.lastIndexOf('/') + 1), images: [name], file: '', context: '', platforms, tags: to.map(t => `${name}:${t}`), tagNames: to, labels: [], annotations: [], buildArgs: {}, push: true, policy };
}
async function promote(p, env, engine, cancel = _cancel_js__WEBPACK_IMPORTED_MODULE_10__/* .cancellation */ .WN) {
    const { inputs } = p;
    const from = inputs.promote.from;
    const to = inputs.promote.to.map(t => t.tag);
    const names = [...new Set(p.plan.builds.flatMap(b => b.images))];
    if (!names.length)
        throw new Error('Nothing to promote: the images input names no image.');
    // to-registry: the target tags are in another registry, where the content is copied (engine/copy.ts)
    const toRegistry = inputs.promote.toRegistry;
    const targetOf = (name) => (toRegistry ? (0,_copy_js__WEBPACK_IMPORTED_MODULE_6__/* .nameIn */ .Z)(toRegistry, name) : name);
    const targets = names.map(targetOf);
    // before any login: the policy over the target tags
    const policy = promotePolicy(p, targets);
    for (const w of policy.warnings)
        _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Tag policy: ${w}`);
    if (!policy.allowed)
        throw new _pipeline_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PolicyRefusal */ .F(policy.violations.map(v => v.message));
    const summaryWanted = inputs.summary;
    const { buildx, loginNote } = await (0,_session_js__WEBPACK_IMPORTED_MODULE_4__/* .registrySession */ .E)(p, [...new Set([...names, ...targets])], env, engine);
    try {
        cancel.check();
        const { sources, problems } = await _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Sources', async () => {
            const r = await resolveSources(buildx, names, from);
            for (const s of r.sources)
                _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${s.name}:${from} -> ${s.digest}${s.revision ? ` (commit ${s.revision.slice(0, 12)})` : ''}`);
            return r;
        });
        if (problems.length) {
            const message = `mode: promote found ${problems.length} image(s) without the source ${from}; no tag was moved:\n${problems.map(x => `  - ${x}`).join('\n')}`;
            if (summaryWanted)
                (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .promoteSummary */ .h0)({ from, to, promotions: [], failures: problems, loginNote, dryRun: inputs.dryRun }), env);
            throw new Error(message);
        }
        // require-signature / require-attestations: what is not signed or attested is not promoted
        if (inputs.verify.signature || inputs.verify.attestations.length) {
            const { verifySources, requirementError, verificationOutput } = await __webpack_require__.e(/* import() */ 69).then(__webpack_require__.bind(__webpack_require__, 10069));
            const findings = await verifySources(buildx, sources, inputs, env);
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeOutputs */ .Kn)({ verification: verificationOutput(findings) }, env);
            if (findings.some(f => f.problems.length)) {
                const message = requirementError(findings, `mode: promote refuses ${from}; no tag was moved`);
                if (summaryWanted)
                    (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .promoteSummary */ .h0)({ from, to, promotions: [], failures: findings.flatMap(f => f.problems), loginNote, dryRun: inputs.dryRun }), env);
                throw new Error(message);
            }
            _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Every image at ${from} carries what require-signature and require-attestations ask for.`);
        }
        // size budgets (policy max-size): a promotion releases content as much as a publish does, so an
        // image over its budget is refused before anything is copied or moved (dry run included)
        const budget = await promoteBudget(buildx, p, sources, to, targetOf, policy);
        if (budget?.violations.length) {
            if (summaryWanted)
                (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .promoteSummary */ .h0)({ from, to, promotions: [], failures: budget.violations.map(_steps_budget_js__WEBPACK_IMPORTED_MODULE_5__/* .violationMessage */ .nW), loginNote, dryRun: inputs.dryRun }) + (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .budgetSummary */ .ay)(budget), env);
            throw new Error((0,_steps_budget_js__WEBPACK_IMPORTED_MODULE_5__/* .budgetError */ .qV)(budget));
        }
        if (toRegistry && !inputs.dryRun) {
            // every image's content into the target registry first, digests kept; no tag moves before all are there
            const { copyContent } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 33237));
            cancel.during('push');
            await _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Copy to ${toRegistry}`, async () => {
                for (const s of sources) {
                    try {
                        await copyContent(buildx, s.name, targetOf(s.name), s.digest, env['RUNNER_TEMP']);
                    }
                    catch (e) {
                        const message = `copying ${s.name}@${s.digest} to ${targetOf(s.name)} failed: ${_action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$(e.message).slice(0, 300)}`;
                        if (summaryWanted)
                            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .promoteSummary */ .h0)({ from, to, promotions: [], failures: [message], loginNote, dryRun: false }), env);
                        throw new Error(`mode: promote: ${message}; no tag was moved (what was copied stays in ${toRegistry} by digest, untagged)`);
                    }
                }
            });
            cancel.check();
        }
        const verified = [];
        for (const s of sources) {
            // a dry run across registries reads the source (nothing is copied yet)
            const where = toRegistry && !inputs.dryRun ? targetOf(s.name) : s.name;
            const image = await (0,_registry_js__WEBPACK_IMPORTED_MODULE_14__/* .readImage */ .AM)(buildx, where, s.digest);
            verified.push({ build: promotionBuild(targetOf(s.name), to, image.platforms.map(pl => pl.platform), policy), digest: s.digest, images: [{ ...image, name: targetOf(s.name) }] });
        }
        const revisions = [...new Set(sources.map(s => s.revision).filter(Boolean))];
        if (revisions.length > 1)
            _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`The sources carry ${revisions.length} commits (${revisions.map(r => r.slice(0, 12)).join(', ')}); the guard compares the tags with the first.`);
        const sha = revisions[0] ?? '';
        const created = sources.map(s => s.created).find(Boolean);
        const retryTimeoutMs = inputs.engine.tagRetryTimeout * 1000;
        if (inputs.dryRun) {
            const current = await (0,_steps_tags_js__WEBPACK_IMPORTED_MODULE_8__/* .currentDigests */ .zS)({ buildx, moves: (0,_steps_tags_js__WEBPACK_IMPORTED_MODULE_8__/* .plannedMoves */ .PP)(verified, sha), retryTimeoutMs });
            const promotions = verified.flatMap(v => to.map(tag => ({ image: v.build.images[0], tag, from, before: current.get(`${v.build.images[0]}:${tag}`) ?? null, digest: v.digest, state: 'would-move' })));
            const outputs = { promotions: JSON.stringify(promotions), 'skipped-tags': '' };
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeOutputs */ .Kn)(outputs, env);
            if (summaryWanted)
                (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .promoteSummary */ .h0)({ from, to, promotions, failures: [], loginNote, dryRun: true }) + (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .budgetSummary */ .ay)(budget), env);
            _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Dry run: the tags were not moved.');
            return { promotions, outputs };
        }
        let tagMoves = [];
        let skipped = [];
        try {
            const revision = new Map(sources.map(s => [targetOf(s.name), s.revision]));
            const history = historyContext(p, env, 'promote', () => from, name => revision.get(name) ?? '');
            ({ tagMoves, skipped } = await (0,_release_js__WEBPACK_IMPORTED_MODULE_7__/* .release */ ._r)({ buildx, verified, sha, created, force: inputs.engine.forceTags, retryTimeoutMs, compare: (base, head) => (0,_pipeline_context_github_api_js__WEBPACK_IMPORTED_MODULE_9__/* .compareCommits */ .kC)(p.ctx, inputs.githubToken, base, head, _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e), cancel, history }));
        }
        catch (err) {
            const cause = err instanceof _release_js__WEBPACK_IMPORTED_MODULE_7__/* .ReleaseError */ .K2 ? err.cause : err;
            if (err instanceof _release_js__WEBPACK_IMPORTED_MODULE_7__/* .ReleaseError */ .K2)
                skipped = err.skipped;
            if (cause instanceof _steps_tags_js__WEBPACK_IMPORTED_MODULE_8__/* .TagPhaseError */ .__ && summaryWanted)
                (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .promoteSummary */ .h0)({ from, to, promotions: cause.outcomes.map(o => promotionOf(o, from)), failures: [cause.message], loginNote, dryRun: false }) + (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .skippedTagsSummary */ .Ii)(skipped), env);
            throw cause;
        }
        const promotions = tagMoves.map(o => promotionOf(o, from));
        const outputs = { promotions: JSON.stringify(promotions), 'skipped-tags': (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .skippedTagsOutput */ .Jf)(skipped), digest: verified[0]?.digest ?? '' };
        (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeOutputs */ .Kn)(outputs, env);
        if (summaryWanted)
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .promoteSummary */ .h0)({ from, to, promotions, failures: [], loginNote, dryRun: false }) + (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .budgetSummary */ .ay)(budget) + (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .skippedTagsSummary */ .Ii)(skipped), env);
        cancel.check();
        return { promotions, outputs };
    }
    catch (err) {
        throw cancel.explain(err);
    }
}
/**
 * The size budgets over what a promotion would release: every source's platform sizes (read where the
 * source is, before any copy), under the target name the rules match, with the change from what the first
 * target tag points at now. undefined when no max-size rule matches a target.
 */
async function promoteBudget(buildx, p, sources, to, targetOf, policy) {
    const rules = p.inputs.policy.filter((r) => r.kind === 'max-size');
    if (!rules.length)
        return undefined;
    const candidates = sources.map(s => ({ build: promotionBuild(targetOf(s.name), to, [], policy), digest: s.digest, images: [{ name: targetOf(s.name), digest: s.digest, mediaType: '', platforms: [] }] }));
    const sized = Promise.all(sources.map(async (s, i) => {
        const image = await (0,_registry_js__WEBPACK_IMPORTED_MODULE_14__/* .withSizes */ .Z)(buildx, await (0,_registry_js__WEBPACK_IMPORTED_MODULE_14__/* .readImage */ .AM)(buildx, s.name, s.digest), _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e);
        return { ...candidates[i], images: [{ ...image, name: targetOf(s.name) }] };
    }));
    return (0,_steps_budget_js__WEBPACK_IMPORTED_MODULE_5__/* .budgetGate */ .DG)(buildx, rules, candidates, sized, sources.map(s => s.revision).find(Boolean) ?? '');
}
function promotionOf(o, from) {
    return { image: o.name, tag: o.tag, from, before: o.previous ?? null, digest: o.digest, state: o.state };
}
/** Who moved the channel, for its history: the run, the actor, what and which commit. */
function historyContext(p, env, kind, source, commit, channels) {
    return { kind, isChannel: channels ?? (() => true), source, commit, run: env['GITHUB_RUN_ID'] ? `${env['GITHUB_RUN_ID']}/${env['GITHUB_RUN_ATTEMPT'] || '1'}` : '', actor: p.ctx.actor || '' };
}
/**
 * `mode: rollback`: every channel of `to` (on every image) goes back to the digest it pointed at before
 * its last `steps` recorded moves (or to `from`), read from its history in the registry. Every image
 * and channel is resolved first, and the target must still be in the registry; then the channels move
 * in one tag phase (forced: going back to older content is the point) and the rollback is recorded as
 * an entry of each history.
 */
async function rollback(p, env, engine, cancel = _cancel_js__WEBPACK_IMPORTED_MODULE_10__/* .cancellation */ .WN) {
    const { inputs } = p;
    const { from, steps } = inputs.promote;
    const channels = inputs.promote.to.map(t => t.tag);
    const names = [...new Set(p.plan.builds.flatMap(b => b.images))];
    if (!names.length)
        throw new Error('Nothing to roll back: the images input names no image.');
    const policy = promotePolicy(p, names);
    if (!policy.allowed)
        throw new _pipeline_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PolicyRefusal */ .F(policy.violations.map(v => v.message));
    const { buildx, loginNote } = await (0,_session_js__WEBPACK_IMPORTED_MODULE_4__/* .registrySession */ .E)(p, names, env, engine);
    const what = from ? `from ${from}` : `${steps} step${steps > 1 ? 's' : ''} back`;
    try {
        cancel.check();
        const problems = [];
        const targets = [];
        const fromSources = from ? await resolveSources(buildx, names, from) : undefined;
        problems.push(...(fromSources?.problems ?? []));
        await _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Histories', () => Promise.all(names.flatMap(name => channels.map(async (channel) => {
            try {
                const current = await buildx.tagDigest(`${name}:${channel}`);
                if (fromSources) {
                    const s = fromSources.sources.find(x => x.name === name);
                    if (s)
                        targets.push({ name, channel, digest: s.digest, current });
                    return;
                }
                const entries = await (0,_history_js__WEBPACK_IMPORTED_MODULE_11__/* .readHistory */ .Lu)(buildx, name, channel);
                const t = (0,_pipeline_history_js__WEBPACK_IMPORTED_MODULE_12__/* .rollbackTarget */ .es)(entries, current, steps);
                if ('reason' in t)
                    return void problems.push(`${name}:${channel} ${t.reason}`);
                const there = await buildx.readManifest(name, t.digest).then(() => true, () => false);
                if (!there)
                    return void problems.push(`${name}:${channel}: ${t.digest} (${steps} step(s) back) is no longer in the registry`);
                _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${name}:${channel}: ${current} -> ${t.digest} (the digest before the move of ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_15__/* .logValue */ .Od)(t.entry.at)}, ${t.entry.kind} of ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_15__/* .logValue */ .Od)(t.entry.source) || '?'})`);
                targets.push({ name, channel, digest: t.digest, current });
            }
            catch (e) {
                problems.push(`reading the history of ${name}:${channel} failed: ${_action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$(e.message).slice(0, 300)}`);
            }
        }))));
        if (problems.length) {
            problems.sort();
            if (inputs.summary)
                (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .promoteSummary */ .h0)({ from: what, to: channels, promotions: [], failures: problems, loginNote, dryRun: inputs.dryRun, verb: 'rollback' }), env);
            throw new Error(`mode: rollback cannot roll back ${problems.length} channel(s); no tag was moved:\n${problems.map(x => `  - ${x}`).join('\n')}`);
        }
        const verified = [];
        for (const t of targets) {
            const image = await (0,_registry_js__WEBPACK_IMPORTED_MODULE_14__/* .readImage */ .AM)(buildx, t.name, t.digest);
            verified.push({ build: promotionBuild(t.name, [t.channel], image.platforms.map(pl => pl.platform), policy), digest: t.digest, images: [image] });
        }
        if (inputs.dryRun) {
            const promotions = targets.map(t => ({ image: t.name, tag: t.channel, from: what, before: t.current ?? null, digest: t.digest, state: 'would-move' }));
            const outputs = { promotions: JSON.stringify(promotions), 'skipped-tags': '' };
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeOutputs */ .Kn)(outputs, env);
            if (inputs.summary)
                (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .promoteSummary */ .h0)({ from: what, to: channels, promotions, failures: [], loginNote, dryRun: true, verb: 'rollback' }), env);
            return { promotions, outputs };
        }
        const history = historyContext(p, env, 'rollback', () => what, () => '');
        let tagMoves = [];
        try {
            ({ tagMoves } = await (0,_release_js__WEBPACK_IMPORTED_MODULE_7__/* .release */ ._r)({ buildx, verified, sha: '', force: true, retryTimeoutMs: inputs.engine.tagRetryTimeout * 1000, compare: async () => undefined, cancel, history }));
        }
        catch (err) {
            const cause = err instanceof _release_js__WEBPACK_IMPORTED_MODULE_7__/* .ReleaseError */ .K2 ? err.cause : err;
            if (cause instanceof _steps_tags_js__WEBPACK_IMPORTED_MODULE_8__/* .TagPhaseError */ .__ && inputs.summary)
                (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .promoteSummary */ .h0)({ from: what, to: channels, promotions: cause.outcomes.map(o => promotionOf(o, what)), failures: [cause.message], loginNote, dryRun: false, verb: 'rollback' }), env);
            throw cause;
        }
        const promotions = tagMoves.map(o => promotionOf(o, what));
        const outputs = { promotions: JSON.stringify(promotions), 'skipped-tags': '', digest: verified[0]?.digest ?? '' };
        (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeOutputs */ .Kn)(outputs, env);
        if (inputs.summary)
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .promoteSummary */ .h0)({ from: what, to: channels, promotions, failures: [], loginNote, dryRun: false, verb: 'rollback' }), env);
        cancel.check();
        return { promotions, outputs };
    }
    catch (err) {
        throw cancel.explain(err);
    }
}
/** `mode: history`: every channel of `to` on every image, its recorded moves oldest first (nothing is moved). */
async function history(p, env, engine) {
    const names = [...new Set(p.plan.builds.flatMap(b => b.images))];
    if (!names.length)
        throw new Error('No history to show: the images input names no image.');
    const channels = p.inputs.promote.to.map(t => t.tag);
    const { buildx } = await (0,_session_js__WEBPACK_IMPORTED_MODULE_4__/* .registrySession */ .E)(p, names, env, engine);
    const out = [];
    for (const image of names) {
        for (const channel of channels) {
            const [current, entries] = await Promise.all([buildx.tagDigest(`${image}:${channel}`), (0,_history_js__WEBPACK_IMPORTED_MODULE_11__/* .readHistory */ .Lu)(buildx, image, channel)]);
            out.push({ image, channel, current: current ?? null, entries });
            _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${image}:${channel} (now ${current ?? 'no such tag'}): ${entries.length} recorded move(s)`);
            // the entries' text is the registry's (anyone who can push wrote it): one line each, whatever it holds
            for (const e of entries)
                _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`  ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_15__/* .logValue */ .Od)(e.at)} ${e.kind} ${e.before ?? 'new'} -> ${e.after} (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_15__/* .logValue */ .Od)(e.source)}${e.actor ? `, by ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_15__/* .logValue */ .Od)(e.actor)}` : ''}${e.run ? `, run ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_15__/* .logValue */ .Od)(e.run)}` : ''})`);
        }
    }
    (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeOutputs */ .Kn)({ history: JSON.stringify(out) }, env);
    if (p.inputs.summary)
        (0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_13__/* .historySummary */ .xE)(out), env);
    return out;
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
