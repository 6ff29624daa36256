/** A text as the lock reads it, the answer's and the rewording's alike: its names once, then its facts. */
import { extractWithNames } from '../facts/extract.js';
import { toLooseText, type LooseText } from '../facts/looseText.js';
import type { FactToken } from '../facts/tokens.js';
import type { Mention, MentionFinder } from './mentions.js';

export interface Reading {
  readonly loose: LooseText;
  /** Projects and extension periods. */
  readonly anchors: readonly Mention[];
  readonly agencies: readonly Mention[];
  /** Facts, with project names and identifiers masked so their digits are not read as facts. */
  readonly tokens: readonly FactToken[];
}

const isKind = (kind: string) => (mention: Mention) => mention.key.startsWith(kind);

/** Reads prepared text (see `prepareText`). */
export function readText(names: MentionFinder, prepared: string): Reading {
  const loose = toLooseText(prepared);
  const mentions = names.find(loose);
  const masked = mentions
    .filter((m) => m.key.startsWith('project:') || m.key.startsWith('identifier:'))
    .map((m) => [m.start, m.end] as const);
  return {
    loose,
    anchors: mentions.filter((m) => m.key.startsWith('project:') || m.key.startsWith('period:')),
    agencies: mentions.filter(isKind('agency:')),
    tokens: extractWithNames(prepared, masked),
  };
}
