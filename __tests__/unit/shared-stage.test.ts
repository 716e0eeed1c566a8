// Whose failure a failed step of a shared stage is: the stages a target needs (pure, from the
// Dockerfile), and the targets BuildKit's log did not name but that needed the failed step.
import {afterAll, describe, expect, test} from '@jest/globals';
import {mkdtempSync, rmSync, writeFileSync, copyFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {stagesNeeded} from '../../src/pipeline/dockerfile-stages.js';
import {sharedStageFailures, stageOf} from '../../src/engine/steps/build.js';
import {parseFailures} from '../../src/engine/bake.js';
import {fixture} from './engine/fake-buildx.js';
import {buildPlan} from './engine/factory.js';

const DOCKERFILE = `# syntax=docker/dockerfile:1
FROM scratch AS base
RUN make
FROM base AS tools
FROM scratch AS assets
COPY x /x
FROM tools AS api
COPY --from=assets /x /x
FROM scratch AS worker
RUN --mount=type=bind,from=Tools,target=/t true
FROM scratch
COPY --from=0 /a /a
`;

describe('stagesNeeded', () => {
  test.each([
    ['api', ['api', 'tools', 'base', 'assets']],
    ['worker', ['worker', 'tools', 'base']],
    ['assets', ['assets']],
    ['BASE', ['base']],
    [undefined, ['5', 'base']]
  ])('%s', async (target, stages) => {
    expect([...(await stagesNeeded(DOCKERFILE, target))!].sort()).toEqual([...stages].sort());
  });
  test('a stage that is not there', async () => {
    expect(await stagesNeeded(DOCKERFILE, 'nope')).toBeUndefined();
  });
});

describe('stageOf', () => {
  test.each([
    ['[api base 2/2] RUN make', 'base'],
    ['[api linux/arm64 base 2/3] RUN make', 'base'],
    ['[api 2/2] RUN make', undefined],
    ['[api linux/amd64 2/2] RUN make', undefined],
    ['[api stage-1 2/2] RUN make', undefined],
    ['[api internal] load build definition from Dockerfile', undefined]
  ])('%s', (step, stage) => expect(stageOf(step)).toBe(stage));
});

describe('sharedStageFailures', () => {
  const work = mkdtempSync(join(tmpdir(), 'mp-shared-stage-'));
  afterAll(() => rmSync(work, {recursive: true, force: true}));
  copyFileSync(join(__dirname_of(), 'fixtures', 'engine', 'shared-stage.Dockerfile'), join(work, 'Dockerfile'));
  writeFileSync(join(work, 'Other.Dockerfile'), 'FROM scratch AS base\nRUN make\nFROM base AS api\n');
  const builds = [
    buildPlan({id: 'api', images: ['r/api'], file: 'Dockerfile', context: '.', target: 'api', platforms: ['linux/amd64']}),
    buildPlan({id: 'worker', images: ['r/worker'], file: 'Dockerfile', context: '.', target: 'worker', platforms: ['linux/amd64']})
  ];

  test('the real log that named only worker: api needed the same step (same Dockerfile, context, args, platform), so it failed too', async () => {
    const failures = parseFailures(fixture('bake-failed-shared-stage-one-named.log').split('\n'), ['api', 'worker']);
    const more = await sharedStageFailures(failures, builds, work);
    expect(more.map(f => [f.target, f.step.slice(0, 16), f.sharedWith])).toEqual([['api', '[api base 2/2] R', ['worker']]]);
    expect(failures[0]!.sharedWith).toEqual(['api']);
  });

  test.each([
    ['other build arguments', {buildArgs: {X: '1'}}],
    ['another Dockerfile', {file: 'Other.Dockerfile'}],
    ['another context', {context: 'sub'}],
    ['another platform only', {platforms: ['linux/arm64']}],
    ['a target stage that does not need base', {target: 'base-less'}]
  ])('%s: nothing inferred', async (_what, over) => {
    const failures = parseFailures(fixture('bake-failed-shared-stage-one-named.log').split('\n'), ['api', 'worker']);
    const other = [builds[1]!, buildPlan({...builds[0]!, ...over})];
    expect(await sharedStageFailures(failures.map(f => ({...f, platform: 'linux/amd64'})), other, work)).toEqual([]);
  });
});

function __dirname_of(): string {
  return join(process.cwd(), '__tests__');
}
