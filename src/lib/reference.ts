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

// The grammar of distribution/reference (reference.go), anchored: [domain/]path[:tag][@digest].
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);

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
