import type { APIEmbed, APIMessage, APIUser, InteractionType } from 'discord.js';
import type { CommandStore } from './commands.js';
import type { MessageStore, StoredFile } from './messages.js';
import type { SnowflakeGenerator, Waiters } from './util.js';
import { MessageFlagBits } from './validation.js';
import type { JsonObject, World } from './world.js';

/** Flags a bot may set on interaction responses and follow-ups. */
export const INTERACTION_MESSAGE_FLAGS =
  MessageFlagBits.SuppressEmbeds |
  MessageFlagBits.Ephemeral |
  MessageFlagBits.SuppressNotifications |
  MessageFlagBits.IsComponentsV2;

export const DEFAULT_WAIT_MS = 5000;

/** Interaction callback types as numbers on the wire (discord.js: InteractionResponseType). */
export const CallbackType = {
  Reply: 4,
  DeferredReply: 5,
  DeferredUpdate: 6,
  Update: 7,
  AutocompleteResult: 8,
  Modal: 9,
} as const;

/** Application command types on the wire (discord.js: ApplicationCommandType). */
export const CommandType = { ChatInput: 1, User: 2, Message: 3 } as const;

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
