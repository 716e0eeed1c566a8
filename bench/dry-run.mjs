#!/usr/bin/env node
// Cold-start benchmark of the bundled action (dist/index.js) in dry-run mode on a realistic
// push-to-default-branch event, against a bare `node -e ''` start as the baseline.
// No dependencies. See bench/README.md.
//
// Usage: node bench/dry-run.mjs [--runs N] [--budget-ms MS] [--strict] [--warmup N] [--entry FILE] [--verbose]
//   --runs N        measured runs of each kind, alternating baseline/action (default 15)
//   --budget-ms MS  the budget of median(action) - median(baseline) (default 150, issue 7's figure)
//   --strict        exit 1 when over budget (default: say OVER BUDGET and exit 0; timing on a shared
//                   machine is a figure to read, not a test to fail)
//   --warmup N      unmeasured runs of each kind first (default 1)
//   --entry FILE    the script to measure (default dist/index.js)
//   --verbose       print the outputs of the first action run
// `npm run bench` runs this with node_modules/.bin/node (Node 24, the action's runtime); the same
// binary (process.execPath) runs both the baseline and the action.
// Exit codes: 0 done (within budget, or over it without --strict), 1 an action run failed or over budget
// with --strict, 2 usage / missing bundle.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseFileCommands, startApiStub, median, p90, round} from './lib.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(repo, '__tests__', 'fixtures', 'metadata-action', 'fixtures');

function parseArgs(argv) {
  const opts = {runs: 15, budgetMs: 150, strict: false, warmup: 1, entry: path.join(repo, 'dist', 'index.js'), verbose: false};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    const number = (min) => {
      const n = Number(value());
      if (!Number.isFinite(n) || n < min) usage(`${a} must be a number >= ${min}`);
      return n;
    };
    if (a === '--runs') opts.runs = Math.floor(number(1));
    else if (a === '--budget-ms') opts.budgetMs = number(0);
    else if (a === '--strict') opts.strict = true;
    else if (a === '--warmup') opts.warmup = Math.floor(number(0));
    else if (a === '--entry') opts.entry = path.resolve(value());
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  return opts;
}

function usage(error) {
  if (error) console.error(`dry-run bench: ${error}`);
  console.error('usage: node bench/dry-run.mjs [--runs N] [--budget-ms MS] [--strict] [--warmup N] [--entry FILE] [--verbose]');
  process.exit(2);
}

/** KEY=VALUE fixture; `#` lines ignored; a relative GITHUB_EVENT_PATH is taken from the fixture's folder. */
function parseEnvFile(file) {
  const env = {};
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  if (env.GITHUB_EVENT_PATH && !path.isAbsolute(env.GITHUB_EVENT_PATH)) {
    env.GITHUB_EVENT_PATH = path.resolve(path.dirname(file), env.GITHUB_EVENT_PATH);
  }
  return env;
}

/** Spawns `node args` asynchronously; resolves with the wall time in ms, exit code and log. */
function timedRun(args, env, cwd) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {env, cwd, stdio: ['ignore', 'pipe', 'pipe']});
    let log = '';
    child.stdout.on('data', d => (log += d));
    child.stderr.on('data', d => (log += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      resolve({ms, code, signal, log});
    });
  });
}

function dirSize(dir) {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) bytes += dirSize(p);
    else if (entry.isFile()) bytes += fs.statSync(p).size;
  }
  return bytes;
}

const opts = parseArgs(process.argv.slice(2));
if (!fs.existsSync(opts.entry)) {
  console.error(`dry-run bench: ${path.relative(process.cwd(), opts.entry) || opts.entry} is missing: run \`npm run build\` first`);
  process.exit(2);
}

const api = await startApiStub(fs.readFileSync(path.join(fixtures, 'repo.json')));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'multiarch-publish-bench-'));
// A checked-out workspace, as on a runner: the Dockerfiles the images name exist.
const workspace = path.join(scratch, 'workspace');
fs.mkdirSync(path.join(workspace, 'docker'), {recursive: true});
for (const name of ['backend', 'frontend']) {
  fs.writeFileSync(path.join(workspace, 'docker', `${name}.Dockerfile`), `FROM alpine:3.20\nRUN echo ${name}\n`);
}

const eventEnv = parseEnvFile(path.join(fixtures, 'event_push_master.env')); // push to master, the default branch
let runId = 0;
/** A fresh runner environment: own GITHUB_OUTPUT, GITHUB_STATE, ... and RUNNER_TEMP per run. */
function runnerEnv() {
  const dir = path.join(scratch, `run-${++runId}`);
  const temp = path.join(dir, 'temp');
  fs.mkdirSync(temp, {recursive: true});
  const files = {};
  for (const [name, file] of [['GITHUB_OUTPUT', 'output'], ['GITHUB_STATE', 'state'], ['GITHUB_STEP_SUMMARY', 'summary'], ['GITHUB_ENV', 'env'], ['GITHUB_PATH', 'path']]) {
    files[name] = path.join(dir, file);
    fs.writeFileSync(files[name], '');
  }
  const env = {
    ...(process.env.PATH !== undefined && {PATH: process.env.PATH}),
    ...(process.env.HOME !== undefined && {HOME: process.env.HOME}),
    ...eventEnv,
    GITHUB_API_URL: api.url,
    GITHUB_WORKSPACE: workspace,
    ...files,
    RUNNER_TEMP: temp,
    'INPUT_DRY-RUN': 'true',
    'INPUT_GITHUB-TOKEN': 'bench-token',
    INPUT_REGISTRY: 'ghcr.io',
    INPUT_PLATFORMS: 'linux/amd64,linux/arm64',
    INPUT_IMAGES: ['name=backend,file=docker/backend.Dockerfile', 'name=frontend,file=docker/frontend.Dockerfile'].join('\n'),
    INPUT_TAGS: [
      'type=ref,event=branch',
      'type=ref,event=pr',
      'type=semver,pattern={{version}}',
      'type=semver,pattern={{major}}.{{minor}}',
      'type=sha',
      'type=raw,value=latest,enable={{is_default_branch}}',
      "type=raw,value={{date 'YYYYMMDD'}}"
    ].join('\n')
  };
  return {env, dir};
}

