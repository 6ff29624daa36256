import { readContractLevel } from './contract-level.js';
import { finishReading, startReading, type InputReading } from './types.js';

/** 한 번 ... 네 번, when the text was not run through normalizeNumerals. */
const KO_COUNTS: Readonly<Record<string, number>> = { 한: 1, 두: 2, 세: 3, 네: 4 };
const EN_COUNTS: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3 };
const EN_NUMBERS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, single: 1 };

const countOf = (word: string, table: Readonly<Record<string, number>>) =>
  /^\d+$/u.test(word) ? Number(word) : (table[word] ?? null);

/** A round with a single bidder, which is a failed round (the fact sheet's own example). */
const KO_SINGLE_BIDDER =
  '단독\\s*(?:응찰|입찰|참가)|1인\\s*응찰|(?<!견적\\S{0,2}\\s{0,2})(?:1|한)\\s*(?:개|곳|군데)\\s*(?:업체|회사|사)?\\s*만|(?:참가자|응찰자|입찰자)\\S{0,2}\\s*(?:우리|저희)\\s*(?:뿐|밖에)|(?:우리|저희)\\s*(?:회사)?\\s*(?:만|뿐)\\s*(?:혼자\\s*)?(?:들어가|응찰|입찰|참가)|혼자\\s*(?:들어가|응찰|입찰|참가)';
/** What a failed round is called. */
const KO_FAILURE = `(?:유찰|무산|불발|응찰\\s*(?:자\\s*)?(?:없|안)|${KO_SINGLE_BIDDER})`;

/**
 * The re-announced round failed too: two rounds, allowed under the normal rule. "재공고 입찰도
 * 유찰", "재공고 입찰 결과 단독입찰로 유찰", "2번째 공고도 유찰", "재입찰까지 유찰"; not "재공고
 * 없이" (no re-announcement) and not a re-announcement mentioned only before the failure.
 */
const REBID_FAILED: readonly RegExp[] = [
  new RegExp(
    `(?:재\\s*공고|재\\s*입찰|다시\\s*공고|(?:2|두)\\s*(?:번째|차)\\s*(?:공고|입찰))(?!\\s*(?:없이|안\\s*하|않고|생략|전|하면|할))[^.?!\\n]{0,24}?${KO_FAILURE}`,
    'u',
  ),
  // ("skip the re-bid after a single failed tender" is one round: the re-bid is not held.)
  /(?<!\b(?:skip|skipping|without|no|avoid|avoiding|bypass|bypassing|instead\s+of)\s+(?:the\s+|a\s+|any\s+)?)\bre-?(?:announced|advertised|issued|tender(?:ed|ing)?|bid(?:ding)?|notice|posted|launched)\b[^.?!\n]{0,40}?\b(?:fail|flop|fell\s+through|unsuccessful|no\s+bid|only\s+one|single\s+bid|one\s+bidder)/u,
  /\bfailed\s+again\b|\bfailed\s+twice\b|\bsecond\s+(?:bid|round|tender|call|notice)\s+(?:also\s+|too\s+)?(?:failed|flopped|fell\s+through)|\bboth\s+(?:rounds|bids|tenders|calls)\s+(?:failed|flopped)/u,
];

/** A re-bid that is only talked of: required, awaited, supposed. */
const HYPOTHETICAL =
  /\b(?:must|have\s+to|has\s+to|need\s+to|needs\s+to|should|wait\s+for|would|will|if|until|unless|whether)\b|해야|하라고|하면|되면|될\s*때까지|기다려/u;

const KO_COUNT =
  /(?<![\d-])(\d|한|두|세|네)\s*(?:번|회|차례|차)\s*(?:째\s*)?(?:\S*\s*){0,2}?유찰|유찰\S*\s*(?:\S*\s*){0,2}?(?<![\d-])(\d|한|두|세|네)\s*(?:번|회|차례)/u;
const EN_TIMES = /\b(once|twice|thrice)\b/u;
const EN_COUNT =
  /\b(one|two|three|single|[1-3])[\s-]+(?:failed|unsuccessful)[\s-]+(?:bids?|tenders?|rounds?|biddings?)\b|\b(?:failed|unsuccessful)\s+(?:bids?|tenders?)\s+(?:x\s*)?(one|two|three|[1-3])\b/u;
const NONE_YET =
  /\b(?:no|none\s+of\s+the)\s+(?:bids?|tenders?)\s+(?:has|have)\s+(?:yet\s+)?failed|\b(?:hasn't|has\s+not|haven't|have\s+not)\s+(?:yet\s+)?failed|\bbefore\s+any\s+(?:bid|tender)\s+fail|유찰\s*(?:전|되기\s*전)/u;
