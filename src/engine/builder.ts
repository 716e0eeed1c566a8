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
  /** The platforms the node was created with (`--platform`, marked `*` by buildx): buildx sends these to it first. */
  declared: string[];
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

/** A node's `Platforms:` line: every platform, and the ones buildx marks with `*` (configured with `--platform`). */
function platformList(text: string): {platforms: string[]; declared: string[]} {
  const all = text
    .split(',')
    .map(p => p.trim())
    .filter(p => p && p !== '*');
  return {platforms: all.map(p => p.replace(/\*$/, '')), declared: all.filter(p => p.endsWith('*')).map(p => p.slice(0, -1))};
}

function node(block: string): BuilderNode {
  return {name: field(block, 'Name'), endpoint: field(block, 'Endpoint'), status: field(block, 'Status'), ...platformList(field(block, 'Platforms'))};
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
    .map(node);
  // old buildx without a Nodes: heading: the one node's fields are in the head
  if (!at && field(head, 'Platforms')) nodes.push(node(head));
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

/** Where buildx sends one platform of a build, as `routePlatforms` models it. */
export interface PlatformRoute {
  platform: string;
  /** The node that builds it. */
  node: BuilderNode;
  /** How the node was chosen: it declares the platform (`*`), lists it (native, or an emulator on its host), or neither (buildx's fallback: the first node). */
  by: 'declared' | 'listed' | 'first node';
}

/** A node listing `have` also builds `want` without emulation of its own: amd64 runs 386, arm64 runs 32-bit arm, arm/v7 runs v6 and v5. */
function compatible(have: string, want: string): boolean {
  const [ho, ha, hv] = have.split('/');
  const [wo, wa, wv] = want.split('/');
  if (ho !== wo) return false;
  if (ha === 'amd64' && wa === '386') return true;
  if (ha === 'arm64' && wa === 'arm') return true;
  if (ha === 'arm' && wa === 'arm') return !wv || (!!hv && Number(wv.slice(1)) <= Number(hv.slice(1)));
  return false;
}

/**
 * Which node of the builder builds which platform, the way buildx (build/driver.go) chooses: when every
 * platform is declared by some node (created with `--platform`, `*` in `buildx inspect`), each goes to
 * the first node declaring it; otherwise each goes to the first node listing it (exactly, else one that
 * runs it compatibly), and a platform no node lists to the first node.
 */
export function routePlatforms(builder: Pick<BuilderInfo, 'nodes'>, platforms: string[]): PlatformRoute[] {
  const nodes = builder.nodes;
  if (!nodes.length) return [];
  const wanted = [...new Set(platforms.map(normalise))];
  const find = (p: string, list: (n: BuilderNode) => string[], match: (have: string, want: string) => boolean) => nodes.find(n => list(n).map(normalise).some(h => match(h, p)));
  const same = (h: string, w: string) => h === w;
  const strict = wanted.map(p => find(p, n => n.declared, same));
  if (strict.every(Boolean)) return wanted.map((p, i) => ({platform: p, node: strict[i]!, by: 'declared'}));
  return wanted.map(p => {
    const n = find(p, x => x.platforms, same) ?? find(p, x => x.platforms, compatible);
    return n ? {platform: p, node: n, by: n.declared.map(normalise).includes(p) ? 'declared' : 'listed'} : {platform: p, node: nodes[0], by: 'first node'};
  });
}

/** `linux/amd64 on node a, linux/arm64 on node b (declared)`: one line of the log and the summary. */
export function describeRoutes(routes: PlatformRoute[]): string {
  return routes.map(r => `${r.platform} on node ${r.node.name}${r.by === 'declared' ? ' (declared)' : r.by === 'first node' ? ' (no node lists it)' : ''}`).join(', ');
}

/** `, nodes a (linux/amd64) + b (linux/arm64)` for a builder of several nodes, else nothing. */
function nodesNote(builder: BuilderInfo, platforms: string[]): string {
  if (builder.nodes.length < 2) return '';
  const routes = routePlatforms(builder, platforms);
  const parts = builder.nodes
    .filter(n => n.status === 'running')
    .map(n => {
      const mine = routes.filter(r => r.node === n).map(r => r.platform);
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
