#!/usr/bin/env node
// A split release against one publish job, on the real engine (scripts/engine-up.sh): the same
// two-image, two-platform release (linux/amd64 and linux/arm64, arm64 under QEMU on this host), cold,
//   a. as ONE `mode: publish` job;
//   b. as the reusable workflow runs it: `mode: plan`, then its two build legs (`mode: build`, one per
//      runner of the plan's `legs` output) run IN PARALLEL, then `mode: merge`;
// each job a process of its own (main and post step) with its own RUNNER_TEMP, runner files, docker
// config, and a fresh docker-container builder for every job that builds (what a hosted runner has; made
// before the clock starts and removed after it stops, for a and b alike; the plan and merge jobs build
// nothing and get none). Rounds alternate a and b; medians are printed, with the merge's own time (its
// job, main + post) for small images and for images with a large extra layer (the merge copies no layer:
// its time should not depend on the image's size). The two merges of a round run back to back, after
// both releases' legs, so they meet the same load; b's time is its plan and legs' wall time + its merge. On this 2-CPU machine the two legs share the CPUs (on
// GitHub each leg has a runner of its own, and the arm64 leg runs natively): b's figure here is not the
// win a real split gives, only what the split costs in jobs and registry round trips.
//
// Usage: node bench/split.mjs [--rounds N] [--large-mb N] [--entry FILE] [--keep] [--verbose]
//   --rounds N     measured rounds of a and b, and of the large split release (default 1)
//   --large-mb N   size of the large images' extra layer, MiB (default 32)
//   --entry FILE   the action's bundle (default dist/index.js)
//   --keep         keep the scratch directory (workspaces, logs, runner files)
//   --verbose      print every job's log
// Output: one line per run, a table of medians, the ratios (b/a; merge large/small), the ::warning and
// ::error lines of the jobs, and a last line `BENCH-SPLIT {json}`. No timed assertion.
// Clean-up: the builders, the scratch directory, and everything pushed to the registry (every tag's
// manifests and their blobs, and the legs' digests, deleted by digest).
// Exit codes: 0 done, 1 a run failed, 2 usage error or the engine / registry / BuildKit image missing.
import {createCipheriv, randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseFileCommands, startApiStub, median, round, actionDefaults, inputEnvName, registryGet, registryRequest, runProcess as run} from './lib.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const IMAGES = ['api', 'worker'];
const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const RUNNERS = {'linux/amd64': 'bench-amd64', 'linux/arm64': 'bench-arm64'};
const BUILDKIT_IMAGE = process.env.E2E_BUILDKIT_IMAGE || 'ci-local/buildkit:debian';
const INDEX_TYPES = 'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json';
const MANIFEST_TYPES = `${INDEX_TYPES}, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json`;

function usage(error) {
  if (error) console.error(`split bench: ${error}`);
  console.error('usage: node bench/split.mjs [--rounds N] [--large-mb N] [--entry FILE] [--keep] [--verbose]');
  process.exit(2);
}
const opts = {rounds: 1, largeMb: 32, entry: path.join(repo, 'dist', 'index.js'), keep: false, verbose: false};
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  const num = () => {
    const n = Number(process.argv[++i]);
    if (!Number.isInteger(n) || n < 1) usage(`${a} takes a whole number >= 1`);
    return n;
  };
  if (a === '--rounds') opts.rounds = num();
  else if (a === '--large-mb') opts.largeMb = num();
  else if (a === '--entry') opts.entry = path.resolve(process.argv[++i] ?? usage('--entry needs a file'));
  else if (a === '--keep') opts.keep = true;
  else if (a === '--verbose') opts.verbose = true;
  else usage(a === '--help' || a === '-h' ? undefined : `unknown argument ${a}`);
}
if (!fs.existsSync(opts.entry)) {
  console.error(`split bench: ${opts.entry} is missing: run \`npm run build\` first`);
  process.exit(2);
}

