import { ApplicationCommandOptionType, ComponentType, InteractionType, MessageType } from 'discord.js';
import type {
  APIApplicationCommand,
  APIApplicationCommandOption,
  APIEmbed,
  APIMessage,
  APIUser,
} from 'discord.js';
import type { CommandStore } from './commands.js';
import { Errors, FormErrors } from './errors.js';
import type { MessageMeta, MessageStore, StoredFile } from './messages.js';
import type { HttpApi, RouteRequest } from './rest.js';
import { clone, interactionToken, isRecord, type SnowflakeGenerator, type Waiters } from './util.js';
import { validateAutocompleteData, validateModalData } from './validateCallback.js';
import { validateMessageBody } from './validateMessage.js';
import { MessageFlagBits } from './validation.js';
import type { JsonObject, World } from './world.js';

/** Flags a bot may set on interaction responses and follow-ups. */
const INTERACTION_MESSAGE_FLAGS =
  MessageFlagBits.SuppressEmbeds |
  MessageFlagBits.Ephemeral |
  MessageFlagBits.SuppressNotifications |
  MessageFlagBits.IsComponentsV2;

const DEFAULT_WAIT_MS = 5000;

/** Interaction callback types as numbers on the wire (discord.js: InteractionResponseType). */
const CallbackType = {
  Reply: 4,
  DeferredReply: 5,
  DeferredUpdate: 6,
  Update: 7,
  AutocompleteResult: 8,
  Modal: 9,
} as const;

/** Application command types on the wire (discord.js: ApplicationCommandType). */
const CommandType = { ChatInput: 1, User: 2, Message: 3 } as const;

/** Interaction callback `data` as the bot sent it (message, autocomplete or modal shape). */
export interface InteractionCallbackData {
  content?: string | null;
  flags?: number;
  embeds?: APIEmbed[];
  components?: JsonObject[];
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
  attachments?: JsonObject[];
  choices?: { name: string; value: string | number; name_localizations?: Record<string, string> | null }[];
  custom_id?: string;
  title?: string;
  [key: string]: unknown;
}

/** The first accepted callback (`POST /interactions/:id/:token/callback`). */
export interface InteractionCallback {
  /** 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete result, 9 modal. */
  type: number;
  data?: InteractionCallbackData;
  files: StoredFile[];
  /** `Date.now()` when the callback arrived. */
  at: number;
  /** Time from the interaction being created to the callback. */
  latencyMs: number;
  ephemeral: boolean;
  /** Whether the client asked for `?with_response=true`. */
  withResponse: boolean;
}

/** What the user ends up seeing for an interaction. */
export type FinalReply =
  | {
      kind: 'message';
      callbackType: number;
      message: APIMessage;
      ephemeral: boolean;
      at: number;
      latencyMs: number;
    }
  | {
      kind: 'autocomplete';
      callbackType: number;
      choices: NonNullable<InteractionCallbackData['choices']>;
      at: number;
      latencyMs: number;
    }
  | { kind: 'modal'; callbackType: number; modal: InteractionCallbackData; at: number; latencyMs: number };

export interface InteractionInit {
  /** 2 application command (default), 3 message component, 4 autocomplete, 5 modal submit. */
  type?:
    | InteractionType.ApplicationCommand
    | InteractionType.MessageComponent
    | InteractionType.ApplicationCommandAutocomplete
    | InteractionType.ModalSubmit;
  /** The interaction's `data`; for commands the stand-in fills `id`, `type` and `guild_id` from the registered command. */
  data?: JsonObject;
  /** Acting user (id or partial user). Defaults to the plain member fixture; unknown ids become guild members. */
  user?: string | (Partial<APIUser> & { id?: string });
  /** Client locale, default `en-US`. */
  locale?: string;
  channelId?: string;
  /** `null` makes it a DM interaction (with the bot, or with `privateChannel` another DM or group DM). */
  guildId?: string | null;
  /**
   * How the app is installed where the user runs it: to the server (default) or to the user's own
   * account (`authorizing_integration_owners` names the user; commands must allow user installs).
   */
  install?: 'guild' | 'user';
  /** With `guildId: null`: a DM or group DM between users (context 2) rather than the bot's DM (context 1). */
  privateChannel?: boolean;
  /** Overrides the member's role ids (guild interactions). */
  roles?: string[];
  /** Overrides the member's computed permissions bitfield (guild interactions). */
  memberPermissions?: bigint | string;
  /** Component / modal-submit interactions: the message (or its id) the component sits on. */
  message?: APIMessage | string;
}

export type OptionValues = Record<string, string | number | boolean>;

