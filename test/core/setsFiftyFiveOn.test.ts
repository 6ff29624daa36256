import { describe, expect, it } from 'vitest';
import { ask } from '../support/engine.js';

// Classes found by outside sets 55-58 (first runs logged in the README): projects by ministry,
// a project described by what it does, comparisons that need an unknown value, the year a quoted
// figure belongs to, the briefing's venue, a year with no edition, swapped letters.

describe('projects by ministry', () => {
  it('lists the projects of the other ministries for "apart from MOIS"', () => {
    const answer = ask('Apart from MOIS, which ministries had projects in the 2021 lineup?');
    expect(answer.status).toBe('answered');
    expect(answer.projects).toEqual(
      expect.arrayContaining(['waste-safety', 'architecture-admin-cloud', 'digital-evidence']),
    );
    expect(answer.projects).not.toContain('national-secretary');
    expect(answer.text).toContain('Ministry of Environment');
  });

  it('rules an agency out in Korean too ("행안부 말고")', () => {
    const answer = ask('2021년 행안부 말고 다른 부처 과제는?');
    expect(answer.projects).toContain('waste-safety');
    expect(answer.projects).not.toContain('e-certificate');
  });

  it.each([
    ['환경부가 맡은 2021 과제가 뭐고 예산은 얼마였어?', 'waste-safety'],
    [
      'Which of the 2021 projects belonged to the Ministry of Land, Infrastructure and Transport?',
      'architecture-admin-cloud',
    ],
  ])('%s filters by the agency even with a year in between', (question, id) => {
    const answer = ask(question);
    expect(answer.status).toBe('answered');
    expect(answer.projects).toContain(id);
    expect(answer.projects).not.toContain('national-secretary');
  });

  it('lists every project with its agency for "which ministries had projects"', () => {
    const answer = ask('which ministries had projects in 2021?');
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain('Ministry of Environment');
    expect(answer.text).toContain('Ministry of Land');
  });

  it('reads "the new 2022 projects" as the new ones', () => {
    const answer = ask('Which ministries were behind the new 2022 projects?');
    expect(answer.projects).toEqual(
      expect.arrayContaining(['small-merchant-platform', 'overseas-mission-info', 'integrated-call-center']),
    );
    expect(answer.projects).not.toContain('national-secretary');
  });

  it('keeps "who provides the technical support?" on the program, not a project list', () => {
    expect(ask('전자정부지원사업 기술지원은 어느 기관이 맡아?').text).toMatch(/NIA|지능정보사회진흥원/u);
  });
});

describe('a project described by what it does', () => {
  it('finds the National Secretary from "카톡이나 네이버로 과태료 알려주는 서비스" and names it', () => {
    const answer = ask(
      '카톡이나 네이버로 과태료 같은 거 알려주는 그 서비스 말이야, 2021년에 몇 차 사업이었어?',
    );
    expect(answer.projects).toEqual(['national-secretary']);
    expect(answer.text).toContain('2차');
    expect(answer.text.split('\n')[0]).toContain('국민비서');
  });

  it('finds the Gov24 life services from "apply … in one go"', () => {
    const answer = ask(
      'The 2021 project that lets you apply for elderly-care and disability support in one go — how much was it funded?',
    );
    expect(answer.projects).toEqual(['gov24-life-services']);
    expect(answer.text).toContain('5.3 billion');
  });

  it('does not read a local-government notice as the alert service', () => {
    expect(ask("the local-government notice extending to end-2023: what's its number?").projects).toEqual([]);
  });

  it('still adds the other question of a message when the first line is the same project', () => {
    const answer = ask('Was the e-gov cloud platform briefed in 2020? and in 2021?');
    expect(answer.text).toMatch(/long-term continuous contract/u);
  });
});

describe('a comparison needs every value', () => {
  it.each([
    ['폐기물 과제가 국민비서보다 예산 더 많았어?'],
    ['Which got more in 2021, resident registration or the Gov24 life services one?'],
  ])('%s is unknown when one budget is not in the sources', (question) => {
    const answer = ask(question);
    expect(answer.status).toBe('unknown_fact');
    expect(answer.verdict).toBeNull();
  });

  it('answers a comparison of two known budgets', () => {
    expect(ask('폐기물이랑 전자증명서 예산 비교').status).toBe('answered');
  });
});

