import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { KnowledgeBase } from '../src/knowledge/parse.js';
import ask from './ask.js';
import briefing from './briefing.js';
import briefingQa from './briefingQa.js';
import type { Command } from './command.js';
import help from './help.js';
import project from './project.js';
import projects from './projects.js';
import rule from './rule.js';
import sources from './sources.js';

export type {
  Attachment,
  BriefingCommands,
  Command,
  CommandContext,
  NumberSpec,
  OptionSpec,
  RespondOptions,
} from './command.js';

/** Every slash command, in the order they are registered. */
export const COMMANDS: readonly Command[] = [
  ask,
  project,
  projects,
  rule,
  briefing,
  sources,
  help,
  briefingQa,
];

/** The registration JSON of every command, made from a knowledge base (what deploy-commands sends). */
export function commandDefinitions(kb: KnowledgeBase): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return COMMANDS.map((command) => command.data(kb));
}
