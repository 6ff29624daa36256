import { pino } from 'pino';
import type { Env } from '../config/env.js';
import type { KnowledgeBase } from '../knowledge/parse.js';
import type { Answer } from '../core/types.js';
import type { PhrasedText } from '../llm/phrasing.js';
import { openStores, type Stores } from './storage/index.js';

export interface OpenPhrasing {
  readonly phrase: (answer: Answer, question: string) => Promise<PhrasedText>;
  close(): Promise<void>;
}

/**
 * LLM phrasing for the console and `npm run ask`, when OPENAI_API_KEY is set (null otherwise),
 * with accepted phrasings cached in the configured store.
 */
export async function openPhrasing(
  env: Env,
  kb: KnowledgeBase,
  stores?: Stores,
): Promise<OpenPhrasing | null> {
  if (env.OPENAI_API_KEY === undefined) return null;
  // Loaded only when phrasing is on: the openai package is large and otherwise unused.
  const { createPhrasing } = await import('../llm/phrasing.js');
  const own = stores === undefined;
  const store = stores ?? (await openStores({ storePath: env.STORE_PATH, redisUrl: env.REDIS_URL }));
  const { phrase } = createPhrasing(
    {
      apiKey: env.OPENAI_API_KEY,
      baseUrl: env.OPENAI_BASE_URL,
      model: env.OPENAI_MODEL,
      budgetMs: env.PHRASING_BUDGET_MS,
    },
    kb,
    // Every fact-lock rejection and fallback is logged (stderr) with its reason.
    { cache: store.phrasing, logger: pino({ level: env.LOG_LEVEL }, pino.destination(2)) },
  );
  return {
    phrase,
    close: async () => {
      if (own) await store.close();
    },
  };
}
