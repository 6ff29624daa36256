import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { AnswerRequest } from '../src/answering/request.js';
import type { Engine } from '../src/core/engine.js';
import type { MessageBook } from '../src/core/messages.js';
import type { Answer, Language } from '../src/core/types.js';
import type { KnowledgeBase } from '../src/knowledge/parse.js';

/** A file sent with an answer (the full source list, the project table). */
export interface Attachment {
  readonly name: string;
  readonly data: string;
}

export interface RespondOptions {
  /** Only the asker sees it (with a button to share it in the channel). */
  readonly ephemeral: boolean;
  /** Shown above the answer, e.g. the question asked. */
  readonly title?: string | undefined;
  /** A file to send after the answer, made from it. */
  readonly attachment?: ((answer: Answer) => Attachment) | undefined;
}

/** The live briefing Q&A actions behind `/briefing-qa` (organiser checks included). */
export interface BriefingCommands {
  start(interaction: ChatInputCommandInteraction, title: string): Promise<void>;
  stop(interaction: ChatInputCommandInteraction): Promise<void>;
  export(interaction: ChatInputCommandInteraction, includeNames: boolean): Promise<void>;
  ask(interaction: ChatInputCommandInteraction, question: string): Promise<void>;
  /** Sets (a role id) or clears (null) the server's organiser role. */
  organiserRole(interaction: ChatInputCommandInteraction, roleId: string | null): Promise<void>;
}

/** How an option must look; `label` names it in the reply when it does not. */
export interface OptionSpec {
  readonly label: { readonly en: string; readonly ko: string };
  /** Missing counts as invalid (Discord marks it required, but a payload is only data). */
  readonly required?: boolean;
}

export interface NumberSpec extends OptionSpec {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

/** What a command handler may use: the engine, the clock, the messages, and one way to answer. */
export interface CommandContext {
  readonly engine: Engine;
  /** The sentences users read (knowledge/messages.yaml). */
  readonly book: MessageBook;
  today(): string;
  /** The reply language for an interaction: the user's Discord locale (ko → Korean). */
  languageOf(interaction: { locale: string }): Language;
  /** Answers through the one answer path and sends the reply (defers first when phrasing may be slow). */
  respond(
    interaction: ChatInputCommandInteraction,
    request: AnswerRequest,
    options: RespondOptions,
  ): Promise<void>;
  /** A short private message (bad option values). */
  notice(interaction: ChatInputCommandInteraction, text: string): Promise<void>;
  /**
   * A number option: null when absent, 'invalid' (after telling the user what is expected) when
   * it is not a number in range, whatever the client sent.
   */
  readNumber(
    interaction: ChatInputCommandInteraction,
    name: string,
    spec: NumberSpec,
  ): Promise<number | null | 'invalid'>;
  /** A string option that must be one of `allowed`: null when absent, 'invalid' (after a notice) otherwise. */
  readChoice<T extends string>(
    interaction: ChatInputCommandInteraction,
    name: string,
    allowed: readonly T[],
    spec: OptionSpec,
  ): Promise<T | null | 'invalid'>;
  /** The `year` option: null when absent, 'invalid' (after naming the years known) when no edition has it. */
  readYear(interaction: ChatInputCommandInteraction): Promise<number | null | 'invalid'>;
  /** Live briefing Q&A. */
  readonly briefing: BriefingCommands;
}

/** A slash command: its registration JSON (made from the knowledge base) and its handler. */
export interface Command {
  /** The command's name, as registered (the router's key). */
  readonly name: string;
  /** The registration JSON: descriptions from the message catalogue, choices from the data. */
  data(kb: KnowledgeBase): RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
}
