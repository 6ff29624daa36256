import { extractAmounts, readShares, type AmountMention, type ShareMention } from '../../reading/amounts.js';
import { saysPlainly } from './cues.js';
import { cuedShares, isImpossibleShare, writePercentInput } from './percentInput.js';
import { finishReading, startReading, type InputReading } from './types.js';

const SUBCONTRACT = /하도급|하청|외주|sub-?\s?contract\w*|outsourc\w*|(?<![a-z])subs?\b/gu;
const RESUBCONTRACT =
  /재\s*하도급|재\s*하청|(?:또|다시)\s*(?:하청|하도급)|re-?\s?subcontract\w*|sub-?\s?subcontract\w*|subcontract(?:s|ed)?\s+(?:(?:it|them|the\s+work|part\s+of\s+it)\s+on\b|again\b|further\b)|pass(?:es|ing)?\s+(?:it|the\s+work|(?:part|some)\s+of\s+(?:it|that(?:\s+work)?|the\s+work|(?:its|their|his|her|our)\s+(?:share|work|portion|part)))\s+on\b|hand(?:s|ing)?\s+(?:it|the\s+work)\s+(?:on|over)\b|another\s+sub(?:contractor)?\b/gu;
/** Between a share and the word it belongs to: "40%를 하도급", "8 per cent subcontracted". */
const FILLER_AFTER =
  /^(?:\s*(?:를|을|만|정도|쯤|가량|의|이상|이하|넘게|까지|of\s+(?:the\s+)?(?:work|project|contract|job|it)|is|are|being|will\s+be|to\s+be))*\s*/u;
/** "1/3 하도급": a slash fraction, read here only, where it cannot be a date. */
const SLASH_FRACTION = /(?<![\d/.])([1-9])\s*\/\s*([2-9]|10)(?![\d/.])/gu;

/**
 * Whether the question says re-subcontracting happens ("재하도급하면", "the sub would
 * re-subcontract", "pass it on to another sub"); "재하도급은 안 함", "no re-subcontracting" say
 * it does not.
 */
export function saysResubcontract(text: string): boolean {
  return saysPlainly(text, RESUBCONTRACT);
}

function slashFractions(text: string): ShareMention[] {
  return [...text.matchAll(SLASH_FRACTION)].map((m) => ({
    percent: Math.round((Number(m[1]) / Number(m[2])) * 10000) / 100,
    index: m.index,
    text: m[0],
    kind: 'fraction' as const,
    bound: 'exact' as const,
  }));
}

const REQUIRED = ['sharePercent'] as const;

/** "6억어치를 하도급", "6억 원을 외주로": the amount is what is subcontracted. */
const AMOUNT_THEN_SUBCONTRACT =
  /^\s*(?:원)?\s*(?:어치|정도|가량|쯤)?\s*(?:를|을|만큼)?\s*(?:하도급|하청|외주|sub-?\s?contract)/u;
/** "subcontract 800 million", "subcontracting KRW 600 million of it", "하도급 6억". */
const SUBCONTRACT_THEN_AMOUNT =
  /(?:sub-?\s?contract\w*|outsourc\w*|하도급|하청|외주)\s*(?:금액\s*(?:은|이)?\s*)?(?:of\s+|worth\s+|about\s+|around\s+)?(?:krw\s*)?$/u;

/**
 * "계약금액 10억 SW개발사업인데 6억어치를 하도급": the share given as two amounts, the subcontracted one
 * next to the subcontracting word and smaller than the other. Shown as the asker wrote it ("6억/10억"),
 * so no figure the asker did not give appears in the answer.
 */
function shareOfAmounts(text: string): ShareMention | null {
  const amounts = extractAmounts(text);
  if (amounts.length !== 2) return null;
  const near = (a: AmountMention) => {
    const after = text.slice(a.index + a.text.length);
    const before = text.slice(0, a.index);
    return AMOUNT_THEN_SUBCONTRACT.test(after) || SUBCONTRACT_THEN_AMOUNT.test(before);
  };
  const subs = amounts.filter(near);
  if (subs.length !== 1) return null;
  const sub = subs[0]!;
  const whole = amounts.find((a) => a !== sub)!;
  if (!(sub.krw > 0 && whole.krw > sub.krw)) return null;
  return {
    percent: Math.round((sub.krw / whole.krw) * 10000) / 100,
    index: sub.index,
    text: `${sub.text}/${whole.text}`,
    kind: 'fraction',
    bound: 'exact',
  };
}

const MARGIN_AFTER = /^\s*(?:만|정도만|밖에)\s*(?:넘|초과|더)|^\s*(?:over|above|more)\b/u;
const MARGIN_BEFORE = /\b(?:by|just|only)\s+(?:about\s+)?$/u;

