/**
 * The terminal: the action's pipeline for a local git checkout (context from git, like metadata-action's
 * `context: git`). `plan` prints what would be published, `build` loads the images into the local image
 * store, `publish` pushes them with the user's own docker logins. Every action input is also a flag of
 * the same name; flags become INPUT_* values, so getInputs parses them exactly as on a runner.
 */
import {resolve} from 'node:path';
import {gitContext} from '../pipeline/context/index.js';
import {prepare, type Prepared} from '../pipeline/prepare.js';
import {formatPlan, metadataOutputs, planJson} from '../report/index.js';
import {InputErrors, InputError} from '../pipeline/inputs/errors.js';
import {PolicyRefusal} from '../pipeline/errors.js';
import {checkModeSupport} from '../pipeline/inputs/modes.js';
import {INPUT_NAMES, type InputName} from '../pipeline/inputs/names.js';
import {formatPlatform, hostPlatform} from '../lib/platform.js';
import {withoutPush, type Plan} from '../pipeline/plan.js';
import {registryDomain} from '../lib/reference.js';
import * as runner from './runner.js';

export type Command = 'plan' | 'build' | 'publish';
const COMMANDS: readonly Command[] = ['plan', 'build', 'publish'];

const ABOUT: Record<Command, string> = {
  plan: 'print the plan for the checkout: images, tags, labels, annotations, build args, policy verdict (nothing is built)',
  build: 'build the images and load them into the local image store under the plan\'s tags (host platform only unless --platforms; never pushes)',
  publish: 'build and push with atomic tags, using your docker logins (refuses a dirty tree unless --allow-dirty)'
};

/** Flags of the CLI itself, per command (inputs are flags of every command). */
const OWN_FLAGS: {flag: string; commands: readonly Command[]; help: string}[] = [
  {flag: '--dir PATH', commands: COMMANDS, help: 'the git checkout (default: the current folder)'},
  {flag: '--json', commands: ['plan'], help: 'print the plan as JSON'},
  {flag: '--allow-dirty', commands: ['publish'], help: 'publish although tracked files have uncommitted changes'},
  {flag: '--help, -h', commands: COMMANDS, help: 'this help'}
];

function inputFlag(i: InputName): string {
  return `--${i.name}${i.kind === 'bool' ? '[=true|false]' : i.kind === 'lines' ? ' LINES' : ' VALUE'}`;
}

function columns(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(r => r[0].length)) + 2;
  return rows.map(([a, b]) => `  ${a.padEnd(width)}${b}`);
}

export function usage(command?: Command): string {
  const head = command ? [`usage: multiarch-publish ${command} [flags]   (or: node dist/index.js ${command} ...)`, `  ${ABOUT[command]}`] : ['usage: multiarch-publish <command> [flags]   (or: node dist/index.js <command> ...)', '', 'commands:', ...columns(COMMANDS.map(c => [c, ABOUT[c]]))];
  const own = OWN_FLAGS.filter(f => !command || f.commands.includes(command)).map(f => [f.flag, command || f.commands.length === COMMANDS.length ? f.help : `${f.help} (${f.commands.join(', ')})`] as [string, string]);
  return [
    ...head,
    '',
    'flags:',
    ...columns(own),
    '',
    'inputs (as in action.yml; a flag wins over its INPUT_<NAME> variable):',
    ...columns(INPUT_NAMES.map(i => [inputFlag(i), i.help])),
    '',
    'A flag takes its value as --name VALUE or --name=VALUE. A LINES input takes several lines either',
    'as one value with embedded newlines or by repeating the flag, one line each (errors count lines',
    'across all of them). Exit codes: 0 done (plan: allowed), 1 input error, policy refusal or failure,',
    '2 usage error.'
  ].join('\n');
}

export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: Command
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CliArgs {
  command: Command;
  /** --help: of the command, or (no command given) of them all. */
  help: boolean;
  general?: boolean;
  json: boolean;
  allowDirty: boolean;
  dir: string;
  /** Input name -> value, from flags (repeated flags of a multi-line input joined by newlines). */
  inputs: Record<string, string>;
}

