import {afterAll, beforeEach, describe, expect, test} from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {cleanup, refuseDirectory, OWN_BUILDER} from '../../../src/engine/cleanup.js';
import type {StateKey} from '../../../src/action/state.js';
import {FakeBuildx} from './fake-buildx.js';
import {removeTempDirs, tempDir} from '../../support/git.js';

afterAll(() => removeTempDirs());

const state = (s: Partial<Record<StateKey, string>>) => (k: StateKey) => s[k] ?? '';

let temp: string;
let env: NodeJS.ProcessEnv;
let outside: string;
beforeEach(() => {
  temp = tempDir('mp-runner-temp-');
  outside = tempDir('mp-outside-');
  fs.writeFileSync(path.join(outside, 'keep'), 'x');
  env = {RUNNER_TEMP: temp, HOME: '/home/u'};
});

const own = (name = 'multiarch-publish-docker-') => fs.mkdtempSync(path.join(temp, name));

describe('cleanup (the post step): only what main made, whatever the state says', () => {
  test('removes its directories first, then its builder; the logins go with the job config', async () => {
    const dockerConfig = own();
    const work = own('multiarch-publish-');
    const secretsDir = path.join(work, 'secrets');
    fs.mkdirSync(secretsDir);
    fs.writeFileSync(path.join(work, 'bake.json'), '{}');
    fs.writeFileSync(path.join(work, 'bake-metadata.json'), '{}');
    fs.mkdirSync(path.join(work, 'oci', 'app', 'blobs'), {recursive: true});
    const fake = new FakeBuildx();
    const envs: Record<string, string>[] = [];
    const r = await cleanup(state({dockerConfig, builder: 'multiarch-publish-42-7', logins: '["127.0.0.1:5000","ghcr.io"]', secretsDir, workDir: work}), e => (envs.push(e), fake), env);
    expect(fake.calls.map(c => [c.method, ...c.args])).toEqual([['removeBuilder', 'multiarch-publish-42-7']]);
    expect(envs).toEqual([{BUILDX_CONFIG: '/home/u/.docker/buildx'}]);
    expect(r).toEqual({loggedOut: ['127.0.0.1:5000', 'ghcr.io'], removedBuilder: 'multiarch-publish-42-7', removedDirs: [secretsDir, dockerConfig, work], refused: [], warnings: []});
    expect(fs.existsSync(dockerConfig) || fs.existsSync(secretsDir)).toBe(false);
    // nothing of the action's is left in RUNNER_TEMP
    expect(fs.readdirSync(temp)).toEqual([]);
  });

  const hostileDirs: [string, () => string][] = [
    // SAFETY: every value here is a decoy under the test's own temporary directories: cleanup() deletes
    // for real, so '/' and other real paths are checked through refuseDirectory() alone (below).
    ['RUNNER_TEMP itself', () => temp],
    ['a directory outside', () => outside],
    ['.. out of its own', () => path.join(own(), '..', '..', path.basename(outside))],
    ['.. written relative', () => `${temp}/multiarch-publish-docker-abcdef/../../${path.basename(outside)}`],
    ['a relative path', () => 'multiarch-publish-docker-abcdef'],
    ['a symlink with its prefix to a directory outside', () => {
      const link = path.join(temp, 'multiarch-publish-docker-linked');
      fs.symlinkSync(outside, link);
      return link;
    }],
    ['a real directory under a symlinked parent', () => {
      fs.mkdirSync(path.join(outside, 'multiarch-publish-abcdef'));
      const link = path.join(temp, 'multiarch-publish-qwerty');
      fs.symlinkSync(outside, link);
      return path.join(link, 'multiarch-publish-abcdef');
    }],
    ['a subdirectory of its own other than secrets', () => {
      const d = path.join(own(), 'x');
      fs.mkdirSync(d);
      return d;
    }],
    ['another prefix', () => fs.mkdtempSync(path.join(temp, 'other-action-'))],
    ['a file', () => {
      const f = path.join(temp, 'multiarch-publish-zzzzzz');
      fs.writeFileSync(f, '');
      return f;
    }]
  ];

  test.each(hostileDirs)('a %s as dockerConfig, secretsDir or workDir is refused with a warning and left alone', async (_, make) => {
    const dir = make();
    const before = fs.existsSync(dir);
    for (const key of ['dockerConfig', 'secretsDir', 'workDir', 'bakeFilesDir'] as const) {
      const r = await cleanup(state({[key]: dir}), () => new FakeBuildx(), env);
      expect(r.removedDirs).toEqual([]);
      if (fs.existsSync(dir) || before) expect(r.refused).toEqual([dir]);
    }
    expect(fs.existsSync(path.join(outside, 'keep'))).toBe(true);
    expect(fs.existsSync(dir)).toBe(before);
  });

  test.each(['--all-inactive', '--all-inactive --force', 'default', 'my-builder', 'multiarch-publish-', 'multiarch-publish-1-2 --all-inactive', '-multiarch-publish-1-2', 'multiarch-publish-1-2\n'])('builder %j is not removed', async builder => {
    const fake = new FakeBuildx();
    const r = await cleanup(state({builder}), () => fake, env);
    expect(fake.calls).toEqual([]);
    expect(r.refused).toEqual([builder]);
    expect(r.warnings[0]).toMatch(/^Not cleaning up the builder/);
  });

  test.each(['--help', '-u', 'ghcr.io/../x', 'a b', ''])('login %j is refused', async login => {
    const r = await cleanup(state({dockerConfig: own(), logins: JSON.stringify([login])}), () => new FakeBuildx(), env);
    expect(r.loggedOut).toEqual([]);
    expect(r.refused).toEqual([login]);
  });

  test('the work directory alone (a run that made no docker config) is removed', async () => {
    const work = own('multiarch-publish-');
    fs.writeFileSync(path.join(work, 'bake.json'), '{}');
    const r = await cleanup(state({workDir: work}), () => new FakeBuildx(), env);
    expect(r.removedDirs).toEqual([work]);
    expect(fs.readdirSync(temp)).toEqual([]);
  });

  test('the bake files of the bake-file outputs (a dry run\'s too) are removed', async () => {
    const files = own('multiarch-publish-bake-');
    fs.writeFileSync(path.join(files, 'docker-metadata-action-bake.json'), '{}');
    const r = await cleanup(state({bakeFilesDir: files}), () => new FakeBuildx(), env);
    expect(r.removedDirs).toEqual([files]);
    expect(fs.readdirSync(temp)).toEqual([]);
  });

  test.each(['multiarch-publish-bake-', 'multiarch-publish-docker-'])('a secrets directory under %sXXXXXX is not one main makes', async prefix => {
    const dir = path.join(own(prefix), 'secrets');
    fs.mkdirSync(dir);
    const r = await cleanup(state({secretsDir: dir}), () => new FakeBuildx(), env);
    expect(r.refused).toEqual([dir]);
    expect(fs.existsSync(dir)).toBe(true);
  });

  test('the work directory\'s secrets subdirectory is not taken for the work directory itself', async () => {
    const work = own('multiarch-publish-');
    fs.mkdirSync(path.join(work, 'secrets'));
    const r = await cleanup(state({workDir: path.join(work, 'secrets')}), () => new FakeBuildx(), env);
    expect(r.removedDirs).toEqual([]);
    expect(r.refused).toEqual([path.join(work, 'secrets')]);
    expect(fs.existsSync(path.join(work, 'secrets'))).toBe(true);
  });

  test('a refused docker config logs nothing out', async () => {
    const r = await cleanup(state({dockerConfig: outside, logins: '["ghcr.io"]'}), () => new FakeBuildx(), env);
    expect(r.loggedOut).toEqual([]);
  });

  test('every failure is a warning and the rest still runs', async () => {
    const dockerConfig = own();
    const fake = new FakeBuildx({removeFails: 'Cannot connect to the Docker daemon'});
    const r = await cleanup(state({dockerConfig, builder: 'multiarch-publish-1-2', logins: 'not json'}), () => fake, env);
    expect(r.warnings).toEqual([
      expect.stringMatching(/^The recorded logins could not be read/),
      expect.stringMatching(/^Removing builder multiarch-publish-1-2 failed \(remove it with `docker buildx rm multiarch-publish-1-2`\): docker buildx rm --force multiarch-publish-1-2 failed \(exit code 1\): Cannot connect/)
    ]);
    expect(r.removedDirs).toEqual([dockerConfig]);
  });

  test('the name main gives matches its own pattern', () => {
    expect(OWN_BUILDER.test(`multiarch-publish-${'1234567890'}-${process.pid}`)).toBe(true);
  });

  test('refuseDirectory accepts its own directories only', () => {
    expect(refuseDirectory(own(), temp, false)).toBeUndefined();
    for (const real of ['/', '/etc', '/usr', os.homedir(), os.tmpdir()]) expect(refuseDirectory(real, temp, true)).toBeDefined();
    expect(refuseDirectory(path.join(temp, 'multiarch-publish-nothere'), temp, false)).toBe('not found');
  });
});
