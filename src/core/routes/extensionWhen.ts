/**
 * When an extension of the exceptions was made, as a question names it: "extended again in
 * mid-2022", "the Dec 2024 extension", "2022년 7월 1일부터 또 연장된 거", "the mid-2021 extension".
 */

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export const monthEnd = (year: number, month: number): string =>
  new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

const EXTENDED_IN_EN = new RegExp(
  `\\b(?:extend(?:ed|ing)?|renew(?:ed|ing)?|extension|prolong(?:ed|ing)?)\\b(?:\\s+\\w+){0,3}?\\s+in\\s+(?:(early|mid|late)[\\s-]+)?(?:(${MONTHS.join('|')})\\s+)?(20\\d{2})\\b`,
  'u',
);
const EXTENDED_IN_KO =
  /(?:20)?(\d{2})\s*년\s*(?:(\d{1,2})\s*월|(초|중반|중순|말|연말))?\s*에\s*(?:\S+\s*){0,2}연장/u;

/**
 * The days an extension "in" a time would start on ("extended in mid-2022": May to August 2022),
 * with a month's slack at the end, since an extension announced late in a month starts the next.
 */
/** "the Dec 2024 extension", "2024년 12월 연장": an extension named by the month it was made. */
const MONTH_EXTENSION_EN =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(20\d{2})\s+(?:extension|renewal)\b/u;
const MONTH_EXTENSION_KO =
  /(?:20)?(\d{2})\s*년\s*(\d{1,2})\s*월\s*(?:의\s*|에\s*(?:한|나온|발표한|발표된)\s*|(?:\d{1,2}\s*일\s*)?부터\s*(?:또\s*|다시\s*)?)?연장/u;

export function extendedIn(text: string): [string, string] | null {
  // "the mid-2021 extension": the one made then.
  const edged = /\b(early|mid|late)[\s-]+(20\d{2})\s+(?:extension|renewal)\b/u.exec(text);
  if (edged) return extendedIn(`extended in ${edged[1]!} ${edged[2]!}`);
  const named = MONTH_EXTENSION_EN.exec(text);
  const namedKo = named === null ? MONTH_EXTENSION_KO.exec(text) : null;
  if (named !== null || namedKo !== null) {
    const year = Number(named ? named[2] : `20${namedKo![1]}`);
    const month = named
      ? MONTHS.findIndex((m) => m.startsWith(named[1]!.slice(0, 3))) + 1
      : Number(namedKo![2]);
    const from = `${year}-${String(month).padStart(2, '0')}-01`;
    return [from, monthEnd(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1)];
  }
  const en = EXTENDED_IN_EN.exec(text);
  const ko = en === null ? EXTENDED_IN_KO.exec(text) : null;
  if (en === null && ko === null) return null;
  const year = Number(en ? en[3] : `20${ko![1]}`);
  const month = en
    ? en[2] !== undefined
      ? MONTHS.indexOf(en[2]) + 1
      : undefined
    : ko![2] !== undefined
      ? Number(ko![2])
      : undefined;
  const edge = en ? en[1] : ko![3];
  const [first, last] =
    month !== undefined
      ? [month, month]
      : edge === 'early' || edge === '초'
        ? [1, 3]
        : edge === 'mid' || edge === '중반' || edge === '중순'
          ? [5, 8]
          : edge === 'late' || edge === '말' || edge === '연말'
            ? [10, 12]
            : [1, 12];
  const from = `${year}-${String(first).padStart(2, '0')}-01`;
  const to = monthEnd(last === 12 ? year + 1 : year, last === 12 ? 1 : last + 1);
  return [from, to];
}
