import type { Answer } from './types.js';

/**
 * "올해 규모는 얼마고요? 신규 과제 중 소상공인 플랫폼은 몇 차예요?": a message of several questions.
 * The engine answers the message as a whole (its last question first); the other questions, each
 * answered on its own, are added below when they are plain facts (answered, no verdict) that the
 * main answer does not already show. A verdict is never read from a part cut off from its context.
 */

/** At most this many questions of one message are answered. */
const MAX_PARTS = 4;

/** A sentence that asks without a question mark: "…몇 차인지도 궁금합니다.", "please tell me …". */
const ASKS =
  /궁금|알려\s*주|알려줘|알고\s*싶|\b(?:tell|let)\s+me\b|\bi(?:'d| would)\s+like\s+to\s+know\b|\bi\s+want\s+to\s+know\b/u;

/** The questions of a message: its sentences that ask (a question mark, or asking words), long enough to read. */
export function questionParts(raw: string): string[] {
  const parts = raw
    .split(/(?<=[?？.!。])\s+|\n+/u)
    .map((part) => part.trim())
    .filter(
      (part) => (/[?？]$/u.test(part) || ASKS.test(part)) && part.replace(/[^\p{L}\p{N}]/gu, '').length >= 6,
    );
  return parts.length >= 2 && parts.length <= MAX_PARTS ? parts : [];
}

/** The main answer with the answers of the message's other questions added below it. */
export function withOtherParts(main: Answer, parts: readonly Answer[]): Answer {
  if (main.status !== 'answered' && main.status !== 'unknown_fact') return main;
  const added: Answer[] = [];
  for (const part of parts) {
    if (part.status !== 'answered' || part.verdict !== null) continue;
    if (part.kind !== 'topic' && part.kind !== 'project' && part.kind !== 'list') continue;
    // A project answer's first line is the project's name: the fact asked is on the next.
    const lines = part.text.split('\n');
    const title = (part.kind === 'project' && lines.length > 1 ? lines[1] : lines[0]) ?? '';
    const shown = [main, ...added];
    if (title === '' || shown.some((a) => a.text.includes(title) || a.text.includes(part.text))) continue;
    added.push(part);
  }
  if (added.length === 0) return main;
  const all = [main, ...added];
  const union = <T>(pick: (a: Answer) => readonly T[]) => [...new Set(all.flatMap(pick))];
  return {
    ...main,
    text: all.map((a) => a.text).join('\n\n'),
    projects: union((a) => a.projects),
    sources: [...new Map(all.flatMap((a) => a.sources).map((s) => [s.url, s])).values()],
    facts: union((a) => a.facts),
    keyFacts: union((a) => a.keyFacts),
    hasInferred: all.some((a) => a.hasInferred),
  };
}
