import { asPlainRequest } from '../text.js';
/**
 * Number words to digits, so the extractors that read "90억", "60%" or "1번" also read "구십억",
 * "육십퍼센트", "한 번" and "sixty percent". A number word is rewritten only where a unit or
 * counter says it is a number (원, 억, 퍼센트, 년, 번, percent, billion ...): 이번, 일부, 사업,
 * 만약, 조건 and the like stay as they are.
 */

import { rewriteEnglishNumbers } from './englishNumerals.js';

const SINO_DIGITS: Readonly<Record<string, number>> = {
  일: 1,
  이: 2,
  삼: 3,
  사: 4,
  오: 5,
  육: 6,
  륙: 6,
  칠: 7,
  팔: 8,
  구: 9,
};
const SINO_SMALL: Readonly<Record<string, number>> = { 십: 10, 백: 100, 천: 1000 };
const SINO_BIG: Readonly<Record<string, number>> = { 만: 1e4, 억: 1e8, 조: 1e12 };
const SINO_DIGIT_CHARS = Object.keys(SINO_DIGITS).join('');
const SINO_START = new RegExp(`[${SINO_DIGIT_CHARS}십백천]`, 'u');
const HANGUL = /[\uac00-\ud7a3]/u;

/**
 * Words whose last syllable is also a numeral (회사, 검사, 연구 ...). Written straight before a
 * number ("회사십억"), the number starts after the word, not inside it.
 */
const WORDS_ENDING_IN_NUMERALS: ReadonlySet<string> = new Set([
  '회사',
  '이사',
  '감사',
  '검사',
  '조사',
  '공사',
  '기사',
  '의사',
  '사이',
  '차이',
  '나이',
  '교육',
  '체육',
  '연구',
  '요구',
  '친구',
  '도구',
  '기구',
  '내일',
  '매일',
  '동일',
  '유일',
  '통일',
]);

/** "수십억", "몇천억": a vague quantity, not a number. */
const VAGUE_PREFIXES = new Set(['수', '몇']);

/** Phrases that start like a number but are not one. */
const NOT_NUMBERS = /^(?:천만에|천만다행|십분|백분율)/u;

/** What may follow a number directly: particles and the words that qualify an amount. */
const PARTICLE =
  /^(?:이상|이하|미만|초과|넘|정도|쯤|가량|짜리|규모|상당|어치|대|인|이|가|은|는|을|를|의|에|도|만|과|와|으로|로|까지|부터|씩|선|여)/u;
/** What may follow a bare "일조", "이만", "삼억" after a space: amount words, not "이만 가볼게". */
const AMOUNT_WORD_AFTER_SPACE =
  /^\s(?:원|이상|이하|미만|초과|넘|정도|쯤|가량|짜리|규모|사업|과업|매출|대기업|기업|회사|업체|프로젝트)/u;

/** Words an amount follows: "매출 일조", "사업비 이억". */
const AMOUNT_WORD_BEFORE = /(?:매출\s*액?|금액|예산|사업비|가격|규모)\s*(?:은|는|이|가|:)?\s*$/u;

/** A Sino-Korean number read from text: 만/억/조 groups and a remainder below 만. */
interface SinoNumber {
  readonly groups: readonly { value: number; unit: string }[];
  readonly rest: number;
  /** Whether it has a 십, 백 or 천 (a bare digit "구" or "일" is too often a word). */
  readonly hasSmallUnit: boolean;
  readonly syllables: number;
}

/**
 * Parses a run of Sino-Korean numerals ("육십사억오천만", "이천이십이", "백"), or null when the run
 * is not one well-formed number ("이삼", "천천").
 */
function parseSino(run: string): SinoNumber | null {
  const groups: { value: number; unit: string }[] = [];
  let group = 0;
  let digit: number | null = null;
  let lastSmall = Infinity;
  let lastBig = Infinity;
  let hasSmallUnit = false;
  let syllables = 0;
  for (const ch of run) {
    if (ch === ' ') continue;
    syllables++;
    const d = SINO_DIGITS[ch];
    const small = SINO_SMALL[ch];
    const big = SINO_BIG[ch];
    if (d !== undefined) {
      if (digit !== null) return null;
      digit = d;
    } else if (small !== undefined) {
      if (small >= lastSmall) return null;
      group += (digit ?? 1) * small;
      digit = null;
      lastSmall = small;
      hasSmallUnit = true;
    } else if (big !== undefined) {
      if (big >= lastBig) return null;
      const value = group + (digit ?? 0);
      groups.push({ value: value === 0 ? 1 : value, unit: ch });
      group = 0;
      digit = null;
      lastSmall = Infinity;
      lastBig = big;
    } else {
      return null;
    }
  }
  return { groups, rest: group + (digit ?? 0), hasSmallUnit, syllables };
}

