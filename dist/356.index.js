export const id = 356;
export const ids = [356];
export const modules = {

/***/ 14356:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prune: () => (/* binding */ prune_prune)
});

// UNUSED EXPORTS: DistributionBackend, PruneReadError, backendFor, readManifests, staleness

// EXTERNAL MODULE: ./src/action/runner.ts + 1 modules
var runner = __webpack_require__(31949);
// EXTERNAL MODULE: ./src/engine/session.ts
var session = __webpack_require__(50910);
// EXTERNAL MODULE: ./src/lib/each-limited.ts
var each_limited = __webpack_require__(11733);
// EXTERNAL MODULE: ./src/lib/reference.ts
var reference = __webpack_require__(2470);
// EXTERNAL MODULE: ./src/pipeline/inputs/prune.ts
var prune = __webpack_require__(78698);
// EXTERNAL MODULE: ./src/pipeline/history.ts
var pipeline_history = __webpack_require__(20290);
;// CONCATENATED MODULE: ./src/pipeline/prune.ts

const REFERRER_TAG = /^sha256-([0-9a-f]{64})(?:\.(?:sig|att|sbom))?$/;
const CREATED = 'org.opencontainers.image.created';
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/** The subject a referrer tag names (`sha256-<hex>.sig` -> `sha256:<hex>`), undefined for any other tag. */
function referrerSubject(tag) {
    const m = REFERRER_TAG.exec(tag);
    return m ? `sha256:${m[1]}` : undefined;
}
const isHistoryTag = (tag) => pipeline_history/* HISTORY_TAG_PATTERN */.bB.test(tag);
/** What a manifest (its JSON, as the registry holds it) references. */
function manifestInfo(digest, json, size) {
    const m = (json ?? {});
    const children = (Array.isArray(m.manifests) ? m.manifests : [])
        .filter(c => typeof c?.digest === 'string' && DIGEST.test(c.digest))
        .map(c => ({ digest: c.digest, attestation: c.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' }));
    const blobs = [m.config, ...(Array.isArray(m.layers) ? m.layers : [])]
        .filter((b) => typeof b?.digest === 'string' && DIGEST.test(b.digest))
        .map(b => ({ digest: b.digest, size: typeof b.size === 'number' && b.size >= 0 ? b.size : 0 }));
    const subject = typeof m.subject?.digest === 'string' && DIGEST.test(m.subject.digest) ? m.subject.digest : undefined;
    const createdText = m.annotations?.[CREATED];
    const created = typeof createdText === 'string' && !Number.isNaN(Date.parse(createdText)) ? new Date(createdText) : undefined;
    return { digest, size, children, blobs, subject, created };
}
/** The move a history entry's manifest records (any channel), undefined when it is not one. */
function historyReference(json) {
    const channel = json?.annotations?.['dev.multiarch-publish.history.channel'];
    if (typeof channel !== 'string')
        return undefined;
    const e = (0,pipeline_history/* parseEntry */.ER)(json, channel);
    return e ? { channel: e.channel, before: e.before, after: e.after } : undefined;
}
const prune_short = (d) => d.replace(/^(sha256:.{12}).*$/, '$1…');
function decidePrune(o) {
    const { manifests, rules, now } = o;
    // one entry per digest (a back end that lists one twice: its tags together)
    const listed = new Map();
    for (const v of o.versions) {
        const had = listed.get(v.digest);
        listed.set(v.digest, had ? { ...had, tags: [...new Set([...had.tags, ...v.tags])], created: had.created ?? v.created } : v);
    }
    const plainTags = (d) => (listed.get(d)?.tags ?? []).filter(t => !isHistoryTag(t) && !referrerSubject(t));
    const isHistory = (d) => (listed.get(d)?.tags ?? []).some(isHistoryTag);
    // what refers to what: index -> children, subject -> referrers (by the manifest's subject or its tag)
    const parents = new Map();
    const referrers = new Map();
    const add = (m, k, v) => (m.get(k) ?? m.set(k, []).get(k)).push(v);
    for (const info of manifests.values()) {
        for (const c of info.children)
            add(parents, c.digest, info.digest);
        if (info.subject)
            add(referrers, info.subject, info.digest);
    }
    for (const v of listed.values()) {
        for (const t of v.tags) {
            const s = referrerSubject(t);
            if (s && s !== v.digest && !(referrers.get(s) ?? []).includes(v.digest))
                add(referrers, s, v.digest);
        }
    }
    /** Everything `root` needs, with how each digest is related (the root itself has no relation). */
    const closure = (root) => {
        const out = new Map([[root, undefined]]);
        const queue = [root];
        while (queue.length) {
            const d = queue.shift();
            const rel = (digest, r) => {
                if (!out.has(digest)) {
                    out.set(digest, r);
                    queue.push(digest);
                }
            };
            for (const c of manifests.get(d)?.children ?? [])
                rel(c.digest, { kind: c.attestation ? 'attestation' : 'child', of: d });
            for (const r of referrers.get(d) ?? [])
                rel(r, { kind: 'referrer', of: d });
        }
        return out;
    };
    const describe = (r, state) => `${r.kind === 'child' ? 'platform manifest' : r.kind === 'attestation' ? 'attestation manifest' : 'referrer'} of ${state} ${prune_short(r.of)}`;
    const historyOf = new Map();
    for (const h of o.history)
        for (const d of [h.before, h.after])
            if (d && !(historyOf.get(d) ?? []).includes(h.channel))
                add(historyOf, d, h.channel);
    const ageOf = (d) => listed.get(d)?.created ?? manifests.get(d)?.created;
    const tooYoung = (d) => {
        if (!rules.olderThan)
            return undefined;
        const age = ageOf(d);
        if (!age)
            return `age unknown (older-than: ${rules.olderThan.text} is set)`;
        return now.getTime() - age.getTime() < rules.olderThan.ms ? `younger than ${rules.olderThan.text}` : undefined;
    };
    const keepTagMatch = (d) => {
        for (const k of rules.keepTags) {
            const tag = plainTags(d).find(t => k.pattern.test(t));
            if (tag !== undefined)
                return `keep-tags ${k.source} (${tag})`;
        }
        return undefined;
    };
    // the versions, newest first (an unknown age counts as oldest; with older-than it is kept all the same)
    const taggedParent = (d) => (parents.get(d) ?? []).some(p => p !== d && plainTags(p).length > 0);
    const roots = [...listed.keys()].filter(d => !isHistory(d) && plainTags(d).length > 0 && !taggedParent(d));
    const byAge = (a, b) => {
        const [x, y] = [ageOf(a)?.getTime() ?? -Infinity, ageOf(b)?.getTime() ?? -Infinity];
        if (x !== y)
            return y > x ? 1 : -1;
        const [ta, tb] = [plainTags(a).sort().at(-1) ?? '', plainTags(b).sort().at(-1) ?? ''];
        return tb.localeCompare(ta, 'en', { numeric: true }) || (a < b ? -1 : 1);
    };
    roots.sort(byAge);
    const keptReason = new Map();
    const keptVersions = [];
    const deletedRoots = [];
    roots.forEach((d, i) => {
        const why = [i < rules.keep ? `one of the ${rules.keep} most recent` : '', keepTagMatch(d) ?? '', historyOf.has(d) ? `history of ${historyOf.get(d).join(', ')}` : '', i >= rules.keep ? (tooYoung(d) ?? '') : ''].filter(Boolean);
        if (why.length) {
            keptReason.set(d, { reason: why.join('; '), kind: 'version' });
            keptVersions.push({ digest: d, tags: listed.get(d).tags, kind: 'version', reason: why.join('; '), bytes: 0, version: listed.get(d) });
        }
        else {
            deletedRoots.push({ digest: d, reason: `not one of the ${rules.keep} most recent${rules.olderThan ? `, older than ${rules.olderThan.text}` : ''}, no tag matches keep-tags` });
        }
    });
    // anything else a rule protects by itself: a history entry, a tag keep-tags matches, what a history names
    const all = new Set([...listed.keys(), ...manifests.keys()]);
    for (const d of all) {
        if (keptReason.has(d) || roots.includes(d))
            continue;
        const why = isHistory(d) ? 'history entry (mp-hist-*)' : (keepTagMatch(d) ?? (historyOf.has(d) ? `history of ${historyOf.get(d).join(', ')}` : undefined));
        if (why)
            keptReason.set(d, { reason: why, kind: isHistory(d) ? 'referrer' : listed.get(d)?.tags.length ? 'version' : 'untagged' });
    }
    // what the kept need
    const kept = new Map();
    for (const [seed, r] of keptReason) {
        kept.set(seed, r);
        for (const [d, rel] of closure(seed))
            if (rel && !kept.has(d) && !keptReason.has(d))
                kept.set(d, { reason: describe(rel, 'kept'), kind: rel.kind });
    }
    const deleted = [];
    const gone = new Set();
    const remove = (root, kind, reason) => {
        for (const [d, rel] of closure(root)) {
            if (kept.has(d) || gone.has(d))
                continue;
            gone.add(d);
            deleted.push({ digest: d, tags: listed.get(d)?.tags ?? [], kind: rel ? rel.kind : kind, reason: rel ? describe(rel, 'deleted') : reason, bytes: 0, version: listed.get(d) });
        }
    };
    const keepClosure = (d) => {
        for (const [c, rel] of closure(d))
            if (rel && !kept.has(c))
                kept.set(c, { reason: describe(rel, 'kept'), kind: rel.kind });
    };
    // the rest: untagged (GitHub Packages lists them), or referrers of something no longer there; decided
    // before anything is removed, so that what a kept one needs is kept even when a deleted version shares it
    const withDeleted = new Set(deletedRoots.flatMap(r => [...closure(r.digest).keys()]));
    const rest = [...listed.keys()].filter(d => !kept.has(d) && !withDeleted.has(d));
    // roots of the rest first (an untagged index before its children, which go with it)
    const inRest = (d) => (parents.get(d) ?? []).some(p => rest.includes(p));
    rest.sort((a, b) => Number(inRest(a)) - Number(inRest(b)));
    const notes = [];
    let untaggedKept = 0;
    const orphans = [];
    const claimed = new Set();
    for (const d of rest) {
        if (kept.has(d) || claimed.has(d))
            continue;
        const subject = listed.get(d).tags.map(referrerSubject).find(Boolean);
        const what = subject ? `referrer of ${prune_short(subject)}, which is not in the package` : 'untagged, no kept version needs it';
        const young = tooYoung(d);
        if (rules.deleteUntagged && !young) {
            orphans.push({ digest: d, kind: subject ? 'referrer' : 'untagged', reason: what });
            for (const c of closure(d).keys())
                claimed.add(c);
        }
        else {
            untaggedKept++;
            kept.set(d, { reason: `${what}; kept: ${young ?? 'delete-untagged: false'}`, kind: subject ? 'referrer' : 'untagged' });
            keepClosure(d);
        }
    }
    if (untaggedKept)
        notes.push(`${untaggedKept} untagged or dangling manifest(s) no kept version needs were kept (${rules.deleteUntagged ? `younger than older-than: ${rules.olderThan?.text}, or of unknown age` : 'delete-untagged: false'}).`);
    for (const r of [...deletedRoots].reverse())
        remove(r.digest, 'version', r.reason);
    for (const r of orphans)
        remove(r.digest, r.kind, r.reason);
    // the bytes only deleted manifests referenced: a blob a kept manifest also references is not counted
    const keptBlobs = new Set([...kept.keys()].flatMap(d => (manifests.get(d)?.blobs ?? []).map(b => b.digest)));
    const counted = new Set();
    let bytesFreed = 0;
    for (const item of deleted) {
        const info = manifests.get(item.digest);
        let bytes = info?.size ?? 0;
        for (const b of info?.blobs ?? []) {
            if (keptBlobs.has(b.digest) || counted.has(b.digest))
                continue;
            counted.add(b.digest);
            bytes += b.size;
        }
        item.bytes = bytes;
        bytesFreed += bytes;
    }
    const keptVersionSet = new Set(keptVersions.map(v => v.digest));
    const keptOther = [...kept].filter(([d]) => !keptVersionSet.has(d)).map(([d, r]) => ({ digest: d, tags: listed.get(d)?.tags ?? [], kind: r.kind, reason: r.reason, bytes: 0, version: listed.get(d) }));
    return { keptVersions, keptOther, deleted, bytesFreed, notes };
}
/** The order of deletion: referrers first, then the roots (a root's digest takes its tags with it), then children. */
function deletionOrder(items) {
    const rank = (k) => (k === 'referrer' ? 0 : k === 'version' || k === 'untagged' ? 1 : 2);
    return [0, 1, 2].map(r => items.filter(i => rank(i.kind) === r)).filter(g => g.length > 0);
}

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/report/index.ts + 3 modules
var report = __webpack_require__(33344);
;// CONCATENATED MODULE: ./src/engine/prune.ts
/**
 * `mode: prune`: old versions of every image leave the registry, and nothing a kept version needs goes
 * with them. Per image (one package each, independent of the others): the back end lists what the
 * package holds (prune-backend.ts), every manifest reachable from every listed version is read by digest
 * (fail closed: one read that fails and nothing is deleted in that package), pipeline/prune.ts decides,
 * and then, unless this is a dry run (the default of this mode), the deletions run: referrers first, then
 * the versions (a root's digest takes its tags with it), then their children, a few at a time. A group
 * with a failure stops the package's deletions (a child is never deleted under an index that stays).
 */








/** How many manifests are read, and deleted, at a time per package. */
const READS_AT_ONCE = 8;
const DELETES_AT_ONCE = 4;
/** A package with more manifests than this is not read (a sign of something else than versions of an image). */
const MAX_MANIFESTS = 20_000;
/** The distribution API of any registry: tags listed and resolved (untagged manifests cannot be listed), manifests deleted by digest. */
class DistributionBackend {
    buildx;
    host;
    label = 'OCI distribution API';
    listsUntagged = false;
    constructor(buildx, 
    /** The registry host as the image names it ('' for a Docker Hub name without one), for its full name (the back end is given the path). */
    host) {
        this.buildx = buildx;
        this.host = host;
    }
    /** The name the registry client takes: `host/path` (a Docker Hub name may have no host). */
    full(name) {
        return this.host ? `${this.host}/${name}` : name;
    }
    async list(name) {
        if (!this.buildx.listTags)
            throw new Error('this engine cannot list tags');
        const tags = await this.buildx.listTags(this.full(name));
        const byDigest = new Map();
        await (0,each_limited/* eachLimited */.k)(tags, READS_AT_ONCE, async (tag) => {
            const digest = await this.buildx.tagDigest(`${this.full(name)}:${tag}`);
            // a tag removed since the listing: nothing to prune under it
            if (digest)
                (byDigest.get(digest) ?? byDigest.set(digest, []).get(digest)).push(tag);
        });
        return [...byDigest].map(([digest, t]) => ({ digest, tags: t.sort() }));
    }
    async remove(name, version) {
        const done = await this.buildx.deleteManifest(this.full(name), version.digest);
        if (!done)
            throw new Error(`${this.host || 'docker.io'} does not allow deleting manifests (HTTP 405 or UNSUPPORTED: the registry's storage.delete must be enabled)`);
    }
}
/**
 * The back end of `kind` for `host`. GitHub Packages lives in engine/github-packages.ts, loaded only when
 * asked for.
 */
async function backendFor(kind, host, buildx, p) {
    if (kind === 'distribution')
        return new DistributionBackend(buildx, host);
    // loaded only when asked for: Octokit and its HTTP stack are a chunk of their own
    const { GitHubPackages, packagesApiMismatch } = await __webpack_require__.e(/* import() */ 985).then(__webpack_require__.bind(__webpack_require__, 41985));
    const mismatch = packagesApiMismatch(host, p.ctx.apiUrl);
    if (mismatch)
        throw new Error(mismatch);
    if (!p.inputs.githubToken)
        throw new Error('prune-api: github-packages needs a token (github-token) with packages: write');
    return new GitHubPackages({ token: p.inputs.githubToken, baseUrl: p.ctx.apiUrl, warn: runner/* warning */.$e });
}
/** A manifest read failed: nothing is deleted in that package. */
class PruneReadError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PruneReadError';
    }
}
/** Every manifest reachable from `versions` (index children, recursively), read by digest; throws naming the first that cannot be read. */
async function readManifests(buildx, name, versions) {
    const manifests = new Map();
    const history = [];
    const historyDigests = new Set(versions.filter(v => v.tags.some(isHistoryTag)).map(v => v.digest));
    const seen = new Set();
    let wave = [...new Set(versions.map(v => v.digest))];
    while (wave.length) {
        for (const d of wave)
            seen.add(d);
        if (seen.size > MAX_MANIFESTS)
            throw new PruneReadError(`${name} holds more than ${MAX_MANIFESTS} manifests: not read one by one`);
        const next = [];
        await (0,each_limited/* eachLimited */.k)(wave, READS_AT_ONCE, async (digest) => {
            let json;
            try {
                json = await buildx.readManifest(name, digest);
            }
            catch (e) {
                throw new PruneReadError(`reading ${name}@${digest} failed: ${runner/* redact */.E$(e.message).slice(0, 300)}`);
            }
            if (json === undefined || json === null || typeof json !== 'object')
                throw new PruneReadError(`reading ${name}@${digest} failed: the registry answered no manifest`);
            const size = (await buildx.manifestSize?.(name, digest).catch(() => undefined)) ?? Buffer.byteLength(JSON.stringify(json));
            const info = manifestInfo(digest, json, size);
            manifests.set(digest, info);
            if (historyDigests.has(digest)) {
                const h = historyReference(json);
                if (h)
                    history.push(h);
            }
            for (const c of info.children)
                if (!seen.has(c.digest))
                    next.push(c.digest);
        }, { stopAtFailure: true });
        wave = [...new Set(next)].filter(d => !seen.has(d));
    }
    return { manifests, history };
}
/** The created time of each version without one: its first platform manifest's annotation, else its image config's. */
async function fillCreated(buildx, name, versions, manifests) {
    // the versions keep counts: a tag that is neither a history entry's nor a referrer's
    const tagged = versions.filter(v => v.tags.some(t => !isHistoryTag(t) && !referrerSubject(t)) && !v.created && !manifests.get(v.digest)?.created);
    await (0,each_limited/* eachLimited */.k)(tagged, READS_AT_ONCE, async (v) => {
        const info = manifests.get(v.digest);
        const platform = info.children.find(c => !c.attestation && manifests.get(c.digest)?.created);
        if (platform)
            return void (info.created = manifests.get(platform.digest).created);
        let config;
        try {
            config = (await buildx.imageConfig(name, v.digest));
        }
        catch (e) {
            // an age that cannot be read is not an unknown age: it could make the newest version look the oldest
            throw new PruneReadError(`reading the image config of ${name}@${v.digest} (for its age) failed: ${runner/* redact */.E$(e.message).slice(0, 300)}`);
        }
        const text = config?.config?.Labels?.['org.opencontainers.image.created'] ?? config?.created;
        if (typeof text === 'string' && !Number.isNaN(Date.parse(text)))
            info.created = new Date(text);
    }, { stopAtFailure: true });
}
const entry = (i) => ({ digest: i.digest, tags: i.tags, kind: i.kind, reason: i.reason, bytes: i.bytes });
function logDecision(name, d, dryRun) {
    for (const v of d.keptVersions)
        runner/* info */.pq(`keep ${prune_short(v.digest)} ${(0,report_escape/* logValue */.Od)(v.tags.join(', '))}: ${(0,report_escape/* logValue */.Od)(v.reason)}`);
    for (const x of d.deleted)
        runner/* info */.pq(`${dryRun ? 'would delete' : 'delete'} ${x.kind} ${prune_short(x.digest)}${x.tags.length ? ` ${(0,report_escape/* logValue */.Od)(x.tags.join(', '))}` : ''}: ${(0,report_escape/* logValue */.Od)(x.reason)}`);
    for (const n of d.notes)
        runner/* info */.pq(n);
    runner/* info */.pq(`${name}: ${d.keptVersions.length} version(s) kept, ${d.deleted.length} manifest(s) ${dryRun ? 'would be deleted' : 'to delete'} (${d.bytesFreed} bytes only they reference).`);
}
/** What differs between the listing decided on and the listing just before the deletions (undefined: nothing that matters). */
function staleness(before, now, d) {
    const known = new Set(before.map(v => v.digest));
    const added = now.filter(v => !known.has(v.digest));
    if (added.length)
        return `${added.length} manifest(s) appeared, e.g. ${added[0].digest}${added[0].tags.length ? ` (${added[0].tags.slice(0, 3).join(', ')})` : ''}`;
    const tagsNow = new Map();
    for (const v of now)
        for (const t of v.tags)
            (tagsNow.get(v.digest) ?? tagsNow.set(v.digest, new Set()).get(v.digest)).add(t);
    for (const item of d.deleted) {
        const gained = [...(tagsNow.get(item.digest) ?? [])].filter(t => !item.tags.includes(t));
        if (gained.length)
            return `${item.digest} to delete is now tagged ${gained.slice(0, 3).join(', ')}`;
    }
    return undefined;
}
/** Deletes in order; a group with a failure stops the rest. */
async function deleteAll(backend, path, name, d) {
    const deleted = [];
    const failures = [];
    const groups = deletionOrder(d.deleted);
    let stopped = false;
    for (const group of groups) {
        if (stopped)
            break;
        await (0,each_limited/* eachLimited */.k)(group, DELETES_AT_ONCE, async (item) => {
            try {
                await backend.remove(path, item.version ?? { digest: item.digest, tags: item.tags });
                deleted.push(item);
                runner/* info */.pq(`deleted ${item.kind} ${prune_short(item.digest)}${item.tags.length ? ` ${(0,report_escape/* logValue */.Od)(item.tags.join(', '))}` : ''}`);
            }
            catch (e) {
                // 600: the GitHub Packages API's 403 says which permission and which package role to give
                failures.push(`deleting ${name}@${item.digest} failed: ${runner/* redact */.E$(e.message).slice(0, 600)}`);
            }
        });
        if (failures.length)
            stopped = true;
    }
    const done = new Set(deleted.map(i => i.digest));
    return { deleted: d.deleted.filter(i => done.has(i.digest)), notDeleted: d.deleted.filter(i => !done.has(i.digest)), failures };
}
/** `backends`: the choice of back end (backendFor; a test passes its own). */
async function prune_prune(p, env, engine, now = new Date(), backends = backendFor) {
    const { inputs } = p;
    const names = [...new Set(p.plan.builds.flatMap(b => b.images))];
    if (!names.length)
        throw new Error('Nothing to prune: the images input names no image.');
    const dryRun = inputs.dryRun;
    const { buildx, loginNote } = await (0,session/* registrySession */.E)(p, names, env, engine);
    const chosen = new Map();
    const results = [];
    const failures = [];
    for (const name of names) {
        const domain = (0,reference/* registryDomain */.Em)(name);
        const host = domain ?? '';
        const path = domain ? name.slice(domain.length + 1) : name;
        const kind = (0,prune/* pruneApiFor */.mY)(inputs.prune.api, host || 'docker.io');
        const result = { image: name, backend: kind, kept: 0, deleted: [], notDeleted: [], dryRun, bytesFreed: 0 };
        results.push(result);
        await runner/* group */.Os(`Prune ${name}`, async () => {
            try {
                const key = `${kind} ${host}`;
                if (!chosen.has(key))
                    chosen.set(key, backends(kind, host, buildx, p));
                const backend = await chosen.get(key);
                result.backend = backend.label;
                const versions = await backend.list(path);
                runner/* info */.pq(`${name}: ${versions.length} manifest(s) listed through the ${backend.label}${backend.listsUntagged ? '' : ' (tagged ones; their children are read from them)'}.`);
                const { manifests, history } = await readManifests(buildx, name, versions);
                await fillCreated(buildx, name, versions, manifests);
                const decision = decidePrune({ versions, manifests, history, rules: inputs.prune, now });
                result.kept = decision.keptVersions.length;
                logDecision(name, decision, dryRun);
                if (dryRun) {
                    result.deleted = decision.deleted.map(entry);
                    result.bytesFreed = decision.bytesFreed;
                    return;
                }
                // what was decided on must still be what the package holds: a tag that moved onto a digest to
                // delete (or a version pushed meanwhile, which may share its manifests) makes the decision stale
                const changed = staleness(versions, await backend.list(path), decision);
                if (changed)
                    throw new Error(`${name} changed while it was being pruned (${changed}): run the prune again`);
                const outcome = await deleteAll(backend, path, name, decision);
                result.deleted = outcome.deleted.map(entry);
                result.notDeleted = outcome.notDeleted.map(entry);
                result.bytesFreed = outcome.deleted.reduce((n, i) => n + i.bytes, 0);
                if (outcome.failures.length) {
                    result.error = `${outcome.failures.join('; ')}; deleted ${outcome.deleted.length} of ${decision.deleted.length}, not deleted: ${outcome.notDeleted.map(i => i.digest).join(', ')}`;
                    failures.push(`${name}: ${result.error}`);
                }
            }
            catch (e) {
                const message = runner/* redact */.E$(e.message).slice(0, 600);
                result.error = `${message}; nothing was deleted in ${name}`;
                result.kept = 0;
                failures.push(`${name}: ${result.error}`);
            }
        });
    }
    (0,report/* writeOutputs */.Kn)({ pruned: JSON.stringify(results) }, env);
    if (inputs.summary)
        (0,report/* writeSummary */.Sy)((0,report/* pruneSummary */.tG)({ images: results, dryRun, loginNote, rules: pruneRulesText(p) }), env);
    if (dryRun && !failures.length)
        runner/* info */.pq('Dry run: nothing was deleted (set dry-run: false to delete).');
    if (failures.length)
        throw new Error(`mode: prune failed for ${failures.length} image(s):\n${failures.map(f => `  - ${f}`).join('\n')}`);
    return results;
}
/** The rules in words, for the summary. */
function pruneRulesText(p) {
    const r = p.inputs.prune;
    return `keep ${r.keep} most recent; keep-tags ${r.keepTags.map(k => k.source).join(' ')}${r.olderThan ? `; older than ${r.olderThan.text}` : ''}; delete-untagged: ${r.deleteUntagged}`;
}


/***/ }),

