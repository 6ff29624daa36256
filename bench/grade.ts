/**
 * Grades a question set (JSON lines) against the answer engine and prints the pass rate, by area,
 * with every failure. Usage: npm run grade -- <file.jsonl> [--json] [--knowledge DIR]
 *
 * Each line: {"id", "area", "q", "asOf"?, "expect": {"status": string | string[], "verdict"?,
 * "projects"? (must be among the answer's), "mustContain"? (each entry, or one of an array entry),
 * "mustNotContain"?}}. A wrong verdict (allowed ↔ not_allowed) and a number in the answer that is in
 * neither the knowledge base nor the question are counted apart: they are the worst failures.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/core/engine.js';
import { toJsonAnswer, type JsonAnswer } from '../src/core/types.js';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../src/knowledge/load.js';

interface Case {
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

const { values, positionals } = parseArgs({
  options: { json: { type: 'boolean', default: false }, knowledge: { type: 'string' } },
  allowPositionals: true,
});
if (positionals.length === 0) {
  console.error('usage: npm run grade -- <file.jsonl> [--json] [--knowledge DIR]');
  process.exit(2);
}

function readTree(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? readTree(path) : readFileSync(path, 'utf8')))
    .join('\n');
}
const numbersIn = (text: string) =>
  (text.replace(/,(?=\d{3})/g, '').match(/\d+(?:\.\d+)?/g) ?? []).map((n) => n.replace(/^0+(?=\d)/, ''));
const knowledgeDir = values.knowledge ?? DEFAULT_KNOWLEDGE_DIR;
const knownNumbers = new Set(numbersIn(readTree(knowledgeDir)));
const engine = createEngine(loadKnowledge(knowledgeDir));
const DEFAULT_TODAY = '2026-11-30';

function check(c: Case, a: JsonAnswer): { problems: string[]; wrongVerdict: boolean; invented: string[] } {
  const problems: string[] = [];
  const statuses = Array.isArray(c.expect.status) ? c.expect.status : [c.expect.status];
  if (!statuses.includes(a.status)) problems.push(`status ${a.status}, expected ${statuses.join('|')}`);
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
    ...knownNumbers,
    ...numbersIn(c.q),
    ...numbersIn(c.asOf ?? DEFAULT_TODAY),
    String([...c.q].length), // a rejection restates the question's length
  ]);
  const invented = numbersIn(a.text).filter((n) => !allowed.has(n));
  if (invented.length > 0)
    problems.push(`numbers in neither the knowledge base nor the question: ${invented.join(', ')}`);
  return { problems, wrongVerdict, invented };
}

const results = positionals.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Case)
    .map((c) => {
      const a = toJsonAnswer(engine.answer({ text: c.q, today: c.asOf ?? DEFAULT_TODAY }));
      return { c, a, ...check(c, a) };
    }),
);

if (values.json) {
  for (const r of results)
    console.log(
      JSON.stringify({
        id: r.c.id,
        area: r.c.area,
        pass: r.problems.length === 0,
        problems: r.problems,
        answer: r.a,
      }),
    );
} else {
  const byArea = new Map<string, { pass: number; total: number }>();
  for (const r of results) {
    const area = r.c.area ?? '-';
    const s = byArea.get(area) ?? { pass: 0, total: 0 };
    s.total++;
    if (r.problems.length === 0) s.pass++;
    byArea.set(area, s);
  }
  for (const r of results.filter((x) => x.problems.length > 0)) {
    console.log(`✗ ${r.c.id} [${r.c.area ?? '-'}] ${r.c.q}`);
    for (const p of r.problems) console.log(`    ${p}`);
    console.log(
      `    got ${r.a.status}/${r.a.verdict ?? '-'}: ${r.a.text.split('\n').slice(0, 3).join(' ⏎ ').slice(0, 220)}`,
    );
  }
  console.log('\narea                 pass / total');
  for (const [area, s] of [...byArea.entries()].sort())
    console.log(`${area.padEnd(20)} ${String(s.pass).padStart(4)} / ${s.total}`);
  const pass = results.filter((r) => r.problems.length === 0).length;
  console.log(
    `\nfirst-run style pass rate: ${pass}/${results.length} = ${((pass / results.length) * 100).toFixed(1)}%` +
      `; wrong verdicts: ${results.filter((r) => r.wrongVerdict).length}` +
      `; answers with invented numbers: ${results.filter((r) => r.invented.length > 0).length}`,
  );
}
