import type { FormErrors } from './errors.js';
import {
  checkString,
  checkArray,
  checkIntegerRange,
  requireObject,
  SELECT_TYPES,
  checkCustomId,
  validateChoice,
  type Path,
} from './validation.js';

/** Validation of interaction responses that are not messages: autocomplete results and modals. */

/** Type 8 (APPLICATION_COMMAND_AUTOCOMPLETE_RESULT) callback data. */
export function validateAutocompleteData(
  errors: FormErrors,
  path: Path,
  data: Record<string, unknown>,
): void {
  const choices = checkArray(errors, [...path, 'choices'], data.choices, { max: 25, required: true });
  choices?.forEach((choice, index) => {
    validateChoice(errors, [...path, 'choices', index], choice, false);
  });
}

function validateTextInput(
  errors: FormErrors,
  path: Path,
  input: Record<string, unknown>,
  seen: Set<string>,
  labelRequired: boolean,
): void {
  if (input.type !== 4) {
    // Modals also accept selects inside labels; only text inputs get detailed checks here.
    if (SELECT_TYPES.has(input.type as number))
      checkCustomId(errors, [...path, 'custom_id'], input.custom_id, seen);
    return;
  }
  checkCustomId(errors, [...path, 'custom_id'], input.custom_id, seen);
  if (input.style !== 1 && input.style !== 2)
    errors.add([...path, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2}.');
  checkString(errors, [...path, 'label'], input.label, { min: 1, max: 45, required: labelRequired });
  checkString(errors, [...path, 'placeholder'], input.placeholder, { max: 100 });
  checkString(errors, [...path, 'value'], input.value, { max: 4000 });
  checkIntegerRange(errors, [...path, 'min_length'], input.min_length, 0, 4000);
  checkIntegerRange(errors, [...path, 'max_length'], input.max_length, 1, 4000);
}

/** Type 9 (MODAL) callback data: legacy action rows of text inputs, or label (18) / text display (10). */
export function validateModalData(errors: FormErrors, path: Path, data: Record<string, unknown>): void {
  checkString(errors, [...path, 'custom_id'], data.custom_id, { min: 1, max: 100, required: true });
  checkString(errors, [...path, 'title'], data.title, { min: 1, max: 45, required: true });
  const rows = checkArray(errors, [...path, 'components'], data.components, {
    min: 1,
    max: 5,
    required: true,
  });
  const seen = new Set<string>();
  rows?.forEach((raw, index) => {
    const at = [...path, 'components', index];
    const row = requireObject(errors, at, raw);
    if (!row) return;
    if (row.type === 1) {
      const children = checkArray(errors, [...at, 'components'], row.components, {
        min: 1,
        max: 1,
        required: true,
      });
      children?.forEach((child, childIndex) => {
        const input = requireObject(errors, [...at, 'components', childIndex], child);
        if (input) validateTextInput(errors, [...at, 'components', childIndex], input, seen, true);
      });
    } else if (row.type === 18) {
      checkString(errors, [...at, 'label'], row.label, { min: 1, max: 45, required: true });
      const input = requireObject(errors, [...at, 'component'], row.component);
      if (input) validateTextInput(errors, [...at, 'component'], input, seen, false);
    } else if (row.type !== 10) {
      errors.add([...at, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 10, 18}.');
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Application commands
// ---------------------------------------------------------------------------------------------
