#!/usr/bin/env node
// A split release against one publish job, on the real engine (scripts/engine-up.sh): the same
// two-image, two-platform release (linux/amd64 and linux/arm64, arm64 under QEMU on this host), cold,
//   a. as ONE `mode: publish` job;
//   b. as the reusable workflow runs it: `mode: plan`, then its two build legs (`mode: build`, one per
//      runner of the plan's `legs` output) run IN PARALLEL, then `mode: merge`;
// each job a process of its own with its own RUNNER_TEMP, runner files, docker config and a fresh
// docker-container builder (what a hosted runner has). Rounds alternate a and b; medians are printed,
// with the merge's own time for a small and a large image (the merge copies no layer: its time should
// not depend on the image's size). On this 2-CPU machine the two legs share the CPUs (on GitHub each leg
// has a runner of its own, and the arm64 leg runs natively): b's figure here is a lower bound of the win.
//
// Usage: node bench/split.mjs [--rounds N] [--large-mb N] [--entry FILE] [--keep] [--verbose]
//   --rounds N     measured rounds of a and b (default 1)
//   --large-mb N   size of the large image's extra layer, MiB (default 64)
//   --entry FILE   the action's bundle (default dist/index.js)
//   --keep         keep the scratch directory (workspaces, logs, runner files)
//   --verbose      print every job's log
// Exit codes: 0 done, 1 a run failed, 2 usage error or the engine / registry / BuildKit image missing.
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseFileCommands, startApiStub, median, round, actionDefaults, inputEnvName, registryGet, runProcess as run} from './lib.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const IMAGES = ['api', 'worker'];
const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const RUNNERS = {'linux/amd64': 'bench-amd64', 'linux/arm64': 'bench-arm64'};
const BUILDKIT_IMAGE = process.env.E2E_BUILDKIT_IMAGE || 'ci-local/buildkit:debian';
const INDEX_TYPES = 'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json';

