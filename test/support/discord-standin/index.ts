import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayIntentBits, MessageReferenceType, MessageType } from 'discord.js';
import type {
  APIApplicationCommand,
  APIAttachment,
  APIEmbed,
  APIMessage,
  APIRole,
  APIUser,
} from 'discord.js';
import { CommandStore, registerCommandRoutes } from './commands.js';
import {
  GATEWAY_PATH,
  Gateway,
  RESUME_GATEWAY_PATH,
  shardOf,
  shardOfGuild,
  type GatewayCounters,
  type GatewaySessionInfo,
} from './gateway.js';
import {
  InteractionService,
  type InteractionHandle,
  type InteractionInit,
  type OptionValues,
} from './interactions.js';
import { MessageStore, contentTypeOf } from './messages.js';
import { HttpApi, type RateLimitRule, type RecordedRequest } from './rest.js';
import { registerPlatformRoutes } from './routes.js';
import { SnowflakeGenerator, Waiters, asBitfield, clone, isoNow } from './util.js';
import type { GuildState } from './guild.js';
import { World, type JsonObject } from './world.js';

export type { GatewayCounters, GatewaySessionInfo } from './gateway.js';
export type {
  FinalReply,
  InteractionCallback,
  InteractionCallbackData,
  InteractionHandle,
  InteractionInit,
  OptionValues,
} from './interactions.js';
export type { StoredFile } from './messages.js';
export type { RateLimitRule, RecordedRequest } from './rest.js';

export interface DiscordStandinOptions {
  applicationId?: string;
  /** Defaults to `applicationId` (true for every bot created since 2016). */
  botUserId?: string;
  guildId?: string;
  channelId?: string;
  /** The only bot token accepted (REST 401 / gateway close 4004 otherwise). Default `standin-token`. */
  token?: string;
  botUsername?: string;
  /** Guild `preferred_locale`, sent as `guild_locale` on interactions. Default `en-US`. */
  guildLocale?: string;
  /** Time to the first interaction callback before 10062 Unknown interaction. Default 3000. */
  interactionWindowMs?: number;
  /** Interaction webhook token lifetime before 50027 Invalid Webhook Token. Default 15 min. */
  tokenLifetimeMs?: number;
  /** Sent in HELLO. Default 41250 like Discord; lower it to exercise heartbeats in tests. */
  heartbeatIntervalMs?: number;
  /** Per-bucket REST limit advertised in `x-ratelimit-*` headers and enforced. Default 50 per 1000 ms. */
  rateLimit?: { limit: number; windowMs: number };
  /** `shards` in GET /gateway/bot (what `SHARD_COUNT=auto` starts). Default 1. */
  recommendedShards?: number;
  /**
   * Apply Discord's intent rules to dispatches: no guild MESSAGE_* without GUILD_MESSAGES, and
   * empty content/embeds/attachments/components without MESSAGE_CONTENT unless the bot is
   * mentioned or the author. Default true.
   */
  enforceIntents?: boolean;
}

export interface SendMessageOptions {
  content: string;
  /** Author id (unknown ids become guild members); defaults to the plain member fixture. */
  authorId?: string;
  /** Author as a (partial) user object, instead of `authorId`. */
  author?: Partial<APIUser> & { id?: string };
  /** Prefixes `<@bot>` to the content unless it already mentions the bot. */
  mentionsBot?: boolean;
  channelId?: string;
  /** Makes it a reply (type 19) to this message. */
  replyTo?: APIMessage | string;
  embeds?: APIEmbed[];
  /** Files the user uploads with the message. */
  files?: { filename: string; data: Buffer | string; contentType?: string }[];
}

/** A guild of the stand-in's world. */
export interface StandinGuild {
  readonly id: string;
  readonly channelId: string;
  readonly roles: { readonly everyone: APIRole; readonly organiser: APIRole; readonly bot: APIRole };
}

