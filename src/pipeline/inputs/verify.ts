/**
 * What `mode: verify` (and `mode: promote`, before it moves a tag) requires of every image: a signature
 * (`require-signature`: a cosign public key, or a keyless identity and its OIDC issuer) and attestations
 * (`require-attestations`: provenance, sbom). Pure; every problem is an InputError naming the input (and
 * the line). The one file read here is the public key's, so that a missing key fails before any login.
 *
 *   require-signature: key=cosign.pub                      (a file of the workspace, or the PEM itself)
 *   require-signature: |
 *     identity-regexp=^https://github.com/acme/app/\.github/workflows/release\.yml@refs/tags/v
 *     issuer=https://token.actions.githubusercontent.com
 *   require-attestations: provenance, sbom
 */
import {existsSync} from 'node:fs';
import {isAbsolute, resolve} from 'node:path';
import {InputError} from './errors.js';

export type SignatureRequirement =
  | {kind: 'key'; /** An absolute file path, or '' when `pem` holds the key itself. */ file: string; pem: string}
  | {kind: 'identity'; identity: string; identityRegexp: string; issuer: string; issuerRegexp: string};

export type AttestationKind = 'provenance' | 'sbom';
export const ATTESTATION_KINDS: readonly AttestationKind[] = ['provenance', 'sbom'];

export interface VerifyInputs {
  signature?: SignatureRequirement;
  attestations: AttestationKind[];
}

const FIELDS = ['key', 'identity', 'identity-regexp', 'issuer', 'issuer-regexp'] as const;
type Field = (typeof FIELDS)[number];

const PEM = /^-----BEGIN [A-Z ]*PUBLIC KEY-----[\s\S]+-----END [A-Z ]*PUBLIC KEY-----\s*$/;

/** `require-signature` as written (lines of key=value, or key=value pairs separated by commas on one line). */
export function parseSignatureRequirement(text: string, workspace: string): {requirement?: SignatureRequirement; errors: InputError[]} {
  const input = 'require-signature';
  const errors: InputError[] = [];
  const trimmed = text.trim();
  if (!trimmed) return {errors};
  // a PEM public key given as the value itself (a secret or a variable): `key=-----BEGIN PUBLIC KEY-----…`
  if (/^key\s*=\s*-----BEGIN /.test(trimmed)) {
    const pem = trimmed.replace(/^key\s*=\s*/, '');
    if (!PEM.test(pem)) return {errors: [new InputError(input, 'key= holds the start of a PEM block but not a whole public key (-----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----)')]};
    return {requirement: {kind: 'key', file: '', pem: `${pem.trim()}\n`}, errors};
  }
  const fields = new Map<Field, {value: string; line: number}>();
  trimmed.split('\n').forEach((raw, i) => {
    const line = i + 1;
    for (const part of raw.split(',')) {
      const item = part.trim();
      if (!item) continue;
      const eq = item.indexOf('=');
      const name = (eq < 0 ? item : item.slice(0, eq)).trim().toLowerCase();
      const value = eq < 0 ? '' : item.slice(eq + 1).trim();
      if (!(FIELDS as readonly string[]).includes(name)) {
        errors.push(new InputError(input, `"${name.slice(0, 40)}" is not one of ${FIELDS.join(', ')} (key=<public key file> or identity-regexp=…, issuer=…)`, line, item.slice(0, 140)));
        continue;
      }
      if (!value) {
        errors.push(new InputError(input, `${name}= needs a value`, line, item.slice(0, 140)));
        continue;
      }
      if (fields.has(name as Field)) {
        errors.push(new InputError(input, `names ${name} twice (first on line ${fields.get(name as Field)!.line})`, line, item.slice(0, 140)));
        continue;
      }
      if (name.endsWith('-regexp')) {
        try {
          new RegExp(value);
        } catch (e) {
          errors.push(new InputError(input, `${name} is not a regular expression: ${(e as Error).message}`, line, value.slice(0, 140)));
          continue;
        }
      }
      fields.set(name as Field, {value, line});
    }
  });
  if (errors.length) return {errors};
  const get = (f: Field) => fields.get(f)?.value ?? '';
  if (fields.has('key')) {
    const other = FIELDS.filter(f => f !== 'key' && fields.has(f));
    if (other.length) return {errors: [new InputError(input, `key= and ${other.join(', ')} are two ways to verify: give a public key, or a keyless identity with its issuer`)]};
    const given = get('key');
    const file = isAbsolute(given) ? given : resolve(workspace, given);
    // read here, with the other inputs: a missing key fails the step before any login
    if (!existsSync(file)) return {errors: [new InputError(input, `the public key file ${given} is not there (key= is a path relative to the workspace, or the PEM itself)`, fields.get('key')!.line)]};
    return {requirement: {kind: 'key', file, pem: ''}, errors};
  }
  if (!fields.has('identity') && !fields.has('identity-regexp')) errors.push(new InputError(input, 'needs key=<public key file>, or identity= / identity-regexp= (the signer: a workflow identity) with issuer= / issuer-regexp='));
  if (fields.has('identity') && fields.has('identity-regexp')) errors.push(new InputError(input, 'identity and identity-regexp both name the signer: give one of them'));
  if (!fields.has('issuer') && !fields.has('issuer-regexp')) errors.push(new InputError(input, 'a keyless identity needs the OIDC issuer it was certified by: issuer= (e.g. https://token.actions.githubusercontent.com) or issuer-regexp='));
  if (fields.has('issuer') && fields.has('issuer-regexp')) errors.push(new InputError(input, 'issuer and issuer-regexp both name the OIDC issuer: give one of them'));
  if (errors.length) return {errors};
  return {requirement: {kind: 'identity', identity: get('identity'), identityRegexp: get('identity-regexp'), issuer: get('issuer'), issuerRegexp: get('issuer-regexp')}, errors};
}

