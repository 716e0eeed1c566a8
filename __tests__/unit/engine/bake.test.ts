import {describe, expect, test} from '@jest/globals';
import {attestation, bakeDefinition, buildAnnotations, cancelledTargets, escapeBakeValue, outputFor, parseFailures, serializeBake, type BakeSettings, type BuildFailure} from '../../../src/engine/bake.js';
import {fixture} from './fake-buildx.js';
import {buildPlan, plan} from './factory.js';

function settings(over: Partial<BakeSettings> = {}): BakeSettings {
  return {push: true, pushMode: 'digest', stagingTag: 'mp-staging-1-1-abc1234', cacheFrom: {}, cacheTo: {}, secrets: [], provenance: '', sbom: '', noCache: false, pull: false, ...over};
}

describe('attestation', () => {
  test.each<['provenance' | 'sbom', string, string | undefined]>([
    ['provenance', 'true', 'type=provenance'],
    ['provenance', 'false', 'type=provenance,disabled=true'],
    ['provenance', 'mode=max', 'type=provenance,mode=max'],
    ['provenance', 'mode=min', 'type=provenance,mode=min'],
    ['provenance', 'type=provenance,mode=max', 'type=provenance,mode=max'],
    ['provenance', '', undefined],
    ['sbom', 'true', 'type=sbom'],
    ['sbom', 'false', 'type=sbom,disabled=true'],
    ['sbom', 'generator=docker/buildkit-syft-scanner', 'type=sbom,generator=docker/buildkit-syft-scanner'],
    ['sbom', 'type=sbom,generator=x', 'type=sbom,generator=x'],
    ['sbom', '', undefined]
  ])('%s %j -> %j', (type, value, expected) => {
    expect(attestation(type, value)).toBe(expected);
  });
});

describe('buildAnnotations', () => {
  test.each<[string, string[], string[]]>([
    ['none', [], []],
    [
      'manifest-level ones copied to the index',
      ['manifest:org.opencontainers.image.title=app', 'manifest:org.opencontainers.image.description=My app'],
      ['manifest:org.opencontainers.image.title=app', 'manifest:org.opencontainers.image.description=My app', 'index:org.opencontainers.image.title=app', 'index:org.opencontainers.image.description=My app']
    ],
    [
      'not when the key is already at index level',
      ['manifest:org.opencontainers.image.description=built', 'index:org.opencontainers.image.description=for the index'],
      ['manifest:org.opencontainers.image.description=built', 'index:org.opencontainers.image.description=for the index']
    ],
    [
      'the index-level one set after the manifest-level one',
      ['index:org.opencontainers.image.title=index title', 'manifest:org.opencontainers.image.title=manifest title', 'manifest:org.opencontainers.image.version=1.2.3'],
      ['index:org.opencontainers.image.title=index title', 'manifest:org.opencontainers.image.title=manifest title', 'manifest:org.opencontainers.image.version=1.2.3', 'index:org.opencontainers.image.version=1.2.3']
    ],
    ['index-only ones kept', ['index:org.opencontainers.image.source=https://github.com/o/r'], ['index:org.opencontainers.image.source=https://github.com/o/r']],
    ['a value with = in it', ['manifest:org.opencontainers.image.url=https://x.test/?a=b'], ['manifest:org.opencontainers.image.url=https://x.test/?a=b', 'index:org.opencontainers.image.url=https://x.test/?a=b']],
    ['a key set twice at manifest level is copied once', ['manifest:k=1', 'manifest:k=2'], ['manifest:k=1', 'manifest:k=2', 'index:k=1']],
    ['other levels are not copied', ['manifest-descriptor:k=v', 'index-descriptor:k=v', 'manifest[linux/amd64]:k=v'], ['manifest-descriptor:k=v', 'index-descriptor:k=v', 'manifest[linux/amd64]:k=v']]
  ])('%s', (_title, annotations, expected) => {
    expect(buildAnnotations(annotations)).toEqual(expected);
  });

  test('the input is not modified', () => {
    const annotations = ['manifest:k=v'];
    buildAnnotations(annotations);
    expect(annotations).toEqual(['manifest:k=v']);
  });
});

