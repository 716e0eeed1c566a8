export const id = 828;
export const ids = [828,563];
export const modules = {

/***/ 8377:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const SemVer = __webpack_require__(203)
const parse = __webpack_require__(1105)
const { safeRe: re, t } = __webpack_require__(1295)

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

/***/ 837:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const SemVer = __webpack_require__(203)
const compare = (a, b, loose) =>
  new SemVer(a, loose).compare(new SemVer(b, loose))

module.exports = compare


/***/ }),

/***/ 9908:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const compare = __webpack_require__(837)
const gte = (a, b, loose) => compare(a, b, loose) >= 0
module.exports = gte


/***/ }),

/***/ 2879:
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
/* harmony import */ var semver_functions_coerce_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8377);
/* harmony import */ var semver_functions_coerce_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver_functions_coerce_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var semver_functions_gte_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9908);
/* harmony import */ var semver_functions_gte_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(semver_functions_gte_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _lib_platform_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6394);
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

/***/ 2190:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ Buildx)
/* harmony export */ });
/* unused harmony export isNotFound */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5563);
/* harmony import */ var _builder_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2879);
/* harmony import */ var _qemu_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(278);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4583);
/* harmony import */ var _registry_api_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4780);
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
        const args = ['sign', '--yes', `--key=${o.keyFile}`, `--tlog-upload=${o.tlogUpload}`, '--', o.ref];
        await this.exec.runWithRetry('cosign', args, { env: { ...this.env, COSIGN_PASSWORD: o.password } });
    }
    async login(registry, username, password) {
        await this.exec.runWithRetry('docker', ['login', `--username=${username}`, '--password-stdin', ...DOCKER_HUB(registry)], { env: this.env, input: password });
    }
    async logout(registry) {
        await this.docker(['logout', ...DOCKER_HUB(registry)]);
    }
}


/***/ }),

/***/ 5563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mn: () => (/* binding */ runWithRetry),
/* harmony export */   Qd: () => (/* binding */ CommandError),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* unused harmony exports describe, spawnError */
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4583);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9344);
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
/** A command line for the log: arguments quoted when needed, secrets redacted. */
function describe(cmd, args) {
    // quoted as the original needs, redacted before the quotes are escaped (pa'ss would become pa'\''ss)
    return [cmd, ...args].map(a => (/^[\w@%+=:,./-]+$/.test(a) ? _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$(a) : `'${_action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$(a).replace(/'/g, `'\\''`)}'`)).join(' ');
}
async function run(cmd, args, opts = {}) {
    const { getExecOutput } = await __webpack_require__.e(/* import() */ 427).then(__webpack_require__.bind(__webpack_require__, 5427));
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

/***/ 5845:
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
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4583);
/* harmony import */ var _lib_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9948);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5563);
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

/***/ 278:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AU: () => (/* binding */ planQemu),
/* harmony export */   Nr: () => (/* binding */ registeredEmulators)
/* harmony export */ });
/* unused harmony export emulatorName */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _lib_platform_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6394);
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


/***/ }),

/***/ 4780:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jk: () => (/* binding */ repository),
/* harmony export */   cA: () => (/* binding */ RegistryApi),
/* harmony export */   uG: () => (/* binding */ RegistryHttpFailure)
/* harmony export */ });
/* unused harmony export isLoopback */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _lib_reference_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9948);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5563);
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


/***/ })

};
