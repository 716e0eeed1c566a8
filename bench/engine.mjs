#!/usr/bin/env node
// Publishing benchmark on the real engine (scripts/engine-up.sh): N images (1, 3 and 9 by default)
// that share a base stage, two platforms each, pushed to the local registry, built three ways:
//   A. the action (dist/index.js, publish mode, as the runner starts it) and then its post step;
//   B. N sequential `docker buildx build --push` (one build-push-action step per image), after a login;
//   C. one bare `docker buildx bake --push` of the same N targets, after a login: the floor.
// Cold (no cache) for every N; then the warm, incremental case (`--warm`, on by default): three images,
// registry cache, one source file of one image changed, each run on a fresh builder (an empty local
// cache, as on a hosted runner). Runs alternate A, B, C, A, B, C, ... No dependencies. See bench/README.md.
//
// Usage: node bench/engine.mjs [--images 1,3,9] [--rounds N] [--large-rounds N] [--warm-rounds N] [--no-warm]
//                              [--retries N] [--strict] [--scale X] [--entry FILE] [--keep] [--verbose]
//   --images L       the numbers of images, comma-separated (default 1,3,9)
//   --rounds N       measured rounds of the 3-image set (the issue's figures), each one run of A, B and C (default 3)
//   --large-rounds N measured rounds of the other sets (default 1: their figure is the per-image scaling)
//   --warm-rounds N  measured rounds of the warm case (default 2); --no-warm leaves it out
//   --retries N      run a failed run again, up to N times, under new repository names (default 1);
//                    every failure is reported, and the bench fails when the last attempt fails
//   --strict         exit 1 when a target is missed (3 and more images: median(A) <= 1.05 x median(C),
//                    median(A) <= 0.50 x median(B); overhead per image not growing with the number of images)
//   --scale X        multiply the work done by the RUN steps (default 1; the whole bench takes about
//                    5-8 min on 2 CPUs, depending on what else runs)
//   --entry FILE     the action's bundle (default dist/index.js)
//   --keep           keep the scratch directory (workspace, logs, runner files, docker traces) and print where
//   --verbose        print the log of every run of the action (main and post) and its docker calls
// Engine settings come from the environment engine-up.sh exports: REGISTRY_ADDR (127.0.0.1:5000),
// REGISTRY_USER (ci), REGISTRY_PASSWORD (ci-secret); docker is whichever one PATH finds.
// Exit codes: 0 done (whatever the figures, without --strict), 1 a run failed or (--strict) a target
// was missed, 2 usage error, missing bundle, or the engine / registry is not reachable.
import {spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseFileCommands, startApiStub, median, round, readTrace, traceSummary, actionDefaults, inputEnvName, registryGet, runProcess} from './lib.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BAKE_TARGET = 1.05; // median(A) / median(C) at most this
const BUILDS_TARGET = 0.5; // median(A) / median(B) at most this
/** Image names: the first three as before, then more of the same kind. */
const NAMES = ['backend', 'frontend', 'worker', 'api', 'web', 'jobs', 'auth', 'search', 'admin'];
const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const RUN_TIMEOUT_MS = 15 * 60_000;
const ENGINE_HINT = 'start it with: eval "$(bash scripts/engine-up.sh)"   (as root, from the repository root)';
const BUILDKIT_IMAGE = process.env.E2E_BUILDKIT_IMAGE || 'ci-local/buildkit:debian';

function parseArgs(argv) {
  const opts = {images: [1, 3, 9], rounds: 3, largeRounds: 1, warmRounds: 2, warm: true, retries: 1, strict: false, scale: 1, entry: path.join(repo, 'dist', 'index.js'), keep: false, verbose: false};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    const number = min => {
      const n = Number(value());
      if (!Number.isFinite(n) || n < min) usage(`${a} must be a number >= ${min}`);
      return n;
    };
    if (a === '--rounds') opts.rounds = Math.floor(number(1));
    else if (a === '--large-rounds') opts.largeRounds = Math.floor(number(1));
    else if (a === '--warm-rounds') opts.warmRounds = Math.floor(number(1));
    else if (a === '--no-warm') opts.warm = false;
    else if (a === '--images') {
      const v = value();
      const list = v.split(',').map(Number);
      if (!list.length || list.some(n => !Number.isInteger(n) || n < 1 || n > NAMES.length)) usage(`--images takes numbers from 1 to ${NAMES.length}, comma-separated (got ${v})`);
      opts.images = [...new Set(list)].sort((x, y) => x - y);
    } else if (a === '--retries') opts.retries = Math.floor(number(0));
    else if (a === '--strict') opts.strict = true;
    else if (a === '--scale') opts.scale = number(0.05);
    else if (a === '--entry') opts.entry = path.resolve(value());
    else if (a === '--keep') opts.keep = true;
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  return opts;
}

function usage(error) {
  if (error) console.error(`engine bench: ${error}`);
  console.error('usage: node bench/engine.mjs [--images 1,3,9] [--rounds N] [--large-rounds N] [--warm-rounds N] [--no-warm] [--retries N] [--strict] [--scale X] [--entry FILE] [--keep] [--verbose]');
  process.exit(2);
}

function die(code, message) {
  console.error(`engine bench: ${message}`);
  process.exit(code);
}

/** runProcess (lib.mjs) with this bench's default timeout: {ms, code, signal, log, events, startedAt}. */
function run(cmd, args, {timeoutMs = RUN_TIMEOUT_MS, ...opts} = {}) {
  return runProcess(cmd, args, {...opts, timeoutMs});
}

