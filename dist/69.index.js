export const id = 69;
export const ids = [69];
export const modules = {

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

/***/ 10069:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkRequirements: () => (/* binding */ checkRequirements),
/* harmony export */   describeRequirements: () => (/* binding */ describeRequirements),
/* harmony export */   inspectImage: () => (/* binding */ inspectImage),
/* harmony export */   keyFileOf: () => (/* binding */ keyFileOf),
/* harmony export */   predicateKind: () => (/* binding */ predicateKind),
/* harmony export */   privateRekorOf: () => (/* binding */ privateRekorOf),
/* harmony export */   requirementError: () => (/* binding */ requirementError),
/* harmony export */   verificationOutput: () => (/* binding */ verificationOutput),
/* harmony export */   verify: () => (/* binding */ verify),
/* harmony export */   verifySources: () => (/* binding */ verifySources)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31949);
/* harmony import */ var _pipeline_inputs_sign_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(85377);
/* harmony import */ var _registry_api_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(43722);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(59399);
/* harmony import */ var _referrers_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(53974);
/* harmony import */ var _steps_attestation_storage_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(42624);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(50910);
/* harmony import */ var _promote_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(546);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(14031);
/* harmony import */ var _report_index_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(33344);
/**
 * `mode: verify`: before a deployment uses an image, check that every image at `from` (a tag or a digest)
 * and every one of its platforms carries what `require-signature` and `require-attestations` ask for:
 *
 * - signatures: `cosign verify` of the index digest and of every platform manifest digest (whichever digest
 *   a tool resolves, it verifies), with the public key, or the keyless identity and its OIDC issuer;
 * - attestations: per platform, an in-toto statement of the kind asked for — in BuildKit's attestation
 *   manifest inside the index (`vnd.docker.reference.type: attestation-manifest`, its layers'
 *   `in-toto.io/predicate-type`); in such a manifest stored as an OCI 1.1 referrer of the platform
 *   (`attestation-storage: referrers`: artifactType `application/vnd.docker.attestation.manifest.v1+json`,
 *   found through the registry's referrers API, else the fallback tag `sha256-<hex>`); or in a cosign
 *   attestation stored beside the platform or the index (`sha256-<hex>.att`, its layers' `predicateType`).
 *
 * Every image and platform is checked before the step says anything; the failure names each image,
 * platform and what is missing. `mode: promote` with the same inputs runs the same check on its sources
 * and moves nothing when one fails (`checkRequirements`).
 */













