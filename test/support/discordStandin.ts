/**
 * A local stand-in for Discord's REST API (v10) and gateway, for end-to-end tests and benchmarks
 * that drive the real discord.js client. Implementation lives in ./discord-standin/.
 *
 * @example
 * const standin = await startDiscordStandin({ interactionWindowMs: 3000 });
 * const client = new Client({ intents: [...], rest: { api: standin.apiUrl } });
 * await client.login(standin.token);                         // 'standin-token'
 * const handle = standin.sendCommand('ask', { question: '...' });
 * const final = await handle.waitForFinal();                 // reply, or first edit after a defer
 * // ... assert on final.message / standin.requests / standin.messages
 * await client.destroy();                                    // before close(), or it keeps reconnecting
 * await standin.close();
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
