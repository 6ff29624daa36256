import type { Decision } from '../../knowledge/schema.js';
import { readDate } from '../reading/readDate.js';
import type { DateRange } from '../extract.js';
import type { DecisionRequest } from '../ruleAnswer.js';
import { numberToHangul } from 'es-hangul';
import { extractAmounts } from '../reading/amounts.js';
import { readRuleInputs } from './inputs/index.js';

const NOW_IN_PERIOD =
  /올해도|올해에도|이번\s*달도|연장\s*(?:됐|되었|된\s*거)|아직|지금도|\bstill\b|\bextended\b/u;

const digitsOf = (text: string): string[] => text.replace(/,(?=\d{3})/g, '').match(/\d+/g) ?? [];

/**
 * Reads a decision's inputs and date from the prepared question (`prepareForReading`): each input by
 * the words around it (rules/inputs/, one reader per decision), never by the order of the numbers.
 * `hasParameters` when the question gave a date or anything the decision reads.
 */
export function readDecisionInputs(
  decision: Decision,
  prepared: string,
  today: string,
  raw: string = prepared,
): DecisionRequest {
  const dateReading = readDate(prepared, today);
  const range = dateReading?.kind === 'date' ? dateReading.range : null;
  // "올해도 연장됐어?", "still extended this year?": a period that holds today, asked of now.
  const asked =
    range !== null && range.from < today && today < range.to && NOW_IN_PERIOD.test(prepared)
      ? { from: today, to: today, label: today }
      : range;
  const date: DateRange = asked ?? { from: today, to: today, label: today };
  const reading = readRuleInputs(decision.id, prepared);
  const unclearInputs = new Set(reading.unclear.map((u) => u.input));
  const values = Object.fromEntries(
    Object.entries(reading.values).filter(([name]) => !unclearInputs.has(name)),
  );
  const notes = [...reading.notes];
  // An input whose role could not be told apart (is 1조 the sales or the project?) is not used: the
  // verdict then says it is missing, and which value was unclear.
  for (const unclear of reading.unclear) {
    const label = decision.inputs.find((i) => i.name === unclear.input)?.label;
    notes.push({
      key: `rule.unclear.${unclear.reason}`,
      values: { input: label?.ko ?? unclear.input, inputEn: label?.en ?? unclear.input },
    });
  }
  // A note restates the asked amount as the question wrote it: in words when it was written in words.
  const notesAsWritten = notes.map((note) => {
    const amount = note.values['amount'];
    if (amount === undefined || digitsOf(amount).every((d) => digitsOf(raw.normalize('NFKC')).includes(d)))
      return note;
    const krw = extractAmounts(amount)[0]?.krw;
    return krw === undefined
      ? note
      : { ...note, values: { ...note.values, amount: `${numberToHangul(krw)}원` } };
  });
  return {
    decision,
    values,
    date,
    dateAsked: asked !== null,
    hasParameters: reading.asked || asked !== null,
    notes: notesAsWritten,
    alternatives: reading.unclear.length > 0 ? [] : reading.alternatives,
    unclear: [...unclearInputs],
    display: asWritten(reading.display, reading.values, raw),
  };
}

/**
 * How an input is shown in the trace: as the question wrote it. A value the question gave in words
 * (육십사억오천만원, 육십 퍼센트) is shown in words too, not as digits the asker never typed.
 */
function asWritten(
  display: Readonly<Record<string, string>>,
  values: Readonly<Record<string, string | number | boolean>>,
  raw: string,
): Record<string, string> {
  const digitsOfQuestion = new Set(
    raw
      .normalize('NFKC')
      .replace(/,(?=\d{3})/g, '')
      .match(/\d+/g) ?? [],
  );
  const shown: Record<string, string> = {};
  for (const [name, text] of Object.entries(display)) {
    // "37억 + VAT 10%": the VAT rate is the law's, not a figure the asker had to write.
    const digits =
      text
        .replace(/VAT\s*10%/gu, '')
        .replace(/,(?=\d{3})/g, '')
        .match(/\d+/g) ?? [];
    const value = values[name];
    if (
      digits.every((d) => digitsOfQuestion.has(d)) ||
      typeof value !== 'number' ||
      !Number.isInteger(value)
    ) {
      shown[name] = text;
      continue;
    }
    shown[name] = `${numberToHangul(value)}${/percent|share/i.test(name) ? '%' : '원'}`;
  }
  return shown;
}
