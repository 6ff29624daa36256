import { ApplicationCommandOptionType } from 'discord.js';
import type { Command } from '../src/adapters/discord/command.js';
import { MAX_QUESTION_LENGTH } from '../src/core/engine.js';
import { EVERYWHERE } from './install.js';

export default {
  data: {
    ...EVERYWHERE,
    name: 'ask',
    name_localizations: { ko: '질문' },
    description: 'Ask about the 2021 e-government support projects and the contract rules',
    description_localizations: { ko: '2021 전자정부지원사업과 계약 제도에 대해 물어보세요' },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        name_localizations: { ko: '질문' },
        description: 'Your question, in Korean or English',
        description_localizations: { ko: '궁금한 내용 (한국어 또는 영어)' },
        required: true,
        max_length: MAX_QUESTION_LENGTH,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'private',
        name_localizations: { ko: '비공개' },
        description: 'Only you see the answer (default: visible to the channel)',
        description_localizations: { ko: '나만 보기 (기본: 채널에 공개)' },
      },
    ],
  },
  async execute(interaction, context) {
    const text = interaction.options.getString('question', true);
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    await context.respond(interaction, { kind: 'question', text }, { ephemeral, title: text });
  },
} as const satisfies Command;
