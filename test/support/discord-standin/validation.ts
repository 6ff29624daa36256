import type { FormErrors } from './errors.js';
import { charLength, isRecord } from './util.js';

type Path = readonly (string | number)[];

/** Locales Discord accepts in `name_localizations` / `description_localizations` and as `locale`. */
export const DISCORD_LOCALES: ReadonlySet<string> = new Set([
  'id',
  'da',
  'de',
  'en-GB',
  'en-US',
  'es-ES',
  'es-419',
  'fr',
  'hr',
  'it',
  'lt',
  'hu',
  'nl',
  'no',
  'pl',
  'pt-BR',
  'ro',
  'fi',
  'sv-SE',
  'vi',
  'tr',
  'cs',
  'el',
  'bg',
  'ru',
  'uk',
  'hi',
  'th',
  'zh-CN',
  'ja',
  'zh-TW',
  'ko',
]);

// Discord's documented CHAT_INPUT name rule (Devanagari/Thai are listed for their combining marks).
const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

export const MessageFlagBits = {
  SuppressEmbeds: 1 << 2,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  SuppressNotifications: 1 << 12,
  IsComponentsV2: 1 << 15,
} as const;

function lengthError(min: number, max: number): { code: string; message: string } {
  return min > 0
    ? { code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between ${min} and ${max} in length.` }
    : { code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` };
}

function required(errors: FormErrors, path: Path): void {
  errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
}

/** Validates an optional (or required) string's type and length; returns it when usable. */
function checkString(
  errors: FormErrors,
  path: Path,
  value: unknown,
  limits: { min?: number; max: number; required?: boolean },
): string | undefined {
  if (value === undefined || value === null) {
    if (limits.required === true) required(errors, path);
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.add(path, 'BASE_TYPE_STRING', `Could not interpret "${JSON.stringify(value)}" as string.`);
    return undefined;
  }
  const min = limits.min ?? 0;
  const length = charLength(value);
  if (length < min || length > limits.max) {
    const { code, message } = lengthError(min, limits.max);
    errors.add(path, code, message);
  }
  return value;
}

/** Validates an optional (or required) array's length; returns it when it is an array. */
function checkArray(
  errors: FormErrors,
  path: Path,
  value: unknown,
  limits: { min?: number; max: number; required?: boolean },
): unknown[] | undefined {
  if (value === undefined || value === null) {
    if (limits.required === true) required(errors, path);
    return undefined;
  }
  if (!Array.isArray(value)) {
    errors.add(path, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return undefined;
  }
  const min = limits.min ?? 0;
  if (value.length < min || value.length > limits.max) {
    const { code, message } = lengthError(min, limits.max);
    errors.add(path, code, message);
  }
  return value as unknown[];
}

function checkIntegerRange(errors: FormErrors, path: Path, value: unknown, min: number, max: number): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    errors.add(path, 'NUMBER_TYPE_MAX', `int value should be between ${min} and ${max}.`);
  }
}

