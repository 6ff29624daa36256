import type { Language } from './types.js';

const HANGUL_SYLLABLE = /[\uac00-\ud7a3]/g;
const HANGUL_ANY = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

/** A question in the forms the matchers read. */
export interface NormalizedText {
  /** NFKC, lower case, Discord mentions removed, punctuation as spaces, single spaces. */
  readonly spaced: string;
  /** `spaced` without any space: spacing variants and attached particles don't matter here. */
  readonly compact: string;
  /** Space-separated tokens of `spaced`. */
  readonly tokens: readonly string[];
}

// Discord mention syntax and @everyone/@here carry no meaning for the engine, and must never be echoed.
const MENTIONS = /<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b/giu;

/** Already normal: lower-case letters, digits and Hangul in single-spaced words (most data phrases). */
const PLAIN = /^[a-z0-9\uac00-\ud7a3]+(?: [a-z0-9\uac00-\ud7a3]+)*$/;
const LATIN_THEN_HANGUL = /[a-z][\uac00-\ud7a3]/;
const ART_NUMBER = /\bart\s?(?=\d)/g;
const HAS_ART_NUMBER = /\bart\s?\d/;
const DIGIT_NEXT_TO_LETTER = /\d[a-z\uac00-\ud7a3]|[a-z]\s?\d/;
const LATIN_NUMBER_THEN_HANGUL = /(?<=[a-z]\s?\d+)(?=[\uac00-\ud7a3])/g;

/**
 * "알려주실 수 있을까요?", "could you tell me…": a polite request for information, not a question of
 * whether something is allowed; read as the plain request so "수 있" and "can" cue no verdict.
 */
const POLITE_REQUEST_KO =
  /(알려|말씀해|설명해|정리해|안내해|찾아|확인해|보여)\s*(?:주실|주시|줄|주|드릴)\s*수\s*(?:있|없)[\uac00-\ud7a3]*/gu;
const POLITE_REQUEST_EN =
  /\b(?:can|could|would)\s+you\s+(?:please\s+|pls\s+|kindly\s+)?(tell|show|list|give|explain|summari[sz]e|share|check|confirm|remind)\b/giu;

export function asPlainRequest(text: string): string {
  return text.replace(POLITE_REQUEST_KO, '$1 줘').replace(POLITE_REQUEST_EN, '$1');
}

/** A hyphen that joins words or stands alone (not one inside a number range such as "2019-2021"). */
const HYPHEN_BETWEEN_WORDS = /(?<=\p{L})-(?=\p{L})|(?<![\p{L}\p{N}])-|-(?![\p{L}\p{N}])/gu;

export function normalizeText(raw: string): NormalizedText {
  // The index normalises thousands of data phrases at start-up; most need no change.
  if (PLAIN.test(raw) && !LATIN_THEN_HANGUL.test(raw) && !HAS_ART_NUMBER.test(raw))
    return { spaced: raw, compact: raw.replace(/ /g, ''), tokens: raw.split(' ') };
  let spaced = raw
    .normalize('NFKC')
    .toLowerCase()
    // "bidder가", "gov24에서": a Korean particle on a Latin word is a word of its own.
    .replace(/(?<=[a-z])(?=[\uac00-\ud7a3])/g, ' ')
    .replace(MENTIONS, ' ')
    .replace(/[‘’`´]/g, "'")
    .replace(/(\p{L})'(\p{L})/gu, '$1$2')
    .replace(/[^\p{L}\p{N}%.,:/\s-]/gu, ' ')
    // Keep a dot, comma, colon or slash only between digits (1,000 / 2.5 / 14:00).
    .replace(/[.,:/](?!\d)|(?<!\d)[.,:/]/g, ' ');
  // Hyphens join words ("large-company", "e-certificate"): read them as spaces.
  if (spaced.includes('-')) spaced = spaced.replace(HYPHEN_BETWEEN_WORDS, ' ');
  spaced = spaced.replace(/\s+/g, ' ').trim();
  if (DIGIT_NEXT_TO_LETTER.test(spaced)) spaced = splitNumbers(spaced);
  const compact = spaced.replace(/[\s-]/g, '');
  return { spaced, compact, tokens: spaced === '' ? [] : spaced.split(' ') };
}

/**
 * "5day notice" (a number and its unit), "Article 54는" (a number after a Latin word keeps its
 * particle apart) and "art. 38" (the article).
 */
function splitNumbers(spaced: string): string {
  return spaced
    .replace(/(?<=\d)(?=(?:days?|months?|years?)\b)/g, ' ')
    .replace(LATIN_NUMBER_THEN_HANGUL, ' ')
    .replace(ART_NUMBER, 'article ');
}

/** A phrase in the question: Hangul anywhere in the spaceless text, Latin as whole words. */
export function hasPhrase(norm: NormalizedText, phrase: string): boolean {
  // "can't" as the question reads after normalizeText ("cant").
  const lowered = phrase.toLowerCase().replace(/(\p{L})['’](\p{L})/gu, '$1$2');
  if (/[\uac00-\ud7a3]/u.test(lowered)) return norm.compact.includes(lowered.replace(/\s+/g, ''));
  return ` ${norm.spaced} `.includes(` ${lowered} `);
}

/** Korean when Hangul makes up a fair share of the letters; English otherwise. */
export function detectLanguage(raw: string): Language {
  const hangul = raw.match(HANGUL_SYLLABLE)?.length ?? 0;
  if (hangul === 0) return HANGUL_ANY.test(raw) || !/\p{L}/u.test(raw) ? 'ko' : 'en';
  // A Korean sentence ends in a Korean predicate ("… budget 얼마야?"); an English one may end in a
  // Korean name ("what's the budget of 국민비서?") or hold one ("Which company is doing the
  // 건축행정시스템 work?"), so the words of each script count, not their letters.
  const words = raw.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  const hangulWords = words.filter((w) => HANGUL_WORD.test(w));
  const lastHangul = hangulWords.at(-1)?.replace(/[^\uac00-\ud7a3]/gu, '') ?? '';
  if (KOREAN_PREDICATE_END.test(lastHangul)) return 'ko';
  const latinWords = words.filter((w) => /[a-z]/iu.test(w) && !HANGUL_WORD.test(w)).length;
  return hangulWords.length * 2 >= latinWords ? 'ko' : 'en';
}

const HANGUL_WORD = /[\uac00-\ud7a3]/u;
/** How Korean questions and requests end (얼마야, 있어요, 됩니까, 알려줘, 뭐임), which names do not. */
const KOREAN_PREDICATE_END = /(?:[야요까니나냐어지죠다줘래임음네게가]|는지|을까|ㄹ까)$/u;

/** True when the text has at least one letter (any script). */
export function hasWords(raw: string): boolean {
  return /\p{L}/u.test(raw.replace(MENTIONS, ''));
}

/**
 * "ㅁㄴㅇㄹㅁㄴㅇㄹ", "/치ㅣ": Korean consonants and vowels typed on their own at least as often as
 * whole syllables, with no Latin letter or digit: not a question anyone can read.
 */
export function isJamoOnly(raw: string): boolean {
  const jamo = (raw.match(/[\u1100-\u11ff\u3131-\u318e]/gu) ?? []).length;
  const syllables = (raw.match(HANGUL_SYLLABLE) ?? []).length;
  return jamo > 0 && jamo >= syllables && !/[a-z0-9]/iu.test(raw);
}

export function isHangulPhrase(phrase: string): boolean {
  return HANGUL_ANY.test(phrase);
}

/** Length in code points, as users and Discord count it. */
export function countCharacters(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
