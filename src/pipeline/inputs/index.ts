/**
 * Every input of action.yml -> one typed Inputs object. All validation and every input error live here:
 * a malformed line fails the step, naming the input and quoting the line, before anything else happens.
 * Errors are collected, so one run reports all of them.
 */
import {checkPromoteInputs, registryHost, type PromoteInputs} from './promote.js';
import {parsePruneInputs, type PruneInputs} from './prune.js';
import {checkVerifyInputs, type VerifyInputs} from './verify.js';
import {splitFields, splitKeyValue} from './csv.js';
import {InputError, InputErrors} from './errors.js';
import {checkBuilderName, checkImageInput} from './engine.js';
import {parseSecrets, type BuildSecret} from './secrets.js';
import {checkSignInputs, SIGN_MODES, type SignInputs} from './sign.js';
import {parseTagExpression, sortByPriority, DEFAULT_TAG_EXPRESSIONS, type TagExpression} from '../metadata/tag.js';
import {applyFlavorLine, DEFAULT_FLAVOR, type Flavor} from '../metadata/flavor.js';
import {splitAnnotationLevel, type CustomEntry} from '../metadata/labels.js';
import {parsePolicyRule, type PolicyRule} from '../policy.js';
import {parseCacheMountLine, type CacheMountsInput} from '../cache-mounts.js';
import {parsePlatform, formatPlatform, splitPlatforms} from '../../lib/platform.js';
import {registryDomain} from '../../lib/reference.js';
import {rawInput, type Env} from '../../action/runner.js';
import {parseRunners} from '../legs.js';

export const DEFAULT_REGISTRY = 'ghcr.io';
export const DEFAULT_PLATFORMS = ['linux/amd64', 'linux/arm64'];
/** Where the cache-mount copy steps run by default: a small image with sh and tar. */
export const DEFAULT_CACHE_MOUNTS_IMAGE = 'docker.io/library/busybox:stable';

/** One line of the `images` input. */
export interface ImageSpec {
  name: string;
  enable: boolean;
  file?: string;
  context: string;
  target?: string;
  platforms?: string[];
  title?: string;
  description?: string;
  line: number;
  /** The line as written, for messages (the whole line for the legacy comma-separated list). */
  text?: string;
}

export interface Line {
  line: number;
  text: string;
}

export type PushMode = 'auto' | 'true' | 'false';

/** What one run of the action does: everything in one job, or one part of plan -> build legs -> merge. */
export const MODES = ['publish', 'plan', 'build', 'merge', 'promote', 'rollback', 'history', 'verify', 'prune'] as const;
export type Mode = (typeof MODES)[number];
/** Modes this version runs; the others are refused before anything happens. */
export const AVAILABLE_MODES: readonly Mode[] = ['publish', 'plan', 'build', 'merge', 'promote', 'rollback', 'history', 'verify', 'prune'];

export interface Inputs {
  images: ImageSpec[];
  /** `images` given and empty: tags are bare (no image name), as metadata-action writes them. */
  bareTags: boolean;
  registry: string;
  platforms: string[];
  tags: TagExpression[];
  flavor: Flavor;
  labels: CustomEntry[];
  annotations: CustomEntry[];
  versionFile?: string;
  sepTags: string;
  sepLabels: string;
  sepAnnotations: string;
  /** Name of the target in the bake-file outputs (metadata-action's `bake-target`). */
  bakeTarget: string;
  policy: PolicyRule[];
  /** `dry-run` as given, else the mode's default: true for prune (it deletes only with dry-run: false), false otherwise. */
  dryRun: boolean;
  /** `publish` (default): everything in one job; `plan`: write the plan document and stop. */
  mode: Mode;
  /** The `plan` input as written (a plan document), read by the build and merge modes (plan-document.ts). */
  planDocument: string;
  /** The `runners` input as written (a JSON map from platform to runner label; legs.ts), read by mode: plan. */
  runners: string;
  /** Every release tag also gets per-platform tags `<tag>-<arch>` (arch-tags.ts). */
  archTags: boolean;
  /** `mode: promote`: the source (a tag or digest) and the target tags (inputs/promote.ts). */
  promote: PromoteInputs;
  /** `mode: verify` and `mode: promote`: what every image must carry (require-signature, require-attestations; inputs/verify.ts). */
  verify: VerifyInputs;
  /** `mode: prune`: what is kept and what may be deleted (inputs/prune.ts). */
  prune: PruneInputs;
  push: PushMode;
  buildArgs: string[];
  defaultBuildArgs: boolean;
  summary: boolean;
  githubToken: string;
  /** `sign`, `cosign-key`, `cosign-password`, `transparency-log`, `fulcio-url`, `rekor-url` (inputs/sign.ts); key and password are secrets. */
  sign: SignInputs;
  /** `github-attestations`: a SLSA provenance attestation of every pushed index through GitHub's attestation API (engine/attest.ts). */
  githubAttestations: boolean;
  engine: EngineInputs;
}

