export const id = 546;
export const ids = [546];
export const modules = {

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
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1949);
/* harmony import */ var _pipeline_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1130);
/* harmony import */ var _pipeline_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1539);
/* harmony import */ var _pipeline_inputs_promote_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9838);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(910);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(9399);
/* harmony import */ var _release_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6926);
/* harmony import */ var _steps_tags_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4810);
/* harmony import */ var _pipeline_context_github_api_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6878);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1986);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(390);
/* harmony import */ var _pipeline_history_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(290);
/* harmony import */ var _report_index_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(3344);
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
async function promote(p, env, engine, cancel = _cancel_js__WEBPACK_IMPORTED_MODULE_8__/* .cancellation */ .WN) {
    const { inputs } = p;
    const from = inputs.promote.from;
    const to = inputs.promote.to.map(t => t.tag);
    const names = [...new Set(p.plan.builds.flatMap(b => b.images))];
    if (!names.length)
        throw new Error('Nothing to promote: the images input names no image.');
    // before any login: the policy over the target tags
    const policy = promotePolicy(p, names);
    for (const w of policy.warnings)
        _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Tag policy: ${w}`);
    if (!policy.allowed)
        throw new _pipeline_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PolicyRefusal */ .F(policy.violations.map(v => v.message));
    const summaryWanted = inputs.summary;
    const { buildx, loginNote } = await (0,_session_js__WEBPACK_IMPORTED_MODULE_4__/* .registrySession */ .E)(p, names, env, engine);
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
                (0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .promoteSummary */ .h0)({ from, to, promotions: [], failures: problems, loginNote, dryRun: inputs.dryRun }), env);
            throw new Error(message);
        }
        const verified = [];
        for (const s of sources) {
            const image = await (0,_registry_js__WEBPACK_IMPORTED_MODULE_12__/* .readImage */ .AM)(buildx, s.name, s.digest);
            verified.push({ build: promotionBuild(s.name, to, image.platforms.map(pl => pl.platform), policy), digest: s.digest, images: [image] });
        }
        const revisions = [...new Set(sources.map(s => s.revision).filter(Boolean))];
        if (revisions.length > 1)
            _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`The sources carry ${revisions.length} commits (${revisions.map(r => r.slice(0, 12)).join(', ')}); the guard compares the tags with the first.`);
        const sha = revisions[0] ?? '';
        const created = sources.map(s => s.created).find(Boolean);
        const retryTimeoutMs = inputs.engine.tagRetryTimeout * 1000;
        if (inputs.dryRun) {
            const current = await (0,_steps_tags_js__WEBPACK_IMPORTED_MODULE_6__/* .currentDigests */ .zS)({ buildx, moves: (0,_steps_tags_js__WEBPACK_IMPORTED_MODULE_6__/* .plannedMoves */ .PP)(verified, sha), retryTimeoutMs });
            const promotions = verified.flatMap(v => to.map(tag => ({ image: v.build.images[0], tag, from, before: current.get(`${v.build.images[0]}:${tag}`) ?? null, digest: v.digest, state: 'would-move' })));
            const outputs = { promotions: JSON.stringify(promotions), 'skipped-tags': '' };
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .writeOutputs */ .Kn)(outputs, env);
            if (summaryWanted)
                (0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .promoteSummary */ .h0)({ from, to, promotions, failures: [], loginNote, dryRun: true }), env);
            _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Dry run: the tags were not moved.');
            return { promotions, outputs };
        }
        let tagMoves = [];
        let skipped = [];
        try {
            const revision = new Map(sources.map(s => [s.name, s.revision]));
            const history = historyContext(p, env, 'promote', () => from, name => revision.get(name) ?? '');
            ({ tagMoves, skipped } = await (0,_release_js__WEBPACK_IMPORTED_MODULE_5__/* .release */ ._r)({ buildx, verified, sha, created, force: inputs.engine.forceTags, retryTimeoutMs, compare: (base, head) => (0,_pipeline_context_github_api_js__WEBPACK_IMPORTED_MODULE_7__/* .compareCommits */ .kC)(p.ctx, inputs.githubToken, base, head, _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e), cancel, history }));
        }
        catch (err) {
            const cause = err instanceof _release_js__WEBPACK_IMPORTED_MODULE_5__/* .ReleaseError */ .K2 ? err.cause : err;
            if (err instanceof _release_js__WEBPACK_IMPORTED_MODULE_5__/* .ReleaseError */ .K2)
                skipped = err.skipped;
            if (cause instanceof _steps_tags_js__WEBPACK_IMPORTED_MODULE_6__/* .TagPhaseError */ .__ && summaryWanted)
                (0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .promoteSummary */ .h0)({ from, to, promotions: cause.outcomes.map(o => promotionOf(o, from)), failures: [cause.message], loginNote, dryRun: false }) + (0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .skippedTagsSummary */ .Ii)(skipped), env);
            throw cause;
        }
        const promotions = tagMoves.map(o => promotionOf(o, from));
        const outputs = { promotions: JSON.stringify(promotions), 'skipped-tags': (0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .skippedTagsOutput */ .Jf)(skipped), digest: verified[0]?.digest ?? '' };
        (0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .writeOutputs */ .Kn)(outputs, env);
        if (summaryWanted)
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .promoteSummary */ .h0)({ from, to, promotions, failures: [], loginNote, dryRun: false }) + (0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .skippedTagsSummary */ .Ii)(skipped), env);
        cancel.check();
        return { promotions, outputs };
    }
    catch (err) {
        throw cancel.explain(err);
    }
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
async function rollback(p, env, engine, cancel = _cancel_js__WEBPACK_IMPORTED_MODULE_8__/* .cancellation */ .WN) {
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
                const entries = await (0,_history_js__WEBPACK_IMPORTED_MODULE_9__/* .readHistory */ .Lu)(buildx, name, channel);
                const t = (0,_pipeline_history_js__WEBPACK_IMPORTED_MODULE_10__/* .rollbackTarget */ .es)(entries, current, steps);
                if ('reason' in t)
                    return void problems.push(`${name}:${channel} ${t.reason}`);
                const there = await buildx.readManifest(name, t.digest).then(() => true, () => false);
                if (!there)
                    return void problems.push(`${name}:${channel}: ${t.digest} (${steps} step(s) back) is no longer in the registry`);
                _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${name}:${channel}: ${current} -> ${t.digest} (the digest before the move of ${t.entry.at}, ${t.entry.kind} of ${t.entry.source || '?'})`);
                targets.push({ name, channel, digest: t.digest, current });
            }
            catch (e) {
                problems.push(`reading the history of ${name}:${channel} failed: ${_action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$(e.message).slice(0, 300)}`);
            }
        }))));
        if (problems.length) {
            problems.sort();
            if (inputs.summary)
                (0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .promoteSummary */ .h0)({ from: what, to: channels, promotions: [], failures: problems, loginNote, dryRun: inputs.dryRun, verb: 'rollback' }), env);
            throw new Error(`mode: rollback cannot roll back ${problems.length} channel(s); no tag was moved:\n${problems.map(x => `  - ${x}`).join('\n')}`);
        }
        const verified = [];
        for (const t of targets) {
            const image = await (0,_registry_js__WEBPACK_IMPORTED_MODULE_12__/* .readImage */ .AM)(buildx, t.name, t.digest);
            verified.push({ build: promotionBuild(t.name, [t.channel], image.platforms.map(pl => pl.platform), policy), digest: t.digest, images: [image] });
        }
        if (inputs.dryRun) {
            const promotions = targets.map(t => ({ image: t.name, tag: t.channel, from: what, before: t.current ?? null, digest: t.digest, state: 'would-move' }));
            const outputs = { promotions: JSON.stringify(promotions), 'skipped-tags': '' };
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .writeOutputs */ .Kn)(outputs, env);
            if (inputs.summary)
                (0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .promoteSummary */ .h0)({ from: what, to: channels, promotions, failures: [], loginNote, dryRun: true, verb: 'rollback' }), env);
            return { promotions, outputs };
        }
        const history = historyContext(p, env, 'rollback', () => what, () => '');
        let tagMoves = [];
        try {
            ({ tagMoves } = await (0,_release_js__WEBPACK_IMPORTED_MODULE_5__/* .release */ ._r)({ buildx, verified, sha: '', force: true, retryTimeoutMs: inputs.engine.tagRetryTimeout * 1000, compare: async () => undefined, cancel, history }));
        }
        catch (err) {
            const cause = err instanceof _release_js__WEBPACK_IMPORTED_MODULE_5__/* .ReleaseError */ .K2 ? err.cause : err;
            if (cause instanceof _steps_tags_js__WEBPACK_IMPORTED_MODULE_6__/* .TagPhaseError */ .__ && inputs.summary)
                (0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .promoteSummary */ .h0)({ from: what, to: channels, promotions: cause.outcomes.map(o => promotionOf(o, what)), failures: [cause.message], loginNote, dryRun: false, verb: 'rollback' }), env);
            throw cause;
        }
        const promotions = tagMoves.map(o => promotionOf(o, what));
        const outputs = { promotions: JSON.stringify(promotions), 'skipped-tags': '', digest: verified[0]?.digest ?? '' };
        (0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .writeOutputs */ .Kn)(outputs, env);
        if (inputs.summary)
            (0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .promoteSummary */ .h0)({ from: what, to: channels, promotions, failures: [], loginNote, dryRun: false, verb: 'rollback' }), env);
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
            const [current, entries] = await Promise.all([buildx.tagDigest(`${image}:${channel}`), (0,_history_js__WEBPACK_IMPORTED_MODULE_9__/* .readHistory */ .Lu)(buildx, image, channel)]);
            out.push({ image, channel, current: current ?? null, entries });
            _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${image}:${channel} (now ${current ?? 'no such tag'}): ${entries.length} recorded move(s)`);
            for (const e of entries)
                _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`  ${e.at} ${e.kind} ${e.before ?? 'new'} -> ${e.after} (${e.source}${e.actor ? `, by ${e.actor}` : ''}${e.run ? `, run ${e.run}` : ''})`);
        }
    }
    (0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .writeOutputs */ .Kn)({ history: JSON.stringify(out) }, env);
    if (p.inputs.summary)
        (0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_11__/* .historySummary */ .xE)(out), env);
    return out;
}


/***/ }),

/***/ 910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ registrySession)
/* harmony export */ });
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1949);
/* harmony import */ var _action_state_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3175);
/* harmony import */ var _buildx_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8152);
/* harmony import */ var _login_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9544);
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
