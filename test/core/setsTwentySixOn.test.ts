import { describe, expect, it } from 'vitest';
import { ask } from '../support/engine.js';

// Classes found by outside sets 26–29 (first runs logged in the README): open date ranges, names
// holding rule words, unnamed projects, stated context, totals, narrow topics, VAT restatements.

describe('a rule asked of the time before or after a date', () => {
  it('judges "before May 2020" by the normal rule, not the exception that began then', () => {
    const answer = ask(
      'Before May 2020, could a national agency sign a single-source contract right after one failed bid?',
    );
    expect(answer.verdict).toBe('not_allowed');
    expect(ask('2020년 5월 전에 1회 유찰 후 수의계약 가능했어?').verdict).toBe('not_allowed');
  });

  it('reads "after February 2024" from the next month on', () => {
    const answer = ask('After February 2024, can a works contract get a 100% advance?');
    expect(answer.verdict).toBe('allowed');
    expect(answer.text).toContain('2024-03-01~');
  });

  it('says unknown after the last recorded period', () => {
    const answer = ask('2025년 6월 이후에도 1회 유찰 수의계약 돼?', { today: '2026-12-01' });
    expect(answer.status).toBe('unknown_fact');
    expect(answer.verdict).not.toBe('allowed');
  });
});

describe('names that hold rule words, and questions pointing at an unnamed project', () => {
  it('reads "Ministry of SMEs and Startups" as an agency, not a company size', () => {
    const answer = ask(
      'The small-merchant non-face-to-face policy platform is run by the Ministry of SMEs and Startups, yes?',
    );
    expect(answer.verdict).toBeNull();
    expect(answer.text).toContain('Ministry of SMEs and Startups');
    expect(ask('중소기업도 참여 가능해?').verdict).toBe('allowed');
  });

  it("says another ministry's R&D budget or a coding request is outside what it knows", () => {
    expect(ask('2021년 과기정통부 R&D 총예산 얼마였어요?').status).toBe('no_match');
    expect(ask('Can you write me a Python script to scrape 나라장터 bid notices?').status).toBe('no_match');
  });

  it('asks back which one is meant when the question points at a project it never names', () => {
    for (const question of [
      '그 사업 예산 얼마라고 했죠?',
      'Which ministry runs it?',
      '그 과제 주관기관 어디라고?',
    ]) {
      const answer = ask(question);
      expect(answer.status, question).toBe('clarify');
      expect(answer.candidates?.length, question).toBeGreaterThan(1);
    }
    expect(ask('Who runs the e-government support program?').status).toBe('answered');
  });
});

describe('set 26 and 27 classes', () => {
  it('answers until when an exception applies "now" with its state, not a verdict asking for inputs', () => {
    const answer = ask('지금 수의계약 특례 언제까지 적용돼?', { today: '2026-12-01' });
    expect(answer.text).toContain('2025-06-30');
    expect(answer.text).not.toContain('유찰 횟수를 알려');
  });

  it('explains the rule for "what should we do" with only a bound ("more than 10%")', () => {
    const answer = ask('If one subcontractor takes more than 10% of the job, what should we do?');
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain('joint bid');
  });

  it('answers when an exception began instead of judging the day a meeting is recalled', () => {
    const answer = ask('1회 유찰 수의계약 특례 맨 처음 시행일이 언제예요? 4월 말 국무회의 통과라던데');
    expect(answer.verdict).toBeNull();
    expect(answer.text).toContain('2020-05-01');
  });

  it('reads the act named as context and answers the provision asked', () => {
    expect(ask('과심위 근거 조문이 SW진흥법 몇 조예요?').text).toContain('제50조');
    expect(ask('소프트웨어 진흥법 언제 시행됐어?').text).toContain('2020-12-10');
  });

  it('says how many projects of a filtered list the sources name', () => {
    expect(ask('2022년 신규 과제 몇 개였고 뭐뭐 있었는지 간단히').text).toContain('조건에 맞는 사업 4개');
  });

  it('gives a topic claim its verdict for "a valid ground for"', () => {
    expect(
      ask("Is 'infectious-disease prevention' a valid ground for an emergency single-source contract?")
        .verdict,
    ).toBe('allowed');
  });
});

