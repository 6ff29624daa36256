import { describe, expect, it } from 'vitest';
import { prepareForReading } from '../../../../src/core/reading/numerals.js';
import {
  readSubcontractingInputs,
  saysResubcontract,
} from '../../../../src/core/rules/inputs/subcontracting.js';

const read = (question: string) => readSubcontractingInputs(prepareForReading(question));

describe('subcontracting: the share', () => {
  it.each([
    ['하도급 11% 주면 돼?', 11, '11%'],
    ['하도급 50.5% 가능?', 50.5, '50.5%'],
    ['하청 70% 가능?', 70, '70%'],
    ['하도급 육십퍼센트', 60, '60퍼센트'],
    ['하도급 육십 프로 줘도 돼?', 60, '60 프로'],
    ['하도급 3분의 1 줘도 되나요?', 33.33, '3분의 1'],
    ['하도급 삼분의 일', 33.33, '3분의 1'],
    ['하도급 1/3', 33.33, '1/3'],
    ['전체의 반 하도급 가능?', 50, '전체의 반'],
    ['절반을 하도급 줘도 돼?', 50, '절반'],
    ['We plan to subcontract a third of the work. OK?', 33.33, 'a third'],
    ['subcontract one third', 33.33, 'one third'],
    ['two thirds subcontracted, ok?', 66.67, 'two thirds'],
    ['Outsourcing exactly half the project — allowed?', 50, 'half'],
    ['8 per cent subcontracted — any joint-bid requirement?', 8, '8 per cent'],
    ['sixty percent subcontract ok?', 60, '60 percent'],
    ['40% 하도급 + 재하도급 없음', 40, '40%'],
    ['하도급 51%까지 가능?', 51, '51%'],
  ])('%s → %d%% (written %s)', (question, percent, written) => {
    const reading = read(question);
    expect(reading.values['sharePercent']).toBe(percent);
    expect(reading.display['sharePercent']).toBe(written);
    expect(reading.unclear).toEqual([]);
    expect(reading.asked).toBe(true);
  });

  it.each([
    ['하도급 50% 넘게 줘도 돼?', [{ sharePercent: 50.01 }, { sharePercent: 100 }]],
    ['subcontract more than half?', [{ sharePercent: 50.01 }, { sharePercent: 100 }]],
    ['하도급 과반', [{ sharePercent: 50.01 }, { sharePercent: 100 }]],
    ['하도급 30% 이상', [{ sharePercent: 30 }, { sharePercent: 100 }]],
  ])('a bounded share tries its whole range: %s', (question, alternatives) => {
    const reading = read(question);
    expect(reading.values['sharePercent']).toBeUndefined();
    expect(reading.alternatives).toEqual(alternatives);
    expect(reading.missing).toEqual([]);
  });

  it('a threshold talked about next to the share is not the share ("10% 넘으면 공동수급?")', () => {
    const reading = read('하도급 40%인데 10% 넘으면 공동수급?');
    expect(reading.values['sharePercent']).toBe(40);
    expect(reading.unclear).toEqual([]);
  });

  it.each(['하도급 30%랑 40% 중에 뭐가 나아?', '하도급 30%, 그리고 40%', '50% 아니면 60%?'])(
    'two shares with nothing to choose between them are unclear: %s',
    (question) => {
      const reading = read(question);
      expect(reading.unclear).toHaveLength(1);
      expect(reading.values['sharePercent']).toBeUndefined();
    },
  );

  it('a share over 100% is impossible', () => {
    expect(read('하도급 150%').unclear).toEqual([{ input: 'sharePercent', reason: 'impossible' }]);
  });

  it('no share: sharePercent is missing and nothing is asked', () => {
    const reading = read('하도급 규정 알려줘');
    expect(reading.missing).toEqual(['sharePercent']);
    expect(reading.asked).toBe(false);
    expect(reading.values['resubcontract']).toBe(false);
  });
});

describe('subcontracting: the share given as two amounts', () => {
  it.each([
    ['계약금액 10억 SW개발사업인데 6억어치를 하도급 주려고 합니다', 60, '6억/10억'],
    ['10억 사업인데 3억 하도급 줘도 돼?', 30, '3억/10억'],
    ['Our contract is 2 billion won and we want to subcontract 800 million won of it', 40],
    ['하도급 금액 6억, 사업금액 10억이면 가능?', 60],
  ])('%s → %s%%', (question, percent, shown?: string) => {
    const reading = read(question);
    expect(reading.values['sharePercent']).toBe(percent);
    // Shown as the asker wrote it: no computed figure appears in the answer.
    if (shown) expect(reading.display['sharePercent']).toBe(shown);
  });

  it('reads no share when neither amount is the subcontracted one, or the part is not smaller', () => {
    expect(read('10억 사업에 3억 추가 예산, 하도급 가능?').values['sharePercent']).toBeUndefined();
    expect(read('3억 사업인데 10억 하도급?').values['sharePercent']).toBeUndefined();
  });
});

describe('subcontracting: re-subcontracting', () => {
  it.each([
    ['하청업체가 또 하청 줘도 돼?', true],
    ['하도급 30% 주고 그 하도급사가 재하도급하면?', true],
    ['재하청은 아예 안 되는 건가요?', true],
    ['재하도급 금지인가요?', true],
    ['Is re-subcontracting allowed?', true],
    ['40% subcontract, and the sub would re-subcontract part of it', true],
    ['Can a subcontractor hand the work on to another sub?', true],
    ['can the sub pass it on to another sub?', true],
    ['sub-subcontracting ok?', true],
    ['재하도급은 안 함. 하도급 40%', false],
    ['40% 하도급 + 재하도급 없음', false],
    ['재하도급 계획 없음', false],
    ['재하도급은 하지 않을 거예요', false],
    ['no re-subcontracting, 40% subcontract', false],
    ['without re-subcontracting', false],
    ['we will not re-subcontract anything', false],
    ['subcontract one third', false],
    ['Can we subcontract one third of the project?', false],
    ['subcontract on time', false],
  ])('%s → %s', (question, expected) => {
    const text = prepareForReading(question);
    expect(saysResubcontract(text)).toBe(expected);
    expect(readSubcontractingInputs(text).values['resubcontract']).toBe(expected);
  });

  it('saying there is none is still asking about it', () => {
    expect(read('재하도급 없음').asked).toBe(true);
  });
});
