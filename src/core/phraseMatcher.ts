import { disassemble } from 'es-hangul';
import { distance } from 'fastest-levenshtein';
import { isHangulPhrase, normalizeText, type NormalizedText } from './text.js';

export interface PhraseEntry<T> {
  readonly phrase: string;
  readonly target: T;
}

export interface PhraseHit<T> {
  readonly target: T;
  readonly phrase: string;
  /** Characters of the question the phrase covers; longer phrases are more specific. */
  readonly length: number;
  readonly fuzzy: boolean;
}

interface CompactPhrase<T> {
  readonly key: string;
  readonly target: T;
  readonly phrase: string;
  /** Jamo sequence, for typo-tolerant matching of Hangul phrases of 3+ syllables. */
  readonly jamo: string | null;
  readonly syllables: readonly string[];
}

interface WordPhrase<T> {
  readonly words: readonly string[];
  readonly key: string;
  readonly target: T;
  readonly phrase: string;
}

const HANGUL_SYLLABLE = /^[\uac00-\ud7a3]$/;

/** Edits allowed in a Hangul phrase's jamo, by its length in syllables. */
function hangulTolerance(syllables: number): number {
  if (syllables < 3) return 0;
  return syllables < 6 ? 1 : 2;
}

/** Edits allowed in one English word, by its length. */
function wordTolerance(length: number): number {
  if (length < 5) return 0;
  return length < 9 ? 1 : 2;
}

/**
 * Finds known phrases in a question. Hangul phrases match anywhere in the question with spaces
 * removed, so spacing variants and attached particles (국민비서는, 국민 비서의) still match; Latin
 * phrases match whole words. With `fuzzy`, Hangul phrases of three or more syllables also match
 * with a small jamo edit distance (typos), and long English words with a small letter distance.
 */
export class PhraseMatcher<T> {
  private readonly compactPhrases: CompactPhrase<T>[] = [];
  private readonly wordPhrases: WordPhrase<T>[] = [];
  private readonly fuzzy: boolean;

  constructor(entries: Iterable<PhraseEntry<T>>, options: { fuzzy?: boolean } = {}) {
    this.fuzzy = options.fuzzy ?? false;
    for (const { phrase, target } of entries) {
      const normalized = normalizeText(phrase);
      if (normalized.compact === '') continue;
      if (isHangulPhrase(phrase) || /^[\d\s.,%]+$/.test(phrase)) {
        const syllables = [...normalized.compact];
        const hangulOnly = syllables.every((c) => HANGUL_SYLLABLE.test(c));
        this.compactPhrases.push({
          key: normalized.compact,
          target,
          phrase,
          jamo: this.fuzzy && hangulOnly && hangulTolerance(syllables.length) > 0 ? disassemble(normalized.compact) : null,
          syllables,
        });
      } else {
        this.wordPhrases.push({ words: normalized.spaced.split(' '), key: ` ${normalized.spaced} `, target, phrase });
      }
    }
  }

  match(text: NormalizedText): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    const padded = ` ${text.spaced} `;
    const exactTargets = new Set<T>();

    for (const p of this.compactPhrases) {
      if (text.compact.includes(p.key)) {
        hits.push({ target: p.target, phrase: p.phrase, length: p.key.length, fuzzy: false });
        exactTargets.add(p.target);
      }
    }
    for (const p of this.wordPhrases) {
      if (padded.includes(p.key) || padded.includes(`${p.key.slice(0, -1)}s `)) {
        hits.push({ target: p.target, phrase: p.phrase, length: p.key.length - 2, fuzzy: false });
        exactTargets.add(p.target);
      }
    }
    if (!this.fuzzy) return hits;

    // Typo tolerance only for targets with no exact hit, so a correct question never pays for it.
    let syllableSet: Set<string> | null = null;
    for (const p of this.compactPhrases) {
      if (p.jamo === null || exactTargets.has(p.target)) continue;
      syllableSet ??= new Set(text.compact);
      const tolerance = hangulTolerance(p.syllables.length);
      let present = 0;
      for (const s of p.syllables) if (syllableSet.has(s)) present++;
      if (present < p.syllables.length - tolerance) continue;
      if (this.matchesHangulWindow(text.compact, p, tolerance)) {
        hits.push({ target: p.target, phrase: p.phrase, length: p.key.length, fuzzy: true });
        exactTargets.add(p.target);
      }
    }
    for (const p of this.wordPhrases) {
      if (exactTargets.has(p.target)) continue;
      if (this.matchesWords(text.tokens, p.words)) {
        hits.push({ target: p.target, phrase: p.phrase, length: p.key.length - 2, fuzzy: true });
        exactTargets.add(p.target);
      }
    }
    return hits;
  }

  private matchesHangulWindow(compact: string, p: CompactPhrase<T>, tolerance: number): boolean {
    const n = p.syllables.length;
    const chars = [...compact];
    for (let size = Math.max(2, n - 1); size <= n + 1; size++) {
      for (let start = 0; start + size <= chars.length; start++) {
        const window = chars.slice(start, start + size).join('');
        if (distance(disassemble(window), p.jamo ?? '') <= tolerance) return true;
      }
    }
    return false;
  }

  private matchesWords(tokens: readonly string[], words: readonly string[]): boolean {
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
}
