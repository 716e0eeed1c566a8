export const id = 129;
export const ids = [129];
export const modules = {

/***/ 71129:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_PLAN_BYTES: () => (/* binding */ MAX_PLAN_BYTES),
/* harmony export */   PLAN_SCHEMA: () => (/* binding */ PLAN_SCHEMA),
/* harmony export */   PLAN_SCHEMA_VERSION: () => (/* binding */ PLAN_SCHEMA_VERSION),
/* harmony export */   parsePlanDocument: () => (/* binding */ parsePlanDocument),
/* harmony export */   planDigest: () => (/* binding */ planDigest),
/* harmony export */   planDocument: () => (/* binding */ planDocument),
/* harmony export */   planDocumentOf: () => (/* binding */ planDocumentOf),
/* harmony export */   planDocumentText: () => (/* binding */ planDocumentText),
/* harmony export */   sealPlanDocument: () => (/* binding */ sealPlanDocument)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var canonicalize__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(98799);
/* harmony import */ var _inputs_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42107);
/* harmony import */ var _tag_kinds_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(28696);
/* harmony import */ var _arch_tags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32352);
/* harmony import */ var _metadata_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1606);
/* harmony import */ var _lib_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2470);
/* harmony import */ var _lib_platform_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(56728);
/**
 * The plan document: the `plan` output of `mode: plan` and the `plan` input of the build legs and the
 * merge. It is the single source of truth of a split release: every job reads the same builds, tags
 * (even those that hold a date or time), labels and build args from it, so nothing is computed twice.
 * Pure: Plan -> document -> text, and text -> validated Plan.
 *
 * The digest (sha256 of the RFC 8785 canonical JSON of everything but the digest) detects a document
 * that was changed, truncated or mixed up between jobs. It is not a signature: whoever can rewrite the
 * document can recompute it, so every field is validated on its own as well.
 */








