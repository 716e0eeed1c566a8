// A local stand-in of the GitHub Actions cache service, for the real @actions/cache (nothing inside it is
// mocked): a node http server on 127.0.0.1 (random port), its storage in a temporary directory, speaking
// what the installed @actions/cache (6.x, lib/internal/*) sends:
//
// - cache service v2 (ACTIONS_CACHE_SERVICE_V2 set; what github.com's runners use): the Twirp JSON service
//   `github.actions.results.api.v1.CacheService` at ACTIONS_RESULTS_URL (`POST /twirp/<service>/<method>`,
//   bearer ACTIONS_RUNTIME_TOKEN): CreateCacheEntry -> a signed upload URL, FinalizeCacheEntryUpload,
//   GetCacheEntryDownloadURL -> a signed download URL and the matched key. The upload goes through
//   @azure/storage-blob's BlockBlobClient.uploadFile to that URL (path style, `/<account>/<container>/<blob>`,
//   as the SDK takes an IP host): Put Blob (`PUT`, `x-ms-blob-type: BlockBlob`) up to 128 MiB, Put Block
//   (`?comp=block&blockid=`) and Put Block List (`?comp=blocklist`, XML) above. The download of a URL whose
//   host is not `*.blob.core.windows.net` is a plain GET (Range and HEAD are served too).
// - cache service v1 (no ACTIONS_CACHE_SERVICE_V2, or GHES): `_apis/artifactcache` at ACTIONS_CACHE_URL:
//   `GET cache?keys=&version=` (200 with archiveLocation, or 204), `POST caches` (reserve), `PATCH
//   caches/<id>` (Content-Range chunks), `POST caches/<id>` (commit).
//
// Matching as GitHub's: the primary key exactly, then as a prefix, then each restore key in order
// (exactly, then as a prefix), the newest entry first; the version (a hash of the paths and the
// compression method) must be equal; an existing key+version can't be created again (409, as the real
// service answers), nor one that another job has reserved and not finalized. Scopes (branches) are not
// modelled: every entry is visible to every run. Node built-ins only.
import http from 'node:http';
import {createHash, randomBytes} from 'node:crypto';
import {mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync, statSync, createReadStream} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {AddressInfo} from 'node:net';

export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  /** Bytes of the stored archive (0 until uploaded). */
  size: number;
  /** The order entries were created in (newest wins a prefix match). */
  created: number;
  finalized: boolean;
  /** The archive's file in the storage directory. */
  file: string;
}

export interface CacheRequest {
  method: string;
  /** Path without the query (signatures stay out of the log). */
  path: string;
  status: number;
}

export interface CacheService {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** The storage directory (one file per archive, plus entries.json). */
  dir: string;
  /** Variables that point @actions/cache at this service (v2 unless started with version 'v1'). */
  env: Record<string, string>;
  /** Every entry, finalized or not, in creation order. */
  entries(): CacheEntry[];
  requests: CacheRequest[];
  close(): Promise<void>;
}

export interface CacheServiceOptions {
  /** Which protocol the returned `env` selects (both are always served). Default v2. */
  version?: 'v1' | 'v2';
  /** Storage directory; default a fresh one under the OS temp dir, removed by close(). */
  dir?: string;
}

const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/';

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {'content-type': 'application/json', 'content-length': Buffer.byteLength(text)});
  res.end(text);
}

/** A Twirp error (`{code, msg}`), as the real service sends them. */
function twirpError(res: http.ServerResponse, status: number, code: string, msg: string): void {
  json(res, status, {code, msg});
}

/** Azure's error body, with the headers the storage SDK reads. */
function blobError(res: http.ServerResponse, status: number, code: string, message: string): void {
  const text = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, {'content-type': 'application/xml', 'x-ms-error-code': code, 'x-ms-request-id': randomBytes(8).toString('hex'), 'x-ms-version': '2025-01-05'});
  res.end(text);
}