/** Inputs of the publishing engine (ignored by dry runs, validated all the same). */
export interface EngineInputs {
  setupQemu: 'auto' | 'true' | 'false';
  qemuImage: string;
  builder: string;
  buildkitImage: string;
  /** The `registry-auth` YAML as written; parsed by parseRegistryAuth (it needs the yaml parser). */
  registryAuth: string;
  /** Build secrets of `secrets`, `secret-files` and `secret-envs` (secrets.ts), never printed. */
  secrets: BuildSecret[];
  /** Warnings about them (a value too short to mask well), naming input and line, never a value. */
  secretWarnings: string[];
  cache: 'auto' | 'registry' | 'gha' | 'local' | 'none';
  cacheFrom: string[];
  cacheTo: string[];
  provenance: string;
  sbom: string;
  /** Move mutable tags even to content older than what they point at (the guard: engine/steps/guard.ts). */
  forceTags: boolean;
  noCache: boolean;
  pull: boolean;
  /** How long one tag write is retried on transient registry failures (and the restore after), seconds. */
  tagRetryTimeout: number;
  /** `RUN --mount=type=cache` content kept across runs: found in the Dockerfiles, none, or the listed ones. */
  cacheMounts: CacheMountsInput;
  /** The image the cache-mount copy steps run in (it needs sh and tar). */
  cacheMountsImage: string;
  /** `remove` (default): no staging tag stays in the registry; `keep`: every image also keeps `mp-staging-<run>-<attempt>-<sha>`. */
  stagingTags: 'remove' | 'keep';
  /** `index` (default): attestation manifests in the image index, as BuildKit writes them; `referrers`: moved out, as OCI 1.1 referrers of each platform (steps/attestation-storage.ts). */
  attestationStorage: 'index' | 'referrers';
}

export {parseRegistryAuth, type RegistryCredential} from './registry-auth.js';

/** The non-empty, non-comment lines of a multi-line input, with their line numbers. */
export function inputLines(value: string | undefined): Line[] {
  if (!value) return [];
  return value
    .split(/\r?\n/)
    .map((text, i) => ({line: i + 1, text: text.trim()}))
    .filter(l => l.text !== '' && !l.text.startsWith('#'));
}

class Reader {
  readonly errors: InputError[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    return rawInput(name, this.env);
  }

  text(name: string, fallback = ''): string {
    const v = this.raw(name);
    return v === undefined || v.trim() === '' ? fallback : v.trim();
  }

  /** A separator keeps its whitespace (a single space is a valid separator); empty means newline. */
  separator(name: string): string {
    const v = this.raw(name);
    return v === undefined || v === '' ? '\n' : v;
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.text(name);
    if (v === '') return fallback;
    if (['true', 'True', 'TRUE'].includes(v)) return true;
    if (['false', 'False', 'FALSE'].includes(v)) return false;
    this.errors.push(new InputError(name, 'expected true or false', undefined, v));
    return fallback;
  }

