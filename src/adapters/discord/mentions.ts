import type { Client, Message } from 'discord.js';
import type { Logger } from 'pino';
import type { MessageBook } from '../../core/messages.js';
import { detectLanguage } from '../../core/text.js';
import type { Metrics } from '../../shared/metrics.js';
import type { RateLimiter } from '../../shared/rateLimit.js';
import type { BriefingQa } from './briefingQa.js';
import { track } from './outcome.js';
import { buildNotice } from './reply.js';
import type { Responder } from './respond.js';

export interface MentionOptions {
  readonly responder: Responder;
  readonly book: MessageBook;
  readonly limiter: RateLimiter;
  /** At most one "too fast" notice per user per window: a flood gets one notice, not one per post. */
  readonly noticeLimiter: RateLimiter;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/**
 * `@bot question`: a reply under the post, through the same engine and rendering as /ask. Its own
 * boundary (a message has no interaction to apologise on): failures are logged, never thrown.
 */
export function createMentionHandler(o: MentionOptions): (message: Message, text: string) => Promise<void> {
  const { logger, metrics } = o;
  return async (message, text) => {
    const outcome = track(message);
    metrics.interaction('mention');
    try {
      const limited = await o.limiter.take(message.author.id);
      if (!limited.ok) {
        metrics.rateLimited('mention');
        const noticeAllowed = await o.noticeLimiter.take(message.author.id);
        outcome.status = noticeAllowed.ok ? 'rate_limited' : 'rate_limited_silent';
        if (noticeAllowed.ok)
          await message.reply(
            buildNotice(
              o.book.get('notice.rateLimited', detectLanguage(text), {
                seconds: Math.ceil(limited.retryAfterMs / 1000),
              }),
            ),
          );
        return;
      }
      await o.responder.answerMention(message, text);
    } catch (error) {
      outcome.status = 'error';
      logger.error(
        { err: error, message: message.id, channel: message.channelId, user: message.author.id },
        'mention reply failed',
      );
    } finally {
      const line: Record<string, unknown> = {
        message: message.id,
        command: 'mention',
        status: outcome.status,
        latencyMs: Math.round((performance.now() - outcome.startedAt) * 100) / 100,
      };
      if (logger.isLevelEnabled('debug')) line['question'] = text;
      logger.info(line, 'interaction');
    }
  };
}

/**
 * Every message the bot receives: a direct mention of the bot is a question for it (@everyone and
 * role pings are not); other posts may be questions for a briefing running in the channel.
 */
export function createMessageRouter(o: {
  readonly client: Client;
  readonly onMention: (message: Message, text: string) => Promise<void>;
  readonly briefing: BriefingQa;
  readonly readMessages: boolean;
  readonly logger: Logger;
}): (message: Message) => Promise<void> {
  return async (message) => {
    if (message.author.bot || o.client.user === null) return;
    if (message.mentions.users.has(o.client.user.id)) {
      await o.onMention(message, message.content.replace(/<@!?\d+>/g, ' ').trim());
      return;
    }
    if (!o.readMessages) return;
    try {
      await o.briefing.handleMessage(message);
    } catch (error) {
      o.logger.error(
        { err: error, message: message.id, channel: message.channelId, user: message.author.id },
        'briefing question failed',
      );
    }
  };
}
