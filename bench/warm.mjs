#!/usr/bin/env node
// Warm, incremental publishing on the real engine (scripts/engine-up.sh): the common CI case. Three
// images share a base stage; a first publish fills the cache (untimed), then ONE source file of ONE
// image changes and the images are published again on a FRESH docker-container builder (what a hosted
// runner has: no BuildKit state of its own), and only that second, warm publish is timed:
//   A. the action (dist/index.js as the runner starts it, then its post step) with `cache: registry`;
//   B. three sequential `docker buildx build --push --cache-from/--cache-to type=registry` (one
//      build-push-action step per image), after a login;
//   C. one bare `docker buildx bake --push` with the same registry cache per target, after a login;
//   D. the action with `cache: local`, its cache kept by @actions/cache in the local stand-in of the
//      GitHub cache service (__tests__/support/cache-service.ts);
//   E. a Dockerfile whose dependency step uses `RUN --mount=type=cache` ("downloads", a sleep each, only
//      what the mount lacks): the action with `cache-mounts: auto` against `cache-mounts: false`, after
//      the dependency manifest gained one entry.
// Rounds alternate A, B, C, D, E auto, E false; medians and ratios are printed. No dependencies beyond
// Node 24 (which strips the stand-in's TypeScript types itself). See bench/README.md.
//
// Usage: node bench/warm.mjs [--rounds N] [--retries N] [--scale X] [--platforms LIST] [--only LETTERS]
//                            [--strict] [--entry FILE] [--keep] [--verbose]
//   --rounds N        measured rounds (default 2)
//   --retries N       run a failed fill+warm pair again under new names, up to N times (default 1)
//   --scale X         multiply the work of the RUN steps and the number of dependencies (default 1)
//   --platforms LIST  platforms of the three images (default linux/amd64,linux/arm64; E is linux/amd64)
//   --only LETTERS    contenders to run, e.g. AC or E (default ABCDE)
//   --strict          exit 1 when a target is missed (A <= 1.05x C, A <= 0.50x B, E auto measurably faster)
//   --entry FILE      the action's bundle (default dist/index.js)
//   --keep            keep the scratch directory (workspaces, logs, runner files) and print where it is
//   --verbose         print the log of every measured run of the action
// Exit codes: 0 done (whatever the figures, without --strict), 1 a run failed or (--strict) a target
// was missed, 2 usage error, missing bundle, or the engine / registry / BuildKit image is not there.
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {parseFileCommands, median, round, actionDefaults, inputEnvName, registryGet, runProcess} from './lib.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const IMAGES = ['backend', 'frontend', 'worker'];
const CHANGED = 'frontend'; // the image whose source file changes between the fill and the warm run
const TARGET_AC = 1.05; // median(A) / median(C) at most this
const TARGET_AB = 0.5; // median(A) / median(B) at most this
const BUILDKIT_IMAGE = process.env.E2E_BUILDKIT_IMAGE || 'ci-local/buildkit:debian';
const RUN_TIMEOUT_MS = 10 * 60_000;
const SLEEP_PER_DEP = 0.3; // seconds one "download" of the dependency step takes
const ENGINE_HINT = 'start it with: eval "$(bash scripts/engine-up.sh)"   (as root, from the repository root)';
const CONTENDERS = ['A', 'B', 'C', 'D', 'E'];

function parseArgs(argv) {
  const opts = {rounds: 2, retries: 1, scale: 1, platforms: ['linux/amd64', 'linux/arm64'], only: new Set(CONTENDERS), strict: false, entry: path.join(repo, 'dist', 'index.js'), keep: false, verbose: false};
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
    else if (a === '--scale') opts.scale = number(0.05);
    else if (a === '--platforms') {
      opts.platforms = value().split(',').map(p => p.trim()).filter(Boolean);
      if (!opts.platforms.length || opts.platforms.some(p => !/^linux\/(amd64|arm64)$/.test(p))) usage('--platforms takes linux/amd64 and/or linux/arm64');
    } else if (a === '--only') {
      const letters = value().toUpperCase().split('');
      if (!letters.length || letters.some(l => !CONTENDERS.includes(l))) usage(`--only takes letters of ${CONTENDERS.join('')}`);
      opts.only = new Set(letters);
    } else if (a === '--strict') opts.strict = true;
    else if (a === '--entry') opts.entry = path.resolve(value());
    else if (a === '--keep') opts.keep = true;
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  return opts;
}

function usage(error) {
  if (error) console.error(`warm bench: ${error}`);
  console.error('usage: node bench/warm.mjs [--rounds N] [--retries N] [--scale X] [--platforms LIST] [--only LETTERS] [--strict] [--entry FILE] [--keep] [--verbose]');
  process.exit(2);
}

function die(code, message) {
  console.error(`warm bench: ${message}`);
  process.exit(code);
}

/** runProcess (lib.mjs) with this bench's default timeout: {ms, code, signal, log, events, startedAt}. */
function run(cmd, args, {timeoutMs = RUN_TIMEOUT_MS, ...opts} = {}) {
  return runProcess(cmd, args, {...opts, timeoutMs});
}


/** Where the action's time goes, by the arrival times of its log lines: its bake (from the
 *  `[command] docker buildx bake` line to the end of that log group) and each other command (from its
 *  `[command]` line to the next line: those run silently). */
