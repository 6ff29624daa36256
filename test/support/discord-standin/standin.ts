import { GatewayIntentBits, type APIMessage } from 'discord.js';
import type { Server } from 'node:http';
import type { CommandStore } from './commands.js';
import { shardOfGuild, type Gateway } from './gateway.js';
import type { GuildState } from './guild.js';
import type { InteractionHandle, InteractionService } from './interactions.js';
import type { MessageStore } from './messages.js';
import type { HttpApi } from './rest.js';
import type { DiscordStandin, StandinGuild } from './standinApi.js';
import { userMessage } from './userMessages.js';
import { clone, type SnowflakeGenerator, type Waiters } from './util.js';
import type { World } from './world.js';

const DEFAULT_WAIT_MS = 5000;
const GUILD_MEMBERS: number = GatewayIntentBits.GuildMembers;

/** Everything a running stand-in is made of. */
export interface StandinParts {
  readonly world: World;
  readonly ids: SnowflakeGenerator;
  readonly waiters: Waiters;
  readonly store: MessageStore;
  readonly commands: CommandStore;
  readonly gateway: Gateway;
  readonly interactions: InteractionService;
  readonly api: HttpApi;
  readonly server: Server;
  readonly baseUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly enforceIntents: boolean;
  messageCreated(message: APIMessage): void;
}

function standinGuild(guild: GuildState): StandinGuild {
  return {
    id: guild.id,
    channelId: guild.channelId,
    roles: { everyone: guild.everyoneRole, organiser: guild.organiserRole, bot: guild.botRole },
  };
}

/** The stand-in as tests drive it (see {@link DiscordStandin} for what each member does). */
export class Standin implements DiscordStandin {
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly baseUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly users: DiscordStandin['users'];
  readonly roles: DiscordStandin['roles'];
  readonly requests: DiscordStandin['requests'];
  readonly messages: DiscordStandin['messages'];
  readonly interactions: InteractionHandle[] = [];
  readonly counters: DiscordStandin['counters'];
  readonly identifies: DiscordStandin['identifies'];
  readonly connectionPaths: DiscordStandin['connectionPaths'];
  readonly internalErrors: DiscordStandin['internalErrors'];
  #closed = false;

  constructor(private readonly p: StandinParts) {
    const { world, gateway, api } = p;
    this.apiUrl = `${p.baseUrl}/api`;
    this.gatewayUrl = p.gatewayUrl;
    this.baseUrl = p.baseUrl;
    this.token = p.token;
    this.applicationId = world.ids.applicationId;
    this.botUserId = world.botUser.id;
    this.guildId = world.ids.guildId;
    this.channelId = world.ids.channelId;
    this.users = { bot: world.botUser, owner: world.owner, organiser: world.organiser, member: world.member };
    this.roles = { everyone: world.everyoneRole, organiser: world.organiserRole, bot: world.botRole };
    this.requests = api.requests;
    this.messages = p.store.botMessages;
    this.counters = gateway.counters;
    this.identifies = gateway.identifyPayloads;
    this.connectionPaths = gateway.connectionPaths;
    this.internalErrors = api.internalErrors;
  }

  get globalCommands(): DiscordStandin['globalCommands'] {
    return this.p.commands.list();
  }

  get guildCommands(): DiscordStandin['guildCommands'] {
    return this.p.commands.list(this.p.world.ids.guildId);
  }

  get guilds(): StandinGuild[] {
    return [...this.p.world.guilds.values()].map(standinGuild);
  }

