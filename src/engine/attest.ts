/**
 * GitHub attestations (`github-attestations: true`, issue 12): a SLSA build provenance attestation of
 * every pushed index digest of every image name, made as actions/attest-build-provenance makes it, through
 * GitHub's own library (@actions/attest): the predicate from the workflow run's OIDC token
 * (buildSLSAProvenancePredicate), one in-toto statement per image name whose subject is
 * `{name: <registry>/<repository>, digest: {sha256: <hex>}}`, signed with a Sigstore certificate (public-good
 * for a public repository, GitHub's own instance otherwise) and stored with POST
 * /repos/{owner}/{repo}/attestations; then the bundle is pushed to the registry next to the image (an OCI
 * referrer of the index: an artifact manifest whose subject is the index and whose one layer is the bundle,
 * as @sigstore/oci's attachArtifactToImage writes it), so that `gh attestation verify oci://<image>@<digest>`
 * finds it. On a registry without the referrers API the OCI 1.1 fallback is written too: the tag
 * `sha256-<hex>` holding an index that lists the artifact manifest.
 *
 * When: after the content is verified and the size budgets pass, and BEFORE any tag moves (publish and
 * merge call it right before release()): a failure throws and the caller moves no tag. What was already
 * stored stays (an attestation of content no tag points at; listed in the error and the summary).
 *
 * The library is behind a seam (AttestApi) loaded lazily: unit tests pass a fake, and a run without
 * github-attestations never loads it. attest-library.test.ts runs the real library against local
 * stand-ins (OIDC, @sigstore/mock's Fulcio/Rekor/TSA, the attestations API).
 */
import {createHash} from 'node:crypto';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import * as runner from '../action/runner.js';
import {logValue} from '../report/escape.js';
import type {BuildxApi} from './buildx.js';
import type {VerifiedBuild} from './steps/verify.js';
import {listReferrer} from './referrers.js';

/** One subject of an in-toto statement, as @actions/attest takes it. */
export interface AttestSubject {
  name: string;
  digest: {sha256: string};
}

/** The SLSA provenance predicate (buildSLSAProvenancePredicate's answer). */
export interface ProvenancePredicate {
  type: string;
  params: object;
}

export type SigstoreInstance = 'public-good' | 'github';

/** What @actions/attest's attest() answers, the parts used here. */
export interface AttestationMade {
  /** The Sigstore bundle, JSON (its `mediaType` is the bundle's version, v0.3 for DSSE bundles). */
  bundle: {mediaType?: string} & Record<string, unknown>;
  /** The id GitHub gave the stored attestation (undefined with skipWrite). */
  attestationID?: string;
  /** The transparency log's index of the signature (public-good), if any. */
  tlogID?: string;
}

/**
 * THE seam over @actions/attest: the predicate (once per run: it asks the runner for an OIDC token) and
 * the attestation of one subject (Fulcio, Rekor or GitHub's TSA, then the attestations API).
 */
export interface AttestApi {
  predicate(): Promise<ProvenancePredicate>;
  attest(o: {subjects: AttestSubject[]; predicateType: string; predicate: object; token: string; sigstore: SigstoreInstance}): Promise<AttestationMade>;
}

/**
 * The real library, imported when first used. `issuer`: the OIDC issuer whose keys verify the token
 * (the library's default, GitHub's, unless a test's stand-in is given here: never from the environment).
 */
export function libraryAttestApi(o: {issuer?: string} = {}): AttestApi {
  const lib = () => import('@actions/attest');
  return {
    async predicate() {
      const {buildSLSAProvenancePredicate} = await lib();
      return buildSLSAProvenancePredicate(o.issuer);
    },
    async attest(a) {
      const {attest} = await lib();
      const made = await attest({subjects: a.subjects, predicateType: a.predicateType, predicate: a.predicate, token: a.token, sigstore: a.sigstore});
      return {bundle: made.bundle as unknown as AttestationMade['bundle'], attestationID: made.attestationID, tlogID: made.tlogID};
    }
  };
}

/** The media types of what goes to the registry (as @sigstore/oci writes them). */
export const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const MANIFEST_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const INDEX_TYPE = 'application/vnd.oci.image.index.v1+json';
const EMPTY_TYPE = 'application/vnd.oci.empty.v1+json';
const EMPTY = '{}';
const SLSA_V1 = 'https://slsa.dev/provenance/v1';
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** One attestation made and where it is. */
export interface AttestationEntry {
  image: string;
  digest: string;
  attestationId: string;
  /** The repository's page of the attestation (`<server>/<owner>/<repo>/attestations/<id>`). */
  attestationUrl: string;
  /** Where the bundle is in the registry: `<image>@<digest of the artifact manifest>`. */
  bundle: string;
  /** The referrers tag `sha256-<hex>` of the OCI 1.1 fallback, or null when the registry's referrers API lists the manifest. */
  referrersTag: string | null;
  sigstore: SigstoreInstance;
}

