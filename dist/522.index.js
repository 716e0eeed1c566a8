export const id = 522;
export const ids = [522];
export const modules = {

/***/ 474:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ archTagMoves)
/* harmony export */ });
/* harmony import */ var _pipeline_tag_kinds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8696);
/**
 * `arch-tags: true`: the per-platform tags (`<tag>-<suffix>`, plan.builds[].archTags) as tag moves, each
 * to that platform's manifest under each name, for the same tag phase as the release tags (atomic,
 * retried, restored on failure, immutable first).
 */

function archTagMoves(verified, sha) {
    return verified.flatMap(v => (v.build.archTags ?? []).flatMap(a => v.build.images.flatMap(name => {
        const digest = v.images.find(img => img.name === name)?.platforms.find(p => p.platform === a.platform)?.digest;
        if (!digest)
            throw new Error(`${name}@${v.digest} has no manifest of ${a.platform} for its per-platform tags (arch-tags); no tag was moved.`);
        return a.tagNames.map(tag => ({ name, tag, digest, kind: (0,_pipeline_tag_kinds_js__WEBPACK_IMPORTED_MODULE_0__/* .tagKind */ .pk)(tag, sha) }));
    })));
}


/***/ }),

/***/ 9399:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AM: () => (/* binding */ readImage),
/* harmony export */   Dp: () => (/* binding */ registryMessage),
/* harmony export */   Z: () => (/* binding */ withSizes)
/* harmony export */ });
/* unused harmony exports indexPlatforms, platformString, manifestSize */
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

/***/ 6926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K2: () => (/* binding */ ReleaseError),
  _r: () => (/* binding */ release)
});

// UNUSED EXPORTS: TagPhaseError

// EXTERNAL MODULE: ./src/action/runner.ts + 1 modules
var runner = __webpack_require__(1949);
// EXTERNAL MODULE: ./src/pipeline/tag-kinds.ts
var tag_kinds = __webpack_require__(8696);
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
var exec = __webpack_require__(1293);
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
var tags = __webpack_require__(4810);
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
    if (!i.cancel.stopped)
        await readback({ buildx: i.buildx, verified: withoutSkipped(i.verified, skipped) });
    return { tagMoves, skipped };
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
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1293);
/* harmony import */ var _registry_api_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3722);
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

/***/ 4810:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PP: () => (/* binding */ plannedMoves),
/* harmony export */   _A: () => (/* binding */ tags),
/* harmony export */   __: () => (/* binding */ TagPhaseError),
/* harmony export */   zS: () => (/* binding */ currentDigests)
/* harmony export */ });
/* unused harmony export withRetry */
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1949);
/* harmony import */ var _lib_each_limited_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4114);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1293);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9399);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(708);
/* harmony import */ var _pipeline_tag_kinds_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8696);
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

/***/ 3993:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LR: () => (/* binding */ sizes),
/* harmony export */   MX: () => (/* binding */ verify),
/* harmony export */   Yb: () => (/* binding */ metadataDigest)
/* harmony export */ });
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1949);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9399);
/**
 * Verify: every build's index is in the registry under each of its names, with every planned platform,
 * before any tag moves. The digest is bake's (`containerimage.digest` of its metadata file); the registry
 * is read ONCE per name: the index by that digest (its bytes hash to it), which lists the platforms and
 * their manifests' digests.
 *
 * Sizes (config + layers of each platform's manifest) are not in the index nor in bake's metadata
 * (buildx 0.13 writes the index's descriptor only), so `sizes` reads the platforms' manifests, in
 * parallel, once per build (every name holds the same manifests: same digests): publish starts it right
 * after verify and awaits it only for the outputs and the summary, so it runs beside the guard and the
 * tag pass.
 */


