import {afterEach, beforeEach, describe, expect, jest, test} from '@jest/globals';
import {CommandError, describe as describeCommand, isTransient} from '../../../src/engine/exec.js';
import {setSecret, output} from '../../../src/action/runner.js';

let stdout: string[];
beforeEach(() => {
  stdout = [];
  jest.spyOn(output, 'write').mockImplementation((text: string) => {
    stdout.push(text);
  });
});
afterEach(() => {
  jest.restoreAllMocks();
});

describe('isTransient', () => {
  test.each([
    'ERROR: failed to push ghcr.io/o/app:latest: unexpected status from PUT request to https://ghcr.io/v2/o/app/manifests/latest: 500 Internal Server Error',
    'unexpected status: 502 Bad Gateway',
    'received unexpected HTTP status: 503 Service Unavailable',
    'unexpected status from HEAD request: 504 Gateway Timeout',
    'toomanyrequests: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit',
    'error: too many requests',
    'failed to do request: Head "https://registry-1.docker.io/v2/o/app/manifests/1": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
    'dial tcp 140.82.112.33:443: i/o timeout',
    'context deadline exceeded: operation timed out',
    'read tcp 10.1.0.4:51234->140.82.112.33:443: read: connection reset by peer',
    'dial tcp 127.0.0.1:5000: connect: connection refused',
    'failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://ghcr.io/v2/o/app/blobs/sha256:abc": EOF',
    'Put "https://ghcr.io/v2/o/app/blobs/uploads/x": unexpected EOF',
    'net/http: TLS handshake timeout',
    'dial tcp: lookup ghcr.io on 127.0.0.53:53: no such host',
    'the service is temporarily unavailable'
  ])('transient: %s', output => {
    expect(isTransient(output)).toBe(true);
  });

  test.each([
    'unexpected status from HEAD request to https://ghcr.io/v2/o/app/blobs/sha256:abc: 401 Unauthorized',
    'unexpected status from PUT request: 403 Forbidden',
    'denied: permission_denied: write_package',
    'unauthorized: authentication required',
    'ERROR: denied: requested access to the resource is denied',
    'Error response from daemon: Get "https://ghcr.io/v2/": denied: denied',
    // a refusal wins over a 5xx or a network error in the same output
    'first attempt: 503 Service Unavailable\nthen: 401 Unauthorized',
    'unexpected status: 502 Bad Gateway; retry: denied: requested access to the resource is denied',
    'connection reset by peer, then unauthorized: incorrect username or password',
    '500 Internal Server Error: forbidden',
    // neither
    'process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
    'failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory',
    'invalid reference format: repository name must be lowercase',
    'manifest unknown: manifest unknown',
    '',
    // numbers that are not a status
    'failed to push ghcr.io/o/app:5000: name invalid',
    'exported layer sha256:5031a0c2f9 size 15003 bytes'
  ])('not transient: %j', output => {
    expect(isTransient(output)).toBe(false);
  });
});

describe('describe', () => {
  test.each<[string, string[], string]>([
    ['docker', ['buildx', 'version'], 'docker buildx version'],
    ['docker', ['buildx', 'bake', '--file', '/tmp/mp/bake.json', '--progress', 'plain'], 'docker buildx bake --file /tmp/mp/bake.json --progress plain'],
    ['docker', ['run', '--privileged', '--rm', 'tonistiigi/binfmt:latest', '--install', 'arm64,arm'], 'docker run --privileged --rm tonistiigi/binfmt:latest --install arm64,arm'],
    ['docker', ['buildx', 'imagetools', 'create', '--tag', 'ghcr.io/o/app:1.2.3', 'ghcr.io/o/app@sha256:abc'], 'docker buildx imagetools create --tag ghcr.io/o/app:1.2.3 ghcr.io/o/app@sha256:abc'],
    ['docker', ['info', '--format', '{{json .DriverStatus}}'], "docker info --format '{{json .DriverStatus}}'"],
    ['docker', ['buildx', 'create', '--driver-opt', 'image=moby/buildkit:v0.17.0', '--driver-opt', 'network=host'], 'docker buildx create --driver-opt image=moby/buildkit:v0.17.0 --driver-opt network=host'],
    ['echo', ['two words'], "echo 'two words'"],
    ['echo', ['say "hi"'], `echo 'say "hi"'`],
    ['echo', ["it's"], `echo 'it'\\''s'`],
    ['echo', [''], "echo ''"],
    ['echo', ['$HOME', 'a;b', 'a*'], "echo '$HOME' 'a;b' 'a*'"],
    ['echo', ['line\nbreak'], "echo 'line\nbreak'"]
  ])('%s %j', (cmd, args, line) => {
    expect(describeCommand(cmd, args)).toBe(line);
  });

  test('secrets registered with setSecret are redacted', () => {
    setSecret('hunter2-pw');
    expect(stdout.join('')).toContain('::add-mask::hunter2-pw');
    expect(describeCommand('docker', ['login', 'ghcr.io', '--username', 'octocat', '--password', 'hunter2-pw'])).toBe('docker login ghcr.io --username octocat --password ***');
    expect(describeCommand('docker', ['build', '--build-arg', 'TOKEN=hunter2-pw'])).toBe('docker build --build-arg TOKEN=***');
  });

  test('a secret with a space, inside a quoted argument', () => {
    setSecret('open sesame');
    expect(describeCommand('tool', ['--pass=open sesame'])).toBe("tool '--pass=***'");
  });

  // BUG: describe quotes first and redacts after; quoting rewrites a single quote as '\'' so a secret
  // holding one no longer appears verbatim in the line and is printed in clear (the runner's own
  // masking matches the raw value and misses it too). Redacting each argument before quoting would not.
  test('a secret with a single quote in it is redacted too', () => {
    setSecret("pa'ss");
    const line = describeCommand('tool', ["--password=pa'ss"]);
    expect(line).not.toMatch(/pa'(\\'')?ss/);
    expect(line).toContain('***');
  });

  test('CommandError messages are redacted too', () => {
    setSecret('t0ps3cret');
    const e = new CommandError(describeCommand('docker', ['login']), {code: 1, stdout: '', stderr: 'Error response from daemon: login attempt with t0ps3cret failed: unauthorized'});
    expect(e.message).toBe('docker login failed (exit code 1): Error response from daemon: login attempt with *** failed: unauthorized');
  });
});

describe('isTransient reads statuses, not numbers', () => {
  test.each([
    // BuildKit's plain log stamps lines with seconds: 0.401 is a time, not a 401
    ['#14 0.401 error: failed commit on ref "index-sha256:19d9": unexpected status from PUT request to http://127.0.0.1:5000/v2/a/manifests/t: 503 Service Unavailable\n#14 0.401 retrying in 1s', true],
    ['#7 0.403 pushing layer\nunexpected status: 502 Bad Gateway', true],
    ['received unexpected HTTP status code: 403', false]
  ] as const)('%j -> %s', (output, transient) => {
    expect(isTransient(output)).toBe(transient);
  });
});
