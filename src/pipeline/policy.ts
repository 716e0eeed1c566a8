/**
 * Tag policy: rules that refuse a bad release before anything is built. Every violation is reported,
 * each naming the image and the tag; the verdict is part of the plan.
 */
import * as semver from '../lib/semver.js';
import {canonicalName, isDockerHub, registryDomain} from '../lib/reference.js';
import {holdsCommitSha} from './tag-kinds.js';
import {parseSize} from '../lib/size.js';

export type PolicyRule =
  | {kind: 'allow-tags'; source: string; pattern: RegExp}
  /** `canonical` is the glob over canonical image names (`acme/*` -> `docker.io/acme/*`). */
  | {kind: 'deny-latest'; source: string; glob: string; canonical: string; pattern: RegExp}
  | {kind: 'require-sha'; source: string; enabled: boolean}
  /** `full`: the glob starts with `refs/` and is matched against the full ref, else against its short name. */
  | {kind: 'require-semver'; source: string; glob: string; full: boolean; pattern: RegExp}
  | {kind: 'max-tags'; source: string; max: number}
  /**
   * A size budget: the compressed size of each platform image of a matching image (glob as deny-latest's)
   * may not exceed `bytes`. Checked once the content is in the registry, before any tag moves
   * (engine/steps/budget.ts); at plan time it only warns when it matches no image.
   */
  | {kind: 'max-size'; source: string; glob: string; canonical: string; pattern: RegExp; bytes: number; unit: string; size: string};

export const POLICY_RULES = ['allow-tags', 'deny-latest', 'require-sha', 'require-semver', 'max-tags', 'max-size'] as const;

export interface Violation {
  rule: string;
  image: string;
  tag?: string;
  message: string;
}

export interface PolicyVerdict {
  allowed: boolean;
  rules: string[];
  violations: Violation[];
  /** Rules that apply to nothing in this run (a glob that matches no image, or not the ref): not a refusal. */
  warnings: string[];
}

/**
 * A glob over image names and refs: `?` matches one character and `*` any run of characters within one
 * `/`-separated segment, `**` any run across segments, and a `*` that ends the glob matches the rest of
 * the name at any depth (`ghcr.io/acme/*` matches `ghcr.io/acme/tools/cli`). Anchored at both ends.
 */
export function globToRegExp(glob: string, flags = ''): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += i === glob.length - 1 ? '.*' : '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, flags);
}

const WILDCARD = /[*?]/;

/**
 * An image-name glob in the canonical form the names are matched in (see canonicalName): lowercase;
 * without a registry domain it is a Docker Hub glob (`acme/*` -> `docker.io/acme/*`, `app` ->
 * `docker.io/library/app`); `index.docker.io/...` is `docker.io/...`. A glob whose first segment holds
 * a wildcard (`*`, `**`, `*.io/acme/app`) already spans registries and is kept as written (lowercased).
 */
export function canonicalImageGlob(glob: string): string {
  const lower = glob.toLowerCase();
  const first = lower.split('/')[0];
  if (WILDCARD.test(first)) return lower;
  const domain = registryDomain(lower);
  const path = domain === undefined ? lower : lower.slice(domain.length + 1);
  // a wildcard path on Docker Hub (`docker.io/*`) is not one official image: no `library/` is added
  if ((domain === undefined || isDockerHub(domain)) && WILDCARD.test(path)) return `docker.io/${path}`;
  return canonicalName(lower);
}

function checkImageGlob(kind: string, glob: string): void {
  if (/\s/.test(glob)) throw new Error(`${kind}: an image-name glob holds no whitespace: "${glob}"`);
  const slash = glob.indexOf('/');
  // a `:` is a port only in the registry domain (`localhost:5000/app`); elsewhere it starts a tag
  if (glob.includes('@') || glob.slice(slash < 0 ? 0 : slash).includes(':')) {
    throw new Error(`${kind} takes a glob over image names, without a tag or digest (e.g. ghcr.io/org/*), not "${glob}"`);
  }
}

