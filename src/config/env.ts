import { z } from 'zod';

const snowflake = z.string().regex(/^\d{15,22}$/, 'must be a Discord snowflake (digits)');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const flag = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no']))
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  /** Discord bot token; without it the assistant runs in the console. */
  DISCORD_TOKEN: z
    .string()
    .regex(/^\S+$/, 'must be a single word without spaces (check for a stray quote or space)')
    .optional(),
  /** The Discord application (client) id; needed to register commands. */
  DISCORD_APPLICATION_ID: snowflake.optional(),
  /** Register commands in this server only (instant) instead of globally. */
  DISCORD_GUILD_ID: snowflake.optional(),
  /** Another base URL for Discord's HTTP API (a proxy, or a test stand-in). */
  DISCORD_API_URL: z.url().optional(),
  /** Run this many discord.js shards (one process each) under a sharding manager; `auto` asks Discord. */
  SHARD_COUNT: z.union([z.literal('auto'), int(1, 1000)]).optional(),
  /** A start that has not reached Discord's ready state by then fails with one clear line. */
  STARTUP_TIMEOUT_MS: int(1000, 600_000).default(30_000),
  /** SQLite file for votes, briefings, button contexts, caches and the gap log. */
  STORE_PATH: z.string().default('data/egov-briefing-bot.sqlite'),
  /** Use Redis instead of the SQLite file (e.g. redis://127.0.0.1:6379); needed for shards. */
  REDIS_URL: z.url().optional(),
  /** Serve /healthz and /metrics on this port (0: any free port). Off when unset. */
  HTTP_PORT: int(0, 65535).optional(),
  /** Address the HTTP server binds to; loopback unless you publish it on purpose. */
  HTTP_HOST: z.string().default('127.0.0.1'),
  /**
   * The address people open the live board at, e.g. https://board.example.org behind a reverse
   * proxy; board links and the organiser's same-origin check use it. Default: http://HTTP_HOST:HTTP_PORT.
   */
  PUBLIC_URL: z
    .url()
    .refine((v) => /^https?:\/\/[^/]+\/?$/.test(v), 'must be an origin only, e.g. https://board.example.org')
    .transform((v) => v.replace(/\/$/, ''))
    .optional(),
  /** Take the client's address and scheme from X-Forwarded-For/-Proto (only behind your own reverse proxy). */
  HTTP_TRUST_PROXY: flag.default(false),
  /** Requests per minute one address may make to the board and projects pages. */
  HTTP_REQUESTS_PER_MINUTE: int(10, 100_000).default(300),
  /** Enables LLM phrasing of decided answers. */
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** Any OpenAI-compatible server (a local model server included). */
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  /** Total time the LLM may take for one answer before the template is sent. */
  PHRASING_BUDGET_MS: int(100, 10000).default(2500),
  /** Questions per user per minute on Discord. */
  RATE_LIMIT_PER_MINUTE: int(1, 600).default(10),
  /** Take plain posts in a running briefing's channel as questions (needs the privileged MessageContent intent). */
  BRIEFING_READ_MESSAGES: flag.default(false),
  /** Questions one account may submit to a briefing per minute. */
  BRIEFING_QUESTIONS_PER_MINUTE: int(1, 120).default(5),
  /** Minimum time between two edits of a briefing's queue message (Discord allows ~5 edits per 5 s). */
  BRIEFING_EDIT_INTERVAL_MS: int(1000, 60000).default(2000),
  /** Folder of the knowledge base (defaults to the repository's knowledge/). */
  KNOWLEDGE_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = Readonly<z.infer<typeof envSchema>>;

/** Variables that no longer do anything, with what replaced them (reported as a warning at start). */
const RETIRED: Readonly<Record<string, string>> = {
  BRIEFING_ORGANISER_ROLE_ID:
    'the organiser role is now set per server with /briefing-qa organiser-role (Manage Server)',
};

export class EnvError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/**
 * One rule for every variable: a value that is empty or only spaces counts as unset, as a blank
 * line in a copied .env.example should.
 */
function withoutEmpty(source: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(source))
    if (value !== undefined && value.trim() !== '') kept[name] = value;
  return kept;
}

/**
 * Validates the environment once. Every problem is reported together; values are never echoed,
 * so a mistyped token does not end up in a log.
 */
export function loadEnv(source: Readonly<Record<string, string | undefined>>): Env {
  const values = withoutEmpty(source);
  const result = envSchema.safeParse(values);
  const issues = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  // Checked on the raw values too, so it is reported together with any other problem.
  if (values['DISCORD_TOKEN'] !== undefined && values['DISCORD_APPLICATION_ID'] === undefined) {
    issues.push('DISCORD_APPLICATION_ID: is required when DISCORD_TOKEN is set');
  }
  if (!result.success || issues.length > 0) throw new EnvError(issues);
  return Object.freeze(result.data);
}

/** Warnings for retired variables that are still set. */
export function retiredVariables(source: Readonly<Record<string, string | undefined>>): string[] {
  const values = withoutEmpty(source);
  return Object.entries(RETIRED)
    .filter(([name]) => values[name] !== undefined)
    .map(([name, instead]) => `${name} is no longer used: ${instead}`);
}
