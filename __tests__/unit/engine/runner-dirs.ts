/**
 * The runner's side of a unit test that drives publish or merge through the fake engine seam: a fresh
 * directory per test with a workspace (`ws/Dockerfile`), the runner's state, output and summary files
 * and RUNNER_TEMP; GITHUB_WORKSPACE, GITHUB_STATE and GITHUB_RUN_ID set in process.env for the test (the
 * build files check and the state read them there), and process.env put back as it was after it.
 * `outputs()` and `summary()` read what the step wrote.
 */
import {afterEach, beforeEach} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {flushSummary} from '../../../src/action/runner.js';
import {tempDir} from '../../support/git.js';

export interface RunnerDirs {
  readonly dir: string;
  /** The step's environment: RUNNER_TEMP, HOME, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_RUN_ID and `extra`. */
  readonly env: NodeJS.ProcessEnv;
  outputs(): Record<string, string>;
  summary(): Promise<string>;
}

export function runnerDirs(prefix: string, extra: NodeJS.ProcessEnv = {}): RunnerDirs {
  const saved = {...process.env};
  let dir = '';
  let env: NodeJS.ProcessEnv = {};
  beforeEach(() => {
    dir = tempDir(prefix);
    fs.mkdirSync(path.join(dir, 'ws'));
    fs.writeFileSync(path.join(dir, 'ws', 'Dockerfile'), 'FROM scratch\n');
    for (const f of ['state', 'output', 'summary']) fs.writeFileSync(path.join(dir, f), '');
    process.env['GITHUB_WORKSPACE'] = path.join(dir, 'ws');
    process.env['GITHUB_STATE'] = path.join(dir, 'state');
    process.env['GITHUB_RUN_ID'] = '4242';
    env = {RUNNER_TEMP: path.join(dir, 'tmp'), HOME: path.join(dir, 'home'), GITHUB_OUTPUT: path.join(dir, 'output'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary'), GITHUB_RUN_ID: '4242', ...extra};
    fs.mkdirSync(env['RUNNER_TEMP']!);
  });
  afterEach(async () => {
    await flushSummary();
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    for (const [k, v] of Object.entries(saved)) process.env[k] = v;
  });
  return {
    get dir() {
      return dir;
    },
    get env() {
      return env;
    },
    outputs() {
      const out: Record<string, string> = {};
      for (const m of fs.readFileSync(path.join(dir, 'output'), 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]!] = m[3]!;
      return out;
    },
    async summary() {
      await flushSummary();
      return fs.readFileSync(path.join(dir, 'summary'), 'utf8');
    }
  };
}
