/** Platforms (`os/arch[/variant]`): validation with helpful messages, normalisation, and the host's own. */

const OSES = ['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'aix', 'plan9', 'js', 'wasip1'];
const ARCHES = ['amd64', 'arm64', 'arm', '386', 'ppc64le', 'ppc64', 's390x', 'riscv64', 'mips64le', 'mips64', 'mipsle', 'mips', 'loong64', 'wasm'];
const VARIANTS: Record<string, string[]> = {
  arm: ['v5', 'v6', 'v7', 'v8'],
  arm64: ['v8', 'v8.0', 'v8.1', 'v8.2', 'v8.3', 'v8.4', 'v8.5', 'v8.6', 'v8.7', 'v8.8', 'v8.9', 'v9', 'v9.0', 'v9.1', 'v9.2', 'v9.3', 'v9.4', 'v9.5'],
  amd64: ['v1', 'v2', 'v3', 'v4']
};

export interface Platform {
  os: string;
  arch: string;
  variant?: string;
}

function closest(word: string, candidates: string[]): string | undefined {
  const dist = (a: string, b: string): number => {
    const d = Array.from({length: a.length + 1}, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length][b.length];
  };
  const best = candidates.map(c => [c, dist(word, c)] as const).sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= 2 ? best[0] : undefined;
}

/** Parses one platform; throws an Error whose message says what is wrong and suggests a fix. */
export function parsePlatform(text: string): Platform {
  const parts = text.trim().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some(p => p === '')) {
    throw new Error(`"${text}" is not a platform (os/arch or os/arch/variant, e.g. linux/amd64, linux/arm/v7)`);
  }
  const [os, arch, variant] = parts.map(p => p.toLowerCase());
  if (!OSES.includes(os)) {
    const hint = closest(os, OSES);
    throw new Error(`unknown operating system "${os}" in platform "${text}"${hint ? ` (did you mean ${hint}?)` : ''}`);
  }
  if (!ARCHES.includes(arch)) {
    const hint = closest(arch, ARCHES);
    throw new Error(`unknown architecture "${arch}" in platform "${text}"${hint ? ` (did you mean ${os}/${hint}?)` : ''}`);
  }
  if (variant !== undefined && !(VARIANTS[arch] ?? []).includes(variant)) {
    throw new Error(`unknown variant "${variant}" for ${arch} in platform "${text}"${VARIANTS[arch] ? ` (one of ${VARIANTS[arch].join(', ')})` : ''}`);
  }
  return {os, arch, ...(variant ? {variant} : {})};
}

export function formatPlatform(p: Platform): string {
  return [p.os, p.arch, p.variant].filter(Boolean).join('/');
}

/** Splits a platform list written with commas, semicolons, spaces or newlines. */
export function splitPlatforms(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map(s => s.trim())
    .filter(Boolean);
}

/** The platform this process runs on natively, in OCI terms. */
export function hostPlatform(nodeArch: string = process.arch): Platform {
  const map: Record<string, Platform> = {
    x64: {os: 'linux', arch: 'amd64'},
    arm64: {os: 'linux', arch: 'arm64'},
    arm: {os: 'linux', arch: 'arm', variant: 'v7'},
    ia32: {os: 'linux', arch: '386'},
    ppc64: {os: 'linux', arch: 'ppc64le'},
    s390x: {os: 'linux', arch: 's390x'},
    riscv64: {os: 'linux', arch: 'riscv64'},
    loong64: {os: 'linux', arch: 'loong64'}
  };
  return map[nodeArch] ?? {os: 'linux', arch: nodeArch};
}

/**
 * The platform without its default variant (`linux/arm64/v8` and `linux/arm64` are one platform to
 * BuildKit and registries, so are `linux/amd64/v1` and `linux/amd64`), for comparing two spellings.
 */
export function platformKey(text: string): string {
  const p = parsePlatform(text);
  const isDefault = (p.arch === 'arm64' && (p.variant === 'v8' || p.variant === 'v8.0')) || (p.arch === 'amd64' && p.variant === 'v1');
  return formatPlatform(isDefault ? {os: p.os, arch: p.arch} : p);
}
