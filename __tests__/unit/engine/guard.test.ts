// steps/guard.ts through the fake seam: what a mutable tag points at now is read from its image config
// labels, the compare API is asked once per commit, and the tags that would move backwards are skipped.
import {describe, expect, jest, test} from '@jest/globals';
import {guard, movesOf, withoutSkipped, type PlannedMove} from '../../../src/engine/steps/guard.js';
import type {Comparison} from '../../../src/pipeline/context/github-api.js';
import {skippedTagsOutput, skippedTagsSummary} from '../../../src/report/index.js';
import {FakeBuildx, IMAGE} from './fake-buildx.js';
import {buildPlan} from './factory.js';

const OURS = 'aaaaaaa111111111111111111111111111111111';
const THEIRS = 'bbbbbbb222222222222222222222222222222222';
const OLD = 'sha256:' + '1'.repeat(64);
const NEW = 'sha256:' + '2'.repeat(64);
const OTHER = `${IMAGE.replace(/app$/, 'other')}`;

/** A fake registry where `tags` of `name` point at an image of commit `revision`, created at `created`. */
function registry(o: {revision?: string; created?: string; index?: boolean; tags?: string[]; name?: string} = {}): FakeBuildx {
  const fake = new FakeBuildx();
  const name = o.name ?? IMAGE;
  const labels: Record<string, string> = {};
  if (o.revision !== undefined) labels['org.opencontainers.image.revision'] = o.revision;
  if (o.created !== undefined) labels['org.opencontainers.image.created'] = o.created;
  const config = {architecture: 'amd64', os: 'linux', config: {Labels: labels}};
  fake.manifests.set(`${name}@${OLD}`, {image: o.index ? {'linux/amd64': config, 'linux/arm64': {...config, architecture: 'arm64'}} : config});
  for (const t of o.tags ?? ['latest', 'main']) fake.tags.set(`${name}:${t}`, OLD);
  return fake;
}

const moves = (tags: string[], name = IMAGE): PlannedMove[] => tags.map(tag => ({name, tag, digest: NEW}));
const answer = (status: Comparison['status'], dates: Partial<Comparison> = {}) => jest.fn(async (): Promise<Comparison | undefined> => ({status, aheadBy: 0, behindBy: 0, ...dates}));

