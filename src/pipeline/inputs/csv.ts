import {parse} from 'csv-parse/sync';

/**
 * Splits one `key=value,key="a,b"` line into its fields, as docker/metadata-action reads its inputs
 * (csv-parse: quotes protect commas, fields are not trimmed here).
 */
export function splitFields(line: string): string[] {
  const rows = parse(line, {relaxColumnCount: true, skipEmptyLines: true}) as string[][];
  return rows[0] ?? [];
}

/** Splits `key=value` at the first `=`; a field without `=` has key undefined. Both sides trimmed. */
export function splitKeyValue(field: string): {key?: string; value: string} {
  const i = field.indexOf('=');
  if (i <= 0) return {value: field.trim()};
  return {key: field.slice(0, i).trim().toLowerCase(), value: field.slice(i + 1).trim()};
}
