// mode: promote through one in-memory registry: every source resolved first (all or nothing), the target
// tags get exactly the source digest, the policy over the target tags, a dry run moves nothing.
import {afterAll, describe, expect, test} from '@jest/globals';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promote, rollback, history} from '../../../src/engine/promote.js';
import {channelTags, entryManifest, historyTag, parseEntry, HISTORY_TAG_PATTERN} from '../../../src/pipeline/history.js';
import {getInputs} from '../../../src/pipeline/inputs/index.js';
import {checkPromoteInputs} from '../../../src/pipeline/inputs/promote.js';
import {PolicyRefusal} from '../../../src/pipeline/errors.js';
import type {Prepared} from '../../../src/pipeline/prepare.js';
import {inputEnv} from '../../support/pipeline.js';
import {parseOutputs} from '../../support/action.js';
import {FakeRegistry, sha256} from './fake-registry.js';
import {buildPlan, plan} from './factory.js';

const work = mkdtempSync(join(tmpdir(), 'mp-promote-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));
const NAMES = ['reg.test/acme/api', 'reg.test/acme/worker'];

describe('from and to', () => {
  const to = (...tags: string[]) => tags.map((tag, i) => ({tag, line: i + 1}));
  test.each<[string, string, ReturnType<typeof to>, string[]]>([
    ['valid tag', 'sha-abc1234', to('env-prod', 'env-staging'), []],
    ['valid digest', `sha256:${'a'.repeat(64)}`, to('env-prod'), []],
    ['no from', '', to('env-prod'), ['Input "from": is required with mode: promote']],
    ['no to', 'v1', [], ['Input "to": is required with mode: promote']],
    ['bad digest', 'sha256:abc', to('x'), ['Input "from": is neither a tag']],
    ['bad tag in from', '-v1', to('x'), ['Input "from": is neither a tag']],
    ['bad tag in to, line 2', 'v1', to('ok', 'not ok'), ['Input "to", line 2: is not a tag']],
    ['twice', 'v1', to('a', 'a'), ['Input "to", line 2: names a twice (first on line 1)']],
    ['the source itself', 'v1', to('v1'), ['Input "to", line 1: is the source tag itself']]
  ])('%s', (_title, from, tags, messages) => {
    const errors = checkPromoteInputs('promote', from, tags).map(e => e.message);
    expect(errors).toHaveLength(messages.length);
    messages.forEach((m, i) => expect(errors[i]).toContain(m));
  });

  test.each<[string, string, string, {value: string; given: boolean}, string[]]>([
    ['rollback, steps', 'rollback', '', {value: '2', given: true}, []],
    ['rollback, from', 'rollback', 'v1', {value: '', given: false}, []],
    ['rollback, no channel', 'rollback', '', {value: '', given: false}, ['Input "to": is required with mode: rollback']],
    ['rollback, steps 0', 'rollback', '', {value: '0', given: true}, ['Input "steps": expected a whole number from 1 to 9999']],
    ['rollback, steps and from', 'rollback', 'v1', {value: '2', given: true}, ['Input "steps": and from both name where to roll back to']],
    ['promote, steps', 'promote', 'v1', {value: '2', given: true}, ['Input "steps": is read by mode: rollback only']],
    ['history, from', 'history', 'v1', {value: '', given: false}, ['Input "from": is not read by mode: history']]
  ])('%s', (_title, mode, from, steps, messages) => {
    const errors = checkPromoteInputs(mode, from, mode === 'rollback' && _title.includes('no channel') ? [] : to('env-prod'), steps).map(e => e.message);
    expect(errors).toHaveLength(messages.length);
    messages.forEach((m, i) => expect(errors[i]).toContain(m));
  });

  test('from/to with another mode: a warning naming each (never silently unused)', async () => {
    const {checkModeSupport} = await import('../../../src/pipeline/inputs/modes.js');
    const i = getInputs({GITHUB_REPOSITORY: 'acme/app', ...inputEnv({from: 'v1', to: 'x'})});
    expect(checkModeSupport(i, true)).toEqual(['Input "from" is read by mode: promote, rollback and history only; with mode: publish it is ignored.', 'Input "to" is read by mode: promote, rollback and history only; with mode: publish it is ignored.']);
  });

  test('getInputs collects them with the other input errors', () => {
    expect(() => getInputs({GITHUB_REPOSITORY: 'acme/app', ...inputEnv({mode: 'promote', to: 'a\nb c'})})).toThrow(/Input "from": is required[\s\S]*Input "to", line 2/);
  });
});

/** A published release: an index of two platform manifests under `tag` of every name. */
function published(reg: FakeRegistry, tag: string, revision = 'c'.repeat(40)): string {
  let digest = '';
  for (const n of NAMES) {
    const config = JSON.stringify({created: '2026-12-01T00:00:00Z', config: {Labels: {'org.opencontainers.image.revision': revision, 'org.example.tag': tag}}});
    reg.blobs.set(`${n}@${sha256(config)}`, config);
    const pm = ['amd64', 'arm64'].map(a => ({mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: reg.put(n, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length}, layers: []}), size: 10, platform: {os: 'linux', architecture: a}}));
    digest = reg.put(n, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: pm, annotations: {tag}});
    reg.tags.set(`${n}:${tag}`, digest);
  }
  return digest;
}

