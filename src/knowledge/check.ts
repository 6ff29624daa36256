import { loadKnowledge, DEFAULT_KNOWLEDGE_DIR } from './load.js';
import { KnowledgeError } from './parse.js';

// `npm run kb:check [dir]`: validates the knowledge base and prints a summary or every problem.
const dir = process.argv[2] ?? DEFAULT_KNOWLEDGE_DIR;
try {
  const kb = loadKnowledge(dir);
  const facts = kb.projects.length + kb.topics.length + kb.measures.size + kb.rules.length;
  console.log(
    `knowledge base OK (version ${kb.version}): ${kb.sources.size} sources, ${kb.projects.length} projects, ` +
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
