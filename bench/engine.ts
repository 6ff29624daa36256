import { execFileSync } from 'node:child_process';
import { percentile, printTable } from './stats.js';

const STARTS = 5;

/** One run of bench/engineRun.mjs (the built engine in a fresh process), its JSON line parsed. */
function run(...args: string[]): unknown {
  const out = execFileSync(process.execPath, ['bench/engineRun.mjs', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim());
}

/** Load and index time in fresh processes (a cold start each): the median, and the spread. */
function coldStarts(cache: boolean): { load: number[]; index: number[]; total: number[] } {
  const runs = Array.from(
    { length: STARTS },
    () => run('start', ...(cache ? [] : ['--no-cache'])) as { load: number; index: number },
  );
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

/**
 * Engine figures: knowledge load and index time, answer latency, throughput, RSS. The engine runs
 * as production runs it, built JavaScript (`npm run build`), each figure in its own fresh process.
 */
export function benchEngine(): void {
  execFileSync(process.execPath, ['scripts/ensure-built.mjs'], { stdio: 'inherit' });
  const first = coldStarts(false);
  run('start'); // fills the start-up cache
  const starts = coldStarts(true);
  const answers = run('answers') as {
    questions: number;
    latencies: number[];
    perPass: number[];
    rss: number;
  };
  const latencies = [...answers.latencies].sort((a, b) => a - b);
  const perPass = [...answers.perPass].sort((a, b) => a - b);
  const passes = perPass.length;
  const rate = (n: number) => Math.round(n).toLocaleString('en-US');

  printTable('answer engine (one core, real knowledge base, built JavaScript)', [
    ['first start: load (read + YAML + zod + checks)', `${median(first.load).toFixed(1)} ms`],
    ['first start: load + index', `${median(first.total).toFixed(1)} ms  (${spread(first.total)})`],
    ['start: load (checked base from the cache)', `${median(starts.load).toFixed(1)} ms`],
    ['start: index build', `${median(starts.index).toFixed(1)} ms`],
    [
      'start: load + index',
      `${median(starts.total).toFixed(1)} ms  (target ≤ 200 ms; ${spread(starts.total)})`,
    ],
    [
      'questions (distinct × 3 variants)',
      `${answers.questions}  × ${passes} passes = ${latencies.length} answers`,
    ],
    ['answer latency p50', `${percentile(latencies, 50).toFixed(3)} ms`],
    ['answer latency p99', `${percentile(latencies, 99).toFixed(3)} ms  (target ≤ 1 ms)`],
    ['answer latency max', `${latencies.at(-1)!.toFixed(3)} ms`],
    [
      'throughput',
      `${rate(median(perPass))} answers/s  (target ≥ 5,000; median of ${passes} passes, ${rate(perPass[0]!)}–${rate(perPass.at(-1)!)})`,
    ],
    ['process RSS', `${answers.rss.toFixed(1)} MB`],
  ]);
}