/** The digest and descriptor of a build in bake's metadata (`--metadata-file`), as the action reads them. */
function metadataDigest(entry) {
    const digest = typeof entry?.['containerimage.digest'] === 'string' ? entry['containerimage.digest'] : '';
    const d = entry?.['containerimage.descriptor'];
    return { digest, ...(d && typeof d === 'object' ? { descriptor: d } : {}) };
}
async function verify(i) {
    const verified = await Promise.all(i.builds.map(async ({ build, digest, descriptor }) => {
        if (!digest)
            throw new Error(`buildx reported no digest for ${build.images.join(', ')}; no tag was moved.`);
        if (descriptor?.digest && descriptor.digest !== digest)
            throw new Error(`buildx reported two digests for ${build.images.join(', ')} (${digest}, and ${descriptor.digest} in its descriptor); no tag was moved.`);
        // a single image manifest names no platform: it is the build's one platform
        const single = build.platforms.length === 1 ? build.platforms[0] : '';
        const images = await Promise.all(build.images.map(name => (0,_registry_js__WEBPACK_IMPORTED_MODULE_1__/* .readImage */ .AM)(i.buildx, name, digest, single)));
        for (const staged of images) {
            const missing = build.platforms.filter(pl => !staged.platforms.some(x => x.platform === pl));
            if (missing.length)
                throw new Error(`${staged.name}@${digest} lacks ${missing.join(', ')} in the registry; no tag was moved.`);
        }
        return { build, digest, images };
    }));
    return { verified };
}
/**
 * The verified builds with each platform's compressed size: the platforms' manifests read under the
 * build's first name, in parallel; a size that cannot be read stays 0 (a warning, not a failure).
 */
async function sizes(buildx, verified, warn = _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e) {
    return Promise.all(verified.map(async (v) => {
        const [first, ...rest] = v.images;
        if (!first)
            return v;
        const sized = await (0,_registry_js__WEBPACK_IMPORTED_MODULE_1__/* .withSizes */ .Z)(buildx, first, warn);
        const size = new Map(sized.platforms.map(p => [p.digest, p.size]));
        return { ...v, images: [sized, ...rest.map(img => ({ ...img, platforms: img.platforms.map(p => ({ ...p, size: size.get(p.digest) ?? p.size })) }))] };
    }));
}


/***/ }),

/***/ 4114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ eachLimited)
/* harmony export */ });
/**
 * `fn` over `items`, at most `limit` calls at a time, in the items' order; settles when every started
 * call has, then rejects with the first failure, if any. `stopAtFailure`: no item starts after one
 * failed (the rest would be wasted work); otherwise every item is still tried.
 */
async function eachLimited(items, limit, fn, opts = {}) {
    let next = 0;
    let failed;
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length && !(opts.stopAtFailure && failed)) {
            const item = items[next++];
            try {
                await fn(item);
            }
            catch (error) {
                failed ??= { error };
            }
        }
    }));
    if (failed)
        throw failed.error;
}


/***/ }),

/***/ 7202:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ leftoversSummary)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4031);
/**
 * The summary's "Left in the registry" part: what a run leaves that the user did not ask for as a
 * release tag. Appended to the publish summary, like the skipped tags. Every value goes through ./escape.ts.
 */

function leftoversSummary(l) {
    const lines = ['### Left in the registry', '', `**Push:** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(l.push)}`, ''];
    if (l.stagingTags.length) {
        lines.push(...l.stagingTags.map(t => (t.digest ? `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(t.ref)} → ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(t.digest.slice(0, 19) + '…')}` : `- ⚠️ ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(t.ref)}: could not be read (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(t.unread ?? '')})`)), '', l.what ? `These ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(l.what)} are left: the registry did not let the run remove them (remove them by digest, or let its garbage collection do it).` : l.kept ? 'These staging tags stay, as `staging-tags: keep` asks (on GHCR a version never loses a tag).' : 'These staging tags are left (the registry did not let the run remove them).', '');
    }
    else {
        lines.push(l.failed
            ? 'No tag of this run is left: what was uploaded is content by digest only (untagged; registries remove it with their garbage collection, GHCR lists it as untagged versions).'
            : l.what ? `No ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(l.what)} left: the run removed them.` : 'No tag other than the ones asked for: the content was pushed by digest.', '');
    }
    return lines.join('\n');
}


/***/ })

};
