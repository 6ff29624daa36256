import type { AnswerBuilder } from '../compose.js';
import type { EngineContext } from '../context.js';
import type { Reading } from '../reading/read.js';
import type { RankedCard } from '../retrieval/cards.js';
import type { Answer } from '../types.js';
import { writeKnowledgeAsOf } from '../writers/asOf.js';
import { writeMeasureStatus } from '../writers/status.js';
import { answerList, type ProjectFilter } from '../writers/list.js';
import { answerEditionTopics, answerMissingYear, pickTopics } from '../writers/topic.js';
import { editionYear, isCandidateTopic, type Route } from './route.js';
import { answerDecision } from './rule.js';
import { topicsPerYear } from './topic.js';

export const routeHelp: Route = (b, ctx, r) => {
  if (!r.hits.cues.has('help')) return null;
  return answerHelp(b, ctx);
};

/** Examples of what to ask, and which editions and how recent a source the knowledge base has. */
export function answerHelp(b: AnswerBuilder, ctx: EngineContext): Answer {
  b.line(b.msg('help'));
  writeKnowledgeAsOf(b, ctx.kb);
  return b.build({ status: 'answered', kind: 'help' });
}

/**
 * "예산 얼마야?", "when does it end?": a short question with an aspect or a form of nothing (no
 * project, topic, rule or agency named, no word the cards don't know) and no card clearly first: the
 * cards it could mean (lexicon `askBack`, `askBackForms`), offered back.
 */
function askBack(b: AnswerBuilder, ctx: EngineContext, r: Reading): Answer | null {
  // (A year brings its comparison topic, which answers only a comparison: not something named here.)
  // "what about 2022?" is a follow-up, not a comparison: the year's comparison topic names nothing.
  const followUp = FOLLOW_UP.test(r.lowered);
  const topics = r.topicIds.filter(
    (id) => isCandidateTopic(ctx, r, id) && !(followUp && ctx.topics.get(id)?.[0]?.compareYear !== undefined),
  ).length;
  const named = r.projectIds.length + topics + r.decisionIds.length + r.hits.agencies.length;
  // "그 사업 예산 얼마라고 했죠?", "Which ministry runs it?": a project pointed at, never named.
  // "And what about the other one?": a follow-up's own words ("and what about") are not a subject.
  const longest = POINTS_AT_PROJECT.test(r.lowered) && r.aspects.length === 1 ? 8 : followUp ? 6 : 4;
  if (named > 0 || r.hits.norm.tokens.length > longest || ctx.cards.unknownWords(r.terms).length > 0)
    return null;
  const { aspects, askBackForms, askBackRule, askBackFollowUp } = ctx.kb.lexicon;
  const ids =
    r.aspects.length === 1
      ? (aspects.find((a) => a.id === r.aspects[0])?.askBack ?? [])
      : // Only a question that points at something unsaid ("it", "그거", "the deadline") is bare;
        // "점심 시간은 언제인가요?" is about another subject.
        r.aspects.length === 0 && UNSAID.test(r.lowered)
        ? ([...r.forms].map((f) => askBackForms[f] ?? []).find((cards) => cards.length > 0) ??
          (r.hits.cues.has('decision') ? askBackRule : []))
        : r.aspects.length === 0 && followUp
          ? askBackFollowUp
          : [];
  // "what about 2022?": "about" is a word of the description aspect, which asks nothing back.
  const offered = ids.length === 0 && followUp ? askBackFollowUp : ids;
  if (offered.length === 0) return null;
  const cards = offered.map((id) => {
    const [kind, target = kind] = id.split(':') as [RankedCard['card']['kind'], string?];
    return { card: { id, kind, target }, score: 0, terms: 0 };
  });
  return clarify(b, ctx, cards);
}

const POINTS_AT_PROJECT =
  /(?:그|이|저|해당)\s*(?:사업|과제|프로젝트)|^\s*(?:그거|그건|그게|이거|이건|저거)\s|\b(?:it|this project|that project|the project)\b/u;

/**
 * "Which ministry runs it?", "그 과제 주관기관 어디라고?": an aspect of a project the question points
 * at but never names, asked before any list or topic could answer it as a question about all.
 */
export const routeUnnamedProject: Route = (b, ctx, r) => {
  if (!POINTS_AT_PROJECT.test(r.lowered) || r.aspects.length !== 1 || r.years.length > 0) return null;
  return askBack(b, ctx, r);
};

/** A follow-up that leans on an earlier message ("그럼 2022년엔?", "and the other one?", "what about 2022?"). */
const FOLLOW_UP = /^\s*(?:그럼|그러면|그리고|근데|and\b|what\s+about\b|how\s+about\b)/u;

