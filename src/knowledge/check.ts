import { loadKnowledge, DEFAULT_KNOWLEDGE_DIR } from './load.js';
import { KnowledgeError } from './parse.js';

// `npm run kb:check [dir]`: validates the knowledge base (the folder given, else KNOWLEDGE_DIR, else the
// repository's) and prints a summary or every problem.
const dir = process.argv[2] ?? (process.env['KNOWLEDGE_DIR']?.trim() || DEFAULT_KNOWLEDGE_DIR);
try {
  const kb = loadKnowledge(dir);
  const facts = kb.projects.length + kb.topics.length + kb.measures.size + kb.rules.length;
  const editions = kb.editions.map((e) => `${e.year} (${e.projects.length} projects)`).join(', ');
  console.log(
    `knowledge base OK (version ${kb.version}): editions ${editions}; ${kb.sources.size} sources, ` +
      `${kb.topics.length} topics, ${kb.measures.size} measures, ${kb.decisions.length} decisions, ` +
      `${kb.rules.length} rules (${facts} entries)`,
  );
} catch (error) {
  if (error instanceof KnowledgeError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
