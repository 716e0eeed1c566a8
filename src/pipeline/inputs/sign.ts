/**
 * The signing inputs (issue 12): `sign` (none | key | keyless), `cosign-key` (a cosign private key, PEM:
 * a secret), `cosign-password` (its password: a secret), `transparency-log`, and the Sigstore instance of
 * keyless signing, `fulcio-url` and `rekor-url` (public-good by default). Pure; whether the job may ask
 * for an OIDC token (keyless: `permissions: id-token: write`) reads the environment and is checked by the
 * engine (engine/sign.ts checkKeylessPermission), also before any login or build;
 * every problem is an InputError naming the input, raised with the others before any login or build. A
 * message never quotes the key or the password.
 */
import {InputError} from './errors.js';

export const SIGN_MODES = ['none', 'key', 'keyless'] as const;
export type SignMode = (typeof SIGN_MODES)[number];

export interface SignInputs {
  /** `none` (default): nothing is signed. `key`: cosign, with the key pair of `cosign-key`. `keyless`: cosign with the workflow's OIDC identity (Fulcio certificate, Rekor entry). */
  mode: SignMode;
  /** The private key, PEM, as cosign generate-key-pair writes it (`ENCRYPTED SIGSTORE PRIVATE KEY`); '' when not given. */
  key: string;
  /** The key's password ('' for a key made with an empty one). */
  password: string;
  /** Upload the signatures to the transparency log (Rekor); `false` for private registries, air-gapped runners. */
  transparencyLog: boolean;
  /** The Fulcio that issues keyless certificates (`fulcio-url`). */
  fulcioUrl: string;
  /** The Rekor the signatures are uploaded to (`rekor-url`): keyless, and sign: key with the transparency log on. */
  rekorUrl: string;
}

/** Sigstore's public-good instance: cosign's own defaults. */
export const PUBLIC_FULCIO = 'https://fulcio.sigstore.dev';
export const PUBLIC_REKOR = 'https://rekor.sigstore.dev';

export const NO_SIGNING: SignInputs = {mode: 'none', key: '', password: '', transparencyLog: true, fulcioUrl: PUBLIC_FULCIO, rekorUrl: PUBLIC_REKOR};

/** The PEM types cosign reads as a private key file (`cosign generate-key-pair`; older cosign wrote COSIGN). */
const KEY_TYPES = ['ENCRYPTED SIGSTORE PRIVATE KEY', 'ENCRYPTED COSIGN PRIVATE KEY'];

/** The modes that sign: the ones that release (publish in one job, merge after the build legs). */
export const SIGNING_MODES = ['publish', 'merge'];

export interface RawSignInputs {
  mode: SignMode;
  key: string;
  password: string;
  transparencyLog: boolean;
  /** `transparency-log` was set (not the default). */
  transparencyLogGiven: boolean;
  /** `fulcio-url` and `rekor-url` as given ('' or undefined: the public-good instance). */
  fulcioUrl?: string;
  rekorUrl?: string;
}

/** Checks the signing inputs; returns them and the problems (nothing when valid). */
export function checkSignInputs(raw: RawSignInputs): {sign: SignInputs; errors: InputError[]} {
  const errors: InputError[] = [];
  const key = raw.key.trim() === '' ? '' : raw.key.replace(/\r\n/g, '\n').trim() + '\n';
  const url = (input: string, given: string | undefined, fallback: string): string => {
    const value = (given ?? '').trim();
    if (!value) return fallback;
    const problem = urlProblem(value);
    // a URL with credentials in it is not quoted back
    if (problem) errors.push(new InputError(input, problem, undefined, /\/\/[^/]*@/.test(value) ? undefined : value));
    return value.replace(/\/+$/, '');
  };
  const fulcioUrl = url('fulcio-url', raw.fulcioUrl, PUBLIC_FULCIO);
  const rekorUrl = url('rekor-url', raw.rekorUrl, PUBLIC_REKOR);
  const sign: SignInputs = {mode: raw.mode, key, password: raw.password, transparencyLog: raw.transparencyLog, fulcioUrl, rekorUrl};
  if (raw.mode === 'keyless') {
    if (raw.transparencyLogGiven && !raw.transparencyLog) errors.push(new InputError('transparency-log', 'must be true with sign: keyless (a keyless signature is only verifiable through the transparency log)'));
  }
  if (raw.mode === 'key') {
    if (!key) errors.push(new InputError('cosign-key', 'is required with sign: key: the private key cosign generate-key-pair wrote (cosign.key), from a secret'));
    else {
      const problem = keyProblem(key);
      if (problem) errors.push(new InputError('cosign-key', problem.detail, problem.line));
    }
  }
  return {sign, errors};
}

