import { describe, expect, it } from 'vitest';
import { ask } from '../support/engine.js';

// Kinds of question outside set 20 found answered wrong: extensions named by when they were made
// or by the year's guideline, another country's law, a figure that is not a rule's input, the VAT
// said with the amount, and sums of parts some of which are unknown.

describe('extensions named by when they were made', () => {
  it.each([
    ['Was the exception extended again in mid-2022? Until when, and why?', '4th extension', '2022-12-31'],
    ['특례 2022년 중반에 또 연장됐어?', '4차 연장', '2022-12-31'],
    ['Were the exceptions extended in late 2023?', '7th extension', '2024-06-30'],
    ['Who announced the second-half-2021 extension, and on what date?', '2nd extension', '2021-06-18'],
  ])('%s', (question, label, day) => {
    const answer = ask(question, { today: '2026-11-30' });
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain(label);
    expect(answer.text).toContain(day);
  });

  it('answers whether they were in force on a day from the period of that day, not the one named', () => {
    const answer = ask('Was the exception in effect on 15 July 2022? The 3rd extension ended in June.');
    expect(answer.verdict).toBe('allowed');
    expect(answer.text).toContain('4th extension');
  });

  it("reads a year's budget-execution guideline as the extension it made, and none after the records", () => {
    const found = ask('2025년 예산집행지침에 들어간 특례 내용 뭐있었음');
    expect(found.status).toBe('answered');
    expect(found.text).toContain('9차 연장');
    expect(found.text).toContain('대가지급 5→3일');
    const after = ask('2026년 예산집행지침에도 특례 있어?', { today: '2026-11-30' });
    expect(after.status).toBe('unknown_fact');
  });

  it('says which measure is past its records: the one the question names', () => {
    const answer = ask(
      'September 2025, can we use the 5-day emergency bid notice under the economic-crisis contract guideline?',
    );
    expect(answer.status).toBe('unknown_fact');
    expect(answer.verdict).toBe('unknown');
    expect(answer.text).toContain('5-day emergency notice');
  });
});

describe('what is outside, and figures that are not inputs', () => {
  it.each([
    '미국 FAR 기준으로 sole source 요건이 뭐야?',
    'What are the sole source requirements under the FAR?',
    'Write me a Python function that sorts a list of dicts by date.',
  ])('%s is outside what the bot knows', (question) => {
    expect(ask(question).status).toBe('no_match');
  });

  it('does not read a compliance rate as an advance payment', () => {
    const answer = ask(
      'MSIT found that only about 80% of public SW RFPs complied with the law in 2021, right?',
    );
    expect(answer.verdict).toBeNull();
    expect(answer.text).toContain('98.9%');
  });

  it('still reads an advance asked with its share', () => {
    expect(ask('Could we take an 80% advance on a goods contract in September 2020?').verdict).toBe(
      'allowed',
    );
  });

  it('answers a total the asker quotes with the edition that states it, not with an agency list', () => {
    const answer = ask('In 2022 MOIS put 645억 into 11 projects again, same as 2021, correct?');
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain('Program size (2022)');
    expect(answer.text).toContain('694억원');
  });

  it('reads "this year" with a quoted figure as the edition that has it', () => {
    const answer = ask('올해 전자정부지원사업 645억 맞지?', { today: '2026-11-30' });
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain('사업 규모 (2021)');
  });
});

describe('amounts said with the VAT, and sums', () => {
  it('takes the amount said with VAT over the estimated price it restates', () => {
    const answer = ask(
      '매출 6천억 대기업인데 추정가격 37억짜리 사업이면 못 들어가? 부가세 포함하면 40억 넘는데',
    );
    expect(answer.verdict).toBe('allowed');
  });

  it('keeps a VAT-included amount below the floor below it', () => {
    const answer = ask(
      'Sales 600 billion won large company; estimated price 35억, with VAT it is about 38.5억. Can we bid?',
    );
    expect(answer.verdict).toBe('not_allowed');
  });

  it('is unknown when one part of a sum is unknown, and reads both projects in the edition that has both', () => {
    const answer = ask('국민비서 예산이랑 폐기물 예산 합치면 얼마야?', { today: '2026-11-30' });
    expect(answer.status).toBe('unknown_fact');
    expect(answer.text).toContain('2021년 예산은 출처에서 확인되지 않습니다');
    expect(answer.text).toContain('71억원');
  });
});

