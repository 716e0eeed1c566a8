export const id = 440;
export const ids = [440];
export const modules = {

/***/ 30474:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ archTagMoves)
/* harmony export */ });
/* harmony import */ var _pipeline_tag_kinds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28696);
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

/***/ 67761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D3: () => (/* binding */ CANCELLED_ERROR),
/* harmony export */   P: () => (/* binding */ buildAnnotations),
/* harmony export */   Qd: () => (/* binding */ serializeBake),
/* harmony export */   _J: () => (/* binding */ cancelledTargets),
/* harmony export */   q8: () => (/* binding */ layoutPath),
/* harmony export */   vu: () => (/* binding */ parseFailures),
/* harmony export */   xs: () => (/* binding */ bakeDefinition),
/* harmony export */   zf: () => (/* binding */ workspaceDir)
/* harmony export */ });
/* unused harmony exports attestation, outputFor, escapeBakeValue */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _pipeline_metadata_labels_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48911);
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
    // the names only make BuildKit fill in the attestations' in-toto subjects (pkg:docker/<name>@…?platform=…,
    // as push-by-digest does); without them provenance and SBOM statements would name no subject at all
    if (s.pushMode === 'layout')
        return ['type=oci', 'tar=false', csvField(`dest=${layoutPath(s.layoutDir ?? '', build)}`), csvField(`name=${build.images.join(',')}`), 'oci-mediatypes=true'].join(',');
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
/** The error of a step BuildKit stopped (another target failed, the run was cancelled), not one that failed. */
const CANCELLED_ERROR = /\bcontext canceled\b|\bcanceled\b|\bcancelled\b/i;
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
    // BuildKit runs a step two targets share once; each target that reached it names it in a header of its
    // own (`#9 [api base 2/2] …`, `#9 [worker base 2/2] …`), before or after its ERROR line: it failed for all
    const owners = new Map(); // vertex -> target -> its header
    for (const line of lines) {
        const m = /^#(\d+) (\[([^\s\]]+)[\s\]].*)$/.exec(line);
        if (!m || !targets.includes(m[3]))
            continue;
        const headers = owners.get(m[1]) ?? new Map();
        if (!headers.has(m[3]))
            headers.set(m[3], m[2]);
        owners.set(m[1], headers);
    }
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
        const pushed = kind === 'push' ? pushedTarget(error) : undefined;
        const headers = owners.get(id) ?? new Map();
        // a shared step cut short because another target failed (`context canceled`) is not a failure of
        // every target that shares it (and, below, no failure at all when another step really failed)
        const first = v && targets.includes(v[1]) ? v[1] : targets.length === 1 ? targets[0] : '';
        const blamed = pushed ? [pushed] : headers.size && !CANCELLED_ERROR.test(error) ? [...headers.keys()] : [first];
        for (const target of blamed) {
            // the step as this target named it (its own header)
            const own = headers.get(target) ?? name;
            const seen = byTarget.get(target);
            if (!seen) {
                byTarget.set(target, { target, platform: v?.[2], kind, step: own, error, log: log.slice(-tail), ...(blamed.length > 1 ? { sharedWith: blamed.filter(t => t !== target) } : {}) });
            }
            else {
                // the same target failing again (another platform): keep one failure, a build one first, and a
                // failure of its own before a step cut short
                if (seen.platform !== v?.[2])
                    seen.platform = undefined;
                const better = (seen.kind === 'push' && kind === 'build') || (CANCELLED_ERROR.test(seen.error) && !CANCELLED_ERROR.test(error));
                if (better)
                    Object.assign(seen, { kind, step: own, error, log: log.slice(-tail) });
            }
        }
    }
    const all = [...byTarget.values()];
    // a target whose only error is a step cut short did not fail: BuildKit stopped it because another one
    // did (cancelledTargets reports it); unless nothing else failed, when that is all there is to say
    const real = all.filter(f => !CANCELLED_ERROR.test(f.error));
    return real.length ? real : all;
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
        const m = /^#(\d+) (?:\[([^\s\]]+)[\s\]]|(CANCELED)$|(ERROR: .*\bcontext canceled\b.*)$)/.exec(line);
        if (!m)
            continue;
        const [, id, target, canceled, cutShort] = m;
        if (target && targets.includes(target))
            owners.set(id, (owners.get(id) ?? new Set()).add(target));
        if (canceled || cutShort)
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

