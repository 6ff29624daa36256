import type { Edition } from '../../knowledge/parse.js';
import type { Localized, Project, Statement } from '../../knowledge/schema.js';
import type { AnswerBuilder } from '../compose.js';
import { editionsKnownOn, pickRecord, pointedRecord, type EngineContext } from '../context.js';
import type { Answer } from '../types.js';
import {
  isUnrecorded,
  knowsAspect,
  projectName,
  writeProjectAspect,
  writeProjectOverview,
  type ProjectAspect,
} from './project.js';

/** What a project question asks: which projects, which aspects, for which years. */
export interface ProjectAsk {
  readonly ids: readonly string[];
  readonly aspects: readonly ProjectAspect[];
  readonly years: readonly number[];
  readonly today: string;
  /** The question, NFKC and lower case. */
  readonly lowered: string;
  /** Whether the question names a lead agency ("국토부 사업임?"). */
  readonly namesAgency?: boolean;
  /** The question's ranking terms, to tell which edition its words point to ("국민비서 2차"). */
  readonly terms?: ReadonlySet<string>;
  /** A sum or a comparison is asked ("합치면 얼마야?", "어느 쪽이 더 많아?"): one unknown part makes the whole unknown. */
  readonly total?: boolean;
  /** Projects the question calls by name; one only described is named in the answer. */
  readonly namedInQuestion?: ReadonlySet<string>;
}

function editionOf(ctx: EngineContext, project: Project): Edition {
  return ctx.kb.editions.find((e) => e.year === project.edition)!;
}

/** The aspects a question really asks, from the aspect words it contains. */
export function askedAspects(
  aspects: readonly ProjectAspect[],
  lowered: string,
  namesAgency = false,
): { asked: ProjectAspect[]; added: ProjectAspect[] } {
  // "내용"/"what is" plus a specific aspect: the specific one is what was asked. "phase 3" or
  // "2단계" next to another aspect names the project, it doesn't ask for its phase; "AI 분야" is the
  // technology group, not the 5/6 category.
  // ("원래 몇 년짜리 계획이에요?" asks the plan the description gives, so it stays.)
  const asksPlan =
    /몇\s*년\s*(?:짜리|계획)|원래\s*계획|how many years|multi-?year plan|originally planned/u.test(lowered);
  let asked = aspects.length > 1 && !asksPlan ? aspects.filter((a) => a !== 'description') : [...aspects];
  if (asked.length > 1 && /phase\s*\d|\d\s*(?:차|단계)/u.test(lowered))
    asked = asked.filter((a) => a !== 'phase');
  if (asked.includes('technologyGroup')) asked = asked.filter((a) => a !== 'category');
  // "2020년엔 35억이었다던데 2021년도 그 정도?": an amount asks for the budget; "국토부 사업임?" the agency.
  // "…a MOLIT project with 112억 in 2021 — true?": a stated amount is checked with whatever else is.
  if (!asked.includes('budget') && /\d\s*(?:억|만\s*원|billion|million)|₩/u.test(lowered))
    asked.push('budget');
  // "…는 외교부 사업 맞지? 몇 차야?": an agency checked next to another aspect is asked too.
  const checksAgency = /맞지|맞죠|맞나|맞아|맞습니까|\bright\b|\bcorrect\b|isn't it|is it\b/u.test(lowered);
  if (
    namesAgency &&
    !asked.includes('leadAgency') &&
    (asked.length === 0 || asked.includes('budget') || checksAgency)
  )
    asked.push('leadAgency');
  // New or continuing: a continuing project's phase says how far along it is (said only when known).
  const added: ProjectAspect[] = asked.includes('isNew') && !asked.includes('phase') ? ['phase'] : [];
  // "…worth building a bid team for it?", "새로 입찰 나오나요?": whether it is a long-term contract,
  // which is not bid anew each year, matters to a bidder.
  // (Only next to an asked aspect: alone it would leave an overview question with nothing.)
  if (asked.length > 0 && BIDDING.test(lowered) && !asked.includes('longTermContract'))
    added.push('longTermContract');
  return { asked, added };
}

