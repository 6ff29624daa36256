import type { Decision } from '../../knowledge/schema.js';
import { readDate } from '../reading/dates.js';
import type { DateRange } from '../extract.js';
import type { DecisionRequest } from '../ruleAnswer.js';
import { readRuleInputs } from './inputs/index.js';

/**
 * Reads a decision's inputs and date from the prepared question (`prepareForReading`): each input by
 * the words around it (rules/inputs/, one reader per decision), never by the order of the numbers.
 * `hasParameters` when the question gave a date or anything the decision reads.
 */
export function readDecisionInputs(decision: Decision, prepared: string, today: string): DecisionRequest {
  const dateReading = readDate(prepared, today);
  const asked = dateReading?.kind === 'date' ? dateReading.range : null;
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
  return {
    decision,
    values,
    date,
    dateAsked: asked !== null,
    hasParameters: reading.asked || asked !== null,
    notes,
    alternatives: reading.unclear.length > 0 ? [] : reading.alternatives,
    display: reading.display,
  };
}
