/**
 * `mode: promote`, `mode: rollback`, `mode: history` (engine/promote.ts) and `mode: verify` (engine/verify.ts) from the action. promote: `images` names the images, `from` the tag or digest each already has,
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
  const {from, to, steps} = prepared.inputs.promote;
  const channels = to.map(t => t.tag).join(', ');
  const engine = await import('../engine/promote.js');
  const dry = prepared.inputs.dryRun ? ' (dry run)' : '';
  if (prepared.inputs.mode === 'verify') {
    runner.info(`Verifying every image at ${from}.`);
    await (await import('../engine/verify.js')).verify(prepared, env);
  } else if (prepared.inputs.mode === 'history') {
    runner.info(`History of ${channels}.`);
    await engine.history(prepared, env);
  } else if (prepared.inputs.mode === 'rollback') {
    runner.info(`Rolling back ${channels} ${from ? `to ${from}` : `${steps} step(s)`}${dry}.`);
    await engine.rollback(prepared, env);
  } else {
    runner.info(`Promoting ${from} to ${channels}${dry}.`);
    await engine.promote(prepared, env);
  }
}
