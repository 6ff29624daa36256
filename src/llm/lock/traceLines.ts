/**
 * The trace of a rule answer ("판단 과정:", "• rule-id: … → 충족", "결정한 규칙: rule-id") is a fixed slot:
 * a rewording either copies a trace line exactly or leaves it out; it never rewrites one.
 */

/** A trace item ("• rule-id: …") and the "decided by" line ("결정한 규칙: rule-id"), with the rule id. */
const TRACE_ITEM = /^\s*[•·*-]\s*([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\s*(?::|$)/u;
const DECIDED_BY = /^[^:\n]{1,40}:\s*([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\s*$/u;

/** The trace lines of an answer and the rule ids they name. */
export interface TraceSlots {
  /** Trace lines with their spacing collapsed. */
  readonly lines: ReadonlySet<string>;
  readonly ruleIds: readonly { readonly id: string; readonly pattern: RegExp }[];
}

/** A line with its spacing collapsed and its bullet written "•", as trace lines are compared. */
function collapse(line: string): string {
  return line
    .trim()
    .replace(/^[•·*-]\s*/u, '• ')
    .replace(/\s+/gu, ' ');
}

export function findTraceSlots(prepared: string): TraceSlots {
  const lines = prepared.split('\n');
  const slots = new Set<string>();
  const ruleIds = new Set<string>();
  lines.forEach((line, index) => {
    const id = (TRACE_ITEM.exec(line) ?? DECIDED_BY.exec(line))?.[1];
    if (id === undefined) return;
    slots.add(collapse(line));
    ruleIds.add(id);
    // The heading of the trace ("판단 과정:") is the line ending in a colon just before its first item.
    const previous = lines[index - 1];
    if (
      TRACE_ITEM.test(line) &&
      previous !== undefined &&
      /:\s*$/u.test(previous) &&
      !TRACE_ITEM.test(previous)
    )
      slots.add(collapse(previous));
  });
  return {
    lines: slots,
    ruleIds: [...ruleIds].map((id) => ({ id, pattern: new RegExp(`(?<![a-z0-9-])${id}(?![a-z0-9-])`, 'u') })),
  };
}

/** The text with every line that copies a trace line blanked (offsets kept). */
export function blankTraceLines(prepared: string, slots: TraceSlots): string {
  if (slots.lines.size === 0) return prepared;
  return prepared
    .split('\n')
    .map((line) => (slots.lines.has(collapse(line)) ? ' '.repeat(line.length) : line))
    .join('\n');
}

/** A rule id the rewording names outside an exact copy of a trace line, or null. */
export function findRewrittenTrace(blanked: string, slots: TraceSlots): string | null {
  const lower = blanked.toLowerCase();
  return slots.ruleIds.find(({ pattern }) => pattern.test(lower))?.id ?? null;
}
