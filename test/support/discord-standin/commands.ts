import type { APIApplicationCommand } from 'discord.js';
import { Errors, FormErrors, apiError } from './errors.js';
import type { HttpApi, RouteRequest } from './rest.js';
import { isRecord, sameCode, type SnowflakeGenerator } from './util.js';
import { validateCommand } from './validateCommand.js';
import type { World } from './world.js';

const MAX_CHAT_INPUT_COMMANDS = 100;
const MAX_CONTEXT_MENU_COMMANDS = 15;

/** Registered application commands, global and per guild, as Discord stores and returns them. */
export class CommandStore {
  readonly #global: APIApplicationCommand[] = [];
  readonly #guild = new Map<string, APIApplicationCommand[]>();

  constructor(
    private readonly world: World,
    private readonly ids: SnowflakeGenerator,
  ) {}

  list(guildId?: string): APIApplicationCommand[] {
    if (guildId === undefined) return this.#global;
    let list = this.#guild.get(guildId);
    if (!list) {
      list = [];
      this.#guild.set(guildId, list);
    }
    return list;
  }

  /**
   * The command an interaction for `name` would target: the guild's command first (in `guildId`,
   * default the primary guild; none in DMs), then the global one.
   */
  find(
    name: string,
    type = 1,
    guildId: string | null = this.world.ids.guildId,
  ): APIApplicationCommand | undefined {
    const matches = (command: APIApplicationCommand): boolean =>
      command.name === name && sameCode(command.type, type);
    return (guildId === null ? undefined : this.list(guildId).find(matches)) ?? this.#global.find(matches);
  }

  /** PUT: replaces the whole set; commands keeping their (type, name) keep their id, as on Discord. */
  overwrite(body: unknown, guildId?: string): APIApplicationCommand[] {
    const errors = new FormErrors();
    if (!Array.isArray(body)) {
      errors.add([], 'BASE_TYPE_ARRAY', 'Must be an array.');
      errors.throwIfAny();
      return [];
    }
    const seen = new Set<string>();
    body.forEach((raw, index) => {
      const key = validateCommand(errors, [index], raw);
      if (!key) return;
      const id = `${key.type}:${key.name}`;
      if (seen.has(id))
        errors.add(
          [index, 'name'],
          'APPLICATION_COMMANDS_DUPLICATE_NAME',
          'Application command names must be unique',
        );
      seen.add(id);
    });
    errors.throwIfAny();
    const commands = body as Record<string, unknown>[];
    checkCounts(commands);
    const list = this.list(guildId);
    const next = commands.map((command) => this.#build(command, guildId, list));
    list.splice(0, list.length, ...next);
    return next;
  }

  /** POST: creates, or updates the command with the same (type, name). */
  upsert(body: unknown, guildId?: string): { command: APIApplicationCommand; created: boolean } {
    const errors = new FormErrors();
    validateCommand(errors, [], body);
    errors.throwIfAny();
    const input = body as Record<string, unknown>;
    const list = this.list(guildId);
    const index = list.findIndex(
      (command) => command.name === input.name && command.type === (input.type ?? 1),
    );
    const command = this.#build(input, guildId, list);
    if (index >= 0) list[index] = command;
    else {
      checkCounts([...list, command] as unknown as Record<string, unknown>[]);
      list.push(command);
    }
    return { command, created: index < 0 };
  }

  edit(commandId: string, body: unknown, guildId?: string): APIApplicationCommand {
    const list = this.list(guildId);
    const index = list.findIndex((command) => command.id === commandId);
    const existing = list[index];
    if (!existing) throw Errors.unknownCommand();
    const merged = { ...existing, ...(isRecord(body) ? body : {}) } as Record<string, unknown>;
    const errors = new FormErrors();
    validateCommand(errors, [], merged);
    errors.throwIfAny();
    const command = this.#build(merged, guildId, list);
    list[index] = command;
    return command;
  }

  get(commandId: string, guildId?: string): APIApplicationCommand {
    const command = this.list(guildId).find((candidate) => candidate.id === commandId);
    if (!command) throw Errors.unknownCommand();
    return command;
  }

  delete(commandId: string, guildId?: string): void {
    const list = this.list(guildId);
    const index = list.findIndex((command) => command.id === commandId);
    if (index < 0) throw Errors.unknownCommand();
    list.splice(index, 1);
  }

  #build(
    input: Record<string, unknown>,
    guildId: string | undefined,
    existing: readonly APIApplicationCommand[],
  ): APIApplicationCommand {
    const type = typeof input.type === 'number' ? input.type : 1;
    const previous = existing.find((command) => command.name === input.name && sameCode(command.type, type));
    const command: Record<string, unknown> = {
      id: previous?.id ?? this.ids.next(),
      application_id: this.world.ids.applicationId,
      version: this.ids.next(),
      default_member_permissions: input.default_member_permissions ?? null,
      type,
      name: input.name,
      name_localizations: input.name_localizations ?? null,
      description: input.description ?? '',
      description_localizations: input.description_localizations ?? null,
      nsfw: input.nsfw === true,
      integration_types: input.integration_types ?? [0],
      contexts: input.contexts ?? null,
      ...(guildId === undefined ? { dm_permission: input.dm_permission !== false } : { guild_id: guildId }),
      ...(Array.isArray(input.options) ? { options: input.options } : {}),
    };
    return command as unknown as APIApplicationCommand;
  }
}

function checkCounts(commands: readonly Record<string, unknown>[]): void {
  const count = (type: number): number => commands.filter((command) => (command.type ?? 1) === type).length;
  if (count(1) > MAX_CHAT_INPUT_COMMANDS) {
    throw apiError(400, 30032, `Maximum number of application commands reached (${MAX_CHAT_INPUT_COMMANDS})`);
  }
  if (count(2) > MAX_CONTEXT_MENU_COMMANDS || count(3) > MAX_CONTEXT_MENU_COMMANDS) {
    throw apiError(
      400,
      30032,
      `Maximum number of application commands reached (${MAX_CONTEXT_MENU_COMMANDS})`,
    );
  }
}

/** `/applications/:application/commands` and `/applications/:application/guilds/:guild/commands`. */
export function registerCommandRoutes(api: HttpApi, store: CommandStore, world: World): void {
  const scope = (request: RouteRequest): string | undefined => {
    if (request.params.application !== world.ids.applicationId) {
      throw apiError(403, 20012, 'You are not authorized to perform this action on this application');
    }
    const guildId = request.params.guild;
    if (guildId !== undefined && !world.guilds.has(guildId)) throw Errors.missingAccess();
    return guildId;
  };

  for (const base of [
    '/applications/:application/commands',
    '/applications/:application/guilds/:guild/commands',
  ]) {
    api.route('GET', base, (request) => ({ status: 200, body: store.list(scope(request)) }));
    api.route('PUT', base, (request) => ({
      status: 200,
      body: store.overwrite(request.body, scope(request)),
    }));
    api.route('POST', base, (request) => {
      const { command, created } = store.upsert(request.body, scope(request));
      return { status: created ? 201 : 200, body: command };
    });
    api.route('GET', `${base}/:command`, (request) => ({
      status: 200,
      body: store.get(request.params.command ?? '', scope(request)),
    }));
    api.route('PATCH', `${base}/:command`, (request) => ({
      status: 200,
      body: store.edit(request.params.command ?? '', request.body, scope(request)),
    }));
    api.route('DELETE', `${base}/:command`, (request) => {
      store.delete(request.params.command ?? '', scope(request));
      return { status: 204 };
    });
  }
}