/** The predicate types each attestation kind accepts. */
function predicateKind(type) {
    if (/^https:\/\/slsa\.dev\/provenance\//.test(type))
        return 'provenance';
    if (type === 'https://spdx.dev/Document' || /^https:\/\/cyclonedx\.org\/bom/.test(type))
        return 'sbom';
    return undefined;
}
const attTag = (digest) => `${digest.replace(':', '-')}.att`;
/** The kinds of in-toto statements a manifest's layers say they hold (BuildKit and cosign annotations). */
function kindsIn(manifest) {
    const kinds = new Set();
    for (const l of manifest.layers ?? []) {
        const type = l.annotations?.['in-toto.io/predicate-type'] ?? l.annotations?.['predicateType'] ?? '';
        const k = predicateKind(type);
        if (k)
            kinds.add(k);
    }
    return [...kinds];
}
/** Reads one image at `digest` and checks it against the requirements; never throws for a missing thing (a registry failure does throw). */
async function inspectImage(buildx, source, req, keyFile, transparencyLog, tags, rekorUrl) {
    const { name, digest } = source;
    const top = (await buildx.readManifest(name, digest));
    const children = top.manifests ?? [];
    const attestationOf = new Map(); // platform digest -> attestation manifest digest
    const platforms = [];
    for (const c of children) {
        if (c.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') {
            const subject = c.annotations['vnd.docker.reference.digest'];
            if (subject)
                attestationOf.set(subject, c.digest);
        }
        else if (c.platform) {
            platforms.push({ platform: (0,_registry_js__WEBPACK_IMPORTED_MODULE_11__/* .platformString */ .Fd)(c.platform), digest: c.digest });
        }
    }
    const isIndex = Array.isArray(top.manifests);
    if (!isIndex)
        platforms.push({ platform: '', digest });
    const listed = tags ?? (buildx.listTags ? await buildx.listTags(name).catch(() => []) : []);
    // cosign attestations of the index count for every platform
    const byTag = async (tag) => {
        const d = listed.includes(tag) ? await buildx.tagDigest(`${name}:${tag}`) : undefined;
        return d ? (await buildx.readManifest(name, d)) : {};
    };
    const indexKinds = isIndex ? kindsIn(await byTag(attTag(digest))) : [];
    const findings = [];
    const problems = [];
    const where = (p) => (p ? `${name} ${p}` : name);
    if (isIndex)
        findings.push({ platform: 'index', digest, attestations: {} });
    for (const p of platforms) {
        const found = {};
        if (req.attestations.length) {
            const att = attestationOf.get(p.digest);
            if (att)
                for (const k of kindsIn((await buildx.readManifest(name, att))))
                    found[k] ??= `attestation manifest ${att}`;
            for (const r of await (0,_referrers_js__WEBPACK_IMPORTED_MODULE_6__/* .findReferrers */ .SX)(buildx, name, p.digest, listed)) {
                if (r.artifactType && r.artifactType !== _steps_attestation_storage_js__WEBPACK_IMPORTED_MODULE_7__/* .ATTESTATION_ARTIFACT_TYPE */ .h4)
                    continue;
                const m = (await buildx.readManifest(name, r.digest));
                if ((r.artifactType ?? m.artifactType) !== _steps_attestation_storage_js__WEBPACK_IMPORTED_MODULE_7__/* .ATTESTATION_ARTIFACT_TYPE */ .h4)
                    continue;
                for (const k of kindsIn(m))
                    found[k] ??= `attestation referrer ${r.digest}`;
            }
            for (const k of kindsIn(await byTag(attTag(p.digest))))
                found[k] ??= `cosign attestation ${attTag(p.digest)}`;
            for (const k of indexKinds)
                found[k] ??= `cosign attestation ${attTag(digest)}`;
            for (const k of req.attestations)
                if (!found[k])
                    problems.push(`${where(p.platform)} (${p.digest}): no ${k} attestation`);
        }
        findings.push({ platform: p.platform, digest: p.digest, attestations: Object.fromEntries(req.attestations.map(k => [k, found[k] ?? ''])) });
    }
    if (req.signature) {
        if (!buildx.cosignVerify)
            throw new Error('this engine cannot run cosign verify');
        const s = req.signature;
        const insecureRegistry = (0,_registry_api_js__WEBPACK_IMPORTED_MODULE_5__/* .isLoopback */ .U9)((0,_registry_api_js__WEBPACK_IMPORTED_MODULE_5__/* .repository */ .Jk)(name).host);
        await Promise.all(findings.map(async (f) => {
            const r = await buildx.cosignVerify({ ref: `${name}@${f.digest}`, transparencyLog, insecureRegistry, ...(rekorUrl && transparencyLog ? { rekorUrl } : {}), ...(s.kind === 'key' ? { keyFile } : { identity: s.identity, identityRegexp: s.identityRegexp, issuer: s.issuer, issuerRegexp: s.issuerRegexp }) });
            const sigTag = `${f.digest.replace(':', '-')}.sig`;
            const detail = r.code === 0 ? 'verified' : !listed.includes(sigTag) && !(await buildx.tagDigest(`${name}:${sigTag}`).catch(() => undefined)) ? `no signature (no ${sigTag})` : `the signature does not verify: ${_action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$(r.output).replace(/\s+/g, ' ').slice(0, 300)}`;
            f.signature = { ok: r.code === 0, detail };
        }));
        for (const f of findings)
            if (f.signature && !f.signature.ok)
                problems.push(`${where(f.platform === 'index' ? 'index' : f.platform)} (${f.digest}): ${f.signature.detail}`);
    }
    return { name, digest, digests: findings, problems };
}
/** The public key as a file cosign reads: the given file, or the PEM written to a file of the run's own (0600). */
function keyFileOf(s, tempDir) {
    if (!s || s.kind !== 'key')
        return { file: '', remove: () => undefined };
    if (s.file)
        return { file: s.file, remove: () => undefined }; // there: inputs/verify.ts checked it
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(tempDir, 'mp-verify-'));
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'cosign.pub');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(file, s.pem, { mode: 0o600 });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(file, 0o600);
    return { file, remove: () => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true }) };
}
/** Every image checked (in parallel); the findings, in the images' order. `rekorUrl`: a private Rekor (`rekor-url`), undefined for the public-good one. */
async function checkRequirements(buildx, sources, req, keyFile, transparencyLog, rekorUrl) {
    return Promise.all(sources.map(s => inspectImage(buildx, s, req, keyFile, transparencyLog, undefined, rekorUrl)));
}
/** `rekor-url` (inputs/sign.ts) when it is not the public-good Rekor (cosign's default): verification looks there. */
function privateRekorOf(inputs) {
    const url = inputs.sign?.rekorUrl;
    return url && url !== _pipeline_inputs_sign_js__WEBPACK_IMPORTED_MODULE_4__/* .PUBLIC_REKOR */ .uA ? url : undefined;
}
/** The error of a failed check: every image, platform and what is missing. */
function requirementError(findings, what) {
    const problems = findings.flatMap(f => f.problems);
    return `${what}: ${problems.length} requirement(s) not met:\n${problems.map(p => `  - ${p}`).join('\n')}`;
}
/** The `verification` output: per image, the digests checked and what each carries. */
function verificationOutput(findings) {
    return JSON.stringify(findings.map(f => ({ image: f.name, digest: f.digest, verified: f.problems.length === 0, digests: f.digests, problems: f.problems })));
}
/**
 * What mode: verify and promote's require-* run on the resolved sources, in the log's Verify group: cosign
 * on PATH when a signature is asked for, the public key as a file (removed after), every image checked,
 * one log line per image and digest.
 */
