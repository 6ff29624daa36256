import { readDate } from '../reading/readDate.js';
import { yearOnlyInDates } from '../reading/years.js';
import type { Topic } from '../../knowledge/schema.js';
import type { EngineContext } from '../context.js';
import type { Reading } from '../reading/read.js';
import { answerDecision } from './rule.js';
import {
  answerEditionTopics,
  answerMissingYear,
  noticeVerdict,
  pickTopics,
  writeByAmount,
} from '../writers/topic.js';
import { answerClaim, findClaim } from '../writers/claim.js';
import { writeMeasureStatus } from '../writers/status.js';
import { longest, topicCandidates, topicFarAhead, type Route } from './route.js';

/** A program, briefing, contract or SW-Act topic, unless a rule's own words fit better. */
export const routeTopic: Route = (b, ctx, r) => {
  // A comparison with a year that now has its own edition stands for that edition's topic.
  const ids = [
    ...new Set(
      topicCandidates(ctx, r).map((id) => {
        const topic = ctx.topics.get(id)?.[0];
        const superseded =
          topic?.compareYear !== undefined && ctx.kb.editions.some((e) => e.year === topic.compareYear);
        return superseded && topic.concept !== undefined ? topic.concept : id;
      }),
    ),
  ];
  // "22년엔 21년보다 예산 얼마나 늘었어?": a comparison of years with no topic named compares what the
  // comparison topics stand for (the program's size) in each year.
  // ("2020 → 2021 → 2022 예산 flow": a budget asked over several years is such a comparison too.)
  const overYears = r.forms.has('compare') || (r.aspects.includes('budget') && r.decisionIds.length === 0);
  if (ids.length === 0 && overYears && r.years.length > 1 && r.projectIds.length === 0) {
    const concepts = [...new Set(ctx.kb.topics.flatMap((t) => (t.concept === undefined ? [] : [t.concept])))];
    const perYear = topicsPerYear(ctx, concepts, r.years, r.lowered);
    if (perYear.length > 0) return answerEditionTopics(b, ctx, perYear, []);
  }
  if (ids.length === 0) return null;
  const decisionFirst = r.decisionIds[0] !== undefined ? ctx.decisions.get(r.decisionIds[0]) : undefined;
  // A year comparison's only word is the year ("2020년"): next to a rule's words it dates the rule.
  const yearOnly = ctx.topics.get(ids[0]!)?.[0]?.compareYear !== undefined;
  // Unless the topic's card is far ahead of the rule's.
  if (
    decisionFirst &&
    !topicFarAhead(r, ids[0]!, decisionFirst.id) &&
    longest(r.hits.decisions) > (yearOnly ? 0 : longest(r.hits.topics, ids[0]))
  )
    return answerDecision(b, ctx, r, decisionFirst);
  // The rest of the question may point at a rule's card more than at the topic whose words it has
  // ("how much was the bid bond cut under the COVID exceptions?" is about the bond cut).
  const topCard = r.cards[0];
  const topicCard = r.cards.find((c) => c.card.id === `topic:${ids[0]}`);
  // A topic that has its own rule (subcontracting-rules → subcontracting) is not taken over by another.
  const ownRule = ctx.kb.decisions.find((d) => d.topic === ids[0]);
  if (
    topCard?.card.kind === 'decision' &&
    (ownRule === undefined || ownRule.id === topCard.card.target) &&
    (r.decisionIds.includes(topCard.card.target)
      ? topCard.score > 1.1 * (topicCard?.score ?? 0)
      : topicCard !== undefined && topCard.score > 1.3 * topicCard.score)
  ) {
    const decision = ctx.decisions.get(topCard.card.target);
    if (decision) return answerDecision(b, ctx, r, decision);
  }
  // "X and Y?": a second topic asked in the same breath is answered too.
  // The second topic asked: the next one that is not only a year's comparison.
  const [first, ...rest] = ids.map((id) => ctx.topics.get(id)![0]!);
  const second = rest.find((t) => t.compareYear === undefined);
  const joined = /\band\b|그리고|하고|이랑|랑|및|또|,|였고|었고|했고|이고|이며/u.test(r.lowered);
  // Across groups only when the second has words of its own ("총 몇 개 과제에 얼마 규모였고, 설명회에서는
  // 몇 개를 설명했나요?"), not a year or a bare word.
  const crossGroup =
    second !== undefined && longest(r.hits.topics.filter((h) => h.target === second.id)) >= 4;
  const chosen =
    second && joined && (second.group === first!.group || crossGroup) ? [first!.id, second.id] : [first!.id];
  // Years compared are editions only for a topic kept per edition (a contract topic's years are dates).
  if (r.years.length > 1 && chosen.some((id) => ctx.topics.get(id)?.some((t) => t.edition !== undefined))) {
    const perYear = topicsPerYear(ctx, chosen, r.years, r.lowered);
    if (perYear.length > 0) return answerEditionTopics(b, ctx, perYear, []);
  }
  // "total 645억 중에 …" with no year: the figure quoted says which edition is meant.
  const quoted =
    r.years.length === 0 && chosen.length === 1 && !r.forms.has('compare')
      ? statingRecord(ctx, chosen, r)
      : undefined;
  if (quoted !== undefined) return answerEditionTopics(b, ctx, [quoted], []);
  const { topics, missingYear } = pickTopics(ctx, chosen, editionYears(ctx, r), r.today, r.terms);
  if (topics.length === 0) {
    if (missingYear === null) return null;
    const stating = statingRecord(ctx, chosen, r);
    return stating ? answerEditionTopics(b, ctx, [stating], []) : answerMissingYear(b, ctx, missingYear);
  }
  // The state of the named rule's measure, else of the one the topic reports.
  const named = r.decisionIds.map((id) => ctx.decisions.get(id)?.measure).find((m) => m !== undefined);
  const statusOf =
    r.forms.has('status') && topics[0]?.statusOf !== undefined ? (named ?? topics[0].statusOf) : undefined;
  if (statusOf !== undefined) writeMeasureStatus(b, ctx.kb, statusOf, r.lowered, r.today, r.forms);
  // "8천만원짜리 10일 공고 괜찮아?": a stated notice period checked against the period for the amount.
  const verdict = topics[0] !== undefined ? noticeVerdict(topics[0], r.lowered) : null;
  if (verdict !== null && topics[0]?.byAmount !== undefined) {
    b.line(
      `${b.msg('label.verdict')}: ${b.msg(`verdict.${verdict}`)}${b.mark(topics[0].byAmount.confidence)}`,
    );
  }
  if (topics[0] !== undefined) writeByAmount(b, topics[0], r.lowered);
  const answer = answerEditionTopics(b, ctx, topics, []);
  return verdict === null ? answer : { ...answer, verdict };
};

