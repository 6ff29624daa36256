import { describe, expect, it } from 'vitest';

import type { FactLockReason } from '../../src/llm/lock/reasons.js';
import type { DecidedAnswer } from '../../src/llm/types.js';
import {
  enAffiliate,
  enBudget,
  enUnknown,
  koBudget,
  koNewProject,
  koSingleSource,
  realLock,
} from './decidedFixtures.js';

const LIMIT = { maxLength: 400 };

describe('checkRewording accepts faithful rewordings', () => {
  it.each([
    [
      'a Korean rewording with the same forms',
      koBudget,
      '2021년 전자정부지원사업은 11개 사업으로, 총 645억원 규모입니다.',
    ],
    [
      'Korean spacing variants of the amount and count',
      koBudget,
      '2021년 전자정부지원사업 규모는 총 645억 원이며 사업은 11개입니다.',
    ],
    [
      'the amount as KRW billions in a Korean reply',
      koBudget,
      '2021년 전자정부지원사업은 11개 사업에 총 645억원(KRW 64.5 billion)이 배정된 규모입니다.',
    ],
    [
      'an English rewording with billions',
      enBudget,
      'In 2021, the e-government support program funds 11 projects with a total of KRW 64.5 billion.',
    ],
    [
      'an English rewording with the won amount written out',
      enBudget,
      'The 2021 program covers 11 projects, worth 64,500,000,000 won altogether.',
    ],
    [
      'a project name kept and the year written alone',
      koNewProject,
      '2021년의 신규 사업은 정부24 생활맞춤형 연계서비스 기반 구축 (신규)이며, 2021년 1월 21일 설명회에서 설명된 9개 과제 중 하나였습니다.',
    ],
    [
      'a short name of the same project',
      koNewProject,
      '정부24 생활맞춤형 연계서비스 기반 구축 (신규)이 2021년 신규 사업입니다. 정부24 사업은 2021. 1. 21. 설명회 대상 9개 과제에 들었습니다.',
    ],
    [
      'another form of the article and date, same verdict',
      koSingleSource,
      '가능합니다. 국가계약법 시행령 제27조 제3항의 한시적 특례는 2021년 6월 30일까지 적용되어, 경쟁입찰이 1회 유찰되면 재공고 없이 수의계약을 체결할 수 있습니다.',
    ],
    [
      'a less specific mention of the same date',
      koSingleSource,
      '가능합니다. 제27조③ 특례가 2021년 6월 30일까지이므로 6월 중 1회 유찰되면 재공고 없이 수의계약을 할 수 있습니다.',
    ],
    [
      'an English not-allowed rewording with another article form',
      enAffiliate,
      'No. Art. 48 para 4 of the Software Promotion Act means firms in business groups under cross-shareholding limits cannot bid for public SW projects of any size (amended 29 December 2020).',
    ],
    [
      'the source URL quoted as it is',
      enAffiliate,
      'No. Article 48(4) of the Software Promotion Act (amended 2020-12-29) bars companies in cross-shareholding business groups from public SW projects at any amount, so they cannot take part. See https://www.law.go.kr/법령/소프트웨어진흥법',
    ],
    [
      'an unknown verdict kept as unknown',
      enUnknown,
      'No source says whether the 5-day emergency notice was extended beyond June 2021, so for August 2021 it is unknown.',
    ],
  ] as const)('accepts %s', (_title, decided: DecidedAnswer, candidate) => {
    expect(realLock().check(decided, candidate, LIMIT)).toEqual({ ok: true });
  });
});

