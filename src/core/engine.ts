import { convertQwertyToHangul } from 'es-hangul';
import type { KnowledgeBase } from '../knowledge/parse.js';
import type { Decision, Project, Topic } from '../knowledge/schema.js';
import {
  AnswerBuilder,
  formatAmount,
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
  extractPercent,
  mentionsFailedBid,
  saysResubcontract,
  saysVatExcluded,
  type DateRange,
} from './extract.js';
import { PhraseMatcher, type PhraseHit } from './phraseMatcher.js';
import { composeRuleAnswer, type DecisionRequest } from './ruleAnswer.js';
import { countCharacters, detectLanguage, hasWords, normalizeText, type NormalizedText } from './text.js';
import type { Answer, Question } from './types.js';

/** Questions longer than this are rejected: nobody asks one thing in more. */
export const MAX_QUESTION_LENGTH = 1000;

export interface Engine {
  readonly kb: KnowledgeBase;
  answer(question: Question): Answer;
}

type Cue = 'decision' | 'list' | 'program' | 'help';

interface Index {
  projects: PhraseMatcher<string>;
  shared: PhraseMatcher<string>;
  sharedOwners: Map<string, string[]>;
  decisions: PhraseMatcher<string>;
  topics: PhraseMatcher<string>;
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
    decisions: new PhraseMatcher(kb.decisions.flatMap((d) => both(d.keywords, d.id)), { fuzzy: true }),
    topics: new PhraseMatcher(kb.topics.flatMap((t) => both(t.keywords, t.id)), { fuzzy: true }),
    aspects: new PhraseMatcher(lexicon.aspects.flatMap((a) => both(a.keywords, a.id))),
    cues: new PhraseMatcher([
      ...both(lexicon.decisionCues, 'decision' as const),
      ...both(lexicon.listCues, 'list' as const),
      ...both(lexicon.programCues, 'program' as const),
      ...both(lexicon.helpCues, 'help' as const),
    ]),
    agencies: new PhraseMatcher(lexicon.agencies.flatMap((a) => a.aliases.map((phrase) => ({ phrase, target: a.name })))),
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
  const topicHitsRaw = index.topics.match(norm);
  const decisionHitsRaw = index.decisions.match(norm);
  return {
    norm,
    projectHits,
    sharedHits: index.shared.match(norm),
    decisionHits: dropShadowed(decisionHitsRaw, topicHitsRaw.filter((h) => !h.fuzzy)),
    topicHits: dropShadowed(topicHitsRaw, projectHits),
    aspectHits: dropShadowed(index.aspects.match(norm), [...projectHits, ...topicHitsRaw]),
    cues: new Set(index.cues.match(norm).map((h) => h.target)),
    agencyHits: index.agencies.match(norm),
  };
}

