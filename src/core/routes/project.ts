import type { EngineContext } from '../context.js';
import type { Reading } from '../reading/read.js';
import { answerList, type ProjectFilter } from '../writers/list.js';
import { formatAmount, projectName, writeProjectListItem } from '../writers/project.js';
import { editionsKnownOn } from '../context.js';
import { answerOtherYear, answerProjects } from '../writers/projectAnswer.js';
import { answerTopics } from '../writers/topic.js';
import { editionYear, firstTopic, longest, type Route } from './route.js';

/** A project: the asked aspect, or an overview. */
export const routeProject: Route = (b, ctx, r) => {
  if (r.projectIds.length === 0) return null;
  // "Can you list all eleven 2021 projects? I only know about the people's secretary one.": the
  // project named is what the asker knows already; the whole list is asked.
  if (r.hits.cues.has('list') && KNOWN_ALREADY.test(r.lowered)) return null;
  const topic = firstTopic(ctx, r);
  // "국민비서 설명회 언제?" is about the briefing; "국민비서 어떤 채널?" is about the project.
  const aboutBriefing = topic?.group === 'briefing' && /설명회|briefing/u.test(r.lowered);
  const aboutRules = topic !== undefined && ['contract', 'sw-act', 'procurement'].includes(topic.group);
  // "공간정보 1차 사업기간은?": the period of a named phase of the project, not the SW Act's rule on
  // project periods.
  const phasePeriod =
    /[1-9]\s*(?:차|단계)\s*(?:사업\s*)?(?:기간|언제)|\bphase\s*[1-9]\s*(?:period|timeline|dates?|ran|run)\b/u.test(
      r.lowered,
    );
  if (r.aspects.length === 0 && topic && (aboutBriefing || (aboutRules && !phasePeriod) || topic.unknown)) {
    return answerTopics(b, [topic], r.projectIds);
  }
  const otherYear = r.years.find((y) => !ctx.kb.editions.some((e) => e.year === y));
  if (otherYear !== undefined && !r.years.some((y) => ctx.kb.editions.some((e) => e.year === y))) {
    const notes = answerOtherYear(b, ctx, r.projectIds, otherYear, r.aspects);
    if (notes) return notes;
  }
  // "예산 공개된 과제들만 합치면? 폐기물 건축행정 정부24 전자증명서": a topic about exactly these
  // projects states their total; no sum is computed here.
  if (r.forms.has('total') && r.projectIds.length > 1) {
    const asked = new Set(r.projectIds);
    const together = ctx.kb.topics.find(
      (t) => t.projects.length === asked.size && t.projects.every((id) => asked.has(id)),
    );
    if (together) {
      b.statement(together.statements[0]!);
      b.blank();
    }
  }
  return answerProjects(b, ctx, {
    ids: r.projectIds,
    // "which got more, A or B?": money compared, with no word for it.
    aspects: r.aspects.length === 0 && GOT_MORE.test(r.lowered) ? ['budget'] : r.aspects,
    years: r.years.length > 0 ? r.years : sharedEdition(ctx, r),
    today: r.today,
    lowered: r.lowered,
    namesAgency: r.hits.agencies.length > 0,
    terms: r.terms,
    total: r.forms.has('total') || (r.projectIds.length > 1 && COMPARES.test(r.lowered)),
    namedInQuestion: namedProjects(ctx, r),
  });
};

/**
 * The projects the question calls by their name ("국민비서", "전자증명서"): a phrase it matched is part
 * of a full name or of a first short name. One described instead ("카톡으로 과태료 알려주는 서비스") is not.
 */
function namedProjects(ctx: EngineContext, r: Reading): Set<string> {
  // "칠십일억짜리 과제가 폐기물 거 맞지?": a claim to confirm is answered with the project named.
  if (r.forms.has('premise')) return new Set();
  const squash = (text: string) => text.toLowerCase().replace(/[\s·()-]/gu, '');
  return new Set(
    r.hits.projects
      .filter((hit) =>
        (ctx.projects.get(hit.target) ?? []).some((p) =>
          // Its full names and its first short names ("국민비서", "e-certificate").
          [p.name.ko, p.name.en, ...p.aliases.ko.slice(0, 2), ...p.aliases.en.slice(0, 2)].some((name) =>
            squash(name).includes(squash(hit.phrase)),
          ),
        ),
      )
      .map((hit) => hit.target),
  );
}

