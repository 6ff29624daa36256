import { MessageBook } from '../src/core/messages.js';
import type { Command } from './command.js';
import { EVERYWHERE } from './install.js';
import { named } from './text.js';

export default {
  name: 'help',
  data(kb) {
    const book = new MessageBook(kb.messages);
    return {
      ...EVERYWHERE,
      ...named(book, 'help', '도움말', 'command.help'),
    };
  },
  async execute(interaction, context) {
    await context.respond(interaction, { kind: 'help' }, { ephemeral: true });
  },
} as const satisfies Command;
