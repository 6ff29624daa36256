import type { Engine } from '../core/engine.js';
import type { Answer, Language } from '../core/types.js';
import type { PhrasedText } from '../llm/phrasing.js';
import { NO_METRICS, type Metrics } from '../shared/metrics.js';
import { questionOf, runRequest, type AnswerRequest } from './request.js';

/**
 * Rewords a decided answer (LLM phrasing under the fact lock). It alone decides whether an
 * answer may be reworded (`isPhrasable` in src/llm/phrasing.ts): any other answer comes back as
 * the engine wrote it, as a template without a reason.
 */
export type Phrase = (answer: Answer, question: string) => Promise<PhrasedText>;

/** An answer ready for an adapter to render: the engine's answer and the text to show. */
export interface Reply {
  readonly answer: Answer;
  /** The model's rewording when it was accepted, otherwise the engine's text. */
  readonly text: string;
  /** `model`: reworded (the adapter adds its small print); `template`: as decided; null: phrasing is off. */
  readonly phrasing: 'model' | 'template' | null;
}

export interface AnswerPathOptions {
  readonly phrase?: Phrase | undefined;
  readonly metrics?: Metrics | undefined;
}

/**
 * The one way from a question to a reply, for every surface (slash commands, buttons, pickers,
 * mentions, the console, `npm run ask`, a briefing's auto-answers): the engine decides, phrasing
 * may reword, and the adapter renders the {@link Reply}.
 */
export class AnswerPath {
  private readonly metrics: Metrics;

  constructor(
    readonly engine: Engine,
    private readonly options: AnswerPathOptions = {},
  ) {
    this.metrics = options.metrics ?? NO_METRICS;
  }

  /** True when replies may wait on a model (an adapter with a deadline acknowledges first). */
  get rewords(): boolean {
    return this.options.phrase !== undefined;
  }

  /** The engine's answer to a request. */
  decide(request: AnswerRequest, language: Language, today: string): Answer {
    return runRequest(this.engine, request, language, today);
  }

  /** The reply for a decided answer: reworded when phrasing is on and the answer may be. */
  async word(answer: Answer, question: string): Promise<Reply> {
    const { phrase } = this.options;
    if (phrase === undefined) return { answer, text: answer.text, phrasing: null };
    const phrased = await phrase(answer, question);
    // A template without a reason was never offered to the model: nothing to count.
    if (phrased.phrasing === 'model' || phrased.reason !== undefined)
      this.metrics.phrasing(phrased.phrasing, phrased.reason);
    return { answer, text: phrased.text, phrasing: phrased.phrasing };
  }

  /** Decides and words a request; `title` stands for the question of a typed lookup. */
  async ask(request: AnswerRequest, language: Language, today: string, title?: string): Promise<Reply> {
    return this.word(this.decide(request, language, today), questionOf(request, title));
  }
}
