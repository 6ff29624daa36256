import { ApplicationCommandOptionType } from 'discord.js';
import type { ProjectFilter } from '../src/core/engine.js';
import { MessageBook } from '../src/core/messages.js';
import { projectRows, rowsToCsv } from '../src/core/projectTable.js';
import type { Language } from '../src/core/types.js';
import { matchesFilter } from '../src/core/writers/list.js';
import type { KnowledgeBase } from '../src/knowledge/parse.js';
import type { Command } from './command.js';
import { EVERYWHERE } from './install.js';
import { choice, localized, named } from './text.js';
import { suggestYears, yearOption } from './year.js';

/** Every lead agency some project of the knowledge base names, in the order they first appear. */
function agencies(kb: KnowledgeBase): { ko: string; en: string }[] {
  const seen = new Map<string, { ko: string; en: string }>();
  for (const project of kb.projects) {
    const agency = project.leadAgency.value;
    if (agency !== null && !seen.has(agency.ko)) seen.set(agency.ko, agency);
  }
  return [...seen.values()].slice(0, 25);
}

/** Every phase some project is in. */
function phases(kb: KnowledgeBase): number[] {
  const values = kb.projects.flatMap((p) => (p.phase.value === null ? [] : [p.phase.value]));
  return [...new Set(values)].sort((a, b) => a - b);
}

/**
 * The `/projects` table as CSV: the rows of the editions the list shows (the year asked, else every
 * edition, the latest first) that match the same filter.
 */
export function projectsCsv(kb: KnowledgeBase, filter: ProjectFilter, language: Language): string {
  const rows = projectRows(kb, language, filter.year).filter((row) => {
    const project = kb.editions.find((e) => e.year === row.year)?.projects.find((p) => p.id === row.id);
    return project !== undefined && matchesFilter(project, filter);
  });
  return rowsToCsv(kb, rows, language);
}

export default {
  name: 'projects',
  data(kb) {
    const book = new MessageBook(kb.messages);
    return {
      ...EVERYWHERE,
      ...named(book, 'projects', '사업목록', 'command.projects'),
      options: [
        yearOption(book, 'command.projects.year'),
        {
          type: ApplicationCommandOptionType.Integer,
          ...named(book, 'phase', '단계', 'command.projects.phase'),
          choices: phases(kb).map((n) => choice(localized(book, 'value.phase', { n }), n)),
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          ...named(book, 'new', '신규', 'command.projects.new'),
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          ...named(book, 'briefed', '설명회', 'command.projects.briefed'),
        },
        {
          type: ApplicationCommandOptionType.String,
          ...named(book, 'agency', '주관기관', 'command.projects.agency'),
          choices: agencies(kb).map((a) => choice(a, a.ko)),
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          ...named(book, 'csv', 'csv파일', 'command.projects.csv'),
        },
      ],
    };
  },
  async execute(interaction, context) {
    const { kb } = context.engine;
    const year = await context.readYear(interaction);
    if (year === 'invalid') return;
    const phase = await context.readNumber(interaction, 'phase', {
      min: 1,
      max: Math.max(1, ...phases(kb)),
      integer: true,
      label: { en: 'phase', ko: '단계' },
    });
    if (phase === 'invalid') return;
    const agency = await context.readChoice(
      interaction,
      'agency',
      agencies(kb).map((a) => a.ko),
      { label: { en: 'agency', ko: '주관기관' } },
    );
    if (agency === 'invalid') return;
    const filter: ProjectFilter = {
      year: year ?? undefined,
      phase: phase ?? undefined,
      isNew: interaction.options.getBoolean('new') ?? undefined,
      briefed: interaction.options.getBoolean('briefed') ?? undefined,
      agency: agency ?? undefined,
    };
    const language = context.languageOf(interaction);
    const csv = interaction.options.getBoolean('csv') ?? false;
    await context.respond(
      interaction,
      { kind: 'list', filter },
      {
        ephemeral: true,
        ...(csv
          ? {
              attachment: () => ({
                name: `projects-${year ?? 'all'}.csv`,
                data: projectsCsv(kb, filter, language),
              }),
            }
          : {}),
      },
    );
  },
  autocomplete: suggestYears,
} as const satisfies Command;
