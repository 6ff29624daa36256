import { describe, expect, it } from 'vitest';
import { ask } from '../support/engine.js';

// Kinds of question the outside sets 11–13 found unanswered: superlatives over budgets, counts up to
// a day, the small-value limit asked as "single-source", and the named-project count.

describe('superlatives over budgets', () => {
  it('names the largest and the smallest among the known budgets, saying the rest are unknown', () => {
    const largest = ask('예산 제일 큰 과제', { today: '2026-11-30' });
    expect(largest.status).toBe('answered');
    expect(largest.projects).toEqual(['architecture-admin-cloud']);
    expect(largest.text).toContain('112억원');
    expect(largest.text).toContain('4개 가운데');
    const smallest = ask('smallest budget project', { today: '2026-11-30' });
    expect(smallest.projects).toEqual(['gov24-life-services']);
    expect(smallest.text).toContain('53억원');
  });

  it('is unknown for a year whose project budgets no source gives', () => {
    const answer = ask('2022 예산 제일 큰 과제', { today: '2026-11-30' });
    expect(answer.status).toBe('unknown_fact');
    expect(answer.projects).toEqual([]);
  });
});

describe('extensions counted up to a day', () => {
  it.each([
    ['By mid-2023, how many times had MOEF extended the exceptions?', '5 extensions'],
    ['2023년 6월까지 특례 몇 번 연장됐어?', '5차례'],
    ['특례 몇 번 연장됐어?', '9차례'],
  ])('%s', (question, count) => {
    const answer = ask(question, { today: '2026-11-30' });
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain(count);
  });
});

describe('the small-value limit asked as a single-source question', () => {
  it.each([
    ['소기업이랑 8천만원짜리 용역 수의계약 해도 돼요?', '2021-08-01', 'allowed'],
    [
      'Can we award an 80-million-won services contract to a small firm by single-source?',
      '2021-08-01',
      'allowed',
    ],
    ['소기업이랑 8천만원짜리 용역 수의계약 해도 돼요?', '2019-05-01', 'not_allowed'],
  ])('%s (on %s)', (question, today, verdict) => {
    const answer = ask(question, { today });
    expect(answer.rule).toMatch(/^small-single-source/);
    expect(answer.verdict).toBe(verdict);
  });

  it('a failed bid keeps it the failed-bid rule', () => {
    const answer = ask('소기업이랑 8천만원짜리 용역 한 번 유찰됐는데 수의계약 돼?', { today: '2021-08-01' });
    expect(answer.rule).toMatch(/^single-source/);
  });
});

describe('the project list says how many projects the sources name', () => {
  it('2021: 8 named, 1 more inferred', () => {
    const answer = ask('2021년 11개 과제 중 이름이 확인된 건 몇 개예요?', { today: '2026-11-30' });
    expect(answer.text).toContain('다음 8개입니다');
    expect(answer.text).toContain('1개는 이 사업에 속한다고 추정');
  });
});
