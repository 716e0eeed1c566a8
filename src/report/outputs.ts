/**
 * The step's outputs, with metadata-action's names and formats (plus `plan`), its bake definition files
 * for docker/bake-action, and the DOCKER_METADATA_OUTPUT_* variables it exports to later steps.
 */
import {verifyCommand, verifyHow, type SignResult} from '../engine/sign.js';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {setOutput, exportVariable, warning, type Env} from '../action/runner.js';
import type {Plan} from '../pipeline/plan.js';
import type {Metadata} from '../pipeline/metadata/index.js';
import type {Inputs} from '../pipeline/inputs/index.js';
import {keyValueObject} from '../pipeline/metadata/labels.js';
import type {PublishResult} from './summary.js';

export interface Outputs {
  version: string;
  tags: string;
  'tag-names': string;
  labels: string;
  annotations: string;
  json: string;
  plan: string;
}

/** The `plan` output: one entry per build. */
export function planJson(plan: Plan): object[] {
  return plan.builds.map(b => ({
    id: b.id,
    images: b.images,
    file: b.file,
    context: b.context,
    target: b.target ?? null,
    platforms: b.platforms,
    tags: b.tags,
    labels: b.labels,
    annotations: b.annotations,
    buildArgs: b.buildArgs,
    push: b.push,
    policy: b.policy,
    ...(b.archTags ? {archTags: b.archTags} : {})
  }));
}

export function metadataOutputs(inputs: Inputs, metadata: Metadata, plan: Plan): Outputs {
  const tags = plan.builds.flatMap(b => b.tags);
  const labelsObject = keyValueObject(metadata.labels);
  return {
    version: metadata.version.main ?? '',
    tags: tags.join(inputs.sepTags),
    'tag-names': metadata.tagNames.join(inputs.sepTags),
    labels: metadata.labels.join(inputs.sepLabels),
    annotations: metadata.annotations.join(inputs.sepAnnotations),
    json: JSON.stringify({tags, 'tag-names': metadata.tagNames, labels: labelsObject, annotations: metadata.annotations}),
    plan: JSON.stringify(planJson(plan))
  };
}

/** A bake definition file: targets by name, as `docker buildx bake --file` reads JSON. */
export interface BakeFileDefinition {
  target: Record<string, {tags?: string[]; labels?: Record<string, string>; annotations?: string[]; args?: {DOCKER_META_IMAGES: string; DOCKER_META_VERSION?: string}}>;
}

/** What one target says; `version` undefined leaves DOCKER_META_VERSION out, as metadata-action's JSON does. */
interface TargetSource {
  images: string[];
  version: string | undefined;
  tags: string[];
  labels: string[];
  annotations: string[];
}

/** metadata-action's four bake files, each keyed by its output name. */
export type BakeFiles = Record<'bake-file-tags' | 'bake-file-labels' | 'bake-file-annotations' | 'bake-file', BakeFileDefinition>;

/**
 * The bake files' content. The target named by `bake-target` holds exactly what metadata-action writes
 * for the same outputs (every tag of every image, the repository-wide labels and annotations). A run with
 * more than one build also gets a target per build, `<bake-target>-<build id>`, with that build's names,
 * tags, labels and annotations (per-image title= / description= included), so that a bake file of the
 * user's can inherit each build's metadata; a single build adds nothing metadata-action would not write.
 */
