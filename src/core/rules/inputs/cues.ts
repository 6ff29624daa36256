/**
 * Cue words and negation, shared by the decision readers. Text is the prepared question
 * (NFKC, lower case, number words as digits).
 */

/**
 * Korean negation after a cue, within the cue's word and at most two more: "상호출자제한기업집단은
 * 아님", "상출제 아님", "상호출자 집단 소속은 아님", "소속 아닙니다", "재하도급은 안 함", "계열사 아닌데". "안 되나요" asks about the rule, so it
 * is not a negation of the fact.
 */
const KO_NEGATION_AFTER =
  /^[\uac00-\ud7a3]*\s*(?:[\uac00-\ud7a3]+\s*){0,2}(?:아님|아닙|아니|아닌|아냐|아녜|(?<!상관\s?|관계\s?)없|미해당|해당\s*(?:없|안|아님|아니)|(?:속하|소속되|포함되|하|주|맡기)지\s*않|안\s*(?:함|해|할|하|줌|줘|줄|주|맡))/u;

/**
 * English negation in the few words before a cue, with no punctuation between: "not in a
 * restricted group", "we will not re-subcontract"; "no" and "without" only right before it ("no
 * re-subcontracting", "without any"), so "no ban on re-subcontracting" still asks about it.
 */
const EN_NEGATION_BEFORE =
  /(?:\b(?:not|never|isn't|aren't|wasn't|weren't|don't|doesn't|won't|nor|neither)\b(?:[\s-]+(?:one\s+of|part\s+of|a\s+member\s+of|among))?(?:[\s-]+[\w']+){0,4}?|\b(?:no|without)(?:[\s-]+(?:any|further|more|other))?)[\s-]+$/u;

/** A cross or "no" written right after a cue, as in a checklist: "상출제 X", "group: no". */
const MARK_NEGATION_AFTER =
  /^[\uac00-\ud7a3]{0,3}\s*(?:[:=(]\s*)?(?:x|×|✗|✘|❌|no|n)\s*(?:[)\].,;]|$|\s(?![a-z]))/u;

/** Whether the cue at [start, end) is negated ("... 아님", "not a ...", "non-affiliated"). */
export function isNegated(text: string, start: number, end: number): boolean {
  if (KO_NEGATION_AFTER.test(text.slice(end, end + 24))) return true;
  // "상호출자제한 X", "상출제 ✗", "(restricted group: no)": a cross or a no right after the cue.
  if (MARK_NEGATION_AFTER.test(text.slice(end, end + 10))) return true;
  if (/(?:\bnon-?|\bun)$/u.test(text.slice(Math.max(0, start - 4), start))) return true;
  const before = text.slice(Math.max(0, start - 60), start);
  return EN_NEGATION_BEFORE.test(before);
}

/** Whether `pattern` (global) matches somewhere in `text` without being negated. */
export function saysPlainly(text: string, pattern: RegExp): boolean {
  // A cue that follows a negated one in the same phrase is negated with it: "not part of a
  // cross-shareholding-restricted group", "상호출자제한 기업집단 소속 아님".
  let negatedEnd = -1;
  for (const m of text.matchAll(pattern)) {
    const samePhrase = negatedEnd >= 0 && !/[.,;?!\n]|\b(?:but|and)\b/u.test(text.slice(negatedEnd, m.index));
    if (samePhrase || isNegated(text, m.index, m.index + m[0].length)) {
      negatedEnd = m.index + m[0].length;
      continue;
    }
    return true;
  }
  return false;
}

/** The end of a sentence or clause: ". ", "? ", "; ", ", " or a line break (not "1.5" or "1,000"). */
const CLAUSE_END = /[.?!;,](?!\d)|\n/gu;

/** Something a value was found next to, and how far away. */
export interface CueHit {
  readonly role: string;
  readonly distance: number;
}

/**
 * The nearest cue before `index` within `window` characters, not reaching back past `floor`
 * (the end of the previous value, so one value's cue is not read for the next).
 */
export function nearestCueBefore(
  text: string,
  index: number,
  floor: number,
  cues: readonly { role: string; pattern: RegExp }[],
  window = 24,
): CueHit | null {
  const start = Math.max(floor, index - window);
  const clause = text.slice(start, index);
  // A cue in an earlier sentence or clause says nothing about this value.
  const cut = Math.max(...[...clause.matchAll(CLAUSE_END)].map((m) => m.index + m[0].length), 0);
  const before = clause.slice(cut);
  let best: CueHit | null = null;
  for (const { role, pattern } of cues) {
    for (const m of before.matchAll(pattern)) {
      const distance = before.length - (m.index + m[0].length);
      if (best === null || distance < best.distance) best = { role, distance };
    }
  }
  return best;
}

/** Only a connector between two values: "70%에서 80%로", "30%랑 40%", "from 70% to 80%", "30 or 40%". */
const CONNECTOR = /^\s*(?:에서|부터|→|->|~|-|랑|이랑|과|와|나|이나|또는|아니면|to|or|and|vs\.?)\s*$/u;

/**
 * Whether the value at `index` continues the previous one (ending at `floor`) with only a
 * connector between, so the previous value's cue is its cue too.
 */
export function continuesPrevious(text: string, floor: number, index: number): boolean {
  return floor > 0 && CONNECTOR.test(text.slice(floor, index));
}
