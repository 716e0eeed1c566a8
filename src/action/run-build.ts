/**
 * `mode: build` from the action: one build leg of a split release. The plan comes from the `plan` input
 * (a plan document, checked by pipeline/plan-document.ts); `platforms` names the share this leg builds
 * (all of the plan's when empty). The leg builds every image of the plan for those platforms, pushes
 * by digest, and writes its records for the merge (engine/leg.ts); no release tag is touched. The inputs
 * that decide a plan are ignored, with one warning naming them. Nothing is logged in to or built before
 * the document and the platforms are valid.
 */
import * as runner from './runner.js';
import type {Prepared} from '../pipeline/prepare.js';
import {InputError} from '../pipeline/inputs/errors.js';
import {givenInput, ignoredPlanInputs} from './run-merge.js';

export async function runBuild(prepared: Prepared, env: NodeJS.ProcessEnv): Promise<void> {
  const text = prepared.inputs.planDocument;
  if (!text.trim()) throw new InputError('plan', 'is required with mode: build: pass the plan output of the mode: plan job (needs.<plan job>.outputs.plan); nothing was logged in to, built or pushed');
  const [{parsePlanDocument}, {legPlan}] = await Promise.all([import('../pipeline/plan-document.js'), import('../pipeline/leg-plan.js')]);
  const doc = parsePlanDocument(text);
  // `platforms` is this leg's share, not a plan-deciding input here
  // action.yml's default (which the runner passes when the step sets none) means: every platform of the plan
  const given = givenInput('platforms', env);
  const plan = legPlan(doc.plan, doc.digest, given ? prepared.inputs.platforms : undefined);
  const ignored = ignoredPlanInputs(env).filter(n => n !== 'platforms');
  const unwritable = runner.unwritableRunnerFiles(['GITHUB_OUTPUT', 'GITHUB_ENV', ...(prepared.inputs.summary ? ['GITHUB_STEP_SUMMARY'] : [])], env);
  if (unwritable.length) throw new Error(`${unwritable.join(' ')} Nothing was logged in to, built or pushed.`);
  const notes: string[] = [];
  if (ignored.length) runner.warning(`mode: build takes the plan from the plan input; ${ignored.map(n => `"${n}"`).join(', ')} ${ignored.length > 1 ? 'are' : 'is'} ignored (the plan job decided them).`);
  const sha = prepared.ctx.sha;
  if (sha && sha !== doc.plan.sha) {
    notes.push(`This leg's checkout is commit ${sha.slice(0, 12)}, the plan's is ${doc.plan.sha.slice(0, 12)}: the merge refuses this leg (check out the plan's commit: actions/checkout with ref: the plan's sha).`);
  }
  for (const w of [...notes, ...prepared.warnings]) runner.warning(w);
  const engine = prepared.inputs.engine;
  if (engine.stagingTags === 'keep') runner.warning('staging-tags: keep is ignored by mode: build: a leg pushes by digest and tags only its record (the merge removes it).');
  runner.info(`Build leg ${plan.legPlatforms!.join(', ')} of plan ${doc.digest} (commit ${doc.plan.sha}, ${plan.builds.length} build(s)).`);
  const {publish} = await import('../engine/publish.js');
  await publish({...prepared, plan, inputs: {...prepared.inputs, engine: {...engine, stagingTags: 'remove'}}}, env, {
    leg: {
      plan: doc.digest,
      planDigest: doc.digest,
      sha: sha || doc.plan.sha,
      runner: env['RUNNER_NAME'] || env['ImageOS'] || '',
      run: env['GITHUB_RUN_ID'] ? `${env['GITHUB_RUN_ID']}/${env['GITHUB_RUN_ATTEMPT'] || '1'}` : '',
      notes
    }
  });
}
