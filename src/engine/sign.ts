/**
 * Signing (`sign: key` and `sign: keyless`, issue 12): after the content is verified in the registry and BEFORE any tag
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
 * Keyless (`sign: keyless`): no key; cosign gets a short-lived certificate from Fulcio for the
 * workflow's OIDC identity and uploads every signature to Rekor. The job must be allowed to ask for the
 * token (`permissions: id-token: write`: the runner then puts ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN in the
 * step's environment), checked by checkKeylessPermission before any login or build. The token (audience
 * `sigstore`) is asked for right before signing (it expires within minutes), masked, and given to cosign
 * in its environment only (SIGSTORE_ID_TOKEN), never in its arguments. Its claims (read, not verified:
 * Fulcio verifies them) say the identity a consumer pins: `job_workflow_ref` (the reusable workflow's
 * own ref when there is one), else GITHUB_WORKFLOW_REF, under the server URL; and the issuer `iss`.
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
import {PUBLIC_REKOR, type SignInputs} from '../pipeline/inputs/sign.js';
import type {BuildxApi} from './buildx.js';
import {isLoopback, repository} from './registry-api.js';
import {shellWord} from './exec.js';
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

/** Who signed keyless: the certificate identity (SAN) and OIDC issuer a consumer pins. */
export interface KeylessIdentity {
  identity: string;
  issuer: string;
}

export interface SignResult {
  signed: SignedDigest[];
  transparencyLog: boolean;
  /** sign: keyless: the identity in the certificates. */
  keyless?: KeylessIdentity;
  /** The Rekor the signatures went to (when not the public-good one, the verify commands name it). */
  rekorUrl?: string;
}

/** GitHub's OIDC issuer on github.com (GHES: https://HOST/_services/token, read from the token). */
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

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

/** How a consumer verifies: the transparency log on or off, keyless (identity and issuer), a private Rekor. */
export interface VerifyHow {
  transparencyLog: boolean;
  keyless?: KeylessIdentity;
  rekorUrl?: string;
}

/**
 * The verify command a consumer runs for one image's index (what the verify-commands output lists):
 * sign: key with the pair's public key; keyless with the certificate identity and issuer to pin.
 */
export function verifyCommand(name: string, digest: string, how: boolean | VerifyHow): string {
  const h: VerifyHow = typeof how === 'boolean' ? {transparencyLog: how} : how;
  const rekor = h.transparencyLog && h.rekorUrl && h.rekorUrl !== PUBLIC_REKOR ? [`--rekor-url=${shellWord(h.rekorUrl)}`] : [];
  const who = h.keyless ? [`--certificate-identity=${shellWord(h.keyless.identity)}`, `--certificate-oidc-issuer=${shellWord(h.keyless.issuer)}`] : ['--key', 'cosign.pub'];
  return ['cosign', 'verify', ...who, ...rekor, ...(h.transparencyLog ? [] : ['--insecure-ignore-tlog=true']), `${name}@${digest}`].join(' ');
}

/** The verify-commands' way of a signing's result. */
export function verifyHow(r: SignResult): VerifyHow {
  return {transparencyLog: r.transparencyLog, keyless: r.keyless, rekorUrl: r.rekorUrl};
}

/**
 * sign: keyless: the job may ask for its OIDC token (checked before any login or build; it reads the
 * environment, so it is the engine's, not the pure inputs'). The runner gives a step
 * ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN only with `permissions: id-token: write`.
 */
export function checkKeylessPermission(env: NodeJS.ProcessEnv): void {
  if (runner.idTokenOffered(env)) return;
  if (env['GITHUB_ACTIONS'] !== 'true') {
    throw new Error('sign: keyless needs a GitHub Actions workflow run: the signing identity is the workflow\'s OIDC token, which only a job on a runner can ask for (here, outside GitHub Actions, use sign: key or sign: none); nothing was logged in to, built or pushed.');
  }
  const missing = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'].filter(n => !env[n]);
  throw new Error(
    `sign: keyless needs the workflow's OIDC token, and this job may not ask for one (${missing.join(' and ')} not in the step's environment): add \`permissions: id-token: write\` to the job (with \`packages: write\` to push to ghcr.io); a pull request from a fork never gets it. Nothing was logged in to, built or pushed.`
  );
}

