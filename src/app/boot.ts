import { config } from 'dotenv';
import { pino, type Logger } from 'pino';
import { EnvError, loadEnv, retiredVariables, type Env } from '../config/env.js';
import { KnowledgeError } from '../knowledge/parse.js';
import { StoreOpenError } from '../adapters/storage/index.js';

/** A start-up fault an operator can act on; its message is the one line printed before exit 1. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

export interface BootContext {
  readonly env: Env;
  /** JSON logs on stderr (stdout stays for output: `npm run ask -- --json` prints only JSON). */
  readonly logger: Logger;
}

/** How long a log line may wait in the buffer. */
const LOG_FLUSH_MS = 250;

/**
 * Logs go to stderr as JSON; tokens and keys are never logged. Buffered (one log line per
 * interaction must not cost a system call on the reply path) and written at least every 250 ms,
 * and whatever is left when the process exits.
 */
export function createLogger(env: Env): Logger {
  const logger = pino(
    { level: env.LOG_LEVEL, redact: ['token', '*.token', 'headers.authorization'] },
    pino.destination({ fd: 2, sync: false, minLength: 4096 }),
  );
  setInterval(() => {
    logger.flush();
  }, LOG_FLUSH_MS).unref();
  return logger;
}

/** Writes out buffered log lines (before a final message, so it comes last). */
export function flushLogs(logger: Logger | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (logger === undefined) resolve();
    else
      logger.flush(() => {
        resolve();
      });
  });
}

const EXPECTED = [EnvError, KnowledgeError, StoreOpenError, StartupError];

/**
 * The one boot routine of every entry point: `.env` (the environment wins over it), the
 * configuration validated once, then `main`. An expected start-up fault (bad configuration, a
 * broken knowledge base, an unusable store, Discord refusing the token…) ends with its message
 * on stderr and exit code 1, never a stack trace; `main` may set `process.exitCode` itself.
 */
export async function boot(main: (context: BootContext) => Promise<void>): Promise<void> {
  config({ quiet: true });
  let logger: Logger | undefined;
  try {
    const env = loadEnv(process.env);
    logger = createLogger(env);
    for (const warning of retiredVariables(process.env)) logger.warn(warning);
    await main({ env, logger });
  } catch (error) {
    if (EXPECTED.some((kind) => error instanceof kind)) {
      await flushLogs(logger);
      process.stderr.write(`egov-briefing-bot: ${(error as Error).message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Rejects with a StartupError when `work` takes longer than `ms`. */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new StartupError(`${what} did not finish within ${Math.round(ms / 1000)} s`));
        }, ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