/**
 * Where the action's time goes, from its docker trace: its bake (the `buildx bake` call), the docker
 * calls before and after it, the wall time from the end of the bake to the end of the step (docker
 * calls, the registry API reads the action makes in its own process, outputs, summary), and its own
 * time: everything but the bake.
 */
function actionTimeline(calls, startedAt, totalMs) {
  const bake = calls.find(c => c.args.startsWith('buildx bake '));
  const before = bake ? calls.filter(c => c.start < bake.start) : calls;
  const after = bake ? calls.filter(c => c.start >= bake.end) : [];
  return {
    bakeMs: bake?.ms ?? 0,
    ownMs: totalMs - (bake?.ms ?? 0),
    afterBakeMs: bake ? Math.max(0, startedAt + totalMs - bake.end) : 0,
    before: traceSummary(before),
    after: traceSummary(after),
    afterCalls: after.map(c => ({ms: c.ms, at: bake ? c.start - bake.end : 0, args: c.args}))
  };
}


const INDEX_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ');

const secs = ms => (ms / 1000).toFixed(1);
const minutes = ms => `${Math.floor(ms / 60000)}m${String(Math.round((ms % 60000) / 1000)).padStart(2, '0')}s`;

// ------------------------------------------------------------------------------------------------
const opts = parseArgs(process.argv.slice(2));
const wallStart = Date.now();
if (!fs.existsSync(opts.entry)) die(2, `${path.relative(process.cwd(), opts.entry) || opts.entry} is missing: run \`npm run build\` first`);

const REGISTRY = process.env.REGISTRY_ADDR || '127.0.0.1:5000';
const USER = process.env.REGISTRY_USER || 'ci';
const PASSWORD = process.env.REGISTRY_PASSWORD || 'ci-secret';

const namespace = `mpbench-${new Date().toISOString().slice(0, 19).replace(/\D/g, '')}-${randomBytes(2).toString('hex')}`;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'multiarch-publish-engine-bench-'));
// Every contender gets the same small environment: PATH (docker from engine-up.sh first), a HOME of
// the bench's own (no ~/.docker of the machine's user: no current builder, no credentials), and
// whatever points docker at the daemon.
const home = path.join(scratch, 'home');
fs.mkdirSync(home);
// Every docker call of every contender goes through a shim first on PATH that appends its start, end,
// exit code and arguments to $MPBENCH_TRACE (when set): where the action's time goes, call by call.
// Bash's $EPOCHREALTIME: no process per timestamp; the shim costs a few ms per call, alike for all.
const realDocker = spawnSync('bash', ['-c', 'command -v docker'], {encoding: 'utf8'}).stdout.trim();
if (!realDocker) die(2, `no docker on PATH; ${ENGINE_HINT}`);
const shimDir = path.join(scratch, 'shim');
fs.mkdirSync(shimDir);
fs.writeFileSync(
  path.join(shimDir, 'docker'),
  '#!/bin/bash\nstart=$EPOCHREALTIME\n"$MPBENCH_REAL_DOCKER" "$@"\nrc=$?\n[ -n "$MPBENCH_TRACE" ] && printf \'%s %s %s %s\\n\' "$start" "$EPOCHREALTIME" "$rc" "$*" >> "$MPBENCH_TRACE"\nexit $rc\n',
  {mode: 0o755}
);
function baseEnv(extra = {}) {
  const env = {HOME: home, MPBENCH_REAL_DOCKER: realDocker};
  for (const k of ['PATH', 'DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY', 'TMPDIR', 'LANG']) {
    if (process.env[k] !== undefined) env[k] = process.env[k];
  }
  env.PATH = `${shimDir}:${env.PATH ?? '/usr/bin:/bin'}`;
  return {...env, ...extra};
}
/** The builders of the warm case (fresh per run), removed at the end whatever happened. */
const builders = new Set();

let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  // The docker driver keeps what it pushes in the engine's image store too: remove ours.
  try {
    const listed = await run('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'], {env: baseEnv(), timeoutMs: 60_000});
    const ours = listed.log.split('\n').filter(l => l.startsWith(`${REGISTRY}/${namespace}/`));
    for (let i = 0; i < ours.length; i += 50) await run('docker', ['image', 'rm', '--force', ...ours.slice(i, i + 50)], {env: baseEnv(), timeoutMs: 120_000});
  } catch {
    // best effort
  }
  for (const b of builders) await run('docker', ['buildx', 'rm', '--force', b], {env: baseEnv(), timeoutMs: 60_000}).catch(() => undefined);
  if (opts.keep) console.log(`scratch directory kept: ${scratch}`);
  else fs.rmSync(scratch, {recursive: true, force: true});
}
async function fatal(code, message) {
  await cleanup();
  die(code, message);
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    console.error(`engine bench: ${sig}, cleaning up`);
    cleanup().finally(() => process.exit(130));
  });
}

// 0. A snapshot of the bundle, as the runner checks an action out: a concurrent `npm run build`
// (which starts with rm -rf dist) cannot pull it from under a run.
const bundle = path.join(scratch, 'action', 'dist');
try {
  fs.cpSync(path.dirname(opts.entry), bundle, {recursive: true});
} catch (err) {
  await fatal(2, `cannot copy ${path.dirname(opts.entry)} (${err.message}): run \`npm run build\` first`);
}
const entry = path.join(bundle, path.basename(opts.entry));
const bundleBuilt = fs.statSync(opts.entry, {throwIfNoEntry: false})?.mtime;
if (!fs.existsSync(entry)) await fatal(2, `${path.relative(process.cwd(), opts.entry) || opts.entry} vanished while being copied (a build running?): try again`);
const defaults = actionDefaults();

