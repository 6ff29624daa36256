import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/core/engine.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { percentile, printTable } from './stats.js';

/** Engine figures: knowledge load and index time, answer latency, throughput, RSS. */
export function benchEngine(): void {
  const t0 = performance.now();
  const kb = loadKnowledge();
  const t1 = performance.now();
  const engine = createEngine(kb);
  const t2 = performance.now();

  // The bench's own questions plus the reviewer-written paraphrases kept as regression cases.
  const paraphrases = readFileSync(new URL('../test/fixtures/paraphrases.jsonl', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { q: string }).q);
  const questions = [
    ...readFileSync(new URL('./questions.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean),
    ...paraphrases,
  ];
  // Variants so the set is larger than the distinct questions and spacing/case differ.
  const set = [
    ...questions,
    ...questions.map((q) => q.replace(/ /g, '  ')),
    ...questions.map((q) => q.toUpperCase()),
  ];
  const today = '2026-11-26';
  for (let i = 0; i < 3; i++) for (const text of set) engine.answer({ text, today });

  const latencies: number[] = [];
  const passes = 5;
  const start = performance.now();
  for (let pass = 0; pass < passes; pass++) {
    for (const text of set) {
      const s = performance.now();
      engine.answer({ text, today });
      latencies.push(performance.now() - s);
    }
  }
  const elapsed = performance.now() - start;
  latencies.sort((a, b) => a - b);

  printTable('answer engine (one core, real knowledge base)', [
    ['knowledge load (read + YAML + zod + checks)', `${(t1 - t0).toFixed(1)} ms`],
    ['index build', `${(t2 - t1).toFixed(1)} ms`],
    ['load + index', `${(t2 - t0).toFixed(1)} ms  (target ≤ 200 ms)`],
    ['questions (distinct × 3 variants)', `${set.length}  × ${passes} passes = ${latencies.length} answers`],
    ['answer latency p50', `${percentile(latencies, 50).toFixed(3)} ms`],
    ['answer latency p99', `${percentile(latencies, 99).toFixed(3)} ms  (target ≤ 1 ms)`],
    ['answer latency max', `${latencies.at(-1)!.toFixed(3)} ms`],
    [
      'throughput',
      `${Math.round(latencies.length / (elapsed / 1000)).toLocaleString('en-US')} answers/s  (target ≥ 5,000)`,
    ],
    ['process RSS', `${(process.memoryUsage().rss / 1024 / 1024).toFixed(1)} MB`],
  ]);
}