/***/ 50910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ registrySession)
/* harmony export */ });
/* harmony import */ var _action_runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31949);
/* harmony import */ var _action_state_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33175);
/* harmony import */ var _buildx_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88152);
/* harmony import */ var _login_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57163);
/**
 * The registry session of the modes that build nothing (merge, promote): the job's own docker config
 * (a copy of the user's, removed by the post step), the seam over it, and the logins for the names the
 * run touches. Secrets are masked before anything runs.
 */




/** Logs in to the registries of `names` (from registry-auth, or GITHUB_TOKEN for GHCR) in a docker config of the job's own. */
async function registrySession(p, names, env, engine) {
    for (const c of p.credentials)
        _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(c.password);
    if (p.inputs.githubToken)
        _action_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(p.inputs.githubToken);
    const logins = (0,_login_js__WEBPACK_IMPORTED_MODULE_3__/* .planLogins */ .IB)(names, p.credentials, p.ctx.actor, p.inputs.githubToken, p.ctx.serverUrl);
    let buildx = engine;
    if (!buildx) {
        const dockerConfig = (0,_login_js__WEBPACK_IMPORTED_MODULE_3__/* .createDockerConfig */ .lp)(env['RUNNER_TEMP']);
        (0,_action_state_js__WEBPACK_IMPORTED_MODULE_1__/* .remember */ .kY)('dockerConfig', dockerConfig);
        const dockerEnv = (0,_login_js__WEBPACK_IMPORTED_MODULE_3__/* .jobDockerEnvironment */ .$X)(env, dockerConfig, logins.filter(l => l.source !== 'none').map(l => l.registry));
        (0,_action_state_js__WEBPACK_IMPORTED_MODULE_1__/* .remember */ .kY)('buildxConfig', dockerEnv['BUILDX_CONFIG']);
        buildx = new _buildx_js__WEBPACK_IMPORTED_MODULE_2__/* .Buildx */ .F({ env: dockerEnv });
    }
    const loggedIn = [];
    for (const l of logins) {
        if (l.source === 'none')
            continue;
        await (0,_login_js__WEBPACK_IMPORTED_MODULE_3__/* .login */ .iD)(buildx, l);
        loggedIn.push(l.registry);
    }
    return { buildx, loginNote: loggedIn.length ? `logged in to ${loggedIn.join(', ')}` : 'no login: no credentials for these registries (the docker config of the job)' };
}


