/**
 * THE engine seam: every docker and buildx command of a run goes through one object of this type,
 * created once per run and handed to the steps that need it. Unit tests pass a fake fed with output
 * captured from the real engine (__tests__/fixtures/engine); `Buildx` is the real one, over the exec
 * layer (argument arrays, redacted logs, retries of transient registry errors).
 */
import {existsSync, readFileSync} from 'node:fs';
import {CommandError, run, runWithRetry, type RunOptions, type RunResult} from './exec.js';
import {createArgs, isContainerdStore, parseInspect, type BuilderInfo, type CreateOptions} from './builder.js';
import {registeredEmulators} from './qemu.js';
import type {BakeMetadata} from './bake.js';
import * as runner from '../action/runner.js';
import {RegistryApi, RegistryHttpFailure, repository, type ManifestRead} from './registry-api.js';

/** What the seam uses of the registry API (tests hand in a part of their own, with the calls they expect). */
type RegistryApiPart = Partial<Pick<RegistryApi, 'pushBlob' | 'putManifest' | 'putTag' | 'listTags' | 'hasBlob' | 'downloadBlob' | 'referrers'>> & Pick<RegistryApi, 'manifest' | 'blobJson' | 'tagDigest' | 'tagsAt' | 'deleteManifest'>;

export interface BakeRun {
  file: string;
  /** Where buildx writes what it built (digests); read back into the result. */
  metadataFile?: string;
  builder?: string;
  /** `--set target.key=value` overrides (one platform alone, a cache-only output). */
  set?: string[];
  targets?: string[];
  /** `plain` streams BuildKit's log to the job's log; `quiet` keeps it to the failure. */
  progress: 'plain' | 'quiet';
  onLine?: (line: string) => void;
}

/** One `docker buildx build` of a Dockerfile the action generated (the cache-mount copy steps). */
export interface BuildRun {
  /** The Dockerfile's path and the context directory (both the action's own, under its work directory). */
  file: string;
  context: string;
  builder?: string;
  buildArgs?: Record<string, string>;
  /** Nothing but the build cache, or the result's files into `dest`. */
  output: {type: 'cacheonly'} | {type: 'local'; dest: string};
}

/**
 * One `cosign sign` (engine/sign.ts). sign: key: the key is a file of the run's, the password goes to
 * cosign's environment only. sign: keyless: no key; the OIDC token goes to cosign's environment only
 * (SIGSTORE_ID_TOKEN), the certificate comes from `fulcioUrl`.
 */
export interface CosignSignRun {
  /** `name@sha256:...` */
  ref: string;
  keyFile?: string;
  password?: string;
  /** keyless: the workflow's OIDC token (audience sigstore): a secret, never an argument. */
  identityToken?: string;
  /** keyless: `--fulcio-url`. */
  fulcioUrl?: string;
  /** `--rekor-url` (keyless, or a private Rekor with sign: key); cosign's default when absent. */
  rekorUrl?: string;
  /** `--tlog-upload`: the signature goes to the transparency log (Rekor). */
  tlogUpload: boolean;
  /** `--allow-http-registry`: a loopback registry, which may speak plain HTTP (as the registry API allows it). */
  allowHttp?: boolean;
}

/** One `cosign verify` (engine/verify.ts): a public key file, or a keyless identity and its OIDC issuer. */
export interface CosignVerifyRun {
  /** `name@sha256:...` */
  ref: string;
  keyFile?: string;
  identity?: string;
  identityRegexp?: string;
  issuer?: string;
  issuerRegexp?: string;
  /** false: `--insecure-ignore-tlog=true` (signatures made with `transparency-log: false`). */
  transparencyLog: boolean;
  /** A loopback or plain-HTTP registry. */
  insecureRegistry: boolean;
  /** `--rekor-url`: a private Rekor (`rekor-url`); cosign's default (public-good) when absent. */
  rekorUrl?: string;
}

export interface BakeOutcome {
  code: number;
  metadata: BakeMetadata;
}

/** The formats of `imagetools inspect` this action reads: the raw manifest, or Go-template JSON. */
export type InspectFormat = 'raw' | '{{json .Manifest}}' | '{{json .Image}}';

