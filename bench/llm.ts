import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/core/engine.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { checkRewording } from '../src/llm/factLock.js';
import { createPhrasing, toDecidedAnswer } from '../src/llm/phrasing.js';
import { startOpenAIStandin } from '../test/support/openaiStandin.js';
import { percentile, printTable } from './stats.js';

/**
 * LLM phrasing figures: the fact lock's cost per answer, and the end-to-end answer time with a
 * model that answers in 300 ms, next to the template path in the same run.
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

  // Fact lock: the template checked against itself does the full extraction and comparison.
  for (const d of decided) checkRewording(d, d.text, { maxLength: 4000 });
  const lock: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    for (const d of decided) {
      const s = performance.now();
      checkRewording(d, d.text, { maxLength: 4000 });
      lock.push(performance.now() - s);
    }
  }
  lock.sort((a, b) => a - b);

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
    ['fact lock per answer p50', `${percentile(lock, 50).toFixed(3)} ms  (${lock.length} checks)`],
    ['fact lock per answer p99', `${percentile(lock, 99).toFixed(3)} ms`],
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
