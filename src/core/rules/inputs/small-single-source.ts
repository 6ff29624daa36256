import { addsVat, extractAmounts, type AmountMention } from '../../reading/amounts.js';
import { saysPlainly } from './cues.js';
import { finishReading, startReading, type InputReading } from './types.js';

/** The contract types the small-value limits name (fact sheet, Table 2). */
const WORK_TYPES: readonly (readonly [string, RegExp])[] = [
  ['general-works', /종합\s*공사|일반\s*공사|general\s+(?:construction|works?)/gu],
  ['specialty-works', /전문\s*공사|specialty\s+(?:construction|works?)|specialist\s+works?/gu],
  // The 2020 row names electrical and ICT works with the 1.6억 limit the 2021 row gives "other
  // works": the same category (그 밖의 공사) under two names.
  [
    'other-works',
    /기타\s*공사|그\s*밖의\s*공사|전기\s*공사|정보\s*통신\s*공사|other\s+works?|electrical(?:\s+works?)?|(?:ict|telecom(?:munications?)?)\s+(?:construction|works?)/gu,
  ],
  ['goods-services', /물품|용역|goods|services?\b|supplies/gu],
];
/** 소기업 등: the goods-and-services limit of 1억 is for contracts with small firms. */
const SMALL_FIRM =
  /소기업|소상공인|small[\s-]+(?:business|businesses|firm|firms|company|companies|enterprise|enterprises)|micro\s*(?:business|enterprise|firm)s?/gu;

/** A limit word right before an amount: the amount is the limit, not the contract's. */
const LIMIT_BEFORE =
  /(?:한도|상한)\s*(?:가|는|이|은)?\s*(?:원래|예전엔?|전에는?)?\s*$|\blimit\s+(?:used\s+to\s+be|was|is|of)\s+(?:only\s+)?$/u;

/** After an amount: it is the old limit a raise started from ("5천만원에서 얼마로 올랐지"). */
const RAISED_FROM = /^\s*(?:에서|→|->)\s*(?:얼마|몇|\d|올|상향|인상|늘)/u;

const REQUIRED = ['workType', 'amountKrw'] as const;

const VAT_WORD = /부가세|부가가치세|\bvat\b/u;

/** Two amounts, one the other plus 10% VAT, in a question that mentions VAT. */
function vatPair(
  text: string,
  mentions: readonly AmountMention[],
): { without: AmountMention; with: AmountMention } | null {
  if (mentions.length !== 2 || !VAT_WORD.test(text)) return null;
  const [a, b] = [...mentions].sort((x, y) => x.krw - y.krw) as [AmountMention, AmountMention];
  return addsVat(a.krw, b.krw) ? { without: a, with: b } : null;
}

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
  // "The limit used to be 2억", "한도가 2억이었는데": the limit the asker recalls, not the contract's amount.
  const mentions = extractAmounts(text).filter(
    (a) =>
      !LIMIT_BEFORE.test(text.slice(Math.max(0, a.index - 24), a.index)) &&
      !RAISED_FROM.test(text.slice(a.index + a.text.length, a.index + a.text.length + 16)),
  );
  const amounts = [...new Set(mentions.map((a) => a.krw))];
  const withVat = vatPair(text, mentions);
  if (withVat !== null) {
    // "80 million won (88 million incl. VAT)": one amount said with and without VAT. The sources
    // don't say which one the limits count, so the verdict stands only if both give it.
    draft.alternatives.push({ amountKrw: withVat.without.krw }, { amountKrw: withVat.with.krw });
    draft.display['amountKrw'] = `${withVat.without.text} (VAT ${withVat.with.text})`;
  } else if (amounts.length > 1) draft.unclear.push({ input: 'amountKrw', reason: 'several-values' });
  else if (amounts.length === 1) {
    draft.values['amountKrw'] = amounts[0]!;
    // Shown as the question wrote it ("1억5천"), not as a number the asker never typed.
    draft.display['amountKrw'] = mentions[0]!.text;
  }
  if (saysPlainly(text, SMALL_FIRM)) draft.values['smallFirm'] = true;
  draft.asked = 'workType' in draft.values || 'amountKrw' in draft.values;
  return finishReading(draft, REQUIRED);
}
