import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { REST, Routes, type APIMessage } from 'discord.js';
import { COMMANDS } from '../../commands/index.js';
import { openStores } from '../../src/adapters/storage/index.js';
import { DEFAULT_LIMITS, checkQuestion, questionKey } from '../../src/briefing/model.js';
import { BriefingRepository } from '../../src/briefing/repository.js';
import { startDiscordStandin, type DiscordStandin, type InteractionCallback } from './discordStandin.js';

/** A sharded bot (manager + 2 shard processes) against one stand-in with a guild per shard. */
export interface ShardedBot {
  readonly standin: DiscordStandin;
  /** One guild per shard: [shard 0's, shard 1's]. */
  readonly guilds: readonly { id: string; channelId: string }[];
  readonly manager: ChildProcess;
  stderr(): string;
  readonly httpUrl: string;
  stop(): Promise<number | null>;
}

/**
 * Starts the stand-in with a second guild so that each of 2 shards owns one, registers the
 * commands globally, and runs `entry` (src/bin/start.ts under tsx, or the built start.js) with
 * SHARD_COUNT=2 and REDIS_URL, as `npm start` would; resolves once every shard is ready.
 */
export async function startShardedBot(options: {
  entry: readonly string[];
  redisUrl: string;
  env?: Record<string, string>;
}): Promise<ShardedBot> {
  const standin = await startDiscordStandin({
    rateLimit: { limit: 10_000, windowMs: 1000 },
    recommendedShards: 2,
  });
  const primary = standin.guilds[0]!;
  const primaryShard = Number((BigInt(primary.id) >> 22n) % 2n);
  const other = standin.addGuild({ shard: [1 - primaryShard, 2] });
  const byShard = primaryShard === 0 ? [primary, other] : [other, primary];
  await new REST({ api: standin.apiUrl })
    .setToken(standin.token)
    .put(Routes.applicationCommands(standin.applicationId), { body: COMMANDS.map((c) => c.data) });
  const manager = spawn(process.execPath, [...options.entry], {
    env: {
      ...process.env,
      DISCORD_TOKEN: standin.token,
      DISCORD_APPLICATION_ID: standin.applicationId,
      DISCORD_API_URL: standin.apiUrl,
      REDIS_URL: options.redisUrl,
      SHARD_COUNT: '2',
      HTTP_PORT: '0',
      LOG_LEVEL: 'info',
      OPENAI_API_KEY: '',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  manager.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => manager.on('close', resolve));
  const deadline = Date.now() + 60_000;
  while (!stderr.includes('all shards ready')) {
    if (Date.now() > deadline || manager.exitCode !== null)
      throw new Error(`the sharded bot did not get ready:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const httpUrl = /"url":"(http:[^"]+)","msg":"http server listening/.exec(stderr)?.[1] ?? '';
  return {
    standin,
    guilds: byShard.map((g) => ({ id: g.id, channelId: g.channelId })),
    manager,
    stderr: () => stderr,
    httpUrl,
    stop: async () => {
      manager.kill('SIGTERM');
      const code = await exited;
      await standin.close();
      return code;
    },
  };
}

export interface BurstResult {
  readonly sent: number;
  readonly acknowledged: number;
  readonly byOutcome: Readonly<Record<string, number>>;
  /** Acknowledged questions whose asker record is not in the store. */
  readonly lost: number;
  /** Stored votes beyond one per (question, account). */
  readonly doubleVotes: number;
  /** Stored votes that differ from what the acknowledgements said (missing or extra). */
  readonly voteMismatches: number;
  readonly votesSent: number;
  readonly noReply: number;
  /** Replies that were neither an acknowledgement nor a vote (e.g. a refused question), with the question. */
  readonly others: readonly string[];
  readonly ackMs: readonly number[];
  readonly seconds: number;
}

const outcomeOf = (c: InteractionCallback): string => {
  const text = c.data?.content ?? '';
  if (/in the queue/.test(text)) return 'queued';
  if (/already queued/.test(text)) return 'merged';
  if (/has the answer/.test(text)) return 'auto';
  if (/vote is recorded/.test(text)) return 'vote_added';
  if (/vote was withdrawn/.test(text)) return 'vote_withdrawn';
  return 'other';
};

/**
 * A briefing in the guild of each shard, then `questions` `/briefing-qa ask` from `accounts`
 * accounts spread over both within `windowMs` (known questions, new ones, reworded duplicates),
 * then votes from both guilds (with double clicks). Checks everything acknowledged against Redis.
 */
export async function runShardBurst(
  bot: ShardedBot,
  redisUrl: string,
  options: { questions: number; accounts: number; windowMs: number; known: readonly string[] },
): Promise<BurstResult> {
  const { standin, guilds } = bot;
  for (const guild of guilds) {
    const started = await standin
      .sendCommand(
        'briefing-qa',
        [{ type: 1, name: 'start', options: [{ type: 3, name: 'title', value: `burst ${guild.id}` }] }],
        {
          user: standin.users.organiser.id,
          channelId: guild.channelId,
        },
      )
      .waitForFinal();
    if (started.kind !== 'message' || !(started.message.content ?? '').includes('Started'))
      throw new Error(`the briefing did not start in ${guild.id}`);
  }
  // Only questions a briefing accepts: refusing bad input is tested elsewhere.
  const known = options.known.filter((q) => checkQuestion(q, DEFAULT_LIMITS).ok);
  const plan: { user: string; text: string; channelId: string }[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < options.questions; k++) {
    const user = `13110000000${String(100000 + (k % options.accounts))}`;
    const channelId = guilds[k % 2]!.channelId;
    const kind = k % 10;
    let text =
      kind < 3
        ? known[k % known.length]!
        : kind < 5
          ? `세션  ${(k * 7) % 150}번 점심 도시락은 어디서 받나요`
          : `세션 ${k}번 휴식 시간은 몇 분인가요?`;
    if (seen.has(`${channelId}|${user}|${questionKey(text)}`)) text = `세션 ${k}번 휴식 시간은 몇 분인가요?`;
    seen.add(`${channelId}|${user}|${questionKey(text)}`);
    plan.push({ user, text, channelId });
  }

  const start = performance.now();
  const asks: { plan: (typeof plan)[number]; callback: Promise<InteractionCallback> }[] = [];
  for (const [i, q] of plan.entries()) {
    const wait = start + (i * options.windowMs) / plan.length - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const handle = standin.sendCommand(
      'briefing-qa',
      [{ type: 1, name: 'ask', options: [{ type: 3, name: 'question', value: q.text }] }],
      { user: q.user, channelId: q.channelId },
    );
    asks.push({ plan: q, callback: handle.callback });
  }
  const results = await Promise.allSettled(asks.map((a) => a.callback));

  // Votes: 100 accounts press the first vote buttons in both guilds; every fifth presses twice at once.
  const queueOf = (channelId: string): APIMessage | undefined =>
    standin.messages
      .get(channelId)
      ?.find((m) => (m.embeds[0]?.title ?? '').includes('🙋') && (m.flags ?? 0) === 0);
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const votes: { user: string; customId: string; callback: Promise<InteractionCallback> }[] = [];
  for (const guild of guilds) {
    const queue = queueOf(guild.channelId);
    const buttons = (queue?.components ?? []).flatMap((row) =>
      'components' in row
        ? row.components.flatMap((c) =>
            'custom_id' in c && c.custom_id.startsWith('bq:v:') ? [c.custom_id] : [],
          )
        : [],
    );
    for (let v = 0; v < 100 && buttons.length > 0; v++) {
      const user = `13110000000${String(200000 + v)}`;
      const customId = buttons[v % buttons.length]!;
      const presses = v % 5 === 0 ? 2 : 1;
      for (let p = 0; p < presses; p++)
        votes.push({
          user,
          customId,
          callback: standin.clickButton(queue!, customId, { user, channelId: guild.channelId }).callback,
        });
    }
  }
  const voteResults = await Promise.allSettled(votes.map((v) => v.callback));
  const seconds = (performance.now() - start) / 1000;

  // What the acknowledgements say must be in the store.
  const stores = await openStores({ storePath: '/nonexistent/unused.sqlite', redisUrl });
  try {
    const repository = new BriefingRepository(stores);
    const expected = new Map<string, Map<string, number>>(); // briefing → `${qid}:${user}` → net adds
    const askersAcked: { briefing: string; key: string; user: string }[] = [];
    const briefingOf = new Map<string, string>();
    for (const guild of guilds)
      briefingOf.set(guild.channelId, (await repository.latestInChannel(guild.channelId))!.id);
    const byOutcome: Record<string, number> = {};
    const ackMs: number[] = [];
    const others: string[] = [];
    let noReply = 0;
    for (const [i, result] of results.entries()) {
      if (result.status === 'rejected') {
        noReply++;
        continue;
      }
      const outcome = outcomeOf(result.value);
      byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
      if (outcome === 'other') {
        others.push(`${asks[i]!.plan.text} → ${result.value.data?.content ?? ''}`);
        continue;
      }
      ackMs.push(result.value.latencyMs);
      const q = asks[i]!.plan;
      askersAcked.push({ briefing: briefingOf.get(q.channelId)!, key: questionKey(q.text), user: q.user });
    }
    for (const [i, result] of voteResults.entries()) {
      if (result.status === 'rejected') {
        noReply++;
        continue;
      }
      const outcome = outcomeOf(result.value);
      byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
      const [, , briefing, qid] = votes[i]!.customId.split(':');
      const net = expected.get(briefing!) ?? new Map<string, number>();
      const key = `${qid}:${votes[i]!.user}`;
      if (outcome === 'vote_added') net.set(key, Math.max(1, (net.get(key) ?? 0) + 1));
      if (outcome === 'vote_withdrawn') net.set(key, 0);
      expected.set(briefing!, net);
    }
    let lost = 0;
    let doubleVotes = 0;
    let voteMismatches = 0;
    for (const briefing of briefingOf.values()) {
      const snapshot = await repository.snapshot(briefing);
      const keyOf = new Map(snapshot.questions.map((q) => [q.id, q.key]));
      const stored = [...snapshot.votes.entries()].flatMap(([qid, list]) => list.map((v) => ({ qid, v })));
      const distinct = new Set(stored.map(({ qid, v }) => `${qid}:${v.userId}`));
      doubleVotes += stored.length - distinct.size;
      const askers = new Set(
        stored.filter(({ v }) => v.asked).map(({ qid, v }) => `${keyOf.get(qid)}|${v.userId}`),
      );
      lost += askersAcked.filter((a) => a.briefing === briefing && !askers.has(`${a.key}|${a.user}`)).length;
      for (const [key, adds] of expected.get(briefing) ?? new Map<string, number>()) {
        if (adds > 0 !== distinct.has(key)) voteMismatches++;
      }
    }
    return {
      sent: plan.length,
      acknowledged: askersAcked.length,
      byOutcome,
      lost,
      doubleVotes,
      voteMismatches,
      votesSent: votes.length,
      noReply,
      others,
      ackMs: ackMs.sort((a, b) => a - b),
      seconds,
    };
  } finally {
    await stores.close();
  }
}
