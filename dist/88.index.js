export const id = 88;
export const ids = [88];
export const modules = {

/***/ 65357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KY: () => (/* binding */ sigstoreInstance),
/* harmony export */   n0: () => (/* binding */ libraryAttestApi),
/* harmony export */   wn: () => (/* binding */ subjectName),
/* harmony export */   y9: () => (/* binding */ checkAttestPermissions),
/* harmony export */   yJ: () => (/* binding */ attestImages),
/* harmony export */   yj: () => (/* binding */ AttestError)
/* harmony export */ });
/* unused harmony exports BUNDLE_TYPE, attestTargets, attestHint, attachBundle */
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
    const lib = () => Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(955), __webpack_require__.e(477), __webpack_require__.e(555), __webpack_require__.e(707), __webpack_require__.e(878), __webpack_require__.e(352)]).then(__webpack_require__.bind(__webpack_require__, 11983));
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
    if (!_action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .idTokenOffered */ .oD(env)) {
        throw new Error(`github-attestations: true needs the job permission \`id-token: write\` (the runner offers this job no OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set); add \`permissions: id-token: write\` and \`attestations: write\` to the job; ${nothing}.`);
    }
    if (!token)
        throw new Error(`github-attestations: true needs github-token (the job's GITHUB_TOKEN, with \`permissions: attestations: write\`) to store the attestations; ${nothing}.`);
    const server = env['GITHUB_SERVER_URL'] || 'https://github.com';
    if (server !== 'https://github.com' && !/^https:\/\/[a-z0-9-]+\.ghe\.com$/.test(server)) {
        throw new Error(`github-attestations: true works on github.com and GHE.com only (@actions/attest knows their OIDC issuers; this server is ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_5__/* .logValue */ .Od)(server.slice(0, 100))}); ${nothing}.`);
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
        throw new AttestError(`${odd.image} has an index whose digest is not sha256:<64 hex> (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_5__/* .logValue */ .Od)(odd.digest.slice(0, 80))}); nothing was attested`, made);
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
                    throw new AttestError(`The attestation of ${ref} was stored${id ? ` (id ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_5__/* .logValue */ .Od)(id)})` : ''}, but pushing its bundle to the registry failed: ${_action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$(e.message)}`, made);
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
                _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Attested ${ref}: attestation ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_5__/* .logValue */ .Od)(id) || '(not stored)'}, bundle ${entry.bundle}${entry.referrersTag ? ` (referrers tag ${entry.referrersTag})` : ' (referrers API)'}`);
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
    const descriptor = { mediaType: MANIFEST_TYPE, digest: manifestDigest, size: manifestBytes.length, artifactType: mediaType, annotations };
    return { manifest: manifestDigest, referrersTag: await (0,_referrers_js__WEBPACK_IMPORTED_MODULE_4__/* .listReferrer */ .Gz)(buildx, image, digest, descriptor) };
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

/***/ 53974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gz: () => (/* binding */ listReferrer),
/* harmony export */   SX: () => (/* binding */ findReferrers)
/* harmony export */ });
/* unused harmony export referrersTag */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14031);
/**
 * OCI 1.1 referrers, written and read: a manifest whose `subject` is another manifest is listed by the
 * registry's referrers API (GET /v2/<name>/referrers/<digest>) when it has one; otherwise by the
 * fallback the distribution spec gives clients, the tag `sha256-<hex of the subject>` holding an image
 * index of the referrers' descriptors (with their artifactType). Used by the GitHub attestation bundles
 * (engine/attest.ts), the attestation manifests of `attestation-storage: referrers`
 * (steps/attestation-storage.ts) and mode verify's lookup of them (engine/verify.ts).
 */


const INDEX_TYPE = 'application/vnd.oci.image.index.v1+json';
const sha256 = (b) => `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(b).digest('hex')}`;
/** The referrers tag of the OCI 1.1 fallback for `digest` (`sha256:<hex>` -> `sha256-<hex>`). */
const referrersTag = (digest) => digest.replace(':', '-');
/**
 * Makes the manifest `descriptor` (already PUT by its digest, its subject `subject`) listed as a referrer
 * of `subject` in `image`: nothing more when the registry's referrers API lists it (answers null), else
 * the fallback tag `sha256-<hex>` gets an index with the descriptor added to what it listed before (a
 * tag there that is not an index is left alone: an error). Answers the tag written.
 */
async function listReferrer(buildx, image, subject, descriptor) {
    const listed = buildx.referrers ? await buildx.referrers(image, subject).catch(() => undefined) : undefined;
    if (listed?.some(d => d.digest === descriptor.digest))
        return null;
    const tag = referrersTag(subject);
    const at = await buildx.tagDigest(`${image}:${tag}`);
    let index = { schemaVersion: 2, mediaType: INDEX_TYPE, manifests: [] };
    if (at) {
        const current = (await buildx.readManifest(image, at));
        if (!Array.isArray(current?.manifests))
            throw new Error(`the tag ${tag} of ${image} is not an image index: it is not the referrers tag of the OCI 1.1 fallback, and is left as it is`);
        index = { ...current, schemaVersion: 2, mediaType: INDEX_TYPE };
    }
    if (!index.manifests.some(m => m.digest === descriptor.digest))
        index.manifests = [...index.manifests, descriptor];
    const indexBytes = Buffer.from(JSON.stringify(index));
    await buildx.putManifest(image, tag, INDEX_TYPE, indexBytes);
    const back = await buildx.tagDigest(`${image}:${tag}`);
    if (back !== sha256(indexBytes))
        throw new Error(`the referrers tag ${image}:${tag} reads back as ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .logValue */ .Od)(String(back).slice(0, 80))}, not the index written (${sha256(indexBytes)})`);
    return tag;
}
/**
 * The referrers of `subject` in `image`: the registry's referrers API when it has one, else the index
 * under the fallback tag (`tags`: the repository's tags when already listed, so a missing tag costs no
 * request); [] when there are none. A fallback tag that is not an index lists nothing.
 */
async function findReferrers(buildx, image, subject, tags) {
    const api = buildx.referrers ? await buildx.referrers(image, subject) : undefined;
    if (api)
        return api;
    const tag = referrersTag(subject);
    if (tags && !tags.includes(tag))
        return [];
    const at = await buildx.tagDigest(`${image}:${tag}`);
    if (!at)
        return [];
    const index = (await buildx.readManifest(image, at));
    return Array.isArray(index?.manifests) ? index.manifests : [];
}


/***/ }),

/***/ 77077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ig: () => (/* binding */ verifyHow),
/* harmony export */   U_: () => (/* binding */ signImages),
/* harmony export */   bq: () => (/* binding */ signedIndexes),
/* harmony export */   e2: () => (/* binding */ checkCosign),
/* harmony export */   g7: () => (/* binding */ checkKeylessPermission),
/* harmony export */   p0: () => (/* binding */ verifyCommand),
/* harmony export */   ul: () => (/* binding */ SignError)
/* harmony export */ });
/* unused harmony exports GITHUB_ISSUER, signatureTag, signTargets, tokenClaims, keylessIdentity */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31949);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(14031);
/* harmony import */ var _lib_each_limited_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(11733);
/* harmony import */ var _pipeline_inputs_sign_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(85377);
/* harmony import */ var _registry_api_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(43722);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(51293);
/**
 * Signing (`sign: key` and `sign: keyless`, issue 12): after the content is verified in the registry and BEFORE any tag
 * moves, cosign signs, for every image name, the index the tags will point at and each of its platform
 * manifests (not the attestation manifests), so that verification works whichever digest a tool
 * resolves. Shared by publish (one job) and merge (after the build legs): both call it right before
 * release(). A failure throws: the caller moves no tag.
 *
 * cosign runs through the engine seam (BuildxApi.cosignSign: the exec layer, an argument array, output
 * in a stop-commands region), with the job's own DOCKER_CONFIG (the logins the run made: cosign pushes
 * the signature with them), the key in a file of mode 0600 under the run's temporary directory that is
 * removed as soon as the signing ends, and the password in cosign's environment only (COSIGN_PASSWORD).
 *
 * Keyless (`sign: keyless`): no key; cosign gets a short-lived certificate from Fulcio for the
 * workflow's OIDC identity and uploads every signature to Rekor. The job must be allowed to ask for the
 * token (`permissions: id-token: write`: the runner then puts ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN in the
 * step's environment), checked by checkKeylessPermission before any login or build. The token (audience
 * `sigstore`) is asked for right before signing (it expires within minutes), masked, and given to cosign
 * in its environment only (SIGSTORE_ID_TOKEN), never in its arguments. Its claims (read, not verified:
 * Fulcio verifies them) say the identity a consumer pins: `job_workflow_ref` (the reusable workflow's
 * own ref when there is one), else GITHUB_WORKFLOW_REF, under the server URL; and the issuer `iss`.
 *
 * Where the signatures go: cosign's default, the tag `sha256-<hex>.sig` beside the signed manifest, which
 * every registry (GHCR included) can hold. OCI 1.1 referrers (`--registry-referrers-mode=oci-1-1`) are
 * for a later slice, on registries that support them. Each signature tag is read back before the tags move.
 */








/** GitHub's OIDC issuer on github.com (GHES: https://HOST/_services/token, read from the token). */
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** The signing failed: what was signed before (signature tags are harmless: nothing points a user at them). */
class SignError extends Error {
    signed;
    constructor(message, signed) {
        super(message);
        this.signed = signed;
        this.name = 'SignError';
    }
}
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/** cosign's tag of the signature of `name@digest`. */
function signatureTag(name, digest) {
    return `${name}:${digest.replace(':', '-')}.sig`;
}
/**
 * What is signed, in order: per build and per name its index, then each platform manifest. A single
 * image manifest (a one-platform build) is one target, named by its platform.
 */
function signTargets(verified) {
    const out = [];
    const seen = new Set();
    const add = (t) => {
        if (seen.has(`${t.name}@${t.digest}`))
            return;
        seen.add(`${t.name}@${t.digest}`);
        out.push(t);
    };
    for (const v of verified) {
        for (const image of v.images) {
            const single = image.platforms.length === 1 && image.platforms[0].digest === v.digest;
            if (!single)
                add({ name: image.name, digest: v.digest, platform: 'index' });
            for (const p of image.platforms)
                add({ name: image.name, digest: p.digest, platform: p.platform || 'index' });
        }
    }
    return out;
}
/** Every image name with the index its tags point at: what the verify commands name. */
function signedIndexes(verified) {
    return verified.flatMap(v => v.build.images.map(name => ({ name, digest: v.digest })));
}
/**
 * The verify command a consumer runs for one image's index (what the verify-commands output lists):
 * sign: key with the pair's public key; keyless with the certificate identity and issuer to pin.
 */
function verifyCommand(name, digest, how) {
    const h = typeof how === 'boolean' ? { transparencyLog: how } : how;
    const rekor = h.transparencyLog && h.rekorUrl && h.rekorUrl !== _pipeline_inputs_sign_js__WEBPACK_IMPORTED_MODULE_3__/* .PUBLIC_REKOR */ .uA ? [`--rekor-url=${(0,_exec_js__WEBPACK_IMPORTED_MODULE_5__/* .shellWord */ .r7)(h.rekorUrl)}`] : [];
    const who = h.keyless ? [`--certificate-identity=${(0,_exec_js__WEBPACK_IMPORTED_MODULE_5__/* .shellWord */ .r7)(h.keyless.identity)}`, `--certificate-oidc-issuer=${(0,_exec_js__WEBPACK_IMPORTED_MODULE_5__/* .shellWord */ .r7)(h.keyless.issuer)}`] : ['--key', 'cosign.pub'];
    return ['cosign', 'verify', ...who, ...rekor, ...(h.transparencyLog ? [] : ['--insecure-ignore-tlog=true']), `${name}@${digest}`].join(' ');
}
/** The verify-commands' way of a signing's result. */
function verifyHow(r) {
    return { transparencyLog: r.transparencyLog, keyless: r.keyless, rekorUrl: r.rekorUrl };
}
/**
 * sign: keyless: the job may ask for its OIDC token (checked before any login or build; it reads the
 * environment, so it is the engine's, not the pure inputs'). The runner gives a step
 * ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN only with `permissions: id-token: write`.
 */
function checkKeylessPermission(env) {
    if (_action_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .idTokenOffered */ .oD(env))
        return;
    if (env['GITHUB_ACTIONS'] !== 'true') {
        throw new Error('sign: keyless needs a GitHub Actions workflow run: the signing identity is the workflow\'s OIDC token, which only a job on a runner can ask for (here, outside GitHub Actions, use sign: key or sign: none); nothing was logged in to, built or pushed.');
    }
    const missing = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'].filter(n => !env[n]);
    throw new Error(`sign: keyless needs the workflow's OIDC token, and this job may not ask for one (${missing.join(' and ')} not in the step's environment): add \`permissions: id-token: write\` to the job (with \`packages: write\` to push to ghcr.io); a pull request from a fork never gets it. Nothing was logged in to, built or pushed.`);
}
/** The claims of a JWT, read and NOT verified (Fulcio verifies the token); {} when it is not one. */
function tokenClaims(token) {
    const part = token.split('.')[1];
    if (!part)
        return {};
    try {
        const claims = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
        return claims && typeof claims === 'object' && !Array.isArray(claims) ? claims : {};
    }
    catch {
        return {};
    }
}
/**
 * The identity Fulcio puts in the certificate for a GitHub Actions token, and its issuer: the token's
 * `job_workflow_ref` (for a reusable workflow, its own file and ref, not the caller's), else the run's
 * GITHUB_WORKFLOW_REF, under the server URL; `iss`, else github.com's issuer. Undefined when neither ref is known.
 */
function keylessIdentity(token, env) {
    const claims = tokenClaims(token);
    const str = (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
    const server = (str(env['GITHUB_SERVER_URL']) ?? 'https://github.com').replace(/\/+$/, '');
    const ref = str(claims['job_workflow_ref']) ?? str(env['GITHUB_WORKFLOW_REF']);
    if (!ref)
        return undefined;
    return { identity: `${server}/${ref}`, issuer: str(claims['iss']) ?? GITHUB_ISSUER };
}
/**
 * cosign is there and runs (before any login or build): the one on PATH, else the pinned release installed
 * (engine/cosign-install.ts, through the seam's ensureCosign); its version line, or an error saying what to do.
 */
async function checkCosign(buildx, mode = 'key') {
    if (!buildx.cosignVersion)
        throw new Error(`sign: ${mode}: this engine cannot run cosign; nothing was logged in to, built or pushed.`);
    try {
        const ensured = buildx.ensureCosign ? await buildx.ensureCosign() : { installed: false };
        if (ensured.installed)
            _action_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`cosign installed in ${ensured.dir} (it was not on PATH)`);
        return await buildx.cosignVersion();
    }
    catch (e) {
        throw new Error(`sign: ${mode} needs cosign on PATH (${_action_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$(e.message)}): install it in an earlier step (sigstore/cosign-installer, or your distribution's cosign package); nothing was logged in to, built or pushed.`);
    }
}
/** A token is asked for again when the one in hand is this old, or expires within TOKEN_MARGIN_S. */
const TOKEN_REUSE_MS = 120_000;
const TOKEN_MARGIN_S = 60;
/**
 * The OIDC token for Sigstore, asked for on first use and again when it gets old (it lives for minutes;
 * a long signing of many images must not hand cosign an expired one); each one masked as it arrives.
 */
function tokenSource(get) {
    let current;
    return async () => {
        if (current) {
            const token = await current.token.catch(() => '');
            const exp = tokenClaims(token)['exp'];
            const expiring = typeof exp === 'number' && exp - Date.now() / 1000 < TOKEN_MARGIN_S;
            if (token && Date.now() - current.at < TOKEN_REUSE_MS && !expiring)
                return token;
        }
        const at = Date.now();
        const token = get('sigstore').then(t => {
            _action_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .setSecret */ .Pq(t);
            return t;
        });
        current = { token, at };
        return token;
    };
}
/** Signs every target (steps in order: sign, then read back its signature tag); throws SignError on the first failure. */
async function signImages(i) {
    const targets = signTargets(i.verified);
    const signed = [];
    const mode = i.sign.mode;
    const keyless = mode === 'keyless';
    if (!i.buildx.cosignSign)
        throw new SignError(`sign: ${mode}: this engine cannot run cosign; no tag was moved.`, signed);
    // digests of platform manifests are the registry's text: only a well-formed one becomes an argument or a tag
    const odd = targets.find(t => !DIGEST.test(t.digest));
    if (odd)
        throw new SignError(`${odd.name} has a manifest whose digest is not sha256:<64 hex> (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .logValue */ .Od)(odd.digest.slice(0, 80))}); nothing was signed`, signed);
    // keyless: the token right before signing (it expires within minutes); the identity it names
    let identity;
    const token = keyless ? tokenSource(i.idToken ?? _action_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .idToken */ .fN) : undefined;
    if (token) {
        let first;
        try {
            first = await token();
        }
        catch (e) {
            throw new SignError(`sign: keyless: the workflow's OIDC token could not be had (${_action_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$(e.message).replace(/\s+/g, ' ').trim()}): the job needs \`permissions: id-token: write\`; nothing was signed`, signed);
        }
        identity = keylessIdentity(first, i.env ?? process.env);
        if (!identity)
            throw new SignError('sign: keyless: neither the OIDC token (job_workflow_ref) nor the environment (GITHUB_WORKFLOW_REF) says which workflow signs, so no verify command could pin it; nothing was signed', signed);
        _action_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Signing keyless as ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .logValue */ .Od)(identity.identity)} (issuer ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .logValue */ .Od)(identity.issuer)}), certificates from ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .logValue */ .Od)(i.sign.fulcioUrl)}, transparency log ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .logValue */ .Od)(i.sign.rekorUrl)}`);
    }
    const keyDir = keyless ? undefined : (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(i.dir, 'multiarch-publish-cosign-'));
    const keyFile = keyDir ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(keyDir, 'cosign.key') : undefined;
    const tlog = keyless || i.sign.transparencyLog;
    const rekorUrl = tlog && (keyless || i.sign.rekorUrl !== _pipeline_inputs_sign_js__WEBPACK_IMPORTED_MODULE_3__/* .PUBLIC_REKOR */ .uA) ? i.sign.rekorUrl : undefined;
    try {
        if (keyFile)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(keyFile, i.sign.key, { mode: 0o600 });
        await _action_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .group */ .Os(`Signing ${targets.length} manifest(s) with cosign (${keyless ? 'keyless' : 'key'}; transparency log: ${tlog ? 'upload' : 'off'})`, () => (0,_lib_each_limited_js__WEBPACK_IMPORTED_MODULE_7__/* .eachLimited */ .k)(targets, i.parallel ?? 4, async (t) => {
            const ref = `${t.name}@${t.digest}`;
            try {
                const how = keyless ? { identityToken: await token(), fulcioUrl: i.sign.fulcioUrl } : { keyFile, password: i.sign.password };
                await i.buildx.cosignSign({ ref, ...how, tlogUpload: tlog, ...(rekorUrl ? { rekorUrl } : {}), allowHttp: (0,_registry_api_js__WEBPACK_IMPORTED_MODULE_4__/* .isLoopback */ .U9)((0,_registry_api_js__WEBPACK_IMPORTED_MODULE_4__/* .repository */ .Jk)(t.name).host) });
            }
            catch (e) {
                throw new SignError(`Signing ${ref} (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .logValue */ .Od)(t.platform)}) failed: ${_action_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$(e.message)}${hint(e.message, keyless)}`, signed);
            }
            const tag = signatureTag(t.name, t.digest);
            let at;
            try {
                at = await i.buildx.tagDigest(tag);
            }
            catch (e) {
                throw new SignError(`The signature of ${ref} could not be read back (${tag}): ${_action_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$(e.message)}`, signed);
            }
            if (!at)
                throw new SignError(`cosign signed ${ref}, but the registry has no signature tag ${tag}`, signed);
            signed.push({ ...t, signature: tag });
            _action_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Signed ${ref} (${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_6__/* .logValue */ .Od)(t.platform)}): ${tag}`);
        }, { stopAtFailure: true }));
    }
    finally {
        if (keyDir)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(keyDir, { recursive: true, force: true });
    }
    // in the targets' order, whatever order the parallel runs finished in
    const order = new Map(targets.map((t, n) => [`${t.name}@${t.digest}`, n]));
    signed.sort((a, b) => order.get(`${a.name}@${a.digest}`) - order.get(`${b.name}@${b.digest}`));
    return { signed, transparencyLog: tlog, ...(identity ? { keyless: identity } : {}), ...(rekorUrl ? { rekorUrl } : {}) };
}
/** A few words on the usual causes, after cosign's own. */
function hint(message, keyless) {
    if (keyless && /fulcio|signingCert|certificate|oidc|identity token|token.*expired/i.test(message))
        return ' (keyless: cosign asks fulcio-url for a certificate with the job\'s OIDC token, which must be fresh and for the audience sigstore)';
    if (keyless && /rekor|tlog|transparency/i.test(message))
        return ' (keyless: every signature is uploaded to rekor-url, which must be reachable from the runner)';
    if (/decrypt|incorrect password|wrong password/i.test(message))
        return ' (is cosign-password the password of cosign-key?)';
    if (/unauthorized|denied|forbidden|\b40[13]\b/i.test(message))
        return ' (the signature is pushed with the run\'s registry login: it needs write access, on GHCR `permissions: packages: write`)';
    if (/rekor|tlog|transparency/i.test(message))
        return ' (with transparency-log: true cosign uploads to Rekor, which must be reachable; false keeps the signatures off the log)';
    return '';
}


/***/ }),

/***/ 11733:
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

/***/ 75419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rt: () => (/* reexport default from dynamic */ semver_functions_prerelease_js__WEBPACK_IMPORTED_MODULE_3___default.a),
/* harmony export */   qg: () => (/* reexport default from dynamic */ semver_functions_parse_js__WEBPACK_IMPORTED_MODULE_1___default.a),
/* harmony export */   rZ: () => (/* reexport default from dynamic */ semver_functions_valid_js__WEBPACK_IMPORTED_MODULE_0___default.a),
/* harmony export */   uH: () => (/* reexport default from dynamic */ semver_functions_clean_js__WEBPACK_IMPORTED_MODULE_2___default.a)
/* harmony export */ });
/* harmony import */ var semver_functions_valid_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58780);
/* harmony import */ var semver_functions_valid_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver_functions_valid_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var semver_functions_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(16353);
/* harmony import */ var semver_functions_parse_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(semver_functions_parse_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var semver_functions_clean_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1799);
/* harmony import */ var semver_functions_clean_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(semver_functions_clean_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var semver_functions_prerelease_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(15714);
/* harmony import */ var semver_functions_prerelease_js__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(semver_functions_prerelease_js__WEBPACK_IMPORTED_MODULE_3__);
/**
 * The few semver functions this action uses, imported one by one: the package's index pulls in ranges,
 * comparators and every other function (about 170 KB of bundle) that a cold start would pay for.
 */






/***/ }),

/***/ 54842:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AJ: () => (/* binding */ formatScaled),
/* harmony export */   DB: () => (/* binding */ parseSize),
/* harmony export */   Xq: () => (/* binding */ formatSize)
/* harmony export */ });
/**
 * Sizes as people write them in a budget: `500MB`, `1.5GiB`, `800KB`, `123456` (bytes). The decimal
 * units are powers of 1000 (kB/KB, MB, GB, TB: what registries and `docker images` show), the binary
 * ones powers of 1024 (KiB, MiB, GiB, TiB); the unit is read case-insensitively. A bare `K`, `M` or `G`
 * is refused: docker reads `500m` as MiB, other tools as MB, and a budget must not be a guess. (The
 * `bytes` package reads MB as 2^20, against the convention documented here, hence this small parser.)
 */
const UNITS = {
    b: { bytes: 1, label: 'B' },
    kb: { bytes: 1e3, label: 'KB' },
    mb: { bytes: 1e6, label: 'MB' },
    gb: { bytes: 1e9, label: 'GB' },
    tb: { bytes: 1e12, label: 'TB' },
    kib: { bytes: 2 ** 10, label: 'KiB' },
    mib: { bytes: 2 ** 20, label: 'MiB' },
    gib: { bytes: 2 ** 30, label: 'GiB' },
    tib: { bytes: 2 ** 40, label: 'TiB' }
};
/** Parses a size; throws an Error saying what a size looks like. */
function parseSize(text) {
    const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
    const unit = m ? UNITS[(m[2] || 'b').toLowerCase()] : undefined;
    if (!m || !unit) {
        const bare = m && /^[kmgt]$/i.test(m[2]) ? ` (write ${m[2].toUpperCase()}B for 10^${'kmgt'.indexOf(m[2].toLowerCase()) * 3 + 3} bytes or ${m[2].toUpperCase()}iB for 2^${'kmgt'.indexOf(m[2].toLowerCase()) * 10 + 10})` : '';
        throw new Error(`"${text}" is not a size${bare}: write a number with one of the units B, KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), e.g. 500MB or 1.5GiB; a plain number is bytes`);
    }
    const bytes = Math.floor(Number(m[1]) * unit.bytes);
    if (bytes < 1)
        throw new Error(`"${text}" is less than one byte: a budget is at least 1 byte`);
    if (!Number.isSafeInteger(bytes))
        throw new Error(`"${text}" is too large for a size`);
    return { bytes, unit: unit.label };
}
/** `bytes` in `unit` (one of parseSize's labels), up to two decimals: `1.07 MB`, `512 KiB`, `1234 B`. */
function formatSize(bytes, unit) {
    const u = UNITS[unit.toLowerCase()] ?? UNITS['b'];
    if (u.bytes === 1)
        return `${bytes} B`;
    const value = bytes / u.bytes;
    return `${Number(value.toFixed(Math.abs(value) >= 100 ? 1 : 2))} ${u.label}`;
}
/**
 * `bytes` in the largest unit of the budget's family (powers of 1000 or 1024), no larger than `unit`,
 * that shows it as at least 1: a change of 300 bytes against a budget in MB is `300 B`, not `0 MB`.
 */
function formatScaled(bytes, unit) {
    const binary = /ib$/i.test(unit);
    const top = UNITS[unit.toLowerCase()]?.bytes ?? 1;
    const family = Object.values(UNITS).filter(u => u.bytes === 1 || (/iB$/.test(u.label) === binary && u.bytes <= top));
    const fit = family.filter(u => Math.abs(bytes) >= u.bytes).sort((a, b) => b.bytes - a.bytes)[0] ?? UNITS['b'];
    return formatSize(bytes, fit.label);
}


/***/ }),

/***/ 32352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ archTagsFor)
/* harmony export */ });
/* unused harmony export archSuffix */
/* harmony import */ var _lib_platform_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(56728);
/* harmony import */ var _lib_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2470);
/* harmony import */ var _metadata_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1606);
/* harmony import */ var _inputs_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42107);
/**
 * `arch-tags: true`: every release tag also exists per platform, `<tag>-<arch>`, for tools that cannot
 * read an index. Pure: the suffix of each platform, and the per-platform tags of one build. The tags
 * point at platform images, not at the index, so they are a field of their own in the plan.
 */




/**
 * The suffix of a platform: its architecture, with the variant glued on (`linux/arm/v7` -> `armv7`,
 * `linux/amd64/v3` -> `amd64v3`), except the default variants `arm64/v8` and `amd64/v1`, which are the
 * plain architecture; other operating systems than linux are named first (`windows/amd64` -> `windows-amd64`).
 */
function archSuffix(platform) {
    const p = (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .parsePlatform */ .FL)(platform);
    const isDefaultVariant = (p.arch === 'arm64' && (p.variant === 'v8' || p.variant === 'v8.0')) || (p.arch === 'amd64' && p.variant === 'v1');
    const arch = p.variant && !isDefaultVariant ? `${p.arch}${p.variant.replace(/\./g, '')}` : p.arch;
    return p.os === 'linux' ? arch : `${p.os}-${arch}`;
}
/**
 * The per-platform tags of a build: one entry per platform, in the build's platform order. Two
 * platforms with the same suffix, or a tag that gets too long with its suffix, are input errors.
 */
function archTagsFor(images, tagNames, platforms, line) {
    const bySuffix = new Map();
    const out = [];
    for (const platform of platforms) {
        const suffix = archSuffix(platform);
        const other = bySuffix.get(suffix);
        if (other !== undefined) {
            throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('arch-tags', `platforms ${other} and ${platform} would both get the tag suffix -${suffix}; build them as separate images or turn arch-tags off`, line);
        }
        bySuffix.set(suffix, platform);
        const names = tagNames.map(t => `${t}-${suffix}`);
        const bad = names.find(t => !(0,_lib_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidTag */ .r_)(t));
        if (bad !== undefined)
            throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('arch-tags', `the per-platform tag "${bad.slice(0, 140)}" is not a valid tag (at most 128 letters, digits, "_", "." and "-")`, line);
        out.push({ platform, suffix, tagNames: names, tags: (0,_metadata_index_js__WEBPACK_IMPORTED_MODULE_2__/* .imageTags */ .rK)(images, names) });
    }
    return out;
}


/***/ }),

/***/ 64055:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   Yg: () => (/* binding */ findCacheMounts),
/* harmony export */   rv: () => (/* binding */ parseCacheMountLine),
/* harmony export */   xE: () => (/* binding */ mergeMounts)
/* harmony export */ });
/* unused harmony exports MAX_VALUE, MAX_MOUNTS, leadingFlags, unsafeValue */
/* harmony import */ var _inputs_csv_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54754);
/* harmony import */ var _lib_platform_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56728);
/**
 * Cache mounts (`RUN --mount=type=cache,...`) of the Dockerfiles being built, found before the build so
 * that their content can be restored into the builder and saved after it (engine/steps/cache-mounts.ts).
 * Pure: it reads only the text it is handed.
 *
 * Dockerfiles come from the repository, which on a pull request is the fork's: nothing here trusts them.
 * dockerfile-ast splits the file into instructions (the escape directive, line continuations, comments
 * inside them, heredoc bodies); the flags of a RUN are then read as BuildKit reads them: the flag words
 * unquoted, the `--mount` value split as CSV, keys lower-cased, each value expanded. Only values the
 * action can hand back to BuildKit byte for byte are kept: a mount whose id or target uses a variable
 * other than the TARGET* platform arguments, holds characters outside a small safe set, or is longer than
 * MAX_VALUE is skipped with a note. The id is never used as a path on the runner (keys are hashed).
 */


