/**
 * `mode: prune`: old versions of every image leave the registry, and nothing a kept version needs goes
 * with them. Per image (one package each, independent of the others): the back end lists what the
 * package holds (prune-backend.ts), every manifest reachable from every listed version is read by digest
 * (fail closed: one read that fails and nothing is deleted in that package), pipeline/prune.ts decides,
 * and then, unless this is a dry run (the default of this mode), the deletions run: referrers first, then
 * the versions (a root's digest takes its tags with it), then their children, a few at a time. A group
 * with a failure stops the package's deletions (a child is never deleted under an index that stays).
 */
import * as runner from '../action/runner.js';
import type {Prepared} from '../pipeline/prepare.js';
import type {BuildxApi} from './buildx.js';
import type {PruneBackend, StoredVersion} from './prune-backend.js';
import {registrySession} from './session.js';
import {eachLimited} from '../lib/each-limited.js';
import {registryDomain} from '../lib/reference.js';
import {pruneApiFor} from '../pipeline/inputs/prune.js';
import {decidePrune, deletionOrder, historyReference, isHistoryTag, manifestInfo, referrerSubject, short, type HistoryReference, type ManifestInfo, type PruneDecision, type PruneItem} from '../pipeline/prune.js';
import {logValue} from '../report/escape.js';
import {pruneSummary, writeOutputs, writeSummary} from '../report/index.js';

/** How many manifests are read, and deleted, at a time per package. */
const READS_AT_ONCE = 8;
const DELETES_AT_ONCE = 4;
/** A package with more manifests than this is not read (a sign of something else than versions of an image). */
const MAX_MANIFESTS = 20_000;

/** The distribution API of any registry: tags listed and resolved (untagged manifests cannot be listed), manifests deleted by digest. */
export class DistributionBackend implements PruneBackend {
  readonly label = 'OCI distribution API';
  readonly listsUntagged = false;
  constructor(
    private readonly buildx: BuildxApi,
    /** The registry host as the image names it ('' for a Docker Hub name without one), for its full name (the back end is given the path). */
    private readonly host: string
  ) {}

  /** The name the registry client takes: `host/path` (a Docker Hub name may have no host). */
  private full(name: string): string {
    return this.host ? `${this.host}/${name}` : name;
  }

  async list(name: string): Promise<StoredVersion[]> {
    if (!this.buildx.listTags) throw new Error('this engine cannot list tags');
    const tags = await this.buildx.listTags(this.full(name));
    const byDigest = new Map<string, string[]>();
    await eachLimited(tags, READS_AT_ONCE, async tag => {
      const digest = await this.buildx.tagDigest(`${this.full(name)}:${tag}`);
      // a tag removed since the listing: nothing to prune under it
      if (digest) (byDigest.get(digest) ?? byDigest.set(digest, []).get(digest)!).push(tag);
    });
    return [...byDigest].map(([digest, t]) => ({digest, tags: t.sort()}));
  }

  async remove(name: string, version: StoredVersion): Promise<void> {
    const done = await this.buildx.deleteManifest(this.full(name), version.digest);
    if (!done) throw new Error(`${this.host || 'docker.io'} does not allow deleting manifests (HTTP 405 or UNSUPPORTED: the registry's storage.delete must be enabled)`);
  }
}

/**
 * The back end of `kind` for `host`. GitHub Packages lives in engine/github-packages.ts, loaded only when
 * asked for.
 */
export async function backendFor(kind: 'github-packages' | 'distribution', host: string, buildx: BuildxApi, p: Pick<Prepared, 'inputs' | 'ctx'>): Promise<PruneBackend> {
  if (kind === 'distribution') return new DistributionBackend(buildx, host);
  // loaded only when asked for: Octokit and its HTTP stack are a chunk of their own
  const {GitHubPackages, packagesApiMismatch} = await import('./github-packages.js');
  const mismatch = packagesApiMismatch(host, p.ctx.apiUrl);
  if (mismatch) throw new Error(mismatch);
  if (!p.inputs.githubToken) throw new Error('prune-api: github-packages needs a token (github-token) with packages: write');
  return new GitHubPackages({token: p.inputs.githubToken, baseUrl: p.ctx.apiUrl, warn: runner.warning});
}

/** A manifest read failed: nothing is deleted in that package. */
export class PruneReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PruneReadError';
  }
}

