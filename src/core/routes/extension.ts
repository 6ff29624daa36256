import type { Measure } from '../../knowledge/schema.js';
import type { AnswerBuilder } from '../compose.js';
import type { EngineContext } from '../context.js';
import type { Reading } from '../reading/read.js';
import type { Answer } from '../types.js';
import { extractDateRange } from '../extract.js';
import { recordedPeriods } from '../rules/evaluate.js';
import { isLocalContract } from '../rules/inputs/contract-level.js';
import { NATIVE_NUMBERS } from '../reading/numerals.js';
import { cardScore, longest, type Route } from './route.js';
import { extendedIn, MONTHS, monthEnd } from './extensionWhen.js';

const EXTENSION =
  /연장|extension|extended|extend|renewal|renewed|pushed|push back|prolong|end dates?|종료일|만료일|timeline of the (?:covid )?(?:contract )?exceptions|\b(?:run|ran|continued?)\s+(?:beyond|past)\b/u;
/** The end a question names: "2024년 6월말까지 연장한 건", "pushed out to June 2021", "to end-2022". */
const UNTIL_KO = /(?:20)?(\d{2})\s*년\s*(?:(\d{1,2})\s*월\s*(?:말|까지)?|(상반기|하반기|말|연말))\s*까지/u;
const UNTIL_EN =
  /\b(?:to|until|till|through|out\s+to)\s+(?:(?:the\s+)?(end|mid)[\s-]+(?:of\s+)?)?(?:(january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(20\d{2})(?:-(\d{2})-\d{2})?\b/u;
const EXCEPTIONS = /특례|exceptions?\b/u;
const CHANGED_ON = /\bchanged?\b|\bbegan\b|\bstarted\b|\bin\s+force\b|바뀌|바뀐|달라|시행/u;
const ASKS_VALUE =
  /몇\s*(?:%|퍼센트|프로|일|억)|기한|한도|비율|\bwhat\s+(?:percent(?:age)?|rate|share|deadline|cap|limit)\b|\bhow\s+(?:much|many\s+days)\b/u;
/** "2025년 예산집행지침", "the 2025 budget-execution guideline": the year's guideline, which extended them. */
export const YEAR_GUIDELINE =
  /(20\d{2})\s*년?\s*(?:도\s*)?(?:예산\s*집행\s*지침|budget[\s-]+execution\s+guidelines?)/u;
const ANNOUNCED = /발표|밝혔|말했|언급|announce|said|\bsays?\b|\bextend(?:ed)?\s+in\s+(?:late|early|mid)?/u;
const EVERY = /every|all\s+the|list|chain|전부|모든|다\s*알려|정리/u;
const ORDINAL_KO = /(?<!\d)([1-9])\s*(?:차|번째|번\s*째|차례)\s*연장/u;
/** "the first extension", "the fifth round", "첫 번째 연장", "다섯 번째 연장". */
const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(
    ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'].map((w, i) => [
      w,
      i + 1,
    ]),
  ),
  ...NATIVE_NUMBERS,
  첫: 1,
};
const ORDINAL_WORD =
  /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\s+(?:extension|renewal|round|time)|(첫|두|세|네|다섯|여섯|일곱|여덟|아홉)\s*(?:번째|째|차례)\s*연장/u;
const ORDINAL_EN = /\b([1-9])(?:st|nd|rd|th)\s+(?:extension|renewal)/u;
const HALF_KO = /(?<!\d)(?:20)?(\d{2})\s*년?\s*(상반기|하반기)/u;
const HALF_EN =
  /\b(first|second|1st|2nd)[\s-]+half[\s-]+(?:of[\s-]+)?(?:20)?(\d{2})\b|\b(?:20)?(\d{2})[\s-]*(h1|h2)\b|\b(h1|h2)[\s-]*(?:20)?(\d{2})\b/u;

