import { MONTH_NAMES } from './dates.js';

/** Program years a question names, in the order it names them: explicit or relative to the as-of day. */
export function readYears(lowered: string, today: string): number[] {
  const thisYear = Number(today.slice(0, 4));
  const found: { index: number; year: number }[] = [];
  // 2022, 2022년, but not an amount (2022억) or part of a longer number or date (2022-02-10 still counts).
  for (const m of lowered.matchAll(
    /(?<![\d.,])(20[0-4]\d|19\d{2})(?!\d|,\d|\s*(?:억|만|원|%|billion|million))/gu,
  ))
    found.push({ index: m.index, year: Number(m[1]) });
  // 22년, 22년도, '22 (two-digit years are 20xx); not 5년간 or 3년차.
  for (const m of lowered.matchAll(/(?<![\d.,])'?([12]\d)\s*년(?!\s*(?:간|차|동안|짜리))/gu))
    found.push({ index: m.index, year: 2000 + Number(m[1]) });
  // An explicit year wins: "작년엔 …였다던데 2020년엔?" speaks of 2020, whatever today is.
  const relative: [RegExp, number][] =
    found.length > 0
      ? []
      : [
          [/재작년|\byear before last\b|\btwo years ago\b/gu, -2],
          [/(?<!재)작년|지난\s*해|\blast year\b/gu, -1],
          [/올해|금년|이번\s*해|\bthis year\b|\bthis year's\b/gu, 0],
          [/내년|다음\s*해|\bnext year\b/gu, 1],
        ];
  for (const [pattern, offset] of relative)
    for (const m of lowered.matchAll(pattern)) found.push({ index: m.index, year: thisYear + offset });
  const years: number[] = [];
  for (const { year } of found.sort((a, b) => a.index - b.index)) if (!years.includes(year)) years.push(year);
  return years;
}

/**
 * Whether every mention of `year` in the text is part of a day or month ("2020년 12월 10일",
 * "2020.5.1", "from May 2020"): such a year dates something; it does not name that year's program.
 */
export function yearOnlyInDates(text: string, year: string | number): boolean {
  const all = text.match(new RegExp(`(?<!\\d)${year}(?!\\d)`, 'gu'))?.length ?? 0;
  const dated =
    text.match(
      new RegExp(
        `(?<!\\d)${year}\\s*(?:년\\s*\\d{1,2}\\s*월|[-./]\\s*\\d{1,2})|\\b(?:${MONTH_NAMES})\\.?,?\\s*(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s*)?${year}(?!\\d)`,
        'gu',
      ),
    )?.length ?? 0;
  return all > 0 && all === dated;
}
