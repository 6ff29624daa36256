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

function koreanRunValue(run: string): { value: Decimal; hasScale: boolean; hasSmall: boolean } {
  const group = new RegExp(String.raw`(${NUM})\s*([십백천])?\s*([만억조])?`, 'gu');
  let value: Decimal = { n: 0n, s: 0 };
  let hasScale = false;
  let hasSmall = false;
  for (const match of run.matchAll(group)) {
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

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
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

/** Finds `needle` in `haystack` ignoring whitespace and case; returns [start, end) spans in `haystack`. */
export function findLooseSpans(haystack: string, needle: string): [number, number][] {
  const target = compactText(needle);
  if (target === '') return [];
  let compact = '';
  const origin: number[] = [];
  for (let index = 0; index < haystack.length; index += 1) {
    const char = haystack[index] ?? '';
    if (/\s/u.test(char)) continue;
    const lowered = char.toLowerCase();
    compact += lowered;
    for (let k = 0; k < lowered.length; k += 1) origin.push(index);
  }
  const spans: [number, number][] = [];
  let from = compact.indexOf(target);
  while (from !== -1) {
    const start = origin[from] ?? 0;
    const end = (origin[from + target.length - 1] ?? start) + 1;
    spans.push([start, end]);
    from = compact.indexOf(target, from + target.length);
  }
  return spans;
}

/** Replaces URLs, mentions, known identifiers and the given phrases with spaces, keeping offsets. */
function maskNonFacts(text: string, phrases: readonly string[]): string {
  let masked = text.replace(URL_PATTERN, (url) => ' '.repeat(url.length));
  masked = masked.replace(MENTION_PATTERN, (mention) => ' '.repeat(mention.length));
  const ordered = [...phrases, ...KNOWN_IDENTIFIERS].sort((a, b) => b.length - a.length);
  for (const phrase of ordered) {
    for (const [start, end] of findLooseSpans(masked, phrase.normalize('NFKC'))) {
      masked = blank(masked, start, end);
    }
  }
  return masked;
}

/** True when the digits at `index` are glued to a Latin word, as in "B2B", "Web3" or "K-12". */
function isGluedToWord(text: string, index: number): boolean {
  const before = text[index - 1] ?? '';
  if (/[A-Za-z]/u.test(before)) return true;
  return before === '-' && /[A-Za-z]/u.test(text[index - 2] ?? '');
}

/** Extracts every fact token of a text, in reading order. */
export function extractFacts(text: string, options: ExtractOptions = {}): FactToken[] {
  let work = maskNonFacts(
    prepareText(text),
    (options.maskPhrases ?? []).filter((p) => p.trim().length >= 2),
  );
  const found: { index: number; token: FactToken }[] = [];
  for (const { pattern, build, skipGlued } of EXTRACTORS) {
    const spans: [number, number][] = [];
    for (const match of work.matchAll(pattern)) {
      const index = match.index;
      if (skipGlued && isGluedToWord(work, index)) continue;
      const built = build(match, work.slice(index + match[0].length));
      if (built === null) continue;
      for (const token of Array.isArray(built) ? built : [built]) found.push({ index, token });
      spans.push([index, index + match[0].length]);
    }
    for (const [start, end] of spans) work = blank(work, start, end);
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
  for (const neutral of VERDICT_NEUTRAL) work = work.replace(neutral, (phrase) => ' '.repeat(phrase.length));
  const signals = new Set<VerdictSignal>();
  for (const [signal, pattern] of VERDICT_PATTERNS) {
    work = work.replace(pattern, (phrase) => {
      signals.add(signal);
      return ' '.repeat(phrase.length);
    });
  }
  return signals;
}

/** Conservative verdict of a text: a single verdict only when it expresses exactly one. */
export function classifyVerdict(text: string): VerdictClass {
  const signals = [...detectVerdictSignals(text)];
  if (signals.length === 0) return 'none';
  return signals.length === 1 ? (signals[0] ?? 'none') : 'mixed';
}
