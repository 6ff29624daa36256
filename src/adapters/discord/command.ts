import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Engine } from '../../core/engine.js';
import type { Language } from '../../core/types.js';
import type { AnswerRequest } from './requests.js';

export interface RespondOptions {
  /** Only the asker sees it (with a button to share it in the channel). */
  readonly ephemeral: boolean;
  /** Shown above the answer, e.g. the question asked. */
  readonly title?: string | undefined;
}

/** What a command handler may use: the engine, the clock, and one way to answer. */
export interface CommandContext {
  readonly engine: Engine;
  today(): string;
  /** The reply language for an interaction: the user's Discord locale (ko → Korean). */
  languageOf(interaction: { locale: string }): Language;
  /** Answers through the engine and sends the reply (defers first when phrasing may be slow). */
  respond(interaction: ChatInputCommandInteraction, request: AnswerRequest, options: RespondOptions): Promise<void>;
  /** A short private message (bad option values). */
  notice(interaction: ChatInputCommandInteraction, text: string): Promise<void>;
}

/** A slash command: its registration JSON and its handler. */
export interface Command {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
}
