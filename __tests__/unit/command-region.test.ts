import {afterEach, beforeEach, describe, expect, jest, test} from '@jest/globals';
import * as runner from '../../src/action/runner.js';
import {commandRegion} from '../../src/report/escape.js';
import {parseRunnerLog} from '../support/workflow-commands.js';

let stdout: string[];
beforeEach(() => {
  stdout = [];
  jest.spyOn(runner.output, 'write').mockImplementation((text: string) => void stdout.push(text));
});
afterEach(() => {
  jest.restoreAllMocks();
});

const HOSTILE: [string, string][] = [
  ['set-output', '::set-output name=digest::sha256:evil'],
  ['add-mask', '::add-mask::visible'],
  ['save-state mid-line (legacy form)', '#12 0.301 ##[save-state name=builder]--all-inactive'],
  ['save-state secretsDir', '##[save-state name=secretsDir]/tmp/x'],
  ['bare CR then a command', 'progress 10%\r::error::pwned'],
  ['bare CR then legacy', 'x\r##[set-env name=NODE_OPTIONS]--require /tmp/evil.js'],
  ['leading blanks', '   ::warning::indented'],
  ['stop-commands of its own', '::stop-commands::abc'],
  ['a closing token guess', '::abc::'],
  ['CRLF', '::set-env name=A::b\r\n::set-output name=c::d'],
  ['endgroup', '::endgroup::']
];

describe('commandRegion / runner.untrusted', () => {
  test.each(HOSTILE)('%s: no command takes effect, every line is shown inside the region', (_, line) => {
    runner.untrusted(line);
    const parsed = parseRunnerLog(stdout.join(''));
    expect(parsed.commands).toEqual([]);
    expect(parsed.open).toBeUndefined();
    expect(parsed.lines.filter(l => l.text !== '').every(l => l.inRegion)).toBe(true);
  });

  test('all hostile lines at once, streamed one region per line, then a real command still works', () => {
    for (const [, l] of HOSTILE) runner.untrusted(l);
    runner.warning('after');
    const parsed = parseRunnerLog(stdout.join(''));
    expect(parsed.commands.map(c => c.name)).toEqual(['warning']);
  });

  test('a line holding the token of another region cannot close this one', () => {
    runner.untrusted('first');
    const firstToken = /::stop-commands::(\w+)/.exec(stdout.join(''))![1];
    runner.untrusted(`::${firstToken}::\n::set-output name=a::b`);
    const text = stdout.join('');
    const tokens = [...text.matchAll(/::stop-commands::(\w+)/g)].map(m => m[1]);
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(parseRunnerLog(text).commands).toEqual([]);
  });

  test('tokens are 32 random letters, fresh each time', () => {
    const t = new Set(Array.from({length: 50}, () => runner.regionToken()));
    expect(t.size).toBe(50);
    for (const x of t) expect(x).toMatch(/^[a-p]{32}$/);
  });

  test('the region: bare CR and CRLF become line breaks, one trailing newline', () => {
    expect(commandRegion('a\rb\r\nc\n', 'tok')).toBe('::stop-commands::tok\na\nb\nc\n::tok::\n');
  });

  test('secrets are redacted inside the region', () => {
    runner.setSecret('hunter2-secret');
    stdout = [];
    runner.untrusted('RUN echo hunter2-secret');
    expect(stdout.join('')).not.toContain('hunter2-secret');
  });
});