export interface DiscordStandin {
  /** Pass as discord.js `rest.api` (e.g. `http://127.0.0.1:PORT/api`); discord.js appends `/v10`. */
  readonly apiUrl: string;
  /** `ws://127.0.0.1:PORT/gateway`, as returned by GET /gateway/bot. */
  readonly gatewayUrl: string;
  readonly baseUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly users: {
    readonly bot: APIUser;
    readonly owner: APIUser;
    readonly organiser: APIUser;
    readonly member: APIUser;
  };
  readonly roles: { readonly everyone: APIRole; readonly organiser: APIRole; readonly bot: APIRole };
  /** Every REST request, in arrival order (clear with `requests.length = 0`). */
  readonly requests: RecordedRequest[];
  /** Messages the bot created, per channel, in creation order and current (edited) state; includes ephemeral ones. */
  readonly messages: ReadonlyMap<string, APIMessage[]>;
  readonly interactions: readonly InteractionHandle[];
  readonly counters: Readonly<GatewayCounters>;
  /** IDENTIFY payloads received (intents, properties, presence…). */
  readonly identifies: readonly Record<string, unknown>[];
  /** Gateway connection paths in order: `/gateway` for IDENTIFY, `/gateway/resume` via `resume_gateway_url`. */
  readonly connectionPaths: readonly string[];
  readonly globalCommands: readonly APIApplicationCommand[];
  readonly guildCommands: readonly APIApplicationCommand[];
  /** Handler crashes inside the stand-in (answered with HTTP 500); should stay empty. */
  readonly internalErrors: readonly Error[];

  /** Dispatches INTERACTION_CREATE. Throws if no gateway session exists yet. */
  sendInteraction(init?: InteractionInit): InteractionHandle;
  /** Slash command with named option values (types taken from the registered command when known). */
  sendCommand(
    name: string,
    options?: OptionValues | unknown[],
    init?: Omit<InteractionInit, 'type' | 'data'>,
  ): InteractionHandle;
  sendAutocomplete(
    name: string,
    options: OptionValues,
    focused: string,
    init?: Omit<InteractionInit, 'type' | 'data'>,
  ): InteractionHandle;
  /** Clicks a button that must exist on `message`. */
  clickButton(
    message: APIMessage | string,
    customId: string,
    init?: Omit<InteractionInit, 'type' | 'data' | 'message'>,
  ): InteractionHandle;
  /** Picks values in a select menu that must exist on `message`. */
  selectMenu(
    message: APIMessage | string,
    customId: string,
    values: string[],
    init?: Omit<InteractionInit, 'type' | 'data' | 'message'>,
  ): InteractionHandle;
  /**
   * Dispatches any gateway event exactly as given (to every session), e.g. a malformed one that
   * Discord would never send, to check the bot survives it.
   */
  dispatchRaw(t: string, d: unknown): void;
  /** Dispatches MESSAGE_CREATE from a simulated user; resolves with the message as sent. */
  sendMessage(options: SendMessageOptions): Promise<APIMessage>;
  /** Adds a guild member (dispatching GUILD_MEMBER_ADD) and returns the user. */
  addMember(user: Partial<APIUser> & { id?: string }, roles?: string[]): APIUser;
  /** Adds a text channel (dispatching CHANNEL_CREATE) to a guild (default: the primary one) and returns its id. */
  addTextChannel(name: string, guildId?: string): string;
  /**
   * Adds a guild with the fixture members (owner, organiser with the guild's organiser role,
   * member) and a `general` channel, dispatching GUILD_CREATE to the shard that owns it. With
   * `shard: [id, count]` its id is chosen so that the guild belongs to that shard.
   */
  addGuild(options?: { shard?: [number, number] }): StandinGuild;
  /**
   * Sets the permissions of the bot's role in a guild (default: the primary one), e.g. without
   * Add Reactions; REST answers 403 50013 for what the bot may no longer do, and interactions
   * carry the new `app_permissions`.
   */
  setBotPermissions(permissions: bigint, guildId?: string): void;
  /** Every guild: the primary one first. */
  readonly guilds: readonly StandinGuild[];
  /** A role of any guild, as the API shows it. */
  roleById(roleId: string): APIRole | undefined;

  /**
   * Ends the gateway connection(s): abruptly by default (client sees 1006 and RESUMEs), or with
   * `code` (e.g. 4000 → RESUME; 4004/1000 → not resumable). Returns how many were dropped.
   */
  dropGateway(options?: { code?: number; reason?: string; invalidateSession?: boolean }): number;
  /** While false, new gateway connections are refused (an outage): with `dropGateway` the bot stays disconnected. */
  setGatewayAvailable(available: boolean): void;
  /** Sends op 7 RECONNECT. */
  requestReconnect(): void;
  /** Makes the next matching REST request(s) answer 429 with `retry_after`. */
  rateLimitNext(rule: RateLimitRule): void;