/** The short name of a ref: `refs/tags/v1.2.3` -> `v1.2.3`, `refs/heads/release/1.x` -> `release/1.x`, `refs/pull/12/merge` -> `pull/12/merge`. */
export function shortRef(ref: string): string {
  return ref.replace(/^refs\/(?:heads\/|tags\/)?/, '');
}

/** Parses one policy line; throws an Error with the reason when the rule is unknown or malformed. */
export function parsePolicyRule(source: string): PolicyRule {
  const i = source.indexOf('=');
  if (i <= 0) throw new Error(`a rule is written rule=value (one of ${POLICY_RULES.join(', ')})`);
  const kind = source.slice(0, i).trim().toLowerCase();
  const value = source.slice(i + 1).trim();
  switch (kind) {
    case 'allow-tags': {
      if (!value) throw new Error('allow-tags needs a regular expression');
      try {
        return {kind, source, pattern: new RegExp(`^(?:${value})$`)};
      } catch (e) {
        throw new Error(`allow-tags: the regular expression does not compile: ${(e as Error).message}`);
      }
    }
    case 'deny-latest': {
      if (!value) throw new Error('deny-latest needs a glob (e.g. ghcr.io/org/*)');
      checkImageGlob(kind, value);
      const canonical = canonicalImageGlob(value);
      return {kind, source, glob: value, canonical, pattern: globToRegExp(canonical, 'i')};
    }
    case 'require-semver':
      if (!value) throw new Error('require-semver needs a glob (e.g. refs/tags/v*)');
      return {kind, source, glob: value, full: value.startsWith('refs/'), pattern: globToRegExp(value)};
    case 'require-sha':
      if (!['true', 'false'].includes(value)) throw new Error(`require-sha takes true or false, not "${value}"`);
      return {kind, source, enabled: value === 'true'};
    case 'max-tags': {
      if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`max-tags takes a whole number of at least 1, not "${value}"`);
      return {kind, source, max: Number(value)};
    }
    case 'max-size': {
      // the size follows the last `:` (a registry's port is in the glob: localhost:5000/app:1GB)
      const colon = value.lastIndexOf(':');
      if (colon <= 0 || !value.slice(colon + 1).trim()) throw new Error(`max-size is written max-size=<image glob>:<size> (e.g. max-size=**/api:500MB), not "${value}"`);
      const glob = value.slice(0, colon).trim();
      checkImageGlob(kind, glob);
      let size;
      try {
        size = parseSize(value.slice(colon + 1));
      } catch (e) {
        throw new Error(`max-size: ${(e as Error).message}`);
      }
      const canonical = canonicalImageGlob(glob);
      return {kind, source, glob, canonical, pattern: globToRegExp(canonical, 'i'), bytes: size.bytes, unit: size.unit, size: value.slice(colon + 1).trim()};
    }
    default:
      throw new Error(`unknown policy rule "${kind}" (one of ${POLICY_RULES.join(', ')})`);
  }
}

/** What the policy looks at: each image with its tag names, whether it is pushed, and the ref. */
export interface PolicySubject {
  /**
   * `archTags`: the per-platform tags (`v1.2.3-amd64`) with the tag each one mirrors. allow-tags and
   * deny-latest check them as tags; max-tags, require-sha and require-semver look at the release tags only.
   */
  images: {name: string; tags: string[]; push: boolean; archTags?: {tag: string; base: string}[]}[];
  ref: string;
  sha: string;
  shortSha: string;
  /** Tag names that mean "latest" for this run (`latest`, or with the flavor's prefix/suffix). */
  latestTags: string[];
}

