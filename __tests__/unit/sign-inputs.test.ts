// The signing inputs (sign, cosign-key, cosign-password, transparency-log; pipeline/inputs/sign.ts): every
// malformed one an InputError naming the input (and the line of the key), raised by getInputs before
// anything runs, never quoting the key or the password; the values masked; warnings for unread ones.
import {describe, expect, test} from '@jest/globals';
import {getInputs} from '../../src/pipeline/inputs/index.js';
import {InputErrors} from '../../src/pipeline/inputs/errors.js';
import {keyProblem, signSecretValues, signWarnings, NO_SIGNING} from '../../src/pipeline/inputs/sign.js';
import {signingPlanLines} from '../../src/report/plan-text.js';
import {signingPlanSummary} from '../../src/report/summary.js';
import {childEnvironment} from '../../src/action/runner.js';
import {plan, buildPlan} from './engine/factory.js';

const BODY = ['eyJrZGYiOnsibmFtZSI6InNjcnlwdCIsInBhcmFtcyI6eyJOIjozMjc2OCwiciI6OCwicCI6MX0sInNhbHQiOiJ4In0s', 'ImNpcGhlciI6eyJuYW1lIjoibmFjbC9zZWNyZXRib3giLCJub25jZSI6InkifSwiY2lwaGVydGV4dCI6InoifQ=='];
const KEY = ['-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----', ...BODY, '-----END ENCRYPTED SIGSTORE PRIVATE KEY-----', ''].join('\n');
const base = {GITHUB_REPOSITORY: 'octo/app'};
const inputs = (env: Record<string, string>) => getInputs({...base, ...env});

/** The messages of the InputErrors getInputs throws for `env`. */
function errors(env: Record<string, string>): string[] {
  try {
    inputs(env);
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map(x => x.message);
    throw e;
  }
  return [];
}

