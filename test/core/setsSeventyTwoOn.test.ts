import { describe, expect, it } from 'vitest';
import { ask } from '../support/engine.js';

// Classes found by outside sets 72, 73 and 76 (first runs logged in the README): the small-value
// limits of 2020, a trace that lists only the rules of the case asked, negated urgent cases, a
// statutory emergency reason, payments and inspections told as cases, claims with an amount.

describe('small-value single-source contracts in 2020', () => {
  it('judges May-December 2020 by the doubled limits, marked as inferred', () => {
    const answer = ask('2020년 9월에 소기업이랑 물품 8천만원 소액수의 가능했어?');
    expect(answer.verdict).toBe('allowed');
    expect(answer.rule).toBe('small-single-source-goods-services-doubled-2020');
    expect(answer.text).toContain('추정');
  });

  it('lists in the trace only the rules of the contract type asked', () => {
    const answer = ask('2020년 9월에 소기업이랑 물품 8천만원 소액수의 가능했어?');
    expect(answer.text).toContain('small-single-source-goods-services-under-old-limit');
    expect(answer.text).not.toContain('small-single-source-general-works');
    expect(answer.text).not.toContain('small-single-source-specialty-works');
  });
});

describe('notice periods', () => {
  it.each([
    // "긴급도 재공고도 아닌데": the urgent case is ruled out, so the 40-day tier decides.
    [
      '저희 군청 협상에 의한 계약, 추정가격 정확히 10억이에요. 긴급도 재공고도 아닌데 제안서 마감 20일 전 공고로 해도 되나요?',
      'not_allowed',
    ],
    ['County negotiated contract 3억, neither urgent nor re-announced, 10-day notice ok?', 'not_allowed'],
    ['City negotiated (proposal) contract, est. 5억, it’s urgent — 10-day notice ok?', 'allowed'],
    [
      '2019년에 공사 추정가격 딱 10억, 현장설명 없음, 긴급사유도 없어요. 입찰공고 7일로 해도 돼요?',
      'not_allowed',
    ],
    [
      '2019, works contract est. price 9.8억, no site briefing, no emergency — is a 7-day bid notice enough?',
      'allowed',
    ],
  ])('%s → %s', (question, verdict) => {
    expect(ask(question).verdict).toBe(verdict);
  });

  it('allows the 5-day notice on a statutory emergency reason outside the exception (inferred)', () => {
    const answer = ask(
      'Back in 2019, if there was a genuine statutory emergency reason, could the bid notice be just 5 days?',
    );
    expect(answer.verdict).toBe('allowed');
    expect(answer.rule).toBe('emergency-notice-statutory-reason');
    expect(answer.text).toContain('(inferred)');
  });

  it('says unknown before 2016 and keeps the normal rule when no reason is given', () => {
    expect(ask('2012년에 법정 사유 있으면 5일 공고 됐어?').verdict).toBe('unknown');
    expect(ask('2019년에 5일 공고 가능?').verdict).toBe('not_allowed');
    expect(ask('2019년에 법정 긴급 사유는 없는데 5일 공고 가능?').verdict).toBe('not_allowed');
  });
});

describe('inspections and payments told as cases', () => {
  it.each([
    ['2021년 11월에 납품했는데 발주처가 검사에 10일 걸린대요. 특례상 괜찮은 건가요?', 'not_allowed'],
    ['2022년 8월에 대가 청구했는데 발주처가 5일 안에만 주면 된다네요. 맞아요?', 'not_allowed'],
    [
      '2019 (no covid exception): the agency paid 4 days after our payment claim. Within the rules?',
      'allowed',
    ],
  ])('%s → %s', (question, verdict) => {
    expect(ask(question).verdict).toBe(verdict);
  });

  it('says when the last recorded period ended for a payment after it', () => {
    const answer = ask(
      'Oct 2025: the ministry paid us 5 days after our claim. Does that breach the 3-day exception?',
    );
    expect(answer.status).toBe('unknown_fact');
    expect(answer.rule).toBe('fast-payment-days-over-temporary');
    expect(answer.text).toContain('2025-06-30');
  });
});