  /** A duration in seconds, 0 to `max` (decimals allowed). */
  seconds(name: string, fallback: number, max: number): number {
    const v = this.text(name);
    if (v === '') return fallback;
    if (/^\d+(?:\.\d+)?$/.test(v) && Number(v) <= max) return Number(v);
    this.errors.push(new InputError(name, `expected a number of seconds from 0 to ${max}`, undefined, v.slice(0, 40)));
    return fallback;
  }

  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const v = this.text(name);
    if (v === '') return fallback;
    // YAML writes booleans as true/True/TRUE; choices are matched the same way
    if ((choices as readonly string[]).includes(v.toLowerCase())) return v.toLowerCase() as T;
    this.errors.push(new InputError(name, `expected one of ${choices.join(', ')}`, undefined, v));
    return fallback;
  }

  /** Parses every line with `parse`; a thrown Error becomes an InputError naming the input and the line. */
  lines<T>(name: string, parse: (text: string, line: number) => T): T[] {
    const out: T[] = [];
    for (const {line, text} of inputLines(this.raw(name))) {
      try {
        out.push(parse(text, line));
      } catch (e) {
        this.errors.push(e instanceof InputError ? e : new InputError(name, (e as Error).message, line, text));
      }
    }
    return out;
  }
}

const IMAGE_KEYS = ['name', 'enable', 'file', 'context', 'target', 'platforms', 'title', 'description'];

/** A repository name as a registry takes it: `[domain[:port]/]path`, no tag or digest. */
function checkImageName(name: string): void {
  if (/\s/.test(name)) throw new Error(`image name "${name}" contains whitespace`);
  const last = name.split('/').pop() ?? '';
  if (last.includes('@')) throw new Error(`image name "${name}" has a digest; give the name only`);
  if (last.includes(':')) throw new Error(`image name "${name}" has a tag; give the name only (tags come from the tags input)`);
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) throw new Error(`image name "${name}" has an empty path component`);
  const domain = registryDomain(name);
  const path = name.split('/').slice(domain === undefined ? 0 : 1);
  if (domain !== undefined && !/^[A-Za-z0-9.-]+(:\d+)?$/.test(domain)) throw new Error(`image name "${name}" has an invalid registry "${domain}"`);
  for (const component of path) {
    if (!/^[A-Za-z0-9]+(?:(?:[._]|__|-+)[A-Za-z0-9]+)*$/.test(component)) {
      throw new Error(`image name "${name}" has an invalid path component "${component}" (letters, digits and single . _ - separators)`);
    }
  }
}

function parsePlatformList(text: string): string[] {
  const list = splitPlatforms(text).map(p => formatPlatform(parsePlatform(p)));
  if (list.length === 0) throw new Error('no platform given');
  return [...new Set(list)];
}

/** One line of `images`: `name[,key=value...]`, metadata-action's image syntax plus build attributes. */
export function parseImageLine(text: string, line: number): ImageSpec {
  const image: ImageSpec = {name: '', enable: true, context: '.', line, text};
  let lastKey: string | undefined;
  // each attribute once: `file=a,file=b` is a mistake, not "the last one wins" (the name counts as given bare too)
  const seen = new Set<string>();
  const once = (key: string) => {
    if (seen.has(key)) throw new Error(`${key === 'name' ? 'the image name' : `attribute "${key}"`} is given twice; give each attribute once`);
    seen.add(key);
  };
  let fields: string[];
  try {
    fields = splitFields(text);
  } catch (e) {
    // `platforms="a,b"`: csv quotes protect a whole field, not a value
    const quoted = /(?:^|,)\s*([A-Za-z]+)\s*=\s*"([^"]*)"/.exec(text);
    const hint = quoted ? ` (to keep commas in a value, quote the whole field: "${quoted[1]}=${quoted[2]}")` : '';
    throw new Error(`cannot be read as comma-separated fields: ${(e as Error).message}${hint}`);
  }
  for (const field of fields) {
    const {key, value} = splitKeyValue(field);
    if (key === undefined) {
      if (lastKey === 'platforms' && value.includes('/')) {
        // `platforms=linux/amd64,linux/arm64` unquoted: the comma split the list; take it back
        image.platforms = parsePlatformList([...(image.platforms ?? []), value].join(','));
        continue;
      }
      if (image.name) throw new Error(`unexpected field "${value}" (the name is already "${image.name}"; attributes are key=value)`);
      once('name');
      image.name = value;
      continue;
    }
    lastKey = key;
    if (IMAGE_KEYS.includes(key)) once(key);
    switch (key) {
      case 'name':
        image.name = value;
        break;
      case 'enable':
        if (!['true', 'false'].includes(value)) throw new Error(`invalid enable "${value}" (true or false)`);
        image.enable = value === 'true';
        break;
      case 'file':
      case 'context':
      case 'target':
      case 'title':
      case 'description':
        if (value === '' && key !== 'description') throw new Error(`${key}= is empty`);
        image[key] = value;
        break;
      case 'platforms':
        image.platforms = parsePlatformList(value);
        break;
      default:
        throw new Error(`unknown image attribute "${key}" (one of ${IMAGE_KEYS.join(', ')})`);
    }
  }
  if (!image.name) throw new Error('image name is empty');
  checkImageName(image.name);
  return image;
}

