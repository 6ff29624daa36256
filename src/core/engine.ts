import type { KnowledgeBase } from '../knowledge/parse.js';
import type { Topic } from '../knowledge/schema.js';
import { listedItemAsked } from './listed.js';
import { AnswerBuilder } from './compose.js';
import { createContext, type EngineContext } from './context.js';
import type { DateRange } from './extract.js';
import { questionParts, withOtherParts } from './otherParts.js';
import { checkPremise } from './premise.js';
import { readQuestion, type Reading } from './reading/read.js';
import { ROUTES } from './routes/index.js';
import { composeRuleAnswer, formatWon } from './ruleAnswer.js';
import { rankSuggestions } from './suggest.js';
import { countCharacters, detectLanguage, hasPhrase, hasWords, isJamoOnly } from './text.js';
import type { Answer, Language, Question } from './types.js';
import { answerList, type ProjectFilter } from './writers/list.js';
import type { ProjectAspect } from './writers/project.js';
import { answerProjects } from './writers/projectAnswer.js';
import { writeKnowledgeAsOf } from './writers/asOf.js';
import { answerTopics } from './writers/topic.js';

/** Questions longer than this are rejected: nobody asks one thing in more. */
export const MAX_QUESTION_LENGTH = 1000;

/** A rule check with typed inputs (the Discord /rule command), instead of a free question. */
export interface RuleCheck {
  readonly decision: string;
  readonly values: Readonly<Record<string, number | string | boolean | undefined>>;
  /** The date to check; null means today. */
  readonly date: DateRange | null;
  readonly today: string;
  readonly language: Language;
}

export interface Engine {
  readonly kb: KnowledgeBase;
  /** Answers a free question. */
  answer(question: Question): Answer;
  /** One project: an aspect of it, or its overview when aspect is null; `year` picks the edition. */
  describeProject(id: string, aspect: ProjectAspect | null, language: Language, year?: number): Answer;
  /** The projects of one edition (`filter.year`, else the latest), filtered. */
  listProjects(filter: ProjectFilter, language: Language): Answer;
  checkRule(check: RuleCheck): Answer;
  /** Stored topics, by id, as one answer (e.g. the briefing facts); `year` picks the edition. */
  showTopics(ids: readonly string[], language: Language, year?: number): Answer;
  suggestProjects(query: string, language: Language, limit?: number): { id: string; name: string }[];
  /** Every source of the knowledge base, with how confidence is shown. */
  listSources(language: Language): Answer;
}

/** The as-of day for typed lookups, which have no question: every edition counts as known. */
const LATEST = '9999-12-31';

function answerQuestion(ctx: EngineContext, question: Question): Answer {
  const raw = question.text;
  const length = countCharacters(raw);
  if (length > MAX_QUESTION_LENGTH || !hasWords(raw) || isJamoOnly(raw)) {
    const b = new AnswerBuilder(ctx.kb, question.language ?? detectLanguage(raw));
    b.line(
      length > MAX_QUESTION_LENGTH
        ? b.msg('rejected.tooLong', { length, max: MAX_QUESTION_LENGTH })
        : hasWords(raw)
          ? b.msg('rejected.unreadable')
          : b.msg('rejected.empty'),
    );
    return b.build({ status: 'rejected', kind: 'rejected' });
  }
  const main = answerMessage(ctx, question);
  // A message of several questions: the others' plain facts are added below (otherParts.ts).
  const parts = questionParts(raw);
  if (parts.length === 0) return main;
  const language = question.language ?? main.language;
  return withOtherParts(
    main,
    parts.map((part) => route(ctx, readQuestion(ctx, part, question.today), language)),
  );
}

function answerMessage(ctx: EngineContext, question: Question): Answer {
  const raw = question.text;
  // A long message with the real question at its end ("… 그래서 여쭤보는데 설명회 언제인가요?"):
  // the last sentence alone is read first, so the preamble's words can't drag the answer elsewhere.
  const last = lastQuestion(raw);
  const whole = () => route(ctx, readQuestion(ctx, raw, question.today), question.language);
  if (last !== null) {
    const focused = route(ctx, readQuestion(ctx, last, question.today), question.language);
    if (focused.status === 'answered' || focused.status === 'unknown_fact') {
      // "Our tender failed once on April 29, 2020. … Could we sign single-source that day?": the
      // last sentence asks about a rule whose inputs are in the earlier ones; the verdict of that
      // same rule, read from the whole message, wins.
      if (focused.verdict !== null) return focused;
      const full = whole();
      return sameRule(ctx, full, focused) ? full : focused;
    }
  }
  return whole();
}