// 1. The engine: docker daemon, buildx, registry (with our credentials).
let dockerVersion;
let buildxVersion;
let storageDriver;
try {
  const v = await run('docker', ['version', '--format', '{{.Server.Version}}'], {env: baseEnv(), timeoutMs: 20_000});
  if (v.code !== 0) throw new Error(v.log.trim().split('\n').pop());
  dockerVersion = v.log.trim();
  const bx = await run('docker', ['buildx', 'version'], {env: baseEnv(), timeoutMs: 20_000});
  if (bx.code !== 0) throw new Error(`docker buildx: ${bx.log.trim().split('\n').pop()}`);
  buildxVersion = /v?(\d+\.\d+\.\d+\S*)/.exec(bx.log)?.[1] ?? bx.log.trim();
  storageDriver = (await run('docker', ['info', '--format', '{{.Driver}}'], {env: baseEnv(), timeoutMs: 20_000})).log.trim();
} catch (err) {
  await fatal(2, `the container engine is not reachable (${err.code === 'ENOENT' ? 'no docker on PATH' : err.message}); ${ENGINE_HINT}`);
}
try {
  const anon = await registryGet(REGISTRY, '', '', '/v2/');
  const auth = await registryGet(REGISTRY, USER, PASSWORD, '/v2/');
  if (auth.status !== 200) throw new Error(`GET /v2/ as ${USER}: HTTP ${auth.status} (unauthenticated: ${anon.status})`);
} catch (err) {
  await fatal(2, `the registry on ${REGISTRY} is not reachable or refuses ${USER} (${err.message}); ${ENGINE_HINT}`);
}
// 2. The workspace: Dockerfiles sharing their base stage, busybox per architecture, a source file per image.
const workspace = path.join(scratch, 'workspace');
fs.mkdirSync(path.join(workspace, 'docker'), {recursive: true});
fs.mkdirSync(path.join(workspace, 'src'), {recursive: true});
const bb = await run('bash', [path.join(repo, 'scripts', 'busybox-static.sh'), workspace], {env: {...process.env}, timeoutMs: 300_000});
if (bb.code !== 0) await fatal(2, `scripts/busybox-static.sh failed (exit ${bb.code}):\n${bb.log}`);
// Under QEMU a fork costs about 6 ms, so the work is counted in forks ($(uname -m) per line).
const baseLines = Math.max(1, Math.round(500 * opts.scale));
const ownLines = Math.max(1, Math.round(150 * opts.scale));
const baseStage = [
  '# The stage every image shares: identical in every Dockerfile, so one bake builds it once.',
  'FROM scratch AS base',
  'ARG TARGETARCH',
  'COPY busybox-${TARGETARCH} /bin/busybox',
  `RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin && mkdir -p /opt/base && i=0 && while [ $i -lt ${baseLines} ]; do echo \\"base $i $(uname -m)\\" > /opt/base/f$i; i=$((i+1)); done && cat /opt/base/f* | md5sum > /opt/base/sum"]`
].join('\n');
const WARM_IMAGES = NAMES.slice(0, 3);
const largest = Math.max(...opts.images, opts.warm ? WARM_IMAGES.length : 1);
for (const name of NAMES.slice(0, largest)) {
  fs.writeFileSync(path.join(workspace, 'src', `${name}.txt`), `${name} source, version 0\n`);
  // the image's own source (the warm case changes one), then its own work
  fs.writeFileSync(
    path.join(workspace, 'docker', `${name}.Dockerfile`),
    `${baseStage}\n\nFROM base\nCOPY src/${name}.txt /opt/${name}.src\nRUN i=0 && while [ $i -lt ${ownLines} ]; do echo "${name} $i $(uname -m)" >> /opt/${name}.txt; i=$((i+1)); done && cat /opt/${name}.src >> /opt/${name}.txt && md5sum /opt/${name}.txt > /opt/${name}.sum\nCMD ["cat", "/opt/${name}.sum"]\n`
  );
}
fs.writeFileSync(path.join(workspace, 'warmup.Dockerfile'), 'FROM scratch\nARG TARGETARCH\nCOPY busybox-${TARGETARCH} /bin/busybox\nRUN ["/bin/busybox", "true"]\n');
fs.writeFileSync(path.join(workspace, '.dockerignore'), 'docker\nwarmup.Dockerfile\n');

// 3. The GitHub side of the action: a push to main, and the API stub.
const owner = 'mpbench';
const repoName = 'app';
const sha = randomBytes(20).toString('hex');
const shortSha = sha.slice(0, 7);
const tagNames = ['main', `sha-${shortSha}`];
const eventPath = path.join(scratch, 'event.json');
fs.writeFileSync(
  eventPath,
  JSON.stringify({
    ref: 'refs/heads/main',
    after: sha,
    repository: {name: repoName, full_name: `${owner}/${repoName}`, owner: {login: owner}, default_branch: 'main', html_url: `https://github.com/${owner}/${repoName}`},
    head_commit: {id: sha, timestamp: new Date().toISOString()},
    commits: [{id: sha, timestamp: new Date().toISOString()}]
  })
);
const api = await startApiStub({
  name: repoName,
  full_name: `${owner}/${repoName}`,
  description: 'multiarch-publish engine benchmark',
  html_url: `https://github.com/${owner}/${repoName}`,
  license: {spdx_id: 'MIT'},
  default_branch: 'main'
});
const registryAuth = `- registry: ${REGISTRY}\n  username: ${USER}\n  password: ${PASSWORD}`;