/**
 * "2020, 2021, 2022 설명회 날짜 각각", "how did the budget change from 2021 to 2022": each named
 * year's record of the topics, and for a year with no edition the comparison that records it.
 */
export function topicsPerYear(
  ctx: EngineContext,
  chosen: readonly string[],
  years: readonly number[],
  lowered = '',
): Topic[] {
  const topics: Topic[] = [];
  // A comparison topic stands for an edition topic (program-size): that one is read in each year.
  const ids = chosen.map((id) => ctx.topics.get(id)?.[0]?.concept ?? id);
  for (const year of [...years].sort()) {
    for (const id of ids) {
      const record = (ctx.topics.get(id) ?? []).find((t) => t.edition === year);
      if (record && !topics.includes(record)) topics.push(record);
    }
    const comparison = ctx.kb.topics.find(
      (t) => t.compareYear === year && !ctx.kb.editions.some((e) => e.year === year),
    );
    if (
      comparison &&
      !yearOnlyInDates(lowered, year) &&
      !topics.includes(comparison) &&
      !ids.some((id) => ctx.topics.get(id)?.some((t) => t.edition === year))
    )
      topics.push(comparison);
  }
  return topics;
}

/** An amount, a share or a day in the question: what the rules weigh, not a claim. */
const RULE_NUMBER = /\d\s*(?:%|퍼센트|percent|억|만|천|원|조|billion|million|bn\b)|\d[.,]\d/u;
/** A month or a day: the claim's `since` cannot be weighed against it here. */
const DATE_NUMBER = /\d\s*(?:월|일\b)/u;
/** A year the question is about ("In 2020 our agency …", "2021년에"). */
const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)|(?<![\d.])(\d{2})\s*년/u;

/**
 * A yes/no question one of its topics settles without inputs ("can the agency skip the task review
 * committee?", "작업장소를 우리가 제안해도 돼요?"): the claim's verdict. A question with an amount,
 * a share or a day is left to the rules, which weigh it; one about a year gets only a claim that
 * holds from a day (`since`) before that year's end.
 */
