/**
 * Publishing a plan for real: setup (buildx, QEMU only where needed, builder, logins) -> one bake for
 * every build -> verify -> move the tags -> read back -> outputs and summary. Each step is a function
 * of its own (steps/) that returns its part; the summary is made from those results.
 *
 * Atomic tags: the bake pushes content only — by digest (drivers that can), or under a staging tag unique
 * to this run (the docker driver cannot push by digest). No tag a user can see is touched until every
 * build of the run, on every platform, is verified in the registry; then a final pass points the tags
 * at those indexes with `imagetools create` (same digest). A failure before that pass leaves every
 * existing tag where it was.
 *
 * Faults while the tags move (steps/tags.ts): every write is retried for `tag-retry-timeout`; when one
 * still fails, what moved is put back, and what could not be is listed in the error and the summary.
 * Concurrent runs (steps/guard.ts): just before the tag pass, a mutable tag that points at content of a
 * newer commit than this run's is taken out of the pass (a warning, the summary, `skipped-tags`), unless
 * `force-tags`.
 *
 * Cancelled (engine/cancel.ts): before the tag pass, the run stops at once and moves no tag; a cancel
 * during the tag pass lets it finish, skips the read-back, and fails the step once outputs and summary
 * are written.
 */
import {existsSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import * as runner from '../action/runner.js';
import {InputError, InputErrors} from '../pipeline/inputs/errors.js';
import {secretValues} from '../pipeline/inputs/secrets.js';
import type {Prepared} from '../pipeline/prepare.js';
import {withoutPush, type BuildPlan, type Plan} from '../pipeline/plan.js';
import {hostPlatform} from '../lib/platform.js';
import {remember, type Recorder, type StateKey} from '../action/state.js';
import {Buildx, type BuildxApi} from './buildx.js';
import {planLogins, createDockerConfig, jobDockerEnvironment} from './login.js';
import {workspaceDir, type BakeMetadata, type PushMode} from './bake.js';
import {cacheSecretValues} from './cache.js';
import {wantsLocalCache} from './local-cache.js';
import {available as cacheServiceAvailable} from './gha-cache.js';
import {cleanup} from './cleanup.js';
import {cancellation, type Cancellation} from './cancel.js';
import {setup, type SetupResult} from './steps/setup.js';
import {build, pushModeOf, type BuildResult} from './steps/build.js';
import {verify, sizes, metadataDigest, type VerifiedBuild, type MetadataDescriptor} from './steps/verify.js';
import {TagPhaseError, type TagOutcome} from './steps/tags.js';
import {budgetGate, budgetRules, budgetError, violationMessage, type BudgetReport} from './steps/budget.js';
import {release, ReleaseError, imageCreated} from './release.js';
import type {LegIdentity, LegDigest} from './leg.js';
import {channelHistory} from './history.js';
import {archTagMoves} from './arch-tag-moves.js';
import {restoreCacheMounts, saveCacheMounts, ghaStore, cacheMountsDir, type CacheMountsInput, type CacheMountsReport} from './steps/cache-mounts.js';
import {staging, stagingTagsLeft} from './steps/staging.js';
import {storeAttestations, rewrittenMetadata, storageLeftovers} from './steps/attestation-storage.js';
import {leftoversSummary} from '../report/leftovers.js';
import type {SkippedTag} from './steps/guard.js';
import {compareCommits} from '../pipeline/context/github-api.js';
import {publishSummary, legSummary, skippedTagsSummary, budgetSummary, skippedTagsOutput, writeSummary, writeOutputs, cacheMountsSummary, imagesOutput, legOutputs, type PublishResult, type EngineReport} from '../report/index.js';
import type {RegistryImage} from './registry.js';
import {signSecretValues} from '../pipeline/inputs/sign.js';
import type {AttestApi} from './attest.js';
import {signAndAttest, signingAsked, supplyChainOutputs, supplyChainPreflight, supplyChainSummary, type SupplyChain} from './steps/supply-chain.js';

export interface PublishOptions {
  /**
   * Build without pushing and load the result into the local image store under the plan's tags (no
   * login, verification, tag moves or read-back). Several platforms need the docker driver with the
   * containerd image store.
   */
  load?: boolean;
  /**
   * `job` (default): a DOCKER_CONFIG of the job's own, logged in from the inputs, undone by the post
   * step. `user`: the user's docker config as it is (their logins and credential helpers), no login or
   * logout, nothing recorded for a post step; what the run created is removed when it ends.
   */
  dockerConfig?: 'job' | 'user';
  /** Write the step's outputs and job summary (default true; a terminal has no reader for them). */
  report?: boolean;
  /**
   * `mode: build` (action/run-build.ts): the plan is a leg's share (pipeline/leg-plan.ts); after verify
   * the leg's records are written (engine/leg.ts) instead of moving tags, and the outputs are `digests`.
   */
  leg?: LegIdentity & {planDigest: string; notes: string[]};
  /** github-attestations: the seam over @actions/attest (default: the library itself, loaded when first used). */
  attest?: AttestApi;
}

export interface PublishOutcome {
  results: PublishResult[];
  outputs: Record<string, string>;
  /** mode: build: what the leg pushed, per image name and platform. */
  legDigests?: LegDigest[];
}

/**
 * A context or Dockerfile that is not there is bad input like any other: said before any login or build,
 * naming the `images` line (remote contexts, such as git URLs, are BuildKit's to fetch).
 */
export function checkBuildFiles(builds: BuildPlan[], workspace: string): void {
  const errors: InputError[] = [];
  const remote = (p: string) => /^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(p);
  for (const b of builds) {
    if (remote(b.context)) continue;
    const context = resolve(workspace, b.context);
    if (!existsSync(context)) errors.push(new InputError('images', `the build context ${b.context} does not exist (in ${workspace})`, b.line));
    else if (!existsSync(resolve(workspace, b.file))) errors.push(new InputError('images', `the Dockerfile ${b.file} does not exist (in ${workspace})`, b.line));
  }
  if (errors.length) throw new InputErrors(errors);
}

function checkPlan(plan: Plan, load: boolean): void {
  if (plan.builds.some(b => b.images.length === 0)) {
    throw new Error('Nothing to publish to: the images input is empty, so the tags are bare. Name at least one image (or use dry-run: true for the outputs alone).');
  }
  if ((plan.push || load) && plan.builds.some(b => b.tagNames.length === 0)) {
    throw new Error(`No tag was generated for this ${plan.eventName || 'event'} on ${plan.ref || 'no ref'} (check the tags input): nothing would be ${load ? 'loaded' : 'published'}.`);
  }
}

export async function publish(p: Prepared, env: NodeJS.ProcessEnv, options: PublishOptions = {}, engine?: BuildxApi, cancel: Cancellation = cancellation): Promise<PublishOutcome> {
  const load = options.load ?? false;
  const userConfig = (options.dockerConfig ?? 'job') === 'user';
  const {inputs} = p;
  const e = inputs.engine;
  checkPlan(p.plan, load);
  const plan = load ? withoutPush(p.plan, 'loaded into the local image store') : p.plan;
  const workspace = workspaceDir();
  checkBuildFiles(plan.builds, workspace ?? process.cwd());
  for (const v of secretValues(e.secrets)) runner.setSecret(v);
  for (const v of cacheSecretValues([...e.cacheFrom, ...e.cacheTo])) runner.setSecret(v);
  if (inputs.githubToken) runner.setSecret(inputs.githubToken);
  for (const c of p.credentials) runner.setSecret(c.password);
  for (const v of signSecretValues(inputs.sign)) runner.setSecret(v);

  // With the user's config nothing is left for a post step: what this run sets up it undoes itself.
  const local = new Map<StateKey, string>();
  const record: Recorder = userConfig ? (k, v) => void local.set(k, v) : remember;
  const work = mkdtempSync(join(env['RUNNER_TEMP'] || tmpdir(), 'multiarch-publish-'));
  // the bake file, its metadata and the OCI layouts: removed by the post step (or at the end, below)
  record('workDir', work);
  let dockerEnv: Record<string, string> = {};
  if (!userConfig) {
    const dockerConfig = createDockerConfig(env['RUNNER_TEMP']);
    record('dockerConfig', dockerConfig);
    // the registries setup logs in to, kept in the copy's own file (login.ts)
    const pushed = plan.push && !load ? [...new Set(plan.builds.flatMap(b => b.images))] : [];
    const loginRegistries = planLogins(pushed, p.credentials, p.ctx.actor, inputs.githubToken, p.ctx.serverUrl).filter(l => l.source !== 'none').map(l => l.registry);
    dockerEnv = jobDockerEnvironment(env, dockerConfig, loginRegistries);
    record('buildxConfig', dockerEnv['BUILDX_CONFIG']);
  }
  const buildx = engine ?? new Buildx({env: dockerEnv, cwd: workspace});

  try {
    return await run(p, plan, env, {buildx, load, userConfig, record, work, report: options.report ?? true, cancel, leg: options.leg, attest: options.attest});
  } catch (err) {
    throw cancel.explain(err);
  } finally {
    if (userConfig && (local.has('builder') || local.has('secretsDir') || local.has('workDir'))) await cleanup(k => local.get(k) ?? '', () => buildx);
  }
}

interface RunContext {
  buildx: BuildxApi;
  load: boolean;
  userConfig: boolean;
  record: Recorder;
  work: string;
  report: boolean;
  cancel: Cancellation;
  leg?: PublishOptions['leg'];
  attest?: AttestApi;
}

async function run(p: Prepared, plan: Plan, env: NodeJS.ProcessEnv, c: RunContext): Promise<PublishOutcome> {
  const {inputs, ctx} = p;
  const e = inputs.engine;
  const output = c.load ? 'load' : plan.push ? 'push' : 'none';
  c.cancel.check();
  // signing and attestations: a publish that pushes, not a build leg (the merge signs and attests what the legs
  // pushed); what they need is said before any QEMU, builder, login or build (steps/supply-chain.ts)
  const releases = output === 'push' && c.leg === undefined;
  const signs = releases && signingAsked(inputs);
  const attests = releases && inputs.githubAttestations === true;
  const signingLine = await supplyChainPreflight({inputs, env, buildx: c.buildx, signs, attests});
  if (signingLine) runner.info(signingLine);
  c.cancel.during('build');
  const stagingTag = `mp-staging-${env['GITHUB_RUN_ID'] || Date.now()}-${env['GITHUB_RUN_ATTEMPT'] || '1'}-${ctx.shortSha || 'local'}`.slice(0, 128);

  const ready = await setup({
    buildx: c.buildx,
    builds: plan.builds,
    engine: e,
    host: hostPlatform(),
    output,
    logins: planLogins(output === 'push' ? [...new Set(plan.builds.flatMap(b => b.images))] : [], p.credentials, ctx.actor, inputs.githubToken, ctx.serverUrl),
    userConfig: c.userConfig,
    cacheExport: wantsLocalCache(e) && cacheServiceAvailable(env),
    builderName: `multiarch-publish-${(process.env['GITHUB_RUN_ID'] || String(Date.now())).slice(-10)}-${process.pid}`,
    record: c.record
  });

  // cache mounts: restored into the builder the bake uses, before it (steps/cache-mounts.ts)
  const mountsInput: CacheMountsInput | undefined =
    e.cacheMounts.mode === 'false' ? undefined : {buildx: c.buildx, plan, engine: e, builderArg: ready.builder.arg, workspace: workspaceDir() ?? process.cwd(), dir: cacheMountsDir(env, c.work), env, defaultBranch: ctx.defaultBranch, store: await ghaStore()};
  const mounts = mountsInput ? await restoreCacheMounts(mountsInput) : undefined;

  const built = await build({
    buildx: c.buildx,
    plan,
    engine: e,
    driver: ready.builder.info.driver,
    builderArg: ready.builder.arg,
    output,
    workDir: c.work,
    env,
    defaultBranch: ctx.defaultBranch,
    stagingTag,
    record: c.record
  });
  c.cancel.check();
  // what the run leaves in the registry besides the tags asked for, for the summary (report/leftovers.ts)
  const keep = e.stagingTags === 'keep';
  const pushNote = pushDescription(pushModeOf(ready.builder.info.driver, e.stagingTags), ready.builder.info.driver, stagingTag, keep);
  // attestation-storage: referrers: what the rewrite leaves (BuildKit's untagged index, the referrers tags)
  const storageNotes: string[] = [];
  const left = async (failed: boolean) => {
    if (output !== 'push') return '';
    const tagsLeft = keep ? await stagingTagsLeft(c.buildx, plan.builds, stagingTag) : [];
    if (failed && keep && tagsLeft.length) runner.warning(`Left in the registry (staging-tags: keep): ${tagsLeft.map(t => t.ref).join(', ')}`);
    return leftoversSummary({push: pushNote, stagingTags: tagsLeft, kept: keep, failed, notes: storageNotes});
  };
  // a leg's summary: its platforms, digests and records (no tag moves, no release)
  const failedSummary = async (messages: string[]) =>
    c.leg ? legSummary(plan, c.leg.planDigest, engineReport(ready, built), [], messages, built.seconds, c.leg.notes) + cacheMountsSummary(mounts) : publishSummary(plan, engineReport(ready, built), [], messages, built.seconds) + cacheMountsSummary(mounts) + (await left(true));
  if (!built.ok) {
    if (c.report && inputs.summary) writeSummary(await failedSummary(built.messages), env);
    throw new Error(`Nothing was tagged: ${built.failed.join('; ')} failed (see the errors above). Every existing tag was left where it was.`);
  }
  if (output === 'push' && built.layouts.length) {
    // the docker driver: its OCI layouts, pushed by digest (steps/staging.ts)
    c.cancel.during('push');
    const staged = await staging({buildx: c.buildx, layouts: built.layouts, stagingTags: e.stagingTags, stagingTag, retryTimeoutMs: PUSH_RETRY_MS, check: () => c.cancel.check()});
    c.cancel.check();
    if (!staged.ok) {
      if (c.report && inputs.summary) writeSummary(await failedSummary(staged.messages), env);
      throw new Error(`Nothing was tagged: pushing ${staged.failed.join('; ')} failed (see the errors above). Every existing tag was left where it was.`);
    }
  }

  // saved while the registry work goes on: it uses the builder, not the registry (never rejects)
  const savingMounts = mountsInput && mounts ? saveCacheMounts(mountsInput, mounts) : Promise.resolve(undefined);

  // digests (and descriptors) from bake's metadata file; the registry is read once per name (steps/verify.ts)
  let digests = plan.builds.map(b => ({build: b, ...metadataDigest(built.metadata[b.id])}));
  let metadata = built.metadata;
  // attestation-storage: referrers: the index without its attestation entries, each one an OCI 1.1 referrer of its platform; all that follows sees only the new digest
  if (output === 'push' && !c.leg && e.attestationStorage === 'referrers') {
    c.cancel.during('push');
    try {
      const stored = await storeAttestations({buildx: c.buildx, builds: digests, dir: c.work});
      digests = stored.builds;
      metadata = rewrittenMetadata(built.metadata, stored.builds, stored.replaced);
      storageNotes.push(...storageLeftovers(stored));
    } catch (err) {
      const message = `Storing the attestations as OCI referrers failed (attestation-storage: referrers): ${runner.redact(err instanceof Error ? err.message : String(err))}`;
      if (c.report && inputs.summary) writeSummary(await failedSummary([message]), env);
      throw new Error(`${message}. Nothing was tagged: every existing tag was left where it was (the content is in the registry by digest).`);
    }
    c.cancel.check();
  }
  let verified: VerifiedBuild[] = digests.map(d => ({build: d.build, digest: d.digest, images: []}));
  let sized: Promise<VerifiedBuild[]> | undefined;
  let tagMoves: TagOutcome[] = [];
  let skipped: SkippedTag[] = [];
  let budget: BudgetReport | undefined;
  let supply: SupplyChain = {};
  if (output === 'push') {
    c.cancel.during('verification');
    ({verified} = await verify({buildx: c.buildx, builds: digests}));
    if (c.leg) return finishLeg(p, plan, env, c, verified, built, engineReport(ready, built), savingMounts, digests);
    // the platforms' sizes are read beside the guard and the tag pass, awaited for the outputs
    sized = sizes(c.buildx, verified);
    sized.catch(() => undefined);
    // size budgets (policy max-size, steps/budget.ts): when one applies, the sizes are awaited before any tag moves
    budget = await budgetGate(c.buildx, budgetRules(plan.policy.rules), verified, sized, plan.sha);
    if (budget?.violations.length) {
      if (c.report && inputs.summary) writeSummary(publishSummary(plan, engineReport(ready, built), [], budget.violations.map(violationMessage), built.seconds) + budgetSummary(budget) + cacheMountsSummary(await savingMounts) + (await left(true)), env);
      throw new Error(budgetError(budget));
    }
    // signatures of the index and every platform manifest, then the GitHub attestations of every index, before
    // any tag moves: a failure moves none
    supply = await signAndAttest({
      buildx: c.buildx,
      verified,
      p,
      env,
      cancel: c.cancel,
      signs,
      attests,
      attest: c.attest,
      dir: c.work,
      where: 'the content is in the registry by digest',
      failed: async (message, part) => {
        if (c.report && inputs.summary) writeSummary(publishSummary(plan, engineReport(ready, built), [], [message], built.seconds) + part + cacheMountsSummary(await savingMounts) + (await left(true)), env);
      }
    });
    try {
      ({tagMoves, skipped} = await release({buildx: c.buildx, verified, sha: plan.sha, created: imageCreated(plan), force: e.forceTags, retryTimeoutMs: e.tagRetryTimeout * 1000, extraMoves: archTagMoves(verified, plan.sha), ownTags: [stagingTag], compare: (base, head) => compareCommits(ctx, inputs.githubToken, base, head, runner.warning), cancel: c.cancel, history: channelHistory(p, env, 'publish')}));
    } catch (err) {
      const cause = err instanceof ReleaseError ? err.cause : err;
      if (err instanceof ReleaseError) skipped = err.skipped;
      if (cause instanceof TagPhaseError && c.report && inputs.summary) writeSummary(publishSummary(plan, engineReport(ready, built), [], [], built.seconds, {outcomes: cause.outcomes, error: cause.message}) + skippedTagsSummary(skipped) + cacheMountsSummary(await savingMounts) + (await left(true)), env);
      throw cause;
    }
    verified = await sized;
  }

  if (c.leg) return finishLeg(p, plan, env, c, verified, built, engineReport(ready, built), savingMounts, digests);
  const results: PublishResult[] = verified.map(v => ({build: v.build, digest: v.digest, images: v.images, seconds: built.buildSeconds[v.build.id] ?? built.seconds}));
  const outputs = {...publishOutputs(results, metadata), 'skipped-tags': skippedTagsOutput(skipped), ...supplyChainOutputs(supply, verified)};
  if (c.report) writeOutputs(outputs, env);
  const mountsReport = await savingMounts;
  if (c.report && inputs.summary) writeSummary(publishSummary(plan, engineReport(ready, built), results, [], built.seconds, tagMoves.length ? {outcomes: tagMoves} : undefined) + supplyChainSummary(supply, verified, ctx.owner) + budgetSummary(budget) + skippedTagsSummary(skipped) + cacheMountsSummary(mountsReport) + (await left(false)), env);
  c.cancel.check();
  return {results, outputs};
}

/**
 * The end of a build leg: its records written (pushed plans; engine/leg.ts), the `digests` output and
 * the leg's summary. Nothing else is written to the registry: no tag, no staging tag, no index.
 */
async function finishLeg(
  p: Prepared,
  plan: Plan,
  env: NodeJS.ProcessEnv,
  c: RunContext,
  verified: VerifiedBuild[],
  built: Extract<BuildResult, {ok: true}>,
  report: EngineReport,
  savingMounts: Promise<CacheMountsReport | undefined>,
  digests: {build: BuildPlan; digest: string; descriptor?: MetadataDescriptor}[]
): Promise<PublishOutcome> {
  const leg = c.leg!;
  let legDigests: LegDigest[] = [];
  if (plan.push) {
    const {writeLegRecords} = await import('./leg.js');
    c.cancel.during('push');
    try {
      legDigests = await runner.group('Leg records', () =>
        writeLegRecords({buildx: c.buildx, verified, descriptors: Object.fromEntries(digests.map(d => [d.build.id, d.descriptor])), leg, workDir: c.work, retryTimeoutMs: p.inputs.engine.tagRetryTimeout * 1000})
      );
    } catch (err) {
      const message = `Writing the leg records failed: ${runner.redact((err as Error).message)}`;
      if (c.report && p.inputs.summary) writeSummary(legSummary(plan, leg.planDigest, report, [], [message], built.seconds, leg.notes) + cacheMountsSummary(await savingMounts), env);
      throw new Error(`${message}. The content is in the registry by digest, but the merge will not find this leg: run the leg again. No release tag was touched.`);
    }
  }
  const results: PublishResult[] = verified.map(v => ({build: v.build, digest: v.digest, images: v.images, seconds: built.buildSeconds[v.build.id] ?? built.seconds}));
  const outputs = legOutputs(legDigests, built.metadata);
  if (c.report) writeOutputs(outputs, env);
  const mountsReport = await savingMounts;
  if (c.report && p.inputs.summary) writeSummary(legSummary(plan, leg.planDigest, report, legDigests, [], built.seconds, leg.notes) + cacheMountsSummary(mountsReport), env);
  c.cancel.check();
  return {results, outputs, legDigests};
}

/** How long one registry call of the docker driver's push is retried on transient failures. */
const PUSH_RETRY_MS = 60_000;

/** The summary's words for how the content went to the registry (bake.ts PushMode). */
function pushDescription(mode: PushMode, driver: string, stagingTag: string, keep: boolean): string {
  const also = keep ? `, and the staging tag ${stagingTag} on every image (staging-tags: keep)` : ': no staging tag';
  if (mode === 'digest') return `by digest (BuildKit's push-by-digest, ${driver} driver)${also}`;
  if (mode === 'layout') return `by digest, from the OCI layout the docker driver exported (it cannot push by digest itself)${also}`;
  return `under the staging tag ${stagingTag} on every image (staging-tags: keep, ${driver} driver)`;
}

/** The summary's account of the setup and the bake, made from what those steps returned. */
function engineReport(ready: SetupResult, built: BuildResult): EngineReport {
  return {qemu: ready.qemu.reason, builder: ready.builder.note, cache: built.cacheNote, login: ready.loginNote, bakeFile: built.bakeFile, definition: built.definition};
}

function publishOutputs(results: PublishResult[], metadata: BakeMetadata): Record<string, string> {
  const first = results[0];
  const firstMeta = first ? metadata[first.build.id] ?? {} : {};
  return {
    digest: first?.digest ?? '',
    imageid: String(firstMeta['containerimage.config.digest'] ?? first?.digest ?? ''),
    metadata: JSON.stringify(metadata),
    images: imagesOutput(results)
  };
}

export type {RegistryImage};
