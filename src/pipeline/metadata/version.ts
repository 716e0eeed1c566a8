/**
 * The version and the tag names: docker/metadata-action's rules, expression by expression in priority
 * order. The first non-empty value is the version (`main`), later ones are `partial` tags, and the first
 * expression that yields a value decides whether `latest` is added.
 */
import * as semver from '../../lib/semver.js';
import * as pep440 from '@renovatebot/pep440';
import {render, isRawStatement, globalScope, scheduleScope, type ExpressionContext} from './expressions.js';
import {matchRegex, type TagExpression} from './tag.js';
import type {Flavor} from './flavor.js';

export interface Version {
  main: string | undefined;
  partial: string[];
  latest: boolean;
}

export interface VersionInputs {
  tags: TagExpression[]; // already sorted by priority
  flavor: Flavor;
  defaultBranch: string;
  /** The release version from `version-file`, used by semver/pep440 expressions without `value=`. */
  fileVersion?: string;
}

/** What a registry accepts as a tag (the OCI distribution spec). */
export const OCI_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export function sanitizeTag(tag: string): string {
  return tag.replace(/[^a-zA-Z0-9._-]+/g, '-');
}

/**
 * Computes the version. An expression that cannot be evaluated (bad `enable`, a handlebars error, an
 * unknown helper attribute) is reported through `fail` and skipped, so that every such line is reported.
 */
