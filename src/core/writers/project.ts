import type { Edition } from '../../knowledge/parse.js';
import type { Aspect, Localized, Project } from '../../knowledge/schema.js';
import type { AnswerBuilder } from '../compose.js';
import type { Language } from '../types.js';

/** Which field of a project a question asks for. */
export type ProjectAspect = Aspect['id'];

/** Aspects with no field at all in the knowledge base (no source gives them): always unknown. */
type Unrecorded = 'winner' | 'contact';
const UNRECORDED_ASPECTS = new Set<ProjectAspect>(['winner', 'contact']);
export function isUnrecorded(aspect: ProjectAspect): aspect is Unrecorded {
  return UNRECORDED_ASPECTS.has(aspect);
}

export function projectName(project: Project, language: Language): string {
  return project.name[language];
}

/** The budget as the reply shows it: 82억원, or "KRW 8.2 billion (82억원)" in English. */
export function formatAmount(amount: { ko: string; en: string }, language: Language): string {
  return language === 'ko' ? `${amount.ko} (${amount.en})` : `${amount.en} (${amount.ko})`;
}

/** The field an aspect reads, or null for aspects that are not a stored field. */
export function aspectField(project: Project, aspect: ProjectAspect) {
  if (isUnrecorded(aspect) || aspect === 'name') return null;
  return project[aspect];
}

/** Whether the record states the aspect (a value some source gives). */
export function knowsAspect(project: Project, aspect: ProjectAspect): boolean {
  if (aspect === 'name') return true;
  const field = aspectField(project, aspect);
  return field !== null && field.value !== null;
}

/** The placeholders an edition's project sentences use: its year and its briefing. */
function editionValues(edition: Edition): { year: string; briefing: string; briefed: string } {
  return {
    year: String(edition.year),
    briefing: edition.program.briefingDate,
    briefed: String(edition.program.briefedCount.value ?? '?'),
  };
}

/**
 * Writes one aspect of a project. Returns whether the asked fact is known.
 */
export function writeProjectAspect(
  b: AnswerBuilder,
  edition: Edition,
  project: Project,
  aspect: ProjectAspect,
  brief = false,
): boolean {
  const name = projectName(project, b.language);
  const values = editionValues(edition);
  b.fact(project.name.ko, project.name.en, values.year);
  if (isUnrecorded(aspect)) {
    b.line(b.msg(`unknown.${aspect}`, { name }));
    return false;
  }
  if (aspect === 'name') {
    b.line(b.msg('project.name', { value: `${project.name.ko} / ${project.name.en}` }));
    b.cite(project.membership.sources);
    return true;
  }
  const field = project[aspect];
  const note = field.note ? ` — ${b.text(field.note)}` : '';
  // A new project has no phase number: "phase 2 in 2021?" is answered by its being new.
  if (aspect === 'phase' && field.value === null && project.isNew.value === true && field.note) {
    b.line(`${b.text(field.note)}${b.mark(project.isNew.confidence)}`);
    b.cite(project.isNew.sources);
    return true;
  }
  if (field.value === null) {
    // In an overview, a missing value is one short line, not the full explanation.
    if (!brief) {
      b.line(`${b.msg(`unknown.${aspect}`, { name, ...values })}${note}`);
      if (aspect === 'budget') b.line(b.text(edition.program.budgetNote));
    } else if (b.messages.has(`project.${aspect}`) && aspect !== 'description') {
      b.line(b.msg(`project.${aspect}`, { value: b.msg('notFound'), ...values }));
    }
    return false;
  }
  const mark = b.mark(field.confidence);
  b.cite(field.sources);
  const value: unknown = field.value;
  if (typeof value === 'boolean') {
    if (aspect === 'briefed') b.fact(values.briefing, values.briefed);
    b.line(`${b.msg(`project.${aspect}.${String(value)}`, values)}${mark}${note}`);
  } else if (typeof value === 'number') {
    b.keyFact(String(value));
    const shown = aspect === 'phase' ? b.msg('value.phase', { n: value }) : String(value);
    b.line(`${b.msg(`project.${aspect}`, { value: shown, ...values })}${mark}${note}`);
  } else if (aspect === 'budget' && project.budget.value) {
    const amount = project.budget.value;
    b.keyFact(amount.ko, amount.en);
    b.line(
      `${b.msg('project.budget', { value: formatAmount(amount, b.language), ...values })}${mark}${note}`,
    );
  } else if (isLocalized(value)) {
    if (aspect === 'leadAgency') b.keyFact(value.ko, value.en);
    b.line(`${b.msg(`project.${aspect}`, { value: b.text(value), ...values })}${mark}${note}`);
  }
  return true;
}

function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && 'ko' in value && 'en' in value;
}

/** A project's overview: what it is, its budget, agency, phase and briefing status. */
export function writeProjectOverview(
  b: AnswerBuilder,
  edition: Edition,
  project: Project,
  skip: readonly ProjectAspect[] = [],
): void {
  b.line(`${projectName(project, b.language)}${b.mark(project.membership.confidence)}`);
  b.cite(project.membership.sources);
  if (project.membership.confidence === 'inferred')
    b.line(b.msg('project.membershipInferred', { year: edition.year }));
  for (const aspect of ['description', 'budget', 'leadAgency', 'phase', 'isNew', 'briefed'] as const) {
    if (!skip.includes(aspect)) writeProjectAspect(b, edition, project, aspect, true);
  }
  if (project.longTermContract.value === true && !skip.includes('longTermContract')) {
    writeProjectAspect(b, edition, project, 'longTermContract', true);
  }
  for (const note of project.notes) b.statement(note);
}

/** One line of a project list: name, budget, agency. */
export function writeProjectListItem(b: AnswerBuilder, project: Project): void {
  const budget = project.budget.value
    ? `${formatAmount(project.budget.value, b.language)}${b.mark(project.budget.confidence)}`
    : b.msg('list.budgetUnknown');
  if (project.budget.value) b.fact(project.budget.value.ko, project.budget.value.en);
  const agency = project.leadAgency.value
    ? `${b.text(project.leadAgency.value)}${b.mark(project.leadAgency.confidence)}`
    : null;
  const membership = b.mark(project.membership.confidence);
  b.line(
    `• ${projectName(project, b.language)}${membership} — ${[budget, agency].filter(Boolean).join(' · ')}`,
  );
  b.fact(project.name.ko, project.name.en);
  b.cite([...project.membership.sources, ...project.budget.sources]);
}
