/**
 * Inputs + Context + Metadata -> Plan: which builds run, under which names and tags, for which
 * platforms, with which labels, annotations and build args, whether they are pushed, and the policy's
 * verdict. Pure. The plan is the `plan` output, what dry-run prints, and what the engine executes.
 */
import {posix} from 'node:path';
import {registryDomain} from '../lib/reference.js';
import type {Inputs, ImageSpec, PushMode} from './inputs/index.js';
import type {Context} from './context/index.js';
import {imageTags, type Metadata} from './metadata/index.js';
import {resolveLabels, resolveAnnotations, toLines, keyValueObject} from './metadata/labels.js';
import {evaluatePolicy, type PolicyVerdict} from './policy.js';
import {InputError, InputErrors} from './inputs/errors.js';
import {archTagsFor, type ArchTags} from './arch-tags.js';

export interface BuildPlan {
  /** A short, unique name for the build (the bake target). */
  id: string;
  /** The `images` line that made this build (its first), for messages. */
  line?: number;
  /** Fully qualified image names this build is published under. */
  images: string[];
  file: string;
  context: string;
  target?: string;
  platforms: string[];
  /** `image:tag` for every image and tag (bare tag names when there is no image). */
  tags: string[];
  tagNames: string[];
  labels: string[];
  /** `level:key=value` annotations. */
  annotations: string[];
  buildArgs: Record<string, string>;
  push: boolean;
  policy: PolicyVerdict;
  /** `arch-tags: true`: the per-platform tags `<tag>-<arch>`, one entry per platform (they name platform images, not the index). */
  archTags?: ArchTags[];
}

export interface Plan {
  eventName: string;
  ref: string;
  sha: string;
  version: string;
  push: boolean;
  pushReason: string;
  registry: string;
  builds: BuildPlan[];
  policy: PolicyVerdict;
  /**
   * `mode: build`: the platforms this leg builds of the plan (pipeline/leg-plan.ts); the builds hold
   * only those. Caches are then scoped per platform, so that legs never evict each other's.
   */
  legPlatforms?: string[];
}

/** Events on which `push: auto` publishes; pull requests only build (as a check). */
const PUSH_EVENTS = ['push', 'create', 'release', 'schedule', 'workflow_dispatch', 'repository_dispatch', 'registry_package'];

/** Release activities that publish; an edited, deleted or unpublished release does not. */
const PUBLISHING_RELEASE_ACTIONS = ['published', 'created', 'released', 'prereleased'];

export function pushDecision(mode: PushMode, eventName: string, action?: string): {push: boolean; reason: string} {
  if (mode === 'true') return {push: true, reason: 'push: true'};
  if (mode === 'false') return {push: false, reason: 'push: false'};
  if (eventName === 'release' && action && !PUBLISHING_RELEASE_ACTIONS.includes(action)) {
    return {push: false, reason: `release ${action} event: not a publishing event (set push: true to publish)`};
  }
  if (PUSH_EVENTS.includes(eventName)) return {push: true, reason: `${eventName} event`};
  if (/pull_request/.test(eventName)) return {push: false, reason: `${eventName} event: built as a check, not pushed`};
  return {push: false, reason: `${eventName || 'unknown'} event: not a publishing event (set push: true to publish)`};
}

/** The plan with nothing pushed, for the reason given (a build that loads its images into the local store). */
export function withoutPush(plan: Plan, reason: string): Plan {
  return {...plan, push: false, pushReason: reason, builds: plan.builds.map(b => ({...b, push: false}))};
}

/**
 * A name as the registry sees it: kept when it names a registry domain (or the registry is docker.io);
 * a bare name gets `<registry>/<owner>/`, a `path/name` gets `<registry>/`. Lowercased (GHCR requires it).
 */
export function qualifyImageName(name: string, registry: string, owner: string): string {
  let full = name;
  if (registryDomain(name) === undefined && registry !== 'docker.io') {
    full = !name.includes('/') && !registry.includes('/') ? `${registry}/${owner}/${name}` : `${registry}/${name}`;
  }
  return full.toLowerCase();
}

/** The Dockerfile of an image line: `file=`, else `<context>/Dockerfile`. */
function dockerfile(img: ImageSpec): string {
  return img.file ?? posix.join(img.context, 'Dockerfile');
}

function buildKey(img: ImageSpec, platforms: string[]): string {
  return JSON.stringify([dockerfile(img), img.context, img.target ?? '', platforms, img.title ?? null, img.description ?? null]);
}

