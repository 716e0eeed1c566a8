// A stand-in of the GitHub Packages REST API on 127.0.0.1 (node:http), the documented endpoints the
// prune back end calls (docs.github.com/rest/packages/packages):
//   GET    /users/{owner}                                                   -> {login, id, type: User | Organization}
//   GET    /{orgs|users}/{owner}/packages/container/{package_name}/versions -> a page of versions, Link header
//   DELETE /{orgs|users}/{owner}/packages/container/{package_name}/versions/{package_version_id} -> 204
// `package_name` arrives URL-encoded (`team%2Fapp`). Pages as GitHub sends them: per_page (default 30, at most
// 100) and page (from 1), a Link header with rel="prev"/"next"/"last"/"first" as they apply, newest first.
// Every request needs `Authorization: token <t>` or `Bearer <t>` (401 "Bad credentials" otherwise).
//
// It holds versions as GHCR does: EVERY manifest is a version of its own, the index tagged, its platform and
// attestation manifests untagged, a cosign-style `sha256-<hex>.sig` tag a tagged version of its own. It
// can front the real test registry ($REGISTRY_ADDR): sync() builds a package's versions from the registry
// (its tags, and each index's manifests walked), and a DELETE deletes that manifest in the registry by
// digest as well, so a test sees real effects. Fault switches: a page that fails, deletes that fail (500),
// deletes refused (403), deletes held back by the secondary rate limit (403 with retry-after). Node built-ins only.
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {MANIFEST_ACCEPT, REGISTRY, registryRequest} from './registry.js';

export type OwnerType = 'User' | 'Organization';

/** A version as the stand-in holds it (and lists it, as the API's JSON). */
export interface HeldVersion {
  id: number;
  /** The manifest digest. */
  name: string;
  tags: string[];
  created_at: string;
}

export interface ApiRequest {
  method: string;
  /** As it arrived (raw, URL-encoded). */
  path: string;
  authorization?: string;
  status: number;
}

export interface PackagesFaults {
  /** A page of the versions list (1-based) that answers `pageStatus` (default 500), every time it is asked. */
  failPage?: number;
  pageStatus?: number;
  /** DELETEs of these versions answer 500 (nothing deleted). */
  failDelete?: (v: HeldVersion) => boolean;
  /** Every DELETE answers 403, as GitHub does when the token is not admin of the package. */
  forbidDelete?: boolean;
  /** The 403's `message` (default GitHub's words). */
  forbidMessage?: string;
  /** The next N DELETEs answer 403 with `retry-after: 0`, GitHub's secondary rate limit (counted down). */
  rateLimitDeletes?: number;
  /** The next N DELETEs are done but answered 502, as when a proxy loses the answer (counted down). */
  lostDeleteAnswers?: number;
}

export interface PackagesStandIn {
  /** The API base (GITHUB_API_URL). */
  url: string;
  token: string;
  requests: ApiRequest[];
  /** The versions deleted, in order. */
  deleted: HeldVersion[];
  faults: PackagesFaults;
  setOwner(owner: string, type: OwnerType): void;
  /** Adds a version (the next id, created now or at `created`); returns it. */
  add(owner: string, pkg: string, digest: string, tags?: string[], created?: Date): HeldVersion;
  /** The package's versions, newest first (as listed). */
  versions(owner: string, pkg: string): HeldVersion[];
  /**
   * Makes the package's versions what the registry repository `<owner>/<pkg>` holds: each tag's manifest,
   * an index's manifests (platform and attestation) walked, one version per digest, tagged with the tags
   * that point at it. Versions it already holds keep their id and created_at; new ones are created now,
   * in the order found (an index after its children, so that it is the newest of its push).
   */
  sync(owner: string, pkg: string): Promise<HeldVersion[]>;
  close(): Promise<void>;
}

const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];
const VERSIONS = /^\/(orgs|users)\/([^/]+)\/packages\/container\/([^/]+)\/versions(?:\/([^/]+))?\/?$/;

