import {describe, expect, test} from '@jest/globals';
import {getInputs, parseRegistryAuth} from '../../src/pipeline/inputs/index.js';
import {InputError, InputErrors} from '../../src/pipeline/inputs/errors.js';
import {thrown} from '../support/pipeline.js';

const errorsOf = (fn: () => unknown): InputError[] => {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(InputErrors);
  return (e as InputErrors).errors;
};

describe('engine inputs: defaults', () => {
  test('every engine input has its documented default', () => {
    expect(getInputs({}).engine).toEqual({
      setupQemu: 'auto',
      qemuImage: 'tonistiigi/binfmt:latest',
      builder: '',
      buildkitImage: '',
      registryAuth: '',
      secrets: [],
      secretWarnings: [],
      cache: 'auto',
      cacheFrom: [],
      cacheTo: [],
      provenance: '',
      sbom: '',
      noCache: false,
      pull: false,
      tagRetryTimeout: 60
    });
  });
});

describe('engine inputs: tag-retry-timeout', () => {
  test.each([
    ['0', 0],
    ['5', 5],
    ['2.5', 2.5],
    [' 120 ', 120]
  ])('%j -> %d s', (value, seconds) => {
    expect(getInputs({'INPUT_TAG-RETRY-TIMEOUT': value}).engine.tagRetryTimeout).toBe(seconds);
  });
});

describe('engine inputs: bad values name the input', () => {
  test.each([
    ['setup-qemu', 'sometimes'],
    ['cache', 's3'],
    ['no-cache', 'yes'],
    ['pull', 'always'],
    ['tag-retry-timeout', '-1'],
    ['tag-retry-timeout', '1m'],
    ['tag-retry-timeout', '3601'],
    ['tag-retry-timeout', 'Infinity']
  ])('%s: %s', (input, value) => {
    const [e] = errorsOf(() => getInputs({[`INPUT_${input.toUpperCase()}`]: value}));
    expect(e.input).toBe(input);
    expect(e.message).toContain(value);
  });
});

describe('secrets', () => {
  test('id=value lines, comments and blank lines skipped', () => {
    const {secrets} = getInputs({INPUT_SECRETS: 'npm_token=abc=def\n\n# note\nGITHUB.TOKEN-2=x'}).engine;
    expect(secrets).toEqual([
      {source: 'value', input: 'secrets', line: 1, id: 'npm_token', value: 'abc=def'},
      {source: 'value', input: 'secrets', line: 4, id: 'GITHUB.TOKEN-2', value: 'x'}
    ]);
  });
  test.each(['no-equals-sign-hunter2', '../escape=hunter2', '.=hunter2', '=hunter2', 'a b=hunter2'])('a malformed line is refused without showing it: %s', line => {
    const [e] = errorsOf(() => getInputs({INPUT_SECRETS: `ok=1\n${line}`}));
    expect(e.input).toBe('secrets');
    expect(e.line).toBe(2);
    expect(e.message).not.toContain('hunter2');
    expect(e.message).toContain('***');
  });
});

describe('registry-auth', () => {
  test('a YAML list of registry, username and password (docker.io when no registry)', async () => {
    await expect(parseRegistryAuth('- registry: 127.0.0.1:5000\n  username: ci\n  password: s3cret\n- username: hub\n  password: p')).resolves.toEqual([
      {registry: '127.0.0.1:5000', username: 'ci', password: 's3cret'},
      {registry: 'docker.io', username: 'hub', password: 'p'}
    ]);
  });
  test('empty: no credentials', async () => {
    await expect(parseRegistryAuth('  \n')).resolves.toEqual([]);
  });
  test.each([
    ['not YAML', '- registry: [unclosed\n  password: s3cret', /not valid YAML/],
    ['not a list', 'registry: ghcr.io\nusername: u\npassword: s3cret', /expected a YAML list/],
    ['no username', '- registry: ghcr.io\n  password: s3cret', /entry 1 \(ghcr.io\) has no username/],
    ['no password', '- registry: ghcr.io\n  username: u', /entry 1 \(ghcr.io\) has no password/],
    ['unknown key', '- registry: ghcr.io\n  username: u\n  password: s3cret\n  token: x', /unknown key token/],
    ['not a mapping', '- ghcr.io', /entry 1 is not a mapping/]
  ])('%s', async (_name, text, message) => {
    const e = await parseRegistryAuth(text).then(
      () => undefined,
      (err: unknown) => err
    );
    const errors = e instanceof InputErrors ? e.errors : [e as InputError];
    expect(errors[0]).toBeInstanceOf(InputError);
    expect(errors[0].input).toBe('registry-auth');
    expect(errors.map(x => x.message).join('\n')).toMatch(message);
    expect(errors.map(x => x.message).join('\n')).not.toContain('s3cret');
  });
});

describe('cache-from / cache-to and attestations', () => {
  test.each([
    ['type=registry,ref=ghcr.io/o/app:buildcache'],
    ['type=gha,scope=backend-main,mode=max'],
    ['type=local,src=/tmp/cache'],
    ['ghcr.io/o/app:buildcache']
  ])('valid cache entry %s', line => {
    expect(getInputs({'INPUT_CACHE-FROM': line, 'INPUT_CACHE-TO': line}).engine.cacheFrom).toEqual([line]);
  });
  test.each([
    ['type=redis,host=x', /unknown cache type "redis"/],
    ['type=registry,ghcr.io/o/app', /"ghcr.io\/o\/app" is not a key=value attribute/],
    ['not a ref with spaces', /a cache entry is type=/]
  ])('bad cache entry %s', (line, message) => {
    for (const input of ['cache-from', 'cache-to']) {
      const [e] = errorsOf(() => getInputs({[`INPUT_${input.toUpperCase()}`]: `type=gha\n${line}`}));
      expect(e.input).toBe(input);
      expect(e.line).toBe(2);
      expect(e.message).toMatch(message);
      expect(e.message).toContain(line);
    }
  });
  test.each([
    ['true', 'true'],
    ['FALSE', 'false'],
    ['mode=max', 'mode=max'],
    ['mode=max,builder-id=https://example.com', 'mode=max,builder-id=https://example.com'],
    ['', '']
  ])('provenance %j -> %j', (value, expected) => {
    expect(getInputs({INPUT_PROVENANCE: value, INPUT_SBOM: value}).engine).toMatchObject({provenance: expected, sbom: expected});
  });
  test.each(['maybe', 'mode=max,oops'])('bad provenance / sbom %j', value => {
    for (const input of ['provenance', 'sbom']) {
      const [e] = errorsOf(() => getInputs({[`INPUT_${input.toUpperCase()}`]: value}));
      expect(e.input).toBe(input);
      expect(e.message).toContain(value);
    }
  });
});
