import {describe, expect, test} from '@jest/globals';
import {isNotFound, Buildx, type BuildxOptions} from '../../../src/engine/buildx.js';
import {CommandError, type RunOptions, type RunResult} from '../../../src/engine/exec.js';
import {RegistryHttpFailure} from '../../../src/engine/registry-api.js';
import {fixture} from './fake-buildx.js';

interface Ran {
  cmd: string;
  args: string[];
  opts: RunOptions;
  retried: boolean;
}

/** The real seam over a scripted exec layer: which argv each method runs, and how it reads the answer. */
/** A registry API this process cannot reach (the default here: every read falls back to docker). */
const unreachable = {
  manifest: async () => Promise.reject(Object.assign(new TypeError('fetch failed'), {cause: new Error('connect ECONNREFUSED')})),
  blobJson: async () => Promise.reject(new TypeError('fetch failed')),
  tagDigest: async () => Promise.reject(new TypeError('fetch failed')),
  tagsAt: async () => [],
  deleteManifest: async () => true
};

function scripted(answer: (args: string[]) => Partial<RunResult> = () => ({}), registryApi: BuildxOptions['registryApi'] = unreachable) {
  const ran: Ran[] = [];
  const exec = (retried: boolean) => async (cmd: string, args: string[], opts: RunOptions = {}): Promise<RunResult> => {
    ran.push({cmd, args, opts, retried});
    const r = {code: 0, stdout: '', stderr: '', ...answer(args)};
    if (r.code !== 0 && !opts.allowFailure) throw new CommandError(`${cmd} ${args.join(' ')}`, r);
    return r;
  };
  const buildx = new Buildx({env: {DOCKER_CONFIG: '/tmp/job-config'}, cwd: '/work/space', exec: {run: exec(false), runWithRetry: exec(true)}, registryApi});
  return {buildx, ran};
}

