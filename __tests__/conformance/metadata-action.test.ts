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

const TOKEN = 'conformance-token';
const SOURCE_DATE_EPOCH = '1578616200'; // 2020-01-10T00:30:00Z, the instant the expected results were made at
const TEST_TIMEOUT_MS = 60_000;

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(metadataFixturesDir, file), 'utf8')) as T;
const cases = readJson<Case[]>('cases.json');
const invalidTags = readJson<string[]>('invalid-tags.json');

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
