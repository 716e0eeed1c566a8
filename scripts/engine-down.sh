#!/usr/bin/env bash
# engine-down.sh: stop what scripts/engine-up.sh started (registry, dockerd, containerd), best
# effort. Data under $ENGINE_PREFIX stays (images, registry contents, unpacked debs); remove the
# directory as well for a clean slate. QEMU binfmt registrations are left in place.
#   ENGINE_PREFIX   as for engine-up.sh (default /opt/ci-engine)
#   ENGINE_PURGE=1  also delete $ENGINE_PREFIX (everything, cached busybox binaries too)
set -uo pipefail

PREFIX=${ENGINE_PREFIX:-/opt/ci-engine}
STATE=$PREFIX/state
RUNTIME=/run/ci-engine

log() { printf 'engine-down: %s\n' "$*" >&2; }

# stop NAME SECONDS: TERM the daemon recorded in $STATE/NAME.pid, KILL it after SECONDS.
stop() {
  local name=$1 secs=$2 pid
  pid=$(cat "$STATE/$name.pid" 2>/dev/null) || return 0
  rm -f "$STATE/$name.pid"
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  # Only stop it if it is still the program we started (pids get reused).
  [[ $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) == *"$STATE/"* ]] || { log "pid $pid is not our $name; left alone"; return 0; }
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq $((secs * 4))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  log "$name did not stop in ${secs}s; killing it"
  kill -KILL "$pid" 2>/dev/null
}

# buildx docker-container builders run as containers; stop them with the daemon they belong to.
stop registry 10
stop dockerd 30
# Leftover shims (containers that were still running) would keep containerd's mounts busy.
for pidfile in "$RUNTIME"/containerd/io.containerd.runtime.v2.task/*/*/shim.pid; do
  [[ -e $pidfile ]] && kill -TERM "$(cat "$pidfile")" 2>/dev/null
done
stop containerd 15

# Unmount what the daemons may have left mounted under the prefix or the runtime directory.
if command -v findmnt >/dev/null; then
  findmnt -rn -o TARGET | grep -E "^($PREFIX|$RUNTIME)/" | sort -r | while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
fi
rm -rf "$RUNTIME"

if [[ ${ENGINE_PURGE:-0} == 1 ]]; then
  log "removing $PREFIX"
  rm -rf "$PREFIX"
fi
log "done"
