import { fileURLToPath } from 'node:url';
import { boot, StartupError } from '../app/boot.js';
import { runShardManager } from '../app/shards.js';

// `npm run start:sharded`: the sharding manager, SHARD_COUNT shards (default: Discord's
// recommendation), each running start.js beside this file.
const start = fileURLToPath(
  new URL(`./start${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url),
);
await boot(async (context) => {
  if (context.env.DISCORD_TOKEN === undefined) throw new StartupError('DISCORD_TOKEN is not set');
  await runShardManager(context, start);
});
