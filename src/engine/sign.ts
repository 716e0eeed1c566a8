/**
 * Signing (`sign: key`, issue 12): after the content is verified in the registry and BEFORE any tag
 * moves, cosign signs, for every image name, the index the tags will point at and each of its platform
 * manifests (not the attestation manifests), so that verification works whichever digest a tool
 * resolves. Shared by publish (one job) and merge (after the build legs): both call it right before
 * release(). A failure throws: the caller moves no tag.
 *
 * cosign runs through the engine seam (BuildxApi.cosignSign: the exec layer, an argument array, output
 * in a stop-commands region), with the job's own DOCKER_CONFIG (the logins the run made: cosign pushes
 * the signature with them), the key in a file of mode 0600 under the run's temporary directory that is
 * removed as soon as the signing ends, and the password in cosign's environment only (COSIGN_PASSWORD).
 *
 * Where the signatures go: cosign's default, the tag `sha256-<hex>.sig` beside the signed manifest, which
 * every registry (GHCR included) can hold. OCI 1.1 referrers (`--registry-referrers-mode=oci-1-1`) are
 * for a later slice, on registries that support them. Each signature tag is read back before the tags move.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import * as runner from '../action/runner.js';
import {logValue} from '../report/escape.js';
import {eachLimited} from '../lib/each-limited.js';
import type {SignInputs} from '../pipeline/inputs/sign.js';
import type {BuildxApi} from './buildx.js';
import {isLoopback, repository} from './registry-api.js';
import type {VerifiedBuild} from './steps/verify.js';

/** One manifest to sign: `name@digest`, the index (`platform: 'index'`) or one platform's manifest. */
export interface SignTarget {
  name: string;
  digest: string;
  platform: string;
}

export interface SignedDigest extends SignTarget {
  /** Where its signature is: `<name>:sha256-<hex>.sig`. */
  signature: string;
}

export interface SignResult {
  signed: SignedDigest[];
  transparencyLog: boolean;
}

