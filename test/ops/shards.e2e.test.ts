import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message } from '../briefing/helpers.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';
import { runShardBurst, startShardedBot, type ShardedBot } from '../support/shards.js';

const known = readFileSync(new URL('../../bench/questions.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean);

/**
 * `npm start` with SHARD_COUNT=2 and REDIS_URL: a discord.js ShardingManager and two shard
 * processes against one stand-in that gives each shard its own guild, sharing one Redis.
 */
describe.skipIf(!hasRedis())('two shards on one Redis', () => {
  let redis: RedisServer;
  let bot: ShardedBot;

  beforeAll(async () => {
    redis = await startRedis();
    bot = await startShardedBot({
      entry: ['--import', 'tsx', 'src/bin/start.ts'],
      redisUrl: redis.url,
      env: {
        RATE_LIMIT_PER_MINUTE: '10',
        BRIEFING_QUESTIONS_PER_MINUTE: '5',
        BRIEFING_EDIT_INTERVAL_MS: '1000',
      },
    });
  }, 90_000);
  afterAll(async () => {
    await bot.stop();
    await redis.stop();
  });

  it('runs one gateway session per shard, each with its own guild, and reports both on /healthz', async () => {
    const shards = bot.standin.identifies.map((d) => d.shard as [number, number]).sort();
    expect(shards).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const health = await fetch(`${bot.httpUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', shard0: 'ready', shard1: 'ready' });
  });

  it('holds one rate limit per account across both shard processes', async () => {
    const user = '1311000000000077777';
    const replies = [];
    for (let i = 0; i < 12; i++) {
      const guild = bot.guilds[i % 2]!;
      replies.push(
        message(
          await bot.standin
            .sendCommand('ask', { question: '세움터 예산' }, { user, channelId: guild.channelId })
            .waitForFinal(),
        ),
      );
    }
    const limited = replies.filter((m) => m.content.includes('too fast'));
    expect(replies.length - limited.length).toBe(10);
    expect(limited).toHaveLength(2);
  });

  it('takes a 1,000-question burst in a briefing of each shard: nothing lost, no vote counted twice', async () => {
    const result = await runShardBurst(bot, redis.url, {
      questions: 1000,
      accounts: 300,
      windowMs: 10_000,
      known,
    });
    expect(result.noReply).toBe(0);
    expect(result.others).toEqual([]);
    expect(result.acknowledged).toBe(1000);
    expect(result.lost).toBe(0);
    expect(result.doubleVotes).toBe(0);
    expect(result.voteMismatches).toBe(0);
    expect((result.byOutcome['vote_added'] ?? 0) + (result.byOutcome['vote_withdrawn'] ?? 0)).toBe(
      result.votesSent,
    );
    const metrics = await (await fetch(`${bot.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/egov_interactions_total\{command="briefing-qa"\} \d+/);
  }, 120_000);

  it('serves the board from the manager: its link, given by a shard, opens there, and a board decision reaches Discord through the shard', async () => {
    const { standin } = bot;
    const guild = bot.guilds[1]!;
    const channelId = standin.addTextChannel('board', guild.id);
    const organiser = { user: standin.users.organiser.id, channelId };
    const started = message(
      await standin
        .sendCommand(
          'briefing-qa',
          [{ type: 1, name: 'start', options: [{ type: 3, name: 'title', value: 'sharded board' }] }],
          organiser,
        )
        .waitForFinal(),
    );
    const links = [...started.content.matchAll(/http:\/\/\S+\/board\/[0-9a-f]{10}\/[\w-]{43}/g)].map(
      (m) => m[0],
    );
    expect(links).toHaveLength(2);
    expect(links[0]!.startsWith(bot.httpUrl)).toBe(true);
    await standin
      .sendCommand(
        'briefing-qa',
        [
          {
            type: 1,
            name: 'ask',
            options: [{ type: 3, name: 'question', value: '녹화본은 언제 올라오나요?' }],
          },
        ],
        { user: '1311000000000088888', channelId },
      )
      .waitForFinal();
    const page = await fetch(links[0]!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('녹화본은 언제 올라오나요?');
    const act = (body: unknown) =>
      fetch(`${links[1]!}/actions`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', origin: bot.httpUrl },
      });
    expect((await act({ action: 'pin-next' })).status).toBe(200);
    const state = (await (await fetch(links[0]!)).text()).includes('"pinned":{');
    expect(state).toBe(true);
    const qid = /"pinned":\{"id":"([0-9a-f]{12})"/.exec(await (await fetch(links[1]!)).text())![1]!;
    expect((await act({ action: 'answer', questionId: qid, answer: '내일 올립니다.' })).status).toBe(200);
    const posted = await standin.waitForMessage(
      (m) => m.channel_id === channelId && m.content.includes('내일 올립니다.'),
    );
    expect(posted.content).toContain('**Q.** 녹화본은 언제 올라오나요?');
  });

  it('stops every shard on SIGTERM and exits 0', async () => {
    const code = await bot.stop();
    expect(code).toBe(0);
    expect(bot.stderr().match(/"msg":"stopped"/g)).toHaveLength(2);
  });
});
