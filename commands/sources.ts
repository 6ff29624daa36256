import type { Command } from '../src/adapters/discord/command.js';
import { EVERYWHERE } from './install.js';

export default {
  data: {
    ...EVERYWHERE,
    name: 'sources',
    name_localizations: { ko: '출처' },
    description: 'Where the answers come from, and how sure they are',
    description_localizations: { ko: '답변의 출처와 신뢰도 표시' },
  },
  async execute(interaction, context) {
    await context.respond(interaction, { kind: 'sources' }, { ephemeral: true });
  },
} as const satisfies Command;
