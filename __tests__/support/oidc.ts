// A stand-in of the runner's OIDC token service on 127.0.0.1 (node:http), as @actions/core asks it
// (node_modules/@actions/core/lib/oidc-utils.js): GET `${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=<aud>`
// with `Authorization: Bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}`, answered `{"value": "<JWT>"}`. The JWT
// is made here (header.payload.signature, base64url), with GitHub's claims (iss, aud, sub, repository,
// workflow_ref, job_workflow_ref, ...); its signature is not GitHub's (nobody here verifies it but a
// Fulcio stand-in, which takes it as it is). A wrong bearer is answered 401 and recorded; `fail` makes
// every answer a 500. Node built-ins only.
import http from 'node:http';
import {randomBytes} from 'node:crypto';
import type {AddressInfo} from 'node:net';

export interface TokenRequest {
  /** The `audience` query parameter ('' when none). */
  audience: string;
  /** The Authorization header as it arrived. */
  authorization: string;
  status: number;
}

export interface OidcStandIn {
  /** ACTIONS_ID_TOKEN_REQUEST_URL (with a query of its own, as the runner's: core appends `&audience=`). */
  requestUrl: string;
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN: the bearer it expects. */
  requestToken: string;
  /** The environment a step with `permissions: id-token: write` has. */
  env: Record<string, string>;
  requests: TokenRequest[];
  /** The tokens handed out, in order. */
  issued: string[];
  /** Every answer a 500 from now on. */
  fail: boolean;
  close(): Promise<void>;
}

const b64url = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** A JWT with these claims (not verifiable: its signature is random bytes). */
export function makeJwt(claims: Record<string, unknown>): string {
  return [b64url({alg: 'RS256', typ: 'JWT', kid: 'stand-in'}), b64url(claims), randomBytes(64).toString('base64url')].join('.');
}

/** GitHub's claims for a run of `workflowRef` (`owner/repo/.github/workflows/x.yml@refs/...`), audience `aud`; `extra` on top. */
export function githubClaims(workflowRef: string, aud: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const [repository] = workflowRef.split('/.github/');
  const ref = workflowRef.slice(workflowRef.indexOf('@') + 1);
  return {
    iss: 'https://token.actions.githubusercontent.com',
    aud,
    sub: `repo:${repository}:ref:${ref}`,
    repository,
    ref,
    workflow_ref: workflowRef,
    job_workflow_ref: workflowRef,
    event_name: 'push',
    iat: now,
    nbf: now - 5,
    exp: now + 300,
    ...extra
  };
}

export async function startOidcStandIn(o: {claims: (audience: string) => Record<string, unknown>}): Promise<OidcStandIn> {
  const requestToken = `runtime-${randomBytes(12).toString('hex')}`;
  const state = {requests: [] as TokenRequest[], issued: [] as string[], fail: false};
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const authorization = String(req.headers.authorization ?? '');
    const audience = url.searchParams.get('audience') ?? '';
    const answer = (status: number, body: unknown) => {
      state.requests.push({audience, authorization, status});
      res.writeHead(status, {'content-type': 'application/json'});
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET' || url.pathname !== '/_apis/oidctoken') return answer(404, {message: 'not found'});
    if (authorization !== `Bearer ${requestToken}`) return answer(401, {message: 'bad bearer'});
    if (stand.fail) return answer(500, {message: 'token service failing (stand-in)'});
    const token = makeJwt(o.claims(audience));
    state.issued.push(token);
    answer(200, {value: token});
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const requestUrl = `http://127.0.0.1:${port}/_apis/oidctoken?api-version=2.0`;
  const stand: OidcStandIn = {
    requestUrl,
    requestToken,
    env: {ACTIONS_ID_TOKEN_REQUEST_URL: requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken},
    requests: state.requests,
    issued: state.issued,
    fail: false,
    close: () => new Promise<void>(resolve => server.close(() => resolve()))
  };
  return stand;
}