function route(ctx: EngineContext, reading: Reading, language: Language | undefined): Answer {
  const lang = language ?? detectLanguage(reading.text);
  let b = new AnswerBuilder(ctx.kb, lang);
  for (const next of ROUTES) {
    const answer = next(b, ctx, reading);
    // A route that found nothing to say passes the question on, never an empty answer.
    if (answer && answer.text.trim() === '') {
      b = new AnswerBuilder(ctx.kb, lang);
      continue;
    }
    if (answer) return checkAsked(b.language, ctx, reading, checkPremise(ctx, reading, answer));
  }
  throw new Error('the last route always answers');
}

/** Whether `full` gives a verdict of the rule that `focused` explains (its title comes first). */
function sameRule(ctx: EngineContext, full: Answer, focused: Answer): boolean {
  if (full.verdict === null || full.rule === null) return false;
  const decision = ctx.decisions.get(ctx.kb.rules.find((r) => r.id === full.rule)?.decision ?? '');
  if (decision === undefined) return false;
  const topic = decision.topic !== undefined ? ctx.topics.get(decision.topic)?.[0] : undefined;
  const measure = decision.measure !== undefined ? ctx.kb.measures.get(decision.measure) : undefined;
  const titles = [
    decision.title,
    ...(topic ? [topic.title] : []),
    ...(measure ? [measure.title] : []),
  ].flatMap((t) => [t.ko, t.en]);
  return titles.some((title) => focused.text.startsWith(title));
}