function runDir(label) {
  const dir = path.join(scratch, 'runs', label);
  fs.mkdirSync(dir, {recursive: true});
  return dir;
}
/** A private DOCKER_CONFIG, as docker/login-action would leave one for later steps. */
function dockerConfig(dir) {
  const d = path.join(dir, 'docker-config');
  fs.mkdirSync(d, {mode: 0o700});
  fs.writeFileSync(path.join(d, 'config.json'), '{}');
  return d;
}
const imageRef = (label, name) => `${REGISTRY}/${namespace}/${label}/${name}`;

/**
 * How a run builds: `cold` (no cache at all) or `warm` (registry cache, on the fresh builder `builder`).
 * Warm runs of a contender publish to the same repositories, `<namespace>/warm-<a|b|c>/<image>`, and keep
 * the cache beside them, as the action's `cache: registry` does: `<image>:buildcache`, mode=max.
 */
const COLD = {kind: 'cold'};
const cacheRef = (who, name) => `${imageRef(`warm-${who}`, name)}:buildcache`;

/** Checks (untimed) that the registry holds every image under every tag, with both platforms. */
async function verifyPushed(label, images) {
  for (const name of images) {
    const repoPath = `${namespace}/${label}/${name}`;
    for (const tag of tagNames) {
      const res = await registryGet(REGISTRY, USER, PASSWORD, `/v2/${repoPath}/manifests/${tag}`, INDEX_TYPES);
      if (res.status !== 200) throw new Error(`${label}: ${REGISTRY}/${repoPath}:${tag} is not in the registry (HTTP ${res.status})`);
      const doc = JSON.parse(res.body);
      const got = (doc.manifests ?? []).filter(m => m.platform && m.platform.os !== 'unknown').map(m => `${m.platform.os}/${m.platform.architecture}`);
      const missing = PLATFORMS.filter(p => !got.includes(p));
      if (missing.length) throw new Error(`${label}: ${REGISTRY}/${repoPath}:${tag} lacks ${missing.join(', ')} (has ${got.join(', ') || 'no platform list'})`);
    }
  }
}

async function tagsOf(label, name) {
  const res = await registryGet(REGISTRY, USER, PASSWORD, `/v2/${namespace}/${label}/${name}/tags/list`);
  return res.status === 200 ? JSON.parse(res.body).tags ?? [] : [];
}

/** Annotations (::error, ::warning) and other suspicious lines of an action log. */
function logIssues(log, step) {
  const issues = [];
  for (const line of log.split('\n')) {
    const m = /^::(error|warning)[^:]*::(.*)$/.exec(line);
    if (m) issues.push(`${step} ${m[1]}: ${m[2].replace(/%0A/g, ' | ').replace(/%25/g, '%')}`);
    else if (/^(ERROR|error):|panic:|UnhandledPromiseRejection|TypeError|ReferenceError/.test(line)) issues.push(`${step} log: ${line}`);
  }
  return issues;
}

