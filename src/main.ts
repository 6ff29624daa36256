import 'dotenv/config';
import { pino } from 'pino';
import { runConsole } from './adapters/cli/console.js';
import { openPhrasing } from './adapters/openPhrasing.js';
import { EnvError, loadEnv } from './config/env.js';
import { createEngine } from './core/engine.js';
import { warmUp } from './core/warmUp.js';
import { loadKnowledge } from './knowledge/load.js';
import { KnowledgeError } from './knowledge/parse.js';

// The only place that wires configuration, knowledge, storage and adapters together.
async function main(): Promise<void> {
  const env = loadEnv(process.env);
  const engine = createEngine(loadKnowledge(env.KNOWLEDGE_DIR));
  if (env.DISCORD_TOKEN === undefined) {
    const phrasing = await openPhrasing(env, engine.kb);
    await runConsole(engine, {
      input: process.stdin,
      output: process.stdout,
      ...(phrasing !== null
        ? {
            answer: async (question) => {
              const answer = engine.answer(question);
              return { answer, phrased: await phrasing.phrase(answer, question.text) };
            },
          }
        : {}),
    });
    await phrasing?.close();
    return;
  }
  // Logs go to stderr as JSON; tokens and keys are never logged.
  const logger = pino(
    { level: env.LOG_LEVEL, redact: ['token', '*.token', 'headers.authorization'] },
    pino.destination(2),
  );
  const [{ createBot }, { openStores }] = await Promise.all([
    import('./adapters/discord/bot.js'),
    import('./adapters/storage.js'),
  ]);
  const stores = await openStores({ storePath: env.STORE_PATH, redisUrl: env.REDIS_URL });
  logger.info({ store: stores.kind }, 'storage open');
  if (env.BRIEFING_READ_MESSAGES)
    logger.info('briefing channel posts are read as questions (MessageContent intent)');
  const phrasing = await openPhrasing(env, engine.kb, stores);
  if (phrasing !== null)
    logger.info({ model: env.OPENAI_MODEL, budgetMs: env.PHRASING_BUDGET_MS }, 'LLM phrasing on');
  // Compile the hot paths before the first user asks (about 0.1 s at start).
  warmUp(engine);
  const bot = createBot({
    token: env.DISCORD_TOKEN,
    apiUrl: env.DISCORD_API_URL,
    engine,
    stores,
    logger,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    phrase: phrasing?.phrase,
    briefing: {
      organiserRoleId: env.BRIEFING_ORGANISER_ROLE_ID,
      readMessages: env.BRIEFING_READ_MESSAGES,
      questionsPerMinute: env.BRIEFING_QUESTIONS_PER_MINUTE,
      editIntervalMs: env.BRIEFING_EDIT_INTERVAL_MS,
    },
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await bot.stop();
    await stores.close();
    logger.flush();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await bot.ready;
}

try {
  await main();
} catch (error) {
  if (error instanceof EnvError || error instanceof KnowledgeError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
