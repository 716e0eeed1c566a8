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

# The docker-container driver's end-to-end test needs a BuildKit image, which cannot be pulled here:
# compile one from Debian's sources (about 2 minutes, once). Best effort: without it that test is skipped.
if [ "$(id -u)" = 0 ] && docker info >/dev/null 2>&1 && ! docker image inspect "${E2E_BUILDKIT_IMAGE:-ci-local/buildkit:debian}" >/dev/null 2>&1; then
  echo "== BuildKit image for the docker-container driver (scripts/buildkit-image.sh)"
  BUILDKIT_IMAGE="${E2E_BUILDKIT_IMAGE:-ci-local/buildkit:debian}" bash scripts/buildkit-image.sh >/dev/null ||
    echo "warning: scripts/buildkit-image.sh failed: the docker-container end-to-end test will be skipped" >&2
fi

# The cold-start benchmark first, while the machine is quiet (the end-to-end tests leave the engine busy).
echo "== benchmark: dry-run cold start"
node bench/dry-run.mjs --runs 21

NODE_OPTIONS=--experimental-vm-modules jest --ci "$@"

if [ -f bench/engine.mjs ] && docker info >/dev/null 2>&1; then
  echo "== benchmark: publishing on the real engine"
  node bench/engine.mjs
fi
