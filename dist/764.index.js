export const id = 764;
export const ids = [764];
export const modules = {

/***/ 35385:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const SemVer = __webpack_require__(7163)
const parse = __webpack_require__(16353)
const { safeRe: re, t } = __webpack_require__(95471)

const coerce = (version, options) => {
  if (version instanceof SemVer) {
    return version
  }

  if (typeof version === 'number') {
    version = String(version)
  }

  if (typeof version !== 'string') {
    return null
  }

  options = options || {}

  let match = null
  if (!options.rtl) {
    match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE])
  } else {
    // Find the right-most coercible string that does not share
    // a terminus with a more left-ward coercible string.
    // Eg, '1.2.3.4' wants to coerce '2.3.4', not '3.4' or '4'
    // With includePrerelease option set, '1.2.3.4-rc' wants to coerce '2.3.4-rc', not '2.3.4'
    //
    // Walk through the string checking with a /g regexp
    // Manually set the index so as to pick up overlapping matches.
    // Stop when we get a match that ends at the string end, since no
    // coercible string can be more right-ward without the same terminus.
    const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL]
    let next
    while ((next = coerceRtlRegex.exec(version)) &&
        (!match || match.index + match[0].length !== version.length)
    ) {
      if (!match ||
            next.index + next[0].length !== match.index + match[0].length) {
        match = next
      }
      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length
    }
    // leave it in a clean state
    coerceRtlRegex.lastIndex = -1
  }

  if (match === null) {
    return null
  }

  const major = match[2]
  const minor = match[3] || '0'
  const patch = match[4] || '0'
  const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : ''
  const build = options.includePrerelease && match[6] ? `+${match[6]}` : ''

  return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options)
}
module.exports = coerce


/***/ }),

/***/ 78469:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const SemVer = __webpack_require__(7163)
const compare = (a, b, loose) =>
  new SemVer(a, loose).compare(new SemVer(b, loose))

module.exports = compare


/***/ }),

/***/ 41236:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const compare = __webpack_require__(78469)
const gte = (a, b, loose) => compare(a, b, loose) >= 0
module.exports = gte


/***/ }),

/***/ 15985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E7: () => (/* binding */ parseInspect),
/* harmony export */   Og: () => (/* binding */ createArgs),
/* harmony export */   Ou: () => (/* binding */ parseBuildxVersion),
/* harmony export */   fE: () => (/* binding */ canReuse),
/* harmony export */   m7: () => (/* binding */ routePlatforms),
/* harmony export */   oK: () => (/* binding */ describeRoutes),
/* harmony export */   q4: () => (/* binding */ MIN_BUILDX),
/* harmony export */   vF: () => (/* binding */ isContainerdStore),
/* harmony export */   zy: () => (/* binding */ versionAtLeast)
/* harmony export */ });
/* unused harmony export missingPlatforms */
/* harmony import */ var semver_functions_coerce_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(35385);
/* harmony import */ var semver_functions_coerce_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver_functions_coerce_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var semver_functions_gte_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41236);
/* harmony import */ var semver_functions_gte_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(semver_functions_gte_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _lib_platform_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56728);
/**
 * The BuildKit builder, as buildx describes it: pure parsing of `docker buildx version` and
 * `docker buildx inspect`, and the verdict whether a builder can do the job. Running those commands is
 * the seam's (buildx.ts).
 */



const MIN_BUILDX = '0.12.0';
/** `github.com/docker/buildx v0.19.3 abc` or `github.com/docker/buildx 0.19.3+ds1 ...` -> `0.19.3`. */
function parseBuildxVersion(output) {
    return /\bv?(\d+\.\d+\.\d+)/.exec(output)?.[1];
}
/** semver's comparison; a version without a patch (`0.12`) counts as `.0`. */
function versionAtLeast(version, min) {
    const v = semver_functions_coerce_js__WEBPACK_IMPORTED_MODULE_0___default()(version);
    return !!v && semver_functions_gte_js__WEBPACK_IMPORTED_MODULE_1___default()(v, min);
}
function field(block, name) {
    return new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(block)?.[1].trim() ?? '';
}
/** A node's `Platforms:` line: every platform, and the ones buildx marks with `*` (configured with `--platform`). */
function platformList(text) {
    const all = text
        .split(',')
        .map(p => p.trim())
        .filter(p => p && p !== '*');
    return { platforms: all.map(p => p.replace(/\*$/, '')), declared: all.filter(p => p.endsWith('*')).map(p => p.slice(0, -1)) };
}
function node(block) {
    return { name: field(block, 'Name'), endpoint: field(block, 'Endpoint'), status: field(block, 'Status'), ...platformList(field(block, 'Platforms')) };
}
/**
 * Every node of `docker buildx inspect`: a builder made with `--append` (a native arm64 machine next to
 * an amd64 one) builds what its nodes build together. Nodes that are not running build nothing, though
 * buildx still lists their configured platforms.
 */
