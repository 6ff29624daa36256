import { InteractionType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordStandin, type DiscordStandin } from '../support/discordStandin.js';
import { hasRedis, startRedis, type RedisServer } from '../support/redis.js';
import { csvRecords, customIds, message, queueText, shownVotes, waitForQueue } from './helpers.js';
import { startBotProcess, type BotProcess } from '../support/botProcess.js';

const user = (n: number) => `13110000000000${String(7000 + n)}`;
const Q1 = '휴식 시간은 몇 분인가요?';
const Q2 = '세션 3번 점심 도시락은 어디서 받나요?';

/**
 * Two bot processes (as two shards would be) on one real Redis. The stand-in has no sharding,
 * so each process gets a stand-in of its own with the same guild, channel and users: what one
 * process stores, the other must see. The queue message lives in the first one.
 */
describe.skipIf(!hasRedis())('two bot processes sharing one briefing on Redis', () => {
  let redis: RedisServer;
  let first: DiscordStandin;
  let second: DiscordStandin;
  const bots: BotProcess[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    [first, second] = await Promise.all([startDiscordStandin(), startDiscordStandin()]);
    for (const standin of [first, second])
      bots.push(startBotProcess(standin, { REDIS_URL: redis.url, STORE_PATH: '/nonexistent/unused.sqlite' }));
    await Promise.all(bots.map((b) => b.ready()));
  });
  afterAll(async () => {
    for (const bot of bots) bot.child.kill('SIGTERM');
    await Promise.all(bots.map((b) => b.exited));
    await Promise.all([first.close(), second.close()]);
    await redis.stop();
  });

  const ask = (standin: DiscordStandin, text: string, who: string) =>
    standin.sendCommand(
      'briefing-qa',
      [{ type: 1, name: 'ask', options: [{ type: 3, name: 'question', value: text }] }],
      { user: who },
    );

  it('sees the same queue and votes from either process', async () => {
    expect(bots.every((b) => b.stderr().includes('"store":"redis"'))).toBe(true);
    const started = message(
      await first
        .sendCommand(
          'briefing-qa',
          [{ type: 1, name: 'start', options: [{ type: 3, name: 'title', value: 'shared' }] }],
          { user: first.users.organiser.id },
        )
        .waitForFinal(),
    );
    expect(started.content).toContain('Started');

    // The second process finds the briefing the first one started, and queues into it.
    expect(message(await ask(second, Q1, user(1)).waitForFinal()).content).toContain('in the queue');
    expect(message(await ask(first, Q2, user(2)).waitForFinal()).content).toContain('in the queue');
    let queue = await waitForQueue(first, (m) => queueText(m).includes(Q1) && queueText(m).includes(Q2));

    // One vote per account across processes: a vote through the first, pressed again through the second, withdraws it.
    const q1Vote =
      customIds(queue)[
        queueText(queue)
          .split('\n')
          .findIndex((l) => l.includes(Q1))
      ]!;
    expect(
      message(await first.clickButton(queue, q1Vote, { user: user(3) }).waitForFinal()).content,
    ).toContain('vote is recorded');
    const anchor = await second.sendMessage({
      content: 'the queue message, as the second shard sees it',
      authorId: user(9),
    });
    const pressOnSecond = (who: string, customId: string) =>
      second.sendInteraction({
        type: InteractionType.MessageComponent,
        message: anchor.id,
        data: { component_type: 2, custom_id: customId },
        user: who,
      });
    expect(message(await pressOnSecond(user(3), q1Vote).waitForFinal()).content).toContain('withdrawn');
    expect(message(await pressOnSecond(user(4), q1Vote).waitForFinal()).content).toContain(
      'vote is recorded',
    );
    expect(message(await pressOnSecond(user(5), q1Vote).waitForFinal()).content).toContain(
      'vote is recorded',
    );
    // A duplicate through the second process merges into the question asked through the first.
    expect(
      message(await ask(second, '세션 3번 점심 도시락은 어디서 받나요', user(6)).waitForFinal()).content,
    ).toContain('already queued');

    // The first process's queue message shows the votes cast through the second one.
    expect(
      message(await first.clickButton(queue, q1Vote, { user: user(7) }).waitForFinal()).content,
    ).toContain('vote is recorded');
    queue = await waitForQueue(first, (m) => shownVotes(m, Q1) === 4 && shownVotes(m, Q2) === 2);
    expect(queueText(queue).split('\n')[0]).toContain(Q1);

    // Both processes export the same questions and counts.
    const exportFrom = async (standin: DiscordStandin) => {
      const reply = message(
        await standin
          .sendCommand('briefing-qa', [{ type: 1, name: 'export', options: [] }], {
            user: standin.users.organiser.id,
          })
          .waitForFinal(),
      );
      const csv = standin
        .attachmentData(reply.attachments.find((a) => a.filename.endsWith('.csv'))!)!
        .toString('utf8');
      return csvRecords(csv).map((r) => [r.question, r.status, r.votes]);
    };
    const [fromFirst, fromSecond] = [await exportFrom(first), await exportFrom(second)];
    expect(fromFirst).toEqual(fromSecond);
    expect(fromFirst).toEqual([
      [Q1, 'queued', '4'],
      [Q2, 'queued', '2'],
    ]);
  });
});