export interface BuildxApi {
  /** `docker buildx version` as printed; throws when buildx is not there. */
  version(): Promise<string>;
  /** Every node of the builder (the current one without a name), bootstrapped when it can be. */
  inspectBuilder(name?: string): Promise<BuilderInfo>;
  createBuilder(o: CreateOptions): Promise<BuilderInfo>;
  removeBuilder(name: string): Promise<void>;
  /** Whether the daemon keeps images in containerd (the docker driver then pushes multi-platform indexes). */
  containerdImageStore(): Promise<boolean>;
  /** Emulator names binfmt_misc has enabled (`aarch64`, `riscv64`, …). */
  registeredEmulators(): Promise<string[]>;
  /** `docker run --privileged --rm <image> --install <arches>` */
  installEmulators(image: string, arches: string[]): Promise<void>;
  bake(o: BakeRun): Promise<BakeOutcome>;
  /** `docker buildx build` (quiet); the exit code and the output, for the caller to judge. */
  build(o: BuildRun): Promise<{code: number; output: string}>;
  imagetoolsInspect(ref: string, format: InspectFormat): Promise<unknown>;
  /**
   * The manifest (index or image manifest) `digest` of `name`, as JSON: one read, through the registry
   * API in this process (its bytes checked against the digest), `imagetools inspect --raw` where the API
   * cannot be used. Throws when the registry does not have it.
   */
  readManifest(name: string, digest: string): Promise<unknown>;
  /**
   * The image config (`created`, `config.Labels`, …) of `name@digest`, of its first platform when it is
   * an index: registry API reads in this process (index, manifest, config blob), or
   * `imagetools inspect --format '{{json .Image}}'` where the API cannot be used.
   */
  imageConfig(name: string, digest: string): Promise<unknown>;
  /** Points every `tags` entry (full references) at `source`; the digest does not change. */
  imagetoolsCreate(tags: string[], source: string): Promise<void>;
  /**
   * The digest the tag `ref` points at, undefined when there is no such tag; one attempt (the tag phase
   * retries), a failure to read throws.
   */
  tagDigest(ref: string): Promise<string | undefined>;
  /** Points the tag `ref` at `source` (`name@digest`): one attempt, the tag phase retries. */
  writeTag(ref: string, source: string): Promise<void>;
  /**
   * Points every tag of `refs` (all of the name of `source`) at `source`: one attempt, the tags written
   * concurrently, so after a failure some may have moved. Through the registry API in this process (a PUT
   * of the manifest's exact bytes under each tag: same digest), `imagetools create` where the API cannot
   * be used (unreachable from this process, or credentials only docker can read).
   */
  writeTags(refs: string[], source: string): Promise<void>;
  /** The tags of the repository `name` that point at `digest` (registry API). */
  tagsAt(name: string, digest: string): Promise<string[]>;
  /** Every tag of the repository `name` (registry API; [] when it has none); optional for fakes. */
  listTags?(name: string): Promise<string[]>;
  /** Deletes the manifest `digest` of `name`, for every tag at it; false if the registry allows no delete. */
  deleteManifest(name: string, digest: string): Promise<boolean>;
  /** Uploads a blob of an OCI layout to `name` unless it is there (mounted from `from` where it can); true when sent. */
  pushBlob(name: string, blob: {digest: string; size: number; file: string}, from?: string): Promise<boolean>;
  /** The manifest `digest` of `name` as the registry holds it (bytes and media type; registry API); optional for fakes. */
  manifestRaw?(name: string, digest: string): Promise<{mediaType: string; bytes: Uint8Array} | undefined>;
  /** Whether `name` has the blob `digest` (registry API); optional for fakes. */
  hasBlob?(name: string, digest: string): Promise<boolean>;
  /** Downloads the blob `digest` of `name` into `file`, its digest and size checked (registry API); optional for fakes. */
  downloadBlob?(name: string, blob: {digest: string; size: number; file: string}): Promise<void>;
  /** The byte length of the manifest `digest` of `name` (registry API; undefined where it cannot be read); optional for fakes. */
  manifestSize?(name: string, digest: string): Promise<number | undefined>;
  /** PUT of manifest bytes under `reference` (its digest, or a tag) of `name` (registry API). */
  putManifest(name: string, reference: string, mediaType: string, bytes: Uint8Array): Promise<void>;
  /** The OCI 1.1 referrers of `name@digest`; undefined when the registry has no referrers API (engine/attest.ts). */
  referrers?(name: string, digest: string): Promise<{mediaType: string; digest: string; size: number; artifactType?: string}[] | undefined>;
  /** `cosign version`, first lines; throws when cosign cannot be run (not on PATH). Optional for fakes. */
  cosignVersion?(): Promise<string>;
  /**
   * `cosign sign` of one manifest by digest, pushing its signature (tag `sha256-<hex>.sig`) with the run's
   * docker config; retried on transient registry errors. Optional for fakes.
   */
  cosignSign?(o: CosignSignRun): Promise<void>;
  /** The password goes to stdin; throws CommandError with the registry's answer. */
  login(registry: string, username: string, password: string): Promise<void>;
  logout(registry: string): Promise<void>;
  /**
   * `cosign verify` of one manifest by digest against a requirement (engine/verify.ts): resolves with
   * cosign's exit code and its last lines (never throws for a signature that does not verify). Optional for fakes.
   */
  cosignVerify?(o: CosignVerifyRun): Promise<{code: number; output: string}>;
  /** cosign on PATH: the one there, or the pinned release installed (engine/cosign-install.ts). Optional for fakes. */
  ensureCosign?(): Promise<{installed: boolean; dir?: string}>;
}

