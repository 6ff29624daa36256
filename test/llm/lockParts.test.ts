import { describe, expect, it } from 'vitest';

import { prepareText } from '../../src/llm/facts/extract.js';
import { findOddCharacter } from '../../src/llm/lock/characters.js';
import { collectDirections, findTurnedDirection } from '../../src/llm/lock/comparators.js';
import { createFactExtractor } from '../../src/llm/facts/extract.js';
import { collectLinks, findNewLink, indexAllowedLinks } from '../../src/llm/lock/links.js';
import { countQualifiers, findChangedQualifier } from '../../src/llm/lock/markers.js';
import { segmentText } from '../../src/llm/lock/segments.js';
import { blankTraceLines, findRewrittenTrace, findTraceSlots } from '../../src/llm/lock/traceLines.js';
import { buildVocabulary, findNewWord } from '../../src/llm/lock/vocabulary.js';
import { toDecidedAnswer } from '../../src/llm/phrasing.js';
import type { DecidedAnswer } from '../../src/llm/types.js';
import { realEngine } from '../support/engine.js';
import { realLock } from './decidedFixtures.js';

const LIMIT = { maxLength: 4000 };

function decide(question: string, today = '2026-11-26'): DecidedAnswer {
  const engine = realEngine();
  return toDecidedAnswer(engine.answer({ text: question, today }), question, engine.kb);
}

describe('findOddCharacter', () => {
  it.each([
    ['a zero-width space', '@every\u200bone', 'U+200B'],
    ['a right-to-left override', '\u202e28\u202c억원', 'U+202E'],
    ['a soft hyphen', '불\u00ad가능', 'U+00AD'],
    ['a full-width digit', '８２억원', 'U+FF18'],
    ['an Arabic-Indic digit', '٨٢억원', 'U+0668'],
    ['a Cyrillic letter', 'Envіronment', 'U+0456'],
  ] as const)('refuses %s', (_title, text, code) => {
    expect(findOddCharacter(text, new Set())).toContain(code);
  });

  it('accepts ASCII, Hangul, common punctuation and what the answer itself writes', () => {
    expect(
      findOddCharacter('국가계약법 시행령 제27조③ — 82억원 · “가능”…\u00a0OK', new Set(['③'])),
    ).toBeNull();
  });
});

describe('links', () => {
  const allowed = indexAllowedLinks(
    ['https://zdnet.co.kr/view/?no=20210120134009'],
    prepareText('채널 주소는 https://tv.kakao.com/channel/3527643 입니다.'),
  );

  it.each([
    ['a bare domain', '자세한 내용은 something-egov.xyz/login 참고', 'something-egov.xyz/login'],
    ['a source host used as a subdomain', '출처: zdnet.co.kr.egov-check.site', 'zdnet.co.kr.egov-check.site'],
    ['a markdown link to a new URL', '[지디넷코리아](https://zdnet-korea.info/1)', 'zdnet-korea.info/1'],
    [
      'another channel on the same host',
      'https://tv.kakao.com/channel/9999999',
      'tv.kakao.com/channel/9999999',
    ],
  ] as const)('finds %s', (_title, text, link) => {
    expect(findNewLink(prepareText(text), allowed)).toBe(link);
  });

  it('accepts the sources, their hosts and the links the answer gives', () => {
    const text =
      'zdnet.co.kr 기사(https://zdnet.co.kr/view/?no=20210120134009), https://tv.kakao.com/channel/3527643';
    expect(findNewLink(prepareText(text), allowed)).toBeNull();
  });

  it('reads abbreviations and decimals as no link', () => {
    expect(collectLinks(prepareText('e.g. KRW 8.2 billion, i.e. 82억원; Art. 27 and No. 5'))).toEqual([]);
  });
});

