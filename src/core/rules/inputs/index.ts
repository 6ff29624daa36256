import { readAdvancePaymentInputs } from './advance-payment.js';
import { readBondCutsInputs } from './bond-cuts.js';
import { readContractLevel } from './contract-level.js';
import { readEmergencyNoticeInputs } from './emergency-notice.js';
import { readFastInspectionPaymentInputs } from './fast-inspection-payment.js';
import { readLargeCompanyInputs } from './large-company.js';
import { readSingleSourceInputs } from './single-source.js';
import { readSmallSingleSourceInputs } from './small-single-source.js';
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

/** A decision decided by its date and the contract level (national or local) alone. */
const readContractLevelOnly: InputReader = (text) => {
  const draft = startReading();
  readContractLevel(text, draft);
  return finishReading(draft, []);
};

/**
 * The input reader of each decision in knowledge/rules.yaml. The measures decided by the date
 * alone (emergency-notice, bond-cuts, ...) still read the contract level: a local-government
 * contract is judged by the local periods.
 */
export const INPUT_READERS: Readonly<Record<string, InputReader>> = {
  'single-source': readSingleSourceInputs,
  'large-company': readLargeCompanyInputs,
  subcontracting: readSubcontractingInputs,
  'advance-payment': readAdvancePaymentInputs,
  'emergency-notice': readEmergencyNoticeInputs,
  'bond-cuts': readBondCutsInputs,
  'fast-inspection-payment': readFastInspectionPaymentInputs,
  'eligibility-review': readContractLevelOnly,
  'small-single-source': readSmallSingleSourceInputs,
};

/**
 * Reads a decision's inputs from the prepared question text (`prepareForReading`). A decision
 * without a reader reads nothing and misses nothing.
 */
export function readRuleInputs(decisionId: string, text: string): InputReading {
  const reader = INPUT_READERS[decisionId];
  return reader === undefined ? finishReading(startReading(), []) : reader(text);
}