export interface BuildxOptions {
  /** Added to the process environment of every command (DOCKER_CONFIG, BUILDX_CONFIG). */
  env?: Record<string, string>;
  /** Where bake runs: contexts and Dockerfiles are relative to it. */
  cwd?: string;
  binfmtDir?: string;
  /** Stop every command that takes longer (the post step: a hung daemon must not hang the job). */
  timeoutMs?: number;
  /** The exec layer; replaced only by tests of this class. */
  exec?: {run: typeof run; runWithRetry: typeof runWithRetry};
  /** The registry API client (default: one over `env`'s docker config); replaced only by tests of this class. */
  registryApi?: RegistryApiPart;
}

/** `imagetools inspect` of a tag that is not there (not an auth failure, which also says "not found" on some registries). */
export function isNotFound(output: string): boolean {
  return /: not found\b|\bMANIFEST_UNKNOWN\b|manifest unknown/i.test(output) && !/unauthorized|denied|forbidden|authentication required/i.test(output);
}

/** The server argument of login/logout, after `--` (docker.io has none: docker's default). */
const DOCKER_HUB = (registry: string) => (registry === 'docker.io' ? [] : ['--', registry]);

export class Buildx implements BuildxApi {
  private readonly env: Record<string, string>;
  private readonly cwd?: string;
  private readonly binfmtDir?: string;
  private readonly timeoutMs?: number;
  private readonly exec: {run: typeof run; runWithRetry: typeof runWithRetry};

  constructor(o: BuildxOptions = {}) {
    this.env = o.env ?? {};
    this.cwd = o.cwd;
    this.binfmtDir = o.binfmtDir;
    this.timeoutMs = o.timeoutMs;
    this.exec = o.exec ?? {run, runWithRetry};
    this.registryApi = o.registryApi;
  }

  private docker(args: string[], opts: RunOptions = {}): Promise<RunResult> {
    return this.exec.run('docker', args, {env: this.env, ...(this.timeoutMs ? {timeoutMs: this.timeoutMs} : {}), ...opts});
  }

  async version(): Promise<string> {
    const out = await this.docker(['buildx', 'version'], {allowFailure: true});
    if (out.code !== 0) {
      throw new Error(`docker buildx is not available (${(out.stderr || out.stdout).trim() || 'no output'}): install the buildx plugin (docker/setup-buildx-action does) or use a runner that has it`);
    }
    return out.stdout;
  }

