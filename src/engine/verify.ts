/**
 * `mode: verify`: before a deployment uses an image, check that every image at `from` (a tag or a digest)
 * and every one of its platforms carries what `require-signature` and `require-attestations` ask for:
 *
 * - signatures: `cosign verify` of the index digest and of every platform manifest digest (whichever digest
 *   a tool resolves, it verifies), with the public key, or the keyless identity and its OIDC issuer;
 * - attestations: per platform, an in-toto statement of the kind asked for — in BuildKit's attestation
 *   manifest inside the index (`vnd.docker.reference.type: attestation-manifest`, its layers'
 *   `in-toto.io/predicate-type`); in such a manifest stored as an OCI 1.1 referrer of the platform
 *   (`attestation-storage: referrers`: artifactType `application/vnd.docker.attestation.manifest.v1+json`,
 *   found through the registry's referrers API, else the fallback tag `sha256-<hex>`); or in a cosign
 *   attestation stored beside the platform or the index (`sha256-<hex>.att`, its layers' `predicateType`).
 *
 * Every image and platform is checked before the step says anything; the failure names each image,
 * platform and what is missing. `mode: promote` with the same inputs runs the same check on its sources
 * and moves nothing when one fails (`checkRequirements`).
 */
import {chmodSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import * as runner from '../action/runner.js';
import type {Prepared} from '../pipeline/prepare.js';
import type {AttestationKind, SignatureRequirement, VerifyInputs} from '../pipeline/inputs/verify.js';
import {PUBLIC_REKOR} from '../pipeline/inputs/sign.js';
import type {BuildxApi} from './buildx.js';
import {isLoopback, repository} from './registry-api.js';
import {platformString} from './registry.js';
import {findReferrers} from './referrers.js';
import {ATTESTATION_ARTIFACT_TYPE} from './steps/attestation-storage.js';
import {registrySession} from './session.js';
import {resolveSources, type Source} from './promote.js';
import {logValue} from '../report/escape.js';
import {verifySummary, writeOutputs, writeSummary} from '../report/index.js';

interface Descriptor {
  digest: string;
  mediaType?: string;
  platform?: {os: string; architecture: string; variant?: string};
  annotations?: Record<string, string>;
}

/** What one digest (the index or a platform) was found to carry. */
export interface DigestFinding {
  /** 'index', or the platform (`linux/arm64`); '' for a single-platform manifest without one. */
  platform: string;
  digest: string;
  /** undefined: no signature was asked for. */
  signature?: {ok: boolean; detail: string};
  /** Per kind asked for: where it was found ('' when not found). Platforms only. */
  attestations: Partial<Record<AttestationKind, string>>;
}

export interface ImageFinding {
  name: string;
  digest: string;
  digests: DigestFinding[];
  /** One sentence per missing thing, naming image and platform. */
  problems: string[];
}

/** The predicate types each attestation kind accepts. */
export function predicateKind(type: string): AttestationKind | undefined {
  if (/^https:\/\/slsa\.dev\/provenance\//.test(type)) return 'provenance';
  if (type === 'https://spdx.dev/Document' || /^https:\/\/cyclonedx\.org\/bom/.test(type)) return 'sbom';
  return undefined;
}

const attTag = (digest: string) => `${digest.replace(':', '-')}.att`;

/** The kinds of in-toto statements a manifest's layers say they hold (BuildKit and cosign annotations). */
function kindsIn(manifest: {layers?: Descriptor[]}): AttestationKind[] {
  const kinds = new Set<AttestationKind>();
  for (const l of manifest.layers ?? []) {
    const type = l.annotations?.['in-toto.io/predicate-type'] ?? l.annotations?.['predicateType'] ?? '';
    const k = predicateKind(type);
    if (k) kinds.add(k);
  }
  return [...kinds];
}

/** Reads one image at `digest` and checks it against the requirements; never throws for a missing thing (a registry failure does throw). */
export async function inspectImage(buildx: BuildxApi, source: Source, req: VerifyInputs, keyFile: string, transparencyLog: boolean, tags?: string[], rekorUrl?: string): Promise<ImageFinding> {
  const {name, digest} = source;
  const top = (await buildx.readManifest(name, digest)) as {manifests?: Descriptor[]; layers?: Descriptor[]};
  const children = top.manifests ?? [];
  const attestationOf = new Map<string, string>(); // platform digest -> attestation manifest digest
  const platforms: {platform: string; digest: string}[] = [];
  for (const c of children) {
    if (c.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') {
      const subject = c.annotations['vnd.docker.reference.digest'];
      if (subject) attestationOf.set(subject, c.digest);
    } else if (c.platform) {
      platforms.push({platform: platformString(c.platform), digest: c.digest});
    }
  }
  const isIndex = Array.isArray(top.manifests);
  if (!isIndex) platforms.push({platform: '', digest});
  const listed = tags ?? (buildx.listTags ? await buildx.listTags(name).catch(() => [] as string[]) : []);
  // cosign attestations of the index count for every platform
  const byTag = async (tag: string) => {
    const d = listed.includes(tag) ? await buildx.tagDigest(`${name}:${tag}`) : undefined;
    return d ? ((await buildx.readManifest(name, d)) as {layers?: Descriptor[]}) : {};
  };
  const indexKinds = isIndex ? kindsIn(await byTag(attTag(digest))) : [];
  const findings: DigestFinding[] = [];
  const problems: string[] = [];
  const where = (p: string) => (p ? `${name} ${p}` : name);
  if (isIndex) findings.push({platform: 'index', digest, attestations: {}});
  for (const p of platforms) {
    const found: Partial<Record<AttestationKind, string>> = {};
    if (req.attestations.length) {
      const att = attestationOf.get(p.digest);
      if (att) for (const k of kindsIn((await buildx.readManifest(name, att)) as {layers?: Descriptor[]})) found[k] ??= `attestation manifest ${att}`;
      for (const r of await findReferrers(buildx, name, p.digest, listed)) {
        if (r.artifactType && r.artifactType !== ATTESTATION_ARTIFACT_TYPE) continue;
        const m = (await buildx.readManifest(name, r.digest)) as {artifactType?: string; layers?: Descriptor[]};
        if ((r.artifactType ?? m.artifactType) !== ATTESTATION_ARTIFACT_TYPE) continue;
        for (const k of kindsIn(m)) found[k] ??= `attestation referrer ${r.digest}`;
      }
      for (const k of kindsIn(await byTag(attTag(p.digest)))) found[k] ??= `cosign attestation ${attTag(p.digest)}`;
      for (const k of indexKinds) found[k] ??= `cosign attestation ${attTag(digest)}`;
      for (const k of req.attestations) if (!found[k]) problems.push(`${where(p.platform)} (${p.digest}): no ${k} attestation`);
    }
    findings.push({platform: p.platform, digest: p.digest, attestations: Object.fromEntries(req.attestations.map(k => [k, found[k] ?? ''])) as Partial<Record<AttestationKind, string>>});
  }
  if (req.signature) {
    if (!buildx.cosignVerify) throw new Error('this engine cannot run cosign verify');
    const s = req.signature;
    const insecureRegistry = isLoopback(repository(name).host);
    await Promise.all(
      findings.map(async f => {
        const r = await buildx.cosignVerify!({ref: `${name}@${f.digest}`, transparencyLog, insecureRegistry, ...(rekorUrl && transparencyLog ? {rekorUrl} : {}), ...(s.kind === 'key' ? {keyFile} : {identity: s.identity, identityRegexp: s.identityRegexp, issuer: s.issuer, issuerRegexp: s.issuerRegexp})});
        const sigTag = `${f.digest.replace(':', '-')}.sig`;
        const detail = r.code === 0 ? 'verified' : !listed.includes(sigTag) && !(await buildx.tagDigest(`${name}:${sigTag}`).catch(() => undefined)) ? `no signature (no ${sigTag})` : `the signature does not verify: ${runner.redact(r.output).replace(/\s+/g, ' ').slice(0, 300)}`;
        f.signature = {ok: r.code === 0, detail};
      })
    );
    for (const f of findings) if (f.signature && !f.signature.ok) problems.push(`${where(f.platform === 'index' ? 'index' : f.platform)} (${f.digest}): ${f.signature.detail}`);
  }
  return {name, digest, digests: findings, problems};
}

/** The public key as a file cosign reads: the given file, or the PEM written to a file of the run's own (0600). */
export function keyFileOf(s: SignatureRequirement | undefined, tempDir: string): {file: string; remove: () => void} {
  if (!s || s.kind !== 'key') return {file: '', remove: () => undefined};
  if (s.file) return {file: s.file, remove: () => undefined}; // there: inputs/verify.ts checked it
  const dir = mkdtempSync(join(tempDir, 'mp-verify-'));
  const file = join(dir, 'cosign.pub');
  writeFileSync(file, s.pem, {mode: 0o600});
  chmodSync(file, 0o600);
  return {file, remove: () => rmSync(dir, {recursive: true, force: true})};
}

/** Every image checked (in parallel); the findings, in the images' order. `rekorUrl`: a private Rekor (`rekor-url`), undefined for the public-good one. */
export async function checkRequirements(buildx: BuildxApi, sources: Source[], req: VerifyInputs, keyFile: string, transparencyLog: boolean, rekorUrl?: string): Promise<ImageFinding[]> {
  return Promise.all(sources.map(s => inspectImage(buildx, s, req, keyFile, transparencyLog, undefined, rekorUrl)));
}

/** `rekor-url` (inputs/sign.ts) when it is not the public-good Rekor (cosign's default): verification looks there. */
export function privateRekorOf(inputs: Prepared['inputs']): string | undefined {
  const url = inputs.sign?.rekorUrl;
  return url && url !== PUBLIC_REKOR ? url : undefined;
}

/** The error of a failed check: every image, platform and what is missing. */
export function requirementError(findings: ImageFinding[], what: string): string {
  const problems = findings.flatMap(f => f.problems);
  return `${what}: ${problems.length} requirement(s) not met:\n${problems.map(p => `  - ${p}`).join('\n')}`;
}

/** The `verification` output: per image, the digests checked and what each carries. */
export function verificationOutput(findings: ImageFinding[]): string {
  return JSON.stringify(findings.map(f => ({image: f.name, digest: f.digest, verified: f.problems.length === 0, digests: f.digests, problems: f.problems})));
}

/**
 * What mode: verify and promote's require-* run on the resolved sources, in the log's Verify group: cosign
 * on PATH when a signature is asked for, the public key as a file (removed after), every image checked,
 * one log line per image and digest.
 */
export async function verifySources(buildx: BuildxApi, sources: Source[], inputs: Prepared['inputs'], env: NodeJS.ProcessEnv): Promise<ImageFinding[]> {
  const req = inputs.verify;
  const key = keyFileOf(req.signature, env['RUNNER_TEMP'] || tmpdir());
  try {
    if (req.signature && buildx.ensureCosign) await buildx.ensureCosign();
    return await runner.group('Verify', async () => {
      const f = await checkRequirements(buildx, sources, req, key.file, inputs.sign.transparencyLog, privateRekorOf(inputs));
      for (const image of f) for (const d of image.digests) runner.info(logValue(`${image.name} ${d.platform || 'image'} ${d.digest}: ${[d.signature ? `signature ${d.signature.ok ? 'verified' : 'NOT verified'}` : '', ...Object.entries(d.attestations).map(([k, v]) => `${k} ${v ? 'found' : 'MISSING'}`)].filter(Boolean).join(', ')}`));
      return f;
    });
  } finally {
    key.remove();
  }
}

export async function verify(p: Prepared, env: NodeJS.ProcessEnv, engine?: BuildxApi): Promise<{findings: ImageFinding[]; outputs: Record<string, string>}> {
  const {inputs} = p;
  const from = inputs.promote.from;
  const names = [...new Set(p.plan.builds.flatMap(b => b.images))];
  if (!names.length) throw new Error('Nothing to verify: the images input names no image.');
  const req = inputs.verify;
  const {buildx, loginNote} = await registrySession(p, names, env, engine);
  const {sources, problems} = await runner.group('Sources', async () => {
    const r = await resolveSources(buildx, names, from);
    for (const s of r.sources) runner.info(`${s.name}:${from} -> ${s.digest}`);
    return r;
  });
  const findings = await verifySources(buildx, sources, inputs, env);
  const missing: ImageFinding[] = problems.map(pr => ({name: names.find(n => pr.startsWith(n)) ?? pr, digest: '', digests: [], problems: [pr]}));
  const all = [...missing, ...findings];
  const outputs = {verification: verificationOutput(all), digest: findings[0]?.digest ?? ''};
  writeOutputs(outputs, env);
  if (inputs.summary) writeSummary(verifySummary({from, findings: all, loginNote, requirements: describeRequirements(req)}), env);
  if (all.some(f => f.problems.length)) throw new Error(requirementError(all, `mode: verify of ${from}`));
  runner.info(`Verified ${findings.length} image(s) at ${from}: ${describeRequirements(req)}.`);
  return {findings: all, outputs};
}

/** The requirements in words, for the log and the summary. */
export function describeRequirements(req: VerifyInputs): string {
  const parts: string[] = [];
  const s = req.signature;
  if (s?.kind === 'key') parts.push(`a signature verified with ${s.file ? `the public key ${s.file}` : 'the given public key'}`);
  if (s?.kind === 'identity') parts.push(`a keyless signature by ${s.identity || `/${s.identityRegexp}/`} certified by ${s.issuer || `/${s.issuerRegexp}/`}`);
  if (req.attestations.length) parts.push(`${req.attestations.join(' and ')} attestation${req.attestations.length > 1 ? 's' : ''} on every platform`);
  return parts.join('; ');
}
