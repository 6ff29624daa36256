import { disassemble } from 'es-hangul';
import { distance } from 'fastest-levenshtein';
import { syllableJamo } from '../typoDistance.js';

/** A word users often mistype, with its jamo ("설명회" → ㅅㅓㄹㅁㅕㅇㅎㅗㅣ). */
export interface TypoWord {
  readonly word: string;
  readonly jamo: string;
}

/**
 * The words users mistype most, built once per knowledge base: the Latin ones, and the Hangul ones
 * by their first and second syllables (with the syllable's position), where a window one syllable
 * off must match one of them.
 */
export interface TypoIndex {
  readonly latin: readonly TypoWord[];
  readonly bySyllable: ReadonlyMap<string, readonly (readonly [TypoWord, number])[]>;
}

const HANGUL = /[\uac00-\ud7a3]/u;

export function typoWords(words: readonly string[]): TypoIndex {
  const latin: TypoWord[] = [];
  const bySyllable = new Map<string, [TypoWord, number][]>();
  for (const raw of words) {
    const word = raw.replace(/\s/g, '').toLowerCase();
    if (/^[a-z]{6,}$/u.test(word)) latin.push({ word, jamo: word });
    else if (/^[\uac00-\ud7a3]{2,}$/u.test(word)) {
      const w = { word, jamo: disassemble(word) };
      for (const offset of [0, 1]) {
        const list = bySyllable.get(word[offset]!) ?? [];
        list.push([w, offset]);
        bySyllable.set(word[offset]!, list);
      }
    }
  }
  return { latin, bySyllable };
}

/** "briefng", "excepton", "breifing": a Latin word one letter (or one swap) away from a lexicon word (six letters or more). */
function correctLatin(text: string, latin: readonly TypoWord[]): string {
  if (latin.length === 0) return text;
  return text.replace(/[A-Za-z]{5,}/gu, (token) => {
    const lower = token.toLowerCase();
    // The word itself or an inflection of it ('subcontractors', 'briefings') is no typo.
    if (latin.some((w) => lower.startsWith(w.word) || w.word.startsWith(lower))) return token;
    const near = latin.filter(
      (w) =>
        w.word[0] === lower[0] &&
        Math.abs(w.word.length - lower.length) <= 1 &&
        (distance(w.word, lower) <= 1 || swapsTwo(w.word, lower)),
    );
    return near.length === 1 ? near[0]!.word : token;
  });
}

/** "breifing" for "briefing": the same letters with two neighbours swapped. */
function swapsTwo(word: string, typed: string): boolean {
  if (word.length !== typed.length) return false;
  let i = 0;
  while (i < word.length && word[i] === typed[i]) i++;
  return (
    i + 1 < word.length &&
    word[i] === typed[i + 1] &&
    word[i + 1] === typed[i] &&
    word.slice(i + 2) === typed.slice(i + 2)
  );
}

/**
 * "설멍회 몇시부터?", "2022 전자정뷰 지원사업", "whens the briefng": a run of Hangul one jamo away
 * from a word of the lexicon's `typoWords` (same number of syllables, at most one syllable different;
 * a two-syllable word only at the start of a word), or a Latin word one letter away from one, is read
 * as that word. Phrase matching is exact for most words (fast); this mends the words users mistype most.
 */
export function correctTypos(asked: string, words: TypoIndex): string {
  const text = /[A-Za-z]{5,}/u.test(asked) ? correctLatin(asked, words.latin) : asked;
  if (words.bySyllable.size === 0 || !HANGUL.test(text)) return text;
  const chars = [...text];
  // A window that differs from a word in one syllable matches it at position 0 or at position 1:
  // only starts where the text has a word's first or second syllable are compared.
  const index = words.bySyllable;
  let changed = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!HANGUL.test(c)) continue;
    for (const [w, offset] of index.get(c) ?? []) {
      const start = i - offset;
      const { word, jamo: target } = w;
      const n = word.length;
      if (start < 0 || start + n > chars.length) continue;
      // A two-syllable word ("특레" for 특례) only as the start of a word.
      if (n === 2 && start > 0 && HANGUL.test(chars[start - 1]!)) continue;
      let differs = 0;
      let hangulOnly = true;
      for (let k = 0; k < n && differs < 2; k++) {
        const ch = chars[start + k]!;
        if (!HANGUL.test(ch)) {
          hangulOnly = false;
          break;
        }
        if (ch !== word[k]) differs++;
      }
      if (!hangulOnly || differs !== 1) continue;
      let windowJamo = '';
      for (let k = start; k < start + n; k++) windowJamo += syllableJamo(chars[k]!);
      if (Math.abs(windowJamo.length - target.length) > 1 || distance(windowJamo, target) > 1) continue;
      for (let k = 0; k < n; k++) chars[start + k] = word[k]!;
      changed = true;
    }
  }
  return changed ? chars.join('') : text;
}
