/**
 * A fake of the engine seam (src/engine/buildx.ts) for the steps' unit tests, fed with output captured
 * from the real engine (__tests__/fixtures/engine). It keeps a small registry: manifests by digest, and
 * tags that `imagetoolsCreate` moves, so read-back sees what the tag pass did. Every call is recorded,
 * in order, with its arguments.
 */
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {CommandError} from '../../../src/engine/exec.js';
import {parseInspect, type BuilderInfo, type CreateOptions} from '../../../src/engine/builder.js';
import type {BakeOutcome, BakeRun, BuildRun, BuildxApi, CosignSignRun, InspectFormat} from '../../../src/engine/buildx.js';
import type {BakeMetadata} from '../../../src/engine/bake.js';
import {emulatorName} from '../../../src/engine/qemu.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'engine');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function fixtureJson<T = unknown>(name: string): T {
  return JSON.parse(fixture(name)) as T;
}

/** The digests in the captured manifests. */
export const DIGEST = {
  index: 'sha256:0848bf516426f2ce8d8cfdd0c026fee921ea47a5dc9b4690b3e51f6a5fb75599',
  amd64: 'sha256:796e03e4efeb3df718d8f3871bf38eb18b1f5c959f5af9d59a54f02d0cf1bb45',
  arm64: 'sha256:5440e28a9d45d9161bb585f396b02c26f252a145ace9959b19e2db517aa0b68f',
  amd64OnlyIndex: 'sha256:86fa748b3cafce298af39dc6e0a5520af5c769476c490eacf306d340aadacdc0',
  amd64OnlyManifest: 'sha256:897c54f6f21c12a5634ebe4b0a28722d7f03390de6c4f2a5cf7284846e714212'
};

/** The image the captured bake pushed. */
export const IMAGE = '127.0.0.1:5000/mp-fixture-engine/app';

export interface Call {
  method: keyof BuildxApi;
  args: unknown[];
}

/** What one bake answers: a captured log, its exit code and metadata. */
export interface BakeScript {
  log?: string;
  code: number;
  metadata?: BakeMetadata;
}

export interface FakeOptions {
  version?: string;
  /** `docker buildx inspect` output per builder name ('' is the current builder). */
  builders?: Record<string, string>;
  /** Output for a builder created by createBuilder (default: the two-node capture). */
  created?: string;
  containerd?: boolean;
  emulators?: string[];
  /** installEmulators registers nothing (tonistiigi/binfmt exits 0 when an install fails). */
  installRegistersNothing?: boolean;
  /** The bakes' answers: in order (the last one repeats), or a function of the run. */
  bakes?: BakeScript[] | ((o: BakeRun, n: number) => BakeScript);
  /** Registries whose login fails, with the docker CLI's output. */
  loginFails?: Record<string, string>;
  removeFails?: string;
  logoutFails?: string;
  /** Tag references whose inspection fails (not found), e.g. to test read-back warnings. */
  unreadable?: string[];
  /**
   * Faults of the tag phase's calls: return a CommandError-like stderr (e.g. a 503) to fail the call,
   * undefined to let it through. `n` counts the calls of that method so far (from 0).
   */
  faults?: Partial<Record<'tagDigest' | 'writeTag' | 'tagsAt' | 'deleteManifest', (args: string[], n: number) => string | undefined>>;
  /** deleteManifest answers that the registry does not allow deletion. */
  noDelete?: boolean;
  /** What `build` (the cache-mount copy steps) answers; it may write the files of a local output. Default: exit 0. */
  build?: (o: BuildRun, n: number) => {code: number; output?: string};
  /** Faults of the OCI layout push (steps/staging.ts): an Error to throw, per call of that method (n from 0). */
  pushFaults?: Partial<Record<'pushBlob' | 'putManifest', (name: string, ref: string, n: number) => Error | undefined>>;
  /** cosign is not on PATH (cosignVersion fails as exec does). */
  noCosign?: boolean;
  /** A failing `cosign sign`: its stderr, per call (n from 0); undefined lets it sign. */
  signFails?: (ref: string, n: number) => string | undefined;
  /** cosign signs but the signature tag does not appear (a registry that dropped it). */
  signatureLost?: boolean;
}

