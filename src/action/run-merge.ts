/**
 * `mode: merge` from the action: the plan comes from the `plan` input (a plan document, checked by
 * pipeline/plan-document.ts), not from this job's inputs; the inputs that decide a plan are ignored,
 * with one warning naming them. Nothing is logged in to or read before the document is valid.
 */
import * as runner from './runner.js';
import type {Prepared} from '../pipeline/prepare.js';
import {InputError} from '../pipeline/inputs/errors.js';
import {rawInput, type Env} from './runner.js';

/** Inputs that decide what the plan is: with mode: merge the plan document decides. */
export const PLAN_DECIDING_INPUTS = ['images', 'platforms', 'registry', 'tags', 'flavor', 'labels', 'annotations', 'build-args', 'policy', 'push', 'version-file', 'arch-tags', 'bake-target'];

/**
 * action.yml's defaults of the plan-deciding inputs: the runner passes every input that has one, so a
 * value equal to it was not given by the workflow (`images`: `${{ github.repository }}`, as evaluated).
 * workflows.test.ts checks this table against action.yml.
 */
export const ACTION_DEFAULTS: Record<string, (env: Env) => string> = {
  images: env => env['GITHUB_REPOSITORY'] ?? '',
  platforms: () => 'linux/amd64,linux/arm64',
  registry: () => 'ghcr.io',
  push: () => 'auto',
  'arch-tags': () => 'false'
};

/** Whether the workflow gave the input: non-empty, and not action.yml's default as the runner passes it. */
export function givenInput(name: string, env: Env): boolean {
  const v = (rawInput(name, env) ?? '').trim();
  return v !== '' && v !== ACTION_DEFAULTS[name]?.(env);
}

/** The plan-deciding inputs this step was given (not empty, not action.yml's default), in the list's order. */
export function ignoredPlanInputs(env: Env): string[] {
  return PLAN_DECIDING_INPUTS.filter(n => givenInput(n, env));
}

export async function runMerge(prepared: Prepared, env: NodeJS.ProcessEnv): Promise<void> {
  const text = prepared.inputs.planDocument;
  if (!text.trim()) throw new InputError('plan', 'is required with mode: merge: pass the plan output of the mode: plan job (needs.<plan job>.outputs.plan); nothing was logged in to or read');
  const {parsePlanDocument} = await import('../pipeline/plan-document.js');
  const doc = parsePlanDocument(text);
  const ignored = ignoredPlanInputs(env);
  const unwritable = runner.unwritableRunnerFiles(['GITHUB_OUTPUT', 'GITHUB_ENV', ...(prepared.inputs.summary ? ['GITHUB_STEP_SUMMARY'] : [])], env);
  if (unwritable.length) throw new Error(`${unwritable.join(' ')} Nothing was logged in to, read or pushed.`);
  if (ignored.length) runner.warning(`mode: merge takes the plan from the plan input; ${ignored.map(n => `"${n}"`).join(', ')} ${ignored.length > 1 ? 'are' : 'is'} ignored (the plan job decided them).`);
  for (const w of prepared.warnings) runner.warning(w);
  runner.info(`Merging plan ${doc.digest} of ${doc.plan.sha} (${doc.plan.builds.length} build(s)).`);
  const {merge} = await import('../engine/merge.js');
  await merge(prepared, doc, env);
}
