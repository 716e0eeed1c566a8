/**
 * Staging: the content of every build is in the registry, by digest, before any tag moves, and no tag
 * the user did not ask for is made on the way.
 *
 * - Drivers that can (docker-container, kubernetes, remote) push by digest inside the bake
 *   (`push-by-digest=true`): nothing is left to do here.
 * - The docker driver cannot (buildx: "push-by-digest is currently not implemented for docker driver";
 *   pushing under a tag and deleting the tag afterwards does not work either: distribution 2.x answers
 *   `DELETE /v2/<name>/manifests/<tag>` with 400, GHCR has no such call). So its bake exports an OCI layout
 *   into the run's work directory, and this step pushes it by digest: every blob (HEAD first; mounted from
 *   the build's first name into its other names on the same registry), then every manifest, children
 *   before the index, byte for byte (the registry checks each digest). Nothing lands in the local image
 *   store either.
 * - `staging-tags: keep`: the index is also put under the staging tag (the docker driver here; the other
 *   drivers push under it in the bake), and that tag stays, after a success and after a failure.
 *
 * A transient registry failure (5xx, 429, a dropped connection) is retried with backoff for up to
 * `retryTimeoutMs` (retry.ts, the loop the tag phase uses too); anything else fails the image at once. A failed push leaves no tag: what was
 * uploaded is content by digest only.
 */
import * as runner from '../../action/runner.js';
import {eachLimited} from '../../lib/each-limited.js';
import type {BuildPlan} from '../../pipeline/plan.js';
import type {BuildxApi} from '../buildx.js';
import {readLayout, type Layout} from '../oci-layout.js';
import {realClock, withRetry, type Clock} from './retry.js';

export interface StagingInput {
  buildx: BuildxApi;
  /** Each build with the OCI layout its bake exported (the docker driver); none for the other drivers. */
  layouts: {build: BuildPlan; dir: string}[];
  /** `keep`: the index also goes under `stagingTag` on every name. */
  stagingTags: 'remove' | 'keep';
  stagingTag: string;
  retryTimeoutMs: number;
  /** Throws once the run is cancelled (engine/cancel.ts): called before every registry call. */
  check?: () => void;
  /** For tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export type StagingResult =
  | {ok: true; /** name@digest of every index pushed here. */ pushed: string[]; blobsSent: number}
  | {ok: false; /** One message per failed image. */ messages: string[]; failed: string[]};

/** At most this many uploads at once per image name. */
const PARALLEL = 4;

const message = (e: unknown) => runner.redact(e instanceof Error ? e.message : String(e));

export async function staging(i: StagingInput): Promise<StagingResult> {
  if (!i.layouts.length) return {ok: true, pushed: [], blobsSent: 0};
  const clock: Clock = {now: i.now ?? realClock.now, sleep: i.sleep ?? realClock.sleep, random: realClock.random};
  const warned = new Set<string>();
  let blobsSent = 0;

  /** `fn` with the steps' retry (retry.ts) within `deadline`: the first transient failure of a name is a warning, the next ones info. */
  const attempt = <T>(name: string, fn: () => Promise<T>, deadline: number): Promise<T> =>
    withRetry(fn, {
      deadline,
      clock,
      check: i.check,
      onRetry: (e, {attempt: n, waitMs, leftMs}) => {
        if (!warned.has(name)) {
          warned.add(name);
          runner.warning(`The push failed with a transient registry error (${message(e)}); retrying ${name} for up to ${Math.ceil(leftMs / 1000)} s`);
        } else runner.info(`${name}: ${message(e)} (transient; attempt ${n + 1} in ${(waitMs / 1000).toFixed(1)} s)`);
      }
    });

  const pushName = async (layout: Layout, name: string, from: string | undefined) => {
    const deadline = clock.now() + i.retryTimeoutMs;
    // after a failed upload no other starts: the image has failed
    await eachLimited(
      layout.blobs,
      PARALLEL,
      async blob => {
        if (await attempt(name, () => i.buildx.pushBlob(name, blob, from), deadline)) blobsSent++;
      },
      {stopAtFailure: true}
    );
    // children first: a registry may refuse an index whose manifests it does not hold
    for (const m of layout.manifests) await attempt(name, () => i.buildx.putManifest(name, m.digest, m.mediaType, m.bytes), deadline);
    if (i.stagingTags === 'keep') {
      const root = layout.manifests[layout.manifests.length - 1];
      await attempt(name, () => i.buildx.putManifest(name, i.stagingTag, root.mediaType, root.bytes), deadline);
    }
  };

  const outcomes = await runner.group(`Push ${i.layouts.map(l => l.build.images.join(', ')).join('; ')} (by digest, from the OCI layout)`, () =>
    Promise.all(
      i.layouts.map(async ({build, dir}) => {
        let name = build.images[0] ?? build.id;
        try {
          const layout = readLayout(dir);
          const pushed: string[] = [];
          // one name after the other: the later ones mount the blobs the first one uploaded
          for (const [n, each] of build.images.entries()) {
            name = each;
            await pushName(layout, each, n > 0 ? build.images[0] : undefined);
            pushed.push(`${each}@${layout.root.digest}`);
            runner.info(`${each}@${layout.root.digest}: pushed by digest (${layout.manifests.length} manifests, ${layout.blobs.length} blobs)${i.stagingTags === 'keep' ? `, also tagged ${i.stagingTag} (staging-tags: keep)` : ''}`);
          }
          return {build, pushed};
        } catch (e) {
          if ((e as Error)?.name === 'Cancelled') throw e;
          const text = `Pushing ${name} failed: ${message(e)}`;
          runner.error(text, {title: `Push failed: ${build.id}`});
          return {build, error: text};
        }
      })
    )
  );
  const messages = outcomes.flatMap(o => ('error' in o && o.error ? [o.error] : []));
  if (messages.length) return {ok: false, messages, failed: outcomes.filter(o => 'error' in o).map(o => o.build.images.join(', '))};
  return {ok: true, pushed: outcomes.flatMap(o => ('pushed' in o && o.pushed ? o.pushed : [])), blobsSent};
}

/**
 * The staging tags this run left (`staging-tags: keep`): read from the registry, one call per name, so
 * that the summary says exactly what is there, after a success or a failure. Unreadable: listed as such.
 */
export async function stagingTagsLeft(buildx: BuildxApi, builds: BuildPlan[], stagingTag: string): Promise<{ref: string; digest?: string; unread?: string}[]> {
  const names = [...new Set(builds.flatMap(b => b.images))];
  return (
    await Promise.all(
      names.map(async name => {
        const ref = `${name}:${stagingTag}`;
        try {
          const digest = await buildx.tagDigest(ref);
          return digest ? [{ref, digest}] : [];
        } catch (e) {
          return [{ref, unread: message(e)}];
        }
      })
    )
  ).flat();
}
