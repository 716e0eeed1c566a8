/**
 * The BuildKit builder: reuse the current one when it can build every requested platform and push
 * multi-platform images, else create a docker-container builder (removed by the post step).
 */
import {run} from './exec.js';
import {parsePlatform, formatPlatform} from '../lib/platform.js';

export const MIN_BUILDX = '0.12.0';

export interface BuilderInfo {
  name: string;
  driver: string;
  platforms: string[];
}

export interface BuilderChoice {
  name: string;
  driver: string;
  created: boolean;
  reason: string;
}

/** `github.com/docker/buildx v0.19.3 abc` or `github.com/docker/buildx 0.19.3+ds1 ...` -> `0.19.3`. */
export function parseBuildxVersion(output: string): string | undefined {
  return /\bv?(\d+\.\d+\.\d+)/.exec(output)?.[1];
}

export function versionAtLeast(version: string, min: string): boolean {
  const a = version.split('.').map(Number);
  const b = min.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

/** The builder's name, driver and platforms from `docker buildx inspect`. */
export function parseInspect(output: string): BuilderInfo {
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(output)?.[1].trim() ?? '';
  return {
    name: field('Name'),
    driver: field('Driver'),
    platforms: field('Platforms')
      .split(',')
      .map(p => p.trim().replace(/\*$/, ''))
      .filter(Boolean)
  };
}

function normalise(p: string): string {
  try {
    const platform = parsePlatform(p);
    // arm64 is v8 unless said otherwise: linux/arm64/v8 is what a builder lists as linux/arm64
    if (platform.arch === 'arm64' && platform.variant === 'v8') delete platform.variant;
    return formatPlatform(platform);
  } catch {
    return p;
  }
}

/** Platforms the builder cannot build. */
export function missingPlatforms(builder: BuilderInfo, platforms: string[]): string[] {
  const have = new Set(builder.platforms.map(normalise));
  // a builder that lists linux/arm/v7 builds linux/arm (its default variant) too
  for (const p of [...have]) if (/\/arm\/v7$/.test(p)) have.add('linux/arm');
  return platforms.map(normalise).filter(p => !have.has(p));
}

/** Pure: whether the current builder will do, and why (not). */
export function canReuse(builder: BuilderInfo, platforms: string[], containerdStore: boolean): {ok: boolean; reason: string} {
  const missing = missingPlatforms(builder, platforms);
  if (missing.length) return {ok: false, reason: `builder ${builder.name} (${builder.driver}) cannot build ${missing.join(', ')}`};
  if (builder.driver === 'docker' && platforms.length > 1 && !containerdStore) {
    return {ok: false, reason: `builder ${builder.name} uses the docker driver without the containerd image store, which cannot push multi-platform images`};
  }
  return {ok: true, reason: `reusing builder ${builder.name} (${builder.driver} driver${builder.driver === 'docker' && containerdStore ? ', containerd image store' : ''}): it builds ${platforms.join(', ')}`};
}

export async function buildxVersion(env: Record<string, string>): Promise<string> {
  const out = await run('docker', ['buildx', 'version'], {env, allowFailure: true});
  const v = out.code === 0 ? parseBuildxVersion(out.stdout) : undefined;
  if (!v) throw new Error(`docker buildx is not available (${(out.stderr || out.stdout).trim() || 'no output'}): install the buildx plugin (docker/setup-buildx-action does) or use a runner that has it`);
  if (!versionAtLeast(v, MIN_BUILDX)) throw new Error(`docker buildx ${v} is too old: multiarch-publish needs ${MIN_BUILDX} or newer (bake with annotations and attestations)`);
  return v;
}

export async function inspectBuilder(env: Record<string, string>, name?: string): Promise<BuilderInfo> {
  const out = await run('docker', ['buildx', 'inspect', '--bootstrap', ...(name ? [name] : [])], {env});
  return parseInspect(out.stdout);
}

export async function containerdImageStore(env: Record<string, string>): Promise<boolean> {
  const out = await run('docker', ['info', '--format', '{{json .DriverStatus}}'], {env, allowFailure: true});
  return /io\.containerd\.snapshotter/.test(out.stdout);
}

export interface CreateOptions {
  name: string;
  image?: string;
  /** Use the host network (a registry on 127.0.0.1 is then reachable from the builder). */
  hostNetwork: boolean;
  /** buildkitd.toml for plain-HTTP registries, if any. */
  configFile?: string;
}

export async function createBuilder(env: Record<string, string>, o: CreateOptions): Promise<BuilderInfo> {
  const args = ['buildx', 'create', '--name', o.name, '--driver', 'docker-container'];
  if (o.image) args.push('--driver-opt', `image=${o.image}`);
  if (o.hostNetwork) args.push('--driver-opt', 'network=host');
  if (o.configFile) args.push('--config', o.configFile); // --buildkitd-config in newer buildx; --config is accepted by all
  args.push('--bootstrap');
  await run('docker', args, {env, stream: true});
  return inspectBuilder(env, o.name);
}

export async function removeBuilder(env: Record<string, string>, name: string): Promise<void> {
  await run('docker', ['buildx', 'rm', '--force', name], {env, allowFailure: true});
}
