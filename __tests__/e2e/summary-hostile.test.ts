// End to end: hostile values travel through the real engine into the job summary and never become live
// HTML or markdown. The sources are those a fork or a repository admin controls: the branch name, the
// repository's name and description (the GitHub API's answer), the `images` title/description attributes,
// the labels input, the Dockerfile's path, and the command and output of a RUN step that fails (its error
// is the summary's failure line), next to an image that builds fine in the same bake, and a `target` that
// names no stage (the error of bake itself).
//
// Each summary is rendered as GitHub renders it (support/render.ts: GFM, raw HTML passed through, then an
// HTML parser) and compared, element by element, with the summary of a twin run whose values have the
// same shape but no meaning (every character but `/` and line breaks an `x`): every element comes from
// the template, none from a value; no script, image, heading, link or event handler attribute anywhere;
// and every payload is in the rendered text: shown, escaped, not dropped.
import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {runAction, runPost, startGitHubApiStub, repoRoot, cleanupRuns, eventFixturesDir, type GitHubApiStub, type RunResult} from '../support/action.js';
import {exec} from '../support/exec.js';
import {REGISTRY, REGISTRY_PASSWORD, REGISTRY_USER, registryRequest, tagDigests} from '../support/registry.js';
import {buildxProblem, dockerProblem, prerequisites, registryProblem} from '../support/prereqs.js';
import {elements, render, textContent, tree} from '../support/render.js';

const gate = await prerequisites('e2e summary-hostile', [dockerProblem(), buildxProblem(), registryProblem(REGISTRY, {user: REGISTRY_USER, password: REGISTRY_PASSWORD})]);
const NONCE = randomBytes(4).toString('hex');
const SHA = 'e'.repeat(40);
const temps: string[] = [];
const runs: RunResult[] = [];
const repos: string[] = [];
let runCount = 0;

/** Payloads that would add an element, a comment, a link, or break out of a code span, fence, cell or details. */
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</details><h1>x</h1>',
  '</summary></details><details open>',
  '`` ``` ` ``',
  '| a | b |',
  '[a](javascript:x)',
  '<!--',
  '<script>alert(1)</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<iframe src=javascript:alert(1)>',
  '## h2 from a value'
];

/** The same kinds, as git allows them in a branch name (no spaces, `:`, `[`, `\`, `~^?*`, `..`). */
const BRANCH = [
  '<img/src=x/onerror=alert(1)>',
  '</details><h1>x</h1>',
  '</summary></details><details/open>',
  '``x```y`',
  '|a|b|',
  '<a/href=javascript&#58;x>y</a>',
  '<!--',
  '<script>alert(1)</script>',
  '&lt;script&gt;',
  '"q"\'s\'!(=)#{x}'
];

/** Lines a failing RUN step prints (its command holds them too, and is the summary's failure line): CR/LF
 *  inside, entities, markup; each its own, so that finding it in the summary means the failure put it there. */
const BUILD_OUTPUT = [
  '<img src=y onerror=alert(2)>\r\n</details><h2>run</h2>',
  'progress\r</summary></details><details open><summary>run',
  '&lt;b&gt;run&lt;/b&gt; <script>alert(2)</script> | c | d |',
  '```` [run](javascript:y) <!-- run'
];

/** The same shape with no meaning: every character but `/` and a line break becomes `x`. */
const benign = (s: string) => s.replace(/[^\r\n/]/g, 'x');