/***/ }),

/***/ 20290:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ entryManifest),
/* harmony export */   DJ: () => (/* binding */ historyTag),
/* harmony export */   ER: () => (/* binding */ parseEntry),
/* harmony export */   Hz: () => (/* binding */ channelTags),
/* harmony export */   bB: () => (/* binding */ HISTORY_TAG_PATTERN),
/* harmony export */   es: () => (/* binding */ rollbackTarget)
/* harmony export */ });
/* unused harmony exports HISTORY_ARTIFACT_TYPE, channelKey */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _leg_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72638);
/**
 * A channel's history, kept in the registry itself (no other store): every move of a channel tag
 * (`env-prod`) by a promotion, a rollback, or a publish/merge that moves a channel tag is one entry, a
 * small OCI artifact manifest of its own in the image's repository under a tag unique to the entry:
 *
 *   mp-hist-<12 hex of sha256(channel)>-<13-digit epoch ms>-<8 hex random>
 *
 * One tag per entry, never a read-modify-write of a shared document, so concurrent writers cannot lose
 * each other's entries (the distribution API has no conditional PUT, and GHCR no referrers API). The
 * entry lives in the manifest's annotations (one read per entry, no blob), its config is the OCI empty
 * descriptor. Reading a history lists the repository's tags, keeps this channel's, and reads them in
 * order. Pure: names, bytes, parsing and the rollback's choice.
 */