function timeline(events) {
  const at = events.findIndex(e => /^\[command\] docker buildx bake /.test(e.line));
  let bake = 0;
  if (at >= 0) {
    let end = events.findIndex((e, i) => i > at && e.line === '::endgroup::');
    if (end < 0) end = events.length - 1;
    bake = events[end].t - events[at].t;
  }
  const commands = {};
  events.forEach((e, i) => {
    if (i === at || !e.line.startsWith('[command]')) return;
    const name = /^\[command\]\s*(docker (?:buildx imagetools \w+|buildx \w+|\w+)|\S+)/.exec(e.line)[1].replace(/^docker /, '').replace(/^\/usr\/bin\//, '');
    const c = (commands[name] ??= {count: 0, ms: 0});
    c.count++;
    // the action fences a command's line with ::stop-commands::<token> ... ::<token>::; the command
    // ends at the first line after the fence
    let j = i + 1;
    while (j < events.length && /^::[0-9a-z]{16,}::$/.test(events[j].line)) j++;
    c.ms += (j < events.length ? events[j].t : e.t) - e.t;
  });
  return {bake, commands};
}

/** A GitHub REST API stand-in: the repository, and the compare API for the commits this bench made
 *  (the tag guard asks how the warm commit relates to the one `main` points at). */
const commitOrder = new Map(); // sha -> serial
async function startApi(repoJson) {
  const server = http.createServer((req, res) => {
    req.resume();
    const url = (req.url ?? '').split('?')[0];
    const send = (status, body) => {
      res.writeHead(status, {'content-type': 'application/json; charset=utf-8'});
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET') return send(404, {message: 'Not Found'});
    if (/^\/repos\/[^/]+\/[^/]+\/?$/.test(url)) return send(200, repoJson);
    const cmp = /^\/repos\/[^/]+\/[^/]+\/compare\/([0-9a-f]+)\.\.\.([0-9a-f]+)$/.exec(url);
    const base = cmp && commitOrder.get(cmp[1]);
    const head = cmp && commitOrder.get(cmp[2]);
    if (!base || !head) return send(404, {message: 'Not Found'});
    const status = head > base ? 'ahead' : head < base ? 'behind' : 'identical';
    return send(200, {status, ahead_by: Math.max(0, head - base), behind_by: Math.max(0, base - head), total_commits: Math.max(0, head - base), commits: []});
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(resolve);
      })
  };
}


const INDEX_TYPES = 'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json';

const secs = ms => (ms / 1000).toFixed(1);
const minutes = ms => `${Math.floor(ms / 60000)}m${String(Math.round((ms % 60000) / 1000)).padStart(2, '0')}s`;

// ------------------------------------------------------------------------------------------------
const opts = parseArgs(process.argv.slice(2));
const wallStart = Date.now();
if (!fs.existsSync(opts.entry)) die(2, `${path.relative(process.cwd(), opts.entry) || opts.entry} is missing: run \`npm run build\` first`);
const REGISTRY = process.env.REGISTRY_ADDR || '127.0.0.1:5000';
const USER = process.env.REGISTRY_USER || 'ci';
const PASSWORD = process.env.REGISTRY_PASSWORD || 'ci-secret';
const PLATFORMS = opts.platforms;
const nonce = randomBytes(3).toString('hex');
const namespace = `mpwarm-${new Date().toISOString().slice(0, 19).replace(/\D/g, '')}-${nonce}`;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'multiarch-publish-warm-bench-'));
// Every contender gets the same small environment: PATH, a HOME of the bench's own (its ~/.docker holds
// only the bench's builders, no credentials), and whatever points docker at the daemon.
const home = path.join(scratch, 'home');
const buildxConfig = path.join(home, '.docker', 'buildx');
fs.mkdirSync(buildxConfig, {recursive: true});
function baseEnv(extra = {}) {
  const env = {HOME: home};
  for (const k of ['PATH', 'DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY', 'TMPDIR', 'LANG']) if (process.env[k] !== undefined) env[k] = process.env[k];
  return {...env, ...extra};
}

// Builders (docker-container, host network for the registry on 127.0.0.1), named after this run.
const builders = new Set();
let builderSerial = 0;
async function createBuilder(what) {
  const name = `mpwarm-${nonce}-${++builderSerial}-${what}`.slice(0, 60);
  builders.add(name);
  const r = await run('docker', ['buildx', 'create', `--name=${name}`, '--driver=docker-container', `--driver-opt=image=${BUILDKIT_IMAGE}`, '--driver-opt=network=host', '--bootstrap'], {env: baseEnv(), timeoutMs: 120_000});
  if (r.code !== 0) throw new Error(`docker buildx create ${name} exited ${r.code}; log:\n${r.log}`);
  return name;
}
async function removeBuilder(name) {
  if (!builders.has(name)) return;
  await run('docker', ['buildx', 'rm', '--force', '--', name], {env: baseEnv(), timeoutMs: 120_000}).catch(() => undefined);
  builders.delete(name);
}

const services = new Set();
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const b of [...builders]) await removeBuilder(b);
  for (const s of [...services]) await s.close().catch(() => undefined);
  if (opts.keep) console.log(`scratch directory kept: ${scratch}`);
  else fs.rmSync(scratch, {recursive: true, force: true});
}
async function fatal(code, message) {
  await cleanup();
  die(code, message);
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    console.error(`warm bench: ${sig}, cleaning up`);
    cleanup().finally(() => process.exit(130));
  });
}

