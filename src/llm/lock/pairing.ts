/**
 * Keeps every fact with the name it belongs to: a budget or an agency stays with its project, a date with
 * its extension period. The answer's own text says which fact goes with which name; a rewording may move
 * sentences around, but the name nearest to a fact must still be one the answer pairs it with.
 */
import type { FactToken } from '../facts/tokens.js';
import { impliedDateForms } from './factCheck.js';
import type { Mention } from './mentions.js';
import { segmentOf, type Segments } from './segments.js';

/** A fact that can belong to a name: a fact token (not a bare year or month) or an agency. */
export interface ValueMention {
  readonly key: string;
  readonly index: number;
  readonly raw: string;
}

/** Which facts the answer pairs with which names. */
export interface PairIndex {
  /** Name key → the facts (with their implied date forms) the answer states with it. */
  readonly pairs: ReadonlyMap<string, ReadonlySet<string>>;
  /** Facts the answer pairs with some name; the others are free. */
  readonly bound: ReadonlySet<string>;
}

/** "(추정)", "(inferred)", "(조문 번호 추정)": the mark of an inferred fact. */
export const INFERRED_MARK = /\([^()\n]{0,20}?(?:추정|inferred)[^()\n]{0,20}?\)/giu;

function isAnchorInside(mention: { index: number }, anchors: readonly Mention[]): boolean {
  return anchors.some((a) => a.start <= mention.index && mention.index < a.end);
}

/** The facts of a text that can belong to a name, in reading order. */
export function collectValues(
  tokens: readonly FactToken[],
  agencies: readonly Mention[],
  anchors: readonly Mention[],
): ValueMention[] {
  const values: ValueMention[] = [];
  for (const token of tokens) {
    if (token.kind === 'year' || token.kind === 'month_only') continue;
    if (token.kind === 'number' && /^number:(?:19|20)\d{2}$/u.test(token.canonical)) continue;
    if (isAnchorInside(token, anchors)) continue;
    values.push({ key: token.canonical, index: token.index, raw: token.raw });
  }
  for (const agency of agencies) {
    if (!isAnchorInside({ index: agency.start }, anchors))
      values.push({ key: agency.key, index: agency.start, raw: agency.key.slice('agency:'.length) });
  }
  return values.sort((a, b) => a.index - b.index);
}

/** Amounts and counts: the facts a year can own ("2020년 지원사업은 19개 사업, 1,076억원"). */
export function isYearBound(value: ValueMention): boolean {
  return value.key.startsWith('amount:') || value.key.startsWith('number:');
}

/** Every stated year as a name facts can belong to. */
export function yearAnchors(tokens: readonly FactToken[]): Mention[] {
  return tokens
    .filter((t) => t.kind === 'year' || /^number:(?:19|20)\d{2}$/u.test(t.canonical))
    .map((t) => ({
      key: `year:${t.canonical.slice(t.canonical.indexOf(':') + 1)}`,
      start: t.index,
      end: t.index + t.raw.length,
    }));
}

function keysOf(value: ValueMention): string[] {
  return [value.key, ...impliedDateForms(value.key)];
}

export function within<T extends { start: number }>(items: readonly T[], from: number, to: number): T[] {
  return items.filter((m) => m.start >= from && m.start < to);
}

/** A text cut into lines, with each line's start and end offsets. */
function linesOf(text: string): { start: number; end: number; text: string }[] {
  const lines: { start: number; end: number; text: string }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    lines.push({ start, end: start + line.length, text: line });
    start += line.length + 1;
  }
  return lines;
}

/** A line that only names something (an overview's heading): the lines under it speak of that name. */
function isHeading(line: { start: number; text: string }, anchors: readonly Mention[]): boolean {
  if (anchors.length === 0) return false;
  let rest = line.text;
  for (const anchor of anchors) {
    const from = anchor.start - line.start;
    rest = rest.slice(0, from) + ' '.repeat(anchor.end - anchor.start) + rest.slice(anchor.end - line.start);
  }
  return rest.replace(INFERRED_MARK, '').replace(/[\s•·:,.()-]/gu, '') === '';
}

/**
 * Pairs each fact of the answer with the names of its sentence; a sentence without a name speaks of the
 * heading above it, or of the answer's only project.
 */
export function indexPairs(
  text: string,
  segments: Segments,
  anchors: readonly Mention[],
  values: readonly ValueMention[],
  onlyProject: string | null,
): PairIndex {
  const pairs = new Map<string, Set<string>>();
  const bound = new Set<string>();
  let heading: string[] | null = null;
  for (const line of linesOf(text)) {
    if (line.text.trim() === '') {
      heading = null;
      continue;
    }
    const lineAnchors = within(anchors, line.start, line.end + 1);
    if (isHeading(line, lineAnchors)) heading = lineAnchors.map((a) => a.key);
    for (const value of values.filter((v) => v.index >= line.start && v.index <= line.end)) {
      const sentence = segmentOf(segments.sentences, value.index);
      const from = segments.sentences[sentence] ?? 0;
      const to = segments.sentences[sentence + 1] ?? text.length;
      const own = within(lineAnchors, from, to).map((a) => a.key);
      const implicit = onlyProject !== null ? [onlyProject] : [];
      const targets = own.length > 0 ? own : (heading ?? implicit);
      for (const target of targets) {
        const set = pairs.get(target) ?? new Set<string>();
        for (const key of keysOf(value)) {
          set.add(key);
          bound.add(key);
        }
        pairs.set(target, set);
      }
    }
  }
  return { pairs, bound };
}

/** The mention nearest to `index` among `items` (one before it first, else one after). */
function nearest(items: readonly Mention[], index: number): Mention | undefined {
  let before: Mention | undefined;
  let after: Mention | undefined;
  for (const item of items) {
    if (item.start <= index) before = item;
    else if (after === undefined) after = item;
  }
  return before ?? after;
}

/** Start and end of the segment (in a sorted list of starts) that holds `index`. */
export function span(starts: readonly number[], index: number, length: number): [number, number] {
  const at = segmentOf(starts, index);
  return [starts[at] ?? 0, starts[at + 1] ?? length];
}

/**
 * The first fact of the rewording that sits with a name the answer does not pair it with. A paired fact looks
 * for its name in its sentence, else earlier in its paragraph; a free fact only in its clause.
 */
export function findWrongPairing(
  index: PairIndex,
  text: string,
  segments: Segments,
  anchors: readonly Mention[],
  values: readonly ValueMention[],
): string | null {
  // A free fact may not be given to a project; extension periods and years only own what they own.
  const projects = anchors.filter((a) => a.key.startsWith('project:'));
  for (const value of values) {
    const pairs = (anchor: Mention) => index.pairs.get(anchor.key)?.has(value.key) === true;
    let anchor: Mention | undefined;
    if (index.bound.has(value.key)) {
      const [from, to] = span(segments.sentences, value.index, text.length);
      anchor = nearest(within(anchors, from, to), value.index);
      if (anchor === undefined) {
        // A sentence without a name speaks of one named before it in the paragraph (a heading or a subject).
        const [paragraph] = span(segments.paragraphs, value.index, text.length);
        const earlier = within(anchors, paragraph, from);
        if (earlier.length > 0 && !earlier.some(pairs)) anchor = earlier.at(-1);
      }
    } else {
      const [from, to] = span(segments.clauses, value.index, text.length);
      anchor = nearest(within(projects, from, to), value.index);
    }
    if (anchor !== undefined && !pairs(anchor)) {
      return `"${value.raw.trim()}" is not stated with ${anchor.key} in the answer`;
    }
  }
  return null;
}
