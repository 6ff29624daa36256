import { describe, expect, it } from 'vitest';
import { coverageOf, recordedPeriods, evaluateDecision } from '../../src/core/rules/evaluate.js';
import { realEngine } from '../support/engine.js';

const kb = realEngine().kb;
const decision = (id: string) => kb.decisions.find((d) => d.id === id)!;
const at = (iso: string) => ({ from: iso, to: iso, label: iso });

function singleSource(date: string, failedRounds: number) {
  return evaluateDecision(kb, decision('single-source'), { values: { failedRounds }, date: at(date) });
}

describe('single-source contract after failed bids: boundaries', () => {
  it.each([
    ['2020-04-30', 'not_allowed', 'single-source-one-failed-normal'],
    ['2020-05-01', 'allowed', 'single-source-one-failed-temporary'],
    ['2020-12-31', 'allowed', 'single-source-one-failed-temporary'],
    ['2021-01-01', 'allowed', 'single-source-one-failed-temporary'],
    ['2021-06-30', 'allowed', 'single-source-one-failed-temporary'],
    ['2021-07-01', 'allowed', 'single-source-one-failed-temporary'],
    ['2021-12-31', 'allowed', 'single-source-one-failed-temporary'],
    ['2022-01-01', 'allowed', 'single-source-one-failed-temporary'],
    ['2022-06-30', 'allowed', 'single-source-one-failed-temporary'],
    ['2022-07-01', 'allowed', 'single-source-one-failed-temporary'],
    ['2023-06-30', 'allowed', 'single-source-one-failed-temporary'],
    ['2023-07-01', 'allowed', 'single-source-one-failed-temporary'],
    ['2024-01-01', 'allowed', 'single-source-one-failed-temporary'],
    ['2024-06-30', 'allowed', 'single-source-one-failed-temporary'],
    ['2024-07-01', 'allowed', 'single-source-one-failed-temporary'],
    ['2025-06-30', 'allowed', 'single-source-one-failed-temporary'],
    ['2025-07-01', 'unknown', 'single-source-one-failed-temporary'],
  ])('one failed bid on %s → %s by %s', (date, verdict, rule) => {
    const result = singleSource(date, 1);
    expect(result.verdict).toBe(verdict);
    expect(result.rule?.id).toBe(rule);
  });

  it('marks a verdict inferred when only an inferred extension covers the date', () => {
    expect(singleSource('2023-09-01', 1).confidence).toBe('inferred');
    expect(singleSource('2022-09-01', 1).confidence).toBe('confirmed');
    expect(singleSource('2021-09-01', 1).confidence).toBe('confirmed');
  });

  it.each(['2019-01-01', '2020-04-30', '2021-05-10', '2026-11-26'])(
    'the re-announced bid also failing allows it on %s (normal rule, any date)',
    (date) => {
      const result = singleSource(date, 2);
      expect(result.verdict).toBe('allowed');
      expect(result.rule?.id).toBe('single-source-rebid-failed');
    },
  );

  it('no failed bid is no failed-bid ground', () => {
    expect(singleSource('2021-05-10', 0).verdict).toBe('not_allowed');
  });

  it('a missing count of failed rounds makes the verdict unknown and names the input', () => {
    const result = evaluateDecision(kb, decision('single-source'), { values: {}, date: at('2021-05-10') });
    expect(result.verdict).toBe('unknown');
    expect(result.missingInputs).toEqual(['failedRounds']);
  });

  it('a month straddling the start is only partly covered', () => {
    const national = recordedPeriods(kb, kb.measures.get('single-source-one-failed-bid')!, undefined);
    expect(coverageOf(national, { from: '2020-04-01', to: '2020-05-31', label: '' }).state).toBe('partly');
    expect(coverageOf(national, { from: '2020-05-01', to: '2020-05-31', label: '' }).state).toBe('in_period');
    expect(coverageOf(national, { from: '2020-03-01', to: '2020-03-31', label: '' }).state).toBe('before');
  });

  const localSingleSource = (day: string) =>
    evaluateDecision(kb, decision('single-source'), {
      values: { failedRounds: 1, contractLevel: 'local' },
      date: at(day),
    }).verdict;

  it('a local-government contract is judged by the local periods, which began in July 2020', () => {
    // National: in force from 2020-05-01. Local: began in July 2020, so June 2020 is the normal rule.
    expect(singleSource('2020-06-10', 1).verdict).toBe('allowed');
    expect(localSingleSource('2020-06-10')).toBe('not_allowed');
    // The day in July is not known; from August the local period is recorded (inferred).
    expect(localSingleSource('2020-07-10')).toBe('unknown');
    expect(localSingleSource('2020-09-10')).toBe('allowed');
    // Local gaps stay unknown where the national record has a period: 2021 H2, 2022 H1, 2024 H1.
    expect(singleSource('2021-09-10', 1).verdict).toBe('allowed');
    expect(localSingleSource('2021-09-10')).toBe('unknown');
    expect(localSingleSource('2022-03-10')).toBe('unknown');
    expect(localSingleSource('2024-03-10')).toBe('unknown');
    expect(localSingleSource('2023-09-10')).toBe('allowed');
  });

  it('a measure of the contract guideline has no local record: a local contract is unknown once it existed', () => {
    const emergency = (day: string, contractLevel?: string) =>
      evaluateDecision(kb, decision('emergency-notice'), {
        values: contractLevel === undefined ? {} : { contractLevel },
        date: at(day),
      }).verdict;
    expect(emergency('2021-03-10')).toBe('allowed');
    expect(emergency('2021-03-10', 'local')).toBe('unknown');
    expect(emergency('2020-03-10', 'local')).toBe('not_allowed');
  });

  it('traces every rule it looked at, with each condition', () => {
    const result = singleSource('2020-03-10', 1);
    expect(result.steps.map((s) => s.rule.id)).toEqual([
      'single-source-rebid-failed',
      'single-source-one-failed-temporary',
      'single-source-one-failed-normal',
    ]);
    expect(result.steps[1]!.conditions.map((c) => c.result)).toEqual(['held', 'failed']);
  });
});