type Pick =
  | { kind: 'count' }
  | { kind: 'after' }
  /** `onDay`: the periods in force on a day the question asks the state of. */
  | { kind: 'periods'; periods: Measure['periods']; onDay?: boolean };

/** Which recorded periods the question names: the Nth extension, or a year's half. */
function pickPeriods(r: Reading, periods: Measure['periods'], numbered: boolean): Pick | null {
  // "Was it in effect on 15 July 2022? The 3rd extension ended in June.": the period of that day.
  const asked = r.forms.has('status') ? extractDateRange(r.lowered, r.today) : null;
  if (asked !== null && asked.from === asked.to && asked.from !== r.today) {
    const covering = periods.filter((p) => p.from <= asked.from && p.to >= asked.from);
    if (covering.length > 0) return { kind: 'periods', periods: covering, onDay: true };
  }
  // "2025년 예산집행지침에 들어간 특례 내용": the period that year's guideline extended; none after the last.
  const guideline = YEAR_GUIDELINE.exec(r.lowered)?.[1];
  if (guideline !== undefined) {
    const naming = periods.filter(
      (p) =>
        p.note !== undefined &&
        (p.note.ko.includes(`${guideline}년 예산집행지침`) ||
          p.note.en.includes(`${guideline} budget-execution guideline`)),
    );
    if (naming.length > 0) return { kind: 'periods', periods: naming };
    if (`${guideline}-01-01` > periods.at(-1)!.to) return { kind: 'after' };
  }
  // "What changed on 2022-07-01?": the period that began on the day named.
  const began = periods.filter((p) => r.lowered.includes(p.from));
  if (began.length > 0 && CHANGED_ON.test(r.lowered)) return { kind: 'periods', periods: began };
  // "2차 연장이랑 4차 연장 차이": every extension named by its number.
  const ordinals = numbered ? ordinalsOf(r.lowered) : [];
  if (ordinals.length > 0) {
    const named = ordinals.flatMap((n) => (periods[n] ? [periods[n]] : []));
    return named.length === ordinals.length ? { kind: 'periods', periods: named } : null;
  }
  const day = announcedDay(r.lowered);
  if (day !== null) {
    // The note names the day it was said; the period's own end ("지방계약도 2023-06-30까지") is not it.
    const naming = periods.filter((p) => {
      if (p.note === undefined) return false;
      const note = `${p.note.ko} ${p.note.en}`.replaceAll(p.to, '');
      return day.some((form) => note.includes(form));
    });
    if (naming.length > 0) return { kind: 'periods', periods: naming };
  }
  // "홍남기 부총리가 연장 발표한 날?": a word of the question that only one or two records name.
  const named = periodsNaming(r, periods);
  if (named.length > 0) return { kind: 'periods', periods: named };
  if (HOW_MANY_TIMES.test(r.lowered)) return { kind: 'count' };
  // "extended beyond June 2021?", "2021년 6월 이후로도 연장됐어?": the extension after that end.
  // ("…2024년 12월 이후는 모르겠어요. 지금 아직 특례 기간 맞나요?" asks the state today instead.)
  const beyond = r.forms.has('status') ? null : beyondOf(r.lowered);
  if (beyond !== null) {
    const next = periods.find((p) => p.from > beyond[1]);
    // "extended after June 2025?": none is recorded.
    return next ? { kind: 'periods', periods: [next] } : { kind: 'after' };
  }
  const until = untilOf(r.lowered);
  // "said they would run to June 2021. Did they actually stop then?": whether a next one followed.
  if (until !== null && STOPPED_THEN.test(r.lowered)) {
    const next = periods.find((p) => p.from > until[1]);
    return next ? { kind: 'periods', periods: [next] } : { kind: 'after' };
  }
  if (until !== null) {
    const ending = periods.filter((p) => p.to >= until[0] && p.to <= until[1]);
    if (ending.length > 0) return { kind: 'periods', periods: ending };
  }
  // "extended again in mid-2022?", "2022년 중반에 또 연장됐어?": the extension that started then.
  const when = extendedIn(r.lowered);
  if (when !== null) {
    const starting = periods.filter((p, i) => i > 0 && p.from >= when[0] && p.from <= when[1]);
    if (starting.length > 0) return { kind: 'periods', periods: starting };
  }
  const half = halfOf(r.lowered);
  if (half !== null) {
    const [from, to] = half;
    const covering = periods.filter((p) => p.from <= to && p.to >= from);
    return covering.length > 0 ? { kind: 'periods', periods: covering } : null;
  }
  if (r.forms.has('count') || EVERY.test(r.lowered)) return { kind: 'count' };
  // "when was the extension?": the whole record, as for the exceptions named.
  if (r.forms.has('when') && r.hits.norm.tokens.length <= 6 && r.decisionIds.length === 0)
    return { kind: 'count' };
  // "특례 연장된 거 맞아?", "was the exception extended?": whether they were, with the record.
  // (Not "…연장됐다는 건 알겠는데 지금 아직 특례 기간 맞나요?": that asks the state on a day.)
  return EXCEPTIONS.test(r.lowered) &&
    EXTENDED.test(r.lowered) &&
    r.decisionIds.length === 0 &&
    !r.forms.has('status')
    ? { kind: 'count' }
    : null;
}

