import { describe, expect, it } from 'vitest';

import { countCodePoints } from '../../src/llm/lock/factLock.js';
import { canonicalFacts } from '../../src/llm/facts/extract.js';
import { findLooseSpans } from '../../src/llm/facts/looseText.js';
import { detectVerdictSignals } from '../../src/llm/facts/verdicts.js';
import type { DecidedAnswer } from '../../src/llm/types.js';
import { enAffiliate, enBudget, koBudget, koNewProject, realLock } from './decidedFixtures.js';

const LIMIT = { maxLength: 400 };

describe('findLooseSpans', () => {
  it('skips every kind of whitespace that \\s matches', () => {
    expect(findLooseSpans('a\u00a0B\u3000c\ufeffD\u2028e\u202ff', 'abcdef')).toEqual([[0, 11]]);
  });

  it('lowers one code unit at a time and maps spans back to the original offsets', () => {
    expect(findLooseSpans('xİy', 'i')).toEqual([[1, 2]]);
    expect(findLooseSpans('xİy', 'İy')).toEqual([[1, 3]]);
    expect(findLooseSpans('ΣΑΣ', 'σασ')).toEqual([[0, 3]]);
    expect(findLooseSpans('a😀 B', '😀b')).toEqual([[1, 5]]);
  });

  it('finds every occurrence without overlap', () => {
    expect(findLooseSpans('정부 24와 정부24, 정부２４', '정부24')).toEqual([
      [0, 5],
      [7, 11],
    ]);
    expect(findLooseSpans('aaaa', 'aa')).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });
});

describe('extractFacts masking', () => {
  it('masks the longest phrase first and looks up shorter ones in the masked text', () => {
    expect(canonicalFacts('1정부24 2', { maskPhrases: ['정부24'] })).toEqual(['number:1', 'number:2']);
    expect(canonicalFacts('1정부24 2', { maskPhrases: ['정부24', '12'] })).toEqual([]);
  });

  it('reads times next to masked names and leaves texts without 시 alone', () => {
    const name = '정부24 생활맞춤형 연계서비스 기반 구축 (신규)';
    expect(canonicalFacts(`${name}   오후 2시 30분`, { maskPhrases: [name] })).toEqual(['time:14:30']);
    expect(canonicalFacts(`${name}  2 시`, { maskPhrases: [name] })).toEqual(['time:02:00']);
    expect(canonicalFacts(`${name}  2 시간`, { maskPhrases: [name] })).toEqual(['number:2']);
  });

  it('reads English words and amounts next to ſ and K as before', () => {
    expect(canonicalFacts('It is due at noon, not at ſnoon or Knoon.')).toEqual(['time:12:00']);
    expect(canonicalFacts('Article 5 and ſArticle 6 and \u212aRW 5 billion')).toEqual([
      'article:5',
      'number:6',
      'amount:5000000000',
    ]);
  });

  it('finds verdict words only as whole words', () => {
    expect([...detectVerdictSignals('It ſcannot be done; it canK.')]).toEqual([]);
    expect([...detectVerdictSignals('Scanners cannot be used.')]).toEqual(['not_allowed']);
  });
});

describe('countCodePoints', () => {
  it.each([
    ['a😀b', 3],
    ['😀😀', 2],
    ['\ud800x\udc00', 3],
    ['\ud83d', 1],
    ['\udc00\ud800', 2],
    ['', 0],
  ] as const)('counts %j as %i', (text, count) => {
    expect(countCodePoints(text)).toBe(count);
  });
});

describe('checkRewording with answers that share texts or names', () => {
  const faithful =
    '2021년 신규 사업은 정부24 생활맞춤형 연계서비스 기반 구축 (신규)이며, 2021-01-21 설명회의 9개 과제 중 하나였습니다.';

  it('gives the same result when the same answer is checked again', () => {
    for (let round = 0; round < 3; round += 1) {
      expect(realLock().check(koNewProject, faithful, LIMIT)).toEqual({ ok: true });
    }
  });

  it('judges each answer by its own project names, even with the same text', () => {
    const otherProject: DecidedAnswer = {
      ...koNewProject,
      text: '2021년 신규 사업 안내입니다. 2021-01-21 설명회의 설명 대상(9개 과제)이었습니다.',
      facts: ['2021-01-21', '9', '2021'],
      keyFacts: [],
      projects: ['national-secretary'],
    };
    expect(realLock().check(otherProject, faithful, LIMIT)).toMatchObject({
      ok: false,
      reason: 'unknown_project',
    });
    expect(realLock().check(koNewProject, faithful, LIMIT)).toEqual({ ok: true });
  });

  it('judges each answer by its own facts, even with the same text', () => {
    const withoutCount: DecidedAnswer = {
      ...koBudget,
      text: '2021년 전자정부지원사업 규모입니다.',
      facts: ['645억원', '2021'],
      keyFacts: ['645억원'],
    };
    const withCount: DecidedAnswer = { ...withoutCount, facts: ['11', '645억원', '2021'] };
    const candidate = '2021년 전자정부지원사업은 11개 사업, 645억원 규모입니다.';
    expect(realLock().check(withoutCount, candidate, LIMIT)).toMatchObject({
      ok: false,
      reason: 'new_number',
    });
    expect(realLock().check(withCount, candidate, LIMIT)).toEqual({ ok: true });
    expect(realLock().check(withoutCount, candidate, LIMIT)).toMatchObject({
      ok: false,
      reason: 'new_number',
    });
  });

  it('accepts every template as a rewording of itself', () => {
    for (const decided of [koBudget, enBudget, koNewProject, enAffiliate]) {
      expect(realLock().check(decided, decided.text, LIMIT)).toEqual({ ok: true });
    }
  });
});

describe('checkRewording links and letters', () => {
  it.each([
    [
      'a bare domain in capitals',
      'The 2021 program has 11 projects worth KRW 64.5 billion; see Example.COM/budget.',
    ],
    [
      'a www address in capitals',
      'The 2021 program has 11 projects worth KRW 64.5 billion; see WWW.EXAMPLE.ORG.',
    ],
    [
      'an http address in capitals',
      'The 2021 program has 11 projects worth KRW 64.5 billion: HTTP://EXAMPLE.NET',
    ],
  ] as const)('refuses %s', (_title, candidate) => {
    expect(realLock().check(enBudget, candidate, LIMIT)).toMatchObject({ ok: false, reason: 'new_url' });
  });

  it('reads "e.g." and decimals as no link', () => {
    const candidate = 'The 2021 program has 11 projects, e.g. ones worth KRW 64.5 billion in total.';
    expect(realLock().check(enBudget, candidate, LIMIT)).toEqual({ ok: true });
  });

  it('refuses accented Latin letters the answer does not use', () => {
    const accented = 'Thé 2021 prögrâmmé hâs 11 prøjéçts wörth KRW 64.5 bîllîøn în tøtâl.';
    expect(realLock().check(enBudget, accented, LIMIT)).toMatchObject({ ok: false, reason: 'odd_character' });
  });

  it('refuses look-alike letters outside the Basic Multilingual Plane, however few', () => {
    const candidate = 'The 2021 program has 11 projects worth KRW 64.5 billion in total 𝐨𝐤.';
    expect(realLock().check(enBudget, candidate, LIMIT)).toMatchObject({
      ok: false,
      reason: 'odd_character',
      detail: expect.stringContaining('U+1D428') as unknown,
    });
  });
});