const REGISTRY = process.env.REGISTRY_ADDR || '127.0.0.1:5000';
const USER = process.env.REGISTRY_USER || 'ci';
const PASSWORD = process.env.REGISTRY_PASSWORD || 'ci-secret';
const nonce = randomBytes(3).toString('hex');
const namespace = `mpsplit-${new Date().toISOString().slice(0, 19).replace(/\D/g, '')}-${nonce}`;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'multiarch-publish-split-bench-'));
const home = path.join(scratch, 'home');
fs.mkdirSync(path.join(home, '.docker', 'buildx'), {recursive: true});
function baseEnv(extra = {}) {
  const env = {HOME: home};
  for (const k of ['PATH', 'DOCKER_HOST', 'DOCKER_CONTEXT', 'TMPDIR', 'LANG']) if (process.env[k] !== undefined) env[k] = process.env[k];
  return {...env, ...extra};
}

// A snapshot of the bundle: a concurrent `npm run build` cannot pull it from under a run.
const bundle = path.join(scratch, 'action', 'dist');
fs.cpSync(path.dirname(opts.entry), bundle, {recursive: true});
const entry = path.join(bundle, path.basename(opts.entry));
const defaults = actionDefaults();

const builders = new Set();
let serial = 0;
let stopping = false; // a signal came: no new builder or job
const running = new Set(); // the action processes (main and post steps) running now
function step(env, cwd) {
  const p = run(process.execPath, [entry], {env, cwd});
  running.add(p);
  p.then(() => running.delete(p), () => running.delete(p));
  return p;
}
async function createBuilder(what) {
  if (stopping) throw new Error('interrupted');
  const name = `mpsplit-${nonce}-${++serial}-${what}`.slice(0, 60);
  builders.add(name);
  const r = await run('docker', ['buildx', 'create', `--name=${name}`, '--driver=docker-container', `--driver-opt=image=${BUILDKIT_IMAGE}`, '--driver-opt=network=host', '--bootstrap'], {env: baseEnv(), timeoutMs: 120_000});
  if (r.code !== 0) throw new Error(`docker buildx create ${name} exited ${r.code}:\n${r.log}`);
  return name;
}
async function removeBuilder(name) {
  builders.delete(name);
  await run('docker', ['buildx', 'rm', '--force', '--', name], {env: baseEnv(), timeoutMs: 120_000}).catch(() => undefined);
}
// Everything pushed: the repositories (their tags are listed at the end) and the legs' digests (content
// pushed by digest that no tag may name when a run failed half-way).
const repositories = new Set();
const pushedDigests = new Map(); // repository -> Set of digests
const remember = (repository, digest) => {
  if (!digest) return;
  if (!pushedDigests.has(repository)) pushedDigests.set(repository, new Set());
  pushedDigests.get(repository).add(digest);
};
const req = (method, urlPath, accept) => registryRequest(REGISTRY, USER, PASSWORD, method, urlPath, accept);
/** Deletes every manifest of the repository (what its tags and the remembered digests name, and their
 *  children, top-down) and then the blobs they name. Best effort: returns what could not be deleted. */
