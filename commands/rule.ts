import {
  ApplicationCommandOptionType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { extractDateRange, type DateRange } from '../src/core/extract.js';
import { MessageBook } from '../src/core/messages.js';
import type { KnowledgeBase } from '../src/knowledge/parse.js';
import type { Decision } from '../src/knowledge/schema.js';
import type { Command, CommandContext } from './command.js';
import { EVERYWHERE } from './install.js';
import { choice, named } from './text.js';

type Input = Decision['inputs'][number];
type Values = Record<string, number | string | boolean | undefined>;

/**
 * How a decision input (knowledge/rules.yaml) is typed in Discord: the option's name in each
 * language and its range. Labels, values and choices come from the data; an input not listed here
 * is read from free questions only.
 */
const INPUT_OPTIONS: Readonly<
  Record<
    string,
    { name: string; ko: string; min?: number; max?: number; integer?: boolean; required?: boolean }
  >
> = {
  failedRounds: { name: 'failed_rounds', ko: '유찰횟수', min: 0, max: 10, integer: true, required: true },
  companyTier: { name: 'tier', ko: '기업구분', required: true },
  // The amount is typed in 억원 (100 million won), the unit every floor is written in.
  amountKrw: { name: 'amount', ko: '사업금액', min: 0, max: 1_000_000, required: true },
  sharePercent: { name: 'share', ko: '비율', min: 0, max: 100, required: true },
  resubcontract: { name: 'resubcontract', ko: '재하도급' },
  workType: { name: 'type', ko: '계약종류', required: true },
  smallFirm: { name: 'small_firm', ko: '소기업' },
  exceptionGround: { name: 'exception', ko: '예외사업' },
  date: { name: 'date', ko: '날짜' },
};

/** The inputs `/rule` offers as options; each one's description is `command.rule.input.<input>`. */
export const RULE_INPUTS = Object.keys(INPUT_OPTIONS);

/** Decisions with a subcommand of their own (name in each language); every other one is a `measure`. */
const SUBCOMMANDS: Readonly<Record<string, { name: string; ko: string; vat?: boolean }>> = {
  'single-source': { name: 'single-source', ko: '수의계약' },
  'emergency-notice': { name: 'bid-notice', ko: '긴급공고' },
  // The large-company floors count VAT; the sources give the small-value limits without a VAT basis.
  'large-company': { name: 'large-company', ko: '대기업', vat: true },
  subcontracting: { name: 'subcontract', ko: '하도급' },
  'small-single-source': { name: 'small-amount', ko: '소액수의' },
};

const MEASURE = { name: 'measure', ko: '기타특례' } as const;
const VAT_OPTION = { name: 'vat_included', ko: '부가세포함' } as const;

/** The inputs a decision's subcommand offers, required ones first (Discord wants them first). */
function optionInputs(decision: Decision): Input[] {
  const offered = decision.inputs.filter((input) => input.name in INPUT_OPTIONS);
  return [
    ...offered.filter((i) => INPUT_OPTIONS[i.name]!.required === true),
    ...offered.filter((i) => INPUT_OPTIONS[i.name]!.required !== true),
  ];
}

/** The decisions offered under `/rule measure` (those without a subcommand of their own). */
export function measureDecisions(kb: KnowledgeBase): readonly Decision[] {
  return kb.decisions.filter((d) => !(d.id in SUBCOMMANDS));
}

function inputOption(book: MessageBook, input: Input): APIApplicationCommandBasicOption {
  const spec = INPUT_OPTIONS[input.name]!;
  const base = {
    ...named(book, spec.name, spec.ko, `command.rule.input.${input.name}`),
    ...(spec.required === true ? { required: true } : {}),
  };
  if (input.type === 'date')
    return { ...base, type: ApplicationCommandOptionType.String, max_length: 40 } as const;
  if (input.type === 'boolean') return { ...base, type: ApplicationCommandOptionType.Boolean } as const;
  if (input.type === 'enum') {
    const labels = input.valueLabels ?? {};
    return {
      ...base,
      type: ApplicationCommandOptionType.String,
      choices: (input.values ?? []).map((v) => choice(labels[v] ?? { en: v, ko: v }, v)),
    } as const;
  }
  const range = { min_value: spec.min ?? 0, max_value: spec.max ?? 1_000_000 };
  if (spec.integer === true)
    return { ...base, ...range, type: ApplicationCommandOptionType.Integer } as const;
  return { ...base, ...range, type: ApplicationCommandOptionType.Number } as const;
}

function subcommand(book: MessageBook, decision: Decision): APIApplicationCommandSubcommandOption {
  const names = SUBCOMMANDS[decision.id]!;
  const options = optionInputs(decision).map((input) => inputOption(book, input));
  if (names.vat === true)
    options.push({
      type: ApplicationCommandOptionType.Boolean,
      ...named(book, VAT_OPTION.name, VAT_OPTION.ko, 'command.rule.vatIncluded'),
    });
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: names.name,
    name_localizations: { ko: names.ko },
    description: decision.title.en,
    description_localizations: { ko: decision.title.ko },
    options,
  };
}