function parseInspect(output) {
    const text = output.replace(/\r\n/g, '\n');
    const at = /^Nodes:[ \t]*$/m.exec(text);
    const head = at ? text.slice(0, at.index) : text;
    const body = at ? text.slice(at.index + at[0].length) : '';
    const nodes = body
        .split(/^(?=Name:)/m)
        .filter(b => /^Name:/.test(b))
        .map(node);
    // old buildx without a Nodes: heading: the one node's fields are in the head
    if (!at && field(head, 'Platforms'))
        nodes.push(node(head));
    const platforms = [...new Set(nodes.filter(n => !n.status || n.status === 'running').flatMap(n => n.platforms))];
    return { name: field(head, 'Name'), driver: field(head, 'Driver'), nodes, platforms };
}
function normalise(p) {
    try {
        const platform = (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePlatform */ .FL)(p);
        // arm64 is v8 unless said otherwise: linux/arm64/v8 is what a builder lists as linux/arm64
        if (platform.arch === 'arm64' && platform.variant === 'v8')
            delete platform.variant;
        return (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .formatPlatform */ .Bq)(platform);
    }
    catch {
        return p;
    }
}
/** Platforms the builder cannot build. */
function missingPlatforms(builder, platforms) {
    const have = new Set(builder.platforms.map(normalise));
    // a builder that lists linux/arm/v7 builds linux/arm (its default variant) too
    for (const p of [...have])
        if (/\/arm\/v7$/.test(p))
            have.add('linux/arm');
    return platforms.map(normalise).filter(p => !have.has(p));
}
/** A node listing `have` also builds `want` without emulation of its own: amd64 runs 386, arm64 runs 32-bit arm, arm/v7 runs v6 and v5. */
function compatible(have, want) {
    const [ho, ha, hv] = have.split('/');
    const [wo, wa, wv] = want.split('/');
    if (ho !== wo)
        return false;
    if (ha === 'amd64' && wa === '386')
        return true;
    if (ha === 'arm64' && wa === 'arm')
        return true;
    if (ha === 'arm' && wa === 'arm')
        return !wv || (!!hv && Number(wv.slice(1)) <= Number(hv.slice(1)));
    return false;
}
/**
 * Which node of the builder builds which platform, the way buildx (build/driver.go) chooses: when every
 * platform is declared by some node (created with `--platform`, `*` in `buildx inspect`), each goes to
 * the first node declaring it; otherwise each goes to the first node listing it (exactly, else one that
 * runs it compatibly), and a platform no node lists to the first node.
 */
function routePlatforms(builder, platforms) {
    const nodes = builder.nodes;
    if (!nodes.length)
        return [];
    const wanted = [...new Set(platforms.map(normalise))];
    const find = (p, list, match) => nodes.find(n => list(n).map(normalise).some(h => match(h, p)));
    const same = (h, w) => h === w;
    const strict = wanted.map(p => find(p, n => n.declared, same));
    if (strict.every(Boolean))
        return wanted.map((p, i) => ({ platform: p, node: strict[i], by: 'declared' }));
    return wanted.map(p => {
        const n = find(p, x => x.platforms, same) ?? find(p, x => x.platforms, compatible);
        return n ? { platform: p, node: n, by: n.declared.map(normalise).includes(p) ? 'declared' : 'listed' } : { platform: p, node: nodes[0], by: 'first node' };
    });
}
/** `linux/amd64 on node a, linux/arm64 on node b (declared)`: one line of the log and the summary. */
function describeRoutes(routes) {
    return routes.map(r => `${r.platform} on node ${r.node.name}${r.by === 'declared' ? ' (declared)' : r.by === 'first node' ? ' (no node lists it)' : ''}`).join(', ');
}
/** `, nodes a (linux/amd64) + b (linux/arm64)` for a builder of several nodes, else nothing. */
function nodesNote(builder, platforms) {
    if (builder.nodes.length < 2)
        return '';
    const routes = routePlatforms(builder, platforms);
    const parts = builder.nodes
        .filter(n => n.status === 'running')
        .map(n => {
        const mine = routes.filter(r => r.node === n).map(r => r.platform);
        return `${n.name}${mine.length ? ` (${mine.join(', ')})` : ''}`;
    });
    return `, nodes ${parts.join(' + ')}`;
}
/** Pure: whether the current builder will do, and why (not). */
function canReuse(builder, platforms, containerdStore) {
    const missing = missingPlatforms(builder, platforms);
    if (missing.length) {
        const down = builder.nodes.filter(n => n.status && n.status !== 'running').map(n => `${n.name} is ${n.status}`);
        return { ok: false, reason: `builder ${builder.name} (${builder.driver}) cannot build ${missing.join(', ')}${down.length ? ` (node ${down.join(', node ')})` : ''}` };
    }
    if (builder.driver === 'docker' && platforms.length > 1 && !containerdStore) {
        return { ok: false, reason: `builder ${builder.name} uses the docker driver without the containerd image store, which cannot push multi-platform images` };
    }
    return { ok: true, reason: `reusing builder ${builder.name} (${builder.driver} driver${builder.driver === 'docker' && containerdStore ? ', containerd image store' : ''}${nodesNote(builder, platforms)}): it builds ${platforms.join(', ')}` };
}
/** `docker info --format '{{json .DriverStatus}}'` of a daemon whose images live in containerd. */
function isContainerdStore(driverStatus) {
    return /io\.containerd\.snapshotter/.test(driverStatus);
}
/** The argument array of `docker buildx create` for a builder of our own. */
function createArgs(o) {
    const args = ['buildx', 'create', `--name=${o.name}`, '--driver', 'docker-container'];
    if (o.image)
        args.push('--driver-opt', `image=${o.image}`);
    if (o.hostNetwork)
        args.push('--driver-opt', 'network=host');
    if (o.configFile)
        args.push(`--config=${o.configFile}`); // --buildkitd-config in newer buildx; --config is accepted by all
    args.push('--bootstrap');
    return args;
}