/** The longest id or target the action carries (BuildKit has no limit; a cache key has one). */
const MAX_VALUE = 255;
/** At most this many mounts per run: each one is two builds and a cache entry. */
const MAX_MOUNTS = 32;
/** What an id or target may be made of to be handed back to BuildKit as is: no quote, comma, `$` or blank. */
const SAFE = /^[A-Za-z0-9_./+:@%~-]+$/;
const SHARING = ['shared', 'private', 'locked'];
const PLATFORM_ARGS = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT'];
/** A value for a note: at most 60 characters, control characters shown as `\xNN`. */
function excerpt(value) {
    const cut = value.length > 60 ? `${value.slice(0, 60)}…` : value;
    // eslint-disable-next-line no-control-regex
    return JSON.stringify(cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
/**
 * The `--flag` words at the start of an instruction's arguments, as BuildKit's parser takes them: words
 * split at blanks, quotes (`"` `'`) removed and keeping blanks, a backslash taking the next character
 * literally (outside single quotes); the flags end at the first word that does not start with `--`, or
 * at a bare `--`.
 */
function leadingFlags(args) {
    const words = [];
    let i = 0;
    const n = args.length;
    for (;;) {
        while (i < n && /\s/.test(args[i]))
            i++;
        if (i >= n || !args.startsWith('--', i))
            return words;
        let word = '';
        let quote = '';
        let quoted = false;
        for (; i < n; i++) {
            const ch = args[i];
            if (quote) {
                if (ch === quote)
                    quote = '';
                else if (ch === '\\' && quote === '"' && i + 1 < n)
                    word += args[++i];
                else
                    word += ch;
                continue;
            }
            if (/\s/.test(ch))
                break;
            if (ch === '"' || ch === "'") {
                quote = ch;
                quoted = true;
            }
            else if (ch === '\\') {
                if (i + 1 < n)
                    word += args[++i];
            }
            else
                word += ch;
        }
        if (word === '--' && !quoted)
            return words;
        words.push(word);
    }
}
/** The first logical line of an instruction (its flags are there): continuations joined, comment lines dropped. */
function logicalLine(lines, escape) {
    let out = '';
    for (let k = 0; k < lines.length; k++) {
        const line = lines[k].replace(/\r$/, '');
        if (k > 0 && (/^\s*#/.test(line) || line.trim() === ''))
            continue;
        const m = new RegExp(`\\${escape}\\s*$`).exec(line);
        if (!m)
            return out + line;
        out += line.slice(0, m.index);
    }
    return out;
}
/** Expands `$VAR` / `${VAR}` of the TARGET* platform arguments (empty unless declared in the stage); anything else is refused. */
function expand(value, declared, platform) {
    let usesPlatform = false;
    let bad;
    const out = value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))|\$\{[^}]*\}?|\$|\\/g, (m, braced, bare) => {
        const name = braced ?? bare;
        if (!name || !PLATFORM_ARGS.includes(name)) {
            bad ??= name ? `uses the variable ${name}` : `holds ${excerpt(m)}`;
            return '';
        }
        if (!declared.has(name))
            return ''; // BuildKit: an undeclared ARG expands to nothing in a stage
        usesPlatform = true;
        return platform ? platformArg(name, platform) : m;
    });
    if (bad)
        return { ok: false, why: `${bad} (only TARGETPLATFORM, TARGETOS, TARGETARCH and TARGETVARIANT are expanded)` };
    return { ok: true, value: out, usesPlatform };
}
function platformArg(name, platform) {
    const p = (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePlatform */ .FL)(platform);
    switch (name) {
        case 'TARGETPLATFORM':
            return [p.os, p.arch, p.variant].filter(Boolean).join('/');
        case 'TARGETOS':
            return p.os;
        case 'TARGETARCH':
            return p.arch;
        default:
            return p.variant ?? '';
    }
}
/** Why an id or target cannot be carried, or undefined when it can. */
function unsafeValue(what, value) {
    if (value === '')
        return `its ${what} is empty`;
    if (value.length > MAX_VALUE)
        return `its ${what} is longer than ${MAX_VALUE} characters`;
    if (!SAFE.test(value))
        return `its ${what} ${excerpt(value)} holds characters other than letters, digits and . _ / + : @ % ~ -`;
    return undefined;
}
/** One `--mount` value as BuildKit splits it (CSV, keys lower-cased); undefined for another type. Throws on malformed. */
function parseMountFlag(value) {
    const fields = {};
    for (const field of (0,_inputs_csv_js__WEBPACK_IMPORTED_MODULE_0__/* .splitFields */ .K)(value)) {
        const i = field.indexOf('=');
        const key = (i < 0 ? field : field.slice(0, i)).trim().toLowerCase();
        fields[key] = i < 0 ? 'true' : field.slice(i + 1);
    }
    if ((fields['type'] ?? 'bind').toLowerCase() !== 'cache')
        return undefined;
    return { fields };
}
function numeric(name, value) {
    if (value === undefined)
        return undefined;
    if (!/^\d{1,10}$/.test(value) || Number(value) > 0xffffffff)
        throw new Error(`${name} ${excerpt(value)} is not a number`);
    return Number(value);
}
function mountOptions(fields) {
    const sharing = (fields['sharing'] ?? 'shared').toLowerCase();
    if (!SHARING.includes(sharing))
        throw new Error(`sharing ${excerpt(fields['sharing'])} is not shared, private or locked`);
    const mode = fields['mode'];
    if (mode !== undefined && !/^[0-7]{1,11}$/.test(mode))
        throw new Error(`mode ${excerpt(mode)} is not an octal mode`);
    return { uid: numeric('uid', fields['uid']), gid: numeric('gid', fields['gid']), ...(mode !== undefined ? { mode } : {}), sharing };
}
/**
 * Every cache mount of one Dockerfile, for the given platforms (a mount whose id uses TARGETARCH and the
 * like once per platform). Never rejects: what cannot be read is a note.
 */
async function findCacheMounts(text, file, platforms) {
    const notes = [];
    const mounts = [];
    // loaded when a run has Dockerfiles to read, not by every dry run
    const { DockerfileParser } = await __webpack_require__.e(/* import() */ 279).then(__webpack_require__.bind(__webpack_require__, 78390));
    let instructions;
    let escape;
    try {
        const df = DockerfileParser.parse(text);
        instructions = df.getInstructions();
        escape = df.getEscapeCharacter() || '\\';
    }
    catch (e) {
        return { mounts, notes: [`${file}: not read (${excerpt(e.message)}): its cache mounts are not restored`] };
    }
    const lines = text.split('\n');
    let declared = new Set();
    for (const ins of instructions) {
        const keyword = ins.getKeyword();
        const start = ins.getRange().start.line;
        if (keyword === 'FROM')
            declared = new Set();
        if (keyword === 'ARG')
            for (const a of ins.getArguments())
                declared.add(a.getValue().split('=')[0]);
        if (keyword !== 'RUN')
            continue;
        const where = `${file}:${start + 1}`;
        const line = logicalLine(lines.slice(start, ins.getRange().end.line + 1), escape);
        const args = line.replace(/^\s*\S+/, '');
        for (const flag of leadingFlags(args)) {
            if (!flag.startsWith('--mount='))
                continue;
            try {
                const raw = parseMountFlag(flag.slice('--mount='.length));
                if (!raw)
                    continue;
                const f = raw.fields;
                if (f['from'] !== undefined || f['source'] !== undefined || f['src'] !== undefined) {
                    notes.push(`${where}: a cache mount seeded from another stage or image (from=/source=) is not restored: BuildKit keys it by that content too`);
                    continue;
                }
                const options = mountOptions(f);
                const target = f['target'] ?? f['dst'] ?? f['destination'];
                if (target === undefined)
                    throw new Error('it has no target');
                const perPlatform = platforms.length ? platforms : [undefined];
                for (const platform of perPlatform) {
                    const t = expand(target, declared, platform);
                    const id = f['id'] !== undefined ? expand(f['id'], declared, platform) : t;
                    if (!t.ok)
                        throw new Error(`its target ${t.why}`);
                    if (!id.ok)
                        throw new Error(`its id ${id.why}`);
                    const why = unsafeValue('id', id.value) ?? unsafeValue('target', t.value);
                    if (why)
                        throw new Error(why);
                    const separate = id.usesPlatform;
                    mounts.push({ id: id.value, target: t.value, ...options, ...(separate && platform ? { platform } : {}), where });
                    if (!separate)
                        break; // one cache for every platform: BuildKit shares a mount between platforms
                }
            }
            catch (e) {
                notes.push(`${where}: a cache mount is skipped: ${e.message}`);
            }
        }
    }
    return { mounts, notes };
}
/**
 * One per id (and platform): the first one found decides uid, gid, mode and sharing; a later one that
 * differs is a note. At most MAX_MOUNTS.
 */
function mergeMounts(found) {
    const notes = found.flatMap(d => d.notes);
    const byKey = new Map();
    for (const m of found.flatMap(d => d.mounts)) {
        const key = `${m.id}\n${m.platform ?? ''}`;
        const seen = byKey.get(key);
        if (!seen) {
            byKey.set(key, m);
        }
        else if (seen.uid !== m.uid || seen.gid !== m.gid || seen.mode !== m.mode) {
            notes.push(`${m.where}: the cache mount ${excerpt(m.id)} is also at ${seen.where} with another uid, gid or mode: that one's are used`);
        }
    }
    const mounts = [...byKey.values()];
    if (mounts.length > MAX_MOUNTS)
        notes.push(`${mounts.length} cache mounts found: only the first ${MAX_MOUNTS} are restored and saved`);
    return { mounts: mounts.slice(0, MAX_MOUNTS), notes };
}
const INPUT_KEYS = ['id', 'target', 'dst', 'destination', 'uid', 'gid', 'mode', 'sharing'];
/** One line of the `cache-mounts` list: `id=...,target=...[,uid=..,gid=..,mode=..,sharing=..]`. Throws on malformed. */
function parseCacheMountLine(text, line) {
    const fields = {};
    for (const field of (0,_inputs_csv_js__WEBPACK_IMPORTED_MODULE_0__/* .splitFields */ .K)(text)) {
        const i = field.indexOf('=');
        const key = (i < 0 ? field : field.slice(0, i)).trim().toLowerCase();
        if (i < 0)
            throw new Error(`"${field.trim()}" is not key=value (keys: id, target, uid, gid, mode, sharing)`);
        if (!INPUT_KEYS.includes(key))
            throw new Error(`unknown key "${key}" (keys: id, target, uid, gid, mode, sharing)`);
        fields[key] = field.slice(i + 1).trim();
    }
    const target = fields['target'] ?? fields['dst'] ?? fields['destination'];
    if (target === undefined)
        throw new Error('target= is missing (the mount point of the RUN --mount=type=cache)');
    const id = fields['id'] ?? target;
    const why = unsafeValue('id', id) ?? unsafeValue('target', target);
    if (why)
        throw new Error(why.replace(/^its /, ''));
    return { id, target, ...mountOptions(fields), where: `input cache-mounts, line ${line}` };
}


/***/ }),

/***/ 6878:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ githubClient),
/* harmony export */   OS: () => (/* binding */ GitHubApiError),
/* harmony export */   Sn: () => (/* binding */ fetchCommitDate),
/* harmony export */   kC: () => (/* binding */ compareCommits),
/* harmony export */   m4: () => (/* binding */ repoFromContext),
/* harmony export */   tx: () => (/* binding */ fetchRepoInfo)
/* harmony export */ });
/* unused harmony exports apiLimits, retryWait */
const DEFAULT_LIMITS = { deadlineMs: 10_000, attempts: 3, backoffMs: 1_000, maxWaitMs: 10_000 };
function apiLimits(env = process.env) {
    const ms = (name, fallback) => {
        const n = Number(env[name]);
        return env[name] !== undefined && Number.isFinite(n) && n >= 0 ? n : fallback;
    };
    return {
        deadlineMs: ms('MULTIARCH_PUBLISH_API_DEADLINE_MS', DEFAULT_LIMITS.deadlineMs),
        attempts: DEFAULT_LIMITS.attempts,
        backoffMs: ms('MULTIARCH_PUBLISH_API_BACKOFF_MS', DEFAULT_LIMITS.backoffMs),
        maxWaitMs: ms('MULTIARCH_PUBLISH_API_MAX_WAIT_MS', DEFAULT_LIMITS.maxWaitMs)
    };
}
/** Retry-After in milliseconds: seconds, or an HTTP date. */
function retryAfterMs(value, now) {
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value) * 1000;
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
/**
 * The wait before the next attempt, or undefined when the failure is final. 5xx answers and failures without
 * an answer (connection refused, reset) are retried with a doubling backoff; rate limits (429, and 403 with
 * x-ratelimit-remaining: 0 or with Retry-After: GitHub's secondary rate limit) after Retry-After, or the x-ratelimit-reset time, when the server gives one.
 */
function retryWait(e, attempt, limits, now = Date.now()) {
    if (attempt >= limits.attempts)
        return undefined;
    const status = e.status ?? 0;
    const headers = e.response?.headers ?? {};
    // a secondary rate limit (many DELETEs in a row) is a 403 or 429 with retry-after, the primary one a 403 with x-ratelimit-remaining: 0
    const rateLimited = status === 429 || (status === 403 && (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined));
    if (!rateLimited && status < 500)
        return undefined;
    let wait = retryAfterMs(headers['retry-after'], now);
    const reset = Number(headers['x-ratelimit-reset']);
    if (wait === undefined && rateLimited && reset > 0)
        wait = Math.max(0, reset * 1000 - now);
    wait ??= limits.backoffMs * 2 ** (attempt - 1);
    if (wait > limits.maxWaitMs) {
        throw new Error(`${describe(e)}; the API asks to retry in ${Math.ceil(wait / 1000)} s, longer than the ${limits.maxWaitMs / 1000} s this step waits`);
    }
    return wait;
}
function describe(e) {
    return e.response ? `HTTP ${e.status}${e.message ? ` (${e.message})` : ''}` : (e.message ?? String(e));
}
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/**
 * A failed call, final (retries spent or not worth it). `httpStatus` is the API's answer, undefined when
 * none came (refused, reset, the deadline). Not `status`: Octokit's paginate takes an error with
 * `status: 409` for the end of the list and stops quietly, and a list cut short must throw.
 */
class GitHubApiError extends Error {
    httpStatus;
    attempts;
    constructor(message, httpStatus, 
    /** How many attempts were made (a DELETE answered 404 on a later one may have been done by an earlier one). */
    attempts = 1) {
        super(message);
        this.httpStatus = httpStatus;
        this.attempts = attempts;
        this.name = 'GitHubApiError';
    }
}
/**
 * Each attempt under its own deadline; failures retried as retryWait says; only a JSON document counts as
 * an answer (unless `emptyAnswer`: a DELETE's 204). The signal goes with each call's own options: Octokit
 * honours `request.signal` there (set from a `request` hook it was not passed on to the fetch, and a
 * trickling server held the step).
 */
async function withDeadlineAndRetries(limits, attempt, emptyAnswer = false) {
    for (let n = 1;; n++) {
        const signal = AbortSignal.timeout(limits.deadlineMs);
        const deadline = () => new GitHubApiError(`no complete answer within ${limits.deadlineMs / 1000} s`, undefined);
        let response;
        try {
            response = await attempt(signal);
        }
        catch (e) {
            if (signal.aborted)
                throw deadline();
            const failure = e;
            const wait = retryWait(failure, n, limits);
            const status = failure.response ? failure.status : undefined;
            if (wait === undefined)
                throw new GitHubApiError(n > 1 ? `${describe(failure)} after ${n} attempts` : describe(failure), status, n);
            await sleep(wait);
            continue;
        }
        // Octokit hands back what it read of a JSON body that broke off (or could not be parsed) as a string.
        if (signal.aborted)
            throw deadline();
        if (emptyAnswer && (response.data === undefined || response.data === ''))
            return response;
        if (typeof response.data !== 'object' || response.data === null)
            throw new GitHubApiError('the answer is not a JSON document', undefined);
        return response;
    }
}
/**
 * The one construction of Octokit in the action (the metadata's calls here, the GitHub Packages back end
 * of mode: prune, engine/github-packages.ts): @actions/github's getOctokit, loaded on the first call,
 * with `apiUrl` (GITHUB_API_URL, a GHES `/api/v3` prefix included) as the base.
 */
async function githubClient(apiUrl, token, warn) {
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(555), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 61351));
    const { GitHub } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(555)]).then(__webpack_require__.bind(__webpack_require__, 85555));
    const options = {
        baseUrl: apiUrl,
        userAgent: 'multiarch-publish',
        // Octokit logs to the console; its warnings (deprecated endpoints) become the step's, the rest is noise.
        log: { debug: () => { }, info: () => { }, warn, error: warn }
    };
    // getOctokit insists on a token; without one the same class asks anonymously, as the API allows for public repositories.
    const octokit = token ? getOctokit(token, options) : new GitHub(options);
    const limits = apiLimits();
    const request = (route, params, emptyAnswer = false) => withDeadlineAndRetries(limits, signal => octokit.request(route, { ...params, request: { signal } }), emptyAnswer);
    // What paginate calls for every page (the first from route and params, the next ones from the Link
    // header's absolute URL), so that each page has its own deadline and retries; its endpoint expands the route.
    const pageRequest = (route) => Object.assign((options) => withDeadlineAndRetries(limits, signal => octokit.request({ ...options, request: { signal } })), {
        endpoint: (params) => octokit.request.endpoint(route, params)
    });
    return {
        get: async (route, params) => (await request(route, params)).data,
        request: (route, params, opts = {}) => request(route, params, opts.emptyAnswer),
        paginate: async (route, params) => {
            const items = [];
            // route and params go through the endpoint of the request method given (URL template, encoding)
            for await (const page of octokit.paginate.iterator(pageRequest(route), params)) {
                if (!Array.isArray(page.data))
                    throw new GitHubApiError(`a page of ${page.url ?? route} is not a JSON list`, undefined);
                items.push(...page.data);
            }
            return items;
        }
    };
}
const client = (ctx, token, warn) => githubClient(ctx.apiUrl, token, warn);
/** What the context alone says about the repository. */
function repoFromContext(ctx) {
    return {
        name: ctx.repo,
        description: '',
        htmlUrl: ctx.owner && ctx.repo ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}` : '',
        license: '',
        defaultBranch: ctx.defaultBranch
    };
}
async function fetchRepoInfo(ctx, token, warn) {
    if (!ctx.owner || !ctx.repo)
        return repoFromContext(ctx);
    try {
        const api = await client(ctx, token, warn);
        const data = await api.get('GET /repos/{owner}/{repo}', { owner: ctx.owner, repo: ctx.repo });
        return {
            name: data.name ?? '',
            description: data.description ?? '',
            htmlUrl: data.html_url ?? '',
            license: data.license?.spdx_id ?? '',
            defaultBranch: data.default_branch ?? ctx.defaultBranch
        };
    }
    catch (e) {
        warn(`Cannot read repository ${ctx.owner}/${ctx.repo} from the GitHub API at ${ctx.apiUrl} (${e.message}); the default labels use what the workflow context gives.`);
        return repoFromContext(ctx);
    }
}
/** The committer date of ctx.sha from the API, or the build's clock when the API cannot tell. */
async function fetchCommitDate(ctx, token, warn) {
    if (ctx.owner && ctx.repo && ctx.sha) {
        try {
            const api = await client(ctx, token, warn);
            const data = await api.get('GET /repos/{owner}/{repo}/commits/{ref}', { owner: ctx.owner, repo: ctx.repo, ref: ctx.sha });
            const date = data.commit?.committer?.date;
            if (date)
                return new Date(date);
        }
        catch (e) {
            warn(`Cannot read the date of commit ${ctx.shortSha} from the GitHub API at ${ctx.apiUrl} (${e.message}); {{commit_date}} uses the build time.`);
        }
    }
    return ctx.now;
}
const STATUSES = ['ahead', 'behind', 'identical', 'diverged'];
/**
 * `GET /repos/{owner}/{repo}/compare/{base}...{head}`, or undefined when it cannot tell (no token, no
 * repository, a commit GitHub does not know, the API failing): the caller then falls back to dates. Both
 * commits must look like SHAs: they come from image labels, which whoever can push writes.
 */
async function compareCommits(ctx, token, base, head, warn) {
    const sha = /^[0-9a-f]{7,64}$/i;
    if (!token || !ctx.owner || !ctx.repo || !sha.test(base) || !sha.test(head))
        return undefined;
    try {
        const api = await client(ctx, token, warn);
        const data = await api.get('GET /repos/{owner}/{repo}/compare/{base}...{head}', { owner: ctx.owner, repo: ctx.repo, base, head });
        if (!STATUSES.includes(data.status))
            throw new Error(`unexpected status ${JSON.stringify(String(data.status).slice(0, 20))}`);
        const date = (s) => (typeof s === 'string' && !Number.isNaN(Date.parse(s)) ? new Date(s) : undefined);
        // the last commit listed is head's only when the list is complete (GitHub lists at most 250)
        const commits = Array.isArray(data.commits) ? data.commits : [];
        const last = commits[commits.length - 1];
        const lastIsHead = typeof last?.sha === 'string' && last.sha.toLowerCase().startsWith(head.toLowerCase());
        return {
            status: data.status,
            aheadBy: Number(data.ahead_by) || 0,
            behindBy: Number(data.behind_by) || 0,
            baseDate: date(data.base_commit?.commit?.committer?.date),
            headDate: lastIsHead ? date(last.commit?.committer?.date) : undefined
        };
    }
    catch (e) {
        warn(`Cannot compare commits ${base.slice(0, 7)} and ${head.slice(0, 7)} through the GitHub API at ${ctx.apiUrl} (${e.message}); the tag guard falls back to dates.`);
        return undefined;
    }
}


/***/ }),

/***/ 85226:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rz: () => (/* binding */ workflowContext),
/* harmony export */   cw: () => (/* binding */ gitContext)
/* harmony export */ });
/* unused harmony exports shortSha, sourceDateEpoch, repositoryFromRemote */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The GitHub context, from the runner's environment and event payload (`workflow`), or from the local
 * git checkout (`git`, for the CLI), as one Context type.
 */


const DEFAULT_SHORT_SHA_LENGTH = 7;
function shortSha(sha, env) {
    let length = DEFAULT_SHORT_SHA_LENGTH;
    const fromEnv = env['DOCKER_METADATA_SHORT_SHA_LENGTH'];
    if (fromEnv) {
        if (isNaN(Number(fromEnv)))
            throw new Error(`DOCKER_METADATA_SHORT_SHA_LENGTH is not a valid number: ${fromEnv}`);
        // a whole number of at least 1 (above the SHA's length it means the whole SHA, as in metadata-action)
        if (!/^\s*\d+\s*$/.test(fromEnv) || Number(fromEnv) < 1)
            throw new Error(`DOCKER_METADATA_SHORT_SHA_LENGTH must be a whole number from 1 to 40, not ${fromEnv}`);
        length = Number(fromEnv);
    }
    return length >= sha.length ? sha : sha.substring(0, length);
}
/** SOURCE_DATE_EPOCH (seconds since the epoch), or undefined when unset; invalid values are an error. */
function sourceDateEpoch(env) {
    const v = env['SOURCE_DATE_EPOCH'];
    if (v === undefined || v === '')
        return undefined;
    if (!/^\d+$/.test(v))
        throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${v}"`);
    const date = new Date(Number(v) * 1000);
    if (isNaN(date.getTime()))
        throw new Error(`SOURCE_DATE_EPOCH is out of the range of dates, not "${v}"`);
    return date;
}
/** The commit date the payload carries for `sha` (push: commits[], head_commit). */
function payloadCommitDate(payload, sha) {
    const fromCommits = payload.commits?.find(c => c.id === sha)?.timestamp;
    if (fromCommits)
        return new Date(fromCommits);
    if (payload.head_commit?.id === sha && payload.head_commit.timestamp)
        return new Date(payload.head_commit.timestamp);
    return undefined;
}
function splitRepository(repository) {
    const [owner = '', repo = ''] = repository.split('/');
    return { owner, repo };
}
/**
 * The pull request's number from the event payload (`number`, else `pull_request.number`). Without one
 * there is no PR ref to make tags of: `pr-undefined` (what metadata-action makes) or the base branch's
 * own tags (on a run that builds a fork's code) would both be wrong, so it is an error.
 */
function pullRequestNumber(payload, eventName) {
    const n = payload.number ?? payload.pull_request?.number;
    if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0)
        return n;
    if (typeof n === 'string' && /^[1-9]\d{0,15}$/.test(n))
        return Number(n);
    throw new Error(`the ${eventName} event's payload (GITHUB_EVENT_PATH) has no pull request number, so there is no pull request ref to make tags of`);
}
/** The context of a workflow run, as @actions/github reads it, with metadata-action's adjustments. */
function workflowContext(env, readFile = p => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(p, 'utf8'), clock = () => new Date()) {
    let payload = {}; // eslint-disable-line @typescript-eslint/no-explicit-any
    const eventPath = env['GITHUB_EVENT_PATH'];
    if (eventPath) {
        try {
            const parsed = JSON.parse(readFile(eventPath));
            // an event payload is an object; anything else (`null`, a number) would break every lookup below
            payload = parsed !== null && typeof parsed === 'object' ? parsed : {}; // eslint-disable-line @typescript-eslint/no-explicit-any
        }
        catch {
            payload = {};
        }
    }
    const eventName = env['GITHUB_EVENT_NAME'] ?? '';
    let ref = env['GITHUB_REF'] ?? '';
    let sha = env['GITHUB_SHA'] ?? '';
    // pull_request_target runs on the base branch; the PR's own ref is what tags are made of
    if (/pull_request_target/.test(eventName))
        ref = `refs/pull/${pullRequestNumber(payload, eventName)}/merge`;
    if (/true/i.test(env['DOCKER_METADATA_PR_HEAD_SHA'] ?? '') && /pull_request/.test(eventName) && payload.pull_request?.head?.sha != undefined) {
        sha = payload.pull_request.head.sha;
    }
    const repository = env['GITHUB_REPOSITORY'] || payload.repository?.full_name || '';
    const { owner, repo } = splitRepository(repository);
    const epoch = sourceDateEpoch(env);
    return {
        source: 'workflow',
        eventName,
        ref,
        sha,
        shortSha: shortSha(sha, env),
        payload,
        owner: env['GITHUB_REPOSITORY_OWNER'] || owner,
        repo,
        actor: env['GITHUB_ACTOR'] ?? '',
        serverUrl: (env['GITHUB_SERVER_URL'] || 'https://github.com').replace(/\/$/, ''),
        apiUrl: (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/$/, ''),
        defaultBranch: payload.repository?.default_branch ?? '',
        now: epoch ?? clock(),
        // SOURCE_DATE_EPOCH is, by its definition, the date of the source: the commit
        commitDate: epoch ?? payloadCommitDate(payload, sha),
        sourceDateEpoch: epoch !== undefined
    };
}
function git(cwd, args) {
    // child_process only for the CLI: loading it costs a workflow run's cold start ~3 ms for nothing
    const { execFileSync } = process.getBuiltinModule('node:child_process');
    try {
        return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    }
    catch {
        return undefined;
    }
}
/** `owner/repo` from a remote URL (https, ssh or scp-like), when it looks like one. */
function repositoryFromRemote(url) {
    const m = /[:/]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
    return m && /^(https?|ssh|git):\/\/|^[^/]+@[^:]+:/.test(url) ? { owner: m[1], repo: m[2] } : undefined;
}
/**
 * The context of a local checkout (like metadata-action's `context: git`): the branch or the tag at HEAD,
 * the commit and its date from git; the repository from the `origin` remote, else the folder's name.
 */
function gitContext(cwd, env = process.env, clock = () => new Date()) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(cwd) || git(cwd, ['rev-parse', '--is-inside-work-tree']) !== 'true') {
        throw new Error(`${cwd} is not a git checkout: the local plan reads the branch, tag and commit from git`);
    }
    const sha = git(cwd, ['rev-parse', 'HEAD']) ?? '';
    const tag = sha ? git(cwd, ['describe', '--tags', '--exact-match', 'HEAD']) : undefined;
    const branch = git(cwd, ['symbolic-ref', '--short', '-q', 'HEAD']);
    const ref = tag ? `refs/tags/${tag}` : branch ? `refs/heads/${branch}` : '';
    const remote = git(cwd, ['remote', 'get-url', 'origin']);
    const top = git(cwd, ['rev-parse', '--show-toplevel']) ?? cwd;
    const { owner, repo } = (remote && repositoryFromRemote(remote)) || { owner: env['USER'] || 'local', repo: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(top) };
    const originHead = git(cwd, ['symbolic-ref', '--short', '-q', 'refs/remotes/origin/HEAD'])?.replace(/^origin\//, '');
    const defaultBranch = originHead || git(cwd, ['config', 'init.defaultBranch']) || 'main';
    const committed = sha ? git(cwd, ['log', '-1', '--format=%cI', 'HEAD']) : undefined;
    const epoch = sourceDateEpoch(env);
    return {
        source: 'git',
        eventName: tag || branch ? 'push' : '',
        ref,
        sha,
        shortSha: shortSha(sha, env),
        payload: { repository: { default_branch: defaultBranch } },
        owner,
        repo,
        actor: env['USER'] ?? '',
        serverUrl: 'https://github.com',
        apiUrl: 'https://api.github.com',
        defaultBranch,
        now: epoch ?? clock(),
        commitDate: epoch ?? (committed ? new Date(committed) : undefined),
        sourceDateEpoch: epoch !== undefined
    };
}


