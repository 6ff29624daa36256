/**
 * Grades a question set (JSON lines) against the answer engine and prints the pass rate, by area,
 * with every failure. Usage: npm run grade -- <file.jsonl> [--json] [--knowledge DIR]
 *
 * Each line: {"id", "area", "q", "asOf"?, "expect": {"status": string | string[], "verdict"?,
 * "projects"? (must be among the answer's), "mustContain"? (each entry, or one of an array entry),
 * "mustNotContain"?}}. A wrong verdict (allowed ↔ not_allowed) and a number in the answer that is in
 * neither the knowledge base nor the question are counted apart: they are the worst failures.
 */
import { parseArgs } from 'node:util';
import { createEngine } from '../src/core/engine.js';
import { toJsonAnswer } from '../src/core/types.js';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../src/knowledge/load.js';
import { checkAnswer, DEFAULT_TODAY, knownNumbers, readCases } from './questionCase.js';

const { values, positionals } = parseArgs({
  options: { json: { type: 'boolean', default: false }, knowledge: { type: 'string' } },
  allowPositionals: true,
});
if (positionals.length === 0) {
  console.error('usage: npm run grade -- <file.jsonl> [--json] [--knowledge DIR]');
  process.exit(2);
}
const knowledgeDir = values.knowledge ?? DEFAULT_KNOWLEDGE_DIR;
const known = knownNumbers(knowledgeDir);
const engine = createEngine(loadKnowledge(knowledgeDir));

const results = positionals.flatMap((file) =>
  readCases(file).map((c) => {
    const a = toJsonAnswer(engine.answer({ text: c.q, today: c.asOf ?? DEFAULT_TODAY }));
    return { c, a, ...checkAnswer(c, a, known) };
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
