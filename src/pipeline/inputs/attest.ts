/**
 * `github-attestations` (issue 12): true makes a SLSA build provenance attestation of every pushed index
 * through GitHub's attestation library (engine/attest.ts). Pure: the permissions it needs are the
 * runner's environment, checked by the engine before any login (engine/attest.ts checkAttestPermissions).
 */

/** The modes that attest: the ones that release (publish in one job, merge after the build legs), as signing. */
export const ATTESTING_MODES = ['publish', 'merge'];

/** Warnings about `github-attestations` in a run that does not read it (said once, never failing the run). */
export function attestWarnings(mode: string, githubAttestations: boolean | undefined): string[] {
  if (!githubAttestations || ATTESTING_MODES.includes(mode)) return [];
  return [`Input "github-attestations" is read by mode: publish and mode: merge only (the runs that release); with mode: ${mode} nothing is attested here.`];
}

/**
 * Warnings about `attestation-storage: referrers` in a run that does not read it: the build legs push
 * BuildKit's layout (the merge moves the attestations out), the other modes push no build.
 */
export function attestationStorageWarnings(mode: string, storage: string | undefined): string[] {
  if (storage !== 'referrers' || ATTESTING_MODES.includes(mode)) return [];
  if (mode === 'build') return ['Input "attestation-storage" is read by mode: publish and mode: merge only: a build leg pushes its attestations in its index as BuildKit writes them, and the merge (with attestation-storage: referrers) stores them as referrers.'];
  return [`Input "attestation-storage" is read by mode: publish and mode: merge only (the runs that push an index); with mode: ${mode} nothing is rewritten.`];
}