/** The signing failed: what was signed before (signature tags are harmless: nothing points a user at them). */
export class SignError extends Error {
  constructor(
    message: string,
    readonly signed: SignedDigest[]
  ) {
    super(message);
    this.name = 'SignError';
  }
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** cosign's tag of the signature of `name@digest`. */
export function signatureTag(name: string, digest: string): string {
  return `${name}:${digest.replace(':', '-')}.sig`;
}

/**
 * What is signed, in order: per build and per name its index, then each platform manifest. A single
 * image manifest (a one-platform build) is one target, named by its platform.
 */
export function signTargets(verified: VerifiedBuild[]): SignTarget[] {
  const out: SignTarget[] = [];
  const seen = new Set<string>();
  const add = (t: SignTarget) => {
    if (seen.has(`${t.name}@${t.digest}`)) return;
    seen.add(`${t.name}@${t.digest}`);
    out.push(t);
  };
  for (const v of verified) {
    for (const image of v.images) {
      const single = image.platforms.length === 1 && image.platforms[0].digest === v.digest;
      if (!single) add({name: image.name, digest: v.digest, platform: 'index'});
      for (const p of image.platforms) add({name: image.name, digest: p.digest, platform: p.platform || 'index'});
    }
  }
  return out;
}

/** Every image name with the index its tags point at: what the verify commands name. */
export function signedIndexes(verified: VerifiedBuild[]): {name: string; digest: string}[] {
  return verified.flatMap(v => v.build.images.map(name => ({name, digest: v.digest})));
}

/** The verify command a consumer runs for one image's index (what the verify-commands output lists). */
export function verifyCommand(name: string, digest: string, transparencyLog: boolean): string {
  return ['cosign', 'verify', '--key', 'cosign.pub', ...(transparencyLog ? [] : ['--insecure-ignore-tlog=true']), `${name}@${digest}`].join(' ');
}

/**
 * cosign is there and runs (before any login or build): the one on PATH, else the pinned release installed
 * (engine/cosign-install.ts, through the seam's ensureCosign); its version line, or an error saying what to do.
 */
export async function checkCosign(buildx: BuildxApi): Promise<string> {
  if (!buildx.cosignVersion) throw new Error('sign: key: this engine cannot run cosign; nothing was logged in to, built or pushed.');
  try {
    const ensured = buildx.ensureCosign ? await buildx.ensureCosign() : {installed: false};
    if (ensured.installed) runner.info(`cosign installed in ${ensured.dir} (it was not on PATH)`);
    return await buildx.cosignVersion();
  } catch (e) {
    throw new Error(`sign: key needs cosign on PATH (${runner.redact((e as Error).message)}): install it in an earlier step (sigstore/cosign-installer, or your distribution's cosign package); nothing was logged in to, built or pushed.`);
  }
}

export interface SignInput {
  buildx: BuildxApi;
  verified: VerifiedBuild[];
  sign: SignInputs;
  /** A directory of the run's own (under RUNNER_TEMP) for the key file, which is removed when the signing ends. */
  dir: string;
  /** cosign processes at once. */
  parallel?: number;
}

/** Signs every target (steps in order: sign, then read back its signature tag); throws SignError on the first failure. */
export async function signImages(i: SignInput): Promise<SignResult> {
  const targets = signTargets(i.verified);
  const signed: SignedDigest[] = [];
  if (!i.buildx.cosignSign) throw new SignError('sign: key: this engine cannot run cosign; no tag was moved.', signed);
  // digests of platform manifests are the registry's text: only a well-formed one becomes an argument or a tag
  const odd = targets.find(t => !DIGEST.test(t.digest));
  if (odd) throw new SignError(`${odd.name} has a manifest whose digest is not sha256:<64 hex> (${logValue(odd.digest.slice(0, 80))}); nothing was signed`, signed);
  const keyDir = mkdtempSync(join(i.dir, 'multiarch-publish-cosign-'));
  const keyFile = join(keyDir, 'cosign.key');
  try {
    writeFileSync(keyFile, i.sign.key, {mode: 0o600});
    await runner.group(`Signing ${targets.length} manifest(s) with cosign (transparency log: ${i.sign.transparencyLog ? 'upload' : 'off'})`, () =>
      eachLimited(
        targets,
        i.parallel ?? 4,
        async t => {
          const ref = `${t.name}@${t.digest}`;
          try {
            await i.buildx.cosignSign!({ref, keyFile, password: i.sign.password, tlogUpload: i.sign.transparencyLog, allowHttp: isLoopback(repository(t.name).host)});
          } catch (e) {
            throw new SignError(`Signing ${ref} (${logValue(t.platform)}) failed: ${runner.redact((e as Error).message)}${hint((e as Error).message)}`, signed);
          }
          const tag = signatureTag(t.name, t.digest);
          let at: string | undefined;
          try {
            at = await i.buildx.tagDigest(tag);
          } catch (e) {
            throw new SignError(`The signature of ${ref} could not be read back (${tag}): ${runner.redact((e as Error).message)}`, signed);
          }
          if (!at) throw new SignError(`cosign signed ${ref}, but the registry has no signature tag ${tag}`, signed);
          signed.push({...t, signature: tag});
          runner.info(`Signed ${ref} (${logValue(t.platform)}): ${tag}`);
        },
        {stopAtFailure: true}
      )
    );
  } finally {
    rmSync(keyDir, {recursive: true, force: true});
  }
  // in the targets' order, whatever order the parallel runs finished in
  const order = new Map(targets.map((t, n) => [`${t.name}@${t.digest}`, n]));
  signed.sort((a, b) => order.get(`${a.name}@${a.digest}`)! - order.get(`${b.name}@${b.digest}`)!);
  return {signed, transparencyLog: i.sign.transparencyLog};
}

/** A few words on the usual causes, after cosign's own. */
function hint(message: string): string {
  if (/decrypt|incorrect password|wrong password/i.test(message)) return ' (is cosign-password the password of cosign-key?)';
  if (/unauthorized|denied|forbidden|\b40[13]\b/i.test(message)) return ' (the signature is pushed with the run\'s registry login: it needs write access, on GHCR `permissions: packages: write`)';
  if (/rekor|tlog|transparency/i.test(message)) return ' (with transparency-log: true cosign uploads to Rekor, which must be reachable; false keeps the signatures off the log)';
  return '';
}
