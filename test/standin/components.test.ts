import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  Events,
  MessageFlags,
  ModalBuilder,
  TextInputStyle,
  type Message,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { onInteraction, useClientOnStandin } from './client.js';

describe('Discord stand-in with a real discord.js client: autocomplete, messages, uploads, buttons, modals', () => {
  const c = useClientOnStandin();

  it('answers autocomplete and enforces the 25-choice limit', async () => {
    const outcome = onInteraction(c.handlers, 'search', async (interaction) => {
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
    const handle = c.standin.sendAutocomplete('search', { query: 'pro' }, 'query');
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
    const botId = c.standin.botUserId;
    const received = new Promise<Message>((resolve) => {
      const listener = (message: Message): void => {
        if (message.author.bot) return;
        c.client.off(Events.MessageCreate, listener);
        resolve(message);
      };
      c.client.on(Events.MessageCreate, listener);
    });
    const sent = await c.standin.sendMessage({
      content: 'what changed in 2021?',
      mentionsBot: true,
      authorId: c.standin.users.organiser.id,
    });
    const message = await received;
    expect(message.id).toBe(sent.id);
    expect(message.content).toBe(`<@${botId}> what changed in 2021?`);
    expect(message.mentions.users.has(botId)).toBe(true);
    expect(message.member?.roles.cache.has(c.standin.roles.organiser.id)).toBe(true);

    await message.reply('Here is the briefing.');
    const reply = await c.standin.waitForMessage(
      (candidate) => candidate.message_reference?.message_id === sent.id,
    );
    expect(reply.type).toBe(19);
    expect(reply.content).toBe('Here is the briefing.');
    expect(reply.author.id).toBe(botId);
    // Without allowed_mentions, Discord pings the replied-to author.
    expect(reply.mentions.map((user) => user.id)).toEqual([c.standin.users.organiser.id]);
  });

  it('accepts multipart uploads (payload_json + files[n]) and serves the attachment', async () => {
    const csv = 'programme,budget\nportal,120\n';
    const done = onInteraction(c.handlers, 'ping', async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply({
        content: 'Export attached',
        files: [new AttachmentBuilder(Buffer.from(csv), { name: 'export.csv' })],
      });
    });
    const handle = c.standin.sendCommand('ping');
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
    expect(c.standin.attachmentData(attachment!)?.toString()).toBe(csv);
    expect(await (await fetch(attachment!.url)).text()).toBe(csv);
    const upload = await c.standin.waitForRequest(
      (request) =>
        request.method === 'PATCH' &&
        request.path === `/webhooks/${c.standin.applicationId}/${handle.token}/messages/@original`,
    );
    expect(upload.files).toMatchObject([{ key: 'files[0]', filename: 'export.csv' }]);
    expect(upload.body).toMatchObject({ content: 'Export attached', attachments: [{ id: '0' }] });
  });

  it('delivers button clicks and modal submissions', async () => {
    const posted = await c.channel.send({
      content: 'Confirm the briefing?',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('confirm').setLabel('Confirm').setStyle(ButtonStyle.Primary),
        ),
      ],
    });
    const updated = onInteraction(c.handlers, 'confirm', async (interaction) => {
      if (!interaction.isButton()) throw new Error('expected a button');
      await interaction.update({ content: 'Confirmed', components: [] });
    });
    const click = c.standin.clickButton(posted.id, 'confirm', { user: c.standin.users.organiser.id });
    await updated;
    const final = await click.waitForFinal();
    expect(final).toMatchObject({
      kind: 'message',
      callbackType: 7,
      message: { id: posted.id, content: 'Confirmed', components: [] },
    });
    expect(() => c.standin.clickButton(posted.id, 'confirm')).toThrow(/no component/);

    const shown = onInteraction(c.handlers, 'ping', async (interaction) => {
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
    const command = c.standin.sendCommand('ping');
    await shown;
    expect(await command.waitForFinal()).toMatchObject({
      kind: 'modal',
      modal: { custom_id: 'feedback', title: 'Feedback' },
    });
    const thanked = onInteraction(c.handlers, 'feedback', async (interaction) => {
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
});
