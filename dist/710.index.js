export const id = 710;
export const ids = [710];
export const modules = {

/***/ 9710:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writeLegRecords: () => (/* binding */ writeLegRecords)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1949);
/* harmony import */ var _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2638);
/* harmony import */ var _steps_tags_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4810);
/**
 * `mode: build`, after verify: the leg's records (pipeline/leg-record.ts). For every build, image name
 * and platform the leg built, a small OCI artifact under the leg tag of that platform and plan, naming
 * the content the leg pushed by digest and its platform manifest, so that the merge finds them in the
 * registry with no artifact upload. No release tag is touched; the record's tag is the leg's only tag.
 * Each write is retried on transient registry errors, like the tag phase.
 */





const EMPTY_BYTES = new TextEncoder().encode('{}');
/** Writes every record; returns the leg's digests in plan order. Throws on the first record that cannot be written. */
async function writeLegRecords(i) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(i.workDir, 'leg-records');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    const emptyFile = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'empty.json');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(emptyFile, EMPTY_BYTES);
    const created = (i.now ?? (() => new Date()))().toISOString();
    const jobs = [];
    for (const v of i.verified) {
        const d = i.descriptors[v.build.id];
        for (const img of v.images) {
            const size = d?.size ?? (await i.buildx.manifestSize?.(img.name, v.digest));
            if (!Number.isSafeInteger(size))
                throw new Error(`the size of ${img.name}@${v.digest} could not be read: no leg record was written for it`);
            const content = { mediaType: img.mediaType || d?.mediaType || 'application/vnd.oci.image.index.v1+json', digest: v.digest, size: size };
            for (const platform of v.build.platforms) {
                const own = img.platforms.find(p => p.platform === platform);
                if (!own)
                    throw new Error(`${img.name}@${v.digest} lacks ${platform}: no leg record was written for it`);
                const record = {
                    schema: _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_3__/* .LEG_SCHEMA */ .P4,
                    schemaVersion: _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_3__/* .LEG_SCHEMA_VERSION */ .Qf,
                    plan: i.leg.plan,
                    sha: i.leg.sha,
                    build: v.build.id,
                    image: img.name,
                    platform,
                    content,
                    platformDigest: own.digest,
                    platforms: v.build.platforms,
                    runner: i.leg.runner,
                    run: i.leg.run,
                    created
                };
                jobs.push({ record, tag: (0,_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_3__/* .legTag */ .NO)(i.leg.plan, platform) });
            }
        }
    }
    const deadline = Date.now() + i.retryTimeoutMs;
    await Promise.all(jobs.map(async ({ record, tag }) => {
        const bytes = (0,_pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_3__/* .recordBytes */ .$K)(record);
        const configFile = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, `${bytes.config.digest.slice('sha256:'.length)}.json`);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(configFile, bytes.config.bytes);
        const where = `the leg record ${record.image}:${tag}`;
        await (0,_steps_tags_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(where, () => i.buildx.pushBlob(record.image, { digest: _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_3__/* .EMPTY_DESCRIPTOR */ .gi.digest, size: _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_3__/* .EMPTY_DESCRIPTOR */ .gi.size, file: emptyFile }), deadline, _steps_tags_js__WEBPACK_IMPORTED_MODULE_4__/* .realClock */ .dQ);
        await (0,_steps_tags_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(where, () => i.buildx.pushBlob(record.image, { digest: bytes.config.digest, size: bytes.config.size, file: configFile }), deadline, _steps_tags_js__WEBPACK_IMPORTED_MODULE_4__/* .realClock */ .dQ);
        // a leg run again replaces its record: the one it replaces is deleted (best effort), not left untagged
        const replaced = await i.buildx.tagDigest(`${record.image}:${tag}`).catch(() => undefined);
        await (0,_steps_tags_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(where, () => i.buildx.putManifest(record.image, tag, bytes.manifest.mediaType, bytes.manifest.bytes), deadline, _steps_tags_js__WEBPACK_IMPORTED_MODULE_4__/* .realClock */ .dQ);
        if (replaced && replaced !== bytes.manifest.digest) {
            const gone = await i.buildx.deleteManifest(record.image, replaced).catch(() => false);
            _action_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`${where}: replaced the record of an earlier run of this leg (${replaced.slice(0, 19)}…${gone ? ', deleted' : ', left: the registry did not delete it'})`);
        }
        _action_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Leg record ${record.image}:${tag} -> ${record.platform} ${record.platformDigest} (content ${record.content.digest})`);
    }));
    return jobs.map(({ record, tag }) => ({ id: record.build, image: record.image, platform: record.platform, digest: record.platformDigest, content: record.content.digest, record: tag }));
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
