import {describe, expect, test} from '@jest/globals';
import {getInputs} from '../../src/pipeline/inputs/index.js';
import {InputErrors} from '../../src/pipeline/inputs/errors.js';
import {thrown} from '../support/pipeline.js';
import {findCacheMounts, leadingFlags, mergeMounts, parseCacheMountLine, MAX_MOUNTS, type CacheMount} from '../../src/pipeline/cache-mounts.js';

const AMD = ['linux/amd64'];
const TWO = ['linux/amd64', 'linux/arm64'];
const found = (text: string, platforms = AMD) => findCacheMounts(text, 'Dockerfile', platforms);
const ids = async (text: string, platforms = AMD) => (await found(text, platforms)).mounts.map(m => [m.id, m.target, m.platform ?? '']);

describe('leadingFlags: the flag words as BuildKit reads them', () => {
  test.each<[string, string[]]>([
    ['--mount=type=cache,target=/a echo hi', ['--mount=type=cache,target=/a']],
    ['  --a=1   --b=2 cmd --c=3', ['--a=1', '--b=2']],
    ['--mount="type=cache,target=/q uoted" echo', ['--mount=type=cache,target=/q uoted']],
    ["--mount='a\\b' x", ['--mount=a\\b']],
    ['--mount=a\\ b x', ['--mount=a b']],
    ['-- --mount=x echo', []],
    ['echo --mount=type=cache,target=/no', []],
    ['["sh", "-c", "x"]', []],
    ['', []]
  ])('%j', (args, expected) => {
    expect(leadingFlags(args)).toEqual(expected);
  });
});