export const routeClaim: Route = (b, ctx, r) => {
  const asksYesNo =
    r.hits.cues.has('decision') ||
    /유효|무효|\bvalid\b|\bvoid\b|enforceable|\bok\b|\bokay\b|\bfine\b|괜찮/u.test(r.lowered);
  // A question with an amount, a share or a year is left to the rules ("하도급 60%", "as of 2019");
  // a count ("1인 견적", "just 1 quote") is not one.
  // An amount is left to the rules only when one is in play: "3억짜리 사업인데 과업심의 생략해도 돼?"
  // is the task review's claim, whatever the amount.
  if (
    !asksYesNo ||
    ((DATE_NUMBER.test(r.lowered) || RULE_NUMBER.test(r.lowered)) && r.decisionIds.length > 0)
  )
    return null;
  const asOf = claimDay(r);
  // The topics its words name, then the topic cards its words rank highest ("…조항을 계약서에 넣어도 돼?")
  // — the top few, and none when the rule the question names ranks first: "failed once …
  // single-source without a re-bid?" is the failed-bid rule's, not the task review's "without".
  const best = r.cards[0]?.score ?? 0;
  const top = r.cards[0]?.card;
  const ranked =
    top?.kind === 'decision' && r.decisionIds.includes(top.target)
      ? []
      : r.cards
          .slice(0, 3)
          .flatMap((c) => (c.card.kind === 'topic' && c.score >= best * 0.6 ? [c.card.target] : []));
  // A dated question takes only the claims of the topics its words name.
  const ids = [...new Set([...r.topicIds, ...(DATE_NUMBER.test(r.lowered) ? [] : ranked)])];
  for (const id of ids) {
    const topic = ctx.topics.get(id)?.[0];
    const claim = topic === undefined ? undefined : findClaim(topic, r.hits.norm, asOf ?? r.today);
    if (asOf !== undefined && claim?.since === undefined) continue;
    if (topic !== undefined && claim !== undefined) return answerClaim(b, topic, claim);
  }
  return null;
};

/**
 * The day a claim must hold on, when the question dates itself: a year asked about gets a claim
 * that holds from a day (`since`) before that year's end; a month or a day ("2020년 12월 11일", "Aug
 * 2021") one that holds from the start of it, so "June 2021" is not answered by a rule of July.
 */
function claimDay(r: Reading): string | undefined {
  const reading = readDate(r.lowered, r.today);
  if (
    reading?.kind === 'date' &&
    !/^\d{4}$/u.test(reading.range.label) &&
    /^\d{4}-\d{2}-\d{2}$/u.test(reading.range.from)
  )
    return reading.range.from;
  const year = YEAR.exec(r.lowered);
  return year ? `${year[1] ?? `20${year[2]}`}-12-31` : undefined;
}

/**
 * The years that name an edition: a year with no edition that the question gives as when something
 * began ("성과보고서 공개는 2018년부터 시작한 거죠?", "since 2018") is a date of the practice asked
 * about, not a program year, and the topic's own record answers it.
 */
function editionYears(ctx: EngineContext, r: Reading): number[] {
  return r.years.filter((year) => {
    if (ctx.kb.editions.some((e) => e.year === year)) return true;
    const short = String(year).slice(2);
    const began = new RegExp(
      `(?:${year}|${short})\\s*년?\\s*(?:부터|에)\\s*(?:시작|처음|개시|도입)|(?:since|started\\s+in|began\\s+in|starting\\s+in)\\s+${year}`,
      'u',
    );
    return !began.test(r.lowered);
  });
}

/** A year written out ("2021", "21년"), as against one read from "올해" or "this year". */
const WRITTEN_YEAR = /(?<![\d.,])(?:19|20)\d{2}(?!\d)|(?<![\d.,])[12]\d\s*년/u;

/**
 * "올해 645억 맞지?" asked in a year with no edition: "this year" is the asker's year, and the figure
 * they quote says which edition they mean, when exactly one edition's record of the topic has it among the facts of its first statement (a
 * later one may compare with another year).
 */
function statingRecord(ctx: EngineContext, ids: readonly string[], r: Reading): Topic | undefined {
  if (WRITTEN_YEAR.test(r.lowered)) return undefined;
  const figures = r.hits.topics.flatMap((h) => (ids.includes(h.target) ? (h.key.match(/\d+/gu) ?? []) : []));
  if (figures.length === 0) return undefined;
  const stating = ids.flatMap((id) =>
    (ctx.topics.get(id) ?? []).filter((t) =>
      figures.every((f) =>
        (t.statements[0]?.facts ?? []).some((fact) => fact.replaceAll(',', '').includes(f)),
      ),
    ),
  );
  return stating.length === 1 ? stating[0] : undefined;
}
