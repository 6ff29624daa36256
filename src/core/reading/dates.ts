/**
 * Dates in a question: absolute (2021-05-10, 2021년 상반기, May 2021), relative to the reference
 * day (작년 6월, 다음 달, 3개월 후, next month), and impossible ones (2021년 2월 30일), read from
 * the NFKC, lower-cased question after `normalizeNumerals` (punctuation kept, so "2021. 5. 10."
 * still reads).
 */

export interface DateRange {
  readonly from: string;
  readonly to: string;
  /** How the question put it, normalised (2021-05-10, 2021-03, 2021, 2021-H1). */
  readonly label: string;
}

export const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
export const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);
}

function day(year: number, month: number, d: number): DateRange | null {
  if (!isValidDay(year, month, d)) return null;
  const iso = `${year}-${pad(month)}-${pad(d)}`;
  return { from: iso, to: iso, label: iso };
}

const isoDay = (iso: string): DateRange => ({ from: iso, to: iso, label: iso });

function month(year: number, m: number): DateRange | null {
  if (m < 1 || m > 12) return null;
  return {
    from: `${year}-${pad(m)}-01`,
    to: `${year}-${pad(m)}-${pad(lastDayOfMonth(year, m))}`,
    label: `${year}-${pad(m)}`,
  };
}

function year(y: number): DateRange {
  return { from: `${y}-01-01`, to: `${y}-12-31`, label: String(y) };
}

