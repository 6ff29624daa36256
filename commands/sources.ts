import { MessageBook } from '../src/core/messages.js';
import type { Answer } from '../src/core/types.js';
import type { Attachment, Command } from './command.js';
import { EVERYWHERE } from './install.js';
import { named } from './text.js';

/** Every source of an answer as a Markdown list of links. */
function sourceFile(book: MessageBook, answer: Answer): Attachment {
  const lines = answer.sources.map((s) => `- [${s.title}](${s.url})`).join('\n');
  return { name: 'sources.md', data: `# ${book.get('file.sources.title', answer.language)}\n\n${lines}\n` };
}

export default {
  name: 'sources',
  data(kb) {
    const book = new MessageBook(kb.messages);
    return {
      ...EVERYWHERE,
      ...named(book, 'sources', '출처', 'command.sources'),
    };
  },
  async execute(interaction, context) {
    await context.respond(
      interaction,
      { kind: 'sources' },
      { ephemeral: true, attachment: (answer) => sourceFile(context.book, answer) },
    );
  },
} as const satisfies Command;
