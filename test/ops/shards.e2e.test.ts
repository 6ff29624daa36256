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

  it('stops every shard on SIGTERM and exits 0', async () => {
    const code = await bot.stop();
    expect(code).toBe(0);
    expect(bot.stderr().match(/"msg":"stopped"/g)).toHaveLength(2);
  });
});
