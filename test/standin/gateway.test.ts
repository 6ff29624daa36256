import { once } from 'node:events';
import zlib from 'node:zlib';
import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { startDiscordStandin, type DiscordStandin } from '../support/discordStandin.js';

describe('Discord stand-in gateway protocol (raw WebSocket)', () => {
  let standin: DiscordStandin;

  beforeAll(async () => {
    standin = await startDiscordStandin();
  });

  afterAll(async () => {
    await standin.close();
  });

  /** Collects JSON payloads from a raw connection, optionally zlib-stream compressed. */
  function connect(
    url: string,
    compressed = false,
  ): { ws: WebSocket; next: (op?: number, t?: string) => Promise<Record<string, unknown>> } {
    const ws = new WebSocket(url);
    const queue: Record<string, unknown>[] = [];
    let waiting: (() => void) | undefined;
    // zlib-stream shares one deflate context across frames: inflate everything received so far
    // (synchronously, so frames cannot interleave) and take the newly produced text.
    let stream = Buffer.alloc(0);
    let consumed = 0;
    ws.on('message', (data: Buffer, isBinary) => {
      let text = data.toString();
      if (compressed && isBinary) {
        expect(data.subarray(-4).toString('hex')).toBe('0000ffff');
        stream = Buffer.concat([stream, data]);
        const inflated = zlib.inflateSync(stream, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString();
        text = inflated.slice(consumed);
        consumed = inflated.length;
      }
      queue.push(JSON.parse(text) as Record<string, unknown>);
      waiting?.();
    });
    const next = async (op?: number, t?: string): Promise<Record<string, unknown>> => {
      for (;;) {
        const index = queue.findIndex(
          (payload) => (op === undefined || payload.op === op) && (t === undefined || payload.t === t),
        );
        if (index >= 0) return queue.splice(index, 1)[0]!;
        await new Promise<void>((resolve) => {
          waiting = resolve;
        });
      }
    };
    return { ws, next };
  }

  it('speaks zlib-stream, acks heartbeats, and sends READY then GUILD_CREATE with increasing s', async () => {
    const { ws, next } = connect(`${standin.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`, true);
    expect(await next(10)).toMatchObject({ op: 10, d: { heartbeat_interval: 41250 } });
    ws.send(JSON.stringify({ op: 1, d: null }));
    expect(await next(11)).toMatchObject({ op: 11 });
    ws.send(
      JSON.stringify({
        op: 2,
        d: { token: standin.token, intents: GatewayIntentBits.Guilds, properties: { os: 'linux' } },
      }),
    );
    const ready = await next(0, 'READY');
    expect(ready).toMatchObject({
      s: 1,
      d: { v: 10, user: { id: standin.botUserId }, guilds: [{ id: standin.guildId, unavailable: true }] },
    });
    expect((ready.d as Record<string, unknown>).resume_gateway_url).toMatch(
      /^ws:\/\/127\.0\.0\.1:\d+\/gateway\/resume$/,
    );
    expect(await next(0, 'GUILD_CREATE')).toMatchObject({
      s: 2,
      d: { id: standin.guildId, channels: [{ id: standin.channelId, type: 0 }] },
    });
    ws.close(1000);
    await once(ws, 'close');
  });

  it('expires interaction webhook tokens after tokenLifetimeMs with 50027', async () => {
    const shortLived = await startDiscordStandin({ tokenLifetimeMs: 200 });
    try {
      const { ws, next } = connect(`${shortLived.gatewayUrl}?v=10&encoding=json`);
      await next(10);
      ws.send(
        JSON.stringify({
          op: 2,
          d: { token: shortLived.token, intents: GatewayIntentBits.Guilds, properties: {} },
        }),
      );
      await next(0, 'READY');
      const handle = shortLived.sendCommand('ping');
      expect(await next(0, 'INTERACTION_CREATE')).toMatchObject({
        d: { id: handle.id, token: handle.token, data: { name: 'ping', type: 1 } },
      });
      const api = `${shortLived.apiUrl}/v10`;
      const deferred = await fetch(`${api}/interactions/${handle.id}/${handle.token}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 5 }),
      });
      expect(deferred.status).toBe(204);
      const edit = (): Promise<Response> =>
        fetch(`${api}/webhooks/${shortLived.applicationId}/${handle.token}/messages/@original`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ content: 'late result' }),
        });
      // Polls instead of sleeping: edits succeed until the token's lifetime is over.
      await vi.waitFor(async () => {
        const response = await edit();
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({ message: 'Invalid Webhook Token', code: 50027 });
      });
      ws.close(1000);
      await once(ws, 'close');
    } finally {
      await shortLived.close();
    }
  });

  it('answers a RESUME of an unknown session with op 9 and withholds message content without the intent', async () => {
    const resume = connect(`${standin.gatewayUrl}?v=10&encoding=json`);
    await resume.next(10);
    resume.ws.send(JSON.stringify({ op: 6, d: { token: standin.token, session_id: 'nope', seq: 3 } }));
    expect(await resume.next(9)).toMatchObject({ op: 9, d: false });
    expect(standin.counters.invalidSessions).toBe(1);
    resume.ws.close(1000);

    const { ws, next } = connect(`${standin.gatewayUrl}?v=10&encoding=json`);
    await next(10);
    ws.send(
      JSON.stringify({
        op: 2,
        d: {
          token: standin.token,
          intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages,
          properties: {},
        },
      }),
    );
    await next(0, 'GUILD_CREATE');
    await standin.sendMessage({ content: 'no intent, no content' });
    expect(await next(0, 'MESSAGE_CREATE')).toMatchObject({
      d: { content: '', author: { id: standin.users.member.id } },
    });
    await standin.sendMessage({ content: 'mentions are readable', mentionsBot: true });
    expect(await next(0, 'MESSAGE_CREATE')).toMatchObject({
      d: { content: `<@${standin.botUserId}> mentions are readable` },
    });
    ws.close(1000);
    await once(ws, 'close');
  });
});
