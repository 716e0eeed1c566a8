export const id = 638;
export const ids = [638];
export const modules = {

/***/ 50390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lu: () => (/* binding */ readHistory),
/* harmony export */   Mc: () => (/* binding */ entriesOf),
/* harmony export */   gH: () => (/* binding */ channelHistory),
/* harmony export */   wn: () => (/* binding */ writeHistory)
/* harmony export */ });
/* unused harmony exports isEnvChannel, HISTORY_LIMIT */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(31949);
/* harmony import */ var _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(72638);
/* harmony import */ var _pipeline_history_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(20290);
/* harmony import */ var _steps_tags_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(92429);
/* harmony import */ var _steps_retry_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(708);
/**
 * Channel histories in the registry (pipeline/history.ts): written after a tag phase for every channel
 * tag it moved, read by `mode: rollback` and `mode: history`. Writes are retried on transient errors;
 * one that still fails is a warning naming the entry (the tags have moved: the release is not undone
 * for its history).
 */









/** Channel tags of publish and merge: `env-<name>` (the convention promote and prune use). */
const isEnvChannel = (tag) => /^env-[A-Za-z0-9_.-]+$/.test(tag);
/** The history of the channel tags (`env-*`) a publish or merge moves: what, which commit, which run, who. */
function channelHistory(p, env, kind, plan = p.plan) {
    return { kind, isChannel: isEnvChannel, source: () => plan.version, commit: () => plan.sha, run: env['GITHUB_RUN_ID'] ? `${env['GITHUB_RUN_ID']}/${env['GITHUB_RUN_ATTEMPT'] || '1'}` : '', actor: p.ctx.actor || '' };
}
/** The entries of a tag phase's outcomes: one per channel tag that moved. */
function entriesOf(outcomes, h) {
    const at = (h.now ?? (() => new Date()))().toISOString();
    return outcomes
        .filter(o => o.state === 'moved' && h.isChannel(o.tag) && o.previous !== o.digest)
        .map(o => ({ name: o.name, entry: { channel: o.tag, at, before: o.previous ?? null, after: o.digest, kind: h.kind, source: h.source(o.name), commit: h.commit(o.name), run: h.run, actor: h.actor } }));
}
/** Writes every entry (each under a tag of its own); returns the ones that could not be written. */
async function writeHistory(buildx, entries, retryTimeoutMs = 30_000) {
    if (!entries.length)
        return [];
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(process.env['RUNNER_TEMP'] || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'mp-history-'));
    const empty = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'empty.json');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(empty, '{}');
    const failed = [];
    const deadline = Date.now() + retryTimeoutMs;
    try {
        const blobs = new Map();
        await Promise.all(entries.map(async ({ name, entry }) => {
            const tag = (0,_pipeline_history_js__WEBPACK_IMPORTED_MODULE_6__/* .historyTag */ .DJ)(entry.channel, new Date(entry.at), (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(4).toString('hex'));
            const what = `the history entry ${name}:${tag} (${entry.channel})`;
            try {
                if (!blobs.has(name))
                    blobs.set(name, (0,_steps_tags_js__WEBPACK_IMPORTED_MODULE_7__/* .withRetry */ .bD)(what, () => buildx.pushBlob(name, { digest: _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_5__/* .EMPTY_DESCRIPTOR */ .gi.digest, size: _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_5__/* .EMPTY_DESCRIPTOR */ .gi.size, file: empty }), deadline, _steps_retry_js__WEBPACK_IMPORTED_MODULE_8__/* .realClock */ .dQ));
                await blobs.get(name);
                const m = (0,_pipeline_history_js__WEBPACK_IMPORTED_MODULE_6__/* .entryManifest */ .Ae)(entry);
                await (0,_steps_tags_js__WEBPACK_IMPORTED_MODULE_7__/* .withRetry */ .bD)(what, () => buildx.putManifest(name, tag, m.mediaType, m.bytes), deadline, _steps_retry_js__WEBPACK_IMPORTED_MODULE_8__/* .realClock */ .dQ);
                _action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq(`History: ${name} ${entry.channel} ${entry.before ?? 'new'} -> ${entry.after} (${entry.kind}, ${tag})`);
            }
            catch (e) {
                failed.push(`${what}: ${_action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$(e.message).slice(0, 200)}`);
            }
        }));
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
    }
    if (failed.length)
        _action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .warning */ .$e(`The tags moved, but ${failed.length} history entr${failed.length > 1 ? 'ies were' : 'y was'} not written (a rollback will not see ${failed.length > 1 ? 'them' : 'it'}): ${failed.join('; ')}`);
    return failed;
}
/** The newest this many entries are read (older ones stay in the registry). */
const HISTORY_LIMIT = 100;
/** A channel's entries in `name`, oldest first (at most HISTORY_LIMIT, the newest). */
async function readHistory(buildx, name, channel) {
    if (!buildx.listTags)
        throw new Error('this engine cannot list tags');
    const tags = (0,_pipeline_history_js__WEBPACK_IMPORTED_MODULE_6__/* .channelTags */ .Hz)(await buildx.listTags(name), channel).slice(-HISTORY_LIMIT);
    const entries = await Promise.all(tags.map(async (tag) => {
        const digest = await buildx.tagDigest(`${name}:${tag}`);
        return digest ? (0,_pipeline_history_js__WEBPACK_IMPORTED_MODULE_6__/* .parseEntry */ .ER)(await buildx.readManifest(name, digest), channel) : undefined;
    }));
    return entries.filter((e) => !!e).sort((a, b) => a.at.localeCompare(b.at));
}


/***/ }),

