import {describe, expect, test} from '@jest/globals';
import {parsePolicyRule, globToRegExp, canonicalImageGlob, shortRef, evaluatePolicy, type PolicySubject, type PolicyRule} from '../../src/pipeline/policy.js';
import {canonicalName} from '../../src/lib/reference.js';
import {runPipeline, fixtureContext, fixtureEnv, inputEnv} from '../support/pipeline.js';
import {prepare} from '../../src/pipeline/prepare.js';
import {policyLine, formatPlan, planSummary} from '../../src/report/index.js';

const SHA = '860c1904a1ce19322e91ac35af1ab07466440c37';

/** A policy subject: images with the same tags, pushed unless said otherwise. */
function subject(images: string[], tags: string[], o: Partial<Omit<PolicySubject, 'images'>> & {push?: boolean} = {}): PolicySubject {
  return {
    images: images.map(name => ({name, tags, push: o.push ?? true})),
    ref: o.ref ?? 'refs/tags/v1.2.3',
    sha: o.sha ?? SHA,
    shortSha: o.shortSha ?? SHA.slice(0, 7),
    latestTags: o.latestTags ?? ['latest']
  };
}

const rules = (...lines: string[]): PolicyRule[] => lines.map(l => parsePolicyRule(l));

describe('globToRegExp', () => {
  test.each([
    ['ghcr.io/org/*', 'ghcr.io/org/app', true],
    // a trailing `*` matches at any depth; a `*` inside the glob stays within its segment
    ['ghcr.io/org/*', 'ghcr.io/org/team/app', true],
    ['ghcr.io/*', 'ghcr.io/acme/app', true],
    ['ghcr.io/*/app', 'ghcr.io/acme/team/app', false],
    ['ghcr.io/*/app', 'ghcr.io/acme/app', true],
    ['ghcr.io/org/app-*', 'ghcr.io/org/app-cli/x', true],
    ['ghcr.io/org/**', 'ghcr.io/org/team/app', true],
    ['ghcr.io/org/**', 'ghcr.io/org/app', true],
    ['ghcr.io/org/*', 'ghcr.io/other/app', false],
    ['ghcr.io/org/*', 'ghcr.io/organisation/app', false],
    ['*/org/app', 'docker.io/org/app', true],
    ['ghcr.io/org/app?', 'ghcr.io/org/app2', true],
    ['ghcr.io/org/app?', 'ghcr.io/org/app', false],
    ['ghcr.io/org/app?', 'ghcr.io/org/app/', false],
    ['ghcr.io/org/app', 'ghcr.io/org/app', true],
    ['ghcr.io/org/app', 'ghcrxio/org/app', false],
    ['ghcr.io/org/app', 'ghcr.io/org/app-x', false],
    ['refs/tags/v*', 'refs/tags/v1.2.3', true],
    ['refs/tags/v*', 'refs/tags/release/v1', false],
    ['refs/tags/*', 'refs/tags/release/v1', true],
    ['refs/tags/**', 'refs/tags/release/v1', true],
    ['refs/heads/release/*', 'refs/heads/release/1.x', true],
    ['a+b(c)', 'a+b(c)', true],
    ['a+b(c)', 'aab(c)', false]
  ])('%s against %s: %s', (glob, value, matches) => {
    expect(globToRegExp(glob).test(value)).toBe(matches);
  });
});