export const YEAR = '((?:19|20)\\d{2})';
/** 상반기 / 전반기 (first half), 하반기 / 후반기 (second half). */
const HALF = '(상반기|전반기|하반기|후반기)';
const HALF_WORD = new RegExp(HALF, 'u');
const halfNumber = (word: string) => (word === '상반기' || word === '전반기' ? 1 : 2);
/** "21년" or "'21" written for 2021: two-digit years are read as 20xx. */
export const SHORT_YEAR = "(?<![\\d.])'?(\\d{2})";
const DATE_PATTERNS: readonly [RegExp, (m: RegExpExecArray) => DateRange | null][] = [
  // 2021-05-10, 2021/05/10, 2021.05.10, 2021. 5. 10.
  [
    new RegExp(`${YEAR}\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})(?!\\d)`, 'u'),
    (m) => day(+m[1]!, +m[2]!, +m[3]!),
  ],
  // 2021년 5월 10일
  [
    new RegExp(`${YEAR}\\s*년\\s*(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일`, 'u'),
    (m) => day(+m[1]!, +m[2]!, +m[3]!),
  ],
  // May 10, 2021 / May 10th 2021
  [
    new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}\\b`, 'u'),
    (m) => day(+m[3]!, MONTHS[m[1]!]!, +m[2]!),
  ],
  // 10 May 2021
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAMES})\\.?,?\\s+${YEAR}\\b`, 'u'),
    (m) => day(+m[3]!, MONTHS[m[2]!]!, +m[1]!),
  ],
  // 21년 5월 10일, 21.5.10 (two-digit years)
  [
    new RegExp(`${SHORT_YEAR}\\s*년\\s*(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일`, 'u'),
    (m) => day(2000 + +m[1]!, +m[2]!, +m[3]!),
  ],
  [
    new RegExp(`${SHORT_YEAR}\\s*\\.\\s*(\\d{1,2})\\s*\\.\\s*(\\d{1,2})(?![\\d])`, 'u'),
    (m) => day(2000 + +m[1]!, +m[2]!, +m[3]!),
  ],
  // 2024년 2분기, Q2 2024, 2024 Q2, second quarter of 2024
  [new RegExp(`${YEAR}\\s*년?\\s*([1-4])\\s*분기`, 'u'), (m) => quarter(+m[1]!, +m[2]!)],
  [
    new RegExp(`\\bq([1-4])\\s+${YEAR}\\b|\\b${YEAR}\\s+q([1-4])\\b`, 'u'),
    (m) => quarter(+(m[2] ?? m[3])!, +(m[1] ?? m[4])!),
  ],
  [
    new RegExp(`\\b(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter\\s+(?:of\\s+)?${YEAR}\\b`, 'u'),
    (m) => quarter(+m[2]!, ORDINALS[m[1]!]!),
  ],
  // 2021년 상반기 / 하반기, first/second half of 2021, H1 2021
  [new RegExp(`${YEAR}\\s*년?\\s*${HALF}`, 'u'), (m) => half(+m[1]!, halfNumber(m[2]!))],
  [
    new RegExp(`\\b(first|second|1st|2nd)\\s+half\\s+(?:of\\s+)?${YEAR}\\b`, 'u'),
    (m) => half(+m[2]!, /^(first|1st)$/.test(m[1]!) ? 1 : 2),
  ],
  [
    new RegExp(`\\bh([12])\\s+${YEAR}\\b|\\b${YEAR}\\s+h([12])\\b`, 'u'),
    (m) => half(+(m[2] ?? m[3])!, +(m[1] ?? m[4])!),
  ],
  // 21년 하반기, 21년 3월
  [new RegExp(`${SHORT_YEAR}\\s*년\\s*${HALF}`, 'u'), (m) => half(2000 + +m[1]!, halfNumber(m[2]!))],
  [new RegExp(`${SHORT_YEAR}\\s*년\\s*(\\d{1,2})\\s*월`, 'u'), (m) => month(2000 + +m[1]!, +m[2]!)],
  // 2021년 3월, 2021.3, 2021-03
  [new RegExp(`${YEAR}\\s*년\\s*(\\d{1,2})\\s*월`, 'u'), (m) => month(+m[1]!, +m[2]!)],
  [new RegExp(`${YEAR}\\s*[-/.]\\s*(\\d{1,2})(?![\\d.])`, 'u'), (m) => month(+m[1]!, +m[2]!)],
  // March 2020, in September 2019
  [
    new RegExp(`\\b(${MONTH_NAMES})\\.?,?\\s+(?:of\\s+)?${YEAR}\\b`, 'u'),
    (m) => month(+m[2]!, MONTHS[m[1]!]!),
  ],
  // 2021년 / in 2021
  [new RegExp(`${YEAR}\\s*년`, 'u'), (m) => year(+m[1]!)],
  [new RegExp(`\\b(?:in|during|for|of|as of|on)\\s+${YEAR}\\b`, 'u'), (m) => year(+m[1]!)],
  [new RegExp(`(?<![\\d.,])${YEAR}(?![\\d.,]|\\s*(?:억|만|원|billion|million|%))`, 'u'), (m) => year(+m[1]!)],
];

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};

function quarter(y: number, q: number): DateRange {
  const first = month(y, q * 3 - 2)!;
  const last = month(y, q * 3)!;
  return { from: first.from, to: last.to, label: `${y}-Q${q}` };
}

function half(y: number, h: number): DateRange {
  return h === 1
    ? { from: `${y}-01-01`, to: `${y}-06-30`, label: `${y}-H1` }
    : { from: `${y}-07-01`, to: `${y}-12-31`, label: `${y}-H2` };
}

const NOW_WORDS =
  /지금|현재|오늘|요즘|요새|올해|\bnow\b|\btoday\b|\bcurrently\b|\bat present\b|\bthis year\b/u;

/** Years counted from the reference date: 내년 -1, 올해 0, 작년 1, 재작년 2 ... */
const RELATIVE_YEARS: readonly [RegExp, number][] = [
  [/재작년|지지난\s*해|\byear before last\b/u, 2],
  [/작년|지난\s*해|전년|\blast year\b/u, 1],
  [/내년|명년|다음\s*해|\bnext year\b/u, -1],
  [/올해|금년|\bthis year\b/u, 0],
];

