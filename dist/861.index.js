export const id = 861;
export const ids = [861];
export const modules = {

/***/ 51293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mn: () => (/* binding */ runWithRetry),
/* harmony export */   Qd: () => (/* binding */ CommandError),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   r7: () => (/* binding */ shellWord),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* unused harmony exports describe, spawnError */
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31949);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41986);
/**
 * The one way this action runs a program: an argument array (never a shell string), output captured,
 * every line shown to the log through the redacting runner, secrets passed on stdin only.
 */


class CommandError extends Error {
    command;
    result;
    constructor(command, result) {
        // the lines that say what went wrong, not the usage text some commands print after them
        const all = (result.stderr || result.stdout).trim().split('\n');
        const telling = all.filter(l => /error|denied|unauthorized|forbidden|refused|failed|invalid|unknown|not found|no such/i.test(l));
        const detail = (telling.length ? telling : all).slice(-5).join('\n');
        super(`${command} failed (exit code ${result.code})${detail ? `: ${_action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$(detail)}` : ''}`);
        this.command = command;
        this.result = result;
        this.name = 'CommandError';
    }
}
const PLAIN_WORD = /^[\w@%+=:,./-]+$/;
const singleQuoted = (word) => `'${word.replace(/'/g, `'\\''`)}'`;
/** A word for a POSIX shell: as it is when it is plain, else in single quotes. */
function shellWord(word) {
    return PLAIN_WORD.test(word) ? word : singleQuoted(word);
}
/** A command line for the log: arguments quoted when needed, secrets redacted. */
function describe(cmd, args) {
    // quoted as the original needs, redacted before the quotes are escaped (pa'ss would become pa'\''ss)
    return [cmd, ...args].map(a => (PLAIN_WORD.test(a) ? _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$(a) : singleQuoted(_action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$(a)))).join(' ');
}
async function run(cmd, args, opts = {}) {
    const { getExecOutput } = await __webpack_require__.e(/* import() */ 955).then(__webpack_require__.bind(__webpack_require__, 41955));
    // the user's environment, without what this step exported (a large DOCKER_METADATA_OUTPUT_* is E2BIG)
    const env = Object.fromEntries(Object.entries({ ..._action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .childEnvironment */ .Qc(), ...opts.env }).filter((e) => e[1] !== undefined));
    const onLine = (line) => {
        opts.onLine?.(line);
        if (opts.stream)
            _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .untrusted */ .bp(line);
    };
    _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .untrusted */ .bp(`[command] ${describe(cmd, args)}`);
    checkSize(cmd, args, env);
    // none starts once the run is cancelled, and those running are then stopped (engine/cancel.ts)
    const done = _cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .cancellation */ .WN.track();
    let timer;
    const running = getExecOutput(cmd, args, {
        silent: true,
        ignoreReturnCode: true,
        env,
        cwd: opts.cwd,
        input: opts.input !== undefined ? Buffer.from(opts.input) : undefined,
        listeners: { stdline: onLine, errline: onLine }
    });
    const limit = opts.timeoutMs
        ? new Promise((_, reject) => {
            timer = setTimeout(() => {
                (0,_cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .signalDescendants */ .DY)('SIGKILL');
                reject(new Error(`${cmd} ${args[0] ?? ''} did not finish within ${Math.round(opts.timeoutMs / 1000)} s and was stopped`));
            }, opts.timeoutMs);
        })
        : undefined;
    running.catch(() => undefined); // reported below, or moot after a timeout
    const out = await (limit ? Promise.race([running, limit]) : running)
        .catch((e) => {
        throw spawnError(cmd, e);
    })
        .finally(() => {
        clearTimeout(timer);
        done();
    });
    const result = { code: out.exitCode, stdout: out.stdout, stderr: out.stderr };
    if (result.code !== 0 && !opts.allowFailure)
        throw new CommandError(describe(cmd, args), result);
    return result;
}
/** Linux's limit on one argument or `NAME=value` (MAX_ARG_STRLEN), and the usual total (ARG_MAX, 8 MiB stack). */
const MAX_STRING = 128 * 1024 - 1;
const MAX_TOTAL = 2 * 1024 * 1024;
/**
 * Refuses, before spawning, what the system would refuse with E2BIG: @actions/exec spawns inside an async
 * promise executor, so node's synchronous E2BIG throw escapes it (an uncaught stack, a promise that never
 * settles) instead of rejecting.
 */
function checkSize(cmd, args, env) {
    const strings = [cmd, ...args, ...Object.entries(env).map(([k, v]) => `${k}=${v}`)];
    const sizes = strings.map(s => Buffer.byteLength(s) + 1);
    const largest = sizes.indexOf(Math.max(...sizes));
    const total = sizes.reduce((a, b) => a + b + 8, 0);
    if (sizes[largest] > MAX_STRING || total > MAX_TOTAL) {
        const what = largest > args.length ? `variable ${Object.keys(env)[largest - args.length - 1]}` : largest === 0 ? 'the program path' : `argument ${largest}`;
        throw spawnError(cmd, Object.assign(new Error(`spawn ${cmd} E2BIG`), { code: 'E2BIG', detail: `${what}: ${sizes[largest]} bytes, ${total} in all` }));
    }
}
/**
 * A program that could not be started, in one line naming it: @actions/exec rejects with node's spawn
 * error (E2BIG, EACCES, ...) or io.which's "Unable to locate executable file", and its stack is no message.
 */
function spawnError(cmd, e) {
    if (!(e instanceof Error))
        return new Error(`Cannot run ${cmd}: ${String(e)}`);
    if (/did not finish within/.test(e.message))
        return e;
    const code = e.code;
    const why = code === 'E2BIG' || /E2BIG/.test(e.message)
        ? `its arguments and environment are larger than the system allows (E2BIG${e.detail ? `; the largest is ${e.detail}` : ''}); a very large environment variable is the usual cause`
        : code === 'ENOENT' || /Unable to locate executable|ENOENT/.test(e.message)
            ? 'it is not installed or not on PATH'
            : code === 'EACCES' || /EACCES/.test(e.message)
                ? 'permission denied (EACCES): the file is not executable for this user'
                : e.message.split('\n')[0];
    return new Error(`Cannot run ${cmd}: ${why}`);
}
/** Runs with retries for transient failures (network, 5xx, rate limits), with exponential backoff. */
async function runWithRetry(cmd, args, opts = {}) {
    const attempts = opts.attempts ?? 3;
    for (let attempt = 1;; attempt++) {
        try {
            return await run(cmd, args, opts);
        }
        catch (e) {
            if (!(e instanceof CommandError) || attempt >= attempts || !isTransient(e.result.stderr + e.result.stdout))
                throw e;
            const delay = (opts.baseDelayMs ?? 2000) * 2 ** (attempt - 1);
            _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`${e.message.split('\n')[0]} — transient, retrying in ${delay / 1000} s (attempt ${attempt + 1} of ${attempts})`);
            await new Promise(r => setTimeout(r, delay));
        }
    }
}
/**
 * Errors worth another try: the network or the registry's temporary state, not auth or a bad request.
 * Status codes count only as HTTP statuses (`503 Service Unavailable`, `status: 503`), never as bare
 * numbers: BuildKit's log is full of timestamps such as `0.401` and digests.
 */
const REFUSED = /\b401 Unauthorized|\b403 Forbidden|(?:status|code)[: ]+40[13]\b|unauthorized|denied|forbidden|authentication required/i;
const TRANSIENT = /\b50[0234] (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)|\b429 Too Many Requests|(?:status|code)[: ]+(?:50[0234]|429)\b|timeout|timed out|connection reset|connection refused|\bEOF\b|TLS handshake|no such host|temporarily unavailable|too many requests/i;
function isTransient(output) {
    return !REFUSED.test(output) && TRANSIENT.test(output);
}


/***/ }),

/***/ 43722:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jk: () => (/* binding */ repository),
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   cA: () => (/* binding */ RegistryApi),
/* harmony export */   uG: () => (/* binding */ RegistryHttpFailure)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _lib_reference_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2470);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(51293);
/**
 * The registry's HTTP API (distribution spec), in this process: the reads after the bake (a manifest by
 * digest, where a tag points) without a `docker` process each, pushing blobs and manifests by digest (an
 * OCI layout the docker driver exported: steps/staging.ts), and the two things buildx has no command
 * for: which tags of a repository point at a digest, and deleting a manifest by digest (the tag phase's
 * removal of a new tag). Credentials come from the run's docker config (`auths`, `credHelpers`,
 * `credsStore`), as docker's own; they are sent only over HTTPS, or over plain HTTP to a loopback registry.
 */








/** An HTTP answer of the registry, transient for 5xx and 429. */
class RegistryHttpFailure extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'RegistryHttpFailure';
    }
    get transient() {
        return this.status >= 500 || this.status === 429;
    }
}
/** A failed answer, with the registry's own error (distribution's `{errors: [{code, message}]}`) when it gave one. */
async function httpFailure(what, res) {
    const text = await res.text().catch(() => '');
    let said = '';
    try {
        const errors = JSON.parse(text).errors ?? [];
        said = errors.map(e => [e.code, e.message].filter(Boolean).join(' ')).join('; ');
    }
    catch {
        // not JSON: the status alone
    }
    return new RegistryHttpFailure(`${what}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${said ? `: ${said.slice(0, 300)}` : ''}`, res.status);
}
const MANIFEST_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json'
].join(', ');
/** The distribution spec's limit on a manifest (4 MiB): anything larger is not read. */
const MAX_MANIFEST = 4 * 1024 * 1024;
/** At most this many tags are read to decide whether a digest is tagged elsewhere. */
const MAX_TAGS = 5000;
const REQUEST_TIMEOUT_MS = 20000;
function repository(name) {
    const domain = (0,_lib_reference_js__WEBPACK_IMPORTED_MODULE_6__/* .registryDomain */ .Em)(name);
    if (!domain || domain === 'docker.io' || domain === 'index.docker.io') {
        const path = domain ? name.slice(domain.length + 1) : name;
        return { host: 'registry-1.docker.io', authKey: 'https://index.docker.io/v1/', path: path.includes('/') ? path : `library/${path}` };
    }
    return { host: domain, authKey: domain, path: name.slice(domain.length + 1) };
}
function isLoopback(host) {
    const h = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}
class RegistryApi {
    env;
    schemes = new Map();
    tokens = new Map();
    constructor(env = {}) {
        this.env = env;
    }
    /**
     * The manifest `digest` of `name` (GET); undefined when the registry has no such manifest (404). The
     * bytes must hash to `digest`: what the registry answered is what the digest names, or it throws.
     */
    async manifest(name, digest) {
        const repo = repository(name);
        const res = await this.request(repo, 'GET', `/v2/${repo.path}/manifests/${digest}`, { Accept: MANIFEST_TYPES });
        if (res.status === 404) {
            await res.body?.cancel();
            return undefined;
        }
        if (!res.ok) {
            await res.body?.cancel();
            throw new RegistryHttpFailure(`reading ${name}@${digest}: HTTP ${res.status}`, res.status);
        }
        if (Number(res.headers.get('content-length') ?? 0) > MAX_MANIFEST) {
            await res.body?.cancel();
            throw new RegistryHttpFailure(`reading ${name}@${digest}: the manifest is larger than ${MAX_MANIFEST} bytes`, 400);
        }
        const body = Buffer.from(await res.arrayBuffer());
        if (body.length > MAX_MANIFEST)
            throw new RegistryHttpFailure(`reading ${name}@${digest}: the manifest is larger than ${MAX_MANIFEST} bytes`, 400);
        const [algorithm, hex] = digest.split(':');
        if (algorithm !== 'sha256' && algorithm !== 'sha512')
            throw new RegistryHttpFailure(`reading ${name}@${digest}: unsupported digest algorithm`, 400);
        const actual = `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(body).digest('hex')}`;
        if (actual !== `${algorithm}:${hex?.toLowerCase()}`)
            throw new RegistryHttpFailure(`reading ${name}@${digest}: the registry answered content whose digest is ${actual}`, 400);
        let json;
        try {
            json = JSON.parse(body.toString('utf8'));
        }
        catch {
            throw new RegistryHttpFailure(`reading ${name}@${digest}: the manifest is not JSON`, 400);
        }
        const mediaType = json.mediaType;
        return { digest: actual, mediaType: typeof mediaType === 'string' ? mediaType : (res.headers.get('content-type') ?? '').split(';')[0], size: body.length, json, bytes: body };
    }
    /** The blob `digest` of `name` as JSON (an image config), its bytes checked against the digest. */
    async blobJson(name, digest) {
        const repo = repository(name);
        const res = await this.request(repo, 'GET', `/v2/${repo.path}/blobs/${digest}`);
        if (!res.ok) {
            await res.body?.cancel();
            throw new RegistryHttpFailure(`reading ${name}@${digest}: HTTP ${res.status}`, res.status);
        }
        const body = Buffer.from(await res.arrayBuffer());
        if (body.length > MAX_MANIFEST)
            throw new RegistryHttpFailure(`reading ${name}@${digest}: larger than ${MAX_MANIFEST} bytes`, 400);
        if (`sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest('hex')}` !== digest)
            throw new RegistryHttpFailure(`reading ${name}@${digest}: the registry answered other content`, 400);
        try {
            return JSON.parse(body.toString('utf8'));
        }
        catch {
            throw new RegistryHttpFailure(`reading ${name}@${digest}: not JSON`, 400);
        }
    }
    /**
     * The digest the tag `tag` of `name` points at (HEAD, its `Docker-Content-Digest`; a GET hashed when
     * the registry sends no such header); undefined when there is no such tag (404).
     */
    async tagDigest(name, tag) {
        const repo = repository(name);
        const path = `/v2/${repo.path}/manifests/${encodeURIComponent(tag)}`;
        const head = await this.request(repo, 'HEAD', path, { Accept: MANIFEST_TYPES });
        await head.body?.cancel();
        if (head.status === 404)
            return undefined;
        if (!head.ok)
            throw new RegistryHttpFailure(`reading ${name}:${tag}: HTTP ${head.status}`, head.status);
        const header = head.headers.get('docker-content-digest');
        if (header && /^sha256:[0-9a-f]{64}$/.test(header))
            return header;
        const res = await this.request(repo, 'GET', path, { Accept: MANIFEST_TYPES });
        if (res.status === 404) {
            await res.body?.cancel();
            return undefined;
        }
        if (!res.ok) {
            await res.body?.cancel();
            throw new RegistryHttpFailure(`reading ${name}:${tag}: HTTP ${res.status}`, res.status);
        }
        const body = Buffer.from(await res.arrayBuffer());
        return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest('hex')}`;
    }
    /** Every tag of `name` (tags/list, followed page by page); [] when the repository does not exist. */
    async listTags(name) {
        const repo = repository(name);
        const all = [];
        for (let next = `/v2/${repo.path}/tags/list?n=1000`; next;) {
            const res = await this.request(repo, 'GET', next);
            if (res.status === 404)
                return [];
            if (!res.ok)
                throw new RegistryHttpFailure(`listing the tags of ${name}: HTTP ${res.status}`, res.status);
            all.push(...((await res.json()).tags ?? []));
            if (all.length > MAX_TAGS)
                throw new RegistryHttpFailure(`${name} has more than ${MAX_TAGS} tags: not read one by one`, 400);
            next = /<([^>]+)>;\s*rel="?next"?/.exec(res.headers.get('link') ?? '')?.[1];
            if (next && /^https?:/.test(next))
                next = new URL(next).pathname + new URL(next).search;
        }
        return all;
    }
    /** The tags of `name` whose manifest is `digest` (read with HEAD, 8 at a time). */
    async tagsAt(name, digest) {
        const repo = repository(name);
        const all = await this.listTags(name);
        const at = [];
        for (let i = 0; i < all.length; i += 8) {
            await Promise.all(all.slice(i, i + 8).map(async (tag) => {
                const res = await this.request(repo, 'HEAD', `/v2/${repo.path}/manifests/${encodeURIComponent(tag)}`, { Accept: MANIFEST_TYPES });
                if (res.status === 404)
                    return;
                if (!res.ok)
                    throw new RegistryHttpFailure(`reading ${name}:${tag}: HTTP ${res.status}`, res.status);
                if (res.headers.get('docker-content-digest') === digest)
                    at.push(tag);
            }));
        }
        return at;
    }
    /**
     * DELETE of the manifest `digest` of `name` (every tag pointing at it goes with it). False when the
     * registry does not allow deletion (405, or `UNSUPPORTED`); a manifest already gone counts as deleted.
     */
    async deleteManifest(name, digest) {
        const repo = repository(name);
        const res = await this.request(repo, 'DELETE', `/v2/${repo.path}/manifests/${digest}`);
        if (res.ok || res.status === 404)
            return true;
        const body = await res.text().catch(() => '');
        if (res.status === 405 || /UNSUPPORTED/.test(body))
            return false;
        throw new RegistryHttpFailure(`deleting ${name}@${digest}: HTTP ${res.status}`, res.status);
    }
    /** Whether `name` has the blob `digest` (HEAD). */
    async hasBlob(name, digest) {
        const repo = repository(name);
        const head = await this.request(repo, 'HEAD', `/v2/${repo.path}/blobs/${digest}`);
        await head.body?.cancel();
        if (head.ok)
            return true;
        if (head.status === 404)
            return false;
        throw await httpFailure(`checking blob ${digest.slice(0, 19)}… of ${name}`, head);
    }
    /**
     * Downloads the blob `digest` (`size` bytes) of `name` into `file`, streamed; its bytes must hash to
     * the digest and have the size, or the file is removed and it throws. The download gets as long as a
     * slow link needs for the size (at least 1 MB/s).
     */
    async downloadBlob(name, digest, size, file) {
        const repo = repository(name);
        const res = await this.request(repo, 'GET', `/v2/${repo.path}/blobs/${digest}`, {}, undefined, REQUEST_TIMEOUT_MS + Math.ceil(size / 1000));
        if (!res.ok || !res.body) {
            await res.body?.cancel();
            throw new RegistryHttpFailure(`downloading blob ${digest.slice(0, 19)}… of ${name}: HTTP ${res.status}`, res.status);
        }
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        let length = 0;
        const counted = new node_stream__WEBPACK_IMPORTED_MODULE_2__.Transform({
            transform(chunk, _enc, done) {
                hash.update(chunk);
                length += chunk.length;
                done(null, chunk);
            }
        });
        try {
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.fromWeb(res.body), counted, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(file, { mode: 0o600 }));
            const actual = `sha256:${hash.digest('hex')}`;
            if (actual !== digest || length !== size)
                throw new RegistryHttpFailure(`downloading blob ${digest.slice(0, 19)}… of ${name}: the registry answered ${length} bytes of ${actual.slice(0, 19)}…`, 400);
        }
        catch (e) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(file, { force: true });
            throw e;
        }
    }
    /**
     * Uploads the blob `digest` (`size` bytes, read from `file`) to `name`, unless the registry has it:
     * mounted from `from` (another repository of the same registry) when the registry allows, else one
     * monolithic upload. True when it was uploaded or mounted, false when it was there.
     */
    async pushBlob(name, digest, size, file, from) {
        const repo = repository(name);
        const head = await this.request(repo, 'HEAD', `/v2/${repo.path}/blobs/${digest}`);
        if (head.ok)
            return false;
        if (head.status !== 404)
            throw await httpFailure(`checking blob ${digest.slice(0, 19)}… of ${name}`, head);
        const source = from ? repository(from) : undefined;
        const mount = source && source.host === repo.host && source.path !== repo.path ? `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(source.path)}` : '';
        const started = await this.request(repo, 'POST', `/v2/${repo.path}/blobs/uploads/${mount}`, { 'Content-Length': '0' });
        await started.body?.cancel();
        if (started.status === 201)
            return true; // mounted
        if (started.status !== 202)
            throw await httpFailure(`starting the upload of blob ${digest.slice(0, 19)}… to ${name}`, started);
        const location = this.samePath(repo, started.headers.get('location') ?? '');
        const put = `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
        const body = await (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openAsBlob)(file);
        if (body.size !== size)
            throw new RegistryHttpFailure(`blob ${digest} of ${name} is ${body.size} bytes in the layout, not ${size}`, 400);
        const done = await this.request(repo, 'PUT', put, { 'Content-Type': 'application/octet-stream' }, body);
        if (!done.ok)
            throw await httpFailure(`uploading blob ${digest.slice(0, 19)}… to ${name}`, done);
        await done.body?.cancel();
        return true;
    }
    /** PUT of the manifest `body` (bytes as they are: its digest is theirs) under `reference` (a digest or a tag). */
    async putManifest(name, reference, mediaType, body) {
        const repo = repository(name);
        const res = await this.request(repo, 'PUT', `/v2/${repo.path}/manifests/${encodeURIComponent(reference).replace(/%3A/gi, ':')}`, { 'Content-Type': mediaType }, new Blob([body]));
        if (!res.ok)
            throw await httpFailure(`pushing manifest ${reference.slice(0, 19)}… of ${name}`, res);
        await res.body?.cancel();
    }
    /**
     * The OCI 1.1 referrers API: the descriptors of the manifests whose subject is `digest` (GET
     * /v2/<name>/referrers/<digest>, one page); undefined when the registry has no such API (404, 405, or
     * an answer that is not an image index), which is when clients use the referrers tag `sha256-<hex>`.
     */
    async referrers(name, digest) {
        const repo = repository(name);
        const res = await this.request(repo, 'GET', `/v2/${repo.path}/referrers/${digest}`, { Accept: 'application/vnd.oci.image.index.v1+json' });
        if (res.status === 404 || res.status === 405 || res.status === 400) {
            await res.body?.cancel();
            return undefined;
        }
        if (!res.ok)
            throw await httpFailure(`listing the referrers of ${name}@${digest.slice(0, 19)}…`, res);
        let index;
        try {
            index = (await res.json());
        }
        catch {
            return undefined;
        }
        if (!Array.isArray(index.manifests))
            return undefined;
        return index.manifests;
    }
    /**
     * Points the tag `tag` of `name` at the manifest `m` (already in the repository by its digest): one PUT
     * of its exact bytes with its media type, so the digest cannot change. The registry's answer
     * (`Docker-Content-Digest`, when it sends one) must be that digest, or it throws (not transient).
     */
    async putTag(name, tag, m) {
        const repo = repository(name);
        const res = await this.request(repo, 'PUT', `/v2/${repo.path}/manifests/${encodeURIComponent(tag)}`, { 'Content-Type': m.mediaType }, new Blob([m.bytes]));
        if (!res.ok)
            throw await httpFailure(`moving ${name}:${tag}`, res);
        await res.body?.cancel();
        const answered = res.headers.get('docker-content-digest');
        if (answered && answered !== m.digest)
            throw new RegistryHttpFailure(`moving ${name}:${tag}: the registry stored ${answered.slice(0, 80)}, not ${m.digest}`, 400);
    }
    /** An upload's Location: a path on the registry's own host (relative, or absolute on that host). */
    samePath(repo, location) {
        if (location.startsWith('/'))
            return location;
        try {
            const u = new URL(location);
            if (u.host === repo.host)
                return u.pathname + u.search;
        }
        catch {
            // not a URL: refused below
        }
        throw new RegistryHttpFailure(`${repo.host} answered an upload with a location on another host (${location.slice(0, 100)}): not followed`, 400);
    }
    async request(repo, method, path, headers = {}, body, timeoutMs) {
        const scope = `repository:${repo.path}:${method === 'DELETE' ? 'delete' : method === 'POST' || method === 'PUT' ? 'pull,push' : 'pull'}`;
        const token = this.tokens.get(`${repo.host} ${scope}`);
        const first = await this.send(repo, method, path, token ? { ...headers, Authorization: token } : headers, body, timeoutMs);
        if (first.status !== 401)
            return first;
        const challenge = first.headers.get('www-authenticate') ?? '';
        await first.body?.cancel();
        const auth = await this.authorize(repo, challenge, scope);
        if (!auth)
            return first;
        this.tokens.set(`${repo.host} ${scope}`, auth);
        return this.send(repo, method, path, { ...headers, Authorization: auth }, body, timeoutMs);
    }
    /** HTTPS; a loopback registry that does not speak TLS is asked over HTTP (docker's rule for 127.0.0.0/8). */
    async send(repo, method, path, headers, body, timeoutMs) {
        const known = this.schemes.get(repo.host);
        const schemes = known ? [known] : isLoopback(repo.host) ? ['https', 'http'] : ['https'];
        let last;
        for (const scheme of schemes) {
            try {
                // an upload gets as long as a slow link needs for its size (at least 1 MB/s), a call 20 s
                const timeout = timeoutMs ?? REQUEST_TIMEOUT_MS + (body ? Math.ceil(body.size / 1000) : 0);
                const res = await fetch(`${scheme}://${repo.host}${path}`, { method, headers, body, redirect: 'follow', signal: AbortSignal.timeout(timeout) });
                this.schemes.set(repo.host, scheme);
                return res;
            }
            catch (e) {
                last = e;
            }
        }
        throw last;
    }
    async authorize(repo, challenge, scope) {
        const cred = await this.credential(repo);
        const [, kind = '', rest = ''] = /^(\w+)\s*(.*)$/.exec(challenge.trim()) ?? [];
        if (/^basic$/i.test(kind)) {
            if (!cred || !this.mayCarry(`${this.schemes.get(repo.host)}://${repo.host}`))
                return undefined;
            return `Basic ${Buffer.from(`${cred.username}:${cred.secret}`).toString('base64')}`;
        }
        if (!/^bearer$/i.test(kind))
            return undefined;
        const params = Object.fromEntries([...rest.matchAll(/(\w+)="([^"]*)"/g)].map(m => [m[1], m[2]]));
        if (!params['realm'] || !this.mayCarry(params['realm']))
            return undefined;
        const url = new URL(params['realm']);
        if (params['service'])
            url.searchParams.set('service', params['service']);
        url.searchParams.set('scope', params['scope'] || scope);
        const headers = cred ? { Authorization: `Basic ${Buffer.from(`${cred.username}:${cred.secret}`).toString('base64')}` } : {};
        const res = await fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        if (!res.ok) {
            await res.body?.cancel();
            if (res.status >= 500 || res.status === 429)
                throw new RegistryHttpFailure(`the token endpoint of ${repo.host}: HTTP ${res.status}`, res.status);
            return undefined;
        }
        const body = (await res.json());
        const token = body.token || body.access_token;
        return token ? `Bearer ${token}` : undefined;
    }
    /** Credentials go over HTTPS, or plain HTTP to this machine only. */
    mayCarry(url) {
        try {
            const u = new URL(url);
            return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopback(u.host));
        }
        catch {
            return false;
        }
    }
    async credential(repo) {
        const dir = this.env['DOCKER_CONFIG'] || process.env['DOCKER_CONFIG'] || (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(process.env['HOME'] || (0,node_os__WEBPACK_IMPORTED_MODULE_4__.homedir)(), '.docker');
        let config;
        try {
            config = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(dir, 'config.json'), 'utf8'));
        }
        catch {
            return undefined;
        }
        const helper = config.credHelpers?.[repo.authKey] ?? config.credsStore;
        if (helper && /^[\w.-]+$/.test(helper)) {
            const out = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_7__.run)(`docker-credential-${helper}`, ['get'], { input: repo.authKey, allowFailure: true, env: this.env });
            if (out.code === 0) {
                try {
                    const c = JSON.parse(out.stdout);
                    if (c.Secret)
                        return { username: c.Username ?? '', secret: c.Secret };
                }
                catch {
                    // not JSON: no credential
                }
            }
        }
        const entry = config.auths?.[repo.authKey] ?? config.auths?.[`https://${repo.authKey}`];
        if (!entry?.auth)
            return undefined;
        const plain = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = plain.indexOf(':');
        return colon < 0 ? undefined : { username: plain.slice(0, colon), secret: plain.slice(colon + 1) };
    }
}


