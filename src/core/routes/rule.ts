import type { Decision } from '../../knowledge/schema.js';
import type { AnswerBuilder } from '../compose.js';
import type { EngineContext } from '../context.js';
import { extractDateRange } from '../extract.js';
import { shiftDay } from '../reading/dates.js';
import { composeRuleAnswer, type DecisionRequest } from '../ruleAnswer.js';
import { evaluateDecision, recordedPeriods } from '../rules/evaluate.js';
import { readDecisionInputs } from '../rules/readInputs.js';
import type { Reading } from '../reading/read.js';
import type { Answer } from '../types.js';
import { answerDecisionInfo, answerTimeline } from '../writers/decision.js';
import { writeMeasureStatus } from '../writers/status.js';
import { answerTopics, noticeVerdict, statedNoticeDays } from '../writers/topic.js';
import { YEAR_GUIDELINE } from './extension.js';
import { cardScore, longest, topicFarAhead, type Route } from './route.js';
import { answerThreshold, doneWithout } from './ruleReadings.js';

/** Forms that ask about a rule itself (its basis, whether it binds, what it counts, why), never for a verdict. */
const ABOUT_THE_RULE = ['legalBasis', 'mandatory', 'includes', 'why'] as const;

/** A yes/no question about a rule, or one that gives the rule's inputs. */
export const routeRule: Route = (b, ctx, r) => {
  // "2021년 6월에 끝난 거 아니었어?" checks a fact about the rule too, unless it gives the rule's inputs.
  const aboutTheRule = ABOUT_THE_RULE.some((form) => r.forms.has(form)) || r.forms.has('premise');
  const longestTopicHit = longest(r.hits.topics);
  // A decision named by its words, or by its topic's words when the question gives its inputs
  // ("삼분의 일 정도를 하도급 주려는데 하도급 비율 한도 안이지?").
  // Only a topic ranked first brings its rule: "works without a site briefing, 9.5억 (10.45억 with
  // VAT), notice period?" names VAT (the large-company topic's word) but asks the notice period.
  const firstTopicId = r.topicIds[0];
  // "2019년 공사 8억, 현장설명 없이 7일 공고 문제 없죠?": a period other than the 5-day notice, stated
  // with an amount a topic's tiers judge, is the topic's to answer, not the emergency notice's.
  const byAmount = firstTopicId === undefined ? undefined : ctx.topics.get(firstTopicId)?.[0];
  if (
    byAmount?.byAmount !== undefined &&
    noticeVerdict(byAmount, r.lowered) !== null &&
    statedNoticeDays(r.lowered) !== 5
  )
    return null;
  const viaTopic = ctx.kb.decisions
    .filter(
      (d) =>
        firstTopicId !== undefined &&
        (d.topic === firstTopicId || ctx.topics.get(firstTopicId)?.[0]?.decision === d.id) &&
        !r.decisionIds.includes(d.id),
    )
    .map((d) => d.id);
  const requests = smallValueFirst(
    ctx,
    r,
    [...r.decisionIds, ...viaTopic].flatMap((id) =>
      requestsFor(ctx, r, id, viaTopic.includes(id), aboutTheRule, longestTopicHit),
    ),
  );
  if (requests.length === 0) return null;
  // No date, or a span that starts before the exception ("during 2020"): the rule's timeline
  // (normal rule, each period, today), not a bare verdict for today or an "unknown" for the span.
  const [only] = requests;
  if (requests.length === 1 && only && only.dateAsked && straddlesStart(ctx, only)) {
    const timeline = answerTimeline(b, ctx.kb, only.decision, only.values, r.today, only.date);
    if (timeline) return timeline;
  }
  if (requests.length === 1 && only && !only.dateAsked && only.decision.measure !== undefined) {
    const values = { ...only.values, ...(only.alternatives.length === 1 ? only.alternatives[0] : {}) };
    const timeline =
      only.alternatives.length > 1
        ? timelineAgreeing(b, ctx, only)
        : answerTimeline(b, ctx.kb, only.decision, values, r.today);
    if (timeline) return { ...timeline, projects: [...r.projectIds] };
    return answerDecisionInfo(b, ctx.kb, only.decision, ctx.topics);
  }
  // "대기업이 참여할 수 있어?" without the project amount: the rule explained, and what to tell to
  // get a verdict, rather than a bare "unknown".
  const undated = only !== undefined && (!only.dateAsked || only.decision.measure === undefined);
  if (requests.length === 1 && only && undated && only.decision.topic !== undefined) {
    const evaluation = evaluateDecision(ctx.kb, only.decision, only);
    const topic = ctx.topics.get(only.decision.topic)?.[0];
    if (
      evaluation.verdict === 'unknown' &&
      evaluation.missingInputs.length > 0 &&
      only.alternatives.length === 0 &&
      topic
    ) {
      const answer = answerTopics(b, [topic], r.projectIds);
      const hints = evaluation.missingInputs.flatMap((input) => {
        const hint = only.decision.missingInput[input];
        return hint ? [b.text(hint)] : [];
      });
      return hints.length > 0 ? { ...answer, text: `${answer.text}\n\n${hints.join('\n')}` } : answer;
    }
  }
  // A verdict asked with a question about the rule itself ("50%에 물품 구매도 포함돼?") also says
  // what the rule is.
  const ruleTopics =
    aboutTheRule && requests.length === 1 && only?.decision.topic !== undefined
      ? (ctx.topics.get(only.decision.topic) ?? []).slice(0, 1)
      : [];
  // "The exceptions lapsed at the end of June 2021, so … right?": whether they did is said first.
  if (
    requests.length === 1 &&
    only?.decision.measure !== undefined &&
    r.forms.has('status') &&
    SAYS_ENDED.test(r.lowered)
  )
    writeMeasureStatus(b, ctx.kb, only.decision.measure, r.lowered, r.today, r.forms);
  // "Without the exceptions, how many failed rounds do you need?", "평상시엔 유찰되면 어떻게 해야
  // 수의계약 갈 수 있어?": the smallest count that decides.
  if (requests.length === 1 && only && (r.forms.has('count') || WHAT_IT_TAKES.test(r.lowered))) {
    const threshold = answerThreshold(b, ctx, r, only);
    if (threshold) return threshold;
  }
  return composeRuleAnswer(b, ctx.kb, requests, r.projectIds, ruleTopics);
};

