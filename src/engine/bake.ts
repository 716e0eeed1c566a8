/**
 * One `docker buildx bake` for every build of the plan: a generated JSON definition (one target per
 * build), kept as a file and shown in the summary. BuildKit solves all targets in one graph, so stages
 * that several images share are built once.
 */
import {posix} from 'node:path';
import type {Plan, BuildPlan} from '../pipeline/plan.js';
import {keyValueObject} from '../pipeline/metadata/labels.js';

/**
 * How a pushed build's content reaches the registry, no tag a user can see touched (steps/staging.ts):
 * - `digest`: BuildKit pushes the index by digest (`push-by-digest=true,name-canonical=true`);
 * - `layout`: the docker driver, which buildx refuses to push by digest: BuildKit exports an OCI layout
 *   into the run's work directory, and the action pushes it by digest itself;
 * - `staging-tag`: BuildKit pushes under the staging tag (`staging-tags: keep`, drivers other than docker).
 */
export type PushMode = 'digest' | 'layout' | 'staging-tag';

export interface BakeSettings {
  /** Push the content (see PushMode). */
  push: boolean;
  /** Load the result into the local image store under the build's tags instead (the CLI's build). */
  load?: boolean;
  pushMode: PushMode;
  stagingTag: string;
  /** `layout`: where each build's OCI layout goes (`<layoutDir>/<build id>`). */
  layoutDir?: string;
  cacheFrom: Record<string, string[]>;
  cacheTo: Record<string, string[]>;
  /** `id=<id>,src=<file>` entries. */
  secrets: string[];
  provenance: string;
  sbom: string;
  noCache: boolean;
  pull: boolean;
}

