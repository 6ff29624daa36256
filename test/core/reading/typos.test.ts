import { describe, expect, it } from 'vitest';
import { correctTypos, typoWords } from '../../../src/core/reading/typos.js';
import { loadKnowledge } from '../../../src/knowledge/load.js';
import { ask } from '../../support/engine.js';

const words = typoWords(loadKnowledge().lexicon.typoWords);

describe('typos of the words users mistype most', () => {
  it.each([
    ['설멍회 몇시부터?', '설명회 몇시부터?'],
    ['2022 전자정뷰 지원사업', '2022 전자정부 지원사업'],
    ['수의게약 특례 언제까지야?', '수의계약 특례 언제까지야?'],
    ['하도귭 50% 넘으면?', '하도급 50% 넘으면?'],
  ])('%s → %s', (typed, read) => {
    expect(correctTypos(typed, words)).toBe(read);
  });

  it('leaves words more than one jamo away, and correct text, alone', () => {
    for (const text of [
      '설명해 줘',
      '설명서 어디 있어?',
      '보조금 사업',
      '진흥원 담당자',
      '설명회 언제야?',
      'no hangul here',
    ])
      expect(correctTypos(text, words)).toBe(text);
  });

  it('answers a mistyped question as the spelt one', () => {
    expect(ask('2021 전자정부지원사업 설멍회 언제 했어?').text).toContain('2021년 1월 21일');
  });
});

describe('Latin typos', () => {
  it('mends one letter in a long lexicon word, and leaves its inflections alone', () => {
    expect(correctTypos('whens the briefng', words)).toBe('whens the briefing');
    expect(correctTypos('pay subcontractors quickly', words)).toBe('pay subcontractors quickly');
    expect(correctTypos('the exceptions ended', words)).toBe('the exceptions ended');
    expect(correctTypos('briefly put', words)).toBe('briefly put');
  });

  it('reads a two-syllable word only at the start of a word', () => {
    expect(correctTypos('특레 언제까지임', words)).toBe('특례 언제까지임');
    expect(correctTypos('독특레', words)).toBe('독특레');
  });
});