/** Inputs that describe the asker, not a case to judge: a company's size or sales, the contract level. */
const ASKER_INPUTS = new Set(['companyTier', 'salesKrw', 'smallFirm', 'contractLevel', 'exceptionGround']);

function onlyTheAsker(request: DecisionRequest): boolean {
  const given = Object.entries(request.values).filter(([, v]) => v !== undefined && v !== false);
  return given.length > 0 && given.every(([name]) => ASKER_INPUTS.has(name));
}

/** What must happen for the rule to allow it ("어떻게 해야 … 할 수 있어", "what does it take"). */
const WHAT_IT_TAKES =
  /어떻게\s*해야|뭘\s*해야|무엇을\s*해야|어떤\s*조건|조건이\s*(?:뭐|어떻게)|\bwhat\s+(?:does\s+it\s+take|is\s+(?:needed|required)|do\s+(?:i|we|you)\s+need|(?:has|needs)\s+to\s+happen|must\s+happen)\b|\bhow\s+(?:do|can)\s+(?:i|we|you)\s+(?:get\s+to|qualify)\b/u;

const SAYS_ENDED =
  /끝났|끝난|종료됐|종료된|끝나기로|종료\s*예정|\b(?:ended|expired|lapsed|ran\s+out)\b|\b(?:supposed|meant|due|set)\s+to\s+end\b/u;

/**
 * A topic named by longer words than the decision and ranked well ahead of it: of another field
 * (a contract topic against an SW-Act rule) it is what is asked; of the same field, it is unless the
 * question gives the rule's inputs.
 */