/** Months counted forward from the reference date: 다음 달 1, 이번 달 0, 지난달 -1 ... */
const RELATIVE_MONTHS: readonly [RegExp, number][] = [
  [/다다음\s*달|\bthe\s+month\s+after\s+next\b/u, 2],
  [/지지난\s*달/u, -2],
  [/다음\s*달|내달|익월|\bnext\s+month\b/u, 1],
  [/지난\s*달|저번\s*달|(?<![\uac00-\ud7a3])전월|\blast\s+month\b|\bprevious\s+month\b/u, -1],
  [/이번\s*달|(?<![\uac00-\ud7a3])이달|금월|당월|\bthis\s+month\b/u, 0],
];

/** After 후/전: a particle or the end of the word, not 후반, 전체, 전년. */
const WORD_END = '(?=$|[^\\uac00-\\ud7a3]|에|부터|까지|쯤|의|이|인|엔|이면|면)';

/** "3개월 후", "in 2 months", "2 months ago": months from the reference date. */
const MONTH_OFFSETS: readonly [RegExp, 1 | -1][] = [
  [new RegExp(`(?<!\\d)(\\d{1,3})\\s*(?:개월|달)\\s*(?:후|뒤|있다가|지나서|지나면)${WORD_END}`, 'u'), 1],
  [/\bin\s+(\d{1,3})\s+months?\b|\b(\d{1,3})\s+months?\s+(?:from\s+now|later)\b/u, 1],
  [new RegExp(`(?<!\\d)(\\d{1,3})\\s*(?:개월|달)\\s*전${WORD_END}`, 'u'), -1],
  [/\b(\d{1,3})\s+months?\s+ago\b/u, -1],
];

/** "2년 전", "two years ago" (after normalizeNumerals: "2 years ago"), "in 3 years": whole years. */
const YEAR_OFFSETS: readonly [RegExp, 1 | -1][] = [
  [new RegExp(`(?<!\\d)(\\d{1,2})\\s*년\\s*(?:후|뒤)${WORD_END}`, 'u'), 1],
  [/\bin\s+(\d{1,2})\s+years?\b|\b(\d{1,2})\s+years?\s+(?:from\s+now|later)\b/u, 1],
  [new RegExp(`(?<!\\d)(\\d{1,2})\\s*년\\s*전${WORD_END}`, 'u'), -1],
  [/\b(\d{1,2}|two)\s+years?\s+ago\b/u, -1],
];

const DAY_OFFSETS: readonly [RegExp, number][] = [
  [/어제|\byesterday\b/u, -1],
  [/(?<![\uac00-\ud7a3])내일(?!모레)|\btomorrow\b/u, 1],
];

const MONTH_WORD = new RegExp(`(\\d{1,2})\\s*월|\\b(${MONTH_NAMES})\\b`, 'u');
const DAY_AFTER_MONTH = /(\d{1,2})\s*월\s*(\d{1,2})\s*일/u;

function shiftMonth(today: string, by: number): { year: number; month: number } {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The ISO day `by` days after `day` (before it when negative). */
export function shiftDay(day: string, by: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + by);
  return d.toISOString().slice(0, 10);
}

/** "다음 달", "이번 달 15일", "last month": a month (or a day in it) relative to today. */
function relativeMonth(text: string, today: string): DateRange | null {
  for (const [pattern, by] of RELATIVE_MONTHS) {
    const m = pattern.exec(text);
    if (m === null) continue;
    const { year: y, month: mo } = shiftMonth(today, by);
    const dayAfter = /^\s*(\d{1,2})\s*일/u.exec(text.slice(m.index + m[0].length));
    return (dayAfter ? day(y, mo, Number(dayAfter[1])) : null) ?? month(y, mo);
  }
  return null;
}