async function verifySources(buildx, sources, inputs, env) {
    const req = inputs.verify;
    const key = keyFileOf(req.signature, env['RUNNER_TEMP'] || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)());
    try {
        if (req.signature && buildx.ensureCosign)
            await buildx.ensureCosign();
        return await _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .group */ .Os('Verify', async () => {
            const f = await checkRequirements(buildx, sources, req, key.file, inputs.sign.transparencyLog, privateRekorOf(inputs));
            for (const image of f)
                for (const d of image.digests)
                    _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq((0,_report_escape_js__WEBPACK_IMPORTED_MODULE_12__/* .logValue */ .Od)(`${image.name} ${d.platform || 'image'} ${d.digest}: ${[d.signature ? `signature ${d.signature.ok ? 'verified' : 'NOT verified'}` : '', ...Object.entries(d.attestations).map(([k, v]) => `${k} ${v ? 'found' : 'MISSING'}`)].filter(Boolean).join(', ')}`));
            return f;
        });
    }
    finally {
        key.remove();
    }
}
async function verify(p, env, engine) {
    const { inputs } = p;
    const from = inputs.promote.from;
    const names = [...new Set(p.plan.builds.flatMap(b => b.images))];
    if (!names.length)
        throw new Error('Nothing to verify: the images input names no image.');
    const req = inputs.verify;
    const { buildx, loginNote } = await (0,_session_js__WEBPACK_IMPORTED_MODULE_8__/* .registrySession */ .E)(p, names, env, engine);
    const { sources, problems } = await _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .group */ .Os('Sources', async () => {
        const r = await (0,_promote_js__WEBPACK_IMPORTED_MODULE_9__.resolveSources)(buildx, names, from);
        for (const s of r.sources)
            _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`${s.name}:${from} -> ${s.digest}`);
        return r;
    });
    const findings = await verifySources(buildx, sources, inputs, env);
    const missing = problems.map(pr => ({ name: names.find(n => pr.startsWith(n)) ?? pr, digest: '', digests: [], problems: [pr] }));
    const all = [...missing, ...findings];
    const outputs = { verification: verificationOutput(all), digest: findings[0]?.digest ?? '' };
    (0,_report_index_js__WEBPACK_IMPORTED_MODULE_10__/* .writeOutputs */ .Kn)(outputs, env);
    if (inputs.summary)
        (0,_report_index_js__WEBPACK_IMPORTED_MODULE_10__/* .writeSummary */ .Sy)((0,_report_index_js__WEBPACK_IMPORTED_MODULE_10__/* .verifySummary */ .Il)({ from, findings: all, loginNote, requirements: describeRequirements(req) }), env);
    if (all.some(f => f.problems.length))
        throw new Error(requirementError(all, `mode: verify of ${from}`));
    _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Verified ${findings.length} image(s) at ${from}: ${describeRequirements(req)}.`);
    return { findings: all, outputs };
}
/** The requirements in words, for the log and the summary. */
function describeRequirements(req) {
    const parts = [];
    const s = req.signature;
    if (s?.kind === 'key')
        parts.push(`a signature verified with ${s.file ? `the public key ${s.file}` : 'the given public key'}`);
    if (s?.kind === 'identity')
        parts.push(`a keyless signature by ${s.identity || `/${s.identityRegexp}/`} certified by ${s.issuer || `/${s.issuerRegexp}/`}`);
    if (req.attestations.length)
        parts.push(`${req.attestations.join(' and ')} attestation${req.attestations.length > 1 ? 's' : ''} on every platform`);
    return parts.join('; ');
}


/***/ })

};
