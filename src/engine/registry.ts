/**
 * What the registry holds: read back with `docker buildx imagetools`, and tags moved in the final pass
 * with `imagetools create` (the same index, under more names: the digest does not change).
 */
import {run, runWithRetry, CommandError} from './exec.js';

export interface PlatformImage {
  platform: string;
  digest: string;
  /** Compressed size: config + layers, bytes. */
  size: number;
}

export interface RegistryImage {
  name: string;
  digest: string;
  mediaType: string;
  platforms: PlatformImage[];
}

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: {os: string; architecture: string; variant?: string};
  annotations?: Record<string, string>;
}

/** Platforms of an index, attestation manifests aside. */
export function indexPlatforms(index: {manifests?: Descriptor[]}): Descriptor[] {
  return (index.manifests ?? []).filter(m => m.platform && m.platform.os !== 'unknown' && m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest');
}

export function platformString(p: {os: string; architecture: string; variant?: string}): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

async function inspectJson(ref: string, env: Record<string, string>, format: string): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const out = await runWithRetry('docker', ['buildx', 'imagetools', 'inspect', ref, ...(format === 'raw' ? ['--raw'] : ['--format', format])], {env});
  return JSON.parse(out.stdout);
}

/** The index (or single manifest) at `ref`, with its platforms and their compressed sizes. */
export async function inspectImage(name: string, ref: string, env: Record<string, string>): Promise<RegistryImage> {
  const manifest: Descriptor & {manifests?: Descriptor[]; config?: {size: number}; layers?: {size: number}[]} = await inspectJson(ref, env, '{{json .Manifest}}');
  const sizeOf = (m: {config?: {size: number}; layers?: {size: number}[]}) => (m.config?.size ?? 0) + (m.layers ?? []).reduce((a, l) => a + l.size, 0);
  if (!manifest.manifests) {
    const raw = await inspectJson(ref, env, 'raw');
    return {name, digest: manifest.digest, mediaType: manifest.mediaType, platforms: [{platform: '', digest: manifest.digest, size: sizeOf(raw)}]};
  }
  const platforms = await Promise.all(
    indexPlatforms(manifest).map(async m => ({platform: platformString(m.platform!), digest: m.digest, size: sizeOf(await inspectJson(`${name}@${m.digest}`, env, 'raw'))}))
  );
  return {name, digest: manifest.digest, mediaType: manifest.mediaType, platforms};
}

/** The digest `ref` (a tag) resolves to in the registry. */
export async function resolveDigest(ref: string, env: Record<string, string>): Promise<string> {
  const manifest: Descriptor = await inspectJson(ref, env, '{{json .Manifest}}');
  return manifest.digest;
}

/** The labels of each platform's image config (to check what was built). */
export async function imageConfigLabels(ref: string, env: Record<string, string>): Promise<Record<string, Record<string, string>>> {
  const img = await inspectJson(ref, env, '{{json .Image}}');
  const perPlatform: Record<string, {os: string; architecture: string; variant?: string; config?: {Labels?: Record<string, string>}}> = img.architecture ? {'': img} : img;
  return Object.fromEntries(Object.entries(perPlatform).map(([k, v]) => [k || platformString(v), v.config?.Labels ?? {}]));
}

/** Points `tags` of `name` at the index `digest` (already in the registry under that name). */
export async function moveTags(name: string, digest: string, tags: string[], env: Record<string, string>): Promise<void> {
  if (!tags.length) return;
  const args = ['buildx', 'imagetools', 'create', ...tags.flatMap(t => ['--tag', `${name}:${t}`]), `${name}@${digest}`];
  try {
    await runWithRetry('docker', args, {env});
  } catch (e) {
    if (e instanceof CommandError) throw new Error(`The registry refused to tag ${name}: ${registryMessage(e.result.stderr || e.result.stdout)}`);
    throw e;
  }
}

/** The registry's own words from a docker/buildx error, with a hint for GHCR's missing permission. */
export function registryMessage(output: string): string {
  const line = output.trim().split('\n').filter(l => /error|denied|unauthorized|forbidden|refused|failed/i.test(l)).pop() ?? output.trim().split('\n').pop() ?? '';
  const hint = /ghcr\.io/.test(output) && /denied|forbidden|\b403 Forbidden|status[: ]+403\b|permission_denied|write_package/i.test(output)
    ? ' — the workflow needs `permissions: packages: write` (and the package must grant this repository write access)'
    : '';
  return line.replace(/^ERROR:\s*/, '') + hint;
}

export async function digestExists(ref: string, env: Record<string, string>): Promise<boolean> {
  const out = await run('docker', ['buildx', 'imagetools', 'inspect', ref, '--format', '{{json .Manifest}}'], {env, allowFailure: true});
  return out.code === 0;
}