  #track = (handle: InteractionHandle): InteractionHandle => {
    this.interactions.push(handle);
    return handle;
  };

  #requireSession(): void {
    if (!this.p.gateway.hasSession()) {
      throw new Error(
        'Discord stand-in: no gateway session yet; log the client in (await standin.waitForReady()) first',
      );
    }
  }

  sendInteraction: DiscordStandin['sendInteraction'] = (init) => this.#track(this.p.interactions.send(init));
  sendCommand: DiscordStandin['sendCommand'] = (name, values, init) =>
    this.#track(this.p.interactions.command(name, values, init));
  sendAutocomplete: DiscordStandin['sendAutocomplete'] = (name, values, focused, init) =>
    this.#track(this.p.interactions.autocomplete(name, values, focused, init));
  clickButton: DiscordStandin['clickButton'] = (message, customId, init) =>
    this.#track(this.p.interactions.component(message, customId, undefined, init));
  selectMenu: DiscordStandin['selectMenu'] = (message, customId, values, init) =>
    this.#track(this.p.interactions.component(message, customId, values, init));

  dispatchRaw: DiscordStandin['dispatchRaw'] = (t, d) => {
    this.#requireSession();
    this.p.gateway.dispatch(t, () => d);
  };

  sendMessage: DiscordStandin['sendMessage'] = (input) => {
    try {
      this.#requireSession();
      const message = userMessage(this.p.world, this.p.store, this.p.ids, input);
      this.p.store.addUserMessage(message);
      this.p.messageCreated(message);
      this.p.waiters.notify();
      return Promise.resolve(clone(message));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  addMember: DiscordStandin['addMember'] = (user, roles = []) => {
    const { world, enforceIntents } = this.p;
    const added = world.ensureUser(user);
    const record = world.members.get(added.id);
    if (record) record.roles = [...roles];
    this.p.gateway.dispatch(
      'GUILD_MEMBER_ADD',
      (session) =>
        enforceIntents && (session.intents & GUILD_MEMBERS) === 0
          ? undefined
          : { ...world.memberObject(added.id, true), guild_id: world.ids.guildId },
      { guildId: world.ids.guildId },
    );
    return added;
  };

  addTextChannel: DiscordStandin['addTextChannel'] = (name, guildId = this.p.world.ids.guildId) => {
    const channelId = this.p.world.addTextChannel(name, undefined, guildId);
    this.p.gateway.dispatch('CHANNEL_CREATE', () => this.p.world.channelObject(channelId, true), { guildId });
    return channelId;
  };

  addGuild: DiscordStandin['addGuild'] = (guildOptions = {}) => {
    const wanted = guildOptions.shard;
    const now = Date.now();
    let id = this.p.ids.next(now);
    // A guild's shard is its id's timestamp modulo the shard count: step back a millisecond at a time.
    for (let back = 1; wanted !== undefined && shardOfGuild(id, wanted[1]) !== wanted[0]; back++)
      id = this.p.ids.next(now - back);
    const guild = this.p.world.addGuild(id);
    this.p.gateway.dispatch('GUILD_CREATE', () => this.p.world.guildCreatePayload(guild.id), {
      guildId: guild.id,
    });
    return standinGuild(guild);
  };

  roleById: DiscordStandin['roleById'] = (roleId) => this.p.world.roleById(roleId);

  setBotPermissions: DiscordStandin['setBotPermissions'] = (
    permissions,
    guildId = this.p.world.ids.guildId,
  ) => {
    const guild = this.p.world.guild(guildId);
    guild.botRole.permissions = permissions.toString();
    // @everyone grants a fresh server's defaults to everybody, the bot included: take those away too.
    guild.everyoneRole.permissions = (BigInt(guild.everyoneRole.permissions) & permissions).toString();
  };

  dropGateway: DiscordStandin['dropGateway'] = (dropOptions) => this.p.gateway.drop(dropOptions);
  setGatewayAvailable: DiscordStandin['setGatewayAvailable'] = (available) => {
    this.p.gateway.accepting = available;
  };
  requestReconnect: DiscordStandin['requestReconnect'] = () => {
    this.p.gateway.requestReconnect();
  };
  rateLimitNext: DiscordStandin['rateLimitNext'] = (rule) => {
    this.p.api.rateLimitNext(rule);
  };

  waitForIdentify: DiscordStandin['waitForIdentify'] = (count = 1, timeoutMs = DEFAULT_WAIT_MS) =>
    this.p.waiters.waitFor(() => this.p.gateway.identifyPayloads[count - 1], timeoutMs, `IDENTIFY #${count}`);
  waitForResume: DiscordStandin['waitForResume'] = (count = 1, timeoutMs = DEFAULT_WAIT_MS) =>
    this.p.waiters.waitFor(
      () =>
        this.p.gateway.counters.resumes >= count && this.p.gateway.isLive()
          ? { ...this.p.gateway.counters }
          : undefined,
      timeoutMs,
      `RESUME #${count}`,
    );
  waitForReady: DiscordStandin['waitForReady'] = (timeoutMs = DEFAULT_WAIT_MS) =>
    this.p.waiters
      .waitFor(() => (this.p.gateway.isLive() ? true : undefined), timeoutMs, 'a live gateway connection')
      .then(() => undefined);
  waitForRequest: DiscordStandin['waitForRequest'] = (predicate, timeoutMs = DEFAULT_WAIT_MS) =>
    this.p.waiters.waitFor(
      () => this.p.api.requests.find((request) => request.status !== 0 && predicate(request)),
      timeoutMs,
      'a matching REST request',
    );
  waitForMessage: DiscordStandin['waitForMessage'] = (predicate, timeoutMs = DEFAULT_WAIT_MS) =>
    this.p.waiters.waitFor(
      () => {
        for (const list of this.p.store.botMessages.values()) {
          const found = list.find(predicate);
          if (found) return clone(found);
        }
        return undefined;
      },
      timeoutMs,
      'a matching bot message',
    );
  waitFor: DiscordStandin['waitFor'] = (
    probe,
    timeoutMs = DEFAULT_WAIT_MS,
    description = 'a stand-in condition',
  ) => this.p.waiters.waitFor(probe, timeoutMs, description);

  attachmentData: DiscordStandin['attachmentData'] = (attachment) =>
    this.p.store.files.get(typeof attachment === 'string' ? attachment : attachment.id)?.data;

  close: DiscordStandin['close'] = async () => {
    if (this.#closed) return;
    this.#closed = true;
    this.p.interactions.close();
    this.p.waiters.close();
    await this.p.gateway.close();
    this.p.server.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.p.server.close(() => {
        resolve();
      });
    });
  };
}
