/**
 * `mode: build`: the share of a plan one build leg builds. Pure: the plan document's Plan and the leg's
 * platforms -> the Plan the engine builds (each build restricted to those platforms, an image that
 * builds none of them left out), with the plan digest as a manifest annotation, so that the merge sees on
 * the content itself which plan it was built from (pipeline/leg-record.ts PLAN_ANNOTATION).
 */
import type {Plan} from './plan.js';
import {InputError} from './inputs/errors.js';
import {PLAN_ANNOTATION} from './leg-record.js';
import {platformKey} from '../lib/platform.js';

/** Every platform of the plan's builds, once, in order of first appearance. */
export function planPlatforms(plan: Pick<Plan, 'builds'>): string[] {
  return [...new Set(plan.builds.flatMap(b => b.platforms))];
}

/**
 * The leg's plan. `platforms` undefined: every platform of the plan (one leg builds everything). A
 * platform the plan does not build is an error naming the `platforms` input (nothing is built).
 */
export function legPlan(plan: Plan, planDigest: string, platforms: string[] | undefined): Plan {
  const all = planPlatforms(plan);
  // the plan's spelling of each: `linux/arm64/v8` is the plan's `linux/arm64` (lib/platform.ts platformKey)
  const spelled = (p: string) => all.find(a => platformKey(a) === platformKey(p)) ?? p;
  const wanted = platforms && platforms.length ? [...new Set(platforms.map(spelled))] : all;
  const foreign = wanted.filter(p => !all.includes(p));
  if (foreign.length) {
    throw new InputError('platforms', `${foreign.join(', ')} ${foreign.length > 1 ? 'are not platforms' : 'is not a platform'} of the plan (it builds ${all.join(', ')}): a build leg builds a share of the plan's platforms; nothing was logged in to, built or pushed`);
  }
  const mark = `manifest:${PLAN_ANNOTATION}=${planDigest}`;
  const builds = plan.builds
    .map(b => ({
      ...b,
      platforms: b.platforms.filter(p => wanted.includes(p)),
      annotations: [...b.annotations.filter(a => !a.includes(`${PLAN_ANNOTATION}=`)), mark]
    }))
    .filter(b => b.platforms.length > 0);
  return {...plan, builds, legPlatforms: all.filter(p => wanted.includes(p))};
}
