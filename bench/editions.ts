import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/core/engine.js';
import { DEFAULT_KNOWLEDGE_DIR, readKnowledgeFiles } from '../src/knowledge/load.js';
import { parseKnowledge } from '../src/knowledge/parse.js';
import { percentile, printTable } from './stats.js';

/**
 * The real knowledge base with `count` editions: the real ones, then copies of the newest with their
 * year, announcement and year-bearing texts moved on, so every copy is a distinct edition of the
 * same size.
 */
export function syntheticFilesForBench(count: number): Record<string, string> {
  const files = readKnowledgeFiles(DEFAULT_KNOWLEDGE_DIR);
  const years = Object.keys(files)
    .flatMap((path) => /^editions\/(\d{4})\//.exec(path)?.[1] ?? [])
    .map(Number);
  const newest = Math.max(...years);
  const real = new Set(years).size;
  for (let i = 1; i <= count - real; i++) {
    const year = newest + i;
    for (const name of ['program.yaml', 'projects.yaml']) {
      const text = files[`editions/${newest}/${name}`]!;
      files[`editions/${year}/${name}`] = text
        .replace(/^( {2}year: )\d{4}/m, `$1${year}`)
        .replace(/^( {2}announced: )\d{4}/m, `$1${year}`)
        // Not inside source ids (zdnet-2022-program). Every project continues under its id, as a
        // project running over several years does.
        .replace(new RegExp(`(?<!-)${newest}(?!-[a-z])`, 'g'), String(year));
    }
  }
  return files;
}

/** How load, index, answer latency and memory grow with the number of editions. */
export function benchEditions(): void {
  const questions = readFileSync(new URL('./questions.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean);
  const rows: [string, string][] = [];
  for (const count of [2, 10, 50]) {
    const files = syntheticFilesForBench(count);
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const kb = parseKnowledge(files);
    const t1 = performance.now();
    const engine = createEngine(kb);
    const t2 = performance.now();
    const heap = process.memoryUsage().heapUsed - before;
    for (let i = 0; i < 2; i++) for (const text of questions) engine.answer({ text, today: '2099-12-31' });
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++)
      for (const text of questions) {
        const s = performance.now();
        engine.answer({ text, today: '2099-12-31' });
        latencies.push(performance.now() - s);
      }
    latencies.sort((a, b) => a - b);
    rows.push([
      `${count} editions (${kb.projects.length} project records, ${kb.topics.length} topics)`,
      `load ${(t1 - t0).toFixed(0)} ms + index ${(t2 - t1).toFixed(0)} ms; answer p50 ${percentile(latencies, 50).toFixed(3)} ms, p99 ${percentile(latencies, 99).toFixed(3)} ms; heap +${(heap / 1024 / 1024).toFixed(1)} MB`,
    ]);
  }
  printTable(
    'editions (synthetic copies of the newest; targets: p99 ≤ 1 ms at 10, load ≤ 500 ms at 50)',
    rows,
  );
}