const HISTORY_ARTIFACT_TYPE = 'application/vnd.multiarch-publish.history.v1+json';
const A = 'dev.multiarch-publish.history';
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/** The channel's part of its entries' tags. */
function channelKey(channel) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(channel).digest('hex').slice(0, 12);
}
/** The tag of one entry: unique per channel, instant and writer; sorts by time. */
function historyTag(channel, at, random) {
    return `mp-hist-${channelKey(channel)}-${String(at.getTime()).padStart(13, '0')}-${random.slice(0, 8)}`;
}
/** The tags of a channel's entries among a repository's tags, oldest first. */
function channelTags(tags, channel) {
    const prefix = `mp-hist-${channelKey(channel)}-`;
    return tags.filter(t => t.startsWith(prefix) && /^\d{13}-[0-9a-f]{8}$/.test(t.slice(prefix.length))).sort();
}
/** Whether a tag is a history entry's (any channel): never a release tag, never pruned as one. */
const HISTORY_TAG_PATTERN = /^mp-hist-[0-9a-f]{12}-\d{13}-[0-9a-f]{8}$/;
/** The entry's manifest bytes (the empty blob `{}` must be in the repository first). */
function entryManifest(e) {
    const { data: _data, ...empty } = _leg_record_js__WEBPACK_IMPORTED_MODULE_1__/* .EMPTY_DESCRIPTOR */ .gi;
    const annotations = {
        'org.opencontainers.image.created': e.at,
        [`${A}.channel`]: e.channel,
        [`${A}.before`]: e.before ?? '',
        [`${A}.after`]: e.after,
        [`${A}.kind`]: e.kind,
        [`${A}.source`]: e.source,
        [`${A}.commit`]: e.commit,
        [`${A}.run`]: e.run,
        [`${A}.actor`]: e.actor
    };
    const manifest = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', artifactType: HISTORY_ARTIFACT_TYPE, config: empty, layers: [empty], annotations };
    return { mediaType: 'application/vnd.oci.image.manifest.v1+json', bytes: new TextEncoder().encode(JSON.stringify(manifest)) };
}
/** The entry an entry manifest holds, or undefined when it is not one of `channel` (anything else in the repository is ignored). */
function parseEntry(json, channel) {
    const m = json;
    if (!m || m.artifactType !== HISTORY_ARTIFACT_TYPE || !m.annotations)
        return undefined;
    const a = (k) => (typeof m.annotations[`${A}.${k}`] === 'string' ? m.annotations[`${A}.${k}`].slice(0, 300) : undefined);
    const after = a('after');
    const before = a('before');
    const kind = a('kind');
    const at = m.annotations['org.opencontainers.image.created'];
    if (a('channel') !== channel || !after || !DIGEST.test(after) || (before && !DIGEST.test(before)) || typeof at !== 'string' || Number.isNaN(Date.parse(at)))
        return undefined;
    if (!['promote', 'rollback', 'publish', 'merge'].includes(kind ?? ''))
        return undefined;
    return { channel, at, before: before || null, after, kind: kind, source: a('source') ?? '', commit: a('commit') ?? '', run: a('run') ?? '', actor: a('actor') ?? '' };
}
/**
 * Where a rollback of `steps` moves the channel: the digest it pointed at before the last `steps` moves
 * (entries oldest first). The newest entry must agree with where the channel points now, so that a move
 * the history does not know of (a tag set by hand) is not silently undone.
 */
function rollbackTarget(entries, current, steps) {
    if (!entries.length)
        return { reason: 'has no history (no promotion, rollback or publish recorded a move of it)' };
    const last = entries[entries.length - 1];
    if (current !== last.after)
        return { reason: `points at ${current ?? 'nothing'}, but its last recorded move (${last.at}) set ${last.after}: it was moved outside the action; roll back with from: <tag or digest> instead` };
    if (steps > entries.length)
        return { reason: `has ${entries.length} recorded move(s), fewer than steps: ${steps}` };
    const entry = entries[entries.length - steps];
    if (!entry.before)
        return { reason: `did not exist before the move of ${entry.at} (${steps} step(s) back): there is nothing to roll back to` };
    return { digest: entry.before, entry };
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
