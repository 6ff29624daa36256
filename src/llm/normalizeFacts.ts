/**
 * Fact tokens for the fact lock: finds amounts, percentages, dates, times, article numbers and plain numbers
 * in Korean or English text and gives each a canonical form, so "645억원" and "KRW 64.5 billion" compare equal
 * while "645 billion won" does not.
 */

/** What a fact token stands for. */
export type FactKind =
  | 'amount'
  | 'percent'
  | 'percent_point'
  | 'date'
  | 'month'
  | 'month_day'
  | 'month_only'
  | 'year'
  | 'time'
  | 'article'
  | 'number';

/**
 * A fact found in text. Canonical forms:
 * `amount:64500000000` (won), `percent:50`, `percent_point:3`, `date:2021-06-30`, `month:2021-06`,
 * `month_day:06-30`, `month_only:06`, `year:2021`, `time:14:00`, `article:27-2(3)[1]` (조의2, 항, 호; `?` stands
 * for an unstated article, as in a lone "제3항"), `number:11`.
 */
export interface FactToken {
  kind: FactKind;
  canonical: string;
  /** The text as written (after NFKC normalisation). */
  raw: string;
}

/** Options for {@link extractFacts}. */
export interface ExtractOptions {
  /** Phrases (such as project names) whose digits are part of a name, not facts; matched ignoring spaces and case. */
  maskPhrases?: readonly string[];
}

/** A verdict a text expresses. */
export type VerdictSignal = 'allowed' | 'not_allowed' | 'unknown';

/** Overall verdict of a text: `mixed` when it expresses more than one, `none` when it expresses none. */
export type VerdictClass = VerdictSignal | 'mixed' | 'none';

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;

