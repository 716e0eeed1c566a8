/**
 * `mode: promote`: tags that already exist move through environments without a rebuild. Every image's
 * source (`from`: a tag or a digest) is resolved first; if any is missing, nothing moves and every missing
 * image is named. Then the target tags (`to`) get exactly the source digest — the index and everything it
 * references unchanged: no pull, no rebuild, no new manifest — through the same release phase as publish
 * and merge (engine/release.ts: the guard against moving a tag to older content unless `force-tags`,
 * atomic, retried, restored on failure, read back and verified equal).
 */
import * as runner from '../action/runner.js';
import type {Prepared} from '../pipeline/prepare.js';
import type {BuildPlan} from '../pipeline/plan.js';
import {evaluatePolicy, type PolicyVerdict} from '../pipeline/policy.js';
import {PolicyRefusal} from '../pipeline/errors.js';
import {sourceKind} from '../pipeline/inputs/promote.js';
import type {BuildxApi} from './buildx.js';
import {registrySession} from './session.js';
import {readImage, withSizes} from './registry.js';
import {budgetGate, budgetError, violationMessage, type BudgetReport, type SizeBudget} from './steps/budget.js';
import {logValue} from '../report/escape.js';
import {nameIn} from './copy.js';
import {release, ReleaseError} from './release.js';
import {currentDigests, plannedMoves, TagPhaseError, type TagOutcome} from './steps/tags.js';
import type {VerifiedBuild} from './steps/verify.js';
import type {SkippedTag} from './steps/guard.js';
import {compareCommits} from '../pipeline/context/github-api.js';
import {cancellation, type Cancellation} from './cancel.js';
import {readHistory, type HistoryContext} from './history.js';
import {rollbackTarget, type EntryKind, type HistoryEntry} from '../pipeline/history.js';
import {promoteSummary, historySummary, skippedTagsSummary, skippedTagsOutput, budgetSummary, writeSummary, writeOutputs, type Promotion} from '../report/index.js';

/** The policy rules that concern tags (the others concern what a build is tagged with: the build's commit and ref). */
const PROMOTE_RULES = ['allow-tags', 'deny-latest', 'max-tags'];

/** One image's resolved source. */
export interface Source {
  name: string;
  digest: string;
  /** The source's commit (`org.opencontainers.image.revision`) and date, for the guard. */
  revision: string;
  created?: Date;
}

export interface PromoteOutcome {
  promotions: Promotion[];
  outputs: Record<string, string>;
}

/** The policy over the target tags: allow-tags, deny-latest and max-tags (require-sha/require-semver are about builds). */
export function promotePolicy(p: Pick<Prepared, 'inputs' | 'ctx'>, names: string[]): PolicyVerdict {
  const rules = p.inputs.policy.filter(r => PROMOTE_RULES.includes(r.kind));
  const tags = p.inputs.promote.to.map(t => t.tag);
  return evaluatePolicy(rules, {images: names.map(name => ({name, tags, push: true})), ref: p.ctx.ref, sha: p.ctx.sha, shortSha: p.ctx.shortSha, latestTags: ['latest']});
}

/** Every image's source, or every problem (one sentence per image). */
export async function resolveSources(buildx: BuildxApi, names: string[], from: string): Promise<{sources: Source[]; problems: string[]}> {
  const problems: string[] = [];
  const found = await Promise.all(
    names.map(async (name): Promise<Source | undefined> => {
      try {
        let digest: string | undefined;
        if (sourceKind(from) === 'digest') {
          digest = (await buildx.readManifest(name, from).then(
            () => from,
            () => undefined
          )) as string | undefined;
          if (!digest) problems.push(`${name}@${from} is not in the registry`);
        } else {
          digest = await buildx.tagDigest(`${name}:${from}`);
          if (!digest) problems.push(`${name} has no tag ${from}`);
        }
        if (!digest) return undefined;
        const config = (await buildx.imageConfig(name, digest).catch(() => undefined)) as {created?: string; config?: {Labels?: Record<string, string>}} | undefined;
        const labels = config?.config?.Labels ?? {};
        const created = labels['org.opencontainers.image.created'] ?? config?.created;
        return {name, digest, revision: labels['org.opencontainers.image.revision'] ?? '', created: created && !Number.isNaN(Date.parse(created)) ? new Date(created) : undefined};
      } catch (e) {
        problems.push(`reading ${name}:${from} failed: ${runner.redact((e as Error).message).slice(0, 300)}`);
        return undefined;
      }
    })
  );
  problems.sort((a, b) => names.findIndex(n => a.startsWith(n)) - names.findIndex(n => b.startsWith(n)));
  return {sources: found.filter((s): s is Source => !!s), problems};
}

