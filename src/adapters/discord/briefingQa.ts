import {
  AttachmentBuilder,
  MessageFlags,
  PermissionFlagsBits,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type Interaction,
  type Message,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Logger } from 'pino';
import type { BriefingCommands } from '../../../commands/index.js';
import type { AnswerPath } from '../../answering/answerPath.js';
import type { BriefingRecord } from '../../briefing/model.js';
import type { BriefingService } from '../../briefing/service.js';
import type { MessageBook } from '../../core/messages.js';
import { Coalescer } from '../../shared/coalescer.js';
import type { Metrics } from '../../shared/metrics.js';
import {
  answerForm,
  autoReply,
  buildQueueMessage,
  ephemeral,
  manageButtons,
  notice,
  oneLine,
  sayIn,
  submitText,
  type Say,
} from './briefingView.js';
import { languageOfLocale, privateNotice, sayTo } from './notices.js';
import { settle } from './outcome.js';
import { archiveLink, boardLinks, followBoard, postAnswer } from './briefingBoard.js';
import { takePost } from './briefingPosts.js';

export { BRIEFING_PREFIX, buildQueueMessage } from './briefingView.js';

export interface BriefingQaOptions {
  readonly client: Client;
  readonly service: BriefingService;
  /** Words an auto-answer like every other answer (rewording when phrasing is on). */
  readonly path: AnswerPath;
  readonly book: MessageBook;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Posts in a running briefing's channel are questions (needs the MessageContent intent). */
  readonly readMessages: boolean;
  /** Minimum time between two edits of one queue message. */
  readonly editIntervalMs: number;
  /**
   * The public base URL of the live board (e.g. https://board.example.org), or undefined while no
   * HTTP server serves it; then `start` gives no board link.
   */
  readonly boardUrl?: (() => string | undefined) | undefined;
}

/** What the bot needs in a channel to run a briefing there (and what each is called). */
const NEEDED_IN_CHANNEL = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
  [PermissionFlagsBits.ReadMessageHistory, 'Read Message History'],
] as const;

type BriefingComponent = MessageComponentInteraction | ModalSubmitInteraction;