// 0. A snapshot of the bundle (a concurrent `npm run build` cannot pull it from under a run), and the
// stand-in of the GitHub cache service: TypeScript, loaded by Node 24's own type stripping.
const bundle = path.join(scratch, 'action', 'dist');
try {
  fs.cpSync(path.dirname(opts.entry), bundle, {recursive: true});
} catch (err) {
  await fatal(2, `cannot copy ${path.dirname(opts.entry)} (${err.message}): run \`npm run build\` first`);
}
const entry = path.join(bundle, path.basename(opts.entry));
if (!fs.existsSync(entry)) await fatal(2, `${opts.entry} vanished while being copied (a build running?): try again`);
const defaults = actionDefaults();
let startCacheService;
if (opts.only.has('D') || opts.only.has('E')) {
  try {
    ({startCacheService} = await import(pathToFileURL(path.join(repo, '__tests__', 'support', 'cache-service.ts')).href));
  } catch (err) {
    await fatal(2, `cannot load the cache service stand-in __tests__/support/cache-service.ts (${err.message}); it needs Node >= 23.6 (node_modules/.bin/node is 24): run with \`node_modules/.bin/node bench/warm.mjs\` or \`--only ABC\``);
  }
}
async function newCacheService() {
  const s = await startCacheService();
  services.add(s);
  return {
    env: s.env,
    entries: () => s.entries(),
    close: async () => {
      services.delete(s);
      await s.close();
    }
  };
}

// 1. The engine: docker, buildx, the BuildKit image, the registry with our credentials.
let dockerVersion;
let buildxVersion;
try {
  const v = await run('docker', ['version', '--format', '{{.Server.Version}}'], {env: baseEnv(), timeoutMs: 20_000});
  if (v.code !== 0) throw new Error(v.log.trim().split('\n').pop());
  dockerVersion = v.log.trim();
  const bx = await run('docker', ['buildx', 'version'], {env: baseEnv(), timeoutMs: 20_000});
  if (bx.code !== 0) throw new Error(`docker buildx: ${bx.log.trim().split('\n').pop()}`);
  buildxVersion = /v?(\d+\.\d+\.\d+\S*)/.exec(bx.log)?.[1] ?? bx.log.trim();
  const img = await run('docker', ['image', 'inspect', '--format', '{{.Id}}', BUILDKIT_IMAGE], {env: baseEnv(), timeoutMs: 20_000});
  if (img.code !== 0) await fatal(2, `the BuildKit image ${BUILDKIT_IMAGE} is not in the engine: build it with \`bash scripts/buildkit-image.sh\` (E2E_BUILDKIT_IMAGE names another)`);
} catch (err) {
  await fatal(2, `the container engine is not reachable (${err.code === 'ENOENT' ? 'no docker on PATH' : err.message}); ${ENGINE_HINT}`);
}
try {
  const auth = await registryGet(REGISTRY, USER, PASSWORD, '/v2/');
  if (auth.status !== 200) throw new Error(`GET /v2/ as ${USER}: HTTP ${auth.status}`);
} catch (err) {
  await fatal(2, `the registry on ${REGISTRY} is not reachable or refuses ${USER} (${err.message}); ${ENGINE_HINT}`);
}

// 2. The workspaces. Three Dockerfiles: the same base stage (busybox FROM scratch, a RUN of forks),
// then a stage of their own that copies the image's source directory and runs its own forks. Every
// RUN prints `stage-ran-42-<stage>` (the Dockerfile says `$((40+2))`, so only a run of the step prints
// it): the warm run's log shows which stages were rebuilt rather than taken from the cache.
const workspace = path.join(scratch, 'workspace');
fs.mkdirSync(path.join(workspace, 'docker'), {recursive: true});
const archs = [...new Set(PLATFORMS.map(p => p.split('/')[1]).concat('amd64'))];
const bb = await run('bash', [path.join(repo, 'scripts', 'busybox-static.sh'), workspace], {env: {...process.env, BUSYBOX_ARCHS: archs.join(' ')}, timeoutMs: 300_000});
if (bb.code !== 0) await fatal(2, `scripts/busybox-static.sh failed (exit ${bb.code}):\n${bb.log}`);
const baseLines = Math.max(1, Math.round(400 * opts.scale));
const ownLines = Math.max(1, Math.round(150 * opts.scale));
const baseScript = `/bin/busybox --install -s /bin && mkdir -p /opt/base && i=0 && while [ $i -lt ${baseLines} ]; do echo "base $i $(uname -m)" > /opt/base/f$i; i=$((i+1)); done && echo stage-ran-$((40+2))-base`;
for (const name of IMAGES) {
  fs.mkdirSync(path.join(workspace, 'src', name), {recursive: true});
  fs.writeFileSync(
    path.join(workspace, 'docker', `${name}.Dockerfile`),
    [
      'FROM scratch AS base',
      'ARG TARGETARCH',
      'COPY busybox-${TARGETARCH} /bin/busybox',
      `RUN ${JSON.stringify(['/bin/busybox', 'sh', '-c', baseScript])}`,
      '',
      'FROM base',
      `COPY src/${name}/ /src/${name}/`,
      `RUN i=0 && while [ $i -lt ${ownLines} ]; do echo "${name} $i $(uname -m)" >> /opt/${name}.txt; i=$((i+1)); done && cat /src/${name}/* /opt/${name}.txt | md5sum > /opt/${name}.sum && echo stage-ran-$((40+2))-${name}`,
      `CMD ["cat", "/opt/${name}.sum"]`,
      ''
    ].join('\n')
  );
}
fs.writeFileSync(path.join(workspace, '.dockerignore'), 'docker\n');
/** The source files: the first publish's, or the warm run's (CHANGED's main.txt edited, per run). */
function writeSources(change) {
  for (const name of IMAGES) fs.writeFileSync(path.join(workspace, 'src', name, 'main.txt'), `${name} source v1\n${name === CHANGED && change ? `edited: ${change}\n` : ''}`);
}