function uniqueId(name: string, taken: Set<string>): string {
  const base = (name.split('/').pop() || 'image').replace(/[^a-z0-9_-]/g, '-') || 'image';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

export function standardBuildArgs(metadata: Metadata, ctx: Context): Record<string, string> {
  return {
    VERSION: metadata.version.main ?? '',
    BUILD_DATE: ctx.now.toISOString(),
    VCS_REF: ctx.shortSha,
    COMMIT_SHA: ctx.sha
  };
}

export function buildPlan(inputs: Inputs, ctx: Context, metadata: Metadata, annotationLevels: string[]): Plan {
  const {push, reason} = pushDecision(inputs.push, ctx.eventName, typeof ctx.payload.action === 'string' ? ctx.payload.action : undefined);
  const enabled = inputs.images.filter(i => i.enable);
  const userArgs = keyValueObject(inputs.buildArgs);
  const buildArgs = {...(inputs.defaultBuildArgs ? standardBuildArgs(metadata, ctx) : {}), ...userArgs};

  // Lines with the same build settings are one build published under several names. One name is
  // published by one build only: two builds pushing the same tags would leave only the last one's image.
  const groups = new Map<string, {spec: ImageSpec; platforms: string[]; names: string[]}>();
  const builtBy = new Map<string, {key: string; line: number}>();
  const conflicts: InputError[] = [];
  for (const img of enabled) {
    const platforms = img.platforms ?? inputs.platforms;
    const key = buildKey(img, platforms);
    const name = qualifyImageName(img.name, inputs.registry, ctx.owner);
    const first = builtBy.get(name);
    if (first && first.key !== key) {
      conflicts.push(
        new InputError(
          'images',
          `${name} is already built by line ${first.line} with other build settings (file, context, target, platforms, title, description); one image is published by one build`,
          img.line,
          img.text
        )
      );
      continue;
    }
    builtBy.set(name, {key, line: img.line});
    const group = groups.get(key) ?? {spec: img, platforms, names: []};
    if (!group.names.includes(name)) group.names.push(name);
    groups.set(key, group);
  }
  if (conflicts.length) throw new InputErrors(conflicts);
  if (groups.size === 0) {
    // No image (an explicitly empty `images`, or every image disabled): bare tags, as metadata-action gives.
    groups.set('', {spec: {name: '', enable: true, context: '.', line: 0}, platforms: inputs.platforms, names: []});
  }

  const taken = new Set<string>();
  const builds: BuildPlan[] = [...groups.values()].map(({spec, platforms, names}) => {
    const overrides = [
      ...(spec.title !== undefined ? [`org.opencontainers.image.title=${spec.title}`] : []),
      ...(spec.description !== undefined ? [`org.opencontainers.image.description=${spec.description}`] : [])
    ];
    const ectx = metadata.expressionContext;
    return {
      id: uniqueId(names[0] ?? 'default', taken),
      ...(spec.line ? {line: spec.line} : {}),
      images: names,
      file: dockerfile(spec),
      context: spec.context,
      ...(spec.target ? {target: spec.target} : {}),
      platforms,
      tags: imageTags(names, metadata.tagNames),
      tagNames: metadata.tagNames,
      labels: overrides.length ? toLines(resolveLabels(metadata.defaults, inputs.labels, ectx, overrides)) : metadata.labels,
      annotations: overrides.length ? resolveAnnotations(metadata.defaults, inputs.annotations, ectx, annotationLevels, overrides) : metadata.annotations,
      buildArgs,
      push,
      policy: {allowed: true, rules: [], violations: [], warnings: []}
    };
  });

  if (inputs.archTags) {
    const archErrors: InputError[] = [];
    for (const b of builds) {
      try {
        b.archTags = archTagsFor(b.images, b.tagNames, b.platforms, b.line);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        archErrors.push(e);
      }
    }
    if (archErrors.length) throw new InputErrors(archErrors);
  }

  const policy = evaluatePolicy(inputs.policy, {
    images: builds.flatMap(b =>
      (b.images.length ? b.images : ['']).map(name => ({
        name,
        tags: b.tagNames,
        push: b.push,
        ...(b.archTags ? {archTags: b.archTags.flatMap(a => a.tagNames.map((tag, i) => ({tag, base: b.tagNames[i]})))} : {})
      }))
    ),
    ref: ctx.ref,
    sha: ctx.sha,
    shortSha: ctx.shortSha,
    latestTags: metadata.latestTags
  });
  for (const b of builds) {
    const mine = policy.violations.filter(v => (b.images.length ? b.images.includes(v.image) : v.image === ''));
    b.policy = {allowed: mine.length === 0, rules: policy.rules, violations: mine, warnings: policy.warnings};
  }

  return {
    eventName: ctx.eventName,
    ref: ctx.ref,
    sha: ctx.sha,
    version: metadata.version.main ?? '',
    push,
    pushReason: reason,
    registry: inputs.registry,
    builds,
    policy
  };
}
