import type { FormErrors } from './errors.js';
import {
  checkString,
  checkArray,
  checkIntegerRange,
  requireObject,
  validateLocalizations,
  validateChoice,
  type Path,
} from './validation.js';

/** Validation of application command bodies (names, localizations, options), as Discord does it. */

// Discord's documented CHAT_INPUT name rule (Devanagari/Thai are listed for their combining marks).
const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function isValidChatInputName(name: string): boolean {
  return CHAT_INPUT_NAME.test(name) && name === name.toLowerCase();
}

function validateCommandName(
  errors: FormErrors,
  path: Path,
  value: unknown,
  chatInput: boolean,
): string | undefined {
  const name = checkString(errors, path, value, { min: 1, max: 32, required: true });
  if (name !== undefined && chatInput && !isValidChatInputName(name)) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
  return name;
}

const CHOICE_OPTION_TYPES = new Set([3, 4, 10]);

function validateOptions(errors: FormErrors, path: Path, value: unknown, depth: number): void {
  const options = checkArray(errors, path, value, { max: 25 });
  if (!options) return;
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((raw, index) => {
    const at = [...path, index];
    const option = requireObject(errors, at, raw);
    if (!option) return;
    const type = option.type;
    if (typeof type !== 'number' || !Number.isInteger(type) || type < 1 || type > 11) {
      errors.add(
        [...at, 'type'],
        'BASE_TYPE_CHOICES',
        'Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.',
      );
      return;
    }
    const name = validateCommandName(errors, [...at, 'name'], option.name, true);
    if (name !== undefined) {
      if (names.has(name))
        errors.add(
          [...at, 'name'],
          'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS',
          'Option names must be unique',
        );
      names.add(name);
    }
    validateLocalizations(
      errors,
      [...at, 'name_localizations'],
      option.name_localizations,
      { min: 1, max: 32 },
      isValidChatInputName,
    );
    checkString(errors, [...at, 'description'], option.description, { min: 1, max: 100, required: true });
    validateLocalizations(errors, [...at, 'description_localizations'], option.description_localizations, {
      min: 1,
      max: 100,
    });

    if (type === 1 || type === 2) {
      if (depth >= (type === 2 ? 1 : 2)) {
        errors.add(
          [...at, 'type'],
          'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          'Sub-command and sub-command group option types are mutually exclusive to all other types',
        );
      }
      validateOptions(errors, [...at, 'options'], option.options, depth + 1);
      return;
    }
    if (option.required === true) {
      if (sawOptional) {
        errors.add(
          [...at, 'required'],
          'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          'Required options must be placed before non-required options',
        );
      }
    } else {
      sawOptional = true;
    }
    const choices = checkArray(errors, [...at, 'choices'], option.choices, { max: 25 });
    if (choices && choices.length > 0) {
      if (!CHOICE_OPTION_TYPES.has(type)) {
        errors.add(
          [...at, 'choices'],
          'APPLICATION_COMMAND_OPTION_CHOICES_INVALID',
          'Choices are only allowed on string, integer and number options',
        );
      }
      if (option.autocomplete === true) {
        errors.add(
          [...at, 'autocomplete'],
          'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID',
          'Autocomplete cannot be set on options with choices',
        );
      }
      choices.forEach((choice, choiceIndex) => {
        validateChoice(errors, [...at, 'choices', choiceIndex], choice, type === 3);
      });
    }
    checkIntegerRange(errors, [...at, 'min_length'], option.min_length, 0, 6000);
    checkIntegerRange(errors, [...at, 'max_length'], option.max_length, 1, 6000);
  });
}

/** Validates one application command create/overwrite body. Returns its (type, name) key. */
export function validateCommand(
  errors: FormErrors,
  path: Path,
  raw: unknown,
): { type: number; name: string } | undefined {
  const command = requireObject(errors, path, raw);
  if (!command) return undefined;
  const type = command.type ?? 1;
  if (type !== 1 && type !== 2 && type !== 3 && type !== 4) {
    errors.add([...path, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4}.');
    return undefined;
  }
  const chatInput = type === 1;
  const name = validateCommandName(errors, [...path, 'name'], command.name, chatInput);
  validateLocalizations(
    errors,
    [...path, 'name_localizations'],
    command.name_localizations,
    { min: 1, max: 32 },
    chatInput ? isValidChatInputName : undefined,
  );
  if (chatInput) {
    checkString(errors, [...path, 'description'], command.description, { min: 1, max: 100, required: true });
    validateLocalizations(errors, [...path, 'description_localizations'], command.description_localizations, {
      min: 1,
      max: 100,
    });
    validateOptions(errors, [...path, 'options'], command.options, 0);
  } else if (typeof command.description === 'string' && command.description !== '') {
    errors.add(
      [...path, 'description'],
      'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION_INVALID',
      'Context menu commands cannot have description',
    );
  }
  const perms = command.default_member_permissions;
  if (perms !== undefined && perms !== null && (typeof perms !== 'string' || !/^\d+$/.test(perms))) {
    errors.add(
      [...path, 'default_member_permissions'],
      'BASE_TYPE_STRING',
      'Must be a permission bitfield string.',
    );
  }
  return name === undefined ? undefined : { type, name };
}
