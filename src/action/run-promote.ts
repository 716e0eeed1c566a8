/**
 * `mode: promote` from the action: `images` names the images, `from` the tag or digest each already has,
 * `to` the tags to point at it (engine/promote.ts). Nothing is built; the inputs that decide a build
 * are not read.
 */
import * as runner from './runner.js';
import type {Prepared} from '../pipeline/prepare.js';

export async function runPromote(prepared: Prepared, env: NodeJS.ProcessEnv): Promise<void> {
  const unwritable = runner.unwritableRunnerFiles(['GITHUB_OUTPUT', 'GITHUB_ENV', ...(prepared.inputs.summary ? ['GITHUB_STEP_SUMMARY'] : [])], env);
  if (unwritable.length) throw new Error(`${unwritable.join(' ')} Nothing was logged in to, read or moved.`);
  // the build plan's policy verdict is not this mode's: promote checks the target tags itself
  for (const w of prepared.warnings.filter(w => !w.startsWith('Tag policy: '))) runner.warning(w);
  const {from, to} = prepared.inputs.promote;
  runner.info(`Promoting ${from} to ${to.map(t => t.tag).join(', ')}${prepared.inputs.dryRun ? ' (dry run)' : ''}.`);
  const {promote} = await import('../engine/promote.js');
  await promote(prepared, env);
}
