import { MessageFlags } from 'discord.js';
import type { MessageBook } from '../../core/messages.js';
import type { Language } from '../../core/types.js';
import { buildNotice, type ReplyPayload } from './reply.js';

/** Discord locales starting with "ko" get Korean; everyone else English. */
export function languageOfLocale(locale: string | null | undefined): Language {
  return locale?.startsWith('ko') ? 'ko' : 'en';
}

/** A sentence of the message catalogue in the language of an interaction's user. */
export function sayTo(
  book: MessageBook,
  interaction: { readonly locale: string | null | undefined },
  key: string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return book.get(key, languageOfLocale(interaction.locale), values);
}

/** A reply payload as discord.js takes it (private when `ephemeral`). */
export function toDiscord(payload: ReplyPayload, ephemeral: boolean) {
  return {
    ...(payload.content !== undefined ? { content: payload.content } : {}),
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: payload.allowedMentions,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

/** A short private notice. */
export function privateNotice(text: string) {
  return toDiscord(buildNotice(text), true);
}
