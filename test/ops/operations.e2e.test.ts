import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBotProcess, type BotProcess } from '../support/botProcess.js';
import { startDiscordStandin, type DiscordStandin } from '../support/discordStandin.js';
import { runScript } from '../support/run.js';
import { briefingCommand, message, sendMemberlessInteraction } from '../briefing/helpers.js';

const user = (n: number) => `13110000000000${String(8000 + n)}`;

/** The counter's value in Prometheus text (0 when absent). */
function metric(text: string, name: string, labels = ''): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? 0 : Number(line.split(' ')[1]);
}

/**
 * The bot as an operator runs it: the deploy script, then the process with HTTP_PORT, against the
 * Discord stand-in; health across a gateway outage, metrics, floods, malformed events, a store
 * file removed under it, and SIGTERM.
 */
describe('operations: deploy, npm start with HTTP, faults', () => {
  let standin: DiscordStandin;
  let bot: BotProcess;
  let http = '';
  const dir = mkdtempSync(join(tmpdir(), 'ops-'));
  const storePath = join(dir, 'data', 'bot.sqlite');

  beforeAll(async () => {
    standin = await startDiscordStandin();
    const deploy = await runScript('src/bin/deploy-commands.ts', [], {
      env: {
        DISCORD_TOKEN: standin.token,
        DISCORD_APPLICATION_ID: standin.applicationId,
        DISCORD_GUILD_ID: '',
        DISCORD_API_URL: standin.apiUrl,
      },
    });
    expect(deploy.stdout).toContain('Registered 8 commands globally');
    bot = startBotProcess(standin, {
      STORE_PATH: storePath,
      HTTP_PORT: '0',
      RATE_LIMIT_PER_MINUTE: '3',
    });
    await bot.ready();
    http = bot.httpUrl();
  });

  afterAll(async () => {
    if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (path: string) => {
    const response = await fetch(`${http}${path}`);
    return {
      status: response.status,
      text: await response.text(),
      type: response.headers.get('content-type'),
    };
  };

  it('registers lookups for server and user installs everywhere, and /briefing-qa for servers only', () => {
    const commands = standin.globalCommands;
    for (const command of commands) {
      if (command.name === 'briefing-qa') {
        expect(command.integration_types).toEqual([0]);
        expect(command.contexts).toEqual([0]);
      } else {
        expect(command.integration_types, command.name).toEqual([0, 1]);
        expect(command.contexts, command.name).toEqual([0, 1, 2]);
      }
    }
  });

  it('answers a user-installed app in a DM and in a group DM, with a user and no member', async () => {
    for (const privateChannel of [false, true]) {
      const handle = standin.sendCommand(
        'ask',
        { question: '세움터 예산' },
        { guildId: null, privateChannel, install: 'user', user: user(1) },
      );
      expect(handle.payload.member).toBeUndefined();
      const reply = message(await handle.waitForFinal());
      expect(reply.embeds[0]?.description).toContain('112억원');
    }
    expect(() =>
      standin.sendCommand('briefing-qa', [], { guildId: null, install: 'user', user: user(1) }),
    ).toThrow(/not offered/);
  });

  it('says ok on /healthz once ready, and counts answers on /metrics', async () => {
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toMatchObject({ status: 'ok', gateway: 'ready', store: 'sqlite' });
    const before = await get('/metrics');
    expect(before.type).toContain('text/plain');
    const answered = metric(before.text, 'egov_answers_total', '{status="answered"}');
    const asks = metric(before.text, 'egov_interactions_total', '{command="ask"}');
    const timed = metric(before.text, 'egov_answer_duration_seconds_count');
    await standin.sendCommand('ask', { question: '전자증명서 예산' }, { user: user(2) }).waitForFinal();
    await standin.sendCommand('ask', { question: '국민비서 2단계 예산' }, { user: user(3) }).waitForFinal();
    const after = await get('/metrics');
    expect(metric(after.text, 'egov_answers_total', '{status="answered"}')).toBe(answered + 1);
    expect(metric(after.text, 'egov_answers_total', '{status="unknown_fact"}')).toBeGreaterThanOrEqual(1);
    expect(metric(after.text, 'egov_interactions_total', '{command="ask"}')).toBe(asks + 2);
    expect(metric(after.text, 'egov_answer_duration_seconds_count')).toBe(timed + 2);
    expect(after.text).toContain('process_resident_memory_bytes');
    // One structured line per interaction (logs are written at least every 250 ms), without the
    // question text at info level.
    const interactionLines = () =>
      bot
        .stderr()
        .split('\n')
        .filter((l) => l.includes('"msg":"interaction"'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    await vi.waitFor(() => {
      expect(interactionLines().filter((l) => l['command'] === 'ask').length).toBeGreaterThanOrEqual(4);
    });
    const lines = interactionLines();
    expect(lines.at(-1)).toMatchObject({ command: 'ask', status: 'unknown_fact' });
    expect(typeof lines.at(-1)!['latencyMs']).toBe('number');
    expect(bot.stderr()).not.toContain('전자증명서 예산');
    // The same question again, from someone else: answered from the memo, counted as a hit.
    const hits = metric((await get('/metrics')).text, 'egov_answer_memo_total', '{result="hit"}');
    const again = await standin
      .sendCommand('ask', { question: '전자증명서 예산' }, { user: user(4) })
      .waitForFinal();
    expect(message(again).embeds[0]?.description).toBeTruthy();
    const memo = await get('/metrics');
    expect(metric(memo.text, 'egov_answer_memo_total', '{result="hit"}')).toBe(hits + 1);
  });

  it('reports 503 on /healthz while the gateway is down, and 200 once it resumed', async () => {
    standin.setGatewayAvailable(false);
    standin.dropGateway();
    await vi.waitFor(
      async () => {
        const health = await get('/healthz');
        expect(health.status).toBe(503);
        expect(JSON.parse(health.text)).toMatchObject({ status: 'unavailable', store: 'sqlite' });
      },
      { timeout: 5000, interval: 50 },
    );
    standin.setGatewayAvailable(true);
    await vi.waitFor(
      async () => {
        expect((await get('/healthz')).status).toBe(200);
      },
      {
        timeout: 15_000,
        interval: 100,
      },
    );
    const reply = message(
      await standin.sendCommand('ask', { question: '세움터 예산' }, { user: user(4) }).waitForFinal(),
    );
    expect(reply.embeds[0]?.description).toContain('112억원');
  });

  it('keeps running after a malformed event, and counts it', async () => {
    sendMemberlessInteraction(standin);
    await vi.waitFor(async () => {
      expect(
        metric((await get('/metrics')).text, 'egov_contained_errors_total', '{kind="malformed_event"}'),
      ).toBe(1);
    });
    expect(bot.child.exitCode).toBeNull();
    const reply = message(
      await standin.sendCommand('ask', { question: '세움터 예산' }, { user: user(5) }).waitForFinal(),
    );
    expect(reply.embeds[0]?.description).toContain('112억원');
  });

  it('answers a mention flood within the rate limit and posts one notice, not one per mention', async () => {
    const flooder = user(6);
    const before = standin.messages.get(standin.channelId)?.length ?? 0;
    const posts = [];
    for (let i = 0; i < 40; i++)
      posts.push(
        await standin.sendMessage({ content: `세움터 예산 ${i}`, mentionsBot: true, authorId: flooder }),
      );
    await vi.waitFor(async () => {
      expect(metric((await get('/metrics')).text, 'egov_interactions_total', '{command="mention"}')).toBe(40);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const replies = (standin.messages.get(standin.channelId) ?? []).slice(before);
    // RATE_LIMIT_PER_MINUTE=3 answers, then a single "too fast" notice for the other 37.
    expect(replies).toHaveLength(4);
    const notices = replies.filter((m) => /too fast|잦습니다/.test(JSON.stringify(m)));
    expect(notices).toHaveLength(1);
    expect(metric((await get('/metrics')).text, 'egov_rate_limited_total', '{scope="mention"}')).toBe(37);
  });

  it('refuses to acknowledge while its store file is gone (apology + error log), and recovers', async () => {
    const organiser = standin.users.organiser.id;
    const start = message(await briefingCommand(standin, 'start', 'ops', { user: organiser }).waitForFinal());
    expect(start.content).toContain('Started');
    rmSync(join(dir, 'data'), { recursive: true, force: true });
    const question = '주차는 어디에 하나요?';
    const refused = message(
      await briefingCommand(standin, 'ask', question, { user: user(7) }).waitForFinal(),
    );
    expect(refused.content).toContain('Sorry');
    await vi.waitFor(() => {
      expect(bot.stderr()).toContain('store file lost');
    });
    await vi.waitFor(async () => {
      const health = await get('/healthz');
      expect(health.status).toBe(200);
    });
    // The briefing went with the file: the bot says so instead of pretending to queue.
    const after = message(await briefingCommand(standin, 'ask', question, { user: user(7) }).waitForFinal());
    expect(after.content).toContain('No briefing is running');
  });

  it('on SIGTERM sends the queue edit still pending, then exits 0', async () => {
    const organiser = standin.users.organiser.id;
    const channelId = standin.addTextChannel('last-edit');
    const start = { user: organiser, channelId };
    expect(message(await briefingCommand(standin, 'start', 'last', start).waitForFinal()).content).toContain(
      'Started',
    );
    // The first question's edit goes out at once; the second waits out the edit interval (1 s)…
    for (const [n, text] of ['첫째 질문 주차 안내', '둘째 질문 점심 장소'].entries())
      await briefingCommand(standin, 'ask', text, { user: user(20 + n), channelId }).waitForFinal();
    // …and SIGTERM arrives before it.
    bot.child.kill('SIGTERM');
    const { code } = await bot.exited;
    expect(code).toBe(0);
    expect(bot.stderr()).toContain('"msg":"stopped"');
    const queue = standin.messages.get(channelId)!.find((m) => (m.embeds[0]?.title ?? '').includes('🙋'))!;
    expect(queue.embeds[0]?.description).toContain('둘째 질문 점심 장소');
  });
});