/***/ }),

/***/ 54754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ splitFields),
/* harmony export */   p: () => (/* binding */ splitKeyValue)
/* harmony export */ });
/* harmony import */ var csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25175);

/**
 * Splits one `key=value,key="a,b"` line into its fields, as docker/metadata-action reads its inputs
 * (csv-parse: quotes protect commas, fields are not trimmed here).
 */
function splitFields(line) {
    const rows = (0,csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(line, { relaxColumnCount: true, skipEmptyLines: true });
    return rows[0] ?? [];
}
/** Splits `key=value` at the first `=`; a field without `=` has key undefined. Both sides trimmed. */
function splitKeyValue(field) {
    const i = field.indexOf('=');
    if (i <= 0)
        return { value: field.trim() };
    return { key: field.slice(0, i).trim().toLowerCase(), value: field.slice(i + 1).trim() };
}


/***/ }),

/***/ 64510:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ checkModeSupport)
/* harmony export */ });
/** Warnings about inputs the mode does not read. `publishes` is kept for the callers' signature. */
function checkModeSupport(inputs, _publishes) {
    const out = [];
    // an input another mode reads would be silently unused: said once
    if (!['promote', 'rollback', 'history', 'verify'].includes(inputs.mode)) {
        for (const [name, given] of [['from', !!inputs.promote?.from], ['to', !!inputs.promote?.to.length], ['steps', !!inputs.promote?.stepsGiven]]) {
            if (given)
                out.push(`Input "${name}" is read by mode: promote, rollback and history only; with mode: ${inputs.mode} it is ignored.`);
        }
    }
    if (!['promote', 'verify'].includes(inputs.mode) && inputs.verify && (inputs.verify.signature || inputs.verify.attestations.length)) {
        out.push(`Inputs "require-signature" and "require-attestations" are read by mode: verify and mode: promote only; with mode: ${inputs.mode} they are ignored.`);
    }
    if (inputs.mode !== 'prune')
        for (const name of inputs.prune?.given ?? [])
            out.push(`Input "${name}" is read by mode: prune only; with mode: ${inputs.mode} it is ignored.`);
    if (inputs.mode === 'build' || inputs.mode === 'merge')
        return out;
    if (inputs.planDocument.trim())
        out.unshift(`Input "plan" is read by mode: build and mode: merge only; with mode: ${inputs.mode} it is ignored.`);
    return out;
}


/***/ }),

/***/ 99838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U$: () => (/* binding */ registryHost),
/* harmony export */   qK: () => (/* binding */ checkPromoteInputs),
/* harmony export */   uh: () => (/* binding */ sourceKind)
/* harmony export */ });
/* unused harmony export LIFECYCLE_MODES */
/* harmony import */ var _lib_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2470);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42107);
/**
 * The inputs of `mode: promote`: `from` (a tag or a digest every image already has) and `to` (the tags
 * to point at it, one a line). Pure; every problem is an InputError naming the input (and the line).
 */


/** The modes that read `from`, `to` and `steps`. */
const LIFECYCLE_MODES = ['promote', 'rollback', 'history'];
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/** What `from` names: a digest, or a tag. */
function sourceKind(from) {
    return from.startsWith('sha256:') ? 'digest' : 'tag';
}
/** Checks `from`, `to` and `steps` of the lifecycle modes; returns the problems, nothing when valid. */
function checkPromoteInputs(mode, from, to, steps = { value: '1', given: false }, toRegistry = '') {
    const errors = [];
    if (mode === 'verify') {
        // verify reads `from` (what to check) and nothing else of these
        if (!from)
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('from', 'is required with mode: verify: the tag or digest every image is checked at (e.g. v1.2.3, env-prod or sha256:…)'));
        else if (sourceKind(from) === 'digest' ? !DIGEST.test(from) : !(0,_lib_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidTag */ .r_)(from))
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('from', 'is neither a tag (a letter, digit or _, then up to 127 letters, digits, _, . and -) nor a digest (sha256: and 64 lowercase hex digits)', undefined, from.slice(0, 140)));
        if (to.length)
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('to', 'is not read by mode: verify (it checks the images at from, and moves nothing)'));
        if (steps.given)
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('steps', 'is read by mode: rollback only, not mode: verify'));
        if (toRegistry)
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('to-registry', 'is read by mode: promote only, not mode: verify'));
        return errors;
    }
    if (!LIFECYCLE_MODES.includes(mode))
        return errors; // unused elsewhere: a warning (inputs/modes.ts)
    if (mode === 'promote' && !from)
        errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('from', 'is required with mode: promote: the tag or digest every image already has (e.g. sha-abc1234, v1.2.3 or sha256:…)'));
    else if (from && (sourceKind(from) === 'digest' ? !DIGEST.test(from) : !(0,_lib_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidTag */ .r_)(from))) {
        errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('from', 'is neither a tag (a letter, digit or _, then up to 127 letters, digits, _, . and -) nor a digest (sha256: and 64 lowercase hex digits)', undefined, from.slice(0, 140)));
    }
    if (mode === 'history' && from)
        errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('from', 'is not read by mode: history (it shows the channels of the to input)'));
    if (!to.length)
        errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('to', mode === 'promote' ? 'is required with mode: promote: the tags to point at the source, one a line (e.g. env-prod)' : `is required with mode: ${mode}: the channel tags, one a line (e.g. env-prod)`));
    const seen = new Map();
    for (const t of to) {
        if (!(0,_lib_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isValidTag */ .r_)(t.tag))
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('to', 'is not a tag (a letter, digit or _, then up to 127 letters, digits, _, . and -)', t.line, t.tag.slice(0, 140)));
        else if (seen.has(t.tag))
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('to', `names ${t.tag} twice (first on line ${seen.get(t.tag)})`, t.line, t.tag));
        else
            seen.set(t.tag, t.line);
        if (t.tag === from)
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('to', `is the source tag itself (from: ${from})`, t.line, t.tag));
    }
    if (toRegistry && mode !== 'promote')
        errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('to-registry', `is read by mode: promote only, not mode: ${mode}`));
    else if (toRegistry && !/^[a-z0-9.-]+(:\d{1,5})?$/.test(toRegistry.replace(/^https?:\/\//, '').replace(/\/+$/, '').toLowerCase())) {
        errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('to-registry', 'is not a registry host (e.g. docker.io, registry.example.com, 127.0.0.1:5000; no path: the images keep theirs)', undefined, toRegistry.slice(0, 140)));
    }
    if (steps.given) {
        if (mode !== 'rollback')
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('steps', `is read by mode: rollback only, not mode: ${mode}`));
        else if (!/^[1-9]\d{0,3}$/.test(steps.value))
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('steps', 'expected a whole number from 1 to 9999 (how many recorded moves to go back)', undefined, steps.value.slice(0, 40)));
        else if (from)
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('steps', 'and from both name where to roll back to: give one of them'));
    }
    return errors;
}
/** `to-registry` as the engine uses it: the host, without scheme or trailing slash, lowercased. */
function registryHost(text) {
    return text.replace(/^https?:\/\//, '').replace(/\/+$/, '').toLowerCase();
}


/***/ }),

/***/ 78698:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X3: () => (/* binding */ parsePruneInputs),
/* harmony export */   mY: () => (/* binding */ pruneApiFor)
/* harmony export */ });
/* unused harmony exports PRUNE_INPUTS, DEFAULT_KEEP_TAGS, DEFAULT_KEEP */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42107);
/**
 * The inputs of `mode: prune`: `keep` (how many of the most recent versions stay), `keep-tags` (regexes
 * whose matches are never deleted), `delete-untagged`, `older-than` and `prune-api` (which back end
 * lists and deletes). Pure; every problem is an InputError naming the input (and the line). With another
 * mode they are still checked (a malformed value is an error in any mode), and a given one is a warning
 * (inputs/modes.ts): never silently unused.
 */

const PRUNE_INPUTS = (/* unused pure expression or super */ null && (['keep', 'keep-tags', 'delete-untagged', 'older-than', 'prune-api']));
/**
 * What is never deleted unless `keep-tags` says otherwise: semantic versions (`v1.2.3`, `1.2`,
 * `1.2.3-rc.1`), the channels (`env-*`) and `latest`. (A channel's history is kept as well, always: see
 * pipeline/prune.ts.)
 */
const DEFAULT_KEEP_TAGS = ['^v?\\d+\\.\\d+(\\.\\d+)?(-[0-9A-Za-z][0-9A-Za-z.-]*)?$', '^env-', '^latest$'];
const DEFAULT_KEEP = 10;
const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
/** Reads the prune inputs (values trimmed; '' when not given); returns them and every problem. */
function parsePruneInputs(raw) {
    const errors = [];
    const given = [raw.keep && 'keep', raw.keepTags.length && 'keep-tags', raw.deleteUntagged && 'delete-untagged', raw.olderThan && 'older-than', raw.api && 'prune-api'].filter((x) => typeof x === 'string' && x !== '');
    let keep = DEFAULT_KEEP;
    if (raw.keep) {
        if (/^\d{1,6}$/.test(raw.keep) && Number(raw.keep) >= 1)
            keep = Number(raw.keep);
        else
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('keep', 'expected a whole number of at least 1 (how many of the most recent versions to keep)', undefined, raw.keep.slice(0, 40)));
    }
    let keepTags = DEFAULT_KEEP_TAGS.map(source => ({ pattern: new RegExp(source), source }));
    if (raw.keepTags.length) {
        keepTags = [];
        for (const { line, text } of raw.keepTags) {
            try {
                keepTags.push({ pattern: new RegExp(text), source: text, line });
            }
            catch (e) {
                errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('keep-tags', `is not a regular expression: ${e.message.replace(/^Invalid regular expression: /, '')}`, line, text.slice(0, 140)));
            }
        }
    }
    let deleteUntagged = false;
    if (raw.deleteUntagged) {
        if (/^true$/i.test(raw.deleteUntagged))
            deleteUntagged = true;
        else if (!/^false$/i.test(raw.deleteUntagged))
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('delete-untagged', 'expected true or false', undefined, raw.deleteUntagged.slice(0, 40)));
    }
    let olderThan;
    if (raw.olderThan) {
        const m = /^(\d{1,5})\s*([hdw])$/i.exec(raw.olderThan);
        if (m && Number(m[1]) >= 1)
            olderThan = { text: raw.olderThan, ms: Number(m[1]) * UNIT_MS[m[2].toLowerCase()] };
        else
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('older-than', 'expected a number of hours, days or weeks of at least 1: <n>h, <n>d or <n>w (e.g. 30d)', undefined, raw.olderThan.slice(0, 40)));
    }
    let api = 'auto';
    if (raw.api) {
        const v = raw.api.toLowerCase();
        if (v === 'auto' || v === 'github-packages' || v === 'distribution')
            api = v;
        else
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('prune-api', 'expected one of auto, github-packages, distribution', undefined, raw.api.slice(0, 40)));
    }
    return { prune: { keep, keepTags, deleteUntagged, olderThan, api, given }, errors };
}
/** The back end `prune-api` names for a registry host: auto is GitHub Packages for ghcr.io, the distribution API otherwise. */
function pruneApiFor(api, host) {
    if (api !== 'auto')
        return api;
    return host.toLowerCase() === 'ghcr.io' ? 'github-packages' : 'distribution';
}


/***/ }),

/***/ 98363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VX: () => (/* binding */ secretValues),
/* harmony export */   dC: () => (/* binding */ parseSecrets),
/* harmony export */   oJ: () => (/* binding */ bakeSecretEntry)
/* harmony export */ });
/* unused harmony exports SHORT_SECRET, secretEntries, resolveSecretFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var csv_parse_sync__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25175);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42107);
/**
 * The build secrets, as docker/build-push-action reads them: `secrets` (`id=value`, a value over several
 * lines quoted as one CSV field: `"id=line one` ... `last line"`), `secret-files` (`id=path`) and
 * `secret-envs` (`id=ENV_NAME`). Records are read with csv-parse as build-push-action does (relaxed
 * quotes, one record per secret, its fields joined back with commas; `secret-envs` also takes several
 * on a line). Errors name the input, the line and the id at most: never a value.
 */




/** Below this, masking a value would turn common text of the log into `***`. */
const SHORT_SECRET = 4;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ID_RULE = 'the id made of letters, digits, ".", "_" and "-"';
/** The first line after `after` that holds something (csv-parse skips blank lines and `#` comments). */
function firstContentLine(lines, after) {
    for (let i = after; i < lines.length; i++) {
        const t = lines[i].trim();
        if (t !== '' && !t.startsWith('#'))
            return i + 1;
    }
    return after + 1;
}
/**
 * The entries of one input, each with the line it starts on. `splitCommas`: every field of a record is
 * an entry of its own (secret-envs); otherwise a record is one entry, its fields joined back.
 */
function secretEntries(input, text, splitCommas, errors) {
    if (!text || !text.trim())
        return [];
    const lines = text.split(/\r\n|\n|\r/);
    const out = [];
    let end = 0;
    const starts = [];
    try {
        const records = (0,csv_parse_sync__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)(text, {
            columns: false,
            relaxQuotes: true,
            relaxColumnCount: true,
            skipEmptyLines: true,
            comment: '#',
            comment_no_infix: true,
            // where the last whole record ended: an unclosed quote opened on the first line after it
            on_record: (record, context) => {
                starts.push(firstContentLine(lines, end));
                end = context.lines;
                return record;
            }
        });
        records.forEach((record, n) => {
            const line = starts[n];
            const entries = splitCommas ? record : [record.join(',')];
            for (const e of entries.map(x => x.trim()).filter(Boolean))
                out.push({ line, text: e });
        });
    }
    catch (e) {
        // csv-parse's messages may quote characters of the text: its code and a line number only
        const code = e.code ?? '';
        const at = e.lines;
        const detail = code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted value is not closed (a value over several lines is written "id=line one ... last line", the quotes around the whole entry)' : `cannot be read as CSV (${code || 'parse error'})`;
        const start = firstContentLine(lines, end);
        errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d(input, detail, code === 'CSV_QUOTE_NOT_CLOSED' ? start : (at ?? start), '***'));
        return [];
    }
    return out;
}
function splitEntry(text) {
    const i = text.indexOf('=');
    if (i <= 0)
        return undefined;
    const id = text.slice(0, i);
    return ID.test(id) ? { id, value: text.slice(i + 1) } : undefined;
}
/** Some place a fork's pull request writes (the workspace) must not lead, by a symlink, to one it does not. */
function inside(path, dir) {
    const r = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(dir, path);
    return r === '' || (r !== '..' && !r.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(r));
}
/** Checks a secret file and returns its real path; throws a message without the file's content. */
function resolveSecretFile(path, workspace) {
    if (/[\0-\x1f\x7f]/.test(path))
        throw new Error('the path holds a control character');
    const given = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, path);
    let real;
    try {
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(given);
    }
    catch {
        throw new Error(`the file ${path} does not exist (in ${workspace})`);
    }
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(real).isFile())
        throw new Error(`${path} is not a regular file`);
    if (/^\/(proc|sys|dev)(\/|$)/.test(real))
        throw new Error(`${path} leads to ${real}, a file of the system, not a secret file`);
    // a file the checkout holds may be a symlink put there by a pull request: it must stay in the checkout
    const ws = (() => {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(workspace);
        }
        catch {
            return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace);
        }
    })();
    // `given` is resolved lexically (`conf/../x` is `x`, whatever `conf` is), so it decides which files of the checkout count
    if ((inside(given, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace)) || inside(given, ws)) && !inside(real, ws)) {
        throw new Error(`${path} is in the workspace but leads (through a symlink) outside it`);
    }
    return real;
}
/**
 * The three inputs -> the build secrets. `env`: where secret-envs are looked up (the step's environment,
 * which every docker process of the action inherits); `workspace`: what relative secret-files are
 * relative to (GITHUB_WORKSPACE).
 */
function parseSecrets(raw, env, workspace) {
    const errors = [];
    const warnings = [];
    const secrets = [];
    const seen = new Map();
    const add = (s, shortCheck) => {
        const first = seen.get(s.id);
        if (first) {
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d(s.input, `the secret id "${s.id}" is already given (${first.input}, line ${first.line}); each id once across secrets, secret-files and secret-envs`, s.line));
            return;
        }
        seen.set(s.id, s);
        secrets.push(s);
        if (shortCheck !== undefined && shortCheck.length < SHORT_SECRET) {
            warnings.push(`Input "${s.input}", line ${s.line}: the value of secret "${s.id}" is shorter than ${SHORT_SECRET} characters; it is used, and masked, but masking it turns every occurrence of those characters in the log into *** (is it the value you meant?)`);
        }
    };
    for (const { line, text } of secretEntries('secrets', raw.secrets, false, errors)) {
        const e = splitEntry(text);
        // the line holds a secret: errors quote its id at most
        if (!e) {
            const hint = text.includes('\n') || !text.includes('=') ? ' (a value over several lines is quoted as a whole: "id=line one ... last line")' : '';
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('secrets', `a secret is written id=value, ${ID_RULE} (the value is never shown)${hint}`, line, '***'));
            continue;
        }
        add({ source: 'value', id: e.id, input: 'secrets', line, value: e.value }, e.value);
    }
    for (const { line, text } of secretEntries('secret-files', raw.files, false, errors)) {
        const e = splitEntry(text);
        if (!e || !e.value) {
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('secret-files', `a secret file is written id=path, ${ID_RULE}`, line, text));
            continue;
        }
        try {
            add({ source: 'file', id: e.id, input: 'secret-files', line, path: resolveSecretFile(e.value, workspace) });
        }
        catch (err) {
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('secret-files', `secret "${e.id}": ${err.message}`, line));
        }
    }
    for (const { line, text } of secretEntries('secret-envs', raw.envs, true, errors)) {
        const e = splitEntry(text);
        if (!e || !ENV_NAME.test(e.value)) {
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('secret-envs', `a secret from the environment is written id=ENV_NAME, ${ID_RULE}, the variable's name letters, digits and "_"`, line, text));
            continue;
        }
        const value = env[e.value];
        if (value === undefined) {
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d('secret-envs', `secret "${e.id}": the environment variable ${e.value} is not set (set it in the step's env:)`, line));
            continue;
        }
        add({ source: 'env', id: e.id, input: 'secret-envs', line, env: e.value, value }, value);
    }
    return { secrets, warnings, errors };
}
/**
 * What to mask for the secrets: every value, and each line of a value over several lines (a build that
 * prints the secret prints it a line at a time). Lines shorter than SHORT_SECRET are not masked alone.
 */
function secretValues(secrets) {
    const out = new Set();
    for (const s of secrets) {
        if (s.source === 'file' || s.value === '')
            continue;
        out.add(s.value);
        for (const l of s.value.split(/\r\n|\n|\r/))
            if (l.trim().length >= SHORT_SECRET)
                out.add(l.trim());
    }
    return [...out];
}
/** A field of a buildx CSV attribute list, quoted when it holds a comma, a quote or a newline. */
function csvField(field) {
    return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
/** The bake `secret` entry of a file or env secret (value secrets are written to a file first). */
function bakeSecretEntry(s, valueFile) {
    switch (s.source) {
        case 'value':
            return `id=${s.id},${csvField(`src=${valueFile ?? ''}`)}`;
        case 'file':
            return `id=${s.id},type=file,${csvField(`src=${s.path}`)}`;
        case 'env':
            return `id=${s.id},type=env,env=${s.env}`;
    }
}


/***/ }),

/***/ 85377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ signSecretValues),
/* harmony export */   bR: () => (/* binding */ signWarnings),
/* harmony export */   jw: () => (/* binding */ checkSignInputs),
/* harmony export */   uA: () => (/* binding */ PUBLIC_REKOR),
/* harmony export */   xL: () => (/* binding */ SIGN_MODES)
/* harmony export */ });
/* unused harmony exports PUBLIC_FULCIO, NO_SIGNING, SIGNING_MODES, urlProblem, keyProblem */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42107);
/**
 * The signing inputs (issue 12): `sign` (none | key | keyless), `cosign-key` (a cosign private key, PEM:
 * a secret), `cosign-password` (its password: a secret), `transparency-log`, and the Sigstore instance of
 * keyless signing, `fulcio-url` and `rekor-url` (public-good by default). Pure; whether the job may ask
 * for an OIDC token (keyless: `permissions: id-token: write`) reads the environment and is checked by the
 * engine (engine/sign.ts checkKeylessPermission), also before any login or build;
 * every problem is an InputError naming the input, raised with the others before any login or build. A
 * message never quotes the key or the password.
 */

const SIGN_MODES = ['none', 'key', 'keyless'];
/** Sigstore's public-good instance: cosign's own defaults. */
const PUBLIC_FULCIO = 'https://fulcio.sigstore.dev';
const PUBLIC_REKOR = 'https://rekor.sigstore.dev';
const NO_SIGNING = { mode: 'none', key: '', password: '', transparencyLog: true, fulcioUrl: PUBLIC_FULCIO, rekorUrl: PUBLIC_REKOR };
/** The PEM types cosign reads as a private key file (`cosign generate-key-pair`; older cosign wrote COSIGN). */
const KEY_TYPES = ['ENCRYPTED SIGSTORE PRIVATE KEY', 'ENCRYPTED COSIGN PRIVATE KEY'];
/** The modes that sign: the ones that release (publish in one job, merge after the build legs). */
const SIGNING_MODES = ['publish', 'merge'];
/** Checks the signing inputs; returns them and the problems (nothing when valid). */
function checkSignInputs(raw) {
    const errors = [];
    const key = raw.key.trim() === '' ? '' : raw.key.replace(/\r\n/g, '\n').trim() + '\n';
    const url = (input, given, fallback) => {
        const value = (given ?? '').trim();
        if (!value)
            return fallback;
        const problem = urlProblem(value);
        // a URL with credentials in it is not quoted back
        if (problem)
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, problem, undefined, /\/\/[^/]*@/.test(value) ? undefined : value));
        return value.replace(/\/+$/, '');
    };
    const fulcioUrl = url('fulcio-url', raw.fulcioUrl, PUBLIC_FULCIO);
    const rekorUrl = url('rekor-url', raw.rekorUrl, PUBLIC_REKOR);
    const sign = { mode: raw.mode, key, password: raw.password, transparencyLog: raw.transparencyLog, fulcioUrl, rekorUrl };
    if (raw.mode === 'keyless') {
        if (raw.transparencyLogGiven && !raw.transparencyLog)
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('transparency-log', 'must be true with sign: keyless (a keyless signature is only verifiable through the transparency log)'));
    }
    if (raw.mode === 'key') {
        if (!key)
            errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('cosign-key', 'is required with sign: key: the private key cosign generate-key-pair wrote (cosign.key), from a secret'));
        else {
            const problem = keyProblem(key);
            if (problem)
                errors.push(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('cosign-key', problem.detail, problem.line));
        }
    }
    return { sign, errors };
}
/**
 * What is wrong with a Sigstore service URL: https, or plain http to this machine only (a private
 * Sigstore's stand-in on loopback); no credentials, query or fragment (cosign appends its API paths).
 */
function urlProblem(value) {
    let u;
    try {
        u = new URL(value);
    }
    catch {
        return 'is not a URL (expected https://host[:port][/path])';
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
        return `must be an https:// URL (not ${u.protocol})`;
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (u.protocol === 'http:' && !['127.0.0.1', '::1', 'localhost'].includes(host))
        return 'must be https:// (plain http:// only to this machine: 127.0.0.1, [::1], localhost)';
    if (u.username || u.password)
        return 'must not carry credentials (user:password@)';
    if (u.search || u.hash)
        return 'must not have a query or fragment (cosign appends the API paths to it)';
    return undefined;
}
/**
 * What is wrong with a key's text, never quoting it: one PEM block of a type cosign reads as a private
 * key, with a body. The line is the one that is wrong (1-based, as in the input).
 */
function keyProblem(key) {
    const lines = key.split('\n');
    const begin = lines.findIndex(l => /^-----BEGIN [A-Z0-9 ]+-----$/.test(l.trim()));
    if (begin < 0)
        return { detail: 'is not a PEM private key (no "-----BEGIN ...-----" line): give the content of cosign.key as cosign generate-key-pair wrote it, not a path or a KMS URI', line: 1 };
    if (lines.slice(0, begin).some(l => l.trim() !== ''))
        return { detail: 'has text before the "-----BEGIN" line: give the content of cosign.key alone', line: 1 };
    const type = /^-----BEGIN ([A-Z0-9 ]+)-----$/.exec(lines[begin].trim())[1];
    if (/PUBLIC KEY/.test(type))
        return { detail: 'is a public key (cosign.pub): give the private key (cosign.key); the public key is what consumers verify with', line: begin + 1 };
    if (!KEY_TYPES.includes(type))
        return { detail: `is a PEM block of type "${type}", which cosign does not sign with: convert it with \`cosign import-key-pair --key <file>\` (it writes an ENCRYPTED SIGSTORE PRIVATE KEY)`, line: begin + 1 };
    const end = lines.findIndex((l, i) => i > begin && l.trim() === `-----END ${type}-----`);
    if (end < 0)
        return { detail: `has no "-----END ${type}-----" line (cut short? a secret pasted without its last line)`, line: lines.length - (lines[lines.length - 1].trim() === '' ? 1 : 0) };
    if (end === begin + 1)
        return { detail: 'has an empty PEM block', line: end + 1 };
    const bad = lines.slice(begin + 1, end).findIndex(l => !/^[A-Za-z0-9+/=]*$/.test(l.trim()));
    if (bad >= 0)
        return { detail: 'has a line inside the PEM block that is not base64', line: begin + 2 + bad };
    if (lines.slice(end + 1).some(l => l.trim() !== ''))
        return { detail: `has text after the "-----END ${type}-----" line: give one key`, line: end + 2 };
    return undefined;
}
/** The values to mask in the log: the key, each line of its body (a runner masks a multi-line secret line by line at best), the password. */
function signSecretValues(sign) {
    if (!sign)
        return [];
    const body = sign.key
        .split('\n')
        .map(l => l.trim())
        .filter(l => l.length >= 8 && !l.startsWith('-----'));
    return [sign.key.trim(), ...body, sign.password].filter(v => v !== '');
}
/** Warnings about signing inputs a run does not read (said once, never failing the run). */
function signWarnings(mode, sign) {
    if (sign.mode === 'none')
        return sign.key ? ['Input "cosign-key" is given but sign is none: nothing is signed (set sign: key).'] : [];
    if (SIGNING_MODES.includes(mode))
        return sign.mode === 'keyless' && sign.key ? ['Input "cosign-key" is given but sign is keyless: the key is not used (the signatures are made with the workflow\'s OIDC identity).'] : [];
    return [`Input "sign" is read by mode: publish and mode: merge only (the runs that release); with mode: ${mode} nothing is signed here.`];
}


/***/ }),

/***/ 89801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_RUNNERS: () => (/* binding */ DEFAULT_RUNNERS),
/* harmony export */   FALLBACK_PLATFORM: () => (/* binding */ FALLBACK_PLATFORM),
/* harmony export */   computeLegs: () => (/* binding */ computeLegs),
/* harmony export */   parseRunners: () => (/* binding */ parseRunners)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _lib_platform_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56728);
/* harmony import */ var _inputs_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42107);
/**
 * The build legs of the reusable workflow (.github/workflows/publish.yml): which runner builds which
 * platforms. Pure: the platforms of the plan and the text of the `runners` input in, the legs out.
 *
 * - One leg per runner label; platforms that map to the same label share a leg.
 * - A platform without a runner of its own is built under QEMU in the leg of the runner of linux/amd64.
 * - Legs and the platforms inside a leg keep the order of the platforms list (the first platform of a leg
 *   decides where the leg stands), so the matrix is the same for the same inputs.
 */



/** The default of the workflow's `runners` input: GitHub-hosted runners, native arm64 for public repositories. */
const DEFAULT_RUNNERS = Object.freeze({
    'linux/amd64': 'ubuntu-24.04',
    'linux/arm64': 'ubuntu-24.04-arm'
});
/** The platform whose runner also builds, under QEMU, every platform without a runner of its own. */
const FALLBACK_PLATFORM = 'linux/amd64';
const RUNNERS = 'runners';
const EXAMPLE = '(e.g. {"linux/amd64": "ubuntu-24.04", "linux/arm64": "ubuntu-24.04-arm"})';
// Runner labels as GitHub accepts them in runs-on: no control characters, no leading/trailing blanks.
const LABEL = /^[^\s\p{Cc}](?:[^\p{Cc}]*[^\s\p{Cc}])?$/u;
/** Shortens what is quoted back in an error (a map pasted by mistake can be long). */
function quote(text) {
    const flat = JSON.stringify(text);
    return flat.length > 60 ? `${flat.slice(0, 57)}..."` : flat;
}
/**
 * Parses the `runners` input: a JSON object from platform to runner label. Empty text: the default map.
 * Keys are normalised (`Linux/ARM64` is `linux/arm64`); a platform given twice, also after normalising,
 * is an error, as is a key that is not a known platform or a value that is not a non-empty string.
 */