describe('short questions with only an aspect, and polite requests', () => {
  it.each(["what's the budget?", '예산 얼마야?'])('%s offers back what it could mean', (question) => {
    const answer = ask(question);
    expect(answer.status).toBe('clarify');
    expect(answer.candidates).toHaveLength(3);
    expect(answer.text).toMatch(/Program size|사업 규모/u);
  });

  it('still answers a longer question about budgets from its best card', () => {
    expect(ask('Which 2021 projects have a known budget?').status).toBe('answered');
  });

  it('reads "알려주실 수 있을까요" as a request, not a yes/no question', () => {
    const answer = ask('국민비서 예산 알려주실 수 있을까요?');
    expect(answer.verdict).toBeNull();
    expect(answer.projects).toEqual(['national-secretary']);
  });

  it('asks which projects are in a category as the unknown it is, and counts per category as known', () => {
    const which = ask(
      "Which of the 2021 projects were in the 'government-wide common infrastructure' group?",
    );
    expect(which.status).toBe('unknown_fact');
    const count = ask('2021년 과제들은 어떤 분야로 나뉘었어? 분야별 개수도');
    expect(count.status).toBe('answered');
    expect(count.text).toContain('5개');
  });
});

describe('a topic far ahead of a rule, and agencies only named', () => {
  it('answers where bids are published, with no verdict, when the rule words are incidental', () => {
    const answer = ask('2021 사업 bid notice는 나라장터에 올라와?');
    expect(answer.verdict).toBeNull();
    expect(answer.text).toContain('나라장터');
  });

  it('does not list an agency’s projects when the agency is only named', () => {
    const answer = ask('이 사업들 입찰공고는 어디 올라와요? 행안부 홈페이지만 보면 되나요?');
    expect(answer.projects).toEqual([]);
    expect(answer.text).toContain('나라장터');
    expect(ask('2022 신규 projects 중에 국민권익위 꺼 뭐야?').projects).toEqual(['integrated-call-center']);
  });

  it('reads a margin over the cap as a margin, not as the share', () => {
    expect(ask('SW사업 51% 하도급은요? 1%만 넘는 건데.').verdict).toBe('not_allowed');
  });

  it('answers the period of a named phase from the project, not the SW Act rule on periods', () => {
    const answer = ask('공간정보 데이터 통합 1차 사업 기간이 언제부터 언제까지였어?');
    expect(answer.projects).toEqual(['spatial-data-platform']);
    expect(answer.text).toContain('2020년 6월');
  });
});

describe('extensions named by number or by the month they were made', () => {
  it('shows every extension the question numbers', () => {
    const answer = ask('21년 2차 연장이랑 22년 4차 연장 내용 차이 있어?');
    expect(answer.text).toContain('2차 연장');
    expect(answer.text).toContain('4차 연장');
  });

  it.each([
    ['In the Dec 2024 extension, what did they keep and until when?', '9th extension'],
    ['2023년 12월 연장 내용은?', '7차 연장'],
    ['Why did they justify extending the exceptions again in mid-2022?', '4th extension'],
  ])('%s', (question, label) => {
    expect(ask(question).text).toContain(label);
  });
});

describe('a narrow topic that refines a broader one', () => {
  it('answers the details asked as the unknown they are', () => {
    const answer = ask('2022년 설명회 때 안내한 차등점수제 내용 구체적으로 알려줘');
    expect(answer.status).toBe('unknown_fact');
    expect(answer.text).toContain('차등점수제 세부 내용');
  });

  it('still answers what the scheme is when no detail is asked', () => {
    expect(ask('차등점수제가 뭐야?').status).toBe('answered');
  });
});

