import type { Confidence, Verdict } from '../knowledge/schema.js';

export type Language = 'ko' | 'en';
export type AnswerStatus = 'answered' | 'unknown_fact' | 'no_match' | 'rejected' | 'clarify';

/** What an adapter hands the engine. */
export interface Question {
  readonly text: string;
  /** Forces the reply language; otherwise it is detected from the text. */
  readonly language?: Language | undefined;
  /** The day rules are checked for when the question names none (YYYY-MM-DD). */
  readonly today: string;
}

export interface Citation {
  readonly title: string;
  readonly url: string;
}

/** One condition of a rule as it was evaluated. */
export interface ConditionTrace {
  readonly description: string;
  readonly result: 'held' | 'failed' | 'unknown';
}

export interface RuleTrace {
  readonly decision: string;
  readonly decisionTitle: string;
  readonly verdict: Verdict;
  /** The deciding rule, or the first rule that could not be decided. */
  readonly rule: string | null;
  readonly legalBasis: string | null;
  readonly explanation: string;
  readonly conditions: readonly ConditionTrace[];
  readonly confidence: Confidence;
  /** The reference date or range checked, and whether the question gave it. */
  readonly asOf: {
    readonly from: string;
    readonly to: string;
    readonly label: string;
    readonly asked: boolean;
  } | null;
  readonly missingInputs: readonly string[];
}

/** What the user may have meant, offered when two readings are close: a project, or a question to ask. */
export interface Candidate {
  readonly id: string;
  readonly label: string;
  /** For `clarify`: the question to ask instead (an example question of the candidate card). */
  readonly question?: string;
}

/**
 * The engine's decided answer. `toJsonAnswer` gives the public JSON contract; the rest is for
 * adapters (trace, candidates) and for the LLM fact lock (facts, keyFacts).
 */
export interface Answer {
  readonly status: AnswerStatus;
  readonly language: Language;
  readonly projects: readonly string[];
  readonly verdict: Verdict | null;
  readonly rule: string | null;
  readonly text: string;
  readonly sources: readonly Citation[];
  /** Every fact string the answer may state (numbers, dates, names ...). */
  readonly facts: readonly string[];
  /** Facts that any rewording must keep. */
  readonly keyFacts: readonly string[];
  readonly traces: readonly RuleTrace[];
  readonly candidates: readonly Candidate[];
  /** True when any fact in the answer is inferred rather than confirmed. */
  readonly hasInferred: boolean;
  /** What kind of answer this is, for adapters choosing a layout. */
  readonly kind:
    | 'project'
    | 'list'
    | 'topic'
    | 'rule'
    | 'measure'
    | 'help'
    | 'candidates'
    | 'clarify'
    | 'no_match'
    | 'rejected';
}

/** The JSON answer of `npm run ask -- --json`: exactly these keys. */
export interface JsonAnswer {
  status: AnswerStatus;
  language: Language;
  projects: string[];
  verdict: Verdict | null;
  rule: string | null;
  text: string;
  sources: Citation[];
  /** Only with status `clarify`: up to 3 readings, each with a question that asks it plainly. */
  candidates?: { label: string; question: string }[];
}

export function toJsonAnswer(answer: Answer): JsonAnswer {
  return {
    status: answer.status,
    language: answer.language,
    projects: [...answer.projects],
    verdict: answer.verdict,
    rule: answer.rule,
    text: answer.text,
    sources: answer.sources.map((s) => ({ title: s.title, url: s.url })),
    ...(answer.status === 'clarify'
      ? { candidates: answer.candidates.map((c) => ({ label: c.label, question: c.question ?? c.label })) }
      : {}),
  };
}
