import {afterAll, afterEach, beforeEach, describe, expect, jest, test} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {metadataOutputs, planJson, policyLine, formatPlan, planSummary, publishSummary, writeOutputs, writeSummary, bakeFiles, writeBakeFiles, BAKE_FILE_NAMES, ENV_OUTPUTS} from '../../src/report/index.js';
import {flushSummary} from '../../src/action/runner.js';
import {code, text, html, codeBlock, logValue} from '../../src/report/escape.js';
import {InputErrors} from '../../src/pipeline/inputs/errors.js';
import {runPipeline, type PipelineOptions} from '../support/pipeline.js';
import {removeTempDirs, tempDir} from '../support/git.js';
import {parseOutputs} from '../support/action.js';

afterAll(() => removeTempDirs());

const RELEASE: PipelineOptions = {
  event: 'event_tag_v1.1.1',
  env: {GITHUB_REF: 'refs/tags/v1.2.3'},
  inputs: {
    images: ['name=app,context=app,target=prod,platforms=linux/amd64', 'quay.io/octo/app,context=app,target=prod,platforms=linux/amd64', 'name=worker,file=worker.Dockerfile'],
    tags: ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}', 'type=sha'],
    labels: ['maintainer=octo'],
    annotations: ['index:org.opencontainers.image.vendor=Octo']
  }
};

describe('metadataOutputs', () => {
  test('metadata-action\'s outputs, plus tag-names and plan', async () => {
    const {inputs, metadata, plan} = await runPipeline(RELEASE);
    const out = metadataOutputs(inputs, metadata, plan);
    expect(Object.keys(out).sort()).toEqual(['annotations', 'json', 'labels', 'plan', 'tag-names', 'tags', 'version']);
    expect(out.version).toBe('1.2.3');
    expect(out['tag-names']).toBe('1.2.3\n1.2\nsha-860c190\nlatest');
    expect(out.tags.split('\n')).toEqual([
      'ghcr.io/docker/app:1.2.3',
      'ghcr.io/docker/app:1.2',
      'ghcr.io/docker/app:sha-860c190',
      'ghcr.io/docker/app:latest',
      'quay.io/octo/app:1.2.3',
      'quay.io/octo/app:1.2',
      'quay.io/octo/app:sha-860c190',
      'quay.io/octo/app:latest',
      'ghcr.io/docker/worker:1.2.3',
      'ghcr.io/docker/worker:1.2',
      'ghcr.io/docker/worker:sha-860c190',
      'ghcr.io/docker/worker:latest'
    ]);
    expect(out.labels.split('\n')).toEqual(metadata.labels);
    expect(out.labels).toContain('maintainer=octo');
    expect(out.annotations.split('\n')).toEqual(metadata.annotations);
    expect(out.annotations).toContain('index:org.opencontainers.image.vendor=Octo');
  });

  test('json: tags, tag-names, labels as an object, annotations', async () => {
    const {inputs, metadata, plan} = await runPipeline(RELEASE);
    const json = JSON.parse(metadataOutputs(inputs, metadata, plan).json);
    expect(Object.keys(json)).toEqual(['tags', 'tag-names', 'labels', 'annotations']);
    expect(json.tags).toEqual(plan.builds.flatMap(b => b.tags));
    expect(json['tag-names']).toEqual(['1.2.3', '1.2', 'sha-860c190', 'latest']);
    expect(json.labels).toEqual({
      maintainer: 'octo',
      'org.opencontainers.image.created': '2024-06-28T14:30:22.000Z',
      'org.opencontainers.image.description': 'This your first repo!',
      'org.opencontainers.image.licenses': 'MIT',
      'org.opencontainers.image.revision': '860c1904a1ce19322e91ac35af1ab07466440c37',
      'org.opencontainers.image.source': 'https://github.com/octocat/Hello-World',
      'org.opencontainers.image.title': 'Hello-World',
      'org.opencontainers.image.url': 'https://github.com/octocat/Hello-World',
      'org.opencontainers.image.version': '1.2.3'
    });
    expect(json.annotations).toEqual(metadata.annotations);
  });

  test('a label value with = stays whole in the json labels', async () => {
    const {inputs, metadata, plan} = await runPipeline({event: 'event_push_master', inputs: {labels: ['url=https://x/?a=b']}});
    expect(JSON.parse(metadataOutputs(inputs, metadata, plan).json).labels.url).toBe('https://x/?a=b');
  });

  test.each([
    [' ', 'ghcr.io/docker/app:master ghcr.io/docker/app:sha-2665741', 'master sha-2665741'],
    [',', 'ghcr.io/docker/app:master,ghcr.io/docker/app:sha-2665741', 'master,sha-2665741'],
    ['', 'ghcr.io/docker/app:master\nghcr.io/docker/app:sha-2665741', 'master\nsha-2665741']
  ])('sep-tags %j', async (sep, tags, names) => {
    const {inputs, metadata, plan} = await runPipeline({event: 'event_push_master', inputs: {images: 'app', tags: ['type=ref,event=branch', 'type=sha'], 'sep-tags': sep}});
    const out = metadataOutputs(inputs, metadata, plan);
    expect(out.tags).toBe(tags);
    expect(out['tag-names']).toBe(names);
  });

  test.each([
    ['sep-labels', ';', 'labels'],
    ['sep-annotations', ' ', 'annotations']
  ] as const)('%s %j', async (input, sep, output) => {
    const {inputs, metadata, plan} = await runPipeline({event: 'event_push_master', inputs: {[input]: sep}});
    const out = metadataOutputs(inputs, metadata, plan);
    expect(out[output]).toBe(metadata[output].join(sep));
  });

  test('no version: empty version and tags', async () => {
    const {inputs, metadata, plan} = await runPipeline({event: 'event_push_master', inputs: {images: 'app', tags: ['type=ref,event=pr']}});
    const out = metadataOutputs(inputs, metadata, plan);
    expect([out.version, out.tags, out['tag-names']]).toEqual(['', '', '']);
    expect(JSON.parse(out.json).tags).toEqual([]);
  });
});

