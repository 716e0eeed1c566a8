/**
 * Move the tags: each name's tags now point at its verified index (`imagetools create`, the same
 * digest). Only ever called with what verify returned, so no tag moves before every platform is there.
 */
import * as runner from '../../action/runner.js';
import type {BuildxApi} from '../buildx.js';
import {moveTags} from '../registry.js';
import type {VerifiedBuild} from './verify.js';

export interface TagsInput {
  buildx: BuildxApi;
  verified: VerifiedBuild[];
}

export interface MovedTags {
  name: string;
  tags: string[];
  digest: string;
}

export interface TagsResult {
  moved: MovedTags[];
}

export async function tags(i: TagsInput): Promise<TagsResult> {
  const moved = await runner.group('Tags', () =>
    Promise.all(
      i.verified.flatMap(v =>
        v.build.images.map(async name => {
          await moveTags(i.buildx, name, v.digest, v.build.tagNames);
          runner.info(`${name}: ${v.build.tagNames.join(', ')} -> ${v.digest}`);
          return {name, tags: v.build.tagNames, digest: v.digest};
        })
      )
    )
  );
  return {moved};
}
