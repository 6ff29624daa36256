import type { ChatInputCommandInteraction } from 'discord.js';
import type { NumberSpec, OptionSpec } from '../../../commands/index.js';
import type { MessageBook } from '../../core/messages.js';
import { languageOfLocale, privateNotice } from './notices.js';
import { settle } from './outcome.js';

// Discord's client validates option types, but a payload is only data: a value of the wrong
// type must end in a clear message, never in "NaN원".

/** Reads typed options, telling the user (privately) what is expected when a value won't do. */
export class OptionReader {
  constructor(
    private readonly book: MessageBook,
    private readonly years: () => readonly number[],
  ) {}

  private async refuse(
    interaction: ChatInputCommandInteraction,
    key: string,
    values: Record<string, string | number>,
  ) {
    settle(interaction, 'invalid');
    await interaction.reply(privateNotice(this.book.get(key, languageOfLocale(interaction.locale), values)));
    return 'invalid' as const;
  }

  async number(
    interaction: ChatInputCommandInteraction,
    name: string,
    spec: NumberSpec,
  ): Promise<number | null | 'invalid'> {
    const raw = interaction.options.get(name)?.value;
    if (raw === undefined && spec.required !== true) return null;
    const value =
      typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    const valid =
      Number.isFinite(value) &&
      value >= spec.min &&
      value <= spec.max &&
      (spec.integer !== true || Number.isInteger(value));
    if (valid) return value;
    const language = languageOfLocale(interaction.locale);
    return this.refuse(interaction, 'notice.invalidNumber', {
      name: spec.label[language],
      min: spec.min,
      max: spec.max.toLocaleString(language === 'ko' ? 'ko-KR' : 'en-US'),
    });
  }

  async choice<T extends string>(
    interaction: ChatInputCommandInteraction,
    name: string,
    allowed: readonly T[],
    spec: OptionSpec,
  ): Promise<T | null | 'invalid'> {
    const raw = interaction.options.get(name)?.value;
    if (raw === undefined && spec.required !== true) return null;
    const found = allowed.find((choice) => choice === raw);
    if (found !== undefined) return found;
    return this.refuse(interaction, 'notice.invalidChoice', {
      name: spec.label[languageOfLocale(interaction.locale)],
    });
  }

  /** The `year` option: one of the knowledge base's editions (typed or picked from the suggestions). */
  async year(interaction: ChatInputCommandInteraction): Promise<number | null | 'invalid'> {
    const raw = interaction.options.get('year')?.value;
    if (raw === undefined) return null;
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN;
    const years = this.years();
    if (years.includes(value)) return value;
    return this.refuse(interaction, 'notice.unknownYear', {
      year: typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '?',
      years: years.join(', '),
    });
  }
}
