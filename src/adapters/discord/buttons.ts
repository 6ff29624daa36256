import type {
  ButtonInteraction,
  MessageComponentInteraction,
  ModalSubmitInteraction,
  StringSelectMenuInteraction,
} from 'discord.js';
import type Keyv from 'keyv';
import type { Engine } from '../../core/engine.js';
import type { MessageBook } from '../../core/messages.js';
import { detectLanguage } from '../../core/text.js';
import type { AnswerCache, StoredRequest } from './answerCache.js';
import { languageOfLocale, privateNotice, sayTo } from './notices.js';
import { settle } from './outcome.js';
import type { Responder } from './respond.js';

export interface ButtonOptions {
  readonly engine: Engine;
  readonly cache: AnswerCache;
  readonly feedback: Keyv;
  readonly responder: Responder;
  readonly book: MessageBook;
  readonly today: () => string;
}

/** The answer buttons (👍/👎, share, clarify) and the project picker; anything else gets a clear notice. */
export class AnswerComponents {
  constructor(private readonly o: ButtonOptions) {}

  async handle(interaction: MessageComponentInteraction | ModalSubmitInteraction): Promise<void> {
    const [action, ...rest] = interaction.customId.split(':');
    if (interaction.isButton() && action === 'fb' && (rest[0] === 'up' || rest[0] === 'down') && rest[1]) {
      await this.vote(interaction, rest[0], rest[1]);
    } else if (interaction.isButton() && action === 'share' && rest[0] !== undefined) {
      await this.share(interaction, rest[0]);
    } else if (
      interaction.isButton() &&
      action === 'clarify' &&
      rest[0] !== undefined &&
      rest[1] !== undefined
    ) {
      await this.clarify(interaction, rest[0], Number(rest[1]));
    } else if (interaction.isStringSelectMenu() && action === 'pick' && rest[0] !== undefined) {
      await this.pick(interaction, rest[0]);
    } else {
      await this.unknown(interaction);
    }
  }

  /** A button, menu or form this bot does not (or no longer) know: say so, never stay silent. */
  async unknown(interaction: MessageComponentInteraction | ModalSubmitInteraction): Promise<void> {
    settle(interaction, 'unknown');
    await interaction.reply(privateNotice(sayTo(this.o.book, interaction, 'notice.unknownComponent')));
  }

  private async expired(interaction: ButtonInteraction): Promise<void> {
    settle(interaction, 'expired');
    await interaction.reply(privateNotice(sayTo(this.o.book, interaction, 'notice.expired')));
  }

  private async vote(interaction: ButtonInteraction, direction: 'up' | 'down', key: string) {
    const id = `${key}:${interaction.user.id}`;
    const previous = await this.o.feedback.get<{ vote: string }>(id);
    if (previous?.vote === direction) {
      await this.o.feedback.delete(id);
      await interaction.reply(privateNotice(sayTo(this.o.book, interaction, 'notice.withdrawn')));
      return;
    }
    const stored = await this.o.cache.get(key);
    await this.o.feedback.set(id, {
      vote: direction,
      at: new Date().toISOString(),
      request: stored?.request ?? null,
    });
    await interaction.reply(privateNotice(sayTo(this.o.book, interaction, `notice.thanks.${direction}`)));
  }

  /** Posts a private answer in the channel: the same request, answered again, for everyone. */
  private async share(interaction: ButtonInteraction, key: string) {
    const stored = await this.o.cache.get(key);
    if (stored === undefined) {
      await this.expired(interaction);
      return;
    }
    const title = stored.request.kind === 'question' ? stored.request.text : undefined;
    await this.o.responder.deliver(
      interaction,
      { ...stored, ephemeral: false },
      { key, title, shareable: false },
    );
  }

  /** "Did you mean…": asks the picked reading's question, as privately as the first answer. */
  private async clarify(interaction: ButtonInteraction, key: string, index: number) {
    const stored = await this.o.cache.get(key);
    const picked = stored === undefined ? undefined : this.o.responder.decide(stored).candidates[index];
    if (stored === undefined || picked === undefined) {
      await this.expired(interaction);
      return;
    }
    const text = picked.question ?? picked.label;
    const next: StoredRequest = {
      request: { kind: 'question', text },
      language: detectLanguage(text),
      today: stored.today,
      ephemeral: stored.ephemeral,
    };
    await this.o.responder.deliver(interaction, next, {
      title: text,
      shareable: next.ephemeral,
      recordGap: true,
    });
  }

  private async pick(interaction: StringSelectMenuInteraction, key: string) {
    const projectId = interaction.values[0];
    if (projectId === undefined || !this.o.engine.kb.projects.some((p) => p.id === projectId)) {
      await this.unknown(interaction);
      return;
    }
    const stored = await this.o.cache.get(key);
    const next: StoredRequest = {
      request: { kind: 'project', id: projectId, aspect: null },
      language: stored?.language ?? languageOfLocale(interaction.locale),
      today: stored?.today ?? this.o.today(),
      ephemeral: stored?.ephemeral ?? true,
    };
    await this.o.responder.deliver(interaction, next, { shareable: next.ephemeral });
  }
}