const PLAN_SCHEMA = 'multiarch-publish/plan';
const PLAN_SCHEMA_VERSION = 1;
/** A plan document is small (a few KiB); anything above this is not one. */
const MAX_PLAN_BYTES = 1024 * 1024;
/** `sha256:<hex>` of the canonical serialisation (RFC 8785) of the document without its digest. */
function planDigest(doc) {
    const rest = { ...doc };
    delete rest['digest'];
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update((0,canonicalize__WEBPACK_IMPORTED_MODULE_6__/* ["default"] */ .A)(rest) ?? '').digest('hex')}`;
}
/** The same document with its digest (re)computed. */
function sealPlanDocument(doc) {
    return { ...doc, digest: planDigest(doc) };
}
function documentBuild(b, sha) {
    return {
        id: b.id,
        ...(b.line !== undefined ? { line: b.line } : {}),
        images: b.images,
        file: b.file,
        context: b.context,
        ...(b.target !== undefined ? { target: b.target } : {}),
        platforms: b.platforms,
        tags: b.tags,
        tagNames: b.tagNames,
        tagKinds: (0,_tag_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .orderForMoving */ .CY)(b.tagNames, sha),
        labels: b.labels,
        annotations: b.annotations,
        buildArgs: b.buildArgs,
        push: b.push,
        policy: b.policy,
        ...(b.archTags ? { archTags: b.archTags } : {})
    };
}
/** Plan -> document. The Plan holds no secret (build secrets and registry credentials are not part of it). */
function planDocument(plan, source) {
    return sealPlanDocument({
        schema: PLAN_SCHEMA,
        schemaVersion: PLAN_SCHEMA_VERSION,
        sha: plan.sha,
        ref: plan.ref,
        event: plan.eventName,
        repository: source.repository,
        created: source.created.toISOString(),
        version: plan.version,
        push: plan.push,
        pushReason: plan.pushReason,
        registry: plan.registry,
        policy: plan.policy,
        builds: plan.builds.map(b => documentBuild(b, plan.sha))
    });
}
/** The document of a run's plan: its repository, and its instant as the creation date. */
function planDocumentOf(plan, ctx) {
    return planDocument(plan, { repository: ctx.owner && ctx.repo ? `${ctx.owner}/${ctx.repo}` : '', created: ctx.now });
}
/** The document as the `plan` output holds it: one line of JSON. */
function planDocumentText(doc) {
    return JSON.stringify(doc);
}
// ---- parsing: every field checked; a bad one is an InputError naming the input and the field ----
const INPUT = 'plan';
/** A short, single-line excerpt of a value, for messages (never the whole document). */
function excerpt(value) {
    let text;
    try {
        text = JSON.stringify(value) ?? String(value);
    }
    catch {
        text = String(value);
    }
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
function fail(path, detail, value) {
    throw new _inputs_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(INPUT, `${path}: ${detail}`, undefined, value === undefined ? undefined : excerpt(value));
}
function object(v, path, keys) {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        fail(path, 'expected an object', v);
    const o = v;
    for (const k of keys.required)
        if (!(k in o))
            fail(path, `the field "${k}" is missing`);
    const known = new Set([...keys.required, ...(keys.optional ?? [])]);
    const unknown = Object.keys(o).find(k => !known.has(k));
    if (unknown !== undefined)
        fail(path, `unknown field "${unknown.slice(0, 40)}"`);
    return o;
}
/** No control characters (a newline in a tag or name would be a second line of a command file). */
const CONTROL = /[\u0000-\u001f\u007f]/;
function string(v, path, opts = {}) {
    if (typeof v !== 'string')
        fail(path, 'expected a string', v);
    const s = v;
    if (s.length > (opts.max ?? 4096))
        fail(path, `longer than ${opts.max ?? 4096} characters`);
    if (!opts.multiline && CONTROL.test(s))
        fail(path, 'holds a control character', s);
    return s;
}
function boolean(v, path) {
    if (typeof v !== 'boolean')
        fail(path, 'expected true or false', v);
    return v;
}
function array(v, path, item, opts = {}) {
    if (!Array.isArray(v))
        fail(path, 'expected an array', v);
    const a = v;
    if (opts.nonEmpty && a.length === 0)
        fail(path, 'is empty');
    return a.map((x, i) => item(x, `${path}[${i}]`));
}
function strings(v, path, opts = {}) {
    return array(v, path, (x, p) => string(x, p, { multiline: opts.multiline }), opts);
}
function same(actual, expected, path, what) {
    if ((0,canonicalize__WEBPACK_IMPORTED_MODULE_6__/* ["default"] */ .A)(actual) !== (0,canonicalize__WEBPACK_IMPORTED_MODULE_6__/* ["default"] */ .A)(expected))
        fail(path, `does not agree with ${what}`, actual);
}
function imageName(v, path) {
    const s = string(v, path, { max: 255 });
    const ref = (0,_lib_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .parseReference */ .F2)(s);
    if (!ref || ref.name !== s || ref.tag !== undefined || ref.digest !== undefined)
        fail(path, 'is not an image name (lowercase [registry/]path, no tag or digest)', s);
    return s;
}
function tagName(v, path) {
    const s = string(v, path, { max: 200 });
    if (!(0,_lib_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidTag */ .r_)(s))
        fail(path, 'is not a valid tag (at most 128 letters, digits, "_", "." and "-", not starting with "." or "-")', s);
    return s;
}
function platform(v, path) {
    const s = string(v, path, { max: 64 });
    let formatted;
    try {
        formatted = (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_5__/* .formatPlatform */ .Bq)((0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_5__/* .parsePlatform */ .FL)(s));
    }
    catch {
        fail(path, 'is not a platform (os/arch[/variant])', s);
    }
    if (formatted !== s)
        fail(path, `is not in its normal form (${formatted})`, s);
    return s;
}
function violation(v, path) {
    const o = object(v, path, { required: ['rule', 'image', 'message'], optional: ['tag'] });
    return {
        rule: string(o['rule'], `${path}.rule`),
        image: string(o['image'], `${path}.image`),
        ...(o['tag'] !== undefined ? { tag: string(o['tag'], `${path}.tag`) } : {}),
        message: string(o['message'], `${path}.message`)
    };
}
function verdict(v, path) {
    const o = object(v, path, { required: ['allowed', 'rules', 'violations', 'warnings'] });
    const out = {
        allowed: boolean(o['allowed'], `${path}.allowed`),
        rules: strings(o['rules'], `${path}.rules`),
        violations: array(o['violations'], `${path}.violations`, violation),
        warnings: strings(o['warnings'], `${path}.warnings`)
    };
    if (out.allowed !== (out.violations.length === 0))
        fail(`${path}.allowed`, 'does not agree with the violations');
    return out;
}
function buildArgs(v, path) {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        fail(path, 'expected an object of NAME: value', v);
    const entries = Object.entries(v).map(([k, value]) => {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
            fail(path, 'has a key that is not a build argument name', k);
        return [k, string(value, `${path}.${k}`, { max: 65536, multiline: true })];
    });
    // own properties only (a key `__proto__` stays a key, as JSON.parse made it)
    return Object.fromEntries(entries);
}
function archTagsEntry(v, path) {
    const o = object(v, path, { required: ['platform', 'suffix', 'tagNames', 'tags'] });
    return {
        platform: platform(o['platform'], `${path}.platform`),
        suffix: string(o['suffix'], `${path}.suffix`, { max: 64 }),
        tagNames: array(o['tagNames'], `${path}.tagNames`, tagName),
        tags: strings(o['tags'], `${path}.tags`)
    };
}
const BUILD_REQUIRED = ['id', 'images', 'file', 'context', 'platforms', 'tags', 'tagNames', 'tagKinds', 'labels', 'annotations', 'buildArgs', 'push', 'policy'];
function build(v, path, sha) {
    const o = object(v, path, { required: BUILD_REQUIRED, optional: ['line', 'target', 'archTags'] });
    const id = string(o['id'], `${path}.id`, { max: 128 });
    if (!/^[a-z0-9_-]+$/.test(id))
        fail(`${path}.id`, 'is not a build id (lowercase letters, digits, "_" and "-")', id);
    let line;
    if (o['line'] !== undefined) {
        if (!Number.isInteger(o['line']) || o['line'] < 1)
            fail(`${path}.line`, 'expected a line number', o['line']);
        line = o['line'];
    }
    const images = array(o['images'], `${path}.images`, imageName);
    const file = string(o['file'], `${path}.file`);
    const context = string(o['context'], `${path}.context`);
    if (file === '')
        fail(`${path}.file`, 'is empty');
    if (context === '')
        fail(`${path}.context`, 'is empty');
    const target = o['target'] === undefined ? undefined : string(o['target'], `${path}.target`, { max: 256 });
    const platforms = array(o['platforms'], `${path}.platforms`, platform, { nonEmpty: true });
    const tagNames = array(o['tagNames'], `${path}.tagNames`, tagName);
    const tags = strings(o['tags'], `${path}.tags`);
    same(tags, (0,_metadata_index_js__WEBPACK_IMPORTED_MODULE_3__/* .imageTags */ .rK)(images, tagNames), `${path}.tags`, 'its images and tagNames');
    const kinds = object(o['tagKinds'], `${path}.tagKinds`, { required: ['immutable', 'mutable'] });
    same({ immutable: strings(kinds['immutable'], `${path}.tagKinds.immutable`), mutable: strings(kinds['mutable'], `${path}.tagKinds.mutable`) }, (0,_tag_kinds_js__WEBPACK_IMPORTED_MODULE_7__/* .orderForMoving */ .CY)(tagNames, sha), `${path}.tagKinds`, 'the kinds of its tagNames');
    const out = {
        id,
        ...(line !== undefined ? { line } : {}),
        images,
        file,
        context,
        ...(target !== undefined ? { target } : {}),
        platforms,
        tags,
        tagNames,
        labels: strings(o['labels'], `${path}.labels`, { multiline: true }),
        annotations: strings(o['annotations'], `${path}.annotations`, { multiline: true }),
        buildArgs: buildArgs(o['buildArgs'], `${path}.buildArgs`),
        push: boolean(o['push'], `${path}.push`),
        policy: verdict(o['policy'], `${path}.policy`)
    };
    if (o['archTags'] !== undefined) {
        const archTags = array(o['archTags'], `${path}.archTags`, archTagsEntry);
        let expected;
        try {
            expected = (0,_arch_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .archTagsFor */ .t)(images, tagNames, platforms);
        }
        catch (e) {
            fail(`${path}.archTags`, e.message.replace(/^Input "arch-tags"(, line \d+)?: /, ''));
        }
        same(archTags, expected, `${path}.archTags`, 'its tagNames and platforms');
        out.archTags = archTags;
    }
    return out;
}
const TOP_REQUIRED = ['schema', 'schemaVersion', 'sha', 'ref', 'event', 'repository', 'created', 'version', 'push', 'pushReason', 'registry', 'policy', 'builds', 'digest'];
/**
 * Text (the `plan` input) -> the Plan it was made from. Refuses, as an InputError naming the input
 * `plan`: a document too large, not JSON, of another schema or version, whose digest does not match,
 * with a field missing or of the wrong type, an invalid image name, tag or platform, derived fields
 * (tags, tag kinds, per-platform tags) that disagree with what they derive from, or a plan the tag
 * policy refused.
 */
function parsePlanDocument(text) {
    if (typeof text !== 'string' || text.trim() === '')
        fail('the document', 'is empty; pass the plan output of a mode: plan step');
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_PLAN_BYTES)
        fail('the document', `is ${bytes} bytes, more than the ${MAX_PLAN_BYTES} bytes (1 MiB) a plan document may have`);
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        // JSON.parse's message quotes the text: not repeated here
        fail('the document', 'is not JSON; pass the plan output of a mode: plan step unchanged');
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data))
        fail('the document', 'is not a JSON object (a plan document)');
    const raw = data;
    if (raw['schema'] !== PLAN_SCHEMA)
        fail('schema', `expected "${PLAN_SCHEMA}" (this is not a plan document)`, raw['schema']);
    if (raw['schemaVersion'] !== PLAN_SCHEMA_VERSION)
        fail('schemaVersion', `this version of the action reads plan documents of schema version ${PLAN_SCHEMA_VERSION} only; make the plan with the same version of the action`, raw['schemaVersion']);
    const digest = string(raw['digest'], 'digest', { max: 80 });
    if (!/^sha256:[0-9a-f]{64}$/.test(digest))
        fail('digest', 'expected sha256:<64 hex digits>', digest);
    let computed;
    try {
        computed = planDigest(raw);
    }
    catch {
        // nesting deep enough to exhaust the stack, or a number JSON cannot hold (1e999)
        fail('the document', 'cannot be serialised canonically (nested too deeply, or a number out of range)');
    }
    if (computed !== digest)
        fail('digest', 'does not match the document: it was changed after the plan job wrote it (or is from another plan)');
    const o = object(raw, 'the document', { required: TOP_REQUIRED });
    const sha = string(o['sha'], 'sha', { max: 64 });
    if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha))
        fail('sha', 'expected a full commit SHA (40 or 64 lowercase hex digits)', sha);
    const ref = string(o['ref'], 'ref', { max: 1024 });
    const eventName = string(o['event'], 'event', { max: 128 });
    if (!/^[a-z_]*$/.test(eventName))
        fail('event', 'is not a GitHub event name', eventName);
    const repository = string(o['repository'], 'repository', { max: 256 });
    if (repository !== '' && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository))
        fail('repository', 'expected owner/name', repository);
    const createdText = string(o['created'], 'created', { max: 40 });
    const created = new Date(createdText);
    if (Number.isNaN(created.getTime()) || created.toISOString() !== createdText)
        fail('created', 'expected an ISO 8601 instant in UTC (2024-06-28T14:30:22.000Z)', createdText);
    const version = string(o['version'], 'version', { max: 256 });
    const push = boolean(o['push'], 'push');
    const pushReason = string(o['pushReason'], 'pushReason', { max: 1024 });
    const registry = string(o['registry'], 'registry', { max: 256 });
    const policy = verdict(o['policy'], 'policy');
    if (!policy.allowed)
        fail('policy', 'the tag policy refused this plan; a refused plan is not built or merged');
    const builds = array(o['builds'], 'builds', (b, p) => build(b, p, sha), { nonEmpty: true });
    const ids = new Set();
    for (const [i, b] of builds.entries()) {
        if (ids.has(b.id))
            fail(`builds[${i}].id`, 'is the id of an earlier build', b.id);
        ids.add(b.id);
    }
    return { plan: { eventName, ref, sha, version, push, pushReason, registry, builds, policy }, repository, created, digest };
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
