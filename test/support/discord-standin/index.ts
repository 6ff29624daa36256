import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIMessage } from 'discord.js';
import { CommandStore, registerCommandRoutes } from './commands.js';
import { GATEWAY_PATH, Gateway } from './gateway.js';
import { InteractionService } from './interactions.js';
import { MessageStore, contentTypeOf } from './messages.js';
import { HttpApi } from './rest.js';
import { registerPlatformRoutes } from './routes.js';
import { Standin } from './standin.js';
import type { DiscordStandin, DiscordStandinOptions } from './standinApi.js';
import {
  deleteEvent,
  guildsOf,
  messageEvent,
  readyPayload,
  requestMembers,
  routeOf,
} from './standinEvents.js';
import { SnowflakeGenerator, Waiters } from './util.js';
import { World } from './world.js';

export type { GatewayCounters, GatewaySessionInfo } from './gateway.js';
export type {
  FinalReply,
  InteractionCallback,
  InteractionCallbackData,
  InteractionHandle,
  InteractionInit,
  OptionValues,
} from './interactions.js';
export type { StoredFile } from './messages.js';
export type { RateLimitRule, RecordedRequest } from './rest.js';
export type {
  DiscordStandin,
  DiscordStandinOptions,
  SendMessageOptions,
  StandinGuild,
} from './standinApi.js';

const DEFAULTS = {
  applicationId: '1311000000000000001',
  guildId: '1311000000000000100',
  channelId: '1311000000000000200',
  token: 'standin-token',
  botUsername: 'Stand-in Bot',
  guildLocale: 'en-US',
  interactionWindowMs: 3000,
  tokenLifetimeMs: 15 * 60 * 1000,
  heartbeatIntervalMs: 41_250,
  rateLimit: { limit: 50, windowMs: 1000 },
} as const;

/** Starts a Discord REST + gateway stand-in on 127.0.0.1 (ephemeral port). */
export async function startDiscordStandin(options: DiscordStandinOptions = {}): Promise<DiscordStandin> {
  const applicationId = options.applicationId ?? DEFAULTS.applicationId;
  const ids = new SnowflakeGenerator();
  const world = new World(
    {
      applicationId,
      botUserId: options.botUserId ?? applicationId,
      guildId: options.guildId ?? DEFAULTS.guildId,
      channelId: options.channelId ?? DEFAULTS.channelId,
      botUsername: options.botUsername ?? DEFAULTS.botUsername,
      guildLocale: options.guildLocale ?? DEFAULTS.guildLocale,
    },
    () => ids.next(),
  );
  let baseUrl = '';
  const parts = assemble(options, world, ids, () => baseUrl);
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/attachments/')) {
      // CDN stand-in for attachment URLs: /attachments/:channel/:id/:filename
      const file = parts.store.files.get(path.split('/')[3] ?? '');
      response.writeHead(file ? 200 : 404, file ? { 'content-type': contentTypeOf(file) } : {});
      response.end(file?.data);
      return;
    }
    void parts.api.handle(request, response);
  });
  server.on('upgrade', (request, socket, head) => {
    parts.gateway.handleUpgrade(request, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return new Standin({ ...parts, server, baseUrl, gatewayUrl: parts.gatewayUrl() });
}

/** The stand-in's parts: messages, commands, gateway, interactions and the REST routes over them. */
function assemble(
  options: DiscordStandinOptions,
  world: World,
  ids: SnowflakeGenerator,
  baseUrl: () => string,
) {
  const token = options.token ?? DEFAULTS.token;
  const enforceIntents = options.enforceIntents ?? true;
  const waiters = new Waiters();
  const notify = (): void => {
    waiters.notify();
  };
  const gatewayUrl = (): string => `${baseUrl().replace(/^http/, 'ws')}${GATEWAY_PATH}`;
  const store = new MessageStore(world, ids, baseUrl);
  const commands = new CommandStore(world, ids);
  const gateway = new Gateway({
    token,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? DEFAULTS.heartbeatIntervalMs,
    newSessionId: () => randomBytes(16).toString('hex'),
    onIdentify: (session) => ({
      ready: readyPayload(world, session, baseUrl()),
      followUps: guildsOf(world, session).map((id) => ({
        t: 'GUILD_CREATE',
        d: world.guildCreatePayload(id),
      })),
    }),
    requestMembers: (request) => requestMembers(world, request),
    onStateChange: notify,
  });
  const messageChanged = (t: string) => (message: APIMessage) => {
    gateway.dispatch(
      t,
      (session) => messageEvent(world, session, message, enforceIntents),
      routeOf(world, message.channel_id),
    );
  };
  const messageCreated = messageChanged('MESSAGE_CREATE');
  const messageUpdated = messageChanged('MESSAGE_UPDATE');
  const messageDeleted = (message: APIMessage): void => {
    gateway.dispatch(
      'MESSAGE_DELETE',
      (session) => deleteEvent(world, session, message, enforceIntents),
      routeOf(world, message.channel_id),
    );
  };
  const interactions = new InteractionService({
    world,
    store,
    commands,
    ids,
    waiters,
    windowMs: options.interactionWindowMs ?? DEFAULTS.interactionWindowMs,
    tokenLifetimeMs: options.tokenLifetimeMs ?? DEFAULTS.tokenLifetimeMs,
    hasGatewaySession: () => gateway.hasSession(),
    dispatch: (t, d, route) => {
      gateway.dispatch(t, () => d, route);
    },
    messageCreated,
    messageUpdated,
    messageDeleted,
  });
  const api = new HttpApi({
    token,
    rateLimit: options.rateLimit ?? DEFAULTS.rateLimit,
    onStateChange: notify,
  });
  registerPlatformRoutes(api, {
    recommendedShards: options.recommendedShards ?? 1,
    world,
    store,
    gatewayUrl,
    counters: gateway.counters,
    messageCreated,
    messageUpdated,
    messageDeleted,
  });
  registerCommandRoutes(api, commands, world);
  interactions.registerRoutes(api);
  return {
    world,
    ids,
    waiters,
    store,
    commands,
    gateway,
    interactions,
    api,
    token,
    enforceIntents,
    gatewayUrl,
    messageCreated,
  };
}
