/**
 * Verdicts and qualifiers are counted line by line, so that the lines a rewording copies from the answer
 * unchanged (labels, lists, the trace) reuse the answer's counts instead of being read again.
 */
import { countVerdictSignals, type VerdictCounts } from '../facts/verdicts.js';
import { countQualifiers, type QualifierCounts } from './markers.js';

export interface LineCounts {
  readonly verdicts: VerdictCounts;
  readonly qualifiers: QualifierCounts;
}

/** Each line's counts, by the line's text. */
export type LineCountCache = ReadonlyMap<string, LineCounts>;

function countLine(line: string): LineCounts {
  return { verdicts: countVerdictSignals(line), qualifiers: countQualifiers(line) };
}

function add<K extends string>(total: Partial<Record<K, number>>, counts: Readonly<Record<K, number>>): void {
  for (const key of Object.keys(counts) as K[]) total[key] = (total[key] ?? 0) + counts[key];
}

/** The counts of a text (prepared, trace lines blanked) and of each of its lines. */
export function countLines(
  prose: string,
  known: LineCountCache = new Map(),
): LineCounts & { readonly lines: LineCountCache } {
  const lines = new Map<string, LineCounts>();
  const verdicts = { allowed: 0, not_allowed: 0, unknown: 0 };
  const qualifiers: Partial<Record<keyof QualifierCounts, number>> = {};
  for (const line of prose.split('\n')) {
    if (line.trim() === '') continue;
    const counts = known.get(line) ?? lines.get(line) ?? countLine(line);
    lines.set(line, counts);
    add(verdicts, counts.verdicts);
    add(qualifiers, counts.qualifiers);
  }
  const names = Object.keys(countQualifiers('')) as (keyof QualifierCounts)[];
  const summed = Object.fromEntries(names.map((name) => [name, qualifiers[name] ?? 0]));
  return { verdicts, qualifiers: summed as Record<keyof QualifierCounts, number>, lines };
}
