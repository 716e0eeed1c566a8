/**
 * `mode: merge`: the build legs' per-platform content (found in the registry by the plan's leg tags,
 * pipeline/leg-record.ts) becomes each image's index, and every tag moves as publish moves them
 * (engine/release.ts). Nothing is built. Before any tag moves, every build x image name x planned
 * platform must have a record of this plan, commit and build whose content holds that platform; every
 * problem is collected and reported at once. The index is made in-process, deterministically (the same
 * legs give the same digest), and PUT by digest into every name. After a successful merge the records
 * (and leg content the index does not reference) are deleted by digest, never a manifest a tag uses.
 */
import {createHash} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import * as runner from '../action/runner.js';
import type {Prepared} from '../pipeline/prepare.js';
import type {ParsedPlanDocument} from '../pipeline/plan-document.js';
import type {BuildPlan, Plan} from '../pipeline/plan.js';
import {checkRecord, legTag, platformSlug, LEG_ARTIFACT_TYPE, LEG_TAG_PATTERN, MAX_RECORD_BYTES, PLAN_ANNOTATION, type LegRecord} from '../pipeline/leg-record.js';
import {splitAnnotationLevel} from '../pipeline/metadata/labels.js';
import {parsePlatform} from '../lib/platform.js';
import {Buildx, type BuildxApi} from './buildx.js';
import {buildAnnotations} from './bake.js';
import {registrySession} from './session.js';
import {cancellation, type Cancellation} from './cancel.js';
import {verify, sizes, type VerifiedBuild} from './steps/verify.js';
import {storeAttestations, storageLeftovers} from './steps/attestation-storage.js';
import {TagPhaseError, type TagOutcome} from './steps/tags.js';
import {budgetGate, budgetRules, budgetError, violationMessage, type SizeBudget} from './steps/budget.js';
import {release, ReleaseError, imageCreated} from './release.js';
import {archTagMoves} from './arch-tag-moves.js';
import type {SkippedTag} from './steps/guard.js';
import {compareCommits} from '../pipeline/context/github-api.js';
import {leftoversSummary} from '../report/leftovers.js';
import {logValue} from '../report/escape.js';
import {signSecretValues} from '../pipeline/inputs/sign.js';
import type {AttestApi} from './attest.js';
import {signAndAttest, signingAsked, supplyChainOutputs, supplyChainPreflight, supplyChainSummary, type SupplyChain} from './steps/supply-chain.js';
import {publishSummary, skippedTagsSummary, budgetSummary, skippedTagsOutput, writeSummary, writeOutputs, imagesOutput, type PublishResult, type EngineReport} from '../report/index.js';
import type {PublishOutcome} from './publish.js';
import {channelHistory} from './history.js';

const INDEX_TYPE = 'application/vnd.oci.image.index.v1+json';
const DIGEST = /^sha256:[0-9a-f]{64}$/;

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: {os: string; architecture: string; variant?: string};
  annotations?: Record<string, string>;
  artifactType?: string;
}

/** What was found for one image name and platform. */
export interface FoundLeg {
  build: string;
  image: string;
  platform: string;
  /** The record manifest's digest (deleted after the merge). */
  recordDigest: string;
  record: LegRecord;
  /** The index children for this platform: its manifest, then its attestation manifests. */
  children: Descriptor[];
}

export interface LegsRead {
  found: FoundLeg[];
  /** One sentence per image and platform that is not there or not this plan's. */
  problems: string[];
  /** `build image` pairs with no record at all (every platform missing): a release may exist already. */
  absent: Set<string>;
}

const short = (d: string) => d.replace(/^(sha256:.{12}).*$/, '$1…');
const key = (build: string, image: string) => `${build} ${image}`;

