import { MessageBook } from '../../core/messages.js';
import { projectRows, rowsToCsv, type ProjectRow } from '../../core/projectTable.js';
import type { Language } from '../../core/types.js';
import { matchesFilter, type ProjectFilter } from '../../core/writers/list.js';
import type { KnowledgeBase } from '../../knowledge/parse.js';
import type { Project } from '../../knowledge/schema.js';
import { html, page, type SafeHtml } from './html.js';
import { PAGE_TEXT, pageLanguage } from './texts.js';

const SORT_KEYS = ['name', 'agency', 'phase', 'budget', 'isNew', 'briefed'] as const;
type SortKey = (typeof SORT_KEYS)[number];

/** What the projects page and its CSV show: the `/projects` filters, a search word and an order. */
export interface ProjectQuery {
  readonly language: Language;
  /** One edition, or every edition (latest first). */
  readonly year: number | undefined;
  readonly filter: ProjectFilter;
  readonly search: string;
  readonly sort: SortKey | undefined;
  readonly descending: boolean;
}

function yesNo(value: string | undefined): boolean | undefined {
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}

/** Reads the query string; values it does not know are ignored (shown as "any"). */
export function readProjectQuery(
  kb: KnowledgeBase,
  raw: Readonly<Record<string, string | undefined>>,
): ProjectQuery {
  const year = Number(raw['year']);
  const phase = Number(raw['phase']);
  const agency = raw['agency'];
  const sort = SORT_KEYS.find((k) => k === raw['sort']);
  return {
    language: pageLanguage(raw['lang'], 'ko'),
    year: kb.editions.some((e) => e.year === year) ? year : undefined,
    filter: {
      phase: Number.isInteger(phase) && phase >= 1 && phase <= 9 ? phase : undefined,
      isNew: yesNo(raw['new']),
      briefed: yesNo(raw['briefed']),
      agency: agency !== undefined && agencies(kb).some((a) => a.ko === agency) ? agency : undefined,
    },
    search: (raw['q'] ?? '').trim().slice(0, 100),
    sort,
    descending: raw['dir'] === 'desc',
  };
}

/** Every lead agency named in the knowledge base, once. */
function agencies(kb: KnowledgeBase): { ko: string; en: string }[] {
  const seen = new Map<string, { ko: string; en: string }>();
  for (const edition of kb.editions)
    for (const project of edition.projects) {
      const agency = project.leadAgency.value;
      if (agency !== null && !seen.has(agency.ko)) seen.set(agency.ko, agency);
    }
  return [...seen.values()];
}

interface EditionTable {
  readonly year: number;
  readonly total: number;
  readonly rows: readonly ProjectRow[];
}

function compareBy(key: SortKey, a: [Project, ProjectRow], b: [Project, ProjectRow]): number {
  const byNumber = (x: number | null, y: number | null) =>
    x === null ? (y === null ? 0 : 1) : y === null ? -1 : x - y;
  switch (key) {
    case 'budget':
      return byNumber(a[1].budgetKrw, b[1].budgetKrw);
    case 'phase':
      return byNumber(a[0].phase.value, b[0].phase.value);
    case 'name':
    case 'agency':
    case 'isNew':
    case 'briefed':
      return a[1][key].localeCompare(b[1][key], 'ko');
  }
}

/**
 * The rows of each edition that match: the same projects `/projects` lists for the same filter
 * (projectRows and the engine's own filter), narrowed by the search word, in the asked order.
 */
export function projectTables(kb: KnowledgeBase, query: ProjectQuery): EditionTable[] {
  const editions =
    query.year === undefined ? [...kb.editions].reverse() : kb.editions.filter((e) => e.year === query.year);
  const word = query.search.toLowerCase();
  return editions.map((edition) => {
    const rows = projectRows(kb, query.language, edition.year);
    const pairs = rows
      .map((row): [Project, ProjectRow] => [edition.projects.find((p) => p.id === row.id)!, row])
      .filter(
        ([project, row]) =>
          matchesFilter(project, query.filter) &&
          (word === '' || `${row.name} ${row.agency}`.toLowerCase().includes(word)),
      );
    if (query.sort !== undefined) {
      const key = query.sort;
      pairs.sort((a, b) => (query.descending ? -1 : 1) * compareBy(key, a, b));
    }
    return { year: edition.year, total: rows.length, rows: pairs.map(([, row]) => row) };
  });
}

/** The rows shown, as the CSV `/projects` exports (rowsToCsv). */
export function projectsCsv(kb: KnowledgeBase, query: ProjectQuery): string {
  return rowsToCsv(
    kb,
    projectTables(kb, query).flatMap((t) => t.rows),
    query.language,
  );
}

/** The query string of `query` with some values changed (for links that keep the filters). */
function queryString(query: ProjectQuery, change: Record<string, string | undefined> = {}): string {
  const f = query.filter;
  const bool = (v: boolean | undefined) => (v === undefined ? undefined : v ? 'yes' : 'no');
  const values: Record<string, string | undefined> = {
    lang: query.language,
    year: query.year?.toString(),
    phase: f.phase?.toString(),
    agency: f.agency,
    new: bool(f.isNew),
    briefed: bool(f.briefed),
    q: query.search === '' ? undefined : query.search,
    sort: query.sort,
    dir: query.sort !== undefined && query.descending ? 'desc' : undefined,
    ...change,
  };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') params.set(k, v);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function select(
  name: string,
  label: string,
  current: string | undefined,
  options: readonly (readonly [string, string])[],
): SafeHtml {
  return html`<label
    >${label}<select name="${name}">
      ${options.map(
        ([value, text]) =>
          html`<option value="${value}" ${(current ?? '') === value ? html` selected` : ''}>${text}</option>`,
      )}
    </select></label
  >`;
}

