// The bundled action (dist/index.js, dry run) against a GitHub API stand-in on 127.0.0.1: proxies
// (HTTPS_PROXY/HTTP_PROXY/NO_PROXY), a GHES base URL, redirects, retries and the per-request deadline.
// No container engine: only Node's http server, a proxy this file runs, and the child process.
import {afterAll, afterEach, describe, expect, test} from '@jest/globals';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {cleanupRuns, defaultEntry, eventFixturesDir, runAction, type RunResult} from '../support/action.js';

const REPO_JSON = fs.readFileSync(path.join(eventFixturesDir, 'repo.json'), 'utf8');
const DESCRIPTION = 'org.opencontainers.image.description=This your first repo!';
const LICENSE = 'org.opencontainers.image.licenses=MIT';
const REPO_PATH = '/repos/docker/test-docker-action';
/** A name that resolves nowhere: only a proxy that maps it can reach the stand-in. */
const API_HOST = 'api.github.test';
const TIMEOUT_MS = 30_000;

interface Seen {
  method: string;
  path: string;
  at: number;
}
type Handler = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void;

interface Server {
  port: number;
  seen: Seen[];
  close(): Promise<void>;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map(c => c()));
});
afterAll(() => cleanupRuns());

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

function closer(server: http.Server, sockets: Set<net.Socket>): () => Promise<void> {
  return () =>
    new Promise<void>(resolve => {
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

/** The API stand-in: every request is recorded, then answered by `handler` (n counts requests from 1). */
async function startApi(handler: Handler): Promise<Server> {
  const seen: Seen[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    seen.push({method: req.method ?? '', path: req.url ?? '', at: Date.now()});
    req.resume();
    handler(req, res, seen.length);
  });
  server.on('connection', s => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await listen(server);
  const close = closer(server, sockets);
  closers.push(close);
  return {port, seen, close};
}

const repo: Handler = (_req, res) => {
  res.writeHead(200, {'content-type': 'application/json; charset=utf-8'});
  res.end(REPO_JSON);
};

function answer(status: number, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, {'content-type': 'application/json; charset=utf-8', ...headers});
    res.end(JSON.stringify({message: `stand-in ${status}`}));
  };
}

/**
 * An HTTP proxy on 127.0.0.1 that sends every request, whatever host it names, to the API stand-in:
 * CONNECT tunnels (undici's ProxyAgent) and absolute-form requests alike. `seen` lists the targets.
 */
async function startProxy(apiPort: number): Promise<{url: string; seen: string[]}> {
  const seen: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? '/');
    const upstream = http.request({host: '127.0.0.1', port: apiPort, method: req.method, path: target.pathname + target.search, headers: req.headers}, up => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    const upstream = net.connect(apiPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => sockets.delete(s));
    }
  });
  const port = await listen(server);
  closers.push(closer(server, sockets));
  return {url: `http://127.0.0.1:${port}`, seen};
}

/** A preload for the child that resolves *.test to 127.0.0.1: a direct route for the NO_PROXY case. */
function hostsPreload(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mp-hosts-')), 'hosts.cjs');
  fs.writeFileSync(
    file,
    `const dns = require('node:dns');
const lookup = dns.lookup;
dns.lookup = function (host, options, callback) {
  if (typeof host !== 'string' || !host.endsWith('.test')) return lookup.apply(this, arguments);
  if (typeof options === 'function') [callback, options] = [options, {}];
  if (options && options.all) return process.nextTick(callback, null, [{address: '127.0.0.1', family: 4}]);
  return process.nextTick(callback, null, '127.0.0.1', 4);
};
`
  );
  closers.push(async () => fs.rmSync(path.dirname(file), {recursive: true, force: true}));
  return file;
}

function run(apiUrl: string, env: Record<string, string> = {}): Promise<RunResult> {
  return runAction({
    envFile: 'event_push_master.env',
    env: {GITHUB_API_URL: apiUrl, MULTIARCH_PUBLISH_API_BACKOFF_MS: '50', ...env},
    inputs: {'dry-run': 'true', images: 'user/app', 'github-token': 'api-test-token'},
    timeoutMs: TIMEOUT_MS - 5_000
  });
}

