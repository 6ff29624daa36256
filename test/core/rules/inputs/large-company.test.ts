import { describe, expect, it } from 'vitest';
import { prepareForReading } from '../../../../src/core/reading/numerals.js';
import {
  extractCompanyTier,
  readLargeCompanyInputs,
} from '../../../../src/core/rules/inputs/large-company.js';
import { extractAmounts } from '../../../../src/core/reading/amounts.js';

const read = (question: string) => readLargeCompanyInputs(prepareForReading(question));

describe('large company: which amount is the project and which the sales, by cue words', () => {
  it.each([
    ['79억원 사업에 매출 1조원 대기업 참여 가능?', 'large-8000-plus', 7_900_000_000, 1_000_000_000_000],
    ['79억원 사업에 매출 일조원 대기업 참여 가능?', 'large-8000-plus', 7_900_000_000, 1_000_000_000_000],
    ['매출 1조원 대기업이 79억원 사업 참여 가능?', 'large-8000-plus', 7_900_000_000, 1_000_000_000_000],
    ['1조원 규모 회사가 79억 사업에 들어갈 수 있어?', 'large-8000-plus', 7_900_000_000, 1_000_000_000_000],
    ['매출 1조 대기업, 사업금액 79억', 'large-8000-plus', 7_900_000_000, 1_000_000_000_000],
    ['사업비 구십억, 연매출 칠천억 대기업', 'large-under-8000', 9_000_000_000, 700_000_000_000],
    ['매출 9천억인데 60억짜리 사업 들어갈 수 있나요', 'large-8000-plus', 6_000_000_000, 900_000_000_000],
    ['매출 8천억 딱인데 79억 9천만원 사업은?', 'large-8000-plus', 7_990_000_000, 800_000_000_000],
    ['a 1 trillion won company bidding on a 7 billion won project', 'large-8000-plus', 7_000_000_000, 1e12],
    [
      'a one trillion won company bidding on a seven billion won project',
      'large-8000-plus',
      7_000_000_000,
      1e12,
    ],
    [
      'Large firm with sales of KRW 900 billion, project of KRW 7 billion',
      'large-8000-plus',
      7_000_000_000,
      9e11,
    ],
    [
      'A large company with 500 billion won in sales wants a 4 billion won project',
      'large-under-8000',
      4e9,
      5e11,
    ],
    [
      'Our revenue: KRW 650bn. We are a large enterprise. The gig: KRW 3.9bn incl. VAT.',
      'large-under-8000',
      3.9e9,
      6.5e11,
    ],
    ['project 80억, we are a big firm with sales of 1.2 trillion', 'large-8000-plus', 8_000_000_000, 1.2e12],
  ])('%s → %s, project %d, sales %d', (question, tier, amountKrw, salesKrw) => {
    const reading = read(question);
    expect(reading.unclear).toEqual([]);
    expect(reading.values).toMatchObject({ companyTier: tier, amountKrw, salesKrw });
    expect(reading.asked).toBe(true);
  });

  it.each([
    ['대기업 90억 사업 참여 돼?', 9_000_000_000],
    ['중소기업 200억 사업 참여 가능?', 20_000_000_000],
    ['대기업이 39억 사업 참여 가능해?', 3_900_000_000],
    ['We are a chaebol affiliate; the tender is 12억 incl. VAT', 1_200_000_000],
    ['SME here, say KRW 30bn', 30_000_000_000],
  ])('a lone amount with no sales cue is the project amount: %s', (question, amountKrw) => {
    const reading = read(question);
    expect(reading.values['amountKrw']).toBe(amountKrw);
    expect(reading.values['salesKrw']).toBeUndefined();
  });

  it.each([
    ['대기업 1조, 79억 참여?', 'amount-role'],
    ['매출이 커요. 대기업 50억 참여 가능?', 'amount-role'],
    ['매출 1조, 매출 9천억 대기업 79억 사업', 'several-values'],
    ['대기업 50억 사업, 80억 사업 둘 다 가능?', 'several-values'],
  ])('unclear when no cue decides: %s (%s)', (question, reason) => {
    const reading = read(question);
    expect(reading.unclear.map((u) => u.reason)).toContain(reason);
  });

  it('a threshold the question talks about is not an input ("80억 이상이어야 하나요?")', () => {
    const reading = read('매출 9천억 대기업은 80억 이상이어야 하나요? 우리 사업은 70억');
    expect(reading.unclear).toEqual([]);
    expect(reading.values).toMatchObject({ amountKrw: 7_000_000_000, salesKrw: 900_000_000_000 });
  });

  it('an amount too large to be a number is impossible, not read', () => {
    const reading = read(`대기업 ${'9'.repeat(320)}억 사업`);
    expect(reading.unclear).toContainEqual({ input: 'amountKrw', reason: 'impossible' });
    expect(reading.values['amountKrw']).toBeUndefined();
  });
});