/***/ 59399:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AM: () => (/* binding */ readImage),
/* harmony export */   Dp: () => (/* binding */ registryMessage),
/* harmony export */   Fd: () => (/* binding */ platformString),
/* harmony export */   Z: () => (/* binding */ withSizes)
/* harmony export */ });
/* unused harmony exports indexPlatforms, manifestSize */
/** Platforms of an index, attestation manifests aside. */
function indexPlatforms(index) {
    return (index.manifests ?? []).filter(m => m.platform && m.platform.os !== 'unknown' && m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest');
}
function platformString(p) {
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}
/** Compressed size of an image manifest: config + layers, bytes. */
function manifestSize(m) {
    return (m.config?.size ?? 0) + (m.layers ?? []).reduce((a, l) => a + (typeof l.size === 'number' ? l.size : 0), 0);
}
/**
 * What the registry holds at `name@digest`, from ONE read of that manifest: an index lists its
 * platforms and their manifests' digests (sizes are 0 here: `withSizes` reads them); a single image
 * manifest has its layers (so its size) but names no platform: it is the build's one `platform`.
 */
async function readImage(buildx, name, digest, platform = '') {
    const manifest = (await buildx.readManifest(name, digest));
    const mediaType = manifest.mediaType ?? '';
    if (!Array.isArray(manifest.manifests))
        return { name, digest, mediaType, platforms: [{ platform, digest, size: manifestSize(manifest) }] };
    return { name, digest, mediaType, platforms: indexPlatforms(manifest).map(m => ({ platform: platformString(m.platform), digest: m.digest, size: 0 })) };
}
/**
 * The compressed size of every platform of an index: each platform's manifest read (in parallel). A
 * size that cannot be read stays 0 (shown as unknown), with a warning: the images are published.
 */
async function withSizes(buildx, image, warn) {
    if (image.platforms.every(p => p.size > 0))
        return image;
    const platforms = await Promise.all(image.platforms.map(async (p) => {
        if (p.size > 0)
            return p;
        try {
            return { ...p, size: manifestSize((await buildx.readManifest(image.name, p.digest))) };
        }
        catch (e) {
            warn(`The size of ${image.name}@${p.digest} (${p.platform}) could not be read: ${e.message}`);
            return p;
        }
    }));
    return { ...image, platforms };
}
/** The registry's own words from a docker/buildx error, with a hint for GHCR's missing permission. */
function registryMessage(output) {
    const line = output.trim().split('\n').filter(l => /error|denied|unauthorized|forbidden|refused|failed/i.test(l)).pop() ?? output.trim().split('\n').pop() ?? '';
    const hint = /ghcr\.io/.test(output) && /denied|forbidden|\b403 Forbidden|status[: ]+403\b|permission_denied|write_package/i.test(output)
        ? ' — the workflow needs `permissions: packages: write` (and the package must grant this repository write access)'
        : '';
    return line.replace(/^ERROR:\s*/, '') + hint;
}


/***/ }),

/***/ 96926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K2: () => (/* binding */ ReleaseError),
  uX: () => (/* binding */ imageCreated),
  _r: () => (/* binding */ release)
});

// UNUSED EXPORTS: TagPhaseError

// EXTERNAL MODULE: ./src/action/runner.ts + 1 modules
var runner = __webpack_require__(31949);
// EXTERNAL MODULE: ./src/pipeline/tag-kinds.ts
var tag_kinds = __webpack_require__(28696);
;// CONCATENATED MODULE: ./src/pipeline/guard.ts
/**
 * The guard against moving a mutable tag backwards (two pushes in quick succession run in parallel, and
 * the older one can finish last). Pure: the engine step (engine/steps/guard.ts) reads what the tag points
 * at now and asks GitHub how the two commits relate; this decides.
 *
 * - An immutable tag (pipeline/tag-kinds.ts: the commit SHA, a full version) always moves: it names one
 *   release, and this run's content is that release.
 * - A tag that does not exist yet, or whose image carries no usable `org.opencontainers.image.revision`,
 *   moves: there is nothing to be older than.
 * - The same commit moves (a re-run, or another build of the same commit).
 * - Ancestry (GitHub's compare API, base = the tag's commit, head = ours): `ahead` or `identical` moves,
 *   `behind` (ours is an ancestor of what the tag holds) is skipped.
 * - `diverged` (neither contains the other: a force-push, another branch) and `unknown` (no token, the API
 *   failed, the commit is not in the repository) fall back to dates: skipped when the tag's date is later
 *   than ours, moved otherwise (equal or missing dates move: a guard that cannot tell does not block).
 * - `force` (the `force-tags` input) moves every tag the guard would skip; the reason says it was forced.
 */

/** A revision label usable as a commit: hex, 7 to 64 characters (a label is written by whoever pushed). */
function isCommitSha(s) {
    return !!s && /^[0-9a-f]{7,64}$/i.test(s);
}
/** The same commit: equal, or one an abbreviation (at least 7 characters) of the other. */
function sameCommit(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x.startsWith(y) || y.startsWith(x);
}
const valid = (d) => d instanceof Date && !Number.isNaN(d.getTime());
function decide(c) {
    if ((0,tag_kinds/* tagKind */.pk)(c.tag, c.ours) === 'immutable')
        return { move: true, reason: 'immutable tag' };
    if (!c.current)
        return { move: true, reason: 'new tag' };
    const theirs = c.current.revision;
    if (!isCommitSha(theirs))
        return { move: true, reason: 'the current image names no commit' };
    if (isCommitSha(c.ours) && sameCommit(theirs, c.ours))
        return { move: true, reason: 'same commit' };
    const short = theirs.slice(0, 7).toLowerCase();
    let skip;
    if (c.ancestry === 'ahead' || c.ancestry === 'identical')
        return { move: true, reason: `newer than ${short} (${c.ancestry})` };
    if (c.ancestry === 'behind')
        skip = `points at ${short}, a descendant of this run's commit`;
    else {
        const { ours, theirs: at } = c.dates ?? {};
        const how = c.ancestry === 'diverged' ? 'diverged history' : 'ancestry unknown';
        if (valid(ours) && valid(at) && at.getTime() > ours.getTime())
            skip = `points at ${short}, dated ${at.toISOString()}, later than this run's ${ours.toISOString()} (${how})`;
        else
            return { move: true, reason: `${how}; not older by date` };
    }
    return c.force ? { move: true, reason: `forced (force-tags): it ${skip}` } : { move: false, reason: skip };
}

// EXTERNAL MODULE: ./src/engine/exec.ts
var exec = __webpack_require__(51293);
;// CONCATENATED MODULE: ./src/engine/steps/guard.ts
/**
 * The guard before the tag phase: of the planned tag moves, which mutable tags would move backwards (to
 * content whose commit is older than the one they point at now) and are skipped. For each mutable tag that
 * exists, the image it points at is read (its config, through the registry API, or `imagetools inspect --format '{{json .Image}}'`: its
 * `org.opencontainers.image.revision` and `created` labels), GitHub's compare API says how the two commits
 * relate, and pipeline/guard.ts decides. Immutable tags are not read at all.
 *
 * What the labels say is untrusted (whoever can push to the repository writes them): a revision that is
 * not a SHA counts as none, a date that does not parse as none, and neither reaches a URL or a message
 * as written.
 */