const KINDS = new Map(INPUT_NAMES.map(i => [i.name, i.kind]));

/** Parses `<command> [flags]`; throws UsageError for anything it does not know. */
export function parseArgs(args: string[]): CliArgs {
  const [first, ...rest] = args;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    if (first === 'help' && rest[0] && (COMMANDS as readonly string[]).includes(rest[0])) return {...parseArgs([rest[0]]), help: true};
    return {command: 'plan', help: true, general: true, json: false, allowDirty: false, dir: '', inputs: {}};
  }
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError(first.startsWith('-') ? `a command comes first (${COMMANDS.join(', ')}), not ${first}` : `unknown command ${first} (${COMMANDS.join(', ')})`);
  }
  const command = first as Command;
  const out: CliArgs = {command, help: false, json: false, allowDirty: false, dir: '', inputs: {}};
  const fail = (message: string): never => {
    throw new UsageError(message, command);
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--help' || arg === '-h') {
      out.help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') fail(`unexpected argument ${arg}`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    // a following flag is not a value: `--tags --json` forgot the tags (a value that starts with -- goes after =)
    const next = (): string | undefined => (rest[i + 1] !== undefined && !rest[i + 1].startsWith('--') ? rest[++i] : undefined);
    const own = OWN_FLAGS.find(f => f.flag.split(/[ ,]/)[0] === `--${name}`);
    if (own && name !== 'help') {
      if (!own.commands.includes(command)) fail(`--${name} is a flag of ${own.commands.join(', ')}, not of ${command}`);
      if (name === 'dir') {
        const dir = inline ?? next();
        if (!dir) fail('--dir needs a path');
        out.dir = dir!;
      } else {
        if (inline !== undefined) fail(`--${name} takes no value`);
        if (name === 'json') out.json = true;
        else out.allowDirty = true;
      }
      continue;
    }
    const kind = KINDS.get(name);
    if (!kind) fail(`unknown flag --${name}`);
    let value: string | undefined;
    if (kind === 'bool') value = inline ?? (/^(true|false)$/i.test(rest[i + 1] ?? '') ? rest[++i] : 'true');
    else value = inline ?? next();
    if (value === undefined) fail(`--${name} needs a value (--${name} VALUE or --${name}=VALUE)`);
    if (name in out.inputs) {
      if (kind !== 'lines') fail(`--${name} is given more than once (only multi-line inputs take a flag per line)`);
      out.inputs[name] += `\n${value}`;
    } else {
      out.inputs[name] = value!;
    }
  }
  return out;
}

/** The environment getInputs reads: INPUT_* variables, each overridden by its flag. */
export function inputEnvironment(inputs: Record<string, string>, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {...env, ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [runner.inputVariable(k), v]))};
}

/** An input error as the user wrote it: a flag is named as the flag, an INPUT_ variable as the input. */
export function inputErrorMessage(err: InputError, flags: ReadonlySet<string>): string {
  if (!flags.has(err.input)) return err.message;
  return `--${err.input}${err.line !== undefined ? `, line ${err.line}` : ''}: ${err.detail}${err.text !== undefined ? ` (in: ${err.text})` : ''}`;
}

/**
 * The owner or repository guessed from git (a folder's name, $USER, a remote) as an image path component:
 * the default image. Valid separators (`.`, `_`, `__`, `-`) are kept; anything else becomes `-`.
 */
export function imageComponent(name: string): string {
  const out = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep => (/^(?:\.|_|__|-+)$/.test(sep) ? sep : '-'))
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return out || 'app';
}

/** Tracked files with uncommitted changes (staged or not): a publish of them would be labelled with a commit that does not hold them. */
export async function dirtyFiles(dir: string): Promise<string[]> {
  const {run} = await import('../engine/exec.js');
  const out = await run('git', ['status', '--porcelain', '--untracked-files=no'], {cwd: dir, allowFailure: true});
  if (out.code !== 0) throw new Error(`git status failed in ${dir}: ${out.stderr.trim() || `exit code ${out.code}`}`);
  return out.stdout
    .split('\n')
    .map(l => l.slice(3).trim())
    .filter(Boolean);
}

