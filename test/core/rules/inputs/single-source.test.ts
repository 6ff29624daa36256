import { describe, expect, it } from 'vitest';
import { prepareForReading } from '../../../../src/core/reading/numerals.js';
import {
  extractFailedRounds,
  mentionsFailedBid,
  readSingleSourceInputs,
} from '../../../../src/core/rules/inputs/single-source.js';

const read = (question: string) => readSingleSourceInputs(prepareForReading(question));

describe('single source: failed rounds', () => {
  it.each([
    ['2021년 6월 30일 유찰 한 번이면 수의계약 할 수 있나요?', 1],
    ['2022.1.3 한번 유찰됐어요', 1],
    ['21년 1월 초 유찰 1번 수의계약 되나요', 1],
    ['20년 5월 1일 1회 유찰 수의계약', 1],
    ['2021-05-10 단독응찰 유찰이면 수의계약 가능?', 1],
    ['입찰에 1개 업체만 들어왔어', 1],
    ['입찰했는데 한 곳만 들어와서 유찰됐어요', 1],
    ['Bid failed once on 2020-04-30', 1],
    ['single-source after a single failed tender', 1],
    ['Only one bidder showed up on May 1 2020', 1],
    ['Our first call for bids flopped in early May 2020', 1],
    ['Tender flopped 1x on 1 Jan 2021', 1],
    ['2020년 4월 말 단독응찰로 유찰, 재공고 없이 수의계약 가능했나요?', 1],
    ['2020년 3월 두 번 유찰되면 수의계약 돼?', 2],
    ['2번 유찰 수의계약', 2],
    ['유찰 두 차례', 2],
    ['재공고 입찰도 유찰됐어요', 2],
    ['재공고 입찰 결과 단독입찰로 유찰된 경우 수의계약 가능?', 2],
    ['두 번째 공고도 유찰됐어요', 2],
    ['2차 입찰도 유찰', 2],
    ['2019년 가을 재입찰까지 유찰되면 수의계약 되죠?', 2],
    ['The re-tender also failed (Aug 2021)', 2],
    ['the re-announced bid also failed', 2],
    ['Failed twice, March 2019', 2],
    ['Can we sign single-source after 2 failed bids in 2019?', 2],
    ['유찰 없이 바로 수의계약 할 수 있어?', 0],
    ['No tender has failed yet; can we just award single-source?', 0],
  ])('%s → %d', (question, rounds) => {
    const reading = read(question);
    expect(reading.values['failedRounds']).toBe(rounds);
    expect(reading.unclear).toEqual([]);
    expect(reading.missing).toEqual([]);
    expect(reading.asked).toBe(true);
  });

  it('a failed bid without a count tries one and two rounds', () => {
    const reading = read('입찰이 유찰됐어요 수의계약 되나요');
    expect(reading.values['failedRounds']).toBeUndefined();
    expect(reading.alternatives).toEqual([{ failedRounds: 1 }, { failedRounds: 2 }]);
    expect(reading.missing).toEqual([]);
  });

  it('no count and no failed bid: failedRounds is missing', () => {
    const reading = read('2021년 5월 10일 수의계약 가능?');
    expect(reading.missing).toEqual(['failedRounds']);
    expect(reading.asked).toBe(false);
  });

  it('"한 번 더" is one more on top of a count it does not give: unclear', () => {
    expect(read('한 번 유찰됐는데 한 번 더 유찰되면?').unclear).toEqual([
      { input: 'failedRounds', reason: 'value-role' },
    ]);
  });

  it('a negative count is impossible', () => {
    expect(read('유찰 -1회').unclear).toEqual([{ input: 'failedRounds', reason: 'impossible' }]);
  });

  it('reads the count from the raw text too (한 번, before normalizeNumerals)', () => {
    expect(extractFailedRounds('한 번 유찰')).toBe(1);
    expect(extractFailedRounds('두 번째 공고도 유찰')).toBe(2);
    expect(mentionsFailedBid('유찰됐어요')).toBe(true);
    expect(mentionsFailedBid('수의계약 요건')).toBe(false);
  });
});

describe('single source: national or local contract', () => {
  it.each([
    ['지자체 발주 사업인데 한 번 유찰', 'local'],
    ['지방계약법상 1회 유찰 수의계약', 'local'],
    ['시청에서 발주한 입찰이 유찰', 'local'],
    ['local government, one failed bid', 'local'],
    ['a municipal tender failed once', 'local'],
    ['국가계약법상 1회 유찰', 'national'],
    ['central government ministry, bid failed once', 'national'],
  ])('%s → %s', (question, level) => {
    expect(read(question).values['contractLevel']).toBe(level);
  });

  it.each(['한 번 유찰', '지자체 아님, 한 번 유찰'])('says nothing of the level in "%s"', (question) => {
    expect(read(question).values['contractLevel']).toBeUndefined();
    expect(read(question).missing).toEqual([]);
  });

  it('both levels named is unclear', () => {
    expect(read('지자체랑 국가계약 둘 다 1회 유찰').unclear).toEqual([
      { input: 'contractLevel', reason: 'several-values' },
    ]);
  });
});