export interface AttestResult {
  attestations: AttestationEntry[];
  sigstore: SigstoreInstance;
}

/** The attestation failed: what was made before it (stored attestations of content no tag points at). */
export class AttestError extends Error {
  constructor(
    message: string,
    readonly made: AttestationEntry[]
  ) {
    super(message);
    this.name = 'AttestError';
  }
}

/**
 * The permissions the run needs, from the runner's environment, before any login or build:
 * `id-token: write` is the OIDC token request the runner offers (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN);
 * the attestations API needs github-token; @actions/attest knows GitHub's and GHE.com's OIDC issuers
 * only. `attestations: write` cannot be seen from here: the API's refusal says it (attestError).
 */
export function checkAttestPermissions(env: NodeJS.ProcessEnv, token: string): void {
  const nothing = 'nothing was logged in to, built or pushed';
  if (!runner.idTokenOffered(env)) {
    throw new Error(`github-attestations: true needs the job permission \`id-token: write\` (the runner offers this job no OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set); add \`permissions: id-token: write\` and \`attestations: write\` to the job; ${nothing}.`);
  }
  if (!token) throw new Error(`github-attestations: true needs github-token (the job's GITHUB_TOKEN, with \`permissions: attestations: write\`) to store the attestations; ${nothing}.`);
  const server = env['GITHUB_SERVER_URL'] || 'https://github.com';
  if (server !== 'https://github.com' && !/^https:\/\/[a-z0-9-]+\.ghe\.com$/.test(server)) {
    throw new Error(`github-attestations: true works on github.com and GHE.com only (@actions/attest knows their OIDC issuers; this server is ${logValue(server.slice(0, 100))}); ${nothing}.`);
  }
}

/** Public-good Sigstore for a public repository, GitHub's instance otherwise (as attest-build-provenance decides). */
export function sigstoreInstance(payload: Record<string, unknown> | undefined): SigstoreInstance {
  const repository = payload?.['repository'] as {visibility?: unknown} | undefined;
  return repository?.visibility === 'public' ? 'public-good' : 'github';
}

/** The subject name of an image, as attest-build-provenance's push-to-registry names it: lowercase, no tag or digest. */
export function subjectName(image: string): string {
  const at = image.indexOf('@');
  const ref = at < 0 ? image : image.slice(0, at);
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  return (colon > slash ? ref.slice(0, colon) : ref).toLowerCase();
}

/** Every image name with the index its tags will point at, once each (the attested pairs, in order). */
export function attestTargets(verified: VerifiedBuild[]): {image: string; digest: string}[] {
  const seen = new Set<string>();
  const out: {image: string; digest: string}[] = [];
  for (const v of verified) {
    for (const image of v.build.images) {
      if (seen.has(`${image}@${v.digest}`)) continue;
      seen.add(`${image}@${v.digest}`);
      out.push({image, digest: v.digest});
    }
  }
  return out;
}

/** What a failure of the library means, in the words of the permission to add. */
export function attestHint(message: string): string {
  if (/Failed to persist attestation/i.test(message) && /not accessible by integration|\b403\b|forbidden|permission/i.test(message)) {
    return ' (the attestations API refused the token: add `permissions: attestations: write` to the job)';
  }
  if (/ACTIONS_ID_TOKEN_REQUEST|Unable to get ID Token/i.test(message)) return ' (the OIDC token: the job needs `permissions: id-token: write`)';
  if (/Failed to get ID token/i.test(message)) return ' (the job\'s OIDC token could not be had from the runner, or not checked against the keys of GitHub\'s token issuer, which must be reachable)';
  if (/fulcio|rekor|timestamp|tsa/i.test(message)) return ' (Sigstore could not be reached or refused the signing)';
  return '';
}

export interface AttestInput {
  buildx: BuildxApi;
  verified: VerifiedBuild[];
  api: AttestApi;
  token: string;
  sigstore: SigstoreInstance;
  /** `https://github.com` and `owner/repo`: the attestation pages' addresses. */
  serverUrl: string;
  repository: string;
  /** A directory of the run's own for the blobs pushed (removed when the attestation ends). */
  dir: string;
}

