import { describe, expect, it } from 'vitest';
import { extractDateRange } from '../../../src/core/reading/dates.js';
import { yearOnlyInDates } from '../../../src/core/reading/years.js';
import { readDate } from '../../../src/core/reading/readDate.js';
import { prepareForReading } from '../../../src/core/reading/numerals.js';

const TODAY = '2021-05-10';
const read = (question: string) => readDate(prepareForReading(question), TODAY);
const range = (question: string) => {
  const reading = read(question);
  return reading?.kind === 'date' ? reading.range : reading;
};

describe('readDate: absolute dates', () => {
  it.each([
    ['2021-05-10', '2021-05-10', '2021-05-10'],
    ['2021. 5. 10.', '2021-05-10', '2021-05-10'],
    ['2021년 5월 10일', '2021-05-10', '2021-05-10'],
    ['21년 5월 10일', '2021-05-10', '2021-05-10'],
    ['May 10, 2021', '2021-05-10', '2021-05-10'],
    ['10 May 2021', '2021-05-10', '2021-05-10'],
    ['2021년 3월', '2021-03-01', '2021-03-31'],
    ['2021년 상반기', '2021-01-01', '2021-06-30'],
    ['21년 후반기', '2021-07-01', '2021-12-31'],
    ['2024년 2분기', '2024-04-01', '2024-06-30'],
    ['in September 2019', '2019-09-01', '2019-09-30'],
    ['2020년', '2020-01-01', '2020-12-31'],
    ['이천이십일년 오월 십일', '2021-05-10', '2021-05-10'],
    ['2020년 2월 29일', '2020-02-29', '2020-02-29'],
  ])('%s → %s .. %s', (question, from, to) => {
    expect(range(question)).toMatchObject({ from, to });
  });
});

describe('readDate: before and after a date (the date itself left out)', () => {
  it.each([
    ['Before May 2020, could we sign it?', '1900-01-01', '2020-04-30'],
    ['prior to 2020-05-01', '1900-01-01', '2020-04-30'],
    ['2020.5.1 이전엔 유찰 몇 번?', '1900-01-01', '2020-04-30'],
    ['2020년 5월 전에 가능했어?', '1900-01-01', '2020-04-30'],
    ['after June 2025', '2025-07-01', '9999-12-31'],
    ['survive past June 2021?', '2021-07-01', '9999-12-31'],
    ['2025년 6월 이후에도 돼?', '2025-07-01', '9999-12-31'],
    ['2025년 6월 말 지나서도 돼?', '2025-07-01', '9999-12-31'],
  ])('%s → %s .. %s', (question, from, to) => {
    expect(range(question)).toMatchObject({ from, to });
  });

  it('leaves words that only start like 전 or 후 alone', () => {
    expect(range('2021년 전자정부지원사업')).toMatchObject({ from: '2021-01-01', to: '2021-12-31' });
    expect(range('2021년 후속 사업')).toMatchObject({ from: '2021-01-01', to: '2021-12-31' });
    expect(range('2021년 전 과제 예산')).toMatchObject({ from: '2021-01-01', to: '2021-12-31' });
  });
});

