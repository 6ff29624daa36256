import { disassemble } from 'es-hangul';
import { distance } from 'fastest-levenshtein';
import {
  deletions,
  hangulTolerance,
  matchesHangulWindow,
  matchesWords,
  MAX_WORD_TOLERANCE,
  questionJamo,
  wordTolerance,
  type QuestionJamo,
} from './typoDistance.js';
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
  readonly distinct: readonly string[];
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
/** The Hangul syllables' first code and their number (가 … 힣). */
const HANGUL_FIRST = 0xac00;
const HANGUL_COUNT = 0xd7a4 - HANGUL_FIRST;

/**
 * Hangul phrases by their first character's code, then by their second's (a number per position of
 * the question, no string slice): one-character phrases in `one`.
 */
interface PrefixEntry<T> {
  readonly one: CompactPhrase<T>[];
  readonly two: Map<number, CompactPhrase<T>[]>;
}

/** The typo-tolerant phrases holding one syllable, and the syllable's number (for `syllableSeen`). */
interface SyllableEntry<T> {
  readonly id: number;
  readonly phrases: CompactPhrase<T>[];
}

/** How many unknown words `nearWords` remembers before it starts over. */
const NEAR_MEMO_SIZE = 4096;

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
  private readonly byPrefix = new Map<number, PrefixEntry<T>>();
  /** Latin phrases by their first word. */
  private readonly byFirstWord = new Map<string, WordPhrase<T>[]>();
  /** Typo-tolerant Hangul phrases by each syllable they contain, to find candidates fast. */
  private readonly bySyllable: (SyllableEntry<T> | undefined)[] = Array.from(
    { length: HANGUL_COUNT },
    () => undefined,
  );
  private syllableCount = 0;
  /** Per question, which syllables were seen (the question's number, by syllable entry) and the counts. */
  private readonly syllableSeen: Uint32Array;
  private questionNumber = 0;
  private readonly counts: Uint8Array;
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
  /** Unknown words already looked up, and their near words (see `nearWords`). */
  private readonly nearMemo = new Map<string, readonly string[]>();
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
          distinct: [...new Set(syllables)],
          syllables,
          withinWord: syllables.length <= 2 && !/\s/u.test(phrase.trim()),
          numeric: DIGIT.test(normalized.compact[0]!) || DIGIT.test(normalized.compact.at(-1)!),
        };
        this.compactPhrases.push(entry);
        const key = normalized.compact;
        const prefix = getOrAdd(this.byPrefix, key.charCodeAt(0), () => ({ one: [], two: new Map() }));
        if (key.length === 1) prefix.one.push(entry);
        else push(prefix.two, key.charCodeAt(1), entry);
        if (entry.jamo !== null)
          for (const syllable of new Set(syllables)) {
            const at = syllable.charCodeAt(0) - HANGUL_FIRST;
            (this.bySyllable[at] ??= { id: this.syllableCount++, phrases: [] }).phrases.push(entry);
          }
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
    this.counts = new Uint8Array(this.fuzzyCount);
    this.syllableSeen = new Uint32Array(this.syllableCount);
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
          (!p.numeric || numberBounded(compact, i, p.key, () => (wordStarts ??= tokenStarts(tokens)))) &&
          !(p.withinWord && straddles((wordStarts ??= tokenStarts(tokens)), compact.length, i, p.key.length))
        )
          hit(p, false);
      }
    };
    for (let i = 0; i < compact.length; i++) {
      // Phrases are filed under their first two characters (one, for a one-character phrase).
      const prefix = this.byPrefix.get(compact.charCodeAt(i));
      if (prefix === undefined) continue;
      if (i + 1 < compact.length) atPrefix(prefix.two.get(compact.charCodeAt(i + 1)), i);
      atPrefix(prefix.one, i);
    }
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      for (const p of this.byFirstWord.get(token) ?? []) if (wordsAt(tokens, i, p.words)) hit(p, false);
      if (token.endsWith('s'))
        for (const p of this.byFirstWord.get(token.slice(0, -1)) ?? [])
          if (wordsAt(tokens, i, p.words)) hit(p, false);
    }
    if (!this.fuzzy) return hits;

    // Typo tolerance only for targets with no exact hit, so a correct question never pays for it.
    // How many of each typo-tolerant phrase's distinct syllables the question has (by phrase ordinal).
    const { counts, syllableSeen } = this;
    const question = ++this.questionNumber;
    const touched: CompactPhrase<T>[] = [];
    for (let i = 0; i < compact.length; i++) {
      const at = compact.charCodeAt(i) - HANGUL_FIRST;
      const entry = at >= 0 && at < HANGUL_COUNT ? this.bySyllable[at] : undefined;
      if (entry === undefined || syllableSeen[entry.id] === question) continue;
      syllableSeen[entry.id] = question;
      for (const p of entry.phrases) {
        if (counts[p.ordinal] === 0) touched.push(p);
        counts[p.ordinal]!++;
      }
    }
    // The counts are kept between questions (no allocation per question): back to zero here.
    const enough = touched.filter((p) => {
      const count = counts[p.ordinal]!;
      counts[p.ordinal] = 0;
      return count >= p.distinct.length - hangulTolerance(p.syllables.length);
    });
    let jamo: QuestionJamo | undefined;
    for (const p of enough) {
      if (exactTargets.has(p.target)) continue;
      const tolerance = hangulTolerance(p.syllables.length);
      if (p.jamo !== null && matchesHangulWindow((jamo ??= questionJamo(compact)), p.jamo, p, tolerance))
        hit(p, true);
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
      for (const word of this.nearWords(token))
        for (const p of this.phrasesByFuzzyWord.get(word) ?? []) candidates.add(p);
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

  /**
   * The typo-tolerant words within their allowed edits of a word the vocabulary lacks. Words of
   * nine letters or more allow two edits; a token of six or fewer is at most two letters from a
   * word of eight, which allows one. The same unknown words come back question after question, so
   * each is looked up once (the memo is emptied when it grows past {@link NEAR_MEMO_SIZE} words).
   */
  private nearWords(token: string): readonly string[] {
    const known = this.nearMemo.get(token);
    if (known !== undefined) return known;
    const near = new Set<string>();
    for (const variant of deletions(token, token.length >= 7 ? MAX_WORD_TOLERANCE : 1))
      for (const word of this.fuzzyWordsByDeletion.get(variant) ?? []) near.add(word);
    const within = [...near].filter((word) => {
      const tolerance = wordTolerance(word.length);
      return Math.abs(word.length - token.length) <= tolerance && distance(word, token) <= tolerance;
    });
    if (this.nearMemo.size >= NEAR_MEMO_SIZE) this.nearMemo.clear();
    this.nearMemo.set(token, within);
    return within;
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
function numberBounded(
  compact: string,
  start: number,
  key: string,
  wordStarts: () => ReadonlySet<number>,
): boolean {
  // "2022 11개 과제": a number after another word of digits (a year) starts afresh.
  const afterOwnNumber = DIGIT.test(compact[start - 1] ?? '') && wordStarts().has(start);
  if (DIGIT.test(key[0]!) && start > 0 && NUMBER_BEFORE.test(compact[start - 1]!) && !afterOwnNumber)
    return false;
  const end = start + key.length;
  return !(DIGIT.test(key.at(-1)!) && end < compact.length && DIGIT.test(compact[end]!));
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/** Whether the phrase's words are the question's from token `start` on (the last may take an "s"). */
function wordsAt(tokens: readonly string[], start: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const t = tokens[start + k];
    if (t !== words[k] && !(k === words.length - 1 && t === `${words[k]}s`)) return false;
  }
  return true;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