describe('a project whose budget the asker states is context', () => {
  it('answers the budget of the project asked, not of the one whose figure was given', () => {
    const answer = ask(
      '국민비서 2차 사업 제안 준비중입니다. 21년 전체가 645억이고 정부24 생활맞춤형이 53억인 건 확인했는데, 국민비서 2차 21년 예산은 얼마였나요?',
    );
    expect(answer.projects).toEqual(['national-secretary']);
    expect(answer.status).toBe('unknown_fact');
    // Checking the stated figures keeps every project.
    expect(ask('폐기물 71억, 전자증명서 82억 맞지?').projects).toHaveLength(2);
  });
});

describe('a total asked of exactly the projects a topic states', () => {
  it("gives the topic's stated total, and computes none for another set", () => {
    const answer = ask('예산 공개된 과제들만 합치면 얼마에요? 폐기물 건축행정 정부24 전자증명서');
    expect(answer.text).toContain('합계 318억원');
    expect(ask('폐기물이랑 전자증명서 예산 합치면?').text).not.toContain('153억');
  });

  it('reads scope creep described in words as the task review committee', () => {
    const answer = ask(
      'the agency keeps adding features mid-project without paying more. what body is supposed to handle that now and which article is it?',
    );
    expect(answer.text).toContain('Article 50');
  });
});

describe('doing without the measure', () => {
  it('gives no verdict for "긴급입찰 안 하고 40일 공고해도 됐나" (the measure\'s verdict does not decide it)', () => {
    expect(
      ask('2020년 6월 국가계약인데 긴급입찰 안 하고 일반입찰로 40일 공고해도 됐었나?').verdict,
    ).toBeNull();
    expect(
      ask('In June 2020 could we skip emergency bidding and use a normal 40-day notice?').verdict,
    ).toBeNull();
    expect(ask('2020년 6월에 긴급입찰 5일 공고 가능했어?').verdict).toBe('allowed');
  });

  it('still reads skipping the re-announced bid as the exception itself', () => {
    expect(ask('2020년 9월에 한 번 유찰됐는데 재공고 안 하고 바로 수의계약 돼?').verdict).toBe('allowed');
  });
});

describe('set 28 classes', () => {
  it.each([
    ['2021 설명회 오후 2시부터 4시까지 두 시간 했죠?', '16:30'],
    ['Where and when was the COVID procurement exception first announced?', '2020-04-08'],
    [
      '큰 회사들이 작은 공공 소프트웨어 사업엔 못 들어오게 막는 규정이 있다던데 그게 무슨 법 몇 조야?',
      '제48조',
    ],
    ['빅데이터 기반 디지털증거 통합분석 플랫폼은 누가 발주한 거예요?', '대검찰청'],
    ['2022 전자정뷰 지원사업에서 권익위가 맡은 과제 이름 머였지', '통합콜센터'],
    ["Twelve projects were in the 2021 program, weren't there?", 'They say 11'],
    ['Where do ordering bodies register their planned SW project order months?', 'swit.or.kr'],
  ])('%s → %s', (question, expected) => {
    expect(ask(question).text).toContain(expected);
  });

  it('says a poem or another procurement scheme is outside what it knows', () => {
    expect(ask('Write me a short poem about public procurement.').status).toBe('no_match');
    expect(ask('조달청 혁신제품 지정제도 신청 방법 알려줘').status).toBe('no_match');
  });
});

