import { describe, expect, it } from 'vitest';

import { canonicalFacts, extractFacts } from '../../src/llm/facts/extract.js';
import { classifyVerdict } from '../../src/llm/facts/verdicts.js';

type Row = readonly [written: string, canonical: string];

const amounts: Row[] = [
  ['645억원', 'amount:64500000000'],
  ['645억 원', 'amount:64500000000'],
  ['645 억원', 'amount:64500000000'],
  ['645억', 'amount:64500000000'],
  ['64,500,000,000원', 'amount:64500000000'],
  ['64.5 billion won', 'amount:64500000000'],
  ['KRW 64.5 billion', 'amount:64500000000'],
  ['KRW 64,500,000,000', 'amount:64500000000'],
  ['₩64.5bn', 'amount:64500000000'],
  ['64.5 billion KRW', 'amount:64500000000'],
  ['64.5 billion Korean won', 'amount:64500000000'],
  ['64.5 billion', 'amount:64500000000'],
  ['645 billion won', 'amount:645000000000'],
  ['6조 4,500억 원', 'amount:6450000000000'],
  ['6조원', 'amount:6000000000000'],
  ['5,000만원', 'amount:50000000'],
  ['5천만 원', 'amount:50000000'],
  ['50 million won', 'amount:50000000'],
  ['1억', 'amount:100000000'],
  ['100 million won', 'amount:100000000'],
  ['1억 2천만 원', 'amount:120000000'],
  ['120 million won', 'amount:120000000'],
  ['1.2억 원', 'amount:120000000'],
  ['3천원', 'amount:3000'],
  ['１０００억원', 'amount:100000000000'],
  ['천억 원', 'amount:100000000000'],
  ['육백사십오억 원', 'amount:64500000000'],
  ['오천만 원', 'amount:50000000'],
  ['one hundred billion won', 'amount:100000000000'],
  ['a billion won', 'amount:1000000000'],
  ['sixty-four billion won', 'amount:64000000000'],
  ['수백억 원', 'amount:~수백억원'],
  ['billions of won', 'amount:~billions'],
];

const percentages: Row[] = [
  ['50%', 'percent:50'],
  ['50 %', 'percent:50'],
  ['50％', 'percent:50'],
  ['50퍼센트', 'percent:50'],
  ['50 퍼센트', 'percent:50'],
  ['50 percent', 'percent:50'],
  ['50 per cent', 'percent:50'],
  ['fifty percent', 'percent:50'],
  ['12.50%', 'percent:12.5'],
  ['3%p', 'percent_point:3'],
  ['3 percentage points', 'percent_point:3'],
];

const dates: Row[] = [
  ['2021년 6월 30일', 'date:2021-06-30'],
  ['2021년 06월 30일', 'date:2021-06-30'],
  ['2021-06-30', 'date:2021-06-30'],
  ['2021/6/30', 'date:2021-06-30'],
  ['2021.6.30', 'date:2021-06-30'],
  ['2021. 6. 30.', 'date:2021-06-30'],
  ['June 30, 2021', 'date:2021-06-30'],
  ['Jun. 30, 2021', 'date:2021-06-30'],
  ['June 30th, 2021', 'date:2021-06-30'],
  ['30 June 2021', 'date:2021-06-30'],
  ['30th of June, 2021', 'date:2021-06-30'],
  ['2021년 6월', 'month:2021-06'],
  ['June 2021', 'month:2021-06'],
  ['2021. 6.', 'month:2021-06'],
  ['2021-06', 'month:2021-06'],
  ['6월 30일', 'month_day:06-30'],
  ['June 30', 'month_day:06-30'],
  ['30 June', 'month_day:06-30'],
  ['6월', 'month_only:06'],
  ['June', 'month_only:06'],
  ['2021년', 'year:2021'],
  ['2021년도', 'year:2021'],
  ['in 2021', 'year:2021'],
  ['FY2021', 'year:2021'],
];

const articles: Row[] = [
  ['제27조제3항', 'article:27(3)'],
  ['제27조③', 'article:27(3)'],
  ['제27조 ③', 'article:27(3)'],
  ['제27조 3항', 'article:27(3)'],
  ['제27조 제3항', 'article:27(3)'],
  ['27조 ③', 'article:27(3)'],
  ['27조 3항', 'article:27(3)'],
  ['Article 27(3)', 'article:27(3)'],
  ['Article 27 (3)', 'article:27(3)'],
  ['Art. 27 para 3', 'article:27(3)'],
  ['Article 27, paragraph 3', 'article:27(3)'],
  ['paragraph 3 of Article 27', 'article:27(3)'],
  ['제48조④', 'article:48(4)'],
  ['Article 48(4)', 'article:48(4)'],
  ['제27조', 'article:27'],
  ['Article 27', 'article:27'],
  ['제27조의2', 'article:27-2'],
  ['Article 27-2', 'article:27-2'],
  ['제27조제1항제2호', 'article:27(1)[2]'],
  ['Article 27(1)(2)', 'article:27(1)[2]'],
  ['Article 27(1), item 2', 'article:27(1)[2]'],
  ['제3항', 'article:?(3)'],
  ['③', 'article:?(3)'],
];

