import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from 'discord.js';
import { extractDateRange, type DateRange } from '../src/core/extract.js';
import type { Command, CommandContext } from '../src/adapters/discord/command.js';
import { EVERYWHERE } from './install.js';

const dateOption = {
  type: ApplicationCommandOptionType.String,
  name: 'date',
  name_localizations: { ko: '날짜' },
  description: 'Date to check, e.g. 2021-05-10 or 2021년 3월 (default: today)',
  description_localizations: { ko: '판단할 날짜, 예: 2021-05-10, 2021년 3월 (기본: 오늘)' },
  max_length: 40,
} as const;

const TIERS = [
  {
    value: 'group',
    name: 'Business-group affiliate (cross-shareholding limits)',
    ko: '상호출자제한기업집단 소속',
  },
  {
    value: 'large-8000-plus',
    name: 'Large company, sales ≥ 800 billion won',
    ko: '대기업 (매출 8,000억원 이상)',
  },
  {
    value: 'large-under-8000',
    name: 'Large company, sales < 800 billion won',
    ko: '대기업 (매출 8,000억원 미만)',
  },
  {
    value: 'new-midsize',
    name: 'Recently became mid-sized (within 5 years)',
    ko: '최근 중견기업 (5년 이내)',
  },
  { value: 'sme', name: 'SME', ko: '중소기업' },
] as const;

const MEASURES = [
  { value: 'bond-cuts', name: 'Reduced bid/contract bonds', ko: '보증금 인하' },
  { value: 'advance-payment', name: '80% advance payment', ko: '선금 80%' },
  { value: 'fast-inspection-payment', name: 'Faster inspection and payment', ko: '검사·대가지급 단축' },
  { value: 'eligibility-review', name: 'Shorter eligibility review', ko: '적격심사 기간 단축' },
] as const;

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
  await context.notice(
    interaction,
    context.languageOf(interaction) === 'ko'
      ? '날짜를 읽을 수 없습니다. 2021-05-10, 2021년 5월 10일, 2021년 3월처럼 적어 주세요.'
      : 'I could not read that date. Write it like 2021-05-10, May 10, 2021 or March 2021.',
  );
  return 'invalid';
}

