// Conformance with docker/metadata-action: every case of its own test tables (turned into data in
// __tests__/fixtures/metadata-action, see the README there) is fed to the bundled action, run as
// GitHub's runner runs it, in dry-run mode; its outputs must equal metadata-action's.
// Needs dist/index.js: run `npm run build` first.
import fs from 'node:fs';
import path from 'node:path';
import {
  cleanupRuns,
  defaultEntry,
  eventFixturesDir,
  metadataFixturesDir,
  parseEnvFile,
  runAction,
  startGitHubApiStub,
  type GitHubApiStub,
  type RunResult
} from '../support/action.js';

interface CaseInputs {
  images?: string[];
  tags?: string[];
  flavor?: string[];
  labels?: string[];
  annotations?: string[];
  sepTags?: string;
  bakeTarget?: string;
}

interface Case {
  suite: string;
  name: string;
  envFile: string;
  inputs: CaseInputs;
  extraEnv?: Record<string, string>;
  expected: {
    version?: string;
    tags?: string[];
    labels?: string[];
    annotations?: string[];
    tagsJoined?: string;
    json?: {tags?: string[]; labels?: Record<string, string>; [key: string]: unknown};
  };
}

type BakeOutput = 'bake-file-tags' | 'bake-file-labels' | 'bake-file-annotations' | 'bake-file';

/** A case of metadata-action's bakeFile / bakeFileTagsLabels tables: the bake files it expects. */
interface BakeCase extends Omit<Case, 'expected'> {
  expected: Partial<Record<BakeOutput, unknown>>;
}

const TOKEN = 'conformance-token';
const SOURCE_DATE_EPOCH = '1578616200'; // 2020-01-10T00:30:00Z, the instant the expected results were made at
const TEST_TIMEOUT_MS = 60_000;

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(metadataFixturesDir, file), 'utf8')) as T;
const cases = readJson<Case[]>('cases.json');
const invalidTags = readJson<string[]>('invalid-tags.json');
const bakeCases = readJson<BakeCase[]>('bake-cases.json');

/** metadata-action's outputs, in the order it writes them, each also exported as DOCKER_METADATA_OUTPUT_<NAME>. */
const METADATA_ACTION_OUTPUTS = ['version', 'tags', 'tag-names', 'labels', 'annotations', 'json', 'bake-file-tags', 'bake-file-labels', 'bake-file-annotations', 'bake-file'];
const BAKE_FILES: Record<BakeOutput, string> = {
  'bake-file-tags': 'docker-metadata-action-bake-tags.json',
  'bake-file-labels': 'docker-metadata-action-bake-labels.json',
  'bake-file-annotations': 'docker-metadata-action-bake-annotations.json',
  'bake-file': 'docker-metadata-action-bake.json'
};

/** The enabled image names of an `images` input, lowercased: what metadata-action puts in DOCKER_META_IMAGES. */
function metadataActionImageNames(images: string[] = []): string[] {
  return images.flatMap(line => {
    const fields = line.split(',').map(f => f.trim());
    if (fields.some(f => /^enable=false$/i.test(f))) return [];
    const name = fields.map(f => f.replace(/^name=/, '')).find(f => !f.includes('='));
    return name ? [name.toLowerCase()] : [];
  });
}

/**
 * The bake files as metadata-action's code composes them from its own outputs (Meta.getBakeFile and
 * getBakeFileTagsLabels): one target, `bake-target` or docker-metadata-action; tags with
 * DOCKER_META_IMAGES/DOCKER_META_VERSION args (no version: no DOCKER_META_VERSION key); labels as an
 * object; annotations with their level prefixes, as in the annotations output.
 */
function expectedBakeFiles(c: {inputs: CaseInputs}, outputs: Record<string, string>): Record<BakeOutput, unknown> {
  const json = JSON.parse(outputs.json) as {tags: string[]; labels: Record<string, string>; annotations: string[]};
  const target = c.inputs.bakeTarget ?? 'docker-metadata-action';
  const args = {DOCKER_META_IMAGES: metadataActionImageNames(c.inputs.images).join(','), ...(outputs.version ? {DOCKER_META_VERSION: outputs.version} : {})};
  return {
    'bake-file-tags': {target: {[target]: {tags: json.tags, args}}},
    'bake-file-labels': {target: {[target]: {labels: json.labels}}},
    'bake-file-annotations': {target: {[target]: {annotations: json.annotations}}},
    'bake-file': {target: {[target]: {tags: json.tags, labels: json.labels, args}}}
  };
}