describe('sign inputs', () => {
  test('defaults: nothing is signed, the transparency log on', () => {
    expect(inputs({}).sign).toEqual(NO_SIGNING);
  });

  test('sign: key with a key and password; transparency-log false; CRLF line ends are read as LF', () => {
    const s = inputs({INPUT_SIGN: 'key', 'INPUT_COSIGN-KEY': KEY.replace(/\n/g, '\r\n'), 'INPUT_COSIGN-PASSWORD': ' pass with spaces ', 'INPUT_TRANSPARENCY-LOG': 'false'}).sign;
    expect(s).toEqual({mode: 'key', key: KEY, password: ' pass with spaces ', transparencyLog: false, fulcioUrl: 'https://fulcio.sigstore.dev', rekorUrl: 'https://rekor.sigstore.dev'});
    // the action.yml way of writing booleans and choices
    expect(inputs({INPUT_SIGN: 'Key', 'INPUT_COSIGN-KEY': KEY, 'INPUT_TRANSPARENCY-LOG': 'True'}).sign).toMatchObject({mode: 'key', transparencyLog: true});
  });

  test.each([
    [{INPUT_SIGN: 'gpg'}, 'Input "sign": expected one of none, key, keyless (in: gpg)'],
    [{INPUT_SIGN: 'key'}, 'Input "cosign-key": is required with sign: key: the private key cosign generate-key-pair wrote (cosign.key), from a secret'],
    [{INPUT_SIGN: 'keyless', 'INPUT_TRANSPARENCY-LOG': 'false'}, 'Input "transparency-log": must be true with sign: keyless (a keyless signature is only verifiable through the transparency log)'],
    [{INPUT_SIGN: 'keyless', 'INPUT_FULCIO-URL': 'fulcio.example.com'}, 'Input "fulcio-url": is not a URL (expected https://host[:port][/path]) (in: fulcio.example.com)'],
    [{INPUT_SIGN: 'keyless', 'INPUT_FULCIO-URL': 'http://fulcio.example.com'}, 'Input "fulcio-url": must be https:// (plain http:// only to this machine: 127.0.0.1, [::1], localhost) (in: http://fulcio.example.com)'],
    [{INPUT_SIGN: 'keyless', 'INPUT_REKOR-URL': 'ftp://rekor.example.com'}, 'Input "rekor-url": must be an https:// URL (not ftp:) (in: ftp://rekor.example.com)'],
    [{INPUT_SIGN: 'keyless', 'INPUT_REKOR-URL': 'https://rekor.example.com/?x=1'}, 'Input "rekor-url": must not have a query or fragment (cosign appends the API paths to it) (in: https://rekor.example.com/?x=1)'],
    [{INPUT_SIGN: 'keyless', 'INPUT_REKOR-URL': 'https://user:s3cret@rekor.example.com'}, 'Input "rekor-url": must not carry credentials (user:password@)'],
    [{'INPUT_TRANSPARENCY-LOG': 'nope'}, 'Input "transparency-log": expected true or false (in: nope)']
  ])('%j -> %s', (env, message) => {
    expect(errors(env)).toEqual([message]);
  });

  test('sign: keyless is accepted: public-good Sigstore by default, a private one by URL (http only on loopback), the transparency log on', () => {
    expect(inputs({INPUT_SIGN: 'keyless'}).sign).toEqual({...NO_SIGNING, mode: 'keyless'});
    expect(inputs({INPUT_SIGN: 'keyless', 'INPUT_TRANSPARENCY-LOG': 'true', 'INPUT_FULCIO-URL': 'https://fulcio.internal.example/', 'INPUT_REKOR-URL': 'http://127.0.0.1:3000'}).sign).toMatchObject({mode: 'keyless', transparencyLog: true, fulcioUrl: 'https://fulcio.internal.example', rekorUrl: 'http://127.0.0.1:3000'});
    expect(inputs({INPUT_SIGN: 'keyless', 'INPUT_FULCIO-URL': 'http://[::1]:5555', 'INPUT_REKOR-URL': 'http://localhost:3000/rekor'}).sign).toMatchObject({fulcioUrl: 'http://[::1]:5555', rekorUrl: 'http://localhost:3000/rekor'});
  });

  test('a bad fulcio-url and rekor-url with transparency-log false: all said at once', () => {
    expect(errors({INPUT_SIGN: 'keyless', 'INPUT_TRANSPARENCY-LOG': 'false', 'INPUT_FULCIO-URL': 'nope', 'INPUT_REKOR-URL': 'http://10.0.0.1'})).toEqual([expect.stringMatching(/^Input "fulcio-url": is not a URL/), expect.stringMatching(/^Input "rekor-url": must be https:\/\//), expect.stringMatching(/^Input "transparency-log": must be true with sign: keyless/)]);
  });

  test('cosign-key with sign: keyless: a warning that it is not used', () => {
    expect(signWarnings('publish', {...NO_SIGNING, mode: 'keyless', key: KEY})).toEqual(['Input "cosign-key" is given but sign is keyless: the key is not used (the signatures are made with the workflow\'s OIDC identity).']);
    expect(signWarnings('publish', {...NO_SIGNING, mode: 'keyless'})).toEqual([]);
  });

  test('the plan says keyless, with the Sigstore it will use', () => {
    const p = plan([buildPlan({images: ['ghcr.io/o/api']})]);
    const lines = signingPlanLines(p, {...NO_SIGNING, mode: 'keyless'}, 'merge');
    expect(lines[0]).toBe("signing (sign: keyless): with cosign, keyless, with the workflow's OIDC identity (certificates from Fulcio, https://fulcio.sigstore.dev), after the content is verified in the registry and before any tag moves; signatures uploaded to the transparency log (Rekor, https://rekor.sigstore.dev):");
    expect(signingPlanSummary(lines, 'keyless')).toMatch(/^\n### Signing \(sign: keyless\)\n/);
  });

  const pub = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n';
  test.each([
    ['a path', 'cosign.key', 1, /is not a PEM private key .*not a path or a KMS URI/],
    ['a KMS URI', 'awskms:///alias/signing', 1, /is not a PEM private key/],
    ['the public key', pub, 1, /is a public key \(cosign\.pub\): give the private key/],
    ['an EC key (not cosign\'s format)', '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI\n-----END EC PRIVATE KEY-----\n', 1, /type "EC PRIVATE KEY".*cosign import-key-pair/],
    ['cut short', KEY.split('\n').slice(0, 2).join('\n'), 2, /has no "-----END ENCRYPTED SIGSTORE PRIVATE KEY-----" line/],
    ['a non-base64 line', KEY.replace(BODY[1], 'not base64!'), 3, /inside the PEM block that is not base64/],
    ['text before', `key:\n${KEY}`, 1, /has text before the "-----BEGIN" line/],
    ['two keys', KEY + KEY, 5, /has text after the "-----END ENCRYPTED SIGSTORE PRIVATE KEY-----" line/],
    ['an empty block', '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n', 2, /an empty PEM block/]
  ])('cosign-key: %s -> an InputError naming the input and line, never quoting the key', (_what, key, line, detail) => {
    const found = errors({INPUT_SIGN: 'key', 'INPUT_COSIGN-KEY': key, 'INPUT_COSIGN-PASSWORD': 'secret-pw'});
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^Input "cosign-key", line ${line}: `));
    expect(found[0]).toMatch(detail);
    for (const l of key.split('\n').filter(x => x.length > 12 && !x.startsWith('-----'))) expect(found[0]).not.toContain(l);
    expect(found[0]).not.toContain('secret-pw');
    expect(found[0]).not.toContain('(in:');
  });

  test('the older ENCRYPTED COSIGN PRIVATE KEY is taken too', () => {
    expect(keyProblem(KEY.replace(/SIGSTORE/g, 'COSIGN'))).toBeUndefined();
  });

  test('errors come with the other inputs\' errors, all at once', () => {
    expect(errors({INPUT_SIGN: 'key', INPUT_PLATFORMS: 'linux/amd65'})).toEqual([expect.stringMatching(/^Input "platforms"/), expect.stringMatching(/^Input "cosign-key": is required/)].sort());
  });

  test('masked: the key, each line of its body, the password (the runner masks multi-line secrets poorly)', () => {
    const s = inputs({INPUT_SIGN: 'key', 'INPUT_COSIGN-KEY': KEY, 'INPUT_COSIGN-PASSWORD': 'pw'}).sign;
    expect(signSecretValues(s)).toEqual([KEY.trim(), ...BODY, 'pw']);
    expect(signSecretValues(NO_SIGNING)).toEqual([]);
    expect(signSecretValues(undefined)).toEqual([]);
  });

  test('no program the action runs gets the key or the password as an input variable', () => {
    process.env['INPUT_COSIGN-KEY'] = KEY;
    process.env['INPUT_COSIGN-PASSWORD'] = 'pw';
    try {
      const child = childEnvironment();
      expect(child['INPUT_COSIGN-KEY']).toBeUndefined();
      expect(child['INPUT_COSIGN-PASSWORD']).toBeUndefined();
    } finally {
      delete process.env['INPUT_COSIGN-KEY'];
      delete process.env['INPUT_COSIGN-PASSWORD'];
    }
  });

  test('warnings: a key with sign: none; sign in a mode that does not release', () => {
    expect(signWarnings('publish', {...NO_SIGNING, key: KEY})).toEqual(['Input "cosign-key" is given but sign is none: nothing is signed (set sign: key).']);
    expect(signWarnings('publish', {...NO_SIGNING, mode: 'key', key: KEY})).toEqual([]);
    expect(signWarnings('merge', {...NO_SIGNING, mode: 'key', key: KEY})).toEqual([]);
    expect(signWarnings('build', {...NO_SIGNING, mode: 'key', key: KEY})).toEqual(['Input "sign" is read by mode: publish and mode: merge only (the runs that release); with mode: build nothing is signed here.']);
    expect(signWarnings('promote', NO_SIGNING)).toEqual([]);
  });
});

describe('the plan says what would be signed (dry run)', () => {
  test('per image, its index and each platform; the transparency log; nothing with sign: none', () => {
    const p = plan([buildPlan({images: ['ghcr.io/o/api', 'ghcr.io/o/api-mirror']})]);
    const lines = signingPlanLines(p, {mode: 'key', transparencyLog: false}, 'publish');
    expect(lines).toEqual([
      'signing (sign: key): with cosign, after the content is verified in the registry and before any tag moves; signatures not uploaded to the transparency log (transparency-log: false):',
      '  ghcr.io/o/api: its index and the manifest of each platform (linux/amd64, linux/arm64), each as ghcr.io/o/api:sha256-<hex>.sig',
      '  ghcr.io/o/api-mirror: its index and the manifest of each platform (linux/amd64, linux/arm64), each as ghcr.io/o/api-mirror:sha256-<hex>.sig'
    ]);
    expect(signingPlanSummary(lines)).toMatch(/^\n### Signing \(sign: key\)\n\n```+\n/);
    expect(signingPlanLines(p, NO_SIGNING, 'publish')).toEqual([]);
    expect(signingPlanLines(p, {mode: 'key', transparencyLog: true}, 'build')).toEqual([]);
    expect(signingPlanSummary([])).toBe('');
  });
});
