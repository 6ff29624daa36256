import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/core/engine.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createFactLock, type FactLock } from '../src/llm/lock/factLock.js';
import { lockKnowledgeOf } from '../src/llm/lock/knowledge.js';
import { createPhrasing, toDecidedAnswer } from '../src/llm/phrasing.js';
import type { DecidedAnswer } from '../src/llm/types.js';
import { loadRewordings } from '../test/llm/rewordings/corpus.js';
import { startOpenAIStandin } from '../test/support/openaiStandin.js';
import { percentile, printTable } from './stats.js';

const LIMIT = { maxLength: 4000 };

/**
 * Each check's time: the median of `runs` runs (a shared 2-core machine deschedules single runs for
 * milliseconds; the median of one check's runs is its own cost). Sorted ascending.
 */
function time(checks: readonly (readonly [DecidedAnswer, string])[], lock: FactLock, runs: number): number[] {
  const times: number[] = [];
  for (const [decided, text] of checks) {
    const own: number[] = [];
    for (let run = 0; run < runs; run++) {
      const s = performance.now();
      lock.check(decided, text, LIMIT);
      own.push(performance.now() - s);
    }
    times.push(own.sort((a, b) => a - b)[Math.floor(runs / 2)]!);
  }
  return times.sort((a, b) => a - b);
}

const figures = (sorted: readonly number[]) =>
  `${percentile(sorted, 50).toFixed(3)} / ${percentile(sorted, 99).toFixed(3)} ms  (${sorted.length} checks)`;

/**
 * LLM phrasing figures: the fact lock's cost per check (the template against itself, and the rewordings of
 * the test corpus), and the end-to-end answer time with a model that answers in 300 ms.
 */
export async function benchLlm(): Promise<void> {
  const kb = loadKnowledge();
  const engine = createEngine(kb);
  const questions = readFileSync(new URL('./questions.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean);
  const today = '2026-11-26';
  const decided = questions
    .map((q) => ({ q, a: engine.answer({ text: q, today }) }))
    .filter(({ a }) => a.status === 'answered' || a.status === 'unknown_fact')
    .map(({ q, a }) => toDecidedAnswer(a, q, kb));

  // A fresh lock reads each answer once (cold, one run each; the code itself warmed up on another lock);
  // later checks reuse that reading.
  const selfChecks = decided.map((d) => [d, d.text] as const);
  time(selfChecks, createFactLock(lockKnowledgeOf(kb)), 1);
  const cold = time(selfChecks, createFactLock(lockKnowledgeOf(kb)), 1);
  const lock = createFactLock(lockKnowledgeOf(kb));
  time(selfChecks, lock, 1);
  const warm = time(selfChecks, lock, 7);

  const corpus = [...loadRewordings('attack').values(), ...loadRewordings('benign').values()].flat();
  const corpusChecks = corpus.flatMap((r) => {
    const answer = engine.answer({ text: r.question, today: r.asOf ?? today, language: r.lang ?? undefined });
    return answer.status === 'answered' || answer.status === 'unknown_fact'
      ? [[toDecidedAnswer(answer, r.question, kb), r.reworded] as const]
      : [];
  });
  time(corpusChecks, lock, 1);
  const rewordings = time(corpusChecks, lock, 7);

  const llm = await startOpenAIStandin();
  const sample = decided.slice(0, 40);
  let current = '';
  llm.setBehaviour(() => ({ headerDelayMs: 300, content: JSON.stringify({ text: current }) }));
  const { phrase, phraser } = createPhrasing(
    { apiKey: 'bench', baseUrl: llm.baseURL, model: 'stand-in', budgetMs: 2500 },
    kb,
  );
  const template: number[] = [];
  const model: number[] = [];
  let accepted = 0;
  try {
    for (const d of sample) {
      let s = performance.now();
      const answer = engine.answer({ text: d.question, today });
      template.push(performance.now() - s);
      current = answer.text;
      s = performance.now();
      const result = await phrase(engine.answer({ text: d.question, today }), d.question);
      model.push(performance.now() - s);
      if (result.phrasing === 'model') accepted++;
    }
  } finally {
    await llm.close();
  }
  template.sort((a, b) => a - b);
  model.sort((a, b) => a - b);
  const stats = phraser.stats();
  printTable('LLM phrasing (real openai client, local stand-in)', [
    ['fact lock, answer read for the first time p50 / p99', figures(cold)],
    ['fact lock per check p50 / p99, template as its own rewording', figures(warm)],
    ['fact lock per check p50 / p99, the corpus rewordings', figures(rewordings)],
    [
      'template path p50 / p99',
      `${percentile(template, 50).toFixed(3)} / ${percentile(template, 99).toFixed(3)} ms  (${template.length} answers)`,
    ],
    [
      'model path, stand-in answers in 300 ms: p50 / p99',
      `${percentile(model, 50).toFixed(1)} / ${percentile(model, 99).toFixed(1)} ms`,
    ],
    [
      'model phrasings accepted by the fact lock',
      `${accepted} / ${sample.length}  (fallbacks: ${JSON.stringify(stats.fallbacks)})`,
    ],
  ]);
}
