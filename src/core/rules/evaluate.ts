import type { Condition, Confidence, Decision, Measure, Rule, Verdict } from '../../knowledge/schema.js';
import type { KnowledgeBase } from '../../knowledge/parse.js';
import type { DateRange } from '../extract.js';
import { shiftDay } from '../reading/dates.js';
import type { Language } from '../types.js';

export type InputValue = number | string | boolean;
type Tri = 'held' | 'failed' | 'unknown';

/** What the evaluator was given: input values by name, and the date range checked. */
export interface RuleInputs {
  readonly values: Readonly<Record<string, InputValue | undefined>>;
  readonly date: DateRange;
}

export interface EvaluatedCondition {
  readonly condition: Condition;
  readonly result: Tri;
  /** For `during`: how the date relates to the measure's recorded periods. */
  readonly coverage?: Coverage;
}

export interface Coverage {
  readonly state: 'in_period' | 'before' | 'uncovered' | 'partly';
  readonly periods: Measure['periods'];
  readonly confidence: Confidence;
}

/** The outcome of one decision: the verdict, the rule that gave it, and every rule looked at. */
export interface Evaluation {
  readonly decision: Decision;
  readonly verdict: Verdict;
  readonly rule: Rule | null;
  readonly confidence: Confidence;
  readonly steps: readonly { rule: Rule; conditions: EvaluatedCondition[]; result: Tri }[];
  readonly missingInputs: readonly string[];
}

const CONFIDENCE_ORDER: readonly Confidence[] = ['confirmed', 'inferred', 'not_found'];

export function weakestConfidence(...values: Confidence[]): Confidence {
  return values.reduce<Confidence>(
    (weakest, c) => (CONFIDENCE_ORDER.indexOf(c) > CONFIDENCE_ORDER.indexOf(weakest) ? c : weakest),
    'confirmed',
  );
}

/**
 * The periods a measure was recorded in force for a contract level: the national periods, or for a
 * local-government contract (지방계약) the local periods of the measure's instrument. `startsOn` is the
 * first day a period could begin: before it the measure did not exist (the normal rule holds);
 * between it and the first recorded period no record says.
 */
export interface RecordedPeriods {
  readonly periods: Measure['periods'];
  readonly startsOn: string;
  readonly level: 'national' | 'local';
}

const byStart = (periods: Measure['periods']) => [...periods].sort((a, b) => a.from.localeCompare(b.from));

export function recordedPeriods(
  kb: KnowledgeBase,
  measure: Measure,
  level: InputValue | undefined,
): RecordedPeriods {
  const national = byStart(measure.periods);
  const nationalStart = national[0]?.from ?? '9999-12-31';
  if (level !== 'local') return { periods: national, startsOn: nationalStart, level: 'national' };
  const instrument =
    measure.instrument.value === null ? undefined : kb.instruments.get(measure.instrument.value);
  // No local record for the instrument (the contract guideline): nothing local is known once the
  // national measure existed.
  if (instrument === undefined || instrument.localPeriods.length === 0)
    return { periods: [], startsOn: nationalStart, level: 'local' };
  const local = byStart(instrument.localPeriods);
  return { periods: local, startsOn: instrument.localStart?.from ?? local[0]!.from, level: 'local' };
}

/** How a date range relates to the recorded periods (national, or local ones). */
export function coverageOf(record: RecordedPeriods, range: DateRange): Coverage {
  const { periods, startsOn } = record;
  if (range.to < startsOn) return { state: 'before', periods: [], confidence: 'confirmed' };
  if (range.from < startsOn) return { state: 'partly', periods: [], confidence: 'confirmed' };
  const used: Measure['periods'][number][] = [];
  let cursor = range.from;
  for (const period of periods) {
    if (period.from <= cursor && period.to >= cursor) {
      used.push(period);
      cursor = shiftDay(period.to, 1);
      if (cursor > range.to) {
        return {
          state: 'in_period',
          periods: used,
          confidence: weakestConfidence(...used.map((p) => p.confidence)),
        };
      }
    }
  }
  return { state: used.length > 0 ? 'partly' : 'uncovered', periods: used, confidence: 'confirmed' };
}

function compare(actual: InputValue, op: string, expected: Condition & { kind: 'input' }): boolean {
  const value = expected.value;
  switch (op) {
    case 'eq':
      return actual === value;
    case 'ne':
      return actual !== value;
    case 'in':
      return Array.isArray(value) && (value as InputValue[]).includes(actual);
    case 'gte':
      return typeof actual === 'number' && typeof value === 'number' && actual >= value;
    case 'gt':
      return typeof actual === 'number' && typeof value === 'number' && actual > value;
    case 'lte':
      return typeof actual === 'number' && typeof value === 'number' && actual <= value;
    case 'lt':
      return typeof actual === 'number' && typeof value === 'number' && actual < value;
    default:
      return false;
  }
}