describe('parsePolicyRule', () => {
  test.each([
    ['allow-tags=v?\\d+\\.\\d+\\.\\d+|latest', {kind: 'allow-tags'}],
    ['deny-latest=ghcr.io/org/*', {kind: 'deny-latest', glob: 'ghcr.io/org/*'}],
    ['require-sha=true', {kind: 'require-sha', enabled: true}],
    ['require-sha=false', {kind: 'require-sha', enabled: false}],
    ['require-semver=refs/tags/v*', {kind: 'require-semver', glob: 'refs/tags/v*'}],
    ['max-tags=4', {kind: 'max-tags', max: 4}],
    [' MAX-TAGS = 4 ', {kind: 'max-tags', max: 4}],
    ['allow-tags=a=b', {kind: 'allow-tags'}]
  ])('%s', (line, expected) => {
    const rule = parsePolicyRule(line);
    expect(rule).toMatchObject({...expected, source: line});
  });

  test('allow-tags is anchored: the whole tag must match', () => {
    const rule = parsePolicyRule('allow-tags=\\d+') as Extract<PolicyRule, {kind: 'allow-tags'}>;
    expect(rule.pattern.test('123')).toBe(true);
    expect(rule.pattern.test('v123')).toBe(false);
    expect(rule.pattern.test('123-x')).toBe(false);
  });

  test.each([
    ['deny-everything=1', /unknown policy rule "deny-everything"/],
    ['allow-tags=(', /allow-tags: the regular expression does not compile/],
    ['allow-tags=', /allow-tags needs a regular expression/],
    ['max-tags=0', /max-tags takes a whole number of at least 1, not "0"/],
    ['max-tags=x', /not "x"/],
    ['max-tags=-1', /not "-1"/],
    ['max-tags=', /not ""/],
    ['require-sha=yes', /require-sha takes true or false, not "yes"/],
    ['require-sha=', /require-sha takes true or false/],
    ['deny-latest=', /deny-latest needs a glob \(e.g. ghcr.io\/org\/\*\)/],
    ['require-semver=', /require-semver needs a glob \(e.g. refs\/tags\/v\*\)/],
    ['require-sha', /a rule is written rule=value/],
    ['=true', /a rule is written rule=value/]
  ])('%s is refused', (line, message) => {
    expect(() => parsePolicyRule(line)).toThrow(message);
  });
});

describe('evaluatePolicy: each rule allowing and refusing', () => {
  test.each([
    // [rule, subject, violation messages]
    ['allow-tags=\\d+\\.\\d+\\.\\d+|\\d+\\.\\d+|\\d+|latest', subject(['ghcr.io/o/app'], ['1.2.3', '1.2', '1', 'latest']), []],
    ['allow-tags=\\d+\\.\\d+\\.\\d+', subject(['ghcr.io/o/app'], ['1.2.3', 'latest']), ['ghcr.io/o/app:latest does not match allow-tags \\d+\\.\\d+\\.\\d+']],
    ['deny-latest=ghcr.io/o/*', subject(['ghcr.io/o/app'], ['1.2.3']), []],
    ['deny-latest=ghcr.io/o/*', subject(['ghcr.io/o/app'], ['1.2.3', 'latest']), ['ghcr.io/o/app may not be tagged latest (deny-latest ghcr.io/o/*)']],
    ['deny-latest=ghcr.io/other/*', subject(['ghcr.io/o/app', 'ghcr.io/other/x'], ['latest']), ['ghcr.io/other/x may not be tagged latest (deny-latest ghcr.io/other/*)']],
    // a trailing `*` matches a nested name too
    ['deny-latest=ghcr.io/org/*', subject(['ghcr.io/org/team/app'], ['1.2.3', 'latest']), ['ghcr.io/org/team/app may not be tagged latest (deny-latest ghcr.io/org/*)']],
    ['deny-latest=ghcr.io/org/**', subject(['ghcr.io/org/team/app'], ['1.2.3', 'latest']), ['ghcr.io/org/team/app may not be tagged latest (deny-latest ghcr.io/org/**)']],
    // the flavor's latest (app-latest) is latest too
    ['deny-latest=**', subject(['ghcr.io/o/app'], ['app-1.2.3', 'app-latest'], {latestTags: ['app-latest']}), ['ghcr.io/o/app may not be tagged app-latest (deny-latest **)']],
    ['require-sha=true', subject(['ghcr.io/o/app'], ['1.2.3', 'sha-860c190']), []],
    ['require-sha=true', subject(['ghcr.io/o/app'], [`build-${SHA}`]), []],
    ['require-sha=true', subject(['ghcr.io/o/app'], ['1.2.3']), ['ghcr.io/o/app has no tag that carries the commit SHA 860c190 as a whole token (require-sha)']],
    ['require-sha=true', subject(['ghcr.io/o/app'], ['1.2.3'], {push: false}), []],
    ['require-sha=true', subject(['ghcr.io/o/app'], ['1.2.3'], {sha: '', shortSha: ''}), ['ghcr.io/o/app has no tag that carries the commit SHA (no commit SHA is known) as a whole token (require-sha)']],
    ['require-sha=false', subject(['ghcr.io/o/app'], ['1.2.3']), []],
    // DOCKER_METADATA_SHORT_SHA_LENGTH=0: an empty short SHA is in every tag, but carries no commit
    ['require-sha=true', subject(['ghcr.io/o/app'], ['1.2.3', 'sha-'], {shortSha: ''}), ['ghcr.io/o/app has no tag that carries the commit SHA 860c190 as a whole token (require-sha)']],
    ['require-sha=true', subject(['ghcr.io/o/app'], [SHA], {shortSha: ''}), []],
    ['require-semver=refs/tags/v*', subject(['ghcr.io/o/app'], ['1.2.3', 'latest']), []],
    ['require-semver=refs/tags/v*', subject(['ghcr.io/o/app'], ['v1.2.3']), []],
    ['require-semver=refs/tags/v*', subject(['ghcr.io/o/app'], ['1.2', 'latest']), ['ghcr.io/o/app has no semantic-version tag, which refs/tags/v1.2.3 requires (require-semver refs/tags/v*)']],
    ['require-semver=refs/tags/v*', subject(['ghcr.io/o/app'], ['main'], {ref: 'refs/heads/main'}), []],
    ['require-semver=refs/tags/release/*', subject(['ghcr.io/o/app'], ['latest']), []],
    // a glob without refs/ is matched against the short name
    ['require-semver=v*', subject(['ghcr.io/o/app'], ['1.2', 'latest']), ['ghcr.io/o/app has no semantic-version tag, which refs/tags/v1.2.3 requires (require-semver v*)']],
    ['require-semver=v*', subject(['ghcr.io/o/app'], ['1.2.3', 'latest']), []],
    ['max-tags=2', subject(['ghcr.io/o/app'], ['1.2.3', 'latest']), []],
    ['max-tags=2', subject(['ghcr.io/o/app'], ['1.2.3', '1.2', 'latest']), ['ghcr.io/o/app would get 3 tags, more than max-tags=2: 1.2.3, 1.2, latest']],
    ['max-tags=1', subject([''], ['a', 'b']), ['(bare tags: no image name) would get 2 tags, more than max-tags=1: a, b']]
  ])('%s', (line, subj, messages) => {
    const verdict = evaluatePolicy(rules(line), subj);
    expect(verdict.violations.map(v => v.message)).toEqual(messages);
    expect(verdict.allowed).toBe(messages.length === 0);
    expect(verdict.rules).toEqual([line]);
    for (const v of verdict.violations) expect(v.rule).toBe(line);
  });

  test('no rules: allowed', () => {
    expect(evaluatePolicy([], subject(['a'], ['latest']))).toEqual({allowed: true, rules: [], violations: [], warnings: []});
  });
});

