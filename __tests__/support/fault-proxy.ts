// A fault-injecting HTTP proxy in front of the test registry ($REGISTRY_ADDR): a node http server on
// 127.0.0.1 that forwards every request as it is (Host header kept, so the registry's Location headers
// point back at the proxy), and on command fails tag writes (PUT of a manifest by tag name, never by
// digest) and manifest DELETEs, with a 503 or a dropped connection, for a while or for good. Tag writes
// of the action's staging tags (`mp-staging-*`, pushed by the build) are never failed, so the faults hit
// the tag phase alone. Node built-ins only.
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {REGISTRY} from './registry.js';

export type FaultMode = '503' | 'drop';

export interface Faults {
  /** Which tag writes fail (default: none). Staging tags never do. */
  tags?: (tag: string) => boolean;
  /** The first N tag writes the rule matches go through (default 0). */
  passFirst?: number;
  /** How long writes fail, from the first failed one (default: for good). */
  forMs?: number;
  /** Whether DELETEs of manifests fail too (for as long as the tag writes do). */
  deletes?: boolean;
  mode?: FaultMode;
}

export interface Write {
  method: 'PUT' | 'DELETE';
  repository: string;
  /** The tag or digest. */
  reference: string;
  status: number | 'dropped';
}

export interface FaultProxy {
  /** `127.0.0.1:PORT`, the registry address to hand the action. */
  addr: string;
  /** Manifest PUTs by tag and DELETEs, in arrival order, with what the proxy did. */
  writes: Write[];
  /** Replaces the faults (and resets their counters). */
  set(faults: Faults): void;
  close(): Promise<void>;
}

const MANIFEST = /^\/v2\/(.+)\/manifests\/([^/?]+)/;

export async function startFaultProxy(target = REGISTRY): Promise<FaultProxy> {
  let faults: Faults = {};
  let matched = 0;
  let failingSince: number | undefined;
  const writes: Write[] = [];
  const [host, port] = target.split(':');

  const failing = (now: number): boolean => {
    failingSince ??= now;
    return faults.forMs === undefined || now - failingSince < faults.forMs;
  };

  const server = http.createServer((req, res) => {
    const m = MANIFEST.exec(req.url ?? '');
    const isTagPut = req.method === 'PUT' && m && !m[2].startsWith('sha256:') && !m[2].startsWith('mp-staging-');
    const isDelete = req.method === 'DELETE' && m;
    let fail = false;
    if (isTagPut && faults.tags?.(decodeURIComponent(m[2])) && ++matched > (faults.passFirst ?? 0)) fail = failing(Date.now());
    else if (isDelete && faults.deletes && failingSince !== undefined) fail = failing(Date.now());
    if (m && (isTagPut || isDelete)) writes.push({method: req.method as 'PUT' | 'DELETE', repository: m[1], reference: decodeURIComponent(m[2]), status: fail ? (faults.mode === 'drop' ? 'dropped' : 503) : 0});
    const record = writes[writes.length - 1];
    if (fail) {
      req.resume();
      if (faults.mode === 'drop') {
        req.socket.destroy();
        return;
      }
      res.writeHead(503, {'content-type': 'application/json'});
      res.end(JSON.stringify({errors: [{code: 'UNAVAILABLE', message: 'fault-proxy: service unavailable'}]}));
      return;
    }
    const upstream = http.request({host, port: Number(port), method: req.method, path: req.url, headers: req.headers}, up => {
      if (record && record.status === 0) record.status = up.statusCode ?? 0;
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const {port: own} = server.address() as AddressInfo;
  return {
    addr: `127.0.0.1:${own}`,
    writes,
    set(f) {
      faults = f;
      matched = 0;
      failingSince = undefined;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