/***/ }),

/***/ 88152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ Buildx)
/* harmony export */ });
/* unused harmony export isNotFound */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51293);
/* harmony import */ var _builder_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(15985);
/* harmony import */ var _qemu_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31868);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(31949);
/* harmony import */ var _registry_api_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(43722);
/**
 * THE engine seam: every docker and buildx command of a run goes through one object of this type,
 * created once per run and handed to the steps that need it. Unit tests pass a fake fed with output
 * captured from the real engine (__tests__/fixtures/engine); `Buildx` is the real one, over the exec
 * layer (argument arrays, redacted logs, retries of transient registry errors).
 */






/** `imagetools inspect` of a tag that is not there (not an auth failure, which also says "not found" on some registries). */
function isNotFound(output) {
    return /: not found\b|\bMANIFEST_UNKNOWN\b|manifest unknown/i.test(output) && !/unauthorized|denied|forbidden|authentication required/i.test(output);
}
/** The server argument of login/logout, after `--` (docker.io has none: docker's default). */
const DOCKER_HUB = (registry) => (registry === 'docker.io' ? [] : ['--', registry]);
class Buildx {
    env;
    cwd;
    binfmtDir;
    timeoutMs;
    exec;
    constructor(o = {}) {
        this.env = o.env ?? {};
        this.cwd = o.cwd;
        this.binfmtDir = o.binfmtDir;
        this.timeoutMs = o.timeoutMs;
        this.exec = o.exec ?? { run: _exec_js__WEBPACK_IMPORTED_MODULE_1__.run, runWithRetry: _exec_js__WEBPACK_IMPORTED_MODULE_1__/* .runWithRetry */ .Mn };
        this.registryApi = o.registryApi;
    }
    docker(args, opts = {}) {
        return this.exec.run('docker', args, { env: this.env, ...(this.timeoutMs ? { timeoutMs: this.timeoutMs } : {}), ...opts });
    }
    async version() {
        const out = await this.docker(['buildx', 'version'], { allowFailure: true });
        if (out.code !== 0) {
            throw new Error(`docker buildx is not available (${(out.stderr || out.stdout).trim() || 'no output'}): install the buildx plugin (docker/setup-buildx-action does) or use a runner that has it`);
        }
        return out.stdout;
    }
    async inspectBuilder(name) {
        // `--` before every positional argument: a value that starts with `-` is never taken for a flag
        const at = name ? ['--', name] : [];
        const booted = await this.docker(['buildx', 'inspect', '--bootstrap', ...at], { allowFailure: true });
        if (booted.code === 0)
            return (0,_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .parseInspect */ .E7)(booted.stdout);
        // A node that cannot boot fails --bootstrap for the whole builder; without it, buildx still
        // says which nodes run, and the verdict is then made on those.
        const plain = await this.docker(['buildx', 'inspect', ...at], { allowFailure: true });
        if (plain.code !== 0)
            throw new _exec_js__WEBPACK_IMPORTED_MODULE_1__/* .CommandError */ .Qd(`docker buildx inspect --bootstrap${name ? ` ${name}` : ''}`, booted);
        return (0,_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .parseInspect */ .E7)(plain.stdout);
    }
    async createBuilder(o) {
        await this.docker((0,_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .createArgs */ .Og)(o), { stream: true });
        return this.inspectBuilder(o.name);
    }
    async removeBuilder(name) {
        const out = await this.docker(['buildx', 'rm', '--force', '--', name], { allowFailure: true });
        // gone already (main failed while creating it) is what removing wanted
        if (out.code !== 0 && !/no builder .* found|not found/i.test(out.stderr + out.stdout))
            throw new _exec_js__WEBPACK_IMPORTED_MODULE_1__/* .CommandError */ .Qd(`docker buildx rm --force ${name}`, out);
    }
    async containerdImageStore() {
        const out = await this.docker(['info', '--format', '{{json .DriverStatus}}'], { allowFailure: true });
        return (0,_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .isContainerdStore */ .vF)(out.stdout);
    }
    async registeredEmulators() {
        return (0,_qemu_js__WEBPACK_IMPORTED_MODULE_3__/* .registeredEmulators */ .Nr)(this.binfmtDir);
    }
    async installEmulators(image, arches) {
        await this.docker(['run', '--privileged', '--rm', '--', image, '--install', arches.join(',')], { stream: true });
    }
    async bake(o) {
        // flag values joined with `=` (or made by the action: --set target.key=value) and targets after `--`:
        // nothing a user wrote can become a flag
        const args = ['buildx', 'bake', `--file=${o.file}`, `--progress=${o.progress}`, ...(o.metadataFile ? [`--metadata-file=${o.metadataFile}`] : []), ...(o.builder ? [`--builder=${o.builder}`] : []), ...(o.set ?? []).flatMap(s => ['--set', s]), ...(o.targets?.length ? ['--', ...o.targets] : [])];
        const out = await this.docker(args, { allowFailure: true, stream: o.progress === 'plain', onLine: o.onLine, cwd: this.cwd });
        const metadata = out.code === 0 && o.metadataFile && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(o.metadataFile) ? JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(o.metadataFile, 'utf8')) : {};
        return { code: out.code, metadata };
    }
    async build(o) {
        // a CSV field of --output: quoted when the path holds a comma or a quote
        const dest = (p) => (/[",]/.test(p) ? `"dest=${p.replace(/"/g, '""')}"` : `dest=${p}`);
        const output = o.output.type === 'local' ? `type=local,${dest(o.output.dest)}` : 'type=cacheonly';
        const args = ['buildx', 'build', `--file=${o.file}`, '--progress=plain', ...(o.builder ? [`--builder=${o.builder}`] : []), ...Object.entries(o.buildArgs ?? {}).map(([k, v]) => `--build-arg=${k}=${v}`), `--output=${output}`, '--', o.context];
        const out = await this.docker(args, { allowFailure: true });
        return { code: out.code, output: out.stderr + out.stdout };
    }
    async imagetoolsInspect(ref, format) {
        const out = await this.exec.runWithRetry('docker', ['buildx', 'imagetools', 'inspect', ...(format === 'raw' ? ['--raw'] : [`--format=${format}`]), '--', ref], { env: this.env });
        return JSON.parse(out.stdout);
    }
    async imagetoolsCreate(tags, source) {
        await this.exec.runWithRetry('docker', ['buildx', 'imagetools', 'create', ...tags.map(t => `--tag=${t}`), '--', source], { env: this.env });
    }
    async readManifest(name, digest) {
        const read = await this.viaApi(name, `reading ${name}@${digest}`, () => this.api().manifest(name, digest));
        if (read.ok && read.value) {
            // its bytes are what the tag phase PUTs under each tag: kept, so that no second read is needed
            if (read.value.bytes && read.value.digest === digest)
                this.manifests.set(`${name}@${digest}`, read.value);
            return read.value.json;
        }
        // not there (404), or the API could not be used: docker says why, in its words, and retries the transient
        return this.imagetoolsInspect(`${name}@${digest}`, 'raw');
    }
    async manifestRaw(name, digest) {
        const cached = this.manifests.get(`${name}@${digest}`);
        if (cached?.bytes)
            return { mediaType: cached.mediaType, bytes: cached.bytes };
        const read = await this.api().manifest(name, digest);
        if (!read?.bytes || read.digest !== digest)
            return undefined;
        this.manifests.set(`${name}@${digest}`, read);
        return { mediaType: read.mediaType, bytes: read.bytes };
    }
    async hasBlob(name, digest) {
        const api = this.api();
        if (!api.hasBlob)
            throw new Error('this registry API cannot check blobs');
        return api.hasBlob(name, digest);
    }
    async downloadBlob(name, blob) {
        const api = this.api();
        if (!api.downloadBlob)
            throw new Error('this registry API cannot download blobs');
        return api.downloadBlob(name, blob.digest, blob.size, blob.file);
    }
    async manifestSize(name, digest) {
        const cached = this.manifests.get(`${name}@${digest}`);
        if (cached)
            return cached.size;
        const read = await this.viaApi(name, `reading ${name}@${digest}`, () => this.api().manifest(name, digest));
        return read.ok && read.value?.digest === digest ? read.value.size : undefined;
    }
    async imageConfig(name, digest) {
        const read = await this.viaApi(name, `reading the image of ${name}@${digest}`, async () => {
            const api = this.api();
            let m = (await api.manifest(name, digest))?.json;
            if (m && Array.isArray(m.manifests)) {
                const first = m.manifests.find(x => x.platform && x.platform.os !== 'unknown' && x.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest');
                m = first ? (await api.manifest(name, first.digest))?.json : undefined;
            }
            const config = m?.config?.digest;
            return typeof config === 'string' && /^sha256:[0-9a-f]{64}$/.test(config) ? api.blobJson(name, config) : undefined;
        });
        if (read.ok && read.value !== undefined)
            return read.value;
        return this.imagetoolsInspect(`${name}@${digest}`, '{{json .Image}}');
    }
    async tagDigest(ref) {
        const colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/')) {
            const name = ref.slice(0, colon);
            const read = await this.viaApi(name, `reading ${ref}`, () => this.api().tagDigest(name, ref.slice(colon + 1)));
            if (read.ok)
                return read.value;
        }
        const out = await this.exec.run('docker', ['buildx', 'imagetools', 'inspect', '--format', '{{json .Manifest}}', '--', ref], { env: this.env, allowFailure: true });
        if (out.code === 0)
            return JSON.parse(out.stdout).digest;
        if (isNotFound(out.stderr + out.stdout))
            return undefined;
        throw new _exec_js__WEBPACK_IMPORTED_MODULE_1__/* .CommandError */ .Qd(`docker buildx imagetools inspect ${ref}`, out);
    }
    async writeTag(ref, source) {
        await this.exec.run('docker', ['buildx', 'imagetools', 'create', `--tag=${ref}`, '--', source], { env: this.env });
    }
    async writeTags(refs, source) {
        if (await this.writeTagsViaApi(refs, source))
            return;
        await this.exec.run('docker', ['buildx', 'imagetools', 'create', ...refs.map(r => `--tag=${r}`), '--', source], { env: this.env });
    }
    /** Manifests read through the API in this run (verify's reads), by `name@digest`, with their bytes. */
    manifests = new Map();
    /**
     * `writeTags` through the registry API: true when every tag was written; false when the API cannot be
     * used for this (the caller then runs `imagetools create`); throws the first failure of a write (a 5xx,
     * a connection reset: the tag phase reads back which moved and retries the others).
     */
    async writeTagsViaApi(refs, source) {
        const at = source.lastIndexOf('@');
        const name = source.slice(0, at);
        const digest = source.slice(at + 1);
        const api = this.api();
        if (at <= 0 || !api.putTag || !/^sha256:[0-9a-f]{64}$/.test(digest))
            return false;
        const tags = refs.map(r => (r.startsWith(`${name}:`) ? r.slice(name.length + 1) : ''));
        if (!tags.every(t => /^[\w][\w.-]{0,127}$/.test(t)))
            return false;
        const host = (0,_registry_api_js__WEBPACK_IMPORTED_MODULE_5__/* .repository */ .Jk)(name).host;
        let m = this.manifests.get(source);
        if (!m?.bytes) {
            const read = await this.viaApi(name, `reading ${source}`, () => api.manifest(name, digest));
            if (!read.ok || !read.value?.bytes)
                return false;
            m = read.value;
            this.manifests.set(source, m);
        }
        if (this.apiUnusable.has(host))
            return false;
        const manifest = { digest, mediaType: m.mediaType, bytes: m.bytes };
        const results = await Promise.allSettled(tags.map(t => api.putTag(name, t, manifest)));
        const failures = results.flatMap(r => (r.status === 'rejected' ? [r.reason] : []));
        if (!failures.length)
            return true;
        // refused credentials this process read (docker may hold others: an identity token, a helper): docker
        // writes them, for this registry from now on; a write that could not be made fails as it is
        if (failures.some(e => e instanceof _registry_api_js__WEBPACK_IMPORTED_MODULE_5__/* .RegistryHttpFailure */ .uG && (e.status === 401 || e.status === 403))) {
            this.apiUnusable.add(host);
            _action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .debug */ .Yz(`moving tags of ${name} through the registry API was refused; asking docker`);
            return false;
        }
        throw failures[0];
    }
    /** Registries the API failed to reach or to authorize with in this run: docker is asked from then on. */
    apiUnusable = new Set();
    /**
     * A read through the registry API, or `{ok: false}` when it cannot be made here: the registry is not
     * reachable from this process (a proxy, a CA only docker knows), refuses the credentials this process
     * can read (401/403: a credential helper docker has), or answers an error. Then the caller asks docker.
     */
    async viaApi(name, what, read) {
        const host = (0,_registry_api_js__WEBPACK_IMPORTED_MODULE_5__/* .repository */ .Jk)(name).host;
        if (this.apiUnusable.has(host))
            return { ok: false };
        try {
            return { ok: true, value: await read() };
        }
        catch (e) {
            const status = e instanceof _registry_api_js__WEBPACK_IMPORTED_MODULE_5__/* .RegistryHttpFailure */ .uG ? e.status : 0;
            if (status === 0 || status === 401 || status === 403)
                this.apiUnusable.add(host);
            _action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .debug */ .Yz(`${what} through the registry API failed (${_action_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$(e.message)}); asking docker`);
            return { ok: false };
        }
    }
    async listTags(name) {
        const api = this.api();
        return api.listTags ? api.listTags(name) : [];
    }
    async tagsAt(name, digest) {
        return this.api().tagsAt(name, digest);
    }
    async deleteManifest(name, digest) {
        return this.api().deleteManifest(name, digest);
    }
    async pushBlob(name, blob, from) {
        return this.fullApi().pushBlob(name, blob.digest, blob.size, blob.file, from);
    }
    async putManifest(name, reference, mediaType, bytes) {
        return this.fullApi().putManifest(name, reference, mediaType, bytes);
    }
    async referrers(name, digest) {
        const api = this.api();
        return api.referrers ? api.referrers(name, digest) : undefined;
    }
    registryApi;
    api() {
        return (this.registryApi ??= new _registry_api_js__WEBPACK_IMPORTED_MODULE_5__/* .RegistryApi */ .cA(this.env));
    }
    /** The pushes of an OCI layout (steps/staging.ts); a test's part of the API without them fails here, clearly. */
    fullApi() {
        const api = this.api();
        if (!api.pushBlob || !api.putManifest)
            throw new Error('this registry API cannot push blobs and manifests');
        return api;
    }
    async cosignVersion() {
        const out = await this.exec.run('cosign', ['version'], { env: this.env });
        const lines = (out.stdout + out.stderr).split('\n');
        return lines.find(l => /^GitVersion:/.test(l))?.replace(/\s+/g, ' ').trim() ?? 'cosign';
    }
    async cosignSign(o) {
        // flag values joined with `=`, the reference after `--`; DOCKER_CONFIG (the run's logins) from this.env
        const how = o.keyFile ? [`--key=${o.keyFile}`] : o.fulcioUrl ? [`--fulcio-url=${o.fulcioUrl}`] : [];
        const args = ['sign', '--yes', ...how, ...(o.rekorUrl ? [`--rekor-url=${o.rekorUrl}`] : []), `--tlog-upload=${o.tlogUpload}`, ...(o.allowHttp ? ['--allow-http-registry=true'] : []), '--', o.ref];
        // secrets in cosign's environment only: the key's password, or the OIDC token (cosign reads SIGSTORE_ID_TOKEN)
        const secret = o.keyFile ? { COSIGN_PASSWORD: o.password ?? '' } : o.identityToken ? { SIGSTORE_ID_TOKEN: o.identityToken } : {};
        await this.exec.runWithRetry('cosign', args, { env: { ...this.env, ...secret } });
    }
    async login(registry, username, password) {
        await this.exec.runWithRetry('docker', ['login', `--username=${username}`, '--password-stdin', ...DOCKER_HUB(registry)], { env: this.env, input: password });
    }
    async logout(registry) {
        await this.docker(['logout', ...DOCKER_HUB(registry)]);
    }
    async ensureCosign() {
        const { ensureCosign } = await __webpack_require__.e(/* import() */ 737).then(__webpack_require__.bind(__webpack_require__, 37737));
        return ensureCosign(() => this.exec.run('cosign', ['version'], { env: this.env, allowFailure: true }).then(r => r.code === 0, () => false));
    }
    async cosignVerify(o) {
        // flag values joined with `=`, the reference after `--`; DOCKER_CONFIG (the run's logins) from this.env
        const args = ['verify', '--output=json'];
        if (o.keyFile)
            args.push(`--key=${o.keyFile}`);
        if (o.identity)
            args.push(`--certificate-identity=${o.identity}`);
        if (o.identityRegexp)
            args.push(`--certificate-identity-regexp=${o.identityRegexp}`);
        if (o.issuer)
            args.push(`--certificate-oidc-issuer=${o.issuer}`);
        if (o.issuerRegexp)
            args.push(`--certificate-oidc-issuer-regexp=${o.issuerRegexp}`);
        if (!o.transparencyLog)
            args.push('--insecure-ignore-tlog=true');
        else if (o.rekorUrl)
            args.push(`--rekor-url=${o.rekorUrl}`);
        if (o.insecureRegistry)
            args.push('--allow-insecure-registry=true', '--allow-http-registry=true');
        args.push('--', o.ref);
        const r = await this.exec.run('cosign', args, { env: this.env, allowFailure: true });
        return { code: r.code, output: (r.stderr || r.stdout).trim().split('\n').slice(-3).join('\n') };
    }
}


/***/ }),

/***/ 57163:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $X: () => (/* binding */ jobDockerEnvironment),
/* harmony export */   Fv: () => (/* binding */ registryOf),
/* harmony export */   IB: () => (/* binding */ planLogins),
/* harmony export */   O8: () => (/* binding */ userDockerConfig),
/* harmony export */   iD: () => (/* binding */ login),
/* harmony export */   lp: () => (/* binding */ createDockerConfig)
/* harmony export */ });
/* unused harmony export githubRegistry */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31949);
/* harmony import */ var _lib_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2470);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(51293);
/**
 * Registry logins, in a DOCKER_CONFIG directory of the job's own (never the user's ~/.docker): passwords
 * go through stdin, are masked first, and the post step logs out and removes the directory.
 */






const DOCKER_HUB = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'];
/** The registry of an image name (`ghcr.io/o/app` -> ghcr.io, `org/app` -> docker.io). */
function registryOf(image) {
    return (0,_lib_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .registryDomain */ .Em)(image) ?? 'docker.io';
}
function sameRegistry(a, b) {
    const n = (r) => {
        const host = r.toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
        return DOCKER_HUB.includes(host) ? 'docker.io' : host;
    };
    return n(a) === n(b);
}
/**
 * The container registry of the GitHub server the run is on, the one registry `github-token` is for:
 * ghcr.io for github.com, `containers.<host>` for GitHub Enterprise Server and GHE.com. A GHES token
 * sent to ghcr.io would hand an enterprise's credential to another service.
 */
function githubRegistry(serverUrl) {
    let host;
    try {
        host = new URL(serverUrl || 'https://github.com').hostname.toLowerCase();
    }
    catch {
        host = '';
    }
    return host === 'github.com' || host === 'www.github.com' ? 'ghcr.io' : host ? `containers.${host}` : '';
}
/** Pure: which registries need a login for these pushed images, with which credentials. */
function planLogins(images, credentials, actor, githubToken, serverUrl) {
    const registries = [...new Set(images.map(registryOf))];
    const own = githubRegistry(serverUrl);
    return registries.map(registry => {
        const credential = credentials.find(c => sameRegistry(c.registry, registry));
        if (credential)
            return { registry, credential, source: 'registry-auth' };
        if (githubToken && own && sameRegistry(registry, own))
            return { registry, credential: { registry, username: actor || 'github-actions', password: githubToken }, source: 'github-token' };
        if (githubToken && registry.toLowerCase() === 'ghcr.io') {
            return { registry, source: 'none', note: `github-token is a token of ${own.replace(/^containers\./, '') || 'another GitHub server'}, not of github.com, so it is not sent to ghcr.io: give ghcr.io credentials in registry-auth` };
        }
        return { registry, source: 'none' };
    });
}
/** A fresh DOCKER_CONFIG directory under RUNNER_TEMP (the job's own temporary directory). */
function createDockerConfig(runnerTemp) {
    const base = runnerTemp || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)();
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(base, { recursive: true });
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(base, 'multiarch-publish-docker-'));
}
async function login(buildx, plan) {
    const c = plan.credential;
    _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .setSecret */ .Pq(c.password);
    try {
        await buildx.login(plan.registry, c.username, c.password);
    }
    catch (e) {
        if (e instanceof _exec_js__WEBPACK_IMPORTED_MODULE_5__/* .CommandError */ .Qd) {
            const msg = _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$((e.result.stderr || e.result.stdout).trim());
            throw new Error(`Login to ${plan.registry} as ${c.username} failed${plan.source === 'github-token' ? ' (with github-token; the workflow needs `permissions: packages: write`)' : ''}: ${msg}`);
        }
        throw e;
    }
    _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`Logged in to ${plan.registry} as ${c.username} (${plan.source})`);
}
/** Docker's own config directory for this user (where builders and CLI plugins live). */
function userDockerConfig(env) {
    return env['DOCKER_CONFIG'] || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env['HOME'] || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.homedir)(), '.docker');
}
/** The keys docker looks a Docker Hub login up by. */
const HUB_KEYS = ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io'];
/**
 * The job's own DOCKER_CONFIG: a copy of the user's config.json (their logins from earlier steps,
 * credential helpers such as ECR's, `proxies`, `cliPluginsExtraDirs`, `currentContext`, ... all kept), to
 * which the action adds its own logins; the user's file is only read. Each registry the action logs in
 * to gets `credHelpers[registry] = ""` in the copy, so that docker stores that login in the copy's file
 * and never in the user's credential store (a `credsStore` or a helper of that registry): removing the
 * copy (the post step) is then the logout. Builders stay where buildx keeps them (BUILDX_CONFIG), CLI
 * plugins and contexts are linked, so the user's setup is still what runs.
 */
function jobDockerEnvironment(env, dir, loginRegistries = []) {
    const user = userDockerConfig(env);
    for (const sub of ['cli-plugins', 'contexts']) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(user, sub)))
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.symlinkSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(user, sub), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, sub));
    }
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(user, 'config.json');
    let config = {};
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
        try {
            const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
            if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
                config = parsed;
            else
                _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`${file} is not a JSON object: the job's docker config starts empty.`);
        }
        catch (e) {
            _action_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e(`${file} cannot be read as JSON (${e instanceof Error ? e.name : 'error'}): the job's docker config starts empty.`);
        }
    }
    const helpers = config['credHelpers'] && typeof config['credHelpers'] === 'object' ? { ...config['credHelpers'] } : {};
    for (const r of loginRegistries)
        for (const key of sameRegistry(r, 'docker.io') ? HUB_KEYS : [r])
            helpers[key] = '';
    if (Object.keys(helpers).length)
        config = { ...config, credHelpers: helpers };
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'config.json'), JSON.stringify(config, null, 2), { mode: 0o600 });
    return { DOCKER_CONFIG: dir, BUILDX_CONFIG: env['BUILDX_CONFIG'] || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(user, 'buildx') };
}