/** Names whose digits are not facts even when no project name covers them. */
const KNOWN_IDENTIFIERS = [
  '코로나19',
  '코로나-19',
  'COVID-19',
  'COVID19',
  '정부24',
  'Gov24',
  'Government24',
  'Government 24',
] as const;

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
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)`;

const WORD_NUMBERS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const UNIT_WORD = String.raw`(?:one|two|three|four|five|six|seven|eight|nine)`;
const TEEN_WORD = String.raw`(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`;
const TENS_WORD = String.raw`(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)`;
const WORD_NUMBER = String.raw`(?:${TENS_WORD}(?:[\s-]${UNIT_WORD})?|${TEEN_WORD}|${UNIT_WORD}|zero)`;

const KO_SMALL_MULTIPLIER: Readonly<Record<string, number>> = { 십: 1, 백: 2, 천: 3 };
const KO_SCALE: Readonly<Record<string, number>> = { 만: 4, 억: 8, 조: 12 };
const EN_SCALE: Readonly<Record<string, number>> = {
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
const NOT_WON = '(?![칙래인문장본활격리천작자고가형료])';
const KO_COUNTER_AFTER = /^\s*(?:명|개|건|회|곳|가구|개소|대|부|종|장|권|배)/u;
const EN_COUNTER_AFTER =
  /^\s+(?:people|persons|users|citizens|residents|projects|cases|items|households|units|times|visits|documents|records|applications|services)\b/iu;

/** A number in decimal: value = n / 10^s. */
interface Decimal {
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

function formatDecimal(value: Decimal): string {
  const digits = value.n.toString().padStart(value.s + 1, '0');
  if (value.s === 0) return digits;
  const whole = digits.slice(0, digits.length - value.s);
  const fraction = digits.slice(digits.length - value.s).replace(/0+$/u, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/** Canonical decimal string of a written number ("1,000.50" → "1000.5") times 10^power. */
function canonicalNumber(raw: string, power = 0): string {
  return formatDecimal(shiftDecimal(parseDecimal(raw), power));
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function isYear(value: number): boolean {
  return value >= 1900 && value <= 2099;
}

function isMonth(value: number): boolean {
  return value >= 1 && value <= 12;
}

function isDay(value: number): boolean {
  return value >= 1 && value <= 31;
}

function monthOf(name: string): number {
  return MONTH_NUMBERS[name.toLowerCase().replace(/\.$/u, '')] ?? 0;
}

function wordNumber(words: string): number | null {
  let total = 0;
  for (const word of words.toLowerCase().split(/[\s-]+/u)) {
    const value = WORD_NUMBERS[word];
    if (value === undefined) return null;
    total += value;
  }
  return total;
}

function toInt(raw: string | undefined): number {
  return raw === undefined ? Number.NaN : Number.parseInt(raw, 10);
}

function dateToken(raw: string, year: number, month: number, day: number): FactToken | null {
  if (!isYear(year) || !isMonth(month) || !isDay(day)) return null;
  return { kind: 'date', canonical: `date:${year}-${pad2(month)}-${pad2(day)}`, raw };
}

function monthToken(raw: string, year: number, month: number): FactToken | null {
  if (!isYear(year) || !isMonth(month)) return null;
  return { kind: 'month', canonical: `month:${year}-${pad2(month)}`, raw };
}

function monthDayToken(raw: string, month: number, day: number): FactToken | null {
  if (!isMonth(month) || !isDay(day)) return null;
  return { kind: 'month_day', canonical: `month_day:${pad2(month)}-${pad2(day)}`, raw };
}

function timeToken(raw: string, hour: number, minute: number): FactToken | null {
  if (hour < 0 || hour > 24 || minute < 0 || minute > 59) return null;
  return { kind: 'time', canonical: `time:${pad2(hour)}:${pad2(minute)}`, raw };
}

function articleToken(
  raw: string,
  article: string | undefined,
  sub: string | undefined,
  paragraph: string | undefined,
  item: string | undefined,
): FactToken {
  const head = article === undefined ? '?' : `${toInt(article)}${sub === undefined ? '' : `-${toInt(sub)}`}`;
  const para = paragraph === undefined ? '' : `(${toInt(paragraph)})`;
  const tail = item === undefined ? '' : `[${toInt(item)}]`;
  return { kind: 'article', canonical: `article:${head}${para}${tail}`, raw };
}

function numberToken(raw: string, value: string): FactToken {
  return { kind: 'number', canonical: `number:${value}`, raw };
}

function amountToken(raw: string, value: string): FactToken {
  return { kind: 'amount', canonical: `amount:${value}`, raw };
}

function to12h(period: string | undefined, hour: number): number {
  if (period === undefined) return hour;
  const afternoon = /^(?:오후|저녁|밤|p)$/iu.test(period);
  if (afternoon) return hour < 12 ? hour + 12 : hour;
  if (/^(?:오전|새벽|아침|a)$/iu.test(period)) return hour === 12 ? 0 : hour;
  // 낮 (daytime): 1–6 o'clock means the afternoon.
  return hour >= 1 && hour <= 6 ? hour + 12 : hour;
}

const KOREAN_GROUP = new RegExp(String.raw`(${NUM})\s*([십백천])?\s*([만억조])?`, 'gu');

function koreanRunValue(run: string): { value: Decimal; hasScale: boolean; hasSmall: boolean } {
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
function koreanNumeralValue(numerals: string): number | null {
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
function englishWordsValue(words: string): number | null {
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

/** A fact whose value cannot be read: it only matches the same words in the decided answer. */
function vagueToken(kind: 'amount' | 'number', raw: string): FactToken {
  return { kind, canonical: `${kind}:~${compactText(raw)}`, raw };
}

/** Returns the tokens a match stands for, or null to leave the match for later extractors. */
type Build = (match: RegExpExecArray, rest: string) => FactToken[] | FactToken | null;

interface Extractor {
  pattern: RegExp;
  build: Build;
  /** Skip matches glued to a Latin word ("B2B", "COVID-19"): they are names, not numbers. */
  skipGlued?: true;
  /** Part of every match, found much faster than the pattern: a text without it is skipped. */
  hint?: RegExp;
}

const EXTRACTORS: readonly Extractor[] = [
  // Dates, most specific first.
  {
    pattern: /(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/gu,
    build: (m) => dateToken(m[0], toInt(m[1]), toInt(m[2]), toInt(m[3])),
  },
  {
    pattern: /(?<![\d.])(\d{4})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)(?:\s*\.(?!\d))?/gu,
    build: (m) => dateToken(m[0], toInt(m[1]), toInt(m[3]), toInt(m[4])),
  },
  {
    pattern: new RegExp(String.raw`\b${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'gu'),
    build: (m) => dateToken(m[0], toInt(m[3]), monthOf(m[1] ?? ''), toInt(m[2])),
  },
  {
    pattern: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\.?,?\s+(\d{4})\b`, 'gu'),
    build: (m) => dateToken(m[0], toInt(m[3]), monthOf(m[2] ?? ''), toInt(m[1])),
  },
  {
    pattern: /(\d{4})\s*년\s*(\d{1,2})\s*월/gu,
    build: (m) => monthToken(m[0], toInt(m[1]), toInt(m[2])),
  },
  {
    pattern: new RegExp(String.raw`\b${MONTH}\.?,?\s+(?:of\s+)?(\d{4})\b`, 'gu'),
    build: (m) => monthToken(m[0], toInt(m[2]), monthOf(m[1] ?? '')),
  },
  {
    pattern: /(?<![\d.])(\d{4})\s*([-./])\s*(\d{1,2})(?!\d)(?:\s*\.(?!\d))?/gu,
    build: (m) => monthToken(m[0], toInt(m[1]), toInt(m[3])),
  },
  {
    pattern: /(?<![\d.])(\d{1,2})\s*월\s*(\d{1,2})\s*일/gu,
    build: (m) => monthDayToken(m[0], toInt(m[1]), toInt(m[2])),
  },
  {
    pattern: new RegExp(String.raw`\b${MONTH}\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b`, 'gu'),
    build: (m) => monthDayToken(m[0], monthOf(m[1] ?? ''), toInt(m[2])),
  },
  {
    pattern: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b\.?`, 'gu'),
    build: (m) => monthDayToken(m[0], monthOf(m[2] ?? ''), toInt(m[1])),
  },
  {
    pattern: /(?<![\d.,])(\d{4})\s*년(?:도)?/gu,
    build: (m) =>
      isYear(toInt(m[1])) ? { kind: 'year', canonical: `year:${toInt(m[1])}`, raw: m[0] } : null,
  },
  {
    pattern: /\bFY\s?'?(\d{4})\b/gu,
    build: (m) =>
      isYear(toInt(m[1])) ? { kind: 'year', canonical: `year:${toInt(m[1])}`, raw: m[0] } : null,
  },
  // Times.
  {
    pattern:
      /(오전|오후|낮|밤|저녁|새벽|아침)?\s*(?<![\d.,])(\d{1,2})\s*시(?![간행점기장책범설정작스청민])(?:\s*(\d{1,2})\s*분|\s*(반))?/gu,
    // The leading \s* retries at every space of a long run, such as a masked project name.
    hint: /\d\s*시/u,
    build: (m) => {
      const minute = m[4] === undefined ? toInt(m[3] ?? '0') : 30;
      return timeToken(m[0], to12h(m[1], toInt(m[2])), minute);
    },
  },
  {
    pattern: /(?<![\d:.])(\d{1,2}):(\d{2})(?::\d{2})?(?!\d)(?:\s*([ap])\.?\s*m\.?(?![a-z]))?/giu,
    build: (m) => timeToken(m[0], to12h(m[3], toInt(m[1])), toInt(m[2])),
  },
  {
    pattern: /(?<![\d:.,])(\d{1,2})\s*([ap])\.?\s*m\.?(?![a-z])/giu,
    build: (m) => timeToken(m[0], to12h(m[2], toInt(m[1])), 0),
  },
  // 정오/자정 only at the start of a word: "전자정부" contains 자정.
  { pattern: /(?<!\p{Script=Hangul})정오|\bnoon\b|\bmidday\b/giu, build: (m) => timeToken(m[0], 12, 0) },
  { pattern: /(?<!\p{Script=Hangul})자정|\bmidnight\b/giu, build: (m) => timeToken(m[0], 0, 0) },
  // Articles (조, 조의, 항, 호). Bare "N조" before 원 or a further 억/만 group is an amount, not an article.
  {
    pattern: new RegExp(
      String.raw`(?:제\s*)?(?<![\d.,])(\d+)\s*조(?![달정치건사합])(?!\s*원)(?!\s*${NUM}\s*[십백천]?\s*[억만])(?:\s*의\s*(\d+))?(?:\s*(?:제\s*)?(\d+)\s*항(?![목공]))?(?:\s*(?:제\s*)?(\d+)\s*호)?`,
      'gu',
    ),
    build: (m) => articleToken(m[0], m[1], m[2], m[3], m[4]),
  },
  {
    pattern:
      /\b(?:paragraph|para)\.?\s*\(?(\d+)\)?\s+of\s+(?:Article|Art)\.?\s*(\d+)(?:-(\d+))?(?:\s+of\s+the\b)?/giu,
    build: (m) => articleToken(m[0], m[2], m[3], m[1], undefined),
  },
  {
    pattern:
      /\b(?:Article|Art)\.?\s*(\d+)(?:-(\d+))?(?:\s*\((\d+)\)|,?\s*(?:paragraph|para)\.?\s*\(?(\d+)\)?)?(?:\s*\((\d+)\)|,?\s*(?:item|subparagraph|subpara)\.?\s*\(?(\d+)\)?)?/giu,
    build: (m) => articleToken(m[0], m[1], m[2], m[3] ?? m[4], m[5] ?? m[6]),
  },
  {
    pattern: /(?:제\s*)?(?<![\d.,])(\d+)\s*항(?![목공])(?:\s*(?:제\s*)?(\d+)\s*호)?/gu,
    build: (m) => articleToken(m[0], undefined, undefined, m[1], m[2]),
  },
  { pattern: /제\s*(\d+)\s*호/gu, build: (m) => articleToken(m[0], undefined, undefined, undefined, m[1]) },
  {
    pattern: /\b(?:paragraph|para)\.?\s*\(?(\d+)\)?/giu,
    build: (m) => articleToken(m[0], undefined, undefined, m[1], undefined),
  },
  {
    pattern: /\b(?:item|subparagraph|subpara)\.?\s*\(?(\d+)\)?/giu,
    build: (m) => articleToken(m[0], undefined, undefined, undefined, m[1]),
  },
  // Percentages.
  {
    pattern: new RegExp(
      String.raw`(?<![\d.,])(${NUM})\s*(?:%\s*p\b|%\s*포인트|퍼센트\s*포인트|percentage\s+points?\b)`,
      'giu',
    ),
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
    build: (m) => ({ kind: 'percent', canonical: `percent:${canonicalNumber(m[1] ?? '0')}`, raw: m[0] }),
  },
  {
    pattern: new RegExp(
      String.raw`\b(${WORD_NUMBER}|a\s+hundred|one\s+hundred)\s+(?:percent|per\s*cent)\b`,
      'giu',
    ),
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
    build: (m) => amountToken(m[0], canonicalNumber(m[1] ?? '0', EN_SCALE[(m[2] ?? '').toLowerCase()] ?? 0)),
  },
  {
    pattern: new RegExp(
      String.raw`(?<![\d.,])(${NUM})\s*(?:(trillion|billion|million|thousand|tn|bn|mn)\s*)?(?:(?:South\s+)?Korean\s+)?(?:won|KRW)\b`,
      'giu',
    ),
    build: (m) => amountToken(m[0], canonicalNumber(m[1] ?? '0', EN_SCALE[(m[2] ?? '').toLowerCase()] ?? 0)),
  },
  {
    pattern: new RegExp(String.raw`(?<![\d.,])(${NUM})\s*(trillion|billion|million|thousand|bn|tn)\b`, 'giu'),
    build: (m, rest) => {
      const value = canonicalNumber(m[1] ?? '0', EN_SCALE[(m[2] ?? '').toLowerCase()] ?? 0);
      return EN_COUNTER_AFTER.test(rest) ? numberToken(m[0], value) : amountToken(m[0], value);
    },
  },
  // Amounts in Korean numerals (천억, 육백사십오억 원) and English words (one hundred billion won).
  {
    pattern:
      /(?<!\p{Script=Hangul})([일이삼사오육칠팔구십백천수몇]+)\s*(?:(억)|(조)(?=\s*(?:원|[일이삼사오육칠팔구십백천\d,]+\s*억))|(만)(?=\s*원))(?:\s*원)?/gu,
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
    build: (m) => vagueToken('amount', m[0]),
  },
  // Months without a day or year: 6월, June (capitalised full names only: "may" is a verb).
  {
    pattern: /(?<![\d.,])(\d{1,2})\s*월/gu,
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
    build: (m) => numberToken(m[0], canonicalNumber(m[1] ?? '0')),
  },
  {
    pattern: /\b(twice|thrice)\b/giu,
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
  { pattern: /(?:(?![0-9])\p{Nd})+/gu, build: (m) => vagueToken('number', m[0]) },
];

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+/giu;
const MENTION_PATTERN = /<[@#][!&]?\d+>|[@＠]\s*(?:everyone|here)\b/giu;
const CIRCLED = /[\u2460-\u2473]/gu;

/** A global pattern and a faster way to find the same matches; see {@link findAllMatches}. */
interface FastPattern {
  /** The pattern without `\b` and lookarounds: it matches at least wherever the pattern does. */
  readonly locate: RegExp;
  /** The pattern itself, tried at one position at a time. */
  readonly sticky: RegExp;
}

const fastPatterns = new WeakMap<RegExp, FastPattern | null>();

/** Index of the `)` closing the group that opens at `open`, or -1; skips escapes and classes. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let index = open; index < source.length; index += 1) {
    const char = source[index];
    if (char === '\\') {
      index += 1;
    } else if (char === '[') {
      index = classEnd(source, index);
    } else if (char === '(') {
      depth += 1;
    } else if (char === ')') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

/** Index of the `]` closing the class that starts at `open` (classes do not nest under the `u` flag). */
function classEnd(source: string, open: number): number {
  let index = open + 1;
  while (index < source.length && source[index] !== ']') index += source[index] === '\\' ? 2 : 1;
  return index;
}

/** Source of `pattern` with every `\b`, `\B` and lookaround removed, or null when that changes its groups. */
function relaxedSource(pattern: RegExp): string | null {
  const source = pattern.source;
  let relaxed = '';
  let index = 0;
  while (index < source.length) {
    const char = source[index] ?? '';
    if (char === '\\') {
      const escape = source.slice(index, index + 2);
      if (escape !== '\\b' && escape !== '\\B') relaxed += escape;
      index += 2;
    } else if (char === '[') {
      const end = classEnd(source, index);
      relaxed += source.slice(index, end + 1);
      index = end + 1;
    } else if (/^\(\?<?[=!]/u.test(source.slice(index, index + 4))) {
      const end = closingParen(source, index);
      if (end === -1) return null;
      index = end + 1;
    } else {
      relaxed += char;
      index += 1;
    }
  }
  const groups = (text: string, flags: string) => new RegExp(`${text}|`, flags).exec('')?.length ?? -1;
  return groups(relaxed, pattern.flags) === groups(source, pattern.flags) ? relaxed : null;
}

function fastPatternOf(pattern: RegExp): FastPattern | null {
  let fast = fastPatterns.get(pattern);
  if (fast === undefined) {
    // V8 runs `\b` under the `iu` flags many times slower than the rest of a pattern.
    const slow = pattern.flags.includes('i') && pattern.flags.includes('u') && /\\b/u.test(pattern.source);
    const relaxed = slow ? relaxedSource(pattern) : null;
    fast =
      relaxed === null
        ? null
        : {
            locate: new RegExp(relaxed, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`),
            sticky: new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`),
          };
    fastPatterns.set(pattern, fast);
  }
  return fast;
}

/** Index of the code point after the one at `index`, as a global `u` regex advances. */
function nextCodePoint(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return index + 2;
  }
  return index + 1;
}

/**
 * Every match of a global pattern, exactly as `text.matchAll(pattern)` finds them. A pattern with `\b` under
 * the `iu` flags is only tried where its relaxed form (no assertions) matches, since it cannot match elsewhere.
 */
export function findAllMatches(text: string, pattern: RegExp): RegExpExecArray[] {
  const fast = fastPatternOf(pattern);
  if (fast === null) return [...text.matchAll(pattern)];
  const { locate, sticky } = fast;
  const matches: RegExpExecArray[] = [];
  locate.lastIndex = 0;
  let candidate = locate.exec(text);
  while (candidate !== null) {
    sticky.lastIndex = candidate.index;
    const match = sticky.exec(text);
    let next: number;
    if (match === null) {
      next = nextCodePoint(text, candidate.index);
    } else {
      matches.push(match);
      next = match[0] === '' ? nextCodePoint(text, match.index) : match.index + match[0].length;
    }
    if (next > text.length) break;
    locate.lastIndex = next;
    candidate = locate.exec(text);
  }
  return matches;
}

function matchSpans(matches: readonly RegExpExecArray[]): [number, number][] {
  return matches.map((match) => [match.index, match.index + match[0].length]);
}

/** Replaces the given spans (sorted by start; they may touch or overlap) with spaces, keeping offsets. */
function blankSpans(text: string, spans: readonly (readonly [number, number])[]): string {
  if (spans.length === 0) return text;
  let result = '';
  let done = 0;
  for (const [start, end] of spans) {
    const from = Math.max(start, done);
    if (end <= from) continue;
    result += text.slice(done, from) + ' '.repeat(end - from);
    done = end;
  }
  return result + text.slice(done);
}

/**
 * Normalises text the way the fact lock compares it: ① … ⑳ become "제N항", then NFKC (full-width digits,
 * ％, ￦) and a single kind of tilde.
 */
export function prepareText(text: string): string {
  return text
    .replace(CIRCLED, (circled) => ` 제${(circled.codePointAt(0) ?? 0x2460) - 0x245f}항`)
    .normalize('NFKC')
    .replace(/[〜∼]/gu, '~');
}

/** Collapses text for loose comparison: NFKC, lower case, no whitespace. */
export function compactText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/** Text without whitespace and lower-cased one code unit at a time, for looking up many needles in it. */
export interface LooseText {
  readonly text: string;
  readonly compact: string;
}

/** Exactly the code units that `/\s/u` matches. */
function isWhitespaceUnit(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The compact form of `text`; fills `origin`, when given, with the offset in `text` of each compact code unit. */
function looseUnits(text: string, origin: Int32Array | null): string {
  let compact = '';
  // Code units from `kept` on are copied as they are when the next changed one comes.
  let kept = 0;
  let length = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    let changed: string | null = null;
    if (isWhitespaceUnit(code)) {
      changed = '';
    } else if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) changed = String.fromCharCode(code + 0x20);
    } else if (code < 0xac00 || code > 0xd7a3) {
      // One code unit at a time, as a lone "İ" or "Σ" lowers differently inside a word.
      const unit = text.charAt(index);
      const lowered = unit.toLowerCase();
      if (lowered !== unit) changed = lowered;
    }
    if (changed === null) {
      if (origin !== null) origin[length] = index;
      length += 1;
      continue;
    }
    compact += text.slice(kept, index) + changed;
    kept = index + 1;
    if (origin !== null) origin.fill(index, length, length + changed.length);
    length += changed.length;
  }
  return compact + text.slice(kept);
}