const KNOWN_ALREADY =
  /\b(?:i|we)\s+(?:only|already|just)\s+know\b|\bonly\s+know\s+(?:about\s+)?|(?:만|밖에)\s*(?:알|아는)|이미\s*(?:알|아는)|아는\s*(?:건|게|거)\s*\S+\s*(?:뿐|밖에)/u;

const GOT_MORE =
  /\b(?:got|get|received|receive|gets)\s+(?:more|less|the\s+most|the\s+least)\b|더\s*(?:많이\s*)?받|돈\s*더/u;

/** "폐기물이 국민비서보다 더 많았어?", "which got more": a comparison needs every project's value. */
const COMPARES =
  /보다\s*(?:\S+\s+)?(?:더|많|적|크|작|높|낮)|더\s*(?:많|적|크|작|받)|비교|차이|\b(?:more|less|bigger|smaller|larger|higher|lower)\s+than\b|\bwhich\s+(?:one\s+)?(?:got|had|received|was|is)\s+(?:more|less|bigger|larger|smaller)\b|\bcompare/u;

/**
 * "국민비서랑 폐기물 예산 합치면?": projects asked together with no year are read in the latest
 * edition known on the as-of day that has them all, when the latest of all does not.
 */
function sharedEdition(ctx: EngineContext, r: Reading): number[] {
  if (r.projectIds.length < 2) return [];
  const known = editionsKnownOn(ctx.kb, r.today);
  const hasAll = (year: number) =>
    r.projectIds.every((id) => (ctx.projects.get(id) ?? []).some((p) => p.edition === year));
  const latest = known.at(-1);
  if (latest === undefined || hasAll(latest.year)) return [];
  const shared = [...known].reverse().find((e) => hasAll(e.year));
  return shared === undefined ? [] : [shared.year];
}

