import type { Topic } from '../knowledge/schema.js';
import type { AnswerBuilder } from './compose.js';
import type { EngineContext } from './context.js';
import type { PhraseHit } from './phraseMatcher.js';
import { extractDateRange } from './extract.js';
import { readDate } from './reading/dates.js';
import type { Reading } from './reading/read.js';
import type { RankedCard } from './retrieval/cards.js';
import { composeRuleAnswer, type DecisionRequest } from './ruleAnswer.js';
import { evaluateDecision } from './rules/evaluate.js';
import { readDecisionInputs } from './rules/readInputs.js';
import type { Answer } from './types.js';
import { writeKnowledgeAsOf } from './writers/asOf.js';
import { answerDecisionInfo, answerTimeline } from './writers/decision.js';
import { answerList, type ProjectFilter } from './writers/list.js';
import { projectName, writeProjectListItem, type ProjectAspect } from './writers/project.js';
import { answerOtherYear, answerProjects } from './writers/projectAnswer.js';
import { answerEditionTopics, answerMissingYear, answerTopics, pickTopics } from './writers/topic.js';

/** One way of answering: an answer when the reading fits it, else null for the next route. */
type Route = (b: AnswerBuilder, ctx: EngineContext, r: Reading) => Answer | null;

/** Forms that ask about a rule itself (its basis, whether it binds, what it counts, why), never for a verdict. */
const ABOUT_THE_RULE = ['legalBasis', 'mandatory', 'includes', 'why'] as const;

const longest = (hits: readonly PhraseHit<string>[], target?: string) =>
  Math.max(0, ...hits.filter((h) => target === undefined || h.target === target).map((h) => h.length));

