import {beforeAll, describe, expect, test} from '@jest/globals';
import {render, globalScope, scheduleScope, isRawStatement, hasExpression, needsHandlebars, prepareExpressions, type ExpressionContext} from '../../src/pipeline/metadata/expressions.js';
import {expressionContext} from '../../src/pipeline/metadata/index.js';
import {fixtureContext} from '../support/pipeline.js';
import type {Env} from '../../src/action/runner.js';

// 2024-06-28T14:30:22Z: the build's clock in the date rows.
const EPOCH = '1719585022';

const ectx = (event: string, env: Env = {}): ExpressionContext => expressionContext(fixtureContext(event, env));

beforeAll(async () => {
  // both the fast path's dayjs and handlebars itself
  await prepareExpressions(["{{date 'YYYY'}}", '{{#if branch}}{{/if}}']);
});

describe('global expressions on real events', () => {
  test.each([
    // [event, extra env, template, expected]
    ['event_push_master', {}, '{{branch}}', 'master'],
    ['event_push_master', {}, '{{tag}}', ''],
    ['event_push_master', {}, '{{sha}}', '2665741'],
    ['event_push_master', {}, '{{base_ref}}', ''],
    ['event_push_master', {}, '{{is_default_branch}}', 'true'],
    ['event_push_master', {}, '{{is_not_default_branch}}', 'false'],
    ['event_push_master', {}, 'sha-{{sha}}-{{branch}}', 'sha-2665741-master'],
    ['event_push_master', {DOCKER_METADATA_SHORT_SHA_LENGTH: '12'}, '{{sha}}', '266574110acf'],
    ['event_push_master', {DOCKER_METADATA_SHORT_SHA_LENGTH: '100'}, '{{sha}}', '266574110acf203503badf966df2ea24b5d732d7'],
    ['event_push_dev', {}, '{{branch}}', 'dev'],
    ['event_push_dev', {}, '{{is_default_branch}}', 'false'],
    ['event_push_dev', {}, '{{is_not_default_branch}}', 'true'],
    ['event_push_invalidchars', {}, '{{branch}}', 'my/feature#1245'],
    ['event_push_dev', {GITHUB_REF: 'refs/heads/feat/a&b'}, '{{branch}}', 'feat/a&amp;b'],
    ['event_push_dev', {GITHUB_REF: 'refs/heads/feat/a&b'}, '{{{branch}}}', 'feat/a&b'],
    ['event_tag_v1.1.1', {}, '{{tag}}', 'v1.1.1'],
    ['event_tag_v1.1.1', {}, '{{branch}}', ''],
    ['event_tag_v1.1.1', {}, '{{base_ref}}', 'master'],
    ['event_tag_v1.1.1', {}, '{{is_default_branch}}', 'false'],
    ['event_tag_p1-v1.0.0', {}, '{{tag}}', 'p1/v1.0.0'],
    ['event_pull_request', {}, '{{base_ref}}', 'master'],
    ['event_pull_request', {}, '{{branch}}', ''],
    ['event_pull_request', {}, '{{sha}}', 'a9c8c58'],
    ['event_pull_request', {DOCKER_METADATA_PR_HEAD_SHA: 'true'}, '{{sha}}', '3370e22'],
    ['event_pull_request', {}, '{{is_default_branch}}', 'false'],
    ['event_pull_request_target', {}, '{{base_ref}}', 'master'],
    ['event_pull_request_target', {}, '{{is_default_branch}}', 'false'],
    // these events always run on the default branch's last commit
    ['event_schedule', {}, '{{is_default_branch}}', 'true'],
    ['event_create_branch', {}, '{{is_default_branch}}', 'true'],
    ['event_issue_opened', {}, '{{is_default_branch}}', 'true'],
    ['event_discussion_created', {}, '{{is_default_branch}}', 'true'],
    ['event_workflow_dispatch', {}, '{{is_default_branch}}', 'true'],
    ['event_workflow_dispatch_dev', {}, '{{is_default_branch}}', 'false'],
    ['event_empty', {}, '{{is_default_branch}}', 'false'],
    ['event_empty', {}, '{{branch}}{{tag}}{{sha}}', ''],
    ['event_push_master', {}, '{{unknown}}', ''],
    ['event_push_master', {}, 'no expression', 'no expression'],
    ['event_push_master', {}, '{{#if branch}}on {{branch}}{{/if}}', 'on master']
  ])('%s %j: %s -> %j', (event, env, template, expected) => {
    expect(render(template, globalScope(ectx(event, env as Env)))).toBe(expected);
  });
});

