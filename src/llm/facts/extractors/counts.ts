/** Months alone, ordinals, number words and plain numbers: what is left after dates, articles and amounts. */
import {
  canonicalNumber,
  isMonth,
  isYear,
  monthOf,
  NUM,
  pad2,
  TEEN_WORD,
  TENS_WORD,
  toInt,
  UNIT_WORD,
  wordNumber,
} from '../numbers.js';
import { numberToken, vagueToken } from '../tokens.js';
import type { Extractor } from './types.js';

export const COUNT_EXTRACTORS: readonly Extractor[] = [
  // Months without a day or year: 6월, June (capitalised full names only: "may" is a verb).
  {
    pattern: /(?<![\d.,])(\d{1,2})\s*월/gu,
    hint: /월/u,
    build: (m) =>
      isMonth(toInt(m[1]))
        ? { kind: 'month_only', canonical: `month_only:${pad2(toInt(m[1]))}`, raw: m[0] }
        : null,
  },
  {
    pattern: /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/gu,
    build: (m) => ({ kind: 'month_only', canonical: `month_only:${pad2(monthOf(m[1] ?? ''))}`, raw: m[0] }),
  },
  // Plain numbers.
  {
    pattern: /(?<![\d.,])(\d+)(?:st|nd|rd|th)\b/giu,
    hint: /\d(?:st|nd|rd|th)/iu,
    build: (m) => numberToken(m[0], canonicalNumber(m[1] ?? '0')),
  },
  {
    pattern: /\b(twice|thrice)\b/giu,
    hint: /twice|thrice/iu,
    build: (m) => numberToken(m[0], (m[1] ?? '').toLowerCase() === 'twice' ? '2' : '3'),
  },
  {
    // "one" alone is left out: it is mostly a pronoun ("the one that ...").
    pattern: new RegExp(
      String.raw`\b(${TENS_WORD}(?:[\s-]${UNIT_WORD})?|${TEEN_WORD}|${UNIT_WORD}|zero)\b`,
      'giu',
    ),
    build: (m) => {
      if ((m[1] ?? '').toLowerCase() === 'one') return null;
      const value = wordNumber(m[1] ?? '');
      return value === null ? null : numberToken(m[0], String(value));
    },
  },
  {
    pattern: new RegExp(String.raw`(?<![\d.,])(${NUM})(?!\d)`, 'gu'),
    skipGlued: true,
    build: (m) => {
      const raw = m[1] ?? '';
      if (/^\d{4}$/u.test(raw) && isYear(toInt(raw)))
        return { kind: 'year', canonical: `year:${toInt(raw)}`, raw };
      return numberToken(raw, canonicalNumber(raw));
    },
  },
  // Digits of other scripts are never read as values, so they only match the same digits in the answer.
  {
    pattern: /(?:(?![0-9])\p{Nd})+/gu,
    hint: /[^ -~\s\uac00-\ud7a3]/u,
    build: (m) => vagueToken('number', m[0]),
  },
];
