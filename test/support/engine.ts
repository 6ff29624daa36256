import { createEngine, type Engine } from '../../src/core/engine.js';
import { toJsonAnswer, type JsonAnswer, type Language } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

let shared: Engine | undefined;

/** The engine over the repository's real knowledge base (loaded once per test file). */
export function realEngine(): Engine {
  shared ??= createEngine(loadKnowledge());
  return shared;
}

export function ask(text: string, options: { today?: string; language?: Language } = {}): JsonAnswer {
  return toJsonAnswer(
    realEngine().answer({ text, today: options.today ?? '2026-11-26', language: options.language }),
  );
}
