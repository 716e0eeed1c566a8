/**
 * The contract between `mode: prune` (engine/prune.ts) and the two places that list and delete what a
 * package holds: the OCI distribution API of any registry (tags only: a registry cannot list untagged
 * manifests) and the GitHub Packages REST API for ghcr.io (every version, tagged or not: GHCR lists an
 * index's platform manifests, attestation manifests and signatures as untagged versions of their own).
 *
 * What a version needs (its children, attestations, referrers) is read from the registry by digest in
 * both cases: ghcr.io is an OCI registry as well. A back end only lists and deletes.
 */

/** One manifest a package holds, as a back end lists it. */
export interface StoredVersion {
  /** The manifest digest (`sha256:<64 hex>`). */
  digest: string;
  /** The tags that point at it, as listed (cosign's `sha256-<hex>.sig` and the like included); [] when untagged. */
  tags: string[];
  /** When it was created, when the back end knows (GitHub Packages: the version's `created_at`). */
  created?: Date;
  /** GitHub Packages: the package version id (what DELETE takes). Undefined for the distribution API. */
  id?: number;
}

export interface PruneBackend {
  /** For the log and the summary: 'GitHub Packages API' or 'OCI distribution API'. */
  readonly label: string;
  /** Whether untagged versions are listed (GitHub Packages) or cannot be seen (the distribution API). */
  readonly listsUntagged: boolean;
  /** Every version of the package `name` (the image name without registry host). Throws when the listing fails or is incomplete. */
  list(name: string): Promise<StoredVersion[]>;
  /** Deletes one version: GitHub Packages by id, the distribution API the manifest by digest. Throws on failure. */
  remove(name: string, version: StoredVersion): Promise<void>;
}
