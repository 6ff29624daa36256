import type { Logger } from 'pino';
import { openStores } from '../adapters/storage/index.js';
import { BriefingService } from '../briefing/service.js';
import type { Env } from '../config/env.js';
import { createEngine } from '../core/engine.js';
import type { RouteSet } from '../http/server.js';
import { loadKnowledge } from '../knowledge/load.js';
import { todayInKorea } from '../shared/koreaClock.js';
import { within } from './boot.js';
import { openPages } from './pages.js';

/**
 * The board and projects pages served by the sharding manager (HTTP_PORT set): its own connection
 * to the shards' Redis and a briefing service on it. Undefined when HTTP is off.
 */
export async function openManagerPages(
  env: Env,
  logger: Logger,
): Promise<{ routes: RouteSet; close(): Promise<void> } | undefined> {
  if (env.HTTP_PORT === undefined || env.REDIS_URL === undefined) return undefined;
  const kb = loadKnowledge(env.KNOWLEDGE_DIR);
  const stores = await within(
    env.STARTUP_TIMEOUT_MS,
    'opening the store',
    openStores({ storePath: env.STORE_PATH, redisUrl: env.REDIS_URL, logger }),
  );
  const service = new BriefingService({
    engine: createEngine(kb),
    stores,
    today: todayInKorea,
    questionsPerMinute: env.BRIEFING_QUESTIONS_PER_MINUTE,
    changes: stores.changes,
  });
  const pages = await openPages(env, service, kb, stores, logger);
  if (pages === undefined) {
    await stores.close();
    return undefined;
  }
  return {
    routes: pages.routes,
    close: async () => {
      pages.close();
      await stores.close();
    },
  };
}
