import OpenAI from 'openai';
import type { Answer } from '../core/types.js';
import type { KnowledgeBase } from '../knowledge/parse.js';
import { createFactLock } from './lock/factLock.js';
import { lockKnowledgeOf } from './lock/knowledge.js';
import { createPhraser, type KeyvLike, type Phraser, type PhraserLogger } from './phraser/phraser.js';
import { formatModelNotice } from './phraser/prompt.js';
import type { DecidedAnswer } from './types.js';

export interface PhrasingSettings {
  readonly apiKey: string;
  readonly baseUrl?: string | undefined;
  readonly model: string;
  readonly budgetMs: number;
}

/** What an adapter shows: the text, which kind it is, and the small print for a model wording. */
export interface PhrasedText {
  readonly text: string;
  readonly phrasing: 'model' | 'template';
  readonly notice?: string | undefined;
  readonly reason?: string | undefined;
}

/** Whether an answer may be reworded at all: rejected, no-match and clarify answers never are. */
/** Only answered and unknown-fact answers are ever reworded; every other status is sent as decided. */
export function isPhrasable(answer: Answer): answer is Answer & { status: DecidedAnswer['status'] } {
  return answer.status === 'answered' || answer.status === 'unknown_fact';
}

/** The decided answer as the phrasing layer sees it. */
export function toDecidedAnswer(answer: Answer, question: string, kb: KnowledgeBase): DecidedAnswer {
  if (!isPhrasable(answer)) throw new Error(`an answer with status ${answer.status} is never phrased`);
  return {
    status: answer.status,
    language: answer.language,
    question,
    text: answer.text,
    facts: answer.facts,
    keyFacts: answer.keyFacts,
    projects: answer.projects,
    verdict: answer.verdict,
    sources: answer.sources,
    hasInferred: answer.hasInferred,
    kbVersion: kb.version,
  };
}

/** Builds the phraser for an OpenAI-compatible server and the fact lock of `kb`; one request, no retries. */
export function createPhrasing(
  settings: PhrasingSettings,
  kb: KnowledgeBase,
  options: { cache?: KeyvLike; logger?: PhraserLogger } = {},
): { phraser: Phraser; phrase: (answer: Answer, question: string) => Promise<PhrasedText> } {
  const client = new OpenAI({
    apiKey: settings.apiKey,
    ...(settings.baseUrl !== undefined ? { baseURL: settings.baseUrl } : {}),
    timeout: settings.budgetMs,
    maxRetries: 0,
  });
  const phraser = createPhraser({
    client,
    model: settings.model,
    lock: createFactLock(lockKnowledgeOf(kb)),
    budgetMs: settings.budgetMs,
    ...(options.cache !== undefined ? { cache: options.cache } : {}),
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  return {
    phraser,
    async phrase(answer, question) {
      // no_match, rejected (and any status but these two) never reach the model.
      if (!isPhrasable(answer)) return { text: answer.text, phrasing: 'template' };
      const result = await phraser.phrase(toDecidedAnswer(answer, question, kb));
      return result.phrasing === 'model'
        ? { text: result.text, phrasing: 'model', notice: formatModelNotice(answer.language) }
        : { text: answer.text, phrasing: 'template', reason: result.reason };
    },
  };
}
