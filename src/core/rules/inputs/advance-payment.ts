import { readContractLevel } from './contract-level.js';
import { readShares } from '../../reading/amounts.js';
import { saysPlainly } from './cues.js';
import { cuedShares, isImpossibleShare, writePercentInput } from './percentInput.js';
import { finishReading, startReading, type InputReading } from './types.js';

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
  draft.asked =
    'advancePercent' in draft.values || draft.alternatives.length > 0 || 'contractType' in draft.values;
  return finishReading(draft, []);
}
