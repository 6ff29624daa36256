import type { KnowledgeBase } from '../knowledge/parse.js';
import type { Confidence, Project } from '../knowledge/schema.js';
import { MessageBook } from './messages.js';
import type { Language } from './types.js';

/** One project of one edition as a table row: the same facts `/projects` lists, plus the sources. */
export interface ProjectRow {
  readonly year: number;
  readonly id: string;
  readonly name: string;
  readonly agency: string;
  readonly phase: string;
  readonly budget: string;
  /** The budget in won, for sorting; null when no source gives it. */
  readonly budgetKrw: number | null;
  readonly isNew: string;
  readonly briefed: string;
  /** Which of the row's facts are inferred rather than confirmed ("" when none). */
  readonly inferred: string;
  readonly sources: readonly string[];
}

/** The CSV's columns, in order: the row's keys and their headers in each language. */
const COLUMNS = [
  'year',
  'name',
  'agency',
  'phase',
  'budget',
  'isNew',
  'briefed',
  'inferred',
  'sources',
] as const;

function mark(book: MessageBook, language: Language, confidence: Confidence): string {
  return confidence === 'inferred' ? ` ${book.get('inferred', language)}` : '';
}

function cell<T>(
  book: MessageBook,
  language: Language,
  fact: { value: T | null; confidence: Confidence },
  show: (value: T) => string,
): string {
  if (fact.value === null) return book.get('notFound', language);
  return `${show(fact.value)}${mark(book, language, fact.confidence)}`;
}

function toRow(kb: KnowledgeBase, book: MessageBook, project: Project, language: Language): ProjectRow {
  const yesNo = (v: boolean) => book.get(v ? 'yes' : 'no', language);
  const inferred = (
    [
      ['membership', project.membership.confidence],
      ['agency', project.leadAgency.confidence],
      ['phase', project.phase.confidence],
      ['budget', project.budget.confidence],
      ['isNew', project.isNew.confidence],
      ['briefed', project.briefed.confidence],
    ] as const
  )
    .filter(([, c]) => c === 'inferred')
    .map(([field]) => book.get(`table.column.${field}`, language));
  const sourceIds = [
    ...new Set([
      ...project.membership.sources,
      ...project.leadAgency.sources,
      ...project.phase.sources,
      ...project.budget.sources,
      ...project.isNew.sources,
      ...project.briefed.sources,
    ]),
  ];
  return {
    year: project.edition,
    id: project.id,
    name: `${project.name[language]}${mark(book, language, project.membership.confidence)}`,
    agency: cell(book, language, project.leadAgency, (v) => v[language]),
    phase: cell(book, language, project.phase, (v) => book.get('value.phase', language, { n: v })),
    budget: cell(book, language, project.budget, (v) => v[language]),
    budgetKrw: project.budget.value?.krw ?? null,
    isNew: cell(book, language, project.isNew, yesNo),
    briefed: cell(book, language, project.briefed, yesNo),
    inferred: inferred.join(', '),
    sources: sourceIds.flatMap((id) => {
      const source = kb.sources.get(id);
      return source ? [source.url] : [];
    }),
  };
}

/** Every named project of one edition (or of every edition, latest first), as table rows. */
export function projectRows(kb: KnowledgeBase, language: Language, year?: number): ProjectRow[] {
  const book = new MessageBook(kb.messages);
  const editions =
    year === undefined ? [...kb.editions].reverse() : kb.editions.filter((e) => e.year === year);
  return editions.flatMap((e) => e.projects.map((p) => toRow(kb, book, p, language)));
}

/** RFC 4180 CSV (quoted where needed, CRLF lines, a BOM so spreadsheet programs read Korean as UTF-8). */
export function rowsToCsv(kb: KnowledgeBase, rows: readonly ProjectRow[], language: Language): string {
  const book = new MessageBook(kb.messages);
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const header = COLUMNS.map((c) => quote(book.get(`table.column.${c}`, language)));
  const lines = rows.map((row) =>
    COLUMNS.map((c) => {
      const value = row[c];
      return quote(Array.isArray(value) ? value.join(' ') : String(value));
    }),
  );
  return `\uFEFF${[header, ...lines].map((l) => l.join(',')).join('\r\n')}\r\n`;
}

/** What the knowledge base covers: its editions and the date of its newest dated source. */
export function knowledgeAsOf(kb: KnowledgeBase): { editions: number[]; newestSource: string | null } {
  const dates = [...kb.sources.values()].flatMap((s) => (s.date === undefined ? [] : [s.date])).sort();
  return { editions: kb.editions.map((e) => e.year), newestSource: dates.at(-1) ?? null };
}