describe('a stated end and an unknown list', () => {
  it('corrects "the exceptions lapsed at the end of June 2021" before the verdict', () => {
    const answer = ask(
      "The exceptions lapsed at the end of June 2021, so for an August 2021 tender we'd need two failed rounds before single-source, right?",
    );
    expect(answer.text.split('\n')[0]).toContain('2021-12-31');
  });

  it('says which projects have result reports posted is unknown, and where reports are posted', () => {
    const answer = ask('Which 2021 projects already have their result reports posted? Give me the list.');
    expect(answer.status).toBe('unknown_fact');
    expect(answer.text).toContain('egov.nia.or.kr');
    expect(ask('성과 보고서 어디서 봐?').status).toBe('answered');
  });
});

describe('an amount restated with VAT', () => {
  it('does not add VAT again to the amount said with VAT ("부가세 붙이면 79억 2천만원")', () => {
    const answer = ask(
      '저희 회사가 매출 9천억 정도 되는 대기업인데 상출제 그룹은 아니고요, 이번에 추정가격 72억(부가세 별도)짜리 공공SW 사업이 나왔는데 부가세 붙이면 79억 2천만원이라서 80억이 안 되잖아요. 이거 들어갈 수 있어요?',
    );
    expect(answer.verdict).toBe('not_allowed');
  });
});

describe('the normal bid-notice period by amount', () => {
  it('names the tier of the estimated price asked', () => {
    expect(
      ask(
        'Normal rules: a works contract estimated at KRW 6 billion, no site briefing — how long must the bid notice run?',
      ).text,
    ).toContain('40 days');
    expect(ask('현장설명 없는 공사 추정가격 30억이면 평상시 공고 며칠이야?').text).toContain('15일');
  });

  it("is not taken over by another topic's word (VAT) in the question", () => {
    const answer = ask(
      'Works contract without a site briefing, estimated price 9.5억 (about 10.45억 with VAT). Normal notice period?',
    );
    expect(answer.text).toContain('Article 35');
    expect(answer.text).not.toContain('Article 48');
  });
});

describe('set 29 classes', () => {
  it.each([
    ['Which project was left out of the 2022 briefing?', 'unknown_fact'],
    [
      'Besides the 4 new ones and the 3 continuing ones you know, what were the other 2022 projects?',
      'unknown_fact',
    ],
    [
      'Which 2021 projects were in the government-wide common infrastructure category, by name?',
      'unknown_fact',
    ],
    ['the 53억 for the Gov24 one — is that with VAT or without?', 'unknown_fact'],
    ["What's the 2021 total budget of the Ministry of the Interior and Safety as a whole?", 'no_match'],
    ['what phase is that project in?', 'clarify'],
    ['그거 해도 돼?', 'clarify'],
    ['Is it still valid?', 'clarify'],
  ])('%s → %s', (question, status) => {
    expect(ask(question).status).toBe(status);
  });

  it('keeps a narrow topic from answering a question that has few of its words', () => {
    expect(ask('장기계속계약이라 설명회에서 뺐다는 게 무슨 뜻이에요?').text).not.toContain('2022');
    expect(ask('2022년 설명회 2월 10일 오후 2시 맞죠?').text).toContain('14:00');
  });

  it('answers the budget asked of a project with the phrasing 몇억', () => {
    expect(ask('아까 말한 그 신규 과제 있잖아, 정부24 거. 그거 몇억이었지?').text).toContain('53억');
  });

  it('gives no verdict for an agency not applying a discretionary measure', () => {
    expect(ask('발주기관이 보증금 인하 적용 안 해줘도 되는 거야?').text).toContain('임의');
  });
});

