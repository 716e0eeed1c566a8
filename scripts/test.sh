#!/usr/bin/env bash
# The project's test command (README: `npm ci && npm test`), on Node 24 (node_modules/.bin/node, from the
# `node` devDependency): unit tests, the docker/metadata-action conformance run, the end-to-end tests on a
# real engine, and the benchmarks. When docker is not reachable and we are root, the engine is brought up
# first with scripts/engine-up.sh (dockerd, buildx, QEMU and a registry on 127.0.0.1, from Debian's archive).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
echo "node $(node --version)"

if ! { docker info >/dev/null 2>&1 && docker buildx version >/dev/null 2>&1 && [ -n "${REGISTRY_ADDR:-}" ]; }; then
  if [ "$(id -u)" = 0 ]; then
    echo "== bringing up the engine (scripts/engine-up.sh)"
    eval "$(bash scripts/engine-up.sh)"
  else
    echo "warning: no container engine and not root: the end-to-end tests will be skipped (run scripts/engine-up.sh as root)" >&2
  fi
fi

# CI as the runners set it (and as __tests__/support/prereqs.ts reads it): any value but empty/false/0/no.
ci() { [[ -n ${CI:-} && ! ${CI,,} =~ ^(false|0|no)$ ]]; }

# Images the end-to-end tests need and cannot pull here, made from Debian's archive:
#   - a BuildKit image for the docker-container driver's test (compiled from source: minutes, once),
#   - the stand-in of tonistiigi/binfmt for the QEMU install test (seconds; re-run every time, since it
#     is a no-op when the image already has the script's inputs),
#   - an SBOM generator that follows BuildKit's SBOM generator protocol, for `sbom: generator=<image>`
#     (BuildKit's default generator is pulled from Docker Hub; seconds, re-run every time alike).
# Under CI a failure stops here (the e2e files would fail on the missing image anyway, later and less
# clearly); elsewhere it is a warning and those files are skipped.
local_image() { # local_image WHAT TAG SCRIPT [always]
  local what=$1 tag=$2 script=$3 always=${4:-} t0=$SECONDS
  if [[ -z $always ]] && docker image inspect "$tag" >/dev/null 2>&1; then return 0; fi
  echo "== $what ($script)"
  local var=BUILDKIT_IMAGE; [[ $script == *binfmt* ]] && var=BINFMT_IMAGE; [[ $script == *sbom* ]] && var=SBOM_GENERATOR_IMAGE
  if env "$var=$tag" bash "$script" >/dev/null; then
    echo "   $tag ready in $((SECONDS - t0)) s"
  elif ci; then
    echo "error: $script failed: under CI the end-to-end tests need $tag" >&2
    exit 1
  else
    echo "warning: $script failed: the end-to-end tests that need $tag will be skipped" >&2
  fi
}
if [ "$(id -u)" = 0 ] && docker info >/dev/null 2>&1; then
  local_image "BuildKit image for the docker-container driver" "${E2E_BUILDKIT_IMAGE:-ci-local/buildkit:debian}" scripts/buildkit-image.sh
  local_image "binfmt stand-in for the QEMU install path" "${E2E_BINFMT_IMAGE:-ci-local/binfmt:debian}" scripts/binfmt-image.sh always
  local_image "SBOM generator (BuildKit's protocol) for sbom: generator=" "${E2E_SBOM_GENERATOR_IMAGE:-ci-local/sbom-generator:debian}" scripts/sbom-generator-image.sh always
else
  # no exit here, even under CI: `npm test -- --selectProjects unit` needs no engine; the e2e files
  # themselves fail under CI, naming what is missing (__tests__/support/prereqs.ts)
  echo "warning: not root or no engine: the BuildKit and binfmt images are not built (the end-to-end tests that need them fail under CI, are skipped otherwise)" >&2
fi

# The cold-start benchmark first, while the machine is quiet (the end-to-end tests leave the engine busy).
echo "== benchmark: dry-run cold start"
node bench/dry-run.mjs --runs 21

NODE_OPTIONS=--experimental-vm-modules jest --ci "$@"

if [ -f bench/engine.mjs ] && docker info >/dev/null 2>&1; then
  echo "== benchmark: publishing on the real engine"
  # cold only: bench/warm.mjs below measures the warm case (with cache: local and cache mounts besides)
  node bench/engine.mjs --no-warm
fi
# The warm benchmark runs its builds on fresh docker-container builders of the local BuildKit image.
if [ -f bench/warm.mjs ] && docker info >/dev/null 2>&1; then
  if docker image inspect "${E2E_BUILDKIT_IMAGE:-ci-local/buildkit:debian}" >/dev/null 2>&1; then
    echo "== benchmark: warm, incremental publishing (registry cache, cache: local, cache mounts)"
    node bench/warm.mjs
  else
    echo "warning: no ${E2E_BUILDKIT_IMAGE:-ci-local/buildkit:debian} image (scripts/buildkit-image.sh): the warm benchmark is skipped" >&2
  fi
fi
# The split-release benchmark (one publish job against plan + two parallel build legs + merge, and the
# merge's own time for small and large images): its building jobs run on fresh docker-container builders
# of the same BuildKit image. One round and a 32 MiB layer: 1.5-2.5 minutes on 2 CPUs.
if [ -f bench/split.mjs ] && docker info >/dev/null 2>&1; then
  if docker image inspect "${E2E_BUILDKIT_IMAGE:-ci-local/buildkit:debian}" >/dev/null 2>&1; then
    echo "== benchmark: split release (publish job vs plan + build legs + merge)"
    node bench/split.mjs --rounds 1 --large-mb 32
  else
    echo "warning: no ${E2E_BUILDKIT_IMAGE:-ci-local/buildkit:debian} image (scripts/buildkit-image.sh): the split benchmark is skipped" >&2
  fi
fi