function prepared(values: Record<string, string>): {p: Prepared; env: NodeJS.ProcessEnv; outputs: () => Record<string, string>} {
  const inputs = getInputs({GITHUB_REPOSITORY: 'acme/app', ...inputEnv({mode: 'promote', summary: 'false', 'tag-retry-timeout': '1', ...values})});
  const file = join(mkdtempSync(join(work, 'out-')), 'output');
  writeFileSync(file, '');
  const p = {inputs, ctx: {actor: 'me', serverUrl: 'https://github.com', ref: 'refs/heads/main', sha: 'f'.repeat(40), shortSha: 'fffffff'}, plan: plan(NAMES.map(n => buildPlan({id: n.slice(n.lastIndexOf('/') + 1), images: [n]}))), credentials: [], warnings: [], metadata: {}} as unknown as Prepared;
  return {p, env: {GITHUB_OUTPUT: file}, outputs: () => parseOutputs(readFileSync(file, 'utf8'))};
}

describe('mode: promote', () => {
  test('every target tag of every image gets exactly the source digest; promotions output says before and now', async () => {
    const reg = new FakeRegistry();
    const v1 = published(reg, 'sha-1111111');
    const {p, env, outputs} = prepared({from: 'sha-1111111', to: 'env-staging\nenv-prod'});
    const out = await promote(p, env, reg.api());
    for (const n of NAMES) for (const t of ['env-staging', 'env-prod']) expect(reg.tags.get(`${n}:${t}`)).toBe(v1);
    expect(JSON.parse(outputs()['promotions']!)).toEqual(NAMES.flatMap(image => ['env-staging', 'env-prod'].map(tag => ({image, tag, from: 'sha-1111111', before: null, digest: v1, state: 'moved'})))); 
    expect(out.promotions).toHaveLength(4);
    // no new manifest: the registry holds exactly what the publish left
    expect([...reg.manifests.keys()].filter(k => k.endsWith(v1))).toHaveLength(2);
  });

  test('a later promotion moves the channel and records where it pointed before; a digest source works alike', async () => {
    const reg = new FakeRegistry();
    const v1 = published(reg, 'sha-1111111', 'c'.repeat(40));
    const v2 = published(reg, 'sha-2222222', 'd'.repeat(40));
    await promote(prepared({from: 'sha-1111111', to: 'env-prod'}).p, prepared({from: 'x', to: 'y'}).env, reg.api());
    const second = prepared({from: v2, to: 'env-prod', 'force-tags': 'true'});
    await promote(second.p, second.env, reg.api());
    expect(JSON.parse(second.outputs()['promotions']!).map((x: {before: string; digest: string}) => [x.before, x.digest])).toEqual([[v1, v2], [v1, v2]]);
    for (const n of NAMES) expect(reg.tags.get(`${n}:env-prod`)).toBe(v2);
  });

  test('an image without the source: nothing moves, every missing image is named', async () => {
    const reg = new FakeRegistry();
    published(reg, 'sha-1111111');
    for (const n of NAMES) reg.tags.delete(`${n}:sha-1111111`);
    reg.tags.set(`${NAMES[0]}:sha-1111111`, published(reg, 'other'));
    const {p, env} = prepared({from: 'sha-1111111', to: 'env-prod'});
    const e = (await promote(p, env, reg.api()).catch(x => x)) as Error;
    expect(e.message).toBe(`mode: promote found 1 image(s) without the source sha-1111111; no tag was moved:\n  - ${NAMES[1]} has no tag sha-1111111`);
    expect([...reg.tags.keys()].some(k => k.endsWith(':env-prod'))).toBe(false);
  });

  test('the policy applies to the target tags, before any registry call', async () => {
    const reg = new FakeRegistry();
    const api = reg.api();
    let calls = 0;
    const counted = new Proxy(api, {get: (t, k) => (typeof (t as never)[k] === 'function' ? (...a: unknown[]) => (calls++, (t as unknown as Record<string | symbol, (...x: unknown[]) => unknown>)[k](...a)) : (t as never)[k])});
    const {p, env} = prepared({from: 'v1', to: 'latest', policy: 'deny-latest=**'});
    await expect(promote(p, env, counted)).rejects.toBeInstanceOf(PolicyRefusal);
    expect(calls).toBe(0);
    // require-sha is about what a build is tagged with: not a promotion's concern
    const ok = prepared({from: 'v1', to: 'env-prod', policy: 'require-sha=true'});
    published(reg, 'v1');
    await expect(promote(ok.p, ok.env, api)).resolves.toBeDefined();
  });

  test('dry run: the transitions, nothing moved', async () => {
    const reg = new FakeRegistry();
    const v1 = published(reg, 'v1');
    const {p, env, outputs} = prepared({from: 'v1', to: 'env-prod', 'dry-run': 'true'});
    await promote(p, env, reg.api());
    expect(JSON.parse(outputs()['promotions']!).map((x: {state: string; digest: string}) => [x.state, x.digest])).toEqual([['would-move', v1], ['would-move', v1]]);
    expect([...reg.tags.keys()].some(k => k.endsWith(':env-prod'))).toBe(false);
  });
});

