import type { MessageBook } from '../src/core/messages.js';
import type { Localized } from '../src/knowledge/schema.js';

/** A message in both languages, as command definitions take it. */
export function localized(
  book: MessageBook,
  key: string,
  values: Record<string, string | number> = {},
): Localized {
  return { en: book.get(key, 'en', values), ko: book.get(key, 'ko', values) };
}

/** `description` (English, Discord's default) and its Korean localization, from the message catalogue. */
export function described(book: MessageBook, key: string, values: Record<string, string | number> = {}) {
  const text = localized(book, key, values);
  return { description: text.en, description_localizations: { ko: text.ko } };
}

/** One option choice: its label in both languages, and its value. */
export function choice<V extends string | number>(label: Localized, value: V) {
  return { name: label.en, name_localizations: { ko: label.ko }, value };
}

/** A command's or option's name, its Korean name, and its description from the message catalogue. */
export function named(
  book: MessageBook,
  name: string,
  ko: string,
  key: string,
  values: Record<string, string | number> = {},
) {
  return { name, name_localizations: { ko }, ...described(book, key, values) };
}