describe('outputFor', () => {
  test.each<[string, string[], Partial<BakeSettings>, string]>([
    ['not pushing: cache only', ['ghcr.io/o/app'], {push: false}, 'type=cacheonly'],
    ['not pushing, whatever the push mode', ['ghcr.io/o/app'], {push: false, pushMode: 'staging-tag'}, 'type=cacheonly'],
    ['not pushing, no layout either', ['ghcr.io/o/app'], {push: false, pushMode: 'layout', layoutDir: '/w/oci'}, 'type=cacheonly'],
    ['the docker driver: an OCI layout directory of the build\'s own, no push; the names (no tag) only for the attestations\' subjects', ['ghcr.io/o/app'], {pushMode: 'layout', layoutDir: '/rt/multiarch-publish-abcdef/oci'}, 'type=oci,tar=false,dest=/rt/multiarch-publish-abcdef/oci/app,name=ghcr.io/o/app,oci-mediatypes=true'],
    ['the layout path quoted when it holds a comma, names alike', ['ghcr.io/o/app', 'docker.io/o/app'], {pushMode: 'layout', layoutDir: '/rt/a,b/oci'}, 'type=oci,tar=false,"dest=/rt/a,b/oci/app","name=ghcr.io/o/app,docker.io/o/app",oci-mediatypes=true'],
    ['push by digest', ['ghcr.io/o/app'], {}, 'type=image,name=ghcr.io/o/app,push=true,oci-mediatypes=true,push-by-digest=true,name-canonical=true'],
    ['push by digest, a registry with a port', ['127.0.0.1:5000/ns/app'], {}, 'type=image,name=127.0.0.1:5000/ns/app,push=true,oci-mediatypes=true,push-by-digest=true,name-canonical=true'],
    ['push by digest, several names in one quoted CSV field', ['ghcr.io/o/app', 'docker.io/o/app'], {}, 'type=image,"name=ghcr.io/o/app,docker.io/o/app",push=true,oci-mediatypes=true,push-by-digest=true,name-canonical=true'],
    ['staging tag', ['ghcr.io/o/app'], {pushMode: 'staging-tag'}, 'type=image,name=ghcr.io/o/app:mp-staging-1-1-abc1234,push=true,oci-mediatypes=true'],
    [
      'staging tag, several names',
      ['ghcr.io/o/app', 'docker.io/o/app'],
      {pushMode: 'staging-tag', stagingTag: 'mp-staging-9-2-def'},
      'type=image,"name=ghcr.io/o/app:mp-staging-9-2-def,docker.io/o/app:mp-staging-9-2-def",push=true,oci-mediatypes=true'
    ]
  ])('%s', (_title, images, over, output) => {
    expect(outputFor(buildPlan({images}), settings(over))).toBe(output);
  });

  test('load (the CLI\'s build): into the local image store under every tag, one quoted CSV field', () => {
    expect(outputFor(buildPlan({images: ['ghcr.io/o/app']}), settings({push: false, load: true}))).toBe('type=docker,"name=ghcr.io/o/app:1.2.3,ghcr.io/o/app:latest"');
    expect(outputFor(buildPlan({images: ['ghcr.io/o/app'], tagNames: ['dev']}), settings({push: false, load: true}))).toBe('type=docker,name=ghcr.io/o/app:dev');
  });

  test.each(['digest', 'layout'] as const)('the staging tag is never used when pushing by digest (%s)', pushMode => {
    expect(outputFor(buildPlan(), settings({pushMode, layoutDir: '/w'}))).not.toContain('mp-staging');
  });
});