// E's workspace: one image, linux/amd64, whose dependency step "downloads" (a sleep each) every entry
// of deps.txt that its cache mount lacks and prints how many it fetched.
const workspaceE = path.join(scratch, 'workspace-e');
fs.mkdirSync(workspaceE);
fs.copyFileSync(path.join(workspace, 'busybox-amd64'), path.join(workspaceE, 'busybox-amd64'));
const depCount = Math.max(2, Math.round(24 * opts.scale));
fs.writeFileSync(
  path.join(workspaceE, 'Dockerfile'),
  [
    'FROM scratch',
    'COPY busybox-amd64 /bin/busybox',
    'RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin"]',
    'COPY deps.txt /deps.txt',
    `RUN --mount=type=cache,id=deps,target=/var/cache/deps sh -c 'n=0; t=0; for d in $(cat /deps.txt); do t=$((t+1)); if [ ! -f /var/cache/deps/$d ]; then sleep ${SLEEP_PER_DEP}; echo "$d" > /var/cache/deps/$d; n=$((n+1)); fi; done; echo "downloaded $n of $t"; echo "$n of $t" > /downloaded'`,
    'COPY app.txt /app.txt',
    ''
  ].join('\n')
);
fs.writeFileSync(path.join(workspaceE, 'app.txt'), 'app v1\n');
/** deps.txt: depCount entries for the first publish; one more (new per run) for the warm one. */
function writeDeps(extra) {
  const deps = Array.from({length: depCount}, (_, i) => `dep-${i + 1}`);
  if (extra) deps.push(`dep-new-${extra}`);
  fs.writeFileSync(path.join(workspaceE, 'deps.txt'), deps.join('\n') + '\n');
}

// 3. The GitHub side: pushes to main (the first publish's commit and the warm one's), the API stub.
const owner = 'mpbench';
const repoName = 'app';
const api = await startApi({name: repoName, full_name: `${owner}/${repoName}`, description: 'multiarch-publish warm benchmark', html_url: `https://github.com/${owner}/${repoName}`, license: {spdx_id: 'MIT'}, default_branch: 'main'});
const registryAuth = `- registry: ${REGISTRY}\n  username: ${USER}\n  password: ${PASSWORD}`;
function commit() {
  const sha = randomBytes(20).toString('hex');
  commitOrder.set(sha, commitOrder.size + 1);
  const eventPath = path.join(scratch, `event-${sha.slice(0, 7)}.json`);
  fs.writeFileSync(
    eventPath,
    JSON.stringify({ref: 'refs/heads/main', after: sha, repository: {name: repoName, full_name: `${owner}/${repoName}`, owner: {login: owner}, default_branch: 'main', html_url: `https://github.com/${owner}/${repoName}`}, head_commit: {id: sha, timestamp: new Date().toISOString()}})
  );
  return {sha, eventPath, tags: ['main', `sha-${sha.slice(0, 7)}`]};
}
function runDir(label) {
  const dir = path.join(scratch, 'runs', label);
  fs.mkdirSync(dir, {recursive: true});
  return dir;
}
/** A private DOCKER_CONFIG, as docker/login-action would leave one for later steps. */
function dockerConfig(dir) {
  const d = fs.mkdtempSync(path.join(dir, 'docker-config-'));
  fs.writeFileSync(path.join(d, 'config.json'), '{}');
  return d;
}
const imageRef = (label, name) => `${REGISTRY}/${namespace}/${label}/${name}`;

/** Checks (untimed) that the registry holds each image under each tag of the commit, every platform,
 *  and notes an image whose tags point at different manifests (`main` not moved to the new commit's). */
async function verifyPushed(label, names, tags, platforms) {
  for (const name of names) {
    const bodies = new Set();
    for (const tag of tags) {
      const res = await registryGet(REGISTRY, USER, PASSWORD, `/v2/${namespace}/${label}/${name}/manifests/${tag}`, INDEX_TYPES);
      if (res.status !== 200) throw new Error(`${label}: ${imageRef(label, name)}:${tag} is not in the registry (HTTP ${res.status})`);
      const got = (JSON.parse(res.body).manifests ?? []).filter(m => m.platform && m.platform.os !== 'unknown').map(m => `${m.platform.os}/${m.platform.architecture}`);
      const missing = platforms.filter(p => !got.includes(p));
      if (missing.length) throw new Error(`${label}: ${imageRef(label, name)}:${tag} lacks ${missing.join(', ')}`);
      bodies.add(res.body);
    }
    if (bodies.size > 1) observe(label, `the tags ${tags.join(', ')} of the warm run point at different manifests`, `${label}: ${name}`);
  }
}

/** What a run's log says was rebuilt: the stages whose RUN printed its marker. */
const rebuilt = log => [...new Set([...log.matchAll(/stage-ran-42-(\w+)/g)].map(m => m[1]))].sort();
const observations = new Map(); // kind -> {runs, example}
function observe(label, kind, detail) {
  const o = observations.get(kind) ?? {runs: [], example: detail};
  o.runs.push(label);
  observations.set(kind, o);
}
/** The warm run of A-D must rebuild the changed image's own stage and nothing else. */
function checkWarm(label, log) {
  const got = rebuilt(log).join(',');
  if (got !== CHANGED) observe(label, `the warm run rebuilt other stages than ${CHANGED}'s own (the cache missed)`, `${label}: ${got || 'nothing'}`);
}

