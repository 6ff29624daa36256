import type { KnowledgeBase } from '../../knowledge/parse.js';
import type { QuestionForm } from '../../knowledge/schema.js';
import type { AnswerBuilder } from '../compose.js';
import { AFTER_ALL, BEFORE_ALL, shiftDay } from '../reading/dates.js';
import { readDate } from '../reading/readDate.js';
import { coverageOf, recordedPeriods } from '../rules/evaluate.js';
import { isLocalContract } from '../rules/inputs/contract-level.js';

/**
 * "Still in force?" / "아직 유효해?": the measure's state on the asked day (or the as-of day), said
 * before the topic — in force to when, not started, or no record (after the last recorded period,
 * or in a gap). National periods; the confidence of the period that covers the day is marked.
 */
export function writeMeasureStatus(
  b: AnswerBuilder,
  kb: KnowledgeBase,
  measureId: string,
  lowered: string,
  today: string,
  forms: ReadonlySet<QuestionForm>,
): void {
  // The state is what is asked unless the question asks something else of it too ("아직 5%
  // 받네요, 위반 아닌가요?" asks whether the measure binds).
  const stateAsked = [...forms].every((form) => STATE_FORMS.has(form));
  const measure = kb.measures.get(measureId);
  if (measure === undefined) return;
  const dateText = statusDateText(lowered);
  // "21년에도 유지됐어?": a two-digit year names the year.
  const shortYear = /(?<![\d.])(\d{2})\s*년/u.exec(dateText)?.[1];
  const reading =
    readDate(dateText, today) ?? (shortYear !== undefined ? readDate(`20${shortYear}년`, today) : null);
  const asked = reading?.kind === 'date' ? reading.range : { from: today, to: today, label: today };
  // "2021년 6월에 끝난 거 아니었어?": whether it went on after the named day is what is asked.
  // An open range ("after June 2025", "2020.5.1 이전") is asked of its one dated end.
  const openEnd = asked.to === AFTER_ALL ? asked.from : asked.from === BEFORE_ALL ? asked.to : undefined;
  const range =
    openEnd !== undefined
      ? dayOf(openEnd)
      : (ENDED.test(lowered) && asked.to < today) || AFTER.test(dateText)
        ? dayOf(shiftDay(asked.to, 1))
        : asked;
  // "지방계약도 특례 적용돼?": the local periods when the question is about local contracts.
  const record = recordedPeriods(kb, measure, isLocalContract(lowered) ? 'local' : 'national');
  const coverage = coverageOf(record, range);
  const last = record.periods.at(-1)!;
  if (coverage.state === 'in_period') {
    const period = coverage.periods.at(-1)!;
    b.line(
      `${b.msg('status.inForce', { date: range.label, period: b.text(period.label) })}${b.mark(coverage.confidence)}`,
    );
    b.keyFact(period.to);
    b.cite(period.sources);
    b.measureState('allowed', stateAsked);
  } else if (range.from > last.to) {
    b.line(`${b.msg('status.afterRecords', { date: range.label })} ${b.text(measure.afterLastPeriod)}`);
    b.keyFact(last.to);
    b.cite(last.sources);
    b.measureState('unknown', stateAsked);
  } else if (coverage.state === 'before') {
    b.line(b.msg('status.before', { date: range.label, start: record.startsOn }));
    b.keyFact(record.startsOn);
    b.measureState('not_allowed', stateAsked);
  } else {
    b.line(b.msg('status.unrecorded', { date: range.label }));
    b.measureState('unknown', stateAsked);
  }
  b.blank();
}

/**
 * The part of the question that says which day is asked: "지금 2025년 3월 기준으로 아직 …" in a
 * question that also recalls 2020 and 2024, or "as of March 2025"; the whole question otherwise.
 */
function statusDateText(lowered: string): string {
  const basis = /(\S+\s+){0,2}\S+\s*기준/u.exec(lowered);
  if (basis) return basis[0];
  const asOf = /\bas\s+of\s+(\S+\s+){0,2}\S+/u.exec(lowered);
  return asOf ? asOf[0] : lowered;
}

/** "after June 30, 2025", "2025-06-30 이후": the day after the named one. */
const AFTER =
  /\bafter\s+(?:the\s+)?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|end|mid)|\d\s*(?:일|월|년)?\s*이후/u;
const ENDED =
  /끝났|끝난|끝나|종료|\bended\b|\bend\s+then\b|\bexpired\b|\blapsed\b|\bran\s+out\b|\b(?:supposed|meant|due|set)\s+to\s+end\b/u;

const STATE_FORMS: ReadonlySet<QuestionForm> = new Set(['status', 'premise']);

const dayOf = (day: string) => ({ from: day, to: day, label: day });