// A: the action, then its post step, like a workflow step `uses: ./` with these inputs.
let runSerial = 0;
const actionIssues = new Map(); // message -> count
/** What the action did that looked off, by kind: kind -> {runs, example}. */
const observations = new Map();
function observe(label, kind, detail) {
  const o = observations.get(kind) ?? {runs: [], example: detail};
  o.runs.push(label);
  observations.set(kind, o);
}
let actionRunCount = 0;
async function contenderA(label0, images, mode = COLD) {
  actionRunCount++;
  const dir = runDir(label0);
  // warm runs publish to the same repositories every time (the cache is kept beside the image)
  const label = mode.kind === 'warm' ? 'warm-a' : label0;
  const temp = path.join(dir, 'runner-temp');
  fs.mkdirSync(temp);
  const fileCommands = step => {
    const files = {};
    for (const [name, file] of [['GITHUB_OUTPUT', 'output'], ['GITHUB_STATE', 'state'], ['GITHUB_STEP_SUMMARY', 'summary'], ['GITHUB_ENV', 'env'], ['GITHUB_PATH', 'path']]) {
      files[name] = path.join(dir, `${step}-${file}`);
      fs.writeFileSync(files[name], '');
    }
    return files;
  };
  const cache =
    mode.kind === 'cold'
      ? {'no-cache': 'true', cache: 'none'}
      : // `cache: registry`: <image>:buildcache, mode=max (B and C get the same settings)
        {cache: 'registry', builder: mode.builder};
  const inputs = {
    ...defaults,
    images: images.map(n => `name=${n},file=docker/${n}.Dockerfile`).join('\n'),
    registry: `${REGISTRY}/${namespace}/${label}`,
    platforms: PLATFORMS.join(','),
    tags: 'type=ref,event=branch\ntype=sha',
    ...cache,
    'registry-auth': registryAuth,
    'github-token': 'bench-token'
  };
  const env = baseEnv({
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_SHA: sha,
    GITHUB_REPOSITORY: `${owner}/${repoName}`,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_ACTOR: 'mpbench-bot',
    GITHUB_RUN_ID: String(Date.now() * 10 + (++runSerial % 10)),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'engine-bench',
    GITHUB_JOB: 'publish',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: api.url,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64'
  });
  for (const [k, v] of Object.entries(inputs)) env[inputEnvName(k)] = v;

  const mainFiles = fileCommands('main');
  const traces = {main: path.join(dir, 'docker-main.trace'), post: path.join(dir, 'docker-post.trace')};
  const main = await run(process.execPath, [entry], {env: {...env, ...mainFiles, MPBENCH_TRACE: traces.main}, cwd: workspace});
  const state = parseFileCommands(fs.readFileSync(mainFiles.GITHUB_STATE, 'utf8'));
  const outputs = parseFileCommands(fs.readFileSync(mainFiles.GITHUB_OUTPUT, 'utf8'));
  fs.writeFileSync(path.join(dir, 'main.log'), main.log);
  const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
  const post = await run(process.execPath, [entry], {env: {...env, ...fileCommands('post'), ...stateEnv, MPBENCH_TRACE: traces.post}, cwd: workspace});
  fs.writeFileSync(path.join(dir, 'post.log'), post.log);
  const mainTimeline = actionTimeline(readTrace(traces.main), main.startedAt, main.ms);
  const postCalls = traceSummary(readTrace(traces.post));
  if (opts.verbose) {
    console.log(`--- action main (${label}) ---\n${main.log}--- action post (${label}) ---\n${post.log}`);
    console.log(`--- docker calls of ${label} after its bake (ms after the bake ended, duration) ---`);
    for (const c of mainTimeline.afterCalls) console.log(`  +${(c.at / 1000).toFixed(2)} s  ${(c.ms / 1000).toFixed(2)} s  docker ${c.args}`);
  }
  for (const issue of [...logIssues(main.log, 'main'), ...logIssues(post.log, 'post')]) actionIssues.set(issue, (actionIssues.get(issue) ?? 0) + 1);
  if (main.code !== 0) throw new Error(`the action (${label}) exited ${main.code ?? main.signal}; log:\n${main.log}`);
  if (post.code !== 0) throw new Error(`the action's post step (${label}) exited ${post.code ?? post.signal}; log:\n${post.log}`);
  if (state.isPost !== 'true') observe(label, 'main saved no isPost=true state', '');
  let built = [];
  try {
    built = JSON.parse(outputs.images ?? '[]');
  } catch {
    observe(label, 'the images output is not JSON', outputs.images ?? '(none)');
  }
  if (built.length !== images.length || built.some(i => !i.digest)) observe(label, 'the images output lacks builds or digests', `${built.length} builds, digests ${built.map(i => i.digest || 'none').join(', ')}`);
  if (built.some(i => (i.platforms ?? []).some(p => !p.size))) observe(label, 'the images output lacks platform sizes', JSON.stringify(built[0]?.platforms ?? []));
  await verifyPushed(label, images);
  // What else main left behind.
  const extra = [];
  for (const name of images) for (const t of await tagsOf(label, name)) if (!tagNames.includes(t) && t !== 'buildcache') extra.push(`${name}:${t}`);
  if (extra.length) observe(label, `tags left in the registry besides ${tagNames.join(', ')}`, extra.join(', '));
  if (state.dockerConfig && fs.existsSync(state.dockerConfig)) observe(label, 'the post step left the credentials directory (DOCKER_CONFIG)', state.dockerConfig);
  const leftovers = fs.readdirSync(temp);
  if (leftovers.length) observe(label, 'left in RUNNER_TEMP after the post step', leftovers.map(f => (fs.statSync(path.join(temp, f)).isDirectory() ? `${f}/{${fs.readdirSync(path.join(temp, f)).join(',')}}` : f)).join('; '));
  if (!mainTimeline.bakeMs) observe(label, "no `docker buildx bake` call in the action's docker trace", '');
  return {ms: main.ms + post.ms, mainMs: main.ms, postMs: post.ms, bakeMs: mainTimeline.bakeMs, ownMs: mainTimeline.ownMs + post.ms, afterBakeMs: mainTimeline.afterBakeMs, main: mainTimeline, post: postCalls};
}

async function login(env, label) {
  const r = await run('docker', ['login', REGISTRY, '--username', USER, '--password-stdin'], {env, input: PASSWORD, cwd: workspace});
  if (r.code !== 0) throw new Error(`${label}: docker login ${REGISTRY} failed: ${r.log}`);
  return r;
}
async function logout(env) {
  await run('docker', ['logout', REGISTRY], {env, cwd: workspace});
}

// B: login, N sequential `docker buildx build --push`, logout (one build-push-action step per image).
/** The builders `freshBuilder` creates live here (buildx's default, ~/.docker/buildx of the bench's HOME): B and C name it beside a private DOCKER_CONFIG. */
const buildxConfig = () => path.join(home, '.docker', 'buildx');

async function contenderB(label0, images, mode = COLD) {
  const dir = runDir(label0);
  const label = mode.kind === 'warm' ? 'warm-b' : label0;
  const env = baseEnv({DOCKER_CONFIG: dockerConfig(dir), ...(mode.kind === 'warm' ? {BUILDX_CONFIG: buildxConfig()} : {})});
  const start = process.hrtime.bigint();
  await login(env, label);
  let log = '';
  for (const name of images) {
    const cache = mode.kind === 'cold' ? ['--no-cache'] : ['--builder', mode.builder, '--cache-from', `type=registry,ref=${cacheRef('b', name)}`, '--cache-to', `type=registry,ref=${cacheRef('b', name)},mode=max`];
    const args = ['buildx', 'build', '--platform', PLATFORMS.join(','), ...cache, '--push', ...tagNames.flatMap(t => ['-t', `${imageRef(label, name)}:${t}`]), '-f', `docker/${name}.Dockerfile`, '.'];
    const r = await run('docker', args, {env, cwd: workspace});
    log += r.log;
    if (r.code !== 0) throw new Error(`${label}: docker buildx build of ${name} exited ${r.code}; log:\n$ docker ${args.join(' ')}\n${r.log}`);
  }
  await logout(env);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  fs.writeFileSync(path.join(dir, 'build.log'), log);
  await verifyPushed(label, images);
  return {ms};
}

