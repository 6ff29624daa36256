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
  /** The phrase as matched: spaces removed (Hangul) or words joined by single spaces (Latin). */
  readonly key: string;
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
  /**
   * A two-syllable phrase written without a space ("제외") must not straddle two words of the
   * question ("과제 외교부"); one written with a space ("몇 차") matches "몇차" and "몇 차".
   */
  readonly withinWord: boolean;
  /** Starts or ends with a digit: it must match a whole number of the question. */
  readonly numeric: boolean;
  /** Its place among the typo-tolerant phrases (-1 for an exact-only one), and its distinct syllables. */
  readonly ordinal: number;
  readonly distinctSyllables: number;
}

interface WordPhrase<T> {
  readonly words: readonly string[];
  readonly key: string;
  readonly target: T;
  readonly phrase: string;
  /** Words too short for typo tolerance: they must appear exactly. */
  readonly exactWords: readonly string[];
}

const HANGUL_SYLLABLE = /^[\uac00-\ud7a3]$/;

/** Edits allowed in a Hangul phrase's jamo, by its length in syllables. */
function hangulTolerance(syllables: number): number {
  if (syllables < 3) return 0;
  return syllables < 6 ? 1 : 2;
}

/** The most edits allowed in any English word (`wordTolerance` of a long word). */
const MAX_WORD_TOLERANCE = 2;