describe('set 28 leftovers', () => {
  it('honours "not one of the … restricted conglomerates" however long the name', () => {
    const answer = ask(
      "We're a mid-cap group company, not one of the mutual-investment-restricted conglomerates, with annual SW sales around 9,000억 won. Our sales team wants to chase a 60억 (VAT included) public SW build. Can we bid?",
    );
    expect(answer.text).toContain('80억');
  });

  it.each([
    [
      "I'm confused by the names. Is there a project about helping the prosecution analyse seized phones and computers with big data? What phase was it in 2021?",
      'digital-evidence',
    ],
    ['주민번호 관리하는 시스템 새로 만드는 과제 있잖아, 그거 2021년에 몇 차였어?', 'resident-registration'],
    [
      '정부가 알림 챗봇처럼 네이버 카카오 토스로 고지서 알려주는 서비스, 그거 사업 이름 뭐야?',
      'national-secretary',
    ],
  ])('finds the project described: %s', (question, id) => {
    expect(ask(question).projects).toContain(id);
  });

  it('says when the exception or the revised act began when a day before it is asked', () => {
    expect(ask('2020년 4월 20일에 입찰보증금 2.5%로 낮춰서 공고할 수 있었어요?').text).toContain(
      '2020-05-01',
    );
    expect(ask('2020년 11월에 공고한 SW사업에도 개정법 과업심의위원회 의무가 적용됐어?').text).toContain(
      '2020-12-10',
    );
  });
});

describe('a year inside a date', () => {
  it("dates something; it does not ask about that year's program", () => {
    const answer = ask(
      '진흥법 시행일이 2020년 12월 10일이면 2021년 1월 설명회 때는 이미 시행 중이었던 거지?',
    );
    expect(answer.text).not.toContain('1,076억원');
    expect(ask('2020년 설명회는 어디서 했어?').text).toContain('포스트타워');
  });

  it('reads "was it continuous from 2020-05-01 to 2025-06-30?" as the exceptions\' history', () => {
    expect(
      ask('2020년 5월 1일부터 2025년 6월 30일까지 쭉 이어진 거 맞아? 중간에 끊긴 적 없어?').text,
    ).toContain('2025-06-30');
  });
});

describe('set 31 and 32 classes', () => {
  it("does not take another topic's claim for a question about the rule it names", () => {
    const answer = ask(
      'Back in March 2020 a tender of ours failed once with a single bidder. Could we have signed single-source without a re-bid at that time?',
    );
    expect(answer.text).toContain('re-announced bid');
    expect(answer.text).not.toContain('task review');
  });

  it('reads "긴급입찰이 아니라면" as the normal notice period', () => {
    const answer = ask(
      '2021년 2월 공고 예정, 추정가격 45억원 공사이며 현장설명 없음. 긴급입찰이 아니라면 공고기간은 며칠인가요?',
    );
    expect(answer.verdict).toBeNull();
    expect(answer.text).toContain('15일');
  });

  it('keeps a negated fact a fact ("상출제는 아니고")', () => {
    expect(ask('일조 매출 회사인데 상출제는 아니고, 부가세 포함 구십억 사업 참여 돼?').verdict).toBe(
      'allowed',
    );
  });

  it.each([
    ['특레 언제까지임', '특례'],
    ['whens the briefng', 'Briefing'],
  ])('reads a mistyped key word: %s', (question, expected) => {
    expect(ask(question).text).toContain(expected);
  });

  it('reads 일반공사 as general works', () => {
    expect(
      ask(
        '2021년 11월 15일 계약 예정인 일반공사(추정가격 3억 5천만원)를 소액 수의계약으로 체결할 수 있는지 문의드립니다.',
      ).verdict,
    ).toBe('allowed');
  });

  it.each([
    '행안부 공무원 채용 언제 해요?',
    'can u summarise the EU public procurement directive',
    '공무원 연가 보상비 계산 방법 알려주세요.',
  ])('says %s is outside what it knows', (question) => {
    expect(ask(question).status).toBe('no_match');
  });
});