/** One CSV field of an exporter attribute, quoted when it holds a comma or a quote. */
function csvField(s: string): string {
  return /[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `--provenance`/`--sbom` values as build-push-action takes them, as bake attestations. */
export function attestation(type: 'provenance' | 'sbom', value: string): string | undefined {
  if (!value) return undefined;
  if (value === 'false') return `type=${type},disabled=true`;
  if (value === 'true') return `type=${type}`;
  return value.startsWith('type=') ? value : `type=${type},${value}`;
}

/**
 * Index- and manifest-level annotations: the plan's (outputs') annotations, and each manifest-level one
 * also at index level unless the user set that key there, so registries (GHCR) show the index's description.
 */
export function buildAnnotations(annotations: string[]): string[] {
  const out = [...annotations];
  const has = new Set(annotations.map(a => a.slice(0, a.indexOf('='))));
  for (const a of annotations) {
    if (!a.startsWith('manifest:')) continue;
    const key = 'index:' + a.slice('manifest:'.length, a.indexOf('='));
    if (!has.has(key)) {
      out.push('index:' + a.slice('manifest:'.length));
      has.add(key);
    }
  }
  return out;
}

export function outputFor(build: BuildPlan, s: BakeSettings): string {
  // type=docker loads through the daemon: into containerd's store (several platforms), or as a tarball
  if (s.load) return ['type=docker', csvField(`name=${(build.tags.length ? build.tags : build.images).join(',')}`)].join(',');
  if (!s.push) return 'type=cacheonly';
  // the names only make BuildKit fill in the attestations' in-toto subjects (pkg:docker/<name>@…?platform=…,
  // as push-by-digest does); without them provenance and SBOM statements would name no subject at all
  if (s.pushMode === 'layout') return ['type=oci', 'tar=false', csvField(`dest=${layoutPath(s.layoutDir ?? '', build)}`), csvField(`name=${build.images.join(',')}`), 'oci-mediatypes=true'].join(',');
  const byDigest = s.pushMode === 'digest';
  const names = byDigest ? build.images : build.images.map(i => `${i}:${s.stagingTag}`);
  const attrs = ['type=image', csvField(`name=${names.join(',')}`), 'push=true', 'oci-mediatypes=true'];
  if (byDigest) attrs.push('push-by-digest=true', 'name-canonical=true');
  return attrs.join(',');
}

/** The OCI layout directory of one build (its id is made of `[a-z0-9_-]`: plan.ts). */
export function layoutPath(layoutDir: string, build: Pick<BuildPlan, 'id'>): string {
  return posix.join(layoutDir, build.id);
}

export interface BakeDefinition {
  group: {default: {targets: string[]}};
  target: Record<string, Record<string, unknown>>;
}

/** Pure: the bake definition of a plan. */
export function bakeDefinition(plan: Plan, s: BakeSettings): BakeDefinition {
  const target: Record<string, Record<string, unknown>> = {};
  for (const b of plan.builds) {
    // buildx adds its default provenance (mode=min) to a pushed image, not to an OCI export: the layout
    // gets it asked for, so the docker driver's content is what its push made (a one-platform build too
    // is then an index, which its index annotations need)
    const provenance = s.provenance || (s.push && s.pushMode === 'layout' ? 'mode=min' : '');
    const attest = [attestation('provenance', provenance), attestation('sbom', s.sbom)].filter((a): a is string => !!a);
    target[b.id] = {
      context: b.context,
      dockerfile: posix.relative(posix.normalize(b.context), posix.normalize(b.file)) || 'Dockerfile',
      platforms: b.platforms,
      ...(b.target ? {target: b.target} : {}),
      labels: keyValueObject(b.labels),
      ...(s.push ? {annotations: buildAnnotations(b.annotations)} : {}),
      args: b.buildArgs,
      output: [outputFor(b, s)],
      ...(s.cacheFrom[b.id]?.length ? {'cache-from': s.cacheFrom[b.id]} : {}),
      ...(s.cacheTo[b.id]?.length ? {'cache-to': s.cacheTo[b.id]} : {}),
      ...(s.secrets.length ? {secret: s.secrets} : {}),
      ...(attest.length ? {attest} : {}),
      ...(s.noCache ? {'no-cache': true} : {}),
      ...(s.pull ? {pull: true} : {})
    };
  }
  return {group: {default: {targets: plan.builds.map(b => b.id)}}, target};
}

/**
 * Bake evaluates HCL templates in every string of a JSON definition, keys included: `${...}` and
 * `%{...}` are interpolated (a label `${GITHUB_SHA}` fails with `variable cycle`). Its escapes are `$${`
 * and `%%{`; a `$` or `%` not followed by `{` (`$$`, a trailing `$`, `100%`) is taken as is. So
 * doubling the `$`/`%` before every `{` makes any value reach BuildKit byte for byte.
 */
export function escapeBakeValue(s: string): string {
  return s.replace(/([$%])\{/g, '$1$1{');
}

function escapeDeep(v: unknown): unknown {
  if (typeof v === 'string') return escapeBakeValue(v);
  if (Array.isArray(v)) return v.map(escapeDeep);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [escapeBakeValue(k), escapeDeep(x)]));
  return v;
}

/** The one way the action writes a bake definition: every key and string value escaped (see escapeBakeValue). */
export function serializeBake(def: BakeDefinition): string {
  return JSON.stringify(escapeDeep(def), null, 2);
}

/** What buildx's --metadata-file says per target. */
export type BakeMetadata = Record<string, Record<string, unknown>>;

export interface BuildFailure {
  target: string;
  platform?: string;
  /** `push`: the registry refused or failed the upload; `build`: a build step failed. */
  kind: 'build' | 'push';
  /** The failed step as BuildKit names it (`[frontend stage-1 2/2] RUN make`). */
  step: string;
  error: string;
  log: string[];
  /** A step other targets share (BuildKit ran it once): the other targets it failed for. */
  sharedWith?: string[];
}

/** The error of a step BuildKit stopped (another target failed, the run was cancelled), not one that failed. */
export const CANCELLED_ERROR = /\bcontext canceled\b|\bcanceled\b|\bcancelled\b/i;

const PUSH_STEP = /exporting to image|pushing |exporting manifest|exporting config|writing image/i;
// only what is said of an upload: a base image that cannot be pulled also says `denied` or `unexpected status`
const PUSH_ERROR = /failed to push|pushing .* with docker/i;

/**
 * Finds the failed steps in a plain-progress log: `#N [target platform step] ...` names a vertex, `#N ERROR:`
 * marks its failure. Returns each failure with the last lines of that vertex's log, one per target (a
 * target failing on several platforms fails once), build failures before push failures.
 */
export function parseFailures(lines: string[], targets: string[], images: Record<string, string[]> = {}, tail = 20): BuildFailure[] {
  // a push error names the image it was pushing: that, not the vertex it surfaced in, says whose it is
  const pushedTarget = (error: string): string | undefined => {
    const ref = /failed to push ([^\s:]+(?::\d+)?[^\s:@]*)/.exec(error)?.[1];
    return ref ? targets.find(t => (images[t] ?? []).includes(ref)) : undefined;
  };
  const names = new Map<string, string>();
  const logs = new Map<string, string[]>();
  const byTarget = new Map<string, BuildFailure>();
  // BuildKit runs a step two targets share once; each target that reached it names it in a header of its
  // own (`#9 [api base 2/2] …`, `#9 [worker base 2/2] …`), before or after its ERROR line: it failed for all
  const owners = new Map<string, Map<string, string>>(); // vertex -> target -> its header
  for (const line of lines) {
    const m = /^#(\d+) (\[([^\s\]]+)[\s\]].*)$/.exec(line);
    if (!m || !targets.includes(m[3]!)) continue;
    const headers = owners.get(m[1]!) ?? new Map<string, string>();
    if (!headers.has(m[3]!)) headers.set(m[3]!, m[2]!);
    owners.set(m[1]!, headers);
  }
  for (const line of lines) {
    const m = /^#(\d+) (.*)$/.exec(line);
    if (!m) continue;
    const [, id, rest] = m;
    if (rest.startsWith('[') && !names.has(id)) names.set(id, rest);
    const log = logs.get(id) ?? [];
    log.push(line);
    logs.set(id, log);
    if (!rest.startsWith('ERROR: ')) continue;
    const name = names.get(id) ?? '';
    const v = /^\[([^\s\]]+)(?: ((?:linux|windows|darwin|freebsd)\/[^\s\]]+))?/.exec(name);
    const error = rest.slice('ERROR: '.length);
    const kind = PUSH_STEP.test(name) || PUSH_ERROR.test(error) ? 'push' : 'build';
    const pushed = kind === 'push' ? pushedTarget(error) : undefined;
    const headers = owners.get(id) ?? new Map<string, string>();
    // a shared step cut short because another target failed (`context canceled`) is not a failure of
    // every target that shares it (and, below, no failure at all when another step really failed)
    const first = v && targets.includes(v[1]) ? v[1] : targets.length === 1 ? targets[0]! : '';
    const blamed = pushed ? [pushed] : headers.size && !CANCELLED_ERROR.test(error) ? [...headers.keys()] : [first];
    for (const target of blamed) {
      // the step as this target named it (its own header)
      const own = headers.get(target) ?? name;
      const seen = byTarget.get(target);
      if (!seen) {
        byTarget.set(target, {target, platform: v?.[2], kind, step: own, error, log: log.slice(-tail), ...(blamed.length > 1 ? {sharedWith: blamed.filter(t => t !== target)} : {})});
      } else {
        // the same target failing again (another platform): keep one failure, a build one first, and a
        // failure of its own before a step cut short
        if (seen.platform !== v?.[2]) seen.platform = undefined;
        const better = (seen.kind === 'push' && kind === 'build') || (CANCELLED_ERROR.test(seen.error) && !CANCELLED_ERROR.test(error));
        if (better) Object.assign(seen, {kind, step: own, error, log: log.slice(-tail)});
      }
    }
  }
  const all = [...byTarget.values()];
  // a target whose only error is a step cut short did not fail: BuildKit stopped it because another one
  // did (cancelledTargets reports it); unless nothing else failed, when that is all there is to say
  const real = all.filter(f => !CANCELLED_ERROR.test(f.error));
  return real.length ? real : all;
}

