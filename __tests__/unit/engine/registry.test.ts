import {describe, expect, test} from '@jest/globals';
import {indexPlatforms, platformString, registryMessage} from '../../../src/engine/registry.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

/** An OCI index as buildx pushes it: two platforms, each with its attestation manifest. */
const INDEX = {
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: [
    {mediaType: OCI_MANIFEST, digest: 'sha256:aaa1', size: 1051, platform: {architecture: 'amd64', os: 'linux'}},
    {mediaType: OCI_MANIFEST, digest: 'sha256:bbb2', size: 1051, platform: {architecture: 'arm64', os: 'linux'}},
    {mediaType: OCI_MANIFEST, digest: 'sha256:ccc3', size: 1051, platform: {architecture: 'arm', os: 'linux', variant: 'v7'}},
    {
      mediaType: OCI_MANIFEST,
      digest: 'sha256:ddd4',
      size: 839,
      annotations: {'vnd.docker.reference.digest': 'sha256:aaa1', 'vnd.docker.reference.type': 'attestation-manifest'},
      platform: {architecture: 'unknown', os: 'unknown'}
    },
    {
      mediaType: OCI_MANIFEST,
      digest: 'sha256:eee5',
      size: 839,
      annotations: {'vnd.docker.reference.digest': 'sha256:bbb2', 'vnd.docker.reference.type': 'attestation-manifest'},
      platform: {architecture: 'unknown', os: 'unknown'}
    }
  ]
};

describe('indexPlatforms', () => {
  test('attestation manifests excluded', () => {
    expect(indexPlatforms(INDEX).map(m => m.digest)).toEqual(['sha256:aaa1', 'sha256:bbb2', 'sha256:ccc3']);
  });

  test.each<[string, object]>([
    ['an unknown/unknown platform without annotations', {mediaType: OCI_MANIFEST, digest: 'sha256:x', size: 1, platform: {architecture: 'unknown', os: 'unknown'}}],
    ['an attestation-manifest annotation with a platform', {mediaType: OCI_MANIFEST, digest: 'sha256:x', size: 1, platform: {architecture: 'amd64', os: 'linux'}, annotations: {'vnd.docker.reference.type': 'attestation-manifest'}}],
    ['a descriptor without a platform', {mediaType: OCI_MANIFEST, digest: 'sha256:x', size: 1}]
  ])('excluded: %s', (_title, descriptor) => {
    expect(indexPlatforms({manifests: [descriptor as never]})).toEqual([]);
  });

  test('other annotations do not exclude a platform', () => {
    const m = {mediaType: OCI_MANIFEST, digest: 'sha256:x', size: 1, platform: {architecture: 'amd64', os: 'linux'}, annotations: {'org.opencontainers.image.title': 'app'}};
    expect(indexPlatforms({manifests: [m]})).toEqual([m]);
  });

  test.each([{}, {manifests: []}])('no manifests: %j', index => {
    expect(indexPlatforms(index)).toEqual([]);
  });
});

describe('platformString', () => {
  test.each([
    [{os: 'linux', architecture: 'amd64'}, 'linux/amd64'],
    [{os: 'linux', architecture: 'arm', variant: 'v7'}, 'linux/arm/v7'],
    [{os: 'linux', architecture: 'arm64', variant: 'v8'}, 'linux/arm64/v8'],
    [{os: 'linux', architecture: 'arm64', variant: ''}, 'linux/arm64'],
    [{os: 'windows', architecture: 'amd64'}, 'windows/amd64']
  ])('%j -> %s', (p, s) => {
    expect(platformString(p)).toBe(s);
  });

  test('the platforms of an index', () => {
    expect(indexPlatforms(INDEX).map(m => platformString(m.platform!))).toEqual(['linux/amd64', 'linux/arm64', 'linux/arm/v7']);
  });
});

describe('registryMessage', () => {
  const HINT = ' — the workflow needs `permissions: packages: write` (and the package must grant this repository write access)';

  test.each<[string, string, string]>([
    [
      'the error line, not the progress before it',
      '#1 [internal] pushing ghcr.io/o/app:latest with docker\n#1 DONE 0.1s\nERROR: failed commit on ref "manifest-sha256:abc": unexpected status from PUT request to https://registry.example.com/v2/o/app/manifests/latest: 500 Internal Server Error',
      'failed commit on ref "manifest-sha256:abc": unexpected status from PUT request to https://registry.example.com/v2/o/app/manifests/latest: 500 Internal Server Error'
    ],
    [
      'the last telling line',
      'ERROR: failed to push quay.io/o/app: first\nsome detail\nERROR: unauthorized: access to the requested resource is not authorized\n',
      'unauthorized: access to the requested resource is not authorized'
    ],
    ['no telling line: the last line', 'something odd happened\nand then it stopped\n', 'and then it stopped'],
    ['empty output', '', ''],
    ['docker.io denied: no GHCR hint', 'ERROR: denied: requested access to the resource is denied', 'denied: requested access to the resource is denied'],
    ['another registry, 403: no GHCR hint', 'ERROR: unexpected status from HEAD request to https://quay.io/v2/o/app/blobs/sha256:abc: 403 Forbidden', 'unexpected status from HEAD request to https://quay.io/v2/o/app/blobs/sha256:abc: 403 Forbidden'],
    ['ghcr.io, a 5xx: no hint', 'ERROR: failed to push ghcr.io/o/app:latest: unexpected status from PUT request to https://ghcr.io/v2/o/app/manifests/latest: 502 Bad Gateway', 'failed to push ghcr.io/o/app:latest: unexpected status from PUT request to https://ghcr.io/v2/o/app/manifests/latest: 502 Bad Gateway']
  ])('%s', (_title, output, message) => {
    expect(registryMessage(output)).toBe(message);
  });

  test.each([
    ['denied', 'ERROR: failed to push ghcr.io/o/app:latest: denied: permission_denied: write_package', 'failed to push ghcr.io/o/app:latest: denied: permission_denied: write_package'],
    ['403', 'ERROR: unexpected status from HEAD request to https://ghcr.io/v2/o/app/blobs/sha256:abc: 403 Forbidden', 'unexpected status from HEAD request to https://ghcr.io/v2/o/app/blobs/sha256:abc: 403 Forbidden'],
    ['denied, from imagetools create', 'error: failed to copy: failed to do request: Put "https://ghcr.io/v2/o/app/manifests/1.2.3": denied: installation not allowed to Write organization package', 'error: failed to copy: failed to do request: Put "https://ghcr.io/v2/o/app/manifests/1.2.3": denied: installation not allowed to Write organization package']
  ])('ghcr.io %s: the packages: write hint', (_title, output, message) => {
    expect(registryMessage(output)).toBe(message + HINT);
  });

  // BUG: the hint's test looks for `403` anywhere in the output, digests included: a GHCR 5xx whose
  // blob digest happens to contain "403" gets the `packages: write` hint, which sends the user after
  // a permission problem they do not have (a word-bounded \b403\b, as isTransient uses, would not).
  test('ghcr.io, a 5xx naming a digest with 403 in it: no hint', () => {
    const output = 'ERROR: unexpected status from HEAD request to https://ghcr.io/v2/o/app/blobs/sha256:9c4037e1f0a2: 502 Bad Gateway';
    expect(registryMessage(output)).toBe('unexpected status from HEAD request to https://ghcr.io/v2/o/app/blobs/sha256:9c4037e1f0a2: 502 Bad Gateway');
  });
});
