#!/bin/sh
# sbom-generator.sh: the entrypoint of ci-local/sbom-generator (scripts/sbom-generator-image.sh), an SBOM
# generator that follows BuildKit's SBOM generator protocol (moby/buildkit docs/attestations/sbom-protocol.md),
# for the end-to-end tests: BuildKit's default generator (docker/buildkit-syft-scanner) is pulled from Docker
# Hub, which cannot be reached here. It runs on busybox alone.
#
# Protocol: BuildKit mounts the build result read-only at $BUILDKIT_SCAN_SOURCE (and other stages' root
# filesystems under $BUILDKIT_SCAN_SOURCE_EXTRAS, optional) and collects every
# $BUILDKIT_SCAN_DESTINATION/<scan>.spdx.json: each an in-toto statement whose predicate is an SPDX 2.3 JSON
# document (BuildKit fills in the subject). One scan per target, named after the target's last path
# component. The document lists the Debian packages of the target's dpkg status file (if any) and every
# regular file with its SHA-1 and SHA-256 (what SPDX 2.3 requires of a file).
set -eu

: "${BUILDKIT_SCAN_DESTINATION:?BUILDKIT_SCAN_DESTINATION is required (BuildKit SBOM generator protocol)}"
: "${BUILDKIT_SCAN_SOURCE:?BUILDKIT_SCAN_SOURCE is required (BuildKit SBOM generator protocol)}"

scan() { # scan ROOT OUT
  root=$1 out=$2 name=$(basename "$1")
  files=$(mktemp)
  # "<sha1> <sha256> <path relative to root>" a line; names with a newline are left out
  (cd "$root" && find . -type f 2>/dev/null | while IFS= read -r f; do
    s1=$(sha1sum "$f" | cut -d' ' -f1) s256=$(sha256sum "$f" | cut -d' ' -f1)
    printf '%s %s %s\n' "$s1" "$s256" "${f#./}"
  done) >"$files"
  status=$root/var/lib/dpkg/status
  [ -f "$status" ] || status=/dev/null
  awk -v name="$name" -v created="$(date -u +%Y-%m-%dT%H:%M:%SZ)" -v ns="$(cat /proc/sys/kernel/random/uuid 2>/dev/null || echo "$$-$(date +%s)")" -v files="$files" '
    function esc(s) {
      gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/\t/, "\\t", s); gsub(/\r/, "\\r", s)
      gsub(/[\001-\037]/, "", s)
      return "\"" s "\""
    }
    function flush() {
      if (pkg != "" && st ~ /installed/) {
        n++
        p = "{\"SPDXID\":\"SPDXRef-Package-" n "\",\"name\":" esc(pkg) ",\"versionInfo\":" esc(ver)
        p = p ",\"downloadLocation\":\"NOASSERTION\",\"filesAnalyzed\":false,\"supplier\":\"NOASSERTION\""
        p = p ",\"externalRefs\":[{\"referenceCategory\":\"PACKAGE-MANAGER\",\"referenceType\":\"purl\",\"referenceLocator\":" esc("pkg:deb/debian/" pkg "@" ver "?arch=" arch) "}]}"
        pkgs = pkgs (pkgs == "" ? "" : ",") p
      }
      pkg = ""; ver = ""; arch = ""; st = ""
    }
    /^Package: / { pkg = substr($0, 10) }
    /^Version: / { ver = substr($0, 10) }
    /^Architecture: / { arch = substr($0, 15) }
    /^Status: / { st = substr($0, 9) }
    /^$/ { flush() }
    END {
      flush()
      while ((getline line < files) > 0) {
        split(line, a, " "); path = substr(line, length(a[1]) + length(a[2]) + 3)
        m++
        f = "{\"SPDXID\":\"SPDXRef-File-" m "\",\"fileName\":" esc("/" path)
        f = f ",\"checksums\":[{\"algorithm\":\"SHA1\",\"checksumValue\":\"" a[1] "\"},{\"algorithm\":\"SHA256\",\"checksumValue\":\"" a[2] "\"}]}"
        fl = fl (fl == "" ? "" : ",") f
      }
      doc = "{\"spdxVersion\":\"SPDX-2.3\",\"dataLicense\":\"CC0-1.0\",\"SPDXID\":\"SPDXRef-DOCUMENT\",\"name\":" esc("sbom-" name)
      doc = doc ",\"documentNamespace\":" esc("https://multiarch-publish.invalid/ci-local/sbom-generator/" name "-" ns)
      doc = doc ",\"creationInfo\":{\"created\":\"" created "\",\"creators\":[\"Tool: ci-local-sbom-generator-1\"]}"
      doc = doc ",\"packages\":[" pkgs "],\"files\":[" fl "]}"
      printf "{\"_type\":\"https://in-toto.io/Statement/v0.1\",\"predicateType\":\"https://spdx.dev/Document\",\"subject\":[],\"predicate\":%s}\n", doc
    }' "$status" >"$out"
  rm -f "$files"
}

mkdir -p "$BUILDKIT_SCAN_DESTINATION"
scan "$BUILDKIT_SCAN_SOURCE" "$BUILDKIT_SCAN_DESTINATION/$(basename "$BUILDKIT_SCAN_SOURCE").spdx.json"
if [ -n "${BUILDKIT_SCAN_SOURCE_EXTRAS:-}" ] && [ -d "$BUILDKIT_SCAN_SOURCE_EXTRAS" ]; then
  for extra in "$BUILDKIT_SCAN_SOURCE_EXTRAS"/*; do
    [ -d "$extra" ] && scan "$extra" "$BUILDKIT_SCAN_DESTINATION/$(basename "$extra").spdx.json"
  done
fi
exit 0
