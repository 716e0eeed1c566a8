export const id = 9657;
export const ids = [9657];
export const modules = {

/***/ 49964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ archTagMoves)
/* harmony export */ });
/* harmony import */ var _pipeline_tag_kinds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33662);
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

/***/ 25651:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KY: () => (/* binding */ sigstoreInstance),
/* harmony export */   n0: () => (/* binding */ libraryAttestApi),
/* harmony export */   y9: () => (/* binding */ checkAttestPermissions),
/* harmony export */   yJ: () => (/* binding */ attestImages),
/* harmony export */   yj: () => (/* binding */ AttestError)
/* harmony export */ });
/* unused harmony exports BUNDLE_TYPE, subjectName, attestTargets, attestHint, attachBundle */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(54583);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27721);
/**
 * GitHub attestations (`github-attestations: true`, issue 12): a SLSA build provenance attestation of
 * every pushed index digest of every image name, made as actions/attest-build-provenance makes it, through
 * GitHub's own library (@actions/attest): the predicate from the workflow run's OIDC token
 * (buildSLSAProvenancePredicate), one in-toto statement per image name whose subject is
 * `{name: <registry>/<repository>, digest: {sha256: <hex>}}`, signed with a Sigstore certificate (public-good
 * for a public repository, GitHub's own instance otherwise) and stored with POST
 * /repos/{owner}/{repo}/attestations; then the bundle is pushed to the registry next to the image (an OCI
 * referrer of the index: an artifact manifest whose subject is the index and whose one layer is the bundle,
 * as @sigstore/oci's attachArtifactToImage writes it), so that `gh attestation verify oci://<image>@<digest>`
 * finds it. On a registry without the referrers API the OCI 1.1 fallback is written too: the tag
 * `sha256-<hex>` holding an index that lists the artifact manifest.
 *
 * When: after the content is verified and the size budgets pass, and BEFORE any tag moves (publish and
 * merge call it right before release()): a failure throws and the caller moves no tag. What was already
 * stored stays (an attestation of content no tag points at; listed in the error and the summary).
 *
 * The library is behind a seam (AttestApi) loaded lazily: unit tests pass a fake, and a run without
 * github-attestations never loads it. attest-library.test.ts runs the real library against local
 * stand-ins (OIDC, @sigstore/mock's Fulcio/Rekor/TSA, the attestations API).
 */





/**
 * The real library, imported when first used. `issuer`: the OIDC issuer whose keys verify the token
 * (the library's default, GitHub's, unless a test's stand-in is given here: never from the environment).
 */
function libraryAttestApi(o = {}) {
    const lib = () => Promise.all(/* import() */[__webpack_require__.e(2487), __webpack_require__.e(5427), __webpack_require__.e(9101), __webpack_require__.e(8899), __webpack_require__.e(3880), __webpack_require__.e(9910), __webpack_require__.e(2527)]).then(__webpack_require__.bind(__webpack_require__, 42527));
    return {
        async predicate() {
            const { buildSLSAProvenancePredicate } = await lib();
            return buildSLSAProvenancePredicate(o.issuer);
        },
        async attest(a) {
            const { attest } = await lib();
            const made = await attest({ subjects: a.subjects, predicateType: a.predicateType, predicate: a.predicate, token: a.token, sigstore: a.sigstore });
            return { bundle: made.bundle, attestationID: made.attestationID, tlogID: made.tlogID };
        }
    };
}
/** The media types of what goes to the registry (as @sigstore/oci writes them). */
const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const MANIFEST_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const INDEX_TYPE = 'application/vnd.oci.image.index.v1+json';
const EMPTY_TYPE = 'application/vnd.oci.empty.v1+json';
const EMPTY = '{}';
const SLSA_V1 = 'https://slsa.dev/provenance/v1';
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/** The attestation failed: what was made before it (stored attestations of content no tag points at). */
class AttestError extends Error {
    made;
    constructor(message, made) {
        super(message);
        this.made = made;
        this.name = 'AttestError';
    }
}
/**
 * The permissions the run needs, from the runner's environment, before any login or build:
 * `id-token: write` is the OIDC token request the runner offers (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN);
 * the attestations API needs github-token; @actions/attest knows GitHub's and GHE.com's OIDC issuers
 * only. `attestations: write` cannot be seen from here: the API's refusal says it (attestError).
 */
