/**
 * Copying content between registries with its digest kept (`mode: promote` with `to-registry`): the
 * manifest's exact bytes, and everything it references first — an index's platform and attestation
 * manifests, each manifest's config and layers (streamed through a file of the run's own, each blob's
 * digest and size checked), and the signatures and attestations stored beside it under the tag scheme
 * of cosign and the OCI referrers fallback (`sha256-<hex>`, `sha256-<hex>.sig`, `.att`, `.sbom`), which
 * are tagged alike in the target. A blob or manifest the target already has is not sent again.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import * as runner from '../action/runner.js';
import type {BuildxApi} from './buildx.js';

const DIGEST = /^sha256:[0-9a-f]{64}$/;

interface Descriptor {
  digest: string;
  size: number;
  mediaType?: string;
}
interface AnyManifest {
  manifests?: Descriptor[];
  config?: Descriptor;
  layers?: Descriptor[];
  blobs?: Descriptor[];
}

/** The tags that hold what is stored beside `digest` (signatures, attestations, SBOMs; cosign and OCI referrers tag schema). */
export function referrerTags(tags: string[], digest: string): string[] {
  const base = digest.replace(':', '-');
  return tags.filter(t => t === base || (t.startsWith(`${base}.`) && /^(sig|att|sbom)$/.test(t.slice(base.length + 1)))).sort();
}

export interface CopyResult {
  manifests: number;
  blobs: number;
  /** Bytes of the blobs sent (those the target had are not counted). */
  bytes: number;
  /** The referrer tags copied (`sha256-<hex>.sig`, …). */
  referrers: string[];
}

/** Copies `digest` of `source` (a name) into `target` (a name of another registry), digest kept. */
export async function copyContent(buildx: BuildxApi, source: string, target: string, digest: string, tempDir?: string): Promise<CopyResult> {
  if (!buildx.manifestRaw || !buildx.hasBlob || !buildx.downloadBlob) throw new Error('this engine cannot copy between registries');
  const dir = mkdtempSync(join(tempDir || process.env['RUNNER_TEMP'] || tmpdir(), 'mp-copy-'));
  const result: CopyResult = {manifests: 0, blobs: 0, bytes: 0, referrers: []};
  const done = new Set<string>();
  const sourceTags = buildx.listTags ? await buildx.listTags(source).catch(() => [] as string[]) : [];
  const blob = async (d: Descriptor) => {
    if (done.has(d.digest)) return;
    done.add(d.digest);
    if (!DIGEST.test(d.digest) || !Number.isSafeInteger(d.size) || d.size < 0) throw new Error(`${source}: a descriptor with digest ${String(d.digest).slice(0, 80)} is not one this action copies`);
    if (await buildx.hasBlob!(target, d.digest)) return;
    const file = join(dir, d.digest.slice('sha256:'.length));
    await buildx.downloadBlob!(source, {digest: d.digest, size: d.size, file});
    try {
      await buildx.pushBlob(target, {digest: d.digest, size: d.size, file});
    } finally {
      rmSync(file, {force: true});
    }
    result.blobs++;
    result.bytes += d.size;
  };
  const manifest = async (d: string, tag?: string): Promise<void> => {
    if (!done.has(d)) {
      done.add(d);
      const raw = await buildx.manifestRaw!(source, d);
      if (!raw) throw new Error(`${source}@${d} is not in the registry`);
      const m = JSON.parse(new TextDecoder().decode(raw.bytes)) as AnyManifest;
      for (const child of m.manifests ?? []) await manifest(child.digest);
      for (const b of [...(m.config ? [m.config] : []), ...(m.layers ?? []), ...(m.blobs ?? [])]) await blob(b);
      await buildx.putManifest(target, d, raw.mediaType, raw.bytes);
      result.manifests++;
      // what is stored beside it: signatures, attestations and SBOMs under their tags
      for (const t of referrerTags(sourceTags, d)) {
        const at = await buildx.tagDigest(`${source}:${t}`);
        if (!at) continue;
        await manifest(at, t);
        result.referrers.push(t);
      }
    }
    if (tag) {
      const raw = await buildx.manifestRaw!(source, d);
      await buildx.putManifest(target, tag, raw!.mediaType, raw!.bytes);
    }
  };
  try {
    await manifest(digest);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
  runner.info(`${source}@${digest} -> ${target}: ${result.manifests} manifest(s), ${result.blobs} blob(s) sent (${result.bytes} bytes)${result.referrers.length ? `, referrers ${result.referrers.join(', ')}` : ''}`);
  return result;
}

/** The name of `name` in another registry: its registry part replaced (`ghcr.io/acme/api` -> `registry.example.com/acme/api`). */
export function nameIn(registry: string, name: string): string {
  const slash = name.indexOf('/');
  return `${registry.replace(/\/+$/, '')}/${slash > 0 ? name.slice(slash + 1) : name}`;
}
