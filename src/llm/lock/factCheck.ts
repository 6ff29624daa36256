/** Compares the fact tokens of a rewording with those of the decided answer. */
import type { FactToken } from '../facts/tokens.js';
import type { FactLockReason } from './reasons.js';

interface ArticleRef {
  readonly head: string;
  readonly paragraph: string | undefined;
  readonly item: string | undefined;
}

/** The facts a decided answer states, in every form a rewording may write them. */
export interface AllowedFacts {
  readonly exact: ReadonlySet<string>;
  readonly years: ReadonlySet<number>;
  readonly derived: ReadonlySet<string>;
  readonly articles: readonly ArticleRef[];
  /** How often the template text states each amount, percentage, time and article. */
  readonly counts: ReadonlyMap<string, number>;
  /** How often the template states each date, month or day: each statement licenses one in a rewording. */
  readonly dateLicenses: ReadonlyMap<string, number>;
  /** Date forms → the stated dates that imply them ("month:2021-06" ← "date:2021-06-30"). */
  readonly dateSources: ReadonlyMap<string, readonly string[]>;
  /** The time units each plain number is stated with ("number:5" → {"day"} for "5일"). */
  readonly timeUnits: ReadonlyMap<string, ReadonlySet<string>>;
}

const TIME_UNIT =
  /^\s*-?\s*(일간|일|주일|주간|주|개월|달|년간|년|시간|분|days?|weeks?|months?|years?|hours?|minutes?)(?![a-z])/iu;
const TIME_UNIT_NAMES: Readonly<Record<string, string>> = {
  일간: 'day',
  일: 'day',
  day: 'day',
  days: 'day',
  주일: 'week',
  주간: 'week',
  주: 'week',
  week: 'week',
  weeks: 'week',
  개월: 'month',
  달: 'month',
  month: 'month',
  months: 'month',
  년간: 'year',
  년: 'year',
  year: 'year',
  years: 'year',
  시간: 'hour',
  hour: 'hour',
  hours: 'hour',
  분: 'minute',
  minute: 'minute',
  minutes: 'minute',
};

/** The time unit a plain number is stated with ("5일", "7 days", "5-day"), or '' for none. */
function timeUnitOf(text: string, token: FactToken): string {
  if (token.kind !== 'number') return '';
  const unit = TIME_UNIT.exec(text.slice(token.index + token.raw.length))?.[1]?.toLowerCase();
  return unit === undefined ? '' : (TIME_UNIT_NAMES[unit] ?? '');
}

/** Kinds whose every repetition is a statement of its own: a rewording may not state them more often. */
const COUNTED_KINDS: ReadonlySet<FactToken['kind']> = new Set([
  'amount',
  'percent',
  'percent_point',
  'time',
  'article',
]);
/** Dates, months and days: a less specific form ("2020년 4월") uses up a statement of the date it comes from. */
const DATE_KINDS: ReadonlySet<FactToken['kind']> = new Set(['date', 'month', 'month_day']);

