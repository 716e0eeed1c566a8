// End to end (dist/ on the real engine): the engine inputs that reach docker's argv (`builder`,
// `qemu-image`, `buildkit-image`) are input errors when they could become a flag or a driver option, and
// the step fails before ANY docker command. Every docker call of the run goes through a recording `docker`
// first on PATH (it logs its argv, then runs the real one); the control case (a well-formed builder name
// that does not exist) shows the recorder sees the calls, and that buildx takes the name after `--`.
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {runAction, runPost, startGitHubApiStub, type GitHubApiStub} from '../support/action.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER} from '../support/registry.js';
import {buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';

const NONCE = randomBytes(4).toString('hex');
const gate = await prerequisites('e2e engine-inputs', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD})]);
let stub: GitHubApiStub | undefined;
const temps: string[] = [];

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-engine-inputs-${name}-`));
  temps.push(dir);
  return dir;
}

/** A `docker` that appends its argv (one JSON line) to `log`, then runs the real docker. */
function recordingDocker(log: string): string {
  const real = (process.env.PATH ?? '').split(':').map(d => path.join(d, 'docker')).find(f => fs.existsSync(f));
  if (!real) throw new Error('no docker on PATH');
  const bin = tempDir('bin');
  const script = `#!/usr/bin/env node
const fs = require('node:fs');
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');
const r = require('node:child_process').spawnSync(${JSON.stringify(real)}, process.argv.slice(2), {stdio: 'inherit'});
process.exit(r.status ?? 1);
`;
  fs.writeFileSync(path.join(bin, 'docker'), script, {mode: 0o755});
  return bin;
}

beforeAll(async () => {
  if (!gate.ready) return;
  stub = await startGitHubApiStub();
}, 60_000);

afterAll(async () => {
  await stub?.close();
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
});

async function publish(inputs: Record<string, string>) {
  const workspace = tempDir('ws');
  fs.writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM scratch\n');
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', after: 'a'.repeat(40), repository: {default_branch: 'main', full_name: 'acme/app'}}));
  const calls = path.join(tempDir('calls'), 'docker-calls.jsonl');
  const node = path.dirname(process.execPath);
  const run = await runAction({
    cwd: workspace,
    timeoutMs: 120_000,
    env: {
      HOME: tempDir('home'),
      PATH: [recordingDocker(calls), node, process.env.PATH ?? ''].join(':'),
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_ACTOR: 'bot',
      GITHUB_WORKSPACE: workspace,
      GITHUB_API_URL: stub!.url
    },
    inputs: {
      registry: REGISTRY,
      images: `e2e-engine-inputs-${NONCE}/app`,
      platforms: 'linux/amd64',
      'setup-qemu': 'false',
      'registry-auth': `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`,
      ...inputs
    }
  });
  const ran: string[][] = fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').trim().split('\n').filter(Boolean).map(l => JSON.parse(l)) : [];
  return {run, ran};
}

const HOSTILE: [string, string][] = [
  ['builder', '--debug'],
  ['builder', '-D'],
  ['qemu-image', '-e'],
  ['qemu-image', '--privileged'],
  ['buildkit-image', 'x,network=host'],
  ['buildkit-image', 'moby/buildkit network=host']
];

for (const [input, value] of HOSTILE) gate.test(`${input}: ${JSON.stringify(value)} fails naming the input, before any docker command`, async () => {
  // setup-qemu true: the qemu-image would be run if it got that far
  const {run, ran} = await publish({[input]: value, ...(input === 'qemu-image' ? {'setup-qemu': 'true'} : {})});
  try {
    expect(run.code).not.toBe(0);
    const errors = run.log.split('\n').filter(l => l.startsWith('::error'));
    expect(errors.some(l => l.includes(`Input "${input}"`))).toBe(true);
    expect(ran).toEqual([]);
    expect(run.log).not.toContain('[command] docker');
    expect(run.state.dockerConfig).toBeUndefined();
    expect(run.state.logins).toBeUndefined();
  } finally {
    await runPost(run);
  }
}, 180_000);

gate.test('control: a well-formed builder that does not exist reaches buildx, after `--`, and fails there', async () => {
  const name = `mp-e2e-nobuilder-${NONCE}`;
  const {run, ran} = await publish({builder: name});
  try {
    expect(run.code).not.toBe(0);
    const inspect = ran.find(a => a[0] === 'buildx' && a[1] === 'inspect');
    expect(inspect).toBeDefined();
    expect(inspect!.slice(-2)).toEqual(['--', name]);
    expect(run.log).toMatch(new RegExp(`no builder "${name}" found`));
  } finally {
    await runPost(run);
  }
}, 180_000);
