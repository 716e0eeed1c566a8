import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {getInputs} from '../../src/pipeline/inputs/index.js';
import {checkModeSupport} from '../../src/pipeline/inputs/modes.js';
import {PolicyRefusal} from '../../src/pipeline/errors.js';
import {parsePlanDocument} from '../../src/pipeline/plan-document.js';
import {runMain} from '../../src/action/run-main.js';
import {parseOutputs, startGitHubApiStub, type GitHubApiStub} from '../support/action.js';
import {fixtureEnv, inputEnv, thrown} from '../support/pipeline.js';
import {flushSummary, type Env} from '../../src/action/runner.js';

const base = {GITHUB_REPOSITORY: 'octo/app'};
const inputs = (values: Record<string, string>) => getInputs({...base, ...inputEnv(values)});

describe('mode input', () => {
  test.each([
    [undefined, 'publish'],
    ['', 'publish'],
    ['publish', 'publish'],
    ['plan', 'plan'],
    ['PLAN', 'plan'],
    [' plan ', 'plan']
  ])('%j -> %s', (value, mode) => {
    expect(inputs(value === undefined ? {} : {mode: value}).mode).toBe(mode);
  });

  test.each(['build', 'Build'])('mode: %s is available', value => {
    expect(inputs({mode: value}).mode).toBe('build');
  });

  test('mode: merge is available', () => {
    expect(inputs({mode: 'merge'}).mode).toBe('merge');
  });

  test('an unknown mode names the choices', () => {
    expect((thrown(() => inputs({mode: 'deploy'})) as Error).message).toBe('Input "mode": expected one of publish, plan, build, merge, promote, rollback, history, verify, prune (in: deploy)');
  });

  test('arch-tags is a boolean, false by default', () => {
    expect(inputs({}).archTags).toBe(false);
    expect(inputs({'arch-tags': 'true'}).archTags).toBe(true);
    expect((thrown(() => inputs({'arch-tags': 'yes'})) as Error).message).toBe('Input "arch-tags": expected true or false (in: yes)');
  });

  test('plan is kept as written (it is parsed by the modes that read it)', () => {
    expect(inputs({}).planDocument).toBe('');
    expect(inputs({plan: '{"a": 1}'}).planDocument).toBe('{"a": 1}');
  });
});