describe('size budgets (policy max-size) over what a promotion releases', () => {
  /** One name's release with platform images of `sizes` bytes (one layer each). */
  function sized(reg: FakeRegistry, name: string, tag: string, sizes: number[]): string {
    const config = JSON.stringify({created: '2026-12-01T00:00:00Z', config: {Labels: {'org.opencontainers.image.revision': 'c'.repeat(40)}}});
    reg.blobs.set(`${name}@${sha256(config)}`, config);
    const pm = sizes.map((size, i) => ({mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: reg.put(name, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: 0}, layers: [{mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha256(`${tag}-${i}`), size}]}), size: 10, platform: {os: 'linux', architecture: ['amd64', 'arm64'][i]!}}));
    const digest = reg.put(name, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: pm, annotations: {tag}});
    reg.tags.set(`${name}:${tag}`, digest);
    return digest;
  }

  test('an image over its budget: refused before anything moves, naming image, platform, size and budget (dry run alike)', async () => {
    const reg = new FakeRegistry();
    sized(reg, NAMES[0]!, 'sha-1111111', [400_000_000, 600_000_000]);
    sized(reg, NAMES[1]!, 'sha-1111111', [100, 100]);
    for (const dry of ['false', 'true']) {
      const {p, env} = prepared({from: 'sha-1111111', to: 'env-prod', policy: 'max-size=**/api:500MB', 'dry-run': dry});
      const e = (await promote(p, env, reg.api()).catch(x => x)) as Error;
      expect(e.message).toContain('The size budget refuses this release (1 platform image over budget); no tag was created or moved');
      expect(e.message).toContain(`${NAMES[0]} linux/arm64: 600 MB (600000000 bytes) is over the budget of 500 MB`);
      expect([...reg.tags.keys()].some(k => k.endsWith(':env-prod'))).toBe(false);
    }
  });

  test('under budget: promoted; a rule that matches no image reads no size', async () => {
    const reg = new FakeRegistry();
    const api = sized(reg, NAMES[0]!, 'v1', [400_000_000, 499_000_000]);
    const worker = sized(reg, NAMES[1]!, 'v1', [900_000_000, 900_000_000]);
    const {p, env} = prepared({from: 'v1', to: 'env-prod', policy: 'max-size=**/api:500MB'});
    await promote(p, env, reg.api());
    expect(reg.tags.get(`${NAMES[0]}:env-prod`)).toBe(api);
    expect(reg.tags.get(`${NAMES[1]}:env-prod`)).toBe(worker);
  });
});