export default {
  data: {
    ...EVERYWHERE,
    name: 'rule',
    name_localizations: { ko: '규정' },
    description: 'Check a contract rule: verdict, legal basis and how it was decided',
    description_localizations: { ko: '계약 규정 판단: 가능 여부, 근거, 판단 과정' },
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'single-source',
        name_localizations: { ko: '수의계약' },
        description: 'Single-source contract after failed bids',
        description_localizations: { ko: '유찰 후 수의계약 가능 여부' },
        options: [
          {
            type: ApplicationCommandOptionType.Integer,
            name: 'failed_rounds',
            name_localizations: { ko: '유찰횟수' },
            description: 'How many bid rounds failed (2 = the re-announced bid failed too)',
            description_localizations: { ko: '유찰된 횟수 (2 = 재공고입찰도 유찰)' },
            required: true,
            min_value: 0,
            max_value: 10,
          },
          dateOption,
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'bid-notice',
        name_localizations: { ko: '긴급공고' },
        description: '5-day emergency bid notice for early budget spending',
        description_localizations: { ko: '예산 조기집행 사유 5일 긴급공고 가능 여부' },
        options: [dateOption],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'large-company',
        name_localizations: { ko: '대기업' },
        description: 'May this company bid on a public SW project of this amount?',
        description_localizations: { ko: '대기업 참여제한: 이 금액 사업에 참여할 수 있나' },
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'tier',
            name_localizations: { ko: '기업구분' },
            description: 'Company tier',
            description_localizations: { ko: '기업 구분' },
            required: true,
            choices: TIERS.map((t) => ({ name: t.name, name_localizations: { ko: t.ko }, value: t.value })),
          },
          {
            type: ApplicationCommandOptionType.Number,
            name: 'amount',
            name_localizations: { ko: '사업금액' },
            description: 'Project amount in 억원 (100 million won), VAT included unless you say otherwise',
            description_localizations: { ko: '사업금액 (억원 단위, 기본 부가세 포함)' },
            required: true,
            min_value: 0,
            max_value: 1000000,
          },
          {
            type: ApplicationCommandOptionType.Boolean,
            name: 'vat_included',
            name_localizations: { ko: '부가세포함' },
            description: 'Does the amount include VAT? (default: yes)',
            description_localizations: { ko: '금액에 부가세가 포함됐나요? (기본: 예)' },
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'subcontract',
        name_localizations: { ko: '하도급' },
        description: 'May this share of the project be subcontracted?',
        description_localizations: { ko: '하도급 비율 가능 여부' },
        options: [
          {
            type: ApplicationCommandOptionType.Number,
            name: 'share',
            name_localizations: { ko: '비율' },
            description: 'Subcontracted share of the project, in %',
            description_localizations: { ko: '하도급 비율 (%)' },
            required: true,
            min_value: 0,
            max_value: 100,
          },
          {
            type: ApplicationCommandOptionType.Boolean,
            name: 'resubcontract',
            name_localizations: { ko: '재하도급' },
            description: 'Is it a re-subcontract (the subcontractor passes it on)?',
            description_localizations: { ko: '재하도급인가요?' },
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'measure',
        name_localizations: { ko: '기타특례' },
        description: 'Other COVID-19 temporary measures (bonds, advances, payment, eligibility review)',
        description_localizations: { ko: '기타 한시적 특례 (보증금, 선금, 대가지급, 적격심사)' },
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'measure',
            name_localizations: { ko: '특례' },
            description: 'Which measure',
            description_localizations: { ko: '특례 종류' },
            required: true,
            choices: MEASURES.map((m) => ({
              name: m.name,
              name_localizations: { ko: m.ko },
              value: m.value,
            })),
          },
          dateOption,
        ],
      },
    ],
  },
  async execute(interaction, context) {
    const sub = interaction.options.getSubcommand(true);
    const respond = (
      decision: string,
      values: Record<string, number | string | boolean | undefined>,
      date: DateRange | null,
    ) => context.respond(interaction, { kind: 'rule', decision, values, date }, { ephemeral: true });

    switch (sub) {
      case 'single-source': {
        const failedRounds = await context.readNumber(interaction, 'failed_rounds', {
          min: 0,
          max: 10,
          integer: true,
          required: true,
          label: { en: 'failed_rounds', ko: '유찰횟수' },
        });
        if (failedRounds === 'invalid') return;
        const date = await readDate(interaction, context);
        if (date === 'invalid') return;
        await respond('single-source', { failedRounds: failedRounds ?? undefined }, date);
        return;
      }
      case 'bid-notice': {
        const date = await readDate(interaction, context);
        if (date === 'invalid') return;
        await respond('emergency-notice', {}, date);
        return;
      }
      case 'large-company': {
        const tier = await context.readChoice(
          interaction,
          'tier',
          TIERS.map((t) => t.value),
          { label: { en: 'tier', ko: '기업구분' }, required: true },
        );
        if (tier === 'invalid') return;
        const eok = await context.readNumber(interaction, 'amount', {
          min: 0,
          max: 1_000_000,
          required: true,
          label: { en: 'amount', ko: '사업금액' },
        });
        if (eok === 'invalid') return;
        const vatIncluded = interaction.options.getBoolean('vat_included') ?? true;
        const amountKrw = eok === null ? undefined : Math.round(eok * 1e8 * (vatIncluded ? 1 : 1.1));
        await respond('large-company', { companyTier: tier ?? undefined, amountKrw }, null);
        return;
      }
      case 'subcontract': {
        const share = await context.readNumber(interaction, 'share', {
          min: 0,
          max: 100,
          required: true,
          label: { en: 'share', ko: '비율' },
        });
        if (share === 'invalid') return;
        await respond(
          'subcontracting',
          {
            sharePercent: share ?? undefined,
            resubcontract: interaction.options.getBoolean('resubcontract') ?? false,
          },
          null,
        );
        return;
      }
      case 'measure': {
        const measure = await context.readChoice(
          interaction,
          'measure',
          MEASURES.map((m) => m.value),
          { label: { en: 'measure', ko: '특례' }, required: true },
        );
        if (measure === 'invalid' || measure === null) return;
        const date = await readDate(interaction, context);
        if (date === 'invalid') return;
        await respond(measure, {}, date);
        return;
      }
      default:
        await context.notice(interaction, `Unknown subcommand: ${sub}`);
    }
  },
} as const satisfies Command;
