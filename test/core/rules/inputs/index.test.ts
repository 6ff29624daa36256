import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDate } from '../../../../src/core/reading/readDate.js';
import { prepareForReading } from '../../../../src/core/reading/numerals.js';
import { evaluateDecision } from '../../../../src/core/rules/evaluate.js';
import { INPUT_READERS, readRuleInputs, type InputReading } from '../../../../src/core/rules/inputs/index.js';
import { ask, realEngine } from '../../../support/engine.js';

const kb = realEngine().kb;

/** Inputs the readers give that knowledge/rules.yaml does not declare yet (the engine adds them). */
const PENDING_INPUTS: Readonly<Record<string, readonly string[]>> = {
  'single-source': [],
  'large-company': ['salesKrw'],
  subcontracting: [],
  'advance-payment': ['advancePercent', 'contractType'],
  'emergency-notice': [],
  'bond-cuts': [],
  'fast-inspection-payment': [],
  'eligibility-review': [],
  'small-single-source': [],
};

const SAMPLES: Readonly<Record<string, readonly string[]>> = {
  'single-source': ['지자체 발주, 한 번 유찰', '유찰됐어요', '수의계약 요건'],
  'large-company': [
    '79억원 사업에 매출 1조원 대기업',
    '대기업 50억 이하 사업',
    '매출 8천억 대기업 추정가격 75억',
  ],
  subcontracting: ['하도급 3분의 1', '하도급 50% 넘게', '재하도급 없음'],
  'advance-payment': ['공사 선금 100%', '선금 80% 넘게', '지자체 공사 선금 100%'],
  'emergency-notice': ['지자체 긴급입찰 5일 공고', 'national contract 5-day notice'],
  'bond-cuts': ['지방계약 입찰보증금 2.5%'],
  'fast-inspection-payment': ['local government contract: inspection in 7 days'],
  'eligibility-review': ['국가계약 적격심사 4일'],
  'small-single-source': [
    '2022년 전문공사 1억5천 소액수의',
    'goods worth 80 million won from a small business',
  ],
};

describe('the input readers match knowledge/rules.yaml', () => {
  it.each(Object.keys(INPUT_READERS))('%s is a decision in rules.yaml', (id) => {
    expect(kb.decisions.map((d) => d.id)).toContain(id);
  });

  it.each(Object.keys(INPUT_READERS))('%s reads only its declared inputs (or the pending ones)', (id) => {
    const declared = kb.decisions.find((d) => d.id === id)!.inputs.map((i) => i.name);
    const allowed = [...declared, ...PENDING_INPUTS[id]!];
    for (const question of SAMPLES[id]!) {
      const reading = readRuleInputs(id, prepareForReading(question));
      const named = [
        ...Object.keys(reading.values),
        ...reading.alternatives.flatMap((alt) => Object.keys(alt)),
        ...reading.missing,
        ...reading.unclear.map((u) => u.input),
      ];
      expect(
        named.filter((name) => !allowed.includes(name)),
        question,
      ).toEqual([]);
    }
  });

  it('a decision decided by its date alone reads only the contract level, and misses nothing', () => {
    expect(readRuleInputs('bond-cuts', '지자체 발주 입찰보증금 2.5%').values).toEqual({
      contractLevel: 'local',
    });
    expect(readRuleInputs('bond-cuts', '2021년 입찰보증금 2.5%')).toEqual({
      values: {},
      display: {},
      notes: [],
      missing: [],
      unclear: [],
      asked: false,
      alternatives: [],
    });
  });
});

/** The verdict the readers lead to, as the engine would reach it (alternatives must agree). */
function verdictFromReaders(decisionId: string, question: string, today: string): string {
  const decision = kb.decisions.find((d) => d.id === decisionId)!;
  const text = prepareForReading(question);
  const reading: InputReading = readRuleInputs(decisionId, text);
  if (reading.unclear.length > 0) return 'unclear';
  const asked = readDate(text, today);
  const date = asked?.kind === 'date' ? asked.range : { from: today, to: today, label: today };
  const evaluate = (values: InputReading['values']) =>
    evaluateDecision(kb, decision, { values, date }).verdict;
  if (reading.alternatives.length === 0) return evaluate(reading.values);
  const verdicts = reading.alternatives.map((alt) => evaluate({ ...reading.values, ...alt }));
  const agree = verdicts.every((v) => v === verdicts[0] && v !== 'unknown');
  return agree ? verdicts[0]! : evaluate(reading.values);
}

interface ParaphraseCase {
  q: string;
  expect: { verdict?: string | null };
}

const CASES = readFileSync(new URL('../../../fixtures/paraphrases.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as ParaphraseCase)
  .filter((c) => typeof c.expect.verdict === 'string');

describe('the readers give every reviewed verdict of the paraphrase set', () => {
  // The engine names the rule it used; its decision says which reader the question is for.
  const routed = CASES.flatMap((c) => {
    const rule = kb.rules.find((r) => r.id === ask(c.q).rule);
    return rule !== undefined && rule.decision in INPUT_READERS ? [{ ...c, decision: rule.decision }] : [];
  });

  it('covers the rule questions of the set', () => {
    expect(routed.length).toBeGreaterThanOrEqual(140);
  });

  it.each(routed)('$q', (c) => {
    expect(verdictFromReaders(c.decision, c.q, '2026-11-26')).toBe(c.expect.verdict);
  });
});

describe('issue 8: the verdicts misread conditions got wrong', () => {
  it.each([
    ['large-company', '79억원 사업에 매출 1조원 대기업 참여 가능?', 'not_allowed'],
    ['large-company', '79억원 사업에 매출 일조원 대기업 참여 가능?', 'not_allowed'],
    ['large-company', '우리는 상호출자제한기업집단은 아님. 매출 9천억, 90억 사업 참여 가능?', 'allowed'],
    [
      'large-company',
      'We are not in a restricted group: sales of 900 billion won, a 9 billion won project',
      'allowed',
    ],
    ['large-company', 'large SW company, 3 billion won project, can we bid?', 'not_allowed'],
    ['subcontracting', 'Can we subcontract one third of the project?', 'allowed'],
    ['subcontracting', '하도급 50% 넘게 줘도 돼?', 'not_allowed'],
    ['single-source', '재공고 입찰 결과 단독입찰로 유찰된 경우 수의계약 가능?', 'allowed'],
    ['single-source', 'The re-tender also failed in August 2019. Single-source okay?', 'allowed'],
  ])('%s: %s → %s', (decision, question, verdict) => {
    expect(verdictFromReaders(decision, question, '2026-11-26')).toBe(verdict);
  });
});
