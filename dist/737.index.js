export const id = 737;
export const ids = [737];
export const modules = {

/***/ 37737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ensureCosign: () => (/* binding */ ensureCosign)
/* harmony export */ });
/* unused harmony exports PINNED_COSIGN, installCosign */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31949);
/**
 * cosign, for signing (`sign: key`) and `mode: verify`: the one on PATH when there is one (a
 * sigstore/cosign-installer step, or the runner image's); otherwise a pinned release of sigstore/cosign,
 * downloaded through @actions/tool-cache, its SHA-256 checked against the pin before it is ever made
 * executable, kept in the runner's tool cache and put first on PATH for this step and the job's later
 * steps. A download that does not match the pin is deleted and fails the step: nothing unverified runs.
 *
 * The pin (version and digests) is the one sigstore/cosign-installer bootstraps with for that version;
 * Linux x64 and arm64 runners only (the architectures the action builds on).
 */



const RELEASES = 'https://github.com/sigstore/cosign/releases/download';
/** cosign v2.6.0, as sigstore/cosign-installer pins it (bootstrap_linux_amd64_sha / _arm64_sha). */
const PINNED_COSIGN = {
    version: '2.6.0',
    assets: {
        x64: { url: `${RELEASES}/v2.6.0/cosign-linux-amd64`, sha256: 'ea5c65f99425d6cfbb5c4b5de5dac035f14d09131c1a0ea7c7fc32eab39364f9' },
        arm64: { url: `${RELEASES}/v2.6.0/cosign-linux-arm64`, sha256: 'e09684650882fd721ed22b716ffc399ee11426cd4d1c9b4fec539cba8bf46b86' }
    }
};
async function sha256Of(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
}
/** Downloads (or finds in the tool cache) the pinned cosign; returns the directory that holds `cosign`. */
async function installCosign(release = PINNED_COSIGN, arch = process.arch, platform = process.platform) {
    const asset = platform === 'linux' ? release.assets[arch] : undefined;
    if (!asset)
        throw new Error(`cosign is not on PATH, and this action installs it on Linux x64 and arm64 runners only (this is ${platform}/${arch}): add a sigstore/cosign-installer step before this one`);
    const tc = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(955), __webpack_require__.e(477), __webpack_require__.e(707), __webpack_require__.e(745)]).then(__webpack_require__.bind(__webpack_require__, 59805));
    const cached = tc.find('cosign', release.version, arch);
    if (cached)
        return cached;
    _action_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`cosign is not on PATH: installing cosign ${release.version} (${asset.url}, SHA-256 pinned)`);
    const file = await tc.downloadTool(asset.url);
    const digest = await sha256Of(file);
    if (digest !== asset.sha256) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(file, { force: true });
        throw new Error(`the cosign ${release.version} download from ${asset.url} has SHA-256 ${digest}, not the pinned ${asset.sha256}: it was deleted, not installed (nothing was signed or verified)`);
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.chmodSync)(file, 0o755);
    return tc.cacheFile(file, 'cosign', 'cosign', release.version, arch);
}
/**
 * cosign on PATH for what follows: `present()` says whether it already is (`cosign version` runs); if not,
 * the pinned release is installed and its directory put first on PATH. Returns what was done, for the log.
 */
async function ensureCosign(present, release = PINNED_COSIGN, arch = process.arch, platform = process.platform) {
    if (await present())
        return { installed: false };
    const dir = await installCosign(release, arch, platform);
    _action_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .addPath */ .fM(dir);
    if (!(await present()))
        throw new Error(`cosign ${release.version} was installed in ${dir}, but it does not run`);
    return { installed: true, dir };
}


/***/ })

};