describe('plan output', () => {
  test('one entry per build with the documented fields', async () => {
    const {inputs, metadata, plan} = await runPipeline({...RELEASE, inputs: {...RELEASE.inputs, policy: ['max-tags=3']}});
    const entries = JSON.parse(metadataOutputs(inputs, metadata, plan).plan);
    expect(entries).toEqual(planJson(plan));
    expect(entries).toHaveLength(2);
    for (const e of entries) {
      expect(Object.keys(e)).toEqual(['id', 'images', 'file', 'context', 'target', 'platforms', 'tags', 'labels', 'annotations', 'buildArgs', 'push', 'policy']);
    }
    const [app, worker] = entries;
    expect(app).toMatchObject({
      id: 'app',
      images: ['ghcr.io/docker/app', 'quay.io/octo/app'],
      file: 'app/Dockerfile',
      context: 'app',
      target: 'prod',
      platforms: ['linux/amd64'],
      push: true,
      buildArgs: {VERSION: '1.2.3', VCS_REF: '860c190'}
    });
    expect(app.tags).toHaveLength(8);
    expect(worker).toMatchObject({id: 'worker', images: ['ghcr.io/docker/worker'], file: 'worker.Dockerfile', context: '.', target: null, platforms: ['linux/amd64', 'linux/arm64']});
    expect(app.policy.allowed).toBe(false);
    expect(app.policy.violations).toHaveLength(2);
    expect(worker.policy.violations.map((v: {image: string}) => v.image)).toEqual(['ghcr.io/docker/worker']);
  });
});

describe('policyLine', () => {
  test.each([
    [[], 'no tag policy'],
    [['max-tags=10'], 'allowed (1 rule: max-tags=10)'],
    [['max-tags=10', 'require-sha=true'], 'allowed (2 rules: max-tags=10; require-sha=true)'],
    [['max-tags=1'], 'REFUSED: 1 violation'],
    [['max-tags=1', 'deny-latest=**'], 'REFUSED: 2 violations']
  ])('%j -> %s', async (policy, line) => {
    const {plan} = await runPipeline({event: 'event_tag_v1.1.1', inputs: {images: 'app', tags: ['type=semver,pattern={{version}}', 'type=sha'], policy}});
    expect(policyLine(plan)).toBe(line);
  });
});

