/**
 * A text as the lock reads it, the answer's and the rewording's alike: its names once, then its facts. Texts
 * are read line by line, so that the lines a rewording copies from the answer reuse the answer's reading.
 */
import { extractWithNames } from '../facts/extract.js';
import { toLooseText } from '../facts/looseText.js';
import type { FactToken } from '../facts/tokens.js';
import type { Mention, MentionFinder } from './mentions.js';

export interface Reading {
  /** Projects and extension periods. */
  readonly anchors: readonly Mention[];
  readonly agencies: readonly Mention[];
  /** Facts, with project names and identifiers masked so their digits are not read as facts. */
  readonly tokens: readonly FactToken[];
}

/** Readings of single lines (offsets from the line's start), by the line's text. */
export type LineReadings = ReadonlyMap<string, Reading>;

const EMPTY: Reading = { anchors: [], agencies: [], tokens: [] };

function readLine(names: MentionFinder, line: string): Reading {
  const mentions = names.find(toLooseText(line));
  const masked = mentions
    .filter((m) => m.key.startsWith('project:') || m.key.startsWith('identifier:'))
    .map((m) => [m.start, m.end] as const);
  return {
    anchors: mentions.filter((m) => m.key.startsWith('project:') || m.key.startsWith('period:')),
    agencies: mentions.filter((m) => m.key.startsWith('agency:')),
    tokens: extractWithNames(line, masked),
  };
}

function shift<T extends { start: number; end: number } | { index: number }>(
  items: readonly T[],
  by: number,
): T[] {
  return items.map((item) =>
    'index' in item
      ? { ...item, index: item.index + by }
      : { ...item, start: item.start + by, end: item.end + by },
  );
}

/** Reads prepared text (see `prepareText`); `known` lines are not read again, and new ones are added to `into`. */
export function readText(
  names: MentionFinder,
  prepared: string,
  known: LineReadings = new Map(),
  into?: Map<string, Reading>,
): Reading {
  const anchors: Mention[] = [];
  const agencies: Mention[] = [];
  const tokens: FactToken[] = [];
  let start = 0;
  for (const line of prepared.split('\n')) {
    let reading = line.trim() === '' ? EMPTY : (known.get(line) ?? into?.get(line));
    if (reading === undefined) {
      reading = readLine(names, line);
      into?.set(line, reading);
    }
    anchors.push(...shift(reading.anchors, start));
    agencies.push(...shift(reading.agencies, start));
    tokens.push(...shift(reading.tokens, start));
    start += line.length + 1;
  }
  return { anchors, agencies, tokens };
}