describe('outside set 22 kinds: dates checked, details unknown, what a rule covers', () => {
  it.each([
    ['설명회 22일이었나? 캘린더에 22로 적어놨는데', '2021년 1월 21일'],
    ['21년 설명회 2월 10일 맞나? 캘린더에 넣으려고', '2021년 1월 21일'],
    ['The 2022 e-gov support briefing was also on January 21, at 2pm, right?', '2022-02-10'],
  ])('%s gets the recorded date', (question, date) => {
    const answer = ask(question);
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain(date);
  });

  it.each([
    '발표자료 pdf 어디서 받을수 있어요?',
    'I missed the 2021 briefing. Is there a recording or slide deck I can get?',
  ])('%s: the slides and recording are not in the sources', (question) => {
    expect(ask(question).status).toBe('unknown_fact');
  });

  it('answers what "one failed bid" covers from the rule, with no verdict', () => {
    const answer = ask('1회 유찰이라는 게 한 업체만 들어온 경우도 포함이야?');
    expect(answer.verdict).toBeNull();
    expect(answer.text).toContain('단독 응찰');
  });

  it('keeps a VAT-included amount a rule input', () => {
    const answer = ask(
      '사업금액 40억(VAT 포함)짜리에 sales 9천억 넘는 대기업 들어올 수 있냐 (상호출자제한은 아님)',
    );
    expect(answer.verdict).toBe('not_allowed');
  });

  it('reads the old limit a raise started from as a limit, not a contract amount', () => {
    const answer = ask('소액수의 한도 물품 용역 5천만원에서 얼마로 올랐지');
    expect(answer.verdict).toBeNull();
    expect(answer.text).toContain('1억원');
  });

  it('finds the extension that started on a day', () => {
    expect(ask('22년 7월 1일부터 또 연장된 거 기한은?').text).toContain('2022-12-31');
  });

  it.each([
    '주민등록증 재발급 어떻게 해요?',
    'Can you write our technical proposal for the e-certificate project?',
  ])('%s is outside what the bot does', (question) => {
    expect(ask(question).status).toBe('no_match');
  });

  it('lists the projects of a phase asked as "phase 2 ones"', () => {
    expect(ask('which 2021 projects are phase 2 ones?').projects).toEqual([
      'national-secretary',
      'digital-evidence',
      'spatial-data-platform',
    ]);
  });
});

describe('outside set 23 kinds: restated figures, checklist negations, VAT words', () => {
  it.each([
    ['매출 9천억 대기업이고 상출제 아님. 추정가 73억인데 이건 부가세 뺀 금액이야. 입찰 돼?', 'allowed'],
    [
      '연매출 육천억 대기업입니다(상호출자제한 X). 추정가격 37억, VAT 별도 금액이에요. 참여 되나요?',
      'allowed',
    ],
    ['매출 3천억 대기업(상출제 X)인데 사업금액이 딱 40억(부가세 포함)이에요. 들어갈 수 있나요?', 'allowed'],
    [
      'Our sales are just over 800 billion won — like 805 billion. Project is 6 billion won with VAT. Can we bid?',
      'not_allowed',
    ],
    ['매출 팔천억 살짝 안 돼요(7,950억). 사업 45억 vat포함. 대기업인데 상출제는 아님. 참여 되나?', 'allowed'],
    [
      'We are a big SI firm, about 2 trillion won in sales, not in a restricted group. The project is a bit under 8 billion — 7.9 billion won including VAT. Can we bid?',
      'not_allowed',
    ],
    ['상호출자제한기업집단 소속인데 100억 사업 참여 가능?', 'not_allowed'],
    ['Can the prime subcontract exactly half (50%) of a public SW project?', 'allowed'],
  ])('%s → %s', (question, verdict) => {
    expect(ask(question).verdict).toBe(verdict);
  });

  it('shows the tier of a negotiated contract, not a figure the asker never wrote', () => {
    const answer = ask('군청 협상계약 칠천만원짜리 공고기간?');
    expect(answer.text).toContain('1억원 미만');
    expect(answer.text).not.toContain('7000');
  });

  it.each([
    ['우리 기관 전용 전자조달 시스템 그냥 편해서 따로 만들려는데 가능해?', 'not_allowed'],
    [
      'For genuine security reasons, can our agency run its own e-procurement system instead of KONEPS?',
      'allowed',
    ],
    [
      '코로나 특례 끝났다고 들었는데 2024년에도 감염병 확산 방지 목적이면 긴급 수의계약 사유로 쓸 수 있나요?',
      'allowed',
    ],
  ])('%s → %s (a claim the topic settles)', (question, verdict) => {
    expect(ask(question).verdict).toBe(verdict);
  });
});

describe('a long message whose last sentence asks about a rule given earlier', () => {
  it('gives the verdict of that rule from the whole message', () => {
    const answer = ask(
      "Our ministry's tender failed once on April 29, 2020 (only one bidder turned up). The cabinet had passed the COVID amendment the day before. Could we sign a single-source contract that same day without re-tendering?",
    );
    expect(answer.verdict).toBe('not_allowed');
  });

  it('says an unknown after the records with a word that says so', () => {
    expect(ask('Did the 2026 budget-execution guideline keep the COVID contract exceptions?').text).toContain(
      'unknown',
    );
  });
});

