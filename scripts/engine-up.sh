#!/usr/bin/env bash
# engine-up.sh: bring up the local build engine that multiarch-publish's end-to-end tests use.
#
# Target: a fresh Debian 12 (bookworm) machine, run as root, reaching only Debian's archive.
# What it gives you, all on this machine:
#   * containerd + dockerd with the containerd image store (so multi-platform manifest lists can
#     be built and pushed by the "docker" buildx driver, with no BuildKit image to pull),
#   * the docker CLI and the docker-buildx plugin, installed where every docker CLI looks
#     (independent of $DOCKER_CONFIG),
#   * QEMU user-mode emulation registered in binfmt_misc (aarch64, plus arm, ppc64le, s390x,
#     riscv64 when available), so RUN steps of foreign platforms execute,
#   * a distribution ("docker-registry") registry with htpasswd basic auth on $REGISTRY_ADDR.
#
# Why the pieces come from where they do:
#   * bookworm's docker.io is 20.10: no buildx plugin, no containerd image store. So dockerd,
#     containerd, the docker CLI and docker-buildx are taken from Debian trixie, and only
#     *unpacked* under $ENGINE_PREFIX/root (never installed: the system's libc stays as it is).
#   * trixie's runc is linked against a newer glibc than bookworm has; bookworm's runc is used.
#   * QEMU, binfmt-support, the registry, htpasswd, iptables and tini (docker-init) are plain
#     bookworm packages.
#   * cosign (signing and verifying the images the e2e tests publish with `sign: key`) is not in
#     bookworm: trixie's `cosign` deb is unpacked under $ENGINE_PREFIX/cosign-root and linked into
#     $ENGINE_PREFIX/bin. It is a Go binary that needs nothing newer than bookworm's glibc (checked
#     by running `cosign version` right after unpacking).
#
# Usage:   eval "$(bash scripts/engine-up.sh)"
#          eval "$(bash scripts/engine-up.sh --only cosign)"   (fetch cosign alone: no daemon is
#          started, restarted or reconfigured; prints the PATH export that finds it)
# stdout carries only `export ...` lines (PATH first of all: the docker CLI that talks to this
# engine and has buildx); progress and logs go to stderr. Running it again is cheap: whatever is
# already unpacked or running is reused.
#
# Settings (environment):
#   ENGINE_PREFIX      where everything lives            (default /opt/ci-engine)
#   REGISTRY_ADDR      registry listen address            (default 127.0.0.1:5000)
#   REGISTRY_USER      registry user                      (default ci)
#   REGISTRY_PASSWORD  registry password                  (default ci-secret)
#   TRIXIE_MIRROR      Debian mirror for the trixie debs  (default http://deb.debian.org/debian)
set -euo pipefail

# Keep the real stdout on fd 3 for the final export lines; everything else goes to stderr.
exec 3>&1 1>&2

PREFIX=${ENGINE_PREFIX:-/opt/ci-engine}
REGISTRY_ADDR=${REGISTRY_ADDR:-127.0.0.1:5000}
REGISTRY_USER=${REGISTRY_USER:-ci}
REGISTRY_PASSWORD=${REGISTRY_PASSWORD:-ci-secret}
TRIXIE_MIRROR=${TRIXIE_MIRROR:-http://deb.debian.org/debian}

ROOT=$PREFIX/root                  # unpacked trixie packages
BIN=$PREFIX/bin                    # the few commands handed to the caller via PATH
STATE=$PREFIX/state                # pid files, logs, configs
RUNTIME=/run/ci-engine             # sockets and containerd/dockerd runtime state
CONTAINERD_SOCK=$RUNTIME/containerd.sock
DOCKER_SOCK=/var/run/docker.sock   # the default, so any docker client finds it without DOCKER_HOST
PLUGIN_DIR=/usr/local/lib/docker/cli-plugins   # searched by every docker CLI, whatever DOCKER_CONFIG is

export DEBIAN_FRONTEND=noninteractive

log() { printf 'engine-up: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# retry SECONDS CMD...: run CMD every 0.25 s until it succeeds or SECONDS have passed.
retry() {
  local deadline=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.25
  done
}

# alive NAME: the daemon we started under NAME is still running.
alive() {
  local pid
  pid=$(cat "$STATE/$1.pid" 2>/dev/null) || return 1
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null
}

# launch NAME CMD...: start a daemon detached from this script (own session, no stdin, no link to
# our stdout: a caller's "$(...)" must not wait for it), logging to $STATE/NAME.log.
launch() {
  local name=$1; shift
  setsid "$@" </dev/null >>"$STATE/$name.log" 2>&1 3>&- &
  echo $! >"$STATE/$name.pid"
}

ONLY=
case ${1:-} in
  '') ;;
  --only) [[ ${2:-} == cosign ]] || die "--only takes: cosign"; ONLY=$2 ;;
  *) die "unknown argument: $1 (usage: engine-up.sh [--only cosign])" ;;