/** Offsets back into the text, built only for the few texts where a needle is found. */
const looseOrigins = new WeakMap<LooseText, Int32Array>();

function originOf(loose: LooseText): Int32Array {
  let origin = looseOrigins.get(loose);
  if (origin === undefined) {
    origin = new Int32Array(loose.compact.length);
    looseUnits(loose.text, origin);
    looseOrigins.set(loose, origin);
  }
  return origin;
}

/** Indexes `text` once so that {@link findLooseSpansIn} can look up many needles without rescanning it. */
export function toLooseText(text: string): LooseText {
  return { text, compact: looseUnits(text, null) };
}

/**
 * `toLooseText(blankSpans(loose.text, spans))` without rescanning: blanked code units only drop out of the
 * compact form, since each code unit is lowered on its own.
 */
function blankLooseSpans(loose: LooseText, spans: readonly (readonly [number, number])[]): LooseText {
  const origin = originOf(loose);
  const keptOrigin = new Int32Array(origin.length);
  let compact = '';
  let length = 0;
  let unit = 0;
  const keepUntil = (offset: number) => {
    const from = unit;
    while (unit < origin.length && (origin[unit] ?? 0) < offset) unit += 1;
    compact += loose.compact.slice(from, unit);
    keptOrigin.set(origin.subarray(from, unit), length);
    length += unit - from;
  };
  for (const [start, end] of spans) {
    keepUntil(start);
    while (unit < origin.length && (origin[unit] ?? 0) < end) unit += 1;
  }
  keepUntil(Number.POSITIVE_INFINITY);
  const blanked = { text: blankSpans(loose.text, spans), compact };
  looseOrigins.set(blanked, keptOrigin.subarray(0, length));
  return blanked;
}