describe('formatPlan', () => {
  test('the plan as text', async () => {
    const {plan} = await runPipeline({
      event: 'event_push_master',
      inputs: {images: ['app', 'name=tools,file=tools.Dockerfile,target=cli'], tags: ['type=ref,event=branch', 'type=sha'], 'build-args': 'X=1', policy: ['max-tags=1']}
    });
    const text = formatPlan(plan, 'multiarch-publish plan');
    const lines = text.split('\n');
    expect(lines[0]).toBe('multiarch-publish plan');
    expect(lines[1]).toBe('ref refs/heads/master · commit 2665741 · event push · version master');
    expect(lines[2]).toBe('push: yes (push event)');
    expect(text).toContain('\nbuild app: ghcr.io/docker/app\n  file Dockerfile · context . · platforms linux/amd64, linux/arm64\n  tags:\n    ghcr.io/docker/app:master\n    ghcr.io/docker/app:sha-2665741\n  labels:\n');
    expect(text).toContain('\nbuild tools: ghcr.io/docker/tools\n  file tools.Dockerfile · context . · target cli · platforms linux/amd64, linux/arm64\n');
    expect(text).toContain('\n    org.opencontainers.image.version=master\n');
    expect(text).toContain('\n  annotations:\n    manifest:org.opencontainers.image.created=2024-06-28T14:30:22.000Z\n');
    expect(text).toContain('\n  build args:\n    VERSION=master\n    BUILD_DATE=2024-06-28T14:30:22.000Z\n    VCS_REF=2665741\n    COMMIT_SHA=266574110acf203503badf966df2ea24b5d732d7\n    X=1\n');
    expect(text).toContain('\npolicy: REFUSED: 2 violations\n  ✗ ghcr.io/docker/app would get 2 tags, more than max-tags=1: master, sha-2665741\n  ✗ ghcr.io/docker/tools would get 2 tags');
  });

  test.each([
    ['event_pull_request', {images: 'app'}, ['ref refs/pull/15/merge · commit a9c8c58 · event pull_request · version pr-15', 'push: no (pull_request event: built as a check, not pushed)']],
    ['event_empty', {images: ''}, ['ref (none) · commit (none) · event (none) · version (none)', 'push: no (unknown event: not a publishing event (set push: true to publish))']]
  ])('%s: the header lines', async (event, inputs, header) => {
    const {plan} = await runPipeline({event, inputs});
    expect(formatPlan(plan, 'h').split('\n').slice(1, 3)).toEqual(header);
  });

  test('bare tags and no tags', async () => {
    const {plan} = await runPipeline({event: 'event_push_master', inputs: {images: '', tags: ['type=ref,event=pr'], 'default-build-args': 'false'}});
    const text = formatPlan(plan, 'h');
    expect(text).toContain('build default: (no image name: bare tags)');
    expect(text).toContain('  tags (none: nothing would be published):\n  labels:');
    expect(text).not.toContain('build args:');
    expect(text).toMatch(/\npolicy: no tag policy$/);
  });
});

