/**
 * The metadata engine: tags, labels and annotations from the inputs and the GitHub context, identical to
 * docker/metadata-action's for the same inputs. Pure: everything it needs is handed to it.
 */
import {InputError, InputErrors} from '../inputs/errors.js';
import type {Context} from '../context/index.js';
import {prepareExpressions, render, globalScope, type ExpressionContext} from './expressions.js';
import {computeVersion, tagNames, sanitizeTag, type Version} from './version.js';
import {defaultOciEntries, resolveLabels, resolveAnnotations, toLines, type RepoInfo, type CustomEntry} from './labels.js';
import type {TagExpression} from './tag.js';
import type {Flavor} from './flavor.js';

export type {RepoInfo} from './labels.js';

export interface MetadataInputs {
  tags: TagExpression[];
  flavor: Flavor;
  labels: CustomEntry[];
  annotations: CustomEntry[];
  /** The version read from `version-file`, if any. */
  fileVersion?: string;
  /** Annotation levels of the outputs (DOCKER_METADATA_ANNOTATIONS_LEVELS), default `manifest`. */
  annotationLevels: string[];
}

export interface Metadata {
  version: Version;
  /** Tag names without an image: version, partial tags, latest. */
  tagNames: string[];
  /** The tag names that stand for "latest" in this run. */
  latestTags: string[];
  /** `key=value`, sorted. */
  labels: string[];
  /** `level:key=value`, level by level. */
  annotations: string[];
  /** The eight default OCI entries, for per-build overrides. */
  defaults: string[];
  expressionContext: ExpressionContext;
  warnings: string[];
}

/** Every text that may hold an expression, so the engine is loaded only when one does. */
function expressionTexts(inp: MetadataInputs): string[] {
  return [
    ...inp.tags.flatMap(t => Object.values(t.attrs)),
    inp.flavor.prefix,
    inp.flavor.suffix,
    ...inp.labels.map(l => l.text),
    ...inp.annotations.map(a => a.text)
  ];
}

export function expressionContext(ctx: Context): ExpressionContext {
  return {
    ref: ctx.ref,
    sha: ctx.sha,
    shortSha: ctx.shortSha,
    eventName: ctx.eventName,
    payload: ctx.payload,
    now: ctx.now,
    commitDate: ctx.commitDate ?? ctx.now
  };
}

/** True when some expression reads the commit date (the caller then resolves it, maybe through the API). */
export function needsCommitDate(inp: MetadataInputs): boolean {
  return expressionTexts(inp).some(t => t.includes('commit_date'));
}

export async function computeMetadata(inp: MetadataInputs, ctx: Context, repo: RepoInfo): Promise<Metadata> {
  await prepareExpressions(expressionTexts(inp));
  const warnings: string[] = [];
  const errors: InputError[] = [];
  const ectx = expressionContext(ctx);

  const version = computeVersion(
    {tags: inp.tags, flavor: inp.flavor, defaultBranch: repo.defaultBranch || ctx.defaultBranch, fileVersion: inp.fileVersion},
    ectx,
    m => warnings.push(m),
    (tag, message) => errors.push(new InputError('tags', message, tag.line, tag.source))
  );

  // Render each custom line once on its own, so that a broken expression is reported with its line.
  const scope = globalScope(ectx);
  for (const [input, entries] of [['labels', inp.labels], ['annotations', inp.annotations]] as const) {
    for (const entry of entries) {
      try {
        render(entry.text, scope);
      } catch (e) {
        errors.push(new InputError(input, (e as Error).message, entry.line, entry.text));
      }
    }
  }
  if (errors.length) throw new InputErrors(errors);

  const names = tagNames(version, inp.flavor);
  const defaults = defaultOciEntries(repo, version.main, ctx.now, ctx.sha);
  return {
    version,
    tagNames: names,
    latestTags: version.latest ? [names[names.length - 1]] : [sanitizeTag(`${inp.flavor.prefixLatest ? inp.flavor.prefix : ''}latest${inp.flavor.suffixLatest ? inp.flavor.suffix : ''}`)],
    labels: toLines(resolveLabels(defaults, inp.labels, ectx)),
    annotations: resolveAnnotations(defaults, inp.annotations, ectx, inp.annotationLevels),
    defaults,
    expressionContext: ectx,
    warnings
  };
}

/** `image:tag` for every image and tag name, image by image; bare tag names when there is no image. */
export function imageTags(images: string[], names: string[]): string[] {
  if (images.length === 0) return [...names];
  return images.flatMap(image => names.map(n => `${image}:${n}`));
}
