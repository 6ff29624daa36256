import type { Edition } from '../../knowledge/parse.js';
import type { Project } from '../../knowledge/schema.js';
import type { AnswerBuilder } from '../compose.js';
import { editionsKnownOn, type EngineContext } from '../context.js';
import type { Answer } from '../types.js';
import { formatAmount, writeProjectListItem } from './project.js';

/** Filters for a project list; every given field must match. */
export interface ProjectFilter {
  readonly isNew?: boolean | undefined;
  readonly briefed?: boolean | undefined;
  readonly longTermContract?: boolean | undefined;
  readonly phase?: number | undefined;
  /** Korean name of the lead agency, as in projects.yaml (행정안전부 ...). */
  readonly agency?: string | undefined;
  /** Several lead agencies named together ("환경부, 국토부, 행안부 사업"): a project of any of them. */
  readonly agencies?: readonly string[] | undefined;
  /** Lead agencies ruled out ("행안부 말고", "apart from MOIS"): a project of any other agency. */
  readonly excludeAgencies?: readonly string[] | undefined;
  /** A word of the technology group (AI, 빅데이터, cloud ...). */
  readonly technology?: string | undefined;
  /** The program year; with none, the latest edition with a match. */
  readonly year?: number | undefined;
  /** Projects left out ("건축행정 말고 또 있어?"). */
  readonly exclude?: readonly string[] | undefined;
}

export function matchesFilter(project: Project, filter: ProjectFilter): boolean {
  return (
    (filter.isNew === undefined || project.isNew.value === filter.isNew) &&
    (filter.briefed === undefined || project.briefed.value === filter.briefed) &&
    (filter.longTermContract === undefined || project.longTermContract.value === filter.longTermContract) &&
    (filter.phase === undefined || project.phase.value === filter.phase) &&
    (filter.agency === undefined || project.leadAgency.value?.ko === filter.agency) &&
    (filter.agencies === undefined || filter.agencies.includes(project.leadAgency.value?.ko ?? '')) &&
    (filter.excludeAgencies === undefined ||
      (project.leadAgency.value !== null && !filter.excludeAgencies.includes(project.leadAgency.value.ko))) &&
    (filter.technology === undefined || matchesTechnology(project, filter.technology)) &&
    !(filter.exclude ?? []).includes(project.id)
  );
}

const TECHNOLOGY_WORDS: readonly (readonly string[])[] = [
  ['인공지능', 'ai'],
  ['빅데이터', 'big data', 'bigdata'],
  ['클라우드', 'cloud'],
];

function matchesTechnology(project: Project, word: string): boolean {
  const group = project.technologyGroup.value;
  if (group === null) return false;
  const text = `${group.ko} ${group.en}`.toLowerCase();
  const synonyms = TECHNOLOGY_WORDS.find((words) =>
    words.some((w) => word.replace(/\s+/g, ' ').includes(w)),
  ) ?? [word];
  return synonyms.some((w) => text.includes(w));
}

/** The edition a list is for: the year asked, else the latest one known on the as-of day that has a match. */
export function listEdition(ctx: EngineContext, filter: ProjectFilter, today: string): Edition | null {
  if (filter.year !== undefined) return ctx.kb.editions.find((e) => e.year === filter.year) ?? null;
  const known = editionsKnownOn(ctx.kb, today);
  return (
    [...known].reverse().find((e) => e.projects.some((p) => matchesFilter(p, filter))) ?? known.at(-1) ?? null
  );
}

/**
 * The projects that match the filter: of the year asked, or with no year of every edition known on
 * the as-of day that has a match, the latest first.
 */
export function answerList(
  b: AnswerBuilder,
  ctx: EngineContext,
  filter: ProjectFilter,
  today: string,
): Answer {
  const first = listEdition(ctx, filter, today);
  if (first === null) {
    b.line(b.msg('list.none'));
    return b.build({ status: 'unknown_fact', kind: 'list' });
  }
  const editions =
    filter.year !== undefined
      ? [first]
      : [
          first,
          ...[...editionsKnownOn(ctx.kb, today)]
            .reverse()
            .filter((e) => e !== first && e.projects.some((p) => matchesFilter(p, filter))),
        ];
  const ids: string[] = [];
  for (const edition of editions) {
    if (editions.length > 1) b.blank();
    for (const id of writeEditionList(b, edition, filter)) if (!ids.includes(id)) ids.push(id);
  }
  // No known project matches (which one was the long-term contract in 2022?): the asked projects
  // are not known, since unnamed projects can't be checked.
  return b.build({ status: ids.length === 0 ? 'unknown_fact' : 'answered', kind: 'list', projects: ids });
}

function writeEditionList(b: AnswerBuilder, edition: Edition, filter: ProjectFilter): string[] {
  const { program } = edition;
  const selected = edition.projects.filter((p) => matchesFilter(p, filter));
  const everything = Object.entries(filter).every(([key, v]) => key === 'year' || v === undefined);
  const year = String(edition.year);
  b.fact(year);
  if (everything) {
    const total = program.totalBudget.value
      ? formatAmount(program.totalBudget.value, b.language)
      : b.msg('notFound');
    // "이름이 확인된 건 몇 개?": how many the sources name, and how many of those are inferred.
    const inferred = edition.projects.filter((p) => p.membership.confidence === 'inferred').length;
    const named = edition.projects.length - inferred;
    b.line(b.msg('list.header', { year, count: program.projectCount.value ?? '?', total, named }));
    if (inferred > 0) b.line(b.msg('list.inferredMembers', { inferred }));
    b.fact(String(named), String(inferred));
    if (program.totalBudget.value) b.keyFact(program.totalBudget.value.ko);
    b.cite(program.totalBudget.sources);
  } else {
    b.line(b.msg('list.filtered', { year, count: String(selected.length) }));
    b.fact(String(selected.length));
  }
  if (program.projectCount.value !== null) b.keyFact(String(program.projectCount.value));
  b.cite(program.projectCount.sources);
  if (selected.length === 0) b.line(b.msg('list.none'));
  for (const project of selected) writeProjectListItem(b, project);
  b.line(everything ? `• ${b.text(program.unnamedProjects.text)}` : b.msg('list.filterNote'));
  return selected.map((p) => p.id);
}