/**
 * The bake-file outputs of a run: metadata-action's file names, in one directory of the step's own under
 * RUNNER_TEMP, formatted as it formats them (JSON.stringify, 2 spaces, no final newline); and every one of
 * metadata-action's outputs exported as DOCKER_METADATA_OUTPUT_*, with the output's value.
 */
function checkBakeFilesAndEnv(r: RunResult, expected: Partial<Record<BakeOutput, unknown>>): void {
  const dirs = new Set<string>();
  const got: Record<string, unknown> = {};
  for (const name of Object.keys(BAKE_FILES) as BakeOutput[]) {
    const file = r.outputs[name];
    if (file === undefined) throw new Error(`no ${name} output; outputs: ${Object.keys(r.outputs).join(', ')}`);
    expect(path.basename(file)).toBe(BAKE_FILES[name]);
    dirs.add(path.dirname(file));
    const text = fs.readFileSync(file, 'utf8');
    if (name in expected) {
      expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2));
      got[name] = JSON.parse(text);
    }
  }
  expect(dirs.size).toBe(1);
  expect(path.dirname([...dirs][0])).toBe(r.runnerTemp);
  expect(got).toEqual(expected);
  const exported = Object.fromEntries(Object.entries(r.exportedEnv).filter(([k]) => k.startsWith('DOCKER_METADATA_OUTPUT_')));
  const want = Object.fromEntries(METADATA_ACTION_OUTPUTS.map(n => [`DOCKER_METADATA_OUTPUT_${n.replace(/\W/g, '_').toUpperCase()}`, r.outputs[n]]));
  expect(exported).toEqual(want);
}

let stub: GitHubApiStub | undefined;

/** Runs the action on one event fixture with the conformance settings (see the fixtures' README). */
function conformanceRun(envFile: string, inputs: CaseInputs, extraEnv: Record<string, string> = {}, apiUrl?: string): Promise<RunResult> {
  const url = apiUrl ?? stub?.url;
  if (!url) throw new Error('GitHub API stub is not running (beforeAll failed)');
  const env: Record<string, string> = {};
  // The expected results assume this repository when the event does not name one.
  if (!parseEnvFile(envFile).GITHUB_REPOSITORY) env.GITHUB_REPOSITORY = 'docker/repo';
  Object.assign(env, extraEnv, {GITHUB_API_URL: url, SOURCE_DATE_EPOCH});
  const join = (list?: string[]): string => (list ?? []).join('\n');
  const actionInputs: Record<string, string> = {
    'dry-run': 'true',
    registry: 'docker.io',
    'github-token': TOKEN,
    // Always set, even when empty: an explicitly empty images input means bare tags.
    images: join(inputs.images),
    tags: join(inputs.tags),
    flavor: join(inputs.flavor),
    labels: join(inputs.labels),
    annotations: join(inputs.annotations)
  };
  if (inputs.sepTags !== undefined) actionInputs['sep-tags'] = inputs.sepTags;
  if (inputs.bakeTarget !== undefined) actionInputs['bake-target'] = inputs.bakeTarget;
  return runAction({envFile, env, inputs: actionInputs, timeoutMs: TEST_TIMEOUT_MS - 5_000});
}

const lines = (text: string | undefined): string[] => (text ?? '').split('\n').filter(l => l !== '');

function expectSuccess(r: RunResult): void {
  if (r.code !== 0) {
    throw new Error(`the step failed (exit ${r.code}${r.signal ? `, ${r.signal}` : ''}); log:\n${r.log}`);
  }
}

describe('fixtures', () => {
  test('every case names an existing event fixture and payload', () => {
    expect(cases.length).toBeGreaterThan(100);
    expect(new Set(cases.map(c => `${c.suite}/${c.name}`)).size).toBe(cases.length);
    for (const envFile of new Set(cases.map(c => c.envFile))) {
      expect(fs.existsSync(path.join(eventFixturesDir, envFile))).toBe(true);
      const eventPath = parseEnvFile(envFile).GITHUB_EVENT_PATH;
      if (eventPath) expect(fs.existsSync(eventPath)).toBe(true);
    }
  });
});

