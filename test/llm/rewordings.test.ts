import { describe, expect, it } from 'vitest';

import { readFileSync } from 'node:fs';
import { isPhrasable, toDecidedAnswer } from '../../src/llm/phrasing.js';
import type { DecidedAnswer } from '../../src/llm/types.js';
import { realEngine } from '../support/engine.js';
import { realLock } from './decidedFixtures.js';
import { answerKey, loadRewordings, type Rewording } from './rewordings/corpus.js';

// The decided answers the rewordings were written against, as the engine gave them then
// (decided-answers.json, keyed by question, day and language). The engine's wording moves on (the
// 2022 edition, the exceptions' chain); a rewording is a rewording of one answer, so the lock is
// judged against that answer. The live answers are checked below and through npm run ask.
const SNAPSHOT = JSON.parse(
  readFileSync(new URL('./rewordings/decided-answers.json', import.meta.url), 'utf8'),
) as Record<string, DecidedAnswer>;

/** The answer a rewording rewords: the question answered on its day, in its language. */
function decide(rewording: Rewording): DecidedAnswer {
  const key = answerKey(rewording);
  const decided = SNAPSHOT[key];
  if (decided === undefined) throw new Error(`no decided answer recorded for ${key}`);
  return decided;
}

/** The engine's answer today to a corpus question, when it may be phrased at all. */
function liveDecided(rewording: Rewording): DecidedAnswer | null {
  const engine = realEngine();
  const answer = engine.answer({
    text: rewording.question,
    today: rewording.asOf ?? '2026-11-26',
    language: rewording.lang ?? undefined,
  });
  return isPhrasable(answer) ? toDecidedAnswer(answer, rewording.question, engine.kb) : null;
}

/** The phraser's limit for this answer (1.6 × the template, at least 160, at most 1800 code points). */
function limitFor(decided: DecidedAnswer): { maxLength: number } {
  return { maxLength: Math.min(1800, Math.max(160, Math.ceil([...decided.text].length * 1.6))) };
}

const attacks = loadRewordings('attack');
const benign = [...loadRewordings('benign').values()].flat();

describe('the rewording corpus', () => {
  it('has at least 200 attacks in Korean and English, one file per class, and at least 50 benign rewordings', () => {
    const all = [...attacks.values()].flat();
    expect(all.length).toBeGreaterThanOrEqual(200);
    expect(new Set(all.map((r) => r.lang))).toEqual(new Set(['ko', 'en']));
    expect(attacks.size).toBeGreaterThanOrEqual(15);
    expect(benign.length).toBeGreaterThanOrEqual(50);
    const ids = [...all, ...benign].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each([...attacks.entries()])('the fact lock refuses every rewording in %s', (_file, rewordings) => {
  it.each(rewordings.map((r) => [r.id, r.change, r] as const))('%s: %s', (_id, _change, rewording) => {
    const decided = decide(rewording);
    expect(decided.text).not.toBe(rewording.reworded);
    expect(realLock().check(decided, rewording.reworded, limitFor(decided))).toMatchObject({ ok: false });
  });
});

describe('the fact lock accepts careful rewordings', () => {
  it('accepts at least 80% of the benign rewordings', () => {
    const refused = benign.flatMap((rewording) => {
      const decided = decide(rewording);
      const result = realLock().check(decided, rewording.reworded, limitFor(decided));
      return result.ok ? [] : [`${rewording.id}: ${result.reason} ${result.detail}`];
    });
    const rate = (benign.length - refused.length) / benign.length;
    expect(rate, `refused:\n${refused.join('\n')}`).toBeGreaterThanOrEqual(0.8);
  });

  it('accepts every recorded answer as its own rewording', () => {
    for (const rewording of [...benign, ...[...attacks.values()].flat()]) {
      const decided = decide(rewording);
      expect(realLock().check(decided, decided.text, limitFor(decided)), rewording.id).toEqual({ ok: true });
    }
  });

  it("accepts today's answer to every corpus question as its own rewording, when it fits a reply", () => {
    for (const rewording of [...benign, ...[...attacks.values()].flat()]) {
      const decided = liveDecided(rewording);
      if (decided === null) continue;
      const result = realLock().check(decided, decided.text, limitFor(decided));
      // An answer longer than a model may write (1,800 code points) is sent as the template anyway.
      if (!result.ok && result.reason === 'too_long') continue;
      expect(result, rewording.id).toEqual({ ok: true });
    }
  });
});
