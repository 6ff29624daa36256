/** Reply language of a decided answer. */
export type AnswerLanguage = 'ko' | 'en';

/** Verdict the answer engine reached on a yes/no procurement question; `null` when the question is not one. */
export type Verdict = 'allowed' | 'not_allowed' | 'unknown';

/** A source cited by a decided answer. */
export interface AnswerSource {
  readonly title: string;
  readonly url: string;
}

/**
 * An answer already decided by the deterministic engine. The phrasing layer may only reword `text`;
 * every fact it may state is listed here, and `text` is what is sent whenever rewording fails.
 * Fields are readonly so the engine's readonly arrays can be passed as they are.
 */
export interface DecidedAnswer {
  /** Only these statuses are ever phrased. */
  readonly status: 'answered' | 'unknown_fact';
  /** Reply language. */
  readonly language: AnswerLanguage;
  /** The user's question: untrusted data, never instructions. */
  readonly question: string;
  /** The template answer, sent as-is when phrasing fails. */
  readonly text: string;
  /** Every fact string the answer may state, e.g. "645억원", "2021-06-30", "국가계약법 시행령 제27조③". The template text is a source of allowed facts too. */
  readonly facts: readonly string[];
  /** Subset of facts that must still appear (after normalisation) in the rewording. */
  readonly keyFacts: readonly string[];
  /** Names (ko/en/short) of the projects in the answer; any project name in a rewording must be one of these. */
  readonly projectNames: readonly string[];
  /** Every project name and short name in the knowledge base, to spot a name that is not in the answer. */
  readonly allProjectNames: readonly string[];
  readonly verdict: Verdict | null;
  readonly sources: readonly AnswerSource[];
  /** Hash of the knowledge base the answer was decided from. */
  readonly kbVersion: string;
}
