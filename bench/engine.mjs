#!/usr/bin/env node
// Publishing benchmark on the real engine (scripts/engine-up.sh): three images that share a base
// stage, two platforms each, no cache, pushed to the local registry, built three ways:
//   A. the action (dist/index.js, publish mode, as the runner starts it) and then its post step;
//   B. three sequential `docker buildx build --push` (one build-push-action step per image), after a login;
//   C. one bare `docker buildx bake --push` of the same three targets, after a login: the floor.
// Runs alternate A, B, C, A, B, C, ... No dependencies. See bench/README.md.
//
// Usage: node bench/engine.mjs [--rounds N] [--retries N] [--strict] [--scale X] [--entry FILE] [--keep] [--verbose]
//   --rounds N    measured rounds, each one run of A, B and C in that order (default 3)
//   --retries N   run a failed run again, up to N times, under new repository names (default 1);
//                 every failure is reported, and the bench fails when the last attempt fails
//   --strict      exit 1 when median(A)/median(B) >= 0.7 or (median(A) - median(C))/median(C) >= 10%
//   --scale X     multiply the work done by the RUN steps (default 1: 3 rounds take about 4-5 min on 2 CPUs)
//   --entry FILE  the action's bundle (default dist/index.js)
//   --keep        keep the scratch directory (workspace, logs, runner files) and print where it is
//   --verbose     print the log of every run of the action (main and post)
// Engine settings come from the environment engine-up.sh exports: REGISTRY_ADDR (127.0.0.1:5000),
// REGISTRY_USER (ci), REGISTRY_PASSWORD (ci-secret); docker is whichever one PATH finds.
// Exit codes: 0 done (whatever the figures, without --strict), 1 a run failed or (--strict) a target
// was missed, 2 usage error, missing bundle, or the engine / registry is not reachable.
import {spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseFileCommands, startApiStub, median, round} from './lib.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RATIO_TARGET = 0.7; // median(A) / median(B) below this
const OVERHEAD_TARGET = 0.1; // (median(A) - median(C)) / median(C) below this
const IMAGES = ['backend', 'frontend', 'worker'];
const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const RUN_TIMEOUT_MS = 15 * 60_000;
const ENGINE_HINT = 'start it with: eval "$(bash scripts/engine-up.sh)"   (as root, from the repository root)';

function parseArgs(argv) {
  const opts = {rounds: 3, retries: 1, strict: false, scale: 1, entry: path.join(repo, 'dist', 'index.js'), keep: false, verbose: false};
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
    else if (a === '--retries') opts.retries = Math.floor(number(0));
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
  console.error('usage: node bench/engine.mjs [--rounds N] [--retries N] [--strict] [--scale X] [--entry FILE] [--keep] [--verbose]');
  process.exit(2);
}

function die(code, message) {
  console.error(`engine bench: ${message}`);
  process.exit(code);
}

/** Spawns a command asynchronously (the API stub lives in this process); resolves with the wall
 *  time in ms, the exit code, the interleaved log and the stdout lines with the ms at which each
 *  arrived. Rejects only when it cannot be started or runs past timeoutMs. */
