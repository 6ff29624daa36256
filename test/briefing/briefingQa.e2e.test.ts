import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InteractionType, PermissionFlagsBits } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBot, type Bot } from '../../src/adapters/discord/bot.js';
import { openStores, type Stores } from '../../src/adapters/storage/index.js';
import { BriefingRepository } from '../../src/briefing/repository.js';
import { startDiscordStandin, type DiscordStandin } from '../support/discordStandin.js';
import { realEngine } from '../support/engine.js';
import {
  csvRecords,
  customIds,
  message,
  queueMessage,
  queueText,
  setOrganiserRole,
  shownVotes,
  waitForQueue,
} from './helpers.js';

const logs: { level: number; msg: string }[] = [];
const logger = pino(
  { level: 'info' },
  { write: (line: string) => logs.push(JSON.parse(line) as { level: number; msg: string }) },
);

const attendee = (n: number) => `13110000000000${String(5000 + n)}`;

describe('live briefing Q&A through the stand-in (real discord.js client)', () => {
  let standin: DiscordStandin;
  let stores: Stores;
  let bot: Bot;
  const dir = mkdtempSync(join(tmpdir(), 'briefing-e2e-'));
  let briefingId = '';

  beforeAll(async () => {
    standin = await startDiscordStandin();
    stores = await openStores({ storePath: join(dir, 'bot.sqlite') });
    bot = createBot({
      token: standin.token,
      apiUrl: standin.apiUrl,
      engine: realEngine(),
      stores,
      logger,
      rateLimitPerMinute: 1000,
      today: () => '2026-11-26',
      briefing: {
        readMessages: true,
        questionsPerMinute: 3,
        editIntervalMs: 250,
      },
    });
    await bot.ready;
    // The server's owner (Manage Server) names the organiser role, as a stored setting.
    const set = message(
      await setOrganiserRole(standin, standin.users.owner.id, standin.roles.organiser.id).waitForFinal(),
    );
    expect(set.content).toContain('organiser role');
  });

  afterAll(async () => {
    await bot.stop();
    await stores.close();
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = (question: string, user: string = standin.users.member.id, locale = 'ko') =>
    standin.sendCommand(
      'briefing-qa',
      [{ type: 1, name: 'ask', options: [{ type: 3, name: 'question', value: question }] }],
      { user, locale },
    );
  const organiser = (sub: string, options: unknown[] = [], locale = 'ko') =>
    standin.sendCommand('briefing-qa', [{ type: 1, name: sub, options }], {
      user: standin.users.organiser.id,
      locale,
    });

  it('asks the gateway for MessageContent only because channel posts are read', () => {
    const intents = standin.identifies[0]!.intents as number;
    expect(intents & (1 << 15)).toBe(1 << 15);
  });

  it('refuses a question when no briefing runs in the channel', async () => {
    const reply = message(await ask('점심시간은 언제인가요?').waitForFinal());
    expect(reply.content).toContain('진행 중인 설명회가 없습니다');
  });

  it('does not let an attendee start, stop or export a briefing', async () => {
    for (const [sub, options] of [
      ['start', [{ type: 3, name: 'title', value: '몰래 시작' }]],
      ['stop', []],
      ['export', []],
    ] as const) {
      const handle = standin.sendCommand('briefing-qa', [{ type: 1, name: sub, options: [...options] }], {
        user: standin.users.member.id,
        locale: 'ko',
      });
      const reply = message(await handle.waitForFinal());
      expect((await handle.callback).ephemeral).toBe(true);
      expect(reply.content).toContain('진행자');
    }
    expect(queueMessage(standin)).toBeUndefined();
  });

  it('treats members with the configured organiser role as organisers, without any permission', async () => {
    // The role exists in the guild (discord.js only resolves known roles); its permissions are overridden away.
    const handle = standin.sendCommand('briefing-qa', [{ type: 1, name: 'export', options: [] }], {
      user: attendee(20),
      roles: [standin.roles.organiser.id],
      memberPermissions: 0n,
      locale: 'ko',
    });
    expect(message(await handle.waitForFinal()).content).toContain('설명회 기록이 없습니다');
  });

  it('starts a briefing: posts an empty queue message, without mentions', async () => {
    const handle = organiser('start', [
      { type: 3, name: 'title', value: '2021 전자정부지원사업 설명회 @everyone' },
    ]);
    const reply = message(await handle.waitForFinal());
    expect((await handle.callback).ephemeral).toBe(true);
    expect(reply.content).toContain('시작했습니다');
    const queue = queueMessage(standin)!;
    expect(queue.embeds[0]!.title).toContain('2021 전자정부지원사업 설명회');
    expect(queue.embeds[0]!.title).not.toContain('@everyone');
    expect(queueText(queue)).toContain('아직 대기 중인 질문이 없습니다');
    const post = standin.requests.find(
      (r) => r.method === 'POST' && r.path.endsWith(`/channels/${standin.channelId}/messages`),
    );
    expect((post?.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({
      parse: [],
      replied_user: false,
    });
    const again = message(
      await organiser('start', [{ type: 3, name: 'title', value: '두 번째' }]).waitForFinal(),
    );
    expect(again.content).toContain('이미 설명회가 진행 중');
    briefingId = (await new BriefingRepository(stores).latestInChannel(standin.channelId))!.id;
  });

  it('answers a question the knowledge base knows privately at once, and does not queue it', async () => {
    const handle = ask('전자증명서 예산 얼마야?', attendee(1));
    const reply = message(await handle.waitForFinal());
    expect((await handle.callback).ephemeral).toBe(true);
    expect(reply.content).toContain('바로 답변');
    expect(reply.embeds.map((e) => e.description).join('\n')).toContain('82억원');
    const views = (await bot.briefing.updater.settled(), queueMessage(standin)!);
    expect(queueText(views)).not.toContain('전자증명서');
  });

  it('queues a question the knowledge base cannot answer, and the queue message shows it', async () => {
    const reply = message(await ask('점심시간은 언제인가요?', attendee(2)).waitForFinal());
    expect(reply.content).toContain('대기열에 올라갔습니다');
    const queue = await waitForQueue(standin, (m) => queueText(m).includes('점심시간은 언제인가요?'));
    expect(shownVotes(queue, '점심시간은 언제인가요?')).toBe(1);
    expect(customIds(queue).some((id) => id.startsWith(`bq:v:${briefingId}:`))).toBe(true);
  });

  it('merges a duplicate (same meaning after normalisation) as a vote from its asker', async () => {
    const reply = message(await ask('  점심 시간은 언제인가요 ??', attendee(3)).waitForFinal());
    expect(reply.content).toContain('공감 1표로 더했습니다');
    const queue = await waitForQueue(standin, (m) => shownVotes(m, '점심시간은 언제인가요?') === 2);
    expect(queueText(queue).match(/점심/g)).toHaveLength(1);
  });

  it('tells an asker who repeats a question that it is already asked, without a new vote', async () => {
    const reply = message(await ask('점심시간은 언제인가요?', attendee(2)).waitForFinal());
    expect(reply.content).toContain('이미 올린 질문');
    await bot.briefing.updater.settled();
    expect(shownVotes(queueMessage(standin)!, '점심시간은 언제인가요?')).toBe(2);
  });

  it('takes a post in the briefing channel as a question and acknowledges it with a reaction', async () => {
    const before = standin.requests.length;
    const post = await standin.sendMessage({ content: '녹화본은 언제 올라오나요?', authorId: attendee(4) });
    await waitForQueue(standin, (m) => queueText(m).includes('녹화본은 언제 올라오나요?'));
    const reaction = await standin.waitForRequest(
      (r) => r.method === 'PUT' && r.path.includes(`/messages/${post.id}/reactions/`),
    );
    expect(decodeURIComponent(reaction.path)).toContain('✅');
    expect(standin.requests.length).toBeGreaterThan(before);
  });

  it('answers a known question posted in the channel (DM, or a reply when DMs are closed)', async () => {
    const post = await standin.sendMessage({ content: '세움터 예산은?', authorId: attendee(5) });
    const reply = await standin.waitForMessage((m) => m.message_reference?.message_id === post.id);
    expect(reply.embeds.map((e) => e.description).join('\n')).toContain('112억원');
    expect(reply.mentions).toEqual([]);
  });

  it.each([
    ['', '비어 있습니다'],
    ['가'.repeat(501), '너무 깁니다'],
    ['<@1311000000000000401> <@1311000000000000402> <@&1311000000000000300> 질문', '멘션이 너무 많은'],
    ['?!?! ...', '글자가 있는 질문'],
  ])('rejects a bad question %#  with a clear message', async (text, expected) => {
    if (text === '') {
      // Discord does not send an empty required option; an empty post is the way to get one.
      const post = await standin.sendMessage({ content: '   ', authorId: attendee(6) });
      const reply = await standin.waitForMessage((m) => m.message_reference?.message_id === post.id);
      expect(reply.content).toContain(expected);
      return;
    }
    const reply = message(await ask(text, attendee(6)).waitForFinal());
    expect(reply.content).toContain(expected);
  });

  it('limits how many questions one account submits per minute', async () => {
    const user = attendee(7);
    for (const q of ['주차는 어디에 하나요?', '발표자 마이크 소리가 작아요', '회의실 와이파이 비밀번호는?']) {
      expect(message(await ask(q, user).waitForFinal()).content).toContain('대기열');
    }
    const limited = message(await ask('질문 번호 17 테스트 문의', user).waitForFinal());
    expect(limited.content).toMatch(/너무 자주 올리고 있습니다\. \d+초 후/);
  });

  it('counts one vote per account: a vote, a withdrawal, and double clicks', async () => {
    const queue = await waitForQueue(standin, (m) => queueText(m).includes('녹화본은'));
    const voteId =
      customIds(queue)[
        queueText(queue)
          .split('\n')
          .findIndex((l) => l.includes('녹화본은'))
      ]!;
    expect(voteId).toMatch(/^bq:v:/);
    const voter = attendee(8);
    const first = message(
      await standin.clickButton(queue, voteId, { user: voter, locale: 'ko' }).waitForFinal(),
    );
    expect(first.content).toContain('공감 1표를 더했습니다');
    await waitForQueue(standin, (m) => shownVotes(m, '녹화본은 언제 올라오나요?') === 2);
    const again = message(
      await standin.clickButton(queue, voteId, { user: voter, locale: 'ko' }).waitForFinal(),
    );
    expect(again.content).toContain('취소');
    await waitForQueue(standin, (m) => shownVotes(m, '녹화본은 언제 올라오나요?') === 1);
    // Two clicks at once from one account: never two votes.
    const other = attendee(9);
    const clicks = [
      standin.clickButton(queue, voteId, { user: other }),
      standin.clickButton(queue, voteId, { user: other }),
    ];
    await Promise.all(clicks.map((c) => c.waitForFinal()));
    const votes =
      (await new BriefingRepository(stores).snapshot(briefingId)).votes.get(voteId.split(':')[3]!) ?? [];
    expect(votes.filter((v) => v.userId === other).length).toBeLessThanOrEqual(1);
    expect(new Set(votes.map((v) => v.userId)).size).toBe(votes.length);
  });

  it('orders the queue by votes', async () => {
    const queue = await waitForQueue(standin, (m) => queueText(m).includes('주차는'));
    const lines = queueText(queue).split('\n');
    const votes = lines.map((l) => Number(l.match(/▲ (\d+)$/)?.[1] ?? 0));
    expect(votes).toEqual([...votes].sort((a, b) => b - a));
    expect(lines[0]).toContain('점심시간은 언제인가요?');
  });

  it('does not let an attendee manage questions', async () => {
    const queue = queueMessage(standin)!;
    const menu = customIds(queue).find((id) => id.startsWith('bq:m:'))!;
    const qid = customIds(queue)[0]!.split(':')[3]!;
    const reply = message(
      await standin
        .selectMenu(queue, menu, [qid], { user: standin.users.member.id, locale: 'ko' })
        .waitForFinal(),
    );
    expect(reply.content).toContain('진행자');
  });

  it('lets an organiser pin a question, then mark it answered with a short answer that is posted', async () => {
    const queue = queueMessage(standin)!;
    const menu = customIds(queue).find((id) => id.startsWith('bq:m:'))!;
    const lunch = customIds(queue)[0]!.split(':')[3]!;
    const picked = message(
      await standin
        .selectMenu(queue, menu, [lunch], { user: standin.users.organiser.id, locale: 'ko' })
        .waitForFinal(),
    );
    expect(picked.content).toContain('점심시간은 언제인가요?');
    const pin = message(
      await standin
        .clickButton(picked, `bq:p:${briefingId}:${lunch}`, {
          user: standin.users.organiser.id,
          locale: 'ko',
        })
        .waitForFinal(),
    );
    expect(pin.content).toContain('고정');
    await waitForQueue(standin, (m) => queueText(m).split('\n')[0]!.includes('📌'));
    // An attendee cannot press the organiser buttons either.
    const denied = message(
      await standin
        .clickButton(picked, `bq:d:${briefingId}:${lunch}`, { user: attendee(10), locale: 'ko' })
        .waitForFinal(),
    );
    expect(denied.content).toContain('진행자');
    const answer = standin.clickButton(picked, `bq:a:${briefingId}:${lunch}`, {
      user: standin.users.organiser.id,
      locale: 'ko',
    });
    const modal = await answer.waitForFinal();
    expect(modal.kind).toBe('modal');
    const submitted = message(
      await answer
        .submitModal(
          { answer: '12시부터 13시까지입니다. @everyone' },
          { user: standin.users.organiser.id, locale: 'ko' },
        )
        .waitForFinal(),
    );
    expect(submitted.content).toContain('답변 완료');
    const posted = await standin.waitForMessage((m) => m.content.includes('12시부터 13시까지입니다'));
    expect(posted.content).toContain('**Q.** 점심시간은 언제인가요?');
    expect(posted.mention_everyone).toBe(false);
    const after = await waitForQueue(standin, (m) => !queueText(m).includes('점심시간'));
    expect(queueText(after)).not.toContain('📌');
    // Already answered: no second decision.
    const twice = message(
      await standin
        .clickButton(picked, `bq:d:${briefingId}:${lunch}`, {
          user: standin.users.organiser.id,
          locale: 'ko',
        })
        .waitForFinal(),
    );
    expect(twice.content).toContain('이미 처리된 질문');
  });

  it('lets an organiser dismiss a question, which leaves the queue and takes no more votes', async () => {
    const queue = await waitForQueue(standin, (m) => queueText(m).includes('주차는'));
    const index = queueText(queue)
      .split('\n')
      .findIndex((l) => l.includes('주차는'));
    const voteId = customIds(queue)[index]!;
    const qid = voteId.split(':')[3]!;
    const picked = message(
      await standin
        .selectMenu(queue, `bq:m:${briefingId}`, [qid], { user: standin.users.organiser.id })
        .waitForFinal(),
    );
    const dismissed = message(
      await standin
        .clickButton(picked, `bq:d:${briefingId}:${qid}`, { user: standin.users.organiser.id })
        .waitForFinal(),
    );
    expect(dismissed.content).toContain('dismissed');
    await waitForQueue(standin, (m) => !queueText(m).includes('주차는'));
    // The button is gone from the queue message; a client still showing the old message can press it.
    const late = message(
      await standin
        .sendInteraction({
          type: InteractionType.MessageComponent,
          message: queue.id,
          data: { component_type: 2, custom_id: voteId },
          user: attendee(11),
          locale: 'ko',
        })
        .waitForFinal(),
    );
    expect(late.content).toContain('더 이상 투표를 받지 않습니다');
  });

  it('stops the briefing: the queue message shows it ended, without buttons, and takes no more questions', async () => {
    const reply = message(await organiser('stop').waitForFinal());
    expect(reply.content).toContain('마쳤습니다');
    const ended = await waitForQueue(standin, (m) => m.embeds[0]!.title!.includes('(종료)'));
    expect(ended.components ?? []).toEqual([]);
    const late = message(await ask('아직 질문 받나요?', attendee(12)).waitForFinal());
    expect(late.content).toContain('진행 중인 설명회가 없습니다');
  });

  it('exports every question as CSV and Markdown, without names unless asked', async () => {
    const handle = organiser('export');
    const reply = message(await handle.waitForFinal());
    expect((await handle.callback).ephemeral).toBe(true);
    const csvFile = reply.attachments.find((a) => a.filename.endsWith('.csv'))!;
    const mdFile = reply.attachments.find((a) => a.filename.endsWith('.md'))!;
    const csv = standin.attachmentData(csvFile)!.toString('utf8');
    const records = csvRecords(csv);
    const byText = new Map(records.map((r) => [r.question, r]));
    expect(byText.get('전자증명서 예산 얼마야?')).toMatchObject({ status: 'auto', votes: '1' });
    expect(byText.get('전자증명서 예산 얼마야?')!.answer).toContain('82억원');
    expect(byText.get('점심시간은 언제인가요?')).toMatchObject({
      status: 'answered',
      votes: '2',
      answer: '12시부터 13시까지입니다. @everyone',
    });
    expect(byText.get('주차는 어디에 하나요?')).toMatchObject({ status: 'dismissed' });
    expect(byText.get('녹화본은 언제 올라오나요?')).toMatchObject({ status: 'queued', source: 'message' });
    expect(records.every((r) => /^\d{4}-\d\d-\d\dT/.test(r.asked_at!))).toBe(true);
    expect(Object.keys(records[0]!)).not.toContain('asker');
    expect(csv).not.toContain('olive');
    const md = standin.attachmentData(mdFile)!.toString('utf8');
    expect(md).toContain('## Answered (');
    expect(md).toContain('12시부터 13시까지입니다');

    const named = message(
      await organiser('export', [{ type: 5, name: 'include_names', value: true }]).waitForFinal(),
    );
    const namedCsv = csvRecords(
      standin.attachmentData(named.attachments.find((a) => a.filename.endsWith('.csv'))!)!.toString('utf8'),
    );
    expect(namedCsv.find((r) => r.question === '점심시간은 언제인가요?')!.asker).toBeTruthy();
  });

  it('keeps gap questions from the briefing, /ask and mentions', async () => {
    await standin
      .sendCommand('ask', { question: '행사장 주차 요금은 얼마인가요?' }, { locale: 'ko' })
      .waitForFinal();
    const asked = await standin.sendMessage({ content: '행사장 주차 요금 얼마예요?', mentionsBot: true });
    await standin.waitForMessage((m) => m.message_reference?.message_id === asked.id);
    // The gap is stored right after the reply is sent.
    const gaps = await vi.waitFor(async () => {
      const listed = await new BriefingRepository(stores).listGaps();
      expect(new Set(listed.map((g) => g.source))).toEqual(new Set(['briefing', 'command', 'mention']));
      return listed;
    });
    expect(gaps.some((g) => g.text === '점심시간은 언제인가요?')).toBe(true);
    expect(gaps.some((g) => g.text === '전자증명서 예산 얼마야?')).toBe(false);
  });

  it('lets only members with Manage Server set the organiser role', async () => {
    // An organiser by role, without Manage Server, tries to hand the role to everyone.
    const refused = message(
      await setOrganiserRole(standin, attendee(21), standin.roles.everyone.id, {
        roles: [standin.roles.organiser.id],
        memberPermissions: 0n,
      }).waitForFinal(),
    );
    expect(refused.content).toContain('Manage Server');
    // The role stayed: a member with it (and no permissions) still organises.
    const handle = standin.sendCommand('briefing-qa', [{ type: 1, name: 'export', options: [] }], {
      user: attendee(21),
      roles: [standin.roles.organiser.id],
      memberPermissions: 0n,
      locale: 'en-US',
    });
    expect(message(await handle.waitForFinal()).content).toContain('Exported');
  });

  it('degrades without Add Reactions: a post is acknowledged with a short reply, and the queue still updates', async () => {
    const channelId = standin.addTextChannel('no-reactions');
    const organiser = { user: standin.users.organiser.id, channelId, locale: 'en-US' };
    const started = standin.sendCommand(
      'briefing-qa',
      [{ type: 1, name: 'start', options: [{ type: 3, name: 'title', value: 'no reactions' }] }],
      organiser,
    );
    expect(message(await started.waitForFinal()).content).toContain('Started');
    const all = standin.roles.bot.permissions;
    standin.setBotPermissions(BigInt(all) & ~PermissionFlagsBits.AddReactions);
    try {
      const post = await standin.sendMessage({
        content: '휴게실 커피는 몇 시까지 나오나요?',
        authorId: attendee(22),
        channelId,
      });
      const reply = await standin.waitForMessage((m) => m.message_reference?.message_id === post.id);
      expect(reply.content).toContain('in the queue');
      await waitForQueue(
        standin,
        (m) => queueText(m).includes('휴게실 커피는 몇 시까지 나오나요?'),
        8000,
        channelId,
      );
      expect(logs.some((l) => l.msg.includes('could not react'))).toBe(true);
    } finally {
      standin.setBotPermissions(BigInt(all));
    }
  });

  it('refuses to start a briefing where it cannot post, and says which permissions are missing', async () => {
    const channelId = standin.addTextChannel('read-only');
    const all = standin.roles.bot.permissions;
    standin.setBotPermissions(
      BigInt(all) & ~PermissionFlagsBits.SendMessages & ~PermissionFlagsBits.EmbedLinks,
    );
    try {
      const handle = standin.sendCommand(
        'briefing-qa',
        [{ type: 1, name: 'start', options: [{ type: 3, name: 'title', value: 'mute' }] }],
        { user: standin.users.organiser.id, channelId, locale: 'en-US' },
      );
      const reply = message(await handle.waitForFinal());
      expect(reply.content).toContain('Send Messages, Embed Links');
      expect(await new BriefingRepository(stores).latestInChannel(channelId)).toBeUndefined();
    } finally {
      standin.setBotPermissions(BigInt(all));
    }
  });

  it('sent every queue edit within the rate limits and acknowledged every interaction', async () => {
    await bot.briefing.updater.settled();
    expect(standin.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(
      standin.interactions.filter((i) => i.acknowledged === undefined).map((i) => i.payload['data']),
    ).toEqual([]);
    expect(standin.internalErrors).toEqual([]);
    expect(logs.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
  });
});
