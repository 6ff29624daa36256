import { ApplicationCommandOptionType, InteractionType, MessageType } from 'discord.js';
import type { APIMessage, APIUser } from 'discord.js';
import { CallbackType, CommandType, type FinalReply, type InteractionCallback } from './interactionTypes.js';
import { isRecord } from './util.js';
import { MessageFlagBits } from './validation.js';
import type { JsonObject } from './world.js';

export interface OriginalEdit {
  message: APIMessage;
  at: number;
}

/** One interaction: its payload, the callback it got, its original response and follow-ups. */
export class InteractionState {
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

export function inferOptionType(value: string | number | boolean): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number')
    return Number.isInteger(value)
      ? ApplicationCommandOptionType.Integer
      : ApplicationCommandOptionType.Number;
  return ApplicationCommandOptionType.String;
}

/** Every component (at any depth) of a message or modal, for lookups by custom id. */
export function walkComponents(components: unknown): JsonObject[] {
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

/** The callback types Discord accepts for an interaction of this kind. */
export function allowedCallbackTypes(state: InteractionState): number[] {
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

/** The reply a test waits for: the message (or its first edit after a deferral), autocomplete or modal. */
export function finalReply(state: InteractionState, windowMs: number): FinalReply | undefined {
  const callback = state.callback;
  if (!callback) {
    if (Date.now() - state.createdAt > windowMs) {
      throw new Error(
        `Interaction ${state.id} was not acknowledged within ${windowMs} ms ("The application did not respond")`,
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
