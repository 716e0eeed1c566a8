/**
 * The guard before the tag phase: of the planned tag moves, which mutable tags would move backwards (to
 * content whose commit is older than the one they point at now) and are skipped. For each mutable tag that
 * exists, the image it points at is read (its config, through the registry API, or `imagetools inspect --format '{{json .Image}}'`: its
 * `org.opencontainers.image.revision` and `created` labels), GitHub's compare API says how the two commits
 * relate, and pipeline/guard.ts decides. Immutable tags are not read at all.
 *
 * What the labels say is untrusted (whoever can push to the repository writes them): a revision that is
 * not a SHA counts as none, a date that does not parse as none, and neither reaches a URL or a message
 * as written.
 */
import * as runner from '../../action/runner.js';
import {decide, isCommitSha, sameCommit, type Ancestry} from '../../pipeline/guard.js';
import {tagKind} from '../../pipeline/tag-kinds.js';
import type {Comparison} from '../../pipeline/context/github-api.js';
import {CommandError} from '../exec.js';
import type {BuildxApi} from '../buildx.js';
import type {VerifiedBuild} from './verify.js';

/** One tag move the tag phase plans: `name:tag` to `name@digest` (the shape of steps/tags.ts's TagMove). */
export interface PlannedMove {
  name: string;
  tag: string;
  digest: string;
}

export interface SkippedTag {
  name: string;
  tag: string;
  /** Why, in words (no untrusted text but a validated SHA and dates). */
  reason: string;
}

export interface GuardInput {
  buildx: BuildxApi;
  moves: PlannedMove[];
  /** This run's commit. */
  sha: string;
  /** The date of this run's image (its `org.opencontainers.image.created` label), for the date fallback. */
  created?: Date;
  /** The `force-tags` input: move every tag all the same (each still named in the log). */
  force: boolean;
  /**
   * Where each tag (`name:tag`) points now, when already read (steps/tags.ts `currentDigests`): a tag
   * known to be absent, or already at its move's digest, is not read at all, and tags at the same index
   * share one read of it (by digest).
   */
  current?: ReadonlyMap<string, string | undefined>;
  /** GitHub's compare API (base = the tag's commit, head = ours); undefined when it cannot tell. */
  compare: (base: string, head: string) => Promise<Comparison | undefined>;
}

export interface GuardResult {
  skipped: SkippedTag[];
}

const REVISION = 'org.opencontainers.image.revision';
const CREATED = 'org.opencontainers.image.created';

interface ImageConfig {
  created?: string;
  config?: {Labels?: Record<string, string> | null};
}

/**
 * What the tag points at now: its labels, or undefined when there is no such tag. `ref` is `name:tag`,
 * or `name@digest` when where the tag points was read already (the registry API: no docker process).
 */
async function current(buildx: BuildxApi, ref: string): Promise<{revision?: string; created?: Date} | undefined> {
  let image: unknown;
  try {
    const at = ref.lastIndexOf('@');
    image = at > 0 ? await buildx.imageConfig(ref.slice(0, at), ref.slice(at + 1)) : await buildx.imagetoolsInspect(ref, '{{json .Image}}');
  } catch (e) {
    const out = e instanceof CommandError ? e.result.stderr + e.result.stdout : '';
    if (/: not found\b|MANIFEST_UNKNOWN|manifest unknown/i.test(out) && !/unauthorized|denied|forbidden/i.test(out)) return undefined;
    throw e;
  }
  // an index answers a config per platform, keyed by platform; a single manifest its config
  const obj = (image ?? {}) as Record<string, unknown>;
  const config = ('config' in obj || 'created' in obj ? obj : Object.values(obj)[0] ?? {}) as ImageConfig;
  const labels = config.config?.Labels ?? {};
  const revision = typeof labels[REVISION] === 'string' ? labels[REVISION] : undefined;
  const when = typeof labels[CREATED] === 'string' ? labels[CREATED] : config.created;
  const created = when && !Number.isNaN(Date.parse(when)) ? new Date(when) : undefined;
  return {revision: isCommitSha(revision) ? revision : undefined, created};
}

