import { describe, expect, it } from 'vitest';
import { prepareForReading } from '../../../../src/core/reading/numerals.js';
import { readEmergencyNoticeInputs } from '../../../../src/core/rules/inputs/emergency-notice.js';

const read = (q: string) => readEmergencyNoticeInputs(prepareForReading(q));

describe('emergency-notice inputs', () => {
  it.each([
    ['2019년에 법정 긴급 사유가 있으면 5일 공고 가능?', true],
    ['if there was a genuine statutory emergency reason, could the notice be 5 days?', true],
    ['긴급 사유가 있는 경우 5일 공고 돼?', true],
    ['긴급사유도 없어요. 입찰공고 7일로 해도 돼요?', false],
    ['법정 사유는 없는데 5일 공고 가능?', false],
    ['no statutory reason, just early spending: 5-day notice?', false],
    ['we have no emergency reason at all', false],
    ['2019년에 5일 공고 가능?', undefined],
  ])('%s → statutoryReason %s', (question, value) => {
    expect(read(question).values['statutoryReason']).toBe(value);
  });

  it('still reads the contract level', () => {
    expect(read('지자체 긴급입찰 5일 공고').values['contractLevel']).toBe('local');
  });
});
