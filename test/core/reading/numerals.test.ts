import { numberToHangul, numberToHangulMixed } from 'es-hangul';
import { describe, expect, it } from 'vitest';
import { extractAmounts } from '../../../src/core/reading/amounts.js';
import { normalizeNumerals, prepareForReading } from '../../../src/core/reading/numerals.js';

describe('normalizeNumerals: Sino-Korean numbers with a unit', () => {
  it.each([
    ['일조원', '1조원'],
    ['구십억', '90억'],
    ['칠천억', '7000억'],
    ['육십사억오천만', '64억5000만'],
    ['육십사억 오천만원', '64억5000만원'],
    ['이천이십이년', '2022년'],
    ['사십오억', '45억'],
    ['팔천억', '8000억'],
    ['천억원', '1000억원'],
    ['육십퍼센트', '60퍼센트'],
    ['육십 프로', '60 프로'],
    ['백퍼센트', '100퍼센트'],
    ['삼분의 일', '3분의 1'],
    ['삼분의일', '3분의1'],
    ['사분의 삼 정도', '4분의 3 정도'],
    ['삼개월 후', '3개월 후'],
    ['이분기', '2분기'],
    ['매출 일조 넘는 회사', '매출 1조 넘는 회사'],
    ['매출이 일조인 회사', '매출이 1조인 회사'],
    ['매출일조원', '매출1조원'],
    ['1억오천만원', '1억5000만원'],
    ['천이백삼십사억오천육백칠십팔만구천십이원', '1234억5678만9012원'],
    ['구십억짜리 사업', '90억짜리 사업'],
    ['팔천억 일 때', '8000억 일 때'],
    ['이천이십일년 오월 십일', '2021년 5월 10일'],
    ['작년 유월', '작년 6월'],
    ['2021년 시월 삼십일일', '2021년 10월 31일'],
    ['5월 십일일에', '5월 11일에'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeNumerals(input)).toBe(expected);
  });
});

describe('normalizeNumerals: native counts', () => {
  it.each([
    ['한 번 유찰', '1번 유찰'],
    ['한번 유찰', '1번 유찰'],
    ['두 번', '2번'],
    ['세 번째 공고', '3번째 공고'],
    ['네 번', '4번'],
    ['유찰 두 차례', '유찰 2차례'],
    ['한 곳만 들어와서', '1곳만 들어와서'],
    ['두 군데', '2군데'],
    ['세 개 업체', '3개 업체'],
    ['세 달 뒤', '3달 뒤'],
    ['한 번도', '1번도'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeNumerals(input)).toBe(expected);
  });

  it.each(['네 번호 알려줘', '두 회사가 응찰', '한 회의에서', '두 달러', '한두 번', '세 개선안'])(
    'leaves "%s" alone: the counter is part of another word',
    (input) => {
      expect(normalizeNumerals(input)).toBe(input);
    },
  );
});

describe('normalizeNumerals: English number words', () => {
  it.each([
    ['one trillion won', '1 trillion won'],
    ['nine billion', '9 billion'],
    ['sixty percent', '60 percent'],
    ['Sixty per cent', '60 per cent'],
    ['a hundred percent advance', '100 percent advance'],
    ['a billion won', '1 billion won'],
    ['sixty-four billion five hundred million won', '64.5 billion won'],
    ['one point five trillion won', '1.5 trillion won'],
    ['nine hundred billion', '900 billion'],
    ['one hundred and twenty percent', '120 percent'],
    ['in two months', 'in 2 months'],
    ['two thousand twenty-one', '2021'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeNumerals(input)).toBe(expected);
  });

  it.each([
    'one third',
    'two thirds',
    'twice',
    'once',
    'one bidder',
    'one failed bid',
    'someone',
    'none of them',
    '1.2 trillion',
  ])('leaves "%s" alone', (input) => {
    expect(normalizeNumerals(input)).toBe(input);
  });
});