/** Live briefing Q&A on Discord: thin, every decision comes from the BriefingService. */
export class BriefingQa implements BriefingCommands {
  readonly updater: Coalescer;
  private readonly client: Client;
  private readonly service: BriefingService;
  private readonly logger: Logger;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: BriefingQaOptions) {
    this.client = options.client;
    this.service = options.service;
    this.logger = options.logger;
    this.updater = new Coalescer(
      (briefingId) => this.renderQueue(briefingId),
      options.editIntervalMs,
      (error, briefingId) => {
        this.logger.error(
          { err: error, briefing: briefingId },
          'could not update the briefing queue message',
        );
      },
    );
    this.unsubscribe = followBoard(options, this.updater);
  }

  private say(locale: string | null | undefined): Say {
    return sayIn(this.options.book, languageOfLocale(locale));
  }

  private async renderQueue(briefingId: string): Promise<void> {
    const briefing = await this.service.repository.getBriefing(briefingId);
    if (briefing?.queueMessageId == null) return;
    const { queue, views } = await this.service.queue(briefingId);
    this.options.metrics.briefingQueue(briefingId, briefing.stoppedAt === null ? queue.length : null);
    const channel = await this.client.channels.fetch(briefing.channelId);
    if (channel === null || !channel.isTextBased())
      throw new Error(`briefing channel ${briefing.channelId} is not a text channel`);
    const payload = buildQueueMessage(this.options.book, briefing, queue, views);
    await channel.messages.edit(briefing.queueMessageId, {
      embeds: payload.embeds,
      components: payload.components,
      allowedMentions: payload.allowedMentions,
    });
  }

  /** Manage Server / Manage Events, or the server's organiser role (a stored setting). */
  private async isOrganiser(interaction: Interaction | BriefingComponent): Promise<boolean> {
    const permissions = [PermissionFlagsBits.ManageGuild, PermissionFlagsBits.ManageEvents];
    if (interaction.memberPermissions?.any(permissions) === true) return true;
    if (interaction.guildId === null) return false;
    const roleId = await this.service.organiserRole(interaction.guildId);
    const roles = interaction.member?.roles;
    if (roleId === undefined || roles === undefined) return false;
    return Array.isArray(roles) ? roles.includes(roleId) : roles.cache.has(roleId);
  }

  private async sendQueueMessage(briefing: BriefingRecord): Promise<BriefingRecord> {
    const channel = await this.client.channels.fetch(briefing.channelId);
    if (channel === null || !channel.isSendable())
      throw new Error(`briefing channel ${briefing.channelId} is not sendable`);
    const payload = buildQueueMessage(this.options.book, briefing, [], []);
    const sent = await channel.send({
      embeds: payload.embeds,
      components: payload.components,
      allowedMentions: payload.allowedMentions,
    });
    return this.service.setQueueMessage(briefing, sent.id);
  }

  private async guard(interaction: ChatInputCommandInteraction, organiserOnly: boolean): Promise<boolean> {
    const say = this.say(interaction.locale);
    if (interaction.guildId === null) {
      await interaction.reply(notice(say('guildOnly')));
      return false;
    }
    if (organiserOnly && !(await this.isOrganiser(interaction))) {
      settle(interaction, 'forbidden');
      await interaction.reply(notice(say('organisersOnly')));
      return false;
    }
    return true;
  }

  async start(interaction: ChatInputCommandInteraction, title: string): Promise<void> {
    if (!(await this.guard(interaction, true))) return;
    const language = languageOfLocale(interaction.locale);
    const say = sayIn(this.options.book, language);
    // Without these the queue could never be posted or read: say so instead of half-starting.
    const missing = NEEDED_IN_CHANNEL.filter(([bit]) => !interaction.appPermissions.has(bit));
    if (missing.length > 0) {
      settle(interaction, 'missing_permissions');
      await interaction.reply(
        notice(say('missingPermissions', { names: missing.map(([, name]) => name).join(', ') })),
      );
      return;
    }
    const result = await this.service.start({
      guildId: interaction.guildId!,
      channelId: interaction.channelId,
      title: title.trim(),
      language,
      startedBy: interaction.user.id,
    });
    if (result.kind === 'already_running') {
      await interaction.reply(notice(say('alreadyRunning', { title: oneLine(result.briefing.title, 200) })));
      return;
    }
    await this.sendQueueMessage(result.briefing);
    const links = await boardLinks(this.options, result.briefing.id);
    const started = say('started', { title: oneLine(result.briefing.title, 200) });
    // Ephemeral: only the organiser who started it sees the links.
    await interaction.reply(
      notice(links === undefined ? started : `${started}\n${say('boardLinks', links)}`),
    );
  }

  async stop(interaction: ChatInputCommandInteraction): Promise<void> {
    if (!(await this.guard(interaction, true))) return;
    const say = this.say(interaction.locale);
    const stopped = await this.service.stop(interaction.channelId);
    if (stopped === undefined) {
      await interaction.reply(notice(say('notRunning')));
      return;
    }
    const { views } = await this.service.queue(stopped.id);
    const archive = await archiveLink(this.options, stopped.id);
    const text = say('stopped', { count: views.length });
    await interaction.reply(
      notice(archive === undefined ? text : `${text}\n${say('archiveLink', { url: archive })}`),
    );
    this.updater.request(stopped.id);
  }

  async export(interaction: ChatInputCommandInteraction, includeNames: boolean): Promise<void> {
    if (!(await this.guard(interaction, true))) return;
    const say = this.say(interaction.locale);
    const briefing = await this.service.repository.latestInChannel(interaction.channelId);
    if (briefing === undefined) {
      await interaction.reply(notice(say('noBriefing')));
      return;
    }
    const exported = await this.service.export(briefing, includeNames);
    await interaction.reply({
      ...notice(say('exported', { count: exported.count })),
      files: [
        new AttachmentBuilder(Buffer.from(exported.csv, 'utf8'), { name: `briefing-${briefing.id}.csv` }),
        new AttachmentBuilder(Buffer.from(exported.markdown, 'utf8'), {
          name: `briefing-${briefing.id}.md`,
        }),
      ],
    });
  }

  /** Sets (or with null clears) the server's organiser role; Manage Server only. */
  async organiserRole(interaction: ChatInputCommandInteraction, roleId: string | null): Promise<void> {
    if (!(await this.guard(interaction, false))) return;
    const say = this.say(interaction.locale);
    if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) !== true) {
      settle(interaction, 'forbidden');
      await interaction.reply(notice(say('adminsOnly')));
      return;
    }
    await this.service.setOrganiserRole(interaction.guildId!, roleId);
    // A role mention renders as the role's name; allowed_mentions parses nothing, so nobody is pinged.
    await interaction.reply(
      notice(roleId === null ? say('roleCleared') : say('roleSet', { role: `<@&${roleId}>` })),
    );
  }

  async ask(interaction: ChatInputCommandInteraction, question: string): Promise<void> {
    if (!(await this.guard(interaction, false))) return;
    const language = languageOfLocale(interaction.locale);
    const outcome = await this.service.submit(
      interaction.channelId,
      { id: interaction.user.id, name: interaction.user.username },
      question,
      'command',
    );
    settle(interaction, outcome.kind);
    if (outcome.kind === 'limited') this.options.metrics.rateLimited('briefing');
    if (outcome.kind === 'auto') {
      // A rewording may take seconds: acknowledge within Discord's 3 s first.
      const slow = this.options.path.rewords;
      if (slow) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const { flags, ...payload } = ephemeral(
        await autoReply(this.options, language, outcome.answer, question),
      );
      await (slow ? interaction.editReply(payload) : interaction.reply({ ...payload, flags }));
      return;
    }
    await interaction.reply(notice(submitText(sayIn(this.options.book, language), outcome)));
    if (outcome.kind === 'queued' || outcome.kind === 'merged') {
      const briefing = await this.service.running(interaction.channelId);
      if (briefing !== undefined) this.updater.request(briefing.id);
    }
  }

  /** Handles a `bq:` button, select menu or modal; errors go to the caller's boundary. */
  async handleInteraction(interaction: BriefingComponent): Promise<void> {
    const [, action, briefingId, qid] = interaction.customId.split(':');
    const say = this.say(interaction.locale);
    if (action === undefined || briefingId === undefined || briefingId === '') {
      await this.unknown(interaction);
      return;
    }
    if (action === 'v' && interaction.isButton() && qid !== undefined) {
      await this.vote(interaction, briefingId, qid);
      return;
    }
    if (!['m', 'a', 'am', 'd', 'p'].includes(action)) {
      await this.unknown(interaction);
      return;
    }
    if (!(await this.isOrganiser(interaction))) {
      settle(interaction, 'forbidden');
      await interaction.reply(notice(say('organisersOnly')));
      return;
    }
    if (action === 'm' && interaction.isStringSelectMenu()) await this.manageMenu(interaction, briefingId);
    else if (qid === undefined) await this.unknown(interaction);
    else if (action === 'a' && interaction.isButton()) await this.answerForm(interaction, briefingId, qid);
    else if (action === 'am' && interaction.isModalSubmit()) {
      const text = interaction.fields.fields.has('answer')
        ? interaction.fields.getTextInputValue('answer').trim()
        : '';
      await this.decide(interaction, briefingId, qid, 'answer', text === '' ? null : text);
    } else if ((action === 'd' || action === 'p') && interaction.isButton())
      await this.decide(interaction, briefingId, qid, action === 'd' ? 'dismiss' : 'pin', null);
    else await this.unknown(interaction);
  }

  private async unknown(interaction: BriefingComponent): Promise<void> {
    settle(interaction, 'unknown');
    await interaction.reply(privateNotice(sayTo(this.options.book, interaction, 'notice.unknownComponent')));
  }

  private async vote(interaction: ButtonInteraction, briefingId: string, qid: string): Promise<void> {
    const say = this.say(interaction.locale);
    const outcome = await this.service.toggleVote(briefingId, qid, {
      id: interaction.user.id,
      name: interaction.user.username,
    });
    const key = {
      added: 'voteAdded',
      withdrawn: 'voteWithdrawn',
      not_open: 'notOpen',
      unknown: 'unknownQuestion',
    };
    const text = say(key[outcome.kind]);
    settle(interaction, `vote_${outcome.kind}`);
    await interaction.reply(notice(text));
    if (outcome.kind === 'added' || outcome.kind === 'withdrawn') this.updater.request(briefingId);
  }

  private async manageMenu(interaction: StringSelectMenuInteraction, briefingId: string): Promise<void> {
    const say = this.say(interaction.locale);
    const picked = interaction.values[0];
    const view = picked === undefined ? undefined : await this.service.view(briefingId, picked);
    if (view === undefined) {
      await interaction.reply(notice(say('unknownQuestion')));
      return;
    }
    await interaction.reply({
      ...notice(say('manage', { text: oneLine(view.question.text, 1500) })),
      components: manageButtons(say, briefingId, view.question.id),
    });
  }

  private async answerForm(interaction: ButtonInteraction, briefingId: string, qid: string): Promise<void> {
    await interaction.showModal(answerForm(this.say(interaction.locale), briefingId, qid));
  }

  private async decide(
    interaction: ButtonInteraction | ModalSubmitInteraction,
    briefingId: string,
    qid: string,
    action: 'answer' | 'dismiss' | 'pin',
    answer: string | null,
  ): Promise<void> {
    const say = this.say(interaction.locale);
    const outcome = await this.service.decide(briefingId, qid, action, interaction.user.id, answer);
    if (outcome.kind === 'unknown') {
      await interaction.reply(notice(say('unknownQuestion')));
      return;
    }
    if (outcome.kind === 'not_applicable') {
      await interaction.reply(notice(say('notApplicable', { status: outcome.status })));
      return;
    }
    await interaction.reply(
      notice(say(action === 'answer' ? 'answered' : action === 'dismiss' ? 'dismissed' : 'pinned')),
    );
    this.updater.request(briefingId);
    if (action === 'answer' && answer !== null) {
      const briefing = await this.service.repository.getBriefing(briefingId);
      if (briefing !== undefined)
        await postAnswer(this.options, briefing, outcome.question.question.text, answer);
    }
  }

  /** Takes a channel post as a question when a briefing runs there; false when it is not one. */
  async handleMessage(message: Message): Promise<boolean> {
    if (!this.options.readMessages || message.guildId === null) return false;
    return takePost(this.options, this.updater, message);
  }

  /** Sends the queue edits still pending (shutdown), within `timeoutMs`. */
  async flush(timeoutMs: number): Promise<void> {
    await this.updater.flush(timeoutMs);
  }

  close(): void {
    this.unsubscribe();
    this.updater.close();
  }
}
