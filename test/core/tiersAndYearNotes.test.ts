import { describe, expect, it } from 'vitest';
import { ask } from '../support/engine.js';

// Kinds of question the open outside fixtures kept missing: a figure that depends on the amount
// asked, a project asked about for a year with no edition, and the small-value limit asked with
// another contract type's name or with the old limit quoted.

describe('a topic figure by the amount asked', () => {
  it.each([
    [
      'A local government negotiated contract is priced at 500 million won. How many days before the proposal deadline?',
      '20 days',
    ],
    ['지자체 협상에 의한 계약 추정가격 15억이면 제안서 제출 마감 며칠 전에 공고해야 돼?', '40일'],
    ['지방 협상계약 8천만원짜리 제안서 공고 며칠 전?', '10일'],
  ])('%s', (question, days) => {
    const answer = ask(question, { today: '2026-11-30' });
    expect(answer.status).toBe('answered');
    expect(answer.text.split('\n')[0]).toContain(days);
  });

  it('gives the table alone when the question has no amount, or two', () => {
    for (const question of [
      '지자체 협상계약 제안서 공고기간 며칠이야?',
      '지자체 협상계약 5억이나 15억이면 공고기간은?',
    ]) {
      const answer = ask(question, { today: '2026-11-30' });
      expect(answer.status).toBe('answered');
      expect(answer.text.split('\n')[0]).not.toMatch(/제안서 제출 마감 \d+일 전까지 공고합니다/u);
      expect(answer.text).toContain('40일');
    }
  });

  it('stays unknown for the national rule the sources do not give', () => {
    const answer = ask('국가기관 협상에 의한 계약 5억은 제안서 공고기간이 며칠이에요?', {
      today: '2026-11-30',
    });
    expect(answer.status).toBe('unknown_fact');
    expect(answer.text).not.toContain('5억이면');
  });
});

describe('a project asked about for a year with no edition', () => {
  it('answers from the notes that speak of that year, the aspect ones included', () => {
    const answer = ask('Was the e-gov cloud platform briefed in 2020?', { today: '2026-11-30' });
    expect(answer.status).toBe('answered');
    expect(answer.projects).toEqual(['egov-cloud-platform']);
    expect(answer.text).toContain('left out of that year');
  });

  it('is unknown when the notes of that year do not bear on what was asked, and shows them as related', () => {
    const answer = ask('국민비서 2020년 예산은?', { today: '2026-11-30' });
    expect(answer.status).toBe('unknown_fact');
    expect(answer.text).toContain('물으신 2020년 내용은 출처에 없습니다');
    expect(answer.text).toContain('2020-08-26');
  });

  it('answers a plan year from the note on the phase', () => {
    const answer = ask('전자증명서 시스템은 2019년 계획상 1단계가 언제까지였어요?', { today: '2026-11-30' });
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain('2021년까지');
  });
});

describe('the small-value limit', () => {
  it('reads electrical and ICT works as the other-works category (1.6억)', () => {
    const answer = ask('2024년 11월 정보통신공사 1억 5천만원인데 소액수의 돼요?', { today: '2026-11-30' });
    expect(answer.verdict).toBe('allowed');
    expect(answer.text).toContain('1.6억원');
    expect(ask('2024년 11월 전기공사 1억 8천만원 소액 수의계약 돼?').verdict).toBe('not_allowed');
  });

  it('does not take the old limit the asker quotes for the contract amount', () => {
    const answer = ask(
      'General works contract of 3.5억: can we do a small-value single-source contract? The limit used to be 2억',
      { today: '2026-11-30' },
    );
    expect(answer.verdict).toBe('allowed');
    expect(answer.text).toContain('3.5억');
  });

  it('reads "small-firm" with a hyphen', () => {
    const answer = ask(
      'Small-firm services contract worth 80 million won in Oct 2021 — within the single-source limit?',
    );
    expect(answer.verdict).toBe('allowed');
  });
});