/** Finds the compact form `target` (see {@link compactText}) in an indexed text; returns [start, end) spans. */
export function findLooseSpansIn(haystack: LooseText, target: string): [number, number][] {
  if (target === '') return [];
  const { compact } = haystack;
  let from = compact.indexOf(target);
  if (from === -1) return [];
  const origin = originOf(haystack);
  const spans: [number, number][] = [];
  while (from !== -1) {
    const start = origin[from] ?? 0;
    const end = (origin[from + target.length - 1] ?? start) + 1;
    spans.push([start, end]);
    from = compact.indexOf(target, from + target.length);
  }
  return spans;
}

/** Finds `needle` in `haystack` ignoring whitespace and case; returns [start, end) spans in `haystack`. */
export function findLooseSpans(haystack: string, needle: string): [number, number][] {
  const target = compactText(needle);
  return target === '' ? [] : findLooseSpansIn(toLooseText(haystack), target);
}

/** Compact forms of the phrases to mask, longest phrase first. */
function maskTargets(phrases: readonly string[]): readonly string[] {
  return [...phrases.filter((p) => p.trim().length >= 2), ...KNOWN_IDENTIFIERS]
    .sort((a, b) => b.length - a.length)
    .map(compactText)
    .filter((target) => target !== '');
}

/** Replaces URLs, mentions, known identifiers and the given phrases with spaces, keeping offsets. */
function maskNonFacts(text: string, targets: readonly string[]): string {
  let masked = blankSpans(text, matchSpans(findAllMatches(text, URL_PATTERN)));
  masked = blankSpans(masked, matchSpans(findAllMatches(masked, MENTION_PATTERN)));
  let loose = toLooseText(masked);
  for (const target of targets) {
    if (target.length > loose.compact.length) continue;
    const spans = findLooseSpansIn(loose, target);
    // Later phrases are looked up in the masked text, so a blanked name can join its neighbours.
    if (spans.length > 0) loose = blankLooseSpans(loose, spans);
  }
  return loose.text;
}

