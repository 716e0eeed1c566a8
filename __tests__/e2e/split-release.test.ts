// End to end: the split release on the real engine. mode: plan, two mode: build legs (linux/amd64, and
// linux/arm64 under QEMU) and mode: merge run as separate processes of the bundled action, each with its
// own RUNNER_TEMP, runner files, HOME and DOCKER_CONFIG (support/split.ts), meeting only in the registry
// ($REGISTRY_ADDR, with auth passed as registry-auth). Two images (api: COPY + a RUN step that really runs
// per platform; worker: COPY only), tags v1 and latest, arch-tags, an index: and a manifest: annotation.
// Builds use the action's default builder (here: docker driver with the containerd image store).
//
// The legs are shared between the tests, in this order (each test reads what the previous ones made):
//   merge with no leg at all (fails, no tag) -> legs amd64 + arm64 of plan A at once, beside plan M's
//   amd64 leg (M = A plus a tag) and plan C's leg from another commit -> merge of M, arm64 missing (fails,
//   no release tag) -> merge of A (indexes = legs' digests, labels, annotations, outputs, summary, records
//   gone) -> arch tags -> second merge (same digests). On a third repository: C's leg from another
//   commit, a plan D whose only leg belongs to plan C, a record of plan E pointing at C's content, and
//   C's record copied under plan F's leg tag, all refused.
import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {repoRoot, startGitHubApiStub, type GitHubApiStub} from '../support/action.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, MANIFEST_ACCEPT, fileInImage, registryJson, registryRequest, tagDigests, tagList} from '../support/registry.js';
import {binfmtProblem, buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';
import {cleanupJobs, job, putLegRecord, type JobResult} from '../support/split.js';

const execp = promisify(execFile);
const gate = await prerequisites('e2e split-release', [
  dockerProblem(),
  buildxProblem(),
  registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD}),
  binfmtProblem(['aarch64'])
]);

const NONCE = randomBytes(4).toString('hex');
const NS = `e2e-split-${NONCE}`;
const API = `${NS}/api`;
const WORKER = `${NS}/worker`;
const OTHER = `${NS}/other`;
const REPOS = [API, WORKER, OTHER];
const SHA = '5a1b2c3d4e5f60718293a4b5c6d7e8f901234567';
const FOREIGN_SHA = 'f'.repeat(40);
const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const AUTH = `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`;
const INDEX_ANNOTATION = ['org.example.release', `index-${NONCE}`] as const;
const MANIFEST_ANNOTATION = ['org.example.leg', `manifest-${NONCE}`] as const;
const PLAN_ANNOTATION = 'dev.multiarch-publish.plan';
const full = (repo: string) => `${REGISTRY}/${repo}`;
const repoOf = (name: string) => (name.startsWith(`${REGISTRY}/`) ? name.slice(REGISTRY.length + 1) : name);

interface PlanDoc {
  sha: string;
  created: string;
  digest: string;
  builds: {id: string; images: string[]; platforms: string[]; tags: string[]; tagNames: string[]; labels: string[]; annotations: string[]; archTags?: {platform: string; suffix: string; tagNames: string[]; tags: string[]}[]}[];
}
interface LegDigest {
  id: string;
  image: string;
  platform: string;
  digest: string;
  content: string;
}

let stub: GitHubApiStub | undefined;
let workspace = '';
const jobs: JobResult[] = [];
const known = new Set<string>(); // repo@digest pushed by the legs or merges, deleted in afterAll

// the main plan (two images, two platforms, arch tags) and the small ones for the refusals (one image
// on its own repository, linux/amd64 only; plans D, E and F differ from C by a tag)
let planA: {text: string; doc: PlanDoc; legs: string} | undefined;
let planM: {text: string; doc: PlanDoc} | undefined;
let planC: {text: string; doc: PlanDoc} | undefined;
let planD: {text: string; doc: PlanDoc} | undefined;
let planE: {text: string; doc: PlanDoc} | undefined;
let planF: {text: string; doc: PlanDoc} | undefined;
const legDigests: LegDigest[] = [];
let firstMerge: JobResult | undefined;

