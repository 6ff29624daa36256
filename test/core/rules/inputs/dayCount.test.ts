import { describe, expect, it } from 'vitest';
import { daysBetweenTwoDates } from '../../../../src/core/rules/inputs/dayCount.js';

describe('days between the two dates of a case', () => {
  it.each([
    ['2022년 9월 5일에 청구했고 9월 9일에 들어왔어요', 4],
    ['2021년 12월 30일에 청구했는데 2022년 1월 4일에 입금', 5],
    ['2021년 12월 30일에 청구했는데 1월 4일에 입금', 5],
    ['delivered on 2022-10-10; finished on 2022-10-22', 12],
    ['claim filed feb 1 2023, paid on feb 3 2023', 2],
    ['claimed on 3 march 2022 and paid on 7 march', 4],
  ])('%s → %d days', (text, days) => {
    expect(daysBetweenTwoDates(text)?.days).toBe(days);
  });

  it.each([
    ['2022년 9월 5일에 청구했어요'],
    ['2022-09-05, 2022-09-07 and 2022-09-09'],
    ['2022-09-09 then 2022-09-05'],
    ['9월 5일 and 9월 9일'],
  ])('gives nothing for one date, three dates, a backwards pair or no year: %s', (text) => {
    expect(daysBetweenTwoDates(text)).toBeNull();
  });
});