function filterForm(kb: KnowledgeBase, query: ProjectQuery, book: MessageBook): SafeHtml {
  const t = PAGE_TEXT[query.language];
  const lang = query.language;
  const column = (key: string) => book.get(`table.column.${key}`, lang);
  const bool = (v: boolean | undefined) => (v === undefined ? '' : v ? 'yes' : 'no');
  const yesNoOptions = [
    ['', t.any],
    ['yes', t.yes],
    ['no', t.no],
  ] as const;
  const phases = [...new Set(kb.editions.flatMap((e) => e.projects.map((p) => p.phase.value)))]
    .filter((p): p is number => p !== null)
    .sort((a, b) => a - b);
  return html`<form class="filters" method="get" action="/projects">
    <input type="hidden" name="lang" value="${lang}" />
    ${query.sort === undefined ? '' : html`<input type="hidden" name="sort" value="${query.sort}" />`}
    ${query.descending ? html`<input type="hidden" name="dir" value="desc" />` : ''}
    ${select('year', column('year'), query.year?.toString(), [
      ['', t.allEditions],
      ...kb.editions.map((e) => [String(e.year), t.edition(e.year)] as const).reverse(),
    ])}
    ${select('phase', column('phase'), query.filter.phase?.toString(), [
      ['', t.any],
      ...phases.map((p) => [String(p), book.get('value.phase', lang, { n: p })] as const),
    ])}
    ${select('agency', column('agency'), query.filter.agency, [
      ['', t.any],
      ...agencies(kb).map((a) => [a.ko, a[lang]] as const),
    ])}
    ${select('new', column('isNew'), bool(query.filter.isNew), yesNoOptions)}
    ${select('briefed', column('briefed'), bool(query.filter.briefed), yesNoOptions)}
    <label>${t.search}<input type="search" name="q" value="${query.search}" maxlength="100" /></label>
    <button type="submit">${t.filter}</button>
  </form>`;
}

function table(query: ProjectQuery, edition: EditionTable, book: MessageBook): SafeHtml {
  const t = PAGE_TEXT[query.language];
  const column = (key: string) => book.get(`table.column.${key}`, query.language);
  const header = (key: SortKey) => {
    const isCurrent = query.sort === key;
    const dir = isCurrent && !query.descending ? 'desc' : undefined;
    const arrow = isCurrent ? (query.descending ? ' ▼' : ' ▲') : '';
    return html`<th
      scope="col"
      aria-sort="${isCurrent ? (query.descending ? 'descending' : 'ascending') : 'none'}"
    >
      <a href="/projects${queryString(query, { sort: key, dir })}">${column(key)}${arrow}</a>
    </th>`;
  };
  return html`<section class="edition" data-year="${edition.year}">
    <h2>
      ${t.edition(edition.year)} <span class="note">${t.shown(edition.rows.length, edition.total)}</span>
    </h2>
    ${
      edition.rows.length === 0
        ? html`<p class="note">${t.noRows}</p>`
        : html`<table class="projects">
            <thead>
              <tr>
                ${SORT_KEYS.map(header)}
                <th scope="col">${column('inferred')}</th>
                <th scope="col">${column('sources')}</th>
              </tr>
            </thead>
            <tbody>
              ${edition.rows.map(
                (row) =>
                  html`<tr data-id="${row.id}">
                    <td>${row.name}</td>
                    <td>${row.agency}</td>
                    <td>${row.phase}</td>
                    <td class="num">${row.budget}</td>
                    <td>${row.isNew}</td>
                    <td>${row.briefed}</td>
                    <td>${row.inferred}</td>
                    <td class="sources">
                      ${row.sources.map((url, i) => html`<a href="${url}" rel="noopener noreferrer" target="_blank">[${i + 1}]</a>`)}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}

/** The projects page: a table per edition, the filters, sorting by column, and the CSV link. */
export function projectsPage(kb: KnowledgeBase, query: ProjectQuery): string {
  const book = new MessageBook(kb.messages);
  const t = PAGE_TEXT[query.language];
  const other = query.language === 'ko' ? 'en' : 'ko';
  const body = html`<main class="doc">
    <p><a href="/projects${queryString(query, { lang: other })}">${t.otherLanguage}</a></p>
    <h1>${t.projectsTitle}</h1>
    ${filterForm(kb, query, book)}
    <div class="bar">
      <a id="csv" href="/projects.csv${queryString(query)}" download>${t.csv}</a
      ><span class="note">${t.sourcesNote}</span>
    </div>
    ${projectTables(kb, query).map((edition) => table(query, edition, book))}
  </main>`;
  return page({
    language: query.language,
    title: t.projectsTitle,
    body,
    bodyClass: 'paper',
    script: '/assets/projects.js',
  });
}