async function run(inputs: Record<string, string>, opts: {sha?: string; timeoutMs?: number} = {}): Promise<JobResult> {
  const r = await job({sha: opts.sha ?? SHA, workspace, apiUrl: stub!.url, repository: 'acme/app', inputs: {'github-token': 'e2e-token', ...inputs}, timeoutMs: opts.timeoutMs});
  jobs.push(r);
  if (process.env.E2E_LOG_DIR) {
    const dir = path.join(process.env.E2E_LOG_DIR, `split-${NONCE}-${jobs.length}-${inputs.mode ?? 'publish'}`);
    fs.mkdirSync(dir, {recursive: true});
    fs.writeFileSync(path.join(dir, 'log'), r.main.log);
    fs.writeFileSync(path.join(dir, 'post.log'), r.post.log);
    fs.writeFileSync(path.join(dir, 'summary.md'), r.main.summary);
    fs.writeFileSync(path.join(dir, 'outputs.json'), JSON.stringify(r.main.outputs, null, 2));
  }
  expect({post: r.post.code, postErrors: r.post.stdout.split('\n').filter(l => l.startsWith('::error'))}).toEqual({post: 0, postErrors: []});
  return r;
}

const ok = (r: JobResult) => ({code: r.main.code, errors: r.errors});

async function plan(images: string, platforms: string, tags: string, archTags: boolean): Promise<{text: string; doc: PlanDoc; legs: string}> {
  const r = await run({
    mode: 'plan',
    registry: REGISTRY,
    images,
    platforms,
    tags,
    'arch-tags': String(archTags),
    annotations: `index:${INDEX_ANNOTATION.join('=')}\nmanifest:${MANIFEST_ANNOTATION.join('=')}`
  });
  expect(ok(r)).toEqual({code: 0, errors: []});
  return {text: r.main.outputs['plan'], doc: JSON.parse(r.main.outputs['plan']) as PlanDoc, legs: r.main.outputs['legs']};
}

async function buildLeg(p: {text: string}, platforms: string, sha = SHA): Promise<JobResult> {
  const r = await run({mode: 'build', plan: p.text, platforms, 'registry-auth': AUTH}, {sha});
  for (const d of parseDigests(r)) {
    known.add(`${repoOf(d.image)}@${d.content}`);
    known.add(`${repoOf(d.image)}@${d.digest}`);
  }
  return r;
}

function parseDigests(r: JobResult): LegDigest[] {
  try {
    return JSON.parse(r.main.outputs['digests'] ?? '[]') as LegDigest[];
  } catch {
    return [];
  }
}

const merge = (p: {text: string}) => run({mode: 'merge', plan: p.text, 'registry-auth': AUTH}, {timeoutMs: 120_000});

async function headDigest(repo: string, ref: string): Promise<string | undefined> {
  const r = await registryRequest('HEAD', `/v2/${repo}/manifests/${ref}`, {accept: MANIFEST_ACCEPT});
  return r.status === 200 ? String(r.headers['docker-content-digest']) : undefined;
}

async function blobJson(repo: string, digest: string): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await registryRequest('GET', `/v2/${repo}/blobs/${digest}`);
  if (r.status !== 200) throw new Error(`GET blob ${digest} of ${repo}: HTTP ${r.status}`);
  return JSON.parse(r.body.toString('utf8'));
}