describe('asked in the live chat on a briefing day', () => {
  const onTheDay = { today: '2021-01-21' };
  it.each([
    ['몇시까지 함?', '16:30'],
    ['is it really 2.5 hours long?', '16:30'],
    ['오늘 몇 개 project 설명해?', '9개'],
    ['how many projects are they presenting today', '9 of the 11'],
    ['현장 참석 가능한가요? 세종청사 가면 되나', '온라인'],
  ])('%s → %s', (question, expected) => {
    expect(ask(question, onTheDay).text).toContain(expected);
  });

  it('leaves other subjects alone, and other days', () => {
    expect(ask('점심 시간은 언제인가요?', onTheDay).status).toBe('no_match');
    expect(ask('몇시까지 함?', { today: '2021-03-02' }).status).not.toBe('answered');
  });
});

describe('a basic local government is a local contract', () => {
  it('judges a 기초자치단체 contract of June 2020 by the local periods (from July 2020)', () => {
    const answer = ask(
      '기초자치단체 계약 담당입니다. 2020년 6월에 1회 유찰된 건을 재공고 없이 수의계약할 수 있었나요?',
    );
    expect(answer.verdict).toBe('not_allowed');
    expect(answer.text).toContain('2020년 7월');
  });
});

describe('a count asked of a rule input', () => {
  it('says the smallest count the rule allows, without a verdict', () => {
    const answer = ask(
      'Without the exceptions, how many failed rounds do you normally need before going single-source?',
    );
    expect(answer.status).toBe('answered');
    expect(answer.verdict).toBeNull();
    expect(answer.text).toContain('2 or more');
    expect(ask('2020.5.1 이전엔 유찰 몇 번 돼야 수의계약이었음?').text).toContain('2 이상');
  });
});

describe('a detail of a kind the answer states nothing of', () => {
  it.each([
    [
      "Within how many days must the task review committee decide after a contractor's request?",
      'a number of days',
    ],
    ['하도급 승인 신청은 계약 후 며칠 이내에 해야 돼요?', '기한(일수)'],
    ['9월까지 발주계획 등록 안 하면 패널티 있나요?', '제재·벌칙'],
  ])('%s → unknown (%s)', (question, detail) => {
    const answer = ask(question);
    expect(answer.status).toBe('unknown_fact');
    expect(answer.text).toContain(detail);
  });

  it('keeps answers that state the detail, and date questions ("며칠이었죠")', () => {
    expect(ask('2020년 설명회는 며칠이었죠?').status).toBe('answered');
    expect(ask('선금 몇 %까지 받을 수 있어?').status).not.toBe('unknown_fact');
  });
});

describe('sets 30, 35, 36 leftovers', () => {
  it('checks an end the asker was told of ("supposed to end on Dec 31, 2020") before the verdict', () => {
    const answer = ask(
      "It's January 2021. The one-failed-bid single-source exception was supposed to end on Dec 31, 2020 - can agencies still use it?",
    );
    expect(answer.text.split('\n')[0]).toContain('2021-06-30');
  });

  it.each([
    ['was it 12 projects in the 2021 e-gov support program? someone in sales said 12', '11 projects'],
    ['did the local-government exceptions also run to June 2023?', 'local-government'],
  ])('%s', (question, expected) => {
    expect(ask(question).text).toContain(expected);
  });

  it('says building a Discord bot is outside what it knows', () => {
    expect(ask('how do I make a discord bot with discord.js? slash commands').status).toBe('no_match');
  });
});

describe('sets 37 and 38 leftovers', () => {
  it('reads "just one bid" as one failed round', () => {
    expect(
      ask("It's March 2022 and our RFP got just one bid. Can we sign single-source without re-tendering?")
        .verdict,
    ).toBe('allowed');
  });

  it("reads an English month and year as a date, not as that year's program", () => {
    expect(ask('Local governments got the same exception from May 2020 too, correct?').text).toContain(
      'July 2020',
    );
  });

  it("says Japan's Digital Agency is outside what it knows", () => {
    expect(ask('일본 디지털청 예산은 얼마야?').status).toBe('no_match');
  });
});
