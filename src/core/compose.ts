import type { KnowledgeBase } from '../knowledge/parse.js';
import type { Confidence, Localized, Project, Statement } from '../knowledge/schema.js';
import { MessageBook } from './messages.js';
import type { Answer, AnswerStatus, Candidate, Citation, Language, RuleTrace } from './types.js';

/**
 * Collects what an answer says, which sources back it and which facts it states, so the text,
 * the citations and the fact-lock data always come from the same place.
 */
export class AnswerBuilder {
  private readonly lines: string[] = [];
  private readonly sourceIds: string[] = [];
  private readonly factSet = new Set<string>();
  private readonly keyFactSet = new Set<string>();
  private inferred = false;
  readonly messages: MessageBook;

  constructor(
    private readonly kb: KnowledgeBase,
    readonly language: Language,
  ) {
    this.messages = new MessageBook(kb.messages);
  }

  msg(key: string, values: Readonly<Record<string, string | number>> = {}): string {
    return this.messages.get(key, this.language, values);
  }

  text(localized: Localized): string {
    return localized[this.language];
  }

  line(text: string): this {
    this.lines.push(text);
    return this;
  }

  blank(): this {
    if (this.lines.length > 0 && this.lines.at(-1) !== '') this.lines.push('');
    return this;
  }

  cite(ids: readonly string[]): this {
    for (const id of ids) if (!this.sourceIds.includes(id)) this.sourceIds.push(id);
    return this;
  }

  fact(...values: readonly string[]): this {
    for (const v of values) this.factSet.add(v);
    return this;
  }

  keyFact(...values: readonly string[]): this {
    for (const v of values) {
      this.factSet.add(v);
      this.keyFactSet.add(v);
    }
    return this;
  }

  /** The "(inferred)" mark for a fact of this confidence, with a leading space, or ''. */
  mark(confidence: Confidence): string {
    if (confidence !== 'inferred') return '';
    this.inferred = true;
    return ` ${this.msg('inferred')}`;
  }

  /** Adds a stored statement: its text, an inferred mark, its sources and its facts. */
  statement(statement: Statement, bullet = false): this {
    this.line(`${bullet ? '• ' : ''}${this.text(statement.text)}${this.mark(statement.confidence)}`);
    this.cite(statement.sources);
    this.keyFact(...statement.facts);
    return this;
  }

  build(fields: {
    status: AnswerStatus;
    kind: Answer['kind'];
    projects?: readonly string[];
    verdict?: Answer['verdict'];
    rule?: string | null;
    traces?: readonly RuleTrace[];
    candidates?: readonly Candidate[];
  }): Answer {
    const sources: Citation[] = [];
    for (const id of this.sourceIds) {
      const source = this.kb.sources.get(id);
      if (source) sources.push({ title: source.title, url: source.url });
    }
    const text = this.lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    return {
      status: fields.status,
      language: this.language,
      projects: fields.projects ?? [],
      verdict: fields.verdict ?? null,
      rule: fields.rule ?? null,
      text,
      sources,
      facts: [...this.factSet],
      // A key fact must be kept by a rewording, so only what this text (in its language) shows.
      keyFacts: [...this.keyFactSet].filter((f) => text.includes(f)),
      traces: fields.traces ?? [],
      candidates: fields.candidates ?? [],
      hasInferred: this.inferred,
      kind: fields.kind,
    };
  }
}

export type ProjectAspect =
  | 'budget'
  | 'phase'
  | 'isNew'
  | 'longTermContract'
  | 'briefed'
  | 'leadAgency'
  | 'category'
  | 'technologyGroup'
  | 'orderSchedule'
  | 'description'
  | 'winner'
  | 'contact'
  | 'name';

/** Aspects with no field at all in the knowledge base: always unknown. */
const UNRECORDED_ASPECTS = new Set<ProjectAspect>(['winner', 'contact']);
function isUnrecorded(aspect: ProjectAspect): aspect is 'winner' | 'contact' {
  return UNRECORDED_ASPECTS.has(aspect);
}

export function projectName(project: Project, language: Language): string {
  return project.name[language];
}

/** The budget as the reply shows it: 82억원, or "KRW 8.2 billion (82억원)" in English. */
export function formatAmount(amount: { ko: string; en: string }, language: Language): string {
  return language === 'ko' ? `${amount.ko} (${amount.en})` : `${amount.en} (${amount.ko})`;
}

/**
 * Writes one aspect of a project. Returns whether the asked fact is known.
 */
export function writeProjectAspect(
  b: AnswerBuilder,
  project: Project,
  aspect: ProjectAspect,
  brief = false,
): boolean {
  const name = projectName(project, b.language);
  b.fact(project.name.ko, project.name.en);
  if (isUnrecorded(aspect)) {
    b.line(b.msg(`unknown.${aspect}`, { name }));
    return false;
  }
  if (aspect === 'name') {
    b.line(b.msg('project.name', { value: `${project.name.ko} / ${project.name.en}` }));
    b.cite(project.membership.sources);
    return true;
  }
  const field = aspect === 'budget' ? project.budget : project[aspect];
  const note = field.note ? ` — ${b.text(field.note)}` : '';
  if (field.value === null) {
    // In an overview, a missing value is one short line, not the full explanation.
    if (!brief) b.line(`${b.msg(`unknown.${aspect}`, { name })}${note}`);
    else if (b.messages.has(`project.${aspect}`) && aspect !== 'description') {
      b.line(b.msg(`project.${aspect}`, { value: b.msg('notFound') }));
    }
    return false;
  }
  const mark = b.mark(field.confidence);
  b.cite(field.sources);
  const value: unknown = field.value;
  if (typeof value === 'boolean') {
    b.line(`${b.msg(`project.${aspect}.${String(value)}`)}${mark}${note}`);
  } else if (typeof value === 'number') {
    b.keyFact(String(value));
    const shown = aspect === 'phase' && b.language === 'ko' ? `${value}차` : String(value);
    b.line(`${b.msg(`project.${aspect}`, { value: shown })}${mark}${note}`);
  } else if (aspect === 'budget' && project.budget.value) {
    const amount = project.budget.value;
    b.keyFact(amount.ko, amount.en);
    b.line(`${b.msg('project.budget', { value: formatAmount(amount, b.language) })}${mark}${note}`);
  } else if (isLocalized(value)) {
    if (aspect === 'leadAgency') b.keyFact(value.ko, value.en);
    b.line(`${b.msg(`project.${aspect}`, { value: b.text(value) })}${mark}${note}`);
  }
  return true;
}

function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && 'ko' in value && 'en' in value;
}

/** A project's overview: what it is, its budget, agency, phase and briefing status. */
export function writeProjectOverview(
  b: AnswerBuilder,
  project: Project,
  skip: readonly ProjectAspect[] = [],
): void {
  b.line(`${projectName(project, b.language)}${b.mark(project.membership.confidence)}`);
  b.cite(project.membership.sources);
  if (project.membership.confidence === 'inferred') b.line(b.msg('project.membershipInferred'));
  for (const aspect of ['description', 'budget', 'leadAgency', 'phase', 'isNew', 'briefed'] as const) {
    if (!skip.includes(aspect)) writeProjectAspect(b, project, aspect, true);
  }
  if (project.longTermContract.value === true && !skip.includes('longTermContract')) {
    writeProjectAspect(b, project, 'longTermContract', true);
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