function topicAhead(
  ctx: EngineContext,
  r: Reading,
  decision: Decision,
  longestTopicHit: number,
): 'other-field' | 'same-field' | null {
  const top = r.cards[0];
  if (top?.card.kind !== 'topic' || top.card.target === decision.topic) return null;
  const own = cardScore(r, `decision:${decision.id}`);
  const farAhead = topicFarAhead(r, top.card.target, decision.id);
  if (longest(r.hits.decisions, decision.id) >= longestTopicHit && !farAhead) return null;
  if (top.score <= 1.3 * own) return null;
  const field = (id: string | undefined) => (id === undefined ? undefined : ctx.topics.get(id)?.[0]?.group);
  const decisionField = decision.measure !== undefined ? 'contract' : field(decision.topic);
  return field(top.card.target) === decisionField ? 'same-field' : 'other-field';
}

/**
 * "소기업이랑 8천만원짜리 용역 수의계약 해도 돼요?": a single-source question that gives a small
 * contract's amount and who or what it is with, and no failed bid, asks the small-value limit, not
 * the failed-bid exception.
 */
function smallValueFirst(ctx: EngineContext, r: Reading, all: DecisionRequest[]): DecisionRequest[] {
  // "2022년에 중소기업 물품 1억2천짜리 소액수의로 가능해?": a small firm named for the small-value
  // limit is who the contract is with, not a question of the large-company limits.
  const requests = all.some((q) => q.decision.id === 'small-single-source')
    ? all.filter((q) => !(q.decision.id === 'large-company' && q.values['companyTier'] === 'sme'))
    : all;
  const failedBid = requests.find((q) => q.decision.id === 'single-source');
  const small = ctx.decisions.get('small-single-source');
  if (failedBid === undefined || small === undefined || failedBid.values['failedRounds'] !== undefined)
    return requests;
  const request = readDecisionInputs(small, r.lowered, r.today, r.text);
  const { amountKrw, smallFirm, workType } = request.values;
  if (amountKrw === undefined || (smallFirm === undefined && workType === undefined)) return requests;
  // "…to a small business": who the contract is with, not a question of large-company limits.
  const others = requests.filter(
    (q) =>
      q !== failedBid &&
      q.decision.id !== small.id &&
      !(q.decision.id === 'large-company' && q.values['companyTier'] === 'sme'),
  );
  return [...others, request];
}