function usage(error) {
  if (error) console.error(`split bench: ${error}`);
  console.error('usage: node bench/split.mjs [--rounds N] [--large-mb N] [--entry FILE] [--keep] [--verbose]');
  process.exit(2);
}
const opts = {rounds: 1, largeMb: 64, entry: path.join(repo, 'dist', 'index.js'), keep: false, verbose: false};
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
async function createBuilder(what) {
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
let api;
async function cleanup() {
  await Promise.all([...builders].map(removeBuilder));
  await api?.close();
  if (opts.keep) console.log(`kept: ${scratch}`);
  else fs.rmSync(scratch, {recursive: true, force: true});
}
async function fatal(code, message) {
  console.error(`split bench: ${message}`);
  await cleanup();
  process.exit(code);
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
    const fd = fs.openSync(path.join(ws, 'large.bin'), 'w');
    for (let i = 0; i < extraMb; i++) fs.writeSync(fd, randomBytes(1024 * 1024));
    fs.closeSync(fd);
  }
  for (const name of IMAGES) {
    fs.writeFileSync(
      path.join(ws, 'docker', `${name}.Dockerfile`),
      [
        'FROM scratch',
        'ARG TARGETARCH',
        'COPY busybox-${TARGETARCH} /bin/busybox',
        `RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin && i=0 && while [ $i -lt 200 ]; do echo ${name} $i $(uname -m) > /tmp/f; i=$((i+1)); done"]`,
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
  return {sha, eventPath};
}

/** One job: the action's main and post steps, as a runner runs them, in a directory of its own. */
async function job(label, inputs, c, ws) {
  const dir = fs.mkdtempSync(path.join(scratch, `${label}-`));
  const temp = path.join(dir, 'runner-temp');
  fs.mkdirSync(temp);
  const files = phase => Object.fromEntries(['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY', 'GITHUB_ENV', 'GITHUB_PATH'].map(k => [k, path.join(dir, `${phase}-${k.toLowerCase()}`)]));
  const env = baseEnv({
    CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: c.eventPath, GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch', GITHUB_SHA: c.sha, GITHUB_REPOSITORY: 'mpbench/app', GITHUB_REPOSITORY_OWNER: 'mpbench', GITHUB_ACTOR: 'mpbench-bot',
    GITHUB_RUN_ID: String(Date.now()), GITHUB_RUN_ATTEMPT: '1', GITHUB_JOB: label, GITHUB_SERVER_URL: 'https://github.com', GITHUB_API_URL: api.url,
    GITHUB_WORKSPACE: ws, RUNNER_TEMP: temp, RUNNER_OS: 'Linux', RUNNER_ARCH: 'X64'
  });
  for (const [k, v] of Object.entries({...defaults, 'registry-auth': registryAuth, 'github-token': 'bench-token', cache: 'none', ...inputs})) env[inputEnvName(k)] = v;
  const builder = inputs.mode === 'plan' ? undefined : await createBuilder(label);
  if (builder) env[inputEnvName('builder')] = builder;
  try {
    const mainFiles = files('main');
    for (const f of Object.values(mainFiles)) fs.writeFileSync(f, '');
    const main = await run(process.execPath, [entry], {env: {...env, ...mainFiles}, cwd: ws});
    const state = parseFileCommands(fs.readFileSync(mainFiles.GITHUB_STATE, 'utf8'));
    const postFiles = files('post');
    for (const f of Object.values(postFiles)) fs.writeFileSync(f, '');
    const post = await run(process.execPath, [entry], {env: {...env, ...postFiles, ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))}, cwd: ws});
    if (opts.verbose) console.log(`--- ${label} ---\n${main.log}--- post ---\n${post.log}`);
    if (main.code !== 0 || post.code !== 0) throw new Error(`${label} exited ${main.code}/${post.code}:\n${main.log}\n--- post\n${post.log}`);
    return {ms: main.ms + post.ms, outputs: parseFileCommands(fs.readFileSync(mainFiles.GITHUB_OUTPUT, 'utf8'))};
  } finally {
    if (builder) await removeBuilder(builder);
  }
}

const imagesInput = IMAGES.map(n => `name=${n},file=docker/${n}.Dockerfile`).join('\n');
const common = label => ({images: imagesInput, registry: `${REGISTRY}/${namespace}/${label}`, platforms: PLATFORMS.join(','), tags: 'type=ref,event=branch\ntype=sha'});

/** The index every image's sha tag points at must hold both platforms. */
async function check(label, c) {
  for (const name of IMAGES) {
    const res = await registryGet(REGISTRY, USER, PASSWORD, `/v2/${namespace}/${label}/${name}/manifests/sha-${c.sha.slice(0, 7)}`, INDEX_TYPES);
    if (res.status !== 200) throw new Error(`${label}: ${name}:sha-${c.sha.slice(0, 7)} is not in the registry (HTTP ${res.status})`);
    const got = JSON.parse(res.body).manifests.filter(m => m.platform?.os === 'linux').map(m => `linux/${m.platform.architecture}`);
    if (PLATFORMS.some(p => !got.includes(p))) throw new Error(`${label}: ${name} has ${got.join(', ')}, not ${PLATFORMS.join(', ')}`);
  }
}

async function publishJob(label, ws) {
  const c = commit();
  const r = await job(`${label}-publish`, {...common(label)}, c, ws);
  await check(label, c);
  return {total: r.ms};
}

async function splitJobs(label, ws) {
  const c = commit();
  const t0 = process.hrtime.bigint();
  const plan = await job(`${label}-plan`, {...common(label), mode: 'plan', runners: JSON.stringify(RUNNERS)}, c, ws);
  const legs = JSON.parse(plan.outputs.legs ?? '[]');
  if (legs.length !== 2) throw new Error(`${label}: the plan has ${legs.length} legs, not 2: ${plan.outputs.legs}`);
  const built = await Promise.all(legs.map((leg, i) => job(`${label}-leg${i + 1}`, {mode: 'build', plan: plan.outputs.plan, platforms: leg.platforms, 'registry-auth': registryAuth}, c, ws)));
  const merge = await job(`${label}-merge`, {mode: 'merge', plan: plan.outputs.plan}, c, ws);
  const total = Number(process.hrtime.bigint() - t0) / 1e6;
  await check(label, c);
  return {total, plan: plan.ms, legs: Math.max(...built.map(b => b.ms)), merge: merge.ms};
}

// 4. Rounds: a and b alternate, small images; then one split release of the large images for the merge.
const results = {a: [], b: []};
const largeMerges = [];
let failed = false;
const t0 = Date.now();
try {
  for (let r = 1; r <= opts.rounds; r++) {
    const order = r % 2 ? ['a', 'b'] : ['b', 'a'];
    for (const k of order) {
      const res = k === 'a' ? await publishJob(`a${r}`, workspaces.small) : await splitJobs(`b${r}`, workspaces.small);
      results[k].push(res);
      console.log(`  round ${r} ${k}: ${(res.total / 1000).toFixed(1)} s${k === 'b' ? ` (plan ${(res.plan / 1000).toFixed(1)}, legs ${(res.legs / 1000).toFixed(1)}, merge ${(res.merge / 1000).toFixed(1)})` : ''}`);
    }
  }
  for (let r = 1; r <= opts.rounds; r++) {
    const res = await splitJobs(`l${r}`, workspaces.large);
    largeMerges.push(res.merge);
    console.log(`  large ${r} (+${opts.largeMb} MiB layer): merge ${(res.merge / 1000).toFixed(1)} s`);
  }
} catch (err) {
  failed = true;
  console.error(`split bench: a run failed: ${err.message.split('\n').slice(0, 30).join('\n')}`);
}
const med = xs => (xs.length ? median(xs) / 1000 : NaN);
const a = med(results.a.map(x => x.total));
const b = med(results.b.map(x => x.total));
const mergeSmall = med(results.b.map(x => x.merge));
const mergeLarge = med(largeMerges);
console.log(`\nsplit release, 2 images x ${PLATFORMS.join(' + ')}, cold, ${opts.rounds} round(s), ${os.cpus().length} CPUs, ${Math.round((Date.now() - t0) / 1000)} s`);
console.log(`  a. one publish job                  ${a.toFixed(1)} s`);
console.log(`  b. plan + 2 legs in parallel + merge ${b.toFixed(1)} s   b/a ${round(b / a, 2)}x   (plan ${med(results.b.map(x => x.plan)).toFixed(1)} s, slower leg ${med(results.b.map(x => x.legs)).toFixed(1)} s)`);
console.log(`  merge's own time: small images ${mergeSmall.toFixed(1)} s, with a ${opts.largeMb} MiB layer ${mergeLarge.toFixed(1)} s (large/small ${round(mergeLarge / mergeSmall, 2)}x; target: a few seconds, independent of size)`);
await cleanup();
process.exit(failed ? 1 : 0);