/** metadata-action's older format: one line of bare, comma-separated names. */
function legacyImageList(lines: Line[]): ImageSpec[] | undefined {
  if (lines.length !== 1) return undefined;
  let fields: string[];
  try {
    fields = splitFields(lines[0].text);
  } catch {
    return undefined;
  }
  if (fields.length < 2 || fields.some(f => f.includes('='))) return undefined;
  return fields.map(f => ({...parseImageLine(f.trim(), lines[0].line), text: lines[0].text}));
}

function parseRegistry(value: string): string {
  const r = value.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  if (!/^[A-Za-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)*$/.test(r)) throw new Error('not a registry host (e.g. ghcr.io, docker.io, 127.0.0.1:5000)');
  return r.toLowerCase();
}

const CACHE_TYPES = ['registry', 'local', 'gha', 's3', 'azblob', 'inline'];

/** A cache-from/cache-to line as buildx takes it: `type=...,key=value...`, or an image reference. */
function parseCacheEntry(text: string): string {
  const fields = splitFields(text);
  const type = fields.map(f => splitKeyValue(f)).find(f => f.key === 'type');
  if (type) {
    if (!CACHE_TYPES.includes(type.value)) throw new Error(`unknown cache type "${type.value}" (one of ${CACHE_TYPES.join(', ')})`);
    const bare = fields.find(f => !f.includes('='));
    if (bare !== undefined) throw new Error(`"${bare.trim()}" is not a key=value attribute`);
  } else if (fields.length !== 1 || /\s|=/.test(text)) {
    throw new Error('a cache entry is type=<type>,key=value... or an image reference (e.g. ghcr.io/org/app:buildcache)');
  }
  return text;
}

/** provenance/sbom as build-push-action takes them: true, false, or key=value attributes. */
function attestationInput(r: Reader, name: string): string {
  const value = r.text(name);
  if (value === '' || /^(true|false)$/i.test(value)) return value.toLowerCase();
  try {
    const bad = splitFields(value).find(f => !/^[A-Za-z-]+=/.test(f.trim()));
    if (bad === undefined) return value;
    r.errors.push(new InputError(name, `"${bad.trim()}" is not true, false or a key=value attribute (e.g. mode=max)`, undefined, value));
  } catch (e) {
    r.errors.push(new InputError(name, (e as Error).message, undefined, value));
  }
  return '';
}

/** `cache-mounts`: auto (the default), true (the same), false, or one mount a line. */
function cacheMountsInput(r: Reader): CacheMountsInput {
  const v = r.text('cache-mounts');
  if (v === '' || /^(auto|true)$/i.test(v)) return {mode: 'auto'};
  if (/^false$/i.test(v)) return {mode: 'false'};
  return {mode: 'list', mounts: r.lines('cache-mounts', parseCacheMountLine)};
}

