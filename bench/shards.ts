import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hasRedis, startRedis } from '../test/support/redis.js';
import { runShardBurst, startShardedBot } from '../test/support/shards.js';
import { percentile, printTable } from './stats.js';

/**
 * The 2-shard briefing burst: `npm start` (built) with SHARD_COUNT=2 on one Redis, a briefing in
 * a guild of each shard, 1,000 questions from 300 accounts in 10 s, then votes from both guilds
 * (some double clicks). Prints what was acknowledged against what Redis holds.
 */
export async function benchShards(): Promise<void> {
  if (!hasRedis()) {
    console.log('\n== 2-shard burst: skipped (redis-server is not installed)');
    return;
  }
  execFileSync(process.execPath, ['scripts/ensure-built.mjs'], { stdio: 'inherit' });
  const known = readFileSync(new URL('./questions.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean);
  const redis = await startRedis();
  const bot = await startShardedBot({
    entry: ['--enable-source-maps', '--max-semi-space-size=4', 'dist/src/bin/start.js'],
    redisUrl: redis.url,
  });
  try {
    const r = await runShardBurst(bot, redis.url, {
      questions: 1000,
      accounts: 300,
      windowMs: 10_000,
      known,
    });
    printTable('2-shard briefing burst (ShardingManager + 2 shard processes, one Redis, stand-in)', [
      ['questions sent', `${r.sent} from 300 accounts, half in a guild of each shard`],
      [
        'acknowledged',
        `${r.acknowledged}  (auto-answered ${r.byOutcome['auto'] ?? 0}, queued ${r.byOutcome['queued'] ?? 0}, merged ${r.byOutcome['merged'] ?? 0})`,
      ],
      ['lost (acknowledged, not in Redis)', `${r.lost}`],
      ['votes', `${r.votesSent} presses from both guilds (every fifth account double-clicks)`],
      ['double votes / votes not as acknowledged', `${r.doubleVotes} / ${r.voteMismatches}`],
      ['no reply within 3 s', `${r.noReply}`],
      [
        'ack time p50 / p99',
        `${percentile(r.ackMs, 50).toFixed(1)} ms / ${percentile(r.ackMs, 99).toFixed(1)} ms`,
      ],
      ['duration', `${r.seconds.toFixed(1)} s`],
      ['targets', '1,000 questions, 0 lost, 0 double votes'],
    ]);
  } finally {
    await bot.stop();
    await redis.stop();
  }
}