function sinoValue(n: SinoNumber): number {
  return n.groups.reduce((sum, g) => sum + g.value * SINO_BIG[g.unit]!, 0) + n.rest;
}

/** "64억5000만", "2022": the digits the amount and date readers expect. */
function formatSino(n: SinoNumber): string {
  return n.groups.map((g) => `${g.value}${g.unit}`).join('') + (n.rest > 0 ? String(n.rest) : '');
}

/**
 * Units after a plain number (no 만/억/조 at its end) that make it a number. Each says whether a
 * space may stand between, and which values it takes.
 */
const PLAIN_UNITS: readonly { pattern: RegExp; accepts: (n: SinoNumber, spaced: boolean) => boolean }[] = [
  // 원 after a bare digit is a word (사원, 구원, 일원화); after 십/백/천 it is won.
  { pattern: /^원(?![래인칙격본청천도형가])/u, accepts: (n) => n.hasSmallUnit || n.groups.length > 0 },
  {
    pattern: /^(?:퍼센트|%|프로(?![그젝세필모듀토바스야포]))/u,
    accepts: (n, spaced) => !spaced || n.syllables > 1,
  },
  { pattern: /^년/u, accepts: (n, spaced) => !spaced || n.syllables > 1 },
  { pattern: /^개월/u, accepts: () => true },
  { pattern: /^분기/u, accepts: (n, spaced) => !spaced && sinoValue(n) <= 4 },
  { pattern: /^단계/u, accepts: (n, spaced) => !spaced && sinoValue(n) <= 9 },
];

/**
 * Whether the number `n`, written as `run`, stands as a number before `after` (the text that
 * follows it). `glued`: a Hangul syllable stands straight before it ("매출일조원");
 * `afterAmountWord`: it follows 매출, 금액, 예산 ... ("매출 일조,").
 */
function standsAsNumber(
  n: SinoNumber,
  run: string,
  after: string,
  context: { glued: boolean; afterAmountWord: boolean },
): boolean {
  if (NOT_NUMBERS.test(run + after) || sinoValue(n) === 0) return false;
  if (n.rest === 0 && n.groups.length > 0) {
    // Ends in 만, 억 or 조. A lone 만/억/조 is a word; 구십억, 칠천억 (3+ syllables) are nothing
    // but numbers; 일조, 이만, 삼억 need an amount after them (일조원, 이만 원, 삼억 사업).
    if (n.syllables < 2) return false;
    const strong = n.syllables >= 3;
    if (after.startsWith('원')) return true;
    if (context.glued && !strong) return false;
    // "오늘은 이만" ends a sentence; "구십억." and "매출 일조," are amounts.
    if (after === '' || !/^[\s\uac00-\ud7a3]/u.test(after)) return strong || context.afterAmountWord;
    if (after.startsWith(' ')) return strong || AMOUNT_WORD_AFTER_SPACE.test(after);
    return PARTICLE.test(after);
  }
  for (const spaced of [false, true]) {
    if (spaced && !after.startsWith(' ')) continue;
    const rest = spaced ? after.slice(1) : after;
    const unit = PLAIN_UNITS.find((u) => u.pattern.test(rest));
    if (unit === undefined || !unit.accepts(n, spaced)) continue;
    if (context.glued && n.syllables < 3 && !/^(?:원|퍼센트|%|프로)/u.test(rest)) continue;
    return true;
  }
  return false;
}

const isSinoChar = (ch: string | undefined) =>
  ch !== undefined && (ch in SINO_DIGITS || ch in SINO_SMALL || ch in SINO_BIG);
const isDigitOrSmall = (ch: string | undefined) =>
  ch !== undefined && (ch in SINO_DIGITS || ch in SINO_SMALL);

/** The longest run of numeral syllables at `start`: one space is allowed only after 만, 억 or 조. */
function numeralRun(text: string, start: number): string {
  let end = start;
  while (end < text.length) {
    const ch = text[end]!;
    const spaceAfterBig = ch === ' ' && text[end - 1]! in SINO_BIG && isDigitOrSmall(text[end + 1]);
    if (!isSinoChar(ch) && !(end > start && spaceAfterBig)) break;
    end++;
  }
  return text.slice(start, end);
}