function parseRunners(text) {
    if (text.trim() === '')
        return new Map(Object.entries(DEFAULT_RUNNERS));
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (e) {
        throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(RUNNERS, `is not valid JSON (${e.message}); expected an object from platform to runner label ${EXAMPLE}`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
        throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(RUNNERS, `is ${kind}; expected a JSON object from platform to runner label ${EXAMPLE}`);
    }
    // JSON.parse keeps the last of two equal keys without a word: the YAML parser (JSON is YAML) reports them.
    const duplicate = (0,yaml__WEBPACK_IMPORTED_MODULE_0__.parseDocument)(text, { uniqueKeys: true }).errors.find(e => e.code === 'DUPLICATE_KEY');
    if (duplicate)
        throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(RUNNERS, `names a platform twice (${duplicate.message.split('\n')[0]})`);
    const runners = new Map();
    for (const [key, label] of Object.entries(value)) {
        let platform;
        try {
            platform = (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPlatform */ .Bq)((0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePlatform */ .FL)(key));
        }
        catch (e) {
            throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(RUNNERS, `key ${quote(key)}: ${e.message}`);
        }
        if (runners.has(platform))
            throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(RUNNERS, `names the platform ${platform} twice (as ${quote(key)} too)`);
        if (typeof label !== 'string' || !LABEL.test(label)) {
            const shown = typeof label === 'string' ? quote(label) : JSON.stringify(label) ?? String(label);
            throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(RUNNERS, `the runner of ${platform} must be a runner label (a non-empty string without line breaks), not ${shown}`);
        }
        runners.set(platform, label);
    }
    return runners;
}
/**
 * The legs for `platforms` (a list, or the text of a platforms input) and the text of the `runners` input.
 * Platforms given more than once (also after normalising) are built once.
 */
function computeLegs(platforms, runnersText) {
    const runners = parseRunners(runnersText);
    const wanted = [];
    for (const text of typeof platforms === 'string' ? (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .splitPlatforms */ .tM)(platforms) : platforms) {
        let platform;
        try {
            platform = (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPlatform */ .Bq)((0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePlatform */ .FL)(text));
        }
        catch (e) {
            throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d('platforms', e.message);
        }
        if (!wanted.includes(platform))
            wanted.push(platform);
    }
    if (wanted.length === 0)
        throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d('platforms', 'names no platform: there is nothing to build');
    const emulated = wanted.filter(p => !runners.has(p));
    const fallback = runners.get(FALLBACK_PLATFORM);
    if (emulated.length > 0 && fallback === undefined) {
        throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(RUNNERS, `has no runner for ${FALLBACK_PLATFORM}, which builds (under QEMU) the platforms without a runner of their own: ${emulated.join(', ')}; add one for each or one for ${FALLBACK_PLATFORM}`);
    }
    const legs = new Map();
    for (const platform of wanted) {
        const runner = runners.get(platform) ?? fallback;
        legs.set(runner, [...(legs.get(runner) ?? []), platform]);
    }
    return [...legs].map(([runner, list]) => ({ runner, platforms: list.join(',') }));
}


/***/ }),

/***/ 16517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EK: () => (/* binding */ isRawStatement),
/* harmony export */   XX: () => (/* binding */ render),
/* harmony export */   aC: () => (/* binding */ scheduleScope),
/* harmony export */   gm: () => (/* binding */ globalScope),
/* harmony export */   rM: () => (/* binding */ prepareExpressions)
/* harmony export */ });
/* unused harmony exports hasExpression, needsHandlebars */
let hbs;
let dayjs;
function hasExpression(text) {
    return text.includes('{{');
}
const BUILTIN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing', 'else', 'this']);
const STRING = String.raw `(?:'[^'\\]*'|"[^"\\]*")`;
const MUSTACHE = new RegExp(String.raw `^\s*([A-Za-z_][A-Za-z0-9_]*)((?:\s+${STRING})*)((?:\s+[A-Za-z_][A-Za-z0-9_]*=${STRING})*)\s*$`);
const PARAM = new RegExp(STRING, 'g');
const HASH = new RegExp(String.raw `([A-Za-z_][A-Za-z0-9_]*)=(${STRING})`, 'g');
const unquote = (s) => s.slice(1, -1);
/** The mustaches of a template when every one is of the simple shape, else undefined. */
function simpleMustaches(template) {
    if (template.includes('\\{{') || template.includes('{{{'))
        return undefined;
    const out = [];
    let at = 0;
    for (;;) {
        const open = template.indexOf('{{', at);
        if (open < 0)
            return out;
        const close = template.indexOf('}}', open + 2);
        if (close < 0)
            return undefined;
        const m = MUSTACHE.exec(template.slice(open + 2, close));
        if (!m || BUILTIN_HELPERS.has(m[1]))
            return undefined;
        const hash = {};
        for (const [, k, v] of m[3].matchAll(HASH))
            hash[k] = unquote(v);
        out.push({ start: open, end: close + 2, name: m[1], params: (m[2].match(PARAM) ?? []).map(unquote), hash });
        at = close + 2;
    }
}
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' };
/** handlebars' escapeExpression. */
function escapeExpression(value) {
    let s;
    if (typeof value !== 'string') {
        if (value == null)
            return '';
        if (!value)
            return String(value);
        s = '' + value;
    }
    else
        s = value;
    return /[&<>"'`=]/.test(s) ? s.replace(/[&<>"'`=]/g, c => ESCAPES[c]) : s;
}
/** Evaluates simple mustaches; undefined when handlebars must decide (e.g. a missing helper's error). */
function renderSimple(template, mustaches, context) {
    let out = '';
    let at = 0;
    for (const m of mustaches) {
        const value = Object.prototype.hasOwnProperty.call(context, m.name) ? context[m.name] : undefined;
        let result;
        if (typeof value === 'function') {
            result = value.call(context, ...m.params, { name: m.name, hash: m.hash, data: {} });
        }
        else {
            if (m.params.length || Object.keys(m.hash).length)
                return undefined; // handlebars: "Missing helper"
            result = value;
        }
        out += template.slice(at, m.start) + escapeExpression(result);
        at = m.end;
    }
    return out + template.slice(at);
}
/** True when the text needs handlebars itself (not only the simple shapes). */
function needsHandlebars(text) {
    return hasExpression(text) && simpleMustaches(text) === undefined;
}
/** Loads what the texts need: dayjs for date helpers, handlebars for anything beyond the simple shapes. */
async function prepareExpressions(texts) {
    const list = [...texts].filter(hasExpression);
    const loads = [];
    if (!dayjs && list.some(t => /date/.test(t))) {
        loads.push(Promise.all([
            __webpack_require__.e(/* import() */ 706).then(__webpack_require__.t.bind(__webpack_require__, 3706, 23)),
            __webpack_require__.e(/* import() */ 660).then(__webpack_require__.t.bind(__webpack_require__, 85279, 23)),
            __webpack_require__.e(/* import() */ 818).then(__webpack_require__.t.bind(__webpack_require__, 57818, 23)),
            __webpack_require__.e(/* import() */ 59).then(__webpack_require__.t.bind(__webpack_require__, 55440, 23)),
            // moment's week and day-of-year tokens (W, WW, w, ww, GGGG, gggg, DDD, E): advancedFormat calls these
            __webpack_require__.e(/* import() */ 72).then(__webpack_require__.t.bind(__webpack_require__, 59072, 23)),
            __webpack_require__.e(/* import() */ 901).then(__webpack_require__.t.bind(__webpack_require__, 94901, 23)),
            __webpack_require__.e(/* import() */ 880).then(__webpack_require__.t.bind(__webpack_require__, 28880, 23)),
            __webpack_require__.e(/* import() */ 919).then(__webpack_require__.t.bind(__webpack_require__, 11919, 23))
        ]).then(([d, ...plugins]) => {
            const dj = (d.default ?? d);
            for (const p of plugins)
                dj.extend((p.default ?? p));
            dayjs = dj;
        }));
    }
    if (!hbs && list.some(needsHandlebars)) {
        loads.push(__webpack_require__.e(/* import() */ 347).then(__webpack_require__.t.bind(__webpack_require__, 66347, 23)).then(h => {
            hbs = (h.default ?? h);
        }));
    }
    await Promise.all(loads);
}
function engine() {
    if (!hbs)
        throw new Error('internal: the expression engine was not prepared');
    return hbs;
}
/** Renders a template against a context exactly as handlebars would; text without `{{` is returned as it is. */
function render(template, context) {
    if (!hasExpression(template))
        return template;
    const simple = simpleMustaches(template);
    const out = simple && renderSimple(template, simple, context);
    return out ?? engine().compile(template)(context);
}
/** True when a pattern is exactly one `{{raw}}` mustache (metadata-action keeps such pre-release tags unchanged). */
function isRawStatement(pattern) {
    if (!hasExpression(pattern))
        return false;
    const simple = simpleMustaches(pattern);
    if (simple)
        return simple.length === 1 && simple[0].start === 0 && simple[0].end === pattern.length && simple[0].name === 'raw';
    try {
        const program = engine().parseWithoutProcessing(pattern);
        const [only] = program.body;
        if (program.body.length === 1 && only.type === 'MustacheStatement') {
            const parts = only.path.parts ?? [];
            return parts.length === 1 && parts[0] === 'raw';
        }
    }
    catch {
        return false;
    }
    return false;
}
/** A `{{date}}`-style helper: moment-compatible format string, `tz=` option, UTC by default. */
function dateHelper(date, defaultTz) {
    return function (format, options) {
        if (options === undefined) {
            // `{{date}}` with no argument: handlebars passes its options object first
            options = format;
            format = undefined;
        }
        let tz = defaultTz;
        for (const key of Object.keys(options?.hash ?? {})) {
            if (key !== 'tz')
                throw new Error(`Unknown ${key} attribute`);
            tz = String(options.hash[key]);
        }
        return withKnownLocalZone(() => {
            const dj = dayjs;
            const d = tz === 'UTC' ? dj.utc(date) : dj(date).tz(tz);
            if (typeof format !== 'string') {
                // moment's default format, which metadata-action shows for an unquoted format
                return d.format(tz === 'UTC' ? 'YYYY-MM-DDTHH:mm:ss[Z]' : 'YYYY-MM-DDTHH:mm:ssZ');
            }
            return d.format(momentTokens(format, d, date));
        });
    };
}
/**
 * dayjs checks a date with `Date#toString()`, which in local time makes V8 work out the machine's time
 * zone first (~10 ms of a cold start). Nothing here uses local time, so while formatting, the local zone
 * is UTC; the environment is left as it was (child processes never see the change).
 */
function withKnownLocalZone(fn) {
    if (process.env['TZ'] !== undefined)
        return fn();
    process.env['TZ'] = 'UTC';
    try {
        return fn();
    }
    finally {
        delete process.env['TZ'];
    }
}
/**
 * metadata-action formats with moment. The moment tokens dayjs' format lacks (DDD, DDDD, E, e) or gets
 * wrong in another time zone (X, x: an instant does not depend on the zone) become literals first;
 * `[...]` escapes are kept as they are.
 */
function momentTokens(format, d, date) {
    return format.replace(/\[[^\]]*]|DDDD|DDD|X|x|E|e/g, token => {
        switch (token) {
            case 'DDDD':
                return `[${String(d.dayOfYear()).padStart(3, '0')}]`;
            case 'DDD':
                return `[${d.dayOfYear()}]`;
            case 'E':
                return `[${d.isoWeekday()}]`;
            case 'e':
                return `[${d.day()}]`; // the English locale's week starts on Sunday, as moment's default
            case 'X':
                return `[${Math.floor(date.getTime() / 1000)}]`;
            case 'x':
                return `[${date.getTime()}]`;
            default:
                return token;
        }
    });
}
/** The variables and helpers of every expression (labels, values, prefixes, ...). */
function globalScope(ctx, defaultTz = 'UTC') {
    const isDefaultBranch = () => {
        const branch = ctx.ref.replace(/^refs\/heads\//g, '');
        if (!branch)
            return false;
        if (ctx.payload?.repository?.default_branch == branch)
            return true;
        // these events always run on the last commit of the default branch
        return /create|discussion|issues|schedule/.test(ctx.eventName);
    };
    return {
        branch: () => (/^refs\/heads\//.test(ctx.ref) ? ctx.ref.replace(/^refs\/heads\//g, '') : ''),
        tag: () => (/^refs\/tags\//.test(ctx.ref) ? ctx.ref.replace(/^refs\/tags\//g, '') : ''),
        sha: () => ctx.shortSha,
        base_ref: () => {
            if (/^refs\/tags\//.test(ctx.ref) && ctx.payload?.base_ref != undefined)
                return String(ctx.payload.base_ref).replace(/^refs\/heads\//g, '');
            if (/^refs\/pull\//.test(ctx.ref) && ctx.payload?.pull_request?.base?.ref != undefined)
                return String(ctx.payload.pull_request.base.ref);
            return '';
        },
        is_default_branch: () => String(isDefaultBranch()),
        is_not_default_branch: () => String(!isDefaultBranch()),
        date: dateHelper(ctx.now, defaultTz),
        commit_date: dateHelper(ctx.commitDate, defaultTz)
    };
}
/** Only the date helpers: what a `type=schedule` pattern sees. */
function scheduleScope(ctx, defaultTz = 'UTC') {
    return { date: dateHelper(ctx.now, defaultTz), commit_date: dateHelper(ctx.commitDate, defaultTz) };
}


/***/ }),

/***/ 1606:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FT: () => (/* binding */ computeMetadata),
/* harmony export */   TI: () => (/* binding */ needsCommitDate),
/* harmony export */   rK: () => (/* binding */ imageTags)
/* harmony export */ });
/* unused harmony export expressionContext */
/* harmony import */ var _inputs_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42107);
/* harmony import */ var _expressions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(16517);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54586);
/* harmony import */ var _labels_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48911);
/**
 * The metadata engine: tags, labels and annotations from the inputs and the GitHub context, identical to
 * docker/metadata-action's for the same inputs. Pure: everything it needs is handed to it.
 */




/** Every text that may hold an expression, so the engine is loaded only when one does. */
function expressionTexts(inp) {
    return [
        ...inp.tags.flatMap(t => Object.values(t.attrs)),
        inp.flavor.prefix,
        inp.flavor.suffix,
        ...inp.labels.map(l => l.text),
        ...inp.annotations.map(a => a.text)
    ];
}
function expressionContext(ctx) {
    return {
        ref: ctx.ref,
        sha: ctx.sha,
        shortSha: ctx.shortSha,
        eventName: ctx.eventName,
        payload: ctx.payload,
        now: ctx.now,
        commitDate: ctx.commitDate ?? ctx.now
    };
}
/** True when some expression reads the commit date (the caller then resolves it, maybe through the API). */
function needsCommitDate(inp) {
    return expressionTexts(inp).some(t => t.includes('commit_date'));
}
async function computeMetadata(inp, ctx, repo) {
    await (0,_expressions_js__WEBPACK_IMPORTED_MODULE_1__/* .prepareExpressions */ .rM)(expressionTexts(inp));
    const warnings = [];
    const errors = [];
    const ectx = expressionContext(ctx);
    const version = (0,_version_js__WEBPACK_IMPORTED_MODULE_2__/* .computeVersion */ .E2)({ tags: inp.tags, flavor: inp.flavor, defaultBranch: repo.defaultBranch || ctx.defaultBranch, fileVersion: inp.fileVersion }, ectx, m => warnings.push(m), (tag, message) => errors.push(new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('tags', message, tag.line, tag.source)));
    // Render each custom line once on its own, so that a broken expression is reported with its line.
    const scope = (0,_expressions_js__WEBPACK_IMPORTED_MODULE_1__/* .globalScope */ .gm)(ectx);
    for (const [input, entries] of [['labels', inp.labels], ['annotations', inp.annotations]]) {
        for (const entry of entries) {
            try {
                (0,_expressions_js__WEBPACK_IMPORTED_MODULE_1__/* .render */ .XX)(entry.text, scope);
            }
            catch (e) {
                errors.push(new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, e.message, entry.line, entry.text));
            }
        }
    }
    if (errors.length)
        throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputErrors */ .G(errors);
    const names = (0,_version_js__WEBPACK_IMPORTED_MODULE_2__/* .tagNames */ .nP)(version, inp.flavor);
    const defaults = (0,_labels_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultOciEntries */ .VI)(repo, version.main, ctx.now, ctx.sha);
    return {
        version,
        tagNames: names,
        latestTags: version.latest ? [names[names.length - 1]] : [(0,_version_js__WEBPACK_IMPORTED_MODULE_2__/* .sanitizeTag */ .iP)(`${inp.flavor.prefixLatest ? inp.flavor.prefix : ''}latest${inp.flavor.suffixLatest ? inp.flavor.suffix : ''}`)],
        labels: (0,_labels_js__WEBPACK_IMPORTED_MODULE_3__/* .toLines */ .P_)((0,_labels_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveLabels */ .iW)(defaults, inp.labels, ectx)),
        annotations: (0,_labels_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveAnnotations */ .Rn)(defaults, inp.annotations, ectx, inp.annotationLevels),
        defaults,
        expressionContext: ectx,
        warnings
    };
}
/** `image:tag` for every image and tag name, image by image; bare tag names when there is no image. */
function imageTags(images, names) {
    if (images.length === 0)
        return [...names];
    return images.flatMap(image => names.map(n => `${image}:${n}`));
}


/***/ }),

/***/ 48911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P_: () => (/* binding */ toLines),
/* harmony export */   Rn: () => (/* binding */ resolveAnnotations),
/* harmony export */   VI: () => (/* binding */ defaultOciEntries),
/* harmony export */   ek: () => (/* binding */ splitAnnotationLevel),
/* harmony export */   iW: () => (/* binding */ resolveLabels),
/* harmony export */   jm: () => (/* binding */ keyValueObject)
/* harmony export */ });
/* unused harmony exports mergeEntries, ANNOTATION_LEVELS */
/* harmony import */ var _expressions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16517);
/**
 * OCI labels and annotations: the eight `org.opencontainers.image.*` defaults metadata-action derives from
 * the repository and the version, then the user's `key=value` lines (expressions allowed), later keys
 * overriding earlier ones, sorted by key.
 */

function defaultOciEntries(repo, version, created, sha) {
    return [
        `org.opencontainers.image.title=${repo.name || ''}`,
        `org.opencontainers.image.description=${repo.description || ''}`,
        `org.opencontainers.image.url=${repo.htmlUrl || ''}`,
        `org.opencontainers.image.source=${repo.htmlUrl || ''}`,
        `org.opencontainers.image.version=${version || ''}`,
        `org.opencontainers.image.created=${created.toISOString()}`,
        `org.opencontainers.image.revision=${sha || ''}`,
        `org.opencontainers.image.licenses=${repo.license || ''}`
    ];
}
/**
 * Merges `key=value` entries into a sorted map: later entries win, entries without `=` are dropped
 * (as metadata-action drops them), a value keeps any further `=`.
 */
function mergeEntries(entries) {
    const map = new Map();
    for (const entry of entries) {
        const i = entry.indexOf('=');
        if (i < 0)
            continue;
        map.set(entry.slice(0, i), entry.slice(i + 1));
    }
    return new Map([...map].sort((a, b) => compareKeys(a[0], b[0])));
}
/**
 * metadata-action sorts keys with localeCompare. For keys made of lower-case letters, digits, `.` and `-`
 * (every OCI key), code-unit order is the same order, and skips loading ICU's collator (~8 ms).
 */
const SIMPLE_KEY = /^[a-z0-9.-]*$/;
function compareKeys(a, b) {
    if (SIMPLE_KEY.test(a) && SIMPLE_KEY.test(b))
        return a < b ? -1 : a > b ? 1 : 0;
    return a.localeCompare(b);
}
/** `key=value` lines as an object (each splits at its first `=`). */
function keyValueObject(lines) {
    return Object.fromEntries(lines.map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}
function toLines(map) {
    return [...map].map(([k, v]) => `${k}=${v}`);
}
/** Labels: defaults, then custom lines rendered with the global expressions, then per-build overrides. */
function resolveLabels(defaults, custom, ctx, overrides = []) {
    const scope = (0,_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .globalScope */ .gm)(ctx);
    return mergeEntries([...defaults, ...custom.map(c => (0,_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .render */ .XX)(c.text, scope)), ...overrides]);
}
/**
 * Annotations per level. Every level of `defaultLevels` gets the defaults and the lines without a level;
 * a line that names levels (`index:key=value`) applies to those levels only.
 * Returns `level:key=value` lines, level by level, keys sorted, as metadata-action writes them.
 */
function resolveAnnotations(defaults, custom, ctx, defaultLevels, overrides = []) {
    const scope = (0,_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .globalScope */ .gm)(ctx);
    const rendered = custom.map(c => ({ levels: c.levels, text: (0,_expressions_js__WEBPACK_IMPORTED_MODULE_0__/* .render */ .XX)(c.text, scope) }));
    const levels = [...defaultLevels];
    for (const c of rendered)
        for (const l of c.levels ?? [])
            if (!levels.includes(l))
                levels.push(l);
    const out = [];
    for (const level of levels) {
        const isDefault = defaultLevels.includes(level);
        const entries = [
            ...(isDefault ? defaults : []),
            ...rendered.filter(c => (c.levels ? c.levels.includes(level) : isDefault)).map(c => c.text),
            ...overrides
        ];
        for (const line of toLines(mergeEntries(entries)))
            out.push(`${level}:${line}`);
    }
    return out;
}
/** Splits `manifest,index:key=value` into its levels and the entry; lines without a level prefix keep levels undefined. */
const ANNOTATION_LEVELS = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'];
function splitAnnotationLevel(line) {
    const m = /^([a-z-]+(?:\[[^\]]*\])?(?:,[a-z-]+(?:\[[^\]]*\])?)*):(.*)$/.exec(line);
    if (m) {
        const levels = m[1].split(',');
        if (levels.every(l => ANNOTATION_LEVELS.includes(l.replace(/\[.*\]$/, ''))))
            return { levels, text: m[2] };
    }
    return { text: line };
}


/***/ }),

/***/ 854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jy: () => (/* binding */ DEFAULT_TAG_EXPRESSIONS),
/* harmony export */   YG: () => (/* binding */ parseTagExpression),
/* harmony export */   e2: () => (/* binding */ sortByPriority),
/* harmony export */   xk: () => (/* binding */ matchRegex)
/* harmony export */ });
/* unused harmony exports TAG_TYPES, REF_EVENTS, SHA_FORMATS, TAG_ATTRIBUTES, DEFAULT_PRIORITIES, checkTimeZone, describeTag */
/* harmony import */ var _inputs_csv_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54754);
/**
 * Tag expressions (`type=semver,pattern={{version}}`), read exactly as docker/metadata-action reads
 * them: the same types, attributes, defaults, priorities and errors.
 */

const TAG_TYPES = ['schedule', 'semver', 'pep440', 'match', 'edge', 'ref', 'raw', 'sha'];
const REF_EVENTS = ['branch', 'tag', 'pr'];
const SHA_FORMATS = ['short', 'long'];
/** Attributes a tag expression may carry; anything else is a typo we refuse rather than ignore. */
const TAG_ATTRIBUTES = ['type', 'value', 'pattern', 'group', 'match', 'event', 'branch', 'format', 'prefix', 'suffix', 'enable', 'priority', 'tz'];
const DEFAULT_PRIORITIES = {
    schedule: 1000,
    semver: 900,
    pep440: 900,
    match: 800,
    edge: 700,
    ref: 600,
    raw: 200,
    sha: 100
};
/** metadata-action's defaults when the `tags` input is empty. */
const DEFAULT_TAG_EXPRESSIONS = ['type=schedule', 'type=ref,event=branch', 'type=ref,event=tag', 'type=ref,event=pr'];
const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
/** Parses one tag expression; throws an Error whose message explains what is wrong. */
function parseTagExpression(source) {
    let fields;
    try {
        fields = (0,_inputs_csv_js__WEBPACK_IMPORTED_MODULE_0__/* .splitFields */ .K)(source);
    }
    catch (e) {
        throw new Error(`cannot be read as comma-separated fields: ${e.message}`);
    }
    let type;
    const attrs = {};
    for (const field of fields) {
        const { key, value } = (0,_inputs_csv_js__WEBPACK_IMPORTED_MODULE_0__/* .splitKeyValue */ .p)(field);
        if (key === undefined) {
            attrs['value'] = value;
        }
        else if (key === 'type') {
            if (!TAG_TYPES.includes(value)) {
                throw new Error(`unknown tag type "${value}" (expected one of ${TAG_TYPES.join(', ')})`);
            }
            type = value;
        }
        else if (!TAG_ATTRIBUTES.includes(key)) {
            throw new Error(`unknown attribute "${key}" (expected one of ${TAG_ATTRIBUTES.join(', ')})`);
        }
        else {
            attrs[key] = value;
        }
    }
    type ??= 'raw';
    switch (type) {
        case 'schedule':
            if (!has(attrs, 'pattern'))
                attrs['pattern'] = 'nightly';
            break;
        case 'semver':
        case 'pep440':
            if (!has(attrs, 'pattern'))
                throw new Error(`missing pattern attribute for type=${type}`);
            attrs['value'] ??= '';
            attrs['match'] ??= '';
            if (attrs['match'])
                compileRegex(attrs['match'], 'match');
            break;
        case 'match':
            if (!has(attrs, 'pattern'))
                throw new Error('missing pattern attribute for type=match');
            attrs['group'] ??= '0';
            if (!/^\d+$/.test(attrs['group']))
                throw new Error(`invalid match group "${attrs['group']}" (a number is expected)`);
            attrs['value'] ??= '';
            matchRegex(attrs['pattern']);
            break;
        case 'edge':
            attrs['branch'] ??= '';
            break;
        case 'ref':
            if (!has(attrs, 'event'))
                throw new Error(`missing event attribute for type=ref (one of ${REF_EVENTS.join(', ')})`);
            if (!REF_EVENTS.includes(attrs['event'])) {
                throw new Error(`invalid event "${attrs['event']}" for type=ref (one of ${REF_EVENTS.join(', ')})`);
            }
            if (attrs['event'] === 'pr' && !has(attrs, 'prefix'))
                attrs['prefix'] = 'pr-';
            break;
        case 'raw':
            if (!has(attrs, 'value'))
                throw new Error('missing value attribute for type=raw');
            break;
        case 'sha':
            if (!has(attrs, 'prefix'))
                attrs['prefix'] = 'sha-';
            attrs['format'] ??= 'short';
            if (!SHA_FORMATS.includes(attrs['format'])) {
                throw new Error(`invalid format "${attrs['format']}" for type=sha (one of ${SHA_FORMATS.join(', ')})`);
            }
            break;
    }
    if (attrs['tz'] !== undefined)
        checkTimeZone(attrs['tz']);
    attrs['enable'] ??= 'true';
    if (has(attrs, 'priority')) {
        // metadata-action reads it with parseInt: a whole number, nothing else (no Infinity, no 1.5)
        if (!/^-?\d+$/.test(attrs['priority']) || !Number.isSafeInteger(Number(attrs['priority'])))
            throw new Error(`invalid priority "${attrs['priority']}" (a number is expected)`);
    }
    else {
        attrs['priority'] = String(DEFAULT_PRIORITIES[type]);
    }
    return { type, attrs, priority: Number(attrs['priority']), source };
}
/** Orders expressions by priority, highest first; equal priorities keep their written order. */
function sortByPriority(tags) {
    return [...tags].sort((a, b) => b.priority - a.priority);
}
/** Throws unless `tz` is an IANA time zone this runtime knows (`Asia/Tokyo`, `UTC`, ...). */
function checkTimeZone(tz) {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
    }
    catch {
        throw new Error(`unknown time zone "${tz}" (an IANA name such as UTC or Europe/Paris is expected)`);
    }
}
function compileRegex(source, what, flags) {
    try {
        return new RegExp(source, flags);
    }
    catch (e) {
        throw new Error(`${what} "${source}" is not a valid regular expression: ${e.message}`);
    }
}
/** A match pattern is a regex source, or `/source/flags` as metadata-action allows. */
function matchRegex(pattern) {
    const literal = /^\/(.+)\/(.*)$/.exec(pattern);
    return literal ? compileRegex(literal[1], 'pattern', literal[2]) : compileRegex(pattern, 'pattern');
}
function describeTag(tag) {
    return [`type=${tag.type}`, ...Object.entries(tag.attrs).map(([k, v]) => `${k}=${v}`)].join(',');
}


/***/ }),

/***/ 54586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E2: () => (/* binding */ computeVersion),
/* harmony export */   iP: () => (/* binding */ sanitizeTag),
/* harmony export */   nP: () => (/* binding */ tagNames)
/* harmony export */ });
/* unused harmony export OCI_TAG */
/* harmony import */ var _lib_semver_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75419);
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68898);
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _expressions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16517);
/* harmony import */ var _tag_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(854);
/**
 * The version and the tag names: docker/metadata-action's rules, expression by expression in priority
 * order. The first non-empty value is the version (`main`), later ones are `partial` tags, and the first
 * expression that yields a value decides whether `latest` is added.
 */




/** What a registry accepts as a tag (the OCI distribution spec). */
const OCI_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
function sanitizeTag(tag) {
    return tag.replace(/[^a-zA-Z0-9._-]+/g, '-');
}
/**
 * Computes the version. An expression that cannot be evaluated (bad `enable`, a handlebars error, an
 * unknown helper attribute) is reported through `fail` and skipped, so that every such line is reported.
 */
