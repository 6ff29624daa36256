import type {
  ButtonInteraction,
  MessageComponentInteraction,
  ModalSubmitInteraction,
  StringSelectMenuInteraction,
} from 'discord.js';
import type Keyv from 'keyv';
import type { Engine } from '../../core/engine.js';
import type { AnswerCache, StoredRequest } from './answerCache.js';
import { NOTICES, languageOfLocale, privateNotice, toDiscord } from './notices.js';
import { settle } from './outcome.js';
import type { Responder } from './respond.js';
import type { AnswerRequest } from './requests.js';

export interface ButtonOptions {
  readonly engine: Engine;
  readonly cache: AnswerCache;
  readonly feedback: Keyv;
  readonly responder: Responder;
  readonly today: () => string;
}

/** The answer buttons (👍/👎, share) and the project picker; anything else gets a clear notice. */
export class AnswerComponents {
  constructor(private readonly o: ButtonOptions) {}

  async handle(interaction: MessageComponentInteraction | ModalSubmitInteraction): Promise<void> {
    const [action, ...rest] = interaction.customId.split(':');
    if (interaction.isButton() && action === 'fb' && (rest[0] === 'up' || rest[0] === 'down') && rest[1]) {
      await this.vote(interaction, rest[0], rest[1]);
    } else if (interaction.isButton() && action === 'share' && rest[0] !== undefined) {
      await this.share(interaction, rest[0]);
    } else if (interaction.isStringSelectMenu() && action === 'pick' && rest[0] !== undefined) {
      await this.pick(interaction, rest[0]);
    } else {
      await this.unknown(interaction);
    }
  }

  /** A button, menu or form this bot does not (or no longer) know: say so, never stay silent. */
  async unknown(interaction: MessageComponentInteraction | ModalSubmitInteraction): Promise<void> {
    settle(interaction, 'unknown');
    await interaction.reply(privateNotice(NOTICES[languageOfLocale(interaction.locale)].unknownComponent));
  }

  private async vote(interaction: ButtonInteraction, direction: 'up' | 'down', key: string) {
    const t = NOTICES[languageOfLocale(interaction.locale)];
    const id = `${key}:${interaction.user.id}`;
    const previous = await this.o.feedback.get<{ vote: string }>(id);
    if (previous?.vote === direction) {
      await this.o.feedback.delete(id);
      await interaction.reply(privateNotice(t.withdrawn));
      return;
    }
    const stored = await this.o.cache.get(key);
    await this.o.feedback.set(id, {
      vote: direction,
      at: new Date().toISOString(),
      request: stored?.request ?? null,
    });
    await interaction.reply(privateNotice(t.thanks(direction === 'up')));
  }

  private async share(interaction: ButtonInteraction, key: string) {
    const stored = await this.o.cache.get(key);
    if (stored === undefined) {
      settle(interaction, 'expired');
      await interaction.reply(privateNotice(NOTICES[languageOfLocale(interaction.locale)].expired));
      return;
    }
    const { responder } = this.o;
    const answer = responder.answerFor(stored.request, stored.language, stored.today);
    const title = stored.request.kind === 'question' ? stored.request.text : undefined;
    await interaction.reply(toDiscord(await responder.render(answer, stored, key, title, false), false));
    responder.sent(interaction, answer);
  }

  private async pick(interaction: StringSelectMenuInteraction, key: string) {
    const projectId = interaction.values[0];
    if (projectId === undefined || !this.o.engine.kb.projects.some((p) => p.id === projectId)) {
      await this.unknown(interaction);
      return;
    }
    const stored = await this.o.cache.get(key);
    const language = stored?.language ?? languageOfLocale(interaction.locale);
    const request: AnswerRequest = { kind: 'project', id: projectId, aspect: null };
    const next: StoredRequest = {
      request,
      language,
      today: stored?.today ?? this.o.today(),
      ephemeral: stored?.ephemeral ?? true,
    };
    const { responder } = this.o;
    const answer = responder.answerFor(request, language, next.today);
    const newKey = this.o.cache.put(next);
    const payload = await responder.render(answer, next, newKey, undefined, next.ephemeral);
    await interaction.reply(toDiscord(payload, next.ephemeral));
    responder.sent(interaction, answer);
    if (next.ephemeral) this.o.cache.persist(newKey);
  }
}