describe('outside set 24 kinds', () => {
  it('does not read "skip the re-bid after a single failed tender" as two failed rounds', () => {
    const answer = ask(
      'Quick one: right now, can I skip the re-bid after a single failed tender on a national contract?',
      {
        today: '2026-11-30',
      },
    );
    expect(answer.verdict).toBe('unknown');
    expect(answer.rule).not.toBe('single-source-rebid-failed');
  });

  it('reads "the only bidder" as one failed round', () => {
    const answer = ask(
      'We bid on a ministry tender in May 2021 and were the only bidder. The agency signed with us without rebidding. Was that legit?',
    );
    expect(answer.verdict).toBe('allowed');
  });

  it('answers whether the local exceptions applied in a month from the local periods', () => {
    const answer = ask('2022년 9월 기준으로 지방계약도 특례 적용돼?');
    expect(answer.verdict).toBe('allowed');
    expect(answer.text).toContain('지방계약 연장');
  });

  it('keeps "does it apply to local contracts" a question about the scope, with no date', () => {
    expect(ask('지자체 계약에도 이 특례 적용돼요? 누가 고시해요?').status).toBe('answered');
  });

  it('answers an agency checked next to another aspect', () => {
    expect(ask('재외공관 해외정보 활용체계는 외교부 사업 맞지? 몇 차야?').text).toContain('외교부');
  });
});

describe('outside set 25 kinds', () => {
  it('compares a lone percent with the advance cap when the question is about an advance', () => {
    expect(
      ask(
        'Works contract: the advance is requested and paid on February 12, 2024. Can it be 100% of the contract value?',
      ).verdict,
    ).toBe('not_allowed');
    expect(
      ask(
        'Works contract: the advance is requested on February 14, 2024. Can it be 100% of the contract value?',
      ).verdict,
    ).toBe('allowed');
  });

  it('lists an agency’s projects only when the agency qualifies them', () => {
    expect(ask('행안부 전자정부지원사업이 정확히 어떤 사업을 지원하는 건가요?').projects).toEqual([]);
    expect(ask('21년에 행안부가 직접하는 과제 어떤거?').projects).toContain('national-secretary');
  });
});

describe('outside set 25 kinds, second round', () => {
  it('reads a total with VAT said again after the price and the VAT as one project amount', () => {
    expect(
      ask(
        'Large SW firm, sales 500 billion won, not a restricted group. Estimated price 3.7 billion won, VAT 370 million, so 4.07 billion with VAT. Can we take part?',
      ).verdict,
    ).toBe('allowed');
  });

  it('answers whether the exceptions stopped at the end someone named with the next extension', () => {
    const answer = ask(
      'The January 2021 briefing said the exceptions would run to June 2021. Did they actually stop then?',
    );
    expect(answer.text).toContain('2nd extension');
    expect(answer.text).toContain('2021-12-31');
  });

  it('settles a no-extension clause with the fair-contract claim', () => {
    expect(
      ask(
        'Our public SW contract says no period extension even if the tasks change. Is that clause enforceable?',
      ).verdict,
    ).toBe('not_allowed');
  });
});

describe('a short question with only a form', () => {
  it('keeps a short question about another subject a no-match (a gap to log)', () => {
    expect(ask('점심 시간은 언제인가요').status).toBe('no_match');
  });

  it.each(['when does it end?', "when's the deadline?", '마감 언제야?'])(
    '%s offers back what it may mean',
    (question) => {
      const answer = ask(question);
      expect(answer.status).toBe('clarify');
      expect(answer.candidates).toHaveLength(3);
    },
  );
});

describe('set 21 kinds found on the final run', () => {
  it('answers what the subcontracting cap counts, with no verdict', () => {
    const answer = ask('Does the 50% subcontracting cap count purchases of goods?');
    expect(answer.verdict).toBeNull();
    expect(answer.text).toContain('goods purchases excluded');
  });

  it.each([
    ['과업 자꾸 늘어나는데 돈 더 받을수 있는 방법 없냐', '과업심의위원회'],
    ['제안서 떨어져도 보상 받을수 있다던데 진짜?', '제안서 보상'],
    ['우리 SI인데 remote dev 가능? 보안요건만 맞추면?', '작업장소'],
  ])('%s is answered in 반말 too', (question, words) => {
    expect(ask(question).text).toContain(words);
  });
});

describe('keyboard mash', () => {
  it.each(['ㅁㄴㅇㄹㅁㄴㅇㄹ', '/치ㅣ'])('%s is rejected with a message that says why', (question) => {
    const answer = ask(question);
    expect(answer.status).toBe('rejected');
    expect(answer.text).toContain('자음·모음');
  });

  it('still reads a question with a stray ㅋㅋ', () => {
    expect(ask('ㅋㅋ 국민비서 예산?').projects).toEqual(['national-secretary']);
  });
});
