import { Client, Events, GatewayIntentBits, Options, Status } from 'discord.js';
import type { Logger } from 'pino';
import { COMMANDS, type Command, type CommandContext } from '../../../commands/index.js';
import { AnswerPath, type Phrase } from '../../answering/answerPath.js';
import { BriefingService } from '../../briefing/service.js';
import type { Engine } from '../../core/engine.js';
import { MessageBook } from '../../core/messages.js';
import type { Answer } from '../../core/types.js';
import { todayInKorea } from '../../shared/koreaClock.js';
import { NO_METRICS, type Metrics } from '../../shared/metrics.js';
import type { Stores } from '../storage/index.js';
import { AnswerCache } from './answerCache.js';
import { BriefingQa } from './briefingQa.js';
import { AnswerComponents } from './buttons.js';
import { guardGateway } from './gatewayGuard.js';
import { createMentionHandler, createMessageRouter } from './mentions.js';
import { languageOfLocale, privateNotice } from './notices.js';
import { OptionReader } from './options.js';
import { Responder } from './respond.js';
import { createInteractionRouter } from './router.js';

export type { Phrase } from '../../answering/answerPath.js';

export interface BotOptions {
  readonly token: string;
  /** Base URL of Discord's HTTP API (a proxy or a stand-in); Discord's own when absent. */
  readonly apiUrl?: string | undefined;
  readonly engine: Engine;
  readonly stores: Stores;
  readonly logger: Logger;
  readonly metrics?: Metrics | undefined;
  readonly rateLimitPerMinute: number;
  readonly today?: () => string;
  readonly phrase?: Phrase | undefined;
  readonly briefing?: BriefingOptions | undefined;
}

export interface BriefingOptions {
  /**
   * Take posts in a running briefing's channel as questions. Needs the privileged MessageContent
   * intent (enable it in the developer portal), so it is off unless configured.
   */
  readonly readMessages?: boolean | undefined;
  /** Questions per account per minute in a briefing. Default 5. */
  readonly questionsPerMinute?: number | undefined;
  /** Minimum time between two edits of a queue message. Default 2000 ms. */
  readonly editIntervalMs?: number | undefined;
  /** The live board's public base URL, when one is served (see BriefingQaOptions.boardUrl). */
  readonly boardUrl?: (() => string | undefined) | undefined;
}

export interface Bot {
  readonly client: Client;
  /** Resolves once the gateway session is ready; rejects when logging in fails. */
  readonly ready: Promise<void>;
  /** Live briefing Q&A (queue edits are counted on `briefing.updater.edits`). */
  readonly briefing: BriefingQa;
  /** The briefing service behind it, which the live board shares. */
  readonly briefingService: BriefingService;
  /** True while every gateway shard of this process is connected and ready. */
  isGatewayReady(): boolean;
  /** Lets running handlers finish and sends the pending queue edits (at most 5 s each), then logs out. */
  stop(): Promise<void>;
}

function createClient(apiUrl: string | undefined, readMessages: boolean): Client {
  return new Client({
    // Slash commands need only Guilds; mentions arrive with GuildMessages (content of messages
    // that mention the bot is delivered without the privileged MessageContent intent). Reading
    // plain posts in a briefing channel needs MessageContent, asked for only when configured.
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      ...(readMessages ? [GatewayIntentBits.MessageContent] : []),
    ],
    allowedMentions: { parse: [], repliedUser: false },
    // With GuildMessages the bot also receives every message it posts; it never reads old
    // messages back, so none are cached. Nor are the users and members of interactions: each
    // interaction carries its own, and a cache of every asker would grow with every new one
    // (memory, and garbage-collection work per answer). The bot's own user and member stay.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
    }),
    ...(apiUrl !== undefined ? { rest: { api: apiUrl } } : {}),
  });
}

function logGateway(client: Client, logger: Logger): void {
  client.on(Events.Error, (error) => {
    logger.error({ err: error }, 'discord client error');
  });
  client.on(Events.ShardDisconnect, (event, shard) => {
    logger.warn({ code: event.code, shard }, 'gateway disconnected');
  });
  client.on(Events.ShardReconnecting, (shard) => {
    logger.warn({ shard }, 'gateway reconnecting');
  });
  client.on(Events.ShardResume, (shard, replayed) => {
    logger.info({ shard, replayed }, 'gateway resumed');
  });
}

