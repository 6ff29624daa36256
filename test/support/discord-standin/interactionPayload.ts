import { ApplicationCommandOptionType, InteractionType } from 'discord.js';
import type { APIApplicationCommand, APIApplicationCommandOption, APIUser } from 'discord.js';
import { inferOptionType } from './interactionState.js';
import {
  CommandType,
  type InteractionInit,
  type InteractionServiceOptions,
  type OptionValues,
} from './interactionTypes.js';
import type { JsonObject } from './world.js';

/** Builds INTERACTION_CREATE payloads as Discord would: context fields, command data, options, resolved data. */
export class InteractionPayloads {
  readonly #dmChannels = new Map<string, string>();

  constructor(private readonly o: InteractionServiceOptions) {}

  /** The guild an interaction happens in (the primary one when unsaid; DMs still see its commands, as before). */
  guildOf(init: Omit<InteractionInit, 'type' | 'data'>): string {
    if (typeof init.guildId === 'string') return init.guildId;
    const fromChannel =
      init.channelId === undefined ? undefined : this.o.world.guildOfChannel(init.channelId);
    return fromChannel?.id ?? this.o.world.ids.guildId;
  }
  /**
   * A registered command's `contexts` and `integration_types` decide where the Discord client
   * offers it: an interaction it would not offer is a test mistake, so it throws.
   */
  checkOffered(
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
  dmChannel(userId: string): string {
    let channelId = this.#dmChannels.get(userId);
    if (channelId === undefined) {
      channelId = this.o.ids.next();
      this.#dmChannels.set(userId, channelId);
    }
    return channelId;
  }
  contextFields(user: APIUser, guildId: string | null, channelId: string, init: InteractionInit): JsonObject {
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
  buildData(type: InteractionType, data: JsonObject, guildId: string | null): JsonObject {
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
  optionsData(
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
}