describe('5-day emergency bid notice: boundaries', () => {
  const notice = (date: string) =>
    evaluateDecision(kb, decision('emergency-notice'), { values: {}, date: at(date) });
  it.each([
    ['2020-04-30', 'not_allowed'],
    ['2020-05-01', 'allowed'],
    ['2020-12-31', 'allowed'],
    ['2021-01-01', 'allowed'],
    ['2021-06-30', 'allowed'],
    ['2021-07-01', 'allowed'],
    ['2022-01-01', 'unknown'],
    ['2026-11-26', 'unknown'],
  ])('on %s → %s', (date, verdict) => {
    expect(notice(date).verdict).toBe(verdict);
  });
});

describe('large-company participation', () => {
  // The readers and /rule always give exceptionGround (false unless the question names an exception).
  const lc = (
    companyTier: string,
    amountKrw?: number,
    extra: { exceptionGround?: boolean } = { exceptionGround: false },
  ) =>
    evaluateDecision(kb, decision('large-company'), {
      values: { companyTier, amountKrw, ...extra },
      date: at('2021-05-10'),
    });
  it.each([
    ['group', 100e8, 'not_allowed'],
    ['group', undefined, 'not_allowed'],
    ['large-8000-plus', 80e8, 'allowed'],
    ['large-8000-plus', 79.99e8, 'not_allowed'],
    ['large-under-8000', 40e8, 'allowed'],
    ['large-under-8000', 39e8, 'not_allowed'],
    ['new-midsize', 20e8, 'allowed'],
    ['new-midsize', 19e8, 'not_allowed'],
    ['sme', 1e8, 'allowed'],
    ['large', 80e8, 'allowed'],
    ['large', 50e8, 'unknown'],
    ['large', 39e8, 'not_allowed'],
    ['large-8000-plus', undefined, 'unknown'],
  ] as const)('%s with %s won → %s', (tier, amount, verdict) => {
    expect(lc(tier, amount).verdict).toBe(verdict);
  });

  it('an exception to the limits (an MSIT-approved defence project…) allows even a business group', () => {
    expect(lc('group', 100e8, { exceptionGround: true }).verdict).toBe('allowed');
    expect(lc('large-8000-plus', 10e8, { exceptionGround: true }).verdict).toBe('allowed');
    // Whether it is one, unsaid (an unclear reading), decides nothing.
    expect(lc('group', 100e8, {}).verdict).toBe('unknown');
  });

  it('adds VAT when the question says the amount excludes it', () => {
    const engine = realEngine();
    // 75억 + 10% VAT = 82.5억 ≥ 80억: a large firm with sales over 8,000억 may bid.
    const a = engine.answer({
      text: '매출 1조 대기업이 부가세 별도 75억 사업에 참여 가능?',
      today: '2021-05-10',
    });
    expect(a.verdict).toBe('allowed');
    expect(a.text).toContain('10%');
  });
});

describe('subcontracting share', () => {
  const sub = (sharePercent: number, resubcontract = false) =>
    evaluateDecision(kb, decision('subcontracting'), {
      values: { sharePercent, resubcontract },
      date: at('2021-05-10'),
    });
  it.each([
    [50.1, 'not_allowed', 'subcontracting-over-cap'],
    [50, 'allowed', 'subcontracting-joint-bid-note'],
    [10.5, 'allowed', 'subcontracting-joint-bid-note'],
    [10, 'allowed', 'subcontracting-within-cap'],
    [0, 'allowed', 'subcontracting-within-cap'],
  ] as const)('%s%% → %s by %s', (share, verdict, rule) => {
    const result = sub(share);
    expect(result.verdict).toBe(verdict);
    expect(result.rule?.id).toBe(rule);
  });
  it('re-subcontracting is not allowed whatever the share', () => {
    expect(sub(5, true).verdict).toBe('not_allowed');
  });
});

describe('other temporary measures by date', () => {
  const measure = (id: string, date: string) =>
    evaluateDecision(kb, decision(id), { values: {}, date: at(date) }).verdict;
  it.each([
    ['bond-cuts', '2020-04-30', 'not_allowed'],
    ['bond-cuts', '2021-12-31', 'allowed'],
    ['bond-cuts', '2022-06-30', 'allowed'],
    ['bond-cuts', '2022-07-01', 'allowed'],
    ['bond-cuts', '2025-07-01', 'unknown'],
    ['advance-payment', '2021-10-01', 'allowed'],
    ['advance-payment', '2022-07-01', 'unknown'],
    ['fast-inspection-payment', '2020-05-01', 'allowed'],
    ['fast-inspection-payment', '2020-04-30', 'not_allowed'],
    ['eligibility-review', '2020-06-01', 'allowed'],
    ['eligibility-review', '2021-03-01', 'unknown'],
  ])('%s on %s → %s', (id, date, verdict) => {
    expect(measure(id, date)).toBe(verdict);
  });
});
