import type { Topic } from '../../knowledge/schema.js';
import type { AnswerBuilder } from '../compose.js';
import type { EngineContext } from '../context.js';
import type { PhraseHit } from '../phraseMatcher.js';
import type { Reading } from '../reading/read.js';
import { hasPhrase } from '../text.js';
import type { Answer } from '../types.js';

/** One way of answering: an answer when the reading fits it, else null for the next route. */
export type Route = (b: AnswerBuilder, ctx: EngineContext, r: Reading) => Answer | null;

export const longest = (hits: readonly PhraseHit<string>[], target?: string) =>
  Math.max(0, ...hits.filter((h) => target === undefined || h.target === target).map((h) => h.length));

/** The first topic a question's words point to, of those it may mean. */
/** A card's score in the question's ranking, 0 when it is not among the ranked cards. */
export const cardScore = (r: Reading, cardId: string): number =>
  r.cards.find((c) => c.card.id === cardId)?.score ?? 0;

/**
 * A topic's card so far ahead of a rule's ("2021 사업 bid notice는 나라장터에 올라와?") that the
 * topic is what is asked, whatever the length of the rule words.
 */
export function topicFarAhead(r: Reading, topicId: string, decisionId: string): boolean {
  const topic = cardScore(r, `topic:${topicId}`);
  return topic >= 20 && topic > 4 * cardScore(r, `decision:${decisionId}`);
}

export function firstTopic(ctx: EngineContext, r: Reading): Topic | undefined {
  const id = topicCandidates(ctx, r)[0];
  return id !== undefined ? ctx.topics.get(id)?.[0] : undefined;
}

/**
 * The topics a question's words point to, best first. A comparison with a year that has no edition
 * of its own (2020) counts only when the question compares or asks about that year.
 */
export function topicCandidates(ctx: EngineContext, r: Reading): string[] {
  return r.topicIds.filter((id) => isCandidateTopic(ctx, r, id));
}

export function isCandidateTopic(ctx: EngineContext, r: Reading, id: string): boolean {
  const topic = ctx.topics.get(id)?.[0];
  // A narrow topic (named only by its word groups together) is reached by likeness only when the
  // question has at least half its groups: "장기계속계약이라 설명회에서 뺐다는 게 무슨 뜻?" is not
  // "which project did the 2022 briefing leave out".
  if (
    topic !== undefined &&
    topic.requires.length > 0 &&
    topic.keywords.ko.length + topic.keywords.en.length === 0 &&
    !r.topicIds.includes(id)
  ) {
    const groups = topic.requires.filter((g) => [...g.ko, ...g.en].some((p) => hasPhrase(r.hits.norm, p)));
    if (groups.length * 2 < topic.requires.length) return false;
  }
  const compareYear = topic?.compareYear;
  if (compareYear === undefined) return true;
  const isEdition = ctx.kb.editions.some((e) => e.year === compareYear);
  if (r.forms.has('compare')) return true;
  // "2020년 특례 때 선금 한도?": a year next to a rule's words dates the rule, not the program.
  // …and next to a contract or SW-Act topic's words ("2020년 특례 때 소액수의 한도") it dates that topic.
  const dated = r.topicIds.some((t) => {
    const group = ctx.topics.get(t)?.[0]?.group;
    return group === 'contract' || group === 'sw-act';
  });
  return !isEdition && r.years.includes(compareYear) && r.decisionIds.length === 0 && !dated;
}

/** The edition year a list question names, if it names one that has an edition. */
export function editionYear(ctx: EngineContext, r: Reading): number | undefined {
  return r.years.find((y) => ctx.kb.editions.some((e) => e.year === y));
}