describe('mode: plan, run by the action', () => {
  let api: GitHubApiStub;
  let tmp: string;
  beforeAll(async () => {
    api = await startGitHubApiStub();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-mode-plan-'));
  });
  afterAll(async () => {
    await api.close();
    fs.rmSync(tmp, {recursive: true, force: true});
  });

  /** Runs the action's main in-process on a fixture, with runner files of its own; returns them read back. */
  async function run(event: string, values: Record<string, string>): Promise<{error?: unknown; outputs: Record<string, string>; summary: string; log: string}> {
    const dir = fs.mkdtempSync(path.join(tmp, 'run-'));
    const files: Env = {};
    for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY', 'GITHUB_PATH']) {
      files[name] = path.join(dir, name.toLowerCase());
      fs.writeFileSync(files[name]!, '');
    }
    const env = fixtureEnv(event, {...files, GITHUB_API_URL: api.url, RUNNER_TEMP: dir, ...inputEnv(values)});
    let error: unknown;
    const log = process.stdout.write;
    const written: string[] = [];
    process.stdout.write = ((chunk: string | Uint8Array) => written.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      await runMain(env as NodeJS.ProcessEnv);
    } catch (e) {
      error = e;
    } finally {
      await flushSummary();
      process.stdout.write = log;
    }
    const read = (name: string) => fs.readFileSync(files[name]!, 'utf8');
    // the bake files are under RUNNER_TEMP (dir), removed with tmp
    return {error, outputs: parseOutputs(read('GITHUB_OUTPUT')), summary: read('GITHUB_STEP_SUMMARY'), log: written.join('')};
  }

  test('a dry run with sign: key says what would be signed (log and summary), the key and password masked first and never printed', async () => {
    const body = 'eyJrZGYiOnsibmFtZSI6InNjcnlwdCIsInBhcmFtcyI6eyJOIjozMjc2OH19fQ==';
    const key = `-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n${body}\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n`;
    const r = await run('event_tag_v1.1.1', {'dry-run': 'true', images: 'name=api', sign: 'key', 'cosign-key': key, 'cosign-password': 'the-key-password', 'transparency-log': 'false'});
    expect(r.error).toBeUndefined();
    expect(r.summary).toContain('### Signing (sign: key)');
    expect(r.summary).toContain('ghcr.io/docker/api: its index and the manifest of each platform (linux/amd64, linux/arm64)');
    expect(r.log).toContain('signing (sign: key): with cosign, after the content is verified in the registry and before any tag moves; signatures not uploaded to the transparency log');
    const lines = r.log.split('\n');
    const firstMask = lines.findIndex(l => l.startsWith('::add-mask::'));
    expect(firstMask).toBeGreaterThanOrEqual(0);
    expect(lines.slice(firstMask).filter(l => l.startsWith('::add-mask::'))).toEqual(expect.arrayContaining([`::add-mask::${body}`, '::add-mask::the-key-password']));
    const printed = lines.filter(l => !l.startsWith('::add-mask::')).join('\n') + r.summary + Object.values(r.outputs).join('\n');
    for (const secret of [body, 'the-key-password']) expect(printed).not.toContain(secret);
  });

  test('writes the plan document as the plan output, the usual outputs and the plan summary, and stops', async () => {
    const r = await run('event_tag_v1.1.1', {mode: 'plan', images: 'name=api\nname=worker,platforms=linux/amd64', 'arch-tags': 'true', tags: 'type=semver,pattern={{version}}\ntype=sha'});
    expect(r.error).toBeUndefined();
    const parsed = parsePlanDocument(r.outputs['plan']!);
    expect(parsed.plan.builds.map(b => b.id)).toEqual(['api', 'worker']);
    expect(parsed.plan.builds[1].archTags?.map(a => a.suffix)).toEqual(['amd64']);
    expect(r.outputs['version']).toBe('1.1.1');
    expect(r.outputs['tags']!.split('\n')).toEqual(parsed.plan.builds.flatMap(b => b.tags));
    expect(r.outputs['labels']).toContain('org.opencontainers.image.created=');
    expect(r.summary).toMatch(/^## multiarch-publish: plan\n/);
    // nothing of the engine ran: no digest, no images pushed
    expect(r.outputs['digest']).toBeUndefined();
    expect(r.outputs['images']).toBeUndefined();
  });

  test.each<[Record<string, string>, unknown]>([
    [{}, [{runner: 'ubuntu-24.04', platforms: 'linux/amd64'}, {runner: 'ubuntu-24.04-arm', platforms: 'linux/arm64'}]],
    [{runners: '{"linux/amd64": "big-x64"}'}, [{runner: 'big-x64', platforms: 'linux/amd64,linux/arm64'}]],
    [{runners: '{"linux/arm64": "arm", "linux/amd64": "x64"}', platforms: 'linux/arm64,linux/amd64,linux/arm/v7'}, [{runner: 'arm', platforms: 'linux/arm64'}, {runner: 'x64', platforms: 'linux/amd64,linux/arm/v7'}]]
  ])('the legs output (%j) is the build matrix over every platform of the plan', async (values, legs) => {
    const r = await run('event_push_master', {mode: 'plan', images: 'name=api\nname=worker,platforms=linux/amd64', ...values});
    expect(r.error).toBeUndefined();
    expect(JSON.parse(r.outputs['legs']!)).toEqual(legs);
  });

  test.each<[Record<string, string>, RegExp]>([
    [{mode: 'plan', runners: '{"linux/amd64": '}, /^Input "runners": is not valid JSON/],
    [{mode: 'plan', runners: '[]'}, /^Input "runners": is an array/],
    [{mode: 'plan', 'dry-run': 'true', runners: '{"linux/amd64": ""}'}, /^Input "runners": the runner of linux\/amd64 must be a runner label/],
    [{runners: '{"linux/amd64": 1}'}, /^Input "runners": the runner of linux\/amd64/],
    [{mode: 'plan', runners: '{"linux/arm64": "arm"}', platforms: 'linux/arm64,linux/s390x'}, /^Input "runners": has no runner for linux\/amd64/]
  ])('a bad runners map (%j) fails before any output is written', async (values, message) => {
    const r = await run('event_push_master', {images: 'app', ...values});
    expect((r.error as Error).message).toMatch(message);
    expect(r.outputs).toEqual({});
  });

  test('legs is written by mode: plan only', async () => {
    const r = await run('event_push_master', {images: 'app', 'dry-run': 'true'});
    expect(r.error).toBeUndefined();
    expect(r.outputs['legs']).toBeUndefined();
  });

  test('a policy refusal fails the step', async () => {
    const r = await run('event_push_master', {mode: 'plan', images: 'app', policy: 'max-tags=1', tags: 'type=raw,value=a\ntype=raw,value=b'});
    expect(r.error).toBeInstanceOf(PolicyRefusal);
  });

  test('mode: merge without a plan fails naming the plan input, before anything is written', async () => {
    const r = await run('event_push_master', {mode: 'merge'});
    expect((r.error as Error).message).toMatch(/^Input "plan": is required with mode: merge/);
    expect(r.outputs).toEqual({});
  });

  test('mode: merge with a plan that is not one fails naming the plan input', async () => {
    const r = await run('event_push_master', {mode: 'merge', plan: '{"schema": "x"}'});
    expect((r.error as Error).message).toMatch(/^Input "plan"/);
    expect(r.outputs).toEqual({});
  });

  test('mode: build without a plan fails naming the plan input, before anything is written', async () => {
    const r = await run('event_push_master', {mode: 'build', images: 'app'});
    expect((r.error as Error).message).toMatch(/^Input "plan": is required with mode: build/);
    expect(r.outputs).toEqual({});
    expect(r.summary).toBe('');
  });

  test('mode: build with a plan that is not one fails naming the plan input', async () => {
    const r = await run('event_push_master', {mode: 'build', plan: '{"schema": "x"}'});
    expect((r.error as Error).message).toMatch(/^Input "plan"/);
    expect(r.outputs).toEqual({});
  });

  test.each([['linux/s390x'], ['linux/amd64,linux/riscv64']])('mode: build of a platform (%s) the plan does not build fails naming the platforms input, before anything is written', async platforms => {
    const planned = await run('event_tag_v1.1.1', {mode: 'plan', images: 'name=api', platforms: 'linux/amd64,linux/arm64'});
    expect(planned.error).toBeUndefined();
    const r = await run('event_tag_v1.1.1', {mode: 'build', plan: planned.outputs['plan']!, platforms});
    expect((r.error as Error).message).toMatch(/^Input "platforms": linux\/(s390x|riscv64) is not a platform of the plan \(it builds linux\/amd64, linux\/arm64\)/);
    expect(r.outputs).toEqual({});
    expect(r.summary).toBe('');
  });
});

