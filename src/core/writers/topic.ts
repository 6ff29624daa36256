import type { Topic } from '../../knowledge/schema.js';
import { extractAmounts } from '../reading/amounts.js';
import type { AnswerBuilder } from '../compose.js';
import { editionsKnownOn, pickRecord, pointedRecord, type EngineContext } from '../context.js';
import type { Answer } from '../types.js';

/** The first topic is what was asked: when it is itself an unknown fact, so is the answer. */
function topicStatus(topics: readonly Topic[]): 'answered' | 'unknown_fact' {
  const first = topics[0];
  const unknown =
    first !== undefined && (first.unknown || first.statements.every((s) => s.confidence === 'not_found'));
  return unknown ? 'unknown_fact' : 'answered';
}

/** Stored topics, each as its title and statements. */
export function answerTopics(
  b: AnswerBuilder,
  topics: readonly Topic[],
  projectIds: readonly string[],
): Answer {
  for (const topic of topics) {
    b.line(b.text(topic.title));
    for (const statement of topic.statements) b.statement(statement);
  }
  const related = projectIds.length > 0 ? [...projectIds] : [...new Set(topics.flatMap((t) => t.projects))];
  return b.build({ status: topicStatus(topics), kind: 'topic', projects: related });
}

/**
 * The record of each topic for the asked year (an edition's topic exists once per edition), the
 * latest known edition's when the question names no year. A topic of another year's edition, named
 * with no year, gets its year in the title.
 */
export function pickTopics(
  ctx: EngineContext,
  ids: readonly string[],
  years: readonly number[],
  today: string,
  terms: ReadonlySet<string> = new Set(),
): { topics: Topic[]; missingYear: number | null } {
  const known = editionsKnownOn(ctx.kb, today);
  const topics: Topic[] = [];
  let missingYear: number | null = null;
  for (const id of ids) {
    const records = ctx.topics.get(id) ?? [];
    const pointed = years.length === 0 ? pointedRecord(ctx, records, terms) : null;
    if (pointed !== null) {
      topics.push(pointed);
      continue;
    }
    const pick = pickRecord(
      records,
      years,
      known,
      (t) => !t.unknown && t.statements.some((st) => st.confidence !== 'not_found'),
    );
    if (pick === null) continue;
    if ('missingYear' in pick) {
      missingYear ??= pick.missingYear;
      continue;
    }
    topics.push(pick.record);
    // No year named: the latest edition first, then what the earlier editions record, each under
    // its year, so "설명회 언제?" shows every briefing the knowledge base knows.
    if (years.length === 0) {
      const knownYears = new Set(known.map((e) => e.year));
      for (const other of [...pick.others].reverse())
        if (other.edition !== undefined && knownYears.has(other.edition)) topics.push(other);
    }
  }
  return { topics, missingYear };
}

/** Stored topics with their edition's year in the title when the topic exists in several editions. */
export function answerEditionTopics(
  b: AnswerBuilder,
  ctx: EngineContext,
  topics: readonly Topic[],
  projectIds: readonly string[],
): Answer {
  for (const topic of topics) {
    const editions = (ctx.topics.get(topic.id) ?? []).length;
    const title = b.text(topic.title);
    b.line(topic.edition !== undefined && editions > 1 ? `${title} (${topic.edition})` : title);
    if (topic.edition !== undefined) b.fact(String(topic.edition));
    for (const statement of topic.statements) b.statement(statement);
  }
  const related = projectIds.length > 0 ? [...projectIds] : [...new Set(topics.flatMap((t) => t.projects))];
  return b.build({ status: topicStatus(topics), kind: 'topic', projects: related });
}

/** A year no edition covers: the comparison topic that records it, or which years are known. */
export function answerMissingYear(b: AnswerBuilder, ctx: EngineContext, year: number): Answer {
  const isEdition = ctx.kb.editions.some((e) => e.year === year);
  const comparison = isEdition ? undefined : ctx.kb.topics.find((t) => t.compareYear === year);
  if (comparison) return answerTopics(b, [comparison], []);
  const compared = [
    ...new Set(ctx.kb.topics.flatMap((t) => (t.compareYear === undefined ? [] : [t.compareYear]))),
  ]
    .filter((y) => !ctx.kb.editions.some((e) => e.year === y))
    .sort();
  b.line(
    b.msg('unknown.otherYear', {
      year,
      editions: ctx.kb.editions.map((e) => e.year).join(', '),
      compared: compared.length === 0 ? '' : b.msg('unknown.comparedYears', { years: compared.join(', ') }),
    }),
  );
  b.fact(String(year), ...ctx.kb.editions.map((e) => String(e.year)), ...compared.map(String));
  return b.build({ status: 'unknown_fact', kind: 'topic' });
}