/**
 * The targets BuildKit cancelled when another one failed (bake stops the whole graph at the first
 * failure): a step of theirs ends `#N CANCELED` (a RUN, a context transfer, an export or a push cut
 * short) and none of theirs failed. A step is a target's when the target named it in any of its
 * headers (BuildKit runs a step two targets share once). In the order of `targets`.
 */
export function cancelledTargets(lines: string[], targets: string[], failures: BuildFailure[]): string[] {
  const owners = new Map<string, Set<string>>();
  const cancelled = new Set<string>();
  for (const line of lines) {
    const m = /^#(\d+) (?:\[([^\s\]]+)[\s\]]|(CANCELED)$|(ERROR: .*\bcontext canceled\b.*)$)/.exec(line);
    if (!m) continue;
    const [, id, target, canceled, cutShort] = m;
    if (target && targets.includes(target)) owners.set(id, (owners.get(id) ?? new Set()).add(target));
    if (canceled || cutShort) for (const t of owners.get(id) ?? []) cancelled.add(t);
  }
  const failed = new Set(failures.map(f => f.target));
  return targets.filter(t => cancelled.has(t) && !failed.has(t));
}

/** Where bake runs: contexts and Dockerfiles are relative to the workspace, as in build-push-action. */
export function workspaceDir(): string | undefined {
  return process.env['GITHUB_WORKSPACE'] || undefined;
}
