import { benchDiscord } from './discord.js';
import { benchBoard } from './board.js';
import { benchBriefing } from './briefing.js';
import { benchEditions } from './editions.js';
import { benchEngine } from './engine.js';
import { benchLlm } from './llm.js';
import { benchShards } from './shards.js';

// `npm run bench [section...]`: prints figures; asserts nothing. Sections: engine, llm, discord,
// briefing, board, shards, editions (default: all).
const sections = process.argv.slice(2);
const wants = (name: string) => sections.length === 0 || sections.includes(name);

if (wants('engine')) benchEngine();
if (wants('editions')) benchEditions();
if (wants('llm')) await benchLlm();
if (wants('discord')) await benchDiscord();
if (wants('briefing')) await benchBriefing();
if (wants('board')) await benchBoard();
if (wants('shards')) await benchShards();