/***/ }),

/***/ 56728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   FL: () => (/* binding */ parsePlatform),
/* harmony export */   Ng: () => (/* binding */ platformKey),
/* harmony export */   ol: () => (/* binding */ hostPlatform),
/* harmony export */   tM: () => (/* binding */ splitPlatforms)
/* harmony export */ });
/** Platforms (`os/arch[/variant]`): validation with helpful messages, normalisation, and the host's own. */
const OSES = ['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'aix', 'plan9', 'js', 'wasip1'];
const ARCHES = ['amd64', 'arm64', 'arm', '386', 'ppc64le', 'ppc64', 's390x', 'riscv64', 'mips64le', 'mips64', 'mipsle', 'mips', 'loong64', 'wasm'];
const VARIANTS = {
    arm: ['v5', 'v6', 'v7', 'v8'],
    arm64: ['v8', 'v8.0', 'v8.1', 'v8.2', 'v8.3', 'v8.4', 'v8.5', 'v8.6', 'v8.7', 'v8.8', 'v8.9', 'v9', 'v9.0', 'v9.1', 'v9.2', 'v9.3', 'v9.4', 'v9.5'],
    amd64: ['v1', 'v2', 'v3', 'v4']
};
function closest(word, candidates) {
    const dist = (a, b) => {
        const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
        for (let j = 1; j <= b.length; j++)
            d[0][j] = j;
        for (let i = 1; i <= a.length; i++)
            for (let j = 1; j <= b.length; j++)
                d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        return d[a.length][b.length];
    };
    const best = candidates.map(c => [c, dist(word, c)]).sort((x, y) => x[1] - y[1])[0];
    return best && best[1] <= 2 ? best[0] : undefined;
}
/** Parses one platform; throws an Error whose message says what is wrong and suggests a fix. */
function parsePlatform(text) {
    const parts = text.trim().split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some(p => p === '')) {
        throw new Error(`"${text}" is not a platform (os/arch or os/arch/variant, e.g. linux/amd64, linux/arm/v7)`);
    }
    const [os, arch, variant] = parts.map(p => p.toLowerCase());
    if (!OSES.includes(os)) {
        const hint = closest(os, OSES);
        throw new Error(`unknown operating system "${os}" in platform "${text}"${hint ? ` (did you mean ${hint}?)` : ''}`);
    }
    if (!ARCHES.includes(arch)) {
        const hint = closest(arch, ARCHES);
        throw new Error(`unknown architecture "${arch}" in platform "${text}"${hint ? ` (did you mean ${os}/${hint}?)` : ''}`);
    }
    if (variant !== undefined && !(VARIANTS[arch] ?? []).includes(variant)) {
        throw new Error(`unknown variant "${variant}" for ${arch} in platform "${text}"${VARIANTS[arch] ? ` (one of ${VARIANTS[arch].join(', ')})` : ''}`);
    }
    return { os, arch, ...(variant ? { variant } : {}) };
}
function formatPlatform(p) {
    return [p.os, p.arch, p.variant].filter(Boolean).join('/');
}
/** Splits a platform list written with commas, semicolons, spaces or newlines. */
function splitPlatforms(text) {
    return text
        .split(/[\s,;]+/)
        .map(s => s.trim())
        .filter(Boolean);
}
/** The platform this process runs on natively, in OCI terms. */
function hostPlatform(nodeArch = process.arch) {
    const map = {
        x64: { os: 'linux', arch: 'amd64' },
        arm64: { os: 'linux', arch: 'arm64' },
        arm: { os: 'linux', arch: 'arm', variant: 'v7' },
        ia32: { os: 'linux', arch: '386' },
        ppc64: { os: 'linux', arch: 'ppc64le' },
        s390x: { os: 'linux', arch: 's390x' },
        riscv64: { os: 'linux', arch: 'riscv64' },
        loong64: { os: 'linux', arch: 'loong64' }
    };
    return map[nodeArch] ?? { os: 'linux', arch: nodeArch };
}
/**
 * The platform without its default variant (`linux/arm64/v8` and `linux/arm64` are one platform to
 * BuildKit and registries, so are `linux/amd64/v1` and `linux/amd64`), for comparing two spellings.
 */
