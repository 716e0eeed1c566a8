/**
 * The registry's HTTP API (distribution spec), in this process: the reads after the bake (a manifest by
 * digest, where a tag points) without a `docker` process each, pushing blobs and manifests by digest (an
 * OCI layout the docker driver exported: steps/staging.ts), and the two things buildx has no command
 * for: which tags of a repository point at a digest, and deleting a manifest by digest (the tag phase's
 * removal of a new tag). Credentials come from the run's docker config (`auths`, `credHelpers`,
 * `credsStore`), as docker's own; they are sent only over HTTPS, or over plain HTTP to a loopback registry.
 */
import {createHash} from 'node:crypto';
import {createWriteStream, openAsBlob, readFileSync, rmSync} from 'node:fs';
import {Readable, Transform} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {registryDomain} from '../lib/reference.js';
import {run} from './exec.js';

/** An HTTP answer of the registry, transient for 5xx and 429. */
export class RegistryHttpFailure extends Error {
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message);
    this.name = 'RegistryHttpFailure';
  }
  get transient(): boolean {
    return this.status >= 500 || this.status === 429;
  }
}

/** A failed answer, with the registry's own error (distribution's `{errors: [{code, message}]}`) when it gave one. */
async function httpFailure(what: string, res: Response): Promise<RegistryHttpFailure> {
  const text = await res.text().catch(() => '');
  let said = '';
  try {
    const errors = (JSON.parse(text) as {errors?: {code?: string; message?: string}[]}).errors ?? [];
    said = errors.map(e => [e.code, e.message].filter(Boolean).join(' ')).join('; ');
  } catch {
    // not JSON: the status alone
  }
  return new RegistryHttpFailure(`${what}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${said ? `: ${said.slice(0, 300)}` : ''}`, res.status);
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ');

/** A manifest as the registry holds it: its bytes' digest, media type and parsed JSON. */
export interface ManifestRead {
  digest: string;
  mediaType: string;
  /** The length of the manifest's bytes. */
  size: number;
  json: unknown;
  /** The bytes themselves (what a tag write PUTs again, unchanged: same digest). */
  bytes?: Uint8Array;
}

/** The distribution spec's limit on a manifest (4 MiB): anything larger is not read. */
const MAX_MANIFEST = 4 * 1024 * 1024;

/** At most this many tags are read to decide whether a digest is tagged elsewhere. */
const MAX_TAGS = 5000;
const REQUEST_TIMEOUT_MS = 20000;

export interface Repository {
  /** The host the API is on (`registry-1.docker.io` for Docker Hub). */
  host: string;
  /** The key of its credentials in the docker config. */
  authKey: string;
  path: string;
}

export function repository(name: string): Repository {
  const domain = registryDomain(name);
  if (!domain || domain === 'docker.io' || domain === 'index.docker.io') {
    const path = domain ? name.slice(domain.length + 1) : name;
    return {host: 'registry-1.docker.io', authKey: 'https://index.docker.io/v1/', path: path.includes('/') ? path : `library/${path}`};
  }
  return {host: domain, authKey: domain, path: name.slice(domain.length + 1)};
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

interface Credential {
  username: string;
  secret: string;
}

export class RegistryApi {
  private readonly schemes = new Map<string, 'https' | 'http'>();
  private readonly tokens = new Map<string, string>();

  constructor(private readonly env: Record<string, string | undefined> = {}) {}

  /**
   * The manifest `digest` of `name` (GET); undefined when the registry has no such manifest (404). The
   * bytes must hash to `digest`: what the registry answered is what the digest names, or it throws.
   */
  async manifest(name: string, digest: string): Promise<ManifestRead | undefined> {
    const repo = repository(name);
    const res = await this.request(repo, 'GET', `/v2/${repo.path}/manifests/${digest}`, {Accept: MANIFEST_TYPES});
    if (res.status === 404) {
      await res.body?.cancel();
      return undefined;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new RegistryHttpFailure(`reading ${name}@${digest}: HTTP ${res.status}`, res.status);
    }
    if (Number(res.headers.get('content-length') ?? 0) > MAX_MANIFEST) {
      await res.body?.cancel();
      throw new RegistryHttpFailure(`reading ${name}@${digest}: the manifest is larger than ${MAX_MANIFEST} bytes`, 400);
    }
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length > MAX_MANIFEST) throw new RegistryHttpFailure(`reading ${name}@${digest}: the manifest is larger than ${MAX_MANIFEST} bytes`, 400);
    const [algorithm, hex] = digest.split(':');
    if (algorithm !== 'sha256' && algorithm !== 'sha512') throw new RegistryHttpFailure(`reading ${name}@${digest}: unsupported digest algorithm`, 400);
    const actual = `${algorithm}:${createHash(algorithm).update(body).digest('hex')}`;
    if (actual !== `${algorithm}:${hex?.toLowerCase()}`) throw new RegistryHttpFailure(`reading ${name}@${digest}: the registry answered content whose digest is ${actual}`, 400);
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      throw new RegistryHttpFailure(`reading ${name}@${digest}: the manifest is not JSON`, 400);
    }
    const mediaType = (json as {mediaType?: unknown}).mediaType;
    return {digest: actual, mediaType: typeof mediaType === 'string' ? mediaType : (res.headers.get('content-type') ?? '').split(';')[0], size: body.length, json, bytes: body};
  }

  /** The blob `digest` of `name` as JSON (an image config), its bytes checked against the digest. */
  async blobJson(name: string, digest: string): Promise<unknown> {
    const repo = repository(name);
    const res = await this.request(repo, 'GET', `/v2/${repo.path}/blobs/${digest}`);
    if (!res.ok) {
      await res.body?.cancel();
      throw new RegistryHttpFailure(`reading ${name}@${digest}: HTTP ${res.status}`, res.status);
    }
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length > MAX_MANIFEST) throw new RegistryHttpFailure(`reading ${name}@${digest}: larger than ${MAX_MANIFEST} bytes`, 400);
    if (`sha256:${createHash('sha256').update(body).digest('hex')}` !== digest) throw new RegistryHttpFailure(`reading ${name}@${digest}: the registry answered other content`, 400);
    try {
      return JSON.parse(body.toString('utf8'));
    } catch {
      throw new RegistryHttpFailure(`reading ${name}@${digest}: not JSON`, 400);
    }
  }

  /**
   * The digest the tag `tag` of `name` points at (HEAD, its `Docker-Content-Digest`; a GET hashed when
   * the registry sends no such header); undefined when there is no such tag (404).
   */
  async tagDigest(name: string, tag: string): Promise<string | undefined> {
    const repo = repository(name);
    const path = `/v2/${repo.path}/manifests/${encodeURIComponent(tag)}`;
    const head = await this.request(repo, 'HEAD', path, {Accept: MANIFEST_TYPES});
    await head.body?.cancel();
    if (head.status === 404) return undefined;
    if (!head.ok) throw new RegistryHttpFailure(`reading ${name}:${tag}: HTTP ${head.status}`, head.status);
    const header = head.headers.get('docker-content-digest');
    if (header && /^sha256:[0-9a-f]{64}$/.test(header)) return header;
    const res = await this.request(repo, 'GET', path, {Accept: MANIFEST_TYPES});
    if (res.status === 404) {
      await res.body?.cancel();
      return undefined;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new RegistryHttpFailure(`reading ${name}:${tag}: HTTP ${res.status}`, res.status);
    }
    const body = Buffer.from(await res.arrayBuffer());
    return `sha256:${createHash('sha256').update(body).digest('hex')}`;
  }

  /** Every tag of `name` (tags/list, followed page by page); [] when the repository does not exist. */
  async listTags(name: string): Promise<string[]> {
    const repo = repository(name);
    const all: string[] = [];
    for (let next: string | undefined = `/v2/${repo.path}/tags/list?n=1000`; next; ) {
      const res = await this.request(repo, 'GET', next);
      if (res.status === 404) return [];
      if (!res.ok) throw new RegistryHttpFailure(`listing the tags of ${name}: HTTP ${res.status}`, res.status);
      all.push(...(((await res.json()) as {tags?: string[] | null}).tags ?? []));
      if (all.length > MAX_TAGS) throw new RegistryHttpFailure(`${name} has more than ${MAX_TAGS} tags: not read one by one`, 400);
      next = /<([^>]+)>;\s*rel="?next"?/.exec(res.headers.get('link') ?? '')?.[1];
      if (next && /^https?:/.test(next)) next = new URL(next).pathname + new URL(next).search;
    }
    return all;
  }

  /** The tags of `name` whose manifest is `digest` (read with HEAD, 8 at a time). */
  async tagsAt(name: string, digest: string): Promise<string[]> {
    const repo = repository(name);
    const all = await this.listTags(name);
    const at: string[] = [];
    for (let i = 0; i < all.length; i += 8) {
      await Promise.all(
        all.slice(i, i + 8).map(async tag => {
          const res = await this.request(repo, 'HEAD', `/v2/${repo.path}/manifests/${encodeURIComponent(tag)}`, {Accept: MANIFEST_TYPES});
          if (res.status === 404) return;
          if (!res.ok) throw new RegistryHttpFailure(`reading ${name}:${tag}: HTTP ${res.status}`, res.status);
          if (res.headers.get('docker-content-digest') === digest) at.push(tag);
        })
      );
    }
    return at;
  }

  /**
   * DELETE of the manifest `digest` of `name` (every tag pointing at it goes with it). False when the
   * registry does not allow deletion (405, or `UNSUPPORTED`); a manifest already gone counts as deleted.
   */
  async deleteManifest(name: string, digest: string): Promise<boolean> {
    const repo = repository(name);
    const res = await this.request(repo, 'DELETE', `/v2/${repo.path}/manifests/${digest}`);
    if (res.ok || res.status === 404) return true;
    const body = await res.text().catch(() => '');
    if (res.status === 405 || /UNSUPPORTED/.test(body)) return false;
    throw new RegistryHttpFailure(`deleting ${name}@${digest}: HTTP ${res.status}`, res.status);
  }

  /** Whether `name` has the blob `digest` (HEAD). */
  async hasBlob(name: string, digest: string): Promise<boolean> {
    const repo = repository(name);
    const head = await this.request(repo, 'HEAD', `/v2/${repo.path}/blobs/${digest}`);
    await head.body?.cancel();
    if (head.ok) return true;
    if (head.status === 404) return false;
    throw await httpFailure(`checking blob ${digest.slice(0, 19)}… of ${name}`, head);
  }

  /**
   * Downloads the blob `digest` (`size` bytes) of `name` into `file`, streamed; its bytes must hash to
   * the digest and have the size, or the file is removed and it throws. The download gets as long as a
   * slow link needs for the size (at least 1 MB/s).
   */
  async downloadBlob(name: string, digest: string, size: number, file: string): Promise<void> {
    const repo = repository(name);
    const res = await this.request(repo, 'GET', `/v2/${repo.path}/blobs/${digest}`, {}, undefined, REQUEST_TIMEOUT_MS + Math.ceil(size / 1000));
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new RegistryHttpFailure(`downloading blob ${digest.slice(0, 19)}… of ${name}: HTTP ${res.status}`, res.status);
    }
    const hash = createHash('sha256');
    let length = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        length += chunk.length;
        done(null, chunk);
      }
    });
    try {
      await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), counted, createWriteStream(file, {mode: 0o600}));
      const actual = `sha256:${hash.digest('hex')}`;
      if (actual !== digest || length !== size) throw new RegistryHttpFailure(`downloading blob ${digest.slice(0, 19)}… of ${name}: the registry answered ${length} bytes of ${actual.slice(0, 19)}…`, 400);
    } catch (e) {
      rmSync(file, {force: true});
      throw e;
    }
  }

  /**
   * Uploads the blob `digest` (`size` bytes, read from `file`) to `name`, unless the registry has it:
   * mounted from `from` (another repository of the same registry) when the registry allows, else one
   * monolithic upload. True when it was uploaded or mounted, false when it was there.
   */
  async pushBlob(name: string, digest: string, size: number, file: string, from?: string): Promise<boolean> {
    const repo = repository(name);
    const head = await this.request(repo, 'HEAD', `/v2/${repo.path}/blobs/${digest}`);
    if (head.ok) return false;
    if (head.status !== 404) throw await httpFailure(`checking blob ${digest.slice(0, 19)}… of ${name}`, head);
    const source = from ? repository(from) : undefined;
    const mount = source && source.host === repo.host && source.path !== repo.path ? `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(source.path)}` : '';
    const started = await this.request(repo, 'POST', `/v2/${repo.path}/blobs/uploads/${mount}`, {'Content-Length': '0'});
    await started.body?.cancel();
    if (started.status === 201) return true; // mounted
    if (started.status !== 202) throw await httpFailure(`starting the upload of blob ${digest.slice(0, 19)}… to ${name}`, started);
    const location = this.samePath(repo, started.headers.get('location') ?? '');
    const put = `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
    const body = await openAsBlob(file);
    if (body.size !== size) throw new RegistryHttpFailure(`blob ${digest} of ${name} is ${body.size} bytes in the layout, not ${size}`, 400);
    const done = await this.request(repo, 'PUT', put, {'Content-Type': 'application/octet-stream'}, body);
    if (!done.ok) throw await httpFailure(`uploading blob ${digest.slice(0, 19)}… to ${name}`, done);
    await done.body?.cancel();
    return true;
  }

  /** PUT of the manifest `body` (bytes as they are: its digest is theirs) under `reference` (a digest or a tag). */
  async putManifest(name: string, reference: string, mediaType: string, body: Uint8Array): Promise<void> {
    const repo = repository(name);
    const res = await this.request(repo, 'PUT', `/v2/${repo.path}/manifests/${encodeURIComponent(reference).replace(/%3A/gi, ':')}`, {'Content-Type': mediaType}, new Blob([body]));
    if (!res.ok) throw await httpFailure(`pushing manifest ${reference.slice(0, 19)}… of ${name}`, res);
    await res.body?.cancel();
  }

  /**
   * The OCI 1.1 referrers API: the descriptors of the manifests whose subject is `digest` (GET
   * /v2/<name>/referrers/<digest>, one page); undefined when the registry has no such API (404, 405, or
   * an answer that is not an image index), which is when clients use the referrers tag `sha256-<hex>`.
   */
  async referrers(name: string, digest: string): Promise<{mediaType: string; digest: string; size: number; artifactType?: string}[] | undefined> {
    const repo = repository(name);
    const res = await this.request(repo, 'GET', `/v2/${repo.path}/referrers/${digest}`, {Accept: 'application/vnd.oci.image.index.v1+json'});
    if (res.status === 404 || res.status === 405 || res.status === 400) {
      await res.body?.cancel();
      return undefined;
    }
    if (!res.ok) throw await httpFailure(`listing the referrers of ${name}@${digest.slice(0, 19)}…`, res);
    let index: {mediaType?: string; manifests?: unknown};
    try {
      index = (await res.json()) as typeof index;
    } catch {
      return undefined;
    }
    if (!Array.isArray(index.manifests)) return undefined;
    return index.manifests as {mediaType: string; digest: string; size: number; artifactType?: string}[];
  }

  /**
   * Points the tag `tag` of `name` at the manifest `m` (already in the repository by its digest): one PUT
   * of its exact bytes with its media type, so the digest cannot change. The registry's answer
   * (`Docker-Content-Digest`, when it sends one) must be that digest, or it throws (not transient).
   */
  async putTag(name: string, tag: string, m: {digest: string; mediaType: string; bytes: Uint8Array}): Promise<void> {
    const repo = repository(name);
    const res = await this.request(repo, 'PUT', `/v2/${repo.path}/manifests/${encodeURIComponent(tag)}`, {'Content-Type': m.mediaType}, new Blob([m.bytes]));
    if (!res.ok) throw await httpFailure(`moving ${name}:${tag}`, res);
    await res.body?.cancel();
    const answered = res.headers.get('docker-content-digest');
    if (answered && answered !== m.digest) throw new RegistryHttpFailure(`moving ${name}:${tag}: the registry stored ${answered.slice(0, 80)}, not ${m.digest}`, 400);
  }

  /** An upload's Location: a path on the registry's own host (relative, or absolute on that host). */
  private samePath(repo: Repository, location: string): string {
    if (location.startsWith('/')) return location;
    try {
      const u = new URL(location);
      if (u.host === repo.host) return u.pathname + u.search;
    } catch {
      // not a URL: refused below
    }
    throw new RegistryHttpFailure(`${repo.host} answered an upload with a location on another host (${location.slice(0, 100)}): not followed`, 400);
  }

  private async request(repo: Repository, method: string, path: string, headers: Record<string, string> = {}, body?: Blob, timeoutMs?: number): Promise<Response> {
    const scope = `repository:${repo.path}:${method === 'DELETE' ? 'delete' : method === 'POST' || method === 'PUT' ? 'pull,push' : 'pull'}`;
    const token = this.tokens.get(`${repo.host} ${scope}`);
    const first = await this.send(repo, method, path, token ? {...headers, Authorization: token} : headers, body, timeoutMs);
    if (first.status !== 401) return first;
    const challenge = first.headers.get('www-authenticate') ?? '';
    await first.body?.cancel();
    const auth = await this.authorize(repo, challenge, scope);
    if (!auth) return first;
    this.tokens.set(`${repo.host} ${scope}`, auth);
    return this.send(repo, method, path, {...headers, Authorization: auth}, body, timeoutMs);
  }

  /** HTTPS; a loopback registry that does not speak TLS is asked over HTTP (docker's rule for 127.0.0.0/8). */
  private async send(repo: Repository, method: string, path: string, headers: Record<string, string>, body?: Blob, timeoutMs?: number): Promise<Response> {
    const known = this.schemes.get(repo.host);
    const schemes: ('https' | 'http')[] = known ? [known] : isLoopback(repo.host) ? ['https', 'http'] : ['https'];
    let last: unknown;
    for (const scheme of schemes) {
      try {
        // an upload gets as long as a slow link needs for its size (at least 1 MB/s), a call 20 s
        const timeout = timeoutMs ?? REQUEST_TIMEOUT_MS + (body ? Math.ceil(body.size / 1000) : 0);
        const res = await fetch(`${scheme}://${repo.host}${path}`, {method, headers, body, redirect: 'follow', signal: AbortSignal.timeout(timeout)});
        this.schemes.set(repo.host, scheme);
        return res;
      } catch (e) {
        last = e;
      }
    }
    throw last;
  }

  private async authorize(repo: Repository, challenge: string, scope: string): Promise<string | undefined> {
    const cred = await this.credential(repo);
    const [, kind = '', rest = ''] = /^(\w+)\s*(.*)$/.exec(challenge.trim()) ?? [];
    if (/^basic$/i.test(kind)) {
      if (!cred || !this.mayCarry(`${this.schemes.get(repo.host)}://${repo.host}`)) return undefined;
      return `Basic ${Buffer.from(`${cred.username}:${cred.secret}`).toString('base64')}`;
    }
    if (!/^bearer$/i.test(kind)) return undefined;
    const params = Object.fromEntries([...rest.matchAll(/(\w+)="([^"]*)"/g)].map(m => [m[1], m[2]]));
    if (!params['realm'] || !this.mayCarry(params['realm'])) return undefined;
    const url = new URL(params['realm']);
    if (params['service']) url.searchParams.set('service', params['service']);
    url.searchParams.set('scope', params['scope'] || scope);
    const headers: Record<string, string> = cred ? {Authorization: `Basic ${Buffer.from(`${cred.username}:${cred.secret}`).toString('base64')}`} : {};
    const res = await fetch(url, {headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)});
    if (!res.ok) {
      await res.body?.cancel();
      if (res.status >= 500 || res.status === 429) throw new RegistryHttpFailure(`the token endpoint of ${repo.host}: HTTP ${res.status}`, res.status);
      return undefined;
    }
    const body = (await res.json()) as {token?: string; access_token?: string};
    const token = body.token || body.access_token;
    return token ? `Bearer ${token}` : undefined;
  }

  /** Credentials go over HTTPS, or plain HTTP to this machine only. */
  private mayCarry(url: string): boolean {
    try {
      const u = new URL(url);
      return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopback(u.host));
    } catch {
      return false;
    }
  }

  private async credential(repo: Repository): Promise<Credential | undefined> {
    const dir = this.env['DOCKER_CONFIG'] || process.env['DOCKER_CONFIG'] || join(process.env['HOME'] || homedir(), '.docker');
    let config: {auths?: Record<string, {auth?: string}>; credHelpers?: Record<string, string>; credsStore?: string};
    try {
      config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    } catch {
      return undefined;
    }
    const helper = config.credHelpers?.[repo.authKey] ?? config.credsStore;
    if (helper && /^[\w.-]+$/.test(helper)) {
      const out = await run(`docker-credential-${helper}`, ['get'], {input: repo.authKey, allowFailure: true, env: this.env});
      if (out.code === 0) {
        try {
          const c = JSON.parse(out.stdout) as {Username?: string; Secret?: string};
          if (c.Secret) return {username: c.Username ?? '', secret: c.Secret};
        } catch {
          // not JSON: no credential
        }
      }
    }
    const entry = config.auths?.[repo.authKey] ?? config.auths?.[`https://${repo.authKey}`];
    if (!entry?.auth) return undefined;
    const plain = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = plain.indexOf(':');
    return colon < 0 ? undefined : {username: plain.slice(0, colon), secret: plain.slice(colon + 1)};
  }
}