/** Reads every record of the plan and its content; collects every problem. */
export async function readLegs(buildx: BuildxApi, plan: Plan, planDigest: string): Promise<LegsRead> {
  const found: FoundLeg[] = [];
  const problems: string[] = [];
  const missingByImage = new Map<string, number>();
  const listed = new Map<string, Promise<string[]>>();
  const listTags = (name: string) => {
    if (!listed.has(name)) listed.set(name, (buildx.listTags ? buildx.listTags(name) : Promise.resolve([])).catch(() => []));
    return listed.get(name)!;
  };
  const jobs = plan.builds.flatMap(b => b.images.flatMap(image => b.platforms.map(platform => ({b, image, platform}))));
  await Promise.all(
    jobs.map(async ({b, image, platform}) => {
      const tag = legTag(planDigest, platform);
      const where = `${platform} for ${image} (tag ${tag})`;
      try {
        const recordDigest = await buildx.tagDigest(`${image}:${tag}`);
        if (!recordDigest) {
          missingByImage.set(key(b.id, image), (missingByImage.get(key(b.id, image)) ?? 0) + 1);
          const slug = platformSlug(platform);
          const others = (await listTags(image)).filter(t => LEG_TAG_PATTERN.exec(t)?.[2] === slug && t !== tag);
          problems.push(`no leg of ${where}${others.length ? `; the repository has a leg of ${platform} of another plan (${others.slice(0, 3).join(', ')}): was the leg run with another plan output?` : ''}`);
          return;
        }
        const m = (await buildx.readManifest(image, recordDigest)) as {artifactType?: string; config?: {mediaType?: string; digest?: string; size?: number}} | undefined;
        if (m?.artifactType !== LEG_ARTIFACT_TYPE || m.config?.mediaType !== LEG_ARTIFACT_TYPE || typeof m.config.digest !== 'string' || !DIGEST.test(m.config.digest)) {
          problems.push(`the tag ${tag} of ${image} is not a leg record (artifactType ${String(m?.artifactType).slice(0, 80)})`);
          return;
        }
        if (!Number.isSafeInteger(m.config.size) || (m.config.size as number) > MAX_RECORD_BYTES || (m.config.size as number) < 0) {
          problems.push(`the leg record ${where} is larger than ${MAX_RECORD_BYTES} bytes: not read`);
          return;
        }
        const json = await buildx.imageConfig(image, recordDigest);
        const checked = checkRecord(json, {plan: planDigest, sha: plan.sha, build: b.id, image, platform});
        if ('reason' in checked) {
          problems.push(`the leg of ${where} ${checked.reason}`);
          return;
        }
        const record = checked.record;
        const children = await contentChildren(buildx, image, record, platform, planDigest, problems, where);
        if (children) found.push({build: b.id, image, platform, recordDigest, record, children});
      } catch (e) {
        problems.push(`reading the leg of ${where} failed: ${runner.redact((e as Error).message).slice(0, 300)}`);
      }
    })
  );
  const absent = new Set<string>();
  for (const b of plan.builds) for (const image of b.images) if (missingByImage.get(key(b.id, image)) === b.platforms.length) absent.add(key(b.id, image));
  // the plan's order, whatever order the reads finished in
  const order = (x: string) => jobs.findIndex(j => x.includes(` ${j.platform} for ${j.image} `));
  problems.sort((a, c) => order(a) - order(c));
  return {found, problems, absent};
}

function platformOf(platform: string): {os: string; architecture: string; variant?: string} {
  const p = parsePlatform(platform);
  return {os: p.os, architecture: p.arch, ...(p.variant ? {variant: p.variant} : {})};
}

function descriptorOf(d: Descriptor): Descriptor {
  return {
    mediaType: d.mediaType,
    digest: d.digest,
    size: d.size,
    ...(d.platform ? {platform: d.platform} : {}),
    ...(d.artifactType ? {artifactType: d.artifactType} : {}),
    ...(d.annotations && Object.keys(d.annotations).length ? {annotations: d.annotations} : {})
  };
}

const platformString = (p?: {os?: string; architecture?: string; variant?: string}) => (p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : '');

