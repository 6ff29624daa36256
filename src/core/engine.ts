import { convertQwertyToHangul } from 'es-hangul';
import type { KnowledgeBase } from '../knowledge/parse.js';
import type { Decision, Project, Topic } from '../knowledge/schema.js';
import {
  AnswerBuilder,
  projectName,
  writeProjectAspect,
  writeProjectListItem,
  writeProjectOverview,
  type ProjectAspect,
} from './compose.js';
import {
  extractAmounts,
  extractCompanyTier,
  extractDateRange,
  extractFailedRounds,
  extractShare,
  mentionsFailedBid,
  saysResubcontract,
  saysVatExcluded,
  type DateRange,
} from './extract.js';
import { PhraseMatcher, type PhraseHit } from './phraseMatcher.js';
import { composeRuleAnswer, formatWon, type DecisionRequest } from './ruleAnswer.js';
import { countCharacters, detectLanguage, hasWords, normalizeText, type NormalizedText } from './text.js';
import type { Answer, Language, Question } from './types.js';
import { rankSuggestions } from './suggest.js';

/** Questions longer than this are rejected: nobody asks one thing in more. */
export const MAX_QUESTION_LENGTH = 1000;

/** Filters for a project list; every given field must match. */
export interface ProjectFilter {
  readonly isNew?: boolean | undefined;
  readonly briefed?: boolean | undefined;
  readonly longTermContract?: boolean | undefined;
  readonly phase?: number | undefined;
  /** Korean name of the lead agency, as in projects.yaml (행정안전부 ...). */
  readonly agency?: string | undefined;
}

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
  /** One project: an aspect of it, or its overview when aspect is null. */
  describeProject(id: string, aspect: ProjectAspect | null, language: Language): Answer;
  listProjects(filter: ProjectFilter, language: Language): Answer;
  checkRule(check: RuleCheck): Answer;
  /** Stored topics, by id, as one answer (e.g. the briefing facts). */
  showTopics(ids: readonly string[], language: Language): Answer;
  suggestProjects(query: string, language: Language, limit?: number): { id: string; name: string }[];
  /** Every source of the knowledge base, with how confidence is shown. */
  listSources(language: Language): Answer;
}

type Cue = 'decision' | 'info' | 'list' | 'program' | 'help';

interface Index {
  projects: PhraseMatcher<string>;
  shared: PhraseMatcher<string>;
  sharedOwners: Map<string, string[]>;
  decisions: PhraseMatcher<string>;
  topics: PhraseMatcher<string>;
  requiredGroups: PhraseMatcher<string>;
  requiredGroupCount: Map<string, number>;
  aspects: PhraseMatcher<ProjectAspect>;
  cues: PhraseMatcher<Cue>;
  agencies: PhraseMatcher<string>;
}

function both<T>(aliases: { ko: readonly string[]; en: readonly string[] }, target: T) {
  return [...aliases.ko, ...aliases.en].map((phrase) => ({ phrase, target }));
}

function buildIndex(kb: KnowledgeBase): Index {
  const sharedOwners = new Map<string, string[]>();
  for (const project of kb.projects) {
    for (const phrase of [...project.sharedAliases.ko, ...project.sharedAliases.en]) {
      const owners = sharedOwners.get(phrase) ?? [];
      owners.push(project.id);
      sharedOwners.set(phrase, owners);
    }
  }
  const { lexicon } = kb;
  return {
    projects: new PhraseMatcher(
      kb.projects.flatMap((p) => [
        ...both(p.aliases, p.id),
        { phrase: p.name.ko, target: p.id },
        { phrase: p.name.ko.replace(/\s*\([^)]*\)\s*$/, ''), target: p.id },
        { phrase: p.name.en.replace(/,.*$/, ''), target: p.id },
      ]),
      { fuzzy: true },
    ),
    shared: new PhraseMatcher([...sharedOwners.keys()].map((phrase) => ({ phrase, target: phrase }))),
    sharedOwners,
    decisions: new PhraseMatcher(
      kb.decisions.flatMap((d) => both(d.keywords, d.id)),
      { fuzzy: true },
    ),
    // Typo tolerance where a miss hurts most (project names, rule words); topic keywords are many
    // and short, so they match exactly, which keeps an answer well under a millisecond.
    topics: new PhraseMatcher(kb.topics.flatMap((t) => both(t.keywords, t.id))),
    // Narrow topics match only when one phrase of every group is present: target "topic#group".
    requiredGroupCount: new Map(
      kb.topics.filter((t) => t.requires.length > 0).map((t) => [t.id, t.requires.length]),
    ),
    requiredGroups: new PhraseMatcher(
      kb.topics.flatMap((t) => t.requires.flatMap((group, i) => both(group, `${t.id}#${i}`))),
    ),
    aspects: new PhraseMatcher(lexicon.aspects.flatMap((a) => both(a.keywords, a.id))),
    cues: new PhraseMatcher([
      ...both(lexicon.decisionCues, 'decision' as const),
      ...both(lexicon.infoCues, 'info' as const),
      ...both(lexicon.listCues, 'list' as const),
      ...both(lexicon.programCues, 'program' as const),
      ...both(lexicon.helpCues, 'help' as const),
    ]),
    agencies: new PhraseMatcher(
      lexicon.agencies.flatMap((a) => a.aliases.map((phrase) => ({ phrase, target: a.name }))),
    ),
  };
}