export function computeVersion(inp: VersionInputs, ctx: ExpressionContext, warn: (m: string) => void, fail: (tag: TagExpression, message: string) => void): Version {
  const {flavor} = inp;
  const scope = (tag: TagExpression) => globalScope(ctx, tag.attrs['tz'] || 'UTC');
  const exp = (text: string, tag: TagExpression) => render(text, scope(tag));
  let main: string | undefined;
  const partial: string[] = [];
  let latest: boolean | undefined;

  const latestFor = (auto: boolean) => (flavor.latest === 'auto' ? auto : flavor.latest === 'true');
  const withAffixes = (val: string, tag: TagExpression): string => {
    if (Object.prototype.hasOwnProperty.call(tag.attrs, 'prefix')) val = `${exp(tag.attrs['prefix'], tag)}${val}`;
    else if (flavor.prefix.length > 0) val = `${exp(flavor.prefix, tag)}${val}`;
    if (Object.prototype.hasOwnProperty.call(tag.attrs, 'suffix')) val = `${val}${exp(tag.attrs['suffix'], tag)}`;
    else if (flavor.suffix.length > 0) val = `${val}${exp(flavor.suffix, tag)}`;
    return val;
  };
  let current: TagExpression | undefined;
  const add = (val: string, isLatest: boolean) => {
    if (val.length === 0) return;
    val = sanitizeTag(val);
    // metadata-action would hand such a tag on, and the registry would refuse it after the build
    if (!OCI_TAG.test(val)) {
      if (current) fail(current, `produces the tag "${val}", which is not a valid OCI tag (a letter, digit or _ first, then letters, digits, _ . -, 128 characters at most)`);
      return;
    }
    if (main === undefined) main = val;
    else if (val !== main) partial.push(val);
    if (latest === undefined) latest = isLatest;
  };

  const ref = ctx.ref;
  const isTag = /^refs\/tags\//.test(ref);
  const isBranch = /^refs\/heads\//.test(ref);
  const isPr = /^refs\/pull\//.test(ref);
  const tagName = ref.replace(/^refs\/tags\//g, '');

  /** The raw version a semver/pep440/match expression works on, or undefined when it does not apply. */
  const versionSource = (tag: TagExpression, useFile: boolean): string | undefined => {
    if (tag.attrs['value'].length > 0) return exp(tag.attrs['value'], tag);
    if (useFile && inp.fileVersion !== undefined) return inp.fileVersion;
    return isTag ? tagName : undefined;
  };
  const applyMatch = (tag: TagExpression, vraw: string): string => {
    if (!tag.attrs['match']) return vraw;
    const m = vraw.match(new RegExp(tag.attrs['match']));
    if (!m) {
      warn(`${tag.attrs['match']} does not match ${vraw}.`);
      return vraw;
    }
    return m[1];
  };

  for (const tag of inp.tags) {
    current = tag;
    try {
      evaluate(tag);
    } catch (e) {
      fail(tag, (e as Error).message);
    }
  }
  return {main, partial: partial.filter((t, i) => partial.indexOf(t) === i), latest: latest ?? false};

  function evaluate(tag: TagExpression): void {
    const enabled = exp(tag.attrs['enable'], tag);
    if (!['true', 'false'].includes(enabled)) throw new Error(`invalid value for enable attribute: "${enabled}" (true or false)`);
    if (enabled !== 'true') return;

    switch (tag.type) {
      case 'schedule': {
        if (!/schedule/.test(ctx.eventName)) break;
        add(withAffixes(render(tag.attrs['pattern'], scheduleScope(ctx, tag.attrs['tz'] || 'UTC')), tag), latestFor(false));
        break;
      }
      case 'semver': {
        let vraw = versionSource(tag, true);
        if (vraw === undefined) break;
        vraw = applyMatch(tag, vraw).replace(/\//g, '-');
        if (!semver.valid(vraw)) {
          warn(`${vraw} is not a valid semver. More info: https://semver.org/`);
          break;
        }
        const sver = semver.parse(vraw, {loose: true})!;
        if (semver.prerelease(vraw)) {
          const pattern = isRawStatement(tag.attrs['pattern']) ? tag.attrs['pattern'] : '{{version}}';
          add(withAffixes(render(pattern, sver), tag), latestFor(false));
        } else {
          add(withAffixes(render(tag.attrs['pattern'], sver), tag), latestFor(true));
        }
        break;
      }
      case 'pep440': {
        let vraw = versionSource(tag, true);
        if (vraw === undefined) break;
        vraw = applyMatch(tag, vraw).replace(/\//g, '-');
        if (!pep440.valid(vraw)) {
          warn(`${vraw} does not conform to PEP 440. More info: https://www.python.org/dev/peps/pep-0440`);
          break;
        }
        const pver = pep440.explain(vraw)!;
        const v = vraw;
        if (pver.is_prerelease || pver.is_postrelease || pver.is_devrelease) {
          add(withAffixes(isRawStatement(tag.attrs['pattern']) ? v : (pep440.clean(v) ?? v), tag), latestFor(false));
        } else {
          const vars = {
            raw: () => v,
            version: () => pep440.clean(v),
            major: () => pep440.major(v),
            minor: () => pep440.minor(v),
            patch: () => pep440.patch(v)
          };
          add(withAffixes(render(tag.attrs['pattern'], vars), tag), latestFor(true));
        }
        break;
      }
      case 'match': {
        const vraw = versionSource(tag, false);
        if (vraw === undefined) break;
        const m = vraw.match(matchRegex(tag.attrs['pattern']));
        if (!m) {
          warn(`${tag.attrs['pattern']} does not match ${vraw}.`);
          break;
        }
        const group = m[Number(tag.attrs['group'])];
        if (group === undefined) {
          warn(`Group ${tag.attrs['group']} does not exist for ${tag.attrs['pattern']} pattern.`);
          break;
        }
        add(withAffixes(group, tag), latestFor(true));
        break;
      }
      case 'ref': {
        const event = tag.attrs['event'];
        if (event === 'branch' && isBranch) add(withAffixes(ref.replace(/^refs\/heads\//g, ''), tag), latestFor(false));
        else if (event === 'tag' && isTag) add(withAffixes(tagName, tag), latestFor(true));
        else if (event === 'pr' && isPr) add(withAffixes(ref.replace(/^refs\/pull\//g, '').replace(/\/merge$/g, ''), tag), latestFor(false));
        break;
      }
      case 'edge': {
        if (!isBranch) break;
        const branch = tag.attrs['branch'] || inp.defaultBranch;
        if (branch !== ref.replace(/^refs\/heads\//g, '')) break;
        add(withAffixes('edge', tag), latestFor(false));
        break;
      }
      case 'raw':
        add(withAffixes(exp(tag.attrs['value'], tag), tag), latestFor(false));
        break;
      case 'sha': {
        if (!ctx.sha) break;
        add(withAffixes(tag.attrs['format'] === 'short' ? ctx.shortSha : ctx.sha, tag), latestFor(false));
        break;
      }
    }
  }
}

/** The tag names (no image): the version, the partial tags, then `latest` with the flavor it asks for. */
export function tagNames(version: Version, flavor: Flavor): string[] {
  if (!version.main) return [];
  const names = [version.main, ...version.partial];
  if (version.latest) {
    names.push(sanitizeTag(`${flavor.prefixLatest ? flavor.prefix : ''}latest${flavor.suffixLatest ? flavor.suffix : ''}`));
  }
  return names;
}
