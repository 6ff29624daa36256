/**
 * The verdict of a rule answer may not turn: the rewording must state the decided verdict, and may state
 * another verdict no more often than the answer does ("가능하다고 보기는 어렵습니다" adds a refusal to an
 * allowed answer; "가능했지만 이번 건은 해당하지 않습니다" too).
 */
import type { VerdictCounts, VerdictSignal } from '../facts/verdicts.js';
import type { DecidedAnswer } from '../types.js';

const SIGNALS: readonly VerdictSignal[] = ['allowed', 'not_allowed', 'unknown'];

/** Why the rewording's verdict differs from the answer's, or null. */
export function findVerdictChange(
  decided: Pick<DecidedAnswer, 'verdict' | 'status'>,
  template: VerdictCounts,
  candidate: VerdictCounts,
): string | null {
  if (decided.verdict !== null && candidate[decided.verdict] === 0) {
    return `does not state "${decided.verdict}"`;
  }
  if (decided.status === 'unknown_fact' && template.unknown > 0 && candidate.unknown === 0) {
    return 'no longer says the fact is unknown';
  }
  for (const signal of SIGNALS) {
    if (signal === decided.verdict) continue;
    if (candidate[signal] > template[signal]) {
      return `states "${signal}" ${candidate[signal]} times, the answer ${template[signal]}`;
    }
  }
  return null;
}