/**
 * What is wrong with a Sigstore service URL: https, or plain http to this machine only (a private
 * Sigstore's stand-in on loopback); no credentials, query or fragment (cosign appends its API paths).
 */
export function urlProblem(value: string): string | undefined {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return 'is not a URL (expected https://host[:port][/path])';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `must be an https:// URL (not ${u.protocol})`;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (u.protocol === 'http:' && !['127.0.0.1', '::1', 'localhost'].includes(host)) return 'must be https:// (plain http:// only to this machine: 127.0.0.1, [::1], localhost)';
  if (u.username || u.password) return 'must not carry credentials (user:password@)';
  if (u.search || u.hash) return 'must not have a query or fragment (cosign appends the API paths to it)';
  return undefined;
}

/**
 * What is wrong with a key's text, never quoting it: one PEM block of a type cosign reads as a private
 * key, with a body. The line is the one that is wrong (1-based, as in the input).
 */
export function keyProblem(key: string): {detail: string; line?: number} | undefined {
  const lines = key.split('\n');
  const begin = lines.findIndex(l => /^-----BEGIN [A-Z0-9 ]+-----$/.test(l.trim()));
  if (begin < 0) return {detail: 'is not a PEM private key (no "-----BEGIN ...-----" line): give the content of cosign.key as cosign generate-key-pair wrote it, not a path or a KMS URI', line: 1};
  if (lines.slice(0, begin).some(l => l.trim() !== '')) return {detail: 'has text before the "-----BEGIN" line: give the content of cosign.key alone', line: 1};
  const type = /^-----BEGIN ([A-Z0-9 ]+)-----$/.exec(lines[begin].trim())![1];
  if (/PUBLIC KEY/.test(type)) return {detail: 'is a public key (cosign.pub): give the private key (cosign.key); the public key is what consumers verify with', line: begin + 1};
  if (!KEY_TYPES.includes(type)) return {detail: `is a PEM block of type "${type}", which cosign does not sign with: convert it with \`cosign import-key-pair --key <file>\` (it writes an ENCRYPTED SIGSTORE PRIVATE KEY)`, line: begin + 1};
  const end = lines.findIndex((l, i) => i > begin && l.trim() === `-----END ${type}-----`);
  if (end < 0) return {detail: `has no "-----END ${type}-----" line (cut short? a secret pasted without its last line)`, line: lines.length - (lines[lines.length - 1].trim() === '' ? 1 : 0)};
  if (end === begin + 1) return {detail: 'has an empty PEM block', line: end + 1};
  const bad = lines.slice(begin + 1, end).findIndex(l => !/^[A-Za-z0-9+/=]*$/.test(l.trim()));
  if (bad >= 0) return {detail: 'has a line inside the PEM block that is not base64', line: begin + 2 + bad};
  if (lines.slice(end + 1).some(l => l.trim() !== '')) return {detail: `has text after the "-----END ${type}-----" line: give one key`, line: end + 2};
  return undefined;
}

/** The values to mask in the log: the key, each line of its body (a runner masks a multi-line secret line by line at best), the password. */
export function signSecretValues(sign: SignInputs | undefined): string[] {
  if (!sign) return [];
  const body = sign.key
    .split('\n')
    .map(l => l.trim())
    .filter(l => l.length >= 8 && !l.startsWith('-----'));
  return [sign.key.trim(), ...body, sign.password].filter(v => v !== '');
}

/** Warnings about signing inputs a run does not read (said once, never failing the run). */
export function signWarnings(mode: string, sign: SignInputs): string[] {
  if (sign.mode === 'none') return sign.key ? ['Input "cosign-key" is given but sign is none: nothing is signed (set sign: key).'] : [];
  if (SIGNING_MODES.includes(mode)) return sign.mode === 'keyless' && sign.key ? ['Input "cosign-key" is given but sign is keyless: the key is not used (the signatures are made with the workflow\'s OIDC identity).'] : [];
  return [`Input "sign" is read by mode: publish and mode: merge only (the runs that release); with mode: ${mode} nothing is signed here.`];
}
