/** Plan and BuildPlan objects for the engine's unit tests: sensible defaults, overridden per test. */
import type {BuildPlan, Plan} from '../../../src/pipeline/plan.js';
import type {EngineInputs} from '../../../src/pipeline/inputs/index.js';

export function buildPlan(over: Partial<BuildPlan> = {}): BuildPlan {
  const id = over.id ?? 'app';
  const images = over.images ?? [`ghcr.io/octo-org/${id}`];
  const tagNames = over.tagNames ?? ['1.2.3', 'latest'];
  return {
    id,
    images,
    file: 'Dockerfile',
    context: '.',
    platforms: ['linux/amd64', 'linux/arm64'],
    tags: images.flatMap(i => tagNames.map(t => `${i}:${t}`)),
    tagNames,
    labels: ['org.opencontainers.image.title=app', 'org.opencontainers.image.version=1.2.3'],
    annotations: ['manifest:org.opencontainers.image.title=app'],
    buildArgs: {VERSION: '1.2.3'},
    push: true,
    policy: {allowed: true, rules: [], violations: [], warnings: []},
    ...over
  };
}

export function plan(builds: BuildPlan[] = [buildPlan()], over: Partial<Plan> = {}): Plan {
  return {
    eventName: 'push',
    ref: 'refs/heads/main',
    sha: '266574110acf203503badf966df2ea24b5d732d7',
    version: '1.2.3',
    push: true,
    pushReason: 'push event',
    registry: 'ghcr.io',
    builds,
    policy: {allowed: true, rules: [], violations: [], warnings: []},
    ...over
  };
}

export function engineInputs(over: Partial<EngineInputs> = {}): EngineInputs {
  return {
    setupQemu: 'auto',
    qemuImage: 'tonistiigi/binfmt:latest',
    builder: '',
    buildkitImage: '',
    registryAuth: '',
    secrets: [],
    secretWarnings: [],
    cache: 'auto',
    forceTags: false,
    cacheFrom: [],
    cacheTo: [],
    provenance: '',
    sbom: '',
    noCache: false,
    pull: false,
    tagRetryTimeout: 60,
    cacheMounts: {mode: 'false'},
    cacheMountsImage: 'docker.io/library/busybox:stable',
    stagingTags: 'remove',
    attestationStorage: 'index',
    ...over
  };
}
