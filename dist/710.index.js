export const id = 710;
export const ids = [710];
export const modules = {

/***/ 99710:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writeLegRecords: () => (/* binding */ writeLegRecords)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31949);
/* harmony import */ var _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(72638);
/* harmony import */ var _steps_tags_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92429);
/* harmony import */ var _steps_retry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(708);
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
        await (0,_steps_tags_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(where, () => i.buildx.pushBlob(record.image, { digest: _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_3__/* .EMPTY_DESCRIPTOR */ .gi.digest, size: _pipeline_leg_record_js__WEBPACK_IMPORTED_MODULE_3__/* .EMPTY_DESCRIPTOR */ .gi.size, file: emptyFile }), deadline, _steps_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .realClock */ .dQ);
        await (0,_steps_tags_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(where, () => i.buildx.pushBlob(record.image, { digest: bytes.config.digest, size: bytes.config.size, file: configFile }), deadline, _steps_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .realClock */ .dQ);
        // a leg run again replaces its record: the one it replaces is deleted (best effort), not left untagged
        const replaced = await i.buildx.tagDigest(`${record.image}:${tag}`).catch(() => undefined);
        await (0,_steps_tags_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(where, () => i.buildx.putManifest(record.image, tag, bytes.manifest.mediaType, bytes.manifest.bytes), deadline, _steps_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .realClock */ .dQ);
        if (replaced && replaced !== bytes.manifest.digest) {
            const gone = await i.buildx.deleteManifest(record.image, replaced).catch(() => false);
            _action_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`${where}: replaced the record of an earlier run of this leg (${replaced.slice(0, 19)}…${gone ? ', deleted' : ', left: the registry did not delete it'})`);
        }
        _action_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`Leg record ${record.image}:${tag} -> ${record.platform} ${record.platformDigest} (content ${record.content.digest})`);
    }));
    return jobs.map(({ record, tag }) => ({ id: record.build, image: record.image, platform: record.platform, digest: record.platformDigest, content: record.content.digest, record: tag }));
}


/***/ })

};