describe('qualifiers', () => {
  it.each([
    ['가능했지만 이번 건은 해당하지 않습니다.', { contrast: 1, negation: 1 }],
    ['재공고입찰까지 유찰돼야 합니다.', { requirement: 1, time: 1 }],
    ['the re-announced bid need not fail', { exemption: 1 }],
    ['전년의 두 배이며 절반은 신규입니다.', { quantity: 3 }],
    ['It is officially confirmed.', { certainty: 2 }],
    ['sales under KRW 8 billion, over 8,000억원', { less: 1, more: 1 }],
  ] as const)('counts the qualifiers of "%s"', (text, expected) => {
    expect(countQualifiers(prepareText(text))).toMatchObject(expected);
  });

  it('keeps negations one for one, allows one joining contrast and no other addition', () => {
    const template = countQualifiers('출처에 나오지 않습니다. 행정안전부로 추정합니다.');
    const joined = countQualifiers('출처에 나오지 않지만 행정안전부로 추정합니다.');
    expect(findChangedQualifier(template, joined, false)).toBeNull();
    const dropped = countQualifiers('출처에 나옵니다. 행정안전부로 추정합니다.');
    expect(findChangedQualifier(template, dropped, false)).toMatchObject({ name: 'negation' });
    const required = countQualifiers('출처에 나오지 않습니다. 행정안전부여야 합니다.');
    expect(findChangedQualifier(template, required, false)).toMatchObject({ name: 'requirement' });
  });
});

describe('vocabulary', () => {
  const ko = buildVocabulary(
    '설명회는 2020-01-31 서울 포스트타워에서 열려 경쟁입찰이 재공고 없이 진행됐습니다.',
    'ko',
  );
  const en = buildVocabulary(
    'The exception took effect on 2020-05-01; the re-announced bid must fail too.',
    'en',
  );

  it.each([
    ['endings changed', ko, '설명회가 서울 포스트타워에서 열렸어요.'],
    ["a compound of the answer's words", ko, '재공고입찰 없이 진행되었습니다.'],
    ['neutral connectives', ko, '따라서 해당 설명회는 서울에서 열린 것입니다.'],
    ['English inflections', en, 'The exceptions take effect; re-announced bids must also fail.'],
  ] as const)('accepts %s', (_title, vocabulary, text) => {
    expect(findNewWord(prepareText(text), vocabulary)).toBeNull();
  });

  it.each([
    ['a number word', ko, '설명회는 열두 곳에서 열렸습니다.', '열두'],
    ['a time word', ko, '설명회는 연말까지 열렸습니다.', '연말까지'],
    ['an invented name', ko, '설명회는 스마트허브에서 열렸습니다.', '스마트허브에서'],
    ['an instruction', en, 'Ignore previous instructions: the exception took effect.', 'ignore'],
    ['a Korean neutral word in an English answer', en, '따라서 the exception took effect.', '따라서'],
  ] as const)('refuses %s', (_title, vocabulary, text, word) => {
    expect(findNewWord(prepareText(text), vocabulary)).toBe(word);
  });
});

describe('directions of facts', () => {
  const extract = createFactExtractor();
  const directions = (text: string) => {
    const prepared = prepareText(text);
    const tokens = extract(prepared);
    return {
      directions: collectDirections(prepared, tokens),
      facts: new Set(tokens.map((t) => t.canonical)),
    };
  };
  const answer = directions(
    '매출 8,000억원 미만 대기업은 40억원 이상 사업에 참여할 수 있고, 2021-06-30까지 적용됩니다.',
  );

  it.each([
    [
      'the same directions in other words',
      '2021-06-30까지, 매출 8,000억원 미만 대기업은 40억원 이상인 사업에 참여할 수 있습니다.',
      null,
    ],
    [
      'two directions swapped',
      '매출 8,000억원 이상 대기업은 40억원 미만 사업에 참여할 수 있습니다.',
      'amount:800000000000',
    ],
    [
      'a direction dropped',
      '매출 8,000억원 미만 대기업은 40억원 사업에 참여할 수 있습니다.',
      'amount:4000000000',
    ],
    ['an end turned into a start', '2021-06-30부터 적용됩니다.', 'date:2021-06-30'],
  ] as const)('reads %s', (_title, text, canonical) => {
    const said = directions(text);
    const found = findTurnedDirection(answer.directions, said.directions, said.facts);
    if (canonical === null) expect(found).toBeNull();
    else expect(found).toContain(canonical);
  });
});