/**
 * "지자체 협상계약 5억이면 공고 며칠 전?": the tier of a topic's amount-dependent figure that the one
 * amount in the question falls in, said before the topic's statements. Nothing when the topic has
 * no tiers or the question gives no amount, or several.
 */
export function writeByAmount(b: AnswerBuilder, topic: Topic, lowered: string): void {
  const byAmount = topic.byAmount;
  const tier = tierAsked(topic, lowered);
  if (byAmount === undefined || tier === undefined) return;
  const value = b.text(tier.value);
  const fill = (template: string, language: 'ko' | 'en') =>
    template.replace('{tier}', tier.label[language]).replace('{value}', tier.value[language]);
  b.statement({
    text: { ko: fill(byAmount.text.ko, 'ko'), en: fill(byAmount.text.en, 'en') },
    sources: byAmount.sources,
    confidence: byAmount.confidence,
    facts: [value],
  });
  b.blank();
}

type Tier = NonNullable<Topic['byAmount']>['tiers'][number];

/** The tier the one amount of the question falls in, if the topic has tiers and the question one amount. */
function tierAsked(topic: Topic, lowered: string): Tier | undefined {
  const byAmount = topic.byAmount;
  if (byAmount === undefined) return undefined;
  const mentions = extractAmounts(lowered);
  if (new Set(mentions.map((m) => m.krw)).size !== 1) return undefined;
  const krw = mentions[0]!.krw;
  return [...byAmount.tiers].sort((x, y) => y.from - x.from).find((t) => krw >= t.from);
}

/** A notice period the asker states: "7일 공고", "공고 10일만", "a 30-day notice", "15 days do". */
const STATED_DAYS =
  /(\d{1,3})\s*(?:일|days?\b|-day\b)\s*(?:만|동안|짜리)?\s*(?:으로\s*|로\s*)?(?:bid\s+|tender\s+|입찰\s*)?(?:공고|notice|전에?\s*공고|before|(?:would|will|do|enough|ok|allowed|fine|sufficient))|(?:공고|notice)\S*\s*(?:기간\s*)?(?:을|를|은|는|이|가|만|is|of|period)?\s*(\d{1,3})\s*(?:일|days?\b)/u;
const ASKS_IF_ENOUGH =
  /괜찮|되나|돼|되지|되는|가능|충분|맞|문제\s*(?:없|있|안)|enough|\bok\b|okay|allowed|fine|\bdo\b|\bcan\s+(?:we|i|they)\b|\bis\s+(?:that|it|a)\b/u;

/**
 * "지자체 협상계약 8천만원짜리 10일 공고 괜찮아?", "exactly 50억 works, no site briefing: would 15 days
 * do?": the period the asker states against the tier's period (`days`), or the urgent case's
 * (`urgent`, when its words are in the question). Null when the topic has no periods, the question
 * states none or does not ask, or the urgent case needs a reason the question cannot show.
 */
/** The notice period a question states ("7일 공고", "a 15-day notice"), if any. */
export function statedNoticeDays(lowered: string): number | null {
  const stated = STATED_DAYS.exec(lowered);
  return stated === null ? null : Number(stated[1] ?? stated[2]);
}

export function noticeVerdict(topic: Topic, lowered: string): 'allowed' | 'not_allowed' | null {
  const tier = tierAsked(topic, lowered);
  const stated = STATED_DAYS.exec(lowered);
  if (tier?.days === undefined || stated === null || !ASKS_IF_ENOUGH.test(lowered)) return null;
  const urgent = topic.byAmount?.urgent;
  // An urgent word that holds: not said not to ("긴급 아니고", "재공고도 아님", "not urgent").
  const holds = (word: string) => {
    const at = lowered.indexOf(word.toLowerCase());
    if (at < 0) return false;
    const after = lowered.slice(at + word.length, at + word.length + 14);
    const before = lowered.slice(Math.max(0, at - 10), at);
    // "긴급도 재공고도 아닌데": a second word of the same "…도 …도 아니" clause may come between.
    return (
      !/^\S*\s*(?:(?:도|은|는)\s*)?(?:\S{1,5}도\s*)?(?:아니|아님|아닌|없|않|x\b)/u.test(after) &&
      !/\b(?:not|neither|nor|no)\s+(?:an?\s+)?$/u.test(before)
    );
  };
  const isUrgent = urgent !== undefined && [...urgent.words.ko, ...urgent.words.en].some(holds);
  if (isUrgent && urgent.days === null) return null;
  const required = isUrgent ? (urgent.days ?? tier.days) : tier.days;
  const days = Number(stated[1] ?? stated[2]);
  return days >= required ? 'allowed' : 'not_allowed';
}
