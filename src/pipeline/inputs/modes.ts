/**
 * What this version does with `mode` and `plan`: checked after the plan is made and before anything is
 * set up, logged in to, built or pushed. (`arch-tags: true` is pushed by publish and merge.)
 */
import type {Inputs} from './index.js';

/** Warnings about inputs the mode does not read. `publishes` is kept for the callers' signature. */
export function checkModeSupport(inputs: Pick<Inputs, 'mode' | 'dryRun' | 'archTags' | 'planDocument'> & {promote?: Inputs['promote']; verify?: Inputs['verify']}, _publishes: boolean): string[] {
  const out: string[] = [];
  // an input another mode reads would be silently unused: said once
  if (!['promote', 'rollback', 'history', 'verify'].includes(inputs.mode)) {
    for (const [name, given] of [['from', !!inputs.promote?.from], ['to', !!inputs.promote?.to.length], ['steps', !!inputs.promote?.stepsGiven]] as const) {
      if (given) out.push(`Input "${name}" is read by mode: promote, rollback and history only; with mode: ${inputs.mode} it is ignored.`);
    }
  }
  if (!['promote', 'verify'].includes(inputs.mode) && inputs.verify && (inputs.verify.signature || inputs.verify.attestations.length)) {
    out.push(`Inputs "require-signature" and "require-attestations" are read by mode: verify and mode: promote only; with mode: ${inputs.mode} they are ignored.`);
  }
  if (inputs.mode === 'build' || inputs.mode === 'merge') return out;
  if (inputs.planDocument.trim()) out.unshift(`Input "plan" is read by mode: build and mode: merge only; with mode: ${inputs.mode} it is ignored.`);
  return out;
}