/** "작년 6월", "June last year", "last June", "올해 3월", "내년 상반기": relative to today. */
function relativeYear(text: string, today: string): DateRange | null {
  const thisYear = Number(today.slice(0, 4));
  const lastMonthName = new RegExp(`\\blast\\s+(${MONTH_NAMES})\\b`, 'u').exec(text);
  if (lastMonthName) {
    const m = MONTHS[lastMonthName[1]!]!;
    const currentMonth = Number(today.slice(5, 7));
    return month(m < currentMonth ? thisYear : thisYear - 1, m);
  }
  for (const [pattern, first] of RELATIVE_YEARS) {
    if (!pattern.test(text)) continue;
    // "작년 말에 끝나는 걸로 알았는데 올해 상반기에도 …": a month or half belongs to the year word
    // written just before it, not to the first one the list names.
    const back = yearWordBefore(text) ?? first;
    const y = thisYear - back;
    const d = DAY_AFTER_MONTH.exec(text);
    const exact = d ? day(y, Number(d[1]), Number(d[2])) : null;
    if (exact) return exact;
    const m = MONTH_WORD.exec(text);
    if (m) {
      const monthNumber = m[1] !== undefined ? Number(m[1]) : MONTHS[m[2]!]!;
      const range = month(y, monthNumber);
      if (range) return range;
    }
    const h = HALF_WORD.exec(text);
    if (h) return half(y, halfNumber(h[1]!));
    const q = /([1-4])\s*분기|\bq([1-4])\b/u.exec(text);
    if (q) return quarter(y, Number(q[1] ?? q[2]));
    return year(y);
  }
  return null;
}

/** How many years back the relative year word nearest before the first month, half or day word is. */
function yearWordBefore(text: string): number | null {
  const detail = [DAY_AFTER_MONTH, MONTH_WORD, HALF_WORD]
    .map((pattern) => pattern.exec(text)?.index)
    .filter((at): at is number => at !== undefined);
  if (detail.length === 0) return null;
  const at = Math.min(...detail);
  const words = RELATIVE_YEARS.flatMap(([pattern, back]) =>
    [...text.matchAll(new RegExp(pattern.source, 'gu'))].map((m) => ({
      from: m.index,
      to: m.index + m[0].length,
      back,
    })),
  );
  // "재작년" holds "작년": a word inside a longer one is not a word of its own.
  const own = words.filter((w) => !words.some((o) => o !== w && o.from <= w.from && o.to >= w.to));
  const before = own.filter((w) => w.from <= at).sort((x, y) => y.from - x.from);
  return before[0]?.back ?? null;
}

/** "3개월 후", "2 months ago", "2년 전", "어제", "tomorrow". */
function offsetDate(text: string, today: string): DateRange | null {
  for (const [pattern, sign] of MONTH_OFFSETS) {
    const m = pattern.exec(text);
    if (m === null) continue;
    const { year: y, month: mo } = shiftMonth(today, sign * Number(m[1] ?? m[2]));
    return month(y, mo);
  }
  for (const [pattern, sign] of YEAR_OFFSETS) {
    const m = pattern.exec(text);
    if (m === null) continue;
    const n = m[1] === 'two' ? 2 : Number(m[1] ?? m[2]);
    return year(Number(today.slice(0, 4)) + sign * n);
  }
  for (const [pattern, by] of DAY_OFFSETS) {
    if (pattern.test(text)) return isoDay(shiftDay(today, by));
  }
  return null;
}

const BARE_MONTH_DAY = /(?<![\d.])(\d{1,2})\s*월\s*(\d{1,2})\s*일/u;
const BARE_MONTH = /(?<![\d.])(\d{1,2})\s*월(?!\s*\d)/u;
const EN_BARE_MONTH = new RegExp(
  `\\b(?:in|on|during|by|since|until|from)\\s+(?:early\\s+|late\\s+|mid-?\\s*)?(${MONTH_NAMES})\\b(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b)?`,
  'u',
);