/** Whether a number may start at `i`: not inside another number or a word that ends in a numeral. */
function mayStartAt(text: string, i: number): boolean {
  const ch = text[i]!;
  if (!SINO_START.test(ch)) return false;
  const before = text[i - 1];
  if (before === undefined) return true;
  if (isDigitOrSmall(before)) return WORDS_ENDING_IN_NUMERALS.has(text.slice(i - 2, i));
  if (/\d/u.test(before) || VAGUE_PREFIXES.has(before)) return false;
  return !WORDS_ENDING_IN_NUMERALS.has(before + ch);
}

/** The digits for the number starting at `i`, and how many characters it replaces, or null. */
function sinoNumberAt(text: string, i: number): { digits: string; length: number } | null {
  const before = text[i - 1];
  const context = {
    glued: before !== undefined && HANGUL.test(before) && !(before in SINO_BIG),
    afterAmountWord: AMOUNT_WORD_BEFORE.test(text.slice(Math.max(0, i - 12), i)),
  };
  const run = numeralRun(text, i);
  // The whole run first, then shorter ones: "팔천억 일 때" is 팔천억 and then the word 일.
  for (let length = run.length; length > 0; length--) {
    const candidate = run.slice(0, length);
    if (candidate.endsWith(' ')) continue;
    const parsed = parseSino(candidate);
    if (parsed !== null && standsAsNumber(parsed, candidate, text.slice(i + length), context)) {
      return { digits: formatSino(parsed), length };
    }
  }
  return null;
}

function rewriteSinoNumbers(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const found = mayStartAt(text, i) ? sinoNumberAt(text, i) : null;
    if (found !== null) {
      out += found.digits;
      i += found.length;
    } else {
      out += text[i]!;
      i++;
    }
  }
  return out;
}

/** A Sino-Korean number in the range, or null ("십일" → 11). */
function smallSino(word: string, max: number): number | null {
  const parsed = parseSino(word);
  if (parsed === null || parsed.groups.length > 0) return null;
  const value = parsed.rest;
  return value >= 1 && value <= max ? value : null;
}

const SINO_WORD = `[${SINO_DIGIT_CHARS}십백]{1,4}`;
const MONTH_WORDS: Readonly<Record<string, number>> = { 유: 6, 시: 10 };
const MONTH_WORD = `(?:십일|십이|[${SINO_DIGIT_CHARS}십유시])`;
/** A year, or a year word, before a month: "2021년 오월", "작년 유월". 이월 alone is "carried over". */
const YEAR_BEFORE_MONTH = '(?:\\d{2,4}\\s*년|작년|올해|금년|내년|재작년|지난\\s?해|다음\\s?해)';
const AFTER_DAY = '(?=$|[^\\uac00-\\ud7a3]|[에은는이도부까자의날])';

const monthNumber = (word: string) => MONTH_WORDS[word] ?? smallSino(word, 12);

/** 이천이십일년 오월 십일 → 2021년 5월 10일: months after a year, days after a month. */
function rewriteSinoDates(text: string): string {
  return text
    .replace(
      new RegExp(`(${YEAR_BEFORE_MONTH}\\s*)(${MONTH_WORD})월`, 'gu'),
      (whole, year: string, m: string) => {
        const value = monthNumber(m);
        return value === null ? whole : `${year}${value}월`;
      },
    )
    .replace(
      new RegExp(`(?<![\\uac00-\\ud7a3])(${MONTH_WORD})월(\\s*)(${SINO_WORD})일${AFTER_DAY}`, 'gu'),
      (whole, m: string, space: string, d: string) => {
        const month = monthNumber(m);
        const day = smallSino(d, 31);
        return month === null || day === null ? whole : `${month}월${space}${day}일`;
      },
    )
    .replace(
      new RegExp(`(\\d{1,2}\\s*월\\s*)(${SINO_WORD})일${AFTER_DAY}`, 'gu'),
      (whole, month: string, d: string) => {
        const day = smallSino(d, 31);
        return day === null ? whole : `${month}${day}일`;
      },
    );
}

const FRACTION_PART = `(\\d{1,3}|[${SINO_DIGIT_CHARS}십백]{1,3})`;
const FRACTION = new RegExp(
  `(?<![\\uac00-\\ud7a3])${FRACTION_PART}(\\s*분의\\s*)${FRACTION_PART}(?=$|[^\\uac00-\\ud7a3]|${PARTICLE.source.slice(1)})`,
  'gu',
);