/***/ 42624:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K1: () => (/* binding */ storageLeftovers),
/* harmony export */   S3: () => (/* binding */ rewrittenMetadata),
/* harmony export */   Tl: () => (/* binding */ storeAttestations),
/* harmony export */   h4: () => (/* binding */ ATTESTATION_ARTIFACT_TYPE)
/* harmony export */ });
/* unused harmony exports EMPTY_CONFIG, isAttestationEntry, splitAttestations, referrerManifest, encoded */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31949);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(14031);
/* harmony import */ var _referrers_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(53974);
/**
 * `attestation-storage: referrers` (issue 12): BuildKit (0.13 here, no `oci-artifact` option) puts each
 * platform's attestation manifest INTO the image index, as an entry with platform `unknown/unknown` and
 * the annotations `vnd.docker.reference.type: attestation-manifest`, `vnd.docker.reference.digest:
 * <platform manifest>`; registries and GHCR's package page then list an `unknown/unknown` platform.
 *
 * After the build pushed its content and before verify (publish.ts, merge.ts), each build's index is
 * rewritten: the same index minus its attestation entries (its annotations and the platform entries, in
 * order, kept), PUT by its digest into every name; each attestation manifest becomes an OCI 1.1 referrer
 * of its platform manifest, as BuildKit's own `oci-artifact=true` writes it (exporter/containerimage/
 * writer.go, commitAttestationsManifest): an image manifest with `artifactType:
 * application/vnd.docker.attestation.manifest.v1+json`, the empty config, the same in-toto layers (their
 * annotations kept) and `subject` the platform manifest's descriptor; listed by the registry's
 * referrers API, or else under the fallback tag `sha256-<hex>` (engine/referrers.ts). The rest of the
 * flow (verify, budgets, signatures, GitHub attestations, tags, outputs, summary) sees only the new
 * digest; BuildKit's index stays in the registry, untagged.
 */






