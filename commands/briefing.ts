import type { Command } from '../src/adapters/discord/command.js';
import { BRIEFING_TOPICS } from '../src/adapters/discord/requests.js';
import { EVERYWHERE } from './install.js';

export default {
  data: {
    ...EVERYWHERE,
    name: 'briefing',
    name_localizations: { ko: '설명회' },
    description: 'The 2021-01-21 online briefing: when, where to watch, what it covered',
    description_localizations: { ko: '2021-01-21 온라인 설명회: 일시, 시청 방법, 설명 대상' },
  },
  async execute(interaction, context) {
    await context.respond(interaction, { kind: 'topics', ids: BRIEFING_TOPICS }, { ephemeral: true });
  },
} as const satisfies Command;