describe('checkRewording rejects rewordings that change facts', () => {
  it.each([
    [
      'a rewording that adds a number',
      koBudget,
      '2021년 전자정부지원사업은 11개 사업, 총 645억원 규모이며 12개 기관이 참여합니다.',
      'new_number',
    ],
    [
      'a rewording that adds a percentage',
      koBudget,
      '2021년 전자정부지원사업은 11개 사업, 총 645억원으로 전년보다 10% 늘었습니다.',
      'new_number',
    ],
    [
      'a rewording that changes the article paragraph',
      koSingleSource,
      '네, 가능합니다. 국가계약법 시행령 제27조 제2항의 특례가 2021-06-30까지 적용되어, 1회 유찰되면 수의계약을 할 수 있습니다.',
      'new_number',
    ],
    [
      'a rewording that writes the amount in Korean numerals',
      koBudget,
      '2021년 전자정부지원사업은 11개 사업, 총 육백사십오억 원 규모입니다.',
      'new_word',
    ],
    [
      'a rewording that writes the count as a word',
      enBudget,
      'In 2021, the e-government support program funds eleven projects with a total of KRW 64.5 billion.',
      'new_word',
    ],
    [
      'a rewording that adds a quantity word',
      koBudget,
      '2021년 전자정부지원사업은 11개 사업, 총 약 645억원 규모입니다.',
      'changed_qualifier',
    ],
    [
      'a rewording that changes the date',
      koSingleSource,
      '네, 가능합니다. 국가계약법 시행령 제27조③의 특례가 2021년 7월 30일까지 적용되어, 1회 유찰되면 수의계약을 할 수 있습니다.',
      'changed_date',
    ],
    [
      'a rewording that changes the year of an English date',
      enAffiliate,
      'No. Under Article 48(4), companies in cross-shareholding business groups cannot take part in public SW projects at any amount (amended 29 December 2021).',
      'changed_date',
    ],
    [
      'a rewording that adds a time',
      koSingleSource,
      '네, 가능합니다. 제27조③ 특례가 2021-06-30 오후 6시까지 적용되어, 1회 유찰되면 재공고 없이 수의계약을 할 수 있습니다.',
      'changed_date',
    ],
    [
      'a rewording that turns 645억 into 645 billion',
      enBudget,
      'The 2021 e-government support program has 11 projects worth KRW 645 billion in total.',
      'changed_amount',
    ],
    [
      'a rewording that writes a new amount in Korean numerals',
      koBudget,
      '2021년 전자정부지원사업은 11개 사업, 총 천억 원 규모입니다.',
      'changed_amount',
    ],
    [
      'a rewording that writes a new amount in English words',
      enBudget,
      'The 2021 program has 11 projects worth one hundred billion won.',
      'changed_amount',
    ],
    [
      'a rewording with a vague amount',
      enBudget,
      'The 2021 program has 11 projects worth KRW 64.5 billion, billions more than before.',
      'changed_amount',
    ],
    [
      'a rewording with digits of another script',
      koBudget,
      '2021년 전자정부지원사업은 11개 사업, 총 645억원 규모이며 ١٢개 기관이 참여합니다.',
      'odd_character',
    ],
    [
      'a rewording that misreads 645억 as 6450억',
      koBudget,
      '2021년 전자정부지원사업은 11개 사업, 총 6450억원 규모입니다.',
      'changed_amount',
    ],
    [
      'a rewording that takes an amount from the question',
      enAffiliate,
      'No. Under Article 48(4), business-group affiliates cannot take part in a 10 billion won project or any other public SW project.',
      'changed_amount',
    ],
    [
      'a rewording that drops a key count',
      koBudget,
      '2021년 전자정부지원사업은 총 645억원 규모입니다.',
      'dropped_key_fact',
    ],
    [
      'a rewording that drops the key article',
      koSingleSource,
      '네, 가능합니다. 한시적 특례가 2021-06-30까지 적용되어, 경쟁입찰이 1회 유찰되면 재공고 없이 수의계약을 할 수 있습니다.',
      'dropped_key_fact',
    ],
    [
      'a rewording that drops the key project name',
      koNewProject,
      '2021년 신규 사업은 정부24 사업입니다. 2021-01-21 설명회의 9개 과제 중 하나였습니다.',
      'dropped_key_fact',
    ],
    [
      'a rewording that names a project the answer does not',
      koNewProject,
      '2021년 신규 사업은 정부24 생활맞춤형 연계서비스 기반 구축 (신규)이며, 국민비서와 함께 2021-01-21 설명회의 9개 과제에 들었습니다.',
      'unknown_project',
    ],
    [
      'a Korean rewording that flips allowed to not allowed',
      koSingleSource,
      '아니요, 불가능합니다. 국가계약법 시행령 제27조③의 특례는 2021-06-30까지이며, 1회 유찰로는 수의계약을 할 수 없습니다.',
      'verdict_changed',
    ],
    [
      'an English rewording that flips not allowed to allowed',
      enAffiliate,
      'Yes. Under Article 48(4), companies in cross-shareholding business groups are allowed to take part in public SW projects (amended 2020-12-29).',
      'verdict_changed',
    ],
    [
      'a rewording that hedges an allowed verdict',
      koSingleSource,
      '제27조③ 특례가 2021-06-30까지 적용되지만, 1회 유찰 후 수의계약이 되는지는 확인되지 않습니다.',
      'verdict_changed',
    ],
    [
      'a rewording that adds doubt to an allowed verdict',
      koSingleSource,
      '네, 가능합니다. 제27조③ 특례가 2021-06-30까지 적용되어 1회 유찰 시 수의계약을 할 수 있지만, 실제 적용 여부는 확인되지 않습니다.',
      'verdict_changed',
    ],
    [
      'a rewording that decides an unknown verdict',
      enUnknown,
      'The 5-day emergency notice was extended past June 2021, so it is allowed in August 2021.',
      'verdict_changed',
    ],
    [
      'an English rewording of a Korean answer',
      koBudget,
      'The 2021 e-government support program has 11 projects worth 645억원 in total.',
      'wrong_language',
    ],
    [
      'a Korean rewording of an English answer',
      enBudget,
      '2021년 전자정부지원사업은 11개 사업, 총 645억원 규모입니다.',
      'wrong_language',
    ],
    [
      'a rewording longer than the limit',
      koBudget,
      `2021년 전자정부지원사업은 11개 사업, 총 645억원 규모입니다. ${'자세히 설명드리면 '.repeat(60)}`,
      'too_long',
    ],
    ['an empty rewording', koBudget, '   \n ', 'empty'],
    [
      'a rewording that pings @everyone',
      koBudget,
      '@everyone 2021년 전자정부지원사업은 11개 사업, 총 645억원 규모입니다.',
      'mentions',
    ],
    [
      'a rewording that pings a user',
      enBudget,
      '<@123456789012345678> The 2021 program has 11 projects worth KRW 64.5 billion.',
      'mentions',
    ],
    [
      'a rewording that adds a link',
      enBudget,
      'The 2021 program has 11 projects worth KRW 64.5 billion. Details: https://example.com/budget',
      'new_url',
    ],
    [
      'a rewording that adds a bare domain',
      koBudget,
      '2021년 전자정부지원사업은 11개 사업, 총 645억원 규모입니다. 자세한 내용은 egov-news.kr 참고.',
      'new_url',
    ],
  ] as const)('rejects %s', (_title, decided: DecidedAnswer, candidate, reason: FactLockReason) => {
    const result = realLock().check(decided, candidate, LIMIT);
    expect(result).toMatchObject({ ok: false, reason });
  });

  it('names the offending fact in the detail', () => {
    const result = realLock().check(
      koBudget,
      '2021년 전자정부지원사업은 11개 사업, 총 1000억원 규모입니다.',
      LIMIT,
    );
    expect(result).toEqual({
      ok: false,
      reason: 'changed_amount',
      detail: '"1000억원" (amount:100000000000) is not in the decided answer',
    });
  });

  it('accepts a rewording exactly at the length limit and rejects one character more', () => {
    const candidate = '2021년 전자정부지원사업은 11개 사업, 총 645억원 규모입니다.';
    const length = Array.from(candidate).length;
    expect(realLock().check(koBudget, candidate, { maxLength: length })).toEqual({ ok: true });
    expect(realLock().check(koBudget, candidate, { maxLength: length - 1 })).toMatchObject({
      reason: 'too_long',
    });
  });
});