describe('readDate: relative to the as-of day (2021-05-10)', () => {
  it.each([
    ['다음 달 유찰되면', '2021-06-01', '2021-06-30'],
    ['다음달', '2021-06-01', '2021-06-30'],
    ['다음 달 15일', '2021-06-15', '2021-06-15'],
    ['next month', '2021-06-01', '2021-06-30'],
    ['다다음 달', '2021-07-01', '2021-07-31'],
    ['이번 달', '2021-05-01', '2021-05-31'],
    ['이달 말', '2021-05-01', '2021-05-31'],
    ['this month', '2021-05-01', '2021-05-31'],
    ['지난달', '2021-04-01', '2021-04-30'],
    ['지난 달에 유찰', '2021-04-01', '2021-04-30'],
    ['last month', '2021-04-01', '2021-04-30'],
    ['내년', '2022-01-01', '2022-12-31'],
    ['내년 상반기', '2022-01-01', '2022-06-30'],
    ['next year', '2022-01-01', '2022-12-31'],
    ['올해', '2021-01-01', '2021-12-31'],
    ['작년', '2020-01-01', '2020-12-31'],
    ['작년 6월', '2020-06-01', '2020-06-30'],
    ['작년 6월 10일', '2020-06-10', '2020-06-10'],
    ['재작년', '2019-01-01', '2019-12-31'],
    ['June last year', '2020-06-01', '2020-06-30'],
    ['last June', '2020-06-01', '2020-06-30'],
    ['3개월 후', '2021-08-01', '2021-08-31'],
    ['세 달 뒤에', '2021-08-01', '2021-08-31'],
    ['in two months', '2021-07-01', '2021-07-31'],
    ['2 months ago', '2021-03-01', '2021-03-31'],
    ['2년 전에', '2019-01-01', '2019-12-31'],
    ['two years ago', '2019-01-01', '2019-12-31'],
    ['어제 유찰됐어', '2021-05-09', '2021-05-09'],
    ['tomorrow', '2021-05-11', '2021-05-11'],
    ['5월 20일', '2021-05-20', '2021-05-20'],
    ['3월에 유찰', '2021-03-01', '2021-03-31'],
    ['in June', '2021-06-01', '2021-06-30'],
    ['지금', '2021-05-10', '2021-05-10'],
  ])('%s → %s .. %s', (question, from, to) => {
    expect(range(question)).toMatchObject({ from, to });
  });

  it('crosses the year: next month in December is January', () => {
    expect(extractDateRange('다음 달', '2021-12-15')).toMatchObject({ from: '2022-01-01', to: '2022-01-31' });
    expect(extractDateRange('last month', '2021-01-15')).toMatchObject({
      from: '2020-12-01',
      to: '2020-12-31',
    });
  });

  it.each(['21년 후반기 계획', '3개월 전체', '전년 대비', '재공고 없이 한 번 유찰'])(
    'reads no offset in "%s"',
    (question) => {
      const reading = range(question);
      expect(
        reading === null || !('label' in reading) || !/^2021-0[2-8]$|^2019$|^2023$/.test(reading.label),
      ).toBe(true);
    },
  );

  it('reads no date in a question without one', () => {
    expect(read('재공고 입찰도 유찰됐는데 수의계약 되나요?')).toBeNull();
  });
});

describe('readDate: impossible dates are reported, not reinterpreted', () => {
  it.each([
    ['2021-02-30', '2021-02-30', 'no such day'],
    ['2021년 2월 30일에 유찰', '2021년 2월 30일', 'no such day'],
    ['2021년 13월', '2021년 13월', 'no such month'],
    ['2021년 0월', '2021년 0월', 'no such month'],
    ['0월에 유찰', '0월', 'no such month'],
    ['2월 30일', '2월 30일', 'no such day'],
    ['4월 31일', '4월 31일', 'no such day'],
    ['2021년 2월 29일', '2021년 2월 29일', 'no such day'],
    ['2021년 5월 0일', '2021년 5월 0일', 'no such day'],
    ['February 30, 2021', 'february 30, 2021', 'no such day'],
    ['이천이십일년 이월 삼십일', '2021년 2월 30일', 'no such day'],
  ])('%s → invalid (%s: %s)', (question, text, reason) => {
    expect(read(question)).toEqual({ kind: 'invalid', text, reason });
  });

  it('extractDateRange keeps reading the next pattern (the old behaviour)', () => {
    expect(extractDateRange('2021년 2월 30일', TODAY)).toMatchObject({
      from: '2021-02-01',
      to: '2021-02-28',
    });
  });

  it('a leap day without a year is checked in the as-of year', () => {
    expect(readDate('2월 29일', '2024-05-10')).toMatchObject({ kind: 'date', range: { from: '2024-02-29' } });
    expect(readDate('2월 29일', '2021-05-10')).toEqual({
      kind: 'invalid',
      text: '2월 29일',
      reason: 'no such day',
    });
  });
});

describe('yearOnlyInDates', () => {
  it('is true only when every mention of the year is inside a day or month', () => {
    expect(yearOnlyInDates('진흥법 시행일이 2020년 12월 10일이면', 2020)).toBe(true);
    expect(yearOnlyInDates('2020.5.1 이전엔', 2020)).toBe(true);
    expect(yearOnlyInDates('the same exception from may 2020 too', 2020)).toBe(true);
    expect(yearOnlyInDates('2020년 설명회랑 2020년 5월 특례', 2020)).toBe(false);
    expect(yearOnlyInDates('2020년 설명회는 어디서 했어?', 2020)).toBe(false);
  });
});