async function cleanRepository(repository) {
  const manifests = new Map(); // digest -> parsed manifest
  const blobs = new Set();
  const visit = async digest => {
    if (manifests.has(digest)) return;
    const r = await req('GET', `/v2/${repository}/manifests/${digest}`, MANIFEST_TYPES).catch(() => undefined);
    if (r?.status !== 200) return;
    const m = JSON.parse(r.body);
    manifests.set(digest, m);
    for (const child of [...(m.manifests ?? []), ...(m.subject ? [m.subject] : [])]) await visit(child.digest); // a leg record's subject: the leg's content
    for (const b of [m.config, ...(m.layers ?? [])]) if (b?.digest) blobs.add(b.digest);
  };
  const tags = await req('GET', `/v2/${repository}/tags/list?n=1000`).catch(() => undefined);
  const tagNames = tags?.status === 200 ? (JSON.parse(tags.body).tags ?? []) : [];
  for (const tag of tagNames) {
    const h = await req('HEAD', `/v2/${repository}/manifests/${tag}`, MANIFEST_TYPES).catch(() => undefined);
    if (h?.status === 200 && h.headers['docker-content-digest']) await visit(h.headers['docker-content-digest']);
  }
  for (const d of pushedDigests.get(repository) ?? []) await visit(d);
  const left = [];
  for (const [kind, digests] of [['manifests', manifests.keys()], ['blobs', blobs]]) {
    for (const d of digests) {
      const r = await req('DELETE', `/v2/${repository}/${kind}/${d}`).catch(err => ({status: err.message}));
      if (r.status !== 202 && r.status !== 404) left.push(`${repository}/${kind}/${d.slice(0, 19)}…: ${r.status}`);
    }
  }
  return {manifests: manifests.size, blobs: blobs.size, left};
}
let api;
let cleaning;
/** Once, whoever asks first (the end of the run or a signal); every later call waits for the same. */
const cleanup = () => (cleaning ??= cleanupOnce());
async function cleanupOnce() {
  stopping = true;
  await Promise.all([...builders].map(removeBuilder));
  // the action processes still running (after a signal): without their builders they end soon, and a
  // merge must not write a tag after the registry's clean-up
  while (running.size) await Promise.allSettled([...running]);
  await api?.close();
  let manifests = 0;
  let blobs = 0;
  const left = [];
  for (const repository of repositories) {
    const r = await cleanRepository(repository).catch(err => ({manifests: 0, blobs: 0, left: [`${repository}: ${err.message}`]}));
    manifests += r.manifests;
    blobs += r.blobs;
    left.push(...r.left);
  }
  if (repositories.size) console.log(`clean-up: ${manifests} manifests and ${blobs} blobs in ${repositories.size} repositories under ${REGISTRY}/${namespace}/ deleted${left.length ? `, but ${left.length}: ${left.slice(0, 5).join(', ')}${left.length > 5 ? ', …' : ''}` : ''}`);
  if (opts.keep) console.log(`kept: ${scratch}`);
  else fs.rmSync(scratch, {recursive: true, force: true, maxRetries: 3});
}
async function fatal(code, message) {
  console.error(`split bench: ${message}`);
  await cleanup();
  process.exit(code);
}
let signalled = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    console.error(`split bench: ${sig}, cleaning up`);
    signalled = true;
    cleanup().finally(() => process.exit(130));
  });
}

// 1. The engine.
const img = await run('docker', ['image', 'inspect', '--format', '{{.Id}}', BUILDKIT_IMAGE], {env: baseEnv(), timeoutMs: 20_000}).catch(err => ({code: -1, log: err.message}));
if (img.code !== 0) await fatal(2, `the BuildKit image ${BUILDKIT_IMAGE} is not in the engine (${img.log.trim().split('\n').pop()}): eval "$(bash scripts/engine-up.sh)" and bash scripts/buildkit-image.sh`);
const auth = await registryGet(REGISTRY, USER, PASSWORD, '/v2/').catch(err => ({status: err.message}));
if (auth.status !== 200) await fatal(2, `the registry on ${REGISTRY} is not reachable or refuses ${USER} (${auth.status})`);