describe('readings', () => {
  it('takes a claim whatever amount the project has when no rule weighs it', () => {
    const answer = ask('2022년에 3억짜리 SW 구축사업인데 과업심의위원회 생략해도 되죠? 규모 작아서');
    expect(answer.verdict).toBe('not_allowed');
  });

  it('does not read one quotation as a single bidder', () => {
    const answer = ask('견적서 1개만 받고 수의계약 할 수 있는 경우 있어?');
    expect(answer.rule).toBeNull();
    expect(answer.text).toContain('1인 견적');
    expect(ask('1개 업체만 들어왔는데 수의계약 돼?').rule).not.toBeNull();
  });

  it.each([
    ['which 2021 project is the big-data one?', ['digital-evidence']],
    ['2022 전자정부지원사업 11개 다 뭐야?', ['unified-address-system', 'integrated-call-center']],
  ])('lists %s', (question, ids) => {
    const answer = ask(question);
    expect(answer.status).toBe('answered');
    expect(answer.projects).toEqual(expect.arrayContaining(ids));
  });

  it('answers how long the briefing was and who gives technical support', () => {
    expect(ask('how long was the 2021 briefing').text).toContain('16:30');
    expect(
      ask('who actually supports/manages the projects technically? some agency under MOIS?').text,
    ).toContain('NIA');
  });

  it('keeps vaccine bookings and money transfers out of scope, but not the secretary’s vaccine alerts', () => {
    expect(ask('코로나 백신 3차 접종 예약 어디서 해요?').status).toBe('no_match');
    expect(ask('토스 송금 한도 얼마예요?').status).toBe('no_match');
    expect(ask('국민비서 vaccine 예약 알림은 언제부터 됐어?').projects).toContain('national-secretary');
  });
});

describe('SW Act claims and the subcontracting cap', () => {
  it.each([
    ['Can the agency leave the project period out of the SW contract?', 'not_allowed'],
    ['사업기간을 계약서에서 빼도 돼?', 'not_allowed'],
    [
      '2022 public SW build project: can the agency write in the RFP that all dev must be on-site at the agency and no location proposals will be considered?',
      'not_allowed',
    ],
  ])('%s → %s', (question, verdict) => {
    expect(ask(question).verdict).toBe(verdict);
  });

  it('reads "50% 계산할 때" as the cap talked about, not a share', () => {
    const answer = ask('하도급 50% 계산할 때 물품 구매 금액도 들어가요?');
    expect(answer.verdict).toBeNull();
    expect(answer.text).toContain('물품 구매 제외');
    expect(ask('the 50% cap — can we subcontract 45%?').verdict).toBe('allowed');
    expect(ask('하도급 60% 해도 돼?').verdict).toBe('not_allowed');
  });
});

describe('sets 78-79: stated counts, abbreviations, the briefing end', () => {
  it.each([
    ['21년 지원사업 과제 12개였죠?', '11'],
    ['2021 had 12 projects right?', '11'],
  ])('corrects a stated count of projects: %s', (question, actual) => {
    const answer = ask(question);
    expect(answer.status).toBe('answered');
    expect(answer.text.split('\n')[0]).toContain(actual);
    expect(answer.text.split('\n')[0]).toContain('12');
  });

  it('still lists the projects for "list all 11 projects"', () => {
    expect(ask('list all 11 projects of 2021').projects).toContain('national-secretary');
  });

  it.each([
    ['하도 몇 %까지 줄 수 있음?', '50%'],
    ['나장 언제 생겼어?', '2002'],
    ['24년 상반기 긴입은 의무야 선택이야', '의무는 아닙니다'],
    ['when did the 2021 briefing end?', '16:30'],
  ])('reads %s', (question, expected) => {
    expect(ask(question).text).toContain(expected);
  });
});

describe('amounts in another currency', () => {
  it.each([
    'Large company here. The project budget is USD 6 million — are we above the floor?',
    '대기업인데 사업 규모가 600만 달러면 참여 가능?',
    'Large company, a US$ 3 million project: can we bid?',
  ])('are not read as won: %s', (question) => {
    const answer = ask(question);
    expect(answer.verdict).toBeNull();
    expect(answer.text).not.toMatch(/600만원|6,000,000|KRW 6 million/u);
  });

  it('still reads won next to them', () => {
    expect(ask('대기업 80억 사업 참여 가능?').verdict).toBe('allowed');
  });
});

