/**
 * What `mode: prune` deletes from one package, and why: pure. Its input is what a back end listed (every
 * tagged manifest; GitHub Packages also the untagged ones), the manifests read from the registry (what
 * each references), the channels' history entries and the rules; its output is every kept and every
 * deleted manifest with its reason, and the bytes the deleted ones alone referenced.
 *
 * - A version (what `keep` counts) is a tagged root: an index, or a single manifest, with a tag that is
 *   not a referrer tag (`sha256-<hex>`, `sha256-<hex>.sig|.att|.sbom`) and that is not itself a child of
 *   another tagged manifest (a per-platform tag `v1-amd64` is part of its release). History entries
 *   (`mp-hist-*`) are always kept and never counted; other `mp-*` tags are ordinary tags.
 * - A version is kept when it is one of the `keep` most recent (by its created time), when one of its
 *   tags matches `keep-tags`, when a channel's history names it (before or after a move), or, with
 *   `older-than`, when it is younger or its age cannot be known (without it, an unknown age counts as
 *   the oldest).
 * - What a kept version needs is kept: its closure, the platform manifests and attestation manifests of
 *   an index and every referrer (a manifest whose `subject` is in the closure, or a referrer tag naming
 *   it), recursively. A deleted version's closure is deleted with it, except what a kept closure holds.
 * - Anything else (untagged, or a referrer whose subject is gone) is deleted only with
 *   `delete-untagged: true` (and `older-than`, when set).
 */
import type {StoredVersion} from '../engine/prune-backend.js';
import type {KeepTag} from './inputs/prune.js';
import {HISTORY_TAG_PATTERN, parseEntry} from './history.js';

/** What one manifest references, as read from the registry. */
export interface ManifestInfo {
  digest: string;
  /** The manifest's own byte length. */
  size: number;
  /** An index: the manifests it lists (attestation: `vnd.docker.reference.type: attestation-manifest`). */
  children: {digest: string; attestation: boolean}[];
  /** An image manifest: its config and layers. */
  blobs: {digest: string; size: number}[];
  /** The manifest it refers to (OCI `subject`: a signature, an SBOM, …). */
  subject?: string;
  /** `org.opencontainers.image.created` (annotation, else the config's), when known. */
  created?: Date;
}

export type PruneKind = 'version' | 'child' | 'attestation' | 'referrer' | 'untagged';

export interface PruneItem {
  digest: string;
  tags: string[];
  kind: PruneKind;
  reason: string;
  /** The bytes only deleted versions referenced (manifest, config and layers); 0 for kept items. */
  bytes: number;
  /** As the back end listed it; undefined for what was found through the manifests alone. */
  version?: StoredVersion;
}

export interface PruneRules {
  keep: number;
  keepTags: KeepTag[];
  deleteUntagged: boolean;
  olderThan?: {text: string; ms: number};
}

export interface HistoryReference {
  channel: string;
  before: string | null;
  after: string;
}

export interface PruneDecision {
  /** The versions kept, newest first, each with why. */
  keptVersions: PruneItem[];
  /** Everything else that stays (children, attestations, referrers, history entries, untagged). */
  keptOther: PruneItem[];
  /** What is deleted, versions oldest first, each followed by what goes with it. */
  deleted: PruneItem[];
  bytesFreed: number;
  notes: string[];
}

const REFERRER_TAG = /^sha256-([0-9a-f]{64})(?:\.(?:sig|att|sbom))?$/;
const CREATED = 'org.opencontainers.image.created';
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** The subject a referrer tag names (`sha256-<hex>.sig` -> `sha256:<hex>`), undefined for any other tag. */
export function referrerSubject(tag: string): string | undefined {
  const m = REFERRER_TAG.exec(tag);
  return m ? `sha256:${m[1]}` : undefined;
}

export const isHistoryTag = (tag: string) => HISTORY_TAG_PATTERN.test(tag);

