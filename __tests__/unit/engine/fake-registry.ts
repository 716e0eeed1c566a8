/** A registry in memory for the merge and leg tests: manifests, blobs and tags per name, deletion refusable. */
import {createHash} from 'node:crypto';
import {readFileSync, writeFileSync} from 'node:fs';
import {legTag, recordBytes, PLAN_ANNOTATION, type LegRecord} from '../../../src/pipeline/leg-record.js';
import type {BuildxApi} from '../../../src/engine/buildx.js';
import type {BuildPlan} from '../../../src/pipeline/plan.js';

export const sha256 = (b: Uint8Array | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
export const SHA = 'a'.repeat(40);
export const PLAN = sha256('plan');

/** A registry in memory: manifests and blobs per name, tags; deletion refusable. */
export class FakeRegistry {
  manifests = new Map<string, string>();
  blobs = new Map<string, string>();
  tags = new Map<string, string>();
  deletes: string[] = [];
  constructor(readonly allowDelete = true) {}
  put(name: string, json: unknown): string {
    const text = JSON.stringify(json);
    const d = sha256(text);
    this.manifests.set(`${name}@${d}`, text);
    return d;
  }
  api(): BuildxApi {
    const self = this;
    const api: Partial<BuildxApi> = {
      async tagDigest(ref) {
        return self.tags.get(ref);
      },
      async readManifest(name, digest) {
        const m = self.manifests.get(`${name}@${digest}`);
        if (!m) throw new Error(`${name}@${digest}: not found`);
        return JSON.parse(m);
      },
      async imageConfig(name, digest) {
        const m = JSON.parse(self.manifests.get(`${name}@${digest}`)!);
        return JSON.parse(self.blobs.get(`${name}@${m.config.digest}`)!);
      },
      async putManifest(name, reference, _type, bytes) {
        const text = new TextDecoder().decode(bytes);
        const d = sha256(bytes);
        self.manifests.set(`${name}@${d}`, text);
        if (!reference.startsWith('sha256:')) self.tags.set(`${name}:${reference}`, d);
      },
      async writeTags(refs, source) {
        const d = source.slice(source.indexOf('@') + 1);
        for (const r of refs) self.tags.set(r, d);
      },
      async tagsAt(name, digest) {
        return [...self.tags].filter(([r, d]) => d === digest && r.startsWith(`${name}:`)).map(([r]) => r.slice(name.length + 1));
      },
      async listTags(name) {
        return [...self.tags.keys()].filter(r => r.startsWith(`${name}:`)).map(r => r.slice(name.length + 1));
      },
      async manifestRaw(name, digest) {
        const m = self.manifests.get(`${name}@${digest}`);
        return m === undefined ? undefined : {mediaType: JSON.parse(m).mediaType ?? 'application/vnd.oci.image.manifest.v1+json', bytes: new TextEncoder().encode(m)};
      },
      async hasBlob(name, digest) {
        return self.blobs.has(`${name}@${digest}`);
      },
      async downloadBlob(name, blob) {
        const b = self.blobs.get(`${name}@${blob.digest}`);
        if (b === undefined) throw new Error(`${name}@${blob.digest}: no such blob`);
        writeFileSync(blob.file, b);
      },
      async pushBlob(name, blob) {
        const bytes = readFileSync(blob.file);
        if (sha256(bytes) !== blob.digest || bytes.length !== blob.size) throw new Error(`blob ${blob.digest} does not match its file`);
        const had = self.blobs.has(`${name}@${blob.digest}`);
        self.blobs.set(`${name}@${blob.digest}`, bytes.toString('utf8'));
        return !had;
      },
      async deleteManifest(name, digest) {
        if (!self.allowDelete) return false;
        self.deletes.push(`${name}@${digest}`);
        self.manifests.delete(`${name}@${digest}`);
        for (const [r, d] of [...self.tags]) if (d === digest && r.startsWith(`${name}:`)) self.tags.delete(r);
        return true;
      }
    };
    return api as BuildxApi;
  }

  /** What a leg of `platform` pushes to `name`: an index with the platform manifest + an attestation, and the record. */
  leg(name: string, b: BuildPlan, platform: string, o: {plan?: string; sha?: string; mark?: string; tagPlan?: string} = {}): {platformDigest: string; content: string} {
    const [os, architecture] = platform.split('/');
    const pm = this.put(name, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(platform), size: 2}, layers: [], annotations: {[PLAN_ANNOTATION]: o.mark ?? o.plan ?? PLAN}});
    const att = this.put(name, {schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: {mediaType: 'x', digest: sha256('att' + platform), size: 2}, layers: [{mediaType: 'application/vnd.in-toto+json', digest: sha256('provenance' + platform), size: 1, annotations: {'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2'}}]});
    const content = this.put(name, {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: pm, size: 100, platform: {os, architecture}},
        {mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: att, size: 50, platform: {os: 'unknown', architecture: 'unknown'}, annotations: {'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': pm}}
      ]
    });
    const record: LegRecord = {schema: 'multiarch-publish/leg', schemaVersion: 1, plan: o.plan ?? PLAN, sha: o.sha ?? SHA, build: b.id, image: name, platform, content: {mediaType: 'application/vnd.oci.image.index.v1+json', digest: content, size: 300}, platformDigest: pm, platforms: [platform], runner: 'r', run: '1', created: '2024-01-01T00:00:00.000Z'};
    const bytes = recordBytes(record);
    this.blobs.set(`${name}@${bytes.config.digest}`, new TextDecoder().decode(bytes.config.bytes));
    this.manifests.set(`${name}@${bytes.manifest.digest}`, new TextDecoder().decode(bytes.manifest.bytes));
    this.tags.set(`${name}:${legTag(o.tagPlan ?? o.plan ?? PLAN, platform)}`, bytes.manifest.digest);
    return {platformDigest: pm, content};
  }
}