// C: login, one bare `docker buildx bake --push` of a generated definition, logout.
async function contenderC(label0, images, mode = COLD) {
  const dir = runDir(label0);
  const label = mode.kind === 'warm' ? 'warm-c' : label0;
  const env = baseEnv({DOCKER_CONFIG: dockerConfig(dir), ...(mode.kind === 'warm' ? {BUILDX_CONFIG: buildxConfig()} : {})});
  const bakeFile = path.join(dir, 'bake.json');
  const target = {};
  for (const name of images) {
    const cache = mode.kind === 'cold' ? {} : {'cache-from': [`type=registry,ref=${cacheRef('c', name)}`], 'cache-to': [`type=registry,ref=${cacheRef('c', name)},mode=max`]};
    target[name] = {context: '.', dockerfile: `docker/${name}.Dockerfile`, platforms: PLATFORMS, tags: tagNames.map(t => `${imageRef(label, name)}:${t}`), ...cache};
  }
  fs.writeFileSync(bakeFile, JSON.stringify({group: {default: {targets: images}}, target}, null, 2));
  const start = process.hrtime.bigint();
  await login(env, label);
  const r = await run('docker', ['buildx', 'bake', '--file', bakeFile, ...(mode.kind === 'cold' ? ['--no-cache'] : ['--builder', mode.builder]), '--push'], {env, cwd: workspace});
  await logout(env);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  fs.writeFileSync(path.join(dir, 'bake.log'), r.log);
  if (r.code !== 0) throw new Error(`${label}: docker buildx bake exited ${r.code}; log:\n${r.log}`);
  await verifyPushed(label, images);
  return {ms};
}

/** The gist of a failure: its first line and the last line of its log that says what went wrong. */
function gist(message) {
  const lines = message.split('\n').map(l => l.trim()).filter(Boolean);
  const why = lines.slice(1).filter(l => /error|failed|denied|unknown flag|refused/i.test(l)).pop();
  const what = lines[0].replace(/; log:$/, '');
  return what + (why ? `: ${why.replace(/^::error[^:]*::/, '').replace(/%0A/g, ' | ').slice(0, 300)}` : '');
}

/** One run of a contender, under a label of its own (its repositories); a failed run is run again
 *  (--retries, default 1) under a new label, and every failure is reported. */
const failures = [];
async function measure(label0, contender, ...args) {
  for (let attempt = 0; ; attempt++) {
    const label = `${label0}${attempt ? `-retry${attempt}` : ''}`;
    try {
      return await contender(label, ...args);
    } catch (err) {
      const error = gist(err.message).replace(`${label}: `, '');
      failures.push({run: label, error});
      if (attempt >= opts.retries) throw err;
      console.log(`  ${label} FAILED (${error}); running it again`);
    }
  }
}

/**
 * The warm case: a fresh docker-container builder per run (an empty local cache, as a hosted runner
 * has), created and removed outside the timed part; the cache is in the registry only.
 */
async function freshBuilder(label) {
  const name = `mpbench-${namespace.slice(-4)}-${label}`;
  builders.add(name);
  const r = await run('docker', ['buildx', 'create', '--name', name, '--driver', 'docker-container', '--driver-opt', `image=${BUILDKIT_IMAGE}`, '--driver-opt', 'network=host', '--bootstrap'], {env: baseEnv(), timeoutMs: 180_000});
  if (r.code !== 0) throw new Error(`${label}: docker buildx create (${BUILDKIT_IMAGE}) failed; log:\n${r.log}`);
  return name;
}
async function dropBuilder(name) {
  await run('docker', ['buildx', 'rm', '--force', name], {env: baseEnv(), timeoutMs: 60_000});
  builders.delete(name);
}
/** A warm run: on a fresh builder, the registry cache of contender `who` (filled by the run before). */
async function warmRun(label, contender, images) {
  const builder = await freshBuilder(label);
  try {
    return await contender(label, images, {kind: 'warm', builder});
  } finally {
    await dropBuilder(builder);
  }
}
/** The change of the warm case: one source file of one image (the worker), new content every round. */
let edits = 0;
function changeOneSource() {
  fs.writeFileSync(path.join(workspace, 'src', 'worker.txt'), `worker source, version ${++edits} ${randomBytes(4).toString('hex')}\n`);
}