/** A build of one promoted name: its target tags, at its source's index. */
function promotionBuild(name: string, to: string[], platforms: string[], policy: PolicyVerdict): BuildPlan {
  return {id: name.slice(name.lastIndexOf('/') + 1), images: [name], file: '', context: '', platforms, tags: to.map(t => `${name}:${t}`), tagNames: to, labels: [], annotations: [], buildArgs: {}, push: true, policy};
}

export async function promote(p: Prepared, env: NodeJS.ProcessEnv, engine?: BuildxApi, cancel: Cancellation = cancellation): Promise<PromoteOutcome> {
  const {inputs} = p;
  const from = inputs.promote.from;
  const to = inputs.promote.to.map(t => t.tag);
  const names = [...new Set(p.plan.builds.flatMap(b => b.images))];
  if (!names.length) throw new Error('Nothing to promote: the images input names no image.');
  // to-registry: the target tags are in another registry, where the content is copied (engine/copy.ts)
  const toRegistry = inputs.promote.toRegistry;
  const targetOf = (name: string) => (toRegistry ? nameIn(toRegistry, name) : name);
  const targets = names.map(targetOf);
  // before any login: the policy over the target tags
  const policy = promotePolicy(p, targets);
  for (const w of policy.warnings) runner.warning(`Tag policy: ${w}`);
  if (!policy.allowed) throw new PolicyRefusal(policy.violations.map(v => v.message));
  const summaryWanted = inputs.summary;
  const {buildx, loginNote} = await registrySession(p, [...new Set([...names, ...targets])], env, engine);
  try {
    cancel.check();
    const {sources, problems} = await runner.group('Sources', async () => {
      const r = await resolveSources(buildx, names, from);
      for (const s of r.sources) runner.info(`${s.name}:${from} -> ${s.digest}${s.revision ? ` (commit ${s.revision.slice(0, 12)})` : ''}`);
      return r;
    });
    if (problems.length) {
      const message = `mode: promote found ${problems.length} image(s) without the source ${from}; no tag was moved:\n${problems.map(x => `  - ${x}`).join('\n')}`;
      if (summaryWanted) writeSummary(promoteSummary({from, to, promotions: [], failures: problems, loginNote, dryRun: inputs.dryRun}), env);
      throw new Error(message);
    }
    // require-signature / require-attestations: what is not signed or attested is not promoted
    if (inputs.verify.signature || inputs.verify.attestations.length) {
      const {verifySources, requirementError, verificationOutput} = await import('./verify.js');
      const findings = await verifySources(buildx, sources, inputs, env);
      writeOutputs({verification: verificationOutput(findings)}, env);
      if (findings.some(f => f.problems.length)) {
        const message = requirementError(findings, `mode: promote refuses ${from}; no tag was moved`);
        if (summaryWanted) writeSummary(promoteSummary({from, to, promotions: [], failures: findings.flatMap(f => f.problems), loginNote, dryRun: inputs.dryRun}), env);
        throw new Error(message);
      }
      runner.info(`Every image at ${from} carries what require-signature and require-attestations ask for.`);
    }
    // size budgets (policy max-size): a promotion releases content as much as a publish does, so an
    // image over its budget is refused before anything is copied or moved (dry run included)
    const budget = await promoteBudget(buildx, p, sources, to, targetOf, policy);
    if (budget?.violations.length) {
      if (summaryWanted) writeSummary(promoteSummary({from, to, promotions: [], failures: budget.violations.map(violationMessage), loginNote, dryRun: inputs.dryRun}) + budgetSummary(budget), env);
      throw new Error(budgetError(budget));
    }
    if (toRegistry && !inputs.dryRun) {
      // every image's content into the target registry first, digests kept; no tag moves before all are there
      const {copyContent} = await import('./copy.js');
      cancel.during('push');
      await runner.group(`Copy to ${toRegistry}`, async () => {
        for (const s of sources) {
          try {
            await copyContent(buildx, s.name, targetOf(s.name), s.digest, env['RUNNER_TEMP']);
          } catch (e) {
            const message = `copying ${s.name}@${s.digest} to ${targetOf(s.name)} failed: ${runner.redact((e as Error).message).slice(0, 300)}`;
            if (summaryWanted) writeSummary(promoteSummary({from, to, promotions: [], failures: [message], loginNote, dryRun: false}), env);
            throw new Error(`mode: promote: ${message}; no tag was moved (what was copied stays in ${toRegistry} by digest, untagged)`);
          }
        }
      });
      cancel.check();
    }
    const verified: VerifiedBuild[] = [];
    for (const s of sources) {
      // a dry run across registries reads the source (nothing is copied yet)
      const where = toRegistry && !inputs.dryRun ? targetOf(s.name) : s.name;
      const image = await readImage(buildx, where, s.digest);
      verified.push({build: promotionBuild(targetOf(s.name), to, image.platforms.map(pl => pl.platform), policy), digest: s.digest, images: [{...image, name: targetOf(s.name)}]});
    }
    const revisions = [...new Set(sources.map(s => s.revision).filter(Boolean))];
    if (revisions.length > 1) runner.info(`The sources carry ${revisions.length} commits (${revisions.map(r => r.slice(0, 12)).join(', ')}); the guard compares the tags with the first.`);
    const sha = revisions[0] ?? '';
    const created = sources.map(s => s.created).find(Boolean);
    const retryTimeoutMs = inputs.engine.tagRetryTimeout * 1000;
    if (inputs.dryRun) {
      const current = await currentDigests({buildx, moves: plannedMoves(verified, sha), retryTimeoutMs});
      const promotions = verified.flatMap(v => to.map(tag => ({image: v.build.images[0]!, tag, from, before: current.get(`${v.build.images[0]}:${tag}`) ?? null, digest: v.digest, state: 'would-move'})));
      const outputs = {promotions: JSON.stringify(promotions), 'skipped-tags': ''};
      writeOutputs(outputs, env);
      if (summaryWanted) writeSummary(promoteSummary({from, to, promotions, failures: [], loginNote, dryRun: true}) + budgetSummary(budget), env);
      runner.info('Dry run: the tags were not moved.');
      return {promotions, outputs};
    }
    let tagMoves: TagOutcome[] = [];
    let skipped: SkippedTag[] = [];
    try {
      const revision = new Map(sources.map(s => [targetOf(s.name), s.revision]));
      const history = historyContext(p, env, 'promote', () => from, name => revision.get(name) ?? '');
      ({tagMoves, skipped} = await release({buildx, verified, sha, created, force: inputs.engine.forceTags, retryTimeoutMs, compare: (base, head) => compareCommits(p.ctx, inputs.githubToken, base, head, runner.warning), cancel, history}));
    } catch (err) {
      const cause = err instanceof ReleaseError ? err.cause : err;
      if (err instanceof ReleaseError) skipped = err.skipped;
      if (cause instanceof TagPhaseError && summaryWanted) writeSummary(promoteSummary({from, to, promotions: cause.outcomes.map(o => promotionOf(o, from)), failures: [cause.message], loginNote, dryRun: false}) + skippedTagsSummary(skipped), env);
      throw cause;
    }
    const promotions = tagMoves.map(o => promotionOf(o, from));
    const outputs = {promotions: JSON.stringify(promotions), 'skipped-tags': skippedTagsOutput(skipped), digest: verified[0]?.digest ?? ''};
    writeOutputs(outputs, env);
    if (summaryWanted) writeSummary(promoteSummary({from, to, promotions, failures: [], loginNote, dryRun: false}) + budgetSummary(budget) + skippedTagsSummary(skipped), env);
    cancel.check();
    return {promotions, outputs};
  } catch (err) {
    throw cancel.explain(err);
  }
}

