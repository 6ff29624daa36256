import type { Logger } from 'pino';
import type { Stores } from '../adapters/storage/index.js';
import type { BriefingService } from '../briefing/service.js';
import type { Env } from '../config/env.js';
import type { RouteSet } from '../http/server.js';
import type { KnowledgeBase } from '../knowledge/parse.js';

/** The board, archive and projects pages, and the hub of open board streams to close at shutdown. */
export interface Pages {
  readonly routes: RouteSet;
  close(): void;
}

/**
 * The pages for people on the bot's HTTP server, when HTTP_PORT is set (undefined otherwise).
 * Loaded only then, like fastify.
 */
export async function openPages(
  env: Env,
  service: BriefingService,
  kb: KnowledgeBase,
  stores: Stores,
  logger: Logger,
): Promise<Pages | undefined> {
  if (env.HTTP_PORT === undefined) return undefined;
  const [{ BoardHub }, { pageRoutes }] = await Promise.all([
    import('../http/board/hub.js'),
    import('../http/board/routes.js'),
  ]);
  const hub = new BoardHub({ service, logger: logger.child({ component: 'board' }) });
  return {
    routes: pageRoutes({
      service,
      hub,
      kb,
      rateLimiter: stores.rateLimiter,
      requestsPerMinute: env.HTTP_REQUESTS_PER_MINUTE,
      publicOrigin: env.PUBLIC_URL,
    }),
    close: () => {
      hub.close();
    },
  };
}

/** The base URL of board links: PUBLIC_URL, else the address the server is bound to. */
export function boardBaseUrl(env: Env, boundUrl: string | undefined): string | undefined {
  if (env.HTTP_PORT === undefined) return undefined;
  return env.PUBLIC_URL ?? boundUrl;
}