function evaluateCondition(kb: KnowledgeBase, condition: Condition, inputs: RuleInputs): EvaluatedCondition {
  if (condition.kind === 'onOrAfter' || condition.kind === 'before') {
    const { from, to } = inputs.date;
    const after = from >= condition.date;
    const before = to < condition.date;
    const result: Tri =
      after || before ? ((condition.kind === 'onOrAfter') === after ? 'held' : 'failed') : 'unknown';
    return { condition, result };
  }
  if (condition.kind === 'during') {
    const measure = kb.measures.get(condition.measure);
    if (measure === undefined) return { condition, result: 'unknown' };
    const coverage = coverageOf(recordedPeriods(kb, measure, inputs.values['contractLevel']), inputs.date);
    const result: Tri =
      coverage.state === 'in_period' ? 'held' : coverage.state === 'before' ? 'failed' : 'unknown';
    return { condition, result, coverage };
  }
  const actual = inputs.values[condition.input];
  if (condition.op === 'exists') return { condition, result: actual === undefined ? 'failed' : 'held' };
  if (condition.op === 'absentOrNot')
    return { condition, result: actual === undefined || actual !== condition.value ? 'held' : 'failed' };
  if (actual === undefined) return { condition, result: 'unknown' };
  return { condition, result: compare(actual, condition.op, condition) ? 'held' : 'failed' };
}

/**
 * Runs a decision's rules, highest priority first (ties by id). The first rule whose conditions
 * all hold decides. A rule with an undecidable condition (and none failed) stops the run with
 * verdict `unknown`: a lower rule must not decide what a higher one could not rule out.
 */
export function evaluateDecision(kb: KnowledgeBase, decision: Decision, inputs: RuleInputs): Evaluation {
  const rules = kb.rules
    .filter((r) => r.decision === decision.id)
    .sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  const steps: Evaluation['steps'][number][] = [];
  for (const rule of rules) {
    const conditions = rule.when.map((c) => evaluateCondition(kb, c, inputs));
    const result: Tri = conditions.some((c) => c.result === 'failed')
      ? 'failed'
      : conditions.every((c) => c.result === 'held')
        ? 'held'
        : 'unknown';
    steps.push({ rule, conditions, result });
    if (result === 'failed') continue;
    const coverageConfidence = conditions.flatMap((c) => (c.coverage ? [c.coverage.confidence] : []));
    const missingInputs = conditions.flatMap((c) =>
      c.result === 'unknown' && c.condition.kind === 'input' ? [c.condition.input] : [],
    );
    if (result === 'held') {
      return {
        decision,
        verdict: rule.outcome,
        rule,
        confidence: weakestConfidence(rule.confidence, ...coverageConfidence),
        steps,
        missingInputs: [],
      };
    }
    return { decision, verdict: 'unknown', rule, confidence: rule.confidence, steps, missingInputs };
  }
  return { decision, verdict: 'unknown', rule: null, confidence: 'not_found', steps, missingInputs: [] };
}

/** Looks up a message of knowledge/messages.yaml in the reply language. */
export type Msg = (key: string, values?: Readonly<Record<string, string | number>>) => string;

/** A readable line for one evaluated condition, in the reply language (messages trace.condition.*). */
export function describeCondition(
  decision: Decision,
  evaluated: EvaluatedCondition,
  inputs: RuleInputs,
  language: Language,
  msg: Msg,
  formatValue: (name: string, value: InputValue) => string,
): string {
  const { condition } = evaluated;
  const asked = inputs.date.label;
  if (condition.kind === 'onOrAfter' || condition.kind === 'before')
    return msg(`trace.condition.${condition.kind}`, { date: condition.date, asked });
  if (condition.kind === 'during') return msg('trace.condition.during', { asked });
  const input = decision.inputs.find((i) => i.name === condition.input);
  const label = input?.label[language] ?? condition.input;
  const actual = inputs.values[condition.input];
  const given = actual === undefined ? msg('trace.condition.notGiven') : formatValue(condition.input, actual);
  if (condition.op === 'exists') return msg('trace.condition.exists', { label, given });
  const symbols: Record<string, string> = { eq: '=', ne: '≠', gte: '≥', gt: '>', lte: '≤', lt: '<', in: '∈' };
  const expected = Array.isArray(condition.value)
    ? condition.value.map((v) => formatValue(condition.input, v)).join(', ')
    : formatValue(condition.input, condition.value ?? '');
  return msg('trace.condition.compare', {
    label,
    op: symbols[condition.op] ?? condition.op,
    expected,
    given,
  });
}
