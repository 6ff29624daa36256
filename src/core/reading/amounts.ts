/**
 * Amounts of won and shares of a whole, read from the NFKC, lower-cased question after
 * `normalizeNumerals` (so 구십억 arrives as 90억 and sixty percent as 60 percent).
 */

/** An amount of won found in the question, with where it stood. */
export interface AmountMention {
  readonly krw: number;
  /** Where the amount starts in the text. */
  readonly index: number;
  /** The amount as written ("79억 9천만원", "KRW 7 billion"). */
  readonly text: string;
}

const KO_UNITS: Readonly<Record<string, number>> = {
  조: 1e12,
  천억: 1e11,
  백억: 1e10,
  십억: 1e9,
  억: 1e8,
  천만: 1e7,
  백만: 1e6,
  십만: 1e5,
  만: 1e4,
};
const EN_UNITS: Readonly<Record<string, number>> = {
  trillion: 1e12,
  billion: 1e9,
  bn: 1e9,
  million: 1e6,
  mn: 1e6,
};

const NUMBER = '(\\d+(?:,\\d{3})*(?:\\.\\d+)?)';
/** One "number + unit" part of a Korean amount: 64억, 5,000만, 2천억. */
// An article is not an amount: 제27조, 제27조③, 27조의2, 27조 2항 (조 is also 1조 = a trillion won).
const KO_PART = new RegExp(
  `(?<![\\d.,]|제\\s*)${NUMBER}\\s*(조(?!\\s*(?:[①-⑳]|의\\s*\\d|\\d+\\s*항|제\\s*\\d))|천억|백억|십억|억|천만|백만|십만|만)`,
  'gu',
);
/** Digits below 만 after the last unit, read only when 원 follows: 1만1원, 1,234만5,678원. */
const KO_TAIL = /^\s*(\d{1,3}(?:,\d{3})?|\d{1,4})(?=\s*원)/u;
const WON_SUFFIX = /^\s*원/u;
/** A bare "5천" right after 억 (not 5천만, not 5천억). */
const EOK_THEN_CHEON = /^\s*([1-9])\s*천(?!\s*(?:만|억|\d))/u;
const EN_AMOUNT = new RegExp(
  // "80 million won", "an 80-million-won contract".
  `(?:krw|₩|won)?\\s*${NUMBER}(?:\\s*|-)(trillion|billion|bn|million|mn)\\b(?:\\s*|-)(?:won|krw)?`,
  'gu',
);
const PLAIN_WON = new RegExp(`(?:₩|krw\\s*)?(\\d{1,3}(?:,\\d{3}){2,}|\\d{7,})\\s*(?:원|won|krw)?`, 'gu');

const toNumber = (s: string) => Number(s.replace(/,/g, ''));

/** Korean amounts: consecutive parts with falling units make one amount (64억 5000만원). */
function koreanAmounts(text: string): AmountMention[] {
  const parts = [...text.matchAll(KO_PART)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    krw: toNumber(m[1]!) * KO_UNITS[m[2]!]!,
    unit: KO_UNITS[m[2]!]!,
  }));
  const found: AmountMention[] = [];
  let i = 0;
  while (i < parts.length) {
    const first = parts[i]!;
    let last = first;
    let krw = first.krw;
    while (i + 1 < parts.length) {
      const next = parts[i + 1]!;
      if (next.unit >= last.unit || text.slice(last.end, next.start).trim() !== '') break;
      krw += next.krw;
      last = next;
      i++;
    }
    let end = last.end;
    // "1억5천", "2억 5천": after 억 a bare 천 is 천만, as people say amounts.
    const thousands = last.unit === 1e8 ? EOK_THEN_CHEON.exec(text.slice(end)) : null;
    if (thousands) {
      krw += Number(thousands[1]) * 1e7;
      end += thousands[0].length;
    }
    const tail = KO_TAIL.exec(text.slice(end));
    if (tail && last.unit >= 1e4) {
      krw += toNumber(tail[1]!);
      end += tail[0].length;
    }
    end += WON_SUFFIX.exec(text.slice(end))?.[0].length ?? 0;
    found.push({ krw: Math.round(krw), index: first.start, text: text.slice(first.start, end).trim() });
    i++;
  }
  return found;
}