/** The claims of a JWT, read and NOT verified (Fulcio verifies the token); {} when it is not one. */
export function tokenClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) return {};
  try {
    const claims = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return claims && typeof claims === 'object' && !Array.isArray(claims) ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * The identity Fulcio puts in the certificate for a GitHub Actions token, and its issuer: the token's
 * `job_workflow_ref` (for a reusable workflow, its own file and ref, not the caller's), else the run's
 * GITHUB_WORKFLOW_REF, under the server URL; `iss`, else github.com's issuer. Undefined when neither ref is known.
 */
export function keylessIdentity(token: string, env: NodeJS.ProcessEnv): KeylessIdentity | undefined {
  const claims = tokenClaims(token);
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const server = (str(env['GITHUB_SERVER_URL']) ?? 'https://github.com').replace(/\/+$/, '');
  const ref = str(claims['job_workflow_ref']) ?? str(env['GITHUB_WORKFLOW_REF']);
  if (!ref) return undefined;
  return {identity: `${server}/${ref}`, issuer: str(claims['iss']) ?? GITHUB_ISSUER};
}

/**
 * cosign is there and runs (before any login or build): the one on PATH, else the pinned release installed
 * (engine/cosign-install.ts, through the seam's ensureCosign); its version line, or an error saying what to do.
 */
export async function checkCosign(buildx: BuildxApi, mode = 'key'): Promise<string> {
  if (!buildx.cosignVersion) throw new Error(`sign: ${mode}: this engine cannot run cosign; nothing was logged in to, built or pushed.`);
  try {
    const ensured = buildx.ensureCosign ? await buildx.ensureCosign() : {installed: false};
    if (ensured.installed) runner.info(`cosign installed in ${ensured.dir} (it was not on PATH)`);
    return await buildx.cosignVersion();
  } catch (e) {
    throw new Error(`sign: ${mode} needs cosign on PATH (${runner.redact((e as Error).message)}): install it in an earlier step (sigstore/cosign-installer, or your distribution's cosign package); nothing was logged in to, built or pushed.`);
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
  /** The step's environment (keyless: GITHUB_SERVER_URL, GITHUB_WORKFLOW_REF); process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** The workflow's OIDC token for an audience (keyless); runner.idToken by default. */
  idToken?: (audience: string) => Promise<string>;
}

/** A token is asked for again when the one in hand is this old, or expires within TOKEN_MARGIN_S. */
const TOKEN_REUSE_MS = 120_000;
const TOKEN_MARGIN_S = 60;

/**
 * The OIDC token for Sigstore, asked for on first use and again when it gets old (it lives for minutes;
 * a long signing of many images must not hand cosign an expired one); each one masked as it arrives.
 */
function tokenSource(get: (audience: string) => Promise<string>): () => Promise<string> {
  let current: {token: Promise<string>; at: number} | undefined;
  return async () => {
    if (current) {
      const token = await current.token.catch(() => '');
      const exp = tokenClaims(token)['exp'];
      const expiring = typeof exp === 'number' && exp - Date.now() / 1000 < TOKEN_MARGIN_S;
      if (token && Date.now() - current.at < TOKEN_REUSE_MS && !expiring) return token;
    }
    const at = Date.now();
    const token = get('sigstore').then(t => {
      runner.setSecret(t);
      return t;
    });
    current = {token, at};
    return token;
  };
}

/** Signs every target (steps in order: sign, then read back its signature tag); throws SignError on the first failure. */
export async function signImages(i: SignInput): Promise<SignResult> {
  const targets = signTargets(i.verified);
  const signed: SignedDigest[] = [];
  const mode = i.sign.mode;
  const keyless = mode === 'keyless';
  if (!i.buildx.cosignSign) throw new SignError(`sign: ${mode}: this engine cannot run cosign; no tag was moved.`, signed);
  // digests of platform manifests are the registry's text: only a well-formed one becomes an argument or a tag
  const odd = targets.find(t => !DIGEST.test(t.digest));
  if (odd) throw new SignError(`${odd.name} has a manifest whose digest is not sha256:<64 hex> (${logValue(odd.digest.slice(0, 80))}); nothing was signed`, signed);
  // keyless: the token right before signing (it expires within minutes); the identity it names
  let identity: KeylessIdentity | undefined;
  const token = keyless ? tokenSource(i.idToken ?? runner.idToken) : undefined;
  if (token) {
    let first: string;
    try {
      first = await token();
    } catch (e) {
      throw new SignError(`sign: keyless: the workflow's OIDC token could not be had (${runner.redact((e as Error).message).replace(/\s+/g, ' ').trim()}): the job needs \`permissions: id-token: write\`; nothing was signed`, signed);
    }
    identity = keylessIdentity(first, i.env ?? process.env);
    if (!identity) throw new SignError('sign: keyless: neither the OIDC token (job_workflow_ref) nor the environment (GITHUB_WORKFLOW_REF) says which workflow signs, so no verify command could pin it; nothing was signed', signed);
    runner.info(`Signing keyless as ${logValue(identity.identity)} (issuer ${logValue(identity.issuer)}), certificates from ${logValue(i.sign.fulcioUrl)}, transparency log ${logValue(i.sign.rekorUrl)}`);
  }
  const keyDir = keyless ? undefined : mkdtempSync(join(i.dir, 'multiarch-publish-cosign-'));
  const keyFile = keyDir ? join(keyDir, 'cosign.key') : undefined;
  const tlog = keyless || i.sign.transparencyLog;
  const rekorUrl = tlog && (keyless || i.sign.rekorUrl !== PUBLIC_REKOR) ? i.sign.rekorUrl : undefined;
  try {
    if (keyFile) writeFileSync(keyFile, i.sign.key, {mode: 0o600});
    await runner.group(`Signing ${targets.length} manifest(s) with cosign (${keyless ? 'keyless' : 'key'}; transparency log: ${tlog ? 'upload' : 'off'})`, () =>
      eachLimited(
        targets,
        i.parallel ?? 4,
        async t => {
          const ref = `${t.name}@${t.digest}`;
          try {
            const how = keyless ? {identityToken: await token!(), fulcioUrl: i.sign.fulcioUrl} : {keyFile, password: i.sign.password};
            await i.buildx.cosignSign!({ref, ...how, tlogUpload: tlog, ...(rekorUrl ? {rekorUrl} : {}), allowHttp: isLoopback(repository(t.name).host)});
          } catch (e) {
            throw new SignError(`Signing ${ref} (${logValue(t.platform)}) failed: ${runner.redact((e as Error).message)}${hint((e as Error).message, keyless)}`, signed);
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
    if (keyDir) rmSync(keyDir, {recursive: true, force: true});
  }
  // in the targets' order, whatever order the parallel runs finished in
  const order = new Map(targets.map((t, n) => [`${t.name}@${t.digest}`, n]));
  signed.sort((a, b) => order.get(`${a.name}@${a.digest}`)! - order.get(`${b.name}@${b.digest}`)!);
  return {signed, transparencyLog: tlog, ...(identity ? {keyless: identity} : {}), ...(rekorUrl ? {rekorUrl} : {})};
}

/** A few words on the usual causes, after cosign's own. */
function hint(message: string, keyless: boolean): string {
  if (keyless && /fulcio|signingCert|certificate|oidc|identity token|token.*expired/i.test(message)) return ' (keyless: cosign asks fulcio-url for a certificate with the job\'s OIDC token, which must be fresh and for the audience sigstore)';
  if (keyless && /rekor|tlog|transparency/i.test(message)) return ' (keyless: every signature is uploaded to rekor-url, which must be reachable from the runner)';
  if (/decrypt|incorrect password|wrong password/i.test(message)) return ' (is cosign-password the password of cosign-key?)';
  if (/unauthorized|denied|forbidden|\b40[13]\b/i.test(message)) return ' (the signature is pushed with the run\'s registry login: it needs write access, on GHCR `permissions: packages: write`)';
  if (/rekor|tlog|transparency/i.test(message)) return ' (with transparency-log: true cosign uploads to Rekor, which must be reachable; false keeps the signatures off the log)';
  return '';
}
