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
  if (byAmount === undefined) return;
  const mentions = extractAmounts(lowered);
  const amounts = new Set(mentions.map((m) => m.krw));
  if (amounts.size !== 1) return;
  const krw = mentions[0]!.krw;
  const tier = [...byAmount.tiers].sort((x, y) => y.from - x.from).find((t) => krw >= t.from);
  if (tier === undefined) return;
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
