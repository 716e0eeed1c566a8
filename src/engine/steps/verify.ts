/**
 * Verify: every build's index is in the registry under each of its names, with every planned platform,
 * before any tag moves. The digest is bake's (`containerimage.digest` of its metadata file); the registry
 * is read ONCE per name: the index by that digest (its bytes hash to it), which lists the platforms and
 * their manifests' digests.
 *
 * Sizes (config + layers of each platform's manifest) are not in the index nor in bake's metadata
 * (buildx 0.13 writes the index's descriptor only), so `sizes` reads the platforms' manifests, in
 * parallel, once per build (every name holds the same manifests: same digests): publish starts it right
 * after verify and awaits it only for the outputs and the summary, so it runs beside the guard and the
 * tag pass.
 */
import * as runner from '../../action/runner.js';
import type {BuildPlan} from '../../pipeline/plan.js';
import type {BuildxApi} from '../buildx.js';
import {readImage, withSizes, type RegistryImage} from '../registry.js';

/** The descriptor bake's metadata gives for a pushed image (`containerimage.descriptor`). */
export interface MetadataDescriptor {
  mediaType?: string;
  digest?: string;
  size?: number;
}

export interface VerifyInput {
  buildx: BuildxApi;
  /** Each build with the index digest buildx reported for it (and its descriptor, when it wrote one). */
  builds: {build: BuildPlan; digest: string; descriptor?: MetadataDescriptor}[];
}

export interface VerifiedBuild {
  build: BuildPlan;
  digest: string;
  /** What the registry holds, per image name, in the build's order. */
  images: RegistryImage[];
}

export interface VerifyResult {
  verified: VerifiedBuild[];
}

/** The digest and descriptor of a build in bake's metadata (`--metadata-file`), as the action reads them. */
export function metadataDigest(entry: Record<string, unknown> | undefined): {digest: string; descriptor?: MetadataDescriptor} {
  const digest = typeof entry?.['containerimage.digest'] === 'string' ? entry['containerimage.digest'] : '';
  const d = entry?.['containerimage.descriptor'];
  return {digest, ...(d && typeof d === 'object' ? {descriptor: d as MetadataDescriptor} : {})};
}

export async function verify(i: VerifyInput): Promise<VerifyResult> {
  const verified = await Promise.all(
    i.builds.map(async ({build, digest, descriptor}) => {
      if (!digest) throw new Error(`buildx reported no digest for ${build.images.join(', ')}; no tag was moved.`);
      if (descriptor?.digest && descriptor.digest !== digest) throw new Error(`buildx reported two digests for ${build.images.join(', ')} (${digest}, and ${descriptor.digest} in its descriptor); no tag was moved.`);
      // a single image manifest names no platform: it is the build's one platform
      const single = build.platforms.length === 1 ? build.platforms[0] : '';
      const images = await Promise.all(build.images.map(name => readImage(i.buildx, name, digest, single)));
      for (const staged of images) {
        const missing = build.platforms.filter(pl => !staged.platforms.some(x => x.platform === pl));
        if (missing.length) throw new Error(`${staged.name}@${digest} lacks ${missing.join(', ')} in the registry; no tag was moved.`);
      }
      return {build, digest, images};
    })
  );
  return {verified};
}

/**
 * The verified builds with each platform's compressed size: the platforms' manifests read under the
 * build's first name, in parallel; a size that cannot be read stays 0 (a warning, not a failure).
 */
export async function sizes(buildx: BuildxApi, verified: VerifiedBuild[], warn: (message: string) => void = runner.warning): Promise<VerifiedBuild[]> {
  return Promise.all(
    verified.map(async v => {
      const [first, ...rest] = v.images;
      if (!first) return v;
      const sized = await withSizes(buildx, first, warn);
      const size = new Map(sized.platforms.map(p => [p.digest, p.size]));
      return {...v, images: [sized, ...rest.map(img => ({...img, platforms: img.platforms.map(p => ({...p, size: size.get(p.digest) ?? p.size}))}))]};
    })
  );
}
