export const id = 885;
export const ids = [885];
export const modules = {

/***/ 9964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ archTagMoves)
/* harmony export */ });
/* harmony import */ var _pipeline_tag_kinds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3662);
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

/***/ 9923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ buildAnnotations),
/* harmony export */   Qd: () => (/* binding */ serializeBake),
/* harmony export */   _J: () => (/* binding */ cancelledTargets),
/* harmony export */   q8: () => (/* binding */ layoutPath),
/* harmony export */   vu: () => (/* binding */ parseFailures),
/* harmony export */   xs: () => (/* binding */ bakeDefinition),
/* harmony export */   zf: () => (/* binding */ workspaceDir)
/* harmony export */ });
/* unused harmony exports attestation, outputFor, escapeBakeValue */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _pipeline_metadata_labels_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7121);
/**
 * One `docker buildx bake` for every build of the plan: a generated JSON definition (one target per
 * build), kept as a file and shown in the summary. BuildKit solves all targets in one graph, so stages
 * that several images share are built once.
 */


/** One CSV field of an exporter attribute, quoted when it holds a comma or a quote. */
function csvField(s) {
    return /[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
/** `--provenance`/`--sbom` values as build-push-action takes them, as bake attestations. */
function attestation(type, value) {
    if (!value)
        return undefined;
    if (value === 'false')
        return `type=${type},disabled=true`;
    if (value === 'true')
        return `type=${type}`;
    return value.startsWith('type=') ? value : `type=${type},${value}`;
}
/**
 * Index- and manifest-level annotations: the plan's (outputs') annotations, and each manifest-level one
 * also at index level unless the user set that key there, so registries (GHCR) show the index's description.
 */
function buildAnnotations(annotations) {
    const out = [...annotations];
    const has = new Set(annotations.map(a => a.slice(0, a.indexOf('='))));
    for (const a of annotations) {
        if (!a.startsWith('manifest:'))
            continue;
        const key = 'index:' + a.slice('manifest:'.length, a.indexOf('='));
        if (!has.has(key)) {
            out.push('index:' + a.slice('manifest:'.length));
            has.add(key);
        }
    }
    return out;
}
function outputFor(build, s) {
    // type=docker loads through the daemon: into containerd's store (several platforms), or as a tarball
    if (s.load)
        return ['type=docker', csvField(`name=${(build.tags.length ? build.tags : build.images).join(',')}`)].join(',');
    if (!s.push)
        return 'type=cacheonly';
    if (s.pushMode === 'layout')
        return ['type=oci', 'tar=false', csvField(`dest=${layoutPath(s.layoutDir ?? '', build)}`), 'oci-mediatypes=true'].join(',');
    const byDigest = s.pushMode === 'digest';
    const names = byDigest ? build.images : build.images.map(i => `${i}:${s.stagingTag}`);
    const attrs = ['type=image', csvField(`name=${names.join(',')}`), 'push=true', 'oci-mediatypes=true'];
    if (byDigest)
        attrs.push('push-by-digest=true', 'name-canonical=true');
    return attrs.join(',');
}
/** The OCI layout directory of one build (its id is made of `[a-z0-9_-]`: plan.ts). */
function layoutPath(layoutDir, build) {
    return node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(layoutDir, build.id);
}
/** Pure: the bake definition of a plan. */
function bakeDefinition(plan, s) {
    const target = {};
    for (const b of plan.builds) {
        // buildx adds its default provenance (mode=min) to a pushed image, not to an OCI export: the layout
        // gets it asked for, so the docker driver's content is what its push made (a one-platform build too
        // is then an index, which its index annotations need)
        const provenance = s.provenance || (s.push && s.pushMode === 'layout' ? 'mode=min' : '');
        const attest = [attestation('provenance', provenance), attestation('sbom', s.sbom)].filter((a) => !!a);
        target[b.id] = {
            context: b.context,
            dockerfile: node_path__WEBPACK_IMPORTED_MODULE_0__.posix.relative(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(b.context), node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(b.file)) || 'Dockerfile',
            platforms: b.platforms,
            ...(b.target ? { target: b.target } : {}),
            labels: (0,_pipeline_metadata_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .keyValueObject */ .jm)(b.labels),
            ...(s.push ? { annotations: buildAnnotations(b.annotations) } : {}),
            args: b.buildArgs,
            output: [outputFor(b, s)],
            ...(s.cacheFrom[b.id]?.length ? { 'cache-from': s.cacheFrom[b.id] } : {}),
            ...(s.cacheTo[b.id]?.length ? { 'cache-to': s.cacheTo[b.id] } : {}),
            ...(s.secrets.length ? { secret: s.secrets } : {}),
            ...(attest.length ? { attest } : {}),
            ...(s.noCache ? { 'no-cache': true } : {}),
            ...(s.pull ? { pull: true } : {})
        };
    }
    return { group: { default: { targets: plan.builds.map(b => b.id) } }, target };
}
/**
 * Bake evaluates HCL templates in every string of a JSON definition, keys included: `${...}` and
 * `%{...}` are interpolated (a label `${GITHUB_SHA}` fails with `variable cycle`). Its escapes are `$${`
 * and `%%{`; a `$` or `%` not followed by `{` (`$$`, a trailing `$`, `100%`) is taken as is. So
 * doubling the `$`/`%` before every `{` makes any value reach BuildKit byte for byte.
 */
function escapeBakeValue(s) {
    return s.replace(/([$%])\{/g, '$1$1{');
}
function escapeDeep(v) {
    if (typeof v === 'string')
        return escapeBakeValue(v);
    if (Array.isArray(v))
        return v.map(escapeDeep);
    if (v && typeof v === 'object')
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [escapeBakeValue(k), escapeDeep(x)]));
    return v;
}
/** The one way the action writes a bake definition: every key and string value escaped (see escapeBakeValue). */
function serializeBake(def) {
    return JSON.stringify(escapeDeep(def), null, 2);
}
const PUSH_STEP = /exporting to image|pushing |exporting manifest|exporting config|writing image/i;
// only what is said of an upload: a base image that cannot be pulled also says `denied` or `unexpected status`
const PUSH_ERROR = /failed to push|pushing .* with docker/i;
/**
 * Finds the failed steps in a plain-progress log: `#N [target platform step] ...` names a vertex, `#N ERROR:`
 * marks its failure. Returns each failure with the last lines of that vertex's log, one per target (a
 * target failing on several platforms fails once), build failures before push failures.
 */
function parseFailures(lines, targets, images = {}, tail = 20) {
    // a push error names the image it was pushing: that, not the vertex it surfaced in, says whose it is
    const pushedTarget = (error) => {
        const ref = /failed to push ([^\s:]+(?::\d+)?[^\s:@]*)/.exec(error)?.[1];
        return ref ? targets.find(t => (images[t] ?? []).includes(ref)) : undefined;
    };
    const names = new Map();
    const logs = new Map();
    const byTarget = new Map();
    for (const line of lines) {
        const m = /^#(\d+) (.*)$/.exec(line);
        if (!m)
            continue;
        const [, id, rest] = m;
        if (rest.startsWith('[') && !names.has(id))
            names.set(id, rest);
        const log = logs.get(id) ?? [];
        log.push(line);
        logs.set(id, log);
        if (!rest.startsWith('ERROR: '))
            continue;
        const name = names.get(id) ?? '';
        const v = /^\[([^\s\]]+)(?: ((?:linux|windows|darwin|freebsd)\/[^\s\]]+))?/.exec(name);
        const error = rest.slice('ERROR: '.length);
        const kind = PUSH_STEP.test(name) || PUSH_ERROR.test(error) ? 'push' : 'build';
        const target = (kind === 'push' && pushedTarget(error)) || (v && targets.includes(v[1]) ? v[1] : targets.length === 1 ? targets[0] : '');
        const seen = byTarget.get(target);
        if (!seen) {
            byTarget.set(target, { target, platform: v?.[2], kind, step: name, error, log: log.slice(-tail) });
        }
        else {
            // the same target failing again (another platform): keep one failure, a build one first
            if (seen.platform !== v?.[2])
                seen.platform = undefined;
            if (seen.kind === 'push' && kind === 'build')
                Object.assign(seen, { kind, step: name, error, log: log.slice(-tail) });
        }
    }
    return [...byTarget.values()];
}
/**
 * The targets BuildKit cancelled when another one failed (bake stops the whole graph at the first
 * failure): a step of theirs ends `#N CANCELED` (a RUN, a context transfer, an export or a push cut
 * short) and none of theirs failed. A step is a target's when the target named it in any of its
 * headers (BuildKit runs a step two targets share once). In the order of `targets`.
 */