function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mp-e2e-sumhostile-${name}-`));
  temps.push(dir);
  return dir;
}

let busybox = '';
beforeAll(async () => {
  if (!gate.ready) return;
  busybox = tempDir('busybox');
  await exec('bash', [path.join(repoRoot, 'scripts', 'busybox-static.sh'), busybox]);
}, 120_000);

afterAll(async () => {
  for (const repo of repos) {
    try {
      for (const d of new Set(Object.values(await tagDigests(repo)))) await registryRequest('DELETE', `/v2/${repo}/manifests/${d}`);
    } catch {
      // the registry may not allow deletes: the nonce keeps runs apart
    }
  }
  cleanupRuns(...runs);
  for (const d of temps) fs.rmSync(d, {recursive: true, force: true});
});

const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A Dockerfile that builds (a busybox and a nonce), or one whose RUN prints `lines` and fails. */
function dockerfile(failing?: string[]): string {
  const base = ['FROM scratch', 'ARG TARGETARCH', 'COPY rootfs/busybox-${TARGETARCH} /bin/busybox'];
  if (!failing) return [...base, `RUN ["/bin/busybox", "sh", "-c", "/bin/busybox echo ${NONCE}-${runCount} > /nonce"]`, ''].join('\n');
  // exec form: the JSON string carries CR and LF into the script, printf prints them as they are
  const script = failing.map(l => `/bin/busybox printf '%s\\n' '${l.replace(/'/g, `'\\''`)}'`).join('; ') + `; exit 3`;
  // it fails late: bake cancels the other targets' pushes when one fails (a cancelled push reads as a failed one)
  return [...base, `RUN ${JSON.stringify(['/bin/busybox', 'sh', '-c', `: ${NONCE}-${runCount}; /bin/busybox sleep 6; ${script}`])}`, ''].join('\n');
}

interface Scene {
  /** The branch name after `refs/heads/`. */
  branch: string;
  /** The repository's name and description in the GitHub API's answer. */
  repoName: string;
  description: string;
  /** Image a: title and description attributes, and its Dockerfile's directory. */
  title: string;
  imageDescription: string;
  dockerfileDir: string[];
  labels: string[];
  /** Image c, when set: a Dockerfile (in dockerfileDir) whose RUN prints these lines and fails. */
  failing?: string[];
  /** Image d, when set: image a's Dockerfile with this target (no such stage: the build fails). */
  target?: string;
  dryRun?: boolean;
}

/** Every string of a scene through `f` (benign twin: `benign`). */
function mapScene(s: Scene, f: (v: string) => string): Scene {
  return {
    branch: s.branch.split('/').map(f).join('/'),
    repoName: f(s.repoName),
    description: f(s.description),
    title: f(s.title),
    imageDescription: f(s.imageDescription),
    dockerfileDir: s.dockerfileDir.map(f),
    labels: s.labels.map(l => l.slice(0, l.indexOf('=') + 1) + f(l.slice(l.indexOf('=') + 1))),
    failing: s.failing?.map(f),
    target: s.target === undefined ? undefined : f(s.target),
    dryRun: s.dryRun
  };
}

