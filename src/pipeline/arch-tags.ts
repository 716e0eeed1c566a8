/**
 * `arch-tags: true`: every release tag also exists per platform, `<tag>-<arch>`, for tools that cannot
 * read an index. Pure: the suffix of each platform, and the per-platform tags of one build. The tags
 * point at platform images, not at the index, so they are a field of their own in the plan.
 */
import {parsePlatform} from '../lib/platform.js';
import {isValidTag} from '../lib/reference.js';
import {imageTags} from './metadata/index.js';
import {InputError} from './inputs/errors.js';

/** The per-platform tags of one platform of a build. */
export interface ArchTags {
  platform: string;
  /** The suffix after `-` (`amd64`, `armv7`, ...). */
  suffix: string;
  /** `<tag>-<suffix>` for every tag name of the build. */
  tagNames: string[];
  /** `image:<tag>-<suffix>` for every image and tag name (bare when there is no image). */
  tags: string[];
}

/**
 * The suffix of a platform: its architecture, with the variant glued on (`linux/arm/v7` -> `armv7`,
 * `linux/amd64/v3` -> `amd64v3`), except the default variants `arm64/v8` and `amd64/v1`, which are the
 * plain architecture; other operating systems than linux are named first (`windows/amd64` -> `windows-amd64`).
 */
export function archSuffix(platform: string): string {
  const p = parsePlatform(platform);
  const isDefaultVariant = (p.arch === 'arm64' && (p.variant === 'v8' || p.variant === 'v8.0')) || (p.arch === 'amd64' && p.variant === 'v1');
  const arch = p.variant && !isDefaultVariant ? `${p.arch}${p.variant.replace(/\./g, '')}` : p.arch;
  return p.os === 'linux' ? arch : `${p.os}-${arch}`;
}

/**
 * The per-platform tags of a build: one entry per platform, in the build's platform order. Two
 * platforms with the same suffix, or a tag that gets too long with its suffix, are input errors.
 */
export function archTagsFor(images: string[], tagNames: string[], platforms: string[], line?: number): ArchTags[] {
  const bySuffix = new Map<string, string>();
  const out: ArchTags[] = [];
  for (const platform of platforms) {
    const suffix = archSuffix(platform);
    const other = bySuffix.get(suffix);
    if (other !== undefined) {
      throw new InputError('arch-tags', `platforms ${other} and ${platform} would both get the tag suffix -${suffix}; build them as separate images or turn arch-tags off`, line);
    }
    bySuffix.set(suffix, platform);
    const names = tagNames.map(t => `${t}-${suffix}`);
    const bad = names.find(t => !isValidTag(t));
    if (bad !== undefined) throw new InputError('arch-tags', `the per-platform tag "${bad.slice(0, 140)}" is not a valid tag (at most 128 letters, digits, "_", "." and "-")`, line);
    out.push({platform, suffix, tagNames: names, tags: imageTags(images, names)});
  }
  return out;
}