// 4. Warm-up (unmeasured): BuildKit, QEMU and the page cache, so round 1 is not special.
const sets = opts.images.map(n => ({n, images: NAMES.slice(0, n), rounds: n === 3 ? opts.rounds : opts.largeRounds, withB: n <= 3, a: [], b: [], c: []}));
const warm = {images: WARM_IMAGES, rounds: opts.warmRounds, a: [], b: [], c: []};
const loadStart = os.loadavg()[0];
let failure;
try {
  const warmup = await run('docker', ['buildx', 'build', '--platform', PLATFORMS.join(','), '--no-cache', '--output', 'type=cacheonly', '-f', 'warmup.Dockerfile', '.'], {env: baseEnv({DOCKER_CONFIG: dockerConfig(runDir('warmup'))}), cwd: workspace});
  if (warmup.code !== 0) throw new Error(`warm-up build failed (exit ${warmup.code}); log:\n${warmup.log}`);
  console.log(`engine bench: ${opts.images.join(', ')} images x ${PLATFORMS.length} platforms, no cache${opts.warm ? `; then warm (registry cache, ${WARM_IMAGES.length} images, one source changed)` : ''}; docker ${dockerVersion} (${storageDriver}), buildx ${buildxVersion}, scale ${opts.scale}, ${os.cpus().length} CPUs, node ${process.version}`);
  console.log(`action ${path.relative(repo, opts.entry) || opts.entry} (built ${bundleBuilt?.toISOString() ?? '?'}, run from a copy), registry ${REGISTRY}, repositories under ${namespace}/; load average ${loadStart.toFixed(2)}`);
  if (loadStart > os.cpus().length / 2) console.log(`warning: the machine is busy (load average ${loadStart.toFixed(2)} on ${os.cpus().length} CPUs): the figures will be noisy`);
  for (const set of sets) {
    for (let r = 1; r <= set.rounds; r++) { // alternate, so drifts in machine load hit every contender alike
      const a = await measure(`n${set.n}-a${r}`, contenderA, set.images);
      set.a.push(a);
      const b = set.withB ? await measure(`n${set.n}-b${r}`, contenderB, set.images) : undefined;
      if (b) set.b.push(b);
      const c = await measure(`n${set.n}-c${r}`, contenderC, set.images);
      set.c.push(c);
      console.log(`  ${set.n} image${set.n === 1 ? '' : 's'}, round ${r}: A ${secs(a.ms)} s (its bake ${secs(a.bakeMs)}, after it ${secs(a.afterBakeMs)}, post ${secs(a.postMs)}), ${b ? `B ${secs(b.ms)} s, ` : ''}C ${secs(c.ms)} s`);
    }
  }
  if (opts.warm) {
    // the first publish of each contender fills its cache (untimed), on a fresh builder too
    for (const [who, contender] of [['a', contenderA], ['b', contenderB], ['c', contenderC]]) await measure(`warm-fill-${who}`, (label, images) => warmRun(label, contender, images), WARM_IMAGES);
    for (let r = 1; r <= warm.rounds; r++) {
      changeOneSource();
      const a = await measure(`warm-a${r}`, (label, images) => warmRun(label, contenderA, images), WARM_IMAGES);
      warm.a.push(a);
      const b = await measure(`warm-b${r}`, (label, images) => warmRun(label, contenderB, images), WARM_IMAGES);
      warm.b.push(b);
      const c = await measure(`warm-c${r}`, (label, images) => warmRun(label, contenderC, images), WARM_IMAGES);
      warm.c.push(c);
      console.log(`  warm, round ${r}: A ${secs(a.ms)} s (its bake ${secs(a.bakeMs)}, after it ${secs(a.afterBakeMs)}), B ${secs(b.ms)} s, C ${secs(c.ms)} s`);
    }
    // TODO(cache: local, cache-mounts): the local-cache variant (@actions/cache against a stand-in of the
    // cache service) and the cache-mount Dockerfile (`cache-mounts: auto` against without) come from
    // other branches: add them here as more `warm` entries, each against B and C with the same settings.
  }
} catch (err) {
  failure = err;
} finally {
  await api.close();
  await cleanup();
}
if (failure) die(1, failure.message);

// 5. The figures.
const wallMs = Date.now() - wallStart;
const loadEnd = os.loadavg();
const medianOf = (xs, key = 'ms') => (xs.length ? median(xs.map(x => x[key])) : NaN);
function figures(set) {
  const m = {a: medianOf(set.a), b: medianOf(set.b), c: medianOf(set.c), own: medianOf(set.a, 'ownMs'), bake: medianOf(set.a, 'bakeMs'), after: medianOf(set.a, 'afterBakeMs'), post: medianOf(set.a, 'postMs')};
  return {...m, overhead: m.a - m.c, ratioC: m.a / m.c, ratioB: m.a / m.b};
}
const cold = sets.map(s => ({...s, f: figures(s)}));
const fmtRatio = x => (Number.isFinite(x) ? `${x.toFixed(2)}x` : '—');
const fmtS = ms => (Number.isFinite(ms) ? secs(ms) : '—');
const rows = [
  ['images', 'rounds', 'A action', 'B builds', 'C bake', 'A/C', 'A/B', 'A-C s', 'A-C per image', "A's own", 'own per image', 'after its bake'],
  ...cold.map(s => [String(s.n), String(s.rounds), fmtS(s.f.a), fmtS(s.f.b), fmtS(s.f.c), fmtRatio(s.f.ratioC), fmtRatio(s.f.ratioB), fmtS(s.f.overhead), fmtS(s.f.overhead / s.n), fmtS(s.f.own), fmtS(s.f.own / s.n), fmtS(s.f.after)])
];
let warmFigures;
if (opts.warm && warm.a.length) {
  warmFigures = figures(warm);
  const f = warmFigures;
  rows.push([`warm ${warm.images.length}`, String(warm.rounds), fmtS(f.a), fmtS(f.b), fmtS(f.c), fmtRatio(f.ratioC), fmtRatio(f.ratioB), fmtS(f.overhead), fmtS(f.overhead / warm.images.length), fmtS(f.own), fmtS(f.own / warm.images.length), fmtS(f.after)]);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map(r => String(r[c]).length)));
const fmt = r => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
console.log('');
console.log('medians, seconds (A = the action, main + post; B = one `buildx build --push` per image; C = one bare `buildx bake --push`):');
for (const r of rows) console.log(fmt(r));
console.log('');

