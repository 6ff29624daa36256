import { describe, expect, it } from 'vitest';
import { extractAmounts } from '../../src/core/reading/amounts.js';
import { ask } from '../support/engine.js';

// The engine paths added after outside sets 4 and 5: the exceptions' state on a day, one extension
// asked about, claims a topic settles, a project named by its budget, and restated amounts.

describe('"still in force?" says the state on the asked day first', () => {
  it.each([
    [
      '코로나 계약특례 아직 유효해?',
      '2025-03-05',
      '2025-03-05 기준: 시행 중입니다 — 9차 연장 (2025-06-30까지)',
    ],
    [
      'are the covid contract exceptions still in force?',
      '2023-09-01',
      'As of 2023-09-01: in force — 6th extension (to 2023-12-31) (inferred)',
    ],
    // No record for the day: the asked state is unknown (one status rule), and so is the verdict.
    [
      '코로나 계약특례 아직 유효해?',
      '2026-11-30',
      '2026-11-30 기준: 시행 중인지 확인되지 않습니다.',
      'unknown_fact',
      'unknown',
    ],
    [
      'are the covid contract exceptions still in force as of March 2024?',
      '2026-11-30',
      'As of 2024-03: in force — 7th extension',
    ],
    [
      '적격심사 기간 단축 21년에도 유지됐어?',
      '2026-11-30',
      '2021 기준: 시행 중인지 확인되지 않습니다.',
      'unknown_fact',
      'unknown',
    ],
    [
      'covid contract exceptions still in force before they began, in march 2020?',
      '2026-11-30',
      'As of 2020-03',
      'answered',
      'not_allowed',
    ],
  ])('%s (asked on %s)', (question, today, first, status = 'answered', verdict = 'allowed') => {
    const answer = ask(question, { today });
    expect(answer.status).toBe(status);
    expect(answer.verdict).toBe(verdict);
    expect(answer.text.split('\n')[0]).toContain(first);
  });

  it('takes the day the question marks with 기준 over other dates it recalls', () => {
    const answer = ask(
      '코로나 계약특례가 2020년 5월에 시작해서 연장됐다는 건 알겠는데 2024년 12월 이후는 모르겠어요. 지금 2025년 3월 기준으로 아직 특례 기간 맞나요?',
      { today: '2025-03-05' },
    );
    expect(answer.text.split('\n')[0]).toBe('2025-03 기준: 시행 중입니다 — 9차 연장 (2025-06-30까지)');
  });
});

describe('one extension of the exceptions', () => {
  it.each([
    ['21년 하반기 연장은 누가 언제 발표했어?', ['2차 연장 (2021-12-31까지)', '홍남기', '2021-06-18']],
    ['22년 하반기 연장은 왜 한 거래?', ['4차 연장 (2022-12-31까지)', '원자재']],
    ['what was the 7th extension?', ['7th extension (to 2024-06-30)', 'late December 2023']],
    [
      'Who pushed the exceptions out to June 2021, and through what document?',
      ['1st extension', '2021 budget-execution guideline'],
    ],
    ['2024년 6월말까지 연장한건 언제 발표된거에요?', ['7차 연장', '2023년 12월 말']],
    ['지방계약 특례 23년 하반기 연장 고시 번호가 뭐였죠?', ['제2023-52호']],
  ])('%s', (question, parts) => {
    const answer = ask(question);
    expect(answer.status).toBe('answered');
    for (const part of parts) expect(answer.text).toContain(part);
  });

  it('counts the numbered national extensions, and only periods for a rule whose record has gaps', () => {
    expect(ask('특례 몇 번 연장됐어?').text).toContain(
      '기록된 국가계약 특례 연장은 9차례입니다(마지막 2025-06-30까지)',
    );
    expect(ask('긴급입찰 5일 공고 몇 번 연장됐어?').text).toContain('이 규정의 기록된 시행 기간은 4개입니다');
  });

  it('leaves a rule question with a half-year to the rule', () => {
    const answer = ask('2021년 하반기에 한 번 유찰되면 수의계약 돼?');
    expect(answer.verdict).toBe('allowed');
  });
});

describe('claims: yes/no questions a topic settles without inputs', () => {
  it.each([
    ['As the contractor, can we request a task review committee meeting when the scope changes?', 'allowed'],
    ['Can an agency just skip the task review committee for a small public SW project?', 'not_allowed'],
    ['과심위 안 열어도 돼?', 'not_allowed'],
    ['원격지 개발 하고 싶은데 작업장소를 우리가 제안해도 돼요?', 'allowed'],
    [
      "발주처가 계약서에 '과업이 바뀌어도 계약금액 조정 없음' 이런 조항 넣었어요. 이거 유효한가요?",
      'not_allowed',
    ],
    ['대기업이 하도급으로 들어가는 건 금액 하한 밑이어도 괜찮지 않나?', 'not_allowed'],
  ])('%s → %s', (question, verdict) => {
    expect(ask(question).verdict).toBe(verdict);
  });

  it('leaves a question with numbers to the rules, and a question without a yes/no word to the topic', () => {
    expect(
      ask('매출 5000억 대기업인데 하도급으로 30억 사업 하한 밑이어도 들어갈 수 있어?').rule,
    ).not.toBeNull();
    expect(ask('과업심의위원회 꼭 해야 돼?').verdict).toBeNull();
  });
});

