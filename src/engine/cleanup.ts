/**
 * Undoing what main recorded: log out of every registry it logged in to, remove the builder it created,
 * and delete the credentials directory and the secrets, even when main failed half-way. Each failure is
 * a warning and the rest still runs: cleaning up never fails a job whose work succeeded.
 */
import {rmSync, existsSync} from 'node:fs';
import * as runner from '../action/runner.js';
import {STATE, type StateKey} from '../action/state.js';
import {Buildx, type BuildxApi} from './buildx.js';

export interface CleanupResult {
  loggedOut: string[];
  removedBuilder?: string;
  removedDirs: string[];
  warnings: string[];
}

export async function cleanup(getState: (name: StateKey) => string, makeBuildx: (env: Record<string, string>) => BuildxApi = env => new Buildx({env})): Promise<CleanupResult> {
  const result: CleanupResult = {loggedOut: [], removedDirs: [], warnings: []};
  const warn = (what: string, e: unknown) => {
    const message = `${what}: ${e instanceof Error ? e.message : String(e)}`;
    result.warnings.push(message);
    runner.warning(message);
  };
  const dockerConfig = getState(STATE.dockerConfig);
  const buildxConfig = getState(STATE.buildxConfig);
  const builder = getState(STATE.builder);
  const secretsDir = getState(STATE.secretsDir);
  let logins: string[] = [];
  try {
    const parsed: unknown = JSON.parse(getState(STATE.logins) || '[]');
    logins = Array.isArray(parsed) ? parsed.map(String) : [];
  } catch (e) {
    warn('The recorded logins could not be read', e);
  }
  if (!dockerConfig && !builder && !secretsDir) {
    runner.info('Nothing to clean up.');
    return result;
  }
  const buildx = makeBuildx({...(dockerConfig ? {DOCKER_CONFIG: dockerConfig} : {}), ...(buildxConfig ? {BUILDX_CONFIG: buildxConfig} : {})});
  // a missing config directory holds no credentials to log out of
  if (dockerConfig && existsSync(dockerConfig)) {
    for (const registry of logins) {
      try {
        await buildx.logout(registry);
        result.loggedOut.push(registry);
        runner.info(`Logged out of ${registry}`);
      } catch (e) {
        warn(`Logging out of ${registry} failed`, e);
      }
    }
  }
  if (builder) {
    try {
      await buildx.removeBuilder(builder);
      result.removedBuilder = builder;
      runner.info(`Removed builder ${builder}`);
    } catch (e) {
      warn(`Removing builder ${builder} failed (remove it with \`docker buildx rm ${builder}\`)`, e);
    }
  }
  for (const dir of [secretsDir, dockerConfig]) {
    if (!dir) continue;
    try {
      rmSync(dir, {recursive: true, force: true});
      result.removedDirs.push(dir);
      runner.info(`Removed ${dir}`);
    } catch (e) {
      warn(`Removing ${dir} failed`, e);
    }
  }
  return result;
}