// 2. Two workspaces: small images (busybox FROM scratch, a RUN of some forks per platform), and the same
// with a large layer of random bytes.
async function workspace(kind, extraMb) {
  const ws = path.join(scratch, `workspace-${kind}`);
  fs.mkdirSync(path.join(ws, 'docker'), {recursive: true});
  const bb = await run('bash', [path.join(repo, 'scripts', 'busybox-static.sh'), ws], {env: {...process.env, BUSYBOX_ARCHS: 'amd64 arm64'}, timeoutMs: 300_000});
  if (bb.code !== 0) await fatal(2, `scripts/busybox-static.sh failed:\n${bb.log}`);
  if (extraMb) {
    // incompressible but the same bytes in every bench run (AES-CTR of zeros under a fixed key): the
    // registry stores one copy of the layer whatever the number of runs
    const cipher = createCipheriv('aes-128-ctr', Buffer.alloc(16, 42), Buffer.alloc(16, 0));
    const fd = fs.openSync(path.join(ws, 'large.bin'), 'w');
    for (let i = 0; i < extraMb; i++) fs.writeSync(fd, cipher.update(Buffer.alloc(1024 * 1024)));
    fs.closeSync(fd);
  }
  for (const name of IMAGES) {
    fs.writeFileSync(
      path.join(ws, 'docker', `${name}.Dockerfile`),
      [
        'FROM scratch',
        'ARG TARGETARCH',
        'COPY busybox-${TARGETARCH} /bin/busybox',
        `RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin && mkdir -p /tmp && i=0 && while [ $i -lt 200 ]; do echo ${name} $i $(uname -m) > /tmp/f; i=$((i+1)); done"]`,
        ...(extraMb ? ['COPY large.bin /large.bin'] : []),
        `CMD ["echo", "${name}"]`,
        ''
      ].join('\n')
    );
  }
  return ws;
}
const workspaces = {small: await workspace('small', 0), large: await workspace('large', opts.largeMb)};

// 3. The GitHub side: one push to main per release.
api = await startApiStub({name: 'app', full_name: 'mpbench/app', html_url: 'https://github.com/mpbench/app', license: {spdx_id: 'MIT'}, default_branch: 'main'});
const registryAuth = `- registry: ${REGISTRY}\n  username: ${USER}\n  password: ${PASSWORD}`;
function commit() {
  const sha = randomBytes(20).toString('hex');
  const eventPath = path.join(scratch, `event-${sha.slice(0, 7)}.json`);
  fs.writeFileSync(eventPath, JSON.stringify({ref: 'refs/heads/main', after: sha, repository: {name: 'app', full_name: 'mpbench/app', owner: {login: 'mpbench'}, default_branch: 'main'}, head_commit: {id: sha, timestamp: new Date().toISOString()}}));
  return {sha, eventPath, runId: String(Date.now())};
}

/** One job: the action's main and post steps, as a runner runs them, in a directory of its own; `builder`
 *  (made by the caller, outside the timing) for the jobs that build. */
const issues = new Map(); // "::warning::…" line (a job's label taken out) -> count
async function job(label, inputs, c, ws, builder) {
  const dir = fs.mkdtempSync(path.join(scratch, `${label}-`));
  const temp = path.join(dir, 'runner-temp');
  fs.mkdirSync(temp);
  const files = phase => Object.fromEntries(['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY', 'GITHUB_ENV', 'GITHUB_PATH'].map(k => [k, path.join(dir, `${phase}-${k.toLowerCase()}`)]));
  const env = baseEnv({
    CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: c.eventPath, GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch', GITHUB_SHA: c.sha, GITHUB_REPOSITORY: 'mpbench/app', GITHUB_REPOSITORY_OWNER: 'mpbench', GITHUB_ACTOR: 'mpbench-bot',
    GITHUB_RUN_ID: c.runId, GITHUB_RUN_ATTEMPT: '1', GITHUB_JOB: label.replace(/^[a-z]\d+-/, ''), GITHUB_SERVER_URL: 'https://github.com', GITHUB_API_URL: api.url,
    GITHUB_WORKSPACE: ws, RUNNER_TEMP: temp, RUNNER_OS: 'Linux', RUNNER_ARCH: 'X64', RUNNER_NAME: `bench-${label}`
  });
  if (stopping) throw new Error('interrupted');
  for (const [k, v] of Object.entries({...defaults, 'registry-auth': registryAuth, 'github-token': 'bench-token', cache: 'none', ...inputs})) env[inputEnvName(k)] = v;
  if (builder) env[inputEnvName('builder')] = builder;
  const mainFiles = files('main');
  for (const f of Object.values(mainFiles)) fs.writeFileSync(f, '');
  const main = await step({...env, ...mainFiles}, ws);
  const state = parseFileCommands(fs.readFileSync(mainFiles.GITHUB_STATE, 'utf8'));
  const postFiles = files('post');
  for (const f of Object.values(postFiles)) fs.writeFileSync(f, '');
  const post = await step({...env, ...postFiles, ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))}, ws);
  if (opts.verbose) console.log(`--- ${label} ---\n${main.log}--- post ---\n${post.log}`);
  for (const line of `${main.log}\n${post.log}`.split('\n')) {
    if (!/^::(warning|error)\b/.test(line)) continue;
    const key = `${inputs.mode ?? 'publish'}: ${line.replaceAll(namespace, '<ns>').replace(/<ns>\/[a-z]\d+\//g, '<ns>/…/')}`;
    issues.set(key, (issues.get(key) ?? 0) + 1);
  }
  if (main.code !== 0 || post.code !== 0) throw new Error(`${label} exited ${main.code}/${post.code}:\n${main.log}\n--- post\n${post.log}`);
  return {ms: main.ms + post.ms, mainMs: main.ms, outputs: parseFileCommands(fs.readFileSync(mainFiles.GITHUB_OUTPUT, 'utf8'))};
}