function isMargin(text: string, share: ShareMention): boolean {
  const after = text.slice(share.index + share.text.length, share.index + share.text.length + 12);
  const before = text.slice(Math.max(0, share.index - 14), share.index);
  return MARGIN_AFTER.test(after) && (/만|밖에/u.test(after) || MARGIN_BEFORE.test(before));
}

/** After a share: the rule's own limit is being talked about ("50% 계산할 때", "the 50% cap"). */
const RULE_LIMIT_AFTER =
  /^\s*(?:룰|규정|규칙|한도|상한|제한|기준|계산|산정|(?:rule|cap|limit|ceiling|threshold)\b)/u;

/** The cap (50%) or the joint-bid line (10%) named as the rule, not a share of the work. */
function isRuleLimit(text: string, share: ShareMention): boolean {
  const after = text.slice(share.index + share.text.length, share.index + share.text.length + 12);
  return (share.percent === 50 || share.percent === 10) && RULE_LIMIT_AFTER.test(after);
}

const TOTAL_BEFORE =
  /(?:합치면|합쳐서|합쳐|합하면|합해서|합계|도합|총|전부\s*(?:해서|합쳐)?|모두\s*(?:해서|합쳐)?|in\s+total|combined|altogether|together|total(?:\s+of)?|(?:adds?|add\s+up|comes?)\s+to)\s*(?:은|는|이|가)?\s*$/u;
const TOTAL_AFTER = /^\s*(?:in\s+total|combined|altogether|all\s+together|total)\b/u;

/** A share the asker gives as the sum of the parts they listed ("합치면 55%", "55% combined"). */
function isStatedTotal(text: string, share: ShareMention): boolean {
  const before = text.slice(Math.max(0, share.index - 16), share.index);
  const after = text.slice(share.index + share.text.length, share.index + share.text.length + 16);
  return TOTAL_BEFORE.test(before) || TOTAL_AFTER.test(after);
}

/**
 * Reads the subcontracting decision's inputs: `sharePercent` from a percent, a fraction (3분의 1,
 * 1/3, one third, 절반, 전체의 반) or a bound ("50% 넘게" → every share above 50%), and
 * `resubcontract` (false unless the question says it happens). A fraction is always the share,
 * never re-subcontracting. Several shares with no subcontracting word to pick one are `unclear`.
 */
export function readSubcontractingInputs(text: string): InputReading {
  const draft = startReading();
  // "51%… 1%만 넘는 건데", "over by just 1%": a margin over the cap, not a share of the work.
  const shares = [...readShares(text), ...slashFractions(text)]
    .filter((s) => !isMargin(text, s) && !isRuleLimit(text, s))
    .sort((a, b) => a.index - b.index)
    // "exactly half (50%)": one share said twice.
    .filter((s, i, all) => all.findIndex((t) => t.percent === s.percent && t.bound === s.bound) === i);
  // "하나는 25%, 하나는 30%… 합치면 55%": the total the asker states is the share; its parts are not.
  // "55% … (30% + 25%)": a share that is the sum of all the others is their total.
  const sumOfOthers = shares.filter(
    (s, i) =>
      shares.length > 2 &&
      s.bound === 'exact' &&
      Math.abs(shares.reduce((sum, t, j) => (j === i ? sum : sum + t.percent), 0) - s.percent) < 0.01,
  );
  const totals = sumOfOthers.length === 1 ? sumOfOthers : shares.filter((s) => isStatedTotal(text, s));
  if (totals.length === 1 && shares.length > 1) shares.splice(0, shares.length, totals[0]!);
  const cued = cuedShares(text, shares, { pattern: SUBCONTRACT, fillerAfter: FILLER_AFTER });
  // A share bounded by 넘으면 / 이상 with no subcontracting word is the rule's threshold being
  // talked about ("10% 넘으면 공동수급?"); an exact one may be the share itself.
  const loose = shares.filter((s) => !cued.includes(s) && s.bound === 'exact');
  const byAmounts = shares.length === 0 ? shareOfAmounts(text) : null;
  const chosen =
    byAmounts !== null ? [byAmounts] : cued.length > 0 ? cued : shares.length === 1 ? shares : [];
  if ((chosen.length === 0 && shares.length > 1) || (cued.length > 0 && loose.length > 0))
    draft.unclear.push({ input: 'sharePercent', reason: 'value-role' });
  if (chosen.some((s) => isImpossibleShare(text, s)))
    draft.unclear.push({ input: 'sharePercent', reason: 'impossible' });
  else if (new Set(chosen.map((s) => s.percent)).size > 1)
    draft.unclear.push({ input: 'sharePercent', reason: 'several-values' });
  else if (chosen.length > 0 && draft.unclear.length === 0)
    writePercentInput(draft, 'sharePercent', chosen[0]!);

  const resubcontract = saysResubcontract(text);
  draft.values['resubcontract'] = resubcontract;
  draft.asked = chosen.length > 0 || text.search(RESUBCONTRACT) >= 0;
  return finishReading(draft, REQUIRED);
}
