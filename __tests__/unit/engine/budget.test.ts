// Size budgets (policy max-size): the pure check over verified builds with sizes, the rules taken from a
// plan's policy lines, the baseline the change is measured against, and the summary's table.
import {describe, expect, test} from '@jest/globals';
import {budgetRules, checkBudgets, budgetError, baselineTag, readBaselines, budgetGate} from '../../../src/engine/steps/budget.js';
import {InputError} from '../../../src/pipeline/inputs/errors.js';
import {budgetSummary} from '../../../src/report/summary.js';
import type {VerifiedBuild} from '../../../src/engine/steps/verify.js';
import {buildPlan} from './factory.js';
import {FakeRegistry} from './fake-registry.js';
import {thrown} from '../../support/pipeline.js';

const SHA = '266574110acf203503badf966df2ea24b5d732d7';
const API = 'ghcr.io/acme/api';
const WEB = 'ghcr.io/acme/web';

/** A verified build: each name with the platforms' sizes given (same sizes under every name). */
function verified(names: string[], sizes: Record<string, number>, digest = 'sha256:' + 'a'.repeat(64)): VerifiedBuild {
  const platforms = Object.entries(sizes).map(([platform, size], k) => ({platform, digest: `sha256:${String(k).repeat(64)}`, size}));
  return {build: buildPlan({id: names[0].split('/').pop(), images: names, platforms: Object.keys(sizes)}), digest, images: names.map(name => ({name, digest, mediaType: 'application/vnd.oci.image.index.v1+json', platforms}))};
}

describe('checkBudgets: every platform image of every matching name against every matching rule', () => {
  const MB = 1e6;
  test.each<[string, string[], VerifiedBuild[], string[]]>([
    // [what, rules, builds, violations as "image platform rule"]
    ['under budget', ['max-size=**/api:500MB'], [verified([API], {'linux/amd64': 400 * MB, 'linux/arm64': 390 * MB})], []],
    ['exactly the budget is within it', ['max-size=**/api:500MB'], [verified([API], {'linux/amd64': 500 * MB})], []],
    ['one byte over', ['max-size=**/api:500MB'], [verified([API], {'linux/amd64': 500 * MB + 1})], [`${API} linux/amd64 max-size=**/api:500MB`]],
    ['one platform over, the other not', ['max-size=**/api:500MB'], [verified([API], {'linux/amd64': 501 * MB, 'linux/arm64': 499 * MB})], [`${API} linux/amd64 max-size=**/api:500MB`]],
    ['MiB is 2^20: 500 MB is under 500 MiB', ['max-size=**/api:500MiB'], [verified([API], {'linux/amd64': 520 * MB})], []],
    ['MB is 10^6: 500 MiB is over 500 MB', ['max-size=**/api:500MB'], [verified([API], {'linux/amd64': 500 * 2 ** 20})], [`${API} linux/amd64 max-size=**/api:500MB`]],
    ['a size that could not be read (0) fails closed', ['max-size=**/api:500MB'], [verified([API], {'linux/amd64': 0})], [`${API} linux/amd64 max-size=**/api:500MB`]],
    ['a rule that matches another image checks nothing', ['max-size=**/web:1B'], [verified([API], {'linux/amd64': 5 * MB})], []],
    ['only the matching build', ['max-size=**/web:1MB'], [verified([API], {'linux/amd64': 5 * MB}), verified([WEB], {'linux/amd64': 2 * MB})], [`${WEB} linux/amd64 max-size=**/web:1MB`]],
    ['only the matching name of a build', ['max-size=docker.io/**:1MB'], [verified([API, 'acme/api'], {'linux/amd64': 2 * MB})], ['acme/api linux/amd64 max-size=docker.io/**:1MB']],
    ['every rule that matches', ['max-size=**:10MB', 'max-size=ghcr.io/acme/*:1MB'], [verified([API], {'linux/amd64': 20 * MB})], [`${API} linux/amd64 max-size=**:10MB`, `${API} linux/amd64 max-size=ghcr.io/acme/*:1MB`]],
    ['globs are case-insensitive over canonical names', ['max-size=GHCR.IO/Acme/*:1MB'], [verified(['GHCR.io/acme/API'], {'linux/amd64': 2 * MB})], ['GHCR.io/acme/API linux/amd64 max-size=GHCR.IO/Acme/*:1MB']]
  ])('%s', (_what, lines, builds, violations) => {
    const report = checkBudgets(builds, budgetRules(lines));
    expect(report.violations.map(v => `${v.image} ${v.platform} ${v.rule.source}`)).toEqual(violations);
    expect(report.entries.filter(e => !e.over).length + violations.length).toBe(report.entries.length);
  });

  test('the error names image, platform, size and budget of every violation', () => {
    const report = checkBudgets([verified([API], {'linux/amd64': 612_345_678, 'linux/arm64': 0})], budgetRules(['max-size=**/api:500MB']));
    expect(budgetError(report)).toBe(
      'The size budget refuses this release (2 platform images over budget); no tag was created or moved:\n' +
        `  - ${API} linux/amd64: 612.3 MB (612345678 bytes) is over the budget of 500 MB (500000000 bytes, max-size=**/api:500MB)\n` +
        `  - ${API} linux/arm64: its size could not be read, so the budget of 500 MB (500000000 bytes, max-size=**/api:500MB) cannot be checked`
    );
  });
});

