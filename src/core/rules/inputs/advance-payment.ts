import { readContractLevel } from './contract-level.js';
import { readShares } from '../../reading/amounts.js';
import { saysPlainly } from './cues.js';
import { cuedShares, isImpossibleShare, writePercentInput } from './percentInput.js';
import { finishReading, startReading, type InputDraft, type InputReading } from './types.js';

const ADVANCE = /선금|선급금|선급|advance(?:\s+payments?)?|pre-?\s?payments?|down\s*payments?|up-?\s?front/gu;
/** Between a percent and the word it belongs to: "100% 선금", "a 100% advance". */
const FILLER_AFTER = /^(?:\s*(?:를|을|의|까지|정도|of\s+the\s+(?:contract|price|amount)|as\s+an?|as))*\s*/u;
/** The whole price paid in advance: "선금 전액", "full advance". */
const FULL_ADVANCE =
  /(?:선금|선급금)\s*(?:으로\s*)?전액|전액\s*(?:을\s*)?(?:선금|선급)|\b(?:full|entire|whole)\s+(?:advance|prepayment|amount\s+(?:in\s+advance|up-?\s?front))/u;

/** Words a percent may belong to instead of the advance: bonds, subcontracting, fees, rates. */
const OTHER_SHARE = /보증|하도급|수수료|이율|금리|지체상금|bond|subcontract|fee|interest|penalty|deposit/u;

/**
 * 공사 alone is a works contract; after another word it is usually a name (한국도로공사), except
 * the kinds of works.
 */
const WORKS =
  /(?<![\uac00-\ud7a3])공사|(?:건설|시설|전기|통신|소방|토목|건축|설비|신축|보수|정보통신)\s*공사|시공|\bpublic\s+works\b|\bworks\s+(?:contracts?|contractors?)\b|\bconstruction\b|\bcivil\s+works?\b/gu;
const SERVICES =
  /용역|\bservices?\s+contracts?\b|\bservice\s+contracts?\b|\bconsulting\b|\bsoftware\s+development\b/gu;
const GOODS =
  /물품|구매\s*계약|\bgoods\b|\bsupply\s+contracts?\b|\bsupplies\b|\bpurchase\s+of\s+(?:goods|equipment)\b/gu;

/** A number of days ("10일", "15 days", "the 6th day"). */
const DAYS = /(\d{1,3})(?:\s*(?:일|days?\b|-day\b)|(?:st|nd|rd|th)\s+day\b)/gu;
/** Words of a case: a payment that came after so many days ("10일 뒤에 줬어요", "paid 15 days after"). */
const PAID_AFTER =
  /뒤에|후에|만에|째|지나서|늦|걸렸|걸린|걸려|줬|받았|나왔|들어왔|지급했|지급됐|\bpaid\b|\bafter\b|\blater\b|\btook\b/u;
/** After a number of days: the deadline the asker recalls ("5일 안에 줘야 하는 거 아니었나요?"). */
const DEADLINE_AFTER =
  /^\s*(?:안에|이내에?|내에|within)\s*(?:\S+\s*)?(?:줘야|주어야|지급해야|해야|하면\s*되|must|should|have\s+to|has\s+to)/u;
const ADVANCE_WORD = /선금|선급/gu;
const ADVANCE_WORD_EN = /\badvance/gu;
const SUBCONTRACT_WORD = /하도급|하청|subcontract/gu;
const lastAt = (pattern: RegExp, text: string) =>
  Math.max(-1, ...[...text.matchAll(pattern)].map((m) => m.index));

/**
 * The days an advance or a subcontract payment took, told as a case ("선금 청구했는데 10일 뒤에
 * 줬어요", "paid our subcontract share 15 days after receiving it"): each number of days belongs to
 * the nearest advance or subcontracting word before it. Two values for one are tried both ways.
 */
function readPaymentDays(text: string, draft: InputDraft): void {
  if (!PAID_AFTER.test(text)) return;
  const found: Record<'advanceDays' | 'subcontractPaymentDays', Set<number>> = {
    advanceDays: new Set(),
    subcontractPaymentDays: new Set(),
  };
  for (const m of text.matchAll(DAYS)) {
    const before = text.slice(0, m.index);
    if (/\d{1,2}\s*월\s*$/u.test(before)) continue; // "6월 10일" is a date
    if (DEADLINE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue;
    const advance = Math.max(lastAt(ADVANCE_WORD, before), lastAt(ADVANCE_WORD_EN, before));
    const subcontract = lastAt(SUBCONTRACT_WORD, before);
    if (advance < 0 && subcontract < 0) continue;
    found[subcontract > advance ? 'subcontractPaymentDays' : 'advanceDays'].add(Number(m[1]));
  }
  for (const input of ['advanceDays', 'subcontractPaymentDays'] as const) {
    const values = [...found[input]];
    if (values.length === 1) draft.values[input] = values[0]!;
    else if (values.length > 1) draft.alternatives.push(...values.map((value) => ({ [input]: value })));
  }
}

/**
 * Reads the advance-payment decision's inputs: `advancePercent`, the advance asked for ("선금
 * 100%", "a 100% advance", "선금 전액"), and `contractType` ('works' for 공사 / construction,
 * 'services' for 용역, 'goods' for 물품). Percents not tied to an advance word (bond rates) are
 * not read; two different advance percents, or two contract types, are `unclear`. Neither input
 * is required by knowledge/rules.yaml yet, so none is ever missing.
 */
export function readAdvancePaymentInputs(text: string): InputReading {
  const draft = startReading();
  const percents = readShares(text).filter((share) => share.kind === 'percent');
  const near = cuedShares(text, percents, { pattern: ADVANCE, fillerAfter: FILLER_AFTER });
  // "the advance is paid on February 12, 2024. Can it be 100% of the contract value?": the one
  // percent of a question about an advance, with no word tying it to anything else, is the advance.
  const cued =
    near.length === 0 && percents.length === 1 && saysPlainly(text, ADVANCE) && !OTHER_SHARE.test(text)
      ? percents
      : near;
  if (cued.some((s) => isImpossibleShare(text, s)))
    draft.unclear.push({ input: 'advancePercent', reason: 'impossible' });
  else if (new Set(cued.map((s) => s.percent)).size > 1)
    draft.unclear.push({ input: 'advancePercent', reason: 'several-values' });
  else if (cued.length > 0) writePercentInput(draft, 'advancePercent', cued[0]!);
  else {
    const full = FULL_ADVANCE.exec(text);
    if (full) {
      draft.values['advancePercent'] = 100;
      draft.display['advancePercent'] = full[0];
    }
  }

  const types = (
    [
      ['works', WORKS],
      ['services', SERVICES],
      ['goods', GOODS],
    ] as const
  ).filter(([, pattern]) => saysPlainly(text, pattern));
  if (types.length > 1) draft.unclear.push({ input: 'contractType', reason: 'several-values' });
  else if (types.length === 1) draft.values['contractType'] = types[0]![0];
  readContractLevel(text, draft);
  readPaymentDays(text, draft);
  draft.asked =
    'advancePercent' in draft.values ||
    draft.alternatives.length > 0 ||
    'contractType' in draft.values ||
    'advanceDays' in draft.values ||
    'subcontractPaymentDays' in draft.values;
  return finishReading(draft, []);
}
