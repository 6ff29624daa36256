/** Percentages and amounts of money, in digits, Korean numerals and English words. */
import {
  canonicalNumber,
  EN_COUNTER_AFTER,
  EN_SCALE,
  englishWordsValue,
  formatDecimal,
  KO_COUNTER_AFTER,
  koreanNumeralValue,
  koreanRunValue,
  NOT_WON,
  NUM,
  WORD_NUMBER,
  wordNumber,
} from '../numbers.js';
import { amountToken, numberToken, vagueToken } from '../tokens.js';
import type { Extractor } from './types.js';

export const AMOUNT_EXTRACTORS: readonly Extractor[] = [
  // Percentages.
  {
    pattern: new RegExp(
      String.raw`(?<![\d.,])(${NUM})\s*(?:%\s*p\b|%\s*포인트|퍼센트\s*포인트|percentage\s+points?\b)`,
      'giu',
    ),
    hint: /%|포인트|percentage/iu,
    build: (m) => ({
      kind: 'percent_point',
      canonical: `percent_point:${canonicalNumber(m[1] ?? '0')}`,
      raw: m[0],
    }),
  },
  {
    pattern: new RegExp(
      String.raw`(?<![\d.,])(${NUM})\s*(?:%|퍼센트|프로(?![그젝세])|percent\b|per\s*cent\b|pct\b)`,
      'giu',
    ),
    hint: /%|퍼센트|프로|percent|per\s*cent|pct/iu,
    build: (m) => ({ kind: 'percent', canonical: `percent:${canonicalNumber(m[1] ?? '0')}`, raw: m[0] }),
  },
  {
    pattern: new RegExp(
      String.raw`\b(${WORD_NUMBER}|a\s+hundred|one\s+hundred)\s+(?:percent|per\s*cent)\b`,
      'giu',
    ),
    hint: /percent|per\s*cent/iu,
    build: (m) => {
      const words = (m[1] ?? '').toLowerCase();
      const value = /hundred/u.test(words) ? 100 : wordNumber(words);
      return value === null ? null : { kind: 'percent', canonical: `percent:${value}`, raw: m[0] };
    },
  },
  // Korean amounts and scaled numbers: 645억원, 6조 4,500억 원, 1억 2천만 원, 5,000만원, 3천 명.
  {
    pattern: new RegExp(
      String.raw`(?<![\d.,])((?:${NUM}\s*[십백천]?\s*[만억조]\s*)*${NUM}\s*[십백천]?\s*[만억조]?)(\s*원${NOT_WON})?`,
      'gu',
    ),
    build: (m, rest) => {
      const run = koreanRunValue(m[1] ?? '');
      const value = formatDecimal(run.value);
      if (m[2] !== undefined) return amountToken(m[0], value);
      if (run.hasScale)
        return KO_COUNTER_AFTER.test(rest) ? numberToken(m[0], value) : amountToken(m[0], value);
      return run.hasSmall ? numberToken(m[0], value) : null;
    },
  },
  // English amounts: KRW 64.5 billion, ₩64.5bn, 64.5 billion won, 50 million KRW, 64.5 billion.
  {
    pattern: new RegExp(
      String.raw`(?:\bKRW|₩)\s*(${NUM})(?:\s*(trillion|billion|million|thousand|tn|bn|mn|k|m|b)\b)?`,
      'giu',
    ),
    hint: /krw|₩/iu,
    build: (m) => amountToken(m[0], canonicalNumber(m[1] ?? '0', EN_SCALE[(m[2] ?? '').toLowerCase()] ?? 0)),
  },
  {
    pattern: new RegExp(
      String.raw`(?<![\d.,])(${NUM})\s*(?:(trillion|billion|million|thousand|tn|bn|mn)\s*)?(?:(?:South\s+)?Korean\s+)?(?:won|KRW)\b`,
      'giu',
    ),
    hint: /won|krw/iu,
    build: (m) => amountToken(m[0], canonicalNumber(m[1] ?? '0', EN_SCALE[(m[2] ?? '').toLowerCase()] ?? 0)),
  },
  {
    pattern: new RegExp(String.raw`(?<![\d.,])(${NUM})\s*(trillion|billion|million|thousand|bn|tn)\b`, 'giu'),
    hint: /illion|thousand|bn|tn/iu,
    build: (m, rest) => {
      const value = canonicalNumber(m[1] ?? '0', EN_SCALE[(m[2] ?? '').toLowerCase()] ?? 0);
      return EN_COUNTER_AFTER.test(rest) ? numberToken(m[0], value) : amountToken(m[0], value);
    },
  },
  // Amounts in Korean numerals (천억, 육백사십오억 원) and English words (one hundred billion won).
  {
    pattern:
      /(?<!\p{Script=Hangul})([일이삼사오육칠팔구십백천수몇]+)\s*(?:(억)|(조)(?=\s*(?:원|[일이삼사오육칠팔구십백천\d,]+\s*억))|(만)(?=\s*원))(?:\s*원)?/gu,
    hint: /[억조만]/u,
    build: (m) => {
      const value = koreanNumeralValue(m[1] ?? '');
      if (value === null) return vagueToken('amount', m[0]);
      const power = m[2] === undefined ? (m[3] === undefined ? 4 : 12) : 8;
      return amountToken(m[0], canonicalNumber(String(value), power));
    },
  },
  {
    pattern: new RegExp(
      String.raw`\b((?:(?:${WORD_NUMBER}|one|a)\s+)?hundred(?:\s+(?:and\s+)?${WORD_NUMBER})?|${WORD_NUMBER}|one|a)\s+(trillion|billion|million)\b(?:\s+(?:(?:South\s+)?Korean\s+)?(?:won|KRW)\b)?`,
      'giu',
    ),
    hint: /illion/iu,
    build: (m) => {
      const value = englishWordsValue(m[1] ?? '');
      const power = EN_SCALE[(m[2] ?? '').toLowerCase()] ?? 0;
      return value === null
        ? vagueToken('amount', m[0])
        : amountToken(m[0], canonicalNumber(String(value), power));
    },
  },
  // A scale word left over ("billions", "수백억") still claims an amount.
  {
    pattern: /\b(?:trillions?|billions?|millions?)\b|(?<!\p{Script=Hangul})[수몇]\s*[십백천]*\s*[억조]/giu,
    hint: /illion|[수몇]/iu,
    build: (m) => vagueToken('amount', m[0]),
  },
];
