import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { InteractionType, REST, Routes, type APIMessage } from 'discord.js';
import { commandDefinitions } from '../commands/index.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { customIds } from '../test/briefing/helpers.js';
import { planBurst } from '../test/support/burst.js';
import { startDiscordStandin, type DiscordStandin } from '../test/support/discordStandin.js';
import { rssMb, startProcess, startScriptFlags, type Running } from './botProcess.js';
import { percentile, printTable } from './stats.js';

const BOARDS = 50;
const QUESTIONS = 1000;
const USERS = 300;
const WINDOW_MS = 10_000;
/** One probe vote every this often during the burst. */
const VOTE_EVERY_MS = 100;
const PROBE = '벤치 측정용 질문: 휴게실 커피는 몇 시까지 나오나요?';

interface BoardState {
  readonly queue: readonly { text: string; votes: number }[];
  readonly pinned: { text: string; votes: number } | null;
}

/** An SSE client (not a browser): calls `onState` with each board state as it arrives. */
async function openBoard(url: string, onState: (state: BoardState) => void, signal: AbortSignal) {
  const response = await fetch(url, { signal, headers: { accept: 'text/event-stream' } });
  if (!response.ok || response.body === null) throw new Error(`board stream: HTTP ${response.status}`);
  const body = response.body as unknown as AsyncIterable<Uint8Array>;
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (data !== undefined) onState(JSON.parse(data) as BoardState);
        }
      }
    } catch {
      // Aborted at the end of the bench.
    }
  })();
}

/** The built bot as `npm start` runs it, with the board on (HTTP_PORT) and a briefing's limits. */
function startBot(standin: DiscordStandin, dir: string): Promise<Running> {
  return startProcess(
    'dist/src/bin/start.js',
    standin,
    {
      STORE_PATH: join(dir, 'bench.sqlite'),
      HTTP_PORT: '0',
      HTTP_REQUESTS_PER_MINUTE: '100000',
      RATE_LIMIT_PER_MINUTE: '10',
      BRIEFING_QUESTIONS_PER_MINUTE: '5',
      LOG_LEVEL: 'info',
    },
    'discord bot ready',
    startScriptFlags(),
  );
}

/**
 * The live board under the briefing burst: the built bot (`npm start` with HTTP_PORT) against the
 * stand-in, 50 board streams open (SSE clients), 1,000 questions from 300 accounts in 10 s, and
 * a vote on one question every 100 ms meanwhile. Prints the time from each vote's interaction to
 * the board state that shows it, on every board, and the bot's memory.
 */