describe('Buildx: the one place docker runs', () => {
  test('installEmulators: docker run --privileged --rm <image> --install <arches>', async () => {
    const {buildx, ran} = scripted();
    await buildx.installEmulators('tonistiigi/binfmt:latest', ['arm64', 'riscv64']);
    expect(ran.map(r => [r.cmd, ...r.args])).toEqual([['docker', 'run', '--privileged', '--rm', '--', 'tonistiigi/binfmt:latest', '--install', 'arm64,riscv64']]);
    expect(ran[0].opts.env).toEqual({DOCKER_CONFIG: '/tmp/job-config'});
  });

  test('cosign: sign by digest with the key file and the run\'s docker config, the password in its environment only, the reference after --; version', async () => {
    const {buildx, ran} = scripted(args => (args[0] === 'version' ? {stdout: 'cosign\n\nGitVersion:    v2.5.0\nGitCommit: x\n'} : {}));
    await buildx.cosignSign({ref: 'ghcr.io/o/app@sha256:1', keyFile: '/tmp/run/cosign.key', password: 'pw', tlogUpload: false});
    await buildx.cosignSign({ref: '127.0.0.1:5000/o/app@sha256:2', keyFile: '/k', password: '', tlogUpload: true, allowHttp: true});
    expect(ran.map(r => [r.cmd, ...r.args])).toEqual([
      ['cosign', 'sign', '--yes', '--key=/tmp/run/cosign.key', '--tlog-upload=false', '--', 'ghcr.io/o/app@sha256:1'],
      ['cosign', 'sign', '--yes', '--key=/k', '--tlog-upload=true', '--allow-http-registry=true', '--', '127.0.0.1:5000/o/app@sha256:2']
    ]);
    expect(ran[0].opts.env).toEqual({DOCKER_CONFIG: '/tmp/job-config', COSIGN_PASSWORD: 'pw'});
    expect(ran[1].opts.env).toEqual({DOCKER_CONFIG: '/tmp/job-config', COSIGN_PASSWORD: ''});
    expect(ran.every(r => r.retried && !r.opts.input)).toBe(true);
    expect(await buildx.cosignVersion()).toBe('GitVersion: v2.5.0');
  });

  test('cosign keyless: no key, Fulcio and Rekor by flag, the OIDC token in cosign\'s environment (SIGSTORE_ID_TOKEN) only, never an argument', async () => {
    const {buildx, ran} = scripted();
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    await buildx.cosignSign({ref: 'ghcr.io/o/app@sha256:1', identityToken: token, fulcioUrl: 'https://fulcio.sigstore.dev', rekorUrl: 'https://rekor.sigstore.dev', tlogUpload: true});
    expect(ran.map(r => [r.cmd, ...r.args])).toEqual([['cosign', 'sign', '--yes', '--fulcio-url=https://fulcio.sigstore.dev', '--rekor-url=https://rekor.sigstore.dev', '--tlog-upload=true', '--', 'ghcr.io/o/app@sha256:1']]);
    expect(ran[0].args.join(' ')).not.toContain(token);
    expect(ran[0].opts.env).toEqual({DOCKER_CONFIG: '/tmp/job-config', SIGSTORE_ID_TOKEN: token});
    expect(ran[0].retried && !ran[0].opts.input).toBe(true);
    // sign: key with a private Rekor
    await buildx.cosignSign({ref: 'r/a@sha256:2', keyFile: '/k', password: 'pw', rekorUrl: 'https://rekor.internal', tlogUpload: true});
    expect(ran[1].args).toEqual(['sign', '--yes', '--key=/k', '--rekor-url=https://rekor.internal', '--tlog-upload=true', '--', 'r/a@sha256:2']);
    expect(ran[1].opts.env).toEqual({DOCKER_CONFIG: '/tmp/job-config', COSIGN_PASSWORD: 'pw'});
  });

  test('cosign verify keyless: identity and issuer flags, a private Rekor by --rekor-url (not with the log off)', async () => {
    const {buildx, ran} = scripted();
    await buildx.cosignVerify({ref: 'r/a@sha256:1', identity: 'https://github.com/a/b/.github/workflows/w.yml@refs/heads/main', issuer: 'https://token.actions.githubusercontent.com', transparencyLog: true, insecureRegistry: false, rekorUrl: 'https://rekor.internal'});
    await buildx.cosignVerify({ref: 'r/a@sha256:1', keyFile: '/k.pub', transparencyLog: false, insecureRegistry: false, rekorUrl: 'https://rekor.internal'});
    expect(ran.map(r => r.args)).toEqual([
      ['verify', '--output=json', '--certificate-identity=https://github.com/a/b/.github/workflows/w.yml@refs/heads/main', '--certificate-oidc-issuer=https://token.actions.githubusercontent.com', '--rekor-url=https://rekor.internal', '--', 'r/a@sha256:1'],
      ['verify', '--output=json', '--key=/k.pub', '--insecure-ignore-tlog=true', '--', 'r/a@sha256:1']
    ]);
  });

  test('version: the output as printed; a missing plugin is a clear error', async () => {
    expect(await scripted(() => ({stdout: fixture('buildx-version.txt')})).buildx.version()).toBe(fixture('buildx-version.txt'));
    await expect(scripted(() => ({code: 1, stderr: "docker: 'buildx' is not a docker command."})).buildx.version()).rejects.toThrow(/docker buildx is not available \(docker: 'buildx' is not a docker command\.\): install the buildx plugin/);
  });

  test('inspectBuilder parses every node of the output', async () => {
    const {buildx, ran} = scripted(() => ({stdout: fixture('inspect-multinode.txt')}));
    const b = await buildx.inspectBuilder('mp-fixture-engine');
    expect(ran[0].args).toEqual(['buildx', 'inspect', '--bootstrap', '--', 'mp-fixture-engine']);
    expect(b.nodes.map(n => n.name)).toEqual(['mp-fixture-engine-amd64', 'mp-fixture-engine-arm64']);
  });

  test('inspectBuilder: a node that cannot boot fails --bootstrap, and the builder is read without it', async () => {
    const {buildx, ran} = scripted(args => (args.includes('--bootstrap') ? {code: 1, stderr: fixture('inspect-bootstrap-failed.stderr.txt')} : {stdout: fixture('inspect-multinode-unbooted.txt')}));
    const b = await buildx.inspectBuilder('mp-fixture-engine');
    expect(ran.map(r => r.args)).toEqual([
      ['buildx', 'inspect', '--bootstrap', '--', 'mp-fixture-engine'],
      ['buildx', 'inspect', '--', 'mp-fixture-engine']
    ]);
    expect(b.nodes.map(n => [n.name, n.status])).toEqual([
      ['mp-fixture-engine-amd64', 'running'],
      ['mp-fixture-engine-arm64', 'running'],
      ['mp-fixture-engine-broken', 'inactive']
    ]);
  });

  test('inspectBuilder of a builder that is not there fails with what buildx said', async () => {
    const {buildx} = scripted(() => ({code: 1, stderr: 'ERROR: no builder "nope" found'}));
    await expect(buildx.inspectBuilder('nope')).rejects.toThrow(/docker buildx inspect --bootstrap nope failed \(exit code 1\): ERROR: no builder "nope" found/);
  });

  test('createBuilder: docker-container, the image and host network as asked, bootstrapped, then inspected', async () => {
    const {buildx, ran} = scripted(args => (args[1] === 'inspect' ? {stdout: fixture('inspect-multinode.txt')} : {}));
    await buildx.createBuilder({name: 'multiarch-publish-1-2', image: 'ci-local/buildkit:debian', hostNetwork: true});
    expect(ran.map(r => r.args)).toEqual([
      ['buildx', 'create', '--name=multiarch-publish-1-2', '--driver', 'docker-container', '--driver-opt', 'image=ci-local/buildkit:debian', '--driver-opt', 'network=host', '--bootstrap'],
      ['buildx', 'inspect', '--bootstrap', '--', 'multiarch-publish-1-2']
    ]);
  });

  test('removeBuilder: --force; a builder already gone is fine, another failure is thrown', async () => {
    const gone = scripted(() => ({code: 1, stderr: 'ERROR: no builder "x" found'}));
    await gone.buildx.removeBuilder('x');
    expect(gone.ran[0].args).toEqual(['buildx', 'rm', '--force', '--', 'x']);
    await expect(scripted(() => ({code: 1, stderr: 'Cannot connect to the Docker daemon'})).buildx.removeBuilder('x')).rejects.toThrow(/Cannot connect/);
  });

  test('containerdImageStore reads docker info', async () => {
    const c8d = scripted(() => ({stdout: fixture('docker-info-driver-status.json')}));
    expect(await c8d.buildx.containerdImageStore()).toBe(true);
    expect(c8d.ran[0].args).toEqual(['info', '--format', '{{json .DriverStatus}}']);
    expect(await scripted(() => ({stdout: fixture('docker-info-driver-status-overlay2.json')})).buildx.containerdImageStore()).toBe(false);
  });

  test('bake: plain progress streamed with the metadata file, in the workspace; overrides and targets for a diagnosis', async () => {
    const {buildx, ran} = scripted(() => ({code: 1}));
    const lines: string[] = [];
    const out = await buildx.bake({file: '/t/bake.json', metadataFile: '/t/no-such-metadata.json', builder: 'b1', progress: 'plain', onLine: l => lines.push(l)});
    expect(out).toEqual({code: 1, metadata: {}});
    await buildx.bake({file: '/t/bake.json', progress: 'quiet', set: ['app.platform=linux/arm64', 'app.output=type=cacheonly'], targets: ['app']});
    expect(ran.map(r => r.args)).toEqual([
      ['buildx', 'bake', '--file=/t/bake.json', '--progress=plain', '--metadata-file=/t/no-such-metadata.json', '--builder=b1'],
      ['buildx', 'bake', '--file=/t/bake.json', '--progress=quiet', '--set', 'app.platform=linux/arm64', '--set', 'app.output=type=cacheonly', '--', 'app']
    ]);
    expect(ran.map(r => [r.opts.stream, r.opts.allowFailure, r.opts.cwd])).toEqual([
      [true, true, '/work/space'],
      [false, true, '/work/space']
    ]);
  });

  test('imagetools: inspect and create are retried on transient errors (runWithRetry)', async () => {
    const {buildx, ran} = scripted(args => ({stdout: args.includes('--raw') ? fixture('imagetools-amd64.raw.json') : fixture('imagetools-index.manifest.json')}));
    const m = (await buildx.imagetoolsInspect('r/app@sha256:1', '{{json .Manifest}}')) as {manifests: unknown[]};
    expect(m.manifests).toHaveLength(4);
    await buildx.imagetoolsInspect('r/app@sha256:2', 'raw');
    await buildx.imagetoolsCreate(['r/app:1', 'r/app:latest'], 'r/app@sha256:1');
    expect(ran.map(r => [r.retried, ...r.args])).toEqual([
      [true, 'buildx', 'imagetools', 'inspect', '--format={{json .Manifest}}', '--', 'r/app@sha256:1'],
      [true, 'buildx', 'imagetools', 'inspect', '--raw', '--', 'r/app@sha256:2'],
      [true, 'buildx', 'imagetools', 'create', '--tag=r/app:1', '--tag=r/app:latest', '--', 'r/app@sha256:1']
    ]);
  });

  test('reads after the bake: through the registry API, no docker process; a registry the API cannot use is asked through docker from then on', async () => {
    const INDEX = JSON.parse(fixture('imagetools-index.raw.json'));
    const asked: string[] = [];
    const api = {
      manifest: async (name: string, digest: string) => (asked.push(`GET ${name}@${digest}`), name.startsWith('down.example/') ? Promise.reject(new TypeError('fetch failed')) : {digest, mediaType: INDEX.mediaType, size: 1, json: INDEX}),
      tagDigest: async (name: string, tag: string) => (asked.push(`HEAD ${name}:${tag}`), tag === 'new' ? undefined : 'sha256:1'),
      blobJson: async () => ({}),
      tagsAt: async () => [],
      deleteManifest: async () => true
    };
    const {buildx, ran} = scripted(() => ({stdout: fixture('imagetools-index.raw.json')}), api);
    expect(await buildx.readManifest('ghcr.io/acme/app', 'sha256:1')).toEqual(INDEX);
    expect(await buildx.tagDigest('ghcr.io/acme/app:1.2.3')).toBe('sha256:1');
    expect(await buildx.tagDigest('127.0.0.1:5000/acme/app:new')).toBeUndefined();
    expect(ran).toEqual([]);
    // unreachable (a proxy, a CA only docker knows): docker, and for that registry docker only
    expect(await buildx.readManifest('down.example/acme/app', 'sha256:2')).toEqual(INDEX);
    expect(await buildx.readManifest('down.example/acme/app', 'sha256:3')).toEqual(INDEX);
    expect(asked.filter(a => a.includes('down.example'))).toEqual(['GET down.example/acme/app@sha256:2']);
    expect(ran.map(r => [r.retried, ...r.args])).toEqual([
      [true, 'buildx', 'imagetools', 'inspect', '--raw', '--', 'down.example/acme/app@sha256:2'],
      [true, 'buildx', 'imagetools', 'inspect', '--raw', '--', 'down.example/acme/app@sha256:3']
    ]);
  });

  test.each([
    ['401 (a credential only docker can read)', 401, 1],
    ['503 (transient: docker retries it, the API is tried again next time)', 503, 2]
  ])('the registry API answers %s: docker is asked', async (_title, status, apiCalls) => {
    let calls = 0;
    const api = {...unreachable, tagDigest: async () => (calls++, Promise.reject(new RegistryHttpFailure(`HTTP ${status}`, status)))};
    const {buildx, ran} = scripted(() => ({stdout: fixture('imagetools-index.manifest.json')}), api);
    await buildx.tagDigest('ghcr.io/acme/app:1');
    await buildx.tagDigest('ghcr.io/acme/app:2');
    expect(calls).toBe(apiCalls);
    expect(ran).toHaveLength(2);
  });

  test('imageConfig: the index, its first platform\'s manifest, the config blob, in this process; the docker fallback', async () => {
    const INDEX = JSON.parse(fixture('imagetools-index.raw.json'));
    const AMD64 = JSON.parse(fixture('imagetools-amd64.raw.json'));
    const asked: string[] = [];
    const config = {created: '2024-06-28T14:30:22Z', config: {Labels: {'org.opencontainers.image.revision': 'a'.repeat(40)}}};
    const api = {
      ...unreachable,
      manifest: async (name: string, digest: string) => (asked.push(`manifest ${digest}`), {digest, mediaType: '', size: 1, json: digest === 'sha256:index' ? INDEX : AMD64}),
      blobJson: async (name: string, digest: string) => (asked.push(`blob ${digest}`), config)
    };
    const {buildx, ran} = scripted(() => ({stdout: JSON.stringify(config)}), api);
    expect(await buildx.imageConfig('ghcr.io/acme/app', 'sha256:index')).toEqual(config);
    expect(asked).toEqual(['manifest sha256:index', `manifest ${INDEX.manifests[0].digest}`, `blob ${AMD64.config.digest}`]);
    expect(ran).toEqual([]);
    const fallback = scripted(() => ({stdout: JSON.stringify(config)}));
    expect(await fallback.buildx.imageConfig('ghcr.io/acme/app', 'sha256:index')).toEqual(config);
    expect(fallback.ran.map(r => r.args)).toEqual([['buildx', 'imagetools', 'inspect', '--format={{json .Image}}', '--', 'ghcr.io/acme/app@sha256:index']]);
  });

  test('writeTags: ONE imagetools create for every tag, one attempt (the tag phase retries)', async () => {
    const {buildx, ran} = scripted();
    await buildx.writeTags(['r/app:1.2.3', 'r/app:latest', 'r/app:main'], 'r/app@sha256:1');
    expect(ran.map(r => [r.retried, ...r.args])).toEqual([[false, 'buildx', 'imagetools', 'create', '--tag=r/app:1.2.3', '--tag=r/app:latest', '--tag=r/app:main', '--', 'r/app@sha256:1']]);
  });

  test('the tag phase\'s calls: one attempt each (the phase retries); a missing tag is undefined, other failures throw', async () => {
    const {buildx, ran} = scripted(args => (args.at(-1) === 'r/app:new' ? {code: 1, stderr: 'ERROR: r/app:new: not found'} : args.at(-1) === 'r/app:x' ? {code: 1, stderr: 'ERROR: failed to do request: Head "http://r/v2/app/manifests/x": dial tcp: connect: connection refused'} : {stdout: fixture('imagetools-index.manifest.json')}));
    expect(await buildx.tagDigest('r/app:1')).toBe(JSON.parse(fixture('imagetools-index.manifest.json')).digest);
    expect(await buildx.tagDigest('r/app:new')).toBeUndefined();
    await expect(buildx.tagDigest('r/app:x')).rejects.toThrow(/connection refused/);
    await buildx.writeTag('r/app:latest', 'r/app@sha256:1');
    expect(ran.map(r => [r.retried, ...r.args])).toEqual([
      [false, 'buildx', 'imagetools', 'inspect', '--format', '{{json .Manifest}}', '--', 'r/app:1'],
      [false, 'buildx', 'imagetools', 'inspect', '--format', '{{json .Manifest}}', '--', 'r/app:new'],
      [false, 'buildx', 'imagetools', 'inspect', '--format', '{{json .Manifest}}', '--', 'r/app:x'],
      [false, 'buildx', 'imagetools', 'create', '--tag=r/app:latest', '--', 'r/app@sha256:1']
    ]);
  });

  test.each([
    ['ERROR: r/app:new: not found', true],
    ['ERROR: pull access denied, repository does not exist or may require authorization: authorization failed', false],
    ['ERROR: unexpected status from HEAD request: 503 Service Unavailable', false]
  ])('isNotFound(%j) = %s', (out, expected) => {
    expect(isNotFound(out)).toBe(expected);
  });

  test('login: the password goes to stdin, never into the arguments; docker.io has no server argument', async () => {
    const {buildx, ran} = scripted();
    await buildx.login('127.0.0.1:5000', 'ci', 'ci-secret');
    await buildx.login('docker.io', 'octo', 'dckr_pat_x');
    await buildx.logout('127.0.0.1:5000');
    await buildx.logout('docker.io');
    expect(ran.map(r => r.args)).toEqual([
      ['login', '--username=ci', '--password-stdin', '--', '127.0.0.1:5000'],
      ['login', '--username=octo', '--password-stdin'],
      ['logout', '--', '127.0.0.1:5000'],
      ['logout']
    ]);
    expect(ran.slice(0, 2).map(r => [r.opts.input, r.retried])).toEqual([
      ['ci-secret', true],
      ['dckr_pat_x', true]
    ]);
    expect(JSON.stringify(ran.map(r => r.args))).not.toMatch(/ci-secret|dckr_pat_x/);
  });

  test('a failed login throws the CLI output', async () => {
    const {buildx} = scripted(() => ({code: 1, stderr: fixture('login-unauthorized.txt')}));
    await expect(buildx.login('127.0.0.1:5000', 'ci', 'wrong')).rejects.toThrow(/401 Unauthorized/);
  });

  // defence in depth behind the input checks: a value that starts with `-` never becomes a flag
  test('every value a user can influence is after `--` or joined to its flag with `=`', async () => {
    const {buildx, ran} = scripted(args => (args[1] === 'inspect' ? {stdout: fixture('inspect-multinode.txt')} : args.includes('--raw') ? {stdout: '{}'} : {stdout: '{}'}));
    const h = (what: string) => `--debug-${what}`;
    await buildx.inspectBuilder(h('builder'));
    await buildx.removeBuilder(h('builder'));
    await buildx.installEmulators(h('image'), ['arm64']);
    await buildx.createBuilder({name: h('name'), image: h('buildkit'), configFile: h('config'), hostNetwork: false});
    await buildx.bake({file: h('file'), metadataFile: h('meta'), builder: h('builder'), set: ['app.platform=linux/arm64'], targets: [h('target')], progress: 'quiet'});
    await buildx.imagetoolsInspect(h('ref'), 'raw');
    await buildx.imagetoolsCreate([h('tag')], h('source'));
    await buildx.login(h('registry'), h('user'), 'pw');
    await buildx.logout(h('registry'));
    for (const {args} of ran) {
      const end = args.indexOf('--');
      args.forEach((a, i) => {
        // before `--`, a hostile value may only appear as the value of a `--flag=` or a `--driver-opt`
        if (a.startsWith('--debug-') && (end < 0 || i < end)) throw new Error(`${args.join(' ')}: ${a} can be read as a flag`);
      });
    }
    expect(ran.length).toBeGreaterThanOrEqual(10);
  });

  describe('writeTags through the registry API: a PUT of the manifest\'s bytes under each tag, no docker process', () => {
    const D = `sha256:${'a'.repeat(64)}`;
    const BYTES = Buffer.from('{"mediaType":"application/vnd.oci.image.index.v1+json"}');
    function withApi(putTag: (name: string, tag: string) => Promise<void>, manifest?: () => Promise<unknown>) {
      const asked: string[] = [];
      const api = {
        ...unreachable,
        manifest: async (name: string, digest: string) => (asked.push(`GET ${name}@${digest}`), manifest ? manifest() : {digest, mediaType: 'application/vnd.oci.image.index.v1+json', size: BYTES.length, json: {}, bytes: BYTES}),
        putTag: async (name: string, tag: string, m: {digest: string; mediaType: string; bytes: Uint8Array}) => {
          asked.push(`PUT ${name}:${tag} ${m.digest} ${m.mediaType} ${Buffer.from(m.bytes).equals(BYTES)}`);
          return putTag(name, tag);
        }
      };
      return {...scripted(() => ({}), api as BuildxOptions['registryApi']), asked};
    }

    test('the bytes verify read are PUT under every tag (one read for the run); docker is not run', async () => {
      const {buildx, ran, asked} = withApi(async () => undefined);
      await buildx.readManifest('ghcr.io/acme/app', D);
      await buildx.writeTags(['ghcr.io/acme/app:1.2.3', 'ghcr.io/acme/app:latest'], `ghcr.io/acme/app@${D}`);
      expect(asked).toEqual([`GET ghcr.io/acme/app@${D}`, `PUT ghcr.io/acme/app:1.2.3 ${D} application/vnd.oci.image.index.v1+json true`, `PUT ghcr.io/acme/app:latest ${D} application/vnd.oci.image.index.v1+json true`]);
      expect(ran).toEqual([]);
    });

    test.each([
      ['a 503 (transient: the tag phase retries)', new RegistryHttpFailure('moving ghcr.io/acme/app:latest: HTTP 503 Service Unavailable', 503), /503/],
      ['a dropped connection', Object.assign(new TypeError('fetch failed'), {cause: new Error('other side closed')}), /fetch failed/],
      ['a digest other than the manifest\'s', new RegistryHttpFailure('moving ghcr.io/acme/app:latest: the registry stored sha256:b, not sha256:a', 400), /stored/]
    ])('a write that fails with %s throws, and docker is not asked', async (_t, error, message) => {
      const {buildx, ran} = withApi(async (_n, tag) => (tag === 'latest' ? Promise.reject(error) : undefined));
      await expect(buildx.writeTags(['ghcr.io/acme/app:1', 'ghcr.io/acme/app:latest'], `ghcr.io/acme/app@${D}`)).rejects.toThrow(message);
      expect(ran).toEqual([]);
    });

    test.each([
      ['the PUT is refused (401: a credential only docker holds)', async () => Promise.reject(new RegistryHttpFailure('HTTP 401', 401)), undefined],
      ['the manifest cannot be read from this process', async () => undefined, async () => Promise.reject(new TypeError('fetch failed'))]
    ])('%s: imagetools create, and docker for that registry from then on', async (_t, put, manifest) => {
      const {buildx, ran, asked} = withApi(put, manifest);
      await buildx.writeTags(['ghcr.io/acme/app:1', 'ghcr.io/acme/app:latest'], `ghcr.io/acme/app@${D}`);
      const before = asked.length;
      await buildx.writeTags(['ghcr.io/acme/app:edge'], `ghcr.io/acme/app@${D}`);
      expect(asked.length).toBe(before);
      expect(ran.map(r => r.args)).toEqual([
        ['buildx', 'imagetools', 'create', '--tag=ghcr.io/acme/app:1', '--tag=ghcr.io/acme/app:latest', '--', `ghcr.io/acme/app@${D}`],
        ['buildx', 'imagetools', 'create', '--tag=ghcr.io/acme/app:edge', '--', `ghcr.io/acme/app@${D}`]
      ]);
    });
  });
});