describe('normalizeNumerals: digits of other scripts', () => {
  it.each([
    ['８２억', '82억'],
    ['٨٢억', '82억'],
    ['۸۲ billion', '82 billion'],
    ['८२%', '82%'],
    ['𝟖𝟐억', '82억'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeNumerals(input)).toBe(expected);
  });
});

// Words made of numeral syllables, written where a question might have them. None may change.
const ORDINARY_WORDS = [
  '이번',
  '일부',
  '이상',
  '이하',
  '일단',
  '사업',
  '삼성',
  '한국',
  '한시적',
  '한도',
  '일정',
  '이후',
  '오전',
  '구축',
  '십분',
  '만약',
  '천천히',
  '조달청',
  '조건',
  '백서',
  '이월',
  '사원',
  '구원',
  '일원화',
  '이달',
  '사이',
  '수십억',
  '몇천억',
  '천만에요',
  '이천',
  '오십',
  '이점',
  '일회용',
  '이차전지',
  '만원버스',
];
const SENTENCES = [
  (w: string) => `${w} 사업 예산이 얼마야?`,
  (w: string) => `${w}에 대해 알려줘`,
  (w: string) => `혹시 ${w} 관련해서 수의계약 되나요`,
  (w: string) => w,
];

/** 일조 (sunshine, to contribute) and 이만 (this much, that's all) are words unless an amount follows. */
const WORD_SENTENCES = [
  '오늘은 이만',
  '이만큼 많아?',
  '이만하면 됐어',
  '사업 성공에 일조하는 회사',
  '일조량',
  '일조',
];

describe('normalizeNumerals never rewrites ordinary words', () => {
  it.each([...ORDINARY_WORDS.flatMap((word) => SENTENCES.map((make) => make(word))), ...WORD_SENTENCES])(
    '%s',
    (sentence) => {
      expect(normalizeNumerals(sentence)).toBe(sentence);
    },
  );
});

describe('normalizeNumerals: es-hangul numbers read back as the same amount', () => {
  // A spread of amounts from 1만 to 9,999조: round ones, ragged ones, and ones with empty groups.
  const amounts: number[] = [];
  for (let exponent = 4; exponent <= 15; exponent++) {
    const base = 10 ** exponent;
    for (const factor of [1, 1.1, 2, 3.05, 4.5, 7.77, 9.999]) amounts.push(Math.round(base * factor));
  }
  let seed = 7;
  for (let i = 0; i < 300; i++) {
    seed = (seed * 48271) % 2147483647;
    amounts.push(10_000 + (seed % 1e6) * 10 ** (seed % 10));
  }
  amounts.push(
    10_001,
    110_000_000,
    6_450_000_000,
    1_000_000_000_000,
    1_200_000_000_000,
    99_999_999,
    123_456_789_012,
  );

  const forms: [string, (n: number) => string][] = [
    ['numberToHangul', (n) => numberToHangul(n)],
    ['numberToHangul spaced', (n) => numberToHangul(n, { spacing: true })],
    ['numberToHangulMixed', (n) => numberToHangulMixed(n)],
    ['numberToHangulMixed spaced', (n) => numberToHangulMixed(n, { spacing: true })],
  ];

  it.each(forms)('%s(n) + 원 reads back as n', (_name, write) => {
    const wrong = amounts.filter((n) => {
      const read = extractAmounts(normalizeNumerals(`사업금액 ${write(n)}원 사업`));
      return read.length !== 1 || read[0]!.krw !== n;
    });
    expect(wrong.map((n) => `${n}: ${write(n)}원`)).toEqual([]);
  });

  it('is idempotent', () => {
    for (const n of amounts.slice(0, 50)) {
      const once = normalizeNumerals(`${numberToHangul(n)}원`);
      expect(normalizeNumerals(once)).toBe(once);
    }
  });
});

describe('prepareForReading', () => {
  it('applies NFKC and lower case before reading numbers', () => {
    expect(prepareForReading('ＶＡＴ 별도 ８２억, Sixty Percent')).toBe('vat 별도 82억, 60 percent');
  });
});