describe('bakeDefinition', () => {
  const frontend = buildPlan({
    id: 'frontend',
    images: ['ghcr.io/o/frontend'],
    context: 'app',
    file: 'app/Dockerfile',
    platforms: ['linux/amd64', 'linux/arm64'],
    labels: ['org.opencontainers.image.title=frontend', 'org.opencontainers.image.description=a=b c'],
    annotations: ['manifest:org.opencontainers.image.title=frontend'],
    buildArgs: {VERSION: '1.2.3', NODE_ENV: 'production'}
  });
  const backend = buildPlan({
    id: 'backend',
    images: ['ghcr.io/o/backend', 'docker.io/o/backend'],
    context: '.',
    file: 'docker/x.Dockerfile',
    target: 'runtime',
    platforms: ['linux/amd64'],
    labels: [],
    annotations: ['index:org.opencontainers.image.source=https://github.com/o/r'],
    buildArgs: {}
  });
  const twoBuilds = plan([frontend, backend]);

  test('one target per build, all in the default group', () => {
    const def = bakeDefinition(twoBuilds, settings());
    expect(def.group).toEqual({default: {targets: ['frontend', 'backend']}});
    expect(Object.keys(def.target)).toEqual(['frontend', 'backend']);
  });

  test('the whole definition when pushing', () => {
    expect(bakeDefinition(twoBuilds, settings())).toEqual({
      group: {default: {targets: ['frontend', 'backend']}},
      target: {
        frontend: {
          context: 'app',
          dockerfile: 'Dockerfile',
          platforms: ['linux/amd64', 'linux/arm64'],
          labels: {'org.opencontainers.image.title': 'frontend', 'org.opencontainers.image.description': 'a=b c'},
          annotations: ['manifest:org.opencontainers.image.title=frontend', 'index:org.opencontainers.image.title=frontend'],
          args: {VERSION: '1.2.3', NODE_ENV: 'production'},
          output: ['type=image,name=ghcr.io/o/frontend,push=true,oci-mediatypes=true,push-by-digest=true,name-canonical=true']
        },
        backend: {
          context: '.',
          dockerfile: 'docker/x.Dockerfile',
          platforms: ['linux/amd64'],
          target: 'runtime',
          labels: {},
          annotations: ['index:org.opencontainers.image.source=https://github.com/o/r'],
          args: {},
          output: ['type=image,"name=ghcr.io/o/backend,docker.io/o/backend",push=true,oci-mediatypes=true,push-by-digest=true,name-canonical=true']
        }
      }
    });
  });

  test.each<[string, string, string]>([
    // [context, file, dockerfile relative to the context]
    ['app', 'app/Dockerfile', 'Dockerfile'],
    ['.', 'Dockerfile', 'Dockerfile'],
    ['.', 'docker/x.Dockerfile', 'docker/x.Dockerfile'],
    ['./app', 'app/Dockerfile', 'Dockerfile'],
    ['app/', 'app/docker/prod.Dockerfile', 'docker/prod.Dockerfile'],
    ['services/api', 'services/api/Dockerfile', 'Dockerfile'],
    ['app', 'docker/app.Dockerfile', '../docker/app.Dockerfile']
  ])('context %j, file %j -> dockerfile %j', (context, file, dockerfile) => {
    const def = bakeDefinition(plan([buildPlan({context, file})]), settings());
    expect(def.target.app).toMatchObject({context, dockerfile});
  });

  test('no annotations when not pushing, and a cache-only output', () => {
    const def = bakeDefinition(plan([frontend, backend], {push: false}), settings({push: false}));
    for (const t of Object.values(def.target)) {
      expect(t).not.toHaveProperty('annotations');
      expect(t.output).toEqual(['type=cacheonly']);
    }
  });

  test('no target key when the build has none', () => {
    expect(bakeDefinition(twoBuilds, settings()).target.frontend).not.toHaveProperty('target');
  });

  test('optional keys are absent when not set', () => {
    const t = bakeDefinition(twoBuilds, settings()).target.frontend;
    for (const key of ['cache-from', 'cache-to', 'secret', 'attest', 'no-cache', 'pull']) expect(t).not.toHaveProperty(key);
  });

  test('optional keys when set', () => {
    const s = settings({
      cacheFrom: {frontend: ['type=gha,scope=frontend-main'], backend: []},
      cacheTo: {frontend: ['type=gha,scope=frontend-main,mode=max']},
      secrets: ['id=npmrc,src=/tmp/secrets/npmrc'],
      provenance: 'mode=max',
      sbom: 'true',
      noCache: true,
      pull: true
    });
    const def = bakeDefinition(twoBuilds, s);
    expect(def.target.frontend).toMatchObject({
      'cache-from': ['type=gha,scope=frontend-main'],
      'cache-to': ['type=gha,scope=frontend-main,mode=max'],
      secret: ['id=npmrc,src=/tmp/secrets/npmrc'],
      attest: ['type=provenance,mode=max', 'type=sbom'],
      'no-cache': true,
      pull: true
    });
    // cache per build: none given for backend
    expect(def.target.backend).not.toHaveProperty('cache-from');
    expect(def.target.backend).not.toHaveProperty('cache-to');
    expect(def.target.backend).toMatchObject({secret: ['id=npmrc,src=/tmp/secrets/npmrc'], attest: ['type=provenance,mode=max', 'type=sbom'], 'no-cache': true, pull: true});
  });

  test.each<[string, string, string[] | undefined]>([
    ['', '', undefined],
    ['false', 'false', ['type=provenance,disabled=true', 'type=sbom,disabled=true']],
    ['mode=max', '', ['type=provenance,mode=max']],
    ['', 'true', ['type=sbom']]
  ])('attest for provenance %j, sbom %j', (provenance, sbom, attest) => {
    const t = bakeDefinition(plan([buildPlan()]), settings({provenance, sbom})).target.app;
    if (attest) expect(t.attest).toEqual(attest);
    else expect(t).not.toHaveProperty('attest');
  });

  test.each<[string, Partial<BakeSettings>, string[] | undefined]>([
    ['the layout gets buildx\'s default provenance, as a push would', {pushMode: 'layout', layoutDir: '/w'}, ['type=provenance,mode=min']],
    ['the layout, provenance: false', {pushMode: 'layout', layoutDir: '/w', provenance: 'false'}, ['type=provenance,disabled=true']],
    ['the layout, provenance: mode=max', {pushMode: 'layout', layoutDir: '/w', provenance: 'mode=max'}, ['type=provenance,mode=max']],
    ['push by digest: buildx\'s own default', {pushMode: 'digest'}, undefined],
    ['not pushing: none', {push: false, pushMode: 'layout'}, undefined]
  ])('%s', (_, over, attest) => {
    expect(bakeDefinition(plan([buildPlan()]), settings(over)).target.app.attest).toEqual(attest);
  });

  test('staging tags when staging-tags: keep asks for them', () => {
    expect(bakeDefinition(plan([buildPlan()]), settings({pushMode: 'staging-tag'})).target.app.output).toEqual(['type=image,name=ghcr.io/octo-org/app:mp-staging-1-1-abc1234,push=true,oci-mediatypes=true']);
  });

  test('the definition is JSON', () => {
    const def = bakeDefinition(twoBuilds, settings({noCache: true}));
    expect(JSON.parse(JSON.stringify(def))).toEqual(def);
  });
});

