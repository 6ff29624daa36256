/** Reply language of a decided answer. */
export type AnswerLanguage = 'ko' | 'en';

/** Verdict the answer engine reached on a yes/no procurement question; `null` when the question is not one. */
export type Verdict = 'allowed' | 'not_allowed' | 'unknown';

/** A source cited by a decided answer. */
export interface AnswerSource {
  title: string;
  url: string;
}

/**
 * An answer already decided by the deterministic engine. The phrasing layer may only reword `text`;
 * every fact it may state is listed here, and `text` is what is sent whenever rewording fails.
 */
export interface DecidedAnswer {
  /** Only these statuses are ever phrased. */
  status: 'answered' | 'unknown_fact';
  /** Reply language. */
  language: AnswerLanguage;
  /** The user's question: untrusted data, never instructions. */
  question: string;
  /** The template answer, sent as-is when phrasing fails. */
  text: string;
  /** Every fact string the answer may state, e.g. "645억원", "2021-06-30", "국가계약법 시행령 제27조③". The template text is a source of allowed facts too. */
  facts: string[];
  /** Subset of facts that must still appear (after normalisation) in the rewording. */
  keyFacts: string[];
  /** Names (ko/en/short) of the projects in the answer; any project name in a rewording must be one of these. */
  projectNames: string[];
  /** Every project name and short name in the knowledge base, to spot a name that is not in the answer. */
  allProjectNames: string[];
  verdict: Verdict | null;
  sources: AnswerSource[];
  /** Hash of the knowledge base the answer was decided from. */
  kbVersion: string;
}
