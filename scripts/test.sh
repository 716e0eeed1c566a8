#!/usr/bin/env bash
# The project's test command (README): unit tests, the metadata-action conformance run, and the
# benchmarks, on Node 24 (node_modules/.bin/node, from the `node` devDependency).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
echo "node $(node --version)"
NODE_OPTIONS=--experimental-vm-modules jest --ci "$@"
node bench/dry-run.mjs --runs 21
