#!/bin/sh
# Entrypoint of the tonistiigi/binfmt stand-in that scripts/binfmt-image.sh builds (busybox sh, FROM scratch).
# Same command line as tonistiigi/binfmt, so it can be given to the action as `qemu-image`:
#
#   docker run --privileged --rm IMAGE                         status as JSON ({"supported": [...], "emulators": [...]})
#   docker run --privileged --rm IMAGE --install arm64,riscv64 register those emulators ("all": every one in the image)
#   docker run --privileged --rm IMAGE --uninstall qemu-riscv64 remove registrations (arch names, qemu-* globs, "all")
#   docker run --privileged --rm IMAGE --version
#
# The interpreters are Debian bookworm's static qemu-user-static builds; the magic, mask, offset and the
# preserve/credentials flags come from the definitions Debian ships in /usr/share/binfmts. Every entry is
# registered with flag F (fix binary): the kernel opens the interpreter now, in this container, so it keeps
# working in every other container (and after this one is gone) although the file exists only here.
#
# Unlike tonistiigi/binfmt, a failed or unknown --install architecture makes the exit status 1, so that a
# CI step cannot go on believing an emulator is there.
set -eu

BINFMT=/proc/sys/fs/binfmt_misc
DEFS=/usr/share/binfmts
QEMU_DIR=/usr/bin
HELPER_DIR=/usr/libexec/qemu-binfmt

log() { printf '%s\n' "$*" >&2; }

# OCI architecture (or platform, or QEMU name) -> QEMU target name; fails for an unknown one.
qemu_name() {
  a=${1#linux/}
  case ${a%%/*} in
    arm64 | aarch64) echo aarch64 ;;
    arm | armhf | armel) echo arm ;;
    riscv64) echo riscv64 ;;
    ppc64le | ppc64el) echo ppc64le ;;
    s390x) echo s390x ;;
    386 | i386) echo i386 ;;
    mips64le | mips64el) echo mips64el ;;
    mips64) echo mips64 ;;
    loong64 | loongarch64) echo loongarch64 ;;
    amd64 | x86_64) echo x86_64 ;;
    *) return 1 ;;
  esac
}

# QEMU target name -> the platforms it runs, as tonistiigi/binfmt's status names them.
platforms_of() {
  case $1 in
    aarch64) echo linux/arm64 ;;
    arm) echo linux/arm/v7 linux/arm/v6 ;;
    riscv64) echo linux/riscv64 ;;
    ppc64le) echo linux/ppc64le ;;
    s390x) echo linux/s390x ;;
    i386) echo linux/386 ;;
    mips64el) echo linux/mips64le ;;
    mips64) echo linux/mips64 ;;
    loongarch64) echo linux/loong64 ;;
    x86_64) echo linux/amd64 ;;
  esac
}

HOST=$(qemu_name "$(uname -m)" || uname -m)

# The kernel's binfmt_misc, mounted here when the container does not have it (docker does not mount it).
ensure_mounted() {
  if ! mountpoint -q "$BINFMT" 2>/dev/null; then
    if ! mount -t binfmt_misc binfmt_misc "$BINFMT" 2>/dev/null; then
      log "error: cannot mount binfmt_misc on $BINFMT: run the container with --privileged"
      exit 1
    fi
  fi
}

# Every QEMU target this image has an interpreter and a Debian definition for.
available() {
  for d in "$DEFS"/qemu-*; do
    [ -f "$d" ] || continue
    q=${d##*/qemu-}
    [ -x "$QEMU_DIR/qemu-$q-static" ] && echo "$q"
  done
}

enabled() { [ -f "$BINFMT/qemu-$1" ] && [ "$(head -n 1 "$BINFMT/qemu-$1")" = enabled ]; }

# install_one QEMU_NAME: register (or re-enable) one emulator; prints tonistiigi-style progress.
install_one() {
  q=$1
  if [ "$q" = "$HOST" ] || { [ "$HOST" = x86_64 ] && [ "$q" = i386 ]; }; then
    log "installing: $q: native on this host, skipped"
    return 0
  fi
  def=$DEFS/qemu-$q
  if [ ! -f "$def" ] || [ ! -x "$QEMU_DIR/qemu-$q-static" ]; then
    log "installing: $q: error: this image has no emulator for $q (it has: $(available | tr '\n' ' '))"
    return 1
  fi
  if [ -e "$BINFMT/qemu-$q" ]; then
    if ! enabled "$q"; then echo 1 >"$BINFMT/qemu-$q"; fi
    grep -q '^flags:.*F' "$BINFMT/qemu-$q" || log "installing: $q: warning: registered without flag F by someone else (it will not work inside containers)"
    if enabled "$q"; then log "installing: $q already registered, enabled"; return 0; fi
    log "installing: $q: error: registered but cannot be enabled"
    return 1
  fi
  magic='' mask='' offset=0 preserve=no credentials=no
  while read -r key value; do
    case $key in
      magic) magic=$value ;;
      mask) mask=$value ;;
      offset) offset=$value ;;
      preserve) preserve=$value ;;
      credentials) credentials=$value ;;
    esac
  done <"$def"
  flags=F
  interpreter=$QEMU_DIR/qemu-$q-static
  if [ "$preserve" = yes ]; then
    # P passes the original argv[0]; Debian's qemu expects that only when started as <arch>-binfmt-P
    flags=P$flags
    interpreter=$HELPER_DIR/$q-binfmt-P
  fi
  [ "$credentials" = yes ] && flags=C$flags
  # one write(2) of the whole line: the kernel parses each write as one registration
  if ! printf ':qemu-%s:M:%s:%s:%s:%s:%s' "$q" "$offset" "$magic" "$mask" "$interpreter" "$flags" >"$BINFMT/register"; then
    log "installing: $q: error: the kernel refused the registration"
    return 1
  fi
  if enabled "$q"; then log "installing: $q OK"; else log "installing: $q: error: not enabled after registering"; return 1; fi
}