const UNSAID = /그거|이거|저거|그건|이건|그게|이게|마감|\b(?:it|that|this|deadline)\b/u;

/** Fewer points than this for the best card means the question is not about anything the cards know. */
const NEAREST_MIN_SCORE = 10;

/** A second card scoring at least this share of the best one makes the question ambiguous. */
const CLOSE_SECOND = 0.85;

/**
 * No phrase fits: the card the question's words rank first, if it is clearly first; two close
 * cards are offered back ("did you mean…"); else no match, with the nearest topic named when
 * there is one.
 */
export const routeNearest: Route = (b, ctx, r) => {
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
    const chosen = close.length > 1 ? (ruleAndItsTopic(ctx, close) ?? statingCard(ctx, r, close)) : best;
    if (chosen === undefined) return clarify(b, ctx, close);
    const answer = answerCard(b, ctx, r, chosen);
    if (answer) return answer;
  }
  const offered = askBack(b, ctx, r);
  if (offered) return offered;
  b.line(b.msg('noMatch'));
  if (best !== undefined && best.score >= needed / 2) {
    const { label, question } = describeCard(b, ctx, best);
    b.line(b.msg('noMatch.nearest', { label, question }));
  }
  return b.build({ status: 'no_match', kind: 'no_match' });
};

/**
 * A rule and its own topic, close: not two readings to choose from. The rule's card answers both
 * ways (a verdict when the question gives the inputs, the rule explained otherwise).
 */
function ruleAndItsTopic(ctx: EngineContext, close: readonly RankedCard[]): RankedCard | undefined {
  if (close.length !== 2) return undefined;
  const rule = close.find((c) => c.card.kind === 'decision');
  const topic = close.find((c) => c.card.kind === 'topic');
  if (rule === undefined || topic === undefined) return undefined;
  return ctx.decisions.get(rule.card.target)?.topic === topic.card.target ? rule : undefined;
}

/**
 * Of close cards, the one the question's numbers point to: for a stated count of projects ("과제
 * 12개 맞지?", "19 projects, right?") the card that counts the projects, among all the ranked
 * cards; otherwise the one whose topic states every number the question gives ("육백사십오억 맞아?").
 */
function statingCard(ctx: EngineContext, r: Reading, close: readonly RankedCard[]): RankedCard | undefined {
  const topicStatements = (ranked: RankedCard) =>
    ranked.card.kind === 'topic'
      ? (ctx.topics.get(ranked.card.target) ?? []).flatMap((topic) => topic.statements)
      : [];
  if (COUNTS_PROJECTS.test(r.lowered)) {
    const counting = r.cards.filter((ranked) =>
      topicStatements(ranked).some(
        (s) => /\d+개\s*(?:사업|과제)/u.test(s.text.ko) && s.facts.some((f) => /^\d+$/.test(f)),
      ),
    );
    if (counting.length === 1) return counting[0];
  }
  const numbers = (r.lowered.match(/\d{2,}/g) ?? []).filter((n) => !/^(?:19|20)\d{2}$/.test(n));
  if (numbers.length === 0) return undefined;
  const stating = close.filter((ranked) =>
    topicStatements(ranked).some((s) =>
      numbers.every((n) => new RegExp(`(?<!\\d)${n}(?!\\d)`).test(s.text.ko)),
    ),
  );
  return stating.length === 1 ? stating[0] : undefined;
}

/** A count of projects stated in the question. */
const COUNTS_PROJECTS =
  /\d+\s*개\s*(?:의\s*)?(?:사업|과제)|(?:사업|과제)\S*\s*\d+\s*개|\d+\s+(?:e-?gov\s+)?(?:support\s+)?projects?/u;

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
        const perYear = topicsPerYear(ctx, [card.target], r.years, r.lowered);
        if (perYear.length > 0) return answerEditionTopics(b, ctx, perYear, []);
      }
      const { topics, missingYear } = pickTopics(ctx, [card.target], r.years, r.today, r.terms);
      // "Is the exception still in effect after June 2025?": the measure's state first, as routeTopic does.
      const statusOf = topics[0]?.statusOf;
      if (r.forms.has('status') && statusOf !== undefined)
        writeMeasureStatus(b, ctx.kb, statusOf, r.lowered, r.today, r.forms);
      if (topics.length > 0) return answerEditionTopics(b, ctx, topics, []);
      return missingYear !== null ? answerMissingYear(b, ctx, missingYear) : null;
    }
    case 'decision': {
      const decision = ctx.decisions.get(card.target);
      return decision ? answerDecision(b, ctx, r, decision) : null;
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