describe('one target fails, BuildKit cancels the others (real bake logs, docker-container builder)', () => {
  const TARGETS = ['backend', 'frontend'];
  // blame: the target whose step failed, never one whose steps bake cancelled because of it
  test.each<[string, string, Partial<BuildFailure>, string[]]>([
    ['RUN false against a slow RUN: the slow RUN is CANCELED', 'bake-failed-run-cancelled.log', {target: 'backend', platform: undefined, kind: 'build', step: '[backend 2/2] RUN ["/bin/busybox", "false"]'}, ['frontend']],
    ['two platforms each: both of backend\'s RUNs fail, both of frontend\'s are CANCELED', 'bake-failed-other-cancelled.log', {target: 'backend', platform: undefined, kind: 'build', error: 'process "/bin/busybox false" did not complete successfully: exit code: 1'}, ['frontend']],
    ['a late failure cancels the other target\'s push: that is no push failure', 'bake-failed-push-cancelled.log', {target: 'frontend', kind: 'build', error: 'process "/bin/busybox sh -c /bin/busybox sleep 10.5; exit 3" did not complete successfully: exit code: 3'}, ['backend']],
    ['docker driver, the other target cached: nothing cancelled', 'bake-failed-two-targets.log', {target: 'frontend', kind: 'build'}, []]
  ])('%s', (_, file, failure, cancelled) => {
    const lines = fixture(file).split('\n');
    const failures = parseFailures(lines, TARGETS);
    expect(failures).toEqual([expect.objectContaining(failure)]);
    expect(cancelledTargets(lines, TARGETS, failures)).toEqual(cancelled);
  });

  test('a step two targets share, named by either: CANCELED cancels both; a failed target is not also cancelled', () => {
    const lines = ['#6 [backend 1/2] COPY x /x', '#6 [frontend 1/2] COPY x /x', '#7 [frontend 2/2] RUN false', '#7 ERROR: process "false" did not complete successfully: exit code: 1', '#6 CANCELED'];
    const failures = parseFailures(lines, TARGETS);
    expect(failures.map(f => f.target)).toEqual(['frontend']);
    expect(cancelledTargets(lines, TARGETS, failures)).toEqual(['backend']);
  });
});

