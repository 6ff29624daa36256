import 'dotenv/config';
import { runConsole } from './adapters/cli/console.js';
import { EnvError, loadEnv } from './config/env.js';
import { createEngine } from './core/engine.js';
import { loadKnowledge } from './knowledge/load.js';
import { KnowledgeError } from './knowledge/parse.js';

// The only place that wires configuration, knowledge and adapters together.
async function main(): Promise<void> {
  const env = loadEnv(process.env);
  const engine = createEngine(loadKnowledge(env.KNOWLEDGE_DIR));
  if (env.DISCORD_TOKEN === undefined) {
    await runConsole(engine, { input: process.stdin, output: process.stdout });
    return;
  }
  const { startDiscordBot } = await import('./adapters/discord/bot.js');
  await startDiscordBot({ env, engine });
}

try {
  await main();
} catch (error) {
  if (error instanceof EnvError || error instanceof KnowledgeError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