esac

[[ $(id -u) == 0 ]] || die "must run as root"
[[ -r /etc/debian_version ]] || die "needs Debian (12/bookworm)"
[[ $(dpkg --print-architecture) == amd64 ]] || die "written for amd64 hosts"
mkdir -p "$PREFIX" "$STATE" "$BIN" "$RUNTIME"

# trixie_download DIR PKG...: download trixie's debs of PKG... into DIR, through a private apt
# configuration under $PREFIX/apt-trixie (the system's sources, lists and cache are left alone).
trixie_download() {
  local dir=$1; shift
  local apt_dir=$PREFIX/apt-trixie
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$dir"
  echo "deb $TRIXIE_MIRROR trixie main" >"$apt_dir/sources.list"
  local trixie_apt=(
    -o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o Dir::State::Lists="$apt_dir/lists" -o Dir::Cache="$apt_dir/cache"
    -o APT::Architectures::=amd64 -o APT::Sandbox::User=root -o Acquire::Languages=none
  )
  apt-get "${trixie_apt[@]}" update -qq
  (cd "$dir" && apt-get "${trixie_apt[@]}" download -qq "$@")
}

# install_cosign: trixie's cosign, unpacked under $COSIGN_ROOT and linked as $BIN/cosign. Touches no
# daemon, so it can run alone (--only cosign) while the engine and the registry serve others.
COSIGN_ROOT=$PREFIX/cosign-root
install_cosign() {
  if [[ ! -e $COSIGN_ROOT/.complete ]]; then
    log "fetching cosign from Debian trixie"
    local debs=$PREFIX/apt-trixie/debs-cosign
    rm -rf "$COSIGN_ROOT" "$debs"
    mkdir -p "$COSIGN_ROOT"
    trixie_download "$debs" cosign
    for deb in "$debs"/*.deb; do
      log "  unpacking $(basename "$deb")"
      dpkg-deb -x "$deb" "$COSIGN_ROOT"
      [[ $(dpkg-deb -f "$deb" Package) == cosign ]] && dpkg-deb -f "$deb" Version >"$COSIGN_ROOT/.version"
    done
    [[ -x $COSIGN_ROOT/usr/bin/cosign ]] || die "the unpacked cosign package lacks usr/bin/cosign"
    "$COSIGN_ROOT/usr/bin/cosign" version >/dev/null 2>&1 ||
      die "trixie's cosign does not run on this system (glibc $(ldd --version | head -n1 | awk '{print $NF}'))"
    touch "$COSIGN_ROOT/.complete"
  fi
  # (Debian builds it without a GitVersion: `cosign version` says "devel"; the package version is kept)
  COSIGN_VERSION=$(cat "$COSIGN_ROOT/.version" 2>/dev/null || echo unknown)
  ln -sfn "$COSIGN_ROOT/usr/bin/cosign" "$BIN/cosign"
}

q() { printf '%q' "$1"; }

if [[ $ONLY == cosign ]]; then
  install_cosign
  log "ready: cosign $COSIGN_VERSION (Debian trixie) at $BIN/cosign"
  echo "export PATH=$(q "$BIN"):\"\$PATH\"" >&3
  exit 0
fi

# ---------------------------------------------------------------------------------------------
# 1. bookworm packages
# ---------------------------------------------------------------------------------------------
BOOKWORM_PKGS=(runc tini iptables qemu-user-static binfmt-support docker-registry apache2-utils curl ca-certificates)
missing=()
for p in "${BOOKWORM_PKGS[@]}"; do
  [[ $(dpkg-query -W -f '${db:Status-Status}' "$p" 2>/dev/null) == installed ]] || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing from bookworm: ${missing[*]}"
  apt-get update -qq || log "warning: apt-get update reported errors, trying the install anyway"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The Debian registry package ships a service that listens on :5000 without auth: keep it off.
  if [[ " ${missing[*]} " == *" docker-registry "* ]]; then
    if [[ -d /run/systemd/system ]]; then
      systemctl disable --now docker-registry >/dev/null 2>&1 || true
    else
      service docker-registry stop >/dev/null 2>&1 || true
    fi
  fi
fi

# ---------------------------------------------------------------------------------------------
# 2. dockerd, containerd, docker CLI, buildx: trixie debs, unpacked (not installed)
# ---------------------------------------------------------------------------------------------
TRIXIE_PKGS=(docker.io containerd docker-cli docker-buildx)
if [[ ! -e $ROOT/.complete ]]; then
  log "fetching ${TRIXIE_PKGS[*]} from Debian trixie"
  apt_dir=$PREFIX/apt-trixie
  rm -rf "$ROOT" "$apt_dir/debs"
  mkdir -p "$ROOT"
  trixie_download "$apt_dir/debs" "${TRIXIE_PKGS[@]}"
  for deb in "$apt_dir"/debs/*.deb; do
    log "  unpacking $(basename "$deb")"
    dpkg-deb -x "$deb" "$ROOT"
  done
  # trixie's runc needs glibc >= 2.38; make sure bookworm's /usr/sbin/runc is the one found.
  rm -f "$ROOT/usr/sbin/runc" "$ROOT/usr/bin/runc"
  for f in usr/sbin/dockerd usr/bin/containerd usr/bin/docker usr/libexec/docker/cli-plugins/docker-buildx; do
    [[ -x $ROOT/$f ]] || die "unpacked trixie packages lack $f"
  done
  touch "$ROOT/.complete"
fi

# trixie's docker-init is a relative link to tini-static: point it at bookworm's tini package.
# dockerd needs it for `docker run --init` and for buildx's docker-container driver.
ln -sfn /usr/bin/tini-static "$ROOT/usr/bin/tini-static"

# The caller's PATH gets $BIN only: docker and friends, not every file of the unpacked packages.
for f in usr/bin/docker usr/sbin/dockerd usr/bin/containerd usr/bin/ctr \
         usr/bin/containerd-shim-runc-v2 usr/sbin/docker-proxy usr/bin/docker-init; do
  [[ -e $ROOT/$f ]] && ln -sfn "$ROOT/$f" "$BIN/${f##*/}"