describe('program figures', () => {
  it('states the differences from 2020 as the differences of two confirmed figures', () => {
    const answer = ask('2020년 대비 2021년 전자정부지원사업 예산 얼마나 줄었음?');
    expect(answer.text).toContain('431억원');
    expect(ask('How many fewer projects did the 2021 program have than the 2020 one?').text).toContain(
      '8 fewer',
    );
  });

  it('answers the year with the largest budget with each year, not a project', () => {
    const answer = ask('Of 2020, 2021 and 2022, which year had the largest e-gov support budget?');
    expect(answer.text).toContain('1,076억');
    expect(answer.text).not.toContain('11.2 billion');
  });

  it('reads a quoted total as its own edition ("645억" is 2021)', () => {
    const answer = ask('total 645억 중에 project별 budget breakdown 다 나와있어?');
    expect(answer.text).toContain('(2021)');
    expect(answer.text).not.toContain('(2022)');
  });

  it('says a year with no edition is not in the sources ("2023년 … 몇 과제")', () => {
    const answer = ask('행안부 2023년 전자정부지원사업은 몇 과제였어?');
    expect(answer.status).toBe('unknown_fact');
    expect(answer.text).toContain('2023');
  });

  it('says where the rest of the budget went is unknown', () => {
    expect(ask('그럼 나머지 327억은 어디 어디로 가는지 알아?').status).toBe('unknown_fact');
    expect(ask('예산 나온 과제 4개 합치면 얼마야? 나머지 과제 예산은?').status).toBe('answered');
  });

  it('lists a year\'s projects for "과제 11개 이름 다 알려줘"', () => {
    const answer = ask('22년 과제 11개 이름 다 알려줘');
    expect(answer.projects).toContain('small-merchant-platform');
  });
});

describe('the briefing', () => {
  it('corrects a wrong venue and says it was online', () => {
    const answer = ask('설멍회 장소 어디에요?? 정부서울청사 가면 되나');
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain('온라인');
  });

  it('does not answer other "어디서 해?" questions with the briefing', () => {
    expect(ask('연차 신청 어디서 해?').status).toBe('no_match');
  });

  it('mends two swapped letters ("breifing")', () => {
    const answer = ask('waht time does the breifing start and finish?');
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain('16:30');
  });

  it('reads "the special rule" as the exceptions', () => {
    const answer = ask('Is the special rule still valid?', { today: '2026-12-01' });
    expect(answer.status).not.toBe('no_match');
    expect(answer.text).toContain('2025-06-30');
  });
});

describe('more of sets 55-58', () => {
  it.each([
    ['when in 2021 was the e-certificate project going out to tender? month please'],
    ['Can you give me the tender month for the national secretary project in 2021?'],
    ['폐기물 과제 3차면 이번이 마지막 해야?'],
  ])('%s asks a project fact no source gives', (question) => {
    expect(ask(question).status).toBe('unknown_fact');
  });

  it('keeps "was 국민비서 the one left out in 2022?" unknown, though the briefing list is shown', () => {
    const answer = ask('2022 briefing에서 빠진 long-term contract 과제 하나 있었잖아, 그게 국민비서야?');
    expect(answer.status).toBe('unknown_fact');
    expect(ask('2021 설명회에서 주민등록 빠졌어?').status).toBe('answered');
  });

  it('answers what has to happen under the normal rule with the count it takes', () => {
    const answer = ask(
      'Under the normal rules, with no COVID exception, what has to happen before I can use a single-source contract after a tender fails?',
    );
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain('2 or more');
  });

  it('mends "anounced" and "extention"', () => {
    const answer = ask('who anounced the extention to end of 2021 and when?');
    expect(answer.text).toContain('Hong Nam-ki');
    expect(answer.text).toContain('2021-06-18');
  });

  it('does not mend "contact" into "contract"', () => {
    expect(ask('who is the contact person for the e-certificate project?').text).not.toMatch(/contract/iu);
  });

  it('says yes when the list a topic states names what is asked', () => {
    const answer = ask('과기부 18개 점검항목에 하자담보도 들어가?');
    expect(answer.text.split('\n')[0]).toBe('네, 하자담보는 이 목록에 들어 있습니다.');
    expect(ask('매출 8천억 이상 대기업은 몇 억 이상 사업에만 들어갈 수 있어?').text).not.toContain(
      '이 목록에',
    );
  });

  it('keeps a visa question out of scope', () => {
    expect(ask('how do I get a D-8 visa for my developers to work on-site in Korea?').status).toBe(
      'no_match',
    );
  });
});

