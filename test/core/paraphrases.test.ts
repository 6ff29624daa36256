import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ask } from '../support/engine.js';

interface ParaphraseCase {
  q: string;
  /** The fact-sheet row the expectation follows. */
  why: string;
  expect: {
    status: string;
    projects?: string[];
    verdict?: string | null;
    /** Each entry must appear; an array entry means any one of its alternatives. */
    mustContain?: (string | string[])[];
    mustNotContain?: string[];
    /** mustContain may be met by a cited source's URL or title (questions asking for links). */
    searchSources?: boolean;
  };
}

// A set of paraphrased questions written from the fact sheet by a reviewer who did not see the
// engine's code (a red-team pass), kept as a regression set. Each expectation cites its row.
const CASES = readFileSync(new URL('../fixtures/paraphrases.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as ParaphraseCase);

describe('paraphrased questions (reviewer-written, from the fact sheet)', () => {
  it.each(CASES)('$q', (c) => {
    const a = ask(c.q, { today: '2026-11-26' });
    expect(a.status, c.why).toBe(c.expect.status);
    if (c.expect.projects) expect([...a.projects].sort(), c.why).toEqual([...c.expect.projects].sort());
    if (c.expect.verdict !== undefined) expect(a.verdict, c.why).toBe(c.expect.verdict);
    const searchable = c.expect.searchSources
      ? [a.text, ...a.sources.flatMap((s) => [s.title, s.url])].join('\n')
      : a.text;
    for (const want of c.expect.mustContain ?? []) {
      const options = Array.isArray(want) ? want : [want];
      expect(
        options.some((o) => searchable.includes(o)),
        `${c.why}: one of ${JSON.stringify(options)}`,
      ).toBe(true);
    }
    for (const unwanted of c.expect.mustNotContain ?? []) expect(a.text).not.toContain(unwanted);
  });
});
