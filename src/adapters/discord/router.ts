import type { Interaction, RepliableInteraction } from 'discord.js';
import type { Logger } from 'pino';
import type { Command, CommandContext } from '../../../commands/index.js';
import type { MessageBook } from '../../core/messages.js';
import type { Metrics } from '../../shared/metrics.js';
import type { RateLimiter } from '../../shared/rateLimit.js';
import type { AnswerComponents } from './buttons.js';
import { BRIEFING_PREFIX, type BriefingQa } from './briefingQa.js';
import { privateNotice, sayTo } from './notices.js';
import { withinBoundary } from './boundary.js';
import type { Outcome } from './outcome.js';

export interface RouterOptions {
  readonly commands: ReadonlyMap<string, Command>;
  readonly context: CommandContext;
  readonly components: AnswerComponents;
  readonly briefing: BriefingQa;
  readonly book: MessageBook;
  readonly limiter: RateLimiter;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/** Custom-id prefixes this bot issues; anything else is logged as "unknown" (bounded labels). */
const PREFIXES = new Set(['fb', 'share', 'pick', 'clarify', BRIEFING_PREFIX]);

/** A short, bounded name for the metrics and the log: the command, or the component kind and prefix. */
function labelOf(interaction: Interaction): string {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    const name = interaction.commandName;
    return interaction.isAutocomplete() ? `autocomplete:${name}` : name;
  }
  if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
    const prefix = interaction.customId.split(':')[0] ?? '';
    const kind = interaction.isModalSubmit() ? 'modal' : interaction.isButton() ? 'button' : 'menu';
    return `${kind}:${PREFIXES.has(prefix) ? prefix : 'unknown'}`;
  }
  return 'other';
}

function questionOf(interaction: Interaction): string | undefined {
  if (!interaction.isChatInputCommand()) return undefined;
  const option = interaction.options.get('question') ?? interaction.options.get('name');
  return typeof option?.value === 'string' ? option.value : undefined;
}

/**
 * The one error boundary for interactions: every interaction gets a reply (an answer, a clear
 * notice, or a short apology), and one log line with its id, command, status and latency.
 */
export function createInteractionRouter(o: RouterOptions): (interaction: Interaction) => Promise<void> {
  const { logger, metrics } = o;

  async function dispatch(interaction: Interaction, outcome: Outcome): Promise<void> {
    if (interaction.isAutocomplete()) {
      const command = o.commands.get(interaction.commandName);
      if (command?.autocomplete === undefined) await interaction.respond([]);
      else await command.autocomplete(interaction, o.context);
      return;
    }
    if (!interaction.isRepliable()) {
      outcome.status = 'ignored';
      return;
    }
    // Briefing votes and organiser actions don't run the engine; the briefing has its own
    // per-account question limit, so they skip the general one.
    if (
      (interaction.isMessageComponent() || interaction.isModalSubmit()) &&
      interaction.customId.startsWith(`${BRIEFING_PREFIX}:`)
    ) {
      await o.briefing.handleInteraction(interaction);
      return;
    }
    const say = (key: string, values?: Record<string, number>) => sayTo(o.book, interaction, key, values);
    const limited = await o.limiter.take(interaction.user.id);
    if (!limited.ok) {
      outcome.status = 'rate_limited';
      metrics.rateLimited('interaction');
      await interaction.reply(
        privateNotice(say('notice.rateLimited', { seconds: Math.ceil(limited.retryAfterMs / 1000) })),
      );
      return;
    }
    if (interaction.isChatInputCommand()) {
      const command = o.commands.get(interaction.commandName);
      if (command === undefined) {
        outcome.status = 'unknown';
        await interaction.reply(privateNotice(say('notice.unknownCommand')));
        return;
      }
      await command.execute(interaction, o.context);
    } else if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
      await o.components.handle(interaction);
    } else {
      // Context-menu commands and anything newer than this bot.
      outcome.status = 'unknown';
      await interaction.reply(privateNotice(say('notice.unknownCommand')));
    }
  }

  async function apologize(interaction: RepliableInteraction) {
    const payload = privateNotice(sayTo(o.book, interaction, 'notice.error'));
    try {
      if (interaction.deferred || interaction.replied) await interaction.followUp(payload);
      else await interaction.reply(payload);
    } catch (error) {
      logger.warn({ err: error, interaction: interaction.id }, 'could not send the apology');
    }
  }

  return async (interaction) => {
    const command = labelOf(interaction);
    metrics.interaction(command);
    await withinBoundary(
      logger,
      interaction,
      {
        id: { interaction: interaction.id },
        command,
        context: {
          interaction: {
            id: interaction.id,
            type: interaction.type,
            command,
            customId: 'customId' in interaction ? interaction.customId : undefined,
            user: interaction.user.id,
            guild: interaction.guildId,
          },
        },
        failure: 'interaction failed',
        question: () => questionOf(interaction),
      },
      (outcome) => dispatch(interaction, outcome),
      interaction.isRepliable() ? () => apologize(interaction) : undefined,
    );
  };
}
