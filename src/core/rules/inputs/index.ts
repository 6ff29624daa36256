import { readAdvancePaymentInputs } from './advance-payment.js';
import { readLargeCompanyInputs } from './large-company.js';
import { readSingleSourceInputs } from './single-source.js';
import { readSubcontractingInputs } from './subcontracting.js';
import { finishReading, startReading, type InputReader, type InputReading } from './types.js';

export type {
  InputDraft,
  InputNote,
  InputReader,
  InputReading,
  UnclearInput,
  UnclearReason,
} from './types.js';
export type { CompanyTier } from './large-company.js';

/**
 * The input reader of each decision in knowledge/rules.yaml that reads more than a date. The
 * decisions not listed (emergency-notice, bond-cuts, ...) are decided by the date alone.
 */
export const INPUT_READERS: Readonly<Record<string, InputReader>> = {
  'single-source': readSingleSourceInputs,
  'large-company': readLargeCompanyInputs,
  subcontracting: readSubcontractingInputs,
  'advance-payment': readAdvancePaymentInputs,
};

/**
 * Reads a decision's inputs from the prepared question text (`prepareForReading`). A decision
 * without a reader reads nothing and misses nothing.
 */
export function readRuleInputs(decisionId: string, text: string): InputReading {
  const reader = INPUT_READERS[decisionId];
  return reader === undefined ? finishReading(startReading(), []) : reader(text);
}
