// publish() with cache mounts, through the fake seam and the real @actions/cache against the local
// stand-in of the cache service: the copy-in step runs before the bake (only when something was
// restored), the copy-out step after a successful bake, none after a failed one; the summary has the
// Cache mounts part.
import {flushSummary} from '../../../src/action/runner.js';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, test} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {pack} from 'tar-stream';
import {publish} from '../../../src/engine/publish.js';
import type {BuildRun} from '../../../src/engine/buildx.js';
import type {Prepared} from '../../../src/pipeline/prepare.js';
import {FakeBuildx, fixture, IMAGE} from './fake-buildx.js';
import {buildPlan, engineInputs, plan} from './factory.js';
import {removeTempDirs, tempDir} from '../../support/git.js';
import {startCacheService, storedEntries, type CacheService} from '../../support/cache-service.js';

const VARS = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2', 'ACTIONS_CACHE_MODE', 'GITHUB_SERVER_URL', 'GITHUB_WORKSPACE', 'GITHUB_STATE', 'GITHUB_RUN_ID', 'RUNNER_TEMP'];
const saved = Object.fromEntries(VARS.map(v => [v, process.env[v]]));
let service: CacheService;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  service = await startCacheService();
});
afterAll(async () => {
  await service.close();
  removeTempDirs();
});

beforeEach(() => {
  dir = tempDir('mp-cm-publish-');
  fs.mkdirSync(path.join(dir, 'ws'));
  fs.writeFileSync(path.join(dir, 'ws', 'Dockerfile'), 'FROM scratch\nRUN --mount=type=cache,target=/cache sh -c "echo run >> /cache/log"\n');
  for (const f of ['state', 'output', 'summary']) fs.writeFileSync(path.join(dir, f), '');
  fs.mkdirSync(path.join(dir, 'tmp'));
  // @actions/cache reads process.env; the step's availability check reads the env publish is handed
  Object.assign(process.env, service.env, {GITHUB_WORKSPACE: path.join(dir, 'ws'), GITHUB_STATE: path.join(dir, 'state'), GITHUB_RUN_ID: '4242', RUNNER_TEMP: path.join(dir, 'tmp')});
  env = {...service.env, RUNNER_TEMP: path.join(dir, 'tmp'), HOME: path.join(dir, 'home'), GITHUB_OUTPUT: path.join(dir, 'output'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary'), GITHUB_RUN_ID: '4242'};
});

afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

function prepared(): Prepared {
  return {
    inputs: {engine: engineInputs({cacheMounts: {mode: 'auto'}}), githubToken: '', summary: true},
    ctx: {actor: 'octocat', defaultBranch: 'main', shortSha: 'a1b2c3d'},
    plan: plan([buildPlan({images: [IMAGE]})], {push: true}),
    metadata: {},
    credentials: [{registry: '127.0.0.1:5000', username: 'ci', password: 'ci-secret'}],
    warnings: []
  } as unknown as Prepared;
}

/** The copy-out step as the builder answers it: a tar per mount directory named in the generated Dockerfile. */
async function writeExtract(o: BuildRun, body: string): Promise<void> {
  if (o.output.type !== 'local') return;
  const names = [...fs.readFileSync(o.file, 'utf8').matchAll(/\/mp-out\/(m-[0-9a-f]{16})\/cache\.tar/g)].map(m => m[1]);
  for (const name of names) {
    const p = pack();
    const chunks: Buffer[] = [];
    p.on('data', (c: unknown) => void chunks.push(c as Buffer));
    const ended = new Promise<void>(r => p.on('end', () => r()));
    p.entry({name: './', type: 'directory'});
    p.entry({name: './log', mtime: new Date(1_700_000_000_000)}, body);
    p.finalize();
    await ended;
    fs.mkdirSync(path.join(o.output.dest, name), {recursive: true});
    fs.writeFileSync(path.join(o.output.dest, name, 'cache.tar'), Buffer.concat(chunks));
  }
}

/** A fake builder whose copy-out step finds `body` in the mount. */
function fakeWith(body: string, bakeCode = 0): FakeBuildx {
  const fake = bakeCode ? new FakeBuildx({bakes: [{code: bakeCode, log: fixture('bake-failed-single-target.log')}]}) : new FakeBuildx().pushCaptured();
  const build = fake.build.bind(fake);
  fake.build = async (o: BuildRun) => {
    await writeExtract(o, body);
    return build(o);
  };
  return fake;
}

const summary = async () => {
  await flushSummary();
  return fs.readFileSync(path.join(dir, 'summary'), 'utf8');
};

describe('publish with cache mounts', () => {
  test('run 1: nothing restored, no copy-in; after the bake the mount is copied out and saved. Run 2: copied in before the bake, unchanged: not saved again', async () => {
    const first = fakeWith('run\n');
    await publish(prepared(), env, {}, first);
    expect(first.methods.filter(m => m === 'bake' || m === 'build')).toEqual(['bake', 'build']);
    expect((first.callsOf('build')[0][0] as BuildRun).output.type).toBe('local');
    const entries = storedEntries(service.dir).filter(e => e.key.startsWith('multiarch-publish-mount-cache-'));
    expect(entries.map(e => e.key)).toEqual([expect.stringMatching(/^multiarch-publish-mount-cache-[0-9a-f]{12}-main-[0-9a-f]{16}$/)]);
    expect(await summary()).toMatch(/### Cache mounts\n\n\| id \| target \| platform \| size \| restored \| saved \|\n.*\n\| `\/cache` \| `\/cache` \| all \| 4 B \| no \(started empty\) \| ✅ saved as /);
    expect(fs.existsSync(path.join(dir, 'tmp', 'multiarch-publish-cache-mounts'))).toBe(false);

    fs.writeFileSync(path.join(dir, 'summary'), '');
    const second = fakeWith('run\n');
    await publish(prepared(), env, {}, second);
    const order = second.methods.filter(m => m === 'bake' || m === 'build');
    expect(order).toEqual(['build', 'bake', 'build']);
    expect((second.callsOf('build')[0][0] as BuildRun).output).toEqual({type: 'cacheonly'});
    expect(storedEntries(service.dir).filter(e => e.key.startsWith('multiarch-publish-mount-cache-'))).toHaveLength(1);
    expect(await summary()).toContain(`| \`/cache\` | \`/cache\` | all | 4 B | ✅ restored from \`${entries[0].key}\` | ✅ unchanged (not saved again) |`);
  });

  test('a failed bake: nothing is copied out or saved; the summary still lists the mount', async () => {
    const fake = fakeWith('x\n', 1);
    await expect(publish(prepared(), env, {}, fake)).rejects.toThrow(/Nothing was tagged/);
    expect(fake.methods.filter(m => m === 'build')).toEqual([]);
    expect(await summary()).toContain('### Cache mounts');
  });

  test('cache-mounts: false: no copy step, no section', async () => {
    const fake = fakeWith('x\n');
    const p = prepared();
    p.inputs.engine = engineInputs({cacheMounts: {mode: 'false'}});
    await publish(p, env, {}, fake);
    expect(fake.methods.filter(m => m === 'build')).toEqual([]);
    expect(await summary()).not.toContain('Cache mounts');
  });
});