/** Test-side view of one interaction sent to the bot. */
export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  readonly type: InteractionType;
  /** The INTERACTION_CREATE `d` payload as dispatched. */
  readonly payload: JsonObject;
  /** `Date.now()` when the interaction was created (the 3 s window starts here). */
  readonly createdAt: number;
  /**
   * The first accepted callback. Rejects once the response window passes without one, like
   * Discord's "The application did not respond".
   */
  readonly callback: Promise<InteractionCallback>;
  /** The accepted callback, if any yet. */
  readonly acknowledged: InteractionCallback | undefined;
  /** Follow-up messages (current state), excluding one that filled in a deferred reply. */
  readonly followups: readonly APIMessage[];
  /** Snapshots of `@original` after each webhook edit (including a follow-up filling a deferral). */
  readonly originalEdits: readonly APIMessage[];
  /** Current `@original` (the response message, or the component's message after type 6/7). */
  original(): Promise<APIMessage | undefined>;
  /** Resolves with the first (past or future) edit of `@original` matching `predicate`. */
  waitForOriginalEdit(predicate?: (message: APIMessage) => boolean, timeoutMs?: number): Promise<APIMessage>;
  waitForFollowup(predicate?: (message: APIMessage) => boolean, timeoutMs?: number): Promise<APIMessage>;
  /**
   * The reply the user sees: type 4 / 7 message, the first edit after a type 5 / 6 deferral,
   * autocomplete choices, or the modal shown.
   */
  waitForFinal(timeoutMs?: number): Promise<FinalReply>;
  /** After a type 9 (modal) callback: the user submits it. Keys are text-input custom ids. */
  submitModal(
    values: Record<string, string>,
    init?: Omit<InteractionInit, 'type' | 'data'>,
  ): InteractionHandle;
}

export interface InteractionServiceOptions {
  world: World;
  store: MessageStore;
  commands: CommandStore;
  ids: SnowflakeGenerator;
  waiters: Waiters;
  windowMs: number;
  tokenLifetimeMs: number;
  hasGatewaySession(): boolean;
  /** INTERACTION_CREATE to the shard of `route` (a guild, or shard 0 for DMs). */
  dispatch(t: string, d: JsonObject, route: { guildId: string } | 'dm'): void;
  messageCreated(message: APIMessage): void;
  messageUpdated(message: APIMessage): void;
  messageDeleted(message: APIMessage): void;
}

interface OriginalEdit {
  message: APIMessage;
  at: number;
}

class InteractionState {
  callback: InteractionCallback | undefined;
  /** Snapshot of the message created or updated by a type 4 / 7 callback. */
  callbackMessage: APIMessage | undefined;
  originalId: string | undefined;
  readonly edits: OriginalEdit[] = [];
  readonly followups: APIMessage[] = [];
  readonly callbackPromise: Promise<InteractionCallback>;
  resolveCallback!: (callback: InteractionCallback) => void;
  rejectCallback!: (error: Error) => void;
  expiryTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly id: string,
    readonly token: string,
    readonly type: InteractionType,
    readonly payload: JsonObject,
    readonly createdAt: number,
    readonly channelId: string,
    readonly guildId: string | null,
    readonly user: APIUser,
    readonly sourceMessageId: string | undefined,
    readonly authorizingOwners: Record<string, string>,
  ) {
    this.callbackPromise = new Promise<InteractionCallback>((resolve, reject) => {
      this.resolveCallback = resolve;
      this.rejectCallback = reject;
    });
    // Tests often never await `callback`; its rejection on timeout must not count as unhandled.
    this.callbackPromise.catch(() => undefined);
  }

  get data(): JsonObject {
    return isRecord(this.payload.data) ? this.payload.data : {};
  }

  messageType(): MessageType {
    if (this.type !== InteractionType.ApplicationCommand) return MessageType.Default;
    return this.data.type === CommandType.ChatInput
      ? MessageType.ChatInputCommand
      : MessageType.ContextMenuCommand;
  }
}

function inferOptionType(value: string | number | boolean): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number')
    return Number.isInteger(value)
      ? ApplicationCommandOptionType.Integer
      : ApplicationCommandOptionType.Number;
  return ApplicationCommandOptionType.String;
}

/** Every component (at any depth) of a message or modal, for lookups by custom id. */
function walkComponents(components: unknown): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!isRecord(value)) return;
    found.push(value);
    visit(value.components);
    visit(value.component);
    visit(value.accessory);
  };
  visit(components);
  return found;
}

