/**
 * Tag policy: rules that refuse a bad release before anything is built. Every violation is reported,
 * each naming the image and the tag; the verdict is part of the plan.
 */
import * as semver from '../lib/semver.js';

export type PolicyRule =
  | {kind: 'allow-tags'; source: string; pattern: RegExp}
  | {kind: 'deny-latest'; source: string; glob: string; pattern: RegExp}
  | {kind: 'require-sha'; source: string; enabled: boolean}
  | {kind: 'require-semver'; source: string; glob: string; pattern: RegExp}
  | {kind: 'max-tags'; source: string; max: number};

export const POLICY_RULES = ['allow-tags', 'deny-latest', 'require-sha', 'require-semver', 'max-tags'] as const;

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
}

/**
 * A glob over names and refs, as GitHub's workflow filters read them: `*` matches within one
 * `/`-separated segment, `**` across segments, `?` one character.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
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
    case 'deny-latest':
    case 'require-semver':
      if (!value) throw new Error(`${kind} needs a glob (e.g. ${kind === 'deny-latest' ? 'ghcr.io/org/*' : 'refs/tags/v*'})`);
      return {kind, source, glob: value, pattern: globToRegExp(value)};
    case 'require-sha':
      if (!['true', 'false'].includes(value)) throw new Error(`require-sha takes true or false, not "${value}"`);
      return {kind, source, enabled: value === 'true'};
    case 'max-tags': {
      if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`max-tags takes a whole number of at least 1, not "${value}"`);
      return {kind, source, max: Number(value)};
    }
    default:
      throw new Error(`unknown policy rule "${kind}" (one of ${POLICY_RULES.join(', ')})`);
  }
}

/** What the policy looks at: each image with its tag names, whether it is pushed, and the ref. */
export interface PolicySubject {
  images: {name: string; tags: string[]; push: boolean}[];
  ref: string;
  sha: string;
  shortSha: string;
  /** Tag names that mean "latest" for this run (`latest`, or with the flavor's prefix/suffix). */
  latestTags: string[];
}

export function evaluatePolicy(rules: PolicyRule[], subject: PolicySubject): PolicyVerdict {
  const violations: Violation[] = [];
  const label = (name: string) => name || '(bare tags: no image name)';
  for (const rule of rules) {
    for (const image of subject.images) {
      const name = label(image.name);
      switch (rule.kind) {
        case 'allow-tags':
          for (const tag of image.tags) {
            if (!rule.pattern.test(tag)) violations.push({rule: rule.source, image: image.name, tag, message: `${name}:${tag} does not match allow-tags ${rule.pattern.source.slice(4, -2)}`});
          }
          break;
        case 'deny-latest':
          if (rule.pattern.test(image.name)) {
            for (const tag of image.tags.filter(t => t === 'latest' || subject.latestTags.includes(t))) {
              violations.push({rule: rule.source, image: image.name, tag, message: `${name} may not be tagged ${tag} (deny-latest ${rule.glob})`});
            }
          }
          break;
        case 'require-sha':
          if (rule.enabled && image.push) {
            // an empty short SHA (DOCKER_METADATA_SHORT_SHA_LENGTH=0) is in every tag and carries no commit
            const short = subject.shortSha || subject.sha;
            const ok = subject.sha !== '' && image.tags.some(t => t.includes(short) || t.includes(subject.sha));
            if (!ok) violations.push({rule: rule.source, image: image.name, message: `${name} has no tag that carries the commit SHA${subject.sha ? ` ${short}` : ' (no commit SHA is known)'} (require-sha)`});
          }
          break;
        case 'require-semver':
          if (rule.pattern.test(subject.ref) && !image.tags.some(t => semver.valid(t) !== null)) {
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
  return {allowed: violations.length === 0, rules: rules.map(r => r.source), violations};
}