const ATTESTATION_ARTIFACT_TYPE = 'application/vnd.docker.attestation.manifest.v1+json';
const MANIFEST_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const INDEX_TYPE = 'application/vnd.oci.image.index.v1+json';
/** The OCI empty descriptor (image-spec 1.1), as BuildKit's oci-artifact attestations carry it. */
const EMPTY_CONFIG = { mediaType: 'application/vnd.oci.empty.v1+json', digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a', size: 2, data: 'e30=' };
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const sha256 = (b) => `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(b).digest('hex')}`;
const isAttestationEntry = (d) => d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest';
/**
 * The index without its attestation entries (every other field and entry as it was, in order) and the
 * entries taken out, each with the platform manifest it is about. Throws when an entry names no platform
 * manifest of the index (not BuildKit's layout: nothing is rewritten).
 */
function splitAttestations(index) {
    if (!Array.isArray(index.manifests))
        throw new Error('not an image index (no manifests)');
    const attestations = [];
    for (const d of index.manifests) {
        if (!isAttestationEntry(d))
            continue;
        const of = d.annotations?.['vnd.docker.reference.digest'] ?? '';
        const subject = index.manifests.find(m => m.digest === of && !isAttestationEntry(m));
        if (!subject)
            throw new Error(`the attestation manifest ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_5__/* .logValue */ .Od)(String(d.digest).slice(0, 80))} is about ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_5__/* .logValue */ .Od)(of.slice(0, 80)) || 'no manifest'}, which the index does not list`);
        if (!DIGEST.test(d.digest) || !DIGEST.test(subject.digest))
            throw new Error(`the attestation manifest ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_5__/* .logValue */ .Od)(String(d.digest).slice(0, 80))} or its platform manifest has a digest that is not sha256:<64 hex>`);
        attestations.push({ attestation: d, subject });
    }
    return { index: { ...index, manifests: index.manifests.filter(d => !isAttestationEntry(d)) }, attestations };
}
/** The OCI 1.1 referrer made of an attestation manifest: its layers (annotations kept), the empty config, `subject` the platform manifest. */
function referrerManifest(attestation, subject) {
    if (!Array.isArray(attestation.layers) || attestation.layers.length === 0)
        throw new Error('the attestation manifest has no layers');
    return {
        schemaVersion: 2,
        mediaType: MANIFEST_TYPE,
        artifactType: ATTESTATION_ARTIFACT_TYPE,
        config: EMPTY_CONFIG,
        layers: attestation.layers,
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size }
    };
}
/** Bytes and digest of a document as it is PUT. */
function encoded(doc) {
    const bytes = new TextEncoder().encode(JSON.stringify(doc));
    return { bytes, digest: sha256(bytes) };
}
const platformText = (p) => (p ? `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}` : '');
/** Rewrites every build's index in every name (see the top); a build whose index has no attestation entry is left as it is. */
async function storeAttestations(i) {
    const replaced = {};
    const referrers = [];
    const empty = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(i.dir, 'oci-empty.json');
    const builds = await _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .group */ .Os('Attestations as OCI referrers (attestation-storage: referrers)', async () => {
        const out = [];
        for (const b of i.builds) {
            let result;
            for (const image of b.build.images) {
                const raw = i.buildx.manifestRaw ? await i.buildx.manifestRaw(image, b.digest) : undefined;
                const top = (raw ? JSON.parse(new TextDecoder().decode(raw.bytes)) : await i.buildx.readManifest(image, b.digest));
                if (!Array.isArray(top?.manifests))
                    break; // one platform without attestations: a manifest, nothing to move
                const split = splitAttestations(top);
                if (!split.attestations.length)
                    break;
                const index = encoded(split.index);
                const mediaType = typeof top.mediaType === 'string' ? top.mediaType : (raw?.mediaType ?? INDEX_TYPE);
                if (result && result.digest !== index.digest)
                    throw new Error(`the names of ${b.build.images.join(', ')} hold different indexes at ${b.digest}; no tag was moved`);
                await i.buildx.putManifest(image, index.digest, mediaType, index.bytes);
                result = { digest: index.digest, size: index.bytes.length, mediaType };
                if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(empty))
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(empty, '{}');
                await i.buildx.pushBlob(image, { digest: EMPTY_CONFIG.digest, size: EMPTY_CONFIG.size, file: empty });
                for (const a of split.attestations) {
                    const attestation = (await i.buildx.readManifest(image, a.attestation.digest));
                    const manifest = encoded(referrerManifest(attestation, a.subject));
                    await i.buildx.putManifest(image, manifest.digest, MANIFEST_TYPE, manifest.bytes);
                    const tag = await (0,_referrers_js__WEBPACK_IMPORTED_MODULE_4__/* .listReferrer */ .Gz)(i.buildx, image, a.subject.digest, { mediaType: MANIFEST_TYPE, digest: manifest.digest, size: manifest.bytes.length, artifactType: ATTESTATION_ARTIFACT_TYPE });
                    const platform = platformText(a.subject.platform);
                    referrers.push({ image, platform, subject: a.subject.digest, manifest: manifest.digest, tag });
                    _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`${image} ${platform}: attestations ${a.attestation.digest.slice(0, 19)}… -> referrer ${manifest.digest}${tag ? ` (referrers tag ${tag})` : ' (referrers API)'}`);
                }
                _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`${image}: index ${index.digest} without its ${split.attestations.length} attestation entr${split.attestations.length === 1 ? 'y' : 'ies'} (BuildKit's index ${b.digest} stays, untagged)`);
            }
            if (!result) {
                out.push(b);
                continue;
            }
            replaced[b.build.id] = b.digest;
            out.push({ build: b.build, digest: result.digest, descriptor: { ...(b.descriptor ?? {}), mediaType: result.mediaType, digest: result.digest, size: result.size } });
        }
        return out;
    });
    return { builds, replaced, referrers };
}
/** bake's metadata with each rewritten build's digest and descriptor (the `metadata` output says what the tags point at). */
function rewrittenMetadata(metadata, builds, replaced) {
    const out = { ...metadata };
    for (const b of builds) {
        if (!replaced[b.build.id])
            continue;
        const entry = metadata[b.build.id] ?? {};
        out[b.build.id] = { ...entry, 'containerimage.digest': b.digest, ...(entry['containerimage.descriptor'] || b.descriptor ? { 'containerimage.descriptor': b.descriptor } : {}) };
    }
    return out;
}
/** The summary's sentences on what the rewrite leaves in the registry (report/leftovers.ts). */
function storageLeftovers(r) {
    const out = [];
    for (const b of r.builds) {
        const old = r.replaced[b.build.id];
        if (old)
            out.push(`attestation-storage: referrers: BuildKit's index ${old} of ${b.build.images.join(', ')} (with the attestation entries) stays untagged; the tags point at ${b.digest}.`);
    }
    const tags = [...new Set(r.referrers.filter(x => x.tag).map(x => `${x.image}:${x.tag}`))];
    if (tags.length)
        out.push(`The attestations are OCI 1.1 referrers of their platforms, listed under the referrers tags (the registry has no referrers API): ${tags.join(', ')}.`);
    else if (r.referrers.length)
        out.push('The attestations are OCI 1.1 referrers of their platforms, listed by the registry\'s referrers API.');
    return out;
}


