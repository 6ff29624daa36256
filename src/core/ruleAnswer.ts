import type { KnowledgeBase } from '../knowledge/parse.js';
import type { Decision, Measure, Topic } from '../knowledge/schema.js';
import type { AnswerBuilder } from './compose.js';
import type { DateRange } from './extract.js';
import {
  describeCondition,
  evaluateDecision,
  recordedPeriods,
  type Evaluation,
  type InputValue,
} from './rules/evaluate.js';
import type { Answer, RuleTrace } from './types.js';

/** A decision to evaluate, with the inputs read from the question. */
export interface DecisionRequest {
  readonly decision: Decision;
  readonly values: Readonly<Record<string, InputValue | undefined>>;
  readonly date: DateRange;
  readonly dateAsked: boolean;
  readonly hasParameters: boolean;
  /** Sentences about how the inputs were read (amount, VAT). */
  readonly notes: readonly { key: string; values: Record<string, string> }[];
  /** How the question wrote an input (3분의 1, 79억 9천만원), shown in the trace instead of a derived number. */
  readonly display?: Readonly<Record<string, string>>;
  /** Values to try when the question leaves an input open; the verdict stands only if all agree. */
  readonly alternatives: readonly Readonly<Record<string, InputValue>>[];
  /** Inputs the question gave but whose value or role could not be told (two day counts, …). */
  readonly unclear?: readonly string[];
}

/**
 * A number the question gave unclearly is not answered by the measure being in force: "검사를 5일
 * 만에 해 준다고도, 10일 걸린다고도 해요" is about the days, so the exception's state is no verdict
 * on them. The verdict is then unknown, and the unclear number is what is missing.
 */
function withoutUnclear(evaluation: Evaluation, unclear: readonly string[]): Evaluation {
  const { rule, decision } = evaluation;
  if (rule === null || evaluation.verdict === 'unknown') return evaluation;
  // Only a rule decided by the date alone (the measure in force or not) stands in for a number
  // the question gave: a rule that weighs other inputs (a small firm, the contract level) still holds.
  const byDateOnly = rule.when.every((c) => c.kind !== 'input');
  const numbers = unclear.filter((name) => decision.inputs.find((i) => i.name === name)?.type === 'number');
  if (!byDateOnly || numbers.length === 0) return evaluation;
  return { ...evaluation, verdict: 'unknown', rule: null, confidence: 'not_found', missingInputs: numbers };
}

function evaluate(kb: KnowledgeBase, request: DecisionRequest): { evaluation: Evaluation; assumed: boolean } {
  const base = { values: request.values, date: request.date };
  const unclear = request.unclear ?? [];
  if (request.alternatives.length === 0)
    return {
      evaluation: withoutUnclear(evaluateDecision(kb, request.decision, base), unclear),
      assumed: false,
    };
  const evaluations = request.alternatives.map((alt) =>
    evaluateDecision(kb, request.decision, { values: { ...request.values, ...alt }, date: request.date }),
  );
  const first = evaluations[0]!;
  const agree = evaluations.every((e) => e.verdict === first.verdict && e.verdict !== 'unknown');
  return agree
    ? { evaluation: first, assumed: true }
    : {
        // The values tried disagree: the input they are for is unclear.
        evaluation: withoutUnclear(evaluateDecision(kb, request.decision, base), [
          ...unclear,
          ...Object.keys(request.alternatives[0] ?? {}),
        ]),
        assumed: false,
      };
}

/**
 * Writes the verdict of each requested decision with its reasons: the rule that decided, its
 * legal basis, the reference date and period, and the trace of conditions.
 */
export function composeRuleAnswer(
  b: AnswerBuilder,
  kb: KnowledgeBase,
  requests: readonly DecisionRequest[],
  projectIds: readonly string[],
  /** The rule's own text, said after the verdict ("does the 50% cap include goods?"). */
  topics: readonly Topic[] = [],
): Answer {
  const traces: RuleTrace[] = [];
  if (requests.length > 1) b.line(b.msg('rule.bothDecisions'));
  for (const request of requests) {
    if (requests.length > 1) b.blank();
    traces.push(writeEvaluation(b, kb, request));
  }
  for (const topic of topics) {
    b.blank();
    b.line(b.text(topic.title));
    for (const statement of topic.statements) b.statement(statement);
  }
  const primary = traces[0]!;
  // A verdict the records can't give is an unknown fact, even though the rule was evaluated.
  return b.build({
    status: traces.some((t) => t.verdict !== 'unknown') ? 'answered' : 'unknown_fact',
    kind: 'rule',
    projects: projectIds,
    verdict: primary.verdict,
    rule: primary.rule,
    traces,
  });
}

