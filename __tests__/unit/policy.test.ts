import {describe, expect, test} from '@jest/globals';
import {parsePolicyRule, globToRegExp, evaluatePolicy, type PolicySubject, type PolicyRule} from '../../src/pipeline/policy.js';
import {runPipeline} from '../support/pipeline.js';

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
    ['ghcr.io/org/*', 'ghcr.io/org/team/app', false],
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
    ['deny-latest=ghcr.io/other/*', subject(['ghcr.io/o/app'], ['latest']), []],
    // `*` stays within one path segment: a nested name needs `**`
    ['deny-latest=ghcr.io/org/*', subject(['ghcr.io/org/team/app'], ['1.2.3', 'latest']), []],
    ['deny-latest=ghcr.io/org/**', subject(['ghcr.io/org/team/app'], ['1.2.3', 'latest']), ['ghcr.io/org/team/app may not be tagged latest (deny-latest ghcr.io/org/**)']],
    // the flavor's latest (app-latest) is latest too
    ['deny-latest=**', subject(['ghcr.io/o/app'], ['app-1.2.3', 'app-latest'], {latestTags: ['app-latest']}), ['ghcr.io/o/app may not be tagged app-latest (deny-latest **)']],
    ['require-sha=true', subject(['ghcr.io/o/app'], ['1.2.3', 'sha-860c190']), []],
    ['require-sha=true', subject(['ghcr.io/o/app'], [`build-${SHA}`]), []],
    ['require-sha=true', subject(['ghcr.io/o/app'], ['1.2.3']), ['ghcr.io/o/app has no tag that carries the commit SHA 860c190 (require-sha)']],
    ['require-sha=true', subject(['ghcr.io/o/app'], ['1.2.3'], {push: false}), []],
    ['require-sha=true', subject(['ghcr.io/o/app'], ['1.2.3'], {sha: '', shortSha: ''}), ['ghcr.io/o/app has no tag that carries the commit SHA (no commit SHA is known) (require-sha)']],
    ['require-sha=false', subject(['ghcr.io/o/app'], ['1.2.3']), []],
    // DOCKER_METADATA_SHORT_SHA_LENGTH=0: an empty short SHA is in every tag, but carries no commit
    ['require-sha=true', subject(['ghcr.io/o/app'], ['1.2.3', 'sha-'], {shortSha: ''}), [`ghcr.io/o/app has no tag that carries the commit SHA ${SHA} (require-sha)`]],
    ['require-sha=true', subject(['ghcr.io/o/app'], [SHA], {shortSha: ''}), []],
    ['require-semver=refs/tags/v*', subject(['ghcr.io/o/app'], ['1.2.3', 'latest']), []],
    ['require-semver=refs/tags/v*', subject(['ghcr.io/o/app'], ['v1.2.3']), []],
    ['require-semver=refs/tags/v*', subject(['ghcr.io/o/app'], ['1.2', 'latest']), ['ghcr.io/o/app has no semantic-version tag, which refs/tags/v1.2.3 requires (require-semver refs/tags/v*)']],
    ['require-semver=refs/tags/v*', subject(['ghcr.io/o/app'], ['main'], {ref: 'refs/heads/main'}), []],
    ['require-semver=refs/tags/release/*', subject(['ghcr.io/o/app'], ['latest']), []],
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
    expect(evaluatePolicy([], subject(['a'], ['latest']))).toEqual({allowed: true, rules: [], violations: []});
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
      'ghcr.io/docker/app has no tag that carries the commit SHA 860c190 (require-sha)',
      'ghcr.io/tools/app has no tag that carries the commit SHA 860c190 (require-sha)'
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
    expect(plan.policy).toEqual({allowed: true, rules: ['require-sha=true'], violations: []});
  });

  test('require-sha on a push: satisfied by type=sha, refused without it', async () => {
    const ok = await runPipeline({event: 'event_push_master', inputs: {images: 'user/app', tags: ['type=ref,event=branch', 'type=sha'], policy: ['require-sha=true']}});
    expect(ok.plan.policy.allowed).toBe(true);
    const refused = await runPipeline({event: 'event_push_master', inputs: {images: 'user/app', tags: ['type=ref,event=branch'], policy: ['require-sha=true']}});
    expect(refused.plan.policy.violations.map(v => v.message)).toEqual(['ghcr.io/user/app has no tag that carries the commit SHA 2665741 (require-sha)']);
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
