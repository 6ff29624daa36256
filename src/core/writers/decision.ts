import type { KnowledgeBase } from '../../knowledge/parse.js';
import type { Decision, Measure } from '../../knowledge/schema.js';
import type { AnswerBuilder } from '../compose.js';
import type { DateRange } from '../extract.js';
import { shiftDay } from '../reading/dates.js';
import { evaluateDecision, recordedPeriods, type InputValue } from '../rules/evaluate.js';
import type { Answer } from '../types.js';
import { answerTopics } from './topic.js';

/** A rule asked about in general: its topic, or the measure with its legal basis and every period. */
export function answerDecisionInfo(
  b: AnswerBuilder,
  kb: KnowledgeBase,
  decision: Decision,
  topics: ReadonlyMap<string, readonly { id: string }[]>,
): Answer {
  if (decision.topic !== undefined) {
    const topic = kb.topics.find((t) => t.id === decision.topic);
    if (topic && topics.has(topic.id)) return answerTopics(b, [topic], []);
  }
  const measure = decision.measure !== undefined ? kb.measures.get(decision.measure) : undefined;
  if (measure === undefined) {
    b.line(b.msg('noMatch'));
    return b.build({ status: 'no_match', kind: 'no_match' });
  }
  writeMeasure(b, measure);
  return b.build({ status: 'answered', kind: 'measure' });
}

function writeMeasure(b: AnswerBuilder, measure: Measure): void {
  b.line(`${b.text(measure.title)}${b.mark(measure.confidence)}`);
  b.line(b.text(measure.temporary));
  b.line(b.msg('measure.normal', { relaxes: b.text(measure.relaxes) }));
  b.line(`${b.msg('label.basis')}: ${b.text(measure.legalBasis)}`);
  b.keyFact(measure.legalBasis.ko);
  b.cite(measure.sources);
  b.blank();
  b.line(`${b.msg('label.extensions')}:`);
  for (const period of measure.periods) {
    b.line(`• ${b.text(period.label)}${b.mark(period.confidence)}`);
    b.keyFact(period.to);
    b.cite(period.sources);
  }
  b.line(b.text(measure.afterLastPeriod));
}

const dayBefore = (iso: string) => shiftDay(iso, -1);
const dayAfter = (iso: string) => shiftDay(iso, 1);

/**
 * A rule question with no date: the verdict outside the exception (the normal rule), in each
 * recorded period, in the spans no record covers, after the last period, and on the as-of day.
 * Returns null when the inputs leave every period undecided (then the measure itself is explained).
 */
export function answerTimeline(
  b: AnswerBuilder,
  kb: KnowledgeBase,
  decision: Decision,
  values: Readonly<Record<string, InputValue | undefined>>,
  today: string,
  /** The span asked when it runs across the exception's start ("during 2020"), instead of no date. */
  span?: DateRange,
): Answer | null {
  const measure = decision.measure !== undefined ? kb.measures.get(decision.measure) : undefined;
  if (measure === undefined) return null;
  const at = (range: DateRange) => evaluateDecision(kb, decision, { values, date: range });
  // The periods of the asked contract level (a local contract's own), and the day before they began.
  const { periods, startsOn } = recordedPeriods(kb, measure, values['contractLevel']);
  const start = dayBefore(startsOn);
  const normal = at({ from: start, to: start, label: start });
  const inPeriods = periods.map((p) => at({ from: p.from, to: p.to, label: p.from }));
  if (normal.verdict === 'unknown' && inPeriods.every((e) => e.verdict === 'unknown')) return null;
  const verdictWord = (verdict: string) => b.msg(`verdict.${verdict}`);

  b.line(b.text(decision.title));
  b.line(span === undefined ? b.msg('timeline.header') : b.msg('timeline.headerSpan', { span: span.label }));
  b.line(b.msg('timeline.normal', { verdict: verdictWord(normal.verdict) }));
  if (normal.rule) {
    b.line(`  ${b.text(normal.rule.explanation)}`);
    b.line(`  ${b.msg('label.basis')}: ${b.text(normal.rule.legalBasis)}${b.mark(normal.rule.confidence)}`);
    b.cite(normal.rule.sources);
  }
  periods.forEach((period, i) => {
    const evaluation = inPeriods[i]!;
    const previous = periods[i - 1];
    if (previous !== undefined && dayAfter(previous.to) < period.from) {
      b.line(
        b.msg('timeline.gap', {
          from: dayAfter(previous.to),
          to: dayBefore(period.from),
          verdict: verdictWord('unknown'),
        }),
      );
      b.fact(dayAfter(previous.to), dayBefore(period.from));
    }
    b.line(
      `${b.msg('timeline.period', { label: b.text(period.label), verdict: verdictWord(evaluation.verdict) })}${b.mark(period.confidence)}`,
    );
    b.fact(period.from, period.to);
    b.cite(period.sources);
    if (i === 0 && evaluation.rule) {
      b.line(`  ${b.text(evaluation.rule.explanation)}`);
      b.line(
        `  ${b.msg('label.basis')}: ${b.text(evaluation.rule.legalBasis)}${b.mark(evaluation.rule.confidence)}`,
      );
      b.keyFact(evaluation.rule.legalBasis.ko);
      b.cite(evaluation.rule.sources);
    }
  });
  const last = periods.at(-1)!;
  b.line(b.msg('timeline.after', { date: last.to, verdict: verdictWord('unknown') }));
  b.keyFact(last.to);
  b.line(b.text(measure.afterLastPeriod));
  const now = at({ from: today, to: today, label: today });
  b.line(b.msg('timeline.today', { date: today, verdict: verdictWord(now.verdict) }));
  b.fact(today);
  b.cite(measure.sources);
  // A span asked ("Summer 2020"): its verdict is the span's own, when every part of it agrees (the
  // normal rule before the start, each period it overlaps); today's is for a question with no date.
  if (span !== undefined) {
    const parts = [
      normal,
      ...inPeriods.filter((_, i) => periods[i]!.from <= span.to && periods[i]!.to >= span.from),
    ];
    const verdict = parts.every((e) => e.verdict === parts[0]!.verdict) ? parts[0]!.verdict : 'unknown';
    return b.build({ status: 'answered', kind: 'rule', verdict, rule: null });
  }
  return b.build({
    status: 'answered',
    kind: 'rule',
    verdict: now.verdict,
    rule: now.rule?.id ?? null,
  });
}
