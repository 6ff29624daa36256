import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type Interaction, type TextChannel } from 'discord.js';
import { afterAll, beforeAll } from 'vitest';
import { startDiscordStandin, type DiscordStandin } from '../support/discordStandin.js';

/** Short response window so the "too late" path runs quickly; still ample for local round trips. */
export const WINDOW_MS = 1500;

export type Handler = (interaction: Interaction) => Promise<void>;

export function tcpHandleCount(): number {
  return process
    .getActiveResourcesInfo()
    .filter((name) => name === 'TCPSocketWrap' || name === 'TCPServerWrap').length;
}

/** Runs `handler` for the next interaction with this command name / custom id; resolves with its result. */
export function onInteraction<T>(
  handlers: Map<string, Handler>,
  key: string,
  handler: (interaction: Interaction) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    handlers.set(key, async (interaction) => {
      handlers.delete(key);
      try {
        resolve(await handler(interaction));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

function interactionKey(interaction: Interaction): string {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isMessageComponent() || interaction.isModalSubmit()) return interaction.customId;
  return '';
}

/** A stand-in with a real discord.js client logged in, for the tests of one describe block. */
export interface ClientOnStandin {
  readonly standin: DiscordStandin;
  readonly client: Client<true>;
  readonly channel: TextChannel;
  /** Handlers by command name or custom id (see {@link onInteraction}). */
  readonly handlers: Map<string, Handler>;
  /** Open TCP handles before the stand-in started. */
  readonly tcpHandlesBefore: number;
}

/**
 * Starts the stand-in and logs a discord.js client in before the tests of the calling describe
 * block, and closes both after them. Read the fields inside tests (they are set in `beforeAll`).
 */
export function useClientOnStandin(): ClientOnStandin {
  const context = { handlers: new Map<string, Handler>() } as {
    standin: DiscordStandin;
    client: Client<true>;
    channel: TextChannel;
    handlers: Map<string, Handler>;
    tcpHandlesBefore: number;
  };
  beforeAll(async () => {
    context.tcpHandlesBefore = tcpHandleCount();
    context.standin = await startDiscordStandin({ interactionWindowMs: WINDOW_MS, heartbeatIntervalMs: 200 });
    const created = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
      rest: { api: context.standin.apiUrl },
    });
    created.on(Events.InteractionCreate, (interaction) => {
      void context.handlers.get(interactionKey(interaction))?.(interaction);
    });
    const ready = once(created, Events.ClientReady);
    await created.login(context.standin.token);
    await ready;
    if (!created.isReady()) throw new Error('client not ready');
    context.client = created;
    const fetched = created.channels.cache.get(context.standin.channelId);
    if (fetched?.isTextBased() !== true || fetched.isDMBased())
      throw new Error('stand-in channel missing from cache');
    context.channel = fetched as TextChannel;
  });
  afterAll(async () => {
    await context.client.destroy();
    await context.standin.close();
  });
  return context;
}