describe('channel history, rollback', () => {
  test('two promotions, a rollback to the first digest, and a history of all three', async () => {
    const reg = new FakeRegistry();
    const v1 = published(reg, 'sha-1111111', 'c'.repeat(40));
    const v2 = published(reg, 'sha-2222222', 'd'.repeat(40));
    for (const from of ['sha-1111111', 'sha-2222222']) {
      const {p, env} = prepared({from, to: 'env-prod', 'force-tags': 'true'});
      await promote(p, env, reg.api());
    }
    const back = prepared({mode: 'rollback', to: 'env-prod'});
    const out = await rollback(back.p, back.env, reg.api());
    expect(out.promotions.map(x => [x.image, x.before, x.digest, x.state])).toEqual(NAMES.map(n => [n, v2, v1, 'moved']));
    for (const n of NAMES) expect(reg.tags.get(`${n}:env-prod`)).toBe(v1);
    const shown = prepared({mode: 'history', to: 'env-prod'});
    const h = await history(shown.p, shown.env, reg.api());
    expect(h.map(c => [c.image, c.current, c.entries.map(e => [e.kind, e.before, e.after, e.source])])).toEqual(
      NAMES.map(n => [n, v1, [['promote', null, v1, 'sha-1111111'], ['promote', v1, v2, 'sha-2222222'], ['rollback', v2, v1, '1 step back']]])
    );
    expect(JSON.parse(shown.outputs()['history']!)).toHaveLength(2);
  });

  test('concurrent promotions of two channels and of one channel: no entry is lost', async () => {
    const reg = new FakeRegistry();
    published(reg, 'v1');
    published(reg, 'v2');
    const runs = [
      ['v1', 'env-a'],
      ['v2', 'env-b'],
      ['v1', 'env-c'],
      ['v2', 'env-c']
    ].map(([from, to]) => prepared({from: from!, to: to!, 'force-tags': 'true'}));
    // the two promotions of env-c race: the one whose read-back sees the other's move fails the step
    // (another run moved it meanwhile), but both moves are in the history
    await Promise.allSettled(runs.map(r => promote(r.p, r.env, reg.api())));
    const shown = prepared({mode: 'history', to: 'env-a\nenv-b\nenv-c'});
    const h = await history(shown.p, shown.env, reg.api());
    expect(h.map(c => c.entries.length)).toEqual([1, 1, 2, 1, 1, 2]);
  });

  test.each<[string, Record<string, string>, RegExp]>([
    ['no history', {}, /env-prod has no history/],
    ['more steps than moves', {steps: '3'}, /has 1 recorded move\(s\), fewer than steps: 3/],
    ['moved outside the action', {}, /was moved outside the action/]
  ])('a rollback that cannot (%s) moves nothing and says why', async (title, values, message) => {
    const reg = new FakeRegistry();
    const v1 = published(reg, 'v1');
    if (title !== 'no history') await promote(prepared({from: 'v1', to: 'env-prod'}).p, {}, reg.api());
    if (title === 'moved outside the action') for (const n of NAMES) reg.tags.set(`${n}:env-prod`, published(reg, 'hand'));
    const before = new Map(reg.tags);
    const r = prepared({mode: 'rollback', to: 'env-prod', ...values});
    await expect(rollback(r.p, r.env, reg.api())).rejects.toThrow(message);
    expect([...reg.tags].filter(([k]) => !k.includes(':mp-hist-'))).toEqual([...before].filter(([k]) => !k.includes(':mp-hist-')));
    expect(v1).toBeDefined();
  });

  test('rollback to an explicit from (forced: older content), recorded as a rollback', async () => {
    const reg = new FakeRegistry();
    const v1 = published(reg, 'v1', 'c'.repeat(40));
    published(reg, 'v2', 'd'.repeat(40));
    await promote(prepared({from: 'v2', to: 'env-prod'}).p, {}, reg.api());
    const r = prepared({mode: 'rollback', to: 'env-prod', from: 'v1'});
    await rollback(r.p, r.env, reg.api());
    for (const n of NAMES) expect(reg.tags.get(`${n}:env-prod`)).toBe(v1);
    const h = await history(prepared({mode: 'history', to: 'env-prod'}).p, {}, reg.api());
    expect(h[0]!.entries.map(e => [e.kind, e.source])).toEqual([['promote', 'v2'], ['rollback', 'from v1']]);
  });
});