const counts: Row[] = [
  ['11개', 'number:11'],
  ['11개 사업', 'number:11'],
  ['11 projects', 'number:11'],
  ['eleven projects', 'number:11'],
  ['5일', 'number:5'],
  ['5 days', 'number:5'],
  ['five days', 'number:5'],
  ['2회', 'number:2'],
  ['twice', 'number:2'],
  ['1,000건', 'number:1000'],
  ['3천 명', 'number:3000'],
  ['5만 명', 'number:50000'],
  ['11 million users', 'number:11000000'],
  ['twenty-one days', 'number:21'],
  ['1st', 'number:1'],
  ['2.50', 'number:2.5'],
  ['5시간', 'number:5'],
];

const times: Row[] = [
  ['14:00', 'time:14:00'],
  ['14시', 'time:14:00'],
  ['오후 2시', 'time:14:00'],
  ['오후 2시 30분', 'time:14:30'],
  ['오후 2시 반', 'time:14:30'],
  ['2 p.m.', 'time:14:00'],
  ['2pm', 'time:14:00'],
  ['2:30 PM', 'time:14:30'],
  ['오전 9시', 'time:09:00'],
  ['9 a.m.', 'time:09:00'],
  ['오전 12시', 'time:00:00'],
  ['정오', 'time:12:00'],
  ['noon', 'time:12:00'],
];

describe('extractFacts canonical forms', () => {
  it.each(amounts)('reads the amount %s as %s', (written, canonical) => {
    expect(canonicalFacts(written)).toEqual([canonical]);
  });
  it.each(percentages)('reads the percentage %s as %s', (written, canonical) => {
    expect(canonicalFacts(written)).toEqual([canonical]);
  });
  it.each(dates)('reads the date %s as %s', (written, canonical) => {
    expect(canonicalFacts(written)).toEqual([canonical]);
  });
  it.each(articles)('reads the article %s as %s', (written, canonical) => {
    expect(canonicalFacts(written)).toEqual([canonical]);
  });
  it.each(counts)('reads the count %s as the plain %s', (written, canonical) => {
    expect(canonicalFacts(written)).toEqual([canonical]);
  });
  it.each(times)('reads the time %s as %s', (written, canonical) => {
    expect(canonicalFacts(written)).toEqual([canonical]);
  });
});

describe('extractFacts on whole sentences', () => {
  it.each([
    [
      'Korean budget sentence',
      '2021년 전자정부지원사업은 11개 사업, 총 645억원 규모입니다.',
      ['year:2021', 'number:11', 'amount:64500000000'],
    ],
    [
      'English budget sentence',
      'In 2021 the programme funds 11 projects with KRW 64.5 billion in total.',
      ['year:2021', 'number:11', 'amount:64500000000'],
    ],
    [
      'Korean deadline with article',
      '국가계약법 시행령 제27조③에 따라 2021. 6. 30.까지 입찰 기간을 5일로 줄일 수 있습니다.',
      ['article:27(3)', 'date:2021-06-30', 'number:5'],
    ],
    [
      'English deadline with article',
      'Under Article 27(3) of the Enforcement Decree, the bidding period can be cut to five days until June 30, 2021.',
      ['article:27(3)', 'number:5', 'date:2021-06-30'],
    ],
    ['a date range in Korean', '2021년 3월 1일부터 6월 30일까지', ['date:2021-03-01', 'month_day:06-30']],
  ] as const)('extracts the facts of a %s in reading order', (_title, text, expected) => {
    expect(canonicalFacts(text)).toEqual(expected);
  });
});