const REVISION = 'org.opencontainers.image.revision';
const CREATED = 'org.opencontainers.image.created';
/**
 * What the tag points at now: its labels, or undefined when there is no such tag. `ref` is `name:tag`,
 * or `name@digest` when where the tag points was read already (the registry API: no docker process).
 */
async function current(buildx, ref) {
    let image;
    try {
        const at = ref.lastIndexOf('@');
        image = at > 0 ? await buildx.imageConfig(ref.slice(0, at), ref.slice(at + 1)) : await buildx.imagetoolsInspect(ref, '{{json .Image}}');
    }
    catch (e) {
        const out = e instanceof exec/* CommandError */.Qd ? e.result.stderr + e.result.stdout : '';
        if (/: not found\b|MANIFEST_UNKNOWN|manifest unknown/i.test(out) && !/unauthorized|denied|forbidden/i.test(out))
            return undefined;
        throw e;
    }
    // an index answers a config per platform, keyed by platform; a single manifest its config
    const obj = (image ?? {});
    const config = ('config' in obj || 'created' in obj ? obj : Object.values(obj)[0] ?? {});
    const labels = config.config?.Labels ?? {};
    const revision = typeof labels[REVISION] === 'string' ? labels[REVISION] : undefined;
    const when = typeof labels[CREATED] === 'string' ? labels[CREATED] : config.created;
    const created = when && !Number.isNaN(Date.parse(when)) ? new Date(when) : undefined;
    return { revision: isCommitSha(revision) ? revision : undefined, created };
}
async function guard(i) {
    const mutable = i.moves.filter(m => (0,tag_kinds/* tagKind */.pk)(m.tag, i.sha) === 'mutable');
    if (!mutable.length)
        return { skipped: [] };
    const comparisons = new Map();
    const compare = (base) => {
        const key = base.toLowerCase();
        if (!comparisons.has(key))
            comparisons.set(key, i.compare(base, i.sha).catch(() => undefined));
        return comparisons.get(key);
    };
    const reads = new Map();
    const read = (ref) => {
        if (!reads.has(ref))
            reads.set(ref, current(i.buildx, ref));
        return reads.get(ref);
    };
    const verdicts = await Promise.all(mutable.map(async (m) => {
        const ref = `${m.name}:${m.tag}`;
        const known = i.current?.has(ref);
        const at = i.current?.get(ref);
        // already at this run's index: the tag phase leaves it as it is
        if (known && at === m.digest)
            return undefined;
        let now;
        try {
            now = known ? (at === undefined ? undefined : await read(`${m.name}@${at}`)) : await read(ref);
        }
        catch (e) {
            runner/* warning */.$e(`Cannot read what ${ref} points at (${e.message}); it moves without the check against moving backwards.`);
            return undefined;
        }
        const comparison = isCommitSha(now?.revision) && isCommitSha(i.sha) && !sameCommit(now.revision, i.sha) ? await compare(now.revision) : undefined;
        const ancestry = comparison?.status ?? 'unknown';
        // kind for kind: the commits' dates when GitHub gave them, else the two images' dates
        const dates = comparison?.baseDate && comparison.headDate ? { ours: comparison.headDate, theirs: comparison.baseDate } : { ours: i.created, theirs: now?.created };
        const verdict = decide({ tag: m.tag, ours: i.sha, current: now, ancestry, dates, force: i.force });
        if (verdict.move && /^forced/.test(verdict.reason))
            runner/* warning */.$e(`${ref} moves although it ${verdict.reason.replace(/^forced \(force-tags\): it /, '')} (force-tags: true).`);
        else if (!verdict.move)
            runner/* warning */.$e(`Not moving ${ref}: it ${verdict.reason}. Another run published newer content; force-tags: true moves it anyway.`);
        else
            runner/* debug */.Yz(`${ref}: ${verdict.reason}`);
        return verdict.move ? undefined : { name: m.name, tag: m.tag, reason: verdict.reason };
    }));
    return { skipped: verdicts.filter((v) => !!v) };
}
/** The moves the tag phase plans for these builds: every tag of every name, to the build's index. */
function movesOf(verified) {
    return verified.flatMap(v => v.build.images.flatMap(name => v.build.tagNames.map(tag => ({ name, tag, digest: v.digest }))));
}
/** Whether a move is one the guard skipped. */
function isSkipped(skipped, name, tag) {
    return skipped.some(s => s.name === name && s.tag === tag);
}
/**
 * The verified builds without the skipped tags, one entry per image name (the skipped tags may differ
 * between names); a name left with no tag to move is left out. For the tag phase and the read-back.
 */
function withoutSkipped(verified, skipped) {
    if (!skipped.length)
        return verified;
    return verified.flatMap(v => v.build.images
        .map(name => ({ ...v, build: { ...v.build, images: [name], tagNames: v.build.tagNames.filter(t => !isSkipped(skipped, name, t)) }, images: v.images.filter(img => img.name === name) }))
        .filter(v2 => v2.build.tagNames.length > 0));
}

// EXTERNAL MODULE: ./src/engine/steps/tags.ts
var tags = __webpack_require__(92429);
;// CONCATENATED MODULE: ./src/engine/steps/readback.ts
/**
 * Read back: each name's first tag resolves to the verified index (same digest, so the same platforms):
 * one read per name, not per tag (a HEAD through the registry API; `tagDigest`). A tag another run
 * moved meanwhile fails the step; failing to read it for another reason, after the tags moved, is only
 * a warning: the release is published.
 */

async function readback(i) {
    const checks = await Promise.all(i.verified.flatMap(v => v.build.images.map(async (name) => {
        const ref = `${name}:${v.build.tagNames[0]}`;
        let digest;
        try {
            digest = await i.buildx.tagDigest(ref);
        }
        catch (err) {
            runner/* warning */.$e(`Published, but reading ${ref} back failed: ${err.message}`);
            return { ref, ok: false };
        }
        if (digest === undefined) {
            runner/* warning */.$e(`Published, but reading ${ref} back found no such tag (removed meanwhile?)`);
            return { ref, ok: false };
        }
        if (digest !== v.digest)
            throw new Error(`${ref} resolves to ${digest}, not to the index just pushed (${v.digest}): another run moved it meanwhile?`);
        return { ref, ok: true };
    })));
    return { confirmed: checks.filter(c => c.ok).map(c => c.ref), unread: checks.filter(c => !c.ok).map(c => c.ref) };
}

