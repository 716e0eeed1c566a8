/**
 * The build legs of the reusable workflow (.github/workflows/publish.yml): which runner builds which
 * platforms. Pure: the platforms of the plan and the text of the `runners` input in, the legs out.
 *
 * - One leg per runner label; platforms that map to the same label share a leg.
 * - A platform without a runner of its own is built under QEMU in the leg of the runner of linux/amd64.
 * - Legs and the platforms inside a leg keep the order of the platforms list (the first platform of a leg
 *   decides where the leg stands), so the matrix is the same for the same inputs.
 */
import {parseDocument} from 'yaml';
import {formatPlatform, parsePlatform, splitPlatforms} from '../lib/platform.js';
import {InputError} from './inputs/errors.js';

/** One job of the build matrix: `runs-on: runner`, `platforms` (comma-separated) for `mode: build`. */
export interface Leg {
  runner: string;
  platforms: string;
}

/** The default of the workflow's `runners` input: GitHub-hosted runners, native arm64 for public repositories. */
export const DEFAULT_RUNNERS: Readonly<Record<string, string>> = Object.freeze({
  'linux/amd64': 'ubuntu-24.04',
  'linux/arm64': 'ubuntu-24.04-arm'
});

/** The platform whose runner also builds, under QEMU, every platform without a runner of its own. */
export const FALLBACK_PLATFORM = 'linux/amd64';

const RUNNERS = 'runners';
const EXAMPLE = '(e.g. {"linux/amd64": "ubuntu-24.04", "linux/arm64": "ubuntu-24.04-arm"})';
// Runner labels as GitHub accepts them in runs-on: no control characters, no leading/trailing blanks.
const LABEL = /^[^\s\p{Cc}](?:[^\p{Cc}]*[^\s\p{Cc}])?$/u;

/** Shortens what is quoted back in an error (a map pasted by mistake can be long). */
function quote(text: string): string {
  const flat = JSON.stringify(text);
  return flat.length > 60 ? `${flat.slice(0, 57)}..."` : flat;
}

/**
 * Parses the `runners` input: a JSON object from platform to runner label. Empty text: the default map.
 * Keys are normalised (`Linux/ARM64` is `linux/arm64`); a platform given twice, also after normalising,
 * is an error, as is a key that is not a known platform or a value that is not a non-empty string.
 */
export function parseRunners(text: string): Map<string, string> {
  if (text.trim() === '') return new Map(Object.entries(DEFAULT_RUNNERS));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(RUNNERS, `is not valid JSON (${(e as Error).message}); expected an object from platform to runner label ${EXAMPLE}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    throw new InputError(RUNNERS, `is ${kind}; expected a JSON object from platform to runner label ${EXAMPLE}`);
  }
  // JSON.parse keeps the last of two equal keys without a word: the YAML parser (JSON is YAML) reports them.
  const duplicate = parseDocument(text, {uniqueKeys: true}).errors.find(e => e.code === 'DUPLICATE_KEY');
  if (duplicate) throw new InputError(RUNNERS, `names a platform twice (${duplicate.message.split('\n')[0]})`);

  const runners = new Map<string, string>();
  for (const [key, label] of Object.entries(value as Record<string, unknown>)) {
    let platform: string;
    try {
      platform = formatPlatform(parsePlatform(key));
    } catch (e) {
      throw new InputError(RUNNERS, `key ${quote(key)}: ${(e as Error).message}`);
    }
    if (runners.has(platform)) throw new InputError(RUNNERS, `names the platform ${platform} twice (as ${quote(key)} too)`);
    if (typeof label !== 'string' || !LABEL.test(label)) {
      const shown = typeof label === 'string' ? quote(label) : JSON.stringify(label) ?? String(label);
      throw new InputError(RUNNERS, `the runner of ${platform} must be a runner label (a non-empty string without line breaks), not ${shown}`);
    }
    runners.set(platform, label);
  }
  return runners;
}

/**
 * The legs for `platforms` (a list, or the text of a platforms input) and the text of the `runners` input.
 * Platforms given more than once (also after normalising) are built once.
 */
export function computeLegs(platforms: string | readonly string[], runnersText: string): Leg[] {
  const runners = parseRunners(runnersText);
  const wanted: string[] = [];
  for (const text of typeof platforms === 'string' ? splitPlatforms(platforms) : platforms) {
    let platform: string;
    try {
      platform = formatPlatform(parsePlatform(text));
    } catch (e) {
      throw new InputError('platforms', (e as Error).message);
    }
    if (!wanted.includes(platform)) wanted.push(platform);
  }
  if (wanted.length === 0) throw new InputError('platforms', 'names no platform: there is nothing to build');

  const emulated = wanted.filter(p => !runners.has(p));
  const fallback = runners.get(FALLBACK_PLATFORM);
  if (emulated.length > 0 && fallback === undefined) {
    throw new InputError(
      RUNNERS,
      `has no runner for ${FALLBACK_PLATFORM}, which builds (under QEMU) the platforms without a runner of their own: ${emulated.join(', ')}; add one for each or one for ${FALLBACK_PLATFORM}`
    );
  }
  const legs = new Map<string, string[]>();
  for (const platform of wanted) {
    const runner = runners.get(platform) ?? (fallback as string);
    legs.set(runner, [...(legs.get(runner) ?? []), platform]);
  }
  return [...legs].map(([runner, list]) => ({runner, platforms: list.join(',')}));
}