function run(cmd, args, {env, cwd, input, timeoutMs = RUN_TIMEOUT_MS} = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;
    const child = spawn(cmd, args, {env, cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']});
    let log = '';
    let partial = '';
    const events = [];
    child.stdout.on('data', d => {
      log += d;
      const t = elapsed();
      const lines = (partial + d).split('\n');
      partial = lines.pop();
      for (const line of lines) events.push({t, line: line.replace(/\r$/, '')});
    });
    child.stderr.on('data', d => (log += d));
    if (input !== undefined) child.stdin.end(input);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cmd} ${args.join(' ')} did not finish within ${timeoutMs / 1000} s; log so far:\n${log}`));
    }, timeoutMs);
    child.on('error', err => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = elapsed();
      if (partial) events.push({t: ms, line: partial});
      resolve({ms, code, signal, log, events});
    });
  });
}

/**
 * Where the action's time goes, from the arrival times of its log lines: the bake (from its
 * `[command] docker buildx bake` line to the end of its log group), each other command (from its
 * `[command]` line to the next line: those commands run silently), and the rest (Node's start,
 * inputs, the plan, the API call, writing outputs).
 */
function actionTimeline(events, totalMs) {
  const bakeAt = events.findIndex(e => /^\[command\] docker buildx bake /.test(e.line));
  let bakeMs = 0;
  let bakeEnd = -1;
  if (bakeAt >= 0) {
    bakeEnd = events.findIndex((e, i) => i > bakeAt && e.line === '::endgroup::');
    if (bakeEnd < 0) bakeEnd = events.length - 1;
    bakeMs = events[bakeEnd].t - events[bakeAt].t;
  }
  const commands = {};
  events.forEach((e, i) => {
    if (i === bakeAt || !e.line.startsWith('[command] ')) return;
    const name = /^\[command\] (docker (?:buildx imagetools \w+|buildx \w+|\w+)|\S+)/.exec(e.line)[1];
    const end = i + 1 < events.length ? events[i + 1].t : totalMs;
    const c = (commands[name] ??= {count: 0, ms: 0});
    c.count++;
    c.ms += end - e.t;
  });
  const commandMs = Object.values(commands).reduce((a, c) => a + c.ms, 0);
  return {bakeMs, ownMs: totalMs - bakeMs, commands, otherMs: totalMs - bakeMs - commandMs};
}

/** The defaults of action.yml's inputs, as the runner passes them (INPUT_* for every input with a
 *  default; `${{ ... }}` defaults are left out: the bench gives those inputs itself). */
function actionDefaults() {
  const text = fs.readFileSync(path.join(repo, 'action.yml'), 'utf8');
  const defaults = {};
  let inInputs = false;
  let current;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) inInputs = /^inputs:\s*$/.test(line);
    if (!inInputs) continue;
    const name = /^ {2}([\w-]+):\s*$/.exec(line);
    if (name) current = name[1];
    const def = /^ {4}default:\s*(.*)$/.exec(line);
    if (def && current) {
      let v = def[1].trim();
      if (/^'.*'$/.test(v)) v = v.slice(1, -1).replace(/''/g, "'");
      else if (/^".*"$/.test(v)) v = JSON.parse(v);
      if (!v.includes('${{')) defaults[current] = v;
    }
  }
  return defaults;
}

const inputEnvName = name => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

/** GET on the registry's HTTP API (basic auth); resolves {status, headers, body}. */
function registryGet(addr, user, password, urlPath, accept) {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `http://${addr}${urlPath}`,
      {
        headers: {
          ...(user ? {authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64')} : {}),
          ...(accept ? {accept} : {})
        },
        timeout: 10_000
      },
      res => {
        const chunks = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => resolve({status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8')}));
        res.on('error', reject);
      }
    );
    req.on('timeout', () => req.destroy(new Error(`GET http://${addr}${urlPath}: no answer in 10 s`)));
    req.on('error', reject);
  });
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
function baseEnv(extra = {}) {
  const env = {HOME: home};
  for (const k of ['PATH', 'DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY', 'TMPDIR', 'LANG']) {
    if (process.env[k] !== undefined) env[k] = process.env[k];
  }
  return {...env, ...extra};
}

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

// 2. The workspace: three Dockerfiles sharing their base stage, busybox per architecture.
const workspace = path.join(scratch, 'workspace');
fs.mkdirSync(path.join(workspace, 'docker'), {recursive: true});
const bb = await run('bash', [path.join(repo, 'scripts', 'busybox-static.sh'), workspace], {env: {...process.env}, timeoutMs: 300_000});
if (bb.code !== 0) await fatal(2, `scripts/busybox-static.sh failed (exit ${bb.code}):\n${bb.log}`);
// Under QEMU a fork costs about 6 ms, so the work is counted in forks ($(uname -m) per line).
const baseLines = Math.max(1, Math.round(1500 * opts.scale));
const ownLines = Math.max(1, Math.round(500 * opts.scale));
const baseStage = [
  '# The stage every image shares: identical in the three Dockerfiles, so one bake builds it once.',
  'FROM scratch AS base',
  'ARG TARGETARCH',
  'COPY busybox-${TARGETARCH} /bin/busybox',
  `RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin && mkdir -p /opt/base && i=0 && while [ $i -lt ${baseLines} ]; do echo \\"base $i $(uname -m)\\" > /opt/base/f$i; i=$((i+1)); done && cat /opt/base/f* | md5sum > /opt/base/sum"]`
].join('\n');
for (const name of IMAGES) {
  fs.writeFileSync(
    path.join(workspace, 'docker', `${name}.Dockerfile`),
    `${baseStage}\n\nFROM base\nRUN i=0 && while [ $i -lt ${ownLines} ]; do echo "${name} $i $(uname -m)" >> /opt/${name}.txt; i=$((i+1)); done && md5sum /opt/${name}.txt > /opt/${name}.sum\nCMD ["cat", "/opt/${name}.sum"]\n`
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

/** Checks (untimed) that the registry holds every image under every tag, with both platforms. */
async function verifyPushed(label) {
  for (const name of IMAGES) {
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
async function contenderA(label) {
  const dir = runDir(label);
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
  const inputs = {
    ...defaults,
    images: IMAGES.map(n => `name=${n},file=docker/${n}.Dockerfile`).join('\n'),
    registry: `${REGISTRY}/${namespace}/${label}`,
    platforms: PLATFORMS.join(','),
    tags: 'type=ref,event=branch\ntype=sha',
    'no-cache': 'true',
    cache: 'none',
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
  const main = await run(process.execPath, [entry], {env: {...env, ...mainFiles}, cwd: workspace});
  const state = parseFileCommands(fs.readFileSync(mainFiles.GITHUB_STATE, 'utf8'));
  const outputs = parseFileCommands(fs.readFileSync(mainFiles.GITHUB_OUTPUT, 'utf8'));
  fs.writeFileSync(path.join(dir, 'main.log'), main.log);
  const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
  const post = await run(process.execPath, [entry], {env: {...env, ...fileCommands('post'), ...stateEnv}, cwd: workspace});
  fs.writeFileSync(path.join(dir, 'post.log'), post.log);
  if (opts.verbose) console.log(`--- action main (${label}) ---\n${main.log}--- action post (${label}) ---\n${post.log}`);
  for (const issue of [...logIssues(main.log, 'main'), ...logIssues(post.log, 'post')]) actionIssues.set(issue, (actionIssues.get(issue) ?? 0) + 1);
  if (main.code !== 0) throw new Error(`the action (${label}) exited ${main.code ?? main.signal}; log:\n${main.log}`);
  if (post.code !== 0) throw new Error(`the action's post step (${label}) exited ${post.code ?? post.signal}; log:\n${post.log}`);
  if (state.isPost !== 'true') observe(label, 'main saved no isPost=true state', '');
  let images = [];
  try {
    images = JSON.parse(outputs.images ?? '[]');
  } catch {
    observe(label, 'the images output is not JSON', outputs.images ?? '(none)');
  }
  if (images.length !== IMAGES.length || images.some(i => !i.digest)) observe(label, 'the images output lacks builds or digests', `${images.length} builds, digests ${images.map(i => i.digest || 'none').join(', ')}`);
  await verifyPushed(label);
  // What else main left behind.
  const extra = [];
  for (const name of IMAGES) for (const t of await tagsOf(label, name)) if (!tagNames.includes(t)) extra.push(`${name}:${t}`);
  if (extra.length) observe(label, `tags left in the registry besides ${tagNames.join(', ')}`, extra.join(', '));
  if (state.dockerConfig && fs.existsSync(state.dockerConfig)) observe(label, 'the post step left the credentials directory (DOCKER_CONFIG)', state.dockerConfig);
  const leftovers = fs.readdirSync(temp);
  if (leftovers.length) observe(label, 'left in RUNNER_TEMP after the post step', leftovers.map(f => (fs.statSync(path.join(temp, f)).isDirectory() ? `${f}/{${fs.readdirSync(path.join(temp, f)).join(',')}}` : f)).join('; '));
  const mainTimeline = actionTimeline(main.events, main.ms);
  const postTimeline = actionTimeline(post.events, post.ms);
  if (!mainTimeline.bakeMs) observe(label, "no `docker buildx bake` command in the action's log", '');
  return {ms: main.ms + post.ms, mainMs: main.ms, postMs: post.ms, bakeMs: mainTimeline.bakeMs, ownMs: mainTimeline.ownMs + post.ms, main: mainTimeline, post: postTimeline};
}

async function login(env, label) {
  const r = await run('docker', ['login', REGISTRY, '--username', USER, '--password-stdin'], {env, input: PASSWORD, cwd: workspace});
  if (r.code !== 0) throw new Error(`${label}: docker login ${REGISTRY} failed: ${r.log}`);
  return r;
}
async function logout(env) {
  await run('docker', ['logout', REGISTRY], {env, cwd: workspace});
}

// B: login, three sequential `docker buildx build --push`, logout (one build-push-action step per image).
async function contenderB(label) {
  const dir = runDir(label);
  const env = baseEnv({DOCKER_CONFIG: dockerConfig(dir)});
  const start = process.hrtime.bigint();
  await login(env, label);
  let log = '';
  for (const name of IMAGES) {
    const args = ['buildx', 'build', '--platform', PLATFORMS.join(','), '--no-cache', '--push', ...tagNames.flatMap(t => ['-t', `${imageRef(label, name)}:${t}`]), '-f', `docker/${name}.Dockerfile`, '.'];
    const r = await run('docker', args, {env, cwd: workspace});
    log += r.log;
    if (r.code !== 0) throw new Error(`${label}: docker buildx build of ${name} exited ${r.code}; log:\n$ docker ${args.join(' ')}\n${r.log}`);
  }
  await logout(env);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  fs.writeFileSync(path.join(dir, 'build.log'), log);
  await verifyPushed(label);
  return {ms};
}

// C: login, one bare `docker buildx bake --no-cache --push` of a generated definition, logout.
async function contenderC(label) {
  const dir = runDir(label);
  const env = baseEnv({DOCKER_CONFIG: dockerConfig(dir)});
  const bakeFile = path.join(dir, 'bake.json');
  const target = {};
  for (const name of IMAGES) {
    target[name] = {context: '.', dockerfile: `docker/${name}.Dockerfile`, platforms: PLATFORMS, tags: tagNames.map(t => `${imageRef(label, name)}:${t}`)};
  }
  fs.writeFileSync(bakeFile, JSON.stringify({group: {default: {targets: IMAGES}}, target}, null, 2));
  const start = process.hrtime.bigint();
  await login(env, label);
  const r = await run('docker', ['buildx', 'bake', '--file', bakeFile, '--no-cache', '--push'], {env, cwd: workspace});
  await logout(env);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  fs.writeFileSync(path.join(dir, 'bake.log'), r.log);
  if (r.code !== 0) throw new Error(`${label}: docker buildx bake exited ${r.code}; log:\n${r.log}`);
  await verifyPushed(label);
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
async function measure(kind, contender, r) {
  for (let attempt = 0; ; attempt++) {
    const label = `${kind}${r}${attempt ? `-retry${attempt}` : ''}`;
    try {
      return await contender(label);
    } catch (err) {
      const error = gist(err.message).replace(`${label}: `, '');
      failures.push({run: label, error});
      if (attempt >= opts.retries) throw err;
      console.log(`  ${label} FAILED (${error}); running it again`);
    }
  }
}

// 4. Warm-up (unmeasured): BuildKit, QEMU and the page cache, so round 1 is not special.
const results = {a: [], b: [], c: []};
const loadStart = os.loadavg()[0];
let failure;
try {
  const warm = await run('docker', ['buildx', 'build', '--platform', PLATFORMS.join(','), '--no-cache', '--output', 'type=cacheonly', '-f', 'warmup.Dockerfile', '.'], {env: baseEnv({DOCKER_CONFIG: dockerConfig(runDir('warmup'))}), cwd: workspace});
  if (warm.code !== 0) throw new Error(`warm-up build failed (exit ${warm.code}); log:\n${warm.log}`);
  console.log(`engine bench: ${IMAGES.length} images x ${PLATFORMS.length} platforms, no cache, docker ${dockerVersion} (${storageDriver}), buildx ${buildxVersion}, ${opts.rounds} round${opts.rounds === 1 ? '' : 's'}, scale ${opts.scale}, ${os.cpus().length} CPUs, node ${process.version}`);
  console.log(`action ${path.relative(repo, opts.entry) || opts.entry} (built ${bundleBuilt?.toISOString() ?? '?'}, run from a copy), registry ${REGISTRY}, repositories under ${namespace}/; load average ${loadStart.toFixed(2)}`);
  if (loadStart > os.cpus().length / 2) console.log(`warning: the machine is busy (load average ${loadStart.toFixed(2)} on ${os.cpus().length} CPUs): the figures will be noisy`);
  for (let r = 1; r <= opts.rounds; r++) { // alternate, so drifts in machine load hit every contender alike
    const a = await measure('a', contenderA, r);
    results.a.push(a);
    const b = await measure('b', contenderB, r);
    results.b.push(b);
    const c = await measure('c', contenderC, r);
    results.c.push(c);
    console.log(`  round ${r}: A ${secs(a.ms)} s (main ${secs(a.mainMs)} + post ${secs(a.postMs)}), B ${secs(b.ms)} s, C ${secs(c.ms)} s`);
  }
} catch (err) {
  failure = err;
} finally {
  await api.close();
  await cleanup();
}
if (failure) die(1, failure.message);

// 5. The figures.
const med = {
  a: median(results.a.map(x => x.ms)),
  aMain: median(results.a.map(x => x.mainMs)),
  aPost: median(results.a.map(x => x.postMs)),
  aBake: median(results.a.map(x => x.bakeMs)),
  aOwn: median(results.a.map(x => x.ownMs)),
  b: median(results.b.map(x => x.ms)),
  c: median(results.c.map(x => x.ms))
};
const ratio = med.a / med.b;
const overhead = (med.a - med.c) / med.c;
const ratioOk = ratio < RATIO_TARGET;
const overheadOk = overhead < OVERHEAD_TARGET;
const wallMs = Date.now() - wallStart;
const loadEnd = os.loadavg();

const rows = [
  ['', ...results.a.map((_, i) => `round ${i + 1}`), 'median s'],
  ['A action (main + post)', ...results.a.map(x => secs(x.ms)), secs(med.a)],
  ['  main', ...results.a.map(x => secs(x.mainMs)), secs(med.aMain)],
  ['  post', ...results.a.map(x => secs(x.postMs)), secs(med.aPost)],
  ['  its bake', ...results.a.map(x => secs(x.bakeMs)), secs(med.aBake)],
  ['  the rest (own time)', ...results.a.map(x => secs(x.ownMs)), secs(med.aOwn)],
  ['B 3x buildx build --push', ...results.b.map(x => secs(x.ms)), secs(med.b)],
  ['C bare buildx bake --push', ...results.c.map(x => secs(x.ms)), secs(med.c)]
];
const widths = rows[0].map((_, c) => Math.max(...rows.map(r => String(r[c]).length)));
const fmt = r => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
console.log('');
console.log(fmt(rows[0]));
for (const r of rows.slice(1)) console.log(fmt(r));
console.log('');
console.log(`ratio A/B: ${ratio.toFixed(2)} (median action / median three builds; target < ${RATIO_TARGET}): ${ratioOk ? 'OK' : 'MISSED'}`);
console.log(`action's overhead over a bare bake: ${(overhead * 100).toFixed(1)}% (${secs(med.a - med.c)} s = median A - median C; target < ${OVERHEAD_TARGET * 100}%): ${overheadOk ? 'OK' : 'MISSED'}`);
// Where the action's own time goes (means over the rounds): each docker command but the bake, and
// what is left (Node, inputs, plan, API, outputs, summary).
const perRun = new Map();
const addTime = (key, count, ms) => {
  const v = perRun.get(key) ?? {count: 0, ms: 0};
  perRun.set(key, {count: v.count + count / results.a.length, ms: v.ms + ms / results.a.length});
};
for (const x of results.a) {
  for (const [step, t] of [['', x.main], ['post: ', x.post]]) {
    for (const [name, c] of Object.entries(t.commands)) addTime(`${step}${name.replace(/^docker /, '')}`, c.count, c.ms);
    addTime(step ? 'post: node' : 'node (start, inputs, plan, outputs)', 0, t.otherMs);
  }
}
const ownShare = med.aOwn / med.c;
console.log(`action's own time (A minus its bake): ${secs(med.aOwn)} s median = ${(ownShare * 100).toFixed(1)}% of median C; per run (mean):`);
console.log(
  '  ' +
    [...perRun]
      .sort((x, y) => y[1].ms - x[1].ms)
      .map(([k, v]) => `${v.count ? `${round(v.count, 1)}x ` : ''}${k}: ${secs(v.ms)} s`)
      .join(', ')
);
if (failures.length) {
  console.log(`${failures.length} run${failures.length === 1 ? '' : 's'} failed and ${failures.length === 1 ? 'was' : 'were'} run again:`);
  for (const f of failures) console.log(`  ${f.run}: ${f.error}`);
}
if (actionIssues.size) {
  console.log(`the action's log had ${actionIssues.size} distinct error/warning line${actionIssues.size === 1 ? '' : 's'}:`);
  for (const [msg, n] of actionIssues) console.log(`  ${n}x ${msg}`);
} else console.log("the action's log had no ::error or ::warning line");
for (const [kind, o] of observations) console.log(`note (${o.runs.length} of ${results.a.length} action runs): ${kind}${o.example ? `, e.g. ${o.example}` : ''}`);
console.log(`took ${minutes(wallMs)} in all (${opts.rounds} rounds + setup, warm-up and checks); load average ${loadStart.toFixed(2)} at the start, ${loadEnd[0].toFixed(2)} at the end (5 min: ${loadEnd[1].toFixed(2)})`);
const ok = ratioOk && overheadOk;
console.log(
  'BENCH-ENGINE ' +
    JSON.stringify({
      docker: dockerVersion,
      buildx: buildxVersion,
      cpus: os.cpus().length,
      node: process.version,
      rounds: opts.rounds,
      scale: opts.scale,
      images: IMAGES.length,
      platforms: PLATFORMS,
      actionMedianS: round(med.a / 1000, 2),
      actionMainMedianS: round(med.aMain / 1000, 2),
      actionPostMedianS: round(med.aPost / 1000, 2),
      actionBakeMedianS: round(med.aBake / 1000, 2),
      actionOwnMedianS: round(med.aOwn / 1000, 2),
      actionOwnShareOfBake: round(ownShare, 4),
      buildsMedianS: round(med.b / 1000, 2),
      bakeMedianS: round(med.c / 1000, 2),
      ratio: round(ratio, 3),
      ratioTarget: RATIO_TARGET,
      overhead: round(overhead, 4),
      overheadS: round((med.a - med.c) / 1000, 2),
      overheadTarget: OVERHEAD_TARGET,
      actionS: results.a.map(x => round(x.ms / 1000, 2)),
      buildsS: results.b.map(x => round(x.ms / 1000, 2)),
      bakeS: results.c.map(x => round(x.ms / 1000, 2)),
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