// EXTERNAL MODULE: ./src/engine/history.ts
var engine_history = __webpack_require__(50390);
;// CONCATENATED MODULE: ./src/engine/release.ts
/**
 * The release: the part of a run after the content is verified in the registry, shared by publish
 * (one job) and merge (after the build legs): where every tag points now -> the guard against moving
 * mutable tags backwards -> the tag phase (atomic, retried, restored on failure, immutable first) ->
 * the read-back. Outputs and summary stay with the caller, which knows how the content got there.
 */




/** Thrown when the tag phase failed: the skipped tags (for the summary) with the TagPhaseError. */
class ReleaseError extends Error {
    cause;
    skipped;
    constructor(cause, skipped) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.cause = cause;
        this.skipped = skipped;
        this.name = 'ReleaseError';
    }
}
async function release(i) {
    const extra = i.extraMoves ?? [];
    const all = [...(0,tags/* plannedMoves */.PP)(i.verified, i.sha), ...extra];
    let skipped = [];
    let tagMoves = [];
    try {
        // where every tag points now, read once: for the guard and the tag pass
        const current = await (0,tags/* currentDigests */.zS)({ buildx: i.buildx, moves: all, retryTimeoutMs: i.retryTimeoutMs });
        // the guard against moving mutable tags backwards takes its tags out of the pass (steps/guard.ts)
        ({ skipped } = await guard({ buildx: i.buildx, moves: [...movesOf(i.verified), ...extra], sha: i.sha, created: i.created, force: i.force, current, compare: i.compare }));
        const moves = all.filter(m => !isSkipped(skipped, m.name, m.tag));
        // the signal: no new retry wait, a failed write restores at once (steps/tags.ts)
        tagMoves = (await i.cancel.tagPhase(signal => (0,tags/* tags */._A)({ buildx: i.buildx, moves, retryTimeoutMs: i.retryTimeoutMs, signal, ownTags: i.ownTags, current }))).outcomes;
    }
    catch (err) {
        throw new ReleaseError(err, skipped);
    }
    // the channel tags that moved, each an entry of its channel's history (never fails the release):
    // before the read-back, which fails when a concurrent run moved a tag since, after both moves happened
    if (i.history)
        await (0,engine_history/* writeHistory */.wn)(i.buildx, (0,engine_history/* entriesOf */.Mc)(tagMoves, i.history));
    if (!i.cancel.stopped)
        await readback({ buildx: i.buildx, verified: withoutSkipped(i.verified, skipped) });
    return { tagMoves, skipped };
}
/** The date a plan's images carry (`org.opencontainers.image.created`), for the guard's date fallback. */
function imageCreated(plan) {
    const line = plan.builds[0]?.labels.find(l => l.startsWith('org.opencontainers.image.created='));
    const value = line?.slice(line.indexOf('=') + 1);
    return value && !Number.isNaN(Date.parse(value)) ? new Date(value) : undefined;
}



/***/ }),

/***/ 72637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DG: () => (/* binding */ budgetGate),
/* harmony export */   Le: () => (/* binding */ budgetRules),
/* harmony export */   nW: () => (/* binding */ violationMessage),
/* harmony export */   qV: () => (/* binding */ budgetError)
/* harmony export */ });
/* unused harmony exports budgeted, checkBudgets, baselineTag, readBaselines */
/* harmony import */ var _pipeline_inputs_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42107);
/* harmony import */ var _pipeline_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91130);
/* harmony import */ var _lib_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2470);
/* harmony import */ var _lib_size_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(54842);
/* harmony import */ var _pipeline_tag_kinds_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(28696);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(59399);
/**
 * Size budgets (the policy's `max-size=<glob>:<size>` rules): the compressed size of every platform image
 * (config + layers of its manifest, as the registry stores them: what a pull downloads; attestations are
 * not counted) of a matching image name may not exceed the budget. Sizes are unknown when the plan is made,
 * so the check runs after verify, once `sizes` has read the platforms' manifests, and before the release
 * moves any tag: an image over budget is never released. A size that could not be read fails the check
 * too (a budget that cannot be checked is not met).
 *
 * `checkBudgets` is pure; `budgetGate` is what publish and merge call: it awaits the sizes only when a rule
 * matches one of the run's images, and reads beside them what the build's `latest` tag (or its first
 * mutable one) points at before the release, for the summary's "change" column (never a failure).
 */






/**
 * The max-size rules among a plan's policy rules (the rule lines, as the plan and the plan document keep
 * them). `input` names where they came from for an error: `policy`, or `plan` for a plan document.
 */