/**
 * The size budgets over what a promotion would release: every source's platform sizes (read where the
 * source is, before any copy), under the target name the rules match, with the change from what the first
 * target tag points at now. undefined when no max-size rule matches a target.
 */
async function promoteBudget(buildx: BuildxApi, p: Prepared, sources: Source[], to: string[], targetOf: (name: string) => string, policy: PolicyVerdict): Promise<BudgetReport | undefined> {
  const rules = p.inputs.policy.filter((r): r is SizeBudget => r.kind === 'max-size');
  if (!rules.length) return undefined;
  const candidates: VerifiedBuild[] = sources.map(s => ({build: promotionBuild(targetOf(s.name), to, [], policy), digest: s.digest, images: [{name: targetOf(s.name), digest: s.digest, mediaType: '', platforms: []}]}));
  const sized = Promise.all(
    sources.map(async (s, i): Promise<VerifiedBuild> => {
      const image = await withSizes(buildx, await readImage(buildx, s.name, s.digest), runner.warning);
      return {...candidates[i]!, images: [{...image, name: targetOf(s.name)}]};
    })
  );
  return budgetGate(buildx, rules, candidates, sized, sources.map(s => s.revision).find(Boolean) ?? '');
}

function promotionOf(o: TagOutcome, from: string): Promotion {
  return {image: o.name, tag: o.tag, from, before: o.previous ?? null, digest: o.digest, state: o.state};
}

