/**
 * The job summaries (markdown in the Actions UI): the plan of a dry run, and what a publishing run did.
 * Every value that comes from the user, the repository or buildx goes through ./escape.ts.
 */
import {appendSummary, type Env} from '../action/runner.js';
import type {Plan, BuildPlan} from '../pipeline/plan.js';
import type {RegistryImage} from '../engine/registry.js';
import type {TagOutcome} from '../engine/steps/tags.js';
import type {CacheMountsReport, MountOutcome} from '../engine/steps/cache-mounts.js';
import type {BudgetReport, BudgetEntry} from '../engine/steps/budget.js';
import {formatSize, formatScaled} from '../lib/size.js';
import {code, text, html, codeBlock} from './escape.js';
import {policyLine} from './plan-text.js';
import {verifyCommand, verifyHow, type SignResult, type SignedDigest} from '../engine/sign.js';

/** What the engine did, in words, for the summary. */
export interface EngineReport {
  qemu: string;
  builder: string;
  cache: string;
  login: string;
  bakeFile: string;
  definition: string;
}

export interface PublishResult {
  build: BuildPlan;
  /** The index digest buildx reported ('' when nothing was pushed). */
  digest: string;
  /** What the registry holds, read back per image name (empty when nothing was pushed). */
  images: RegistryImage[];
  seconds: number;
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

function headline(plan: Plan): string {
  return `**Ref** ${code(plan.ref || 'none')} · **commit** ${code(plan.sha ? plan.sha.slice(0, 7) : 'none')} · **version** ${code(plan.version || 'none')} · **push** ${plan.push ? 'yes' : 'no'} (${text(plan.pushReason)})`;
}

function policyVerdict(plan: Plan): string {
  return `**Tag policy:** ${plan.policy.allowed ? '✅' : '❌'} ${text(policyLine(plan))}`;
}

function buildRow(b: BuildPlan): string {
  const names = b.images.length ? b.images.map(code).join('<br>') : '_(bare tags)_';
  const tags = b.tagNames.length ? b.tagNames.map(code).join(' ') : '_none_';
  return `| ${names} | ${tags} | ${b.platforms.map(text).join('<br>')} | ${text(b.file)} |`;
}

/** The job summary of a dry run: what would be published, and whether the policy allows it. */
export function planSummary(plan: Plan, title: string): string {
  const lines = [
    `## ${text(title)}`,
    '',
    headline(plan),
    '',
    '| image | tags | platforms | Dockerfile |',
    '| --- | --- | --- | --- |',
    ...plan.builds.map(buildRow),
    '',
    policyVerdict(plan),
    ...plan.policy.violations.map(v => `- ${text(v.message)}`),
    ...plan.policy.warnings.map(w => `- ⚠️ ${text(w)}`),
    ''
  ];
  for (const b of plan.builds) {
    lines.push(`<details><summary>Labels and annotations of ${html(b.images[0] ?? b.id)}</summary>`, '', ...codeBlock([...b.labels, '', ...b.annotations]), '', '</details>', '');
  }
  return lines.join('\n');
}

export function writeSummary(markdown: string, env: Env = process.env): void {
  appendSummary(markdown + '\n', env);
}

/** The tag phase, for the summary: every tag's outcome, and the phase's error when it failed. */
export interface TagMovesReport {
  outcomes: TagOutcome[];
  error?: string;
}

const TAG_STATE: Record<TagOutcome['state'], string> = {
  moved: '✅ moved',
  unchanged: '✅ already there',
  'not-moved': '⏸ not moved',
  restored: '↩️ put back',
  removed: '↩️ removed (was new)',
  'not-restored': '❌ NOT restored',
  failed: '❌ write failed'
};

/** "Tag moves": one row per tag, old and new digest; tags that could not be put back are listed first. */
export function tagMovesSection(t: TagMovesReport): string[] {
  const left = t.outcomes.filter(o => o.state === 'not-restored');
  // a release that went through: the table is collapsed (it has a row per tag of every image)
  const fold = !t.error && !left.length;
  const moved = t.outcomes.filter(o => o.state === 'moved').length;
  const lines = fold ? [`<details><summary>Tag moves: ${moved} moved, ${t.outcomes.length - moved} already there</summary>`, ''] : ['### Tag moves', ''];
  if (t.error) lines.push(`❌ ${text(t.error.split('\n')[0])}`, '');
  if (left.length) {
    lines.push(`**Not restored** (re-run the job to complete the release): ${left.map(o => code(`${o.name}:${o.tag}`)).join(' ')}`, '');
  }
  lines.push('| tag | kind | before | now | |', '| --- | --- | --- | --- | --- |');
  const order = [...left, ...t.outcomes.filter(o => o.state !== 'not-restored')];
  for (const o of order) {
    const now = ['moved', 'unchanged', 'not-restored'].includes(o.state) ? o.digest : o.state === 'removed' ? undefined : o.previous;
    lines.push(`| ${code(`${o.name}:${o.tag}`)} | ${o.kind} | ${o.previous ? code(o.previous) : '_new_'} | ${now ? code(now) : '_none_'} | ${TAG_STATE[o.state]}${o.note ? `: ${text(o.note)}` : ''} |`);
  }
  lines.push('');
  if (fold) lines.push('</details>', '');
  return lines;
}

/** The job summary of a publishing run: one row per image, what the engine did, the policy, the bake file. */
export function publishSummary(plan: Plan, r: EngineReport, results: PublishResult[], failures: string[], buildSeconds: number, tagMoves?: TagMovesReport): string {
  const failed = failures.length > 0 || !!tagMoves?.error;
  const lines = [`## multiarch-publish: ${failed ? '❌ failed' : plan.push ? '✅ published' : '✅ built (not pushed)'}`, '', `${headline(plan)} · **build** ${buildSeconds.toFixed(1)} s`, ''];
  // a failed tag phase first: which tags were left where is what the reader needs
  if (tagMoves?.error) lines.push(...tagMovesSection(tagMoves));
  if (failures.length) {
    lines.push(...failures.map(f => `- ❌ ${text(f)}`), '', 'No tag was moved: every tag that existed before this run still points where it did.', '');
  }
  if (results.length) {
    lines.push('| image | tags | digest | platforms | size | build time |', '| --- | --- | --- | --- | --- | --- |');
    for (const res of results) {
      const images = res.images.length ? res.images : res.build.images.map(name => ({name, digest: res.digest, mediaType: '', platforms: res.build.platforms.map(p => ({platform: p, digest: '', size: 0}))}));
      for (const img of images) {
        const sizes = img.platforms.map(p => (p.size ? `${text(p.platform)} ${humanSize(p.size)}` : text(p.platform))).join('<br>');
        lines.push(`| ${code(img.name)} | ${res.build.tagNames.map(code).join(' ')} | ${img.digest ? code(img.digest.slice(0, 19) + '…') : '_not pushed_'} | ${img.platforms.map(p => text(p.platform)).join('<br>')} | ${res.images.length ? sizes : '—'} | ${res.seconds.toFixed(1)} s |`);
      }
    }
    lines.push('');
  }
  if (tagMoves && !tagMoves.error) lines.push(...tagMovesSection(tagMoves));
  lines.push(...engineSection(plan, r));
  return lines.join('\n');
}

/** What the engine did (QEMU, builder, cache, login), the policy, and the bake definition folded. */
function engineSection(plan: Plan, r: EngineReport): string[] {
  return [
    `**QEMU:** ${text(r.qemu)}  `,
    `**Builder:** ${text(r.builder)}  `,
    `**Cache:** ${text(r.cache)}  `,
    `**Login:** ${text(r.login)}  `,
    policyVerdict(plan),
    ...plan.policy.warnings.map(w => `- ⚠️ ${text(w)}`),
    '',
    `<details><summary>Bake definition (${html(r.bakeFile)})</summary>`,
    '',
    ...codeBlock(r.definition.split('\n'), 'json'),
    '',
    '</details>',
    ''
  ];
}

/** One row of a build leg's summary: what it pushed for one image name and platform (engine/leg.ts LegDigest). */
export interface LegSummaryRow {
  image: string;
  platform: string;
  digest: string;
  content: string;
  record: string;
}

/**
 * The job summary of a build leg (mode: build): which platforms of which plan it built, per image and
 * platform the digest it pushed and the record the merge reads; no tag moved.
 */
export function legSummary(plan: Plan, planDigest: string, r: EngineReport, rows: LegSummaryRow[], failures: string[], buildSeconds: number, notes: string[] = []): string {
  const failed = failures.length > 0;
  const platforms = plan.legPlatforms ?? [];
  const state = failed ? '❌ failed' : plan.push ? '✅ pushed for the merge' : '✅ built (not pushed)';
  const lines = [`## multiarch-publish: build leg ${platforms.map(p => text(p)).join(', ')} — ${state}`, '', `**plan** ${code(planDigest)} · **commit** ${code(plan.sha.slice(0, 12))} · **build** ${buildSeconds.toFixed(1)} s`, ''];
  lines.push(...notes.map(n => `- ⚠️ ${text(n)}`), ...(notes.length ? [''] : []));
  if (failed) lines.push(...failures.map(f => `- ❌ ${text(f)}`), '', 'No leg record was written: the merge of this plan fails until this leg succeeds. No release tag was touched.', '');
  if (rows.length) {
    lines.push('| image | platform | digest | pushed content | record (for the merge) |', '| --- | --- | --- | --- | --- |');
    for (const row of rows) lines.push(`| ${code(row.image)} | ${text(row.platform)} | ${code(row.digest)} | ${code(row.content.slice(0, 19) + '…')} | ${code(row.record)} |`);
    lines.push('', 'No release tag was moved: the merge job creates the indexes and moves the tags once every leg is in the registry.', '');
  } else if (!failed && !plan.push) {
    lines.push(`Not pushed (${text(plan.pushReason)}): no leg record was written.`, '');
  }
  lines.push(...engineSection(plan, r));
  return lines.join('\n');
}

/**
 * The summary's "Skipped tags" part: the mutable tags the guard did not move (they point at content of a
 * newer commit), each with the reason; '' when none. Appended to the publish summary.
 */
export function skippedTagsSummary(skipped: {name: string; tag: string; reason: string}[]): string {
  if (!skipped.length) return '';
  return [
    '### Skipped tags',
    '',
    ...skipped.map(s => `- ⚠️ ${code(`${s.name}:${s.tag}`)} not moved: it ${text(s.reason)}`),
    '',
    'Another run published newer content under these tags; `force-tags: true` moves them anyway.',
    ''
  ].join('\n');
}

/** The change of one platform image's size since the content its baseline tag pointed at before the run. */
function budgetChange(e: BudgetEntry): string {
  const b = e.before;
  if (!b) return '—';
  if (!b.digest) return `_new_ (no ${code(b.tag)} before)`;
  if (b.same) return `none (${code(b.tag)} is this content already)`;
  if (!b.size || !(e.size > 0)) return `— (${code(b.tag)} had no size for this platform)`;
  const d = e.size - b.size;
  const ratio = Math.abs(d / b.size) * 100;
  const pct = ratio < 0.1 ? '<0.1' : ratio.toFixed(1);
  const since = `since ${code(b.tag)} (${code(b.digest.slice(0, 19) + '…')})`;
  if (d === 0) return `±0 ${since}`;
  return `${d > 0 ? '+' : '−'}${formatScaled(Math.abs(d), e.rule.unit)} (${d > 0 ? '+' : '−'}${pct} %) ${since}`;
}

/**
 * The summary's "Size budgets" part (policy max-size, engine/steps/budget.ts): every budgeted image's
 * compressed size per platform beside its budget, over budget or not, and the change since the content
 * its `latest` (or first mutable) tag pointed at before the run; '' when no budget applied.
 */
export function budgetSummary(r: BudgetReport | undefined): string {
  if (!r || !r.entries.length) return '';
  const lines = ['### Size budgets', ''];
  if (r.violations.length) lines.push(`❌ ${r.violations.length} platform image${r.violations.length === 1 ? '' : 's'} over budget: no tag was created or moved.`, '');
  lines.push('| image | platform | size | budget | change | |', '| --- | --- | --- | --- | --- | --- |');
  for (const e of r.entries) {
    const size = e.size > 0 ? formatSize(e.size, e.rule.unit) : '_unknown_';
    const state = e.over ? (e.size > 0 ? '❌ over budget' : '❌ size unknown') : '✅';
    lines.push(`| ${code(e.image)} | ${text(e.platform)} | ${size} | ${formatSize(e.rule.bytes, e.rule.unit)} (${code(e.rule.source)}) | ${budgetChange(e)} | ${state} |`);
  }
  lines.push('', 'Sizes are compressed: the config and layers of each platform\'s manifest, as a pull downloads them (KB, MB, GB: powers of 1000; KiB, MiB, GiB: powers of 1024).', '');
  return lines.join('\n');
}

const MOUNT_OUTCOME: Record<MountOutcome, string> = {
  saved: '✅ saved',
  unchanged: '✅ unchanged (not saved again)',
  empty: 'empty (not saved)',
  'not-saved': '⚠️ not saved (see the log)',
  'not-extracted': '⚠️ not copied out (see the log)'
};

/**
 * The summary's "Cache mounts" part: each `RUN --mount=type=cache` kept across runs, with its size, the
 * key it was restored from and whether it was saved; then the notes (mounts skipped, and why). '' when
 * the input is false or nothing was found. Ids, targets and keys come from Dockerfiles: escaped.
 */
export function cacheMountsSummary(r: CacheMountsReport | undefined): string {
  if (!r || (!r.mounts.length && !r.notes.length)) return '';
  const lines = ['### Cache mounts', ''];
  if (r.mounts.length) {
    lines.push('| id | target | platform | size | restored | saved |', '| --- | --- | --- | --- | --- | --- |');
    for (const s of r.mounts) {
      const restored = s.restoredFrom ? `✅ restored from ${code(s.restoredFrom)}` : r.active ? 'no (started empty)' : 'no';
      const saved = s.outcome ? `${MOUNT_OUTCOME[s.outcome]}${s.savedKey ? ` as ${code(s.savedKey)}` : ''}` : '—';
      lines.push(`| ${code(s.mount.id)} | ${code(s.mount.target)} | ${s.mount.platform ? text(s.mount.platform) : 'all'} | ${s.size !== undefined ? humanSize(s.size) : '—'} | ${restored} | ${saved} |`);
    }
    lines.push('');
  }
  lines.push(...r.notes.map(n => `- ${text(n)}`), ...(r.notes.length ? [''] : []));
  return lines.join('\n');
}

/** One target tag of a promotion (the `promotions` output, one entry each). */
export interface Promotion {
  image: string;
  tag: string;
  /** The `from` input (tag or digest). */
  from: string;
  /** Where the tag pointed before (null: it did not exist). */
  before: string | null;
  /** The source digest the tag points at now (or would, in a dry run). */
  digest: string;
  /** steps/tags.ts TagOutcome state, or `would-move` in a dry run. */
  state: string;
}

export interface PromoteReport {
  from: string;
  to: string[];
  promotions: Promotion[];
  failures: string[];
  loginNote: string;
  dryRun: boolean;
  /** `promote` (default) or `rollback`: the title's verb. */
  verb?: 'promote' | 'rollback';
}

const shortDigest = (d: string | null) => (d ? code(d.replace(/^(sha256:.{4}).*$/, '$1…')) : '_new_');

/** The job summary of mode: promote: every transition `tag: before → now (from source)`. */
export function promoteSummary(r: PromoteReport): string {
  const failed = r.failures.length > 0;
  const verb = r.verb ?? 'promote';
  const state = failed ? '❌ failed' : r.dryRun ? '📝 dry run (nothing moved)' : verb === 'rollback' ? '✅ rolled back' : '✅ promoted';
  const lines = [verb === 'rollback' ? `## multiarch-publish: rollback ${r.to.map(code).join(' ')} (${text(r.from)}) — ${state}` : `## multiarch-publish: promote ${code(r.from)} → ${r.to.map(code).join(' ')} — ${state}`, ''];
  if (failed) lines.push(...r.failures.map(f => `- ❌ ${text(f)}`), '');
  if (r.promotions.length) {
    lines.push('| image | transition | state |', '| --- | --- | --- |');
    for (const p of r.promotions) lines.push(`| ${code(p.image)} | ${code(p.tag)}: ${shortDigest(p.before)} → ${shortDigest(p.digest)} (from ${code(p.from)}) | ${text(p.state)} |`);
    lines.push('');
  }
  if (failed && !r.promotions.some(p => p.state === 'moved' || p.state === 'not-restored')) lines.push('No tag was moved: every tag still points where it did.', '');
  lines.push(`**Login:** ${text(r.loginNote)}  `, '');
  return lines.join('\n');
}

/** The job summary of mode: history: per image and channel, where it points and its recorded moves. */
export function historySummary(channels: {image: string; channel: string; current: string | null; entries: {at: string; kind: string; before: string | null; after: string; source: string; actor: string; run: string}[]}[]): string {
  const lines = ['## multiarch-publish: channel history', ''];
  for (const c of channels) {
    lines.push(`### ${code(c.image)} ${code(c.channel)}`, '', `Now: ${c.current ? code(c.current) : '_no such tag_'} · ${c.entries.length} recorded move(s)`, '');
    if (!c.entries.length) continue;
    lines.push('| when | kind | before | after | source | by | run |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const e of [...c.entries].reverse()) lines.push(`| ${text(e.at)} | ${text(e.kind)} | ${shortDigest(e.before)} | ${shortDigest(e.after)} | ${e.source ? code(e.source) : ''} | ${text(e.actor)} | ${text(e.run)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** One image's prune, as the summary shows it (engine/prune.ts PrunedImage). */
export interface PruneReportImage {
  image: string;
  backend: string;
  kept: number;
  deleted: {digest: string; tags: string[]; kind: string; reason: string; bytes: number}[];
  notDeleted: {digest: string; tags: string[]; kind: string; reason: string; bytes: number}[];
  bytesFreed: number;
  error?: string;
}

export interface PruneReport {
  images: PruneReportImage[];
  dryRun: boolean;
  loginNote: string;
  /** The rules in words (keep, keep-tags, older-than, delete-untagged). */
  rules: string;
}

/** The job summary of mode: prune: per image a table of what is (or would be) deleted, with tags, reason and size; the total freed. */
export function pruneSummary(r: PruneReport): string {
  const failed = r.images.some(i => i.error);
  const state = failed ? '❌ failed' : r.dryRun ? '📝 dry run (nothing deleted)' : '✅ pruned';
  const total = r.images.reduce((n, i) => n + i.bytesFreed, 0);
  const lines = [`## multiarch-publish: prune — ${state}`, ''];
  if (r.dryRun) lines.push('Dry run: nothing deleted, set `dry-run: false` to delete.', '');
  lines.push(`**Rules:** ${text(r.rules)}  `, '');
  const row = (x: PruneReportImage['deleted'][number]) => `| ${code(x.digest.replace(/^(sha256:.{12}).*$/, '$1…'))} | ${x.tags.length ? x.tags.map(code).join(' ') : '_untagged_'} | ${text(x.kind)} | ${text(x.reason)} | ${humanSize(x.bytes)} |`;
  for (const i of r.images) {
    lines.push(`### ${code(i.image)}`, '', `${i.kept} version(s) kept · ${i.deleted.length} manifest(s) ${r.dryRun ? 'would be deleted' : 'deleted'} · ${humanSize(i.bytesFreed)} ${r.dryRun ? 'would be freed' : 'freed'} · ${text(i.backend)}`, '');
    if (i.error) lines.push(`- ❌ ${text(i.error)}`, '');
    if (i.deleted.length) lines.push('| digest | tags | kind | reason | size |', '| --- | --- | --- | --- | --- |', ...i.deleted.map(row), '');
    if (i.notDeleted.length) lines.push('**Not deleted:**', '', '| digest | tags | kind | reason | size |', '| --- | --- | --- | --- | --- |', ...i.notDeleted.map(row), '');
  }
  lines.push(`**Total ${r.dryRun ? 'that would be freed' : 'freed'}:** ${humanSize(total)} (manifests, configs and layers only deleted versions referenced; the registry reclaims blobs at its own garbage collection)  `, `**Login:** ${text(r.loginNote)}  `, '');
  return lines.join('\n');
}

/**
 * The summary's "Signatures" part (sign: key or keyless, engine/sign.ts): per image the command a consumer verifies
 * its index with, and every digest signed with the tag of its signature; after a failed signing, what
 * was signed before it stopped and that no tag moved. '' when nothing was to be signed.
 */
export function signaturesSummary(r: {result?: SignResult; signed?: SignedDigest[]; indexes: {name: string; digest: string}[]; transparencyLog: boolean; error?: string} | undefined): string {
  if (!r) return '';
  const signed = r.result?.signed ?? r.signed ?? [];
  // a blank line first: after the summary's closing </details> a heading would be read as part of that HTML block
  const lines = ['', '### Signatures', ''];
  if (r.error) {
    lines.push(`❌ Signing failed: ${text(r.error)}`, '', 'No tag was created or moved: nothing was released. The content is in the registry by digest.', '');
    if (signed.length) lines.push('The signatures made before it stopped stay, under their signature tags (below): they sign this content by digest, which no release tag points at.', '');
  }
  else if (r.result?.keyless) {
    const k = r.result.keyless;
    lines.push(`Signed keyless with cosign (sign: keyless) before any tag moved: certificates from Fulcio for the workflow's OIDC identity, every signature in the transparency log (Rekor${r.result.rekorUrl ? ` at ${code(r.result.rekorUrl)}` : ''}).  `, `**Certificate identity:** ${code(k.identity)}  `, `**OIDC issuer:** ${code(k.issuer)}  `, '', 'Verify, pinning that identity and issuer:', '');
    lines.push(...codeBlock(r.indexes.map(i => verifyCommand(i.name, i.digest, verifyHow(r.result!))), 'sh'), '');
  }
  else {
    lines.push(`Signed with cosign (sign: key) before any tag moved; transparency log: ${r.transparencyLog ? 'uploaded (Rekor)' : 'off (transparency-log: false)'}. Verify with the public key of the pair:`, '');
    lines.push(...codeBlock(r.indexes.map(i => verifyCommand(i.name, i.digest, r.result ? verifyHow(r.result) : r.transparencyLog)), 'sh'), '');
  }
  if (signed.length) {
    lines.push('| image | manifest | digest | signature |', '| --- | --- | --- | --- |');
    for (const s of signed) lines.push(`| ${code(s.name)} | ${text(s.platform)} | ${code(s.digest)} | ${code(s.signature.slice(s.name.length + 1))} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** The dry run's "Signing" part: what would be signed (report/plan-text.ts signingPlanLines); '' when nothing. */
export function signingPlanSummary(lines: string[], mode = 'key'): string {
  if (!lines.length) return '';
  return ['', `### Signing (sign: ${mode === 'keyless' ? 'keyless' : 'key'})`, '', ...codeBlock(lines), ''].join('\n');
}

/** What mode: verify found, per image and digest (engine/verify.ts). Registry text goes through code()/text(). */
export interface VerifyReport {
  from: string;
  requirements: string;
  loginNote: string;
  findings: {name: string; digest: string; problems: string[]; digests: {platform: string; digest: string; signature?: {ok: boolean; detail: string}; attestations: Partial<Record<string, string>>}[]}[];
}

/** The job summary of mode: verify: one row per image and digest checked, then every unmet requirement. */
export function verifySummary(r: VerifyReport): string {
  const problems = r.findings.flatMap(f => f.problems);
  const state = problems.length ? `❌ ${problems.length} requirement(s) not met` : '✅ verified';
  const lines = [`## multiarch-publish: verify ${code(r.from)} — ${state}`, '', `Required: ${text(r.requirements)}`, ''];
  if (problems.length) lines.push(...problems.map(p => `- ❌ ${text(p)}`), '');
  const kinds = [...new Set(r.findings.flatMap(f => f.digests.flatMap(d => Object.keys(d.attestations))))];
  const signed = r.findings.some(f => f.digests.some(d => d.signature));
  const rows = r.findings.flatMap(f => f.digests.map(d => ({f, d})));
  if (rows.length) {
    lines.push(`| image | platform | digest |${signed ? ' signature |' : ''}${kinds.map(k => ` ${k} |`).join('')}`, `| --- | --- | --- |${signed ? ' --- |' : ''}${kinds.map(() => ' --- |').join('')}`);
    for (const {f, d} of rows) {
      const sig = signed ? ` ${d.signature ? (d.signature.ok ? '✅' : `❌ ${text(d.signature.detail)}`) : ''} |` : '';
      const att = kinds.map(k => ` ${d.platform === 'index' ? '' : d.attestations[k] ? '✅' : '❌ missing'} |`).join('');
      lines.push(`| ${code(f.name)} | ${text(d.platform || '—')} | ${shortDigest(d.digest)} |${sig}${att}`);
    }
    lines.push('');
  }
  lines.push(`**Login:** ${text(r.loginNote)}  `, '');
  return lines.join('\n');
}
