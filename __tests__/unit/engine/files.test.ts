import {describe, expect, test, afterAll} from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {checkBuildFiles} from '../../../src/engine/publish.js';
import {InputErrors} from '../../../src/pipeline/inputs/errors.js';
import type {BuildPlan} from '../../../src/pipeline/plan.js';

const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-files-'));
fs.mkdirSync(path.join(ws, 'docker'));
fs.writeFileSync(path.join(ws, 'docker', 'backend.Dockerfile'), 'FROM scratch\n');
fs.mkdirSync(path.join(ws, 'app'));
fs.writeFileSync(path.join(ws, 'app', 'Dockerfile'), 'FROM scratch\n');
afterAll(() => fs.rmSync(ws, {recursive: true, force: true}));

const build = (over: Partial<BuildPlan>): BuildPlan =>
  ({id: 'b', line: 1, images: ['ghcr.io/o/b'], file: 'Dockerfile', context: '.', platforms: ['linux/amd64'], tags: [], tagNames: [], labels: [], annotations: [], buildArgs: {}, push: true, policy: {allowed: true, rules: [], violations: []}, ...over}) as BuildPlan;

describe('checkBuildFiles: a missing context or Dockerfile is an input error before anything runs', () => {
  test('present files pass', () => {
    expect(() => checkBuildFiles([build({file: 'docker/backend.Dockerfile'}), build({context: 'app', file: 'app/Dockerfile'})], ws)).not.toThrow();
  });
  test('remote contexts are not checked', () => {
    expect(() => checkBuildFiles([build({context: 'https://github.com/o/r.git#main', file: 'Dockerfile'}), build({context: 'git@github.com:o/r.git'})], ws)).not.toThrow();
  });
  test('every missing file is reported with its images line', () => {
    let e: unknown;
    try {
      checkBuildFiles([build({line: 1, file: 'docker/nope.Dockerfile'}), build({line: 3, context: 'missing', file: 'missing/Dockerfile'})], ws);
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(InputErrors);
    const errors = (e as InputErrors).errors;
    expect(errors.map(x => [x.input, x.line])).toEqual([
      ['images', 1],
      ['images', 3]
    ]);
    expect(errors[0].message).toContain('the Dockerfile docker/nope.Dockerfile does not exist');
    expect(errors[1].message).toContain('the build context missing does not exist');
  });
});
