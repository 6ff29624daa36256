import {
  extractDateRange,
  isValidDay,
  MONTH_NAMES,
  MONTHS,
  SHORT_YEAR,
  YEAR,
  type DateRange,
} from './dates.js';

/** Why a written date cannot be. */
export type InvalidDateReason = 'no such month' | 'no such day';

/** What `readDate` found: a date, a date that cannot be, or nothing. */
export type DateReading =
  | { readonly kind: 'date'; readonly range: DateRange }
  | { readonly kind: 'invalid'; readonly text: string; readonly reason: InvalidDateReason };

/** Not after a year ("2020년 2월", "작년 2월", "올해 2월"): those are checked with their year. */
const NO_YEAR_BEFORE = '(?<!(?:\\d|\\.|년|해)\\s*)';

/** Each pattern gives year, month and day (null: a month only); a missing year is the as-of year. */
const IMPOSSIBLE_PATTERNS: readonly [
  RegExp,
  (m: RegExpMatchArray, y: number) => [number, number, number | null],
][] = [
  [
    new RegExp(`${YEAR}\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})(?!\\d)`, 'gu'),
    (m) => [+m[1]!, +m[2]!, +m[3]!],
  ],
  [
    new RegExp(`${YEAR}\\s*년\\s*(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일`, 'gu'),
    (m) => [+m[1]!, +m[2]!, +m[3]!],
  ],
  [
    new RegExp(`${SHORT_YEAR}\\s*년\\s*(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일`, 'gu'),
    (m) => [2000 + +m[1]!, +m[2]!, +m[3]!],
  ],
  [
    new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}\\b`, 'gu'),
    (m) => [+m[3]!, MONTHS[m[1]!]!, +m[2]!],
  ],
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAMES})\\.?,?\\s+${YEAR}\\b`, 'gu'),
    (m) => [+m[3]!, MONTHS[m[2]!]!, +m[1]!],
  ],
  [new RegExp(`${YEAR}\\s*년\\s*(\\d{1,2})\\s*월`, 'gu'), (m) => [+m[1]!, +m[2]!, null]],
  [new RegExp(`${SHORT_YEAR}\\s*년\\s*(\\d{1,2})\\s*월`, 'gu'), (m) => [2000 + +m[1]!, +m[2]!, null]],
  [new RegExp(`${NO_YEAR_BEFORE}(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일`, 'gu'), (m, y) => [y, +m[1]!, +m[2]!]],
  [new RegExp(`${NO_YEAR_BEFORE}(\\d{1,2})\\s*월(?!급|세|요일|\\s*\\d)`, 'gu'), (m, y) => [y, +m[1]!, null]],
];

/** A date written in the question that cannot be (2021-02-30, 13월), or null. */
export function impossibleDate(text: string, today: string): DateReading | null {
  // Every pattern holds a digit; most questions have none.
  if (!/\d/u.test(text)) return null;
  const asOfYear = Number(today.slice(0, 4));
  for (const [pattern, parts] of IMPOSSIBLE_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const [y, mo, d] = parts(m, asOfYear);
      if (mo < 1 || mo > 12) return { kind: 'invalid', text: m[0].trim(), reason: 'no such month' };
      if (d !== null && !isValidDay(y, mo, d))
        return { kind: 'invalid', text: m[0].trim(), reason: 'no such day' };
    }
  }
  return null;
}

/**
 * The date a question asks about, as `extractDateRange` reads it; but a date that cannot be
 * (2021-02-30, 2021년 13월, 2월 30일, 0월; 2월 29일 in a common as-of year) comes back as `invalid` with the text and the reason,
 * so the caller can say so instead of reading another date into it.
 */
export function readDate(text: string, today: string): DateReading | null {
  const invalid = impossibleDate(text, today);
  if (invalid !== null) return invalid;
  // (extractDateRange remembers the last few texts it read: the routes ask the same one.)
  const range = extractDateRange(text, today);
  return range === null ? null : { kind: 'date', range };
}