describe('planSummary', () => {
  test('a table row per build and the policy verdict', async () => {
    const {plan} = await runPipeline({...RELEASE, inputs: {...RELEASE.inputs, policy: ['require-semver=refs/tags/v*']}});
    const md = planSummary(plan, 'multiarch-publish: plan (dry run)');
    const lines = md.split('\n');
    expect(lines[0]).toBe('## multiarch-publish: plan (dry run)');
    expect(md).toContain('**Ref** `refs/tags/v1.2.3` · **commit** `860c190` · **version** `1.2.3` · **push** yes (push event)');
    const header = lines.indexOf('| image | tags | platforms | Dockerfile |');
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toBe('| --- | --- | --- | --- |');
    expect(lines.slice(header + 2, header + 4)).toEqual([
      '| `ghcr.io/docker/app`<br>`quay.io/octo/app` | `1.2.3` `1.2` `sha-860c190` `latest` | linux/amd64 | app/Dockerfile |',
      '| `ghcr.io/docker/worker` | `1.2.3` `1.2` `sha-860c190` `latest` | linux/amd64<br>linux/arm64 | worker.Dockerfile |'
    ]);
    expect(lines[header + 4]).toBe('');
    expect(md).toContain('**Tag policy:** ✅ allowed (1 rule: require-semver=refs/tags/v\\*)');
    expect(md).toContain('<details><summary>Labels and annotations of ghcr.io/docker/app</summary>');
    expect(md).toContain('<details><summary>Labels and annotations of ghcr.io/docker/worker</summary>');
    expect(md).toContain('org.opencontainers.image.version=1.2.3');
  });

  test('a refused plan lists every violation', async () => {
    const {plan} = await runPipeline({event: 'event_push_master', inputs: {images: ['a', 'name=b,file=b.Dockerfile'], tags: ['type=ref,event=branch'], policy: ['require-sha=true']}});
    const md = planSummary(plan, 't');
    expect(md).toContain('**Tag policy:** ❌ REFUSED: 2 violations');
    expect(md).toContain('- ghcr.io/docker/a has no tag that carries the commit SHA 2665741 as a whole token (require-sha)');
    expect(md).toContain('- ghcr.io/docker/b has no tag that carries the commit SHA 2665741 as a whole token (require-sha)');
  });

  test('bare tags, no tags, no policy; | in a cell is escaped', async () => {
    const {plan} = await runPipeline({event: 'event_pull_request', inputs: {images: '', tags: ['type=ref,event=branch']}});
    plan.builds[0].file = 'a|b.Dockerfile';
    const md = planSummary(plan, 't');
    expect(md).toContain('| _(bare tags)_ | _none_ | linux/amd64<br>linux/arm64 | a\\|b.Dockerfile |');
    expect(md).toContain('**version** `none` · **push** no (pull_request event: built as a check, not pushed)');
    expect(md).toContain('**Tag policy:** ✅ no tag policy');
    expect(md).toContain('<details><summary>Labels and annotations of default</summary>');
  });
});

