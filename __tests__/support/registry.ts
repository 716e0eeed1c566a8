// The test registry ($REGISTRY_ADDR, htpasswd basic auth on the loopback), read back by the end-to-end
// tests: manifests, tags, and files inside pushed images. Node built-ins only.
import http from 'node:http';
import zlib from 'node:zlib';

export const REGISTRY = process.env.REGISTRY_ADDR || '127.0.0.1:5000';
export const REGISTRY_USER = process.env.REGISTRY_USER || 'ci';
export const REGISTRY_PASSWORD = process.env.REGISTRY_PASSWORD || 'ci-secret';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request to the registry (plain HTTP on the loopback), with basic auth unless `anonymous`. */
export function registryRequest(method: string, urlPath: string, opts: {accept?: string; anonymous?: boolean; timeoutMs?: number} = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (opts.accept) headers.accept = opts.accept;
    if (!opts.anonymous) headers.authorization = `Basic ${Buffer.from(`${REGISTRY_USER}:${REGISTRY_PASSWORD}`).toString('base64')}`;
    const req = http.request(`http://${REGISTRY}${urlPath}`, {method, headers, timeout: opts.timeoutMs ?? 15_000}, res => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks)}));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} http://${REGISTRY}${urlPath}: no answer`)));
    req.on('error', reject);
    req.end();
  });
}

export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ');

export const INDEX_ACCEPT = 'application/vnd.oci.image.index.v1+json,application/vnd.docker.distribution.manifest.list.v2+json';

/** An image index as the registry serves it: the HTTP status, its digest and its platforms, sorted
 *  (the attestation manifests, unknown/unknown, left out). */
export async function readIndex(repository: string, reference: string): Promise<{status: number; digest: string; platforms: string[]}> {
  const r = await registryRequest('GET', `/v2/${repository}/manifests/${reference}`, {accept: INDEX_ACCEPT});
  const digest = String(r.headers['docker-content-digest'] ?? '');
  if (r.status !== 200) return {status: r.status, digest, platforms: []};
  const manifests = (JSON.parse(r.body.toString('utf8')).manifests ?? []) as {platform?: {os: string; architecture: string; variant?: string}}[];
  const platforms = manifests
    .map(m => [m.platform?.os, m.platform?.architecture, m.platform?.variant].filter(Boolean).join('/'))
    .filter(p => p !== 'unknown/unknown')
    .sort();
  return {status: r.status, digest, platforms};
}

/** Tags of a repository (none when the repository does not exist). */
export async function tagList(repository: string): Promise<string[]> {
  const r = await registryRequest('GET', `/v2/${repository}/tags/list?n=1000`);
  if (r.status === 404) return [];
  if (r.status !== 200) throw new Error(`GET /v2/${repository}/tags/list: HTTP ${r.status} ${r.body.toString('utf8')}`);
  return ((JSON.parse(r.body.toString('utf8')).tags as string[] | null) ?? []).sort();
}

/** Every tag of a repository with the digest it points at. */
export async function tagDigests(repository: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const tag of await tagList(repository)) {
    const r = await registryRequest('HEAD', `/v2/${repository}/manifests/${tag}`, {accept: MANIFEST_ACCEPT});
    if (r.status !== 200) throw new Error(`HEAD /v2/${repository}/manifests/${tag}: HTTP ${r.status}`);
    out[tag] = String(r.headers['docker-content-digest']);
  }
  return out;
}

export async function registryJson(repository: string, reference: string): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await registryRequest('GET', `/v2/${repository}/manifests/${reference}`, {accept: MANIFEST_ACCEPT});
  if (r.status !== 200) throw new Error(`GET /v2/${repository}/manifests/${reference}: HTTP ${r.status}`);
  return JSON.parse(r.body.toString('utf8'));
}

/** The entries of a tar archive (regular files only), name -> content. */
export function untar(tar: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const str = (b: Buffer) => b.toString('utf8').replace(/\0.*$/s, '');
  let longName: string | undefined;
  for (let off = 0; off + 512 <= tar.length; ) {
    const header = tar.subarray(off, off + 512);
    if (header.every(b => b === 0)) break;
    const size = parseInt(str(header.subarray(124, 136)).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const prefix = str(header.subarray(345, 500));
    const name = longName ?? (prefix ? `${prefix}/` : '') + str(header.subarray(0, 100));
    const data = tar.subarray(off + 512, off + 512 + size);
    longName = undefined;
    if (type === 'L') longName = str(data);
    else if (type === 'x') longName = /\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))?.[1];
    else if (type === '0' || type === '\0') files.set(name.replace(/^\.?\//, ''), Buffer.from(data));
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** A file of a platform image, read from its layers in the registry (the topmost layer that has it). */
export async function fileInImage(repository: string, manifestDigest: string, file: string): Promise<string | undefined> {
  const manifest = await registryJson(repository, manifestDigest);
  const layers = [...(manifest.layers as {digest: string; mediaType: string}[])].reverse();
  for (const layer of layers) {
    const r = await registryRequest('GET', `/v2/${repository}/blobs/${layer.digest}`);
    if (r.status !== 200) throw new Error(`GET blob ${layer.digest} of ${repository}: HTTP ${r.status}`);
    if (!/tar(\+gzip)?$/.test(layer.mediaType) && !/tar\.gzip$/.test(layer.mediaType)) throw new Error(`layer ${layer.digest} is ${layer.mediaType}: only gzip/plain tar layers are read here`);
    const tar = /gzip/.test(layer.mediaType) ? zlib.gunzipSync(r.body) : r.body;
    const content = untar(tar).get(file);
    if (content !== undefined) return content.toString('utf8');
  }
  return undefined;
}
