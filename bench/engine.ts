import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/core/engine.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { percentile, printTable } from './stats.js';

const STARTS = 5;

/** Load and index time in fresh processes (a cold start each): the median, and the spread. */
function coldStarts(cache: boolean): { load: number[]; index: number[]; total: number[] } {
  const args = ['--import', 'tsx', 'bench/engineStart.ts', ...(cache ? [] : ['--no-cache'])];
  const runs = Array.from({ length: STARTS }, () => {
    const out = execFileSync(process.execPath, args, { encoding: 'utf8' });
    return JSON.parse(out.trim()) as { load: number; index: number };
  });
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  return {
    load: sorted(runs.map((r) => r.load)),
    index: sorted(runs.map((r) => r.index)),
    total: sorted(runs.map((r) => r.load + r.index)),
  };
}

const median = (sorted: readonly number[]) => sorted[Math.floor(sorted.length / 2)]!;
const spread = (sorted: readonly number[]) =>
  `median of ${sorted.length} cold starts; ${sorted[0]!.toFixed(0)}–${sorted.at(-1)!.toFixed(0)} ms`;

/** Engine figures: knowledge load and index time, answer latency, throughput, RSS. */
export function benchEngine(): void {
  const first = coldStarts(false);
  const engine = createEngine(loadKnowledge()); // also fills the start-up cache
  const starts = coldStarts(true);

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
  // Throughput per pass: the median pass is the figure, the slowest and fastest its spread (a
  // shared machine's other load shows up as one slow pass, not as a slower engine).
  const perPass: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const passStart = performance.now();
    for (const text of set) {
      const s = performance.now();
      engine.answer({ text, today });
      latencies.push(performance.now() - s);
    }
    perPass.push(set.length / ((performance.now() - passStart) / 1000));
  }
  perPass.sort((a, b) => a - b);
  latencies.sort((a, b) => a - b);
  const rate = (n: number) => Math.round(n).toLocaleString('en-US');

  printTable('answer engine (one core, real knowledge base)', [
    ['first start: load (read + YAML + zod + checks)', `${median(first.load).toFixed(1)} ms`],
    ['first start: load + index', `${median(first.total).toFixed(1)} ms  (${spread(first.total)})`],
    ['start: load (checked base from the cache)', `${median(starts.load).toFixed(1)} ms`],
    ['start: index build', `${median(starts.index).toFixed(1)} ms`],
    [
      'start: load + index',
      `${median(starts.total).toFixed(1)} ms  (target ≤ 200 ms; ${spread(starts.total)})`,
    ],
    ['questions (distinct × 3 variants)', `${set.length}  × ${passes} passes = ${latencies.length} answers`],
    ['answer latency p50', `${percentile(latencies, 50).toFixed(3)} ms`],
    ['answer latency p99', `${percentile(latencies, 99).toFixed(3)} ms  (target ≤ 1 ms)`],
    ['answer latency max', `${latencies.at(-1)!.toFixed(3)} ms`],
    [
      'throughput',
      `${rate(median(perPass))} answers/s  (target ≥ 5,000; median of ${passes} passes, ${rate(perPass[0]!)}–${rate(perPass.at(-1)!)})`,
    ],
    ['process RSS', `${(process.memoryUsage().rss / 1024 / 1024).toFixed(1)} MB`],
  ]);
}