/** A yes/no question about a rule, or one that gives the rule's inputs. */
const routeRule: Route = (b, ctx, r) => {
  // "2021년 6월에 끝난 거 아니었어?" checks a fact about the rule too, unless it gives the rule's inputs.
  const aboutTheRule = ABOUT_THE_RULE.some((form) => r.forms.has(form)) || r.forms.has('premise');
  const longestTopicHit = longest(r.hits.topics);
  // A decision named by its words, or by its topic's words when the question gives its inputs
  // ("삼분의 일 정도를 하도급 주려는데 하도급 비율 한도 안이지?").
  const viaTopic = ctx.kb.decisions
    .filter((d) => d.topic !== undefined && r.topicIds.includes(d.topic) && !r.decisionIds.includes(d.id))
    .map((d) => d.id);
  const requests = [...r.decisionIds, ...viaTopic].flatMap((id): DecisionRequest[] => {
    const decision = ctx.decisions.get(id);
    if (!decision) return [];
    if (viaTopic.includes(id)) {
      const request = readDecisionInputs(decision, r.lowered, r.today, r.text);
      const given = Object.entries(request.values).some(
        ([name, v]) => v !== undefined && v !== false && name !== 'resubcontract',
      );
      return given || request.values['resubcontract'] === true ? [request] : [];
    }
    const request = readDecisionInputs(decision, r.lowered, r.today, r.text);
    const givesInputs = Object.values(request.values).some((v) => v !== undefined && v !== false);
    // "선금 한도 몇 %였어?", "의무였어?": information about the rule in that period, not a verdict.
    const asksInformation = r.hits.cues.has('info') && !r.hits.cues.has('decision');
    if (aboutTheRule && !givesInputs && !request.dateAsked) return [];
    // "2020년 12월에 긴급입찰이 의무였어?": the verdict for that date when the records give one;
    // otherwise the rule itself is explained.
    if (aboutTheRule && !givesInputs && evaluateDecision(ctx.kb, decision, request).verdict === 'unknown')
      return [];
    if (asksInformation && !aboutTheRule && !givesInputs && request.alternatives.length === 0) return [];
    if (request.hasParameters) return [request];
    // A yes/no word without the rule's inputs is a rule question too, unless the question asks for
    // information ("며칠", "how long") or a topic's words fit it better.
    const decisionHit = longest(r.hits.decisions, id);
    const asksDecision =
      r.hits.cues.has('decision') && !r.hits.cues.has('info') && decisionHit > longestTopicHit;
    return asksDecision ? [request] : [];
  });
  if (requests.length === 0) return null;
  // No date: the rule's timeline (normal rule, each period, today), not a bare verdict for today.
  const [only] = requests;
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
  if (requests.length === 1 && only && !only.dateAsked && only.decision.topic !== undefined) {
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
  return composeRuleAnswer(b, ctx.kb, requests, r.projectIds);
};

/** With an input left open (one failed round or two?), a timeline only when both readings agree everywhere. */
function timelineAgreeing(b: AnswerBuilder, ctx: EngineContext, request: DecisionRequest): Answer | null {
  const first = request.alternatives[0];
  if (first === undefined) return null;
  return answerTimeline(b, ctx.kb, request.decision, { ...request.values, ...first }, request.date.to);
}

/** "2021년 2월 30일", "13월": a date that cannot be is said to be so, never read as another date. */
const routeInvalidDate: Route = (b, _ctx, r) => {
  const date = readDate(r.lowered, r.today);
  if (date?.kind !== 'invalid') return null;
  b.line(
    b.msg('rejected.invalidDate', {
      text: date.text,
      reason: b.msg(`date.${date.reason.replace(/ /g, '-')}`),
    }),
  );
  return b.build({ status: 'rejected', kind: 'rejected' });
};

/** Another ministry's program or an unrelated subject, with nothing of this knowledge base named. */
const routeOutOfScope: Route = (b, _ctx, r) => {
  // The longest phrase wins: "재난관리자원 통합관리시스템도 디지털 뉴딜이야?" is about a topic we know.
  const ours = Math.max(longest(r.hits.projects), longest(r.hits.decisions), longest(r.hits.topics));
  if (r.hits.outOfScope === 0 || r.hits.outOfScope <= ours) return null;
  b.line(b.msg('noMatch'));
  return b.build({ status: 'no_match', kind: 'no_match' });
};

/**
 * The exceptions asked about after the last recorded period ("2025년 7월 이후에도 연장됐어?", "the
 * 2026 budget guideline"): nothing is recorded, so the asked fact is unknown; the last period is shown.
 */
const routeAfterRecords: Route = (b, ctx, r) => {
  const measures = [
    ...new Set(
      [
        ...r.decisionIds.map((id) => ctx.decisions.get(id)?.measure),
        ...(r.topicIds.some((id) => ctx.topics.get(id)?.[0]?.group === 'contract')
          ? [...ctx.kb.measures.keys()]
          : []),
      ].filter((m): m is string => m !== undefined),
    ),
  ].flatMap((id) => {
    const measure = ctx.kb.measures.get(id);
    return measure ? [measure] : [];
  });
  if (measures.length === 0) return null;
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
  return b.build({ status: 'unknown_fact', kind: 'measure' });
};

/** A project: the asked aspect, or an overview. */
const routeProject: Route = (b, ctx, r) => {
  if (r.projectIds.length === 0) return null;
  const topic = firstTopic(ctx, r);
  // "국민비서 설명회 언제?" is about the briefing; "국민비서 어떤 채널?" is about the project.
  const aboutBriefing = topic?.group === 'briefing' && /설명회|briefing/u.test(r.lowered);
  const aboutRules = topic !== undefined && ['contract', 'sw-act', 'procurement'].includes(topic.group);
  if (r.aspects.length === 0 && topic && (aboutBriefing || aboutRules || topic.unknown)) {
    return answerTopics(b, [topic], r.projectIds);
  }
  const otherYear = r.years.find((y) => !ctx.kb.editions.some((e) => e.year === y));
  if (
    otherYear !== undefined &&
    !r.years.some((y) => ctx.kb.editions.some((e) => e.year === y)) &&
    !r.aspects.some((a) => a !== 'budget' && a !== 'description' && a !== 'name')
  ) {
    const notes = answerOtherYear(b, ctx, r.projectIds, otherYear);
    if (notes) return notes;
  }
  return answerProjects(b, ctx, {
    ids: r.projectIds,
    aspects: r.aspects,
    years: r.years,
    today: r.today,
    lowered: r.lowered,
    namesAgency: r.hits.agencies.length > 0,
    terms: r.terms,
  });
};

/** A shared alias (클라우드): answer each candidate's aspect, or ask which one. */
const routeSharedName: Route = (b, ctx, r) => {
  if (r.hits.shared.length === 0 || r.topicIds.length > 0) return null;
  const term = r.hits.shared[0]!.phrase;
  const ids = ctx.phrases.sharedOwners.get(term) ?? [];
  if (r.aspects.length > 0) {
    b.line(b.msg('candidates.aspect', { term }));
    b.blank();
    return answerProjects(b, ctx, {
      ids,
      aspects: r.aspects,
      years: r.years,
      today: r.today,
      lowered: r.lowered,
    });
  }
  b.line(b.msg('candidates.prompt', { term }));
  const owners = ids.map((id) => ctx.projects.get(id)!.at(-1)!);
  for (const project of owners) writeProjectListItem(b, project);
  return b.build({
    status: 'answered',
    kind: 'candidates',
    projects: ids,
    candidates: owners.map((p) => ({ id: p.id, label: projectName(p, b.language) })),
  });
};

/** A list of projects, maybe filtered ("신규 사업", "국토부 사업", "사업별 예산"). */
const routeList: Route = (b, ctx, r) => {
  const list = readListFilter(r);
  if (list === null || (r.topicIds.length > 0 && !list.strong)) return null;
  return answerList(b, ctx, { ...list.filter, year: editionYear(ctx, r) }, r.today);
};

/** A program, briefing, contract or SW-Act topic, unless a rule's own words fit better. */
const routeTopic: Route = (b, ctx, r) => {
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
  if (ids.length === 0) return null;
  const decisionFirst = r.decisionIds[0] !== undefined ? ctx.decisions.get(r.decisionIds[0]) : undefined;
  if (decisionFirst && longest(r.hits.decisions) > longest(r.hits.topics, ids[0]))
    return answerDecisionInfo(b, ctx.kb, decisionFirst, ctx.topics);
  // The rest of the question may point at a rule's card more than at the topic whose words it has
  // ("how much was the bid bond cut under the COVID exceptions?" is about the bond cut).
  const topCard = r.cards[0];
  const topicCard = r.cards.find((c) => c.card.id === `topic:${ids[0]}`);
  if (topCard?.card.kind === 'decision' && topCard.score > 1.1 * (topicCard?.score ?? 0)) {
    const decision = ctx.decisions.get(topCard.card.target);
    if (decision) return answerDecisionInfo(b, ctx.kb, decision, ctx.topics);
  }
  // "X and Y?": a second topic asked in the same breath is answered too.
  const [first, second] = ids.map((id) => ctx.topics.get(id)![0]!);
  const joined = /\band\b|그리고|하고|이랑|랑|및|또|,/u.test(r.lowered);
  const chosen = second && joined && second.group === first!.group ? [first!.id, second.id] : [first!.id];
  if (r.years.length > 1) {
    const perYear = topicsPerYear(ctx, chosen, r.years);
    if (perYear.length > 0) return answerEditionTopics(b, ctx, perYear, []);
  }
  const { topics, missingYear } = pickTopics(ctx, chosen, r.years, r.today, r.terms);
  if (topics.length === 0) return missingYear !== null ? answerMissingYear(b, ctx, missingYear) : null;
  return answerEditionTopics(b, ctx, topics, []);
};

/**
 * "2020, 2021, 2022 설명회 날짜 각각", "how did the budget change from 2021 to 2022": each named
 * year's record of the topics, and for a year with no edition the comparison that records it.
 */
function topicsPerYear(ctx: EngineContext, chosen: readonly string[], years: readonly number[]): Topic[] {
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
      !topics.includes(comparison) &&
      !ids.some((id) => ctx.topics.get(id)?.some((t) => t.edition === year))
    )
      topics.push(comparison);
  }
  return topics;
}

