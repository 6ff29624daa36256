import type { Command } from '../src/adapters/discord/command.js';
import ask from './ask.js';
import briefing from './briefing.js';
import briefingQa from './briefingQa.js';
import help from './help.js';
import project from './project.js';
import projects from './projects.js';
import rule from './rule.js';
import sources from './sources.js';

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