done
# cosign: signs and verifies in the `sign: key` e2e tests (and is what the action runs when signing).
install_cosign
# buildx into a system-wide plugin directory, so `docker buildx` works with any DOCKER_CONFIG. Copied
# only when it differs, and by rename, so a `docker buildx` running meanwhile never sees half a file.
if ! cmp -s "$ROOT/usr/libexec/docker/cli-plugins/docker-buildx" "$PLUGIN_DIR/docker-buildx"; then
  mkdir -p "$PLUGIN_DIR"
  install -m 0755 "$ROOT/usr/libexec/docker/cli-plugins/docker-buildx" "$PLUGIN_DIR/.docker-buildx.new"
  mv -f "$PLUGIN_DIR/.docker-buildx.new" "$PLUGIN_DIR/docker-buildx"
fi

# The daemons (and the docker CLI below) must find trixie's binaries first, bookworm's runc after.
export PATH="$BIN:$ROOT/usr/bin:$ROOT/usr/sbin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
# Talk to our engine, whatever the calling environment pointed docker at.
unset DOCKER_HOST DOCKER_CONTEXT

# ---------------------------------------------------------------------------------------------
# 3. QEMU user emulation in binfmt_misc
# ---------------------------------------------------------------------------------------------
BINFMT=/proc/sys/fs/binfmt_misc
if ! mountpoint -q "$BINFMT"; then
  log "mounting binfmt_misc"
  mount -t binfmt_misc binfmt_misc "$BINFMT" || die "cannot mount binfmt_misc (kernel without it, or not allowed here)"