function budgetRules(sources, input = 'policy') {
    const out = [];
    for (const source of sources) {
        if (!/^\s*max-size\s*=/i.test(source))
            continue;
        try {
            out.push((0,_pipeline_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePolicyRule */ .CU)(source));
        }
        catch (e) {
            throw new _pipeline_inputs_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `the policy rule is malformed: ${e.message}`, undefined, source);
        }
    }
    return out;
}
const matches = (rule, name) => rule.pattern.test((0,_lib_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalName */ .Ew)(name));
/** True when a rule applies to an image of these builds (only then are the sizes awaited before the release). */
function budgeted(rules, verified) {
    return rules.some(r => verified.some(v => v.build.images.some(n => matches(r, n))));
}
/** Every platform image of every matching name against every rule that matches it. Pure. */
function checkBudgets(verified, rules, baselines = []) {
    const entries = [];
    for (const v of verified) {
        for (const img of v.images) {
            const base = baselines.find(b => b.image === img.name);
            for (const rule of rules.filter(r => matches(r, img.name))) {
                for (const p of img.platforms) {
                    const before = base && { tag: base.tag, digest: base.digest, size: base.sizes[p.platform], same: base.digest === v.digest };
                    entries.push({ image: img.name, platform: p.platform, size: p.size, rule, over: !(p.size > 0) || p.size > rule.bytes, ...(before ? { before } : {}) });
                }
            }
        }
    }
    return { entries, violations: entries.filter(e => e.over) };
}
const bytes = (n) => `${n} byte${n === 1 ? '' : 's'}`;
/** One violation in words: image, platform, size and budget. */
function violationMessage(e) {
    const budget = `the budget of ${(0,_lib_size_js__WEBPACK_IMPORTED_MODULE_3__/* .formatSize */ .Xq)(e.rule.bytes, e.rule.unit)} (${bytes(e.rule.bytes)}, ${e.rule.source})`;
    if (!(e.size > 0))
        return `${e.image} ${e.platform}: its size could not be read, so ${budget} cannot be checked`;
    return `${e.image} ${e.platform}: ${(0,_lib_size_js__WEBPACK_IMPORTED_MODULE_3__/* .formatSize */ .Xq)(e.size, e.rule.unit)} (${bytes(e.size)}) is over ${budget}`;
}
/** The step's error: every violation at once. */
function budgetError(r) {
    const n = r.violations.length;
    return `The size budget refuses this release (${n} platform image${n === 1 ? '' : 's'} over budget); no tag was created or moved:\n${r.violations.map(v => `  - ${violationMessage(v)}`).join('\n')}`;
}
/** The tag whose content the change is measured against: `latest`, else the first mutable tag. */
function baselineTag(tagNames, sha) {
    return tagNames.includes('latest') ? 'latest' : tagNames.find(t => (0,_pipeline_tag_kinds_js__WEBPACK_IMPORTED_MODULE_4__/* .tagKind */ .pk)(t, sha) === 'mutable');
}
/** What each budgeted name's baseline tag points at now (before the release), with its platforms' sizes. */
async function readBaselines(buildx, verified, rules, sha) {
    const reads = verified.flatMap(v => {
        const tag = baselineTag(v.build.tagNames, sha);
        if (!tag)
            return [];
        return v.build.images
            .filter(name => rules.some(r => matches(r, name)))
            .map(async (image) => {
            try {
                const digest = await buildx.tagDigest(`${image}:${tag}`);
                if (!digest)
                    return { image, tag, sizes: {} };
                const single = v.build.platforms.length === 1 ? v.build.platforms[0] : '';
                // already this run's content (a re-run): no change, nothing more to read
                if (digest === v.digest)
                    return { image, tag, digest, sizes: {} };
                const before = await (0,_registry_js__WEBPACK_IMPORTED_MODULE_5__/* .withSizes */ .Z)(buildx, await (0,_registry_js__WEBPACK_IMPORTED_MODULE_5__/* .readImage */ .AM)(buildx, image, digest, single), () => undefined);
                return { image, tag, digest, sizes: Object.fromEntries(before.platforms.filter(p => p.size > 0).map(p => [p.platform, p.size])) };
            }
            catch {
                // the change column is an extra: a tag that cannot be read leaves it empty
                return undefined;
            }
        });
    });
    return (await Promise.all(reads)).filter((b) => b !== undefined);
}
/**
 * Publish's and merge's hook, before the release: undefined when no rule matches an image of the run
 * (the sizes are not awaited); else the report, after awaiting the sizes (and the baselines beside them).
 */
async function budgetGate(buildx, rules, verified, sized, sha) {
    if (!budgeted(rules, verified))
        return undefined;
    const [sizedBuilds, baselines] = await Promise.all([sized, readBaselines(buildx, verified, rules, sha)]);
    return checkBudgets(sizedBuilds, rules, baselines);
}


/***/ }),

/***/ 708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RG: () => (/* binding */ transientFailure),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   dQ: () => (/* binding */ realClock),
/* harmony export */   jo: () => (/* binding */ backoffMs)
/* harmony export */ });
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51293);
/* harmony import */ var _registry_api_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43722);
/**
 * One retry loop for the steps' registry calls (staging's push by digest, the tag phase's reads, writes
 * and deletes): a failure is tried again only while it is transient (5xx, 429, a timeout, a dropped or
 * refused connection) and the window lasts; an auth or other 4xx answer, or anything else, fails at
 * once. Waits are exponential backoff with full jitter (a random wait up to 0.5 s, 1 s, 2 s, ... 8 s),
 * never past the deadline, so that parallel calls that failed together do not come back together.
 */


const realClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise(resolve => {
        if (signal?.aborted)
            return resolve();
        const t = setTimeout(done, ms);
        function done() {
            clearTimeout(t);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    }),
    random: () => Math.random()
};
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8000;
/** Node's and undici's words for a connection that broke, or a request that timed out. */
const NETWORK = /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|socket hang up|fetch failed|other side closed|TimeoutError|aborted due to timeout/i;
/** A failure worth another try: the network or the registry's temporary state, never auth or a 4xx. */
function transientFailure(e) {
    if (e instanceof _exec_js__WEBPACK_IMPORTED_MODULE_0__/* .CommandError */ .Qd)
        return (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransient */ .dg)(e.result.stderr + e.result.stdout);
    if (e instanceof _registry_api_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryHttpFailure */ .uG)
        return e.transient;
    const m = e instanceof Error ? `${e.message} ${e.cause?.message ?? ''}` : String(e);
    return (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransient */ .dg)(m) || NETWORK.test(m);
}
/** The wait after failed attempt `attempt` (1, 2, ...): full jitter under a cap doubling from 0.5 s to 8 s, at most `leftMs`. */
function backoffMs(attempt, leftMs, clock) {
    return Math.min(leftMs, Math.ceil(clock.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1))));
}
/** `fn` until it succeeds, fails for good (not transient, the window spent, cancelled), or `check` throws. */
async function withRetry(fn, o) {
    const clock = o.clock ?? realClock;
    for (let attempt = 1;; attempt++) {
        o.check?.();
        try {
            return await fn();
        }
        catch (e) {
            const leftMs = o.deadline - clock.now();
            if (!transientFailure(e) || o.signal?.aborted || leftMs <= 0)
                throw e;
            const waitMs = backoffMs(attempt, leftMs, clock);
            o.onRetry?.(e, { attempt, waitMs, leftMs });
            await clock.sleep(waitMs, o.signal);
        }
    }
}


/***/ }),