describe('bake files', () => {
  const SINGLE: PipelineOptions = {event: 'event_push_dev', inputs: {images: 'user/app', registry: 'docker.io', tags: ['type=ref,event=branch', 'type=raw,my']}};

  test('metadata-action\'s four definitions, target docker-metadata-action', async () => {
    const {inputs, metadata, plan} = await runPipeline(SINGLE);
    const f = bakeFiles(inputs, metadata, plan);
    const labels = Object.fromEntries(metadata.labels.map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    const args = {DOCKER_META_IMAGES: 'user/app', DOCKER_META_VERSION: 'dev'};
    expect(f['bake-file-tags']).toEqual({target: {'docker-metadata-action': {tags: ['user/app:dev', 'user/app:my'], args}}});
    expect(f['bake-file-labels']).toEqual({target: {'docker-metadata-action': {labels}}});
    expect(f['bake-file-annotations']).toEqual({target: {'docker-metadata-action': {annotations: metadata.annotations}}});
    expect(f['bake-file']).toEqual({target: {'docker-metadata-action': {tags: ['user/app:dev', 'user/app:my'], labels, args}}});
    // key order is metadata-action's, since the files are compared as text too
    expect(Object.keys(f['bake-file'].target['docker-metadata-action'])).toEqual(['tags', 'labels', 'args']);
  });

  test('bake-target renames the target; no version leaves DOCKER_META_VERSION out', async () => {
    const {inputs, metadata, plan} = await runPipeline({...SINGLE, inputs: {...SINGLE.inputs, tags: ['type=ref,event=pr'], 'bake-target': 'meta'}});
    const text = JSON.stringify(bakeFiles(inputs, metadata, plan)['bake-file-tags'], null, 2);
    expect(JSON.parse(text)).toEqual({target: {meta: {tags: [], args: {DOCKER_META_IMAGES: 'user/app'}}}});
  });

  test('several builds: the metadata-action target with everything, and one target per build', async () => {
    const {inputs, metadata, plan} = await runPipeline({...RELEASE, inputs: {...RELEASE.inputs, images: [...(RELEASE.inputs!.images as string[]), 'name=site,title=Site']}});
    const f = bakeFiles(inputs, metadata, plan);
    const ids = plan.builds.map(b => b.id);
    expect(ids).toEqual(['app', 'worker', 'site']);
    expect(Object.keys(f['bake-file-tags'].target)).toEqual(['docker-metadata-action', 'docker-metadata-action-app', 'docker-metadata-action-worker', 'docker-metadata-action-site']);
    const all = f['bake-file-tags'].target['docker-metadata-action'];
    expect(all.tags).toEqual(metadataOutputs(inputs, metadata, plan).tags.split('\n'));
    expect(all.args).toEqual({DOCKER_META_IMAGES: 'ghcr.io/docker/app,quay.io/octo/app,ghcr.io/docker/worker,ghcr.io/docker/site', DOCKER_META_VERSION: '1.2.3'});
    expect(f['bake-file-tags'].target['docker-metadata-action-app'].args!.DOCKER_META_IMAGES).toBe('ghcr.io/docker/app,quay.io/octo/app');
    expect(f['bake-file-tags'].target['docker-metadata-action-worker'].tags).toEqual(plan.builds[1].tags);
    // the repository-wide labels in the shared target, the image's own title in its target
    expect(f['bake-file-labels'].target['docker-metadata-action'].labels!['org.opencontainers.image.title']).toBe('Hello-World');
    expect(f['bake-file-labels'].target['docker-metadata-action-site'].labels!['org.opencontainers.image.title']).toBe('Site');
    expect(f['bake-file-annotations'].target['docker-metadata-action-site'].annotations).toContain('manifest:org.opencontainers.image.title=Site');
  });

  test('written as metadata-action writes them: its file names, JSON indented by 2, in a fresh directory under RUNNER_TEMP', async () => {
    const {inputs, metadata, plan} = await runPipeline(SINGLE);
    const temp = tempDir('mp-bake-');
    const one = writeBakeFiles(inputs, metadata, plan, {RUNNER_TEMP: temp});
    const two = writeBakeFiles(inputs, metadata, plan, {RUNNER_TEMP: temp});
    expect(Object.keys(one)).toEqual(['bake-file-tags', 'bake-file-labels', 'bake-file-annotations', 'bake-file']);
    const f = bakeFiles(inputs, metadata, plan);
    for (const [name, file] of Object.entries(one) as [keyof typeof one, string][]) {
      expect(path.dirname(path.dirname(file))).toBe(temp);
      expect(path.basename(path.dirname(file))).toMatch(/^multiarch-publish-bake-/);
      expect(path.basename(file)).toBe(BAKE_FILE_NAMES[name]);
      expect(fs.readFileSync(file, 'utf8')).toBe(JSON.stringify(f[name], null, 2));
      expect(two[name]).not.toBe(file);
    }
  });
});

describe('bake-target input', () => {
  test.each(['meta', 'Docker_meta-2', '0'])('%j is a valid target name', async name => {
    const {inputs} = await runPipeline({event: 'event_push_dev', inputs: {'bake-target': name}});
    expect(inputs.bakeTarget).toBe(name);
  });

  test('empty: docker-metadata-action', async () => {
    expect((await runPipeline({event: 'event_push_dev', inputs: {'bake-target': ''}})).inputs.bakeTarget).toBe('docker-metadata-action');
  });

  test.each(['my.target', 'a b', 'x/y', 'tâche'])('%j is an input error naming the input', async name => {
    const err = await runPipeline({event: 'event_push_dev', inputs: {'bake-target': name}}).catch(e => e);
    expect(err).toBeInstanceOf(InputErrors);
    expect((err as Error).message).toBe(`Input "bake-target": a bake target name is made of letters, digits, "_" and "-" only (as buildx requires) (in: ${name})`);
  });
});

describe('escape', () => {
  test.each([
    // a delimiter one backtick longer than the longest run inside, padded where the value starts/ends with one
    ['a`b|c\nd', '``a`b\\|c d``'],
    ['plain', '`plain`'],
    ['```', '```` ``` ````'],
    ['`x', '`` `x ``'],
    [' x ', '`  x  `'],
    ['a ``` b ` c', '````a ``` b ` c````'],
    // every `|` ends up after an odd run of backslashes, so the table row is never split
    ['a\\|b', '`a\\\\\\|b`'],
    ['a\\\\|b', '`a\\\\\\|b`'],
    ['a\r\nb\rc', '`a b c`'],
    ['', '``']
  ])('code(%j) = %s: no backtick, pipe or line break can leave the span or the table row', (value, expected) => {
    expect(code(value)).toBe(expected);
  });

  test.each([
    ['# h', '\\# h'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. one', '1\\. one'],
    ['12) one', '12\\) one'],
    ['    code', 'code'],
    ['https://x.example www.x.example WWW.y me@x.example mailto:a', 'https\\://x.example www\\.x.example WWW\\.y me\\@x.example mailto\\:a'],
    ['$x$ ![i](j) #1 @me', '\\$x\\$ \\!\\[i\\](j) \\#1 \\@me'],
    ['time: 12:30', 'time: 12:30']
  ])('text(%j) = %s', (value, expected) => {
    expect(text(value)).toBe(expected);
  });

  test('text: markup and HTML are escaped, an intraword _ is kept, line breaks become <br>', () => {
    expect(text('pull_request _x_ *b* [l](u) <img> a|b ~s~ &amp; \\ `c`\nz')).toBe('pull_request \\_x\\_ \\*b\\* \\[l\\](u) \\<img\\> a\\|b \\~s\\~ \\&amp; \\\\ \\`c\\`<br>z');
  });

  test('html: for <summary>', () => {
    expect(html('<a href="x">&</a>\n')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt; ');
  });

  test('codeBlock: a fence longer than any backtick run inside', () => {
    expect(codeBlock(['a', 'x=```y'])).toEqual(['````', 'a', 'x=```y', '````']);
    expect(codeBlock(['{}'], 'json')).toEqual(['```json', '{}', '```']);
  });

  test('logValue: a line break cannot start a workflow command', () => {
    expect(logValue('a\n::error::x\r')).toBe('a\\n::error::x\\r');
  });

  test('a label that tries to close the code block, a file name with HTML: escaped in the summaries', async () => {
    const {plan} = await runPipeline({event: 'event_push_master', inputs: {images: ['name=app,title=<b>x</b>'], labels: ['evil=```\n<script>']}});
    plan.builds[0].file = '<img src=x>.Dockerfile';
    const md = planSummary(plan, 't');
    expect(md).toContain('| \\<img src=x\\>.Dockerfile |');
    expect(md).toContain('<details><summary>Labels and annotations of ghcr.io/docker/app</summary>');
    const block = md.split('\n').filter(l => /^`{3,}$/.test(l));
    expect(block).toEqual(['````', '````']);
    const pub = publishSummary(plan, {qemu: 'q|x', builder: '<b>', cache: 'c', login: 'l', bakeFile: '/t/<x>.json', definition: '{"a": "```"}'}, [], ['bake failed: <error> | x'], 1);
    expect(pub).toContain('**QEMU:** q\\|x  ');
    expect(pub).toContain('**Builder:** \\<b\\>  ');
    expect(pub).toContain('- ❌ bake failed: \\<error\\> \\| x');
    expect(pub).toContain('<details><summary>Bake definition (/t/&lt;x&gt;.json)</summary>');
    expect(pub).toContain('````json\n{"a": "```"}\n````');
  });
});

describe('writing outputs and the summary', () => {
  let dir: string;
  const saved = {...process.env};
  beforeEach(() => {
    dir = tempDir('mp-report-');
  });
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    jest.restoreAllMocks();
  });

  const read = (f: string) => fs.readFileSync(f, 'utf8');

  test('outputs as heredoc records; DOCKER_METADATA_OUTPUT_* exported to GITHUB_ENV', () => {
    const env = {GITHUB_OUTPUT: path.join(dir, 'out'), GITHUB_ENV: path.join(dir, 'env')};
    writeOutputs({version: '1.2.3', 'tag-names': 'a\nb'}, env);
    expect(read(env.GITHUB_OUTPUT)).toMatch(/^version<<(ghadelimiter_[0-9a-z-]+)\n1\.2\.3\n\1\ntag-names<<(ghadelimiter_[0-9a-z-]+)\na\nb\n\2\n$/);
    expect(read(env.GITHUB_ENV)).toMatch(/^DOCKER_METADATA_OUTPUT_VERSION<<(ghadelimiter_[0-9a-z-]+)\n1\.2\.3\n\1\nDOCKER_METADATA_OUTPUT_TAG_NAMES<<(ghadelimiter_[0-9a-z-]+)\na\nb\n\2\n$/);
    expect(process.env['DOCKER_METADATA_OUTPUT_TAG_NAMES']).toBe('a\nb');
  });

  test('only metadata-action\'s outputs are exported; ours (plan, digest, ...) are outputs only', () => {
    const env = {GITHUB_OUTPUT: path.join(dir, 'out'), GITHUB_ENV: path.join(dir, 'env')};
    const all = Object.fromEntries([...ENV_OUTPUTS, 'plan', 'digest', 'imageid', 'metadata', 'images'].map(n => [n, `v-${n}`]));
    writeOutputs(all, env);
    expect(Object.keys(parseOutputs(read(env.GITHUB_OUTPUT)))).toEqual(Object.keys(all));
    expect(parseOutputs(read(env.GITHUB_ENV))).toEqual({
      DOCKER_METADATA_OUTPUT_VERSION: 'v-version',
      DOCKER_METADATA_OUTPUT_TAGS: 'v-tags',
      DOCKER_METADATA_OUTPUT_TAG_NAMES: 'v-tag-names',
      DOCKER_METADATA_OUTPUT_LABELS: 'v-labels',
      DOCKER_METADATA_OUTPUT_ANNOTATIONS: 'v-annotations',
      DOCKER_METADATA_OUTPUT_JSON: 'v-json',
      DOCKER_METADATA_OUTPUT_BAKE_FILE_TAGS: 'v-bake-file-tags',
      DOCKER_METADATA_OUTPUT_BAKE_FILE_LABELS: 'v-bake-file-labels',
      DOCKER_METADATA_OUTPUT_BAKE_FILE_ANNOTATIONS: 'v-bake-file-annotations',
      DOCKER_METADATA_OUTPUT_BAKE_FILE: 'v-bake-file'
    });
  });

  test.each(['false', 'FALSE', 'False', '0', 'f', 'F'])('DOCKER_METADATA_SET_OUTPUT_ENV=%s: outputs only', value => {
    const env = {GITHUB_OUTPUT: path.join(dir, 'out'), GITHUB_ENV: path.join(dir, 'env'), DOCKER_METADATA_SET_OUTPUT_ENV: value};
    fs.writeFileSync(env.GITHUB_ENV, '');
    writeOutputs({version: '1.2.3'}, env);
    expect(read(env.GITHUB_OUTPUT)).toContain('1.2.3');
    expect(read(env.GITHUB_ENV)).toBe('');
  });

  test('the summary is appended to GITHUB_STEP_SUMMARY; nothing happens without it', async () => {
    const file = path.join(dir, 'summary');
    fs.writeFileSync(file, ''); // the runner creates it; core.summary writes only to a file that exists
    writeSummary('## one', {GITHUB_STEP_SUMMARY: file});
    writeSummary('## two', {GITHUB_STEP_SUMMARY: file});
    await flushSummary();
    expect(read(file)).toBe('## one\n## two\n');
    expect(() => writeSummary('## three', {})).not.toThrow();
  });
});