export class InteractionService {
  readonly #byId = new Map<string, InteractionState>();
  readonly #byToken = new Map<string, InteractionState>();
  readonly #dmChannels = new Map<string, string>();

  constructor(private readonly o: InteractionServiceOptions) {}

  send(init: InteractionInit = {}): InteractionHandle {
    if (!this.o.hasGatewaySession()) {
      throw new Error(
        'Discord stand-in: no gateway session yet; log the client in (await standin.waitForReady()) before sending interactions',
      );
    }
    const { world, ids } = this.o;
    const type = init.type ?? InteractionType.ApplicationCommand;
    const createdAt = Date.now();
    const id = ids.next(createdAt);
    const token = interactionToken(id);
    const channelGuild = init.channelId === undefined ? undefined : world.guildOfChannel(init.channelId);
    const guildId = init.guildId === undefined ? (channelGuild?.id ?? world.ids.guildId) : init.guildId;
    const user = world.ensureUser(init.user ?? world.member.id, guildId ?? undefined);
    const channelId =
      init.channelId ?? (guildId === null ? this.#dmChannel(user.id) : world.guild(guildId).channelId);

    let source: APIMessage | undefined;
    if (init.message !== undefined) {
      const messageId = typeof init.message === 'string' ? init.message : init.message.id;
      source = this.o.store.byId.get(messageId);
      if (!source)
        throw new Error(`Discord stand-in: unknown message ${messageId} for a component interaction`);
    } else if (type === InteractionType.MessageComponent) {
      throw new Error('Discord stand-in: component interactions need the `message` the component is on');
    }

    // Guild install: the guild id ("0" in the bot's DMs); user install: the user's id under "1".
    const authorizingOwners: Record<string, string> =
      init.install === 'user' ? { '1': user.id } : { '0': guildId ?? '0' };
    const payload: JsonObject = {
      id,
      application_id: world.ids.applicationId,
      type,
      data: this.#buildData(type, init.data ?? {}, guildId),
      ...this.#contextFields(user, guildId, channelId, init),
      authorizing_integration_owners: authorizingOwners,
      token,
      version: 1,
      locale: init.locale ?? 'en-US',
      entitlements: [],
      attachment_size_limit: 10 * 1024 * 1024,
      ...(source ? { message: clone(source) } : {}),
    };

    const state = new InteractionState(
      id,
      token,
      type,
      payload,
      createdAt,
      channelId,
      guildId,
      user,
      source?.id,
      authorizingOwners,
    );
    this.#byId.set(id, state);
    this.#byToken.set(token, state);
    state.expiryTimer = setTimeout(() => {
      if (!state.callback) {
        state.rejectCallback(
          new Error(
            `Interaction ${id} was not acknowledged within ${this.o.windowMs} ms ("The application did not respond")`,
          ),
        );
      }
      this.o.waiters.notify();
    }, this.o.windowMs + 1);
    this.o.dispatch('INTERACTION_CREATE', payload, guildId === null ? 'dm' : { guildId });
    return this.#handle(state);
  }

  /** `/commandName` with named option values; types come from the registered command when known. */
  command(
    name: string,
    options: OptionValues | unknown[] = {},
    init: Omit<InteractionInit, 'type' | 'data'> = {},
  ): InteractionHandle {
    const registered = this.o.commands.find(name, 1, this.#guildOf(init));
    this.#checkOffered(name, registered, init);
    return this.send({
      ...init,
      type: InteractionType.ApplicationCommand,
      data: { name, type: CommandType.ChatInput, ...this.#optionsData(registered, name, options, undefined) },
    });
  }

  /** Autocomplete request while the user types `focused`'s value. */
  autocomplete(
    name: string,
    options: OptionValues,
    focused: string,
    init: Omit<InteractionInit, 'type' | 'data'> = {},
  ): InteractionHandle {
    if (!(focused in options))
      throw new Error(`Discord stand-in: focused option "${focused}" has no value in options`);
    const registered = this.o.commands.find(name, 1, this.#guildOf(init));
    this.#checkOffered(name, registered, init);
    return this.send({
      ...init,
      type: InteractionType.ApplicationCommandAutocomplete,
      data: { name, type: CommandType.ChatInput, ...this.#optionsData(registered, name, options, focused) },
    });
  }

  /** A click on (or selection in) a component that exists on `message`. */
  component(
    message: APIMessage | string,
    customId: string,
    values: string[] | undefined,
    init: Omit<InteractionInit, 'type' | 'data' | 'message'> = {},
  ): InteractionHandle {
    const messageId = typeof message === 'string' ? message : message.id;
    const stored = this.o.store.byId.get(messageId);
    if (!stored) throw new Error(`Discord stand-in: unknown message ${messageId}`);
    const component = walkComponents(stored.components).find((candidate) => candidate.custom_id === customId);
    if (!component || typeof component.type !== 'number') {
      throw new Error(`Discord stand-in: message ${messageId} has no component with custom_id "${customId}"`);
    }
    if (values === undefined && component.type !== 2 /* button */) {
      throw new Error(`Discord stand-in: "${customId}" is a select menu; pass the selected values`);
    }
    return this.send({
      ...init,
      type: InteractionType.MessageComponent,
      message: stored,
      data: {
        custom_id: customId,
        component_type: component.type,
        ...(values === undefined ? {} : { values }),
      },
    });
  }

  registerRoutes(api: HttpApi): void {
    api.route('POST', '/interactions/:interaction/:token/callback', (request) => this.#callback(request), {
      auth: false,
      rateLimited: false,
    });
    api.route('POST', '/webhooks/:webhook/:token', (request) => this.#followup(request), { auth: false });
    api.route(
      'GET',
      '/webhooks/:webhook/:token/messages/:message',
      (request) => {
        const state = this.#byWebhook(request);
        return { status: 200, body: clone(this.#webhookMessage(state, request.params.message ?? '')) };
      },
      { auth: false },
    );
    api.route(
      'PATCH',
      '/webhooks/:webhook/:token/messages/:message',
      (request) => this.#editWebhookMessage(request),
      { auth: false },
    );
    api.route(
      'DELETE',
      '/webhooks/:webhook/:token/messages/:message',
      (request) => {
        const state = this.#byWebhook(request);
        const message = this.#webhookMessage(state, request.params.message ?? '');
        const ephemeral = this.o.store.isEphemeral(message.id);
        this.o.store.delete(message.id);
        if (!ephemeral) this.o.messageDeleted(message);
        return { status: 204 };
      },
      { auth: false },
    );
  }

  close(): void {
    for (const state of this.#byId.values()) clearTimeout(state.expiryTimer);
  }

  // -------------------------------------------------------------------------------------------

  /** The guild an interaction happens in (the primary one when unsaid; DMs still see its commands, as before). */
  #guildOf(init: Omit<InteractionInit, 'type' | 'data'>): string {
    if (typeof init.guildId === 'string') return init.guildId;
    const fromChannel =
      init.channelId === undefined ? undefined : this.o.world.guildOfChannel(init.channelId);
    return fromChannel?.id ?? this.o.world.ids.guildId;
  }

  /**
   * A registered command's `contexts` and `integration_types` decide where the Discord client
   * offers it: an interaction it would not offer is a test mistake, so it throws.
   */
  #checkOffered(
    name: string,
    registered: APIApplicationCommand | undefined,
    init: Omit<InteractionInit, 'type' | 'data'>,
  ): void {
    if (registered === undefined) return;
    const context = init.guildId === null ? (init.privateChannel === true ? 2 : 1) : 0;
    const install = init.install === 'user' ? 1 : 0;
    const contexts: readonly number[] | null = registered.contexts ?? null;
    const installs: readonly number[] = registered.integration_types ?? [0];
    if ((contexts !== null && !contexts.includes(context)) || !installs.includes(install)) {
      throw new Error(
        `Discord stand-in: /${name} is not offered in context ${context} for install type ${install} ` +
          `(contexts ${JSON.stringify(contexts)}, integration_types ${JSON.stringify(installs)})`,
      );
    }
  }

  #dmChannel(userId: string): string {
    let channelId = this.#dmChannels.get(userId);
    if (channelId === undefined) {
      channelId = this.o.ids.next();
      this.#dmChannels.set(userId, channelId);
    }
    return channelId;
  }

  #contextFields(
    user: APIUser,
    guildId: string | null,
    channelId: string,
    init: InteractionInit,
  ): JsonObject {
    const { world } = this.o;
    if (guildId === null) {
      const privateChannel = init.privateChannel === true;
      return {
        channel: privateChannel
          ? { id: channelId, type: 3, last_message_id: null, flags: 0, recipients: [user, world.organiser] }
          : { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [user] },
        channel_id: channelId,
        user,
        app_permissions: world.permissionsOf(world.botUser.id).toString(),
        context: privateChannel ? 2 : 1,
      };
    }
    const botPermissions = world.permissionsOf(world.botUser.id, guildId).toString();
    const channel = world.channelObject(channelId, true);
    if (!channel) throw new Error(`Discord stand-in: unknown channel ${channelId}`);
    const permissions = (init.memberPermissions ?? world.permissionsOf(user.id, guildId)).toString();
    const member = world.memberObject(user.id, true, guildId);
    const locale = world.guild(guildId).locale;
    return {
      guild_id: guildId,
      guild: { id: guildId, locale, features: [] },
      guild_locale: locale,
      channel: { ...channel, permissions },
      channel_id: channelId,
      member: { ...member, ...(init.roles ? { roles: init.roles } : {}), permissions },
      app_permissions: botPermissions,
      context: 0,
    };
  }

  #buildData(type: InteractionType, data: JsonObject, guildId: string | null): JsonObject {
    if (
      type !== InteractionType.ApplicationCommand &&
      type !== InteractionType.ApplicationCommandAutocomplete
    )
      return data;
    const commandType = typeof data.type === 'number' ? data.type : CommandType.ChatInput;
    const name = typeof data.name === 'string' ? data.name : '';
    const registered = this.o.commands.find(name, commandType);
    return {
      id: registered?.id ?? this.o.ids.next(),
      ...data,
      name,
      type: commandType,
      ...(registered?.guild_id !== undefined && guildId !== null ? { guild_id: registered.guild_id } : {}),
    };
  }

  #optionsData(
    command: APIApplicationCommand | undefined,
    name: string,
    options: OptionValues | unknown[],
    focused: string | undefined,
  ): JsonObject {
    if (Array.isArray(options)) return options.length > 0 ? { options } : {};
    const definitions: readonly APIApplicationCommandOption[] = command?.options ?? [];
    if (command) {
      for (const definition of definitions) {
        if ('required' in definition && definition.required && !(definition.name in options)) {
          throw new Error(
            `Discord stand-in: /${name} requires option "${definition.name}" (the Discord client would not send this)`,
          );
        }
      }
    }
    const resolved: { users: JsonObject; members: JsonObject; roles: JsonObject; channels: JsonObject } = {
      users: {},
      members: {},
      roles: {},
      channels: {},
    };
    const built = Object.entries(options).map(([optionName, value]) => {
      const definition = definitions.find((candidate) => candidate.name === optionName);
      if (command && !definition) throw new Error(`Discord stand-in: /${name} has no option "${optionName}"`);
      const type = definition?.type ?? inferOptionType(value);
      this.#resolve(type, String(value), resolved);
      return { name: optionName, type, value, ...(optionName === focused ? { focused: true } : {}) };
    });
    const usedResolved = Object.fromEntries(
      Object.entries(resolved).filter(([, entries]) => Object.keys(entries).length > 0),
    );
    return {
      ...(built.length > 0 ? { options: built } : {}),
      ...(Object.keys(usedResolved).length > 0 ? { resolved: usedResolved } : {}),
    };
  }

  #resolve(
    type: ApplicationCommandOptionType,
    value: string,
    resolved: { users: JsonObject; members: JsonObject; roles: JsonObject; channels: JsonObject },
  ): void {
    const { world } = this.o;
    const wantsUser =
      type === ApplicationCommandOptionType.User || type === ApplicationCommandOptionType.Mentionable;
    const wantsRole =
      type === ApplicationCommandOptionType.Role || type === ApplicationCommandOptionType.Mentionable;
    const user = world.users.get(value);
    if (wantsUser && user) {
      resolved.users[value] = user;
      resolved.members[value] = {
        ...world.memberObject(value, false),
        permissions: world.permissionsOf(value).toString(),
      };
    }
    const role = world.roles.get(value);
    if (wantsRole && role) resolved.roles[value] = role;
    if (type === ApplicationCommandOptionType.Channel) {
      const channel = world.channelObject(value, true);
      if (channel)
        resolved.channels[value] = {
          ...channel,
          permissions: world.permissionsOf(world.botUser.id).toString(),
        };
    }
  }

  #messageMeta(state: InteractionState, extra: Partial<MessageMeta> = {}): MessageMeta {
    const commandName = typeof state.data.name === 'string' ? state.data.name : undefined;
    return {
      type: state.messageType(),
      author: this.o.world.botUser,
      allowedFlags: INTERACTION_MESSAGE_FLAGS,
      webhookId: this.o.world.ids.applicationId,
      applicationId: this.o.world.ids.applicationId,
      interactionMetadata: {
        id: state.id,
        type: state.type,
        user: state.user,
        authorizing_integration_owners: state.authorizingOwners,
        ...(state.sourceMessageId === undefined ? {} : { interacted_message_id: state.sourceMessageId }),
      } as APIMessage['interaction_metadata'],
      ...(state.type === InteractionType.ApplicationCommand && commandName !== undefined
        ? { interaction: { id: state.id, type: state.type, name: commandName, user: state.user } }
        : {}),
      ...extra,
    };
  }

