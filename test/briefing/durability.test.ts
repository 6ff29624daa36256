import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores } from '../../src/adapters/storage/index.js';
import { BriefingRepository } from '../../src/briefing/repository.js';
import {
  startDiscordStandin,
  type DiscordStandin,
  type InteractionHandle,
} from '../support/discordStandin.js';
import { csvRecords, customIds, message, queueMessage } from './helpers.js';
import { startBotProcess, type BotProcess } from '../support/botProcess.js';

const user = (n: number) => `13110000000000${String(6000 + n)}`;

describe('durability: kill -9 mid-stream', () => {
  let standin: DiscordStandin;
  const dir = mkdtempSync(join(tmpdir(), 'briefing-kill-'));
  const storePath = join(dir, 'bot.sqlite');
  const bots: BotProcess[] = [];

  beforeAll(async () => {
    standin = await startDiscordStandin({ interactionWindowMs: 1500 });
  });
  afterAll(async () => {
    for (const bot of bots) bot.child.kill('SIGKILL');
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged question and vote after SIGKILL and a restart', async () => {
    const first = startBotProcess(standin, { STORE_PATH: storePath });
    bots.push(first);
    await first.ready();
    const started = message(
      await standin
        .sendCommand(
          'briefing-qa',
          [{ type: 1, name: 'start', options: [{ type: 3, name: 'title', value: 'kill test' }] }],
          { user: standin.users.organiser.id },
        )
        .waitForFinal(),
    );
    expect(started.content).toContain('Started');

    const ask = (i: number) =>
      standin.sendCommand(
        'briefing-qa',
        [
          {
            type: 1,
            name: 'ask',
            options: [{ type: 3, name: 'question', value: `세션 ${i}번 점심 도시락은 어디서 받나요?` }],
          },
        ],
        { user: user(i % 40) },
      );
    // Seed a few questions so the queue message has vote buttons.
    const questions: { i: number; handle: InteractionHandle }[] = [];
    for (let i = 0; i < 5; i++) questions.push({ i, handle: ask(i) });
    await Promise.all(questions.map((q) => q.handle.waitForFinal()));
    const queue = await standin.waitFor(() => {
      const m = queueMessage(standin);
      return m !== undefined && customIds(m).filter((id) => id.startsWith('bq:v:')).length >= 5
        ? m
        : undefined;
    }, 8000);
    const voteIds = customIds(queue).filter((id) => id.startsWith('bq:v:'));

    // A stream of questions and votes; the process is killed while it is in full flow.
    const votes: { userId: string; qid: string; handle: InteractionHandle }[] = [];
    let acknowledged = 0;
    const count = (h: InteractionHandle) => {
      h.callback.then(
        () => (acknowledged += 1),
        () => undefined,
      );
    };
    let killed = false;
    for (let i = 5; !killed && i < 2000; i++) {
      const q = { i, handle: ask(i) };
      questions.push(q);
      count(q.handle);
      const voteId = voteIds[i % voteIds.length]!;
      const voter = user(100 + i);
      const v = {
        userId: voter,
        qid: voteId.split(':')[3]!,
        handle: standin.clickButton(queue, voteId, { user: voter }),
      };
      votes.push(v);
      count(v.handle);
      if (acknowledged >= 80) {
        first.child.kill('SIGKILL');
        killed = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    expect(killed).toBe(true);
    expect((await first.exited).signal).toBe('SIGKILL');

    const settled = async <T extends { handle: InteractionHandle }>(list: T[]) =>
      (await Promise.allSettled(list.map((x) => x.handle.callback))).flatMap((r, i) =>
        r.status === 'fulfilled' ? [{ ...list[i]!, content: r.value.data?.content ?? '' }] : [],
      );
    const ackedQuestions = await settled(questions);
    const ackedVotes = await settled(votes);
    expect(ackedQuestions.every((q) => /queue|has the answer/.test(q.content))).toBe(true);
    expect(ackedVotes.every((v) => v.content.includes('vote is recorded'))).toBe(true);
    const unacknowledged = questions.length + votes.length - ackedQuestions.length - ackedVotes.length;
    expect(ackedQuestions.length).toBeGreaterThan(20);
    expect(unacknowledged).toBeGreaterThan(0);

    // Restart on the same file: everything acknowledged is there, and the bot carries on.
    const second = startBotProcess(standin, { STORE_PATH: storePath });
    bots.push(second);
    await second.ready();
    const exported = message(
      await standin
        .sendCommand('briefing-qa', [{ type: 1, name: 'export', options: [] }], {
          user: standin.users.organiser.id,
        })
        .waitForFinal(),
    );
    const csv = standin
      .attachmentData(exported.attachments.find((a) => a.filename.endsWith('.csv'))!)!
      .toString('utf8');
    const texts = new Set(csvRecords(csv).map((r) => r.question));
    for (const q of ackedQuestions) expect(texts).toContain(`세션 ${q.i}번 점심 도시락은 어디서 받나요?`);

    const stores = await openStores({ storePath });
    try {
      const repository = new BriefingRepository(stores);
      const briefing = (await repository.latestInChannel(standin.channelId))!;
      const snapshot = await repository.snapshot(briefing.id);
      for (const v of ackedVotes) {
        expect(
          snapshot.votes.get(v.qid)?.some((vote) => vote.userId === v.userId),
          `vote of ${v.userId} on ${v.qid}`,
        ).toBe(true);
      }
    } finally {
      await stores.close();
    }
    const after = message(await ask(9999).waitForFinal());
    expect(after.content).toMatch(/queue|has the answer/);
  });
});