function computeVersion(inp, ctx, warn, fail) {
    const { flavor } = inp;
    const scope = (tag) => (0,_expressions_js__WEBPACK_IMPORTED_MODULE_2__/* .globalScope */ .gm)(ctx, tag.attrs['tz'] || 'UTC');
    const exp = (text, tag) => (0,_expressions_js__WEBPACK_IMPORTED_MODULE_2__/* .render */ .XX)(text, scope(tag));
    let main;
    const partial = [];
    let latest;
    const latestFor = (auto) => (flavor.latest === 'auto' ? auto : flavor.latest === 'true');
    const withAffixes = (val, tag) => {
        if (Object.prototype.hasOwnProperty.call(tag.attrs, 'prefix'))
            val = `${exp(tag.attrs['prefix'], tag)}${val}`;
        else if (flavor.prefix.length > 0)
            val = `${exp(flavor.prefix, tag)}${val}`;
        if (Object.prototype.hasOwnProperty.call(tag.attrs, 'suffix'))
            val = `${val}${exp(tag.attrs['suffix'], tag)}`;
        else if (flavor.suffix.length > 0)
            val = `${val}${exp(flavor.suffix, tag)}`;
        return val;
    };
    let current;
    const add = (val, isLatest) => {
        if (val.length === 0)
            return;
        val = sanitizeTag(val);
        // metadata-action would hand such a tag on, and the registry would refuse it after the build
        if (!OCI_TAG.test(val)) {
            if (current)
                fail(current, `produces the tag "${val}", which is not a valid OCI tag (a letter, digit or _ first, then letters, digits, _ . -, 128 characters at most)`);
            return;
        }
        if (main === undefined)
            main = val;
        else if (val !== main)
            partial.push(val);
        if (latest === undefined)
            latest = isLatest;
    };
    const ref = ctx.ref;
    const isTag = /^refs\/tags\//.test(ref);
    const isBranch = /^refs\/heads\//.test(ref);
    const isPr = /^refs\/pull\//.test(ref);
    const tagName = ref.replace(/^refs\/tags\//g, '');
    /** The raw version a semver/pep440/match expression works on, or undefined when it does not apply. */
    const versionSource = (tag, useFile) => {
        if (tag.attrs['value'].length > 0)
            return exp(tag.attrs['value'], tag);
        if (useFile && inp.fileVersion !== undefined)
            return inp.fileVersion;
        return isTag ? tagName : undefined;
    };
    const applyMatch = (tag, vraw) => {
        if (!tag.attrs['match'])
            return vraw;
        const m = vraw.match(new RegExp(tag.attrs['match']));
        if (!m) {
            warn(`${tag.attrs['match']} does not match ${vraw}.`);
            return vraw;
        }
        return m[1];
    };
    for (const tag of inp.tags) {
        current = tag;
        try {
            evaluate(tag);
        }
        catch (e) {
            fail(tag, e.message);
        }
    }
    return { main, partial: partial.filter((t, i) => partial.indexOf(t) === i), latest: latest ?? false };
    function evaluate(tag) {
        const enabled = exp(tag.attrs['enable'], tag);
        if (!['true', 'false'].includes(enabled))
            throw new Error(`invalid value for enable attribute: "${enabled}" (true or false)`);
        if (enabled !== 'true')
            return;
        switch (tag.type) {
            case 'schedule': {
                if (!/schedule/.test(ctx.eventName))
                    break;
                add(withAffixes((0,_expressions_js__WEBPACK_IMPORTED_MODULE_2__/* .render */ .XX)(tag.attrs['pattern'], (0,_expressions_js__WEBPACK_IMPORTED_MODULE_2__/* .scheduleScope */ .aC)(ctx, tag.attrs['tz'] || 'UTC')), tag), latestFor(false));
                break;
            }
            case 'semver': {
                let vraw = versionSource(tag, true);
                if (vraw === undefined)
                    break;
                vraw = applyMatch(tag, vraw).replace(/\//g, '-');
                if (!_lib_semver_js__WEBPACK_IMPORTED_MODULE_0__/* .valid */ .rZ(vraw)) {
                    warn(`${vraw} is not a valid semver. More info: https://semver.org/`);
                    break;
                }
                const sver = _lib_semver_js__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg(vraw, { loose: true });
                if (_lib_semver_js__WEBPACK_IMPORTED_MODULE_0__/* .prerelease */ .Rt(vraw)) {
                    const pattern = (0,_expressions_js__WEBPACK_IMPORTED_MODULE_2__/* .isRawStatement */ .EK)(tag.attrs['pattern']) ? tag.attrs['pattern'] : '{{version}}';
                    add(withAffixes((0,_expressions_js__WEBPACK_IMPORTED_MODULE_2__/* .render */ .XX)(pattern, sver), tag), latestFor(false));
                }
                else {
                    add(withAffixes((0,_expressions_js__WEBPACK_IMPORTED_MODULE_2__/* .render */ .XX)(tag.attrs['pattern'], sver), tag), latestFor(true));
                }
                break;
            }
            case 'pep440': {
                let vraw = versionSource(tag, true);
                if (vraw === undefined)
                    break;
                vraw = applyMatch(tag, vraw).replace(/\//g, '-');
                if (!_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_1__.valid(vraw)) {
                    warn(`${vraw} does not conform to PEP 440. More info: https://www.python.org/dev/peps/pep-0440`);
                    break;
                }
                const pver = _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_1__.explain(vraw);
                const v = vraw;
                if (pver.is_prerelease || pver.is_postrelease || pver.is_devrelease) {
                    add(withAffixes((0,_expressions_js__WEBPACK_IMPORTED_MODULE_2__/* .isRawStatement */ .EK)(tag.attrs['pattern']) ? v : (_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_1__.clean(v) ?? v), tag), latestFor(false));
                }
                else {
                    const vars = {
                        raw: () => v,
                        version: () => _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_1__.clean(v),
                        major: () => _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_1__.major(v),
                        minor: () => _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_1__.minor(v),
                        patch: () => _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_1__.patch(v)
                    };
                    add(withAffixes((0,_expressions_js__WEBPACK_IMPORTED_MODULE_2__/* .render */ .XX)(tag.attrs['pattern'], vars), tag), latestFor(true));
                }
                break;
            }
            case 'match': {
                const vraw = versionSource(tag, false);
                if (vraw === undefined)
                    break;
                const m = vraw.match((0,_tag_js__WEBPACK_IMPORTED_MODULE_3__/* .matchRegex */ .xk)(tag.attrs['pattern']));
                if (!m) {
                    warn(`${tag.attrs['pattern']} does not match ${vraw}.`);
                    break;
                }
                const group = m[Number(tag.attrs['group'])];
                if (group === undefined) {
                    warn(`Group ${tag.attrs['group']} does not exist for ${tag.attrs['pattern']} pattern.`);
                    break;
                }
                add(withAffixes(group, tag), latestFor(true));
                break;
            }
            case 'ref': {
                const event = tag.attrs['event'];
                if (event === 'branch' && isBranch)
                    add(withAffixes(ref.replace(/^refs\/heads\//g, ''), tag), latestFor(false));
                else if (event === 'tag' && isTag)
                    add(withAffixes(tagName, tag), latestFor(true));
                else if (event === 'pr' && isPr)
                    add(withAffixes(ref.replace(/^refs\/pull\//g, '').replace(/\/merge$/g, ''), tag), latestFor(false));
                break;
            }
            case 'edge': {
                if (!isBranch)
                    break;
                const branch = tag.attrs['branch'] || inp.defaultBranch;
                if (branch !== ref.replace(/^refs\/heads\//g, ''))
                    break;
                add(withAffixes('edge', tag), latestFor(false));
                break;
            }
            case 'raw':
                add(withAffixes(exp(tag.attrs['value'], tag), tag), latestFor(false));
                break;
            case 'sha': {
                if (!ctx.sha)
                    break;
                add(withAffixes(tag.attrs['format'] === 'short' ? ctx.shortSha : ctx.sha, tag), latestFor(false));
                break;
            }
        }
    }
}
/** The tag names (no image): the version, the partial tags, then `latest` with the flavor it asks for. */
function tagNames(version, flavor) {
    if (!version.main)
        return [];
    const names = [version.main, ...version.partial];
    if (version.latest) {
        names.push(sanitizeTag(`${flavor.prefixLatest ? flavor.prefix : ''}latest${flavor.suffixLatest ? flavor.suffix : ''}`));
    }
    return names;
}


/***/ }),

/***/ 75455:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fz: () => (/* binding */ withoutPush),
/* harmony export */   Gg: () => (/* binding */ buildPlan)
/* harmony export */ });
/* unused harmony exports pushDecision, qualifyImageName, standardBuildArgs */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _lib_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2470);
/* harmony import */ var _metadata_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1606);
/* harmony import */ var _metadata_labels_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48911);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(91130);
/* harmony import */ var _inputs_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(42107);
/* harmony import */ var _arch_tags_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(32352);
/**
 * Inputs + Context + Metadata -> Plan: which builds run, under which names and tags, for which
 * platforms, with which labels, annotations and build args, whether they are pushed, and the policy's
 * verdict. Pure. The plan is the `plan` output, what dry-run prints, and what the engine executes.
 */







/** Events on which `push: auto` publishes; pull requests only build (as a check). */
const PUSH_EVENTS = ['push', 'create', 'release', 'schedule', 'workflow_dispatch', 'repository_dispatch', 'registry_package'];
/** Release activities that publish; an edited, deleted or unpublished release does not. */
const PUBLISHING_RELEASE_ACTIONS = ['published', 'created', 'released', 'prereleased'];
function pushDecision(mode, eventName, action) {
    if (mode === 'true')
        return { push: true, reason: 'push: true' };
    if (mode === 'false')
        return { push: false, reason: 'push: false' };
    if (eventName === 'release' && action && !PUBLISHING_RELEASE_ACTIONS.includes(action)) {
        return { push: false, reason: `release ${action} event: not a publishing event (set push: true to publish)` };
    }
    if (PUSH_EVENTS.includes(eventName))
        return { push: true, reason: `${eventName} event` };
    if (/pull_request/.test(eventName))
        return { push: false, reason: `${eventName} event: built as a check, not pushed` };
    return { push: false, reason: `${eventName || 'unknown'} event: not a publishing event (set push: true to publish)` };
}
/** The plan with nothing pushed, for the reason given (a build that loads its images into the local store). */
function withoutPush(plan, reason) {
    return { ...plan, push: false, pushReason: reason, builds: plan.builds.map(b => ({ ...b, push: false })) };
}
/**
 * A name as the registry sees it: kept when it names a registry domain (or the registry is docker.io);
 * a bare name gets `<registry>/<owner>/`, a `path/name` gets `<registry>/`. Lowercased (GHCR requires it).
 */
function qualifyImageName(name, registry, owner) {
    let full = name;
    if ((0,_lib_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .registryDomain */ .Em)(name) === undefined && registry !== 'docker.io') {
        full = !name.includes('/') && !registry.includes('/') ? `${registry}/${owner}/${name}` : `${registry}/${name}`;
    }
    return full.toLowerCase();
}
/** The Dockerfile of an image line: `file=`, else `<context>/Dockerfile`. */
function dockerfile(img) {
    return img.file ?? node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(img.context, 'Dockerfile');
}
function buildKey(img, platforms) {
    return JSON.stringify([dockerfile(img), img.context, img.target ?? '', platforms, img.title ?? null, img.description ?? null]);
}
function uniqueId(name, taken) {
    const base = (name.split('/').pop() || 'image').replace(/[^a-z0-9_-]/g, '-') || 'image';
    let id = base;
    for (let i = 2; taken.has(id); i++)
        id = `${base}-${i}`;
    taken.add(id);
    return id;
}
function standardBuildArgs(metadata, ctx) {
    return {
        VERSION: metadata.version.main ?? '',
        BUILD_DATE: ctx.now.toISOString(),
        VCS_REF: ctx.shortSha,
        COMMIT_SHA: ctx.sha
    };
}
function buildPlan(inputs, ctx, metadata, annotationLevels) {
    const { push, reason } = pushDecision(inputs.push, ctx.eventName, typeof ctx.payload.action === 'string' ? ctx.payload.action : undefined);
    const enabled = inputs.images.filter(i => i.enable);
    const userArgs = (0,_metadata_labels_js__WEBPACK_IMPORTED_MODULE_3__/* .keyValueObject */ .jm)(inputs.buildArgs);
    const buildArgs = { ...(inputs.defaultBuildArgs ? standardBuildArgs(metadata, ctx) : {}), ...userArgs };
    // Lines with the same build settings are one build published under several names. One name is
    // published by one build only: two builds pushing the same tags would leave only the last one's image.
    const groups = new Map();
    const builtBy = new Map();
    const conflicts = [];
    for (const img of enabled) {
        const platforms = img.platforms ?? inputs.platforms;
        const key = buildKey(img, platforms);
        const name = qualifyImageName(img.name, inputs.registry, ctx.owner);
        const first = builtBy.get(name);
        if (first && first.key !== key) {
            conflicts.push(new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d('images', `${name} is already built by line ${first.line} with other build settings (file, context, target, platforms, title, description); one image is published by one build`, img.line, img.text));
            continue;
        }
        builtBy.set(name, { key, line: img.line });
        const group = groups.get(key) ?? { spec: img, platforms, names: [] };
        if (!group.names.includes(name))
            group.names.push(name);
        groups.set(key, group);
    }
    if (conflicts.length)
        throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputErrors */ .G(conflicts);
    if (groups.size === 0) {
        // No image (an explicitly empty `images`, or every image disabled): bare tags, as metadata-action gives.
        groups.set('', { spec: { name: '', enable: true, context: '.', line: 0 }, platforms: inputs.platforms, names: [] });
    }
    const taken = new Set();
    const builds = [...groups.values()].map(({ spec, platforms, names }) => {
        const overrides = [
            ...(spec.title !== undefined ? [`org.opencontainers.image.title=${spec.title}`] : []),
            ...(spec.description !== undefined ? [`org.opencontainers.image.description=${spec.description}`] : [])
        ];
        const ectx = metadata.expressionContext;
        return {
            id: uniqueId(names[0] ?? 'default', taken),
            ...(spec.line ? { line: spec.line } : {}),
            images: names,
            file: dockerfile(spec),
            context: spec.context,
            ...(spec.target ? { target: spec.target } : {}),
            platforms,
            tags: (0,_metadata_index_js__WEBPACK_IMPORTED_MODULE_2__/* .imageTags */ .rK)(names, metadata.tagNames),
            tagNames: metadata.tagNames,
            labels: overrides.length ? (0,_metadata_labels_js__WEBPACK_IMPORTED_MODULE_3__/* .toLines */ .P_)((0,_metadata_labels_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveLabels */ .iW)(metadata.defaults, inputs.labels, ectx, overrides)) : metadata.labels,
            annotations: overrides.length ? (0,_metadata_labels_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveAnnotations */ .Rn)(metadata.defaults, inputs.annotations, ectx, annotationLevels, overrides) : metadata.annotations,
            buildArgs,
            push,
            policy: { allowed: true, rules: [], violations: [], warnings: [] }
        };
    });
    if (inputs.archTags) {
        const archErrors = [];
        for (const b of builds) {
            try {
                b.archTags = (0,_arch_tags_js__WEBPACK_IMPORTED_MODULE_6__/* .archTagsFor */ .t)(b.images, b.tagNames, b.platforms, b.line);
            }
            catch (e) {
                if (!(e instanceof _inputs_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .d))
                    throw e;
                archErrors.push(e);
            }
        }
        if (archErrors.length)
            throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputErrors */ .G(archErrors);
    }
    const policy = (0,_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .evaluatePolicy */ .Uz)(inputs.policy, {
        images: builds.flatMap(b => (b.images.length ? b.images : ['']).map(name => ({
            name,
            tags: b.tagNames,
            push: b.push,
            ...(b.archTags ? { archTags: b.archTags.flatMap(a => a.tagNames.map((tag, i) => ({ tag, base: b.tagNames[i] }))) } : {})
        }))),
        ref: ctx.ref,
        sha: ctx.sha,
        shortSha: ctx.shortSha,
        latestTags: metadata.latestTags
    });
    for (const b of builds) {
        const mine = policy.violations.filter(v => (b.images.length ? b.images.includes(v.image) : v.image === ''));
        b.policy = { allowed: mine.length === 0, rules: policy.rules, violations: mine, warnings: policy.warnings };
    }
    return {
        eventName: ctx.eventName,
        ref: ctx.ref,
        sha: ctx.sha,
        version: metadata.version.main ?? '',
        push,
        pushReason: reason,
        registry: inputs.registry,
        builds,
        policy
    };
}


/***/ }),

/***/ 91130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CU: () => (/* binding */ parsePolicyRule),
/* harmony export */   Uz: () => (/* binding */ evaluatePolicy)
/* harmony export */ });
/* unused harmony exports POLICY_RULES, globToRegExp, canonicalImageGlob, shortRef */
/* harmony import */ var _lib_semver_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75419);
/* harmony import */ var _lib_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2470);
/* harmony import */ var _tag_kinds_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(28696);
/* harmony import */ var _lib_size_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54842);
/**
 * Tag policy: rules that refuse a bad release before anything is built. Every violation is reported,
 * each naming the image and the tag; the verdict is part of the plan.
 */




const POLICY_RULES = ['allow-tags', 'deny-latest', 'require-sha', 'require-semver', 'max-tags', 'max-size'];
/**
 * A glob over image names and refs: `?` matches one character and `*` any run of characters within one
 * `/`-separated segment, `**` any run across segments, and a `*` that ends the glob matches the rest of
 * the name at any depth (`ghcr.io/acme/*` matches `ghcr.io/acme/tools/cli`). Anchored at both ends.
 */
function globToRegExp(glob, flags = '') {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*' && glob[i + 1] === '*') {
            re += '.*';
            i++;
        }
        else if (c === '*')
            re += i === glob.length - 1 ? '.*' : '[^/]*';
        else if (c === '?')
            re += '[^/]';
        else
            re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`, flags);
}
const WILDCARD = /[*?]/;
/**
 * An image-name glob in the canonical form the names are matched in (see canonicalName): lowercase;
 * without a registry domain it is a Docker Hub glob (`acme/*` -> `docker.io/acme/*`, `app` ->
 * `docker.io/library/app`); `index.docker.io/...` is `docker.io/...`. A glob whose first segment holds
 * a wildcard (`*`, `**`, `*.io/acme/app`) already spans registries and is kept as written (lowercased).
 */
function canonicalImageGlob(glob) {
    const lower = glob.toLowerCase();
    const first = lower.split('/')[0];
    if (WILDCARD.test(first))
        return lower;
    const domain = (0,_lib_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .registryDomain */ .Em)(lower);
    const path = domain === undefined ? lower : lower.slice(domain.length + 1);
    // a wildcard path on Docker Hub (`docker.io/*`) is not one official image: no `library/` is added
    if ((domain === undefined || (0,_lib_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isDockerHub */ .gr)(domain)) && WILDCARD.test(path))
        return `docker.io/${path}`;
    return (0,_lib_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalName */ .Ew)(lower);
}
function checkImageGlob(kind, glob) {
    if (/\s/.test(glob))
        throw new Error(`${kind}: an image-name glob holds no whitespace: "${glob}"`);
    const slash = glob.indexOf('/');
    // a `:` is a port only in the registry domain (`localhost:5000/app`); elsewhere it starts a tag
    if (glob.includes('@') || glob.slice(slash < 0 ? 0 : slash).includes(':')) {
        throw new Error(`${kind} takes a glob over image names, without a tag or digest (e.g. ghcr.io/org/*), not "${glob}"`);
    }
}
/** The short name of a ref: `refs/tags/v1.2.3` -> `v1.2.3`, `refs/heads/release/1.x` -> `release/1.x`, `refs/pull/12/merge` -> `pull/12/merge`. */
function shortRef(ref) {
    return ref.replace(/^refs\/(?:heads\/|tags\/)?/, '');
}
/** Parses one policy line; throws an Error with the reason when the rule is unknown or malformed. */
function parsePolicyRule(source) {
    const i = source.indexOf('=');
    if (i <= 0)
        throw new Error(`a rule is written rule=value (one of ${POLICY_RULES.join(', ')})`);
    const kind = source.slice(0, i).trim().toLowerCase();
    const value = source.slice(i + 1).trim();
    switch (kind) {
        case 'allow-tags': {
            if (!value)
                throw new Error('allow-tags needs a regular expression');
            try {
                return { kind, source, pattern: new RegExp(`^(?:${value})$`) };
            }
            catch (e) {
                throw new Error(`allow-tags: the regular expression does not compile: ${e.message}`);
            }
        }
        case 'deny-latest': {
            if (!value)
                throw new Error('deny-latest needs a glob (e.g. ghcr.io/org/*)');
            checkImageGlob(kind, value);
            const canonical = canonicalImageGlob(value);
            return { kind, source, glob: value, canonical, pattern: globToRegExp(canonical, 'i') };
        }
        case 'require-semver':
            if (!value)
                throw new Error('require-semver needs a glob (e.g. refs/tags/v*)');
            return { kind, source, glob: value, full: value.startsWith('refs/'), pattern: globToRegExp(value) };
        case 'require-sha':
            if (!['true', 'false'].includes(value))
                throw new Error(`require-sha takes true or false, not "${value}"`);
            return { kind, source, enabled: value === 'true' };
        case 'max-tags': {
            if (!/^\d+$/.test(value) || Number(value) < 1)
                throw new Error(`max-tags takes a whole number of at least 1, not "${value}"`);
            return { kind, source, max: Number(value) };
        }
        case 'max-size': {
            // the size follows the last `:` (a registry's port is in the glob: localhost:5000/app:1GB)
            const colon = value.lastIndexOf(':');
            if (colon <= 0 || !value.slice(colon + 1).trim())
                throw new Error(`max-size is written max-size=<image glob>:<size> (e.g. max-size=**/api:500MB), not "${value}"`);
            const glob = value.slice(0, colon).trim();
            checkImageGlob(kind, glob);
            let size;
            try {
                size = (0,_lib_size_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSize */ .DB)(value.slice(colon + 1));
            }
            catch (e) {
                throw new Error(`max-size: ${e.message}`);
            }
            const canonical = canonicalImageGlob(glob);
            return { kind, source, glob, canonical, pattern: globToRegExp(canonical, 'i'), bytes: size.bytes, unit: size.unit, size: value.slice(colon + 1).trim() };
        }
        default:
            throw new Error(`unknown policy rule "${kind}" (one of ${POLICY_RULES.join(', ')})`);
    }
}
function evaluatePolicy(rules, subject) {
    const violations = [];
    const warnings = [];
    const label = (name) => name || '(bare tags: no image name)';
    // bare tags have no name to canonicalise: only a glob such as `*` or `**` matches them
    const canonical = (name) => (name ? (0,_lib_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalName */ .Ew)(name) : '');
    const short = shortRef(subject.ref);
    const refMatches = (rule) => rule.pattern.test(rule.full ? subject.ref : short);
    for (const rule of rules) {
        if ((rule.kind === 'deny-latest' || rule.kind === 'max-size') && subject.images.length && !subject.images.some(i => rule.pattern.test(canonical(i.name)))) {
            const names = [...new Set(subject.images.map(i => (i.name ? canonical(i.name) : label(''))))].join(', ');
            warnings.push(`${rule.source} matches no image of this run, so it checks nothing: the glob ${rule.canonical} is matched against the canonical image names ${names}`);
        }
        if (rule.kind === 'require-semver' && !refMatches(rule)) {
            warnings.push(rule.full
                ? `${rule.source} does not apply to this run: ${rule.glob} does not match the ref ${subject.ref || '(none)'}`
                : `${rule.source} does not apply to this run: ${rule.glob} does not match ${short ? `${short}, the short name of the ref ${subject.ref}` : 'the ref (none)'} (a glob starting with refs/ is matched against the full ref)`);
        }
        for (const image of subject.images) {
            const name = label(image.name);
            switch (rule.kind) {
                case 'allow-tags':
                    for (const tag of image.tags) {
                        if (!rule.pattern.test(tag))
                            violations.push({ rule: rule.source, image: image.name, tag, message: `${name}:${tag} does not match allow-tags ${rule.pattern.source.slice(4, -2)}` });
                    }
                    for (const { tag } of image.archTags ?? []) {
                        if (!rule.pattern.test(tag))
                            violations.push({ rule: rule.source, image: image.name, tag, message: `${name}:${tag} (a per-platform tag of arch-tags) does not match allow-tags ${rule.pattern.source.slice(4, -2)}` });
                    }
                    break;
                case 'deny-latest':
                    if (rule.pattern.test(canonical(image.name))) {
                        for (const tag of image.tags.filter(t => t === 'latest' || subject.latestTags.includes(t))) {
                            violations.push({ rule: rule.source, image: image.name, tag, message: `${name} may not be tagged ${tag} (deny-latest ${rule.glob})` });
                        }
                        for (const { tag, base } of (image.archTags ?? []).filter(a => a.base === 'latest' || subject.latestTags.includes(a.base))) {
                            violations.push({ rule: rule.source, image: image.name, tag, message: `${name} may not be tagged ${tag}, the per-platform tag of ${base} (deny-latest ${rule.glob})` });
                        }
                    }
                    break;
                case 'require-sha':
                    if (rule.enabled && image.push) {
                        // only the commit SHA itself counts, as a whole token of the tag (sha-860c190, 860c190-slim), at
                        // least 7 hex characters from its start: not a run of digits that happens to contain it
                        const ok = image.tags.some(t => (0,_tag_kinds_js__WEBPACK_IMPORTED_MODULE_3__/* .holdsCommitSha */ .Sv)(t, subject.sha));
                        const shown = subject.shortSha.length >= 7 ? subject.shortSha : subject.sha.slice(0, 7);
                        if (!ok)
                            violations.push({ rule: rule.source, image: image.name, message: `${name} has no tag that carries the commit SHA${subject.sha ? ` ${shown}` : ' (no commit SHA is known)'} as a whole token (require-sha)` });
                    }
                    break;
                case 'require-semver':
                    if (refMatches(rule) && !image.tags.some(t => _lib_semver_js__WEBPACK_IMPORTED_MODULE_0__/* .valid */ .rZ(t) !== null)) {
                        violations.push({ rule: rule.source, image: image.name, message: `${name} has no semantic-version tag, which ${subject.ref} requires (require-semver ${rule.glob})` });
                    }
                    break;
                case 'max-tags':
                    if (image.tags.length > rule.max) {
                        violations.push({ rule: rule.source, image: image.name, message: `${name} would get ${image.tags.length} tags, more than max-tags=${rule.max}: ${image.tags.join(', ')}` });
                    }
                    break;
            }
        }
    }
    return { allowed: violations.length === 0, rules: rules.map(r => r.source), violations, warnings };
}


/***/ }),

/***/ 47393:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ prepare)
});

// UNUSED EXPORTS: annotationLevels

// EXTERNAL MODULE: ./src/pipeline/inputs/promote.ts
var promote = __webpack_require__(99838);
// EXTERNAL MODULE: ./src/pipeline/inputs/prune.ts
var inputs_prune = __webpack_require__(78698);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/pipeline/inputs/errors.ts
var inputs_errors = __webpack_require__(42107);
;// CONCATENATED MODULE: ./src/pipeline/inputs/verify.ts
/**
 * What `mode: verify` (and `mode: promote`, before it moves a tag) requires of every image: a signature
 * (`require-signature`: a cosign public key, or a keyless identity and its OIDC issuer) and attestations
 * (`require-attestations`: provenance, sbom). Pure; every problem is an InputError naming the input (and
 * the line). The one file read here is the public key's, so that a missing key fails before any login.
 *
 *   require-signature: key=cosign.pub                      (a file of the workspace, or the PEM itself)
 *   require-signature: |
 *     identity-regexp=^https://github.com/acme/app/\.github/workflows/release\.yml@refs/tags/v
 *     issuer=https://token.actions.githubusercontent.com
 *   require-attestations: provenance, sbom
 */