/** Who moved the channel, for its history: the run, the actor, what and which commit. */
export function historyContext(p: Pick<Prepared, 'ctx'>, env: NodeJS.ProcessEnv, kind: EntryKind, source: (name: string) => string, commit: (name: string) => string, channels?: (tag: string) => boolean): HistoryContext {
  return {kind, isChannel: channels ?? (() => true), source, commit, run: env['GITHUB_RUN_ID'] ? `${env['GITHUB_RUN_ID']}/${env['GITHUB_RUN_ATTEMPT'] || '1'}` : '', actor: p.ctx.actor || ''};
}

/**
 * `mode: rollback`: every channel of `to` (on every image) goes back to the digest it pointed at before
 * its last `steps` recorded moves (or to `from`), read from its history in the registry. Every image
 * and channel is resolved first, and the target must still be in the registry; then the channels move
 * in one tag phase (forced: going back to older content is the point) and the rollback is recorded as
 * an entry of each history.
 */
export async function rollback(p: Prepared, env: NodeJS.ProcessEnv, engine?: BuildxApi, cancel: Cancellation = cancellation): Promise<PromoteOutcome> {
  const {inputs} = p;
  const {from, steps} = inputs.promote;
  const channels = inputs.promote.to.map(t => t.tag);
  const names = [...new Set(p.plan.builds.flatMap(b => b.images))];
  if (!names.length) throw new Error('Nothing to roll back: the images input names no image.');
  const policy = promotePolicy(p, names);
  if (!policy.allowed) throw new PolicyRefusal(policy.violations.map(v => v.message));
  const {buildx, loginNote} = await registrySession(p, names, env, engine);
  const what = from ? `from ${from}` : `${steps} step${steps > 1 ? 's' : ''} back`;
  try {
    cancel.check();
    const problems: string[] = [];
    const targets: {name: string; channel: string; digest: string; current?: string}[] = [];
    const fromSources = from ? await resolveSources(buildx, names, from) : undefined;
    problems.push(...(fromSources?.problems ?? []));
    await runner.group('Histories', () =>
      Promise.all(
        names.flatMap(name =>
          channels.map(async channel => {
            try {
              const current = await buildx.tagDigest(`${name}:${channel}`);
              if (fromSources) {
                const s = fromSources.sources.find(x => x.name === name);
                if (s) targets.push({name, channel, digest: s.digest, current});
                return;
              }
              const entries = await readHistory(buildx, name, channel);
              const t = rollbackTarget(entries, current, steps);
              if ('reason' in t) return void problems.push(`${name}:${channel} ${t.reason}`);
              const there = await buildx.readManifest(name, t.digest).then(() => true, () => false);
              if (!there) return void problems.push(`${name}:${channel}: ${t.digest} (${steps} step(s) back) is no longer in the registry`);
              runner.info(`${name}:${channel}: ${current} -> ${t.digest} (the digest before the move of ${logValue(t.entry.at)}, ${t.entry.kind} of ${logValue(t.entry.source) || '?'})`);
              targets.push({name, channel, digest: t.digest, current});
            } catch (e) {
              problems.push(`reading the history of ${name}:${channel} failed: ${runner.redact((e as Error).message).slice(0, 300)}`);
            }
          })
        )
      )
    );
    if (problems.length) {
      problems.sort();
      if (inputs.summary) writeSummary(promoteSummary({from: what, to: channels, promotions: [], failures: problems, loginNote, dryRun: inputs.dryRun, verb: 'rollback'}), env);
      throw new Error(`mode: rollback cannot roll back ${problems.length} channel(s); no tag was moved:\n${problems.map(x => `  - ${x}`).join('\n')}`);
    }
    const verified: VerifiedBuild[] = [];
    for (const t of targets) {
      const image = await readImage(buildx, t.name, t.digest);
      verified.push({build: promotionBuild(t.name, [t.channel], image.platforms.map(pl => pl.platform), policy), digest: t.digest, images: [image]});
    }
    if (inputs.dryRun) {
      const promotions = targets.map(t => ({image: t.name, tag: t.channel, from: what, before: t.current ?? null, digest: t.digest, state: 'would-move'}));
      const outputs = {promotions: JSON.stringify(promotions), 'skipped-tags': ''};
      writeOutputs(outputs, env);
      if (inputs.summary) writeSummary(promoteSummary({from: what, to: channels, promotions, failures: [], loginNote, dryRun: true, verb: 'rollback'}), env);
      return {promotions, outputs};
    }
    const history = historyContext(p, env, 'rollback', () => what, () => '');
    let tagMoves: TagOutcome[] = [];
    try {
      ({tagMoves} = await release({buildx, verified, sha: '', force: true, retryTimeoutMs: inputs.engine.tagRetryTimeout * 1000, compare: async () => undefined, cancel, history}));
    } catch (err) {
      const cause = err instanceof ReleaseError ? err.cause : err;
      if (cause instanceof TagPhaseError && inputs.summary) writeSummary(promoteSummary({from: what, to: channels, promotions: cause.outcomes.map(o => promotionOf(o, what)), failures: [cause.message], loginNote, dryRun: false, verb: 'rollback'}), env);
      throw cause;
    }
    const promotions = tagMoves.map(o => promotionOf(o, what));
    const outputs = {promotions: JSON.stringify(promotions), 'skipped-tags': '', digest: verified[0]?.digest ?? ''};
    writeOutputs(outputs, env);
    if (inputs.summary) writeSummary(promoteSummary({from: what, to: channels, promotions, failures: [], loginNote, dryRun: false, verb: 'rollback'}), env);
    cancel.check();
    return {promotions, outputs};
  } catch (err) {
    throw cancel.explain(err);
  }
}

