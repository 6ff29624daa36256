import { DiscordAPIError, MessageFlags, Routes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { InteractionHandle } from '../support/discordStandin.js';
import { WINDOW_MS, onInteraction, useClientOnStandin } from './client.js';

describe('Discord stand-in with a real discord.js client: interaction replies, deferrals and their errors', () => {
  const c = useClientOnStandin();

  it('delivers a slash command and records an ephemeral reply with allowed_mentions as sent', async () => {
    const organiser = c.standin.users.organiser.id;
    const replied = onInteraction(c.handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      expect(interaction.user.id).toBe(c.standin.users.member.id);
      expect(interaction.guildId).toBe(c.standin.guildId);
      expect(interaction.locale).toBe('ko');
      await interaction.reply({
        content: `pong <@${organiser}>`,
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
    });
    const handle = c.standin.sendCommand('ping', {}, { locale: 'ko' });
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
    const request = await c.standin.waitForRequest(
      (candidate) => candidate.path === `/interactions/${handle.id}/${handle.token}/callback`,
    );
    expect(request.query.with_response).toBe('false');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.status).toBe(204);

    const original = await handle.original();
    expect(original?.flags).toBe(MessageFlags.Ephemeral);
    expect(original?.mentions).toEqual([]);
    expect(original?.webhook_id).toBe(c.standin.applicationId);
    expect(original?.interaction_metadata?.id).toBe(handle.id);
    // Ephemeral responses never show up in channel history.
    const history = await c.channel.messages.fetch({ limit: 50, cache: false });
    expect(history.has(original!.id)).toBe(false);
  });

  it('returns the interaction callback response object for withResponse', async () => {
    const response = onInteraction(c.handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      return interaction.reply({ content: 'pong', withResponse: true });
    });
    const handle = c.standin.sendCommand('ping');
    const result = await response;
    expect(result.interaction.id).toBe(handle.id);
    expect(result.interaction.responseMessageEphemeral).toBe(false);
    expect(result.resource?.message?.content).toBe('pong');
    expect((await handle.callback).withResponse).toBe(true);
  });

  it('handles deferReply followed by editReply', async () => {
    const edited = onInteraction(c.handlers, 'search', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.deferReply();
      return interaction.editReply(`results for ${interaction.options.getString('query', true)}`);
    });
    const handle = c.standin.sendCommand('search', { query: 'procurement' });
    const final = await handle.waitForFinal();
    expect(final.kind).toBe('message');
    if (final.kind !== 'message') return;
    expect(final.callbackType).toBe(5);
    expect(final.message.content).toBe('results for procurement');
    expect(final.message.flags).toBe(0);
    expect(final.ephemeral).toBe(false);
    expect((await edited).content).toBe('results for procurement');
    expect(handle.originalEdits).toHaveLength(1);
    expect(
      c.standin.messages.get(c.standin.channelId)?.some((message) => message.id === final.message.id),
    ).toBe(true);
  });

  it("turns the first follow-up after a deferral into the reply, keeping the deferral's ephemerality", async () => {
    const done = onInteraction(c.handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.followUp('first'); // fills the "thinking…" message, still ephemeral
      await interaction.followUp({ content: 'second', flags: MessageFlags.Ephemeral });
    });
    const handle = c.standin.sendCommand('ping');
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
    const outcome = onInteraction(c.handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      // The stand-in rejects `callback` once the window has passed: no fixed sleep needed.
      await handle.callback.catch(() => undefined);
      return interaction.reply('too late').catch((error: unknown) => error);
    });
    // Declared after the handler on purpose: the handler only runs once the dispatch arrives.
    const handle: InteractionHandle = c.standin.sendCommand('ping');
    await expect(handle.callback).rejects.toThrow(/not acknowledged/);
    const error = await outcome;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 10062, status: 404 });
    await expect(handle.waitForFinal()).rejects.toThrow(/did not respond/);
  });

  it('rejects a second callback with 40060 and keeps the first reply', async () => {
    const second = onInteraction(c.handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.reply('first');
      return c.client.rest
        .post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: { type: 4, data: { content: 'second' } },
          auth: false,
        })
        .catch((error: unknown) => error);
    });
    const handle = c.standin.sendCommand('ping');
    expect(await second).toMatchObject({
      code: 40060,
      status: 400,
      message: 'Interaction has already been acknowledged.',
    });
    const final = await handle.waitForFinal();
    expect(final.kind === 'message' && final.message.content).toBe('first');
  });

  it('rejects 2001-character content with 50035 and leaves the interaction answerable', async () => {
    const failure = onInteraction(c.handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      const error = await interaction.reply('x'.repeat(2001)).catch((caught: unknown) => caught);
      await interaction.reply('x'.repeat(2000));
      return error;
    });
    const handle = c.standin.sendCommand('ping');
    const error = await failure;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50035, status: 400 });
    expect((error as DiscordAPIError).message).toContain(
      'data.content[BASE_TYPE_MAX_LENGTH]: Must be 2000 or fewer in length.',
    );
    const final = await handle.waitForFinal();
    expect(final.kind === 'message' && final.message.content.length).toBe(2000);
  });

  it('rejects an empty message with 50006', async () => {
    const error = await c.client.rest
      .post(Routes.channelMessages(c.standin.channelId), { body: { content: '  ' } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 50006, status: 400, message: 'Cannot send an empty message' });
  });
});
