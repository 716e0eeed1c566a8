/**
 * The post step's work: log out of every registry main logged in to, remove the builder main created,
 * and delete the credentials directory and the secrets, even when main failed half-way.
 */
import {rmSync, existsSync} from 'node:fs';
import * as runner from '../action/runner.js';
import {STATE} from '../action/state.js';
import {logout} from './login.js';
import {removeBuilder} from './builder.js';

export async function cleanup(getState: (name: string) => string): Promise<void> {
  const dockerConfig = getState(STATE.dockerConfig);
  const buildxConfig = getState(STATE.buildxConfig);
  const builder = getState(STATE.builder);
  const secretsDir = getState(STATE.secretsDir);
  let logins: string[] = [];
  try {
    logins = JSON.parse(getState(STATE.logins) || '[]');
  } catch {
    logins = [];
  }
  if (!dockerConfig && !builder && !secretsDir) {
    runner.info('Nothing to clean up.');
    return;
  }
  const env: Record<string, string> = {...(dockerConfig ? {DOCKER_CONFIG: dockerConfig} : {}), ...(buildxConfig ? {BUILDX_CONFIG: buildxConfig} : {})};
  for (const registry of logins) {
    if (dockerConfig && existsSync(dockerConfig)) {
      await logout(env, registry);
      runner.info(`Logged out of ${registry}`);
    }
  }
  if (builder) {
    await removeBuilder(env, builder);
    runner.info(`Removed builder ${builder}`);
  }
  for (const dir of [secretsDir, dockerConfig]) {
    if (dir) {
      rmSync(dir, {recursive: true, force: true});
      runner.info(`Removed ${dir}`);
    }
  }
}
