import type {
  APIApplicationCommand,
  APIAttachment,
  APIEmbed,
  APIMessage,
  APIRole,
  APIUser,
} from 'discord.js';
import type { GatewayCounters } from './gateway.js';
import type { InteractionHandle, InteractionInit, OptionValues } from './interactions.js';
import type { RateLimitRule, RecordedRequest } from './rest.js';

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
