/**
 * Registry logins, in a DOCKER_CONFIG directory of the job's own (never the user's ~/.docker): passwords
 * go through stdin, are masked first, and the post step logs out and removes the directory.
 */
import {mkdtempSync, mkdirSync, existsSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {homedir, tmpdir} from 'node:os';
import * as runner from '../action/runner.js';
import {registryDomain} from '../lib/reference.js';
import {CommandError} from './exec.js';
import type {BuildxApi} from './buildx.js';
import type {RegistryCredential} from '../pipeline/inputs/index.js';

const DOCKER_HUB = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'];

/** The registry of an image name (`ghcr.io/o/app` -> ghcr.io, `org/app` -> docker.io). */
export function registryOf(image: string): string {
  return registryDomain(image) ?? 'docker.io';
}

function sameRegistry(a: string, b: string): boolean {
  const n = (r: string) => {
    const host = r.toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    return DOCKER_HUB.includes(host) ? 'docker.io' : host;
  };
  return n(a) === n(b);
}

export interface LoginPlan {
  registry: string;
  credential?: RegistryCredential;
  source: 'registry-auth' | 'github-token' | 'none';
}

/** Pure: which registries need a login for these pushed images, with which credentials. */
export function planLogins(images: string[], credentials: RegistryCredential[], actor: string, githubToken: string): LoginPlan[] {
  const registries = [...new Set(images.map(registryOf))];
  return registries.map(registry => {
    const credential = credentials.find(c => sameRegistry(c.registry, registry));
    if (credential) return {registry, credential, source: 'registry-auth'};
    if (registry === 'ghcr.io' && githubToken) return {registry, credential: {registry, username: actor || 'github-actions', password: githubToken}, source: 'github-token'};
    return {registry, source: 'none'};
  });
}

/** A fresh DOCKER_CONFIG directory under RUNNER_TEMP (the job's own temporary directory). */
export function createDockerConfig(runnerTemp: string | undefined): string {
  const base = runnerTemp || tmpdir();
  mkdirSync(base, {recursive: true});
  return mkdtempSync(join(base, 'multiarch-publish-docker-'));
}

export async function login(buildx: BuildxApi, plan: LoginPlan): Promise<void> {
  const c = plan.credential!;
  runner.setSecret(c.password);
  try {
    await buildx.login(plan.registry, c.username, c.password);
  } catch (e) {
    if (e instanceof CommandError) {
      const msg = runner.redact((e.result.stderr || e.result.stdout).trim());
      throw new Error(`Login to ${plan.registry} as ${c.username} failed${plan.source === 'github-token' ? ' (with github-token; the workflow needs `permissions: packages: write`)' : ''}: ${msg}`);
    }
    throw e;
  }
  runner.info(`Logged in to ${plan.registry} as ${c.username} (${plan.source})`);
}

/** Docker's own config directory for this user (where builders and CLI plugins live). */
export function userDockerConfig(env: NodeJS.ProcessEnv): string {
  return env['DOCKER_CONFIG'] || join(env['HOME'] || homedir(), '.docker');
}

/**
 * The job's own DOCKER_CONFIG: credentials never touch ~/.docker. Builders stay where buildx keeps them
 * (BUILDX_CONFIG), CLI plugins and contexts are linked, so the user's setup is still what runs.
 */
export function jobDockerEnvironment(env: NodeJS.ProcessEnv, dir: string): Record<string, string> {
  const user = userDockerConfig(env);
  for (const sub of ['cli-plugins', 'contexts']) {
    if (existsSync(join(user, sub))) symlinkSync(join(user, sub), join(dir, sub));
  }
  let currentContext: string | undefined;
  try {
    currentContext = JSON.parse(readFileSync(join(user, 'config.json'), 'utf8')).currentContext;
  } catch {
    currentContext = undefined;
  }
  writeFileSync(join(dir, 'config.json'), JSON.stringify(currentContext ? {currentContext} : {}), {mode: 0o600});
  return {DOCKER_CONFIG: dir, BUILDX_CONFIG: env['BUILDX_CONFIG'] || join(user, 'buildx')};
}
