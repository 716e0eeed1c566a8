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
  /** Why there is no login (source none), when there is more to say than "no credentials". */
  note?: string;
}

/**
 * The container registry of the GitHub server the run is on, the one registry `github-token` is for:
 * ghcr.io for github.com, `containers.<host>` for GitHub Enterprise Server and GHE.com. A GHES token
 * sent to ghcr.io would hand an enterprise's credential to another service.
 */
export function githubRegistry(serverUrl: string): string {
  let host: string;
  try {
    host = new URL(serverUrl || 'https://github.com').hostname.toLowerCase();
  } catch {
    host = '';
  }
  return host === 'github.com' || host === 'www.github.com' ? 'ghcr.io' : host ? `containers.${host}` : '';
}

/** Pure: which registries need a login for these pushed images, with which credentials. */
export function planLogins(images: string[], credentials: RegistryCredential[], actor: string, githubToken: string, serverUrl: string): LoginPlan[] {
  const registries = [...new Set(images.map(registryOf))];
  const own = githubRegistry(serverUrl);
  return registries.map(registry => {
    const credential = credentials.find(c => sameRegistry(c.registry, registry));
    if (credential) return {registry, credential, source: 'registry-auth'};
    if (githubToken && own && sameRegistry(registry, own)) return {registry, credential: {registry, username: actor || 'github-actions', password: githubToken}, source: 'github-token'};
    if (githubToken && registry.toLowerCase() === 'ghcr.io') {
      return {registry, source: 'none', note: `github-token is a token of ${own.replace(/^containers\./, '') || 'another GitHub server'}, not of github.com, so it is not sent to ghcr.io: give ghcr.io credentials in registry-auth`};
    }
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

/** The keys docker looks a Docker Hub login up by. */
const HUB_KEYS = ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io'];

/**
 * The job's own DOCKER_CONFIG: a copy of the user's config.json (their logins from earlier steps,
 * credential helpers such as ECR's, `proxies`, `cliPluginsExtraDirs`, `currentContext`, ... all kept), to
 * which the action adds its own logins; the user's file is only read. Each registry the action logs in
 * to gets `credHelpers[registry] = ""` in the copy, so that docker stores that login in the copy's file
 * and never in the user's credential store (a `credsStore` or a helper of that registry): removing the
 * copy (the post step) is then the logout. Builders stay where buildx keeps them (BUILDX_CONFIG), CLI
 * plugins and contexts are linked, so the user's setup is still what runs.
 */
export function jobDockerEnvironment(env: NodeJS.ProcessEnv, dir: string, loginRegistries: string[] = []): Record<string, string> {
  const user = userDockerConfig(env);
  for (const sub of ['cli-plugins', 'contexts']) {
    if (existsSync(join(user, sub))) symlinkSync(join(user, sub), join(dir, sub));
  }
  const file = join(user, 'config.json');
  let config: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) config = parsed as Record<string, unknown>;
      else runner.warning(`${file} is not a JSON object: the job's docker config starts empty.`);
    } catch (e) {
      runner.warning(`${file} cannot be read as JSON (${e instanceof Error ? e.name : 'error'}): the job's docker config starts empty.`);
    }
  }
  const helpers = config['credHelpers'] && typeof config['credHelpers'] === 'object' ? {...(config['credHelpers'] as Record<string, string>)} : {};
  for (const r of loginRegistries) for (const key of sameRegistry(r, 'docker.io') ? HUB_KEYS : [r]) helpers[key] = '';
  if (Object.keys(helpers).length) config = {...config, credHelpers: helpers};
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2), {mode: 0o600});
  return {DOCKER_CONFIG: dir, BUILDX_CONFIG: env['BUILDX_CONFIG'] || join(user, 'buildx')};
}