/** The word and every string left by deleting up to `count` of its letters. */
function deletions(word: string, count: number): Set<string> {
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
  /** Hangul phrases by their first one or two characters, so a question is scanned once. */
  private readonly byPrefix = new Map<string, CompactPhrase<T>[]>();
  /** Latin phrases by their first word. */
  private readonly byFirstWord = new Map<string, WordPhrase<T>[]>();
  /** Typo-tolerant Hangul phrases by each syllable they contain, to find candidates fast. */
  private readonly bySyllable = new Map<string, CompactPhrase<T>[]>();
  /** Every word of the Latin phrases: a question made only of these needs no typo search. */
  private readonly vocabulary = new Set<string>();
  /**
   * Typo-tolerant words by each string their allowed number of deleted letters leaves (the word
   * itself included), and the phrases each word appears in. Two words within k edits leave a common
   * string after at most k deletions from each, so a question word finds its near words by its own
   * deletions instead of a distance to every word (the symmetric-delete method of SymSpell).
   */
  private readonly fuzzyWordsByDeletion = new Map<string, string[]>();
  private readonly phrasesByFuzzyWord = new Map<string, WordPhrase<T>[]>();
  private readonly fuzzy: boolean;
  /** How many Hangul phrases are typo-tolerant (their ordinals run 0…fuzzyCount-1). */
  private fuzzyCount = 0;

  constructor(entries: Iterable<PhraseEntry<T>>, options: { fuzzy?: boolean } = {}) {
    this.fuzzy = options.fuzzy ?? false;
    for (const { phrase, target } of entries) {
      const normalized = normalizeText(phrase);
      if (normalized.compact === '') continue;
      if (isHangulPhrase(phrase) || /^[\d\s.,%]+$/.test(phrase)) {
        const syllables = [...normalized.compact];
        const hangulOnly = syllables.every((c) => HANGUL_SYLLABLE.test(c));
        const fuzzyPhrase = this.fuzzy && hangulOnly && hangulTolerance(syllables.length) > 0;
        const entry: CompactPhrase<T> = {
          key: normalized.compact,
          target,
          phrase,
          jamo: fuzzyPhrase ? disassemble(normalized.compact) : null,
          ordinal: fuzzyPhrase ? this.fuzzyCount++ : -1,
          distinctSyllables: new Set(syllables).size,
          syllables,
          withinWord: syllables.length <= 2 && !/\s/u.test(phrase.trim()),
          numeric: DIGIT.test(normalized.compact[0]!) || DIGIT.test(normalized.compact.at(-1)!),
        };
        this.compactPhrases.push(entry);
        push(this.byPrefix, normalized.compact.slice(0, 2), entry);
        if (entry.jamo !== null)
          for (const syllable of new Set(syllables)) push(this.bySyllable, syllable, entry);
      } else {
        const words = normalized.spaced.split(' ');
        const entry: WordPhrase<T> = {
          words,
          key: normalized.spaced,
          target,
          phrase,
          exactWords: words.filter((w) => wordTolerance(w.length) === 0),
        };
        this.wordPhrases.push(entry);
        push(this.byFirstWord, words[0]!, entry);
        for (const w of words) this.vocabulary.add(w);
        for (const w of new Set(words)) {
          if (wordTolerance(w.length) === 0) continue;
          if (!this.phrasesByFuzzyWord.has(w))
            for (const variant of deletions(w, wordTolerance(w.length)))
              push(this.fuzzyWordsByDeletion, variant, w);
          push(this.phrasesByFuzzyWord, w, entry);
        }
      }
    }
  }

  match(text: NormalizedText): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    const exactTargets = new Set<T>();
    const seen = new Set<CompactPhrase<T> | WordPhrase<T>>();
    const hit = (p: CompactPhrase<T> | WordPhrase<T>, fuzzy: boolean) => {
      if (seen.has(p)) return;
      seen.add(p);
      hits.push({ target: p.target, phrase: p.phrase, key: p.key, length: p.key.length, fuzzy });
      exactTargets.add(p.target);
    };

    const { compact, tokens } = text;
    let wordStarts: Set<number> | undefined;
    const atPrefix = (list: readonly CompactPhrase<T>[] | undefined, i: number) => {
      for (const p of list ?? []) {
        if (
          compact.startsWith(p.key, i) &&
          (!p.numeric || numberBounded(compact, i, p.key)) &&
          !(p.withinWord && straddles((wordStarts ??= tokenStarts(tokens)), compact.length, i, p.key.length))
        )
          hit(p, false);
      }
    };
    for (let i = 0; i < compact.length; i++) {
      // Phrases are filed under their first two characters (one, for a one-character phrase).
      if (i + 1 < compact.length) atPrefix(this.byPrefix.get(compact.slice(i, i + 2)), i);
      atPrefix(this.byPrefix.get(compact[i]!), i);
    }
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const candidates = [
        ...(this.byFirstWord.get(token) ?? []),
        ...(token.endsWith('s') ? (this.byFirstWord.get(token.slice(0, -1)) ?? []) : []),
      ];
      for (const p of candidates) {
        if (
          p.words.every((w, k) => {
            const t = tokens[i + k];
            return t === w || (k === p.words.length - 1 && t === `${w}s`);
          })
        )
          hit(p, false);
      }
    }
    if (!this.fuzzy) return hits;

    // Typo tolerance only for targets with no exact hit, so a correct question never pays for it.
    // How many of each typo-tolerant phrase's distinct syllables the question has (by phrase ordinal).
    const counts = new Uint8Array(this.fuzzyCount);
    const touched: CompactPhrase<T>[] = [];
    for (const syllable of new Set(compact)) {
      for (const p of this.bySyllable.get(syllable) ?? []) {
        if (counts[p.ordinal] === 0) touched.push(p);
        counts[p.ordinal] = (counts[p.ordinal] ?? 0) + 1;
      }
    }
    let jamo: QuestionJamo | undefined;
    for (const p of touched) {
      if (exactTargets.has(p.target)) continue;
      const tolerance = hangulTolerance(p.syllables.length);
      if (counts[p.ordinal]! < p.distinctSyllables - tolerance) continue;
      if (matchesHangulWindow((jamo ??= questionJamo(compact)), p, tolerance)) hit(p, true);
    }
    // English typos: correct each unknown word against the vocabulary first, then check only the
    // phrases that contain a corrected word.
    const candidates = new Set<WordPhrase<T>>();
    for (const token of tokens) {
      if (
        wordTolerance(token.length) === 0 ||
        this.vocabulary.has(token) ||
        this.vocabulary.has(token.replace(/s$/, ''))
      )
        continue;
      const near = new Set<string>();
      // Words of nine letters or more allow two edits; a token of six or fewer is at most two
      // letters from a word of eight, which allows one.
      for (const variant of deletions(token, token.length >= 7 ? MAX_WORD_TOLERANCE : 1))
        for (const word of this.fuzzyWordsByDeletion.get(variant) ?? []) near.add(word);
      for (const word of near) {
        const tolerance = wordTolerance(word.length);
        if (Math.abs(word.length - token.length) <= tolerance && distance(word, token) <= tolerance) {
          for (const p of this.phrasesByFuzzyWord.get(word) ?? []) candidates.add(p);
        }
      }
    }
    if (candidates.size === 0) return hits;
    const tokenSet = new Set(tokens);
    for (const p of candidates) {
      if (exactTargets.has(p.target)) continue;
      if (!p.exactWords.every((w) => tokenSet.has(w))) continue;
      if (matchesWords(tokens, p.words)) hit(p, true);
    }
    return hits;
  }
}