describe('findCacheMounts', () => {
  test.each<[string, string, string[][]]>([
    ['a plain mount: id is the target', 'FROM x\nRUN --mount=type=cache,target=/root/.npm npm ci\n', [['/root/.npm', '/root/.npm', '']]],
    ['id, dst and destination', 'FROM x\nRUN --mount=type=cache,id=npm,dst=/a --mount=type=cache,destination=/b x\n', [['npm', '/a', ''], ['/b', '/b', '']]],
    ['keys and type in any case', 'FROM x\nRUN --mount=TYPE=Cache,Target=/up x\n', [['/up', '/up', '']]],
    ['other mount types are not cache mounts', 'FROM x\nRUN --mount=type=bind,target=/b --mount=target=/default-bind --mount=type=secret,id=s --mount=type=tmpfs,target=/t x\n', []],
    ['line continuations with comments and blank lines between flags', 'FROM x\nRUN --mount=type=cache,target=/a \\\n  # a comment\n\n  --mount=type=cache,target=/b \\\n  make\n', [['/a', '/a', ''], ['/b', '/b', '']]],
    ['the escape directive', '# escape=`\nFROM x\nRUN --mount=type=cache,target=C:/a `\n  --mount=type=cache,target=/b x\n', [['C:/a', 'C:/a', ''], ['/b', '/b', '']]],
    ['a syntax directive', '# syntax=docker/dockerfile:1\nFROM x\nRUN --mount=type=cache,target=/a x\n', [['/a', '/a', '']]],
    ['a heredoc body is not an instruction', 'FROM x\nRUN <<EOT\nRUN --mount=type=cache,target=/in-heredoc x\nEOT\nRUN --mount=type=cache,target=/after x\n', [['/after', '/after', '']]],
    ['a heredoc after the flags', 'FROM x\nRUN --mount=type=cache,target=/z cat <<EOF > /f\nRUN --mount=type=cache,target=/bad\nEOF\n', [['/z', '/z', '']]],
    ['flags after the command are arguments', 'FROM x\nRUN echo --mount=type=cache,target=/no\n', []],
    ['the exec form', 'FROM x\nRUN --mount=type=cache,target=/e ["sh", "-c", "x"]\n', [['/e', '/e', '']]],
    ['a quoted flag keeps its blanks out of the id (refused)', 'FROM x\nRUN --mount="type=cache,target=/a b" x\n', []],
    ['CSV quotes inside the value', 'FROM x\nRUN --mount=\'type=cache,"id=a,b",target=/x\' x\n', []],
    ['a relative target is its own id', 'FROM x\nWORKDIR /w\nRUN --mount=type=cache,target=.cache x\n', [['.cache', '.cache', '']]],
    ['ro and uid/gid/mode', 'FROM x\nRUN --mount=type=cache,target=/a,ro,uid=1000,gid=1000,mode=0700,sharing=locked x\n', [['/a', '/a', '']]],
    ['ONBUILD RUN is not this build', 'FROM x\nONBUILD RUN --mount=type=cache,target=/o x\n', []]
  ])('%s', async (_title, text, expected) => {
    expect(await ids(text)).toEqual(expected);
  });

  test('uid, gid, mode and sharing are kept', async () => {
    expect((await found('FROM x\nRUN --mount=type=cache,target=/a,uid=1000,gid=100,mode=0700,sharing=locked x\n')).mounts).toEqual([{id: '/a', target: '/a', uid: 1000, gid: 100, mode: '0700', sharing: 'locked', where: 'Dockerfile:2'}]);
  });

  test.each<[string, string, string[][]]>([
    ['id with TARGETARCH declared: one per platform', 'FROM x\nARG TARGETARCH\nRUN --mount=type=cache,id=go-$TARGETARCH,target=/go x\n', [['go-amd64', '/go', 'linux/amd64'], ['go-arm64', '/go', 'linux/arm64']]],
    ['braced, TARGETPLATFORM', 'FROM x\nARG TARGETPLATFORM\nRUN --mount=type=cache,id=c-${TARGETPLATFORM},target=/c x\n', [['c-linux/amd64', '/c', 'linux/amd64'], ['c-linux/arm64', '/c', 'linux/arm64']]],
    ['target with TARGETOS and no id: the id is the expanded target', 'FROM x\nARG TARGETOS TARGETARCH\nRUN --mount=type=cache,target=/c/$TARGETOS-$TARGETARCH x\n', [['/c/linux-amd64', '/c/linux-amd64', 'linux/amd64'], ['/c/linux-arm64', '/c/linux-arm64', 'linux/arm64']]],
    ['not declared in the stage: empty, as BuildKit does, shared', 'ARG TARGETARCH\nFROM x\nRUN --mount=type=cache,id=go-$TARGETARCH,target=/go x\n', [['go-', '/go', '']]],
    ['a platform-free id: one cache for all platforms', 'FROM x\nARG TARGETARCH\nRUN --mount=type=cache,id=npm,target=/n/$TARGETARCH x\n', [['npm', '/n/amd64', '']]]
  ])('platform arguments: %s', async (_title, text, expected) => {
    expect(await ids(text, TWO)).toEqual(expected);
  });

  test.each<[string, string, RegExp]>([
    ['another variable in the id', 'FROM x\nARG V\nRUN --mount=type=cache,id=$V,target=/a x\n', /Dockerfile:3: a cache mount is skipped: its id uses the variable V/],
    ['a variable in the target', 'FROM x\nRUN --mount=type=cache,target=$HOME/.cache x\n', /its target uses the variable HOME/],
    ['a default expression', 'FROM x\nRUN --mount=type=cache,target=${A:-/x} x\n', /its target holds "\$\{A:-\/x\}"/],
    ['from=', 'FROM x\nRUN --mount=type=cache,target=/a,from=base x\n', /seeded from another stage or image/],
    ['no target', 'FROM x\nRUN --mount=type=cache,id=a x\n', /it has no target/],
    ['bad sharing', 'FROM x\nRUN --mount=type=cache,target=/a,sharing=all x\n', /sharing "all" is not shared, private or locked/],
    ['bad uid', 'FROM x\nRUN --mount=type=cache,target=/a,uid=-1 x\n', /uid "-1" is not a number/],
    ['a blank in the target', 'FROM x\nRUN --mount="type=cache,target=/a b" x\n', /holds characters other than/],
    ['a comma (CSV quotes)', 'FROM x\nRUN --mount=\'type=cache,"id=a,b",target=/x\' x\n', /its id "a,b" holds characters other than/],
    ['a huge id', `FROM x\nRUN --mount=type=cache,id=${'a'.repeat(5000)},target=/x x\n`, /its id is longer than 255 characters/],
    ['broken CSV', 'FROM x\nRUN --mount=type=cache,target=/a"b x\n', /a cache mount is skipped/]
  ])('skipped with a note: %s', async (_title, text, note) => {
    const d = await found(text);
    expect(d.mounts).toEqual([]);
    expect(d.notes.join('\n')).toMatch(note);
  });

  test('hostile ids that are only characters: kept as strings, never paths (keys are hashed later)', async () => {
    expect(await ids('FROM x\nRUN --mount=type=cache,id=../../../etc,target=/a --mount=type=cache,id=%0A::warning::x,target=/b x\n')).toEqual([
      ['../../../etc', '/a', ''],
      ['%0A::warning::x', '/b', '']
    ]);
  });

  test('notes show control characters escaped and values cut short', async () => {
    const d = await found(`FROM x\nRUN --mount='type=cache,target=/a\u001b[31m${'x'.repeat(100)}' x\n`);
    expect(d.notes[0]).toContain('\\x1b');
    expect(d.notes[0]).toContain('…');
    expect(d.notes[0].length).toBeLessThan(300);
  });

  test('not a Dockerfile at all: nothing, no throw', async () => {
    expect((await found('\u0000\u0001 garbage\n<<<<\n')).mounts).toEqual([]);
  });
});

