import type { Decision } from '../../knowledge/schema.js';
import type { AnswerBuilder } from '../compose.js';
import type { EngineContext } from '../context.js';
import type { Reading } from '../reading/read.js';
import type { DecisionRequest } from '../ruleAnswer.js';
import { evaluateDecision } from '../rules/evaluate.js';
import type { Answer } from '../types.js';

// Readings of a rule question that decide how it is answered: doing without the measure, and a
// count asked of one of the rule's inputs.

/** Steps an exception lets one skip: "재공고 없이 수의계약" is the exception itself, not doing without it. */
const SKIPPED_STEP =
  /재\s*공고|재\s*입찰|re-?\s?bid|re-?\s?announce|re-?\s?tender|현장\s*설명|site\s+briefing/u;
const NOT_DONE_AFTER =
  /^\S{0,2}\s*(?:(?:적용|사용|활용)\s*)?(?:안\s*(?:하|쓰|받|해)|하지\s*않|쓰지\s*않|말고|아니(?:라면|면))/u;
const NOT_DONE_BEFORE = /\b(?:instead\s+of|rather\s+than|not\s+using|skip(?:ping)?)\s+(?:an?\s+|the\s+)?$/u;

/**
 * "긴급입찰 안 하고 일반입찰로 40일 공고해도 됐었나?": a measure's own words said as not done — doing
 * without the measure is asked, which its verdict does not decide (it may have been mandatory then).
 * Measures only: a negated fact ("상출제는 아니고") is the rule's input, not this.
 */
export function doneWithout(r: Reading, decision: Decision): boolean {
  return (
    decision.measure !== undefined &&
    r.hits.decisions.some((h) => h.target === decision.id && withoutIt(r.lowered, h.phrase))
  );
}

/** The rule's own words said as not done: "긴급입찰 안 하고", "특례 안 쓰고", "instead of emergency bidding". */
function withoutIt(lowered: string, phrase: string): boolean {
  const words = phrase.toLowerCase();
  if (SKIPPED_STEP.test(words)) return false;
  for (let at = lowered.indexOf(words); at >= 0; at = lowered.indexOf(words, at + 1)) {
    if (NOT_DONE_AFTER.test(lowered.slice(at + words.length, at + words.length + 16))) return true;
    if (NOT_DONE_BEFORE.test(lowered.slice(Math.max(0, at - 24), at))) return true;
  }
  return false;
}

/**
 * A count asked of a rule's input ("how many failed rounds does it take?"): the smallest of the
 * values the question leaves open that the rule allows, when a smaller one is not allowed — said
 * with the rule that allows it, and no verdict (nothing was asked to be judged).
 */
export function answerThreshold(
  b: AnswerBuilder,
  ctx: EngineContext,
  r: Reading,
  request: DecisionRequest,
): Answer | null {
  const alternatives = request.alternatives.length > 0 ? request.alternatives : countsToTry(request);
  const names = new Set(alternatives.flatMap((a) => Object.keys(a)));
  if (names.size !== 1 || alternatives.length < 2) return null;
  const [name] = [...names] as [string];
  const input = request.decision.inputs.find((i) => i.name === name);
  if (input === undefined || input.type !== 'number') return null;
  const tried = alternatives
    .map((a) => ({
      value: Number(a[name]),
      evaluation: evaluateDecision(ctx.kb, request.decision, {
        ...request,
        values: { ...request.values, ...a },
      }),
    }))
    .filter((t) => Number.isInteger(t.value))
    .sort((x, y) => x.value - y.value);
  const at = tried.findIndex((t) => t.evaluation.verdict === 'allowed');
  if (at < 1 || tried[at - 1]!.evaluation.verdict !== 'not_allowed') return null;
  const { value, evaluation } = tried[at]!;
  const rule = evaluation.rule;
  if (rule === null) return null;
  b.line(b.text(request.decision.title));
  b.line(b.msg('rule.threshold', { input: b.text(input.label), value: String(value) }));
  b.line(b.text(rule.explanation));
  b.line(`${b.msg('label.basis')}: ${b.text(rule.legalBasis)}${b.mark(rule.confidence)}`);
  b.cite(rule.sources);
  return b.build({ status: 'answered', kind: 'rule', projects: [...r.projectIds] });
}

/** A count the question does not give ("what has to happen before …?"): 1, 2, … up to the input's `countUpTo`. */
function countsToTry(request: DecisionRequest): Record<string, number>[] {
  const missing = request.decision.inputs.filter(
    (i) => i.countUpTo !== undefined && request.values[i.name] === undefined,
  );
  if (missing.length !== 1) return [];
  const [input] = missing as [(typeof missing)[number]];
  return Array.from({ length: input.countUpTo! }, (_, k) => ({ [input.name]: k + 1 }));
}
