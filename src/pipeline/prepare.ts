/**
 * The pure front half of every run: inputs -> context -> metadata -> policy -> plan. Nothing here logs
 * in, builds or pushes; input errors and policy refusals surface before anything else happens.
 */
import {getInputs, parseRegistryAuth, type Inputs, type RegistryCredential} from './inputs/index.js';
import type {Context} from './context/index.js';
import {computeMetadata, needsCommitDate, type Metadata, type MetadataInputs} from './metadata/index.js';
import {fetchRepoInfo, fetchCommitDate, repoFromContext} from './context/github-api.js';
import {buildPlan, type Plan} from './plan.js';
import {parseVersionFile, checkTagAgreesWithFile, readVersionFile} from './inputs/version-file.js';
import type {Env} from '../action/runner.js';
import {signWarnings} from './inputs/sign.js';
import {attestWarnings, attestationStorageWarnings} from './inputs/attest.js';

export interface Prepared {
  inputs: Inputs;
  ctx: Context;
  metadata: Metadata;
  plan: Plan;
  credentials: RegistryCredential[];
  warnings: string[];
}

export interface PrepareOptions {
  env: Env;
  /** Whether the GitHub API may be asked (the CLI works offline from git alone). */
  useApi: boolean;
  /** Where relative paths (version-file) are read from. */
  workspace: string;
}

function readVersion(inputs: Inputs, ctx: Context, workspace: string): string | undefined {
  if (!inputs.versionFile) return undefined;
  const content = readVersionFile(workspace, inputs.versionFile);
  const version = parseVersionFile(content, inputs.versionFile);
  checkTagAgreesWithFile(ctx.ref, version, inputs.versionFile);
  return version;
}

export function annotationLevels(env: Env): string[] {
  return (env['DOCKER_METADATA_ANNOTATIONS_LEVELS'] || 'manifest').split(',').map(s => s.trim()).filter(Boolean);
}

export async function prepare(ctx: Context, opts: PrepareOptions): Promise<Prepared> {
  const inputs = getInputs(opts.env, opts.workspace);
  const credentials = await parseRegistryAuth(inputs.engine.registryAuth);
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  warnings.push(...inputs.engine.secretWarnings, ...signWarnings(inputs.mode, inputs.sign), ...attestWarnings(inputs.mode, inputs.githubAttestations), ...attestationStorageWarnings(inputs.mode, inputs.engine.attestationStorage));
  const fileVersion = readVersion(inputs, ctx, opts.workspace);
  const levels = annotationLevels(opts.env);
  const metaInputs: MetadataInputs = {
    tags: inputs.tags,
    flavor: inputs.flavor,
    labels: inputs.labels,
    annotations: inputs.annotations,
    fileVersion,
    annotationLevels: levels
  };
  const [repo, commitDate] = await Promise.all([
    opts.useApi ? fetchRepoInfo(ctx, inputs.githubToken, warn) : repoFromContext(ctx),
    ctx.commitDate === undefined && needsCommitDate(metaInputs) && opts.useApi ? fetchCommitDate(ctx, inputs.githubToken, warn) : ctx.commitDate
  ]);
  const context = {...ctx, commitDate: commitDate ?? ctx.commitDate};
  const metadata = await computeMetadata(metaInputs, context, repo);
  warnings.push(...metadata.warnings);
  const plan = buildPlan(inputs, context, metadata, levels);
  warnings.push(...plan.policy.warnings.map(w => `Tag policy: ${w}`));
  return {inputs, ctx: context, metadata, plan, credentials, warnings};
}
