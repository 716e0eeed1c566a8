/**
 * Size budgets (the policy's `max-size=<glob>:<size>` rules): the compressed size of every platform image
 * (config + layers of its manifest, as the registry stores them: what a pull downloads; attestations are
 * not counted) of a matching image name may not exceed the budget. Sizes are unknown when the plan is made,
 * so the check runs after verify, once `sizes` has read the platforms' manifests, and before the release
 * moves any tag: an image over budget is never released. A size that could not be read fails the check
 * too (a budget that cannot be checked is not met).
 *
 * `checkBudgets` is pure; `budgetGate` is what publish and merge call: it awaits the sizes only when a rule
 * matches one of the run's images, and reads beside them what the build's `latest` tag (or its first
 * mutable one) points at before the release, for the summary's "change" column (never a failure).
 */
import {InputError} from '../../pipeline/inputs/errors.js';
import {parsePolicyRule, type PolicyRule} from '../../pipeline/policy.js';
import {canonicalName} from '../../lib/reference.js';
import {formatSize} from '../../lib/size.js';
import {tagKind} from '../../pipeline/tag-kinds.js';
import {readImage, withSizes} from '../registry.js';
import type {BuildxApi} from '../buildx.js';
import type {VerifiedBuild} from './verify.js';

export type SizeBudget = Extract<PolicyRule, {kind: 'max-size'}>;

/**
 * The max-size rules among a plan's policy rules (the rule lines, as the plan and the plan document keep
 * them). `input` names where they came from for an error: `policy`, or `plan` for a plan document.
 */
export function budgetRules(sources: string[], input = 'policy'): SizeBudget[] {
  const out: SizeBudget[] = [];
  for (const source of sources) {
    if (!/^\s*max-size\s*=/i.test(source)) continue;
    try {
      out.push(parsePolicyRule(source) as SizeBudget);
    } catch (e) {
      throw new InputError(input, `the policy rule is malformed: ${(e as Error).message}`, undefined, source);
    }
  }
  return out;
}

/** What a tag of the build pointed at before this run, per platform, for the "change" column. */
export interface Baseline {
  image: string;
  /** The tag read (`latest`, else the build's first mutable tag). */
  tag: string;
  /** undefined: the tag did not exist. */
  digest?: string;
  /** Platform -> compressed size (bytes) of the content the tag pointed at. */
  sizes: Record<string, number>;
}

export interface BudgetEntry {
  image: string;
  platform: string;
  /** Compressed size in bytes (0: could not be read). */
  size: number;
  rule: SizeBudget;
  over: boolean;
  /** The size under the baseline tag before this run, when it was read (with the tag and its digest). */
  before?: {tag: string; digest?: string; size?: number; same: boolean};
}

export interface BudgetReport {
  entries: BudgetEntry[];
  violations: BudgetEntry[];
}

const matches = (rule: SizeBudget, name: string) => rule.pattern.test(canonicalName(name));

/** True when a rule applies to an image of these builds (only then are the sizes awaited before the release). */
export function budgeted(rules: SizeBudget[], verified: VerifiedBuild[]): boolean {
  return rules.some(r => verified.some(v => v.build.images.some(n => matches(r, n))));
}

/** Every platform image of every matching name against every rule that matches it. Pure. */
export function checkBudgets(verified: VerifiedBuild[], rules: SizeBudget[], baselines: Baseline[] = []): BudgetReport {
  const entries: BudgetEntry[] = [];
  for (const v of verified) {
    for (const img of v.images) {
      const base = baselines.find(b => b.image === img.name);
      for (const rule of rules.filter(r => matches(r, img.name))) {
        for (const p of img.platforms) {
          const before = base && {tag: base.tag, digest: base.digest, size: base.sizes[p.platform], same: base.digest === v.digest};
          entries.push({image: img.name, platform: p.platform, size: p.size, rule, over: !(p.size > 0) || p.size > rule.bytes, ...(before ? {before} : {})});
        }
      }
    }
  }
  return {entries, violations: entries.filter(e => e.over)};
}

const bytes = (n: number) => `${n} byte${n === 1 ? '' : 's'}`;

/** One violation in words: image, platform, size and budget. */
export function violationMessage(e: BudgetEntry): string {
  const budget = `the budget of ${formatSize(e.rule.bytes, e.rule.unit)} (${bytes(e.rule.bytes)}, ${e.rule.source})`;
  if (!(e.size > 0)) return `${e.image} ${e.platform}: its size could not be read, so ${budget} cannot be checked`;
  return `${e.image} ${e.platform}: ${formatSize(e.size, e.rule.unit)} (${bytes(e.size)}) is over ${budget}`;
}

/** The step's error: every violation at once. */
export function budgetError(r: BudgetReport): string {
  const n = r.violations.length;
  return `The size budget refuses this release (${n} platform image${n === 1 ? '' : 's'} over budget); no tag was created or moved:\n${r.violations.map(v => `  - ${violationMessage(v)}`).join('\n')}`;
}

/** The tag whose content the change is measured against: `latest`, else the first mutable tag. */
export function baselineTag(tagNames: string[], sha: string): string | undefined {
  return tagNames.includes('latest') ? 'latest' : tagNames.find(t => tagKind(t, sha) === 'mutable');
}

/** What each budgeted name's baseline tag points at now (before the release), with its platforms' sizes. */
export async function readBaselines(buildx: BuildxApi, verified: VerifiedBuild[], rules: SizeBudget[], sha: string): Promise<Baseline[]> {
  const reads = verified.flatMap(v => {
    const tag = baselineTag(v.build.tagNames, sha);
    if (!tag) return [];
    return v.build.images
      .filter(name => rules.some(r => matches(r, name)))
      .map(async (image): Promise<Baseline | undefined> => {
        try {
          const digest = await buildx.tagDigest(`${image}:${tag}`);
          if (!digest) return {image, tag, sizes: {}};
          const single = v.build.platforms.length === 1 ? v.build.platforms[0] : '';
          // already this run's content (a re-run): no change, nothing more to read
          if (digest === v.digest) return {image, tag, digest, sizes: {}};
          const before = await withSizes(buildx, await readImage(buildx, image, digest, single), () => undefined);
          return {image, tag, digest, sizes: Object.fromEntries(before.platforms.filter(p => p.size > 0).map(p => [p.platform, p.size]))};
        } catch {
          // the change column is an extra: a tag that cannot be read leaves it empty
          return undefined;
        }
      });
  });
  return (await Promise.all(reads)).filter((b): b is Baseline => b !== undefined);
}

/**
 * Publish's and merge's hook, before the release: undefined when no rule matches an image of the run
 * (the sizes are not awaited); else the report, after awaiting the sizes (and the baselines beside them).
 */
export async function budgetGate(buildx: BuildxApi, rules: SizeBudget[], verified: VerifiedBuild[], sized: Promise<VerifiedBuild[]>, sha: string): Promise<BudgetReport | undefined> {
  if (!budgeted(rules, verified)) return undefined;
  const [sizedBuilds, baselines] = await Promise.all([sized, readBaselines(buildx, verified, rules, sha)]);
  return checkBudgets(sizedBuilds, rules, baselines);
}