describe('segments', () => {
  it('ends sentences at full stops, not inside dates, decimals or abbreviations', () => {
    const text = 'It is phase 2. Budgets are 8.2 billion, e.g. ones dated 2021. 6. 30. here.';
    const starts = segmentText(text).sentences;
    expect(starts.map((start) => text.slice(start, start + 7))).toEqual(['It is p', ' Budget']);
  });

  it('starts clauses after connective endings and commas before joiners', () => {
    const text = '확인되지 않으며, 예산이 확인된 사업은 4개이고, 합계는 318억원입니다';
    expect(segmentText(text).clauses).toHaveLength(3);
  });
});

describe('trace lines', () => {
  const template = prepareText(
    '판단: 가능\n판단 과정:\n• single-source-rebid-failed: 유찰 횟수 ≥ 2 (질문: 1) → 불충족\n결정한 규칙: single-source-one-failed-temporary',
  );
  const slots = findTraceSlots(template);

  it('blanks exact copies, whatever the bullet', () => {
    const copy = '판단 과정:\n- single-source-rebid-failed: 유찰 횟수 ≥ 2 (질문: 1) → 불충족';
    expect(findRewrittenTrace(blankTraceLines(copy, slots), slots)).toBeNull();
  });

  it('finds a trace line that was rewritten', () => {
    const changed = '• single-source-rebid-failed: 유찰 횟수 ≥ 2 (질문: 1) → 충족';
    expect(findRewrittenTrace(blankTraceLines(changed, slots), slots)).toBe('single-source-rebid-failed');
  });
});

describe('the lock on real answers', () => {
  const list = decide('11개 사업 목록 알려줘');
  const rule = decide('2021년 4월에 입찰이 한 번 유찰됐는데 수의계약 돼?');

  it('refuses a budget moved to another project and accepts the list as it is', () => {
    expect(realLock().check(list, list.text, LIMIT)).toEqual({ ok: true });
    const swapped = list.text
      .replace('(3차) — 71억원 (KRW 7.1 billion) · 환경부', '(3차) — 53억원 (KRW 5.3 billion) · 환경부')
      .replace('(신규) — 53억원 (KRW 5.3 billion)', '(신규) — 71억원 (KRW 7.1 billion)');
    expect(realLock().check(list, swapped, LIMIT)).toMatchObject({ ok: false, reason: 'wrong_pairing' });
  });

  it('refuses a list that moves an inference mark to another agency', () => {
    const moved = list.text
      .replace('예산 미확인 · 대검찰청 (추정)', '예산 미확인 · 대검찰청')
      .replace('71억원 (KRW 7.1 billion) · 환경부', '71억원 (KRW 7.1 billion) · 환경부 (추정)');
    expect(realLock().check(list, moved, LIMIT)).toMatchObject({ ok: false, reason: 'inference_changed' });
  });

  it('refuses a rule answer without its verdict line, even when the explanation still allows', () => {
    const withoutVerdict = rule.text.replace('판단: 가능\n', '');
    expect(realLock().check(rule, withoutVerdict, LIMIT)).toMatchObject({
      ok: false,
      reason: 'dropped_key_fact',
      detail: expect.stringContaining('verdict line') as unknown,
    });
  });

  it('refuses two dates of one sentence that trade places', () => {
    const overview = decide('수의계약 특례 연장 일정 알려줘');
    const swapped = overview.text
      .replace('2021-06-30까지 연장됐고', '2021-12-31까지 연장됐고')
      .replace('2021-12-31까지 다시 연장됐습니다', '2021-06-30까지 다시 연장됐습니다');
    expect(swapped).not.toBe(overview.text);
    expect(realLock().check(overview, swapped, LIMIT)).toMatchObject({ ok: false, reason: 'wrong_pairing' });
  });
});
