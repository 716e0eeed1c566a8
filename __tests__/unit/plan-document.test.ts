import {describe, expect, test} from '@jest/globals';
import {InputError} from '../../src/pipeline/inputs/errors.js';
import {
  MAX_PLAN_BYTES,
  PLAN_SCHEMA,
  PLAN_SCHEMA_VERSION,
  parsePlanDocument,
  planDigest,
  planDocument,
  planDocumentOf,
  planDocumentText,
  sealPlanDocument,
  type PlanDocument
} from '../../src/pipeline/plan-document.js';
import {runPipeline, thrown, FIXED_NOW, type PipelineOptions} from '../support/pipeline.js';

const TWO_IMAGES = ['name=api,file=docker/api.Dockerfile', 'name=worker,file=docker/worker.Dockerfile,target=prod,platforms=linux/amd64,linux/arm/v7'];

// [event fixture, extra inputs]
const CASES: [string, PipelineOptions['inputs']][] = [
  ['event_push_master', {}],
  ['event_push_master', {images: TWO_IMAGES, 'arch-tags': 'true', tags: ['type=sha', 'type=schedule,pattern={{date \'YYYYMMDD-HHmmss\'}}', 'type=ref,event=branch']}],
  ['event_tag_v1.1.1', {images: TWO_IMAGES, tags: ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}', 'type=sha'], 'build-args': ['FOO=bar'], labels: ['org.opencontainers.image.vendor=Acme']}],
  ['event_pull_request', {images: ['ghcr.io/acme/app'], tags: ['type=ref,event=pr']}],
  ['event_schedule', {images: ['app'], tags: ['type=schedule,pattern=nightly-{{date \'YYYYMMDD\'}}'], 'arch-tags': 'true', platforms: 'linux/amd64,linux/arm64,linux/s390x'}],
  ['event_release_created', {images: ['docker.io/acme/app', 'quay.io/acme/app'], 'default-build-args': 'false'}],
  ['event_workflow_dispatch', {images: '', tags: ['type=raw,value=manual']}],
  ['event_create_tag', {images: ['app'], policy: ['max-tags=10', 'require-semver=refs/heads/nomatch*']}]
];

describe('plan document: round trip', () => {
  test.each(CASES)('%s %j: plan -> document -> text -> parse is the same plan', async (event, inputs) => {
    const {plan, ctx} = await runPipeline({event, inputs});
    const doc = planDocumentOf(plan, ctx);
    const parsed = parsePlanDocument(planDocumentText(doc));
    expect(parsed.plan).toStrictEqual(plan);
    expect(parsed.created).toEqual(FIXED_NOW);
    expect(parsed.repository).toBe(`${ctx.owner}/${ctx.repo}`);
    expect(parsed.digest).toBe(doc.digest);
  });

  test('the document: schema, version, commit, ref, event, creation date, tag kinds, and a digest over all of it', async () => {
    const {plan, ctx} = await runPipeline({event: 'event_tag_v1.1.1', inputs: {images: ['app'], tags: ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}', 'type=sha']}});
    const doc = planDocumentOf(plan, ctx);
    expect(doc).toMatchObject({schema: PLAN_SCHEMA, schemaVersion: PLAN_SCHEMA_VERSION, sha: ctx.sha, ref: 'refs/tags/v1.1.1', event: 'push', created: FIXED_NOW.toISOString()});
    expect(doc.builds[0].tagKinds).toEqual({immutable: ['1.1.1', `sha-${ctx.sha.slice(0, 7)}`], mutable: ['1', 'latest']});
    expect(doc.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(planDigest(doc)).toBe(doc.digest);
    // the same plan gives the same document, whatever the key order of the text
    expect(planDocumentOf(plan, ctx)).toEqual(doc);
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(doc).reverse()));
    expect(parsePlanDocument(reordered).plan).toStrictEqual(plan);
  });

  test('holds no build secret and no registry credential', async () => {
    const {plan, ctx} = await runPipeline({
      event: 'event_push_master',
      inputs: {images: ['app'], secrets: ['token=s3cr3t-build-value'], 'registry-auth': '- registry: ghcr.io\n  username: u\n  password: s3cr3t-password'}
    });
    const text = planDocumentText(planDocumentOf(plan, ctx));
    expect(text).not.toContain('s3cr3t');
  });
});

/** A valid document of a two-image plan, to be broken in each case. */
async function validDocument(): Promise<PlanDocument> {
  const {plan, ctx} = await runPipeline({event: 'event_push_master', inputs: {images: TWO_IMAGES, 'arch-tags': 'true'}});
  return planDocumentOf(plan, ctx);
}

type Mutate = (d: any) => unknown;

describe('plan document: refusals', () => {
  // [case, how the valid document is changed, reseal the digest after it, the message]
  test.each<[string, Mutate, boolean, RegExp]>([
    ['a changed tag without a new digest', d => (d.builds[0].tagNames[0] = 'other'), false, /digest: does not match the document/],
    ['a changed build arg without a new digest', d => (d.builds[0].buildArgs.VERSION = 'x'), false, /digest: does not match/],
    ['a changed digest', d => (d.digest = `sha256:${'0'.repeat(64)}`), false, /digest: does not match/],
    ['a digest that is not sha256', d => (d.digest = 'md5:abc'), false, /digest: expected sha256:<64 hex digits>/],
    ['no digest', d => delete d.digest, false, /digest: expected a string/],
    ['another schema version', d => (d.schemaVersion = 2), true, /schemaVersion: .*schema version 1 only/],
    ['another schema', d => (d.schema = 'something/else'), true, /schema: expected "multiarch-publish\/plan"/],
    ['no builds', d => delete d.builds, true, /the document: the field "builds" is missing/],
    ['an empty builds list', d => (d.builds = []), true, /builds: is empty/],
    ['builds not a list', d => (d.builds = {}), true, /builds: expected an array/],
    ['an unknown field', d => (d.extra = 1), true, /unknown field "extra"/],
    ['a tag with a space', d => ((d.builds[0].tagNames[0] = 'bad tag'), (d.builds[0].tags = d.builds[0].images.map((i: string) => `${i}:bad tag`))), true, /builds\[0\]\.tagNames\[0\]: is not a valid tag/],
    ['a tag starting with a dash', d => (d.builds[0].tagNames[0] = '-x'), true, /builds\[0\]\.tagNames\[0\]: is not a valid tag/],
    ['a tag of 129 characters', d => (d.builds[0].tagNames[0] = 'a'.repeat(129)), true, /is not a valid tag/],
    ['tags that do not follow from images and tagNames', d => d.builds[0].tags.push('ghcr.io/evil/app:main'), true, /builds\[0\]\.tags: does not agree with its images and tagNames/],
    ['tag kinds that disagree', d => (d.builds[0].tagKinds = {immutable: d.builds[0].tagNames, mutable: []}), true, /tagKinds: does not agree/],
    ['an image name with upper case', d => (d.builds[0].images[0] = 'ghcr.io/Acme/App'), true, /builds\[0\]\.images\[0\]: is not an image name/],
    ['an image name with a tag', d => (d.builds[0].images[0] = 'ghcr.io/acme/app:v1'), true, /is not an image name/],
    ['an image name with a newline', d => (d.builds[0].images[0] = 'ghcr.io/acme/app\n::stop-commands::x'), true, /images\[0\]: holds a control character/],
    ['a platform that is not one', d => (d.builds[0].platforms = ['linux/amd65']), true, /platforms\[0\]: is not a platform/],
    ['no platforms', d => (d.builds[0].platforms = []), true, /platforms: is empty/],
    ['a number where a string goes', d => (d.builds[0].file = 7), true, /builds\[0\]\.file: expected a string/],
    ['a string where a boolean goes', d => (d.push = 'true'), true, /push: expected true or false/],
    ['a build argument with a bad name', d => (d.builds[0].buildArgs['BAD NAME'] = 'x'), true, /buildArgs: has a key that is not a build argument name/],
    ['a build argument that is not a string', d => (d.builds[0].buildArgs.X = 1), true, /buildArgs\.X: expected a string/],
    ['a short sha', d => (d.sha = 'abc1234'), true, /sha: expected a full commit SHA/],
    ['a creation date that is not an instant', d => (d.created = 'yesterday'), true, /created: expected an ISO 8601 instant/],
    ['a refused plan', d => ((d.policy.allowed = false), (d.policy.violations = [{rule: 'max-tags=1', image: 'x', message: 'm'}])), true, /policy: the tag policy refused this plan/],
    ['a verdict that disagrees with its violations', d => (d.policy.allowed = false), true, /policy\.allowed: does not agree with the violations/],
    ['two builds with one id', d => (d.builds[1].id = d.builds[0].id), true, /builds\[1\]\.id: is the id of an earlier build/],
    ['a bad build id', d => (d.builds[0].id = 'A B'), true, /builds\[0\]\.id: is not a build id/],
    ['per-platform tags that do not follow from the tags', d => (d.builds[0].archTags[0].tagNames[0] = 'main-evil'), true, /archTags: does not agree with its tagNames and platforms/],
    ['an event name with a newline', d => (d.event = 'push\nx'), true, /event: holds a control character/]
  ])('%s', async (_name, mutate, reseal, message) => {
    const doc: any = structuredClone(await validDocument());
    mutate(doc);
    const text = JSON.stringify(reseal ? sealPlanDocument(doc) : doc);
    const e = thrown(() => parsePlanDocument(text)) as InputError;
    expect(e).toBeInstanceOf(InputError);
    expect(e.input).toBe('plan');
    expect(e.message).toMatch(/^Input "plan": /);
    expect(e.message).toMatch(message);
  });

  test.each<[string, string, RegExp]>([
    ['empty', '', /is empty; pass the plan output/],
    ['blank', ' \n ', /is empty/],
    ['not JSON', 'name=app,tags=v1 secret=hunter2-long-value', /is not JSON/],
    ['truncated JSON', '{"schema":"multiarch-publish/plan","schemaVersion":1,"builds":[', /is not JSON/],
    ['a JSON array (the plan output of mode: publish)', '[{"id":"app"}]', /is not a JSON object/],
    ['a JSON string', '"plan"', /is not a JSON object/],
    ['null', 'null', /is not a JSON object/],
    ['nested too deeply to serialise', `{"schema":"multiarch-publish/plan","schemaVersion":1,"digest":"sha256:${'0'.repeat(64)}","x":${'['.repeat(200000)}${']'.repeat(200000)}}`, /cannot be serialised canonically|is not JSON/],
    ['a number out of range', `{"schema":"multiarch-publish/plan","schemaVersion":1,"digest":"sha256:${'0'.repeat(64)}","x":1e999}`, /cannot be serialised canonically/],
    ['more than 1 MiB', `{"schema":"multiarch-publish/plan","pad":"${'x'.repeat(MAX_PLAN_BYTES)}"}`, /more than the 1048576 bytes \(1 MiB\)/]
  ])('%s', (_name, text, message) => {
    const e = thrown(() => parsePlanDocument(text)) as InputError;
    expect(e).toBeInstanceOf(InputError);
    expect(e.input).toBe('plan');
    expect(e.message).toMatch(message);
    // never more than a short excerpt of what was passed
    expect(e.message).not.toContain('hunter2');
    expect(e.message.length).toBeLessThan(300);
  });

  test('a build argument named __proto__ stays a plain key', async () => {
    const doc: any = structuredClone(await validDocument());
    const text = JSON.stringify(sealPlanDocument(doc)).replace('"buildArgs":{', '"buildArgs":{"__proto__":"x",');
    const resealed = JSON.stringify(sealPlanDocument(JSON.parse(text)));
    const args = parsePlanDocument(resealed).plan.builds[0].buildArgs;
    expect(Object.getPrototypeOf(args)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(args, '__proto__')).toBe(true);
    expect(args['__proto__']).toBe('x');
  });

  test('a message quotes at most a short excerpt of the offending value', async () => {
    const doc: any = structuredClone(await validDocument());
    doc.builds[0].images[0] = `ghcr.io/acme/${'x'.repeat(100)}-SECRET-TAIL`;
    const e = thrown(() => parsePlanDocument(JSON.stringify(sealPlanDocument(doc)))) as InputError;
    expect(e.message).toMatch(/images\[0\]: is not an image name/);
    expect(e.message).not.toContain('SECRET-TAIL');
    expect(e.message.length).toBeLessThan(300);
  });

  test('a document made by planDocument from a hand-made source parses with that source', async () => {
    const {plan} = await runPipeline({event: 'event_push_master', inputs: {images: ['app']}});
    const created = new Date('2030-01-02T03:04:05.678Z');
    const parsed = parsePlanDocument(planDocumentText(planDocument(plan, {repository: 'acme/app', created})));
    expect(parsed).toMatchObject({repository: 'acme/app', created});
  });
});