/** True when the digits at `index` are glued to a Latin word, as in "B2B", "Web3" or "K-12". */
function isGluedToWord(text: string, index: number): boolean {
  const before = text[index - 1] ?? '';
  if (/[A-Za-z]/u.test(before)) return true;
  return before === '-' && /[A-Za-z]/u.test(text[index - 2] ?? '');
}

/** Extracts every fact token of a text, in reading order. */
export function extractFacts(text: string, options: ExtractOptions = {}): FactToken[] {
  return extractWithTargets(text, maskTargets(options.maskPhrases ?? []));
}

/** {@link extractFacts} with the mask phrases prepared once, for extracting many texts with the same phrases. */
export function createFactExtractor(options: ExtractOptions = {}): (text: string) => FactToken[] {
  const targets = maskTargets(options.maskPhrases ?? []);
  return (text) => extractWithTargets(text, targets);
}

function extractWithTargets(text: string, targets: readonly string[]): FactToken[] {
  let work = maskNonFacts(prepareText(text), targets);
  const found: { index: number; token: FactToken }[] = [];
  for (const { pattern, build, skipGlued, hint } of EXTRACTORS) {
    if (hint !== undefined && !hint.test(work)) continue;
    const spans: [number, number][] = [];
    for (const match of findAllMatches(work, pattern)) {
      const index = match.index;
      if (skipGlued && isGluedToWord(work, index)) continue;
      const built = build(match, work.slice(index + match[0].length));
      if (built === null) continue;
      for (const token of Array.isArray(built) ? built : [built]) found.push({ index, token });
      spans.push([index, index + match[0].length]);
    }
    work = blankSpans(work, spans);
  }
  return found.sort((a, b) => a.index - b.index).map(({ token }) => token);
}

