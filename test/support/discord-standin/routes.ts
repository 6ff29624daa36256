import { MessageType, PermissionFlagsBits } from 'discord.js';
import type { APIMessage } from 'discord.js';
import { Errors, FormErrors } from './errors.js';
import type { GatewayCounters } from './gateway.js';
import type { MessageStore } from './messages.js';
import type { HttpApi, RouteRequest } from './rest.js';
import { clone, isRecord } from './util.js';
import { validateMessageBody } from './validateMessage.js';
import { MessageFlagBits } from './validation.js';
import type { JsonObject, World } from './world.js';

/** Flags a bot may set on a plain channel message. */
const CHANNEL_MESSAGE_FLAGS =
  MessageFlagBits.SuppressEmbeds | MessageFlagBits.SuppressNotifications | MessageFlagBits.IsComponentsV2;

// Application flags: GATEWAY_GUILD_MEMBERS_LIMITED | GATEWAY_MESSAGE_CONTENT_LIMITED | APPLICATION_COMMAND_BADGE,
// i.e. an unverified bot with both privileged intents switched on in the developer portal.
const APPLICATION_FLAGS = (1 << 15) | (1 << 19) | (1 << 23);

export interface PlatformRouteOptions {
  /** `shards` in GET /gateway/bot. */
  recommendedShards: number;
  world: World;
  store: MessageStore;
  gatewayUrl(): string;
  counters: GatewayCounters;
  messageCreated(message: APIMessage): void;
  messageUpdated(message: APIMessage): void;
  messageDeleted(message: APIMessage): void;
}

function applicationObject(world: World): JsonObject {
  return {
    id: world.ids.applicationId,
    name: world.botUser.username,
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: APPLICATION_FLAGS,
    owner: world.owner,
    team: null,
    bot: world.botUser,
    guild_id: world.ids.guildId,
    approximate_guild_count: 1,
    approximate_user_install_count: 0,
    redirect_uris: [],
    interactions_endpoint_url: null,
    role_connections_verification_url: null,
    event_webhooks_url: null,
    event_webhooks_status: 1,
    tags: [],
    install_params: {
      scopes: ['bot', 'applications.commands'],
      permissions: world.permissionsOf(world.botUser.id).toString(),
    },
    integration_types_config: { '0': {} },
    rpc_origins: [],
  };
}

/** Finders shared by the routes: each throws Discord's error when the thing is not there. */
function lookups(world: World, store: MessageStore) {
  const channelOf = (request: RouteRequest): string => {
    const channelId = request.params.channel ?? '';
    if (!world.channels.has(channelId)) throw Errors.unknownChannel();
    return channelId;
  };
  const guildOf = (request: RouteRequest): string => {
    const guildId = request.params.guild ?? '';
    if (!world.guilds.has(guildId)) throw Errors.unknownGuild();
    return guildId;
  };
  /** The bot must hold `permission` in the channel's guild (403 50013 otherwise, as on Discord). */
  const requirePermission = (channelId: string, permission: bigint): void => {
    const guild = world.guildOfChannel(channelId);
    if (guild !== undefined && (world.permissionsOf(world.botUser.id, guild.id) & permission) === 0n)
      throw Errors.missingPermissions();
  };
  const messageOf = (request: RouteRequest): APIMessage => {
    const channelId = channelOf(request);
    const message = store.byId.get(request.params.message ?? '');
    if (!message || message.channel_id !== channelId || store.isEphemeral(message.id))
      throw Errors.unknownMessage();
    return message;
  };
  return { channelOf, guildOf, requirePermission, messageOf };
}

type Lookups = ReturnType<typeof lookups>;

/** Gateway discovery, the bot's user and application. */
function registerAppRoutes(api: HttpApi, o: PlatformRouteOptions): void {
  const { world } = o;
  api.route('GET', '/gateway', () => ({ status: 200, body: { url: o.gatewayUrl() } }), { auth: false });
  api.route('GET', '/gateway/bot', () => ({
    status: 200,
    body: {
      url: o.gatewayUrl(),
      shards: o.recommendedShards,
      session_start_limit: {
        total: 1000,
        remaining: Math.max(0, 1000 - o.counters.identifies),
        reset_after: 86_400_000,
        max_concurrency: 1,
      },
    },
  }));

  api.route('GET', '/users/@me', () => ({
    status: 200,
    body: { ...world.botUser, bot: true, verified: true, mfa_enabled: false, email: null, locale: 'en-US' },
  }));
  api.route('GET', '/users/:user', (request) => {
    const user = world.users.get(request.params.user ?? '');
    if (!user) throw Errors.unknownUser();
    return { status: 200, body: user };
  });
  for (const path of ['/applications/@me', '/oauth2/applications/@me']) {
    api.route('GET', path, () => ({ status: 200, body: applicationObject(world) }));
  }
  api.route('PATCH', '/applications/@me', (request) => ({
    status: 200,
    body: { ...applicationObject(world), ...(isRecord(request.body) ? request.body : {}) },
  }));
}