describe('budgetRules: the max-size lines of a plan policy', () => {
  test('the other rules are left to the plan', () => {
    expect(budgetRules(['max-tags=3', 'max-size=**:1GB', 'deny-latest=**']).map(r => r.source)).toEqual(['max-size=**:1GB']);
  });
  test('a malformed line (a plan document edited by hand) is an InputError naming the input', () => {
    const e = thrown(() => budgetRules(['max-size=**:lots'], 'plan')) as InputError;
    expect(e).toBeInstanceOf(InputError);
    expect(e.input).toBe('plan');
    expect(e.message).toMatch(/^Input "plan": the policy rule is malformed: max-size: "lots" is not a size.*\(in: max-size=\*\*:lots\)$/);
  });
});

describe('the baseline of the change column', () => {
  test.each([
    [['1.2.3', 'latest'], 'latest'],
    [['sha-2665741', 'main', 'edge'], 'main'],
    [['1.2.3', 'sha-2665741'], undefined]
  ])('tags %j: %s', (tags, tag) => {
    expect(baselineTag(tags, SHA)).toBe(tag);
  });

  test('read from the registry before the release: the old index and its platforms sizes; a new tag; this run content; an unreadable tag', async () => {
    const reg = new FakeRegistry();
    const pm = (n: number) => reg.put(API, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {size: 100}, layers: [{size: n}]});
    const old = reg.put(API, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [{digest: pm(900), platform: {os: 'linux', architecture: 'amd64'}}]});
    reg.tags.set(`${API}:latest`, old);
    const builds = [verified([API, WEB], {'linux/amd64': 1500})];
    const rules = budgetRules(['max-size=ghcr.io/**:1KB']);
    const baselines = await readBaselines(reg.api(), builds, rules, SHA);
    expect(baselines).toEqual([
      {image: API, tag: 'latest', digest: old, sizes: {'linux/amd64': 1000}},
      {image: WEB, tag: 'latest', sizes: {}}
    ]);
    const report = checkBudgets(builds, rules, baselines);
    expect(report.entries.map(e => e.before)).toEqual([
      {tag: 'latest', digest: old, size: 1000, same: false},
      {tag: 'latest', digest: undefined, size: undefined, same: false}
    ]);
    const md = budgetSummary(report);
    expect(md).toContain(`| \`${API}\` | linux/amd64 | 1.5 KB | 1 KB (\`max-size=ghcr.io/**:1KB\`) | +500 B (+50.0 %) since \`latest\` (\`${old.slice(0, 19)}…\`) | ❌ over budget |`);
    expect(md).toContain(`| \`${WEB}\` | linux/amd64 | 1.5 KB | 1 KB (\`max-size=ghcr.io/**:1KB\`) | _new_ (no \`latest\` before) | ❌ over budget |`);
    expect(md).toContain('❌ 2 platform images over budget: no tag was created or moved.');

    // a re-run: latest is this run's content already
    reg.tags.set(`${API}:latest`, builds[0].digest);
    expect((await readBaselines(reg.api(), builds, rules, SHA))[0]).toEqual({image: API, tag: 'latest', digest: builds[0].digest, sizes: {}});
    expect(budgetSummary(checkBudgets(builds, rules, await readBaselines(reg.api(), builds, rules, SHA)))).toContain('none (`latest` is this content already)');

    // a tag read that fails leaves the column empty, never fails the check
    const api = reg.api();
    api.tagDigest = async () => {
      throw new Error('503');
    };
    expect(await readBaselines(api, builds, rules, SHA)).toEqual([]);
    expect(budgetSummary(checkBudgets(builds, rules, []))).toContain('| ❌ over budget |');
  });

  test('budgetGate: no matching rule, no wait for the sizes', async () => {
    const never = new Promise<VerifiedBuild[]>(() => undefined);
    expect(await budgetGate(new FakeRegistry().api(), budgetRules(['max-size=docker.io/**:1B']), [verified([API], {'linux/amd64': 0})], never, SHA)).toBeUndefined();
    expect(await budgetGate(new FakeRegistry().api(), [], [verified([API], {'linux/amd64': 0})], never, SHA)).toBeUndefined();
  });
});

describe('budgetSummary: untrusted names escaped', () => {
  test('a name or platform cannot break the table', () => {
    const b = verified(['ghcr.io/acme/a|b`c'], {'linux/amd64|<x>': 5});
    const md = budgetSummary(checkBudgets([b], budgetRules(['max-size=**:1KB'])));
    const row = md.split('\n').find(l => l.startsWith('| `'))!;
    // six cells: every | of the values escaped
    expect(row.split(/(?<!\\)\|/).length).toBe(8);
    expect(row).toContain('linux/amd64\\|\\<x\\>');
  });
  test('no budget applied: nothing', () => {
    expect(budgetSummary(undefined)).toBe('');
    expect(budgetSummary({entries: [], violations: []})).toBe('');
  });
});