describe('evaluatePolicy: every violation is reported', () => {
  test('several images x several tags: one violation each, naming the image and the tag', () => {
    const verdict = evaluatePolicy(
      rules('allow-tags=\\d+\\.\\d+\\.\\d+', 'deny-latest=ghcr.io/o/*', 'max-tags=2'),
      subject(['ghcr.io/o/app', 'ghcr.io/o/worker', 'docker.io/o/app'], ['1.2.3', 'edge', 'latest'])
    );
    expect(verdict.allowed).toBe(false);
    expect(verdict.violations.map(v => [v.rule, v.image, v.tag])).toEqual([
      ['allow-tags=\\d+\\.\\d+\\.\\d+', 'ghcr.io/o/app', 'edge'],
      ['allow-tags=\\d+\\.\\d+\\.\\d+', 'ghcr.io/o/app', 'latest'],
      ['allow-tags=\\d+\\.\\d+\\.\\d+', 'ghcr.io/o/worker', 'edge'],
      ['allow-tags=\\d+\\.\\d+\\.\\d+', 'ghcr.io/o/worker', 'latest'],
      ['allow-tags=\\d+\\.\\d+\\.\\d+', 'docker.io/o/app', 'edge'],
      ['allow-tags=\\d+\\.\\d+\\.\\d+', 'docker.io/o/app', 'latest'],
      ['deny-latest=ghcr.io/o/*', 'ghcr.io/o/app', 'latest'],
      ['deny-latest=ghcr.io/o/*', 'ghcr.io/o/worker', 'latest'],
      ['max-tags=2', 'ghcr.io/o/app', undefined],
      ['max-tags=2', 'ghcr.io/o/worker', undefined],
      ['max-tags=2', 'docker.io/o/app', undefined]
    ]);
    for (const v of verdict.violations) {
      expect(v.message).toContain(v.image);
      if (v.tag) expect(v.message).toContain(v.tag);
    }
  });
});

