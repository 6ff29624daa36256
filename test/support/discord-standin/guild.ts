import { PermissionFlagsBits } from 'discord.js';
import type { APIRole, APIUser } from 'discord.js';
import { asBitfield } from './util.js';

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

export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

export interface MemberRecord {
  userId: string;
  roles: string[];
  joinedAt: string;
  nick: string | null;
}

export interface ChannelRecord {
  id: string;
  guildId: string;
  name: string;
  position: number;
  lastMessageId: string | null;
}

export function makeUser(id: string, username: string, globalName: string | null, bot = false): APIUser {
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

/** One guild: its roles (`@everyone` has the guild's id), members and default text channel. */
export class GuildState {
  readonly roles = new Map<string, APIRole>();
  readonly members = new Map<string, MemberRecord>();
  readonly everyoneRole: APIRole;
  readonly organiserRole: APIRole;
  readonly botRole: APIRole;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly locale: string,
    readonly channelId: string,
    ids: { organiserRole: string; botRole: string },
    bot: { id: string; username: string },
  ) {
    this.everyoneRole = makeRole(id, '@everyone', 0, EVERYONE_PERMISSIONS);
    this.organiserRole = makeRole(ids.organiserRole, 'Organiser', 2, ORGANISER_PERMISSIONS, {
      mentionable: true,
      hoist: true,
    });
    this.botRole = makeRole(ids.botRole, bot.username, 1, BOT_ROLE_PERMISSIONS, {
      managed: true,
      tags: { bot_id: bot.id },
    });
    for (const role of [this.everyoneRole, this.organiserRole, this.botRole]) this.roles.set(role.id, role);
  }
}