function writeEvaluation(b: AnswerBuilder, kb: KnowledgeBase, request: DecisionRequest): RuleTrace {
  const { decision } = request;
  const { evaluation, assumed } = evaluate(kb, request);
  const { rule, verdict } = evaluation;
  const lang = b.language;
  const measure = decision.measure !== undefined ? kb.measures.get(decision.measure) : undefined;
  const usesDate = decision.inputs.some((i) => i.type === 'date');
  const local = request.values['contractLevel'] === 'local';

  b.line(b.text(decision.title));
  b.line(
    `${b.msg('label.verdict')}: ${b.msg(`verdict.${verdict}`)}${verdict === 'unknown' ? '' : b.mark(evaluation.confidence)}`,
  );

  // The reason, in the words of the rule that decided, or why nothing could decide.
  const lastStep = evaluation.steps.at(-1);
  const coverage = lastStep?.conditions.find((c) => c.coverage)?.coverage;
  if (verdict !== 'unknown' && rule) {
    b.line(b.text(rule.explanation));
  } else if (evaluation.missingInputs.length > 0) {
    b.line(b.msg('rule.missingInput'));
    for (const input of evaluation.missingInputs) {
      const hint = decision.missingInput[input];
      if (hint) b.line(b.text(hint));
    }
  } else if (coverage && coverage.state !== 'in_period') {
    b.line(b.msg('rule.unknownCoverage'));
    if (measure && !local) b.line(b.text(measure.afterLastPeriod));
  } else if (rule) {
    b.line(b.text(rule.explanation));
  }
  if (assumed) {
    // Which input the question left open: the failed rounds, or a bounded amount or share.
    const open = Object.keys(request.alternatives[0] ?? {})[0];
    const label = decision.inputs.find((i) => i.name === open)?.label;
    b.line(
      open === 'failedRounds' || label === undefined
        ? b.msg('rule.alternativesAgree')
        : b.msg('rule.rangeAgrees', { input: b.text(label) }),
    );
  }
  for (const note of request.notes) {
    // An input's label comes in both languages (input / inputEn); show the reply's.
    const values =
      lang === 'en' && note.values['inputEn'] !== undefined
        ? { ...note.values, input: note.values['inputEn'] }
        : note.values;
    b.line(b.msg(note.key, values));
  }

  if (rule) {
    b.line(`${b.msg('label.basis')}: ${b.text(rule.legalBasis)}${b.mark(rule.confidence)}`);
    b.keyFact(rule.legalBasis.ko);
    b.cite(rule.sources);
  }
  if (usesDate) {
    b.line(
      request.dateAsked
        ? b.msg('rule.referenceAsked', { date: request.date.label })
        : b.msg('rule.referenceToday', { date: request.date.label }),
    );
    b.fact(request.date.label);
  }
  if (coverage?.state === 'in_period' && verdict !== 'unknown') {
    b.line(
      `${b.msg('label.period')}: ${coverage.periods.map((p) => `${b.text(p.label)}${b.mark(p.confidence)}`).join(', ')}`,
    );
    for (const p of coverage.periods) {
      b.keyFact(p.to);
      b.cite(p.sources);
      if (p.note) b.line(b.text(p.note));
    }
  }
  if (measure && local) writeLocalStart(b, kb, measure);
  if (measure && (verdict === 'unknown' || coverage?.state === 'before')) {
    const recorded = recordedPeriods(kb, measure, request.values['contractLevel']);
    b.line(`${b.msg('label.extensions')}:`);
    for (const p of recorded.periods) {
      b.line(`• ${b.text(p.label)}${b.mark(p.confidence)}`);
      b.fact(p.from, p.to);
      b.cite(p.sources);
    }
    b.cite(measure.sources);
  }

  const conditions = writeTrace(b, request, evaluation);

  return {
    decision: decision.id,
    decisionTitle: b.text(decision.title),
    verdict,
    rule: rule?.id ?? null,
    legalBasis: rule ? b.text(rule.legalBasis) : null,
    explanation: rule ? b.text(rule.explanation) : '',
    conditions,
    confidence: evaluation.confidence,
    asOf: usesDate ? { ...request.date, asked: request.dateAsked } : null,
    missingInputs: evaluation.missingInputs,
  };
}

