import type { FormErrors } from './errors.js';
import { charLength, isRecord } from './util.js';
import {
  checkString,
  checkArray,
  checkIntegerRange,
  requireObject,
  SELECT_TYPES,
  checkCustomId,
  MessageFlagBits,
  type Path,
} from './validation.js';

/** Validation of message bodies (content, embeds, components, allowed mentions), as Discord does it. */

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
