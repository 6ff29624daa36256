/**
 * Facts stated together stay together and with their words. Two amounts in one clause of a rewording must
 * share a line of the answer (a floor and an asked amount cannot trade places across lines), and two facts of
 * one line may change order only when their words move with them (two end dates cannot swap places).
 */
import type { FactToken } from '../facts/tokens.js';
import { impliedDateForms } from './factCheck.js';
import { segmentOf, type Segments } from './segments.js';

/** A fact of a line: the forms it may be written in, and the word just before it. */
interface LineFact {
  readonly forms: ReadonlySet<string>;
  readonly before: string;
}

/** The facts of each line of the answer, in order. */
export type LineFacts = readonly (readonly LineFact[])[];

/** The word just before `index` (letters and digits), lower case: "지침으로" in "지침으로 2021-06-30". */
function wordBefore(text: string, index: number): string {
  let end = index;
  while (end > 0 && !/[\p{L}\p{N}]/u.test(text.charAt(end - 1))) end -= 1;
  let start = end;
  while (start > 0 && /[\p{L}\p{N}]/u.test(text.charAt(start - 1))) start -= 1;
  return text.slice(start, end).toLowerCase();
}

const ORDERED_KINDS: ReadonlySet<FactToken['kind']> = new Set([
  'amount',
  'date',
  'month',
  'month_day',
  'percent',
  'percent_point',
  'time',
  'number',
]);

function isOrdered(token: FactToken): boolean {
  return ORDERED_KINDS.has(token.kind) && !/^number:(?:19|20)\d{2}$/u.test(token.canonical);
}

export function indexLineFacts(text: string, tokens: readonly FactToken[]): LineFacts {
  const lines: LineFact[][] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    lines.push(
      tokens
        .filter((t) => t.index >= start && t.index <= end && isOrdered(t))
        .map((t) => ({
          forms: new Set([t.canonical, ...impliedDateForms(t.canonical)]),
          before: wordBefore(text, t.index),
        })),
    );
    start = end + 1;
  }
  return lines.filter((facts) => facts.length > 1);
}

/** Where the answer states `a` and `b` together: in that order, only the other way round, or never. */
function orderIn(
  lines: LineFacts,
  a: string,
  b: string,
): { order: 'same' | 'apart' } | { order: 'reversed'; a: LineFact; b: LineFact } {
  let reversed: { order: 'reversed'; a: LineFact; b: LineFact } | undefined;
  for (const facts of lines) {
    const as = facts.filter((fact) => fact.forms.has(a));
    const bs = facts.filter((fact) => fact.forms.has(b));
    if (as.length === 0 || bs.length === 0) continue;
    if (as.some((x) => bs.some((y) => facts.indexOf(x) < facts.indexOf(y)))) return { order: 'same' };
    reversed ??= { order: 'reversed', a: as[0]!, b: bs[0]! };
  }
  return reversed ?? { order: 'apart' };
}

/**
 * True when two facts stated in the other order took each other's place rather than moved with their
 * words: the word before one of them is now the word the answer wrote before the other.
 */
function isSwap(text: string, first: FactToken, second: FactToken, a: LineFact, b: LineFact): boolean {
  const beforeFirst = wordBefore(text, first.index);
  const beforeSecond = wordBefore(text, second.index);
  return (
    a.before === b.before ||
    (beforeFirst === b.before && beforeFirst !== a.before) ||
    (beforeSecond === a.before && beforeSecond !== b.before)
  );
}

/** The first two facts a clause of the rewording puts together against the answer, or null. */
export function findMovedFacts(
  lines: LineFacts,
  text: string,
  segments: Segments,
  tokens: readonly FactToken[],
): string | null {
  const ordered = tokens.filter(isOrdered);
  for (let i = 0; i < ordered.length; i += 1) {
    const first = ordered[i]!;
    const clause = segmentOf(segments.clauses, first.index);
    for (let j = i + 1; j < ordered.length; j += 1) {
      const second = ordered[j]!;
      if (segmentOf(segments.clauses, second.index) !== clause) break;
      if (first.canonical === second.canonical) continue;
      const found = orderIn(lines, first.canonical, second.canonical);
      const isApartAmounts = found.order === 'apart' && first.kind === 'amount' && second.kind === 'amount';
      const isSwapped = found.order === 'reversed' && isSwap(text, first, second, found.a, found.b);
      if (isApartAmounts || isSwapped) {
        return `"${first.raw.trim()}" and "${second.raw.trim()}" are not stated so together in the answer`;
      }
    }
  }
  return null;
}