export async function guard(i: GuardInput): Promise<GuardResult> {
  const mutable = i.moves.filter(m => tagKind(m.tag, i.sha) === 'mutable');
  if (!mutable.length) return {skipped: []};
  const comparisons = new Map<string, Promise<Comparison | undefined>>();
  const compare = (base: string) => {
    const key = base.toLowerCase();
    if (!comparisons.has(key)) comparisons.set(key, i.compare(base, i.sha).catch(() => undefined));
    return comparisons.get(key)!;
  };
  const reads = new Map<string, ReturnType<typeof current>>();
  const read = (ref: string) => {
    if (!reads.has(ref)) reads.set(ref, current(i.buildx, ref));
    return reads.get(ref)!;
  };
  const verdicts = await Promise.all(
    mutable.map(async m => {
      const ref = `${m.name}:${m.tag}`;
      const known = i.current?.has(ref);
      const at = i.current?.get(ref);
      // already at this run's index: the tag phase leaves it as it is
      if (known && at === m.digest) return undefined;
      let now: Awaited<ReturnType<typeof current>>;
      try {
        now = known ? (at === undefined ? undefined : await read(`${m.name}@${at}`)) : await read(ref);
      } catch (e) {
        runner.warning(`Cannot read what ${ref} points at (${(e as Error).message}); it moves without the check against moving backwards.`);
        return undefined;
      }
      const comparison = isCommitSha(now?.revision) && isCommitSha(i.sha) && !sameCommit(now.revision, i.sha) ? await compare(now.revision) : undefined;
      const ancestry: Ancestry = comparison?.status ?? 'unknown';
      // kind for kind: the commits' dates when GitHub gave them, else the two images' dates
      const dates = comparison?.baseDate && comparison.headDate ? {ours: comparison.headDate, theirs: comparison.baseDate} : {ours: i.created, theirs: now?.created};
      const verdict = decide({tag: m.tag, ours: i.sha, current: now, ancestry, dates, force: i.force});
      if (verdict.move && /^forced/.test(verdict.reason)) runner.warning(`${ref} moves although it ${verdict.reason.replace(/^forced \(force-tags\): it /, '')} (force-tags: true).`);
      else if (!verdict.move) runner.warning(`Not moving ${ref}: it ${verdict.reason}. Another run published newer content; force-tags: true moves it anyway.`);
      else runner.debug(`${ref}: ${verdict.reason}`);
      return verdict.move ? undefined : {name: m.name, tag: m.tag, reason: verdict.reason};
    })
  );
  return {skipped: verdicts.filter((v): v is SkippedTag => !!v)};
}

/** The moves the tag phase plans for these builds: every tag of every name, to the build's index. */
export function movesOf(verified: VerifiedBuild[]): PlannedMove[] {
  return verified.flatMap(v => v.build.images.flatMap(name => v.build.tagNames.map(tag => ({name, tag, digest: v.digest}))));
}

/** Whether a move is one the guard skipped. */
export function isSkipped(skipped: SkippedTag[], name: string, tag: string): boolean {
  return skipped.some(s => s.name === name && s.tag === tag);
}

/**
 * The verified builds without the skipped tags, one entry per image name (the skipped tags may differ
 * between names); a name left with no tag to move is left out. For the tag phase and the read-back.
 */
export function withoutSkipped(verified: VerifiedBuild[], skipped: SkippedTag[]): VerifiedBuild[] {
  if (!skipped.length) return verified;
  return verified.flatMap(v =>
    v.build.images
      .map(name => ({...v, build: {...v.build, images: [name], tagNames: v.build.tagNames.filter(t => !isSkipped(skipped, name, t))}, images: v.images.filter(img => img.name === name)}))
      .filter(v2 => v2.build.tagNames.length > 0)
  );
}
