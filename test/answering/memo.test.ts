import { describe, expect, it } from 'vitest';
import { rememberAnswers } from '../../src/answering/memo.js';
import { realEngine } from '../support/engine.js';

const TODAY = '2026-11-26';

describe('the answer memo', () => {
  it('answers a repeat from memory, with the answer the engine gives', () => {
    const engine = rememberAnswers(realEngine());
    const question = { text: '설명회 언제야?', today: TODAY };
    const first = engine.answer(question);
    const again = engine.answer({ ...question });
    expect(again).toBe(first);
    expect(again).toEqual(realEngine().answer(question));
    expect(engine.memoCounts()).toEqual({ hits: 1, misses: 1 });
  });

  it('keeps the day and the forced language apart', () => {
    const engine = rememberAnswers(realEngine());
    const text = 'Can we go single-source after one failed bid?';
    const in2021 = engine.answer({ text, today: '2021-03-01' });
    const in2019 = engine.answer({ text, today: '2019-03-01' });
    expect(in2021.verdict).toBe('allowed');
    expect(in2019.verdict).toBe('not_allowed');
    const korean = engine.answer({ text, today: '2021-03-01', language: 'ko' });
    expect(korean.language).toBe('ko');
    expect(engine.memoCounts()).toEqual({ hits: 0, misses: 3 });
  });

  it('forgets the least recently asked answer first', () => {
    const engine = rememberAnswers(realEngine(), 2);
    const ask = (text: string) => engine.answer({ text, today: TODAY });
    ask('설명회 언제야?');
    ask('총 예산 얼마야?');
    ask('설명회 언제야?'); // asked again: now the most recent
    ask('국민비서 예산?'); // forgets 총 예산
    ask('설명회 언제야?');
    expect(engine.memoCounts()).toEqual({ hits: 2, misses: 3 });
    ask('총 예산 얼마야?');
    expect(engine.memoCounts()).toEqual({ hits: 2, misses: 4 });
  });

  it('passes the typed lookups through to the engine', () => {
    const engine = rememberAnswers(realEngine());
    expect(engine.describeProject('national-secretary', 'budget', 'en').projects).toEqual([
      'national-secretary',
    ]);
    expect(engine.kb).toBe(realEngine().kb);
  });
});
