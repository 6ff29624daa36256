import { describe, expect, it } from 'vitest';

import { toDecidedAnswer } from '../../src/llm/phrasing.js';
import type { DecidedAnswer } from '../../src/llm/types.js';
import { realEngine } from '../support/engine.js';
import { realLock } from './decidedFixtures.js';
import { loadRewordings, type Rewording } from './rewordings/corpus.js';

/** The real answer a rewording rewords: the question answered on its day, in its language. */
function decide(rewording: Rewording): DecidedAnswer {
  const engine = realEngine();
  const answer = engine.answer({
    text: rewording.question,
    today: rewording.asOf ?? '2026-11-26',
    language: rewording.lang ?? undefined,
  });
  return toDecidedAnswer(answer, rewording.question, engine.kb);
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

  it('accepts every real answer as its own rewording', () => {
    for (const rewording of [...benign, ...[...attacks.values()].flat()]) {
      const decided = decide(rewording);
      expect(realLock().check(decided, decided.text, limitFor(decided)), rewording.id).toEqual({ ok: true });
    }
  });
});