function isEmptyReading(r: Reading): boolean {
  return (
    r.projectHits.length + r.sharedHits.length + r.decisionHits.length + r.topicHits.length + r.aspectHits.length ===
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
  const index = buildIndex(kb);
  const projectsById = new Map(kb.projects.map((p) => [p.id, p]));
  const topicsById = new Map(kb.topics.map((t) => [t.id, t]));
  const decisionsById = new Map(kb.decisions.map((d) => [d.id, d]));

  function answer(question: Question): Answer {
    const raw = question.text;
    const length = countCharacters(raw);
    if (length > MAX_QUESTION_LENGTH || !hasWords(raw)) {
      const b = new AnswerBuilder(kb, question.language ?? detectLanguage(raw));
      b.line(length > MAX_QUESTION_LENGTH ? b.msg('rejected.tooLong', { length, max: MAX_QUESTION_LENGTH }) : b.msg('rejected.empty'));
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
    const requests = decisionIds.flatMap((id) => {
      const decision = decisionsById.get(id);
      if (!decision) return [];
      const request = readDecisionInputs(decision, lowered, today);
      return r.cues.has('decision') || request.hasParameters ? [request] : [];
    });
    if (requests.length > 0) {
      return composeRuleAnswer(b, kb, requests, projectIds);
    }

    // 2. A project: the asked aspect, or an overview.
    if (projectIds.length > 0) {
      const topic = topicIds[0] !== undefined ? topicsById.get(topicIds[0]) : undefined;
      if (aspects.length === 0 && topic && topic.group !== 'program') {
        return answerTopics(b, [topic], projectIds);
      }
      return answerProjects(b, projectIds.map((id) => projectsById.get(id)!), aspects);
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
    const filter = readListFilter(r, aspects, lowered);
    if (filter !== null && (topicIds.length === 0 || filter.strong)) {
      return answerList(b, filter);
    }

    // 5. A program, briefing, contract or SW-Act topic.
    if (topicIds.length > 0) {
      return answerTopics(b, topicIds.slice(0, 1).map((id) => topicsById.get(id)!), []);
    }
    if (r.cues.has('list') || (aspects.includes('budget') && r.cues.has('program'))) {
      return answerList(b, { kind: 'all', strong: false });
    }

    // 6. A rule topic asked about in general ("수의계약 특례 연장됐어?").
    const decision = decisionIds[0] !== undefined ? decisionsById.get(decisionIds[0]) : undefined;
    if (decision) return answerDecisionInfo(b, decision);

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
      const value = hit.length + (hit.fuzzy ? 0 : 2) + (topic?.weight ?? 0);
      score.set(hit.target, Math.max(score.get(hit.target) ?? 0, value) + 0.5);
    }
    return [...score.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  }

  function answerProjects(b: AnswerBuilder, projects: readonly Project[], aspects: readonly ProjectAspect[]): Answer {
    // "내용"/"what is" plus a specific aspect: the specific one is what was asked.
    const asked = aspects.length > 1 ? aspects.filter((a) => a !== 'description') : aspects;
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
        else unknown++;
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

  function answerTopics(b: AnswerBuilder, topics: readonly Topic[], projectIds: readonly string[]): Answer {
    for (const topic of topics) {
      b.line(b.text(topic.title));
      for (const statement of topic.statements) b.statement(statement);
    }
    return b.build({
      status: topics.every((t) => t.unknown) ? 'unknown_fact' : 'answered',
      kind: 'topic',
      projects: projectIds,
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

  type ListFilter =
    | { kind: 'all'; strong: boolean }
    | { kind: 'isNew' | 'notBriefed' | 'longTerm' | 'budget'; strong: boolean }
    | { kind: 'agency'; agency: string; strong: boolean }
    | { kind: 'phase'; phase: number; strong: boolean };

  function readListFilter(r: Reading, aspects: readonly ProjectAspect[], lowered: string): ListFilter | null {
    const listy = r.cues.has('list') || /사업|과제|projects?\b/u.test(lowered);
    if (!listy) return null;
    const agency = r.agencyHits[0]?.target;
    if (agency !== undefined) return { kind: 'agency', agency, strong: true };
    if (aspects.includes('isNew')) return { kind: 'isNew', strong: true };
    if (aspects.includes('longTermContract')) return { kind: 'longTerm', strong: true };
    const phase = /([1-3])\s*(?:차|단계)|phase\s*([1-3])/u.exec(lowered);
    if (phase && aspects.includes('phase')) return { kind: 'phase', phase: Number(phase[1] ?? phase[2]), strong: true };
    if (aspects.includes('briefed') && /빠|제외|left out|excluded|not briefed/u.test(lowered)) {
      return { kind: 'notBriefed', strong: false };
    }
    if (aspects.includes('budget') && !r.cues.has('program')) return { kind: 'budget', strong: false };
    if (r.cues.has('list')) return { kind: 'all', strong: false };
    return null;
  }

  function answerList(b: AnswerBuilder, filter: ListFilter): Answer {
    const matches = (p: Project): boolean => {
      switch (filter.kind) {
        case 'all':
        case 'budget':
          return true;
        case 'isNew':
          return p.isNew.value === true;
        case 'notBriefed':
          return p.briefed.value === false;
        case 'longTerm':
          return p.longTermContract.value === true;
        case 'agency':
          return p.leadAgency.value?.ko === filter.agency;
        case 'phase':
          return p.phase.value === filter.phase;
      }
    };
    const selected = kb.projects.filter(matches);
    const everything = filter.kind === 'all' || filter.kind === 'budget';
    b.line(b.msg(everything ? 'list.header' : 'list.filtered'));
    b.keyFact('11');
    b.cite(kb.program.projectCount.sources);
    if (everything && kb.program.totalBudget.value) {
      b.keyFact(kb.program.totalBudget.value.ko);
      b.cite(kb.program.totalBudget.sources);
    }
    if (selected.length === 0) b.line(b.msg('list.none'));
    for (const project of selected) writeProjectListItem(b, project);
    if (everything) {
      b.line(`• ${b.text(kb.unnamedProjects.text)}`);
    } else {
      b.line(b.msg('list.filterNote'));
    }
    if (filter.kind === 'budget' && kb.program.totalBudget.value) {
      b.blank();
      b.line(b.msg('unknown.budget', { name: b.language === 'ko' ? '나머지 사업' : 'the other projects' }));
    }
    return b.build({ status: 'answered', kind: 'list', projects: selected.map((p) => p.id) });
  }

  return { kb, answer };
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
        notes.push(
          vat
            ? { key: 'rule.vatNote', values: { amount: project.text, total: formatKrw(total) } }
            : { key: 'rule.amountAsked', values: { amount: project.text } },
        );
      }
      break;
    }
    case 'subcontracting': {
      const share = extractPercent(lowered);
      if (share !== null) {
        values['sharePercent'] = share;
        hasParameters = true;
      }
      values['resubcontract'] = saysResubcontract(lowered);
      if (values['resubcontract']) hasParameters = true;
      break;
    }
    default:
      break;
  }
  return { decision, values, date, dateAsked: asked !== null, hasParameters, notes, alternatives };
}

/** 12500000000 → 125억원; used only to restate a figure the question gave. */
export function formatKrw(krw: number): string {
  if (krw >= 1e8) {
    const eok = krw / 1e8;
    return `${Number.isInteger(eok) ? eok : eok.toFixed(1).replace(/\.0$/, '')}억원`;
  }
  if (krw >= 1e4) return `${Math.round(krw / 1e4).toLocaleString('en-US')}만원`;
  return `${krw.toLocaleString('en-US')}원`;
}

export { formatAmount };
