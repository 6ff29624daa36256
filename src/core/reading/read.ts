import { extractAmounts } from './amounts.js';
import { extractDateRange } from './dates.js';
import type { QuestionForm } from '../../knowledge/schema.js';
import type { EngineContext } from '../context.js';
import type { RankedCard } from '../retrieval/cards.js';
import type { ProjectAspect } from '../writers/project.js';
import {
  isEmptyMatch,
  matchPhrases,
  rankTargets,
  readQwertyAsHangul,
  type PhraseHits,
} from './phraseIndex.js';
import { tokenizeNormalized } from '../retrieval/tokenize.js';
import { asPlainRequest, hasPhrase, type NormalizedText } from '../text.js';
import { prepareForReading, sinoAmountsAsDigits } from './numerals.js';
import { projectCountsIn } from './projectCounts.js';
import { readYears, yearOnlyInDates } from './years.js';
import { correctTypos } from './typos.js';

/** A question as the engine understands it, before any answer is chosen. */
export interface Reading {
  /** The text read: the question, or its Hangul reading when it was typed with the Korean IME off. */
  readonly text: string;
  /** NFKC, lower case, numbers as digits: what extractors of dates, amounts and counts read. */
  readonly lowered: string;
  /** The as-of day (YYYY-MM-DD). */
  readonly today: string;
  readonly hits: PhraseHits;
  readonly projectIds: readonly string[];
  readonly aspects: readonly ProjectAspect[];
  readonly decisionIds: readonly string[];
  readonly topicIds: readonly string[];
  readonly forms: ReadonlySet<QuestionForm>;
  /** Program years named, explicit or relative to the as-of day, in order. */
  readonly years: readonly number[];
  /** Answer cards ranked by their example questions and words. */
  readonly cards: readonly RankedCard[];
  /** The question's ranking terms (tokenize.ts), to tell which edition its words fit. */
  readonly terms: ReadonlySet<string>;
}

export function readQuestion(ctx: EngineContext, asked: string, today: string): Reading {
  const raw = correctTypos(asked, ctx.typos);
  let text = raw;
  let hits = matchPhrases(ctx.phrases, sinoAmountsAsDigits(asPlainRequest(raw)));
  // Typed with the Korean IME off ("rnralsqltj" for 국민비서)? Read it as Hangul.
  if (isEmptyMatch(hits) && /^[\x20-\x7e]+$/.test(raw)) {
    const converted = readQwertyAsHangul(raw);
    if (converted !== raw) {
      const alternative = matchPhrases(ctx.phrases, converted);
      if (!isEmptyMatch(alternative)) {
        hits = alternative;
        text = converted;
      }
    }
  }
  // Asked on a briefing day with nothing else named ("몇시까지 함?", "how many projects are they
  // presenting today?"): in the live chat of that briefing, it is about the briefing.
  const live = liveBriefing(ctx, hits, today, raw);
  if (live !== null) {
    text = `${raw} (${live})`;
    hits = matchPhrases(ctx.phrases, sinoAmountsAsDigits(asPlainRequest(text)));
  }
  // Number words and odd digits as ASCII digits (구십억 → 90억, ８２ → 82), for every extractor; a
  // day named by an event ("국민비서 정식 오픈한 날 기준으로") is added as its date.
  const prepared = prepareForReading(text);
  const event = eventDay(ctx, hits.norm, prepared);
  const lowered = event === null ? prepared : `${prepared} (${event})`;
  const terms = new Set(tokenizeNormalized(hits.norm));
  const ranked = ctx.cards.rank(terms, 40);
  const byBudget = hits.projects.length > 0 ? [] : projectsByBudget(ctx, hits, lowered);
  const aspects = rankTargets(hits.aspects);
  return {
    text,
    lowered,
    today,
    hits,
    projectIds:
      byBudget.length > 0
        ? byBudget
        : withoutStatedBudgets(ctx, rankTargets(hits.projects), aspects, hits.forms, lowered),
    // Named by its budget: the answer says which project it is, and what else was asked.
    aspects:
      byBudget.length > 0 ? ['name', ...aspects.filter((a) => a !== 'budget' && a !== 'name')] : aspects,
    decisionIds: rankTargets(hits.decisions),
    topicIds: withStatedCount(ctx, hits, rankTopics(ctx, hits, ranked), lowered),
    forms: datedApplies(hits.forms, lowered, today),
    years: readYears(lowered, today),
    cards: ranked.slice(0, 4),
    terms,
  };
}