/** The request for one decision the question may ask about, or none when it asks something else. */
function requestsFor(
  ctx: EngineContext,
  r: Reading,
  id: string,
  viaTopic: boolean,
  aboutTheRule: boolean,
  longestTopicHit: number,
): DecisionRequest[] {
  const decision = ctx.decisions.get(id);
  if (!decision) return [];
  // "What is the fine for breaking the 50% cap?": a penalty is asked, not whether a share is allowed.
  if (PENALTY.test(r.lowered)) return [];
  // Doing without the measure ("긴급입찰 안 하고 …"): the rule is explained instead.
  if (doneWithout(r, decision)) return [];
  // "When was Article 48(4) amended?": the rule's history, not a verdict.
  if (r.forms.has('when') && AMENDED.test(r.lowered)) return [];
  // "1회 유찰 특례 맨 처음 시행일이 언제예요? 4월 말 국무회의 통과라던데": when it began, not a verdict.
  if (r.forms.has('when') && BEGAN.test(r.lowered) && !r.hits.cues.has('decision')) return [];
  // "Was the one-failure single-source exception extended beyond June 2021?": its extensions.
  if (EXTENDED_PAST.test(r.lowered) && !r.hits.cues.has('decision')) return [];
  // "선금 100%도 코로나 특례임?": what kind of measure it is, not whether it is allowed.
  if (IS_IT_THE_EXCEPTION.test(r.lowered) && !r.hits.cues.has('decision')) return [];
  if (viaTopic) {
    const request = outsideTheException(ctx, r, readDecisionInputs(decision, r.lowered, r.today, r.text));
    // "공사계약 선금 100% 언제부터야?" asks the topic's fact, not a verdict.
    if (r.forms.has('when') && !request.dateAsked) return [];
    const given = Object.entries(request.values).some(
      ([name, v]) => v !== undefined && v !== false && name !== 'resubcontract',
    );
    return given || request.values['resubcontract'] === true ? [request] : [];
  }
  // "a goods contract … with a small business — single-source under the small-amount limit?": a
  // topic's longer words, ranked well ahead, are what is asked; the rule's word is incidental.
  const request = outsideTheException(ctx, r, readDecisionInputs(decision, r.lowered, r.today, r.text));
  const givesInputs = Object.entries(request.values).some(
    ([name, v]) => v !== undefined && v !== false && name !== 'contractLevel',
  );
  // "수의계약 특례 2021년 6월에 끝난 거 아니었어?": the measure's state, not a verdict.
  if (asksStateOnly(r, decision, givesInputs)) return [];
  // "What did the 2025 budget-execution guideline say about advances?": what that extension held.
  if (YEAR_GUIDELINE.test(r.lowered) && !givesInputs && !r.hits.cues.has('decision')) return [];
  // "주민등록 3차 사업 새로 입찰 들어갈 수 있나요?": a named project asked about with only a generic
  // rule word ("들어갈 수", "참여 가능") and nothing the rule reads is a question about the project.
  const datesTheRule = decision.measure !== undefined && request.dateAsked;
  if (
    r.projectIds.length > 0 &&
    !givesInputs &&
    request.alternatives.length === 0 &&
    !datesTheRule &&
    longest(r.hits.decisions, id) <= 4
  )
    return [];
  // "중소 SW 회사인데요 … 폐기물 사업 예산이 얼마였는지랑 주관이 환경부 맞는지": who the asker is,
  // next to a named project's facts asked, is context, not a rule question.
  if (r.projectIds.length > 0 && r.aspects.length > 0 && onlyTheAsker(request)) return [];
  const ahead = topicAhead(ctx, r, decision, longestTopicHit);
  if (ahead === 'other-field' || (ahead === 'same-field' && !givesInputs)) return [];
  // "선금 한도 몇 %였어?", "의무였어?": information about the rule in that period, not a verdict.
  const asksInformation = r.hits.cues.has('info') && !r.hits.cues.has('decision');
  if (aboutTheRule && !givesInputs && !request.dateAsked) return [];
  // "1회 유찰이라는 게 단독 응찰도 포함이야?": what the rule's words cover, whatever inputs it names.
  if (r.forms.has('includes') && COVERS.test(r.lowered) && !request.dateAsked && !r.hits.cues.has('decision'))
    return [];
  // "2020년 12월에 긴급입찰이 의무였어?": the verdict for that date when the records give one;
  // otherwise the rule itself is explained.
  if (aboutTheRule && !givesInputs && evaluateDecision(ctx.kb, decision, request).verdict === 'unknown')
    return [];
  // A bound ("more than 10%") without a value is no input: "…, what should we do?" asks the rule.
  if (asksInformation && !aboutTheRule && !givesInputs) return [];
  if (request.hasParameters) return [request];
  // A yes/no word without the rule's inputs is a rule question too, unless the question asks for
  // information ("며칠", "how long") or a topic's words fit it better.
  const decisionHit = longest(r.hits.decisions, id);
  const asksDecision =
    r.hits.cues.has('decision') && !r.hits.cues.has('info') && decisionHit > longestTopicHit;
  return asksDecision ? [request] : [];
}

/** The asked span begins before the measure's first recorded period and ends inside the records. */
function straddlesStart(ctx: EngineContext, request: DecisionRequest): boolean {
  const measure =
    request.decision.measure !== undefined ? ctx.kb.measures.get(request.decision.measure) : undefined;
  if (measure === undefined) return false;
  const record = recordedPeriods(ctx.kb, measure, request.values['contractLevel']);
  return request.date.from < record.startsOn && request.date.to >= record.startsOn;
}

/** With an input left open (one failed round or two?), a timeline only when both readings agree everywhere. */
function timelineAgreeing(b: AnswerBuilder, ctx: EngineContext, request: DecisionRequest): Answer | null {
  const first = request.alternatives[0];
  if (first === undefined) return null;
  return answerTimeline(b, ctx.kb, request.decision, { ...request.values, ...first }, request.date.to);
}

