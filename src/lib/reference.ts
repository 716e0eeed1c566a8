/** Image references: the one rule for whether a name starts with a registry domain. */

/**
 * The registry domain a name starts with, or undefined: the first `/`-separated component when it holds
 * a `.` or a `:` or is `localhost` (Docker's rule: `org/app` is on docker.io, `ghcr.io/org/app` is not).
 */
export function registryDomain(name: string): string | undefined {
  const slash = name.indexOf('/');
  if (slash < 0) return undefined;
  const first = name.slice(0, slash);
  return /[.:]|^localhost$/.test(first) ? first : undefined;
}

/** Docker Hub's other spellings: `index.docker.io/acme/app` is the repository `docker.io/acme/app`. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** True for a registry domain that is Docker Hub (`docker.io`, `index.docker.io`, `registry-1.docker.io`), any case. */
export function isDockerHub(domain: string): boolean {
  return DOCKER_HUB.has(domain.toLowerCase());
}

/**
 * The canonical form of an image name (without tag or digest), as Docker resolves it: lowercase, with
 * its registry domain (`docker.io` when it names none, and for Docker Hub's other spellings), and
 * Docker Hub's official images under `library/`: `App` -> `docker.io/library/app`, `acme/app` and
 * `index.docker.io/acme/app` -> `docker.io/acme/app`, `GHCR.io/Acme/App` -> `ghcr.io/acme/app`.
 */
export function canonicalName(name: string): string {
  const lower = name.toLowerCase();
  const domain = registryDomain(lower);
  const path = domain === undefined ? lower : lower.slice(domain.length + 1);
  if (domain !== undefined && !DOCKER_HUB.has(domain)) return `${domain}/${path}`;
  return `docker.io/${path.includes('/') ? path : `library/${path}`}`;
}
