/**
 * An OCI image layout (https://github.com/opencontainers/image-spec/blob/main/image-layout.md) as
 * BuildKit's `type=oci,tar=false` exporter writes it: `index.json` names one image index (or manifest),
 * every blob is a file `blobs/sha256/<hex>`. This reads what there is to push, children before their
 * parents, so that a registry never gets a manifest whose references it does not hold yet.
 *
 * The layout is written by the build (a Dockerfile the user controls may shape its content), so every
 * digest is checked to be `sha256:<64 hex>` before it names a file: nothing outside `blobs/sha256` is read.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';

export interface LayoutBlob {
  digest: string;
  size: number;
  file: string;
}

export interface LayoutManifest {
  digest: string;
  mediaType: string;
  /** The bytes as they are: a manifest is pushed by digest, so not one byte may change. */
  bytes: Buffer;
}

export interface Layout {
  /** The image index (or single manifest) the build made. */
  root: {digest: string; mediaType: string; size: number};
  /** Config and layer blobs (each once). */
  blobs: LayoutBlob[];
  /** Every manifest and index under the root, children first, the root last. */
  manifests: LayoutManifest[];
}

const DIGEST = /^sha256:[a-f0-9]{64}$/;
const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);
const MANIFEST_TYPES = new Set(['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json']);

interface Descriptor {
  mediaType?: string;
  digest?: string;
  size?: number;
}

function checked(d: Descriptor, where: string): {digest: string; mediaType: string; size: number} {
  if (typeof d?.digest !== 'string' || !DIGEST.test(d.digest)) throw new Error(`the OCI layout ${where} names a digest that is not sha256:<64 hex>: ${JSON.stringify(String(d?.digest)).slice(0, 80)}`);
  if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) throw new Error(`the OCI layout ${where} gives ${d.digest} no valid size`);
  return {digest: d.digest, mediaType: String(d.mediaType ?? ''), size: d.size};
}

export function blobPath(dir: string, digest: string): string {
  if (!DIGEST.test(digest)) throw new Error(`not a sha256 digest: ${digest.slice(0, 80)}`);
  return join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length));
}

/** What the layout in `dir` holds under its one root (the build's index). */
export function readLayout(dir: string): Layout {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {manifests?: Descriptor[]};
  const roots = index.manifests ?? [];
  if (roots.length !== 1) throw new Error(`the OCI layout in ${dir} holds ${roots.length} images, not the one the build made`);
  const root = checked(roots[0], 'index.json');
  const blobs = new Map<string, LayoutBlob>();
  const manifests = new Map<string, LayoutManifest>();
  const visit = (d: {digest: string; mediaType: string; size: number}, depth: number) => {
    if (manifests.has(d.digest)) return;
    if (depth > 8) throw new Error(`the OCI layout in ${dir} nests indexes deeper than 8`);
    const bytes = readFileSync(blobPath(dir, d.digest));
    if (bytes.length !== d.size) throw new Error(`the OCI layout in ${dir}: ${d.digest} is ${bytes.length} bytes, not ${d.size}`);
    const doc = JSON.parse(bytes.toString('utf8')) as {mediaType?: string; manifests?: Descriptor[]; config?: Descriptor; layers?: Descriptor[]};
    const mediaType = d.mediaType || doc.mediaType || '';
    if (INDEX_TYPES.has(mediaType)) {
      for (const m of doc.manifests ?? []) visit(checked(m, `index ${d.digest}`), depth + 1);
    } else if (MANIFEST_TYPES.has(mediaType)) {
      for (const b of [...(doc.config ? [doc.config] : []), ...(doc.layers ?? [])]) {
        const c = checked(b, `manifest ${d.digest}`);
        if (!blobs.has(c.digest)) blobs.set(c.digest, {digest: c.digest, size: c.size, file: blobPath(dir, c.digest)});
      }
    } else {
      throw new Error(`the OCI layout in ${dir}: ${d.digest} is neither an image index nor a manifest (${mediaType || 'no media type'})`);
    }
    manifests.set(d.digest, {digest: d.digest, mediaType, bytes});
  };
  visit(root, 0);
  return {root: {...root, mediaType: root.mediaType || manifests.get(root.digest)!.mediaType}, blobs: [...blobs.values()], manifests: [...manifests.values()]};
}