describe('classes of sets 61 and 62', () => {
  it('finds a project by what it handles even after an agency ("행안부 … 쓰레기 처리")', () => {
    const answer = ask(
      '행안부 전자정부지원사업 중에 AI로 쓰레기 처리 관리하는 거 있었잖아 그거 정식 이름이랑 몇 차였어? 2021년 기준',
    );
    expect(answer.projects).toEqual(['waste-safety']);
    expect(answer.text).toContain('3차');
  });

  it('finds the spatial-data project from "GIS" and "geo data"', () => {
    expect(
      ask('we do GIS work. was there any spatial / geo data project in the 2021 e-gov support program?')
        .projects,
    ).toEqual(['spatial-data-platform']);
  });

  it("does not read the SME guideline's name as the asker being small", () => {
    const answer = ask('중소SW사업자 지침 별표1 하한 금액, 2021년에도 지금이랑 똑같았어?');
    expect(answer.verdict).toBeNull();
  });

  it('says a contact is not recorded, asked about the briefing in many words', () => {
    expect(ask('설명회 끝나고 추가 문의는 어디로 하라고 안내하면 돼요? 담당자 연락처').status).toBe(
      'unknown_fact',
    );
  });

  it('reads "장기계속 사업" as the contract form, not continuing projects', () => {
    const answer = ask('2022년에 설명회 빠진 장기계속 사업은 뭐였어?');
    expect(answer.status).toBe('unknown_fact');
    expect(answer.projects).not.toContain('national-secretary');
    expect(ask('2021년에 설명회 빠진 장기계속 사업은 뭐였어?').projects).toEqual(
      expect.arrayContaining(['resident-registration', 'architecture-admin-cloud']),
    );
  });

  it('lists the projects "in phase 3"', () => {
    const answer = ask('Which of the named 2021 projects were in phase 3?');
    expect(answer.projects).toEqual(
      expect.arrayContaining(['waste-safety', 'egov-cloud-platform', 'architecture-admin-cloud']),
    );
    expect(answer.projects).not.toContain('national-secretary');
  });

  it.each([['정보처리기사 실기 언제 봐?'], ['AWS vs Azure 뭐가 더 싸?']])(
    '%s is out of scope',
    (question) => {
      expect(ask(question).status).toBe('no_match');
    },
  );
});

describe('a stated briefing day that is not the record', () => {
  it('corrects the day and names the year whose briefing it was', () => {
    const answer = ask('An attendee says the briefing was on 21 Jan 2022. Is that right?');
    expect(answer.text.split('\n')[0]).toContain('2022-02-10');
    expect(answer.text).toContain('2021-01-21 is the 2021 record');
  });

  it('compares a day without a year by month and day', () => {
    expect(ask('설명회 1월 20일에 한 거 맞죠?').text.split('\n')[0]).toContain('1월 20일은 기록과 다릅니다');
    expect(ask('설명회 1월 21일 맞지?').text).not.toContain('바로잡습니다');
  });

  it('corrects no day of a timeline or a rule', () => {
    expect(ask('특례 2020년 5월 1일 시작 맞지?').text).not.toContain('바로잡습니다');
    expect(ask('sw진흥법 전부개정 국무회의 의결 날짜 6월 2일 맞아?').text).not.toContain(
      '기록된 값은 2020-12-10',
    );
  });
});

