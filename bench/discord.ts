import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REST, Routes } from 'discord.js';
import { commandDefinitions } from '../commands/index.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { startDiscordStandin, type DiscordStandin } from '../test/support/discordStandin.js';
import { cpuMs, rssMb, startProcess, startScriptFlags, type Running } from './botProcess.js';
import { percentile, printTable } from './stats.js';

const QUESTIONS = readFileSync(new URL('./questions.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean);
let userCounter = 0;
/** A fresh user per interaction, as in a busy server (the per-user rate limit does not apply). */
function nextUser(): string {
  userCounter++;
  return `3${String(userCounter).padStart(17, '0')}`;
}

let distinctCounter = 0;
/**
 * The question as sent: as written (the bench's questions repeat, as a briefing's do, so the bot
 * may answer a repeat from its memo), or made distinct by ten trailing spaces and tabs that spell a
 * counter, so that no two texts of the last 1,024 are the same and every one is read afresh.
 */
function questionText(i: number, distinct: boolean): string {
  const question = QUESTIONS[i % QUESTIONS.length]!;
  if (!distinct) return question;
  distinctCounter = (distinctCounter + 1) % 1024;
  const mark = distinctCounter.toString(2).padStart(10, '0').replaceAll('0', ' ').replaceAll('1', '\t');
  return `${question}${mark}`;
}

function timer(standin: DiscordStandin, distinct = false) {
  // Timed here with performance.now(): from dispatching INTERACTION_CREATE to the callback arriving.
  return async (i: number) => {
    const start = performance.now();
    await standin.sendCommand(
      'ask',
      { question: questionText(i, distinct) },
      { user: nextUser(), locale: i % 2 ? 'ko' : 'en-US' },
    ).callback;
    return performance.now() - start;
  };
}

interface Subject {
  readonly name: string;
  readonly standin: DiscordStandin;
  readonly bot: Running;
  readonly seq: number[];
  /** One p99 per round of concurrent interactions. */
  readonly concRounds: number[][];
  /** The same, with every question text distinct (no answer from the memo). */
  readonly distinctRounds: number[][];
  idle: number;
  cpuBefore: number;
}

const ROUNDS = 5;
const SEQUENTIAL_PER_ROUND = 100;
const CONCURRENT_PER_ROUND = 200;

/**
 * Discord figures: process start to ready, interaction → reply latency (500 sequential, 5 × 200
 * concurrent) for this bot and for two bare discord.js bots, RSS. The three run side by side and
 * are measured in alternating rounds, so a load spike on a shared machine hits all of them.
 */
export async function benchDiscord(): Promise<void> {
  // The bot runs as `npm start` runs it: built JavaScript.
  execFileSync(process.execPath, ['scripts/ensure-built.mjs'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'bench-discord-'));
  const subjects: Subject[] = [];
  try {
    for (const [name, script, readyText, env] of [
      ['bare discord.js bot', 'bench/bareBot.mjs', 'bare bot ready', {}],
      [
        'bare bot, answer-sized embed',
        'bench/bareBot.mjs',
        'bare bot ready',
        { BARE_EMBED: '1', BARE_MESSAGES: '1' },
      ],
      [
        'egov-briefing-bot',
        'dist/src/bin/start.js',
        'discord bot ready',
        // As run in production: the HTTP server (health, metrics) on, one log line per interaction.
        { STORE_PATH: join(dir, 'bench.sqlite'), RATE_LIMIT_PER_MINUTE: '600', HTTP_PORT: '0' },
      ],
    ] as const) {
      const standin = await startDiscordStandin({ rateLimit: { limit: 10_000, windowMs: 1000 } });
      await new REST({ api: standin.apiUrl })
        .setToken(standin.token)
        .put(Routes.applicationGuildCommands(standin.applicationId, standin.guildId), {
          body: commandDefinitions(loadKnowledge()),
        });
      const flags = script === 'dist/src/bin/start.js' ? startScriptFlags() : [];
      const bot = await startProcess(script, standin, { ...env, LOG_LEVEL: 'info' }, readyText, flags);
      await standin.waitForReady();
      subjects.push({
        name,
        standin,
        bot,
        seq: [],
        concRounds: [],
        distinctRounds: [],
        idle: rssMb(bot.child.pid!),
        cpuBefore: 0,
      });
    }
    for (const subject of subjects) {
      const timed = timer(subject.standin);
      for (let i = 0; i < 50; i++) await timed(i); // warm-up
      subject.cpuBefore = cpuMs(subject.bot.child.pid!);
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < subjects.length; k++) {
        const subject = subjects[(round + k) % subjects.length]!;
        const timed = timer(subject.standin);
        for (let i = 0; i < SEQUENTIAL_PER_ROUND; i++) subject.seq.push(await timed(i));
        const conc = await Promise.all(Array.from({ length: CONCURRENT_PER_ROUND }, (_, i) => timed(i)));
        subject.concRounds.push(conc.sort((a, b) => a - b));
        const distinct = timer(subject.standin, true);
        const fresh = await Promise.all(Array.from({ length: CONCURRENT_PER_ROUND }, (_, i) => distinct(i)));
        subject.distinctRounds.push(fresh.sort((a, b) => a - b));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const results: Record<
    string,
    {
      ready: number;
      seq: number[];
      conc: number;
      concP50: number;
      distinct: number;
      rss: number;
      idle: number;
      cpu: number;
    }
  > = {};
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  for (const subject of subjects) {
    const pid = subject.bot.child.pid!;
    results[subject.name] = {
      ready: subject.bot.startToReadyMs,
      seq: subject.seq.sort((a, b) => a - b),
      conc: median(subject.concRounds.map((r) => percentile(r, 99))),
      concP50: median(subject.concRounds.map((r) => percentile(r, 50))),
      distinct: median(subject.distinctRounds.map((r) => percentile(r, 99))),
      rss: rssMb(pid),
      idle: subject.idle,
      cpu: (cpuMs(pid) - subject.cpuBefore) / (ROUNDS * (SEQUENTIAL_PER_ROUND + 2 * CONCURRENT_PER_ROUND)),
    };
    await subject.bot.stop();
    await subject.standin.close();
  }
  const bare = results['bare discord.js bot']!;
  const embed = results['bare bot, answer-sized embed']!;
  const ours = results['egov-briefing-bot']!;
  const row = (label: string, pick: (r: typeof bare) => number, unit: string) =>
    [
      label,
      `${pick(ours).toFixed(2)} ${unit}   (bare bot ${pick(bare).toFixed(2)}; ratio ${(pick(ours) / pick(bare)).toFixed(2)}x | bare bot with an answer-sized embed + GuildMessages ${pick(embed).toFixed(2)})`,
    ] as const;
  printTable('Discord bot vs a bare discord.js bot (both via the stand-in on loopback, separate processes)', [
    row('process start → ready', (r) => r.ready, 'ms'),
    row('500 sequential: interaction → reply p50', (r) => percentile(r.seq, 50), 'ms'),
    row('500 sequential: interaction → reply p99', (r) => percentile(r.seq, 99), 'ms'),
    row('200 concurrent: interaction → reply p50 (median of 5 rounds)', (r) => r.concP50, 'ms'),
    row('200 concurrent: interaction → reply p99 (median of 5 rounds)', (r) => r.conc, 'ms'),
    row('200 concurrent, every text distinct (no memo): p99 (median of 5 rounds)', (r) => r.distinct, 'ms'),
    row('bot CPU per interaction (its own process)', (r) => r.cpu, 'ms'),
    row('RSS when ready (idle)', (r) => r.idle, 'MB'),
    row('RSS after the load', (r) => r.rss, 'MB'),
    [
      'p99 / bare embed bot',
      `sequential ${(percentile(ours.seq, 99) / percentile(embed.seq, 99)).toFixed(2)}x, concurrent ${(ours.conc / embed.conc).toFixed(2)}x (questions repeat, as in a briefing), concurrent with every text distinct ${(ours.distinct / embed.distinct).toFixed(2)}x`,
    ],
    ['targets', 'p99 within 1.2x of the bare embed bot; RSS ≤ 150 MB with the HTTP server on'],
  ]);
}