function createBriefing(
  options: BotOptions,
  client: Client,
  book: MessageBook,
  path: AnswerPath,
): { service: BriefingService; qa: BriefingQa } {
  const questionsPerMinute = options.briefing?.questionsPerMinute ?? 5;
  const service = new BriefingService({
    engine: options.engine,
    stores: options.stores,
    today: options.today ?? todayInKorea,
    questionsPerMinute,
    limiter: options.stores.rateLimiter('briefing-questions', questionsPerMinute, 60_000),
    changes: options.stores.changes,
  });
  const qa = new BriefingQa({
    client,
    service,
    path,
    book,
    logger: options.logger,
    metrics: options.metrics ?? NO_METRICS,
    readMessages: options.briefing?.readMessages ?? false,
    editIntervalMs: options.briefing?.editIntervalMs ?? 2000,
    boardUrl: options.briefing?.boardUrl,
  });
  return { service, qa };
}

/** The answer side of the bot: one answer path, its Discord responder, buttons and command context. */
function createAnswering(
  options: BotOptions,
  { service: gaps, qa: briefing }: { service: BriefingService; qa: BriefingQa },
  book: MessageBook,
  path: AnswerPath,
) {
  const { engine, stores, logger } = options;
  const metrics = options.metrics ?? NO_METRICS;
  const today = options.today ?? todayInKorea;
  const cache = new AnswerCache(stores.answers, (error: unknown) => {
    logger.error({ err: error }, 'could not store an answer request');
  });
  /** Keeps a question the engine could not answer; a store failure is logged, not hidden. */
  async function recordGap(text: string, answer: Answer, source: 'command' | 'mention') {
    try {
      await gaps.recordGap(text, answer.status, source);
    } catch (error) {
      logger.error({ err: error, source }, 'could not record a gap question');
    }
  }
  const responder = new Responder({ path, cache, book, today, metrics, recordGap });
  const reader = new OptionReader(book, () => engine.kb.editions.map((e) => e.year));
  const context: CommandContext = {
    engine,
    book,
    briefing,
    today,
    languageOf: (interaction) => languageOfLocale(interaction.locale),
    notice: async (interaction, text) => {
      await interaction.reply(privateNotice(text));
    },
    respond: (interaction, request, respondOptions) =>
      responder.respond(interaction, request, respondOptions),
    readNumber: (interaction, name, spec) => reader.number(interaction, name, spec),
    readChoice: (interaction, name, allowed, spec) => reader.choice(interaction, name, allowed, spec),
    readYear: (interaction) => reader.year(interaction),
  };
  const components = new AnswerComponents({
    engine,
    cache,
    feedback: stores.feedback,
    responder,
    book,
    today,
  });
  return { responder, context, components };
}

/** Creates the bot and logs in. Thin: every answer comes from the engine, on the one answer path. */
export function createBot(options: BotOptions): Bot {
  const { engine, stores, logger } = options;
  const metrics = options.metrics ?? NO_METRICS;
  const book = new MessageBook(engine.kb.messages);
  const path = new AnswerPath(engine, { phrase: options.phrase, metrics });
  const readMessages = options.briefing?.readMessages ?? false;
  const client = createClient(options.apiUrl, readMessages);
  guardGateway(client, logger, metrics);

  const live = createBriefing(options, client, book, path);
  const briefing = live.qa;
  const { responder, context, components } = createAnswering(options, live, book, path);
  const commands = new Map<string, Command>(COMMANDS.map((c) => [c.name, c]));
  const limiter = stores.rateLimiter('questions', options.rateLimitPerMinute, 60_000);
  const onInteraction = createInteractionRouter({
    commands,
    context,
    components,
    briefing,
    book,
    limiter,
    logger,
    metrics,
  });
  const onMention = createMentionHandler({
    responder,
    book,
    limiter,
    noticeLimiter: stores.rateLimiter('rate-notices', 1, 60_000),
    logger,
    metrics,
  });
  const onMessage = createMessageRouter({ client, onMention, briefing, readMessages, logger });

  // Handlers still running (a shutdown lets them finish: their queue edits are then sent too).
  const inFlight = new Set<Promise<void>>();
  const handle = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  client.on(Events.InteractionCreate, (interaction) => {
    handle(onInteraction(interaction));
  });
  client.on(Events.MessageCreate, (message) => {
    handle(onMessage(message));
  });
  logGateway(client, logger);

  return {
    client,
    ready: logIn(client, options.token, logger),
    briefing,
    briefingService: live.service,
    isGatewayReady: () =>
      client.isReady() &&
      client.ws.shards.size > 0 &&
      client.ws.shards.every((s) => s.status === Status.Ready),
    async stop() {
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => setTimeout(resolve, 5000).unref()),
      ]);
      await briefing.flush(5000);
      briefing.close();
      await client.destroy();
    },
  };
}

/** Logs in; resolves once the gateway session is ready. */
function logIn(client: Client, token: string, logger: Logger): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, (c) => {
      logger.info(
        { user: c.user.tag, guilds: c.guilds.cache.size, shards: c.ws.shards.size },
        'discord bot ready',
      );
      resolve();
    });
    client.login(token).catch(reject);
  });
}