/**
 * One or more projects: the asked aspects, or an overview, for the edition the question's years
 * pick (or the latest edition that has the fact, naming its year when another edition also has
 * the project).
 */
export function answerProjects(b: AnswerBuilder, ctx: EngineContext, ask: ProjectAsk): Answer {
  const { asked: primary, added } = askedAspects(ask.aspects, ask.lowered, ask.namesAgency === true);
  const asked = [...primary, ...added];
  const known = editionsKnownOn(ctx.kb, ask.today);
  let knownCount = 0;
  let unknownCount = 0;
  const shownContext = new Set<string>();
  const many = ask.ids.length > 1;
  for (const id of ask.ids) {
    const records = ctx.projects.get(id) ?? [];
    if (many) b.blank();
    const askedYears = editionYears(ask, records);
    const pointed = askedYears.length === 0 ? pointedRecord(ctx, records, ask.terms ?? new Set()) : null;
    const years = pointed !== null ? [pointed.edition] : askedYears;
    if (asked.length === 0) {
      const pick = pickRecord(records, years, known);
      if (pick === null) continue;
      if ('missingYear' in pick) {
        writeMissingYear(b, records, pick.missingYear);
        unknownCount++;
        continue;
      }
      if (pick.named) b.line(b.msg('project.yearHeader', { year: pick.record.edition }));
      writeProjectOverview(b, editionOf(ctx, pick.record), pick.record);
      // No year named: every earlier edition's record too, under its year.
      if (years.length === 0) {
        const knownYears = new Set(known.map((e) => e.year));
        for (const other of [...pick.others].reverse().filter((o) => knownYears.has(o.edition))) {
          b.blank();
          b.line(b.msg('project.yearHeader', { year: other.edition }));
          writeProjectOverview(b, editionOf(ctx, other), other);
        }
      }
      // "1차 사업기간은?": the notes on what was asked by its subject come with the overview.
      writeAskedNotes(b, records, ask.lowered);
      knownCount++;
      continue;
    }
    if (many || asked.length > 1 || ask.namedInQuestion?.has(id) !== true) {
      // The name of the record the years point to (국민비서 2차 for 2021), else the latest: said for
      // several projects or aspects, and for a project the asker described rather than named
      // ("카톡으로 과태료 알려주는 서비스"), so they see which one is answered.
      const named = records.find((r) => years.length > 0 && r.edition === years[0]) ?? records.at(-1)!;
      b.line(projectName(named, b.language));
    }
    const namedYears = years.filter((y) => records.some((r) => r.edition === y));
    for (const aspect of asked) {
      // Two years named ("2021년엔 2차였는데 2022년엔?"): each year's value.
      if (namedYears.length > 1) {
        for (const year of [...namedYears].sort()) {
          const record = records.find((r) => r.edition === year)!;
          b.line(b.msg('project.yearHeader', { year }));
          if (writeProjectAspect(b, editionOf(ctx, record), record, aspect)) knownCount++;
          else unknownCount++;
        }
        continue;
      }
      const pick = pickRecord(records, years, known, (r) => knowsAspect(r, aspect));
      if (pick === null) continue;
      if (added.includes(aspect) && ('missingYear' in pick || !knowsAspect(pick.record, aspect))) continue;
      if ('missingYear' in pick) {
        writeMissingYear(b, records, pick.missingYear);
        unknownCount++;
        continue;
      }
      const edition = editionOf(ctx, pick.record);
      if (writeProjectAspect(b, edition, pick.record, aspect)) knownCount++;
      else if (
        aspect === 'budget' &&
        [pick.record, ...pick.others].some((rec) => writeBudgetNotes(b, rec, ask.lowered) === 'total')
      )
        knownCount++;
      else if (writeAspectContext(b, ctx, aspect, pick.record.edition, shownContext)) knownCount++;
      else {
        unknownCount++;
        // Unknown in every edition: what the other editions' notes say about money (a whole-build total).
        if (aspect === 'budget' && years.length === 0)
          for (const other of pick.others)
            for (const note of other.notes.filter((n) => /억|billion/u.test(`${n.text.ko} ${n.text.en}`)))
              b.statement(note);
      }
      if (years.length === 0) writeOtherEditions(b, pick.others, aspect);
    }
    writeAskedNotes(b, records, ask.lowered);
    if (unknownCount > 0 && knownCount === 0 && !many && !b.hasStatements()) {
      const record = records.at(-1)!;
      b.blank();
      b.line(b.msg('unknown.whatIsKnown'));
      writeProjectOverview(b, editionOf(ctx, record), record, asked);
    }
  }
  return b.build({
    // One status rule: an asked fact not found means unknown_fact, whatever else is shown.
    status:
      unknownCount > 0 && (knownCount === 0 || !many || ask.total === true) ? 'unknown_fact' : 'answered',
    kind: 'project',
    projects: ask.ids,
  });
}

