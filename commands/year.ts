import { ApplicationCommandOptionType, type AutocompleteInteraction } from 'discord.js';
import type { MessageBook } from '../src/core/messages.js';
import type { KnowledgeBase } from '../src/knowledge/parse.js';
import type { CommandContext } from './command.js';
import { named } from './text.js';

/**
 * The `year` option: the program year (an edition of the knowledge base), suggested as the user
 * types, so a new edition shows up without registering the commands again.
 */
export function yearOption(book: MessageBook, descriptionKey: string) {
  return {
    type: ApplicationCommandOptionType.Integer,
    ...named(book, 'year', '연도', descriptionKey),
    autocomplete: true,
  } as const;
}

/** The years of the knowledge base's editions, latest first. */
export function editionYears(kb: KnowledgeBase): number[] {
  return kb.editions.map((e) => e.year).reverse();
}

/** Suggests the editions whose year starts with what was typed (every edition for anything else). */
export async function suggestYears(
  interaction: AutocompleteInteraction,
  context: CommandContext,
): Promise<void> {
  const typed = interaction.options.getFocused().trim();
  const years = editionYears(context.engine.kb);
  const fitting = years.filter((year) => String(year).startsWith(typed));
  const language = context.languageOf(interaction);
  await interaction.respond(
    (fitting.length > 0 ? fitting : years).map((year) => ({
      name: context.book.get('command.year.choice', language, { year }),
      value: year,
    })),
  );
}
