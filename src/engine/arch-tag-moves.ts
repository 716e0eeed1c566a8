/**
 * `arch-tags: true`: the per-platform tags (`<tag>-<suffix>`, plan.builds[].archTags) as tag moves, each
 * to that platform's manifest under each name, for the same tag phase as the release tags (atomic,
 * retried, restored on failure, immutable first).
 */
import {tagKind} from '../pipeline/tag-kinds.js';
import type {TagMove} from './steps/tags.js';
import type {VerifiedBuild} from './steps/verify.js';

export function archTagMoves(verified: VerifiedBuild[], sha: string): TagMove[] {
  return verified.flatMap(v =>
    (v.build.archTags ?? []).flatMap(a =>
      v.build.images.flatMap(name => {
        const digest = v.images.find(img => img.name === name)?.platforms.find(p => p.platform === a.platform)?.digest;
        if (!digest) throw new Error(`${name}@${v.digest} has no manifest of ${a.platform} for its per-platform tags (arch-tags); no tag was moved.`);
        return a.tagNames.map(tag => ({name, tag, digest, kind: tagKind(tag, sha)}));
      })
    )
  );
}
