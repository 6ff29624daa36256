import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InteractionType, type APIMessage } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBot, type Bot } from '../../src/adapters/discord/bot.js';
import { openStores, type Stores } from '../../src/adapters/storage/index.js';
import { startBotProcess } from '../support/botProcess.js';
import { startDiscordStandin, type DiscordStandin, type FinalReply } from '../support/discordStandin.js';
import { realEngine } from '../support/engine.js';
import { runScript } from '../support/run.js';
import { sendMemberlessInteraction } from '../briefing/helpers.js';

function message(final: FinalReply): APIMessage {
  if (final.kind !== 'message') throw new Error(`expected a message, got ${final.kind}`);
  return final.message;
}

function description(m: APIMessage): string {
  return m.embeds.map((e) => e.description ?? '').join('\n');
}

function customIds(m: APIMessage): string[] {
  return (m.components ?? []).flatMap((row) =>
    'components' in row ? row.components.map((c) => ('custom_id' in c ? c.custom_id : '')) : [],
  );
}

const logs: { level: number; msg: string; err?: unknown }[] = [];
const logger = pino(
  { level: 'info' },
  {
    write(line: string) {
      logs.push(JSON.parse(line) as { level: number; msg: string });
    },
  },
);

describe('Discord bot through the stand-in (real discord.js client)', () => {
  let standin: DiscordStandin;
  let stores: Stores;
  let bot: Bot;
  const dir = mkdtempSync(join(tmpdir(), 'bot-e2e-'));

  beforeAll(async () => {
    standin = await startDiscordStandin();
    const deploy = await runScript('src/bin/deploy-commands.ts', [], {
      env: {
        DISCORD_TOKEN: standin.token,
        DISCORD_APPLICATION_ID: standin.applicationId,
        DISCORD_GUILD_ID: standin.guildId,
        DISCORD_API_URL: standin.apiUrl,
      },
    });
    expect(deploy.stderr).toBe('');
    expect(deploy.stdout).toContain(`Registered 8 commands in server ${standin.guildId}`);
    stores = await openStores({ storePath: join(dir, 'bot.sqlite') });
    bot = createBot({
      token: standin.token,
      apiUrl: standin.apiUrl,
      engine: realEngine(),
      stores,
      logger,
      rateLimitPerMinute: 1000,
      today: () => '2026-11-26',
    });
    await bot.ready;
  });

  afterAll(async () => {
    await bot.stop();
    await stores.close();
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers every command with Korean names and descriptions', () => {
    const commands = standin.guildCommands;
    expect(commands.map((c) => c.name)).toEqual([
      'ask',
      'project',
      'projects',
      'rule',
      'briefing',
      'sources',
      'help',
      'briefing-qa',
    ]);
    for (const command of commands) {
      expect(command.name_localizations?.ko).toBeTruthy();
      expect(command.description_localizations?.ko).toBeTruthy();
    }
    const rule = commands.find((c) => c.name === 'rule')!;
    expect(rule.options?.map((o) => o.name_localizations?.ko)).toEqual([
      '수의계약',
      '긴급공고',
      '대기업',
      '하도급',
      '소액수의',
      '기타특례',
    ]);
  });

  it('answers /ask in the channel with sources as links, feedback buttons, and no mentions', async () => {
    const handle = standin.sendCommand('ask', { question: '전자증명서 예산 얼마야?' }, { locale: 'ko' });
    const callback = await handle.callback;
    const reply = message(await handle.waitForFinal());
    expect(callback.type).toBe(4);
    expect(callback.ephemeral).toBe(false);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(description(reply)).toContain('82억원');
    expect(reply.embeds[0]!.title).toBe('전자증명서 예산 얼마야?');
    const fields = reply.embeds.at(-1)!.fields!;
    expect(fields[0]!.name).toBe('출처');
    expect(fields[0]!.value).toMatch(/\[.+\]\(https:\/\/mbnmoney\.mbn\.co\.kr\/.+\)/);
    expect(customIds(reply).some((id) => id.startsWith('fb:up:'))).toBe(true);
    expect(customIds(reply).some((id) => id.startsWith('share:'))).toBe(false);
  });

  it('answers an English question in English', async () => {
    const reply = message(
      await standin.sendCommand('ask', { question: 'Who runs the waste disposal project?' }).waitForFinal(),
    );
    expect(description(reply)).toContain('Ministry of Environment');
    expect(reply.embeds.at(-1)!.fields![0]!.name).toBe('Sources');
  });

  it('keeps a private answer private and shares the same answer on request', async () => {
    const handle = standin.sendCommand('ask', { question: '세움터 예산', private: true }, { locale: 'ko' });
    const reply = message(await handle.waitForFinal());
    expect((await handle.callback).ephemeral).toBe(true);
    const shareId = customIds(reply).find((id) => id.startsWith('share:'))!;
    expect(shareId).toBeDefined();
    const shared = standin.clickButton(reply, shareId, { locale: 'ko' });
    const sharedReply = message(await shared.waitForFinal());
    expect((await shared.callback).ephemeral).toBe(false);
    expect(description(sharedReply)).toBe(description(reply));
    expect(customIds(sharedReply).some((id) => id.startsWith('share:'))).toBe(false);
  });

  it('defuses @everyone in the echoed question and allows no mentions', async () => {
    const handle = standin.sendCommand('ask', {
      question: '@everyone <@&123456789012345678> 국민비서 예산?',
    });
    const callback = await handle.callback;
    const reply = message(await handle.waitForFinal());
    expect(callback.data?.allowed_mentions?.parse).toEqual([]);
    expect(reply.embeds[0]!.title).not.toContain('@everyone');
    expect(reply.mentions).toEqual([]);
    expect(reply.mention_everyone).toBe(false);
  });

  it.each([
    ['국민', 'ko', 'national-secretary'],
    ['ㄱㅁㅂㅅ', 'ko', 'national-secretary'],
    ['국민비셔', 'ko', 'national-secretary'],
    ['rnralsqltj', 'ko', 'national-secretary'],
    ['e-cert', 'en-US', 'e-certificate'],
    ['seumteo', 'en-US', 'architecture-admin-cloud'],
    ['ㅈㅈㅈㅁㅅ', 'ko', 'e-certificate'],
  ])('autocompletes %s to %s', async (typed, locale, id) => {
    const final = await standin
      .sendAutocomplete('project', { name: typed }, 'name', { locale })
      .waitForFinal();
    if (final.kind !== 'autocomplete') throw new Error('expected autocomplete');
    expect(final.choices.length).toBeGreaterThan(0);
    expect(final.choices.length).toBeLessThanOrEqual(25);
    expect(final.choices[0]!.value).toBe(id);
    expect(final.latencyMs).toBeLessThan(3000);
  });

  it('looks up a project aspect privately, in the user locale', async () => {
    const handle = standin.sendCommand(
      'project',
      { name: 'digital-evidence', aspect: 'budget' },
      { locale: 'en-US' },
    );
    const reply = message(await handle.waitForFinal());
    expect((await handle.callback).ephemeral).toBe(true);
    expect(description(reply)).toContain('not found in any source');
    expect(reply.embeds[0]!.color).toBe(0x8a8f98);
  });

  it('resolves a typed project name that autocomplete did not fill', async () => {
    const reply = message(
      await standin
        .sendCommand('project', { name: '세움터', aspect: 'leadAgency' }, { locale: 'ko' })
        .waitForFinal(),
    );
    expect(description(reply)).toContain('국토교통부');
  });

  it('lists projects with filters', async () => {
    const reply = message(
      await standin.sendCommand('projects', { new: true }, { locale: 'ko' }).waitForFinal(),
    );
    expect(description(reply)).toContain('정부24 생활맞춤형');
    expect(description(reply)).not.toContain('국민비서');
  });

  it('checks a rule with typed options and shows the verdict and its trace', async () => {
    const handle = standin.sendCommand(
      'rule',
      [
        {
          type: 1,
          name: 'single-source',
          options: [
            { type: 4, name: 'failed_rounds', value: 1 },
            { type: 3, name: 'date', value: '2020년 3월' },
          ],
        },
      ],
      { locale: 'ko' },
    );
    const reply = message(await handle.waitForFinal());
    const text = description(reply);
    expect(text).toContain('판단: 불가');
    expect(text).toContain('판단 과정');
    expect(text).toContain('single-source-one-failed-normal');
    expect(reply.embeds[0]!.color).toBe(0xd04545);
  });

  it.each([
    [
      [
        {
          type: 1,
          name: 'large-company',
          options: [
            { type: 3, name: 'tier', value: 'group' },
            { type: 10, name: 'amount', value: 100 },
          ],
        },
      ],
      'Not allowed',
    ],
    [
      [
        {
          type: 1,
          name: 'large-company',
          options: [
            { type: 3, name: 'tier', value: 'large-8000-plus' },
            { type: 10, name: 'amount', value: 75 },
            { type: 5, name: 'vat_included', value: false },
          ],
        },
      ],
      'Allowed',
    ],
    [[{ type: 1, name: 'subcontract', options: [{ type: 10, name: 'share', value: 60 }] }], 'Not allowed'],
    [
      [
        {
          type: 1,
          name: 'small-amount',
          options: [
            { type: 3, name: 'type', value: 'specialty-works' },
            { type: 10, name: 'amount', value: 2.5 },
            { type: 3, name: 'date', value: '2022-03-01' },
          ],
        },
      ],
      'Not allowed',
    ],
    [
      [
        {
          type: 1,
          name: 'small-amount',
          options: [
            { type: 3, name: 'type', value: 'goods-services' },
            { type: 10, name: 'amount', value: 0.8 },
            { type: 5, name: 'small_firm', value: true },
            { type: 3, name: 'date', value: '2022-03-01' },
          ],
        },
      ],
      'Allowed',
    ],
    [[{ type: 1, name: 'bid-notice', options: [{ type: 3, name: 'date', value: 'March 2021' }] }], 'Allowed'],
    [
      [
        {
          type: 1,
          name: 'measure',
          options: [
            { type: 3, name: 'measure', value: 'advance-payment' },
            { type: 3, name: 'date', value: '2021-10-01' },
          ],
        },
      ],
      'Allowed',
    ],
  ])('/rule %j → %s', async (options, verdict) => {
    const reply = message(await standin.sendCommand('rule', options, { locale: 'en-US' }).waitForFinal());
    expect(description(reply)).toContain(`Verdict: ${verdict}`);
  });

  it('says clearly when a date option cannot be read', async () => {
    const handle = standin.sendCommand(
      'rule',
      [
        {
          type: 1,
          name: 'single-source',
          options: [
            { type: 4, name: 'failed_rounds', value: 1 },
            { type: 3, name: 'date', value: 'someday' },
          ],
        },
      ],
      { locale: 'ko' },
    );
    const reply = message(await handle.waitForFinal());
    expect((await handle.callback).ephemeral).toBe(true);
    expect(reply.content).toContain('날짜를 읽을 수 없습니다');
  });

  it('shows the briefing facts, help, and the sources with the full list attached', async () => {
    expect(
      description(message(await standin.sendCommand('briefing', {}, { locale: 'ko' }).waitForFinal())),
    ).toContain('카카오TV');
    expect(
      description(message(await standin.sendCommand('help', {}, { locale: 'en-US' }).waitForFinal())),
    ).toContain('Try:');
    const handle = standin.sendCommand('sources', {}, { locale: 'ko' });
    const reply = message(await handle.waitForFinal());
    const sourceCount = realEngine().kb.sources.size;
    expect(description(reply)).toContain(`${sourceCount}개 출처`);
    const followup = await handle.waitForFollowup();
    expect(followup.attachments[0]!.filename).toBe('sources.md');
    const data = standin.attachmentData(followup.attachments[0]!)!.toString('utf8');
    expect(data.match(/^- \[/gm)).toHaveLength(sourceCount);
  });

  it('offers a picker when a name fits several projects, and answers the pick', async () => {
    const reply = message(
      await standin.sendCommand('ask', { question: '클라우드 사업' }, { locale: 'ko' }).waitForFinal(),
    );
    const pickId = customIds(reply).find((id) => id.startsWith('pick:'))!;
    expect(pickId).toBeDefined();
    const picked = message(
      await standin.selectMenu(reply, pickId, ['egov-cloud-platform'], { locale: 'ko' }).waitForFinal(),
    );
    expect(description(picked)).toContain('전자정부 클라우드 플랫폼');
  });

  it('stores a 👍 vote, and withdraws it when pressed again', async () => {
    const reply = message(
      await standin.sendCommand('ask', { question: '폐기물 사업 예산' }, { locale: 'ko' }).waitForFinal(),
    );
    const up = customIds(reply).find((id) => id.startsWith('fb:up:'))!;
    const key = up.split(':')[2]!;
    const user = standin.users.member.id;
    const thanks = message(await standin.clickButton(reply, up, { locale: 'ko' }).waitForFinal());
    expect(thanks.content).toContain('고맙습니다');
    expect(thanks.flags! & 64).toBe(64);
    expect(await stores.feedback.get(`${key}:${user}`)).toMatchObject({
      vote: 'up',
      request: { kind: 'question', text: '폐기물 사업 예산' },
    });
    const again = message(await standin.clickButton(reply, up, { locale: 'ko' }).waitForFinal());
    expect(again.content).toContain('취소');
    expect(await stores.feedback.get(`${key}:${user}`)).toBeUndefined();
    const down = customIds(reply).find((id) => id.startsWith('fb:down:'))!;
    await standin.clickButton(reply, down, { locale: 'ko' }).waitForFinal();
    expect(await stores.feedback.get(`${key}:${user}`)).toMatchObject({ vote: 'down' });
  });

  it('replies to a mention, without pinging anyone', async () => {
    const asked = await standin.sendMessage({
      content: '전자증명서 예산 알려줘 @everyone',
      mentionsBot: true,
    });
    const reply = await standin.waitForMessage((m) => m.message_reference?.message_id === asked.id);
    expect(description(reply)).toContain('82억원');
    const request = standin.requests.find(
      (r) =>
        r.method === 'POST' &&
        r.path.endsWith(`/channels/${standin.channelId}/messages`) &&
        JSON.stringify(r.body).includes(asked.id),
    );
    expect((request?.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({
      parse: [],
      replied_user: false,
    });
  });

  it('ignores messages that do not mention the bot, including @everyone', async () => {
    const before = standin.messages.get(standin.channelId)?.length ?? 0;
    await standin.sendMessage({ content: '@everyone 국민비서 예산?' });
    await standin.sendMessage({ content: '그냥 잡담' });
    // A mention sent afterwards is answered; nothing was answered in between.
    const asked = await standin.sendMessage({ content: '세움터 예산', mentionsBot: true });
    await standin.waitForMessage((m) => m.message_reference?.message_id === asked.id);
    expect(standin.messages.get(standin.channelId)!.length).toBe(before + 1);
  });

  it('gives every interaction a reply: unknown command, button, menu and form ids get a clear notice', async () => {
    const unknown = message(
      await standin
        .sendInteraction({
          type: InteractionType.ApplicationCommand,
          data: { name: 'nope', type: 1, id: '123456789012345678' },
        })
        .waitForFinal(),
    );
    expect(unknown.content).toContain('Unknown command');
    const reply = message(await standin.sendCommand('ask', { question: '국민비서' }).waitForFinal());
    for (const data of [
      { component_type: 2, custom_id: 'fb:sideways:zzz' },
      { component_type: 2, custom_id: 'totally-unknown' },
      { component_type: 3, custom_id: 'pick:zzz', values: ['not-a-project'] },
      { component_type: 2, custom_id: 'bq:zz' },
    ]) {
      const handle = standin.sendInteraction({
        type: InteractionType.MessageComponent,
        message: reply,
        data,
      });
      const notice = message(await handle.waitForFinal());
      expect(notice.content, data.custom_id).toContain('no longer available');
      expect((await handle.callback).ephemeral).toBe(true);
    }
    for (const customId of ['unknown-form', 'bq:zz:yy:xx']) {
      const handle = standin.sendInteraction({
        type: InteractionType.ModalSubmit,
        data: { custom_id: customId, components: [] },
      });
      expect(message(await handle.waitForFinal()).content, customId).toContain('no longer available');
    }
    expect(logs.some((l) => l.msg === 'interaction failed')).toBe(false);
    const after = message(await standin.sendCommand('ask', { question: '세움터 예산' }).waitForFinal());
    expect(description(after)).toContain('112억원');
  });

  it.each([
    [
      'large-company',
      [
        { type: 3, name: 'tier', value: 'group' },
        { type: 10, name: 'amount', value: 'lots' },
      ],
      'amount',
    ],
    ['subcontract', [{ type: 10, name: 'share', value: '60%' }], 'share'],
    ['single-source', [{ type: 4, name: 'failed_rounds', value: 1.5 }], 'failed_rounds'],
    [
      'large-company',
      [
        { type: 3, name: 'tier', value: 'emperor' },
        { type: 10, name: 'amount', value: 10 },
      ],
      'tier',
    ],
    ['measure', [{ type: 3, name: 'measure', value: 'bribes' }], 'measure'],
  ])('/rule %s with a bad value says what is expected, never NaN', async (sub, options, name) => {
    const handle = standin.sendCommand('rule', [{ type: 1, name: sub, options }]);
    const notice = message(await handle.waitForFinal());
    expect(notice.content).toContain(name);
    expect(notice.content).not.toContain('NaN');
    expect((await handle.callback).ephemeral).toBe(true);
  });

  it('survives a malformed gateway event (a guild interaction with neither member nor user)', async () => {
    sendMemberlessInteraction(standin);
    standin.dispatchRaw('INTERACTION_CREATE', null);
    await vi.waitFor(() => {
      expect(logs.filter((l) => l.msg === 'malformed gateway event ignored')).toHaveLength(2);
    });
    const after = message(await standin.sendCommand('ask', { question: '세움터 예산' }).waitForFinal());
    expect(description(after)).toContain('112억원');
  });

  it('resumes after a gateway drop and keeps answering', async () => {
    const identifies = standin.counters.identifies;
    standin.dropGateway();
    await standin.waitForResume();
    const reply = message(await standin.sendCommand('ask', { question: '전자증명서 예산' }).waitForFinal());
    expect(description(reply)).toContain('82억원');
    expect(standin.counters.identifies).toBe(identifies);
  });

  it('acknowledged every interaction it was sent (the stand-in rejects callbacks after 3 s)', () => {
    expect(standin.interactions.length).toBeGreaterThan(20);
    expect(
      standin.interactions.filter((i) => i.acknowledged === undefined).map((i) => i.payload['data']),
    ).toEqual([]);
    expect(standin.internalErrors).toEqual([]);
  });
});

describe('rate limit', () => {
  it('tells a user who asks too fast when to try again, and serves others', async () => {
    const standin = await startDiscordStandin();
    const dir = mkdtempSync(join(tmpdir(), 'bot-rl-'));
    const stores = await openStores({ storePath: join(dir, 'rl.sqlite') });
    const bot = createBot({
      token: standin.token,
      apiUrl: standin.apiUrl,
      engine: realEngine(),
      stores,
      logger: pino({ level: 'silent' }),
      rateLimitPerMinute: 2,
    });
    try {
      await bot.ready;
      const ask = (user: string) =>
        standin.sendInteraction({
          type: InteractionType.ApplicationCommand,
          user,
          locale: 'ko',
          data: {
            name: 'ask',
            type: 1,
            id: '123456789012345679',
            options: [{ type: 3, name: 'question', value: '국민비서' }],
          },
        });
      await ask('111111111111111111').waitForFinal();
      await ask('111111111111111111').waitForFinal();
      const limited = message(await ask('111111111111111111').waitForFinal());
      expect(limited.content).toMatch(/질문이 너무 잦습니다\. \d+초 후/);
      expect(limited.flags! & 64).toBe(64);
      const other = message(await ask('222222222222222222').waitForFinal());
      expect(other.embeds.length).toBeGreaterThan(0);
    } finally {
      await bot.stop();
      await stores.close();
      await standin.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('process lifecycle', () => {
  it('starts with npm start settings, serves, and exits cleanly on SIGTERM', async () => {
    const standin = await startDiscordStandin();
    const dir = mkdtempSync(join(tmpdir(), 'bot-proc-'));
    const bot = startBotProcess(standin, { STORE_PATH: join(dir, 'p.sqlite') });
    try {
      await standin.waitForReady();
      await bot.ready();
      const reply = message(await standin.sendCommand('ask', { question: '정부24 예산' }).waitForFinal());
      expect(description(reply)).toContain('53억원');
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
      expect(bot.stderr()).toContain('shutting down');
      expect(bot.stderr()).not.toContain(standin.token);
    } finally {
      bot.child.kill('SIGKILL');
      await standin.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
