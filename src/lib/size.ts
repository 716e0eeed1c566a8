/**
 * Sizes as people write them in a budget: `500MB`, `1.5GiB`, `800KB`, `123456` (bytes). The decimal
 * units are powers of 1000 (kB/KB, MB, GB, TB: what registries and `docker images` show), the binary
 * ones powers of 1024 (KiB, MiB, GiB, TiB); the unit is read case-insensitively. A bare `K`, `M` or `G`
 * is refused: docker reads `500m` as MiB, other tools as MB, and a budget must not be a guess. (The
 * `bytes` package reads MB as 2^20, against the convention documented here, hence this small parser.)
 */

const UNITS: Record<string, {bytes: number; label: string}> = {
  b: {bytes: 1, label: 'B'},
  kb: {bytes: 1e3, label: 'KB'},
  mb: {bytes: 1e6, label: 'MB'},
  gb: {bytes: 1e9, label: 'GB'},
  tb: {bytes: 1e12, label: 'TB'},
  kib: {bytes: 2 ** 10, label: 'KiB'},
  mib: {bytes: 2 ** 20, label: 'MiB'},
  gib: {bytes: 2 ** 30, label: 'GiB'},
  tib: {bytes: 2 ** 40, label: 'TiB'}
};

export interface Size {
  /** Whole bytes (a fraction of a byte is dropped). */
  bytes: number;
  /** The unit it was written in (`MB`, `GiB`, `B`), as sizes are shown beside it. */
  unit: string;
}

/** Parses a size; throws an Error saying what a size looks like. */
export function parseSize(text: string): Size {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = m ? UNITS[(m[2] || 'b').toLowerCase()] : undefined;
  if (!m || !unit) {
    const bare = m && /^[kmgt]$/i.test(m[2]) ? ` (write ${m[2].toUpperCase()}B for 10^${'kmgt'.indexOf(m[2].toLowerCase()) * 3 + 3} bytes or ${m[2].toUpperCase()}iB for 2^${'kmgt'.indexOf(m[2].toLowerCase()) * 10 + 10})` : '';
    throw new Error(`"${text}" is not a size${bare}: write a number with one of the units B, KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), e.g. 500MB or 1.5GiB; a plain number is bytes`);
  }
  const bytes = Math.floor(Number(m[1]) * unit.bytes);
  if (bytes < 1) throw new Error(`"${text}" is less than one byte: a budget is at least 1 byte`);
  if (!Number.isSafeInteger(bytes)) throw new Error(`"${text}" is too large for a size`);
  return {bytes, unit: unit.label};
}

/** `bytes` in `unit` (one of parseSize's labels), up to two decimals: `1.07 MB`, `512 KiB`, `1234 B`. */
export function formatSize(bytes: number, unit: string): string {
  const u = UNITS[unit.toLowerCase()] ?? UNITS['b'];
  if (u.bytes === 1) return `${bytes} B`;
  const value = bytes / u.bytes;
  return `${Number(value.toFixed(Math.abs(value) >= 100 ? 1 : 2))} ${u.label}`;
}

/**
 * `bytes` in the largest unit of the budget's family (powers of 1000 or 1024), no larger than `unit`,
 * that shows it as at least 1: a change of 300 bytes against a budget in MB is `300 B`, not `0 MB`.
 */
export function formatScaled(bytes: number, unit: string): string {
  const binary = /ib$/i.test(unit);
  const top = UNITS[unit.toLowerCase()]?.bytes ?? 1;
  const family = Object.values(UNITS).filter(u => u.bytes === 1 || (/iB$/.test(u.label) === binary && u.bytes <= top));
  const fit = family.filter(u => Math.abs(bytes) >= u.bytes).sort((a, b) => b.bytes - a.bytes)[0] ?? UNITS['b'];
  return formatSize(bytes, fit.label);
}