export function bakeFiles(inputs: Inputs, metadata: Metadata, plan: Plan): BakeFiles {
  const sources: [string, TargetSource][] = [
    [inputs.bakeTarget, {images: plan.builds.flatMap(b => b.images), version: metadata.version.main, tags: plan.builds.flatMap(b => b.tags), labels: metadata.labels, annotations: metadata.annotations}]
  ];
  if (plan.builds.length > 1) {
    for (const b of plan.builds) sources.push([`${inputs.bakeTarget}-${b.id}`, {images: b.images, version: metadata.version.main, tags: b.tags, labels: b.labels, annotations: b.annotations}]);
  }
  const args = (s: TargetSource) => ({DOCKER_META_IMAGES: s.images.join(','), DOCKER_META_VERSION: s.version});
  const file = (pick: (s: TargetSource) => BakeFileDefinition['target'][string]): BakeFileDefinition => ({target: Object.fromEntries(sources.map(([name, s]) => [name, pick(s)]))});
  return {
    'bake-file-tags': file(s => ({tags: s.tags, args: args(s)})),
    'bake-file-labels': file(s => ({labels: keyValueObject(s.labels)})),
    'bake-file-annotations': file(s => ({annotations: s.annotations})),
    'bake-file': file(s => ({tags: s.tags, labels: keyValueObject(s.labels), args: args(s)}))
  };
}

/** metadata-action's file names, in a directory of this step's own. */
export const BAKE_FILE_NAMES: Record<keyof BakeFiles, string> = {
  'bake-file-tags': 'docker-metadata-action-bake-tags.json',
  'bake-file-labels': 'docker-metadata-action-bake-labels.json',
  'bake-file-annotations': 'docker-metadata-action-bake-annotations.json',
  'bake-file': 'docker-metadata-action-bake.json'
};

/**
 * Writes the bake files, formatted as metadata-action formats them, and returns the bake-file outputs.
 * Each run gets a fresh directory (mkdtemp) under RUNNER_TEMP, so that two steps of one job never
 * overwrite the files a later step reads; the post step removes it, after every later step (cleanup.ts).
 */
export function writeBakeFiles(inputs: Inputs, metadata: Metadata, plan: Plan, env: Env = process.env): Record<keyof BakeFiles, string> {
  const base = env['RUNNER_TEMP'] || tmpdir();
  mkdirSync(base, {recursive: true}); // a self-hosted runner's RUNNER_TEMP may not exist yet
  const dir = mkdtempSync(join(base, 'multiarch-publish-bake-'));
  const files = bakeFiles(inputs, metadata, plan);
  const out = {} as Record<keyof BakeFiles, string>;
  for (const name of Object.keys(BAKE_FILE_NAMES) as (keyof BakeFiles)[]) {
    const path = join(dir, BAKE_FILE_NAMES[name]);
    writeFileSync(path, JSON.stringify(files[name], null, 2));
    out[name] = path;
  }
  return out;
}

/**
 * The outputs metadata-action also exports as DOCKER_METADATA_OUTPUT_<NAME>: that prefix is its
 * namespace, and the large JSON outputs of our own (plan, metadata, images) would otherwise sit in the
 * environment of every later step, where Linux refuses a single variable over 128 KiB (E2BIG).
 */
export const ENV_OUTPUTS = ['version', 'tags', 'tag-names', 'labels', 'annotations', 'json', 'bake-file-tags', 'bake-file-labels', 'bake-file-annotations', 'bake-file'];

/** The variable an output is exported as: `tag-names` -> DOCKER_METADATA_OUTPUT_TAG_NAMES. */
export function envName(output: string): string {
  return `DOCKER_METADATA_OUTPUT_${output.replace(/\W/g, '_').toUpperCase()}`;
}

/** The false values of DOCKER_METADATA_SET_OUTPUT_ENV: metadata-action reads it with Go's ParseBool. */
const FALSE = ['0', 'f', 'F', 'false', 'FALSE', 'False'];

/** Above this an exported variable gets a warning: it weighs on every program of every later step. */
export const ENV_WARN_BYTES = 32 * 1024;
/** Linux refuses to start a program with one `NAME=value` longer than this (MAX_ARG_STRLEN): not exported. */
export const ENV_MAX_BYTES = 128 * 1024 - 1;