/** A shared alias (클라우드): answer each candidate's aspect, or ask which one. */
export const routeSharedName: Route = (b, ctx, r) => {
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
export const routeList: Route = (b, ctx, r) => {
  // "장기계속계약 과제는 왜 설명을 안 해?" asks a topic's reason, not which projects.
  if (r.forms.has('why') && longest(r.hits.topics) > 4) return null;
  const list = readListFilter(r);
  if (list === null || (r.topicIds.length > 0 && !list.strong)) return null;
  // "나머지 4개 계속사업 이름은?": a topic that records what is not known, named by its own words.
  const unknownTopic = r.hits.topics.some(
    (h) => h.length >= 5 && !h.key.includes('+') && ctx.topics.get(h.target)?.[0]?.unknown === true,
  );
  if (unknownTopic) return null;
  return answerList(b, ctx, { year: editionYear(ctx, r), ...list.filter }, r.today);
};

const EXCEPT = /말고|외에|빼고|제외하고|besides|other than|apart from|except/u;

/**
 * "국토부 과제는 건축행정 말고 또 있어요?", "the other continuing projects besides secretary,
 * evidence and spatial": the list without the projects named; none left means the rest are unknown.
 */
export const routeListExcept: Route = (b, ctx, r) => {
  if (r.projectIds.length === 0 || !EXCEPT.test(r.lowered)) return null;
  const list = readListFilter(r);
  if (list === null) return null;
  return answerList(b, ctx, { year: editionYear(ctx, r), ...list.filter, exclude: r.projectIds }, r.today);
};

const SMALLEST = /작은|적은|최소|적게|낮은|smallest|least|lowest|cheapest|fewest/u;
const BUDGET_WORDS = /예산|금액|돈|비싼|budget|money|funding|expensive|cost/u;

/**
 * "예산 제일 큰 과제", "smallest budget project": among the projects whose budget a source gives,
 * said as such (the others' budgets are unknown, so it is not the largest of all).
 */
export const routeSuperlative: Route = (b, ctx, r) => {
  if (!r.forms.has('superlative') || r.projectIds.length > 0 || r.decisionIds.length > 0) return null;
  // "Of 2020, 2021 and 2022, which year had the largest budget?": years compared, not projects.
  if (r.years.length > 1 || /which\s+year|어느\s*(?:해|연도|년도)|몇\s*년도/u.test(r.lowered)) return null;
  if (!r.aspects.includes('budget') && !BUDGET_WORDS.test(r.lowered)) return null;
  // The year asked, else the latest edition known on the as-of day that gives any project budget.
  const asked = editionYear(ctx, r);
  const known = editionsKnownOn(ctx.kb, r.today);
  const edition =
    asked !== undefined
      ? ctx.kb.editions.find((e) => e.year === asked)
      : ([...known].reverse().find((e) => e.projects.some((p) => p.budget.value !== null)) ?? known.at(-1));
  if (edition === undefined) return null;
  const budgets = edition.projects
    .flatMap((p) => (p.budget.value === null ? [] : [{ project: p, budget: p.budget.value }]))
    .sort((x, y) => x.budget.krw - y.budget.krw);
  if (budgets.length === 0) {
    b.line(b.msg('superlative.noneKnown', { year: edition.year }));
    return b.build({ status: 'unknown_fact', kind: 'list' });
  }
  const smallest = SMALLEST.test(r.lowered);
  const pick = smallest ? budgets[0]! : budgets.at(-1)!;
  b.line(
    b.msg(smallest ? 'superlative.smallest' : 'superlative.largest', {
      year: edition.year,
      known: budgets.length,
      count: edition.program.projectCount.value ?? '?',
    }),
  );
  b.line(
    `${projectName(pick.project, b.language)} — ${formatAmount(pick.budget, b.language)}${b.mark(pick.project.budget.confidence)}`,
  );
  b.keyFact(pick.budget.ko);
  b.cite(pick.project.budget.sources);
  b.blank();
  b.line(b.msg('superlative.knownList'));
  for (const { project } of [...budgets].reverse()) writeProjectListItem(b, project);
  return b.build({ status: 'answered', kind: 'list', projects: [pick.project.id] });
};

/** "사업 예산 알려줘", "list the projects": the whole list. */
export const routeListCue: Route = (b, ctx, r) => {
  if (
    (r.hits.cues.has('list') || (r.aspects.includes('budget') && r.hits.cues.has('program'))) &&
    /사업|과제|project|program/u.test(r.lowered)
  )
    return answerList(b, ctx, { year: editionYear(ctx, r) }, r.today);
  // "what was the 2021 budget?", "2022 예산?": a program year's budget, with nothing else named.
  const named = r.projectIds.length + r.topicIds.length + r.decisionIds.length + r.hits.agencies.length;
  if (
    r.aspects.length === 1 &&
    r.aspects[0] === 'budget' &&
    r.years.length === 1 &&
    named === 0 &&
    ctx.kb.editions.some((e) => e.year === r.years[0]) &&
    r.hits.norm.tokens.length <= 8 &&
    // "Korea's 2021 defence budget", "서울시 2021년 스마트시티 예산": a word no card knows is another subject.
    [...r.terms].every((term) => ctx.cards.knows(term))
  )
    return answerList(b, ctx, { year: r.years[0] }, r.today);
  return null;
};

/** Facts no source records (winning bidder, contacts) asked without a project. */
export const routeUnrecorded: Route = (b, ctx, r) => {
  if (!r.aspects.includes('winner') && !r.aspects.includes('contact')) return null;
  // A word no card knows is another subject, unless the question is about the briefing or program
  // ("설명회 끝나고 추가 문의는 어디로 하라고 안내하면 돼요? 담당자 연락처").
  const ours = r.hits.cues.has('program') || /설명회|briefing/u.test(r.lowered);
  if (ctx.cards.unknownWords(r.terms).length > 0 && !ours) return null;
  b.line(b.msg(r.aspects.includes('winner') ? 'unknown.programWinner' : 'unknown.programContact'));
  return b.build({ status: 'unknown_fact', kind: 'topic' });
};

const CONTINUING = /(?:계속\s*사업|계속\s*과제|이어서|이어진|continuing|continued|carried over)/u;
const CONTINUING_RULED_OUT = new RegExp(
  `(?:rather\\s+than|instead\\s+of|not)\\s+(?:the\\s+)?${CONTINUING.source}|${CONTINUING.source}\\S*\\s*(?:말고|빼고|아닌|제외)`,
  'u',
);

const BOTH_YEARS =
  /둘\s*다\s*(?:나오|있|들어)|양쪽\s*(?:다|모두)|두\s*해\s*(?:다|모두)|\bin\s+both\s+(?:years|editions|programs|20\d{2})|\bboth\s+(?:years|editions)\b|이어진|이어지는|이어서\s*(?:한|하는)|(?:20)?21\s*(?:→|->|에서)\s*(?:20)?22|\b(?:continued|carried\s+(?:on|over))\s+(?:into|to)\s+(?:20)?22\b|\b(?:continued|continuing|carried\s+over)\s+from\s+(?:20)?21\b/u;

function readListFilter(r: Reading): { filter: ProjectFilter; strong: boolean } | null {
  const { lowered, aspects } = r;
  const listy = /사업|과제|projects?\b|programm?e?\b/u.test(lowered);
  if (!listy) return null;
  // "행안부 말고 다른 부처 과제", "apart from MOIS, which ministries": the agencies ruled out.
  const ruledOut = r.hits.agencies.filter((h) => agencyRuledOut(lowered, h.phrase.toLowerCase()));
  if (ruledOut.length > 0 && ruledOut.length === r.hits.agencies.length)
    return { filter: { excludeAgencies: [...new Set(ruledOut.map((h) => h.target))] }, strong: true };
  const agency = r.hits.agencies[0]?.target;
  const agencies = [...new Set(r.hits.agencies.map((h) => h.target))];
  // "행안부 과제", "MOIS projects", "projects run by MOLIT": the agency filters the list; "행안부
  // 홈페이지만 보면 되나요?" only names it.
  const agencyWord = r.hits.agencies[0]?.phrase.toLowerCase();
  const qualifies =
    agencyWord !== undefined &&
    new RegExp(
      `${escapeRegExp(agencyWord)}(?:'s)?\\s*(?:의\\s*|(?:가|이|에서)\\s*(?:직접\\s*)?(?:하는|맡은|추진하는|주관하는|하는\\s*거)\\s*|소관\\s*|주관\\s*)?(?:(?:20)?\\d{2}\\s*(?:년도?\\s*)?)?(?:과제|사업|프로젝트|projects?|ones?|꺼|거|것|쪽)|\\b(?:run|led|owned|managed|ordered)\\s+by\\s+(?:the\\s+)?${escapeRegExp(agencyWord)}|\\bbelong(?:s|ed)?\\s+to\\s+(?:the\\s+)?${escapeRegExp(agencyWord)}`,
      'u',
    ).test(lowered);
  const filtersByAgency =
    qualifies ||
    /(?:과제|사업|projects?)\s*중에?\s|\b(?:projects?|ones)\s+(?:of|by|run\s+by|under|from|led\s+by)\b/u.test(
      lowered,
    );
  // "행안부 과제 목록" lists; "where does MOIS publish the result reports?" asks a topic that names it.
  if (agency !== undefined && (filtersByAgency || r.hits.cues.has('list')))
    return {
      filter: agencies.length > 1 ? { agencies } : { agency },
      // A topic's own phrase (not two words it requires together) longer than the agency's name, or
      // one with a figure ("MOIS put 645억 into 11 projects again?"), is what is asked.
      // "2022 전자정부지원사업에서 권익위가 맡은 과제" names the program only to frame the year.
      strong:
        filtersByAgency &&
        (qualifies || !r.hits.cues.has('program')) &&
        !r.hits.topics.some((h) => (h.key.match(/\d+/gu) ?? []).some((n) => !/^(?:19|20)\d{2}$/u.test(n))) &&
        longest(r.hits.topics.filter((h) => !h.key.includes('+'))) <= (r.hits.agencies[0]?.length ?? 0) + 3,
    };
  // "2021년이랑 2022년 둘 다 나오는 과제": the projects that continue into the later year.
  if (BOTH_YEARS.test(lowered)) {
    // "21→22": the later of two years written short.
    const arrow = /(?:20)?\d{2}\s*(?:→|->|에서)\s*(?:20)?(\d{2})(?!\d)/u.exec(lowered)?.[1];
    const years = arrow !== undefined ? [...r.years, 2000 + Number(arrow)] : r.years;
    return {
      filter: { isNew: false, ...(years.length > 0 ? { year: Math.max(...years) } : {}) },
      strong: true,
    };
  }
  // "장기계속 사업" is a contract form, not a continuing project.
  const isNew =
    (aspects.includes('isNew') && !aspects.includes('longTermContract')) ||
    /\bnew\s+(?:(?:20)?\d{2}\s+)?(?:projects?|ones)\b/u.test(lowered);
  if (isNew) {
    // "new rather than continuing", "신규과제는 뭐야? 계속사업 말고": the continuing ones are ruled out.
    const continuing = CONTINUING.test(lowered) && !CONTINUING_RULED_OUT.test(lowered);
    return { filter: { isNew: !continuing }, strong: true };
  }
  const technology = /인공지능|\bai\b|빅데이터|big[\s-]*data|클라우드|cloud/u.exec(lowered)?.[0];
  if (
    aspects.includes('technologyGroup') &&
    technology !== undefined &&
    /과제|사업|projects|which|뭐뭐|어떤/u.test(lowered)
  )
    return { filter: { technology }, strong: true };
  if (aspects.includes('longTermContract')) return { filter: { longTermContract: true }, strong: true };
  const phase =
    /([1-3])\s*(?:차|단계)\s*(?:인\s*)?(?:사업|과제|목록)|phase\s*([1-3])\s*(?:projects?|list|ones)|(?:list|which|what)\s+(?:the\s+)?phase\s*([1-3])|\b(?:which|what)\b.*\b(?:were|are|was|is)\s+(?:in|at)\s+phase\s*([1-3])\b/u.exec(
      lowered,
    );
  if (phase) return { filter: { phase: Number(phase[1] ?? phase[2] ?? phase[3] ?? phase[4]) }, strong: true };
  if (aspects.includes('briefed') && /빠|제외|left out|excluded|not briefed/u.test(lowered)) {
    return { filter: { briefed: false }, strong: false };
  }
  // "which ministries had projects in 2021?": every project, each with its agency.
  if (
    r.hits.cues.has('list') ||
    (aspects.includes('leadAgency') &&
      r.projectIds.length === 0 &&
      r.topicIds.length === 0 &&
      !r.forms.has('count') &&
      !/몇|how\s+many/u.test(lowered) &&
      // Projects asked, not the program ("전자정부지원사업 기술지원은 어느 기관이 맡아?").
      /과제|projects|(?<!지원)사업/u.test(lowered) &&
      /부처|기관|ministr|agenc|department/u.test(lowered) &&
      !/누가|who\b/u.test(lowered))
  )
    return { filter: {}, strong: false };
  return null;
}

/** "행안부 말고", "MOIS 빼고", "apart from MOIS", "other than the Ministry of Environment". */
function agencyRuledOut(lowered: string, phrase: string): boolean {
  const name = escapeRegExp(phrase);
  return new RegExp(
    `${name}\\S{0,2}\\s*(?:말고|빼고|외에|외의|제외|이외)|\\b(?:apart\\s+from|except(?:\\s+for)?|other\\s+than|besides|excluding|not)\\s+(?:the\\s+)?${name}`,
    'u',
  ).test(lowered);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
