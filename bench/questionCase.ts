import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonAnswer } from '../src/core/types.js';

/** One written question with what a right answer must show (see bench/grade.ts). */
export interface QuestionCase {
  id: string;
  area?: string;
  q: string;
  asOf?: string;
  why?: string;
  expect: {
    status: string | string[];
    verdict?: string | null;
    projects?: string[];
    mustContain?: (string | string[])[];
    mustNotContain?: string[];
  };
}

export const DEFAULT_TODAY = '2026-11-30';

export function readCases(file: string): QuestionCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as QuestionCase);
}

function readTree(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? readTree(path) : readFileSync(path, 'utf8')))
    .join('\n');
}

const numbersIn = (text: string) =>
  (text.replace(/,(?=\d{3})/g, '').match(/\d+(?:\.\d+)?/g) ?? []).map((n) => n.replace(/^0+(?=\d)/, ''));

/** Every number the knowledge base states, to tell a number the answer made up. */
export function knownNumbers(knowledgeDir: string): Set<string> {
  return new Set(numbersIn(readTree(knowledgeDir)));
}

/**
 * What is wrong with an answer, if anything. A wrong verdict (allowed ↔ not_allowed) and a number in
 * neither the knowledge base nor the question are reported apart: they are the worst failures.
 */
export function checkAnswer(
  c: QuestionCase,
  a: JsonAnswer,
  known: ReadonlySet<string>,
): { problems: string[]; wrongVerdict: boolean; invented: string[] } {
  const problems: string[] = [];
  const statuses = Array.isArray(c.expect.status) ? c.expect.status : [c.expect.status];
  if (!statuses.includes(a.status)) problems.push(`status ${a.status}, expected ${statuses.join('|')}`);
  // Every answer says something, whatever the set expects.
  if (a.text.trim() === '') problems.push('empty answer text');
  let wrongVerdict = false;
  if (c.expect.verdict !== undefined && a.verdict !== c.expect.verdict) {
    problems.push(`verdict ${a.verdict}, expected ${c.expect.verdict}`);
    wrongVerdict =
      (a.verdict === 'allowed' && c.expect.verdict === 'not_allowed') ||
      (a.verdict === 'not_allowed' && c.expect.verdict === 'allowed');
  }
  for (const id of c.expect.projects ?? [])
    if (!a.projects.includes(id)) problems.push(`projects ${JSON.stringify(a.projects)} lack ${id}`);
  const searchable = [a.text, ...a.sources.flatMap((s) => [s.title, s.url])].join('\n');
  for (const want of c.expect.mustContain ?? []) {
    const options = Array.isArray(want) ? want : [want];
    if (!options.some((o) => searchable.includes(o)))
      problems.push(`missing one of ${JSON.stringify(options)}`);
  }
  for (const unwanted of c.expect.mustNotContain ?? [])
    if (a.text.includes(unwanted)) problems.push(`contains ${JSON.stringify(unwanted)}`);
  const allowed = new Set([
    ...known,
    ...numbersIn(c.q),
    ...numbersIn(c.asOf ?? DEFAULT_TODAY),
    String([...c.q].length), // a rejection restates the question's length
  ]);
  const invented = numbersIn(a.text).filter((n) => !allowed.has(n));
  if (invented.length > 0)
    problems.push(`numbers in neither the knowledge base nor the question: ${invented.join(', ')}`);
  return { problems, wrongVerdict, invented };
}
