/**
 * The action's main job: plan (inputs -> context -> metadata -> policy -> plan), report it, and, unless
 * this is a dry run, publish it through the engine. Each step is one call; the order is the contract:
 * nothing is logged in to, built or pushed before the inputs are valid and the policy allows the plan.
 */
import * as runner from './runner.js';
import {workflowContext} from '../pipeline/context/index.js';
import {prepare, type Prepared} from '../pipeline/prepare.js';
import {formatPlan, metadataOutputs, planSummary, signingPlanLines, signingPlanSummary, writeBakeFiles, writeOutputs, writeSummary} from '../report/index.js';
import {attestPlanLines, attestPlanSummary} from '../report/attestations.js';
import {signSecretValues} from '../pipeline/inputs/sign.js';
import {PolicyRefusal} from '../pipeline/errors.js';
import {checkModeSupport} from '../pipeline/inputs/modes.js';
import {dirname} from 'node:path';
import {STATE, remember} from './state.js';
import type {Leg} from '../pipeline/legs.js';

const TITLE = 'multiarch-publish';

export async function runMain(env = process.env): Promise<void> {
  const ctx = workflowContext(env);
  const prepared = await prepare(ctx, {env, useApi: true, workspace: env['GITHUB_WORKSPACE'] || process.cwd()});
  // the signing key and its password are masked before anything is printed, whatever the mode
  for (const v of signSecretValues(prepared.inputs.sign)) runner.setSecret(v);
  // mode: merge: the plan is the plan input's, not this job's (action/run-merge.ts)
  if (prepared.inputs.mode === 'merge') return (await import('./run-merge.js')).runMerge(prepared, env);
  // mode: build: a leg of the plan input's plan, for the platforms input (action/run-build.ts)
  if (prepared.inputs.mode === 'build') return (await import('./run-build.js')).runBuild(prepared, env);
  // the release lifecycle: promote, rollback, history: existing tags, no build (action/run-promote.ts)
  // and verify: signatures and attestations of existing images, before a deployment uses them
  if (prepared.inputs.mode === 'promote' || prepared.inputs.mode === 'rollback' || prepared.inputs.mode === 'history' || prepared.inputs.mode === 'verify') return (await import('./run-promote.js')).runPromote(prepared, env);
  // old versions out of the registry, nothing a kept one needs (action/run-prune.ts)
  if (prepared.inputs.mode === 'prune') return (await import('./run-prune.js')).runPrune(prepared, env);
  // the build matrix of the reusable workflow: a runners map that leaves a platform without a leg fails here
  const legs = prepared.inputs.mode === 'plan' ? (await import('../pipeline/legs.js')).computeLegs(planPlatforms(prepared), prepared.inputs.runners) : undefined;
  const modeWarnings = checkModeSupport(prepared.inputs, prepared.inputs.mode === 'publish' && !prepared.inputs.dryRun);
  // before anything is written, logged in to or built (the post step's state is checked by main.ts)
  const unwritable = runner.unwritableRunnerFiles(['GITHUB_OUTPUT', 'GITHUB_ENV', ...(prepared.inputs.summary ? ['GITHUB_STEP_SUMMARY'] : [])], env);
  if (unwritable.length) throw new Error(`${unwritable.join(' ')} Nothing was logged in to, built or pushed.`);
  for (const w of [...modeWarnings, ...prepared.warnings]) runner.warning(w);
  await reportPlan(prepared, env, legs);
  if (!prepared.plan.policy.allowed) throw new PolicyRefusal(prepared.plan.policy.violations.map(v => v.message));
  if (prepared.inputs.mode === 'plan') {
    runner.info('Plan mode: the plan document is the plan output; nothing was set up, logged in to, built or pushed.');
    return;
  }
  if (prepared.inputs.dryRun) {
    runner.info('Dry run: nothing was set up, logged in to, built or pushed.');
    return;
  }
  const {publish} = await import('../engine/publish.js');
  await publish(prepared, env);
}

/** Every platform of the plan's builds, once, in order of first appearance. */
function planPlatforms(p: Prepared): string[] {
  return [...new Set(p.plan.builds.flatMap(b => b.platforms))];
}

async function reportPlan(p: Prepared, env: NodeJS.ProcessEnv, legs?: Leg[]): Promise<void> {
  const {inputs, metadata, plan} = p;
  if (!metadata.version.main) runner.warning('No Docker image version has been generated. Check tags input.');
  const planOnly = inputs.mode === 'plan';
  const signing = signingPlanLines(plan, inputs.sign, inputs.mode);
  const attesting = attestPlanLines(plan, inputs.githubAttestations, inputs.mode);
  runner.group(planOnly ? 'Plan (mode: plan)' : inputs.dryRun ? 'Plan (dry run)' : 'Plan', () => runner.info([formatPlan(plan, `${TITLE} plan`), ...(signing.length ? ['', ...signing] : []), ...(attesting.length ? ['', ...attesting] : [])].join('\n')));
  const bakeFiles = writeBakeFiles(inputs, metadata, plan, env);
  // later steps of the job read them; the post step (after every one of them) removes them
  remember(STATE.bakeFilesDir, dirname(bakeFiles['bake-file']));
  const outputs: Record<string, string> = {...metadataOutputs(inputs, metadata, plan)};
  // mode: plan writes the plan document (plan-document.ts), the input of the build legs and the merge
  if (planOnly) {
    const {planDocumentOf, planDocumentText} = await import('../pipeline/plan-document.js');
    outputs.plan = planDocumentText(planDocumentOf(plan, p.ctx));
    // the build matrix: [{runner, platforms: "a,b"}], never empty (computeLegs refuses no platform)
    outputs.legs = JSON.stringify(legs ?? []);
  }
  writeOutputs({...outputs, ...bakeFiles}, env);
  if ((inputs.dryRun || planOnly) && inputs.summary) writeSummary(planSummary(plan, `${TITLE}: plan${planOnly ? '' : ' (dry run)'}`) + signingPlanSummary(signing, inputs.sign.mode) + attestPlanSummary(attesting), env);
}
