import type { Command } from '../src/adapters/discord/command.js';
import { EVERYWHERE } from './install.js';

export default {
  data: {
    ...EVERYWHERE,
    name: 'help',
    name_localizations: { ko: '도움말' },
    description: 'What you can ask, with examples',
    description_localizations: { ko: '물어볼 수 있는 것과 예시' },
  },
  async execute(interaction, context) {
    await context.respond(interaction, { kind: 'help' }, { ephemeral: true });
  },
} as const satisfies Command;