describe('parseFailures', () => {
  const TARGETS = ['frontend', 'backend'];
  const IMAGES = {frontend: ['127.0.0.1:5000/ns/frontend'], backend: ['127.0.0.1:5000/ns/backend']};

  /** A RUN step of frontend failing on two platforms (two vertices), after a successful backend. */
  const RUN_FAILS = [
    '#0 building with "multiarch-publish-4242" instance using docker-container driver',
    '',
    '#1 [internal] load local bake definitions',
    '#1 reading /tmp/mp/bake.json 1203B / 1203B done',
    '#1 DONE 0.0s',
    '',
    '#2 [frontend internal] load build definition from Dockerfile',
    '#2 transferring dockerfile: 142B done',
    '#2 DONE 0.0s',
    '',
    '#9 [backend linux/amd64 1/2] FROM docker.io/library/alpine:3.20@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d',
    '#9 resolve docker.io/library/alpine:3.20@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d done',
    '#9 DONE 0.1s',
    '',
    '#18 [frontend stage-1 2/2] RUN exit 3',
    '#18 0.112 + exit 3',
    '#18 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
    '',
    '#20 [frontend stage-1 2/2] RUN exit 3',
    '#20 0.381 + exit 3',
    '#20 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
    '------',
    ' > [frontend stage-1 2/2] RUN exit 3:',
    '0.112 + exit 3',
    '------',
    'Dockerfile:4',
    '--------------------',
    '   3 |     FROM alpine:3.20',
    '   4 | >>> RUN exit 3',
    '--------------------',
    'ERROR: target frontend: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3'
  ];

  test('a RUN failing on two platforms is one build failure of its target, on no one platform', () => {
    const expected: BuildFailure[] = [
      {
        target: 'frontend',
        platform: undefined,
        kind: 'build',
        step: '[frontend stage-1 2/2] RUN exit 3',
        error: 'process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
        log: ['#18 [frontend stage-1 2/2] RUN exit 3', '#18 0.112 + exit 3', '#18 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3']
      }
    ];
    expect(parseFailures(RUN_FAILS, TARGETS, IMAGES)).toEqual(expected);
  });

  test('vertices named with their platforms, failing on two platforms: no one platform', () => {
    const lines = [
      '#18 [frontend linux/amd64 stage-1 2/2] RUN exit 3',
      '#18 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
      '#19 [frontend linux/arm64 stage-1 2/2] RUN exit 3',
      '#19 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3'
    ];
    expect(parseFailures(lines, TARGETS, IMAGES)).toEqual([expect.objectContaining({target: 'frontend', platform: undefined, kind: 'build'})]);
  });

  test('a vertex with its platform in its name: that platform', () => {
    const lines = [
      '#9 [backend linux/arm64 1/2] COPY dist/ /srv/',
      '#9 ERROR: failed to calculate checksum of ref 9a1b7c0d-52b1-4a55-b7f2-0c7c1c0f0a4e::q2w3e4r5t6: "/dist": not found',
      '#10 [backend linux/amd64 1/2] COPY dist/ /srv/',
      '#10 CANCELED'
    ];
    expect(parseFailures(lines, TARGETS, IMAGES)).toEqual([
      {
        target: 'backend',
        platform: 'linux/arm64',
        kind: 'build',
        step: '[backend linux/arm64 1/2] COPY dist/ /srv/',
        error: 'failed to calculate checksum of ref 9a1b7c0d-52b1-4a55-b7f2-0c7c1c0f0a4e::q2w3e4r5t6: "/dist": not found',
        log: lines.slice(0, 2)
      }
    ]);
  });

  test.each(['linux/arm/v7', 'linux/amd64', 'windows/amd64'])('platform %s', platform => {
    const lines = [`#5 [backend ${platform} build 3/5] RUN make`, '#5 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2'];
    expect(parseFailures(lines, TARGETS)[0]).toMatchObject({target: 'backend', platform});
  });

  const PUSH_FAILS = [
    '#16 [frontend] exporting to image',
    '#16 exporting layers 0.3s done',
    '#16 exporting manifest sha256:3f1c2b9a0c8e7d6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f 0.0s done',
    '#16 exporting config sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9 0.0s done',
    '#16 exporting attestation manifest sha256:9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0 0.0s done',
    '#16 exporting manifest list sha256:1122334455667788990011223344556677889900112233445566778899001122 0.0s done',
    '#16 pushing layers',
    '#16 pushing layers 1.2s done',
    '#16 ERROR: failed to push 127.0.0.1:5000/ns/frontend:mp-staging-1-1-abc: unexpected status from PUT request to http://127.0.0.1:5000/v2/ns/frontend/manifests/mp-staging-1-1-abc: 503 Service Unavailable'
  ];

  test('a push failure', () => {
    expect(parseFailures(PUSH_FAILS, TARGETS, IMAGES)).toEqual([
      {
        target: 'frontend',
        platform: undefined,
        kind: 'push',
        step: '[frontend] exporting to image',
        error: 'failed to push 127.0.0.1:5000/ns/frontend:mp-staging-1-1-abc: unexpected status from PUT request to http://127.0.0.1:5000/v2/ns/frontend/manifests/mp-staging-1-1-abc: 503 Service Unavailable',
        log: PUSH_FAILS
      }
    ]);
  });

  test('a push failure without the images map: the vertex says whose', () => {
    expect(parseFailures(PUSH_FAILS, TARGETS)).toEqual([expect.objectContaining({target: 'frontend', kind: 'push'})]);
  });

  test('a push failure pushing by digest (a name without a tag)', () => {
    const lines = ['#16 [frontend] exporting to image', '#16 ERROR: failed to push ghcr.io/o/frontend: unexpected status from HEAD request to https://ghcr.io/v2/o/frontend/blobs/sha256:abc: 403 Forbidden'];
    expect(parseFailures(lines, TARGETS, {frontend: ['ghcr.io/o/frontend'], backend: ['ghcr.io/o/backend']})).toEqual([expect.objectContaining({target: 'frontend', kind: 'push'})]);
  });

  test('a push error surfacing under another target names the image it was pushing', () => {
    const lines = [
      '#21 [backend] exporting to image',
      '#21 pushing layers 0.4s done',
      '#21 ERROR: failed to push 127.0.0.1:5000/ns/frontend:mp-staging-1-1-abc: unexpected status from PUT request to http://127.0.0.1:5000/v2/ns/frontend/blobs/uploads/: 502 Bad Gateway'
    ];
    expect(parseFailures(lines, TARGETS, IMAGES)).toEqual([expect.objectContaining({target: 'frontend', kind: 'push'})]);
    // without the images map, the vertex's target is all there is to go by
    expect(parseFailures(lines, TARGETS)).toEqual([expect.objectContaining({target: 'backend', kind: 'push'})]);
  });

  test('a push error for an image of a build published under several names', () => {
    const lines = ['#16 [backend] exporting to image', '#16 ERROR: failed to push docker.io/o/backend: denied: requested access to the resource is denied'];
    const images = {frontend: ['ghcr.io/o/frontend'], backend: ['ghcr.io/o/backend', 'docker.io/o/backend']};
    expect(parseFailures(lines, TARGETS, images)).toEqual([expect.objectContaining({target: 'backend', kind: 'push', error: 'failed to push docker.io/o/backend: denied: requested access to the resource is denied'})]);
  });

  test('a push error naming an image no build has: the vertex says whose', () => {
    const lines = ['#16 [backend] exporting to image', '#16 ERROR: failed to push 127.0.0.1:5000/elsewhere/x:tag: unexpected status: 500 Internal Server Error'];
    expect(parseFailures(lines, TARGETS, IMAGES)).toEqual([expect.objectContaining({target: 'backend', kind: 'push'})]);
  });

  test.each([
    'failed to copy: httpReadSeeker: failed open: unexpected status code https://ghcr.io/v2/o/frontend/blobs/sha256:abc: 502 Bad Gateway',
    'unexpected status from PUT request to https://ghcr.io/v2/o/frontend/manifests/sha256:abc: 401 Unauthorized',
    'server message: insufficient_scope: authorization failed'
  ])('a registry error in the export vertex is a push failure: %s', error => {
    expect(parseFailures(['#16 [frontend] exporting to image', `#16 ERROR: ${error}`], TARGETS)).toEqual([expect.objectContaining({target: 'frontend', kind: 'push', error})]);
  });

  test('a build failure is preferred over a push failure of the same target', () => {
    const lines = [
      '#16 [frontend] exporting to image',
      '#16 ERROR: failed to push 127.0.0.1:5000/ns/frontend:mp-staging-1-1-abc: unexpected status: 503 Service Unavailable',
      '#18 [frontend linux/arm64 stage-1 2/2] RUN exit 3',
      '#18 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3'
    ];
    expect(parseFailures(lines, TARGETS, IMAGES)).toEqual([
      expect.objectContaining({target: 'frontend', kind: 'build', error: 'process "/bin/sh -c exit 3" did not complete successfully: exit code: 3', log: lines.slice(2)})
    ]);
  });

  test('a build failure is kept when a push failure of the same target follows', () => {
    const lines = [
      '#18 [frontend stage-1 2/2] RUN exit 3',
      '#18 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
      '#16 [frontend] exporting to image',
      '#16 ERROR: failed to push 127.0.0.1:5000/ns/frontend:mp-staging-1-1-abc: unexpected status: 503 Service Unavailable'
    ];
    expect(parseFailures(lines, TARGETS, IMAGES)).toEqual([expect.objectContaining({target: 'frontend', kind: 'build', log: lines.slice(0, 2)})]);
  });

  test('build failures and push failures of different targets, one each', () => {
    const lines = [...PUSH_FAILS, '#9 [backend linux/arm64 1/2] COPY dist/ /srv/', '#9 ERROR: failed to calculate checksum of ref abc::def: "/dist": not found'];
    expect(parseFailures(lines, TARGETS, IMAGES).map(f => [f.target, f.kind, f.platform])).toEqual([
      ['frontend', 'push', undefined],
      ['backend', 'build', 'linux/arm64']
    ]);
  });

  test('the log is the failed vertex, limited to its tail', () => {
    const lines = ['#18 [frontend stage-1 2/2] RUN ./build.sh', ...Array.from({length: 30}, (_, i) => `#18 ${(i / 10).toFixed(3)} line ${i}`), '#18 ERROR: process "/bin/sh -c ./build.sh" did not complete successfully: exit code: 1'];
    const [failure] = parseFailures(lines, TARGETS, IMAGES);
    expect(failure.log).toHaveLength(20);
    expect(failure.log[19]).toBe('#18 ERROR: process "/bin/sh -c ./build.sh" did not complete successfully: exit code: 1');
    expect(failure.log[0]).toBe('#18 1.100 line 11');
    expect(parseFailures(lines, TARGETS, IMAGES, 3)[0].log).toEqual(['#18 2.800 line 28', '#18 2.900 line 29', lines.at(-1)]);
  });

  test('the log holds only the failed vertex, not interleaved ones', () => {
    const lines = ['#18 [frontend stage-1 2/2] RUN exit 3', '#9 [backend 1/2] COPY . .', '#18 0.1 + exit 3', '#9 DONE 0.1s', '#18 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3'];
    expect(parseFailures(lines, TARGETS)[0].log).toEqual([lines[0], lines[2], lines[4]]);
  });

  test('one target: every failure is its', () => {
    const lines = ['#4 [internal] load metadata for docker.io/library/node:22', '#4 ERROR: failed to do request: Head "https://registry-1.docker.io/v2/library/node/manifests/22": dial tcp: lookup registry-1.docker.io: no such host'];
    expect(parseFailures(lines, ['app'])).toEqual([expect.objectContaining({target: 'app', kind: 'build'})]);
  });

  test('several targets, a failure of none of them: an unknown target', () => {
    const lines = ['#1 [internal] load local bake definitions', '#1 ERROR: failed to parse /tmp/bake.json: unexpected end of JSON input'];
    expect(parseFailures(lines, TARGETS)).toEqual([expect.objectContaining({target: '', kind: 'build'})]);
  });

  test.each([
    ['no lines', []],
    ['a successful build', ['#1 [internal] load local bake definitions', '#1 DONE 0.0s', '#16 [frontend] exporting to image', '#16 DONE 1.2s']],
    ['a canceled vertex', ['#10 [backend linux/amd64 1/2] COPY dist/ /srv/', '#10 CANCELED']],
    ['errors outside any vertex', ['ERROR: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3', 'ERROR: target frontend: failed to solve']]
  ])('no failure: %s', (_title, lines) => {
    expect(parseFailures(lines, TARGETS, IMAGES)).toEqual([]);
  });

  // BUG: PUSH_ERROR matches registry words (`denied`, `server message`, `insufficient_scope`,
  // `unexpected status`) in any vertex, so a base image the builder cannot PULL (`FROM` a private or
  // missing image, in a `load metadata for` vertex) is reported as a push failure ("Pushing ... failed"),
  // and the push-retry loop in publish.ts treats it as a push. Nothing is pushed there: it is a build failure.
  test('a base image that cannot be pulled is a build failure, not a push failure', () => {
    const lines = [
      '#3 [frontend internal] load metadata for docker.io/o/private-base:1',
      '#3 ERROR: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'
    ];
    expect(parseFailures(lines, TARGETS, IMAGES)).toEqual([expect.objectContaining({target: 'frontend', kind: 'build'})]);
  });
});

