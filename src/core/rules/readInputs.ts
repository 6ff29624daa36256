import type { Decision } from '../../knowledge/schema.js';
import {
  extractAmounts,
  extractCompanyTier,
  extractDateRange,
  extractFailedRounds,
  extractShare,
  mentionsFailedBid,
  saysResubcontract,
  saysVatExcluded,
  type DateRange,
} from '../extract.js';
import { formatWon, type DecisionRequest } from '../ruleAnswer.js';

/** Reads a decision's inputs from the question; `hasParameters` when the question gave any. */
export function readDecisionInputs(decision: Decision, lowered: string, today: string): DecisionRequest {
  const asked = extractDateRange(lowered, today);
  const date: DateRange = asked ?? { from: today, to: today, label: today };
  const values: Record<string, number | string | boolean | undefined> = {};
  const notes: { key: string; values: Record<string, string> }[] = [];
  const display: Record<string, string> = {};
  let hasParameters = asked !== null;
  let alternatives: DecisionRequest['alternatives'] = [];

  const amounts = extractAmounts(lowered);
  switch (decision.id) {
    case 'single-source': {
      const rounds = extractFailedRounds(lowered);
      if (rounds !== null) {
        values['failedRounds'] = rounds;
        hasParameters = true;
      } else if (mentionsFailedBid(lowered)) {
        // A failed bid, count not given: decide only if one and two rounds agree.
        alternatives = [{ failedRounds: 1 }, { failedRounds: 2 }];
      }
      break;
    }
    case 'large-company': {
      const { tier, salesKrw } = extractCompanyTier(lowered, amounts);
      if (tier !== null) values['companyTier'] = tier;
      const project = amounts.find((a) => a.krw !== salesKrw);
      if (project !== undefined) {
        hasParameters = true;
        const vat = saysVatExcluded(lowered);
        const total = vat ? Math.round(project.krw * 1.1) : project.krw;
        values['amountKrw'] = total;
        if (!vat) display['amountKrw'] = project.text;
        notes.push(
          vat
            ? { key: 'rule.vatNote', values: { amount: project.text, total: formatWon(total, 'ko') } }
            : { key: 'rule.amountAsked', values: { amount: project.text } },
        );
      }
      break;
    }
    case 'subcontracting': {
      const share = extractShare(lowered);
      if (share !== null) {
        values['sharePercent'] = share.percent;
        display['sharePercent'] = share.text;
        hasParameters = true;
      }
      values['resubcontract'] = saysResubcontract(lowered);
      if (values['resubcontract']) hasParameters = true;
      break;
    }
    default:
      break;
  }
  return { decision, values, date, dateAsked: asked !== null, hasParameters, notes, alternatives, display };
}