/** "2019년 계획상 1단계는 언제까지?": a year of an earlier plan, which the notes record. */
const EARLIER_PLAN = /계획상|계획으론|1\s*단계|\bphase\s*1\b|\bfirst\s+phase\b|\boriginal\s+plan\b/u;

const BIDDING = /입찰|수주|제안서|\bbid(?:s|ding)?\b|\btender|\bproposal/u;

const FORMER_NAME =
  /이름\S*\s*(?:\S+\s+)?(?:달랐|다르|바뀌|바뀐|변경)|(?:예전|이전|원래|옛|작년|전에는?)\s*(?:\S+\s+)?이름|\b(?:former|previous|old|earlier)\s+name|\bcalled\s+(?:before|previously|in\s+20\d{2})|\bused\s+to\s+be\s+called|\bcalled\s+something\s+else|\b(?:a\s+)?different\s+name|\brenamed\b/u;

/**
 * Notes a question asks for by their subject: an earlier name ("작년엔 이름이 달랐다던데?", "what was
 * it called before?") or phase 1 ("1단계는 언제?", "phase 1 timeline").
 */
/**
 * The years of a question that pick an edition of the project. "작년엔 이름이 달랐다던데?": the year
 * of an earlier name is what is asked, not an edition; "국민비서 1차는 2019년에 시작했던 거죠?": the
 * year of a first phase the notes record, likewise.
 */
function editionYears(ask: ProjectAsk, records: readonly Project[]): readonly number[] {
  const ofEarlier =
    FORMER_NAME.test(ask.lowered) ||
    EARLIER_PLAN.test(ask.lowered) ||
    (PHASE_ONE.test(ask.lowered) && records.some((r) => r.notes.some((n) => PHASE_ONE_NOTE.test(n.text.en))));
  return ofEarlier ? ask.years.filter((y) => records.some((r) => r.edition === y)) : ask.years;
}

/**
 * "Was the cloud platform the one left out of the 2021 briefing?": an aspect the project's record
 * leaves unknown, said for the edition as a whole by a topic (lexicon `unknownContext`): the unknown
 * line, then that topic, once per answer. True when a topic shown settles it (states nothing as unknown).
 */
function writeAspectContext(
  b: AnswerBuilder,
  ctx: EngineContext,
  aspect: ProjectAspect,
  edition: number,
  shown: Set<string>,
): boolean {
  const ids = ctx.kb.lexicon.aspects.find((a) => a.id === aspect)?.unknownContext ?? [];
  let wrote = false;
  for (const id of ids) {
    const topic = ctx.topics.get(id)?.find((t) => t.edition === edition);
    if (topic === undefined || topic.statements.every((st) => st.confidence === 'not_found')) continue;
    // It settles the question only when it states nothing as unknown: the 2022 briefing's list does
    // not say which long-term contract was left out, so "was it 국민비서?" stays unknown.
    if (topic.statements.every((st) => st.confidence !== 'not_found')) wrote = true;
    if (shown.has(id)) continue;
    shown.add(id);
    b.line(`${b.text(topic.title)} (${edition})`);
    for (const statement of topic.statements) b.statement(statement);
  }
  return wrote;
}

