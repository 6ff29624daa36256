/** Why the fact lock refused a rewording. */
export type FactLockReason =
  | 'empty'
  | 'too_long'
  | 'odd_character'
  | 'mentions'
  | 'new_url'
  | 'wrong_language'
  | 'changed_trace'
  | 'new_number'
  | 'changed_date'
  | 'changed_amount'
  | 'repeated_fact'
  | 'unknown_project'
  | 'dropped_key_fact'
  | 'verdict_changed'
  | 'inference_changed'
  | 'changed_qualifier'
  | 'wrong_pairing'
  | 'new_word';

/** Outcome of a fact-lock check. */
export type FactLockResult =
  { readonly ok: true } | { readonly ok: false; readonly reason: FactLockReason; readonly detail: string };

/** A refusal with its reason and a detail for the log. */
export function reject(reason: FactLockReason, detail: string): FactLockResult {
  return { ok: false, reason, detail };
}