describe('guard step', () => {
  test.each<[string, Comparison['status'] | undefined, boolean, string[]]>([
    ['ours behind: latest and main skipped', 'behind', false, ['latest', 'main']],
    ['ours behind, forced: nothing skipped', 'behind', true, []],
    ['ours ahead: nothing skipped', 'ahead', false, []],
    ['identical: nothing skipped', 'identical', false, []],
    ['no answer, our image older by date: skipped', undefined, false, ['latest', 'main']]
  ])('%s', async (_, status, force, want) => {
    const fake = registry({revision: THEIRS, created: '2026-01-02T00:00:00Z', index: true});
    const compare = status ? answer(status) : jest.fn(async (): Promise<Comparison | undefined> => undefined);
    const result = await guard({buildx: fake, moves: moves(['latest', `sha-${OURS.slice(0, 7)}`, 'main']), sha: OURS, created: new Date('2026-01-01T00:00:00Z'), force, compare});
    expect(result.skipped.map(s => s.tag)).toEqual(want);
    // asked once for the one commit both tags hold, base = theirs, head = ours
    expect(compare.mock.calls).toEqual([[THEIRS, OURS]]);
    // the immutable tag is not even read
    expect(fake.callsOf('imagetoolsInspect').map(a => a[0])).toEqual([`${IMAGE}:latest`, `${IMAGE}:main`]);
    expect(fake.callsOf('imagetoolsInspect').every(a => a[1] === '{{json .Image}}')).toBe(true);
  });

  test('diverged: the commit dates from the compare answer decide', async () => {
    const fake = registry({revision: THEIRS, created: '2020-01-01T00:00:00Z'});
    const later = answer('diverged', {baseDate: new Date('2026-02-01T00:00:00Z'), headDate: new Date('2026-01-01T00:00:00Z')});
    expect((await guard({buildx: fake, moves: moves(['latest']), sha: OURS, created: new Date('2026-03-01T00:00:00Z'), force: false, compare: later})).skipped).toHaveLength(1);
    const earlier = answer('diverged', {baseDate: new Date('2026-01-01T00:00:00Z'), headDate: new Date('2026-02-01T00:00:00Z')});
    expect((await guard({buildx: fake, moves: moves(['latest']), sha: OURS, force: false, compare: earlier})).skipped).toHaveLength(0);
  });

  test.each<[string, {revision?: string; created?: string}, number]>([
    ['same commit', {revision: OURS}, 0],
    ['no revision label', {created: '2030-01-01T00:00:00Z'}, 0],
    ['a revision that is no SHA is never sent to the API', {revision: '../../x?y', created: '2030-01-01T00:00:00Z'}, 0]
  ])('%s: moves, the API not asked', async (_, labels, n) => {
    const compare = answer('behind');
    const result = await guard({buildx: registry(labels), moves: moves(['latest']), sha: OURS, created: new Date('2026-01-01T00:00:00Z'), force: false, compare});
    expect(result.skipped).toHaveLength(n);
    expect(compare).not.toHaveBeenCalled();
  });

  test('a tag that does not exist moves; a tag that cannot be read moves with a warning', async () => {
    const fake = registry({revision: THEIRS, tags: []});
    expect((await guard({buildx: fake, moves: moves(['latest']), sha: OURS, force: false, compare: answer('behind')})).skipped).toEqual([]);
    const unreadable = new FakeBuildx();
    unreadable.tags.set(`${IMAGE}:latest`, OLD); // tag there, manifest gone: the fake fails otherwise than "not found"?
    unreadable.manifests.set(`${IMAGE}@${OLD}`, {});
    const warn = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect((await guard({buildx: unreadable, moves: moves(['latest']), sha: OURS, force: false, compare: answer('behind')})).skipped).toEqual([]);
      expect(warn.mock.calls.map(c => String(c[0])).join('')).toMatch(/::warning::Cannot read what .*:latest points at/);
    } finally {
      warn.mockRestore();
    }
  });

  test('skips are per image name; withoutSkipped splits builds by name and drops names left with no tag', async () => {
    const fake = registry({revision: THEIRS});
    const verified = [{build: buildPlan({images: [IMAGE, OTHER], tagNames: ['latest', 'main']}), digest: NEW, images: []}];
    const planned = movesOf(verified);
    expect(planned.map(m => `${m.name}:${m.tag}`)).toEqual([`${IMAGE}:latest`, `${IMAGE}:main`, `${OTHER}:latest`, `${OTHER}:main`]);
    const {skipped} = await guard({buildx: fake, moves: planned, sha: OURS, force: false, compare: answer('behind')});
    expect(skipped.map(s => `${s.name}:${s.tag}`)).toEqual([`${IMAGE}:latest`, `${IMAGE}:main`]);
    const moving = withoutSkipped(verified, skipped);
    expect(moving.map(v => [v.build.images, v.build.tagNames])).toEqual([[[OTHER], ['latest', 'main']]]);
    expect(withoutSkipped(verified, [])).toBe(verified);
    expect(skippedTagsOutput(skipped)).toBe(`${IMAGE}:latest\n${IMAGE}:main`);
  });

  test('the summary part escapes names and reasons', () => {
    expect(skippedTagsSummary([])).toBe('');
    const md = skippedTagsSummary([{name: 'r/a`b', tag: 'x|y', reason: 'points at <img src=x>'}]);
    expect(md).toContain('### Skipped tags');
    expect(md).toContain('``r/a`b:x\\|y``');
    expect(md).toContain('\\<img src=x\\>');
  });
});