/** A first phase asked of ("1차", "phase one"), and the notes that speak of it. */
const PHASE_ONE = /1\s*단계|1\s*차|(?:phase|stage)\s*(?:1|one)\b|first\s+(?:phase|stage)/u;
const PHASE_ONE_NOTE = /1단계|phase 1|stage 1/u;

function writeAskedNotes(b: AnswerBuilder, records: readonly Project[], lowered: string): void {
  const asked: RegExp[] = [];
  if (FORMER_NAME.test(lowered)) asked.push(/이름|called/u);
  if (PHASE_ONE.test(lowered)) asked.push(PHASE_ONE_NOTE);
  for (const pattern of asked)
    for (const record of records)
      for (const note of record.notes.filter((n) => pattern.test(`${n.text.ko} ${n.text.en}`)))
        b.statement(note);
}

function writeMissingYear(b: AnswerBuilder, records: readonly Project[], year: number): void {
  const latest = records.at(-1)!;
  b.line(
    b.msg('unknown.projectYear', {
      name: projectName(latest, b.language),
      year,
      years: records.map((r) => r.edition).join(', '),
    }),
  );
  b.fact(String(year), ...records.map((r) => String(r.edition)));
}

/** The same aspect in the project's other editions, one line each, newest first. */
function writeOtherEditions(b: AnswerBuilder, others: readonly Project[], aspect: ProjectAspect): void {
  for (const other of [...others].reverse()) {
    const field = aspect === 'name' || isUnrecorded(aspect) ? null : other[aspect];
    if (field === null) continue;
    const value = field.value;
    let shown: string;
    if (value === null) shown = b.msg('notFound');
    else if (typeof value === 'number')
      shown = aspect === 'phase' ? b.msg('value.phase', { n: value }) : String(value);
    else if (typeof value === 'boolean') shown = b.msg(value ? 'yes' : 'no');
    else if ('krw' in value) shown = b.language === 'ko' ? value.ko : value.en;
    else shown = b.text(value);
    b.line(
      `${b.msg('project.otherEdition', { year: other.edition, value: `${projectName(other, b.language)} — ${shown}` })}${value === null ? '' : b.mark(field.confidence)}`,
    );
    b.fact(String(other.edition), other.name.ko, other.name.en);
    if (typeof value === 'number') b.fact(String(value));
    if (value !== null) b.cite(field.sources);
  }
}

/**
 * Whole-build figures (the asked fact, when the question asks for a total) or another year's figures
 * (related facts: the asked year's budget stays unknown) that a project's notes record.
 */
