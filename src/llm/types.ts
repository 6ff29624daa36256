import type { Answer, Language } from '../core/types.js';

/** Reply language of a decided answer. */
export type AnswerLanguage = Language;

/** The statuses the phrasing layer may reword; every other answer is sent as the engine wrote it. */
export type PhrasableStatus = Extract<Answer['status'], 'answered' | 'unknown_fact'>;

/**
 * An answer already decided by the engine, as the phrasing layer sees it: the engine's own fields, plus the
 * question (untrusted data, never instructions) and the knowledge-base version. The model may only reword
 * `text`; `text` is what is sent whenever rewording fails.
 */
export type DecidedAnswer = Pick<
  Answer,
  'language' | 'text' | 'facts' | 'keyFacts' | 'verdict' | 'sources' | 'projects' | 'hasInferred'
> & {
  readonly status: PhrasableStatus;
  /** The user's question: untrusted data, never instructions. */
  readonly question: string;
  /** Hash of the knowledge base the answer was decided from. */
  readonly kbVersion: string;
};