function succeeded(r: RunResult): void {
  if (r.code !== 0) throw new Error(`the step failed (exit ${r.code}); log:\n${r.log}`);
}

const warnings = (r: RunResult) => r.log.split('\n').filter(l => l.startsWith('::warning::'));
const repoRequests = (s: Server) => s.seen.filter(c => c.path.split('?')[0].endsWith(REPO_PATH));

function expectFullLabels(r: RunResult): void {
  succeeded(r);
  expect(r.outputs.labels).toContain(DESCRIPTION);
  expect(r.outputs.labels).toContain(LICENSE);
  expect(warnings(r)).toEqual([]);
}

function expectDegraded(r: RunResult, warning: RegExp): void {
  succeeded(r);
  // what the context alone knows: no description or license from the API
  expect(r.outputs.labels.split('\n')).toEqual(expect.arrayContaining(['org.opencontainers.image.description=', 'org.opencontainers.image.licenses=']));
  expect(r.outputs.labels).toContain('org.opencontainers.image.source=https://github.com/docker/test-docker-action');
  expect(warnings(r)).toEqual([expect.stringMatching(warning)]);
}

test('the bundle exists', () => {
  expect(fs.existsSync(defaultEntry)).toBe(true);
});

describe('proxies', () => {
  test(
    'HTTPS_PROXY/HTTP_PROXY: the API, which has no direct route, is reached through the proxy',
    async () => {
      const api = await startApi(repo);
      const proxy = await startProxy(api.port);
      const r = await run(`http://${API_HOST}:${api.port}`, {HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url});
      expectFullLabels(r);
      expect(proxy.seen.some(s => s.includes(`${API_HOST}:${api.port}`))).toBe(true);
      expect(repoRequests(api)).toHaveLength(1);
    },
    TIMEOUT_MS
  );

  test(
    'without the proxy the same URL does not resolve: the labels degrade with a warning',
    async () => {
      const api = await startApi(repo);
      const r = await run(`http://${API_HOST}:${api.port}`);
      expectDegraded(r, /Cannot read repository docker\/test-docker-action from the GitHub API at http:\/\/api\.github\.test:\d+ \(.*(ENOTFOUND|EAI_AGAIN).*\)/);
      expect(api.seen).toEqual([]);
    },
    TIMEOUT_MS
  );

  test.each([
    ['the host', API_HOST],
    ['a domain suffix among others', 'example.com, .github.test'],
    ['host:port', 'PORT']
  ])(
    'NO_PROXY naming %s bypasses the proxy',
    async (_name, noProxy) => {
      const api = await startApi(repo);
      const proxy = await startProxy(api.port);
      const preload = hostsPreload();
      const url = `http://${API_HOST}:${api.port}`;
      const env = {HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NODE_OPTIONS: `--require ${preload}`};
      // the control: with the same direct route, no NO_PROXY still goes through the proxy
      const control = await run(url, env);
      expectFullLabels(control);
      expect(proxy.seen).toHaveLength(1);
      const r = await run(url, {...env, NO_PROXY: noProxy === 'PORT' ? `${API_HOST}:${api.port}` : noProxy});
      expectFullLabels(r);
      expect(proxy.seen).toHaveLength(1);
      expect(repoRequests(api)).toHaveLength(2);
    },
    TIMEOUT_MS
  );
});

describe('where the API is', () => {
  test(
    'a GHES base URL with a path prefix (/api/v3) is kept in every request',
    async () => {
      const api = await startApi((req, res, n) => (req.url?.startsWith('/api/v3/repos/') ? repo(req, res, n) : answer(404)(req, res, n)));
      const r = await run(`http://127.0.0.1:${api.port}/api/v3`);
      expectFullLabels(r);
      expect(api.seen.map(s => s.path)).toEqual([`/api/v3${REPO_PATH}`]);
    },
    TIMEOUT_MS
  );

  test(
    'a redirect (a renamed repository) is followed',
    async () => {
      const api = await startApi((req, res, n) => {
        if (req.url === '/repositories/1296269') return repo(req, res, n);
        res.writeHead(301, {location: '/repositories/1296269', 'content-type': 'application/json'});
        res.end('{"message":"Moved Permanently"}');
      });
      const r = await run(`http://127.0.0.1:${api.port}`);
      expectFullLabels(r);
      expect(api.seen.map(s => s.path)).toEqual([REPO_PATH, '/repositories/1296269']);
    },
    TIMEOUT_MS
  );
});

