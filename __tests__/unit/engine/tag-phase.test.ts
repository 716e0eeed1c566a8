// The tag phase (src/engine/steps/tags.ts) through the fake seam: order, retries with a bounded window,
// the restore of what moved, what could not be restored, 4xx without retry, re-runs, cancellation.
import {describe, expect, test} from '@jest/globals';
import {tags, TagPhaseError, withRetry, type Clock, type TagMove, type TagsInput} from '../../../src/engine/steps/tags.js';
import {transientFailure} from '../../../src/engine/steps/retry.js';
import {RegistryHttpFailure} from '../../../src/engine/registry-api.js';
import {CommandError} from '../../../src/engine/exec.js';
import {tagMovesSection} from '../../../src/report/summary.js';
import {FakeBuildx, DIGEST, IMAGE, type FakeOptions} from './fake-buildx.js';

const NEW = DIGEST.index;
const OLD = DIGEST.amd64OnlyIndex;
const E503 = 'ERROR: failed to push: unexpected status from PUT request: 503 Service Unavailable';
const E401 = 'ERROR: failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized';
const RESET = 'ERROR: failed to do request: Put "http://r/v2/app/manifests/latest": read tcp: connection reset by peer';

/** A clock that advances only when slept on: a "minute" of retries runs in no time. */
function fakeClock(): Clock & {slept: number[]} {
  let t = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async ms => void (slept.push(ms), (t += ms)),
    random: () => 1
  };
}

const move = (tag: string, kind: TagMove['kind'], name = IMAGE): TagMove => ({name, tag, digest: NEW, kind});
// plan order mixes kinds on purpose: the phase orders them
const MOVES = [move('latest', 'mutable'), move('sha-abc1234', 'immutable'), move('main', 'mutable'), move('1.2.3', 'immutable')];

/** A registry holding the new index and an older one, `latest` and `main` at the older one. */
function registry(o: FakeOptions = {}): FakeBuildx {
  const fake = new FakeBuildx(o).pushCaptured().pushAmd64OnlyAs(IMAGE, OLD);
  fake.tags.set(`${IMAGE}:latest`, OLD);
  fake.tags.set(`${IMAGE}:main`, OLD);
  return fake;
}

const run = (fake: FakeBuildx, over: Partial<TagsInput> = {}) => tags({buildx: fake, moves: MOVES, retryTimeoutMs: 60_000, clock: fakeClock(), ...over});
const written = (fake: FakeBuildx) => fake.tagWrites.map(a => `${String(a[0]).slice(IMAGE.length + 1)}@${String(a[1]) === `${IMAGE}@${NEW}` ? 'new' : 'old'}`);
const failWrites = (pred: (ref: string, n: number) => boolean, stderr = E503): FakeOptions => ({faults: {writeTag: ([ref], n) => (pred(ref.slice(IMAGE.length + 1), n) ? stderr : undefined)}});

describe('tag phase: order and idempotence', () => {
  test('immutable tags are written first, mutable last; each tag once; old digests read first', async () => {
    const fake = registry();
    const r = await run(fake);
    expect(written(fake)).toEqual(['sha-abc1234@new', '1.2.3@new', 'latest@new', 'main@new']);
    expect(fake.methods.lastIndexOf('tagDigest')).toBeLessThan(fake.methods.indexOf('writeTags'));
    expect(r.outcomes.map(o => [o.tag, o.previous, o.state])).toEqual([
      ['sha-abc1234', undefined, 'moved'],
      ['1.2.3', undefined, 'moved'],
      ['latest', OLD, 'moved'],
      ['main', OLD, 'moved']
    ]);
    expect(r.moved).toEqual([{name: IMAGE, tags: ['latest', 'sha-abc1234', 'main', '1.2.3'], digest: NEW}]); // the plan's order
  });

  test('a re-run completes the release: tags already at the index are not written again', async () => {
    const fake = registry();
    fake.tags.set(`${IMAGE}:sha-abc1234`, NEW);
    fake.tags.set(`${IMAGE}:latest`, NEW);
    const r = await run(fake);
    expect(written(fake)).toEqual(['1.2.3@new', 'main@new']);
    expect(r.outcomes.filter(o => o.state === 'unchanged').map(o => o.tag)).toEqual(['sha-abc1234', 'latest']);
    const again = registry();
    for (const m of MOVES) again.tags.set(`${IMAGE}:${m.tag}`, NEW);
    await run(again);
    expect(again.callsOf('writeTags')).toEqual([]);
  });
});

