import type { Client } from 'discord.js';
import type { Logger } from 'pino';
import { archivePath, boardPath } from '../../briefing/board.js';
import type { BriefingChange } from '../../briefing/changes.js';
import type { BriefingRecord } from '../../briefing/model.js';
import type { BriefingService } from '../../briefing/service.js';
import type { MessageBook } from '../../core/messages.js';
import type { Coalescer } from '../../shared/coalescer.js';
import { oneLine, sayIn } from './briefingView.js';
import { defuseMentions, truncate } from './reply.js';

/** What the live board's bridge to Discord needs. */
export interface BoardBridgeOptions {
  readonly client: Client;
  readonly service: BriefingService;
  readonly book: MessageBook;
  readonly logger: Logger;
  /** The board's public base URL, or undefined while no HTTP server serves it. */
  readonly boardUrl?: (() => string | undefined) | undefined;
}

/** Posts `Q. … A. …` in the briefing's channel, without mentions. */
export async function postAnswer(
  o: BoardBridgeOptions,
  briefing: BriefingRecord,
  question: string,
  answer: string,
): Promise<void> {
  const channel = await o.client.channels.fetch(briefing.channelId);
  if (channel?.isSendable() !== true) return;
  const post = sayIn(o.book, briefing.language)('answerPost', {
    question: oneLine(question, 500),
    answer: truncate(defuseMentions(answer), 1200),
  });
  await channel.send({ content: post, allowedMentions: { parse: [] } });
}

/** The board links of a new briefing, when a board is served. */
export async function boardLinks(
  o: BoardBridgeOptions,
  briefingId: string,
): Promise<{ viewer: string; organiser: string } | undefined> {
  const base = o.boardUrl?.();
  if (base === undefined) return undefined;
  const tokens = await o.service.openBoard(briefingId);
  return {
    viewer: `${base}${boardPath(briefingId, tokens.viewer)}`,
    organiser: `${base}${boardPath(briefingId, tokens.organiser)}`,
  };
}

/** The lasting archive link of a stopped briefing, when a board is served. */
export async function archiveLink(o: BoardBridgeOptions, briefingId: string): Promise<string | undefined> {
  const base = o.boardUrl?.();
  if (base === undefined) return undefined;
  const token = await o.service.archiveToken(briefingId);
  return token === undefined ? undefined : `${base}${archivePath(briefingId, token)}`;
}

/**
 * A decision made on the live board reaches Discord here: the queue message is updated and a
 * short answer is posted in the channel, as for a decision made in Discord. Only the process
 * whose gateway holds the briefing's server acts (one shard of several).
 */
async function applyBoardChange(
  o: BoardBridgeOptions,
  updater: Coalescer,
  change: BriefingChange,
): Promise<void> {
  if (change.kind !== 'decided' || change.origin !== 'board') return;
  const briefing = await o.service.repository.getBriefing(change.briefingId);
  if (briefing === undefined || !o.client.guilds.cache.has(briefing.guildId)) return;
  updater.request(briefing.id);
  if (change.action !== 'answer' || change.answer === null) return;
  const view = await o.service.view(briefing.id, change.questionId);
  if (view !== undefined) await postAnswer(o, briefing, view.question.text, change.answer);
}

/** Follows the board's decisions into Discord; returns the unsubscribe. */
export function followBoard(o: BoardBridgeOptions, updater: Coalescer): () => void {
  return o.service.changes.subscribe((change) => {
    applyBoardChange(o, updater, change).catch((error: unknown) => {
      o.logger.error({ err: error, briefing: change.briefingId }, 'could not apply a board decision');
    });
  });
}
