// The floor for any discord.js bot: replies a constant string to every slash command (plain JS,
// like the built bot, so both are measured the same way).
import { Client, Events, GatewayIntentBits } from 'discord.js';

// BARE_MESSAGES=1 adds the GuildMessages intent (as a bot answering mentions needs), so it also
// receives the messages its replies create.
const client = new Client({
  intents: [
    GatewayIntentBits.Guilds,
    ...(process.env.BARE_MESSAGES === '1' ? [GatewayIntentBits.GuildMessages] : []),
  ],
  rest: { api: process.env.DISCORD_API_URL ?? '' },
});
// With BARE_EMBED=1 it replies a fixed embed with sources and two buttons, shaped like a real
// answer, to show what part of a reply's cost is the reply's size rather than its content.
const EMBED_REPLY = {
  embeds: [
    {
      color: 0x3b6fd1,
      title: '전자증명서 예산 얼마야?',
      description: '2021년 예산: 82억원 (KRW 8.2 billion)\n'.repeat(6),
      fields: [
        {
          name: '출처',
          value:
            '• [매일경제TV — 2021년 전자정부지원사업 과제별 예산](https://mbnmoney.mbn.co.kr/news/view?news_no=MM1004240678)',
        },
      ],
      footer: { text: '(추정) = 출처에서 추론한 내용' },
    },
  ],
  components: [
    {
      type: 1,
      components: [
        { type: 2, style: 2, custom_id: 'fb:up:abcdefghijkl', label: '도움됨', emoji: { name: '👍' } },
        { type: 2, style: 2, custom_id: 'fb:down:abcdefghijkl', label: '아쉬움', emoji: { name: '👎' } },
      ],
    },
  ],
  allowedMentions: { parse: [] },
};
client.on(Events.InteractionCreate, (interaction) => {
  if (!interaction.isChatInputCommand()) return;
  void interaction.reply(
    process.env.BARE_EMBED === '1' ? EMBED_REPLY : { content: 'ok', allowedMentions: { parse: [] } },
  );
});
client.once(Events.ClientReady, () => {
  console.error('bare bot ready');
});
process.once('SIGTERM', () => {
  void client.destroy().then(() => process.exit(0));
});
await client.login(process.env.DISCORD_TOKEN);