function parseArticle(canonical: string): ArticleRef | null {
  const match = /^article:([^([]+)(?:\((\d+)\))?(?:\[(\d+)\])?$/u.exec(canonical);
  if (match === null) return null;
  return { head: match[1] ?? '?', paragraph: match[2], item: match[3] };
}

/** True when `general` says nothing that `specific` contradicts: same article, and any stated 항/호 equal. */
function isArticleCoveredBy(general: ArticleRef, specific: ArticleRef): boolean {
  return (
    (general.head === '?' || general.head === specific.head) &&
    (general.paragraph === undefined || general.paragraph === specific.paragraph) &&
    (general.item === undefined || general.item === specific.item)
  );
}

/** Less specific date forms a date token implies: 2021-06-30 also allows "2021년 6월", "6월 30일", "6월", "2021". */
export function impliedDateForms(canonical: string): string[] {
  const date = /^date:(\d{4})-(\d{2})-(\d{2})$/u.exec(canonical);
  if (date !== null) {
    const [, year, month, day] = date;
    return [`month:${year}-${month}`, `month_day:${month}-${day}`, `month_only:${month}`, `year:${year}`];
  }
  const month = /^month:(\d{4})-(\d{2})$/u.exec(canonical);
  if (month !== null) return [`month_only:${month[2]}`, `year:${month[1]}`];
  const monthDay = /^month_day:(\d{2})-\d{2}$/u.exec(canonical);
  if (monthDay !== null) return [`month_only:${monthDay[1]}`];
  return [];
}

function yearOf(canonical: string): number | null {
  const match = /^(?:year|number):(\d{4})$/u.exec(canonical);
  return match === null ? null : Number(match[1]);
}

/** Indexes the facts of the template text (`text`, prepared) and of the answer's fact strings. */
export function indexAllowedFacts(
  text: string,
  textTokens: readonly FactToken[],
  factTokens: readonly FactToken[],
): AllowedFacts {
  const exact = new Set<string>();
  const years = new Set<number>();
  const derived = new Set<string>();
  const articles: ArticleRef[] = [];
  for (const token of [...textTokens, ...factTokens]) {
    exact.add(token.canonical);
    const implied = impliedDateForms(token.canonical);
    for (const form of implied) derived.add(form);
    const year = yearOf(token.canonical) ?? yearOf(implied.find((f) => f.startsWith('year:')) ?? '');
    if (year !== null) years.add(year);
    const article = token.kind === 'article' ? parseArticle(token.canonical) : null;
    if (article !== null) articles.push(article);
  }
  const timeUnits = new Map<string, Set<string>>();
  for (const token of textTokens) {
    timeUnits.set(
      token.canonical,
      (timeUnits.get(token.canonical) ?? new Set()).add(timeUnitOf(text, token)),
    );
  }
  return {
    exact,
    years,
    derived,
    articles,
    counts: countFacts(textTokens),
    ...indexDates(textTokens, factTokens),
    timeUnits,
  };
}

function indexDates(textTokens: readonly FactToken[], factTokens: readonly FactToken[]) {
  const dateLicenses = new Map<string, number>();
  for (const token of textTokens) {
    if (DATE_KINDS.has(token.kind))
      dateLicenses.set(token.canonical, (dateLicenses.get(token.canonical) ?? 0) + 1);
  }
  for (const token of factTokens) {
    if (DATE_KINDS.has(token.kind) && !dateLicenses.has(token.canonical))
      dateLicenses.set(token.canonical, 1);
  }
  const dateSources = new Map<string, string[]>();
  for (const source of dateLicenses.keys()) {
    for (const form of [source, ...impliedDateForms(source)]) {
      dateSources.set(form, [...(dateSources.get(form) ?? []), source]);
    }
  }
  return { dateLicenses, dateSources };
}

/** The first date form the rewording states more often than the answer's dates allow, or null. */
function findOverusedDate(candidate: readonly FactToken[], allowed: AllowedFacts): FactToken | null {
  const remaining = new Map(allowed.dateLicenses);
  for (const token of candidate) {
    if (!DATE_KINDS.has(token.kind)) continue;
    const sources = allowed.dateSources.get(token.canonical) ?? [];
    // The date itself first, then whichever implying date has the most statements left.
    const source = [...sources].sort(
      (a, b) =>
        Number(b === token.canonical) - Number(a === token.canonical) ||
        (remaining.get(b) ?? 0) - (remaining.get(a) ?? 0),
    )[0];
    const left = source === undefined ? 0 : (remaining.get(source) ?? 0);
    if (source === undefined || left === 0) return token;
    remaining.set(source, left - 1);
  }
  return null;
}

function countFacts(tokens: readonly FactToken[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) {
    if (COUNTED_KINDS.has(token.kind)) counts.set(token.canonical, (counts.get(token.canonical) ?? 0) + 1);
  }
  return counts;
}

function isAllowed(token: FactToken, allowed: AllowedFacts): boolean {
  if (allowed.exact.has(token.canonical) || allowed.derived.has(token.canonical)) return true;
  switch (token.kind) {
    case 'year':
    case 'number': {
      // A bare "2021" and "2021년" are allowed when the answer has that year in any form.
      const year = yearOf(token.canonical);
      return year !== null && allowed.years.has(year);
    }
    case 'article': {
      const article = parseArticle(token.canonical);
      return article !== null && allowed.articles.some((known) => isArticleCoveredBy(article, known));
    }
    case 'amount':
    case 'percent':
    case 'percent_point':
    case 'date':
    case 'month':
    case 'month_day':
    case 'month_only':
    case 'time':
      return false;
  }
}

function reasonForToken(token: FactToken): FactLockReason {
  switch (token.kind) {
    case 'amount':
      return 'changed_amount';
    case 'date':
    case 'month':
    case 'month_day':
    case 'month_only':
    case 'year':
    case 'time':
      return 'changed_date';
    case 'percent':
    case 'percent_point':
    case 'article':
    case 'number':
      return 'new_number';
  }
}

/**
 * A fact of the rewording (`text`, prepared) that the answer lacks, one in another time unit ("5일" → "5주"),
 * or one it states more often than the answer does.
 */
export function findStrayFact(
  text: string,
  candidate: readonly FactToken[],
  allowed: AllowedFacts,
): { reason: FactLockReason; detail: string } | null {
  const stray = candidate.find((token) => !isAllowed(token, allowed));
  if (stray !== undefined) {
    return {
      reason: reasonForToken(stray),
      detail: `"${stray.raw.trim()}" (${stray.canonical}) is not in the decided answer`,
    };
  }
  for (const token of candidate) {
    const unit = timeUnitOf(text, token);
    if (unit !== '' && allowed.timeUnits.get(token.canonical)?.has(unit) !== true) {
      return {
        reason: 'new_number',
        detail: `"${token.raw.trim()}" in ${unit}s is not in the decided answer`,
      };
    }
  }
  const overused = findOverusedDate(candidate, allowed);
  if (overused !== null) {
    return {
      reason: 'repeated_fact',
      detail: `"${overused.raw.trim()}" (${overused.canonical}) uses a date the answer states fewer times`,
    };
  }
  const counts = countFacts(candidate);
  for (const [canonical, count] of counts) {
    const limit = Math.max(1, allowed.counts.get(canonical) ?? 0);
    if (count > limit) {
      return {
        reason: 'repeated_fact',
        detail: `${canonical} is stated ${count} times, the answer states it ${limit}`,
      };
    }
  }
  return null;
}

/** True when the candidate's tokens still state `key` (a more specific article or date also states it). */
export function isKeyTokenPresent(key: FactToken, candidate: readonly FactToken[]): boolean {
  const keyArticle = key.kind === 'article' ? parseArticle(key.canonical) : null;
  return candidate.some((token) => {
    if (token.canonical === key.canonical || impliedDateForms(token.canonical).includes(key.canonical))
      return true;
    const article = keyArticle === null ? null : parseArticle(token.canonical);
    return keyArticle !== null && article !== null && isArticleCoveredBy(keyArticle, article);
  });
}
