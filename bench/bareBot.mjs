// The floor for any discord.js bot: replies a constant string to every slash command (plain JS,
// like the built bot, so both are measured the same way).
import { Client, Events, GatewayIntentBits } from 'discord.js';

const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.env.DISCORD_API_URL ?? '' } });
client.on(Events.InteractionCreate, (interaction) => {
  if (interaction.isChatInputCommand()) void interaction.reply({ content: 'ok', allowedMentions: { parse: [] } });
});
client.once(Events.ClientReady, () => {
  console.error('bare bot ready');
});
process.once('SIGTERM', () => {
  void client.destroy().then(() => process.exit(0));
});
await client.login(process.env.DISCORD_TOKEN);