/** Every manifest reachable from `versions` (index children, recursively), read by digest; throws naming the first that cannot be read. */
export async function readManifests(buildx: BuildxApi, name: string, versions: StoredVersion[]): Promise<{manifests: Map<string, ManifestInfo>; history: HistoryReference[]}> {
  const manifests = new Map<string, ManifestInfo>();
  const history: HistoryReference[] = [];
  const historyDigests = new Set(versions.filter(v => v.tags.some(isHistoryTag)).map(v => v.digest));
  const seen = new Set<string>();
  let wave = [...new Set(versions.map(v => v.digest))];
  while (wave.length) {
    for (const d of wave) seen.add(d);
    if (seen.size > MAX_MANIFESTS) throw new PruneReadError(`${name} holds more than ${MAX_MANIFESTS} manifests: not read one by one`);
    const next: string[] = [];
    await eachLimited(wave, READS_AT_ONCE, async digest => {
      let json: unknown;
      try {
        json = await buildx.readManifest(name, digest);
      } catch (e) {
        throw new PruneReadError(`reading ${name}@${digest} failed: ${runner.redact((e as Error).message).slice(0, 300)}`);
      }
      if (json === undefined || json === null || typeof json !== 'object') throw new PruneReadError(`reading ${name}@${digest} failed: the registry answered no manifest`);
      const size = (await buildx.manifestSize?.(name, digest).catch(() => undefined)) ?? Buffer.byteLength(JSON.stringify(json));
      const info = manifestInfo(digest, json, size);
      manifests.set(digest, info);
      if (historyDigests.has(digest)) {
        const h = historyReference(json);
        if (h) history.push(h);
      }
      for (const c of info.children) if (!seen.has(c.digest)) next.push(c.digest);
    }, {stopAtFailure: true});
    wave = [...new Set(next)].filter(d => !seen.has(d));
  }
  return {manifests, history};
}

/** The created time of each version without one: its first platform manifest's annotation, else its image config's. */
async function fillCreated(buildx: BuildxApi, name: string, versions: StoredVersion[], manifests: Map<string, ManifestInfo>): Promise<void> {
  // the versions keep counts: a tag that is neither a history entry's nor a referrer's
  const tagged = versions.filter(v => v.tags.some(t => !isHistoryTag(t) && !referrerSubject(t)) && !v.created && !manifests.get(v.digest)?.created);
  await eachLimited(tagged, READS_AT_ONCE, async v => {
    const info = manifests.get(v.digest)!;
    const platform = info.children.find(c => !c.attestation && manifests.get(c.digest)?.created);
    if (platform) return void (info.created = manifests.get(platform.digest)!.created);
    let config: {created?: unknown; config?: {Labels?: Record<string, unknown>}} | undefined;
    try {
      config = (await buildx.imageConfig(name, v.digest)) as typeof config;
    } catch (e) {
      // an age that cannot be read is not an unknown age: it could make the newest version look the oldest
      throw new PruneReadError(`reading the image config of ${name}@${v.digest} (for its age) failed: ${runner.redact((e as Error).message).slice(0, 300)}`);
    }
    const text = config?.config?.Labels?.['org.opencontainers.image.created'] ?? config?.created;
    if (typeof text === 'string' && !Number.isNaN(Date.parse(text))) info.created = new Date(text);
  }, {stopAtFailure: true});
}

/** One deleted (or, in a dry run, to-be-deleted) manifest, as the `pruned` output lists it. */
export interface PrunedEntry {
  digest: string;
  tags: string[];
  kind: PruneItem['kind'];
  reason: string;
  bytes: number;
}

/** One image's prune, the `pruned` output's entry. */
export interface PrunedImage {
  image: string;
  backend: string;
  /** How many versions stay. */
  kept: number;
  /** What was deleted (a dry run: what would be). */
  deleted: PrunedEntry[];
  /** What was to be deleted and was not (a failed delete, or the deletions stopped after one). */
  notDeleted: PrunedEntry[];
  dryRun: boolean;
  bytesFreed: number;
  /** Why the package was left as it was, or what failed; absent when all went well. */
  error?: string;
}

const entry = (i: PruneItem): PrunedEntry => ({digest: i.digest, tags: i.tags, kind: i.kind, reason: i.reason, bytes: i.bytes});

function logDecision(name: string, d: PruneDecision, dryRun: boolean): void {
  for (const v of d.keptVersions) runner.info(`keep ${short(v.digest)} ${logValue(v.tags.join(', '))}: ${logValue(v.reason)}`);
  for (const x of d.deleted) runner.info(`${dryRun ? 'would delete' : 'delete'} ${x.kind} ${short(x.digest)}${x.tags.length ? ` ${logValue(x.tags.join(', '))}` : ''}: ${logValue(x.reason)}`);
  for (const n of d.notes) runner.info(n);
  runner.info(`${name}: ${d.keptVersions.length} version(s) kept, ${d.deleted.length} manifest(s) ${dryRun ? 'would be deleted' : 'to delete'} (${d.bytesFreed} bytes only they reference).`);
}

/** What differs between the listing decided on and the listing just before the deletions (undefined: nothing that matters). */
export function staleness(before: StoredVersion[], now: StoredVersion[], d: PruneDecision): string | undefined {
  const known = new Set(before.map(v => v.digest));
  const added = now.filter(v => !known.has(v.digest));
  if (added.length) return `${added.length} manifest(s) appeared, e.g. ${added[0]!.digest}${added[0]!.tags.length ? ` (${added[0]!.tags.slice(0, 3).join(', ')})` : ''}`;
  const tagsNow = new Map<string, Set<string>>();
  for (const v of now) for (const t of v.tags) (tagsNow.get(v.digest) ?? tagsNow.set(v.digest, new Set()).get(v.digest)!).add(t);
  for (const item of d.deleted) {
    const gained = [...(tagsNow.get(item.digest) ?? [])].filter(t => !item.tags.includes(t));
    if (gained.length) return `${item.digest} to delete is now tagged ${gained.slice(0, 3).join(', ')}`;
  }
  return undefined;
}