/** The content's children for `platform` (platform manifest + its attestations), or undefined with a problem. */
async function contentChildren(buildx: BuildxApi, image: string, record: LegRecord, platform: string, planDigest: string, problems: string[], where: string): Promise<Descriptor[] | undefined> {
  let content: {manifests?: Descriptor[]; config?: unknown; mediaType?: string; annotations?: Record<string, string>} | undefined;
  try {
    content = (await buildx.readManifest(image, record.content.digest)) as typeof content;
  } catch {
    content = undefined;
  }
  if (!content) {
    problems.push(`the content of the leg of ${where} (${short(record.content.digest)}) is not in the registry`);
    return undefined;
  }
  let children: Descriptor[];
  let platformManifest: {annotations?: Record<string, string>} | undefined;
  if (Array.isArray(content.manifests)) {
    const own = content.manifests.find(d => d.digest === record.platformDigest && platformString(d.platform) === platform);
    if (!own) {
      problems.push(`the content of the leg of ${where} (${short(record.content.digest)}) holds no manifest of ${platform} with digest ${short(record.platformDigest)}`);
      return undefined;
    }
    const attestations = content.manifests.filter(d => d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' && d.annotations['vnd.docker.reference.digest'] === own.digest);
    children = [own, ...attestations].map(descriptorOf);
    try {
      platformManifest = (await buildx.readManifest(image, own.digest)) as typeof platformManifest;
    } catch {
      problems.push(`the manifest of ${where} (${short(own.digest)}) is not in the registry`);
      return undefined;
    }
  } else {
    if (record.content.digest !== record.platformDigest) {
      problems.push(`the content of the leg of ${where} is a single manifest, but the record names another platform manifest`);
      return undefined;
    }
    children = [{mediaType: content.mediaType || record.content.mediaType, digest: record.content.digest, size: record.content.size, platform: platformOf(platform)}];
    platformManifest = content;
  }
  const mark = platformManifest?.annotations?.[PLAN_ANNOTATION];
  if (mark === undefined) runner.warning(`The manifest of ${where} carries no ${PLAN_ANNOTATION} annotation; its record names this plan, so it is merged.`);
  else if (mark !== planDigest) {
    problems.push(`the manifest of ${where} was built from another plan (its ${PLAN_ANNOTATION} is ${String(mark).slice(0, 80)}, not ${planDigest})`);
    return undefined;
  }
  return children;
}

/**
 * The index-level annotations of a build, as publish's bake writes them (bake.ts buildAnnotations: its
 * `index:` annotations, and each `manifest:` one the index does not set), and the plan digest.
 */
export function indexAnnotations(b: BuildPlan, planDigest: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of buildAnnotations(b.annotations)) {
    const {levels, text} = splitAnnotationLevel(line);
    if (!levels?.some(l => l === 'index')) continue;
    const eq = text.indexOf('=');
    if (eq > 0) out[text.slice(0, eq)] = text.slice(eq + 1);
  }
  out[PLAN_ANNOTATION] = planDigest;
  return out;
}

/** The index of one build's name: its legs' children in the plan's platform order, deduplicated. */
export function mergedIndex(b: BuildPlan, legs: FoundLeg[], planDigest: string): {digest: string; bytes: Uint8Array} {
  const seen = new Set<string>();
  const manifests: Descriptor[] = [];
  for (const platform of b.platforms) {
    for (const d of legs.find(l => l.platform === platform)?.children ?? []) {
      if (seen.has(d.digest)) continue;
      seen.add(d.digest);
      manifests.push(d);
    }
  }
  const index = {schemaVersion: 2, mediaType: INDEX_TYPE, manifests, annotations: indexAnnotations(b, planDigest)};
  const bytes = new TextEncoder().encode(JSON.stringify(index));
  return {digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, bytes};
}

/** An index one of the build's tags already points at that carries this plan's digest (a merge done before). */
async function existingRelease(buildx: BuildxApi, b: BuildPlan, image: string, planDigest: string): Promise<string | undefined> {
  for (const tag of b.tagNames) {
    const digest = await buildx.tagDigest(`${image}:${tag}`).catch(() => undefined);
    if (!digest) continue;
    const m = (await buildx.readManifest(image, digest).catch(() => undefined)) as {manifests?: unknown; annotations?: Record<string, string>} | undefined;
    if (m && Array.isArray(m.manifests) && m.annotations?.[PLAN_ANNOTATION] === planDigest) return digest;
  }
  return undefined;
}

export interface MergeOptions {
  report?: boolean;
  /** github-attestations: the seam over @actions/attest (default: the library itself, loaded when first used). */
  attest?: AttestApi;
}

export interface MergeOutcome extends PublishOutcome {
  /** Records and leg content that could not be removed. */
  left: {ref: string; digest: string; note: string}[];
}

