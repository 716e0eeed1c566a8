/**
 * Every input of action.yml by name and shape. The CLI offers each one as a flag of the same name and
 * hands its value to getInputs as the runner would (INPUT_<NAME>); a unit test holds this list to action.yml.
 * `lines`: a multi-line input (a repeated flag adds a line); `bool`: true/false (a bare flag is true);
 * `value`: one value.
 */
export type InputKind = 'lines' | 'value' | 'bool';

export interface InputName {
  name: string;
  kind: InputKind;
  /** One line for `--help`; the README's Inputs table has the whole story. */
  help: string;
}

export const INPUT_NAMES: readonly InputName[] = [
  {name: 'images', kind: 'lines', help: 'images, one a line: name[,file=][,context=][,target=][,platforms=]...'},
  {name: 'registry', kind: 'value', help: 'registry of bare image names (default ghcr.io)'},
  {name: 'platforms', kind: 'lines', help: 'os/arch[/variant], comma-separated'},
  {name: 'tags', kind: 'lines', help: 'tag expressions, one a line (type=ref,event=branch, type=sha, ...)'},
  {name: 'flavor', kind: 'lines', help: 'latest=auto|true|false, prefix=..., suffix=...'},
  {name: 'labels', kind: 'lines', help: 'extra labels, key=value a line'},
  {name: 'annotations', kind: 'lines', help: 'extra annotations, [level:]key=value a line'},
  {name: 'version-file', kind: 'value', help: 'file holding the release version'},
  {name: 'sep-tags', kind: 'value', help: 'separator of the tags output'},
  {name: 'sep-labels', kind: 'value', help: 'separator of the labels output'},
  {name: 'sep-annotations', kind: 'value', help: 'separator of the annotations output'},
  {name: 'bake-target', kind: 'value', help: 'target name in the bake-file outputs (default docker-metadata-action)'},
  {name: 'policy', kind: 'lines', help: 'tag policy rules, one a line (max-tags=5, require-sha=true, ...)'},
  {name: 'dry-run', kind: 'bool', help: 'print the plan and stop (mode: prune: true unless false is given)'},
  {name: 'mode', kind: 'value', help: 'publish (default) or plan (build, merge and promote run in workflow jobs)'},
  {name: 'plan', kind: 'value', help: 'a plan document (the plan output of mode: plan), for the build and merge modes'},
  {name: 'from', kind: 'value', help: 'mode: promote: the tag or digest every image already has'},
  {name: 'to', kind: 'value', help: 'mode: promote: the tags to point at it; rollback, history: the channels'},
  {name: 'require-signature', kind: 'lines', help: 'mode: verify, promote: key=<public key file> or identity-regexp=...,issuer=... every image must be signed with'},
  {name: 'require-attestations', kind: 'value', help: 'mode: verify, promote: provenance, sbom: attestations every platform must carry'},
  {name: 'to-registry', kind: 'value', help: 'mode: promote: the registry the target tags are in (content copied, digests kept)'},
  {name: 'steps', kind: 'value', help: 'mode: rollback: how many recorded moves back (default 1)'},
  {name: 'keep', kind: 'value', help: 'mode: prune: how many of the most recent versions to keep (default 10)'},
  {name: 'keep-tags', kind: 'lines', help: 'mode: prune: regexes, one a line: matching tags are never deleted'},
  {name: 'delete-untagged', kind: 'bool', help: 'mode: prune: also delete untagged manifests no kept version needs'},
  {name: 'older-than', kind: 'value', help: 'mode: prune: delete only versions older than <n>h|d|w'},
  {name: 'prune-api', kind: 'value', help: 'mode: prune: auto, github-packages or distribution'},
  {name: 'runners', kind: 'value', help: 'mode: plan: JSON map from platform to runner label, for the legs output'},
  {name: 'arch-tags', kind: 'bool', help: 'every release tag also gets per-platform tags <tag>-<arch>'},
  {name: 'push', kind: 'value', help: 'auto, true or false (publish)'},
  {name: 'build-args', kind: 'lines', help: 'build arguments, NAME=value a line'},
  {name: 'default-build-args', kind: 'bool', help: 'pass VERSION, BUILD_DATE, VCS_REF, COMMIT_SHA (default true)'},
  {name: 'summary', kind: 'bool', help: 'job summary (no effect in a terminal)'},
  {name: 'setup-qemu', kind: 'value', help: 'auto, true or false'},
  {name: 'qemu-image', kind: 'value', help: 'image that installs QEMU emulators'},
  {name: 'builder', kind: 'value', help: 'existing buildx builder to use'},
  {name: 'buildkit-image', kind: 'value', help: 'BuildKit image of a builder created for the run'},
  {name: 'registry-auth', kind: 'lines', help: 'YAML list of registry/username/password (not used by the CLI: your docker logins are)'},
  {name: 'secrets', kind: 'lines', help: 'build secrets, id=value a line (prefer INPUT_SECRETS: flags show in ps)'},
  {name: 'secret-files', kind: 'lines', help: 'build secrets from files, id=path a line'},
  {name: 'secret-envs', kind: 'lines', help: 'build secrets from environment variables, id=ENV_NAME a line'},
  {name: 'cache', kind: 'value', help: 'auto, gha, registry or none'},
  {name: 'cache-from', kind: 'lines', help: 'raw cache-from entries, one a line'},
  {name: 'cache-to', kind: 'lines', help: 'raw cache-to entries, one a line (publish only)'},
  {name: 'cache-mounts', kind: 'lines', help: 'RUN --mount=type=cache content kept: auto, false, or id=...,target=... a line'},
  {name: 'cache-mounts-image', kind: 'value', help: 'image of the cache-mount copy steps (sh and tar; default busybox)'},
  {name: 'provenance', kind: 'value', help: 'provenance attestation (true, false, mode=max, ...)'},
  {name: 'sbom', kind: 'value', help: 'SBOM attestation (true, false, generator=...)'},
  {name: 'force-tags', kind: 'bool', help: 'move mutable tags even to content older than theirs'},
  {name: 'no-cache', kind: 'bool', help: 'build without any cache'},
  {name: 'pull', kind: 'bool', help: 'always pull newer base images'},
  {name: 'tag-retry-timeout', kind: 'value', help: 'seconds a tag write is retried on registry faults (default 60)'},
  {name: 'staging-tags', kind: 'value', help: 'remove (default): no staging tag left in the registry; keep: keep mp-staging-<run>-… on every image'},
  {name: 'attestation-storage', kind: 'value', help: 'index (default): provenance/sbom attestations in the image index, as BuildKit writes them; referrers: as OCI 1.1 referrers of each platform, so registries list only real platforms'},
  {name: 'sign', kind: 'value', help: 'none (default), key or keyless (a workflow run only): sign the index and platform manifests with cosign before the tags move'},
  {name: 'cosign-key', kind: 'value', help: 'sign: key: the cosign private key, PEM (prefer INPUT_COSIGN-KEY: flags show in ps)'},
  {name: 'cosign-password', kind: 'value', help: 'sign: key: its password (prefer INPUT_COSIGN-PASSWORD)'},
  {name: 'transparency-log', kind: 'bool', help: 'sign: key: upload signatures to Rekor (default true)'},
  {name: 'fulcio-url', kind: 'value', help: 'sign: keyless: the Fulcio of a private Sigstore (keyless needs a workflow run)'},
  {name: 'rekor-url', kind: 'value', help: 'the Rekor signatures are uploaded to (default: public-good)'},
  {name: 'github-attestations', kind: 'bool', help: 'a SLSA build provenance attestation of every pushed index through GitHub\'s attestation API, pushed beside the image (needs id-token: write, attestations: write)'},
  {name: 'github-token', kind: 'value', help: 'token for ghcr.io logins in a workflow (not used by the CLI)'}
];
