import { describe, expect, it } from 'vitest';
import { prepareForReading } from '../../../../src/core/reading/numerals.js';
import { readAdvancePaymentInputs } from '../../../../src/core/rules/inputs/advance-payment.js';

const read = (question: string) => readAdvancePaymentInputs(prepareForReading(question));

describe('advance payment: the asked percent', () => {
  it.each([
    ['선금 100% 받을 수 있어?', 100],
    ['선금 90% 받을 수 있어?', 90],
    ['선금 80% 2020년 6월 가능?', 80],
    ['a 100% advance in 2021?', 100],
    ['Was the 80% advance cap available in March 2020?', 80],
    ['70% prepayment on a services contract', 70],
    ['선금 백퍼센트', 100],
    ['sixty percent advance payment', 60],
    ['입찰보증금 2.5%에 선금 80%', 80],
    ['선금 전액 받을 수 있나', 100],
    ['full advance on a construction contract', 100],
  ])('%s → %d', (question, percent) => {
    const reading = read(question);
    expect(reading.values['advancePercent']).toBe(percent);
    expect(reading.unclear).toEqual([]);
    expect(reading.asked).toBe(true);
  });

  it('a percent with no advance word is not the advance (bond rates)', () => {
    expect(read('입찰보증금 2.5%로 해도 돼?').values['advancePercent']).toBeUndefined();
  });

  it('"선금 80% 넘게" tries every percent above 80', () => {
    expect(read('선금 80% 넘게 받을 수 있어?').alternatives).toEqual([
      { advancePercent: 80.01 },
      { advancePercent: 100 },
    ]);
  });

  it('two advance percents are unclear ("70%에서 80%로")', () => {
    expect(read('선금 70%에서 80%로 올랐어?').unclear).toEqual([
      { input: 'advancePercent', reason: 'several-values' },
    ]);
  });

  it('never misses an input: rules.yaml requires none yet', () => {
    expect(read('선금 언제까지 80%야?').missing).toEqual([]);
  });
});

describe('advance payment: contract type', () => {
  it.each([
    ['공사 계약인데 선금 80%?', 'works'],
    ['건설공사 선금', 'works'],
    ['a construction contract, 80% advance', 'works'],
    ['public works advance payment', 'works'],
    ['용역 선금 70%', 'services'],
    ['한국도로공사 용역 선금 80%', 'services'],
    ['services contract advance', 'services'],
    ['물품 구매 선금', 'goods'],
    ['advance on a goods purchase', 'goods'],
  ])('%s → %s', (question, type) => {
    expect(read(question).values['contractType']).toBe(type);
  });

  it('two types named is unclear', () => {
    expect(read('공사랑 용역 둘 다 선금 80%?').unclear).toEqual([
      { input: 'contractType', reason: 'several-values' },
    ]);
  });
});