/** "사업 예산 알려줘", "list the projects": the whole list. */
const routeListCue: Route = (b, ctx, r) => {
  if (
    (r.hits.cues.has('list') || (r.aspects.includes('budget') && r.hits.cues.has('program'))) &&
    /사업|과제|project|program/u.test(r.lowered)
  )
    return answerList(b, ctx, { year: editionYear(ctx, r) }, r.today);
  return null;
};

/** A rule topic asked about in general ("수의계약 특례 연장됐어?"). */
const routeDecisionInfo: Route = (b, ctx, r) => {
  const decision = r.decisionIds[0] !== undefined ? ctx.decisions.get(r.decisionIds[0]) : undefined;
  return decision ? answerDecisionInfo(b, ctx.kb, decision, ctx.topics) : null;
};

/** Facts no source records (winning bidder, contacts) asked without a project. */
const routeUnrecorded: Route = (b, ctx, r) => {
  if (!r.aspects.includes('winner') && !r.aspects.includes('contact')) return null;
  if (ctx.cards.unknownWords(r.terms).length > 0) return null;
  b.line(b.msg(r.aspects.includes('winner') ? 'unknown.programWinner' : 'unknown.programContact'));
  return b.build({ status: 'unknown_fact', kind: 'topic' });
};

const routeHelp: Route = (b, ctx, r) => {
  if (!r.hits.cues.has('help')) return null;
  return answerHelp(b, ctx);
};

