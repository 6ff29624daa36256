import { describe, expect, it } from 'vitest';
import { runScript } from '../support/run.js';
import { ask } from '../support/engine.js';

// Issue 9: the 2022 edition beside 2021, years resolved against the as-of day, and the exceptions'
// chain to 2025-06-30 (fact sheet, Addendum 2), asked as users ask.

describe('the 2022 edition', () => {
  it.each([
    ['2022년 전자정부지원사업 규모는?', ['694억원', '11']],
    ['When was the 2022 briefing?', ['2022-02-10', '14:00']],
    ['2022년 설명회에서 몇 개 과제 설명했어?', ['10']],
    ['2022년 국민비서 몇 차야?', ['3차']],
    ['2022년 사업 분야 구성은?', ['대국민', '행정']],
  ])('%s', (q, includes) => {
    const a = ask(q, { today: '2026-11-30' });
    expect(a.status).toBe('answered');
    for (const s of includes) expect(a.text).toContain(s);
  });

  it('lists the 4 new 2022 projects, with their agencies where known', () => {
    const a = ask('2022년 신규 사업 뭐야?', { today: '2026-11-30' });
    expect([...a.projects].sort()).toEqual([
      'integrated-call-center',
      'overseas-mission-info',
      'small-merchant-platform',
      'unified-address-system',
    ]);
    expect(a.text).toContain('중소벤처기업부');
  });

  it('says a 2022 project budget and the long-term contract left out are not found', () => {
    expect(ask('2022년 국민비서 예산 얼마야?', { today: '2026-11-30' }).status).toBe('unknown_fact');
    expect(ask('Which 2022 project was the long-term contract left out of the briefing?').status).toBe(
      'unknown_fact',
    );
  });
});

describe('years, relative to the as-of day', () => {
  it('reads 올해 as the as-of year: 2022 on 2022-02-01, 2021 on 2021-01-20', () => {
    expect(ask('올해 설명회 언제야?', { today: '2022-02-01' }).text).toContain('2022년 2월 10일');
    const early = ask('올해 설명회 언제야?', { today: '2021-01-20' }).text;
    expect(early).toContain('2021년 1월 21일');
    expect(early).not.toContain('2022');
  });

  it('answers a question with no year from the latest edition known that day, naming its year, then the earlier one', () => {
    const a = ask('설명회 언제야?', { today: '2026-11-30' });
    expect(a.text.indexOf('(2022)')).toBeGreaterThanOrEqual(0);
    expect(a.text.indexOf('(2022)')).toBeLessThan(a.text.indexOf('(2021)'));
    // Before the 2022 edition was announced, only 2021 is known.
    expect(ask('설명회 언제야?', { today: '2021-06-01' }).text).not.toContain('2022');
  });

  it('says which years are known for a year with no edition', () => {
    for (const q of ['2023년 전자정부지원사업 규모는?', '2019년 설명회 언제였어?']) {
      const a = ask(q, { today: '2026-11-30' });
      expect(a.status).toBe('unknown_fact');
      expect(a.text).toContain('2021, 2022');
    }
    // 2020 is recorded for comparison.
    expect(ask('2020년 사업 규모는?').text).toContain('1,076억원');
  });

  it('resolves 올해 through npm run ask --as-of', async () => {
    const run = (day: string) =>
      runScript('src/bin/ask.ts', ['--json', '--as-of', day, '올해 설명회 언제야?']);
    const [in2022, in2021] = await Promise.all([run('2022-02-01'), run('2021-01-20')]);
    expect((JSON.parse(in2022.stdout) as { text: string }).text).toContain('2022년 2월 10일');
    expect((JSON.parse(in2021.stdout) as { text: string }).text).toContain('2021년 1월 21일');
  });
});

describe('the exceptions chain at every boundary (single-source after one failed bid)', () => {
  it.each([
    ['2021-12-31', 'allowed', false],
    ['2022-01-01', 'allowed', false],
    ['2022-06-30', 'allowed', false],
    ['2022-07-01', 'allowed', false],
    ['2022-12-31', 'allowed', false],
    ['2023-01-01', 'allowed', false],
    ['2023-06-30', 'allowed', false],
    ['2023-07-01', 'allowed', true],
    ['2024-12-31', 'allowed', true],
    ['2025-01-01', 'allowed', false],
    ['2025-06-30', 'allowed', false],
    ['2025-07-01', 'unknown', true],
  ] as const)('on %s: %s', (date, verdict, inferredOrUnknown) => {
    const a = ask(`${date} 한 번 유찰됐는데 수의계약 돼?`);
    expect(a.verdict).toBe(verdict);
    expect(a.rule).toBe('single-source-one-failed-temporary');
    // The second halves of 2023 and 2024 rest on inferred (strong) national periods.
    if (verdict === 'allowed') expect(a.text.includes('(추정)')).toBe(inferredOrUnknown);
  });

  it.each([
    ['2021-12-31', 'allowed'],
    ['2022-01-01', 'unknown'],
    ['2024-03-15', 'allowed'],
    ['2024-07-01', 'unknown'],
  ] as const)('5-day emergency bid notice on %s: %s', (date, verdict) => {
    expect(ask(`Can we use a 5-day emergency bid notice on ${date}?`).verdict).toBe(verdict);
  });

  it('keeps the permanent 100% works advance apart from the exception: 2024-01-20 not allowed, 2024-03-01 allowed', () => {
    expect(ask('On January 20, 2024, could a works contract get a 100% advance payment?').verdict).toBe(
      'not_allowed',
    );
    expect(ask('On March 1, 2024, could a works contract get a 100% advance payment?').verdict).toBe(
      'allowed',
    );
  });
});
