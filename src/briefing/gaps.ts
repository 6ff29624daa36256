import { distance } from 'fastest-levenshtein';
import { questionKey } from './model.js';
import type { GapRecord } from './repository.js';

/** Gap questions that say nearly the same thing, with how often they were asked. */
export interface GapGroup {
  /** The text asked most often in the group (the first asked on a tie). */
  readonly text: string;
  readonly count: number;
  /** Every distinct wording, most asked first. */
  readonly variants: readonly { readonly text: string; readonly count: number }[];
  readonly statuses: readonly GapRecord['status'][];
  readonly sources: readonly GapRecord['source'][];
  readonly firstAt: string;
  readonly lastAt: string;
}

/** Two keys this close (edit distance over the longer length) count as one question. */
export const DEFAULT_SIMILARITY = 0.8;

function similarity(a: string, b: string): number {
  const longest = Math.max([...a].length, [...b].length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/**
 * Groups gap questions by similarity of their normalised text (Levenshtein on the dedup key) and
 * orders the groups by count, so curators see the most wanted missing facts first. Deterministic:
 * gaps are taken in time order and each joins the first group whose first key is similar enough.
 */
export function groupGaps(gaps: readonly GapRecord[], threshold = DEFAULT_SIMILARITY): GapGroup[] {
  const ordered = [...gaps].sort((a, b) => a.at.localeCompare(b.at) || a.text.localeCompare(b.text));
  const groups: { key: string; members: GapRecord[] }[] = [];
  for (const gap of ordered) {
    const key = questionKey(gap.text);
    const group = groups.find((g) => g.key === key || similarity(g.key, key) >= threshold);
    if (group) group.members.push(gap);
    else groups.push({ key, members: [gap] });
  }
  return groups
    .map(({ members }) => {
      const counts = new Map<string, number>();
      for (const m of members) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
      const variants = [...counts]
        .map(([text, count]) => ({ text, count }))
        .sort((a, b) => b.count - a.count);
      return {
        text: variants[0]!.text,
        count: members.length,
        variants,
        statuses: [...new Set(members.map((m) => m.status))].sort(),
        sources: [...new Set(members.map((m) => m.source))].sort(),
        firstAt: members[0]!.at,
        lastAt: members[members.length - 1]!.at,
      };
    })
    .sort((a, b) => b.count - a.count || a.firstAt.localeCompare(b.firstAt));
}

/** The groups as plain text for a terminal. */
export function formatGapGroups(groups: readonly GapGroup[]): string {
  if (groups.length === 0) return 'No gap questions recorded.';
  const total = groups.reduce((n, g) => n + g.count, 0);
  const lines = [`${total} gap question(s) in ${groups.length} group(s), most asked first:`, ''];
  for (const [i, group] of groups.entries()) {
    lines.push(`${i + 1}. ×${group.count}  ${group.text}`);
    lines.push(
      `   status: ${group.statuses.join(', ')} · from: ${group.sources.join(', ')} · ${group.firstAt} – ${group.lastAt}`,
    );
    for (const variant of group.variants.slice(1)) lines.push(`   ×${variant.count}  ${variant.text}`);
  }
  return lines.join('\n');
}