/**
 * The exceptions asked about after the last recorded period ("2025년 7월 이후에도 연장됐어?", "the
 * 2026 budget guideline"): nothing is recorded, so the asked fact is unknown; the last period is shown.
 */
export const routeAfterRecords: Route = (b, ctx, r) => {
  // The measures of the rules named, else every measure when a contract topic is asked about.
  const named = r.decisionIds.flatMap((id) => ctx.decisions.get(id)?.measure ?? []);
  const anyContract = r.topicIds.some((id) => ctx.topics.get(id)?.[0]?.group === 'contract');
  const measures = [
    ...new Set(named.length > 0 ? named : anyContract ? [...ctx.kb.measures.keys()] : []),
  ].flatMap((id) => {
    const measure = ctx.kb.measures.get(id);
    return measure ? [measure] : [];
  });
  // A month with no year ("국가랑 같이 5월?") names no day past the records.
  if (measures.length === 0 || r.years.length === 0) return null;
  const date = extractDateRange(r.lowered, r.today);
  const lastEnd = measures
    .flatMap((m) => m.periods.map((p) => p.to))
    .sort()
    .at(-1)!;
  if (date === null || date.label === r.today || date.from <= lastEnd) return null;
  const measure = measures.find((m) => m.periods.some((p) => p.to === lastEnd)) ?? measures[0]!;
  const last = [...measure.periods].sort((a, c) => a.to.localeCompare(c.to)).at(-1)!;
  b.line(`${b.text(measure.title)}${b.mark(measure.confidence)}`);
  b.line(b.text(measure.afterLastPeriod));
  b.line(`${b.msg('label.lastPeriod')}: ${b.text(last.label)}${b.mark(last.confidence)}`);
  b.keyFact(last.to);
  b.cite([...last.sources, ...measure.sources]);
  // "can we still use it in September 2025?": a yes/no asked of a day past the records is unknown.
  if (r.hits.cues.has('decision') || r.forms.has('status')) b.measureState('unknown', true);
  return b.build({ status: 'unknown_fact', kind: 'measure' });
};

const AMENDED = /개정|amended|amendment|revised|흡수/u;

const BEGAN =
  /시행일|처음\s*시행|최초\s*시행|맨\s*처음|언제부터|시작됐|시작된|\b(?:first\s+)?(?:took|take|come|came)\s+(?:effect|into\s+force)|\bwhen\s+did\s+(?:it|the\s+\S+(?:\s+\S+)?)\s+(?:start|begin)/u;
/** "…이라는 게 …도 포함이야?", "does … count as …?": what the rule's words cover (not "VAT 포함"). */
const COVERS =
  /(?:라는\s*게|란|이라는\s*건).{0,30}포함|(?<!(?:vat|부가세|부가가치세)\s*)포함\s*(?:이야|인가|이에요|인지|돼|되나|되는)|\bdoes\b.{0,30}\b(?:count|include|cover)/u;
const IS_IT_THE_EXCEPTION =
  /특례\s*(?:야|임|인가|인지|냐|예요|에요|였어|였나|인\s*거|맞|라서?\s|라\s*곧)|\b(?:is|was)\s+(?:it|this|that)\s+(?:also\s+)?an?\s+covid(?:-19)?\s+(?:measure|exception|rule)\b|\ba\s+covid(?:-19)?\s+measure\b/u;
const PENALTY =
  /\bfine\s+(?:for|of|is|amount)|\bfined\b|\bfines\b|\bpenalt(?:y|ies)\b|\bsanctions?\b|\bpunish|벌금|과태료|제재|처벌|불이익|패널티/u;

/** "평소 규칙대로라면", "특례 없다고 치고", "under the normal rule": the rule outside the exception. */
const NORMAL_RULE =
  /평소\s*(?:규칙|규정|기준)|평상시|특례\s*(?:없이|없다고|를\s*빼|\s*빼고)|\bnormal(?:ly)?\s+(?:rule|rules|times?)\b|\bwithout\s+the\s+(?:covid\s+)?exceptions?\b|\bignoring\s+the\s+exceptions?\b|\boutside\s+the\s+exception/u;

