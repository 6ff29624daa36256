/**
 * Finds names in one pass: projects and extension periods (what a fact can belong to), agencies (facts of a
 * project) and identifiers with digits (코로나19), in any spacing and case. Longer names win over the shorter
 * names inside them.
 */
import { compactText, findLooseSpansIn, type LooseText } from '../facts/looseText.js';

/** A name found in a text: what it names and where. */
export interface Mention {
  /** `project:<id>`, `period:<name>`, `agency:<name>` or `identifier:<name>`. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** The name as the knowledge base writes it. */
  readonly name?: string;
}

/** A name to look for and what it names. */
export interface NameEntry {
  readonly key: string;
  readonly name: string;
}

interface Needle {
  readonly key: string;
  readonly name: string;
  readonly compact: string;
  /** Latin or digit at the start or end: such a needle must not be glued to a word there. */
  readonly edgeStart: boolean;
  readonly edgeEnd: boolean;
}

const WORD_EDGE = /[A-Za-z0-9]/u;

/** Looks up many names at once in texts indexed with `toLooseText`. */
export interface MentionFinder {
  find(loose: LooseText): Mention[];
}

export function createMentionFinder(entries: readonly NameEntry[]): MentionFinder {
  const needles: Needle[] = entries
    .map(({ key, name }) => {
      const compact = compactText(name);
      return {
        key,
        name,
        compact,
        edgeStart: WORD_EDGE.test(compact.charAt(0)),
        edgeEnd: WORD_EDGE.test(compact.charAt(compact.length - 1)),
      };
    })
    .filter(({ compact }) => compact.length >= 2)
    .sort((a, b) => b.compact.length - a.compact.length);
  return {
    find(loose) {
      const found: Mention[] = [];
      const taken = (start: number, end: number) => found.some((m) => start < m.end && m.start < end);
      for (const needle of needles) {
        if (needle.compact.length > loose.compact.length) continue;
        for (const [start, end] of findLooseSpansIn(loose, needle.compact)) {
          if (needle.edgeStart && WORD_EDGE.test(loose.text.charAt(start - 1))) continue;
          if (needle.edgeEnd && WORD_EDGE.test(loose.text.charAt(end))) continue;
          if (!taken(start, end)) found.push({ key: needle.key, start, end, name: needle.name });
        }
      }
      return found.sort((a, b) => a.start - b.start);
    },
  };
}