  #allowedCallbackTypes(state: InteractionState): number[] {
    const C = CallbackType;
    switch (state.type) {
      case InteractionType.ApplicationCommandAutocomplete:
        return [C.AutocompleteResult];
      case InteractionType.MessageComponent:
        return [C.Reply, C.DeferredReply, C.DeferredUpdate, C.Update, C.Modal];
      case InteractionType.ModalSubmit:
        // Only a modal opened from a component has a message to update.
        return state.sourceMessageId === undefined
          ? [C.Reply, C.DeferredReply]
          : [C.Reply, C.DeferredReply, C.DeferredUpdate, C.Update];
      case InteractionType.Ping:
      case InteractionType.ApplicationCommand:
        return [C.Reply, C.DeferredReply, C.Modal];
    }
  }

  #callback(request: RouteRequest): { status: number; body?: unknown } {
    const at = Date.now();
    const state = this.#byId.get(request.params.interaction ?? '');
    if (!state || state.token !== request.params.token) throw Errors.unknownInteraction();
    if (state.callback) throw Errors.alreadyAcknowledged();
    if (at - state.createdAt > this.o.windowMs) throw Errors.unknownInteraction();

    const body = isRecord(request.body) ? request.body : {};
    const type = body.type;
    const errors = new FormErrors();
    const allowed = this.#allowedCallbackTypes(state);
    if (typeof type !== 'number' || !allowed.includes(type)) {
      errors.add(['type'], 'BASE_TYPE_CHOICES', `Value must be one of {${allowed.join(', ')}}.`);
      errors.throwIfAny();
      return { status: 400 };
    }
    const data = isRecord(body.data) ? body.data : {};
    const store = this.o.store;
    const C = CallbackType;
    let message: APIMessage | undefined;

    switch (type) {
      case C.Reply: {
        validateMessageBody(errors, ['data'], data);
        const attachments = store.resolveAttachments(
          errors,
          ['data'],
          state.channelId,
          data,
          request.files,
          [],
        );
        errors.throwIfAny();
        message = store.create(state.channelId, data, attachments, this.#messageMeta(state));
        state.originalId = message.id;
        state.callbackMessage = clone(message);
        if (!store.isEphemeral(message.id)) this.o.messageCreated(message);
        break;
      }
      case C.DeferredReply: {
        const flags = typeof data.flags === 'number' ? data.flags & MessageFlagBits.Ephemeral : 0;
        message = store.create(
          state.channelId,
          { content: '', flags },
          undefined,
          this.#messageMeta(state, { extraFlags: MessageFlagBits.Loading }),
        );
        state.originalId = message.id;
        if (!store.isEphemeral(message.id)) this.o.messageCreated(message);
        break;
      }
      case C.DeferredUpdate:
      case C.Update: {
        const source =
          state.sourceMessageId === undefined ? undefined : store.byId.get(state.sourceMessageId);
        if (!source) throw Errors.unknownMessage();
        if (type === C.Update) {
          validateMessageBody(errors, ['data'], data);
          const attachments = store.resolveAttachments(
            errors,
            ['data'],
            state.channelId,
            data,
            request.files,
            source.attachments,
          );
          errors.throwIfAny();
          store.edit(source, data, attachments);
          state.callbackMessage = clone(source);
          if (!store.isEphemeral(source.id)) this.o.messageUpdated(source);
        }
        message = source;
        state.originalId = source.id;
        break;
      }
      case C.AutocompleteResult:
        validateAutocompleteData(errors, ['data'], data);
        errors.throwIfAny();
        break;
      case C.Modal:
        validateModalData(errors, ['data'], data);
        errors.throwIfAny();
        break;
      default:
        break;
    }

    const withResponse = request.query.get('with_response') === 'true';
    const ephemeral = message !== undefined && store.isEphemeral(message.id);
    state.callback = {
      type,
      ...(isRecord(body.data) ? { data: clone(body.data) } : {}),
      files: request.files,
      at,
      latencyMs: at - state.createdAt,
      ephemeral,
      withResponse,
    };
    clearTimeout(state.expiryTimer);
    state.resolveCallback(state.callback);

    if (!withResponse) return { status: 204 };
    const loading = message !== undefined && ((message.flags ?? 0) & MessageFlagBits.Loading) !== 0;
    return {
      status: 200,
      body: {
        interaction: {
          id: state.id,
          type: state.type,
          ...(message === undefined
            ? {}
            : {
                response_message_id: message.id,
                response_message_loading: loading,
                response_message_ephemeral: ephemeral,
              }),
        },
        resource: { type, ...(message === undefined ? {} : { message: clone(message) }) },
      },
    };
  }

  #byWebhook(request: RouteRequest): InteractionState {
    if (request.params.webhook !== this.o.world.ids.applicationId) throw Errors.unknownWebhook();
    const state = this.#byToken.get(request.params.token ?? '');
    if (!state || Date.now() - state.createdAt > this.o.tokenLifetimeMs) throw Errors.invalidWebhookToken();
    return state;
  }

  #webhookMessage(state: InteractionState, messageRef: string): APIMessage {
    // Until the interaction is acknowledged there is no webhook message to address.
    if (!state.callback) throw Errors.unknownWebhook();
    const messageId = messageRef === '@original' ? state.originalId : messageRef;
    const owned =
      messageId !== undefined &&
      (messageId === state.originalId || state.followups.some((followup) => followup.id === messageId));
    const message = owned ? this.o.store.byId.get(messageId) : undefined;
    if (!message) throw Errors.unknownMessage();
    return message;
  }

  #editWebhookMessage(request: RouteRequest): { status: number; body: unknown } {
    const state = this.#byWebhook(request);
    const message = this.#webhookMessage(state, request.params.message ?? '');
    const body = isRecord(request.body) ? request.body : {};
    const errors = new FormErrors();
    validateMessageBody(errors, [], body);
    const attachments = this.o.store.resolveAttachments(
      errors,
      [],
      message.channel_id,
      body,
      request.files,
      message.attachments,
    );
    errors.throwIfAny();
    this.o.store.edit(message, body, attachments);
    if (message.id === state.originalId) state.edits.push({ message: clone(message), at: Date.now() });
    if (!this.o.store.isEphemeral(message.id)) this.o.messageUpdated(message);
    this.o.waiters.notify();
    return { status: 200, body: clone(message) };
  }

  #followup(request: RouteRequest): { status: number; body?: unknown } {
    const state = this.#byWebhook(request);
    const callbackType = state.callback?.type;
    if (
      callbackType === undefined ||
      callbackType === CallbackType.AutocompleteResult ||
      callbackType === CallbackType.Modal
    ) {
      throw Errors.unknownWebhook();
    }
    const body = isRecord(request.body) ? request.body : {};
    const errors = new FormErrors();
    validateMessageBody(errors, [], body);
    const store = this.o.store;
    const original = state.originalId === undefined ? undefined : store.byId.get(state.originalId);
    const fillsDeferral = original !== undefined && ((original.flags ?? 0) & MessageFlagBits.Loading) !== 0;

    let message: APIMessage;
    if (fillsDeferral) {
      // Discord turns the first follow-up after a deferred reply into the reply itself; the
      // ephemerality chosen when deferring wins over the follow-up's own flags.
      const attachments = store.resolveAttachments(
        errors,
        [],
        original.channel_id,
        body,
        request.files,
        original.attachments,
      );
      errors.throwIfAny();
      const withoutFlags = { ...body };
      delete withoutFlags.flags;
      message = store.edit(original, withoutFlags, attachments);
      state.edits.push({ message: clone(message), at: Date.now() });
      if (!store.isEphemeral(message.id)) this.o.messageUpdated(message);
    } else {
      const attachments = store.resolveAttachments(errors, [], state.channelId, body, request.files, []);
      errors.throwIfAny();
      message = store.create(state.channelId, body, attachments, this.#messageMeta(state));
      state.followups.push(message);
      if (!store.isEphemeral(message.id)) this.o.messageCreated(message);
    }
    this.o.waiters.notify();
    return request.query.get('wait') === 'true' ? { status: 200, body: clone(message) } : { status: 204 };
  }

  #finalReply(state: InteractionState): FinalReply | undefined {
    const callback = state.callback;
    if (!callback) {
      if (Date.now() - state.createdAt > this.o.windowMs) {
        throw new Error(
          `Interaction ${state.id} was not acknowledged within ${this.o.windowMs} ms ("The application did not respond")`,
        );
      }
      return undefined;
    }
    const C = CallbackType;
    const latency = (at: number): number => at - state.createdAt;
    switch (callback.type) {
      case C.Reply:
      case C.Update:
        return state.callbackMessage
          ? {
              kind: 'message',
              callbackType: callback.type,
              message: state.callbackMessage,
              ephemeral: callback.ephemeral,
              at: callback.at,
              latencyMs: callback.latencyMs,
            }
          : undefined;
      case C.DeferredReply:
      case C.DeferredUpdate: {
        const edit = state.edits[0];
        if (!edit) return undefined;
        const ephemeral = ((edit.message.flags ?? 0) & MessageFlagBits.Ephemeral) !== 0;
        return {
          kind: 'message',
          callbackType: callback.type,
          message: edit.message,
          ephemeral,
          at: edit.at,
          latencyMs: latency(edit.at),
        };
      }
      case C.AutocompleteResult:
        return {
          kind: 'autocomplete',
          callbackType: callback.type,
          choices: callback.data?.choices ?? [],
          at: callback.at,
          latencyMs: callback.latencyMs,
        };
      case C.Modal:
        return {
          kind: 'modal',
          callbackType: callback.type,
          modal: callback.data ?? {},
          at: callback.at,
          latencyMs: callback.latencyMs,
        };
      default:
        return undefined;
    }
  }

  #submitModal(
    state: InteractionState,
    values: Record<string, string>,
    init: Omit<InteractionInit, 'type' | 'data'>,
  ): InteractionHandle {
    const modal = state.callback?.type === CallbackType.Modal ? state.callback.data : undefined;
    if (!modal) throw new Error(`Discord stand-in: interaction ${state.id} did not show a modal`);
    const inputs = walkComponents(modal.components).filter(
      (component) => component.type === ComponentType.TextInput,
    );
    for (const key of Object.keys(values)) {
      if (!inputs.some((input) => input.custom_id === key))
        throw new Error(`Discord stand-in: the modal has no text input "${key}"`);
    }
    const submitted = (input: JsonObject): JsonObject => {
      const customId = String(input.custom_id);
      const value = values[customId] ?? '';
      if (value === '' && input.required !== false)
        throw new Error(`Discord stand-in: text input "${customId}" is required`);
      return {
        type: ComponentType.TextInput,
        ...(input.id === undefined ? {} : { id: input.id }),
        custom_id: customId,
        value,
      };
    };
    const rows = Array.isArray(modal.components) ? modal.components : [];
    const components = rows.flatMap((row): JsonObject[] => {
      if (row.type === ComponentType.ActionRow && Array.isArray(row.components)) {
        return [
          { type: ComponentType.ActionRow, components: row.components.filter(isRecord).map(submitted) },
        ];
      }
      if (
        row.type === ComponentType.Label &&
        isRecord(row.component) &&
        row.component.type === ComponentType.TextInput
      ) {
        return [
          {
            type: ComponentType.Label,
            ...(row.id === undefined ? {} : { id: row.id }),
            component: submitted(row.component),
          },
        ];
      }
      return [];
    });
    return this.send({
      user: state.user.id,
      channelId: state.channelId,
      guildId: state.guildId,
      ...(state.sourceMessageId === undefined ? {} : { message: state.sourceMessageId }),
      ...init,
      type: InteractionType.ModalSubmit,
      data: { custom_id: modal.custom_id, components },
    });
  }

  #handle(state: InteractionState): InteractionHandle {
    const { waiters, store } = this.o;
    return {
      id: state.id,
      token: state.token,
      type: state.type,
      payload: state.payload,
      createdAt: state.createdAt,
      callback: state.callbackPromise,
      get acknowledged() {
        return state.callback;
      },
      get followups() {
        return state.followups;
      },
      get originalEdits() {
        return state.edits.map((edit) => edit.message);
      },
      original: () => {
        const message = state.originalId === undefined ? undefined : store.byId.get(state.originalId);
        return Promise.resolve(message === undefined ? undefined : clone(message));
      },
      waitForOriginalEdit: (predicate = () => true, timeoutMs = DEFAULT_WAIT_MS) =>
        waiters.waitFor(
          () => state.edits.find((edit) => predicate(edit.message))?.message,
          timeoutMs,
          `an edit of interaction ${state.id}'s original response`,
        ),
      waitForFollowup: (predicate = () => true, timeoutMs = DEFAULT_WAIT_MS) =>
        waiters.waitFor(
          () => {
            const found = state.followups.find(predicate);
            return found === undefined ? undefined : clone(found);
          },
          timeoutMs,
          `a follow-up to interaction ${state.id}`,
        ),
      waitForFinal: (timeoutMs = DEFAULT_WAIT_MS) =>
        waiters.waitFor(
          () => this.#finalReply(state),
          timeoutMs,
          `the final reply to interaction ${state.id}`,
        ),
      submitModal: (values, init = {}) => this.#submitModal(state, values, init),
    };
  }
}
