import { disassemble } from 'es-hangul';
import { distance } from 'fastest-levenshtein';

/** A word users often mistype, with its jamo ("설명회" → ㅅㅓㄹㅁㅕㅇㅎㅗㅣ). */
export interface TypoWord {
  readonly word: string;
  readonly jamo: string;
}

export function typoWords(words: readonly string[]): TypoWord[] {
  return words
    .map((word) => word.replace(/\s/g, '').toLowerCase())
    .filter((word) => /^[\uac00-\ud7a3]{2,}$/u.test(word) || /^[a-z]{6,}$/u.test(word))
    .map((word) => ({ word, jamo: /[a-z]/u.test(word) ? word : disassemble(word) }));
}

/** "briefng", "excepton": a Latin word one letter away from a lexicon word (six letters or more). */
function correctLatin(text: string, words: readonly TypoWord[]): string {
  const latin = words.filter((w) => /^[a-z]/u.test(w.word));
  if (latin.length === 0) return text;
  return text.replace(/[A-Za-z]{5,}/gu, (token) => {
    const lower = token.toLowerCase();
    // The word itself or an inflection of it ('subcontractors', 'briefings') is no typo.
    if (latin.some((w) => lower.startsWith(w.word) || w.word.startsWith(lower))) return token;
    const near = latin.filter(
      (w) =>
        w.word[0] === lower[0] && Math.abs(w.word.length - lower.length) <= 1 && distance(w.word, lower) <= 1,
    );
    return near.length === 1 ? near[0]!.word : token;
  });
}

const HANGUL = /[\uac00-\ud7a3]/u;

/**
 * "설멍회 몇시부터?", "2022 전자정뷰 지원사업", "whens the briefng": a run of Hangul one jamo away
 * from a word of the lexicon's `typoWords` (same number of syllables, at most one syllable different;
 * a two-syllable word only at the start of a word), or a Latin word one letter away from one, is read
 * as that word. Phrase matching is exact for most words (fast); this mends the words users mistype most.
 */
export function correctTypos(asked: string, words: readonly TypoWord[]): string {
  const text = /[A-Za-z]{5,}/u.test(asked) ? correctLatin(asked, words) : asked;
  if (words.length === 0 || !HANGUL.test(text)) return text;
  const chars = [...text];
  let jamo: (string | undefined)[] | undefined;
  let changed = false;
  for (const { word, jamo: target } of words) {
    if (!HANGUL.test(word)) continue;
    const n = word.length;
    for (let start = 0; start + n <= chars.length; start++) {
      // A two-syllable word ("특레" for 특례) only as the start of a word.
      if (n === 2 && start > 0 && HANGUL.test(chars[start - 1]!)) continue;
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
