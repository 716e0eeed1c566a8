#!/usr/bin/env bash
# binfmt-image.sh: build a local stand-in of tonistiigi/binfmt (which cannot be pulled here) and print its tag.
#
#   docker run --privileged --rm ci-local/binfmt:debian --install riscv64,arm64   # or: all
#   docker run --privileged --rm ci-local/binfmt:debian --uninstall qemu-riscv64  # or: qemu-*
#   docker run --privileged --rm ci-local/binfmt:debian                           # status as JSON
#
# It is what the action's `qemu-image` input expects (`docker run --privileged --rm <image> --install <arches>`,
# as docker/setup-qemu-action runs it), so the end-to-end tests can exercise the action's QEMU install path.
# The image is FROM scratch: Debian bookworm's busybox-static (amd64, via scripts/busybox-static.sh) runs
# scripts/binfmt-entrypoint.sh, which registers Debian bookworm's statically linked qemu-user-static
# interpreters in binfmt_misc with the magic/mask/flags of the package's own /usr/share/binfmts definitions,
# always with flag F (fix binary) so they keep working inside other containers.
#
# Needs root and a running engine (scripts/engine-up.sh). Idempotent and quick: the interpreters are cached
# under $ENGINE_PREFIX/binfmt, and the image is not rebuilt when it already has this script's inputs.
# stdout carries only the image tag; progress goes to stderr.
#
# Settings (environment):
#   BINFMT_IMAGE      tag to build                             (default ci-local/binfmt:debian)
#   BINFMT_ARCHS      QEMU targets to include                  (default: tonistiigi/binfmt's "all" on amd64, i386
#                     being native there and having no Debian definition on amd64:
#                     aarch64 arm riscv64 ppc64le s390x mips64el mips64 loongarch64)
#   ENGINE_PREFIX     cache root                               (default /opt/ci-engine)
#   BOOKWORM_MIRROR   Debian mirror                            (default http://deb.debian.org/debian)
set -euo pipefail
exec 3>&1 1>&2

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${ENGINE_PREFIX:-/opt/ci-engine}
IMAGE=${BINFMT_IMAGE:-ci-local/binfmt:debian}
ARCHS=${BINFMT_ARCHS:-aarch64 arm riscv64 ppc64le s390x mips64el mips64 loongarch64}
MIRROR=${BOOKWORM_MIRROR:-http://deb.debian.org/debian}
CACHE=$PREFIX/binfmt
QEMU_CACHE=$CACHE/qemu          # usr/bin/qemu-*-static and usr/share/binfmts/qemu-* of the package
started=$SECONDS

log() { printf 'binfmt-image: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[[ $(id -u) == 0 ]] || die "must run as root"
[[ $(dpkg --print-architecture) == amd64 ]] || die "written for amd64 hosts (the interpreters are amd64 binaries)"
docker info >/dev/null 2>&1 || die "docker is not reachable: run eval \"\$(bash scripts/engine-up.sh)\" first"

# Test files and engineers may run this at the same time: one build at a time; the second finds it done.
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9

# 1. the interpreters and their definitions, from bookworm's qemu-user-static (cached)
have_qemu() {
  local a
  for a in $ARCHS; do
    [[ -x $QEMU_CACHE/usr/bin/qemu-$a-static && -f $QEMU_CACHE/usr/share/binfmts/qemu-$a ]] || return 1
  done
}
if ! have_qemu; then
  log "fetching qemu-user-static from bookworm"
  apt_dir=$CACHE/apt
  rm -rf "$apt_dir/debs" "$QEMU_CACHE"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/debs"
  echo "deb [arch=amd64] $MIRROR bookworm main" >"$apt_dir/sources.list"
  # A private apt configuration: the system's sources, lists and cache are left alone.
  opts=(
    -o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o Dir::State::Lists="$apt_dir/lists" -o Dir::Cache="$apt_dir/cache"
    -o APT::Architectures::=amd64 -o APT::Sandbox::User=root -o Acquire::Languages=none
  )
  apt-get "${opts[@]}" update -qq
  (cd "$apt_dir/debs" && apt-get "${opts[@]}" download -qq qemu-user-static)
  deb=$(ls "$apt_dir"/debs/qemu-user-static_*_amd64.deb)
  x=$(mktemp -d)
  dpkg-deb -x "$deb" "$x"
  mkdir -p "$QEMU_CACHE.tmp/usr/bin" "$QEMU_CACHE.tmp/usr/share/binfmts"
  for a in $ARCHS; do
    [[ -x $x/usr/bin/qemu-$a-static ]] || die "$(basename "$deb") has no usr/bin/qemu-$a-static"
    [[ -f $x/usr/share/binfmts/qemu-$a ]] || die "$(basename "$deb") has no usr/share/binfmts/qemu-$a"
    cp "$x/usr/bin/qemu-$a-static" "$QEMU_CACHE.tmp/usr/bin/"
    cp "$x/usr/share/binfmts/qemu-$a" "$QEMU_CACHE.tmp/usr/share/binfmts/"
  done
  dpkg-deb -f "$deb" Version >"$QEMU_CACHE.tmp/version"
  rm -rf "$x" "$apt_dir/debs" "$apt_dir/cache"
  mv "$QEMU_CACHE.tmp" "$QEMU_CACHE"
  log "  qemu-user-static $(cat "$QEMU_CACHE/version"): $ARCHS"
fi

# 2. busybox for the host (amd64), from bookworm's busybox-static
bb=$(BUSYBOX_ARCHS=amd64 bash "$HERE/busybox-static.sh")/busybox-amd64

# 3. the image, unless the one there was made from exactly these inputs
inputs=$( {
  sha256sum "$HERE/binfmt-image.sh" "$HERE/binfmt-entrypoint.sh" "$bb"
  echo "$ARCHS"
  cat "$QEMU_CACHE/version"
} | sha256sum | cut -c1-64)
if [[ $(docker image inspect --format '{{index .Config.Labels "ci-local.binfmt.inputs"}}' "$IMAGE" 2>/dev/null) == "$inputs" ]]; then
  log "$IMAGE is up to date"
  echo "$IMAGE" >&3
  exit 0
fi
C=$CACHE/image
rm -rf "$C"
R=$C/rootfs
mkdir -p "$R/bin" "$R/usr/bin" "$R/usr/share/binfmts" "$R/usr/libexec/qemu-binfmt" "$R/etc" "$R/proc" "$R/tmp"
chmod 1777 "$R/tmp"
install -m 0755 "$bb" "$R/bin/busybox"
# the applets as links, so the entrypoint's commands (mount, grep, ...) resolve without a shell trick
for applet in $("$bb" --list); do [[ -e $R/bin/$applet ]] || ln -s busybox "$R/bin/$applet"; done
install -m 0755 "$HERE/binfmt-entrypoint.sh" "$R/usr/bin/binfmt"
for a in $ARCHS; do
  # hard links into the build context: no copy of ~100 MB
  ln "$QEMU_CACHE/usr/bin/qemu-$a-static" "$R/usr/bin/qemu-$a-static" 2>/dev/null || cp "$QEMU_CACHE/usr/bin/qemu-$a-static" "$R/usr/bin/"
  cp "$QEMU_CACHE/usr/share/binfmts/qemu-$a" "$R/usr/share/binfmts/"
  # Debian's qemu takes argv[1] as the program and argv[2] as its argv[0] (binfmt flag P) only when it
  # is started under this name, as the package's own links do
  ln -s "../../bin/qemu-$a-static" "$R/usr/libexec/qemu-binfmt/$a-binfmt-P"
done
printf 'binfmt/ci-local-debian qemu/%s busybox/%s\n' "$(cat "$QEMU_CACHE/version")" "$("$bb" 2>&1 | head -n 1 | awk '{print $2}')" >"$R/etc/binfmt-version"
cat >"$C/Dockerfile" <<EOF
FROM scratch
COPY rootfs /
ENV PATH=/usr/bin:/bin
LABEL ci-local.binfmt.inputs=$inputs
ENTRYPOINT ["/bin/sh", "/usr/bin/binfmt"]
EOF
docker build -q -t "$IMAGE" "$C" >/dev/null
rm -rf "$C"
log "built $IMAGE in $((SECONDS - started)) s"
echo "$IMAGE" >&3
