import { ApplicationCommandOptionType } from 'discord.js';
import type { Command } from '../src/adapters/discord/command.js';
import { EVERYWHERE } from './install.js';

const AGENCIES = [
  { value: '행정안전부', name: 'Ministry of the Interior and Safety' },
  { value: '환경부', name: 'Ministry of Environment' },
  { value: '국토교통부', name: 'Ministry of Land, Infrastructure and Transport' },
  { value: '대검찰청', name: "Supreme Prosecutors' Office" },
] as const;

export default {
  data: {
    ...EVERYWHERE,
    name: 'projects',
    name_localizations: { ko: '사업목록' },
    description: 'List the 2021 projects, optionally filtered',
    description_localizations: { ko: '2021년 사업 목록 (조건으로 거르기)' },
    options: [
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'phase',
        name_localizations: { ko: '단계' },
        description: 'Phase (차수)',
        description_localizations: { ko: '차수' },
        choices: [1, 2, 3].map((n) => ({ name: `${n}`, value: n })),
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'new',
        name_localizations: { ko: '신규' },
        description: 'New projects only (true) or continuing only (false)',
        description_localizations: { ko: '신규 사업만(참) 또는 계속 사업만(거짓)' },
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'briefed',
        name_localizations: { ko: '설명회' },
        description: 'Covered at the 2021-01-21 briefing (true) or left out (false)',
        description_localizations: { ko: '설명회 대상(참) 또는 제외(거짓)' },
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'agency',
        name_localizations: { ko: '주관기관' },
        description: 'Lead agency',
        description_localizations: { ko: '주관기관' },
        choices: AGENCIES.map((a) => ({ name: a.name, name_localizations: { ko: a.value }, value: a.value })),
      },
    ],
  },
  async execute(interaction, context) {
    const phase = await context.readNumber(interaction, 'phase', {
      min: 1,
      max: 3,
      integer: true,
      label: { en: 'phase', ko: '단계' },
    });
    if (phase === 'invalid') return;
    const agency = await context.readChoice(
      interaction,
      'agency',
      AGENCIES.map((a) => a.value),
      { label: { en: 'agency', ko: '주관기관' } },
    );
    if (agency === 'invalid') return;
    const filter = {
      phase: phase ?? undefined,
      isNew: interaction.options.getBoolean('new') ?? undefined,
      briefed: interaction.options.getBoolean('briefed') ?? undefined,
      agency: agency ?? undefined,
    };
    await context.respond(interaction, { kind: 'list', filter }, { ephemeral: true });
  },
} as const satisfies Command;
