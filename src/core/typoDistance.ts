import { disassemble } from 'es-hangul';
import { distance } from 'fastest-levenshtein';

/**
 * Typo distances for the phrase matcher: how many edits a Hangul phrase (in jamo) or an English
 * word allows, the question's jamo with each Hangul syllable's worked out once, the windows of the
 * question compared with a phrase, and the words a misspelt English word may stand for.
 */

const HANGUL_SYLLABLE = /^[\uac00-\ud7a3]$/;

/** Edits allowed in a Hangul phrase's jamo, by its length in syllables. */
export function hangulTolerance(syllables: number): number {
  if (syllables < 3) return 0;
  return syllables < 6 ? 1 : 2;
}

/** The most edits allowed in any English word (`wordTolerance` of a long word). */
export const MAX_WORD_TOLERANCE = 2;

/** The word and every string left by deleting up to `count` of its letters. */
export function deletions(word: string, count: number): Set<string> {
  const out = new Set([word]);
  let level = [word];
  for (let k = 0; k < count; k++) {
    const next: string[] = [];
    for (const w of level)
      for (let i = 0; i < w.length; i++) {
        const variant = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(variant)) {
          out.add(variant);
          next.push(variant);
        }
      }
    level = next;
  }
  return out;
}

/** Edits allowed in one English word, by its length. */
export function wordTolerance(length: number): number {
  if (length < 5) return 0;
  return length < 9 ? 1 : 2;
}

/** The question's jamo, once per question: each window's jamo is a slice of it. */
export interface QuestionJamo {
  readonly length: number;
  readonly jamo: string;
  /** Where each character's jamo starts in `jamo` (one more entry than characters). */
  readonly offsets: readonly number[];
  readonly positions: ReadonlyMap<string, readonly number[]>;
}

/** Each Hangul syllable's jamo, worked out once (there are 11,172 syllables at most). */
const SYLLABLE_JAMO = new Map<string, string>();

export function syllableJamo(syllable: string): string {
  let jamo = SYLLABLE_JAMO.get(syllable);
  if (jamo === undefined) SYLLABLE_JAMO.set(syllable, (jamo = disassemble(syllable)));
  return jamo;
}

export function questionJamo(compact: string): QuestionJamo {
  const offsets = [0];
  const positions = new Map<string, number[]>();
  let jamo = '';
  for (let i = 0; i < compact.length; i++) {
    const char = compact[i]!;
    jamo += HANGUL_SYLLABLE.test(char) ? syllableJamo(char) : char;
    offsets.push(jamo.length);
    const at = positions.get(char);
    if (at) at.push(i);
    else positions.set(char, [i]);
  }
  return { length: compact.length, jamo, offsets, positions };
}

/**
 * Whether some window of the question (the phrase's length, one syllable more or less) is within
 * `tolerance` jamo edits of the phrase. An edit changes at most two syllables, and fuzzy phrases
 * have three or more, so a matching window holds one of the phrase's syllables: only windows
 * around those are compared.
 */
export function matchesHangulWindow(
  question: QuestionJamo,
  target: string,
  phrase: { readonly syllables: readonly string[]; readonly distinct: readonly string[] },
  tolerance: number,
): boolean {
  const n = phrase.syllables.length;
  const last = question.length - Math.max(2, n - 1);
  if (last < 0) return false;
  if (windowStarts.length <= last) windowStarts = new Uint8Array(2 * last + 2);
  const marks = windowStarts;
  let first = last + 1;
  for (const syllable of phrase.distinct)
    for (const at of question.positions.get(syllable) ?? []) {
      const from = Math.max(0, at - n);
      first = Math.min(first, from);
      for (let start = from; start <= Math.min(at, last); start++) marks[start] = 1;
    }
  let found = false;
  for (let start = first; start <= last; start++) {
    if (marks[start] === 0) continue;
    marks[start] = 0;
    if (found) continue;
    for (let size = Math.max(2, n - 1); size <= n + 1 && start + size <= question.length; size++) {
      const from = question.offsets[start]!;
      const to = question.offsets[start + size]!;
      if (Math.abs(to - from - target.length) > tolerance) continue;
      if (distance(question.jamo.slice(from, to), target) <= tolerance) {
        found = true;
        break;
      }
    }
  }
  return found;
}

/** Which window starts `matchesHangulWindow` compares, reused (left all zero) from call to call. */
let windowStarts = new Uint8Array(256);

export function matchesWords(tokens: readonly string[], words: readonly string[]): boolean {
  outer: for (let start = 0; start + words.length <= tokens.length; start++) {
    for (let k = 0; k < words.length; k++) {
      const word = words[k] ?? '';
      const token = tokens[start + k] ?? '';
      if (word === token || `${word}s` === token) continue;
      const tolerance = wordTolerance(word.length);
      if (tolerance === 0 || Math.abs(word.length - token.length) > tolerance) continue outer;
      if (distance(word, token) > tolerance) continue outer;
    }
    return true;
  }
  return false;
}