function cancelledTargets(lines, targets, failures) {
    const owners = new Map();
    const cancelled = new Set();
    for (const line of lines) {
        const m = /^#(\d+) (?:\[([^\s\]]+)[\s\]]|(CANCELED)$)/.exec(line);
        if (!m)
            continue;
        const [, id, target, canceled] = m;
        if (target && targets.includes(target))
            owners.set(id, (owners.get(id) ?? new Set()).add(target));
        if (canceled)
            for (const t of owners.get(id) ?? [])
                cancelled.add(t);
    }
    const failed = new Set(failures.map(f => f.target));
    return targets.filter(t => cancelled.has(t) && !failed.has(t));
}
/** Where bake runs: contexts and Dockerfiles are relative to the workspace, as in build-push-action. */
function workspaceDir() {
    return process.env['GITHUB_WORKSPACE'] || undefined;
}


/***/ }),

/***/ 8939:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DG: () => (/* binding */ budgetGate),
/* harmony export */   Le: () => (/* binding */ budgetRules),
/* harmony export */   nW: () => (/* binding */ violationMessage),
/* harmony export */   qV: () => (/* binding */ budgetError)
/* harmony export */ });
/* unused harmony exports budgeted, checkBudgets, baselineTag, readBaselines */
/* harmony import */ var _pipeline_inputs_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7337);
/* harmony import */ var _pipeline_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9924);
/* harmony import */ var _lib_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9948);
/* harmony import */ var _lib_size_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1776);
/* harmony import */ var _pipeline_tag_kinds_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3662);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6601);
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

/***/ 7195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LR: () => (/* binding */ sizes),
/* harmony export */   MX: () => (/* binding */ verify),
/* harmony export */   Yb: () => (/* binding */ metadataDigest)
/* harmony export */ });
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4583);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6601);
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

/***/ 8492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ leftoversSummary)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7721);
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
