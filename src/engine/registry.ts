/**
 * What the registry holds, read after the bake: one read of each name's index (its platforms and their
 * manifests' digests), and the platforms' manifests for their sizes. The reads go through the engine
 * seam (`readManifest`: the registry API in this process, `imagetools inspect --raw` as the fallback).
 */
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

interface ImageManifest {
  mediaType?: string;
  config?: {size: number};
  layers?: {size: number}[];
  manifests?: Descriptor[];
}

/** Compressed size of an image manifest: config + layers, bytes. */
export function manifestSize(m: ImageManifest): number {
  return (m.config?.size ?? 0) + (m.layers ?? []).reduce((a, l) => a + (typeof l.size === 'number' ? l.size : 0), 0);
}

/**
 * What the registry holds at `name@digest`, from ONE read of that manifest: an index lists its
 * platforms and their manifests' digests (sizes are 0 here: `withSizes` reads them); a single image
 * manifest has its layers (so its size) but names no platform: it is the build's one `platform`.
 */
export async function readImage(buildx: BuildxApi, name: string, digest: string, platform = ''): Promise<RegistryImage> {
  const manifest = (await buildx.readManifest(name, digest)) as ImageManifest;
  const mediaType = manifest.mediaType ?? '';
  if (!Array.isArray(manifest.manifests)) return {name, digest, mediaType, platforms: [{platform, digest, size: manifestSize(manifest)}]};
  return {name, digest, mediaType, platforms: indexPlatforms(manifest).map(m => ({platform: platformString(m.platform!), digest: m.digest, size: 0}))};
}

/**
 * The compressed size of every platform of an index: each platform's manifest read (in parallel). A
 * size that cannot be read stays 0 (shown as unknown), with a warning: the images are published.
 */
export async function withSizes(buildx: BuildxApi, image: RegistryImage, warn: (message: string) => void): Promise<RegistryImage> {
  if (image.platforms.every(p => p.size > 0)) return image;
  const platforms = await Promise.all(
    image.platforms.map(async p => {
      if (p.size > 0) return p;
      try {
        return {...p, size: manifestSize((await buildx.readManifest(image.name, p.digest)) as ImageManifest)};
      } catch (e) {
        warn(`The size of ${image.name}@${p.digest} (${p.platform}) could not be read: ${(e as Error).message}`);
        return p;
      }
    })
  );
  return {...image, platforms};
}

/** The registry's own words from a docker/buildx error, with a hint for GHCR's missing permission. */
export function registryMessage(output: string): string {
  const line = output.trim().split('\n').filter(l => /error|denied|unauthorized|forbidden|refused|failed/i.test(l)).pop() ?? output.trim().split('\n').pop() ?? '';
  const hint = /ghcr\.io/.test(output) && /denied|forbidden|\b403 Forbidden|status[: ]+403\b|permission_denied|write_package/i.test(output)
    ? ' — the workflow needs `permissions: packages: write` (and the package must grant this repository write access)'
    : '';
  return line.replace(/^ERROR:\s*/, '') + hint;
}