const EN_X_TIMES = /\b([1-3])\s*x\b|\b([1-3])\s+times?\b/u;
const ONE_FAILED =
  /\b(?:a|the|our|first)\s+(?:failed|unsuccessful)\s+(?:bid|tender|call)\b|\b(?:one|single|1)[\s-]+(?:bid|tender)\s+failure\b|\b(?:bid|tender|call\s+for\s+bids)\s+(?:failed|flopped|fell\s+through)\b|\bflopped\b/u;
const SINGLE_BIDDER = new RegExp(
  `${KO_SINGLE_BIDDER}|\\b(?:only|just)\\s+one\\s+(?:bid|bidder|tender|offer|company)|\\bsingle\\s+(?:bid|bidder)\\b|\\bone\\s+bidder\\b|\\b(?:the|sole)\\s+only\\s+bidders?\\b|\\bonly\\s+bidder\\b|\\bsole\\s+bidder\\b`,
  'u',
);
const NO_FAILURE = /유찰\S*\s*(?:없|안\s*됐|안\s*되)|\bno\s+failed\s+bids?\b|\bwithout\s+a\s+failed\b/u;

/**
 * How many bid rounds failed, when the question says: "재공고도 유찰", "the re-announced bid also
 * failed" count as two, a single bidder as one, "유찰 없이" as none.
 */
export function extractFailedRounds(text: string): number | null {
  if (
    REBID_FAILED.some((p) => {
      const m = p.exec(text);
      // "we must re-tender and wait for it to fail again": a re-bid that has not happened.
      return m !== null && !HYPOTHETICAL.test(text.slice(Math.max(0, m.index - 24), m.index + m[0].length));
    })
  )
    return 2;
  const ko = KO_COUNT.exec(text);
  // "예전엔 두 번 유찰돼야 된다고 들었거든요": the count a rule needs, not what happened.
  const needed =
    ko !== null &&
    /^\S{0,3}(?:돼야|되어야|해야|야\s*(?:된|한)|이\s*필요|필요)/u.test(text.slice(ko.index + ko[0].length));
  if (ko && !needed) return countOf((ko[1] ?? ko[2])!, KO_COUNTS);
  const en = EN_TIMES.exec(text);
  if (en && /fail|unsuccessful|no bid|bid/u.test(text)) return EN_COUNTS[en[1]!] ?? null;
  const enCount = EN_COUNT.exec(text);
  if (enCount) return countOf((enCount[1] ?? enCount[2])!, EN_NUMBERS);
  if (NONE_YET.test(text)) return 0;
  const times = EN_X_TIMES.exec(text);
  if (times && /fail|flop|unsuccessful|fell\s+through/u.test(text)) return Number(times[1] ?? times[2]);
  if (ONE_FAILED.test(text) || SINGLE_BIDDER.test(text)) return 1;
  if (NO_FAILURE.test(text)) return 0;
  return null;
}

/** Whether the question mentions a failed bid at all (count unknown). */
export function mentionsFailedBid(text: string): boolean {
  return /유찰|무산|failed|unsuccessful|flop|fell\s+through|no\s+bidders?|nobody\s+bid|only one bidder|one bidder|(?:just|only)\s+one\s+bid\b|단독\s*응찰|1인\s*응찰/u.test(
    text,
  );
}

/** A count written as "한 번 더" / "1번 더": one more on top of an untold number. */
const ONE_MORE =
  /(?<![\d-])(?:\d|한|두)\s*(?:번|회)\s*더\s*\S*\s*유찰|\bonce\s+more\b|\bone\s+more\s+(?:failed|time)/u;
const NEGATIVE_COUNT = /[-−]\s*\d\s*(?:번|회|차례|times?)/u;

const REQUIRED = ['failedRounds'] as const;

/**
 * Reads the single-source decision's inputs: `failedRounds` (0, 1, or 2 when the re-announced
 * round failed too) and `contractLevel` ('local' for 지방계약 / local government, 'national' when
 * the question says so). A failed bid without a count gives alternatives 1 and 2; "한 번 더" and
 * negative counts are `unclear`.
 */
export function readSingleSourceInputs(text: string): InputReading {
  const draft = startReading();
  if (NEGATIVE_COUNT.test(text)) draft.unclear.push({ input: 'failedRounds', reason: 'impossible' });
  else if (ONE_MORE.test(text)) draft.unclear.push({ input: 'failedRounds', reason: 'value-role' });
  else {
    const rounds = extractFailedRounds(text);
    if (rounds !== null) {
      draft.values['failedRounds'] = rounds;
      draft.asked = true;
    } else if (mentionsFailedBid(text)) {
      draft.alternatives.push({ failedRounds: 1 }, { failedRounds: 2 });
      draft.asked = true;
    }
  }
  readContractLevel(text, draft);
  return finishReading(draft, REQUIRED);
}