describe('classes of set 66', () => {
  it('answers "was the … exception extended beyond June 2021?" with the extension', () => {
    const answer = ask('Was the one-failure single-source exception extended beyond June 2021?');
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain('2021-12-31');
  });

  it('says nothing is recorded after June 2025 for "what happened to the exceptions"', () => {
    const answer = ask('What happened to the exceptions after June 2025?');
    expect(answer.status).toBe('unknown_fact');
    expect(answer.text).toContain('2025-06-30');
  });

  it('reads "어디 채널" as the channel the briefing streamed on', () => {
    expect(ask('셜명회 영상 어디 채널이었징').text).toContain('카카오TV');
  });

  it('asks back for a bare "What\'s the deadline?"', () => {
    expect(ask("What's the deadline?").status).toBe('clarify');
  });

  it('says the September order-planning registration is mandatory', () => {
    expect(ask('내년 사업 발주월 확정 9월말까지 하는 거 필수야?').text).toContain('의무');
  });
});

describe('classes of set 65', () => {
  it('reads "can the agency enforce that clause?" as the fair-contract rule, not a request for a review', () => {
    const answer = ask(
      "If our contract says we can't ask for more money even when the scope changes, can the agency enforce that clause?",
    );
    expect(answer.verdict).toBe('not_allowed');
    expect(answer.text).toContain('void');
  });

  it('still allows the contractor to request the task review', () => {
    expect(ask('can we ask for a task review committee meeting?').verdict).toBe('allowed');
    expect(ask('과업 변경되면 우리가 과업심의위원회 열어달라고 요청할 수 있어?').verdict).toBe('allowed');
  });

  it('answers the PPS guideline named by its own words, not the decree chain', () => {
    const answer = ask('The PPS COVID working guideline: from when, and extended to when in 2021?');
    expect(answer.text).toContain('2020-02-27');
  });

  it.each([['And what about the other one?'], ['what about 2022?']])(
    'asks back for the follow-up "%s"',
    (q) => {
      expect(ask(q).status).toBe('clarify');
    },
  );

  it('says why the 2021 briefing was online', () => {
    expect(ask('2021 설명회 Kakao TV로 했잖아, why online?').text).toContain('코로나');
  });
});

describe('a claim settles only the case it states', () => {
  it.each([
    ['대기업이 하한 금액 이상인 사업에 하도급으로 참여 가능해?'],
    ['can a large company join as a subcontractor on a project above the floor?'],
    ['can a large company subcontract under the SW Act?'],
  ])('%s gets no "not allowed below the floor" verdict', (question) => {
    expect(ask(question).verdict).toBeNull();
  });

  it('still says a large company may not subcontract below the floor', () => {
    expect(ask('대기업이 하한 미만 사업에 하도급으로 들어가도 돼?').verdict).toBe('not_allowed');
    expect(ask('하한금액 미달 사업에 대기업이 하도급사로는 참여할 수 있나요?').verdict).toBe('not_allowed');
  });

  it('gives the contractor-may-propose verdict only when the contractor proposes', () => {
    expect(ask('can the agency choose the work location?').verdict).toBeNull();
    expect(ask('작업장소를 우리가 제안해도 돼요?').verdict).toBe('allowed');
  });
});

describe('classes of set 68', () => {
  it('reads "sales over 800 billion won" as sales though "bid" follows the amount', () => {
    const answer = ask('Can a big company with sales over 800 billion won bid on a 50억 public SW project?');
    expect(answer.verdict).toBe('not_allowed');
    expect(answer.text).toContain('80억');
  });

  it('answers the extension announced at the briefing with its end', () => {
    expect(ask('설명회에서 계약 특례 연장도 안내했다던데 언제까지 연장이었어?').text).toContain('2021년 6월');
  });

  it('keeps supplier registration steps out of scope', () => {
    expect(ask('how do I register as a supplier on 나라장터, step by step?').status).toBe('no_match');
  });
});

