// Helpers of the unit tests: real runner environments and event payloads from docker/metadata-action's
// fixtures (__tests__/fixtures/metadata-action/fixtures), turned into a Context, and the pure pipeline
// (inputs -> context -> metadata -> plan) run in-process on them.
import fs from 'node:fs';
import path from 'node:path';
import {eventFixturesDir, parseEnvFile} from './action.js';
import {getInputs, type Inputs} from '../../src/pipeline/inputs/index.js';
import {workflowContext, type Context} from '../../src/pipeline/context/index.js';
import {computeMetadata, type Metadata, type RepoInfo} from '../../src/pipeline/metadata/index.js';
import {buildPlan, type Plan} from '../../src/pipeline/plan.js';
import type {Env} from '../../src/action/runner.js';

/** 2024-06-28T14:30:22Z, the instant of the date tables. */
export const FIXED_NOW = new Date('2024-06-28T14:30:22Z');
export const fixedClock = (): Date => new Date(FIXED_NOW);

/** The repository API's answer of the fixtures (repo.json, octocat/Hello-World), as fetchRepoInfo reads it. */
export function fixtureRepo(): RepoInfo {
  const data = JSON.parse(fs.readFileSync(path.join(eventFixturesDir, 'repo.json'), 'utf8'));
  return {
    name: data.name,
    description: data.description,
    htmlUrl: data.html_url,
    license: data.license.spdx_id,
    defaultBranch: data.default_branch
  };
}

/**
 * The environment of one event fixture (`event_push_master` or `event_push_master.env`), with its
 * GITHUB_EVENT_PATH resolved, then `overrides` (an undefined value removes the variable).
 */
export function fixtureEnv(name: string, overrides: Env = {}): Env {
  const file = name.endsWith('.env') ? name : `${name}.env`;
  const env: Env = {...parseEnvFile(file)};
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** The workflow Context of one event fixture, with a fixed clock. */
export function fixtureContext(name: string, overrides: Env = {}, clock: () => Date = fixedClock): Context {
  return workflowContext(fixtureEnv(name, overrides), p => fs.readFileSync(p, 'utf8'), clock);
}

/** `INPUT_<NAME>` variables for action inputs (`dry-run` -> `INPUT_DRY-RUN`). */
export function inputEnv(inputs: Record<string, string | string[] | undefined>): Env {
  const env: Env = {};
  for (const [name, value] of Object.entries(inputs)) {
    if (value === undefined) continue;
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = Array.isArray(value) ? value.join('\n') : value;
  }
  return env;
}

export interface Pipeline {
  inputs: Inputs;
  ctx: Context;
  metadata: Metadata;
  plan: Plan;
}

export interface PipelineOptions {
  /** Event fixture name, e.g. `event_push_master`. */
  event: string;
  /** Action inputs (arrays are joined with newlines). */
  inputs?: Record<string, string | string[] | undefined>;
  /** Extra environment (overrides the fixture's). */
  env?: Env;
  repo?: RepoInfo;
  clock?: () => Date;
  fileVersion?: string;
  annotationLevels?: string[];
}

/** inputs -> context -> metadata -> plan, on a fixture, without the API, the file system or the engine. */
export async function runPipeline(o: PipelineOptions): Promise<Pipeline> {
  const env = fixtureEnv(o.event, {...(o.env ?? {}), ...inputEnv(o.inputs ?? {})});
  const inputs = getInputs(env);
  const ctx = workflowContext(env, p => fs.readFileSync(p, 'utf8'), o.clock ?? fixedClock);
  const levels = o.annotationLevels ?? ['manifest'];
  const metadata = await computeMetadata(
    {
      tags: inputs.tags,
      flavor: inputs.flavor,
      labels: inputs.labels,
      annotations: inputs.annotations,
      fileVersion: o.fileVersion,
      annotationLevels: levels
    },
    ctx,
    o.repo ?? fixtureRepo()
  );
  const plan = buildPlan(inputs, ctx, metadata, levels);
  return {inputs, ctx, metadata, plan};
}

/** Runs `fn`, expects it to throw, and returns what it threw. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception, none was thrown');
}

/** Awaits `p`, expects it to reject, and returns the reason. */
export async function rejected(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection, the promise resolved');
}
