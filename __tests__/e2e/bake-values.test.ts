// End to end: values holding bake's template syntax (`${VAR}`, `${5}`, `${GITHUB_SHA}`, `%{if x}y%{endif}`,
// `$${`, a lone `$`) reach BuildKit byte for byte: labels (incl. the repository description), annotations
// and build args (written to a file by a RUN) are read back from the pushed image.
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {runAction, runPost, startGitHubApiStub, repoRoot, cleanupRuns, type GitHubApiStub} from '../support/action.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryJson, registryRequest, fileInImage, MANIFEST_ACCEPT} from '../support/registry.js';
import {buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';

const exec = promisify(execFile);
const gate = await prerequisites('e2e bake-values', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD})]);
const NS = `e2e-bakev-${randomBytes(4).toString('hex')}`;
const SHA = 'd'.repeat(40);
const HOSTILE = 'a ${VAR} b ${5} c ${GITHUB_SHA} d %{if x}y%{endif} e $${ f $ g %%{ h $$';
const DESCRIPTION = `Render ${'${VAR}'} and %{if x}y%{endif} $`;
let stub: GitHubApiStub | undefined;
const temps: string[] = [];

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-bakev-${name}-`));
  temps.push(dir);
  return dir;
}

beforeAll(async () => {
  if (!gate.ready) return;
  stub = await startGitHubApiStub({id: 1, name: 'app', full_name: 'acme/app', private: false, owner: {login: 'acme'}, html_url: 'https://github.com/acme/app', description: DESCRIPTION, default_branch: 'main', license: null, topics: []});
}, 60_000);

afterAll(async () => {
  await stub?.close();
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
});

gate.test('labels, annotations, build args and the description reach the image literally', async () => {
  const workspace = tempDir('ws');
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')]);
  fs.writeFileSync(
    path.join(workspace, 'Dockerfile'),
    ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', 'RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin"]', 'ARG HOSTILE', `RUN printf '%s' "$HOSTILE" > /hostile.txt && echo nonce-${randomBytes(4).toString('hex')}`, ''].join('\n')
  );
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref: 'refs/heads/main', after: SHA, repository: {default_branch: 'main', full_name: 'acme/app'}}));
  const run = await runAction({
    cwd: workspace,
    timeoutMs: 300_000,
    env: {
      HOME: tempDir('home'),
      PATH: process.env.PATH ?? '',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: SHA,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_ACTOR: 'bot',
      GITHUB_WORKSPACE: workspace,
      GITHUB_API_URL: stub!.url
    },
    inputs: {
      registry: REGISTRY,
      images: `${NS}/app`,
      platforms: 'linux/amd64',
      tags: 'type=raw,value=v1',
      labels: `org.example.hostile=${HOSTILE}\norg.example.k\${VAR}=key`,
      annotations: `manifest:org.example.hostile=${HOSTILE}`,
      'build-args': `HOSTILE=${HOSTILE}`,
      'registry-auth': `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`,
      'github-token': 'e2e-token'
    }
  });
  try {
    expect({code: run.code, errors: run.log.split('\n').filter(l => l.startsWith('::error'))}).toEqual({code: 0, errors: []});
    const index = await registryJson(`${NS}/app`, 'v1');
    const manifests = (index.manifests ?? []) as {digest: string; platform?: {os: string; architecture: string}; annotations?: Record<string, string>}[];
    const amd64 = manifests.find(m => m.platform?.architecture === 'amd64')!;
    expect(amd64).toBeDefined();
    const manifest = await registryJson(`${NS}/app`, amd64.digest);
    expect(manifest.annotations?.['org.example.hostile']).toBe(HOSTILE);
    const config = await registryRequest('GET', `/v2/${NS}/app/blobs/${manifest.config.digest}`);
    const labels = JSON.parse(config.body.toString('utf8')).config.Labels as Record<string, string>;
    expect(labels['org.example.hostile']).toBe(HOSTILE);
    expect(labels['org.example.k${VAR}']).toBe('key');
    expect(labels['org.opencontainers.image.description']).toBe(DESCRIPTION);
    expect(await fileInImage(`${NS}/app`, amd64.digest, 'hostile.txt')).toBe(HOSTILE);
  } finally {
    const post = await runPost(run);
    expect(post.code).toBe(0);
    cleanupRuns(run, post);
    for (const ref of ['v1']) {
      const r = await registryRequest('HEAD', `/v2/${NS}/app/manifests/${ref}`, {accept: MANIFEST_ACCEPT}).catch(() => undefined);
      const digest = r?.headers['docker-content-digest'];
      if (digest) await registryRequest('DELETE', `/v2/${NS}/app/manifests/${digest}`).catch(() => undefined);
    }
  }
}, 300_000);