export async function merge(p: Prepared, doc: ParsedPlanDocument, env: NodeJS.ProcessEnv, options: MergeOptions = {}, engine?: BuildxApi, cancel: Cancellation = cancellation): Promise<MergeOutcome> {
  const plan = doc.plan;
  const report = options.report ?? true;
  const summaryWanted = report && p.inputs.summary;
  if (plan.builds.some(b => b.images.length === 0)) throw new Error('Nothing to merge: the plan names no image.');
  // the plan document's max-size rules, refused before any login when one does not parse
  const budgets = budgetRules(plan.policy.rules, 'plan');
  if (!plan.push) {
    const outputs = mergeOutputs(plan, plan.builds.map(b => ({build: b, digest: '', images: [], seconds: 0})));
    if (report) writeOutputs({...outputs, 'skipped-tags': ''}, env);
    if (summaryWanted) writeSummary(`## multiarch-publish: merge — nothing published\n\nThe plan does not push (${plan.pushReason || 'push is off'}): no leg was read, no index created, no tag moved.\n`, env);
    runner.info(`Merge: the plan does not push (${plan.pushReason}); nothing was read or published.`);
    return {results: [], outputs, left: []};
  }
  const names = [...new Set(plan.builds.flatMap(b => b.images))];
  for (const v of signSecretValues(p.inputs.sign)) runner.setSecret(v);
  // what signing and attestations need is said before any login (steps/supply-chain.ts)
  const signs = signingAsked(p.inputs);
  const attests = p.inputs.githubAttestations === true;
  const signingLine = await supplyChainPreflight({inputs: p.inputs, env, buildx: engine ?? new Buildx(), signs, attests});
  const {buildx, loginNote} = await registrySession(p, names, env, engine);
  if (signingLine) runner.info(signingLine);
  try {
    return await run(buildx, p, doc, env, {report, summaryWanted, loginNote, cancel, budgets, signs, attests, attest: options.attest});
  } catch (err) {
    throw cancel.explain(err);
  }
}

interface RunOptions {
  report: boolean;
  summaryWanted: boolean | undefined;
  loginNote: string;
  cancel: Cancellation;
  budgets: SizeBudget[];
  signs: boolean;
  attests: boolean;
  attest?: AttestApi;
}