/***/ }),

/***/ 31868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AU: () => (/* binding */ planQemu),
/* harmony export */   Nr: () => (/* binding */ registeredEmulators)
/* harmony export */ });
/* unused harmony export emulatorName */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _lib_platform_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56728);
/**
 * QEMU, only where needed: which requested platforms the host runs natively, which emulators binfmt_misc
 * already has, and which must be installed (`docker run --privileged --rm <qemu-image> --install <arches>`).
 */


/** binfmt_misc entry names (qemu-<name>) for OCI architectures. */
const QEMU_NAME = {
    arm64: 'aarch64',
    arm: 'arm',
    amd64: 'x86_64',
    '386': 'i386',
    ppc64le: 'ppc64le',
    ppc64: 'ppc64',
    s390x: 's390x',
    riscv64: 'riscv64',
    mips64le: 'mips64el',
    mips64: 'mips64',
    loong64: 'loongarch64'
};
/** Architectures a host runs without emulation. */
const NATIVE = {
    amd64: ['amd64', '386'],
    arm64: ['arm64'],
    arm: ['arm'],
    ppc64le: ['ppc64le'],
    s390x: ['s390x'],
    riscv64: ['riscv64']
};
/** Emulators binfmt_misc has and enables (entries like `qemu-aarch64`); the seam's read of the host. */
function registeredEmulators(dir = '/proc/sys/fs/binfmt_misc') {
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir);
    }
    catch {
        return [];
    }
    return names.filter(n => {
        if (!n.startsWith('qemu-'))
            return false;
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`${dir}/${n}`, 'utf8').split('\n')[0].trim() === 'enabled';
        }
        catch {
            return false;
        }
    }).map(n => n.slice('qemu-'.length));
}
/** The binfmt_misc entry name (without `qemu-`) of an OCI architecture's emulator. */
function emulatorName(arch) {
    return QEMU_NAME[arch] ?? arch;
}
/** Pure: the QEMU work for these platforms on this host, given the emulators already registered. */
function planQemu(platforms, host, registered, mode) {
    const archs = [...new Set(platforms.map(p => (0,_lib_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePlatform */ .FL)(p).arch))];
    const native = archs.filter(a => (NATIVE[host.arch] ?? [host.arch]).includes(a));
    const foreign = archs.filter(a => !native.includes(a));
    const have = foreign.filter(a => registered.includes(QEMU_NAME[a] ?? a));
    const missing = mode === 'true' ? foreign : foreign.filter(a => !have.includes(a));
    const list = (xs) => xs.join(', ');
    if (foreign.length === 0)
        return { native, registered: have, missing: [], action: 'none', reason: `every platform is native to this ${host.arch} host (${list(native)}): QEMU not needed` };
    if (mode === 'false')
        return { native, registered: have, missing: [], action: 'skip', reason: `setup-qemu: false (emulating ${list(foreign)} relies on what the host has${have.length ? `: ${list(have)} registered` : ''})` };
    if (missing.length === 0)
        return { native, registered: have, missing, action: 'none', reason: `emulators already registered for ${list(have)}: nothing to install` };
    return { native, registered: have, missing, action: 'install', reason: `installing emulators for ${list(missing)}${have.length ? ` (already registered: ${list(have)})` : ''}` };
}


/***/ })

};