describe('reading', () => {
  it('names the project a budget belongs to', () => {
    const answer = ask('칠십일억짜리 과제가 뭐였더라');
    expect(answer.projects).toEqual(['waste-safety']);
    expect(answer.text).toContain('폐기물');
    // A rule's amount is the asker's own project, not a recorded budget.
    expect(ask('71억 사업에 대기업 참여 가능?').projects).toEqual([]);
  });

  it('reads an amount restated in brackets as one amount', () => {
    expect(extractAmounts('sales of 500 billion won (5,000억), a 45억 project').map((a) => a.krw)).toEqual([
      500_000_000_000, 4_500_000_000,
    ]);
    expect(extractAmounts('매출 1조원, 1조원 사업').map((a) => a.krw)).toEqual([1e12, 1e12]);
  });

  it('reads "not part of a cross-shareholding-restricted group" as not in a group (set 5)', () => {
    const answer = ask(
      'Large SW company, annual sales around 5,000억, not part of a cross-shareholding-restricted group. The project is 45억 including VAT. Can we bid?',
    );
    expect(answer.verdict).toBe('allowed');
  });

  it('judges a local-government contract by the local periods', () => {
    expect(ask('지자체 발주건인데 2020년 6월 기준으로 1회 유찰 수의계약 특례 적용돼?').verdict).toBe(
      'not_allowed',
    );
    expect(ask('지자체 계약인데 2021년 9월에 한 번 유찰되면 수의계약 돼?').verdict).toBe('unknown');
    expect(ask('구청 발주 2023년 9월 한번 유찰 수의계약 가능?').verdict).toBe('allowed');
    expect(ask('2021년 9월에 한 번 유찰되면 수의계약 돼?').verdict).toBe('allowed');
  });

  it("gives a local contract's timeline over the local periods, with their gaps", () => {
    const text = ask('지자체 계약인데 한 번 유찰되면 수의계약 돼?').text;
    expect(text).toContain('• 지방계약 연장 (2021-06-30까지): 가능');
    expect(text).toContain('• 2021-07-01 ~ 2022-06-30: 확인 불가');
  });
});

describe('after outside set 6', () => {
  it('reads "after June 30, 2025" as the day after, and an end asked about as the day after it', () => {
    const after = ask('Is the national contract exception still in force after June 30, 2025?');
    expect(after.status).toBe('unknown_fact');
    expect(after.text).toContain('No extension after 2025-06-30 is found');
    expect(after.text).not.toMatch(/in force —|still in force/);
    expect(ask('수의계약 특례 2021년 6월에 끝난 거 아니었어?', { today: '2021-09-01' }).text).toContain(
      '2021-07-01 기준: 시행 중입니다 — 2차 연장 (2021-12-31까지)',
    );
  });

  it('reads an estimated price and the same with VAT as one project amount', () => {
    const answer = ask(
      "We're a large firm with 900 billion won in sales. Estimated price 75억, so 82.5억 with VAT. Can we bid?",
    );
    expect(answer.verdict).toBe('allowed');
  });

  it('breaks a tie between close cards by the numbers the question states', () => {
    const answer = ask('2021 전자정부지원사업 육백사십오억 맞아? 과제는 열한개고?');
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain('645억원');
  });

  it('dates a contract topic with a year instead of comparing years', () => {
    expect(ask('2020년 특례 때 소액수의 한도 전기공사는 얼마까지였어?').text).toContain('1.6억');
  });

  it('finds the extension by the end it names, and the local one by "local notice"', () => {
    expect(ask('what did the extension to mid-2025 include?').text).toContain(
      '9th extension (to 2025-06-30)',
    );
    expect(ask('local notice number for the 2023 H2 extension?').text).toContain('MOIS notice 2023-52');
  });
});

