import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { REST, Routes, type APIMessage } from 'discord.js';
import { commandDefinitions } from '../../commands/index.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { openStores } from '../../src/adapters/storage/index.js';
import { questionKey } from '../../src/briefing/model.js';
import { planBurst, type PlannedQuestion } from './burst.js';
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
    .put(Routes.applicationCommands(standin.applicationId), { body: commandDefinitions(loadKnowledge()) });
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
  manager.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
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

type Ask = PlannedQuestion;

interface Vote {
  readonly user: string;
  readonly customId: string;
  readonly callback: Promise<InteractionCallback>;
}

async function startBriefings(bot: ShardedBot): Promise<void> {
  const { standin } = bot;
  for (const guild of bot.guilds) {
    const started = await standin
      .sendCommand(
        'briefing-qa',
        [{ type: 1, name: 'start', options: [{ type: 3, name: 'title', value: `burst ${guild.id}` }] }],
        { user: standin.users.organiser.id, channelId: guild.channelId },
      )
      .waitForFinal();
    if (started.kind !== 'message' || !started.message.content.includes('Started'))
      throw new Error(`the briefing did not start in ${guild.id}`);
  }
}

/** Sends the plan evenly over `windowMs`; resolves with every interaction's callback (or its failure). */
async function sendBurst(
  standin: DiscordStandin,
  plan: readonly Ask[],
  windowMs: number,
): Promise<PromiseSettledResult<InteractionCallback>[]> {
  const start = performance.now();
  const callbacks: Promise<InteractionCallback>[] = [];
  for (const [i, q] of plan.entries()) {
    const wait = start + (i * windowMs) / plan.length - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const handle = standin.sendCommand(
      'briefing-qa',
      [{ type: 1, name: 'ask', options: [{ type: 3, name: 'question', value: q.text }] }],
      { user: q.user, channelId: q.channelId },
    );
    callbacks.push(handle.callback);
  }
  return Promise.allSettled(callbacks);
}

/** 100 accounts per guild press the vote buttons of its queue message; every fifth presses twice at once. */
async function pressVotes(bot: ShardedBot): Promise<Vote[]> {
  const { standin } = bot;
  // Let the throttled queue edits show the buttons.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const votes: Vote[] = [];
  for (const guild of bot.guilds) {
    const queue = standin.messages
      .get(guild.channelId)
      ?.find((m) => (m.embeds[0]?.title ?? '').includes('🙋') && (m.flags ?? 0) === 0);
    if (queue === undefined) throw new Error(`no queue message in ${guild.id}`);
    const buttons = customIdsOf(queue).filter((id) => id.startsWith('bq:v:'));
    for (let v = 0; v < 100 && buttons.length > 0; v++) {
      const user = `13110000000${String(200000 + v)}`;
      const customId = buttons[v % buttons.length]!;
      for (let p = 0; p < (v % 5 === 0 ? 2 : 1); p++) {
        const { callback } = standin.clickButton(queue, customId, { user, channelId: guild.channelId });
        votes.push({ user, customId, callback });
      }
    }
  }
  await Promise.allSettled(votes.map((v) => v.callback));
  return votes;
}

function customIdsOf(message: APIMessage): string[] {
  return (message.components ?? []).flatMap((row) =>
    'components' in row ? row.components.flatMap((c) => ('custom_id' in c ? [c.custom_id] : [])) : [],
  );
}

/**
 * A briefing in the guild of each shard, then `questions` `/briefing-qa ask` from `accounts`
 * accounts spread over both within `windowMs`, then votes from both guilds (with double clicks).
 * Checks everything acknowledged against Redis.
 */
export async function runShardBurst(
  bot: ShardedBot,
  redisUrl: string,
  options: { questions: number; accounts: number; windowMs: number; known: readonly string[] },
): Promise<BurstResult> {
  await startBriefings(bot);
  const plan = planBurst({ ...options, channels: bot.guilds.map((g) => g.channelId) });
  const start = performance.now();
  const results = await sendBurst(bot.standin, plan, options.windowMs);
  const votes = await pressVotes(bot);
  const seconds = (performance.now() - start) / 1000;
  const stores = await openStores({ storePath: '/nonexistent/unused.sqlite', redisUrl });
  try {
    return { ...(await verify(new BriefingRepository(stores), bot, plan, results, votes)), seconds };
  } finally {
    await stores.close();
  }
}

/** What the acknowledgements say must be in the store, compared with what is. */
async function verify(
  repository: BriefingRepository,
  bot: ShardedBot,
  plan: readonly Ask[],
  results: readonly PromiseSettledResult<InteractionCallback>[],
  votes: readonly Vote[],
): Promise<Omit<BurstResult, 'seconds'>> {
  const briefingOf = new Map<string, string>();
  for (const guild of bot.guilds)
    briefingOf.set(guild.channelId, (await repository.latestInChannel(guild.channelId))!.id);
  const byOutcome: Record<string, number> = {};
  const count = (outcome: string) => (byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1);
  const ackMs: number[] = [];
  const others: string[] = [];
  const askersAcked: { briefing: string; key: string; user: string }[] = [];
  let noReply = 0;
  for (const [i, result] of results.entries()) {
    if (result.status === 'rejected') {
      noReply++;
      continue;
    }
    const outcome = outcomeOf(result.value);
    count(outcome);
    const q = plan[i]!;
    if (outcome === 'other') others.push(`${q.text} → ${result.value.data?.content ?? ''}`);
    else {
      ackMs.push(result.value.latencyMs);
      askersAcked.push({ briefing: briefingOf.get(q.channelId)!, key: questionKey(q.text), user: q.user });
    }
  }
  // Per briefing, `${qid}:${user}` → whether the acknowledgements leave a vote.
  const expected = new Map<string, Map<string, boolean>>();
  for (const vote of votes) {
    const result = await vote.callback.then(
      (c) => outcomeOf(c),
      () => 'no_reply',
    );
    if (result === 'no_reply') noReply++;
    else count(result);
    const [, , briefing, qid] = vote.customId.split(':');
    const net = expected.get(briefing!) ?? new Map<string, boolean>();
    const key = `${qid}:${vote.user}`;
    if (result === 'vote_added') net.set(key, true);
    if (result === 'vote_withdrawn') net.set(key, false);
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
      stored.filter(({ v }) => v.asked).map(({ qid, v }) => `${keyOf.get(qid) ?? ''}|${v.userId}`),
    );
    lost += askersAcked.filter((a) => a.briefing === briefing && !askers.has(`${a.key}|${a.user}`)).length;
    for (const [key, present] of expected.get(briefing) ?? new Map<string, boolean>())
      if (present !== distinct.has(key)) voteMismatches++;
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
  };
}
