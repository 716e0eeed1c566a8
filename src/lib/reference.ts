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

// The grammar of distribution/reference (reference.go), anchored: [domain/]path[:tag][@digest].
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);

const TAG_ONLY = new RegExp(`^${TAG}$`);

/** A tag as a registry takes it: a letter, digit or `_`, then up to 127 letters, digits, `_`, `.` and `-`. */
export function isValidTag(tag: string): boolean {
  return TAG_ONLY.test(tag);
}

export interface ParsedReference {
  name: string;
  tag?: string;
  digest?: string;
}

/**
 * An image reference as docker takes it (`tonistiigi/binfmt:latest`, `moby/buildkit@sha256:...`), or
 * undefined: anything else (a leading `-`, a `,` or `=`, whitespace, upper case in the path) is not one.
 */
export function parseReference(ref: string): ParsedReference | undefined {
  const m = REFERENCE.exec(ref);
  if (!m || m[1].length > 255) return undefined;
  return {name: m[1], ...(m[2] ? {tag: m[2]} : {}), ...(m[3] ? {digest: m[3]} : {})};
}