  async inspectBuilder(name?: string): Promise<BuilderInfo> {
    // `--` before every positional argument: a value that starts with `-` is never taken for a flag
    const at = name ? ['--', name] : [];
    const booted = await this.docker(['buildx', 'inspect', '--bootstrap', ...at], {allowFailure: true});
    if (booted.code === 0) return parseInspect(booted.stdout);
    // A node that cannot boot fails --bootstrap for the whole builder; without it, buildx still
    // says which nodes run, and the verdict is then made on those.
    const plain = await this.docker(['buildx', 'inspect', ...at], {allowFailure: true});
    if (plain.code !== 0) throw new CommandError(`docker buildx inspect --bootstrap${name ? ` ${name}` : ''}`, booted);
    return parseInspect(plain.stdout);
  }

  async createBuilder(o: CreateOptions): Promise<BuilderInfo> {
    await this.docker(createArgs(o), {stream: true});
    return this.inspectBuilder(o.name);
  }

  async removeBuilder(name: string): Promise<void> {
    const out = await this.docker(['buildx', 'rm', '--force', '--', name], {allowFailure: true});
    // gone already (main failed while creating it) is what removing wanted
    if (out.code !== 0 && !/no builder .* found|not found/i.test(out.stderr + out.stdout)) throw new CommandError(`docker buildx rm --force ${name}`, out);
  }

  async containerdImageStore(): Promise<boolean> {
    const out = await this.docker(['info', '--format', '{{json .DriverStatus}}'], {allowFailure: true});
    return isContainerdStore(out.stdout);
  }

  async registeredEmulators(): Promise<string[]> {
    return registeredEmulators(this.binfmtDir);
  }

  async installEmulators(image: string, arches: string[]): Promise<void> {
    await this.docker(['run', '--privileged', '--rm', '--', image, '--install', arches.join(',')], {stream: true});
  }

  async bake(o: BakeRun): Promise<BakeOutcome> {
    // flag values joined with `=` (or made by the action: --set target.key=value) and targets after `--`:
    // nothing a user wrote can become a flag
    const args = ['buildx', 'bake', `--file=${o.file}`, `--progress=${o.progress}`, ...(o.metadataFile ? [`--metadata-file=${o.metadataFile}`] : []), ...(o.builder ? [`--builder=${o.builder}`] : []), ...(o.set ?? []).flatMap(s => ['--set', s]), ...(o.targets?.length ? ['--', ...o.targets] : [])];
    const out = await this.docker(args, {allowFailure: true, stream: o.progress === 'plain', onLine: o.onLine, cwd: this.cwd});
    const metadata: BakeMetadata = out.code === 0 && o.metadataFile && existsSync(o.metadataFile) ? JSON.parse(readFileSync(o.metadataFile, 'utf8')) : {};
    return {code: out.code, metadata};
  }