async function run(scene: Scene): Promise<RunResult> {
  const k = ++runCount;
  const ns = `e2e-sumhostile-${NONCE}-${k}`;
  repos.push(`${ns}/a`, `${ns}/b`, `${ns}/c`, `${ns}/d`);
  const ws = tempDir('ws');
  fs.cpSync(busybox, path.join(ws, 'rootfs'), {recursive: true});
  const dir = path.join(ws, ...scene.dockerfileDir);
  fs.mkdirSync(dir, {recursive: true});
  fs.writeFileSync(path.join(dir, 'Dockerfile'), dockerfile());
  fs.writeFileSync(path.join(ws, 'Dockerfile'), dockerfile());
  const file = path.relative(ws, path.join(dir, 'Dockerfile'));
  const images = [
    [`name=${ns}/a`, `file=${file}`, `title=${scene.title}`, `description=${scene.imageDescription}`].map(csvField).join(','),
    `${ns}/b`
  ];
  if (scene.failing) {
    fs.writeFileSync(path.join(dir, 'Dockerfile.failing'), dockerfile(scene.failing));
    images.push([`name=${ns}/c`, `file=${file}.failing`].map(csvField).join(','));
  }
  if (scene.target !== undefined) images.push([`name=${ns}/d`, `file=${file}`, `target=${scene.target}`].map(csvField).join(','));
  const ref = `refs/heads/${scene.branch}`;
  // a name git takes as a branch, as a fork can push it
  execFileSync('git', ['check-ref-format', ref]);
  const repo = {...JSON.parse(fs.readFileSync(path.join(eventFixturesDir, 'repo.json'), 'utf8')), name: scene.repoName, description: scene.description};
  const stub: GitHubApiStub = await startGitHubApiStub(repo);
  const event = path.join(tempDir('event'), 'event.json');
  fs.writeFileSync(event, JSON.stringify({ref, after: SHA, repository: {default_branch: 'main', full_name: 'acme/app'}, head_commit: {id: SHA}}));
  try {
    const r = await runAction({
      cwd: ws,
      timeoutMs: 300_000,
      env: {
        ...(process.env.DOCKER_HOST ? {DOCKER_HOST: process.env.DOCKER_HOST} : {}),
        HOME: tempDir('home'),
        PATH: process.env.PATH ?? '',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: event,
        GITHUB_REF: ref,
        GITHUB_REF_NAME: scene.branch,
        GITHUB_REF_TYPE: 'branch',
        GITHUB_SHA: SHA,
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_ACTOR: 'bot',
        GITHUB_RUN_ID: String(6_000_000_000 + Math.floor(Math.random() * 1e9)),
        GITHUB_WORKSPACE: ws,
        GITHUB_API_URL: stub.url
      },
      inputs: {
        registry: REGISTRY,
        images: images.join('\n'),
        platforms: 'linux/amd64',
        // not type=ref: the branch, sanitised, would be a tag over 128 characters; it reaches the summary as the ref
        tags: 'type=sha\ntype=raw,value=edge',
        labels: scene.labels.join('\n'),
        'dry-run': scene.dryRun ? 'true' : 'false',
        'registry-auth': `- registry: ${REGISTRY}\n  username: ${REGISTRY_USER}\n  password: ${REGISTRY_PASSWORD}\n`,
        'github-token': 'e2e-token'
      }
    });
    runs.push(r);
    if (process.env.E2E_DEBUG) fs.writeFileSync(`/tmp/sumhostile-${NONCE}-${k}.log`, r.log);
    const post = await runPost(r);
    expect(post.code).toBe(0);
    return r;
  } finally {
    await stub.close();
  }
}

const SCENE: Scene = {
  branch: `feat/${BRANCH.join('/')}`,
  repoName: HOSTILE.join(' '),
  description: `${HOSTILE.join(' ')}\r\n<h2>after a line break</h2>\n\n<h1>after a blank line</h1>`,
  title: HOSTILE.slice(0, 6).join(' '),
  imageDescription: HOSTILE.slice(5).join(' '),
  dockerfileDir: HOSTILE,
  labels: HOSTILE.map((h, i) => `hostile.${i}=${h}`)
};

/** The payload is shown: as it is, or as JSON or a Go %q string writes it, one line break part at a time. */
function shown(text: string, payload: string): boolean {
  const forms = (p: string) => [p, p.replace(/\|/g, '\\|'), JSON.stringify(p).slice(1, -1)];
  const parts = payload.split(/\r\n|\r|\n/).filter(p => p.trim() !== '');
  return forms(payload).some(f => text.includes(f)) || parts.every(p => forms(p).some(f => text.includes(f) || text.includes(f.trim())));
}

const FORBIDDEN = ['img', 'script', 'iframe', 'h1', 'a', 'object', 'embed', 'style', 'form', 'input', 'svg', 'math', 'base', 'meta', 'link', 'frame', 'video', 'audio', 'source'];