describe('the policy in the plan', () => {
  test('a release refused on one image only: the verdict of each build names its own violations', async () => {
    const {plan} = await runPipeline({
      event: 'event_tag_v1.1.1',
      env: {GITHUB_REF: 'refs/tags/v1.2.3'},
      inputs: {
        images: ['name=app,file=app.Dockerfile', 'name=tools/app,file=tools.Dockerfile'],
        tags: ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}'],
        policy: ['deny-latest=ghcr.io/tools/*', 'require-semver=refs/tags/v*', 'require-sha=true']
      }
    });
    expect(plan.policy.allowed).toBe(false);
    expect(plan.policy.violations.map(v => v.message)).toEqual([
      'ghcr.io/tools/app may not be tagged latest (deny-latest ghcr.io/tools/*)',
      'ghcr.io/docker/app has no tag that carries the commit SHA 860c190 as a whole token (require-sha)',
      'ghcr.io/tools/app has no tag that carries the commit SHA 860c190 as a whole token (require-sha)'
    ]);
    const [app, tools] = plan.builds;
    expect(app.images).toEqual(['ghcr.io/docker/app']);
    expect(tools.images).toEqual(['ghcr.io/tools/app']);
    expect(app.policy.allowed).toBe(false);
    expect(app.policy.violations.map(v => v.rule)).toEqual(['require-sha=true']);
    expect(tools.policy.violations.map(v => v.rule)).toEqual(['deny-latest=ghcr.io/tools/*', 'require-sha=true']);
    expect(app.policy.rules).toEqual(plan.policy.rules);
  });

  test('require-sha does not apply to a pull request (not pushed)', async () => {
    const {plan} = await runPipeline({event: 'event_pull_request', inputs: {images: 'user/app', tags: ['type=ref,event=pr'], policy: ['require-sha=true']}});
    expect(plan.push).toBe(false);
    expect(plan.policy).toEqual({allowed: true, rules: ['require-sha=true'], violations: [], warnings: []});
  });

  test('require-sha on a push: satisfied by type=sha, refused without it', async () => {
    const ok = await runPipeline({event: 'event_push_master', inputs: {images: 'user/app', tags: ['type=ref,event=branch', 'type=sha'], policy: ['require-sha=true']}});
    expect(ok.plan.policy.allowed).toBe(true);
    const refused = await runPipeline({event: 'event_push_master', inputs: {images: 'user/app', tags: ['type=ref,event=branch'], policy: ['require-sha=true']}});
    expect(refused.plan.policy.violations.map(v => v.message)).toEqual(['ghcr.io/user/app has no tag that carries the commit SHA 2665741 as a whole token (require-sha)']);
  });

  test('deny-latest sees the flavor\'s latest tag', async () => {
    const {plan} = await runPipeline({
      event: 'event_tag_v1.1.1',
      inputs: {images: 'user/app', tags: ['type=semver,pattern={{version}}'], flavor: ['suffix=-slim,onlatest=true'], policy: ['deny-latest=ghcr.io/**']}
    });
    expect(plan.builds[0].tagNames).toEqual(['1.1.1-slim', 'latest-slim']);
    expect(plan.policy.violations.map(v => v.tag)).toEqual(['latest-slim']);
  });

  test('bare tags: the policy applies to the tag names', async () => {
    const {plan} = await runPipeline({event: 'event_push_master', inputs: {images: '', tags: ['type=ref,event=branch', 'type=sha'], policy: ['max-tags=1']}});
    expect(plan.builds).toHaveLength(1);
    expect(plan.builds[0].images).toEqual([]);
    expect(plan.policy.violations).toHaveLength(1);
    expect(plan.policy.violations[0].image).toBe('');
    expect(plan.builds[0].policy.allowed).toBe(false);
  });
});

