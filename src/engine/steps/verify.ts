/**
 * Verify: every build's index is in the registry under each of its names, with every planned platform,
 * before any tag moves. The per-platform digests and compressed sizes are read here, in parallel.
 */
import type {BuildPlan} from '../../pipeline/plan.js';
import type {BuildxApi} from '../buildx.js';
import {inspectImage, type RegistryImage} from '../registry.js';

export interface VerifyInput {
  buildx: BuildxApi;
  /** Each build with the index digest buildx reported for it. */
  builds: {build: BuildPlan; digest: string}[];
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

export async function verify(i: VerifyInput): Promise<VerifyResult> {
  const verified = await Promise.all(
    i.builds.map(async ({build, digest}) => {
      if (!digest) throw new Error(`buildx reported no digest for ${build.images.join(', ')}; no tag was moved.`);
      const images = await Promise.all(build.images.map(name => inspectImage(i.buildx, name, `${name}@${digest}`)));
      for (const staged of images) {
        const missing = build.platforms.filter(pl => !staged.platforms.some(x => x.platform === pl));
        if (missing.length) throw new Error(`${staged.name}@${digest} lacks ${missing.join(', ')} in the registry; no tag was moved.`);
      }
      return {build, digest, images};
    })
  );
  return {verified};
}