function assertInert(hostile: RunResult, twin: RunResult, payloads: string[], detailsCount: number): void {
  expect(hostile.summary).not.toBe('');
  const bad = render(hostile.summary);
  const good = render(twin.summary);
  // the element tree is the template's: the same as the benign twin's (a run of list items counts as one:
  // how many targets bake reports failed, rather than cancelled, depends on its timing)
  const shape = (t: string[]) => t.filter((l, i) => !(l.trim() === 'li' && t[i - 1] === l));
  expect(shape(tree(bad))).toEqual(shape(tree(good)));
  const els = elements(bad);
  expect(els.filter(e => FORBIDDEN.includes(e.name)).map(e => e.name)).toEqual([]);
  expect(els.filter(e => e.name === 'h2')).toHaveLength(1); // the summary's title
  expect(els.flatMap(e => e.attrs.filter(a => /^on/i.test(a.name)))).toEqual([]);
  expect(els.flatMap(e => e.attrs.filter(a => /^\s*(javascript|data|vbscript):/i.test(a.value)))).toEqual([]);
  expect(els.filter(e => e.name === 'details')).toHaveLength(detailsCount);
  expect(els.filter(e => e.name === 'summary')).toHaveLength(detailsCount);
  expect(tree(bad).filter(l => l.trim() === '#comment')).toEqual([]);
  // shown, not dropped
  const text = textContent(bad);
  expect(payloads.filter(p => !shown(text, p))).toEqual([]);
}

gate.describe('hostile values in the job summary, through the real engine', () => {
  test('a publish: branch, repository name and description, image title/description, labels, Dockerfile path', async () => {
    const hostile = await run(SCENE);
    const twin = await run(mapScene(SCENE, benign));
    if (process.env.E2E_DEBUG) fs.writeFileSync(`/tmp/sumhostile-publish-${NONCE}.md`, hostile.summary);
    expect(hostile.code).toBe(0);
    expect(twin.code).toBe(0);
    // tag moves and the bake definition, each in its details
    assertInert(hostile, twin, [...HOSTILE, ...BRANCH, `refs/heads/${SCENE.branch}`], 2);
  }, 600_000);

  test('a failing RUN step next to an image that builds: the error line with its CR/LF, in the summary', async () => {
    const scene = {...SCENE, failing: BUILD_OUTPUT};
    const hostile = await run(scene);
    const twin = await run(mapScene(scene, benign));
    if (process.env.E2E_DEBUG) fs.writeFileSync(`/tmp/sumhostile-failing-${NONCE}.md`, hostile.summary);
    expect(hostile.code).toBe(1);
    expect(twin.code).toBe(1);
    for (const r of [hostile, twin]) {
      expect(r.summary).toMatch(/Build of .*\/c failed/);
      expect(r.summary).not.toMatch(/(Build of|Pushing) .*\/[ab] failed/);
    }
    // the bake definition's details
    assertInert(hostile, twin, [...HOSTILE, ...BRANCH, ...BUILD_OUTPUT], 1);
  }, 600_000);

  test('a target stage that does not exist, its name hostile: the error of bake itself, in the summary', async () => {
    const scene = {...SCENE, target: HOSTILE.join(' ')};
    const hostile = await run(scene);
    const twin = await run(mapScene(scene, benign));
    if (process.env.E2E_DEBUG) fs.writeFileSync(`/tmp/sumhostile-target-${NONCE}.md`, hostile.summary);
    expect(hostile.code).toBe(1);
    expect(twin.code).toBe(1);
    expect(hostile.stdout).toMatch(/::error::Nothing was tagged: the bake failed/);
    expect(hostile.summary).toMatch(/The build or push failed: failed to solve: target stage/);
    assertInert(hostile, twin, [...HOSTILE, ...BRANCH, HOSTILE.join(' ')], 1);
  }, 600_000);

  test('a dry run: the plan summary (Dockerfile column, labels in their details)', async () => {
    const scene = {...SCENE, dryRun: true};
    const hostile = await run(scene);
    const twin = await run(mapScene(scene, benign));
    if (process.env.E2E_DEBUG) fs.writeFileSync(`/tmp/sumhostile-dry-${NONCE}.md`, hostile.summary);
    expect(hostile.code).toBe(0);
    // one labels section per build
    assertInert(hostile, twin, [...HOSTILE, ...BRANCH], 2);
  }, 300_000);
});