/** Examples of what to ask, and which editions and how recent a source the knowledge base has. */
export function answerHelp(b: AnswerBuilder, ctx: EngineContext): Answer {
  b.line(b.msg('help'));
  writeKnowledgeAsOf(b, ctx.kb);
  return b.build({ status: 'answered', kind: 'help' });
}

/** Fewer points than this for the best card means the question is not about anything the cards know. */
const NEAREST_MIN_SCORE = 10;

/** A second card scoring at least this share of the best one makes the question ambiguous. */
const CLOSE_SECOND = 0.85;

/**
 * No phrase fits: the card the question's words rank first, if it is clearly first; two close
 * cards are offered back ("did you mean…"); else no match, with the nearest topic named when
 * there is one.
 */
const routeNearest: Route = (b, ctx, r) => {
  const answerable = r.cards.filter(
    (c) => c.card.kind !== 'aspect' && (c.card.kind !== 'topic' || isCandidateTopic(ctx, r, c.card.target)),
  );
  const [best] = answerable;
  // A word no card knows ("탄소중립") means the question is about something else, unless the
  // question's other words point very clearly at one card.
  const strange = ctx.cards.unknownWords(r.terms).length > 0;
  // One shared word is too little to go on ("SELECT * FROM projects"), unless it is a telling one.
  const needed = NEAREST_MIN_SCORE * (strange ? 2.5 : 1) * (best !== undefined && best.terms < 2 ? 1.5 : 1);
  if (best !== undefined && best.score >= needed) {
    const close = answerable.filter((c) => c.score >= best.score * CLOSE_SECOND).slice(0, 3);
    if (close.length > 1) return clarify(b, ctx, close);
    const answer = answerCard(b, ctx, r, best);
    if (answer) return answer;
  }
  b.line(b.msg('noMatch'));
  if (best !== undefined && best.score >= needed / 2) {
    const { label, question } = describeCard(b, ctx, best);
    b.line(b.msg('noMatch.nearest', { label, question }));
  }
  return b.build({ status: 'no_match', kind: 'no_match' });
};

/** Up to three readings offered back, each as a label and a question that asks it plainly. */
function clarify(b: AnswerBuilder, ctx: EngineContext, cards: readonly RankedCard[]): Answer {
  b.line(b.msg('clarify.prompt'));
  const candidates = cards.map((ranked, i) => {
    const { label, question } = describeCard(b, ctx, ranked);
    b.line(`${i + 1}. ${label} — "${question}"`);
    return { id: ranked.card.id, label, question };
  });
  return b.build({ status: 'clarify', kind: 'clarify', candidates });
}

/** A card's name and an example question for it, in the reply language. */
function describeCard(
  b: AnswerBuilder,
  ctx: EngineContext,
  ranked: RankedCard,
): { label: string; question: string } {
  const { card } = ranked;
  const example = ctx.kb.examples.find((e) => e.card === card.id)?.[b.language][0];
  let label: string = card.id;
  if (card.kind === 'topic') {
    const topic = ctx.topics.get(card.target)?.at(-1);
    if (topic) label = b.text(topic.title);
  } else if (card.kind === 'decision') {
    const decision = ctx.decisions.get(card.target);
    if (decision) label = b.text(decision.title);
  } else if (card.kind === 'list') {
    label = b.msg(`card.list.${card.target}`);
  } else if (card.kind === 'help') {
    label = b.msg('card.help');
  }
  return { label, question: example ?? label };
}