/** Attests every image index, then pushes each bundle beside its image; throws AttestError on the first failure. */
export async function attestImages(i: AttestInput): Promise<AttestResult> {
  const targets = attestTargets(i.verified);
  const made: AttestationEntry[] = [];
  const odd = targets.find(t => !DIGEST.test(t.digest));
  if (odd) throw new AttestError(`${odd.image} has an index whose digest is not sha256:<64 hex> (${logValue(odd.digest.slice(0, 80))}); nothing was attested`, made);
  let predicate: ProvenancePredicate;
  try {
    predicate = await i.api.predicate();
  } catch (e) {
    const m = runner.redact((e as Error).message);
    throw new AttestError(`The SLSA provenance predicate could not be made: ${m}${attestHint(m)}; nothing was attested`, made);
  }
  const work = mkdtempSync(join(i.dir, 'multiarch-publish-attest-'));
  try {
    await runner.group(`GitHub attestations: ${targets.length} index(es), Sigstore ${i.sigstore}`, async () => {
      for (const t of targets) {
        const ref = `${t.image}@${t.digest}`;
        let attestation: AttestationMade;
        try {
          attestation = await i.api.attest({subjects: [{name: subjectName(t.image), digest: {sha256: t.digest.slice(7)}}], predicateType: predicate.type, predicate: predicate.params, token: i.token, sigstore: i.sigstore});
        } catch (e) {
          const m = runner.redact((e as Error).message);
          throw new AttestError(`Attesting ${ref} failed: ${m}${attestHint(m)}`, made);
        }
        const id = String(attestation.attestationID ?? '');
        let attached: {manifest: string; referrersTag: string | null};
        try {
          attached = await attachBundle(i.buildx, t.image, t.digest, attestation.bundle, predicate.type || SLSA_V1, work);
        } catch (e) {
          throw new AttestError(`The attestation of ${ref} was stored${id ? ` (id ${logValue(id)})` : ''}, but pushing its bundle to the registry failed: ${runner.redact((e as Error).message)}`, made);
        }
        const entry: AttestationEntry = {
          image: t.image,
          digest: t.digest,
          attestationId: id,
          attestationUrl: id ? `${i.serverUrl}/${i.repository}/attestations/${encodeURIComponent(id)}` : '',
          bundle: `${t.image}@${attached.manifest}`,
          referrersTag: attached.referrersTag,
          sigstore: i.sigstore
        };
        made.push(entry);
        runner.info(`Attested ${ref}: attestation ${logValue(id) || '(not stored)'}, bundle ${entry.bundle}${entry.referrersTag ? ` (referrers tag ${entry.referrersTag})` : ' (referrers API)'}`);
      }
    });
  } finally {
    rmSync(work, {recursive: true, force: true});
  }
  return {attestations: made, sigstore: i.sigstore};
}

const sha256 = (b: Uint8Array | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/**
 * The bundle beside the image: its blob, the empty config, and an artifact manifest whose subject is the
 * index `digest` (PUT by its digest). When the registry's referrers API does not list it, the OCI 1.1
 * fallback: the index under the tag `sha256-<hex>` gets the manifest's descriptor (kept: what it listed before).
 */
export async function attachBundle(buildx: BuildxApi, image: string, digest: string, bundle: object, predicateType: string, dir: string): Promise<{manifest: string; referrersTag: string | null}> {
  const subject = await subjectDescriptor(buildx, image, digest);
  const bundleBytes = Buffer.from(JSON.stringify(bundle));
  const mediaType = typeof (bundle as {mediaType?: unknown}).mediaType === 'string' ? (bundle as {mediaType: string}).mediaType : BUNDLE_TYPE;
  const bundleDigest = sha256(bundleBytes);
  const bundleFile = join(dir, bundleDigest.slice(7));
  writeFileSync(bundleFile, bundleBytes);
  const emptyFile = join(dir, 'empty.json');
  writeFileSync(emptyFile, EMPTY);
  await buildx.pushBlob(image, {digest: sha256(EMPTY), size: EMPTY.length, file: emptyFile});
  await buildx.pushBlob(image, {digest: bundleDigest, size: bundleBytes.length, file: bundleFile});
  const annotations = {'dev.sigstore.bundle.content': 'dsse-envelope', 'dev.sigstore.bundle.predicateType': predicateType, 'org.opencontainers.image.created': new Date().toISOString()};
  const manifest = {
    schemaVersion: 2,
    mediaType: MANIFEST_TYPE,
    artifactType: mediaType,
    config: {mediaType: EMPTY_TYPE, digest: sha256(EMPTY), size: EMPTY.length},
    layers: [{mediaType, digest: bundleDigest, size: bundleBytes.length}],
    subject,
    annotations
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  const manifestDigest = sha256(manifestBytes);
  await buildx.putManifest(image, manifestDigest, MANIFEST_TYPE, manifestBytes);
  const descriptor = {mediaType: MANIFEST_TYPE, digest: manifestDigest, size: manifestBytes.length, artifactType: mediaType, annotations};
  return {manifest: manifestDigest, referrersTag: await listReferrer(buildx, image, digest, descriptor)};
}

/** The descriptor of the index the attestation is about (its exact size and media type, as the registry holds it). */
async function subjectDescriptor(buildx: BuildxApi, image: string, digest: string): Promise<{mediaType: string; digest: string; size: number}> {
  const raw = buildx.manifestRaw ? await buildx.manifestRaw(image, digest) : undefined;
  if (raw) return {mediaType: raw.mediaType, digest, size: raw.bytes.length};
  const json = (await buildx.readManifest(image, digest)) as {mediaType?: string};
  const size = (await buildx.manifestSize?.(image, digest)) ?? Buffer.byteLength(JSON.stringify(json));
  return {mediaType: json?.mediaType ?? INDEX_TYPE, digest, size};
}
