/**
 * Signing (`sign`, engine/sign.ts) and GitHub attestations (`github-attestations`, engine/attest.ts) as
 * the two releasing modes run them, publish and merge alike:
 *
 * - `supplyChainPreflight`, before any QEMU, builder, login or build (the signing secrets already
 *   masked by the caller): keyless's `id-token: write`, cosign on PATH (or installed), the attestations'
 *   permissions;
 * - `signAndAttest`, after the content is verified and within its budgets and before any tag moves: the
 *   signatures, then the attestations; a failure of either moves no tag, and the summary says what was
 *   signed or attested before it stopped;
 * - `supplyChainOutputs` and `supplyChainSummary`: what a successful release adds to the outputs and the
 *   summary.
 */
import * as runner from '../../action/runner.js';
import type {Prepared} from '../../pipeline/prepare.js';
import type {BuildxApi} from '../buildx.js';
import type {Cancellation} from '../cancel.js';
import {checkCosign, checkKeylessPermission, signImages, signedIndexes, SignError, type SignResult} from '../sign.js';
import {attestImages, checkAttestPermissions, libraryAttestApi, sigstoreInstance, AttestError, type AttestApi, type AttestResult} from '../attest.js';
import {signaturesSummary, signingOutputs} from '../../report/index.js';
import {attestationsOutputs, attestationsSummary} from '../../report/attestations.js';
import type {VerifiedBuild} from './verify.js';

/** Whether the inputs sign (key or keyless). Inputs made by hand (tests, older callers) may have no `sign`. */
export function signingAsked(inputs: Prepared['inputs']): boolean {
  return inputs.sign?.mode === 'key' || inputs.sign?.mode === 'keyless';
}

/**
 * What must hold before anything is logged in to or built. Returns the log line that says how the run
 * signs ('' when it does not), for the caller to print where its log says such things.
 */
export async function supplyChainPreflight(i: {inputs: Prepared['inputs']; env: NodeJS.ProcessEnv; buildx: BuildxApi; signs: boolean; attests: boolean}): Promise<string> {
  let line = '';
  if (i.signs) {
    const mode = i.inputs.sign.mode;
    if (mode === 'keyless') checkKeylessPermission(i.env);
    line = `Signing with ${await checkCosign(i.buildx, mode)} (sign: ${mode}, transparency log ${mode === 'keyless' || i.inputs.sign.transparencyLog ? 'on' : 'off'})`;
  }
  if (i.attests) checkAttestPermissions(i.env, i.inputs.githubToken);
  return line;
}

export interface SupplyChain {
  signing?: SignResult;
  attesting?: AttestResult;
}

export interface SignAndAttestInput {
  buildx: BuildxApi;
  verified: VerifiedBuild[];
  p: Pick<Prepared, 'inputs' | 'ctx'>;
  env: NodeJS.ProcessEnv;
  cancel: Cancellation;
  signs: boolean;
  attests: boolean;
  /** The seam over @actions/attest (default: the library itself, loaded when first used). */
  attest?: AttestApi;
  /** A directory of the run's own for the key file and the bundles. */
  dir: string;
  /** Where the content is after a failure, for the error (`the content is in the registry by digest`). */
  where: string;
  /** Writes the failed run's summary: the message and the supply-chain part (what was signed or attested before it stopped). */
  failed: (message: string, part: string) => Promise<void>;
}

/** The signatures, then the attestations, of every verified index; a failure of either moves no tag. */
export async function signAndAttest(i: SignAndAttestInput): Promise<SupplyChain> {
  const {inputs, ctx} = i.p;
  const out: SupplyChain = {};
  const fail = async (err: unknown, part: (message: string) => string): Promise<never> => {
    const message = runner.redact(err instanceof Error ? err.message : String(err));
    await i.failed(message, part(message));
    throw new Error(`${message}. Nothing was released: no tag was created or moved (${i.where}).`);
  };
  const indexes = signedIndexes(i.verified);
  if (i.signs) {
    i.cancel.during('signing');
    try {
      out.signing = await signImages({buildx: i.buildx, verified: i.verified, sign: inputs.sign, dir: i.dir, env: i.env});
    } catch (err) {
      await fail(err, message => signaturesSummary({signed: err instanceof SignError ? err.signed : [], indexes, transparencyLog: inputs.sign.transparencyLog, error: message}));
    }
    i.cancel.check();
  }
  if (i.attests) {
    i.cancel.during('attesting');
    try {
      out.attesting = await attestImages({buildx: i.buildx, verified: i.verified, api: i.attest ?? libraryAttestApi(), token: inputs.githubToken, sigstore: sigstoreInstance(ctx.payload), serverUrl: ctx.serverUrl || 'https://github.com', repository: `${ctx.owner}/${ctx.repo}`, dir: i.dir});
    } catch (err) {
      await fail(err, message => supplyChainSummary({signing: out.signing}, i.verified, ctx.owner) + attestationsSummary({made: err instanceof AttestError ? err.made : [], owner: ctx.owner, error: message}));
    }
    i.cancel.check();
  }
  return out;
}

/** The `signatures`, `verify-commands` and `attestations` outputs of what was made. */
export function supplyChainOutputs(r: SupplyChain, verified: VerifiedBuild[]): Record<string, string> {
  return {...(r.signing ? signingOutputs(r.signing, signedIndexes(verified)) : {}), ...(r.attesting ? attestationsOutputs(r.attesting) : {})};
}

/** The summary's Signatures and GitHub attestations parts of what was made ('' for what was not). */
export function supplyChainSummary(r: SupplyChain, verified: VerifiedBuild[], owner: string): string {
  return (r.signing ? signaturesSummary({result: r.signing, indexes: signedIndexes(verified), transparencyLog: r.signing.transparencyLog}) : '') + (r.attesting ? attestationsSummary({result: r.attesting, owner}) : '');
}