describe('tag phase: retries', () => {
  test.each([
    ['503', E503],
    ['connection reset', RESET],
    ['timeout', 'ERROR: failed to do request: Put "http://r/v2/app/manifests/1.2.3": net/http: TLS handshake timeout']
  ])('transient (%s) for a while: retried with growing waits, then every tag moves', async (_, stderr) => {
    const fake = registry(failWrites((tag, n) => tag === '1.2.3' && n < 5, stderr));
    const clock = fakeClock();
    const r = await run(fake, {clock});
    expect(r.outcomes.every(o => o.state === 'moved')).toBe(true);
    expect(written(fake).filter(t => t === '1.2.3@new')).toHaveLength(5); // calls 1..4 failed, the fifth went through
    // full jitter with random() = 1: the cap of each wait, doubling
    expect(clock.slept).toEqual([500, 1000, 2000, 4000]);
    expect(written(fake).indexOf('latest@new')).toBeGreaterThan(written(fake).lastIndexOf('1.2.3@new'));
  });

  test('the waits stop at 8 s and never pass the window', async () => {
    const clock = fakeClock();
    let n = 0;
    const fail = async () => {
      n++;
      throw new CommandError('x', {code: 1, stdout: '', stderr: E503});
    };
    await expect(withRetry('x', fail, 20_000, clock)).rejects.toThrow(CommandError);
    expect(clock.slept).toEqual([500, 1000, 2000, 4000, 8000, 4500]);
    expect(clock.slept.reduce((a, b) => a + b)).toBe(20_000);
    expect(n).toBe(7);
  });

  test.each([
    ['401', E401],
    ['403', 'ERROR: failed to push: unexpected status from PUT request: 403 Forbidden'],
    ['denied', 'ERROR: denied: requested access to the resource is denied'],
    ['400', 'ERROR: failed to push: unexpected status from PUT request: 400 Bad Request']
  ])('%s: no retry; nothing else is written, what moved is put back', async (_, stderr) => {
    const fake = registry(failWrites(tag => tag === 'latest', stderr));
    const clock = fakeClock();
    const err = (await run(fake, {clock}).catch(e => e)) as TagPhaseError;
    expect(err).toBeInstanceOf(TagPhaseError);
    expect(clock.slept).toEqual([]);
    expect(written(fake).filter(t => t === 'latest@new')).toHaveLength(1);
    expect(err.message).toMatch(new RegExp(`^The registry refused to move ${IMAGE}:latest: `));
  });

  test.each([
    [new RegistryHttpFailure('x', 503), true],
    [new RegistryHttpFailure('x', 429), true],
    [new RegistryHttpFailure('x', 401), false],
    [new RegistryHttpFailure('x', 404), false],
    [Object.assign(new Error('fetch failed'), {cause: new Error('connect ECONNREFUSED 127.0.0.1:1')}), true],
    [new Error('socket hang up'), true],
    [new Error('something else'), false]
  ])('transientFailure(%p) = %s', (e, expected) => {
    expect(transientFailure(e)).toBe(expected);
  });
});

describe('tag phase: many tags', () => {
  test('one create per name and kind: 40 names, at most 8 creates at once; after one fails for good no other starts', async () => {
    const fake = registry();
    const names = Array.from({length: 40}, (_, n) => `${IMAGE}-${n}`);
    for (const name of names) fake.pushCaptured(name);
    const moves = names.flatMap(name => [move('latest', 'mutable', name), move('edge', 'mutable', name)]);
    let inFlight = 0;
    let most = 0;
    const write = fake.writeTags.bind(fake);
    fake.writeTags = async (refs, source) => {
      most = Math.max(most, ++inFlight);
      await new Promise(res => setTimeout(res, 2));
      inFlight--;
      if (refs[0].startsWith(`${IMAGE}-3:`)) throw new CommandError('x', {code: 1, stdout: '', stderr: E401});
      return write(refs, source);
    };
    const err = (await tags({buildx: fake, moves, retryTimeoutMs: 0}).catch(e => e)) as TagPhaseError;
    expect(most).toBe(8);
    expect(fake.callsOf('writeTags').every(([refs]) => (refs as string[]).length === 2)).toBe(true);
    expect(err.outcomes.filter(o => o.state === 'not-moved').length).toBeGreaterThan(40);
    expect(err.unrestored).toEqual([]);
  });

  test('a create that fails part-way: the tags that went through count as moved (read back), only the others are tried again', async () => {
    // buildx pushes a create's tags concurrently: latest goes through, main fails twice
    const fake = registry(failWrites((tag, n) => tag === 'main' && n < 5));
    const clock = fakeClock();
    const r = await run(fake, {clock});
    expect(r.outcomes.every(o => o.state === 'moved')).toBe(true);
    expect(fake.callsOf('writeTags').map(([refs]) => (refs as string[]).map(t => t.slice(IMAGE.length + 1)))).toEqual([
      ['sha-abc1234', '1.2.3'],
      ['latest', 'main'],
      ['main'],
      ['main']
    ]);
    expect(clock.slept).toEqual([500, 1000]);
  });

  test('a create that fails for good part-way: what went through is put back, the failed tag is named', async () => {
    const fake = registry(failWrites(tag => tag === 'main'));
    const err = (await run(fake, {retryTimeoutMs: 0}).catch(e => e)) as TagPhaseError;
    expect(err.message).toMatch(new RegExp(`^The registry refused to move ${IMAGE}:main: `));
    expect(err.outcomes.map(o => [o.tag, o.state])).toEqual([
      ['sha-abc1234', 'removed'],
      ['1.2.3', 'removed'],
      ['latest', 'restored'],
      ['main', 'failed']
    ]);
    expect(fake.tags.get(`${IMAGE}:latest`)).toBe(OLD);
    // the restore: one create per name and previous index
    expect(fake.callsOf('writeTags').at(-1)).toEqual([[`${IMAGE}:latest`], `${IMAGE}@${OLD}`]);
  });

  test('given where the tags point (publish read it before the guard): not read again', async () => {
    const fake = registry();
    const current = new Map(MOVES.map(m => [`${m.name}:${m.tag}`, fake.tags.get(`${m.name}:${m.tag}`)]));
    await run(fake, {current});
    expect(fake.callsOf('tagDigest')).toEqual([]);
    expect(fake.tags.get(`${IMAGE}:main`)).toBe(NEW);
  });
});