function answerCard(b: AnswerBuilder, ctx: EngineContext, r: Reading, ranked: RankedCard): Answer | null {
  const { card } = ranked;
  switch (card.kind) {
    case 'topic': {
      if (r.years.length > 1) {
        const perYear = topicsPerYear(ctx, [card.target], r.years);
        if (perYear.length > 0) return answerEditionTopics(b, ctx, perYear, []);
      }
      const { topics, missingYear } = pickTopics(ctx, [card.target], r.years, r.today, r.terms);
      if (topics.length > 0) return answerEditionTopics(b, ctx, topics, []);
      return missingYear !== null ? answerMissingYear(b, ctx, missingYear) : null;
    }
    case 'decision': {
      const decision = ctx.decisions.get(card.target);
      return decision ? answerDecisionInfo(b, ctx.kb, decision, ctx.topics) : null;
    }
    case 'list':
      return answerList(b, ctx, { ...LIST_FILTERS[card.target], year: editionYear(ctx, r) }, r.today);
    case 'help':
      return answerHelp(b, ctx);
    case 'aspect':
      return null;
  }
}

const LIST_FILTERS: Readonly<Record<string, ProjectFilter>> = {
  all: {},
  new: { isNew: true },
  'long-term': { longTermContract: true },
  'not-briefed': { briefed: false },
};

/** The routes, in the order they are tried. */
export const ROUTES: readonly Route[] = [
  routeInvalidDate,
  routeOutOfScope,
  routeRule,
  routeAfterRecords,
  routeProject,
  routeSharedName,
  routeList,
  routeTopic,
  routeListCue,
  routeDecisionInfo,
  routeUnrecorded,
  routeHelp,
  routeNearest,
];

/** The first topic a question's words point to, of those it may mean. */
function firstTopic(ctx: EngineContext, r: Reading): Topic | undefined {
  const id = topicCandidates(ctx, r)[0];
  return id !== undefined ? ctx.topics.get(id)?.[0] : undefined;
}

/**
 * The topics a question's words point to, best first. A comparison with a year that has no edition
 * of its own (2020) counts only when the question compares or asks about that year.
 */
function topicCandidates(ctx: EngineContext, r: Reading): string[] {
  return r.topicIds.filter((id) => isCandidateTopic(ctx, r, id));
}

function isCandidateTopic(ctx: EngineContext, r: Reading, id: string): boolean {
  const compareYear = ctx.topics.get(id)?.[0]?.compareYear;
  if (compareYear === undefined) return true;
  const isEdition = ctx.kb.editions.some((e) => e.year === compareYear);
  if (r.forms.has('compare')) return true;
  // "2020년 특례 때 선금 한도?": a year next to a rule's words dates the rule, not the program.
  return !isEdition && r.years.includes(compareYear) && r.decisionIds.length === 0;
}

/** The edition year a list question names, if it names one that has an edition. */
function editionYear(ctx: EngineContext, r: Reading): number | undefined {
  return r.years.find((y) => ctx.kb.editions.some((e) => e.year === y));
}

function readListFilter(r: Reading): { filter: ProjectFilter; strong: boolean } | null {
  const { lowered, aspects } = r;
  const listy = /사업|과제|projects?\b|programm?e?\b/u.test(lowered);
  if (!listy) return null;
  const agency = r.hits.agencies[0]?.target;
  if (agency !== undefined) return { filter: { agency }, strong: !r.hits.cues.has('program') };
  if (aspects.includes('isNew')) {
    const continuing = /계속\s*사업|계속\s*과제|이어서|이어진|continuing|continued|carried over/u.test(
      lowered,
    );
    return { filter: { isNew: !continuing }, strong: true };
  }
  const technology = /인공지능|\bai\b|빅데이터|big\s*data|클라우드|cloud/u.exec(lowered)?.[0];
  if (
    aspects.includes('technologyGroup') &&
    technology !== undefined &&
    /과제|사업|projects|which|뭐뭐|어떤/u.test(lowered)
  )
    return { filter: { technology }, strong: true };
  if (aspects.includes('longTermContract')) return { filter: { longTermContract: true }, strong: true };
  const phase =
    /([1-3])\s*(?:차|단계)\s*(?:사업|과제|목록)|phase\s*([1-3])\s*(?:projects?|list)|(?:list|which|what)\s+(?:the\s+)?phase\s*([1-3])/u.exec(
      lowered,
    );
  if (phase) return { filter: { phase: Number(phase[1] ?? phase[2] ?? phase[3]) }, strong: true };
  if (aspects.includes('briefed') && /빠|제외|left out|excluded|not briefed/u.test(lowered)) {
    return { filter: { briefed: false }, strong: false };
  }
  if (r.hits.cues.has('list')) return { filter: {}, strong: false };
  return null;
}

export type { ProjectAspect };