/** The action's two steps, main then post, as the runner runs them; resolves the times and the log. */
let runSerial = 0;
const actionIssues = new Map();
async function runTheAction(label, step, {inputs, extraEnv = {}, ws = workspace, runnerTemp, c}) {
  const dir = runDir(label);
  const temp = runnerTemp ?? fs.mkdtempSync(path.join(dir, 'runner-temp-'));
  const fileCommands = phase => {
    const files = {};
    for (const [name, file] of [['GITHUB_OUTPUT', 'output'], ['GITHUB_STATE', 'state'], ['GITHUB_STEP_SUMMARY', 'summary'], ['GITHUB_ENV', 'env'], ['GITHUB_PATH', 'path']]) {
      files[name] = path.join(dir, `${step}-${phase}-${file}`);
      fs.writeFileSync(files[name], '');
    }
    return files;
  };
  const env = baseEnv({
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: c.eventPath,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_SHA: c.sha,
    GITHUB_REPOSITORY: `${owner}/${repoName}`,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_ACTOR: 'mpbench-bot',
    GITHUB_RUN_ID: String(Date.now() * 10 + (++runSerial % 10)),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'warm-bench',
    GITHUB_JOB: 'publish',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: api.url,
    GITHUB_WORKSPACE: ws,
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    ...extraEnv
  });
  for (const [k, v] of Object.entries({...defaults, 'registry-auth': registryAuth, 'github-token': 'bench-token', tags: 'type=ref,event=branch\ntype=sha', ...inputs})) env[inputEnvName(k)] = v;
  const mainFiles = fileCommands('main');
  const main = await run(process.execPath, [entry], {env: {...env, ...mainFiles}, cwd: ws});
  const state = parseFileCommands(fs.readFileSync(mainFiles.GITHUB_STATE, 'utf8'));
  const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
  const post = await run(process.execPath, [entry], {env: {...env, ...fileCommands('post'), ...stateEnv}, cwd: ws});
  const summary = fs.readFileSync(mainFiles.GITHUB_STEP_SUMMARY, 'utf8');
  fs.writeFileSync(path.join(dir, `${step}.log`), `${main.log}\n--- post\n${post.log}\n--- summary\n${summary}`);
  fs.writeFileSync(path.join(dir, `${step}.timed.log`), main.events.map(e => `${(e.t / 1000).toFixed(3).padStart(8)} ${e.line}`).join('\n') + '\n');
  if (opts.verbose && step === 'warm') console.log(`--- action main (${label} ${step}) ---\n${main.log}--- action post ---\n${post.log}`);
  if (main.code !== 0) throw new Error(`the action (${label}, ${step}) exited ${main.code ?? main.signal}; log:\n${main.log}`);
  if (post.code !== 0) throw new Error(`the action's post step (${label}, ${step}) exited ${post.code ?? post.signal}; log:\n${post.log}`);
  if (step === 'warm') {
    for (const line of `${main.log}\n${post.log}`.split('\n')) {
      const m = /^::(error|warning)[^:]*::(.*)$/.exec(line);
      if (!m) continue;
      const issue = `${m[1]}: ${m[2].replace(/%0A/g, ' | ').replace(/%25/g, '%')}`;
      actionIssues.set(issue, (actionIssues.get(issue) ?? 0) + 1);
    }
  }
  const t = timeline(main.events);
  return {ms: main.ms + post.ms, mainMs: main.ms, postMs: post.ms, bakeMs: t.bake, commands: t.commands, log: main.log, summary};
}

async function login(env, label) {
  const r = await run('docker', ['login', REGISTRY, '--username', USER, '--password-stdin'], {env, input: PASSWORD, cwd: workspace});
  if (r.code !== 0) throw new Error(`${label}: docker login ${REGISTRY} failed: ${r.log}`);
}
const logout = env => run('docker', ['logout', REGISTRY], {env, cwd: workspace});

// The contenders. Each is one fill (untimed, on the bench's shared fill builder: its BuildKit state
// only makes the fill itself faster) and one warm publish on a fresh builder (timed; the builder is
// made before the clock starts and removed after it stops, as setup-buildx-action would make it).
async function withFreshBuilder(what, fn) {
  const builder = await createBuilder(what);
  try {
    return await fn(builder);
  } finally {
    await removeBuilder(builder);
  }
}

