import type { Client, Message } from 'discord.js';
import type { Logger } from 'pino';
import type { MessageBook } from '../../core/messages.js';
import { detectLanguage } from '../../core/text.js';
import type { Metrics } from '../../shared/metrics.js';
import type { RateLimiter } from '../../shared/rateLimit.js';
import type { BriefingQa } from './briefingQa.js';
import { withinBoundary, type EventInfo } from './boundary.js';
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
 * `@bot question`: a reply under the post, through the same answer path and rendering as /ask,
 * inside the adapter's one boundary (a message has no interaction to apologise on).
 */
export function createMentionHandler(o: MentionOptions): (message: Message, text: string) => Promise<void> {
  const { logger, metrics } = o;
  return async (message, text) => {
    metrics.interaction('mention');
    await withinBoundary(
      logger,
      message,
      messageInfo(message, 'mention', 'mention reply failed', text),
      async (outcome) => {
        const limited = await o.limiter.take(message.author.id);
        if (limited.ok) {
          await o.responder.answerMention(message, text);
          return;
        }
        metrics.rateLimited('mention');
        const noticeAllowed = await o.noticeLimiter.take(message.author.id);
        outcome.status = noticeAllowed.ok ? 'rate_limited' : 'rate_limited_silent';
        if (!noticeAllowed.ok) return;
        const seconds = Math.ceil(limited.retryAfterMs / 1000);
        await message.reply(buildNotice(o.book.get('notice.rateLimited', detectLanguage(text), { seconds })));
      },
    );
  };
}

/** How the boundary logs a message (a mention, or a post in a briefing channel). */
function messageInfo(message: Message, command: string, failure: string, text: string): EventInfo {
  return {
    id: { message: message.id },
    command,
    context: { message: message.id, channel: message.channelId, user: message.author.id },
    failure,
    question: () => text,
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
    const info = {
      ...messageInfo(message, 'briefing_post', 'briefing question failed', message.content),
      quietIfIgnored: true,
    };
    await withinBoundary(o.logger, message, info, async (outcome) => {
      if (!(await o.briefing.handleMessage(message))) outcome.status = 'ignored';
    });
  };
}