/***/ }),

/***/ 26687:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ev: () => (/* binding */ signingAsked),
/* harmony export */   Oc: () => (/* binding */ signAndAttest),
/* harmony export */   cQ: () => (/* binding */ supplyChainPreflight),
/* harmony export */   z5: () => (/* binding */ supplyChainSummary),
/* harmony export */   z_: () => (/* binding */ supplyChainOutputs)
/* harmony export */ });
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31949);
/* harmony import */ var _sign_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77077);
/* harmony import */ var _attest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65357);
/* harmony import */ var _report_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33344);
/* harmony import */ var _report_attestations_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(20663);
/**
 * Signing (`sign`, engine/sign.ts) and GitHub attestations (`github-attestations`, engine/attest.ts) as
 * the two releasing modes run them, publish and merge alike:
 *
 * - `supplyChainPreflight`, before any QEMU, builder, login or build (the signing secrets already
 *   masked by the caller): keyless's `id-token: write`, cosign on PATH (or installed), the attestations'
 *   permissions;
 * - `signAndAttest`, after the content is verified and within its budgets and before any tag moves: the
 *   signatures, then the attestations; a failure of either moves no tag, and the summary says what was
 *   signed or attested before it stopped;
 * - `supplyChainOutputs` and `supplyChainSummary`: what a successful release adds to the outputs and the
 *   summary.
 */





/** Whether the inputs sign (key or keyless). Inputs made by hand (tests, older callers) may have no `sign`. */
function signingAsked(inputs) {
    return inputs.sign?.mode === 'key' || inputs.sign?.mode === 'keyless';
}
/**
 * What must hold before anything is logged in to or built. Returns the log line that says how the run
 * signs ('' when it does not), for the caller to print where its log says such things.
 */
