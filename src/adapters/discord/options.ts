import type { ChatInputCommandInteraction } from 'discord.js';
import type { NumberSpec, OptionSpec } from './command.js';
import { NOTICES, languageOfLocale, privateNotice } from './notices.js';
import { settle } from './outcome.js';

// Discord's client validates option types, but a payload is only data: a value of the wrong
// type must end in a clear message, never in "NaN원".

export async function readNumber(
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
  settle(interaction, 'invalid');
  await interaction.reply(
    privateNotice(NOTICES[language].invalidNumber(spec.label[language], spec.min, spec.max)),
  );
  return 'invalid';
}

export async function readChoice<T extends string>(
  interaction: ChatInputCommandInteraction,
  name: string,
  allowed: readonly T[],
  spec: OptionSpec,
): Promise<T | null | 'invalid'> {
  const raw = interaction.options.get(name)?.value;
  if (raw === undefined && spec.required !== true) return null;
  const found = allowed.find((choice) => choice === raw);
  if (found !== undefined) return found;
  const language = languageOfLocale(interaction.locale);
  settle(interaction, 'invalid');
  await interaction.reply(privateNotice(NOTICES[language].invalidChoice(spec.label[language])));
  return 'invalid';
}
