import { describe, expect, it } from 'vitest';
import { extractAmounts, extractShare, readShares } from '../../../src/core/reading/amounts.js';
import { prepareForReading } from '../../../src/core/reading/numerals.js';

describe('extractAmounts', () => {
  it.each([
    ['100억', 10_000_000_000],
    ['3억 5천만원', 350_000_000],
    ['79억 9천만원', 7_990_000_000],
    ['1조2천억', 1_200_000_000_000],
    ['8,000억원', 800_000_000_000],
    ['64억5000만', 6_450_000_000],
    ['1,234만5,678원', 12_345_678],
    ['1만 1원', 10_001],
    ['10 billion won', 10_000_000_000],
    ['KRW 3.8bn', 3_800_000_000],
    ['1.5 trillion won', 1_500_000_000_000],
    ['10,000,000,000원', 10_000_000_000],
    ['an 80-million-won services contract', 80_000_000],
    ['a 1.5-billion-won project', 1_500_000_000],
  ])('%s → %d', (text, krw) => {
    expect(extractAmounts(text).map((a) => a.krw)).toEqual([krw]);
  });

  it.each(['국가계약법 시행령 제27조③', '제48조 대기업', '27조 2항', '시행령 27조의2'])(
    'an article is not an amount: %s',
    (text) => {
      expect(extractAmounts(text)).toEqual([]);
    },
  );

  it('keeps amounts apart when a unit does not fall (3억 5억 is two amounts)', () => {
    expect(extractAmounts('3억 5억').map((a) => a.krw)).toEqual([300_000_000, 500_000_000]);
  });

  it('gives each amount with where it stands and how it was written', () => {
    expect(extractAmounts('79억원 사업에 매출 1조원 대기업')).toEqual([
      { krw: 7_900_000_000, index: 0, text: '79억원' },
      { krw: 1_000_000_000_000, index: 12, text: '1조원' },
    ]);
  });

  it.each([
    '일조원',
    '구십억',
    '칠천억',
    '육십사억오천만원',
    'one trillion won',
    'nine billion won',
    '８２억',
  ])('reads the number words of "%s" once they are normalised', (text) => {
    expect(extractAmounts(text)).toEqual([]);
    expect(extractAmounts(prepareForReading(text))).toHaveLength(1);
  });
});

describe('readShares', () => {
  it.each([
    ['60%', 60, 'percent', 'exact'],
    ['60퍼센트', 60, 'percent', 'exact'],
    ['60 프로', 60, 'percent', 'exact'],
    ['8 per cent', 8, 'percent', 'exact'],
    ['3분의 1', 33.33, 'fraction', 'exact'],
    ['3분의1', 33.33, 'fraction', 'exact'],
    ['절반', 50, 'word', 'exact'],
    ['전체의 반을', 50, 'word', 'exact'],
    ['half the project', 50, 'word', 'exact'],
    ['one third', 33.33, 'word', 'exact'],
    ['a third', 33.33, 'word', 'exact'],
    ['two thirds', 66.67, 'word', 'exact'],
    ['two-thirds of our contract', 66.67, 'word', 'exact'],
    ['하도급 60퍼 줘도 됨?', 60, 'percent', 'exact'],
    ['50% 넘게', 50, 'percent', 'over'],
    ['50%를 초과', 50, 'percent', 'over'],
    ['more than 50%', 50, 'percent', 'over'],
    // "over" only as a word: "cover the 80% cap" names the cap.
    ['did it also cover the 80% advance cap', 80, 'percent', 'exact'],
    ['30% 이상', 30, 'percent', 'at-least'],
    ['at least 30%', 30, 'percent', 'at-least'],
    ['51%까지', 51, 'percent', 'at-most'],
    ['no more than 50%', 50, 'percent', 'at-most'],
    ['up to 40%', 40, 'percent', 'at-most'],
    ['과반', 50, 'word', 'over'],
  ])('%s → %d (%s, %s)', (text, percent, kind, bound) => {
    expect(readShares(text)).toEqual([expect.objectContaining({ percent, kind, bound })]);
  });

  it.each(['반드시', '위반', '일반 사업', '반영', '프로그램 예산', '프로젝트'])(
    'reads no share in "%s"',
    (text) => {
      expect(readShares(text)).toEqual([]);
    },
  );

  it('extractShare prefers a percent, then a fraction, then a word', () => {
    expect(extractShare('절반 정도, 정확히는 45%')).toEqual({ percent: 45, text: '45%' });
    expect(extractShare('절반 아니고 3분의 1')).toEqual({ percent: 33.33, text: '3분의 1' });
  });
});
