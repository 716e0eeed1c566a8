/**
 * Read back: each name's first tag resolves to the verified index (same digest, so the same platforms):
 * one read per name, not per tag (a HEAD through the registry API; `tagDigest`). A tag another run
 * moved meanwhile fails the step; failing to read it for another reason, after the tags moved, is only
 * a warning: the release is published.
 */
import * as runner from '../../action/runner.js';
import type {BuildxApi} from '../buildx.js';
import type {VerifiedBuild} from './verify.js';

export interface ReadbackInput {
  buildx: BuildxApi;
  verified: VerifiedBuild[];
}

export interface ReadbackResult {
  /** The references that resolved to their index. */
  confirmed: string[];
  /** The references that could not be read (already logged as warnings). */
  unread: string[];
}

export async function readback(i: ReadbackInput): Promise<ReadbackResult> {
  const checks = await Promise.all(
    i.verified.flatMap(v =>
      v.build.images.map(async name => {
        const ref = `${name}:${v.build.tagNames[0]}`;
        let digest: string | undefined;
        try {
          digest = await i.buildx.tagDigest(ref);
        } catch (err) {
          runner.warning(`Published, but reading ${ref} back failed: ${(err as Error).message}`);
          return {ref, ok: false};
        }
        if (digest === undefined) {
          runner.warning(`Published, but reading ${ref} back found no such tag (removed meanwhile?)`);
          return {ref, ok: false};
        }
        if (digest !== v.digest) throw new Error(`${ref} resolves to ${digest}, not to the index just pushed (${v.digest}): another run moved it meanwhile?`);
        return {ref, ok: true};
      })
    )
  );
  return {confirmed: checks.filter(c => c.ok).map(c => c.ref), unread: checks.filter(c => !c.ok).map(c => c.ref)};
}
