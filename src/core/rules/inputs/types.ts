import type { InputValue } from '../evaluate.js';

/** Why an input seen in the question could not be used. */
export type UnclearReason =
  /** An amount with no word saying whose it is (the company's sales or the project's amount). */
  | 'amount-role'
  /** A share or count with no word tying it to the input, next to others. */
  | 'value-role'
  /** Two different values for the same input. */
  | 'several-values'
  /** A value that cannot be: a negative count, an amount too large to be a number. */
  | 'impossible'
  /** An exception that holds only with an approval the question does not mention (a defence project). */
  | 'exception-approval';

/** An input the question mentions but whose value or role could not be decided. */
export interface UnclearInput {
  /** The input's name as in knowledge/rules.yaml (amountKrw, failedRounds ...), or salesKrw. */
  readonly input: string;
  readonly reason: UnclearReason;
}

/** A sentence about how an input was read; `key` names a message in knowledge/messages.yaml. */
export interface InputNote {
  readonly key: string;
  readonly values: Record<string, string>;
}

/**
 * What a decision's reader found in a question. The engine may give a verdict only when
 * `unclear` is empty; `missing` names the decision's inputs the question did not give.
 */
export interface InputReading {
  /** Input values by name (knowledge/rules.yaml input names), ready for the evaluator. */
  readonly values: Readonly<Record<string, InputValue>>;
  /** How the question wrote a value ("3분의 1", "79억 9천만원"), to show instead of the number. */
  readonly display: Readonly<Record<string, string>>;
  readonly notes: readonly InputNote[];
  /** Inputs the decision needs that the question did not give. */
  readonly missing: readonly string[];
  /** Inputs seen whose value or role could not be decided: no verdict may rest on them. */
  readonly unclear: readonly UnclearInput[];
  /** Whether the question gave anything this decision reads (a value, or something unclear). */
  readonly asked: boolean;
  /**
   * Values to try when the question bounds an input instead of giving it ("50% 넘게", "유찰됐어"
   * without a count): the verdict stands only if every alternative gives the same one.
   */
  readonly alternatives: readonly Readonly<Record<string, InputValue>>[];
}

/** Reads one decision's inputs from the prepared question text (see `prepareForReading`). */
export type InputReader = (text: string) => InputReading;

/** A reading being built by a reader. */
export interface InputDraft {
  values: Record<string, InputValue>;
  display: Record<string, string>;
  notes: InputNote[];
  unclear: UnclearInput[];
  alternatives: Record<string, InputValue>[];
  asked: boolean;
}

/** An empty draft for a reader to fill. */
export function startReading(): InputDraft {
  return { values: {}, display: {}, notes: [], unclear: [], alternatives: [], asked: false };
}

/**
 * Completes a draft: `required` inputs that have no value, no alternatives and were not seen
 * unclear are missing. `asked` holds when the reader marked something read, or saw something
 * unclear (a default such as "no re-subcontracting" is not asking).
 */
export function finishReading(draft: InputDraft, required: readonly string[]): InputReading {
  const covered = (name: string) =>
    name in draft.values ||
    draft.alternatives.some((alt) => name in alt) ||
    draft.unclear.some((u) => u.input === name);
  return {
    values: draft.values,
    display: draft.display,
    notes: draft.notes,
    missing: required.filter((name) => !covered(name)),
    unclear: draft.unclear,
    asked: draft.asked || draft.unclear.length > 0,
    alternatives: draft.alternatives,
  };
}
