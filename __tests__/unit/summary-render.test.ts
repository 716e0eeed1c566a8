/**
 * The job summaries rendered as GitHub renders them: GitHub-flavoured markdown (micromark with its GFM
 * extension, raw HTML passed through as GitHub passes it to its sanitizer), then parsed as HTML (parse5).
 * Every string of the plan, the engine report, the registry read-back and the failures is made hostile;
 * the element tree must be the one of the same summary built from benign values of the same shape:
 * every element comes from the template, none from a value.
 */
import {describe, expect, test} from '@jest/globals';
import {planSummary, publishSummary, budgetSummary, signaturesSummary, signingPlanSummary, signingPlanLines, type EngineReport, type PublishResult} from '../../src/report/index.js';
import {checkBudgets, budgetRules} from '../../src/engine/steps/budget.js';
import type {Plan} from '../../src/pipeline/plan.js';
import {runPipeline} from '../support/pipeline.js';
import {render, textContent, tree} from '../support/render.js';

/** Payloads that would add an element, a comment, a link, or break out of a code span, fence or cell. */
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</details><h1>x</h1>',
  '</summary></details><details open><summary>',
  '```\n<h1>fenced</h1>\n```',
  '`` ` ```` `',
  '`',
  '| a | b |',
  'a\\|b\\\\|c',
  '[a](javascript:x)',
  '![i](javascript:alert(1))',
  '[x]: javascript:y',
  '<!--',
  '-->',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;img src=x&#62;',
  '<script>alert(1)</script>',
  'line one\r\n<h1>two</h1>\rthree\n# four',
  '\r\n\r\n<h2>after a blank line</h2>',
  '*em* _em_ **strong** ~~del~~ ~del~',
  'https://evil.example www.evil.example me@evil.example',
  '<https://evil.example>',
  'mailto:me@evil.example',
  '\\',
  '    indented code',
  '- item',
  '+ item',
  '1. one',
  '2) two',
  '# heading',
  '> quote',
  '---',
  '===',
  '$x^2$',
  '<br><hr>',
  '<details><summary>s</summary>',
  '[^1]',
  '- [ ] task'
];

/** The same shape with no meaning: every character but a line break becomes `x`. */
const benign = (s: string) => s.replace(/[^\r\n]/g, 'x');

/** A deep copy of `v` with every string `s` replaced by `f(s, i)`, `i` counting the strings in visit order. */
function mapStrings<T>(v: T, f: (s: string, i: number) => string): T {
  let i = 0;
  const walk = (x: unknown): unknown => {
    if (typeof x === 'string') return f(x, i++);
    if (Array.isArray(x)) return x.map(walk);
    if (x instanceof RegExp) return x;
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, walk(y)]));
    return x;
  };
  return walk(v) as T;
}

/** Every string with a payload before and after it (so that block markers open a value too), in turn. */
const hostile = <T,>(v: T, offset = 0): T => mapStrings(v, (s, i) => HOSTILE[(i + offset) % HOSTILE.length] + s + HOSTILE[(i + offset + 1) % HOSTILE.length]);
const twin = <T,>(v: T, offset = 0): T => mapStrings(v, (s, i) => benign(HOSTILE[(i + offset) % HOSTILE.length] + s + HOSTILE[(i + offset + 1) % HOSTILE.length]));

const ENGINE: EngineReport = {
  qemu: 'installing emulators for arm64',
  builder: 'created builder mp-1 (docker-container driver)',
  cache: 'type=gha',
  login: 'ghcr.io as octo',
  bakeFile: '/tmp/runner/mp-bake.json',
  definition: '{\n  "target": {\n    "app": {"labels": {"org.opencontainers.image.description": "Render"}}\n  }\n}'
};

function results(plan: Plan): PublishResult[] {
  return plan.builds.map(b => ({
    build: b,
    digest: 'sha256:' + 'a'.repeat(64),
    images: b.images.map(name => ({name, digest: 'sha256:' + 'b'.repeat(64), mediaType: 'application/vnd.oci.image.index.v1+json', platforms: b.platforms.map(p => ({platform: p, digest: 'sha256:' + 'c'.repeat(64), size: 12345}))})),
    seconds: 3.5
  }));
}

const RELEASE = {
  event: 'event_tag_v1.1.1',
  env: {GITHUB_REF: 'refs/tags/v1.2.3'},
  inputs: {
    images: ['name=app,platforms=linux/amd64,linux/arm64', 'name=worker,file=worker.Dockerfile'],
    tags: ['type=semver,pattern={{version}}', 'type=sha'],
    labels: ['maintainer=octo'],
    annotations: ['index:org.opencontainers.image.vendor=Octo']
  }
};