  /** Resolves with the `count`-th IDENTIFY payload once it has been received. */
  waitForIdentify(count?: number, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves once at least `count` RESUMEs have succeeded. */
  waitForResume(count?: number, timeoutMs?: number): Promise<Readonly<GatewayCounters>>;
  /** Resolves once a connection is live (READY or RESUMED sent). Not the same as discord.js' `ready`. */
  waitForReady(timeoutMs?: number): Promise<void>;
  /** First recorded (answered) request, past or future, matching `predicate`. */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedRequest>;
  /** First bot message (current state), past or future, matching `predicate`. */
  waitForMessage(predicate: (message: APIMessage) => boolean, timeoutMs?: number): Promise<APIMessage>;
  /** Generic wait on stand-in state: resolves with the probe's first non-undefined value. */
  waitFor<T>(probe: () => T | undefined, timeoutMs?: number, description?: string): Promise<T>;

  /** Bytes of an uploaded attachment (by attachment object or id). */
  attachmentData(attachment: APIAttachment | string): Buffer | undefined;
  close(): Promise<void>;
}

const DEFAULTS = {
  applicationId: '1311000000000000001',
  guildId: '1311000000000000100',
  channelId: '1311000000000000200',
  token: 'standin-token',
  botUsername: 'Stand-in Bot',
  guildLocale: 'en-US',
  interactionWindowMs: 3000,
  tokenLifetimeMs: 15 * 60 * 1000,
  heartbeatIntervalMs: 41_250,
  rateLimit: { limit: 50, windowMs: 1000 },
} as const;

const DEFAULT_WAIT_MS = 5000;

function standinGuild(guild: GuildState): StandinGuild {
  return {
    id: guild.id,
    channelId: guild.channelId,
    roles: { everyone: guild.everyoneRole, organiser: guild.organiserRole, bot: guild.botRole },
  };
}
const GUILD_MEMBERS: number = GatewayIntentBits.GuildMembers;
const GUILD_MESSAGES: number = GatewayIntentBits.GuildMessages;
const MESSAGE_CONTENT: number = GatewayIntentBits.MessageContent;

/** Starts a Discord REST + gateway stand-in on 127.0.0.1 (ephemeral port). */
export async function startDiscordStandin(options: DiscordStandinOptions = {}): Promise<DiscordStandin> {
  const applicationId = options.applicationId ?? DEFAULTS.applicationId;
  const token = options.token ?? DEFAULTS.token;
  const enforceIntents = options.enforceIntents ?? true;
  const ids = new SnowflakeGenerator();
  const waiters = new Waiters();
  const notify = (): void => {
    waiters.notify();
  };
  const world = new World(
    {
      applicationId,
      botUserId: options.botUserId ?? applicationId,
      guildId: options.guildId ?? DEFAULTS.guildId,
      channelId: options.channelId ?? DEFAULTS.channelId,
      botUsername: options.botUsername ?? DEFAULTS.botUsername,
      guildLocale: options.guildLocale ?? DEFAULTS.guildLocale,
    },
    () => ids.next(),
  );
  const botId = world.botUser.id;

  let baseUrl = '';
  const gatewayUrl = (): string => `${baseUrl.replace(/^http/, 'ws')}${GATEWAY_PATH}`;
  const store = new MessageStore(world, ids, () => baseUrl);
  const commands = new CommandStore(world, ids);

  const gateway = new Gateway({
    token,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? DEFAULTS.heartbeatIntervalMs,
    newSessionId: () => randomBytes(16).toString('hex'),
    onIdentify: (session) => ({
      ready: readyPayload(session),
      followUps: guildsOf(session).map((id) => ({ t: 'GUILD_CREATE', d: world.guildCreatePayload(id) })),
    }),
    requestMembers: (request) => {
      const guild = world.guild(typeof request.guild_id === 'string' ? request.guild_id : undefined);
      const wanted = Array.isArray(request.user_ids) ? request.user_ids.map(String) : undefined;
      const query = typeof request.query === 'string' ? request.query.toLowerCase() : '';
      const limit =
        typeof request.limit === 'number' && request.limit > 0 ? request.limit : Number.POSITIVE_INFINITY;
      const matches = [...guild.members.keys()]
        .filter((id) =>
          wanted
            ? wanted.includes(id)
            : (world.users.get(id)?.username.toLowerCase().startsWith(query) ?? false),
        )
        .slice(0, limit);
      return {
        members: matches.map((id) => world.memberObject(id, true, guild.id)),
        notFound: wanted ? wanted.filter((id) => !guild.members.has(id)) : [],
      };
    },
    onStateChange: notify,
  });

  /** The guilds a session's shard owns. */
  function guildsOf(session: GatewaySessionInfo): string[] {
    const [id, count] = shardOf(session);
    return [...world.guilds.keys()].filter((guildId) => shardOfGuild(guildId, count) === id);
  }

  /** Where a channel's events go: its guild's shard, or shard 0 for DMs. */
  const routeOf = (channelId: string): { guildId: string } | 'dm' => {
    const guild = world.guildOfChannel(channelId);
    return guild === undefined ? 'dm' : { guildId: guild.id };
  };

  function readyPayload(session: GatewaySessionInfo): JsonObject {
    return {
      v: 10,
      user: { ...world.botUser, bot: true, verified: true, mfa_enabled: false, email: null },
      user_settings: {},
      guilds: guildsOf(session).map((id) => ({ id, unavailable: true })),
      guild_join_requests: [],
      relationships: [],
      private_channels: [],
      presences: [],
      session_id: session.id,
      session_type: 'normal',
      // discord.js reconnects to exactly this URL (appending ?v=10&encoding=json) when resuming.
      resume_gateway_url: `${baseUrl.replace(/^http/, 'ws')}${RESUME_GATEWAY_PATH}`,
      shard: Array.isArray(session.identify.shard) ? session.identify.shard : [0, 1],
      application: { id: world.ids.applicationId, flags: (1 << 15) | (1 << 19) | (1 << 23) },
      geo_ordered_rtc_regions: ['seoul', 'japan', 'hongkong', 'singapore', 'sydney'],
      auth: {},
      _trace: ['["standin-gateway"]'],
    };
  }

  /** A message as MESSAGE_CREATE / MESSAGE_UPDATE carries it for one session (intents applied). */
  function messageEvent(session: GatewaySessionInfo, message: APIMessage): JsonObject | undefined {
    const guild = world.guildOfChannel(message.channel_id);
    if (enforceIntents && guild !== undefined && (session.intents & GUILD_MESSAGES) === 0) return undefined;
    const event: JsonObject = { ...clone(message) };
    if (guild !== undefined) {
      event.guild_id = guild.id;
      if (message.webhook_id === undefined)
        event.member = world.memberObject(message.author.id, false, guild.id);
      event.mentions = message.mentions.map((user) => ({
        ...user,
        member: world.memberObject(user.id, false, guild.id),
      }));
    }
    const readable = message.author.id === botId || message.mentions.some((user) => user.id === botId);
    if (enforceIntents && (session.intents & MESSAGE_CONTENT) === 0 && !readable) {
      Object.assign(event, { content: '', embeds: [], attachments: [], components: [] });
    }
    return event;
  }

  const messageCreated = (message: APIMessage): void => {
    gateway.dispatch(
      'MESSAGE_CREATE',
      (session) => messageEvent(session, message),
      routeOf(message.channel_id),
    );
  };
  const messageUpdated = (message: APIMessage): void => {
    gateway.dispatch(
      'MESSAGE_UPDATE',
      (session) => messageEvent(session, message),
      routeOf(message.channel_id),
    );
  };
  const messageDeleted = (message: APIMessage): void => {
    const guild = world.guildOfChannel(message.channel_id);
    gateway.dispatch(
      'MESSAGE_DELETE',
      (session) =>
        enforceIntents && guild !== undefined && (session.intents & GUILD_MESSAGES) === 0
          ? undefined
          : {
              id: message.id,
              channel_id: message.channel_id,
              ...(guild !== undefined ? { guild_id: guild.id } : {}),
            },
      routeOf(message.channel_id),
    );
  };

  const interactions = new InteractionService({
    world,
    store,
    commands,
    ids,
    waiters,
    windowMs: options.interactionWindowMs ?? DEFAULTS.interactionWindowMs,
    tokenLifetimeMs: options.tokenLifetimeMs ?? DEFAULTS.tokenLifetimeMs,
    hasGatewaySession: () => gateway.hasSession(),
    dispatch: (t, d, route) => {
      gateway.dispatch(t, () => d, route);
    },
    messageCreated,
    messageUpdated,
    messageDeleted,
  });
  const handles: InteractionHandle[] = [];
  const track = (handle: InteractionHandle): InteractionHandle => {
    handles.push(handle);
    return handle;
  };

  const api = new HttpApi({
    token,
    rateLimit: options.rateLimit ?? DEFAULTS.rateLimit,
    onStateChange: notify,
  });
  registerPlatformRoutes(api, {
    recommendedShards: options.recommendedShards ?? 1,
    world,
    store,
    gatewayUrl,
    counters: gateway.counters,
    messageCreated,
    messageUpdated,
    messageDeleted,
  });
  registerCommandRoutes(api, commands, world);
  interactions.registerRoutes(api);

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/attachments/')) {
      // CDN stand-in for attachment URLs: /attachments/:channel/:id/:filename
      const file = store.files.get(path.split('/')[3] ?? '');
      response.writeHead(file ? 200 : 404, file ? { 'content-type': contentTypeOf(file) } : {});
      response.end(file?.data);
      return;
    }
    void api.handle(request, response);
  });
  server.on('upgrade', (request, socket, head) => {
    gateway.handleUpgrade(request, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const requireSession = (): void => {
    if (!gateway.hasSession()) {
      throw new Error(
        'Discord stand-in: no gateway session yet; log the client in (await standin.waitForReady()) first',
      );
    }
  };

  let closed = false;
  const standin: DiscordStandin = {
    apiUrl: `${baseUrl}/api`,
    gatewayUrl: gatewayUrl(),
    baseUrl,
    token,
    applicationId,
    botUserId: botId,
    guildId: world.ids.guildId,
    channelId: world.ids.channelId,
    users: { bot: world.botUser, owner: world.owner, organiser: world.organiser, member: world.member },
    roles: { everyone: world.everyoneRole, organiser: world.organiserRole, bot: world.botRole },
    requests: api.requests,
    messages: store.botMessages,
    interactions: handles,
    counters: gateway.counters,
    identifies: gateway.identifyPayloads,
    connectionPaths: gateway.connectionPaths,
    get globalCommands() {
      return commands.list();
    },
    get guildCommands() {
      return commands.list(world.ids.guildId);
    },
    internalErrors: api.internalErrors,

    sendInteraction: (init) => track(interactions.send(init)),
    sendCommand: (name, values, init) => track(interactions.command(name, values, init)),
    sendAutocomplete: (name, values, focused, init) =>
      track(interactions.autocomplete(name, values, focused, init)),
    clickButton: (message, customId, init) =>
      track(interactions.component(message, customId, undefined, init)),
    selectMenu: (message, customId, values, init) =>
      track(interactions.component(message, customId, values, init)),

    dispatchRaw: (t, d) => {
      requireSession();
      gateway.dispatch(t, () => d);
    },

    sendMessage: (input) => {
      try {
        requireSession();
        const channelId = input.channelId ?? world.ids.channelId;
        const guild = world.guildOfChannel(channelId);
        if (guild === undefined) throw new Error(`Discord stand-in: unknown channel ${channelId}`);
        const author = world.ensureUser(input.author ?? input.authorId ?? world.member.id, guild.id);
        const mention = `<@${botId}>`;
        const content =
          input.mentionsBot === true && !input.content.includes(mention)
            ? `${mention} ${input.content}`
            : input.content;
        const replyId = typeof input.replyTo === 'string' ? input.replyTo : input.replyTo?.id;
        const referenced = replyId === undefined ? undefined : store.byId.get(replyId);
        if (replyId !== undefined && !referenced)
          throw new Error(`Discord stand-in: unknown message ${replyId}`);
        const at = Date.now();
        const message: APIMessage = {
          id: ids.next(at),
          channel_id: channelId,
          author,
          content,
          timestamp: isoNow(at),
          edited_timestamp: null,
          tts: false,
          pinned: false,
          type: referenced ? MessageType.Reply : MessageType.Default,
          flags: asBitfield(0),
          embeds: input.embeds ?? [],
          components: [],
          attachments: (input.files ?? []).map((file, index) =>
            store.storeFile(channelId, {
              key: `files[${index}]`,
              filename: file.filename,
              contentType: file.contentType ?? 'application/octet-stream',
              data: Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data),
            }),
          ),
          ...store.computeMentions(content, undefined, referenced?.author),
          ...(referenced
            ? {
                message_reference: {
                  type: MessageReferenceType.Default,
                  channel_id: channelId,
                  message_id: referenced.id,
                  guild_id: guild.id,
                },
                referenced_message: clone(referenced),
              }
            : {}),
        };
        store.addUserMessage(message);
        messageCreated(message);
        notify();
        return Promise.resolve(clone(message));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },

    addMember: (user, roles = []) => {
      const added = world.ensureUser(user);
      const record = world.members.get(added.id);
      if (record) record.roles = [...roles];
      gateway.dispatch(
        'GUILD_MEMBER_ADD',
        (session) =>
          enforceIntents && (session.intents & GUILD_MEMBERS) === 0
            ? undefined
            : { ...world.memberObject(added.id, true), guild_id: world.ids.guildId },
        { guildId: world.ids.guildId },
      );
      return added;
    },

    addTextChannel: (name, guildId = world.ids.guildId) => {
      const channelId = world.addTextChannel(name, undefined, guildId);
      gateway.dispatch('CHANNEL_CREATE', () => world.channelObject(channelId, true), { guildId });
      return channelId;
    },

    addGuild: (guildOptions = {}) => {
      const wanted = guildOptions.shard;
      const now = Date.now();
      let id = ids.next(now);
      // A guild's shard is its id's timestamp modulo the shard count: step back a millisecond at a time.
      for (let back = 1; wanted !== undefined && shardOfGuild(id, wanted[1]) !== wanted[0]; back++)
        id = ids.next(now - back);
      const guild = world.addGuild(id);
      gateway.dispatch('GUILD_CREATE', () => world.guildCreatePayload(guild.id), { guildId: guild.id });
      return standinGuild(guild);
    },
    get guilds() {
      return [...world.guilds.values()].map(standinGuild);
    },
    roleById: (roleId) => world.roleById(roleId),
    setBotPermissions: (permissions, guildId = world.ids.guildId) => {
      const guild = world.guild(guildId);
      guild.botRole.permissions = permissions.toString();
      // @everyone grants a fresh server's defaults to everybody, the bot included: take those away too.
      guild.everyoneRole.permissions = (BigInt(guild.everyoneRole.permissions) & permissions).toString();
    },

    dropGateway: (dropOptions) => gateway.drop(dropOptions),
    setGatewayAvailable: (available) => {
      gateway.accepting = available;
    },
    requestReconnect: () => {
      gateway.requestReconnect();
    },
    rateLimitNext: (rule) => {
      api.rateLimitNext(rule);
    },

    waitForIdentify: (count = 1, timeoutMs = DEFAULT_WAIT_MS) =>
      waiters.waitFor(() => gateway.identifyPayloads[count - 1], timeoutMs, `IDENTIFY #${count}`),
    waitForResume: (count = 1, timeoutMs = DEFAULT_WAIT_MS) =>
      waiters.waitFor(
        () => (gateway.counters.resumes >= count && gateway.isLive() ? { ...gateway.counters } : undefined),
        timeoutMs,
        `RESUME #${count}`,
      ),
    waitForReady: (timeoutMs = DEFAULT_WAIT_MS) =>
      waiters
        .waitFor(() => (gateway.isLive() ? true : undefined), timeoutMs, 'a live gateway connection')
        .then(() => undefined),
    waitForRequest: (predicate, timeoutMs = DEFAULT_WAIT_MS) =>
      waiters.waitFor(
        () => api.requests.find((request) => request.status !== 0 && predicate(request)),
        timeoutMs,
        'a matching REST request',
      ),
    waitForMessage: (predicate, timeoutMs = DEFAULT_WAIT_MS) =>
      waiters.waitFor(
        () => {
          for (const list of store.botMessages.values()) {
            const found = list.find(predicate);
            if (found) return clone(found);
          }
          return undefined;
        },
        timeoutMs,
        'a matching bot message',
      ),
    waitFor: (probe, timeoutMs = DEFAULT_WAIT_MS, description = 'a stand-in condition') =>
      waiters.waitFor(probe, timeoutMs, description),

    attachmentData: (attachment) =>
      store.files.get(typeof attachment === 'string' ? attachment : attachment.id)?.data,

    close: async () => {
      if (closed) return;
      closed = true;
      interactions.close();
      waiters.close();
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
  return standin;
}