/**
 * A question that sets the exception aside (and gives no date) is judged on the day before the
 * measure's first recorded period: the normal rule, with a note saying so.
 */
function outsideTheException(ctx: EngineContext, r: Reading, request: DecisionRequest): DecisionRequest {
  const measure =
    request.decision.measure !== undefined ? ctx.kb.measures.get(request.decision.measure) : undefined;
  if (measure === undefined || request.dateAsked || !NORMAL_RULE.test(r.lowered)) return request;
  const { startsOn } = recordedPeriods(ctx.kb, measure, request.values['contractLevel']);
  const before = shiftDay(startsOn, -1);
  return {
    ...request,
    date: { from: before, to: before, label: before },
    dateAsked: true,
    hasParameters: true,
    notes: [...request.notes, { key: 'rule.normalRuleAssumed', values: { start: startsOn } }],
  };
}

/**
 * "수의계약 특례 2021년 6월에 끝난 거 아니었어?": whether the measure was in force, asked of a rule
 * that needs more than a date for a verdict, with none of it given. A rule decided by the date
 * alone ("is a 2.5% bid bond still OK on 2025-05-20?") gives its verdict instead.
 */
const EXTENDED_PAST = /\b(?:extended|renewed|prolonged)\s+(?:beyond|past|after|into)\b/u;

function asksStateOnly(r: Reading, decision: Decision, givesInputs: boolean): boolean {
  if (!r.forms.has('status') || givesInputs || decision.measure === undefined) return false;
  // A rule that needs more than the date to decide (it asks for a missing value: failed rounds, the
  // company and amount); the date-only measures (bonds, payments) read optional inputs too.
  return Object.keys(decision.missingInput).length > 0;
}

/**
 * A rule reached by its card or its topic's words rather than its own: a verdict when the question
 * gives the rule's inputs ("Services contract in April 2024 — can we get a 90% advance?"), the rule
 * explained otherwise.
 */
export function answerDecision(b: AnswerBuilder, ctx: EngineContext, r: Reading, decision: Decision): Answer {
  const request = readDecisionInputs(decision, r.lowered, r.today, r.text);
  const given = Object.entries(request.values).some(
    ([name, v]) => v !== undefined && v !== false && name !== 'contractLevel',
  );
  // "특례 6월에 끝난 거 아니었어? 재공고해야 되나": the measure's state on that day, then the rule.
  if (asksStateOnly(r, decision, given) && decision.measure !== undefined) {
    writeMeasureStatus(b, ctx.kb, decision.measure, r.lowered, r.today, r.forms);
    return answerDecisionInfo(b, ctx.kb, decision, ctx.topics);
  }
  const asksVerdict =
    (given || (request.dateAsked && r.hits.cues.has('decision'))) && !doneWithout(r, decision);
  if (asksVerdict && !ABOUT_THE_RULE.some((form) => r.forms.has(form))) {
    if (!request.dateAsked && decision.measure !== undefined) {
      const timeline = answerTimeline(b, ctx.kb, decision, request.values, r.today);
      if (timeline) return timeline;
    } else if (evaluateDecision(ctx.kb, decision, request).verdict !== 'unknown' || request.dateAsked) {
      return composeRuleAnswer(b, ctx.kb, [request], r.projectIds);
    }
  }
  return answerDecisionInfo(b, ctx.kb, decision, ctx.topics);
}

/** A rule topic asked about in general ("수의계약 특례 연장됐어?"). */
export const routeDecisionInfo: Route = (b, ctx, r) => {
  const decision = r.decisionIds[0] !== undefined ? ctx.decisions.get(r.decisionIds[0]) : undefined;
  if (decision === undefined) return null;
  if (r.forms.has('status') && decision.measure !== undefined)
    writeMeasureStatus(b, ctx.kb, decision.measure, r.lowered, r.today, r.forms);
  return answerDecisionInfo(b, ctx.kb, decision, ctx.topics);
};