/** Canonical forms of every fact in a text, in reading order. */
export function canonicalFacts(text: string, options: ExtractOptions = {}): string[] {
  return extractFacts(text, options).map((token) => token.canonical);
}

const VERDICT_NEUTRAL = [
  /(?:허용|가능|불가능|허락|불허)\s*(?:여부|되는지|한지|하는지|할지|될지)/gu,
  /\bwhether\s+(?:or\s+not\s+)?(?:[\w'’]+\s+){0,5}?(?:is|are|was|were|would\s+be|will\s+be)\s+(?:allowed|permitted|possible|permissible)\b/giu,
  /\bwhether\s+(?:[\w'’]+\s+){0,4}?(?:can|may)\b/giu,
];
const VERDICT_PATTERNS: readonly (readonly [VerdictSignal, RegExp])[] = [
  [
    'unknown',
    /알\s*수\s*(?:가\s*)?없|확인되지\s*(?:않|못)|확인할\s*수\s*(?:가\s*)?없|확인이\s*(?:어렵|안\s*됩|되지\s*않)|(?:정보|자료|내용)가\s*없|(?:정해지지|명시되지|나와\s*있지|나오지|규정되지|기록되어\s*있지)\s*않|찾지\s*못했|기록이\s*없|모릅니다|모르겠|불분명|불확실/gu,
  ],
  [
    'unknown',
    /\b(?:unknown|not\s+known|unclear|uncertain|not\s+sure|(?:cannot|can\s*not|can['’]t|could\s+not|couldn['’]t)\s+(?:be\s+)?(?:confirm|determin|verif|find|establish)\w*|not\s+(?:confirmed|specified|stated|determined|found|recorded|given|available\s+in)|no\s+(?:information|record)|no\s+source\s+(?:gives|states|names|says)|(?:do\s+not|don['’]t)\s+know)\b/giu,
  ],
  [
    'not_allowed',
    /불가(?![피결])(?:능)?|불허|(?:허용|허락|가능|인정)(?:되|하)?지\s*(?:않|못)|(?:허용|가능)이\s*안|(?:할|될|쓸|받을|맺을)\s*수\s*(?:는\s*|가\s*)?없|안\s*(?:됩니다|돼요|된다|돼|되며|되고)|(?:해서는|하면|되면)\s*안(?:\s*(?:됩니다|돼요|된다|돼|되며|되고))?|금지(?!급)|제외됩니다/gu,
  ],
  [
    'not_allowed',
    /\b(?:not\s+(?:be\s+)?(?:allowed|permitted|permissible|possible|eligible|able\s+to)|cannot|can\s+not|may\s+not|must\s+not|prohibited|forbidden|barred|banned|disallowed|impermissible|ineligible|impossible|not\s+an\s+option)\b|\b\w+n['’]t\s+(?:be\s+)?(?:allowed|permitted|possible|eligible)\b|\bcan['’]t\b|\bmustn['’]t\b/giu,
  ],
  ['not_allowed', /(?:^|[.!?]\s*)아니(?:요|오)|(?:^|[.!?]\s+)No\s*[,.!]/gu],
  [
    'allowed',
    /가능|허용|허락|(?:할|될|쓸|받을|맺을)\s*수\s*(?:도\s*)?있|해도\s*(?:됩니다|돼|된다|괜찮)|인정됩니다|(?:^|\s)(?:됩니다|돼요|돼)(?=[\s.!?,]|$)|(?:^|[.!?]\s*)(?:네|예)\s*[,.!]/gu,
  ],
  [
    'allowed',
    /\b(?:allowed|permitted|permissible|possible|eligible|can|may|yes|(?:is|are)\s+(?:ok(?:ay)?|fine))\b/giu,
  ],
];

/** Every verdict a text expresses; negated and "whether …" forms are read before the plain ones. */
export function detectVerdictSignals(text: string): Set<VerdictSignal> {
  let work = prepareText(text);
  for (const neutral of VERDICT_NEUTRAL) work = blankSpans(work, matchSpans(findAllMatches(work, neutral)));
  const signals = new Set<VerdictSignal>();
  for (const [signal, pattern] of VERDICT_PATTERNS) {
    const matches = findAllMatches(work, pattern);
    if (matches.length === 0) continue;
    signals.add(signal);
    work = blankSpans(work, matchSpans(matches));
  }
  return signals;
}

/** Conservative verdict of a text: a single verdict only when it expresses exactly one. */
export function classifyVerdict(text: string): VerdictClass {
  const signals = [...detectVerdictSignals(text)];
  if (signals.length === 0) return 'none';
  return signals.length === 1 ? (signals[0] ?? 'none') : 'mixed';
}
