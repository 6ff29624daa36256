import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/core/text.js';
import { ask } from '../support/engine.js';

// Kinds of question outside set 14 found: lists "besides X", claims that hold from a day, an
// extension asked by the month it was announced, and articles written "art. 38".

describe('a list without the projects the question names', () => {
  it('"국토부 과제는 건축행정 말고 또 있어요?" lists the other MOLIT project', () => {
    const answer = ask('국토부 과제는 건축행정 말고 또 있어요?', { today: '2026-11-30' });
    expect(answer.projects).toEqual(['spatial-data-platform']);
  });

  it('"국민비서 말고 행안부 과제" leaves the secretary out', () => {
    const answer = ask('국민비서 말고 행안부 과제 뭐 있어?', { today: '2026-11-30' });
    expect(answer.projects).not.toContain('national-secretary');
    expect(answer.projects).toContain('e-certificate');
  });
});

describe('claims that hold from a day', () => {
  it('one quote for a security purchase: allowed from 2021-07-06, silent before', () => {
    const question = 'For a security-related purchase, can we do a single-source contract with just 1 quote?';
    const after = ask(question, { today: '2022-01-10' });
    expect(after.verdict).toBe('allowed');
    expect(after.text).toContain('2021-07-06');
    const before = ask(question, { today: '2021-03-02' });
    expect(before.text).not.toContain('one quote is allowed');
  });

  it('a public body may not build its own e-procurement system for convenience', () => {
    const answer = ask('저희 공공기관이 그냥 편해서 자체 전자조달시스템 만들어도 되나요?', {
      today: '2026-11-30',
    });
    expect(answer.verdict).toBe('not_allowed');
    expect(answer.text).toContain('2019-07-01');
  });
});

describe('an extension asked by the month it was announced', () => {
  it.each([
    ['Did MOEF say anything in June 2023 about extending again?', '2023-06-21'],
    ['What exactly did MOEF extend in late December 2023?', '2024-06-30'],
    ['"다섯 차례 연장"이라는 기사 봤는데 그게 몇 년도 얘기예요?', '2023-06-30'],
  ])('%s', (question, day) => {
    const answer = ask(question, { today: '2026-11-30' });
    expect(answer.status).toBe('answered');
    expect(answer.text.split('\n').slice(0, 3).join('\n')).toContain(day);
  });
});

describe('articles written short', () => {
  it.each([
    ['Under art. 38, what happens?', 'under article 38 what happens'],
    ['art38', 'article 38'],
    ['start 5', 'start 5'],
  ])('%s', (text, spaced) => {
    expect(normalizeText(text).spaced).toBe(spaced);
  });
});

describe('a rule dated by an event the sources date', () => {
  it.each([
    ['국민비서 정식 오픈한 날 기준으로, 긴급입찰 5일 공고 특례가 적용 중이었어요?', '2021-03-29', 'allowed'],
    [
      '차세대 주민등록시스템 1단계가 실제로 개통된 날 기준으로, 국가계약 1회 유찰 수의계약 특례가 있었어요?',
      '2020-10-12',
      'allowed',
    ],
    [
      'On the day of the 2020 e-gov briefing at Post Tower, could a national agency go single-source after a single failed bid?',
      '2020-01-31',
      'not_allowed',
    ],
  ])('%s', (question, day, verdict) => {
    const answer = ask(question, { today: '2026-11-30' });
    expect(answer.verdict).toBe(verdict);
    expect(answer.text).toContain(day);
    // The 2021 venue correction is not made in a question about the 2020 briefing.
    expect(answer.text).not.toContain('Post Tower in Seoul was the 2020');
  });

  it('an event named without asking for its day does not date the question', () => {
    const answer = ask('국민비서 오픈 이후 1회 유찰되면 수의계약 돼?', { today: '2026-11-30' });
    expect(answer.text).not.toContain('2021-03-29 기준');
  });
});
