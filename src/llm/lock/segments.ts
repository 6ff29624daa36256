/**
 * Where sentences, clauses and paragraphs of a text begin, so that a fact can be tied to the names near it.
 * Offsets are those of the prepared text.
 */

/** Start offsets of a text's paragraphs, sentences and clauses; each list starts with 0. */
export interface Segments {
  readonly paragraphs: readonly number[];
  readonly sentences: readonly number[];
  readonly clauses: readonly number[];
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|etc|art|arts|no|para|paras|vs|approx|cf|ca|mr|ms|dr)|\d)$/iu;
/** Korean connective endings and English joiners after which a comma starts a new clause. */
const CLAUSE_BEFORE_COMMA = /(?:며|고|서|데|니|면|지만|는데|므로|하여|되어|해|돼)$/u;
const CLAUSE_AFTER_COMMA = /^\s+(?:and|but|while|which|so|whereas|although|though)\b/iu;

export function segmentText(text: string): Segments {
  const paragraphs = [0];
  const sentences = [0];
  const clauses = [0];
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (char === '\n') {
      sentences.push(index + 1);
      clauses.push(index + 1);
      if (/^\s*(?:\n|$)/u.test(text.slice(index + 1, index + 3))) paragraphs.push(index + 1);
      continue;
    }
    if (char === '.' || char === '!' || char === '?' || char === '。') {
      // A stop at the very end starts nothing.
      const next = text.charAt(index + 1);
      const isEnd = next !== '' && /\s/u.test(next);
      // "phase 2. Budgets …" ends a sentence; "2021. 6. 30." and "e.g. ones" do not.
      const startsSentence = /^\s+[A-Z가-힣•"“(]/u.test(text.slice(index + 1, index + 3));
      const isAbbreviation = ABBREVIATION.test(text.slice(Math.max(0, index - 8), index));
      if (
        isEnd &&
        !(char === '.' && isAbbreviation && !(startsSentence && /\d$/u.test(text.charAt(index - 1))))
      ) {
        sentences.push(index + 1);
        clauses.push(index + 1);
      }
      continue;
    }
    if (char === ';') {
      clauses.push(index + 1);
    } else if (char === ',') {
      const before = text.slice(Math.max(0, index - 4), index);
      if (CLAUSE_BEFORE_COMMA.test(before) || CLAUSE_AFTER_COMMA.test(text.slice(index + 1, index + 12))) {
        clauses.push(index + 1);
      }
    }
  }
  return { paragraphs, sentences, clauses };
}

/** Index of the segment (in a sorted list of starts) that contains `offset`. */
export function segmentOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