describe('canonical image names', () => {
  test.each([
    ['acme/app', 'docker.io/acme/app'],
    ['docker.io/acme/app', 'docker.io/acme/app'],
    ['index.docker.io/acme/app', 'docker.io/acme/app'],
    ['registry-1.docker.io/acme/app', 'docker.io/acme/app'],
    ['Index.Docker.IO/Acme/App', 'docker.io/acme/app'],
    ['x', 'docker.io/library/x'],
    ['docker.io/x', 'docker.io/library/x'],
    ['index.docker.io/x', 'docker.io/library/x'],
    ['library/x', 'docker.io/library/x'],
    ['GHCR.io/Acme/App', 'ghcr.io/acme/app'],
    ['ghcr.io/acme/team/app', 'ghcr.io/acme/team/app'],
    ['localhost:5000/app', 'localhost:5000/app'],
    ['localhost/app', 'localhost/app'],
    ['registry.example.com:8443/a/b/c', 'registry.example.com:8443/a/b/c']
  ])('%s -> %s', (name, canonical) => {
    expect(canonicalName(name)).toBe(canonical);
  });

  test.each([
    ['acme/app', 'docker.io/acme/app'],
    ['acme/*', 'docker.io/acme/*'],
    ['index.docker.io/acme/*', 'docker.io/acme/*'],
    ['docker.io/*', 'docker.io/*'],
    ['docker.io/**', 'docker.io/**'],
    ['x', 'docker.io/library/x'],
    ['GHCR.io/Acme/*', 'ghcr.io/acme/*'],
    ['*', '*'],
    ['**', '**'],
    ['*/acme/app', '*/acme/app'],
    ['localhost:5000/*', 'localhost:5000/*']
  ])('glob %s -> %s', (glob, canonical) => {
    expect(canonicalImageGlob(glob)).toBe(canonical);
  });
});

describe('deny-latest: globs over canonical image names, case-insensitive', () => {
  const denies = (glob: string, name: string) => evaluatePolicy(rules(`deny-latest=${glob}`), subject([name], ['1.2.3', 'latest'])).violations.length === 1;
  test.each([
    // the examples of the issue
    ['ghcr.io/*', 'ghcr.io/acme/app', true],
    ['acme/app', 'acme/app', true],
    ['acme/app', 'docker.io/acme/app', true],
    ['acme/app', 'index.docker.io/acme/app', true],
    ['docker.io/acme/app', 'acme/app', true],
    ['index.docker.io/acme/app', 'docker.io/acme/app', true],
    ['docker.io/acme/*', 'index.docker.io/acme/app', true],
    ['acme/*', 'docker.io/acme/app', true],
    ['GHCR.io/Acme/*', 'ghcr.io/acme/app', true],
    ['ghcr.io/acme/*', 'GHCR.IO/ACME/APP', true],
    // bare names are official images
    ['nginx', 'nginx', true],
    ['nginx', 'docker.io/library/nginx', true],
    ['library/*', 'nginx', true],
    ['docker.io/*', 'nginx', true],
    ['docker.io/*', 'acme/app', true],
    ['nginx', 'acme/nginx', false],
    // any depth after a trailing *, and across registries with a leading wildcard
    ['ghcr.io/acme/*', 'ghcr.io/acme/team/tools/cli', true],
    ['ghcr.io/*/app', 'ghcr.io/acme/team/app', false],
    ['ghcr.io/**/app', 'ghcr.io/acme/team/app', true],
    ['*', 'ghcr.io/acme/app', true],
    ['**', 'acme/app', true],
    ['*/acme/app', 'acme/app', true],
    ['*/acme/app', 'ghcr.io/acme/app', true],
    // no accidental matches
    ['ghcr.io/*', 'docker.io/acme/app', false],
    ['ghcr.io/acme/*', 'ghcr.io/acmecorp/app', false],
    ['ghcr.io/acme/app', 'ghcr.io/acme/app-cli', false],
    ['acme/app', 'ghcr.io/acme/app', false],
    ['ghcr.io/acme/app', 'acme/app', false],
    ['localhost:5000/*', 'localhost:5000/app', true],
    ['localhost:5000/*', 'localhost:5001/app', false]
  ])('deny-latest=%s on %s: %s', (glob, name, matched) => {
    expect(denies(glob, name)).toBe(matched);
  });

  test('the violation names the image as planned', () => {
    const verdict = evaluatePolicy(rules('deny-latest=Acme/*'), subject(['index.docker.io/acme/app'], ['latest']));
    expect(verdict.violations.map(v => v.message)).toEqual(['index.docker.io/acme/app may not be tagged latest (deny-latest Acme/*)']);
  });

  test.each([
    ['deny-latest=ghcr.io/acme/app:latest', /deny-latest takes a glob over image names, without a tag or digest/],
    ['deny-latest=app:latest', /without a tag or digest/],
    ['deny-latest=ghcr.io/acme/app@sha256:abc', /without a tag or digest/],
    ['deny-latest=ghcr.io/a b', /holds no whitespace/]
  ])('%s is refused', (line, message) => {
    expect(() => parsePolicyRule(line)).toThrow(message);
  });
  test('a port in the registry domain is allowed', () => {
    expect(parsePolicyRule('deny-latest=localhost:5000/*')).toMatchObject({canonical: 'localhost:5000/*'});
  });
});