/** `require-attestations`: provenance and/or sbom, separated by commas or lines. */
export function parseAttestationRequirement(text: string): {attestations: AttestationKind[]; errors: InputError[]} {
  const errors: InputError[] = [];
  const out: AttestationKind[] = [];
  text.split('\n').forEach((raw, i) => {
    for (const part of raw.split(',')) {
      const item = part.trim().toLowerCase();
      if (!item) continue;
      if (!(ATTESTATION_KINDS as readonly string[]).includes(item)) errors.push(new InputError('require-attestations', `"${item.slice(0, 40)}" is not an attestation this action checks (${ATTESTATION_KINDS.join(', ')})`, i + 1, part.trim().slice(0, 140)));
      else if (!out.includes(item as AttestationKind)) out.push(item as AttestationKind);
    }
  });
  return {attestations: out, errors};
}

/** The modes that read require-signature and require-attestations. */
export const VERIFY_MODES = ['verify', 'promote'];

/** Both inputs, checked; with mode: verify at least one requirement is needed (`from` is checked with the promote inputs). */
export function checkVerifyInputs(mode: string, signature: string, attestations: string, workspace: string): {verify: VerifyInputs; errors: InputError[]} {
  const s = parseSignatureRequirement(signature, workspace);
  const a = parseAttestationRequirement(attestations);
  const errors = [...s.errors, ...a.errors];
  const verify: VerifyInputs = {...(s.requirement ? {signature: s.requirement} : {}), attestations: a.attestations};
  // read by verify and promote only: with another mode, a warning (inputs/modes.ts)
  if (mode === 'verify' && !errors.length && !verify.signature && !verify.attestations.length) {
    errors.push(new InputError('require-signature', 'or require-attestations is needed with mode: verify: what every image must carry (e.g. require-signature: key=cosign.pub, require-attestations: provenance, sbom)'));
  }
  return {verify, errors};
}