describe('classes of set 67 (can-we with tricky conditions)', () => {
  it('checks the days an inspection takes against the deadline of its date', () => {
    expect(
      ask('2021년 10월에 물품 납품했는데 발주기관이 검사하는 데 10일 걸린대. 이래도 되는 거야?').verdict,
    ).toBe('not_allowed');
    expect(ask('2021년 10월에 검사하는 데 5일 걸렸는데 괜찮아?').verdict).toBe('allowed');
    expect(ask('2019년 대가 지급 7일 걸렸어 이거 되는 거야?').verdict).toBe('not_allowed');
  });

  it('does not read an advance\'s days or the rule\'s own "7-day inspection" as a case', () => {
    expect(
      ask('May 2024: must advances be paid within 5 days under the contract guideline?').verdict,
    ).not.toBe('not_allowed');
    expect(
      ask(
        'I keep mixing these up. The bond cut (2.5%), the 7-day inspection, and the 5-day emergency notice — are those all from the same legal instrument?',
      ).text,
    ).not.toContain('the time you give is longer');
  });

  it('says a bidder pays the rate the bid notice sets, and the agency may set the normal one', () => {
    expect(
      ask(
        '입찰자인데요, 2021년 3월 공고문에 입찰보증금 5%라고 돼 있어요. 그래도 특례니까 2.5%만 내도 되는 거죠?',
      ).verdict,
    ).toBe('not_allowed');
    expect(
      ask(
        "May 2021 tender: the notice asks for a 5% bid bond. Isn't it supposed to be 2.5% under the exception — can the agency still demand 5%?",
      ).verdict,
    ).toBe('allowed');
  });

  it("reads a defence ground without MSIT's approval as no exception", () => {
    const answer = ask(
      '매출 1조 대기업인데 30억짜리 국방 SW사업이면 그냥 참여해도 되지? 과기정통부 인정 같은 건 따로 안 받았어',
    );
    expect(answer.verdict).toBe('not_allowed');
    expect(ask('매출 1조 대기업인데 과기정통부가 인정한 30억짜리 국방 SW사업이면 참여 가능?').verdict).toBe(
      'allowed',
    );
  });

  it.each([
    ['공사 추정가 60억, 현장설명 안 하는데 평상시에 공고 7일만 해도 되나', 'not_allowed'],
    ['Exactly 50억 works contract, no site briefing, normal times: would 15 days do?', 'not_allowed'],
    ['공사 추정가 45억, 현장설명 없음, 평시에 15일 공고 가능?', 'allowed'],
    ['지자체 협상계약 8천만원짜리 10일 공고 괜찮아?', 'allowed'],
    ['지자체 협상계약 딱 1억원짜리, 긴급 아니고 재공고도 아님. 10일 공고로 해도 되지?', 'not_allowed'],
    ['지자체 협상계약 15억짜리인데 재공고 건이에요. 10일만 공고해도 돼요?', 'allowed'],
  ] as const)('checks a stated notice period against the period for the amount: %s', (question, verdict) => {
    expect(ask(question).verdict).toBe(verdict);
  });

  it('gives no notice verdict for an urgent works tender (a statutory reason is needed)', () => {
    expect(ask('공사 추정가 8억 긴급이라 5일 공고 가능?').verdict).not.toBe('allowed');
  });

  it('does not count a re-bid that is only talked of', () => {
    const answer = ask(
      "ok so long story short - we're a national agency, it's August 2021, we ran a competitive tender for a data-migration service, only one company bid so it failed. my boss says we must re-tender and wait for it to fail again, a colleague says some COVID rule lets us go straight to a single-source deal. who's right?",
    );
    expect(answer.verdict).toBe('allowed');
    expect(answer.text).toContain('2021-12-31');
  });
});

describe('the work location, from both sides', () => {
  it('says an agency may not rule out remote development outright (inferred)', () => {
    const answer = ask(
      'Can the ordering agency flatly forbid bidders from proposing off-site (remote) development in a 2021 public SW build project?',
    );
    expect(answer.verdict).toBe('not_allowed');
    expect(ask('발주기관이 원격지 개발을 금지해도 돼?').verdict).toBe('not_allowed');
  });

  it('allows the contractor to propose where the team works', () => {
    expect(
      ask('As the contractor, am I allowed to propose where my team does the work on a public SW project?')
        .verdict,
    ).toBe('allowed');
  });
});

