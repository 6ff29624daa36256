import { disassemble } from 'es-hangul';
import { distance } from 'fastest-levenshtein';

/** A word users often mistype, with its jamo ("설명회" → ㅅㅓㄹㅁㅕㅇㅎㅗㅣ). */
export interface TypoWord {
  readonly word: string;
  readonly jamo: string;
}

export function typoWords(words: readonly string[]): TypoWord[] {
  return words
    .map((word) => word.replace(/\s/g, ''))
    .filter((word) => /^[\uac00-\ud7a3]{3,}$/u.test(word))
    .map((word) => ({ word, jamo: disassemble(word) }));
}

const HANGUL = /[\uac00-\ud7a3]/u;

/**
 * "설멍회 몇시부터?", "2022 전자정뷰 지원사업": a run of Hangul one jamo away from a word of the
 * lexicon's `typoWords` (same number of syllables, at most one syllable different) is read as that
 * word. Phrase matching is exact for most words (fast); this mends the few words users mistype most.
 */
export function correctTypos(text: string, words: readonly TypoWord[]): string {
  if (words.length === 0 || !HANGUL.test(text)) return text;
  const chars = [...text];
  let jamo: (string | undefined)[] | undefined;
  let changed = false;
  for (const { word, jamo: target } of words) {
    const n = word.length;
    for (let start = 0; start + n <= chars.length; start++) {
      // A window of n syllables inside one run of Hangul that differs from the word in one syllable.
      let differs = 0;
      let hangulOnly = true;
      for (let k = 0; k < n && differs < 2; k++) {
        const c = chars[start + k]!;
        if (!HANGUL.test(c)) {
          hangulOnly = false;
          break;
        }
        if (c !== word[k]) differs++;
      }
      if (!hangulOnly || differs !== 1) continue;
      jamo ??= [];
      let windowJamo = '';
      for (let k = start; k < start + n; k++) windowJamo += jamo[k] ??= disassemble(chars[k]!);
      if (Math.abs(windowJamo.length - target.length) > 1 || distance(windowJamo, target) > 1) continue;
      for (let k = 0; k < n; k++) chars[start + k] = word[k]!;
      for (let k = start; k < start + n; k++) jamo[k] = undefined;
      changed = true;
    }
  }
  return changed ? chars.join('') : text;
}
