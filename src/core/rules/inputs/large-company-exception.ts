import { saysPlainly } from './cues.js';
import type { InputDraft } from './types.js';

// Whether a large-company question names an exception to the participation limits (Article 48):
// grounds MSIT approves (defence, diplomacy, security, power) and grounds that need no approval.

/** Grounds the Act exempts when MSIT approves them ("MSIT-approved defence SW project"). */
const APPROVED_GROUND =
  /국방|외교|안보|전력|\bdefen[cs]e\b|\bdiplomac|\bnational\s+security\b|\bpower\s+(?:sector|project|grid)/gu;
const APPROVAL =
  /과기정통부\s*(?:가|이|의)?\s*(?:\S+\s*)?(?:인정|승인)|인정\s*(?:받|한|했|하면|된)|승인\s*(?:받|한|했|된)|msit[\s-]*(?:approved|approval)|approved\s+by\s+msit|approved/u;
/** The approval said not to have been given. */
const NO_APPROVAL =
  /(?:인정|승인)\s*(?:같은\s*(?:건|것|거)\s*)?(?:은|는|도)?\s*(?:따로\s*)?(?:안\s*받|못\s*받|받지\s*(?:않|못|안)|없)|\bnot\s+(?:been\s+|yet\s+)?(?:msit[\s-]*)?(?:approved|recogni[sz]ed)|\bwithout\s+(?:any\s+)?(?:msit(?:'s)?\s+)?(?:approval|recognition)|\bno\s+(?:msit\s+)?(?:approval|recognition)|\b(?:haven't|hasn't|have\s+not|has\s+not|didn't|did\s+not)\s+(?:been\s+|got(?:ten)?\s+|get\s+|received?\s+)?(?:any\s+)?(?:msit\s+)?(?:approv|recogni)/u;
/**
 * Exempt without approval: a re-order after failed selection through PPS, PPP or private investment,
 * a large firm designated as a public institution ("공공기관으로 지정된 대기업").
 */
const OTHER_GROUND =
  /조달청\s*(?:을\s*통한\s*)?(?:선정\s*)?실패|재발주|민관\s*협력|민간\s*투자|공공\s*기관\s*(?:으로|으로서)?\s*지정(?:된|받은)|지정\s*공공\s*기관|\bre-?order|\bppp\b|public-private|private[\s-]+investment|designated\s+(?:as\s+an?\s+)?public[\s-]+institution|public[\s-]+institution\s+designat/gu;

/**
 * Whether the question says the project is an exception to the limits (false unless it does), and
 * whether that is clear: a defence project with no word of MSIT's approval is left unclear.
 */
export function readExceptionGround(text: string, draft: InputDraft): void {
  draft.values['exceptionGround'] = false;
  if (/예외\s*(?:사유|사항)?\s*(?:는|은)?\s*(?:없|아님|아니)|no\s+exception/u.test(text)) return;
  if (saysPlainly(text, OTHER_GROUND)) {
    draft.values['exceptionGround'] = true;
    return;
  }
  if (!saysPlainly(text, APPROVED_GROUND)) return;
  // "과기정통부 인정 같은 건 따로 안 받았어": the ground without the approval it needs is no exception.
  if (NO_APPROVAL.test(text)) return;
  if (APPROVAL.test(text)) draft.values['exceptionGround'] = true;
  else {
    delete draft.values['exceptionGround'];
    draft.unclear.push({ input: 'exceptionGround', reason: 'exception-approval' });
  }
}
