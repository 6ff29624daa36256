import {
  AttachmentBuilder,
  Client,
  Events,
  GatewayIntentBits,
  Options,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
  type ModalSubmitInteraction,
  type RepliableInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Logger } from 'pino';
import { COMMANDS } from '../../../commands/index.js';
import { BriefingService } from '../../briefing/service.js';
import type { Engine } from '../../core/engine.js';
import { detectLanguage } from '../../core/text.js';
import type { Answer, Language } from '../../core/types.js';
import { todayInKorea } from '../cli/render.js';
import type { Stores } from '../storage.js';
import { AnswerCache, type StoredRequest } from './answerCache.js';
import { BRIEFING_PREFIX, createBriefingQa, type BriefingQa } from './briefingQa.js';
import type { Command, CommandContext, RespondOptions } from './command.js';
import { RateLimiter } from './rateLimiter.js';
import { buildNotice, buildReply, type ReplyPayload } from './reply.js';
import { runRequest, type AnswerRequest } from './requests.js';

/** Rewords a decided answer (LLM phrasing); returns the text to show and the small-print notice. */
export type Phrase = (
  answer: Answer,
  question: string,
) => Promise<{ text: string; notice?: string | undefined }>;

export interface BotOptions {
  readonly token: string;
  /** Base URL of Discord's HTTP API (a proxy or a stand-in); Discord's own when absent. */
  readonly apiUrl?: string | undefined;
  readonly engine: Engine;
  readonly stores: Stores;
  readonly logger: Logger;
  readonly rateLimitPerMinute: number;
  readonly today?: () => string;
  readonly phrase?: Phrase | undefined;
  readonly briefing?: BriefingOptions | undefined;
}

export interface BriefingOptions {
  /** Members with this role may run a briefing, besides Manage Server / Manage Events. */
  readonly organiserRoleId?: string | undefined;
  /**
   * Take posts in a running briefing's channel as questions. Needs the privileged MessageContent
   * intent (enable it in the developer portal), so it is off unless configured.
   */
  readonly readMessages?: boolean | undefined;
  /** Questions per account per minute in a briefing. Default 5. */
  readonly questionsPerMinute?: number | undefined;
  /** Minimum time between two edits of a queue message. Default 2000 ms. */
  readonly editIntervalMs?: number | undefined;
}

export interface Bot {
  readonly client: Client;
  /** Resolves once the gateway session is ready. */
  readonly ready: Promise<void>;
  /** Live briefing Q&A (queue edits are counted on `briefing.updater.edits`). */
  readonly briefing: BriefingQa;
  stop(): Promise<void>;
}

const MESSAGES = {
  ko: {
    error: '죄송합니다. 답변을 만드는 중에 문제가 생겼습니다. 잠시 후 다시 시도해 주세요.',
    rateLimited: (s: number) => `질문이 너무 잦습니다. ${s}초 후에 다시 물어봐 주세요.`,
    expired: '이 답변의 버튼이 만료되었습니다. 다시 질문해 주세요.',
    thanks: (up: boolean) =>
      up
        ? '의견 고맙습니다! 👍 을 기록했습니다.'
        : '의견 고맙습니다. 👎 을 기록했습니다. 부족한 점은 지식 베이스 보완에 씁니다.',
    withdrawn: '같은 의견을 다시 눌러 취소했습니다.',
    unknownCommand: '알 수 없는 명령입니다. /도움말 을 확인해 주세요.',
  },
  en: {
    error: 'Sorry, something went wrong while answering. Please try again in a moment.',
    rateLimited: (s: number) => `You're asking too fast. Please try again in ${s} s.`,
    expired: 'The buttons of this answer have expired. Please ask again.',
    thanks: (up: boolean) =>
      up
        ? 'Thanks! Your 👍 is recorded.'
        : 'Thanks. Your 👎 is recorded and helps us improve the knowledge base.',
    withdrawn: 'You pressed the same vote again, so it was withdrawn.',
    unknownCommand: 'Unknown command. See /help.',
  },
} as const;

