import { readContractLevel } from './contract-level.js';
import { finishReading, startReading, type InputDraft, type InputReading } from './types.js';

/** A number of days: "10일", "10 days", "열흘" is read as digits by prepareForReading. */
const DAYS = /(\d{1,3})(?:\s*(?:일|days?\b|-day\b)|(?:st|nd|rd|th)\s+day\b)/gu;
const INSPECTION = /검사|검수|inspect(?:ion|ing|s)?\b/u;
const PAYMENT = /대가\s*지급|대금\s*지급|지급|대금|대가|payment|pay(?:s|ing)?\b|paid\b/u;
const INSPECTION_ALL = new RegExp(INSPECTION.source, 'gu');
const PAYMENT_ALL = new RegExp(PAYMENT.source, 'gu');
/** Where the last match of a global pattern starts in `text`, or -1. */
const lastIndex = (pattern: RegExp, text: string) =>
  Math.max(-1, ...[...text.matchAll(pattern)].map((m) => m.index));
/** Words of a case: something takes, took, is late ("10일 걸린대", "needs 5 days to pay"). */
const TAKES =
  /걸리|걸린|걸렸|걸려|늦|지연|넘게|넘어|만에|째|주면|준대|준다|준\s*건|줬|받았|지급했|지급됐|버티|안\s*해\s*주|다\s*쓰|쓰겠|뒤에|후에|지나서|\bpaid\b|\btakes?\b|\btook\b|\btaking\b|\bneeds?\b|\bwants?\b|\bsays?\b|\blate\b|\bdelay|\bafter\b|\blater\b/u;
/** After a number of days: the rule's own deadline named ("검사 7일 단축 특례"), not a case. */
const RULE_NAMED_AFTER = /^\s*(?:로\s*)?(?:단축|특례|규정|룰|기한\s*특례|rule|exception)/u;
/** After a number of days: what the agency says or does with it ("14일 다 쓰겠다네요", "14일이라고 버티는데"). */
const CASE_AFTER =
  /^\s*(?:을|를|은|는|이|가)?\s*(?:다\s*쓰|쓰겠|이라고|라고|라네|걸린|걸려|걸렸|버티|뒤에|후에|째)/u;
/** Payments of other rules: an advance, a subcontractor's share. */
const OTHER_PAYMENT = /선금|선급|하도급|하청|advance|subcontract|prepay/u;
/** Days that are a date's day ("10월 10일"), not a span. */
const DAY_OF_MONTH = /\d{1,2}\s*월\s*$/u;

/**
 * The days the question says an inspection or a payment takes ("검사하는 데 10일 걸린대", "they
 * want 15 days to pay"): each number of days belongs to the nearest inspection or payment word
 * before it in the same clause (else just after it). Two different values for one is `unclear`.
 */
function readDays(text: string, draft: InputDraft): void {
  // "2020년 4월 대가지급 3일?" names the rule's own deadline; a case says what happens.
  if (!TAKES.test(text)) return;
  const found: Record<'inspectionDays' | 'paymentDays', Set<number>> = {
    inspectionDays: new Set(),
    paymentDays: new Set(),
  };
  const display: Record<string, string> = {};
  for (const m of text.matchAll(DAYS)) {
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    if (DAY_OF_MONTH.test(before)) continue;
    const clause = before.split(/[.?!,;]|\b(?:but|and)\b|그리고|근데/u).at(-1) ?? '';
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20).split(/[.?!,;]/u)[0] ?? '';
    if (RULE_NAMED_AFTER.test(after)) continue;
    // A case with no inspection or payment word in its own clause takes the nearest one before it
    // in the question ("검사 … 특례가 적용되나요? 발주처가 14일 다 쓰겠다네요").
    const scope =
      /[\uac00-\ud7a3\w]/u.test(clause) && CASE_AFTER.test(after) ? text.slice(0, m.index) : clause;
    const inspection = lastIndex(INSPECTION_ALL, clause) >= 0 ? lastIndex(INSPECTION_ALL, clause) : -1;
    const payment = lastIndex(PAYMENT_ALL, clause) >= 0 ? lastIndex(PAYMENT_ALL, clause) : -1;
    const [inspectionAt, paymentAt] =
      inspection < 0 && payment < 0
        ? [lastIndex(INSPECTION_ALL, scope), lastIndex(PAYMENT_ALL, scope)]
        : [inspection, payment];
    let input: 'inspectionDays' | 'paymentDays' | null =
      inspectionAt > paymentAt ? 'inspectionDays' : paymentAt > inspectionAt ? 'paymentDays' : null;
    // "10 days to pay", "5일 안에 검사": days just before the word; "the 7-day inspection" names the rule.
    if (input === null && /^\s*(?:to|for|before|안에|이내에?|내에|만에)\s/u.test(after))
      input = INSPECTION.test(after) ? 'inspectionDays' : PAYMENT.test(after) ? 'paymentDays' : null;
    // "a 5-day payment", "10-day inspection": the word right after the days.
    if (input === null && /^\s*(?:payment|inspection)\b/u.test(after))
      input = /^\s*inspection/u.test(after) ? 'inspectionDays' : 'paymentDays';
    // Days of an advance or a subcontract payment belong to those rules, not to this one.
    if (input === null || OTHER_PAYMENT.test(clause)) continue;
    found[input].add(Number(m[1]));
    draft.asked = true;
    display[input] ??= m[0];
  }
  for (const input of ['inspectionDays', 'paymentDays'] as const) {
    const values = [...found[input]];
    // "10일째 안 해 주고, 14일이라고 버텨요": each value is tried; the verdict stands if all agree.
    if (values.length > 1) {
      draft.alternatives.push(...values.map((value) => ({ [input]: value })));
      draft.asked = true;
    } else if (values.length === 1) {
      draft.values[input] = values[0]!;
      draft.display[input] = display[input]!;
    }
  }
}

/**
 * Reads the fast-inspection-payment decision's inputs: the contract level, and the days an
 * inspection (`inspectionDays`) or a payment (`paymentDays`) is said to take, compared with the
 * deadlines of the date (7 and 3 days during the exception, 14 and 5 normally).
 */
export function readFastInspectionPaymentInputs(text: string): InputReading {
  const draft = startReading();
  readContractLevel(text, draft);
  readDays(text, draft);
  return finishReading(draft, []);
}
