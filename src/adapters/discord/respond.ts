import {
  AttachmentBuilder,
  MessageFlags,
  type ChatInputCommandInteraction,
  type Message,
  type RepliableInteraction,
} from 'discord.js';
import type { Attachment, RespondOptions } from '../../../commands/index.js';
import type { AnswerPath } from '../../answering/answerPath.js';
import type { AnswerRequest } from '../../answering/request.js';
import type { MessageBook } from '../../core/messages.js';
import { detectLanguage } from '../../core/text.js';
import type { Answer, Language } from '../../core/types.js';
import type { Metrics } from '../../shared/metrics.js';
import type { AnswerCache, StoredRequest } from './answerCache.js';
import { languageOfLocale, toDiscord } from './notices.js';
import { settle } from './outcome.js';
import { buildReply, type ReplyPayload } from './reply.js';

export interface ResponderOptions {
  readonly path: AnswerPath;
  readonly cache: AnswerCache;
  readonly book: MessageBook;
  readonly today: () => string;
  readonly metrics: Metrics;
  /** Keeps a question the engine could not answer; never throws. */
  recordGap(text: string, answer: Answer, source: 'command' | 'mention'): Promise<void>;
}

/** How an answer is delivered to an interaction. */
export interface Delivery {
  /** The stored request's key when answering it again (share); a new one is made otherwise. */
  readonly key?: string | undefined;
  readonly title?: string | undefined;
  /** Offer "share in channel" (a private answer). */
  readonly shareable: boolean;
  /** Keep a free question the engine could not answer in the gap log. */
  readonly recordGap?: boolean | undefined;
  readonly attachment?: ((answer: Answer) => Attachment) | undefined;
}

/** The reply language of a request: a free question's own, otherwise the user's Discord locale. */
export function languageOfRequest(request: AnswerRequest, locale: string | null | undefined): Language {
  return request.kind === 'question' ? detectLanguage(request.text) : languageOfLocale(locale);
}

/**
 * Every Discord answer (slash commands, buttons, pickers, mentions) goes through here: the answer
 * path (engine, then rewording when on), rendered as a Discord reply, sent, counted and kept.
 */
export class Responder {
  constructor(private readonly o: ResponderOptions) {}

  /** A new request to answer, in `language`, asked today. */
  stored(request: AnswerRequest, language: Language, ephemeral: boolean): StoredRequest {
    return { request, language, today: this.o.today(), ephemeral };
  }

  /** The engine's answer to a stored request, before any rewording (to read its candidates). */
  decide(stored: StoredRequest): Answer {
    return this.o.path.decide(stored.request, stored.language, stored.today);
  }

  private async render(
    stored: StoredRequest,
    key: string,
    title: string | undefined,
    shareable: boolean,
  ): Promise<{ answer: Answer; payload: ReplyPayload }> {
    const reply = await this.o.path.ask(stored.request, stored.language, stored.today, title);
    const payload = buildReply(reply.answer, this.o.book, {
      answerKey: key,
      shareable,
      title,
      text: reply.text,
      reworded: reply.phrasing === 'model',
    });
    return { answer: reply.answer, payload };
  }

  /** Answers an interaction: acknowledges first when rewording may be slow, then replies or edits. */
  async deliver(interaction: RepliableInteraction, stored: StoredRequest, delivery: Delivery): Promise<void> {
    const { ephemeral, request } = stored;
    // With phrasing on, the model may take seconds: acknowledge within Discord's 3 s first.
    const deferred = this.o.path.rewords;
    if (deferred) await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const key = delivery.key ?? this.o.cache.put(stored);
    const { answer, payload } = await this.render(stored, key, delivery.title, delivery.shareable);
    if (deferred) {
      const { flags: _flags, ...edit } = toDiscord(payload, false);
      await interaction.editReply(edit);
    } else {
      await interaction.reply(toDiscord(payload, ephemeral));
    }
    this.sent(interaction, answer);
    // Only a private answer's Share button needs its request after a restart; a public answer
    // is in the channel already, and its votes are stored without it.
    if (delivery.key === undefined && ephemeral) this.o.cache.persist(key);
    if (delivery.recordGap === true && request.kind === 'question')
      await this.o.recordGap(request.text, answer, 'command');
    if (delivery.attachment !== undefined)
      await sendFile(interaction, delivery.attachment(answer), ephemeral);
  }

  /** A slash command's answer. */
  async respond(
    interaction: ChatInputCommandInteraction,
    request: AnswerRequest,
    options: RespondOptions,
  ): Promise<void> {
    const stored = this.stored(request, languageOfRequest(request, interaction.locale), options.ephemeral);
    await this.deliver(interaction, stored, {
      title: options.title,
      shareable: options.ephemeral,
      recordGap: true,
      attachment: options.attachment,
    });
  }

  /** `@bot question`: a reply under the post (an empty mention gets the help). */
  async answerMention(message: Message, text: string): Promise<void> {
    const request: AnswerRequest = text === '' ? { kind: 'help' } : { kind: 'question', text };
    const stored = this.stored(request, detectLanguage(text), false);
    const key = this.o.cache.put(stored);
    const { answer, payload } = await this.render(stored, key, undefined, false);
    await message.reply({
      embeds: payload.embeds,
      components: payload.components,
      allowedMentions: payload.allowedMentions,
    });
    this.sent(message, answer);
    if (request.kind === 'question') await this.o.recordGap(text, answer, 'mention');
  }

  /** Counts an answer that was just sent for `event` (an interaction or a message). */
  private sent(event: object, answer: Answer): void {
    this.o.metrics.answer(answer.status, settle(event, answer.status));
  }
}

async function sendFile(interaction: RepliableInteraction, file: Attachment, ephemeral: boolean) {
  await interaction.followUp({
    files: [new AttachmentBuilder(Buffer.from(file.data, 'utf8'), { name: file.name })],
    allowedMentions: { parse: [] },
    ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  });
}
