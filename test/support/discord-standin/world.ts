import { PermissionFlagsBits } from 'discord.js';
import type { APIGuildMember, APIRole, APIUser } from 'discord.js';
import { asBitfield, isoNow } from './util.js';

export type JsonObject = Record<string, unknown>;

const P = PermissionFlagsBits;

/** What `@everyone` gets in a freshly created Discord guild (the parts a bot can observe). */
const EVERYONE_PERMISSIONS =
  P.CreateInstantInvite |
  P.AddReactions |
  P.Stream |
  P.ViewChannel |
  P.SendMessages |
  P.EmbedLinks |
  P.AttachFiles |
  P.ReadMessageHistory |
  P.MentionEveryone |
  P.UseExternalEmojis |
  P.Connect |
  P.Speak |
  P.UseVAD |
  P.ChangeNickname |
  P.UseApplicationCommands |
  P.RequestToSpeak |
  P.CreatePublicThreads |
  P.CreatePrivateThreads |
  P.UseExternalStickers |
  P.SendMessagesInThreads |
  P.UseEmbeddedActivities |
  P.SendVoiceMessages |
  P.SendPolls |
  P.UseExternalApps;

const ORGANISER_PERMISSIONS =
  P.ManageGuild | P.ManageMessages | P.ManageEvents | P.ModerateMembers | P.ManageThreads;

/** Permissions an invite with a typical "bot + applications.commands" scope would grant. */
const BOT_ROLE_PERMISSIONS =
  P.ViewChannel |
  P.SendMessages |
  P.EmbedLinks |
  P.AttachFiles |
  P.ReadMessageHistory |
  P.UseApplicationCommands |
  P.SendMessagesInThreads |
  P.AddReactions;

const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

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

interface MemberRecord {
  userId: string;
  roles: string[];
  joinedAt: string;
  nick: string | null;
}

interface ChannelRecord {
  id: string;
  name: string;
  position: number;
  lastMessageId: string | null;
}

function makeUser(id: string, username: string, globalName: string | null, bot = false): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: globalName,
    avatar: null,
    ...(bot ? { bot: true } : {}),
    public_flags: asBitfield(0),
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
  };
}

function makeRole(
  id: string,
  name: string,
  position: number,
  permissions: bigint,
  extra: Partial<APIRole> = {},
): APIRole {
  return {
    id,
    name,
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- Discord still sends it and discord.js reads it
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: asBitfield(0),
    ...extra,
  };
}

/**
 * The simulated Discord state: one guild with a text channel, an `@everyone` role, an organiser
 * role, the bot's managed role, and a few members (owner, organiser, plain member, the bot).
 */
export class World {
  readonly ids: WorldIds;
  readonly guildName = 'Stand-in Guild';
  readonly guildLocale: string;
  readonly createdAt = Date.now();
  readonly users = new Map<string, APIUser>();
  readonly roles = new Map<string, APIRole>();
  readonly members = new Map<string, MemberRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly botUser: APIUser;
  readonly owner: APIUser;
  readonly organiser: APIUser;
  readonly member: APIUser;
  readonly everyoneRole: APIRole;
  readonly organiserRole: APIRole;
  readonly botRole: APIRole;
  readonly #nextId: () => string;