function checkAttestPermissions(env, token) {
    const nothing = 'nothing was logged in to, built or pushed';
    if (!env['ACTIONS_ID_TOKEN_REQUEST_URL'] || !env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']) {
        throw new Error(`github-attestations: true needs the job permission \`id-token: write\` (the runner offers this job no OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set); add \`permissions: id-token: write\` and \`attestations: write\` to the job; ${nothing}.`);
    }
    if (!token)
        throw new Error(`github-attestations: true needs github-token (the job's GITHUB_TOKEN, with \`permissions: attestations: write\`) to store the attestations; ${nothing}.`);
    const server = env['GITHUB_SERVER_URL'] || 'https://github.com';
    if (server !== 'https://github.com' && !/^https:\/\/[a-z0-9-]+\.ghe\.com$/.test(server)) {
        throw new Error(`github-attestations: true works on github.com and GHE.com only (@actions/attest knows their OIDC issuers; this server is ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .logValue */ .Od)(server.slice(0, 100))}); ${nothing}.`);
    }
}
/** Public-good Sigstore for a public repository, GitHub's instance otherwise (as attest-build-provenance decides). */
function sigstoreInstance(payload) {
    const repository = payload?.['repository'];
    return repository?.visibility === 'public' ? 'public-good' : 'github';
}
/** The subject name of an image, as attest-build-provenance's push-to-registry names it: lowercase, no tag or digest. */
function subjectName(image) {
    const at = image.indexOf('@');
    const ref = at < 0 ? image : image.slice(0, at);
    const slash = ref.lastIndexOf('/');
    const colon = ref.lastIndexOf(':');
    return (colon > slash ? ref.slice(0, colon) : ref).toLowerCase();
}
/** Every image name with the index its tags will point at, once each (the attested pairs, in order). */
function attestTargets(verified) {
    const seen = new Set();
    const out = [];
    for (const v of verified) {
        for (const image of v.build.images) {
            if (seen.has(`${image}@${v.digest}`))
                continue;
            seen.add(`${image}@${v.digest}`);
            out.push({ image, digest: v.digest });
        }
    }
    return out;
}
/** What a failure of the library means, in the words of the permission to add. */
function attestHint(message) {
    if (/Failed to persist attestation/i.test(message) && /not accessible by integration|\b403\b|forbidden|permission/i.test(message)) {
        return ' (the attestations API refused the token: add `permissions: attestations: write` to the job)';
    }
    if (/ACTIONS_ID_TOKEN_REQUEST|Unable to get ID Token/i.test(message))
        return ' (the OIDC token: the job needs `permissions: id-token: write`)';
    if (/Failed to get ID token/i.test(message))
        return ' (the job\'s OIDC token could not be had from the runner, or not checked against the keys of GitHub\'s token issuer, which must be reachable)';
    if (/fulcio|rekor|timestamp|tsa/i.test(message))
        return ' (Sigstore could not be reached or refused the signing)';
    return '';
}
/** Attests every image index, then pushes each bundle beside its image; throws AttestError on the first failure. */
async function attestImages(i) {
    const targets = attestTargets(i.verified);
    const made = [];
    const odd = targets.find(t => !DIGEST.test(t.digest));
    if (odd)
        throw new AttestError(`${odd.image} has an index whose digest is not sha256:<64 hex> (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .logValue */ .Od)(odd.digest.slice(0, 80))}); nothing was attested`, made);
    let predicate;
    try {
        predicate = await i.api.predicate();
    }
    catch (e) {
        const m = _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$(e.message);
        throw new AttestError(`The SLSA provenance predicate could not be made: ${m}${attestHint(m)}; nothing was attested`, made);
    }
    const work = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(i.dir, 'multiarch-publish-attest-'));
    try {
        await _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .group */ .Os(`GitHub attestations: ${targets.length} index(es), Sigstore ${i.sigstore}`, async () => {
            for (const t of targets) {
                const ref = `${t.image}@${t.digest}`;
                let attestation;
                try {
                    attestation = await i.api.attest({ subjects: [{ name: subjectName(t.image), digest: { sha256: t.digest.slice(7) } }], predicateType: predicate.type, predicate: predicate.params, token: i.token, sigstore: i.sigstore });
                }
                catch (e) {
                    const m = _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$(e.message);
                    throw new AttestError(`Attesting ${ref} failed: ${m}${attestHint(m)}`, made);
                }
                const id = String(attestation.attestationID ?? '');
                let attached;
                try {
                    attached = await attachBundle(i.buildx, t.image, t.digest, attestation.bundle, predicate.type || SLSA_V1, work);
                }
                catch (e) {
                    throw new AttestError(`The attestation of ${ref} was stored${id ? ` (id ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .logValue */ .Od)(id)})` : ''}, but pushing its bundle to the registry failed: ${_action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$(e.message)}`, made);
                }
                const entry = {
                    image: t.image,
                    digest: t.digest,
                    attestationId: id,
                    attestationUrl: id ? `${i.serverUrl}/${i.repository}/attestations/${encodeURIComponent(id)}` : '',
                    bundle: `${t.image}@${attached.manifest}`,
                    referrersTag: attached.referrersTag,
                    sigstore: i.sigstore
                };
                made.push(entry);
                _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Attested ${ref}: attestation ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .logValue */ .Od)(id) || '(not stored)'}, bundle ${entry.bundle}${entry.referrersTag ? ` (referrers tag ${entry.referrersTag})` : ' (referrers API)'}`);
            }
        });
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(work, { recursive: true, force: true });
    }
    return { attestations: made, sigstore: i.sigstore };
}
const sha256 = (b) => `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(b).digest('hex')}`;
/**
 * The bundle beside the image: its blob, the empty config, and an artifact manifest whose subject is the
 * index `digest` (PUT by its digest). When the registry's referrers API does not list it, the OCI 1.1
 * fallback: the index under the tag `sha256-<hex>` gets the manifest's descriptor (kept: what it listed before).
 */
async function attachBundle(buildx, image, digest, bundle, predicateType, dir) {
    const subject = await subjectDescriptor(buildx, image, digest);
    const bundleBytes = Buffer.from(JSON.stringify(bundle));
    const mediaType = typeof bundle.mediaType === 'string' ? bundle.mediaType : BUNDLE_TYPE;
    const bundleDigest = sha256(bundleBytes);
    const bundleFile = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, bundleDigest.slice(7));
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(bundleFile, bundleBytes);
    const emptyFile = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'empty.json');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(emptyFile, EMPTY);
    await buildx.pushBlob(image, { digest: sha256(EMPTY), size: EMPTY.length, file: emptyFile });
    await buildx.pushBlob(image, { digest: bundleDigest, size: bundleBytes.length, file: bundleFile });
    const annotations = { 'dev.sigstore.bundle.content': 'dsse-envelope', 'dev.sigstore.bundle.predicateType': predicateType, 'org.opencontainers.image.created': new Date().toISOString() };
    const manifest = {
        schemaVersion: 2,
        mediaType: MANIFEST_TYPE,
        artifactType: mediaType,
        config: { mediaType: EMPTY_TYPE, digest: sha256(EMPTY), size: EMPTY.length },
        layers: [{ mediaType, digest: bundleDigest, size: bundleBytes.length }],
        subject,
        annotations
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest));
    const manifestDigest = sha256(manifestBytes);
    await buildx.putManifest(image, manifestDigest, MANIFEST_TYPE, manifestBytes);
    const listed = buildx.referrers ? await buildx.referrers(image, digest).catch(() => undefined) : undefined;
    if (listed?.some(d => d.digest === manifestDigest))
        return { manifest: manifestDigest, referrersTag: null };
    // the referrers tag schema (OCI distribution 1.1): sha256-<hex>, an index of the referrers
    const tag = digest.replace(':', '-');
    const at = await buildx.tagDigest(`${image}:${tag}`);
    let index = { schemaVersion: 2, mediaType: INDEX_TYPE, manifests: [] };
    if (at) {
        const current = (await buildx.readManifest(image, at));
        if (!Array.isArray(current?.manifests))
            throw new Error(`the tag ${tag} of ${image} is not an image index: it is not the referrers tag of the OCI 1.1 fallback, and is left as it is`);
        index = { ...current, schemaVersion: 2, mediaType: INDEX_TYPE };
    }
    const descriptor = { mediaType: MANIFEST_TYPE, digest: manifestDigest, size: manifestBytes.length, artifactType: mediaType, annotations };
    if (!index.manifests.some(m => m.digest === manifestDigest))
        index.manifests = [...index.manifests, descriptor];
    const indexBytes = Buffer.from(JSON.stringify(index));
    await buildx.putManifest(image, tag, INDEX_TYPE, indexBytes);
    const back = await buildx.tagDigest(`${image}:${tag}`);
    if (back !== sha256(indexBytes))
        throw new Error(`the referrers tag ${image}:${tag} reads back as ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .logValue */ .Od)(String(back).slice(0, 80))}, not the index written (${sha256(indexBytes)})`);
    return { manifest: manifestDigest, referrersTag: tag };
}
/** The descriptor of the index the attestation is about (its exact size and media type, as the registry holds it). */
async function subjectDescriptor(buildx, image, digest) {
    const raw = buildx.manifestRaw ? await buildx.manifestRaw(image, digest) : undefined;
    if (raw)
        return { mediaType: raw.mediaType, digest, size: raw.bytes.length };
    const json = (await buildx.readManifest(image, digest));
    const size = (await buildx.manifestSize?.(image, digest)) ?? Buffer.byteLength(JSON.stringify(json));
    return { mediaType: json?.mediaType ?? INDEX_TYPE, digest, size };
}


/***/ }),

/***/ 49923:
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
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _pipeline_metadata_labels_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87121);
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
        const blamed = pushed ? [pushed] : headers.size ? [...headers.keys()] : [v && targets.includes(v[1]) ? v[1] : targets.length === 1 ? targets[0] : ''];
        for (const target of blamed) {
            // the step as this target named it (its own header)
            const own = headers.get(target) ?? name;
            const seen = byTarget.get(target);
            if (!seen) {
                byTarget.set(target, { target, platform: v?.[2], kind, step: own, error, log: log.slice(-tail), ...(blamed.length > 1 ? { sharedWith: blamed.filter(t => t !== target) } : {}) });
            }
            else {
                // the same target failing again (another platform): keep one failure, a build one first
                if (seen.platform !== v?.[2])
                    seen.platform = undefined;
                if (seen.kind === 'push' && kind === 'build')
                    Object.assign(seen, { kind, step: own, error, log: log.slice(-tail) });
            }
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

/***/ 17195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LR: () => (/* binding */ sizes),
/* harmony export */   MX: () => (/* binding */ verify),
/* harmony export */   Yb: () => (/* binding */ metadataDigest)
/* harmony export */ });
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54583);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76601);
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

/***/ 59297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aD: () => (/* binding */ attestationsSummary),
/* harmony export */   c7: () => (/* binding */ attestationsOutputs)
/* harmony export */ });
/* unused harmony export ghVerifyCommand */
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27721);

/** The `attestations` output: one entry per image name and index digest. */
function attestationsOutputs(result) {
    return {
        attestations: JSON.stringify(result.attestations.map(a => ({ image: a.image, digest: a.digest, 'attestation-id': a.attestationId, 'attestation-url': a.attestationUrl, bundle: a.bundle, 'referrers-tag': a.referrersTag, sigstore: a.sigstore })))
    };
}
/** The `gh attestation verify` command of one attested index. */
function ghVerifyCommand(image, digest, owner) {
    return `gh attestation verify oci://${image}@${digest} --owner ${owner}`;
}
/** The summary's "GitHub attestations" section; '' when nothing was asked. */
function attestationsSummary(r) {
    if (!r)
        return '';
    const made = r.result?.attestations ?? r.made ?? [];
    // a blank line first: after the summary's closing </details> a heading would be read as part of that HTML block
    const lines = ['', '### GitHub attestations', ''];
    if (r.error) {
        lines.push(`❌ Attesting failed: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(r.error)}`, '', 'No tag was created or moved: nothing was released. The content is in the registry by digest.', '');
        if (made.length)
            lines.push('The attestations made before it stopped stay (in the repository\'s attestations and beside the images, below): they are about this content by digest, which no release tag points at.', '');
    }
    else {
        lines.push(`SLSA build provenance of every index, made before any tag moved (Sigstore: ${r.result?.sigstore === 'public-good' ? 'public-good, the repository is public' : 'GitHub\'s instance, the repository is not public'}). Verify with:`, '');
        lines.push(...(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeBlock */ .DV)(made.map(a => ghVerifyCommand(a.image, a.digest, r.owner)), 'sh'), '');
    }
    if (made.length) {
        lines.push('| image | index | attestation | bundle in the registry |', '| --- | --- | --- | --- |');
        for (const a of made) {
            const id = a.attestationUrl ? `[${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(a.attestationId)}](${encodeURI(a.attestationUrl).replace(/[()]/g, c => encodeURIComponent(c))})` : (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(a.attestationId || 'not stored');
            const where = `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(a.bundle.slice(a.image.length + 1))}${a.referrersTag ? ` (listed by the tag ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(a.referrersTag)})` : ' (referrers API)'}`;
            lines.push(`| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(a.image)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(a.digest)} | ${id} | ${where} |`);
        }
        lines.push('');
    }
    return lines.join('\n');
}


/***/ }),

/***/ 48492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ leftoversSummary)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27721);
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