async function run(buildx: BuildxApi, p: Prepared, doc: ParsedPlanDocument, env: NodeJS.ProcessEnv, o: RunOptions): Promise<MergeOutcome> {
  const plan = doc.plan;
  const started = Date.now();
  const engineReport: EngineReport = {qemu: 'not needed: the merge builds nothing', builder: 'none: the merge builds nothing', cache: 'none', login: o.loginNote, bakeFile: 'none (merge)', definition: ''};
  o.cancel.check();
  const legs = await runner.group('Legs', async () => {
    const read = await readLegs(buildx, plan, doc.digest);
    // the record's runner and run are the registry's text: one line each, whatever they hold
    for (const f of read.found) runner.info(`${f.image} ${f.platform}: ${short(f.record.platformDigest)} (leg ${logValue(f.record.runner.slice(0, 100)) || 'unknown runner'}, run ${logValue(f.record.run.slice(0, 40)) || '?'})`);
    return read;
  });
  // a merge done before removed the records: its release index is re-used
  const reused = new Map<string, string>();
  const problems = [...legs.problems];
  for (const b of plan.builds) {
    for (const image of b.images) {
      if (!legs.absent.has(key(b.id, image))) continue;
      const digest = await existingRelease(buildx, b, image, doc.digest);
      if (!digest) continue;
      reused.set(key(b.id, image), digest);
      runner.info(`${image}: no leg record of this plan, but a tag already points at its index ${short(digest)} (merged before): re-used`);
      const mine = (pr: string) => b.platforms.some(pl => pr.startsWith(`no leg of ${pl} for ${image} `));
      for (let k = problems.length - 1; k >= 0; k--) if (mine(problems[k])) problems.splice(k, 1);
    }
  }
  if (problems.length) {
    const message = `The merge found ${problems.length} problem(s) with the build legs; no release tag was created or moved:\n${problems.map(x => `  - ${x}`).join('\n')}`;
    if (o.summaryWanted) writeSummary(publishSummary(plan, engineReport, [], problems, 0), env);
    throw new Error(message);
  }

  // each build's index, the same bytes under every name
  o.cancel.during('push');
  const digests: {build: BuildPlan; digest: string}[] = [];
  for (const b of plan.builds) {
    let digest: string | undefined;
    for (const image of b.images) {
      const again = reused.get(key(b.id, image));
      let d: string;
      if (again) d = again;
      else {
        const index = mergedIndex(b, legs.found.filter(f => f.build === b.id && f.image === image), doc.digest);
        await buildx.putManifest(image, index.digest, INDEX_TYPE, index.bytes);
        d = index.digest;
        runner.info(`${image}: index ${short(d)} created (${b.platforms.join(', ')})`);
      }
      if (digest && d !== digest) throw new Error(`The legs of ${b.images.join(', ')} pushed different content to the names (indexes ${short(digest)} and ${short(d)}); no release tag was created or moved.`);
      digest = d;
    }
    digests.push({build: b, digest: digest!});
  }
  o.cancel.check();
  // attestation-storage: referrers: the index without the legs' attestation entries, each one an OCI 1.1 referrer of its platform (steps/attestation-storage.ts)
  const storageNotes: string[] = [];
  if (p.inputs.engine.attestationStorage === 'referrers') {
    const dir = mkdtempSync(join(env['RUNNER_TEMP'] || tmpdir(), 'multiarch-publish-referrers-'));
    try {
      const stored = await storeAttestations({buildx, builds: digests, dir});
      digests.splice(0, digests.length, ...stored.builds.map(s => ({build: s.build, digest: s.digest})));
      storageNotes.push(...storageLeftovers(stored));
    } catch (err) {
      const message = `Storing the attestations as OCI referrers failed (attestation-storage: referrers): ${runner.redact(err instanceof Error ? err.message : String(err))}`;
      if (o.summaryWanted) writeSummary(publishSummary(plan, engineReport, [], [message], 0), env);
      throw new Error(`${message}. No release tag was created or moved.`);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
    o.cancel.check();
  }
  o.cancel.during('verification');
  let {verified} = await verify({buildx, builds: digests});
  const sized = sizes(buildx, verified);
  sized.catch(() => undefined);
  // size budgets (policy max-size of the plan, steps/budget.ts): checked before any tag moves
  const budget = await budgetGate(buildx, o.budgets, verified, sized, plan.sha);
  if (budget?.violations.length) {
    if (o.summaryWanted) writeSummary(publishSummary(plan, engineReport, [], budget.violations.map(violationMessage), 0) + budgetSummary(budget), env);
    throw new Error(budgetError(budget));
  }
  // signatures of the index and every platform manifest, then the GitHub attestations of every index, before
  // any tag moves: a failure moves none
  let supply: SupplyChain = {};
  if (o.signs || o.attests) {
    const dir = mkdtempSync(join(env['RUNNER_TEMP'] || tmpdir(), 'multiarch-publish-supply-'));
    try {
      supply = await signAndAttest({
        buildx,
        verified,
        p,
        env,
        cancel: o.cancel,
        signs: o.signs,
        attests: o.attests,
        attest: o.attest,
        dir,
        where: 'the indexes are in the registry by digest; the leg records are kept for another merge',
        failed: async (message, part) => {
          if (o.summaryWanted) writeSummary(publishSummary(plan, engineReport, [], [message], 0) + part, env);
        }
      });
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  }
  let tagMoves: TagOutcome[] = [];
  let skipped: SkippedTag[] = [];
  try {
    ({tagMoves, skipped} = await release({
      buildx,
      verified,
      sha: plan.sha,
      created: imageCreated(plan),
      force: p.inputs.engine.forceTags,
      retryTimeoutMs: p.inputs.engine.tagRetryTimeout * 1000,
      extraMoves: archTagMoves(verified, plan.sha),
      compare: (base, head) => compareCommits(p.ctx, p.inputs.githubToken, base, head, runner.warning),
      cancel: o.cancel,
      history: channelHistory(p, env, 'merge', plan)
    }));
  } catch (err) {
    const cause = err instanceof ReleaseError ? err.cause : err;
    if (err instanceof ReleaseError) skipped = err.skipped;
    if (cause instanceof TagPhaseError && o.summaryWanted) writeSummary(publishSummary(plan, engineReport, [], [], 0, {outcomes: cause.outcomes, error: cause.message}) + skippedTagsSummary(skipped), env);
    throw cause;
  }
  verified = await sized;
  const left = await removeLegs(buildx, legs.found, verified);
  if (left.length) runner.warning(`Left in the registry (it refused the deletion): ${left.map(l => `${l.ref} (${l.note})`).join(', ')}`);

  const seconds = (Date.now() - started) / 1000;
  const results: PublishResult[] = verified.map(v => ({build: v.build, digest: v.digest, images: v.images, seconds}));
  const outputs = {...mergeOutputs(plan, results), 'skipped-tags': skippedTagsOutput(skipped), ...supplyChainOutputs(supply, verified)};
  if (o.report) writeOutputs(outputs, env);
  if (o.summaryWanted) {
    writeSummary(
      publishSummary(plan, engineReport, results, [], seconds, tagMoves.length ? {outcomes: tagMoves} : undefined) +
        supplyChainSummary(supply, verified, p.ctx.owner) +
        budgetSummary(budget) +
        skippedTagsSummary(skipped) +
        leftoversSummary({push: 'by the build legs (mode: build), by digest; the index was made by the merge in-process', stagingTags: left.map(l => ({ref: l.ref, digest: l.digest})), kept: false, failed: false, what: 'leg records and leg content', notes: storageNotes}),
      env
    );
  }
  o.cancel.check();
  return {results, outputs, left};
}

/**
 * After the release: the record manifests, and leg content (an index whose children were copied) that
 * no release index references, deleted by digest. A digest any release index is or references is kept.
 */
export async function removeLegs(buildx: BuildxApi, found: FoundLeg[], verified: VerifiedBuild[]): Promise<{ref: string; digest: string; note: string}[]> {
  const used = new Set<string>();
  for (const v of verified) {
    used.add(v.digest);
    for (const img of v.images) for (const pl of img.platforms) used.add(pl.digest);
    const names = v.build.images;
    for (const name of names) {
      const index = (await buildx.readManifest(name, v.digest).catch(() => undefined)) as {manifests?: {digest: string}[]} | undefined;
      for (const m of index?.manifests ?? []) used.add(m.digest);
    }
  }
  const targets = new Map<string, {name: string; digest: string; what: string}>();
  for (const f of found) {
    targets.set(`${f.image}@${f.recordDigest}`, {name: f.image, digest: f.recordDigest, what: 'leg record'});
    if (f.record.content.digest !== f.record.platformDigest) targets.set(`${f.image}@${f.record.content.digest}`, {name: f.image, digest: f.record.content.digest, what: 'leg content'});
  }
  const left: {ref: string; digest: string; note: string}[] = [];
  for (const t of targets.values()) {
    if (used.has(t.digest)) continue;
    try {
      const deleted = await buildx.deleteManifest(t.name, t.digest);
      if (deleted) runner.info(`${t.name}@${short(t.digest)}: ${t.what} deleted`);
      else left.push({ref: `${t.name}@${t.digest}`, digest: t.digest, note: `${t.what}; the registry does not allow deleting manifests`});
    } catch (e) {
      left.push({ref: `${t.name}@${t.digest}`, digest: t.digest, note: `${t.what}; deleting it failed: ${runner.redact((e as Error).message).slice(0, 200)}`});
    }
  }
  return left;
}

/** The outputs of a merge: as publish's, from the plan and what the registry holds. */
export function mergeOutputs(plan: Plan, results: PublishResult[]): Record<string, string> {
  const first = results[0];
  return {
    digest: first?.digest ?? '',
    imageid: first?.digest ?? '',
    version: plan.version,
    // metadata-action's tags, as publish writes them (the per-platform tags are in `images`)
    tags: plan.builds.flatMap(b => b.tags).join('\n'),
    metadata: JSON.stringify(Object.fromEntries(results.map(r => [r.build.id, {'containerimage.digest': r.digest, 'image.name': r.build.tags.join(',')}]))),
    images: imagesOutput(results.map(r => ({...r, seconds: 0})))
  };
}

