/** Number reading for the fact extractors: exact decimals, month names, and number words in Korean and English. */

import { EN_SMALL, EN_TENS } from '../../core/reading/englishNumerals.js';

export const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;

const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
export const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`;

/** English number words zero…ninety, as the engine reads them. */
const WORD_NUMBERS: Readonly<Record<string, number>> = { ...EN_SMALL, ...EN_TENS };
export const UNIT_WORD = String.raw`(?:one|two|three|four|five|six|seven|eight|nine)`;
export const TEEN_WORD = String.raw`(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`;
export const TENS_WORD = String.raw`(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)`;
export const WORD_NUMBER = String.raw`(?:${TENS_WORD}(?:[\s-]${UNIT_WORD})?|${TEEN_WORD}|${UNIT_WORD}|zero)`;

const KO_SMALL_MULTIPLIER: Readonly<Record<string, number>> = { 십: 1, 백: 2, 천: 3 };
const KO_SCALE: Readonly<Record<string, number>> = { 만: 4, 억: 8, 조: 12 };
export const EN_SCALE: Readonly<Record<string, number>> = {
  thousand: 3,
  k: 3,
  million: 6,
  mn: 6,
  m: 6,
  billion: 9,
  bn: 9,
  b: 9,
  trillion: 12,
  tn: 12,
};

/** Syllables after 원 that make it part of another word (원칙, 원래, 원인 ...), not the currency. */
export const NOT_WON = '(?![칙래인문장본활격리천작자고가형료])';
export const KO_COUNTER_AFTER = /^\s*(?:명|개|건|회|곳|가구|개소|대|부|종|장|권|배)/u;
export const EN_COUNTER_AFTER =
  /^\s+(?:people|persons|users|citizens|residents|projects|cases|items|households|units|times|visits|documents|records|applications|services)\b/iu;

/** A number in decimal: value = n / 10^s. */
export interface Decimal {
  n: bigint;
  s: number;
}

function parseDecimal(raw: string): Decimal {
  const [whole = '0', fraction = ''] = raw.replaceAll(',', '').split('.');
  return { n: BigInt(whole + fraction), s: fraction.length };
}

function shiftDecimal(value: Decimal, power: number): Decimal {
  return power >= value.s
    ? { n: value.n * 10n ** BigInt(power - value.s), s: 0 }
    : { n: value.n, s: value.s - power };
}

function addDecimals(a: Decimal, b: Decimal): Decimal {
  const s = Math.max(a.s, b.s);
  return { n: a.n * 10n ** BigInt(s - a.s) + b.n * 10n ** BigInt(s - b.s), s };
}

export function formatDecimal(value: Decimal): string {
  const digits = value.n.toString().padStart(value.s + 1, '0');
  if (value.s === 0) return digits;
  const whole = digits.slice(0, digits.length - value.s);
  const fraction = digits.slice(digits.length - value.s).replace(/0+$/u, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/** Canonical decimal string of a written number ("1,000.50" → "1000.5") times 10^power. */
export function canonicalNumber(raw: string, power = 0): string {
  return formatDecimal(shiftDecimal(parseDecimal(raw), power));
}

export function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

export function isYear(value: number): boolean {
  return value >= 1900 && value <= 2099;
}

export function isMonth(value: number): boolean {
  return value >= 1 && value <= 12;
}

export function isDay(value: number): boolean {
  return value >= 1 && value <= 31;
}

export function monthOf(name: string): number {
  return MONTH_NUMBERS[name.toLowerCase().replace(/\.$/u, '')] ?? 0;
}

export function wordNumber(words: string): number | null {
  let total = 0;
  for (const word of words.toLowerCase().split(/[\s-]+/u)) {
    const value = WORD_NUMBERS[word];
    if (value === undefined) return null;
    total += value;
  }
  return total;
}

export function toInt(raw: string | undefined): number {
  return raw === undefined ? Number.NaN : Number.parseInt(raw, 10);
}

const KOREAN_GROUP = new RegExp(String.raw`(${NUM})\s*([십백천])?\s*([만억조])?`, 'gu');

export function koreanRunValue(run: string): { value: Decimal; hasScale: boolean; hasSmall: boolean } {
  let value: Decimal = { n: 0n, s: 0 };
  let hasScale = false;
  let hasSmall = false;
  for (const match of run.matchAll(KOREAN_GROUP)) {
    const small = match[2] === undefined ? 0 : (KO_SMALL_MULTIPLIER[match[2]] ?? 0);
    const scale = match[3] === undefined ? 0 : (KO_SCALE[match[3]] ?? 0);
    hasSmall ||= match[2] !== undefined;
    hasScale ||= match[3] !== undefined;
    value = addDecimals(value, shiftDecimal(parseDecimal(match[1] ?? '0'), small + scale));
  }
  return { value, hasScale, hasSmall };
}

const KO_NUMERAL_DIGIT: Readonly<Record<string, number>> = {
  일: 1,
  이: 2,
  삼: 3,
  사: 4,
  오: 5,
  육: 6,
  칠: 7,
  팔: 8,
  구: 9,
};
const KO_NUMERAL_UNIT: Readonly<Record<string, number>> = { 십: 10, 백: 100, 천: 1000 };

/** Value of Sino-Korean numerals below 만 ("육백사십오" → 645); null for vague ones ("수백", "몇"). */
export function koreanNumeralValue(numerals: string): number | null {
  let total = 0;
  let pending = 0;
  for (const char of numerals) {
    const digit = KO_NUMERAL_DIGIT[char];
    const unit = KO_NUMERAL_UNIT[char];
    if (digit !== undefined) {
      pending = digit;
    } else if (unit !== undefined) {
      total += (pending === 0 ? 1 : pending) * unit;
      pending = 0;
    } else {
      return null;
    }
  }
  return total + pending;
}

/** Value of English number words below a thousand ("one hundred and five" → 105, "a" → 1). */
export function englishWordsValue(words: string): number | null {
  let total = 0;
  for (const word of words.toLowerCase().split(/[\s-]+/u)) {
    if (word === 'and') continue;
    if (word === 'a') {
      total += 1;
    } else if (word === 'hundred') {
      total = (total === 0 ? 1 : total) * 100;
    } else {
      const value = WORD_NUMBERS[word];
      if (value === undefined) return null;
      total += value;
    }
  }
  return total;
}
