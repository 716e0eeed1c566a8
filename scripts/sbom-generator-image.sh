#!/usr/bin/env bash
# sbom-generator-image.sh: build ci-local/sbom-generator:debian, an SBOM generator image that follows
# BuildKit's SBOM generator protocol (scripts/sbom-generator.sh), and print its tag. BuildKit's default
# generator, docker/buildkit-syft-scanner, is pulled from Docker Hub, which cannot be reached here; the
# end-to-end tests pass this one instead, in one of build-push-action's forms:
#
#   sbom: generator=ci-local/sbom-generator:debian
#
# BuildKit runs the generator for the build platform (the runner's), so one amd64 image serves every
# target platform. The image is FROM scratch: Debian bookworm's busybox-static (scripts/busybox-static.sh)
# runs the entrypoint. With the docker driver BuildKit resolves it from the engine's image store.
#
# Needs root and a running engine (scripts/engine-up.sh). Idempotent: not rebuilt when the image there was
# made from this script's inputs. stdout carries only the image tag; progress goes to stderr.
#
# Settings (environment):
#   SBOM_GENERATOR_IMAGE   tag to build   (default ci-local/sbom-generator:debian)
#   ENGINE_PREFIX          cache root     (default /opt/ci-engine)
set -euo pipefail
exec 3>&1 1>&2

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${ENGINE_PREFIX:-/opt/ci-engine}
IMAGE=${SBOM_GENERATOR_IMAGE:-ci-local/sbom-generator:debian}
started=$SECONDS
log() { printf 'sbom-generator-image: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

docker info >/dev/null 2>&1 || die "docker is not reachable: run eval \"\$(bash scripts/engine-up.sh)\" first"
bb=$(BUSYBOX_ARCHS=amd64 bash "$HERE/busybox-static.sh")/busybox-amd64

inputs=$(sha256sum "$HERE/sbom-generator-image.sh" "$HERE/sbom-generator.sh" "$bb" | sha256sum | cut -c1-64)
if [[ $(docker image inspect --format '{{index .Config.Labels "ci-local.sbom-generator.inputs"}}' "$IMAGE" 2>/dev/null) == "$inputs" ]]; then
  log "$IMAGE is up to date"
  echo "$IMAGE" >&3
  exit 0
fi
C=$(mktemp -d "${TMPDIR:-/tmp}/sbom-generator.XXXXXX")
trap 'rm -rf "$C"' EXIT
R=$C/rootfs
mkdir -p "$R/bin" "$R/usr/bin" "$R/tmp" "$R/proc"
chmod 1777 "$R/tmp"
install -m 0755 "$bb" "$R/bin/busybox"
for applet in $("$bb" --list); do [[ -e $R/bin/$applet ]] || ln -s busybox "$R/bin/$applet"; done
install -m 0755 "$HERE/sbom-generator.sh" "$R/usr/bin/sbom-generator"
cat >"$C/Dockerfile" <<DOCKERFILE
FROM scratch
COPY rootfs /
ENV PATH=/usr/bin:/bin
LABEL ci-local.sbom-generator.inputs=$inputs
ENTRYPOINT ["/bin/sh", "/usr/bin/sbom-generator"]
DOCKERFILE
docker build -q -t "$IMAGE" "$C" >/dev/null
log "built $IMAGE in $((SECONDS - started)) s"
echo "$IMAGE" >&3
