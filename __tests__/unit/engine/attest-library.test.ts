// @actions/attest itself, run whole (engine/attest.ts libraryAttestApi), with every network call it makes
// answered by local stand-ins on 127.0.0.1: the runner's OIDC token endpoint and the token issuer's keys
// (an http server), GitHub's attestations API (GITHUB_API_URL), and Sigstore's public-good Fulcio and
// Rekor, whose addresses the library fixes (https://fulcio.sigstore.dev, https://rekor.sigstore.dev): its
// HTTP client honours https_proxy, so a CONNECT proxy on 127.0.0.1 hands those connections to a local TLS
// server (a certificate of a test CA added to this process's trusted CAs only) that answers with
// @sigstore/mock's Fulcio and Rekor handlers (sigstore-js's own stand-ins, which actions/attest tests with).
// What is checked: the library signs a DSSE envelope whose in-toto statement has exactly our subject and
// the SLSA predicate; it posts that bundle to POST /repos/{owner}/{repo}/attestations with the token; the
// id it answered and the very bundle posted end up beside the image (the artifact manifest, subject =
// the index). Nothing leaves the machine.
import {afterAll, beforeAll, expect, test} from '@jest/globals';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import type {AddressInfo} from 'node:net';
import {attestImages, libraryAttestApi} from '../../../src/engine/attest.js';
import {FakeBuildx, DIGEST, IMAGE} from './fake-buildx.js';
import {buildPlan} from './factory.js';
import {removeTempDirs, tempDir} from '../../support/git.js';

const servers: (http.Server | https.Server)[] = [];
const listen = async <T extends http.Server | https.Server>(s: T): Promise<number> => {
  servers.push(s);
  await new Promise<void>(r => s.listen(0, '127.0.0.1', r));
  return (s.address() as AddressInfo).port;
};
const body = (req: http.IncomingMessage) => new Promise<string>(r => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => r(Buffer.concat(chunks).toString('utf8')));
});

const saved = {...process.env};
const defaultCAs = tls.getCACertificates('default');
let dir = '';
let oidcBase = '';
const seen: {hosts: string[]; connect: string[]; fulcio: number; rekor: number; tokens: string[]; posts: {url: string; authorization?: string; bundle: unknown}[]} = {hosts: [], connect: [], fulcio: 0, rekor: 0, tokens: [], posts: []};
const CLAIMS = {sub: 'repo:acme/app:ref:refs/tags/v1.2.3', ref: 'refs/tags/v1.2.3', sha: 'a'.repeat(40), repository: 'acme/app', event_name: 'push', job_workflow_ref: 'acme/app/.github/workflows/release.yml@refs/tags/v1.2.3', workflow_ref: 'acme/app/.github/workflows/release.yml@refs/tags/v1.2.3', repository_id: '1', repository_owner_id: '2', runner_environment: 'github-hosted', run_id: '4242', run_attempt: '1'};