/***/ 92429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PP: () => (/* binding */ plannedMoves),
/* harmony export */   _A: () => (/* binding */ tags),
/* harmony export */   __: () => (/* binding */ TagPhaseError),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   zS: () => (/* binding */ currentDigests)
/* harmony export */ });
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31949);
/* harmony import */ var _lib_each_limited_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(11733);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51293);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(59399);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(708);
/* harmony import */ var _pipeline_tag_kinds_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(28696);
/**
 * The tag phase: each name's tags now point at its verified index (the same digest). Only ever called
 * with what verify returned, so no tag moves before every platform is there.
 *
 * The input is a list of tag moves (name, tag, digest, kind), so that a filter (e.g. skipping mutable
 * tags that would move to older content) can run between `plannedMoves` and `tags`.
 *
 * 1. Every tag's current digest is read (absent: a new tag), a HEAD each through the registry API
 *    (`currentDigests`; publish reads them before the guard and passes them in). A tag already at its
 *    digest is not written (a re-run of the same job completes the release and rewrites nothing).
 * 2. Immutable tags (commit SHA, full version) move first, mutable channels (`latest`, a branch, `1.2`,
 *    `env-*`) last: an interrupted phase leaves the channels where they were. Within a kind, ONE
 *    `buildx.writeTags` per name moves all its tags, names in parallel: a PUT of the index's bytes under
 *    each tag through the registry API in this process (no docker process), `imagetools create --tag …
 *    name@digest` where the API cannot be used. Either writes a call's tags concurrently, hence the
 *    separate calls per kind.
 * 3. A create is retried with exponential backoff and full jitter while the failure is transient (5xx,
 *    timeouts, connection reset/refused) and `retryTimeoutMs` is not spent; an auth or other 4xx answer
 *    fails at once. After a failed create its tags are read back: those now at the digest moved (buildx
 *    pushed them before another failed), and only the others are tried again, or reported as failed.
 * 4. When a create still fails, no further one starts, and what this run moved is undone within a
 *    window of the same length: tags that existed are put back to their previous digest (one create per
 *    name and previous index, read back the same way); a new one is removed where the registry allows
 *    it, by deleting its index by digest, and only when no tag other than this run's new ones (and its
 *    staging tags) points at that index, since a delete by digest removes the manifest for every tag.
 * 5. What could not be undone is listed tag by tag, old and new digest, in the TagPhaseError (and the
 *    summary's "Tag moves" section).
 *
 * A cancel (`signal`) starts no new wait: the remaining writes are tried once each (the release then
 * completes), and if one fails the restore is tried once each, so the phase ends within seconds.
 */






/** The tag phase failed: what moved and what could not be undone, tag by tag. */
class TagPhaseError extends Error {
    outcomes;
    constructor(message, outcomes) {
        super(message);
        this.outcomes = outcomes;
        this.name = 'TagPhaseError';
    }
    /** Tags left somewhere other than where they were before the run. */
    get unrestored() {
        return this.outcomes.filter(o => o.state === 'not-restored');
    }
}
/** The moves of the verified builds: every name's every tag, to its build's index. */
function plannedMoves(verified, sha) {
    return verified.flatMap(v => v.build.images.flatMap(name => v.build.tagNames.map(tag => ({ name, tag, digest: v.digest, kind: (0,_pipeline_tag_kinds_js__WEBPACK_IMPORTED_MODULE_3__/* .tagKind */ .pk)(tag, sha) }))));
}
function reason(e) {
    if (e instanceof _exec_js__WEBPACK_IMPORTED_MODULE_1__/* .CommandError */ .Qd)
        return (0,_registry_js__WEBPACK_IMPORTED_MODULE_4__/* .registryMessage */ .Dp)(e.result.stderr || e.result.stdout) || e.message;
    return _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$(e instanceof Error ? e.message : String(e));
}
/** `fn` with the steps' retry (retry.ts), each transient failure said in the log as `what: reason (…)`. */
function withRetry(what, fn, deadline, clock, signal) {
    return (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(fn, {
        deadline,
        clock,
        signal,
        onRetry: (e, { attempt, waitMs, leftMs }) => _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${what}: ${reason(e)} (transient; attempt ${attempt + 1} in ${(waitMs / 1000).toFixed(1)} s, ${Math.ceil(leftMs / 1000)} s left)`)
    });
}
/** At most this many registry calls (docker processes) at once: a run may have hundreds of tags. */
const PARALLEL = 8;
const ref = (m) => `${m.name}:${m.tag}`;
const short = (d) => (d ? d.replace(/^(sha256:.{12}).*$/, '$1…') : 'none');
async function tags(i) {
    const clock = i.clock ?? _retry_js__WEBPACK_IMPORTED_MODULE_2__/* .realClock */ .dQ;
    return _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Tags', async () => {
        const outcomes = await movePhase(i, clock);
        // per name and index, in the plan's order: every tag of it is there now
        const byBuild = new Map();
        for (const m of i.moves) {
            const key = `${m.name}@${m.digest}`;
            const entry = byBuild.get(key) ?? { name: m.name, tags: [], digest: m.digest };
            entry.tags.push(m.tag);
            byBuild.set(key, entry);
        }
        for (const b of byBuild.values())
            _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${b.name}: ${b.tags.join(', ')} -> ${b.digest}`);
        return { moved: [...byBuild.values()], outcomes };
    });
}
/**
 * Where every tag of `moves` points now (absent: a new tag), read in parallel (a HEAD each through the
 * registry API: no process per tag), each read retried for `retryTimeoutMs`. Publish reads them once,
 * before the guard, and hands them to the guard and to `tags`. Throws a TagPhaseError (nothing moved).
 */
async function currentDigests(i) {
    const clock = i.clock ?? _retry_js__WEBPACK_IMPORTED_MODULE_2__/* .realClock */ .dQ;
    const deadline = clock.now() + i.retryTimeoutMs;
    const refs = [...new Set(i.moves.map(ref))];
    const current = new Map();
    try {
        await (0,_lib_each_limited_js__WEBPACK_IMPORTED_MODULE_5__/* .eachLimited */ .k)(refs, PARALLEL, async (r) => void current.set(r, await withRetry(`reading ${r}`, () => i.buildx.tagDigest(r), deadline, clock, i.signal)));
    }
    catch (e) {
        throw new TagPhaseError(`No tag was moved: reading where the tags point failed: ${reason(e)}`, i.moves.map(m => ({ ...m, state: 'not-moved' })));
    }
    return current;
}
function groupsOf(outcomes, digestOf) {
    const groups = new Map();
    for (const o of outcomes) {
        const digest = digestOf(o);
        const key = `${o.name}@${digest}`;
        const g = groups.get(key) ?? { name: o.name, digest, outcomes: [] };
        g.outcomes.push(o);
        groups.set(key, g);
    }
    return [...groups.values()];
}
/**
 * Points every tag of `group` at `name@digest` with ONE `imagetools create`, retried while the failure is
 * transient and the window lasts. buildx pushes a create's tags concurrently, so a create that failed
 * may have moved some: each tag is then read back (a HEAD each), those at the digest are done, and only
 * the others go into the next attempt. Resolves with the tags that did not get there, and the error.
 */
