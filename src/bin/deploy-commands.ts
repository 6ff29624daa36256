import { deployCommands } from '../adapters/discord/deployCommands.js';
import { boot } from '../app/boot.js';

await boot(async ({ env }) => {
  process.exitCode = await deployCommands(env);
});
