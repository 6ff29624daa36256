import { InteractionType, type APIMessage } from 'discord.js';
import { Errors, FormErrors } from './errors.js';
import { allowedCallbackTypes, type InteractionState } from './interactionState.js';
import {
  CallbackType,
  INTERACTION_MESSAGE_FLAGS,
  type InteractionServiceOptions,
} from './interactionTypes.js';
import type { MessageMeta } from './messages.js';
import type { RouteRequest } from './rest.js';
import { clone, isRecord } from './util.js';
import { validateAutocompleteData, validateModalData } from './validateCallback.js';
import { validateMessageBody } from './validateMessage.js';
import { MessageFlagBits } from './validation.js';

/** The bot's side of an interaction: its callback, edits of the original response, follow-ups. */
export class InteractionResponses {
  constructor(
    private readonly o: InteractionServiceOptions,
    private readonly byId: ReadonlyMap<string, InteractionState>,
    private readonly byToken: ReadonlyMap<string, InteractionState>,
  ) {}

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
  callback(request: RouteRequest): { status: number; body?: unknown } {
    const at = Date.now();
    const state = this.byId.get(request.params.interaction ?? '');
    if (!state || state.token !== request.params.token) throw Errors.unknownInteraction();
    if (state.callback) throw Errors.alreadyAcknowledged();
    if (at - state.createdAt > this.o.windowMs) throw Errors.unknownInteraction();

    const body = isRecord(request.body) ? request.body : {};
    const type = body.type;
    const errors = new FormErrors();
    const allowed = allowedCallbackTypes(state);
    if (typeof type !== 'number' || !allowed.includes(type)) {
      errors.add(['type'], 'BASE_TYPE_CHOICES', `Value must be one of {${allowed.join(', ')}}.`);
      errors.throwIfAny();
      return { status: 400 };
    }
    const message = this.#apply(type, state, isRecord(body.data) ? body.data : {}, request, errors);

    const withResponse = request.query.get('with_response') === 'true';
    const ephemeral = message !== undefined && this.o.store.isEphemeral(message.id);
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

    return withResponse
      ? { status: 200, body: callbackResponse(state, type, message, ephemeral) }
      : { status: 204 };
  }
  /** Does what a callback of `type` does: creates, defers or updates a message, or checks its data. */
  #apply(
    type: number,
    state: InteractionState,
    data: Record<string, unknown>,
    request: RouteRequest,
    errors: FormErrors,
  ): APIMessage | undefined {
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
    return message;
  }

  byWebhook(request: RouteRequest): InteractionState {
    if (request.params.webhook !== this.o.world.ids.applicationId) throw Errors.unknownWebhook();
    const state = this.byToken.get(request.params.token ?? '');
    if (!state || Date.now() - state.createdAt > this.o.tokenLifetimeMs) throw Errors.invalidWebhookToken();
    return state;
  }
  webhookMessage(state: InteractionState, messageRef: string): APIMessage {
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
  editWebhookMessage(request: RouteRequest): { status: number; body: unknown } {
    const state = this.byWebhook(request);
    const message = this.webhookMessage(state, request.params.message ?? '');
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
  followup(request: RouteRequest): { status: number; body?: unknown } {
    const state = this.byWebhook(request);
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
}

/** The body of a callback answered `with_response`: the interaction and the message it made. */
function callbackResponse(
  state: InteractionState,
  type: number,
  message: APIMessage | undefined,
  ephemeral: boolean,
): unknown {
  const loading = message !== undefined && ((message.flags ?? 0) & MessageFlagBits.Loading) !== 0;
  return {
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
  };
}