/** platform -> manifest digest of an index (attestation manifests left out). */
async function indexPlatforms(repo: string, ref: string): Promise<Record<string, string>> {
  const index = await registryJson(repo, ref);
  const out: Record<string, string> = {};
  for (const m of (index.manifests ?? []) as {digest: string; platform?: {os: string; architecture: string; variant?: string}; annotations?: Record<string, string>}[]) {
    if (!m.platform || m.platform.os === 'unknown' || m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') continue;
    out[[m.platform.os, m.platform.architecture, m.platform.variant].filter(Boolean).join('/')] = m.digest;
  }
  return out;
}

/** The summary's Tag moves table: `image:tag` -> [digest now, outcome]. */
function tagMoves(summary: string): Record<string, [string, string]> {
  const out: Record<string, [string, string]> = {};
  for (const line of summary.split('\n')) {
    const m = /^\| `([^`]+:[^`]+)` \| [a-z]+ \| [^|]+ \| `(sha256:[0-9a-f]{64})` \| (.+?) \|$/.exec(line);
    if (m) out[m[1]] = [m[2], m[3]];
  }
  return out;
}

const legTag = (p: {doc: PlanDoc}, platform: string) => `mp-leg-${p.doc.digest.slice(7, 23)}-${platform.replace('/', '-')}`;
const legOf = (repo: string, platform: string) => legDigests.find(d => repoOf(d.image) === repo && d.platform === platform);
const releaseTags = async (repo: string) => (await tagList(repo)).filter(t => !t.startsWith('mp-leg-'));
const legTags = async (repo: string) => (await tagList(repo)).filter(t => t.startsWith('mp-leg-'));

gate.describe('split release: plan, build legs and merge as separate jobs', () => {
  beforeAll(async () => {
    stub = await startGitHubApiStub({id: 1, name: 'app', full_name: 'acme/app', private: false, owner: {login: 'acme'}, html_url: 'https://github.com/acme/app', description: 'split release', default_branch: 'main', license: null, topics: []});
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-e2e-split-ws-'));
    await execp('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), path.join(workspace, 'rootfs')]);
    // api runs a step on its platform (under QEMU for arm64); worker only copies. The nonce keeps a
    // builder's cache of an earlier run from standing in for the build.
    fs.writeFileSync(
      path.join(workspace, 'api.Dockerfile'),
      ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', `RUN ["/bin/busybox", "sh", "-c", "echo ${NONCE} >/dev/null; /bin/busybox uname -m > /arch"]`, `LABEL org.example.role=api org.example.nonce=${NONCE}`, ''].join('\n')
    );
    fs.writeFileSync(path.join(workspace, 'worker.Dockerfile'), ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox', `LABEL org.example.role=worker org.example.nonce=${NONCE}`, ''].join('\n'));
    [planA, planM, planC, planD, planE, planF] = await Promise.all([
      plan(`name=${API},file=api.Dockerfile\nname=${WORKER},file=worker.Dockerfile`, PLATFORMS.join(','), 'type=raw,value=v1\ntype=raw,value=latest', true),
      plan(`name=${API},file=api.Dockerfile\nname=${WORKER},file=worker.Dockerfile`, PLATFORMS.join(','), 'type=raw,value=v1\ntype=raw,value=latest\ntype=raw,value=v2', true),
      plan(`name=${OTHER},file=worker.Dockerfile`, 'linux/amd64', 'type=raw,value=v3', false),
      plan(`name=${OTHER},file=worker.Dockerfile`, 'linux/amd64', 'type=raw,value=v3\ntype=raw,value=v4', false),
      plan(`name=${OTHER},file=worker.Dockerfile`, 'linux/amd64', 'type=raw,value=v3\ntype=raw,value=v5', false),
      plan(`name=${OTHER},file=worker.Dockerfile`, 'linux/amd64', 'type=raw,value=v3\ntype=raw,value=v6', false)
    ]);
  }, 120_000);

  afterAll(async () => {
    await stub?.close();
    // best effort: every tag of the test's repositories, then every digest the legs reported
    for (const repo of REPOS) {
      const tags = await tagDigests(repo).catch(() => ({}) as Record<string, string>);
      for (const d of new Set(Object.values(tags))) await registryRequest('DELETE', `/v2/${repo}/manifests/${d}`).catch(() => undefined);
    }
    for (const ref of known) {
      const [repo, digest] = ref.split('@');
      await registryRequest('DELETE', `/v2/${repo}/manifests/${digest}`).catch(() => undefined);
    }
    cleanupJobs(jobs);
    if (workspace) fs.rmSync(workspace, {recursive: true, force: true});
  }, 120_000);

  test('mode: plan writes the plan document and the legs matrix', () => {
    const doc = planA!.doc;
    expect(doc.sha).toBe(SHA);
    expect(doc.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(doc.builds.map(b => b.images.map(repoOf))).toEqual([[API], [WORKER]]);
    for (const b of doc.builds) {
      expect(b.platforms).toEqual(PLATFORMS);
      expect(b.tagNames).toEqual(['v1', 'latest']);
      expect(b.archTags?.map(a => a.tagNames)).toEqual([
        ['v1-amd64', 'latest-amd64'],
        ['v1-arm64', 'latest-arm64']
      ]);
    }
    const legs = JSON.parse(planA!.legs) as {runner: string; platforms: string}[];
    expect(legs.flatMap(l => l.platforms.split(',')).sort()).toEqual(PLATFORMS);
    expect(planC!.doc.digest).not.toBe(planD!.doc.digest);
  });

  test('a merge with no leg at all fails naming every image and platform, and creates no tag', async () => {
    const r = await merge(planA!);
    expect(r.main.code).not.toBe(0);
    const message = r.errors.join('\n');
    for (const repo of [API, WORKER]) for (const platform of PLATFORMS) expect(message).toContain(`no leg of ${platform} for ${full(repo)} `);
    expect(message).toContain('no release tag was created or moved');
    expect(r.main.outputs['digest'] ?? '').toBe('');
    for (const repo of [API, WORKER]) expect(await tagList(repo)).toEqual([]);
  }, 120_000);

  test('a build leg refuses a platform the plan does not have, naming platforms', async () => {
    const r = await run({mode: 'build', plan: planA!.text, platforms: 'linux/s390x', 'registry-auth': AUTH});
    expect(r.main.code).not.toBe(0);
    expect(r.errors.join('\n')).toMatch(/platforms/);
    expect(r.errors.join('\n')).toContain('linux/s390x');
    for (const repo of [API, WORKER]) expect(await tagList(repo)).toEqual([]);
  }, 120_000);

  test('the legs linux/amd64 and linux/arm64 (QEMU) run at once, push by digest, write their records and move no release tag', async () => {
    // beside them: plan M's linux/amd64 leg (its linux/arm64 leg is never built), and on its own
    // repository plan C's leg built from another commit (both used by the refusals below)
    const [amd, arm, onlyAmd, foreign] = await Promise.all([buildLeg(planA!, 'linux/amd64'), buildLeg(planA!, 'linux/arm64'), buildLeg(planM!, 'linux/amd64'), buildLeg(planC!, 'linux/amd64', FOREIGN_SHA)]);
    for (const r of [amd, arm, onlyAmd, foreign]) expect(ok(r)).toEqual({code: 0, errors: []});
    expect(foreign.main.stdout).toContain(`::warning::This leg's checkout is commit ${FOREIGN_SHA.slice(0, 12)}, the plan's is ${SHA.slice(0, 12)}: the merge refuses this leg`);
    for (const [r, platform] of [
      [amd, 'linux/amd64'],
      [arm, 'linux/arm64']
    ] as const) {
      const digests = parseDigests(r);
      expect(digests.map(d => [repoOf(d.image), d.platform]).sort()).toEqual([
        [API, platform],
        [WORKER, platform]
      ]);
      for (const d of digests) {
        expect(d.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(d.content).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(await headDigest(repoOf(d.image), d.digest)).toBe(d.digest);
        expect(await headDigest(repoOf(d.image), d.content)).toBe(d.content);
      }
      legDigests.push(...digests);
      // its summary: one row per image with the platform digest and the record's tag, and no tag moved
      for (const d of digests) expect(r.main.summary).toContain(`| \`${d.image}\` | ${platform} | \`${d.digest}\` | \`${d.content.slice(0, 19)}…\` | \`${legTag(planA!, platform)}\` |`);
      expect(r.main.summary).toContain('No release tag was moved');
    }
    // the RUN step ran on arm64 (emulated), the amd64 one natively
    expect(await fileInImage(API, legOf(API, 'linux/arm64')!.digest, 'arch')).toBe('aarch64\n');
    expect(await fileInImage(API, legOf(API, 'linux/amd64')!.digest, 'arch')).toBe('x86_64\n');
    for (const repo of [API, WORKER]) {
      expect(await legTags(repo)).toEqual([legTag(planA!, 'linux/amd64'), legTag(planA!, 'linux/arm64'), legTag(planM!, 'linux/amd64')].sort());
      expect(await releaseTags(repo)).toEqual([]);
    }
  }, 240_000);

  test('a merge with one leg missing (plan M: only linux/amd64 built) fails naming each image and linux/arm64, and no release tag exists', async () => {
    const r = await merge(planM!);
    expect(r.main.code).not.toBe(0);
    const message = r.errors.join('\n');
    // plan A's arm64 leg in the same repository is named as another plan's, and not taken
    for (const repo of [API, WORKER]) expect(message).toContain(`no leg of linux/arm64 for ${full(repo)} (tag ${legTag(planM!, 'linux/arm64')}); the repository has a leg of linux/arm64 of another plan (${legTag(planA!, 'linux/arm64')})`);
    expect(message).not.toContain('linux/amd64 for');
    expect(message).toContain('The merge found 2 problem(s) with the build legs; no release tag was created or moved');
    expect(r.main.summary).toMatch(/^## multiarch-publish: ❌ failed$/m);
    for (const repo of [API, WORKER]) expect(r.main.summary).toContain(`- ❌ no leg of linux/arm64 for ${full(repo)} `);
    expect(r.main.summary).toContain('No tag was moved');
    for (const repo of [API, WORKER]) {
      expect(await releaseTags(repo)).toEqual([]);
      expect((await legTags(repo)).length).toBe(3); // nobody's records were removed
    }
  }, 120_000);

  test('the merge makes every tag an index of exactly the legs\' manifests, with the plan\'s labels and annotations; outputs and summary agree with the registry; the records are gone', async () => {
    expect(legDigests).toHaveLength(4);
    const r = await merge(planA!);
    firstMerge = r;
    expect(ok(r)).toEqual({code: 0, errors: []});
    const doc = planA!.doc;
    const images = JSON.parse(r.main.outputs['images']) as {id: string; names: string[]; digest: string; tags: string[]; archTags?: string[]; platforms: {platform: string; digest: string; size: number}[]}[];
    expect(images.map(i => i.names.map(repoOf))).toEqual([[API], [WORKER]]);
    expect(r.main.outputs['digest']).toBe(images[0].digest);
    // tags: metadata-action's (release tags only, as publish writes it); the per-platform tags are in images
    expect(r.main.outputs['tags'].split('\n')).toEqual(doc.builds.flatMap(b => b.tags));
    for (const [i, repo] of [API, WORKER].entries()) {
      const out = images[i];
      known.add(`${repo}@${out.digest}`);
      expect(out.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(out.tags).toEqual(doc.builds[i].tags);
      expect(out.archTags).toEqual((doc.builds[i].archTags ?? []).flatMap(a => a.tags));
      expect(out.archTags).toHaveLength(4);
      // the outputs' platform digests are the legs' digests outputs
      expect(out.platforms.map(p => [p.platform, p.digest])).toEqual(PLATFORMS.map(pl => [pl, legOf(repo, pl)!.digest]));
      for (const tag of ['v1', 'latest']) {
        expect(await headDigest(repo, tag)).toBe(out.digest);
        expect(await indexPlatforms(repo, tag)).toEqual(Object.fromEntries(PLATFORMS.map(pl => [pl, legOf(repo, pl)!.digest])));
      }
      const index = await registryJson(repo, out.digest);
      const planned = (level: string) => Object.fromEntries(doc.builds[i].annotations.filter(a => a.startsWith(`${level}:`)).map(a => a.slice(level.length + 1).split(/=(.*)/s).slice(0, 2)));
      expect(planned('index')[INDEX_ANNOTATION[0]]).toBe(INDEX_ANNOTATION[1]);
      expect(planned('manifest')[MANIFEST_ANNOTATION[0]]).toBe(MANIFEST_ANNOTATION[1]);
      expect(index.annotations).toEqual(expect.objectContaining(planned('index')));
      expect(index.annotations?.[PLAN_ANNOTATION]).toBe(doc.digest);
      for (const platform of PLATFORMS) {
        const manifest = await registryJson(repo, legOf(repo, platform)!.digest);
        expect(manifest.annotations).toEqual(expect.objectContaining({...planned('manifest'), [PLAN_ANNOTATION]: doc.digest}));
        const config = await blobJson(repo, manifest.config.digest);
        const labels = config.config?.Labels ?? {};
        expect(labels).toEqual(expect.objectContaining(Object.fromEntries(doc.builds[i].labels.map(l => l.split(/=(.*)/s).slice(0, 2)))));
        expect(labels['org.opencontainers.image.revision']).toBe(doc.sha);
        expect(labels['org.opencontainers.image.created']).toBe(doc.created);
        expect(labels['org.example.role']).toBe(i === 0 ? 'api' : 'worker');
        expect(`${config.os}/${config.architecture}`).toBe(platform);
        // the images output's size: config plus layers, compressed
        expect(out.platforms.find(p => p.platform === platform)!.size).toBe(manifest.config.size + (manifest.layers as {size: number}[]).reduce((n, l) => n + l.size, 0));
        // the leg's attestation manifest came along, and the content the leg pushed (its own index) is gone
        const attestations = (index.manifests as {digest: string; annotations?: Record<string, string>}[]).filter(m => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' && m.annotations['vnd.docker.reference.digest'] === legOf(repo, platform)!.digest);
        expect(attestations).toHaveLength(1);
        expect(await headDigest(repo, attestations[0].digest)).toBe(attestations[0].digest);
        expect(await headDigest(repo, legOf(repo, platform)!.content)).toBeUndefined();
      }
      expect(index.manifests).toHaveLength(4);
      // the summary names each image with its index digest, its tags and platforms
      const row = r.main.summary.split('\n').find(l => l.startsWith(`| \`${full(repo)}\` |`));
      expect(row).toBeDefined();
      expect(row).toContain(`\`${out.digest.slice(0, 19)}…\``);
      expect(row).toContain('| `v1` `latest` |');
      expect(row).toContain('| linux/amd64<br>linux/arm64 |');
      // this plan's leg records are gone (plan M's stay: not this merge's), and only the release's tags are left
      expect(await legTags(repo)).toEqual([legTag(planM!, 'linux/amd64')]);
      expect(await releaseTags(repo)).toEqual(['latest', 'latest-amd64', 'latest-arm64', 'v1', 'v1-amd64', 'v1-arm64']);
    }
    expect(r.main.summary).toMatch(/^## multiarch-publish: ✅ published$/m);
    // its Tag moves table: every tag the registry holds, moved, to the digest the registry has for it
    const moves = tagMoves(r.main.summary);
    const registry: Record<string, [string, string]> = {};
    for (const repo of [API, WORKER]) for (const [tag, digest] of Object.entries(await tagDigests(repo))) if (!tag.startsWith('mp-leg-')) registry[`${full(repo)}:${tag}`] = [digest, '✅ moved'];
    expect(moves).toEqual(registry);
    expect(Object.keys(moves)).toHaveLength(12);
    expect(r.main.summary).toContain('No leg records and leg content left: the run removed them.');
  }, 120_000);

  test('arch-tags: <tag>-amd64 and <tag>-arm64 resolve to the legs\' platform manifests', async () => {
    expect(firstMerge?.main.code).toBe(0);
    for (const repo of [API, WORKER]) {
      for (const tag of ['v1', 'latest']) {
        expect(await headDigest(repo, `${tag}-amd64`)).toBe(legOf(repo, 'linux/amd64')!.digest);
        expect(await headDigest(repo, `${tag}-arm64`)).toBe(legOf(repo, 'linux/arm64')!.digest);
      }
    }
  }, 60_000);

  test('a second merge of the same plan (records gone) succeeds with the same index digests', async () => {
    expect(firstMerge?.main.code).toBe(0);
    const before = await Promise.all([API, WORKER].map(repo => tagDigests(repo)));
    const r = await merge(planA!);
    expect(ok(r)).toEqual({code: 0, errors: []});
    expect(r.main.outputs['digest']).toBe(firstMerge!.main.outputs['digest']);
    const digestsOf = (j: JobResult) => (JSON.parse(j.main.outputs['images']) as {digest: string}[]).map(i => i.digest);
    expect(digestsOf(r)).toEqual(digestsOf(firstMerge!));
    expect(await Promise.all([API, WORKER].map(repo => tagDigests(repo)))).toEqual(before);
    const moves = tagMoves(r.main.summary);
    expect(Object.keys(moves)).toHaveLength(12);
    for (const [ref, [digest, outcome]] of Object.entries(moves)) {
      const [repo, tag] = [repoOf(ref.slice(0, ref.lastIndexOf(':'))), ref.slice(ref.lastIndexOf(':') + 1)];
      expect([ref, digest, outcome]).toEqual([ref, before[repo === API ? 0 : 1][tag], '✅ already there']);
    }
  }, 120_000);

  test('a leg built from another commit is refused by the merge, and no release tag is created', async () => {
    const r = await merge(planC!);
    expect(r.main.code).not.toBe(0);
    const message = r.errors.join('\n');
    expect(message).toContain(`linux/amd64 for ${full(OTHER)}`);
    expect(message).toContain(`was built from commit ${FOREIGN_SHA}, not the plan's ${SHA}`);
    expect(message).toContain('no release tag was created or moved');
    expect(await releaseTags(OTHER)).toEqual([]);
  }, 120_000);

  test('a plan whose leg was built with another plan (one more tag) is refused by the merge, naming the other plan\'s leg', async () => {
    const r = await merge(planD!);
    expect(r.main.code).not.toBe(0);
    const message = r.errors.join('\n');
    const cTag = legTag(planC!, 'linux/amd64');
    expect(message).toContain(`no leg of linux/amd64 for ${full(OTHER)} `);
    expect(message).toMatch(new RegExp(`the repository has a leg of linux/amd64 of another plan \\([^)]*${cTag}`));
    expect(message).toContain('no release tag was created or moved');
    expect(await releaseTags(OTHER)).toEqual([]);
  }, 120_000);

  test('a record of this plan whose content was built from another plan is refused, naming the plan the content carries', async () => {
    // plan C's record (its leg's content carries C's digest), re-addressed to plan E and its commit by hand
    const cTag = legTag(planC!, 'linux/amd64');
    const eTag = legTag(planE!, 'linux/amd64');
    const cRecord = await headDigest(OTHER, cTag);
    expect(cRecord).toBeDefined();
    const record = await blobJson(OTHER, (await registryJson(OTHER, cRecord!)).config.digest);
    expect(record.plan).toBe(planC!.doc.digest);
    known.add(`${OTHER}@${await putLegRecord(OTHER, eTag, {...record, plan: planE!.doc.digest, sha: SHA})}`);
    const r = await merge(planE!);
    expect(r.main.code).not.toBe(0);
    const message = r.errors.join('\n');
    expect(message).toContain(`the manifest of linux/amd64 for ${full(OTHER)} (tag ${eTag}) was built from another plan (its ${PLAN_ANNOTATION} is ${planC!.doc.digest}, not ${planE!.doc.digest})`);
    expect(message).toContain('no release tag was created or moved');
    expect(await releaseTags(OTHER)).toEqual([]);
  }, 120_000);

  test('another plan\'s record copied under this plan\'s leg tag is refused, naming the plan it was built from', async () => {
    const fTag = legTag(planF!, 'linux/amd64');
    const cRecord = await headDigest(OTHER, legTag(planC!, 'linux/amd64'));
    const record = await blobJson(OTHER, (await registryJson(OTHER, cRecord!)).config.digest);
    known.add(`${OTHER}@${await putLegRecord(OTHER, fTag, record)}`);
    const r = await merge(planF!);
    expect(r.main.code).not.toBe(0);
    const message = r.errors.join('\n');
    expect(message).toContain(`the leg of linux/amd64 for ${full(OTHER)} (tag ${fTag}) was built from another plan (${planC!.doc.digest}), not ${planF!.doc.digest}`);
    expect(message).toContain('no release tag was created or moved');
    expect(await releaseTags(OTHER)).toEqual([]);
  }, 120_000);
});
