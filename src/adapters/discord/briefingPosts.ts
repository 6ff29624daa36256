import type { Message } from 'discord.js';
import type { Logger } from 'pino';
import type { AnswerPath } from '../../answering/answerPath.js';
import type { BriefingService } from '../../briefing/service.js';
import type { MessageBook } from '../../core/messages.js';
import type { Metrics } from '../../shared/metrics.js';
import { autoReply, sayIn, submitText } from './briefingView.js';
import { settle } from './outcome.js';
import type { Coalescer } from '../../shared/coalescer.js';
import { buildNotice, type ReplyPayload } from './reply.js';

/** What taking a briefing post needs. */
export interface PostOptions {
  readonly service: BriefingService;
  readonly path: AnswerPath;
  readonly book: MessageBook;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/**
 * A post in a channel where a briefing runs, taken as a question: answered privately when the
 * knowledge base knows, else queued and acknowledged with a reaction. False when no briefing runs.
 */
export async function takePost(o: PostOptions, updater: Coalescer, message: Message): Promise<boolean> {
  const briefing = await o.service.running(message.channelId);
  if (briefing === undefined) return false;
  const author = { id: message.author.id, name: message.author.username };
  const outcome = await o.service.submit(message.channelId, author, message.content, 'message');
  const language = briefing.language;
  settle(message, outcome.kind);
  if (outcome.kind === 'limited') o.metrics.rateLimited('briefing');
  if (outcome.kind === 'auto') {
    await sendPrivately(o.logger, message, await autoReply(o, language, outcome.answer, message.content));
    return true;
  }
  if (outcome.kind === 'queued' || outcome.kind === 'merged') updater.request(briefing.id);
  const reaction = { queued: '✅', merged: '👍', repeat: '🔁' } as const;
  const text = submitText(sayIn(o.book, language), outcome);
  if (outcome.kind === 'queued' || outcome.kind === 'merged' || outcome.kind === 'repeat')
    await acknowledge(o.logger, message, reaction[outcome.kind], text);
  else await message.reply({ ...buildNotice(text) });
  return true;
}

/** A reaction; without Add Reactions (or on any failure) the same news as a short reply. */
async function acknowledge(logger: Logger, message: Message, emoji: string, text: string): Promise<void> {
  try {
    await message.react(emoji);
  } catch (error) {
    logger.warn(
      { err: error, channel: message.channelId },
      'could not react to a briefing question (missing Add Reactions?); replying instead',
    );
    await message.reply({ ...buildNotice(text) });
  }
}

/** By DM where the member allows DMs; otherwise as a reply under the post. */
async function sendPrivately(logger: Logger, message: Message, payload: ReplyPayload): Promise<void> {
  const body = {
    content: payload.content ?? '',
    embeds: payload.embeds,
    allowedMentions: payload.allowedMentions,
  };
  try {
    await message.author.send(body);
  } catch (error) {
    logger.debug(
      { err: error, user: message.author.id },
      'could not DM the auto-answer; replying in the channel',
    );
    await message.reply(body);
  }
}
