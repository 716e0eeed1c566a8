export const id = 984;
export const ids = [984];
export const modules = {

/***/ 73984:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   legPlan: () => (/* binding */ legPlan),
/* harmony export */   planPlatforms: () => (/* binding */ planPlatforms)
/* harmony export */ });
/* harmony import */ var _inputs_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42107);
/* harmony import */ var _leg_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72638);
/* harmony import */ var _lib_platform_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56728);



/** Every platform of the plan's builds, once, in order of first appearance. */
function planPlatforms(plan) {
    return [...new Set(plan.builds.flatMap(b => b.platforms))];
}
/**
 * The leg's plan. `platforms` undefined: every platform of the plan (one leg builds everything). A
 * platform the plan does not build is an error naming the `platforms` input (nothing is built).
 */
function legPlan(plan, planDigest, platforms) {
    const all = planPlatforms(plan);
    // the plan's spelling of each: `linux/arm64/v8` is the plan's `linux/arm64` (lib/platform.ts platformKey)
    const spelled = (p) => all.find(a => (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .platformKey */ .Ng)(a) === (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .platformKey */ .Ng)(p)) ?? p;
    const wanted = platforms && platforms.length ? [...new Set(platforms.map(spelled))] : all;
    const foreign = wanted.filter(p => !all.includes(p));
    if (foreign.length) {
        throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('platforms', `${foreign.join(', ')} ${foreign.length > 1 ? 'are not platforms' : 'is not a platform'} of the plan (it builds ${all.join(', ')}): a build leg builds a share of the plan's platforms; nothing was logged in to, built or pushed`);
    }
    const mark = `manifest:${_leg_record_js__WEBPACK_IMPORTED_MODULE_1__/* .PLAN_ANNOTATION */ .yR}=${planDigest}`;
    const builds = plan.builds
        .map(b => ({
        ...b,
        platforms: b.platforms.filter(p => wanted.includes(p)),
        annotations: [...b.annotations.filter(a => !a.includes(`${_leg_record_js__WEBPACK_IMPORTED_MODULE_1__/* .PLAN_ANNOTATION */ .yR}=`)), mark]
    }))
        .filter(b => b.platforms.length > 0);
    return { ...plan, builds, legPlatforms: all.filter(p => wanted.includes(p)) };
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
