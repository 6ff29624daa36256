/**
 * Nothing the answer states may go missing: every fact of its prose (the trace is optional), every project,
 * period and agency it names, every link it gives, and its verdict line ("판단: 가능", "Verdict: Allowed").
 */
import { compactText } from '../facts/looseText.js';
import type { FactToken } from '../facts/tokens.js';
import { isKeyTokenPresent } from './factCheck.js';
import type { Mention } from './mentions.js';

/** What a rewording must still state. */
export interface Statements {
  readonly tokens: readonly FactToken[];
  readonly names: ReadonlySet<string>;
  readonly links: readonly string[];
  /** The verdict line's label and its value, compacted ("판단", "가능(추정)"). */
  readonly verdictLine: { readonly label: string; readonly value: string } | null;
}

const VERDICT_LINE = /^\s*(판단|verdict)\s*:\s*(.+?)\s*$/imu;

function readVerdictLine(line: string): { label: string; value: string } | null {
  const match = VERDICT_LINE.exec(line.replace(/^\s*(?:[•·*-]|\*\*)\s*/u, '').replace(/\*\*/gu, ''));
  return match === null
    ? null
    : { label: (match[1] ?? '').toLowerCase(), value: compactText(match[2] ?? '') };
}

export function collectStatements(
  prose: string,
  tokens: readonly FactToken[],
  names: readonly Mention[],
  links: readonly string[],
): Statements {
  const verdictLine =
    prose
      .split('\n')
      .map(readVerdictLine)
      .find((line) => line !== null) ?? null;
  return { tokens, names: new Set(names.map((n) => n.key)), links, verdictLine };
}

/** The first statement of the answer the rewording leaves out, or null. */
export function findDroppedStatement(
  statements: Statements,
  prose: string,
  tokens: readonly FactToken[],
  names: readonly Mention[],
  links: readonly string[],
): string | null {
  const expected = statements.verdictLine;
  if (expected !== null) {
    const kept = prose
      .split('\n')
      .map(readVerdictLine)
      .some((line) => line?.label === expected.label && line.value.startsWith(expected.value));
    if (!kept) return `the verdict line "${expected.label}: ${expected.value}"`;
  }
  const token = statements.tokens.find((t) => !isKeyTokenPresent(t, tokens));
  if (token !== undefined) return `"${token.raw.trim()}" (${token.canonical})`;
  const said = new Set(names.map((n) => n.key));
  const name = [...statements.names].find((key) => !said.has(key));
  if (name !== undefined) return name;
  return statements.links.find((link) => !links.includes(link)) ?? null;
}
