import { ComponentType, InteractionType } from 'discord.js';
import type { APIMessage } from 'discord.js';
import { InteractionPayloads } from './interactionPayload.js';
import { InteractionResponses } from './interactionResponses.js';
import { InteractionState, finalReply, walkComponents } from './interactionState.js';
import {
  CallbackType,
  CommandType,
  DEFAULT_WAIT_MS,
  type InteractionHandle,
  type InteractionInit,
  type InteractionServiceOptions,
  type OptionValues,
} from './interactionTypes.js';
import type { HttpApi } from './rest.js';
import { clone, interactionToken, isRecord } from './util.js';
import type { JsonObject } from './world.js';

export type {
  FinalReply,
  InteractionCallback,
  InteractionCallbackData,
  InteractionHandle,
  InteractionInit,
  InteractionServiceOptions,
  OptionValues,
} from './interactionTypes.js';

/** Interactions: dispatching them, and serving the bot's callbacks, webhook edits and follow-ups. */
export class InteractionService {
  readonly #byId = new Map<string, InteractionState>();
  readonly #byToken = new Map<string, InteractionState>();
  readonly #payloads: InteractionPayloads;
  readonly #responses: InteractionResponses;

  constructor(private readonly o: InteractionServiceOptions) {
    this.#payloads = new InteractionPayloads(o);
    this.#responses = new InteractionResponses(o, this.#byId, this.#byToken);
  }

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
      init.channelId ??
      (guildId === null ? this.#payloads.dmChannel(user.id) : world.guild(guildId).channelId);

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
      data: this.#payloads.buildData(type, init.data ?? {}, guildId),
      ...this.#payloads.contextFields(user, guildId, channelId, init),
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
    const registered = this.o.commands.find(name, 1, this.#payloads.guildOf(init));
    this.#payloads.checkOffered(name, registered, init);
    return this.send({
      ...init,
      type: InteractionType.ApplicationCommand,
      data: {
        name,
        type: CommandType.ChatInput,
        ...this.#payloads.optionsData(registered, name, options, undefined),
      },
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
    const registered = this.o.commands.find(name, 1, this.#payloads.guildOf(init));
    this.#payloads.checkOffered(name, registered, init);
    return this.send({
      ...init,
      type: InteractionType.ApplicationCommandAutocomplete,
      data: {
        name,
        type: CommandType.ChatInput,
        ...this.#payloads.optionsData(registered, name, options, focused),
      },
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
    api.route(
      'POST',
      '/interactions/:interaction/:token/callback',
      (request) => this.#responses.callback(request),
      {
        auth: false,
        rateLimited: false,
      },
    );
    api.route('POST', '/webhooks/:webhook/:token', (request) => this.#responses.followup(request), {
      auth: false,
    });
    api.route(
      'GET',
      '/webhooks/:webhook/:token/messages/:message',
      (request) => {
        const state = this.#responses.byWebhook(request);
        return {
          status: 200,
          body: clone(this.#responses.webhookMessage(state, request.params.message ?? '')),
        };
      },
      { auth: false },
    );
    api.route(
      'PATCH',
      '/webhooks/:webhook/:token/messages/:message',
      (request) => this.#responses.editWebhookMessage(request),
      { auth: false },
    );
    api.route(
      'DELETE',
      '/webhooks/:webhook/:token/messages/:message',
      (request) => {
        const state = this.#responses.byWebhook(request);
        const message = this.#responses.webhookMessage(state, request.params.message ?? '');
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
          () => finalReply(state, this.o.windowMs),
          timeoutMs,
          `the final reply to interaction ${state.id}`,
        ),
      submitModal: (values, init = {}) => this.#submitModal(state, values, init),
    };
  }
}