describe('large company: tiers, with negations honoured', () => {
  it.each([
    ['상호출자제한기업집단 계열사가 500억 사업 입찰 가능해?', 'group'],
    ['상출제 계열사인데 12억 사업', 'group'],
    ['재벌 계열 SI인데 1000억짜리 사업도 못 들어가요?', 'group'],
    ['Is a business-group affiliate allowed on a 1 billion won project?', 'group'],
    ['우리는 상호출자제한기업집단은 아님. 대기업, 90억 사업', 'large'],
    ['상출제 아님, 대기업 90억 사업', 'large'],
    ['(상호출자제한 아님) 대기업 90억 사업', 'large'],
    ['상호출자제한기업집단에 속하지 않는 대기업, 90억 사업', 'large'],
    ['계열사 아닌데 대기업이에요. 90억 사업', 'large'],
    ['We are not in a restricted group; large firm, 9 billion won project', 'large'],
    ['not a chaebol affiliate, large firm, 9 billion won project', 'large'],
    ['a non-affiliated large company, 9 billion won project', 'large'],
    ['large SW company, 90억 project', 'large'],
    ['대형 SW 기업인데 30억 사업 참여?', 'large'],
    ['대기업 SW사업자 50억 사업', 'large'],
    ['중소기업 아니고 대기업, 30억 사업', 'large'],
    ['중견기업 된 지 3년 된 회사가 19억 사업 참여 가능?', 'new-midsize'],
    ['Can a recently mid-sized firm bid on a KRW 2 billion project?', 'new-midsize'],
    ['중소기업 200억 사업 참여 가능?', 'sme'],
    ['SW SME, 2 billion won job: fine?', 'sme'],
    ['매출 8,000억원 이상 대기업이 79억 사업 참여 돼?', 'large-8000-plus'],
    ['8000억 넘는 대기업 79억 사업', 'large-8000-plus'],
    ['매출 8000억 미만 대기업, 45억 사업', 'large-under-8000'],
    ['매출 7,999억 대기업이 40억짜리 사업 참여 가능?', 'large-under-8000'],
    ['매출 5천억 이상 대기업 50억 사업', 'large'],
  ])('%s → %s', (question, tier) => {
    expect(read(question).values['companyTier']).toBe(tier);
  });

  it.each([
    '대기업 아님. 90억 사업',
    'we are not a large company; 9 billion won project',
    '90억 사업 참여 가능?',
  ])('no tier in "%s", so companyTier is missing', (question) => {
    const reading = read(question);
    expect(reading.values['companyTier']).toBeUndefined();
    expect(reading.missing).toContain('companyTier');
  });
});

describe('large company: VAT and the estimated price', () => {
  it('adds VAT when the question says it is excluded, with a note', () => {
    const reading = read('매출 1조2천억 대기업이 추정가격 75억(부가세 별도) 사업 참여 가능?');
    expect(reading.values['amountKrw']).toBe(8_250_000_000);
    expect(reading.notes).toEqual([{ key: 'rule.vatNote', values: { amount: '75억', total: '82.5억원' } }]);
    // Shown as the question's amount plus VAT: no figure the asker did not write.
    expect(reading.display['amountKrw']).toBe('75억 + VAT 10%');
  });

  it.each(['excluding VAT', 'excl. VAT', 'VAT 제외', '부가세 미포함'])(
    'reads "%s" as VAT excluded',
    (words) => {
      expect(read(`대기업, 37억 사업 ${words}`).values['amountKrw']).toBe(4_070_000_000);
    },
  );

  it.each(['부가세 포함', 'including VAT', 'incl. VAT', 'VAT포함'])(
    'takes the amount as is with "%s"',
    (words) => {
      const reading = read(`대기업, 추정가격 37억 사업 ${words}`);
      expect(reading.values['amountKrw']).toBe(3_700_000_000);
      expect(reading.notes).toEqual([{ key: 'rule.amountAsked', values: { amount: '37억' } }]);
      expect(reading.display['amountKrw']).toBe('37억');
    },
  );

  it('an estimated price (추정가격) is before VAT by definition, so VAT is added with its own note', () => {
    const reading = read('추정가격 75억 사업, 매출 1조 대기업');
    expect(reading.values['amountKrw']).toBe(8_250_000_000);
    expect(reading.notes).toEqual([
      { key: 'rule.estimatedPriceNote', values: { amount: '75억', total: '82.5억원' } },
    ]);
  });
});