const imagesInput = IMAGES.map(n => `name=${n},file=docker/${n}.Dockerfile`).join('\n');
function common(label) {
  for (const name of IMAGES) repositories.add(`${namespace}/${label}/${name}`);
  return {images: imagesInput, registry: `${REGISTRY}/${namespace}/${label}`, platforms: PLATFORMS.join(','), tags: 'type=ref,event=branch\ntype=sha'};
}
const secs = ms => (ms / 1000).toFixed(1);
const repoOf = image => image.replace(`${REGISTRY}/`, '');

/** Both tags of every image must be one index of both platforms; for a split release, made of exactly
 *  the platform manifests the legs reported (their `digests` output). */
async function check(label, c, legDigests) {
  for (const name of IMAGES) {
    const digests = [];
    for (const tag of ['main', `sha-${c.sha.slice(0, 7)}`]) {
      const res = await registryGet(REGISTRY, USER, PASSWORD, `/v2/${namespace}/${label}/${name}/manifests/${tag}`, INDEX_TYPES);
      if (res.status !== 200) throw new Error(`${label}: ${name}:${tag} is not in the registry (HTTP ${res.status})`);
      digests.push(res.headers['docker-content-digest']);
      const platforms = JSON.parse(res.body).manifests.filter(m => m.platform?.os === 'linux');
      const got = platforms.map(m => `linux/${m.platform.architecture}`);
      if (PLATFORMS.some(p => !got.includes(p))) throw new Error(`${label}: ${name}:${tag} has ${got.join(', ')}, not ${PLATFORMS.join(', ')}`);
      if (legDigests) {
        for (const m of platforms) {
          const want = legDigests.find(d => repoOf(d.image) === `${namespace}/${label}/${name}` && d.platform === `linux/${m.platform.architecture}`)?.digest;
          if (m.digest !== want) throw new Error(`${label}: ${name}:${tag} has ${m.digest} for linux/${m.platform.architecture}, the leg reported ${want}`);
        }
      }
    }
    if (digests[0] !== digests[1]) throw new Error(`${label}: ${name}: main and sha tags point at different indexes (${digests.join(', ')})`);
  }
}

async function publishJob(label, ws) {
  const c = commit();
  const builder = await createBuilder(`${label}-publish`);
  try {
    const r = await job(`${label}-publish`, common(label), c, ws, builder);
    await check(label, c);
    return {total: r.ms};
  } finally {
    await removeBuilder(builder);
  }
}