function requireObject(errors: FormErrors, path: Path, value: unknown): Record<string, unknown> | undefined {
  if (isRecord(value)) return value;
  errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

/** Sum of the embed text Discord counts towards the 6000-character limit. */
function embedTextLength(embed: Record<string, unknown>): number {
  const text = (value: unknown): number => (typeof value === 'string' ? charLength(value) : 0);
  let total = text(embed.title) + text(embed.description);
  if (isRecord(embed.footer)) total += text(embed.footer.text);
  if (isRecord(embed.author)) total += text(embed.author.name);
  if (Array.isArray(embed.fields)) {
    for (const field of embed.fields) if (isRecord(field)) total += text(field.name) + text(field.value);
  }
  return total;
}

function validateEmbeds(errors: FormErrors, path: Path, value: unknown): void {
  const embeds = checkArray(errors, path, value, { max: 10 });
  if (!embeds) return;
  let total = 0;
  embeds.forEach((raw, index) => {
    const at = [...path, index];
    const embed = requireObject(errors, at, raw);
    if (!embed) return;
    checkString(errors, [...at, 'title'], embed.title, { max: 256 });
    checkString(errors, [...at, 'description'], embed.description, { max: 4096 });
    checkString(errors, [...at, 'url'], embed.url, { max: 2048 });
    if (isRecord(embed.footer))
      checkString(errors, [...at, 'footer', 'text'], embed.footer.text, {
        min: 1,
        max: 2048,
        required: true,
      });
    if (isRecord(embed.author))
      checkString(errors, [...at, 'author', 'name'], embed.author.name, { min: 1, max: 256, required: true });
    const fields = checkArray(errors, [...at, 'fields'], embed.fields, { max: 25 });
    fields?.forEach((rawField, fieldIndex) => {
      const fieldPath = [...at, 'fields', fieldIndex];
      const field = requireObject(errors, fieldPath, rawField);
      if (!field) return;
      checkString(errors, [...fieldPath, 'name'], field.name, { min: 1, max: 256, required: true });
      checkString(errors, [...fieldPath, 'value'], field.value, { min: 1, max: 1024, required: true });
    });
    total += embedTextLength(embed);
  });
  if (total > 6000) errors.add(path, 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
}

const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);

function checkCustomId(errors: FormErrors, path: Path, value: unknown, seen: Set<string>): void {
  const customId = checkString(errors, path, value, { min: 1, max: 100, required: true });
  if (customId === undefined) return;
  if (seen.has(customId))
    errors.add(path, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
  seen.add(customId);
}

function validateInteractive(
  errors: FormErrors,
  path: Path,
  component: Record<string, unknown>,
  seen: Set<string>,
): void {
  if (component.type === 2) {
    const style = component.style;
    if (typeof style !== 'number' || style < 1 || style > 6) {
      errors.add([...path, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6}.');
    }
    if (style === 5) {
      checkString(errors, [...path, 'url'], component.url, { min: 1, max: 512, required: true });
      if (component.custom_id !== undefined) {
        errors.add(
          [...path, 'custom_id'],
          'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED',
          'A custom id cannot be set on a link button',
        );
      }
    } else if (style !== 6) {
      checkCustomId(errors, [...path, 'custom_id'], component.custom_id, seen);
    }
    checkString(errors, [...path, 'label'], component.label, { max: 80 });
    return;
  }
  if (SELECT_TYPES.has(component.type as number)) {
    checkCustomId(errors, [...path, 'custom_id'], component.custom_id, seen);
    checkString(errors, [...path, 'placeholder'], component.placeholder, { max: 150 });
    checkIntegerRange(errors, [...path, 'min_values'], component.min_values, 0, 25);
    checkIntegerRange(errors, [...path, 'max_values'], component.max_values, 1, 25);
    if (component.type === 3) {
      const options = checkArray(errors, [...path, 'options'], component.options, {
        min: 1,
        max: 25,
        required: true,
      });
      options?.forEach((rawOption, index) => {
        const optionPath = [...path, 'options', index];
        const option = requireObject(errors, optionPath, rawOption);
        if (!option) return;
        checkString(errors, [...optionPath, 'label'], option.label, { min: 1, max: 100, required: true });
        checkString(errors, [...optionPath, 'value'], option.value, { min: 1, max: 100, required: true });
        checkString(errors, [...optionPath, 'description'], option.description, { max: 100 });
      });
    }
    return;
  }
  if (component.type === 4) {
    errors.add([...path, 'type'], 'COMPONENT_TYPE_INVALID', 'Text inputs are only allowed in modals');
  }
}

function validateActionRow(
  errors: FormErrors,
  path: Path,
  row: Record<string, unknown>,
  seen: Set<string>,
): void {
  const children = checkArray(errors, [...path, 'components'], row.components, {
    min: 1,
    max: 5,
    required: true,
  });
  if (!children) return;
  const hasSelect = children.some((child) => isRecord(child) && SELECT_TYPES.has(child.type as number));
  if (hasSelect && children.length > 1) {
    errors.add(
      [...path, 'components'],
      'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
      'The specified component exceeds the maximum width',
    );
  }
  children.forEach((raw, index) => {
    const child = requireObject(errors, [...path, 'components', index], raw);
    if (child) validateInteractive(errors, [...path, 'components', index], child, seen);
  });
}

/** Components V2 layouts nest freely; validate every action row / interactive component found. */
function validateNested(
  errors: FormErrors,
  path: Path,
  component: Record<string, unknown>,
  seen: Set<string>,
): void {
  if (component.type === 1) {
    validateActionRow(errors, path, component, seen);
    return;
  }
  validateInteractive(errors, path, component, seen);
  if (isRecord(component.accessory))
    validateNested(errors, [...path, 'accessory'], component.accessory, seen);
  if (Array.isArray(component.components)) {
    component.components.forEach((child, index) => {
      if (isRecord(child)) validateNested(errors, [...path, 'components', index], child, seen);
    });
  }
}

function validateComponents(errors: FormErrors, path: Path, value: unknown, componentsV2: boolean): void {
  const components = checkArray(errors, path, value, { max: componentsV2 ? 40 : 5 });
  if (!components) return;
  const seen = new Set<string>();
  components.forEach((raw, index) => {
    const component = requireObject(errors, [...path, index], raw);
    if (!component) return;
    if (componentsV2) validateNested(errors, [...path, index], component, seen);
    else if (component.type !== 1)
      errors.add([...path, index, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1}.');
    else validateActionRow(errors, [...path, index], component, seen);
  });
}

function validateAllowedMentions(errors: FormErrors, path: Path, value: unknown): void {
  if (value === undefined || value === null) return;
  const allowed = requireObject(errors, path, value);
  if (!allowed) return;
  const parse = checkArray(errors, [...path, 'parse'], allowed.parse, { max: 3 });
  parse?.forEach((entry, index) => {
    if (entry !== 'users' && entry !== 'roles' && entry !== 'everyone') {
      errors.add(
        [...path, 'parse', index],
        'BASE_TYPE_CHOICES',
        "Value must be one of {'everyone', 'users', 'roles'}.",
      );
    }
  });
  for (const kind of ['users', 'roles'] as const) {
    const ids = checkArray(errors, [...path, kind], allowed[kind], { max: 100 });
    if (ids && ids.length > 0 && parse?.includes(kind) === true) {
      errors.add(
        [...path, kind],
        'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
      );
    }
  }
}

/**
 * Field-level checks for a message create/edit body (channel message, interaction response data,
 * webhook message). Emptiness is checked separately on the resulting message.
 */
export function validateMessageBody(errors: FormErrors, path: Path, body: Record<string, unknown>): void {
  checkString(errors, [...path, 'content'], body.content, { max: 2000 });
  validateEmbeds(errors, [...path, 'embeds'], body.embeds);
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  validateComponents(
    errors,
    [...path, 'components'],
    body.components,
    (flags & MessageFlagBits.IsComponentsV2) !== 0,
  );
  validateAllowedMentions(errors, [...path, 'allowed_mentions'], body.allowed_mentions);
  checkArray(errors, [...path, 'attachments'], body.attachments, { max: 10 });
  if (
    body.flags !== undefined &&
    body.flags !== null &&
    (typeof body.flags !== 'number' || !Number.isInteger(body.flags))
  ) {
    errors.add([...path, 'flags'], 'NUMBER_TYPE_COERCE', `Value ${JSON.stringify(body.flags)} is not int.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Interaction responses that are not messages
// ---------------------------------------------------------------------------------------------

function validateChoice(errors: FormErrors, path: Path, raw: unknown, valueIsString: boolean): void {
  const choice = requireObject(errors, path, raw);
  if (!choice) return;
  checkString(errors, [...path, 'name'], choice.name, { min: 1, max: 100, required: true });
  validateLocalizations(errors, [...path, 'name_localizations'], choice.name_localizations, {
    min: 1,
    max: 100,
  });
  if (choice.value === undefined || choice.value === null) required(errors, [...path, 'value']);
  else if (typeof choice.value === 'string')
    checkString(errors, [...path, 'value'], choice.value, { max: 100 });
  else if (typeof choice.value !== 'number' || valueIsString) {
    errors.add(
      [...path, 'value'],
      'BASE_TYPE_STRING',
      `Could not interpret "${JSON.stringify(choice.value)}" as string.`,
    );
  }
}

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

function validateLocalizations(
  errors: FormErrors,
  path: Path,
  value: unknown,
  limits: { min: number; max: number },
  nameRule?: (name: string) => boolean,
): void {
  if (value === undefined || value === null) return;
  const dict = requireObject(errors, path, value);
  if (!dict) return;
  for (const [locale, text] of Object.entries(dict)) {
    if (!DISCORD_LOCALES.has(locale)) {
      errors.add([...path, locale], 'ENUM_TYPE_COERCE', `Value "${locale}" is not a valid enum value.`);
      continue;
    }
    const checked = checkString(errors, [...path, locale], text, { ...limits, required: true });
    if (checked !== undefined && nameRule && !nameRule(checked)) {
      errors.add([...path, locale], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    }
  }
}

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