const ATTESTATION_KINDS = ['provenance', 'sbom'];
const FIELDS = ['key', 'identity', 'identity-regexp', 'issuer', 'issuer-regexp'];
const PEM = /^-----BEGIN [A-Z ]*PUBLIC KEY-----[\s\S]+-----END [A-Z ]*PUBLIC KEY-----\s*$/;
/** `require-signature` as written (lines of key=value, or key=value pairs separated by commas on one line). */
function parseSignatureRequirement(text, workspace) {
    const input = 'require-signature';
    const errors = [];
    const trimmed = text.trim();
    if (!trimmed)
        return { errors };
    // a PEM public key given as the value itself (a secret or a variable): `key=-----BEGIN PUBLIC KEY-----…`
    if (/^key\s*=\s*-----BEGIN /.test(trimmed)) {
        const pem = trimmed.replace(/^key\s*=\s*/, '');
        if (!PEM.test(pem))
            return { errors: [new inputs_errors/* InputError */.d(input, 'key= holds the start of a PEM block but not a whole public key (-----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----)')] };
        return { requirement: { kind: 'key', file: '', pem: `${pem.trim()}\n` }, errors };
    }
    const fields = new Map();
    trimmed.split('\n').forEach((raw, i) => {
        const line = i + 1;
        for (const part of raw.split(',')) {
            const item = part.trim();
            if (!item)
                continue;
            const eq = item.indexOf('=');
            const name = (eq < 0 ? item : item.slice(0, eq)).trim().toLowerCase();
            const value = eq < 0 ? '' : item.slice(eq + 1).trim();
            if (!FIELDS.includes(name)) {
                errors.push(new inputs_errors/* InputError */.d(input, `"${name.slice(0, 40)}" is not one of ${FIELDS.join(', ')} (key=<public key file> or identity-regexp=…, issuer=…)`, line, item.slice(0, 140)));
                continue;
            }
            if (!value) {
                errors.push(new inputs_errors/* InputError */.d(input, `${name}= needs a value`, line, item.slice(0, 140)));
                continue;
            }
            if (fields.has(name)) {
                errors.push(new inputs_errors/* InputError */.d(input, `names ${name} twice (first on line ${fields.get(name).line})`, line, item.slice(0, 140)));
                continue;
            }
            if (name.endsWith('-regexp')) {
                try {
                    new RegExp(value);
                }
                catch (e) {
                    errors.push(new inputs_errors/* InputError */.d(input, `${name} is not a regular expression: ${e.message}`, line, value.slice(0, 140)));
                    continue;
                }
            }
            fields.set(name, { value, line });
        }
    });
    if (errors.length)
        return { errors };
    const get = (f) => fields.get(f)?.value ?? '';
    if (fields.has('key')) {
        const other = FIELDS.filter(f => f !== 'key' && fields.has(f));
        if (other.length)
            return { errors: [new inputs_errors/* InputError */.d(input, `key= and ${other.join(', ')} are two ways to verify: give a public key, or a keyless identity with its issuer`)] };
        const given = get('key');
        const file = (0,external_node_path_.isAbsolute)(given) ? given : (0,external_node_path_.resolve)(workspace, given);
        // read here, with the other inputs: a missing key fails the step before any login
        if (!(0,external_node_fs_.existsSync)(file))
            return { errors: [new inputs_errors/* InputError */.d(input, `the public key file ${given} is not there (key= is a path relative to the workspace, or the PEM itself)`, fields.get('key').line)] };
        return { requirement: { kind: 'key', file, pem: '' }, errors };
    }
    if (!fields.has('identity') && !fields.has('identity-regexp'))
        errors.push(new inputs_errors/* InputError */.d(input, 'needs key=<public key file>, or identity= / identity-regexp= (the signer: a workflow identity) with issuer= / issuer-regexp='));
    if (fields.has('identity') && fields.has('identity-regexp'))
        errors.push(new inputs_errors/* InputError */.d(input, 'identity and identity-regexp both name the signer: give one of them'));
    if (!fields.has('issuer') && !fields.has('issuer-regexp'))
        errors.push(new inputs_errors/* InputError */.d(input, 'a keyless identity needs the OIDC issuer it was certified by: issuer= (e.g. https://token.actions.githubusercontent.com) or issuer-regexp='));
    if (fields.has('issuer') && fields.has('issuer-regexp'))
        errors.push(new inputs_errors/* InputError */.d(input, 'issuer and issuer-regexp both name the OIDC issuer: give one of them'));
    if (errors.length)
        return { errors };
    return { requirement: { kind: 'identity', identity: get('identity'), identityRegexp: get('identity-regexp'), issuer: get('issuer'), issuerRegexp: get('issuer-regexp') }, errors };
}
/** `require-attestations`: provenance and/or sbom, separated by commas or lines. */
function parseAttestationRequirement(text) {
    const errors = [];
    const out = [];
    text.split('\n').forEach((raw, i) => {
        for (const part of raw.split(',')) {
            const item = part.trim().toLowerCase();
            if (!item)
                continue;
            if (!ATTESTATION_KINDS.includes(item))
                errors.push(new inputs_errors/* InputError */.d('require-attestations', `"${item.slice(0, 40)}" is not an attestation this action checks (${ATTESTATION_KINDS.join(', ')})`, i + 1, part.trim().slice(0, 140)));
            else if (!out.includes(item))
                out.push(item);
        }
    });
    return { attestations: out, errors };
}
/** The modes that read require-signature and require-attestations. */
const VERIFY_MODES = (/* unused pure expression or super */ null && (['verify', 'promote']));
/** Both inputs, checked; with mode: verify at least one requirement is needed (`from` is checked with the promote inputs). */
function checkVerifyInputs(mode, signature, attestations, workspace) {
    const s = parseSignatureRequirement(signature, workspace);
    const a = parseAttestationRequirement(attestations);
    const errors = [...s.errors, ...a.errors];
    const verify = { ...(s.requirement ? { signature: s.requirement } : {}), attestations: a.attestations };
    // read by verify and promote only: with another mode, a warning (inputs/modes.ts)
    if (mode === 'verify' && !errors.length && !verify.signature && !verify.attestations.length) {
        errors.push(new inputs_errors/* InputError */.d('require-signature', 'or require-attestations is needed with mode: verify: what every image must carry (e.g. require-signature: key=cosign.pub, require-attestations: provenance, sbom)'));
    }
    return { verify, errors };
}

// EXTERNAL MODULE: ./src/pipeline/inputs/csv.ts
var csv = __webpack_require__(54754);
// EXTERNAL MODULE: ./src/lib/reference.ts
var reference = __webpack_require__(2470);
;// CONCATENATED MODULE: ./src/pipeline/inputs/engine.ts
/**
 * The engine inputs that reach docker's argv: `qemu-image` (`docker run ... <image>`), `buildkit-image`
 * (`--driver-opt image=<image>`, where a `,` would add a driver option) and `builder` (`--builder`,
 * `buildx inspect <name>`). A fork's workflow or a careless one must not turn them into flags or options,
 * so each is checked against the grammar docker/buildx use, before anything runs.
 */


/** A short, harmless excerpt of a bad value for a message (these inputs are not secret, but may be long). */
function excerpt(value) {
    const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
    return JSON.stringify(shown);
}
/** An image reference input: `[registry/]path[:tag][@digest]`, as docker parses it. */
function checkImageInput(input, value) {
    if ((0,reference/* parseReference */.F2)(value))
        return undefined;
    const why = value.startsWith('-')
        ? 'it starts with "-"'
        : /[\s,=]/.test(value)
            ? 'it holds whitespace, "," or "=" (which would become another option)'
            : 'it is not [registry/]name[:tag][@digest] with a lower-case name';
    return new inputs_errors/* InputError */.d(input, `not an image reference: ${why} (e.g. tonistiigi/binfmt:latest, moby/buildkit:buildx-stable-1)`, undefined, excerpt(value));
}
/**
 * A builder name: buildx names a builder with letters, digits, `_`, `.` and `-`, starting with a letter or
 * digit (a docker context name used as a builder also fits, with `+`).
 */
function checkBuilderName(value) {
    if (/^[A-Za-z0-9][A-Za-z0-9_.+-]{0,127}$/.test(value))
        return undefined;
    return new inputs_errors/* InputError */.d('builder', 'not a builder name: letters, digits, "_", "." and "-", starting with a letter or digit (as buildx names builders)', undefined, excerpt(value));
}

// EXTERNAL MODULE: ./src/pipeline/inputs/secrets.ts
var inputs_secrets = __webpack_require__(98363);
// EXTERNAL MODULE: ./src/pipeline/inputs/sign.ts
var sign = __webpack_require__(85377);
// EXTERNAL MODULE: ./src/pipeline/metadata/tag.ts
var tag = __webpack_require__(854);
;// CONCATENATED MODULE: ./src/pipeline/metadata/flavor.ts
/** The `flavor` input: `latest=auto|true|false`, `prefix=`/`suffix=` with `onlatest=`, as in metadata-action. */

const DEFAULT_FLAVOR = { latest: 'auto', prefix: '', prefixLatest: false, suffix: '', suffixLatest: false };
/** Applies one flavor line to `flavor` (a copy is returned); throws with a message on a bad entry. */
function applyFlavorLine(flavor, line) {
    const out = { ...flavor };
    let onLatestFor = '';
    for (const field of (0,csv/* splitFields */.K)(line)) {
        const parts = field.split('=').map(p => p.trim());
        if (parts.length === 1)
            throw new Error(`"${field}" is not a key=value entry (latest, prefix, suffix or onlatest)`);
        // metadata-action keeps what stands before a second "=" and drops the rest without a word; a tag
        // cannot hold "=" anyway, so say it
        if (parts.length > 2)
            throw new Error(`"${field.trim()}" has more than one "=": a ${parts[0].toLowerCase() || 'flavor'} value cannot contain "=" (tags cannot)`);
        const key = parts[0].toLowerCase();
        const value = parts[1];
        switch (key) {
            case 'latest':
                if (!['auto', 'true', 'false'].includes(value))
                    throw new Error(`invalid latest "${value}" (auto, true or false)`);
                out.latest = value;
                break;
            case 'prefix':
                out.prefix = value;
                onLatestFor = 'prefix';
                break;
            case 'suffix':
                out.suffix = value;
                onLatestFor = 'suffix';
                break;
            case 'onlatest':
                if (!['true', 'false'].includes(value))
                    throw new Error(`invalid onlatest "${value}" (true or false)`);
                if (onLatestFor === 'prefix')
                    out.prefixLatest = value === 'true';
                else if (onLatestFor === 'suffix')
                    out.suffixLatest = value === 'true';
                break;
            default:
                throw new Error(`unknown flavor entry "${key}" (latest, prefix, suffix or onlatest)`);
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/pipeline/metadata/labels.ts
var metadata_labels = __webpack_require__(48911);
// EXTERNAL MODULE: ./src/pipeline/policy.ts
var pipeline_policy = __webpack_require__(91130);
// EXTERNAL MODULE: ./src/pipeline/cache-mounts.ts
var cache_mounts = __webpack_require__(64055);
// EXTERNAL MODULE: ./src/lib/platform.ts
var platform = __webpack_require__(56728);
// EXTERNAL MODULE: ./src/action/runner.ts + 1 modules
var runner = __webpack_require__(31949);
// EXTERNAL MODULE: ./src/pipeline/legs.ts
var legs = __webpack_require__(89801);
;// CONCATENATED MODULE: ./src/pipeline/inputs/registry-auth.ts
/**
 * `registry-auth`: a YAML list of registry/username/password, as docker/login-action takes it. The text
 * holds passwords, so nothing of it is ever quoted: errors give a line and a column, the YAML library's own
 * messages and warnings (which carry an excerpt of the source) are dropped, and anchors, aliases and tags,
 * which only make a credential list harder to read and an error quote a value, are refused.
 */

const INPUT = 'registry-auth';
function at(pos) {
    return pos ? `line ${pos.line}, column ${pos.col}` : 'somewhere';
}
/** What a YAML value is, never what it holds. */
function kindOf(v) {
    if (v === null || v === undefined)
        return 'empty';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    return `a ${typeof v}`;
}
/** Parses `registry-auth`; every error names a line and column, none quotes the text. */
async function parseRegistryAuth(text) {
    if (!text.trim())
        return [];
    const { parseDocument, LineCounter, visit, isAlias, isNode, isMap, isSeq, isScalar, isPair } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    const lines = new LineCounter();
    // logLevel silent: the library never writes its warnings to the console (they quote the source)
    const doc = parseDocument(text, { lineCounter: lines, logLevel: 'silent', prettyErrors: false, uniqueKeys: true });
    const pos = (offset) => (offset === undefined ? undefined : lines.linePos(offset));
    const errors = [];
    for (const e of doc.errors) {
        // the library's message quotes the line: only its code and position are kept
        errors.push(new inputs_errors/* InputError */.d(INPUT, `not valid YAML at ${at(pos(e.pos[0]))} (${e.code.toLowerCase().replace(/_/g, ' ')})`));
    }
    if (errors.length)
        throw new inputs_errors/* InputErrors */.G(errors);
    visit(doc, (_key, node) => {
        if (isAlias(node)) {
            errors.push(new inputs_errors/* InputError */.d(INPUT, `an alias (*name) at ${at(pos(node.range?.[0]))}: aliases, anchors and tags are not accepted in registry-auth; write each value out`));
        }
        else if (isNode(node)) {
            const n = node;
            if (n.anchor)
                errors.push(new inputs_errors/* InputError */.d(INPUT, `an anchor (&name) at ${at(pos(n.range?.[0]))}: aliases, anchors and tags are not accepted in registry-auth; write each value out`));
            if (n.tag)
                errors.push(new inputs_errors/* InputError */.d(INPUT, `a tag (!tag) at ${at(pos(n.range?.[0]))}: aliases, anchors and tags are not accepted in registry-auth; quote the value instead`));
        }
    });
    if (errors.length)
        throw new inputs_errors/* InputErrors */.G(errors);
    const root = doc.contents;
    const items = isSeq(root) ? root.items : undefined;
    if (!items)
        throw new inputs_errors/* InputError */.d(INPUT, 'expected a YAML list of entries with registry, username and password');
    const out = [];
    items.forEach((entry, i) => {
        const where = `entry ${i + 1}`;
        const loc = ` at ${at(pos(isNode(entry) ? entry.range?.[0] : undefined))}`;
        if (!isMap(entry)) {
            errors.push(new inputs_errors/* InputError */.d(INPUT, `${where}${loc} is not a mapping of registry, username and password`));
            return;
        }
        const fields = {};
        const unknown = [];
        for (const pair of entry.items) {
            if (!isPair(pair))
                continue;
            const key = isScalar(pair.key) ? pair.key.value : undefined;
            if (typeof key !== 'string' || !['registry', 'username', 'password'].includes(key)) {
                // a key is not secret, but it may be a pasted password: only plain identifiers are named
                unknown.push(typeof key === 'string' && /^[A-Za-z_-]{1,32}$/.test(key) ? key : `(a key at ${at(pos(isNode(pair.key) ? pair.key.range?.[0] : undefined))})`);
                continue;
            }
            const v = pair.value;
            fields[key] = { value: isScalar(v) ? v.value : isNode(v) ? v.toJSON() : v, line: at(pos(isNode(v) ? v.range?.[0] : isNode(pair.key) ? pair.key.range?.[0] : undefined)) };
        }
        if (unknown.length)
            errors.push(new inputs_errors/* InputError */.d(INPUT, `${where}${loc} has unknown key${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (registry, username, password)`));
        const registry = fields['registry'] ? fields['registry'].value : 'docker.io';
        const username = fields['username']?.value;
        const password = fields['password']?.value;
        if (typeof registry !== 'string' || !registry)
            errors.push(new inputs_errors/* InputError */.d(INPUT, `${where}${loc}: registry is ${typeof registry === 'string' ? 'empty' : `${kindOf(registry)}, not a string`}`));
        const named = typeof registry === 'string' && /^[A-Za-z0-9.:/_-]{1,255}$/.test(registry) ? ` (${registry})` : '';
        if (typeof username !== 'string' || !username)
            errors.push(new inputs_errors/* InputError */.d(INPUT, `${where}${named}${loc} has ${fields['username'] === undefined ? 'no username' : typeof username === 'string' ? 'an empty username' : `a username that is ${kindOf(username)}, not a string (at ${fields['username'].line}; quote it)`}`));
        if (typeof password !== 'string' || !password)
            errors.push(new inputs_errors/* InputError */.d(INPUT, `${where}${named}${loc} has ${fields['password'] === undefined ? 'no password' : typeof password === 'string' ? 'an empty password' : `a password that is ${kindOf(password)}, not a string (at ${fields['password'].line}; quote it)`}`));
        if (typeof username === 'string' && username && typeof password === 'string' && password && typeof registry === 'string' && registry)
            out.push({ registry, username, password });
    });
    if (errors.length)
        throw new inputs_errors/* InputErrors */.G(errors);
    return out;
}

;// CONCATENATED MODULE: ./src/pipeline/inputs/index.ts
/**
 * Every input of action.yml -> one typed Inputs object. All validation and every input error live here:
 * a malformed line fails the step, naming the input and quoting the line, before anything else happens.
 * Errors are collected, so one run reports all of them.
 */

















const DEFAULT_REGISTRY = 'ghcr.io';
const DEFAULT_PLATFORMS = ['linux/amd64', 'linux/arm64'];
/** Where the cache-mount copy steps run by default: a small image with sh and tar. */
const DEFAULT_CACHE_MOUNTS_IMAGE = 'docker.io/library/busybox:stable';
/** What one run of the action does: everything in one job, or one part of plan -> build legs -> merge. */
const MODES = ['publish', 'plan', 'build', 'merge', 'promote', 'rollback', 'history', 'verify', 'prune'];
/** Modes this version runs; the others are refused before anything happens. */
const AVAILABLE_MODES = ['publish', 'plan', 'build', 'merge', 'promote', 'rollback', 'history', 'verify', 'prune'];

/** The non-empty, non-comment lines of a multi-line input, with their line numbers. */
function inputLines(value) {
    if (!value)
        return [];
    return value
        .split(/\r?\n/)
        .map((text, i) => ({ line: i + 1, text: text.trim() }))
        .filter(l => l.text !== '' && !l.text.startsWith('#'));
}
class Reader {
    env;
    errors = [];
    constructor(env) {
        this.env = env;
    }
    raw(name) {
        return (0,runner/* rawInput */.JR)(name, this.env);
    }
    text(name, fallback = '') {
        const v = this.raw(name);
        return v === undefined || v.trim() === '' ? fallback : v.trim();
    }
    /** A separator keeps its whitespace (a single space is a valid separator); empty means newline. */
    separator(name) {
        const v = this.raw(name);
        return v === undefined || v === '' ? '\n' : v;
    }
    bool(name, fallback) {
        const v = this.text(name);
        if (v === '')
            return fallback;
        if (['true', 'True', 'TRUE'].includes(v))
            return true;
        if (['false', 'False', 'FALSE'].includes(v))
            return false;
        this.errors.push(new inputs_errors/* InputError */.d(name, 'expected true or false', undefined, v));
        return fallback;
    }
    /** A duration in seconds, 0 to `max` (decimals allowed). */
    seconds(name, fallback, max) {
        const v = this.text(name);
        if (v === '')
            return fallback;
        if (/^\d+(?:\.\d+)?$/.test(v) && Number(v) <= max)
            return Number(v);
        this.errors.push(new inputs_errors/* InputError */.d(name, `expected a number of seconds from 0 to ${max}`, undefined, v.slice(0, 40)));
        return fallback;
    }
    choice(name, choices, fallback) {
        const v = this.text(name);
        if (v === '')
            return fallback;
        // YAML writes booleans as true/True/TRUE; choices are matched the same way
        if (choices.includes(v.toLowerCase()))
            return v.toLowerCase();
        this.errors.push(new inputs_errors/* InputError */.d(name, `expected one of ${choices.join(', ')}`, undefined, v));
        return fallback;
    }
    /** Parses every line with `parse`; a thrown Error becomes an InputError naming the input and the line. */
    lines(name, parse) {
        const out = [];
        for (const { line, text } of inputLines(this.raw(name))) {
            try {
                out.push(parse(text, line));
            }
            catch (e) {
                this.errors.push(e instanceof inputs_errors/* InputError */.d ? e : new inputs_errors/* InputError */.d(name, e.message, line, text));
            }
        }
        return out;
    }
}
const IMAGE_KEYS = ['name', 'enable', 'file', 'context', 'target', 'platforms', 'title', 'description'];
/** A repository name as a registry takes it: `[domain[:port]/]path`, no tag or digest. */
function checkImageName(name) {
    if (/\s/.test(name))
        throw new Error(`image name "${name}" contains whitespace`);
    const last = name.split('/').pop() ?? '';
    if (last.includes('@'))
        throw new Error(`image name "${name}" has a digest; give the name only`);
    if (last.includes(':'))
        throw new Error(`image name "${name}" has a tag; give the name only (tags come from the tags input)`);
    if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
        throw new Error(`image name "${name}" has an empty path component`);
    const domain = (0,reference/* registryDomain */.Em)(name);
    const path = name.split('/').slice(domain === undefined ? 0 : 1);
    if (domain !== undefined && !/^[A-Za-z0-9.-]+(:\d+)?$/.test(domain))
        throw new Error(`image name "${name}" has an invalid registry "${domain}"`);
    for (const component of path) {
        if (!/^[A-Za-z0-9]+(?:(?:[._]|__|-+)[A-Za-z0-9]+)*$/.test(component)) {
            throw new Error(`image name "${name}" has an invalid path component "${component}" (letters, digits and single . _ - separators)`);
        }
    }
}
function parsePlatformList(text) {
    const list = (0,platform/* splitPlatforms */.tM)(text).map(p => (0,platform/* formatPlatform */.Bq)((0,platform/* parsePlatform */.FL)(p)));
    if (list.length === 0)
        throw new Error('no platform given');
    return [...new Set(list)];
}
/** One line of `images`: `name[,key=value...]`, metadata-action's image syntax plus build attributes. */
function parseImageLine(text, line) {
    const image = { name: '', enable: true, context: '.', line, text };
    let lastKey;
    // each attribute once: `file=a,file=b` is a mistake, not "the last one wins" (the name counts as given bare too)
    const seen = new Set();
    const once = (key) => {
        if (seen.has(key))
            throw new Error(`${key === 'name' ? 'the image name' : `attribute "${key}"`} is given twice; give each attribute once`);
        seen.add(key);
    };
    let fields;
    try {
        fields = (0,csv/* splitFields */.K)(text);
    }
    catch (e) {
        // `platforms="a,b"`: csv quotes protect a whole field, not a value
        const quoted = /(?:^|,)\s*([A-Za-z]+)\s*=\s*"([^"]*)"/.exec(text);
        const hint = quoted ? ` (to keep commas in a value, quote the whole field: "${quoted[1]}=${quoted[2]}")` : '';
        throw new Error(`cannot be read as comma-separated fields: ${e.message}${hint}`);
    }
    for (const field of fields) {
        const { key, value } = (0,csv/* splitKeyValue */.p)(field);
        if (key === undefined) {
            if (lastKey === 'platforms' && value.includes('/')) {
                // `platforms=linux/amd64,linux/arm64` unquoted: the comma split the list; take it back
                image.platforms = parsePlatformList([...(image.platforms ?? []), value].join(','));
                continue;
            }
            if (image.name)
                throw new Error(`unexpected field "${value}" (the name is already "${image.name}"; attributes are key=value)`);
            once('name');
            image.name = value;
            continue;
        }
        lastKey = key;
        if (IMAGE_KEYS.includes(key))
            once(key);
        switch (key) {
            case 'name':
                image.name = value;
                break;
            case 'enable':
                if (!['true', 'false'].includes(value))
                    throw new Error(`invalid enable "${value}" (true or false)`);
                image.enable = value === 'true';
                break;
            case 'file':
            case 'context':
            case 'target':
            case 'title':
            case 'description':
                if (value === '' && key !== 'description')
                    throw new Error(`${key}= is empty`);
                image[key] = value;
                break;
            case 'platforms':
                image.platforms = parsePlatformList(value);
                break;
            default:
                throw new Error(`unknown image attribute "${key}" (one of ${IMAGE_KEYS.join(', ')})`);
        }
    }
    if (!image.name)
        throw new Error('image name is empty');
    checkImageName(image.name);
    return image;
}
/** metadata-action's older format: one line of bare, comma-separated names. */
function legacyImageList(lines) {
    if (lines.length !== 1)
        return undefined;
    let fields;
    try {
        fields = (0,csv/* splitFields */.K)(lines[0].text);
    }
    catch {
        return undefined;
    }
    if (fields.length < 2 || fields.some(f => f.includes('=')))
        return undefined;
    return fields.map(f => ({ ...parseImageLine(f.trim(), lines[0].line), text: lines[0].text }));
}
function parseRegistry(value) {
    const r = value.replace(/^https?:\/\//, '').replace(/\/+$/, '');
    if (!/^[A-Za-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)*$/.test(r))
        throw new Error('not a registry host (e.g. ghcr.io, docker.io, 127.0.0.1:5000)');
    return r.toLowerCase();
}
const CACHE_TYPES = ['registry', 'local', 'gha', 's3', 'azblob', 'inline'];
/** A cache-from/cache-to line as buildx takes it: `type=...,key=value...`, or an image reference. */
function parseCacheEntry(text) {
    const fields = (0,csv/* splitFields */.K)(text);
    const type = fields.map(f => (0,csv/* splitKeyValue */.p)(f)).find(f => f.key === 'type');
    if (type) {
        if (!CACHE_TYPES.includes(type.value))
            throw new Error(`unknown cache type "${type.value}" (one of ${CACHE_TYPES.join(', ')})`);
        const bare = fields.find(f => !f.includes('='));
        if (bare !== undefined)
            throw new Error(`"${bare.trim()}" is not a key=value attribute`);
    }
    else if (fields.length !== 1 || /\s|=/.test(text)) {
        throw new Error('a cache entry is type=<type>,key=value... or an image reference (e.g. ghcr.io/org/app:buildcache)');
    }
    return text;
}
/** provenance/sbom as build-push-action takes them: true, false, or key=value attributes. */
function attestationInput(r, name) {
    const value = r.text(name);
    if (value === '' || /^(true|false)$/i.test(value))
        return value.toLowerCase();
    try {
        const bad = (0,csv/* splitFields */.K)(value).find(f => !/^[A-Za-z-]+=/.test(f.trim()));
        if (bad === undefined)
            return value;
        r.errors.push(new inputs_errors/* InputError */.d(name, `"${bad.trim()}" is not true, false or a key=value attribute (e.g. mode=max)`, undefined, value));
    }
    catch (e) {
        r.errors.push(new inputs_errors/* InputError */.d(name, e.message, undefined, value));
    }
    return '';
}
/** `cache-mounts`: auto (the default), true (the same), false, or one mount a line. */
function cacheMountsInput(r) {
    const v = r.text('cache-mounts');
    if (v === '' || /^(auto|true)$/i.test(v))
        return { mode: 'auto' };
    if (/^false$/i.test(v))
        return { mode: 'false' };
    return { mode: 'list', mounts: r.lines('cache-mounts', cache_mounts/* parseCacheMountLine */.rv) };
}
/** `workspace`: what relative `secret-files` paths are relative to. */
function getInputs(env = process.env, workspace = env['GITHUB_WORKSPACE'] || process.cwd()) {
    const r = new Reader(env);
    const imagesRaw = r.raw('images');
    // The runner always sets an input that action.yml defaults; an unset one (local runs) means the repository.
    const imageText = imagesRaw === undefined ? (env['GITHUB_REPOSITORY'] ?? '') : imagesRaw;
    const imageLines = inputLines(imageText);
    let images;
    try {
        images = legacyImageList(imageLines);
    }
    catch (e) {
        r.errors.push(new inputs_errors/* InputError */.d('images', e.message, imageLines[0].line, imageLines[0].text));
        images = [];
    }
    if (images === undefined) {
        images = [];
        for (const { line, text } of imageLines) {
            try {
                images.push(parseImageLine(text, line));
            }
            catch (e) {
                r.errors.push(new inputs_errors/* InputError */.d('images', e.message, line, text));
            }
        }
    }
    let registry = DEFAULT_REGISTRY;
    const registryText = r.text('registry');
    if (registryText) {
        try {
            registry = parseRegistry(registryText);
        }
        catch (e) {
            r.errors.push(new inputs_errors/* InputError */.d('registry', e.message, undefined, registryText));
        }
    }
    let platforms = DEFAULT_PLATFORMS;
    const platformText = r.text('platforms');
    if (platformText) {
        try {
            platforms = parsePlatformList(platformText);
        }
        catch (e) {
            r.errors.push(new inputs_errors/* InputError */.d('platforms', e.message, undefined, platformText));
        }
    }
    let tags = r.lines('tags', (text, line) => ({ ...(0,tag/* parseTagExpression */.YG)(text), line }));
    if (inputLines(r.raw('tags')).length === 0)
        tags = tag/* DEFAULT_TAG_EXPRESSIONS */.Jy.map(t => (0,tag/* parseTagExpression */.YG)(t));
    tags = (0,tag/* sortByPriority */.e2)(tags);
    let flavor = DEFAULT_FLAVOR;
    r.lines('flavor', text => (flavor = applyFlavorLine(flavor, text)));
    const labels = r.lines('labels', (text, line) => {
        if (text.startsWith('='))
            throw new Error('label has an empty key');
        return { text, line };
    });
    const annotations = r.lines('annotations', (text, line) => {
        const entry = (0,metadata_labels/* splitAnnotationLevel */.ek)(text);
        if (entry.text.startsWith('='))
            throw new Error('annotation has an empty key');
        return { ...entry, line };
    });
    const policy = r.lines('policy', text => (0,pipeline_policy/* parsePolicyRule */.CU)(text));
    const bakeTarget = r.text('bake-target', 'docker-metadata-action');
    // buildx's own rule for target names (targetNamePattern in bake/bake.go): a bad name would only fail
    // the user's later bake step, far from its cause.
    if (!/^[a-zA-Z0-9_-]+$/.test(bakeTarget))
        r.errors.push(new inputs_errors/* InputError */.d('bake-target', 'a bake target name is made of letters, digits, "_" and "-" only (as buildx requires)', undefined, bakeTarget));
    const buildArgs = r.lines('build-args', text => {
        if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(text))
            throw new Error('a build argument is written NAME=value');
        return text;
    });
    const signed = (0,sign/* checkSignInputs */.jw)({
        mode: r.choice('sign', sign/* SIGN_MODES */.xL, 'none'),
        // secrets: read as given (a PEM's line breaks matter), never quoted in a message
        key: r.raw('cosign-key') ?? '',
        password: r.raw('cosign-password') ?? '',
        transparencyLog: r.bool('transparency-log', true),
        transparencyLogGiven: r.text('transparency-log') !== '',
        fulcioUrl: r.text('fulcio-url'),
        rekorUrl: r.text('rekor-url')
    });
    r.errors.push(...signed.errors);
    const secrets = (0,inputs_secrets/* parseSecrets */.dC)({ secrets: r.raw('secrets'), files: r.raw('secret-files'), envs: r.raw('secret-envs') }, env, workspace);
    r.errors.push(...secrets.errors);
    const mode = r.choice('mode', MODES, 'publish');
    const prune = (0,inputs_prune/* parsePruneInputs */.X3)({ keep: r.text('keep'), keepTags: inputLines(r.raw('keep-tags')), deleteUntagged: r.text('delete-untagged'), olderThan: r.text('older-than'), api: r.text('prune-api') });
    r.errors.push(...prune.errors);
    const inputs = {
        images,
        bareTags: imagesRaw !== undefined && imageLines.length === 0,
        registry,
        platforms,
        tags,
        flavor,
        labels,
        annotations,
        versionFile: r.text('version-file') || undefined,
        sepTags: r.separator('sep-tags'),
        sepLabels: r.separator('sep-labels'),
        sepAnnotations: r.separator('sep-annotations'),
        bakeTarget,
        policy,
        dryRun: r.bool('dry-run', mode === 'prune'),
        mode,
        planDocument: r.raw('plan') ?? '',
        runners: r.raw('runners') ?? '',
        archTags: r.bool('arch-tags', false),
        verify: { attestations: [] },
        promote: { from: r.text('from'), to: r.lines('to', (tag, line) => ({ tag, line })), steps: /^\d{1,4}$/.test(r.text('steps')) ? Number(r.text('steps')) : 1, stepsGiven: r.text('steps') !== '', toRegistry: (0,promote/* registryHost */.U$)(r.text('to-registry')) },
        prune: prune.prune,
        push: r.choice('push', ['auto', 'true', 'false'], 'auto'),
        buildArgs,
        defaultBuildArgs: r.bool('default-build-args', true),
        summary: r.bool('summary', true),
        githubToken: r.text('github-token'),
        sign: signed.sign,
        githubAttestations: r.bool('github-attestations', false),
        engine: {
            setupQemu: r.choice('setup-qemu', ['auto', 'true', 'false'], 'auto'),
            qemuImage: r.text('qemu-image', 'tonistiigi/binfmt:latest'),
            builder: r.text('builder'),
            buildkitImage: r.text('buildkit-image'),
            registryAuth: r.raw('registry-auth') ?? '',
            secrets: secrets.secrets,
            secretWarnings: secrets.warnings,
            cache: r.choice('cache', ['auto', 'registry', 'gha', 'local', 'none'], 'auto'),
            cacheFrom: r.lines('cache-from', parseCacheEntry),
            cacheTo: r.lines('cache-to', parseCacheEntry),
            provenance: attestationInput(r, 'provenance'),
            sbom: attestationInput(r, 'sbom'),
            forceTags: r.bool('force-tags', false),
            noCache: r.bool('no-cache', false),
            pull: r.bool('pull', false),
            tagRetryTimeout: r.seconds('tag-retry-timeout', 60, 3600),
            cacheMounts: cacheMountsInput(r),
            cacheMountsImage: r.text('cache-mounts-image', DEFAULT_CACHE_MOUNTS_IMAGE),
            stagingTags: r.choice('staging-tags', ['remove', 'keep'], 'remove'),
            attestationStorage: r.choice('attestation-storage', ['index', 'referrers'], 'index')
        }
    };
    const engineErrors = [
        checkImageInput('qemu-image', inputs.engine.qemuImage),
        inputs.engine.buildkitImage ? checkImageInput('buildkit-image', inputs.engine.buildkitImage) : undefined,
        inputs.engine.builder ? checkBuilderName(inputs.engine.builder) : undefined,
        checkImageInput('cache-mounts-image', inputs.engine.cacheMountsImage)
    ];
    for (const e of engineErrors)
        if (e)
            r.errors.push(e);
    try {
        (0,legs.parseRunners)(inputs.runners);
    }
    catch (e) {
        if (!(e instanceof inputs_errors/* InputError */.d))
            throw e;
        r.errors.push(e);
    }
    r.errors.push(...(0,promote/* checkPromoteInputs */.qK)(inputs.mode, inputs.promote.from, inputs.promote.to, { value: r.text('steps'), given: r.text('steps') !== '' }, r.text('to-registry')));
    const verify = checkVerifyInputs(inputs.mode, r.raw('require-signature') ?? '', r.text('require-attestations'), workspace);
    inputs.verify = verify.verify;
    r.errors.push(...verify.errors);
    if (!AVAILABLE_MODES.includes(inputs.mode)) {
        r.errors.push(new inputs_errors/* InputError */.d('mode', `mode: ${inputs.mode} is not available yet in this version (available: ${AVAILABLE_MODES.join(', ')}); nothing was logged in to, built or pushed`));
    }
    if (r.errors.length)
        throw new inputs_errors/* InputErrors */.G(r.errors);
    return inputs;
}

// EXTERNAL MODULE: ./src/pipeline/metadata/index.ts
var pipeline_metadata = __webpack_require__(1606);
// EXTERNAL MODULE: ./src/pipeline/context/github-api.ts
var github_api = __webpack_require__(6878);
// EXTERNAL MODULE: ./src/pipeline/plan.ts
var pipeline_plan = __webpack_require__(75455);
// EXTERNAL MODULE: ./src/lib/semver.ts
var semver = __webpack_require__(75419);
// EXTERNAL MODULE: ./node_modules/@renovatebot/pep440/index.js
var pep440 = __webpack_require__(68898);
;// CONCATENATED MODULE: ./src/pipeline/inputs/version-file.ts
/**
 * `version-file`: a file that holds the release version (`VERSION` with `1.4.2`). semver/pep440 tag
 * expressions without `value=` take their version from it on every event; on a tag push the tag must agree.
 */





/** A version file is one short line; anything bigger is not one (and is not read into memory). */
const MAX_VERSION_FILE_BYTES = 4096;
/** Only text shaped like a version is ever quoted back: a file from a fork may hold anything (tokens). */
const VERSION_SHAPED = /^[0-9A-Za-z.+_-]{1,64}$/;
/**
 * Reads `version-file` as a fork's pull request may have written it: the path, symlinks resolved, must
 * stay inside the workspace (no /proc/self/environ, no file of the runner), be a regular file (no FIFO or
 * device, opened non-blocking and without following a link swapped in after the check) of a few KiB.
 */
function readVersionFile(workspace, path) {
    const fail = (why) => new inputs_errors/* InputError */.d('version-file', `${path} ${why}`);
    let root;
    let target;
    try {
        root = (0,external_node_fs_.realpathSync)(workspace);
        target = (0,external_node_fs_.realpathSync)((0,external_node_path_.resolve)(root, path));
    }
    catch (e) {
        throw new inputs_errors/* InputError */.d('version-file', `cannot read ${path}: ${e.code ?? 'unreadable'}`);
    }
    const rel = (0,external_node_path_.relative)(root, target);
    if (rel === '' || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
        throw fail('resolves outside the workspace (GITHUB_WORKSPACE); a version file must be a file of the repository');
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(target, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK | external_node_fs_.constants.O_NOFOLLOW);
    }
    catch (e) {
        throw new inputs_errors/* InputError */.d('version-file', `cannot read ${path}: ${e.code ?? 'unreadable'}`);
    }
    try {
        const st = (0,external_node_fs_.fstatSync)(fd);
        if (!st.isFile())
            throw fail('is not a regular file');
        if (st.size > MAX_VERSION_FILE_BYTES)
            throw fail(`is ${st.size} bytes; a version file holds one version (at most ${MAX_VERSION_FILE_BYTES} bytes)`);
        const buf = Buffer.alloc(MAX_VERSION_FILE_BYTES + 1);
        let n = 0;
        for (let got = -1; got !== 0 && n < buf.length; n += got)
            got = (0,external_node_fs_.readSync)(fd, buf, n, buf.length - n, null);
        if (n > MAX_VERSION_FILE_BYTES)
            throw fail(`is more than ${MAX_VERSION_FILE_BYTES} bytes; a version file holds one version`);
        return buf.subarray(0, n).toString('utf8');
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** The version in the file's text: its first non-empty, non-comment line. */
function parseVersionFile(content, path) {
    const line = content
        .split(/\r?\n/)
        .map(l => l.trim())
        .find(l => l !== '' && !l.startsWith('#'));
    if (!line)
        throw new inputs_errors/* InputError */.d('version-file', `${path} holds no version`);
    if (!semver/* valid */.rZ(line) && !pep440.valid(line)) {
        const shown = VERSION_SHAPED.test(line) ? `"${line}"` : 'a first line that does not look like a version (not shown)';
        throw new inputs_errors/* InputError */.d('version-file', `${path} holds ${shown}, which is neither a semantic version nor a PEP 440 version`);
    }
    return line;
}
function normalise(v) {
    return semver/* clean */.uH(v) ?? (pep440.valid(v) ? (pep440.clean(v) ?? undefined) : undefined);
}
/** On a tag push, the tag must name the file's version (`v1.4.2`, `1.4.2`, `app/v1.4.2` for 1.4.2). */
function checkTagAgreesWithFile(ref, fileVersion, path) {
    if (!ref.startsWith('refs/tags/'))
        return;
    const tag = ref.slice('refs/tags/'.length);
    const want = normalise(fileVersion);
    const last = tag.split('/').pop() ?? tag;
    const got = normalise(tag) ?? normalise(last);
    if (want === undefined || got !== want) {
        throw new inputs_errors/* InputError */.d('version-file', `the git tag ${tag} does not agree with ${path}, which says ${fileVersion}; tag the release as v${want ?? fileVersion} or update ${path}`);
    }
}

;// CONCATENATED MODULE: ./src/pipeline/inputs/attest.ts
/**
 * `github-attestations` (issue 12): true makes a SLSA build provenance attestation of every pushed index
 * through GitHub's attestation library (engine/attest.ts). Pure: the permissions it needs are the
 * runner's environment, checked by the engine before any login (engine/attest.ts checkAttestPermissions).
 */
/** The modes that attest: the ones that release (publish in one job, merge after the build legs), as signing. */
const ATTESTING_MODES = ['publish', 'merge'];
/** Warnings about `github-attestations` in a run that does not read it (said once, never failing the run). */
function attestWarnings(mode, githubAttestations) {
    if (!githubAttestations || ATTESTING_MODES.includes(mode))
        return [];
    return [`Input "github-attestations" is read by mode: publish and mode: merge only (the runs that release); with mode: ${mode} nothing is attested here.`];
}
/**
 * Warnings about `attestation-storage: referrers` in a run that does not read it: the build legs push
 * BuildKit's layout (the merge moves the attestations out), the other modes push no build.
 */
function attestationStorageWarnings(mode, storage) {
    if (storage !== 'referrers' || ATTESTING_MODES.includes(mode))
        return [];
    if (mode === 'build')
        return ['Input "attestation-storage" is read by mode: publish and mode: merge only: a build leg pushes its attestations in its index as BuildKit writes them, and the merge (with attestation-storage: referrers) stores them as referrers.'];
    return [`Input "attestation-storage" is read by mode: publish and mode: merge only (the runs that push an index); with mode: ${mode} nothing is rewritten.`];
}

;// CONCATENATED MODULE: ./src/pipeline/prepare.ts
/**
 * The pure front half of every run: inputs -> context -> metadata -> policy -> plan. Nothing here logs
 * in, builds or pushes; input errors and policy refusals surface before anything else happens.
 */







function readVersion(inputs, ctx, workspace) {
    if (!inputs.versionFile)
        return undefined;
    const content = readVersionFile(workspace, inputs.versionFile);
    const version = parseVersionFile(content, inputs.versionFile);
    checkTagAgreesWithFile(ctx.ref, version, inputs.versionFile);
    return version;
}
function annotationLevels(env) {
    return (env['DOCKER_METADATA_ANNOTATIONS_LEVELS'] || 'manifest').split(',').map(s => s.trim()).filter(Boolean);
}
async function prepare(ctx, opts) {
    const inputs = getInputs(opts.env, opts.workspace);
    const credentials = await parseRegistryAuth(inputs.engine.registryAuth);
    const warnings = [];
    const warn = (m) => warnings.push(m);
    warnings.push(...inputs.engine.secretWarnings, ...(0,sign/* signWarnings */.bR)(inputs.mode, inputs.sign), ...attestWarnings(inputs.mode, inputs.githubAttestations), ...attestationStorageWarnings(inputs.mode, inputs.engine.attestationStorage));
    const fileVersion = readVersion(inputs, ctx, opts.workspace);
    const levels = annotationLevels(opts.env);
    const metaInputs = {
        tags: inputs.tags,
        flavor: inputs.flavor,
        labels: inputs.labels,
        annotations: inputs.annotations,
        fileVersion,
        annotationLevels: levels
    };
    const [repo, commitDate] = await Promise.all([
        opts.useApi ? (0,github_api/* fetchRepoInfo */.tx)(ctx, inputs.githubToken, warn) : (0,github_api/* repoFromContext */.m4)(ctx),
        ctx.commitDate === undefined && (0,pipeline_metadata/* needsCommitDate */.TI)(metaInputs) && opts.useApi ? (0,github_api/* fetchCommitDate */.Sn)(ctx, inputs.githubToken, warn) : ctx.commitDate
    ]);
    const context = { ...ctx, commitDate: commitDate ?? ctx.commitDate };
    const metadata = await (0,pipeline_metadata/* computeMetadata */.FT)(metaInputs, context, repo);
    warnings.push(...metadata.warnings);
    const plan = (0,pipeline_plan/* buildPlan */.Gg)(inputs, context, metadata, levels);
    warnings.push(...plan.policy.warnings.map(w => `Tag policy: ${w}`));
    return { inputs, ctx: context, metadata, plan, credentials, warnings };
}


/***/ }),

/***/ 28696:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CY: () => (/* binding */ orderForMoving),
/* harmony export */   Sv: () => (/* binding */ holdsCommitSha),
/* harmony export */   pk: () => (/* binding */ tagKind)
/* harmony export */ });
/* unused harmony export holdsFullVersion */
/**
 * What kind of tag a tag name is, for the tag phase and the policy. Pure.
 *
 * - immutable: names one release for good: it holds the commit SHA (at least 7 hex characters, a prefix
 *   of the run's commit) as a whole token, or a full version `X.Y.Z` (with an optional pre-release).
 * - mutable: a channel that moves from release to release (`latest`, a branch, `1`, `1.2`, `pr-12`,
 *   `env-prod`, `nightly`, ...). Moved after every immutable tag, and guarded against moving backwards.
 */
