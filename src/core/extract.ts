/**
 * Reads the values a rule needs from a question: dates, amounts of won, percentages, counts.
 * Input is the NFKC, lower-cased question (punctuation kept, so "2021. 5. 10." still reads).
 */

export interface DateRange {
  readonly from: string;
  readonly to: string;
  /** How the question put it, normalised (2021-05-10, 2021-03, 2021, 2021-H1). */
  readonly label: string;
}

const MONTHS: Record<string, number> = {
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
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);
}

function day(year: number, month: number, d: number): DateRange | null {
  if (!isValidDay(year, month, d)) return null;
  const iso = `${year}-${pad(month)}-${pad(d)}`;
  return { from: iso, to: iso, label: iso };
}

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

const YEAR = '((?:19|20)\\d{2})';
/** "21년" or "'21" written for 2021: two-digit years are read as 20xx. */
const SHORT_YEAR = "(?<![\\d.])'?(\\d{2})";
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
  [new RegExp(`${YEAR}\\s*년?\\s*(상반기|하반기)`, 'u'), (m) => half(+m[1]!, m[2] === '상반기' ? 1 : 2)],
  [
    new RegExp(`\\b(first|second|1st|2nd)\\s+half\\s+(?:of\\s+)?${YEAR}\\b`, 'u'),
    (m) => half(+m[2]!, /^(first|1st)$/.test(m[1]!) ? 1 : 2),
  ],
  [
    new RegExp(`\\bh([12])\\s+${YEAR}\\b|\\b${YEAR}\\s+h([12])\\b`, 'u'),
    (m) => half(+(m[2] ?? m[3])!, +(m[1] ?? m[4])!),
  ],
  // 21년 하반기, 21년 3월
  [
    new RegExp(`${SHORT_YEAR}\\s*년\\s*(상반기|하반기)`, 'u'),
    (m) => half(2000 + +m[1]!, m[2] === '상반기' ? 1 : 2),
  ],
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

/** Years counted back from the reference date: 올해 0, 작년 1, 재작년 2 ... */
const RELATIVE_YEARS: readonly [RegExp, number][] = [
  [/재작년|지지난\s*해|\byear before last\b|\btwo years ago\b/u, 2],
  [/작년|지난\s*해|전년|\blast year\b/u, 1],
  [/올해|금년|\bthis year\b/u, 0],
];

const MONTH_WORD = new RegExp(`(\\d{1,2})\\s*월|\\b(${MONTH_NAMES})\\b`, 'u');

/** "작년 6월", "June last year", "last June", "올해 3월": a month in a year relative to today. */
function relativeDate(text: string, today: string): DateRange | null {
  const thisYear = Number(today.slice(0, 4));
  const lastMonthName = new RegExp(`\\blast\\s+(${MONTH_NAMES})\\b`, 'u').exec(text);
  if (lastMonthName) {
    const m = MONTHS[lastMonthName[1]!]!;
    const currentMonth = Number(today.slice(5, 7));
    return month(m < currentMonth ? thisYear : thisYear - 1, m);
  }
  for (const [pattern, back] of RELATIVE_YEARS) {
    if (!pattern.test(text)) continue;
    const y = thisYear - back;
    const m = MONTH_WORD.exec(text);
    if (m) {
      const monthNumber = m[1] !== undefined ? Number(m[1]) : MONTHS[m[2]!]!;
      const range = month(y, monthNumber);
      if (range) return range;
    }
    const h = /(상반기|하반기)/u.exec(text);
    if (h) return half(y, h[1] === '상반기' ? 1 : 2);
    const q = /([1-4])\s*분기|\bq([1-4])\b/u.exec(text);
    if (q) return quarter(y, Number(q[1] ?? q[2]));
    return year(y);
  }
  return null;
}