function blobCreated(res: http.ServerResponse, extra: Record<string, string> = {}): void {
  res.writeHead(201, {
    etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
    'last-modified': new Date().toUTCString(),
    'x-ms-request-id': randomBytes(8).toString('hex'),
    'x-ms-version': '2025-01-05',
    'x-ms-request-server-encrypted': 'true',
    date: new Date().toUTCString(),
    'content-length': '0',
    ...extra
  });
  res.end();
}

export async function startCacheService(opts: CacheServiceOptions = {}): Promise<CacheService> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'cache-service-'));
  const ownDir = !opts.dir;
  const token = `runtime-${randomBytes(12).toString('hex')}`;
  const sig = randomBytes(16).toString('hex');
  const entries: CacheEntry[] = [];
  const blocks = new Map<string, Map<string, Buffer>>();
  const requests: CacheRequest[] = [];
  let nextId = 1;
  let url = '';

  const persist = () =>
    writeFileSync(join(dir, 'entries.json'), JSON.stringify(entries.map(({file, ...e}) => ({...e, file: file.slice(dir.length + 1)})), null, 2) + '\n');
  const find = (key: string, version: string) => entries.find(e => e.key === key && e.version === version);
  const blobUrl = (e: CacheEntry) => `${url}devstoreaccount1/actions-cache/${e.id}.tzst?sig=${sig}&se=2099-01-01`;

  /** GitHub's order: the key exactly, then as a prefix; then each restore key the same way; newest first. */
  const match = (keys: string[], version: string): CacheEntry | undefined => {
    const ready = entries.filter(e => e.finalized && e.version === version).sort((a, b) => b.created - a.created);
    for (const k of keys) {
      const hit = ready.find(e => e.key === k) ?? ready.find(e => e.key.startsWith(k));
      if (hit) return hit;
    }
    return undefined;
  };

  const create = (key: string, version: string): CacheEntry | undefined => {
    if (!key || !version || find(key, version)) return undefined;
    const id = nextId++;
    const e: CacheEntry = {id, key, version, size: 0, created: Date.now() * 1000 + id, finalized: false, file: join(dir, `${id}.archive`)};
    entries.push(e);
    persist();
    return e;
  };

  const authorized = (req: http.IncomingMessage) => req.headers.authorization === `Bearer ${token}`;

  async function twirp(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return twirpError(res, 404, 'bad_route', `no handler for ${req.method} ${method}`);
    if (!authorized(req)) return twirpError(res, 401, 'unauthenticated', 'invalid or missing runtime token');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse((await readBody(req)).toString('utf8') || '{}');
    } catch {
      return twirpError(res, 400, 'malformed', 'the request body is not JSON');
    }
    const key = String(body['key'] ?? '');
    const version = String(body['version'] ?? '');
    if (method === 'CreateCacheEntry') {
      const e = create(key, version);
      if (!e) return twirpError(res, 409, 'already_exists', 'cache entry with the same key, version, and scope already exists');
      return json(res, 200, {ok: true, signed_upload_url: blobUrl(e)});
    }
    if (method === 'FinalizeCacheEntryUpload') {
      const e = find(key, version);
      if (!e || e.finalized) return twirpError(res, 404, 'not_found', 'no cache entry is being uploaded under that key and version');
      if (!existsSync(e.file)) return json(res, 200, {ok: false, entry_id: '0', message: 'the archive was not uploaded'});
      e.size = statSync(e.file).size;
      if (String(e.size) !== String(body['size_bytes'] ?? '')) return json(res, 200, {ok: false, entry_id: '0', message: `size mismatch: uploaded ${e.size}, declared ${String(body['size_bytes'])}`});
      e.finalized = true;
      persist();
      return json(res, 200, {ok: true, entry_id: String(e.id)});
    }
    if (method === 'GetCacheEntryDownloadURL') {
      const restoreKeys = Array.isArray(body['restore_keys']) ? (body['restore_keys'] as unknown[]).map(String) : [];
      const e = match([key, ...restoreKeys], version);
      if (!e) return json(res, 200, {ok: false, signed_download_url: '', matched_key: ''});
      return json(res, 200, {ok: true, signed_download_url: blobUrl(e), matched_key: e.key});
    }
    return twirpError(res, 404, 'bad_route', `unknown method ${method}`);
  }

  async function blob(req: http.IncomingMessage, res: http.ServerResponse, u: URL): Promise<void> {
    if (u.searchParams.get('sig') !== sig) return blobError(res, 403, 'AuthenticationFailed', 'Server failed to authenticate the request.');
    const id = Number(/^\/devstoreaccount1\/actions-cache\/(\d+)\.tzst$/.exec(u.pathname)?.[1]);
    const e = entries.find(x => x.id === id);
    if (!e) return blobError(res, 404, 'BlobNotFound', 'The specified blob does not exist.');
    if (req.method === 'PUT') {
      if (e.finalized) return blobError(res, 409, 'BlobImmutable', 'The entry is finalized.');
      const comp = u.searchParams.get('comp');
      const body = await readBody(req);
      if (comp === 'block') {
        const blockId = u.searchParams.get('blockid') ?? '';
        if (!blocks.has(e.file)) blocks.set(e.file, new Map());
        blocks.get(e.file)!.set(blockId, body);
        return blobCreated(res, {'content-md5': createHash('md5').update(body).digest('base64')});
      }
      if (comp === 'blocklist') {
        const staged = blocks.get(e.file) ?? new Map<string, Buffer>();
        const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\/(?:Latest|Uncommitted|Committed)>/g)].map(m => m[1]);
        const missing = ids.filter(b => !staged.has(b));
        if (missing.length) return blobError(res, 400, 'InvalidBlockList', `unknown block ids: ${missing.join(', ')}`);
        writeFileSync(e.file, Buffer.concat(ids.map(b => staged.get(b)!)));
        blocks.delete(e.file);
        return blobCreated(res);
      }
      if (comp) return blobError(res, 400, 'UnsupportedQueryParameter', `comp=${comp} is not served`);
      if (req.headers['x-ms-blob-type'] !== 'BlockBlob') return blobError(res, 400, 'MissingRequiredHeader', 'x-ms-blob-type: BlockBlob is required');
      writeFileSync(e.file, body);
      return blobCreated(res, {'content-md5': createHash('md5').update(body).digest('base64')});
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (!e.finalized || !existsSync(e.file)) return blobError(res, 404, 'BlobNotFound', 'The specified blob does not exist.');
      return sendFile(req, res, e.file);
    }
    return blobError(res, 405, 'UnsupportedHttpVerb', `${req.method} is not served`);
  }

  function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string): void {
    const size = statSync(file).size;
    const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers.range ?? ''));
    const start = range ? Number(range[1]) : 0;
    const end = range && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    const headers: Record<string, string> = {'content-type': 'application/octet-stream', 'content-length': String(Math.max(0, end - start + 1)), 'accept-ranges': 'bytes', 'x-ms-blob-type': 'BlockBlob'};
    if (range) headers['content-range'] = `bytes ${start}-${end}/${size}`;
    res.writeHead(range ? 206 : 200, headers);
    if (req.method === 'HEAD' || end < start) return void res.end();
    createReadStream(file, {start, end}).pipe(res);
  }

  async function v1(req: http.IncomingMessage, res: http.ServerResponse, u: URL, rest: string): Promise<void> {
    // the archive's URL is signed, like a blob's: no bearer token
    const a = /^archive\/(\d+)$/.exec(rest);
    if (a) {
      const ae = entries.find(x => x.id === Number(a[1]) && x.finalized);
      if (!ae || u.searchParams.get('sig') !== sig || !(req.method === 'GET' || req.method === 'HEAD')) return json(res, 404, {message: 'no such archive'});
      return sendFile(req, res, ae.file);
    }
    if (!authorized(req)) return json(res, 401, {message: 'invalid or missing runtime token'});
    if (rest === 'cache' && req.method === 'GET') {
      // the client encodes the comma-joined list once more than the query needs (`%252C`)
      const raw = u.searchParams.get('keys') ?? '';
      const keys = (raw.includes('%') ? decodeURIComponent(raw) : raw).split(',').filter(Boolean);
      const e = match(keys, u.searchParams.get('version') ?? '');
      if (!e) {
        res.writeHead(204);
        return void res.end();
      }
      return json(res, 200, {cacheKey: e.key, scope: 'refs/heads/main', cacheVersion: e.version, creationTime: new Date(Math.floor(e.created / 1000)).toISOString(), archiveLocation: `${url}_apis/artifactcache/archive/${e.id}?sig=${sig}`});
    }
    if (rest === 'caches' && req.method === 'GET') {
      const key = u.searchParams.get('key') ?? '';
      const list = entries.filter(e => e.finalized && e.key === key);
      return json(res, 200, {totalCount: list.length, artifactCaches: list.map(e => ({cacheKey: e.key, cacheVersion: e.version, scope: 'refs/heads/main'}))});
    }
    if (rest === 'caches' && req.method === 'POST') {
      const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as {key?: string; version?: string};
      const e = create(String(body.key ?? ''), String(body.version ?? ''));
      if (!e) return json(res, 409, {message: `Cache already exists. Scope: refs/heads/main, Key: ${body.key}, Version: ${body.version}`});
      return json(res, 201, {cacheId: e.id});
    }
    const m = /^caches\/(\d+)$/.exec(rest);
    const e = m ? entries.find(x => x.id === Number(m[1])) : undefined;
    if (m && !e) return json(res, 404, {message: 'no such cache'});
    if (e && req.method === 'PATCH') {
      const r = /^bytes (\d+)-(\d+)\/\*$/.exec(String(req.headers['content-range'] ?? ''));
      const body = await readBody(req);
      if (!r || Number(r[2]) - Number(r[1]) + 1 !== body.length) return json(res, 400, {message: 'bad Content-Range'});
      if (!blocks.has(e.file)) blocks.set(e.file, new Map());
      blocks.get(e.file)!.set(r[1].padStart(16, '0'), body);
      res.writeHead(204);
      return void res.end();
    }
    if (e && req.method === 'POST') {
      const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as {size?: number};
      const parts = [...(blocks.get(e.file) ?? new Map<string, Buffer>()).entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, b]) => b);
      const data = Buffer.concat(parts);
      if (data.length !== body.size) return json(res, 400, {message: `size mismatch: uploaded ${data.length}, declared ${body.size}`});
      writeFileSync(e.file, data);
      blocks.delete(e.file);
      e.size = data.length;
      e.finalized = true;
      persist();
      res.writeHead(204);
      return void res.end();
    }
    return json(res, 404, {message: `no handler for ${req.method} ${rest}`});
  }

  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.on('finish', () => requests.push({method: req.method ?? '', path: u.pathname, status: res.statusCode}));
    const handle = u.pathname.startsWith(TWIRP)
      ? twirp(req, res, u.pathname.slice(TWIRP.length))
      : u.pathname.startsWith('/devstoreaccount1/')
        ? blob(req, res, u)
        : u.pathname.startsWith('/_apis/artifactcache/')
          ? v1(req, res, u, u.pathname.slice('/_apis/artifactcache/'.length))
          : Promise.resolve(json(res, 404, {message: 'not found'}));
    handle.catch(err => {
      if (!res.headersSent) json(res, 500, {code: 'internal', msg: String(err)});
      else res.destroy();
    });
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  persist();

  const env: Record<string, string> = {ACTIONS_RUNTIME_TOKEN: token, ACTIONS_CACHE_URL: url, ACTIONS_RESULTS_URL: url};
  if ((opts.version ?? 'v2') === 'v2') env['ACTIONS_CACHE_SERVICE_V2'] = 'true';
  return {
    url,
    dir,
    env,
    entries: () => entries.map(e => ({...e})),
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>(r => server.close(() => r()));
      if (ownDir) rmSync(dir, {recursive: true, force: true});
    }
  };
}

/** The entries as stored on disk (entries.json), for tests that look at the storage rather than the server. */
export function storedEntries(dir: string): Array<Omit<CacheEntry, 'file'> & {file: string}> {
  return JSON.parse(readFileSync(join(dir, 'entries.json'), 'utf8'));
}