describe('tag phase: writes that still fail', () => {
  test('the window ends: tags that existed go back to their old digest, new ones are removed with their index', async () => {
    const fake = registry(failWrites(tag => tag === 'main'));
    const err = (await run(fake).catch(e => e)) as TagPhaseError;
    expect(err).toBeInstanceOf(TagPhaseError);
    expect(fake.tags.get(`${IMAGE}:latest`)).toBe(OLD);
    expect(fake.tags.get(`${IMAGE}:main`)).toBe(OLD);
    expect(fake.tags.has(`${IMAGE}:sha-abc1234`)).toBe(false);
    expect(fake.tags.has(`${IMAGE}:1.2.3`)).toBe(false);
    expect(fake.callsOf('deleteManifest')).toEqual([[IMAGE, NEW]]);
    expect(err.unrestored).toEqual([]);
    expect(err.message).toMatch(/Every tag this run had moved was put back \(or removed, if new\)/);
    expect(err.outcomes.map(o => [o.tag, o.state])).toEqual([
      ['sha-abc1234', 'removed'],
      ['1.2.3', 'removed'],
      ['latest', 'restored'],
      ['main', 'failed']
    ]);
  });

  test('an immutable tag failing: no mutable tag is written at all', async () => {
    const fake = registry(failWrites(tag => tag === '1.2.3'));
    await expect(run(fake)).rejects.toThrow(TagPhaseError);
    expect(written(fake).filter(t => /latest|main/.test(t))).toEqual([]);
    expect(fake.tags.get(`${IMAGE}:latest`)).toBe(OLD);
  });

  test('the restore fails too: each tag listed with old and new digest, in the error and the summary', async () => {
    // after the first two writes (the immutable ones) and `latest`, nothing goes through any more
    const fake = registry({...failWrites((_, n) => n >= 3), faults: {writeTag: (_, n) => (n >= 3 ? E503 : undefined), deleteManifest: () => E503}});
    const err = (await run(fake).catch(e => e)) as TagPhaseError;
    expect(err.unrestored.map(o => [o.tag, o.previous, o.digest])).toEqual([
      ['sha-abc1234', undefined, NEW],
      ['1.2.3', undefined, NEW],
      ['latest', OLD, NEW]
    ]);
    expect(err.message).toContain(`3 tag(s) moved by this run could not be put back (re-run the job to complete the release):`);
    expect(err.message).toContain(`  ${IMAGE}:latest: was ${OLD}, now ${NEW} (putting it back failed: failed to push: unexpected status from PUT request: 503 Service Unavailable)`);
    expect(err.message).toContain(`  ${IMAGE}:1.2.3: was absent (new tag), now ${NEW}`);
    const summary = tagMovesSection({outcomes: err.outcomes, error: err.message}).join('\n');
    expect(summary).toContain(`| \`${IMAGE}:latest\` | mutable | \`${OLD}\` | \`${NEW}\` | ❌ NOT restored`);
    expect(summary).toContain(`| \`${IMAGE}:1.2.3\` | immutable | _new_ | \`${NEW}\` | ❌ NOT restored`);
    expect(summary).toContain(`| \`${IMAGE}:main\` | mutable | \`${OLD}\` | \`${OLD}\` | ❌ write failed`);
    expect(summary).toMatch(/\*\*Not restored\*\* \(re-run the job to complete the release\): `[^`]+:sha-abc1234` `[^`]+:1\.2\.3` `[^`]+:latest`/);
  });

  test('a new tag whose index another tag also points at is not deleted (a delete by digest would remove that one too)', async () => {
    const fake = registry(failWrites(tag => tag === 'main'));
    fake.tags.set(`${IMAGE}:1.2.2-rebuilt`, NEW);
    fake.tags.set(`${IMAGE}:mp-staging-1-1-abc1234`, NEW);
    const err = (await run(fake, {ownTags: ['mp-staging-1-1-abc1234']}).catch(e => e)) as TagPhaseError;
    expect(fake.callsOf('deleteManifest')).toEqual([]);
    expect(fake.tags.get(`${IMAGE}:1.2.2-rebuilt`)).toBe(NEW);
    expect(err.unrestored.map(o => o.tag)).toEqual(['sha-abc1234', '1.2.3']);
    expect(err.unrestored[0].note).toMatch(/also tagged 1\.2\.2-rebuilt, and a delete by digest would remove those too/);
    expect(err.unrestored[0].note).not.toMatch(/mp-staging/);
  });

  test('a registry that does not allow deleting: new tags listed, existing ones put back', async () => {
    const fake = registry({...failWrites(tag => tag === 'main'), noDelete: true});
    const err = (await run(fake).catch(e => e)) as TagPhaseError;
    expect(err.unrestored.map(o => [o.tag, o.note])).toEqual([
      ['sha-abc1234', 'new tag left: the registry does not allow deleting manifests'],
      ['1.2.3', 'new tag left: the registry does not allow deleting manifests']
    ]);
    expect(fake.tags.get(`${IMAGE}:latest`)).toBe(OLD);
  });

  test('the current digests cannot be read: nothing is written', async () => {
    const fake = registry({faults: {tagDigest: () => E503}});
    await expect(run(fake, {retryTimeoutMs: 3000})).rejects.toThrow(/^No tag was moved: reading where the tags point failed: .*503 Service Unavailable/);
    expect(fake.callsOf('writeTag')).toEqual([]);
  });

  test('a release that went through: the Tag moves table is collapsed, with the counts', async () => {
    const fake = registry();
    fake.tags.set(`${IMAGE}:latest`, NEW);
    const r = await run(fake);
    const lines = tagMovesSection({outcomes: r.outcomes});
    expect(lines[0]).toBe('<details><summary>Tag moves: 3 moved, 1 already there</summary>');
    expect(lines).toContain(`| \`${IMAGE}:latest\` | mutable | \`${NEW}\` | \`${NEW}\` | ✅ already there |`);
    expect(lines).toContain(`| \`${IMAGE}:main\` | mutable | \`${OLD}\` | \`${NEW}\` | ✅ moved |`);
    expect(lines.at(-2)).toBe('</details>');
  });

  test('a tag name with markup is escaped in the summary', () => {
    const lines = tagMovesSection({outcomes: [{...move('x', 'mutable', 'r/<img src=x>|a'), state: 'not-restored', note: '<b>bad</b> | x'}], error: 'boom <h1>'}).join('\n');
    // outside code spans no markup is left; inside one it is literal text
    expect(lines.replace(/`[^`]*`/g, '')).not.toMatch(/<img|<b>|<h1>/);
    expect(lines).toContain('`r/<img src=x>\\|a:x`');
    expect(lines).toContain('\\<b\\>bad\\</b\\> \\| x');
  });
});

describe('tag phase: cancelled', () => {
  test('a cancel during a retry wait ends the wait: no more retries, what moved is put back at once', async () => {
    const controller = new AbortController();
    const fake = registry(failWrites(tag => tag === 'main'));
    // the real clock: a wait of up to a minute, cut short by the abort
    const started = Date.now();
    setTimeout(() => controller.abort(), 200);
    const err = (await tags({buildx: fake, moves: MOVES, retryTimeoutMs: 60_000, signal: controller.signal}).catch(e => e)) as TagPhaseError;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(err).toBeInstanceOf(TagPhaseError);
    expect(fake.tags.get(`${IMAGE}:latest`)).toBe(OLD);
    expect(fake.tags.has(`${IMAGE}:1.2.3`)).toBe(false);
  });

  test('cancelled before the writes: the phase still finishes (each write tried once), the release is complete', async () => {
    const controller = new AbortController();
    controller.abort();
    const fake = registry(failWrites((tag, n) => tag === 'latest' && n === 2));
    const err = await run(fake, {signal: controller.signal}).catch(e => e);
    // one failure after a cancel is not retried: restore
    expect(err).toBeInstanceOf(TagPhaseError);
    const ok = registry();
    const r = await run(ok, {signal: controller.signal});
    expect(r.outcomes.every(o => o.state === 'moved')).toBe(true);
  });
});
