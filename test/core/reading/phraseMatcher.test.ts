import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../../../src/core/phraseMatcher.js';
import { sinoAmountsAsDigits } from '../../../src/core/reading/numerals.js';
import { normalizeText } from '../../../src/core/text.js';

const matcher = new PhraseMatcher(
  [
    { phrase: '15억', target: 'fifteen' },
    { phrase: '5000만원', target: 'limit' },
    { phrase: '645억', target: 'total' },
    { phrase: '제외', target: 'left-out' },
    { phrase: '예산', target: 'budget' },
    { phrase: '몇 차', target: 'phase' },
  ],
  { fuzzy: true },
);
const targets = (question: string) =>
  matcher
    .match(normalizeText(question))
    .map((h) => h.target)
    .sort();

describe('phrase matching', () => {
  it('matches a phrase that starts or ends in a digit only as a whole number', () => {
    expect(targets('115억 사업')).toEqual([]);
    expect(targets('15억 사업')).toEqual(['fifteen']);
    expect(targets('총 64억5000만원 맞죠?')).toEqual([]);
    expect(targets('한도 5000만원')).toEqual(['limit']);
    expect(targets('150억 사업')).toEqual([]);
  });

  it('finds an amount typed in number words once they are read as digits', () => {
    expect(targets('육백사십오억 맞아?')).toEqual([]);
    expect(targets(sinoAmountsAsDigits('육백사십오억 맞아?'))).toEqual(['total']);
    // Native counts stay as they are: phrases spell them ("한 번 유찰").
    expect(sinoAmountsAsDigits('한 번 유찰')).toBe('한 번 유찰');
  });

  it('does not read a two-syllable word across two words of the question', () => {
    expect(targets('재외공관 해외정보 과제 외교부꺼 맞음?')).toEqual([]);
    expect(targets('설명회에서 제외된 과제')).toEqual(['left-out']);
    // A word split by a stray space, or a phrase written with a space, still matches.
    expect(targets('주민 등록 예 산')).toEqual(['budget']);
    expect(targets('몇차 사업이야')).toEqual(['phase']);
  });
});
