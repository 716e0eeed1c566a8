/**
 * The registry session of the modes that build nothing (merge, promote): the job's own docker config
 * (a copy of the user's, removed by the post step), the seam over it, and the logins for the names the
 * run touches. Secrets are masked before anything runs.
 */
import * as runner from '../action/runner.js';
import type {Prepared} from '../pipeline/prepare.js';
import {remember} from '../action/state.js';
import {Buildx, type BuildxApi} from './buildx.js';
import {planLogins, createDockerConfig, jobDockerEnvironment, login} from './login.js';

export interface RegistrySession {
  buildx: BuildxApi;
  /** The summary's words for the logins. */
  loginNote: string;
}

/** Logs in to the registries of `names` (from registry-auth, or GITHUB_TOKEN for GHCR) in a docker config of the job's own. */
export async function registrySession(p: Pick<Prepared, 'credentials' | 'ctx' | 'inputs'>, names: string[], env: NodeJS.ProcessEnv, engine?: BuildxApi): Promise<RegistrySession> {
  for (const c of p.credentials) runner.setSecret(c.password);
  if (p.inputs.githubToken) runner.setSecret(p.inputs.githubToken);
  const logins = planLogins(names, p.credentials, p.ctx.actor, p.inputs.githubToken, p.ctx.serverUrl);
  let buildx = engine;
  if (!buildx) {
    const dockerConfig = createDockerConfig(env['RUNNER_TEMP']);
    remember('dockerConfig', dockerConfig);
    const dockerEnv = jobDockerEnvironment(env, dockerConfig, logins.filter(l => l.source !== 'none').map(l => l.registry));
    remember('buildxConfig', dockerEnv['BUILDX_CONFIG']);
    buildx = new Buildx({env: dockerEnv});
  }
  const loggedIn: string[] = [];
  for (const l of logins) {
    if (l.source === 'none') continue;
    await login(buildx, l);
    loggedIn.push(l.registry);
  }
  return {buildx, loginNote: loggedIn.length ? `logged in to ${loggedIn.join(', ')}` : 'no login: no credentials for these registries (the docker config of the job)'};
}
