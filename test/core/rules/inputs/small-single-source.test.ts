import { describe, expect, it } from 'vitest';
import { prepareForReading } from '../../../../src/core/reading/numerals.js';
import { readSmallSingleSourceInputs } from '../../../../src/core/rules/inputs/small-single-source.js';
import { ask } from '../../../support/engine.js';

const read = (q: string) => readSmallSingleSourceInputs(prepareForReading(q));

describe('small-value single-source inputs', () => {
  it.each([
    ['2022년 전문공사 1억5천 소액수의', 'specialty-works', 150_000_000],
    ['general construction of 350 million won', 'general-works', 350_000_000],
    ['물품 팔천만원', 'goods-services', 80_000_000],
    ['기타 공사 1억 2천', 'other-works', 120_000_000],
  ])('%s → %s, %d', (question, workType, amount) => {
    const reading = read(question);
    expect(reading.values['workType']).toBe(workType);
    expect(reading.values['amountKrw']).toBe(amount);
  });

  it('reads a small firm only when said plainly, and two kinds of works as unclear', () => {
    expect(read('goods worth 80 million won from a small business').values['smallFirm']).toBe(true);
    expect(read('goods worth 80 million won').values['smallFirm']).toBeUndefined();
    expect(read('종합공사랑 전문공사 3억').unclear).toEqual([
      { input: 'workType', reason: 'several-values' },
    ]);
  });
});

describe('small-value single-source verdicts', () => {
  it.each([
    // Under the old limit: always; over the raised limit: never.
    ['2019년 물품 4천만원 소액수의 가능?', 'allowed'],
    ['2024년 전문공사 2억 5천만원 소액 수의계약 돼?', 'not_allowed'],
    // Between the two: allowed from 2021-07-06, not before 2020-05-01; in May-December 2020 the
    // temporary doubling (inferred), and unknown from 2021-01-01 to 2021-07-05.
    ['2023년 종합공사 3억5천 소액수의 가능?', 'allowed'],
    ['2019년 종합공사 3억 소액수의 가능?', 'not_allowed'],
    ['2020년 8월 종합공사 3억 소액수의 가능?', 'allowed'],
    ['2020년 9월에 소기업이랑 물품 8천만원 소액수의 가능했어?', 'allowed'],
    ['ICT works worth 1.5억 in Sept 2020 — small single-source allowed?', 'allowed'],
    ['2020년 9월 전문공사 2억 5천만원 소액수의 가능?', 'not_allowed'],
    ['2021년 3월에 물품 8천만원 소액수의 가능?', 'unknown'],
    ['2020년 4월 종합공사 3억 소액수의 가능?', 'not_allowed'],
    // Goods and services: the 1억 limit is for small firms; without saying so, no verdict.
    ['2022년 소기업과 물품 8천만원 소액수의 돼?', 'allowed'],
  ])('%s → %s', (question, verdict) => {
    expect(ask(question).verdict).toBe(verdict);
  });

  it('says it needs the counterpart for goods between the two limits', () => {
    const answer = ask('2022년 물품 8천만원 소액수의 돼?');
    expect(answer.verdict).not.toBe('allowed');
    expect(answer.text).toContain('소기업');
  });
});

describe('small-value single-source: one amount said with and without VAT', () => {
  it('keeps both as alternatives, so the verdict stands only if both give it', () => {
    const reading = readSmallSingleSourceInputs(
      prepareForReading('a services contract of 80 million won (88 million incl. VAT) with a small firm'),
    );
    expect(reading.unclear).toEqual([]);
    expect(reading.alternatives).toEqual([{ amountKrw: 80_000_000 }, { amountKrw: 88_000_000 }]);
  });

  it('still calls two unrelated amounts unclear', () => {
    const reading = readSmallSingleSourceInputs(prepareForReading('8천만원짜리랑 3천만원짜리 용역 수의계약'));
    expect(reading.unclear.map((u) => u.input)).toContain('amountKrw');
  });
});
