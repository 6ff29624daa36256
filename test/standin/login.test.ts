import { once } from 'node:events';
import { Client, DiscordAPIError, Events, GatewayIntentBits } from 'discord.js';
import { describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { onInteraction, tcpHandleCount, useClientOnStandin } from './client.js';

describe('Discord stand-in with a real discord.js client: login, REST, commands, rate limits, resume', () => {
  const c = useClientOnStandin();

  it('logs in via GET /gateway/bot + IDENTIFY and fills caches from READY and GUILD_CREATE', async () => {
    expect(c.client.user.id).toBe(c.standin.botUserId);
    expect(c.client.application.id).toBe(c.standin.applicationId);
    const guild = c.client.guilds.cache.get(c.standin.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.roles.cache.get(c.standin.roles.organiser.id)?.name).toBe('Organiser');
    expect(
      guild?.members.cache.get(c.standin.users.organiser.id)?.roles.cache.has(c.standin.roles.organiser.id),
    ).toBe(true);
    expect(c.channel.name).toBe('general');

    expect(c.standin.counters.identifies).toBe(1);
    const identify = await c.standin.waitForIdentify();
    expect(identify.intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent,
    );
    const gatewayBot = await c.standin.waitForRequest((request) => request.path === '/gateway/bot');
    expect(gatewayBot.headers.authorization).toBe('Bot standin-token');
    expect(c.standin.connectionPaths[0]).toBe('/gateway');

    await c.standin.waitFor(
      () => (c.standin.counters.heartbeats > 0 ? true : undefined),
      3000,
      'a heartbeat',
    );
    await vi.waitFor(() => {
      expect(c.client.ws.ping).toBeGreaterThanOrEqual(0);
    });
  });

  it('answers REST like Discord: rate-limit headers, 401 for a bad token, 404 for unknown routes', async () => {
    const ok = await fetch(`${c.standin.apiUrl}/v10/users/@me`, {
      headers: { authorization: `Bot ${c.standin.token}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-ratelimit-limit')).toBe('50');
    expect(ok.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
    expect(Number(ok.headers.get('x-ratelimit-reset-after'))).toBeGreaterThan(0);
    expect(await ok.json()).toMatchObject({ id: c.standin.botUserId, bot: true });

    const unauthorized = await fetch(`${c.standin.apiUrl}/v10/users/@me`, {
      headers: { authorization: 'Bot nope' },
    });
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toEqual({ message: '401: Unauthorized', code: 0 });

    const missing = await fetch(`${c.standin.apiUrl}/v10/nothing/here`, {
      headers: { authorization: `Bot ${c.standin.token}` },
    });
    expect(missing.status).toBe(404);
  });

  it('rejects a wrong token: discord.js login fails on REST 401, the gateway closes with 4004', async () => {
    const intruder = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: c.standin.apiUrl } });
    await expect(intruder.login('wrong-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    await intruder.destroy();

    const ws = new WebSocket(`${c.standin.gatewayUrl}?v=10&encoding=json`);
    const [hello] = (await once(ws, 'message')) as [Buffer];
    expect(JSON.parse(hello.toString())).toMatchObject({ op: 10, d: { heartbeat_interval: 200 } });
    ws.send(JSON.stringify({ op: 2, d: { token: 'wrong-token', intents: 1, properties: {} } }));
    const [code] = (await once(ws, 'close')) as [number];
    expect(code).toBe(4004);
  });

  it('registers global and guild commands, keeps ids stable, and rejects invalid definitions with 50035', async () => {
    const search = {
      name: 'search',
      description: 'Search the programme',
      nameLocalizations: { ko: '검색' },
      options: [
        { type: 3, name: 'query', description: 'What to look for', required: true, autocomplete: true },
      ],
    };
    const first = await c.client.application.commands.set([search, { name: 'ping', description: 'Ping' }]);
    const second = await c.client.application.commands.set([search]);
    expect(second.first()?.id).toBe(first.find((command) => command.name === 'search')?.id);
    expect(c.standin.globalCommands.map((command) => command.name)).toEqual(['search']);
    expect(c.standin.globalCommands[0]?.name_localizations).toEqual({ ko: '검색' });

    const guild = c.client.guilds.cache.get(c.standin.guildId)!;
    await guild.commands.set([{ name: 'brief', description: 'Post the briefing' }]);
    expect(c.standin.guildCommands[0]).toMatchObject({ name: 'brief', guild_id: c.standin.guildId });

    const invalid = await c.client.application.commands
      .set([{ name: 'Bad Name', description: 'x'.repeat(101) }])
      .catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(DiscordAPIError);
    const apiError = invalid as DiscordAPIError;
    expect(apiError.code).toBe(50035);
    expect(apiError.rawError).toMatchObject({
      errors: {
        0: {
          name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] },
          description: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] },
        },
      },
    });
  });

  it('backs off on a 429 with retry_after before retrying', async () => {
    c.standin.rateLimitNext({ method: 'POST', path: '/channels/:channel/messages', retryAfterMs: 300 });
    const since = Date.now();
    await c.channel.send('after the back-off');
    const attempts = c.standin.requests.filter(
      (request) =>
        request.route === '/channels/:channel/messages' && request.method === 'POST' && request.time >= since,
    );
    expect(attempts.map((request) => request.status)).toEqual([429, 200]);
    expect(attempts[1]!.time - attempts[0]!.time).toBeGreaterThanOrEqual(300);
  });

  it('resumes (not re-identifies) after a dropped connection and replays what was missed', async () => {
    const resumed = once(c.client, Events.ShardResume);
    expect(c.standin.dropGateway()).toBe(1);
    // Sent while the client is disconnected: delivered by the RESUME replay.
    const replied = onInteraction(c.handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.reply('still here');
    });
    const handle = c.standin.sendCommand('ping');
    await c.standin.waitForResume(1);
    await resumed;
    await replied;
    expect((await handle.waitForFinal()).kind).toBe('message');
    expect(c.standin.counters.identifies).toBe(1);
    expect(c.standin.connectionPaths.at(-1)).toBe('/gateway/resume');

    // A resumable close code behaves the same; the next interaction still works.
    c.standin.dropGateway({ code: 4000 });
    await c.standin.waitForResume(2);
    const again = onInteraction(c.handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.reply('after resume');
    });
    const next = c.standin.sendCommand('ping');
    await again;
    const final = await next.waitForFinal();
    expect(final.kind === 'message' && final.message.content).toBe('after resume');
    expect(c.standin.counters.identifies).toBe(1);
    expect(c.standin.internalErrors).toEqual([]);
  });

  it('leaves no open sockets after client.destroy() and standin.close()', async () => {
    await c.client.destroy();
    await c.standin.close();
    await vi.waitFor(() => {
      expect(tcpHandleCount()).toBeLessThanOrEqual(c.tcpHandlesBefore);
    });
  });
});