/** 삼분의 일 → 3분의 1, 삼분의일 → 3분의1. */
function rewriteSinoFractions(text: string): string {
  return text.replace(FRACTION, (whole, denominator: string, middle: string, numerator: string) => {
    const read = (part: string) => (/^\d+$/u.test(part) ? Number(part) : smallSino(part, 999));
    const d = read(denominator);
    const n = read(numerator);
    return d === null || n === null ? whole : `${d}${middle}${n}`;
  });
}

/** Native Korean number words 한…열 (also the counted forms 두 번째, 세 곳). */
export const NATIVE_NUMBERS: Readonly<Record<string, number>> = {
  한: 1,
  두: 2,
  세: 3,
  네: 4,
  다섯: 5,
  여섯: 6,
  일곱: 7,
  여덟: 8,
  아홉: 9,
  열: 10,
};
/** What may follow a counted "번", "곳" ...: particles, not the rest of a word (번호, 회사, 달러). */
const AFTER_COUNTER =
  '(?=$|[^\\uac00-\\ud7a3]|째|도|만|의|에|이|을|를|은|는|씩|정도|밖에|뿐|까지|후|뒤|전|동안|간|가|로|으로|면|나|유찰|차|짜리|이상|이하|쯤|안|내|사|더)';
const NATIVE_COUNT = new RegExp(
  `(?<![\\uac00-\\ud7a3])(다섯|여섯|일곱|여덟|아홉|한|두|세|네|열)\\s?(번|회|차례|개월|개|곳|군데|달)${AFTER_COUNTER}`,
  'gu',
);

/** 한 번 → 1번, 두 곳 → 2곳, 세 달 → 3달. "회의", "회사" after 한 are words, not counts. */
function rewriteNativeCounts(text: string): string {
  return text.replace(NATIVE_COUNT, (whole, word: string, counter: string, offset: number) => {
    const next = text[offset + whole.length];
    if (counter === '회' && (next === '의' || next === '사')) return whole;
    return `${NATIVE_NUMBERS[word]!}${counter}`;
  });
}

/** Decimal digits of any script (Arabic-Indic ٨٢, full-width ８２, Devanagari ...) as ASCII. */
function rewriteDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (ch) => {
    if (ch >= '0' && ch <= '9') return ch;
    // Unicode encodes decimal digits in contiguous runs 0..9; a digit's value is its distance
    // from the start of its block, modulo 10 (some blocks hold several runs back to back).
    let start = ch.codePointAt(0)!;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
    return String((ch.codePointAt(0)! - start) % 10);
  });
}

/**
 * Rewrites number words and non-ASCII digits into ASCII digits, so the readers of amounts,
 * shares, counts and dates see one form:
 * - Sino-Korean numbers with a unit: 일조원 → 1조원, 육십사억오천만 → 64억5000만,
 *   이천이십이년 → 2022년, 육십 프로 → 60프로, 백퍼센트 → 100퍼센트, 삼분의 일 → 3분의 1;
 *   months and days after a year or month: 2021년 오월 십일 → 2021년 5월 10일;
 * - native counts: 한 번 → 1번, 두 곳 → 2곳, 세 달 → 3달;
 * - English number words with a scale or unit: nine billion → 9 billion, sixty percent → 60 percent;
 * - any Unicode decimal digit: ８２억 → 82억, ٨٢ → 82.
 *
 * Ordinary words that contain numeral syllables (이번, 일부, 사업, 만약, 조건, 이월, 천천히) and
 * number words without a unit ("one bidder", "twice", "one third") are left as they are.
 * Idempotent: running it on its own output changes nothing.
 */
export function normalizeNumerals(text: string): string {
  return rewriteSinoDates(
    rewriteSinoNumbers(rewriteSinoFractions(rewriteNativeCounts(rewriteEnglishNumbers(rewriteDigits(text))))),
  );
}

const SINO_WITH_UNIT = /[일이삼사오육칠팔구십백천][십백천만억조]/u;

/**
 * Sino-Korean numbers with a unit as digits and nothing else (육백사십오억 → 645억), so the phrase
 * index finds "645억" however it was typed; native counts ("한 번") stay, as phrases spell them.
 */
export function sinoAmountsAsDigits(text: string): string {
  // A numeral followed by a multiplier or unit (육백, 구십, 일조, 삼억); most questions have none.
  return SINO_WITH_UNIT.test(text) ? rewriteSinoNumbers(text) : text;
}

/** The text the input readers expect: NFKC, lower case, number words as digits. */
export function prepareForReading(raw: string): string {
  return normalizeNumerals(asPlainRequest(raw.normalize('NFKC').toLowerCase()));
}