describe('require-semver: full refs and short names', () => {
  test.each([
    ['refs/tags/v1.2.3', 'v1.2.3'],
    ['refs/heads/main', 'main'],
    ['refs/heads/release/1.x', 'release/1.x'],
    ['refs/pull/12/merge', 'pull/12/merge'],
    ['', '']
  ])('shortRef(%s) = %s', (ref, short) => {
    expect(shortRef(ref)).toBe(short);
  });

  const applies = (glob: string, ref: string) => evaluatePolicy(rules(`require-semver=${glob}`), subject(['ghcr.io/o/app'], ['latest'], {ref})).violations.length === 1;
  test.each([
    ['v*', 'refs/tags/v1.2.3', true],
    ['v*', 'refs/heads/v2-dev', true],
    ['v*', 'refs/tags/1.2.3', false],
    ['*', 'refs/tags/1.2.3', true],
    ['release/*', 'refs/heads/release/1.x', true],
    ['release/*', 'refs/tags/release/v1', true],
    ['refs/tags/v*', 'refs/tags/v1.2.3', true],
    ['refs/tags/v*', 'refs/heads/v1.2.3', false],
    ['refs/tags/*', 'refs/tags/app/v1.2.3', true],
    ['refs/tags/v*', 'refs/tags/app/v1.2.3', false],
    ['refs/tags/**/v*', 'refs/tags/app/v1.2.3', true],
    // a branch named like a tag ref is still a branch: refs/ globs see the full ref only
    ['refs/tags/v*', 'refs/heads/refs/tags/v1', false],
    ['pull/*', 'refs/pull/12/merge', true],
    ['main', 'refs/heads/main', true],
    ['main', 'refs/heads/maintenance', false]
  ])('require-semver=%s on %s: %s', (glob, ref, required) => {
    expect(applies(glob, ref)).toBe(required);
  });
});

describe('require-sha: the commit SHA as a whole token of a tag', () => {
  const ok = (tags: string[], o: {shortSha?: string; sha?: string} = {}) => evaluatePolicy(rules('require-sha=true'), subject(['ghcr.io/o/app'], tags, o)).allowed;
  test.each([
    // satisfied
    [['sha-860c190'], true],
    [['860c190'], true],
    [['860c1904'], true],
    [[SHA], true],
    [[`sha-${SHA}`], true],
    [['860C190'], true],
    [['sha_860c190'], true],
    [['860c190.slim'], true],
    [['1.2.3-860c190-slim'], true],
    [['main-860c1904a1ce'], true],
    // coincidences: not the commit SHA as a whole token
    [['build-2024061234567'], false],
    [['fix-0123456'], false],
    [['sha-860c19'], false],
    [['sha-860c190x'], false],
    [['sha-x860c190'], false],
    [['860c190abc'], false],
    [['1.2.3'], false],
    [['latest'], false]
  ])('%j: %s', (tags, satisfied) => {
    expect(ok(tags)).toBe(satisfied);
  });

  test('the example digits of the issue are refused even when they contain a short SHA of digits only', () => {
    const sha = '2024061' + 'a'.repeat(33);
    expect(ok(['build-2024061234567'], {sha, shortSha: '2024061'})).toBe(false);
    expect(ok(['build-2024061'], {sha, shortSha: '2024061'})).toBe(true);
    expect(ok(['fix-0123456'], {sha: '0123456' + 'b'.repeat(33), shortSha: '0123456'})).toBe(true);
  });

  test('a short SHA shorter than 7 characters does not count (DOCKER_METADATA_SHORT_SHA_LENGTH=4)', () => {
    expect(ok(['sha-860c'], {shortSha: '860c'})).toBe(false);
  });
});

