import type { FactValue } from '../tokens.js';

/** Returns the tokens a match stands for, or null to leave the match for later extractors. */
export type Build = (match: RegExpExecArray, rest: string) => FactValue[] | FactValue | null;

/** One pattern of the fact extractor and what its matches stand for. */
export interface Extractor {
  pattern: RegExp;
  build: Build;
  /** Skip matches glued to a Latin word ("B2B", "COVID-19"): they are names, not numbers. */
  skipGlued?: true;
  /** Part of every match, found much faster than the pattern: a text without it is skipped. */
  hint?: RegExp;
}