describe('docker/metadata-action conformance', () => {
  beforeAll(async () => {
    if (!fs.existsSync(defaultEntry)) {
      throw new Error(`${path.relative(process.cwd(), defaultEntry)} is missing: run \`npm run build\` before the conformance tests`);
    }
    stub = await startGitHubApiStub();
  });

  afterAll(async () => {
    await stub?.close();
    cleanupRuns();
  });

  test.concurrent.each(cases)(
    '$suite/$name',
    async c => {
      const r = await conformanceRun(c.envFile, c.inputs, c.extraEnv ?? {});
      expectSuccess(r);
      const ex = c.expected;
      // Compare everything the case gives in one object, so a failure shows every difference at once.
      const got: Record<string, unknown> = {};
      const want: Record<string, unknown> = {};
      if (ex.version !== undefined) {
        got.version = r.outputs.version ?? '';
        want.version = ex.version;
      }
      if (ex.tags !== undefined) {
        got.tags = lines(r.outputs.tags);
        want.tags = ex.tags;
      }
      if (ex.labels !== undefined) {
        got.labels = lines(r.outputs.labels);
        want.labels = ex.labels;
      }
      if (ex.tagsJoined !== undefined) {
        got.tagsJoined = r.outputs.tags;
        want.tagsJoined = ex.tagsJoined;
      }
      if (ex.json !== undefined) {
        if (r.outputs.json === undefined) throw new Error(`no json output; outputs: ${Object.keys(r.outputs).join(', ')}`);
        const json = JSON.parse(r.outputs.json) as {tags?: unknown; labels?: unknown};
        got.json = {tags: json.tags, labels: json.labels};
        want.json = {tags: ex.json.tags, labels: ex.json.labels};
      }
      expect(Object.keys(want).length).toBeGreaterThan(0);
      expect(got).toEqual(want);
      // metadata-action's tests give no bake files for these cases: they must be what its code makes of the same outputs
      checkBakeFilesAndEnv(r, expectedBakeFiles(c, r.outputs));
    },
    TEST_TIMEOUT_MS
  );

  test.concurrent.each(bakeCases)(
    '$suite/$name (bake files)',
    async c => {
      const r = await conformanceRun(c.envFile, c.inputs, c.extraEnv ?? {});
      expectSuccess(r);
      checkBakeFilesAndEnv(r, c.expected);
      // the files metadata-action's tests leave out are still what its code makes of the outputs
      checkBakeFilesAndEnv(r, expectedBakeFiles(c, r.outputs));
    },
    TEST_TIMEOUT_MS
  );

  test.concurrent.each(invalidTags)(
    'invalid tag expression %s fails the step',
    async expression => {
      const r = await conformanceRun('event_push_master.env', {images: ['user/app'], tags: [expression]});
      expect(r.signal).toBeNull();
      expect(r.code).not.toBe(0);
      expect(r.log).toContain(expression);
      expect(r.log).toMatch(/^::error::/m);
    },
    TEST_TIMEOUT_MS
  );

  test(
    'the github-token is sent to the API and never logged',
    async () => {
      const own = await startGitHubApiStub();
      try {
        const r = await conformanceRun('event_push_dev.env', {images: ['user/app']}, {}, own.url);
        expectSuccess(r);
        const repoCalls = own.calls.filter(c => /^\/repos\/docker\/test-docker-action\/?(\?|$)/.test(c.path));
        expect(repoCalls.length).toBeGreaterThan(0);
        expect(repoCalls.every(c => (c.authorization ?? '').includes(TOKEN))).toBe(true);
        // `::add-mask::<token>` is how an action registers a secret with the runner: allowed.
        const leaks = r.log.split('\n').filter(l => l.includes(TOKEN) && !l.startsWith('::add-mask::'));
        expect(leaks).toEqual([]);
        const files = JSON.stringify([r.outputs, r.state, r.exportedEnv]) + r.summary;
        expect(files).not.toContain(TOKEN);
      } finally {
        await own.close();
      }
    },
    TEST_TIMEOUT_MS
  );
});
