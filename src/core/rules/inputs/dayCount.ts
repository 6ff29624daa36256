/**
 * Days between two dates a case gives ("2022년 9월 5일에 대가 청구했고 9월 9일에 돈 들어왔어요",
 * "Delivered on 2022-10-10; inspection was only finished on 2022-10-22"): the dates in the order
 * written, a date without a year taking the year of the one before it (the next year when its month
 * comes earlier: "12월 30일 … 1월 4일").
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const DATE =
  /(\d{4})-(\d{1,2})-(\d{1,2})|(?:(\d{4})\s*년\s*)?(\d{1,2})\s*월\s*(\d{1,2})\s*일|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?|\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:,?\s+(\d{4}))?/gu;

interface Written {
  readonly year: number | null;
  readonly month: number;
  readonly day: number;
  readonly index: number;
}

function datesIn(text: string): Written[] {
  return [...text.matchAll(DATE)].map((m) => {
    if (m[1] !== undefined)
      return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), index: m.index };
    if (m[5] !== undefined)
      return { year: m[4] ? Number(m[4]) : null, month: Number(m[5]), day: Number(m[6]), index: m.index };
    if (m[7] !== undefined)
      return {
        year: m[9] ? Number(m[9]) : null,
        month: MONTHS.indexOf(m[7]) + 1,
        day: Number(m[8]),
        index: m.index,
      };
    return {
      year: m[12] ? Number(m[12]) : null,
      month: MONTHS.indexOf(m[11]!) + 1,
      day: Number(m[10]),
      index: m.index,
    };
  });
}

/** The two dates of a case and the days between them, when the question gives exactly two. */
export function daysBetweenTwoDates(text: string): { days: number; first: number; second: number } | null {
  const dates = datesIn(text);
  if (dates.length !== 2) return null;
  const [a, b] = dates as [Written, Written];
  const yearA = a.year ?? b.year;
  if (yearA === null) return null;
  const yearB = b.year ?? (b.month < a.month ? yearA + 1 : yearA);
  const from = Date.UTC(yearA, a.month - 1, a.day);
  const to = Date.UTC(yearB, b.month - 1, b.day);
  const days = Math.round((to - from) / 86_400_000);
  if (!Number.isFinite(days) || days <= 0 || days > 366) return null;
  return { days, first: a.index, second: b.index };
}