function writeBudgetNotes(b: AnswerBuilder, project: Project, lowered: string): 'total' | 'related' | 'none' {
  // "over 2019-2021", "2019~2021년 총": a span ending in the edition year still asks the whole build.
  const spanless = lowered.replace(/20\d{2}\s*(?:-|–|~|to|부터|에서)\s*20\d{2}/gu, ' ');
  const wantsTotal =
    /전체|총\s*(?:사업비|얼마|규모|금액)|총액|합계|합치면|합쳐서|통틀어|몇\s*년\s*짜리|\d\s*년\s*치|total|whole|overall|altogether|all\s+(?:the\s+)?years|how many years|multi-?\s*year/u.test(
      lowered,
    ) && !spanless.includes(String(project.edition));
  const year = /(20\d{2})/u.exec(lowered.replaceAll(String(project.edition), ''))?.[1];
  const totals = wantsTotal
    ? project.notes.filter((n) => /전체|총|total|whole/u.test(`${n.text.ko} ${n.text.en}`))
    : [];
  const others =
    year === undefined
      ? []
      : project.notes.filter((n) => `${n.text.ko} ${n.text.en}`.includes(year) && !totals.includes(n));
  for (const note of [...totals, ...others]) b.statement(note);
  // A whole-build figure may sit in the description ("3년간 총 약 160억원").
  const description = project.description;
  if (
    totals.length === 0 &&
    wantsTotal &&
    description.value &&
    /총|total/u.test(`${description.value.ko} ${description.value.en}`)
  ) {
    b.line(`${b.text(description.value)}${b.mark(description.confidence)}`);
    b.cite(description.sources);
    return 'total';
  }
  if (totals.length > 0) return 'total';
  return others.length > 0 ? 'related' : 'none';
}

/**
 * A project question about a year with no edition ("클플 2020년 예산?", "was it briefed in 2020?"):
 * the notes, the project's own and those on its aspects, that speak of that year. The answer is
 * `answered` when one of them bears on what was asked, `unknown_fact` when they are only related.
 */
export function answerOtherYear(
  b: AnswerBuilder,
  ctx: EngineContext,
  ids: readonly string[],
  year: number,
  aspects: readonly ProjectAspect[] = [],
): Answer | null {
  const found = ids.flatMap((id) => {
    const records = ctx.projects.get(id) ?? [];
    const seen = new Set<string>();
    const notes = records
      .flatMap((r) => yearNotes(r, String(year)))
      .filter((n) => !seen.has(n.statement.text.en) && seen.add(n.statement.text.en));
    return notes.length === 0 ? [] : [{ name: projectName(records.at(-1)!, b.language), notes }];
  });
  if (found.length === 0) return null;
  const bearing = found.some((p) => p.notes.some((n) => bearsOn(n, aspects)));
  for (const { name, notes } of found) {
    b.line(bearing ? name : b.msg('unknown.projectYearAsked', { name, year }));
    for (const note of notes) b.statement(note.statement);
  }
  return b.build({ status: bearing ? 'answered' : 'unknown_fact', kind: 'project', projects: ids });
}

interface YearNote {
  readonly statement: Statement;
  /** The aspect the note is recorded on; none for the project's own notes. */
  readonly aspect?: string;
}

/** The notes of one project record that name the year. */
function yearNotes(project: Project, year: string): YearNote[] {
  const names = (text: Localized) => text.ko.includes(year) || text.en.includes(year);
  const own = project.notes.filter((n) => names(n.text)).map((statement) => ({ statement }));
  const onAspects = Object.entries(project).flatMap(([aspect, field]): YearNote[] => {
    const note = (field as { note?: Localized } | null)?.note;
    if (note === undefined || !names(note)) return [];
    const { sources, confidence } = field as { sources: string[]; confidence: Statement['confidence'] };
    return [{ aspect, statement: { text: note, sources, confidence, facts: [] } }];
  });
  return [...own, ...onAspects];
}

/** Whether a note answers one of the asked aspects (any note does when none was asked). */
function bearsOn(note: YearNote, aspects: readonly ProjectAspect[]): boolean {
  if (aspects.length === 0) return true;
  const en = note.statement.text.en;
  return aspects.some((aspect) => note.aspect === aspect || (ASPECT_WORDS[aspect]?.test(en) ?? false));
}

/** Words by which a project's own note (in English) speaks of an aspect. */
const ASPECT_WORDS: Partial<Record<ProjectAspect, RegExp>> = {
  budget: /억원|KRW/u,
  briefed: /briefing/u,
  name: /\bcalled\b|\bname/u,
  phase: /\bphase\b|\bstage\b/iu,
  leadAgency: /Ministry|Office|MOIS|agency/u,
  longTermContract: /long-term/u,
};