/** The exceptions said to have been extended (not an end date or a renewal of something else). */
const EXTENDED = /연장\s*(?:됐|되었|된|됨|했|한|해|하였|되나|되었나|된\s*거)|\bextended\b|\bextensions?\b/u;

/** "Did they actually stop then?", "그때 끝났어?": whether the exceptions ended at the named end. */
const STOPPED_THEN =
  /\b(?:stop|end|expire|lapse)(?:ped|ed|d)?\s+(?:then|there|at\s+that\s+point|on\s+schedule)\b|\bactually\s+(?:stop|end)|그때\s*(?:끝|종료|만료)|그걸로\s*끝|실제로\s*(?:끝|종료)/u;

const BEYOND_KO = /(?:20)?(\d{2})\s*년\s*(\d{1,2})\s*월\s*(?:말\s*)?(?:이후|넘어|다음)/u;
const BEYOND_EN =
  /\b(?:beyond|past|after)\s+(?:(?:the\s+)?(end|mid)[\s-]+(?:of\s+)?)?(?:\d{1,2}\s+)?(?:(january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:\d{1,2},?\s+)?(20\d{2})\b/u;

/** The month a question asks about extensions after, as its first and last day. */
function beyondOf(text: string): [string, string] | null {
  const ko = BEYOND_KO.exec(text);
  if (ko) return monthSpan(`20${ko[1]}`, Number(ko[2]));
  const en = BEYOND_EN.exec(text);
  if (!en) return null;
  return monthSpan(en[3]!, namedMonth(undefined, en[2], en[1]));
}

/**
 * The periods whose note names a person the question names ("홍남기 부총리", "Hong Nam-ki"): a
 * Korean name before a title, or English words capitalised mid-sentence, that one or two notes have.
 */
function periodsNaming(r: Reading, periods: Measure['periods']): Measure['periods'] {
  const notes = periods.map((p) => (p.note ? `${p.note.ko} ${p.note.en}` : ''));
  const names = [
    ...[...r.text.matchAll(/([\uac00-\ud7a3]{2,4})\s*(?:부총리|장관|차관|국장|실장|총리)/gu)].map(
      (m) => m[1]!,
    ),
    // A romanised Korean name has two parts ("Hong Nam-ki"); a month ("June") has one.
    ...[...r.text.matchAll(/\b[A-Z][a-z]+\s[A-Z][a-z]+(?:-[a-z]+)?\b/gu)].map((m) => m[0]),
  ];
  for (const name of names) {
    const naming = periods.filter((_, i) => notes[i]!.includes(name));
    if (naming.length > 0 && naming.length <= 2) return naming;
  }
  return [];
}

/**
 * The month a Korean or English phrase names: a month number or name, else the first half's end
 * ("상반기", "mid") or the year's end ("하반기", "말", "end", a year alone).
 */
function namedMonth(number: string | undefined, name: string | undefined, edge: string | undefined): number {
  if (number !== undefined) return Number(number);
  if (name !== undefined) return MONTHS.indexOf(name) + 1;
  return edge === '상반기' || edge === 'mid' ? 6 : 12;
}

/** The span in which the named end falls: a month, a half-year's last month, or a year's end. */
function untilOf(text: string): [string, string] | null {
  const ko = UNTIL_KO.exec(text);
  if (ko) return monthSpan(`20${ko[1]}`, namedMonth(ko[2], undefined, ko[3]));
  const en = UNTIL_EN.exec(text);
  if (!en) return null;
  return monthSpan(en[3]!, namedMonth(en[4], en[2], en[1]));
}

const monthSpan = (year: string, month: number): [string, string] => {
  const mm = String(month).padStart(2, '0');
  return [`${year}-${mm}-01`, `${year}-${mm}-31`];
};

/** The day a question asks what was announced on, as YYYY-MM-DD. */
function announcedDay(text: string): string[] | null {
  if (!ANNOUNCED.test(text)) return null;
  const iso = /(20\d{2})-(\d{2})-(\d{2})/u.exec(text);
  if (iso) return [iso[0]];
  const ko = /(?<!\d)((?:20)?\d{2})\s*년\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?/u.exec(text);
  const en = new RegExp(`\\b(${MONTHS.join('|')})\\s+(?:(\\d{1,2}),?\\s+)?(20\\d{2})\\b`, 'u').exec(text);
  const year = ko?.[1] !== undefined ? ko[1].padStart(4, '20') : en?.[3];
  const month = ko ? Number(ko[2]) : en ? MONTHS.indexOf(en[1]!) + 1 : 0;
  const date = ko?.[3] ?? en?.[2];
  if (year === undefined || month === 0) return null;
  const yearMonth = `${year}-${String(month).padStart(2, '0')}`;
  if (date !== undefined) return [`${yearMonth}-${date.padStart(2, '0')}`];
  // A month alone ("2021년 6월에 … 누가 발표했어?", "in late December 2023") finds a record that
  // names a day in it, or the month itself.
  const name = MONTHS[month - 1]!;
  return [yearMonth, `${year}년 ${month}월`, `${name[0]!.toUpperCase()}${name.slice(1)} ${year}`];
}

/** The extension numbers a question names, in order, each once ("2차 연장이랑 4차 연장", "the third extension"). */
function ordinalsOf(text: string): number[] {
  const global = (pattern: RegExp) => new RegExp(pattern.source, 'gu');
  const found = [
    ...[...text.matchAll(global(ORDINAL_KO)), ...text.matchAll(global(ORDINAL_EN))].map((m) => ({
      index: m.index,
      n: Number(m[1]),
    })),
    ...[...text.matchAll(global(ORDINAL_WORD))].flatMap((m) => {
      const n = ORDINAL_WORDS[(m[1] ?? m[2])!];
      return n === undefined ? [] : [{ index: m.index, n }];
    }),
  ].sort((a, b) => a.index - b.index);
  return [...new Set(found.map((f) => f.n))];
}

function halfOf(text: string): [string, string] | null {
  const ko = HALF_KO.exec(text);
  if (ko) return halfRange(Number(`20${ko[1]}`), ko[2] === '상반기' ? 1 : 2);
  const en = HALF_EN.exec(text);
  if (!en) return null;
  if (en[1] !== undefined) return halfRange(Number(`20${en[2]}`), /first|1st/u.test(en[1]) ? 1 : 2);
  if (en[3] !== undefined) return halfRange(Number(`20${en[3]}`), en[4] === 'h1' ? 1 : 2);
  return halfRange(Number(`20${en[6]}`), en[5] === 'h1' ? 1 : 2);
}

const halfRange = (year: number, half: 1 | 2): [string, string] =>
  half === 1 ? [`${year}-01-01`, `${year}-06-30`] : [`${year}-07-01`, `${year}-12-31`];

/**
 * "조달청 코로나19 업무지침 … 언제까지 연장됐어?": a topic named first whose card is far ahead of the
 * exceptions' own (the topics that report the chain's state, `statusOf`) records its own extension.
 */
function anotherInstrumentAsked(ctx: EngineContext, r: Reading): boolean {
  const first = r.topicIds[0];
  const topic = first !== undefined ? ctx.topics.get(first)?.[0] : undefined;
  if (topic === undefined || topic.statusOf !== undefined) return false;
  const chain = Math.max(
    0,
    ...ctx.kb.topics.filter((t) => t.statusOf !== undefined).map((t) => cardScore(r, `topic:${t.id}`)),
  );
  const own = cardScore(r, `topic:${topic.id}`);
  // Named by its own long words ("the PPS COVID working guideline") and ranked first, it is asked.
  const named =
    longest(r.hits.topics.filter((h) => h.target === topic.id)) >= 10 &&
    r.cards[0]?.card.id === `topic:${topic.id}`;
  return (own >= 2 * chain && own >= 20) || named;
}

/**
 * One extension of the exceptions asked about ("21년 하반기 연장은 누가 언제 발표했어?", "why the
 * 4th extension?", "How many times were they extended?"): the recorded national period with its
 * note (who announced it, why) and sources, or the count of recorded extensions with the list. The
 * chain is the measure of the question's rule, else the one the overview reports (`statusOf`).
 */
export const routeExtension: Route = (b, ctx, r) => {
  // "2025년 상반기 특례 내용": a half-year named with the exceptions asks that period too; "2023년 6월
  // 21일에 기재부가 뭐 발표했어?" asks the period whose record names that day.
  const asksPeriod =
    EXTENSION.test(r.lowered) ||
    YEAR_GUIDELINE.test(r.lowered) ||
    // "Who announced that the exceptions would run to the end of 2021?"
    (ANNOUNCED.test(r.lowered) && EXCEPTIONS.test(r.lowered) && untilOf(r.lowered) !== null) ||
    (EXCEPTIONS.test(r.lowered) && halfOf(r.lowered) !== null) ||
    // "What changed on 2022-07-01 regarding the exceptions?": the period that began that day.
    (EXCEPTIONS.test(r.lowered) && CHANGED_ON.test(r.lowered) && /\d{4}-\d{2}-\d{2}/u.test(r.lowered)) ||
    (ANNOUNCED.test(r.lowered) &&
      /(?<!\d)(?:20)?\d{2}\s*년\s*\d{1,2}\s*월|\d{4}-\d{2}-\d{2}/u.test(r.lowered));
  if (!asksPeriod || r.projectIds.length > 0 || anotherInstrumentAsked(ctx, r)) return null;
  // "2022년 말까지 연장됐을 때 공사 이행보증금 몇 퍼센트였어?": a value of the rule then, not the chain.
  if (ASKS_VALUE.test(r.lowered) && r.decisionIds.length > 0) return null;
  const asked = r.decisionIds[0] !== undefined ? ctx.decisions.get(r.decisionIds[0])?.measure : undefined;
  const measureId = asked ?? ctx.kb.topics.find((t) => t.statusOf !== undefined)?.statusOf;
  const measure = measureId !== undefined ? ctx.kb.measures.get(measureId) : undefined;
  if (measure === undefined) return null;
  // 지방계약: the local periods of the measure's instrument (not numbered, with gaps).
  const local = isLocalContract(r.lowered);
  const { periods } = recordedPeriods(ctx.kb, measure, local ? 'local' : 'national');
  const pick = periods.length > 0 ? pickPeriods(r, periods, !local) : null;
  if (pick === null) return null;
  // The chain of a named rule's measure, or of the exceptions as a whole.
  b.line(
    local
      ? b.msg('extension.localTitle')
      : asked !== undefined
        ? b.text(measure.title)
        : b.msg('extension.title'),
  );
  // Only the national chain the overview reports is numbered; other chains may have gaps.
  const numbered = !local && measure.id === ctx.kb.topics.find((t) => t.statusOf !== undefined)?.statusOf;
  if (pick.kind === 'after') {
    const last = periods.at(-1)!;
    b.line(b.msg('extension.afterUnknown', { to: last.to }));
    b.line(b.text(measure.afterLastPeriod));
    b.keyFact(last.to);
    b.cite(last.sources);
    return b.build({ status: 'unknown_fact', kind: 'measure' });
  }
  if (pick.kind === 'count') {
    // "By mid-2023, how many times…?", "2023년 6월까지 몇 번 연장됐어?": the extensions ending by then.
    const by = numbered ? byDay(r.lowered) : null;
    const counted = by === null ? periods : periods.filter((p) => p.to <= by);
    if (by !== null && counted.length > 1 && counted.length < periods.length) {
      b.line(b.msg('extension.countBy', { count: counted.length - 1, by, to: counted.at(-1)!.to }));
      b.keyFact(String(counted.length - 1), counted.at(-1)!.to);
      for (const period of counted) writePeriod(b, period);
      return b.build({ status: 'answered', kind: 'measure' });
    }
    return answerCount(b, measure, periods, numbered);
  }
  for (const period of pick.periods) writePeriod(b, period);
  // "Was it in effect on 15 July 2022?": yes, in the period shown.
  if (pick.onDay === true) b.measureState('allowed', true);
  return b.build({ status: 'answered', kind: 'measure' });
};

function writePeriod(b: AnswerBuilder, period: Measure['periods'][number]): void {
  b.line(`• ${b.text(period.label)}${b.mark(period.confidence)}`);
  if (period.note) b.line(`  ${b.text(period.note)}`);
  b.fact(period.from, period.to);
  b.cite(period.sources);
}

const BY_EN =
  /\bby\s+(?:(?:the\s+)?(end|mid)[\s-]+(?:of\s+)?)?(?:(january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(20\d{2})\b/u;
const BY_KO = /(?:20)?(\d{2})\s*년\s*(?:(\d{1,2})\s*월\s*(?:말)?|(상반기|하반기|말))?\s*까지/u;

/** The last day a count question counts to ("by mid-2023", "2023년 6월까지"), or null. */
function byDay(text: string): string | null {
  const en = BY_EN.exec(text);
  if (en) return monthEnd(Number(en[3]), namedMonth(undefined, en[2], en[1]));
  const ko = BY_KO.exec(text);
  if (!ko) return null;
  return monthEnd(2000 + Number(ko[1]), namedMonth(ko[2], undefined, ko[3]));
}

/** "몇 번 연장됐어?", "how many times": a count, whatever end the question also names. */
const HOW_MANY_TIMES = /몇\s*(?:번|차례|회)|how\s+many\s+(?:times|extensions)/u;

function answerCount(
  b: AnswerBuilder,
  measure: Measure,
  periods: Measure['periods'],
  numbered: boolean,
): Answer {
  const last = periods.at(-1)!;
  const count = numbered ? periods.length - 1 : periods.length;
  b.line(b.msg(numbered ? 'extension.count' : 'extension.periods', { count, to: last.to }));
  b.keyFact(String(count), last.to);
  for (const period of periods) writePeriod(b, period);
  b.line(b.text(measure.afterLastPeriod));
  return b.build({ status: 'answered', kind: 'measure' });
}
