// End-to-end: the bundled action (dist/index.js), run the way GitHub's runner runs it, against a real
// engine on this machine: dockerd with the containerd image store, buildx, QEMU binfmt for arm64 and an
// htpasswd-protected registry on $REGISTRY_ADDR (127.0.0.1:5000). Bring the engine up first with
//
//   eval "$(bash scripts/engine-up.sh)"
//
// Without it the suite is skipped with a warning, except under CI (CI set), where it fails.
// Needs dist/index.js (`npm run build`) and Node 24 (run through `npm test` / node_modules/.bin).
//
// Every suite run publishes to its own repositories (`e2e-<random>/backend`, `.../frontend`), builds
// from temporary workspaces whose Dockerfiles carry a per-run nonce (so the RUN steps really run, under
// QEMU for arm64, instead of coming from an earlier run's cache), and removes what it made: temporary
// directories, the images dockerd keeps locally, and (best effort) the manifests it pushed.
// The bundle is copied once at the start, so a concurrent `npm run build` can't change it mid-suite.
// E2E_LOG_DIR=<dir> keeps every run's log, outputs, state and summary there.
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {parse as parseYaml} from 'yaml';
import {cleanupRuns, defaultEntry, repoRoot, runAction, runPost, startGitHubApiStub, type GitHubApiStub, type RunResult} from '../support/action.js';
import {exec, type Exec} from '../support/exec.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryJson, registryRequest, fileInImage, tagDigests, tagList} from '../support/registry.js';
import {binfmtProblem, buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';

const ENGINE_HINT = 'run `eval "$(bash scripts/engine-up.sh)"` first (it starts dockerd, buildx, QEMU binfmt and the registry, and puts docker on PATH)';

const OWNER = 'acme';
const REPO = 'shop';
const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const SHORT_SHA = SHA.slice(0, 7);
const PR_HEAD_SHA = 'f0e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d';
const PR_MERGE_SHA = '9d8c7b6a5f4e3d2c1b0a99887766554433221100';
const GITHUB_TOKEN = 'ghs_e2eNotARealToken0123456789';
const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const RELEASE_TAGS = ['type=ref,event=branch', 'type=ref,event=pr', 'type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}', 'type=sha'].join('\n');
const REGISTRY_AUTH = `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`;
const RUN_TIMEOUT_MS = 240_000;
const TEST_TIMEOUT_MS = 300_000;

const REPO_JSON = {
  id: 424242,
  name: REPO,
  full_name: `${OWNER}/${REPO}`,
  private: false,
  owner: {login: OWNER, id: 4242, type: 'Organization'},
  html_url: `https://github.com/${OWNER}/${REPO}`,
  description: 'Shop services, built for amd64 and arm64',
  fork: false,
  default_branch: 'main',
  license: {key: 'mit', name: 'MIT License', spdx_id: 'MIT'},
  topics: []
};

// What the suite needs: the engine, the registry (with the tests' credentials) and QEMU for linux/arm64.
// Without them it is skipped with a warning, except under CI, where it fails (support/prereqs.ts).
const gate = await prerequisites('e2e publish', [
  dockerProblem(),
  buildxProblem(),
  registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD}),
  binfmtProblem(['aarch64'])
]);
const engineReady = gate.ready;
const engineProblems = gate.problems;
const describeEngine = gate.describe;

// ------------------------------------------------------------------------------------------------
// docker, with a DOCKER_CONFIG of the tests' own (logged in to the registry)
// ------------------------------------------------------------------------------------------------

let testDockerConfig = '';
const dockerEnv = (): NodeJS.ProcessEnv => ({...process.env, DOCKER_CONFIG: testDockerConfig});

async function docker(args: string[], opts: {input?: string; allowFailure?: boolean} = {}): Promise<Exec> {
  const r = await exec('docker', args, {env: dockerEnv(), input: opts.input, timeoutMs: 120_000});
  if (r.code !== 0 && !opts.allowFailure) throw new Error(`docker ${args.join(' ')} failed (exit ${r.code}): ${r.stderr || r.stdout}`);
  return r;
}

async function imagetools(ref: string, format: 'raw' | '{{json .Manifest}}' | '{{json .Image}}'): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await docker(['buildx', 'imagetools', 'inspect', ref, ...(format === 'raw' ? ['--raw'] : ['--format', format])]);
  return JSON.parse(r.stdout);
}

interface Descriptor {
  mediaType: string;
  digest: string;
  platform?: {os: string; architecture: string; variant?: string};
  annotations?: Record<string, string>;
}

