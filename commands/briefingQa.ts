import { ApplicationCommandOptionType } from 'discord.js';
import { DEFAULT_LIMITS } from '../src/briefing/model.js';
import { MessageBook } from '../src/core/messages.js';
import type { Command } from './command.js';
import { SERVER_ONLY } from './install.js';
import { named } from './text.js';

export default {
  name: 'briefing-qa',
  data(kb) {
    const book = new MessageBook(kb.messages);
    return {
      ...SERVER_ONLY,
      ...named(book, 'briefing-qa', '설명회-질문', 'command.briefingQa'),
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          ...named(book, 'ask', '질문', 'command.briefingQa.ask'),
          options: [
            {
              type: ApplicationCommandOptionType.String,
              ...named(book, 'question', '질문', 'command.briefingQa.ask.question', {
                max: DEFAULT_LIMITS.maxLength,
              }),
              required: true,
              max_length: DEFAULT_LIMITS.maxLength,
            },
          ],
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          ...named(book, 'start', '시작', 'command.briefingQa.start'),
          options: [
            {
              type: ApplicationCommandOptionType.String,
              ...named(book, 'title', '제목', 'command.briefingQa.start.title'),
              required: true,
              max_length: 100,
            },
          ],
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          ...named(book, 'stop', '종료', 'command.briefingQa.stop'),
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          ...named(book, 'organiser-role', '진행자역할', 'command.briefingQa.organiserRole'),
          options: [
            {
              type: ApplicationCommandOptionType.Role,
              ...named(book, 'role', '역할', 'command.briefingQa.organiserRole.role'),
            },
          ],
        },
        {
          type: ApplicationCommandOptionType.Subcommand,
          ...named(book, 'export', '내보내기', 'command.briefingQa.export'),
          options: [
            {
              type: ApplicationCommandOptionType.Boolean,
              ...named(book, 'include_names', '이름포함', 'command.briefingQa.export.includeNames'),
            },
          ],
        },
      ],
    };
  },
  async execute(interaction, context) {
    const subcommand = interaction.options.getSubcommand(true);
    switch (subcommand) {
      case 'ask':
        await context.briefing.ask(interaction, interaction.options.getString('question', true));
        return;
      case 'start':
        await context.briefing.start(interaction, interaction.options.getString('title', true));
        return;
      case 'stop':
        await context.briefing.stop(interaction);
        return;
      case 'organiser-role':
        await context.briefing.organiserRole(interaction, interaction.options.getRole('role')?.id ?? null);
        return;
      case 'export':
        await context.briefing.export(interaction, interaction.options.getBoolean('include_names') ?? false);
        return;
      default:
        throw new Error(`unknown /briefing-qa subcommand ${subcommand}`);
    }
  },
} as const satisfies Command;