describe('extractFacts leaves names, links and words alone', () => {
  it.each([
    [
      'digits inside a project name that is masked',
      '정부24 생활맞춤형 연계서비스 기반 구축 (신규)',
      ['정부24 생활맞춤형 연계서비스 기반 구축 (신규)'],
    ],
    ['a known identifier such as COVID-19', 'COVID-19 특례가 적용됩니다', []],
    ['the known identifier 코로나19', '코로나19 대응', []],
    ['digits glued to a Latin word', 'B2B and Web3 services', []],
    ['a URL with digits', 'https://www.mois.go.kr/frt/bbs/view.do?nttId=85614', []],
    ['a Discord mention with digits', '<@123456789012345678>', []],
    ['the pronoun one', 'the one that applies', []],
    ['the verb may next to a number', 'paragraph rules may apply', []],
    ['억 inside the word 기억', '기억해 주세요', []],
    ['천만 in the phrase 천만에요', '천만에요', []],
    ['일조 meaning contribution', '발전에 일조했습니다', []],
  ] as const)('ignores %s', (_title, text, maskPhrases) => {
    expect(extractFacts(text, { maskPhrases })).toEqual([]);
  });

  it('reads digits of another script as a number that only equals the same digits', () => {
    expect(canonicalFacts('٦٤٥억')).toEqual(['number:~٦٤٥']);
    expect(canonicalFacts('٦٤٥억')).not.toEqual(canonicalFacts('645억'));
  });

  it('reads "3 원칙" (three principles) as a plain number, not an amount of 3 won', () => {
    expect(canonicalFacts('3 원칙')).toEqual(['number:3']);
  });
});

describe('different forms of the same fact compare equal', () => {
  it.each([
    ['645억원', ['645억 원', 'KRW 64.5 billion', '64.5 billion won', '64,500,000,000원', '₩64.5bn']],
    ['5,000만원', ['50 million won', '5천만 원', 'KRW 50 million']],
    ['2021년 6월 30일', ['2021-06-30', '2021. 6. 30.', 'June 30, 2021', '30 June 2021']],
    ['2021년 6월', ['June 2021', '2021. 6.']],
    ['제27조제3항', ['제27조③', '제27조 3항', '27조 ③', 'Article 27(3)', 'Art. 27 para 3']],
    ['50%', ['50 퍼센트', 'fifty percent', '50 per cent']],
    ['11개', ['11 projects', 'eleven projects']],
    ['오후 2시', ['14:00', '2 p.m.', '14시']],
  ] as const)('normalises every form of %s alike', (reference, forms) => {
    const expected = canonicalFacts(reference);
    for (const form of forms) expect(canonicalFacts(form), form).toEqual(expected);
  });

  it.each([
    ['645억원', '645 billion won'],
    ['645억원', '645만원'],
    ['2021년 6월 30일', '2021년 7월 30일'],
    ['제27조③', '제27조②'],
    ['50%', '50%p'],
  ] as const)('keeps %s and %s apart', (a, b) => {
    expect(canonicalFacts(a)).not.toEqual(canonicalFacts(b));
  });
});

describe('classifyVerdict', () => {
  it.each([
    ['수의계약이 가능합니다.', 'allowed'],
    ['긴급입찰이 허용됩니다.', 'allowed'],
    ['입찰 기간을 단축할 수 있습니다.', 'allowed'],
    ['수의계약은 불가능합니다.', 'not_allowed'],
    ['수의계약은 불가합니다.', 'not_allowed'],
    ['허용되지 않습니다.', 'not_allowed'],
    ['가능하지 않습니다.', 'not_allowed'],
    ['이 방식으로는 계약할 수 없습니다.', 'not_allowed'],
    ['그렇게 하면 안 됩니다.', 'not_allowed'],
    ['지식 베이스로는 알 수 없습니다.', 'unknown'],
    ['해당 내용은 확인되지 않습니다.', 'unknown'],
    ['허용 여부는 확인할 수 없습니다.', 'unknown'],
    ['It is allowed.', 'allowed'],
    ['Agencies are permitted to shorten the period.', 'allowed'],
    ['The agency can sign a private contract.', 'allowed'],
    ['It is not allowed.', 'not_allowed'],
    ["It isn't permitted.", 'not_allowed'],
    ['The agency cannot sign a private contract.', 'not_allowed'],
    ['Private contracts are prohibited here.', 'not_allowed'],
    ['Such bidders are barred.', 'not_allowed'],
    ['This is unknown.', 'unknown'],
    ['It is not known from the knowledge base.', 'unknown'],
    ['Whether it is allowed cannot be confirmed.', 'unknown'],
    ['긴급입찰은 가능하지만 수의계약은 안 됩니다.', 'mixed'],
    ['The period can be shortened, but a private contract is not allowed.', 'mixed'],
    ['네, 됩니다.', 'allowed'],
    ['아니요, 안 됩니다.', 'not_allowed'],
    ['Yes, that is fine.', 'allowed'],
    ['No, it is not an option.', 'not_allowed'],
    ['사업 예산은 645억원입니다.', 'none'],
    ['The budget is KRW 64.5 billion.', 'none'],
  ] as const)('classifies "%s" as %s', (text, verdict) => {
    expect(classifyVerdict(text)).toBe(verdict);
  });
});
