import { boot } from '../app/boot.js';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledgeChecked } from '../knowledge/load.js';

// `npm run kb:check [dir]`: validates the knowledge base (the folder given, else KNOWLEDGE_DIR, else
// the repository's) and prints a summary or every problem. Warnings (facts resting on weak sources
// only) are printed but do not fail the check.
await boot(({ env }) => {
  const dir = process.argv[2] ?? env.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR;
  const { kb, warnings } = loadKnowledgeChecked(dir);
  for (const w of warnings) console.warn(`WARNING ${w.file}${w.path ? ` at ${w.path}` : ''}: ${w.message}`);
  const facts = kb.projects.length + kb.topics.length + kb.measures.size + kb.rules.length;
  const editions = kb.editions.map((e) => `${e.year} (${e.projects.length} projects)`).join(', ');
  console.log(
    `knowledge base OK (version ${kb.version}): editions ${editions}; ${kb.sources.size} sources, ` +
      `${kb.topics.length} topics, ${kb.measures.size} measures, ${kb.decisions.length} decisions, ` +
      `${kb.rules.length} rules (${facts} entries); ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`,
  );
  return Promise.resolve();
});
