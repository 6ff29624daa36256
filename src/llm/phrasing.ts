import OpenAI from 'openai';
import type { Answer } from '../core/types.js';
import type { KnowledgeBase } from '../knowledge/parse.js';
import {
  createPhraser,
  formatModelNotice,
  type KeyvLike,
  type Phraser,
  type PhraserLogger,
} from './phraser.js';
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

const namesByKb = new WeakMap<KnowledgeBase, readonly string[]>();

/** Only distinctive names (a shared word like "클라우드" would flag ordinary wording), built once per knowledge base. */
function distinctiveNames(kb: KnowledgeBase): readonly string[] {
  let names = namesByKb.get(kb);
  if (names === undefined) {
    names = kb.projects.flatMap((p) => [p.name.ko, p.name.en, ...p.aliases.ko.filter((a) => a.length >= 3)]);
    namesByKb.set(kb, names);
  }
  return names;
}

/** Everything the fact lock needs from a decided answer. */
export function toDecidedAnswer(answer: Answer, question: string, kb: KnowledgeBase): DecidedAnswer {
  if (answer.status !== 'answered' && answer.status !== 'unknown_fact') {
    throw new Error(`an answer with status ${answer.status} is never phrased`);
  }
  const namesOf = (id: string) => {
    const p = kb.projects.find((project) => project.id === id);
    return p ? [p.name.ko, p.name.en, ...p.aliases.ko, ...p.aliases.en] : [];
  };
  return {
    status: answer.status,
    language: answer.language,
    question,
    text: answer.text,
    facts: answer.facts,
    keyFacts: answer.keyFacts,
    projectNames: answer.projects.flatMap(namesOf),
    allProjectNames: distinctiveNames(kb),
    verdict: answer.verdict,
    sources: answer.sources,
    kbVersion: kb.version,
  };
}

/** Builds the phraser for an OpenAI-compatible server; one request, no retries, within the budget. */
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
    budgetMs: settings.budgetMs,
    ...(options.cache !== undefined ? { cache: options.cache } : {}),
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  return {
    phraser,
    async phrase(answer, question) {
      // no_match and rejected answers are never sent to the model.
      if (answer.status !== 'answered' && answer.status !== 'unknown_fact')
        return { text: answer.text, phrasing: 'template' };
      const result = await phraser.phrase(toDecidedAnswer(answer, question, kb));
      return result.phrasing === 'model'
        ? { text: result.text, phrasing: 'model', notice: formatModelNotice(answer.language) }
        : { text: answer.text, phrasing: 'template', reason: result.reason };
    },
  };
}