describe('escapeBakeValue (bake evaluates ${...} and %{...} in JSON definitions too)', () => {
  // expected: what `docker buildx bake --print -f def.json` gives back for the escaped value is the input
  test.each<[string, string]>([
    ['${VAR}', '$${VAR}'],
    ['${5}', '$${5}'],
    ['${GITHUB_SHA}', '$${GITHUB_SHA}'],
    ['%{if x}y%{endif}', '%%{if x}y%%{endif}'],
    ['$${', '$$${'],
    ['%%{', '%%%{'],
    ['$$', '$$'],
    ['x$', 'x$'],
    ['$', '$'],
    ['100%', '100%'],
    ['a$b%c{d}', 'a$b%c{d}'],
    ['Render ${VAR} and %{ x }', 'Render $${VAR} and %%{ x }'],
    ['', '']
  ])('%j -> %j', (value, expected) => {
    expect(escapeBakeValue(value)).toBe(expected);
  });
});

describe('serializeBake', () => {
  test('escapes every key and string value, keeps other values', () => {
    const def = bakeDefinition(
      plan([buildPlan({labels: ['k${A}=v${B}'], buildArgs: {ARG: '%{if x}y%{endif}'}, annotations: ['manifest:d=${5}']})]),
      settings({cacheFrom: {app: ['type=local,src=/c/${x}']}, secrets: ['id=s,src=/s'], noCache: true})
    );
    const out = JSON.parse(serializeBake(def));
    expect(out.target.app.labels).toEqual({'k$${A}': 'v$${B}'});
    expect(out.target.app.args).toEqual({ARG: '%%{if x}y%%{endif}'});
    expect(out.target.app.annotations).toContain('manifest:d=$${5}');
    expect(out.target.app['cache-from']).toEqual(['type=local,src=/c/$${x}']);
    expect(out.target.app['no-cache']).toBe(true);
    expect(serializeBake(def)).not.toMatch(/(?<![$%])[$%]\{/);
  });
});

describe('a failed step of a stage two targets share (BuildKit runs it once)', () => {
  const log = (f: string) => fixture(f).split('\n');
  test('both named it: it failed for both, each under its own header', () => {
    const f = parseFailures(log('bake-failed-shared-stage-both-named.log'), ['api', 'worker']);
    expect(f.map(x => [x.target, x.step.slice(0, 20), x.sharedWith])).toEqual([
      ['api', '[api base 2/2] RUN [', ['worker']],
      ['worker', '[worker base 2/2] RU', ['api']]
    ]);
    expect(cancelledTargets(log('bake-failed-shared-stage-both-named.log'), ['api', 'worker'], f)).toEqual([]);
  });

  test('only one named it: the log alone blames that one (the other is inferred from the Dockerfile, steps/build.ts)', () => {
    const f = parseFailures(log('bake-failed-shared-stage-one-named.log'), ['api', 'worker']);
    expect(f.map(x => x.target)).toEqual(['worker']);
  });
});

describe('a shared step cut short (context canceled) is not a failure of every target that shares it', () => {
  test('the target is cancelled, not failed, when another step really failed', () => {
    const lines = [
      '#9 [backend linux/arm64 base 3/3] RUN ["/bin/busybox", "sh", "-c", "uname -m > /arch"]',
      '#9 [frontend linux/arm64 base 3/3] RUN ["/bin/busybox", "sh", "-c", "uname -m > /arch"]',
      '#12 [frontend stage-1 2/2] RUN exit 3',
      '#12 ERROR: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3',
      '#9 ERROR: context canceled'
    ];
    const failures = parseFailures(lines, ['backend', 'frontend']);
    expect(failures.map(f => [f.target, f.error])).toEqual([['frontend', 'process "/bin/sh -c exit 3" did not complete successfully: exit code: 3']]);
    expect(cancelledTargets(lines, ['backend', 'frontend'], failures)).toEqual(['backend']);
    // nothing else failed: the step cut short is what there is to say
    expect(parseFailures(lines.filter(l => !l.startsWith('#12')), ['backend', 'frontend']).map(f => [f.target, f.error])).toEqual([['backend', 'context canceled']]);
  });
});
