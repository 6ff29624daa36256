import { ApplicationCommandOptionType } from 'discord.js';
import type { ProjectAspect } from '../src/core/engine.js';
import { MessageBook } from '../src/core/messages.js';
import type { Command } from './command.js';
import { EVERYWHERE } from './install.js';
import { choice, localized, named } from './text.js';
import { suggestYears, yearOption } from './year.js';

/** The aspects `/project` offers; each one's label is `command.project.aspect.<aspect>` in the catalogue. */
export const ASPECTS = [
  'budget',
  'phase',
  'leadAgency',
  'orderSchedule',
  'isNew',
  'briefed',
  'longTermContract',
  'category',
  'description',
] as const satisfies readonly ProjectAspect[];

export default {
  name: 'project',
  data(kb) {
    const book = new MessageBook(kb.messages);
    return {
      ...EVERYWHERE,
      ...named(book, 'project', '사업', 'command.project'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          ...named(book, 'name', '이름', 'command.project.name'),
          required: true,
          autocomplete: true,
          max_length: 100,
        },
        {
          type: ApplicationCommandOptionType.String,
          ...named(book, 'aspect', '항목', 'command.project.aspect'),
          choices: ASPECTS.map((a) => choice(localized(book, `command.project.aspect.${a}`), a)),
        },
        yearOption(book, 'command.project.year'),
        {
          type: ApplicationCommandOptionType.Boolean,
          ...named(book, 'public', '공개', 'command.project.public'),
        },
      ],
    };
  },
  async execute(interaction, context) {
    const language = context.languageOf(interaction);
    const typed = interaction.options.getString('name', true);
    const { engine } = context;
    // Autocomplete suggests ids, but the field is free text: resolve whatever was typed.
    const project =
      engine.kb.projects.find((p) => p.id === typed) ??
      engine.kb.projects.find((p) => p.id === engine.suggestProjects(typed, language, 1)[0]?.id);
    const aspect = await context.readChoice(interaction, 'aspect', ASPECTS, {
      label: { en: 'aspect', ko: '항목' },
    });
    if (aspect === 'invalid') return;
    const year = await context.readYear(interaction);
    if (year === 'invalid') return;
    const ephemeral = !(interaction.options.getBoolean('public') ?? false);
    if (project === undefined) {
      await context.respond(interaction, { kind: 'question', text: typed }, { ephemeral, title: typed });
      return;
    }
    await context.respond(
      interaction,
      { kind: 'project', id: project.id, aspect, year: year ?? undefined },
      { ephemeral },
    );
  },
  async autocomplete(interaction, context) {
    if (interaction.options.getFocused(true).name === 'year') {
      await suggestYears(interaction, context);
      return;
    }
    const choices = context.engine
      .suggestProjects(interaction.options.getFocused(), context.languageOf(interaction), 25)
      .map((s) => ({ name: s.name, value: s.id }));
    await interaction.respond(choices);
  },
} as const satisfies Command;
