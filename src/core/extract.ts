/**
 * Reads the values a rule needs from a question: dates, amounts of won, percentages, counts.
 * Input is the NFKC, lower-cased question (punctuation kept, so "2021. 5. 10." still reads).
 */

export { extractDateRange, readDate, type DateRange, type DateReading } from './reading/dates.js';
export { extractAmounts, extractShare, readShares, type AmountMention, type ShareMention } from './reading/amounts.js';
export { normalizeNumerals, prepareForReading } from './reading/numerals.js';

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
  amounts: readonly import('./reading/amounts.js').AmountMention[],
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