/** `build` without --platforms: the host's own platform for every image, so nothing needs QEMU. */
export function hostOnly(plan: Plan, host = formatPlatform(hostPlatform())): Plan {
  return {...plan, builds: plan.builds.map(b => ({...b, platforms: [host]}))};
}

/**
 * The runner's log commands, made readable in a terminal: groups become headings, warnings and errors
 * go to stderr, and whatever is meant for the runner alone (masks, which carry the secret in the clear,
 * state, outputs, debug) is dropped.
 */
export function terminalLine(line: string): {text: string; stderr: boolean} | undefined {
  const m = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
  if (!m) return {text: line, stderr: false};
  const unescape = (s: string) => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
  switch (m[1]) {
    case 'group':
      return {text: `── ${unescape(m[2])}`, stderr: false};
    case 'warning':
    case 'error':
    case 'notice':
      return {text: `${m[1]}: ${unescape(m[2])}`, stderr: true};
    default:
      return undefined; // add-mask, save-state, set-output, set-env, debug, endgroup
  }
}

/** Installs the terminal's log; `errors` collects what was reported as an error, for hints afterwards. */
function terminalOutput(): {restore: () => void; errors: string[]} {
  const errors: string[] = [];
  const original = runner.output.write;
  const write = (fd: 1 | 2, text: string) => {
    if (fd === 2) process.stderr.write(text);
    else original(text);
  };
  let partial = '';
  runner.output.write = (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const t = terminalLine(line.replace(/\r$/, ''));
      if (t?.text.startsWith('error: ')) errors.push(t.text);
      if (t) write(t.stderr ? 2 : 1, `${t.text}\n`);
    }
  };
  const restore = () => {
    if (partial) runner.output.write('\n');
    runner.output.write = original;
  };
  return {restore, errors};
}

export async function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed: CliArgs;
  try {
    parsed = parseArgs(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`error: ${e.message}\nRun \`multiarch-publish ${e.command ? `${e.command} ` : ''}--help\` for the commands and flags.`);
    return 2;
  }
  if (parsed.help) {
    console.log(usage(parsed.general ? undefined : parsed.command));
    return 0;
  }
  const flags = new Set(Object.keys(parsed.inputs));
  const dir = resolve(parsed.dir || process.cwd());
  try {
    const ctx = gitContext(dir, env);
    const inputEnv = {...inputEnvironment(parsed.inputs, env), GITHUB_REPOSITORY: env['GITHUB_REPOSITORY'] || `${imageComponent(ctx.owner)}/${imageComponent(ctx.repo)}`};
    let p = await prepare(ctx, {env: inputEnv, useApi: false, workspace: dir});
    for (const w of p.warnings) console.error(`warning: ${w}`);
    // --mode plan: the plan document (the action's plan output) on stdout, whatever the command
    if (p.inputs.mode === 'plan') return await printPlanDocument(p);
    // the merge runs in a workflow's merge job (the action), after its build legs
    if (p.inputs.mode !== 'publish') throw new InputError('mode', `mode: ${p.inputs.mode} is not available from the command line in this version (the action runs it in a workflow job); nothing was logged in to, built or pushed`);
    for (const w of checkModeSupport(p.inputs, parsed.command !== 'plan' && !p.inputs.dryRun)) console.error(`warning: ${w}`);
    if (parsed.command === 'plan') return printPlan(p, dir, parsed.json);
    if (parsed.command === 'build') {
      const platformsGiven = flags.has('platforms') || !!env[runner.inputVariable('platforms')]?.trim();
      // `build` never pushes: the plan says so, and that is what gets printed
      p = {...p, plan: withoutPush(platformsGiven ? p.plan : hostOnly(p.plan), 'build loads the images into the local image store and never pushes')};
    }
    console.log(formatPlan(p.plan, `multiarch-publish ${parsed.command} for ${dir} (from git)`));
    console.log('');
    if (!p.plan.policy.allowed) throw new PolicyRefusal(p.plan.policy.violations.map(v => v.message));
    if (p.inputs.dryRun) {
      console.log('Dry run: nothing was set up, built or pushed.');
      return 0;
    }
    const terminal = terminalOutput();
    try {
      if (parsed.command === 'publish' && !parsed.allowDirty) {
        const dirty = await dirtyFiles(dir);
        if (dirty.length) {
          console.error(`error: ${dir} has uncommitted changes to tracked files (${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? `, and ${dirty.length - 5} more` : ''}): the images would carry commit ${p.ctx.shortSha} without holding it. Commit or stash them, or pass --allow-dirty.`);
          return 1;
        }
      }
      return await runEngine(p, parsed.command, dir, env);
    } catch (e) {
      // the terminal's own logins are the ones used: a refusal most often means there is none yet
      if (parsed.command === 'publish' && /\b401 Unauthorized|\bunauthorized|denied|authentication required/i.test([...terminal.errors, (e as Error).message].join('\n'))) {
        const registries = [...new Set(p.plan.builds.flatMap(b => b.images.map(i => registryDomain(i) ?? 'docker.io')))];
        console.error(`hint: publish pushes with your docker logins; log in first: ${registries.map(r => `docker login${r === 'docker.io' ? '' : ` ${r}`}`).join('; ')}`);
      }
      throw e;
    } finally {
      terminal.restore();
    }
  } catch (e) {
    if (e instanceof InputErrors || e instanceof InputError) {
      for (const err of e instanceof InputErrors ? e.errors : [e]) console.error(`error: ${inputErrorMessage(err, flags)}`);
      return 1;
    }
    if (e instanceof PolicyRefusal) {
      for (const v of e.violations) console.error(`error: tag policy: ${v}`);
      console.error(`error: ${e.message}`);
      return 1;
    }
    console.error(`error: ${runner.redact((e as Error).message)}`);
    return 1;
  }
}

