import { REST, Routes } from 'discord.js';
import { commandDefinitions } from '../../../commands/index.js';
import { loadKnowledge } from '../../knowledge/load.js';
import type { Env } from '../../config/env.js';

/**
 * `npm run deploy-commands`: registers the slash commands for one server (DISCORD_GUILD_ID) or
 * globally, and says what it did. Run it when the definitions change, not at every start.
 * Returns the exit code.
 */
export async function deployCommands(env: Env): Promise<number> {
  if (env.DISCORD_TOKEN === undefined || env.DISCORD_APPLICATION_ID === undefined) {
    console.error(
      'Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (in .env or the environment) to register commands.',
    );
    return 1;
  }
  const rest = new REST(env.DISCORD_API_URL !== undefined ? { api: env.DISCORD_API_URL } : {}).setToken(
    env.DISCORD_TOKEN,
  );
  const body = commandDefinitions(loadKnowledge(env.KNOWLEDGE_DIR));
  const route =
    env.DISCORD_GUILD_ID !== undefined
      ? Routes.applicationGuildCommands(env.DISCORD_APPLICATION_ID, env.DISCORD_GUILD_ID)
      : Routes.applicationCommands(env.DISCORD_APPLICATION_ID);
  try {
    const result = (await rest.put(route, { body })) as { name: string }[];
    const where =
      env.DISCORD_GUILD_ID !== undefined
        ? `in server ${env.DISCORD_GUILD_ID} (available now)`
        : 'globally (may take up to an hour to appear)';
    console.log(
      `Registered ${result.length} commands ${where}: ${result.map((c) => `/${c.name}`).join(', ')}`,
    );
    return 0;
  } catch (error) {
    console.error(
      `Could not register the commands: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
}
