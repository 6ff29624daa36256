import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST, Routes, type APIMessage } from 'discord.js';
import { pino } from 'pino';
import { commandDefinitions } from '../../commands/index.js';
import { createBot, type Bot, type BotOptions } from '../../src/adapters/discord/bot.js';
import { openStores, type Stores } from '../../src/adapters/storage/index.js';
import { startDiscordStandin, type DiscordStandin } from './discordStandin.js';
import { realEngine } from './engine.js';

export interface BotOnStandin {
  readonly standin: DiscordStandin;
  readonly bot: Bot;
  readonly stores: Stores;
  close(): Promise<void>;
}

/**
 * The real bot (real engine, SQLite store in a temporary folder) on a fresh Discord stand-in, with
 * the commands registered in the stand-in's server as `npm run deploy-commands` would.
 */
export async function startBotOnStandin(
  options: Partial<Pick<BotOptions, 'phrase' | 'today'>> = {},
): Promise<BotOnStandin> {
  const standin = await startDiscordStandin();
  const engine = realEngine();
  await new REST({ api: standin.apiUrl })
    .setToken(standin.token)
    .put(Routes.applicationGuildCommands(standin.applicationId, standin.guildId), {
      body: commandDefinitions(engine.kb),
    });
  const dir = mkdtempSync(join(tmpdir(), 'bot-standin-'));
  const stores = await openStores({ storePath: join(dir, 'bot.sqlite') });
  const bot = createBot({
    token: standin.token,
    apiUrl: standin.apiUrl,
    engine,
    stores,
    logger: pino({ level: 'silent' }),
    rateLimitPerMinute: 1000,
    today: options.today ?? (() => '2026-11-26'),
    phrase: options.phrase,
  });
  await bot.ready;
  return {
    standin,
    bot,
    stores,
    async close() {
      await bot.stop();
      await stores.close();
      await standin.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every embed's description of a message, in order. */
export function descriptionOf(m: APIMessage): string {
  return m.embeds.map((e) => e.description ?? '').join('\n');
}

/** Posts `text` mentioning the bot and waits for the bot's reply under it. */
export async function askByMention(standin: DiscordStandin, text: string): Promise<APIMessage> {
  const posted = await standin.sendMessage({ content: text, mentionsBot: true });
  return standin.waitFor(
    () => standin.messages.get(standin.channelId)?.find((m) => m.message_reference?.message_id === posted.id),
    5000,
    'the reply to the mention',
  );
}