/** Deletes in order; a group with a failure stops the rest. */
async function deleteAll(backend: PruneBackend, path: string, name: string, d: PruneDecision): Promise<{deleted: PruneItem[]; notDeleted: PruneItem[]; failures: string[]}> {
  const deleted: PruneItem[] = [];
  const failures: string[] = [];
  const groups = deletionOrder(d.deleted);
  let stopped = false;
  for (const group of groups) {
    if (stopped) break;
    await eachLimited(group, DELETES_AT_ONCE, async item => {
      try {
        await backend.remove(path, item.version ?? {digest: item.digest, tags: item.tags});
        deleted.push(item);
        runner.info(`deleted ${item.kind} ${short(item.digest)}${item.tags.length ? ` ${logValue(item.tags.join(', '))}` : ''}`);
      } catch (e) {
        // 600: the GitHub Packages API's 403 says which permission and which package role to give
        failures.push(`deleting ${name}@${item.digest} failed: ${runner.redact((e as Error).message).slice(0, 600)}`);
      }
    });
    if (failures.length) stopped = true;
  }
  const done = new Set(deleted.map(i => i.digest));
  return {deleted: d.deleted.filter(i => done.has(i.digest)), notDeleted: d.deleted.filter(i => !done.has(i.digest)), failures};
}

/** `backends`: the choice of back end (backendFor; a test passes its own). */
export async function prune(p: Prepared, env: NodeJS.ProcessEnv, engine?: BuildxApi, now: Date = new Date(), backends: typeof backendFor = backendFor): Promise<PrunedImage[]> {
  const {inputs} = p;
  const names = [...new Set(p.plan.builds.flatMap(b => b.images))];
  if (!names.length) throw new Error('Nothing to prune: the images input names no image.');
  const dryRun = inputs.dryRun;
  const {buildx, loginNote} = await registrySession(p, names, env, engine);
  const chosen = new Map<string, Promise<PruneBackend>>();
  const results: PrunedImage[] = [];
  const failures: string[] = [];
  for (const name of names) {
    const domain = registryDomain(name);
    const host = domain ?? '';
    const path = domain ? name.slice(domain.length + 1) : name;
    const kind = pruneApiFor(inputs.prune.api, host || 'docker.io');
    const result: PrunedImage = {image: name, backend: kind, kept: 0, deleted: [], notDeleted: [], dryRun, bytesFreed: 0};
    results.push(result);
    await runner.group(`Prune ${name}`, async () => {
      try {
        const key = `${kind} ${host}`;
        if (!chosen.has(key)) chosen.set(key, backends(kind, host, buildx, p));
        const backend = await chosen.get(key)!;
        result.backend = backend.label;
        const versions = await backend.list(path);
        runner.info(`${name}: ${versions.length} manifest(s) listed through the ${backend.label}${backend.listsUntagged ? '' : ' (tagged ones; their children are read from them)'}.`);
        const {manifests, history} = await readManifests(buildx, name, versions);
        await fillCreated(buildx, name, versions, manifests);
        const decision = decidePrune({versions, manifests, history, rules: inputs.prune, now});
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
        if (changed) throw new Error(`${name} changed while it was being pruned (${changed}): run the prune again`);
        const outcome = await deleteAll(backend, path, name, decision);
        result.deleted = outcome.deleted.map(entry);
        result.notDeleted = outcome.notDeleted.map(entry);
        result.bytesFreed = outcome.deleted.reduce((n, i) => n + i.bytes, 0);
        if (outcome.failures.length) {
          result.error = `${outcome.failures.join('; ')}; deleted ${outcome.deleted.length} of ${decision.deleted.length}, not deleted: ${outcome.notDeleted.map(i => i.digest).join(', ')}`;
          failures.push(`${name}: ${result.error}`);
        }
      } catch (e) {
        const message = runner.redact((e as Error).message).slice(0, 600);
        result.error = `${message}; nothing was deleted in ${name}`;
        result.kept = 0;
        failures.push(`${name}: ${result.error}`);
      }
    });
  }
  writeOutputs({pruned: JSON.stringify(results)}, env);
  if (inputs.summary) writeSummary(pruneSummary({images: results, dryRun, loginNote, rules: pruneRulesText(p)}), env);
  if (dryRun && !failures.length) runner.info('Dry run: nothing was deleted (set dry-run: false to delete).');
  if (failures.length) throw new Error(`mode: prune failed for ${failures.length} image(s):\n${failures.map(f => `  - ${f}`).join('\n')}`);
  return results;
}

/** The rules in words, for the summary. */
function pruneRulesText(p: Pick<Prepared, 'inputs'>): string {
  const r = p.inputs.prune;
  return `keep ${r.keep} most recent; keep-tags ${r.keepTags.map(k => k.source).join(' ')}${r.olderThan ? `; older than ${r.olderThan.text}` : ''}; delete-untagged: ${r.deleteUntagged}`;
}