function measureSubcommand(book: MessageBook, kb: KnowledgeBase): APIApplicationCommandSubcommandOption {
  const date = kb.decisions.flatMap((d) => d.inputs).find((i) => i.name === 'date')!;
  return {
    type: ApplicationCommandOptionType.Subcommand,
    ...named(book, MEASURE.name, MEASURE.ko, 'command.rule.measure'),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        ...named(book, MEASURE.name, '특례', 'command.rule.measure.which'),
        required: true,
        choices: measureDecisions(kb).map((d) => choice(d.title, d.id)),
      },
      inputOption(book, date),
    ],
  };
}

/** Reads the date option; null when absent. Replies and returns 'invalid' when it can't be read. */
async function readDate(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
): Promise<DateRange | null | 'invalid'> {
  const raw = interaction.options.get('date')?.value;
  if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return null;
  const range =
    typeof raw === 'string' ? extractDateRange(raw.normalize('NFKC').toLowerCase(), context.today()) : null;
  if (range !== null) return range;
  await context.notice(interaction, context.book.get('notice.invalidDate', context.languageOf(interaction)));
  return 'invalid';
}

type Read = { readonly value: number | string | boolean | undefined } | 'invalid';

/** Reads one input's option; 'invalid' once the user has been told what is expected. */
async function readInput(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
  input: Input,
): Promise<Read> {
  const spec = INPUT_OPTIONS[input.name]!;
  const label = { en: spec.name, ko: spec.ko };
  const required = spec.required === true;
  if (input.type === 'boolean') return { value: interaction.options.getBoolean(spec.name) ?? false };
  if (input.type === 'enum') {
    const value = await context.readChoice(interaction, spec.name, input.values ?? [], { label, required });
    return value === 'invalid' ? value : { value: value ?? undefined };
  }
  const value = await context.readNumber(interaction, spec.name, {
    min: spec.min ?? 0,
    max: spec.max ?? 1_000_000,
    ...(spec.integer === true ? { integer: true } : {}),
    required,
    label,
  });
  if (value === 'invalid') return value;
  if (value === null || input.name !== 'amountKrw') return { value: value ?? undefined };
  // An amount without VAT is judged with it (the floors count VAT). Belongs in the engine's typed
  // rule check, like the question reader's (src/core/rules/inputs/large-company.ts).
  const vatIncluded = interaction.options.getBoolean(VAT_OPTION.name) ?? true;
  return { value: Math.round(value * 1e8 * (vatIncluded ? 1 : 1.1)) };
}

/** The decision a subcommand checks, and the typed values and date of its options. */
async function readCheck(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
): Promise<{ decision: string; values: Values; date: DateRange | null } | 'invalid'> {
  const sub = interaction.options.getSubcommand(true);
  const { kb } = context.engine;
  let decision = kb.decisions.find((d) => SUBCOMMANDS[d.id]?.name === sub);
  if (decision === undefined && sub === MEASURE.name) {
    const measures = measureDecisions(kb);
    const id = await context.readChoice(
      interaction,
      MEASURE.name,
      measures.map((d) => d.id),
      { label: { en: MEASURE.name, ko: '특례' }, required: true },
    );
    if (id === 'invalid' || id === null) return 'invalid';
    decision = measures.find((d) => d.id === id);
  }
  if (decision === undefined) throw new Error(`unknown /rule subcommand ${sub}`);
  const values: Values = {};
  for (const input of optionInputs(decision)) {
    if (input.type === 'date') continue;
    const read = await readInput(interaction, context, input);
    if (read === 'invalid') return 'invalid';
    values[input.name] = read.value;
  }
  const dated = decision.inputs.some((i) => i.type === 'date');
  const date = dated ? await readDate(interaction, context) : null;
  if (date === 'invalid') return 'invalid';
  return { decision: decision.id, values, date };
}

export default {
  name: 'rule',
  data(kb) {
    const book = new MessageBook(kb.messages);
    return {
      ...EVERYWHERE,
      ...named(book, 'rule', '규정', 'command.rule'),
      options: [
        ...kb.decisions.filter((d) => d.id in SUBCOMMANDS).map((d) => subcommand(book, d)),
        measureSubcommand(book, kb),
      ],
    };
  },
  async execute(interaction, context) {
    const check = await readCheck(interaction, context);
    if (check === 'invalid') return;
    await context.respond(interaction, { kind: 'rule', ...check }, { ephemeral: true });
  },
} as const satisfies Command;