export async function startPackagesStandIn(opts: {token?: string; registry?: boolean} = {}): Promise<PackagesStandIn> {
  const token = opts.token ?? 'packages-stand-in-token';
  const fronting = opts.registry ?? false;
  const owners = new Map<string, {type: OwnerType; id: number}>();
  const packages = new Map<string, HeldVersion[]>();
  const requests: ApiRequest[] = [];
  const deleted: HeldVersion[] = [];
  const faults: PackagesFaults = {};
  let nextId = 1000;
  // strictly increasing creation times, even within one millisecond
  let clock = Date.now() - 3_600_000;
  const stamp = (at?: Date) => new Date(at ? at.getTime() : (clock = Math.max(clock + 1000, Date.now()))).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const key = (owner: string, pkg: string) => `${owner.toLowerCase()}/${pkg}`;
  const held = (owner: string, pkg: string) => packages.get(key(owner, pkg)) ?? [];
  const newestFirst = (list: HeldVersion[]) => [...list].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);

  const add = (owner: string, pkg: string, digest: string, tags: string[] = [], created?: Date): HeldVersion => {
    const v: HeldVersion = {id: nextId++, name: digest, tags: [...tags], created_at: stamp(created)};
    packages.set(key(owner, pkg), [...held(owner, pkg), v]);
    return v;
  };

  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const raw = req.url ?? '/';
    const record: ApiRequest = {method, path: raw, authorization: req.headers.authorization, status: 0};
    requests.push(record);
    req.resume();
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, {...(body === undefined ? {} : {'content-type': 'application/json; charset=utf-8'}), ...headers});
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const docs = 'https://docs.github.com/rest/packages/packages';
    const auth = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (auth !== token) return send(401, {message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401'});
    const url = new URL(raw, 'http://stand-in');
    const user = /^\/users\/([^/]+)\/?$/.exec(url.pathname);
    if (method === 'GET' && user) {
      const login = decodeURIComponent(user[1]!);
      const o = owners.get(login.toLowerCase());
      return o ? send(200, {login, id: o.id, type: o.type}) : send(404, {message: 'Not Found', documentation_url: 'https://docs.github.com/rest/users/users#get-a-user', status: '404'});
    }
    const m = VERSIONS.exec(url.pathname);
    if (!m) return send(404, {message: 'Not Found', documentation_url: docs, status: '404'});
    const [, kind, ownerRaw, pkgRaw, idRaw] = m;
    const owner = decodeURIComponent(ownerRaw!);
    const pkg = decodeURIComponent(pkgRaw!);
    const o = owners.get(owner.toLowerCase());
    // the org path for a user (or the user path for an org) is a 404, as on GitHub
    if (!o || (kind === 'orgs') !== (o.type === 'Organization') || !packages.has(key(owner, pkg))) return send(404, {message: 'Package not found.', documentation_url: docs, status: '404'});
    if (method === 'GET' && idRaw === undefined) {
      const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page')) || 30));
      const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
      if (faults.failPage === page) return send(faults.pageStatus ?? 500, {message: 'stand-in: this page fails', status: String(faults.pageStatus ?? 500)});
      const all = newestFirst(held(owner, pkg));
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const base = `http://${req.headers.host}${url.pathname}`;
      const link = (p: number, rel: string) => `<${base}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
      const links = [page > 1 ? link(page - 1, 'prev') : '', page < last ? link(page + 1, 'next') : '', page < last ? link(last, 'last') : '', page > 1 ? link(1, 'first') : ''].filter(Boolean);
      const body = all.slice((page - 1) * perPage, page * perPage).map(v => ({
        id: v.id,
        name: v.name,
        url: `${base}/${v.id}`,
        package_html_url: `https://github.com/${owner}/packages/container/package/${encodeURIComponent(pkg)}`,
        created_at: v.created_at,
        updated_at: v.created_at,
        html_url: `https://github.com/${owner}/packages/container/${encodeURIComponent(pkg)}/${v.id}`,
        metadata: {package_type: 'container', container: {tags: v.tags}}
      }));
      return send(200, body, links.length ? {link: links.join(', ')} : {});
    }
    if (method === 'DELETE' && idRaw !== undefined) {
      const list = held(owner, pkg);
      const v = list.find(x => String(x.id) === idRaw);
      if (!v) return send(404, {message: 'Not Found', documentation_url: docs, status: '404'});
      if (faults.rateLimitDeletes) {
        faults.rateLimitDeletes--;
        return send(403, {message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api', status: '403'}, {'retry-after': '0'});
      }
      if (faults.forbidDelete) return send(403, {message: faults.forbidMessage ?? 'You must have admin permissions on the package to delete it.', documentation_url: docs, status: '403'});
      if (faults.failDelete?.(v)) return send(500, {message: 'stand-in: this delete fails', status: '500'});
      const drop = () => {
        // the list as it is now: other deletes may have ended while the registry answered this one
        packages.set(key(owner, pkg), held(owner, pkg).filter(x => x.id !== v.id));
        deleted.push(v);
        if (faults.lostDeleteAnswers) {
          faults.lostDeleteAnswers--;
          return send(502, {message: 'Server Error'});
        }
        send(204);
      };
      if (!fronting) return drop();
      registryRequest('DELETE', `/v2/${owner}/${pkg}/manifests/${v.name}`).then(
        r => (r.status === 202 || r.status === 404 ? drop() : send(500, {message: `stand-in: the registry answered ${r.status} to the delete`})),
        e => send(500, {message: `stand-in: the registry: ${e}`})
      );
      return;
    }
    send(404, {message: 'Not Found', documentation_url: docs, status: '404'});
  });

  async function sync(owner: string, pkg: string): Promise<HeldVersion[]> {
    const repo = `${owner}/${pkg}`;
    const tags = await registryRequest('GET', `/v2/${repo}/tags/list?n=10000`);
    if (tags.status !== 200 && tags.status !== 404) throw new Error(`stand-in sync: GET /v2/${repo}/tags/list: HTTP ${tags.status}`);
    const tagNames = tags.status === 200 ? (((JSON.parse(tags.body.toString('utf8')) as {tags?: string[] | null}).tags ?? []) as string[]) : [];
    const found: {digest: string; tags: string[]}[] = [];
    const entry = (digest: string) => {
      let e = found.find(f => f.digest === digest);
      if (!e) found.push((e = {digest, tags: []}));
      return e;
    };
    const walk = async (reference: string, seen: Set<string>): Promise<string> => {
      const r = await registryRequest('GET', `/v2/${repo}/manifests/${reference}`, {accept: MANIFEST_ACCEPT});
      if (r.status !== 200) throw new Error(`stand-in sync: GET /v2/${repo}/manifests/${reference}: HTTP ${r.status}`);
      const digest = String(r.headers['docker-content-digest']);
      if (seen.has(digest)) return digest;
      seen.add(digest);
      const json = JSON.parse(r.body.toString('utf8')) as {mediaType?: string; manifests?: {digest: string}[]};
      const type = String(r.headers['content-type'] ?? json.mediaType ?? '');
      // children first: the index is the newest version of its push
      if (INDEX_TYPES.some(t => type.startsWith(t))) for (const child of json.manifests ?? []) await walk(child.digest, seen);
      entry(digest);
      return digest;
    };
    const seen = new Set<string>();
    for (const tag of tagNames.sort()) entry(await walk(tag, seen)).tags.push(tag);
    const before = held(owner, pkg);
    const now = found.map(f => {
      const had = before.find(v => v.name === f.digest);
      return had ? {...had, tags: f.tags.sort()} : {id: nextId++, name: f.digest, tags: f.tags.sort(), created_at: stamp()};
    });
    packages.set(key(owner, pkg), now);
    return newestFirst(now);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const {port} = server.address() as AddressInfo;
  if (fronting && !REGISTRY) throw new Error('stand-in: no registry to front');
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    deleted,
    faults,
    setOwner(owner, type) {
      owners.set(owner.toLowerCase(), {type, id: 5000 + owners.size});
    },
    add,
    versions: (owner, pkg) => newestFirst(held(owner, pkg)),
    sync,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
