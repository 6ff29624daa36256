import { describe, expect, it } from 'vitest';
import { evaluateDecision } from '../../src/core/rules/evaluate.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

const kb = loadKnowledge();
const decision = (id: string) => kb.decisions.find((d) => d.id === id)!;
const at = (iso: string) => ({ from: iso, to: iso, label: iso });

type Expected = 'allowed' | 'unknown';
/** The national chain of the decree exceptions (fact sheet, Addendum 2): inferred on 2023 H2 and 2024 H2. */
const DECREE: [string, Expected, 'confirmed' | 'inferred' | null][] = [
  ['2021-12-31', 'allowed', 'confirmed'],
  ['2022-01-01', 'allowed', 'confirmed'],
  ['2022-06-30', 'allowed', 'confirmed'],
  ['2022-07-01', 'allowed', 'confirmed'],
  ['2022-12-31', 'allowed', 'confirmed'],
  ['2023-01-01', 'allowed', 'confirmed'],
  ['2023-06-30', 'allowed', 'confirmed'],
  ['2023-07-01', 'allowed', 'inferred'],
  ['2023-12-31', 'allowed', 'inferred'],
  ['2024-01-01', 'allowed', 'confirmed'],
  ['2024-06-30', 'allowed', 'confirmed'],
  ['2024-07-01', 'allowed', 'inferred'],
  ['2024-12-31', 'allowed', 'inferred'],
  ['2025-01-01', 'allowed', 'confirmed'],
  ['2025-06-30', 'allowed', 'confirmed'],
  ['2025-07-01', 'unknown', null],
];

function verdictOn(id: string, date: string, values: Record<string, number> = {}) {
  return evaluateDecision(kb, decision(id), { values, date: at(date) });
}

describe('the exceptions chain through the rule evaluator', () => {
  it.each(DECREE)('single-source after one failed bid on %s → %s (%s)', (date, verdict, confidence) => {
    const result = verdictOn('single-source', date, { failedRounds: 1 });
    expect(result.verdict).toBe(verdict);
    expect(result.rule?.id).toBe('single-source-one-failed-temporary');
    if (confidence) expect(result.confidence).toBe(confidence);
  });

  it.each(
    DECREE.flatMap(([date, verdict]) => [
      ['bond-cuts', date, verdict],
      ['fast-inspection-payment', date, verdict],
    ]),
  )('%s on %s → %s (the same instrument)', (id, date, verdict) => {
    expect(verdictOn(id, date).verdict).toBe(verdict);
  });

  it.each([
    ['2021-06-30', 'allowed', 'confirmed'],
    ['2021-12-31', 'allowed', 'inferred'],
    ['2022-01-01', 'unknown', null],
    ['2022-06-30', 'unknown', null],
    ['2022-07-01', 'unknown', null],
    ['2022-12-31', 'unknown', null],
    ['2023-01-01', 'unknown', null],
    ['2023-06-30', 'unknown', null],
    ['2023-07-01', 'unknown', null],
    ['2023-12-31', 'unknown', null],
    ['2024-01-01', 'allowed', 'confirmed'],
    ['2024-06-30', 'allowed', 'confirmed'],
    ['2024-07-01', 'unknown', null],
    ['2024-12-31', 'unknown', null],
    ['2025-01-01', 'unknown', null],
    ['2025-06-30', 'unknown', null],
    ['2025-07-01', 'unknown', null],
  ] as const)('the 5-day emergency notice on %s → %s (%s)', (date, verdict, confidence) => {
    const result = verdictOn('emergency-notice', date);
    expect(result.verdict).toBe(verdict);
    if (confidence) expect(result.confidence).toBe(confidence);
  });

  it.each([
    ['2021-12-31', 'allowed'],
    ['2022-01-01', 'allowed'],
    ['2022-06-30', 'allowed'],
    ['2022-07-01', 'unknown'],
    ['2022-12-31', 'unknown'],
    ['2023-01-01', 'unknown'],
    ['2023-06-30', 'unknown'],
    ['2023-07-01', 'unknown'],
    ['2024-01-01', 'allowed'],
    ['2024-06-30', 'allowed'],
    ['2024-07-01', 'unknown'],
    ['2024-12-31', 'unknown'],
    ['2025-01-01', 'allowed'],
    ['2025-06-30', 'allowed'],
    ['2025-07-01', 'unknown'],
  ])('advances on %s → %s', (date, verdict) => {
    expect(verdictOn('advance-payment', date).verdict).toBe(verdict);
  });

  it.each(['2021-12-31', '2022-01-01', '2023-07-01', '2025-06-30', '2025-07-01'])(
    'the shorter eligibility review on %s is unknown (recorded for 2020 only)',
    (date) => {
      expect(verdictOn('eligibility-review', date).verdict).toBe('unknown');
    },
  );

  it('says how the 2024 H1 emergency notice differs from 2020: permissive, not mandatory', () => {
    const periods = kb.measures.get('emergency-bid-notice')!.periods;
    expect(periods.find((p) => p.from === '2020-05-01')!.label.ko).toContain('의무');
    const h1 = periods.find((p) => p.from === '2024-01-01')!;
    expect(h1.note?.ko).toContain("'할 수 있었습니다'");
    expect(h1.label.en).toContain('permissive');
  });
});