describe('failed rounds told as hearsay or as "only us"', () => {
  it('does not count "두 번 유찰돼야 된다고 들었거든요" as two failed rounds', () => {
    const answer = ask(
      '저희 회사가 작은 SW 업체인데요, 2022년 11월에 어느 중앙부처 용역 입찰에 저희만 혼자 들어가서 유찰됐어요. 담당 주무관이 재공고 안 하고 그냥 수의계약으로 하자고 하는데 이거 원래 되는 거예요? 예전엔 두 번 유찰돼야 된다고 들었거든요',
    );
    expect(answer.verdict).toBe('allowed');
    expect(answer.text).toContain('2022-12-31');
  });

  it('reads "참가자가 우리뿐" as a single bidder', () => {
    expect(
      ask(
        '우리 회사가 2021년 5월에 공고된 정보화 용역에 입찰했는데 참가자가 우리뿐이라 유찰됐어. 발주처 담당자가 재공고 안 하고 바로 우리랑 수의계약 하겠다는데, 이게 규정상 가능한 건지 내부 감사팀이 물어봐서. 가능한 거 맞아?',
      ).verdict,
    ).toBe('allowed');
  });
});

describe('classes of set 69 (run once on the release engine, after the final measure)', () => {
  it('reads "a city government" as a local contract (local exceptions began in July 2020)', () => {
    const answer = ask(
      'A city government, June 2020: could it already use the one-failed-bid single-source exception?',
    );
    expect(answer.verdict).toBe('not_allowed');
  });

  it("answers a small firm's small-value contract by the small-value limit, not the large-company rule", () => {
    const answer = ask('2022년에 중소기업 물품 1억2천짜리 소액수의로 가능해?');
    expect(answer.verdict).toBe('not_allowed');
    expect(answer.text).not.toContain('대기업 참여 가능 여부');
  });

  it("does not take a claim's condition the question says does not hold", () => {
    expect(
      ask(
        '2020년에 우리 공공기관이 자체 전자조달시스템 새로 만들어도 되나요? 보안상 이유 같은 건 특별히 없고요',
      ).verdict,
    ).not.toBe('allowed');
    expect(ask('2020년에 우리 공공기관이 보안상 이유로 자체 전자조달시스템 만들어도 되나요?').verdict).toBe(
      'allowed',
    );
  });

  it('names a project in the answer when it was described or a claim about it is checked, not when named', () => {
    expect(ask('칠십일억짜리 과제가 폐기물 거 맞지?').text).toContain('폐기물');
    expect(ask('국민비서 몇 차야?').text.split('\n')[0]).not.toContain('지능형 국민비서 서비스 구축');
  });
});

describe('classes of set 70', () => {
  it('reads "given the 80억 floor" as the floor quoted, so the project amount decides', () => {
    expect(
      ask(
        'Large firm, sales 1조, not in a restricted group. Estimated price is 75억 excluding VAT. Can they bid, given the 80억 floor?',
      ).verdict,
    ).toBe('allowed');
  });

  it.each([
    ['Who won the 2021 Seoul mayoral by-election?'],
    ['how do I reset my 나라장터 certificate password'],
  ])('%s is out of scope', (question) => {
    expect(ask(question).status).toBe('no_match');
  });

  it("still says a project's winning bidder is not in the sources", () => {
    expect(ask('who won the bid for the e-certificate project?').status).toBe('unknown_fact');
  });
});

describe('a project the asker already knows', () => {
  it('lists every project when the one named is only what the asker knows', () => {
    const answer = ask(
      "Can you list all eleven 2021 projects? I only know about the people's secretary one.",
    );
    expect(answer.projects).toEqual(expect.arrayContaining(['waste-safety', 'e-certificate']));
  });
});

describe('a claim answers only the side it is about', () => {
  it('reads "can the agency insist … without letting us propose" as the agency\'s act', () => {
    expect(
      ask(
        'Can the agency insist that all our developers sit at its premises, without letting us propose a work location, on a public SW build project?',
      ).verdict,
    ).toBe('not_allowed');
  });

  it('reads "발주처가 상주하래요 … 저희가 제안할 수 있는 거 아닌가요?" as the contractor\'s', () => {
    expect(
      ask(
        '저희 회사 사무실에서 원격으로 개발하고 싶은데 발주처가 무조건 상주하래요. SW법상 저희가 작업장소 제안할 수 있는 거 아닌가요?',
      ).verdict,
    ).toBe('allowed');
  });
});