export async function benchBoard(): Promise<void> {
  execFileSync(process.execPath, ['scripts/ensure-built.mjs'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'bench-board-'));
  const standin = await startDiscordStandin({ rateLimit: { limit: 10_000, windowMs: 1000 } });
  await new REST({ api: standin.apiUrl })
    .setToken(standin.token)
    .put(Routes.applicationCommands(standin.applicationId), { body: commandDefinitions(loadKnowledge()) });
  const bot = await startBot(standin, dir);
  const abort = new AbortController();
  try {
    const started = await standin
      .sendCommand(
        'briefing-qa',
        [{ type: 1, name: 'start', options: [{ type: 3, name: 'title', value: 'bench' }] }],
        { user: standin.users.organiser.id },
      )
      .waitForFinal();
    if (started.kind !== 'message') throw new Error('no start reply');
    const viewer = /http:\/\/\S+\/board\/[0-9a-f]{10}\/[\w-]{43}/.exec(started.message.content)?.[0];
    if (viewer === undefined) throw new Error(`no board link in: ${started.message.content}`);
    const ask = (text: string, user: string) =>
      standin.sendCommand(
        'briefing-qa',
        [{ type: 1, name: 'ask', options: [{ type: 3, name: 'question', value: text }] }],
        { user },
      );
    // The probe question, with a few votes so it stays among the board's top questions.
    await ask(PROBE, '13130000000000001').waitForFinal();
    const queue = await standin.waitFor(
      () =>
        standin.messages
          .get(standin.channelId)
          ?.find((m: APIMessage) => (m.embeds[0]?.description ?? '').includes('벤치 측정용')),
      10_000,
      'the queue message with the probe',
    );
    const voteId = customIds(queue).find((id) => id.startsWith('bq:v:'))!;
    let voters = 0;
    const vote = () =>
      standin.sendInteraction({
        type: InteractionType.MessageComponent,
        message: queue.id,
        data: { component_type: 2, custom_id: voteId },
        user: `1313000000${String(1_000_000 + voters++)}`,
      });
    for (let i = 0; i < 10; i++) await vote().waitForFinal();
    const rssBefore = rssMb(bot.child.pid!);

    // Each board: the probe's vote count as last seen; each vote: when it was sent.
    const sentAt: number[] = [];
    const latencies: number[] = [];
    const seen: number[] = [];
    let frames = 0;
    for (let b = 0; b < BOARDS; b++) {
      seen.push(0);
      await openBoard(
        `${viewer}/events`,
        (state) => {
          frames++;
          const now = performance.now();
          const probe = [state.pinned, ...state.queue].find((q) => q?.text === PROBE);
          const votes = probe?.votes ?? 0;
          // Votes 1 (asker) + 10 before the burst; vote k of the burst makes 12 + k.
          for (let k = seen[b]!; k < sentAt.length && 12 + k <= votes; k++) latencies.push(now - sentAt[k]!);
          seen[b] = Math.max(seen[b]!, Math.min(sentAt.length, votes - 11));
        },
        abort.signal,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rssBoards = rssMb(bot.child.pid!);

    const known = readFileSync(new URL('./questions.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean);
    const plan = planBurst({ questions: QUESTIONS, accounts: USERS, known, channels: [standin.channelId] });
    let rssPeak = rssBoards;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssMb(bot.child.pid!));
    }, 250);
    const start = performance.now();
    const voteAcks: Promise<number>[] = [];
    const voting = (async () => {
      while (performance.now() - start < WINDOW_MS) {
        sentAt.push(performance.now());
        voteAcks.push(vote().callback.then((c) => c.latencyMs));
        await new Promise((resolve) => setTimeout(resolve, VOTE_EVERY_MS));
      }
    })();
    const callbacks = [];
    for (const [i, q] of plan.entries()) {
      const wait = start + (i * WINDOW_MS) / QUESTIONS - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      callbacks.push(ask(q.text, q.user).callback);
    }
    await voting;
    await Promise.allSettled(callbacks);
    // Let the last votes arrive on every board.
    const deadline = performance.now() + 5000;
    while (latencies.length < sentAt.length * BOARDS && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    clearInterval(sampler);
    const missing = sentAt.length * BOARDS - latencies.length;
    latencies.sort((a, b) => a - b);
    const acks = (await Promise.all(voteAcks)).sort((a, b) => a - b);

    printTable(`live board: ${BOARDS} boards open (SSE) during the 1,000-question burst`, [
      ['boards / votes', `${BOARDS} streams; ${sentAt.length} votes, one every ${VOTE_EVERY_MS} ms for 10 s`],
      ['questions sent', `${plan.length} from ${USERS} accounts in 10 s`],
      [
        'vote → page p50 / p99',
        `${percentile(latencies, 50).toFixed(1)} ms / ${percentile(latencies, 99).toFixed(1)} ms  (target p99 ≤ 500 ms)`,
      ],
      [
        'vote → Discord reply p50 / p99',
        `${percentile(acks, 50).toFixed(1)} ms / ${percentile(acks, 99).toFixed(1)} ms  (the vote is stored when the bot replies)`,
      ],
      ['vote → page max', `${(latencies.at(-1) ?? Number.NaN).toFixed(1)} ms`],
      ['samples / never shown', `${latencies.length} / ${missing}`],
      ['board frames received', `${frames} (all boards), ${(frames / BOARDS).toFixed(0)} per board`],
      [
        'bot RSS',
        `${rssBefore.toFixed(0)} MB before the boards, ${rssBoards.toFixed(0)} MB with ${BOARDS} boards open, peak ${rssPeak.toFixed(0)} MB during the burst`,
      ],
    ]);
  } finally {
    abort.abort();
    await bot.stop();
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