describe('the chain as data', () => {
  it('has no overlapping periods within one measure, nor within the local periods', () => {
    const lists = [
      ...[...kb.measures.values()].map((m) => m.periods),
      ...[...kb.instruments.values()].map((i) => i.localPeriods),
    ];
    for (const periods of lists) {
      const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
      sorted.slice(1).forEach((p, i) => {
        expect(p.from > sorted[i]!.to, `${p.from} after ${sorted[i]!.to}`).toBe(true);
      });
    }
  });

  it('links each measure to the instrument that carries it', () => {
    const instrumentOf = (id: string) => kb.measures.get(id)!.instrument.value;
    for (const id of ['single-source-one-failed-bid', 'bond-cuts', 'fast-inspection-payment'])
      expect(instrumentOf(id)).toBe('decree-exceptions');
    for (const id of ['emergency-bid-notice', 'advance-payment'])
      expect(instrumentOf(id)).toBe('contract-guideline');
    expect(kb.measures.get('eligibility-review')!.instrument).toMatchObject({
      value: null,
      confidence: 'not_found',
    });
    expect(kb.instruments.get('decree-exceptions')!.title.ko).toContain(
      '국가를 당사자로 하는 계약에 관한 법률 시행령의 수의계약 등 한시적 특례 적용기간에 관한 고시',
    );
  });

  it('keeps the local periods apart from the national ones (local 2023 H2 confirmed, national inferred)', () => {
    const local = kb.instruments.get('decree-exceptions')!.localPeriods;
    expect(local.find((p) => p.from === '2023-07-01')).toMatchObject({
      to: '2023-12-31',
      confidence: 'confirmed',
    });
    const national = kb.measures.get('single-source-one-failed-bid')!.periods;
    expect(national.find((p) => p.from === '2023-07-01')).toMatchObject({
      to: '2023-12-31',
      confidence: 'inferred',
    });
    expect(national[0]!.from).toBe('2020-05-01');
  });

  it('records the permanent 100% works-contract advance cap as a topic, not a temporary period', () => {
    const topic = kb.topics.find((t) => t.id === 'works-advance-cap')!;
    expect(topic.statements[0]!.facts).toEqual(expect.arrayContaining(['2024-02-13', '100%']));
    const periods = kb.measures.get('advance-payment')!.periods;
    expect(periods.some((p) => p.from === '2024-02-13')).toBe(false);
  });

  it('resolves every source id the knowledge base cites', () => {
    const cited = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value !== null && typeof value === 'object')
        for (const [key, item] of Object.entries(value)) {
          if (key === 'sources' && Array.isArray(item)) item.forEach((id) => cited.add(id as string));
          else walk(item);
        }
    };
    walk([kb.projects, kb.topics, [...kb.measures.values()], [...kb.instruments.values()], kb.rules]);
    walk(kb.editions.map((e) => e.program));
    expect(cited.size).toBeGreaterThan(80);
    expect([...cited].filter((id) => !kb.sources.has(id))).toEqual([]);
  });
});
