/**
 * The summary's "Left in the registry" part: what a run leaves that the user did not ask for as a
 * release tag. Appended to the publish summary, like the skipped tags. Every value goes through ./escape.ts.
 */
import {code, text} from './escape.js';

export interface Leftovers {
  /** How the content was pushed (the summary's **Push:** line). */
  push: string;
  /** Staging tags found in the registry after the run (`staging-tags: keep`), or unreadable. */
  stagingTags: {ref: string; digest?: string; unread?: string}[];
  /** Whether the run kept them on request. */
  kept: boolean;
  /** Whether the run failed before or during the tag phase. */
  failed: boolean;
  /** What the listed references are, when not staging tags (the merge: `leg records and leg content`). */
  what?: string;
  /** Further sentences (attestation-storage: referrers: BuildKit's untagged index, the referrers tags). */
  notes?: string[];
}

export function leftoversSummary(l: Leftovers): string {
  const lines = ['### Left in the registry', '', `**Push:** ${text(l.push)}`, ''];
  if (l.stagingTags.length) {
    lines.push(
      ...l.stagingTags.map(t => (t.digest ? `- ${code(t.ref)} → ${code(t.digest.slice(0, 19) + '…')}` : `- ⚠️ ${code(t.ref)}: could not be read (${text(t.unread ?? '')})`)),
      '',
      l.what ? `These ${text(l.what)} are left: the registry did not let the run remove them (remove them by digest, or let its garbage collection do it).` : l.kept ? 'These staging tags stay, as `staging-tags: keep` asks (on GHCR a version never loses a tag).' : 'These staging tags are left (the registry did not let the run remove them).',
      ''
    );
  } else {
    lines.push(
      l.failed
        ? 'No tag of this run is left: what was uploaded is content by digest only (untagged; registries remove it with their garbage collection, GHCR lists it as untagged versions).'
        : l.what ? `No ${text(l.what)} left: the run removed them.` : 'No tag other than the ones asked for: the content was pushed by digest.',
      ''
    );
  }
  for (const n of l.notes ?? []) lines.push(text(n), '');
  return lines.join('\n');
}