/** Discord locales starting with "ko" get Korean; everyone else English. */
function languageOfLocale(locale: string | null | undefined): Language {
  return locale?.startsWith('ko') ? 'ko' : 'en';
}

function toDiscord(payload: ReplyPayload, ephemeral: boolean) {
  return {
    ...(payload.content !== undefined ? { content: payload.content } : {}),
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: payload.allowedMentions,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

function isBriefingComponent(
  interaction: Interaction,
): interaction is ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction {
  return (
    (interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit()) &&
    interaction.customId.startsWith(`${BRIEFING_PREFIX}:`)
  );
}

/** Creates the bot and logs in. Thin: every answer comes from the engine. */
export function createBot(options: BotOptions): Bot {
  const { engine, stores, logger } = options;
  const today = options.today ?? todayInKorea;
  const commands = new Map<string, Command>(COMMANDS.map((c) => [c.data.name, c]));
  const limiter = new RateLimiter(options.rateLimitPerMinute, 60_000);
  const cache = new AnswerCache(stores.answers, (error: unknown) => {
    logger.error({ err: error }, 'could not store an answer request');
  });

  const readMessages = options.briefing?.readMessages ?? false;
  const client = new Client({
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
    // messages back, so none are cached (less memory and work per answer).
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
    ...(options.apiUrl !== undefined ? { rest: { api: options.apiUrl } } : {}),
  });

  const briefingService = new BriefingService({
    engine,
    stores,
    today,
    questionsPerMinute: options.briefing?.questionsPerMinute ?? 5,
  });
  const briefingQa = createBriefingQa({
    client,
    service: briefingService,
    logger,
    organiserRoleId: options.briefing?.organiserRoleId,
    readMessages,
    editIntervalMs: options.briefing?.editIntervalMs ?? 2000,
  });

  /** Keeps a question the engine could not answer; a store failure is logged, not hidden. */
  async function recordGap(text: string, answer: Answer, source: 'command' | 'mention') {
    try {
      await briefingService.recordGap(text, answer.status, source);
    } catch (error) {
      logger.error({ err: error, source }, 'could not record a gap question');
    }
  }

  function answerFor(request: AnswerRequest, language: Language, day: string): Answer {
    return runRequest(engine, request, language, day);
  }

  async function render(
    answer: Answer,
    stored: StoredRequest,
    key: string,
    title: string | undefined,
    shareable: boolean,
  ): Promise<ReplyPayload> {
    let text: string | undefined;
    let notice: string | undefined;
    if (options.phrase && (answer.status === 'answered' || answer.status === 'unknown_fact')) {
      const question = stored.request.kind === 'question' ? stored.request.text : (title ?? '');
      const phrased = await options.phrase(answer, question);
      text = phrased.text;
      notice = phrased.notice;
    }
    return buildReply(answer, { answerKey: key, shareable, title, text, modelNotice: notice });
  }

  const context: CommandContext = {
    engine,
    briefing: briefingQa,
    today,
    languageOf: (interaction) => languageOfLocale(interaction.locale),
    async notice(interaction, text) {
      await interaction.reply(toDiscord(buildNotice(text), true));
    },
    async respond(
      interaction: ChatInputCommandInteraction,
      request: AnswerRequest,
      respondOptions: RespondOptions,
    ) {
      const ephemeral = respondOptions.ephemeral;
      // With phrasing on, the model may take seconds: acknowledge within Discord's 3 s first.
      const deferred = options.phrase !== undefined;
      if (deferred) await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      const language =
        request.kind === 'question' ? detectLanguage(request.text) : languageOfLocale(interaction.locale);
      const stored: StoredRequest = { request, language, today: today(), ephemeral };
      const answer = answerFor(request, language, stored.today);
      const key = cache.put(stored);
      const payload = await render(answer, stored, key, respondOptions.title, ephemeral);
      if (deferred) {
        const { flags: _flags, ...edit } = toDiscord(payload, false);
        await interaction.editReply(edit);
      } else {
        await interaction.reply(toDiscord(payload, ephemeral));
      }
      // Only a private answer's Share button needs its request after a restart; a public answer
      // is in the channel already, and its votes are stored without it.
      if (ephemeral) cache.persist(key);
      if (request.kind === 'question') await recordGap(request.text, answer, 'command');
      if (request.kind === 'sources') await sendSourceFile(interaction, answer, ephemeral);
    },
  };

  async function sendSourceFile(
    interaction: ChatInputCommandInteraction,
    answer: Answer,
    ephemeral: boolean,
  ) {
    const lines = answer.sources.map((s) => `- [${s.title}](${s.url})`).join('\n');
    const file = new AttachmentBuilder(Buffer.from(`# Sources / 출처\n\n${lines}\n`, 'utf8'), {
      name: 'sources.md',
    });
    await interaction.followUp({
      files: [file],
      allowedMentions: { parse: [] },
      ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
    });
  }

  async function handleAutocomplete(interaction: AutocompleteInteraction) {
    const command = commands.get(interaction.commandName);
    if (command?.autocomplete === undefined) {
      await interaction.respond([]);
      return;
    }
    await command.autocomplete(interaction, context);
  }

  async function handleButton(interaction: ButtonInteraction) {
    const language = languageOfLocale(interaction.locale);
    const [action, ...rest] = interaction.customId.split(':');
    if (action === 'fb') {
      const [direction, key] = rest;
      if ((direction !== 'up' && direction !== 'down') || key === undefined)
        throw new Error(`malformed button ${interaction.customId}`);
      const id = `${key}:${interaction.user.id}`;
      const previous = await stores.feedback.get<{ vote: string }>(id);
      if (previous?.vote === direction) {
        await stores.feedback.delete(id);
        await interaction.reply(toDiscord(buildNotice(MESSAGES[language].withdrawn), true));
        return;
      }
      const stored = await cache.get(key);
      await stores.feedback.set(id, {
        vote: direction,
        at: new Date().toISOString(),
        request: stored?.request ?? null,
      });
      await interaction.reply(toDiscord(buildNotice(MESSAGES[language].thanks(direction === 'up')), true));
      return;
    }
    if (action === 'share') {
      const stored = rest[0] !== undefined ? await cache.get(rest[0]) : undefined;
      if (stored === undefined) {
        await interaction.reply(toDiscord(buildNotice(MESSAGES[language].expired), true));
        return;
      }
      const answer = answerFor(stored.request, stored.language, stored.today);
      const title = stored.request.kind === 'question' ? stored.request.text : undefined;
      const payload = await render(answer, stored, rest[0]!, title, false);
      await interaction.reply(toDiscord(payload, false));
      return;
    }
    throw new Error(`unknown button ${interaction.customId}`);
  }

  async function handlePick(interaction: StringSelectMenuInteraction) {
    const [action, key] = interaction.customId.split(':');
    if (action !== 'pick' || key === undefined)
      throw new Error(`unknown select menu ${interaction.customId}`);
    const stored = await cache.get(key);
    const projectId = interaction.values[0];
    const language = stored?.language ?? languageOfLocale(interaction.locale);
    if (projectId === undefined || !engine.kb.projects.some((p) => p.id === projectId)) {
      throw new Error(`select menu ${interaction.customId} sent an unknown project`);
    }
    const request: AnswerRequest = { kind: 'project', id: projectId, aspect: null };
    const next: StoredRequest = {
      request,
      language,
      today: stored?.today ?? today(),
      ephemeral: stored?.ephemeral ?? true,
    };
    const answer = answerFor(request, language, next.today);
    const newKey = cache.put(next);
    await interaction.reply(
      toDiscord(await render(answer, next, newKey, undefined, next.ephemeral), next.ephemeral),
    );
    if (next.ephemeral) cache.persist(newKey);
  }

  /** The one error boundary for interactions: log with context, show a short apology. */
  async function onInteraction(interaction: Interaction) {
    try {
      if (interaction.isAutocomplete()) {
        await handleAutocomplete(interaction);
        return;
      }
      if (!interaction.isRepliable()) return;
      // Briefing votes and organiser actions don't run the engine; the briefing has its own
      // per-account question limit, so they skip the general one.
      if (isBriefingComponent(interaction)) {
        await briefingQa.handleInteraction(interaction);
        return;
      }
      const language = languageOfLocale(interaction.locale);
      const userId = interaction.user.id;
      const limited = limiter.take(userId);
      if (!limited.ok) {
        await interaction.reply(
          toDiscord(
            buildNotice(MESSAGES[language].rateLimited(Math.ceil(limited.retryAfterMs / 1000))),
            true,
          ),
        );
        return;
      }
      if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        if (command === undefined) {
          await interaction.reply(toDiscord(buildNotice(MESSAGES[language].unknownCommand), true));
          return;
        }
        await command.execute(interaction, context);
      } else if (interaction.isButton()) {
        await handleButton(interaction);
      } else if (interaction.isStringSelectMenu()) {
        await handlePick(interaction);
      }
    } catch (error) {
      logger.error(
        {
          err: error,
          interaction: {
            id: interaction.id,
            type: interaction.type,
            command: 'commandName' in interaction ? interaction.commandName : undefined,
            customId: 'customId' in interaction ? interaction.customId : undefined,
            user: interaction.user.id,
            guild: interaction.guildId,
          },
        },
        'interaction failed',
      );
      if (interaction.isRepliable()) await apologize(interaction);
    }
  }

  async function apologize(interaction: RepliableInteraction) {
    const payload = toDiscord(buildNotice(MESSAGES[languageOfLocale(interaction.locale)].error), true);
    try {
      if (interaction.deferred || interaction.replied) await interaction.followUp(payload);
      else await interaction.reply(payload);
    } catch (error) {
      logger.warn({ err: error, interaction: interaction.id }, 'could not send the apology');
    }
  }

  async function onMessage(message: Message) {
    if (message.author.bot || client.user === null) return;
    // Only a direct mention of the bot: @everyone and role pings are not questions for it.
    // Other posts may be questions for a briefing running in the channel.
    if (!message.mentions.users.has(client.user.id)) {
      if (!readMessages) return;
      try {
        await briefingQa.handleMessage(message);
      } catch (error) {
        logger.error(
          { err: error, message: message.id, channel: message.channelId, user: message.author.id },
          'briefing question failed',
        );
      }
      return;
    }
    try {
      const text = message.content.replace(/<@!?\d+>/g, ' ').trim();
      const limited = limiter.take(message.author.id);
      const language = detectLanguage(text);
      if (!limited.ok) {
        await message.reply(
          buildNotice(MESSAGES[language].rateLimited(Math.ceil(limited.retryAfterMs / 1000))),
        );
        return;
      }
      const request: AnswerRequest = text === '' ? { kind: 'help' } : { kind: 'question', text };
      const stored: StoredRequest = { request, language, today: today(), ephemeral: false };
      const answer = answerFor(request, language, stored.today);
      const key = cache.put(stored);
      const payload = await render(answer, stored, key, undefined, false);
      await message.reply({
        embeds: payload.embeds,
        components: payload.components,
        allowedMentions: payload.allowedMentions,
      });
      if (request.kind === 'question') await recordGap(request.text, answer, 'mention');
    } catch (error) {
      logger.error(
        { err: error, message: message.id, channel: message.channelId, user: message.author.id },
        'mention reply failed',
      );
    }
  }

  client.on(Events.InteractionCreate, (interaction) => void onInteraction(interaction));
  client.on(Events.MessageCreate, (message) => void onMessage(message));
  client.on(Events.Error, (error) => {
    logger.error({ err: error }, 'discord client error');
  });
  client.on(Events.ShardDisconnect, (event, shard) => {
    logger.warn({ code: event.code, shard }, 'gateway disconnected');
  });
  client.on(Events.ShardResume, (shard, replayed) => {
    logger.info({ shard, replayed }, 'gateway resumed');
  });

  const ready = new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, (c) => {
      logger.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'discord bot ready');
      resolve();
    });
    client.login(options.token).catch(reject);
  });

  return {
    client,
    ready,
    briefing: briefingQa,
    async stop() {
      briefingQa.close();
      await client.destroy();
    },
  };
}
