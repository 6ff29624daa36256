import { MessageBook } from '../src/core/messages.js';
import type { KnowledgeBase } from '../src/knowledge/parse.js';
import type { Command } from './command.js';
import { EVERYWHERE } from './install.js';
import { named } from './text.js';
import { suggestYears, yearOption } from './year.js';

/** The briefing facts of an edition (the latest when no year is given): its `briefing-*` topics. */
export function briefingTopics(kb: KnowledgeBase, year: number | null): string[] {
  const edition = kb.editions.find((e) => e.year === year) ?? kb.editions.at(-1);
  return (edition?.topics ?? [])
    .filter((t) => t.group === 'briefing' && t.id.startsWith('briefing-'))
    .map((t) => t.id);
}

export default {
  name: 'briefing',
  data(kb) {
    const book = new MessageBook(kb.messages);
    return {
      ...EVERYWHERE,
      ...named(book, 'briefing', '설명회', 'command.briefing'),
      options: [yearOption(book, 'command.briefing.year')],
    };
  },
  async execute(interaction, context) {
    const year = await context.readYear(interaction);
    if (year === 'invalid') return;
    const { kb } = context.engine;
    const ids = briefingTopics(kb, year);
    await context.respond(
      interaction,
      { kind: 'topics', ids, year: year ?? kb.editions.at(-1)?.year },
      { ephemeral: true },
    );
  },
  autocomplete: suggestYears,
} as const satisfies Command;