  async build(o: BuildRun): Promise<{code: number; output: string}> {
    // a CSV field of --output: quoted when the path holds a comma or a quote
    const dest = (p: string) => (/[",]/.test(p) ? `"dest=${p.replace(/"/g, '""')}"` : `dest=${p}`);
    const output = o.output.type === 'local' ? `type=local,${dest(o.output.dest)}` : 'type=cacheonly';
    const args = ['buildx', 'build', `--file=${o.file}`, '--progress=plain', ...(o.builder ? [`--builder=${o.builder}`] : []), ...Object.entries(o.buildArgs ?? {}).map(([k, v]) => `--build-arg=${k}=${v}`), `--output=${output}`, '--', o.context];
    const out = await this.docker(args, {allowFailure: true});
    return {code: out.code, output: out.stderr + out.stdout};
  }

  async imagetoolsInspect(ref: string, format: InspectFormat): Promise<unknown> {
    const out = await this.exec.runWithRetry('docker', ['buildx', 'imagetools', 'inspect', ...(format === 'raw' ? ['--raw'] : [`--format=${format}`]), '--', ref], {env: this.env});
    return JSON.parse(out.stdout);
  }

  async imagetoolsCreate(tags: string[], source: string): Promise<void> {
    await this.exec.runWithRetry('docker', ['buildx', 'imagetools', 'create', ...tags.map(t => `--tag=${t}`), '--', source], {env: this.env});
  }

  async readManifest(name: string, digest: string): Promise<unknown> {
    const read = await this.viaApi(name, `reading ${name}@${digest}`, () => this.api().manifest(name, digest));
    if (read.ok && read.value) {
      // its bytes are what the tag phase PUTs under each tag: kept, so that no second read is needed
      if (read.value.bytes && read.value.digest === digest) this.manifests.set(`${name}@${digest}`, read.value);
      return read.value.json;
    }
    // not there (404), or the API could not be used: docker says why, in its words, and retries the transient
    return this.imagetoolsInspect(`${name}@${digest}`, 'raw');
  }

  async manifestRaw(name: string, digest: string): Promise<{mediaType: string; bytes: Uint8Array} | undefined> {
    const cached = this.manifests.get(`${name}@${digest}`);
    if (cached?.bytes) return {mediaType: cached.mediaType, bytes: cached.bytes};
    const read = await this.api().manifest(name, digest);
    if (!read?.bytes || read.digest !== digest) return undefined;
    this.manifests.set(`${name}@${digest}`, read);
    return {mediaType: read.mediaType, bytes: read.bytes};
  }

  async hasBlob(name: string, digest: string): Promise<boolean> {
    const api = this.api();
    if (!api.hasBlob) throw new Error('this registry API cannot check blobs');
    return api.hasBlob(name, digest);
  }

  async downloadBlob(name: string, blob: {digest: string; size: number; file: string}): Promise<void> {
    const api = this.api();
    if (!api.downloadBlob) throw new Error('this registry API cannot download blobs');
    return api.downloadBlob(name, blob.digest, blob.size, blob.file);
  }

  async manifestSize(name: string, digest: string): Promise<number | undefined> {
    const cached = this.manifests.get(`${name}@${digest}`);
    if (cached) return cached.size;
    const read = await this.viaApi(name, `reading ${name}@${digest}`, () => this.api().manifest(name, digest));
    return read.ok && read.value?.digest === digest ? read.value.size : undefined;
  }

  async imageConfig(name: string, digest: string): Promise<unknown> {
    const read = await this.viaApi(name, `reading the image of ${name}@${digest}`, async () => {
      const api = this.api();
      let m = (await api.manifest(name, digest))?.json as {manifests?: {digest: string; platform?: {os: string}; annotations?: Record<string, string>}[]; config?: {digest?: string}} | undefined;
      if (m && Array.isArray(m.manifests)) {
        const first = m.manifests.find(x => x.platform && x.platform.os !== 'unknown' && x.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest');
        m = first ? ((await api.manifest(name, first.digest))?.json as typeof m) : undefined;
      }
      const config = m?.config?.digest;
      return typeof config === 'string' && /^sha256:[0-9a-f]{64}$/.test(config) ? api.blobJson(name, config) : undefined;
    });
    if (read.ok && read.value !== undefined) return read.value;
    return this.imagetoolsInspect(`${name}@${digest}`, '{{json .Image}}');
  }

  async tagDigest(ref: string): Promise<string | undefined> {
    const colon = ref.lastIndexOf(':');
    if (colon > ref.lastIndexOf('/')) {
      const name = ref.slice(0, colon);
      const read = await this.viaApi(name, `reading ${ref}`, () => this.api().tagDigest(name, ref.slice(colon + 1)));
      if (read.ok) return read.value;
    }
    const out = await this.exec.run('docker', ['buildx', 'imagetools', 'inspect', '--format', '{{json .Manifest}}', '--', ref], {env: this.env, allowFailure: true});
    if (out.code === 0) return (JSON.parse(out.stdout) as {digest: string}).digest;
    if (isNotFound(out.stderr + out.stdout)) return undefined;
    throw new CommandError(`docker buildx imagetools inspect ${ref}`, out);
  }

  async writeTag(ref: string, source: string): Promise<void> {
    await this.exec.run('docker', ['buildx', 'imagetools', 'create', `--tag=${ref}`, '--', source], {env: this.env});
  }

  async writeTags(refs: string[], source: string): Promise<void> {
    if (await this.writeTagsViaApi(refs, source)) return;
    await this.exec.run('docker', ['buildx', 'imagetools', 'create', ...refs.map(r => `--tag=${r}`), '--', source], {env: this.env});
  }

  /** Manifests read through the API in this run (verify's reads), by `name@digest`, with their bytes. */
  private readonly manifests = new Map<string, ManifestRead>();

  /**
   * `writeTags` through the registry API: true when every tag was written; false when the API cannot be
   * used for this (the caller then runs `imagetools create`); throws the first failure of a write (a 5xx,
   * a connection reset: the tag phase reads back which moved and retries the others).
   */
  private async writeTagsViaApi(refs: string[], source: string): Promise<boolean> {
    const at = source.lastIndexOf('@');
    const name = source.slice(0, at);
    const digest = source.slice(at + 1);
    const api = this.api();
    if (at <= 0 || !api.putTag || !/^sha256:[0-9a-f]{64}$/.test(digest)) return false;
    const tags = refs.map(r => (r.startsWith(`${name}:`) ? r.slice(name.length + 1) : ''));
    if (!tags.every(t => /^[\w][\w.-]{0,127}$/.test(t))) return false;
    const host = repository(name).host;
    let m: ManifestRead | undefined = this.manifests.get(source);
    if (!m?.bytes) {
      const read = await this.viaApi(name, `reading ${source}`, () => api.manifest(name, digest));
      if (!read.ok || !read.value?.bytes) return false;
      m = read.value;
      this.manifests.set(source, m);
    }
    if (this.apiUnusable.has(host)) return false;
    const manifest = {digest, mediaType: m.mediaType, bytes: m.bytes!};
    const results = await Promise.allSettled(tags.map(t => api.putTag!(name, t, manifest)));
    const failures = results.flatMap(r => (r.status === 'rejected' ? [r.reason as unknown] : []));
    if (!failures.length) return true;
    // refused credentials this process read (docker may hold others: an identity token, a helper): docker
    // writes them, for this registry from now on; a write that could not be made fails as it is
    if (failures.some(e => e instanceof RegistryHttpFailure && (e.status === 401 || e.status === 403))) {
      this.apiUnusable.add(host);
      runner.debug(`moving tags of ${name} through the registry API was refused; asking docker`);
      return false;
    }
    throw failures[0];
  }

  /** Registries the API failed to reach or to authorize with in this run: docker is asked from then on. */
  private readonly apiUnusable = new Set<string>();

  /**
   * A read through the registry API, or `{ok: false}` when it cannot be made here: the registry is not
   * reachable from this process (a proxy, a CA only docker knows), refuses the credentials this process
   * can read (401/403: a credential helper docker has), or answers an error. Then the caller asks docker.
   */
  private async viaApi<T>(name: string, what: string, read: () => Promise<T>): Promise<{ok: true; value: T} | {ok: false}> {
    const host = repository(name).host;
    if (this.apiUnusable.has(host)) return {ok: false};
    try {
      return {ok: true, value: await read()};
    } catch (e) {
      const status = e instanceof RegistryHttpFailure ? e.status : 0;
      if (status === 0 || status === 401 || status === 403) this.apiUnusable.add(host);
      runner.debug(`${what} through the registry API failed (${runner.redact((e as Error).message)}); asking docker`);
      return {ok: false};
    }
  }

  async listTags(name: string): Promise<string[]> {
    const api = this.api();
    return api.listTags ? api.listTags(name) : [];
  }

  async tagsAt(name: string, digest: string): Promise<string[]> {
    return this.api().tagsAt(name, digest);
  }

  async deleteManifest(name: string, digest: string): Promise<boolean> {
    return this.api().deleteManifest(name, digest);
  }

  async pushBlob(name: string, blob: {digest: string; size: number; file: string}, from?: string): Promise<boolean> {
    return this.fullApi().pushBlob(name, blob.digest, blob.size, blob.file, from);
  }

  async putManifest(name: string, reference: string, mediaType: string, bytes: Uint8Array): Promise<void> {
    return this.fullApi().putManifest(name, reference, mediaType, bytes);
  }

  async referrers(name: string, digest: string): Promise<{mediaType: string; digest: string; size: number; artifactType?: string}[] | undefined> {
    const api = this.api();
    return api.referrers ? api.referrers(name, digest) : undefined;
  }

  private registryApi?: RegistryApiPart;
  private api(): RegistryApiPart {
    return (this.registryApi ??= new RegistryApi(this.env));
  }
  /** The pushes of an OCI layout (steps/staging.ts); a test's part of the API without them fails here, clearly. */
  private fullApi(): Pick<RegistryApi, 'pushBlob' | 'putManifest'> {
    const api = this.api();
    if (!api.pushBlob || !api.putManifest) throw new Error('this registry API cannot push blobs and manifests');
    return api as Pick<RegistryApi, 'pushBlob' | 'putManifest'>;
  }

  async cosignVersion(): Promise<string> {
    const out = await this.exec.run('cosign', ['version'], {env: this.env});
    const lines = (out.stdout + out.stderr).split('\n');
    return lines.find(l => /^GitVersion:/.test(l))?.replace(/\s+/g, ' ').trim() ?? 'cosign';
  }

  async cosignSign(o: CosignSignRun): Promise<void> {
    // flag values joined with `=`, the reference after `--`; DOCKER_CONFIG (the run's logins) from this.env
    const how = o.keyFile ? [`--key=${o.keyFile}`] : o.fulcioUrl ? [`--fulcio-url=${o.fulcioUrl}`] : [];
    const args = ['sign', '--yes', ...how, ...(o.rekorUrl ? [`--rekor-url=${o.rekorUrl}`] : []), `--tlog-upload=${o.tlogUpload}`, ...(o.allowHttp ? ['--allow-http-registry=true'] : []), '--', o.ref];
    // secrets in cosign's environment only: the key's password, or the OIDC token (cosign reads SIGSTORE_ID_TOKEN)
    const secret: Record<string, string> = o.keyFile ? {COSIGN_PASSWORD: o.password ?? ''} : o.identityToken ? {SIGSTORE_ID_TOKEN: o.identityToken} : {};
    await this.exec.runWithRetry('cosign', args, {env: {...this.env, ...secret}});
  }

  async login(registry: string, username: string, password: string): Promise<void> {
    await this.exec.runWithRetry('docker', ['login', `--username=${username}`, '--password-stdin', ...DOCKER_HUB(registry)], {env: this.env, input: password});
  }

  async logout(registry: string): Promise<void> {
    await this.docker(['logout', ...DOCKER_HUB(registry)]);
  }

  async ensureCosign(): Promise<{installed: boolean; dir?: string}> {
    const {ensureCosign} = await import('./cosign-install.js');
    return ensureCosign(() => this.exec.run('cosign', ['version'], {env: this.env, allowFailure: true}).then(r => r.code === 0, () => false));
  }

  async cosignVerify(o: CosignVerifyRun): Promise<{code: number; output: string}> {
    // flag values joined with `=`, the reference after `--`; DOCKER_CONFIG (the run's logins) from this.env
    const args = ['verify', '--output=json'];
    if (o.keyFile) args.push(`--key=${o.keyFile}`);
    if (o.identity) args.push(`--certificate-identity=${o.identity}`);
    if (o.identityRegexp) args.push(`--certificate-identity-regexp=${o.identityRegexp}`);
    if (o.issuer) args.push(`--certificate-oidc-issuer=${o.issuer}`);
    if (o.issuerRegexp) args.push(`--certificate-oidc-issuer-regexp=${o.issuerRegexp}`);
    if (!o.transparencyLog) args.push('--insecure-ignore-tlog=true');
    else if (o.rekorUrl) args.push(`--rekor-url=${o.rekorUrl}`);
    if (o.insecureRegistry) args.push('--allow-insecure-registry=true', '--allow-http-registry=true');
    args.push('--', o.ref);
    const r = await this.exec.run('cosign', args, {env: this.env, allowFailure: true});
    return {code: r.code, output: (r.stderr || r.stdout).trim().split('\n').slice(-3).join('\n')};
  }
}
