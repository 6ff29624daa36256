import { readContractLevel } from './contract-level.js';
import { daysBetweenTwoDates } from './dayCount.js';
import { finishReading, startReading, type InputDraft, type InputReading } from './types.js';

/** A number of days: "10일", "10 days", "열흘" is read as digits by prepareForReading. */
const DAYS = /(\d{1,3})(?:\s*(?:일|days?\b|-day\b)|(?:st|nd|rd|th)\s+day\b)|\bday\s+(\d{1,3})\b/gu;
const INSPECTION = /검사|검수|inspect(?:ion|ing|s)?\b/u;
const PAYMENT = /대가\s*지급|대금\s*지급|지급|대금|대가|payment|pay(?:s|ing)?\b|paid\b/u;
const INSPECTION_ALL = new RegExp(INSPECTION.source, 'gu');
const PAYMENT_ALL = new RegExp(PAYMENT.source, 'gu');
/** Where the last match of a global pattern starts in `text`, or -1. */
const lastIndex = (pattern: RegExp, text: string) =>
  Math.max(-1, ...[...text.matchAll(pattern)].map((m) => m.index));
/** Words of a case: something takes, took, is late ("10일 걸린대", "needs 5 days to pay"). */
const TAKES =
  /걸리|걸린|걸렸|걸려|늦|지연|넘게|넘어|만에|째|주면|준대|준다|준\s*건|줬|받았|지급했|지급됐|버티|안\s*해\s*주|다\s*쓰|쓰겠|뒤에|후에|지나서|해\s*줬|들어왔|입금|완료|마쳤|끝났|\bpaid\b|\btakes?\b|\btook\b|\btaking\b|\bneeds?\b|\bwants?\b|\bsays?\b|\blate\b|\bdelay|\bafter\b|\blater\b|\bcompleted\b|\bfinished\b|\bdone\b|\bon\s+day\b/u;
/** After a number of days: the rule's own deadline named ("검사 7일 단축 특례"), not a case. */
const RULE_NAMED_AFTER =
  /^\s*(?:로\s*)?(?:단축|특례|규정|룰|기한\s*특례|rule|exception)|^\s*(?:is|was)\s+(?:the\s+)?(?:legal\s+)?(?:limit|deadline|rule)|^\s*(?:안에|이내에?|내에)\s*(?:\S+\s*)?(?:줘야|주어야|지급해야|해야|하면\s*되)/u;
/** Words of a case told without a number the reader could place ("늦게 준 건가요?", "on time?"). */
const CASE_WORDS =
  /늦게|늦은|지연|기한\s*(?:지킨|넘|안|내)|제때|들어왔|입금|해\s*줬|줬|받았|\bon\s+time\b|within\s+the\s+deadline|\blate\b|overdue|\bpaid\b/u;
/** A question asking how many days the rule gives, not whether a case kept to them. */
const ASKS_DAYS = /how\s+many\s+days|며칠|몇\s*일/u;
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
    if (insideDate(text, m.index)) continue;
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    if (DAY_OF_MONTH.test(before)) continue;
    const clause = before.split(/[.?!,;]|\b(?:but|and)\b|그리고|근데/u).at(-1) ?? '';
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20).split(/[.?!,;]/u)[0] ?? '';
    if (RULE_NAMED_AFTER.test(after)) continue;
    // A case with no inspection or payment word in its own clause takes the nearest one before it
    // in the question ("검사 … 특례가 적용되나요? 발주처가 14일 다 쓰겠다네요").
    const scope = CASE_AFTER.test(after) ? text.slice(0, m.index) : clause;
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
    // "a 5-day payment", "10-day inspection": the word right after the days; "12일째 되는 날 검사를
    // 해줬어요": the word later in the same clause of a case.
    if (input === null && /^\s*(?:payment|inspection)\b/u.test(after))
      input = /^\s*inspection/u.test(after) ? 'inspectionDays' : 'paymentDays';
    if (input === null && CASE_AFTER.test(after))
      input = INSPECTION.test(after) ? 'inspectionDays' : PAYMENT.test(after) ? 'paymentDays' : null;
    // Days of an advance or a subcontract payment belong to those rules, not to this one.
    if (input === null || OTHER_PAYMENT.test(clause)) continue;
    found[input].add(Number(m[1] ?? m[2]));
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
  readDaysBetweenDates(text, draft);
  // A case told without a number placed ("9월 9일에 돈 들어왔는데 늦은 건가요?" with one date): the
  // days are what is missing, not a verdict on the deadline being in force.
  if (
    !('inspectionDays' in draft.values) &&
    !('paymentDays' in draft.values) &&
    draft.alternatives.length === 0
  )
    if (
      CASE_WORDS.test(text) &&
      !ASKS_DAYS.test(text) &&
      !OTHER_PAYMENT.test(text) &&
      (INSPECTION.test(text) || PAYMENT.test(text))
    )
      draft.unclear.push({
        input: INSPECTION.test(text) && !PAYMENT.test(text) ? 'inspectionDays' : 'paymentDays',
        reason: 'value-role',
      });
  return finishReading(draft, []);
}

/** A day count that is part of a date ("9월 9일", "Feb 3"), not a span. */
function insideDate(text: string, index: number): boolean {
  return /\d{1,2}\s*월\s*$|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$/u.test(
    text.slice(Math.max(0, index - 12), index),
  );
}

/**
 * "2022년 9월 5일에 대가 청구했고 9월 9일에 돈 들어왔어요", "Delivered on 2022-10-10; inspection
 * finished on 2022-10-22": the days between the two dates of the case, for the inspection when the
 * first date is a delivery, else for the payment.
 */
function readDaysBetweenDates(text: string, draft: InputDraft): void {
  if ('inspectionDays' in draft.values || 'paymentDays' in draft.values || draft.alternatives.length > 0)
    return;
  const between = daysBetweenTwoDates(text);
  if (between === null || OTHER_PAYMENT.test(text)) return;
  const around = text.slice(Math.max(0, between.first - 20), between.second);
  const input = /납품|deliver|검수|검사\s*요청/u.test(around)
    ? 'inspectionDays'
    : /청구|claim|invoice|지급|입금|paid|payment/u.test(around)
      ? 'paymentDays'
      : null;
  if (input === null) return;
  draft.values[input] = between.days;
  draft.display[input] = `${between.days}`;
  draft.asked = true;
}
