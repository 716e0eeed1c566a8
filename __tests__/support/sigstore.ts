// Stand-ins of a private Sigstore on 127.0.0.1 (node:http and node:crypto only), enough for `cosign sign`
// (keyless) and `cosign verify --certificate-identity … --certificate-oidc-issuer …` to run end to end
// against test trust roots instead of the public-good instance:
//   Fulcio  POST /api/v2/signingCert   {credentials: {oidcIdentityToken}, publicKeyRequest: {publicKey: {content: PEM}} |
//                                       certificateSigningRequest: base64 PEM CSR}
//           -> {signedCertificateEmbeddedSct: {chain: {certificates: [leaf PEM, root PEM]}}};
//           POST /api/v1/signingCert   (the legacy API cosign 2.x's client speaks) Authorization: Bearer <token>,
//                                       {publicKey: {content: base64}, signedEmailAddress} | {certificateSigningRequest}
//           -> the PEM chain (leaf, root), the SCT embedded. Either way: a leaf for the
//              public key cosign sent, issued by a test root, with SAN URI = the token's job_workflow_ref
//              under `server` (what Fulcio does for GitHub Actions tokens), the OIDC issuer extensions
//              1.3.6.1.4.1.57264.1.1 (raw) and .1.8 (UTF8String) = the token's `iss`, code signing EKU,
//              10 minutes of validity, and an embedded SCT (RFC 6962 precertificate entry) signed by a test
//              CT log key. The token is decoded, not verified (it is recorded for the test to check).
//   Rekor   POST /api/v1/log/entries   a hashedrekord proposed entry -> 201, the entry (its canonical body)
//              with integratedTime, logIndex, logID and a signed entry timestamp from a test Rekor key;
//           GET  /api/v1/log/publicKey  the Rekor key (PEM).
// `trust` is what a consumer (and cosign) is pointed at: SIGSTORE_ROOT_FILE (the root), SIGSTORE_REKOR_PUBLIC_KEY,
// SIGSTORE_CT_LOG_PUBLIC_KEY_FILE, written to a directory of the stand-in's. The X.509 and TLS encodings
// are written here by hand (a minimal DER encoder), since node:crypto parses certificates but issues none.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {createHash, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject} from 'node:crypto';
import type {AddressInfo} from 'node:net';

// ---- DER
function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag: number, ...content: Buffer[]) => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
};
const seq = (...c: Buffer[]) => tlv(0x30, ...c);
const set = (...c: Buffer[]) => tlv(0x31, ...c);
const octet = (b: Buffer) => tlv(0x04, b);
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));
const bitString = (b: Buffer, unused = 0) => tlv(0x03, Buffer.from([unused]), b);
const explicit = (n: number, ...c: Buffer[]) => tlv(0xa0 + n, ...c);
const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0]));
function integer(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0 && b[i + 1] < 0x80) i++;
  const v = b.subarray(i);
  return tlv(0x02, v[0] >= 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v);
}
function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [parts[0] * 40 + parts[1]];
  for (const p of parts.slice(2)) {
    const bytes: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) bytes.unshift(0x80 | (v & 0x7f));
    out.push(...bytes);
  }
  return tlv(0x06, Buffer.from(out));
}
function utcTime(d: Date): Buffer {
  const p = (n: number) => String(n).padStart(2, '0');
  return tlv(0x17, Buffer.from(`${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`));
}
const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));
const name = (cn: string) => seq(set(seq(oid('2.5.4.10'), utf8('multiarch-publish test'))), set(seq(oid('2.5.4.3'), utf8(cn))));
const ext = (id: string, critical: boolean, value: Buffer) => seq(oid(id), ...(critical ? [bool(true)] : []), octet(value));
const spki = (k: KeyObject) => k.export({type: 'spki', format: 'der'});
const pem = (type: string, der: Buffer) => `-----BEGIN ${type}-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END ${type}-----\n`;

