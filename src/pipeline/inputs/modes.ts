/**
 * What this version does with `mode` and `arch-tags`: checked after the plan is made and before anything
 * is set up, logged in to, built or pushed. (`mode: build` and `mode: merge` are refused by getInputs.)
 */
import {InputError} from './errors.js';
import type {Inputs} from './index.js';

/**
 * Per-platform tags are planned (mode: plan, dry-run), not yet pushed: publishing with `arch-tags: true`
 * would silently leave them out, so it is refused instead.
 */
export function checkModeSupport(inputs: Pick<Inputs, 'mode' | 'dryRun' | 'archTags' | 'planDocument'>, publishes: boolean): string[] {
  if (inputs.archTags && publishes) {
    throw new InputError(
      'arch-tags',
      'true is not available yet for publishing in this version: the per-platform tags are only planned (mode: plan, dry-run: true), not pushed; drop arch-tags or use it with mode: plan'
    );
  }
  // the build and merge modes read it; a plan given to another mode would be silently unused
  return inputs.planDocument.trim() ? [`Input "plan" is read by mode: build and mode: merge only; with mode: ${inputs.mode} it is ignored.`] : [];
}