/** The tokens of a tag: runs of letters and digits (`sha-abc1234` -> sha, abc1234). */
function tokens(tag) {
    return tag.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}
/** True when the tag holds the commit SHA (at least 7 characters of it, from its start) as a whole token. */
function holdsCommitSha(tag, sha) {
    const full = sha.toLowerCase();
    if (!/^[0-9a-f]{7,}$/.test(full))
        return false;
    return tokens(tag).some(t => t.length >= 7 && /^[0-9a-f]+$/.test(t) && full.startsWith(t));
}
/** A full version `X.Y.Z` anywhere in the tag, as whole numbers (`v1.2.3`, `1.2.3-rc.1`, `app-1.2.3`). */
function holdsFullVersion(tag) {
    return /(?:^|[^0-9.])\d+\.\d+\.\d+(?![0-9]|\.\d)/.test(tag);
}
function tagKind(tag, sha) {
    return holdsCommitSha(tag, sha) || holdsFullVersion(tag) ? 'immutable' : 'mutable';
}
/** The tags in the order they move: immutable first, then mutable, each in the plan's order. */
function orderForMoving(tags, sha) {
    const immutable = tags.filter(t => tagKind(t, sha) === 'immutable');
    return { immutable, mutable: tags.filter(t => tagKind(t, sha) === 'mutable') };
}


/***/ }),

/***/ 20663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ze: () => (/* binding */ attestPlanSummary),
/* harmony export */   aD: () => (/* binding */ attestationsSummary),
/* harmony export */   c7: () => (/* binding */ attestationsOutputs),
/* harmony export */   kg: () => (/* binding */ attestPlanLines)
/* harmony export */ });
/* unused harmony export ghVerifyCommand */
/* harmony import */ var _engine_attest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65357);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14031);
/**
 * GitHub attestations (engine/attest.ts) in the step's outputs and the job summary. Registry and API
 * text (ids, names, digests) goes through escape.ts.
 */


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
        lines.push(`❌ Attesting failed: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(r.error)}`, '', 'No tag was created or moved: nothing was released. The content is in the registry by digest.', '');
        if (made.length)
            lines.push('The attestations made before it stopped stay (in the repository\'s attestations and beside the images, below): they are about this content by digest, which no release tag points at.', '');
    }
    else {
        lines.push(`SLSA build provenance of every index, made before any tag moved (Sigstore: ${r.result?.sigstore === 'public-good' ? 'public-good, the repository is public' : 'GitHub\'s instance, the repository is not public'}). Verify with:`, '');
        lines.push(...(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeBlock */ .DV)(made.map(a => ghVerifyCommand(a.image, a.digest, r.owner)), 'sh'), '');
    }
    if (made.length) {
        lines.push('| image | index | attestation | bundle in the registry |', '| --- | --- | --- | --- |');
        for (const a of made) {
            const id = a.attestationUrl ? `[${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(a.attestationId)}](${encodeURI(a.attestationUrl).replace(/[()]/g, c => encodeURIComponent(c))})` : (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(a.attestationId || 'not stored');
            const where = `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(a.bundle.slice(a.image.length + 1))}${a.referrersTag ? ` (listed by the tag ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(a.referrersTag)})` : ' (referrers API)'}`;
            lines.push(`| ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(a.image)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(a.digest)} | ${id} | ${where} |`);
        }
        lines.push('');
    }
    return lines.join('\n');
}
/** The dry run's and the plan's words for the attestations to be made; [] when none would be. */
function attestPlanLines(plan, githubAttestations, mode) {
    if (!githubAttestations || !['publish', 'merge'].includes(mode))
        return [];
    return [
        'GitHub attestations (github-attestations: true): SLSA build provenance of each index, after the content is verified and before any tag moves; stored in the repository\'s attestations and pushed beside the image:',
        ...plan.builds.flatMap(b => b.images.map(name => `  ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .logValue */ .Od)(name)}: its index, as the subject ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .logValue */ .Od)((0,_engine_attest_js__WEBPACK_IMPORTED_MODULE_0__/* .subjectName */ .wn)(name))}; the bundle an OCI referrer of it (or listed by the tag sha256-<hex>)`))
    ];
}
/** The dry run's "GitHub attestations" part of the summary; '' when nothing would be attested. */
function attestPlanSummary(lines) {
    if (!lines.length)
        return '';
    return ['', '### GitHub attestations (github-attestations: true)', '', ...(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeBlock */ .DV)(lines), ''].join('\n');
}


/***/ }),

/***/ 33344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ay: () => (/* reexport */ budgetSummary),
  bf: () => (/* reexport */ cacheMountsSummary),
  nT: () => (/* reexport */ formatPlan),
  xE: () => (/* reexport */ historySummary),
  K1: () => (/* reexport */ imagesOutput),
  FJ: () => (/* reexport */ legOutputs),
  pM: () => (/* reexport */ legSummary),
  _V: () => (/* reexport */ metadataOutputs),
  iY: () => (/* reexport */ planJson),
  MM: () => (/* reexport */ planSummary),
  h0: () => (/* reexport */ promoteSummary),
  tG: () => (/* reexport */ pruneSummary),
  Iv: () => (/* reexport */ publishSummary),
  Iq: () => (/* reexport */ signaturesSummary),
  KP: () => (/* reexport */ signingOutputs),
  MW: () => (/* reexport */ signingPlanLines),
  t4: () => (/* reexport */ signingPlanSummary),
  Jf: () => (/* reexport */ skippedTagsOutput),
  Ii: () => (/* reexport */ skippedTagsSummary),
  Il: () => (/* reexport */ verifySummary),
  Ap: () => (/* reexport */ writeBakeFiles),
  Kn: () => (/* reexport */ writeOutputs),
  Sy: () => (/* reexport */ writeSummary)
});

// UNUSED EXPORTS: BAKE_FILE_NAMES, ENV_MAX_BYTES, ENV_OUTPUTS, ENV_WARN_BYTES, attestPlanLines, attestPlanSummary, attestationsOutputs, attestationsSummary, bakeFiles, envName, exportDecision, ghVerifyCommand, humanSize, policyLine, tagMovesSection

// EXTERNAL MODULE: ./src/engine/sign.ts
var sign = __webpack_require__(77077);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/action/runner.ts + 1 modules
var runner = __webpack_require__(31949);
// EXTERNAL MODULE: ./src/pipeline/metadata/labels.ts
var labels = __webpack_require__(48911);
;// CONCATENATED MODULE: ./src/report/outputs.ts
/**
 * The step's outputs, with metadata-action's names and formats (plus `plan`), its bake definition files
 * for docker/bake-action, and the DOCKER_METADATA_OUTPUT_* variables it exports to later steps.
 */






/** The `plan` output: one entry per build. */
function planJson(plan) {
    return plan.builds.map(b => ({
        id: b.id,
        images: b.images,
        file: b.file,
        context: b.context,
        target: b.target ?? null,
        platforms: b.platforms,
        tags: b.tags,
        labels: b.labels,
        annotations: b.annotations,
        buildArgs: b.buildArgs,
        push: b.push,
        policy: b.policy,
        ...(b.archTags ? { archTags: b.archTags } : {})
    }));
}
function metadataOutputs(inputs, metadata, plan) {
    const tags = plan.builds.flatMap(b => b.tags);
    const labelsObject = (0,labels/* keyValueObject */.jm)(metadata.labels);
    return {
        version: metadata.version.main ?? '',
        tags: tags.join(inputs.sepTags),
        'tag-names': metadata.tagNames.join(inputs.sepTags),
        labels: metadata.labels.join(inputs.sepLabels),
        annotations: metadata.annotations.join(inputs.sepAnnotations),
        json: JSON.stringify({ tags, 'tag-names': metadata.tagNames, labels: labelsObject, annotations: metadata.annotations }),
        plan: JSON.stringify(planJson(plan))
    };
}
/**
 * The bake files' content. The target named by `bake-target` holds exactly what metadata-action writes
 * for the same outputs (every tag of every image, the repository-wide labels and annotations). A run with
 * more than one build also gets a target per build, `<bake-target>-<build id>`, with that build's names,
 * tags, labels and annotations (per-image title= / description= included), so that a bake file of the
 * user's can inherit each build's metadata; a single build adds nothing metadata-action would not write.
 */
function bakeFiles(inputs, metadata, plan) {
    const sources = [
        [inputs.bakeTarget, { images: plan.builds.flatMap(b => b.images), version: metadata.version.main, tags: plan.builds.flatMap(b => b.tags), labels: metadata.labels, annotations: metadata.annotations }]
    ];
    if (plan.builds.length > 1) {
        for (const b of plan.builds)
            sources.push([`${inputs.bakeTarget}-${b.id}`, { images: b.images, version: metadata.version.main, tags: b.tags, labels: b.labels, annotations: b.annotations }]);
    }
    const args = (s) => ({ DOCKER_META_IMAGES: s.images.join(','), DOCKER_META_VERSION: s.version });
    const file = (pick) => ({ target: Object.fromEntries(sources.map(([name, s]) => [name, pick(s)])) });
    return {
        'bake-file-tags': file(s => ({ tags: s.tags, args: args(s) })),
        'bake-file-labels': file(s => ({ labels: (0,labels/* keyValueObject */.jm)(s.labels) })),
        'bake-file-annotations': file(s => ({ annotations: s.annotations })),
        'bake-file': file(s => ({ tags: s.tags, labels: (0,labels/* keyValueObject */.jm)(s.labels), args: args(s) }))
    };
}
/** metadata-action's file names, in a directory of this step's own. */
const BAKE_FILE_NAMES = {
    'bake-file-tags': 'docker-metadata-action-bake-tags.json',
    'bake-file-labels': 'docker-metadata-action-bake-labels.json',
    'bake-file-annotations': 'docker-metadata-action-bake-annotations.json',
    'bake-file': 'docker-metadata-action-bake.json'
};
/**
 * Writes the bake files, formatted as metadata-action formats them, and returns the bake-file outputs.
 * Each run gets a fresh directory (mkdtemp) under RUNNER_TEMP, so that two steps of one job never
 * overwrite the files a later step reads; the post step removes it, after every later step (cleanup.ts).
 */
function writeBakeFiles(inputs, metadata, plan, env = process.env) {
    const base = env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)();
    (0,external_node_fs_.mkdirSync)(base, { recursive: true }); // a self-hosted runner's RUNNER_TEMP may not exist yet
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(base, 'multiarch-publish-bake-'));
    const files = bakeFiles(inputs, metadata, plan);
    const out = {};
    for (const name of Object.keys(BAKE_FILE_NAMES)) {
        const path = (0,external_node_path_.join)(dir, BAKE_FILE_NAMES[name]);
        (0,external_node_fs_.writeFileSync)(path, JSON.stringify(files[name], null, 2));
        out[name] = path;
    }
    return out;
}
/**
 * The outputs metadata-action also exports as DOCKER_METADATA_OUTPUT_<NAME>: that prefix is its
 * namespace, and the large JSON outputs of our own (plan, metadata, images) would otherwise sit in the
 * environment of every later step, where Linux refuses a single variable over 128 KiB (E2BIG).
 */
const ENV_OUTPUTS = ['version', 'tags', 'tag-names', 'labels', 'annotations', 'json', 'bake-file-tags', 'bake-file-labels', 'bake-file-annotations', 'bake-file'];
/** The variable an output is exported as: `tag-names` -> DOCKER_METADATA_OUTPUT_TAG_NAMES. */
function envName(output) {
    return `DOCKER_METADATA_OUTPUT_${output.replace(/\W/g, '_').toUpperCase()}`;
}
/** The false values of DOCKER_METADATA_SET_OUTPUT_ENV: metadata-action reads it with Go's ParseBool. */
const FALSE = ['0', 'f', 'F', 'false', 'FALSE', 'False'];
/** Above this an exported variable gets a warning: it weighs on every program of every later step. */
const ENV_WARN_BYTES = 32 * 1024;
/** Linux refuses to start a program with one `NAME=value` longer than this (MAX_ARG_STRLEN): not exported. */
const ENV_MAX_BYTES = 128 * 1024 - 1;
/** Whether (and with which warning) a variable of this size is exported to later steps. */
function exportDecision(name, value) {
    const bytes = Buffer.byteLength(`${name}=${value}`);
    const kib = (bytes / 1024).toFixed(0);
    if (bytes > ENV_MAX_BYTES)
        return { exported: false, warning: `${name} is ${kib} KiB, more than the 128 KiB a variable may hold for a program to start: it is not exported (read the step's output of the same name, or set DOCKER_METADATA_SET_OUTPUT_ENV: false).` };
    if (bytes > ENV_WARN_BYTES)
        return { exported: true, warning: `${name} is ${kib} KiB: exported, but every later step's programs carry it (set DOCKER_METADATA_SET_OUTPUT_ENV: false and read the step's outputs instead).` };
    return { exported: true };
}
/** Writes the outputs and, unless DOCKER_METADATA_SET_OUTPUT_ENV is false, the DOCKER_METADATA_OUTPUT_* variables. */
function writeOutputs(outputs, env = process.env) {
    const alsoEnv = !FALSE.includes(env['DOCKER_METADATA_SET_OUTPUT_ENV'] ?? '') && !!env['GITHUB_ENV'];
    for (const [name, value] of Object.entries(outputs)) {
        (0,runner/* setOutput */.uH)(name, value, env);
        if (!alsoEnv || !ENV_OUTPUTS.includes(name))
            continue;
        const d = exportDecision(envName(name), value);
        if (d.warning)
            (0,runner/* warning */.$e)(d.warning);
        if (d.exported)
            (0,runner/* exportVariable */.dN)(envName(name), value, env);
    }
}
/** The `skipped-tags` output: `name:tag`, one a line, of the tags the guard did not move (engine/steps/guard.ts). */
function skippedTagsOutput(skipped) {
    return skipped.map(s => `${s.name}:${s.tag}`).join('\n');
}
/**
 * The `images` output of a publish and of a merge: one entry per build, from what the registry holds
 * (each platform's digest and size), with the per-platform tags of `arch-tags` when the plan has them.
 */
function imagesOutput(results) {
    return JSON.stringify(results.map(r => ({
        id: r.build.id,
        names: r.build.images,
        digest: r.digest || null,
        tags: r.build.tags,
        ...(r.build.archTags ? { archTags: r.build.archTags.flatMap(a => a.tags) } : {}),
        pushed: r.build.push,
        platforms: r.images[0]?.platforms.map(pl => ({ platform: pl.platform, digest: pl.digest, size: pl.size })) ?? r.build.platforms.map(pl => ({ platform: pl, digest: null, size: null })),
        buildSeconds: Math.round(r.seconds * 10) / 10
    })));
}
/**
 * The outputs of a build leg (mode: build): `digests`, one entry per image name and platform it pushed
 * ({id, image, platform, digest of the platform manifest, content pushed by digest, record tag}), and
 * `digest`/`metadata` as publish writes them. No tag moved, so no `images` or `tags`.
 */
function legOutputs(digests, metadata) {
    return { digests: JSON.stringify(digests), digest: digests[0]?.content ?? '', metadata: JSON.stringify(metadata) };
}
/**
 * The outputs of a signing run (sign: key or keyless, engine/sign.ts): `signatures`, per image name the
 * digests signed ({digest, platform: 'index' or os/arch, signature: the tag of its signature}; keyless:
 * the certificate's identity and issuer too), and `verify-commands`, one `cosign verify` line per image
 * for the index its tags point at (keyless: pinning that identity and issuer).
 */
function signingOutputs(result, indexes) {
    const signatures = {};
    for (const s of result.signed)
        (signatures[s.name] ??= []).push({ digest: s.digest, platform: s.platform, signature: s.signature, ...(result.keyless ? { identity: result.keyless.identity, issuer: result.keyless.issuer } : {}) });
    return { signatures: JSON.stringify(signatures), 'verify-commands': indexes.map(i => (0,sign/* verifyCommand */.p0)(i.name, i.digest, (0,sign/* verifyHow */.Ig)(result))).join('\n') };
}

// EXTERNAL MODULE: ./src/lib/size.ts
var lib_size = __webpack_require__(54842);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
;// CONCATENATED MODULE: ./src/report/plan-text.ts

