import { extractAmounts } from '../../reading/amounts.js';
import { saysPlainly } from './cues.js';
import { finishReading, startReading, type InputReading } from './types.js';

/** The contract types the small-value limits name (fact sheet, Table 2). */
const WORK_TYPES: readonly (readonly [string, RegExp])[] = [
  ['general-works', /종합\s*공사|general\s+(?:construction|works?)/gu],
  ['specialty-works', /전문\s*공사|specialty\s+(?:construction|works?)|specialist\s+works?/gu],
  ['other-works', /기타\s*공사|other\s+works?/gu],
  ['goods-services', /물품|용역|goods|services?\b|supplies/gu],
];
/** 소기업 등: the goods-and-services limit of 1억 is for contracts with small firms. */
const SMALL_FIRM =
  /소기업|소상공인|small\s+(?:business|businesses|firm|firms|company|companies|enterprise|enterprises)|micro\s*(?:business|enterprise|firm)s?/gu;

const REQUIRED = ['workType', 'amountKrw'] as const;

/**
 * Reads the small-value single-source decision's inputs: `workType` (goods or services, general,
 * specialty or other works; one only, or it is unclear), `amountKrw` (the one amount the question
 * gives; several distinct amounts are unclear) and `smallFirm` (said plainly).
 */
export function readSmallSingleSourceInputs(text: string): InputReading {
  const draft = startReading();
  const types = WORK_TYPES.filter(([, pattern]) => saysPlainly(text, pattern)).map(([type]) => type);
  // "공사" with a named kind is works only: "전문공사 용역" is not two types.
  const kinds = types.some((t) => t !== 'goods-services')
    ? types.filter((t) => t !== 'goods-services')
    : types;
  if (kinds.length > 1) draft.unclear.push({ input: 'workType', reason: 'several-values' });
  else if (kinds.length === 1) draft.values['workType'] = kinds[0]!;
  const mentions = extractAmounts(text);
  const amounts = [...new Set(mentions.map((a) => a.krw))];
  if (amounts.length > 1) draft.unclear.push({ input: 'amountKrw', reason: 'several-values' });
  else if (amounts.length === 1) {
    draft.values['amountKrw'] = amounts[0]!;
    // Shown as the question wrote it ("1억5천"), not as a number the asker never typed.
    draft.display['amountKrw'] = mentions[0]!.text;
  }
  if (saysPlainly(text, SMALL_FIRM)) draft.values['smallFirm'] = true;
  draft.asked = 'workType' in draft.values || 'amountKrw' in draft.values;
  return finishReading(draft, REQUIRED);
}
