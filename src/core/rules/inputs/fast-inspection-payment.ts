import { readContractLevel } from './contract-level.js';
import { finishReading, startReading, type InputDraft, type InputReading } from './types.js';

/** A number of days: "10일", "10 days", "열흘" is read as digits by prepareForReading. */
const DAYS = /(\d{1,3})\s*(?:일|days?\b|-day\b)/gu;
const INSPECTION = /검사|검수|inspect(?:ion|ing|s)?\b/u;
const PAYMENT = /대가\s*지급|대금\s*지급|지급|대금|대가|payment|pay(?:s|ing)?\b|paid\b/u;
const INSPECTION_ALL = new RegExp(INSPECTION.source, 'gu');
const PAYMENT_ALL = new RegExp(PAYMENT.source, 'gu');
/** Where the last match of a global pattern starts in `text`, or -1. */
const lastIndex = (pattern: RegExp, text: string) =>
  Math.max(-1, ...[...text.matchAll(pattern)].map((m) => m.index));
/** Words of a case: something takes, took, is late ("10일 걸린대", "needs 5 days to pay"). */
const TAKES =
  /걸리|걸린|걸렸|걸려|늦|지연|넘게|넘어|만에|주면|준대|준다|줬|받았|지급했|지급됐|\bpaid\b|\btakes?\b|\btook\b|\btaking\b|\bneeds?\b|\bwants?\b|\bsays?\b|\blate\b|\bdelay/u;
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
    const inspection = lastIndex(INSPECTION_ALL, clause);
    const payment = lastIndex(PAYMENT_ALL, clause);
    let input: 'inspectionDays' | 'paymentDays' | null =
      inspection > payment ? 'inspectionDays' : payment > inspection ? 'paymentDays' : null;
    // "10 days to pay", "5일 안에 검사": days just before the word; "the 7-day inspection" names the rule.
    if (input === null && /^\s*(?:to|for|before|안에|이내에?|내에|만에)\s/u.test(after))
      input = INSPECTION.test(after) ? 'inspectionDays' : PAYMENT.test(after) ? 'paymentDays' : null;
    // Days of an advance or a subcontract payment belong to those rules, not to this one.
    if (input === null || OTHER_PAYMENT.test(clause)) continue;
    found[input].add(Number(m[1]));
    draft.asked = true;
    display[input] ??= m[0];
  }
  for (const input of ['inspectionDays', 'paymentDays'] as const) {
    const values = [...found[input]];
    if (values.length > 1) draft.unclear.push({ input, reason: 'several-values' });
    else if (values.length === 1) {
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