/** A split release's plan job and its two build legs, in parallel (the merge is run by `splitMerge`). */
async function splitLegs(label, ws) {
  const c = commit();
  const legBuilders = await Promise.all([1, 2].map(i => createBuilder(`${label}-leg${i}`)));
  try {
    const t0 = process.hrtime.bigint();
    const plan = await job(`${label}-plan`, {...common(label), mode: 'plan', runners: JSON.stringify(RUNNERS)}, c, ws);
    const legs = JSON.parse(plan.outputs.legs ?? '[]');
    if (legs.length !== 2) throw new Error(`${label}: the plan has ${legs.length} legs, not 2: ${plan.outputs.legs}`);
    const built = await Promise.allSettled(legs.map((leg, i) => job(`${label}-leg${i + 1}`, {mode: 'build', plan: plan.outputs.plan, platforms: leg.platforms}, c, ws, legBuilders[i])));
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const legDigests = [];
    for (const b of built) {
      for (const d of b.status === 'fulfilled' ? JSON.parse(b.value.outputs.digests ?? '[]') : []) {
        legDigests.push(d);
        for (const x of [d.digest, d.content, d.record]) remember(repoOf(d.image), x);
      }
    }
    const failedLeg = built.find(b => b.status === 'rejected');
    if (failedLeg) throw failedLeg.reason;
    return {label, c, ws, plan: plan.outputs.plan, planMs: plan.ms, legs: built.map(b => b.value.ms), legDigests, wallMs};
  } finally {
    await Promise.all(legBuilders.map(removeBuilder));
  }
}

/** The merge job of a split release whose legs are done; b's time = the plan and legs' wall time + the merge job. */
async function splitMerge(s) {
  const merge = await job(`${s.label}-merge`, {mode: 'merge', plan: s.plan}, s.c, s.ws);
  await check(s.label, s.c, s.legDigests);
  return {total: s.wallMs + merge.ms, plan: s.planMs, legs: s.legs, merge: merge.ms};
}