/** "5월 10일", "3월", "in June", "on May 10" without a year: in the reference year. */
function monthInThisYear(text: string, today: string): DateRange | null {
  const y = Number(today.slice(0, 4));
  const d = BARE_MONTH_DAY.exec(text);
  if (d) return day(y, Number(d[1]), Number(d[2]));
  const m = BARE_MONTH.exec(text);
  if (m) return month(y, Number(m[1]));
  const en = EN_BARE_MONTH.exec(text);
  if (en) return en[2] !== undefined ? day(y, MONTHS[en[1]!]!, Number(en[2])) : month(y, MONTHS[en[1]!]!);
  return null;
}

const BEFORE_EN = /\b(?:before|prior\s+to|earlier\s+than)\s+(?:the\s+)?(?:(?:start|beginning)\s+of\s+)?$/u;
const AFTER_EN = /\b(?:after|past|beyond|later\s+than)\s+(?:the\s+)?(?:end\s+of\s+)?$/u;
/** "5월 전에", "5월 이전", "6월 이후", "6월 말 지나서". */
const BEFORE_KO = /^\s*(?:말\s*)?(?:이전|전(?=에|엔|까지))/u;
const AFTER_KO = /^\s*(?:말\s*)?(?:이후|(?:후|뒤)(?=에|엔|로|부터)|넘어서|지나서)/u;
/** The far ends of an open range: before any record, after any record. */
export const BEFORE_ALL = '1900-01-01';
export const AFTER_ALL = '9999-12-31';

/**
 * "Before May 2020", "2020.5.1 이전엔", "past June 2021", "2025년 6월 이후에도": the open range on
 * one side of the date the pattern matched, the date itself left out (as askers mean it: "before
 * the exceptions began", "after they ended").
 */
function openEnded(text: string, m: RegExpExecArray, range: DateRange): DateRange {
  const before = text.slice(Math.max(0, m.index - 40), m.index);
  const after = text.slice(m.index + m[0].length);
  if (BEFORE_EN.test(before) || BEFORE_KO.test(after)) {
    const to = shiftDay(range.from, -1);
    return { from: BEFORE_ALL, to, label: `~${to}` };
  }
  if (AFTER_EN.test(before) || AFTER_KO.test(after)) {
    const from = shiftDay(range.to, 1);
    return { from, to: AFTER_ALL, label: `${from}~` };
  }
  return range;
}

/**
 * The date or date range a question asks about, or null when it names none. Reads absolute dates
 * (2021-05-10, 2021년 5월, 2021년 상반기, May 10 2021, Q2 2024), dates relative to `today`
 * (작년 6월, 다음 달, 지난달, 내년, 3개월 후, next month, two years ago), a month or day without a
 * year (in `today`'s year), and "now" words. An impossible date (2021년 2월 30일) is skipped here
 * and the next reading tried; `readDate` reports it instead.
 */
export function extractDateRange(text: string, today: string): DateRange | null {
  // The reading and several routes ask the same question text: read it once.
  const key = `${today}\u0000${text}`;
  const known = recentRanges.get(key);
  if (known !== undefined) return known;
  const range = readDateRange(text, today);
  if (recentRanges.size >= 8) recentRanges.clear();
  recentRanges.set(key, range);
  return range;
}

/** The last few texts `extractDateRange` read (immutable ranges, handed out again). */
const recentRanges = new Map<string, DateRange | null>();

function readDateRange(text: string, today: string): DateRange | null {
  for (const [pattern, build] of DATE_PATTERNS) {
    const m = pattern.exec(text);
    if (m === null) continue;
    // The first pattern in the list is the most specific; take it.
    const range = build(m);
    if (range !== null) return openEnded(text, m, range);
  }
  const relative =
    relativeMonth(text, today) ??
    relativeYear(text, today) ??
    offsetDate(text, today) ??
    monthInThisYear(text, today);
  return relative ?? (NOW_WORDS.test(text) ? isoDay(today) : null);
}