describe('large company: the VAT written out as its own amount', () => {
  it.each([
    ["The project's estimated price is 38억 and VAT is 3.8억; our sales are 5,000억", '38억 + VAT 3.8억'],
    ['매출 5천억 대기업인데 추정가격 38억, 부가세 3.8억이면 참여 돼?', '38억 + VAT 3.8억'],
  ])('adds it to the price once: %s', (question, shown) => {
    const reading = read(question);
    expect(reading.values['amountKrw']).toBe(4_180_000_000);
    expect(reading.values['salesKrw']).toBe(500_000_000_000);
    expect(reading.display['amountKrw']).toBe(shown);
  });

  it('an amount after "VAT" that is not a tenth of another is not added', () => {
    const reading = read('대기업, 추정가격 38억, 부가세 5억?');
    expect(reading.values['amountKrw']).toBeUndefined();
  });
});

describe('large company: bounded project amounts', () => {
  it('"80억 이상 사업" is read at its floor', () => {
    expect(read('대기업인데 80억 이상 사업 참여돼?').values['amountKrw']).toBe(8_000_000_000);
  });

  it('"50억 이하 사업" tries the bound and the smallest amount', () => {
    const reading = read('대기업 50억 이하 사업 참여돼?');
    expect(reading.values['amountKrw']).toBeUndefined();
    expect(reading.alternatives).toEqual([{ amountKrw: 5_000_000_000 }, { amountKrw: 1 }]);
    expect(reading.missing).not.toContain('amountKrw');
  });
});

describe('extractCompanyTier (for the current engine)', () => {
  it('finds the sales figure by its cue, wherever it stands', () => {
    const text = '79억원 사업에 매출 1조원 대기업';
    expect(extractCompanyTier(text, extractAmounts(text))).toEqual({
      tier: 'large-8000-plus',
      salesKrw: 1_000_000_000_000,
    });
  });

  it('honours a negated group', () => {
    const text = '우리는 상호출자제한기업집단은 아님, 대기업';
    expect(extractCompanyTier(text, [])).toEqual({ tier: 'large', salesKrw: null });
  });
});

describe('large company: exceptions to the limits', () => {
  it.each([
    ['We belong to a 상호출자제한기업집단. Can we join an MSIT-approved defence SW project?', true],
    ['국방 SW사업인데 과기정통부가 인정하면 대기업도 참여할 수 있어요?', true],
    ['대기업인데 민간투자 SW사업은 금액 상관없이 참여 돼?', true],
    ['상출 계열 SI가 300억짜리 사업 입찰 가능? 예외 사유는 없음.', false],
    ['매출 1조 대기업, 100억 사업 참여 가능?', false],
  ])('%s → exceptionGround %s', (question, expected) => {
    expect(read(question).values['exceptionGround']).toBe(expected);
  });

  it('a defence project with no word of MSIT approval is left unclear, not assumed', () => {
    const reading = read('상출 계열인데 국방 사업 참여 가능?');
    expect(reading.values['exceptionGround']).toBeUndefined();
    expect(reading.unclear).toEqual([{ input: 'exceptionGround', reason: 'exception-approval' }]);
  });

  it('"금액 상관없이" is not a negation of the company tier', () => {
    expect(read('대기업도 금액 상관없이 참여할 수 있어요?').values['companyTier']).toBe('large');
  });
});