describe('arch-tags when publishing', () => {
  test.each<[Record<string, string>]>([[{}], [{'dry-run': 'true'}], [{mode: 'plan'}]])('%j: not refused (publish and merge push the per-platform tags)', values => {
    const i = getInputs({...base, ...inputEnv({...values, 'arch-tags': 'true'})});
    expect(() => checkModeSupport(i, i.mode === 'publish' && !i.dryRun)).not.toThrow();
  });
});

describe('plan input outside the build and merge modes', () => {
  test.each([
    ['publish', 'x', ['Input "plan" is read by mode: build and mode: merge only; with mode: publish it is ignored.']],
    ['plan', '{}', ['Input "plan" is read by mode: build and mode: merge only; with mode: plan it is ignored.']],
    ['publish', '', []],
    ['plan', '  \n', []]
  ])('mode: %s, plan %j: warnings %j', (mode, plan, warnings) => {
    const i = getInputs({...base, ...inputEnv({mode, plan, 'dry-run': 'true'})});
    expect(checkModeSupport(i, false)).toEqual(warnings);
  });
});

describe('plan-deciding inputs given to mode: build or mode: merge', () => {
  test.each<[Record<string, string>, string[]]>([
    [{}, []],
    [{images: '  '}, []],
    [{images: 'app', tags: 'type=sha', 'github-token': 'x', summary: 'false'}, ['images', 'tags']],
    // arch-tags: false is action.yml's default, which the runner passes: not given
    [{push: 'true', 'arch-tags': 'false', platforms: 'linux/amd64', 'build-args': 'A=1', policy: 'deny-latest'}, ['platforms', 'build-args', 'policy', 'push']]
  ])('%j -> ignored %j (in the list order)', async (values, ignored) => {
    const {ignoredPlanInputs} = await import('../../src/action/run-merge.js');
    expect(ignoredPlanInputs(inputEnv(values))).toEqual(ignored);
  });
});
