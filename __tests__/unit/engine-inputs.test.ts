import {describe, expect, jest, test} from '@jest/globals';
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
      forceTags: false,
      noCache: false,
      pull: false,
      tagRetryTimeout: 60,
      cacheMounts: {mode: 'auto'},
      cacheMountsImage: 'docker.io/library/busybox:stable',
      stagingTags: 'remove',
      attestationStorage: 'index'
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

describe('engine inputs: staging-tags', () => {
  test.each([
    ['remove', 'remove'],
    ['keep', 'keep'],
    [' keep ', 'keep'],
    ['', 'remove']
  ])('%j -> %s', (value, mode) => {
    expect(getInputs({'INPUT_STAGING-TAGS': value}).engine.stagingTags).toBe(mode);
  });
});

describe('engine inputs: attestation-storage', () => {
  test.each([
    ['index', 'index'],
    ['referrers', 'referrers'],
    [' Referrers ', 'referrers'],
    ['', 'index']
  ])('%j -> %s', (value, storage) => {
    expect(getInputs({'INPUT_ATTESTATION-STORAGE': value}).engine.attestationStorage).toBe(storage);
  });
});

describe('engine inputs: bad values name the input', () => {
  test.each([
    ['setup-qemu', 'sometimes'],
    ['cache', 's3'],
    ['force-tags', 'sometimes'],
    ['no-cache', 'yes'],
    ['pull', 'always'],
    ['tag-retry-timeout', '-1'],
    ['tag-retry-timeout', '1m'],
    ['tag-retry-timeout', '3601'],
    ['tag-retry-timeout', 'Infinity'],
    ['staging-tags', 'delete'],
    ['staging-tags', 'true'],
    ['attestation-storage', 'oci-artifact'],
    ['attestation-storage', 'true']
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
    ['no username', '- registry: ghcr.io\n  password: s3cret', /entry 1 \(ghcr.io\) at line 1, column 3 has no username/],
    ['no password', '- registry: ghcr.io\n  username: u', /entry 1 \(ghcr.io\) at line 1, column 3 has no password/],
    ['unknown key', '- registry: ghcr.io\n  username: u\n  password: s3cret\n  token: x', /unknown key token/],
    ['not a mapping', '- ghcr.io', /entry 1 at line 1, column 3 is not a mapping/]
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

  // hostile or careless text: no message quotes any part of a value, the library prints nothing
  test.each([
    ['an alias to an undefined anchor', '- registry: ghcr.io\n  username: u\n  password: *s3cretXyzzyQ', /alias \(\*name\) at line 3, column 13/],
    ['an anchor', '- registry: ghcr.io\n  username: u\n  password: &a s3cretXyzzyQ\n- username: v\n  password: *a', /anchor \(&name\) at line 3/],
    ['a tag', '- registry: ghcr.io\n  username: u\n  password: !!str s3cretXyzzyQ', /tag \(!tag\) at line 3/],
    ['a custom tag', '- registry: ghcr.io\n  username: u\n  password: !secret s3cretXyzzyQ', /tag \(!tag\) at line 3/],
    ['a number password', '- registry: ghcr.io\n  username: u\n  password: 12345678901', /a password that is a number, not a string \(at line 3, column 13; quote it\)/],
    ['a mapping password', '- registry: ghcr.io\n  username: u\n  password: {s3cretXyzzyQ: 1}', /a password that is a mapping, not a string/],
    ['a null password', '- registry: ghcr.io\n  username: u\n  password: null', /a password that is empty, not a string/],
    ['a boolean password', '- registry: ghcr.io\n  username: u\n  password: true', /a password that is a boolean/],
    ['bad indentation', '- registry: ghcr.io\n  username: u\n   password: s3cretXyzzyQ\n  x: "s3cretXyzzyQ', /not valid YAML at line \d+, column \d+/],
    ['an unclosed quote', '- registry: ghcr.io\n  username: u\n  password: "s3cretXyzzyQ', /not valid YAML at line 3, column \d+/],
    ['a duplicate key', '- registry: ghcr.io\n  username: u\n  password: s3cretXyzzyQ\n  password: s3cretXyzzyQ2', /not valid YAML at line 4, column 3 \(duplicate key\)/],
    ['a pasted password as a key', '- registry: ghcr.io\n  username: u\n  password: p\n  s3cretXyzzyQ!!: 1', /unknown key \(a key at line 4, column 3\)/]
  ])('%s: line and column only, nothing of the value', async (_name, text, message) => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const e = await parseRegistryAuth(text).then(
      () => undefined,
      (err: unknown) => err
    );
    const printed = [...warn.mock.calls, ...consoleWarn.mock.calls, ...consoleError.mock.calls];
    warn.mockRestore();
    consoleWarn.mockRestore();
    consoleError.mockRestore();
    expect(printed).toEqual([]);
    const errors = e instanceof InputErrors ? e.errors : [e as InputError];
    const all = errors.map(x => x.message).join('\n');
    expect(all).toMatch(message);
    expect(errors.every(x => x.input === 'registry-auth')).toBe(true);
    // no run of 4+ characters of the secret (the alias error used to show it minus its first character)
    for (let i = 0; i + 4 <= 's3cretXyzzyQ'.length; i++) expect(all).not.toContain('s3cretXyzzyQ'.slice(i, i + 4));
    expect(all).not.toContain('12345678901');
    expect(all).not.toMatch(/true|null/);
  });

  test('the YAML library warns nothing to the console (e.g. an unknown tag or directive)', async () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await parseRegistryAuth('%FOO s3cretXyzzyQ\n---\n- registry: ghcr.io\n  username: u\n  password: p').catch(() => undefined);
    expect([...warn.mock.calls, ...consoleWarn.mock.calls]).toEqual([]);
    warn.mockRestore();
    consoleWarn.mockRestore();
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

describe('engine inputs that reach docker argv', () => {
  test.each([
    ['qemu-image', 'tonistiigi/binfmt:latest'],
    ['qemu-image', 'tonistiigi/binfmt:qemu-v8.1.5'],
    ['qemu-image', '127.0.0.1:5000/mirror/binfmt@sha256:' + 'a'.repeat(64)],
    ['qemu-image', 'ghcr.io/o/binfmt:v1@sha256:' + 'b'.repeat(64)],
    ['buildkit-image', 'moby/buildkit:buildx-stable-1'],
    ['buildkit-image', 'ci-local/buildkit:debian'],
    ['buildkit-image', 'localhost:5000/buildkit'],
    ['builder', 'mp-fixture-engine'],
    ['builder', 'default'],
    ['builder', 'builder_1.x'],
    ['builder', 'desktop-linux']
  ])('%s: %s is accepted', (input, value) => {
    const inputs = getInputs({[`INPUT_${input.toUpperCase()}`]: value});
    expect({'qemu-image': inputs.engine.qemuImage, 'buildkit-image': inputs.engine.buildkitImage, builder: inputs.engine.builder}[input]).toBe(value);
  });

  test.each([
    ['qemu-image', '-e'],
    ['qemu-image', '--privileged'],
    ['qemu-image', '-v/:/host'],
    ['qemu-image', 'tonistiigi/binfmt --entrypoint sh'],
    ['qemu-image', 'Tonistiigi/Binfmt'],
    ['qemu-image', 'tonistiigi/binfmt:'],
    ['qemu-image', 'a\nb'],
    ['buildkit-image', 'x,network=host'],
    ['buildkit-image', 'moby/buildkit,"network=host"'],
    ['buildkit-image', 'moby/buildkit network=host'],
    ['buildkit-image', '-x'],
    ['buildkit-image', 'image=moby/buildkit'],
    ['builder', '--debug'],
    ['builder', '-D'],
    ['builder', 'a b'],
    ['builder', 'a,b'],
    ['builder', 'a/b'],
    ['builder', '../x'],
    ['builder', 'x'.repeat(200)]
  ])('%s: %j is an input error naming the input', (input, value) => {
    const e = thrown(() => getInputs({[`INPUT_${input.toUpperCase()}`]: value}));
    expect(e).toBeInstanceOf(InputErrors);
    const errors = (e as InputErrors).errors;
    expect(errors.map(x => x.input)).toEqual([input]);
    expect(errors[0].message).toMatch(new RegExp(`^Input "${input}": not an? (image reference|builder name)`));
  });
});
