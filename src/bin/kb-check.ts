import { boot } from '../app/boot.js';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../knowledge/load.js';

// `npm run kb:check [dir]`: validates the knowledge base (the folder given, else KNOWLEDGE_DIR,
// else the repository's knowledge/) and prints a summary; a broken one prints every problem.
await boot(({ env }) => {
  const dir = process.argv[2] ?? env.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR;
  const kb = loadKnowledge(dir);
  const facts = kb.projects.length + kb.topics.length + kb.measures.size + kb.rules.length;
  console.log(
    `knowledge base OK (version ${kb.version}): ${kb.sources.size} sources, ${kb.projects.length} projects, ` +
      `${kb.topics.length} topics, ${kb.measures.size} measures, ${kb.decisions.length} decisions, ` +
      `${kb.rules.length} rules (${facts} entries)`,
  );
  return Promise.resolve();
});
