import type { Logger } from 'pino';
import type { Metrics } from '../shared/metrics.js';

/**
 * Once the bot serves, one bad event must not end the process for everyone: an exception that
 * escapes every handler (a discord.js structure built from a packet it did not expect, say) is
 * logged with its stack and counted, and the bot keeps serving.
 */
export function installSafetyNet(logger: Logger, metrics: Metrics): void {
  process.on('uncaughtException', (error) => {
    metrics.contained('uncaught_exception');
    logger.error({ err: error }, 'uncaught exception; the bot keeps running');
  });
  process.on('unhandledRejection', (reason) => {
    metrics.contained('unhandled_rejection');
    logger.error({ err: reason }, 'unhandled promise rejection; the bot keeps running');
  });
}