describe('set 77: payment days, exceptions and dated claims', () => {
  it.each([
    // Two day counts that give the same verdict decide it; ones that disagree do not.
    [
      '21년 9월에 납품했는데 발주처가 검사를 10일째 안해주고 있어요. 원래 14일이라고 버티는데 이거 괜찮은건가요? 국가기관입니다',
      'not_allowed',
    ],
    ['2021년 검사를 5일만에 해준다고도 하고 10일 걸린다고도 하는데 괜찮아?', 'unknown'],
    [
      'We filed our payment claim on 2022-03-02 after passing inspection. The national agency paid on the 4th day after the claim. Was that within the rule at the time?',
      'not_allowed',
    ],
    ['2019년에는 대가 청구하고 5일 안에 지급하면 되는거였죠? 5일째에 준건 문제 없죠?', 'allowed'],
    [
      '검사 7일 단축 특례가 24년 12월 납품분에도 적용되나요? 국가계약입니다. 발주처가 14일 다 쓰겠다네요',
      'not_allowed',
    ],
    // The advance and the subcontract payment deadlines (5 days in the exception, 14 and 15 before).
    ['20년 6월에 선금 청구했는데 발주처가 10일 뒤에 줬어요. 당시 규정상 문제 있는거 맞죠?', 'not_allowed'],
    ['2019년에 선금을 10일 만에 받았는데 문제 없나?', 'allowed'],
    [
      'The prime contractor paid our subcontract share 15 days after receiving it, in August 2020. Allowed under the COVID measures?',
      'not_allowed',
    ],
    ['2023년 하도급 대금 10일 뒤에 받았어요 괜찮나요', 'unknown'],
    ['공공기관으로 지정된 대기업은 하한 금액 미만 사업에도 참여 가능하다던데 맞나요?', 'allowed'],
    ['대기업인데 공공기관 사업 20억 참여 가능?', 'not_allowed'],
  ])('%s → %s', (question, verdict) => {
    expect(ask(question).verdict).toBe(verdict);
  });

  it.each([
    [
      '2020년 12월 11일에 공공SW사업 과업변경이 생겼어요. 수급인인 저희가 과업심의위원회 개최 요청할 수 있나요?',
      'allowed',
    ],
    ["발주처인데 계약서에 '과업변경이 있어도 계약금액은 조정하지 않는다' 조항 넣어도 되나요?", 'not_allowed'],
    [
      '저희 공공기관이 편의상 자체 전자조달시스템 만들어서 입찰 돌려도 되나요? 2020년 기준이요. 보안 이슈 같은건 없어요',
      'not_allowed',
    ],
    ['RFP에 요구사항 상세화 안 하고 대충 써도 되나요? 근거 조항도 알려주세요', 'not_allowed'],
    [
      "Can our company propose doing the development at our own office instead of on the agency's premises, for a 2021 public SW build project?",
      'allowed',
    ],
    [
      'Aug 2021, urgent infection-control purchase: can we do single-source with just one quotation?',
      'allowed',
    ],
  ])('a topic claim settles %s → %s', (question, verdict) => {
    expect(ask(question).verdict).toBe(verdict);
  });

  it('takes no claim that starts after the month asked', () => {
    // The one-quote ground holds from 2021-07-06: June 2021 is not answered by it.
    expect(
      ask('June 2021: urgent infection-control purchase, single-source with one quotation?').verdict,
    ).toBeNull();
  });
});

describe('small readings of sets 77-80', () => {
  it('reads a year the practice began in as a date, not a program year', () => {
    const answer = ask('완료과제 성과보고서 공개는 2018년부터 시작한 거죠?');
    expect(answer.status).toBe('answered');
    expect(answer.text).toContain('2015');
    expect(ask('2018년 전자정부지원사업 예산은?').status).toBe('unknown_fact');
  });

  it.each([
    ['Which 2022 projects were carried over from earlier years?', 'national-secretary'],
    ['where do the tenders for these projects get posted?', null],
  ])('answers %s', (question, project) => {
    const answer = ask(question);
    expect(answer.status).toBe('answered');
    if (project !== null) expect(answer.projects).toContain(project);
    else expect(answer.text).toContain('KONEPS');
  });

  it('reads "a 5-day payment" as the payment days', () => {
    const answer = ask(
      'We claimed payment on 2025-06-02 (national contract). The agency says it has the normal 5 days. Is a 5-day payment allowed at that time?',
    );
    expect(answer.verdict).toBe('not_allowed');
    expect(answer.rule).toBe('fast-payment-days-over-temporary');
  });
});

