import { createFactLock, type FactLock } from '../../src/llm/lock/factLock.js';
import { lockKnowledgeOf } from '../../src/llm/lock/knowledge.js';
import type { DecidedAnswer } from '../../src/llm/types.js';
import { realEngine } from '../support/engine.js';

let sharedLock: FactLock | undefined;

/** The fact lock of the repository's real knowledge base. */
export function realLock(): FactLock {
  sharedLock ??= createFactLock(lockKnowledgeOf(realEngine().kb));
  return sharedLock;
}

const MOIS_SOURCE = {
  title: '2021년 전자정부지원사업 설명회',
  url: 'https://www.asiae.co.kr/article/2021011908000000000',
} as const;

function decide(answer: Omit<DecidedAnswer, 'kbVersion' | 'hasInferred'>): DecidedAnswer {
  return { ...answer, hasInferred: false, kbVersion: 'kb-test-0001' };
}

/** Program size, Korean, no verdict. */
export const koBudget = decide({
  status: 'answered',
  language: 'ko',
  question: '2021년 전자정부지원사업 예산이 얼마야?',
  text: '2021년 전자정부지원사업은 11개 사업, 총 645억원(64.5 billion KRW) 규모입니다.',
  facts: ['11', '645억원', '2021'],
  keyFacts: ['11', '645억원'],
  projects: [],
  verdict: null,
  sources: [MOIS_SOURCE],
});

/** Program size, English, no verdict. */
export const enBudget = decide({
  status: 'answered',
  language: 'en',
  question: 'How big is the 2021 e-government support program?',
  text: 'The 2021 e-government support program has 11 projects worth 645억원 in total (KRW 64.5 billion).',
  facts: ['11', '645억원', '2021'],
  keyFacts: ['11', '645억원'],
  projects: [],
  verdict: null,
  sources: [MOIS_SOURCE],
});

/** A project answer naming one project, Korean. */
export const koNewProject = decide({
  status: 'answered',
  language: 'ko',
  question: '신규 사업은?',
  text: '2021년 신규 사업은 정부24 생활맞춤형 연계서비스 기반 구축 (신규)입니다. 2021-01-21 설명회의 설명 대상(9개 과제)이었습니다.',
  facts: ['정부24 생활맞춤형 연계서비스 기반 구축 (신규)', '2021-01-21', '9', '2021'],
  keyFacts: ['정부24 생활맞춤형 연계서비스 기반 구축 (신규)'],
  projects: ['gov24-life-services'],
  verdict: null,
  sources: [MOIS_SOURCE],
});

/** A contract-exception rule, Korean, allowed. */
export const koSingleSource = decide({
  status: 'answered',
  language: 'ko',
  question: '2021년 4월에 한 번 유찰됐는데 수의계약 돼?',
  text: '네, 가능합니다. 국가계약법 시행령 제27조③의 한시적 특례가 2021-06-30까지 적용되므로, 경쟁입찰이 1회 유찰되면 재공고 없이 수의계약을 할 수 있습니다.',
  facts: ['국가계약법 시행령 제27조③', '2021-06-30', '1회'],
  keyFacts: ['국가계약법 시행령 제27조③', '2021-06-30'],
  projects: [],
  verdict: 'allowed',
  sources: [
    {
      title: '코로나19 계약 특례 1차 연장',
      url: 'https://www.koscaj.com/news/articleView.html?idxno=211000',
    },
  ],
});

/** A Software Promotion Act rule, English, not allowed. */
export const enAffiliate = decide({
  status: 'answered',
  language: 'en',
  question: 'Can a business-group affiliate bid on a 10 billion won project?',
  text: 'No. Under Article 48(4) of the Software Promotion Act, companies in business groups subject to cross-shareholding limits cannot take part in public SW projects at any amount (amended 2020-12-29).',
  facts: ['Article 48(4)', '2020-12-29'],
  keyFacts: ['Article 48(4)'],
  projects: [],
  verdict: 'not_allowed',
  sources: [{ title: 'Software Promotion Act', url: 'https://www.law.go.kr/법령/소프트웨어진흥법' }],
});

/** A rule the knowledge base cannot decide, English. */
export const enUnknown = decide({
  status: 'unknown_fact',
  language: 'en',
  question: 'Was the 5-day emergency notice still possible in August 2021?',
  text: 'Whether the 5-day emergency notice was extended past June 2021 was not found in any source, so it is unknown for August 2021.',
  facts: ['5', 'June 2021', 'August 2021'],
  keyFacts: ['5'],
  projects: [],
  verdict: 'unknown',
  sources: [],
});