/** The last sentence of a long message of several sentences, or null for an ordinary question. */
function lastQuestion(raw: string): string | null {
  if (countCharacters(raw) < 200) return null;
  const sentences = raw
    .split(/(?<=[.?!。？！])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
  return sentences.length >= 3 ? sentences.at(-1)! : null;
}

/**
 * "How many people watched?": a count asked of a topic whose answer states no number is a fact
 * the knowledge base does not have, whatever related facts the answer shows.
 */
function checkAsked(language: Language, ctx: EngineContext, r: Reading, answer: Answer): Answer {
  if (answer.kind !== 'topic' || answer.status !== 'answered') return answer;
  const text = answer.text.replace(/https?:\/\/\S+/g, '');
  // "과업심의위원회는 며칠 안에 결정해야 해?", "what's the penalty for …?": a detail of a kind the
  // answer states nothing of (no number of days, no percentage, no sanction) is not in the sources.
  const detail = ASKED_DETAILS.find((d) => d.asked.test(r.lowered) && !d.stated.test(text));
  if (detail !== undefined) {
    const b = new AnswerBuilder(ctx.kb, language);
    const note = b.msg('unknown.detailNotRecorded', { detail: b.msg(`detail.${detail.id}`) });
    return { ...answer, status: 'unknown_fact', text: `${note}\n\n${answer.text}` };
  }
  // "범정부 공통 인프라 분야 과제 목록 좀": the part a shown statement says is not known was asked.
  const unknownPart = ctx.askedUnknowns.find(
    (st) =>
      answer.text.includes(st.text[language]) &&
      [...st.askedBy!.ko, ...st.askedBy!.en].some((phrase) => hasPhrase(r.hits.norm, phrase)),
  );
  if (unknownPart !== undefined) return { ...answer, status: 'unknown_fact' };
  // "18개 점검항목에 하자담보도 들어가?": a thing the answer's list names is said to be in it first.
  const listed = listedItemAsked(r.hits.norm, r.lowered, answer.text);
  if (listed !== null) {
    const yes = new AnswerBuilder(ctx.kb, language).msg('topic.listed', { item: listed });
    return { ...answer, text: `${yes}\n\n${answer.text}` };
  }
  if (!r.forms.has('count')) return answer;
  const numbers = text.match(/\d+/g) ?? [];
  if (numbers.some((n) => !/^(?:19|20)\d{2}$/.test(n))) return answer;
  const note = new AnswerBuilder(ctx.kb, language).msg('unknown.countNotRecorded');
  return { ...answer, status: 'unknown_fact', text: `${note}\n\n${answer.text}` };
}

/** Details a question can ask of a topic, and how an answer that states one reads. */
const ASKED_DETAILS: readonly { id: string; asked: RegExp; stated: RegExp }[] = [
  {
    id: 'days',
    // "며칠 안에", "몇 일 이내" ask a number of days; "며칠이었지", "며칠부터" ask a date.
    asked:
      /(?:며칠|몇\s*일)\s*(?:안에|안으로|이내|내에|내로|만에|걸려|걸리|동안|전까지|전에)|\bhow\s+many\s+(?:business\s+|working\s+)?days\b|\bwithin\s+how\s+many\b/u,
    stated: /\d+\s*(?:일|days?\b|-day)/u,
  },
  { id: 'months', asked: /몇\s*개월|몇\s*달|\bhow\s+many\s+months\b/u, stated: /\d+\s*(?:개월|months?\b)/u },
  {
    id: 'percent',
    asked: /몇\s*(?:%|퍼센트|프로)|\bwhat\s+(?:percent(?:age)?|rate)\b|\bhow\s+much\s+percent/u,
    stated: /\d+(?:\.\d+)?\s*(?:%|퍼센트|percent)|\d+\s*\/\s*\d+/u,
  },
  {
    id: 'lawNumber',
    // "What was the decree amendment number?", "대통령령 몇 호야?": the number of a law or decree.
    asked:
      /\b(?:decree|amendment|law|act|ordinance)\s+(?:amendment\s+)?(?:number\b|no\.|no\b)(?!\s*of\s+(?:days|months))|대통령령\s*(?:제\s*)?몇\s*호|몇\s*호(?:였|인|야|예요|입니까)|법령\s*번호|개정\s*번호|공포\s*번호/u,
    stated: /제\s*\d+\s*호|\bno\.\s*\d+|\bact\s+no\b/iu,
  },
  {
    id: 'penalty',
    asked:
      /제재|벌금|벌칙|과태료|패널티|페널티|불이익|\bpenalt(?:y|ies)\b|(?<!\b(?:is|be|are|was|were|sounds?|looks?|seems?|it'?s|that'?s|all|'s)\s+)\bfine[sd]?\b|\bsanction/u,
    stated: /제재|벌금|벌칙|과태료|불이익|penalt|sanction|\bfine/u,
  },
];

export function createEngine(kb: KnowledgeBase): Engine {
  const ctx = createContext(kb);

  function describeProject(
    id: string,
    aspect: ProjectAspect | null,
    language: Language,
    year?: number,
  ): Answer {
    const b = new AnswerBuilder(kb, language);
    if (!ctx.projects.has(id)) {
      b.line(b.msg('noMatch'));
      return b.build({ status: 'no_match', kind: 'no_match' });
    }
    return answerProjects(b, ctx, {
      ids: [id],
      aspects: aspect === null ? [] : [aspect],
      years: year === undefined ? [] : [year],
      today: LATEST,
      lowered: '',
    });
  }

  function checkRule(request: RuleCheck): Answer {
    const b = new AnswerBuilder(kb, request.language);
    const decision = ctx.decisions.get(request.decision);
    if (decision === undefined) throw new Error(`unknown decision "${request.decision}"`);
    const date = request.date ?? { from: request.today, to: request.today, label: request.today };
    const values: Record<string, number | string | boolean | undefined> = { ...request.values };
    const notes: { key: string; values: Record<string, string> }[] = [];
    if (decision.id === 'subcontracting') values['resubcontract'] ??= false;
    if (typeof values['amountKrw'] === 'number') {
      notes.push({
        key: 'rule.amountAsked',
        values: { amount: formatWon(values['amountKrw'], request.language) },
      });
    }
    return composeRuleAnswer(
      b,
      kb,
      [
        {
          decision,
          values,
          date,
          dateAsked: request.date !== null,
          hasParameters: true,
          notes,
          alternatives: [],
        },
      ],
      [],
    );
  }

  function showTopics(ids: readonly string[], language: Language, year?: number): Answer {
    const topics = ids.flatMap((id): Topic[] => {
      const records = ctx.topics.get(id) ?? [];
      const record = records.find((t) => t.edition === year) ?? records.at(-1);
      return record ? [record] : [];
    });
    return answerTopics(new AnswerBuilder(kb, language), topics, []);
  }

  function listSources(language: Language): Answer {
    const b = new AnswerBuilder(kb, language);
    b.line(b.msg('sources.summary', { count: kb.sources.size }));
    writeKnowledgeAsOf(b, kb);
    b.cite([...kb.sources.keys()]);
    return b.build({ status: 'answered', kind: 'topic' });
  }

  return {
    kb,
    answer: (question) => answerQuestion(ctx, question),
    describeProject,
    listProjects: (filter, language) => answerList(new AnswerBuilder(kb, language), ctx, filter, LATEST),
    checkRule,
    showTopics,
    /** Autocomplete: projects (and their short names) that fit what the user has typed so far. */
    suggestProjects: (query, language, limit = 25) =>
      rankSuggestions(
        [...ctx.projects.values()].map((records) => records.at(-1)!),
        query,
        language,
      ).slice(0, limit),
    listSources,
  };
}

export type { ProjectAspect, ProjectFilter };
