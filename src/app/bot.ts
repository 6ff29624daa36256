import { Status } from 'discord.js';
import { createBot, type Bot } from '../adapters/discord/bot.js';
import { openPhrasing } from '../adapters/openPhrasing.js';
import { openStores, type Stores } from '../adapters/storage/index.js';
import { REMEMBERED_ANSWERS, rememberAnswers } from '../answering/memo.js';
import { createEngine } from '../core/engine.js';
import { warmUp } from '../core/warmUp.js';
import type { HealthPart } from '../http/health.js';
import type { HttpServer } from '../http/server.js';
import { loadKnowledge } from '../knowledge/load.js';
import type { PrometheusMetrics } from '../metrics/prometheus.js';
import { NO_METRICS, type Metrics } from '../shared/metrics.js';
import { StartupError, flushLogs, within, type BootContext } from './boot.js';
import { describeLoginError } from './discordErrors.js';
import { serveOps } from './opsServer.js';
import { boardBaseUrl, openPages } from './pages.js';
import { installSafetyNet } from './safetyNet.js';
import { answerShardManager } from './shardChild.js';

/** How long a shutdown may take before the process exits anyway. */
const SHUTDOWN_MS = 10_000;

function gatewayHealth(bot: Bot): HealthPart {
  if (bot.isGatewayReady()) return { ok: true, detail: 'ready' };
  const statuses = [...bot.client.ws.shards.values()].map((s) => Status[s.status]);
  return { ok: false, detail: statuses.length > 0 ? statuses.join(',') : 'connecting' };
}

async function storeHealth(stores: Stores): Promise<HealthPart> {
  const problem = await stores.problem();
  return problem === null ? { ok: true, detail: stores.kind } : { ok: false, detail: problem };
}

/** The store (SQLite, or Redis when REDIS_URL is set), opened within the start-up timeout. */
async function openBotStores({ env, logger }: BootContext, metrics: Metrics): Promise<Stores> {
  const stores = await within(
    env.STARTUP_TIMEOUT_MS,
    'opening the store',
    openStores({
      storePath: env.STORE_PATH,
      redisUrl: env.REDIS_URL,
      connectTimeoutMs: Math.min(env.STARTUP_TIMEOUT_MS, 10_000),
      logger,
      onError: () => {
        metrics.storeError();
      },
    }),
  );
  logger.info({ store: stores.kind }, 'storage open');
  return stores;
}

/** A shutdown that runs once, is bounded by SHUTDOWN_MS, flushes the logs and exits. */
function stopOnce(logger: BootContext['logger'], close: () => Promise<void>) {
  let stopping = false;
  return async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_MS).unref();
    await close();
    logger.info('stopped');
    await flushLogs(logger);
    process.exit(0);
  };
}

/**
 * The Discord bot: stores, engine, optional phrasing, the gateway, and (with HTTP_PORT) /healthz
 * and /metrics. In a shard process (`asShard`) the manager serves HTTP and asks over IPC.
 */
export async function runBot({ env, logger }: BootContext, asShard = false): Promise<void> {
  const token = env.DISCORD_TOKEN;
  if (token === undefined) throw new StartupError('DISCORD_TOKEN is not set');
  const measured = asShard || env.HTTP_PORT !== undefined;
  // prom-client is loaded only when something reads the metrics.
  const prometheus: PrometheusMetrics | undefined = measured
    ? new (await import('../metrics/prometheus.js')).PrometheusMetrics()
    : undefined;
  const metrics = prometheus ?? NO_METRICS;
  const kb = loadKnowledge(env.KNOWLEDGE_DIR);
  // Repeats (a briefing asks the same few questions many times) are answered from memory.
  const engine = rememberAnswers(createEngine(kb), REMEMBERED_ANSWERS, (result) => {
    metrics.answerMemo(result);
  });
  const stores = await openBotStores({ env, logger }, metrics);
  if (env.BRIEFING_READ_MESSAGES)
    logger.info('briefing channel posts are read as questions (MessageContent intent)');
  const phrasing = await openPhrasing(env, engine.kb, stores);
  if (phrasing !== null)
    logger.info({ model: env.OPENAI_MODEL, budgetMs: env.PHRASING_BUDGET_MS }, 'LLM phrasing on');
  // Compile the hot paths before the first user asks (about 0.1 s at start).
  warmUp(engine);
  // In a shard process the manager serves the board and sets PUBLIC_URL for the links.
  let http: HttpServer | undefined;
  const bot = createBot({
    token,
    apiUrl: env.DISCORD_API_URL,
    engine,
    stores,
    logger,
    metrics,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    phrase: phrasing?.phrase,
    briefing: {
      readMessages: env.BRIEFING_READ_MESSAGES,
      questionsPerMinute: env.BRIEFING_QUESTIONS_PER_MINUTE,
      editIntervalMs: env.BRIEFING_EDIT_INTERVAL_MS,
      boardUrl: () => boardBaseUrl(env, http?.url),
    },
  });
  const health = async () => ({ gateway: gatewayHealth(bot), store: await storeHealth(stores) });
  const metricsText = async () => ({
    contentType: prometheus!.registry.contentType,
    text: await prometheus!.registry.metrics(),
  });

  const pages = asShard ? undefined : await openPages(env, bot.briefingService, kb, stores, logger);
  try {
    // Up before the gateway, so /healthz answers 503 while the bot connects.
    if (!asShard)
      http = await serveOps(env, logger, health, metricsText, pages === undefined ? [] : [pages.routes]);
    await within(env.STARTUP_TIMEOUT_MS, 'connecting to Discord', bot.ready).catch((error: unknown) => {
      throw error instanceof StartupError
        ? error
        : new StartupError(describeLoginError(error, env.DISCORD_API_URL));
    });
  } catch (error) {
    pages?.close();
    // Cleanup is bounded too: a gateway still connecting must not hold the exit back.
    await Promise.race([
      Promise.allSettled([http?.close(), bot.client.destroy(), stores.close()]),
      new Promise((resolve) => setTimeout(resolve, 2000).unref()),
    ]);
    throw error instanceof StartupError ? error : new StartupError((error as Error).message);
  }
  installSafetyNet(logger, metrics);
  if (asShard)
    answerShardManager({
      health,
      metrics: () => prometheus!.registry.getMetricsAsJSON(),
    });

  const stop = stopOnce(logger, async () => {
    pages?.close();
    await http?.close();
    await bot.stop();
    await phrasing?.close();
    await stores.close();
  });
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