function platformKey(text) {
    const p = parsePlatform(text);
    const isDefault = (p.arch === 'arm64' && (p.variant === 'v8' || p.variant === 'v8.0')) || (p.arch === 'amd64' && p.variant === 'v1');
    return formatPlatform(isDefault ? { os: p.os, arch: p.arch } : p);
}


/***/ }),

/***/ 2470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Em: () => (/* binding */ registryDomain),
/* harmony export */   Ew: () => (/* binding */ canonicalName),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   gr: () => (/* binding */ isDockerHub),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
/** Image references: the one rule for whether a name starts with a registry domain. */
/**
 * The registry domain a name starts with, or undefined: the first `/`-separated component when it holds
 * a `.` or a `:` or is `localhost` (Docker's rule: `org/app` is on docker.io, `ghcr.io/org/app` is not).
 */
function registryDomain(name) {
    const slash = name.indexOf('/');
    if (slash < 0)
        return undefined;
    const first = name.slice(0, slash);
    return /[.:]|^localhost$/.test(first) ? first : undefined;
}
/** Docker Hub's other spellings: `index.docker.io/acme/app` is the repository `docker.io/acme/app`. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** True for a registry domain that is Docker Hub (`docker.io`, `index.docker.io`, `registry-1.docker.io`), any case. */
function isDockerHub(domain) {
    return DOCKER_HUB.has(domain.toLowerCase());
}
/**
 * The canonical form of an image name (without tag or digest), as Docker resolves it: lowercase, with
 * its registry domain (`docker.io` when it names none, and for Docker Hub's other spellings), and
 * Docker Hub's official images under `library/`: `App` -> `docker.io/library/app`, `acme/app` and
 * `index.docker.io/acme/app` -> `docker.io/acme/app`, `GHCR.io/Acme/App` -> `ghcr.io/acme/app`.
 */
function canonicalName(name) {
    const lower = name.toLowerCase();
    const domain = registryDomain(lower);
    const path = domain === undefined ? lower : lower.slice(domain.length + 1);
    if (domain !== undefined && !DOCKER_HUB.has(domain))
        return `${domain}/${path}`;
    return `docker.io/${path.includes('/') ? path : `library/${path}`}`;
}
// The grammar of distribution/reference (reference.go), anchored: [domain/]path[:tag][@digest].
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const TAG_ONLY = new RegExp(`^${TAG}$`);
/** A tag as a registry takes it: a letter, digit or `_`, then up to 127 letters, digits, `_`, `.` and `-`. */
function isValidTag(tag) {
    return TAG_ONLY.test(tag);
}
/**
 * An image reference as docker takes it (`tonistiigi/binfmt:latest`, `moby/buildkit@sha256:...`), or
 * undefined: anything else (a leading `-`, a `,` or `=`, whitespace, upper case in the path) is not one.
 */
function parseReference(ref) {
    const m = REFERENCE.exec(ref);
    if (!m || m[1].length > 255)
        return undefined;
    return { name: m[1], ...(m[2] ? { tag: m[2] } : {}), ...(m[3] ? { digest: m[3] } : {}) };
}


/***/ })

};
