/**
 * Fact tokens and their canonical forms: "645억원" and "KRW 64.5 billion" both become `amount:64500000000`,
 * while "645 billion won" does not.
 */
import { compactText } from './looseText.js';
import { isDay, isMonth, isYear, pad2, toInt } from './numbers.js';

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
 * A fact as the extractors read it. Canonical forms:
 * `amount:64500000000` (won), `percent:50`, `percent_point:3`, `date:2021-06-30`, `month:2021-06`,
 * `month_day:06-30`, `month_only:06`, `year:2021`, `time:14:00`, `article:27-2(3)[1]` (조의2, 항, 호; `?` stands
 * for an unstated article, as in a lone "제3항"), `number:11`.
 */
export interface FactValue {
  readonly kind: FactKind;
  readonly canonical: string;
  /** The text as written (after NFKC normalisation). */
  readonly raw: string;
}

/** A fact value and where it was found. */
export interface FactToken extends FactValue {
  /** Offset of the match in the prepared text (see `prepareText`). */
  readonly index: number;
}

/** Options for {@link extractFacts}. */
export interface ExtractOptions {
  /** Phrases (such as project names) whose digits are part of a name, not facts; matched ignoring spaces and case. */
  maskPhrases?: readonly string[];
}

export function dateToken(raw: string, year: number, month: number, day: number): FactValue | null {
  if (!isYear(year) || !isMonth(month) || !isDay(day)) return null;
  return { kind: 'date', canonical: `date:${year}-${pad2(month)}-${pad2(day)}`, raw };
}

export function monthToken(raw: string, year: number, month: number): FactValue | null {
  if (!isYear(year) || !isMonth(month)) return null;
  return { kind: 'month', canonical: `month:${year}-${pad2(month)}`, raw };
}

export function monthDayToken(raw: string, month: number, day: number): FactValue | null {
  if (!isMonth(month) || !isDay(day)) return null;
  return { kind: 'month_day', canonical: `month_day:${pad2(month)}-${pad2(day)}`, raw };
}

export function timeToken(raw: string, hour: number, minute: number): FactValue | null {
  if (hour < 0 || hour > 24 || minute < 0 || minute > 59) return null;
  return { kind: 'time', canonical: `time:${pad2(hour)}:${pad2(minute)}`, raw };
}

export function articleToken(
  raw: string,
  article: string | undefined,
  sub: string | undefined,
  paragraph: string | undefined,
  item: string | undefined,
): FactValue {
  const head = article === undefined ? '?' : `${toInt(article)}${sub === undefined ? '' : `-${toInt(sub)}`}`;
  const para = paragraph === undefined ? '' : `(${toInt(paragraph)})`;
  const tail = item === undefined ? '' : `[${toInt(item)}]`;
  return { kind: 'article', canonical: `article:${head}${para}${tail}`, raw };
}

export function numberToken(raw: string, value: string): FactValue {
  return { kind: 'number', canonical: `number:${value}`, raw };
}

export function amountToken(raw: string, value: string): FactValue {
  return { kind: 'amount', canonical: `amount:${value}`, raw };
}

export function to12h(period: string | undefined, hour: number): number {
  if (period === undefined) return hour;
  const afternoon = /^(?:오후|저녁|밤|p)$/iu.test(period);
  if (afternoon) return hour < 12 ? hour + 12 : hour;
  if (/^(?:오전|새벽|아침|a)$/iu.test(period)) return hour === 12 ? 0 : hour;
  // 낮 (daytime): 1–6 o'clock means the afternoon.
  return hour >= 1 && hour <= 6 ? hour + 12 : hour;
}

/** A fact whose value cannot be read: it only matches the same words in the decided answer. */
export function vagueToken(kind: 'amount' | 'number', raw: string): FactValue {
  return { kind, canonical: `${kind}:~${compactText(raw)}`, raw };
}