// A and D: the action; `cache: registry` (A) or `cache: local` with the stand-in (D).
async function pairAction(label, cache) {
  const service = cache === 'local' ? await newCacheService() : undefined;
  const runnerTemp = fs.mkdtempSync(path.join(runDir(label), 'runner-temp-')); // the same path in both jobs, as on a hosted runner
  try {
    const inputs = {images: IMAGES.map(n => `name=${n},file=docker/${n}.Dockerfile`).join('\n'), registry: `${REGISTRY}/${namespace}/${label}`, platforms: PLATFORMS.join(','), cache};
    const extraEnv = service?.env ?? {};
    writeSources();
    await runTheAction(label, 'fill', {inputs: {...inputs, builder: fillBuilder}, extraEnv, runnerTemp, c: commit()});
    writeSources(label);
    const c = commit();
    const warm = await withFreshBuilder(label, builder => runTheAction(label, 'warm', {inputs: {...inputs, builder}, extraEnv, runnerTemp, c}));
    checkWarm(label, warm.log);
    if (cache === 'local' && !/restored from multiarch-publish-local\//.test(warm.log)) observe(label, 'cache: local restored nothing in the warm run', label);
    await verifyPushed(label, IMAGES, c.tags, PLATFORMS);
    return warm;
  } finally {
    await service?.close();
  }
}

// B: login, three sequential builds with registry cache, logout.
async function buildsB(label, builder, c) {
  const env = baseEnv({DOCKER_CONFIG: dockerConfig(runDir(label)), BUILDX_CONFIG: buildxConfig});
  const start = process.hrtime.bigint();
  await login(env, label);
  let log = '';
  for (const name of IMAGES) {
    const ref = imageRef(label, name);
    const args = ['buildx', 'build', `--builder=${builder}`, '--platform', PLATFORMS.join(','), '--push', ...c.tags.flatMap(t => ['-t', `${ref}:${t}`]), '--cache-from', `type=registry,ref=${ref}:buildcache`, '--cache-to', `type=registry,ref=${ref}:buildcache,mode=max`, '-f', `docker/${name}.Dockerfile`, '.'];
    const r = await run('docker', args, {env, cwd: workspace});
    log += r.log;
    if (r.code !== 0) throw new Error(`${label}: docker buildx build of ${name} exited ${r.code}; log:\n$ docker ${args.join(' ')}\n${r.log}`);
  }
  await logout(env);
  return {ms: Number(process.hrtime.bigint() - start) / 1e6, log};
}

// C: login, one bare bake of the three targets with the same registry cache per target, logout.
async function bakeC(label, builder, c, step) {
  const dir = runDir(label);
  const env = baseEnv({DOCKER_CONFIG: dockerConfig(dir), BUILDX_CONFIG: buildxConfig});
  const bakeFile = path.join(dir, `bake-${step}.json`);
  const target = {};
  for (const name of IMAGES) {
    const ref = imageRef(label, name);
    target[name] = {context: '.', dockerfile: `docker/${name}.Dockerfile`, platforms: PLATFORMS, tags: c.tags.map(t => `${ref}:${t}`), 'cache-from': [`type=registry,ref=${ref}:buildcache`], 'cache-to': [`type=registry,ref=${ref}:buildcache,mode=max`]};
  }
  fs.writeFileSync(bakeFile, JSON.stringify({group: {default: {targets: IMAGES}}, target}, null, 2));
  const start = process.hrtime.bigint();
  await login(env, label);
  const r = await run('docker', ['buildx', 'bake', `--builder=${builder}`, '--file', bakeFile, '--push'], {env, cwd: workspace});
  await logout(env);
  if (r.code !== 0) throw new Error(`${label}: docker buildx bake exited ${r.code}; log:\n${r.log}`);
  return {ms: Number(process.hrtime.bigint() - start) / 1e6, log: r.log};
}

async function pairCli(label, kind) {
  const go = (builder, c, step) => (kind === 'B' ? buildsB(label, builder, c) : bakeC(label, builder, c, step));
  writeSources();
  const fill = await go(fillBuilder, commit(), 'fill');
  fs.writeFileSync(path.join(runDir(label), 'fill.log'), fill.log);
  writeSources(label);
  const c = commit();
  const warm = await withFreshBuilder(label, builder => go(builder, c, 'warm'));
  fs.writeFileSync(path.join(runDir(label), 'warm.log'), warm.log);
  checkWarm(label, warm.log);
  await verifyPushed(label, IMAGES, c.tags, PLATFORMS);
  return warm;
}

// E: the cache-mount Dockerfile, each publish on a fresh builder, the stand-in per pair. With
// `cache-mounts: auto` the first publish fills the mount's cache; with `false` nothing of a first
// publish could reach the fresh builder of the second (cache: none), so only the warm run is made.
async function pairE(label, mounts) {
  const service = await newCacheService();
  const runnerTemp = fs.mkdtempSync(path.join(runDir(label), 'runner-temp-'));
  try {
    const inputs = {images: 'deps', registry: `${REGISTRY}/${namespace}/${label}`, platforms: 'linux/amd64', cache: 'none', 'cache-mounts': mounts, 'cache-mounts-image': mountsImage};
    const ctx = {inputs, extraEnv: service.env, ws: workspaceE, runnerTemp};
    if (mounts === 'auto') {
      writeDeps();
      const fill = await withFreshBuilder(`${label}-fill`, builder => runTheAction(label, 'fill', {...ctx, inputs: {...inputs, builder}, c: commit()}));
      if (!/downloaded (\d+) of/.test(fill.log)) observe(label, 'the first publish of E did not run its dependency step', label);
    }
    writeDeps(label);
    const c = commit();
    const warm = await withFreshBuilder(label, builder => runTheAction(label, 'warm', {...ctx, inputs: {...inputs, builder}, c}));
    const m = /downloaded (\d+) of (\d+)/.exec(warm.log);
    warm.downloaded = m ? Number(m[1]) : undefined;
    const expected = mounts === 'auto' ? 1 : depCount + 1;
    if (warm.downloaded !== expected) observe(label, `E (cache-mounts: ${mounts}) downloaded other than ${expected} of ${depCount + 1} dependencies`, `${label}: ${m ? m[0] : 'no dependency step in the log'}`);
    await verifyPushed(label, ['deps'], c.tags, ['linux/amd64']);
    return warm;
  } finally {
    await service.close();
  }
}

/** The gist of a failure: its first line and the last line of its log that says what went wrong. */
function gist(message) {
  const lines = message.split('\n').map(l => l.trim()).filter(Boolean);
  const why = lines.slice(1).filter(l => /error|failed|denied|unknown flag|refused/i.test(l)).pop();
  return lines[0].replace(/; log:$/, '') + (why ? `: ${why.replace(/^::error[^:]*::/, '').replace(/%0A/g, ' | ').slice(0, 300)}` : '');
}
const failures = [];
async function measure(key, fn, r) {
  for (let attempt = 0; ; attempt++) {
    const label = `${key.toLowerCase()}${r}${attempt ? `-retry${attempt}` : ''}`;
    try {
      return await fn(label);
    } catch (err) {
      const error = gist(err.message);
      failures.push({run: label, error, log: err.message});
      if (attempt >= opts.retries) throw err;
      console.log(`  ${label} FAILED (${error}); running it again`);
    }
  }
}

// 4. Set-up (untimed): the shared fill builder, the copy steps' image of cache-mounts (busybox FROM
// scratch, pushed to the local registry: nothing is pulled from the internet), then the rounds.
const order = [
  ['A', 'A', label => pairAction(label, 'registry')],
  ['B', 'B', label => pairCli(label, 'B')],
  ['C', 'C', label => pairCli(label, 'C')],
  ['D', 'D', label => pairAction(label, 'local')],
  ['E', 'Eauto', label => pairE(label, 'auto')],
  ['E', 'Efalse', label => pairE(label, 'false')]
].filter(([letter]) => opts.only.has(letter));
const results = Object.fromEntries(order.map(([, key]) => [key, []]));
const loadStart = os.loadavg()[0];
let fillBuilder;
let mountsImage;
let failure;
let setupMs = 0;
try {
  const t0 = Date.now();
  fillBuilder = await createBuilder('fill');
  if (opts.only.has('E')) {
    mountsImage = `${REGISTRY}/${namespace}/busybox:1`;
    const bbDir = path.join(scratch, 'busybox-image');
    fs.mkdirSync(bbDir);
    fs.copyFileSync(path.join(workspace, 'busybox-amd64'), path.join(bbDir, 'busybox-amd64'));
    fs.writeFileSync(path.join(bbDir, 'Dockerfile'), 'FROM scratch\nCOPY busybox-amd64 /bin/busybox\nRUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin"]\n');
    const env = baseEnv({DOCKER_CONFIG: dockerConfig(runDir('setup')), BUILDX_CONFIG: buildxConfig});
    await login(env, 'setup');
    const r = await run('docker', ['buildx', 'build', `--builder=${fillBuilder}`, '--platform=linux/amd64', `--output=type=image,name=${mountsImage},push=true`, bbDir], {env});
    await logout(env);
    if (r.code !== 0) throw new Error(`building the cache-mounts copy image ${mountsImage} failed (exit ${r.code}); log:\n${r.log}`);
  }
  setupMs = Date.now() - t0;
  console.log(`warm bench: 3 images x ${PLATFORMS.length} platform${PLATFORMS.length === 1 ? '' : 's'} (${PLATFORMS.join(', ')}), one source file of ${CHANGED} changed after a first publish; docker ${dockerVersion}, buildx ${buildxVersion}, BuildKit ${BUILDKIT_IMAGE}, ${opts.rounds} round${opts.rounds === 1 ? '' : 's'}, scale ${opts.scale}, ${os.cpus().length} CPUs, node ${process.version}`);
  console.log(`each warm publish on a fresh docker-container builder (made and removed outside the timing); E: 1 image, linux/amd64, ${depCount} dependencies + 1 new, ${SLEEP_PER_DEP} s per download; registry ${REGISTRY}, repositories under ${namespace}/; load average ${loadStart.toFixed(2)}`);
  if (loadStart > os.cpus().length / 2) console.log(`warning: the machine is busy (load average ${loadStart.toFixed(2)} on ${os.cpus().length} CPUs): the figures will be noisy`);
  for (let r = 1; r <= opts.rounds; r++) {
    const parts = [];
    for (const [, key, fn] of order) {
      const x = await measure(key, fn, r);
      results[key].push(x);
      parts.push(`${key.replace(/^E/, 'E ')} ${secs(x.ms)} s${x.downloaded !== undefined ? ` (${x.downloaded} downloaded)` : ''}`);
    }
    console.log(`  round ${r}: ${parts.join(', ')}`);
  }
} catch (err) {
  failure = err;
} finally {
  await api.close();
  await cleanup();
}
if (failure) die(1, failure.message);

// 5. The figures.
const med = Object.fromEntries(Object.entries(results).map(([k, xs]) => [k, median(xs.map(x => x.ms))]));
if (results.A) {
  med.Amain = median(results.A.map(x => x.mainMs));
  med.Apost = median(results.A.map(x => x.postMs));
  med.Abake = median(results.A.map(x => x.bakeMs));
}
const labels = {
  A: 'A action, cache: registry (main + post)',
  B: 'B 3x buildx build --push, registry cache',
  C: 'C bare buildx bake --push, registry cache',
  D: 'D action, cache: local (stand-in service)',
  Eauto: 'E action, cache-mounts: auto',
  Efalse: 'E action, cache-mounts: false'
};
const rows = [['warm publish', ...Array.from({length: opts.rounds}, (_, i) => `round ${i + 1}`), 'median s']];
for (const key of Object.keys(results)) {
  rows.push([labels[key], ...results[key].map(x => secs(x.ms)), secs(med[key])]);
  if (key === 'A') {
    rows.push(['  main', ...results.A.map(x => secs(x.mainMs)), secs(med.Amain)]);
    rows.push(['  post', ...results.A.map(x => secs(x.postMs)), secs(med.Apost)]);
    rows.push(['  its bake', ...results.A.map(x => secs(x.bakeMs)), secs(med.Abake)]);
  }
}
const widths = rows[0].map((_, c) => Math.max(...rows.map(r => String(r[c]).length)));
const fmt = r => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
console.log('');
for (const r of rows) console.log(fmt(r));
console.log('');
const figures = {};
const checks = [];
if (med.A !== undefined && med.C !== undefined) {
  figures.ratioAC = med.A / med.C;
  checks.push(figures.ratioAC <= TARGET_AC);
  console.log(`A/C: ${figures.ratioAC.toFixed(2)} (the action over a bare bake with the same cache, ${secs(med.A - med.C)} s; target <= ${TARGET_AC}): ${figures.ratioAC <= TARGET_AC ? 'OK' : 'MISSED'}`);
}
if (med.A !== undefined && med.B !== undefined) {
  figures.ratioAB = med.A / med.B;
  checks.push(figures.ratioAB <= TARGET_AB);
  console.log(`A/B: ${figures.ratioAB.toFixed(2)} (the action over three separate builds; target <= ${TARGET_AB}): ${figures.ratioAB <= TARGET_AB ? 'OK' : 'MISSED'}`);
}
if (results.A) {
  const perRun = new Map();
  for (const x of results.A) {
    for (const [name, c] of Object.entries(x.commands)) {
      const v = perRun.get(name) ?? {count: 0, ms: 0};
      perRun.set(name, {count: v.count + c.count / results.A.length, ms: v.ms + c.ms / results.A.length});
    }
  }
  figures.actionOwnS = round(median(results.A.map(x => x.ms - x.bakeMs)) / 1000, 2);
  console.log(`A's own time (A minus its bake): ${secs(median(results.A.map(x => x.ms - x.bakeMs)))} s median; its commands besides the bake, per run (mean):`);
  console.log('  ' + [...perRun].sort((x, y) => y[1].ms - x[1].ms).map(([k, v]) => `${round(v.count, 1)}x ${k}: ${secs(v.ms)} s`).join(', '));
}
if (med.A !== undefined && med.D !== undefined) {
  figures.ratioDA = med.D / med.A;
  console.log(`D/A: ${figures.ratioDA.toFixed(2)} (cache: local through @actions/cache over cache: registry; no target)`);
}
if (med.Eauto !== undefined && med.Efalse !== undefined) {
  // measurable: every auto round is faster than every false round, and the medians differ by more
  // than one dependency's download
  figures.ratioE = med.Eauto / med.Efalse;
  const measurable = Math.max(...results.Eauto.map(x => x.ms)) < Math.min(...results.Efalse.map(x => x.ms)) && med.Efalse - med.Eauto > SLEEP_PER_DEP * 1000;
  figures.eMeasurable = measurable;
  checks.push(measurable);
  console.log(`E auto/false: ${figures.ratioE.toFixed(2)} (${secs(med.Efalse - med.Eauto)} s saved by cache-mounts: auto, restore and save included; target: every auto round faster than every false round, by more than one download): ${measurable ? 'OK' : 'MISSED'}`);
}
if (failures.length) {
  console.log(`${failures.length} run${failures.length === 1 ? '' : 's'} failed and ${failures.length === 1 ? 'was' : 'were'} run again:`);
  for (const f of failures) console.log(`  ${f.run}: ${f.error}`);
}
if (actionIssues.size) {
  console.log(`the action's warm logs had ${actionIssues.size} distinct error/warning line${actionIssues.size === 1 ? '' : 's'}:`);
  for (const [msg, n] of actionIssues) console.log(`  ${n}x ${msg}`);
}
for (const [kind, o] of observations) console.log(`note (${o.runs.length} run${o.runs.length === 1 ? '' : 's'}): ${kind}${o.example ? `, e.g. ${o.example}` : ''}`);
const wallMs = Date.now() - wallStart;
const loadEnd = os.loadavg();
console.log(`took ${minutes(wallMs)} in all (set-up ${secs(setupMs)} s, fills and builders untimed); load average ${loadStart.toFixed(2)} at the start, ${loadEnd[0].toFixed(2)} at the end (5 min: ${loadEnd[1].toFixed(2)})`);
const ok = checks.every(Boolean);
console.log(
  'BENCH-WARM ' +
    JSON.stringify({
      docker: dockerVersion,
      buildx: buildxVersion,
      cpus: os.cpus().length,
      node: process.version,
      rounds: opts.rounds,
      scale: opts.scale,
      platforms: PLATFORMS,
      medianS: Object.fromEntries(Object.entries(med).map(([k, v]) => [k, round(v / 1000, 2)])),
      runsS: Object.fromEntries(Object.entries(results).map(([k, xs]) => [k, xs.map(x => round(x.ms / 1000, 2))])),
      ...Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? round(v, 3) : v])),
      targets: {ratioAC: TARGET_AC, ratioAB: TARGET_AB},
      failures: failures.map(({run: r, error}) => ({run: r, error})),
      notes: [...observations.keys()],
      wallS: round(wallMs / 1000, 1),
      loadStart: round(loadStart, 2),
      ok,
      strict: opts.strict
    })
);
process.exit(opts.strict && !ok ? 1 : 0);
