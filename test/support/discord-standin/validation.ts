import type { FormErrors } from './errors.js';
import { charLength, isRecord } from './util.js';

export type Path = readonly (string | number)[];

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

export const MessageFlagBits = {
  SuppressEmbeds: 1 << 2,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  SuppressNotifications: 1 << 12,
  IsComponentsV2: 1 << 15,
} as const;

export function lengthError(min: number, max: number): { code: string; message: string } {
  return min > 0
    ? { code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between ${min} and ${max} in length.` }
    : { code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` };
}

export function required(errors: FormErrors, path: Path): void {
  errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
}

/** Validates an optional (or required) string's type and length; returns it when usable. */
export function checkString(
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
export function checkArray(
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

export function checkIntegerRange(
  errors: FormErrors,
  path: Path,
  value: unknown,
  min: number,
  max: number,
): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    errors.add(path, 'NUMBER_TYPE_MAX', `int value should be between ${min} and ${max}.`);
  }
}

export function requireObject(
  errors: FormErrors,
  path: Path,
  value: unknown,
): Record<string, unknown> | undefined {
  if (isRecord(value)) return value;
  errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

export const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);

export function checkCustomId(errors: FormErrors, path: Path, value: unknown, seen: Set<string>): void {
  const customId = checkString(errors, path, value, { min: 1, max: 100, required: true });
  if (customId === undefined) return;
  if (seen.has(customId))
    errors.add(path, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
  seen.add(customId);
}

export function validateLocalizations(
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

export function validateChoice(errors: FormErrors, path: Path, raw: unknown, valueIsString: boolean): void {
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
