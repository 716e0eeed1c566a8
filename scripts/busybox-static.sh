#!/usr/bin/env bash
# busybox-static.sh [TARGET_DIR]: put static busybox binaries, one per architecture, into
# TARGET_DIR (created if needed) as busybox-<TARGETARCH>, and print TARGET_DIR on stdout.
#
# End-to-end tests have no registry to pull base images from, so they build them FROM scratch:
#
#   FROM scratch
#   ARG TARGETARCH
#   COPY busybox-${TARGETARCH} /bin/busybox
#   RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin && echo built-on-$(uname -m) > /arch"]
#
# The binaries come from Debian bookworm's busybox-static package of each architecture (riscv64 from
# trixie: bookworm has no riscv64 in the main archive, only on debian-ports), fetched
# with a private apt configuration (the system's apt sources, lists and architectures are left
# alone) and cached under $ENGINE_PREFIX/busybox, so later calls make no network request.
# Without TARGET_DIR, the cache directory itself is printed.
#
# Settings (environment):
#   ENGINE_PREFIX     cache root                                    (default /opt/ci-engine)
#   BUSYBOX_ARCHS     docker TARGETARCH names to provide            (default "amd64 arm64";
#                     also known: arm (armhf), ppc64le, s390x, 386, riscv64)
#   BOOKWORM_MIRROR   Debian mirror                                 (default http://deb.debian.org/debian)
#   TRIXIE_MIRROR     Debian mirror for riscv64                     (default http://deb.debian.org/debian)
set -euo pipefail

PREFIX=${ENGINE_PREFIX:-/opt/ci-engine}
ARCHS=${BUSYBOX_ARCHS:-amd64 arm64}
MIRROR=${BOOKWORM_MIRROR:-http://deb.debian.org/debian}
TRIXIE_MIRROR=${TRIXIE_MIRROR:-http://deb.debian.org/debian}
CACHE=$PREFIX/busybox

log() { printf 'busybox-static: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# docker TARGETARCH -> Debian architecture, and the ELF e_machine the binary must have.
debian_arch() {
  case $1 in
    amd64) echo amd64 ;; arm64) echo arm64 ;; arm) echo armhf ;; ppc64le) echo ppc64el ;;
    s390x) echo s390x ;; 386) echo i386 ;; riscv64) echo riscv64 ;; *) die "unknown TARGETARCH '$1'" ;;
  esac
}
elf_machine() {
  case $1 in
    amd64) echo 62 ;; arm64) echo 183 ;; arm) echo 40 ;; ppc64le) echo 21 ;; s390x) echo 22 ;; 386) echo 3 ;;
    riscv64) echo 243 ;;
  esac
}
# e_machine of an ELF file (decimal), read from bytes 18-19 (little-endian; s390x is big-endian).
file_machine() {
  local b
  [[ $(head -c 4 "$1" | od -An -tx1 | tr -d ' \n') == 7f454c46 ]] || { echo none; return; }
  b=$(od -An -tu1 -j18 -N2 "$1")
  read -r lo hi <<<"$b"
  if [[ $(od -An -tu1 -j5 -N1 "$1" | tr -d ' ') == 2 ]]; then echo $((lo * 256 + hi)); else echo $((hi * 256 + lo)); fi
}
valid() { [[ -x $CACHE/busybox-$1 && $(file_machine "$CACHE/busybox-$1") == "$(elf_machine "$1")" ]]; }

missing=()
for a in $ARCHS; do valid "$a" || missing+=("$a"); done

if ((${#missing[@]})); then
  [[ $(id -u) == 0 ]] || die "must run as root to fetch packages (or populate $CACHE first)"
  # Several test files (and engineers) call this at once: one fetch at a time, and whatever another
  # caller fetched while we waited for the lock is not fetched again.
  mkdir -p "$CACHE"
  exec 9>"$CACHE/.lock"
  flock 9
  missing=()
  for a in $ARCHS; do valid "$a" || missing+=("$a"); done
fi
if ((${#missing[@]})); then
  debarchs=()
  for a in "${missing[@]}"; do debarchs+=("$(debian_arch "$a")"); done
  log "fetching busybox-static from Debian (bookworm; riscv64: trixie) for: ${debarchs[*]}"
  apt_dir=$CACHE/apt
  rm -rf "$apt_dir/debs"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/debs"
  # bookworm for every architecture it has; riscv64 only from trixie (its first release with riscv64).
  bookworm_archs=() trixie_archs=()
  for d in "${debarchs[@]}"; do
    if [[ $d == riscv64 ]]; then trixie_archs+=("$d"); else bookworm_archs+=("$d"); fi
  done
  : >"$apt_dir/sources.list"
  if ((${#bookworm_archs[@]})); then
    echo "deb [arch=$(IFS=,; echo "${bookworm_archs[*]}")] $MIRROR bookworm main" >>"$apt_dir/sources.list"
  fi
  if ((${#trixie_archs[@]})); then
    echo "deb [arch=$(IFS=,; echo "${trixie_archs[*]}")] $TRIXIE_MIRROR trixie main" >>"$apt_dir/sources.list"
  fi
  opts=(
    -o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o Dir::State::Lists="$apt_dir/lists" -o Dir::Cache="$apt_dir/cache"
    -o APT::Sandbox::User=root -o Acquire::Languages=none
  )
  for d in "${debarchs[@]}"; do opts+=(-o "APT::Architectures::=$d"); done
  apt-get "${opts[@]}" update -qq
  wanted=()
  for d in "${debarchs[@]}"; do wanted+=("busybox-static:$d"); done
  (cd "$apt_dir/debs" && apt-get "${opts[@]}" download -qq "${wanted[@]}")
  for a in "${missing[@]}"; do
    d=$(debian_arch "$a")
    deb=$(ls "$apt_dir"/debs/busybox-static_*_"$d".deb)
    x=$(mktemp -d)
    dpkg-deb -x "$deb" "$x"
    # bookworm ships /bin/busybox, trixie (usrmerge) /usr/bin/busybox
    bin=$x/bin/busybox; [[ -e $bin ]] || bin=$x/usr/bin/busybox
    install -m 0755 "$bin" "$CACHE/busybox-$a.tmp"
    rm -rf "$x"
    mv -f "$CACHE/busybox-$a.tmp" "$CACHE/busybox-$a"
    valid "$a" || die "busybox-$a from $(basename "$deb") is not an ELF binary for $a"
    log "  busybox-$a <- $(basename "$deb")"
  done
  rm -rf "$apt_dir/debs" "$apt_dir/cache"
fi

if (($#)); then
  mkdir -p "$1"
  for a in $ARCHS; do cp -f "$CACHE/busybox-$a" "$1/busybox-$a"; done
  (cd "$1" && pwd)
else
  echo "$CACHE"
fi
