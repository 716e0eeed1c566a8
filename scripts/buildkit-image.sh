#!/usr/bin/env bash
# Build a BuildKit image (for buildx's docker-container driver) from Debian sources only:
# buildkitd + buildctl compiled from trixie's docker.io source package (its orig-buildkit
# component, Debian patches applied) against trixie's golang-*-dev packages in GOPATH mode,
# with trixie's Go 1.24 unpacked; bookworm's runc (+ its libs) copied in. Needs engine-up.sh first.
#
# The source package's version is never pinned: it is read from the Sources index of trixie, refreshed
# (apt-get update of this script's own sources list) before every fetch, and the newest version whose files
# the mirror really serves is taken (the archive has shown a .dsc that 404s while the index still names it;
# the .dsc is not needed, the tarballs are checked against the index's SHA-256 sums instead).
# Runs one at a time (flock), so parallel callers wait and then find the image built. Prints the image tag.
set -euo pipefail
exec 3>&1 1>&2
started=$SECONDS
PREFIX=${ENGINE_PREFIX:-/opt/ci-engine}
IMAGE=${BUILDKIT_IMAGE:-ci-local/buildkit:debian}
W=$PREFIX/buildkit-src
MIRROR=${TRIXIE_MIRROR:-http://deb.debian.org/debian}
log() { printf 'buildkit-image: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
mkdir -p "$W"/{apt/lists/partial,apt/cache/archives/partial,debs,src,root,out}
exec 9>"$W/.lock"
flock 9
printf 'deb %s trixie main\ndeb-src %s trixie main\n' "$MIRROR" "$MIRROR" >"$W/apt/sources.list"
o=(-o Dir::Etc::SourceList="$W/apt/sources.list" -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists="$W/apt/lists"
   -o Dir::Cache="$W/apt/cache" -o APT::Architectures::=amd64 -o APT::Sandbox::User=root -o Acquire::Languages=none)
if [[ ! -x $W/out/buildkitd || ! -x $W/out/buildctl ]]; then
  log "refreshing trixie's package and source indexes"
  apt-get "${o[@]}" update -qq
  # 1. source: orig tarballs + debian/ of the newest docker.io version the index names and the mirror serves
  # "version directory sha256 size file" for every file of every docker.io source version in the index
  # (a stanza's Directory comes after its file lists: the directory is joined in at the end)
  apt-cache "${o[@]}" showsrc docker.io | awk '
    /^Package: / { pkg = $2 } /^Version: / { ver = $2 } /^Directory: / { dirs[ver] = $2 }
    /^[A-Za-z0-9-]+:/ { in_sha = ($1 == "Checksums-Sha256:"); next }
    /^$/ { in_sha = 0; next }
    in_sha && pkg == "docker.io" { files[++n] = ver " " $1 " " $2 " " $3 }
    END { for (i = 1; i <= n; i++) { split(files[i], f, " "); print f[1], dirs[f[1]], f[2], f[3], f[4] } }' >"$W/src/files.txt"
  [[ -s $W/src/files.txt ]] || die "trixie's Sources index has no docker.io"
  # versions, newest first (dpkg's ordering, not sort -V: ~ and + matter)
  versions=()
  while read -r v; do
    i=${#versions[@]}
    while ((i > 0)) && dpkg --compare-versions "$v" gt "${versions[i-1]}"; do versions[i]=${versions[i-1]}; i=$((i - 1)); done
    versions[i]=$v
  done < <(cut -d' ' -f1 "$W/src/files.txt" | sort -u)
  log "docker.io source versions in the index: ${versions[*]}"
  fetch() { # fetch DIRECTORY SHA256 FILE: into $W/src, kept when already there with the right sum
    local url=$MIRROR/$1/$3 out=$W/src/$3
    if [[ -f $out ]] && sha256sum "$out" | grep -q "^$2 "; then return 0; fi
    curl -fsS --retry 3 --max-time 600 -o "$out.part" "$url" || { rm -f "$out.part"; log "  $url: not served"; return 1; }
    sha256sum "$out.part" | grep -q "^$2 " || { rm -f "$out.part"; log "  $url: SHA-256 differs from the index"; return 1; }
    mv -f "$out.part" "$out"
  }
  version=
  for v in "${versions[@]}"; do
    ok=1
    while read -r fv dir sha _ file; do
      [[ $fv == "$v" && $file != *.dsc ]] || continue
      fetch "$dir" "$sha" "$file" || { ok=0; break; }
    done <"$W/src/files.txt"
    if ((ok)); then version=$v; break; fi
    log "docker.io $v: incomplete on $MIRROR, trying an older version"
  done
  [[ -n $version ]] || die "no docker.io source version named by trixie's index is complete on $MIRROR"
  log "building from docker.io $version"
  mapfile -t srcfiles < <(awk -v v="$version" '$1 == v && $5 !~ /\.dsc$/ { print $5 }' "$W/src/files.txt")
  T=$W/src/tree
  rm -rf "$T"; mkdir "$T"
  for t in "${srcfiles[@]}"; do
    if [[ $t == *.orig*.tar.* || $t == *.debian.tar.* ]]; then tar -C "$T" -xf "$W/src/$t"; fi
  done
  # the main orig tarball holds moby-moby-<commit>/ (the engine); buildkit/ and cli/ are components
  mv "$T"/moby-*/engine "$T/engine" 2>/dev/null || mv "$T"/*/engine "$T/engine"
  for d in buildkit cli engine debian/patches; do [[ -d $T/$d ]] || die "docker.io $version's sources lack $d/"; done
  while read -r p _; do
    if [[ -n $p && $p != \#* ]]; then patch -d "$T" -p1 -s --no-backup-if-mismatch <"$T/debian/patches/$p"; fi
  done <"$T/debian/patches/series"
  # 2. build dependencies: every golang-* package reachable from docker.io's Build-Depends
  awk '/^Build-Depends/,/^$/' "$W/src/tree/debian/control" | sed 's/^Build-Depends[^:]*://' | tr ',' '\n' |
    sed 's/[[(<|].*//' | awk '{$1=$1};1' | grep '^golang-' >"$W/bdeps.txt"
  apt-cache "${o[@]}" depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances \
    $(cat "$W/bdeps.txt") | grep '^golang-' | grep -vE '^golang-(1\.[0-9]+-|go$|src$|any$|doc$)' |
    grep -v '^golang-github-golang-protobuf-1-3-dev$' | sort -u >"$W/gopkgs.txt"   # 1-3 and 1-5 share files; Debian builds with 1-5
  rm -rf "$W/debs" "$W/root"; mkdir -p "$W/debs" "$W/root"   # nothing left over from an interrupted run
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
log "built $IMAGE in $((SECONDS - started)) s"
echo "$IMAGE" >&3
