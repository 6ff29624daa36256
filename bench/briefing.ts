import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { createBot } from '../src/adapters/discord/bot.js';
import { openStores } from '../src/adapters/storage/index.js';
import { createEngine } from '../src/core/engine.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { BriefingRepository } from '../src/briefing/repository.js';
import { planBurst } from '../test/support/burst.js';
import { startDiscordStandin, type InteractionCallback } from '../test/support/discordStandin.js';
import { percentile, printTable } from './stats.js';

const QUESTIONS = 1000;
const USERS = 300;
const WINDOW_MS = 10_000;

/**
 * A briefing burst through the stand-in and the real discord.js client: 1,000 `/briefing-qa ask`
 * from 300 accounts within 10 s, on the SQLite store. Prints acknowledged vs stored, the
 * acknowledgement time, and the queue-message edits (Discord allows ~5 per 5 s per channel).
 */
export async function benchBriefing(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-briefing-'));
  const standin = await startDiscordStandin();
  const stores = await openStores({ storePath: join(dir, 'bench.sqlite') });
  const bot = createBot({
    token: standin.token,
    apiUrl: standin.apiUrl,
    engine: createEngine(loadKnowledge()),
    stores,
    logger: pino({ level: 'silent' }),
    rateLimitPerMinute: 10,
    briefing: { questionsPerMinute: 5, editIntervalMs: 2000 },
  });
  try {
    await bot.ready;
    await standin
      .sendCommand(
        'briefing-qa',
        [{ type: 1, name: 'start', options: [{ type: 3, name: 'title', value: 'bench' }] }],
        { user: standin.users.organiser.id },
      )
      .waitForFinal();
    const known = readFileSync(new URL('./questions.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean);
    const plan = planBurst({ questions: QUESTIONS, accounts: USERS, known, channels: [standin.channelId] });

    const start = performance.now();
    const callbacks: Promise<InteractionCallback>[] = [];
    for (const [i, q] of plan.entries()) {
      const due = start + (i * WINDOW_MS) / QUESTIONS;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const handle = standin.sendCommand(
        'briefing-qa',
        [{ type: 1, name: 'ask', options: [{ type: 3, name: 'question', value: q.text }] }],
        { user: q.user },
      );
      callbacks.push(handle.callback);
    }
    const sentMs = performance.now() - start;
    const results = await Promise.allSettled(callbacks);
    await bot.briefing.updater.settled();
    const totalMs = performance.now() - start;

    const outcome = (c: InteractionCallback) => {
      const text = c.data?.content ?? '';
      return /in the queue/.test(text)
        ? 'queued'
        : /already queued/.test(text)
          ? 'merged'
          : /has the answer/.test(text)
            ? 'auto'
            : 'other';
    };
    const acked = results.flatMap((r) =>
      r.status === 'fulfilled' && outcome(r.value) !== 'other' ? [r.value] : [],
    );
    const others = results.flatMap((r) =>
      r.status === 'fulfilled' && outcome(r.value) === 'other' ? [r.value.data?.content ?? ''] : [],
    );
    const failed = results.filter((r) => r.status === 'rejected').length;
    const latencies = acked.map((c) => c.latencyMs).sort((a, b) => a - b);
    const repository = new BriefingRepository(stores);
    const briefing = (await repository.latestInChannel(standin.channelId))!;
    const snapshot = await repository.snapshot(briefing.id);
    const stored = [...snapshot.votes.values()].flat().filter((v) => v.asked).length;
    const edits = standin.requests.filter(
      (r) => r.method === 'PATCH' && r.path.endsWith(`/messages/${briefing.queueMessageId ?? ''}`),
    );
    const editTimes = edits.map((r) => r.time).sort((a, b) => a - b);
    let maxIn5s = 0;
    for (let i = 0, j = 0; i < editTimes.length; i++) {
      while (editTimes[i]! - editTimes[j]! >= 5000) j++;
      maxIn5s = Math.max(maxIn5s, i - j + 1);
    }
    const count = (kind: string) => acked.filter((c) => outcome(c) === kind).length;

    printTable('briefing burst (stand-in + real discord.js client, SQLite store)', [
      [
        'questions sent / accounts',
        `${plan.length} from ${USERS} accounts in ${(sentMs / 1000).toFixed(1)} s`,
      ],
      [
        'acknowledged',
        `${acked.length}  (auto-answered ${count('auto')}, queued ${count('queued')}, merged as votes ${count('merged')})`,
      ],
      ['stored (asker records)', `${stored}  (${stored === acked.length ? 'equal' : 'NOT EQUAL'})`],
      ['questions in the store', `${snapshot.questions.length}`],
      [
        'refused as bad input / no reply',
        `${others.length} / ${failed}${others[0] !== undefined ? `  (e.g. ${others[0]})` : ''}`,
      ],
      ['ack time p50', `${percentile(latencies, 50).toFixed(1)} ms`],
      ['ack time p99', `${percentile(latencies, 99).toFixed(1)} ms  (Discord allows 3,000 ms)`],
      [
        'queue message edits',
        `${edits.length} in ${(totalMs / 1000).toFixed(1)} s; at most ${maxIn5s} in any 5 s (Discord: 5 per 5 s)`,
      ],
      ['429 responses', `${standin.requests.filter((r) => r.status === 429).length}`],
    ]);
  } finally {
    await bot.stop();
    await stores.close();
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