async function pointGroup(i, group, what, deadline, clock) {
    const { buildx, signal } = i;
    let left = group.outcomes;
    for (let attempt = 1;; attempt++) {
        try {
            await buildx.writeTags(left.map(ref), `${group.name}@${group.digest}`);
            return { left: [] };
        }
        catch (error) {
            // which went through: read back to know (a tag that cannot be read counts as not there)
            const now = await Promise.all(left.map(o => buildx.tagDigest(ref(o)).catch(() => undefined)));
            left = left.filter((_, k) => now[k] !== group.digest);
            if (!left.length)
                return { left };
            const remaining = deadline - clock.now();
            if (!(0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .transientFailure */ .RG)(error) || signal?.aborted || remaining <= 0)
                return { left, error };
            const wait = (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .backoffMs */ .jo)(attempt, remaining, clock);
            _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${what} ${left.map(ref).join(', ')}: ${reason(error)} (transient; attempt ${attempt + 1} in ${(wait / 1000).toFixed(1)} s, ${Math.ceil(remaining / 1000)} s left)`);
            await clock.sleep(wait, signal);
        }
    }
}
/** `fn` over the groups, at most PARALLEL `docker` processes at once. */
const eachGroup = (groups, fn) => (0,_lib_each_limited_js__WEBPACK_IMPORTED_MODULE_5__/* .eachLimited */ .k)(groups, PARALLEL, fn);
async function movePhase(i, clock) {
    // immutable first, each kind in the plan's order
    const moves = [...i.moves.filter(m => m.kind === 'immutable'), ...i.moves.filter(m => m.kind === 'mutable')];
    const outcomes = moves.map(m => ({ ...m, state: 'not-moved' }));
    if (!moves.length)
        return outcomes;
    // 1. where every tag points now (publish has read it before the guard)
    const current = i.current && moves.every(m => i.current.has(ref(m))) ? i.current : await currentDigests({ ...i, moves, clock });
    for (const o of outcomes)
        o.previous = current.get(ref(o));
    // 2. the writes: every immutable tag, then every mutable one (a create pushes its tags concurrently, so
    //    the kinds go in separate creates); within a kind, one create per name and index, names in parallel
    let failure;
    for (const kind of ['immutable', 'mutable']) {
        const todo = [];
        for (const o of outcomes.filter(x => x.kind === kind)) {
            if (o.previous === o.digest) {
                o.state = 'unchanged';
                _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${ref(o)}: already at ${short(o.digest)} (not written)`);
            }
            else
                todo.push(o);
        }
        await eachGroup(groupsOf(todo, o => o.digest), async (g) => {
            // once one create failed for good, no other starts
            if (failure)
                return;
            const { left, error } = await pointGroup(i, g, 'moving', clock.now() + i.retryTimeoutMs, clock);
            for (const o of g.outcomes) {
                if (left.includes(o)) {
                    o.state = 'failed';
                    o.note = reason(error);
                    _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${ref(o)}: not moved: ${o.note}`);
                }
                else {
                    o.state = 'moved';
                    _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${ref(o)}: ${short(o.previous)} -> ${short(o.digest)}`);
                }
            }
            if (left.length)
                failure ??= left[0];
        });
        if (failure)
            break;
    }
    if (!failure)
        return outcomes;
    // 3. undo what moved
    await restore(i, outcomes, clock);
    const left = outcomes.filter(o => o.state === 'not-restored');
    const first = `The registry refused to move ${ref(failure)}: ${failure.note}.`;
    const detail = left.length
        ? ` ${left.length} tag(s) moved by this run could not be put back (re-run the job to complete the release):\n${left.map(o => `  ${ref(o)}: was ${o.previous ?? 'absent (new tag)'}, now ${o.digest}${o.note ? ` (${o.note})` : ''}`).join('\n')}`
        : ` Every tag this run had moved was put back (or removed, if new): the tags are where they were before the run; re-run the job to publish.`;
    throw new TagPhaseError(first + detail, outcomes);
}
async function restore(i, outcomes, clock) {
    const { buildx, signal } = i;
    const deadline = clock.now() + i.retryTimeoutMs;
    const moved = outcomes.filter(o => o.state === 'moved');
    if (!moved.length)
        return;
    _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Restoring the ${moved.length} tag(s) this run moved`);
    // tags that existed: back to their previous digest, one create per name and previous index (the
    // mutable ones first: the channels users pull)
    const existed = [...moved.filter(o => o.previous && o.kind === 'mutable'), ...moved.filter(o => o.previous && o.kind !== 'mutable')];
    await eachGroup(groupsOf(existed, o => o.previous), async (g) => {
        const { left, error } = await pointGroup(i, g, 'restoring', deadline, clock);
        for (const o of g.outcomes) {
            if (left.includes(o)) {
                o.state = 'not-restored';
                o.note = `putting it back failed: ${reason(error)}`;
            }
            else {
                o.state = 'restored';
                _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${ref(o)}: put back to ${short(o.previous)}`);
            }
        }
    });
    // new tags: the index is deleted by digest, which removes it under every tag that points at it
    await eachGroup(groupsOf(moved.filter(x => !x.previous), o => o.digest), async (group) => {
        const { name, digest } = group;
        const leave = (note) => group.outcomes.forEach(o => ((o.state = 'not-restored'), (o.note = note)));
        try {
            const mine = new Set([...group.outcomes.map(o => o.tag), ...(i.ownTags ?? [])]);
            const others = await withRetry(`listing the tags of ${name}`, () => buildx.tagsAt(name, digest), deadline, clock, signal);
            const blocking = others.filter(t => !mine.has(t));
            if (blocking.length)
                return leave(`new tag left: its index is also tagged ${blocking.slice(0, 3).join(', ')}${blocking.length > 3 ? ', …' : ''}, and a delete by digest would remove those too`);
            const deleted = await withRetry(`deleting ${name}@${digest}`, () => buildx.deleteManifest(name, digest), deadline, clock, signal);
            if (!deleted)
                return leave('new tag left: the registry does not allow deleting manifests');
            group.outcomes.forEach(o => (o.state = 'removed'));
            _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${group.outcomes.map(ref).join(', ')}: removed (new tags; index ${short(digest)} deleted)`);
        }
        catch (e) {
            leave(`removing it failed: ${reason(e)}`);
        }
    });
}


/***/ }),

/***/ 20290:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ entryManifest),
/* harmony export */   DJ: () => (/* binding */ historyTag),
/* harmony export */   ER: () => (/* binding */ parseEntry),
/* harmony export */   Hz: () => (/* binding */ channelTags),
/* harmony export */   bB: () => (/* binding */ HISTORY_TAG_PATTERN),
/* harmony export */   es: () => (/* binding */ rollbackTarget)
/* harmony export */ });
/* unused harmony exports HISTORY_ARTIFACT_TYPE, channelKey */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _leg_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72638);
/**
 * A channel's history, kept in the registry itself (no other store): every move of a channel tag
 * (`env-prod`) by a promotion, a rollback, or a publish/merge that moves a channel tag is one entry, a
 * small OCI artifact manifest of its own in the image's repository under a tag unique to the entry:
 *
 *   mp-hist-<12 hex of sha256(channel)>-<13-digit epoch ms>-<8 hex random>
 *
 * One tag per entry, never a read-modify-write of a shared document, so concurrent writers cannot lose
 * each other's entries (the distribution API has no conditional PUT, and GHCR no referrers API). The
 * entry lives in the manifest's annotations (one read per entry, no blob), its config is the OCI empty
 * descriptor. Reading a history lists the repository's tags, keeps this channel's, and reads them in
 * order. Pure: names, bytes, parsing and the rollback's choice.
 */


const HISTORY_ARTIFACT_TYPE = 'application/vnd.multiarch-publish.history.v1+json';
const A = 'dev.multiarch-publish.history';
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/** The channel's part of its entries' tags. */
function channelKey(channel) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(channel).digest('hex').slice(0, 12);
}
/** The tag of one entry: unique per channel, instant and writer; sorts by time. */
function historyTag(channel, at, random) {
    return `mp-hist-${channelKey(channel)}-${String(at.getTime()).padStart(13, '0')}-${random.slice(0, 8)}`;
}
/** The tags of a channel's entries among a repository's tags, oldest first. */
function channelTags(tags, channel) {
    const prefix = `mp-hist-${channelKey(channel)}-`;
    return tags.filter(t => t.startsWith(prefix) && /^\d{13}-[0-9a-f]{8}$/.test(t.slice(prefix.length))).sort();
}
/** Whether a tag is a history entry's (any channel): never a release tag, never pruned as one. */
const HISTORY_TAG_PATTERN = /^mp-hist-[0-9a-f]{12}-\d{13}-[0-9a-f]{8}$/;
/** The entry's manifest bytes (the empty blob `{}` must be in the repository first). */
function entryManifest(e) {
    const { data: _data, ...empty } = _leg_record_js__WEBPACK_IMPORTED_MODULE_1__/* .EMPTY_DESCRIPTOR */ .gi;
    const annotations = {
        'org.opencontainers.image.created': e.at,
        [`${A}.channel`]: e.channel,
        [`${A}.before`]: e.before ?? '',
        [`${A}.after`]: e.after,
        [`${A}.kind`]: e.kind,
        [`${A}.source`]: e.source,
        [`${A}.commit`]: e.commit,
        [`${A}.run`]: e.run,
        [`${A}.actor`]: e.actor
    };
    const manifest = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', artifactType: HISTORY_ARTIFACT_TYPE, config: empty, layers: [empty], annotations };
    return { mediaType: 'application/vnd.oci.image.manifest.v1+json', bytes: new TextEncoder().encode(JSON.stringify(manifest)) };
}
/** The entry an entry manifest holds, or undefined when it is not one of `channel` (anything else in the repository is ignored). */
function parseEntry(json, channel) {
    const m = json;
    if (!m || m.artifactType !== HISTORY_ARTIFACT_TYPE || !m.annotations)
        return undefined;
    const a = (k) => (typeof m.annotations[`${A}.${k}`] === 'string' ? m.annotations[`${A}.${k}`].slice(0, 300) : undefined);
    const after = a('after');
    const before = a('before');
    const kind = a('kind');
    const at = m.annotations['org.opencontainers.image.created'];
    if (a('channel') !== channel || !after || !DIGEST.test(after) || (before && !DIGEST.test(before)) || typeof at !== 'string' || Number.isNaN(Date.parse(at)))
        return undefined;
    if (!['promote', 'rollback', 'publish', 'merge'].includes(kind ?? ''))
        return undefined;
    return { channel, at, before: before || null, after, kind: kind, source: a('source') ?? '', commit: a('commit') ?? '', run: a('run') ?? '', actor: a('actor') ?? '' };
}
/**
 * Where a rollback of `steps` moves the channel: the digest it pointed at before the last `steps` moves
 * (entries oldest first). The newest entry must agree with where the channel points now, so that a move
 * the history does not know of (a tag set by hand) is not silently undone.
 */
function rollbackTarget(entries, current, steps) {
    if (!entries.length)
        return { reason: 'has no history (no promotion, rollback or publish recorded a move of it)' };
    const last = entries[entries.length - 1];
    if (current !== last.after)
        return { reason: `points at ${current ?? 'nothing'}, but its last recorded move (${last.at}) set ${last.after}: it was moved outside the action; roll back with from: <tag or digest> instead` };
    if (steps > entries.length)
        return { reason: `has ${entries.length} recorded move(s), fewer than steps: ${steps}` };
    const entry = entries[entries.length - steps];
    if (!entry.before)
        return { reason: `did not exist before the move of ${entry.at} (${steps} step(s) back): there is nothing to roll back to` };
    return { digest: entry.before, entry };
}


/***/ }),

/***/ 72638:
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
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var canonicalize__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98799);
/* harmony import */ var _lib_platform_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56728);
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

/***/ 98799:
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