async function runBaseline() {
  const {env, dir} = runnerEnv();
  const r = await timedRun(['-e', ''], env, workspace);
  fs.rmSync(dir, {recursive: true, force: true});
  if (r.code !== 0) throw new Error(`baseline node -e '' exited ${r.code}: ${r.log}`);
  return r.ms;
}

let firstOutputs;
async function runAction() {
  const {env, dir} = runnerEnv();
  const r = await timedRun([opts.entry], env, workspace);
  const outputs = parseFileCommands(fs.readFileSync(env.GITHUB_OUTPUT, 'utf8'));
  fs.rmSync(dir, {recursive: true, force: true});
  if (r.code !== 0) {
    throw new Error(`the action exited ${r.code ?? r.signal} (it must succeed in dry-run); log:\n${r.log}`);
  }
  firstOutputs ??= {outputs, log: r.log};
  return r.ms;
}

const baseline = [];
const action = [];
let failure;
try {
  for (let i = 0; i < opts.warmup; i++) {
    await runBaseline();
    await runAction();
  }
  for (let i = 0; i < opts.runs; i++) { // alternate, so drifts in machine load hit both alike
    baseline.push(await runBaseline());
    action.push(await runAction());
  }
} catch (err) {
  failure = err;
} finally {
  await api.close();
  fs.rmSync(scratch, {recursive: true, force: true});
}
if (failure) {
  console.error(`dry-run bench: ${failure.message}`);
  process.exit(1);
}

if (opts.verbose && firstOutputs) {
  console.log('outputs of the first action run:');
  for (const [k, v] of Object.entries(firstOutputs.outputs)) console.log(`  ${k}: ${v.replace(/\n/g, '\n    ')}`);
  console.log('');
}

const b = {median: median(baseline), p90: p90(baseline)};
const a = {median: median(action), p90: p90(action)};
const ownMs = a.median - b.median;
const ratio = a.median / b.median;
const distDir = path.dirname(opts.entry);
const entryKiB = fs.statSync(opts.entry).size / 1024;
const distKiB = dirSize(distDir) / 1024;
const withinBudget = ownMs <= opts.budgetMs;

const rows = [
  ['', 'median ms', 'p90 ms'],
  ["baseline (node -e '')", round(b.median).toFixed(1), round(b.p90).toFixed(1)],
  [`action (${path.relative(repo, opts.entry) || opts.entry})`, round(a.median).toFixed(1), round(a.p90).toFixed(1)]
];
const widths = rows[0].map((_, c) => Math.max(...rows.map(r => String(r[c]).length)));
const fmt = r => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
console.log(`dry-run cold start, node ${process.version} (${process.execPath}), ${opts.runs} runs each (+${opts.warmup} warm-up), ${os.cpus().length} CPUs`);
console.log(fmt(rows[0]));
for (const r of rows.slice(1)) console.log(fmt(r));
console.log(`action's own time: ${round(ownMs).toFixed(1)} ms (median action - median baseline), budget ${opts.budgetMs} ms: ${withinBudget ? 'OK' : 'OVER BUDGET'}`);
console.log(`ratio: ${round(ratio, 2).toFixed(2)}x (median action / median baseline)`);
console.log(`size: ${path.basename(opts.entry)} ${round(entryKiB).toFixed(1)} KiB, ${path.relative(repo, distDir) || distDir}/ ${round(distKiB).toFixed(1)} KiB in all`);
console.log(`API stub requests: ${api.requests()} over ${opts.runs + opts.warmup} action runs`);
console.log('BENCH ' + JSON.stringify({
  node: process.version,
  runs: opts.runs,
  warmup: opts.warmup,
  baselineMedianMs: round(b.median, 2),
  baselineP90Ms: round(b.p90, 2),
  actionMedianMs: round(a.median, 2),
  actionP90Ms: round(a.p90, 2),
  ownMs: round(ownMs, 2),
  ratio: round(ratio, 3),
  entryKiB: round(entryKiB, 1),
  distKiB: round(distKiB, 1),
  budgetMs: opts.budgetMs,
  ok: withinBudget
}));
if (!withinBudget) console.log(`warning: the action's own time is over the ${opts.budgetMs} ms budget${opts.strict ? '' : ' (a figure, not a failure; --strict makes it one)'}`);
process.exit(withinBudget || !opts.strict ? 0 : 1);
