// mode: prune, the pure decision (pipeline/prune.ts) and its inputs (pipeline/inputs/prune.ts): tables of
// packages as the back ends list them (tagged only: the distribution API; every manifest: GitHub Packages).
import {describe, expect, test} from '@jest/globals';
import {createHash} from 'node:crypto';
import {decidePrune, deletionOrder, historyReference, manifestInfo, referrerSubject, type ManifestInfo, type PruneRules} from '../../src/pipeline/prune.js';
import {DEFAULT_KEEP_TAGS, parsePruneInputs, pruneApiFor, type RawPruneInputs} from '../../src/pipeline/inputs/prune.js';
import {entryManifest, historyTag} from '../../src/pipeline/history.js';
import type {StoredVersion} from '../../src/engine/prune-backend.js';
import {getInputs} from '../../src/pipeline/inputs/index.js';
import {checkModeSupport} from '../../src/pipeline/inputs/modes.js';
import {inputEnv} from '../support/pipeline.js';

const sha = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
const NOW = new Date('2026-12-04T00:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const rules = (over: Partial<PruneRules> = {}): PruneRules => ({keep: 2, keepTags: parsePruneInputs(raw()).prune.keepTags, deleteUntagged: false, ...over});
const raw = (over: Partial<RawPruneInputs> = {}): RawPruneInputs => ({keep: '', keepTags: [], deleteUntagged: '', olderThan: '', api: '', ...over});

/** A package: manifests by digest, and what the back end lists. */
class Pkg {
  manifests = new Map<string, ManifestInfo>();
  versions: StoredVersion[] = [];
  image(label: string, blobs: string[] = [`layer-${label}`, 'base'], created?: Date): string {
    const d = sha(`image ${label}`);
    this.manifests.set(d, {digest: d, size: 100, children: [], blobs: [{digest: sha(`config ${label}`), size: 10}, ...blobs.map(b => ({digest: sha(b), size: 1000}))], created});
    return d;
  }
  /** A multi-arch release: an index of two platform manifests, each with an attestation manifest. */
  release(label: string, created?: Date, o: {shared?: string} = {}): {index: string; platforms: string[]; attestations: string[]} {
    const platforms = ['amd64', 'arm64'].map(a => (a === 'arm64' && o.shared ? o.shared : this.image(`${label}-${a}`)));
    const attestations = ['amd64', 'arm64'].map(a => this.image(`${label}-${a}-att`, [`att-${label}-${a}`]));
    const index = sha(`index ${label}`);
    this.manifests.set(index, {digest: index, size: 500, children: [...platforms.map(digest => ({digest, attestation: false})), ...attestations.map(digest => ({digest, attestation: true}))], blobs: [], created});
    return {index, platforms, attestations};
  }
  list(digest: string, tags: string[], created?: Date, id?: number): this {
    this.versions.push({digest, tags, created, id});
    return this;
  }
  /** A referrer (signature) of `subject`: its own manifest with `subject`. */
  referrer(subject: string, label: string): string {
    const d = sha(`sig ${label}`);
    this.manifests.set(d, {digest: d, size: 300, children: [], blobs: [{digest: sha(`sig-blob ${label}`), size: 50}], subject});
    return d;
  }
  decide(r: PruneRules = rules(), history: {channel: string; before: string | null; after: string}[] = []) {
    return decidePrune({versions: this.versions, manifests: this.manifests, history, rules: r, now: NOW});
  }
}

/** Five releases v1..v5, one day apart (v5 the newest), each under the tag `build-<n>` (no keep-tags match). */
function five(p = new Pkg(), listChildren = false): {p: Pkg; r: ReturnType<Pkg['release']>[]} {
  const r = [1, 2, 3, 4, 5].map(n => p.release(`v${n}`, daysAgo(10 - n)));
  r.forEach((x, i) => {
    p.list(x.index, [`build-${i + 1}`], undefined, 100 + i);
    if (listChildren) [...x.platforms, ...x.attestations].forEach((c, j) => p.list(c, [], daysAgo(10 - i), 1000 + i * 10 + j));
  });
  return {p, r};
}

const digestsOf = (items: {digest: string}[]) => items.map(i => i.digest).sort();

describe('decidePrune', () => {
  test('attestation-storage: referrers: BuildKit\'s old index is untagged (deleted with delete-untagged only, with its attestation manifests); the release, its platforms and their referrers are kept', () => {
    const p = new Pkg();
    const platforms = ['amd64', 'arm64'].map(a => p.image(`r-${a}`));
    const attestations = ['amd64', 'arm64'].map(a => p.image(`r-${a}-att`, [`att-${a}`]));
    const released = sha('index without attestations');
    p.manifests.set(released, {digest: released, size: 300, children: platforms.map(digest => ({digest, attestation: false})), blobs: [], created: daysAgo(1)});
    const old = sha('buildkit index');
    p.manifests.set(old, {digest: old, size: 500, children: [...platforms.map(digest => ({digest, attestation: false})), ...attestations.map(digest => ({digest, attestation: true}))], blobs: [], created: daysAgo(1)});
    const referrers = platforms.map((pl, i) => p.referrer(pl, `att-referrer-${i}`));
    const referrerTags = platforms.map((pl, i) => {
      const d = sha(`referrers tag ${i}`);
      p.manifests.set(d, {digest: d, size: 200, children: [{digest: referrers[i]!, attestation: false}], blobs: []});
      return d;
    });
    p.list(released, ['v1'], daysAgo(1), 1).list(old, [], daysAgo(1), 2);
    platforms.forEach((pl, i) => p.list(referrerTags[i]!, [pl.replace(':', '-')], daysAgo(1), 10 + i));
    [...platforms, ...attestations, ...referrers].forEach((d, i) => p.list(d, [], daysAgo(1), 100 + i));
    const kept = p.decide();
    expect(kept.deleted).toEqual([]);
    expect(kept.keptOther.find(k => k.digest === old)).toMatchObject({kind: 'untagged', reason: expect.stringContaining('untagged, no kept version needs it; kept: delete-untagged: false')});
    const d = p.decide(rules({deleteUntagged: true}));
    expect(d.deleted.map(x => [x.digest, x.kind])).toEqual([
      [old, 'untagged'],
      ...attestations.map(a => [a, 'attestation'])
    ]);
    expect(d.keptVersions.map(v => v.digest)).toEqual([released]);
    for (const k of [...platforms, ...referrers, ...referrerTags]) expect(d.keptOther.some(x => x.digest === k)).toBe(true);
  });

  test('keep: 2 of five: the three oldest go, each with its platform and attestation manifests', () => {
    const {p, r} = five();
    const d = p.decide();
    expect(d.keptVersions.map(v => v.tags)).toEqual([['build-5'], ['build-4']]);
    expect(d.keptVersions.map(v => v.reason)).toEqual(['one of the 2 most recent', 'one of the 2 most recent']);
    expect(digestsOf(d.deleted)).toEqual(digestsOf(r.slice(0, 3).flatMap(x => [x.index, ...x.platforms, ...x.attestations]).map(digest => ({digest}))));
    const v1 = d.deleted.find(x => x.digest === r[0]!.index)!;
    expect(v1).toMatchObject({kind: 'version', tags: ['build-1'], reason: 'not one of the 2 most recent, no tag matches keep-tags'});
    expect(d.deleted.find(x => x.digest === r[0]!.platforms[0])).toMatchObject({kind: 'child', reason: expect.stringMatching(/^platform manifest of deleted sha256:/)});
    expect(d.deleted.find(x => x.digest === r[0]!.attestations[1])).toMatchObject({kind: 'attestation', reason: expect.stringMatching(/^attestation manifest of deleted sha256:/)});
    // versions oldest first, each followed by what goes with it
    expect(d.deleted[0]!.digest).toBe(r[0]!.index);
    // the blob `base` is shared with the kept versions: not counted; the rest is
    const perRelease = 500 + 4 * 100 + 4 * 10 + 2 * 1000 + 2 * 1000;
    expect(d.bytesFreed).toBe(3 * perRelease);
    // what stays of the kept: their children
    expect(d.keptOther.find(x => x.digest === r[4]!.platforms[0])).toMatchObject({kind: 'child', reason: expect.stringMatching(/^platform manifest of kept /)});
  });

  test('keep-tags (the defaults): semver, env-* and latest are never deleted; the count is over all versions', () => {
    const {p, r} = five();
    p.versions[0]!.tags.push('v1.2.3');
    p.versions[1]!.tags.push('env-prod');
    p.versions[2]!.tags.push('latest');
    const d = p.decide();
    expect(d.deleted).toEqual([]);
    expect(d.keptVersions.map(v => v.reason)).toEqual(['one of the 2 most recent', 'one of the 2 most recent', 'keep-tags ^latest$ (latest)', 'keep-tags ^env- (env-prod)', `keep-tags ${DEFAULT_KEEP_TAGS[0]} (v1.2.3)`]);
    expect(d.keptVersions.at(-1)!.digest).toBe(r[0]!.index);
  });

  test.each([
    ['1.2', true],
    ['v1.2.3', true],
    ['1.2.3-rc.1', true],
    ['v10.20.30-beta-2', true],
    ['1', false],
    ['sha-abc1234', false],
    ['main', false],
    ['env-prod', true],
    ['environment', false],
    ['latest', true],
    ['latest-arm', false]
  ])('default keep-tags: %s protected: %s', (tag, kept) => {
    const {p} = five();
    p.versions[0]!.tags = [tag];
    expect(p.decide().deleted.some(x => x.tags.includes(tag))).toBe(!kept);
  });

  test('keep-tags given replaces the defaults', () => {
    const {p} = five();
    p.versions[0]!.tags.push('v1.2.3');
    p.versions[1]!.tags.push('build-keep');
    const d = p.decide(rules({keepTags: parsePruneInputs(raw({keepTags: [{line: 1, text: '-keep$'}]})).prune.keepTags}));
    expect(d.deleted.filter(x => x.kind === 'version').map(x => x.tags)).toEqual([['build-1', 'v1.2.3'], ['build-3']]);
  });

  test('a digest shared by a kept and a deleted index is kept', () => {
    const p = new Pkg();
    const old = p.release('old', daysAgo(5));
    const kept = p.release('new', daysAgo(1), {shared: old.platforms[1]});
    p.list(old.index, ['build-old']).list(kept.index, ['build-new']);
    const d = p.decide(rules({keep: 1}));
    expect(d.deleted.map(x => x.digest)).not.toContain(old.platforms[1]);
    expect(d.deleted.map(x => x.digest)).toContain(old.platforms[0]);
    expect(d.keptOther.find(x => x.digest === old.platforms[1])?.reason).toMatch(/^platform manifest of kept /);
  });

  test('referrer tags (sha256-<hex>.sig/.att, sha256-<hex>) and subject referrers follow their subject, never counted', () => {
    const {p, r} = five();
    const sigOld = p.referrer(r[0]!.index, 'old');
    const sigNew = p.referrer(r[4]!.index, 'new');
    const attNew = p.referrer(r[4]!.platforms[0]!, 'new-platform');
    p.list(sigOld, [`${r[0]!.index.replace(':', '-')}.sig`]);
    p.list(sigNew, [`${r[4]!.index.replace(':', '-')}.sig`, r[4]!.index.replace(':', '-')]);
    p.list(attNew, [`${r[4]!.platforms[0]!.replace(':', '-')}.att`]);
    const d = p.decide();
    expect(d.keptVersions).toHaveLength(2);
    expect(d.deleted.find(x => x.digest === sigOld)).toMatchObject({kind: 'referrer', reason: expect.stringMatching(/^referrer of deleted /)});
    expect(d.keptOther.find(x => x.digest === sigNew)?.kind).toBe('referrer');
    expect(d.keptOther.find(x => x.digest === attNew)?.reason).toMatch(/^referrer of kept /);
  });

  test('GitHub Packages: the untagged children are listed; of kept versions kept, of deleted deleted with them (not as untagged)', () => {
    const {p, r} = five(new Pkg(), true);
    const d = p.decide();
    expect(d.deleted.filter(x => x.kind === 'untagged')).toEqual([]);
    expect(d.deleted.filter(x => x.kind === 'version')).toHaveLength(3);
    expect(d.deleted).toHaveLength(15);
    expect(d.deleted.find(x => x.digest === r[0]!.platforms[0])?.version?.id).toBe(1000);
    expect(d.keptOther.filter(x => x.kind === 'child' || x.kind === 'attestation')).toHaveLength(8);
  });

  test('untagged manifests no kept version needs: kept by default, deleted with delete-untagged: true (and its own children)', () => {
    const {p} = five();
    const stray = p.release('stray', daysAgo(40));
    p.list(stray.index, [], daysAgo(40)).list(stray.platforms[0]!, [], daysAgo(40));
    const unsignedSig = p.referrer(sha('gone'), 'dangling');
    p.list(unsignedSig, [`${sha('gone').replace(':', '-')}.sig`], daysAgo(40));
    const keep = p.decide();
    expect(keep.deleted.map(x => x.digest)).not.toContain(stray.index);
    expect(keep.notes[0]).toMatch(/^2 untagged or dangling manifest\(s\) no kept version needs were kept \(delete-untagged: false\)/);
    const del = p.decide(rules({deleteUntagged: true}));
    expect(del.deleted.find(x => x.digest === stray.index)).toMatchObject({kind: 'untagged', reason: 'untagged, no kept version needs it'});
    expect(del.deleted.find(x => x.digest === stray.platforms[0])?.kind).toBe('child');
    expect(del.deleted.find(x => x.digest === unsignedSig)).toMatchObject({kind: 'referrer', reason: expect.stringMatching(/which is not in the package$/)});
    // with older-than, a young untagged manifest stays
    const young = p.decide(rules({deleteUntagged: true, olderThan: {text: '60d', ms: 60 * 86_400_000}}));
    expect(young.deleted.map(x => x.digest)).not.toContain(stray.index);
  });

  test('an untagged manifest that is kept keeps what it shares with a deleted version', () => {
    const p = new Pkg();
    const old = p.release('old', daysAgo(5));
    const stray = sha('index stray');
    p.manifests.set(stray, {digest: stray, size: 10, children: [{digest: old.platforms[0]!, attestation: false}], blobs: []});
    p.list(old.index, ['build-old']).list(p.release('new', daysAgo(1)).index, ['build-new']).list(stray, []);
    const d = p.decide(rules({keep: 1}));
    expect(d.deleted.map(x => x.digest)).toContain(old.index);
    expect(d.deleted.map(x => x.digest)).not.toContain(old.platforms[0]);
  });

  test('history: entries (mp-hist-*) are always kept and never counted; what a channel moved from or to is kept', () => {
    const {p, r} = five();
    const entry = {channel: 'env-prod', at: daysAgo(3).toISOString(), before: r[0]!.index, after: r[1]!.index, kind: 'promote' as const, source: 'v', commit: '', run: '', actor: ''};
    const m = entryManifest(entry);
    const json = JSON.parse(new TextDecoder().decode(m.bytes));
    const hd = sha(JSON.stringify(json));
    p.manifests.set(hd, manifestInfo(hd, json, m.bytes.length));
    p.list(hd, [historyTag('env-prod', daysAgo(3), 'abcdef01')]);
    expect(historyReference(json)).toEqual({channel: 'env-prod', before: r[0]!.index, after: r[1]!.index});
    const d = p.decide(rules(), [historyReference(json)!]);
    expect(d.keptVersions).toHaveLength(4);
    expect(d.keptVersions.find(v => v.digest === r[0]!.index)?.reason).toBe('history of env-prod');
    expect(d.keptOther.find(x => x.digest === hd)?.reason).toBe('history entry (mp-hist-*)');
    expect(d.deleted.filter(x => x.kind === 'version').map(x => x.tags)).toEqual([['build-3']]);
  });

  test('other mp-* tags (leftover staging and leg tags) count as ordinary tags', () => {
    const {p} = five();
    p.versions[4]!.tags = ['mp-staging-1-1-abc'];
    const d = p.decide();
    expect(d.keptVersions.map(v => v.tags)).toEqual([['mp-staging-1-1-abc'], ['build-4']]);
  });

  test('older-than: only older versions go; an unknown age is kept, and says so', () => {
    const {p, r} = five();
    p.manifests.get(r[0]!.index)!.created = undefined;
    const d = p.decide(rules({keep: 1, olderThan: {text: '7d', ms: 7 * 86_400_000}}));
    // v1: unknown age (counted as the oldest); v2 (8 days), v3 (7 days) old enough; v4 (6 days) too young
    expect(d.keptVersions.map(v => [v.tags[0], v.reason])).toEqual([
      ['build-5', 'one of the 1 most recent'],
      ['build-4', 'younger than 7d'],
      ['build-1', 'age unknown (older-than: 7d is set)']
    ]);
    expect(d.deleted.filter(x => x.kind === 'version').map(x => [x.tags[0], x.reason])).toEqual([
      ['build-2', 'not one of the 1 most recent, older than 7d, no tag matches keep-tags'],
      ['build-3', 'not one of the 1 most recent, older than 7d, no tag matches keep-tags']
    ]);
  });

  test('the back end\'s created wins over the annotation; no age at all counts as the oldest', () => {
    const {p, r} = five();
    p.versions[0]!.created = daysAgo(0);
    p.manifests.get(r[4]!.index)!.created = undefined;
    const d = p.decide();
    expect(d.keptVersions.map(v => v.tags[0])).toEqual(['build-1', 'build-4']);
    expect(d.deleted.filter(x => x.kind === 'version').map(x => x.tags[0])).toEqual(['build-5', 'build-2', 'build-3']);
  });

  test('per-platform tags on platform manifests (arch-tags) are not versions of their own', () => {
    const {p, r} = five();
    p.list(r[0]!.platforms[0]!, ['build-1-amd64']).list(r[4]!.platforms[0]!, ['build-5-amd64']);
    const d = p.decide();
    expect(d.keptVersions.map(v => v.tags)).toEqual([['build-5'], ['build-4']]);
    expect(d.deleted.find(x => x.digest === r[0]!.platforms[0])).toMatchObject({kind: 'child', tags: ['build-1-amd64']});
  });

  test('deletion order: referrers, then the roots, then the children', () => {
    const {p, r} = five();
    p.list(p.referrer(r[0]!.index, 'old'), [`${r[0]!.index.replace(':', '-')}.sig`]);
    const groups = deletionOrder(p.decide().deleted);
    expect(groups.map(g => [...new Set(g.map(i => i.kind))].sort())).toEqual([['referrer'], ['version'], ['attestation', 'child']]);
  });
});

describe('manifestInfo and referrer tags', () => {
  test('an index: its children, attestation manifests marked', () => {
    const info = manifestInfo(sha('i'), {manifests: [{digest: sha('a')}, {digest: sha('b'), annotations: {'vnd.docker.reference.type': 'attestation-manifest'}}, {digest: 'nope'}], annotations: {'org.opencontainers.image.created': '2026-01-01T00:00:00Z'}}, 42);
    expect(info).toEqual({digest: sha('i'), size: 42, children: [{digest: sha('a'), attestation: false}, {digest: sha('b'), attestation: true}], blobs: [], subject: undefined, created: new Date('2026-01-01T00:00:00Z')});
  });
  test('an image manifest: config and layers, subject', () => {
    const info = manifestInfo(sha('m'), {config: {digest: sha('c'), size: 5}, layers: [{digest: sha('l'), size: 7}], subject: {digest: sha('s')}}, 1);
    expect(info.blobs).toEqual([{digest: sha('c'), size: 5}, {digest: sha('l'), size: 7}]);
    expect(info.subject).toBe(sha('s'));
  });
  test.each([
    [`sha256-${'a'.repeat(64)}.sig`, `sha256:${'a'.repeat(64)}`],
    [`sha256-${'a'.repeat(64)}.att`, `sha256:${'a'.repeat(64)}`],
    [`sha256-${'a'.repeat(64)}.sbom`, `sha256:${'a'.repeat(64)}`],
    [`sha256-${'a'.repeat(64)}`, `sha256:${'a'.repeat(64)}`],
    [`sha256-${'a'.repeat(63)}.sig`, undefined],
    ['v1.sig', undefined]
  ])('%s -> %s', (tag, subject) => expect(referrerSubject(tag)).toBe(subject));
});

describe('prune inputs', () => {
  test('defaults', () => {
    const {prune, errors} = parsePruneInputs(raw());
    expect(errors).toEqual([]);
    expect({...prune, keepTags: prune.keepTags.map(k => k.source)}).toEqual({keep: 10, keepTags: DEFAULT_KEEP_TAGS, deleteUntagged: false, olderThan: undefined, api: 'auto', given: []});
  });
  test('given values', () => {
    const {prune} = parsePruneInputs(raw({keep: '2', keepTags: [{line: 1, text: '^release-'}], deleteUntagged: 'TRUE', olderThan: '2w', api: 'Distribution'}));
    expect({...prune, keepTags: prune.keepTags.map(k => [k.source, k.line])}).toEqual({keep: 2, keepTags: [['^release-', 1]], deleteUntagged: true, olderThan: {text: '2w', ms: 14 * 86_400_000}, api: 'distribution', given: ['keep', 'keep-tags', 'delete-untagged', 'older-than', 'prune-api']});
  });
  test.each<[Partial<RawPruneInputs>, string]>([
    [{keep: '0'}, 'Input "keep": expected a whole number of at least 1 (how many of the most recent versions to keep) (in: 0)'],
    [{keep: '-1'}, 'Input "keep": expected a whole number of at least 1'],
    [{keep: '2.5'}, 'Input "keep": expected a whole number of at least 1'],
    [{keepTags: [{line: 1, text: '^ok'}, {line: 3, text: 'bad(['}]}, 'Input "keep-tags", line 3: is not a regular expression: /bad([/: Unterminated character class (in: bad([)'],
    [{deleteUntagged: 'yes'}, 'Input "delete-untagged": expected true or false (in: yes)'],
    [{olderThan: '30'}, 'Input "older-than": expected a number of hours, days or weeks of at least 1: <n>h, <n>d or <n>w (e.g. 30d) (in: 30)'],
    [{olderThan: '0d'}, 'Input "older-than": expected a number of hours'],
    [{olderThan: '1y'}, 'Input "older-than": expected a number of hours'],
    [{api: 'ghcr'}, 'Input "prune-api": expected one of auto, github-packages, distribution (in: ghcr)']
  ])('%j: %s', (over, message) => {
    const {errors} = parsePruneInputs(raw(over));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message.startsWith(message)).toBe(true);
  });
  test('prune-api auto: GitHub Packages for ghcr.io, the distribution API elsewhere', () => {
    expect(pruneApiFor('auto', 'ghcr.io')).toBe('github-packages');
    expect(pruneApiFor('auto', 'GHCR.IO')).toBe('github-packages');
    expect(pruneApiFor('auto', '127.0.0.1:5000')).toBe('distribution');
    expect(pruneApiFor('distribution', 'ghcr.io')).toBe('distribution');
    expect(pruneApiFor('github-packages', 'ghcr.example.com')).toBe('github-packages');
  });

  const inputs = (values: Record<string, string>) => getInputs({GITHUB_REPOSITORY: 'acme/app', ...inputEnv(values)});
  test('getInputs: mode prune, its inputs; the errors collected with the others, before anything runs', () => {
    expect(inputs({mode: 'prune', keep: '3'}).prune.keep).toBe(3);
    expect(() => inputs({mode: 'prune', keep: 'x', 'keep-tags': 'a\n(', push: 'sometimes'})).toThrow(/Input "keep": expected[\s\S]*Input "keep-tags", line 2: is not a regular expression[\s\S]*Input "push"/);
  });
  test('dry-run: empty is the mode\'s default: true for prune, false for the others; given, it is what it says', () => {
    expect(inputs({mode: 'prune'}).dryRun).toBe(true);
    expect(inputs({mode: 'prune', 'dry-run': ''}).dryRun).toBe(true);
    expect(inputs({mode: 'prune', 'dry-run': 'false'}).dryRun).toBe(false);
    expect(inputs({}).dryRun).toBe(false);
    expect(inputs({mode: 'promote', from: 'v1', to: 'x', 'dry-run': ''}).dryRun).toBe(false);
    expect(inputs({'dry-run': 'true'}).dryRun).toBe(true);
  });
  test('prune inputs with another mode: a warning naming each; still checked', () => {
    expect(checkModeSupport(inputs({keep: '3', 'older-than': '30d'}), true)).toEqual(['Input "keep" is read by mode: prune only; with mode: publish it is ignored.', 'Input "older-than" is read by mode: prune only; with mode: publish it is ignored.']);
    expect(checkModeSupport(inputs({mode: 'prune', keep: '3'}), false)).toEqual([]);
    expect(() => inputs({keep: '0'})).toThrow(/Input "keep"/);
  });
});