interface Reading {
  norm: NormalizedText;
  projectHits: PhraseHit<string>[];
  sharedHits: PhraseHit<string>[];
  decisionHits: PhraseHit<string>[];
  topicHits: PhraseHit<string>[];
  aspectHits: PhraseHit<ProjectAspect>[];
  cues: Set<Cue>;
  agencyHits: PhraseHit<string>[];
}

function compactOf(hit: PhraseHit<unknown>): string {
  return hit.key.replace(/[\s-]/g, '');
}

/** Drops hits whose phrase lies inside a longer phrase matched for another purpose (longest match wins). */
function dropShadowed<T>(hits: PhraseHit<T>[], longer: readonly PhraseHit<unknown>[]): PhraseHit<T>[] {
  return hits.filter((hit) => {
    const key = compactOf(hit);
    return !longer.some((other) => {
      const otherKey = compactOf(other);
      return otherKey.length > key.length && otherKey.includes(key);
    });
  });
}

function read(index: Index, text: string): Reading {
  const norm = normalizeText(text);
  const projectHits = index.projects.match(norm);
  const topicHitsRaw = [...index.topics.match(norm), ...requiredTopicHits(index, norm)];
  const decisionHitsRaw = index.decisions.match(norm);
  return {
    norm,
    projectHits,
    sharedHits: index.shared.match(norm),
    decisionHits: dropShadowed(
      decisionHitsRaw,
      topicHitsRaw.filter((h) => !h.fuzzy),
    ),
    topicHits: dropShadowed(topicHitsRaw, projectHits),
    // Aspect words inside a project's name don't count ("국민비서 서비스"); inside a topic phrase
    // they still do, since a project question decides by its aspect.
    aspectHits: dropShadowed(index.aspects.match(norm), projectHits),
    cues: new Set(index.cues.match(norm).map((h) => h.target)),
    agencyHits: index.agencies.match(norm),
  };
}

/** Hits for topics whose every required group matched: one hit per topic, as long as all its groups. */
function requiredTopicHits(index: Index, norm: NormalizedText): PhraseHit<string>[] {
  const groups = new Map<string, Map<number, PhraseHit<string>>>();
  for (const hit of index.requiredGroups.match(norm)) {
    const [topic, group] = hit.target.split('#') as [string, string];
    const byGroup = groups.get(topic) ?? new Map<number, PhraseHit<string>>();
    const previous = byGroup.get(Number(group));
    if (previous === undefined || previous.length < hit.length) byGroup.set(Number(group), hit);
    groups.set(topic, byGroup);
  }
  const hits: PhraseHit<string>[] = [];
  for (const [topic, byGroup] of groups) {
    if (byGroup.size !== index.requiredGroupCount.get(topic)) continue;
    const parts = [...byGroup.values()];
    hits.push({
      target: topic,
      phrase: parts.map((h) => h.phrase).join(' + '),
      key: parts.map((h) => h.key).join('+'),
      length: parts.reduce((n, h) => n + h.length, 0),
      fuzzy: parts.some((h) => h.fuzzy),
    });
  }
  return hits;
}

