// The simple-expression fast path must give exactly what handlebars gives (metadata-action evaluates every
// expression with handlebars); each row is rendered by both and compared.
import Handlebars from 'handlebars';
import {render, prepareExpressions, isRawStatement, globalScope, type ExpressionContext} from '../../src/pipeline/metadata/expressions.js';
import {parse as parseSemver} from '../../src/lib/semver.js';

const ctx: ExpressionContext = {
  ref: 'refs/heads/feat/New_Thing!',
  sha: '860c1904a1ce19322e91ac35af1ab07466440c37',
  shortSha: '860c190',
  eventName: 'push',
  payload: {repository: {default_branch: 'main'}, base_ref: 'refs/heads/main'},
  now: new Date('2024-06-28T14:30:22Z'),
  commitDate: new Date('2024-06-27T08:00:00Z')
};

const templates = [
  'plain',
  '{{branch}}',
  '{{ branch }}-{{sha}}',
  'x-{{tag}}-{{base_ref}}-{{is_default_branch}}-{{is_not_default_branch}}',
  "{{date 'YYYYMMDD'}}",
  "{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}",
  '{{date "YYYY-MM-DD"}}',
  "{{commit_date 'YYYY-MM-DDTHH:mm:ss.SSS[Z]'}}",
  '{{commit_date YYYY-MM-DD}}',
  '{{unknown}}',
  'a {{branch}} b {{{branch}}} c',
  '\\{{branch}}',
  '{{#if branch}}yes{{/if}}',
  '{{lookup this "sha"}}',
  '{{branch.length}}',
  "{{date 'a&b<c>\"d'}}",
  '}} {{sha}} }}'
];

const semverTemplates = ['{{version}}', '{{major}}.{{minor}}', '{{major}}', '{{raw}}', '{{prerelease}}', 'v{{major}}.{{minor}}.{{patch}}-x', '{{version}}{{build}}'];

beforeAll(async () => {
  await prepareExpressions(['{{#if x}}{{/if}}', "{{date 'x'}}"]);
});

describe('simple expressions render as handlebars renders them', () => {
  test.each(templates)('%s', template => {
    const scope = globalScope(ctx);
    expect(render(template, scope)).toBe(Handlebars.compile(template)(scope));
  });
  test.each(semverTemplates.flatMap(t => ['1.2.3', 'v2.0.8-beta.67', '1.0.0+build.5'].map(v => [t, v])))('%s with %s', (template, version) => {
    const sver = parseSemver(version, {loose: true})!;
    expect(render(template, sver)).toBe(Handlebars.compile(template)(sver));
  });
  test.each([
    ['{{raw}}', true],
    ['{{ raw }}', true],
    ['v{{raw}}', false],
    ['{{version}}', false],
    ['{{raw}}{{raw}}', false]
  ] as const)('isRawStatement(%s) = %s', (pattern, expected) => {
    expect(isRawStatement(pattern)).toBe(expected);
  });
});
