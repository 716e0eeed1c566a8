/**
 * What this version does with `mode` and `plan`: checked after the plan is made and before anything is
 * set up, logged in to, built or pushed. (`arch-tags: true` is pushed by publish and merge.)
 */
import type {Inputs} from './index.js';

/** Warnings about inputs the mode does not read. `publishes` is kept for the callers' signature. */
export function checkModeSupport(inputs: Pick<Inputs, 'mode' | 'dryRun' | 'archTags' | 'planDocument'>, _publishes: boolean): string[] {
  if (inputs.mode === 'build' || inputs.mode === 'merge') return [];
  // the build and merge modes read it; a plan given to another mode would be silently unused
  return inputs.planDocument.trim() ? [`Input "plan" is read by mode: build and mode: merge only; with mode: ${inputs.mode} it is ignored.`] : [];
}
