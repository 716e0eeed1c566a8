/** The plan as readable text: the log of the action and the terminal of the local `plan` command. */
import type {Plan} from '../pipeline/plan.js';
import {logValue as v} from './escape.js';

/** The policy's verdict in one line (also a cell of the job summaries). */
export function policyLine(plan: Plan): string {
  const p = plan.policy;
  if (p.rules.length === 0) return 'no tag policy';
  const n = p.warnings.length;
  const warned = n ? `, ${n} warning${n === 1 ? '' : 's'}` : '';
  if (p.allowed) return `allowed${n ? ' with warnings' : ''} (${p.rules.length} rule${p.rules.length === 1 ? '' : 's'}: ${p.rules.join('; ')}${warned})`;
  return `REFUSED: ${p.violations.length} violation${p.violations.length === 1 ? '' : 's'}${warned}`;
}

export function formatPlan(plan: Plan, header: string): string {
  const out: string[] = [header];
  out.push(`ref ${v(plan.ref || '(none)')} · commit ${plan.sha ? v(plan.sha.slice(0, 7)) : '(none)'} · event ${v(plan.eventName || '(none)')} · version ${v(plan.version || '(none)')}`);
  out.push(`push: ${plan.push ? 'yes' : 'no'} (${v(plan.pushReason)})`);
  for (const b of plan.builds) {
    out.push('', `build ${b.id}: ${b.images.length ? b.images.map(v).join(', ') : '(no image name: bare tags)'}`);
    out.push(`  file ${v(b.file)} · context ${v(b.context)}${b.target ? ` · target ${v(b.target)}` : ''} · platforms ${b.platforms.join(', ')}`);
    out.push(`  tags${b.tags.length ? '' : ' (none: nothing would be published)'}:`, ...b.tags.map(t => `    ${v(t)}`));
    for (const a of b.archTags ?? []) out.push(`  per-platform tags of ${a.platform} (arch-tags):`, ...a.tags.map(t => `    ${v(t)}`));
    out.push('  labels:', ...b.labels.map(l => `    ${v(l)}`));
    out.push('  annotations:', ...b.annotations.map(a => `    ${v(a)}`));
    if (Object.keys(b.buildArgs).length) out.push('  build args:', ...Object.entries(b.buildArgs).map(([k, val]) => `    ${k}=${v(val)}`));
  }
  out.push('', `policy: ${v(policyLine(plan))}`);
  for (const viol of plan.policy.violations) out.push(`  ✗ ${v(viol.message)}`);
  for (const w of plan.policy.warnings) out.push(`  ! ${v(w)}`);
  const budgets = plan.policy.rules.filter(r => /^\s*max-size\s*=/i.test(r));
  if (budgets.length) out.push(`  size budgets (${budgets.map(v).join('; ')}): checked once the images are in the registry, before any tag moves`);
  return out.join('\n');
}

/**
 * What a run would sign (sign: key, engine/sign.ts), for the printed plan and the dry run's summary: []
 * when nothing is signed. The digests are not known before the build: the manifests are named by kind.
 */
export function signingPlanLines(plan: Plan, sign: {mode: string; transparencyLog: boolean; fulcioUrl?: string; rekorUrl?: string} | undefined, mode: string): string[] {
  if ((sign?.mode !== 'key' && sign?.mode !== 'keyless') || !['publish', 'merge'].includes(mode)) return [];
  const keyless = sign.mode === 'keyless';
  const tlog = keyless ? `uploaded to the transparency log (Rekor, ${v(sign.rekorUrl ?? 'https://rekor.sigstore.dev')})` : sign.transparencyLog ? 'uploaded to the transparency log (Rekor)' : 'not uploaded to the transparency log (transparency-log: false)';
  const how = keyless ? ` keyless, with the workflow's OIDC identity (certificates from Fulcio, ${v(sign.fulcioUrl ?? 'https://fulcio.sigstore.dev')}),` : '';
  return [
    `signing (sign: ${sign.mode}): with cosign,${how} after the content is verified in the registry and before any tag moves; signatures ${tlog}:`,
    ...plan.builds.flatMap(b => b.images.map(name => `  ${v(name)}: its index and the manifest of each platform (${b.platforms.join(', ')}), each as ${v(name)}:sha256-<hex>.sig`))
  ];
}
