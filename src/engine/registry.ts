/**
 * What the registry holds: read back with `docker buildx imagetools`, and tags moved in the final pass
 * with `imagetools create` (the same index, under more names: the digest does not change).
 */
import {CommandError} from './exec.js';
import type {BuildxApi} from './buildx.js';

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

/** The index (or single manifest) at `ref`, with its platforms and their compressed sizes. */
export async function inspectImage(buildx: BuildxApi, name: string, ref: string): Promise<RegistryImage> {
  const manifest = (await buildx.imagetoolsInspect(ref, '{{json .Manifest}}')) as Descriptor & {manifests?: Descriptor[]};
  const sizeOf = (m: {config?: {size: number}; layers?: {size: number}[]}) => (m.config?.size ?? 0) + (m.layers ?? []).reduce((a, l) => a + l.size, 0);
  const raw = async (r: string) => (await buildx.imagetoolsInspect(r, 'raw')) as {config?: {size: number}; layers?: {size: number}[]};
  if (!manifest.manifests) {
    const single = await raw(ref);
    return {name, digest: manifest.digest, mediaType: manifest.mediaType, platforms: [{platform: '', digest: manifest.digest, size: sizeOf(single)}]};
  }
  const platforms = await Promise.all(
    indexPlatforms(manifest).map(async m => ({platform: platformString(m.platform!), digest: m.digest, size: sizeOf(await raw(`${name}@${m.digest}`))}))
  );
  return {name, digest: manifest.digest, mediaType: manifest.mediaType, platforms};
}

/** The digest `ref` (a tag) resolves to in the registry. */
export async function resolveDigest(buildx: BuildxApi, ref: string): Promise<string> {
  const manifest = (await buildx.imagetoolsInspect(ref, '{{json .Manifest}}')) as Descriptor;
  return manifest.digest;
}

/** Points `tags` of `name` at the index `digest` (already in the registry under that name). */
export async function moveTags(buildx: BuildxApi, name: string, digest: string, tags: string[]): Promise<void> {
  if (!tags.length) return;
  try {
    await buildx.imagetoolsCreate(tags.map(t => `${name}:${t}`), `${name}@${digest}`);
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