beforeAll(async () => {
  dir = tempDir('mp-attest-lib-');
  // a test CA and a certificate for Sigstore's public-good hosts, trusted by this process only
  const o = (...args: string[]) => execFileSync('openssl', args, {cwd: dir, stdio: 'pipe'});
  o('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=multiarch-publish test CA');
  o('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=sigstore.dev');
  fs.writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=DNS:fulcio.sigstore.dev,DNS:rekor.sigstore.dev,DNS:fulcio.githubapp.com,DNS:timestamp.githubapp.com\n');
  o('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', '1', '-extfile', 'san.ext');
  tls.setDefaultCACertificates([...defaultCAs, fs.readFileSync(path.join(dir, 'ca.pem'), 'utf8')]);

  // Fulcio and Rekor: @sigstore/mock's handlers behind one local TLS server, routed by Host
  const mock = await import('@sigstore/mock');
  const {generateKeyPairSync} = await import('node:crypto');
  const keyPair = () => generateKeyPairSync('ec', {namedCurve: 'prime256v1'});
  const fulcio = mock.fulcioHandler(await mock.initializeCA(keyPair(), await mock.initializeCTLog(keyPair())));
  const rekor = mock.rekorHandler(await mock.initializeTLog('https://rekor.sigstore.dev', keyPair()));
  // GitHub's instance (private repositories): its Fulcio and its timestamp authority, no transparency log
  const githubFulcio = mock.fulcioHandler(await mock.initializeCA(keyPair(), await mock.initializeCTLog(keyPair())));
  const tsa = mock.tsaHandler(await mock.initializeTSA(keyPair()));
  const sigstore = https.createServer({key: fs.readFileSync(path.join(dir, 'leaf.key')), cert: fs.readFileSync(path.join(dir, 'leaf.pem'))}, async (req, res) => {
    const host = String(req.headers.host).replace(/:\d+$/, '');
    const routes = {'fulcio.sigstore.dev': fulcio, 'rekor.sigstore.dev': rekor, 'fulcio.githubapp.com': githubFulcio, 'timestamp.githubapp.com': tsa} as Record<string, typeof fulcio>;
    const handler = routes[host]?.path === req.url ? routes[host] : undefined;
    const text = await body(req);
    if (!handler || req.method !== 'POST') {
      res.statusCode = 404;
      res.end('{}');
      return;
    }
    seen.hosts.push(host);
    if (handler === fulcio) seen.fulcio++;
    if (handler === rekor) seen.rekor++;
    const answer = await handler.fn(text);
    res.writeHead(answer.statusCode, {'content-type': answer.contentType || 'application/json'});
    res.end(answer.response);
  });
  const sigstorePort = await listen(sigstore);
  // the CONNECT proxy: only Sigstore's two hosts, to the local TLS server; anything else refused
  const proxy = http.createServer((_req, res) => {
    res.statusCode = 403;
    res.end();
  });
  proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
    seen.connect.push(String(req.url));
    if (!/^((fulcio|rekor)\.sigstore\.dev|(fulcio|timestamp)\.githubapp\.com):443$/.test(String(req.url))) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(sigstorePort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  const proxyPort = await listen(proxy);

  // the runner's token endpoint and the issuer's keys
  const jose = await import('jose');
  const {publicKey, privateKey} = await jose.generateKeyPair('RS256');
  const jwk = {...(await jose.exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig'};
  const oidc = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', oidcBase);
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/token') {
      seen.tokens.push(`${url.searchParams.get('audience')} ${req.headers.authorization}`);
      const jwt = await new jose.SignJWT({...CLAIMS, iss: oidcBase}).setProtectedHeader({alg: 'RS256', kid: 'k1'}).setAudience(url.searchParams.get('audience') ?? '').setIssuedAt().setExpirationTime('5m').sign(privateKey);
      res.end(JSON.stringify({value: jwt}));
      return;
    }
    if (url.pathname === '/.well-known/openid-configuration') {
      res.end(JSON.stringify({issuer: oidcBase, jwks_uri: `${oidcBase}/jwks`}));
      return;
    }
    if (url.pathname === '/jwks') {
      res.end(JSON.stringify({keys: [jwk]}));
      return;
    }
    res.statusCode = 404;
    res.end('{}');
  });
  oidcBase = `http://127.0.0.1:${await listen(oidc)}`;

  // GitHub's attestations API
  const api = http.createServer(async (req, res) => {
    const text = await body(req);
    res.setHeader('content-type', 'application/json');
    if (req.method === 'POST' && req.url === '/repos/acme/app/attestations' && req.headers.authorization === 'token read-only-token') {
      res.statusCode = 403;
      res.end(JSON.stringify({message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/repos/attestations#create-an-attestation', status: '403'}));
      return;
    }
    if (req.method === 'POST' && req.url === '/repos/acme/app/attestations') {
      seen.posts.push({url: req.url, authorization: req.headers.authorization, bundle: JSON.parse(text).bundle});
      res.statusCode = 201;
      res.end(JSON.stringify({id: 777}));
      return;
    }
    res.statusCode = 404;
    res.end('{"message":"Not Found"}');
  });
  const apiPort = await listen(api);

  Object.assign(process.env, {
    ACTIONS_ID_TOKEN_REQUEST_URL: `${oidcBase}/token?api-version=2.0`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: `http://127.0.0.1:${apiPort}`,
    GITHUB_REPOSITORY: 'acme/app',
    // read once by the library's HTTP client (@npmcli/agent) when it is first loaded: before the lazy import
    https_proxy: `http://127.0.0.1:${proxyPort}`,
    no_proxy: '127.0.0.1,localhost'
  });
  delete process.env['HTTPS_PROXY'];
}, 60_000);

afterAll(async () => {
  tls.setDefaultCACertificates(defaultCAs);
  for (const s of servers) await new Promise<void>(r => s.close(() => r()));
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  for (const [k, v] of Object.entries(saved)) process.env[k] = v;
  removeTempDirs();
});

test('attestImages with the real @actions/attest: Fulcio and Rekor (public-good) and the attestations API answered locally; the posted bundle is the one beside the image', async () => {
  const fake = new FakeBuildx().pushCaptured();
  const verified = [{build: buildPlan({images: [IMAGE]}), digest: DIGEST.index, images: []}];
  const result = await attestImages({buildx: fake, verified, api: libraryAttestApi({issuer: oidcBase}), token: 'ghs_attest_token', sigstore: 'public-good', serverUrl: 'https://github.com', repository: 'acme/app', dir});
  // the OIDC token: once for the predicate (audience nobody), once for Fulcio (audience sigstore)
  expect(seen.tokens.sort()).toEqual(['nobody Bearer oidc-request-token', 'sigstore Bearer oidc-request-token']);
  // Sigstore reached through the proxy only, Fulcio for the certificate, Rekor for the log entry
  expect([...new Set(seen.connect)].sort()).toEqual(['fulcio.sigstore.dev:443', 'rekor.sigstore.dev:443']);
  expect([seen.fulcio, seen.rekor]).toEqual([1, 1]);
  // the attestations API: one POST with the token and the bundle
  expect(seen.posts).toHaveLength(1);
  expect(seen.posts[0].authorization).toBe('token ghs_attest_token');
  const bundle = seen.posts[0].bundle as {mediaType: string; dsseEnvelope: {payloadType: string; payload: string}; verificationMaterial: {tlogEntries: unknown[]}};
  expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
  expect(bundle.verificationMaterial.tlogEntries).toHaveLength(1);
  expect(bundle.dsseEnvelope.payloadType).toBe('application/vnd.in-toto+json');
  const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'));
  expect(statement.subject).toEqual([{name: IMAGE, digest: {sha256: DIGEST.index.slice(7)}}]);
  expect(statement.predicateType).toBe('https://slsa.dev/provenance/v1');
  expect(statement.predicate.buildDefinition.externalParameters.workflow).toEqual({ref: 'refs/tags/v1.2.3', repository: 'https://github.com/acme/app', path: '.github/workflows/release.yml'});
  // what the run reports, and the bundle beside the image is the one GitHub stored
  expect(result.attestations).toEqual([expect.objectContaining({image: IMAGE, digest: DIGEST.index, attestationId: '777', attestationUrl: 'https://github.com/acme/app/attestations/777', sigstore: 'public-good'})]);
  const manifest = fake.manifests.get(result.attestations[0].bundle)!.raw as {subject: {digest: string}; layers: {digest: string}[]};
  expect(manifest.subject.digest).toBe(DIGEST.index);
  const {createHash} = await import('node:crypto');
  expect(manifest.layers[0].digest).toBe(`sha256:${createHash('sha256').update(JSON.stringify(bundle)).digest('hex')}`);
}, 60_000);

test('a private repository: GitHub\'s instance (its Fulcio and timestamp authority, no Rekor)', async () => {
  const fake = new FakeBuildx().pushCaptured();
  seen.hosts.length = 0;
  const verified = [{build: buildPlan({images: [IMAGE]}), digest: DIGEST.index, images: []}];
  const result = await attestImages({buildx: fake, verified, api: libraryAttestApi({issuer: oidcBase}), token: 'ghs_attest_token', sigstore: 'github', serverUrl: 'https://github.com', repository: 'acme/app', dir});
  expect(seen.hosts.sort()).toEqual(['fulcio.githubapp.com', 'timestamp.githubapp.com']);
  const bundle = seen.posts[seen.posts.length - 1].bundle as {verificationMaterial: {tlogEntries: unknown[]; timestampVerificationData: {rfc3161Timestamps: unknown[]}}};
  expect(bundle.verificationMaterial.tlogEntries ?? []).toEqual([]);
  expect(bundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1);
  expect(result.attestations[0]).toMatchObject({attestationId: '777', sigstore: 'github'});
}, 60_000);

test('the attestations API refuses the token (403): the error names attestations: write, nothing is pushed beside the image', async () => {
  const fake = new FakeBuildx().pushCaptured();
  const verified = [{build: buildPlan({images: [IMAGE]}), digest: DIGEST.index, images: []}];
  await expect(attestImages({buildx: fake, verified, api: libraryAttestApi({issuer: oidcBase}), token: 'read-only-token', sigstore: 'public-good', serverUrl: 'https://github.com', repository: 'acme/app', dir})).rejects.toThrow(
    /Attesting .* failed: Failed to persist attestation: Resource not accessible by integration.*\(the attestations API refused the token: add `permissions: attestations: write` to the job\)/
  );
  expect(fake.methods.filter(m => m === 'putManifest' || m === 'pushBlob')).toEqual([]);
}, 60_000);