describe('rules that match nothing give a warning', () => {
  test.each([
    ['deny-latest=ghcr.io/acme/*', ['docker.io/acme/app'], 'refs/tags/v1.2.3', ['deny-latest=ghcr.io/acme/* matches no image of this run, so it checks nothing: the glob ghcr.io/acme/* is matched against the canonical image names docker.io/acme/app']],
    ['deny-latest=ghcr.io/*/app', ['ghcr.io/acme/team/app'], 'refs/tags/v1.2.3', ['deny-latest=ghcr.io/*/app matches no image of this run, so it checks nothing: the glob ghcr.io/*/app is matched against the canonical image names ghcr.io/acme/team/app']],
    ['deny-latest=ghcr.io/acme/*', ['ghcr.io/acme/app', 'ghcr.io/other/app'], 'refs/tags/v1.2.3', []],
    ['deny-latest=GHCR.io/Acme/*', ['ghcr.io/acme/app'], 'refs/tags/v1.2.3', []],
    ['require-semver=refs/tag/v*', ['ghcr.io/o/app'], 'refs/tags/v1.2.3', ['require-semver=refs/tag/v* does not apply to this run: refs/tag/v* does not match the ref refs/tags/v1.2.3']],
    ['require-semver=v*', ['ghcr.io/o/app'], 'refs/heads/main', ['require-semver=v* does not apply to this run: v* does not match main, the short name of the ref refs/heads/main (a glob starting with refs/ is matched against the full ref)']],
    ['require-semver=v*', ['ghcr.io/o/app'], 'refs/tags/v1.2.3', []],
    ['max-tags=5', ['ghcr.io/o/app'], 'refs/tags/v1.2.3', []]
  ])('%s on %j at %s', (line, images, ref, warnings) => {
    const verdict = evaluatePolicy(rules(line), subject(images, ['1.2.3'], {ref}));
    expect(verdict.warnings).toEqual(warnings);
    expect(verdict.allowed).toBe(true);
  });

  test('in the plan: a warning of the run, in the plan text, the log and the dry-run summary', async () => {
    const o = {event: 'event_tag_v1.1.1', inputs: {images: 'user/app', tags: ['type=semver,pattern={{version}}'], policy: ['deny-latest=docker.io/**']}};
    const {plan} = await runPipeline(o);
    const {warnings} = await prepare(fixtureContext(o.event), {env: fixtureEnv(o.event, inputEnv(o.inputs)), useApi: false, workspace: '/nonexistent'});
    expect(plan.policy.allowed).toBe(true);
    expect(plan.policy.warnings).toEqual(['deny-latest=docker.io/** matches no image of this run, so it checks nothing: the glob docker.io/** is matched against the canonical image names ghcr.io/user/app']);
    expect(plan.builds[0].policy.warnings).toEqual(plan.policy.warnings);
    expect(warnings).toContain(`Tag policy: ${plan.policy.warnings[0]}`);
    expect(policyLine(plan)).toBe('allowed with warnings (1 rule: deny-latest=docker.io/**, 1 warning)');
    expect(formatPlan(plan, 'plan')).toContain('\npolicy: allowed with warnings (1 rule: deny-latest=docker.io/**, 1 warning)\n  ! deny-latest=docker.io/** matches no image');
    expect(planSummary(plan, 'dry run')).toContain('- ⚠️ deny-latest=docker.io/\\*\\* matches no image');
  });
});