/**
 * "21년 과제 12개였죠?", "2021 had 12 projects right?": a count of projects stated to be confirmed,
 * with nothing else named, is checked against the program's count (lexicon `statedCountTopic`).
 */
function withStatedCount(
  ctx: EngineContext,
  hits: PhraseHits,
  topicIds: string[],
  lowered: string,
): string[] {
  const topic = ctx.kb.lexicon.statedCountTopic;
  if (
    topic === undefined ||
    topicIds.length > 0 ||
    hits.projects.length > 0 ||
    !hits.forms.has('premise') ||
    hits.cues.has('list')
  )
    return topicIds;
  return projectCountsIn(lowered).length > 0 ? [topic] : topicIds;
}

const EVENT_ANCHOR = /날|당일|기준|시행일|\bthe\s+day\b|\bday\s+of\b|\bdate\s+of\b|\bon\s+the\s+date\b/u;

/** The date of an event the question dates itself by, next to a word asking for that day. */
function eventDay(ctx: EngineContext, norm: NormalizedText, prepared: string): string | null {
  if (!EVENT_ANCHOR.test(prepared) || /\d{4}-\d{2}-\d{2}/u.test(prepared)) return null;
  for (const event of ctx.kb.lexicon.events)
    if ([...event.phrases.ko, ...event.phrases.en].some((phrase) => hasPhrase(norm, phrase)))
      return event.date;
  return null;
}

/**
 * Topics by their best hit (longer and exact phrases first, then the topic's weight), with the
 * ranked cards' view added: two topics whose words both appear are told apart by the rest of the
 * question ("Who was the minister when … announced?" is about officials, not the announcement).
 */
