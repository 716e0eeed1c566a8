// Size and spawn failures: the child's environment, a variable too large to export, programs that
// cannot start, and a program that does not finish in time. Real processes (node itself), no engine.
import {afterEach, beforeEach, describe, expect, jest, test} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {run, spawnError} from '../../../src/engine/exec.js';
import * as runner from '../../../src/action/runner.js';
import {exportDecision, writeOutputs, ENV_MAX_BYTES} from '../../../src/report/outputs.js';
import {parseRunnerLog} from '../../support/workflow-commands.js';
import {removeTempDirs, tempDir} from '../../support/git.js';

let stdout: string[];
const saved = {...process.env};
beforeEach(() => {
  stdout = [];
  jest.spyOn(runner.output, 'write').mockImplementation((text: string) => void stdout.push(text));
});
afterEach(() => {
  jest.restoreAllMocks();
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  removeTempDirs();
});

const node = process.execPath;
const printEnv = ['-e', 'process.stdout.write(JSON.stringify(Object.keys(process.env)))'];

describe('the environment of the programs the action runs', () => {
  test('what the action exported (80 images of DOCKER_METADATA_OUTPUT_*) is not passed on; spawns still work', async () => {
    const dir = tempDir('mp-env-');
    process.env['GITHUB_ENV'] = path.join(dir, 'env');
    process.env['GITHUB_OUTPUT'] = path.join(dir, 'out');
    process.env['MY_USER_SECRET_VAR'] = 'kept';
    const big = Array.from({length: 80 * 20}, (_, i) => `ghcr.io/acme/image-${i}:1.2.3`).join('\n');
    expect(Buffer.byteLength(big)).toBeGreaterThan(40 * 1024);
    writeOutputs({tags: big, labels: big, json: big.repeat(3)});
    expect(process.env['DOCKER_METADATA_OUTPUT_TAGS']).toBe(big); // set for this process, as core does
    const out = await run(node, printEnv);
    const keys: string[] = JSON.parse(out.stdout);
    expect(keys).toContain('MY_USER_SECRET_VAR');
    expect(keys.filter(k => k.startsWith('DOCKER_METADATA_OUTPUT_'))).toEqual([]);
  });

  test('a variable the user had before the export keeps the user value in children', async () => {
    const dir = tempDir('mp-env-');
    process.env['GITHUB_ENV'] = path.join(dir, 'env');
    process.env['DOCKER_METADATA_OUTPUT_VERSION'] = 'from-an-earlier-step';
    runner.exportVariable('DOCKER_METADATA_OUTPUT_VERSION', 'ours');
    const out = await run(node, ['-e', 'process.stdout.write(process.env.DOCKER_METADATA_OUTPUT_VERSION)']);
    expect(out.stdout).toBe('from-an-earlier-step');
  });
});

describe('exportDecision', () => {
  test.each([
    [10, true, undefined],
    [40 * 1024, true, /KiB: exported, but/],
    [ENV_MAX_BYTES + 10, false, /not exported/]
  ])('%d bytes: exported %s', (n, exported, warning) => {
    const d = exportDecision('DOCKER_METADATA_OUTPUT_JSON', 'x'.repeat(n));
    expect(d.exported).toBe(exported);
    if (warning) expect(d.warning).toMatch(warning);
    else expect(d.warning).toBeUndefined();
  });

  test('an output over the limit is written as an output, not exported, with a warning', () => {
    const dir = tempDir('mp-env-');
    process.env['GITHUB_ENV'] = path.join(dir, 'env');
    process.env['GITHUB_OUTPUT'] = path.join(dir, 'out');
    writeOutputs({json: 'x'.repeat(200 * 1024)});
    expect(fs.existsSync(path.join(dir, 'env')) ? fs.readFileSync(path.join(dir, 'env'), 'utf8') : '').toBe('');
    expect(fs.readFileSync(path.join(dir, 'out'), 'utf8').length).toBeGreaterThan(200 * 1024);
    expect(parseRunnerLog(stdout.join('')).commands.map(c => c.name)).toEqual(['warning']);
  });
});

describe('programs that cannot start are one clear line naming the program', () => {
  test('not on PATH', async () => {
    await expect(run('no-such-program-mp', ['x'])).rejects.toThrow(/^Cannot run no-such-program-mp: it is not installed or not on PATH$/);
  });

  test('E2BIG: an argument over the system limit', async () => {
    await expect(run(node, ['-e', '0', 'x'.repeat(200 * 1024)])).rejects.toThrow(/^Cannot run .*node.*: its arguments and environment are larger than the system allows \(E2BIG; the largest is argument 3: /);
  });

  test('E2BIG: a variable of the user over the limit names the variable', async () => {
    process.env['HUGE_USER_VAR'] = 'y'.repeat(140 * 1024);
    await expect(run(node, ['-e', '0'])).rejects.toThrow(/E2BIG; the largest is variable HUGE_USER_VAR: /);
  });

  test('EACCES: a file that is not executable', async () => {
    const dir = tempDir('mp-exe-');
    const f = path.join(dir, 'prog');
    fs.writeFileSync(f, '#!/bin/sh\n', {mode: 0o644});
    const e = await run(f, []).catch((x: Error) => x);
    expect(String(e)).toMatch(/Cannot run .*prog: /);
    expect(String(e).split('\n')).toHaveLength(1);
  });

  test.each([
    [Object.assign(new Error('spawn docker E2BIG'), {code: 'E2BIG'}), /E2BIG/],
    [Object.assign(new Error('spawn docker EACCES'), {code: 'EACCES'}), /permission denied/],
    [new Error("Unable to locate executable file: docker. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable."), /not installed or not on PATH/]
  ])('spawnError(%s)', (e, msg) => {
    expect(spawnError("docker", e).message).toMatch(new RegExp(`^Cannot run docker: .*${msg.source}`));
  });
});

describe('time-boxed commands', () => {
  test('a program that hangs is stopped at the limit and the call throws', async () => {
    const t0 = Date.now();
    await expect(run(node, ['-e', 'setTimeout(() => {}, 60000)'], {timeoutMs: 500})).rejects.toThrow(/did not finish within 1 s and was stopped/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