/** For a local-government contract: when the local exceptions began, or that none are recorded. */
function writeLocalStart(b: AnswerBuilder, kb: KnowledgeBase, measure: Measure): void {
  const instrument =
    measure.instrument.value === null ? undefined : kb.instruments.get(measure.instrument.value);
  const start = instrument?.localStart;
  if (instrument === undefined || instrument.localPeriods.length === 0 || start === undefined) {
    b.line(b.msg('rule.noLocalRecord'));
    return;
  }
  b.line(`${b.text(start.label)}${b.mark(start.confidence)}`);
  if (start.note) b.line(b.text(start.note));
  b.cite(start.sources);
}

/** The trace: every rule looked at, in order, and what each condition gave. */
function writeTrace(
  b: AnswerBuilder,
  request: DecisionRequest,
  evaluation: Evaluation,
): RuleTrace['conditions'][number][] {
  const { decision } = request;
  const { rule } = evaluation;
  const lang = b.language;
  const conditions: RuleTrace['conditions'][number][] = [];
  const inputs = { values: request.values, date: request.date };
  const formatValue = (name: string, value: InputValue): string => {
    const asWritten = request.display?.[name];
    if (asWritten !== undefined && request.values[name] === value) return asWritten;
    const valueLabel =
      typeof value === 'string'
        ? decision.inputs.find((i) => i.name === name)?.valueLabels?.[value]
        : undefined;
    if (valueLabel !== undefined) return b.text(valueLabel);
    if (name === 'amountKrw' && typeof value === 'number') return formatWon(value, lang);
    if (name === 'sharePercent' && typeof value === 'number') return `${value}%`;
    if (typeof value === 'boolean') return b.msg(value ? 'yes' : 'no');
    return String(value);
  };
  b.line(`${b.msg('label.trace')}:`);
  // A rule about an input the question did not give (its `exists` check failed), or about another
  // kind of case than the one given (a contract type other than the one asked), was never in play.
  const kindOf = (name: string) => decision.inputs.find((i) => i.name === name)?.type;
  const inPlay = (step: Evaluation['steps'][number]) =>
    !step.conditions.some(
      (c) =>
        c.condition.kind === 'input' &&
        c.result === 'failed' &&
        (c.condition.op === 'exists' ||
          (c.condition.op === 'eq' &&
            kindOf(c.condition.input) === 'enum' &&
            request.values[c.condition.input] !== undefined)),
    );
  for (const step of evaluation.steps.filter(inPlay)) {
    const parts = step.conditions.map((c) => {
      const description = describeCondition(
        decision,
        c,
        inputs,
        lang,
        (key, values) => b.msg(key, values),
        formatValue,
      );
      conditions.push({ description: `${step.rule.id}: ${description}`, result: c.result });
      return `${description} → ${b.msg(`trace.${c.result}`)}`;
    });
    const head = `• ${step.rule.id}`;
    b.line(parts.length > 0 ? `${head}: ${parts.join('; ')}` : head);
  }
  if (rule) b.line(b.msg('trace.decidedBy', { rule: rule.id }));
  return conditions;
}

/** Restates an amount the question gave: 100억원 / KRW 10 billion. */
export function formatWon(krw: number, lang: 'ko' | 'en'): string {
  if (lang === 'en') {
    if (krw >= 1e9) return `KRW ${+(krw / 1e9).toFixed(2)} billion`;
    if (krw >= 1e6) return `KRW ${+(krw / 1e6).toFixed(1)} million`;
    return `KRW ${krw.toLocaleString('en-US')}`;
  }
  if (krw >= 1e8) return `${+(krw / 1e8).toFixed(2)}억원`;
  if (krw >= 1e4) return `${Math.round(krw / 1e4).toLocaleString('en-US')}만원`;
  return `${krw.toLocaleString('en-US')}원`;
}
