#!/usr/bin/env bash
# Build a BuildKit image (for buildx's docker-container driver) from Debian sources only:
# buildkitd + buildctl compiled from trixie's docker.io source package (its orig-buildkit
# component, Debian patches applied) against trixie's golang-*-dev packages in GOPATH mode,
# with trixie's Go 1.24 unpacked; bookworm's runc (+ its libs) copied in. Needs engine-up.sh first.
set -euo pipefail
exec 3>&1 1>&2
PREFIX=${ENGINE_PREFIX:-/opt/ci-engine}
IMAGE=${BUILDKIT_IMAGE:-ci-local/buildkit:debian}
W=$PREFIX/buildkit-src
MIRROR=${TRIXIE_MIRROR:-http://deb.debian.org/debian}
mkdir -p "$W"/{apt/lists/partial,apt/cache/archives/partial,debs,src,root,out}
printf 'deb %s trixie main\ndeb-src %s trixie main\n' "$MIRROR" "$MIRROR" >"$W/apt/sources.list"
o=(-o Dir::Etc::SourceList="$W/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists="$W/apt/lists"
   -o Dir::Cache="$W/apt/cache" -o APT::Architectures::=amd64 -o APT::Sandbox::User=root -o Acquire::Languages=none)
if [[ ! -x $W/out/buildkitd || ! -x $W/out/buildctl ]]; then
  apt-get "${o[@]}" update -qq
  # 1. source: orig tarballs + debian/ (the .dsc itself may 404 on some mirrors; the tarballs suffice)
  (cd "$W/src" && apt-get "${o[@]}" source --download-only -qq docker.io || true)
  (cd "$W/src" && rm -rf tree && mkdir tree && cd tree &&
    for t in ../docker.io_*.orig*.tar.xz; do tar xf "$t"; done && mv ./*/engine engine &&
    tar xf "$(ls ../docker.io_*.debian.tar.xz | tail -1)" &&
    grep -v '^#' debian/patches/series | while read -r p _; do [[ -n $p ]] && patch -p1 -s --no-backup-if-mismatch <"debian/patches/$p"; done)
  # 2. build dependencies: every golang-* package reachable from docker.io's Build-Depends
  awk '/^Build-Depends/,/^$/' "$W/src/tree/debian/control" | sed 's/^Build-Depends[^:]*://' | tr ',' '\n' |
    sed 's/[[(<|].*//' | awk '{$1=$1};1' | grep '^golang-' >"$W/bdeps.txt"
  apt-cache "${o[@]}" depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances \
    $(cat "$W/bdeps.txt") | grep '^golang-' | grep -vE '^golang-(1\.[0-9]+-|go$|src$|any$|doc$)' |
    grep -v '^golang-github-golang-protobuf-1-3-dev$' | sort -u >"$W/gopkgs.txt"   # 1-3 and 1-5 share files; Debian builds with 1-5
  (cd "$W/debs" && apt-get "${o[@]}" download -qq golang-1.24-go golang-1.24-src $(cat "$W/gopkgs.txt"))
  for d in "$W"/debs/*.deb; do dpkg-deb -x "$d" "$W/root"; done
  # 3. GOPATH tree and build (static, no cgo)
  G=$W/gopath/src/github.com; rm -rf "$W/gopath"; mkdir -p "$G/moby" "$G/docker"
  cp -a "$W/src/tree/buildkit" "$G/moby/buildkit"; cp -a "$W/src/tree/engine" "$G/docker/docker"; cp -a "$W/src/tree/cli" "$G/docker/cli"
  (cd "$G/moby/buildkit" &&
    export GOROOT=$W/root/usr/lib/go-1.24 GOPATH=$W/gopath:$W/root/usr/share/gocode GO111MODULE=off CGO_ENABLED=0 \
           GOCACHE=$W/gocache GOTOOLCHAIN=local GOPROXY=off GOFLAGS= &&
    "$GOROOT/bin/go" build -trimpath -o "$W/out/buildctl" ./cmd/buildctl &&
    "$GOROOT/bin/go" build -trimpath -o "$W/out/buildkitd" ./cmd/buildkitd)
  rm -rf "$W/debs" "$W/root" "$W/gopath" "$W/gocache" "$W/src/tree"   # ~2.8 GB of intermediates
fi
# 4. image FROM scratch: buildkitd, buildctl, runc (+ libseccomp/libc), /tmp
C=$W/image; rm -rf "$C"; R=$C/rootfs
mkdir -p "$R/usr/bin" "$R/lib/x86_64-linux-gnu" "$R/lib64" "$R/tmp" "$R/run" "$R/var/lib/buildkit" "$R/etc/buildkit"
chmod 1777 "$R/tmp"
cp "$W/out/buildkitd" "$W/out/buildctl" /usr/sbin/runc "$R/usr/bin/"
for l in $(ldd /usr/sbin/runc | grep -o '/lib[^ ]*'); do cp -L "$l" "$R$l"; done
printf 'FROM scratch\nCOPY rootfs /\nENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nVOLUME /var/lib/buildkit\nENTRYPOINT ["buildkitd"]\n' >"$C/Dockerfile"
docker build -q -t "$IMAGE" "$C" >&2
echo "$IMAGE" >&3