describe('retries and deadline', () => {
  test(
    'a 5xx, then success: retried, the labels are complete',
    async () => {
      const api = await startApi((req, res, n) => (n === 1 ? answer(502)(req, res, n) : repo(req, res, n)));
      const r = await run(`http://127.0.0.1:${api.port}`);
      expectFullLabels(r);
      expect(repoRequests(api)).toHaveLength(2);
    },
    TIMEOUT_MS
  );

  test.each([
    ['429 with Retry-After', () => ({status: 429, headers: {'retry-after': '1'}})],
    ['403 with x-ratelimit-remaining: 0 and a reset time', () => ({status: 403, headers: {'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1)}})],
    ['503 with Retry-After as a date', () => ({status: 503, headers: {'retry-after': new Date(Date.now() + 2000).toUTCString()}})]
  ])(
    '%s: the wait the server asks for is honoured, then retried',
    async (_name, first) => {
      const api = await startApi((req, res, n) => {
        if (n > 1) return repo(req, res, n);
        const {status, headers} = first();
        answer(status, headers)(req, res, n);
      });
      const r = await run(`http://127.0.0.1:${api.port}`);
      expectFullLabels(r);
      const [a, b] = repoRequests(api);
      expect(b).toBeDefined();
      // the backoff alone would be 50 ms; the server asked for about a second (whole seconds, hence the slack)
      expect(b.at - a.at).toBeGreaterThanOrEqual(300);
    },
    TIMEOUT_MS
  );

  test(
    'retries are bounded: three attempts, then the labels degrade with a warning',
    async () => {
      const api = await startApi(answer(503));
      const r = await run(`http://127.0.0.1:${api.port}`);
      expectDegraded(r, /HTTP 503 \(stand-in 503\) after 3 attempts/);
      expect(repoRequests(api)).toHaveLength(3);
    },
    TIMEOUT_MS
  );

  test(
    'a Retry-After longer than the step waits: no retry, a warning at once',
    async () => {
      const api = await startApi(answer(429, {'retry-after': '3600'}));
      const started = Date.now();
      const r = await run(`http://127.0.0.1:${api.port}`);
      expectDegraded(r, /HTTP 429 .*asks to retry in 3600 s, longer than the 10 s this step waits/);
      expect(repoRequests(api)).toHaveLength(1);
      expect(Date.now() - started).toBeLessThan(8_000);
    },
    TIMEOUT_MS
  );

  test.each([
    [404, 'Not Found'],
    [403, 'Forbidden (no rate limit)']
  ])(
    '%s (%s) is not retried',
    async status => {
      const api = await startApi(answer(status));
      const r = await run(`http://127.0.0.1:${api.port}`);
      expectDegraded(r, new RegExp(`HTTP ${status} \\(stand-in ${status}\\)\\)`));
      expect(repoRequests(api)).toHaveLength(1);
    },
    TIMEOUT_MS
  );

  test.each([
    ['the body', true],
    ['the headers', false]
  ])(
    'a server that trickles %s hits the deadline: the step succeeds, the labels degrade with a warning',
    async (_name, headersFirst) => {
      const timers: NodeJS.Timeout[] = [];
      closers.push(async () => timers.forEach(clearInterval));
      const api = await startApi((_req, res) => {
        if (headersFirst) {
          res.writeHead(200, {'content-type': 'application/json; charset=utf-8'});
          res.write('{');
          timers.push(setInterval(() => res.write(' '), 200));
        } else {
          const socket = res.socket!;
          socket.write('HTTP/1.1 200 OK\r\n');
          timers.push(setInterval(() => socket.write('X-Slow: 1\r\n'), 200));
        }
      });
      const started = Date.now();
      const r = await run(`http://127.0.0.1:${api.port}`, {MULTIARCH_PUBLISH_API_DEADLINE_MS: '1000'});
      expectDegraded(r, /no complete answer within 1 s/);
      expect(repoRequests(api)).toHaveLength(1);
      expect(Date.now() - started).toBeLessThan(10_000);
    },
    TIMEOUT_MS
  );
});
