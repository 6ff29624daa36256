/**
 * The direction a fact is stated with stays: "매출 8,000억원 미만 … 40억원 이상" cannot become "8,000억원 이상 …
 * 40억원 미만", "2025-06-30 이후" cannot become "이전", "(to 2021-06-30)" cannot become "(from 2021-06-30)".
 */
import type { FactToken } from '../facts/tokens.js';

/** ≥, >, ≤, <, until, from, after, before. */
type Direction = 'ge' | 'gt' | 'le' | 'lt' | 'until' | 'from' | 'after' | 'before';

const WORDS_AFTER: readonly (readonly [RegExp, Direction])[] = [
  [/^(?:이상|or more|or above|and above)/u, 'ge'],
  [/^(?:초과|넘|and over)/u, 'gt'],
  [/^(?:이하|or less|or below|and below)/u, 'le'],
  [/^미만/u, 'lt'],
  [/^까지/u, 'until'],
  [/^(?:부터|onwards|or later)/u, 'from'],
  [/^(?:이후|후)/u, 'after'],
  [/^(?:이전|전)(?![가-힣])/u, 'before'],
];

const WORDS_BEFORE: readonly (readonly [RegExp, Direction])[] = [
  [/at least$/u, 'ge'],
  [/(?:more than|over|above|exceeding)$/u, 'gt'],
  [/(?:at most|up to)$/u, 'le'],
  [/(?:less than|fewer than|under|below)$/u, 'lt'],
  [/(?:until|till|through|to|by)$/u, 'until'],
  [/(?:since|from)$/u, 'from'],
  [/(?:after|beyond|past|later than)$/u, 'after'],
  [/(?:before|prior to|earlier than)$/u, 'before'],
];

const DIRECTED_KINDS: ReadonlySet<FactToken['kind']> = new Set([
  'amount',
  'number',
  'percent',
  'percent_point',
  'date',
  'month',
  'month_day',
  'year',
]);

/** The direction a fact token is stated with, or '' when none: the words right after it, else right before. */
function directionOf(text: string, token: FactToken): Direction | '' {
  const after = text
    .slice(token.index + token.raw.length, token.index + token.raw.length + 16)
    .toLowerCase()
    .replace(/^[\s)]*(?:\([^)]*\)\s*)?(?:(?:을|를|이|가|은|는|의|에|로)(?=\s))?\s*/u, '');
  for (const [pattern, direction] of WORDS_AFTER) if (pattern.test(after)) return direction;
  const before = text
    .slice(Math.max(0, token.index - 16), token.index)
    .toLowerCase()
    .replace(/(?:\s|\(|krw|₩)*$/u, '');
  for (const [pattern, direction] of WORDS_BEFORE) if (pattern.test(before)) return direction;
  return '';
}

/** For each fact stated with a direction, the directions it is stated with. */
export type Directions = ReadonlyMap<string, ReadonlySet<string>>;

export function collectDirections(text: string, tokens: readonly FactToken[]): Directions {
  const directions = new Map<string, Set<string>>();
  for (const token of tokens) {
    if (!DIRECTED_KINDS.has(token.kind)) continue;
    const direction = directionOf(text, token);
    if (direction === '') continue;
    directions.set(token.canonical, (directions.get(token.canonical) ?? new Set()).add(direction));
  }
  return directions;
}

/** A fact the rewording states with another direction than the answer, or without the answer's, or null. */
export function findTurnedDirection(answer: Directions, said: Directions, saidFacts: ReadonlySet<string>) {
  for (const [canonical, directions] of said) {
    const allowed = answer.get(canonical);
    const turned = allowed === undefined ? undefined : [...directions].find((d) => !allowed.has(d));
    if (turned !== undefined) return `${canonical} is stated "${turned}", the answer states it otherwise`;
  }
  for (const [canonical, directions] of answer) {
    if (!saidFacts.has(canonical)) continue;
    const kept = said.get(canonical);
    // "2020-05-01부터 시행" and "시행일은 2020-05-01" say the same: a start may be left implicit.
    const lost = [...directions].find((d) => d !== 'from' && kept?.has(d) !== true);
    if (lost !== undefined) return `${canonical} lost its "${lost}"`;
  }
  return null;
}
