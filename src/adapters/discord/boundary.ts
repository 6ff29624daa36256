import type { Logger } from 'pino';
import { track, type Outcome } from './outcome.js';

/** What the boundary logs about one event (an interaction or a message). */
export interface EventInfo {
  /** The log line's id field, e.g. `{ interaction: id }` or `{ message: id }`. */
  readonly id: Readonly<Record<string, string>>;
  /** A short, bounded name: the command, `button:fb`, `mention`… */
  readonly command: string;
  /** Logged with a failure (ids of the user, channel, guild…; never the text). */
  readonly context: Readonly<Record<string, unknown>>;
  /** The failure's log message. */
  readonly failure: string;
  /** The question asked, logged at debug level only. */
  question(): string | undefined;
  /** No log line when the event turned out not to be for the bot (a post in a channel with no briefing). */
  readonly quietIfIgnored?: boolean;
}

/**
 * The one error boundary of the Discord adapter, for interactions, mentions and briefing posts:
 * a failure is logged with its context and (where there is someone to tell) apologised for, never
 * thrown; every event gets one log line with its status and latency.
 */
export async function withinBoundary(
  logger: Logger,
  event: object,
  info: EventInfo,
  work: (outcome: Outcome) => Promise<void>,
  apologize?: () => Promise<void>,
): Promise<void> {
  const outcome = track(event);
  try {
    await work(outcome);
  } catch (error) {
    outcome.status = 'error';
    logger.error({ err: error, ...info.context }, info.failure);
    if (apologize !== undefined) await apologize();
  } finally {
    if (info.quietIfIgnored !== true || outcome.status !== 'ignored') logLine(logger, info, outcome);
  }
}

/** One line per event: what it was, how it ended and how long it took. */
function logLine(logger: Logger, info: EventInfo, outcome: Outcome): void {
  const line: Record<string, unknown> = {
    ...info.id,
    command: info.command,
    status: outcome.status,
    latencyMs: Math.round((performance.now() - outcome.startedAt) * 100) / 100,
  };
  if (logger.isLevelEnabled('debug')) line['question'] = info.question();
  logger.info(line, 'interaction');
}