describe('sets 81-82: cases told with dates, two firms, who runs the committee', () => {
  it.each([
    // The days between the two dates of a case.
    ['2022년 9월 5일에 대가 청구했고 9월 9일에 돈 들어왔어요. 늦게 준 건가요?', 'not_allowed'],
    ['Claim filed Feb 1 2023, agency paid on Feb 3 2023. On time?', 'allowed'],
    [
      '2021년 12월 30일에 대가 청구했는데 2022년 1월 4일에 입금됐어요. 해가 넘어가서 애매한데 이거 늦은 건가요?',
      'not_allowed',
    ],
    [
      "We supply goods to a ministry. Delivered on 2022-10-10; inspection was only finished on 2022-10-22. Procurement said 14 days is the legal limit so they're fine. Were they within the deadline?",
      'not_allowed',
    ],
    [
      '2021년 10월에 납품했는데 발주처가 12일째 되는 날 검사를 해줬어요. 이거 기한 지킨 건가요?',
      'not_allowed',
    ],
    [
      'We delivered in Sept 2019 and inspection was completed on day 12. Was that within the deadline?',
      'allowed',
    ],
    ['payment within 3 days rule, 2025년 2월 claim이면 적용돼? 5일째 받았는데', 'not_allowed'],
    [
      '2020년 7월에 선금 신청했는데 12일 지나서야 나왔습니다. 원래 5일 안에 줘야 하는 거 아니었나요?',
      'not_allowed',
    ],
    // The notice's rate, a normal notice stated, a negotiated contract's tier.
    [
      '2022년 9월 공고인데 입찰보증금 5%라고 되어 있네요. 특례 기간이니까 저희는 2.5%만 내도 되는 거죠?',
      'not_allowed',
    ],
    ['21년 10월 공고인데 발주기관이 입찰보증금 5% 그대로 받는대요. 특례 기간인데 이래도 되는거?', 'allowed'],
    ['2019년 공사 8억짜리, 현장설명 없이 7일 공고. 문제 없죠?', 'allowed'],
    [
      '지자체 협상에 의한 계약이고 추정가격 5억이에요. 제안서 제출 마감까지 공고 15일 잡았는데 충분한가요?',
      'not_allowed',
    ],
    [
      "Back in 2019 we posted a goods tender with only 5 days' notice just to speed things up — no special statutory reason. Was that OK?",
      'not_allowed',
    ],
    // Two firms: the limit is asked of the large one.
    ['중소기업이 30억 사업 따고 매출 5천억 대기업한테 일부 하도급 줘도 되나요?', 'not_allowed'],
    ['매출 1조 대기업이 50억 사업에 하도급으로 들어가는 건 괜찮죠? 원도급은 중소기업이고', 'not_allowed'],
    [
      'Can a large firm form a consortium with an SME on a 20억 project and let the SME lead? (large firm sales ~1조)',
      'not_allowed',
    ],
    ['중소기업인데 20억 사업 참여 가능?', 'allowed'],
    [
      'SW project 대기업 참여 floor 계산할 때 VAT 포함이야 별도야? 추정가격 73억이면 sales 1조 회사 들어갈 수 있어?',
      'allowed',
    ],
    [
      '국방 분야 SW사업이고 과기정통부가 예외로 인정했어요. 매출 1조 대기업(상출제 아님)이 30억 사업 참여 가능?',
      'allowed',
    ],
    // The committee is the agency's; the contractor may only ask for a meeting.
    [
      'contractor here: can we convene the committee ourselves and decide the price change on our own?',
      'not_allowed',
    ],
    ['As the contractor, can we ask the agency to convene the task review committee?', 'allowed'],
    ['재하도급 위반한 업체 있으면 발주기관이 시정 요구할 수 있어요?', 'allowed'],
    ['요구사항은 kickoff 후에 정하기로 하고 RFP는 rough하게만 내도 되나요?', 'not_allowed'],
    // A share that is the sum of the others is their total.
    ['We want to hand 55% of the work to two subcontractors (30% + 25%). Allowed?', 'not_allowed'],
  ])('%s → %s', (question, verdict) => {
    expect(ask(question).verdict).toBe(verdict);
  });

  it('asks for the days of a case it cannot place, instead of the measure being in force', () => {
    const answer = ask('2022년 9월에 대가 지급이 늦게 들어왔는데 괜찮은 건가요?');
    expect(answer.verdict).not.toBe('allowed');
  });
});
