import { once } from 'node:events';
import zlib from 'node:zlib';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  ModalBuilder,
  Routes,
  TextInputStyle,
  type Interaction,
  type Message,
  type TextChannel,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { startDiscordStandin, type DiscordStandin, type InteractionHandle } from './discordStandin.js';

/** Short response window so the "too late" path runs quickly; still ample for local round trips. */
const WINDOW_MS = 1500;

type Handler = (interaction: Interaction) => Promise<void>;

function tcpHandleCount(): number {
  return process
    .getActiveResourcesInfo()
    .filter((name) => name === 'TCPSocketWrap' || name === 'TCPServerWrap').length;
}

/** Runs `handler` for the next interaction with this command name / custom id; resolves with its result. */
function onInteraction<T>(
  handlers: Map<string, Handler>,
  key: string,
  handler: (interaction: Interaction) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    handlers.set(key, async (interaction) => {
      handlers.delete(key);
      try {
        resolve(await handler(interaction));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

function interactionKey(interaction: Interaction): string {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isMessageComponent() || interaction.isModalSubmit()) return interaction.customId;
  return '';
}

describe('Discord stand-in driven by a real discord.js Client', () => {
  let standin: DiscordStandin;
  let client: Client<true>;
  let channel: TextChannel;
  const handlers = new Map<string, Handler>();
  let tcpHandlesBefore = 0;

  beforeAll(async () => {
    tcpHandlesBefore = tcpHandleCount();
    standin = await startDiscordStandin({ interactionWindowMs: WINDOW_MS, heartbeatIntervalMs: 200 });
    const created = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
      rest: { api: standin.apiUrl },
    });
    created.on(Events.InteractionCreate, (interaction) => {
      void handlers.get(interactionKey(interaction))?.(interaction);
    });
    const ready = once(created, Events.ClientReady);
    await created.login(standin.token);
    await ready;
    if (!created.isReady()) throw new Error('client not ready');
    client = created;
    const fetched = client.channels.cache.get(standin.channelId);
    if (fetched?.isTextBased() !== true || fetched.isDMBased())
      throw new Error('stand-in channel missing from cache');
    channel = fetched as TextChannel;
  });

  afterAll(async () => {
    await client.destroy();
    await standin.close();
  });

  it('logs in via GET /gateway/bot + IDENTIFY and fills caches from READY and GUILD_CREATE', async () => {
    expect(client.user.id).toBe(standin.botUserId);
    expect(client.application.id).toBe(standin.applicationId);
    const guild = client.guilds.cache.get(standin.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.roles.cache.get(standin.roles.organiser.id)?.name).toBe('Organiser');
    expect(
      guild?.members.cache.get(standin.users.organiser.id)?.roles.cache.has(standin.roles.organiser.id),
    ).toBe(true);
    expect(channel.name).toBe('general');

    expect(standin.counters.identifies).toBe(1);
    const identify = await standin.waitForIdentify();
    expect(identify.intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.MessageContent,
    );
    const gatewayBot = await standin.waitForRequest((request) => request.path === '/gateway/bot');
    expect(gatewayBot.headers.authorization).toBe('Bot standin-token');
    expect(standin.connectionPaths[0]).toBe('/gateway');

    await standin.waitFor(() => (standin.counters.heartbeats > 0 ? true : undefined), 3000, 'a heartbeat');
    await vi.waitFor(() => {
      expect(client.ws.ping).toBeGreaterThanOrEqual(0);
    });
  });

  it('answers REST like Discord: rate-limit headers, 401 for a bad token, 404 for unknown routes', async () => {
    const ok = await fetch(`${standin.apiUrl}/v10/users/@me`, {
      headers: { authorization: `Bot ${standin.token}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-ratelimit-limit')).toBe('50');
    expect(ok.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
    expect(Number(ok.headers.get('x-ratelimit-reset-after'))).toBeGreaterThan(0);
    expect(await ok.json()).toMatchObject({ id: standin.botUserId, bot: true });

    const unauthorized = await fetch(`${standin.apiUrl}/v10/users/@me`, {
      headers: { authorization: 'Bot nope' },
    });
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toEqual({ message: '401: Unauthorized', code: 0 });

    const missing = await fetch(`${standin.apiUrl}/v10/nothing/here`, {
      headers: { authorization: `Bot ${standin.token}` },
    });
    expect(missing.status).toBe(404);
  });

  it('rejects a wrong token: discord.js login fails on REST 401, the gateway closes with 4004', async () => {
    const intruder = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: standin.apiUrl } });
    await expect(intruder.login('wrong-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    await intruder.destroy();

    const ws = new WebSocket(`${standin.gatewayUrl}?v=10&encoding=json`);
    const [hello] = (await once(ws, 'message')) as [Buffer];
    expect(JSON.parse(hello.toString())).toMatchObject({ op: 10, d: { heartbeat_interval: 200 } });
    ws.send(JSON.stringify({ op: 2, d: { token: 'wrong-token', intents: 1, properties: {} } }));
    const [code] = (await once(ws, 'close')) as [number];
    expect(code).toBe(4004);
  });

  it('registers global and guild commands, keeps ids stable, and rejects invalid definitions with 50035', async () => {
    const search = {
      name: 'search',
      description: 'Search the programme',
      nameLocalizations: { ko: '검색' },
      options: [
        { type: 3, name: 'query', description: 'What to look for', required: true, autocomplete: true },
      ],
    };
    const first = await client.application.commands.set([search, { name: 'ping', description: 'Ping' }]);
    const second = await client.application.commands.set([search]);
    expect(second.first()?.id).toBe(first.find((command) => command.name === 'search')?.id);
    expect(standin.globalCommands.map((command) => command.name)).toEqual(['search']);
    expect(standin.globalCommands[0]?.name_localizations).toEqual({ ko: '검색' });

    const guild = client.guilds.cache.get(standin.guildId)!;
    await guild.commands.set([{ name: 'brief', description: 'Post the briefing' }]);
    expect(standin.guildCommands[0]).toMatchObject({ name: 'brief', guild_id: standin.guildId });

    const invalid = await client.application.commands
      .set([{ name: 'Bad Name', description: 'x'.repeat(101) }])
      .catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(DiscordAPIError);
    const apiError = invalid as DiscordAPIError;
    expect(apiError.code).toBe(50035);
    expect(apiError.rawError).toMatchObject({
      errors: {
        0: {
          name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] },
          description: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] },
        },
      },
    });
  });

  it('delivers a slash command and records an ephemeral reply with allowed_mentions as sent', async () => {
    const organiser = standin.users.organiser.id;
    const replied = onInteraction(handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      expect(interaction.user.id).toBe(standin.users.member.id);
      expect(interaction.guildId).toBe(standin.guildId);
      expect(interaction.locale).toBe('ko');
      await interaction.reply({
        content: `pong <@${organiser}>`,
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
    });
    const handle = standin.sendCommand('ping', {}, { locale: 'ko' });
    await replied;

    const callback = await handle.callback;
    expect(callback.type).toBe(4);
    expect(callback.ephemeral).toBe(true);
    expect(callback.data).toMatchObject({
      content: `pong <@${organiser}>`,
      flags: MessageFlags.Ephemeral,
      allowed_mentions: { parse: [] },
    });
    expect(callback.latencyMs).toBeLessThan(WINDOW_MS);
    const request = await standin.waitForRequest(
      (candidate) => candidate.path === `/interactions/${handle.id}/${handle.token}/callback`,
    );
    expect(request.query.with_response).toBe('false');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.status).toBe(204);

    const original = await handle.original();
    expect(original?.flags).toBe(MessageFlags.Ephemeral);
    expect(original?.mentions).toEqual([]);
    expect(original?.webhook_id).toBe(standin.applicationId);
    expect(original?.interaction_metadata?.id).toBe(handle.id);
    // Ephemeral responses never show up in channel history.
    const history = await channel.messages.fetch({ limit: 50, cache: false });
    expect(history.has(original!.id)).toBe(false);
  });

  it('returns the interaction callback response object for withResponse', async () => {
    const response = onInteraction(handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      return interaction.reply({ content: 'pong', withResponse: true });
    });
    const handle = standin.sendCommand('ping');
    const result = await response;
    expect(result.interaction.id).toBe(handle.id);
    expect(result.interaction.responseMessageEphemeral).toBe(false);
    expect(result.resource?.message?.content).toBe('pong');
    expect((await handle.callback).withResponse).toBe(true);
  });

  it('handles deferReply followed by editReply', async () => {
    const edited = onInteraction(handlers, 'search', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.deferReply();
      return interaction.editReply(`results for ${interaction.options.getString('query', true)}`);
    });
    const handle = standin.sendCommand('search', { query: 'procurement' });
    const final = await handle.waitForFinal();
    expect(final.kind).toBe('message');
    if (final.kind !== 'message') return;
    expect(final.callbackType).toBe(5);
    expect(final.message.content).toBe('results for procurement');
    expect(final.message.flags).toBe(0);
    expect(final.ephemeral).toBe(false);
    expect((await edited).content).toBe('results for procurement');
    expect(handle.originalEdits).toHaveLength(1);
    expect(standin.messages.get(standin.channelId)?.some((message) => message.id === final.message.id)).toBe(
      true,
    );
  });

  it("turns the first follow-up after a deferral into the reply, keeping the deferral's ephemerality", async () => {
    const done = onInteraction(handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.followUp('first'); // fills the "thinking…" message, still ephemeral
      await interaction.followUp({ content: 'second', flags: MessageFlags.Ephemeral });
    });
    const handle = standin.sendCommand('ping');
    await done;
    const final = await handle.waitForFinal();
    expect(final).toMatchObject({
      kind: 'message',
      callbackType: 5,
      ephemeral: true,
      message: { content: 'first' },
    });
    expect(handle.followups.map((message) => message.content)).toEqual(['second']);
  });

  it('fails a reply sent after the response window with 10062 Unknown interaction', async () => {
    const outcome = onInteraction(handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      // The stand-in rejects `callback` once the window has passed: no fixed sleep needed.
      await handle.callback.catch(() => undefined);
      return interaction.reply('too late').catch((error: unknown) => error);
    });
    // Declared after the handler on purpose: the handler only runs once the dispatch arrives.
    const handle: InteractionHandle = standin.sendCommand('ping');
    await expect(handle.callback).rejects.toThrow(/not acknowledged/);
    const error = await outcome;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 10062, status: 404 });
    await expect(handle.waitForFinal()).rejects.toThrow(/did not respond/);
  });

  it('rejects a second callback with 40060 and keeps the first reply', async () => {
    const second = onInteraction(handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.reply('first');
      return client.rest
        .post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: { type: 4, data: { content: 'second' } },
          auth: false,
        })
        .catch((error: unknown) => error);
    });
    const handle = standin.sendCommand('ping');
    expect(await second).toMatchObject({
      code: 40060,
      status: 400,
      message: 'Interaction has already been acknowledged.',
    });
    const final = await handle.waitForFinal();
    expect(final.kind === 'message' && final.message.content).toBe('first');
  });

  it('rejects 2001-character content with 50035 and leaves the interaction answerable', async () => {
    const failure = onInteraction(handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      const error = await interaction.reply('x'.repeat(2001)).catch((caught: unknown) => caught);
      await interaction.reply('x'.repeat(2000));
      return error;
    });
    const handle = standin.sendCommand('ping');
    const error = await failure;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50035, status: 400 });
    expect((error as DiscordAPIError).message).toContain(
      'data.content[BASE_TYPE_MAX_LENGTH]: Must be 2000 or fewer in length.',
    );
    const final = await handle.waitForFinal();
    expect(final.kind === 'message' && final.message.content.length).toBe(2000);
  });

  it.each([
    [
      'content over 2000',
      { content: 'x'.repeat(2001) },
      { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
    ],
    [
      'more than 10 embeds',
      { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) },
      { embeds: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
    ],
    [
      'embed title over 256',
      { embeds: [{ title: 't'.repeat(257) }] },
      { embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } },
    ],
    [
      'embed description over 4096',
      { embeds: [{ description: 'd'.repeat(4097) }] },
      { embeds: { 0: { description: {} } } },
    ],
    [
      'more than 25 fields',
      { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] },
      { embeds: { 0: { fields: {} } } },
    ],
    [
      'field value over 1024',
      { embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }] },
      { embeds: { 0: { fields: { 0: { value: {} } } } } },
    ],
    [
      'embeds over 6000 characters in total',
      { embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] },
      { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } },
    ],
    [
      'more than 5 action rows',
      {
        components: Array.from({ length: 6 }, (_, row) => ({
          type: 1,
          components: [{ type: 2, style: 1, label: 'b', custom_id: `r${row}` }],
        })),
      },
      { components: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
    ],
    [
      'more than 5 buttons in a row',
      {
        components: [
          {
            type: 1,
            components: Array.from({ length: 6 }, (_, index) => ({
              type: 2,
              style: 1,
              label: 'b',
              custom_id: `b${index}`,
            })),
          },
        ],
      },
      { components: { 0: { components: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } } },
    ],
    [
      'custom_id over 100 and label over 80',
      {
        components: [
          { type: 1, components: [{ type: 2, style: 1, label: 'l'.repeat(81), custom_id: 'c'.repeat(101) }] },
        ],
      },
      { components: { 0: { components: { 0: { custom_id: {}, label: {} } } } } },
    ],
    [
      'more than 25 select options',
      {
        components: [
          {
            type: 1,
            components: [
              {
                type: 3,
                custom_id: 'pick',
                options: Array.from({ length: 26 }, (_, index) => ({
                  label: `o${index}`,
                  value: `o${index}`,
                })),
              },
            ],
          },
        ],
      },
      {
        components: {
          0: { components: { 0: { options: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } } },
        },
      },
    ],
  ])('validates channel messages like Discord: %s', async (_name, body, errors) => {
    const error = await client.rest
      .post(Routes.channelMessages(standin.channelId), { body })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({
      code: 50035,
      status: 400,
      rawError: { message: 'Invalid Form Body', errors },
    });
  });

  it('rejects an empty message with 50006', async () => {
    const error = await client.rest
      .post(Routes.channelMessages(standin.channelId), { body: { content: '  ' } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 50006, status: 400, message: 'Cannot send an empty message' });
  });

  it('answers autocomplete and enforces the 25-choice limit', async () => {
    const outcome = onInteraction(handlers, 'search', async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
      expect(interaction.options.getFocused()).toBe('pro');
      const tooMany = Array.from({ length: 26 }, (_, index) => ({
        name: `choice ${index}`,
        value: `c${index}`,
      }));
      const error = await interaction.respond(tooMany).catch((caught: unknown) => caught);
      await interaction.respond([{ name: 'procurement rules', value: 'procurement' }]);
      return error;
    });
    const handle = standin.sendAutocomplete('search', { query: 'pro' }, 'query');
    expect(await outcome).toMatchObject({
      code: 50035,
      rawError: { errors: { data: { choices: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } },
    });
    const final = await handle.waitForFinal();
    expect(final).toMatchObject({
      kind: 'autocomplete',
      callbackType: 8,
      choices: [{ name: 'procurement rules', value: 'procurement' }],
    });
  });

  it('delivers MESSAGE_CREATE to messageCreate and records message.reply', async () => {
    const botId = standin.botUserId;
    const received = new Promise<Message>((resolve) => {
      const listener = (message: Message): void => {
        if (message.author.bot) return;
        client.off(Events.MessageCreate, listener);
        resolve(message);
      };
      client.on(Events.MessageCreate, listener);
    });
    const sent = await standin.sendMessage({
      content: 'what changed in 2021?',
      mentionsBot: true,
      authorId: standin.users.organiser.id,
    });
    const message = await received;
    expect(message.id).toBe(sent.id);
    expect(message.content).toBe(`<@${botId}> what changed in 2021?`);
    expect(message.mentions.users.has(botId)).toBe(true);
    expect(message.member?.roles.cache.has(standin.roles.organiser.id)).toBe(true);

    await message.reply('Here is the briefing.');
    const reply = await standin.waitForMessage(
      (candidate) => candidate.message_reference?.message_id === sent.id,
    );
    expect(reply.type).toBe(19);
    expect(reply.content).toBe('Here is the briefing.');
    expect(reply.author.id).toBe(botId);
    // Without allowed_mentions, Discord pings the replied-to author.
    expect(reply.mentions.map((user) => user.id)).toEqual([standin.users.organiser.id]);
  });

  it('accepts multipart uploads (payload_json + files[n]) and serves the attachment', async () => {
    const csv = 'programme,budget\nportal,120\n';
    const done = onInteraction(handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply({
        content: 'Export attached',
        files: [new AttachmentBuilder(Buffer.from(csv), { name: 'export.csv' })],
      });
    });
    const handle = standin.sendCommand('ping');
    await done;
    const final = await handle.waitForFinal();
    if (final.kind !== 'message') throw new Error('expected a message');
    expect(final.ephemeral).toBe(true);
    const [attachment] = final.message.attachments;
    expect(attachment).toMatchObject({
      filename: 'export.csv',
      content_type: 'text/csv; charset=utf-8',
      size: csv.length,
    });
    expect(standin.attachmentData(attachment!)?.toString()).toBe(csv);
    expect(await (await fetch(attachment!.url)).text()).toBe(csv);
    const upload = await standin.waitForRequest(
      (request) =>
        request.method === 'PATCH' &&
        request.path === `/webhooks/${standin.applicationId}/${handle.token}/messages/@original`,
    );
    expect(upload.files).toMatchObject([{ key: 'files[0]', filename: 'export.csv' }]);
    expect(upload.body).toMatchObject({ content: 'Export attached', attachments: [{ id: '0' }] });
  });

  it('delivers button clicks and modal submissions', async () => {
    const posted = await channel.send({
      content: 'Confirm the briefing?',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('confirm').setLabel('Confirm').setStyle(ButtonStyle.Primary),
        ),
      ],
    });
    const updated = onInteraction(handlers, 'confirm', async (interaction) => {
      if (!interaction.isButton()) throw new Error('expected a button');
      await interaction.update({ content: 'Confirmed', components: [] });
    });
    const click = standin.clickButton(posted.id, 'confirm', { user: standin.users.organiser.id });
    await updated;
    const final = await click.waitForFinal();
    expect(final).toMatchObject({
      kind: 'message',
      callbackType: 7,
      message: { id: posted.id, content: 'Confirmed', components: [] },
    });
    expect(() => standin.clickButton(posted.id, 'confirm')).toThrow(/no component/);

    const shown = onInteraction(handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.showModal(
        new ModalBuilder()
          .setCustomId('feedback')
          .setTitle('Feedback')
          .addLabelComponents((label) =>
            label
              .setLabel('Comment')
              .setTextInputComponent((input) =>
                input.setCustomId('comment').setStyle(TextInputStyle.Paragraph),
              ),
          ),
      );
    });
    const command = standin.sendCommand('ping');
    await shown;
    expect(await command.waitForFinal()).toMatchObject({
      kind: 'modal',
      modal: { custom_id: 'feedback', title: 'Feedback' },
    });
    const thanked = onInteraction(handlers, 'feedback', async (interaction) => {
      if (!interaction.isModalSubmit()) throw new Error('expected a modal submit');
      await interaction.reply({
        content: `Thanks: ${interaction.fields.getTextInputValue('comment')}`,
        flags: MessageFlags.Ephemeral,
      });
    });
    const submit = command.submitModal({ comment: 'clear and short' });
    await thanked;
    expect(await submit.waitForFinal()).toMatchObject({
      kind: 'message',
      ephemeral: true,
      message: { content: 'Thanks: clear and short' },
    });
  });

  it('backs off on a 429 with retry_after before retrying', async () => {
    standin.rateLimitNext({ method: 'POST', path: '/channels/:channel/messages', retryAfterMs: 300 });
    const since = Date.now();
    await channel.send('after the back-off');
    const attempts = standin.requests.filter(
      (request) =>
        request.route === '/channels/:channel/messages' && request.method === 'POST' && request.time >= since,
    );
    expect(attempts.map((request) => request.status)).toEqual([429, 200]);
    expect(attempts[1]!.time - attempts[0]!.time).toBeGreaterThanOrEqual(300);
  });

  it('resumes (not re-identifies) after a dropped connection and replays what was missed', async () => {
    const resumed = once(client, Events.ShardResume);
    expect(standin.dropGateway()).toBe(1);
    // Sent while the client is disconnected: delivered by the RESUME replay.
    const replied = onInteraction(handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.reply('still here');
    });
    const handle = standin.sendCommand('ping');
    await standin.waitForResume(1);
    await resumed;
    await replied;
    expect((await handle.waitForFinal()).kind).toBe('message');
    expect(standin.counters.identifies).toBe(1);
    expect(standin.connectionPaths.at(-1)).toBe('/gateway/resume');

    // A resumable close code behaves the same; the next interaction still works.
    standin.dropGateway({ code: 4000 });
    await standin.waitForResume(2);
    const again = onInteraction(handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.reply('after resume');
    });
    const next = standin.sendCommand('ping');
    await again;
    const final = await next.waitForFinal();
    expect(final.kind === 'message' && final.message.content).toBe('after resume');
    expect(standin.counters.identifies).toBe(1);
    expect(standin.internalErrors).toEqual([]);
  });

  it('leaves no open sockets after client.destroy() and standin.close()', async () => {
    await client.destroy();
    await standin.close();
    await vi.waitFor(() => {
      expect(tcpHandleCount()).toBeLessThanOrEqual(tcpHandlesBefore);
    });
  });
});

describe('Discord stand-in gateway protocol (raw WebSocket)', () => {
  let standin: DiscordStandin;

  beforeAll(async () => {
    standin = await startDiscordStandin();
  });

  afterAll(async () => {
    await standin.close();
  });

  /** Collects JSON payloads from a raw connection, optionally zlib-stream compressed. */
  function connect(
    url: string,
    compressed = false,
  ): { ws: WebSocket; next: (op?: number, t?: string) => Promise<Record<string, unknown>> } {
    const ws = new WebSocket(url);
    const queue: Record<string, unknown>[] = [];
    let waiting: (() => void) | undefined;
    // zlib-stream shares one deflate context across frames: inflate everything received so far
    // (synchronously, so frames cannot interleave) and take the newly produced text.
    let stream = Buffer.alloc(0);
    let consumed = 0;
    ws.on('message', (data: Buffer, isBinary) => {
      let text = data.toString();
      if (compressed && isBinary) {
        expect(data.subarray(-4).toString('hex')).toBe('0000ffff');
        stream = Buffer.concat([stream, data]);
        const inflated = zlib.inflateSync(stream, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString();
        text = inflated.slice(consumed);
        consumed = inflated.length;
      }
      queue.push(JSON.parse(text) as Record<string, unknown>);
      waiting?.();
    });
    const next = async (op?: number, t?: string): Promise<Record<string, unknown>> => {
      for (;;) {
        const index = queue.findIndex(
          (payload) => (op === undefined || payload.op === op) && (t === undefined || payload.t === t),
        );
        if (index >= 0) return queue.splice(index, 1)[0]!;
        await new Promise<void>((resolve) => {
          waiting = resolve;
        });
      }
    };
    return { ws, next };
  }

  it('speaks zlib-stream, acks heartbeats, and sends READY then GUILD_CREATE with increasing s', async () => {
    const { ws, next } = connect(`${standin.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`, true);
    expect(await next(10)).toMatchObject({ op: 10, d: { heartbeat_interval: 41250 } });
    ws.send(JSON.stringify({ op: 1, d: null }));
    expect(await next(11)).toMatchObject({ op: 11 });
    ws.send(
      JSON.stringify({
        op: 2,
        d: { token: standin.token, intents: GatewayIntentBits.Guilds, properties: { os: 'linux' } },
      }),
    );
    const ready = await next(0, 'READY');
    expect(ready).toMatchObject({
      s: 1,
      d: { v: 10, user: { id: standin.botUserId }, guilds: [{ id: standin.guildId, unavailable: true }] },
    });
    expect((ready.d as Record<string, unknown>).resume_gateway_url).toMatch(
      /^ws:\/\/127\.0\.0\.1:\d+\/gateway\/resume$/,
    );
    expect(await next(0, 'GUILD_CREATE')).toMatchObject({
      s: 2,
      d: { id: standin.guildId, channels: [{ id: standin.channelId, type: 0 }] },
    });
    ws.close(1000);
    await once(ws, 'close');
  });

  it('expires interaction webhook tokens after tokenLifetimeMs with 50027', async () => {
    const shortLived = await startDiscordStandin({ tokenLifetimeMs: 200 });
    try {
      const { ws, next } = connect(`${shortLived.gatewayUrl}?v=10&encoding=json`);
      await next(10);
      ws.send(
        JSON.stringify({
          op: 2,
          d: { token: shortLived.token, intents: GatewayIntentBits.Guilds, properties: {} },
        }),
      );
      await next(0, 'READY');
      const handle = shortLived.sendCommand('ping');
      expect(await next(0, 'INTERACTION_CREATE')).toMatchObject({
        d: { id: handle.id, token: handle.token, data: { name: 'ping', type: 1 } },
      });
      const api = `${shortLived.apiUrl}/v10`;
      const deferred = await fetch(`${api}/interactions/${handle.id}/${handle.token}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 5 }),
      });
      expect(deferred.status).toBe(204);
      const edit = (): Promise<Response> =>
        fetch(`${api}/webhooks/${shortLived.applicationId}/${handle.token}/messages/@original`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ content: 'late result' }),
        });
      // Polls instead of sleeping: edits succeed until the token's lifetime is over.
      await vi.waitFor(async () => {
        const response = await edit();
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({ message: 'Invalid Webhook Token', code: 50027 });
      });
      ws.close(1000);
      await once(ws, 'close');
    } finally {
      await shortLived.close();
    }
  });

  it('answers a RESUME of an unknown session with op 9 and withholds message content without the intent', async () => {
    const resume = connect(`${standin.gatewayUrl}?v=10&encoding=json`);
    await resume.next(10);
    resume.ws.send(JSON.stringify({ op: 6, d: { token: standin.token, session_id: 'nope', seq: 3 } }));
    expect(await resume.next(9)).toMatchObject({ op: 9, d: false });
    expect(standin.counters.invalidSessions).toBe(1);
    resume.ws.close(1000);

    const { ws, next } = connect(`${standin.gatewayUrl}?v=10&encoding=json`);
    await next(10);
    ws.send(
      JSON.stringify({
        op: 2,
        d: {
          token: standin.token,
          intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages,
          properties: {},
        },
      }),
    );
    await next(0, 'GUILD_CREATE');
    await standin.sendMessage({ content: 'no intent, no content' });
    expect(await next(0, 'MESSAGE_CREATE')).toMatchObject({
      d: { content: '', author: { id: standin.users.member.id } },
    });
    await standin.sendMessage({ content: 'mentions are readable', mentionsBot: true });
    expect(await next(0, 'MESSAGE_CREATE')).toMatchObject({
      d: { content: `<@${standin.botUserId}> mentions are readable` },
    });
    ws.close(1000);
    await once(ws, 'close');
  });
});
