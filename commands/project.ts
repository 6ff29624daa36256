import { ApplicationCommandOptionType } from 'discord.js';
import type { ProjectAspect } from '../src/core/engine.js';
import type { Command } from '../src/adapters/discord/command.js';
import { EVERYWHERE } from './install.js';

const ASPECTS = [
  { value: 'budget', name: 'Budget (2021)', ko: '예산 (2021)' },
  { value: 'phase', name: 'Phase', ko: '단계' },
  { value: 'leadAgency', name: 'Lead agency', ko: '주관기관' },
  { value: 'orderSchedule', name: 'Order schedule', ko: '발주 시기' },
  { value: 'isNew', name: 'New or continuing', ko: '신규 여부' },
  { value: 'briefed', name: 'Covered at the briefing', ko: '설명회 대상 여부' },
  { value: 'longTermContract', name: 'Long-term contract', ko: '장기계속계약 여부' },
  { value: 'category', name: 'Category', ko: '분야' },
  { value: 'description', name: 'What it is', ko: '사업 내용' },
] as const satisfies readonly { value: ProjectAspect; name: string; ko: string }[];

export default {
  data: {
    ...EVERYWHERE,
    name: 'project',
    name_localizations: { ko: '사업' },
    description: 'Look up one of the 2021 projects',
    description_localizations: { ko: '2021년 사업 하나를 찾아봅니다' },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'name',
        name_localizations: { ko: '이름' },
        description: 'Project name or short name (국민비서, 세움터, e-certificate ...)',
        description_localizations: { ko: '사업명 또는 약칭 (국민비서, 세움터, ㄱㅁㅂㅅ ...)' },
        required: true,
        autocomplete: true,
        max_length: 100,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'aspect',
        name_localizations: { ko: '항목' },
        description: 'What to show (default: overview)',
        description_localizations: { ko: '볼 항목 (기본: 개요)' },
        choices: ASPECTS.map((a) => ({ name: a.name, name_localizations: { ko: a.ko }, value: a.value })),
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'public',
        name_localizations: { ko: '공개' },
        description: 'Post in the channel (default: only you see it)',
        description_localizations: { ko: '채널에 공개 (기본: 나만 보기)' },
      },
    ],
  },
  async execute(interaction, context) {
    const language = context.languageOf(interaction);
    const typed = interaction.options.getString('name', true);
    // Autocomplete suggests ids, but the field is free text: resolve whatever was typed.
    const project =
      context.engine.kb.projects.find((p) => p.id === typed) ??
      context.engine.kb.projects.find(
        (p) => p.id === context.engine.suggestProjects(typed, language, 1)[0]?.id,
      );
    const aspect = await context.readChoice(
      interaction,
      'aspect',
      ASPECTS.map((a) => a.value),
      { label: { en: 'aspect', ko: '항목' } },
    );
    if (aspect === 'invalid') return;
    const ephemeral = !(interaction.options.getBoolean('public') ?? false);
    if (project === undefined) {
      await context.respond(interaction, { kind: 'question', text: typed }, { ephemeral, title: typed });
      return;
    }
    await context.respond(interaction, { kind: 'project', id: project.id, aspect }, { ephemeral });
  },
  async autocomplete(interaction, context) {
    const focused = interaction.options.getFocused();
    const choices = context.engine
      .suggestProjects(focused, context.languageOf(interaction), 25)
      .map((s) => ({ name: s.name, value: s.id }));
    await interaction.respond(choices);
  },
} as const satisfies Command;