async function supplyChainPreflight(i) {
    let line = '';
    if (i.signs) {
        const mode = i.inputs.sign.mode;
        if (mode === 'keyless')
            (0,_sign_js__WEBPACK_IMPORTED_MODULE_1__/* .checkKeylessPermission */ .g7)(i.env);
        line = `Signing with ${await (0,_sign_js__WEBPACK_IMPORTED_MODULE_1__/* .checkCosign */ .e2)(i.buildx, mode)} (sign: ${mode}, transparency log ${mode === 'keyless' || i.inputs.sign.transparencyLog ? 'on' : 'off'})`;
    }
    if (i.attests)
        (0,_attest_js__WEBPACK_IMPORTED_MODULE_2__/* .checkAttestPermissions */ .y9)(i.env, i.inputs.githubToken);
    return line;
}
/** The signatures, then the attestations, of every verified index; a failure of either moves no tag. */
async function signAndAttest(i) {
    const { inputs, ctx } = i.p;
    const out = {};
    const fail = async (err, part) => {
        const message = _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$(err instanceof Error ? err.message : String(err));
        await i.failed(message, part(message));
        throw new Error(`${message}. Nothing was released: no tag was created or moved (${i.where}).`);
    };
    const indexes = (0,_sign_js__WEBPACK_IMPORTED_MODULE_1__/* .signedIndexes */ .bq)(i.verified);
    if (i.signs) {
        i.cancel.during('signing');
        try {
            out.signing = await (0,_sign_js__WEBPACK_IMPORTED_MODULE_1__/* .signImages */ .U_)({ buildx: i.buildx, verified: i.verified, sign: inputs.sign, dir: i.dir, env: i.env });
        }
        catch (err) {
            await fail(err, message => (0,_report_index_js__WEBPACK_IMPORTED_MODULE_3__/* .signaturesSummary */ .Iq)({ signed: err instanceof _sign_js__WEBPACK_IMPORTED_MODULE_1__/* .SignError */ .ul ? err.signed : [], indexes, transparencyLog: inputs.sign.transparencyLog, error: message }));
        }
        i.cancel.check();
    }
    if (i.attests) {
        i.cancel.during('attesting');
        try {
            out.attesting = await (0,_attest_js__WEBPACK_IMPORTED_MODULE_2__/* .attestImages */ .yJ)({ buildx: i.buildx, verified: i.verified, api: i.attest ?? (0,_attest_js__WEBPACK_IMPORTED_MODULE_2__/* .libraryAttestApi */ .n0)(), token: inputs.githubToken, sigstore: (0,_attest_js__WEBPACK_IMPORTED_MODULE_2__/* .sigstoreInstance */ .KY)(ctx.payload), serverUrl: ctx.serverUrl || 'https://github.com', repository: `${ctx.owner}/${ctx.repo}`, dir: i.dir });
        }
        catch (err) {
            await fail(err, message => supplyChainSummary({ signing: out.signing }, i.verified, ctx.owner) + (0,_report_attestations_js__WEBPACK_IMPORTED_MODULE_4__/* .attestationsSummary */ .aD)({ made: err instanceof _attest_js__WEBPACK_IMPORTED_MODULE_2__/* .AttestError */ .yj ? err.made : [], owner: ctx.owner, error: message }));
        }
        i.cancel.check();
    }
    return out;
}
/** The `signatures`, `verify-commands` and `attestations` outputs of what was made. */
function supplyChainOutputs(r, verified) {
    return { ...(r.signing ? (0,_report_index_js__WEBPACK_IMPORTED_MODULE_3__/* .signingOutputs */ .KP)(r.signing, (0,_sign_js__WEBPACK_IMPORTED_MODULE_1__/* .signedIndexes */ .bq)(verified)) : {}), ...(r.attesting ? (0,_report_attestations_js__WEBPACK_IMPORTED_MODULE_4__/* .attestationsOutputs */ .c7)(r.attesting) : {}) };
}
/** The summary's Signatures and GitHub attestations parts of what was made ('' for what was not). */
function supplyChainSummary(r, verified, owner) {
    return (r.signing ? (0,_report_index_js__WEBPACK_IMPORTED_MODULE_3__/* .signaturesSummary */ .Iq)({ result: r.signing, indexes: (0,_sign_js__WEBPACK_IMPORTED_MODULE_1__/* .signedIndexes */ .bq)(verified), transparencyLog: r.signing.transparencyLog }) : '') + (r.attesting ? (0,_report_attestations_js__WEBPACK_IMPORTED_MODULE_4__/* .attestationsSummary */ .aD)({ result: r.attesting, owner }) : '');
}


/***/ }),

/***/ 93993:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LR: () => (/* binding */ sizes),
/* harmony export */   MX: () => (/* binding */ verify),
/* harmony export */   Yb: () => (/* binding */ metadataDigest)
/* harmony export */ });
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31949);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59399);
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

/***/ 57202:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ leftoversSummary)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14031);
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
    for (const n of l.notes ?? [])
        lines.push((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(n), '');
    return lines.join('\n');
}


/***/ })

};
