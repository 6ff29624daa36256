import { PermissionFlagsBits, type APIGuildMember, type APIRole, type APIUser } from 'discord.js';
import { ALL_PERMISSIONS, GuildState, makeUser, type ChannelRecord, type MemberRecord } from './guild.js';
import { asBitfield, isoNow } from './util.js';

export type JsonObject = Record<string, unknown>;

export interface WorldIds {
  applicationId: string;
  botUserId: string;
  guildId: string;
  channelId: string;
}

export interface WorldOptions extends WorldIds {
  botUsername: string;
  guildLocale: string;
}

/**
 * The simulated Discord state: a primary guild with a text channel, an `@everyone` role, an
 * organiser role, the bot's managed role, and a few members (owner, organiser, plain member, the
 * bot); more guilds can be added (each with the same fixture members), e.g. one per shard.
 */
export class World {
  readonly ids: WorldIds;
  readonly createdAt = Date.now();
  readonly users = new Map<string, APIUser>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly guilds = new Map<string, GuildState>();
  readonly primary: GuildState;
  readonly botUser: APIUser;
  readonly owner: APIUser;
  readonly organiser: APIUser;
  readonly member: APIUser;
  readonly #nextId: () => string;

  constructor(options: WorldOptions, nextId: () => string) {
    this.ids = {
      applicationId: options.applicationId,
      botUserId: options.botUserId,
      guildId: options.guildId,
      channelId: options.channelId,
    };
    this.#nextId = nextId;
    this.botUser = this.#addUser(makeUser(options.botUserId, options.botUsername, null, true));
    this.owner = this.#addUser(makeUser('1311000000000000400', 'guild.owner', 'Guild Owner'));
    this.organiser = this.#addUser(makeUser('1311000000000000401', 'olive.organiser', 'Olive Organiser'));
    this.member = this.#addUser(makeUser('1311000000000000402', 'pat.participant', 'Pat Participant'));
    this.primary = this.#createGuild(
      options.guildId,
      'Stand-in Guild',
      options.guildLocale,
      options.channelId,
      { organiserRole: '1311000000000000300', botRole: '1311000000000000301' },
    );
  }

  #createGuild(
    id: string,
    name: string,
    locale: string,
    channelId: string,
    roleIds: { organiserRole: string; botRole: string },
  ): GuildState {
    const guild = new GuildState(id, name, locale, channelId, roleIds, {
      id: this.botUser.id,
      username: this.botUser.username,
    });
    const joinedAt = isoNow(this.createdAt);
    guild.members.set(this.botUser.id, {
      userId: this.botUser.id,
      roles: [guild.botRole.id],
      joinedAt,
      nick: null,
    });
    guild.members.set(this.owner.id, { userId: this.owner.id, roles: [], joinedAt, nick: null });
    guild.members.set(this.organiser.id, {
      userId: this.organiser.id,
      roles: [guild.organiserRole.id],
      joinedAt,
      nick: null,
    });
    guild.members.set(this.member.id, { userId: this.member.id, roles: [], joinedAt, nick: null });
    this.guilds.set(id, guild);
    this.channels.set(channelId, {
      id: channelId,
      guildId: id,
      name: 'general',
      position: 0,
      lastMessageId: null,
    });
    return guild;
  }

  /** Adds a guild (with the fixture members and a `general` channel); `id` defaults to a new snowflake. */
  addGuild(id: string = this.#nextId()): GuildState {
    if (this.guilds.has(id)) throw new Error(`Discord stand-in: guild ${id} exists`);
    return this.#createGuild(
      id,
      `Stand-in Guild ${this.guilds.size + 1}`,
      this.primary.locale,
      this.#nextId(),
      {
        organiserRole: this.#nextId(),
        botRole: this.#nextId(),
      },
    );
  }

  // The primary guild's parts, as before guilds could be added.
  get roles(): Map<string, APIRole> {
    return this.primary.roles;
  }
  get members(): Map<string, MemberRecord> {
    return this.primary.members;
  }
  get everyoneRole(): APIRole {
    return this.primary.everyoneRole;
  }
  get organiserRole(): APIRole {
    return this.primary.organiserRole;
  }
  get botRole(): APIRole {
    return this.primary.botRole;
  }
  get guildLocale(): string {
    return this.primary.locale;
  }
  get guildName(): string {
    return this.primary.name;
  }

  guild(guildId: string = this.primary.id): GuildState {
    const guild = this.guilds.get(guildId);
    if (guild === undefined) throw new Error(`Discord stand-in: unknown guild ${guildId}`);
    return guild;
  }

  /** The guild a channel belongs to (undefined for DMs and unknown channels). */
  guildOfChannel(channelId: string): GuildState | undefined {
    const channel = this.channels.get(channelId);
    return channel === undefined ? undefined : this.guilds.get(channel.guildId);
  }

  /** A role of any guild. */
  roleById(roleId: string): APIRole | undefined {
    for (const guild of this.guilds.values()) {
      const role = guild.roles.get(roleId);
      if (role !== undefined) return role;
    }
    return undefined;
  }

  #addUser(user: APIUser): APIUser {
    this.users.set(user.id, user);
    return user;
  }

  /**
   * Returns a known user, registering unknown ids on the fly; the user becomes a member (without
   * roles) of `guildId` (default: the primary guild) if not one already.
   */
  ensureUser(
    input: string | (Partial<APIUser> & { id?: string }),
    guildId: string = this.primary.id,
  ): APIUser {
    const id = typeof input === 'string' ? input : (input.id ?? this.#nextId());
    let user = this.users.get(id);
    if (user) {
      if (typeof input !== 'string') Object.assign(user, input);
    } else {
      const base = makeUser(id, `user.${id.slice(-4)}`, null);
      user = typeof input === 'string' ? base : { ...base, ...input, id };
      this.users.set(id, user);
    }
    const members = this.guilds.get(guildId)?.members;
    if (members !== undefined && !members.has(id))
      members.set(id, { userId: id, roles: [], joinedAt: isoNow(), nick: null });
    return user;
  }

  addTextChannel(name: string, id: string = this.#nextId(), guildId: string = this.primary.id): string {
    const position = [...this.channels.values()].filter((c) => c.guildId === guildId).length;
    this.channels.set(id, { id, guildId, name, position, lastMessageId: null });
    return id;
  }

  permissionsOf(userId: string, guildId: string = this.primary.id): bigint {
    if (userId === this.owner.id) return ALL_PERMISSIONS;
    const guild = this.guild(guildId);
    const member = guild.members.get(userId);
    let permissions = BigInt(guild.everyoneRole.permissions);
    for (const roleId of member?.roles ?? []) {
      const role = guild.roles.get(roleId);
      if (role) permissions |= BigInt(role.permissions);
    }
    return (permissions & PermissionFlagsBits.Administrator) !== 0n ? ALL_PERMISSIONS : permissions;
  }

  /** Guild member object; gateway MESSAGE_CREATE omits `user` because it is the message author. */
  memberObject(
    userId: string,
    withUser: boolean,
    guildId: string = this.primary.id,
  ): APIGuildMember | Omit<APIGuildMember, 'user'> {
    const record = this.guild(guildId).members.get(userId);
    const member: Omit<APIGuildMember, 'user'> = {
      nick: record?.nick ?? null,
      avatar: null,
      banner: null,
      roles: [...(record?.roles ?? [])],
      joined_at: record?.joinedAt ?? isoNow(this.createdAt),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: asBitfield(0),
      pending: false,
      communication_disabled_until: null,
    };
    const user = this.users.get(userId);
    return withUser && user ? { ...member, user } : member;
  }

  channelObject(channelId: string, withGuildId: boolean): JsonObject | undefined {
    const channel = this.channels.get(channelId);
    if (!channel) return undefined;
    return {
      id: channel.id,
      type: 0,
      ...(withGuildId ? { guild_id: channel.guildId } : {}),
      name: channel.name,
      position: channel.position,
      permission_overwrites: [],
      parent_id: null,
      topic: null,
      nsfw: false,
      last_message_id: channel.lastMessageId,
      rate_limit_per_user: 0,
      flags: 0,
    };
  }

  guildObject(guildId: string = this.primary.id): JsonObject {
    const guild = this.guild(guildId);
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: this.owner.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 1,
      explicit_content_filter: 0,
      roles: [...guild.roles.values()],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: guild.channelId,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      max_members: 500000,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      vanity_url_code: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: guild.locale,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
    };
  }

  /** GUILD_CREATE as sent right after READY: full guild plus channels, members and state arrays. */
  guildCreatePayload(guildId: string = this.primary.id): JsonObject {
    const guild = this.guild(guildId);
    return {
      ...this.guildObject(guildId),
      joined_at: isoNow(this.createdAt),
      large: false,
      unavailable: false,
      lazy: true,
      member_count: guild.members.size,
      members: [...guild.members.keys()].map((id) => this.memberObject(id, true, guildId)),
      channels: [...this.channels.values()]
        .filter((c) => c.guildId === guildId)
        .map((c) => this.channelObject(c.id, false)),
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }
}
