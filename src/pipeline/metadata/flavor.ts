/** The `flavor` input: `latest=auto|true|false`, `prefix=`/`suffix=` with `onlatest=`, as in metadata-action. */
import {splitFields} from '../inputs/csv.js';

export interface Flavor {
  latest: 'auto' | 'true' | 'false';
  prefix: string;
  prefixLatest: boolean;
  suffix: string;
  suffixLatest: boolean;
}

export const DEFAULT_FLAVOR: Flavor = {latest: 'auto', prefix: '', prefixLatest: false, suffix: '', suffixLatest: false};

/** Applies one flavor line to `flavor` (a copy is returned); throws with a message on a bad entry. */
export function applyFlavorLine(flavor: Flavor, line: string): Flavor {
  const out = {...flavor};
  let onLatestFor: 'prefix' | 'suffix' | '' = '';
  for (const field of splitFields(line)) {
    const parts = field.split('=').map(p => p.trim());
    if (parts.length === 1) throw new Error(`"${field}" is not a key=value entry (latest, prefix, suffix or onlatest)`);
    // metadata-action keeps what stands before a second "=" and drops the rest without a word; a tag
    // cannot hold "=" anyway, so say it
    if (parts.length > 2) throw new Error(`"${field.trim()}" has more than one "=": a ${parts[0].toLowerCase() || 'flavor'} value cannot contain "=" (tags cannot)`);
    const key = parts[0].toLowerCase();
    const value = parts[1];
    switch (key) {
      case 'latest':
        if (!['auto', 'true', 'false'].includes(value)) throw new Error(`invalid latest "${value}" (auto, true or false)`);
        out.latest = value as Flavor['latest'];
        break;
      case 'prefix':
        out.prefix = value;
        onLatestFor = 'prefix';
        break;
      case 'suffix':
        out.suffix = value;
        onLatestFor = 'suffix';
        break;
      case 'onlatest':
        if (!['true', 'false'].includes(value)) throw new Error(`invalid onlatest "${value}" (true or false)`);
        if (onLatestFor === 'prefix') out.prefixLatest = value === 'true';
        else if (onLatestFor === 'suffix') out.suffixLatest = value === 'true';
        break;
      default:
        throw new Error(`unknown flavor entry "${key}" (latest, prefix, suffix or onlatest)`);
    }
  }
  return out;
}