/**
 * Whether a phrase at `start` ends one word of the question and starts the next ("과제 외교부" for
 * 제외); a word split by a stray space ("예 산") is still read.
 */
function straddles(
  wordStarts: ReadonlySet<number>,
  textLength: number,
  start: number,
  length: number,
): boolean {
  const end = start + length;
  if (wordStarts.has(start) || wordStarts.has(end) || end >= textLength) return false;
  for (let k = start + 1; k < end; k++) if (wordStarts.has(k)) return true;
  return false;
}

/** Where each token of the question starts in its compact form. */
function tokenStarts(tokens: readonly string[]): Set<number> {
  const starts = new Set<number>();
  let at = 0;
  for (const token of tokens) {
    starts.add(at);
    // The compact form drops the hyphen a token keeps between digits ("2019-2021").
    at += token.includes('-') ? token.replaceAll('-', '').length : token.length;
  }
  return starts;
}

const DIGIT = /\d/;
/** Digits or a larger unit before a number: "15억" is not in "115억", "5000만원" not in "64억5000만원". */
const NUMBER_BEFORE = /[\d.,억조]/;

/** A phrase that starts or ends with a digit matches only a whole number of the question. */
function numberBounded(compact: string, start: number, key: string): boolean {
  if (DIGIT.test(key[0]!) && start > 0 && NUMBER_BEFORE.test(compact[start - 1]!)) return false;
  const end = start + key.length;
  return !(DIGIT.test(key.at(-1)!) && end < compact.length && DIGIT.test(compact[end]!));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The question's jamo, once per question: each window's jamo is a slice of it. */
interface QuestionJamo {
  readonly length: number;
  readonly jamo: string;
  /** Where each character's jamo starts in `jamo` (one more entry than characters). */
  readonly offsets: readonly number[];
  readonly positions: ReadonlyMap<string, readonly number[]>;
}

function questionJamo(compact: string): QuestionJamo {
  const offsets = [0];
  const positions = new Map<string, number[]>();
  let jamo = '';
  for (let i = 0; i < compact.length; i++) {
    const char = compact[i]!;
    jamo += HANGUL_SYLLABLE.test(char) ? disassemble(char) : char;
    offsets.push(jamo.length);
    push(positions, char, i);
  }
  return { length: compact.length, jamo, offsets, positions };
}

/**
 * Whether some window of the question (the phrase's length, one syllable more or less) is within
 * `tolerance` jamo edits of the phrase. An edit changes at most two syllables, and fuzzy phrases
 * have three or more, so a matching window holds one of the phrase's syllables: only windows
 * around those are compared.
 */
function matchesHangulWindow<T>(question: QuestionJamo, p: CompactPhrase<T>, tolerance: number): boolean {
  const target = p.jamo ?? '';
  const n = p.syllables.length;
  const starts = new Set<number>();
  const last = question.length - Math.max(2, n - 1);
  for (const syllable of new Set(p.syllables))
    for (const at of question.positions.get(syllable) ?? [])
      for (let start = Math.max(0, at - n); start <= Math.min(at, last); start++) starts.add(start);
  for (const start of starts) {
    for (let size = Math.max(2, n - 1); size <= n + 1 && start + size <= question.length; size++) {
      const from = question.offsets[start]!;
      const to = question.offsets[start + size]!;
      if (Math.abs(to - from - target.length) > tolerance) continue;
      if (distance(question.jamo.slice(from, to), target) <= tolerance) return true;
    }
  }
  return false;
}

function matchesWords(tokens: readonly string[], words: readonly string[]): boolean {
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