/** Guilds, their channels, roles and members. */
function registerGuildRoutes(api: HttpApi, world: World, { guildOf }: Lookups): void {
  api.route('GET', '/guilds/:guild', (request) => {
    const guildId = guildOf(request);
    const counts =
      request.query.get('with_counts') === 'true'
        ? { approximate_member_count: world.guild(guildId).members.size, approximate_presence_count: 0 }
        : {};
    return { status: 200, body: { ...world.guildObject(guildId), ...counts } };
  });
  api.route('GET', '/guilds/:guild/channels', (request) => {
    const guildId = guildOf(request);
    return {
      status: 200,
      body: [...world.channels.values()]
        .filter((c) => c.guildId === guildId)
        .map((c) => world.channelObject(c.id, true)),
    };
  });
  api.route('GET', '/guilds/:guild/roles', (request) => {
    return { status: 200, body: [...world.guild(guildOf(request)).roles.values()] };
  });
  api.route('GET', '/guilds/:guild/members', (request) => {
    const guildId = guildOf(request);
    const limit = Math.min(1000, Math.max(1, Number(request.query.get('limit') ?? '1')));
    return {
      status: 200,
      body: [...world.guild(guildId).members.keys()]
        .slice(0, limit)
        .map((id) => world.memberObject(id, true, guildId)),
    };
  });
  api.route('GET', '/guilds/:guild/members/:user', (request) => {
    const guildId = guildOf(request);
    const userId = request.params.user ?? '';
    if (!world.guild(guildId).members.has(userId)) throw Errors.unknownMember();
    return { status: 200, body: world.memberObject(userId, true, guildId) };
  });
}

/** Channels and the messages the bot reads, posts, edits, deletes and reacts to. */
function registerChannelRoutes(api: HttpApi, o: PlatformRouteOptions, find: Lookups): void {
  const { world, store } = o;
  const { channelOf, requirePermission, messageOf } = find;
  api.route('GET', '/channels/:channel', (request) => ({
    status: 200,
    body: world.channelObject(channelOf(request), true),
  }));
  api.route('POST', '/channels/:channel/typing', (request) => {
    channelOf(request);
    return { status: 204 };
  });
  api.route('GET', '/channels/:channel/messages', (request) => {
    const limit = Math.min(100, Math.max(1, Number(request.query.get('limit') ?? '50')));
    return { status: 200, body: clone(store.history(channelOf(request)).slice(0, limit)) };
  });
  api.route('GET', '/channels/:channel/messages/:message', (request) => ({
    status: 200,
    body: clone(messageOf(request)),
  }));

  api.route('POST', '/channels/:channel/messages', (request) => {
    const channelId = channelOf(request);
    requirePermission(channelId, PermissionFlagsBits.SendMessages);
    const body = isRecord(request.body) ? request.body : {};
    const duplicate = store.findByNonce(channelId, body);
    if (duplicate) return { status: 200, body: clone(duplicate) };

    const errors = new FormErrors();
    validateMessageBody(errors, [], body);
    let referenced: APIMessage | undefined;
    const reference = body.message_reference;
    if (isRecord(reference) && typeof reference.message_id === 'string') {
      referenced = store.byId.get(reference.message_id);
      if ((!referenced || store.isEphemeral(referenced.id)) && reference.fail_if_not_exists !== false) {
        errors.add(['message_reference'], 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
      }
    }
    const attachments = store.resolveAttachments(errors, [], channelId, body, request.files, []);
    errors.throwIfAny();
    const message = store.create(channelId, body, attachments, {
      type: referenced ? MessageType.Reply : MessageType.Default,
      author: world.botUser,
      allowedFlags: CHANNEL_MESSAGE_FLAGS,
      ...(referenced ? { referenced: clone(referenced) } : {}),
    });
    o.messageCreated(message);
    return { status: 200, body: clone(message) };
  });

  api.route('PATCH', '/channels/:channel/messages/:message', (request) => {
    const message = messageOf(request);
    if (message.author.id !== world.botUser.id) throw Errors.cannotEditOthers();
    const body = isRecord(request.body) ? request.body : {};
    const errors = new FormErrors();
    validateMessageBody(errors, [], body);
    const attachments = store.resolveAttachments(
      errors,
      [],
      message.channel_id,
      body,
      request.files,
      message.attachments,
    );
    errors.throwIfAny();
    store.edit(message, body, attachments);
    o.messageUpdated(message);
    return { status: 200, body: clone(message) };
  });

  api.route('DELETE', '/channels/:channel/messages/:message', (request) => {
    const message = messageOf(request);
    store.delete(message.id);
    o.messageDeleted(message);
    return { status: 204 };
  });

  for (const method of ['PUT', 'DELETE']) {
    api.route(method, '/channels/:channel/messages/:message/reactions/:emoji/@me', (request) => {
      const message = messageOf(request);
      if (method === 'PUT') requirePermission(message.channel_id, PermissionFlagsBits.AddReactions);
      return { status: 204 };
    });
  }
}

export function registerPlatformRoutes(api: HttpApi, o: PlatformRouteOptions): void {
  const find = lookups(o.world, o.store);
  registerAppRoutes(api, o);
  registerGuildRoutes(api, o.world, find);
  registerChannelRoutes(api, o, find);
}