/** Each summary as a function of its (plan, engine report, results, failures), so both twins are built alike. */
type Scene = {plan: Plan; engine: EngineReport; results: PublishResult[]; failures: string[]};
const SCENES: [string, () => Promise<Scene>, (s: Scene) => string][] = [
  ['a successful publish', async () => {
    const {plan} = await runPipeline({...RELEASE, inputs: {...RELEASE.inputs, policy: ['deny-latest=quay.io/*', 'max-tags=9']}});
    expect(plan.policy.warnings).toHaveLength(1);
    return {plan, engine: ENGINE, results: results(plan), failures: []};
  }, s => publishSummary(s.plan, s.engine, s.results, s.failures, 12.5)],
  ['a failed build with hostile build output', async () => {
    const {plan} = await runPipeline(RELEASE);
    const output = '#5 [2/2] RUN echo pwned\n#5 0.2 <img src=x onerror=alert(1)>\r</details><h1>x</h1>\nERROR: process "/bin/sh -c echo" did not complete successfully: exit code: 1';
    return {plan, engine: ENGINE, results: [], failures: [`buildx bake failed: ${output}`, 'a second failure']};
  }, s => publishSummary(s.plan, s.engine, s.results, s.failures, 1)],
  ['a policy refusal', async () => {
    const {plan} = await runPipeline({...RELEASE, inputs: {...RELEASE.inputs, policy: ['max-tags=1', 'require-semver=refs/tags/x*', 'allow-tags=\\d+']}});
    expect(plan.policy.violations.length).toBeGreaterThan(0);
    expect(plan.policy.warnings.length).toBeGreaterThan(0);
    return {plan, engine: ENGINE, results: [], failures: []};
  }, s => planSummary(s.plan, 'multiarch-publish: dry run (refused)')],
  ['size budgets: over budget, with the change since latest (rule text and tag from the failures)', async () => {
    const {plan} = await runPipeline(RELEASE);
    return {plan, engine: ENGINE, results: results(plan), failures: ['max-size=**:1KB', 'latest', 'sha256:' + 'd'.repeat(64)]};
  }, s => {
    // the rule's text, the baseline tag and digest are values too; every image matches
    const rule = {...budgetRules(['max-size=**:10KB'])[0], source: s.failures[0], pattern: /^/};
    const baselines = s.results.flatMap(r => r.images.map(i => ({image: i.name, tag: s.failures[1], digest: s.failures[2], sizes: Object.fromEntries(i.platforms.map(p => [p.platform, 9000]))})));
    const report = checkBudgets(s.results.map(r => ({build: r.build, digest: r.digest, images: r.images})), [rule], baselines);
    expect(report.violations.length).toBeGreaterThan(0);
    return publishSummary(s.plan, s.engine, [], report.violations.map(v => `${v.image} ${v.platform} over`), 1) + budgetSummary(report);
  }],
  ['signatures (sign: key): the verify commands and every digest signed; a failed signing (its error a value)', async () => {
    const {plan} = await runPipeline(RELEASE);
    return {plan, engine: ENGINE, results: results(plan), failures: ['Signing x failed: decrypt: encrypted: decryption failed']};
  }, s => {
    const signed = s.results.flatMap(r => r.images.flatMap(i => [{name: i.name, digest: r.digest, platform: 'index', signature: `${i.name}:sha256-${'a'.repeat(64)}.sig`}, ...i.platforms.map(p => ({name: i.name, digest: p.digest, platform: p.platform, signature: `${i.name}:${p.digest.replace(':', '-')}.sig`}))]));
    const indexes = s.results.flatMap(r => r.images.map(i => ({name: i.name, digest: r.digest})));
    return publishSummary(s.plan, s.engine, s.results, [], 3) + signaturesSummary({result: {signed, transparencyLog: false}, indexes, transparencyLog: false}) + signaturesSummary({signed: signed.slice(0, 2), indexes, transparencyLog: true, error: s.failures[0]});
  }],
  ['a dry run that signs', async () => {
    const {plan} = await runPipeline({...RELEASE, inputs: {...RELEASE.inputs, 'dry-run': 'true'}});
    return {plan, engine: ENGINE, results: [], failures: []};
  }, s => planSummary(s.plan, 'multiarch-publish: dry run') + signingPlanSummary(signingPlanLines(s.plan, {mode: 'key', transparencyLog: false}, 'publish'))],
  ['a dry run', async () => {
    const {plan} = await runPipeline({...RELEASE, inputs: {...RELEASE.inputs, 'dry-run': 'true'}});
    return {plan, engine: ENGINE, results: [], failures: []};
  }, s => planSummary(s.plan, 'multiarch-publish: dry run')]
];

describe('the job summary rendered as GitHub-flavoured markdown: no element comes from a value', () => {
  // the sections of their own after the title (h3), where a scene has them
  const OWN_HEADINGS: Record<string, string[]> = {'signatures (sign: key): the verify commands and every digest signed; a failed signing (its error a value)': ['h3', 'h3'], 'a dry run that signs': ['h3']};
  test.each(SCENES.flatMap(([name, scene, summary]) => [0, 7, 19].map(offset => [name, offset, scene, summary] as const)))('%s (payloads from offset %d)', async (name, offset, scene, summary) => {
    const base = await scene();
    const bad = render(summary(hostile(base, offset)));
    const good = render(summary(twin(base, offset)));
    expect(tree(bad)).toEqual(tree(good));

    const elements = tree(bad).map(e => e.trim());
    expect(elements.filter(e => /^h[1-6]\b/.test(e))).toEqual(['h2', ...(OWN_HEADINGS[name] ?? [])]); // the summary's own title (and sections)
    for (const forbidden of ['img', 'h1', 'script', 'a', 'hr', 'blockquote', 'del', 'input', 'ol', 'sup']) {
      expect(elements.filter(e => e === forbidden || e.startsWith(`${forbidden} `))).toEqual([]);
    }
    expect(elements.filter(e => e.startsWith('#comment'))).toEqual([]);
    expect(bad).not.toMatch(/<a\s[^>]*href\s*=\s*["']?\s*javascript:/i);
    // the values are shown, not dropped: the payloads are in the text as written
    const shown = textContent(bad);
    const intact = HOSTILE.filter(p => !/[\r\n|]|^\s/.test(p) && shown.includes(p));
    expect(intact.length).toBeGreaterThan(4);
  });

  test('the benign twin is itself a rich template (tables, code, details), so the comparison means something', async () => {
    const [, scene, summary] = SCENES[0];
    const elements = tree(render(summary(twin(await scene())))).map(e => e.trim());
    for (const e of ['h2', 'table', 'td', 'code', 'details', 'summary', 'pre']) expect(elements.some(x => x === e || x.startsWith(`${e} `))).toBe(true);
  });
});