/** One channel's history, for the `history` output. */
export interface ChannelHistory {
  image: string;
  channel: string;
  /** Where the channel points now (null: no such tag). */
  current: string | null;
  entries: HistoryEntry[];
}

/** `mode: history`: every channel of `to` on every image, its recorded moves oldest first (nothing is moved). */
export async function history(p: Prepared, env: NodeJS.ProcessEnv, engine?: BuildxApi): Promise<ChannelHistory[]> {
  const names = [...new Set(p.plan.builds.flatMap(b => b.images))];
  if (!names.length) throw new Error('No history to show: the images input names no image.');
  const channels = p.inputs.promote.to.map(t => t.tag);
  const {buildx} = await registrySession(p, names, env, engine);
  const out: ChannelHistory[] = [];
  for (const image of names) {
    for (const channel of channels) {
      const [current, entries] = await Promise.all([buildx.tagDigest(`${image}:${channel}`), readHistory(buildx, image, channel)]);
      out.push({image, channel, current: current ?? null, entries});
      runner.info(`${image}:${channel} (now ${current ?? 'no such tag'}): ${entries.length} recorded move(s)`);
      // the entries' text is the registry's (anyone who can push wrote it): one line each, whatever it holds
      for (const e of entries) runner.info(`  ${logValue(e.at)} ${e.kind} ${e.before ?? 'new'} -> ${e.after} (${logValue(e.source)}${e.actor ? `, by ${logValue(e.actor)}` : ''}${e.run ? `, run ${logValue(e.run)}` : ''})`);
    }
  }
  writeOutputs({history: JSON.stringify(out)}, env);
  if (p.inputs.summary) writeSummary(historySummary(out), env);
  return out;
}