function isEmptyReading(r: Reading): boolean {
  return (
    r.projectHits.length +
      r.sharedHits.length +
      r.decisionHits.length +
      r.topicHits.length +
      r.aspectHits.length ===
    0
  );
}

/** Distinct targets, ordered by their best hit (exact before fuzzy, longer first). */
function rankTargets<T>(hits: readonly PhraseHit<T>[]): T[] {
  const best = new Map<T, number>();
  for (const hit of hits) {
    const score = hit.length + (hit.fuzzy ? 0 : 100);
    best.set(hit.target, Math.max(best.get(hit.target) ?? 0, score));
  }
  return [...best.entries()].sort((a, b) => b[1] - a[1]).map(([target]) => target);
}

export function createEngine(kb: KnowledgeBase): Engine {
  const edition = kb.editions[0]!;
  const index = buildIndex(kb);
  const projectsById = new Map(kb.projects.map((p) => [p.id, p]));
  const topicsById = new Map(kb.topics.map((t) => [t.id, t]));
  const decisionsById = new Map(kb.decisions.map((d) => [d.id, d]));

  function answer(question: Question): Answer {
    const raw = question.text;
    const length = countCharacters(raw);
    if (length > MAX_QUESTION_LENGTH || !hasWords(raw)) {
      const b = new AnswerBuilder(kb, question.language ?? detectLanguage(raw));
      b.line(
        length > MAX_QUESTION_LENGTH
          ? b.msg('rejected.tooLong', { length, max: MAX_QUESTION_LENGTH })
          : b.msg('rejected.empty'),
      );
      return b.build({ status: 'rejected', kind: 'rejected' });
    }
    let text = raw;
    let reading = read(index, raw);
    // Typed with the Korean IME off ("rnralsqltj" for 국민비서)? Read it as Hangul.
    if (isEmptyReading(reading) && /^[\x20-\x7e]+$/.test(raw)) {
      const converted = readQwertyAsHangul(raw);
      if (converted !== raw) {
        const alternative = read(index, converted);
        if (!isEmptyReading(alternative)) {
          reading = alternative;
          text = converted;
        }
      }
    }
    const b = new AnswerBuilder(kb, question.language ?? detectLanguage(text));
    return route(b, reading, text.normalize('NFKC').toLowerCase(), question.today);
  }

  function route(b: AnswerBuilder, r: Reading, lowered: string, today: string): Answer {
    const projectIds = rankTargets(r.projectHits);
    const aspects = rankTargets(r.aspectHits);
    const decisionIds = rankTargets(r.decisionHits);
    const topicIds = rankTopics(r.topicHits);

    // 1. A yes/no question about a rule, or one that gives the rule's inputs.
    const longestTopicHit = Math.max(0, ...r.topicHits.map((h) => h.length));
    const requests = decisionIds.flatMap((id) => {
      const decision = decisionsById.get(id);
      if (!decision) return [];
      const request = readDecisionInputs(decision, lowered, today);
      if (request.hasParameters) return [request];
      // A yes/no word without the rule's inputs decides for today, unless the question asks for
      // information ("며칠", "how long") or a topic's words fit it better.
      const decisionHit = Math.max(0, ...r.decisionHits.filter((h) => h.target === id).map((h) => h.length));
      const asksDecision = r.cues.has('decision') && !r.cues.has('info') && decisionHit > longestTopicHit;
      return asksDecision ? [request] : [];
    });
    if (requests.length > 0) {
      return composeRuleAnswer(b, kb, requests, projectIds);
    }

    // 2. A project: the asked aspect, or an overview.
    if (projectIds.length > 0) {
      const topic = topicIds[0] !== undefined ? topicsById.get(topicIds[0]) : undefined;
      // "국민비서 설명회 언제?" is about the briefing; "국민비서 어떤 채널?" is about the project.
      const aboutBriefing = topic?.group === 'briefing' && /설명회|briefing/u.test(lowered);
      const aboutRules = topic !== undefined && ['contract', 'sw-act', 'procurement'].includes(topic.group);
      if (aspects.length === 0 && topic && (aboutBriefing || aboutRules || topic.unknown)) {
        return answerTopics(b, [topic], projectIds);
      }
      const otherYear = askedOtherYear(lowered);
      if (otherYear !== null && !aspects.some((a) => a !== 'budget' && a !== 'description' && a !== 'name')) {
        return answerOtherYear(
          b,
          projectIds.map((id) => projectsById.get(id)!),
          otherYear,
        );
      }
      return answerProjects(
        b,
        projectIds.map((id) => projectsById.get(id)!),
        aspects,
        lowered,
      );
    }

    // 3. A shared alias (클라우드): answer each candidate's aspect, or ask which one.
    if (r.sharedHits.length > 0 && topicIds.length === 0) {
      const term = r.sharedHits[0]!.phrase;
      const owners = (index.sharedOwners.get(term) ?? []).map((id) => projectsById.get(id)!);
      if (aspects.length > 0) {
        b.line(b.msg('candidates.aspect', { term }));
        b.blank();
        return answerProjects(b, owners, aspects);
      }
      b.line(b.msg('candidates.prompt', { term }));
      for (const project of owners) writeProjectListItem(b, project);
      return b.build({
        status: 'answered',
        kind: 'candidates',
        projects: owners.map((p) => p.id),
        candidates: owners.map((p) => ({ id: p.id, label: projectName(p, b.language) })),
      });
    }

    // 4. A list of projects, maybe filtered ("신규 사업", "국토부 사업", "사업별 예산").
    const list = readListFilter(r, aspects, lowered);
    if (list !== null && (topicIds.length === 0 || list.strong)) {
      return answerList(b, list.filter);
    }

    // 5. A program, briefing, contract or SW-Act topic, unless a rule's own words fit better.
    const decisionFirst = decisionIds[0] !== undefined ? decisionsById.get(decisionIds[0]) : undefined;
    if (topicIds.length > 0) {
      const topic = topicsById.get(topicIds[0]!)!;
      const longest = (hits: readonly PhraseHit<string>[], target?: string) =>
        Math.max(0, ...hits.filter((h) => target === undefined || h.target === target).map((h) => h.length));
      if (decisionFirst && longest(r.decisionHits) > longest(r.topicHits, topic.id))
        return answerDecisionInfo(b, decisionFirst);
      const otherYear = askedOtherYear(lowered);
      if (otherYear !== null && topic.group === 'program' && !/20(20|22)/.test(topic.keywords.ko.join(' '))) {
        b.line(b.msg('unknown.otherYear', { year: otherYear }));
        return b.build({ status: 'unknown_fact', kind: 'topic' });
      }
      // "X and Y?": a second topic asked in the same breath is answered too.
      const second = topicIds[1] !== undefined ? topicsById.get(topicIds[1]) : undefined;
      const joined = /\band\b|그리고|하고|이랑|랑|및|또|,/u.test(lowered);
      return answerTopics(
        b,
        second && joined && second.group === topic.group ? [topic, second] : [topic],
        [],
      );
    }
    if (
      (r.cues.has('list') || (aspects.includes('budget') && r.cues.has('program'))) &&
      /사업|과제|project|program/u.test(lowered)
    ) {
      return answerList(b, {});
    }

    // 6. A rule topic asked about in general ("수의계약 특례 연장됐어?").
    if (decisionFirst) return answerDecisionInfo(b, decisionFirst);

    // 7. Facts no source records (winning bidder, contacts) without a project.
    if (aspects.includes('winner') || aspects.includes('contact')) {
      b.line(b.msg(aspects.includes('winner') ? 'unknown.programWinner' : 'unknown.programContact'));
      return b.build({ status: 'unknown_fact', kind: 'topic' });
    }
    if (r.cues.has('help')) {
      b.line(b.msg('help'));
      return b.build({ status: 'answered', kind: 'help' });
    }
    b.line(b.msg('noMatch'));
    return b.build({ status: 'no_match', kind: 'no_match' });
  }

  function rankTopics(hits: readonly PhraseHit<string>[]): string[] {
    const score = new Map<string, number>();
    for (const hit of hits) {
      const topic = topicsById.get(hit.target);
      // An article number or a year in the question points at the topic that names it.
      const specific = /^(?:19|20)\d{2}$/.test(hit.key) ? 40 : /\d/.test(hit.key) ? 10 : 0;
      const value = hit.length + (hit.fuzzy ? 0 : 2) + (topic?.weight ?? 0) + specific;
      score.set(hit.target, Math.max(score.get(hit.target) ?? 0, value) + 0.5);
    }
    return [...score.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  }

  function answerProjects(
    b: AnswerBuilder,
    projects: readonly Project[],
    aspects: readonly ProjectAspect[],
    lowered = '',
  ): Answer {
    // "내용"/"what is" plus a specific aspect: the specific one is what was asked. "phase 3" or
    // "2단계" next to another aspect names the project, it doesn't ask for its phase; "AI 분야"
    // is the technology group, not the 5/6 category.
    let asked = aspects.length > 1 ? aspects.filter((a) => a !== 'description') : [...aspects];
    if (asked.length > 1 && /phase\s*\d|\d\s*(?:차|단계)/u.test(lowered))
      asked = asked.filter((a) => a !== 'phase');
    if (asked.includes('technologyGroup')) asked = asked.filter((a) => a !== 'category');
    let known = 0;
    let unknown = 0;
    for (const project of projects) {
      if (projects.length > 1) b.blank();
      if (asked.length === 0) {
        writeProjectOverview(b, project);
        known++;
        continue;
      }
      if (projects.length > 1 || asked.length > 1) b.line(projectName(project, b.language));
      for (const aspect of asked) {
        if (writeProjectAspect(b, project, aspect)) known++;
        else if (aspect === 'budget' && writeBudgetNotes(b, project, lowered)) known++;
        else unknown++;
      }
      // "1단계는 언제?", "phase 1 timeline": the notes that speak of phase 1.
      if (/1\s*단계|1\s*차|phase\s*(?:1|one)\b/u.test(lowered)) {
        for (const note of project.notes.filter((n) => /1단계|phase 1/u.test(`${n.text.ko} ${n.text.en}`)))
          b.statement(note);
      }
      if (unknown > 0 && known === 0 && projects.length === 1) {
        b.blank();
        b.line(b.msg('unknown.whatIsKnown'));
        writeProjectOverview(b, project, asked);
      }
    }
    return b.build({
      status: known === 0 && unknown > 0 ? 'unknown_fact' : 'answered',
      kind: 'project',
      projects: projects.map((p) => p.id),
    });
  }

  /** Earlier-year or whole-build figures a note records, when the question asks for them. */
  function writeBudgetNotes(b: AnswerBuilder, project: Project, lowered: string): boolean {
    const wantsTotal =
      /전체|총\s*사업비|총액|합계|total|whole|overall/u.test(lowered) && !lowered.includes('2021');
    const year = /(20\d{2})/u.exec(lowered)?.[1];
    const notes = project.notes.filter((note) => {
      const text = `${note.text.ko} ${note.text.en}`;
      return (
        (year !== undefined && year !== '2021' && text.includes(year)) ||
        (wantsTotal && /전체|총|total|whole/u.test(text))
      );
    });
    for (const note of notes) b.statement(note);
    // A whole-build figure may sit in the description ("3년간 총 약 160억원").
    const description = project.description;
    if (
      notes.length === 0 &&
      wantsTotal &&
      description.value &&
      /총|total/u.test(`${description.value.ko} ${description.value.en}`)
    ) {
      b.line(`${b.text(description.value)}${b.mark(description.confidence)}`);
      b.cite(description.sources);
      return true;
    }
    return notes.length > 0;
  }

  /** A project question about a year the knowledge base has no figures for. */
  function answerOtherYear(b: AnswerBuilder, projects: readonly Project[], year: string): Answer {
    let found = 0;
    for (const project of projects) {
      const notes = project.notes.filter((n) => n.text.ko.includes(year) || n.text.en.includes(year));
      b.line(projectName(project, b.language));
      for (const note of notes) b.statement(note);
      found += notes.length;
    }
    if (found === 0) b.line(b.msg('unknown.otherYear', { year }));
    return b.build({
      status: found > 0 ? 'answered' : 'unknown_fact',
      kind: 'project',
      projects: projects.map((p) => p.id),
    });
  }

  function answerTopics(b: AnswerBuilder, topics: readonly Topic[], projectIds: readonly string[]): Answer {
    for (const topic of topics) {
      b.line(b.text(topic.title));
      for (const statement of topic.statements) b.statement(statement);
    }
    const related = projectIds.length > 0 ? [...projectIds] : [...new Set(topics.flatMap((t) => t.projects))];
    return b.build({
      status: topics.every((t) => t.unknown) ? 'unknown_fact' : 'answered',
      kind: 'topic',
      projects: related,
    });
  }

  function answerDecisionInfo(b: AnswerBuilder, decision: Decision): Answer {
    if (decision.topic !== undefined) {
      const topic = topicsById.get(decision.topic);
      if (topic) return answerTopics(b, [topic], []);
    }
    const measure = decision.measure !== undefined ? kb.measures.get(decision.measure) : undefined;
    if (measure === undefined) {
      b.line(b.msg('noMatch'));
      return b.build({ status: 'no_match', kind: 'no_match' });
    }
    b.line(`${b.text(measure.title)}${b.mark(measure.confidence)}`);
    b.line(b.text(measure.temporary));
    b.line(b.msg('measure.normal', { relaxes: b.text(measure.relaxes) }));
    b.line(`${b.msg('label.basis')}: ${b.text(measure.legalBasis)}`);
    b.keyFact(measure.legalBasis.ko);
    b.cite(measure.sources);
    b.blank();
    b.line(`${b.msg('label.extensions')}:`);
    for (const period of measure.periods) {
      b.line(`• ${b.text(period.label)}${b.mark(period.confidence)}`);
      b.keyFact(period.to);
      b.cite(period.sources);
    }
    b.line(b.text(measure.afterLastPeriod));
    return b.build({ status: 'answered', kind: 'measure' });
  }

  function readListFilter(
    r: Reading,
    aspects: readonly ProjectAspect[],
    lowered: string,
  ): { filter: ProjectFilter; strong: boolean } | null {
    const listy = /사업|과제|projects?\b|programm?e?\b/u.test(lowered);
    if (!listy) return null;
    const agency = r.agencyHits[0]?.target;
    if (agency !== undefined) return { filter: { agency }, strong: !r.cues.has('program') };
    if (aspects.includes('isNew')) return { filter: { isNew: true }, strong: true };
    if (aspects.includes('longTermContract')) return { filter: { longTermContract: true }, strong: true };
    const phase =
      /([1-3])\s*(?:차|단계)\s*(?:사업|과제|목록)|phase\s*([1-3])\s*(?:projects?|list)|(?:list|which|what)\s+(?:the\s+)?phase\s*([1-3])/u.exec(
        lowered,
      );
    if (phase) return { filter: { phase: Number(phase[1] ?? phase[2] ?? phase[3]) }, strong: true };
    if (aspects.includes('briefed') && /빠|제외|left out|excluded|not briefed/u.test(lowered)) {
      return { filter: { briefed: false }, strong: false };
    }
    if (r.cues.has('list')) return { filter: {}, strong: false };
    return null;
  }

  function answerList(b: AnswerBuilder, filter: ProjectFilter): Answer {
    const matches = (p: Project): boolean =>
      (filter.isNew === undefined || p.isNew.value === filter.isNew) &&
      (filter.briefed === undefined || p.briefed.value === filter.briefed) &&
      (filter.longTermContract === undefined || p.longTermContract.value === filter.longTermContract) &&
      (filter.phase === undefined || p.phase.value === filter.phase) &&
      (filter.agency === undefined || p.leadAgency.value?.ko === filter.agency);
    const selected = kb.projects.filter(matches);
    const everything = Object.values(filter).every((v) => v === undefined);
    b.line(b.msg(everything ? 'list.header' : 'list.filtered'));
    const { program } = edition;
    if (program.projectCount.value !== null) b.keyFact(String(program.projectCount.value));
    b.cite(program.projectCount.sources);
    if (everything && program.totalBudget.value) {
      b.keyFact(program.totalBudget.value.ko);
      b.cite(program.totalBudget.sources);
    }
    if (selected.length === 0) b.line(b.msg('list.none'));
    for (const project of selected) writeProjectListItem(b, project);
    b.line(everything ? `• ${b.text(program.unnamedProjects.text)}` : b.msg('list.filterNote'));
    return b.build({ status: 'answered', kind: 'list', projects: selected.map((p) => p.id) });
  }

  function describeProject(id: string, aspect: ProjectAspect | null, language: Language): Answer {
    const project = projectsById.get(id);
    const b = new AnswerBuilder(kb, language);
    if (project === undefined) {
      b.line(b.msg('noMatch'));
      return b.build({ status: 'no_match', kind: 'no_match' });
    }
    return answerProjects(b, [project], aspect === null ? [] : [aspect]);
  }

  function checkRule(request: RuleCheck): Answer {
    const b = new AnswerBuilder(kb, request.language);
    const decision = decisionsById.get(request.decision);
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

  function showTopics(ids: readonly string[], language: Language): Answer {
    const topics = ids.map((id) => topicsById.get(id)).filter((t): t is Topic => t !== undefined);
    return answerTopics(new AnswerBuilder(kb, language), topics, []);
  }

  function listSources(language: Language): Answer {
    const b = new AnswerBuilder(kb, language);
    b.line(b.msg('sources.summary', { count: kb.sources.size }));
    b.cite([...kb.sources.keys()]);
    return b.build({ status: 'answered', kind: 'topic' });
  }

  /** Autocomplete: projects (and their short names) that fit what the user has typed so far. */
  function suggestProjects(query: string, language: Language, limit = 25): { id: string; name: string }[] {
    return rankSuggestions(kb.projects, query, language).slice(0, limit);
  }

  return {
    kb,
    answer,
    describeProject,
    listProjects: (filter, language) => answerList(new AnswerBuilder(kb, language), filter),
    checkRule,
    showTopics,
    suggestProjects,
    listSources,
  };
}

function readQwertyAsHangul(text: string): string {
  return text.replace(/[a-zA-Z]+/g, (word) => {
    try {
      const hangul = convertQwertyToHangul(word);
      return /^[\uac00-\ud7a3]+$/.test(hangul) ? hangul : word;
    } catch {
      return word; // not a key sequence es-hangul can read as Hangul; keep the word
    }
  });
}

/** Reads a decision's inputs from the question; `hasParameters` when the question gave any. */
function readDecisionInputs(decision: Decision, lowered: string, today: string): DecisionRequest {
  const asked = extractDateRange(lowered, today);
  const date: DateRange = asked ?? { from: today, to: today, label: today };
  const values: Record<string, number | string | boolean | undefined> = {};
  const notes: { key: string; values: Record<string, string> }[] = [];
  const display: Record<string, string> = {};
  let hasParameters = asked !== null;
  let alternatives: DecisionRequest['alternatives'] = [];

  const amounts = extractAmounts(lowered);
  switch (decision.id) {
    case 'single-source': {
      const rounds = extractFailedRounds(lowered);
      if (rounds !== null) {
        values['failedRounds'] = rounds;
        hasParameters = true;
      } else if (mentionsFailedBid(lowered)) {
        // A failed bid, count not given: decide only if one and two rounds agree.
        alternatives = [{ failedRounds: 1 }, { failedRounds: 2 }];
      }
      break;
    }
    case 'large-company': {
      const { tier, salesKrw } = extractCompanyTier(lowered, amounts);
      if (tier !== null) values['companyTier'] = tier;
      const project = amounts.find((a) => a.krw !== salesKrw);
      if (project !== undefined) {
        hasParameters = true;
        const vat = saysVatExcluded(lowered);
        const total = vat ? Math.round(project.krw * 1.1) : project.krw;
        values['amountKrw'] = total;
        if (!vat) display['amountKrw'] = project.text;
        notes.push(
          vat
            ? { key: 'rule.vatNote', values: { amount: project.text, total: formatWon(total, 'ko') } }
            : { key: 'rule.amountAsked', values: { amount: project.text } },
        );
      }
      break;
    }
    case 'subcontracting': {
      const share = extractShare(lowered);
      if (share !== null) {
        values['sharePercent'] = share.percent;
        display['sharePercent'] = share.text;
        hasParameters = true;
      }
      values['resubcontract'] = saysResubcontract(lowered);
      if (values['resubcontract']) hasParameters = true;
      break;
    }
    default:
      break;
  }
  return { decision, values, date, dateAsked: asked !== null, hasParameters, notes, alternatives, display };
}

/**
 * A year other than 2021 that the question asks about (2020 and 2022 are recorded for comparison
 * only where a fact names them), or null.
 */
function askedOtherYear(lowered: string): string | null {
  const years = [...lowered.matchAll(/(?<!\d)(20[0-3]\d)(?!\d)/gu)].map((m) => m[1]!);
  const other = years.find((y) => y !== '2021');
  return other !== undefined && !years.includes('2021') ? other : null;
}

export type { ProjectAspect };