/** The platform manifests of an index, attestation manifests aside: platform -> descriptor. */
function platformManifests(index: {manifests?: Descriptor[]}): Record<string, Descriptor> {
  const out: Record<string, Descriptor> = {};
  for (const m of index.manifests ?? []) {
    if (!m.platform || m.platform.os === 'unknown' || m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') continue;
    out[[m.platform.os, m.platform.architecture, m.platform.variant].filter(Boolean).join('/')] = m;
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// workspaces, events and runs
// ------------------------------------------------------------------------------------------------

const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

let busyboxDir = '';
let actionEntry = '';

/**
 * A copy of the bundle (dist/, or $ACTION_ENTRY's folder) taken once, so that every run of the suite,
 * main and post steps alike, runs the same bytes even if someone rebuilds dist/ meanwhile. A rebuild in
 * progress (dist/ removed, then written again) is waited for, up to a minute.
 */
async function snapshotBundle(): Promise<string> {
  const dir = path.dirname(defaultEntry);
  for (let waited = 0; !fs.existsSync(defaultEntry); waited += 1000) {
    if (waited >= 60_000) throw new Error(`${defaultEntry} does not exist: run \`npm run build\` first to bundle the action`);
    await new Promise(r => setTimeout(r, 1000));
  }
  await new Promise(r => setTimeout(r, 500)); // let a build that just wrote index.js finish its other chunks
  const copy = tempDir('bundle');
  fs.cpSync(dir, copy, {recursive: true});
  return path.join(copy, path.basename(defaultEntry));
}

/** The shared base stage of both Dockerfiles: busybox for the target architecture, and a RUN that
 *  executes on the target platform (under QEMU for arm64) and writes what `uname -m` says. */
function baseStage(nonce: string): string {
  return [
    'FROM scratch AS base',
    'ARG TARGETARCH',
    'COPY rootfs/busybox-${TARGETARCH} /bin/busybox',
    `RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin && uname -m > /arch && echo ${nonce} > /nonce"]`,
    ''
  ].join('\n');
}

interface WorkspaceOptions {
  nonce: string;
  /** Steps of the final stage, after `FROM base`. */
  backend?: string[];
  frontend?: string[];
}

/** A checkout: docker/backend.Dockerfile and docker/frontend.Dockerfile (one base stage, shared), rootfs/busybox-<arch>. */
function makeWorkspace(o: WorkspaceOptions): string {
  const ws = tempDir('ws');
  fs.mkdirSync(path.join(ws, 'docker'));
  fs.mkdirSync(path.join(ws, 'rootfs'));
  for (const arch of ['amd64', 'arm64']) fs.copyFileSync(path.join(busyboxDir, `busybox-${arch}`), path.join(ws, 'rootfs', `busybox-${arch}`));
  const final = (role: string, steps?: string[]) => ['FROM base', ...(steps ?? [`RUN echo ${role} > /role`]), 'CMD ["/bin/cat", "/arch"]', ''].join('\n');
  fs.writeFileSync(path.join(ws, 'docker', 'backend.Dockerfile'), `${baseStage(o.nonce)}\n${final('backend', o.backend)}`);
  fs.writeFileSync(path.join(ws, 'docker', 'frontend.Dockerfile'), `${baseStage(o.nonce)}\n${final('frontend', o.frontend)}`);
  fs.writeFileSync(path.join(ws, 'README.md'), '# shop\n');
  return ws;
}

/** A user's home with a docker config of its own (an unrelated login), to check that it is left alone. */
const USER_DOCKER_CONFIG = JSON.stringify({auths: {'registry.example.com': {auth: Buffer.from('someone:elses-token').toString('base64')}}}, null, 2) + '\n';
function makeHome(): string {
  const home = tempDir('home');
  fs.mkdirSync(path.join(home, '.docker'));
  fs.writeFileSync(path.join(home, '.docker', 'config.json'), USER_DOCKER_CONFIG, {mode: 0o600});
  return home;
}

const repository = {...REPO_JSON, owner: {login: OWNER}};
const headCommit = {
  id: SHA,
  tree_id: '7d1c0f2b3a4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c',
  distinct: true,
  message: 'Add the frontend image',
  timestamp: '2025-03-14T09:26:53+01:00',
  url: `https://github.com/${OWNER}/${REPO}/commit/${SHA}`,
  author: {name: 'Dev', email: 'dev@example.com', username: 'dev'},
  committer: {name: 'GitHub', email: 'noreply@github.com', username: 'web-flow'}
};

interface GitHubEvent {
  name: string;
  ref: string;
  sha: string;
  refName: string;
  refType: 'branch' | 'tag';
  payload: object;
  extraEnv?: Record<string, string>;
}

const EVENTS: Record<'pushMain' | 'tagPush' | 'pullRequest', GitHubEvent> = {
  pushMain: {
    name: 'push',
    ref: 'refs/heads/main',
    sha: SHA,
    refName: 'main',
    refType: 'branch',
    payload: {
      ref: 'refs/heads/main',
      before: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c',
      after: SHA,
      base_ref: null,
      created: false,
      deleted: false,
      forced: false,
      compare: `https://github.com/${OWNER}/${REPO}/compare/0f1e2d3c4b5a...${SHORT_SHA}`,
      commits: [headCommit],
      head_commit: headCommit,
      pusher: {name: 'dev', email: 'dev@example.com'},
      repository,
      sender: {login: 'dev', type: 'User'}
    }
  },
  tagPush: {
    name: 'push',
    ref: 'refs/tags/v1.2.3',
    sha: SHA,
    refName: 'v1.2.3',
    refType: 'tag',
    payload: {
      ref: 'refs/tags/v1.2.3',
      before: '0000000000000000000000000000000000000000',
      after: SHA,
      base_ref: 'refs/heads/main',
      created: true,
      deleted: false,
      forced: false,
      compare: `https://github.com/${OWNER}/${REPO}/compare/v1.2.3`,
      commits: [],
      head_commit: headCommit,
      pusher: {name: 'dev', email: 'dev@example.com'},
      repository,
      sender: {login: 'dev', type: 'User'}
    }
  },
  pullRequest: {
    name: 'pull_request',
    ref: 'refs/pull/7/merge',
    sha: PR_MERGE_SHA,
    refName: '7/merge',
    refType: 'branch',
    extraEnv: {GITHUB_HEAD_REF: 'feature/checkout', GITHUB_BASE_REF: 'main'},
    payload: {
      action: 'synchronize',
      number: 7,
      before: '1111111111111111111111111111111111111111',
      after: PR_HEAD_SHA,
      pull_request: {
        number: 7,
        state: 'open',
        title: 'Checkout page',
        merged: false,
        draft: false,
        head: {ref: 'feature/checkout', sha: PR_HEAD_SHA, label: `${OWNER}:feature/checkout`, repo: repository},
        base: {ref: 'main', sha: SHA, label: `${OWNER}:main`, repo: repository},
        user: {login: 'dev'}
      },
      repository,
      sender: {login: 'dev', type: 'User'}
    }
  }
};

/** The defaults action.yml gives its inputs (the runner passes every input, defaulted or not),
 *  leaving out the ones that are expressions (github.repository, github.token): the tests set those. */
function actionDefaults(): Record<string, string> {
  const action = parseYaml(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {inputs: Record<string, {default?: unknown}>};
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    const d = spec.default;
    if (d === undefined || d === null || String(d).includes('${{')) continue;
    out[name] = String(d);
  }
  return out;
}

let stub: GitHubApiStub | undefined;
let runCounter = 0;
/** Every repository a run may have pushed to, for the clean-up. */
const ourRepos = new Set<string>();
const RUN_ID_BASE = 7_000_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;

interface RunSpec {
  workspace: string;
  event: GitHubEvent;
  home: string;
  ns: string;
  inputs?: Record<string, string>;
  runId?: string;
  attempt?: string;
  /** Registry host for `registry` and `registry-auth` (default $REGISTRY_ADDR; a fault-injecting proxy). */
  registry?: string;
}

/**
 * One workflow step `uses: ./` with the tests' inputs, on the given event, in the given checkout. (This
 * engine's registry now and then answers a HEAD of a just-pushed tag with a 500 — it read the tag's link
 * file while it was being rewritten; the action retries such transient push errors itself.)
 */
async function actionRun(spec: RunSpec): Promise<RunResult> {
  return actionRunOnce(spec);
}

async function actionRunOnce(spec: RunSpec): Promise<RunResult> {
  if (!stub) throw new Error('the GitHub API stub is not running (beforeAll failed)');
  const registry = spec.registry ?? REGISTRY;
  const eventFile = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(eventFile, JSON.stringify(spec.event.payload, null, 2));
  const runId = spec.runId ?? String(RUN_ID_BASE + ++runCounter);
  for (const role of ['backend', 'frontend']) ourRepos.add(`${spec.ns}/${role}`);
  const result = await runAction({
    entry: actionEntry,
    cwd: spec.workspace,
    timeoutMs: RUN_TIMEOUT_MS,
    env: {
      // the engine the probe found (engine-up unsets these; a developer may point them elsewhere)
      ...(process.env.DOCKER_HOST ? {DOCKER_HOST: process.env.DOCKER_HOST} : {}),
      ...(process.env.DOCKER_CONTEXT ? {DOCKER_CONTEXT: process.env.DOCKER_CONTEXT} : {}),
      HOME: spec.home,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION: '__self',
      GITHUB_ACTION_PATH: repoRoot,
      GITHUB_ACTOR: 'dev',
      GITHUB_API_URL: stub.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_GRAPHQL_URL: `${stub.url}/graphql`,
      GITHUB_EVENT_NAME: spec.event.name,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_REF: spec.event.ref,
      GITHUB_REF_NAME: spec.event.refName,
      GITHUB_REF_TYPE: spec.event.refType,
      GITHUB_REF_PROTECTED: 'false',
      GITHUB_SHA: spec.event.sha,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_REPOSITORY_OWNER: OWNER,
      GITHUB_RUN_ID: runId,
      GITHUB_RUN_NUMBER: String(runCounter),
      GITHUB_RUN_ATTEMPT: spec.attempt ?? '1',
      GITHUB_JOB: 'publish',
      GITHUB_WORKFLOW: 'release',
      GITHUB_WORKSPACE: spec.workspace,
      GITHUB_HEAD_REF: '',
      GITHUB_BASE_REF: '',
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64',
      ...spec.event.extraEnv
    },
    inputs: {
      ...actionDefaults(),
      'github-token': GITHUB_TOKEN,
      registry,
      images: `name=${spec.ns}/backend,file=docker/backend.Dockerfile\nname=${spec.ns}/frontend,file=docker/frontend.Dockerfile`,
      'registry-auth': registry === REGISTRY ? REGISTRY_AUTH : `- registry: ${registry}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`,
      tags: RELEASE_TAGS,
      platforms: PLATFORMS.join(','),
      ...spec.inputs
    }
  });
  keepLog(`${spec.event.name}-${spec.event.refName.replace(/\W+/g, '-')}-${runId}-${spec.attempt ?? '1'}`, result);
  return result;
}

/** With E2E_LOG_DIR set, every run's log, outputs, state and summary are kept there (for debugging). */
function keepLog(name: string, r: RunResult): void {
  const dir = process.env.E2E_LOG_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, {recursive: true});
  fs.writeFileSync(path.join(dir, `${name}.log`), r.log);
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({code: r.code, outputs: r.outputs, state: r.state}, null, 2));
  fs.writeFileSync(path.join(dir, `${name}.summary.md`), r.summary);
}

/** The run's log with the runner's own masking applied (`::add-mask::` lines are commands, not log). */
function visibleLog(r: RunResult): string {
  return r.log
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n');
}

function tail(text: string, lines = 80): string {
  return text.split('\n').slice(-lines).join('\n');
}

function expectExit(r: RunResult, expected: 'success' | 'failure'): void {
  const ok = expected === 'success' ? r.code === 0 : r.code !== 0 && r.code !== null;
  if (!ok) throw new Error(`expected the step to ${expected === 'success' ? 'succeed' : 'fail'}, it exited ${r.code}${r.signal ? ` (${r.signal})` : ''}; log:\n${tail(r.log, 150)}`);
}

interface ImagesOutputEntry {
  id: string;
  names: string[];
  digest: string | null;
  tags: string[];
  pushed: boolean;
  platforms: {platform: string; digest: string | null; size: number | null}[];
}

const lines = (s: string | undefined) => (s ?? '').split('\n').filter(Boolean);
const keyValues = (entries: string[]) => Object.fromEntries(entries.map(e => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));

/** After a post step: the job's credentials directory is gone, the user's docker config is untouched. */
function expectNoCredentialsLeft(main: RunResult, home: string): void {
  const dir = main.state.dockerConfig;
  expect(dir).toBeTruthy();
  expect(fs.existsSync(dir)).toBe(false);
  const userConfig = path.join(home, '.docker', 'config.json');
  expect(fs.readFileSync(userConfig, 'utf8')).toBe(USER_DOCKER_CONFIG);
  expect(Object.keys(JSON.parse(fs.readFileSync(userConfig, 'utf8')).auths ?? {})).not.toContain(REGISTRY);
}

// ------------------------------------------------------------------------------------------------
// shared state: one namespace for the publishing tests, runs made once and reused
// ------------------------------------------------------------------------------------------------

const NS = `e2e-${randomBytes(4).toString('hex')}`;
const BACKEND = `${REGISTRY}/${NS}/backend`;
const FRONTEND = `${REGISTRY}/${NS}/frontend`;
const NONCE = `nonce-${NS}`;
let mainWorkspace = '';

interface MainPublish {
  run: RunResult;
  home: string;
  runId: string;
}

let mainPublish: Promise<MainPublish> | undefined;
/** The push to main that publishes both images (test 1 checks it; later tests build on what it left). */
function publishMain(): Promise<MainPublish> {
  mainPublish ??= (async () => {
    const home = makeHome();
    const run = await actionRun({workspace: mainWorkspace, event: EVENTS.pushMain, home, ns: NS, runId: String(RUN_ID_BASE + ++runCounter)});
    return {run, home, runId: run.env.GITHUB_RUN_ID};
  })();
  return mainPublish;
}

async function requireMainPublished(): Promise<MainPublish> {
  const m = await publishMain();
  if (m.run.code !== 0) throw new Error(`prerequisite failed: the push-to-main publish exited ${m.run.code}; log:\n${tail(m.run.log)}`);
  return m;
}

interface FailedPublish {
  run: RunResult;
  home: string;
  before: Record<string, Record<string, string>>;
}

let failedPublish: Promise<FailedPublish> | undefined;
/** Test 4's run: the same commit again, frontend's build broken, backend's changed. */
function publishBroken(): Promise<FailedPublish> {
  failedPublish ??= (async () => {
    const {runId} = await requireMainPublished();
    const before = {[BACKEND]: await tagDigests(`${NS}/backend`), [FRONTEND]: await tagDigests(`${NS}/frontend`)};
    const workspace = makeWorkspace({nonce: NONCE, backend: ['RUN echo backend, second edition > /role'], frontend: ['RUN echo frontend > /role', 'RUN exit 3']});
    const home = makeHome();
    // a re-run of the main workflow run: same run id, next attempt
    const run = await actionRun({workspace, event: EVENTS.pushMain, home, ns: NS, runId, attempt: '2'});
    return {run, home, before};
  })();
  return failedPublish;
}

// ------------------------------------------------------------------------------------------------
// a registry that fails on purpose: a proxy on 127.0.0.1 in front of the real one
// ------------------------------------------------------------------------------------------------

interface FaultyRegistry {
  /** host:port, for image names and registry-auth (dockerd and buildx take 127.0.0.0/8 as plain HTTP). */
  addr: string;
  /** The requests that were answered with the injected error. */
  injected: string[];
  close(): Promise<void>;
}

/**
 * Forwards everything to $REGISTRY_ADDR unchanged (Host header included, so the registry's upload URLs
 * point back at the proxy), except requests `fail` picks: those get `status` and a registry error body.
 */
async function startFaultyRegistry(fail: (method: string, url: string, injectedSoFar: number) => boolean, status: number, error: {code: string; message: string}): Promise<FaultyRegistry> {
  const injected: string[] = [];
  const [upHost, upPort] = [REGISTRY.slice(0, REGISTRY.lastIndexOf(':')), Number(REGISTRY.slice(REGISTRY.lastIndexOf(':') + 1))];
  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    if (fail(method, url, injected.length)) {
      injected.push(`${method} ${url}`);
      req.resume();
      res.writeHead(status, {'content-type': 'application/json; charset=utf-8', 'docker-distribution-api-version': 'registry/2.0'});
      res.end(JSON.stringify({errors: [{...error, detail: 'injected by the e2e test'}]}));
      return;
    }
    const upstream = http.request({host: upHost, port: upPort, method, path: url, headers: req.headers}, up => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', e => {
      if (!res.headersSent) res.writeHead(502);
      res.end(String(e));
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const {port} = server.address() as import('node:net').AddressInfo;
  return {
    addr: `127.0.0.1:${port}`,
    injected,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}

/** A PUT of a manifest of frontend's, by digest (the docker driver's OCI layout push, steps/staging.ts, before any tag moves). */
const isFrontendStagingPut = (ns: string) => (method: string, url: string) => method === 'PUT' && url.startsWith(`/v2/${ns}/frontend/manifests/sha256:`);

// ------------------------------------------------------------------------------------------------
// the tests
// ------------------------------------------------------------------------------------------------

describeEngine('publish end to end (real dockerd, buildx, QEMU and registry)', () => {
  beforeAll(async () => {
    if (!engineReady) throw new Error(`The build engine is not available:\n  - ${engineProblems.join('\n  - ')}\nUnder CI the e2e tests must run: ${ENGINE_HINT}.`);
    const bb = tempDir('busybox');
    const got = await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), bb], {timeoutMs: 300_000});
    if (got.code !== 0) throw new Error(`scripts/busybox-static.sh failed: ${got.stderr}`);
    busyboxDir = bb;
    actionEntry = await snapshotBundle();
    testDockerConfig = tempDir('docker-config');
    await docker(['login', REGISTRY, '--username', REGISTRY_USER, '--password-stdin'], {input: REGISTRY_PASSWORD});
    stub = await startGitHubApiStub(REPO_JSON);
    mainWorkspace = makeWorkspace({nonce: NONCE});
  }, 360_000);

  afterAll(async () => {
    await stub?.close();
    if (engineReady) {
      // what the runs left in dockerd's image store (the docker driver keeps the staging tags locally)
      const images = await exec('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']);
      const ours = lines(images.stdout).filter(ref => ref.startsWith('127.0.0.1:') && [...ourRepos].some(repo => ref.slice(ref.indexOf('/') + 1).startsWith(`${repo}:`)));
      if (ours.length) await exec('docker', ['image', 'rm', '--force', ...ours]);
      // and, best effort, the manifests pushed to the registry
      for (const repo of ourRepos) {
        try {
          const digests = new Set(Object.values(await tagDigests(repo)));
          for (const d of digests) await registryRequest('DELETE', `/v2/${repo}/manifests/${d}`);
        } catch {
          // the registry may not allow deletes: unique names keep runs apart anyway
        }
      }
      if (testDockerConfig) await exec('docker', ['logout', REGISTRY], {env: dockerEnv()});
    }
    cleanupRuns();
    for (const d of tempDirs) fs.rmSync(d, {recursive: true, force: true});
  }, 120_000);

  test('push to main: both images on both platforms, every tag on one index, labels, annotations, summary; the post step leaves no credentials', async () => {
    const {run, home} = await publishMain();
    expectExit(run, 'success');
    const log = visibleLog(run);

    // names: `<ns>/backend` has a slash, so only the registry is put in front
    const plan = JSON.parse(run.outputs.plan) as {id: string; images: string[]; push: boolean}[];
    expect(plan.map(b => b.images)).toEqual([[BACKEND], [FRONTEND]]);
    expect(plan.every(b => b.push)).toBe(true);
    expect(run.outputs.version).toBe('main');
    expect(lines(run.outputs['tag-names']).sort()).toEqual(['main', `sha-${SHORT_SHA}`]);

    const images = JSON.parse(run.outputs.images) as ImagesOutputEntry[];
    expect(images.map(i => i.names)).toEqual([[BACKEND], [FRONTEND]]);
    for (const i of images) expect(i.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(images[0].digest).not.toBe(images[1].digest);
    expect(run.outputs.digest).toBe(images[0].digest);
    expect(run.outputs.imageid).toMatch(/^sha256:[0-9a-f]{64}$/);
    const metadata = JSON.parse(run.outputs.metadata) as Record<string, Record<string, unknown>>;
    expect(metadata.backend['containerimage.digest']).toBe(images[0].digest);
    expect(metadata.frontend['containerimage.digest']).toBe(images[1].digest);

    const labels = keyValues(lines(run.outputs.labels));
    expect(labels).toMatchObject({
      'org.opencontainers.image.title': REPO,
      'org.opencontainers.image.description': REPO_JSON.description,
      'org.opencontainers.image.version': 'main',
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.source': REPO_JSON.html_url,
      'org.opencontainers.image.licenses': 'MIT'
    });
    expect(labels['org.opencontainers.image.created']).toMatch(/^\d{4}-\d\d-\d\dT/);
    const manifestAnnotations = keyValues(lines(run.outputs.annotations).filter(a => a.startsWith('manifest:')).map(a => a.slice('manifest:'.length)));
    expect(manifestAnnotations['org.opencontainers.image.version']).toBe('main');

    const digestOf: Record<string, string> = {[BACKEND]: images[0].digest!, [FRONTEND]: images[1].digest!};
    const tags = lines(run.outputs.tags);
    expect(tags.sort()).toEqual([`${BACKEND}:main`, `${BACKEND}:sha-${SHORT_SHA}`, `${FRONTEND}:main`, `${FRONTEND}:sha-${SHORT_SHA}`].sort());

    // every tag: an OCI index with both platforms, the digest the outputs name, annotations at index level
    for (const ref of tags) {
      const name = ref.slice(0, ref.lastIndexOf(':'));
      const manifest = await imagetools(ref, '{{json .Manifest}}');
      expect({ref, mediaType: manifest.mediaType}).toEqual({ref, mediaType: 'application/vnd.oci.image.index.v1+json'});
      expect({ref, digest: manifest.digest}).toEqual({ref, digest: digestOf[name]});
      expect(Object.keys(platformManifests(manifest)).sort()).toEqual(PLATFORMS);
      expect(manifest.annotations).toMatchObject({
        'org.opencontainers.image.description': REPO_JSON.description,
        'org.opencontainers.image.version': 'main',
        'org.opencontainers.image.created': labels['org.opencontainers.image.created']
      });
    }

    for (const [index, entry] of images.entries()) {
      const name = entry.names[0];
      const repo = name.slice(REGISTRY.length + 1);
      const role = index === 0 ? 'backend' : 'frontend';
      // the index as stored (raw), and what the outputs say of its platforms
      const raw = await imagetools(`${name}:main`, 'raw');
      const perPlatform = platformManifests(raw);
      expect(Object.keys(perPlatform).sort()).toEqual(PLATFORMS);
      expect(entry.platforms.map(p => p.platform).sort()).toEqual(PLATFORMS);
      for (const p of entry.platforms) expect(p.digest).toBe(perPlatform[p.platform].digest);
      expect(raw.annotations?.['org.opencontainers.image.description']).toBe(REPO_JSON.description);

      // each platform's image config carries the labels of the outputs
      const configs = await imagetools(`${name}:main`, '{{json .Image}}');
      expect(Object.keys(configs).sort()).toEqual(PLATFORMS);
      for (const platform of PLATFORMS) {
        expect({platform, labels: configs[platform].config.Labels}).toEqual({platform, labels: expect.objectContaining(labels)});
        expect(configs[platform].architecture).toBe(platform.split('/')[1]);
        // manifest-level annotations on each platform manifest
        const platformManifest = await registryJson(repo, perPlatform[platform].digest);
        expect(platformManifest.annotations).toMatchObject(manifestAnnotations);
      }

      // the RUN step ran on each platform: natively for amd64, under QEMU for arm64, in this run
      expect(await fileInImage(repo, perPlatform['linux/amd64'].digest, 'arch')).toBe('x86_64\n');
      expect(await fileInImage(repo, perPlatform['linux/arm64'].digest, 'arch')).toBe('aarch64\n');
      expect(await fileInImage(repo, perPlatform['linux/arm64'].digest, 'nonce')).toBe(`${NONCE}\n`);
      expect(await fileInImage(repo, perPlatform['linux/arm64'].digest, 'role')).toBe(`${role}\n`);

      // the summary has a row for the image with its digest
      const row = run.summary.split('\n').find(l => l.startsWith('|') && l.includes(`\`${name}\``));
      expect(row).toBeDefined();
      expect(row).toContain(entry.digest!.slice(0, 19));
      expect(row).toContain('linux/arm64');
    }
    expect(run.summary).toContain('✅ published');

    // logged in through the job's own DOCKER_CONFIG, password never in the log
    expect(log).toContain(`[command] docker login --username=${REGISTRY_USER} --password-stdin -- ${REGISTRY}`);
    expect(log).not.toContain(REGISTRY_PASSWORD);
    expect(log).not.toContain(GITHUB_TOKEN);
    expect(run.state.dockerConfig).toContain(run.runnerTemp);
    expect(JSON.parse(run.state.logins)).toEqual([REGISTRY]);
    expect(fs.readFileSync(path.join(home, '.docker', 'config.json'), 'utf8')).toBe(USER_DOCKER_CONFIG);

    const post = await runPost(run);
    expectExit(post, 'success');
    expect(post.log).toContain(`Logged out of ${REGISTRY} (its credentials were in the job's docker config only)`);
    expectNoCredentialsLeft(run, home);
  }, TEST_TIMEOUT_MS);

  test('tag push v1.2.3: 1.2.3, 1.2, latest and sha-<short> on both platforms; main stays where it was', async () => {
    const main = await requireMainPublished();
    const mainImages = JSON.parse(main.run.outputs.images) as ImagesOutputEntry[];
    const home = makeHome();
    const run = await actionRun({workspace: mainWorkspace, event: EVENTS.tagPush, home, ns: NS});
    expectExit(run, 'success');
    expect(run.outputs.version).toBe('1.2.3');
    const expectedTags = ['1.2.3', '1.2', 'latest', `sha-${SHORT_SHA}`];
    expect(lines(run.outputs['tag-names']).sort()).toEqual([...expectedTags].sort());

    const images = JSON.parse(run.outputs.images) as ImagesOutputEntry[];
    expect(images.map(i => i.names)).toEqual([[BACKEND], [FRONTEND]]);
    expect(run.outputs.digest).toBe(images[0].digest);
    for (const [i, entry] of images.entries()) {
      const name = entry.names[0];
      for (const tag of expectedTags) {
        const manifest = await imagetools(`${name}:${tag}`, '{{json .Manifest}}');
        expect({tag, digest: manifest.digest}).toEqual({tag, digest: entry.digest});
        expect(Object.keys(platformManifests(manifest)).sort()).toEqual(PLATFORMS);
      }
      const configs = await imagetools(`${name}:1.2.3`, '{{json .Image}}');
      for (const platform of PLATFORMS) expect(configs[platform].config.Labels['org.opencontainers.image.version']).toBe('1.2.3');
      // not a tag of this release: left on the push to main's index
      const mainTag = await imagetools(`${name}:main`, '{{json .Manifest}}');
      expect(mainTag.digest).toBe(mainImages[i].digest);
    }

    const post = await runPost(run);
    expectExit(post, 'success');
    expectNoCredentialsLeft(run, home);
  }, TEST_TIMEOUT_MS);

  test('pull_request: built for both platforms, nothing pushed, no login', async () => {
    const repos = [`${NS}/backend`, `${NS}/frontend`];
    const before = await Promise.all(repos.map(tagDigests));
    // a fresh nonce: the PR's build really runs rather than coming from the cache of the pushes above
    const workspace = makeWorkspace({nonce: `${NONCE}-pr7`});
    const home = makeHome();
    const run = await actionRun({workspace, event: EVENTS.pullRequest, home, ns: NS});
    expectExit(run, 'success');
    const log = visibleLog(run);

    const plan = JSON.parse(run.outputs.plan) as {id: string; push: boolean; platforms: string[]}[];
    expect(plan.map(b => [b.id, b.push, b.platforms])).toEqual([
      ['backend', false, PLATFORMS],
      ['frontend', false, PLATFORMS]
    ]);
    expect(lines(run.outputs['tag-names'])).toEqual(['pr-7', `sha-${PR_MERGE_SHA.slice(0, 7)}`]);
    // both platforms were built. BuildKit names a vertex after the first target that asked for it (the
    // shared base stage shows under one target only) and puts the platform in COPY steps, not in RUN
    // steps: so, steps of each platform, and each target's own RUN step as two vertices, one a platform.
    for (const platform of PLATFORMS) expect({platform, inLog: new RegExp(`^#\\d+ \\[\\w+ ${platform} `, 'm').test(log)}).toEqual({platform, inLog: true});
    for (const target of ['backend', 'frontend']) {
      const vertices = new Set([...log.matchAll(new RegExp(`^#(\\d+) \\[${target} stage-1 1/1\\] RUN echo ${target} > /role$`, 'gm'))].map(m => m[1]));
      expect({target, vertices: vertices.size}).toEqual({target, vertices: PLATFORMS.length});
    }
    expect(log).toMatch(/\[command\] docker buildx bake /);
    expect(log).toContain(`echo ${NONCE}-pr7 > /nonce`);
    expect(run.summary).toContain('built (not pushed)');

    // nothing pushed, no login
    const after = await Promise.all(repos.map(tagDigests));
    expect(after).toEqual(before);
    for (const name of [BACKEND, FRONTEND]) {
      const inspect = await docker(['buildx', 'imagetools', 'inspect', `${name}:pr-7`], {allowFailure: true});
      expect(inspect.code).not.toBe(0);
    }
    expect(run.state.logins).toBeUndefined();
    expect(log).not.toMatch(/\[command\] docker login/);
    expect(log).not.toMatch(/\[command\] docker buildx imagetools create/);
    expect(log).not.toContain(REGISTRY_PASSWORD);

    const post = await runPost(run);
    expectExit(post, 'success');
    expect(post.log).not.toContain('docker logout');
    expect(fs.existsSync(run.state.dockerConfig)).toBe(false);
  }, TEST_TIMEOUT_MS);

  test('a failing image fails the step, names the image and platform, and moves no tag (not even the good image\'s)', async () => {
    const {run, before} = await publishBroken();
    expectExit(run, 'failure');
    const log = visibleLog(run);

    // the ::error names the frontend image and a platform
    const errors = log.split('\n').filter(l => l.startsWith('::error'));
    expect(errors.some(l => l.includes(FRONTEND) && /linux\/(amd64|arm64)/.test(l))).toBe(true);
    expect(errors.some(l => l.includes(BACKEND) && l.includes('failed on'))).toBe(false);
    expect(log).toContain('::group::BuildKit log of the failed step (frontend)');
    expect(log).not.toMatch(/\[command\] docker buildx imagetools create/);
    expect(run.summary).toContain('❌ failed');

    // every tag that existed points where it did; the only new tag may be this attempt's staging tag
    // (content only, never a tag a user pulls)
    const staging = new RegExp(`^mp-staging-\\d+-2-${SHORT_SHA}$`);
    for (const [name, tagsBefore] of Object.entries(before)) {
      expect(Object.keys(tagsBefore)).toEqual(expect.arrayContaining(['main', `sha-${SHORT_SHA}`]));
      const after = await tagDigests(name.slice(REGISTRY.length + 1));
      for (const [tag, digest] of Object.entries(tagsBefore)) expect({name, tag, digest: after[tag]}).toEqual({name, tag, digest});
      const added = Object.keys(after).filter(t => !(t in tagsBefore));
      expect({name, added: added.filter(t => !staging.test(t))}).toEqual({name, added: []});
    }
  }, TEST_TIMEOUT_MS);

  // One image failing on both platforms (frontend, `RUN exit 3`) is one failed build: one error, one
  // per-platform diagnosis.
  test('one image failing on both platforms is reported once, as one failed build', async () => {
    const {run} = await publishBroken();
    expectExit(run, 'failure');
    const errors = run.log.split('\n').filter(l => l.startsWith('::error') && l.includes(`Build of ${FRONTEND} failed`));
    expect(errors).toHaveLength(1);
    expect(run.log).not.toMatch(/\d+ images failed/);
    expect(run.log.match(/--set frontend\.platform=/g) ?? []).toHaveLength(PLATFORMS.length);
  }, TEST_TIMEOUT_MS);

  test('a step that fails only under QEMU (arm64) is reported on linux/arm64 alone, and no tag is made', async () => {
    const ns = `${NS}-qemu`;
    const workspace = makeWorkspace({nonce: NONCE, frontend: ['RUN echo frontend > /role', 'RUN test "$(uname -m)" != aarch64']});
    const run = await actionRun({workspace, event: EVENTS.pushMain, home: makeHome(), ns});
    expectExit(run, 'failure');
    // the BuildKit log doesn't name the platform of a RUN step: the action rebuilds each platform alone to find it
    expect(run.log).toMatch(/--set frontend\.platform=linux\/arm64 --set frontend\.output=type=cacheonly/);
    const errors = run.log.split('\n').filter(l => l.startsWith('::error') && l.includes(`Build of ${REGISTRY}/${ns}/frontend failed on`));
    expect(errors.filter(l => l.startsWith('::error title=Build failed%3A frontend::')).length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e).toMatch(/^::error/);
      expect(e).toContain('failed on linux/arm64:');
      expect(e).not.toContain('linux/amd64');
    }
    for (const repo of [`${ns}/backend`, `${ns}/frontend`]) {
      expect({repo, tags: (await tagList(repo)).filter(t => !t.startsWith('mp-staging-'))}).toEqual({repo, tags: []});
    }
    const post = await runPost(run);
    expectExit(post, 'success');
    expect(fs.existsSync(run.state.dockerConfig)).toBe(false);
  }, TEST_TIMEOUT_MS);

  // A push failing with a transient registry error (5xx) is retried: the bake runs again (cached, so only the
  // upload repeats). Here the registry answers 503 to the first 4 PUTs of frontend's index (BuildKit itself
  // tries 4 times), then recovers.
  test('a transient 503 from the registry during the push is retried and the publish succeeds', async () => {
    const ns = `${NS}-flaky`;
    const registry = await startFaultyRegistry((m, u, n) => isFrontendStagingPut(ns)(m, u) && n < 4, 503, {code: 'UNAVAILABLE', message: 'service unavailable'});
    try {
      const run = await actionRunOnce({workspace: mainWorkspace, event: EVENTS.pushMain, home: makeHome(), ns, registry: registry.addr});
      expect(registry.injected).toHaveLength(4);
      expectExit(run, 'success');
      expect(run.log.split('\n').filter(l => /^::warning::The push failed with a transient registry error .*retrying/.test(l))).toHaveLength(1);
      const images = JSON.parse(run.outputs.images) as ImagesOutputEntry[];
      expect((await tagDigests(`${ns}/frontend`)).main).toBe(images[1].digest);
      await runPost(run);
    } finally {
      await registry.close();
    }
  }, TEST_TIMEOUT_MS);

  // A push the registry refuses (403) is not retried and is reported against the image it was for.
  test('a push the registry refuses (403) is reported against the image it was for', async () => {
    const ns = `${NS}-denied`;
    const registry = await startFaultyRegistry(isFrontendStagingPut(ns), 403, {code: 'DENIED', message: 'requested access to the resource is denied'});
    try {
      const run = await actionRunOnce({workspace: mainWorkspace, event: EVENTS.pushMain, home: makeHome(), ns, registry: registry.addr});
      expectExit(run, 'failure');
      expect(registry.injected.length).toBeGreaterThan(0);
      // 403 is not transient: never retried
      expect(run.log).not.toMatch(/^::warning::The push failed with a transient registry error/m);
      expect(run.log).not.toMatch(/\[command\] docker buildx imagetools create/);
      for (const repo of [`${ns}/backend`, `${ns}/frontend`]) {
        expect({repo, tags: (await tagList(repo)).filter(t => !t.startsWith('mp-staging-'))}).toEqual({repo, tags: []});
      }
      const errors = run.log.split('\n').filter(l => l.startsWith('::error title=Push failed'));
      expect(errors).toEqual([expect.stringMatching(new RegExp(`^::error title=Push failed%3A frontend::Pushing ${registry.addr}/${ns}/frontend failed.*403 Forbidden`))]);
      await runPost(run);
    } finally {
      await registry.close();
    }
  }, TEST_TIMEOUT_MS);

  test('bad input (tags: type=foo): fails naming the input and line, before any docker command', async () => {
    const home = makeHome();
    const workspace = makeWorkspace({nonce: `${NONCE}-bad`});
    const run = await actionRun({
      workspace,
      event: EVENTS.pushMain,
      home,
      ns: `e2e-bad-${randomBytes(3).toString('hex')}`,
      inputs: {tags: 'type=ref,event=branch\ntype=foo'}
    });
    expectExit(run, 'failure');
    const errors = run.log.split('\n').filter(l => l.startsWith('::error'));
    expect(errors.some(l => l.includes('Input "tags", line 2') && l.includes('type=foo'))).toBe(true);
    expect(run.log).not.toContain('[command] docker');
    expect(run.state.dockerConfig).toBeUndefined();
    expect(run.state.logins).toBeUndefined();
    expect(fs.readdirSync(run.runnerTemp)).toEqual([]);
    expect(fs.readFileSync(path.join(home, '.docker', 'config.json'), 'utf8')).toBe(USER_DOCKER_CONFIG);

    const post = await runPost(run);
    expectExit(post, 'success');
    expect(post.log).not.toContain('[command] docker');
  }, TEST_TIMEOUT_MS);

  test('the post step after a failed main still logs out and removes the credentials directory', async () => {
    const {run, home} = await publishBroken();
    expectExit(run, 'failure');
    expect(run.state.dockerConfig).toBeTruthy();
    expect(fs.existsSync(run.state.dockerConfig)).toBe(true);
    expect(JSON.parse(run.state.logins)).toEqual([REGISTRY]);
    expect(fs.readFileSync(path.join(run.state.dockerConfig, 'config.json'), 'utf8')).toContain(REGISTRY);

    const post = await runPost(run);
    expectExit(post, 'success');
    expect(post.log).toContain(`Logged out of ${REGISTRY} (its credentials were in the job's docker config only)`);
    expectNoCredentialsLeft(run, home);
  }, TEST_TIMEOUT_MS);
});
