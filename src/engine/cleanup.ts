/**
 * Undoing what main recorded, even when main failed half-way: the credentials (the job's docker config
 * copy and the secrets directory) are removed first, with no docker call before them, then the run's
 * work directory (bake file, metadata, OCI layouts), then the builder main created. The state is read from GITHUB_STATE, which anything printed to the log could once write
 * to, so no value is trusted: a directory is removed only when it is one main creates (right under
 * RUNNER_TEMP, with this action's prefix, no symlink on the way), a builder only when its name is one
 * main gives (`multiarch-publish-<run>-<pid>`). Every docker call is time-boxed, so a hung daemon cannot
 * hang the job. Each failure is a warning and the rest still runs: cleaning up never fails a job.
 */
import {lstatSync, realpathSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {isAbsolute, join, relative, resolve, sep} from 'node:path';
import * as runner from '../action/runner.js';
import {STATE, type StateKey} from '../action/state.js';
import {Buildx, type BuildxApi} from './buildx.js';
import {userDockerConfig} from './login.js';

export interface CleanupResult {
  /** Registries whose credentials went with the job's docker config. */
  loggedOut: string[];
  removedBuilder?: string;
  removedDirs: string[];
  /** State values refused as not made by main. */
  refused: string[];
  warnings: string[];
}

/** How long one docker call of the post step may take before it is stopped. */
export const POST_DOCKER_TIMEOUT_MS = 30_000;

/** The builder names main gives (steps/setup.ts, publish.ts builderName). */
export const OWN_BUILDER = /^multiarch-publish-\d{1,20}-\d{1,10}$/;

/** The directories main creates under RUNNER_TEMP: mkdtemp's six characters after the prefix. */
const OWN_DIR = /^multiarch-publish-(?:docker-|bake-)?[A-Za-z0-9]{6}$/;

/** A registry host as main logs in to it (never an option, never a path). */
const REGISTRY = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?$/;

/**
 * Whether `dir` is a directory main made: absolute and normal (no `..`), a real directory (not a symlink,
 * no symlink below RUNNER_TEMP on the way), `<RUNNER_TEMP>/multiarch-publish-XXXXXX` or its `secrets`.
 * Returns why not, or undefined when it is.
 */
export function refuseDirectory(dir: string, base: string, allowSecrets: boolean): string | undefined {
  if (!isAbsolute(dir) || resolve(dir) !== dir.replace(/\/+$/, '')) return 'not an absolute, normal path';
  let realBase: string;
  let real: string;
  try {
    realBase = realpathSync(base);
    if (lstatSync(dir).isSymbolicLink()) return 'a symbolic link';
    if (!lstatSync(dir).isDirectory()) return 'not a directory';
    real = realpathSync(dir);
  } catch {
    return 'not found';
  }
  const given = relative(resolve(base), dir);
  const rel = relative(realBase, real);
  if (given !== rel) return `not a path right under RUNNER_TEMP (${base})`;
  const parts = rel.split(sep);
  const ok = OWN_DIR.test(parts[0] ?? '') && (parts.length === 1 || (allowSecrets && parts.length === 2 && parts[1] === 'secrets' && !/^multiarch-publish-(?:docker|bake)-/.test(parts[0])));
  return ok ? undefined : `not a directory this action creates (<RUNNER_TEMP>/multiarch-publish-XXXXXX)`;
}

export async function cleanup(
  getState: (name: StateKey) => string,
  makeBuildx: (env: Record<string, string>) => BuildxApi = env => new Buildx({env, timeoutMs: POST_DOCKER_TIMEOUT_MS}),
  env: NodeJS.ProcessEnv = process.env
): Promise<CleanupResult> {
  const result: CleanupResult = {loggedOut: [], removedDirs: [], refused: [], warnings: []};
  const warn = (message: string) => {
    result.warnings.push(message);
    runner.warning(message);
  };
  const refuse = (what: string, value: string, why: string) => {
    result.refused.push(value);
    warn(`Not cleaning up ${what} ${JSON.stringify(value.slice(0, 200))} from the step's state: ${why}.`);
  };
  const base = env['RUNNER_TEMP'] || tmpdir();
  const dockerConfig = getState(STATE.dockerConfig);
  const builder = getState(STATE.builder);
  const secretsDir = getState(STATE.secretsDir);
  const workDir = getState(STATE.workDir);
  const bakeFilesDir = getState(STATE.bakeFilesDir);
  let logins: string[] = [];
  try {
    const parsed: unknown = JSON.parse(getState(STATE.logins) || '[]');
    logins = Array.isArray(parsed) ? parsed.map(String) : [];
  } catch (e) {
    warn(`The recorded logins could not be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!dockerConfig && !builder && !secretsDir && !workDir && !bakeFilesDir) {
    runner.info('Nothing to clean up.');
    return result;
  }
  // credentials first: the secrets and the job's docker config (its logins live in its config.json only)
  let configOk = false;
  for (const [what, dir, secrets] of [
    ['secrets directory', secretsDir, true],
    ['docker config', dockerConfig, false],
    ['work directory', workDir, false],
    ['bake files directory', bakeFilesDir, false]
  ] as const) {
    if (!dir) continue;
    const why = refuseDirectory(dir, base, secrets);
    if (why === 'not found') continue; // nothing left to remove
    if (why) {
      refuse(`the ${what}`, dir, why);
      continue;
    }
    try {
      rmSync(dir, {recursive: true, force: true});
      result.removedDirs.push(dir);
      if (what === 'docker config') configOk = true;
      runner.info(`Removed ${dir}`);
    } catch (e) {
      warn(`Removing ${dir} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  for (const registry of logins) {
    if (!REGISTRY.test(registry)) refuse('the login of', registry, 'not a registry host');
    else if (configOk) {
      result.loggedOut.push(registry);
      runner.info(`Logged out of ${registry} (its credentials were in the job's docker config only)`);
    }
  }
  if (builder) {
    if (!OWN_BUILDER.test(builder)) refuse('the builder', builder, 'not a builder name this action gives (multiarch-publish-<run>-<pid>)');
    else {
      const buildx = makeBuildx({BUILDX_CONFIG: buildxConfig(env)});
      try {
        await buildx.removeBuilder(builder);
        result.removedBuilder = builder;
        runner.info(`Removed builder ${builder}`);
      } catch (e) {
        warn(`Removing builder ${builder} failed (remove it with \`docker buildx rm ${builder}\`): ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  return result;
}

/** Where buildx keeps builders: as main computed it (login.ts), never a path from the state. */
function buildxConfig(env: NodeJS.ProcessEnv): string {
  return env['BUILDX_CONFIG'] || join(userDockerConfig(env), 'buildx');
}