/** The date or date range a question asks about, or null when it names none. */
export function extractDateRange(text: string, today: string): DateRange | null {
  let best: { range: DateRange; index: number } | null = null;
  for (const [pattern, build] of DATE_PATTERNS) {
    const m = pattern.exec(text);
    if (m === null) continue;
    const range = build(m);
    if (range !== null) {
      // The first pattern in the list is the most specific; take it.
      best = { range, index: m.index };
      break;
    }
  }
  if (best !== null) return best.range;
  const relative = relativeDate(text, today);
  if (relative !== null) return relative;
  if (NOW_WORDS.test(text)) return { from: today, to: today, label: today };
  return null;
}

/** An amount of won found in the question, with where it stood. */
export interface AmountMention {
  readonly krw: number;
  readonly index: number;
  readonly text: string;
}

const KO_UNITS: Record<string, number> = {
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
const EN_UNITS: Record<string, number> = { trillion: 1e12, billion: 1e9, bn: 1e9, million: 1e6, mn: 1e6 };

const NUMBER = '(\\d+(?:,\\d{3})*(?:\\.\\d+)?)';
const KO_AMOUNT = new RegExp(
  `${NUMBER}\\s*(조|천억|백억|십억|억|천만|백만|십만|만)(?:\\s*${NUMBER}\\s*(천억|백억|십억|억|천만|백만|십만|만))?(?:\\s*${NUMBER}\\s*(천만|백만|십만|만))?\\s*(?:원)?`,
  'gu',
);
const EN_AMOUNT = new RegExp(
  `(?:krw|₩|won)?\\s*${NUMBER}\\s*(trillion|billion|bn|million|mn)\\b\\s*(?:won|krw)?`,
  'gu',
);
const PLAIN_WON = new RegExp(`(?:₩|krw\\s*)?(\\d{1,3}(?:,\\d{3}){2,}|\\d{7,})\\s*(?:원|won|krw)?`, 'gu');

const toNumber = (s: string) => Number(s.replace(/,/g, ''));

/** Every amount of won written in the question (100억, 3억 5천만원, 10 billion won, 10,000,000,000원). */
export function extractAmounts(text: string): AmountMention[] {
  const found: AmountMention[] = [];
  const taken: [number, number][] = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);

  for (const m of text.matchAll(KO_AMOUNT)) {
    let krw = 0;
    for (let i = 1; i < m.length; i += 2) {
      const value = m[i];
      const unit = m[i + 1];
      if (value !== undefined && unit !== undefined) krw += toNumber(value) * (KO_UNITS[unit] ?? 0);
    }
    found.push({ krw: Math.round(krw), index: m.index, text: m[0].trim() });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(EN_AMOUNT)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    found.push({
      krw: Math.round(toNumber(m[1]!) * (EN_UNITS[m[2]!] ?? 0)),
      index: m.index,
      text: m[0].trim(),
    });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(PLAIN_WON)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    found.push({ krw: toNumber(m[1]!), index: m.index, text: m[0].trim() });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A share of the whole, as a percentage and as the question wrote it (60%, 3분의 1, a third). */
export function extractShare(text: string): { percent: number; text: string } | null {
  const m = /(\d+(?:\.\d+)?)\s*(?:%|퍼센트|프로|percent|per cent|pct)/u.exec(text);
  if (m) return { percent: Number(m[1]), text: m[0].trim() };
  const fraction = /(\d)\s*분의\s*(\d)/u.exec(text);
  if (fraction) return { percent: (Number(fraction[2]) / Number(fraction[1])) * 100, text: fraction[0] };
  const words: [RegExp, number][] = [
    [/절반|반절|\bhalf\b/u, 50],
    [/\b(?:a|one)\s+third\b/u, 33.3],
    [/\btwo\s+thirds\b/u, 66.7],
    [/\b(?:a|one)\s+quarter\b/u, 25],
    [/\bthree\s+quarters\b/u, 75],
  ];
  for (const [pattern, percent] of words) {
    const w = pattern.exec(text);
    if (w) return { percent, text: w[0] };
  }
  return null;
}

const KO_COUNTS: Record<string, number> = { 한: 1, 두: 2, 세: 3, 네: 4, 1: 1, 2: 2, 3: 3, 4: 4 };
const EN_COUNTS: Record<string, number> = { once: 1, twice: 2, thrice: 3 };
const EN_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, single: 1, '1': 1, '2': 2, '3': 3 };

/**
 * How many bid rounds failed, when the question says. "재공고도 유찰", "the re-announced bid
 * also failed" count as two.
 */
export function extractFailedRounds(text: string): number | null {
  if (
    /(?:재공고|재입찰|두\s*번째\s*(?:공고|입찰))\S*\s*(?:입찰\S*\s*)?(?:도|까지|마저)?\s*\S*\s*유찰|유찰\S*\s*(?:재공고|재입찰)\S*\s*(?:도|까지|마저)\s*유찰/u.test(
      text,
    )
  )
    return 2;
  if (
    /re-?announced\s+(?:bid|tender)\s+(?:also\s+|too\s+)?failed|re-?bid\s+(?:also\s+)?failed|failed\s+again|second\s+(?:bid|round|tender)\s+(?:also\s+)?failed/u.test(
      text,
    )
  )
    return 2;
  const ko =
    /(한|두|세|네|[1-4])\s*(?:번|회|차례)\s*(?:째\s*)?(?:\S*\s*){0,2}?유찰|유찰\S*\s*(?:\S*\s*){0,2}?(한|두|세|네|[1-4])\s*(?:번|회|차례)/u.exec(
      text,
    );
  if (ko) return KO_COUNTS[(ko[1] ?? ko[2])!] ?? null;
  const en = /\b(once|twice|thrice)\b/u.exec(text);
  if (en && /fail|unsuccessful|no bid|bid/u.test(text)) return EN_COUNTS[en[1]!] ?? null;
  const enCount =
    /\b(one|two|three|single|[1-3])\s+(?:failed|unsuccessful)\s+(?:bids?|tenders?|rounds?|biddings?)\b|\b(?:failed|unsuccessful)\s+(?:bids?|tenders?)\s+(?:x\s*)?(one|two|three|[1-3])\b/u.exec(
      text,
    );
  if (enCount) return EN_NUMBERS[(enCount[1] ?? enCount[2])!] ?? null;
  if (
    /\b(?:no|none\s+of\s+the)\s+(?:bids?|tenders?)\s+(?:has|have)\s+(?:yet\s+)?failed|\b(?:hasn't|has\s+not|haven't|have\s+not)\s+(?:yet\s+)?failed|\bbefore\s+any\s+(?:bid|tender)\s+fail|유찰\s*(?:전|되기\s*전)/u.test(
      text,
    )
  )
    return 0;
  const times = /\b([1-3])\s*x\b|\b([1-3])\s+times?\b/u.exec(text);
  if (times && /fail|flop|unsuccessful|fell\s+through/u.test(text)) return Number(times[1] ?? times[2]);
  if (
    /\b(?:a|the|our|first)\s+(?:failed|unsuccessful)\s+(?:bid|tender|call)\b|\b(?:bid|tender|call\s+for\s+bids)\s+(?:failed|flopped|fell\s+through)\b|\bflopped\b/u.test(
      text,
    )
  )
    return 1;
  // A competitive bid with a single bidder is a failed bid (the fact sheet's own example).
  if (
    /단독\s*(?:응찰|입찰|참가)|1인\s*응찰|(?:1|한)\s*(?:개|곳|군데)\s*(?:업체|회사|사)?\s*만|\bonly\s+one\s+(?:bid|bidder|tender|offer|company)|\bsingle\s+(?:bid|bidder)\b|\bone\s+bidder\b/u.test(
      text,
    )
  )
    return 1;
  if (
    /유찰\S*\s*(?:없|안\s*됐|안\s*되)/u.test(text) ||
    /\bno\s+failed\s+bids?\b|\bwithout\s+a\s+failed\b/u.test(text)
  )
    return 0;
  return null;
}

/** Whether the question mentions a failed bid at all (count unknown). */
export function mentionsFailedBid(text: string): boolean {
  return /유찰|failed|unsuccessful|flop|fell\s+through|no\s+bidders?|nobody\s+bid|only one bidder|one bidder|단독\s*응찰|1인\s*응찰/u.test(
    text,
  );
}

export type CompanyTier = 'group' | 'large-8000-plus' | 'large-under-8000' | 'large' | 'new-midsize' | 'sme';

const SALES_WORDS = /매출|sales|revenue|turnover/u;

/**
 * The company tier a question describes, and the sales figure if it gave one. Sales of
 * 8,000억원 split large companies into the two floors.
 */
export function extractCompanyTier(
  text: string,
  amounts: readonly AmountMention[],
): { tier: CompanyTier | null; salesKrw: number | null } {
  const sales = amounts.find((a) => {
    const before = text.slice(Math.max(0, a.index - 16), a.index);
    const after = text.slice(a.index + a.text.length, a.index + a.text.length + 14);
    return SALES_WORDS.test(before) || SALES_WORDS.test(after);
  });
  const salesKrw = sales?.krw ?? null;
  if (/상호\s*출자|기업\s*집단|계열사|재벌|business\s+group|conglomerate|chaebol|affiliate/u.test(text)) {
    return { tier: 'group', salesKrw };
  }
  if (/중견|mid-?sized?|midsize|middle-?market/u.test(text)) return { tier: 'new-midsize', salesKrw };
  if (
    /중소|\bsmes?\b|small\s+(?:and\s+medium|company|companies|firm|firms|business|businesses)|startup|스타트업/u.test(
      text,
    )
  ) {
    return { tier: 'sme', salesKrw };
  }
  if (
    /대기업|large\s+(?:company|companies|firm|firms|enterprise|corporation)|big\s+(?:company|companies|firm|firms)/u.test(
      text,
    ) ||
    salesKrw !== null
  ) {
    if (salesKrw !== null)
      return { tier: salesKrw >= 8e11 ? 'large-8000-plus' : 'large-under-8000', salesKrw };
    if (
      /8,?000\s*억\s*(?:원)?\s*(?:이상|넘|초과)|800\s*billion\s*(?:or\s+more|plus)|over\s+800\s*billion/u.test(
        text,
      )
    ) {
      return { tier: 'large-8000-plus', salesKrw };
    }
    if (
      /8,?000\s*억\s*(?:원)?\s*(?:미만|이하|안\s*되)|under\s+800\s*billion|less\s+than\s+800\s*billion/u.test(
        text,
      )
    ) {
      return { tier: 'large-under-8000', salesKrw };
    }
    return { tier: 'large', salesKrw };
  }
  return { tier: null, salesKrw };
}

/** True when the question says the amount excludes VAT (부가세 별도, excluding VAT). */
export function saysVatExcluded(text: string): boolean {
  return /(?:부가세|부가가치세|vat)\s*(?:별도|제외|미포함|불포함|빼고)|(?:excluding|excl\.?|before|without|ex)\s+vat|vat\s+(?:excluded|not\s+included|exclusive)/u.test(
    text,
  );
}

export function saysResubcontract(text: string): boolean {
  // "재하도급 없음", "without re-subcontracting": the word is there, the thing is not.
  if (
    /재하도급\s*(?:은|는)?\s*(?:없|안\s*함|안\s*해|아님|아니|제외)|(?:no|without|not)\s+(?:any\s+)?re-?\s?subcontract/u.test(
      text,
    )
  )
    return false;
  return /재하도급|재하청|(?:또|다시)\s*(?:하청|하도급)|re-?\s?subcontract|sub-?subcontract|subcontract(?:s|ed)?\s+(?:it\s+)?(?:again|on|further)|pass(?:es)?\s+it\s+on|hand(?:s|ing)?\s+(?:it|the\s+work)\s+on|another\s+sub(?:contractor)?\b/u.test(
    text,
  );
}
