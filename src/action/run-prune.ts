/**
 * `mode: prune` from the action (engine/prune.ts): `images` names the packages, `keep`, `keep-tags`,
 * `older-than` and `delete-untagged` what stays. A dry run unless `dry-run: false`. Nothing is built;
 * the inputs that decide a build are not read.
 */
import * as runner from './runner.js';
import type {Prepared} from '../pipeline/prepare.js';
import {checkModeSupport} from '../pipeline/inputs/modes.js';

export async function runPrune(prepared: Prepared, env: NodeJS.ProcessEnv): Promise<void> {
  const unwritable = runner.unwritableRunnerFiles(['GITHUB_OUTPUT', 'GITHUB_ENV', ...(prepared.inputs.summary ? ['GITHUB_STEP_SUMMARY'] : [])], env);
  if (unwritable.length) throw new Error(`${unwritable.join(' ')} Nothing was logged in to, read or deleted.`);
  // the build plan's policy verdict and version are not this mode's
  for (const w of [...checkModeSupport(prepared.inputs, false), ...prepared.warnings.filter(w => !w.startsWith('Tag policy: '))]) runner.warning(w);
  const r = prepared.inputs.prune;
  runner.info(`Pruning ${[...new Set(prepared.plan.builds.flatMap(b => b.images))].join(', ')}: keep the ${r.keep} most recent${r.olderThan ? `, delete only what is older than ${r.olderThan.text}` : ''}${r.deleteUntagged ? ', untagged manifests too' : ''}${prepared.inputs.dryRun ? ' (dry run: nothing is deleted; set dry-run: false to delete)' : ''}.`);
  const {prune} = await import('../engine/prune.js');
  await prune(prepared, env);
}