/** Korea's VAT rate (부가가치세 10%). */
export const VAT_RATE = 0.1;

/** Whether `total` is `base` with 10% VAT added (to within half a percent: "82.5억" for "75억"). */
export function addsVat(base: number, total: number): boolean {
  return Math.abs(total - base * (1 + VAT_RATE)) <= total * 0.005;
}

/** Every amount of won written in the question (100억, 3억 5천만원, 10 billion won, 10,000,000,000원). */
/**
 * An amount in another currency ("USD 6 million", "$6M", "600만 달러"): it is not won, and the bot does
 * not convert it (no exchange rate is in the sources), so it is not read as an amount at all.
 */
const CURRENCY_BEFORE = /(?:\busd|\bus\s*\$|\$|€|\beur|¥|\bjpy|\bcny|\brmb|\bgbp|£)\s*$/u;
const CURRENCY_AFTER =
  /^\s*(?:(?:us\s+)?dollars?\b|usd\b|euros?\b|eur\b|yen\b|jpy\b|yuan\b|cny\b|pounds?\b|gbp\b|달러|불(?![\uac00-\ud7a3])|유로|엔화|엔(?![\uac00-\ud7a3])|위안)/u;

function inForeignCurrency(text: string, amount: AmountMention): boolean {
  const end = amount.index + amount.text.length;
  return (
    CURRENCY_BEFORE.test(text.slice(Math.max(0, amount.index - 6), amount.index)) ||
    CURRENCY_AFTER.test(text.slice(end, end + 10))
  );
}

export function extractAmounts(text: string): AmountMention[] {
  return extractAllAmounts(text).filter((a) => !inForeignCurrency(text, a));
}

function extractAllAmounts(text: string): AmountMention[] {
  const found = koreanAmounts(text);
  const taken: [number, number][] = found.map((a) => [a.index, a.index + a.text.length]);
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);
  for (const m of text.matchAll(EN_AMOUNT)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    found.push({
      krw: Math.round(toNumber(m[1]!) * (EN_UNITS[m[2]!] ?? 0)),
      index: m.index + (m[0].length - m[0].trimStart().length),
      text: m[0].trim(),
    });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(PLAIN_WON)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    found.push({ krw: toNumber(m[1]!), index: m.index, text: m[0].trim() });
  }
  return withoutRestatements(
    text,
    found.sort((a, b) => a.index - b.index),
  );
}

/**
 * How a share was bounded: "50% 넘게" / "more than half" (over), "30% 이상" / "at least"
 * (at-least), "50% 이하" / "up to" (at-most), or given exactly.
 */
export type ShareBound = 'exact' | 'over' | 'at-least' | 'at-most';

/** A share of a whole found in the question. */
export interface ShareMention {
  readonly percent: number;
  readonly index: number;
  /** The share as written (60%, 3분의 1, a third). */
  readonly text: string;
  readonly kind: 'percent' | 'fraction' | 'word';
  readonly bound: ShareBound;
}

const PERCENT =
  /(\d+(?:\.\d+)?)\s*(?:%|퍼센트|퍼(?![\uac00-\ud7a3])|프로(?![그젝세필모듀토바스야포])|percent\b|per\s*cent\b|pct\b)/gu;
const KO_FRACTION = /(\d{1,3})\s*분의\s*(\d{1,3})/gu;
const SHARE_WORDS: readonly [RegExp, number, ShareBound?][] = [
  [/과반/gu, 50, 'over'],
  [
    /절반|반절|전체의\s*반|(?<![\uac00-\ud7a3])반(?=\s*(?:을|이|만|정도|쯤|가량|넘|이상|이하|까지|$|\s))/gu,
    50,
  ],
  [/\bmajority\b/gu, 50, 'over'],
  [/\bhalf\b/gu, 50],
  [/\b(?:a|one)[\s-]+third\b/gu, 100 / 3],
  [/\btwo[\s-]+thirds\b/gu, 200 / 3],
  [/\b(?:a|one)[\s-]+quarter\b/gu, 25],
  [/\bthree[\s-]+quarters\b/gu, 75],
];