/** The policy's verdict in one line (also a cell of the job summaries). */
function policyLine(plan) {
    const p = plan.policy;
    if (p.rules.length === 0)
        return 'no tag policy';
    const n = p.warnings.length;
    const warned = n ? `, ${n} warning${n === 1 ? '' : 's'}` : '';
    if (p.allowed)
        return `allowed${n ? ' with warnings' : ''} (${p.rules.length} rule${p.rules.length === 1 ? '' : 's'}: ${p.rules.join('; ')}${warned})`;
    return `REFUSED: ${p.violations.length} violation${p.violations.length === 1 ? '' : 's'}${warned}`;
}
function formatPlan(plan, header) {
    const out = [header];
    out.push(`ref ${(0,report_escape/* logValue */.Od)(plan.ref || '(none)')} · commit ${plan.sha ? (0,report_escape/* logValue */.Od)(plan.sha.slice(0, 7)) : '(none)'} · event ${(0,report_escape/* logValue */.Od)(plan.eventName || '(none)')} · version ${(0,report_escape/* logValue */.Od)(plan.version || '(none)')}`);
    out.push(`push: ${plan.push ? 'yes' : 'no'} (${(0,report_escape/* logValue */.Od)(plan.pushReason)})`);
    for (const b of plan.builds) {
        out.push('', `build ${b.id}: ${b.images.length ? b.images.map(report_escape/* logValue */.Od).join(', ') : '(no image name: bare tags)'}`);
        out.push(`  file ${(0,report_escape/* logValue */.Od)(b.file)} · context ${(0,report_escape/* logValue */.Od)(b.context)}${b.target ? ` · target ${(0,report_escape/* logValue */.Od)(b.target)}` : ''} · platforms ${b.platforms.join(', ')}`);
        out.push(`  tags${b.tags.length ? '' : ' (none: nothing would be published)'}:`, ...b.tags.map(t => `    ${(0,report_escape/* logValue */.Od)(t)}`));
        for (const a of b.archTags ?? [])
            out.push(`  per-platform tags of ${a.platform} (arch-tags):`, ...a.tags.map(t => `    ${(0,report_escape/* logValue */.Od)(t)}`));
        out.push('  labels:', ...b.labels.map(l => `    ${(0,report_escape/* logValue */.Od)(l)}`));
        out.push('  annotations:', ...b.annotations.map(a => `    ${(0,report_escape/* logValue */.Od)(a)}`));
        if (Object.keys(b.buildArgs).length)
            out.push('  build args:', ...Object.entries(b.buildArgs).map(([k, val]) => `    ${k}=${(0,report_escape/* logValue */.Od)(val)}`));
    }
    out.push('', `policy: ${(0,report_escape/* logValue */.Od)(policyLine(plan))}`);
    for (const viol of plan.policy.violations)
        out.push(`  ✗ ${(0,report_escape/* logValue */.Od)(viol.message)}`);
    for (const w of plan.policy.warnings)
        out.push(`  ! ${(0,report_escape/* logValue */.Od)(w)}`);
    const budgets = plan.policy.rules.filter(r => /^\s*max-size\s*=/i.test(r));
    if (budgets.length)
        out.push(`  size budgets (${budgets.map(report_escape/* logValue */.Od).join('; ')}): checked once the images are in the registry, before any tag moves`);
    return out.join('\n');
}
/**
 * What a run would sign (sign: key, engine/sign.ts), for the printed plan and the dry run's summary: []
 * when nothing is signed. The digests are not known before the build: the manifests are named by kind.
 */
function signingPlanLines(plan, sign, mode) {
    if ((sign?.mode !== 'key' && sign?.mode !== 'keyless') || !['publish', 'merge'].includes(mode))
        return [];
    const keyless = sign.mode === 'keyless';
    const tlog = keyless ? `uploaded to the transparency log (Rekor, ${(0,report_escape/* logValue */.Od)(sign.rekorUrl ?? 'https://rekor.sigstore.dev')})` : sign.transparencyLog ? 'uploaded to the transparency log (Rekor)' : 'not uploaded to the transparency log (transparency-log: false)';
    const how = keyless ? ` keyless, with the workflow's OIDC identity (certificates from Fulcio, ${(0,report_escape/* logValue */.Od)(sign.fulcioUrl ?? 'https://fulcio.sigstore.dev')}),` : '';
    return [
        `signing (sign: ${sign.mode}): with cosign,${how} after the content is verified in the registry and before any tag moves; signatures ${tlog}:`,
        ...plan.builds.flatMap(b => b.images.map(name => `  ${(0,report_escape/* logValue */.Od)(name)}: its index and the manifest of each platform (${b.platforms.join(', ')}), each as ${(0,report_escape/* logValue */.Od)(name)}:sha256-<hex>.sig`))
    ];
}

;// CONCATENATED MODULE: ./src/report/summary.ts
/**
 * The job summaries (markdown in the Actions UI): the plan of a dry run, and what a publishing run did.
 * Every value that comes from the user, the repository or buildx goes through ./escape.ts.
 */





function humanSize(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB'];
    let v = bytes / 1024;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
function headline(plan) {
    return `**Ref** ${(0,report_escape/* code */.aY)(plan.ref || 'none')} · **commit** ${(0,report_escape/* code */.aY)(plan.sha ? plan.sha.slice(0, 7) : 'none')} · **version** ${(0,report_escape/* code */.aY)(plan.version || 'none')} · **push** ${plan.push ? 'yes' : 'no'} (${(0,report_escape/* text */.Qq)(plan.pushReason)})`;
}
function policyVerdict(plan) {
    return `**Tag policy:** ${plan.policy.allowed ? '✅' : '❌'} ${(0,report_escape/* text */.Qq)(policyLine(plan))}`;
}
function buildRow(b) {
    const names = b.images.length ? b.images.map(report_escape/* code */.aY).join('<br>') : '_(bare tags)_';
    const tags = b.tagNames.length ? b.tagNames.map(report_escape/* code */.aY).join(' ') : '_none_';
    return `| ${names} | ${tags} | ${b.platforms.map(report_escape/* text */.Qq).join('<br>')} | ${(0,report_escape/* text */.Qq)(b.file)} |`;
}
/** The job summary of a dry run: what would be published, and whether the policy allows it. */
function planSummary(plan, title) {
    const lines = [
        `## ${(0,report_escape/* text */.Qq)(title)}`,
        '',
        headline(plan),
        '',
        '| image | tags | platforms | Dockerfile |',
        '| --- | --- | --- | --- |',
        ...plan.builds.map(buildRow),
        '',
        policyVerdict(plan),
        ...plan.policy.violations.map(v => `- ${(0,report_escape/* text */.Qq)(v.message)}`),
        ...plan.policy.warnings.map(w => `- ⚠️ ${(0,report_escape/* text */.Qq)(w)}`),
        ''
    ];
    for (const b of plan.builds) {
        lines.push(`<details><summary>Labels and annotations of ${(0,report_escape/* html */.qy)(b.images[0] ?? b.id)}</summary>`, '', ...(0,report_escape/* codeBlock */.DV)([...b.labels, '', ...b.annotations]), '', '</details>', '');
    }
    return lines.join('\n');
}
function writeSummary(markdown, env = process.env) {
    (0,runner/* appendSummary */.fe)(markdown + '\n', env);
}
const TAG_STATE = {
    moved: '✅ moved',
    unchanged: '✅ already there',
    'not-moved': '⏸ not moved',
    restored: '↩️ put back',
    removed: '↩️ removed (was new)',
    'not-restored': '❌ NOT restored',
    failed: '❌ write failed'
};
/** "Tag moves": one row per tag, old and new digest; tags that could not be put back are listed first. */
function tagMovesSection(t) {
    const left = t.outcomes.filter(o => o.state === 'not-restored');
    // a release that went through: the table is collapsed (it has a row per tag of every image)
    const fold = !t.error && !left.length;
    const moved = t.outcomes.filter(o => o.state === 'moved').length;
    const lines = fold ? [`<details><summary>Tag moves: ${moved} moved, ${t.outcomes.length - moved} already there</summary>`, ''] : ['### Tag moves', ''];
    if (t.error)
        lines.push(`❌ ${(0,report_escape/* text */.Qq)(t.error.split('\n')[0])}`, '');
    if (left.length) {
        lines.push(`**Not restored** (re-run the job to complete the release): ${left.map(o => (0,report_escape/* code */.aY)(`${o.name}:${o.tag}`)).join(' ')}`, '');
    }
    lines.push('| tag | kind | before | now | |', '| --- | --- | --- | --- | --- |');
    const order = [...left, ...t.outcomes.filter(o => o.state !== 'not-restored')];
    for (const o of order) {
        const now = ['moved', 'unchanged', 'not-restored'].includes(o.state) ? o.digest : o.state === 'removed' ? undefined : o.previous;
        lines.push(`| ${(0,report_escape/* code */.aY)(`${o.name}:${o.tag}`)} | ${o.kind} | ${o.previous ? (0,report_escape/* code */.aY)(o.previous) : '_new_'} | ${now ? (0,report_escape/* code */.aY)(now) : '_none_'} | ${TAG_STATE[o.state]}${o.note ? `: ${(0,report_escape/* text */.Qq)(o.note)}` : ''} |`);
    }
    lines.push('');
    if (fold)
        lines.push('</details>', '');
    return lines;
}
/** The job summary of a publishing run: one row per image, what the engine did, the policy, the bake file. */
function publishSummary(plan, r, results, failures, buildSeconds, tagMoves) {
    const failed = failures.length > 0 || !!tagMoves?.error;
    const lines = [`## multiarch-publish: ${failed ? '❌ failed' : plan.push ? '✅ published' : '✅ built (not pushed)'}`, '', `${headline(plan)} · **build** ${buildSeconds.toFixed(1)} s`, ''];
    // a failed tag phase first: which tags were left where is what the reader needs
    if (tagMoves?.error)
        lines.push(...tagMovesSection(tagMoves));
    if (failures.length) {
        lines.push(...failures.map(f => `- ❌ ${(0,report_escape/* text */.Qq)(f)}`), '', 'No tag was moved: every tag that existed before this run still points where it did.', '');
    }
    if (results.length) {
        lines.push('| image | tags | digest | platforms | size | build time |', '| --- | --- | --- | --- | --- | --- |');
        for (const res of results) {
            const images = res.images.length ? res.images : res.build.images.map(name => ({ name, digest: res.digest, mediaType: '', platforms: res.build.platforms.map(p => ({ platform: p, digest: '', size: 0 })) }));
            for (const img of images) {
                const sizes = img.platforms.map(p => (p.size ? `${(0,report_escape/* text */.Qq)(p.platform)} ${humanSize(p.size)}` : (0,report_escape/* text */.Qq)(p.platform))).join('<br>');
                lines.push(`| ${(0,report_escape/* code */.aY)(img.name)} | ${res.build.tagNames.map(report_escape/* code */.aY).join(' ')} | ${img.digest ? (0,report_escape/* code */.aY)(img.digest.slice(0, 19) + '…') : '_not pushed_'} | ${img.platforms.map(p => (0,report_escape/* text */.Qq)(p.platform)).join('<br>')} | ${res.images.length ? sizes : '—'} | ${res.seconds.toFixed(1)} s |`);
            }
        }
        lines.push('');
    }
    if (tagMoves && !tagMoves.error)
        lines.push(...tagMovesSection(tagMoves));
    lines.push(...engineSection(plan, r));
    return lines.join('\n');
}
/** What the engine did (QEMU, builder, cache, login), the policy, and the bake definition folded. */
function engineSection(plan, r) {
    return [
        `**QEMU:** ${(0,report_escape/* text */.Qq)(r.qemu)}  `,
        `**Builder:** ${(0,report_escape/* text */.Qq)(r.builder)}  `,
        `**Cache:** ${(0,report_escape/* text */.Qq)(r.cache)}  `,
        `**Login:** ${(0,report_escape/* text */.Qq)(r.login)}  `,
        policyVerdict(plan),
        ...plan.policy.warnings.map(w => `- ⚠️ ${(0,report_escape/* text */.Qq)(w)}`),
        '',
        `<details><summary>Bake definition (${(0,report_escape/* html */.qy)(r.bakeFile)})</summary>`,
        '',
        ...(0,report_escape/* codeBlock */.DV)(r.definition.split('\n'), 'json'),
        '',
        '</details>',
        ''
    ];
}
/**
 * The job summary of a build leg (mode: build): which platforms of which plan it built, per image and
 * platform the digest it pushed and the record the merge reads; no tag moved.
 */
function legSummary(plan, planDigest, r, rows, failures, buildSeconds, notes = []) {
    const failed = failures.length > 0;
    const platforms = plan.legPlatforms ?? [];
    const state = failed ? '❌ failed' : plan.push ? '✅ pushed for the merge' : '✅ built (not pushed)';
    const lines = [`## multiarch-publish: build leg ${platforms.map(p => (0,report_escape/* text */.Qq)(p)).join(', ')} — ${state}`, '', `**plan** ${(0,report_escape/* code */.aY)(planDigest)} · **commit** ${(0,report_escape/* code */.aY)(plan.sha.slice(0, 12))} · **build** ${buildSeconds.toFixed(1)} s`, ''];
    lines.push(...notes.map(n => `- ⚠️ ${(0,report_escape/* text */.Qq)(n)}`), ...(notes.length ? [''] : []));
    if (failed)
        lines.push(...failures.map(f => `- ❌ ${(0,report_escape/* text */.Qq)(f)}`), '', 'No leg record was written: the merge of this plan fails until this leg succeeds. No release tag was touched.', '');
    if (rows.length) {
        lines.push('| image | platform | digest | pushed content | record (for the merge) |', '| --- | --- | --- | --- | --- |');
        for (const row of rows)
            lines.push(`| ${(0,report_escape/* code */.aY)(row.image)} | ${(0,report_escape/* text */.Qq)(row.platform)} | ${(0,report_escape/* code */.aY)(row.digest)} | ${(0,report_escape/* code */.aY)(row.content.slice(0, 19) + '…')} | ${(0,report_escape/* code */.aY)(row.record)} |`);
        lines.push('', 'No release tag was moved: the merge job creates the indexes and moves the tags once every leg is in the registry.', '');
    }
    else if (!failed && !plan.push) {
        lines.push(`Not pushed (${(0,report_escape/* text */.Qq)(plan.pushReason)}): no leg record was written.`, '');
    }
    lines.push(...engineSection(plan, r));
    return lines.join('\n');
}
/**
 * The summary's "Skipped tags" part: the mutable tags the guard did not move (they point at content of a
 * newer commit), each with the reason; '' when none. Appended to the publish summary.
 */
function skippedTagsSummary(skipped) {
    if (!skipped.length)
        return '';
    return [
        '### Skipped tags',
        '',
        ...skipped.map(s => `- ⚠️ ${(0,report_escape/* code */.aY)(`${s.name}:${s.tag}`)} not moved: it ${(0,report_escape/* text */.Qq)(s.reason)}`),
        '',
        'Another run published newer content under these tags; `force-tags: true` moves them anyway.',
        ''
    ].join('\n');
}
/** The change of one platform image's size since the content its baseline tag pointed at before the run. */
function budgetChange(e) {
    const b = e.before;
    if (!b)
        return '—';
    if (!b.digest)
        return `_new_ (no ${(0,report_escape/* code */.aY)(b.tag)} before)`;
    if (b.same)
        return `none (${(0,report_escape/* code */.aY)(b.tag)} is this content already)`;
    if (!b.size || !(e.size > 0))
        return `— (${(0,report_escape/* code */.aY)(b.tag)} had no size for this platform)`;
    const d = e.size - b.size;
    const ratio = Math.abs(d / b.size) * 100;
    const pct = ratio < 0.1 ? '<0.1' : ratio.toFixed(1);
    const since = `since ${(0,report_escape/* code */.aY)(b.tag)} (${(0,report_escape/* code */.aY)(b.digest.slice(0, 19) + '…')})`;
    if (d === 0)
        return `±0 ${since}`;
    return `${d > 0 ? '+' : '−'}${(0,lib_size/* formatScaled */.AJ)(Math.abs(d), e.rule.unit)} (${d > 0 ? '+' : '−'}${pct} %) ${since}`;
}
/**
 * The summary's "Size budgets" part (policy max-size, engine/steps/budget.ts): every budgeted image's
 * compressed size per platform beside its budget, over budget or not, and the change since the content
 * its `latest` (or first mutable) tag pointed at before the run; '' when no budget applied.
 */
function budgetSummary(r) {
    if (!r || !r.entries.length)
        return '';
    const lines = ['### Size budgets', ''];
    if (r.violations.length)
        lines.push(`❌ ${r.violations.length} platform image${r.violations.length === 1 ? '' : 's'} over budget: no tag was created or moved.`, '');
    lines.push('| image | platform | size | budget | change | |', '| --- | --- | --- | --- | --- | --- |');
    for (const e of r.entries) {
        const size = e.size > 0 ? (0,lib_size/* formatSize */.Xq)(e.size, e.rule.unit) : '_unknown_';
        const state = e.over ? (e.size > 0 ? '❌ over budget' : '❌ size unknown') : '✅';
        lines.push(`| ${(0,report_escape/* code */.aY)(e.image)} | ${(0,report_escape/* text */.Qq)(e.platform)} | ${size} | ${(0,lib_size/* formatSize */.Xq)(e.rule.bytes, e.rule.unit)} (${(0,report_escape/* code */.aY)(e.rule.source)}) | ${budgetChange(e)} | ${state} |`);
    }
    lines.push('', 'Sizes are compressed: the config and layers of each platform\'s manifest, as a pull downloads them (KB, MB, GB: powers of 1000; KiB, MiB, GiB: powers of 1024).', '');
    return lines.join('\n');
}
const MOUNT_OUTCOME = {
    saved: '✅ saved',
    unchanged: '✅ unchanged (not saved again)',
    empty: 'empty (not saved)',
    'not-saved': '⚠️ not saved (see the log)',
    'not-extracted': '⚠️ not copied out (see the log)'
};
/**
 * The summary's "Cache mounts" part: each `RUN --mount=type=cache` kept across runs, with its size, the
 * key it was restored from and whether it was saved; then the notes (mounts skipped, and why). '' when
 * the input is false or nothing was found. Ids, targets and keys come from Dockerfiles: escaped.
 */
function cacheMountsSummary(r) {
    if (!r || (!r.mounts.length && !r.notes.length))
        return '';
    const lines = ['### Cache mounts', ''];
    if (r.mounts.length) {
        lines.push('| id | target | platform | size | restored | saved |', '| --- | --- | --- | --- | --- | --- |');
        for (const s of r.mounts) {
            const restored = s.restoredFrom ? `✅ restored from ${(0,report_escape/* code */.aY)(s.restoredFrom)}` : r.active ? 'no (started empty)' : 'no';
            const saved = s.outcome ? `${MOUNT_OUTCOME[s.outcome]}${s.savedKey ? ` as ${(0,report_escape/* code */.aY)(s.savedKey)}` : ''}` : '—';
            lines.push(`| ${(0,report_escape/* code */.aY)(s.mount.id)} | ${(0,report_escape/* code */.aY)(s.mount.target)} | ${s.mount.platform ? (0,report_escape/* text */.Qq)(s.mount.platform) : 'all'} | ${s.size !== undefined ? humanSize(s.size) : '—'} | ${restored} | ${saved} |`);
        }
        lines.push('');
    }
    lines.push(...r.notes.map(n => `- ${(0,report_escape/* text */.Qq)(n)}`), ...(r.notes.length ? [''] : []));
    return lines.join('\n');
}
const shortDigest = (d) => (d ? (0,report_escape/* code */.aY)(d.replace(/^(sha256:.{4}).*$/, '$1…')) : '_new_');
/** The job summary of mode: promote: every transition `tag: before → now (from source)`. */
function promoteSummary(r) {
    const failed = r.failures.length > 0;
    const verb = r.verb ?? 'promote';
    const state = failed ? '❌ failed' : r.dryRun ? '📝 dry run (nothing moved)' : verb === 'rollback' ? '✅ rolled back' : '✅ promoted';
    const lines = [verb === 'rollback' ? `## multiarch-publish: rollback ${r.to.map(report_escape/* code */.aY).join(' ')} (${(0,report_escape/* text */.Qq)(r.from)}) — ${state}` : `## multiarch-publish: promote ${(0,report_escape/* code */.aY)(r.from)} → ${r.to.map(report_escape/* code */.aY).join(' ')} — ${state}`, ''];
    if (failed)
        lines.push(...r.failures.map(f => `- ❌ ${(0,report_escape/* text */.Qq)(f)}`), '');
    if (r.promotions.length) {
        lines.push('| image | transition | state |', '| --- | --- | --- |');
        for (const p of r.promotions)
            lines.push(`| ${(0,report_escape/* code */.aY)(p.image)} | ${(0,report_escape/* code */.aY)(p.tag)}: ${shortDigest(p.before)} → ${shortDigest(p.digest)} (from ${(0,report_escape/* code */.aY)(p.from)}) | ${(0,report_escape/* text */.Qq)(p.state)} |`);
        lines.push('');
    }
    if (failed && !r.promotions.some(p => p.state === 'moved' || p.state === 'not-restored'))
        lines.push('No tag was moved: every tag still points where it did.', '');
    lines.push(`**Login:** ${(0,report_escape/* text */.Qq)(r.loginNote)}  `, '');
    return lines.join('\n');
}
/** The job summary of mode: history: per image and channel, where it points and its recorded moves. */
function historySummary(channels) {
    const lines = ['## multiarch-publish: channel history', ''];
    for (const c of channels) {
        lines.push(`### ${(0,report_escape/* code */.aY)(c.image)} ${(0,report_escape/* code */.aY)(c.channel)}`, '', `Now: ${c.current ? (0,report_escape/* code */.aY)(c.current) : '_no such tag_'} · ${c.entries.length} recorded move(s)`, '');
        if (!c.entries.length)
            continue;
        lines.push('| when | kind | before | after | source | by | run |', '| --- | --- | --- | --- | --- | --- | --- |');
        for (const e of [...c.entries].reverse())
            lines.push(`| ${(0,report_escape/* text */.Qq)(e.at)} | ${(0,report_escape/* text */.Qq)(e.kind)} | ${shortDigest(e.before)} | ${shortDigest(e.after)} | ${e.source ? (0,report_escape/* code */.aY)(e.source) : ''} | ${(0,report_escape/* text */.Qq)(e.actor)} | ${(0,report_escape/* text */.Qq)(e.run)} |`);
        lines.push('');
    }
    return lines.join('\n');
}
/** The job summary of mode: prune: per image a table of what is (or would be) deleted, with tags, reason and size; the total freed. */
function pruneSummary(r) {
    const failed = r.images.some(i => i.error);
    const state = failed ? '❌ failed' : r.dryRun ? '📝 dry run (nothing deleted)' : '✅ pruned';
    const total = r.images.reduce((n, i) => n + i.bytesFreed, 0);
    const lines = [`## multiarch-publish: prune — ${state}`, ''];
    if (r.dryRun)
        lines.push('Dry run: nothing deleted, set `dry-run: false` to delete.', '');
    lines.push(`**Rules:** ${(0,report_escape/* text */.Qq)(r.rules)}  `, '');
    const row = (x) => `| ${(0,report_escape/* code */.aY)(x.digest.replace(/^(sha256:.{12}).*$/, '$1…'))} | ${x.tags.length ? x.tags.map(report_escape/* code */.aY).join(' ') : '_untagged_'} | ${(0,report_escape/* text */.Qq)(x.kind)} | ${(0,report_escape/* text */.Qq)(x.reason)} | ${humanSize(x.bytes)} |`;
    for (const i of r.images) {
        lines.push(`### ${(0,report_escape/* code */.aY)(i.image)}`, '', `${i.kept} version(s) kept · ${i.deleted.length} manifest(s) ${r.dryRun ? 'would be deleted' : 'deleted'} · ${humanSize(i.bytesFreed)} ${r.dryRun ? 'would be freed' : 'freed'} · ${(0,report_escape/* text */.Qq)(i.backend)}`, '');
        if (i.error)
            lines.push(`- ❌ ${(0,report_escape/* text */.Qq)(i.error)}`, '');
        if (i.deleted.length)
            lines.push('| digest | tags | kind | reason | size |', '| --- | --- | --- | --- | --- |', ...i.deleted.map(row), '');
        if (i.notDeleted.length)
            lines.push('**Not deleted:**', '', '| digest | tags | kind | reason | size |', '| --- | --- | --- | --- | --- |', ...i.notDeleted.map(row), '');
    }
    lines.push(`**Total ${r.dryRun ? 'that would be freed' : 'freed'}:** ${humanSize(total)} (manifests, configs and layers only deleted versions referenced; the registry reclaims blobs at its own garbage collection)  `, `**Login:** ${(0,report_escape/* text */.Qq)(r.loginNote)}  `, '');
    return lines.join('\n');
}
/**
 * The summary's "Signatures" part (sign: key or keyless, engine/sign.ts): per image the command a consumer verifies
 * its index with, and every digest signed with the tag of its signature; after a failed signing, what
 * was signed before it stopped and that no tag moved. '' when nothing was to be signed.
 */
function signaturesSummary(r) {
    if (!r)
        return '';
    const signed = r.result?.signed ?? r.signed ?? [];
    // a blank line first: after the summary's closing </details> a heading would be read as part of that HTML block
    const lines = ['', '### Signatures', ''];
    if (r.error) {
        lines.push(`❌ Signing failed: ${(0,report_escape/* text */.Qq)(r.error)}`, '', 'No tag was created or moved: nothing was released. The content is in the registry by digest.', '');
        if (signed.length)
            lines.push('The signatures made before it stopped stay, under their signature tags (below): they sign this content by digest, which no release tag points at.', '');
    }
    else if (r.result?.keyless) {
        const k = r.result.keyless;
        lines.push(`Signed keyless with cosign (sign: keyless) before any tag moved: certificates from Fulcio for the workflow's OIDC identity, every signature in the transparency log (Rekor${r.result.rekorUrl ? ` at ${(0,report_escape/* code */.aY)(r.result.rekorUrl)}` : ''}).  `, `**Certificate identity:** ${(0,report_escape/* code */.aY)(k.identity)}  `, `**OIDC issuer:** ${(0,report_escape/* code */.aY)(k.issuer)}  `, '', 'Verify, pinning that identity and issuer:', '');
        lines.push(...(0,report_escape/* codeBlock */.DV)(r.indexes.map(i => (0,sign/* verifyCommand */.p0)(i.name, i.digest, (0,sign/* verifyHow */.Ig)(r.result))), 'sh'), '');
    }
    else {
        lines.push(`Signed with cosign (sign: key) before any tag moved; transparency log: ${r.transparencyLog ? 'uploaded (Rekor)' : 'off (transparency-log: false)'}. Verify with the public key of the pair:`, '');
        lines.push(...(0,report_escape/* codeBlock */.DV)(r.indexes.map(i => (0,sign/* verifyCommand */.p0)(i.name, i.digest, r.result ? (0,sign/* verifyHow */.Ig)(r.result) : r.transparencyLog)), 'sh'), '');
    }
    if (signed.length) {
        lines.push('| image | manifest | digest | signature |', '| --- | --- | --- | --- |');
        for (const s of signed)
            lines.push(`| ${(0,report_escape/* code */.aY)(s.name)} | ${(0,report_escape/* text */.Qq)(s.platform)} | ${(0,report_escape/* code */.aY)(s.digest)} | ${(0,report_escape/* code */.aY)(s.signature.slice(s.name.length + 1))} |`);
        lines.push('');
    }
    return lines.join('\n');
}
/** The dry run's "Signing" part: what would be signed (report/plan-text.ts signingPlanLines); '' when nothing. */
function signingPlanSummary(lines, mode = 'key') {
    if (!lines.length)
        return '';
    return ['', `### Signing (sign: ${mode === 'keyless' ? 'keyless' : 'key'})`, '', ...(0,report_escape/* codeBlock */.DV)(lines), ''].join('\n');
}
/** The job summary of mode: verify: one row per image and digest checked, then every unmet requirement. */
function verifySummary(r) {
    const problems = r.findings.flatMap(f => f.problems);
    const state = problems.length ? `❌ ${problems.length} requirement(s) not met` : '✅ verified';
    const lines = [`## multiarch-publish: verify ${(0,report_escape/* code */.aY)(r.from)} — ${state}`, '', `Required: ${(0,report_escape/* text */.Qq)(r.requirements)}`, ''];
    if (problems.length)
        lines.push(...problems.map(p => `- ❌ ${(0,report_escape/* text */.Qq)(p)}`), '');
    const kinds = [...new Set(r.findings.flatMap(f => f.digests.flatMap(d => Object.keys(d.attestations))))];
    const signed = r.findings.some(f => f.digests.some(d => d.signature));
    const rows = r.findings.flatMap(f => f.digests.map(d => ({ f, d })));
    if (rows.length) {
        lines.push(`| image | platform | digest |${signed ? ' signature |' : ''}${kinds.map(k => ` ${k} |`).join('')}`, `| --- | --- | --- |${signed ? ' --- |' : ''}${kinds.map(() => ' --- |').join('')}`);
        for (const { f, d } of rows) {
            const sig = signed ? ` ${d.signature ? (d.signature.ok ? '✅' : `❌ ${(0,report_escape/* text */.Qq)(d.signature.detail)}`) : ''} |` : '';
            const att = kinds.map(k => ` ${d.platform === 'index' ? '' : d.attestations[k] ? '✅' : '❌ missing'} |`).join('');
            lines.push(`| ${(0,report_escape/* code */.aY)(f.name)} | ${(0,report_escape/* text */.Qq)(d.platform || '—')} | ${shortDigest(d.digest)} |${sig}${att}`);
        }
        lines.push('');
    }
    lines.push(`**Login:** ${(0,report_escape/* text */.Qq)(r.loginNote)}  `, '');
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/report/attestations.ts
var attestations = __webpack_require__(20663);
;// CONCATENATED MODULE: ./src/report/index.ts
/**
 * What people and later steps read: outputs.ts (the step's outputs, bake files, DOCKER_METADATA_OUTPUT_*),
 * summary.ts (the job summaries), plan-text.ts (the printed plan); escape.ts escapes every untrusted value.
 */






/***/ })

};
