import { fileURLToPath } from 'node:url';
import { boot } from '../app/boot.js';
import { runBot } from '../app/bot.js';
import { runConsoleApp } from '../app/console.js';
import { runShardManager } from '../app/shards.js';

// `npm start`: the console without DISCORD_TOKEN, the bot with it, a sharding manager with
// SHARD_COUNT (whose shard processes run this same file with SHARDING_MANAGER set).
await boot(async (context) => {
  if (process.env['SHARDING_MANAGER'] === 'true') await runBot(context, true);
  else if (context.env.DISCORD_TOKEN === undefined) await runConsoleApp(context);
  else if (context.env.SHARD_COUNT !== undefined)
    await runShardManager(context, fileURLToPath(import.meta.url));
  else await runBot(context);
});