describe('date helpers', () => {
  test.each([
    // [template, default tz, expected]
    ["{{date 'YYYYMMDD'}}", 'UTC', '20240628'],
    ["{{date 'YYYYMMDD-HHmmss'}}", 'UTC', '20240628-143022'],
    ["{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}", 'UTC', '20240628-233022'],
    ["{{date 'YYYYMMDD-HHmmss' tz='America/New_York'}}", 'UTC', '20240628-103022'],
    ['{{date "YYYY-MM-DD"}}', 'UTC', '2024-06-28'],
    ["{{date 'YYYYMMDD-HHmmss'}}", 'Asia/Tokyo', '20240628-233022'],
    ["{{date 'HH' tz='UTC'}}", 'Asia/Tokyo', '14'],
    ["{{date 'Do MMMM YYYY'}}", 'UTC', '28th June 2024'],
    ['{{date}}', 'UTC', '2024-06-28T14:30:22Z'],
    ['{{date}}', 'Asia/Tokyo', '2024-06-28T23:30:22+09:00'],
    // SOURCE_DATE_EPOCH is the commit's date too
    ["{{commit_date 'YYYYMMDD-HHmmss'}}", 'UTC', '20240628-143022']
  ])('SOURCE_DATE_EPOCH: %s (tz %s) -> %s', (template, tz, expected) => {
    const ctx = ectx('event_push_master', {SOURCE_DATE_EPOCH: EPOCH});
    expect(render(template, globalScope(ctx, tz))).toBe(expected);
  });

  test.each([
    ["{{date 'YYYYMMDD-HHmmss'}}", '20240628-143022'],
    ["{{commit_date 'YYYY-MM-DD HH:mm:ss'}}", '2022-04-19 09:04:39'],
    ["{{commit_date 'YYYY-MM-DD HH:mm:ss' tz='Europe/Paris'}}", '2022-04-19 11:04:39']
  ])('a fixed clock and the push payload\'s commit date: %s -> %s', (template, expected) => {
    // the fixture helper's clock is 2024-06-28T14:30:22Z; the commit is the payload's head_commit
    expect(render(template, globalScope(ectx('event_push_master')))).toBe(expected);
  });

  // moment's format tokens, which metadata-action's {{date}} takes (moment-timezone), beyond dayjs' core ones
  test.each([
    // [format, tz, moment's output] at 2024-06-28T14:30:22Z, a Friday
    ['DDD', 'UTC', '180'],
    ['DDDD', 'UTC', '180'],
    ['YYYY.DDDD', 'Asia/Tokyo', '2024.180'],
    ['E', 'UTC', '5'],
    ['e', 'UTC', '5'],
    ['W', 'UTC', '26'],
    ['WW', 'UTC', '26'],
    ['GGGG.WW', 'UTC', '2024.26'],
    ['GGGG-[W]WW', 'Asia/Tokyo', '2024-W26'],
    ['w', 'UTC', '26'],
    ['gggg.ww', 'UTC', '2024.26'],
    ['Q', 'UTC', '2'],
    ['X', 'UTC', '1719585022'],
    ['X', 'Asia/Tokyo', '1719585022'],
    ['x', 'America/New_York', '1719585022000'],
    ['[DDD] DDD [X]', 'UTC', 'DDD 180 X'],
    ['Do MMM', 'UTC', '28th Jun'],
    ['k', 'Asia/Tokyo', '23']
  ])('moment token %j (tz %s) -> %s', (format, tz, expected) => {
    const ctx = ectx('event_push_master', {SOURCE_DATE_EPOCH: EPOCH});
    expect(render(`{{date '${format}' tz='${tz}'}}`, globalScope(ctx))).toBe(expected);
  });

  test.each([
    // ISO and locale week-years around new year: 2024-12-30 is a Monday in ISO week 1 of 2025
    ['1735560000', 'GGGG-[W]WW', '2025-W01'],
    ['1735560000', 'gggg.ww', '2025.01'],
    ['1735560000', 'YYYY.DDDD', '2024.365'],
    ['1704067200', 'YYYY.DDDD.E', '2024.001.1']
  ])('SOURCE_DATE_EPOCH=%s: %j -> %s', (epoch, format, expected) => {
    const ctx = ectx('event_push_master', {SOURCE_DATE_EPOCH: epoch});
    expect(render(`{{date '${format}'}}`, globalScope(ctx))).toBe(expected);
  });

  test('a date helper with an unknown attribute fails like metadata-action', () => {
    expect(() => render("{{date 'YYYY' zone='UTC'}}", globalScope(ectx('event_push_master')))).toThrow('Unknown zone attribute');
  });

  test.each([
    ["{{date 'YYYYMMDD'}}", '20240628'],
    ['{{branch}}', ''],
    ['nightly', 'nightly']
  ])('the schedule scope has only the date helpers: %s -> %j', (template, expected) => {
    expect(render(template, scheduleScope(ectx('event_schedule', {SOURCE_DATE_EPOCH: EPOCH})))).toBe(expected);
  });
});

describe('handlebars semantics', () => {
  test.each([
    ['{{version}}', {version: '1.2.3'}, '1.2.3'],
    ['{{major}}.{{minor}}', {major: 1, minor: 0}, '1.0'],
    ['{{major}}', {major: 0}, '0'],
    ['{{x}}', {x: 'a=b&c'}, 'a&#x3D;b&amp;c'],
    ['{{x}}', {x: null}, ''],
    ['{{x}}', {x: false}, 'false'],
    ['\\{{x}}', {x: 'y'}, '{{x}}'],
    ['{{toString}}', {}, '']
  ])('%s with %j -> %j', (template, context, expected) => {
    expect(render(template, context)).toBe(expected);
  });

  test.each([
    ['{{raw}}', true],
    ['{{ raw }}', true],
    ['v{{raw}}', false],
    ['{{raw}}-x', false],
    ['{{raw}}{{raw}}', false],
    ['{{version}}', false],
    ['raw', false],
    ['{{#if raw}}{{raw}}{{/if}}', false]
  ])('isRawStatement(%j) = %s', (pattern, expected) => {
    expect(isRawStatement(pattern)).toBe(expected);
  });

  test.each([
    ['plain', false, false],
    ['{{branch}}', true, false],
    ["{{date 'YYYY' tz='UTC'}}", true, false],
    ['{{#if branch}}x{{/if}}', true, true],
    ['{{lookup this "sha"}}', true, true],
    ['{{{branch}}}', true, true],
    ['{{branch.length}}', true, true]
  ])('%j: hasExpression %s, needsHandlebars %s', (text, has, needs) => {
    expect(hasExpression(text)).toBe(has);
    expect(needsHandlebars(text)).toBe(needs);
  });
});
