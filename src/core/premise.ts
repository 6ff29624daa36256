import { AnswerBuilder } from './compose.js';
import type { EngineContext } from './context.js';
import { extractAmounts } from './extract.js';
import { extractDateRange } from './reading/dates.js';
import { NATIVE_NUMBERS } from './reading/numerals.js';
import { projectCountsIn } from './reading/projectCounts.js';
import type { Reading } from './reading/read.js';
import type { Localized } from '../knowledge/schema.js';
import type { Answer } from './types.js';

/** "14:00", "오후 2시", "두시 반", "2 pm", "2:30pm": times of day in a question, as HH:MM. */
function timesIn(lowered: string): string[] {
  const times: string[] = [];
  const ko =
    /(오전|오후)?\s*(\d{1,2}|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|열한|열두)\s*시\s*(반|(\d{1,2})\s*분)?/gu;
  const words: Readonly<Record<string, number>> = { ...NATIVE_NUMBERS, 열한: 11, 열두: 12 };
  for (const m of lowered.matchAll(ko)) {
    let hour = words[m[2]!] ?? Number(m[2]);
    // Office hours: "두시" at a briefing means 14:00 unless the question says 오전.
    if (m[1] !== '오전' && hour >= 1 && hour <= 7) hour += 12;
    const minute = m[3] === '반' ? 30 : Number(m[4] ?? 0);
    times.push(`${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
  }
  for (const m of lowered.matchAll(/\b(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)/gu)) {
    let hour = Number(m[1]);
    if (m[3]!.startsWith('p') && hour < 12) hour += 12;
    times.push(`${String(hour).padStart(2, '0')}:${m[2] ?? '00'}`);
  }
  for (const m of lowered.matchAll(/(?<![\d:])(\d{1,2}):(\d{2})(?![\d:])/gu))
    times.push(`${m[1]!.padStart(2, '0')}:${m[2]!}`);
  return times;
}

/** The one other project (of those not named in the answer) whose recorded budget is exactly `krw`. */
function otherProjectWithBudget(
  ctx: EngineContext,
  named: readonly string[],
  krw: number,
): { name: Localized; amount: Localized; year: number } | null {
  if (named.length !== 1) return null;
  const owners = [...ctx.projects.values()]
    .flat()
    .filter((p) => !named.includes(p.id) && p.budget.value !== null && p.budget.value.krw === krw);
  const owner = owners[0];
  if (owners.length !== 1 || owner === undefined || owner.budget.value === null) return null;
  return { name: owner.name, amount: owner.budget.value, year: owner.edition };
}

/**
 * A question that states a value to confirm ("총 64억5천만 맞지?", "2시 반 시작 맞지?", "at Post
 * Tower again?") gets the correction first when the value is not what the answer's facts say.
 */
export function checkPremise(ctx: EngineContext, r: Reading, answer: Answer): Answer {
  if (answer.status === 'rejected' || answer.status === 'no_match') return answer;
  const corrections: string[] = [];
  const b = new AnswerBuilder(ctx.kb, answer.language);
  const norm = r.hits.norm;
  for (const [topic, premises] of ctx.premises) {
    // A premise of a topic the question names, or of one the answer shows.
    if (!r.topicIds.includes(topic.id) && !answer.text.includes(b.text(topic.title))) continue;
    // A year's premise is not corrected in a question about other years ("the 2020 briefing at Post Tower").
    if (topic.edition !== undefined && r.years.length > 0 && !r.years.includes(topic.edition)) continue;
    for (const { phrases, with: alongside, correction } of premises)
      if (
        phrases.some((p) => norm.compact.includes(p)) &&
        (alongside.length === 0 || alongside.some((w) => norm.compact.includes(w)))
      )
        corrections.push(b.msg('premise.place', { text: b.text(correction.correction) }));
  }
  // A stored correction says it already ("19개는 2020년 규모입니다"): no second, numeric one.
  if (r.forms.has('premise') && corrections.length === 0) {
    // Only an answer that states few amounts (a total per edition) can correct an amount: with a
    // list of budgets the question's amount may be any of them, or a sum the answer does not state.
    const keyAmounts = answer.keyFacts.flatMap((f) =>
      extractAmounts(f.toLowerCase()).map((a) => ({ krw: a.krw, text: f })),
    );
    const distinct = [...new Map(keyAmounts.map((a) => [a.krw, a])).values()];
    const factAmounts = distinct.length <= 2 ? distinct : [];
    const asked = extractAmounts(r.lowered).filter(
      (a) => !/매출|sales|revenue/u.test(r.lowered.slice(Math.max(0, a.index - 8), a.index)),
    );
    for (const amount of asked) {
      if (factAmounts.length > 0 && !factAmounts.some((f) => f.krw === amount.krw))
        corrections.push(b.msg('premise.amount', { actual: factAmounts.map((f) => f.text).join(', ') }));
      // "국민비서 예산이 71억이었던 거 맞지?": 71억 is another project's budget.
      const owner = otherProjectWithBudget(ctx, answer.projects, amount.krw);
      if (owner !== null)
        corrections.push(
          b.msg('premise.otherProject', {
            amount: b.text(owner.amount),
            project: b.text(owner.name),
            year: owner.year,
          }),
        );
    }
    const factTimes = answer.facts.filter((f) => /^\d{2}:\d{2}$/.test(f));
    for (const time of timesIn(r.lowered)) {
      if (factTimes.length > 0 && !factTimes.includes(time))
        corrections.push(b.msg('premise.correction', { given: time, actual: factTimes.join('–') }));
    }
    corrections.push(...dateCorrections(ctx, r, answer, b));
    // A count of projects is corrected from a program answer only (a project's phase is a number too).
    const factCounts =
      answer.projects.length === 0 ? answer.keyFacts.filter((f) => /^\d+$/.test(f)).map(Number) : [];
    for (const count of projectCountsIn(r.lowered)) {
      const programCount = factCounts[0];
      if (programCount !== undefined && !factCounts.includes(count))
        corrections.push(b.msg('premise.correction', { given: String(count), actual: String(programCount) }));
    }
  }
  if (corrections.length === 0) return answer;
  return { ...answer, text: `${[...new Set(corrections)].join('\n')}\n\n${answer.text}` };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "An attendee says the briefing was on 21 Jan 2022, right?": a day the question states that is not
 * the day a briefing answer records, corrected; and when another year's briefing has that month and
 * day, it is named ("2021-01-21 is the 2021 record"). Only the briefing's own days: other topics
 * record several days of different meaning (passed, promulgated, in force), and a stated day may be
 * one the records do not keep. A day without a year is compared by month and day.
 */
function dateCorrections(ctx: EngineContext, r: Reading, answer: Answer, b: AnswerBuilder): string[] {
  if (answer.kind !== 'topic') return [];
  const range = extractDateRange(r.lowered, r.today);
  // "지금", "now": today is not a day the asker states.
  if (range === null || range.from !== range.to || range.from === r.today) return [];
  const shown = [...ctx.topics.values()].filter((records) =>
    records.some((t) => answer.text.includes(b.text(t.title))),
  );
  if (!shown.some((records) => records[0]?.group === 'briefing')) return [];
  const days = answer.facts.filter((f) => ISO_DAY.test(f));
  const withYear =
    r.lowered.includes(range.from.slice(0, 4)) || r.lowered.includes(`${range.from.slice(2, 4)}년`);
  const monthDay = range.from.slice(5);
  const same = (day: string) => (withYear ? day === range.from : day.endsWith(monthDay));
  if (days.length === 0 || days.length > 2 || days.some(same)) return [];
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  const given = withYear ? range.from : b.msg('value.monthDay', { month, day });
  const corrections = [b.msg('premise.correction', { given, actual: days[0]! })];
  for (const records of shown)
    for (const record of records) {
      const other = record.statements
        .flatMap((st) => st.facts)
        .find((f) => ISO_DAY.test(f) && f.endsWith(monthDay));
      if (other !== undefined && other !== range.from && record.edition !== undefined)
        corrections.push(b.msg('premise.otherYear', { day: other, year: record.edition }));
    }
  return corrections;
}
