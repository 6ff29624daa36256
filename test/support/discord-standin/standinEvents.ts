import { GatewayIntentBits, type APIMessage } from 'discord.js';
import { RESUME_GATEWAY_PATH, shardOf, shardOfGuild, type GatewaySessionInfo } from './gateway.js';
import { clone } from './util.js';
import type { JsonObject, World } from './world.js';

const GUILD_MESSAGES: number = GatewayIntentBits.GuildMessages;
const MESSAGE_CONTENT: number = GatewayIntentBits.MessageContent;

/** The guilds a session's shard owns. */
export function guildsOf(world: World, session: GatewaySessionInfo): string[] {
  const [id, count] = shardOf(session);
  return [...world.guilds.keys()].filter((guildId) => shardOfGuild(guildId, count) === id);
}

/** Where a channel's events go: its guild's shard, or shard 0 for DMs. */
export function routeOf(world: World, channelId: string): { guildId: string } | 'dm' {
  const guild = world.guildOfChannel(channelId);
  return guild === undefined ? 'dm' : { guildId: guild.id };
}

/** READY's `d` for a session. */
export function readyPayload(world: World, session: GatewaySessionInfo, baseUrl: string): JsonObject {
  return {
    v: 10,
    user: { ...world.botUser, bot: true, verified: true, mfa_enabled: false, email: null },
    user_settings: {},
    guilds: guildsOf(world, session).map((id) => ({ id, unavailable: true })),
    guild_join_requests: [],
    relationships: [],
    private_channels: [],
    presences: [],
    session_id: session.id,
    session_type: 'normal',
    // discord.js reconnects to exactly this URL (appending ?v=10&encoding=json) when resuming.
    resume_gateway_url: `${baseUrl.replace(/^http/, 'ws')}${RESUME_GATEWAY_PATH}`,
    shard: Array.isArray(session.identify.shard) ? session.identify.shard : [0, 1],
    application: { id: world.ids.applicationId, flags: (1 << 15) | (1 << 19) | (1 << 23) },
    geo_ordered_rtc_regions: ['seoul', 'japan', 'hongkong', 'singapore', 'sydney'],
    auth: {},
    _trace: ['["standin-gateway"]'],
  };
}

/** Answers op 8 REQUEST_GUILD_MEMBERS: by ids, or by a username prefix, up to `limit`. */
export function requestMembers(
  world: World,
  request: Record<string, unknown>,
): { members: unknown[]; notFound: string[] } {
  const guild = world.guild(typeof request.guild_id === 'string' ? request.guild_id : undefined);
  const wanted = Array.isArray(request.user_ids) ? request.user_ids.map(String) : undefined;
  const query = typeof request.query === 'string' ? request.query.toLowerCase() : '';
  const limit =
    typeof request.limit === 'number' && request.limit > 0 ? request.limit : Number.POSITIVE_INFINITY;
  const matches = [...guild.members.keys()]
    .filter((id) =>
      wanted ? wanted.includes(id) : (world.users.get(id)?.username.toLowerCase().startsWith(query) ?? false),
    )
    .slice(0, limit);
  return {
    members: matches.map((id) => world.memberObject(id, true, guild.id)),
    notFound: wanted ? wanted.filter((id) => !guild.members.has(id)) : [],
  };
}

/** A message as MESSAGE_CREATE / MESSAGE_UPDATE carries it for one session (intents applied). */
export function messageEvent(
  world: World,
  session: GatewaySessionInfo,
  message: APIMessage,
  enforceIntents: boolean,
): JsonObject | undefined {
  const botId = world.botUser.id;
  const guild = world.guildOfChannel(message.channel_id);
  if (enforceIntents && guild !== undefined && (session.intents & GUILD_MESSAGES) === 0) return undefined;
  const event: JsonObject = { ...clone(message) };
  if (guild !== undefined) {
    event.guild_id = guild.id;
    if (message.webhook_id === undefined)
      event.member = world.memberObject(message.author.id, false, guild.id);
    event.mentions = message.mentions.map((user) => ({
      ...user,
      member: world.memberObject(user.id, false, guild.id),
    }));
  }
  const readable = message.author.id === botId || message.mentions.some((user) => user.id === botId);
  if (enforceIntents && (session.intents & MESSAGE_CONTENT) === 0 && !readable) {
    Object.assign(event, { content: '', embeds: [], attachments: [], components: [] });
  }
  return event;
}

/** MESSAGE_DELETE's `d` for one session (nothing without GUILD_MESSAGES in a guild). */
export function deleteEvent(
  world: World,
  session: GatewaySessionInfo,
  message: APIMessage,
  enforceIntents: boolean,
): JsonObject | undefined {
  const guild = world.guildOfChannel(message.channel_id);
  if (enforceIntents && guild !== undefined && (session.intents & GUILD_MESSAGES) === 0) return undefined;
  return {
    id: message.id,
    channel_id: message.channel_id,
    ...(guild !== undefined ? { guild_id: guild.id } : {}),
  };
}