export function evaluatePolicy(rules: PolicyRule[], subject: PolicySubject): PolicyVerdict {
  const violations: Violation[] = [];
  const warnings: string[] = [];
  const label = (name: string) => name || '(bare tags: no image name)';
  // bare tags have no name to canonicalise: only a glob such as `*` or `**` matches them
  const canonical = (name: string) => (name ? canonicalName(name) : '');
  const short = shortRef(subject.ref);
  const refMatches = (rule: Extract<PolicyRule, {kind: 'require-semver'}>) => rule.pattern.test(rule.full ? subject.ref : short);
  for (const rule of rules) {
    if ((rule.kind === 'deny-latest' || rule.kind === 'max-size') && subject.images.length && !subject.images.some(i => rule.pattern.test(canonical(i.name)))) {
      const names = [...new Set(subject.images.map(i => (i.name ? canonical(i.name) : label('')))) ].join(', ');
      warnings.push(`${rule.source} matches no image of this run, so it checks nothing: the glob ${rule.canonical} is matched against the canonical image names ${names}`);
    }
    if (rule.kind === 'require-semver' && !refMatches(rule)) {
      warnings.push(
        rule.full
          ? `${rule.source} does not apply to this run: ${rule.glob} does not match the ref ${subject.ref || '(none)'}`
          : `${rule.source} does not apply to this run: ${rule.glob} does not match ${short ? `${short}, the short name of the ref ${subject.ref}` : 'the ref (none)'} (a glob starting with refs/ is matched against the full ref)`
      );
    }
    for (const image of subject.images) {
      const name = label(image.name);
      switch (rule.kind) {
        case 'allow-tags':
          for (const tag of image.tags) {
            if (!rule.pattern.test(tag)) violations.push({rule: rule.source, image: image.name, tag, message: `${name}:${tag} does not match allow-tags ${rule.pattern.source.slice(4, -2)}`});
          }
          for (const {tag} of image.archTags ?? []) {
            if (!rule.pattern.test(tag)) violations.push({rule: rule.source, image: image.name, tag, message: `${name}:${tag} (a per-platform tag of arch-tags) does not match allow-tags ${rule.pattern.source.slice(4, -2)}`});
          }
          break;
        case 'deny-latest':
          if (rule.pattern.test(canonical(image.name))) {
            for (const tag of image.tags.filter(t => t === 'latest' || subject.latestTags.includes(t))) {
              violations.push({rule: rule.source, image: image.name, tag, message: `${name} may not be tagged ${tag} (deny-latest ${rule.glob})`});
            }
            for (const {tag, base} of (image.archTags ?? []).filter(a => a.base === 'latest' || subject.latestTags.includes(a.base))) {
              violations.push({rule: rule.source, image: image.name, tag, message: `${name} may not be tagged ${tag}, the per-platform tag of ${base} (deny-latest ${rule.glob})`});
            }
          }
          break;
        case 'require-sha':
          if (rule.enabled && image.push) {
            // only the commit SHA itself counts, as a whole token of the tag (sha-860c190, 860c190-slim), at
            // least 7 hex characters from its start: not a run of digits that happens to contain it
            const ok = image.tags.some(t => holdsCommitSha(t, subject.sha));
            const shown = subject.shortSha.length >= 7 ? subject.shortSha : subject.sha.slice(0, 7);
            if (!ok) violations.push({rule: rule.source, image: image.name, message: `${name} has no tag that carries the commit SHA${subject.sha ? ` ${shown}` : ' (no commit SHA is known)'} as a whole token (require-sha)`});
          }
          break;
        case 'require-semver':
          if (refMatches(rule) && !image.tags.some(t => semver.valid(t) !== null)) {
            violations.push({rule: rule.source, image: image.name, message: `${name} has no semantic-version tag, which ${subject.ref} requires (require-semver ${rule.glob})`});
          }
          break;
        case 'max-tags':
          if (image.tags.length > rule.max) {
            violations.push({rule: rule.source, image: image.name, message: `${name} would get ${image.tags.length} tags, more than max-tags=${rule.max}: ${image.tags.join(', ')}`});
          }
          break;
      }
    }
  }
  return {allowed: violations.length === 0, rules: rules.map(r => r.source), violations, warnings};
}