/** The SubjectPublicKeyInfo inside a PKCS#10 CSR (DER): certificationRequestInfo's third element. */
function csrPublicKey(der: Buffer): Buffer {
  const read = (b: Buffer, at: number) => {
    let l = b[at + 1];
    let h = 2;
    if (l & 0x80) {
      const n = l & 0x7f;
      l = 0;
      for (let i = 0; i < n; i++) l = l * 256 + b[at + 2 + i];
      h = 2 + n;
    }
    return {start: at + h, end: at + h + l, next: at + h + l};
  };
  const outer = read(der, 0);
  const info = read(der, outer.start);
  let at = info.start;
  for (let i = 0; i < 2; i++) at = read(der, at).next; // version, subject
  return der.subarray(at, read(der, at).next);
}

// ---- TLS encodings of RFC 6962
const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const u24 = (n: number) => Buffer.from([n >> 16, (n >> 8) & 0xff, n & 0xff]);
function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

/** JSON with its object keys sorted, no spaces (RFC 8785 for the values Rekor's entries hold). */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v as object).sort().map(k => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

export interface FulcioRequest {
  /** The OIDC token cosign sent, and its claims (decoded, not verified). */
  token: string;
  claims: Record<string, unknown>;
  /** The public key the certificate was issued for (SPKI DER, base64). */
  publicKey: string;
  /** How it came: a public key request or a CSR. */
  kind: 'publicKey' | 'csr';
  /** The certificate's SAN URI. */
  identity: string;
}

export interface RekorEntry {
  uuid: string;
  logIndex: number;
  /** The hashedrekord's data hash (hex): the digest of the signed payload. */
  hash: string;
  body: Record<string, unknown>;
}

export interface SigstoreStandIn {
  fulcioUrl: string;
  rekorUrl: string;
  /** The environment cosign is pointed at the test trust roots with. */
  trust: {SIGSTORE_ROOT_FILE: string; SIGSTORE_REKOR_PUBLIC_KEY: string; SIGSTORE_CT_LOG_PUBLIC_KEY_FILE: string};
  fulcioRequests: FulcioRequest[];
  rekorEntries: RekorEntry[];
  /** Every request, `METHOD path`, in order. */
  seen: string[];
  /** Fulcio answers every signing request 500 (after recording it) while set. */
  fulcioFails: boolean;
  close(): Promise<void>;
}

const claimsOf = (token: string): Record<string, unknown> => {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
};

export async function startSigstoreStandIn(o: {server?: string} = {}): Promise<SigstoreStandIn> {
  const server = (o.server ?? 'https://github.com').replace(/\/+$/, '');
  const root = generateKeyPairSync('ec', {namedCurve: 'P-256'});
  const ct = generateKeyPairSync('ec', {namedCurve: 'P-256'});
  const rekor = generateKeyPairSync('ec', {namedCurve: 'P-256'});
  const rootName = name('stand-in fulcio root');
  const rootSpki = spki(root.publicKey);
  const rootKeyId = createHash('sha1').update(rootSpki).digest();
  const now = Date.now();
  const rootTbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(Buffer.concat([Buffer.from([0x01]), randomBytes(15)])),
    ECDSA_SHA256,
    rootName,
    seq(utcTime(new Date(now - 3600_000)), utcTime(new Date(now + 24 * 3600_000))),
    rootName,
    rootSpki,
    explicit(3, seq(ext('2.5.29.19', true, seq(bool(true))), ext('2.5.29.15', true, bitString(Buffer.from([0x06]), 1)), ext('2.5.29.14', false, octet(rootKeyId))))
  );
  const certify = (tbs: Buffer) => seq(tbs, ECDSA_SHA256, bitString(sign('sha256', tbs, root.privateKey)));
  const rootCert = certify(rootTbs);
  const ctLogId = createHash('sha256').update(spki(ct.publicKey)).digest();
  const rekorLogId = createHash('sha256').update(spki(rekor.publicKey)).digest('hex');
  const issuerKeyHash = createHash('sha256').update(rootSpki).digest();

  /** The leaf for `publicKey` (SPKI DER): its TBS without the SCT list, signed by the CT key as a precertificate, then with it. */
  function leaf(publicKey: Buffer, identity: string, issuer: string): Buffer {
    const t = Date.now();
    const fields = [
      explicit(0, integer(Buffer.from([2]))),
      integer(Buffer.concat([Buffer.from([0x02]), randomBytes(15)])),
      ECDSA_SHA256,
      rootName,
      seq(utcTime(new Date(t - 60_000)), utcTime(new Date(t + 600_000))),
      seq(),
      publicKey
    ];
    const exts = [
      ext('2.5.29.15', true, bitString(Buffer.from([0x80]), 7)),
      ext('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.3'))),
      ext('2.5.29.14', false, octet(createHash('sha1').update(publicKey).digest())),
      ext('2.5.29.35', false, seq(tlv(0x80, rootKeyId))),
      ext('2.5.29.17', true, seq(tlv(0x86, Buffer.from(identity)))),
      ext('1.3.6.1.4.1.57264.1.1', false, Buffer.from(issuer)),
      ext('1.3.6.1.4.1.57264.1.8', false, utf8(issuer))
    ];
    const pre = seq(...fields, explicit(3, seq(...exts)));
    const timestamp = Date.now();
    const signed = Buffer.concat([Buffer.from([0, 0]), u64(timestamp), u16(1), issuerKeyHash, u24(pre.length), pre, u16(0)]);
    const sig = sign('sha256', signed, ct.privateKey);
    const sct = Buffer.concat([Buffer.from([0]), ctLogId, u64(timestamp), u16(0), Buffer.from([4, 3]), u16(sig.length), sig]);
    const list = Buffer.concat([u16(sct.length + 2), u16(sct.length), sct]);
    const tbs = seq(...fields, explicit(3, seq(...exts, ext('1.3.6.1.4.1.11129.2.4.2', false, octet(list)))));
    return certify(tbs);
  }

  const state = {fulcioRequests: [] as FulcioRequest[], rekorEntries: [] as RekorEntry[], seen: [] as string[]};
  const body = (req: http.IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });
  const json = (res: http.ServerResponse, status: number, v: unknown) => {
    res.writeHead(status, {'content-type': 'application/json'});
    res.end(JSON.stringify(v));
  };

  const fulcio = http.createServer(async (req, res) => {
    state.seen.push(`fulcio ${req.method} ${req.url}`);
    // v2 (JSON in, JSON out) and v1, the legacy API cosign 2.x's client speaks (bearer token; base64 key or CSR; a PEM chain out)
    const v2 = req.url === '/api/v2/signingCert';
    if (req.method !== 'POST' || (!v2 && req.url !== '/api/v1/signingCert')) return json(res, 404, {message: 'not found'});
    try {
      const r = JSON.parse(await body(req)) as {credentials?: {oidcIdentityToken?: string}; publicKeyRequest?: {publicKey?: {content?: string}}; publicKey?: {content?: string}; certificateSigningRequest?: string};
      const token = r.credentials?.oidcIdentityToken ?? String(req.headers.authorization ?? '').replace(/^Bearer /, '');
      const claims = claimsOf(token);
      const ref = claims['job_workflow_ref'];
      const iss = claims['iss'];
      if (typeof ref !== 'string' || typeof iss !== 'string') return json(res, 401, {message: 'the OIDC token has no job_workflow_ref/iss (stand-in)'});
      // a PEM, or base64 of a PEM or of DER (v1 sends bytes, base64 in JSON)
      const der = (text: string, type: RegExp) => {
        const decoded = text.includes('-----BEGIN') ? text : Buffer.from(text, 'base64').toString('latin1');
        return decoded.includes('-----BEGIN') && type.test(decoded) ? Buffer.from(decoded.replace(/-----[^-]+-----|\s/g, ''), 'base64') : Buffer.from(text, 'base64');
      };
      let publicKey: Buffer;
      let kind: FulcioRequest['kind'];
      if (r.certificateSigningRequest) {
        publicKey = csrPublicKey(der(r.certificateSigningRequest, /CERTIFICATE REQUEST/));
        kind = 'csr';
      } else {
        const content = r.publicKeyRequest?.publicKey?.content ?? r.publicKey?.content ?? '';
        publicKey = spki(createPublicKey({key: der(content, /PUBLIC KEY/), format: 'der', type: 'spki'}));
        kind = 'publicKey';
      }
      const identity = `${server}/${ref}`;
      state.fulcioRequests.push({token, claims, publicKey: publicKey.toString('base64'), kind, identity});
      if (stand.fulcioFails) return json(res, 500, {code: 500, message: 'stand-in Fulcio failing on purpose'});
      const chain = [pem('CERTIFICATE', leaf(publicKey, identity, iss)), pem('CERTIFICATE', rootCert)];
      if (v2) return json(res, 201, {signedCertificateEmbeddedSct: {chain: {certificates: chain}}});
      res.writeHead(201, {'content-type': 'application/pem-certificate-chain'});
      res.end(chain.join(''));
    } catch (e) {
      json(res, 400, {message: `stand-in: ${(e as Error).message}`});
    }
  });

  const rekorServer = http.createServer(async (req, res) => {
    state.seen.push(`rekor ${req.method} ${req.url}`);
    if (req.method === 'GET' && req.url?.startsWith('/api/v1/log/publicKey')) {
      res.writeHead(200, {'content-type': 'application/x-pem-file'});
      return res.end(rekor.publicKey.export({type: 'spki', format: 'pem'}));
    }
    if (req.method !== 'POST' || req.url !== '/api/v1/log/entries') return json(res, 404, {code: 404, message: 'not found'});
    try {
      const entry = JSON.parse(await body(req)) as {kind?: string; spec?: {data?: {hash?: {value?: string}}}};
      if (entry.kind !== 'hashedrekord') return json(res, 400, {code: 400, message: `stand-in takes hashedrekord entries only, not ${entry.kind}`});
      const canonical = Buffer.from(canonicalJson(entry));
      const logIndex = state.rekorEntries.length;
      const integratedTime = Math.floor(Date.now() / 1000);
      const payload = {body: canonical.toString('base64'), integratedTime, logID: rekorLogId, logIndex};
      const set = sign('sha256', Buffer.from(canonicalJson(payload)), rekor.privateKey).toString('base64');
      const uuid = createHash('sha256').update(Buffer.concat([Buffer.from([0]), canonical])).digest('hex');
      state.rekorEntries.push({uuid, logIndex, hash: entry.spec?.data?.hash?.value ?? '', body: entry as Record<string, unknown>});
      res.writeHead(201, {'content-type': 'application/json', location: `/api/v1/log/entries/${uuid}`, etag: uuid});
      res.end(JSON.stringify({[uuid]: {...payload, verification: {signedEntryTimestamp: set}}}));
    } catch (e) {
      json(res, 400, {code: 400, message: `stand-in: ${(e as Error).message}`});
    }
  });

  const listen = (s: http.Server) => new Promise<number>(resolve => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)));
  const [fp, rp] = [await listen(fulcio), await listen(rekorServer)];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-sigstore-standin-'));
  const trust = {
    SIGSTORE_ROOT_FILE: path.join(dir, 'fulcio-root.pem'),
    SIGSTORE_REKOR_PUBLIC_KEY: path.join(dir, 'rekor.pub'),
    SIGSTORE_CT_LOG_PUBLIC_KEY_FILE: path.join(dir, 'ctlog.pub')
  };
  fs.writeFileSync(trust.SIGSTORE_ROOT_FILE, pem('CERTIFICATE', rootCert));
  fs.writeFileSync(trust.SIGSTORE_REKOR_PUBLIC_KEY, rekor.publicKey.export({type: 'spki', format: 'pem'}));
  fs.writeFileSync(trust.SIGSTORE_CT_LOG_PUBLIC_KEY_FILE, ct.publicKey.export({type: 'spki', format: 'pem'}));
  const stand: SigstoreStandIn = {
    fulcioFails: false,
    fulcioUrl: `http://127.0.0.1:${fp}`,
    rekorUrl: `http://127.0.0.1:${rp}`,
    trust,
    ...state,
    close: async () => {
      await Promise.all([fulcio, rekorServer].map(s => new Promise<void>(resolve => s.close(() => resolve()))));
      fs.rmSync(dir, {recursive: true, force: true});
    }
  };
  return stand;
}
