// The engine as production runs it: the built JavaScript (dist/), in a fresh process.
//   node bench/engineRun.mjs start [--no-cache]  one cold start: load (and check) the knowledge base, then index it
//   node bench/engineRun.mjs answers             answer latency and throughput over the bench questions
// Prints one JSON line; bench/engine.ts runs it and prints the table.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { URL } from 'node:url';

const { createEngine } = await import('../dist/src/core/engine.js');
const { loadKnowledge } = await import('../dist/src/knowledge/load.js');
const [mode, ...flags] = process.argv.slice(2);

if (mode === 'start') {
  const noCache = flags.includes('--no-cache');
  const t0 = performance.now();
  const kb = loadKnowledge(undefined, noCache ? { cacheDir: null } : {});
  const t1 = performance.now();
  createEngine(kb);
  const t2 = performance.now();
  process.stdout.write(`${JSON.stringify({ load: t1 - t0, index: t2 - t1 })}\n`);
} else if (mode === 'answers') {
  const engine = createEngine(loadKnowledge());
  // The bench's own questions plus the reviewer-written paraphrases kept as regression cases.
  const lines = (url) =>
    readFileSync(new URL(url, import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean);
  const questions = [
    ...lines('./questions.txt'),
    ...lines('../test/fixtures/paraphrases.jsonl').map((line) => JSON.parse(line).q),
  ];
  // Variants so the set is larger than the distinct questions and spacing/case differ.
  const set = [
    ...questions,
    ...questions.map((q) => q.replace(/ /g, '  ')),
    ...questions.map((q) => q.toUpperCase()),
  ];
  const today = '2026-11-26';
  for (let i = 0; i < 3; i++) for (const text of set) engine.answer({ text, today });
  const latencies = [];
  // Throughput per pass: the median pass is the figure, the slowest and fastest its spread (a
  // shared machine's other load shows up as one slow pass, not as a slower engine).
  const perPass = [];
  for (let pass = 0; pass < 5; pass++) {
    const passStart = performance.now();
    for (const text of set) {
      const s = performance.now();
      engine.answer({ text, today });
      latencies.push(performance.now() - s);
    }
    perPass.push(set.length / ((performance.now() - passStart) / 1000));
  }
  const rss = process.memoryUsage().rss / 1024 / 1024;
  process.stdout.write(`${JSON.stringify({ questions: set.length, latencies, perPass, rss })}\n`);
} else {
  process.stderr.write('usage: node bench/engineRun.mjs start [--no-cache] | answers\n');
  process.exit(2);
}