  constructor(options: WorldOptions, nextId: () => string) {
    this.ids = {
      applicationId: options.applicationId,
      botUserId: options.botUserId,
      guildId: options.guildId,
      channelId: options.channelId,
    };
    this.guildLocale = options.guildLocale;
    this.#nextId = nextId;
    const joinedAt = isoNow(this.createdAt);

    this.botUser = this.#addUser(makeUser(options.botUserId, options.botUsername, null, true));
    this.owner = this.#addUser(makeUser('1311000000000000400', 'guild.owner', 'Guild Owner'));
    this.organiser = this.#addUser(makeUser('1311000000000000401', 'olive.organiser', 'Olive Organiser'));
    this.member = this.#addUser(makeUser('1311000000000000402', 'pat.participant', 'Pat Participant'));

    this.everyoneRole = makeRole(options.guildId, '@everyone', 0, EVERYONE_PERMISSIONS);
    this.organiserRole = makeRole('1311000000000000300', 'Organiser', 2, ORGANISER_PERMISSIONS, {
      mentionable: true,
      hoist: true,
    });
    this.botRole = makeRole('1311000000000000301', options.botUsername, 1, BOT_ROLE_PERMISSIONS, {
      managed: true,
      tags: { bot_id: options.botUserId },
    });
    for (const role of [this.everyoneRole, this.organiserRole, this.botRole]) this.roles.set(role.id, role);

    this.members.set(this.botUser.id, {
      userId: this.botUser.id,
      roles: [this.botRole.id],
      joinedAt,
      nick: null,
    });
    this.members.set(this.owner.id, { userId: this.owner.id, roles: [], joinedAt, nick: null });
    this.members.set(this.organiser.id, {
      userId: this.organiser.id,
      roles: [this.organiserRole.id],
      joinedAt,
      nick: null,
    });
    this.members.set(this.member.id, { userId: this.member.id, roles: [], joinedAt, nick: null });

    this.channels.set(options.channelId, {
      id: options.channelId,
      name: 'general',
      position: 0,
      lastMessageId: null,
    });
  }

  #addUser(user: APIUser): APIUser {
    this.users.set(user.id, user);
    return user;
  }

  /** Returns a known user, registering unknown ids (as guild members without roles) on the fly. */
  ensureUser(input: string | (Partial<APIUser> & { id?: string })): APIUser {
    const id = typeof input === 'string' ? input : (input.id ?? this.#nextId());
    const existing = this.users.get(id);
    if (existing) {
      if (typeof input !== 'string') Object.assign(existing, input);
      return existing;
    }
    const base = makeUser(id, `user.${id.slice(-4)}`, null);
    const user = typeof input === 'string' ? base : { ...base, ...input, id };
    this.users.set(id, user);
    this.members.set(id, { userId: id, roles: [], joinedAt: isoNow(), nick: null });
    return user;
  }

  addTextChannel(name: string, id: string = this.#nextId()): string {
    this.channels.set(id, { id, name, position: this.channels.size, lastMessageId: null });
    return id;
  }

  permissionsOf(userId: string): bigint {
    if (userId === this.owner.id) return ALL_PERMISSIONS;
    const member = this.members.get(userId);
    let permissions = BigInt(this.everyoneRole.permissions);
    for (const roleId of member?.roles ?? []) {
      const role = this.roles.get(roleId);
      if (role) permissions |= BigInt(role.permissions);
    }
    return (permissions & P.Administrator) !== 0n ? ALL_PERMISSIONS : permissions;
  }

  /** Guild member object; gateway MESSAGE_CREATE omits `user` because it is the message author. */
  memberObject(userId: string, withUser: boolean): APIGuildMember | Omit<APIGuildMember, 'user'> {
    const record = this.members.get(userId);
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
      ...(withGuildId ? { guild_id: this.ids.guildId } : {}),
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

  guildObject(): JsonObject {
    return {
      id: this.ids.guildId,
      name: this.guildName,
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
      roles: [...this.roles.values()],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: this.ids.channelId,
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
      preferred_locale: this.guildLocale,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
    };
  }

  /** GUILD_CREATE as sent right after READY: full guild plus channels, members and state arrays. */
  guildCreatePayload(): JsonObject {
    return {
      ...this.guildObject(),
      joined_at: isoNow(this.createdAt),
      large: false,
      unavailable: false,
      lazy: true,
      member_count: this.members.size,
      members: [...this.members.keys()].map((id) => this.memberObject(id, true)),
      channels: [...this.channels.keys()].map((id) => this.channelObject(id, false)),
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }
}