/** Whether (and with which warning) a variable of this size is exported to later steps. */
export function exportDecision(name: string, value: string): {exported: boolean; warning?: string} {
  const bytes = Buffer.byteLength(`${name}=${value}`);
  const kib = (bytes / 1024).toFixed(0);
  if (bytes > ENV_MAX_BYTES)
    return {exported: false, warning: `${name} is ${kib} KiB, more than the 128 KiB a variable may hold for a program to start: it is not exported (read the step's output of the same name, or set DOCKER_METADATA_SET_OUTPUT_ENV: false).`};
  if (bytes > ENV_WARN_BYTES)
    return {exported: true, warning: `${name} is ${kib} KiB: exported, but every later step's programs carry it (set DOCKER_METADATA_SET_OUTPUT_ENV: false and read the step's outputs instead).`};
  return {exported: true};
}

/** Writes the outputs and, unless DOCKER_METADATA_SET_OUTPUT_ENV is false, the DOCKER_METADATA_OUTPUT_* variables. */
export function writeOutputs(outputs: Record<string, string>, env: Env = process.env): void {
  const alsoEnv = !FALSE.includes(env['DOCKER_METADATA_SET_OUTPUT_ENV'] ?? '') && !!env['GITHUB_ENV'];
  for (const [name, value] of Object.entries(outputs)) {
    setOutput(name, value, env);
    if (!alsoEnv || !ENV_OUTPUTS.includes(name)) continue;
    const d = exportDecision(envName(name), value);
    if (d.warning) warning(d.warning);
    if (d.exported) exportVariable(envName(name), value, env);
  }
}

/** The `skipped-tags` output: `name:tag`, one a line, of the tags the guard did not move (engine/steps/guard.ts). */
export function skippedTagsOutput(skipped: {name: string; tag: string}[]): string {
  return skipped.map(s => `${s.name}:${s.tag}`).join('\n');
}

/**
 * The `images` output of a publish and of a merge: one entry per build, from what the registry holds
 * (each platform's digest and size), with the per-platform tags of `arch-tags` when the plan has them.
 */
export function imagesOutput(results: PublishResult[]): string {
  return JSON.stringify(
    results.map(r => ({
      id: r.build.id,
      names: r.build.images,
      digest: r.digest || null,
      tags: r.build.tags,
      ...(r.build.archTags ? {archTags: r.build.archTags.flatMap(a => a.tags)} : {}),
      pushed: r.build.push,
      platforms: r.images[0]?.platforms.map(pl => ({platform: pl.platform, digest: pl.digest, size: pl.size})) ?? r.build.platforms.map(pl => ({platform: pl, digest: null, size: null})),
      buildSeconds: Math.round(r.seconds * 10) / 10
    }))
  );
}

/**
 * The outputs of a build leg (mode: build): `digests`, one entry per image name and platform it pushed
 * ({id, image, platform, digest of the platform manifest, content pushed by digest, record tag}), and
 * `digest`/`metadata` as publish writes them. No tag moved, so no `images` or `tags`.
 */
export function legOutputs(digests: {id: string; image: string; platform: string; digest: string; content: string; record: string}[], metadata: Record<string, unknown>): Record<string, string> {
  return {digests: JSON.stringify(digests), digest: digests[0]?.content ?? '', metadata: JSON.stringify(metadata)};
}

/**
 * The outputs of a signing run (sign: key or keyless, engine/sign.ts): `signatures`, per image name the
 * digests signed ({digest, platform: 'index' or os/arch, signature: the tag of its signature}; keyless:
 * the certificate's identity and issuer too), and `verify-commands`, one `cosign verify` line per image
 * for the index its tags point at (keyless: pinning that identity and issuer).
 */
export function signingOutputs(result: SignResult, indexes: {name: string; digest: string}[]): Record<string, string> {
  const signatures: Record<string, {digest: string; platform: string; signature: string; identity?: string; issuer?: string}[]> = {};
  for (const s of result.signed) (signatures[s.name] ??= []).push({digest: s.digest, platform: s.platform, signature: s.signature, ...(result.keyless ? {identity: result.keyless.identity, issuer: result.keyless.issuer} : {})});
  return {signatures: JSON.stringify(signatures), 'verify-commands': indexes.map(i => verifyCommand(i.name, i.digest, verifyHow(result))).join('\n')};
}
