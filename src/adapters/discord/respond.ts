import {
  AttachmentBuilder,
  MessageFlags,
  type ChatInputCommandInteraction,
  type RepliableInteraction,
} from 'discord.js';
import type { Engine } from '../../core/engine.js';
import { detectLanguage } from '../../core/text.js';
import type { Answer, Language } from '../../core/types.js';
import type { Metrics } from '../../shared/metrics.js';
import type { AnswerCache, StoredRequest } from './answerCache.js';
import type { RespondOptions } from './command.js';
import { languageOfLocale, toDiscord } from './notices.js';
import { settle } from './outcome.js';
import { buildReply, type ReplyPayload } from './reply.js';
import { runRequest, type AnswerRequest } from './requests.js';

/** Rewords a decided answer (LLM phrasing); returns the text to show and the small-print notice. */
export type Phrase = (
  answer: Answer,
  question: string,
) => Promise<{
  text: string;
  notice?: string | undefined;
  phrasing?: 'model' | 'template';
  reason?: string | undefined;
}>;

export interface ResponderOptions {
  readonly engine: Engine;
  readonly cache: AnswerCache;
  readonly today: () => string;
  readonly phrase?: Phrase | undefined;
  readonly metrics: Metrics;
  /** Keeps a question the engine could not answer; never throws. */
  recordGap(text: string, answer: Answer, source: 'command' | 'mention'): Promise<void>;
}

/** Answers requests through the engine and renders them for Discord (commands, buttons, mentions). */
export class Responder {
  constructor(private readonly o: ResponderOptions) {}

  get phrases(): boolean {
    return this.o.phrase !== undefined;
  }

  answerFor(request: AnswerRequest, language: Language, day: string): Answer {
    return runRequest(this.o.engine, request, language, day);
  }

  /** The reply for an answer, reworded when phrasing is on and the answer may be. */
  async render(
    answer: Answer,
    stored: StoredRequest,
    key: string,
    title: string | undefined,
    shareable: boolean,
  ): Promise<ReplyPayload> {
    let text: string | undefined;
    let notice: string | undefined;
    if (this.o.phrase && (answer.status === 'answered' || answer.status === 'unknown_fact')) {
      const question = stored.request.kind === 'question' ? stored.request.text : (title ?? '');
      const phrased = await this.o.phrase(answer, question);
      this.o.metrics.phrasing(phrased.phrasing ?? (phrased.notice ? 'model' : 'template'), phrased.reason);
      text = phrased.text;
      notice = phrased.notice;
    }
    return buildReply(answer, { answerKey: key, shareable, title, text, modelNotice: notice });
  }

  /** Keeps a mention the engine could not answer in the gap log. */
  recordGapOf(text: string, answer: Answer): Promise<void> {
    return this.o.recordGap(text, answer, 'mention');
  }

  /** Counts an answer that was just sent for `event` (an interaction or a message). */
  sent(event: object, answer: Answer): void {
    this.o.metrics.answer(answer.status, settle(event, answer.status));
  }

  /** Answers a slash command: defers first when phrasing may be slow, then replies or edits. */
  async respond(
    interaction: ChatInputCommandInteraction,
    request: AnswerRequest,
    options: RespondOptions,
  ): Promise<void> {
    const { ephemeral } = options;
    // With phrasing on, the model may take seconds: acknowledge within Discord's 3 s first.
    const deferred = this.phrases;
    if (deferred) await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const language =
      request.kind === 'question' ? detectLanguage(request.text) : languageOfLocale(interaction.locale);
    const stored: StoredRequest = { request, language, today: this.o.today(), ephemeral };
    const answer = this.answerFor(request, language, stored.today);
    const key = this.o.cache.put(stored);
    const payload = await this.render(answer, stored, key, options.title, ephemeral);
    if (deferred) {
      const { flags: _flags, ...edit } = toDiscord(payload, false);
      await interaction.editReply(edit);
    } else {
      await interaction.reply(toDiscord(payload, ephemeral));
    }
    this.sent(interaction, answer);
    // Only a private answer's Share button needs its request after a restart; a public answer
    // is in the channel already, and its votes are stored without it.
    if (ephemeral) this.o.cache.persist(key);
    if (request.kind === 'question') await this.o.recordGap(request.text, answer, 'command');
    if (request.kind === 'sources') await sendSourceFile(interaction, answer, ephemeral);
  }
}

async function sendSourceFile(interaction: RepliableInteraction, answer: Answer, ephemeral: boolean) {
  const lines = answer.sources.map((s) => `- [${s.title}](${s.url})`).join('\n');
  const file = new AttachmentBuilder(Buffer.from(`# Sources / 출처\n\n${lines}\n`, 'utf8'), {
    name: 'sources.md',
  });
  await interaction.followUp({
    files: [file],
    allowedMentions: { parse: [] },
    ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  });
}
