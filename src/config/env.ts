import { z } from 'zod';

// Empty strings in .env mean "unset", as a blank line in a copied .env.example should.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const envSchema = z.object({
  /** Discord bot token; without it the assistant runs in the console. */
  DISCORD_TOKEN: optional(
    z.string().regex(/^\S+$/, 'must be a single word without spaces (check for a stray quote or space)'),
  ),
  /** The Discord application (client) id; needed to register commands. */
  DISCORD_APPLICATION_ID: optional(z.string().regex(/^\d{15,22}$/, 'must be a Discord snowflake (digits)')),
  /** Register commands in this server only (instant) instead of globally. */
  DISCORD_GUILD_ID: optional(z.string().regex(/^\d{15,22}$/, 'must be a Discord snowflake (digits)')),
  /** Another base URL for Discord's HTTP API (a proxy, or a test stand-in). */
  DISCORD_API_URL: optional(z.url()),
  /** SQLite file for feedback votes, rate limits and caches. */
  STORE_PATH: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().default('data/egov-briefing-bot.sqlite'),
  ),
  /** Use Redis instead of the SQLite file (e.g. redis://127.0.0.1:6379). */
  REDIS_URL: optional(z.url()),
  /** Enables LLM phrasing of decided answers. */
  OPENAI_API_KEY: optional(z.string().min(1)),
  /** Any OpenAI-compatible server (a local model server included). */
  OPENAI_BASE_URL: optional(z.url()),
  OPENAI_MODEL: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('gpt-4o-mini')),
  /** Total time the LLM may take for one answer before the template is sent. */
  PHRASING_BUDGET_MS: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(100).max(10000).default(2500),
  ),
  /** Questions per user per minute on Discord. */
  RATE_LIMIT_PER_MINUTE: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(1).max(600).default(10),
  ),
  /** Members with this role may start, stop and export a live briefing (besides Manage Server / Manage Events). */
  BRIEFING_ORGANISER_ROLE_ID: optional(
    z.string().regex(/^\d{15,22}$/, 'must be a Discord snowflake (digits)'),
  ),
  /** Take plain posts in a running briefing's channel as questions (needs the privileged MessageContent intent). */
  BRIEFING_READ_MESSAGES: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toLowerCase()) : v),
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default('false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  ),
  /** Questions one account may submit to a briefing per minute. */
  BRIEFING_QUESTIONS_PER_MINUTE: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(1).max(120).default(5),
  ),
  /** Minimum time between two edits of a briefing's queue message (Discord allows ~5 edits per 5 s). */
  BRIEFING_EDIT_INTERVAL_MS: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(1000).max(60000).default(2000),
  ),
  /** Folder of the knowledge base (defaults to the repository's knowledge/). */
  KNOWLEDGE_DIR: optional(z.string()),
  LOG_LEVEL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
});

export type Env = Readonly<z.infer<typeof envSchema>>;

export class EnvError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/**
 * Validates the environment once. Every problem is reported together; values are never echoed,
 * so a mistyped token does not end up in a log.
 */
export function loadEnv(source: Readonly<Record<string, string | undefined>>): Env {
  const result = envSchema.safeParse(source);
  const issues = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  // Checked on the raw values too, so it is reported together with any other problem.
  const isSet = (name: string) => (source[name] ?? '').trim() !== '';
  if (isSet('DISCORD_TOKEN') && !isSet('DISCORD_APPLICATION_ID')) {
    issues.push('DISCORD_APPLICATION_ID: is required when DISCORD_TOKEN is set');
  }
  if (!result.success || issues.length > 0) throw new EnvError(issues);
  return Object.freeze(result.data);
}
