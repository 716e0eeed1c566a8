/**
 * The BuildKit builder, as buildx describes it: pure parsing of `docker buildx version` and
 * `docker buildx inspect`, and the verdict whether a builder can do the job. Running those commands is
 * the seam's (buildx.ts).
 */
import coerce from 'semver/functions/coerce.js';
import gte from 'semver/functions/gte.js';
import {parsePlatform, formatPlatform} from '../lib/platform.js';

export const MIN_BUILDX = '0.12.0';

export interface BuilderNode {
  name: string;
  endpoint: string;
  /** `running`, `inactive`, `stopped`, `error`… as buildx says it. */
  status: string;
  platforms: string[];
}

export interface BuilderInfo {
  name: string;
  driver: string;
  nodes: BuilderNode[];
  /** What the builder can build: every platform of its running nodes, in their order. */
  platforms: string[];
}

/** `github.com/docker/buildx v0.19.3 abc` or `github.com/docker/buildx 0.19.3+ds1 ...` -> `0.19.3`. */
export function parseBuildxVersion(output: string): string | undefined {
  return /\bv?(\d+\.\d+\.\d+)/.exec(output)?.[1];
}

/** semver's comparison; a version without a patch (`0.12`) counts as `.0`. */
export function versionAtLeast(version: string, min: string): boolean {
  const v = coerce(version);
  return !!v && gte(v, min);
}

function field(block: string, name: string): string {
  return new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(block)?.[1].trim() ?? '';
}

function platformList(text: string): string[] {
  // buildx marks the platforms a node was configured with (`--platform`) with `*`
  return text
    .split(',')
    .map(p => p.trim().replace(/\*$/, ''))
    .filter(Boolean);
}

/**
 * Every node of `docker buildx inspect`: a builder made with `--append` (a native arm64 machine next to
 * an amd64 one) builds what its nodes build together. Nodes that are not running build nothing, though
 * buildx still lists their configured platforms.
 */
export function parseInspect(output: string): BuilderInfo {
  const text = output.replace(/\r\n/g, '\n');
  const at = /^Nodes:[ \t]*$/m.exec(text);
  const head = at ? text.slice(0, at.index) : text;
  const body = at ? text.slice(at.index + at[0].length) : '';
  const nodes = body
    .split(/^(?=Name:)/m)
    .filter(b => /^Name:/.test(b))
    .map(b => ({name: field(b, 'Name'), endpoint: field(b, 'Endpoint'), status: field(b, 'Status'), platforms: platformList(field(b, 'Platforms'))}));
  // old buildx without a Nodes: heading: the one node's fields are in the head
  if (!at && field(head, 'Platforms')) nodes.push({name: field(head, 'Name'), endpoint: field(head, 'Endpoint'), status: field(head, 'Status'), platforms: platformList(field(head, 'Platforms'))});
  const platforms = [...new Set(nodes.filter(n => !n.status || n.status === 'running').flatMap(n => n.platforms))];
  return {name: field(head, 'Name'), driver: field(head, 'Driver'), nodes, platforms};
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
export function missingPlatforms(builder: Pick<BuilderInfo, 'platforms'>, platforms: string[]): string[] {
  const have = new Set(builder.platforms.map(normalise));
  // a builder that lists linux/arm/v7 builds linux/arm (its default variant) too
  for (const p of [...have]) if (/\/arm\/v7$/.test(p)) have.add('linux/arm');
  return platforms.map(normalise).filter(p => !have.has(p));
}

/** `, nodes a (linux/amd64) + b (linux/arm64)` for a builder of several nodes, else nothing. */
function nodesNote(builder: BuilderInfo, platforms: string[]): string {
  if (builder.nodes.length < 2) return '';
  const wanted = new Set(platforms.map(normalise));
  const parts = builder.nodes
    .filter(n => n.status === 'running')
    .map(n => {
      const mine = n.platforms.map(normalise).filter(p => wanted.has(p));
      return `${n.name}${mine.length ? ` (${mine.join(', ')})` : ''}`;
    });
  return `, nodes ${parts.join(' + ')}`;
}

/** Pure: whether the current builder will do, and why (not). */
export function canReuse(builder: BuilderInfo, platforms: string[], containerdStore: boolean): {ok: boolean; reason: string} {
  const missing = missingPlatforms(builder, platforms);
  if (missing.length) {
    const down = builder.nodes.filter(n => n.status && n.status !== 'running').map(n => `${n.name} is ${n.status}`);
    return {ok: false, reason: `builder ${builder.name} (${builder.driver}) cannot build ${missing.join(', ')}${down.length ? ` (node ${down.join(', node ')})` : ''}`};
  }
  if (builder.driver === 'docker' && platforms.length > 1 && !containerdStore) {
    return {ok: false, reason: `builder ${builder.name} uses the docker driver without the containerd image store, which cannot push multi-platform images`};
  }
  return {ok: true, reason: `reusing builder ${builder.name} (${builder.driver} driver${builder.driver === 'docker' && containerdStore ? ', containerd image store' : ''}${nodesNote(builder, platforms)}): it builds ${platforms.join(', ')}`};
}

/** `docker info --format '{{json .DriverStatus}}'` of a daemon whose images live in containerd. */
export function isContainerdStore(driverStatus: string): boolean {
  return /io\.containerd\.snapshotter/.test(driverStatus);
}

export interface CreateOptions {
  name: string;
  image?: string;
  /** Use the host network (a registry on 127.0.0.1 is then reachable from the builder). */
  hostNetwork: boolean;
  /** buildkitd.toml for plain-HTTP registries, if any. */
  configFile?: string;
}

/** The argument array of `docker buildx create` for a builder of our own. */
export function createArgs(o: CreateOptions): string[] {
  const args = ['buildx', 'create', `--name=${o.name}`, '--driver', 'docker-container'];
  if (o.image) args.push('--driver-opt', `image=${o.image}`);
  if (o.hostNetwork) args.push('--driver-opt', 'network=host');
  if (o.configFile) args.push(`--config=${o.configFile}`); // --buildkitd-config in newer buildx; --config is accepted by all
  args.push('--bootstrap');
  return args;
}