const OVER_AFTER = /^\s*(?:[을를이가]\s*)?(?:넘게|넘는|넘어|넘으면|넘겨|넘|초과|over\b|plus\b|\+)/u;
const AT_LEAST_AFTER = /^\s*(?:[을를이가]\s*)?(?:이상|or\s+more\b|and\s+up\b|at\s+least\b)/u;
const AT_MOST_AFTER = /^\s*(?:[을를이가]\s*)?(?:이하|미만|이내|까지|안\s*넘|or\s+less\b|at\s+most\b|max\b)/u;
const OVER_BEFORE =
  /(?<!no\s)\b(?:more\s+than|over|above|exceeding|in\s+excess\s+of|upwards\s+of)\s+(?:the\s+|a\s+)?$/u;
const AT_LEAST_BEFORE = /at\s+least\s+(?:the\s+|a\s+)?$/u;
const AT_MOST_BEFORE =
  /(?:no\s+more\s+than|up\s+to|at\s+most|less\s+than|under|below|within|not\s+over)\s+(?:the\s+|a\s+)?$/u;

function boundOf(text: string, start: number, end: number): ShareBound {
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 16);
  if (AT_MOST_BEFORE.test(before) || AT_MOST_AFTER.test(after)) return 'at-most';
  if (OVER_BEFORE.test(before) || OVER_AFTER.test(after)) return 'over';
  if (AT_LEAST_BEFORE.test(before) || AT_LEAST_AFTER.test(after)) return 'at-least';
  return 'exact';
}

/** Every share written in the question, in text order (60%, 3분의 1, 절반, two thirds). */
export function readShares(text: string): ShareMention[] {
  const found: ShareMention[] = [];
  const add = (
    percent: number,
    index: number,
    written: string,
    kind: ShareMention['kind'],
    bound?: ShareBound,
  ) =>
    found.push({
      percent: Math.round(percent * 100) / 100,
      index,
      text: written,
      kind,
      bound: bound ?? boundOf(text, index, index + written.length),
    });
  for (const m of text.matchAll(PERCENT)) add(Number(m[1]), m.index, m[0].trim(), 'percent');
  for (const m of text.matchAll(KO_FRACTION)) {
    const denominator = Number(m[1]);
    const numerator = Number(m[2]);
    if (denominator > 0 && numerator <= denominator)
      add((numerator / denominator) * 100, m.index, m[0], 'fraction');
  }
  for (const [pattern, percent, bound] of SHARE_WORDS) {
    for (const m of text.matchAll(pattern)) {
      if (found.some((s) => m.index >= s.index && m.index < s.index + s.text.length)) continue;
      add(percent, m.index, m[0], 'word', bound);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Drops an amount that restates the one before it in brackets or after "=" / "i.e.": "500 billion
 * won (5,000억)", "45억(= 4.5 billion won)". It is the same amount, not a second one with a role.
 */
function withoutRestatements(text: string, amounts: AmountMention[]): AmountMention[] {
  return amounts.filter((amount, i) => {
    const previous = amounts[i - 1];
    if (previous === undefined || previous.krw !== amount.krw) return true;
    const between = text.slice(previous.index + previous.text.length, amount.index);
    return !/^\s*(?:[([（]\s*(?:=|약|about|i\.e\.,?|즉)?\s*|=\s*|,?\s*(?:i\.e\.|즉|that is),?\s*)$/u.test(
      between,
    );
  });
}

/** A share of the whole, as a percentage and as the question wrote it (60%, 3분의 1, a third). */
export function extractShare(text: string): { percent: number; text: string } | null {
  const shares = readShares(text);
  const best =
    shares.find((s) => s.kind === 'percent') ?? shares.find((s) => s.kind === 'fraction') ?? shares[0];
  return best === undefined ? null : { percent: best.percent, text: best.text };
}
