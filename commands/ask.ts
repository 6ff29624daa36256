import { ApplicationCommandOptionType } from 'discord.js';
import { MAX_QUESTION_LENGTH } from '../src/core/engine.js';
import { MessageBook } from '../src/core/messages.js';
import type { Command } from './command.js';
import { EVERYWHERE } from './install.js';
import { named } from './text.js';

export default {
  name: 'ask',
  data(kb) {
    const book = new MessageBook(kb.messages);
    return {
      ...EVERYWHERE,
      ...named(book, 'ask', '질문', 'command.ask'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          ...named(book, 'question', '질문', 'command.ask.question'),
          required: true,
          max_length: MAX_QUESTION_LENGTH,
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          ...named(book, 'private', '비공개', 'command.ask.private'),
        },
      ],
    };
  },
  async execute(interaction, context) {
    const text = interaction.options.getString('question', true);
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    await context.respond(interaction, { kind: 'question', text }, { ephemeral, title: text });
  },
} as const satisfies Command;
