import { ApplicationCommandOptionType } from 'discord.js';
import type { Command } from '../src/adapters/discord/command.js';
import { SERVER_ONLY } from './install.js';

export default {
  data: {
    ...SERVER_ONLY,
    name: 'briefing-qa',
    name_localizations: { ko: '설명회-질문' },
    description: 'Live briefing Q&A: ask a question, or (organisers) start, stop and export',
    description_localizations: { ko: '설명회 실시간 질문: 질문하기, 진행자는 시작·종료·내보내기' },
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'ask',
        name_localizations: { ko: '질문' },
        description: 'Ask the presenters a question in this channel’s briefing',
        description_localizations: { ko: '이 채널의 설명회에 질문을 올립니다' },
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'question',
            name_localizations: { ko: '질문' },
            description: 'Your question (up to 500 characters)',
            description_localizations: { ko: '질문 내용 (500자 이내)' },
            required: true,
            max_length: 500,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'start',
        name_localizations: { ko: '시작' },
        description: 'Organisers: start taking questions in this channel',
        description_localizations: { ko: '진행자: 이 채널에서 질문 받기를 시작합니다' },
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'title',
            name_localizations: { ko: '제목' },
            description: 'Title of the briefing',
            description_localizations: { ko: '설명회 제목' },
            required: true,
            max_length: 100,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'stop',
        name_localizations: { ko: '종료' },
        description: 'Organisers: stop taking questions',
        description_localizations: { ko: '진행자: 질문 받기를 마칩니다' },
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'organiser-role',
        name_localizations: { ko: '진행자역할' },
        description: 'Manage Server: set the role whose members organise briefings here (empty: clear)',
        description_localizations: { ko: '서버 관리: 이 서버의 설명회 진행자 역할 지정 (비우면 해제)' },
        options: [
          {
            type: ApplicationCommandOptionType.Role,
            name: 'role',
            name_localizations: { ko: '역할' },
            description: 'Members with this role may start, stop and export briefings',
            description_localizations: { ko: '이 역할이 있으면 설명회를 시작·종료·내보내기 할 수 있습니다' },
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'export',
        name_localizations: { ko: '내보내기' },
        description: 'Organisers: all questions of this channel’s briefing as CSV and Markdown',
        description_localizations: { ko: '진행자: 이 채널 설명회의 모든 질문을 CSV와 Markdown으로' },
        options: [
          {
            type: ApplicationCommandOptionType.Boolean,
            name: 'include_names',
            name_localizations: { ko: '이름포함' },
            description: 'Include asker and voter names (default: no)',
            description_localizations: { ko: '질문자와 공감한 사람 이름 포함 (기본: 아니오)' },
          },
        ],
      },
    ],
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