fi
registered=()
for arch in aarch64 arm ppc64le s390x riscv64; do
  [[ -e /usr/share/binfmts/qemu-$arch ]] || continue
  update-binfmts --display "qemu-$arch" >/dev/null 2>&1 || update-binfmts --import "qemu-$arch" >/dev/null 2>&1 || true
  [[ -e $BINFMT/qemu-$arch ]] || update-binfmts --enable "qemu-$arch" >/dev/null 2>&1 || true
  if [[ -e $BINFMT/qemu-$arch ]]; then
    # Flag F ("fix binary") makes the kernel open the interpreter now, so it works in containers.
    grep -qx enabled "$BINFMT/qemu-$arch" || echo 1 >"$BINFMT/qemu-$arch"
    grep -q '^flags:.*F' "$BINFMT/qemu-$arch" || log "warning: qemu-$arch registered without flag F: it will not run inside containers"
    registered+=("$arch")
  fi
done
[[ " ${registered[*]} " == *" aarch64 "* ]] || die "could not register qemu-aarch64 in binfmt_misc"

# ---------------------------------------------------------------------------------------------
# 4. containerd, then dockerd with the containerd image store
# ---------------------------------------------------------------------------------------------
cat >"$STATE/containerd.toml" <<EOF
version = 2
root = "$PREFIX/containerd"
state = "$RUNTIME/containerd"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$CONTAINERD_SOCK"
EOF
if ! ctr --address "$CONTAINERD_SOCK" version >/dev/null 2>&1; then
  alive containerd && { kill "$(cat "$STATE/containerd.pid")" 2>/dev/null || true; sleep 1; }
  log "starting containerd"
  launch containerd containerd --config "$STATE/containerd.toml"
  retry 30 ctr --address "$CONTAINERD_SOCK" version || { tail -n 30 "$STATE/containerd.log"; die "containerd did not come up"; }
fi

cat >"$STATE/daemon.json" <<EOF
{
  "features": { "containerd-snapshotter": true },
  "containerd": "$CONTAINERD_SOCK",
  "data-root": "$PREFIX/docker",
  "exec-root": "$RUNTIME/docker",
  "pidfile": "$RUNTIME/dockerd.pid",
  "hosts": ["unix://$DOCKER_SOCK"],
  "insecure-registries": ["$REGISTRY_ADDR"]
}
EOF
daemon_up() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }
if ! daemon_up; then
  alive dockerd && { kill "$(cat "$STATE/dockerd.pid")" 2>/dev/null || true; sleep 2; }
  log "starting dockerd"
  launch dockerd dockerd --config-file "$STATE/daemon.json"
  retry 60 daemon_up || { tail -n 30 "$STATE/dockerd.log"; die "dockerd did not come up"; }
elif ! alive dockerd; then
  log "warning: reusing a docker daemon on $DOCKER_SOCK that this script did not start"
fi
# Multi-platform images need the containerd image store (storage driver "overlayfs", not "overlay2").
driver=$(docker info --format '{{.Driver}}')
[[ $driver == overlayfs ]] || die "the docker daemon on $DOCKER_SOCK does not use the containerd image store (driver $driver)"