describe('after outside set 7', () => {
  it('does not read "a 2021 project" as a count of projects to correct', () => {
    const answer = ask("I'm writing that 국민비서 was a brand-new 2021 project. Correct?");
    expect(answer.text).not.toContain('A correction first');
    expect(answer.text).toContain('continuing project');
  });

  it('judges "under the normal rule" / "특례 없다고 치고" outside the exception, and says so', () => {
    const answer = ask('공사 입찰에서 평소 규칙대로라면 1번 유찰 후 바로 수의계약 되나요? 특례 없다고 치고');
    expect(answer.verdict).toBe('not_allowed');
    expect(answer.text).toContain('평상시 규칙');
    expect(ask('Under the normal rule, can we go single-source after one failed bid?').verdict).toBe(
      'not_allowed',
    );
  });

  it('finds an extension by its ordinal word and a local one by "local-government"', () => {
    expect(ask('다섯 번째 연장은 언제까지였어?').text).toContain('5차 연장 (2023-06-30까지)');
    expect(ask('When was the first extension, to what date?').text).toContain(
      '1st extension (to 2021-06-30)',
    );
    expect(
      ask('Was the local-government version also extended to 2023-06-30 in the fifth round?').text,
    ).toContain('local contracts: extension (to 2023-06-30)');
  });

  it('answers a project named with only a generic rule word as a question about the project', () => {
    const answer = ask('2021년 차세대 주민등록 3차 사업 새로 입찰 들어갈 수 있는 건가요?', {
      today: '2021-02-15',
    });
    expect(answer.projects).toEqual(['resident-registration']);
    expect(answer.verdict).toBeNull();
  });

  it("answers a topic that names an agency, and still lists an agency's projects", () => {
    expect(
      ask('Where does MOIS publish the result reports of finished e-gov support projects?').text,
    ).toContain('egov.nia.or.kr');
    expect(ask('행안부 과제 목록 보여줘').projects).toContain('national-secretary');
  });
});

describe('after outside set 8', () => {
  it('answers a span that starts before the exception with the timeline, saying why', () => {
    const answer = ask('emergency bid notice period during 2020?');
    expect(answer.text).toContain('2020 runs across the start of the exception');
    expect(answer.text).toContain('Normally (outside the exception periods): Not allowed');
  });

  it('finds the period a half-year, or an announcement day, names', () => {
    expect(ask('2025년 상반기 특례 내용 뭐였어?').text).toContain('9차 연장 (2025-06-30까지)');
    expect(ask('2023년 6월 21일에 기재부가 뭐 발표했어?').text).toContain('6차 연장 (2023-12-31까지)');
    expect(ask('what was in the 4th extension, the one to end of 2022?').text).toContain('bid bond 5→2.5%');
  });

  it('reads "ok?" as a yes/no question a claim settles', () => {
    expect(ask('large firm as subcontractor below the floor - ok?').verdict).toBe('not_allowed');
  });

  it('lists the projects in both years, and names the phase in words', () => {
    expect(ask('2021년이랑 2022년 사업에 둘 다 나오는 과제 뭐야?').projects).toEqual([
      'national-secretary',
      'digital-evidence',
      'spatial-data-platform',
    ]);
    expect(ask('2022 digital evidence project - still running? phase?').text).toContain('phase 3');
  });
});

describe('after outside set 9', () => {
  it('ranks an article number above the law name', () => {
    expect(ask('What does Article 38 of the Software Promotion Act say?').text).toContain(
      'Fair-contract principle',
    );
  });

  it('finds the extension announced in a month, and the first time it was extended', () => {
    expect(ask('2021년 6월에 특례 연장 누가 발표했어?').text).toContain('홍남기');
    expect(ask('How was it extended the first time, and by which document?').text).toContain('1st extension');
  });

  it('answers the floor for a tier without an amount, whatever date the question mentions', () => {
    const answer = ask(
      "We became a mid-sized company two years ago. What's the smallest public SW project we can bid on?",
    );
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain('20억');
  });

  it('says by how much the 2022 program is bigger, and that large firms are barred as subcontractors too', () => {
    expect(ask('2021 vs 2022 budget: how much bigger was the 2022 program?').text).toContain('49억원');
    expect(ask('대기업이 하도급으로라도 30억 사업 들어갈 수 있어?').text).toContain('하도급으로도');
  });
});

describe('after outside set 10', () => {
  it("corrects an amount that is another project's budget", () => {
    expect(ask('2021년 국민비서 예산이 71억이었던 거 맞지?').text).toContain(
      '바로잡습니다: 71억원은 지능형 폐기물 안전처리 관리체계 구축 (3차)의 2021년 예산입니다.',
    );
  });

  it('gives no share verdict when a penalty is asked, and still reads "fine?" as "ok?"', () => {
    expect(
      ask('What is the fine for a prime contractor that breaks the 50% subcontracting cap?').verdict,
    ).toBeNull();
    expect(ask('SW SME, 2 billion won job: fine?').verdict).toBe('allowed');
  });

  it('reads "may the agency not apply it?" as whether the measure binds, not as the normal rule', () => {
    const answer = ask('발주기관이 보증금 인하 특례 적용 안 해도 되는 거야? 우리 공고엔 없던데');
    expect(answer.verdict).toBeNull();
    expect(answer.text).toContain('임의규정');
  });

  it('corrects a stated count of projects "과제 12개"', () => {
    expect(ask('2021년 전자정부지원사업 과제 12개 맞지?').text).toContain('기록된 값은 11입니다');
  });
});