/** `workspace`: what relative `secret-files` paths are relative to. */
export function getInputs(env: Env = process.env, workspace: string = env['GITHUB_WORKSPACE'] || process.cwd()): Inputs {
  const r = new Reader(env);

  const imagesRaw = r.raw('images');
  // The runner always sets an input that action.yml defaults; an unset one (local runs) means the repository.
  const imageText = imagesRaw === undefined ? (env['GITHUB_REPOSITORY'] ?? '') : imagesRaw;
  const imageLines = inputLines(imageText);
  let images: ImageSpec[] | undefined;
  try {
    images = legacyImageList(imageLines);
  } catch (e) {
    r.errors.push(new InputError('images', (e as Error).message, imageLines[0].line, imageLines[0].text));
    images = [];
  }
  if (images === undefined) {
    images = [];
    for (const {line, text} of imageLines) {
      try {
        images.push(parseImageLine(text, line));
      } catch (e) {
        r.errors.push(new InputError('images', (e as Error).message, line, text));
      }
    }
  }

  let registry = DEFAULT_REGISTRY;
  const registryText = r.text('registry');
  if (registryText) {
    try {
      registry = parseRegistry(registryText);
    } catch (e) {
      r.errors.push(new InputError('registry', (e as Error).message, undefined, registryText));
    }
  }

  let platforms = DEFAULT_PLATFORMS;
  const platformText = r.text('platforms');
  if (platformText) {
    try {
      platforms = parsePlatformList(platformText);
    } catch (e) {
      r.errors.push(new InputError('platforms', (e as Error).message, undefined, platformText));
    }
  }

  let tags: TagExpression[] = r.lines('tags', (text, line) => ({...parseTagExpression(text), line}));
  if (inputLines(r.raw('tags')).length === 0) tags = DEFAULT_TAG_EXPRESSIONS.map(t => parseTagExpression(t));
  tags = sortByPriority(tags);

  let flavor = DEFAULT_FLAVOR;
  r.lines('flavor', text => (flavor = applyFlavorLine(flavor, text)));

  const labels = r.lines('labels', (text, line) => {
    if (text.startsWith('=')) throw new Error('label has an empty key');
    return {text, line};
  });
  const annotations = r.lines('annotations', (text, line) => {
    const entry = splitAnnotationLevel(text);
    if (entry.text.startsWith('=')) throw new Error('annotation has an empty key');
    return {...entry, line};
  });

  const policy = r.lines('policy', text => parsePolicyRule(text));

  const bakeTarget = r.text('bake-target', 'docker-metadata-action');
  // buildx's own rule for target names (targetNamePattern in bake/bake.go): a bad name would only fail
  // the user's later bake step, far from its cause.
  if (!/^[a-zA-Z0-9_-]+$/.test(bakeTarget)) r.errors.push(new InputError('bake-target', 'a bake target name is made of letters, digits, "_" and "-" only (as buildx requires)', undefined, bakeTarget));

  const buildArgs = r.lines('build-args', text => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(text)) throw new Error('a build argument is written NAME=value');
    return text;
  });

  const signed = checkSignInputs({
    mode: r.choice('sign', SIGN_MODES, 'none'),
    // secrets: read as given (a PEM's line breaks matter), never quoted in a message
    key: r.raw('cosign-key') ?? '',
    password: r.raw('cosign-password') ?? '',
    transparencyLog: r.bool('transparency-log', true),
    transparencyLogGiven: r.text('transparency-log') !== '',
    fulcioUrl: r.text('fulcio-url'),
    rekorUrl: r.text('rekor-url')
  });
  r.errors.push(...signed.errors);

  const secrets = parseSecrets({secrets: r.raw('secrets'), files: r.raw('secret-files'), envs: r.raw('secret-envs')}, env, workspace);
  r.errors.push(...secrets.errors);

  const mode = r.choice('mode', MODES, 'publish');
  const prune = parsePruneInputs({keep: r.text('keep'), keepTags: inputLines(r.raw('keep-tags')), deleteUntagged: r.text('delete-untagged'), olderThan: r.text('older-than'), api: r.text('prune-api')});
  r.errors.push(...prune.errors);

  const inputs: Inputs = {
    images,
    bareTags: imagesRaw !== undefined && imageLines.length === 0,
    registry,
    platforms,
    tags,
    flavor,
    labels,
    annotations,
    versionFile: r.text('version-file') || undefined,
    sepTags: r.separator('sep-tags'),
    sepLabels: r.separator('sep-labels'),
    sepAnnotations: r.separator('sep-annotations'),
    bakeTarget,
    policy,
    dryRun: r.bool('dry-run', mode === 'prune'),
    mode,
    planDocument: r.raw('plan') ?? '',
    runners: r.raw('runners') ?? '',
    archTags: r.bool('arch-tags', false),
    verify: {attestations: []},
    promote: {from: r.text('from'), to: r.lines('to', (tag, line) => ({tag, line})), steps: /^\d{1,4}$/.test(r.text('steps')) ? Number(r.text('steps')) : 1, stepsGiven: r.text('steps') !== '', toRegistry: registryHost(r.text('to-registry'))},
    prune: prune.prune,
    push: r.choice('push', ['auto', 'true', 'false'] as const, 'auto'),
    buildArgs,
    defaultBuildArgs: r.bool('default-build-args', true),
    summary: r.bool('summary', true),
    githubToken: r.text('github-token'),
    sign: signed.sign,
    githubAttestations: r.bool('github-attestations', false),
    engine: {
      setupQemu: r.choice('setup-qemu', ['auto', 'true', 'false'] as const, 'auto'),
      qemuImage: r.text('qemu-image', 'tonistiigi/binfmt:latest'),
      builder: r.text('builder'),
      buildkitImage: r.text('buildkit-image'),
      registryAuth: r.raw('registry-auth') ?? '',
      secrets: secrets.secrets,
      secretWarnings: secrets.warnings,
      cache: r.choice('cache', ['auto', 'registry', 'gha', 'local', 'none'] as const, 'auto'),
      cacheFrom: r.lines('cache-from', parseCacheEntry),
      cacheTo: r.lines('cache-to', parseCacheEntry),
      provenance: attestationInput(r, 'provenance'),
      sbom: attestationInput(r, 'sbom'),
      forceTags: r.bool('force-tags', false),
      noCache: r.bool('no-cache', false),
      pull: r.bool('pull', false),
      tagRetryTimeout: r.seconds('tag-retry-timeout', 60, 3600),
      cacheMounts: cacheMountsInput(r),
      cacheMountsImage: r.text('cache-mounts-image', DEFAULT_CACHE_MOUNTS_IMAGE),
      stagingTags: r.choice('staging-tags', ['remove', 'keep'] as const, 'remove'),
      attestationStorage: r.choice('attestation-storage', ['index', 'referrers'] as const, 'index')
    }
  };
  const engineErrors = [
    checkImageInput('qemu-image', inputs.engine.qemuImage),
    inputs.engine.buildkitImage ? checkImageInput('buildkit-image', inputs.engine.buildkitImage) : undefined,
    inputs.engine.builder ? checkBuilderName(inputs.engine.builder) : undefined,
    checkImageInput('cache-mounts-image', inputs.engine.cacheMountsImage)
  ];
  for (const e of engineErrors) if (e) r.errors.push(e);
  try {
    parseRunners(inputs.runners);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    r.errors.push(e);
  }
  r.errors.push(...checkPromoteInputs(inputs.mode, inputs.promote.from, inputs.promote.to, {value: r.text('steps'), given: r.text('steps') !== ''}, r.text('to-registry')));
  const verify = checkVerifyInputs(inputs.mode, r.raw('require-signature') ?? '', r.text('require-attestations'), workspace);
  inputs.verify = verify.verify;
  r.errors.push(...verify.errors);
  if (!AVAILABLE_MODES.includes(inputs.mode)) {
    r.errors.push(new InputError('mode', `mode: ${inputs.mode} is not available yet in this version (available: ${AVAILABLE_MODES.join(', ')}); nothing was logged in to, built or pushed`));
  }
  if (r.errors.length) throw new InputErrors(r.errors);
  return inputs;
}