describe('history entries (pure)', () => {
  test('tags sort by time and are per channel', () => {
    const a = historyTag('env-prod', new Date(1000), 'aaaaaaaa');
    const b = historyTag('env-prod', new Date(2000), '00000000');
    const other = historyTag('env-qa', new Date(1500), 'bbbbbbbb');
    expect(channelTags([b, other, 'latest', a, 'mp-hist-zz'], 'env-prod')).toEqual([a, b]);
    expect(HISTORY_TAG_PATTERN.test(a)).toBe(true);
  });

  test.each<[string, unknown]>([
    ['another channel', {channel: 'env-qa'}],
    ['a bad digest', {after: 'sha256:x'}],
    ['an unknown kind', {kind: 'deploy'}]
  ])('an entry manifest with %s is not an entry of env-prod', (_t, over) => {
    const e = {channel: 'env-prod', at: '2026-12-01T00:00:00.000Z', before: null, after: `sha256:${'a'.repeat(64)}`, kind: 'promote' as const, source: 'v1', commit: '', run: '', actor: '', ...(over as object)};
    const json = JSON.parse(new TextDecoder().decode(entryManifest(e as never).bytes));
    expect(parseEntry(json, 'env-prod')).toBeUndefined();
    expect(parseEntry(JSON.parse(new TextDecoder().decode(entryManifest({...e, channel: 'env-prod', after: `sha256:${'a'.repeat(64)}`, kind: 'promote'}).bytes)), 'env-prod')).toMatchObject({source: 'v1'});
  });
});

