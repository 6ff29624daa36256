/**
 * The words a rewording may use: those of the decided answer (its text, facts, project and agency names) and
 * a fixed list of neutral words. A new name, place, number word, quantity, time or instruction is a word the
 * answer does not have, so it cannot slip in as prose.
 */
import type { AnswerLanguage } from '../types.js';
import { EN_NEUTRAL_WORDS, KO_ENDING_SYLLABLES, KO_NEUTRAL_STEMS } from './lexicon.js';

const HANGUL_RUN = /[\uac00-\ud7a3]+/gu;
const LATIN_RUN = /[a-z]+/gu;

/** What {@link findNewWord} accepts, built once per decided answer. */
export interface Vocabulary {
  /** The reply language: only its neutral words are neutral; the other script's words must be the answer's. */
  readonly language: AnswerLanguage;
  /** Every Hangul word of the answer and every run of two or more syllables inside one. */
  readonly koPieces: ReadonlySet<string>;
  /** One-syllable stems of the answer's words ("수" of "수의", "보" of "보입니다"). */
  readonly koSingles: ReadonlySet<string>;
  /** {@link conjugationKey} of every piece: "열려" and "열린" share one. */
  readonly koConjugated: ReadonlySet<string>;
  /** The answer's Latin words as written (lower case), and their stems. */
  readonly enWords: ReadonlySet<string>;
  readonly enStems: ReadonlySet<string>;
}

const KO_NEUTRAL: ReadonlySet<string> = new Set(KO_NEUTRAL_STEMS);
const NONE: ReadonlySet<string> = new Set();

/** A light English stemmer: "decided", "decides" and "deciding" share "decid". */
function stemEnglish(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  for (const suffix of ['ments', 'ment', 'ings', 'ing', 'edly', 'ed', 'es', 's', 'ly']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      // "totalling" and "stopped" double their last consonant.
      return word
        .slice(0, -suffix.length)
        .replace(/([b-df-hj-np-tv-z])\1$/u, '$1')
        .replace(/e$/u, '');
    }
  }
  return word.replace(/e$/u, '');
}

const EN_NEUTRAL_WORDS_SET: ReadonlySet<string> = new Set(EN_NEUTRAL_WORDS);
const EN_NEUTRAL = new Set(EN_NEUTRAL_WORDS.map(stemEnglish));

/**
 * A word with its last syllable reduced to its initial consonant: a verb stem keeps it through its forms
 * (열리·열려·열린·열렸, 되·돼·된·됐), so a conjugated form of the answer's verb is the answer's word.
 */
function conjugationKey(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  return `${word.slice(0, -1)}|${Math.floor((last - 0xac00) / 588)}`;
}

function isEndingRun(text: string): boolean {
  for (const char of text) if (!KO_ENDING_SYLLABLES.has(char)) return false;
  return true;
}

/** The word without its trailing particles and endings, keeping at least one syllable. */
function stripEndings(word: string): string {
  let cut = word.length;
  while (cut > 1 && KO_ENDING_SYLLABLES.has(word.charAt(cut - 1))) cut -= 1;
  return word.slice(0, cut);
}

/** Builds the vocabulary of a decided answer from all of its wording. */
export function buildVocabulary(material: string, language: AnswerLanguage): Vocabulary {
  const koPieces = new Set<string>();
  const koSingles = new Set<string>();
  const koConjugated = new Set<string>();
  for (const [word] of material.matchAll(HANGUL_RUN)) {
    if (word.length === 1) koSingles.add(word);
    const stem = stripEndings(word);
    if (stem.length === 1) koSingles.add(stem);
    for (let start = 0; start < word.length - 1; start += 1) {
      for (let end = start + 2; end <= word.length; end += 1) {
        koPieces.add(word.slice(start, end));
        koConjugated.add(conjugationKey(word.slice(start, end)));
      }
    }
  }
  const enWords = new Set<string>();
  for (const [word] of material.toLowerCase().matchAll(LATIN_RUN)) enWords.add(word);
  const enStems = new Set([...enWords].map(stemEnglish));
  return { language, koPieces, koSingles, koConjugated, enWords, enStems };
}

function isKnownKoStem(stem: string, vocabulary: Vocabulary): boolean {
  const neutral = vocabulary.language === 'ko' ? KO_NEUTRAL : NONE;
  if (neutral.has(stem)) return true;
  if (stem.length === 1) return vocabulary.koSingles.has(stem);
  if (vocabulary.koPieces.has(stem) || vocabulary.koConjugated.has(conjugationKey(stem))) return true;
  // A compound of two known parts: 재공고 + 입찰, 시행 + 일.
  const isKnown = (part: string) =>
    neutral.has(part) || (part.length > 1 ? vocabulary.koPieces.has(part) : vocabulary.koSingles.has(part));
  for (let split = 2; split <= stem.length - 1; split += 1) {
    if (isKnown(stem.slice(0, split)) && isKnown(stem.slice(split))) return true;
  }
  return false;
}

function isKnownKoWord(word: string, vocabulary: Vocabulary): boolean {
  for (let cut = word.length; cut >= 1; cut -= 1) {
    if (cut < word.length && !KO_ENDING_SYLLABLES.has(word.charAt(cut))) return false;
    if (isKnownKoStem(word.slice(0, cut), vocabulary)) return true;
  }
  return isEndingRun(word);
}

function isKnownEnWord(word: string, vocabulary: Vocabulary): boolean {
  if (word.length === 1 || vocabulary.enWords.has(word)) return true;
  if (vocabulary.language === 'en' && EN_NEUTRAL_WORDS_SET.has(word)) return true;
  const stem = stemEnglish(word);
  return (vocabulary.language === 'en' && EN_NEUTRAL.has(stem)) || vocabulary.enStems.has(stem);
}

/** The first word of the rewording that is neither the answer's nor neutral, or null. */
export function findNewWord(candidatePrepared: string, vocabulary: Vocabulary): string | null {
  for (const [word] of candidatePrepared.matchAll(HANGUL_RUN)) {
    if (!isKnownKoWord(word, vocabulary)) return word;
  }
  for (const [word] of candidatePrepared.toLowerCase().matchAll(LATIN_RUN)) {
    if (!isKnownEnWord(word, vocabulary)) return word;
  }
  return null;
}