describe('mergeMounts', () => {
  const m = (id: string, over: Partial<CacheMount> = {}): CacheMount => ({id, target: '/t', sharing: 'shared', where: `F:${id}`, ...over});
  test('one per id and platform; a different uid is a note', () => {
    const d = mergeMounts([
      {mounts: [m('a'), m('b', {platform: 'linux/amd64'})], notes: ['n1']},
      {mounts: [m('a', {uid: 1, where: 'G:1'}), m('b', {platform: 'linux/arm64'})], notes: []}
    ]);
    expect(d.mounts.map(x => [x.id, x.platform])).toEqual([['a', undefined], ['b', 'linux/amd64'], ['b', 'linux/arm64']]);
    expect(d.notes).toEqual(['n1', 'G:1: the cache mount "a" is also at F:a with another uid, gid or mode: that one\'s are used']);
  });
  test(`at most ${MAX_MOUNTS}`, () => {
    const d = mergeMounts([{mounts: Array.from({length: MAX_MOUNTS + 3}, (_, i) => m(`m${i}`)), notes: []}]);
    expect(d.mounts).toHaveLength(MAX_MOUNTS);
    expect(d.notes).toEqual([`${MAX_MOUNTS + 3} cache mounts found: only the first ${MAX_MOUNTS} are restored and saved`]);
  });
});

describe('parseCacheMountLine (the cache-mounts list)', () => {
  test.each<[string, Partial<CacheMount>]>([
    ['id=npm,target=/root/.npm', {id: 'npm', target: '/root/.npm', sharing: 'shared'}],
    ['target=/root/.cache/pip', {id: '/root/.cache/pip', target: '/root/.cache/pip'}],
    ['id=apt,dst=/var/cache/apt,uid=0,gid=0,mode=0755,sharing=locked', {id: 'apt', target: '/var/cache/apt', uid: 0, gid: 0, mode: '0755', sharing: 'locked'}],
    [' ID = go , TARGET = /go ', {id: 'go', target: '/go'}],
    ['target=/a,mode=755', {mode: '755'}],
    ['target=/a,mode=7', {mode: '7'}]
  ])('%j', (text, expected) => {
    expect(parseCacheMountLine(text, 3)).toMatchObject({...expected, where: 'input cache-mounts, line 3'});
  });

  test.each<[string, RegExp]>([
    ['id=npm', /target= is missing/],
    ['id=npm,target=/a,color=red', /unknown key "color"/],
    ['npm', /"npm" is not key=value/],
    ['id=a b,target=/a', /id "a b" holds characters other than/],
    ['id=$X,target=/a', /id "\$X" holds characters/],
    ['target=/a,uid=x', /uid "x" is not a number/],
    ['target=/a,mode=999', /mode "999" is not an octal mode/],
    ['target=/a,sharing=no', /sharing "no" is not shared, private or locked/],
    [`id=${'x'.repeat(300)},target=/a`, /id is longer than 255/],
    ['id=,target=/a', /id is empty/]
  ])('malformed: %j', (text, message) => {
    expect(() => parseCacheMountLine(text, 1)).toThrow(message);
  });
});

describe('the cache-mounts and cache-mounts-image inputs', () => {
  test.each<[string | undefined, string]>([
    [undefined, 'auto'],
    ['', 'auto'],
    ['auto', 'auto'],
    ['AUTO', 'auto'],
    ['true', 'auto'],
    ['false', 'false'],
    ['False', 'false']
  ])('%j -> %s', (value, mode) => {
    expect(getInputs(value === undefined ? {} : {'INPUT_CACHE-MOUNTS': value}).engine.cacheMounts).toEqual({mode});
  });

  test('a list, one mount a line (comments and blank lines skipped)', () => {
    const e = getInputs({'INPUT_CACHE-MOUNTS': '# npm\nid=npm,target=/root/.npm,uid=1000\n\ntarget=/root/.cache/pip\n'}).engine;
    expect(e.cacheMounts).toEqual({
      mode: 'list',
      mounts: [
        {id: 'npm', target: '/root/.npm', uid: 1000, gid: undefined, sharing: 'shared', where: 'input cache-mounts, line 2'},
        {id: '/root/.cache/pip', target: '/root/.cache/pip', uid: undefined, gid: undefined, sharing: 'shared', where: 'input cache-mounts, line 4'}
      ]
    });
  });

  test('every malformed line is an input error naming the input and its line', () => {
    const e = thrown(() => getInputs({'INPUT_CACHE-MOUNTS': 'id=ok,target=/ok\nid=npm\nid=a,target=/a,sharing=sometimes'}));
    expect(e).toBeInstanceOf(InputErrors);
    expect((e as InputErrors).errors.map(x => x.message)).toEqual([
      'Input "cache-mounts", line 2: target= is missing (the mount point of the RUN --mount=type=cache) (in: id=npm)',
      'Input "cache-mounts", line 3: sharing "sometimes" is not shared, private or locked (in: id=a,target=/a,sharing=sometimes)'
    ]);
  });

  test.each(['busybox --entrypoint sh', '-x', 'a,b'])('cache-mounts-image %j is an input error', value => {
    const e = thrown(() => getInputs({'INPUT_CACHE-MOUNTS-IMAGE': value}));
    expect((e as InputErrors).errors.map(x => x.input)).toEqual(['cache-mounts-image']);
  });

  test('cache-mounts-image: default and a given one', () => {
    expect(getInputs({}).engine.cacheMountsImage).toBe('docker.io/library/busybox:stable');
    expect(getInputs({'INPUT_CACHE-MOUNTS-IMAGE': 'ghcr.io/acme/busybox:1.36'}).engine.cacheMountsImage).toBe('ghcr.io/acme/busybox:1.36');
  });
});