describe('to-registry: the content copied, digests kept', () => {
  test('index, platform manifests, config blobs and a signature tag reach the other registry; the tags there are the source digest', async () => {
    const reg = new FakeRegistry();
    const v1 = published(reg, 'v1');
    // a cosign-style signature stored beside the index, with a layer blob of its own
    const sigLayer = '{"critical":{}}';
    reg.blobs.set(`${NAMES[0]}@${sha256(sigLayer)}`, sigLayer);
    const sig = reg.put(NAMES[0], {schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(sigLayer), size: sigLayer.length}, layers: [{mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json', digest: sha256(sigLayer), size: sigLayer.length}]});
    reg.tags.set(`${NAMES[0]}:${v1.replace(':', '-')}.sig`, sig);
    const {p, env, outputs} = prepared({from: 'v1', to: 'env-prod', 'to-registry': 'other.test'});
    await promote(p, env, reg.api());
    for (const n of NAMES) {
      const target = n.replace('reg.test/', 'other.test/');
      expect(reg.tags.get(`${target}:env-prod`)).toBe(v1);
      const index = JSON.parse(reg.manifests.get(`${target}@${v1}`)!);
      expect(reg.manifests.get(`${target}@${v1}`)).toBe(reg.manifests.get(`${n}@${v1}`));
      for (const m of index.manifests) expect(reg.manifests.has(`${target}@${m.digest}`)).toBe(true);
      // the source registry's tags are untouched
      expect(reg.tags.has(`${n}:env-prod`)).toBe(false);
    }
    expect(reg.tags.get(`other.test/acme/api:${v1.replace(':', '-')}.sig`)).toBe(sig);
    expect(reg.blobs.has(`other.test/acme/api@${sha256(sigLayer)}`)).toBe(true);
    expect(JSON.parse(outputs()['promotions']!).map((x: {image: string}) => x.image)).toEqual(['other.test/acme/api', 'other.test/acme/worker']);
  });

  test('a blob that cannot be read: nothing is tagged in the other registry, and the error says what stays', async () => {
    const reg = new FakeRegistry();
    const v1 = published(reg, 'v1');
    for (const k of [...reg.blobs.keys()]) if (k.startsWith(`${NAMES[1]}@`)) reg.blobs.delete(k);
    const {p, env} = prepared({from: 'v1', to: 'env-prod', 'to-registry': 'other.test'});
    await expect(promote(p, env, reg.api())).rejects.toThrow(/copying reg\.test\/acme\/worker@sha256:[0-9a-f]+ to other\.test\/acme\/worker failed: .*no tag was moved \(what was copied stays in other\.test by digest, untagged\)/);
    expect([...reg.tags.keys()].filter(k => k.startsWith('other.test/'))).toEqual([]);
    expect(v1).toBeDefined();
  });

  test.each([['https://other.test/'], ['Other.Test:5000']])('to-registry %s is a host', value => {
    expect(getInputs({GITHUB_REPOSITORY: 'acme/app', ...inputEnv({mode: 'promote', from: 'v1', to: 'x', 'to-registry': value})}).promote.toRegistry).toBe(value.includes('5000') ? 'other.test:5000' : 'other.test');
  });

  test.each([['other.test/path'], ['bad host!']])('to-registry %s is refused naming the input', value => {
    expect(() => getInputs({GITHUB_REPOSITORY: 'acme/app', ...inputEnv({mode: 'promote', from: 'v1', to: 'x', 'to-registry': value})})).toThrow(/Input "to-registry": is not a registry host/);
  });
});

describe('history entries are the registry text: never a workflow command, never live markup', () => {
  test('an entry whose source and actor hold line breaks and markup stays one log line and escaped text in the summary', async () => {
    const reg = new FakeRegistry();
    const v1 = published(reg, 'v1');
    const hostile = {channel: 'env-prod', at: '2026-12-01T00:00:00.000Z', before: null, after: v1, kind: 'promote' as const, source: 'v1\n::warning::pwned', commit: '', run: '1\r\n::error::x', actor: '<img src=x onerror=alert(1)>|`'};
    const bytes = entryManifest(hostile).bytes;
    const d = sha256(bytes);
    reg.manifests.set(`${NAMES[0]}@${d}`, new TextDecoder().decode(bytes));
    reg.tags.set(`${NAMES[0]}:${historyTag('env-prod', new Date(1000), 'abcdef01')}`, d);
    const {p, env} = prepared({mode: 'history', to: 'env-prod', summary: 'true'});
    const summaryFile = join(mkdtempSync(join(work, 's-')), 'summary');
    writeFileSync(summaryFile, '');
    const lines: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      await history({...p, plan: {...p.plan, builds: [p.plan.builds[0]!]}}, {...env, GITHUB_STEP_SUMMARY: summaryFile}, reg.api());
    } finally {
      process.stdout.write = write;
    }
    const {flushSummary} = await import('../../../src/action/runner.js');
    await flushSummary();
    const log = lines.join('').split(/\r\n|\n|\r/);
    expect(log.filter(l => /^::(warning|error)::/.test(l))).toEqual([]);
    const summary = readFileSync(summaryFile, 'utf8');
    // escaped as report/escape.ts escapes text: a backslash before every markup character
    expect(summary).not.toMatch(/(?<!\\)<img/);
    expect(summary).toContain('\\<img');
    expect(summary.split('\n').filter(l => l.startsWith('| 2026-'))).toHaveLength(1);
  });
});