// Targets, on the sets of 3 and more images (one image has nothing to share: B is a single build).
const checks = [];
for (const s of [...cold.filter(x => x.n >= 3), ...(warmFigures ? [{n: warm.images.length, f: warmFigures, label: 'warm'}] : [])]) {
  const name = s.label ? `${s.label} ${s.n} images` : `${s.n} images`;
  checks.push({what: `${name}: median(A) / median(C) = ${fmtRatio(s.f.ratioC)} (target <= ${BAKE_TARGET}x)`, ok: s.f.ratioC <= BAKE_TARGET});
  if (Number.isFinite(s.f.ratioB)) checks.push({what: `${name}: median(A) / median(B) = ${fmtRatio(s.f.ratioB)} (target <= ${BUILDS_TARGET}x)`, ok: s.f.ratioB <= BUILDS_TARGET});
}
// The overhead must not grow faster than the number of images: per image it must not grow from the
// smallest set to the largest (a 0.1 s allowance for noise).
if (cold.length >= 2) {
  const [small, large] = [cold[0], cold.at(-1)];
  const per = s => s.f.overhead / s.n;
  checks.push({what: `overhead per image (A - C) / N: ${cold.map(s => `${s.n}: ${fmtS(per(s))} s`).join(', ')} (must not grow with N)`, ok: per(large) <= per(small) + 100});
  const own = s => s.f.own / s.n;
  checks.push({what: `own time per image (A minus its bake) / N: ${cold.map(s => `${s.n}: ${fmtS(own(s))} s`).join(', ')} (must not grow with N)`, ok: own(large) <= own(small) + 100});
}
for (const c of checks) console.log(`${c.ok ? 'OK    ' : 'MISSED'} ${c.what}`);

// Where the action's own time goes, per set (means over the rounds): the docker calls after its bake
// (count and summed time), and before it.
for (const s of [...cold, ...(warmFigures ? [{...warm, n: `warm ${warm.images.length}`}] : [])]) {
  const perRun = new Map();
  for (const x of s.a) {
    for (const [where, t] of [['after the bake', x.main.after], ['before the bake', x.main.before], ['post', x.post]]) {
      for (const [kind, v] of t.kinds) {
        const key = `${where}: ${kind}`;
        const e = perRun.get(key) ?? {count: 0, ms: 0};
        perRun.set(key, {count: e.count + v.count / s.a.length, ms: e.ms + v.ms / s.a.length});
      }
    }
  }
  const afterWall = s.a.reduce((acc, x) => acc + x.main.after.wallMs, 0) / s.a.length;
  console.log(`action, ${s.n}${typeof s.n === 'number' ? ` image${s.n === 1 ? '' : 's'}` : ''}: own time ${fmtS(medianOf(s.a, 'ownMs'))} s (median); after its bake ${fmtS(medianOf(s.a, 'afterBakeMs'))} s, of which docker calls cover ${fmtS(afterWall)} s; per run (mean):`);
  console.log('  ' + [...perRun].map(([k, v]) => `${round(v.count, 1)}x ${k} ${secs(v.ms)} s`).join(', '));
}
if (failures.length) {
  console.log(`${failures.length} run${failures.length === 1 ? '' : 's'} failed and ${failures.length === 1 ? 'was' : 'were'} run again:`);
  for (const f of failures) console.log(`  ${f.run}: ${f.error}`);
}
if (actionIssues.size) {
  console.log(`the action's log had ${actionIssues.size} distinct error/warning line${actionIssues.size === 1 ? '' : 's'}:`);
  for (const [msg, n] of actionIssues) console.log(`  ${n}x ${msg}`);
} else console.log("the action's log had no ::error or ::warning line");
const actionRuns = actionRunCount; // the warm case's cache fills and retries included
for (const [kind, o] of observations) console.log(`note (${o.runs.length} of ${actionRuns} action runs): ${kind}${o.example ? `, e.g. ${o.example}` : ''}`);
console.log(`took ${minutes(wallMs)} in all (setup, warm-up, ${cold.map(s => `${s.rounds} rounds of ${s.n}`).join(', ')}${opts.warm ? `, ${warm.rounds} warm rounds` : ''}, checks); load average ${loadStart.toFixed(2)} at the start, ${loadEnd[0].toFixed(2)} at the end (5 min: ${loadEnd[1].toFixed(2)})`);
const ok = checks.every(c => c.ok);
const setJson = (s, f) => ({
  images: s.images.length,
  rounds: s.rounds,
  actionMedianS: round(f.a / 1000, 2),
  buildsMedianS: Number.isFinite(f.b) ? round(f.b / 1000, 2) : null,
  bakeMedianS: round(f.c / 1000, 2),
  ratioBake: round(f.ratioC, 3),
  ratioBuilds: Number.isFinite(f.ratioB) ? round(f.ratioB, 3) : null,
  overheadS: round(f.overhead / 1000, 2),
  overheadPerImageS: round(f.overhead / 1000 / s.images.length, 3),
  actionOwnMedianS: round(f.own / 1000, 2),
  actionAfterBakeMedianS: round(f.after / 1000, 2),
  actionS: s.a.map(x => round(x.ms / 1000, 2)),
  buildsS: s.b.map(x => round(x.ms / 1000, 2)),
  bakeS: s.c.map(x => round(x.ms / 1000, 2))
});
console.log(
  'BENCH-ENGINE ' +
    JSON.stringify({
      docker: dockerVersion,
      buildx: buildxVersion,
      cpus: os.cpus().length,
      node: process.version,
      scale: opts.scale,
      platforms: PLATFORMS,
      cold: cold.map(s => setJson(s, s.f)),
      warm: warmFigures ? setJson(warm, warmFigures) : null,
      targets: {bake: BAKE_TARGET, builds: BUILDS_TARGET},
      checks: checks.map(c => ({ok: c.ok, what: c.what})),
      actionIssues: actionIssues.size,
      failures,
      notes: [...observations.keys()],
      wallS: round(wallMs / 1000, 1),
      loadStart: round(loadStart, 2),
      loadEnd5: round(loadEnd[1], 2),
      ok,
      strict: opts.strict
    })
);
process.exit(opts.strict && !ok ? 1 : 0);