/** What a manifest (its JSON, as the registry holds it) references. */
export function manifestInfo(digest: string, json: unknown, size: number): ManifestInfo {
  const m = (json ?? {}) as {
    manifests?: {digest?: unknown; annotations?: Record<string, unknown>}[];
    config?: {digest?: unknown; size?: unknown};
    layers?: {digest?: unknown; size?: unknown}[];
    subject?: {digest?: unknown};
    annotations?: Record<string, unknown>;
  };
  const children = (Array.isArray(m.manifests) ? m.manifests : [])
    .filter(c => typeof c?.digest === 'string' && DIGEST.test(c.digest))
    .map(c => ({digest: c.digest as string, attestation: c.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest'}));
  const blobs = [m.config, ...(Array.isArray(m.layers) ? m.layers : [])]
    .filter((b): b is {digest: string; size?: unknown} => typeof b?.digest === 'string' && DIGEST.test(b.digest))
    .map(b => ({digest: b.digest, size: typeof b.size === 'number' && b.size >= 0 ? b.size : 0}));
  const subject = typeof m.subject?.digest === 'string' && DIGEST.test(m.subject.digest) ? m.subject.digest : undefined;
  const createdText = m.annotations?.[CREATED];
  const created = typeof createdText === 'string' && !Number.isNaN(Date.parse(createdText)) ? new Date(createdText) : undefined;
  return {digest, size, children, blobs, subject, created};
}

/** The move a history entry's manifest records (any channel), undefined when it is not one. */
export function historyReference(json: unknown): HistoryReference | undefined {
  const channel = (json as {annotations?: Record<string, unknown>} | null)?.annotations?.['dev.multiarch-publish.history.channel'];
  if (typeof channel !== 'string') return undefined;
  const e = parseEntry(json, channel);
  return e ? {channel: e.channel, before: e.before, after: e.after} : undefined;
}

export const short = (d: string) => d.replace(/^(sha256:.{12}).*$/, '$1…');

interface Relation {
  kind: 'child' | 'attestation' | 'referrer';
  of: string;
}

export function decidePrune(o: {versions: StoredVersion[]; manifests: Map<string, ManifestInfo>; history: HistoryReference[]; rules: PruneRules; now: Date}): PruneDecision {
  const {manifests, rules, now} = o;
  // one entry per digest (a back end that lists one twice: its tags together)
  const listed = new Map<string, StoredVersion>();
  for (const v of o.versions) {
    const had = listed.get(v.digest);
    listed.set(v.digest, had ? {...had, tags: [...new Set([...had.tags, ...v.tags])], created: had.created ?? v.created} : v);
  }
  const plainTags = (d: string) => (listed.get(d)?.tags ?? []).filter(t => !isHistoryTag(t) && !referrerSubject(t));
  const isHistory = (d: string) => (listed.get(d)?.tags ?? []).some(isHistoryTag);

  // what refers to what: index -> children, subject -> referrers (by the manifest's subject or its tag)
  const parents = new Map<string, string[]>();
  const referrers = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, k: string, v: string) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  for (const info of manifests.values()) {
    for (const c of info.children) add(parents, c.digest, info.digest);
    if (info.subject) add(referrers, info.subject, info.digest);
  }
  for (const v of listed.values()) {
    for (const t of v.tags) {
      const s = referrerSubject(t);
      if (s && s !== v.digest && !(referrers.get(s) ?? []).includes(v.digest)) add(referrers, s, v.digest);
    }
  }

  /** Everything `root` needs, with how each digest is related (the root itself has no relation). */
  const closure = (root: string): Map<string, Relation | undefined> => {
    const out = new Map<string, Relation | undefined>([[root, undefined]]);
    const queue = [root];
    while (queue.length) {
      const d = queue.shift()!;
      const rel = (digest: string, r: Relation) => {
        if (!out.has(digest)) {
          out.set(digest, r);
          queue.push(digest);
        }
      };
      for (const c of manifests.get(d)?.children ?? []) rel(c.digest, {kind: c.attestation ? 'attestation' : 'child', of: d});
      for (const r of referrers.get(d) ?? []) rel(r, {kind: 'referrer', of: d});
    }
    return out;
  };
  const describe = (r: Relation, state: 'kept' | 'deleted') => `${r.kind === 'child' ? 'platform manifest' : r.kind === 'attestation' ? 'attestation manifest' : 'referrer'} of ${state} ${short(r.of)}`;

  const historyOf = new Map<string, string[]>();
  for (const h of o.history) for (const d of [h.before, h.after]) if (d && !(historyOf.get(d) ?? []).includes(h.channel)) add(historyOf, d, h.channel);

  const ageOf = (d: string) => listed.get(d)?.created ?? manifests.get(d)?.created;
  const tooYoung = (d: string): string | undefined => {
    if (!rules.olderThan) return undefined;
    const age = ageOf(d);
    if (!age) return `age unknown (older-than: ${rules.olderThan.text} is set)`;
    return now.getTime() - age.getTime() < rules.olderThan.ms ? `younger than ${rules.olderThan.text}` : undefined;
  };
  const keepTagMatch = (d: string): string | undefined => {
    for (const k of rules.keepTags) {
      const tag = plainTags(d).find(t => k.pattern.test(t));
      if (tag !== undefined) return `keep-tags ${k.source} (${tag})`;
    }
    return undefined;
  };

  // the versions, newest first (an unknown age counts as oldest; with older-than it is kept all the same)
  const taggedParent = (d: string) => (parents.get(d) ?? []).some(p => p !== d && plainTags(p).length > 0);
  const roots = [...listed.keys()].filter(d => !isHistory(d) && plainTags(d).length > 0 && !taggedParent(d));
  const byAge = (a: string, b: string) => {
    const [x, y] = [ageOf(a)?.getTime() ?? -Infinity, ageOf(b)?.getTime() ?? -Infinity];
    if (x !== y) return y > x ? 1 : -1;
    const [ta, tb] = [plainTags(a).sort().at(-1) ?? '', plainTags(b).sort().at(-1) ?? ''];
    return tb.localeCompare(ta, 'en', {numeric: true}) || (a < b ? -1 : 1);
  };
  roots.sort(byAge);

  const keptReason = new Map<string, {reason: string; kind: PruneKind}>();
  const keptVersions: PruneItem[] = [];
  const deletedRoots: {digest: string; reason: string}[] = [];
  roots.forEach((d, i) => {
    const why = [i < rules.keep ? `one of the ${rules.keep} most recent` : '', keepTagMatch(d) ?? '', historyOf.has(d) ? `history of ${historyOf.get(d)!.join(', ')}` : '', i >= rules.keep ? (tooYoung(d) ?? '') : ''].filter(Boolean);
    if (why.length) {
      keptReason.set(d, {reason: why.join('; '), kind: 'version'});
      keptVersions.push({digest: d, tags: listed.get(d)!.tags, kind: 'version', reason: why.join('; '), bytes: 0, version: listed.get(d)});
    } else {
      deletedRoots.push({digest: d, reason: `not one of the ${rules.keep} most recent${rules.olderThan ? `, older than ${rules.olderThan.text}` : ''}, no tag matches keep-tags`});
    }
  });
  // anything else a rule protects by itself: a history entry, a tag keep-tags matches, what a history names
  const all = new Set([...listed.keys(), ...manifests.keys()]);
  for (const d of all) {
    if (keptReason.has(d) || roots.includes(d)) continue;
    const why = isHistory(d) ? 'history entry (mp-hist-*)' : (keepTagMatch(d) ?? (historyOf.has(d) ? `history of ${historyOf.get(d)!.join(', ')}` : undefined));
    if (why) keptReason.set(d, {reason: why, kind: isHistory(d) ? 'referrer' : listed.get(d)?.tags.length ? 'version' : 'untagged'});
  }
  // what the kept need
  const kept = new Map<string, {reason: string; kind: PruneKind}>();
  for (const [seed, r] of keptReason) {
    kept.set(seed, r);
    for (const [d, rel] of closure(seed)) if (rel && !kept.has(d) && !keptReason.has(d)) kept.set(d, {reason: describe(rel, 'kept'), kind: rel.kind});
  }

  const deleted: PruneItem[] = [];
  const gone = new Set<string>();
  const remove = (root: string, kind: PruneKind, reason: string) => {
    for (const [d, rel] of closure(root)) {
      if (kept.has(d) || gone.has(d)) continue;
      gone.add(d);
      deleted.push({digest: d, tags: listed.get(d)?.tags ?? [], kind: rel ? rel.kind : kind, reason: rel ? describe(rel, 'deleted') : reason, bytes: 0, version: listed.get(d)});
    }
  };
  const keepClosure = (d: string) => {
    for (const [c, rel] of closure(d)) if (rel && !kept.has(c)) kept.set(c, {reason: describe(rel, 'kept'), kind: rel.kind});
  };

  // the rest: untagged (GitHub Packages lists them), or referrers of something no longer there; decided
  // before anything is removed, so that what a kept one needs is kept even when a deleted version shares it
  const withDeleted = new Set(deletedRoots.flatMap(r => [...closure(r.digest).keys()]));
  const rest = [...listed.keys()].filter(d => !kept.has(d) && !withDeleted.has(d));
  // roots of the rest first (an untagged index before its children, which go with it)
  const inRest = (d: string) => (parents.get(d) ?? []).some(p => rest.includes(p));
  rest.sort((a, b) => Number(inRest(a)) - Number(inRest(b)));
  const notes: string[] = [];
  let untaggedKept = 0;
  const orphans: {digest: string; kind: PruneKind; reason: string}[] = [];
  const claimed = new Set<string>();
  for (const d of rest) {
    if (kept.has(d) || claimed.has(d)) continue;
    const subject = listed.get(d)!.tags.map(referrerSubject).find(Boolean);
    const what = subject ? `referrer of ${short(subject)}, which is not in the package` : 'untagged, no kept version needs it';
    const young = tooYoung(d);
    if (rules.deleteUntagged && !young) {
      orphans.push({digest: d, kind: subject ? 'referrer' : 'untagged', reason: what});
      for (const c of closure(d).keys()) claimed.add(c);
    } else {
      untaggedKept++;
      kept.set(d, {reason: `${what}; kept: ${young ?? 'delete-untagged: false'}`, kind: subject ? 'referrer' : 'untagged'});
      keepClosure(d);
    }
  }
  if (untaggedKept) notes.push(`${untaggedKept} untagged or dangling manifest(s) no kept version needs were kept (${rules.deleteUntagged ? `younger than older-than: ${rules.olderThan?.text}, or of unknown age` : 'delete-untagged: false'}).`);
  for (const r of [...deletedRoots].reverse()) remove(r.digest, 'version', r.reason);
  for (const r of orphans) remove(r.digest, r.kind, r.reason);

  // the bytes only deleted manifests referenced: a blob a kept manifest also references is not counted
  const keptBlobs = new Set([...kept.keys()].flatMap(d => (manifests.get(d)?.blobs ?? []).map(b => b.digest)));
  const counted = new Set<string>();
  let bytesFreed = 0;
  for (const item of deleted) {
    const info = manifests.get(item.digest);
    let bytes = info?.size ?? 0;
    for (const b of info?.blobs ?? []) {
      if (keptBlobs.has(b.digest) || counted.has(b.digest)) continue;
      counted.add(b.digest);
      bytes += b.size;
    }
    item.bytes = bytes;
    bytesFreed += bytes;
  }
  const keptVersionSet = new Set(keptVersions.map(v => v.digest));
  const keptOther = [...kept].filter(([d]) => !keptVersionSet.has(d)).map(([d, r]) => ({digest: d, tags: listed.get(d)?.tags ?? [], kind: r.kind, reason: r.reason, bytes: 0, version: listed.get(d)}));
  return {keptVersions, keptOther, deleted, bytesFreed, notes};
}

/** The order of deletion: referrers first, then the roots (a root's digest takes its tags with it), then children. */
export function deletionOrder(items: PruneItem[]): PruneItem[][] {
  const rank = (k: PruneKind) => (k === 'referrer' ? 0 : k === 'version' || k === 'untagged' ? 1 : 2);
  return [0, 1, 2].map(r => items.filter(i => rank(i.kind) === r)).filter(g => g.length > 0);
}
