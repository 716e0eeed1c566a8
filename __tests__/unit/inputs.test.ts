import {describe, expect, test} from '@jest/globals';
import {getInputs, inputLines, parseImageLine, DEFAULT_PLATFORMS, DEFAULT_REGISTRY} from '../../src/pipeline/inputs/index.js';
import {InputError, InputErrors} from '../../src/pipeline/inputs/errors.js';
import {DEFAULT_TAG_EXPRESSIONS} from '../../src/pipeline/metadata/tag.js';
import {DEFAULT_FLAVOR} from '../../src/pipeline/metadata/flavor.js';
import {thrown} from '../support/pipeline.js';
import type {Env} from '../../src/action/runner.js';

/** The InputErrors that getInputs(env) throws (fails the test when it does not throw one). */
function inputErrors(env: Env): InputError[] {
  const e = thrown(() => getInputs(env));
  expect(e).toBeInstanceOf(InputErrors);
  for (const err of (e as InputErrors).errors) expect(err).toBeInstanceOf(InputError);
  return (e as InputErrors).errors;
}

// A bad line after a good one, a blank line and a comment: its line number counts all three.
const after3 = (bad: string, good = 'type=ref,event=branch') => `${good}\n\n# a comment\n${bad}`;

describe('bad input: one InputError naming the input and the line, quoting it verbatim', () => {
  test.each([
    // [description, env, input, line, offending text, message pattern]
    ['unknown tag type', {INPUT_TAGS: 'type=foo'}, 'tags', 1, 'type=foo', /unknown tag type "foo"/],
    ['unknown tag type after blank and comment lines', {INPUT_TAGS: after3('type=foo')}, 'tags', 4, 'type=foo', /unknown tag type "foo"/],
    ['unknown tag attribute (typo)', {INPUT_TAGS: 'type=sha,formatt=long'}, 'tags', 1, 'type=sha,formatt=long', /unknown attribute "formatt"/],
    ['bad sha format', {INPUT_TAGS: after3('type=sha,format=foo')}, 'tags', 4, 'type=sha,format=foo', /invalid format "foo" for type=sha/],
    ['match group that is not a number', {INPUT_TAGS: 'type=match,pattern=v(.*),group=foo'}, 'tags', 1, 'type=match,pattern=v(.*),group=foo', /invalid match group "foo"/],
    ['match group with enable', {INPUT_TAGS: 'type=match,enable=true,pattern=v(.*),group=foo'}, 'tags', 1, 'type=match,enable=true,pattern=v(.*),group=foo', /invalid match group/],
    ['ref with an unknown event', {INPUT_TAGS: after3('type=ref,event=foo')}, 'tags', 4, 'type=ref,event=foo', /invalid event "foo" for type=ref/],
    ['ref without event', {INPUT_TAGS: 'type=ref'}, 'tags', 1, 'type=ref', /missing event attribute for type=ref/],
    ['raw without value', {INPUT_TAGS: '\ntype=raw'}, 'tags', 2, 'type=raw', /missing value attribute for type=raw/],
    ['semver without pattern', {INPUT_TAGS: 'type=semver'}, 'tags', 1, 'type=semver', /missing pattern attribute for type=semver/],
    ['pep440 without pattern', {INPUT_TAGS: 'type=pep440'}, 'tags', 1, 'type=pep440', /missing pattern attribute for type=pep440/],
    ['match without pattern', {INPUT_TAGS: 'type=match'}, 'tags', 1, 'type=match', /missing pattern attribute for type=match/],
    ['match pattern that does not compile', {INPUT_TAGS: 'type=match,pattern=(,group=1'}, 'tags', 1, 'type=match,pattern=(,group=1', /pattern "\(" is not a valid regular expression/],
    ['semver match= that does not compile', {INPUT_TAGS: 'type=semver,pattern={{version}},match=['}, 'tags', 1, 'type=semver,pattern={{version}},match=[', /match "\[" is not a valid regular expression/],
    ['priority that is not a number', {INPUT_TAGS: after3('type=raw,value=a,priority=high')}, 'tags', 4, 'type=raw,value=a,priority=high', /invalid priority "high"/],
    ['empty priority', {INPUT_TAGS: 'type=raw,value=a,priority='}, 'tags', 1, 'type=raw,value=a,priority=', /invalid priority ""/],
    ['unknown time zone', {INPUT_TAGS: "type=raw,value={{date 'YYYY'}},tz=Mars/Olympus"}, 'tags', 1, "type=raw,value={{date 'YYYY'}},tz=Mars/Olympus", /unknown time zone "Mars\/Olympus"/],
    ['unbalanced quotes in a tag', {INPUT_TAGS: 'type=raw,"value=a'}, 'tags', 1, 'type=raw,"value=a', /cannot be read as comma-separated fields/],
    ['flavor latest=maybe', {INPUT_FLAVOR: 'latest=maybe'}, 'flavor', 1, 'latest=maybe', /invalid latest "maybe"/],
    ['flavor unknown entry', {INPUT_FLAVOR: 'latest=auto\n# c\nfoo=bar'}, 'flavor', 3, 'foo=bar', /unknown flavor entry "foo"/],
    ['flavor onlatest=yes', {INPUT_FLAVOR: 'prefix=v,onlatest=yes'}, 'flavor', 1, 'prefix=v,onlatest=yes', /invalid onlatest "yes"/],
    ['flavor entry without =', {INPUT_FLAVOR: 'latest'}, 'flavor', 1, 'latest', /not a key=value entry/],
    ['image with an empty name=', {INPUT_IMAGES: 'name='}, 'images', 1, 'name=', /image name is empty/],
    ['image enable=maybe', {INPUT_IMAGES: 'user/app\n\nname=user/other,enable=maybe'}, 'images', 3, 'name=user/other,enable=maybe', /invalid enable "maybe"/],
    ['image with an unknown attribute', {INPUT_IMAGES: 'user/app,foo=bar'}, 'images', 1, 'user/app,foo=bar', /unknown image attribute "foo"/],
    ['image name with a tag', {INPUT_IMAGES: 'app:1.0'}, 'images', 1, 'app:1.0', /has a tag; give the name only/],
    ['image name with a digest', {INPUT_IMAGES: 'ghcr.io/o/app@sha256:abc'}, 'images', 1, 'ghcr.io/o/app@sha256:abc', /has a digest/],
    ['image name with an invalid path component', {INPUT_IMAGES: 'user/-app'}, 'images', 1, 'user/-app', /invalid path component "-app"/],
    ['image name with an empty path component', {INPUT_IMAGES: 'user//app'}, 'images', 1, 'user//app', /empty path component/],
    ['image with a second bare name', {INPUT_IMAGES: 'name=user/app,other'}, 'images', 1, 'name=user/app,other', /unexpected field "other"/],
    ['image with file= twice', {INPUT_IMAGES: 'name=user/app,file=a.Dockerfile,file=b.Dockerfile'}, 'images', 1, 'name=user/app,file=a.Dockerfile,file=b.Dockerfile', /attribute "file" is given twice/],
    ['image with platforms= twice', {INPUT_IMAGES: 'user/app,platforms=linux/amd64,Platforms=linux/arm64'}, 'images', 1, 'user/app,platforms=linux/amd64,Platforms=linux/arm64', /attribute "platforms" is given twice/],
    ['image with a bare name and name=', {INPUT_IMAGES: 'user/app,name=user/other'}, 'images', 1, 'user/app,name=user/other', /the image name is given twice/],
    ['image with enable= twice', {INPUT_IMAGES: 'user/app,enable=false,enable=true'}, 'images', 1, 'user/app,enable=false,enable=true', /attribute "enable" is given twice/],
    ['flavor prefix=a=b', {INPUT_FLAVOR: 'prefix=a=b'}, 'flavor', 1, 'prefix=a=b', /"prefix=a=b" has more than one "=": a prefix value cannot contain "="/],
    ['image with an empty file=', {INPUT_IMAGES: 'user/app,file='}, 'images', 1, 'user/app,file=', /file= is empty/],
    ['image with a quote inside a field', {INPUT_IMAGES: 'name=user/app,platforms="linux/amd64,linux/arm64"'}, 'images', 1, 'name=user/app,platforms="linux/amd64,linux/arm64"', /quote the whole field: "platforms=linux\/amd64,linux\/arm64"/],
    ['image platforms=linux/amd65', {INPUT_IMAGES: '# images\nname=user/app,platforms=linux/amd65'}, 'images', 2, 'name=user/app,platforms=linux/amd65', /unknown architecture "amd65".*did you mean linux\/amd64/],
    ['legacy list with a bad name', {INPUT_IMAGES: 'user/app,app:1.0'}, 'images', 1, 'user/app,app:1.0', /"app:1.0" has a tag/],
    ['policy: unknown rule', {INPUT_POLICY: 'deny-everything=1'}, 'policy', 1, 'deny-everything=1', /unknown policy rule "deny-everything"/],
    ['policy: allow-tags regex that does not compile', {INPUT_POLICY: 'max-tags=3\nallow-tags=('}, 'policy', 2, 'allow-tags=(', /allow-tags: the regular expression does not compile/],
    ['policy: empty allow-tags', {INPUT_POLICY: 'allow-tags='}, 'policy', 1, 'allow-tags=', /allow-tags needs a regular expression/],
    ['policy: max-tags=0', {INPUT_POLICY: 'max-tags=0'}, 'policy', 1, 'max-tags=0', /max-tags takes a whole number of at least 1, not "0"/],
    ['policy: max-tags=x', {INPUT_POLICY: '\n\nmax-tags=x'}, 'policy', 3, 'max-tags=x', /max-tags takes a whole number of at least 1, not "x"/],
    ['policy: max-tags=1.5', {INPUT_POLICY: 'max-tags=1.5'}, 'policy', 1, 'max-tags=1.5', /max-tags takes a whole number/],
    ['policy: require-sha=yes', {INPUT_POLICY: 'require-sha=yes'}, 'policy', 1, 'require-sha=yes', /require-sha takes true or false, not "yes"/],
    ['policy: empty deny-latest', {INPUT_POLICY: 'deny-latest='}, 'policy', 1, 'deny-latest=', /deny-latest needs a glob/],
    ['policy: empty require-semver', {INPUT_POLICY: 'require-semver='}, 'policy', 1, 'require-semver=', /require-semver needs a glob/],
    ['policy: a line without =', {INPUT_POLICY: '# rules\nrequire-sha'}, 'policy', 2, 'require-sha', /a rule is written rule=value/],
    ['policy: max-size without a size', {INPUT_POLICY: 'max-tags=3\nmax-size=**/api'}, 'policy', 2, 'max-size=**/api', /max-size is written max-size=<image glob>:<size>/],
    ['policy: max-size with an ambiguous unit', {INPUT_POLICY: 'max-size=**/api:500M'}, 'policy', 1, 'max-size=**/api:500M', /"500M" is not a size \(write MB for 10\^6 bytes or MiB for 2\^20\)/],
    ['policy: max-size with a tag in the glob', {INPUT_POLICY: '\nmax-size=ghcr.io/o/api:latest:1GB'}, 'policy', 2, 'max-size=ghcr.io/o/api:latest:1GB', /max-size takes a glob over image names, without a tag or digest/],
    ['build-args without =', {'INPUT_BUILD-ARGS': 'A=1\nFOO'}, 'build-args', 2, 'FOO', /a build argument is written NAME=value/],
    ['build-args with an empty name', {'INPUT_BUILD-ARGS': '=x'}, 'build-args', 1, '=x', /a build argument is written NAME=value/],
    ['build-args with an invalid name', {'INPUT_BUILD-ARGS': '1A=x'}, 'build-args', 1, '1A=x', /a build argument is written NAME=value/],
    ['label with an empty key', {INPUT_LABELS: 'a=b\n=x'}, 'labels', 2, '=x', /label has an empty key/],
    ['annotation with an empty key', {INPUT_ANNOTATIONS: 'index:=x'}, 'annotations', 1, 'index:=x', /annotation has an empty key/]
  ])('%s', (_name, env, input, line, text, message) => {
    const errors = inputErrors(env as Env);
    expect(errors).toHaveLength(1);
    const [err] = errors;
    expect(err.input).toBe(input);
    expect(err.line).toBe(line);
    expect(err.text).toBe(text);
    expect(err.message).toContain(text);
    expect(err.message).toContain(`Input "${input}", line ${line}:`);
    expect(err.message).toMatch(message);
  });

  test.each([
    // single-value inputs: no line; the value is quoted
    ['platforms: unknown architecture, with a suggestion', {INPUT_PLATFORMS: 'linux/amd65'}, 'platforms', 'linux/amd65', /unknown architecture "amd65" in platform "linux\/amd65" \(did you mean linux\/amd64\?\)/],
    ['platforms: an os alone', {INPUT_PLATFORMS: 'windows'}, 'platforms', 'windows', /"windows" is not a platform \(os\/arch/],
    ['platforms: unknown arm variant', {INPUT_PLATFORMS: 'linux/arm/v9'}, 'platforms', 'linux/arm/v9', /unknown variant "v9" for arm.*one of v5, v6, v7, v8/],
    ['platforms: one bad entry in a list', {INPUT_PLATFORMS: 'linux/amd64,linxu/arm64'}, 'platforms', 'linux/amd64,linxu/arm64', /unknown operating system "linxu".*did you mean linux\?/],
    ['registry: not a host', {INPUT_REGISTRY: 'not a registry'}, 'registry', 'not a registry', /not a registry host/],
    ['registry: upper-case path', {INPUT_REGISTRY: 'ghcr.io/Org'}, 'registry', 'ghcr.io/Org', /not a registry host/],
    ['dry-run=maybe', {'INPUT_DRY-RUN': 'maybe'}, 'dry-run', 'maybe', /expected true or false/],
    ['dry-run=yes', {'INPUT_DRY-RUN': 'yes'}, 'dry-run', 'yes', /expected true or false/],
    ['push=sometimes', {INPUT_PUSH: 'sometimes'}, 'push', 'sometimes', /expected one of auto, true, false/],
    ['summary=1', {INPUT_SUMMARY: '1'}, 'summary', '1', /expected true or false/],
    ['default-build-args=no', {'INPUT_DEFAULT-BUILD-ARGS': 'no'}, 'default-build-args', 'no', /expected true or false/]
  ])('%s', (_name, env, input, text, message) => {
    const errors = inputErrors(env as Env);
    expect(errors).toHaveLength(1);
    const [err] = errors;
    expect(err.input).toBe(input);
    expect(err.line).toBeUndefined();
    expect(err.text).toBe(text);
    expect(err.message).toContain(`Input "${input}": `);
    expect(err.message).toContain(text);
    expect(err.message).toMatch(message);
  });

  test('an indented bad line is quoted without its indentation, with its own line number', () => {
    const [err] = inputErrors({INPUT_TAGS: '  type=sha\n    type=foo  \n'});
    expect(err).toMatchObject({input: 'tags', line: 2, text: 'type=foo'});
  });

  test('CRLF line ends count lines like LF', () => {
    const [err] = inputErrors({INPUT_TAGS: 'type=sha\r\n\r\n# c\r\ntype=ref,event=foo\r\n'});
    expect(err).toMatchObject({input: 'tags', line: 4, text: 'type=ref,event=foo'});
  });
});

describe('several errors across inputs are reported at once', () => {
  test('one InputErrors carries every error, input by input, line by line', () => {
    const errors = inputErrors({
      INPUT_IMAGES: 'user/app\napp:1.0\nname=,enable=true',
      INPUT_PLATFORMS: 'linux/amd65',
      INPUT_TAGS: 'type=foo\ntype=sha\ntype=ref',
      INPUT_FLAVOR: 'latest=maybe',
      INPUT_POLICY: 'max-tags=0\ndeny-everything=1',
      'INPUT_DRY-RUN': 'maybe',
      'INPUT_BUILD-ARGS': 'NOPE'
    });
    expect(errors.map(e => [e.input, e.line, e.text])).toEqual([
      ['images', 2, 'app:1.0'],
      ['images', 3, 'name=,enable=true'],
      ['platforms', undefined, 'linux/amd65'],
      ['tags', 1, 'type=foo'],
      ['tags', 3, 'type=ref'],
      ['flavor', 1, 'latest=maybe'],
      ['policy', 1, 'max-tags=0'],
      ['policy', 2, 'deny-everything=1'],
      ['build-args', 1, 'NOPE'],
      ['dry-run', undefined, 'maybe']
    ]);
  });

  test('the InputErrors message lists every error, one a line', () => {
    const e = thrown(() => getInputs({INPUT_TAGS: 'type=foo', INPUT_FLAVOR: 'foo=bar'})) as InputErrors;
    expect(e.message.split('\n')).toEqual(e.errors.map(x => x.message));
    expect(e.message).toContain('Input "tags", line 1: unknown tag type "foo"');
    expect(e.message).toContain('Input "flavor", line 1: unknown flavor entry "foo"');
  });

  test.each(['type=match,enable=true,pattern=v(.*),group=foo', 'type=ref,event=foo', 'type=ref', 'type=raw', 'type=semver', 'type=match', 'type=foo', 'type=sha,format=foo'])(
    'metadata-action invalid tag %s is an input error quoting it',
    expression => {
      const [err] = inputErrors({INPUT_TAGS: expression});
      expect(err).toMatchObject({input: 'tags', line: 1, text: expression});
    }
  );
});

describe('images', () => {
  test.each([
    ['unset: the repository', {GITHUB_REPOSITORY: 'docker/test-docker-action'}, ['docker/test-docker-action'], false],
    ['unset and no repository: no image, not bare', {}, [], false],
    ['explicitly empty: bare tags', {INPUT_IMAGES: '', GITHUB_REPOSITORY: 'docker/test-docker-action'}, [], true],
    ['only blank and comment lines: bare tags', {INPUT_IMAGES: '\n# none\n  \n'}, [], true],
    ['one name', {INPUT_IMAGES: 'user/app'}, ['user/app'], false],
    ['one name a line', {INPUT_IMAGES: 'user/app\nghcr.io/user/app\n'}, ['user/app', 'ghcr.io/user/app'], false],
    ['legacy single-line comma list', {INPUT_IMAGES: 'user/app,ghcr.io/user/app'}, ['user/app', 'ghcr.io/user/app'], false],
    ['legacy list after a comment line', {INPUT_IMAGES: '# both\nuser/app,quay.io/user/app'}, ['user/app', 'quay.io/user/app'], false],
    ['legacy list with spaces', {INPUT_IMAGES: 'user/app, ghcr.io/user/app , quay.io/u/a'}, ['user/app', 'ghcr.io/user/app', 'quay.io/u/a'], false],
    ['comment lines and CRLF', {INPUT_IMAGES: '# main image\r\nuser/app\r\n\r\n# mirror\r\nquay.io/user/app\r\n'}, ['user/app', 'quay.io/user/app'], false],
    ['name= attribute', {INPUT_IMAGES: 'name=user/app'}, ['user/app'], false],
    ['registry with a port', {INPUT_IMAGES: 'localhost:5000/app\n127.0.0.1:5000/team/app'}, ['localhost:5000/app', '127.0.0.1:5000/team/app'], false],
    ['upper case kept (lower-cased when qualified)', {INPUT_IMAGES: 'ghcr.io/MyUSER/MyApp'}, ['ghcr.io/MyUSER/MyApp'], false]
  ])('%s', (_name, env, names, bare) => {
    const inputs = getInputs(env as Env);
    expect(inputs.images.map(i => i.name)).toEqual(names);
    expect(inputs.bareTags).toBe(bare);
  });

  test.each([
    ['name only', 'user/app', {name: 'user/app', enable: true, context: '.'}],
    ['enable=false', 'user/app,enable=false', {name: 'user/app', enable: false}],
    ['enable=true', 'name=user/app,enable=true', {name: 'user/app', enable: true}],
    ['build attributes', 'name=user/app,file=docker/app.Dockerfile,context=docker,target=prod', {file: 'docker/app.Dockerfile', context: 'docker', target: 'prod'}],
    ['title and description', 'user/app,title=My App,description=The app', {title: 'My App', description: 'The app'}],
    ['empty description is allowed', 'user/app,description=', {description: ''}],
    ['quoted field with commas', 'user/app,"description=one, two"', {description: 'one, two'}],
    ['unquoted platforms continuation', 'name=a,platforms=linux/amd64,linux/arm64', {name: 'a', platforms: ['linux/amd64', 'linux/arm64']}],
    ['unquoted platforms continuation then more attributes', 'name=a,platforms=linux/amd64,linux/arm64,linux/arm/v7,file=a.Dockerfile', {name: 'a', platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7'], file: 'a.Dockerfile'}],
    ['quoted platforms field', 'name=a,"platforms=linux/amd64,linux/arm64",target=t', {name: 'a', platforms: ['linux/amd64', 'linux/arm64'], target: 't'}],
    ['platforms separated by spaces or semicolons', 'name=a,platforms=linux/amd64;linux/arm64 linux/386', {platforms: ['linux/amd64', 'linux/arm64', 'linux/386']}],
    ['platforms normalised and deduplicated', 'name=a,platforms=Linux/AMD64,linux/amd64', {platforms: ['linux/amd64']}],
    ['attribute keys are case-insensitive', 'NAME=a,Target=t', {name: 'a', target: 't'}]
  ])('image line: %s', (_name, text, expected) => {
    expect(parseImageLine(text, 7)).toMatchObject({...expected, line: 7});
  });

  test('per-image platforms stay unset when not given (the platforms input applies)', () => {
    const inputs = getInputs({INPUT_IMAGES: 'user/app', INPUT_PLATFORMS: 'linux/arm64'});
    expect(inputs.images[0].platforms).toBeUndefined();
    expect(inputs.platforms).toEqual(['linux/arm64']);
  });

  test('image lines keep their text; the legacy list\'s names keep the whole line', () => {
    expect(getInputs({INPUT_IMAGES: '# c\n  name=user/a,target=t  \nuser/b'}).images.map(i => [i.line, i.text])).toEqual([
      [2, 'name=user/a,target=t'],
      [3, 'user/b']
    ]);
    expect(getInputs({INPUT_IMAGES: 'user/a,user/b'}).images.map(i => [i.line, i.text])).toEqual([
      [1, 'user/a,user/b'],
      [1, 'user/a,user/b']
    ]);
  });

  test('image lines keep their line numbers', () => {
    const inputs = getInputs({INPUT_IMAGES: '# c\n\nuser/a\nuser/b,enable=false'});
    expect(inputs.images.map(i => [i.name, i.line, i.enable])).toEqual([
      ['user/a', 3, true],
      ['user/b', 4, false]
    ]);
  });
});

describe('good input', () => {
  test('defaults', () => {
    const inputs = getInputs({});
    expect(inputs).toMatchObject({
      images: [],
      bareTags: false,
      registry: DEFAULT_REGISTRY,
      platforms: DEFAULT_PLATFORMS,
      flavor: DEFAULT_FLAVOR,
      labels: [],
      annotations: [],
      versionFile: undefined,
      sepTags: '\n',
      sepLabels: '\n',
      sepAnnotations: '\n',
      policy: [],
      dryRun: false,
      push: 'auto',
      buildArgs: [],
      defaultBuildArgs: true,
      summary: true,
      githubToken: ''
    });
    expect(inputs.tags.map(t => t.source)).toEqual(DEFAULT_TAG_EXPRESSIONS);
  });

  test.each([
    ['empty', ''],
    ['blank lines only', '\n\n'],
    ['comments only', '# nothing yet\n#type=sha']
  ])('tags %s: the default expressions (schedule, branch, tag, pr)', (_name, tags) => {
    const inputs = getInputs({INPUT_TAGS: tags});
    expect(inputs.tags.map(t => t.source)).toEqual(['type=schedule', 'type=ref,event=branch', 'type=ref,event=tag', 'type=ref,event=pr']);
    expect(inputs.tags.map(t => t.priority)).toEqual([1000, 600, 600, 600]);
  });

  test.each([
    [
      'default priorities, highest first, written order kept among equals',
      ['type=sha', 'type=raw,value=latest', 'type=ref,event=branch', 'type=semver,pattern={{version}}', 'type=ref,event=pr', 'type=schedule', 'type=edge', 'type=match,pattern=v(.*)', 'type=pep440,pattern={{version}}'],
      ['type=schedule', 'type=semver,pattern={{version}}', 'type=pep440,pattern={{version}}', 'type=match,pattern=v(.*)', 'type=edge', 'type=ref,event=branch', 'type=ref,event=pr', 'type=raw,value=latest', 'type=sha']
    ],
    [
      'explicit priorities',
      ['type=raw,value=a', 'type=raw,value=b,priority=1', 'type=sha,priority=2000', 'type=raw,value=c,priority=-5', 'type=raw,value=d,priority=200'],
      ['type=sha,priority=2000', 'type=raw,value=a', 'type=raw,value=d,priority=200', 'type=raw,value=b,priority=1', 'type=raw,value=c,priority=-5']
    ]
  ])('tag priority sorting: %s', (_name, written, sorted) => {
    const inputs = getInputs({INPUT_TAGS: written.join('\n')});
    expect(inputs.tags.map(t => t.source)).toEqual(sorted);
  });

  test('tag expressions keep their line numbers after sorting', () => {
    const inputs = getInputs({INPUT_TAGS: '# tags\ntype=sha\n\ntype=semver,pattern={{version}}'});
    expect(inputs.tags.map(t => [t.type, t.line])).toEqual([
      ['semver', 4],
      ['sha', 2]
    ]);
  });

  test.each([
    ['a single space is a separator', ' ', ' '],
    ['a comma', ',', ','],
    ['a comma and a space', ', ', ', '],
    ['empty: newline', '', '\n'],
    ['a tab', '\t', '\t']
  ])('separators: %s', (_name, sep, expected) => {
    const inputs = getInputs({'INPUT_SEP-TAGS': sep, 'INPUT_SEP-LABELS': sep, 'INPUT_SEP-ANNOTATIONS': sep});
    expect([inputs.sepTags, inputs.sepLabels, inputs.sepAnnotations]).toEqual([expected, expected, expected]);
  });

  test.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    [' true ', true],
    ['', false]
  ])('dry-run=%j', (value, expected) => {
    expect(getInputs({'INPUT_DRY-RUN': value}).dryRun).toBe(expected);
  });

  test.each([
    ['auto', 'auto'],
    ['true', 'true'],
    ['false', 'false'],
    ['', 'auto']
  ])('push=%j', (value, expected) => {
    expect(getInputs({INPUT_PUSH: value}).push).toBe(expected);
  });

  test.each([
    ['ghcr.io', 'ghcr.io'],
    ['docker.io', 'docker.io'],
    ['https://Quay.io/', 'quay.io'],
    ['127.0.0.1:5000', '127.0.0.1:5000'],
    ['localhost:5000', 'localhost:5000'],
    ['ghcr.io/my-org', 'ghcr.io/my-org'],
    ['', 'ghcr.io']
  ])('registry %j -> %s', (value, expected) => {
    expect(getInputs({INPUT_REGISTRY: value}).registry).toBe(expected);
  });

  test.each([
    ['linux/amd64', ['linux/amd64']],
    ['linux/amd64,linux/arm64', ['linux/amd64', 'linux/arm64']],
    ['linux/amd64\nlinux/arm/v7\n', ['linux/amd64', 'linux/arm/v7']],
    ['linux/amd64, linux/arm64 ;linux/s390x', ['linux/amd64', 'linux/arm64', 'linux/s390x']],
    ['linux/arm64/v8,linux/amd64/v3', ['linux/arm64/v8', 'linux/amd64/v3']],
    ['linux/amd64,linux/amd64', ['linux/amd64']],
    ['', DEFAULT_PLATFORMS]
  ])('platforms %j', (value, expected) => {
    expect(getInputs({INPUT_PLATFORMS: value}).platforms).toEqual(expected);
  });

  test('flavor lines apply in order', () => {
    const inputs = getInputs({INPUT_FLAVOR: 'latest=false\nprefix=app-,onlatest=true\nsuffix=-alpine\n# later wins\nlatest=true'});
    expect(inputs.flavor).toEqual({latest: 'true', prefix: 'app-', prefixLatest: true, suffix: '-alpine', suffixLatest: false});
  });

  test('labels and annotations keep their text, line and levels', () => {
    const inputs = getInputs({
      INPUT_LABELS: 'maintainer=me\n# c\norg.opencontainers.image.title=x=y',
      INPUT_ANNOTATIONS: 'index:foo=bar\nmanifest,index:a=b\nplain=1'
    });
    expect(inputs.labels).toEqual([
      {text: 'maintainer=me', line: 1},
      {text: 'org.opencontainers.image.title=x=y', line: 3}
    ]);
    expect(inputs.annotations).toEqual([
      {levels: ['index'], text: 'foo=bar', line: 1},
      {levels: ['manifest', 'index'], text: 'a=b', line: 2},
      {text: 'plain=1', line: 3}
    ]);
  });

  test('build args, policy, version-file and token', () => {
    const inputs = getInputs({
      'INPUT_BUILD-ARGS': 'A=1\nB=x=y\n# c\nC=',
      INPUT_POLICY: 'max-tags=5\nrequire-sha=true',
      'INPUT_VERSION-FILE': ' VERSION ',
      'INPUT_GITHUB-TOKEN': 'ghs_abc',
      'INPUT_DEFAULT-BUILD-ARGS': 'false',
      INPUT_SUMMARY: 'false'
    });
    expect(inputs.buildArgs).toEqual(['A=1', 'B=x=y', 'C=']);
    expect(inputs.policy.map(p => p.kind)).toEqual(['max-tags', 'require-sha']);
    expect(inputs.versionFile).toBe('VERSION');
    expect(inputs.githubToken).toBe('ghs_abc');
    expect(inputs.defaultBuildArgs).toBe(false);
    expect(inputs.summary).toBe(false);
  });
});

describe('inputLines', () => {
  test.each([
    [undefined, []],
    ['', []],
    ['a', [{line: 1, text: 'a'}]],
    ['\n a \n\n# c\nb\n', [{line: 2, text: 'a'}, {line: 5, text: 'b'}]],
    ['a\r\n\r\nb', [{line: 1, text: 'a'}, {line: 3, text: 'b'}]],
    ['  # indented comment\nx', [{line: 2, text: 'x'}]]
  ])('%j', (value, expected) => {
    expect(inputLines(value)).toEqual(expected);
  });
});