# uninstall_one PATTERN: remove the registrations matching an emulator name (glob), arch name or "all".
uninstall_one() {
  p=$1
  case $p in
    all) p='qemu-*' ;;
    qemu-*) ;;
    *) if q=$(qemu_name "$p"); then p=qemu-$q; fi ;;
  esac
  found=no
  for e in "$BINFMT"/qemu-*; do
    [ -f "$e" ] || continue
    n=${e##*/}
    # shellcheck disable=SC2254 # $p is a glob on purpose (qemu-*)
    case $n in $p) echo -1 >"$e" && log "uninstalling: $n OK" && found=yes ;; esac
  done
  [ $found = yes ] || log "uninstalling: $1: not registered"
}

json_list() { # items as a JSON array of strings, one per line
  first=yes
  printf '['
  for x in "$@"; do
    if [ $first = yes ]; then first=no; printf '\n'; else printf ',\n'; fi
    printf '    "%s"' "$x"
  done
  [ $first = yes ] && printf ']' || printf '\n  ]'
}

status() {
  supported=$(platforms_of "$HOST")
  [ "$HOST" = x86_64 ] && supported="$supported linux/386"
  emulators=''
  for e in "$BINFMT"/qemu-*; do
    [ -f "$e" ] || continue
    n=${e##*/}
    emulators="$emulators $n"
    if enabled "${n#qemu-}"; then supported="$supported $(platforms_of "${n#qemu-}")"; fi
  done
  # shellcheck disable=SC2086 # word splitting of the lists is wanted
  printf '{\n  "supported": %s,\n  "emulators": %s\n}\n' "$(json_list $supported)" "$(json_list $emulators)"
}

split() { echo "$1" | tr ',' ' '; }

install=''
uninstall=''
while [ $# -gt 0 ]; do
  case $1 in
    --install) install="$install ${2:?--install needs a list of architectures}"; shift 2 ;;
    --install=*) install="$install ${1#*=}"; shift ;;
    --uninstall) uninstall="$uninstall ${2:?--uninstall needs a list of emulators}"; shift 2 ;;
    --uninstall=*) uninstall="$uninstall ${1#*=}"; shift ;;
    --version) cat /etc/binfmt-version; exit 0 ;;
    -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
    *) log "error: unknown argument $1 (--install, --uninstall, --version)"; exit 2 ;;
  esac
done

ensure_mounted
rc=0
for p in $(split "$uninstall"); do uninstall_one "$p"; done
for a in $(split "$install"); do
  if [ "$a" = all ]; then
    for q in $(available); do install_one "$q" || rc=1; done
  elif q=$(qemu_name "$a"); then
    install_one "$q" || rc=1
  else
    log "installing: $a: error: unknown architecture"
    rc=1
  fi
done
status
exit $rc