describe('max-size: size budgets (checked after the push, engine/steps/budget.ts)', () => {
  test.each([
    // [line, glob, canonical glob, bytes, unit]
    ['max-size=*/api:500MB', '*/api', '*/api', 500e6, 'MB'],
    ['max-size=**/api:1.5GiB', '**/api', '**/api', 1.5 * 2 ** 30, 'GiB'],
    ['max-size=ghcr.io/acme/*:800KB', 'ghcr.io/acme/*', 'ghcr.io/acme/*', 800e3, 'KB'],
    ['max-size=acme/app:800kb', 'acme/app', 'docker.io/acme/app', 800e3, 'KB'],
    ['max-size=nginx:1 MiB', 'nginx', 'docker.io/library/nginx', 2 ** 20, 'MiB'],
    ['max-size=localhost:5000/app:123456', 'localhost:5000/app', 'localhost:5000/app', 123456, 'B'],
    ['max-size=localhost:5000/*:10B', 'localhost:5000/*', 'localhost:5000/*', 10, 'B'],
    [' MAX-SIZE = ** : 2TB ', '**', '**', 2e12, 'TB'],
    ['max-size=**:0.5KiB', '**', '**', 512, 'KiB'],
    ['max-size=**:1.0001KB', '**', '**', 1000, 'KB']
  ])('%s', (line, glob, canonical, bytes, unit) => {
    expect(parsePolicyRule(line)).toMatchObject({kind: 'max-size', source: line, glob, canonical, bytes, unit});
  });

  test.each([
    ['max-size=', /max-size is written max-size=<image glob>:<size>/],
    ['max-size=**/api', /max-size is written max-size=<image glob>:<size> \(e.g. max-size=\*\*\/api:500MB\), not "\*\*\/api"/],
    ['max-size=:500MB', /max-size is written/],
    ['max-size=**/api:', /max-size is written/],
    ['max-size=**/api:lots', /max-size: "lots" is not a size: write a number with one of the units B, KB, MB/],
    ['max-size=**/api:500M', /"500M" is not a size \(write MB for 10\^6 bytes or MiB for 2\^20\)/],
    ['max-size=**/api:2g', /write GB for 10\^9 bytes or GiB for 2\^30/],
    ['max-size=**/api:500PB', /"500PB" is not a size/],
    ['max-size=**/api:-5MB', /"-5MB" is not a size/],
    ['max-size=**/api:0', /less than one byte/],
    ['max-size=**/api:0.1B', /less than one byte/],
    ['max-size=**/api:1e3', /"1e3" is not a size/],
    ['max-size=**/api:99999999TB', /too large/],
    ['max-size=ghcr.io/acme/app:latest:1GB', /max-size takes a glob over image names, without a tag or digest/],
    ['max-size=ghcr.io/acme/app@sha256:abc:1GB', /without a tag or digest/],
    ['max-size=ghcr.io/a b:1GB', /holds no whitespace/],
    // a registry's port alone is no size
    ['max-size=localhost:5000/app', /"5000\/app" is not a size/]
  ])('%s is refused', (line, message) => {
    expect(() => parsePolicyRule(line)).toThrow(message);
  });

  test.each([
    // [glob, image, matched]: the globs of deny-latest
    ['*/api', '127.0.0.1:5000/api', true],
    ['*/api', 'ghcr.io/acme/api', false],
    ['**/api', 'ghcr.io/acme/api', true],
    ['**/api', 'acme/api', true],
    ['acme/*', 'docker.io/acme/api', true],
    ['ghcr.io/acme/*', 'GHCR.io/Acme/Api', true],
    ['ghcr.io/acme/*', 'ghcr.io/acmecorp/api', false]
  ])('max-size=%s:1MB on %s matches: %s', (glob, name, matched) => {
    const rule = parsePolicyRule(`max-size=${glob}:1MB`) as Extract<PolicyRule, {kind: 'max-size'}>;
    expect(rule.pattern.test(canonicalName(name))).toBe(matched);
  });

  test('at plan time it refuses nothing (sizes are unknown), and warns when it matches no image', () => {
    const hit = evaluatePolicy(rules('max-size=**/app:1B'), subject(['ghcr.io/o/app'], ['latest']));
    expect(hit).toEqual({allowed: true, rules: ['max-size=**/app:1B'], violations: [], warnings: []});
    const miss = evaluatePolicy(rules('max-size=*/app:1B'), subject(['ghcr.io/o/app'], ['latest']));
    expect(miss.allowed).toBe(true);
    expect(miss.warnings).toEqual(['max-size=*/app:1B matches no image of this run, so it checks nothing: the glob */app is matched against the canonical image names ghcr.io/o/app']);
  });
});

describe('max-size in the plan', () => {
  test('the plan text and the dry-run summary show the rule like the others, the plan text says when it is checked', async () => {
    const {plan} = await runPipeline({event: 'event_tag_v1.1.1', inputs: {images: 'user/app', tags: ['type=semver,pattern={{version}}'], policy: ['max-size=**/app:500MB', 'max-tags=3']}});
    expect(plan.policy).toEqual({allowed: true, rules: ['max-size=**/app:500MB', 'max-tags=3'], violations: [], warnings: []});
    expect(policyLine(plan)).toBe('allowed (2 rules: max-size=**/app:500MB; max-tags=3)');
    expect(formatPlan(plan, 'plan')).toContain('\n  size budgets (max-size=**/app:500MB): checked once the images are in the registry, before any tag moves');
    expect(planSummary(plan, 'dry run')).toContain('max-size=\\*\\*/app:500MB');
  });
});
