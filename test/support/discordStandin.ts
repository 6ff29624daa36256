/**
 * A local stand-in for Discord's REST API and gateway, for end-to-end tests and benchmarks that
 * drive the real discord.js client: `new Client({ rest: { api: standin.apiUrl }, ... })`.
 * Implementation lives in ./discord-standin/.
 */
export { startDiscordStandin } from './discord-standin/index.js';
export type {
  DiscordStandin,
  DiscordStandinOptions,
  FinalReply,
  GatewayCounters,
  GatewaySessionInfo,
  InteractionCallback,
  InteractionCallbackData,
  InteractionHandle,
  InteractionInit,
  OptionValues,
  RateLimitRule,
  RecordedRequest,
  SendMessageOptions,
  StoredFile,
} from './discord-standin/index.js';