function rankTopics(ctx: EngineContext, hits: PhraseHits, cards: readonly RankedCard[]): string[] {
  const score = new Map<string, number>();
  const best = cards[0]?.score ?? 0;
  const cardScore = (id: string) =>
    best > 0 ? (20 * (cards.find((c) => c.card.id === `topic:${id}`)?.score ?? 0)) / best : 0;
  // "진흥법 시행일이 2020년 12월 10일이면 …": a year written only inside a date names no program year.
  const inDate = (key: string) => {
    const year = /^((?:19|20)\d{2})년?$/u.exec(key.replace(/\s/g, ''))?.[1];
    return year !== undefined && yearOnlyInDates(hits.norm.spaced, year);
  };
  for (const hit of hits.topics) {
    if (inDate(hit.key)) continue;
    const topic = ctx.topics.get(hit.target)?.[0];
    // An article number in the question points at the topic that names it.
    const article = /article|조/u.test(hit.key);
    // A figure in the phrase points at its topic ("645억"); a count of days ("공고 15일") is a period
    // several topics share, so it is not specific.
    const specific =
      /\d/.test(hit.key) && !/^(?:19|20)\d{2}$/.test(hit.key) && !/\d\s*(?:일|days?)$/u.test(hit.key)
        ? article
          ? 25
          : 10
        : 0;
    const value = hit.length + (hit.fuzzy ? 0 : 2) + (topic?.weight ?? 0) + specific;
    score.set(hit.target, Math.max(score.get(hit.target) ?? 0, value) + 0.5);
  }
  // "차등점수제 + 구체적" refines the topic named by "차등점수제" alone: the narrower one is asked.
  for (const hit of hits.topics) {
    if (!hit.key.includes('+')) continue;
    const parts = hit.key.split('+');
    const refines = hits.topics.some(
      (h) => h.target !== hit.target && !h.key.includes('+') && parts.includes(h.key),
    );
    if (refines) score.set(hit.target, (score.get(hit.target) ?? 0) + 10);
  }
  for (const [id, value] of score) score.set(id, value + cardScore(id));
  return [...score.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/** "특례 적용돼?", "does the exception apply": with a day or month named, whether it was in force then. */
const APPLIES = /특례\S*\s*(?:\S+\s*)?적용|exceptions?\s+(?:still\s+)?appl(?:y|ies|ied)/u;

function datedApplies(
  forms: ReadonlySet<QuestionForm>,
  lowered: string,
  today: string,
): ReadonlySet<QuestionForm> {
  if (forms.has('status') || !APPLIES.test(lowered)) return forms;
  const date = extractDateRange(lowered, today);
  // "지금 … 특례 언제까지 적용돼?": in force now, and to when.
  if (date !== null && date.label === today && forms.has('when')) return new Set([...forms, 'status']);
  if (
    date === null ||
    date.label === today ||
    (date.to.slice(0, 4) === date.from.slice(0, 4) &&
      date.from.endsWith('-01-01') &&
      date.to.endsWith('-12-31'))
  )
    return forms;
  return new Set([...forms, 'status']);
}

/**
 * "정부24 생활맞춤형이 53억인 건 확인했는데, 국민비서 2차 예산은 얼마였나요?": of several projects, one
 * whose recorded budget the asker states is context; the budget asked is the others'. Kept when the
 * question checks, sums or compares the figures it states.
 */
function withoutStatedBudgets(
  ctx: EngineContext,
  ids: string[],
  aspects: readonly string[],
  forms: ReadonlySet<QuestionForm>,
  lowered: string,
): string[] {
  if (
    ids.length < 2 ||
    !aspects.includes('budget') ||
    ['premise', 'total', 'compare'].some((f) => forms.has(f as QuestionForm))
  )
    return ids;
  const stated = new Set(extractAmounts(lowered).map((a) => a.krw));
  const asked = ids.filter(
    (id) =>
      !(ctx.projects.get(id) ?? []).some((p) => p.budget.value !== null && stated.has(p.budget.value.krw)),
  );
  return asked.length > 0 ? asked : ids;
}

/** The briefing held on `today` (lexicon events), named as the asker would, when nothing else is named. */
function liveBriefing(ctx: EngineContext, hits: PhraseHits, today: string, raw: string): string | null {
  // Nothing named but the briefing's own words ("현장 참석 가능한가요?").
  const briefingOnly = hits.topics.every((h) => ctx.topics.get(h.target)?.[0]?.group === 'briefing');
  if (hits.projects.length + hits.decisions.length + hits.agencies.length > 0 || !briefingOnly) return null;
  // "점심 시간은 언제인가요?" is about something else; "몇시까지 함?" is the briefing's hours.
  const { liveCues } = ctx.kb.lexicon;
  if (![...liveCues.ko, ...liveCues.en].some((cue) => hasPhrase(hits.norm, cue))) return null;
  const event = ctx.kb.lexicon.events.find(
    (e) => e.date === today && e.phrases.ko.some((p) => p.includes('설명회')),
  );
  if (event === undefined) return null;
  return (/[\uac00-\ud7a3]/u.test(raw) ? event.phrases.ko[0] : event.phrases.en[0]) ?? null;
}

/** Words that ask which project, or about one: "71억짜리 과제가 뭐", "which project got 112억". */
const ASKS_PROJECT = /사업|과제|프로젝트|project|which|what|어느|어떤|뭐|무슨/u;

/**
 * A project named by its budget instead of its name ("칠십일억짜리 과제가 뭐였더라", "백십이억
 * 들어간 사업 주관 부처"): an amount equal to exactly one project's recorded budget, in a question
 * that names no rule (a rule's amount, "71억 사업에 대기업 참여?", is the asker's own project).
 */
function projectsByBudget(ctx: EngineContext, hits: PhraseHits, lowered: string): string[] {
  if (hits.decisions.length > 0 || !ASKS_PROJECT.test(lowered)) return [];
  const amounts = new Set(extractAmounts(lowered).map((a) => a.krw));
  if (amounts.size !== 1) return [];
  const matching = [...ctx.projects.entries()]
    .filter(([, records]) => records.some((p) => p.budget.value !== null && amounts.has(p.budget.value.krw)))
    .map(([id]) => id);
  return matching.length === 1 ? matching : [];
}