// 4. Rounds: a and b alternate on the small images; then the large images' split release, for the merge.
//    b's time: the wall time of its plan job and parallel legs, plus its merge job (run later, see below).
const loadStart = os.loadavg()[0];
const cpus = os.cpus().length;
console.log(`split bench: 2 images (${IMAGES.join(', ')}) x ${PLATFORMS.join(' + ')} (arm64 under QEMU), cold, fresh docker-container builder per building job (BuildKit ${BUILDKIT_IMAGE}, made and removed outside the timing); ${opts.rounds} round(s); large images +${opts.largeMb} MiB layer; ${cpus} CPUs, node ${process.version}; repositories under ${REGISTRY}/${namespace}/; load average ${loadStart.toFixed(2)}`);
if (loadStart > cpus / 2) console.log(`warning: the machine is busy (load average ${loadStart.toFixed(2)} on ${cpus} CPUs): the figures will be noisy`);
const results = {a: [], b: [], large: []};
let failed = false;
const t0 = Date.now();
const legsText = res => `plan ${secs(res.plan)}, legs ${res.legs.map(secs).join(' | ')}, merge ${secs(res.merge)}`;
try {
  for (let r = 1; r <= opts.rounds; r++) {
    // a and b's plan + legs (alternating), the large release's plan + legs, then the two merges back to
    // back (alternating), so that they meet the same engine and load: no build runs beside them
    const order = r % 2 ? ['a', 'b'] : ['b', 'a'];
    const split = {};
    for (const k of order) {
      if (k === 'a') {
        const res = await publishJob(`a${r}`, workspaces.small);
        results.a.push(res);
        console.log(`  round ${r} a: ${secs(res.total)} s`);
      } else split.b = await splitLegs(`b${r}`, workspaces.small);
    }
    split.large = await splitLegs(`l${r}`, workspaces.large);
    for (const k of r % 2 ? ['b', 'large'] : ['large', 'b']) split[k] = await splitMerge(split[k]);
    results.b.push(split.b);
    results.large.push(split.large);
    console.log(`  round ${r} b: ${secs(split.b.total)} s (${legsText(split.b)})`);
    console.log(`  round ${r} b, +${opts.largeMb} MiB layer: ${secs(split.large.total)} s (${legsText(split.large)})`);
  }
} catch (err) {
  failed = true;
  console.error(`split bench: a run failed: ${err.message.split('\n').slice(0, 40).join('\n')}`);
}
const wallMs = Date.now() - t0;
const med = xs => (xs.length ? median(xs) / 1000 : NaN);
const f = {
  a: med(results.a.map(x => x.total)),
  b: med(results.b.map(x => x.total)),
  plan: med(results.b.map(x => x.plan)),
  slowerLeg: med(results.b.map(x => Math.max(...x.legs))),
  mergeSmall: med(results.b.map(x => x.merge)),
  bLarge: med(results.large.map(x => x.total)),
  slowerLegLarge: med(results.large.map(x => Math.max(...x.legs))),
  mergeLarge: med(results.large.map(x => x.merge))
};
const fmt = x => (Number.isFinite(x) ? x.toFixed(1).padStart(6) : '     -');
const ratio = (x, y) => (Number.isFinite(x) && Number.isFinite(y) && y > 0 ? round(x / y, 2) : NaN);
const ratioBA = ratio(f.b, f.a);
const ratioMerge = ratio(f.mergeLarge, f.mergeSmall);
const shown = x => (Number.isFinite(x) ? `${x.toFixed(2)}x` : 'n/a');
console.log(`\nsplit release, 2 images x 2 platforms, cold       median s`);
console.log(`a  one publish job (main + post)                ${fmt(f.a)}`);
console.log(`b  plan + 2 legs in parallel (wall) + merge      ${fmt(f.b)}`);
console.log(`     plan job                                   ${fmt(f.plan)}`);
console.log(`     slower build leg                           ${fmt(f.slowerLeg)}`);
console.log(`     merge job                                  ${fmt(f.mergeSmall)}`);
console.log(`b  with a ${String(opts.largeMb).padStart(3)} MiB layer per image              ${fmt(f.bLarge)}`);
console.log(`     slower build leg                           ${fmt(f.slowerLegLarge)}`);
console.log(`     merge job                                  ${fmt(f.mergeLarge)}`);
console.log('');
console.log(`b/a: ${shown(ratioBA)} (the split release's wall time over one publish job; on ${cpus} shared CPUs with arm64 under QEMU in both: no target)`);
console.log(`merge: ${Number.isFinite(f.mergeSmall) ? f.mergeSmall.toFixed(1) : 'n/a'} s small, ${Number.isFinite(f.mergeLarge) ? f.mergeLarge.toFixed(1) : 'n/a'} s with the ${opts.largeMb} MiB layer: large/small ${shown(ratioMerge)} (the merge copies no layer: expected ~1, a few seconds)`);
if (issues.size) {
  console.log(`the jobs' logs had ${issues.size} distinct ::warning/::error line${issues.size === 1 ? '' : 's'}:`);
  for (const [line, n] of issues) console.log(`  ${n}x ${line.length > 300 ? `${line.slice(0, 300)}…` : line}`);
} else console.log("the jobs' logs had no ::warning or ::error line");
await cleanup();
const loadEnd = os.loadavg();
console.log(`took ${Math.round((Date.now() - t0) / 1000)} s in all (runs ${Math.round(wallMs / 1000)} s, builders and checks included); load average ${loadStart.toFixed(2)} at the start, ${loadEnd[0].toFixed(2)} at the end (5 min: ${loadEnd[1].toFixed(2)})`);
const r2 = x => (Number.isFinite(x) ? round(x, 2) : null);
console.log(
  'BENCH-SPLIT ' +
    JSON.stringify({
      cpus,
      node: process.version,
      rounds: opts.rounds,
      largeMb: opts.largeMb,
      publishS: r2(f.a),
      splitS: r2(f.b),
      planS: r2(f.plan),
      slowerLegS: r2(f.slowerLeg),
      mergeSmallS: r2(f.mergeSmall),
      splitLargeS: r2(f.bLarge),
      mergeLargeS: r2(f.mergeLarge),
      ratioSplitPublish: r2(ratioBA),
      ratioMergeLargeSmall: r2(ratioMerge),
      runs: {a: results.a.map(x => r2(x.total / 1000)), b: results.b.map(x => r2(x.total / 1000)), large: results.large.map(x => r2(x.total / 1000))},
      issues: issues.size,
      loadStart: round(loadStart, 2),
      loadEnd5: round(loadEnd[1], 2),
      ok: !failed
    })
);
process.exit(signalled ? 130 : failed ? 1 : 0);