# ---------------------------------------------------------------------------------------------
# 5. the registry, with htpasswd basic auth
# ---------------------------------------------------------------------------------------------
registry_code() { # HTTP status of GET /v2/, with the credentials when $1 == auth
  local auth=(); [[ ${1:-} == auth ]] && auth=(-u "$REGISTRY_USER:$REGISTRY_PASSWORD")
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${auth[@]}" "http://$REGISTRY_ADDR/v2/" || true
}
registry_ok() { [[ $(registry_code) == 401 && $(registry_code auth) == 200 ]]; }

# Storage: in memory by default. With the docker driver and the containerd image store, every image is
# pushed twice (by BuildKit, then "with docker"), and the filesystem driver rewrites a tag's link file in
# place: a HEAD racing that write gets "500 invalid checksum digest format". The in-memory driver is
# atomic. REGISTRY_STORAGE=filesystem keeps images across restarts (under $PREFIX/registry).
case ${REGISTRY_STORAGE:-inmemory} in
  inmemory) storage_yml="  inmemory: {}" ;;
  filesystem) storage_yml="  filesystem:
    rootdirectory: $PREFIX/registry" ;;
  *) die "REGISTRY_STORAGE must be inmemory or filesystem, not ${REGISTRY_STORAGE}" ;;
esac
mkdir -p "$PREFIX/registry"
cat >"$STATE/registry.yml.new" <<EOF
version: 0.1
log:
  level: info
storage:
$storage_yml
  delete:
    enabled: true
http:
  addr: $REGISTRY_ADDR
auth:
  htpasswd:
    realm: ci-engine
    path: $STATE/registry.htpasswd
EOF
# (bcrypt salts differ run to run: the running registry is right when it takes these credentials)
if ! registry_ok || ! cmp -s "$STATE/registry.yml.new" "$STATE/registry.yml"; then
  if alive registry; then
    log "restarting the registry (its settings changed)"
    kill "$(cat "$STATE/registry.pid")" 2>/dev/null || true
    retry 10 bash -c "! kill -0 $(cat "$STATE/registry.pid") 2>/dev/null" || true
  elif [[ $(registry_code) != 000 ]]; then
    die "something else answers on http://$REGISTRY_ADDR/v2/ (HTTP $(registry_code)); set REGISTRY_ADDR or stop it"
  fi
  log "starting the registry on $REGISTRY_ADDR (user $REGISTRY_USER, storage ${REGISTRY_STORAGE:-inmemory})"
  htpasswd -Bbn "$REGISTRY_USER" "$REGISTRY_PASSWORD" >"$STATE/registry.htpasswd"
  mv -f "$STATE/registry.yml.new" "$STATE/registry.yml"
  launch registry docker-registry serve "$STATE/registry.yml"
  retry 30 registry_ok || { tail -n 30 "$STATE/registry.log"; die "the registry did not come up"; }
else
  rm -f "$STATE/registry.yml.new"
fi

# ---------------------------------------------------------------------------------------------
# 6. check what the caller will get, and hand it over
# ---------------------------------------------------------------------------------------------
probe_config=$(mktemp -d)
buildx_version=$(DOCKER_CONFIG=$probe_config docker buildx version) ||
  { rm -rf "$probe_config"; die "docker buildx does not work with a fresh DOCKER_CONFIG"; }
rm -rf "$probe_config"
read -r _ bx_ver _ <<<"$buildx_version"
log "ready: docker $(docker version --format '{{.Client.Version}} (client) / {{.Server.Version}} (daemon)'), buildx $bx_ver"
log "       qemu binfmt: ${registered[*]}; registry http://$REGISTRY_ADDR (user $REGISTRY_USER)"
log "       cosign $COSIGN_VERSION (Debian trixie)"
log "       logs: $STATE/{containerd,dockerd,registry}.log"

{
  echo "export PATH=$(q "$BIN"):\"\$PATH\""
  echo "export REGISTRY_ADDR=$(q "$REGISTRY_ADDR")"
  echo "export REGISTRY_USER=$(q "$REGISTRY_USER")"
  echo "export REGISTRY_PASSWORD=$(q "$REGISTRY_PASSWORD")"
  echo "unset DOCKER_HOST DOCKER_CONTEXT"
} >&3