/**
 * Writes the OCI layout of the captured index (bake-metadata.json's digest) into `dir`, as the docker
 * driver's `type=oci,tar=false` exporter would: the captured index and platform manifests byte for byte,
 * stand-ins of the size the index gives for the attestation manifests; config and layer blobs as empty
 * files (only their descriptors are read before the upload, which the fake does not read).
 */
export function writeCapturedLayout(dir: string): void {
  const blobs = path.join(dir, 'blobs', 'sha256');
  fs.mkdirSync(blobs, {recursive: true});
  const put = (digest: string, bytes: Buffer | string) => fs.writeFileSync(path.join(blobs, digest.slice(7)), bytes);
  const index = fixture('imagetools-index.raw.json');
  put(DIGEST.index, index);
  const parsed = JSON.parse(index) as {manifests: {digest: string; size: number; annotations?: Record<string, string>}[]};
  for (const m of parsed.manifests) {
    if (m.digest === DIGEST.amd64 || m.digest === DIGEST.arm64) {
      const raw = fixture(m.digest === DIGEST.amd64 ? 'imagetools-amd64.raw.json' : 'imagetools-arm64.raw.json');
      put(m.digest, raw);
      const man = JSON.parse(raw) as {config: {digest: string}; layers: {digest: string}[]};
      for (const b of [man.config, ...man.layers]) put(b.digest, '');
    } else {
      const stand = JSON.stringify({schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', layers: []});
      put(m.digest, stand.padEnd(m.size, ' '));
    }
  }
  fs.writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify({schemaVersion: 2, manifests: [{mediaType: 'application/vnd.oci.image.index.v1+json', digest: DIGEST.index, size: Buffer.byteLength(index)}]}));
}

export class FakeBuildx implements BuildxApi {
  readonly calls: Call[] = [];
  /** name@digest -> the manifest's JSON, as the registry holds it. */
  readonly manifests = new Map<string, {manifest?: unknown; raw?: unknown; image?: unknown}>();
  /** name:tag -> digest */
  readonly tags = new Map<string, string>();
  readonly builders: Record<string, string>;
  private bakeCount = 0;
  private installed: string[] = [];

  constructor(readonly o: FakeOptions = {}) {
    this.builders = {'': fixture('inspect-default-docker.txt'), ...o.builders};
  }

  /** Puts the captured index (linux/amd64 + linux/arm64) and its manifests under `name`. */
  pushCaptured(name = IMAGE): this {
    this.manifests.set(`${name}@${DIGEST.index}`, {manifest: fixtureJson('imagetools-index.manifest.json'), raw: fixtureJson('imagetools-index.raw.json')});
    this.manifests.set(`${name}@${DIGEST.amd64}`, {raw: fixtureJson('imagetools-amd64.raw.json')});
    this.manifests.set(`${name}@${DIGEST.arm64}`, {raw: fixtureJson('imagetools-arm64.raw.json')});
    return this;
  }

  /** The captured linux/amd64-only index under `name`, at the digest of the two-platform one. */
  pushAmd64OnlyAs(name = IMAGE, digest = DIGEST.index): this {
    // `--format '{{json .Manifest}}'` of an index is the index with its own digest and size: it stands in for the raw one
    this.manifests.set(`${name}@${digest}`, {manifest: fixtureJson('imagetools-amd64-only.manifest.json'), raw: fixtureJson('imagetools-amd64-only.manifest.json')});
    // its one manifest: the captured amd64 raw manifest stands in (only the sizes are read)
    this.manifests.set(`${name}@${DIGEST.amd64OnlyManifest}`, {raw: fixtureJson('imagetools-amd64.raw.json')});
    return this;
  }

  private record(method: keyof BuildxApi, ...args: unknown[]): void {
    this.calls.push({method, args});
  }

  /** The calls of one method, or the methods called, in order. */
  callsOf(method: keyof BuildxApi): unknown[][] {
    return this.calls.filter(c => c.method === method).map(c => c.args);
  }

  get methods(): string[] {
    return this.calls.map(c => c.method);
  }

  async version(): Promise<string> {
    this.record('version');
    return this.o.version ?? fixture('buildx-version.txt');
  }

  async inspectBuilder(name?: string): Promise<BuilderInfo> {
    this.record('inspectBuilder', name);
    const out = this.builders[name ?? ''];
    if (out === undefined) throw new CommandError(`docker buildx inspect --bootstrap ${name}`, {code: 1, stdout: '', stderr: `ERROR: no builder "${name}" found`});
    return parseInspect(out);
  }

  async createBuilder(o: CreateOptions): Promise<BuilderInfo> {
    this.record('createBuilder', o);
    const out = (this.o.created ?? fixture('inspect-multinode.txt')).replace(/mp-fixture-engine(?=\s)/, o.name);
    this.builders[o.name] = out;
    return parseInspect(out);
  }

  async removeBuilder(name: string): Promise<void> {
    this.record('removeBuilder', name);
    if (this.o.removeFails) throw new CommandError(`docker buildx rm --force ${name}`, {code: 1, stdout: '', stderr: this.o.removeFails});
    delete this.builders[name];
  }

  async containerdImageStore(): Promise<boolean> {
    this.record('containerdImageStore');
    return this.o.containerd ?? /io\.containerd\.snapshotter/.test(fixture('docker-info-driver-status.json'));
  }

  async registeredEmulators(): Promise<string[]> {
    this.record('registeredEmulators');
    return [...(this.o.emulators ?? ['aarch64', 'arm', 'ppc64le', 'riscv64', 's390x']), ...this.installed];
  }

  async installEmulators(image: string, arches: string[]): Promise<void> {
    this.record('installEmulators', image, arches);
    if (!this.o.installRegistersNothing) this.installed.push(...arches.map(emulatorName));
  }

  async bake(o: BakeRun): Promise<BakeOutcome> {
    this.record('bake', o);
    const n = this.bakeCount++;
    const bakes = this.o.bakes ?? [{log: fixture('bake-push.log'), code: 0, metadata: fixtureJson('bake-metadata.json')}];
    const script = typeof bakes === 'function' ? bakes(o, n) : bakes[Math.min(n, bakes.length - 1)];
    for (const line of (script.log ?? '').split('\n')) o.onLine?.(line);
    // the docker driver's OCI layout outputs (bake.ts PushMode 'layout'), written as the exporter would
    if (script.code === 0 && !o.set?.length && fs.existsSync(o.file)) {
      const def = JSON.parse(fs.readFileSync(o.file, 'utf8')) as {target: Record<string, {output?: string[]}>};
      for (const t of Object.values(def.target)) {
        const dest = /^type=oci,tar=false,"?dest=([^",]+)/.exec(t.output?.[0] ?? '')?.[1];
        if (dest) writeCapturedLayout(dest);
      }
    }
    return {code: script.code, metadata: script.code === 0 ? script.metadata ?? {} : {}};
  }

  private buildCount = 0;
  async build(o: BuildRun): Promise<{code: number; output: string}> {
    this.record('build', o);
    const r = this.o.build?.(o, this.buildCount++) ?? {code: 0};
    return {code: r.code, output: r.output ?? ''};
  }

  async imagetoolsInspect(ref: string, format: InspectFormat): Promise<unknown> {
    this.record('imagetoolsInspect', ref, format);
    const notFound = () => new CommandError(`docker buildx imagetools inspect ${ref}`, {code: 1, stdout: '', stderr: fixture('imagetools-inspect-not-found.txt').replace(/^ERROR: \S+/, `ERROR: ${ref}`)});
    if (this.o.unreadable?.includes(ref)) throw notFound();
    const at = ref.lastIndexOf('@');
    let key = ref;
    if (at < 0) {
      const colon = ref.lastIndexOf(':');
      const digest = this.tags.get(ref);
      if (!digest) throw notFound();
      key = `${ref.slice(0, colon)}@${digest}`;
    }
    const m = this.manifests.get(key);
    if (!m) throw notFound();
    if (format === 'raw') return m.raw;
    if (format === '{{json .Image}}') {
      if (m.image === undefined) throw new Error(`the fake has no image config for ${key}`);
      return m.image;
    }
    if (!m.manifest) throw new Error(`the fake has no --format output for ${key}`);
    return m.manifest;
  }

  async readManifest(name: string, digest: string): Promise<unknown> {
    this.record('readManifest', name, digest);
    const m = this.manifests.get(`${name}@${digest}`);
    if (!m?.raw || this.o.unreadable?.includes(`${name}@${digest}`)) {
      throw new CommandError(`docker buildx imagetools inspect ${name}@${digest}`, {code: 1, stdout: '', stderr: fixture('imagetools-inspect-not-found.txt').replace(/^ERROR: \S+/, `ERROR: ${name}@${digest}`)});
    }
    return m.raw;
  }

  async imageConfig(name: string, digest: string): Promise<unknown> {
    this.record('imageConfig', name, digest);
    const m = this.manifests.get(`${name}@${digest}`);
    if (!m) throw new CommandError(`docker buildx imagetools inspect ${name}@${digest}`, {code: 1, stdout: '', stderr: fixture('imagetools-inspect-not-found.txt').replace(/^ERROR: \S+/, `ERROR: ${name}@${digest}`)});
    if (m.image === undefined) throw new Error(`the fake has no image config for ${name}@${digest}`);
    return m.image;
  }

  async imagetoolsCreate(tags: string[], source: string): Promise<void> {
    this.record('imagetoolsCreate', tags, source);
    const [name, digest] = source.split('@');
    if (!this.manifests.has(source)) throw new CommandError(`docker buildx imagetools create ${source}`, {code: 1, stdout: '', stderr: `ERROR: ${source}: not found`});
    for (const t of tags) {
      if (!t.startsWith(`${name}:`)) throw new Error(`tag ${t} is not of ${name}`);
      this.tags.set(t, digest);
    }
  }

  private faultCount: Record<string, number> = {};
  private fault(method: 'tagDigest' | 'writeTag' | 'tagsAt' | 'deleteManifest', ...args: string[]): void {
    this.record(method, ...args);
    const n = (this.faultCount[method] = (this.faultCount[method] ?? -1) + 1);
    const stderr = this.o.faults?.[method]?.(args, n);
    if (stderr !== undefined) throw new CommandError(`fake ${method} ${args.join(' ')}`, {code: 1, stdout: '', stderr});
  }

  async tagDigest(ref: string): Promise<string | undefined> {
    this.fault('tagDigest', ref);
    if (this.o.unreadable?.includes(ref)) throw new CommandError(`docker buildx imagetools inspect ${ref}`, {code: 1, stdout: '', stderr: 'ERROR: failed to do request: connection refused'});
    return this.tags.get(ref);
  }

  /** Every tag a writeTags call pushed (or tried to), in order: [ref, source]. */
  readonly tagWrites: [string, string][] = [];

  /**
   * One `imagetools create` of several tags: as buildx, each tag is pushed on its own (the `writeTag`
   * faults apply to each, counted per tag); the ones not failed are moved, and the call fails if any did.
   */
  async writeTags(refs: string[], source: string): Promise<void> {
    this.record('writeTags', refs, source);
    const [name, digest] = source.split('@');
    if (!this.manifests.has(source)) throw new CommandError(`docker buildx imagetools create ${source}`, {code: 1, stdout: '', stderr: `ERROR: ${source}: not found`});
    let failed: string | undefined;
    for (const ref of refs) {
      if (!ref.startsWith(`${name}:`)) throw new Error(`tag ${ref} is not of ${name}`);
      this.tagWrites.push([ref, source]);
      const n = (this.faultCount['writeTag'] = (this.faultCount['writeTag'] ?? -1) + 1);
      const stderr = this.o.faults?.writeTag?.([ref, source], n);
      if (stderr !== undefined) failed ??= stderr;
      else this.tags.set(ref, digest);
    }
    if (failed !== undefined) throw new CommandError(`fake imagetools create ${refs.join(' ')}`, {code: 1, stdout: '', stderr: failed});
  }

  async writeTag(ref: string, source: string): Promise<void> {
    this.fault('writeTag', ref, source);
    const [name, digest] = source.split('@');
    if (!this.manifests.has(source)) throw new CommandError(`docker buildx imagetools create ${source}`, {code: 1, stdout: '', stderr: `ERROR: ${source}: not found`});
    if (!ref.startsWith(`${name}:`)) throw new Error(`tag ${ref} is not of ${name}`);
    this.tags.set(ref, digest);
  }

  async tagsAt(name: string, digest: string): Promise<string[]> {
    this.fault('tagsAt', name, digest);
    return [...this.tags].filter(([ref, d]) => d === digest && ref.startsWith(`${name}:`)).map(([ref]) => ref.slice(name.length + 1));
  }

  async deleteManifest(name: string, digest: string): Promise<boolean> {
    this.fault('deleteManifest', name, digest);
    if (this.o.noDelete) return false;
    this.manifests.delete(`${name}@${digest}`);
    for (const [ref, d] of [...this.tags]) if (d === digest && ref.startsWith(`${name}:`)) this.tags.delete(ref);
    return true;
  }

  private pushCount: Record<string, number> = {};
  private pushFault(method: 'pushBlob' | 'putManifest', name: string, ref: string): void {
    const n = (this.pushCount[method] = (this.pushCount[method] ?? -1) + 1);
    const e = this.o.pushFaults?.[method]?.(name, ref, n);
    if (e) throw e;
  }

  /** name -> digests of the blobs it holds (pushBlob). */
  readonly blobs = new Map<string, Set<string>>();

  async pushBlob(name: string, blob: {digest: string; size: number; file: string}, from?: string): Promise<boolean> {
    this.record('pushBlob', name, blob.digest, from);
    this.pushFault('pushBlob', name, blob.digest);
    const held = this.blobs.get(name) ?? new Set<string>();
    this.blobs.set(name, held);
    if (held.has(blob.digest)) return false;
    held.add(blob.digest);
    return true;
  }

  async putManifest(name: string, reference: string, mediaType: string, bytes: Uint8Array): Promise<void> {
    this.record('putManifest', name, reference, mediaType);
    this.pushFault('putManifest', name, reference);
    // by digest: kept under it (the layout's attestation stand-ins are not the bytes of their digest)
    const digest = reference.startsWith('sha256:') ? reference : `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const raw = JSON.parse(Buffer.from(bytes).toString('utf8')) as {manifests?: unknown};
    if (!this.manifests.has(`${name}@${digest}`)) this.manifests.set(`${name}@${digest}`, {raw, ...(raw.manifests ? {manifest: {...raw, mediaType, digest, size: bytes.length}} : {})});
    if (!reference.startsWith('sha256:')) this.tags.set(`${name}:${reference}`, digest);
  }

  async cosignVersion(): Promise<string> {
    this.record('cosignVersion');
    if (this.o.noCosign) throw new Error('Cannot run cosign: it is not installed or not on PATH');
    return 'GitVersion: v2.5.0';
  }

  /** Every `cosign sign`: the run, and the key file as cosign found it (its text and mode). */
  readonly cosignRuns: (CosignSignRun & {key: string; mode: number})[] = [];
  private signCount = 0;

  async cosignSign(o: CosignSignRun): Promise<void> {
    this.record('cosignSign', o);
    // keyless: no key file (the OIDC token in identityToken)
    this.cosignRuns.push({...o, key: o.keyFile ? fs.readFileSync(o.keyFile, 'utf8') : '', mode: o.keyFile ? fs.statSync(o.keyFile).mode & 0o777 : 0});
    const stderr = this.o.signFails?.(o.ref, this.signCount++);
    if (stderr !== undefined) throw new CommandError(`cosign sign --yes ${o.keyFile ? `--key=${o.keyFile}` : `--fulcio-url=${o.fulcioUrl}`} -- ${o.ref}`, {code: 1, stdout: '', stderr});
    const [name, digest] = o.ref.split('@');
    if (!this.manifests.has(o.ref)) throw new CommandError(`cosign sign ${o.ref}`, {code: 1, stdout: '', stderr: `Error: signing [${o.ref}]: accessing entity: MANIFEST_UNKNOWN`});
    if (!this.o.signatureLost) this.tags.set(`${name}:${digest.replace(':', '-')}.sig`, `sha256:${createHash('sha256').update(`sig ${o.ref}`).digest('hex')}`);
  }

  async login(registry: string, username: string, password: string): Promise<void> {
    this.record('login', registry, username, password);
    const fails = this.o.loginFails?.[registry];
    if (fails !== undefined) throw new CommandError(`docker login ${registry} --username ${username} --password-stdin`, {code: 1, stdout: '', stderr: fails});
  }

  async logout(registry: string): Promise<void> {
    this.record('logout', registry);
    if (this.o.logoutFails) throw new CommandError(`docker logout ${registry}`, {code: 1, stdout: '', stderr: this.o.logoutFails});
  }
}