async function printPlanDocument(p: Prepared): Promise<number> {
  if (!p.plan.policy.allowed) throw new PolicyRefusal(p.plan.policy.violations.map(v => v.message));
  const {planDocumentOf, planDocumentText} = await import('../pipeline/plan-document.js');
  console.log(planDocumentText(planDocumentOf(p.plan, p.ctx)));
  return 0;
}

function printPlan(p: Prepared, dir: string, json: boolean): number {
  if (json) {
    const outputs = metadataOutputs(p.inputs, p.metadata, p.plan);
    console.log(JSON.stringify({context: {ref: p.ctx.ref, sha: p.ctx.sha, owner: p.ctx.owner, repo: p.ctx.repo}, version: outputs.version, policy: p.plan.policy, plan: planJson(p.plan)}, null, 2));
  } else {
    console.log(formatPlan(p.plan, `multiarch-publish plan for ${dir} (from git; dry run, nothing is built or pushed)`));
  }
  return p.plan.policy.allowed ? 0 : 1;
}

async function runEngine(p: Prepared, command: 'build' | 'publish', dir: string, env: NodeJS.ProcessEnv): Promise<number> {
  // the checkout is the workspace: bake resolves contexts and Dockerfiles from it, as on a runner
  process.env['GITHUB_WORKSPACE'] = dir;
  // report: false, the user's config: nothing is left for a runner (outputs, state, summary), which a terminal lacks
  const {publish} = await import('../engine/publish.js');
  await publish(p, env, {load: command === 'build', dockerConfig: 'user', report: false});
  if (command === 'build') {
    const tags = p.plan.builds.flatMap(b => b.tags);
    console.log(`\nLoaded into the local image store: ${tags.join(', ')}${tags[0] ? `\nRun it: docker run --rm ${tags[0]}` : ''}`);
  } else if (p.plan.push) {
    console.log(`\nPublished: ${p.plan.builds.flatMap(b => b.tags).join(', ')}`);
  } else {
    console.log(`\nBuilt, not pushed: ${p.plan.pushReason}`);
  }
  return 0;
}
